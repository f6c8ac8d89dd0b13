//! Which observations of a batch an evaluation sees: all of them, or a subset by row
//! index (a plan's own jurisdiction within a national batch). Row indices stay those of
//! the whole batch, so every issue still points at the row it was read from.

use crate::indicator::Indicator;
use crate::observation::{Observation, Observations};
use crate::plan::Plan;

/// The position [`Rows::positions`] gives a row whose id no indicator of the plan has.
pub(crate) const UNKNOWN: usize = usize::MAX;

/// Below this many rows the ids are looked up on one thread.
#[cfg(feature = "parallel")]
const PARALLEL_MIN_ROWS: usize = 50_000;

/// A view of a batch of observations: every row, or the rows at `only` (ascending).
#[derive(Clone, Copy)]
pub(crate) struct Rows<'a> {
    pub(crate) all: &'a Observations,
    pub(crate) only: Option<&'a [usize]>,
}

impl<'a> Rows<'a> {
    /// Every row of `all`.
    pub(crate) fn all(all: &'a Observations) -> Rows<'a> {
        Rows { all, only: None }
    }

    /// The rows of `all` at `only`, which must be ascending (load order is kept).
    pub(crate) fn subset(all: &'a Observations, only: &'a [usize]) -> Rows<'a> {
        Rows {
            all,
            only: Some(only),
        }
    }

    /// The rows seen, in load order, each with its index in the whole batch.
    pub(crate) fn iter(self) -> Box<dyn Iterator<Item = (usize, &'a Observation)> + 'a> {
        let all = self.all;
        match self.only {
            None => Box::new(all.iter().enumerate()),
            Some(only) => Box::new(only.iter().filter_map(move |&i| all.get(i).map(|o| (i, o)))),
        }
    }

    /// Each seen row's indicator, in the order of [`iter`](Rows::iter): its position
    /// in `plan.indicators` as `indicators` ([`indicators_of`] the plan) gives it, or
    /// [`UNKNOWN`]. One hash per row, shared by the index of the evaluation and the
    /// check of the rows, which would otherwise each look every id up; on every core
    /// for a large batch with `parallel` (and the feature).
    pub(crate) fn positions(self, indicators: &Indicators<'_>, parallel: bool) -> Vec<usize> {
        let of = |o: &Observation| {
            indicators
                .get(o.indicator.as_ref())
                .map_or(UNKNOWN, |(i, _)| *i)
        };
        #[cfg(feature = "parallel")]
        if parallel && self.only.is_none() && self.all.len() >= PARALLEL_MIN_ROWS {
            let mut out = vec![UNKNOWN; self.all.len()];
            self.all.fill(&mut out, |_, o| of(o));
            return out;
        }
        let _ = parallel;
        self.iter().map(|(_, o)| of(o)).collect()
    }
}

/// The plan's indicators by id, each with its position: the first of each id wins, as
/// in `Plan::indicator`. (One map type for the evaluation's lookups: each key and value
/// type compiles the hash map again into the WebAssembly module.)
pub(crate) type Indicators<'a> = crate::fast_hash::FastMap<&'a str, (usize, &'a Indicator)>;

/// [`Indicators`] of `plan`.
pub(crate) fn indicators_of(plan: &Plan) -> Indicators<'_> {
    let mut indicators = Indicators::default();
    indicators.reserve(plan.indicators.len());
    for (i, ind) in plan.indicators.iter().enumerate() {
        indicators.entry(ind.id.as_str()).or_insert((i, ind));
    }
    indicators
}
