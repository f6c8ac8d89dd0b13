//! Excel workbooks (`.xlsx`, read with calamine; the `excel` feature).
//!
//! A plan workbook has the sheets `indicators` and `targets`, whose first rows name
//! the columns of the plan file's `[[indicator]]` and `[[target]]` items (see
//! [`Plan::from_tables`]); an optional sheet `plan` holds the header as rows of
//! `field | value` under a header row (`id`, `period`, `title`, `jurisdiction`,
//! `document`), and an optional sheet `references` rows of `key | value`. Fields given
//! to [`Plan::from_excel`] in a [`PlanHeader`] take precedence over the `plan` sheet, so
//! a workbook without one can be read with the id and period given in code. An
//! observation workbook (which may be the same file) has the sheet `observations`
//! with the columns of the CSV file.
//!
//! Every problem is located by file, sheet, row and column: the location's `file` is
//! the workbook, `line` the sheet's row number (the header is row 1), `column` the
//! column's number (A = 1), `path` `targets[5].condition` and `row` the row number.
//! Numbers are read as Excel stores them, as floats, through their shortest
//! round-trip text ([`Cell::float`]): exact for what was typed with up to 15
//! significant digits; type a longer figure as text. Date cells become `YYYY-MM-DD`.

use std::io::{Read, Seek};

use calamine::{Data, Reader, Xlsx};

use crate::observation::Observations;
use crate::plan::Plan;
use crate::plan_file::PlanHeader;
use crate::table::{Cell, Table};
use crate::{Error, ErrorKind, Issue, Location, Result};

/// The sheets of an opened workbook, read on demand.
struct Workbook<R: Read + Seek> {
    xlsx: Xlsx<R>,
    file: String,
}

impl<R: Read + Seek> Workbook<R> {
    fn open(reader: R, file: &str) -> Result<Workbook<R>> {
        let xlsx = Xlsx::new(reader).map_err(|e| {
            Error::new(
                ErrorKind::Parse,
                format!("not an .xlsx workbook: {e} (save it from Excel as .xlsx)"),
            )
            .in_file(file)
        })?;
        Ok(Workbook {
            xlsx,
            file: file.to_string(),
        })
    }

    fn has(&self, sheet: &str) -> bool {
        self.xlsx.sheet_names().iter().any(|s| s == sheet)
    }

    /// The sheet `name` as a table: its first used row names the columns, each later
    /// row is labelled by its row number. A missing sheet is an error that lists those
    /// the workbook has.
    fn table(&mut self, name: &str) -> Result<Table> {
        if !self.has(name) {
            return Err(Error::new(
                ErrorKind::Parse,
                format!(
                    "the workbook has no sheet {name:?} (it has {})",
                    self.xlsx.sheet_names().join(", ")
                ),
            )
            .in_file(&self.file));
        }
        let range = self.xlsx.worksheet_range(name).map_err(|e| {
            Error::new(
                ErrorKind::Parse,
                format!("sheet {name:?} is unreadable: {e}"),
            )
            .in_file(&self.file)
        })?;
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows = range.rows();
        let header: Vec<String> = rows
            .next()
            .map(|r| {
                r.iter()
                    .map(|c| cell(c).text().unwrap_or_default())
                    .collect()
            })
            .unwrap_or_default();
        // Trailing columns without a header hold nothing the readers take.
        let width = header
            .iter()
            .rposition(|h| !h.trim().is_empty())
            .map_or(0, |w| w + 1);
        let mut columns: Vec<String> = header.into_iter().take(width).collect();
        // A sheet that starts right of column A keeps its column numbers: the columns
        // before it are empty and unnamed.
        let lead = usize::try_from(left).unwrap_or(0);
        if lead > 0 {
            let mut padded: Vec<String> = (0..lead).map(|i| format!("_{i}")).collect();
            padded.append(&mut columns);
            columns = padded;
        }
        let mut table = Table::new(name, columns).in_file(&self.file);
        let first = usize::try_from(top).unwrap_or(0);
        for (i, r) in rows.enumerate() {
            let mut cells: Vec<Cell> = (0..lead).map(|_| Cell::Null).collect();
            cells.extend(r.iter().take(width).map(cell));
            cells.resize(lead + width, Cell::Null);
            if cells.iter().all(Cell::is_missing) {
                continue; // a blank line between blocks of rows
            }
            // Rows are 1-based and the header is the range's first row.
            let line = first + i + 2;
            table.push_row_at(line.to_string(), Some(line), cells)?;
        }
        Ok(table)
    }

    /// The `field | value` rows of sheet `name` (the header row is skipped), each with
    /// its row number; empty when there is no such sheet.
    fn pairs(&mut self, name: &str) -> Result<Vec<(String, String, Location)>> {
        if !self.has(name) {
            return Ok(Vec::new());
        }
        let table = self.table(name)?;
        Ok((0..table.len())
            .filter_map(|r| {
                let key = table.cell(r, 0)?.text()?;
                let value = table.cell(r, 1).and_then(|c| c.text()).unwrap_or_default();
                Some((key.trim().to_string(), value, table.location(r, Some(0))))
            })
            .collect())
    }
}

/// A calamine cell as a table cell.
fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Null,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Int(*i),
        Data::Float(x) => Cell::float(*x),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, ms) = dt.to_ymd_hms_milli();
            let date = i16::try_from(y)
                .ok()
                .and_then(|y| jiff::civil::Date::new(y, m as i8, d as i8).ok());
            match date {
                Some(date) if (hh, mm, ss, ms) == (0, 0, 0, 0) => Cell::Date(date),
                Some(date) => Cell::Text(format!("{date}T{hh:02}:{mm:02}:{ss:02}")),
                None => Cell::Invalid("an Excel date out of range".into()),
            }
        }
        Data::DateTime(dt) => Cell::float(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Invalid(format!("Excel error {e}")),
    }
}

impl Plan {
    /// Loads a plan from an `.xlsx` workbook (see the [module](crate::excel)
    /// documentation for the sheets); `file` names it in error locations. Non-empty
    /// fields of `header` take precedence over the workbook's `plan` sheet. Columns the
    /// schema does not have are ignored, or with `strict` reported. Every problem of
    /// the workbook comes in one [`ErrorKind::Validation`] error, each at its sheet, row and
    /// column.
    pub fn from_excel<R: Read + Seek>(
        reader: R,
        file: &str,
        header: &PlanHeader,
        strict: bool,
    ) -> Result<Plan> {
        let mut book = Workbook::open(reader, file)?;
        let mut head = PlanHeader::default();
        let mut issues = Vec::new();
        for (key, value, at) in book.pairs("plan")? {
            if !head.set(&key, value) {
                issues.push(Issue::new(
                    "unknown_field",
                    at,
                    format!(
                        "unknown plan field {key:?}; expected id, period, title, jurisdiction or document"
                    ),
                ).with_input(key));
            }
        }
        for (key, value, _) in book.pairs("references")? {
            head.references.push((key, value));
        }
        let given = header.clone();
        for (field, value) in [
            ("id", Some(given.id)),
            ("period", Some(given.period)),
            ("title", given.title),
            ("jurisdiction", given.jurisdiction),
            ("document", given.document),
        ] {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                head.set(field, v);
            }
        }
        head.references.extend(given.references);
        let indicators = book.table("indicators")?;
        let targets = book.table("targets")?;
        match Plan::from_tables(&indicators, &targets, &head, strict) {
            Ok(plan) if issues.is_empty() => Ok(plan),
            Ok(_) => Err(Error::from_issues(&format!("plan {file:?}"), issues)),
            Err(e) => {
                issues.extend(e.issues().iter().cloned());
                Err(Error::from_issues(&format!("plan {file:?}"), issues))
            }
        }
    }
}

impl Observations {
    /// Loads the sheet `observations` of an `.xlsx` workbook, with the columns of the
    /// CSV file ([`Observations::from_table`]); `file` names it in error locations.
    /// All or nothing: every bad row is listed at its row and column.
    pub fn from_excel<R: Read + Seek>(reader: R, file: &str, strict: bool) -> Result<Observations> {
        let mut book = Workbook::open(reader, file)?;
        let table = book.table("observations")?;
        Observations::from_table_lenient(&table, strict)?.into_result(file)
    }
}
