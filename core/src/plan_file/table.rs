//! Plans from two tables, `indicators` and `targets`, whose columns are the fields of
//! the plan file's `[[indicator]]` and `[[target]]` items.
//!
//! Each row becomes a [`Node`] of the plan file's tree, so a table is validated by the
//! same reader as a TOML or JSON file and every problem is located at its row label and
//! column. Columns are named as the file's keys; a nested key is written with a dot
//! (`name.en`, `source.quote`), `name` alone is `name.zh`, and `name_zh`/`name_en` are
//! accepted. Two columns hold lists: `tags` (separated by `,` `，` `、` or `;`) and
//! `source.span` (`8411..8424` or `8411, 8424`); `flow` and `nominal` take 1/0 and
//! 是/否 besides booleans. Other columns (备注) are ignored, or each reported once at
//! its header with `strict`.
//!
//! A target's condition may be given in parts instead of as text, in the columns
//! `comparator`, `value`, `high` (the upper bound of `between`) and `unit`
//! (`>=`/`16.4`/—/`亿元` is `>= 16.4亿元`), read by the one rule of
//! `target::condition_from_parts`; a row uses them when its `condition` cell is empty,
//! and a problem is reported at the part's column. A row may not give both.

use std::borrow::Cow;

use std::ops::Range;

use super::tree::{Entry, Fields, Node, Span, Value};
use super::{
    assemble, front, located, read_indicator, read_target, FieldSpans, FromParts, Located,
    RawTarget,
};
use crate::indicator::Kind;
use crate::per_row::{per_row, per_row_with};
use crate::plan::Plan;
use crate::table::{Cell, Table};
use crate::target::Tier;
use crate::target::{condition_from_parts, Part, PartsScratch};
use crate::{Error, Issue, Location, Result};

/// The plan's own fields (the file's `[plan]` table) and its `[reference]` values,
/// for a plan read from tables.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanHeader {
    /// Stable id (`nanshan-2024`).
    pub id: String,
    /// The plan's period (`2024`, `2021..2025`).
    pub period: String,
    /// Title.
    pub title: Option<String>,
    /// Jurisdiction (`深圳市南山区`).
    pub jurisdiction: Option<String>,
    /// Id of the source document provenance spans point into.
    pub document: Option<String>,
    /// Values bound to `ref:` keys, as quantity text (`8.5立方米/万元`).
    pub references: Vec<(String, String)>,
}

impl PlanHeader {
    /// A header with an id and a period.
    pub fn new(id: impl Into<String>, period: impl Into<String>) -> PlanHeader {
        PlanHeader {
            id: id.into(),
            period: period.into(),
            ..PlanHeader::default()
        }
    }

    /// Sets a field by its name in the file's `[plan]` table; false for another name.
    pub fn set(&mut self, field: &str, value: String) -> bool {
        match field {
            "id" => self.id = value,
            "period" => self.period = value,
            "title" => self.title = Some(value),
            "jurisdiction" => self.jurisdiction = Some(value),
            "document" => self.document = Some(value),
            _ => return false,
        }
        true
    }
}

/// The boolean fields: a spreadsheet or DataFrame may hold them as 1/0 (pandas turns
/// a boolean column with an empty cell into floats) or 是/否.
const BOOL_COLUMNS: [&str; 2] = ["flow", "nominal"];

/// Separators of the `tags` column.
const TAG_SEPARATORS: [char; 5] = [',', '，', '、', ';', '；'];

/// The span of a cell of global row `row` (indicators first, then targets) and column
/// `column`, or of the whole row (`None`): the tree's spans are byte ranges for TOML,
/// and here they carry `row..row + 1 + (column + 1)` instead, decoded by [`decode`].
fn cell_span(row: usize, column: Option<usize>) -> Span {
    Some(row..row + 1 + column.map_or(0, |c| c + 1))
}

fn decode(span: &Range<usize>) -> (usize, Option<usize>) {
    (span.start, (span.end - span.start).checked_sub(2))
}

/// The key path of a column: `name` → `name.zh`, `source.quote` → [`source`, `quote`].
fn key_path(column: &str) -> Vec<String> {
    let c = column.trim().to_ascii_lowercase();
    match c.as_str() {
        "name" | "name_zh" => vec!["name".into(), "zh".into()],
        "name_en" => vec!["name".into(), "en".into()],
        _ => c.split('.').map(|k| k.trim().to_string()).collect(),
    }
}

/// A cell as a tree value for the field at `path` (a cell converted for the read is
/// moved into it, not copied).
fn value(cell: Cow<'_, Cell>, path: &[String]) -> Value {
    match &*cell {
        Cell::Null | Cell::NaN => return Value::Null,
        Cell::Bool(b) => return Value::Bool(*b),
        Cell::Invalid(_) => return Value::Other("a value of another type"),
        Cell::Text(s) if s.trim().is_empty() => return Value::Null,
        Cell::Text(s) if s.trim().eq_ignore_ascii_case("true") => return Value::Bool(true),
        Cell::Text(s) if s.trim().eq_ignore_ascii_case("false") => return Value::Bool(false),
        _ => {}
    }
    let text = match cell {
        Cow::Owned(cell) => cell.into_text(),
        Cow::Borrowed(cell) => cell.text(),
    }
    .unwrap_or_default();
    let leaf = |value| Node { span: None, value };
    match path {
        [one] if BOOL_COLUMNS.contains(&one.as_str()) => match text.trim() {
            "1" | "1.0" | "是" | "yes" => Value::Bool(true),
            "0" | "0.0" | "否" | "no" => Value::Bool(false),
            _ => Value::Str(text),
        },
        [one] if one == "tags" => Value::Array(
            text.split(TAG_SEPARATORS)
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| leaf(Value::Str(t.to_string())))
                .collect(),
        ),
        // A figure without a unit is written `1` in tables, as in observation tables
        // (an empty cell is a missing unit).
        [one] if one == "unit" && text.trim() == crate::observation::DIMENSIONLESS_UNIT => {
            Value::Str(String::new())
        }
        [a, b] if a == "source" && b == "span" => {
            let inner = text.trim().trim_start_matches('[').trim_end_matches(']');
            let parts: Vec<&str> = if inner.contains("..") {
                inner.split("..").collect()
            } else {
                inner.split(',').collect()
            };
            let ints: Vec<Node> = parts
                .iter()
                .map(|p| leaf(Value::Int(p.trim().parse().ok())))
                .collect();
            Value::Array(ints)
        }
        _ => Value::Str(text),
    }
}

/// The row `row` of `table` (global row `global`) as a tree table, with the columns
/// that have a key path in `paths` only; `condition`: a column whose cell stands for
/// the `condition` field (an empty string: the condition was read from its parts).
fn row_node(
    table: &Table,
    row: usize,
    global: usize,
    paths: &[Option<Vec<String>>],
    condition: Option<usize>,
) -> Node {
    let mut entries: Vec<Entry> = Vec::with_capacity(paths.len());
    for (c, path) in paths.iter().enumerate() {
        let Some(path) = path else { continue };
        let cell = table.cell(row, c).unwrap_or(Cow::Owned(Cell::Null));
        let node = Node {
            span: cell_span(global, Some(c)),
            value: value(cell, path),
        };
        insert(&mut entries, path, node, cell_span(global, Some(c)));
    }
    if let Some(c) = condition {
        entries.retain(|e| e.key != "condition");
        entries.push(Entry {
            key: "condition".into(),
            key_span: cell_span(global, Some(c)),
            node: Node {
                span: cell_span(global, Some(c)),
                value: Value::Str(String::new()),
            },
        });
    }
    // A nested table all of whose cells are empty (no `source.*` of this row) is absent.
    entries.retain(|e| match &e.node.value {
        Value::Table(inner) => inner.iter().any(|i| !matches!(i.node.value, Value::Null)),
        _ => true,
    });
    Node {
        span: cell_span(global, None),
        value: Value::Table(entries),
    }
}

/// Puts `node` at `path` in `entries`, making nested tables on the way.
fn insert(entries: &mut Vec<Entry>, path: &[String], node: Node, span: Span) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    if rest.is_empty() {
        entries.push(Entry {
            key: first.clone(),
            key_span: span,
            node,
        });
        return;
    }
    let i = match entries.iter().position(|e| &e.key == first) {
        Some(i) => i,
        None => {
            entries.push(Entry {
                key: first.clone(),
                key_span: span.clone(),
                node: Node {
                    span: span.clone(),
                    value: Value::Table(Vec::new()),
                },
            });
            entries.len() - 1
        }
    };
    if let Value::Table(inner) = &mut entries[i].node.value {
        insert(inner, rest, node, span);
    }
}

/// Which columns of `table` the item reader `read` knows: a row of nulls is read and
/// the fields it calls unknown are the unknown columns.
fn known_columns(table: &Table, read: fn(&mut Fields<'_>)) -> Vec<bool> {
    let mut entries = Vec::new();
    for (c, column) in table.columns().iter().enumerate() {
        let span: Span = Some(c..c + 1);
        let node = Node {
            span: span.clone(),
            value: Value::Null,
        };
        insert(&mut entries, &key_path(column), node, span);
    }
    let probe = Node {
        span: None,
        value: Value::Table(entries),
    };
    let locate = |_: &str, span: Span| Location {
        column: span.map(|s| s.start),
        ..Location::default()
    };
    let mut fields = Fields::new(&probe, "probe", &locate);
    read(&mut fields);
    let mut issues = Vec::new();
    fields.finish((), &mut issues);
    let mut known = vec![true; table.columns().len()];
    for issue in issues.iter().filter(|i| i.code == "unknown_field") {
        if let Some(k) = issue.location.column.and_then(|c| known.get_mut(c)) {
            *k = false;
        }
    }
    known
}

impl Plan {
    /// Builds a plan from two tables with the columns of the plan file's
    /// `[[indicator]]` and `[[target]]` items, and its header. The rows are read by
    /// the plan file's reader, so the same conditions, kinds (`binding` or 约束性) and
    /// checks apply, and every problem is reported at once, each at its table, row
    /// label and column (an [`ErrorKind::Validation`](crate::ErrorKind::Validation) error whose
    /// issues carry the cell as `input`). Columns the schema does not have (备注) are
    /// ignored, or with `strict` each reported once at its header.
    ///
    /// ```
    /// use planwatch::{Cell, Plan, PlanHeader, Table};
    /// let text = |s: &str| Cell::Text(s.into());
    /// let mut indicators = Table::new("indicators", ["id", "name", "unit", "kind", "备注"]);
    /// indicators.push_row("0", vec![text("new_jobs"), text("城镇新增就业"), text("人"), text("约束性"), text("")])?;
    /// let mut targets = Table::new("targets", ["indicator", "condition"]);
    /// targets.push_row("0", vec![text("new_jobs"), text("不少于1.2万人")])?;
    /// let plan = Plan::from_tables(&indicators, &targets, &PlanHeader::new("demo", "2024"), false)?;
    /// assert_eq!(plan.targets[0].condition.to_string(), ">= 1.2万人");
    ///
    /// targets.push_row("1", vec![text("new_jobs"), text("很多")])?;
    /// let err = Plan::from_tables(&indicators, &targets, &PlanHeader::new("demo", "2024"), true).unwrap_err();
    /// let at: Vec<_> = err.issues().iter().map(|i| (i.location.path.as_deref().unwrap(), i.input.as_deref())).collect();
    /// assert_eq!(at, [("indicators.备注", None), ("targets[1].condition", Some("很多"))]);
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn from_tables(
        indicators: &Table,
        targets: &Table,
        header: &PlanHeader,
        strict: bool,
    ) -> Result<Plan> {
        from_tables(indicators, targets, header, strict)
    }

    /// The plan as its header and the two tables [`from_tables`](Plan::from_tables)
    /// reads back (`indicators`, `targets`; row labels are sheet row numbers): what a
    /// spreadsheet of the plan holds.
    pub fn to_tables(&self) -> (PlanHeader, Table, Table) {
        to_tables(self)
    }
}

/// The target fields a row gives as plain text.
const PLAIN_TARGET_FIELDS: [&str; 7] = [
    "id",
    "indicator",
    "period",
    "condition",
    "tier",
    "kind",
    "baseline",
];

/// How the rows of a targets table whose every column is one of
/// [`PLAIN_TARGET_FIELDS`] (at most once) are read without a tree per row: each
/// column's field and key path, and the spans of a row's fields (with the condition at
/// the column that stands for it when read from its parts), shared by every row.
struct PlainColumns {
    fields: Vec<(usize, &'static str, Vec<String>)>,
    spans: std::sync::Arc<[(&'static str, Range<usize>)]>,
    spans_from_parts: std::sync::Arc<[(&'static str, Range<usize>)]>,
}

impl PlainColumns {
    /// The plain columns among `paths` (the key path of each column the reader reads),
    /// `None` when a column is another field (`source.quote`) or a field repeats.
    fn of(paths: &[Option<Vec<String>>], parts: Option<&PartColumns>) -> Option<PlainColumns> {
        let mut fields = Vec::new();
        for (c, path) in paths.iter().enumerate() {
            let Some(path) = path else { continue };
            let [key] = path.as_slice() else {
                return None;
            };
            let field = *PLAIN_TARGET_FIELDS.iter().find(|f| **f == key.as_str())?;
            if fields.iter().any(|(_, f, _)| *f == field) {
                return None;
            }
            fields.push((c, field, path.clone()));
        }
        // A cell's span is `row..row + 2 + column` (`cell_span`): here for row 0.
        let span = |c: usize| 0..c + 2;
        let spans: Vec<(&'static str, Range<usize>)> =
            fields.iter().map(|(c, f, _)| (*f, span(*c))).collect();
        let mut from_parts: Vec<_> = spans
            .iter()
            .filter(|(f, _)| *f != "condition")
            .cloned()
            .collect();
        if let Some(p) = parts {
            from_parts.push(("condition", span(p.value.unwrap_or(p.comparator))));
        }
        Some(PlainColumns {
            fields,
            spans: spans.into(),
            spans_from_parts: from_parts.into(),
        })
    }
}

/// Row `row` of `targets` (global row `global`) read as the tree reader would read
/// it, when the row has none of its problems: every field a string or empty, the
/// required ones present, `tier` and `kind` names it knows. `None` otherwise (the
/// tree reader then reads the row and reports its problems).
fn plain_target(
    targets: &Table,
    row: usize,
    global: usize,
    columns: &PlainColumns,
    from_parts: bool,
) -> Option<Located<RawTarget>> {
    let mut raw = RawTarget {
        id: None,
        indicator: String::new(),
        period: None,
        condition: String::new(),
        tier: Tier::default(),
        kind: None,
        baseline: None,
        source: None,
        parsed: None,
    };
    let (mut indicator, mut condition) = (false, from_parts);
    for (c, field, path) in &columns.fields {
        if from_parts && *field == "condition" {
            continue;
        }
        let text = match value(targets.cell(row, *c)?, path) {
            Value::Str(s) => s,
            Value::Null => continue,
            _ => return None,
        };
        match *field {
            "id" => raw.id = Some(text),
            "indicator" => {
                raw.indicator = text;
                indicator = true;
            }
            "period" => raw.period = Some(text),
            "condition" => {
                raw.condition = text;
                condition = true;
            }
            "baseline" => raw.baseline = Some(text),
            "tier" => raw.tier = *Tier::ALL.iter().find(|t| t.name() == text.trim())?,
            "kind" => {
                let t = text.trim();
                raw.kind = Some(*Kind::ALL.iter().find(|k| k.name() == t || k.zh() == t)?);
            }
            _ => return None,
        }
    }
    if !(indicator && condition) {
        return None;
    }
    Some(Located {
        // Read only for an item with a problem: a fast-read row has none.
        id: None,
        value: Some(raw),
        path: format!("target[{row}]"),
        span: cell_span(global, None),
        fields: FieldSpans::Shifted {
            fields: if from_parts {
                columns.spans_from_parts.clone()
            } else {
                columns.spans.clone()
            },
            by: global,
        },
        partial: None,
    })
}

/// The place of a row the fast read leaves to the reader that reports: an item not
/// read yet (a read item always has its path). Nothing is allocated.
fn unread() -> Located<RawTarget> {
    Located {
        value: None,
        id: None,
        path: String::new(),
        span: None,
        fields: FieldSpans::List(Vec::new()),
        partial: None,
    }
}

/// The columns of a targets table that hold a condition in parts.
struct PartColumns {
    comparator: usize,
    value: Option<usize>,
    high: Option<usize>,
    unit: Option<usize>,
}

impl PartColumns {
    /// The part columns of `table`: there are none without a `comparator` column.
    fn of(table: &Table) -> Option<PartColumns> {
        let find = |name: &str| {
            table
                .columns()
                .iter()
                .position(|c| c.trim().eq_ignore_ascii_case(name))
        };
        Some(PartColumns {
            comparator: find("comparator")?,
            value: find("value"),
            high: find("high"),
            unit: find("unit"),
        })
    }

    fn contains(&self, column: usize) -> bool {
        column == self.comparator || [self.value, self.high, self.unit].contains(&Some(column))
    }

    fn column(&self, part: Part) -> usize {
        match part {
            Part::Comparator => Some(self.comparator),
            Part::Value => self.value,
            Part::High => self.high,
            Part::Unit => self.unit,
        }
        .unwrap_or(self.comparator)
    }
}

/// What to say of a comparator, value or upper bound that is not there (rather than a
/// parser's "found end of input"): its cell is empty or NaN, or the table has no such
/// column. `None` for a part that is there.
fn missing_part(targets: &Table, parts: &PartColumns, row: usize, part: Part) -> Option<String> {
    let (name, column) = match part {
        Part::Comparator => ("comparator", Some(parts.comparator)),
        Part::Value => ("value", parts.value),
        Part::High => ("upper bound (`high`)", parts.high),
        Part::Unit => return None,
    };
    match column.and_then(|c| targets.cell(row, c)).as_deref() {
        None => Some(format!(
            "the condition's {name} is missing: the table has no `{name}` column"
        )),
        Some(Cell::NaN) => Some(format!(
            "{}: the condition's {name} is missing",
            crate::observation::NAN_MESSAGE
        )),
        Some(cell) if cell.is_missing() => Some(format!("the condition's {name} is empty")),
        Some(_) => None,
    }
}

/// A cell as the text of a condition's part; `None` when empty.
fn part_text(cell: Cow<'_, Cell>) -> Option<Cow<'_, str>> {
    match cell {
        Cow::Borrowed(Cell::Text(s) | Cell::Float(s)) => {
            (!s.trim().is_empty()).then_some(Cow::Borrowed(s))
        }
        Cow::Owned(Cell::Text(s) | Cell::Float(s)) => {
            (!s.trim().is_empty()).then_some(Cow::Owned(s))
        }
        other => match &*other {
            Cell::Invalid(what) => Some(Cow::Owned(format!("<{what}>"))),
            cell => cell.text().map(Cow::Owned),
        },
    }
}

/// The conditions a targets table gives in parts, one per row (`None`: the row gives
/// its condition as text, or none), and the problems of those parts, each at its cell.
fn conditions_from_parts(
    targets: &Table,
    parts: &PartColumns,
    condition_column: Option<usize>,
) -> (Vec<Option<FromParts>>, Vec<Issue>) {
    let rows = per_row_with(targets.len(), |row, scratch: &mut PartsScratch| {
        condition_of_row(targets, parts, condition_column, row, scratch)
    });
    let mut out = Vec::with_capacity(rows.len());
    let mut issues = Vec::new();
    for (parsed, issue) in rows {
        out.push(parsed);
        issues.extend(issue.into_iter().flat_map(|i| i.into_vec()));
    }
    (out, issues)
}

/// One row's condition from its parts (`None`: the row gives its condition as text, or
/// none) and the problem with them, at its cell.
fn condition_of_row(
    targets: &Table,
    parts: &PartColumns,
    condition_column: Option<usize>,
    row: usize,
    scratch: &mut PartsScratch,
) -> (Option<FromParts>, Option<Box<[Issue]>>) {
    // The problems are boxed: a row's result is then 64 bytes, not 300 (an issue is
    // large and rare), and a hundred thousand rows touch 6 MB of fresh memory, not 30.
    let cell = |column: Option<usize>| column.and_then(|c| targets.cell(row, c));
    let text = |column: Option<usize>| cell(column).and_then(part_text);
    let given_as_text = || cell(condition_column).is_some_and(|c| !c.is_missing());
    // A value without its comparator (and no condition text): the comparator is what
    // is missing, reported at its cell, not a condition missing from the row.
    let Some(comparator) = text(Some(parts.comparator)).or_else(|| {
        let value = text(parts.value).is_some() || text(parts.high).is_some();
        (value && !given_as_text()).then_some(Cow::Borrowed(""))
    }) else {
        return (None, None);
    };
    if given_as_text() {
        let mut issue = Issue::new(
            "bad_condition",
            targets.location(row, Some(parts.comparator)),
            "the condition is given twice, as text in `condition` and in parts from \
             `comparator`; keep one",
        );
        issue.input = Some(comparator.into_owned());
        return (Some(FromParts::Reported), Some(Box::new([issue])));
    }
    let value = text(parts.value).unwrap_or_default();
    let high = text(parts.high);
    let unit = text(parts.unit).unwrap_or_default();
    match condition_from_parts(&comparator, &value, high.as_deref(), &unit, scratch) {
        Ok(c) => (Some(FromParts::Read(c)), None),
        Err(errors) => {
            let issues = errors
                .into_iter()
                .map(|(part, e)| {
                    let column = parts.column(part);
                    let mut issue = Issue::new(
                        "bad_condition",
                        targets.location(row, Some(column)),
                        missing_part(targets, parts, row, part).unwrap_or_else(|| e.to_string()),
                    );
                    issue.input = targets.cell(row, column).map(|c| c.input());
                    issue
                })
                .collect::<Vec<_>>()
                .into_boxed_slice();
            (Some(FromParts::Reported), Some(issues))
        }
    }
}

/// Builds a plan from its header and two tables; see the module documentation.
fn from_tables(
    indicators: &Table,
    targets: &Table,
    header: &PlanHeader,
    strict: bool,
) -> Result<Plan> {
    let tables = [indicators, targets];
    let mut known = [
        known_columns(indicators, |f| {
            read_indicator(f);
        }),
        known_columns(targets, |f| {
            read_target(f);
        }),
    ];
    // The key path of each column the reader reads (once per column, not per cell).
    let paths: Vec<Vec<Option<Vec<String>>>> = tables
        .iter()
        .zip(&known)
        .map(|(table, known)| {
            table
                .columns()
                .iter()
                .zip(known)
                .map(|(c, k)| k.then(|| key_path(c)))
                .collect()
        })
        .collect();
    let parts = PartColumns::of(targets);
    let condition_column = targets
        .columns()
        .iter()
        .position(|c| key_path(c) == ["condition"]);
    let (from_parts, part_issues) = match &parts {
        Some(p) => {
            for (c, k) in known[1].iter_mut().enumerate() {
                *k |= p.contains(c);
            }
            conditions_from_parts(targets, p, condition_column)
        }
        None => (Vec::new(), Vec::new()),
    };
    let mut unknown = Vec::new();
    if strict {
        for (t, table) in tables.iter().enumerate() {
            for (c, column) in table.columns().iter().enumerate() {
                if !known[t][c] {
                    unknown.push(Issue::new(
                        "unknown_field",
                        table.header_location(c),
                        format!("unknown column {column:?} in {}", table.name()),
                    ));
                }
            }
        }
    }

    let leaf = |value| Node { span: None, value };
    let str_entry = |key: &str, v: &str| Entry {
        key: key.into(),
        key_span: None,
        node: leaf(Value::Str(v.to_string())),
    };
    let n = indicators.len();
    // The header and the indicators as the tree the reader reads (built beside the
    // targets' fast read, below).
    let document = || {
        // An empty id or period is left out, so the reader reports it missing.
        let mut head = Vec::new();
        for (key, v) in [
            ("id", &Some(header.id.clone()).filter(|v| !v.is_empty())),
            (
                "period",
                &Some(header.period.clone()).filter(|v| !v.is_empty()),
            ),
            ("title", &header.title),
            ("jurisdiction", &header.jurisdiction),
            ("document", &header.document),
        ] {
            if let Some(v) = v {
                head.push(str_entry(key, v));
            }
        }
        let rows = |t: usize, offset: usize| {
            let table = tables[t];
            (0..table.len())
                .map(|r| row_node(table, r, offset + r, &paths[t], None))
                .collect::<Vec<_>>()
        };
        // The targets are read row by row below, most without a tree.
        let mut root = vec![
            Entry {
                key: "plan".into(),
                key_span: None,
                node: leaf(Value::Table(head)),
            },
            Entry {
                key: "indicator".into(),
                key_span: None,
                node: leaf(Value::Array(rows(0, 0))),
            },
        ];
        if !header.references.is_empty() {
            let refs = header
                .references
                .iter()
                .map(|(k, v)| str_entry(k, v))
                .collect();
            root.push(Entry {
                key: "reference".into(),
                key_span: None,
                node: leaf(Value::Table(refs)),
            });
        }
        leaf(Value::Table(root))
    };

    let locate = |path: &str, span: Span| match span {
        Some(s) => {
            let (global, column) = decode(&s);
            let (t, row) = if global < n {
                (0, global)
            } else {
                (1, global - n)
            };
            let mut loc = tables[t].location(row, column);
            if column.is_none() {
                // A field missing from the row: `indicator[2].name` names its column.
                loc.field = super::field_of(path);
            }
            loc
        }
        None => Location {
            path: Some(path.to_string()).filter(|p| !p.is_empty()),
            field: super::field_of(path),
            ..Location::default()
        },
    };
    let plain = PlainColumns::of(&paths[1], parts.as_ref());
    // The header and indicators through the reader that reports, beside the target
    // rows with nothing to report, read without a tree (on every core for a large
    // table, the two side by side); the other rows below, in row order, through the
    // reader. Each row's item is written once, where it stays: a row the fast read
    // leaves (an unread item) is read in its place, and the items are not moved again.
    let (mut read, mut items) = crate::per_row::join(
        crate::per_row::large(targets.len()),
        || front(&document(), &locate),
        || {
            per_row(targets.len(), |row, _| {
                let from_parts = from_parts.get(row).is_some_and(Option::is_some);
                plain
                    .as_ref()
                    .and_then(|p| plain_target(targets, row, n + row, p, from_parts))
                    .unwrap_or_else(unread)
            })
        },
    );
    let mut parsed = from_parts.into_iter();
    for (row, item) in items.iter_mut().enumerate() {
        let part = parsed.next().flatten();
        if item.path.is_empty() {
            // A condition read from its parts stands at its value cell (what a later
            // check, such as a unit that does not fit, is about).
            let condition = match (&part, &parts) {
                (Some(_), Some(p)) => Some(p.value.unwrap_or(p.comparator)),
                _ => None,
            };
            let node = row_node(targets, row, n + row, &paths[1], condition);
            let path = format!("target[{row}]");
            *item = located(&node, path, &locate, &mut read.issues, read_target);
        }
        match (item.value.as_mut(), item.partial.as_mut()) {
            (Some(raw), _) => raw.parsed = part,
            (None, Some(p)) => p.parsed = part,
            (None, None) => {}
        }
    }
    if read.targets.is_empty() {
        read.targets = items;
    } else {
        read.targets.extend(items);
    }
    // As `front` orders its problems (the targets' came after the indicators').
    crate::order::sort_by_key(&mut read.issues, |i| (i.location.line, i.location.column));
    let result = assemble(read, &locate);
    let mut issues = match result {
        Ok(plan) if unknown.is_empty() && part_issues.is_empty() => return Ok(plan),
        Ok(_) => Vec::new(),
        Err(e) => e.issues().to_vec(),
    };
    issues.extend(unknown);
    issues.extend(part_issues);
    // The cell each problem is about, quoted, and its column (a condition's problem
    // was pointed inside its TOML string); then in table order, row, column.
    for issue in &mut issues {
        let Some((t, row, c)) = cell_of(&tables, &issue.location) else {
            continue;
        };
        issue.location.column = Some(c + 1);
        if issue.input.is_none() {
            issue.input = tables[t].cell(row, c).map(|c| c.input());
        }
    }
    let prefixes: Vec<[String; 2]> = tables
        .iter()
        .map(|t| [format!("{}[", t.name()), format!("{}.", t.name())])
        .collect();
    crate::order::sort_by_key(&mut issues, |i: &Issue| {
        let t = prefixes
            .iter()
            .position(|[row, column]| {
                i.location
                    .path
                    .as_deref()
                    .is_some_and(|p| p.starts_with(row.as_str()) || p.starts_with(column.as_str()))
            })
            .unwrap_or(0);
        (Some(t), i.location.line, i.location.column)
    });
    Err(Error::from_issues(&format!("plan {:?}", header.id), issues))
}

/// The table, row and column a located problem is at.
fn cell_of(tables: &[&Table; 2], loc: &Location) -> Option<(usize, usize, usize)> {
    let path = loc.path.as_deref()?;
    let line = loc.line?;
    let t = tables
        .iter()
        .position(|t| path.starts_with(&format!("{}[", t.name())))?;
    let field = loc.field.as_deref()?;
    let column = tables[t].columns().iter().position(|c| c == field)?;
    // Without source lines a row's line is its position + 2: try that row first.
    let guess = line
        .checked_sub(2)
        .filter(|&r| r < tables[t].len() && tables[t].line(r) == line);
    let row = guess.or_else(|| (0..tables[t].len()).find(|&r| tables[t].line(r) == line))?;
    Some((t, row, column))
}

/// The plan as its header and two tables, `indicators` and `targets`, with the columns
/// [`from_tables`] reads: what a spreadsheet of the plan holds.
fn to_tables(plan: &Plan) -> (PlanHeader, Table, Table) {
    let mut header = PlanHeader::new(plan.id.clone(), plan.period.to_string());
    header.title = plan.title.clone();
    header.jurisdiction = plan.jurisdiction.clone();
    header.document = plan.document.clone();
    header.references = plan
        .references
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let doc = super::write::document(plan);
    let items = |key: &str| -> Vec<Vec<(String, Cell)>> {
        let Some(Value::Array(items)) = doc.iter().find(|e| e.key == key).map(|e| &e.node.value)
        else {
            return Vec::new();
        };
        items
            .iter()
            .map(|item| {
                let mut cells = Vec::new();
                flatten("", &item.value, &mut cells);
                cells
            })
            .collect()
    };
    (
        header,
        table_of("indicators", items("indicator")),
        table_of("targets", items("target")),
    )
}

/// The fields of a tree item as (dotted column, cell) pairs.
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, Cell)>) {
    let Value::Table(entries) = value else {
        return;
    };
    for e in entries {
        let column = if prefix.is_empty() {
            e.key.clone()
        } else {
            format!("{prefix}.{}", e.key)
        };
        let cell = match &e.node.value {
            Value::Table(_) => {
                flatten(&column, &e.node.value, out);
                continue;
            }
            Value::Str(s) if s.is_empty() && column == "unit" => {
                Cell::Text(crate::observation::DIMENSIONLESS_UNIT.into())
            }
            Value::Str(s) => Cell::Text(s.clone()),
            Value::Bool(b) => Cell::Bool(*b),
            Value::Int(i) => i
                .and_then(|i| i64::try_from(i).ok())
                .map_or(Cell::Null, Cell::Int),
            Value::Array(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .filter_map(|n| match &n.value {
                        Value::Str(s) => Some(s.clone()),
                        Value::Int(Some(i)) => Some(i.to_string()),
                        _ => None,
                    })
                    .collect();
                let ints = items.iter().all(|n| matches!(n.value, Value::Int(_)));
                Cell::Text(parts.join(if ints { ".." } else { ", " }))
            }
            Value::Null | Value::Number(_) | Value::Other(_) => Cell::Null,
        };
        out.push((column, cell));
    }
}

/// A table of rows given as (column, cell) pairs; columns in order of first use.
fn table_of(name: &str, rows: Vec<Vec<(String, Cell)>>) -> Table {
    let mut columns: Vec<String> = Vec::new();
    for row in &rows {
        for (c, _) in row {
            if !columns.contains(c) {
                columns.push(c.clone());
            }
        }
    }
    let mut table = Table::new(name, columns.clone());
    for (i, row) in rows.into_iter().enumerate() {
        let mut cells = vec![Cell::Null; columns.len()];
        for (c, cell) in row {
            if let Some(k) = columns.iter().position(|x| *x == c) {
                cells[k] = cell;
            }
        }
        // Labels are sheet row numbers: the header is row 1.
        let line = i + 2;
        let _ = table.push_row_at(line.to_string(), Some(line), cells);
    }
    table
}
