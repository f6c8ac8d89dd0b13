//! HTML report: a standalone page, or a fragment to embed (Jupyter, dashboards).
//!
//! No external resources: the CSS is inline and scoped under `.pw-report`, charts are
//! inline SVG. Status badges carry a symbol and the status word besides their colour.
//! Every string from the plan or the data goes through [`esc`].

use std::collections::HashMap;
use std::fmt::{self, Write};

use rust_decimal::Decimal;

use crate::evaluate::{Assessment, Rule, Severity, Status};
use crate::exact::Checked;
use crate::report::svg::{self, Other};
use crate::report::view::{Row, View};
use crate::report::Lang;
use crate::target::Tier;

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
.pw-report{--pw-fg:#1f2937;--pw-muted:#6b7280;--pw-line:#e5e7eb;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","Noto Sans SC",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--pw-fg);background:#fff;font-size:14px;line-height:1.45;padding:16px 20px;max-width:1600px}
.pw-report h1{font-size:22px;margin:0 0 4px}
.pw-report h2{font-size:17px;margin:22px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--pw-line)}
.pw-report h3{font-size:14px;margin:12px 0 6px}
.pw-report .pw-facts{color:var(--pw-muted);margin:0;display:flex;flex-wrap:wrap;gap:4px 18px}
.pw-report .pw-facts b{color:var(--pw-fg);font-weight:600;margin-right:4px}
.pw-report .pw-cards{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0 4px}
.pw-report .pw-card{border-radius:8px;padding:6px 12px;min-width:82px;border:1px solid transparent}
.pw-report .pw-card-n{display:block;font-size:22px;font-weight:700;line-height:1.2}
.pw-report .pw-card-l{font-size:12px}
.pw-report .pw-total{background:#f9fafb;border-color:var(--pw-line)}
.pw-report .pw-grid{display:flex;flex-wrap:wrap;gap:8px 32px;align-items:flex-start}
.pw-report table{border-collapse:collapse}
.pw-report .pw-counts td,.pw-report .pw-counts th{border-bottom:1px solid var(--pw-line);padding:3px 10px;text-align:right;font-variant-numeric:tabular-nums}
.pw-report .pw-counts th{font-weight:600;font-size:12px;color:var(--pw-muted)}
.pw-report .pw-counts td:first-child,.pw-report .pw-counts th:first-child{text-align:left}
.pw-report .pw-alert{border-radius:8px;padding:8px 14px;margin:14px 0 8px;border:1px solid}
.pw-report .pw-alert h3{margin:2px 0 6px}
.pw-report .pw-alert ul{margin:0;padding-left:20px}
.pw-report .pw-alert a{color:inherit}
.pw-report .pw-stretch ul{margin:0;padding-left:4px;list-style:none}
.pw-report .pw-stretch .pw-mark{display:inline-block;width:16px;color:var(--pw-muted)}
.pw-report .pw-stretch .pw-reached .pw-mark{color:#166534}
.pw-report .pw-alert-miss{background:#fef2f2;border-color:#fca5a5;border-left:6px solid #dc2626}
.pw-report .pw-alert-ok{background:#f0fdf4;border-color:#bbf7d0;border-left:6px solid #16a34a}
.pw-report .pw-alert p{margin:0}
.pw-report .pw-stretch li{margin:2px 0}
.pw-report .pw-legend{display:flex;flex-wrap:wrap;gap:4px 16px;color:var(--pw-muted);font-size:12px;margin:4px 0 8px;align-items:center}
.pw-report .pw-sw{display:inline-block;width:14px;height:10px;vertical-align:middle;margin-right:4px;border-radius:2px}
.pw-report .pw-sw-mark{width:3px;height:14px;border-radius:0}
.pw-report .pw-scroll{overflow-x:auto}
.pw-report .pw-targets{width:100%;font-size:13px}
.pw-report .pw-targets th,.pw-report .pw-targets td{padding:5px 8px;border-bottom:1px solid var(--pw-line);vertical-align:top;text-align:left}
.pw-report .pw-targets thead th{position:sticky;top:0;background:#f9fafb;font-size:12px;color:var(--pw-muted);font-weight:600;white-space:nowrap;border-bottom:2px solid var(--pw-line)}
.pw-report .pw-group-head th{background:#f3f4f6;font-size:13px;color:var(--pw-fg);padding:6px 8px}
.pw-report .pw-group-miss .pw-group-head th{background:#fee2e2;color:#991b1b}
.pw-report .pw-count{color:var(--pw-muted);font-weight:400;margin-left:6px}
.pw-report tr.pw-miss td{background:#fff7f7}
.pw-report tr.pw-miss td:first-child{box-shadow:inset 4px 0 0 #dc2626}
.pw-report .pw-targets .pw-num{text-align:right;font-variant-numeric:tabular-nums}
.pw-report .pw-targets td.pw-num{word-break:keep-all}
.pw-report .pw-sub{color:var(--pw-muted);font-size:11px;white-space:normal}
.pw-report .pw-name{font-weight:600}
.pw-report .pw-id{font-size:11px;color:var(--pw-muted);margin-top:2px}
.pw-report .pw-id code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:11px;word-break:break-all;margin-right:2px}
.pw-report .pw-namecell{min-width:140px;max-width:210px}
.pw-report .pw-tag{display:inline-block;border:1px solid #d1d5db;border-radius:4px;padding:0 4px;margin-right:4px;font-size:11px;line-height:16px;color:#374151;white-space:nowrap}
.pw-report .pw-k-binding{border-color:#dc2626;color:#b91c1c}
.pw-report .pw-tier{border-color:#7c3aed;color:#6d28d9}
.pw-report .pw-badge{display:inline-block;border-radius:999px;padding:1px 8px;font-size:12px;font-weight:600;white-space:nowrap;border:1px solid transparent}
.pw-report .pw-grade{font-size:11px;color:var(--pw-muted);margin-top:2px;white-space:nowrap}
.pw-report .pw-s-met{background:#dcfce7;color:#166534;border-color:#86efac}
.pw-report .pw-s-missed{background:#fee2e2;color:#991b1b;border-color:#fca5a5}
.pw-report .pw-s-on_track{background:#dbeafe;color:#1e40af;border-color:#93c5fd}
.pw-report .pw-s-behind{background:#fef3c7;color:#92400e;border-color:#fcd34d}
.pw-report .pw-s-no_data{background:#f3f4f6;color:#4b5563;border-color:#d1d5db}
.pw-report .pw-s-pending{background:#ede9fe;color:#5b21b6;border-color:#c4b5fd}
.pw-report .pw-s-not_comparable{background:#fae8ff;color:#86198f;border-color:#f0abfc}
.pw-report .pw-chart{width:164px;padding-top:2px;padding-bottom:0}
.pw-report .pw-bullet{display:block}
.pw-report .pw-nochart{display:inline-block;width:152px;margin-left:6px;text-align:center;color:#9ca3af;font-size:11px;border:1px dashed #d1d5db;border-radius:4px;line-height:20px;margin-top:5px}
.pw-report .pw-expl{min-width:180px;max-width:420px;color:#374151;font-size:12px}
.pw-report .pw-empty{color:var(--pw-muted)}
@media print{.pw-report{padding:0}.pw-report .pw-targets thead th{position:static}.pw-report tr{break-inside:avoid}}
"#;

fn symbol(s: Status) -> &'static str {
    match s {
        Status::Met => "✓",
        Status::Missed => "✗",
        Status::OnTrack => "↗",
        Status::Behind => "↘",
        Status::NoData => "○",
        Status::Pending => "…",
        Status::NotComparable => "?",
    }
}

fn badge(s: Status, lang: Lang) -> String {
    format!(
        r#"<span class="pw-badge pw-s-{}">{} {}</span>"#,
        s.name(),
        symbol(s),
        esc(lang.pick(s.zh(), s.en()))
    )
}

fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

pub(crate) fn write_page<W: fmt::Write + ?Sized>(v: &View<'_>, w: &mut W) -> fmt::Result {
    let mut o = String::new();
    writeln!(o, "<!DOCTYPE html>")?;
    writeln!(o, r#"<html lang="{}">"#, html_lang(v.lang))?;
    writeln!(o, "<head>")?;
    writeln!(o, r#"<meta charset="utf-8">"#)?;
    writeln!(
        o,
        r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#
    )?;
    writeln!(o, r#"<meta name="generator" content="planwatch">"#)?;
    writeln!(o, "<title>{}</title>", esc(v.title()))?;
    writeln!(o, "<style>{CSS}</style>")?;
    writeln!(o, "</head>")?;
    writeln!(o, r#"<body style="margin:0">"#)?;
    w.write_str(&o)?;
    write_fragment(v, false, w)?;
    w.write_str("</body>\n</html>\n")
}

pub(crate) fn write_fragment<W: fmt::Write + ?Sized>(
    v: &View<'_>,
    style: bool,
    w: &mut W,
) -> fmt::Result {
    let mut o = String::new();
    writeln!(o, r#"<div class="pw-report" lang="{}">"#, html_lang(v.lang))?;
    if style {
        writeln!(o, "<style>{CSS}</style>")?;
    }
    header(v, &mut o)?;
    summary(v, &mut o)?;
    targets(v, &mut o)?;
    writeln!(o, "</div>")?;
    w.write_str(&o)
}

fn header(v: &View<'_>, o: &mut String) -> fmt::Result {
    writeln!(o, r#"<header class="pw-head">"#)?;
    writeln!(o, "<h1>{}</h1>", esc(v.title()))?;
    write!(o, r#"<p class="pw-facts">"#)?;
    for (k, val) in v.facts() {
        write!(o, "<span><b>{}</b>{}</span>", esc(k), esc(&val))?;
    }
    writeln!(o, "</p>")?;
    writeln!(o, "</header>")
}

fn count_table(v: &View<'_>, o: &mut String, by_kind: bool, first: &'static str) -> fmt::Result {
    write!(o, r#"<table class="pw-counts"><thead><tr>"#)?;
    for h in v.count_header(first) {
        write!(o, "<th>{}</th>", esc(&h))?;
    }
    write!(o, "</tr></thead><tbody>")?;
    for row in v.count_rows(by_kind) {
        write!(o, "<tr>")?;
        for c in row {
            write!(o, "<td>{}</td>", esc(&c))?;
        }
        write!(o, "</tr>")?;
    }
    writeln!(o, "</tbody></table>")
}

fn summary(v: &View<'_>, o: &mut String) -> fmt::Result {
    writeln!(o, r#"<section class="pw-summary">"#)?;
    writeln!(o, "<h2>{}</h2>", v.t("概况", "Summary"))?;
    let all = &v.card.summary.all;
    write!(o, r#"<div class="pw-cards">"#)?;
    write!(
        o,
        r#"<div class="pw-card pw-total"><span class="pw-card-n">{}</span><span class="pw-card-l">{}</span></div>"#,
        all.total,
        v.t("目标合计", "targets")
    )?;
    for s in &v.statuses {
        write!(
            o,
            r#"<div class="pw-card pw-s-{}"><span class="pw-card-n">{}</span><span class="pw-card-l">{} {}</span></div>"#,
            s.name(),
            all.get(*s),
            symbol(*s),
            esc(v.lang.pick(s.zh(), s.en()))
        )?;
    }
    writeln!(o, "</div>")?;

    let misses = v.misses();
    let class = if misses.is_empty() {
        "pw-alert-ok"
    } else {
        "pw-alert-miss"
    };
    writeln!(o, r#"<div class="pw-alert {class}">"#)?;
    writeln!(
        o,
        "<h3>{} ({})</h3>",
        v.t("约束性指标未完成", "Binding targets missed"),
        misses.len()
    )?;
    if misses.is_empty() {
        writeln!(
            o,
            "<p>{}</p>",
            v.t(
                "无：约束性指标均未出现未完成。",
                "None: no binding target is missed."
            )
        )?;
    } else {
        writeln!(o, "<ul>")?;
        for r in &misses {
            writeln!(
                o,
                r##"<li><a href="#pw-{}"><b>{}</b></a> — {}</li>"##,
                esc(&r.a.target),
                esc(r.name),
                esc(&r.explanation)
            )?;
        }
        writeln!(o, "</ul>")?;
    }
    writeln!(o, "</div>")?;

    let stretch = v.stretch_lines();
    if !stretch.is_empty() {
        let reached = stretch.iter().filter(|(ok, _)| *ok).count();
        writeln!(o, r#"<div class="pw-stretch">"#)?;
        match v.lang {
            Lang::Zh => writeln!(
                o,
                "<h3>力争目标（已达到 {reached} / 共 {}）</h3>",
                stretch.len()
            )?,
            Lang::En => writeln!(
                o,
                "<h3>Stretch targets ({reached} of {} reached)</h3>",
                stretch.len()
            )?,
        }
        writeln!(o, "<ul>")?;
        for (ok, line) in &stretch {
            let (class, mark) = if *ok {
                (r#" class="pw-reached""#, "✓")
            } else {
                ("", "○")
            };
            writeln!(
                o,
                r#"<li{class}><span class="pw-mark">{mark}</span>{}</li>"#,
                esc(line)
            )?;
        }
        writeln!(o, "</ul>")?;
        writeln!(o, "</div>")?;
    }

    if !v.card.assessments.is_empty() {
        writeln!(o, r#"<div class="pw-grid">"#)?;
        for (by_kind, title, first) in [
            (true, v.t("按类别", "By kind"), v.t("类别", "Kind")),
            (false, v.t("按章节", "By section"), v.t("章节", "Section")),
        ] {
            writeln!(o, "<div><h3>{title}</h3>")?;
            count_table(v, o, by_kind, first)?;
            writeln!(o, "</div>")?;
        }
        writeln!(o, "</div>")?;
    }
    writeln!(o, "</section>")
}

fn legend(v: &View<'_>, o: &mut String) -> fmt::Result {
    let item = |o: &mut String, style: &str, extra: &str, text: &str| {
        write!(
            o,
            r#"<span><span class="pw-sw{extra}" style="{style}"></span>{}</span>"#,
            esc(text)
        )
    };
    write!(
        o,
        r#"<div class="pw-legend"><span>{}</span>"#,
        v.t("图示：", "Chart:")
    )?;
    item(o, "background:#d3ebd6", "", v.t("达标区间", "target met"))?;
    item(
        o,
        "background:#fbe8c4",
        "",
        v.t("基本完成区间", "basically achieved"),
    )?;
    item(
        o,
        "background:#f4d3d3",
        "",
        v.t("未达标区间", "not achieved"),
    )?;
    item(
        o,
        "background:#1f2937;height:6px",
        "",
        v.t("实际值", "observed"),
    )?;
    item(
        o,
        "background:#111827",
        " pw-sw-mark",
        v.t("目标", "target"),
    )?;
    item(
        o,
        "background:repeating-linear-gradient(#7c3aed 0 3px,transparent 3px 5px)",
        " pw-sw-mark",
        v.t("力争目标", "stretch target"),
    )?;
    item(
        o,
        "background:#2563eb;clip-path:polygon(50% 0,100% 100%,0 100%)",
        "",
        v.t("按进度应达", "expected by now"),
    )?;
    writeln!(o, "</div>")
}

/// The other tier's target of each indicator, by (indicator, tier).
fn tiers(card: &crate::evaluate::Scorecard) -> HashMap<(&str, Tier), &Assessment> {
    let mut m = HashMap::new();
    for a in &card.assessments {
        m.entry((a.indicator.as_str(), a.tier)).or_insert(a);
    }
    m
}

fn other_tier(a: &Assessment, tiers: &HashMap<(&str, Tier), &Assessment>) -> Option<Other> {
    let want = match a.tier {
        Tier::Base => Tier::Stretch,
        Tier::Stretch => Tier::Base,
    };
    let b = tiers.get(&(a.indicator.as_str(), want))?;
    if b.unit != a.unit {
        return None;
    }
    let v = b.target_value?;
    Some(match want {
        Tier::Stretch => Other::Stretch(v),
        Tier::Base => Other::Base(v),
    })
}

/// The value expected by now for a partial-year flow: target × expected share.
fn pace(a: &Assessment) -> Option<Decimal> {
    if !matches!(a.rule, Rule::PartialFlowLinear | Rule::PartialFlowSeasonal) {
        return None;
    }
    let share = a.expected_progress.or(a.time_progress)?;
    a.target_value?.mul_checked(share)
}

fn chart_label(v: &View<'_>, r: &Row<'_>, other: Option<Other>, pace: Option<Decimal>) -> String {
    let mut parts = vec![
        format!("{} {}", v.t("实际", "observed"), r.observed_cell()),
        format!("{} {}", v.t("目标", "target"), r.target(v.lang, false)),
    ];
    let q = |x: Decimal| crate::report::view::quantity(x, r.a.unit, v.lang);
    match other {
        Some(Other::Stretch(x)) => parts.push(format!("{} {}", v.t("力争", "stretch"), q(x))),
        Some(Other::Base(x)) => parts.push(format!("{} {}", v.t("基本目标", "base"), q(x))),
        None => {}
    }
    if let Some(p) = pace {
        parts.push(format!("{} {}", v.t("按进度应达", "expected by now"), q(p)));
    }
    parts.join(v.t("；", "; "))
}

fn num_cell(o: &mut String, text: &str) -> fmt::Result {
    if text.is_empty() {
        write!(o, r#"<td class="pw-num pw-empty">—</td>"#)
    } else {
        write!(o, r#"<td class="pw-num">{}</td>"#, esc(text))
    }
}

fn row(
    v: &View<'_>,
    r: &Row<'_>,
    tiers: &HashMap<(&str, Tier), &Assessment>,
    o: &mut String,
) -> fmt::Result {
    let a = r.a;
    let miss = a.severity == Some(Severity::Error);
    write!(
        o,
        r#"<tr id="pw-{}" class="pw-row{}" data-status="{}">"#,
        esc(&a.target),
        if miss { " pw-miss" } else { "" },
        a.status.name()
    )?;
    // Status and grade.
    write!(o, "<td>{}", badge(a.status, v.lang))?;
    if let Some(g) = r.grade(v.lang) {
        write!(o, r#"<div class="pw-grade">{}</div>"#, esc(g))?;
    }
    write!(o, "</td>")?;
    // Name, id, kind and tier.
    write!(
        o,
        r#"<td class="pw-namecell"><div class="pw-name">{}</div><div class="pw-id"><code>{}</code> <span class="pw-tag pw-k-{}">{}</span>"#,
        esc(r.name),
        esc(&a.target),
        a.kind.name(),
        esc(r.kind)
    )?;
    if r.stretch {
        write!(
            o,
            r#"<span class="pw-tag pw-tier">{}</span>"#,
            v.t("力争", "stretch")
        )?;
    }
    write!(o, "</div></td>")?;
    // Observed, with its partial period and preliminary flag.
    if r.observed.is_empty() {
        num_cell(o, "")?;
    } else {
        write!(o, r#"<td class="pw-num">{}"#, esc(&r.observed))?;
        let mut sub = Vec::new();
        if let Some(p) = &r.observed_period {
            sub.push(esc(p));
        }
        if r.preliminary {
            sub.push(v.t("初步核算", "preliminary").to_string());
        }
        if !sub.is_empty() {
            write!(o, r#"<div class="pw-sub">{}</div>"#, sub.join(" · "))?;
        }
        write!(o, "</td>")?;
    }
    num_cell(o, &r.target(v.lang, false))?;
    num_cell(o, &r.completion)?;
    num_cell(o, &r.gap)?;
    num_cell(o, &r.time)?;
    match (&a.previous_period, r.previous.is_empty()) {
        (Some(p), false) => write!(
            o,
            r#"<td class="pw-num">{}<div class="pw-sub">{}</div></td>"#,
            esc(&r.previous),
            esc(&p.to_string())
        )?,
        _ => num_cell(o, &r.previous)?,
    }
    // Chart, or a placeholder saying why there is none.
    let other = other_tier(a, tiers);
    let pace = pace(a);
    let chart = svg::bullet(
        a,
        &v.card.margins,
        other,
        pace,
        &chart_label(v, r, other, pace),
    );
    match chart {
        Some(svg) => write!(o, r#"<td class="pw-chart">{svg}</td>"#)?,
        None => {
            let why = if a.rule == Rule::Milestone {
                v.t("里程碑", "milestone")
            } else if a.observed.is_none() {
                v.t("暂无数据", "no data")
            } else {
                v.t("无图示", "no chart")
            };
            write!(
                o,
                r#"<td class="pw-chart"><span class="pw-nochart">{why}</span></td>"#
            )?;
        }
    }
    write!(o, r#"<td class="pw-expl">{}</td>"#, esc(&r.explanation))?;
    writeln!(o, "</tr>")
}

fn targets(v: &View<'_>, o: &mut String) -> fmt::Result {
    writeln!(o, r#"<section class="pw-detail">"#)?;
    writeln!(o, "<h2>{}</h2>", v.t("目标明细", "Targets"))?;
    legend(v, o)?;
    let c = v.columns();
    let heads = [
        c.status,
        c.name,
        c.observed,
        c.target,
        c.completion,
        c.gap,
        c.time,
        c.previous,
        c.chart,
        c.explanation,
    ];
    writeln!(o, r#"<div class="pw-scroll"><table class="pw-targets">"#)?;
    write!(o, "<thead><tr>")?;
    for (i, h) in heads.iter().enumerate() {
        // Columns 2–7 hold figures, right-aligned like their cells.
        let class = if (2..=7).contains(&i) {
            r#" class="pw-num""#
        } else {
            ""
        };
        write!(o, "<th{class}>{}</th>", esc(h))?;
    }
    writeln!(o, "</tr></thead>")?;
    let tiers = tiers(v.card);
    for g in &v.groups {
        writeln!(
            o,
            r#"<tbody class="pw-group{}"><tr class="pw-group-head"><th colspan="{}">{}<span class="pw-count">{}</span></th></tr>"#,
            if g.misses { " pw-group-miss" } else { "" },
            heads.len(),
            esc(&g.title),
            g.rows.len()
        )?;
        for r in &g.rows {
            row(v, r, &tiers, o)?;
        }
        writeln!(o, "</tbody>")?;
    }
    if v.groups.is_empty() {
        writeln!(
            o,
            r#"<tbody><tr><td colspan="{}" class="pw-empty">{}</td></tr></tbody>"#,
            heads.len(),
            v.t("计划中没有目标。", "The plan has no targets.")
        )?;
    }
    writeln!(o, "</table></div>")?;
    writeln!(o, "</section>")
}
