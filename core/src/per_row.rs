//! Work done once per row of a large table, on every core: the rows are independent,
//! so the results are the same as on one thread, in row order; and two independent
//! pieces of work side by side.

/// Below this many rows a table is read on one thread: splitting costs more than it
/// saves.
#[cfg(feature = "parallel")]
const PARALLEL_MIN_ROWS: usize = 10_000;

/// True when a table of `rows` rows is worth splitting over the cores (never without
/// the `parallel` feature).
pub(crate) fn large(rows: usize) -> bool {
    #[cfg(feature = "parallel")]
    return rows >= PARALLEL_MIN_ROWS;
    #[cfg(not(feature = "parallel"))]
    {
        let _ = rows;
        false
    }
}

/// `f` of each row `0..rows`, in row order, each call given its thread's scratch string:
/// on every core for a large table with the `parallel` feature.
pub(crate) fn per_row<T: Send>(rows: usize, f: impl Fn(usize, &mut String) -> T + Sync) -> Vec<T> {
    per_row_with(rows, f)
}

/// As [`per_row`], with a scratch of any kind (what one thread keeps between its rows,
/// such as a memo of the distinct texts it has read).
pub(crate) fn per_row_with<S: Default, T: Send>(
    rows: usize,
    f: impl Fn(usize, &mut S) -> T + Sync,
) -> Vec<T> {
    #[cfg(feature = "parallel")]
    if large(rows) {
        use rayon::prelude::*;
        return (0..rows)
            .into_par_iter()
            .with_min_len(1024)
            .map_init(S::default, |scratch, row| f(row, scratch))
            .collect();
    }
    let mut scratch = S::default();
    (0..rows).map(|row| f(row, &mut scratch)).collect()
}

/// Both results: side by side on two threads with the `parallel` feature and
/// `parallel`, else one after the other.
pub(crate) fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    #[cfg(feature = "parallel")]
    if parallel {
        return rayon::join(a, b);
    }
    let _ = parallel;
    (a(), b())
}
