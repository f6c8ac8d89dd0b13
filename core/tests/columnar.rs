//! Columnar data (feature `arrow`): observations from Arrow batches load as the CSV
//! loader loads them, and scorecards go out as Arrow columns generated from the serde
//! schema.
#![cfg(feature = "arrow")]

use std::collections::BTreeSet;
use std::sync::Arc;

use planwatch::columnar::arrow_array::cast::AsArray;
use planwatch::columnar::arrow_array::types::Int32Type;
use planwatch::columnar::arrow_array::{
    Array, ArrayRef, Date32Array, Decimal128Array, DictionaryArray, Float64Array, Int64Array,
    RecordBatch, StringArray,
};
use planwatch::columnar::arrow_schema::DataType;
use planwatch::columnar::{categories, section_order, to_record_batch};
use planwatch::{evaluate, Lang, Observations, Options, Plan};
use serde_json::Value;

fn strings(v: &[&str]) -> ArrayRef {
    Arc::new(StringArray::from(v.to_vec()))
}

fn batch(columns: Vec<(&str, ArrayRef)>) -> RecordBatch {
    RecordBatch::try_from_iter(columns).unwrap()
}

#[test]
fn every_value_type_reads_as_the_csv_loader_reads_text() {
    let csv = "indicator,period,value,unit,status,vintage\n\
               gdp,2024,9500.97,亿元,final,2025-01-20\n\
               jobs,2024H1,1.5万,人,preliminary,2024-07-15\n\
               share,2024,16.4,%,,\n\
               count,2023,12,个,revised,2024-03-01\n";
    let from_csv = Observations::from_csv_str(csv, "o.csv").unwrap();

    // The same four rows, each value in another Arrow type: an exact decimal, a
    // string with a magnitude, a float (read through its shortest text 16.4), an
    // integer; periods as a dictionary, vintages as date32.
    let periods: DictionaryArray<Int32Type> =
        vec!["2024", "2024H1", "2024", "2023"].into_iter().collect();
    let date = |y, m, d| {
        let date = jiff::civil::Date::new(y, m, d).unwrap();
        let epoch = jiff::civil::Date::new(1970, 1, 1).unwrap();
        Some(epoch.until(date).unwrap().get_days())
    };
    let vintage = Date32Array::from(vec![
        date(2025, 1, 20),
        date(2024, 7, 15),
        None,
        date(2024, 3, 1),
    ]);
    let gdp = Decimal128Array::from(vec![Some(950097), None, None, None])
        .with_precision_and_scale(10, 2)
        .unwrap();
    let batches = [
        batch(vec![
            ("indicator", strings(&["gdp"])),
            ("period", Arc::new(periods.slice(0, 1))),
            ("value", Arc::new(gdp.slice(0, 1))),
            ("unit", strings(&["亿元"])),
            ("status", strings(&["final"])),
            ("vintage", Arc::new(vintage.slice(0, 1))),
        ]),
        batch(vec![
            ("indicator", strings(&["jobs"])),
            ("period", Arc::new(periods.slice(1, 1))),
            ("value", strings(&["1.5万"])),
            ("unit", strings(&["人"])),
            ("status", strings(&["preliminary"])),
            ("vintage", Arc::new(vintage.slice(1, 1))),
        ]),
        batch(vec![
            ("indicator", strings(&["share"])),
            ("period", Arc::new(periods.slice(2, 1))),
            ("value", Arc::new(Float64Array::from(vec![16.4]))),
            ("unit", strings(&["%"])),
            ("status", Arc::new(StringArray::from(vec![None::<&str>]))),
            ("vintage", Arc::new(vintage.slice(2, 1))),
        ]),
        batch(vec![
            ("indicator", strings(&["count"])),
            ("period", Arc::new(periods.slice(3, 1))),
            ("value", Arc::new(Int64Array::from(vec![12]))),
            ("unit", strings(&["个"])),
            ("status", strings(&["revised"])),
            ("vintage", Arc::new(vintage.slice(3, 1))),
        ]),
    ];
    let from_arrow = Observations::from_arrow(&batches, "frame").unwrap();
    assert_eq!(from_arrow, from_csv);
    // And back: to_arrow gives the CSV columns, which load to the same batch.
    let out = from_arrow.to_arrow().unwrap();
    let names: Vec<String> = out
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(
        names,
        [
            "indicator",
            "period",
            "value",
            "unit",
            "status",
            "vintage",
            "source",
            "jurisdiction"
        ]
    );
    assert_eq!(Observations::from_arrow(&[out], "again").unwrap(), from_csv);
}

#[test]
fn every_bad_row_is_reported_with_row_and_column_across_batches() {
    let first = batch(vec![
        ("indicator", strings(&["gdp", "gdp"])),
        ("period", strings(&["2024", "2024Q5"])),
        ("value", Arc::new(Float64Array::from(vec![1.0, 2.0]))),
        ("unit", strings(&["亿元", "亿元"])),
    ]);
    let second = batch(vec![
        ("indicator", strings(&["gdp", "gdp", ""])),
        ("period", strings(&["2023", "2022", "2021"])),
        (
            "value",
            Arc::new(Float64Array::from(vec![f64::NAN, 3.0, f64::INFINITY])),
        ),
        ("unit", strings(&["亿元", "furlongs", "亿元"])),
    ]);
    let err = Observations::from_arrow(&[first, second], "frame").unwrap_err();
    let got: Vec<(&str, &str)> = err
        .issues()
        .iter()
        .map(|i| (i.location.path.as_deref().unwrap(), i.code.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("[1].period", "bad_period"),
            ("[2].value", "missing_value"),
            ("[3].unit", "unknown_unit"),
            ("[4].indicator", "missing_value"),
            ("[4].value", "bad_value"),
        ]
    );
    assert_eq!(err.issues()[1].message, "missing value (NaN)");
    // Each problem names its 1-based column in the batch and quotes its cell, as the
    // CSV loader does: a float as its shortest text.
    let cells: Vec<(Option<usize>, Option<&str>)> = err
        .issues()
        .iter()
        .map(|i| (i.location.column, i.input.as_deref()))
        .collect();
    assert_eq!(
        cells,
        [
            (Some(2), Some("2024Q5")),
            (Some(3), Some("NaN")),
            (Some(4), Some("furlongs")),
            (Some(1), Some("")),
            (Some(3), Some("inf")),
        ]
    );
}

/// A bad decimal, a bad vintage and a bad status are quoted as they were stored, at
/// their columns in the batch's own order.
#[test]
fn a_bad_cell_of_any_type_is_quoted_at_its_column() {
    // 32 significant digits (a 28-digit integer with trailing zeros is exact).
    let big = 10i128.pow(31) + 1;
    let values = Decimal128Array::from(vec![Some(big), Some(-5), Some(1_500)])
        .with_precision_and_scale(38, 2)
        .unwrap();
    let err = Observations::from_arrow(
        &[batch(vec![
            (
                "vintage",
                strings(&["2025-01-20", "2025-13-01", "2025-01-20"]),
            ),
            ("value", Arc::new(values)),
            ("unit", strings(&["亿元", "亿元", "亿元"])),
            ("status", strings(&["final", "final", "provisional?"])),
            ("period", strings(&["2024", "2024", "2024"])),
            ("indicator", strings(&["gdp", "gdp", "gdp"])),
        ])],
        "frame",
    )
    .unwrap_err();
    let got: Vec<(&str, Option<usize>, Option<&str>)> = err
        .issues()
        .iter()
        .map(|i| {
            (
                i.location.path.as_deref().unwrap(),
                i.location.column,
                i.input.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "[0].value",
                Some(2),
                Some("100000000000000000000000000000.01")
            ),
            ("[1].vintage", Some(1), Some("2025-13-01")),
            ("[2].status", Some(4), Some("provisional?")),
        ]
    );
}

/// A batch long enough to be read in several runs on every core, with bad rows spread
/// over it and vintages in each date and timestamp type, loads as the same rows in CSV:
/// the good rows in order, each bad row's problems at its row, in row order.
#[test]
fn a_long_batch_read_in_runs_keeps_row_order_and_every_bad_row() {
    use planwatch::columnar::arrow_array::{
        Date64Array, TimestampMicrosecondArray, TimestampMillisecondArray,
    };
    const ROWS: usize = 150_001;
    const DAY_MS: i64 = 86_400_000;
    let bad = |r: usize| r % 9_973 == 17;
    let day = |r: usize| 19_000 + (r % 700) as i32;
    let mut csv = String::from("indicator,period,value,unit,vintage\n");
    let (mut ids, mut periods, mut values, mut units) = (vec![], vec![], vec![], vec![]);
    let mut dates = vec![];
    for r in 0..ROWS {
        let id = format!("i{}", r % 1_000);
        let period = if bad(r) {
            "2024Q9".to_string()
        } else {
            (2000 + r % 25).to_string()
        };
        let value = format!("{}.{}", r, r % 100);
        let unit = if r % 3 == 0 { "亿元" } else { "万元" };
        // Every 7th vintage is missing; the others are dates.
        let vintage = (r % 7 != 0).then(|| day(r));
        let text = vintage.map_or(String::new(), |d| {
            jiff::civil::date(1970, 1, 1)
                .checked_add(jiff::Span::new().days(i64::from(d)))
                .unwrap()
                .to_string()
        });
        csv.push_str(&format!("{id},{period},{value},{unit},{text}\n"));
        ids.push(id);
        periods.push(period);
        values.push(value);
        units.push(unit);
        dates.push(vintage);
    }
    let from_csv = Observations::from_csv_str_lenient(&csv, "frame").unwrap();
    let ms: Vec<Option<i64>> = dates
        .iter()
        .map(|d| d.map(|d| i64::from(d) * DAY_MS))
        .collect();
    let vintages: Vec<ArrayRef> = vec![
        Arc::new(Date32Array::from(dates.clone())),
        Arc::new(Date64Array::from(ms.clone())),
        Arc::new(TimestampMillisecondArray::from(ms.clone())),
        Arc::new(TimestampMicrosecondArray::from(
            ms.iter().map(|m| m.map(|m| m * 1_000)).collect::<Vec<_>>(),
        )),
    ];
    for vintage in vintages {
        let kind = vintage.data_type().clone();
        let b = batch(vec![
            (
                "indicator",
                Arc::new(StringArray::from(ids.clone())) as ArrayRef,
            ),
            ("period", Arc::new(StringArray::from(periods.clone()))),
            ("value", Arc::new(StringArray::from(values.clone()))),
            ("unit", strings(&units)),
            ("vintage", vintage),
        ]);
        let got = Observations::from_arrow_lenient(&[b], "frame").unwrap();
        assert_eq!(got.observations, from_csv.observations, "{kind}");
        // Row by position: the reader's runs lost their bad rows, so they are shorter
        // than the CSV loader's chunks, and the positions shift run by run.
        let all: Vec<&planwatch::Observation> = from_csv.observations.iter().collect();
        let n = all.len();
        for i in (0..n)
            .step_by(997)
            .chain([0, 65_535, 65_536, 131_071, 131_072, n - 1])
        {
            assert_eq!(got.observations.get(i), Some(all[i]), "{kind} row {i}");
            assert_eq!(from_csv.observations.get(i), Some(all[i]), "{kind} row {i}");
        }
        assert_eq!(got.observations.get(n), None);
        assert!(got.observations.iter().rev().eq(all.iter().rev().copied()));
        assert_eq!(got.observations.iter().len(), n);
        let at = |issues: &[planwatch::Issue]| -> Vec<(usize, String)> {
            issues
                .iter()
                .map(|i| (i.location.line.unwrap_or(0), i.code.clone()))
                .collect()
        };
        // CSV locates by line (the header is line 1); Arrow by row index.
        let want: Vec<(usize, String)> = at(&from_csv.rejected)
            .into_iter()
            .map(|(l, c)| (l - 2, c))
            .collect();
        let rows: Vec<(usize, String)> = got
            .rejected
            .iter()
            .map(|i| {
                let path = i.location.path.as_deref().unwrap();
                let row = path[1..path.find(']').unwrap()].parse().unwrap();
                (row, i.code.clone())
            })
            .collect();
        assert_eq!(rows, want, "{kind}");
        assert_eq!(rows.len(), (0..ROWS).filter(|r| bad(*r)).count());
        assert_eq!(got.observations.len() + rows.len(), ROWS);
        // Where each good row was read: its row in the batch.
        let second_good = (0..ROWS).filter(|r| !bad(*r)).nth(20_000).unwrap();
        assert_eq!(
            got.observations
                .location(20_000, "value")
                .unwrap()
                .path
                .as_deref(),
            Some(format!("[{second_good}].value").as_str())
        );
    }
}

#[test]
fn an_unknown_or_missing_column_fails_the_table_with_its_column() {
    let extra = batch(vec![
        ("indicator", strings(&["gdp"])),
        ("period", strings(&["2024"])),
        ("value", strings(&["1"])),
        ("unit", strings(&["亿元"])),
        ("备注", strings(&["x"])),
    ]);
    let err = Observations::from_arrow(&[extra], "frame").unwrap_err();
    assert_eq!(err.location().column, Some(5));
    assert!(err.message().contains("unknown column \"备注\""), "{err}");
    let missing = batch(vec![
        ("indicator", strings(&["gdp"])),
        ("period", strings(&["2024"])),
        ("value", strings(&["1"])),
    ]);
    let err = Observations::from_arrow(&[missing], "frame").unwrap_err();
    assert!(err.message().contains("\"unit\""), "{err}");
}

/// The flattened keys of JSON objects as the Arrow writer names columns: nested
/// objects joined with `_`; a key that is an object in some record and null in the
/// others is the object's fields only.
fn flattened_keys(records: &[Value]) -> BTreeSet<String> {
    fn walk(
        prefix: &str,
        v: &Value,
        leaves: &mut BTreeSet<String>,
        objects: &mut BTreeSet<String>,
    ) {
        if let Value::Object(map) = v {
            if !prefix.is_empty() {
                objects.insert(prefix.to_string());
            }
            for (k, v) in map {
                let name = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}_{k}")
                };
                walk(&name, v, leaves, objects);
            }
        } else {
            leaves.insert(prefix.to_string());
        }
    }
    let mut leaves = BTreeSet::new();
    let mut objects = BTreeSet::new();
    for r in records {
        walk("", r, &mut leaves, &mut objects);
    }
    leaves.difference(&objects).cloned().collect()
}

#[test]
fn scorecard_columns_are_the_assessment_json_fields() {
    let plan = Plan::builtin("nanshan-2024").unwrap();
    let obs = Observations::builtin("nanshan-2024").unwrap();
    let card = evaluate(&plan, &obs, &Options::default());
    let batch = card.to_arrow().unwrap();
    assert_eq!(batch.num_rows(), card.assessments.len());
    let json: Value = serde_json::from_str(&card.to_json()).unwrap();
    let records = json["assessments"].as_array().unwrap();
    let columns: BTreeSet<String> = batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    // A field added to Assessment is in the JSON, so it must be a column too.
    assert_eq!(columns, flattened_keys(records));

    let schema = batch.schema();
    let dt = |name: &str| schema.field_with_name(name).unwrap().data_type().clone();
    assert_eq!(
        dt("status"),
        DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8))
    );
    assert!(matches!(dt("observed"), DataType::Decimal128(_, _)));
    assert_eq!(dt("explanation_zh"), DataType::Utf8);
    assert!(matches!(dt("notes"), DataType::List(f) if f.data_type() == &DataType::Utf8));
    assert!(
        matches!(dt("inputs"), DataType::List(f) if matches!(f.data_type(), DataType::Struct(_)))
    );

    // Every observed value is the JSON's decimal, digit for digit in value.
    let observed = batch
        .column_by_name("observed")
        .unwrap()
        .as_primitive::<planwatch::columnar::arrow_array::types::Decimal128Type>();
    let DataType::Decimal128(_, scale) = dt("observed") else {
        unreachable!()
    };
    for (i, r) in records.iter().enumerate() {
        match r["observed"].as_str() {
            None => assert!(observed.is_null(i)),
            Some(text) => {
                let want: planwatch::Decimal = text.parse().unwrap();
                let got = planwatch::Decimal::from_i128_with_scale(observed.value(i), scale as u32);
                assert_eq!(got, want, "row {i}");
            }
        }
    }
    let status = batch
        .column_by_name("status")
        .unwrap()
        .as_dictionary::<Int32Type>();
    let values = status.values().as_string::<i32>();
    for (i, r) in records.iter().enumerate() {
        let key = status.keys().value(i) as usize;
        assert_eq!(values.value(key), r["status"].as_str().unwrap());
    }
}

/// A record with decimal fields marked as the schema marks them.
#[derive(serde::Serialize)]
struct Amount {
    #[serde(serialize_with = "planwatch::schema::decimal")]
    value: planwatch::Decimal,
}

#[test]
fn a_decimal_column_keeps_every_digit_past_38_in_decimal256() {
    let small: Vec<Amount> = ["1.5", "-0.25", "100"]
        .iter()
        .map(|t| Amount {
            value: t.parse().unwrap(),
        })
        .collect();
    let b = to_record_batch(&small).unwrap();
    assert_eq!(b.schema().field(0).data_type(), &DataType::Decimal128(5, 2));
    // 29 integer digits beside 28 decimals: 57 digits, exact in decimal256.
    let wide: Vec<Amount> = [
        "79228162514264337593543950335",
        "0.0000000000000000000000000001",
    ]
    .iter()
    .map(|t| Amount {
        value: t.parse().unwrap(),
    })
    .collect();
    let b = to_record_batch(&wide).unwrap();
    assert_eq!(
        b.schema().field(0).data_type(),
        &DataType::Decimal256(57, 28)
    );
}

#[test]
fn categories_come_in_report_order_with_their_labels() {
    let status = categories("status", Lang::Zh).unwrap();
    assert_eq!(status[0], ("met", "已完成"));
    assert_eq!(status.len(), 7);
    assert_eq!(
        categories("kind", Lang::Zh).unwrap()[0],
        ("binding", "约束性")
    );
    assert_eq!(
        categories("grade", Lang::En).unwrap()[2],
        ("basically_achieved", "basically achieved")
    );
    assert!(categories("explanation_zh", Lang::Zh).is_none());
    assert_eq!(
        section_order(&["三.(一)", "二.(七)", "二.(三)"]),
        ["二.(三)", "二.(七)", "三.(一)"]
    );
}

#[test]
fn findings_go_out_as_columns_of_their_json_fields() {
    let found = planwatch::extract(
        "二、2024年主要目标\n- 新增就业人数 1.5 万人。地区生产总值增长5.5%左右。",
    );
    let batch = found.to_arrow().unwrap();
    assert_eq!(batch.num_rows(), found.findings.len());
    let records: Vec<Value> = found
        .to_json_lines()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let columns: BTreeSet<String> = batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(columns, flattened_keys(&records));
    let value = batch
        .schema()
        .field_with_name("value")
        .unwrap()
        .data_type()
        .clone();
    assert!(matches!(value, DataType::Decimal128(_, _)), "{value}");
}

/// The batch written on every core is the one-thread batch: the same columns in the
/// same order with the same types and values, also when a field first appears in a
/// later run of records (a provenance only from row 6000 on, a section missing at
/// first) and when lists are empty in one run and full in another.
#[test]
fn scorecard_columns_written_in_parallel_are_the_sequential_ones() {
    use planwatch::columnar::to_record_batch_parallel;
    let all = builtin_assessments();
    assert!(!all.is_empty());
    let mut many: Vec<planwatch::Assessment> = all.iter().cycle().take(20_000).cloned().collect();
    for (i, a) in many.iter_mut().enumerate() {
        if i < 6_000 {
            a.source = None;
            a.section = None;
            a.inputs.clear();
            a.notes.clear();
        }
        if i % 7 == 0 {
            a.observed = None;
        }
    }
    for rows in [&many[..], &many[5_000..], &many[..3_000], &many[..0]] {
        let one = to_record_batch(rows).unwrap();
        let par = to_record_batch_parallel(rows).unwrap();
        assert_eq!(one.schema(), par.schema());
        assert_eq!(one, par);
    }
}

#[test]
fn selected_columns_are_those_of_the_whole_batch() {
    use planwatch::columnar::to_record_batch_columns;
    let all = builtin_assessments();
    // Enough rows to be written on both cores, some with no source or inputs.
    let mut many: Vec<planwatch::Assessment> = all.iter().cycle().take(9_000).cloned().collect();
    for a in many.iter_mut().take(5_000) {
        a.source = None;
        a.inputs.clear();
    }
    for rows in [&all[..], &many[..]] {
        let whole = to_record_batch(rows).unwrap();
        let schema = whole.schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert!(names.contains(&"name_zh") && names.contains(&"explanation_en"));
        // Every column alone, and a few together in an order of their own.
        let mut picks: Vec<Vec<&str>> = names.iter().map(|n| vec![*n]).collect();
        picks.push(vec!["status", "target"]);
        picks.push(vec![
            "explanation_en",
            "name_zh",
            "inputs",
            "observed",
            "notes",
        ]);
        picks.push(names.iter().rev().copied().collect());
        for pick in picks {
            let got = to_record_batch_columns(rows, &pick).unwrap();
            let at: Vec<usize> = pick.iter().map(|n| schema.index_of(n).unwrap()).collect();
            assert_eq!(got, whole.project(&at).unwrap(), "{pick:?}");
        }
    }
    let unknown = to_record_batch_columns(&all, &["target", "statuz"]).unwrap_err();
    assert_eq!(unknown.code(), "invalid_value");
    assert!(
        unknown.to_string().contains("no column `statuz`"),
        "{unknown}"
    );
    assert!(unknown.to_string().contains("status, "), "{unknown}");
    // A struct is no column: its flattened fields are.
    assert!(to_record_batch_columns(&all, &["name"]).is_err());
    let twice = to_record_batch_columns(&all, &["status", "status"]).unwrap_err();
    assert!(twice.to_string().contains("twice"), "{twice}");
    let none = to_record_batch_columns::<planwatch::Assessment>(&[], &["status"]).unwrap();
    assert_eq!((none.num_rows(), none.num_columns()), (0, 1));
}

/// The assessments of every built-in dataset, evaluated with the default options.
fn builtin_assessments() -> Vec<planwatch::Assessment> {
    let mut all = Vec::new();
    for id in planwatch::BUILTIN_DATASETS {
        let plan = Plan::builtin(id).unwrap();
        let obs = Observations::builtin(id).unwrap();
        all.extend(evaluate(&plan, &obs, &Options::default()).assessments);
    }
    all
}

/// Integer periods (years found by index, other integers by hashing) read as their
/// text does, whatever their order; a missing or impossible one is reported at its row.
#[test]
fn integer_periods_read_as_their_text() {
    let years: Vec<Option<i64>> = (0..5_000i64)
        .map(|i| match i {
            17 => None,
            40 => Some(-3),
            41 => Some(12_345),
            _ => Some(1990 + (i * 7_919) % 41),
        })
        .collect();
    let n = years.len();
    let text = |y: &Option<i64>| y.map(|y| y.to_string()).unwrap_or_default();
    let make = |periods: &[Option<i64>], as_text: bool| {
        let n = periods.len();
        let periods: ArrayRef = if as_text {
            let texts: Vec<String> = periods.iter().map(text).collect();
            strings(&texts.iter().map(String::as_str).collect::<Vec<_>>())
        } else {
            Arc::new(Int64Array::from(periods.to_vec()))
        };
        batch(vec![
            ("indicator", strings(&vec!["gdp"; n])),
            ("period", periods),
            ("value", Arc::new(Int64Array::from_iter_values(0..n as i64))),
            ("unit", strings(&vec!["亿元"; n])),
        ])
    };
    let issues = |b: RecordBatch| {
        let err = Observations::from_arrow(&[b], "frame").unwrap_err();
        err.issues()
            .iter()
            .map(|i| (i.location.path.clone(), i.code.clone()))
            .collect::<Vec<_>>()
    };
    let bad = issues(make(&years, false));
    assert_eq!(bad, issues(make(&years, true)));
    assert_eq!(
        bad.iter()
            .map(|(p, _)| p.as_deref().unwrap())
            .collect::<Vec<_>>(),
        ["[17].period", "[40].period", "[41].period"]
    );
    let good: Vec<Option<i64>> = years
        .iter()
        .flatten()
        .filter(|y| (0..10_000).contains(*y))
        .map(|y| Some(*y))
        .collect();
    let from_ints = Observations::from_arrow(&[make(&good, false)], "frame").unwrap();
    let from_text = Observations::from_arrow(&[make(&good, true)], "frame").unwrap();
    assert_eq!(from_ints, from_text);
    assert_eq!(from_ints.len(), n - 3);
}

#[test]
fn repeated_ids_sources_and_jurisdictions_share_one_text() {
    let csv = "indicator,period,value,unit,source,jurisdiction\n\
               gdp,2023,1,亿元,公报,南山区\n\
               gdp,2024,2,亿元,公报,南山区\n\
               jobs,2024,3,人,,南山区\n";
    let from_csv = Observations::from_csv_str(csv, "o.csv").unwrap();
    let from_arrow = Observations::from_arrow(
        &[batch(vec![
            ("indicator", strings(&["gdp", "gdp", "jobs"])),
            ("period", strings(&["2023", "2024", "2024"])),
            ("value", strings(&["1", "2", "3"])),
            ("unit", strings(&["亿元", "亿元", "人"])),
            ("source", strings(&["公报", "公报", ""])),
            ("jurisdiction", strings(&["南山区", "南山区", "南山区"])),
        ])],
        "frame",
    )
    .unwrap();
    assert_eq!(from_csv, from_arrow);
    for obs in [&from_csv, &from_arrow] {
        let rows: Vec<_> = obs.iter().collect();
        assert!(Arc::ptr_eq(&rows[0].indicator, &rows[1].indicator));
        assert!(!Arc::ptr_eq(&rows[1].indicator, &rows[2].indicator));
        assert!(Arc::ptr_eq(
            rows[0].source.as_ref().unwrap(),
            rows[1].source.as_ref().unwrap()
        ));
        assert_eq!(rows[2].source, None);
        let j: Vec<_> = rows
            .iter()
            .map(|o| o.jurisdiction.clone().unwrap())
            .collect();
        assert!(Arc::ptr_eq(&j[0], &j[2]));
        assert_eq!(&*j[2], "南山区");
    }
}

/// What `pd.read_csv` and `pd.read_excel` make of an analyst's sheet: an empty column
/// typed as floats (all NaN), years as floats (2024.0, one blank), ids as integers, a
/// value column as a categorical of floats. Each is read through its cells' text; a
/// blank year is a missing value at its row, not a column of the wrong type.
#[test]
fn columns_a_spreadsheet_typed_as_numbers_read_through_their_text() {
    use planwatch::columnar::arrow_array::types::Int8Type;
    let nan = || Arc::new(Float64Array::from(vec![f64::NAN; 3])) as ArrayRef;
    let values: DictionaryArray<Int8Type> = DictionaryArray::new(
        vec![0i8, 1, 0].into(),
        Arc::new(Float64Array::from(vec![0.1, 2.5])),
    );
    let good = batch(vec![
        ("indicator", Arc::new(Int64Array::from(vec![101, 102, 101]))),
        (
            "period",
            Arc::new(Float64Array::from(vec![2024.0, 2023.0, 2023.0])),
        ),
        ("value", Arc::new(values)),
        ("unit", strings(&["%", "%", "%"])),
        ("source", nan()),
        ("jurisdiction", nan()),
        ("vintage", nan()),
    ]);
    let csv = "indicator,period,value,unit\n101,2024,0.1,%\n102,2023,2.5,%\n101,2023,0.1,%\n";
    assert_eq!(
        Observations::from_arrow(&[good], "frame").unwrap(),
        Observations::from_csv_str(csv, "o.csv").unwrap()
    );

    let bad = batch(vec![
        ("indicator", strings(&["gdp", "gdp", "gdp"])),
        (
            "period",
            Arc::new(Float64Array::from(vec![2024.0, f64::NAN, 2024.5])),
        ),
        ("value", Arc::new(Float64Array::from(vec![1.0, 2.0, 3.0]))),
        ("unit", strings(&["亿元", "亿元", "亿元"])),
    ]);
    let err = Observations::from_arrow(&[bad], "frame").unwrap_err();
    let got: Vec<(&str, &str, &str)> = err
        .issues()
        .iter()
        .map(|i| {
            (
                i.location.path.as_deref().unwrap(),
                i.code.as_str(),
                i.input.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("[1].period", "missing_value", "NaN"),
            ("[2].period", "bad_period", "2024.5")
        ]
    );
    assert_eq!(err.issues()[0].message, "missing value (NaN)");
}

/// An empty period is reported as missing, as an empty indicator is, not as a year
/// that ends too soon.
#[test]
fn an_empty_period_is_a_missing_value() {
    let b = batch(vec![
        ("indicator", strings(&["gdp", "gdp"])),
        (
            "period",
            Arc::new(StringArray::from(vec![Some("2024"), None])) as ArrayRef,
        ),
        ("value", Arc::new(Float64Array::from(vec![1.0, 2.0]))),
        ("unit", strings(&["亿元", "亿元"])),
    ]);
    let err = Observations::from_arrow(&[b], "frame").unwrap_err();
    let issue = &err.issues()[0];
    assert_eq!(
        (issue.location.path.as_deref(), issue.code.as_str()),
        (Some("[1].period"), "missing_value")
    );
    assert_eq!(issue.message, "period is empty");
    let csv = "indicator,period,value,unit\ngdp,,1,亿元\n";
    let err = Observations::from_csv_str(csv, "o.csv").unwrap_err();
    assert_eq!(err.issues()[0].message, "period is empty");
}

/// A publication time is its day; a zoned timestamp (kept by Arrow as a UTC instant)
/// is its local day. 2025-01-20T16:00Z is 21 January in Shanghai, 20 January in New
/// York, 20 January in UTC.
#[test]
fn a_timestamp_vintage_is_its_local_calendar_date() {
    use planwatch::columnar::arrow_array::TimestampSecondArray;
    // 2025-01-20T16:00:00Z and 2025-01-20T09:30:00Z.
    let instants = vec![1_737_388_800i64, 1_737_365_400];
    let with_zone = |zone: Option<&str>| {
        let mut t = TimestampSecondArray::from(instants.clone());
        if let Some(z) = zone {
            t = t.with_timezone(z);
        }
        batch(vec![
            ("indicator", strings(&["gdp", "jobs"])),
            ("period", strings(&["2024", "2024"])),
            ("value", Arc::new(Float64Array::from(vec![1.0, 2.0]))),
            ("unit", strings(&["亿元", "人"])),
            ("vintage", Arc::new(t) as ArrayRef),
        ])
    };
    let dates = |zone: Option<&str>| -> Vec<String> {
        Observations::from_arrow(&[with_zone(zone)], "frame")
            .unwrap()
            .iter()
            .map(|o| o.vintage.unwrap().to_string())
            .collect()
    };
    assert_eq!(dates(None), ["2025-01-20", "2025-01-20"]);
    assert_eq!(dates(Some("UTC")), ["2025-01-20", "2025-01-20"]);
    assert_eq!(dates(Some("+08:00")), ["2025-01-21", "2025-01-20"]);
    assert_eq!(dates(Some("Asia/Shanghai")), ["2025-01-21", "2025-01-20"]);
    assert_eq!(dates(Some("-0500")), ["2025-01-20", "2025-01-20"]);
    // 09:30Z is 04:30 in New York, still the 20th; 2025-01-21T03:00Z is the 20th there.
    let late = 1_737_428_400i64;
    let t = TimestampSecondArray::from(vec![late]).with_timezone("America/New_York");
    let b = batch(vec![
        ("indicator", strings(&["gdp"])),
        ("period", strings(&["2024"])),
        ("value", Arc::new(Float64Array::from(vec![1.0]))),
        ("unit", strings(&["亿元"])),
        ("vintage", Arc::new(t) as ArrayRef),
    ]);
    let o = Observations::from_arrow(&[b], "frame").unwrap();
    assert_eq!(
        o.iter().next().unwrap().vintage.unwrap().to_string(),
        "2025-01-20"
    );
    let err =
        Observations::from_arrow(&[with_zone(Some("Mars/Olympus_Mons"))], "frame").unwrap_err();
    assert!(err.to_string().contains("Mars/Olympus_Mons"), "{err}");
    assert_eq!(err.location().column, Some(5));
}

/// A decimal256 whose digits past 28 are trailing zeros (a 28-digit integer in a column
/// of scale 28) is the integer.
#[test]
fn a_wide_decimal_with_trailing_zeros_reads_exactly() {
    use planwatch::columnar::arrow_array::types::Decimal256Type;
    use planwatch::columnar::arrow_array::{ArrowPrimitiveType, Decimal256Array};
    type I256 = <Decimal256Type as ArrowPrimitiveType>::Native;
    let mut big = I256::from_i128(1_234_567_890_123_456_789_012_345_678);
    for _ in 0..28 {
        big = big.wrapping_mul(I256::from_i128(10));
    }
    let values = Decimal256Array::from(vec![big, I256::from_i128(1)])
        .with_precision_and_scale(56, 28)
        .unwrap();
    let b = batch(vec![
        ("indicator", strings(&["a", "b"])),
        ("period", strings(&["2024", "2024"])),
        ("value", Arc::new(values)),
        ("unit", strings(&["1", "1"])),
    ]);
    let o = Observations::from_arrow(&[b], "frame").unwrap();
    let got: Vec<String> = o.iter().map(|o| o.value.value().to_string()).collect();
    assert_eq!(
        got,
        [
            "1234567890123456789012345678",
            "0.0000000000000000000000000001"
        ]
    );
}

/// Observations written to Arrow load again as the same observations, a dimensionless
/// figure included (its unit is written `1`, as `to_csv` writes it).
#[test]
fn observations_written_to_arrow_load_again() {
    let csv = "indicator,period,value,unit,status,vintage,source,jurisdiction\n\
               rank,2024,5,1,final,2025-01-20,report,南山区\n\
               gdp,2024H1,9500.97,亿元,preliminary,,,\n";
    let o = Observations::from_csv_str(csv, "o.csv").unwrap();
    let b = o.to_arrow().unwrap();
    let units = b.column_by_name("unit").unwrap();
    assert_eq!(units.as_string::<i32>().value(0), "1");
    assert_eq!(Observations::from_arrow(&[b], "frame").unwrap(), o);
}

/// polars and DuckDB stop at 38 digits: a decimal256 column, at the top or in a list
/// of structs (an assessment's inputs), becomes the exact text of each value, and the
/// other columns stay as they were.
#[test]
fn wide_decimals_become_their_exact_text_at_any_depth() {
    use planwatch::columnar::wide_decimals_as_text;
    #[derive(serde::Serialize)]
    struct Row {
        #[serde(serialize_with = "planwatch::schema::decimal")]
        value: planwatch::Decimal,
        #[serde(serialize_with = "planwatch::schema::decimal")]
        small: planwatch::Decimal,
        inputs: Vec<Amount>,
    }
    let d = |t: &str| t.parse::<planwatch::Decimal>().unwrap();
    let rows = [
        Row {
            value: d("79228162514264337593543950335"),
            small: d("1.5"),
            inputs: vec![Amount {
                value: d("12345678901234567890123456789"),
            }],
        },
        Row {
            value: d("0.0000000000000000000000000001"),
            small: d("2"),
            inputs: vec![Amount {
                value: d("0.0000000000000000000000000010"),
            }],
        },
    ];
    let batch = to_record_batch(&rows).unwrap();
    let narrow = wide_decimals_as_text(&batch).unwrap();
    let schema = narrow.schema();
    assert_eq!(schema.field(0).data_type(), &DataType::Utf8);
    assert_eq!(schema.field(1).data_type(), &DataType::Decimal128(2, 1));
    let texts = narrow.column(0).as_string::<i32>();
    assert_eq!(texts.value(0), "79228162514264337593543950335");
    assert_eq!(texts.value(1), "0.0000000000000000000000000001");
    let inputs = narrow.column(2).as_list::<i32>();
    let items = inputs.values().as_struct();
    let values = items.column(0).as_string::<i32>();
    assert_eq!(values.value(0), "12345678901234567890123456789");
    assert_eq!(values.value(1), "0.000000000000000000000000001");
}
