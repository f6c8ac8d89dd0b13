//! Built-in datasets, embedded in the crate and loaded through the public loaders.

use crate::{Error, ErrorKind, Result};

/// Names of the built-in datasets.
pub const BUILTIN_DATASETS: &[&str] = &["nanshan-2024"];

/// The source report of the Nanshan 2024 plan (the spans of its provenance point here).
pub const NANSHAN_2024_REPORT: &str = include_str!("../data/nanshan-2024/report.txt");

/// (plan TOML, observations CSV) of a built-in dataset.
pub(crate) fn files(name: &str) -> Result<(&'static str, &'static str)> {
    match name {
        "nanshan-2024" => Ok((
            include_str!("../data/nanshan-2024/plan.toml"),
            include_str!("../data/nanshan-2024/observations.csv"),
        )),
        _ => Err(Error::new(
            ErrorKind::UnknownDataset,
            format!(
                "no built-in dataset {name:?}; available: {}",
                BUILTIN_DATASETS.join(", ")
            ),
        )),
    }
}
