//! Inline SVG bullet charts (Stephen Few's design): qualitative bands behind a bar.
//!
//! - Bands, in the target's unit: *good* where the condition holds, *near* within the
//!   基本完成 margin the scorecard was graded with (`Scorecard.margins`: by default
//!   completion ≥ 95% for levels, 0.5 percentage points for rates), *poor* beyond. For `>=` targets good lies above
//!   the target, for `<=` below it, for ranges between the bounds; `~` uses the
//!   default tolerance (±5%, ±0.5 pp) since an explicit one is not in the assessment.
//! - The bar runs from zero to the observed value, leftward when it is negative; the
//!   scale always includes zero, so negative growth rates are drawn honestly.
//! - A thick mark is the target; a dashed violet mark the stretch target of the same
//!   indicator (on a stretch row: the base target, grey); a blue triangle under the
//!   bar, for partial-year flows, the progress expected by now.
//!
//! Coordinates are computed in decimals and rounded to 0.1 px, so the output is
//! exact and the same on every platform.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::comparator::Comparator;
use crate::evaluate::{Assessment, Margins};
use crate::exact::Checked;
use crate::report::html::esc;

const WIDTH: i64 = 164;
const HEIGHT: i64 = 34;
/// Left edge and width of the plot area.
const X0: i64 = 6;
const PLOT: i64 = 152;

const POOR: &str = "#f4d3d3";
const NEAR: &str = "#fbe8c4";
const GOOD: &str = "#d3ebd6";

/// A second target mark: the other tier of the same indicator.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Other {
    /// The stretch value, shown on the base row.
    Stretch(Decimal),
    /// The base value, shown on the stretch row.
    Base(Decimal),
}

struct Scale {
    lo: Decimal,
    hi: Decimal,
}

impl Scale {
    fn x(&self, v: Decimal) -> Option<Decimal> {
        let v = v.clamp(self.lo, self.hi);
        let r = (v.sub_checked(self.lo)?).div_checked(self.hi.sub_checked(self.lo)?)?;
        let x = Decimal::from(X0).add_checked(r.mul_checked(Decimal::from(PLOT))?)?;
        Some(x.round_dp(1))
    }
}

/// The margin of the "near" band around a target value: the percentage-point margin
/// for rates, else the share of the target that 基本完成 forgives.
fn margin(t: Decimal, rate: bool, m: &Margins) -> Decimal {
    if rate {
        m.basic_margin_pp
    } else {
        let forgiven = Decimal::ONE.sub_checked(m.basic_ratio).unwrap_or_default();
        t.mul_checked(forgiven).unwrap_or_default().abs()
    }
}

/// Bands as (from, to, colour); `None` ends stand for the edges of the scale.
type Band = (Option<Decimal>, Option<Decimal>, &'static str);

/// The bands and the band edges to fit on the scale; `None` when an edge lies past
/// Decimal's range (the chart is then left out).
fn bands(a: &Assessment, t: Decimal, margins: &Margins) -> Option<(Vec<Band>, Vec<Decimal>)> {
    let rate = a.unit.dimension().is_rate();
    let m = margin(t, rate, margins);
    let below = t.sub_checked(m)?;
    let above = t.add_checked(m)?;
    Some(match (a.comparator, a.target_high) {
        (Comparator::Between, Some(h)) => {
            let h_above = h.add_checked(margin(h, rate, margins))?;
            (
                vec![
                    (None, Some(below), POOR),
                    (Some(below), Some(t), NEAR),
                    (Some(t), Some(h), GOOD),
                    (Some(h), Some(h_above), NEAR),
                    (Some(h_above), None, POOR),
                ],
                vec![below, h_above],
            )
        }
        (Comparator::Le | Comparator::Lt, _) => {
            // The engine's 基本完成 for lower-is-better levels: target ≥ ratio × actual.
            let near = if rate || t <= Decimal::ZERO || margins.basic_ratio <= Decimal::ZERO {
                above
            } else {
                t.div_checked(margins.basic_ratio).unwrap_or(above)
            };
            (
                vec![
                    (None, Some(t), GOOD),
                    (Some(t), Some(near), NEAR),
                    (Some(near), None, POOR),
                ],
                vec![near],
            )
        }
        (Comparator::Approx, _) => {
            let (far_below, far_above) = (below.sub_checked(m)?, above.add_checked(m)?);
            (
                vec![
                    (None, Some(far_below), POOR),
                    (Some(far_below), Some(below), NEAR),
                    (Some(below), Some(above), GOOD),
                    (Some(above), Some(far_above), NEAR),
                    (Some(far_above), None, POOR),
                ],
                vec![far_below, far_above],
            )
        }
        (Comparator::Eq, _) => (
            vec![
                (None, Some(below), POOR),
                (Some(below), Some(above), NEAR),
                (Some(above), None, POOR),
            ],
            vec![below, above],
        ),
        _ => (
            vec![
                (None, Some(below), POOR),
                (Some(below), Some(t), NEAR),
                (Some(t), None, GOOD),
            ],
            vec![below],
        ),
    })
}

/// The bullet chart of an assessment with an observed value and a target value;
/// `None` for milestones, missing data and values too large to scale. `label` is the
/// tooltip and accessible name (plain text; escaped here). `pace` is the value
/// expected by now for partial-year flows.
pub(crate) fn bullet(
    a: &Assessment,
    margins: &Margins,
    other: Option<Other>,
    pace: Option<Decimal>,
    label: &str,
) -> Option<String> {
    let obs = a.observed?;
    let t = a.target_value?;
    let (bands, edges) = bands(a, t, margins)?;
    let mut values = vec![Decimal::ZERO, obs, t];
    values.extend(a.target_high);
    values.extend(edges);
    values.extend(pace);
    match other {
        Some(Other::Stretch(v) | Other::Base(v)) => values.push(v),
        None => {}
    }
    let mut lo = *values.iter().min()?;
    let mut hi = *values.iter().max()?;
    let mut span = hi.sub_checked(lo)?;
    if span.is_zero() {
        span = hi.abs().max(Decimal::ONE);
    }
    let pad = span.mul_checked(Decimal::new(8, 2))?;
    hi = hi.add_checked(pad)?;
    if lo < Decimal::ZERO {
        lo = lo.sub_checked(pad)?;
    }
    let s = Scale { lo, hi };

    let mut o = String::new();
    let label = esc(label);
    let _ = write!(
        o,
        r#"<svg class="pw-bullet" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}"><title>{label}</title>"#
    );
    let left = Decimal::from(X0);
    let right = Decimal::from(X0 + PLOT);
    for (from, to, colour) in bands {
        let x1 = match from {
            Some(v) => s.x(v)?,
            None => left,
        };
        let x2 = match to {
            Some(v) => s.x(v)?,
            None => right,
        };
        if x2 > x1 {
            let _ = write!(
                o,
                r#"<rect x="{x1}" y="7" width="{}" height="20" fill="{colour}"/>"#,
                x2.sub_checked(x1)?
            );
        }
    }
    let zero = s.x(Decimal::ZERO)?;
    let xo = s.x(obs)?;
    // Pixel positions lie within the plot, so these differences are small.
    let (bx, bw) = if xo >= zero {
        (zero, xo.sub_checked(zero)?)
    } else {
        (xo, zero.sub_checked(xo)?)
    };
    let bw = bw.max(Decimal::ONE);
    let _ = write!(
        o,
        r##"<rect x="{bx}" y="13" width="{bw}" height="8" fill="#1f2937"/>"##
    );
    if lo < Decimal::ZERO {
        let _ = write!(
            o,
            r##"<line x1="{zero}" y1="5" x2="{zero}" y2="29" stroke="#6b7280" stroke-width="1"/>"##
        );
    }
    if let Some(p) = pace {
        let xp = s.x(p)?;
        let _ = write!(
            o,
            r##"<polygon points="{},33 {xp},27 {},33" fill="#2563eb"/>"##,
            xp.sub_checked(Decimal::from(4))?,
            xp.add_checked(Decimal::from(4))?
        );
    }
    match other {
        Some(Other::Stretch(v)) => {
            let xs = s.x(v)?;
            let _ = write!(
                o,
                r##"<line x1="{xs}" y1="3" x2="{xs}" y2="31" stroke="#7c3aed" stroke-width="2" stroke-dasharray="3 2"/><polygon points="{},0 {},0 {xs},4" fill="#7c3aed"/>"##,
                xs.sub_checked(Decimal::from(4))?,
                xs.add_checked(Decimal::from(4))?
            );
        }
        Some(Other::Base(v)) => {
            let xb = s.x(v)?;
            let _ = write!(
                o,
                r##"<line x1="{xb}" y1="5" x2="{xb}" y2="29" stroke="#6b7280" stroke-width="2"/>"##
            );
        }
        None => {}
    }
    for v in std::iter::once(t).chain(a.target_high) {
        let xt = s.x(v)?;
        let _ = write!(
            o,
            r##"<line x1="{xt}" y1="4" x2="{xt}" y2="30" stroke="#111827" stroke-width="2.5"/>"##
        );
    }
    o.push_str("</svg>");
    Some(o)
}
