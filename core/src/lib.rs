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
mod evaluate;
mod exact;
#[cfg(feature = "excel")]
pub mod excel;
mod extract;
mod fast_hash;
mod float_text;
mod format;
mod formula;
mod indicator;
pub mod limits;
mod number;
mod observation;
mod order;
mod per_row;
pub mod period;
mod plan;
mod plan_file;
mod quantity;
pub mod report;
pub mod schema;
mod table;
mod target;
mod text;
mod unit;

/// What an evaluation holds: [`Scorecard`], [`Assessment`] and their parts, the
/// verdict rules ([`Rule`]) and the [`evaluate`](crate::evaluate()) functions.
pub mod evaluation {
    #[doc(inline)]
    pub use crate::evaluate::*;
}

/// What an extraction holds: [`Extraction`], [`Finding`] and its
/// [`FindingStatus`] and [`FindingMeasure`], warnings and options, and the
/// [`extract`](crate::extract()) and [`draft_plan`] functions.
///
/// The extraction enums are named for the finding they describe, so they are not
/// confused with the evaluation's verdict [`Status`] and the plan
/// indicator's [`Measure`], which are different sets of values.
pub mod extraction {
    #[doc(inline)]
    pub use crate::extract::{
        draft_plan, extract, extract_with, try_extract, try_extract_with, DraftOptions,
        ExtractOptions, Extraction, Finding, Measure as FindingMeasure, Status as FindingStatus,
        Warning, MAX_INPUT_BYTES,
    };
}

pub use builtin::{BUILTIN_DATASETS, CHINA_14FYP_EVIDENCE, NANSHAN_2024_REPORT};
pub use comparator::Comparator;
pub use encoding::decode_utf8;
pub use error::{hint_for, Error, ErrorKind, Issue, Location, Result, ISSUE_KEYS};
pub use evaluate::{
    evaluate, try_evaluate, Assessment, Grade, Options, Rule, Scorecard, Severity, Status,
};
pub use extraction::{
    draft_plan, extract, DraftOptions, Extraction, Finding, FindingMeasure, FindingStatus,
};
pub use formula::{Formula, MAX_FORMULA_DEPTH};
pub use indicator::{Indicator, Kind, Measure, Names, Polarity, Provenance};
pub use number::parse_number;
pub use observation::{
    KeyedRecord, LenientObservations, Observation, ObservationRecord, ObservationStatus,
    Observations, ObservationsIter, DIMENSIONLESS_UNIT, OBSERVATION_COLUMNS,
};
pub use period::Period;
pub use plan::{Checked, Plan, References, ReferencesIter};
pub use plan_file::PlanHeader;
pub use quantity::{Phrase, Quantity, QuantityInfo, Style};
pub use report::{Format, Lang};
pub use rust_decimal::Decimal;
pub use table::{Cell, Column, RowLabels, Table};
pub use target::{Condition, Target, Tier, BARE_NUMBER_COMPARATOR, GROWTH_WORDS};
pub use unit::{Currency, Dimension, Unit};
