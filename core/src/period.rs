//! Reporting periods: years, halves, quarters, months, year-to-date ranges, dates and
//! multi-year plan periods (SPEC §4), and the period arithmetic evaluation needs (§6):
//! elapsed shares, time progress and "same period last year" (同比).
//!
//! All calendar work is delegated to [`jiff::civil::Date`] so leap years and month
//! lengths are never hand-coded. Every share is an exact [`Decimal`] ratio of whole
//! months or whole days, so evaluating the same inputs always gives the same digits.
//!
//! The canonical text forms (accepted by [`Period::parse`] and produced by `Display`):
//!
//! | form                | variant                   | meaning                              |
//! |---------------------|---------------------------|--------------------------------------|
//! | `2024`              | [`Period::Year`]          | calendar year                        |
//! | `2024H1`            | [`Period::Half`]          | first or second half                 |
//! | `2024Q3`            | [`Period::Quarter`]       | calendar quarter                     |
//! | `2024-09`           | [`Period::Month`]         | one month                            |
//! | `2024-01..2024-09`  | [`Period::YearToDate`]    | January through September ("1-9月")  |
//! | `2024-12-31`        | [`Period::Date`]          | one day: stocks, deadlines           |
//! | `2021..2025`        | [`Period::Years`]         | inclusive multi-year (five-year plan)|

// `crate::Error` is one ~190-byte struct by design (see error.rs); boxing it is a
// crate-wide decision for error.rs, not something to work around per module.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::exact::Checked;
use crate::text::Part;
use crate::{Error, ErrorKind, Location, Result};

/// Smallest year accepted. Four-digit years keep the text form fixed-width and
/// unambiguous (a "0999" would otherwise be legal but meaningless for plan data).
pub const MIN_YEAR: i16 = 1000;
/// Largest year accepted; also the largest year `jiff` can represent.
pub const MAX_YEAR: i16 = 9999;

/// A reporting period.
///
/// The variants have public fields so periods can be built directly in code; such values
/// are not checked on construction. [`Period::parse`] and deserialization always check,
/// and [`Period::validate`] checks a hand-built value. Methods that return a date
/// ([`start`](Period::start), [`end`](Period::end)) never panic: they clamp out-of-range
/// fields into range, and the fallible methods validate first.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// A calendar year, `2024`.
    Year(i16),
    /// A half year, `2024H1` (January–June) or `2024H2` (July–December).
    Half {
        /// The year.
        year: i16,
        /// 1 or 2.
        half: u8,
    },
    /// A calendar quarter, `2024Q3`.
    Quarter {
        /// The year.
        year: i16,
        /// 1 to 4.
        quarter: u8,
    },
    /// A single month, `2024-09`.
    Month {
        /// The year.
        year: i16,
        /// 1 to 12.
        month: u8,
    },
    /// January through month `through` of one year, `2024-01..2024-09`: the cumulative
    /// figures Chinese statistics publish as "1-9月".
    YearToDate {
        /// The year.
        year: i16,
        /// Last month included, 1 to 12.
        through: u8,
    },
    /// A single day, `2024-12-31`: the date of a stock (a level at a point in time) or a
    /// deadline.
    Date(Date),
    /// An inclusive range of whole years, `2021..2025` (a five-year plan period).
    Years {
        /// First year.
        start: i16,
        /// Last year, not before `start`.
        end: i16,
    },
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
///
/// Civil dates have no time zones, so every civil day is exactly 86 400 s in jiff's
/// duration arithmetic; going through `SignedDuration` keeps this infallible, unlike
/// `Date::until`, which returns a `Result`.
pub(crate) fn days_between(a: Date, b: Date) -> i64 {
    a.duration_until(b).as_secs() / 86_400
}

/// The first day of `month` in `year`, clamping both into jiff's range so that values
/// built by hand can never make `start`/`end` panic.
fn first_day(year: i16, month: u8) -> Date {
    let year = year.clamp(Date::MIN.year(), Date::MAX.year());
    let month = month.clamp(1, 12) as i8;
    // Cannot fail after clamping; `MIN` is only a panic-free fallback.
    date(year, month, 1).unwrap_or(Date::MIN)
}

/// `Date::new` checked by hand, `None` where it would fail: years within jiff's range,
/// months 1 to 12, days 1 to the month's last. jiff's own `Result` carries its error
/// type, whose drop glue links code for every jiff feature (time zones included) into
/// the WebAssembly module; `Date::constant` builds the date with no error value (its
/// check, the same as `Date::new`'s, always passes here).
pub(crate) fn date(year: i16, month: i8, day: i8) -> Option<Date> {
    if !(Date::MIN.year()..=Date::MAX.year()).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    let last = Date::constant(year, month, 1).days_in_month();
    (1..=last)
        .contains(&day)
        .then(|| Date::constant(year, month, day))
}

/// The day after `d` (`Date::tomorrow`), `None` after the last day jiff has.
pub(crate) fn next_day(d: Date) -> Option<Date> {
    match (d.day() < d.days_in_month(), d.month() < 12) {
        (true, _) => date(d.year(), d.month(), d.day().checked_add(1)?),
        (false, true) => date(d.year(), d.month().checked_add(1)?, 1),
        (false, false) => date(d.year().checked_add(1)?, 1, 1),
    }
}

/// The day before `d` (`Date::yesterday`), `None` before the first day jiff has.
pub(crate) fn previous_day(d: Date) -> Option<Date> {
    match (d.day() > 1, d.month() > 1) {
        (true, _) => date(d.year(), d.month(), d.day().checked_sub(1)?),
        (false, true) => Some(date(d.year(), d.month().checked_sub(1)?, 1)?.last_of_month()),
        (false, false) => date(d.year().checked_sub(1)?, 12, 31),
    }
}

/// The last day of `month` in `year` (clamped like [`first_day`]).
fn last_day(year: i16, month: u8) -> Date {
    first_day(year, month).last_of_month()
}

/// A period error at byte `at` of `input`: the text is well formed but names a period
/// that cannot exist or is not allowed.
fn period_error(input: &str, at: usize, message: &str) -> Error {
    Error::new(ErrorKind::Period, format!("{message} in {input:?}"))
        .with_location(Location::at_byte(input, at))
}

fn year_in_range(year: i16) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year)
}

impl Period {
    /// Parses the canonical text of a period (see the [module docs](self)).
    ///
    /// Surrounding whitespace is ignored and `h`/`q` may be lowercase; nothing else is
    /// lenient (months and days are always two digits), because periods key observation
    /// data and a loose parser would let two spellings name one period.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Parse`] with the location and what was expected when the text is
    /// malformed; [`ErrorKind::Period`] with the location of the offending field when it
    /// is well formed but impossible: `2024Q5`, `2024-13`, `2024-02-30`, `2025..2021`, a
    /// year-to-date range not starting in January or spanning two years, or a year
    /// outside 1000–9999.
    pub fn parse(input: &str) -> Result<Period> {
        let trimmed = input.trim_start();
        let mut c = Cursor {
            input,
            pos: input.len() - trimmed.len(),
            end: input.trim_end().len().max(input.len() - trimmed.len()),
        };
        let year = c.year()?;
        let period = match c.peek() {
            None => Period::Year(year),
            Some(letter @ (b'H' | b'h' | b'Q' | b'q')) => {
                c.pos += 1;
                let at = c.pos;
                let half = letter.eq_ignore_ascii_case(&b'H');
                let (max, what) = if half {
                    (2, "half 1 or 2")
                } else {
                    (4, "quarter 1 to 4")
                };
                let n = c.digits(1, what)?;
                c.finish()?;
                if !(1..=max).contains(&n) {
                    return Err(period_error(input, at, &format!("expected {what}")));
                }
                match half {
                    true => Period::Half { year, half: n },
                    false => Period::Quarter { year, quarter: n },
                }
            }
            Some(b'-') => {
                c.pos += 1;
                let month_at = c.pos;
                let month = c.month()?;
                match c.peek() {
                    None => Period::Month { year, month },
                    Some(b'-') => {
                        c.pos += 1;
                        let day_at = c.pos;
                        let day = c.digits(2, "two-digit day")?;
                        c.finish()?;
                        // Both fit in i8 (at most 99); jiff decides whether the day exists.
                        let date = date(year, month as i8, day as i8).ok_or_else(|| {
                            period_error(input, day_at, "day does not exist in that month")
                        })?;
                        Period::Date(date)
                    }
                    Some(b'.') => {
                        c.dots()?;
                        let end_at = c.pos;
                        let end_year = c.year()?;
                        c.expect(b'-', "`-` and a two-digit month")?;
                        let through = c.month()?;
                        c.finish()?;
                        if month != 1 {
                            return Err(period_error(
                                input,
                                month_at,
                                "a year-to-date range must start in January (YYYY-01..YYYY-MM)",
                            ));
                        }
                        if end_year != year {
                            return Err(period_error(
                                input,
                                end_at,
                                "a year-to-date range must end in the year it starts",
                            ));
                        }
                        Period::YearToDate { year, through }
                    }
                    Some(_) => return Err(c.error("`-` and a day, `..`, or end of input")),
                }
            }
            Some(b'.') => {
                c.dots()?;
                let end_at = c.pos;
                let end = c.year()?;
                c.finish()?;
                if end < year {
                    return Err(period_error(input, end_at, "end year is before start year"));
                }
                Period::Years { start: year, end }
            }
            Some(_) => {
                return Err(c.error("`H1`/`H2`, `Q1`-`Q4`, `-MM`, `..YYYY`, or end of input"))
            }
        };
        Ok(period)
    }

    /// Checks a (possibly hand-built) period: years in 1000–9999, half 1–2, quarter 1–4,
    /// months 1–12, a real date, and a multi-year range not ending before it starts.
    ///
    /// The check is "its canonical text parses back to the same value", so the parser is
    /// the single definition of what a valid period is.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Period`] saying what is wrong with the canonical text.
    pub fn validate(&self) -> Result<()> {
        // The periods a plan is made of, checked without writing and parsing their text
        // (a large evaluation validates each target's period several times). The
        // WebAssembly build, with its size budget, keeps the round trip alone; a test
        // holds the two to the same answer for every year.
        #[cfg(feature = "parallel")]
        if self.plainly_valid() {
            return Ok(());
        }
        match Period::parse(&self.to_string()) {
            Ok(p) if p == *self => Ok(()),
            Ok(_) => Err(Error::new(
                ErrorKind::Period,
                format!("invalid period {self:?}"),
            )),
            Err(e) => Err(Error::new(
                ErrorKind::Period,
                format!("invalid period {self:?}: {}", e.message()),
            )),
        }
    }

    /// True for a year, half, quarter, month or range of years whose numbers are in
    /// range: what [`validate`](Period::validate)'s round trip accepts for these forms
    /// (false leaves the answer to the round trip).
    #[cfg(feature = "parallel")]
    fn plainly_valid(&self) -> bool {
        match *self {
            Period::Year(year) => year_in_range(year),
            Period::Half { year, half } => year_in_range(year) && (1..=2).contains(&half),
            Period::Quarter { year, quarter } => year_in_range(year) && (1..=4).contains(&quarter),
            Period::Month { year, month } => year_in_range(year) && (1..=12).contains(&month),
            Period::Years { start, end } => {
                year_in_range(start) && year_in_range(end) && start < end
            }
            Period::YearToDate { .. } | Period::Date(_) => false,
        }
    }

    /// The first day of the period.
    pub fn start(&self) -> Date {
        match *self {
            Period::Year(y) => first_day(y, 1),
            // Clamping keeps hand-built out-of-range values from overflowing.
            Period::Half { year, half } => first_day(year, (half.clamp(1, 2) - 1) * 6 + 1),
            Period::Quarter { year, quarter } => first_day(year, (quarter.clamp(1, 4) - 1) * 3 + 1),
            Period::Month { year, month } => first_day(year, month),
            Period::YearToDate { year, .. } => first_day(year, 1),
            Period::Date(d) => d,
            Period::Years { start, .. } => first_day(start, 1),
        }
    }

    /// The last day of the period, inclusive. For a [`Period::Date`] it equals `start`.
    pub fn end(&self) -> Date {
        match *self {
            Period::Year(y) => last_day(y, 12),
            Period::Half { year, half } => last_day(year, half.clamp(1, 2) * 6),
            Period::Quarter { year, quarter } => last_day(year, quarter.clamp(1, 4) * 3),
            Period::Month { year, month } => last_day(year, month),
            Period::YearToDate { year, through } => last_day(year, through),
            Period::Date(d) => d,
            Period::Years { end, .. } => last_day(end, 12),
        }
    }

    /// The year the period belongs to; for [`Period::Years`] the end year, because a
    /// multi-year target is judged at the end of its span.
    pub fn year(&self) -> i16 {
        match *self {
            Period::Year(year)
            | Period::Half { year, .. }
            | Period::Quarter { year, .. }
            | Period::Month { year, .. }
            | Period::YearToDate { year, .. } => year,
            Period::Date(d) => d.year(),
            Period::Years { end, .. } => end,
        }
    }

    /// A stable name of the variant: `"year"`, `"half"`, `"quarter"`, `"month"`,
    /// `"ytd"`, `"date"` or `"years"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Period::Year(_) => "year",
            Period::Half { .. } => "half",
            Period::Quarter { .. } => "quarter",
            Period::Month { .. } => "month",
            Period::YearToDate { .. } => "ytd",
            Period::Date(_) => "date",
            Period::Years { .. } => "years",
        }
    }

    /// True when the whole span of `other` lies inside `self` (a period contains itself).
    pub fn contains(&self, other: &Period) -> bool {
        self.start() <= other.start() && other.end() <= self.end()
    }

    /// The same period one year earlier, the base of a year-on-year (同比) comparison:
    /// `2024Q3` gives `2023Q3`, `2021..2025` gives `2020..2024`. A date moves by one
    /// calendar year with jiff's clamping, so `2024-02-29` gives `2023-02-28`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Period`] if `self` is invalid or the result would precede year 1000.
    pub fn previous_year(&self) -> Result<Period> {
        self.validate()?;
        let earlier = |y: i16| -> Result<i16> {
            let y = y - 1; // cannot overflow: validated years are >= 1000
            if year_in_range(y) {
                Ok(y)
            } else {
                Err(Error::new(
                    ErrorKind::Period,
                    format!("no year before {self} is representable (minimum {MIN_YEAR})"),
                ))
            }
        };
        let mut prev = *self;
        match &mut prev {
            Period::Year(year)
            | Period::Half { year, .. }
            | Period::Quarter { year, .. }
            | Period::Month { year, .. }
            | Period::YearToDate { year, .. } => *year = earlier(*year)?,
            Period::Years { start, end } => (*start, *end) = (earlier(*start)?, earlier(*end)?),
            Period::Date(d) => {
                // 29 February goes to the 28th. Built by hand rather than with jiff's
                // `Span` arithmetic, whose panicking constructors would link jiff's
                // error texts (tens of kilobytes) into the WebAssembly module.
                let year = earlier(d.year())?;
                let day = d
                    .day()
                    .min(first_day(year, d.month() as u8).last_of_month().day());
                *d = date(year, d.month(), day).ok_or_else(|| {
                    Error::new(
                        ErrorKind::Period,
                        format!("cannot go back a year from {self}"),
                    )
                })?;
            }
        }
        Ok(prev)
    }

    /// True when `self` is a leading part of `annual`: it lies inside `annual`, starts on
    /// the same day and ends before it, like a year-to-date range, `H1`, `Q1` or January
    /// of that year (or `2021` of `2021..2025`). Such data are judged against time
    /// progress rather than as final (SPEC §6).
    ///
    /// A [`Period::Date`] is never partial: it is a point in time (a stock or a
    /// deadline), not an accumulation over a sub-period. Use
    /// [`elapsed_share`](Period::elapsed_share) for cumulative values dated by day.
    pub fn is_partial_of(&self, annual: &Period) -> bool {
        !matches!(self, Period::Date(_))
            && self.start() == annual.start()
            && self.end() < annual.end()
    }

    /// True for variants whose span is whole calendar months, i.e. everything but a date.
    fn is_monthly(&self) -> bool {
        !matches!(self, Period::Date(_))
    }

    /// The share of `within` elapsed from its start through the end of `self`, in [0, 1].
    ///
    /// When both are monthly periods (any variant but [`Period::Date`]), the share is
    /// months elapsed / months of `within`, the convention of monthly statistics:
    /// `2024-01..2024-09` within `2024` is exactly 9/12 = 0.75 and `2024H1` is 0.5,
    /// regardless of month lengths. Otherwise it is days elapsed (counting the end day of
    /// `self`) / days of `within`: `2024-07-01` within leap year `2024` is 183/366 = 0.5.
    ///
    /// The result is clamped: 0 when `self` ends before `within` starts and 1 when it
    /// ends on or after the end of `within`. Ratios like 1/3 have no exact decimal form;
    /// they are rounded to `Decimal`'s 28 significant digits by rust_decimal's division
    /// (deterministic on every platform). The result is normalized (no trailing zeros).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Period`] if either period is invalid (see [`validate`](Period::validate)).
    pub fn elapsed_share(&self, within: &Period) -> Result<Decimal> {
        self.validate()?;
        within.validate()?;
        let (from, to, last) = (within.start(), self.end(), within.end());
        if to < from {
            return Ok(Decimal::ZERO);
        }
        if to >= last {
            return Ok(Decimal::ONE);
        }
        let (done, total) = if self.is_monthly() && within.is_monthly() {
            let months = |d: Date| i64::from(d.year()) * 12 + i64::from(d.month());
            (
                months(to) - months(from) + 1,
                months(last) - months(from) + 1,
            )
        } else {
            (days_between(from, to) + 1, days_between(from, last) + 1)
        };
        ratio(done, total)
    }

    /// Months from January through the end of `self`, for the monthly periods that
    /// monthly statistics accumulate over: a year-to-date range through month *n* gives
    /// *n*, `H1` 6 (`H2` 12), `Q3` 9. This is where the period ends in the calendar; it
    /// does not make a single quarter's value cumulative.
    ///
    /// `None` for a single month (one month's value is not year-to-date), a whole year, a
    /// date, a multi-year range, and invalid periods.
    pub fn months_elapsed_in_year(&self) -> Option<u8> {
        if self.validate().is_err() {
            return None;
        }
        match *self {
            Period::YearToDate { through, .. } => Some(through),
            Period::Half { half, .. } => Some(half * 6),
            Period::Quarter { quarter, .. } => Some(quarter * 3),
            _ => None,
        }
    }

    /// Time progress of `self` on `as_of` (SPEC §6, "时间过半"): days from the start of
    /// `self` through `as_of` inclusive / days of `self`. Clamped to [0, 1]: 0 before the
    /// start, 1 on or after the last day. `2024-07-01` in `2024` is 183/366 = 0.5.
    ///
    /// Rounding as for [`elapsed_share`](Period::elapsed_share). Never fails: an invalid
    /// hand-built period yields 0 or 1 rather than a panic.
    pub fn time_progress(&self, as_of: Date) -> Decimal {
        let (from, last) = (self.start(), self.end());
        if as_of >= last {
            return Decimal::ONE;
        }
        if as_of < from {
            return Decimal::ZERO;
        }
        // Here from <= as_of < last, so the total is at least 2 days.
        ratio(days_between(from, as_of) + 1, days_between(from, last) + 1).unwrap_or(Decimal::ZERO)
    }

    /// The sort key: span first, then a variant rank and the raw fields, which only break
    /// ties between distinct values with the same span (e.g. `2024` and `2024..2024`).
    fn order_key(&self) -> (Date, Date, u8, i32, i32, i32) {
        let (rank, a, b, c) = match *self {
            Period::Year(y) => (0, y.into(), 0, 0),
            Period::Years { start, end } => (1, start.into(), end.into(), 0),
            Period::Half { year, half } => (2, year.into(), half.into(), 0),
            Period::Quarter { year, quarter } => (3, year.into(), quarter.into(), 0),
            Period::YearToDate { year, through } => (4, year.into(), through.into(), 0),
            Period::Month { year, month } => (5, year.into(), month.into(), 0),
            Period::Date(d) => (6, d.year().into(), d.month().into(), d.day().into()),
        };
        (self.start(), self.end(), rank, a, b, c)
    }
}

/// `done / total` as a normalized decimal (`total` is always positive at call sites).
fn ratio(done: i64, total: i64) -> Result<Decimal> {
    Decimal::from(done)
        .div_checked(Decimal::from(total))
        .map(|d| d.normalize())
        .ok_or_else(|| Error::new(ErrorKind::DivisionByZero, "period has no length"))
}

/// Orders by start date, then end date, so `2024-01` < `2024H1` < `2024` < `2024H2`;
/// periods with the same span (`2024` and `2024..2024`) are then ordered by variant and
/// fields, which keeps `Ord` consistent with `Eq`.
impl Ord for Period {
    fn cmp(&self, other: &Period) -> Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Period) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The canonical text, which [`Period::parse`] reads back to an equal value.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Half { year, half } => write!(f, "{year:04}H{half}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}Q{quarter}"),
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::YearToDate { year, through } => {
                write!(f, "{year:04}-01..{year:04}-{through:02}")
            }
            // Years outside 0..=9999 (possible only in hand-built dates) as ISO 8601's
            // expanded form, as jiff writes them: -000005-01-01.
            Period::Date(d) if !(0..=9999).contains(&d.year()) => {
                write!(f, "{:+07}-{:02}-{:02}", d.year(), d.month(), d.day())
            }
            Period::Date(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Period::Years { start, end } => write!(f, "{start:04}..{end:04}"),
        }
    }
}

/// What `#[derive(Debug)]` writes (`Year(2024)`, `Half { year: 2024, half: 1 }`,
/// `Date(2024-12-31)`), with the date written by [`Period`]'s `Display` rather than
/// jiff's, whose printer and error type would otherwise stay in the WebAssembly module
/// for [`Period::validate`]'s messages.
impl fmt::Debug for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => f.debug_tuple("Year").field(&y).finish(),
            Period::Half { year, half } => f
                .debug_struct("Half")
                .field("year", &year)
                .field("half", &half)
                .finish(),
            Period::Quarter { year, quarter } => f
                .debug_struct("Quarter")
                .field("year", &year)
                .field("quarter", &quarter)
                .finish(),
            Period::Month { year, month } => f
                .debug_struct("Month")
                .field("year", &year)
                .field("month", &month)
                .finish(),
            Period::YearToDate { year, through } => f
                .debug_struct("YearToDate")
                .field("year", &year)
                .field("through", &through)
                .finish(),
            Period::Date(_) => f
                .debug_tuple("Date")
                .field(&format_args!("{self}"))
                .finish(),
            Period::Years { start, end } => f
                .debug_struct("Years")
                .field("start", &start)
                .field("end", &end)
                .finish(),
        }
    }
}

impl FromStr for Period {
    type Err = Error;

    fn from_str(s: &str) -> Result<Period> {
        Period::parse(s)
    }
}

/// Serialized as its canonical string, e.g. `"2024Q3"`.
impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Deserialized from its canonical string with [`Period::parse`], so invalid periods are
/// rejected at load time.
impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Period, D::Error> {
        let text = String::deserialize(d)?;
        Period::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A byte cursor over the trimmed part (`pos..end`) of the original input, so error
/// offsets point into the text the caller passed. It only ever steps over ASCII bytes,
/// so every offset it reports is a character boundary.
struct Cursor<'a> {
    input: &'a str,
    pos: usize,
    end: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        if self.pos < self.end {
            self.input.as_bytes().get(self.pos).copied()
        } else {
            None
        }
    }

    fn error(&self, expected: &str) -> Error {
        Error::parse_at(self.input, self.pos, expected)
    }

    /// Exactly `n` (at most 2) ASCII digits. A short field is reported at its start,
    /// where the reader should look, rather than at the missing digit.
    fn digits(&mut self, n: usize, what: &str) -> Result<u8> {
        self.digits_u16(n, what).map(|v| v as u8) // n <= 2, so v <= 99
    }

    fn digits_u16(&mut self, n: usize, what: &str) -> Result<u16> {
        let at = self.pos;
        let mut value = 0;
        for _ in 0..n {
            match self.peek() {
                Some(b @ b'0'..=b'9') => value = value * 10 + u16::from(b - b'0'),
                _ => return Err(Error::parse_at(self.input, at, format!("a {what}"))),
            }
            self.pos += 1;
        }
        Ok(value)
    }

    /// A four-digit year in 1000–9999.
    fn year(&mut self) -> Result<i16> {
        let at = self.pos;
        let year = self.digits_u16(4, "four-digit year")? as i16; // at most 9999
        if !year_in_range(year) {
            return Err(period_error(
                self.input,
                at,
                "year must be between 1000 and 9999",
            ));
        }
        Ok(year)
    }

    /// A two-digit month 01–12.
    fn month(&mut self) -> Result<u8> {
        let at = self.pos;
        let month = self.digits(2, "two-digit month")?;
        if !(1..=12).contains(&month) {
            return Err(period_error(self.input, at, "month must be 01 to 12"));
        }
        Ok(month)
    }

    fn expect(&mut self, byte: u8, expected: &str) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    /// The range separator `..`.
    fn dots(&mut self) -> Result<()> {
        self.expect(b'.', "`..`")?;
        self.expect(b'.', "`..`")
    }

    fn finish(&self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("end of input")),
        }
    }
}

/// A character scanner for the written (Chinese) period forms, over the caller's text
/// so that error offsets point into it. Full-width digits count as digits.
struct Written<'a> {
    input: &'a str,
    pos: usize,
}

impl Written<'_> {
    fn peek(&self) -> Option<char> {
        self.input.part(self.pos, self.input.len()).chars().next()
    }

    fn eat(&mut self, word: &str) -> bool {
        if self
            .input
            .part(self.pos, self.input.len())
            .starts_with(word)
        {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    fn eat_any(&mut self, words: &[&str]) -> bool {
        words.iter().any(|w| self.eat(w))
    }

    fn digit(c: char) -> Option<u32> {
        match c {
            '0'..='9' => c.to_digit(10),
            '０'..='９' => Some(c as u32 - '０' as u32),
            _ => None,
        }
    }

    /// One or more digits (at most `max` of them); `None` when there is no digit here.
    fn number(&mut self, max: usize) -> Result<Option<u32>> {
        let start = self.pos;
        let mut value = 0u32;
        let mut n = 0;
        while let Some(d) = self.peek().and_then(Written::digit) {
            if n == max {
                return Err(Error::parse_at(self.input, start, "a shorter number"));
            }
            value = value * 10 + d;
            n += 1;
            self.pos += self.peek().map_or(1, char::len_utf8);
        }
        Ok((n > 0).then_some(value))
    }

    /// A month 1–12 written with one or two digits.
    fn month(&mut self) -> Result<Option<u8>> {
        let at = self.pos;
        match self.number(2)? {
            None => Ok(None),
            Some(m @ 1..=12) => Ok(Some(m as u8)),
            Some(_) => Err(period_error(self.input, at, "month must be 1 to 12")),
        }
    }

    /// A quarter number: 1–4 or 一二三四.
    fn quarter(&mut self) -> Option<u8> {
        let q = match self.peek()? {
            '一' | '1' | '１' => 1,
            '二' | '2' | '２' => 2,
            '三' | '3' | '３' => 3,
            '四' | '4' | '４' => 4,
            _ => return None,
        };
        self.pos += self.peek().map_or(1, char::len_utf8);
        Some(q)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.input.len()
    }

    fn finish(&self, period: Period) -> Result<Period> {
        if self.at_end() {
            Ok(period)
        } else {
            Err(Error::parse_at(
                self.input,
                self.pos,
                "the end of the period",
            ))
        }
    }
}

/// What [`Period::parse_written`] expects after "YYYY年".
const WRITTEN_FORMS: &str = "end of input, 末/底, 上半年/下半年, (第)一季度…四季度, 前三季度, \
     M月, 1-M月, M月末 or M月D日";

impl Period {
    /// Parses a period as statistical communiqués and office spreadsheets write it: every
    /// canonical form of [`Period::parse`], and the Chinese forms
    ///
    /// | written | period |
    /// |---|---|
    /// | `2024年`, `2024年度`, `2024年全年` | `2024` |
    /// | `2024年末`, `2024年底` | `2024-12-31` (a year-end reading) |
    /// | `2024年上半年`, `2024年下半年` | `2024H1`, `2024H2` |
    /// | `2024年第三季度`, `2024年三季度`, `2024年第3季度`, `2024年Q3` | `2024Q3` |
    /// | `2024年前三季度` | `2024-01..2024-09` |
    /// | `2024年1-9月` (also `1—9月`, `1~9月`, `1至9月`) | `2024-01..2024-09` |
    /// | `2024年9月`, `2024年09月` | `2024-09` |
    /// | `2024年6月末`, `2024年6月底` | `2024-06-30` |
    /// | `2024年12月31日` | `2024-12-31` |
    ///
    /// Full-width digits are accepted; spaces around the text and after 年 are ignored;
    /// `9月份` is `9月`. A range of
    /// months must start in January ("1-9月"): statistics publish running totals from
    /// the start of the year, and a "4-6月" is written `2024Q2`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Parse`] (or [`ErrorKind::Period`] for an impossible month or day)
    /// with the location in `input` and what was expected there.
    ///
    /// ```
    /// use planwatch::Period;
    /// assert_eq!(Period::parse_written("2024年1-9月")?.to_string(), "2024-01..2024-09");
    /// assert_eq!(Period::parse_written("2024年第三季度")?.to_string(), "2024Q3");
    /// assert_eq!(Period::parse_written("2024年末")?.to_string(), "2024-12-31");
    /// assert_eq!(Period::parse_written("2024H1")?.to_string(), "2024H1");
    /// assert!(Period::parse_written("2024年4-6月").is_err());
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn parse_written(input: &str) -> Result<Period> {
        let lead = input.len() - input.trim_start().len();
        let end = input.trim_end().len().max(lead);
        let text = input.part(0, end);
        if !text.part(lead, text.len()).contains('年') {
            return Period::parse(input);
        }
        let mut c = Written {
            input: text,
            pos: lead,
        };
        let at = c.pos;
        let year = match c.number(4)? {
            Some(y) if c.pos - at >= 4 => y,
            _ => return Err(Error::parse_at(input, at, "a four-digit year")),
        };
        let year = i16::try_from(year).unwrap_or(0);
        if !year_in_range(year) {
            return Err(period_error(
                input,
                at,
                "year must be between 1000 and 9999",
            ));
        }
        if !c.eat("年") {
            return Err(Error::parse_at(input, c.pos, "年 after the year"));
        }
        // "2024年 1-9月", as PDF tables and spreadsheets space it.
        while c.peek().is_some_and(crate::text::is_space) {
            c.pos += c.peek().map_or(1, char::len_utf8);
        }
        if c.at_end() || c.eat("度") || c.eat("全年") {
            return c.finish(Period::Year(year));
        }
        if c.eat_any(&["末", "底"]) {
            return c.finish(Period::Date(last_day(year, 12)));
        }
        if c.eat("上半年") {
            return c.finish(Period::Half { year, half: 1 });
        }
        if c.eat("下半年") {
            return c.finish(Period::Half { year, half: 2 });
        }
        if c.eat_any(&["前三季度", "前3季度"]) {
            return c.finish(Period::YearToDate { year, through: 9 });
        }
        if c.eat_any(&["Q", "q"]) {
            let q_at = c.pos;
            return match c.quarter() {
                Some(quarter) => c.finish(Period::Quarter { year, quarter }),
                None => Err(Error::parse_at(input, q_at, "a quarter 1 to 4")),
            };
        }
        let before_quarter = c.pos;
        let ordinal = c.eat("第");
        if let Some(quarter) = c.quarter() {
            if c.eat("季度") {
                return c.finish(Period::Quarter { year, quarter });
            }
        }
        if ordinal {
            return Err(Error::parse_at(
                input,
                before_quarter,
                "第一季度 to 第四季度",
            ));
        }
        c.pos = before_quarter;
        let month_at = c.pos;
        let Some(first) = c.month()? else {
            return Err(Error::parse_at(input, c.pos, WRITTEN_FORMS));
        };
        if c.eat_any(&["-", "－", "—", "–", "~", "～", "至", "到"]) {
            let through_at = c.pos;
            let Some(through) = c.month()? else {
                return Err(Error::parse_at(
                    input,
                    through_at,
                    "the last month of the range",
                ));
            };
            if !c.eat("月") {
                return Err(Error::parse_at(input, c.pos, "月"));
            }
            c.eat("份");
            if first != 1 {
                return Err(period_error(
                    input,
                    month_at,
                    "a range of months must start in January (1-9月); write a quarter or half otherwise",
                ));
            }
            if through < first {
                return Err(period_error(
                    input,
                    through_at,
                    "the range ends before it starts",
                ));
            }
            return c.finish(Period::YearToDate { year, through });
        }
        if !c.eat("月") {
            return Err(Error::parse_at(input, c.pos, "月"));
        }
        if c.at_end() || c.eat("份") {
            return c.finish(Period::Month { year, month: first });
        }
        if c.eat_any(&["末", "底"]) {
            return c.finish(Period::Date(last_day(year, first)));
        }
        let day_at = c.pos;
        let Some(day) = c.number(2)? else {
            return Err(Error::parse_at(
                input,
                c.pos,
                "月末, a day and 日, or the end",
            ));
        };
        if !c.eat_any(&["日", "号"]) {
            return Err(Error::parse_at(input, c.pos, "日"));
        }
        // Both fit in i8 (at most 12 and 99); jiff decides whether the day exists.
        let date = date(year, first as i8, day as i8)
            .ok_or_else(|| period_error(input, day_at, "day does not exist in that month"))?;
        c.finish(Period::Date(date))
    }
}

/// Parses a calendar date `YYYY-MM-DD` strictly: no time of day and no other form, so
/// a datetime such as `2025-01-20T10:30:00` is an error rather than silently cut.
///
/// This is how the bindings read an evaluation date (`as_of` in Python, `asOf` in
/// JavaScript): a period that is not a day is a `parse` error naming its kind.
pub fn parse_date(text: &str) -> Result<Date> {
    match Period::parse(text)? {
        Period::Date(d) => Ok(d),
        other => Err(Error::new(
            ErrorKind::Parse,
            format!(
                "expected a date YYYY-MM-DD, not the {} period {other}",
                other.kind()
            ),
        )
        .with_location(Location::at_byte(text, 0))
        .with_expected("a date YYYY-MM-DD")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use jiff::ToSpan;

    fn p(s: &str) -> Period {
        match Period::parse(s) {
            Ok(p) => p,
            Err(e) => panic!("{s:?} should parse: {e}"),
        }
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// Asserts that `s` fails with `kind` at character offset `char`.
    fn fails(s: &str, kind: ErrorKind, char: usize) -> Error {
        let e = Period::parse(s).expect_err(s);
        assert_eq!(e.kind(), kind, "{s:?}: {e}");
        assert_eq!(e.location().char, Some(char), "{s:?}: {e}");
        e
    }

    #[test]
    fn written_chinese_periods() {
        let cases = [
            ("2024年", "2024"),
            ("2024年度", "2024"),
            ("2024年全年", "2024"),
            (" 2024年末 ", "2024-12-31"),
            ("2024年底", "2024-12-31"),
            ("2024年上半年", "2024H1"),
            ("2024年下半年", "2024H2"),
            ("2024年第一季度", "2024Q1"),
            ("2024年第三季度", "2024Q3"),
            ("2024年四季度", "2024Q4"),
            ("2024年一季度", "2024Q1"),
            ("2024年第2季度", "2024Q2"),
            ("2024年Q3", "2024Q3"),
            ("2024年前三季度", "2024-01..2024-09"),
            ("2024年1-9月", "2024-01..2024-09"),
            ("2024年 1-9月份", "2024-01..2024-09"),
            ("2024年\u{3000}上半年", "2024H1"),
            ("2024年9月份", "2024-09"),
            ("2024年1—9月", "2024-01..2024-09"),
            ("2024年1至12月", "2024-01..2024-12"),
            ("2024年1-3月", "2024-01..2024-03"),
            ("2024年1月", "2024-01"),
            ("2024年09月", "2024-09"),
            ("2024年12月", "2024-12"),
            ("２０２４年１－９月", "2024-01..2024-09"),
            ("2024年6月末", "2024-06-30"),
            ("2024年2月底", "2024-02-29"),
            ("2024年12月31日", "2024-12-31"),
            // Canonical forms pass through.
            ("2024-01..2024-09", "2024-01..2024-09"),
            ("2024Q3", "2024Q3"),
        ];
        for (text, canonical) in cases {
            match Period::parse_written(text) {
                Ok(p) => assert_eq!(p.to_string(), canonical, "{text}"),
                Err(e) => panic!("{text:?} should parse: {e}"),
            }
        }
    }

    #[test]
    fn written_periods_fail_where_the_problem_is() {
        // (text, kind, character offset)
        let cases = [
            ("2024年4-6月", ErrorKind::Period, 5),
            ("2024年13月", ErrorKind::Period, 5),
            ("2024年2月30日", ErrorKind::Period, 7),
            ("2024年第五季度", ErrorKind::Parse, 5),
            ("2024年秋", ErrorKind::Parse, 5),
            ("2024年1-9", ErrorKind::Parse, 8),
            ("24年", ErrorKind::Parse, 0),
            ("2024年上半年底", ErrorKind::Parse, 8),
            ("0999年", ErrorKind::Period, 0),
            ("2024年9-1月", ErrorKind::Period, 5),
        ];
        for (text, kind, char) in cases {
            let e = Period::parse_written(text).expect_err(text);
            assert_eq!(e.kind(), kind, "{text:?}: {e}");
            assert_eq!(e.location().char, Some(char), "{text:?}: {e}");
        }
        // Periods keyed by the strict parser stay strict.
        assert!(Period::parse("2024年").is_err());
    }

    #[test]
    fn dates_are_strict() {
        assert_eq!(parse_date("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(parse_date("2025-01-20T10:30:00").is_err());
        assert!(parse_date("2024").is_err());
        assert!(parse_date("2023-02-29").is_err());
    }

    #[test]
    fn every_form_parses_and_round_trips() {
        let cases = [
            ("2024", Period::Year(2024)),
            (
                "2024H1",
                Period::Half {
                    year: 2024,
                    half: 1,
                },
            ),
            (
                "2024H2",
                Period::Half {
                    year: 2024,
                    half: 2,
                },
            ),
            (
                "2024Q3",
                Period::Quarter {
                    year: 2024,
                    quarter: 3,
                },
            ),
            (
                "2024-09",
                Period::Month {
                    year: 2024,
                    month: 9,
                },
            ),
            (
                "2024-01..2024-09",
                Period::YearToDate {
                    year: 2024,
                    through: 9,
                },
            ),
            ("2024-12-31", Period::Date(date(2024, 12, 31))),
            (
                "2021..2025",
                Period::Years {
                    start: 2021,
                    end: 2025,
                },
            ),
        ];
        for (text, period) in cases {
            assert_eq!(p(text), period, "{text}");
            assert_eq!(period.to_string(), text);
            assert_eq!(p(&period.to_string()), period);
            assert_eq!(text.parse::<Period>().unwrap(), period);
            assert!(period.validate().is_ok());
        }
    }

    #[test]
    fn lenient_only_in_case_and_whitespace() {
        assert_eq!(p(" 2024h1\n"), p("2024H1"));
        assert_eq!(p("\u{3000}2024q4 "), p("2024Q4"));
        assert_eq!(
            p("2024-01..2024-01"),
            Period::YearToDate {
                year: 2024,
                through: 1
            }
        );
    }

    #[test]
    fn malformed_text_is_a_parse_error_with_location() {
        fails("", ErrorKind::Parse, 0);
        fails("   ", ErrorKind::Parse, 3);
        fails("24", ErrorKind::Parse, 0);
        fails("20245", ErrorKind::Parse, 4);
        fails("2024 H1", ErrorKind::Parse, 4);
        fails("2024H", ErrorKind::Parse, 5);
        fails("2024H12", ErrorKind::Parse, 6);
        fails("2024M09", ErrorKind::Parse, 4);
        fails("2024-9", ErrorKind::Parse, 5);
        fails("2024-1..2024-9", ErrorKind::Parse, 5);
        fails("2024-01..2024", ErrorKind::Parse, 13);
        fails("2024..2025-03", ErrorKind::Parse, 10);
        fails("2024.2025", ErrorKind::Parse, 5);
        fails("2024-09-1", ErrorKind::Parse, 8);
        fails("2024-09-011", ErrorKind::Parse, 10);
        // Offsets count characters: the ideographic space is 3 bytes but 1 character.
        let e = fails("\u{3000}2024X", ErrorKind::Parse, 5);
        assert_eq!(e.location().byte, Some(7));
        assert_eq!(
            e.expected(),
            Some("`H1`/`H2`, `Q1`-`Q4`, `-MM`, `..YYYY`, or end of input")
        );
        assert_eq!(
            fails("２０２４", ErrorKind::Parse, 0).expected(),
            Some("a four-digit year")
        );
    }

    #[test]
    fn impossible_periods_are_period_errors_with_location() {
        fails("2024Q5", ErrorKind::Period, 5);
        fails("2024Q0", ErrorKind::Period, 5);
        fails("2024H3", ErrorKind::Period, 5);
        fails("2024-13", ErrorKind::Period, 5);
        fails("2024-00", ErrorKind::Period, 5);
        fails("2024-02-30", ErrorKind::Period, 8);
        fails("2025..2021", ErrorKind::Period, 6);
        fails("0999", ErrorKind::Period, 0);
        fails(" 2024..0999", ErrorKind::Period, 7);
        let e = fails("2024-03..2024-09", ErrorKind::Period, 5);
        assert!(e.message().contains("must start in January"), "{e}");
        let e = fails("2024-01..2025-03", ErrorKind::Period, 9);
        assert!(e.message().contains("same year") || e.message().contains("year it starts"));
    }

    #[test]
    fn leap_years() {
        assert_eq!(p("2024-02-29"), Period::Date(date(2024, 2, 29)));
        fails("2023-02-29", ErrorKind::Period, 8);
        assert_eq!(p("2024-02-29").previous_year().unwrap(), p("2023-02-28"));
        assert_eq!(p("2024-02").end(), date(2024, 2, 29));
        assert_eq!(p("2023-02").end(), date(2023, 2, 28));
    }

    #[test]
    fn spans() {
        assert_eq!(
            (p("2024H2").start(), p("2024H2").end()),
            (date(2024, 7, 1), date(2024, 12, 31))
        );
        assert_eq!(
            (p("2024Q3").start(), p("2024Q3").end()),
            (date(2024, 7, 1), date(2024, 9, 30))
        );
        assert_eq!(p("2024-01..2024-09").end(), date(2024, 9, 30));
        assert_eq!(p("2021..2025").start(), date(2021, 1, 1));
        assert_eq!(p("2021..2025").end(), date(2025, 12, 31));
        assert_eq!(p("2021..2025").year(), 2025);
        assert_eq!(p("2024-12-31").year(), 2024);
        let kinds: Vec<_> = [
            "2024",
            "2024H1",
            "2024Q1",
            "2024-01",
            "2024-01..2024-02",
            "2024-01-01",
            "2021..2025",
        ]
        .iter()
        .map(|s| p(s).kind())
        .collect();
        assert_eq!(
            kinds,
            ["year", "half", "quarter", "month", "ytd", "date", "years"]
        );
    }

    /// The structural check agrees with the round trip it stands in for: for every year
    /// and every half, quarter and month number a `u8` holds, and for ranges of years
    /// around the edges of the range.
    #[cfg(feature = "parallel")]
    #[test]
    fn plainly_valid_is_the_round_trip() {
        let round_trip = |p: Period| Period::parse(&p.to_string()).is_ok_and(|q| q == p);
        let edges: Vec<i16> = [i16::MIN, -1, 0, 1, 998, 999, 1000, 1001, 2024, 9998, 9999]
            .into_iter()
            .chain([10_000, 10_001, i16::MAX])
            .collect();
        let mut forms: Vec<Period> = (i16::MIN..=i16::MAX).map(Period::Year).collect();
        for year in edges.iter().copied().chain((1000..=9999).step_by(37)) {
            for n in 0..=u8::MAX {
                forms.push(Period::Half { year, half: n });
                forms.push(Period::Quarter { year, quarter: n });
                forms.push(Period::Month { year, month: n });
            }
        }
        for &start in &edges {
            for &end in &edges {
                forms.push(Period::Years { start, end });
            }
        }
        let mut checked = 0;
        for p in forms {
            let plain = p.plainly_valid();
            let year_range_equal = matches!(p, Period::Years { start, end } if start == end);
            if plain || !year_range_equal {
                assert_eq!(plain, round_trip(p), "{p:?}");
                checked += usize::from(plain);
            }
            assert_eq!(p.validate().is_ok(), round_trip(p), "{p:?}");
        }
        assert!(checked > 9_000, "{checked}");
    }

    #[test]
    fn previous_year() {
        assert_eq!(p("2024Q3").previous_year().unwrap(), p("2023Q3"));
        assert_eq!(
            p("2024-01..2024-09").previous_year().unwrap(),
            p("2023-01..2023-09")
        );
        assert_eq!(p("2021..2025").previous_year().unwrap(), p("2020..2024"));
        assert_eq!(p("2024H2").previous_year().unwrap(), p("2023H2"));
        assert_eq!(
            p("1000").previous_year().unwrap_err().kind(),
            ErrorKind::Period
        );
        assert_eq!(
            p("1000-06-30").previous_year().unwrap_err().kind(),
            ErrorKind::Period
        );
        assert_eq!(
            Period::Half {
                year: 2024,
                half: 3
            }
            .previous_year()
            .unwrap_err()
            .kind(),
            ErrorKind::Period
        );
    }

    #[test]
    fn contains_and_partial() {
        let year = p("2024");
        for inner in [
            "2024H1",
            "2024Q3",
            "2024-09",
            "2024-01..2024-09",
            "2024-12-31",
            "2024",
        ] {
            assert!(year.contains(&p(inner)), "{inner}");
        }
        assert!(!year.contains(&p("2025-01")));
        assert!(!p("2024H1").contains(&year));
        assert!(p("2021..2025").contains(&year));
        for part in ["2024-01..2024-09", "2024H1", "2024Q1", "2024-01"] {
            assert!(p(part).is_partial_of(&year), "{part}");
        }
        for not in [
            "2024",
            "2024H2",
            "2024Q3",
            "2024-01..2024-12",
            "2024-01-01",
            "2023-01..2023-09",
        ] {
            assert!(!p(not).is_partial_of(&year), "{not}");
        }
        assert!(year.is_partial_of(&p("2024..2025")));
    }

    #[test]
    fn elapsed_shares() {
        let year = p("2024");
        let share = |s: &str, within: &Period| p(s).elapsed_share(within).unwrap();
        assert_eq!(share("2024-01..2024-09", &year), dec("0.75"));
        assert_eq!(share("2024H1", &year), dec("0.5"));
        assert_eq!(share("2024Q3", &year), dec("0.75"));
        assert_eq!(
            share("2024-02", &year),
            dec("0.1666666666666666666666666667")
        );
        assert_eq!(
            share("2024-06-30", &year),
            dec("0.4972677595628415300546448087")
        ); // 182/366
        assert_eq!(share("2024-07-01", &year), dec("0.5")); // 183/366
        assert_eq!(
            share("2023-07-01", &p("2023")),
            dec("0.4986301369863013698630136986")
        ); // 182/365
        assert_eq!(share("2022", &p("2021..2025")), dec("0.4"));
        assert_eq!(share("2023-12-31", &year), Decimal::ZERO);
        assert_eq!(share("2023Q4", &year), Decimal::ZERO);
        assert_eq!(share("2025-01-01", &year), Decimal::ONE);
        assert_eq!(share("2024-12-31", &year), Decimal::ONE);
        assert_eq!(share("2024", &year), Decimal::ONE);
        assert_eq!(share("2024-12-31", &p("2024-12-31")), Decimal::ONE);
        assert_eq!(share("2024-01..2024-09", &year).to_string(), "0.75");
        let bad = Period::Years {
            start: 2025,
            end: 2021,
        };
        assert_eq!(
            p("2024").elapsed_share(&bad).unwrap_err().kind(),
            ErrorKind::Period
        );
    }

    #[test]
    fn months_elapsed() {
        let m = |s: &str| p(s).months_elapsed_in_year();
        assert_eq!(m("2024-01..2024-09"), Some(9));
        assert_eq!(m("2024H1"), Some(6));
        assert_eq!(m("2024Q3"), Some(9));
        assert_eq!(m("2024-09"), None);
        assert_eq!(m("2024"), None);
        assert_eq!(m("2024-09-30"), None);
        assert_eq!(
            Period::Quarter {
                year: 2024,
                quarter: 200
            }
            .months_elapsed_in_year(),
            None
        );
    }

    #[test]
    fn time_progress() {
        let year = p("2024");
        assert_eq!(year.time_progress(date(2024, 7, 1)), dec("0.5"));
        assert_eq!(year.time_progress(date(2024, 1, 1)), dec("1") / dec("366"));
        assert_eq!(year.time_progress(date(2023, 12, 31)), Decimal::ZERO);
        assert_eq!(year.time_progress(date(2024, 12, 31)), Decimal::ONE);
        assert_eq!(year.time_progress(date(2030, 1, 1)), Decimal::ONE);
        assert_eq!(
            p("2024-12-31").time_progress(date(2024, 12, 30)),
            Decimal::ZERO
        );
    }

    #[test]
    fn ordering() {
        let mut v: Vec<Period> = [
            "2024H2",
            "2024",
            "2023",
            "2024-01",
            "2024H1",
            "2024..2024",
            "2024-01-01",
            "2021..2025",
        ]
        .iter()
        .map(|s| p(s))
        .collect();
        v.sort();
        let text: Vec<String> = v.iter().map(Period::to_string).collect();
        assert_eq!(
            text,
            [
                "2021..2025",
                "2023",
                "2024-01-01",
                "2024-01",
                "2024H1",
                "2024",
                "2024..2024",
                "2024H2"
            ]
        );
        assert_eq!(p("2024").cmp(&p("2024..2024")), Ordering::Less);
        assert_ne!(p("2024-01"), p("2024-01..2024-01"));
        assert_ne!(p("2024-01").cmp(&p("2024-01..2024-01")), Ordering::Equal);
    }

    #[test]
    fn hand_built_invalid_values_do_not_panic() {
        let weird = [
            Period::Year(i16::MIN),
            Period::Year(i16::MAX),
            Period::Half {
                year: 2024,
                half: 255,
            },
            Period::Quarter {
                year: 2024,
                quarter: 0,
            },
            Period::Month {
                year: -20000,
                month: 99,
            },
            Period::YearToDate {
                year: 2024,
                through: 0,
            },
            Period::Years {
                start: 9999,
                end: 1000,
            },
        ];
        for w in weird {
            assert_eq!(w.validate().unwrap_err().kind(), ErrorKind::Period, "{w:?}");
            let _ = (
                w.start(),
                w.end(),
                w.to_string(),
                w.time_progress(date(2024, 5, 5)),
            );
            assert!(w.previous_year().is_err());
            assert!(w.elapsed_share(&p("2024")).is_err());
            let _ = (
                w.is_partial_of(&p("2024")),
                w.contains(&p("2024")),
                w.cmp(&p("2024")),
            );
        }
    }

    fn any_period() -> impl proptest::strategy::Strategy<Value = Period> {
        use proptest::prelude::*;
        (1000i16..=9999, 0u8..7, 1u8..=12, 1i8..=31, 0i16..10).prop_map(|(y, k, m, d, n)| match k {
            0 => Period::Year(y),
            1 => Period::Half {
                year: y,
                half: m % 2 + 1,
            },
            2 => Period::Quarter {
                year: y,
                quarter: m % 4 + 1,
            },
            3 => Period::Month { year: y, month: m },
            4 => Period::YearToDate {
                year: y,
                through: m,
            },
            5 => Period::Date(first_day(y, m).saturating_add(i64::from(d - 1).days())),
            _ => Period::Years {
                start: y,
                end: (y + n).min(MAX_YEAR),
            },
        })
    }

    proptest::proptest! {
        #[test]
        fn prop_round_trip_and_shares_in_range(a in any_period(), b in any_period()) {
            proptest::prop_assert_eq!(Period::parse(&a.to_string()).unwrap(), a);
            proptest::prop_assert!(a.start() <= a.end());
            let share = a.elapsed_share(&b).unwrap();
            proptest::prop_assert!(Decimal::ZERO <= share && share <= Decimal::ONE);
            let t = b.time_progress(a.end());
            proptest::prop_assert!(Decimal::ZERO <= t && t <= Decimal::ONE);
            proptest::prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
            proptest::prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        }

        #[test]
        fn prop_parse_never_panics(s in "\\PC{0,20}|[0-9HQhq.\\- ]{0,20}") {
            let _ = Period::parse(&s);
        }
    }

    #[test]
    fn serde_uses_the_canonical_string() {
        let period = p("2024-01..2024-09");
        let json = serde_json::to_string(&period).unwrap();
        assert_eq!(json, "\"2024-01..2024-09\"");
        assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), period);
        let e = serde_json::from_str::<Period>("\"2024Q5\"").unwrap_err();
        assert!(e.to_string().contains("expected quarter 1 to 4"), "{e}");
        assert!(serde_json::from_str::<Period>("2024").is_err());
    }

    /// `date`, `next_day` and `previous_day` give what jiff's `Date::new`, `tomorrow`
    /// and `yesterday` give, `None` where those fail, across leap years, month ends and
    /// the ends of jiff's range.
    #[test]
    fn date_steps_agree_with_jiff() {
        let years = [
            i16::MIN,
            -10_000,
            -9_999,
            -9_998,
            -1,
            0,
            1,
            1900,
            2000,
            2023,
            2024,
            2100,
            9_998,
            9_999,
            10_000,
            i16::MAX,
        ];
        for &y in &years {
            for m in -1..=13_i8 {
                for d in -1..=32_i8 {
                    let want = Date::new(y, m, d).ok();
                    assert_eq!(super::date(y, m, d), want, "{y}-{m}-{d}");
                    if let Some(day) = want {
                        assert_eq!(next_day(day), day.tomorrow().ok(), "after {day}");
                        assert_eq!(previous_day(day), day.yesterday().ok(), "before {day}");
                    }
                }
            }
        }
    }

    /// The hand-written `Debug` writes what `#[derive(Debug)]` wrote: the same variant
    /// and field names, and a date as jiff's `Debug` writes it.
    #[test]
    fn debug_is_the_derived_form() {
        #[derive(Debug)]
        #[allow(dead_code)]
        enum Derived {
            Year(i16),
            Half { year: i16, half: u8 },
            Quarter { year: i16, quarter: u8 },
            Month { year: i16, month: u8 },
            YearToDate { year: i16, through: u8 },
            Date(Date),
            Years { start: i16, end: i16 },
        }
        let pairs = [
            (Period::Year(2024), Derived::Year(2024)),
            (
                Period::Half {
                    year: 2024,
                    half: 2,
                },
                Derived::Half {
                    year: 2024,
                    half: 2,
                },
            ),
            (
                Period::Quarter {
                    year: -3,
                    quarter: 9,
                },
                Derived::Quarter {
                    year: -3,
                    quarter: 9,
                },
            ),
            (
                Period::Month {
                    year: 2024,
                    month: 13,
                },
                Derived::Month {
                    year: 2024,
                    month: 13,
                },
            ),
            (
                Period::YearToDate {
                    year: 2024,
                    through: 9,
                },
                Derived::YearToDate {
                    year: 2024,
                    through: 9,
                },
            ),
            (
                Period::Date(date(2024, 2, 29)),
                Derived::Date(date(2024, 2, 29)),
            ),
            (Period::Date(Date::MIN), Derived::Date(Date::MIN)),
            (Period::Date(date(-5, 1, 1)), Derived::Date(date(-5, 1, 1))),
            (Period::Date(date(7, 3, 4)), Derived::Date(date(7, 3, 4))),
            (
                Period::Years {
                    start: 2021,
                    end: 2025,
                },
                Derived::Years {
                    start: 2021,
                    end: 2025,
                },
            ),
        ];
        for (period, derived) in &pairs {
            assert_eq!(format!("{period:?}"), format!("{derived:?}"));
            assert_eq!(format!("{period:#?}"), format!("{derived:#?}"));
        }
    }
}
