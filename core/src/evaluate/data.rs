//! The observations an evaluation may see, indexed, and the values of indicators per
//! period: observed, derived by formula, or (for nominal growth) derived from levels.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::evaluate::assessment::Input;
use crate::evaluate::rows::{Indicators, Rows, UNKNOWN};
use crate::exact::Checked;
use crate::indicator::{Indicator, Measure};
use crate::observation::{Observation, ObservationStatus};
use crate::period::Period;
use crate::plan::Plan;
use crate::quantity::Quantity;
use crate::{Error, ErrorKind, Result};

/// Deepest chain of derived indicators followed.
const MAX_DERIVATION_DEPTH: usize = 32;

/// A value of an indicator for a period, with what it was made from.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The value, in the indicator's unit.
    pub(crate) value: Quantity,
    pub(crate) status: ObservationStatus,
    pub(crate) vintage: Option<Date>,
    pub(crate) inputs: Vec<Input>,
    pub(crate) notes: Vec<String>,
    /// Other figures for the same indicator, period, vintage and status that disagree
    /// with `value`: a conflict in the data, flagged rather than resolved silently.
    pub(crate) conflicts: Vec<Input>,
}

/// The span an observation or a lookup is keyed by. A dated reading is the year up to
/// that day: for a stock the year's figure is its year-end reading, and for a flow a
/// running total dated 31 December is the year's total, so `2024`, `2024-01..2024-12`
/// and `2024-12-31` are one figure, as are `2024H1` and `2024-06-30`.
pub(crate) fn span_key(p: Period) -> (Date, Date) {
    match p {
        Period::Date(d) => (crate::period::date(d.year(), 1, 1).unwrap_or(d), d),
        _ => (p.start(), p.end()),
    }
}

/// A date as a number in date order (year, month and day as bit fields), so that rows
/// sort and spans are found by comparing integers.
fn day_number(d: Date) -> u64 {
    // jiff's years are -9999..=9999: shifted to be positive.
    let year = u64::try_from(i32::from(d.year()) + 10_000).unwrap_or(0);
    let (month, day) = (u64::try_from(d.month()), u64::try_from(d.day()));
    year << 9 | month.unwrap_or(0) << 5 | day.unwrap_or(0)
}

/// [`span_key`] as one number in the same order.
fn packed_span(p: Period) -> u64 {
    let (start, end) = span_key(p);
    day_number(start) << 32 | day_number(end)
}

/// One indicator's figures: the best observation for each period span, sorted by span.
///
/// Observations are keyed by [`span_key`], not by the period's spelling: 2024H1 and
/// 2024-01..2024-06, or 2024, 2024-01..2024-12 and 2024-12-31, are the same figure.
#[derive(Default)]
struct Series<'a> {
    /// [`packed_span`]s, ascending.
    spans: Vec<u64>,
    periods: Vec<Period>,
    observations: Vec<&'a Observation>,
    /// Per span: the figures of the same vintage and status that disagree with the one kept.
    conflicts: Vec<Vec<&'a Observation>>,
}

pub(crate) struct Data<'a> {
    /// Each id's first indicator in the plan, with its position there.
    indicators: Indicators<'a>,
    /// The plan's indicators, whose positions index `series`.
    plan_indicators: &'a [Indicator],
    /// The series of the indicator at each position (empty for a later duplicate id:
    /// its rows are the first one's).
    series: Vec<Series<'a>>,
}

/// Orders candidate observations of one indicator and period: the latest publication
/// wins, then the more final status, then (for conflicting duplicates) the larger
/// value. A total order, so the pick never depends on input order: amounts of one
/// dimension compare as amounts; mixed dimensions (a data error the verdict will
/// report) fall back to comparing dimension, unit and digits.
fn rank(a: &Observation, b: &Observation) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    // The amounts are compared (a cross-multiplication) only on a tie of publication,
    // status and dimension: most candidates differ in publication.
    let amount = || {
        if a.value.dimension() == b.value.dimension() {
            a.value.try_cmp(&b.value).unwrap_or(Ordering::Equal)
        } else {
            Ordering::Equal
        }
    };
    (a.published(), a.status)
        .cmp(&(b.published(), b.status))
        .then_with(|| a.value.dimension().cmp(&b.value.dimension()))
        .then_with(amount)
        .then_with(|| a.value.unit().symbol().cmp(b.value.unit().symbol()))
        .then_with(|| a.value.value().cmp(&b.value.value()))
        .then_with(|| a.period.cmp(&b.period))
}

impl<'a> Data<'a> {
    /// Indexes the observations visible at `as_of` (published on or before it; all
    /// of them when None) that belong to the plan's jurisdiction and to one of its
    /// indicators: grouped by indicator (one hash per observation, the rows of an
    /// indicator in input order), then sorted by span within each indicator. With
    /// `parallel` (and the `parallel` feature) the rows are looked up in chunks and the
    /// indicators sorted on every core, grouped by a counting sort between the two, so
    /// the index is the same either way. A view of some rows (a plan's own within a
    /// national batch) is grouped on one thread: many-plan runs are parallel across
    /// plans. Rows on ids the plan does not define are left out: no lookup asks for
    /// them (`Plan::observation_issues` reports them).
    ///
    /// `indicators` are the plan's ([`indicators_of`](super::rows::indicators_of)),
    /// `positions` the rows' indicators as [`Rows::positions`] gives them.
    pub(crate) fn new(
        plan: &'a Plan,
        observations: Rows<'a>,
        indicators: Indicators<'a>,
        positions: &[usize],
        as_of: Option<Date>,
        parallel: bool,
    ) -> Data<'a> {
        let all = observations.all;
        let visible = |o: &Observation| {
            if as_of.is_some_and(|d| o.published() > d) {
                return false;
            }
            match (&plan.jurisdiction, &o.jurisdiction) {
                (Some(j), Some(k)) => j.as_str() == k.as_ref(),
                _ => true,
            }
        };
        // The j-th row seen: its indicator's position, when it is visible.
        let slot = |j: usize, o: &Observation| {
            let at = positions.get(j).copied().filter(|&i| i != UNKNOWN)?;
            visible(o).then_some(at)
        };
        let n = plan.indicators.len();
        let series = match observations.only {
            Some(only) => grouped(n, only.iter().filter_map(|&i| all.get(i)), slot),
            #[cfg(feature = "parallel")]
            None if parallel && all.len() >= PARALLEL_MIN_ROWS => parallel_series(n, all, slot),
            None => grouped(n, all.iter(), slot),
        };
        let _ = parallel;
        Data {
            indicators,
            plan_indicators: &plan.indicators,
            series,
        }
    }

    /// The series of `ind`: found by its place in the plan, without hashing its id,
    /// when it is one of the plan's own indicators and has figures; else by its id (a
    /// later duplicate id's figures are the first one's).
    fn series(&self, ind: &Indicator) -> Option<&Series<'a>> {
        let own = self
            .position(ind)
            .and_then(|i| self.series.get(i))
            .filter(|s| !s.spans.is_empty());
        if own.is_some() {
            return own;
        }
        let (i, _) = self.indicators.get(ind.id.as_str())?;
        self.series.get(*i)
    }

    /// The position of `ind` in the plan's indicators, when it is one of them (the same
    /// object, not an equal one).
    fn position(&self, ind: &Indicator) -> Option<usize> {
        let size = std::mem::size_of::<Indicator>();
        let offset = (std::ptr::from_ref(ind) as usize)
            .checked_sub(self.plan_indicators.as_ptr() as usize)?;
        let i = offset.checked_div(size)?;
        (offset.checked_rem(size) == Some(0))
            .then_some(i)
            .filter(|&i| {
                self.plan_indicators
                    .get(i)
                    .is_some_and(|x| std::ptr::eq(x, ind))
            })
    }

    /// The best observation of the indicator for the span of `period`, with the
    /// figures that conflict with it.
    fn observed(
        &self,
        ind: &Indicator,
        period: Period,
    ) -> Option<(&'a Observation, &[&'a Observation])> {
        let series = self.series(ind)?;
        let i = series.spans.binary_search(&packed_span(period)).ok()?;
        let o = series.observations.get(i).copied()?;
        Some((o, series.conflicts.get(i).map_or(&[][..], Vec::as_slice)))
    }

    /// The plan's indicator with `id`.
    pub(crate) fn indicator(&self, id: &str) -> Option<&'a Indicator> {
        self.indicators.get(id).map(|(_, ind)| *ind)
    }

    /// Periods with a value for the indicator, directly or through its inputs, sorted.
    pub(crate) fn periods(&self, ind: &Indicator) -> std::borrow::Cow<'_, [Period]> {
        // Most indicators are observed directly: borrow their list instead of copying
        // it for every target.
        let derived = ind.formula.is_some()
            || (ind.of.is_some() && ind.measure == Measure::Growth && ind.nominal);
        if derived {
            std::borrow::Cow::Owned(self.periods_at(ind, 0))
        } else {
            std::borrow::Cow::Borrowed(self.series(ind).map_or(&[], |s| s.periods.as_slice()))
        }
    }

    fn periods_at(&self, ind: &Indicator, depth: usize) -> Vec<Period> {
        let mut out = self
            .series(ind)
            .map(|s| s.periods.clone())
            .unwrap_or_default();
        if depth < MAX_DERIVATION_DEPTH {
            let source = match (&ind.formula, &ind.of) {
                (Some(f), _) => f.inputs().first().and_then(|id| self.indicator(id)),
                (None, Some(of)) if ind.measure == Measure::Growth && ind.nominal => {
                    self.indicator(of)
                }
                _ => None,
            };
            if let Some(src) = source {
                out.extend(self.periods_at(src, depth + 1));
                crate::order::sort_by_key(&mut out, |p| *p);
                out.dedup();
            }
        }
        out
    }

    /// The value [`get`](Data::get) would give, without building its inputs and notes
    /// when the indicator is observed directly.
    pub(crate) fn value(&self, ind: &Indicator, period: Period) -> Option<Result<Quantity>> {
        if let Some((o, _)) = self.observed(ind, period) {
            return Some(Ok(o.value));
        }
        self.get(ind, period).map(|r| r.map(|f| f.value))
    }

    /// The indicator's value for exactly `period`, if one can be had.
    pub(crate) fn get(&self, ind: &Indicator, period: Period) -> Option<Result<Found>> {
        self.get_at(ind, period, 0)
    }

    fn get_at(&self, ind: &Indicator, period: Period, depth: usize) -> Option<Result<Found>> {
        if let Some((o, conflicts)) = self.observed(ind, period) {
            return Some(Ok(observed(ind, o, conflicts)));
        }
        if depth >= MAX_DERIVATION_DEPTH {
            return Some(Err(Error::new(
                ErrorKind::TooLarge,
                format!("derivation of {:?} is nested too deeply", ind.id),
            )));
        }
        if let Some(f) = &ind.formula {
            return self.derive(ind, f, period, depth);
        }
        if ind.measure == Measure::Growth && ind.nominal {
            if let Some(level) = ind.of.as_deref().and_then(|id| self.indicator(id)) {
                return self.growth_from_levels(ind, level, period, depth);
            }
        }
        None
    }

    fn derive(
        &self,
        ind: &Indicator,
        f: &crate::formula::Formula,
        period: Period,
        depth: usize,
    ) -> Option<Result<Found>> {
        let mut values: Vec<(&str, Decimal)> = Vec::new();
        let mut inputs = Vec::new();
        let mut notes = Vec::new();
        let mut conflicts = Vec::new();
        let mut vintage: Option<Date> = None;
        let mut status = ObservationStatus::Final;
        for id in f.inputs() {
            let input = self.indicator(id)?;
            let found = match self.get_at(input, period, depth + 1)? {
                Ok(found) => found,
                Err(e) => return Some(Err(e)),
            };
            // Each input is taken in its own indicator's declared unit.
            let v = match found.value.to(input.unit) {
                Ok(v) => v.value(),
                Err(e) => return Some(Err(e)),
            };
            values.push((id, v));
            inputs.extend(found.inputs);
            notes.extend(found.notes);
            conflicts.extend(found.conflicts);
            vintage = vintage.max(found.vintage);
            status = status.min(found.status);
        }
        let result = f.eval(&|id| values.iter().find(|(k, _)| *k == id).map(|(_, v)| *v));
        Some(result.map(|v| {
            notes.push(format!("derived: {} = {}", ind.id, f.text()));
            Found {
                value: Quantity::new(v, ind.unit),
                status,
                vintage,
                inputs,
                notes,
                conflicts,
            }
        }))
    }

    /// Nominal growth from two levels: (level / level a year earlier − 1) × 100.
    fn growth_from_levels(
        &self,
        ind: &Indicator,
        level: &Indicator,
        period: Period,
        depth: usize,
    ) -> Option<Result<Found>> {
        let prev = period.previous_year().ok()?;
        let now = match self.get_at(level, period, depth + 1)? {
            Ok(f) => f,
            Err(e) => return Some(Err(e)),
        };
        let before = match self.get_at(level, prev, depth + 1)? {
            Ok(f) => f,
            Err(e) => return Some(Err(e)),
        };
        let result = (|| {
            // From a loss (a negative level) or nothing, a growth rate means nothing: a
            // loss halved would read −50%, a loss doubled +100%.
            if before.value.value() <= Decimal::ZERO {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    "no growth rate from a level at or below zero",
                ));
            }
            let ratio = crate::evaluate::math::ratio(
                now.value.to(before.value.unit())?.value(),
                before.value.value(),
            )?;
            let pct = ratio
                .sub_checked(Decimal::ONE)
                .and_then(|g| g.mul_checked(Decimal::ONE_HUNDRED))
                .ok_or_else(|| Error::new(ErrorKind::Overflow, "growth overflows"))?;
            let unit = crate::unit::Unit::percent();
            let mut inputs = now.inputs;
            inputs.extend(before.inputs);
            let mut conflicts = now.conflicts;
            conflicts.extend(before.conflicts);
            Ok(Found {
                value: Quantity::new(pct.round_dp(6).normalize(), unit).to(ind.unit)?,
                status: now.status.min(before.status),
                vintage: now.vintage.max(before.vintage),
                inputs,
                notes: vec![format!(
                    "growth derived from nominal levels of {:?} ({} vs {})",
                    level.id, period, prev
                )],
                conflicts,
            })
        })();
        Some(result)
    }
}

/// An observation with the span it is keyed by ([`packed_span`]) and the start of its
/// [`rank`] (publication and status, packed in that order), so that sorting compares
/// most rows as two integers without reading them.
type Row<'o> = (u64, u64, &'o Observation);

/// Below this many observations the index is built on one thread: splitting costs
/// more than it saves.
#[cfg(feature = "parallel")]
const PARALLEL_MIN_ROWS: usize = 50_000;

/// The row of an observation: its span and the start of its rank.
fn row(o: &Observation) -> Row<'_> {
    let status = match o.status {
        ObservationStatus::Preliminary => 0,
        ObservationStatus::Revised => 1,
        ObservationStatus::Final => 2,
    };
    (
        packed_span(o.period),
        day_number(o.published()) << 2 | status,
        o,
    )
}

/// The series of each of `n` indicator positions from the rows `slot` places (None:
/// not seen), each position's rows in input order.
fn grouped<'o>(
    n: usize,
    observations: impl Iterator<Item = &'o Observation>,
    slot: impl Fn(usize, &Observation) -> Option<usize>,
) -> Vec<Series<'o>> {
    let mut groups: Vec<Vec<Row<'o>>> = (0..n).map(|_| Vec::new()).collect();
    for (j, o) in observations.enumerate() {
        if let Some(g) = slot(j, o).and_then(|i| groups.get_mut(i)) {
            g.push(row(o));
        }
    }
    groups.into_iter().map(series_of).collect()
}

/// One indicator's series from its rows: the best figure first within each span,
/// then only it kept, noting the figures that tie with it on vintage and status but
/// disagree.
fn series_of(mut rows: Vec<Row<'_>>) -> Series<'_> {
    // Best first within a span: `rank` reversed, whose first keys (publication, then
    // status) are compared from the row before the observation is read.
    rows.sort_by(|(sa, ka, a), (sb, kb, b)| {
        sa.cmp(sb).then_with(|| kb.cmp(ka)).then_with(|| rank(b, a))
    });
    let mut series = Series::default();
    let mut best_key = 0;
    for (span, key, o) in rows {
        if series.spans.last() == Some(&span) {
            // Only a figure of the best one's publication and status (its packed key)
            // can disagree with it: the others, most of them, are not read at all.
            let best = series
                .observations
                .last()
                .copied()
                .filter(|_| key == best_key);
            if best.is_some_and(|b| disagrees(b, o)) {
                if let Some(c) = series.conflicts.last_mut() {
                    c.push(o);
                }
            }
            continue;
        }
        best_key = key;
        series.spans.push(span);
        series.periods.push(o.period);
        series.observations.push(o);
        series.conflicts.push(Vec::new());
    }
    series
}

/// [`grouped`] on every core: each row's indicator position is looked up in chunks
/// on every core, a counting sort lists each position's rows in input order (one pass,
/// no vector per indicator and chunk), and the positions' series are sorted in parallel.
#[cfg(feature = "parallel")]
fn parallel_series<'o>(
    n: usize,
    observations: &'o crate::Observations,
    slot: impl Fn(usize, &Observation) -> Option<usize> + Sync,
) -> Vec<Series<'o>> {
    use rayon::prelude::*;
    // Positions and rows as u32 (a quarter of the memory of `Option<usize>`): a batch
    // holds fewer rows than that (`MAX_OBSERVATION_ROWS`), and a plan fewer indicators.
    const NONE: u32 = u32::MAX;
    let (Ok(_), Ok(_)) = (u32::try_from(n), u32::try_from(observations.len())) else {
        return grouped(n, observations.iter(), slot);
    };
    // Each row's slot and its sort row, in row order, each vector written in place on
    // every core: the indicators' rows are then gathered from these compact rows (24
    // bytes), not from the observations themselves (88), which is faster by a third.
    let Some(first) = observations.get(0) else {
        return grouped(n, observations.iter(), slot);
    };
    let mut slots = vec![NONE; observations.len()];
    observations.fill(&mut slots, |j, o| {
        slot(j, o)
            .filter(|i| *i < n)
            .and_then(|i| u32::try_from(i).ok())
            .unwrap_or(NONE)
    });
    let mut keyed: Vec<Row<'o>> = vec![(0, 0, first); observations.len()];
    observations.fill(&mut keyed, |_, o| row(o));
    // Where each position's rows start in `order`.
    let mut starts = vec![0usize; n + 1];
    for &i in slots.iter().filter(|i| **i != NONE) {
        if let Some(c) = starts.get_mut(i as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut next = starts.clone();
    let mut order = vec![0u32; starts.last().copied().unwrap_or(0)];
    for (r, &i) in slots.iter().enumerate() {
        if i == NONE {
            continue;
        }
        if let Some(at) = next.get_mut(i as usize) {
            if let Some(o) = order.get_mut(*at) {
                // r < observations.len(), which fits a u32 (checked above).
                *o = r as u32;
            }
            *at += 1;
        }
    }
    (0..n)
        .into_par_iter()
        .map(|i| {
            let rows = order.get(starts[i]..starts[i + 1]).unwrap_or(&[]);
            series_of(
                rows.iter()
                    .filter_map(|&r| keyed.get(r as usize).copied())
                    .collect(),
            )
        })
        .collect()
}

/// True when `other` ties with the chosen figure `best` on publication and status but
/// gives another amount: two offices (or two rows) publishing different figures.
fn disagrees(best: &Observation, other: &Observation) -> bool {
    (best.published(), best.status) == (other.published(), other.status)
        && best.value.try_cmp(&other.value) != Ok(std::cmp::Ordering::Equal)
}

/// An observation of `ind` as an input of a verdict.
fn input(ind: &Indicator, o: &Observation) -> Input {
    Input {
        // The plan's copy of the id (the same text: rows are found by it), which the
        // assessment has just read, not the row's shared one, a cache miss away.
        indicator: ind.id.clone(),
        period: o.period,
        value: o.value.value(),
        unit: o.value.unit(),
        status: o.status,
        vintage: o.vintage,
        source: o.source.as_deref().map(str::to_string),
    }
}

fn observed(ind: &Indicator, o: &Observation, conflicts: &[&Observation]) -> Found {
    let mut notes = Vec::new();
    if o.status == ObservationStatus::Preliminary {
        notes.push(format!("{} {} is preliminary", ind.id, o.period));
    }
    Found {
        value: o.value,
        status: o.status,
        vintage: o.vintage,
        inputs: vec![input(ind, o)],
        notes,
        conflicts: conflicts.iter().map(|c| input(ind, c)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_dates_and_spans_keep_the_order_of_dates() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut day = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let year = i16::try_from(seed % 19_999).unwrap() - 9_999;
            let month = i8::try_from(seed / 19_999 % 12 + 1).unwrap();
            let day = i8::try_from(seed / 239_988 % 28 + 1).unwrap();
            crate::period::date(year, month, day).unwrap()
        };
        for i in 0..20_000 {
            let (a, b, c, d) = (day(), day(), day(), day());
            assert_eq!(day_number(a).cmp(&day_number(b)), a.cmp(&b), "{a} {b}");
            let year = |x: Date| Period::Year(x.year());
            let quarter = |x: Date| Period::Quarter {
                year: x.year(),
                quarter: u8::try_from((x.month() - 1) / 3 + 1).unwrap(),
            };
            let (p, q) = match i % 3 {
                0 => (Period::Date(a), Period::Date(c)),
                1 => (year(a), Period::Date(d)),
                _ => (quarter(b), year(c)),
            };
            assert_eq!(
                packed_span(p).cmp(&packed_span(q)),
                span_key(p).cmp(&span_key(q)),
                "{p} {q}"
            );
        }
        let edges = [
            crate::period::date(-9999, 1, 1).unwrap(),
            crate::period::date(9999, 12, 31).unwrap(),
        ];
        assert!(day_number(edges[0]) < day_number(edges[1]));
    }
}
