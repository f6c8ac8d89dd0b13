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
//! - Tables: [`Column::from_arrow`](crate::Column::from_arrow) makes an Arrow array a
//!   column of a [`Table`](crate::Table), not copied, its cells converted as [`cells`]
//!   converts them when a reader asks: plans are read from DataFrames through Arrow
//!   ([`Plan::from_tables`](crate::Plan::from_tables)) without a Python object, or a
//!   copy, per cell.
//! - Labels: [`categories`] and [`section_order`] give the bindings the order and
//!   the Chinese or English labels of the categorical columns, from the core's own
//!   lists.
//!
//! arrow-rs is re-exported as [`arrow_array`] and [`arrow_schema`], so callers use the
//! same version.

mod cells;
mod labels;
mod read;
mod wide;
mod write;

pub use arrow_array;
pub use arrow_schema;
pub use cells::cells;
pub(crate) use cells::ArrowColumn;
pub use labels::{categories, section_order};
pub use wide::wide_decimals_as_text;
pub use write::{
    to_record_batch, to_record_batch_columns, to_record_batch_parallel, DATE, DECIMAL,
};

use arrow_array::RecordBatch;

use crate::{Extraction, Observations, Result, Scorecard};

impl Scorecard {
    /// The assessments as one Arrow record batch, one row per target in plan order,
    /// columns as [`to_record_batch`] writes the assessment's serde fields: `name_zh`,
    /// `status` (a dictionary), `observed` (decimal128) …, `inputs` (a list of
    /// structs), `notes` (a list of strings), `explanation_zh`.
    pub fn to_arrow(&self) -> Result<RecordBatch> {
        to_record_batch_parallel(&self.assessments)
    }

    /// Only these columns of [`to_arrow`](Scorecard::to_arrow)'s batch, in this order
    /// (names as there: `status`, `name_zh`, `observed` …): the assessment fields
    /// they come from are the only ones written, so a status per target costs a
    /// fraction of the whole table. An unknown name is an
    /// [`ErrorKind::InvalidValue`](crate::ErrorKind::InvalidValue) error listing the
    /// columns; see [`to_record_batch_columns`].
    ///
    /// ```
    /// use planwatch::{evaluate, Observations, Options, Plan};
    /// let plan = Plan::builtin("nanshan-2024")?;
    /// let card = evaluate(&plan, &Observations::builtin("nanshan-2024")?, &Options::default());
    /// let batch = card.to_arrow_columns(&["target", "status"])?;
    /// assert_eq!(batch.num_columns(), 2);
    /// assert_eq!(batch.num_rows(), card.assessments.len());
    /// assert!(card.to_arrow_columns(&["statuz"]).is_err());
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn to_arrow_columns(&self, columns: &[&str]) -> Result<RecordBatch> {
        to_record_batch_columns(&self.assessments, columns)
    }
}

impl Extraction {
    /// The findings as one Arrow record batch, one row per finding in text order,
    /// columns as [`to_record_batch`] writes a finding's serde fields (spans as lists
    /// of two integers, values as decimal128).
    pub fn to_arrow(&self) -> Result<RecordBatch> {
        to_record_batch(&self.findings)
    }
}

impl Observations {
    /// The observations as one Arrow record batch with the columns of the CSV
    /// loader (`indicator`, `period`, `value` as decimal128, `unit`, `status` as a
    /// dictionary, `vintage` as date32, `source`, `jurisdiction`), so
    /// [`from_arrow`](Observations::from_arrow) reads it back. The columns are an
    /// observation's serde fields as [`to_record_batch`] writes them, with the
    /// quantity's `value_value` and `value_unit` named `value` and `unit`.
    pub fn to_arrow(&self) -> Result<RecordBatch> {
        let batch = to_record_batch(self.iter())?;
        let schema = batch.schema();
        let fields: Vec<arrow_schema::Field> = schema
            .fields()
            .iter()
            .map(|f| match f.name().as_str() {
                "value_value" => f.as_ref().clone().with_name("value"),
                "value_unit" => f.as_ref().clone().with_name("unit"),
                _ => f.as_ref().clone(),
            })
            .collect();
        let schema = std::sync::Arc::new(arrow_schema::Schema::new(fields));
        let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(batch.num_rows()));
        RecordBatch::try_new_with_options(schema, batch.columns().to_vec(), &options)
            .map_err(|e| crate::Error::new(crate::ErrorKind::InvalidValue, e.to_string()))
    }
}
