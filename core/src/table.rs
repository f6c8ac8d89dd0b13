//! Tables as analysts hand them over: a spreadsheet sheet, a DataFrame, a list of
//! records. Format-neutral: each loader (the `excel` feature, the Python binding)
//! turns its input into a [`Table`], and plans and observations are read from tables
//! by the same validation as their files ([`Plan::from_tables`](crate::Plan::from_tables),
//! [`Observations::from_table`](crate::Observations::from_table)), every problem
//! located by row label and column.

use std::borrow::Cow;

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

    /// The cell as the text a file would hold, without copying a text cell; see
    /// [`text`](Cell::text).
    pub(crate) fn into_text(self) -> Option<String> {
        match self {
            Cell::Text(s) | Cell::Float(s) => Some(s),
            other => other.text(),
        }
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

/// One column of a [`Table`]: its cells, or (with the `arrow` feature,
/// `Column::from_arrow`) an Arrow array whose cells are converted one at a time when a
/// reader asks for them, so a DataFrame's column is not copied.
#[derive(Debug, Clone)]
pub struct Column(Repr);

#[derive(Debug, Clone)]
enum Repr {
    Cells(Vec<Cell>),
    #[cfg(feature = "arrow")]
    Arrow(crate::columnar::ArrowColumn),
}

impl Column {
    /// A column of the chunks of an Arrow array (a DataFrame's column, a chunked
    /// array), not copied: each cell is converted as [`cells`](crate::columnar::cells)
    /// converts it, when a reader asks for it.
    #[cfg(feature = "arrow")]
    pub fn from_arrow(chunks: Vec<arrow_array::ArrayRef>) -> Column {
        Column(Repr::Arrow(crate::columnar::ArrowColumn::new(chunks)))
    }

    /// The column with its nulls read as [`Cell::NaN`]: pandas shows a missing value of
    /// its `str` dtype and of a categorical as NaN, and problems quote it so.
    pub fn nulls_as_nan(self) -> Column {
        Column(match self.0 {
            Repr::Cells(mut cells) => {
                for cell in cells.iter_mut().filter(|c| **c == Cell::Null) {
                    *cell = Cell::NaN;
                }
                Repr::Cells(cells)
            }
            #[cfg(feature = "arrow")]
            Repr::Arrow(a) => Repr::Arrow(a.nulls_as_nan()),
        })
    }

    /// Number of cells.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Cells(cells) => cells.len(),
            #[cfg(feature = "arrow")]
            Repr::Arrow(a) => a.len(),
        }
    }

    /// True when the column has no cell.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cell of row `row`: borrowed from a column of cells, or converted from an
    /// Arrow column (each call converts again; read a cell once and keep it).
    pub fn get(&self, row: usize) -> Option<Cow<'_, Cell>> {
        match &self.0 {
            Repr::Cells(cells) => cells.get(row).map(Cow::Borrowed),
            #[cfg(feature = "arrow")]
            Repr::Arrow(a) => a.cell(row).map(Cow::Owned),
        }
    }

    /// The cells, converted now if they were not yet (a row is being added).
    fn cells_mut(&mut self) -> &mut Vec<Cell> {
        #[cfg(feature = "arrow")]
        if let Repr::Arrow(a) = &self.0 {
            self.0 = Repr::Cells((0..a.len()).filter_map(|r| a.cell(r)).collect());
        }
        match &mut self.0 {
            Repr::Cells(cells) => cells,
            #[cfg(feature = "arrow")]
            Repr::Arrow(_) => unreachable!("converted above"),
        }
    }
}

impl From<Vec<Cell>> for Column {
    fn from(cells: Vec<Cell>) -> Column {
        Column(Repr::Cells(cells))
    }
}

/// Two columns are equal when their cells are, however each holds them.
impl PartialEq for Column {
    fn eq(&self, other: &Column) -> bool {
        self.len() == other.len() && (0..self.len()).all(|r| self.get(r) == other.get(r))
    }
}

/// How the rows of a [`Table`] are named in problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowLabels {
    /// `n` rows, each by its position from 0 (`"0"`, `"1"` …): a DataFrame's default
    /// index, an Arrow table.
    Positions(usize),
    /// Each row by its own label (a DataFrame's index labels as text).
    Texts(Vec<String>),
}

impl RowLabels {
    fn len(&self) -> usize {
        match self {
            RowLabels::Positions(n) => *n,
            RowLabels::Texts(texts) => texts.len(),
        }
    }

    fn get(&self, row: usize) -> Option<Cow<'_, str>> {
        match self {
            RowLabels::Positions(n) => (row < *n).then(|| Cow::Owned(row.to_string())),
            RowLabels::Texts(texts) => texts.get(row).map(|t| Cow::Borrowed(t.as_str())),
        }
    }

    fn push(&mut self, label: String) {
        match self {
            RowLabels::Positions(n) if label == n.to_string() => *n += 1,
            RowLabels::Positions(n) => {
                let mut texts: Vec<String> = (0..*n).map(|r| r.to_string()).collect();
                texts.push(label);
                *self = RowLabels::Texts(texts);
            }
            RowLabels::Texts(texts) => texts.push(label),
        }
    }
}

impl From<Vec<String>> for RowLabels {
    fn from(texts: Vec<String>) -> RowLabels {
        RowLabels::Texts(texts)
    }
}

/// A table: named columns, and rows of cells each with a label for error locations.
///
/// ```
/// use planwatch::{Cell, Table};
/// let mut t = Table::new("targets", ["indicator", "condition"]);
/// t.push_row("0", vec![Cell::Text("new_jobs".into()), Cell::Text("不少于1.2万人".into())])?;
/// assert_eq!(t.len(), 1);
/// assert_eq!(t.cell(0, 1).as_deref(), Some(&Cell::Text("不少于1.2万人".into())));
/// # Ok::<(), planwatch::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Table {
    name: String,
    file: Option<String>,
    columns: Vec<String>,
    /// Each column's cells, one per row: a DataFrame's columns are kept as they come.
    cells: Vec<Column>,
    /// Each row's label.
    labels: RowLabels,
    /// Each row's line in its source, when it has one; empty when no row has one.
    lines: Vec<Option<usize>>,
}

/// Two tables are equal when their names, columns, labels, lines and cells are,
/// however their columns hold the cells.
impl PartialEq for Table {
    fn eq(&self, other: &Table) -> bool {
        let rows = self.len();
        self.name == other.name
            && self.file == other.file
            && self.columns == other.columns
            && self.cells == other.cells
            && rows == other.len()
            && (0..rows).all(|r| {
                self.label(r) == other.label(r) && self.source_line(r) == other.source_line(r)
            })
    }
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
            cells: columns.iter().map(|_| Column::from(Vec::new())).collect(),
            columns,
            labels: RowLabels::Texts(Vec::new()),
            lines: Vec::new(),
        }
    }

    /// A table from its columns, each a name and its cells (all of one length: a
    /// `Vec<Cell>` or a [`Column`]), with its rows' labels: one text per row (a
    /// DataFrame's index labels), or [`RowLabels::Positions`].
    pub fn from_columns<C: Into<Column>>(
        name: impl Into<String>,
        columns: Vec<(String, C)>,
        labels: impl Into<RowLabels>,
    ) -> Result<Table> {
        let name = name.into();
        let labels = labels.into();
        let n = labels.len();
        let (columns, cells): (Vec<String>, Vec<Column>) =
            columns.into_iter().map(|(c, v)| (c, v.into())).unzip();
        if let Some((c, cells)) = columns.iter().zip(&cells).find(|(_, v)| v.len() != n) {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!(
                    "column {c:?} of table {name:?} has {} values for {n} rows",
                    cells.len()
                ),
            ));
        }
        Ok(Table {
            name,
            file: None,
            columns,
            cells,
            labels,
            lines: Vec::new(),
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
        let row = self.len();
        for (column, cell) in self.cells.iter_mut().zip(cells) {
            column.cells_mut().push(cell);
        }
        self.labels.push(label.into());
        if line.is_some() || !self.lines.is_empty() {
            self.lines.resize(row, None);
            self.lines.push(line);
        }
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
        self.len() == 0
    }

    /// The cell of row `row` (0-based) in column `column`: borrowed, or converted now
    /// from an Arrow column (each call converts again).
    pub fn cell(&self, row: usize, column: usize) -> Option<Cow<'_, Cell>> {
        self.cells.get(column)?.get(row)
    }

    /// The label of row `row`.
    pub fn label(&self, row: usize) -> Option<Cow<'_, str>> {
        self.labels.get(row)
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
        let label = self.label(row).unwrap_or_default().into_owned();
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
