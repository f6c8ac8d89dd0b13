//! The values a plan binds to `ref:` keys.

use std::fmt;

use crate::quantity::Quantity;

/// The values bound to `ref:` keys (a city's quota for a district), one per key, in key
/// order: a map with the few methods a plan needs.
///
/// A plan binds a handful of keys, so they are kept as a sorted list rather than a
/// `BTreeMap`, whose code is large in the WebAssembly module (−1.8 KB gzipped,
/// BENCHMARKS.md); iteration, the written files and `Debug` are in key order as before.
#[derive(Clone, Default, PartialEq)]
pub struct References(Vec<(String, Quantity)>);

impl References {
    /// No references.
    pub fn new() -> References {
        References::default()
    }

    /// The value bound to `key`.
    pub fn get(&self, key: &str) -> Option<&Quantity> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Binds `value` to `key`, returning the value it replaces. Checks nothing: use
    /// [`Plan::bind_reference`](crate::Plan::bind_reference) to check the value's unit
    /// against the targets that use it.
    pub fn insert(&mut self, key: impl Into<String>, value: Quantity) -> Option<Quantity> {
        let key = key.into();
        // The first key not before it: the same key, or where it goes.
        let at = self.0.partition_point(|(k, _)| *k < key);
        match self.0.get_mut(at) {
            Some((k, v)) if *k == key => Some(std::mem::replace(v, value)),
            _ => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    /// Unbinds `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Quantity> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    /// The keys and values in key order.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.0.iter())
    }

    /// How many keys are bound.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no key is bound.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// As a map: `{"city_quota": …}`.
impl fmt::Debug for References {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a References {
    type Item = (&'a str, &'a Quantity);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The references of a plan in key order, from [`References::iter`].
#[derive(Debug, Clone)]
pub struct Iter<'a>(std::slice::Iter<'a, (String, Quantity)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a Quantity);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k.as_str(), v))
    }
}
