//! The observations of a batch, kept in chunks of at most [`CHUNK`] rows rather than
//! one vector: a million rows are never one allocation of 88 MB. An allocation that
//! large always comes fresh from the system, a page fault for each of its pages, while
//! chunks of a few megabytes reuse what the process freed a moment ago (reading a plan
//! before its observations frees about as much). BENCHMARKS.md, "Through Arrow",
//! session 19.
//!
//! A WebAssembly module keeps one vector (module `wasm` below): its memory only grows
//! and is never handed back, so there is nothing to reuse or to fault again, and every
//! byte of code counts against the module's budget.

use super::Observation;

/// Most rows a chunk is given by [`Chunks::push`] (5.8 MB of observations); a reader
/// that fills its own chunks keeps to it too.
#[cfg_attr(target_family = "wasm", allow(dead_code))]
pub(crate) const CHUNK: usize = 65_536;

/// Observations in load order, in chunks, none empty.
#[cfg(not(target_family = "wasm"))]
#[derive(Debug, Clone, Default)]
pub(super) struct Chunks {
    chunks: Vec<Vec<Observation>>,
    /// The position in the batch of each chunk's first row.
    starts: Vec<usize>,
    len: usize,
}

#[cfg(not(target_family = "wasm"))]
impl Chunks {
    pub(super) fn len(&self) -> usize {
        self.len
    }

    pub(super) fn push(&mut self, o: Observation) {
        match self.chunks.last_mut() {
            Some(last) if last.len() < CHUNK => last.push(o),
            _ => {
                self.starts.push(self.len);
                self.chunks.push(vec![o]);
            }
        }
        self.len += 1;
    }

    /// Adds the rows of `chunk` as a chunk of their own (no copy), or to the last chunk
    /// when they fit there (the many small batches of a stream).
    #[cfg(feature = "arrow")]
    pub(super) fn append(&mut self, mut chunk: Vec<Observation>) {
        if let Some(last) = self
            .chunks
            .last_mut()
            .filter(|last| last.len() + chunk.len() <= CHUNK)
        {
            self.len += chunk.len();
            last.append(&mut chunk);
        } else if !chunk.is_empty() {
            self.starts.push(self.len);
            self.len += chunk.len();
            self.chunks.push(chunk);
        }
    }

    /// The observation at position `i` of the batch.
    pub(super) fn get(&self, i: usize) -> Option<&Observation> {
        // Most chunks hold `CHUNK` rows, so row `i` is in chunk `i / CHUNK`, or the one
        // before when a reader's run lost bad rows; else the chunks are searched.
        let guess = i / CHUNK;
        for c in [guess, guess.wrapping_sub(1)] {
            if let (Some(&s), Some(chunk)) = (self.starts.get(c), self.chunks.get(c)) {
                if let Some(o) = i.checked_sub(s).and_then(|k| chunk.get(k)) {
                    return Some(o);
                }
            }
        }
        let c = self.starts.partition_point(|&s| s <= i).checked_sub(1)?;
        self.chunks.get(c)?.get(i - self.starts.get(c)?)
    }

    /// Each chunk with the position of its first row.
    #[cfg(feature = "parallel")]
    pub(super) fn runs(&self) -> impl Iterator<Item = (usize, &[Observation])> {
        self.starts
            .iter()
            .copied()
            .zip(self.chunks.iter().map(Vec::as_slice))
    }

    pub(super) fn iter(&self) -> Iter<'_> {
        Iter {
            rows: self.chunks.iter().flatten(),
            left: self.len,
        }
    }

    pub(super) fn into_rows(self) -> impl Iterator<Item = Observation> {
        self.chunks.into_iter().flatten()
    }
}

/// The observations of a batch in load order: [`Observations::iter`](super::Observations::iter).
#[cfg(not(target_family = "wasm"))]
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    /// The chunks' rows, from both ends (std's `Flatten`).
    rows: std::iter::Flatten<std::slice::Iter<'a, Vec<Observation>>>,
    /// Rows not yet yielded: `Flatten` does not know its length.
    left: usize,
}

#[cfg(not(target_family = "wasm"))]
impl<'a> Iterator for Iter<'a> {
    type Item = &'a Observation;

    fn next(&mut self) -> Option<&'a Observation> {
        let o = self.rows.next()?;
        self.left -= 1;
        Some(o)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

#[cfg(not(target_family = "wasm"))]
impl<'a> DoubleEndedIterator for Iter<'a> {
    fn next_back(&mut self) -> Option<&'a Observation> {
        let o = self.rows.next_back()?;
        self.left -= 1;
        Some(o)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl std::iter::FusedIterator for Iter<'_> {}

#[cfg(target_family = "wasm")]
pub(super) use wasm::Chunks;
#[cfg(target_family = "wasm")]
pub use wasm::Iter;

/// One vector, with the interface of the chunks.
#[cfg(target_family = "wasm")]
mod wasm {
    use super::Observation;

    #[derive(Debug, Clone, Default)]
    pub(in crate::observation) struct Chunks(Vec<Observation>);

    impl Chunks {
        pub(in crate::observation) fn len(&self) -> usize {
            self.0.len()
        }

        pub(in crate::observation) fn push(&mut self, o: Observation) {
            self.0.push(o);
        }

        #[cfg(feature = "arrow")]
        pub(in crate::observation) fn append(&mut self, mut chunk: Vec<Observation>) {
            self.0.append(&mut chunk);
        }

        pub(in crate::observation) fn get(&self, i: usize) -> Option<&Observation> {
            self.0.get(i)
        }

        #[cfg(feature = "parallel")]
        pub(in crate::observation) fn runs(&self) -> impl Iterator<Item = (usize, &[Observation])> {
            std::iter::once((0, self.0.as_slice()))
        }

        pub(in crate::observation) fn iter(&self) -> Iter<'_> {
            Iter(self.0.iter())
        }

        pub(in crate::observation) fn into_rows(self) -> impl Iterator<Item = Observation> {
            self.0.into_iter()
        }
    }

    /// The observations of a batch in load order:
    /// [`Observations::iter`](crate::Observations::iter).
    #[derive(Debug, Clone)]
    pub struct Iter<'a>(std::slice::Iter<'a, Observation>);

    impl<'a> Iterator for Iter<'a> {
        type Item = &'a Observation;

        fn next(&mut self) -> Option<&'a Observation> {
            self.0.next()
        }

        fn size_hint(&self) -> (usize, Option<usize>) {
            self.0.size_hint()
        }
    }

    impl<'a> DoubleEndedIterator for Iter<'a> {
        fn next_back(&mut self) -> Option<&'a Observation> {
            self.0.next_back()
        }
    }
}

#[cfg(all(
    test,
    feature = "arrow",
    feature = "parallel",
    not(target_family = "wasm")
))]
mod tests {
    use super::*;
    use crate::{Period, Quantity, Unit};
    use rust_decimal::Decimal;

    fn obs(i: usize) -> Observation {
        Observation::new(
            "x",
            Period::Year(2024),
            Quantity::new(Decimal::from(i), Unit::NONE),
        )
    }

    fn value(o: &Observation) -> Decimal {
        o.value.value()
    }

    #[test]
    fn rows_keep_their_order_and_positions_across_chunks() {
        let mut c = Chunks::default();
        for i in 0..CHUNK + 3 {
            c.push(obs(i));
        }
        c.append(Vec::new());
        // Too long for the last chunk (3 rows): a chunk of its own, which the next push
        // fills, and the one after starts a fourth.
        c.append((CHUNK + 3..2 * CHUNK + 2).map(obs).collect());
        c.push(obs(2 * CHUNK + 2));
        c.push(obs(2 * CHUNK + 3));
        let n = 2 * CHUNK + 4;
        assert_eq!(c.len(), n);
        let lens: Vec<usize> = c.runs().map(|(_, run)| run.len()).collect();
        assert_eq!(lens, [CHUNK, 3, CHUNK, 1]);
        let forward: Vec<Decimal> = c.iter().map(value).collect();
        assert_eq!(forward, (0..n).map(Decimal::from).collect::<Vec<_>>());
        let mut backward: Vec<Decimal> = c.iter().rev().map(value).collect();
        backward.reverse();
        assert_eq!(backward, forward);
        for i in [
            0,
            1,
            CHUNK - 1,
            CHUNK,
            CHUNK + 2,
            CHUNK + 3,
            2 * CHUNK - 1,
            2 * CHUNK + 2,
            2 * CHUNK + 3,
        ] {
            assert_eq!(c.get(i).map(value), Some(Decimal::from(i)), "row {i}");
        }
        assert!(c.get(n).is_none());
        let mut it = c.iter();
        assert_eq!(it.len(), n);
        it.next();
        it.next_back();
        assert_eq!(it.len(), n - 2);
        assert_eq!(it.count(), n - 2);
        // Both ends meeting inside one chunk give each row once.
        let mut it = c.iter();
        let (mut seen, mut flip) = (0, false);
        while (if flip { it.next() } else { it.next_back() }).is_some() {
            seen += 1;
            flip = !flip;
        }
        assert_eq!(seen, n);
        assert_eq!(c.into_rows().count(), n);
    }

    #[test]
    fn small_runs_fill_the_last_chunk_and_positions_still_find_every_row() {
        // A stream of small batches, some of whose rows were bad: runs of 1,000 and 999
        // rows fill a chunk until the next would not fit.
        let mut c = Chunks::default();
        let mut n = 0;
        for k in 0..300 {
            let len = 1_000 - k % 2;
            c.append((n..n + len).map(obs).collect());
            n += len;
        }
        assert_eq!(c.len(), n);
        assert!(c.runs().all(|(_, run)| run.len() <= CHUNK));
        assert_eq!(c.runs().count(), 5, "{n} rows");
        for i in (0..n).step_by(7).chain([n - 1]) {
            assert_eq!(c.get(i).map(value), Some(Decimal::from(i)), "row {i}");
        }
        assert!(c.iter().map(value).eq((0..n).map(Decimal::from)));
    }
}
