//! The one error type of planwatch.
//!
//! Every fallible public function returns [`Error`]. It is a single struct with a
//! [`ErrorKind`] rather than an enum of payload-carrying variants, for the same reason
//! jiff gives: callers overwhelmingly want "what went wrong, where, and a message", and
//! bindings want a stable code per kind. A missed target is never an error; it is a
//! status in an assessment.

use std::fmt;

/// What kind of problem an [`Error`] reports. Each kind has a stable [`code`](ErrorKind::code)
/// that the Python and JavaScript bindings expose unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Text could not be parsed (a number, quantity, condition, period, file).
    Parse,
    /// A unit name is not known.
    UnknownUnit,
    /// Two quantities of different dimensions (or currencies, or measure words) were
    /// compared or converted.
    DimensionMismatch,
    /// A conversion has no exact decimal result (e.g. 1 亩 in square metres).
    InexactConversion,
    /// A decimal computation left the range of `Decimal` (about ±7.9 × 10^28).
    Overflow,
    /// Division by zero in a formula, ratio or conversion.
    DivisionByZero,
    /// A period is malformed or not usable where it is given.
    Period,
    /// A plan file or a batch of observations failed validation; see [`Error::issues`].
    Validation,
    /// An indicator id is not defined in the plan.
    UnknownIndicator,
    /// A built-in dataset name is not known.
    UnknownDataset,
    /// An input exceeds a documented size limit.
    TooLarge,
    /// A value is out of the allowed domain (for example a negative count of months).
    InvalidValue,
    /// Two figures for the same indicator, period, vintage and status disagree
    /// (a strict evaluation).
    Conflict,
    /// A figure cannot be compared with its target (a strict evaluation).
    NotComparable,
    /// Input bytes are not UTF-8 (a GBK/GB18030 file from a Chinese office, UTF-16 …);
    /// the location names the byte offset and the message the likely encoding.
    Encoding,
}

impl ErrorKind {
    /// The stable, machine-readable code of this kind (`"parse"`, `"unknown_unit"`, …).
    pub const fn code(self) -> &'static str {
        match self {
            ErrorKind::Parse => "parse",
            ErrorKind::UnknownUnit => "unknown_unit",
            ErrorKind::DimensionMismatch => "dimension_mismatch",
            ErrorKind::InexactConversion => "inexact_conversion",
            ErrorKind::Overflow => "overflow",
            ErrorKind::DivisionByZero => "division_by_zero",
            ErrorKind::Period => "period",
            ErrorKind::Validation => "validation",
            ErrorKind::UnknownIndicator => "unknown_indicator",
            ErrorKind::UnknownDataset => "unknown_dataset",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::Conflict => "conflict",
            ErrorKind::NotComparable => "not_comparable",
            ErrorKind::Encoding => "encoding",
        }
    }
}

/// Where in its input an error was found.
///
/// Offsets into text are given both in bytes (for Rust slicing) and in characters
/// (Unicode scalar values, which is what Python's `str` and most editors count). File
/// and table positions are 1-based lines/rows and columns.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Location {
    /// Byte offset into the input text, 0-based.
    pub byte: Option<usize>,
    /// Character offset into the input text, 0-based.
    pub char: Option<usize>,
    /// File name or other label of the input, when known.
    pub file: Option<String>,
    /// 1-based line (or row, for tables).
    pub line: Option<usize>,
    /// 1-based column (a character column for text files, a field number for tables).
    pub column: Option<usize>,
    /// A path inside a structured document, such as `target[3].condition`.
    pub path: Option<String>,
    /// The label of a table row as the table gives it (a DataFrame's index label, a
    /// record's key); `None` for text inputs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// The name of a table's column (`condition`), when the input is a table or records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Location {
    /// A location at a byte offset in `input`; the character offset is computed from it.
    pub fn at_byte(input: &str, byte: usize) -> Location {
        let byte = byte.min(input.len());
        let char = input.char_indices().take_while(|(i, _)| *i < byte).count();
        Location {
            byte: Some(byte),
            char: Some(char),
            ..Location::default()
        }
    }

    /// True when no field is set.
    pub fn is_empty(&self) -> bool {
        *self == Location::default()
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.clone());
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => parts.push(format!("line {l}, column {c}")),
            (Some(l), None) => parts.push(format!("line {l}")),
            (None, Some(c)) => parts.push(format!("column {c}")),
            (None, None) => {}
        }
        if let Some(p) = &self.path {
            parts.push(p.clone());
        }
        if let (Some(b), Some(c)) = (self.byte, self.char) {
            parts.push(format!("byte {b} (character {c})"));
        }
        f.write_str(&parts.join(", "))
    }
}

/// One problem found while validating a plan or a batch of observations.
///
/// Validation collects every issue instead of stopping at the first, so a person can
/// fix a file in one pass.
///
/// # The issue record
///
/// Its `Serialize` output is the issue record of every language (part of the schema,
/// [`crate::schema`]): a flat struct whose keys are all present, `null` when unknown,
/// in this order. Python's issue dicts and JavaScript's issue objects are this record
/// (built from it by each binding's record serializer), and so is its JSON.
///
/// | key | from | what |
/// |---|---|---|
/// | `code` | [`Issue::code`] | stable code of the problem |
/// | `message` | [`Issue::message`] | what is wrong |
/// | `file` | [`Location::file`] | file name or label of the input |
/// | `line` | [`Location::line`] | 1-based line (a CSV row, the header being line 1) |
/// | `column` | [`Location::column`] | 1-based column (a CSV field number) |
/// | `path` | [`Location::path`] | path in a structured input: `target[2].condition`, `[3].value` |
/// | `row` | [`Location::row`] | a table row's label (a DataFrame index label, a record's index) |
/// | `field` | [`Location::field`] | a table's column name |
/// | `byte_offset` | [`Location::byte`] | 0-based byte (UTF-8) offset in a text input |
/// | `char_offset` | [`Location::char`] | 0-based character (code point) offset in a text input |
/// | `input` | [`Issue::input`] | the offending input as written (a cell's text) |
/// | `hint` | [`Issue::hint`] | what would be accepted there |
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Stable code of the problem (`"unknown_indicator"`, `"duplicate_id"`, `"bad_condition"`, …).
    pub code: String,
    /// Where the problem is.
    pub location: Location,
    /// A sentence that says what is wrong.
    pub message: String,
    /// The offending input as written (a table cell's text), when known.
    pub input: Option<String>,
    /// What would be accepted there, for the person fixing the input; the default for
    /// each code is in [`hint_for`].
    pub hint: Option<String>,
}

/// The keys of the issue record, in order (see [`Issue`]).
pub const ISSUE_KEYS: [&str; 12] = [
    "code",
    "message",
    "file",
    "line",
    "column",
    "path",
    "row",
    "field",
    "byte_offset",
    "char_offset",
    "input",
    "hint",
];

impl serde::Serialize for Issue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let l = &self.location;
        let [code, message, file, line, column, path, row, field, byte, char, input, hint] =
            ISSUE_KEYS;
        let mut r = s.serialize_struct("Issue", ISSUE_KEYS.len())?;
        r.serialize_field(code, &self.code)?;
        r.serialize_field(message, &self.message)?;
        r.serialize_field(file, &l.file)?;
        r.serialize_field(line, &l.line)?;
        r.serialize_field(column, &l.column)?;
        r.serialize_field(path, &l.path)?;
        r.serialize_field(row, &l.row)?;
        r.serialize_field(field, &l.field)?;
        r.serialize_field(byte, &l.byte)?;
        r.serialize_field(char, &l.char)?;
        r.serialize_field(input, &self.input)?;
        r.serialize_field(hint, &self.hint)?;
        r.end()
    }
}

impl Issue {
    /// An issue with the default [`hint_for`] its code and no input.
    pub fn new(code: impl Into<String>, location: Location, message: impl Into<String>) -> Issue {
        let code = code.into();
        Issue {
            hint: hint_for(&code).map(String::from),
            code,
            location,
            message: message.into(),
            input: None,
        }
    }

    /// Sets the offending input.
    pub fn with_input(mut self, input: impl Into<String>) -> Issue {
        self.input = Some(input.into());
        self
    }
}

/// What is accepted where an issue of `code` was found: the one list of hints, so the
/// same problem reads the same from every loader. `None` for codes whose message says
/// it all.
pub fn hint_for(code: &str) -> Option<&'static str> {
    Some(match code {
        "bad_value" => "a number, exact as text or Decimal (9500.97, 1.5万), or done / not done for a milestone",
        "missing_value" => "fill the cell, or leave the row out",
        "bad_period" => "a period: 2024, 2024H1, 2024Q3, 2024-09, 2024-01..2024-09, 2024-12-31, 2024年1-9月",
        "unknown_unit" => "a unit such as 亿元, 万人, 人, %, 个百分点, 个; 1 for a figure without one",
        "missing_unit" => "the unit of the value (人, 亿元, %), or 1 for a figure without one",
        "bad_status" => "preliminary, revised or final (初步核算, 修订, 最终), or empty",
        "bad_vintage" => "a publication date YYYY-MM-DD, or empty",
        "bad_condition" => "a condition: >= 1.5万人, 不少于1.2万人, 增长6%, 下降3%, 6%左右, 1-2个, <= ref:key, done by 2024-12-31",
        "bad_baseline" | "bad_reference" => "a quantity with its unit: 8.5立方米/万元, 1.2万人",
        "unknown_field" => "a column of the schema (see the plan file format), or strict=False to ignore it",
        "unknown_indicator" => "an indicator id the plan defines",
        "invalid" => "a value of the kind the field takes, as the plan file format describes it (text, a table, a list, or one of the field's names)",
        "duplicate_id" => "give each indicator and each target an id of its own, or leave the repeated row out",
        "incompatible_unit" => "a unit of the indicator's kind of quantity: 亿元 or 万元 for money, % for a rate, 人 or 万人 for people",
        "duplicate_observation" => "keep one row per indicator, period, vintage and status; a later figure goes in with its vintage or as revised",
        _ => return None,
    })
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(f, "{} [{}]", self.message, self.code)
        } else {
            write!(f, "{}: {} [{}]", self.location, self.message, self.code)
        }
    }
}

/// The error type of every fallible planwatch function.
///
/// The details sit behind one `Box` so that `Result<T, Error>` stays small on the
/// happy path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    message: String,
    location: Location,
    expected: Option<String>,
    issues: Vec<Issue>,
}

impl Error {
    /// A new error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                location: Location::default(),
                expected: None,
                issues: Vec::new(),
            }),
        }
    }

    /// A parse error at byte offset `byte` of `input`, saying what was expected there.
    pub fn parse_at(input: &str, byte: usize, expected: impl Into<String>) -> Error {
        let expected = expected.into();
        let found = input
            .get(byte.min(input.len())..)
            .and_then(|rest| rest.chars().next())
            .map(|c| format!("{c:?}"))
            .unwrap_or_else(|| "end of input".to_string());
        Error::new(
            ErrorKind::Parse,
            format!("expected {expected}, found {found} in {input:?}"),
        )
        .with_location(Location::at_byte(input, byte))
        .with_expected(expected)
    }

    /// A validation error carrying every issue found. The message summarises the count.
    pub fn from_issues(what: &str, mut issues: Vec<Issue>) -> Error {
        for issue in &mut issues {
            if issue.hint.is_none() {
                issue.hint = hint_for(&issue.code).map(String::from);
            }
        }
        let n = issues.len();
        let first = issues.first().map(|i| format!(": {i}")).unwrap_or_default();
        let more = if n > 1 {
            format!(" (and {} more)", n - 1)
        } else {
            String::new()
        };
        let mut e = Error::new(
            ErrorKind::Validation,
            format!(
                "{what} has {n} problem{}{first}{more}",
                if n == 1 { "" } else { "s" }
            ),
        );
        e.inner.issues = issues;
        e
    }

    /// Attaches the issues behind this error, one per problem found.
    pub fn with_issues(mut self, issues: Vec<Issue>) -> Error {
        self.inner.issues = issues;
        self
    }

    /// Sets the location.
    pub fn with_location(mut self, location: Location) -> Error {
        self.inner.location = location;
        self
    }

    /// Sets what was expected at the location.
    pub fn with_expected(mut self, expected: impl Into<String>) -> Error {
        self.inner.expected = Some(expected.into());
        self
    }

    /// Sets the file name (or other label) of the location.
    pub fn in_file(mut self, file: impl Into<String>) -> Error {
        self.inner.location.file = Some(file.into());
        self
    }

    /// Sets the structured path of the location, e.g. `target[2].condition`.
    pub fn at_path(mut self, path: impl Into<String>) -> Error {
        self.inner.location.path = Some(path.into());
        self
    }

    /// Shifts byte and character offsets by those of the start of a sub-string, so an
    /// error found in a slice points into the whole input.
    pub fn offset_by(mut self, byte: usize, char: usize) -> Error {
        if let Some(b) = self.inner.location.byte.as_mut() {
            *b += byte;
        }
        if let Some(c) = self.inner.location.char.as_mut() {
            *c += char;
        }
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The stable code of the kind, as exposed to Python and JavaScript.
    pub fn code(&self) -> &'static str {
        self.inner.kind.code()
    }

    /// The message, without the location.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// Where the error was found.
    pub fn location(&self) -> &Location {
        &self.inner.location
    }

    /// What the parser expected at the location, for parse errors.
    pub fn expected(&self) -> Option<&str> {
        self.inner.expected.as_deref()
    }

    /// Every problem found, for plan and observation validation errors.
    pub fn issues(&self) -> &[Issue] {
        &self.inner.issues
    }

    /// True for parse errors.
    pub fn is_parse(&self) -> bool {
        self.inner.kind == ErrorKind::Parse
    }

    /// True for unknown units, mismatched dimensions and inexact conversions.
    pub fn is_unit(&self) -> bool {
        matches!(
            self.inner.kind,
            ErrorKind::UnknownUnit | ErrorKind::DimensionMismatch | ErrorKind::InexactConversion
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.inner.message)?;
        if !self.inner.location.is_empty() {
            write!(f, " (at {})", self.inner.location)?;
        }
        Ok(())
    }
}

/// Shorthand for `Result<T, planwatch::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_characters_not_bytes() {
        let loc = Location::at_byte("亿元x", 6);
        assert_eq!(loc.byte, Some(6));
        assert_eq!(loc.char, Some(2));
    }

    #[test]
    fn parse_error_names_what_was_found() {
        let e = Error::parse_at("12亿x", 5, "a unit");
        assert_eq!(e.code(), "parse");
        assert_eq!(e.expected(), Some("a unit"));
        assert!(e.to_string().contains("'x'"), "{e}");
        assert_eq!(e.location().char, Some(3));
    }
}
