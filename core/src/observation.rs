//! Observations: actual statistics, with status and vintage.
//!
//! Revisions are kept side by side, never overwritten; evaluation picks, for each
//! indicator and period, the latest vintage published on or before `as_of`.

use std::io::Read;
use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::csv_out::write_row;
use crate::limits::{MAX_FIELD_BYTES, MAX_OBSERVATION_BYTES, MAX_OBSERVATION_ROWS};
use crate::number::parse_number;
use crate::period::Period;
use crate::plan::Plan;
use crate::plan_file::tree;
use crate::quantity::Quantity;
use crate::unit::Unit;
use crate::{Error, ErrorKind, Issue, Location, Result};

mod chunks;
mod origins;
mod table;

use chunks::Chunks;
pub use chunks::Iter as ObservationsIter;
#[cfg(feature = "arrow")]
pub(crate) use chunks::CHUNK;
use origins::Origins;

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
        crate::schema::variant_name(self)
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
    /// Indicator id. Shared: the rows a loader reads on one indicator hold one copy of
    /// its id (a million rows of ten thousand indicators, ten thousand strings).
    pub indicator: Arc<str>,
    /// The period the figure is for.
    pub period: Period,
    /// The value. Serialised with the unit [`DIMENSIONLESS_UNIT`] when it has none, as
    /// [`Observations::to_csv`] writes it, so that written records load again.
    #[serde(serialize_with = "record_value")]
    pub value: Quantity,
    /// Preliminary, revised or final.
    pub status: ObservationStatus,
    /// Publication date. An undated figure counts as published when its period ends.
    #[serde(serialize_with = "crate::schema::opt_date")]
    pub vintage: Option<Date>,
    /// Where the figure comes from (a URL, a document and span …). Shared like
    /// `indicator`.
    pub source: Option<Arc<str>>,
    /// The jurisdiction the figure is for, when one batch covers several. Shared like
    /// `indicator`: a national batch repeats each county's name on all its rows.
    pub jurisdiction: Option<Arc<str>>,
}

/// An observation's value as its records write it: see [`Observation::value`].
fn record_value<S: serde::Serializer>(q: &Quantity, s: S) -> std::result::Result<S::Ok, S::Error> {
    q.serialize_with_unit(record_unit(q), s)
}

/// The unit text of a written observation: [`DIMENSIONLESS_UNIT`] for a value without
/// one, so that the CSV and the records load again.
fn record_unit(q: &Quantity) -> &'static str {
    match q.unit().symbol() {
        "" => DIMENSIONLESS,
        symbol => symbol,
    }
}

impl Observation {
    /// A final, undated observation.
    pub fn new(indicator: impl Into<Arc<str>>, period: Period, value: Quantity) -> Observation {
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
///
/// A batch loaded from a file remembers where each observation was read (file and row,
/// or record index), so checks against a plan ([`LenientObservations::against`],
/// [`Observations::against`], [`Plan::check`]) can point at the row. Equality and
/// serialization look at the observations only.
#[derive(Debug, Clone, Default)]
pub struct Observations {
    items: Chunks,
    /// Where each item was read; parallel to `items` (`None`: built in code), in runs.
    origins: Origins,
    /// The file names origins point into.
    files: Vec<String>,
}

impl PartialEq for Observations {
    fn eq(&self, other: &Observations) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Serialize for Observations {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

/// Where an observation was read: a file (an index into `Observations::files`) and
/// a row. Plain indices rather than shared strings keep the WebAssembly module small.
#[derive(Debug, Clone, Copy)]
struct Origin {
    file: usize,
    at: RowAt,
}

#[derive(Debug, Clone, Copy)]
enum RowAt {
    /// A CSV line and the 1-based column of each of [`COLUMNS`] (0: absent).
    Line(usize, [u8; 8]),
    /// A record index (JSON array, records).
    Index(usize),
}

impl Origin {
    fn field(&self, files: &[String], k: usize) -> Location {
        let mut loc = Location {
            file: files.get(self.file).cloned(),
            ..Location::default()
        };
        match self.at {
            RowAt::Line(line, columns) => {
                loc.line = Some(line);
                loc.column = Some(usize::from(columns[k])).filter(|c| *c > 0);
            }
            RowAt::Index(i) => {
                loc.path = Some(format!("[{i}].{}", COLUMNS[k]));
                loc.row = Some(i.to_string());
                loc.field = Some(COLUMNS[k].to_string());
            }
        }
        loc
    }
}

/// The result of a lenient load: the good rows and every rejected row's problem.
#[derive(Debug, Clone, Default)]
pub struct LenientObservations {
    /// Rows that loaded.
    pub observations: Observations,
    /// One issue per rejected row (or per problem of a row).
    pub rejected: Vec<Issue>,
}

impl LenientObservations {
    /// Checks the good rows against `plan`: a row on an indicator the plan does not
    /// define is a bad row (code `unknown_indicator`, located at its `indicator` field)
    /// and moves to [`rejected`](LenientObservations::rejected). Rows for another jurisdiction than
    /// the plan's are not checked (a batch may cover several). The rejected issues are
    /// then in row order.
    ///
    /// ```
    /// use planwatch::{Observations, Plan};
    /// let plan = Plan::builtin("nanshan-2024")?;
    /// let csv = "indicator,period,value,unit\nnew_jobs,2024,1,人\nnew_jbos,2024,2,人\ngdp,2024,x,亿元\n";
    /// let lenient = Observations::from_csv_lenient(csv.as_bytes(), "obs.csv")?.against(&plan);
    /// assert_eq!(lenient.observations.len(), 1);
    /// let rows: Vec<_> = lenient.rejected.iter().map(|i| (i.code.as_str(), i.location.line)).collect();
    /// assert_eq!(rows, [("unknown_indicator", Some(3)), ("bad_value", Some(4))]);
    /// // All or nothing, every bad row listed:
    /// let err = lenient.into_result("obs.csv").unwrap_err();
    /// assert_eq!(err.issues().len(), 2);
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn against(mut self, plan: &Plan) -> LenientObservations {
        let (kept, unknown) = self.observations.split_unknown(plan);
        self.observations = kept;
        self.rejected.extend(unknown);
        sort_issues(&mut self.rejected);
        self
    }

    /// Adds the row of text `fields` read at `origin`: its observation, or one issue
    /// per problem, quoting the field. The one row loop body of the CSV and record loaders.
    fn push_row(&mut self, fields: &[&str; 8], origin: Origin, memo: &mut Memo) {
        match row(fields, memo) {
            Ok(o) => self.observations.push_from(o, origin),
            Err(problems) => {
                for (k, code, message) in problems {
                    self.rejected.push(Issue {
                        code: code.into(),
                        location: origin.field(&self.observations.files, k),
                        message,
                        input: fields.get(k).map(|f| f.to_string()),
                        hint: crate::error::hint_for(code).map(String::from),
                    });
                }
            }
        }
    }

    /// All or nothing: the observations when no row was rejected, else an
    /// [`ErrorKind::Validation`] error listing every rejected row. `what` names the batch in
    /// the message (a file name).
    pub fn into_result(self, what: &str) -> Result<Observations> {
        if self.rejected.is_empty() {
            Ok(self.observations)
        } else {
            Err(Error::from_issues(
                &format!("observations {what:?}"),
                self.rejected,
            ))
        }
    }
}

/// Sorts issues by where they are: line (or record index), then column.
fn sort_issues(issues: &mut Vec<Issue>) {
    crate::order::sort_by_key(issues, |i: &Issue| {
        let index = i
            .location
            .path
            .as_deref()
            .and_then(|p| p.strip_prefix('['))
            .and_then(|p| p.split(']').next())
            .and_then(|n| n.parse::<usize>().ok());
        // The key type of the plan file's sort, so the two share one instantiation.
        (i.location.line.or(index), i.location.column)
    });
}

/// One observation as text fields, the way tables and the bindings supply them.
/// [`Observations::from_records`] validates a batch of them exactly as CSV rows are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObservationRecord {
    /// Indicator id.
    pub indicator: String,
    /// Period text (`2024`, `2024H1`, `2024-01..2024-09`, `2024-12-31` …), or as
    /// communiqués write it (`2024年1-9月`, `2024年上半年`, `2024年末` …; see
    /// [`Period::parse_written`]).
    pub period: String,
    /// Value text, possibly with a magnitude (`1.5万`), or `done`/`not done`.
    pub value: String,
    /// Unit name; `1` for a dimensionless figure; empty only for a milestone's
    /// `done`/`not done`.
    pub unit: String,
    /// `preliminary`, `revised`, `final` or empty (final).
    pub status: String,
    /// Publication date `YYYY-MM-DD` (or `2025年1月20日`), or empty.
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
        match ObservationRecord::field(column) {
            Some(slot) => {
                *slot(self) = value;
                true
            }
            None => false,
        }
    }

    /// The field that holds `column` (one of [`OBSERVATION_COLUMNS`]), or None for a
    /// name that is not a column: chosen once per column by a table reader, rather than
    /// by name for each of a million cells.
    pub fn field(column: &str) -> Option<fn(&mut ObservationRecord) -> &mut String> {
        Some(match column {
            "indicator" => |r| &mut r.indicator,
            "period" => |r| &mut r.period,
            "value" => |r| &mut r.value,
            "unit" => |r| &mut r.unit,
            "status" => |r| &mut r.status,
            "vintage" => |r| &mut r.vintage,
            "source" => |r| &mut r.source,
            "jurisdiction" => |r| &mut r.jurisdiction,
            _ => return None,
        })
    }
}

/// The unit text of a dimensionless figure (an index, a rank) in observation tables:
/// an empty unit is a bad row unless the value is a milestone's `done`/`not done`.
/// [`Observations::to_csv`] writes it for every value without a unit.
pub const DIMENSIONLESS_UNIT: &str = DIMENSIONLESS;

const DIMENSIONLESS: &str = "1";

/// A record as its keys and cell texts, or `None` for a record that is not a mapping;
/// a cell is `None` when its value cannot be a cell (a list, a nested object). The
/// input of [`Observations::from_keyed_records`].
pub type KeyedRecord = Option<Vec<(String, Option<String>)>>;

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
        self.origins.push(None);
    }

    fn push_from(&mut self, o: Observation, origin: Origin) {
        self.items.push(o);
        self.origins.push(Some(origin));
    }

    /// The index of `file` among the files origins point into, added if new.
    fn file_index(&mut self, file: &str) -> usize {
        match self.files.iter().position(|f| f == file) {
            Some(i) => i,
            None => {
                self.files.push(file.to_string());
                self.files.len() - 1
            }
        }
    }

    /// Where field `column` (one of [`OBSERVATION_COLUMNS`]) of observation `index` was
    /// read: file, line and column for CSV; file and a `[i].column` path for JSON and
    /// records. `None` for observations added in code or an unknown column.
    pub fn location(&self, index: usize, column: &str) -> Option<Location> {
        let k = COLUMNS.iter().position(|c| *c == column)?;
        Some(self.origins.get(index)?.field(&self.files, k))
    }

    /// Splits off the observations on indicators `plan` does not define (in the plan's
    /// jurisdiction), each as an `unknown_indicator` issue at its indicator field.
    fn split_unknown(mut self, plan: &Plan) -> (Observations, Vec<Issue>) {
        let index = plan.index();
        let mut kept = Observations {
            items: Chunks::default(),
            origins: Origins::default(),
            files: std::mem::take(&mut self.files),
        };
        let mut issues = Vec::new();
        let (items, origins) = (
            std::mem::take(&mut self.items),
            std::mem::take(&mut self.origins),
        );
        for (o, origin) in items.into_rows().zip(origins.iter()) {
            if plan.covers(&o) && !index.contains_key(o.indicator.as_ref()) {
                let at = origin.map(|at| at.field(&kept.files, 0));
                let mut issue = unknown_indicator_issue(&o, at, plan);
                if origin.is_none() {
                    issue.location.path = Some(format!(
                        "observations[{}].indicator",
                        kept.len() + issues.len()
                    ));
                }
                issues.push(issue);
            } else {
                kept.items.push(o);
                kept.origins.push(origin);
            }
        }
        (kept, issues)
    }

    /// All or nothing against `plan`: every observation on an indicator the plan does
    /// not define (in the plan's jurisdiction) is a bad row, and the batch fails with an
    /// [`ErrorKind::Validation`] error listing each with its row and column. To report these
    /// together with the rows that did not parse, load with
    /// [`from_csv_lenient`](Observations::from_csv_lenient) and call
    /// [`LenientObservations::against`] and [`LenientObservations::into_result`].
    pub fn against(self, plan: &Plan) -> Result<Observations> {
        LenientObservations {
            observations: self,
            rejected: Vec::new(),
        }
        .against(plan)
        .into_result(&plan.id)
    }

    /// The observations in pieces of at most `len` rows, each with the position in the
    /// batch of its first row: the runs they are stored in, each cut into pieces so that
    /// a batch of one or two runs still spreads over the cores.
    #[cfg(feature = "parallel")]
    pub(crate) fn pieces(&self, len: usize) -> impl Iterator<Item = (usize, &[Observation])> {
        let len = len.max(1);
        self.items.runs().flat_map(move |(start, run)| {
            run.chunks(len)
                .enumerate()
                .map(move |(k, piece)| (start + k * len, piece))
        })
    }

    /// Sets `out[j]` to `f(j, observation j)` for every row, on every core, a piece of
    /// the batch at a time: one vector for the whole batch, written in place (a parallel
    /// collect over the pieces would gather them and copy).
    #[cfg(feature = "parallel")]
    pub(crate) fn fill<'a, T: Send>(
        &'a self,
        out: &mut [T],
        f: impl Fn(usize, &'a Observation) -> T + Sync,
    ) {
        use rayon::prelude::*;
        let mut parts = Vec::new();
        let mut rest = out;
        for (start, piece) in self.pieces(4096) {
            let Some((head, tail)) = std::mem::take(&mut rest).split_at_mut_checked(piece.len())
            else {
                break;
            };
            parts.push((start, piece, head));
            rest = tail;
        }
        debug_assert!(rest.is_empty());
        parts.into_par_iter().for_each(|(start, piece, out)| {
            for (k, (x, o)) in out.iter_mut().zip(piece).enumerate() {
                *x = f(start + k, o);
            }
        });
    }

    /// The observation at position `index`, in load order.
    pub fn get(&self, index: usize) -> Option<&Observation> {
        self.items.get(index)
    }

    /// All observations, in load order.
    pub fn iter(&self) -> ObservationsIter<'_> {
        self.items.iter()
    }

    /// Number of observations.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.items.len() == 0
    }

    /// The files (or labels: `DataFrame`, a sheet) the batch's rows were read from, each
    /// once, in the order first seen: the `file` of their issues' locations. A batch
    /// built in code has none.
    ///
    /// ```
    /// use planwatch::Observations;
    /// let mut obs = Observations::from_csv_str("indicator,period,value,unit\njobs,2024,1,人\n", "a.csv")?;
    /// obs.extend(Observations::from_csv_str("indicator,period,value,unit\njobs,2023,1,人\n", "b.csv")?);
    /// assert_eq!(obs.files().collect::<Vec<_>>(), ["a.csv", "b.csv"]);
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn files(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(String::as_str)
    }

    /// Appends every observation of `other`.
    pub fn extend(&mut self, mut other: Observations) {
        let files: Vec<usize> = other.files.iter().map(|f| self.file_index(f)).collect();
        for o in std::mem::take(&mut other.items).into_rows() {
            self.items.push(o);
        }
        self.origins
            .append(std::mem::take(&mut other.origins), |f| {
                files.get(f).copied().unwrap_or(usize::MAX)
            });
    }

    /// Loads CSV text with the header `indicator,period,value,unit` and optional
    /// `status,vintage,source,jurisdiction` columns. A `value` may carry its magnitude
    /// (`1.5万` with unit `人`); milestone values are `done`/`not done` (also
    /// `yes`/`no`, `true`/`false`, `完成`/`未完成`), the only values that go without a
    /// unit. Periods are canonical (`2024-01..2024-09`) or written as communiqués write
    /// them (`2024年1-9月`, [`Period::parse_written`]).
    ///
    /// All or nothing: any bad row makes the whole load fail with an
    /// [`ErrorKind::Validation`] error listing **every** bad row with its line and column: a
    /// field that does not parse, more or fewer fields than the header
    /// (`field_count`), an empty unit on a number (`missing_unit`). An indicator id the
    /// plan does not define is a bad row once the plan is known:
    /// [`Observations::against`], [`LenientObservations::against`], [`Plan::check`].
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
        Observations::from_csv_str_lenient(text, file)?.into_result(file)
    }

    /// Like [`from_csv_lenient`](Observations::from_csv_lenient), from text (which is
    /// UTF-8 already).
    pub fn from_csv_str_lenient(text: &str, file: &str) -> Result<LenientObservations> {
        if text.len() > MAX_OBSERVATION_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("observation file is larger than {MAX_OBSERVATION_BYTES} bytes"),
            )
            .in_file(file));
        }
        csv_lenient(text.as_bytes(), file)
    }

    /// Like [`from_csv_str`](Observations::from_csv_str), reading from `reader` (a
    /// file the caller opened, a network stream …). The bytes must be UTF-8: a file in
    /// GBK/GB18030 or another encoding fails with an [`ErrorKind::Encoding`] error that
    /// names the byte offset and the likely encoding (see [`decode_utf8`](crate::decode_utf8)).
    pub fn from_csv_reader<R: Read>(reader: R, file: &str) -> Result<Observations> {
        Observations::from_csv_lenient(reader, file)?.into_result(file)
    }

    /// Like [`from_csv_str`](Observations::from_csv_str), from bytes whose encoding is
    /// not known to be UTF-8 (see [`from_csv_reader`](Observations::from_csv_reader)).
    pub fn from_csv_bytes(bytes: &[u8], file: &str) -> Result<Observations> {
        Observations::from_csv_reader(bytes, file)
    }

    /// Loads CSV keeping the good rows and returning every rejected row's problem, in
    /// row order: fields that do not parse, a row with more or fewer fields than the
    /// header, an empty unit on a number. Fails as a whole only when the file itself is
    /// unusable (not UTF-8, no header, unknown or missing required columns, too large).
    /// Unknown indicator ids need the plan: see [`LenientObservations::against`].
    pub fn from_csv_lenient<R: Read>(reader: R, file: &str) -> Result<LenientObservations> {
        // Checked for UTF-8 and size as it streams: a GBK file fails with the
        // encoding error (offset, guess, how to convert) before any row is read wrongly.
        csv_lenient(
            crate::encoding::Utf8Reader::new(reader, file, MAX_OBSERVATION_BYTES),
            file,
        )
    }

    /// Builds a batch from records (rows of a DataFrame, JS objects …), validated like
    /// CSV rows. All or nothing: any bad record fails the batch with every problem,
    /// located by `[index].column` paths under `label`.
    pub fn from_records(records: &[ObservationRecord], label: &str) -> Result<Observations> {
        Observations::from_records_lenient(records, label)?.into_result(label)
    }

    /// Like [`from_records`](Observations::from_records), keeping the good records and
    /// returning every rejected record's problems.
    pub fn from_records_lenient(
        records: &[ObservationRecord],
        label: &str,
    ) -> Result<LenientObservations> {
        if records.len() > MAX_OBSERVATION_ROWS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("more than {MAX_OBSERVATION_ROWS} observation records"),
            ));
        }
        let mut out = LenientObservations::default();
        let file = out.observations.file_index(label);
        let mut memo = Memo::default();
        for (i, rec) in records.iter().enumerate() {
            let origin = Origin {
                file,
                at: RowAt::Index(i),
            };
            out.push_row(&rec.fields(), origin, &mut memo);
        }
        Ok(out)
    }

    /// Loads JSON: an array of records with the CSV column names as keys. Values may be
    /// strings (exact) or numbers; a JSON number with a fraction is read through its
    /// shortest round-trip text, which is exact for up to 15 significant digits —
    /// write values as strings to be exact beyond that. Errors carry the record path
    /// (`[3].value`). All or nothing, like CSV.
    pub fn from_json_str(text: &str, file: &str) -> Result<Observations> {
        Observations::from_json_lenient(text, file)?.into_result(file)
    }

    /// Like [`from_json_str`](Observations::from_json_str), from bytes that must be
    /// UTF-8 (a GBK file fails with an [`ErrorKind::Encoding`] error naming the offset).
    pub fn from_json_bytes(bytes: &[u8], file: &str) -> Result<Observations> {
        Observations::from_json_str(crate::encoding::decode_utf8(bytes, file)?, file)
    }

    /// Like [`from_json_str`](Observations::from_json_str), keeping the good records and
    /// returning every rejected record's problems in record order. Fails as a whole only
    /// when the text is not a JSON array or is too large.
    pub fn from_json_lenient(text: &str, file: &str) -> Result<LenientObservations> {
        if text.len() > MAX_OBSERVATION_BYTES {
            return Err(Error::new(
                ErrorKind::TooLarge,
                "observation JSON is too large",
            ));
        }
        let doc = tree::from_json(text).map_err(|e| {
            Error::new(ErrorKind::Parse, format!("invalid JSON: {e}")).with_location(Location {
                file: Some(file.into()),
                line: Some(e.line()),
                column: Some(e.column()),
                ..Location::default()
            })
        })?;
        let tree::Value::Array(records) = doc.value else {
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
        let keyed = records
            .into_iter()
            .map(|rec| match rec.value {
                tree::Value::Table(entries) => Some(
                    entries
                        .into_iter()
                        .map(|e| {
                            let text = match e.node.value {
                                tree::Value::Str(s) => Some(s),
                                tree::Value::Number(n) => Some(n.to_string()),
                                tree::Value::Bool(true) => Some("done".into()),
                                tree::Value::Bool(false) => Some("not done".into()),
                                tree::Value::Null => Some(String::new()),
                                _ => None,
                            };
                            (e.key, text)
                        })
                        .collect(),
                ),
                _ => None,
            })
            .collect();
        Observations::from_keyed_records_lenient(keyed, file)
    }

    /// Builds a batch from records given as their keys and cell texts (a Python dict, a
    /// JavaScript object), validated exactly as the records of a JSON file: a record
    /// that is not a mapping (`None`), a key that is not one of
    /// [`OBSERVATION_COLUMNS`], a value that cannot be a cell (`None`: a list, an
    /// object) are problems at `[index]` or `[index].key`; the fields are then checked
    /// like CSV rows. All or nothing, every problem reported.
    pub fn from_keyed_records(records: Vec<KeyedRecord>, label: &str) -> Result<Observations> {
        Observations::from_keyed_records_lenient(records, label)?.into_result(label)
    }

    /// Like [`from_keyed_records`](Observations::from_keyed_records), keeping the good
    /// records and returning every rejected record's problems in record order.
    pub fn from_keyed_records_lenient(
        records: Vec<KeyedRecord>,
        label: &str,
    ) -> Result<LenientObservations> {
        let file = label;
        if records.len() > MAX_OBSERVATION_ROWS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("more than {MAX_OBSERVATION_ROWS} observation records"),
            ));
        }
        // Structural problems (not an object, unknown key, nested value) are found
        // here; the fields of a record without them are then checked like CSV rows.
        let mut out = LenientObservations::default();
        let file_at = out.observations.file_index(file);
        let mut memo = Memo::default();
        for (i, rec) in records.into_iter().enumerate() {
            let locate = |key: &str| Location {
                file: Some(file.into()),
                path: Some(if key.is_empty() {
                    format!("[{i}]")
                } else {
                    format!("[{i}].{key}")
                }),
                row: Some(i.to_string()),
                field: Some(key.to_string()).filter(|k| !k.is_empty()),
                ..Location::default()
            };
            let Some(cells) = rec else {
                out.rejected.push(Issue {
                    code: "bad_row".into(),
                    location: locate(""),
                    message: "a record must be an object".into(),
                    input: None,
                    hint: None,
                });
                continue;
            };
            let mut record = ObservationRecord::default();
            let mut bad = false;
            for (key, text) in cells {
                let Some(text) = text else {
                    out.rejected.push(Issue {
                        code: "bad_value".into(),
                        location: locate(&key),
                        message: format!("{key} must be a string or a number"),
                        input: None,
                        hint: None,
                    });
                    bad = true;
                    continue;
                };
                if !record.set(&key, text) {
                    out.rejected.push(Issue {
                        code: "unknown_field".into(),
                        // At the record (the key is no column), naming the key.
                        location: Location {
                            field: Some(key.clone()),
                            ..locate("")
                        },
                        message: format!("unknown field {key:?}"),
                        input: None,
                        hint: None,
                    });
                    bad = true;
                }
            }
            if !bad {
                let origin = Origin {
                    file: file_at,
                    at: RowAt::Index(i),
                };
                out.push_row(&record.fields(), origin, &mut memo);
            }
        }
        Ok(out)
    }

    /// The built-in observations of a dataset (`"nanshan-2024"`).
    pub fn builtin(name: &str) -> Result<Observations> {
        let (_, csv) = crate::builtin::files(name)?;
        Observations::from_csv_str(csv, &format!("builtin:{name}/observations.csv"))
    }

    /// Writes the observations as CSV with all eight columns; loading the output gives
    /// the same observations. A value without a unit (a milestone's 1 or 0, an index)
    /// is written with the unit [`DIMENSIONLESS_UNIT`] (`1`).
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        write_row(&mut out, COLUMNS);
        for o in self {
            let vintage = o.vintage.map(|d| Period::Date(d).to_string());
            write_row(
                &mut out,
                [
                    o.indicator.as_ref(),
                    &o.period.to_string(),
                    &o.value.value().to_string(),
                    record_unit(&o.value),
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
    type IntoIter = ObservationsIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl FromIterator<Observation> for Observations {
    fn from_iter<I: IntoIterator<Item = Observation>>(iter: I) -> Observations {
        let mut items = Chunks::default();
        for o in iter {
            items.push(o);
        }
        Observations {
            origins: Origins::unknown(items.len()),
            items,
            files: Vec::new(),
        }
    }
}

/// The rows of CSV from `reader` (UTF-8 already checked, or text), every bad row
/// kept as an issue.
fn csv_lenient<R: Read>(reader: R, file: &str) -> Result<LenientObservations> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(reader);
    let headers = rdr
        .headers()
        .map_err(|e| csv_error(&e, file))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
        .collect::<Vec<_>>();
    let index = column_index(&headers, file)?;
    let mut columns = [0u8; 8];
    for (k, i) in index.iter().enumerate() {
        // At most eight columns: an unknown or repeated one fails above.
        columns[k] = i.map_or(0, |i| u8::try_from(i + 1).unwrap_or(0));
    }
    let width = headers.len();
    let mut out = LenientObservations::default();
    let file_at = out.observations.file_index(file);
    let mut record = csv::StringRecord::new();
    let mut rows = 0usize;
    let mut memo = Memo::default();
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
                    input: None,
                    hint: None,
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
        let line = record.position().map_or(rows + 1, |p| p.line() as usize);
        if record.len() != width {
            // First cause only: with a field missing or one too many, every field
            // after it is in the wrong column, so nothing else of the row is read.
            let (column, message) = if record.len() < width {
                (
                    record.len() + 1,
                    format!(
                        "the row has {} field{} but the header has {width}: {} is missing \
                         (an empty field still needs its comma)",
                        record.len(),
                        if record.len() == 1 { "" } else { "s" },
                        headers[record.len()]
                    ),
                )
            } else {
                (
                    width + 1,
                    format!(
                        "the row has {} fields but the header has {width}; quote a value \
                         that contains a comma (\"1,000\")",
                        record.len()
                    ),
                )
            };
            out.rejected.push(Issue {
                code: "field_count".into(),
                location: Location {
                    file: Some(file.into()),
                    line: Some(line),
                    column: Some(column),
                    ..Location::default()
                },
                message,
                input: None,
                hint: None,
            });
            continue;
        }
        let field = |k: usize| index[k].and_then(|i| record.get(i)).unwrap_or("");
        let fields: [&str; 8] = std::array::from_fn(field);
        let origin = Origin {
            file: file_at,
            at: RowAt::Line(line, columns),
        };
        out.push_row(&fields, origin, &mut memo);
    }
    Ok(out)
}

/// Where each of [`COLUMNS`] is among `headers` (trimmed, lower-case names): an
/// unknown or repeated column, or a missing required one, fails the whole table with
/// its 1-based column. Shared by the CSV header and Arrow schemas.
pub(crate) fn column_index(headers: &[String], file: &str) -> Result<[Option<usize>; 8]> {
    let mut index = [None; 8];
    for (i, h) in headers.iter().enumerate() {
        match COLUMNS.iter().position(|c| c == h) {
            Some(k) if index[k].is_none() => index[k] = Some(i),
            found => {
                let what = if found.is_some() {
                    format!("column {h:?} appears twice")
                } else {
                    format!("unknown column {h:?}; expected {}", COLUMNS.join(", "))
                };
                return Err(Error::new(ErrorKind::Parse, what).with_location(Location {
                    file: Some(file.into()),
                    line: Some(1),
                    column: Some(i + 1),
                    ..Location::default()
                }));
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
    Ok(index)
}

fn csv_error(e: &csv::Error, file: &str) -> Error {
    if let csv::ErrorKind::Io(io) = e.kind() {
        if let Some(inner) = crate::encoding::planwatch_error(io) {
            return inner;
        }
    }
    Error::new(ErrorKind::Parse, format!("unreadable CSV: {e}")).with_location(Location {
        file: Some(file.into()),
        line: e.position().map(|p| p.line() as usize),
        ..Location::default()
    })
}

pub(crate) type Problem = (usize, &'static str, String);

/// A bad row of a batch read whole: its index and its problems, each with the cell it
/// quotes.
#[cfg(feature = "arrow")]
pub(crate) type BadRow = (usize, Vec<(Problem, Option<String>)>);

/// The value of a row as it arrives: text (CSV, JSON, string columns), an exact
/// decimal (decimal and integer columns), or a cell that is no value at all (a NaN),
/// with the message that says so.
#[derive(Debug, Clone, Copy)]
// Exact and missing values come from typed columns (the `arrow` feature).
#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
pub(crate) enum Value<'a> {
    /// Text, parsed as the CSV loader parses it (magnitudes, done/not done).
    Text(&'a str),
    /// An exact number.
    Exact(rust_decimal::Decimal),
    /// Not a value: the message of the `missing_value` problem.
    Missing(&'static str),
}

/// The message of a NaN value, in every loader.
pub(crate) const NAN_MESSAGE: &str = "missing value (NaN)";

/// Parses of the texts that repeat down a column (periods, units, statuses, vintages),
/// each distinct text parsed once per load: a million rows usually hold a few hundred
/// periods and a handful of units.
#[derive(Default)]
pub(crate) struct Memo {
    periods: TextMap<std::result::Result<Period, String>>,
    units: TextMap<std::result::Result<Unit, String>>,
    statuses: TextMap<Option<ObservationStatus>>,
    vintages: TextMap<Option<Date>>,
    /// Indicator ids, sources and jurisdictions: one shared copy of each text. A set of
    /// the shared texts themselves, so a lookup compares the text and counts the new
    /// reference in one place in memory, not in a key and a value apart (on a million
    /// rows of random ids, each lookup is a cache miss).
    texts: std::collections::HashSet<Arc<str>, MemoHasher>,
}

/// A map keyed by the distinct texts of a column, hashed by
/// [`FastHasher`](crate::fast_hash::FastHasher) where speed counts (the `arrow` feature:
/// a million rows from a DataFrame); the WebAssembly build keeps the standard hasher,
/// whose code it already carries.
pub(crate) type TextMap<T> = std::collections::HashMap<Box<str>, T, MemoHasher>;

/// A set of borrowed texts on [`TextMap`]'s hasher: the ids of a large table (targets,
/// indicators with a ceiling).
pub(crate) type TextSet<'a> = std::collections::HashSet<&'a str, MemoHasher>;

/// The hasher of [`TextMap`]: FxHash with the `arrow` feature, else std's.
#[cfg(feature = "arrow")]
pub(crate) type MemoHasher = std::hash::BuildHasherDefault<crate::fast_hash::FastHasher>;
/// The hasher of [`TextMap`]: FxHash with the `arrow` feature, else std's.
#[cfg(not(feature = "arrow"))]
pub(crate) type MemoHasher = std::collections::hash_map::RandomState;

/// The memoized parse of `text` in `map`.
fn memo<T: Clone>(map: &mut TextMap<T>, text: &str, parse: impl FnOnce(&str) -> T) -> T {
    if let Some(v) = map.get(text) {
        return v.clone();
    }
    let v = parse(text);
    map.insert(text.into(), v.clone());
    v
}

impl Memo {
    /// The shared copy of `text`, or None when it is empty.
    fn text(&mut self, text: &str) -> Option<Arc<str>> {
        if text.is_empty() {
            return None;
        }
        if let Some(shared) = self.texts.get(text) {
            return Some(Arc::clone(shared));
        }
        let shared: Arc<str> = Arc::from(text);
        self.texts.insert(Arc::clone(&shared));
        Some(shared)
    }

    fn period(&mut self, text: &str) -> std::result::Result<Period, String> {
        memo(&mut self.periods, text, |t| {
            Period::parse_written(t).map_err(|e| e.to_string())
        })
    }

    fn unit(&mut self, text: &str) -> std::result::Result<Unit, String> {
        memo(&mut self.units, text, |t| {
            Unit::parse(t).map_err(|e| e.to_string())
        })
    }

    fn status(&mut self, text: &str) -> Option<ObservationStatus> {
        if text.is_empty() {
            // No status column, or an empty cell: final, without a lookup.
            return Some(ObservationStatus::Final);
        }
        memo(&mut self.statuses, text, ObservationStatus::parse)
    }

    /// A vintage date, or `None` when the text is not one.
    pub(crate) fn vintage(&mut self, text: &str) -> Option<Date> {
        memo(&mut self.vintages, text, |t| {
            match Period::parse_written(t) {
                Ok(Period::Date(d)) => Some(d),
                _ => date_of_time(t),
            }
        })
    }
}

/// The day of a publication time written with its time of day after the date
/// (`2025-01-20T10:30:00`, `2025-01-20 10:30`, with seconds, a fraction and an offset
/// or `Z`): the day as written, as a timestamp column's vintage is its day. The clock
/// must be one (`25:30` and `10:30:99` are not).
fn date_of_time(text: &str) -> Option<Date> {
    let text = text.trim();
    let (day, time) = (text.get(..10)?, text.get(10..)?);
    let time = time.strip_prefix(['T', 't', ' '])?;
    // HH:MM, then :SS and .fraction, then Z or an offset ±HH[:MM].
    two_digits(time.get(..2)?, 24)?;
    (time.get(2..3)? == ":").then_some(())?;
    two_digits(time.get(3..5)?, 60)?;
    let mut rest = time.get(5..)?;
    if let Some(seconds) = rest.strip_prefix(':') {
        two_digits(seconds.get(..2)?, 61)?;
        rest = seconds.get(2..)?;
        if let Some(fraction) = rest.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0).then_some(())?;
            rest = fraction.get(digits..)?;
        }
    }
    let zone_ok = match rest {
        "" | "Z" | "z" => true,
        offset => offset_seconds(offset).is_some(),
    };
    if !zone_ok {
        return None;
    }
    match Period::parse_written(day) {
        Ok(Period::Date(d)) => Some(d),
        _ => None,
    }
}

/// Exactly two ASCII digits, their number below `below`.
fn two_digits(text: &str, below: u8) -> Option<u8> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse::<u8>().ok())
        .flatten()
        .filter(|n| *n < below)
}

/// The seconds east of UTC of an offset written `+08:00`, `+0800` or `+08` (`-` west),
/// the hours below 24 and the minutes below 60: a publication time's offset, and a
/// timestamp column's zone (`columnar`).
pub(crate) fn offset_seconds(text: &str) -> Option<i32> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, text.get(1..)?),
        b'-' => (-1, text.get(1..)?),
        _ => return None,
    };
    let (hours, minutes) = match rest.len() {
        2 => (rest, "00"),
        4 => (rest.get(..2)?, rest.get(2..)?),
        5 if rest.as_bytes().get(2) == Some(&b':') => (rest.get(..2)?, rest.get(3..)?),
        _ => return None,
    };
    let (hours, minutes) = (two_digits(hours, 24)?, two_digits(minutes, 60)?);
    Some(sign * (i32::from(hours) * 3600 + i32::from(minutes) * 60))
}

/// Turns the eight fields of a row into an observation, or lists every problem
/// (column index, code, message).
fn row(f: &[&str; 8], memo: &mut Memo) -> std::result::Result<Observation, Vec<Problem>> {
    row_with(f, Value::Text(f[2]), None, memo)
}

/// As [`row`], with the value given apart from the text fields (`f[2]` is then
/// ignored) and the vintage, when a date column gave one, too (`f[5]` is then
/// ignored). The one home of the row rules for every loader: CSV, JSON, records and
/// Arrow columns.
pub(crate) fn row_with(
    f: &[&str; 8],
    value: Value<'_>,
    vintage: Option<Date>,
    memo: &mut Memo,
) -> std::result::Result<Observation, Vec<Problem>> {
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
    // A float NaN (pandas' missing value) arrives as the text "NaN": missing, which
    // an optional field may be and a required one may not.
    // (Checked once per field, and trimmed only when it starts with an n.)
    let nan = |v: &str| {
        v.len() >= 3
            && matches!(v.trim_start().as_bytes().first(), Some(b'n' | b'N'))
            && v.trim().eq_ignore_ascii_case("nan")
    };
    let nans: [bool; 8] = std::array::from_fn(|k| nan(f[k]));
    // The unit is left to its own rules (a milestone's done needs none). The rest of
    // the row is still checked: a NaN does not hide another field's problem.
    for (k, _) in nans.iter().enumerate().take(3).filter(|(_, n)| **n) {
        problems.push((k, "missing_value", "missing value (NaN)".into()));
    }
    let f: [&str; 8] = std::array::from_fn(|k| if nans[k] { "" } else { f[k] });
    if f[0].is_empty() && !nans[0] {
        problems.push((0, "missing_value", "indicator is empty".into()));
    }
    let period = if nans[1] {
        None
    } else if f[1].trim().is_empty() {
        problems.push((1, "missing_value", "period is empty".into()));
        None
    } else {
        memo.period(f[1])
            .map_err(|e| problems.push((1, "bad_period", e)))
            .ok()
    };
    let milestone = match value {
        Value::Text(text) => milestone_value(text),
        _ => None,
    };
    let value_text = || match value {
        Value::Text(text) => text.to_string(),
        Value::Exact(d) => d.to_string(),
        Value::Missing(_) => String::new(),
    };
    let unit_text = f[3].trim();
    let unit = if unit_text.is_empty() && milestone.is_none() {
        // Only done/not done goes without a unit: a number without one would meet
        // its indicator's unit only at evaluation, as not comparable.
        problems.push((
            3,
            "missing_unit",
            format!(
                "the unit of {:?} is empty; write the unit of the value (人, 亿元, %, 个 …), \
                 or {DIMENSIONLESS:?} for a figure without one (an index, a rank)",
                value_text()
            ),
        ));
        None
    } else if unit_text == DIMENSIONLESS {
        Some(Unit::NONE)
    } else {
        memo.unit(f[3])
            .map_err(|e| problems.push((3, "unknown_unit", e)))
            .ok()
    };
    let value = match (milestone, value) {
        _ if nans[2] => None,
        (Some(v), _) => Some(v),
        (None, Value::Exact(d)) => Some(d),
        (None, Value::Missing(why)) => {
            problems.push((2, "missing_value", why.into()));
            None
        }
        (None, Value::Text(text)) if text.trim().eq_ignore_ascii_case("nan") => {
            problems.push((2, "missing_value", NAN_MESSAGE.into()));
            None
        }
        (None, Value::Text(text)) if text.trim().is_empty() => {
            problems.push((2, "missing_value", "value is empty".into()));
            None
        }
        (None, Value::Text(text)) => parse_number(text)
            .map_err(|e| problems.push((2, "bad_value", e.to_string())))
            .ok(),
    };
    let status = memo.status(f[4]);
    if status.is_none() {
        problems.push((
            4,
            "bad_status",
            format!("status {:?} is not preliminary, revised or final", f[4]),
        ));
    }
    let vintage = if vintage.is_some() {
        Some(vintage)
    } else if f[5].is_empty() {
        Some(None)
    } else {
        match memo.vintage(f[5]) {
            Some(d) => Some(Some(d)),
            None => {
                problems.push((
                    5,
                    "bad_vintage",
                    format!(
                        "vintage {:?} is not a date YYYY-MM-DD (or YYYY年M月D日)",
                        f[5]
                    ),
                ));
                None
            }
        }
    };
    match (period, unit, value, status, vintage) {
        (Some(period), Some(unit), Some(value), Some(status), Some(vintage))
            if problems.is_empty() =>
        {
            Ok(Observation {
                indicator: memo.text(f[0]).unwrap_or_default(),
                period,
                value: Quantity::new(value, unit),
                status,
                vintage,
                source: memo.text(f[6]),
                jurisdiction: memo.text(f[7]),
            })
        }
        _ => Err(problems),
    }
}

/// Collects the rows of a loader that reads records by index (Arrow columns): each
/// row's observation, or its problems located at `[index].column` under the label.
#[cfg(feature = "arrow")]
pub(crate) struct RowSink {
    out: LenientObservations,
    file: usize,
}

#[cfg(feature = "arrow")]
impl RowSink {
    /// An empty batch whose rows are located under `label`.
    pub(crate) fn new(label: &str) -> RowSink {
        let mut out = LenientObservations::default();
        let file = out.observations.file_index(label);
        RowSink { out, file }
    }

    /// Adds the rows of a batch read whole, numbered from `base`: `runs` holds every
    /// row in order, in runs of at most [`CHUNK`] rows, a placeholder at each bad one,
    /// and `bad` the bad rows' problems in row order, each with the cell it quotes;
    /// `columns` is each field's 1-based column in the batch. The good rows stay in the
    /// run they were read into, which becomes a chunk of the batch (a short one joins the
    /// last chunk when it fits): a million rows are not copied again.
    pub(crate) fn push_read(
        &mut self,
        base: usize,
        runs: Vec<Vec<Observation>>,
        bad: Vec<BadRow>,
        columns: &[Option<usize>; 8],
    ) {
        let (file, out) = (self.file, &mut self.out);
        let origin = |r: usize| Origin {
            file,
            at: RowAt::Index(base + r),
        };
        let batch = &mut out.observations;
        let rows = runs.iter().map(Vec::len).sum();
        let mut keep = Vec::new();
        if bad.is_empty() {
            // One run of records, however many rows.
            batch.origins.push_records(file, base, rows);
        } else {
            keep = vec![true; rows];
            for (r, problems) in bad {
                if let Some(k) = keep.get_mut(r) {
                    *k = false;
                }
                for ((k, code, message), input) in problems {
                    let mut at = origin(r).field(&batch.files, k);
                    at.column = columns.get(k).copied().flatten();
                    let mut issue = Issue::new(code, at, message);
                    issue.input = input;
                    out.rejected.push(issue);
                }
            }
            for (r, _) in keep.iter().enumerate().filter(|(_, k)| **k) {
                batch.origins.push(Some(origin(r)));
            }
        }
        let mut flags = keep.iter();
        for mut run in runs {
            if !keep.is_empty() {
                run.retain(|_| flags.next().copied().unwrap_or(false));
            }
            batch.items.append(run);
        }
    }

    /// The good rows and every problem, in row order.
    pub(crate) fn finish(self) -> LenientObservations {
        self.out
    }
}

/// The issue of an observation on an indicator `plan` does not define, at its
/// indicator field when its origin is known.
fn unknown_indicator_issue(o: &Observation, at: Option<Location>, plan: &Plan) -> Issue {
    Issue {
        code: "unknown_indicator".into(),
        location: at.unwrap_or_default(),
        message: format!(
            "observation {}@{} is on indicator {:?}, which plan {:?} does not define",
            o.indicator, o.period, o.indicator, plan.id
        ),
        input: None,
        hint: None,
    }
}

/// Where observation `i` of `obs` was read, at field `k` of [`COLUMNS`]; for one built
/// in code, a path `observations[i].column`.
pub(crate) fn field_location(obs: &Observations, i: usize, k: usize) -> Location {
    match obs.origins.get(i) {
        Some(origin) => origin.field(&obs.files, k),
        None => Location {
            path: Some(format!("observations[{i}].{}", COLUMNS[k])),
            ..Location::default()
        },
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
    fn a_publication_time_is_its_day() {
        let day = Date::new(2025, 1, 20).ok();
        for written in [
            "2025-01-20T10:30",
            "2025-01-20 10:30:00",
            " 2025-01-20T23:59:59.999+08:00 ",
            "2025-01-20T00:00:00Z",
            "2025-01-20t10:30z",
            "2025-01-20T10:30:00-05",
            "2025-01-20T10:30:00+0545",
        ] {
            assert_eq!(date_of_time(written), day, "{written}");
        }
        for not in [
            "2025-01-20",
            "2025-01-20T",
            "2025-01-20T1030",
            "2025-01-20Tnoon",
            "2025-13-20T10:30",
            "2025-01-20T25:30:00",
            "2025-01-20 10:99",
            "2025-01-20T10:30:99",
            "2025-01-20T10:30+",
            "2025-01-20T10:30.5",
            "2025-01-20T10:30-----",
            "2025-01-20T10:30:00+08:99",
        ] {
            assert_eq!(date_of_time(not), None, "{not}");
        }
    }

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
