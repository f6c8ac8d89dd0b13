//! Markdown report: GitHub-flavoured tables, one per group of targets.
//!
//! Badges are an emoji and the status word, so the status reads without colour.
//! Every string from the plan or the data goes through [`esc`]: Markdown
//! punctuation is backslash-escaped and `<`, `>`, `&` become entities, so a name
//! cannot open a link, emphasis or an HTML tag (Jupyter renders raw HTML in Markdown).

use std::fmt::{self, Write};

use crate::evaluate::{Severity, Status};
use crate::report::view::{Row, View};

/// Escapes text for a Markdown table cell.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// An id as a code span when it is a plain slug, else escaped text.
fn code(id: &str) -> String {
    let slug = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'));
    if slug {
        format!("`{id}`")
    } else {
        esc(id)
    }
}

fn cell(s: &str) -> String {
    if s.is_empty() {
        "—".into()
    } else {
        esc(s)
    }
}

/// The emoji of a status badge.
pub(crate) fn emoji(s: Status) -> &'static str {
    match s {
        Status::Met => "✅",
        Status::Missed => "❌",
        Status::OnTrack => "🟢",
        Status::Behind => "🟠",
        Status::NoData => "⚪",
        Status::Pending => "⏳",
        Status::NotComparable => "❓",
    }
}

/// A table; columns flagged in `right` are right-aligned (`---:`).
fn table(o: &mut String, header: &[String], rows: &[Vec<String>], right: &[bool]) -> fmt::Result {
    writeln!(o, "| {} |", header.join(" | "))?;
    let rule: Vec<&str> = (0..header.len())
        .map(|i| {
            if right.get(i).copied().unwrap_or(false) {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    writeln!(o, "|{}|", rule.join("|"))?;
    for r in rows {
        writeln!(o, "| {} |", r.join(" | "))?;
    }
    Ok(())
}

fn row(v: &View<'_>, r: &Row<'_>) -> Vec<String> {
    let mut status = format!("{} {}", emoji(r.a.status), esc(&r.status(v.lang)));
    if let Some(g) = r.grade(v.lang) {
        status.push_str(&format!(" ({})", esc(g)));
    }
    if r.a.severity == Some(Severity::Error) {
        status = format!("**{status}**");
    }
    let mut observed = cell(&r.observed);
    if let Some(p) = &r.observed_period {
        observed.push_str(&format!(" ({})", esc(p)));
    }
    if r.preliminary && !r.observed.is_empty() {
        observed.push_str(v.t(" 初步", " prelim."));
    }
    vec![
        status,
        format!("{}<br>{}", esc(r.name), code(&r.a.target)),
        esc(&r.kind_cell(v.lang)),
        observed,
        cell(&r.target(v.lang, false)),
        cell(&r.completion),
        cell(&r.gap),
        cell(&r.time),
        cell(&r.previous),
        cell(&r.explanation),
    ]
}

/// Figures (observed to previous year) are right-aligned in the target tables.
const RIGHT: [bool; 10] = [
    false, false, false, true, true, true, true, true, true, false,
];

pub(crate) fn write<W: fmt::Write + ?Sized>(v: &View<'_>, w: &mut W) -> fmt::Result {
    let mut out = String::new();
    let o = &mut out;
    writeln!(o, "# {}", esc(v.title()))?;
    writeln!(o)?;
    let facts: Vec<String> = v
        .facts()
        .into_iter()
        .map(|(k, val)| format!("**{k}** {}", esc(&val)))
        .collect();
    writeln!(o, "{}", facts.join(" · "))?;
    writeln!(o)?;

    writeln!(o, "## {}", v.t("概况", "Summary"))?;
    writeln!(o)?;
    writeln!(o, "{}", esc(&v.totals_line()))?;
    if !v.card.assessments.is_empty() {
        for (by_kind, title, first) in [
            (true, v.t("按类别", "By kind"), v.t("类别", "Kind")),
            (false, v.t("按章节", "By section"), v.t("章节", "Section")),
        ] {
            writeln!(o)?;
            writeln!(o, "### {title}")?;
            writeln!(o)?;
            let rows: Vec<Vec<String>> = v
                .count_rows(by_kind)
                .iter()
                .map(|r| r.iter().map(|c| esc(c)).collect())
                .collect();
            let header = v.count_header(first);
            let right: Vec<bool> = (0..header.len()).map(|i| i > 0).collect();
            table(o, &header, &rows, &right)?;
        }
    }

    writeln!(o)?;
    let misses = v.misses();
    writeln!(
        o,
        "### {} ({})",
        v.t("约束性指标未完成", "Binding targets missed"),
        misses.len()
    )?;
    writeln!(o)?;
    if misses.is_empty() {
        writeln!(o, "{}", v.t("无。", "None."))?;
    }
    for r in &misses {
        writeln!(o, "> - ❌ **{}** — {}", esc(r.name), esc(&r.explanation))?;
    }

    let stretch = v.stretch_lines();
    if !stretch.is_empty() {
        writeln!(o)?;
        let reached = stretch.iter().filter(|(ok, _)| *ok).count();
        match v.lang {
            crate::report::Lang::Zh => {
                writeln!(o, "### 力争目标（已达到 {reached} / 共 {}）", stretch.len())?
            }
            crate::report::Lang::En => writeln!(
                o,
                "### Stretch targets ({reached} of {} reached)",
                stretch.len()
            )?,
        }
        writeln!(o)?;
        for (ok, line) in &stretch {
            let mark = if *ok { "✅" } else { "▫️" };
            writeln!(o, "- {mark} {}", esc(line))?;
        }
    }

    writeln!(o)?;
    writeln!(o, "## {}", v.t("目标明细", "Targets"))?;
    let c = v.columns();
    let header: Vec<String> = [
        c.status,
        c.name,
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
    for g in &v.groups {
        writeln!(o)?;
        writeln!(o, "### {}", esc(&g.title))?;
        writeln!(o)?;
        let rows: Vec<Vec<String>> = g.rows.iter().map(|r| row(v, r)).collect();
        table(o, &header, &rows, &RIGHT)?;
    }
    w.write_str(&out)
}
