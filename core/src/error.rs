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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Issue {
    /// Stable code of the problem (`"unknown_indicator"`, `"duplicate_id"`, `"bad_condition"`, …).
    pub code: String,
    /// Where the problem is.
    pub location: Location,
    /// A sentence that says what is wrong.
    pub message: String,
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
    pub fn from_issues(what: &str, issues: Vec<Issue>) -> Error {
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
