//! The parse/format table: each row is an input, the exact value and unit it must
//! parse to, and its Chinese rendering.

use planwatch::{Decimal, ErrorKind, Quantity, Style};
use std::str::FromStr;

/// (input, value, unit symbol, Chinese rendering)
const CASES: &[(&str, &str, &str, &str)] = &[
    // Arabic, separators, decimals
    ("590 亿元", "59000000000", "元", "590亿元"),
    ("590亿元", "59000000000", "元", "590亿元"),
    ("16.4亿", "1640000000", "", "16.4亿"),
    ("4738.01 亿元", "473801000000", "元", "4738.01亿元"),
    ("1120.78 亿元", "112078000000", "元", "1120.78亿元"),
    ("1.5 万人", "15000", "人", "1.5万人"),
    ("1.5万人", "15000", "人", "1.5万人"),
    ("18746人", "18746", "人", "18746人"),
    ("12,000 名", "12000", "人", "1.2万人"),
    ("1,100万", "11000000", "", "1100万"),
    ("12,345,678元", "12345678", "元", "12345678元"),
    ("0.3%", "0.3", "%", "0.3%"),
    ("5.5%", "5.5", "%", "5.5%"),
    ("12.2%", "12.2", "%", "12.2%"),
    ("100", "100", "", "100"),
    ("0", "0", "", "0"),
    ("5.45公里", "5.45", "公里", "5.45公里"),
    ("3.6 公里", "3.6", "公里", "3.6公里"),
    ("131.4 公顷", "131.4", "公顷", "131.4公顷"),
    ("10.5 万平方米", "105000", "平方米", "10.5万平方米"),
    ("16 万平方米", "160000", "平方米", "16万平方米"),
    ("700亩", "700", "亩", "700亩"),
    ("50 亩", "50", "亩", "50亩"),
    ("7.8 万家", "78000", "家", "7.8万家"),
    ("10320座", "10320", "座", "10320座"),
    ("1440 座", "1440", "座", "1440座"),
    ("142 家", "142", "家", "142家"),
    ("100 个", "100", "个", "100个"),
    ("212 万次", "2120000", "次", "212万次"),
    ("20万人次", "200000", "人次", "20万人次"),
    ("52 支", "52", "支", "52支"),
    ("1220 项", "1220", "项", "1220项"),
    ("35所", "35", "所", "35所"),
    ("1.7万套", "17000", "套", "1.7万套"),
    ("18.2微克/立方米", "18.2", "微克/立方米", "18.2微克/立方米"),
    ("500万千瓦", "5000000", "千瓦", "500万千瓦"),
    ("3千瓦", "3", "千瓦", "3千瓦"),
    ("3千米", "3", "公里", "3公里"),
    ("2 平方公里", "2", "平方公里", "2平方公里"),
    ("3 万吨", "30000", "吨", "3万吨"),
    ("1.5 吨/日", "1.5", "吨/日", "1.5吨/日"),
    ("60岁", "60", "岁", "60岁"),
    // PDF artefacts: spaces inside numbers and between number and unit
    ("1. 6万个", "16000", "个", "1.6万个"),
    ("3.46 万亿元", "3460000000000", "元", "3.46万亿元"),
    ("1.5\u{3000}万人", "15000", "人", "1.5万人"),
    ("590\u{00A0}亿元", "59000000000", "元", "590亿元"),
    // Full-width digits and symbols
    ("１２％", "12", "%", "12%"),
    ("５９０亿元", "59000000000", "元", "590亿元"),
    ("１．５万人", "15000", "人", "1.5万人"),
    // Traditional characters
    ("590億元", "59000000000", "元", "590亿元"),
    ("1.5萬人", "15000", "人", "1.5万人"),
    ("700畝", "700", "亩", "700亩"),
    ("兩萬人", "20000", "人", "2万人"),
    // Chinese numerals
    ("两万人", "20000", "人", "2万人"),
    ("十五个", "15", "个", "15个"),
    ("三千人", "3000", "人", "3000人"),
    ("一千二百座", "1200", "座", "1200座"),
    ("一千零五人", "1005", "人", "1005人"),
    ("一万五千亿元", "1500000000000", "元", "1.5万亿元"),
    ("二十万亿元", "20000000000000", "元", "20万亿元"),
    ("零", "0", "", "0"),
    ("〇", "0", "", "0"),
    ("二〇二四", "2024", "", "2024"),
    ("三点五亿元", "350000000", "元", "3.5亿元"),
    ("两万五", "25000", "", "2.5万"),
    ("一百二十个", "120", "个", "120个"),
    ("十亿元", "1000000000", "元", "10亿元"),
    // Mixed Arabic and Chinese
    ("1万2千", "12000", "", "1.2万"),
    ("3万4000", "34000", "", "3.4万"),
    ("1万2", "12000", "", "1.2万"),
    // Percent and ratio forms
    ("百分之三十五", "35", "%", "35%"),
    ("百分之5.5", "5.5", "%", "5.5%"),
    ("3成", "30", "%", "30%"),
    ("千分之五", "5", "‰", "5‰"),
    ("2.5‰", "2.5", "‰", "2.5‰"),
    ("1个百分点", "1", "个百分点", "1个百分点"),
    ("0.5 个百分点", "0.5", "个百分点", "0.5个百分点"),
    ("3倍", "3", "倍", "3倍"),
    ("翻一番", "2", "倍", "2倍"),
    ("翻两番", "4", "倍", "4倍"),
    // Signs
    ("-3%", "-3", "%", "-3%"),
    ("−3%", "-3", "%", "-3%"),
    ("负3%", "-3", "%", "-3%"),
    ("+5%", "5", "%", "5%"),
    // English
    ("59 billion yuan", "59000000000", "元", "590亿元"),
    ("1.5 million people", "1500000", "人", "150万人"),
    ("18,746 people", "18746", "人", "18746人"),
    ("15 hectares", "15", "公顷", "15公顷"),
    ("2 percentage points", "2", "个百分点", "2个百分点"),
    ("3 trillion yuan", "3000000000000", "元", "3万亿元"),
    // Other currencies
    ("5亿美元", "500000000", "美元", "5亿美元"),
    ("12 HKD", "12", "港元", "12港元"),
];

#[test]
fn the_table_has_at_least_80_cases() {
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
}

#[test]
fn every_case_parses_to_its_exact_value_and_unit_and_formats_back() {
    let mut failures = Vec::new();
    for (input, value, unit, zh) in CASES {
        match Quantity::parse(input) {
            Ok(q) => {
                let want = Decimal::from_str(value).unwrap();
                if q.value() != want || q.unit().symbol() != *unit || q.to_string() != *zh {
                    failures.push(format!(
                        "{input:?}: got {} {:?} / {:?}, want {value} {unit:?} / {zh:?}",
                        q.value(),
                        q.unit().symbol(),
                        q.to_string()
                    ));
                }
                for style in [Style::Zh, Style::En] {
                    let text = q.format(style);
                    match Quantity::parse(&text) {
                        Ok(back) if back == q => {}
                        other => {
                            failures.push(format!("{input:?}: {style:?} {text:?} -> {other:?}"))
                        }
                    }
                }
            }
            Err(e) => failures.push(format!("{input:?}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn float_parsers_get_16_4_yi_wrong_we_do_not() {
    // 16.4 * 1e8 in binary floating point is 1639999999.9999998.
    let q = Quantity::parse("16.4亿").unwrap();
    assert_eq!(q.value().to_string(), "1640000000");
}

#[test]
fn english_rendering() {
    let cases = [
        ("590 亿元", "59 billion yuan"),
        ("4738.01亿元", "473.801 billion yuan"),
        ("1.5万人", "15,000 people"),
        ("18746人", "18,746 people"),
        ("1人", "1 person"),
        ("0.5个百分点", "0.5 percentage points"),
        ("15 公顷", "15 hectares"),
        ("12%", "12%"),
        ("2.5‰", "2.5‰"),
        ("700亩", "700 mu"),
        ("3.46 万亿元", "3.46 trillion yuan"),
    ];
    for (input, en) in cases {
        assert_eq!(
            Quantity::parse(input).unwrap().format(Style::En),
            en,
            "{input}"
        );
    }
}

#[test]
fn bad_input_is_a_typed_error_with_its_location() {
    let cases: &[(&str, ErrorKind, usize)] = &[
        ("", ErrorKind::Parse, 0),
        ("亿元", ErrorKind::Parse, 0),
        ("590 furlongs", ErrorKind::Parse, 4),
        ("1.5万人x", ErrorKind::Parse, 5),
        ("12 % %", ErrorKind::Parse, 5),
        ("1e30亿", ErrorKind::Overflow, 0),
        ("99999999999999999999999999999", ErrorKind::Overflow, 0),
        ("20万人次以上", ErrorKind::Parse, 5),
    ];
    for (input, kind, char_offset) in cases {
        let e = Quantity::parse(input).expect_err(input);
        assert_eq!(e.kind(), *kind, "{input}: {e}");
        assert_eq!(e.location().char, Some(*char_offset), "{input}: {e}");
    }
}

#[test]
fn a_comparator_word_is_read_as_a_comparator() {
    let p = Quantity::parse_phrase("20万人次以上").unwrap();
    assert_eq!(p.quantity.value(), Decimal::from(200_000));
    assert_eq!(p.quantity.unit().symbol(), "人次");
    assert_eq!(p.comparator, Some(planwatch::Comparator::Ge));
}

#[test]
fn conversions_are_exact_or_refused() {
    let unit = |s| planwatch::Unit::parse(s).unwrap();
    let q = Quantity::parse("1公顷").unwrap();
    assert_eq!(q.to(unit("亩")).unwrap().value(), Decimal::from(15));
    assert_eq!(q.to(unit("平方米")).unwrap().value(), Decimal::from(10_000));
    let mu = Quantity::parse("700亩").unwrap();
    assert_eq!(
        mu.to(unit("平方米")).unwrap_err().kind(),
        ErrorKind::InexactConversion
    );
    assert_eq!(
        mu.to_rounded(unit("平方米"), 2)
            .unwrap()
            .value()
            .to_string(),
        "466666.67"
    );
    assert_eq!(
        mu.to(unit("公顷")).unwrap_err().kind(),
        ErrorKind::InexactConversion
    );
    assert_eq!(
        Quantity::parse("750亩")
            .unwrap()
            .to(unit("公顷"))
            .unwrap()
            .value(),
        Decimal::from(50)
    );
    let money = Quantity::parse("590亿元").unwrap();
    assert_eq!(money.to(unit("亿元")).unwrap().value(), Decimal::from(590));
    assert_eq!(
        money.to(unit("美元")).unwrap_err().kind(),
        ErrorKind::DimensionMismatch
    );
    let pct = Quantity::parse("5%").unwrap();
    assert_eq!(
        pct.to(unit("个百分点")).unwrap_err().kind(),
        ErrorKind::DimensionMismatch
    );
    assert_eq!(pct.to(unit("‰")).unwrap().value(), Decimal::from(50));
    let count = Quantity::parse("3个").unwrap();
    assert!(count.try_cmp(&Quantity::parse("3家").unwrap()).is_err());
}

/// Inputs found by fuzzing (fuzz/, see RELIABILITY.md) that once crashed.
#[test]
fn fuzz_regressions() {
    // A 28-digit value: formatting converted it, the conversion's error message
    // formatted it again, and the recursion overflowed the stack.
    let q = Quantity::parse("7777777788877888777773377733").unwrap();
    assert_eq!(q.to_string(), "7777777788877888777773377733");
    assert_eq!(Quantity::parse(&q.format(Style::En)).unwrap(), q);
    assert_eq!(
        Quantity::parse("7777777788877888777773377733亿")
            .unwrap_err()
            .kind(),
        ErrorKind::Overflow
    );
    // 29 digits in km²: equal to itself although converting to m² would overflow.
    let q = Quantity::parse("473473777400977777777 亿38868887367368km2").unwrap();
    assert_eq!(Quantity::parse(&q.to_string()).unwrap(), q);
}

#[test]
fn more_digits_than_a_decimal_holds_is_an_error_not_a_rounding() {
    // 4009777777777217177177177770.7 + 77177770177.73 needs 30 significant digits.
    let e = Quantity::parse("7717777.017773万4009777777777217177177177770.7公里").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Overflow);
}
