#![doc = include_str!("../../README.md")]
#![forbid(unsafe_code)]
// Decimal's operators panic on overflow; arithmetic on decimals goes through
// `exact::Checked` (clippy.toml allows integer arithmetic and negation).
#![cfg_attr(not(test), deny(clippy::arithmetic_side_effects))]

mod builtin;
#[cfg(feature = "arrow")]
pub mod columnar;
mod comparator;
mod csv_out;
mod encoding;
mod error;
pub mod evaluate;
mod exact;
pub mod extract;
mod format;
mod formula;
mod indicator;
pub mod limits;
mod number;
mod observation;
mod order;
pub mod period;
mod plan;
mod plan_file;
mod quantity;
pub mod report;
pub mod schema;
mod target;
mod text;
mod unit;

pub use builtin::{BUILTIN_DATASETS, CHINA_14FYP_EVIDENCE, NANSHAN_2024_REPORT};
pub use comparator::Comparator;
pub use encoding::decode_utf8;
pub use error::{Error, ErrorKind, Issue, Location, Result};
pub use evaluate::{
    evaluate, try_evaluate, Assessment, Grade, Options, Rule, Scorecard, Severity, Status,
};
pub use extract::{draft_plan, extract, DraftOptions, Extraction, Finding};
pub use formula::{Formula, MAX_FORMULA_DEPTH};
pub use indicator::{Indicator, Kind, Measure, Names, Polarity, Provenance};
pub use number::parse_number;
pub use observation::{
    Lenient, Observation, ObservationRecord, ObservationStatus, Observations, DIMENSIONLESS_UNIT,
    OBSERVATION_COLUMNS,
};
pub use period::Period;
pub use plan::{Checked, Plan};
pub use quantity::{Phrase, Quantity, QuantityInfo, Style};
pub use report::{Format, Lang};
pub use rust_decimal::Decimal;
pub use target::{Condition, Target, Tier, BARE_NUMBER_COMPARATOR, GROWTH_WORDS};
pub use unit::{Currency, Dimension, Unit};
