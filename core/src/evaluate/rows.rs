//! Which observations of a batch an evaluation sees: all of them, or a subset by row
//! index (a plan's own jurisdiction within a national batch). Row indices stay those of
//! the whole batch, so every issue still points at the row it was read from.

use crate::observation::{Observation, Observations};

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
        let items = self.all.iter().as_slice();
        match self.only {
            None => Box::new(items.iter().enumerate()),
            Some(only) => Box::new(
                only.iter()
                    .filter_map(move |&i| items.get(i).map(|o| (i, o))),
            ),
        }
    }
}
