//! The scorecard as an Excel workbook (the `excel` feature): one sheet, `scorecard`,
//! with the columns and rows of [`Scorecard::to_csv`], written for a spreadsheet:
//! decimals as numbers where a float holds them exactly (else as their exact text),
//! `notes` as one text of the notes joined by "；", other lists as compact JSON text,
//! absent values as empty cells.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::csv::{columns, row};
use crate::evaluate::Scorecard;
use crate::{Error, ErrorKind, Result};

/// The separator of a cell's notes, as Chinese prose lists clauses.
const NOTE_SEPARATOR: &str = "；";

pub(crate) fn to_xlsx(card: &Scorecard) -> Result<Vec<u8>> {
    let columns = columns(card);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("scorecard").map_err(error)?;
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string(0, column(c)?, name).map_err(error)?;
    }
    for (r, a) in card.assessments.iter().enumerate() {
        let at = u32::try_from(r + 1).map_err(|_| too_many_rows())?;
        for (c, (name, (text, decimal))) in columns.iter().zip(row(&columns, a)).enumerate() {
            let col = column(c)?;
            if name == "notes" {
                if !a.notes.is_empty() {
                    sheet
                        .write_string(at, col, a.notes.join(NOTE_SEPARATOR))
                        .map_err(error)?;
                }
                continue;
            }
            match decimal.then(|| exact_float(&text)).flatten() {
                Some(x) => sheet.write_number(at, col, x).map(|_| ()),
                _ if text.is_empty() => Ok(()),
                _ => sheet.write_string(at, col, &text).map(|_| ()),
            }
            .map_err(error)?;
        }
    }
    book.save_to_buffer().map_err(error)
}

/// The float of a decimal's text when it holds the decimal exactly (its shortest
/// round-trip text is the same number) in at most the 15 significant digits Excel
/// shows and edits: 16.4 yes, 0.1234567890123456789 and 1234567890123456 no.
fn exact_float(text: &str) -> Option<f64> {
    let digits = text
        .parse::<Decimal>()
        .ok()?
        .normalize()
        .mantissa()
        .unsigned_abs();
    if digits >= 10u128.pow(15) {
        return None;
    }
    let x: f64 = text.parse().ok()?;
    let mut shortest = String::new();
    crate::float_text::shortest_text(x, &mut shortest);
    let same = shortest.parse::<Decimal>().ok()? == text.parse::<Decimal>().ok()?;
    same.then_some(x)
}

fn column(c: usize) -> Result<u16> {
    u16::try_from(c).map_err(|_| Error::new(ErrorKind::TooLarge, "more columns than a sheet holds"))
}

fn too_many_rows() -> Error {
    Error::new(ErrorKind::TooLarge, "more assessments than a sheet holds")
}

fn error(e: XlsxError) -> Error {
    match e {
        XlsxError::RowColumnLimitError => too_many_rows(),
        other => Error::new(
            ErrorKind::InvalidValue,
            format!("writing the workbook: {other}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::exact_float;

    #[test]
    fn a_decimal_is_a_number_only_where_a_float_holds_it() {
        assert_eq!(exact_float("16.4"), Some(16.4));
        assert_eq!(exact_float("77820000000"), Some(77_820_000_000.0));
        assert_eq!(exact_float("-0.25"), Some(-0.25));
        assert_eq!(exact_float("0.1234567890123456789"), None);
        assert_eq!(exact_float("79228162514264337593543950335"), None);
        assert_eq!(exact_float("123456789012345"), Some(123_456_789_012_345.0));
        assert_eq!(exact_float("1234567890123456"), None);
    }
}
