//! Property tests of quantities: formatting round-trips, exact conversions, and
//! comparisons that refuse mixed dimensions.

use planwatch::{Decimal, Quantity, Style, Unit};
use proptest::prelude::*;

/// Units a plan uses, spanning every dimension and both magnitude styles.
const UNITS: &[&str] = &[
    "",
    "元",
    "亿元",
    "万元",
    "美元",
    "人",
    "万人",
    "人次",
    "平方米",
    "万平方米",
    "公顷",
    "亩",
    "平方公里",
    "米",
    "公里",
    "吨",
    "千瓦",
    "千瓦时",
    "微克/立方米",
    "%",
    "‰",
    "倍",
    "个百分点",
    "岁",
    "个",
    "家",
    "座",
    "套",
    "项",
    "天",
];

fn decimal() -> impl Strategy<Value = Decimal> {
    // Up to 15 significant digits and up to 6 decimals, positive and negative: the
    // range of published statistics, with room for the ×10^12 of magnitude units.
    (-999_999_999_999_999i64..=999_999_999_999_999i64, 0u32..=6)
        .prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn unit() -> impl Strategy<Value = Unit> {
    prop::sample::select(UNITS).prop_map(|s| Unit::parse(s).unwrap())
}

proptest! {
    #[test]
    fn parse_of_format_is_the_same_quantity(v in decimal(), u in unit()) {
        let q = Quantity::new(v, u);
        for style in [Style::Zh, Style::En] {
            let text = q.format(style);
            let back = Quantity::parse(&text).map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            prop_assert_eq!(back, q, "{:?} in style {:?}", text, style);
            prop_assert_eq!(back.unit().stem_unit(), u.stem_unit());
        }
    }

    #[test]
    fn conversion_round_trips_are_exact(v in decimal(), a in unit(), b in unit()) {
        let q = Quantity::new(v, a);
        match q.to(b) {
            Ok(there) => {
                let back = there.to(a).unwrap();
                prop_assert_eq!(back.value(), v.normalize());
                prop_assert_eq!(there.try_cmp(&q).unwrap(), std::cmp::Ordering::Equal);
            }
            Err(e) => prop_assert!(
                a.dimension() != b.dimension() || e.kind() == planwatch::ErrorKind::InexactConversion
                    || e.kind() == planwatch::ErrorKind::Overflow,
                "{e}"
            ),
        }
    }

    #[test]
    fn comparisons_across_dimensions_always_error(x in decimal(), y in decimal(), a in unit(), b in unit()) {
        prop_assume!(a.dimension() != b.dimension());
        let (p, q) = (Quantity::new(x, a), Quantity::new(y, b));
        prop_assert!(p.try_cmp(&q).is_err());
        prop_assert!(q.try_cmp(&p).is_err());
        prop_assert!(p.to(b).is_err());
        prop_assert!(p != q);
    }

    #[test]
    fn parsing_never_panics(s in "\\PC{0,24}") {
        let _ = Quantity::parse(&s);
        let _ = Quantity::parse_phrase(&s);
    }
}
