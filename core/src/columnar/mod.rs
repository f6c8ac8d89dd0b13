//! Columnar data (cargo feature `arrow`): observations from Arrow record batches and
//! records to them.
//!
//! - In: [`Observations::from_arrow`](crate::Observations::from_arrow) reads the
//!   columns of the CSV loader through the same row rules, so a DataFrame, a pyarrow
//!   table or a DuckDB result loads exactly as a CSV file would, every bad row
//!   reported with its row and column.
//! - Out: [`to_record_batch`] turns any slice of serde records into one batch,
//!   generated from their serialization (the record schema): a field added to
//!   [`Assessment`](crate::Assessment) is a column with no edit here.
//!   [`Scorecard::to_arrow`](crate::Scorecard::to_arrow) and
//!   [`Observations::to_arrow`](crate::Observations::to_arrow) use it.
//! - Labels: [`categories`] and [`section_order`] give the bindings the order and
//!   the Chinese or English labels of the categorical columns, from the core's own
//!   lists.
//!
//! arrow-rs is re-exported as [`arrow_array`] and [`arrow_schema`], so callers use the
//! same version.

mod labels;
mod read;
mod write;

pub use arrow_array;
pub use arrow_schema;
pub use labels::{categories, section_order};
pub use write::{to_record_batch, DATE, DECIMAL};

use arrow_array::RecordBatch;

use crate::{Observations, Result, Scorecard};

impl Scorecard {
    /// The assessments as one Arrow record batch, one row per target in plan order,
    /// columns as [`to_record_batch`] writes the assessment's serde fields: `name_zh`,
    /// `status` (a dictionary), `observed` (decimal128) …, `inputs` (a list of
    /// structs), `notes` (a list of strings), `explanation_zh`.
    pub fn to_arrow(&self) -> Result<RecordBatch> {
        to_record_batch(&self.assessments)
    }
}

impl Observations {
    /// The observations as one Arrow record batch, columns as [`to_record_batch`]
    /// writes an observation's serde fields.
    pub fn to_arrow(&self) -> Result<RecordBatch> {
        to_record_batch(self.iter())
    }
}
