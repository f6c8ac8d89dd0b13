//! Built-in datasets, embedded in the crate and loaded through the public loaders.
//!
//! | name | plan | observations |
//! |---|---|---|
//! | `nanshan-2024` | Shenzhen Nanshan District, 2024 plan (the seed report) | 2023 bases, 2024 outcomes |
//! | `china-14fyp` | China's 14th Five-Year Plan, the 20 main indicators of 专栏1 | 2019–2025 outcomes |
//!
//! Every observation carries its source's address and publication date (its vintage); the
//! quotes behind the figures are kept beside the data (`core/data/<name>/evidence.toml`,
//! checked by `core/data/<name>/check_data.py`).

use crate::{Error, ErrorKind, Plan, Result};

/// Names of the built-in datasets; each works with `Plan::builtin` and `Observations::builtin`.
pub const BUILTIN_DATASETS: &[&str] = &["nanshan-2024", "china-14fyp"];

/// The source report of the Nanshan 2024 plan (the spans of its provenance point here).
pub const NANSHAN_2024_REPORT: &str = include_str!("../data/nanshan-2024/report.txt");

/// The evidence file of the china-14fyp dataset: for every target quote and every figure, a short
/// verbatim excerpt of the text it was read from, with its title, address and publication date.
pub const CHINA_14FYP_EVIDENCE: &str = include_str!("../data/china-14fyp/evidence.toml");

impl Plan {
    /// Names of the built-in datasets (`"nanshan-2024"`, `"china-14fyp"`), for [`Plan::builtin`].
    ///
    /// ```
    /// use planwatch::Plan;
    /// for name in Plan::builtin_names() {
    ///     assert!(Plan::builtin(name).is_ok());
    /// }
    /// ```
    pub fn builtin_names() -> &'static [&'static str] {
        BUILTIN_DATASETS
    }
}

/// (plan TOML, observations CSV) of a built-in dataset.
pub(crate) fn files(name: &str) -> Result<(&'static str, &'static str)> {
    match name {
        "nanshan-2024" => Ok((
            // The plan without its comment lines (build.rs).
            include_str!(concat!(env!("OUT_DIR"), "/nanshan-2024.plan.toml")),
            include_str!("../data/nanshan-2024/observations.csv"),
        )),
        "china-14fyp" => Ok((
            include_str!(concat!(env!("OUT_DIR"), "/china-14fyp.plan.toml")),
            include_str!("../data/china-14fyp/observations.csv"),
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
