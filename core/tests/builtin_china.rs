//! The built-in china-14fyp dataset: it loads through the public loaders, every target quote occurs in
//! the stored excerpt of the source it names, and every observation is backed by an evidence figure
//! whose source has the row's address and publication date (the vintage).

use std::collections::BTreeMap;

use planwatch::{evaluate, Kind, Observations, Options, Plan, Status, CHINA_14FYP_EVIDENCE};

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

struct Source {
    url: String,
    published: String,
    excerpt: String,
}

fn evidence() -> (BTreeMap<String, Source>, Vec<toml::Table>) {
    let doc: toml::Table = toml::from_str(CHINA_14FYP_EVIDENCE).expect("evidence.toml parses");
    let s = |t: &toml::Table, k: &str| {
        t.get(k)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let mut sources = BTreeMap::new();
    for v in doc["source"].as_array().unwrap() {
        let t = v.as_table().unwrap();
        let prev = sources.insert(
            s(t, "id"),
            Source {
                url: s(t, "url"),
                published: s(t, "published"),
                excerpt: squash(&s(t, "excerpt")),
            },
        );
        assert!(prev.is_none(), "duplicate source {}", s(t, "id"));
    }
    let figures = doc["figure"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_table().unwrap().clone())
        .collect();
    (sources, figures)
}

#[test]
fn builtin_names_list_both_datasets_and_each_loads() {
    assert_eq!(Plan::builtin_names(), ["nanshan-2024", "china-14fyp"]);
    for name in Plan::builtin_names() {
        Plan::builtin(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        Observations::builtin(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    assert!(Plan::builtin("china-14th").is_err());
}

#[test]
fn twenty_main_indicators_in_five_groups() {
    let plan = Plan::builtin("china-14fyp").unwrap();
    assert_eq!(plan.period.to_string(), "2021..2025");
    // The rows of 专栏1: the indicators that carry a target.
    let rows = [
        (
            "专栏1.经济发展",
            &[
                "gdp_growth",
                "labour_productivity_growth",
                "urbanization_rate",
            ][..],
        ),
        (
            "专栏1.创新驱动",
            &[
                "rd_growth",
                "high_value_patents_per_10k",
                "digital_core_share",
            ],
        ),
        (
            "专栏1.民生福祉",
            &[
                "income_growth",
                "urban_unemployment",
                "schooling_years",
                "doctors_per_1000",
                "pension_coverage",
                "childcare_places_per_1000",
                "life_expectancy_gain",
            ],
        ),
        (
            "专栏1.绿色生态",
            &[
                "energy_intensity_reduction",
                "co2_intensity_reduction",
                "air_quality_good_days",
                "surface_water_good",
                "forest_coverage",
            ],
        ),
        ("专栏1.安全保障", &["grain_capacity", "energy_capacity"]),
    ];
    let mut n = 0;
    let mut binding = 0;
    for (section, ids) in rows {
        for id in ids {
            let i = plan.indicator(id).unwrap_or_else(|| panic!("{id} missing"));
            assert_eq!(i.section.as_deref(), Some(section), "{id}");
            n += 1;
            binding += usize::from(i.kind == Kind::Binding);
        }
    }
    assert_eq!(n, 20);
    // 8 binding (约束性) indicators: schooling, energy, CO2, air, water, forest, grain, energy capacity.
    assert_eq!(binding, 8);
    // Yearly GDP targets of the government work reports.
    let gdp: Vec<String> = (2021..=2025)
        .map(|y| {
            plan.target(&format!("gdp_growth_{y}"))
                .unwrap()
                .condition
                .to_string()
        })
        .collect();
    assert_eq!(gdp, [">= 6%", "~ 5.5%", "~ 5%", "~ 5%", "~ 5%"]);
    assert_eq!(
        plan.target("energy_intensity_reduction")
            .unwrap()
            .condition
            .to_string(),
        "<= -13.5%"
    );
    // 高于GDP增长 and 与GDP增长基本同步: references to GDP growth over the plan period.
    for (id, condition) in [
        ("labour_productivity_growth", "> ref:gdp_growth"),
        ("income_growth", "~ ref:gdp_growth"),
    ] {
        let t = plan.target(id).unwrap();
        assert_eq!(t.condition.to_string(), condition);
        assert_eq!(t.period.to_string(), "2021..2025");
    }
    assert_eq!(
        plan.target("surface_water_good")
            .unwrap()
            .condition
            .to_string(),
        ">= ref:fyp_surface_water_target"
    );
}

#[test]
fn every_quote_occurs_in_its_stored_excerpt() {
    let plan = Plan::builtin("china-14fyp").unwrap();
    let (sources, _) = evidence();
    let mut checked = 0;
    let provenances = plan
        .targets
        .iter()
        .map(|t| (t.id.as_str(), t.source.as_ref()))
        .chain(
            plan.indicators
                .iter()
                .filter_map(|i| i.source.as_ref().map(|s| (i.id.as_str(), Some(s)))),
        );
    for (id, p) in provenances {
        let p = p.unwrap_or_else(|| panic!("{id} has no provenance"));
        let doc = p
            .document
            .as_deref()
            .unwrap_or_else(|| panic!("{id}: no document"));
        let src = sources
            .get(doc)
            .unwrap_or_else(|| panic!("{id}: source {doc} not in evidence"));
        let quote = squash(p.quote.as_deref().unwrap_or_default());
        assert!(!quote.is_empty(), "{id}: empty quote");
        assert!(
            src.excerpt.contains(&quote),
            "{id}: quote {quote} not in {doc}"
        );
        checked += 1;
    }
    assert!(checked > plan.targets.len());
}

#[test]
fn every_observation_has_its_source_date_and_quote() {
    let obs = Observations::builtin("china-14fyp").unwrap();
    let (sources, figures) = evidence();
    assert_eq!(
        obs.len(),
        figures.len(),
        "one evidence figure per observation"
    );
    for o in obs.iter() {
        let vintage = o
            .vintage
            .unwrap_or_else(|| panic!("{} {} has no vintage", o.indicator, o.period));
        let source = o.source.as_deref().unwrap_or_default();
        let backed = figures.iter().any(|f| {
            let s = |k: &str| f.get(k).and_then(|v| v.as_str()).unwrap_or_default();
            let src = &sources[s("source")];
            s("indicator") == &*o.indicator
                && s("period") == o.period.to_string()
                && src.url == source
                && src.published == vintage.to_string()
                && src.excerpt.contains(&squash(s("quote")))
                && squash(s("quote")).contains(s("value").trim_start_matches('-'))
        });
        assert!(
            backed,
            "{} {}: no evidence figure with this source and date",
            o.indicator, o.period
        );
    }
}

#[test]
fn nothing_is_known_before_it_was_published() {
    let plan = Plan::builtin("china-14fyp").unwrap();
    let obs = Observations::builtin("china-14fyp").unwrap();
    // The 2021 GDP growth (8.1%) was published on 2022-01-17.
    let before = evaluate(&plan, &obs, &Options::as_of("2022-01-16".parse().unwrap()));
    let a = before.assessment("gdp_growth_2021").unwrap();
    assert!(a.observed.is_none(), "{}", a.explanation().en);
    let after = evaluate(&plan, &obs, &Options::as_of("2022-01-17".parse().unwrap()));
    let a = after.assessment("gdp_growth_2021").unwrap();
    assert_eq!(a.observed.unwrap().to_string(), "8.1");
    assert_eq!(a.status, Status::Met, "{}", a.explanation().en);
    // The final verification of 2022-12-27 revised it to 8.4%: a second row, not an overwrite.
    let revised = evaluate(&plan, &obs, &Options::as_of("2022-12-27".parse().unwrap()));
    let a = revised.assessment("gdp_growth_2021").unwrap();
    assert_eq!(a.observed.unwrap().to_string(), "8.4");
}

/// The datasets' own checkers (python3 ≥ 3.11, stdlib only) run with the tests; skipped, with a
/// message, where no such python3 is installed.
#[test]
fn data_checkers_pass() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for dataset in ["nanshan-2024", "china-14fyp"] {
        let script = root.join(dataset).join("check_data.py");
        let out = match std::process::Command::new("python3").arg(&script).output() {
            Ok(out) => out,
            Err(e) => {
                eprintln!("skipped {}: python3 not available ({e})", script.display());
                return;
            }
        };
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if stderr.contains("ModuleNotFoundError: No module named 'tomllib'") {
            eprintln!("skipped {}: python3 older than 3.11", script.display());
            return;
        }
        assert!(out.status.success(), "{dataset}:\n{stdout}\n{stderr}");
    }
}
