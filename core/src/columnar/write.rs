//! Records to Arrow columns, generated from their serde serialization: a small
//! `serde::Serializer` writes each record into columns, so a field added to a record
//! type appears as a column with no edit here.
//!
//! The mapping (documented on [`to_record_batch`]) is decided per column once every
//! record is written, from the values the column received.

use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Decimal128Array, Decimal256Array, DictionaryArray,
    Float64Array, Int32Array, Int64Array, ListArray, NullArray, RecordBatch, StringArray,
    StructArray, UInt64Array,
};
use arrow_buffer::{i256, OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Fields, Schema};
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::ser::{self, Serialize};

use crate::{Error, ErrorKind, Result};

pub use crate::schema::{DATE, DECIMAL};

/// Writes `records` (each serializing as a struct or map) as one Arrow record batch,
/// one row per record, one column per field:
///
/// - nested structs are flattened with `_` (`name.zh` → `name_zh`), in field order;
/// - strings are utf8; unit enum variants (`Status::Met`, serialized with
///   `serialize_unit_variant`) are dictionary<int32, utf8> categoricals;
/// - decimals (the [`DECIMAL`] newtype) are decimal128 with one scale per column, the
///   largest scale of its values, and the precision its values need, so no digit is
///   lost (values of a column share its scale: 1.5 beside 1.25 is 1.50). A Decimal
///   has at most 28 significant digits, so a column needs more than 38 digits only
///   when it mixes large integers with long fractions; it is then decimal256 (at most
///   29 + 28 = 57 digits), still exact;
/// - dates (the [`DATE`] newtype) are date32;
/// - booleans, integers and floats are boolean, int64 (uint64 when a value needs it)
///   and float64;
/// - sequences are lists: of their item type (`notes`: list<utf8>), or of structs
///   whose fields follow these rules (`inputs`, `conflicts`: list<struct<indicator,
///   period, value decimal128, …>>);
/// - `None` is null; a column null in every row is of type null; a column whose
///   values mix kinds (a string here, a decimal there) is utf8 of each value's text.
///
/// Fails only on what has no column (bytes) or a custom serializer error.
pub fn to_record_batch<'a, T: Serialize + 'a>(
    records: impl IntoIterator<Item = &'a T>,
) -> Result<RecordBatch> {
    let mut table = Table::new();
    for r in records {
        table.nodes[ROOT].cursor = 0;
        r.serialize(At {
            table: &mut table,
            node: ROOT,
        })
        .map_err(|e| Error::new(ErrorKind::InvalidValue, e.0))?;
        table.rows += 1;
    }
    let rows = table.rows;
    let (fields, arrays) = table.finish()?;
    let schema = Arc::new(Schema::new(fields));
    let options = arrow_array::RecordBatchOptions::new().with_row_count(Some(rows));
    RecordBatch::try_new_with_options(schema, arrays, &options)
        .map_err(|e| Error::new(ErrorKind::InvalidValue, e.to_string()))
}

const ROOT: usize = 0;

/// One value as written, before the column's type is chosen.
#[derive(Debug, Clone)]
enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    /// A string: a range of the node's `text`, where the strings of a column are
    /// written one after the other (no allocation per value).
    Str(usize, usize),
    Decimal(Decimal),
    Date(Date),
    Variant(&'static str),
    /// A list of this many items, which are the next rows of the node's item table.
    List(u32),
}

impl Cell {
    /// The value as text, strings read from their column's `text`.
    fn text(&self, text: &str) -> Option<String> {
        Some(match self {
            Cell::Null | Cell::List(_) => return None,
            Cell::Bool(b) => b.to_string(),
            Cell::Int(n) => n.to_string(),
            Cell::UInt(n) => n.to_string(),
            Cell::Float(f) => f.to_string(),
            Cell::Str(a, b) => text.get(*a..*b).unwrap_or("").to_string(),
            Cell::Decimal(d) => d.to_string(),
            Cell::Date(d) => crate::period::Period::Date(*d).to_string(),
            Cell::Variant(v) => (*v).to_string(),
        })
    }
}

/// A field path: its flattened name, the fields under it, the values written at it
/// (one per row of its table, padded with nulls) and, for a list, the table of its
/// items.
struct Node {
    key: Box<str>,
    name: String,
    children: Vec<usize>,
    /// Where the next field of a struct is expected among `children` (fields come in
    /// the same order in every record, so lookups are one comparison).
    cursor: usize,
    cells: Vec<Cell>,
    /// The strings of `cells`, one after the other.
    text: String,
    items: Option<Box<Table>>,
}

/// Rows of records as a tree of field paths.
struct Table {
    rows: usize,
    nodes: Vec<Node>,
}

impl Table {
    fn new() -> Table {
        Table {
            rows: 0,
            nodes: vec![Node {
                key: "".into(),
                name: String::new(),
                children: Vec::new(),
                cursor: 0,
                cells: Vec::new(),
                text: String::new(),
                items: None,
            }],
        }
    }

    /// The node of field `key` under `parent`, created at the end of its fields when new.
    fn child(&mut self, parent: usize, key: &str) -> usize {
        let p = &self.nodes[parent];
        if let Some(&c) = p.children.get(p.cursor) {
            if &*self.nodes[c].key == key {
                self.nodes[parent].cursor += 1;
                return c;
            }
        }
        if let Some(pos) = p.children.iter().position(|&c| &*self.nodes[c].key == key) {
            let c = p.children[pos];
            self.nodes[parent].cursor = pos + 1;
            return c;
        }
        let name = if parent == ROOT {
            key.to_string()
        } else {
            format!("{}_{key}", self.nodes[parent].name)
        };
        let id = self.nodes.len();
        self.nodes.push(Node {
            key: key.into(),
            name,
            children: Vec::new(),
            cursor: 0,
            cells: Vec::new(),
            text: String::new(),
            items: None,
        });
        let p = &mut self.nodes[parent];
        p.children.push(id);
        p.cursor = p.children.len();
        id
    }

    /// Writes `cell` at `node` in the current row.
    fn put(&mut self, node: usize, cell: Cell) {
        let rows = self.rows;
        let cells = &mut self.nodes[node].cells;
        if cells.len() > rows {
            if let Some(last) = cells.last_mut() {
                *last = cell;
            }
        } else {
            cells.resize(rows, Cell::Null);
            cells.push(cell);
        }
    }

    /// The columns, depth first in field order.
    fn finish(mut self) -> Result<(Vec<Field>, Vec<ArrayRef>)> {
        let mut fields = Vec::new();
        let mut arrays = Vec::new();
        if self.nodes[ROOT].children.is_empty() && !self.nodes[ROOT].cells.is_empty() {
            // Records that are plain values: one column.
            let (dt, a) = self.column(ROOT)?;
            fields.push(Field::new("value", dt, true));
            arrays.push(a);
        }
        self.flatten(ROOT, &mut fields, &mut arrays)?;
        Ok((fields, arrays))
    }

    fn flatten(
        &mut self,
        node: usize,
        fields: &mut Vec<Field>,
        arrays: &mut Vec<ArrayRef>,
    ) -> Result<()> {
        for c in self.nodes[node].children.clone() {
            let is_struct = !self.nodes[c].children.is_empty();
            // A struct path is null where the struct is None: its fields are null
            // there, and the path itself is no column unless it held values too.
            let values = self.nodes[c].cells.iter().any(|x| !matches!(x, Cell::Null));
            if !is_struct || values {
                let (dt, a) = self.column(c)?;
                fields.push(Field::new(self.nodes[c].name.clone(), dt, true));
                arrays.push(a);
            }
            if is_struct {
                self.flatten(c, fields, arrays)?;
            }
        }
        Ok(())
    }

    /// The array of `node`'s values.
    fn column(&mut self, node: usize) -> Result<(DataType, ArrayRef)> {
        let rows = self.rows;
        let mut cells = std::mem::take(&mut self.nodes[node].cells);
        cells.resize(rows, Cell::Null);
        let items = self.nodes[node].items.take();
        let text = std::mem::take(&mut self.nodes[node].text);
        array_of(cells, &text, items)
    }
}

#[derive(Default)]
struct Kinds {
    bool: bool,
    int: bool,
    uint: bool,
    float: bool,
    str: bool,
    decimal: bool,
    date: bool,
    variant: bool,
    list: bool,
}

fn array_of(
    cells: Vec<Cell>,
    text: &str,
    items: Option<Box<Table>>,
) -> Result<(DataType, ArrayRef)> {
    let mut k = Kinds::default();
    for c in &cells {
        match c {
            Cell::Null => {}
            Cell::Bool(_) => k.bool = true,
            Cell::Int(_) => k.int = true,
            Cell::UInt(_) => k.uint = true,
            Cell::Float(_) => k.float = true,
            Cell::Str(..) => k.str = true,
            Cell::Decimal(_) => k.decimal = true,
            Cell::Date(_) => k.date = true,
            Cell::Variant(_) => k.variant = true,
            Cell::List(_) => k.list = true,
        }
    }
    let only = |flag: bool, others: &[bool]| flag && others.iter().all(|o| !o);
    let Kinds {
        bool: b,
        int,
        uint,
        float,
        str: s,
        decimal,
        date,
        variant,
        list,
    } = k;
    if list {
        if only(list, &[b, int, uint, float, s, decimal, date, variant]) {
            return list_array(&cells, items);
        }
        return Err(Error::new(
            ErrorKind::InvalidValue,
            "a field is a list in some records and a value in others",
        ));
    }
    let array: ArrayRef = if !(b || int || uint || float || s || decimal || date || variant) {
        Arc::new(NullArray::new(cells.len()))
    } else if only(variant, &[b, int, uint, float, s, decimal, date]) {
        let mut values: Vec<&'static str> = Vec::new();
        let keys: Int32Array = cells
            .iter()
            .map(|c| match c {
                Cell::Variant(v) => {
                    let at = values.iter().position(|x| x == v).unwrap_or_else(|| {
                        values.push(v);
                        values.len() - 1
                    });
                    i32::try_from(at).ok()
                }
                _ => None,
            })
            .collect();
        let dict = DictionaryArray::<Int32Type>::try_new(keys, Arc::new(StringArray::from(values)))
            .map_err(arrow_error)?;
        Arc::new(dict)
    } else if only(decimal, &[b, int, uint, float, s, date, variant]) {
        decimal_array(&cells)?
    } else if only(date, &[b, int, uint, float, s, decimal, variant]) {
        let epoch = Date::new(1970, 1, 1)
            .map_err(|e| Error::new(ErrorKind::InvalidValue, e.to_string()))?;
        let days: Date32Array = cells
            .iter()
            .map(|c| match c {
                Cell::Date(d) => epoch.until(*d).ok().map(|s| s.get_days()),
                _ => None,
            })
            .collect();
        Arc::new(days)
    } else if only(b, &[int, uint, float, s, decimal, date, variant]) {
        let a: BooleanArray = cells
            .iter()
            .map(|c| match c {
                Cell::Bool(x) => Some(*x),
                _ => None,
            })
            .collect();
        Arc::new(a)
    } else if !(b || float || s || decimal || date || variant)
        && cells.iter().all(|c| match c {
            Cell::UInt(n) => i64::try_from(*n).is_ok(),
            _ => true,
        })
    {
        let a: Int64Array = cells
            .iter()
            .map(|c| match c {
                Cell::Int(n) => Some(*n),
                Cell::UInt(n) => i64::try_from(*n).ok(),
                _ => None,
            })
            .collect();
        Arc::new(a)
    } else if only(uint, &[b, int, float, s, decimal, date, variant]) {
        let a: UInt64Array = cells
            .iter()
            .map(|c| match c {
                Cell::UInt(n) => Some(*n),
                _ => None,
            })
            .collect();
        Arc::new(a)
    } else if only(float, &[b, s, decimal, date, variant]) && !uint {
        // Floats with small integers: floats (an integer past 2^53 would round, so
        // only when every integer is exact as a float).
        let exact = cells.iter().all(|c| match c {
            Cell::Int(n) => n.unsigned_abs() <= 1 << 53,
            _ => true,
        });
        if exact {
            #[allow(clippy::cast_precision_loss)] // checked just above
            let a: Float64Array = cells
                .iter()
                .map(|c| match c {
                    Cell::Float(f) => Some(*f),
                    Cell::Int(n) => Some(*n as f64),
                    _ => None,
                })
                .collect();
            Arc::new(a)
        } else {
            text_array(&cells, text)
        }
    } else {
        text_array(&cells, text)
    };
    Ok((array.data_type().clone(), array))
}

fn text_array(cells: &[Cell], text: &str) -> ArrayRef {
    let a: StringArray = if cells
        .iter()
        .all(|c| matches!(c, Cell::Str(..) | Cell::Null))
    {
        cells
            .iter()
            .map(|c| match c {
                Cell::Str(a, b) => text.get(*a..*b),
                _ => None,
            })
            .collect()
    } else {
        cells.iter().map(|c| c.text(text)).collect()
    };
    Arc::new(a)
}

fn arrow_error(e: arrow_schema::ArrowError) -> Error {
    Error::new(ErrorKind::InvalidValue, e.to_string())
}

/// Decimals at the column's largest scale, in as few digits as they need.
fn decimal_array(cells: &[Cell]) -> Result<ArrayRef> {
    let mut scale = 0u32;
    let mut integer_digits = 1u32;
    for c in cells {
        if let Cell::Decimal(d) = c {
            scale = scale.max(d.scale());
            let digits = d
                .mantissa()
                .unsigned_abs()
                .checked_ilog10()
                .map_or(1, |l| l + 1);
            integer_digits = integer_digits.max(digits.saturating_sub(d.scale()));
        }
    }
    let precision = integer_digits + scale;
    let (p, s) = (
        u8::try_from(precision).unwrap_or(u8::MAX),
        i8::try_from(scale).unwrap_or(i8::MAX),
    );
    // A Decimal has at most 28 digits after the point and 29 before, so a column
    // needs at most 57 digits: decimal128 up to 38, decimal256 beyond.
    if precision <= 38 {
        let a: Decimal128Array = cells
            .iter()
            .map(|c| match c {
                // At most 38 digits after rescaling: fits an i128.
                Cell::Decimal(d) => Some(d.mantissa() * 10i128.pow(scale - d.scale())),
                _ => None,
            })
            .collect();
        Ok(Arc::new(
            a.with_precision_and_scale(p, s).map_err(arrow_error)?,
        ))
    } else {
        let ten = i256::from_i128(10);
        let a: Decimal256Array = cells
            .iter()
            .map(|c| match c {
                Cell::Decimal(d) => {
                    let factor =
                        arrow_array::ArrowNativeTypeOp::pow_wrapping(ten, scale - d.scale());
                    i256::from_i128(d.mantissa()).checked_mul(factor)
                }
                _ => None,
            })
            .collect();
        Ok(Arc::new(
            a.with_precision_and_scale(p, s).map_err(arrow_error)?,
        ))
    }
}

/// A list column: offsets from the item counts, values from the item table (one
/// column of values, or a struct of the items' fields).
fn list_array(cells: &[Cell], items: Option<Box<Table>>) -> Result<(DataType, ArrayRef)> {
    let mut offsets = Vec::with_capacity(cells.len() + 1);
    let mut valid = Vec::with_capacity(cells.len());
    let mut end = 0i32;
    offsets.push(end);
    for c in cells {
        if let Cell::List(n) = c {
            end = end.saturating_add(i32::try_from(*n).unwrap_or(i32::MAX));
        }
        offsets.push(end);
        valid.push(matches!(c, Cell::List(_)));
    }
    let mut items = items.unwrap_or_else(|| Box::new(Table::new()));
    let values: ArrayRef = if !items.nodes[ROOT].children.is_empty() {
        let (fields, arrays) = items.finish()?;
        let struct_array =
            StructArray::try_new(Fields::from(fields), arrays, None).map_err(arrow_error)?;
        Arc::new(struct_array)
    } else {
        items.column(ROOT)?.1
    };
    let field = Arc::new(Field::new("item", values.data_type().clone(), true));
    let nulls = valid
        .iter()
        .any(|v| !v)
        .then(|| arrow_buffer::NullBuffer::from(valid));
    let list = ListArray::try_new(
        field,
        OffsetBuffer::new(ScalarBuffer::from(offsets)),
        values,
        nulls,
    )
    .map_err(arrow_error)?;
    Ok((list.data_type().clone(), Arc::new(list)))
}

/// A serializer error: a message.
#[derive(Debug)]
struct SerError(String);

impl std::fmt::Display for SerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SerError {}

impl ser::Error for SerError {
    fn custom<T: std::fmt::Display>(msg: T) -> SerError {
        SerError(msg.to_string())
    }
}

/// The text a marked newtype or a map key serializes to.
fn text_of<T: Serialize + ?Sized>(v: &T) -> std::result::Result<String, SerError> {
    match serde_json::to_value(v).map_err(|e| SerError(e.to_string()))? {
        serde_json::Value::String(s) => Ok(s),
        other => Ok(other.to_string()),
    }
}

/// Serializes one value at a node of a table.
struct At<'t> {
    table: &'t mut Table,
    node: usize,
}

impl<'t> At<'t> {
    fn put(self, cell: Cell) -> std::result::Result<(), SerError> {
        self.table.put(self.node, cell);
        Ok(())
    }
}

type R = std::result::Result<(), SerError>;

impl<'t> ser::Serializer for At<'t> {
    type Ok = ();
    type Error = SerError;
    type SerializeSeq = Seq<'t>;
    type SerializeTuple = Seq<'t>;
    type SerializeTupleStruct = Seq<'t>;
    type SerializeTupleVariant = Seq<'t>;
    type SerializeMap = Map<'t>;
    type SerializeStruct = At<'t>;
    type SerializeStructVariant = At<'t>;

    fn serialize_bool(self, v: bool) -> R {
        self.put(Cell::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> R {
        self.put(Cell::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> R {
        self.put(Cell::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> R {
        self.put(Cell::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> R {
        self.put(Cell::Int(v))
    }
    fn serialize_u8(self, v: u8) -> R {
        self.put(Cell::UInt(v.into()))
    }
    fn serialize_u16(self, v: u16) -> R {
        self.put(Cell::UInt(v.into()))
    }
    fn serialize_u32(self, v: u32) -> R {
        self.put(Cell::UInt(v.into()))
    }
    fn serialize_u64(self, v: u64) -> R {
        self.put(Cell::UInt(v))
    }
    fn serialize_f32(self, v: f32) -> R {
        self.put(Cell::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> R {
        self.put(Cell::Float(v))
    }
    fn serialize_char(self, v: char) -> R {
        self.collect_str(&v)
    }
    fn serialize_str(self, v: &str) -> R {
        let text = &mut self.table.nodes[self.node].text;
        let start = text.len();
        text.push_str(v);
        let end = text.len();
        self.put(Cell::Str(start, end))
    }
    fn collect_str<T: std::fmt::Display + ?Sized>(self, v: &T) -> R {
        use std::fmt::Write as _;
        let text = &mut self.table.nodes[self.node].text;
        let start = text.len();
        let _ = write!(text, "{v}");
        let end = text.len();
        self.put(Cell::Str(start, end))
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        Err(SerError("bytes have no Arrow column here".into()))
    }
    fn serialize_none(self) -> R {
        self.put(Cell::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.put(Cell::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.put(Cell::Null)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.put(Cell::Variant(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, name: &'static str, value: &T) -> R {
        if name != DECIMAL && name != DATE {
            return value.serialize(self);
        }
        // The marked text is written as a string, then read back as what it marks.
        let (table, node) = (self.table, self.node);
        value.serialize(At { table, node })?;
        let n = &mut table.nodes[node];
        let Some(Cell::Str(a, b)) = n.cells.last().cloned() else {
            return Err(SerError(format!("{name} must mark a text")));
        };
        let text = n.text.get(a..b).unwrap_or("");
        let cell = if name == DECIMAL {
            Cell::Decimal(
                Decimal::from_str_exact(text)
                    .map_err(|_| SerError(format!("{text:?} is not a decimal")))?,
            )
        } else {
            match crate::period::Period::parse(text) {
                Ok(crate::period::Period::Date(d)) => Cell::Date(d),
                _ => return Err(SerError(format!("{text:?} is not a date"))),
            }
        };
        n.text.truncate(a);
        if let Some(last) = n.cells.last_mut() {
            *last = cell;
        }
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> R {
        let node = self.table.child(self.node, variant);
        value.serialize(At {
            table: self.table,
            node,
        })
    }
    fn serialize_seq(self, _: Option<usize>) -> std::result::Result<Seq<'t>, SerError> {
        Ok(Seq {
            table: self.table,
            node: self.node,
            count: 0,
        })
    }
    fn serialize_tuple(self, len: usize) -> std::result::Result<Seq<'t>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> std::result::Result<Seq<'t>, SerError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> std::result::Result<Seq<'t>, SerError> {
        let node = self.table.child(self.node, variant);
        At {
            table: self.table,
            node,
        }
        .serialize_seq(Some(len))
    }
    fn serialize_map(self, _: Option<usize>) -> std::result::Result<Map<'t>, SerError> {
        self.table.nodes[self.node].cursor = 0;
        Ok(Map {
            table: self.table,
            node: self.node,
            key: String::new(),
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> std::result::Result<At<'t>, SerError> {
        self.table.nodes[self.node].cursor = 0;
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> std::result::Result<At<'t>, SerError> {
        let node = self.table.child(self.node, variant);
        self.table.nodes[node].cursor = 0;
        Ok(At {
            table: self.table,
            node,
        })
    }
}

impl ser::SerializeStruct for At<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> R {
        let node = self.table.child(self.node, key);
        value.serialize(At {
            table: self.table,
            node,
        })
    }
    fn end(self) -> R {
        Ok(())
    }
}

impl ser::SerializeStructVariant for At<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> R {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> R {
        Ok(())
    }
}

/// A map's entries, as fields named by their keys' text.
struct Map<'t> {
    table: &'t mut Table,
    node: usize,
    key: String,
}

impl ser::SerializeMap for Map<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R {
        self.key = text_of(key)?;
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        let node = self.table.child(self.node, &self.key);
        value.serialize(At {
            table: self.table,
            node,
        })
    }
    fn end(self) -> R {
        Ok(())
    }
}

/// A sequence's items, written as rows of the node's item table.
struct Seq<'t> {
    table: &'t mut Table,
    node: usize,
    count: u32,
}

impl Seq<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        let items = self.table.nodes[self.node]
            .items
            .get_or_insert_with(|| Box::new(Table::new()));
        value.serialize(At {
            table: items,
            node: ROOT,
        })?;
        items.rows += 1;
        self.count = self.count.saturating_add(1);
        Ok(())
    }

    fn done(self) -> R {
        self.table.put(self.node, Cell::List(self.count));
        Ok(())
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.item(value)
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.item(value)
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.item(value)
    }
    fn end(self) -> R {
        self.done()
    }
}

impl ser::SerializeTupleVariant for Seq<'_> {
    type Ok = ();
    type Error = SerError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> R {
        self.item(value)
    }
    fn end(self) -> R {
        self.done()
    }
}
