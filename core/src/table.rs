//! Tables as analysts hand them over: a spreadsheet sheet, a DataFrame, a list of
//! records. Format-neutral: each loader (the `excel` feature, the Python binding)
//! turns its input into a [`Table`], and plans and observations are read from tables
//! by the same validation as their files ([`Plan::from_tables`](crate::Plan::from_tables),
//! [`Observations::from_table`](crate::Observations::from_table)), every problem
//! located by row label and column.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::{Error, ErrorKind, Location, Result};

/// One cell of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value (an empty cell, `None`, SQL NULL).
    Null,
    /// A float NaN, pandas' missing value: absent in an optional column, reported as
    /// "missing value (NaN)" in a required one.
    NaN,
    /// Text, read as the plan and observation files read it.
    Text(String),
    /// An exact decimal.
    Decimal(Decimal),
    /// An integer.
    Int(i64),
    /// A float, kept as its shortest round-trip text (`16.4`, never
    /// `16.399999999999999`): what was typed, as long as it had at most 15 significant
    /// digits. Made by [`Cell::float`].
    Float(String),
    /// A calendar date.
    Date(Date),
    /// A boolean (a milestone done or not, `flow`).
    Bool(bool),
    /// A value of a type no column takes (a list in a record), by the name of its type:
    /// reported where it is, like a value that does not parse.
    Invalid(String),
}

impl Cell {
    /// A float cell: its shortest round-trip text, or [`Cell::NaN`]. Infinities become
    /// the text `inf`/`-inf`, which no field accepts.
    pub fn float(x: f64) -> Cell {
        if x.is_nan() {
            Cell::NaN
        } else {
            // The shortest text that reads back to the same float, as Python's
            // `repr` writes it (halfway cases to even), without an exponent.
            let mut text = String::new();
            crate::float_text::shortest_text(x, &mut text);
            Cell::Float(text)
        }
    }

    /// The cell as the text a file would hold; `None` for [`Null`](Cell::Null),
    /// [`NaN`](Cell::NaN) and [`Invalid`](Cell::Invalid). A boolean is `true`/`false`.
    pub fn text(&self) -> Option<String> {
        Some(match self {
            Cell::Null | Cell::NaN | Cell::Invalid(_) => return None,
            Cell::Text(s) | Cell::Float(s) => s.clone(),
            Cell::Decimal(d) => d.to_string(),
            Cell::Int(i) => i.to_string(),
            Cell::Date(d) => crate::period::Period::Date(*d).to_string(),
            Cell::Bool(b) => b.to_string(),
        })
    }

    /// The cell as it is quoted in a problem's `input`.
    pub(crate) fn input(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::NaN => "NaN".into(),
            Cell::Invalid(what) => format!("<{what}>"),
            other => other.text().unwrap_or_default(),
        }
    }

    /// True for a missing value (null, NaN, or text that is only spaces).
    pub fn is_missing(&self) -> bool {
        match self {
            Cell::Null | Cell::NaN => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A table: named columns, and rows of cells each with a label for error locations.
///
/// ```
/// use planwatch::{Cell, Table};
/// let mut t = Table::new("targets", ["indicator", "condition"]);
/// t.push_row("0", vec![Cell::Text("new_jobs".into()), Cell::Text("不少于1.2万人".into())])?;
/// assert_eq!(t.len(), 1);
/// # Ok::<(), planwatch::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    name: String,
    file: Option<String>,
    columns: Vec<String>,
    /// Each column's cells, one per row: a DataFrame's columns are kept as they come.
    cells: Vec<Vec<Cell>>,
    /// Each row's label.
    labels: Vec<String>,
    /// Each row's line in its source, when it has one.
    lines: Vec<Option<usize>>,
}

impl Table {
    /// An empty table named `name` (`targets`: a sheet's name, a DataFrame's role),
    /// with the given column names as written.
    pub fn new<S: Into<String>>(
        name: impl Into<String>,
        columns: impl IntoIterator<Item = S>,
    ) -> Table {
        let columns: Vec<String> = columns.into_iter().map(Into::into).collect();
        Table {
            name: name.into(),
            file: None,
            cells: columns.iter().map(|_| Vec::new()).collect(),
            columns,
            labels: Vec::new(),
            lines: Vec::new(),
        }
    }

    /// A table from its columns, each a name and its cells (all of one length), with
    /// one label per row (a DataFrame's index labels).
    pub fn from_columns(
        name: impl Into<String>,
        columns: Vec<(String, Vec<Cell>)>,
        labels: Vec<String>,
    ) -> Result<Table> {
        let name = name.into();
        let n = labels.len();
        if let Some((c, cells)) = columns.iter().find(|(_, cells)| cells.len() != n) {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!(
                    "column {c:?} of table {name:?} has {} values for {n} rows",
                    cells.len()
                ),
            ));
        }
        let (columns, cells) = columns.into_iter().unzip();
        Ok(Table {
            name,
            file: None,
            columns,
            cells,
            labels,
            lines: vec![None; n],
        })
    }

    /// Names the file the table was read from, for error locations (a workbook).
    pub fn in_file(mut self, file: impl Into<String>) -> Table {
        self.file = Some(file.into());
        self
    }

    /// Adds a row; fails when it has another number of cells than the table has columns.
    pub fn push_row(&mut self, label: impl Into<String>, cells: Vec<Cell>) -> Result<()> {
        self.push_row_at(label, None, cells)
    }

    /// Adds a row read at 1-based `line` of its source (a sheet's row number).
    pub fn push_row_at(
        &mut self,
        label: impl Into<String>,
        line: Option<usize>,
        cells: Vec<Cell>,
    ) -> Result<()> {
        if cells.len() != self.columns.len() {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!(
                    "a row of table {:?} has {} cells for {} columns",
                    self.name,
                    cells.len(),
                    self.columns.len()
                ),
            ));
        }
        for (column, cell) in self.cells.iter_mut().zip(cells) {
            column.push(cell);
        }
        self.labels.push(label.into());
        self.lines.push(line);
        Ok(())
    }

    /// The table's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What error locations name as the file: the file set with
    /// [`in_file`](Table::in_file), else the table's name.
    pub fn file(&self) -> &str {
        self.file.as_deref().unwrap_or(&self.name)
    }

    /// The column names, as written.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// True when the table has no row.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The cell of row `row` (0-based) in column `column`.
    pub fn cell(&self, row: usize, column: usize) -> Option<&Cell> {
        self.cells.get(column)?.get(row)
    }

    /// The label of row `row`.
    pub fn label(&self, row: usize) -> Option<&str> {
        self.labels.get(row).map(String::as_str)
    }

    /// The row's line in its source (a sheet's row number), when it has one.
    pub(crate) fn source_line(&self, row: usize) -> Option<usize> {
        self.lines.get(row).copied().flatten()
    }

    /// The row's line in its source, or its position counted as a CSV file counts
    /// lines (the header is line 1), so issues sort in row order.
    pub(crate) fn line(&self, row: usize) -> usize {
        self.source_line(row).unwrap_or(row.saturating_add(2))
    }

    /// Where cell (`row`, `column`) is: the table (or its file), the row's label and
    /// line, the column's number and name, and a path `targets[label].condition`.
    /// `column` `None`: the whole row.
    pub(crate) fn location(&self, row: usize, column: Option<usize>) -> Location {
        let label = self.label(row).unwrap_or_default().to_string();
        let field = column.and_then(|c| self.columns.get(c)).cloned();
        let path = match &field {
            Some(f) => format!("{}[{label}].{f}", self.name),
            None => format!("{}[{label}]", self.name),
        };
        Location {
            file: Some(self.file().to_string()),
            line: Some(self.line(row)),
            column: column.map(|c| c + 1),
            path: Some(path),
            row: Some(label),
            field,
            ..Location::default()
        }
    }

    /// Where the header of `column` is (a problem of the column as a whole).
    pub(crate) fn header_location(&self, column: usize) -> Location {
        let field = self.columns.get(column).cloned();
        let name = field.clone().unwrap_or_default();
        Location {
            file: Some(self.file().to_string()),
            line: Some(1),
            column: Some(column + 1),
            path: Some(if self.name.is_empty() {
                name
            } else {
                format!("{}.{name}", self.name)
            }),
            field,
            ..Location::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_their_shortest_text() {
        assert_eq!(Cell::float(16.4), Cell::Float("16.4".into()));
        assert_eq!(
            Cell::float(0.1 + 0.2),
            Cell::Float("0.30000000000000004".into())
        );
        assert_eq!(Cell::float(1e-7), Cell::Float("0.0000001".into()));
        assert_eq!(Cell::float(f64::NAN), Cell::NaN);
        assert_eq!(Cell::float(2024.0).text().as_deref(), Some("2024"));
    }

    #[test]
    fn columns_of_unequal_length_are_refused() {
        let cols = vec![
            ("a".to_string(), vec![Cell::Null]),
            ("b".to_string(), vec![]),
        ];
        assert!(Table::from_columns("t", cols, vec!["0".into()]).is_err());
    }
}
