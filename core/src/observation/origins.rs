//! Where each observation of a batch was read, kept in runs: the consecutive records of
//! one file (a million Arrow rows) are one run of a few words, not 32 bytes a row.
//! CSV lines and sheet rows, which carry their columns, keep one origin each.

use super::{Origin, RowAt};

/// The origins of a batch, parallel to its items (`None`: built in code).
#[derive(Debug, Clone, Default)]
pub(super) struct Origins {
    runs: Vec<Run>,
    len: usize,
}

#[derive(Debug, Clone)]
struct Run {
    /// Position in the batch of the run's first item.
    start: usize,
    len: usize,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    /// Observations built in code.
    Unknown,
    /// Records `first..first + len` of file `file`.
    Records { file: usize, first: usize },
    /// One origin per item.
    Each(Vec<Origin>),
}

impl Run {
    /// The origin of the run's `k`-th item.
    fn origin(&self, k: usize) -> Option<Origin> {
        match &self.kind {
            Kind::Unknown => None,
            Kind::Records { file, first } => Some(Origin {
                file: *file,
                at: RowAt::Index(first + k),
            }),
            Kind::Each(each) => each.get(k).copied(),
        }
    }
}

impl Origins {
    /// `n` observations built in code.
    pub(super) fn unknown(n: usize) -> Origins {
        let mut o = Origins::default();
        o.push_run(n, Kind::Unknown);
        o
    }

    /// Adds the origin of the next item.
    pub(super) fn push(&mut self, origin: Option<Origin>) {
        if let Some(last) = self.runs.last_mut() {
            let joins = match (&mut last.kind, origin) {
                (Kind::Unknown, None) => true,
                (
                    Kind::Records { file, first },
                    Some(Origin {
                        file: f,
                        at: RowAt::Index(i),
                    }),
                ) => *file == f && first.checked_add(last.len) == Some(i),
                (Kind::Each(each), Some(o)) if !matches!(o.at, RowAt::Index(_)) => {
                    each.push(o);
                    true
                }
                _ => false,
            };
            if joins {
                last.len += 1;
                self.len += 1;
                return;
            }
        }
        let kind = match origin {
            None => Kind::Unknown,
            Some(Origin {
                file,
                at: RowAt::Index(first),
            }) => Kind::Records { file, first },
            Some(o) => Kind::Each(vec![o]),
        };
        self.push_run(1, kind);
    }

    /// Adds `n` items read as records `first..first + n` of `file`.
    pub(super) fn push_records(&mut self, file: usize, first: usize, n: usize) {
        match self.runs.last_mut() {
            Some(Run {
                len,
                kind: Kind::Records { file: f, first: s },
                ..
            }) if *f == file && s.checked_add(*len) == Some(first) => {
                *len += n;
                self.len += n;
            }
            _ => self.push_run(n, Kind::Records { file, first }),
        }
    }

    fn push_run(&mut self, n: usize, kind: Kind) {
        if n == 0 {
            return;
        }
        self.runs.push(Run {
            start: self.len,
            len: n,
            kind,
        });
        self.len += n;
    }

    /// The origin of item `i`.
    pub(super) fn get(&self, i: usize) -> Option<Origin> {
        if i >= self.len {
            return None;
        }
        let run = &self.runs[self.runs.partition_point(|r| r.start <= i).checked_sub(1)?];
        run.origin(i - run.start)
    }

    /// Every item's origin, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = Option<Origin>> + '_ {
        self.runs
            .iter()
            .flat_map(|run| (0..run.len).map(move |k| run.origin(k)))
    }

    /// Appends `other`'s origins, its file indices mapped by `file`.
    pub(super) fn append(&mut self, other: Origins, file: impl Fn(usize) -> usize) {
        for run in other.runs {
            match run.kind {
                Kind::Unknown => self.push_run(run.len, Kind::Unknown),
                Kind::Records { file: f, first } => self.push_records(file(f), first, run.len),
                Kind::Each(each) => {
                    for o in each {
                        self.push(Some(Origin {
                            file: file(o.file),
                            at: o.at,
                        }));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(file: usize, i: usize) -> Option<Origin> {
        Some(Origin {
            file,
            at: RowAt::Index(i),
        })
    }

    fn line(file: usize, l: usize) -> Option<Origin> {
        Some(Origin {
            file,
            at: RowAt::Line(l, [1, 2, 3, 0, 0, 0, 0, 0]),
        })
    }

    fn key(o: Option<Origin>) -> Option<(usize, String)> {
        o.map(|o| (o.file, format!("{:?}", o.at)))
    }

    /// Whatever the pushes, `get` and `iter` give back what was pushed, item by item.
    #[test]
    fn gives_back_every_origin_pushed() {
        let pushed = [
            None,
            None,
            record(0, 5),
            record(0, 6),
            record(0, 8), // a bad row between: a new run
            record(1, 9),
            line(0, 2),
            line(0, 3),
            None,
            record(1, 10),
        ];
        let mut origins = Origins::default();
        for o in pushed {
            origins.push(o);
        }
        origins.push_records(1, 11, 3);
        origins.push_records(0, 0, 2);
        let mut expected: Vec<Option<Origin>> = pushed.to_vec();
        expected.extend([record(1, 11), record(1, 12), record(1, 13)]);
        expected.extend([record(0, 0), record(0, 1)]);
        let got: Vec<_> = origins.iter().map(key).collect();
        assert_eq!(got, expected.iter().copied().map(key).collect::<Vec<_>>());
        for (i, o) in expected.iter().enumerate() {
            assert_eq!(key(origins.get(i)), key(*o), "item {i}");
        }
        assert_eq!(key(origins.get(expected.len())), None);
        // Consecutive records joined their run: 10 and 11..14 of file 1 are one.
        assert_eq!(origins.runs.len(), 8);
    }

    #[test]
    fn a_million_records_are_one_run() {
        let mut origins = Origins::default();
        origins.push_records(0, 0, 600_000);
        origins.push_records(0, 600_000, 400_000);
        assert_eq!(origins.runs.len(), 1);
        assert_eq!(key(origins.get(999_999)), key(record(0, 999_999)));
    }

    #[test]
    fn appending_maps_files() {
        let mut a = Origins::unknown(2);
        let mut b = Origins::default();
        b.push(line(0, 7));
        b.push_records(1, 3, 2);
        a.append(b, |f| f + 10);
        let got: Vec<_> = a.iter().map(key).collect();
        let expected: Vec<_> = [None, None, line(10, 7), record(11, 3), record(11, 4)]
            .into_iter()
            .map(key)
            .collect();
        assert_eq!(got, expected);
    }
}
