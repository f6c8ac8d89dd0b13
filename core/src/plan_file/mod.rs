//! Plan files: TOML for people, JSON for machines, one schema.
//!
//! ```toml
//! [plan]
//! id = "nanshan-2024"
//! period = "2024"
//!
//! [[indicator]]
//! id = "new_jobs"
//! name = { zh = "新增就业人数", en = "New urban jobs" }
//! unit = "人"
//! kind = "binding"
//!
//! [[target]]
//! indicator = "new_jobs"
//! condition = ">= 1.5万人"
//!
//! [reference]
//! city_quota = "8.5立方米/万元"   # binds `ref:city_quota` conditions
//! ```
//!
//! JSON uses the same keys (`indicators`/`targets`/`references` are accepted as
//! aliases), and a `null` field counts as absent (TOML has no null). Loading never stops at the first problem: every item is read on its own
//! and every problem is reported with its path and, for TOML, its line and column.

use std::ops::Range;

use tree::{Fields, Locate, Node, Value};

use crate::formula::Formula;
use crate::indicator::{Indicator, Kind, Measure, Names, Polarity, Provenance};
use crate::limits::MAX_PLAN_BYTES;
use crate::period::Period;
use crate::plan::Plan;
use crate::quantity::Quantity;
use crate::target::{Condition, Target, Tier};
use crate::text::Part;
use crate::unit::Unit;
use crate::{Error, ErrorKind, Issue, Location, Result};

mod table;
pub(crate) mod tree;
mod write;

pub use table::PlanHeader;

/// The `plan` table as written, before its fields are parsed.
#[derive(Debug)]
struct RawHeader {
    id: String,
    title: Option<String>,
    period: String,
    jurisdiction: Option<String>,
    document: Option<String>,
}

/// An `indicator` item as written.
#[derive(Debug)]
struct RawIndicator {
    id: String,
    name: Names,
    unit: Option<String>,
    /// `None` when not declared: implied by the targets ([`Measure::implied`]).
    measure: Option<Measure>,
    kind: Kind,
    /// `None` when not declared: implied by the targets ([`Polarity::implied`]).
    polarity: Option<Polarity>,
    flow: bool,
    nominal: bool,
    of: Option<String>,
    section: Option<String>,
    tags: Vec<String>,
    formula: Option<String>,
    source: Option<Box<Provenance>>,
}

/// A `target` item as written.
#[derive(Debug)]
struct RawTarget {
    id: Option<String>,
    indicator: String,
    period: Option<String>,
    condition: String,
    tier: Tier,
    kind: Option<Kind>,
    baseline: Option<String>,
    source: Option<Box<Provenance>>,
    /// The condition as read from its parts (a table's `comparator`, `value` …
    /// columns), when `condition` was not written as text.
    parsed: Option<FromParts>,
}

/// A condition a table gave in parts.
#[derive(Debug)]
enum FromParts {
    /// Read.
    Read(Condition),
    /// Not readable; the table reported where.
    Reported,
}

/// An item read from a file (or the problem reading it) and where it is.
struct Located<T> {
    value: Option<T>,
    /// The item's `id` string as written, even when the item had a problem, so what
    /// refers to it is not also reported (first cause only). Read only for an item with
    /// a problem: a table row read without a tree (which has none) leaves it out.
    id: Option<String>,
    path: String,
    span: Option<Range<usize>>,
    fields: FieldSpans,
    /// An item with a problem, read as far as it goes (a field with a problem holds
    /// its default): the fields that read are checked too, so one bad field does not
    /// hide the problems of the rest.
    partial: Option<Box<T>>,
}

/// Where each field of an item is written.
#[derive(Debug, Clone)]
enum FieldSpans {
    /// Each key and its span, as written.
    List(Vec<(String, Range<usize>)>),
    /// A table row: the spans of one row, shared by every row, each moved by `by`.
    Shifted {
        fields: std::sync::Arc<[(&'static str, Range<usize>)]>,
        by: usize,
    },
}

impl FieldSpans {
    /// The span of `key`, if the item writes it.
    fn span_of(&self, key: &str) -> Option<Range<usize>> {
        match self {
            FieldSpans::List(fields) => fields
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, r)| r.clone()),
            FieldSpans::Shifted { fields, by } => fields
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, r)| r.start + by..r.end + by),
        }
    }
}

struct Front {
    header: Located<RawHeader>,
    indicators: Vec<Located<RawIndicator>>,
    targets: Vec<Located<RawTarget>>,
    references: Vec<(String, Located<String>)>,
    issues: Vec<Issue>,
}

impl Front {
    fn new() -> Front {
        Front {
            header: Located {
                value: None,
                id: None,
                path: "plan".into(),
                span: None,
                fields: FieldSpans::List(Vec::new()),
                partial: None,
            },
            indicators: Vec::new(),
            targets: Vec::new(),
            references: Vec::new(),
            issues: Vec::new(),
        }
    }
}

/// Turns byte offsets into 1-based lines and character columns.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    file: &'a str,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, file: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts, file }
    }

    fn at(&self, byte: usize, path: Option<String>) -> Location {
        let byte = byte.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= byte);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..byte)
            .map_or(1, |s| s.chars().count() + 1);
        Location {
            file: Some(self.file.to_string()),
            line: Some(line),
            column: Some(column),
            path,
            ..Location::default()
        }
    }
}

fn too_large(file: &str) -> Error {
    Error::new(
        ErrorKind::TooLarge,
        format!("plan file is larger than {MAX_PLAN_BYTES} bytes"),
    )
    .in_file(file)
}

/// Loads a plan from TOML text. `file` names the input in error locations.
pub(crate) fn from_toml(text: &str, file: &str) -> Result<Plan> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(too_large(file));
    }
    let lines = Lines::new(text, file);
    let front = toml_front(text, &lines)?;
    assemble(front, &|path, span| match span {
        Some(s) => lines.at(s.start, Some(path.to_string())),
        None => Location {
            file: Some(file.to_string()),
            path: Some(path.to_string()),
            ..Location::default()
        },
    })
}

/// Loads a plan from JSON text.
pub(crate) fn from_json(text: &str, file: &str) -> Result<Plan> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(too_large(file));
    }
    let front = json_front(text, file)?;
    assemble(front, &|path, _| Location {
        file: Some(file.to_string()),
        path: Some(path.to_string()),
        ..Location::default()
    })
}

/// The field a problem's path names, as a table's column would: `target[0].condition`
/// → `condition`, `indicator[2].source.quote` → `source.quote`, `plan.period` →
/// `period`, `reference.gdp_2023` → `gdp_2023`; `None` for a whole item.
pub(super) fn field_of(path: &str) -> Option<String> {
    let field = match path.split_once("].") {
        Some((_, field)) => field,
        None => path
            .strip_prefix("plan.")
            .or_else(|| path.strip_prefix("reference."))?,
    };
    Some(field.to_string()).filter(|f| !f.is_empty())
}

fn toml_front(text: &str, lines: &Lines<'_>) -> Result<Front> {
    let doc = toml::de::DeTable::parse(text).map_err(|e| {
        let loc = match e.span() {
            Some(s) => lines.at(s.start, None),
            None => Location {
                file: Some(lines.file.to_string()),
                ..Location::default()
            },
        };
        Error::from_issues(
            &format!("plan {:?}", lines.file),
            vec![Issue {
                code: "syntax".into(),
                location: loc,
                message: format!("TOML syntax error: {}", e.message()),
                input: None,
                hint: None,
            }],
        )
    })?;
    Ok(front(&tree::from_toml(&doc), &|path, span| match span {
        Some(s) => lines.at(s.start, Some(path.to_string())),
        None => lines.at(0, Some(path.to_string())),
    }))
}

fn json_front(text: &str, file: &str) -> Result<Front> {
    let doc = tree::from_json(text).map_err(|e| {
        Error::from_issues(
            &format!("plan {file:?}"),
            vec![Issue {
                code: "syntax".into(),
                location: Location {
                    file: Some(file.into()),
                    line: Some(e.line()),
                    column: Some(e.column()),
                    ..Location::default()
                },
                message: format!("JSON syntax error: {e}"),
                input: None,
                hint: None,
            }],
        )
    })?;
    if !matches!(doc.value, Value::Table(_)) {
        return Err(Error::new(ErrorKind::Parse, "a JSON plan must be an object").in_file(file));
    }
    Ok(front(&doc, &|path, _| Location {
        file: Some(file.into()),
        path: Some(path.into()),
        ..Location::default()
    }))
}

/// Reads the item `node` at `path` with `read`, its problems into `issues`.
fn located<T>(
    node: &Node,
    path: String,
    locate: &Locate<'_>,
    issues: &mut Vec<Issue>,
    read: impl for<'b> FnOnce(&mut Fields<'b>) -> T,
) -> Located<T> {
    let mut fields = Fields::new(node, &path, locate);
    let value = read(&mut fields);
    let (value, partial) = fields.finish_partial(value, issues);
    let fields = match &node.value {
        Value::Table(entries) => entries
            .iter()
            .filter_map(|e| Some((e.key.clone(), e.node.span.clone()?)))
            .collect(),
        _ => Vec::new(),
    };
    let id = match &node.value {
        Value::Table(entries) => entries.iter().find_map(|e| match &e.node.value {
            Value::Str(s) if e.key == "id" => Some(s.clone()),
            _ => None,
        }),
        _ => None,
    };
    Located {
        value,
        id,
        path,
        span: node.span.clone(),
        fields: FieldSpans::List(fields),
        partial: partial.map(Box::new),
    }
}

/// Reads the items of a document, each on its own, so one bad item does not hide the
/// problems of the others.
fn front(doc: &Node, locate: &Locate<'_>) -> Front {
    let mut front = Front::new();
    let Value::Table(entries) = &doc.value else {
        // Both formats' roots are tables; a caller that passes anything else gets no items.
        return front;
    };
    let mut seen_header = false;
    for entry in entries {
        let issues = &mut front.issues;
        match (entry.key.as_str(), &entry.node.value) {
            ("plan", _) => {
                seen_header = true;
                front.header = located(&entry.node, "plan".into(), locate, issues, read_header);
            }
            ("indicator" | "indicators", Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let path = format!("indicator[{i}]");
                    front
                        .indicators
                        .push(located(item, path, locate, issues, read_indicator));
                }
            }
            ("target" | "targets", Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let path = format!("target[{i}]");
                    front
                        .targets
                        .push(located(item, path, locate, issues, read_target));
                }
            }
            ("reference" | "references", Value::Table(refs)) => {
                for r in refs {
                    let path = format!("reference.{}", r.key);
                    let value = match &r.node.value {
                        Value::Str(s) => Some(s.clone()),
                        other => {
                            issues.push(Issue {
                                code: "invalid".into(),
                                location: locate(&path, r.node.span.clone()),
                                message: format!(
                                    "reference {:?} must be a string such as \"8.5立方米/万元\", found {}",
                                    r.key,
                                    other.what()
                                ),
                                input: None,
                                hint: None,
                            });
                            None
                        }
                    };
                    let span = r.node.span.clone();
                    front.references.push((
                        r.key.clone(),
                        Located {
                            value,
                            id: None,
                            path,
                            span,
                            fields: FieldSpans::List(Vec::new()),
                            partial: None,
                        },
                    ));
                }
            }
            (key, _) => front.issues.push(Issue {
                code: "unknown_key".into(),
                location: locate(key, entry.key_span.clone()),
                message: format!(
                    "unknown or malformed top-level key {key:?} (expected a \"plan\" table, \
                     \"indicator\" and \"target\" arrays of tables, a \"reference\" table)"
                ),
                input: None,
                hint: None,
            }),
        }
    }
    if !seen_header {
        front.issues.push(Issue {
            code: "missing_plan".into(),
            location: locate("plan", doc.span.clone().map(|_| 0..0)),
            message: "the plan has no \"plan\" table".into(),
            input: None,
            hint: None,
        });
    }
    // Tables come in key order; report in the order of the file where it has lines.
    crate::order::sort_by_key(&mut front.issues, |i| (i.location.line, i.location.column));
    front
}

fn read_header(f: &mut Fields<'_>) -> RawHeader {
    RawHeader {
        id: f.str("id").unwrap_or_default(),
        title: f.opt_str("title"),
        period: f.str("period").unwrap_or_default(),
        jurisdiction: f.opt_str("jurisdiction"),
        document: f.opt_str("document"),
    }
}

fn read_indicator(f: &mut Fields<'_>) -> RawIndicator {
    RawIndicator {
        id: f.str("id").unwrap_or_default(),
        name: f.required_table("name", read_names).unwrap_or_default(),
        unit: f.opt_str("unit"),
        measure: f.opt_choice("measure", &Measure::ALL, Measure::name),
        kind: f
            .opt_choice_or("kind", &Kind::ALL, Kind::name, Some(Kind::zh))
            .unwrap_or_default(),
        polarity: f.opt_choice("polarity", &Polarity::ALL, Polarity::name),
        flow: f.bool("flow"),
        nominal: f.bool("nominal"),
        of: f.opt_str("of"),
        section: f.opt_str("section"),
        tags: f.strings("tags"),
        formula: f.opt_str("formula"),
        source: f.table("source", read_provenance).map(Box::new),
    }
}

fn read_target(f: &mut Fields<'_>) -> RawTarget {
    RawTarget {
        id: f.opt_str("id"),
        indicator: f.str("indicator").unwrap_or_default(),
        period: f.opt_str("period"),
        condition: f.str("condition").unwrap_or_default(),
        tier: f.choice("tier", &Tier::ALL, Tier::name, Tier::default()),
        kind: f.opt_choice_or("kind", &Kind::ALL, Kind::name, Some(Kind::zh)),
        baseline: f.opt_str("baseline"),
        source: f.table("source", read_provenance).map(Box::new),
        parsed: None,
    }
}

/// `name = { zh = "…", en = "…" }`; other languages are allowed and ignored.
fn read_names(f: &mut Fields<'_>) -> Names {
    let names = Names {
        zh: f.str("zh").unwrap_or_default(),
        en: f.opt_str("en").unwrap_or_default(),
    };
    f.allow_others();
    names
}

fn read_provenance(f: &mut Fields<'_>) -> Provenance {
    Provenance {
        document: f.opt_str("document"),
        quote: f.opt_str("quote"),
        section: f.opt_str("section"),
        span: f.span_pair("span"),
    }
}

/// `text` of `field` read by `parse`, or None with its problem reported at the field as
/// `code`, quoting the text.
fn read_field<T>(
    text: &str,
    parse: impl FnOnce(&str) -> Result<T>,
    code: &str,
    field: &str,
    at: &dyn Fn(&str) -> Location,
    issues: &mut Vec<Issue>,
) -> Option<T> {
    parse(text)
        .map_err(|e| issues.push(Issue::new(code, at(field), e.to_string()).with_input(text)))
        .ok()
}

/// An indicator's unit, or None with its problem: a unit that does not parse, or none
/// where a figure needs one (every measure but a milestone).
fn indicator_unit(
    raw: &RawIndicator,
    at: &dyn Fn(&str) -> Location,
    issues: &mut Vec<Issue>,
) -> Option<Unit> {
    match raw.unit.as_deref() {
        Some(u) => read_field(u, Unit::parse, "unknown_unit", "unit", at, issues),
        None if raw.measure == Some(Measure::Milestone) => Some(Unit::NONE),
        None => {
            issues.push(Issue::new(
                "missing_unit",
                at("unit"),
                format!("indicator {:?} needs a unit", raw.id),
            ));
            None
        }
    }
}

/// An indicator's formula (None when it has none), or `Err` after its problem.
fn indicator_formula(
    raw: &RawIndicator,
    at: &dyn Fn(&str) -> Location,
    issues: &mut Vec<Issue>,
) -> std::result::Result<Option<Formula>, ()> {
    match raw.formula.as_deref() {
        Some(f) => read_field(f, Formula::parse, "bad_formula", "formula", at, issues)
            .map(Some)
            .ok_or(()),
        None => Ok(None),
    }
}

/// A target's condition (None after its problem, or when the table reported its
/// parts), and the length of the growth word written before it ("增长5.5%").
fn target_condition(
    raw: &mut RawTarget,
    at: &dyn Fn(&str) -> Location,
    issues: &mut Vec<Issue>,
) -> (Option<Condition>, usize) {
    let growth = crate::target::growth_prefix(&raw.condition);
    let parsed = match raw.parsed.take() {
        Some(FromParts::Read(c)) => Some(Ok(c)),
        Some(FromParts::Reported) => None,
        None => Some(Condition::parse(
            raw.condition.part(growth, raw.condition.len()),
        )),
    };
    let condition = match parsed {
        None => None,
        Some(Ok(c)) => Some(c),
        Some(Err(e)) => {
            let mut loc = at("condition");
            // Point inside the string: past the opening quote, at the problem.
            if let (Some(col), Some(off)) = (loc.column, e.location().char) {
                loc.column = Some(col + 1 + raw.condition.part(0, growth).chars().count() + off);
            }
            issues
                .push(Issue::new("bad_condition", loc, e.to_string()).with_input(&*raw.condition));
            None
        }
    };
    (condition, growth)
}

/// A target's period (the plan's when it names none), or None after its problem. Written
/// as a communiqué writes it too (`2024年`, `2024年1-9月`), as observations may be.
fn target_period(
    raw: &RawTarget,
    plan_period: Period,
    at: &dyn Fn(&str) -> Location,
    issues: &mut Vec<Issue>,
) -> Option<Period> {
    match raw.period.as_deref() {
        Some(p) => read_field(p, Period::parse_written, "bad_period", "period", at, issues),
        None => Some(plan_period),
    }
}

/// A target's baseline, if it has one that reads (its problem reported otherwise).
fn target_baseline(
    raw: &RawTarget,
    at: &dyn Fn(&str) -> Location,
    issues: &mut Vec<Issue>,
) -> Option<Quantity> {
    raw.baseline
        .as_deref()
        .and_then(|b| read_field(b, Quantity::parse, "bad_baseline", "baseline", at, issues))
}

/// Builds the plan from the items read, collecting every problem.
fn assemble(mut front: Front, locate: &Locate<'_>) -> Result<Plan> {
    let mut issues = front.issues;
    let field_at =
        |item_path: &str, fields: &FieldSpans, span: &Option<Range<usize>>, field: &str| {
            let s = fields.span_of(field).or_else(|| span.clone());
            locate(&format!("{item_path}.{field}"), s)
        };
    let header = front.header;
    let mut plan = Plan::empty();
    if let Some(h) = &header.value {
        plan.id = h.id.clone();
        plan.title = h.title.clone();
        plan.jurisdiction = h.jurisdiction.clone();
        plan.document = h.document.clone();
        match Period::parse_written(&h.period) {
            Ok(p) => plan.period = p,
            Err(e) => issues.push(
                Issue::new(
                    "bad_period",
                    field_at("plan", &header.fields, &header.span, "period"),
                    e.to_string(),
                )
                .with_input(&*h.period),
            ),
        }
    }

    for (key, r) in &front.references {
        if let Some(text) = &r.value {
            match Quantity::parse(text) {
                Ok(q) => {
                    plan.references.insert(key.as_str(), q);
                }
                Err(e) => issues.push(
                    Issue::new(
                        "bad_reference",
                        locate(&r.path, r.span.clone()),
                        e.to_string(),
                    )
                    .with_input(&**text),
                ),
            }
        }
    }

    // Which file item each loaded indicator and target came from, to locate later checks.
    let mut indicator_items = Vec::with_capacity(front.indicators.len());
    let mut target_items = Vec::with_capacity(front.targets.len());
    plan.indicators.reserve(front.indicators.len());
    plan.targets.reserve(front.targets.len());
    // Indicators known by id whose own definition had a problem: what refers to them
    // is not reported again (first cause only).
    let mut broken = crate::plan::Broken::default();
    for item in &front.indicators {
        if item.value.is_none() {
            broken.ids.extend(item.id.clone());
        }
    }
    for (n, item) in front.indicators.iter().enumerate() {
        let at = |field: &str| field_at(&item.path, &item.fields, &item.span, field);
        let Some(raw) = &item.value else {
            // An item with a problem in some fields: the rest are checked on their own.
            // A unit that is not there is missing only under a measure that read (a
            // measure with a problem may have been a milestone's, which needs none).
            if let Some(p) = item.partial.as_deref() {
                if p.unit.is_some() || p.measure.is_some() {
                    indicator_unit(p, &at, &mut issues);
                }
                let _ = indicator_formula(p, &at, &mut issues);
            }
            continue;
        };
        let unit = indicator_unit(raw, &at, &mut issues);
        if unit.is_none() {
            broken.ids.insert(raw.id.clone());
        }
        let unit = unit.unwrap_or(Unit::NONE);
        let formula = match indicator_formula(raw, &at, &mut issues) {
            Ok(f) => f,
            Err(()) => {
                broken.ids.insert(raw.id.clone());
                None
            }
        };
        indicator_items.push(n);
        plan.indicators.push(Indicator {
            id: raw.id.clone(),
            name: raw.name.clone(),
            unit,
            measure: raw.measure.unwrap_or_default(),
            kind: raw.kind,
            polarity: raw.polarity.unwrap_or_default(),
            flow: raw.flow,
            nominal: raw.nominal,
            of: raw.of.clone(),
            section: raw.section.clone(),
            tags: raw.tags.clone(),
            formula,
            source: raw.source.clone(),
        });
    }

    // Indicators with a target written as a growth condition, and those that declare a
    // measure other than growth (sets, so the checks stay linear).
    let mut growth_indicators = std::collections::HashSet::new();
    let mut not_growth = std::collections::HashSet::new();
    for raw in front.indicators.iter().filter_map(|l| l.value.as_ref()) {
        if raw.measure.is_some_and(|m| m != Measure::Growth) {
            not_growth.insert(raw.id.clone());
        }
    }
    // A target dropped for a problem of its own is still checked for an indicator no
    // row defines, which no other problem of the row can explain away (the plan's ids
    // gathered once, at the first such row). A target kept is checked with the plan.
    let mut indicator_ids: Option<crate::observation::TextSet<'_>> = None;
    let mut unknown_indicator = |p: &RawTarget, at: &dyn Fn(&str) -> Location| {
        let ids = indicator_ids
            .get_or_insert_with(|| plan.indicators.iter().map(|i| i.id.as_str()).collect());
        let known = |id: &str| broken.ids.contains(id) || ids.contains(id);
        (!p.indicator.is_empty() && !known(&p.indicator)).then(|| {
            let id =
                p.id.clone()
                    .unwrap_or_else(|| crate::target::default_target_id(&p.indicator, p.tier));
            Issue::new(
                "unknown_indicator",
                at("indicator"),
                crate::plan::unknown_indicator_of_target(&id, &p.indicator),
            )
            .with_input(&*p.indicator)
        })
    };
    for (n, item) in front.targets.iter_mut().enumerate() {
        let at = |field: &str| field_at(&item.path, &item.fields, &item.span, field);
        let Some(raw) = &mut item.value else {
            // A row with a problem in some fields: the rest are checked on their own. A
            // condition that is not there (empty: missing, or of the wrong type) was
            // reported already, or is written empty — which a row with no other problem
            // would have reported as a bad condition: it waits for the row's fix.
            if let Some(p) = item.partial.as_deref_mut() {
                issues.extend(unknown_indicator(p, &at));
                if p.parsed.is_some() || !p.condition.is_empty() {
                    target_condition(p, &at, &mut issues);
                }
                target_period(p, plan.period, &at, &mut issues);
                target_baseline(p, &at, &mut issues);
            }
            continue;
        };
        let (condition, growth) = target_condition(raw, &at, &mut issues);
        if growth > 0 {
            if not_growth.contains(&raw.indicator) {
                issues.push(Issue::new(
                    "growth_condition",
                    at("condition"),
                    format!(
                        "{:?} is a growth condition, but indicator {:?} declares another \
                         `measure`; make it \"growth\" or drop {:?}",
                        raw.condition,
                        raw.indicator,
                        raw.condition.part(0, growth).trim()
                    ),
                ));
            } else {
                growth_indicators.insert(raw.indicator.clone());
            }
        }
        let period = target_period(raw, plan.period, &at, &mut issues);
        let baseline = target_baseline(raw, &at, &mut issues);
        let (Some(condition), Some(period)) = (condition, period) else {
            issues.extend(unknown_indicator(raw, &at));
            continue;
        };
        // The raw item is not read again: its strings move into the target.
        let indicator = std::mem::take(&mut raw.indicator);
        let id = raw
            .id
            .take()
            .unwrap_or_else(|| crate::target::default_target_id(&indicator, raw.tier));
        target_items.push(n);
        plan.targets.push(Target {
            id,
            indicator,
            period,
            condition,
            tier: raw.tier,
            kind: raw.kind,
            baseline,
            source: raw.source.take(),
        });
    }

    // Defaults that follow from the targets, for fields an indicator does not declare.
    // Which indicators have a ceiling and which a floor (by the targets' own ids).
    let (mut ceilings, mut floors) = (
        crate::observation::TextSet::default(),
        crate::observation::TextSet::default(),
    );
    // (Needed only for an indicator without its own polarity.)
    let implied = front
        .indicators
        .iter()
        .any(|l| l.value.as_ref().is_some_and(|raw| raw.polarity.is_none()));
    for t in plan.targets.iter().filter(|_| implied) {
        let op = match &t.condition {
            Condition::Compare { op, .. } => *op,
            Condition::Reference { op: Some(op), .. } => *op,
            _ => continue,
        };
        if matches!(op, crate::Comparator::Le | crate::Comparator::Lt) {
            ceilings.insert(t.indicator.as_str());
        } else if matches!(op, crate::Comparator::Ge | crate::Comparator::Gt) {
            floors.insert(t.indicator.as_str());
        }
    }
    for (ind, &n) in plan.indicators.iter_mut().zip(&indicator_items) {
        let Some(raw) = front.indicators.get(n).and_then(|l| l.value.as_ref()) else {
            continue;
        };
        if raw.measure.is_none() {
            ind.measure = Measure::implied(growth_indicators.contains(&ind.id));
        }
        if raw.polarity.is_none() {
            let ops = [
                ceilings
                    .contains(ind.id.as_str())
                    .then_some(crate::Comparator::Le),
                floors
                    .contains(ind.id.as_str())
                    .then_some(crate::Comparator::Ge),
            ];
            ind.polarity = Polarity::implied(ops.into_iter().flatten());
        }
    }

    // Every semantic check, located at the offending item.
    // Contradictions do not stop a load (`Plan::check` reports them): not looked for.
    for problem in plan.problems(&broken, false) {
        let (path, field) = problem.at;
        let location = match path {
            Some((what, i)) => {
                let item = if what == "indicator" {
                    indicator_items
                        .get(i)
                        .and_then(|&n| front.indicators.get(n))
                        .map(|l| (l.path.clone(), l.fields.clone(), l.span.clone()))
                } else {
                    target_items
                        .get(i)
                        .and_then(|&n| front.targets.get(n))
                        .map(|l| (l.path.clone(), l.fields.clone(), l.span.clone()))
                };
                match item {
                    Some((p, fields, span)) => field_at(&p, &fields, &span, field),
                    None => locate(field, None),
                }
            }
            None => locate(field, None),
        };
        let mut issue = Issue::new(problem.code, location, problem.message);
        // A target's indicator is quoted, as the field checks quote what they read.
        if let (Some(("target", i)), "indicator") = (path, field) {
            issue.input = plan.targets.get(i).map(|t| t.indicator.clone());
        }
        issues.push(issue);
    }

    // In the order of the file where it has lines (TOML); JSON keeps reading order.
    crate::order::sort_by_key(&mut issues, |i| (i.location.line, i.location.column));
    if issues.is_empty() {
        Ok(plan)
    } else {
        // The field each problem is about, from its path, where the reader did not
        // name it (a table names its column).
        for issue in &mut issues {
            let loc = &mut issue.location;
            if loc.field.is_none() {
                loc.field = loc.path.as_deref().and_then(field_of);
            }
        }
        let file = locate("", None).file.unwrap_or_default();
        Err(Error::from_issues(&format!("plan {file:?}"), issues))
    }
}

/// Writes a plan as TOML in the file schema.
pub(crate) fn to_toml(plan: &Plan) -> Result<String> {
    Ok(write::to_toml(plan))
}

/// Writes a plan as JSON in the file schema.
pub(crate) fn to_json(plan: &Plan) -> Result<String> {
    Ok(write::to_json(plan))
}
