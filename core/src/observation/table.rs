//! Observations from a [`Table`]: the columns of the CSV file, each row validated as
//! a CSV row is, every problem at its row label and column with the cell as `input`.

use std::borrow::Cow;

use super::{row, LenientObservations, Memo, Observations, Origin, RowAt, COLUMNS};
use crate::limits::MAX_OBSERVATION_ROWS;
use crate::table::{Cell, Table};
use crate::{Error, ErrorKind, Issue, Result};

impl Observations {
    /// Loads a table with the columns of the CSV file (`indicator`, `period`, `value`,
    /// `unit`, and optionally `status`, `vintage`, `source`, `jurisdiction`; names are
    /// case-insensitive). Cells are read as the CSV's text: numbers exactly (a float
    /// through its shortest round-trip text, [`Cell::float`]), a boolean as a
    /// milestone's done or not done, a date as `YYYY-MM-DD`, a NaN as a missing value.
    /// Other columns (备注) are ignored, or with `strict` each reported at its header.
    /// All or nothing, like [`from_csv_str`](Observations::from_csv_str): every bad row
    /// is listed, each problem at its row label and column.
    ///
    /// ```
    /// use planwatch::{Cell, Observations, Table};
    /// let mut t = Table::new("observations", ["indicator", "period", "value", "unit"]);
    /// t.push_row("a", vec![Cell::Text("gdp".into()), Cell::Int(2024), Cell::float(9500.97), Cell::Text("亿元".into())])?;
    /// t.push_row("b", vec![Cell::Text("gdp".into()), Cell::Int(2023), Cell::NaN, Cell::Text("亿元".into())])?;
    /// let err = Observations::from_table(&t, false).unwrap_err();
    /// let issue = &err.issues()[0];
    /// assert_eq!((issue.location.row.as_deref(), issue.location.field.as_deref()), (Some("b"), Some("value")));
    /// assert_eq!(issue.message, "missing value (NaN)");
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn from_table(table: &Table, strict: bool) -> Result<Observations> {
        Observations::from_table_lenient(table, strict)?.into_result(table.name())
    }

    /// Like [`from_table`](Observations::from_table), keeping the good rows and
    /// returning every rejected row's problems. Fails as a whole only when a required
    /// column is missing or a column appears twice.
    pub fn from_table_lenient(table: &Table, strict: bool) -> Result<LenientObservations> {
        if table.len() > MAX_OBSERVATION_ROWS {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!("more than {MAX_OBSERVATION_ROWS} observation rows"),
            ));
        }
        let mut out = LenientObservations::default();
        let mut slots: [Option<usize>; 8] = [None; 8];
        for (c, name) in table.columns().iter().enumerate() {
            let name = name.trim().to_ascii_lowercase();
            match COLUMNS.iter().position(|k| *k == name) {
                Some(k) if slots[k].is_none() => slots[k] = Some(c),
                Some(_) => {
                    return Err(Error::new(
                        ErrorKind::Parse,
                        format!("column {name:?} appears twice"),
                    )
                    .with_location(table.header_location(c)))
                }
                None if strict => out.rejected.push(Issue::new(
                    "unknown_field",
                    table.header_location(c),
                    format!("unknown column {name:?}; expected {}", COLUMNS.join(", ")),
                )),
                None => {}
            }
        }
        // No column and no row (an empty list of records, an empty DataFrame): an
        // empty batch, not a table without its columns.
        if table.columns().is_empty() && table.is_empty() {
            return Ok(out);
        }
        if let Some(k) = (0..4).find(|&k| slots[k].is_none()) {
            return Err(Error::new(
                ErrorKind::Parse,
                format!("missing required column {:?}", COLUMNS[k]),
            )
            .with_location(crate::Location {
                file: Some(table.file().to_string()),
                line: Some(1),
                ..crate::Location::default()
            }));
        }
        let mut columns = [0u8; 8];
        for (k, slot) in slots.iter().enumerate() {
            columns[k] = slot.map_or(0, |c| u8::try_from(c + 1).unwrap_or(0));
        }
        let file = out
            .observations
            .file_index(&table.location(0, None).file.unwrap_or_default());
        let mut memo = Memo::default();
        for r in 0..table.len() {
            let cells: [Option<Cow<'_, Cell>>; 8] =
                std::array::from_fn(|k| slots[k].and_then(|c| table.cell(r, c)));
            let texts: [String; 8] =
                std::array::from_fn(|k| cells[k].as_deref().map(text).unwrap_or_default());
            let at = |k: usize| {
                let mut loc = table.location(r, slots[k]);
                loc.field = Some(COLUMNS[k].to_string());
                loc
            };
            let mut bad = [false; 8];
            for (k, cell) in cells.iter().enumerate() {
                if let Some(Cell::Invalid(what)) = cell.as_deref() {
                    bad[k] = true;
                    out.rejected.push(
                        Issue::new(
                            "bad_value",
                            at(k),
                            format!("{} cannot hold a value of type {what}", COLUMNS[k]),
                        )
                        .with_input(format!("<{what}>")),
                    );
                }
            }
            let fields: [&str; 8] = std::array::from_fn(|k| texts[k].as_str());
            match row(&fields, &mut memo) {
                Ok(o) if !bad.contains(&true) => out.observations.push_from(
                    o,
                    Origin {
                        file,
                        // A sheet's rows keep their row numbers; records and frames
                        // their position (`[3].indicator`), as records always had.
                        at: match table.source_line(r) {
                            Some(line) => RowAt::Line(line, columns),
                            None => RowAt::Index(r),
                        },
                    },
                ),
                Ok(_) => {}
                Err(problems) => {
                    for (k, code, message) in problems {
                        if bad[k] {
                            continue;
                        }
                        let input = cells[k].as_deref().map(Cell::input).unwrap_or_default();
                        out.rejected
                            .push(Issue::new(code, at(k), message).with_input(input));
                    }
                }
            }
        }
        super::sort_issues(&mut out.rejected);
        Ok(out)
    }
}

/// A cell as the text of a CSV field: a boolean is a milestone's done or not done, a
/// NaN the text `NaN` (which the row reader reports as a missing value where one is
/// required), a null the empty field.
fn text(cell: &Cell) -> String {
    match cell {
        Cell::Bool(true) => "done".into(),
        Cell::Bool(false) => "not done".into(),
        Cell::NaN => "NaN".into(),
        other => other.text().unwrap_or_default(),
    }
}
