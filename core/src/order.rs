//! One stable sort for the paths that are not hot.
//!
//! Each `sort_by` on a new element type or comparator compiles the whole of the
//! standard library's stable sort again, about 4 KB of WebAssembly each; ten of them
//! were 7 % of the module's code. These helpers sort a permutation of indices through
//! one comparator type, so the sort is compiled once. The evaluation index, which sorts
//! a million rows, keeps its own `sort_by`.

use std::cmp::Ordering;

/// Sorts `v` by `key`, stably; each key is computed once.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &mut |a, b| keys[a].cmp(&keys[b]));
    permute(v, &order);
}

/// The one instance of the standard sort: indices through a dynamic comparator.
#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

/// Reorders `v` so that its `i`-th element is the old `v[order[i]]`.
fn permute<T>(v: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        let mut want = v.clone();
        want.sort_by_key(|p| p.0);
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, want);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn prop_matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, 0u16..1000), 0..60)) {
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            let mut got = v;
            sort_by_key(&mut got, |p| p.0);
            proptest::prop_assert_eq!(got, want);
        }
    }
}
