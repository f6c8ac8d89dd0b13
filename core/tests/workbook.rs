//! Excel workbooks (the `excel` feature): `examples/data/nanshan-2024.xlsx` is written
//! here from the built-in dataset, so the two never drift, and read back.

use std::io::Cursor;

use calamine::{Reader, Xlsx};
use planwatch::{Cell, Observations, Plan, PlanHeader, Table};
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

const SHIPPED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../examples/data/nanshan-2024.xlsx"
);

fn write_table(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    for (c, name) in table.columns().iter().enumerate() {
        sheet.write_string(0, c as u16, name)?;
    }
    for r in 0..table.len() {
        for c in 0..table.columns().len() {
            let (row, col) = (r as u32 + 1, c as u16);
            match &*table.cell(r, c).unwrap() {
                Cell::Null | Cell::NaN | Cell::Invalid(_) => {}
                Cell::Bool(b) => {
                    sheet.write_boolean(row, col, *b)?;
                }
                Cell::Int(i) => {
                    sheet.write_number(row, col, *i as f64)?;
                }
                other => {
                    sheet.write_string(row, col, other.text().unwrap())?;
                }
            }
        }
    }
    Ok(())
}

/// The workbook of a built-in dataset: sheets plan, indicators, targets, observations.
/// Values are numbers, as an analyst's sheet has them, where a float holds them exactly.
fn workbook(name: &str) -> Vec<u8> {
    let plan = Plan::builtin(name).unwrap();
    let obs = Observations::builtin(name).unwrap();
    let (header, indicators, targets) = plan.to_tables();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("plan").unwrap();
    sheet.write_string(0, 0, "field").unwrap();
    sheet.write_string(0, 1, "value").unwrap();
    let fields = [
        ("id", Some(header.id.clone())),
        ("title", header.title.clone()),
        ("period", Some(header.period.clone())),
        ("jurisdiction", header.jurisdiction.clone()),
        ("document", header.document.clone()),
    ];
    let mut row = 1;
    for (field, value) in fields {
        if let Some(v) = value {
            sheet.write_string(row, 0, field).unwrap();
            sheet.write_string(row, 1, v).unwrap();
            row += 1;
        }
    }
    write_table(
        book.add_worksheet().set_name("indicators").unwrap(),
        &indicators,
    )
    .unwrap();
    write_table(book.add_worksheet().set_name("targets").unwrap(), &targets).unwrap();
    let sheet = book.add_worksheet().set_name("observations").unwrap();
    for (c, name) in planwatch::OBSERVATION_COLUMNS.iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    let csv = obs.to_csv();
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    for (r, record) in rdr.records().enumerate() {
        let record = record.unwrap();
        for (c, field) in record.iter().enumerate() {
            let (row, col) = (r as u32 + 1, c as u16);
            if field.is_empty() {
                continue;
            }
            // A value whose float prints back as the same text is stored as a number.
            let number = field
                .parse::<f64>()
                .ok()
                .filter(|x| c == 2 && x.to_string() == field);
            match number {
                Some(x) => sheet.write_number(row, col, x).unwrap(),
                None => sheet.write_string(row, col, field).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

/// Every sheet's cells, by name: what the workbook says, without the zip's timestamps.
fn contents(bytes: &[u8]) -> Vec<(String, calamine::Range<calamine::Data>)> {
    let mut xlsx = Xlsx::new(Cursor::new(bytes)).unwrap();
    xlsx.sheet_names()
        .into_iter()
        .map(|s| {
            let range = xlsx.worksheet_range(&s).unwrap();
            (s, range)
        })
        .collect()
}

#[test]
fn the_shipped_workbook_is_the_builtin_dataset() {
    let fresh = workbook("nanshan-2024");
    let shipped = std::fs::read(SHIPPED).unwrap_or_default();
    if shipped.is_empty() || contents(&shipped) != contents(&fresh) {
        std::fs::write(SHIPPED, &fresh).unwrap();
        panic!("{SHIPPED} differed from the built-in dataset and was rewritten; commit it");
    }
}

#[test]
fn a_workbook_reads_back_as_the_builtin_plan_and_observations() {
    for name in ["nanshan-2024", "china-14fyp"] {
        let bytes = workbook(name);
        let plan = Plan::from_excel(
            Cursor::new(&bytes),
            "book.xlsx",
            &PlanHeader::default(),
            true,
        )
        .unwrap();
        assert_eq!(plan, Plan::builtin(name).unwrap(), "{name}");
        let obs = Observations::from_excel(Cursor::new(&bytes), "book.xlsx", true).unwrap();
        assert_eq!(obs, Observations::builtin(name).unwrap(), "{name}");
    }
}

/// A workbook of the given sheets, each a header and rows of text or numbers.
fn book(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet().set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                match v.strip_prefix('#') {
                    Some(n) => sheet.write_number(r as u32, c as u16, n.parse::<f64>().unwrap()),
                    None if v.is_empty() => continue,
                    None => sheet.write_string(r as u32, c as u16, *v),
                }
                .unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn every_problem_is_located_by_sheet_row_and_column() {
    let bytes = book(&[
        (
            "indicators",
            &[
                &["id", "name", "unit", "kind"],
                &["jobs", "新增就业", "人", "约束性"],
                &[],
                &["gdp", "生产总值", "亿元宝", "预期性"],
            ],
        ),
        (
            "targets",
            &[
                &["indicator", "period", "condition"],
                &["jobs", "#2024", "不少于1.2万人"],
                &["jobs", "#2024", "很多"],
            ],
        ),
    ]);
    let header = PlanHeader::new("demo", "2024");
    let e = Plan::from_excel(Cursor::new(&bytes), "demo.xlsx", &header, false).unwrap_err();
    let got: Vec<_> = e
        .issues()
        .iter()
        .map(|i| {
            let l = &i.location;
            (
                l.file.as_deref().unwrap(),
                l.path.as_deref().unwrap(),
                l.line.unwrap(),
                l.column.unwrap(),
                i.input.as_deref().unwrap(),
            )
        })
        .collect();
    // The blank row 3 is skipped but keeps the numbering of the sheet.
    assert_eq!(
        got,
        [
            ("demo.xlsx", "indicators[4].unit", 4, 3, "亿元宝"),
            ("demo.xlsx", "targets[3].condition", 3, 3, "很多"),
        ],
        "{e}"
    );
    // Without a plan sheet and without an id, the header is what is missing.
    let e = Plan::from_excel(
        Cursor::new(&bytes),
        "demo.xlsx",
        &PlanHeader::default(),
        false,
    )
    .unwrap_err();
    assert!(
        e.issues()
            .iter()
            .any(|i| i.location.path.as_deref() == Some("plan.id")),
        "{e}"
    );
}

#[test]
fn observation_sheets_name_the_bad_cells() {
    let bytes = book(&[(
        "observations",
        &[
            &["indicator", "period", "value", "unit"],
            &["gdp", "#2024", "#9500.97", "亿元"],
            &["gdp", "2024Q5", "#1", "亿元"],
        ],
    )]);
    let obs = Observations::from_excel(Cursor::new(&bytes), "o.xlsx", false);
    let e = obs.unwrap_err();
    let i = &e.issues()[0];
    assert_eq!(
        (i.location.line, i.location.column, i.input.as_deref()),
        (Some(3), Some(2), Some("2024Q5"))
    );
    let missing =
        Observations::from_excel(Cursor::new(&book(&[("x", &[&["a"]])])), "o.xlsx", false)
            .unwrap_err();
    assert!(
        missing.to_string().contains("no sheet \"observations\""),
        "{missing}"
    );
}

/// The scorecard in a workbook reads as the CSV does, cell for cell, except that a
/// decimal a float holds exactly is a number and the notes are one text joined by
/// "；" (not JSON), as an analyst pastes them into a report.
#[test]
fn a_scorecard_workbook_holds_the_csv_cells_with_numbers_and_joined_notes() {
    use calamine::Data;
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let obs = Observations::builtin("nanshan-2024").unwrap();
    let card = planwatch::evaluate(&plan, &obs, &planwatch::Options::default());
    let bytes = card.to_xlsx().unwrap();
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("scorecard").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    let csv = card.to_csv();
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let got: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(got, header);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), records.len() + 1);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (notes, observed, target) = (at("notes"), at("observed"), at("target"));
    let mut numbers = 0;
    let mut joined = 0;
    for (row, (record, a)) in rows[1..].iter().zip(records.iter().zip(&card.assessments)) {
        assert_eq!(row[target].to_string(), record[target]);
        match &row[observed] {
            Data::Float(x) => {
                numbers += 1;
                let exact: planwatch::Decimal = record[observed].parse().unwrap();
                assert_eq!(x.to_string().parse::<planwatch::Decimal>().unwrap(), exact);
            }
            Data::Empty => assert_eq!(&record[observed], ""),
            other => panic!("observed {other:?}"),
        }
        if a.notes.len() > 1 {
            joined += 1;
            assert_eq!(row[notes].to_string(), a.notes.join("；"));
        }
    }
    // Every observed figure of the seed is a float exactly (4.1, 77820000000 …).
    let present = records.iter().filter(|r| !r[observed].is_empty()).count();
    assert!(present > 0);
    assert_eq!(numbers, present);
    assert!(joined > 0, "no assessment with two notes to join");
}
