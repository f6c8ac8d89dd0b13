//! Decimal256 columns as text, for readers that stop at 38 digits.
//!
//! A scorecard column is decimal256 only when its values need more than 38 digits
//! together (a 29-digit amount beside a 28-place fraction). pyarrow and pandas read
//! it; polars and DuckDB do not (polars panics on it), so the batches handed to them
//! carry such a column as the exact text of each value instead.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::Decimal256Type;
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StringArray, StructArray};
use arrow_schema::{DataType, Field, FieldRef, Schema};

use crate::{Error, ErrorKind, Result};

/// `batch` with every decimal256 column, at the top or inside a list or a struct, as
/// utf8 of each value's exact text without trailing zeros (`1234.5`, not
/// `1234.5000`); other columns as they are, shared, not copied.
///
/// ```
/// use planwatch::columnar::{to_record_batch, wide_decimals_as_text, arrow_schema::DataType};
/// #[derive(serde::Serialize)]
/// struct Row {
///     #[serde(serialize_with = "planwatch::schema::decimal")]
///     v: planwatch::Decimal,
/// }
/// let rows = [Row { v: "79228162514264337593543950335".parse()? }, Row { v: "0.0000000000000000000000000001".parse()? }];
/// let batch = to_record_batch(&rows)?;
/// assert!(matches!(batch.schema().field(0).data_type(), DataType::Decimal256(57, 28)));
/// let narrow = wide_decimals_as_text(&batch)?;
/// assert_eq!(narrow.schema().field(0).data_type(), &DataType::Utf8);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn wide_decimals_as_text(batch: &RecordBatch) -> Result<RecordBatch> {
    let schema = batch.schema();
    let (fields, columns): (Vec<FieldRef>, Vec<ArrayRef>) = schema
        .fields()
        .iter()
        .zip(batch.columns())
        .map(|(f, c)| narrow(f, c))
        .unzip();
    let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(batch.num_rows()));
    RecordBatch::try_new_with_options(Arc::new(Schema::new(fields)), columns, &options)
        .map_err(|e| Error::new(ErrorKind::InvalidValue, e.to_string()))
}

/// One column with its decimal256 parts as text.
fn narrow(field: &FieldRef, array: &ArrayRef) -> (FieldRef, ArrayRef) {
    let renamed =
        |data_type: DataType| Arc::new(Field::new(field.name(), data_type, field.is_nullable()));
    match array.data_type() {
        DataType::Decimal256(_, _) => {
            let a = array.as_primitive::<Decimal256Type>();
            let text: StringArray = (0..a.len())
                .map(|i| {
                    a.is_valid(i)
                        .then(|| without_trailing_zeros(a.value_as_string(i)))
                })
                .collect();
            (renamed(DataType::Utf8), Arc::new(text))
        }
        DataType::List(item) => {
            let list = array.as_list::<i32>();
            let (item, values) = narrow(item, list.values());
            if values.data_type() == list.values().data_type() {
                return (field.clone(), array.clone());
            }
            let out = ListArray::new(
                item.clone(),
                list.offsets().clone(),
                values,
                list.nulls().cloned(),
            );
            (renamed(DataType::List(item)), Arc::new(out))
        }
        DataType::Struct(fields) => {
            let s = array.as_struct();
            let (fields, columns): (Vec<FieldRef>, Vec<ArrayRef>) = fields
                .iter()
                .zip(s.columns())
                .map(|(f, c)| narrow(f, c))
                .unzip();
            if columns
                .iter()
                .zip(s.columns())
                .all(|(a, b)| a.data_type() == b.data_type())
            {
                return (field.clone(), array.clone());
            }
            let out = StructArray::new(fields.clone().into(), columns, s.nulls().cloned());
            (renamed(DataType::Struct(fields.into())), Arc::new(out))
        }
        _ => (field.clone(), array.clone()),
    }
}

/// `1234.5000` → `1234.5`, `100.000` → `100`; an integer as it is.
fn without_trailing_zeros(mut text: String) -> String {
    if text.contains('.') {
        let keep = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(keep);
    }
    text
}
