//! Observations: actual statistics, with status and vintage.
//!
//! Revisions are kept side by side, never overwritten; evaluation picks, for each
//! indicator and period, the latest vintage published on or before `as_of`.

use std::io::Read;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::csv_out::write_row;
use crate::limits::{MAX_FIELD_BYTES, MAX_OBSERVATION_BYTES, MAX_OBSERVATION_ROWS};
use crate::number::parse_number;
use crate::period::Period;
use crate::quantity::Quantity;
use crate::unit::Unit;
use crate::{Error, ErrorKind, Issue, Location, Result};

/// How final a published figure is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum ObservationStatus {
    /// 初步核算: first estimate.
    Preliminary,
    /// A revision of an earlier figure.
    Revised,
    /// Final figure (the default when a file does not say).
    #[default]
    Final,
}

impl ObservationStatus {
    /// The serde name.
    pub fn name(&self) -> &'static str {
        match self {
            ObservationStatus::Preliminary => "preliminary",
            ObservationStatus::Revised => "revised",
            ObservationStatus::Final => "final",
        }
    }

    fn parse(s: &str) -> Option<ObservationStatus> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "" | "final" | "最终" | "最终核实" => ObservationStatus::Final,
            "preliminary" | "prelim" | "初步" | "初步核算" | "预计" => {
                ObservationStatus::Preliminary
            }
            "revised" | "修订" => ObservationStatus::Revised,
            _ => return None,
        })
    }
}

/// One published figure of one indicator for one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    /// Indicator id.
    pub indicator: String,
    /// The period the figure is for.
    pub period: Period,
    /// The value.
    pub value: Quantity,
    /// Preliminary, revised or final.
    pub status: ObservationStatus,
    /// Publication date. An undated figure counts as published when its period ends.
    #[serde(serialize_with = "crate::period::date_text::serialize_opt")]
    pub vintage: Option<Date>,
    /// Where the figure comes from (a URL, a document and span …).
    pub source: Option<String>,
    /// The jurisdiction the figure is for, when one batch covers several.
    pub jurisdiction: Option<String>,
}

impl Observation {
    /// A final, undated observation.
    pub fn new(indicator: impl Into<String>, period: Period, value: Quantity) -> Observation {
        Observation {
            indicator: indicator.into(),
            period,
            value,
            status: ObservationStatus::Final,
            vintage: None,
            source: None,
            jurisdiction: None,
        }
    }

    /// The date from which the figure is known: its vintage, or the end of its period.
    pub fn published(&self) -> Date {
        self.vintage.unwrap_or_else(|| self.period.end())
    }
}

/// A batch of observations.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Observations {
    items: Vec<Observation>,
}

/// The result of a lenient load: the good rows and every rejected row's problem.
#[derive(Debug, Clone, Default)]
pub struct Lenient {
    /// Rows that loaded.
    pub observations: Observations,
    /// One issue per rejected row (or per problem of a row).
    pub rejected: Vec<Issue>,
}

/// One observation as text fields, the way tables and the bindings supply them.
/// [`Observations::from_records`] validates a batch of them exactly as CSV rows are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObservationRecord {
    /// Indicator id.
    pub indicator: String,
    /// Period text (`2024`, `2024H1`, `2024-01..2024-09`, `2024-12-31` …).
    pub period: String,
    /// Value text, possibly with a magnitude (`1.5万`), or `done`/`not done`.
    pub value: String,
    /// Unit name (may be empty for bare numbers and milestones).
    pub unit: String,
    /// `preliminary`, `revised`, `final` or empty (final).
    pub status: String,
    /// Publication date `YYYY-MM-DD` or empty.
    pub vintage: String,
    /// Source, free text.
    pub source: String,
    /// Jurisdiction, free text.
    pub jurisdiction: String,
}

impl ObservationRecord {
    fn fields(&self) -> [&str; 8] {
        [
            &self.indicator,
            &self.period,
            &self.value,
            &self.unit,
            &self.status,
            &self.vintage,
            &self.source,
            &self.jurisdiction,
        ]
    }

    /// Sets a field by its column name; false for an unknown name.
    pub fn set(&mut self, column: &str, value: String) -> bool {
        let slot = match column {
            "indicator" => &mut self.indicator,
            "period" => &mut self.period,
            "value" => &mut self.value,
            "unit" => &mut self.unit,
            "status" => &mut self.status,
            "vintage" => &mut self.vintage,
            "source" => &mut self.source,
            "jurisdiction" => &mut self.jurisdiction,
            _ => return false,
        };
        *slot = value;
        true
    }
}

/// The column names of observation tables, in order.
pub const OBSERVATION_COLUMNS: [&str; 8] = COLUMNS;

const COLUMNS: [&str; 8] = [
    "indicator",
    "period",
    "value",
    "unit",
    "status",
    "vintage",
    "source",
    "jurisdiction",
];

impl Observations {
    /// An empty batch.
    pub fn new() -> Observations {
        Observations::default()
    }

    /// Adds one observation.
    pub fn push(&mut self, o: Observation) {
        self.items.push(o);
    }

    /// All observations, in load order.
    pub fn iter(&self) -> std::slice::Iter<'_, Observation> {
        self.items.iter()
    }

    /// Number of observations.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Appends every observation of `other`.
    pub fn extend(&mut self, other: Observations) {
        self.items.extend(other.items);
    }

    /// Loads CSV text with the header `indicator,period,value,unit` and optional
    /// `status,vintage,source,jurisdiction` columns. A `value` may carry its magnitude
    /// (`1.5万` with unit `人`); milestone values are `done`/`not done` (also
    /// `yes`/`no`, `true`/`false`, `完成`/`未完成`).
    ///
    /// All or nothing: any bad row makes the whole load fail with an
    /// [`ErrorKind::Plan`] error listing **every** bad row with its line and column.
    /// Use [`from_csv_lenient`](Observations::from_csv_lenient) to keep the good rows.
    ///
    /// ```
    /// use planwatch::Observations;
    /// let obs = Observations::from_csv_str("indicator,period,value,unit\nnew_jobs,2023,18746,人\n", "obs.csv")?;
    /// assert_eq!(obs.len(), 1);
    /// let err = Observations::from_csv_str("indicator,period,value,unit\nnew_jobs,2023,lots,人\n", "obs.csv").unwrap_err();
    /// assert_eq!(err.issues()[0].location.line, Some(2));
    /// assert_eq!(err.issues()[0].location.column, Some(3));
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn from_csv_str(text: &str, file: &str) -> Result<Observations> {
        Observations::from_csv_reader(text.as_bytes(), file)
    }

    /// Like [`from_csv_str`](Observations::from_csv_str), reading from `reader`.
    pub fn from_csv_reader<R: Read>(reader: R, file: &str) -> Result<Observations> {
        let lenient = Observations::from_csv_lenient(reader, file)?;
        if lenient.rejected.is_empty() {
            Ok(lenient.observations)
        } else {
            Err(Error::from_issues(
                &format!("observations {file:?}"),
                lenient.rejected,
            ))
        }
    }

    /// Loads CSV keeping the good rows and returning every rejected row's problem.
    /// Fails as a whole only when the file itself is unusable (no header, missing
    /// required columns, too large).
    pub fn from_csv_lenient<R: Read>(reader: R, file: &str) -> Result<Lenient> {
        let limited = reader.take(MAX_OBSERVATION_BYTES as u64 + 1);
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(limited);
        let headers = rdr
            .headers()
            .map_err(|e| csv_error(&e, file))?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
            .collect::<Vec<_>>();
        let mut index = [None; 8];
        for (i, h) in headers.iter().enumerate() {
            match COLUMNS.iter().position(|c| c == h) {
                Some(k) => index[k] = Some(i),
                None => {
                    return Err(Error::new(
                        ErrorKind::Parse,
                        format!("unknown column {h:?}; expected {}", COLUMNS.join(", ")),
                    )
                    .with_location(Location {
                        file: Some(file.into()),
                        line: Some(1),
                        column: Some(i + 1),
                        ..Location::default()
                    }))
                }
            }
        }
        for (k, name) in COLUMNS.iter().enumerate().take(4) {
            if index[k].is_none() {
                return Err(Error::new(
                    ErrorKind::Parse,
                    format!("missing required column {name:?}"),
                )
                .with_location(Location {
                    file: Some(file.into()),
                    line: Some(1),
                    ..Location::default()
                }));
            }
        }
        let mut out = Lenient::default();
        let mut record = csv::StringRecord::new();
        let mut rows = 0usize;
        loop {
            match rdr.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => {
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        return Err(csv_error(&e, file));
                    }
                    out.rejected.push(Issue {
                        code: "bad_row".into(),
                        location: Location {
                            file: Some(file.into()),
                            line: e.position().map(|p| p.line() as usize),
                            ..Location::default()
                        },
                        message: e.to_string(),
                    });
                    continue;
                }
            }
            rows += 1;
            if rows > MAX_OBSERVATION_ROWS {
                return Err(Error::new(
                    ErrorKind::TooLarge,
                    format!("more than {MAX_OBSERVATION_ROWS} observation rows"),
                )
                .with_location(Location {
                    file: Some(file.into()),
                    ..Location::default()
                }));
            }
            let line = record.position().map(|p| p.line() as usize);
            let field = |k: usize| index[k].and_then(|i| record.get(i)).unwrap_or("");
            let fields: [&str; 8] = std::array::from_fn(field);
            let locate = |k: usize| Location {
                file: Some(file.into()),
                line,
                column: index[k].map(|i| i + 1),
                ..Location::default()
            };
            match row(&fields) {
                Ok(o) => out.observations.push(o),
                Err(problems) => {
                    for (k, code, message) in problems {
                        out.rejected.push(Issue {
                            code: code.into(),
                            location: locate(k),
                            message,
                        });
                    }
                }
            }
        }
        Ok(out)
    }

    /// Builds a batch from records (rows of a DataFrame, JS objects …), validated like
    /// CSV rows. All or nothing: any bad record fails the batch with every problem,
    /// located by `[index].column` paths under `label`.
    pub fn from_records(records: &[ObservationRecord], label: &str) -> Result<Observations> {
        let lenient = Observations::from_records_lenient(records, label)?;
        if lenient.rejected.is_empty() {
            Ok(lenient.observations)
        } else {
            Err(Error::from_issues(
                &format!("observations {label:?}"),
                lenient.rejected,
            ))
        }
    }

    /// Like [`from_records`](Observations::from_records), keeping the good records and
    /// returning every rejected record's problems.
    pub fn from_records_lenient(records: &[ObservationRecord], label: &str) -> Result<Lenient> {
        if records.len() > MAX_OBSERVATION_ROWS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("more than {MAX_OBSERVATION_ROWS} observation records"),
            ));
        }
        let mut out = Lenient::default();
        for (i, rec) in records.iter().enumerate() {
            match row(&rec.fields()) {
                Ok(o) => out.observations.push(o),
                Err(problems) => {
                    for (k, code, message) in problems {
                        out.rejected.push(Issue {
                            code: code.into(),
                            location: Location {
                                file: Some(label.into()),
                                path: Some(format!("[{i}].{}", COLUMNS[k])),
                                ..Location::default()
                            },
                            message,
                        });
                    }
                }
            }
        }
        Ok(out)
    }

    /// Loads JSON: an array of records with the CSV column names as keys. Values may be
    /// strings (exact) or numbers; a JSON number with a fraction is read through its
    /// shortest round-trip text, which is exact for up to 15 significant digits —
    /// write values as strings to be exact beyond that. Errors carry the record path
    /// (`[3].value`). All or nothing, like CSV.
    pub fn from_json_str(text: &str, file: &str) -> Result<Observations> {
        if text.len() > MAX_OBSERVATION_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge,
                "observation JSON is too large",
            ));
        }
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            Error::new(ErrorKind::Parse, format!("invalid JSON: {e}")).with_location(Location {
                file: Some(file.into()),
                line: Some(e.line()),
                column: Some(e.column()),
                ..Location::default()
            })
        })?;
        let serde_json::Value::Array(records) = value else {
            return Err(Error::new(
                ErrorKind::Parse,
                "observation JSON must be an array of records",
            )
            .in_file(file));
        };
        if records.len() > MAX_OBSERVATION_ROWS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("more than {MAX_OBSERVATION_ROWS} observation records"),
            ));
        }
        // Structural problems (not an object, unknown key, nested value) are found
        // here; the fields themselves are checked as records, like CSV rows.
        let mut issues = Vec::new();
        let mut rows = Vec::with_capacity(records.len());
        let mut positions = Vec::with_capacity(records.len());
        for (i, rec) in records.iter().enumerate() {
            let locate = |key: &str| Location {
                file: Some(file.into()),
                path: Some(if key.is_empty() {
                    format!("[{i}]")
                } else {
                    format!("[{i}].{key}")
                }),
                ..Location::default()
            };
            let serde_json::Value::Object(map) = rec else {
                issues.push(Issue {
                    code: "bad_row".into(),
                    location: locate(""),
                    message: "a record must be an object".into(),
                });
                continue;
            };
            let mut record = ObservationRecord::default();
            let mut bad = false;
            for (key, v) in map {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Number(n) => n.to_string(),
                    serde_json::Value::Bool(true) => "done".into(),
                    serde_json::Value::Bool(false) => "not done".into(),
                    serde_json::Value::Null => String::new(),
                    _ => {
                        issues.push(Issue {
                            code: "bad_value".into(),
                            location: locate(key),
                            message: format!("{key} must be a string or a number"),
                        });
                        bad = true;
                        continue;
                    }
                };
                if !record.set(key, text) {
                    issues.push(Issue {
                        code: "unknown_field".into(),
                        location: locate(""),
                        message: format!("unknown field {key:?}"),
                    });
                    bad = true;
                }
            }
            if !bad {
                rows.push(record);
                positions.push(i);
            }
        }
        let lenient = Observations::from_records_lenient(&rows, file)?;
        // Point the record problems back at their index in the file.
        issues.extend(lenient.rejected.into_iter().map(|mut issue| {
            if let Some(path) = issue.location.path.as_mut() {
                if let Some((n, rest)) = path.strip_prefix('[').and_then(|p| p.split_once(']')) {
                    if let Some(&orig) = n.parse::<usize>().ok().and_then(|n| positions.get(n)) {
                        *path = format!("[{orig}]{rest}");
                    }
                }
            }
            issue
        }));
        crate::order::sort_by_key(&mut issues, |i| {
            let p = i.location.path.as_deref().unwrap_or("");
            p.strip_prefix('[')
                .and_then(|p| p.split(']').next())
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(usize::MAX)
        });
        if issues.is_empty() {
            Ok(lenient.observations)
        } else {
            Err(Error::from_issues(
                &format!("observations {file:?}"),
                issues,
            ))
        }
    }

    /// The built-in observations of a dataset (`"nanshan-2024"`).
    pub fn builtin(name: &str) -> Result<Observations> {
        let (_, csv) = crate::builtin::files(name)?;
        Observations::from_csv_str(csv, &format!("builtin:{name}/observations.csv"))
    }

    /// Writes the observations as CSV with all eight columns.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        write_row(&mut out, COLUMNS);
        for o in &self.items {
            let vintage = o.vintage.map(|d| Period::Date(d).to_string());
            write_row(
                &mut out,
                [
                    o.indicator.as_str(),
                    &o.period.to_string(),
                    &o.value.value().to_string(),
                    o.value.unit().symbol(),
                    o.status.name(),
                    vintage.as_deref().unwrap_or(""),
                    o.source.as_deref().unwrap_or(""),
                    o.jurisdiction.as_deref().unwrap_or(""),
                ],
            );
        }
        out
    }
}

impl<'a> IntoIterator for &'a Observations {
    type Item = &'a Observation;
    type IntoIter = std::slice::Iter<'a, Observation>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl FromIterator<Observation> for Observations {
    fn from_iter<I: IntoIterator<Item = Observation>>(iter: I) -> Observations {
        Observations {
            items: iter.into_iter().collect(),
        }
    }
}

fn csv_error(e: &csv::Error, file: &str) -> Error {
    Error::new(ErrorKind::Parse, format!("unreadable CSV: {e}")).with_location(Location {
        file: Some(file.into()),
        line: e.position().map(|p| p.line() as usize),
        ..Location::default()
    })
}

type Problem = (usize, &'static str, String);

/// Turns the eight fields of a row into an observation, or lists every problem
/// (column index, code, message).
fn row(f: &[&str; 8]) -> std::result::Result<Observation, Vec<Problem>> {
    let mut problems = Vec::new();
    for (k, v) in f.iter().enumerate() {
        if v.len() > MAX_FIELD_BYTES {
            problems.push((
                k,
                "too_large",
                format!("{} is longer than {MAX_FIELD_BYTES} bytes", COLUMNS[k]),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if f[0].is_empty() {
        problems.push((0, "missing_value", "indicator is empty".into()));
    }
    let period = Period::parse(f[1])
        .map_err(|e| problems.push((1, "bad_period", e.to_string())))
        .ok();
    let unit = Unit::parse(f[3])
        .map_err(|e| problems.push((3, "unknown_unit", e.to_string())))
        .ok();
    let value = match milestone_value(f[2]) {
        Some(v) => Some(v),
        None => parse_number(f[2])
            .map_err(|e| problems.push((2, "bad_value", e.to_string())))
            .ok(),
    };
    let status = ObservationStatus::parse(f[4]);
    if status.is_none() {
        problems.push((
            4,
            "bad_status",
            format!("status {:?} is not preliminary, revised or final", f[4]),
        ));
    }
    let vintage = if f[5].is_empty() {
        Some(None)
    } else {
        crate::period::parse_date(f[5])
            .map(Some)
            .map_err(|_| {
                problems.push((
                    5,
                    "bad_vintage",
                    format!("vintage {:?} is not a date YYYY-MM-DD", f[5]),
                ))
            })
            .ok()
    };
    match (period, unit, value, status, vintage) {
        (Some(period), Some(unit), Some(value), Some(status), Some(vintage))
            if problems.is_empty() =>
        {
            Ok(Observation {
                indicator: f[0].to_string(),
                period,
                value: Quantity::new(value, unit),
                status,
                vintage,
                source: Some(f[6].to_string()).filter(|s| !s.is_empty()),
                jurisdiction: Some(f[7].to_string()).filter(|s| !s.is_empty()),
            })
        }
        _ => Err(problems),
    }
}

/// Milestone values: done = 1, not done = 0.
fn milestone_value(s: &str) -> Option<rust_decimal::Decimal> {
    match s.trim().to_ascii_lowercase().as_str() {
        "done" | "yes" | "true" | "完成" | "已完成" => Some(rust_decimal::Decimal::ONE),
        "not done" | "no" | "false" | "未完成" => Some(rust_decimal::Decimal::ZERO),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bad_row_is_reported_and_nothing_loads() {
        let mut text = String::from("indicator,period,value,unit,status\n");
        for i in 0..10_000 {
            match i {
                17 => text.push_str("gdp,2024Q5,1,亿元,final\n"),
                4242 => text.push_str("gdp,2024,12..3,亿元,final\n"),
                9999 => text.push_str("gdp,2024,1,furlongs,final\n"),
                _ => text.push_str("gdp,2024,9500.97,亿元,final\n"),
            }
        }
        let e = Observations::from_csv_str(&text, "big.csv").unwrap_err();
        let rows: Vec<_> = e
            .issues()
            .iter()
            .map(|i| (i.location.line, i.location.column))
            .collect();
        assert_eq!(
            rows,
            vec![
                (Some(19), Some(2)),
                (Some(4244), Some(3)),
                (Some(10001), Some(4))
            ]
        );
        let lenient = Observations::from_csv_lenient(text.as_bytes(), "big.csv").unwrap();
        assert_eq!(lenient.observations.len(), 9_997);
        assert_eq!(lenient.rejected.len(), 3);
    }

    #[test]
    fn magnitude_inline_and_milestones() {
        let obs = Observations::from_csv_str(
            "indicator,period,value,unit,vintage\nnew_jobs,2023,1.5万,人,2024-01-27\nhospital,2024-11-30,done,,\n",
            "x.csv",
        )
        .unwrap();
        let v: Vec<_> = obs.iter().map(|o| o.value.value().to_string()).collect();
        assert_eq!(v, ["15000", "1"]);
        assert_eq!(
            obs.iter().next().unwrap().vintage.unwrap().to_string(),
            "2024-01-27"
        );
    }

    #[test]
    fn json_records() {
        let obs = Observations::from_json_str(
            r#"[{"indicator":"gdp","period":"2024","value":9500.97,"unit":"亿元"},{"indicator":"gdp","period":"2024H1","value":"4495","unit":"亿元","status":"preliminary"}]"#,
            "x.json",
        )
        .unwrap();
        assert_eq!(
            obs.iter().next().unwrap().value.value().to_string(),
            "9500.97"
        );
        let e = Observations::from_json_str(
            r#"[{"indicator":"gdp","period":"20x4","value":"1","unit":"亿元"}]"#,
            "x.json",
        )
        .unwrap_err();
        assert_eq!(e.issues()[0].location.path.as_deref(), Some("[0].period"));
    }
}
