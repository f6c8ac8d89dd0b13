//! Reports: every format renders, tables line up for Chinese text, HTML is well formed
//! and escaped, CSV parses back, output is deterministic; and the `scorecard` example
//! end to end (its source is included as a module and run with arguments).

use planwatch::{evaluate, Format, Lang, Observations, Options, Plan, Scorecard, Status};

#[path = "../../examples/scorecard.rs"]
#[allow(dead_code)]
mod cli;

fn builtin(as_of: Option<&str>) -> Scorecard {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let obs = Observations::builtin("nanshan-2024").unwrap();
    let options = match as_of {
        Some(d) => Options::as_of(d.parse().unwrap()),
        None => Options::default(),
    };
    evaluate(&plan, &obs, &options)
}

/// The built-in plan with one more observation: new jobs (a binding target) missed.
fn with_binding_miss() -> Scorecard {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let mut obs = Observations::builtin("nanshan-2024").unwrap();
    obs.extend(
        Observations::from_csv_str(
            "indicator,period,value,unit,vintage\nnew_jobs,2024,1.2万,人,2025-01-20\n",
            "extra.csv",
        )
        .unwrap(),
    );
    evaluate(&plan, &obs, &Options::as_of("2025-06-30".parse().unwrap()))
}

/// Terminal width written independently of the library: the CJK blocks are wide.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let wide = [
                (0x1100, 0x115F),
                (0x2E80, 0x303E),
                (0x3041, 0x33FF),
                (0x3400, 0x4DBF),
                (0x4E00, 0x9FFF),
                (0xAC00, 0xD7A3),
                (0xF900, 0xFAFF),
                (0xFE30, 0xFE4F),
                (0xFF00, 0xFF60),
                (0xFFE0, 0xFFE6),
            ]
            .iter()
            .any(|(lo, hi)| (*lo..=*hi).contains(&u));
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Display columns at which each " | " separator's bar stands.
fn bar_columns(line: &str) -> Vec<usize> {
    let mut cols = Vec::new();
    let mut col = 0;
    let chars: Vec<char> = line.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '|' && i > 0 && chars[i - 1] == ' ' && chars.get(i + 1) == Some(&' ') {
            cols.push(col);
        }
        col += width(&c.to_string());
    }
    cols
}

/// Checks every table of a text report: the bars of each row stand at the columns of
/// the `+` of the rule under the header. Returns the number of tables checked.
fn check_text_tables(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let mut tables = 0;
    for (i, rule) in lines.iter().enumerate() {
        let is_rule = rule.contains("-+-") && rule.chars().all(|c| c == '-' || c == '+');
        if !is_rule {
            continue;
        }
        tables += 1;
        let pluses: Vec<usize> = rule.match_indices('+').map(|(p, _)| p).collect();
        let mut rows = vec![lines[i - 1]];
        rows.extend(
            lines[i + 1..]
                .iter()
                .take_while(|l| l.contains(" | ") || l.starts_with('['))
                .filter(|l| l.contains(" | ")),
        );
        assert!(rows.len() > 1, "table without rows after {rule:?}");
        for row in rows {
            let bars = bar_columns(row);
            assert!(
                bars.len() >= pluses.len(),
                "row has {} separators, the rule {}: {row}",
                bars.len(),
                pluses.len()
            );
            assert_eq!(&bars[..pluses.len()], &pluses[..], "misaligned row: {row}");
        }
    }
    tables
}

#[test]
fn every_format_renders_in_both_languages() {
    let card = builtin(None);
    for format in Format::ALL {
        for lang in [Lang::Zh, Lang::En] {
            let out = card.render(format, lang);
            assert!(out.len() > 1000, "{format} {lang}: {} bytes", out.len());
        }
    }
    let json: serde_json::Value = serde_json::from_str(&card.to_json()).unwrap();
    assert_eq!(
        json["assessments"].as_array().unwrap().len(),
        card.assessments.len()
    );
    assert!(card.to_text(Lang::Zh).contains("本地生产总值增长"));
    assert!(card.to_text(Lang::En).contains("Real GDP growth"));
    assert_eq!("en".parse::<Lang>().unwrap(), Lang::En);
    assert_eq!("md".parse::<Format>().unwrap(), Format::Markdown);
    assert!("klingon".parse::<Lang>().is_err());
    assert_eq!(Lang::default(), Lang::Zh);
}

#[test]
fn text_tables_line_up_for_cjk() {
    for card in [builtin(None), with_binding_miss()] {
        let zh = card.to_text(Lang::Zh);
        assert!(zh
            .lines()
            .any(|l| l.contains(" | ") && l.contains("已完成")));
        // Summary by kind, by section, and the target table.
        assert_eq!(check_text_tables(&zh), 3, "{zh}");
        assert_eq!(check_text_tables(&card.to_text(Lang::En)), 3);
    }
}

#[test]
fn text_rows_hold_every_target_and_misses_come_first() {
    let card = with_binding_miss();
    assert_eq!(card.summary.binding_misses, ["new_jobs"]);
    let text = card.to_text(Lang::Zh);
    let table = text.split("== 目标明细 ==").nth(1).unwrap();
    let lines: Vec<&str> = table.lines().skip(1).collect(); // the rest of the heading line
    assert!(lines[0].starts_with("状态 "), "{}", lines[0]);
    assert_eq!(lines[2], "[约束性指标未完成]");
    let rows: Vec<&&str> = lines[3..].iter().filter(|l| l.contains(" | ")).collect();
    assert_eq!(rows.len(), card.assessments.len());
    assert!(rows[0].starts_with("!! 未完成 | new_jobs "), "{}", rows[0]);
    // The summary lists the miss before the table does.
    let summary = text.split("== 目标明细 ==").next().unwrap();
    assert!(summary.contains("约束性指标未完成 (1)"));
    assert!(summary.contains("!! 新增就业人数1.2万人"), "{summary}");
    // The indicator's Chinese name has a column of its own, in English too.
    assert!(rows[0].contains("| 新增就业人数 "), "{}", rows[0]);
    let en = card.to_text(Lang::En);
    let table = en.split("== Targets ==").nth(1).unwrap();
    assert!(
        table.lines().nth(1).unwrap().contains("| 指标 (zh) "),
        "{table}"
    );
    assert!(table.contains("| 新增就业人数 "), "{table}");
}

/// A missed stretch tier of a binding indicator is not a missed binding target: the
/// counts by kind hold the base targets by kind and the stretch tiers as a group of
/// their own, and still add up to every target. (The plan and data of conformance case
/// 086: a binding base met and its stretch missed, a growth base met and the stretch
/// on its level missed.)
#[test]
fn counts_by_kind_keep_stretch_tiers_apart() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/conformance/086-stretch-never-a-violation"
    );
    let plan = Plan::from_toml_str(
        &std::fs::read_to_string(format!("{dir}/plan.toml")).unwrap(),
        "plan.toml",
    )
    .unwrap();
    let obs = Observations::from_csv_str(
        &std::fs::read_to_string(format!("{dir}/observations.csv")).unwrap(),
        "observations.csv",
    )
    .unwrap();
    let card = evaluate(&plan, &obs, &Options::default());
    let counts: Vec<(&str, usize, usize, usize)> = card
        .summary
        .by_kind
        .iter()
        .map(|g| {
            let c = &g.counts;
            (
                g.key.as_str(),
                c.total,
                c.get(Status::Met),
                c.get(Status::Missed),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("binding", 1, 1, 0),
            ("expected", 1, 1, 0),
            ("stretch", 2, 0, 2)
        ]
    );
    assert!(card.summary.binding_misses.is_empty());
    let zh = card.to_text(Lang::Zh);
    let kinds = zh.split("按章节").next().unwrap();
    assert!(
        kinds
            .lines()
            .any(|l| l.starts_with("约束性 ") && l.ends_with("|    1 |      1 |      0")),
        "{kinds}"
    );
    assert!(
        kinds
            .lines()
            .any(|l| l.starts_with("力争 ") && l.ends_with("|    2 |      0 |      2")),
        "{kinds}"
    );
    let en = card.to_text(Lang::En);
    assert!(en.lines().any(|l| l.starts_with("stretch ")), "{en}");
}

/// Checks that tags are balanced (void elements and `/>` aside); returns the count of
/// each opened tag name.
fn check_balanced(html: &str) -> std::collections::BTreeMap<String, usize> {
    const VOID: &[&str] = &["meta", "br", "hr", "img", "input", "link", "col", "wbr"];
    let mut stack: Vec<String> = Vec::new();
    let mut counts = std::collections::BTreeMap::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>').expect("unclosed <");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name.trim(), "</{name}> closes <{open}>");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(!name.is_empty(), "bad tag <{tag}>");
        *counts.entry(name.clone()).or_insert(0) += 1;
        if tag.ends_with('/') || VOID.contains(&name.as_str()) {
            continue;
        }
        stack.push(name);
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    counts
}

#[test]
fn html_is_well_formed_and_self_contained() {
    for card in [builtin(None), with_binding_miss()] {
        for lang in [Lang::Zh, Lang::En] {
            let html = card.to_html(lang);
            assert!(html.starts_with("<!DOCTYPE html>\n<html lang="));
            let counts = check_balanced(&html);
            for a in &card.assessments {
                assert!(
                    html.contains(&format!("id=\"pw-{}\"", a.target)),
                    "{}",
                    a.target
                );
            }
            let with_value = card
                .assessments
                .iter()
                .filter(|a| a.observed.is_some() && a.target_value.is_some())
                .count();
            assert!(with_value >= 3);
            assert_eq!(counts.get("svg").copied().unwrap_or(0), with_value);
            assert_eq!(html.matches("<tr id=\"pw-").count(), card.assessments.len());
            assert_eq!(
                html.matches("<tr class=\"pw-group-head\">").count(),
                count_groups(&card)
            );
            // Nothing is fetched: no scripts, stylesheets, images or remote links.
            for bad in ["<script", "<link", "src=", "href=\"http", "url(", "@import"] {
                assert!(!html.contains(bad), "{bad}");
            }
            let fragment = card.to_html_fragment(lang);
            check_balanced(&fragment);
            assert!(fragment.starts_with("<div class=\"pw-report\""));
            assert!(!fragment.contains("<html") && !fragment.contains("<head>"));
            assert!(fragment.contains("<style>"));
        }
    }
}

fn count_groups(card: &Scorecard) -> usize {
    // One heading row per group: the binding misses, then each section in turn.
    let mut n = 0;
    let mut last: Option<(bool, Option<&str>)> = None;
    for a in card.ordered() {
        let miss = a.severity == Some(planwatch::Severity::Error);
        let key = (miss, if miss { None } else { a.section.as_deref() });
        if last != Some(key) {
            n += 1;
            last = Some(key);
        }
    }
    n
}

#[test]
fn html_lists_binding_misses_first() {
    let html = with_binding_miss().to_html(Lang::Zh);
    let first_row = html.find("<tr id=\"pw-").unwrap();
    assert!(html[first_row..].starts_with("<tr id=\"pw-new_jobs\" class=\"pw-row pw-miss\""));
    let alert = html.find("pw-alert-miss").unwrap();
    assert!(alert < first_row);
    assert!(
        html.contains("✗ 未完成"),
        "badges carry text, not colour alone"
    );
}

/// A small plan whose names try to inject markup, with a stretch tier on the same
/// indicator and a negative growth rate.
fn hostile() -> Scorecard {
    let plan = Plan::from_toml_str(
        r#"
[plan]
id = "x<y>"
title = "<script>alert('t')</script> & co"
period = "2024"

[[indicator]]
id = "growth"
name = { zh = "<script>alert(1)</script>增长", en = "Growth <b>\"quoted\"</b> | [link](http://x)" }
unit = "%"
measure = "growth"
kind = "binding"
section = "一"

[[target]]
id = "growth"
indicator = "growth"
condition = ">= 5%"

[[target]]
id = "growth_stretch"
indicator = "growth"
condition = ">= 6%"
tier = "stretch"

[[indicator]]
id = "done_thing"
name = { zh = "完成某事", en = "A milestone" }
measure = "milestone"
kind = "task"
section = "二"

[[target]]
id = "done_thing"
indicator = "done_thing"
condition = "done by 2024-12-31"
"#,
        "hostile.toml",
    )
    .unwrap();
    let obs = Observations::from_csv_str(
        "indicator,period,value,unit\ngrowth,2024,-2.5,%\n",
        "obs.csv",
    )
    .unwrap();
    evaluate(&plan, &obs, &Options::as_of("2025-03-01".parse().unwrap()))
}

#[test]
fn every_renderer_escapes_plan_text() {
    let card = hostile();
    assert_eq!(card.assessment("growth").unwrap().status, Status::Missed);
    for lang in [Lang::Zh, Lang::En] {
        let html = card.to_html(lang);
        check_balanced(&html);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>\"quoted"));
        assert!(html.contains("&lt;script&gt;alert("));
        assert!(html
            .contains("<title>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; &amp; co</title>"));
        let md = card.to_markdown(lang);
        assert!(!md.contains("<script") && !md.contains("<b>"), "{md}");
        assert!(!md.contains("[link](http://x)"));
    }
    let md = card.to_markdown(Lang::En);
    assert!(
        md.contains(r#"Growth &lt;b&gt;"quoted"&lt;/b&gt; \| \[link\](http://x)"#),
        "{md}"
    );
}

#[test]
fn bullet_charts_handle_stretch_and_negative_rates() {
    let card = hostile();
    let html = card.to_html(Lang::En);
    let rows: Vec<&str> = html.split("<tr id=\"pw-").skip(1).collect();
    let row = |id: &str| {
        *rows
            .iter()
            .find(|r| r.starts_with(&format!("{id}\"")))
            .unwrap()
    };
    let base = row("growth");
    assert_eq!(base.matches("<svg").count(), 1);
    assert!(
        base.contains("stroke=\"#7c3aed\""),
        "stretch marker: {base}"
    );
    // The scale reaches below zero: a zero line is drawn and the bar starts left of it.
    assert!(base.contains("stroke=\"#6b7280\" stroke-width=\"1\""));
    assert!(base.contains("observed -2.5%"));
    let stretch = row("growth_stretch");
    assert!(stretch.contains("<svg") && stretch.contains("base 5%"));
    let milestone = row("done_thing");
    assert!(!milestone.contains("<svg"));
    assert!(milestone.contains("pw-nochart"));
}

#[test]
fn csv_parses_back_one_row_per_target() {
    let card = with_binding_miss();
    let text = card.to_csv();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    // The record's fields, flattened, in the record's order.
    assert_eq!(header[..4], ["target", "indicator", "name.zh", "name.en"]);
    let json: serde_json::Value = serde_json::from_str(&card.to_json()).unwrap();
    for key in json["assessments"][0].as_object().unwrap().keys() {
        assert!(
            header
                .iter()
                .any(|h| h == key || h.starts_with(&format!("{key}."))),
            "JSON field {key} has no CSV column"
        );
    }
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), card.assessments.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, a) in rows.iter().zip(&card.assessments) {
        assert_eq!(&row[col("target")], a.target);
        assert_eq!(&row[col("status")], a.status.name());
        assert_eq!(&row[col("explanation.zh")], a.explanation().zh);
    }
    let gdp = rows.iter().find(|r| &r[0] == "gdp_growth").unwrap();
    assert_eq!(&gdp[col("observed")], "4.1");
    assert_eq!(&gdp[col("gap")], "-1.4");
    assert_eq!(&gdp[col("gap_unit")], "个百分点");
    assert_eq!(&gdp[col("previous")], "5.1");
    assert_eq!(&gdp[col("name.en")], "Real GDP growth");
    // Plain decimals, never exponents; lists as JSON.
    for row in &rows {
        for name in [
            "observed",
            "target_value",
            "completion",
            "gap",
            "time_progress",
        ] {
            let v = &row[col(name)];
            assert!(
                v.is_empty() || v.parse::<planwatch::Decimal>().is_ok() && !v.contains(['e', 'E']),
                "{name} = {v:?}"
            );
        }
    }
    let inputs: serde_json::Value = serde_json::from_str(&gdp[col("inputs")]).unwrap();
    assert_eq!(inputs[0]["indicator"], "gdp_growth");
}

#[test]
fn csv_of_a_scorecard_without_assessments_still_has_its_header() {
    let full = with_binding_miss().to_csv();
    let mut card = with_binding_miss();
    card.assessments.clear();
    let empty = card.to_csv();
    // The same header as a scorecard with rows, and no row.
    assert_eq!(empty.lines().count(), 1, "{empty}");
    assert_eq!(empty.lines().next(), full.lines().next());
}

#[test]
fn markdown_has_one_table_row_per_target() {
    for card in [builtin(None), with_binding_miss()] {
        for lang in [Lang::Zh, Lang::En] {
            let md = card.to_markdown(lang);
            let heading = match lang {
                Lang::Zh => "## 目标明细",
                Lang::En => "## Targets",
            };
            let detail = md.split(heading).nth(1).unwrap();
            let lines: Vec<&str> = detail.lines().collect();
            let mut rows = 0;
            let mut i = 0;
            while i < lines.len() {
                if lines[i].starts_with('|') {
                    let block = lines[i..].iter().take_while(|l| l.starts_with('|')).count();
                    assert!(lines[i + 1].starts_with("|---"), "{}", lines[i + 1]);
                    let cols = lines[i].matches(" | ").count();
                    for l in lines[i..i + block]
                        .iter()
                        .filter(|l| !l.starts_with("|---"))
                    {
                        let unescaped = l.matches(" | ").count();
                        assert_eq!(unescaped, cols, "{l}");
                    }
                    rows += block - 2;
                    i += block;
                } else {
                    i += 1;
                }
            }
            assert_eq!(rows, card.assessments.len());
        }
    }
}

#[test]
fn same_input_same_bytes() {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let obs = Observations::builtin("nanshan-2024").unwrap();
    let reversed: Observations = obs.iter().rev().cloned().collect();
    let options = Options::as_of("2025-06-30".parse().unwrap());
    let a = evaluate(&plan, &obs, &options);
    let b = evaluate(&plan, &reversed, &options);
    for format in Format::ALL {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(a.render(format, lang), b.render(format, lang), "{format}");
            assert_eq!(a.render(format, lang), a.render(format, lang));
        }
    }
    let mut s = String::new();
    a.write_html(Lang::Zh, &mut s).unwrap();
    assert_eq!(s, a.to_html(Lang::Zh));
}

// ---- the example, end to end ----

fn run(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run(&args, "2025-06-30".parse().unwrap(), &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// A directory of one test's own, removed when dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("planwatch-report-{}-{tag}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn example_prints_the_builtin_scorecard() {
    let (code, out, err) = run(&[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, builtin(Some("2025-06-30")).to_text(Lang::Zh) + "");
    let (code, out, _) = run(&["--format", "csv", "--lang=en", "--as-of", "2024-09-30"]);
    assert_eq!(code, 0);
    assert_eq!(out, builtin(Some("2024-09-30")).to_csv());
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("usage: scorecard"));
}

#[test]
fn example_adds_observations_to_the_builtin_ones_and_writes_files() {
    let scratch = Scratch::new("adds");
    let extra = scratch.file(
        "extra.csv",
        "indicator,period,value,unit,vintage\nnew_jobs,2024,1.2万,人,2025-01-20\n",
    );
    let html = scratch.file("out.html", "");
    let (code, out, err) = run(&["--observations", &extra, "--format", "html", "-o", &html]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty());
    let written = std::fs::read_to_string(&html).unwrap();
    assert_eq!(written, with_binding_miss().to_html(Lang::Zh));
    // Built-in rows are still there: GDP growth is evaluated too.
    assert!(written.contains("id=\"pw-gdp_growth\""));
    assert!(written.contains("<svg"));
}

#[test]
fn example_reports_every_problem_and_exits_2() {
    let scratch = Scratch::new("problems");
    let plan = scratch.file(
        "bad.toml",
        "[plan]\nid = \"bad\"\nperiod = \"2024Q5\"\n\n[[indicator]]\nid = \"x\"\nname = { zh = \"某\" }\nunit = \"furlongs\"\n",
    );
    let (code, out, err) = run(&["--plan", &plan]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("bad.toml:")).collect();
    assert!(lines.len() >= 2, "{err}");
    assert!(err.contains("bad.toml:3:"), "{err}");

    let obs = scratch.file(
        "bad.csv",
        "indicator,period,value,unit\nnew_jobs,2024,lots,人\ngdp,2024Q7,1,亿元\n",
    );
    let (code, _, err) = run(&["--observations", &obs]);
    assert_eq!(code, 2);
    assert!(err.contains("bad.csv:2:3: "), "{err}");
    assert!(err.contains("bad.csv:3:2: "), "{err}");

    for args in [
        &["--format", "pdf"][..],
        &["--lang"][..],
        &["--as-of", "2024-13-01"][..],
        &["--frobnicate"][..],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty());
        assert!(err.contains("usage: scorecard"), "{err}");
    }
    let (code, _, err) = run(&["--plan", "/nonexistent/plan.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"));
}

#[test]
fn example_with_own_plan_uses_only_given_observations() {
    let scratch = Scratch::new("own");
    let plan = scratch.file(
        "own.toml",
        "[plan]\nid = \"own\"\nperiod = \"2024\"\n\n[[indicator]]\nid = \"new_jobs\"\nname = { zh = \"新增就业人数\", en = \"New jobs\" }\nunit = \"人\"\nkind = \"binding\"\n\n[[target]]\nindicator = \"new_jobs\"\ncondition = \">= 1.5万人\"\n",
    );
    let (code, out, err) = run(&["--plan", &plan, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["assessments"][0]["status"], "no_data");
    let obs = scratch.file(
        "own.json",
        r#"[{"indicator":"new_jobs","period":"2024","value":"16000","unit":"人"}]"#,
    );
    let (code, out, _) = run(&["--plan", &plan, "--observations", &obs, "--format", "md"]);
    assert_eq!(code, 0);
    assert!(out.contains("✅ 已完成"), "{out}");
}

#[test]
fn example_prints_a_named_builtin_scorecard() {
    let plan = Plan::builtin("china-14fyp").unwrap();
    let obs = Observations::builtin("china-14fyp").unwrap();
    let card = evaluate(&plan, &obs, &Options::as_of("2026-12-02".parse().unwrap()));
    let (code, out, err) = run(&["--builtin", "china-14fyp", "--as-of=2026-12-02"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, card.to_text(Lang::Zh));
    assert!(out.contains("energy_intensity_reduction"), "{out}");
    // Its own observations are used, and extra files are added to them.
    let (code, out, _) = run(&["--builtin=china-14fyp", "--format", "csv", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(out.contains("gdp_growth_2021"), "{out}");
    assert!(!out.contains("new_jobs"), "{out}");
    // The default stays nanshan-2024.
    assert_eq!(run(&["--builtin", "nanshan-2024"]).1, run(&[]).1);
    // An unknown name lists the names; --builtin and --plan exclude each other.
    let (code, out, err) = run(&["--builtin", "china-13fyp"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("no built-in dataset \"china-13fyp\"; available: nanshan-2024, china-14fyp"),
        "{err}"
    );
    let (code, _, err) = run(&["--builtin", "china-14fyp", "--plan", "plan.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("exclude each other"), "{err}");
}

#[test]
fn example_reads_the_shipped_workbook() {
    let book = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/data/nanshan-2024.xlsx"
    );
    let (code, out, err) = run(&["--plan", book, "--observations", book, "--format", "csv"]);
    if cfg!(feature = "excel") {
        assert_eq!(code, 0, "{err}");
        assert_eq!(out, builtin(Some("2025-06-30")).to_csv());
    } else {
        assert_eq!(code, 2);
        assert!(err.contains("excel feature"), "{err}");
    }
}
