//! Plain-text report: tables padded by display width, so Chinese text lines up.
//!
//! Only ASCII is used for rules and separators (`|`, `-`, `+`) and for comparators
//! (`>=`), because box-drawing characters and ≥ are East Asian Ambiguous: a CJK
//! terminal draws them two columns wide and would break the alignment.

use std::fmt::{self, Write};

use crate::report::view::{Row, View};
use crate::report::width::{display_width, pad};

/// A line of a table: cells, or a heading between rows.
enum Line {
    Cells(Vec<String>),
    Heading(String),
}

/// Lays out `header` and `lines`; columns flagged in `right` are right-aligned. The
/// last column is left unpadded when `free_last`, so a long explanation does not
/// widen every row.
fn table(
    out: &mut String,
    header: &[String],
    lines: &[Line],
    right: &[bool],
    free_last: bool,
) -> fmt::Result {
    let n = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for line in lines {
        if let Line::Cells(cells) = line {
            for (w, c) in widths.iter_mut().zip(cells) {
                *w = (*w).max(display_width(c));
            }
        }
    }
    let row = |out: &mut String, cells: &[String]| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate().take(n) {
            if i > 0 {
                s.push_str(" | ");
            }
            if free_last && i == n - 1 {
                s.push_str(c);
            } else {
                pad(&mut s, c, widths[i], right.get(i).copied().unwrap_or(false));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    row(out, header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&rule.join("-+-"));
    out.push('\n');
    for line in lines {
        match line {
            Line::Cells(cells) => row(out, cells),
            Line::Heading(h) => writeln!(out, "[{h}]")?,
        }
    }
    Ok(())
}

fn cell(s: &str) -> String {
    if s.is_empty() {
        "-".into()
    } else {
        // A line break inside a cell would break the table.
        s.replace(['\n', '\r', '\t'], " ")
    }
}

fn cells(v: &View<'_>, r: &Row<'_>) -> Vec<String> {
    let mut status = r.status(v.lang);
    if r.a.severity == Some(crate::evaluate::Severity::Error) {
        status = format!("!! {status}");
    }
    vec![
        status,
        cell(&r.a.target),
        cell(&r.a.name.zh),
        r.kind_cell(v.lang),
        cell(&r.observed_cell()),
        cell(&r.target(v.lang, true)),
        cell(&r.completion),
        cell(&r.gap),
        cell(&r.time),
        cell(&r.previous),
        cell(&r.explanation),
    ]
}

pub(crate) fn write<W: fmt::Write + ?Sized>(v: &View<'_>, w: &mut W) -> fmt::Result {
    let mut out = String::new();
    let o = &mut out;
    writeln!(o, "{}", cell(v.title()))?;
    let facts: Vec<String> = v
        .facts()
        .into_iter()
        .map(|(k, val)| format!("{k}: {}", cell(&val)))
        .collect();
    writeln!(o, "{}", facts.join("  "))?;
    writeln!(o)?;

    writeln!(o, "== {} ==", v.t("概况", "Summary"))?;
    writeln!(o, "{}", v.totals_line())?;
    if !v.card.assessments.is_empty() {
        for (by_kind, title, first) in [
            (true, v.t("按类别", "By kind"), v.t("类别", "Kind")),
            (false, v.t("按章节", "By section"), v.t("章节", "Section")),
        ] {
            writeln!(o)?;
            writeln!(o, "{title}")?;
            let header = v.count_header(first);
            let right: Vec<bool> = (0..header.len()).map(|i| i > 0).collect();
            let lines: Vec<Line> = v
                .count_rows(by_kind)
                .into_iter()
                .map(|r| Line::Cells(r.iter().map(|c| cell(c)).collect()))
                .collect();
            table(o, &header, &lines, &right, false)?;
        }
    }

    writeln!(o)?;
    let misses = v.misses();
    writeln!(
        o,
        "{} ({})",
        v.t("约束性指标未完成", "Binding targets missed"),
        misses.len()
    )?;
    if misses.is_empty() {
        writeln!(o, "  {}", v.t("无", "none"))?;
    }
    for r in &misses {
        writeln!(o, "  !! {}", cell(&r.explanation))?;
    }

    // Rows that could not be used, and contradictions: never dropped silently.
    if !v.card.issues.is_empty() {
        writeln!(o)?;
        writeln!(
            o,
            "{} ({})",
            v.t("数据问题", "Problems in the data"),
            v.card.issues.len()
        )?;
        for issue in &v.card.issues {
            writeln!(o, "  ? {}", cell(&issue.to_string()))?;
        }
    }

    let stretch = v.stretch_lines();
    if !stretch.is_empty() {
        writeln!(o)?;
        let reached = stretch.iter().filter(|(ok, _)| *ok).count();
        match v.lang {
            crate::report::Lang::Zh => {
                writeln!(o, "力争目标 (已达到 {reached} / 共 {})", stretch.len())?
            }
            crate::report::Lang::En => writeln!(
                o,
                "Stretch targets ({reached} of {} reached)",
                stretch.len()
            )?,
        }
        for (ok, line) in &stretch {
            let mark = if *ok { "+" } else { "-" };
            writeln!(o, "  {mark} {}", cell(line))?;
        }
    }

    writeln!(o)?;
    writeln!(o, "== {} ==", v.t("目标明细", "Targets"))?;
    let c = v.columns();
    let header: Vec<String> = [
        c.status,
        c.target_id,
        // The indicator's Chinese name in both languages: the name the plan and the
        // statistics use, which an analyst searches for.
        v.t("指标", "指标 (zh)"),
        c.kind,
        c.observed,
        c.target,
        c.completion,
        c.gap,
        c.time,
        c.previous,
        c.explanation,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let right = [
        false, false, false, false, true, false, true, true, true, true, false,
    ];
    let mut lines = Vec::new();
    for g in &v.groups {
        lines.push(Line::Heading(cell(&g.title)));
        lines.extend(g.rows.iter().map(|r| Line::Cells(cells(v, r))));
    }
    table(o, &header, &lines, &right, true)?;
    w.write_str(&out)
}
