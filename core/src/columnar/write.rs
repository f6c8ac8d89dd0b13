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
/// - sequences are lists: of their item type (`notes`: `list<utf8>`), or of structs
///   whose fields follow these rules (`inputs`, `conflicts`: list<struct<indicator,
///   period, value decimal128, …>>);
/// - `None` is null; a column null in every row is of type null; a column whose
///   values mix kinds (a string here, a decimal there) is utf8 of each value's text.
///
/// Fails only on what has no column (bytes) or a custom serializer error.
pub fn to_record_batch<'a, T: Serialize + 'a>(
    records: impl IntoIterator<Item = &'a T>,
) -> Result<RecordBatch> {
    batch_of(table_of(records, None)?)
}

/// [`to_record_batch`] of a slice, written on every core with the `parallel` feature:
/// each core serializes a run of records into its own table, and the tables are
/// appended in order before the columns are built, so the batch is the one
/// [`to_record_batch`] writes (the same columns in the same order, the same types and
/// values; a test compares them).
pub fn to_record_batch_parallel<T: Serialize + Sync>(records: &[T]) -> Result<RecordBatch> {
    batch_of(tables_of(records, None)?)
}

/// The columns `columns` (output names, as [`to_record_batch`] names them: `status`,
/// `name_zh`, `explanation_en` …) of [`to_record_batch_parallel`]'s batch, in the order
/// given. Only the record fields these columns come from are serialized, so asking for
/// two columns of forty costs about two columns' work. The columns are those the
/// whole batch would have, field for field (a test compares them).
///
/// A name that is no column of the batch is an [`ErrorKind::InvalidValue`] error
/// naming it and listing the columns there are, and so is a name given twice. With no
/// records there are no columns to check against (a batch of no records has none): the
/// result is then an empty batch of the requested names, each of type null.
pub fn to_record_batch_columns<T: Serialize + Sync>(
    records: &[T],
    columns: &[&str],
) -> Result<RecordBatch> {
    if records.is_empty() {
        let fields: Vec<Field> = columns
            .iter()
            .map(|c| Field::new(*c, DataType::Null, true))
            .collect();
        return Ok(RecordBatch::new_empty(Arc::new(Schema::new(fields))));
    }
    let batch = batch_of(tables_of(records, Some(columns))?)?;
    let schema = batch.schema();
    let mut indices = Vec::with_capacity(columns.len());
    for (i, name) in columns.iter().enumerate() {
        if columns.get(..i).is_some_and(|before| before.contains(name)) {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!("column `{name}` is asked for twice"),
            ));
        }
        match schema.index_of(name) {
            Ok(at) => indices.push(at),
            Err(_) => {
                // The names there are, from one record written whole.
                let all = to_record_batch(records.get(..1).unwrap_or_default())?;
                let names: Vec<&str> = all
                    .schema_ref()
                    .fields()
                    .iter()
                    .map(|f| f.name().as_str())
                    .collect();
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("no column `{name}`; the columns are {}", names.join(", ")),
                ));
            }
        }
    }
    batch.project(&indices).map_err(arrow_error)
}

/// The records serialized into one table, on every core with the `parallel` feature;
/// with `only`, just the top-level fields those columns come from.
fn tables_of<T: Serialize + Sync>(records: &[T], only: Option<&[&str]>) -> Result<Table> {
    #[cfg(feature = "parallel")]
    if records.len() >= PARALLEL_MIN_RECORDS {
        use rayon::prelude::*;
        let chunk = records
            .len()
            .div_ceil(rayon::current_num_threads().max(1))
            .max(PARALLEL_MIN_RECORDS / 2);
        let tables: Vec<Table> = records
            .par_chunks(chunk)
            .map(|c| table_of(c, only))
            .collect::<Result<_>>()?;
        let mut tables = tables.into_iter();
        let mut table = tables.next().unwrap_or_else(Table::new);
        for t in tables {
            table.append(t);
        }
        return Ok(table);
    }
    table_of(records, only)
}

/// Below this many records one thread writes the batch.
#[cfg(feature = "parallel")]
const PARALLEL_MIN_RECORDS: usize = 4096;

/// The records serialized into a table, before any column is built.
fn table_of<'a, T: Serialize + 'a>(
    records: impl IntoIterator<Item = &'a T>,
    only: Option<&[&str]>,
) -> Result<Table> {
    let records = records.into_iter();
    let mut table = Table::new();
    table.hint = records.size_hint().0;
    table.only = only.map(|c| c.iter().map(|&c| Box::from(c)).collect());
    for r in records {
        table.nodes[ROOT].cursor = 0;
        r.serialize(At {
            table: &mut table,
            node: ROOT,
        })
        .map_err(|e| Error::new(ErrorKind::InvalidValue, e.0))?;
        table.rows += 1;
    }
    Ok(table)
}

/// The columns of a table as one batch.
fn batch_of(table: Table) -> Result<RecordBatch> {
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
    /// The struct field or variant name the node was made for, compared by address
    /// first (a record's fields come with the same `&'static str` every time).
    field: Option<&'static str>,
    name: String,
    children: Vec<usize>,
    /// Where the next field of a struct is expected among `children` (fields come in
    /// the same order in every record, so lookups are one comparison).
    cursor: usize,
    cells: Vec<Cell>,
    /// The strings of `cells`, one after the other.
    text: String,
    items: Option<Box<Table>>,
    /// Earlier rows of this path, from the tables appended before the one `cells`
    /// came from (each padded to its rows); `cells` start at row `start`.
    parts: Vec<Part>,
    start: usize,
}

/// A run of a column's rows from one appended table: its cells and their strings.
struct Part {
    cells: Vec<Cell>,
    text: String,
}

/// Rows of records as a tree of field paths.
struct Table {
    rows: usize,
    /// How many rows the table is expected to get: the capacity of a new path's cells.
    hint: usize,
    nodes: Vec<Node>,
    /// The output columns asked for, if not all: a top-level field none of them comes
    /// from is not written.
    only: Option<Vec<Box<str>>>,
}

impl Table {
    fn new() -> Table {
        Table {
            rows: 0,
            hint: 0,
            only: None,
            nodes: vec![Node {
                key: "".into(),
                field: None,
                name: String::new(),
                children: Vec::new(),
                cursor: 0,
                cells: Vec::new(),
                text: String::new(),
                items: None,
                parts: Vec::new(),
                start: 0,
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
            field: None,
            name,
            children: Vec::new(),
            cursor: 0,
            cells: Vec::with_capacity(self.hint),
            text: String::new(),
            items: None,
            parts: Vec::new(),
            start: 0,
        });
        let p = &mut self.nodes[parent];
        p.children.push(id);
        p.cursor = p.children.len();
        id
    }

    /// [`child`](Table::child) for a field name of a record type: the expected field
    /// is recognised by the address of its name, with no string comparison.
    fn field(&mut self, parent: usize, key: &'static str) -> usize {
        let p = &self.nodes[parent];
        if let Some(&c) = p.children.get(p.cursor) {
            if self.nodes[c]
                .field
                .is_some_and(|f| std::ptr::eq(f.as_ptr(), key.as_ptr()) && f.len() == key.len())
            {
                self.nodes[parent].cursor += 1;
                return c;
            }
        }
        let c = self.child(parent, key);
        if self.nodes[c].field.is_none() {
            self.nodes[c].field = Some(key);
        }
        c
    }

    /// Appends the rows of `other` after this table's, as if its records had been
    /// written here: a field path new to this table joins its parent's fields at the
    /// end, in the order `other` met them, as it would have on one thread.
    #[cfg(feature = "parallel")]
    fn append(&mut self, mut other: Table) {
        self.append_node(ROOT, &mut other, ROOT);
        self.rows += other.rows;
    }

    #[cfg(feature = "parallel")]
    fn append_node(&mut self, node: usize, other: &mut Table, from: usize) {
        let rows = self.rows;
        let theirs = std::mem::take(&mut other.nodes[from].cells);
        if !theirs.is_empty() {
            // The rows so far become a part; the other table's cells (and strings)
            // are moved in, not copied: the column joins the parts when it is built.
            let text = std::mem::take(&mut other.nodes[from].text);
            let n = &mut self.nodes[node];
            let mut mine = std::mem::replace(&mut n.cells, theirs);
            mine.resize(rows - n.start, Cell::Null);
            let mine_text = std::mem::replace(&mut n.text, text);
            if !mine.is_empty() {
                n.parts.push(Part {
                    cells: mine,
                    text: mine_text,
                });
            }
            n.start = rows;
        }
        if let Some(items) = other.nodes[from].items.take() {
            match &mut self.nodes[node].items {
                Some(mine) => mine.append(*items),
                slot @ None => {
                    // No item so far: an empty item table takes the other's rows.
                    let mut mine = Box::new(Table::new());
                    mine.append(*items);
                    *slot = Some(mine);
                }
            }
        }
        for c in other.nodes[from].children.clone() {
            let key = other.nodes[c].key.clone();
            let mine = match self.nodes[node]
                .children
                .iter()
                .copied()
                .find(|&m| self.nodes[m].key == key)
            {
                Some(m) => m,
                None => {
                    // Created as `child` creates it: at the end of the parent's fields.
                    self.nodes[node].cursor = self.nodes[node].children.len();
                    self.child(node, &key)
                }
            };
            self.append_node(mine, other, c);
        }
    }

    /// False for a field at `parent` that no asked-for column comes from: the field
    /// itself (`status`) or a column flattened from it (`name` for `name_zh`).
    fn wanted(&self, parent: usize, key: &str) -> bool {
        let Some(only) = self.only.as_ref().filter(|_| parent == ROOT) else {
            return true;
        };
        only.iter().any(|c| {
            c.strip_prefix(key)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('_'))
        })
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

    /// The columns, depth first in field order (built on every core with the
    /// `parallel` feature: each column depends only on its own values).
    fn finish(mut self) -> Result<(Vec<Field>, Vec<ArrayRef>)> {
        let mut jobs = Vec::new();
        let root = &self.nodes[ROOT];
        if root.children.is_empty() && !(root.cells.is_empty() && root.parts.is_empty()) {
            // Records that are plain values: one column.
            jobs.push(self.column(ROOT, "value".into()));
        }
        self.flatten(ROOT, &mut jobs);
        let built: Vec<Result<(Field, ArrayRef)>> = build_columns(jobs, self.rows);
        built
            .into_iter()
            .collect::<Result<Vec<_>>>()
            .map(|v| v.into_iter().unzip())
    }

    /// The values of every column under `node`, in field order.
    fn flatten(&mut self, node: usize, jobs: &mut Vec<Column>) {
        for c in self.nodes[node].children.clone() {
            let is_struct = !self.nodes[c].children.is_empty();
            // A struct path is null where the struct is None: its fields are null
            // there, and the path itself is no column unless it held values too.
            let values = self.has_values(c);
            if !is_struct || values {
                let name = self.nodes[c].name.clone();
                jobs.push(self.column(c, name));
            }
            if is_struct {
                self.flatten(c, jobs);
            }
        }
    }

    /// The values of `node`'s column, taken out of the table.
    fn column(&mut self, node: usize, name: String) -> Column {
        let rows = self.rows;
        let n = &mut self.nodes[node];
        let mut cells = std::mem::take(&mut n.cells);
        cells.resize(rows - n.start, Cell::Null);
        let mut parts = std::mem::take(&mut n.parts);
        parts.push(Part {
            cells,
            text: std::mem::take(&mut n.text),
        });
        Column {
            name,
            parts,
            items: n.items.take(),
        }
    }

    /// True when `node` holds a value (not null) in some row.
    fn has_values(&self, node: usize) -> bool {
        let n = &self.nodes[node];
        n.cells
            .iter()
            .chain(n.parts.iter().flat_map(|p| p.cells.iter()))
            .any(|x| !matches!(x, Cell::Null))
    }
}

/// One column's values, before its type is chosen: its rows in parts, one per
/// appended table.
struct Column {
    name: String,
    parts: Vec<Part>,
    items: Option<Box<Table>>,
}

impl Column {
    fn build(mut self) -> Result<(Field, ArrayRef)> {
        let (cells, text) = if self.parts.len() == 1 {
            let p = self.parts.pop().unwrap_or(Part {
                cells: Vec::new(),
                text: String::new(),
            });
            (p.cells, p.text)
        } else {
            // The parts joined: one copy, each part's strings shifted by the text before.
            let mut cells = Vec::with_capacity(self.parts.iter().map(|p| p.cells.len()).sum());
            let mut text = String::with_capacity(self.parts.iter().map(|p| p.text.len()).sum());
            for p in self.parts {
                let offset = text.len();
                cells.extend(p.cells.into_iter().map(|c| match c {
                    Cell::Str(a, b) => Cell::Str(a + offset, b + offset),
                    c => c,
                }));
                text.push_str(&p.text);
            }
            (cells, text)
        };
        let (dt, a) = array_of(cells, text, self.items)?;
        Ok((Field::new(self.name, dt, true), a))
    }
}

/// Every column's array, in order: on every core for a large table with the `parallel`
/// feature.
fn build_columns(jobs: Vec<Column>, rows: usize) -> Vec<Result<(Field, ArrayRef)>> {
    #[cfg(feature = "parallel")]
    if rows >= PARALLEL_MIN_RECORDS {
        use rayon::prelude::*;
        return jobs.into_par_iter().map(Column::build).collect();
    }
    let _ = rows;
    jobs.into_iter().map(Column::build).collect()
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
    text: String,
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
            text_array(&cells, text)?
        }
    } else {
        text_array(&cells, text)?
    };
    Ok((array.data_type().clone(), array))
}

fn text_array(cells: &[Cell], text: String) -> Result<ArrayRef> {
    let text = match text_column(cells, text) {
        Ok(a) => return a,
        Err(text) => text,
    };
    let text = text.as_str();
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
    Ok(Arc::new(a))
}

/// A column of strings whose cells are the column's text in order (as a column written
/// one value per row always is): the text becomes the array's value buffer as it is,
/// with no copy per value. The text back when the cells are not exactly that.
fn text_column(cells: &[Cell], text: String) -> std::result::Result<Result<ArrayRef>, String> {
    let Some((offsets, valid)) = contiguous(cells, &text) else {
        return Err(text);
    };
    let nulls = valid
        .iter()
        .any(|v| !v)
        .then(|| arrow_buffer::NullBuffer::from(valid));
    // The offsets are the ends of whole strings pushed one after the other: valid.
    Ok(StringArray::try_new(
        OffsetBuffer::new(ScalarBuffer::from(offsets)),
        arrow_buffer::Buffer::from(text.into_bytes()),
        nulls,
    )
    .map(|a| Arc::new(a) as ArrayRef)
    .map_err(arrow_error))
}

/// The offsets and validity of string cells that cover `text` in order, or None.
fn contiguous(cells: &[Cell], text: &str) -> Option<(Vec<i32>, Vec<bool>)> {
    i32::try_from(text.len()).ok()?;
    let mut offsets: Vec<i32> = Vec::with_capacity(cells.len() + 1);
    let mut valid: Vec<bool> = Vec::with_capacity(cells.len());
    let mut at = 0usize;
    offsets.push(0);
    for c in cells {
        match c {
            Cell::Str(a, b) if *a == at => at = *b,
            Cell::Null => {}
            _ => return None,
        }
        offsets.push(i32::try_from(at).ok()?);
        valid.push(matches!(c, Cell::Str(..)));
    }
    (at == text.len()).then_some((offsets, valid))
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
        items.column(ROOT, String::new()).build()?.1
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

/// A decimal as its marked text gives it (`-12.50`: a sign, digits, at most one point),
/// read without the general parser; None for anything else (the caller falls back to
/// `Decimal::from_str_exact`, which gives the same value for this text).
fn plain_decimal(text: &str) -> Option<Decimal> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let mut mantissa: i128 = 0;
    let mut count = 0u32;
    let mut scale = 0u32;
    let mut point = false;
    for b in digits.bytes() {
        match b {
            b'0'..=b'9' => {
                count = count.checked_add(1)?;
                if count > 28 {
                    return None;
                }
                mantissa = mantissa
                    .checked_mul(10)?
                    .checked_add(i128::from(b.wrapping_sub(b'0')))?;
                if point {
                    scale = scale.checked_add(1)?;
                }
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    // No digits, a bare point, or a negative zero (kept as the general parser keeps it).
    if count == 0 || digits.ends_with('.') || digits.starts_with('.') || (negative && mantissa == 0)
    {
        return None;
    }
    let mantissa = if negative {
        mantissa.checked_neg()?
    } else {
        mantissa
    };
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

/// A date as its marked text gives it (`YYYY-MM-DD`), read without the period parser.
fn plain_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i16> {
        text.get(r)?.bytes().try_fold(0i16, |n, c| {
            c.is_ascii_digit()
                .then(|| {
                    n.checked_mul(10)?
                        .checked_add(i16::from(c.wrapping_sub(b'0')))
                })
                .flatten()
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// Receives the text a marked newtype wraps, on the stack (decimals and dates are
/// short).
struct Sink {
    buf: [u8; 64],
    len: usize,
    overflow: bool,
    got: bool,
}

impl Default for Sink {
    fn default() -> Sink {
        Sink {
            buf: [0; 64],
            len: 0,
            overflow: false,
            got: false,
        }
    }
}

impl Sink {
    fn text(&self) -> Option<&str> {
        if self.overflow || !self.got {
            return None;
        }
        std::str::from_utf8(self.buf.get(..self.len)?).ok()
    }
}

impl std::fmt::Write for Sink {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(std::fmt::Error)?;
        match self.buf.get_mut(self.len..end) {
            Some(slot) => {
                slot.copy_from_slice(s.as_bytes());
                self.len = end;
                Ok(())
            }
            None => {
                self.overflow = true;
                Err(std::fmt::Error)
            }
        }
    }
}

/// Anything but a string inside a marked newtype.
fn not_text() -> R {
    Err(SerError("a marked newtype must wrap a text".into()))
}

impl ser::Serializer for &mut Sink {
    type Ok = ();
    type Error = SerError;
    type SerializeSeq = ser::Impossible<(), SerError>;
    type SerializeTuple = ser::Impossible<(), SerError>;
    type SerializeTupleStruct = ser::Impossible<(), SerError>;
    type SerializeTupleVariant = ser::Impossible<(), SerError>;
    type SerializeMap = ser::Impossible<(), SerError>;
    type SerializeStruct = ser::Impossible<(), SerError>;
    type SerializeStructVariant = ser::Impossible<(), SerError>;

    fn serialize_str(self, v: &str) -> R {
        use std::fmt::Write as _;
        self.got = true;
        let _ = self.write_str(v);
        Ok(())
    }
    fn collect_str<T: std::fmt::Display + ?Sized>(self, v: &T) -> R {
        use std::fmt::Write as _;
        self.got = true;
        let _ = write!(self, "{v}");
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> R {
        not_text()
    }
    fn serialize_i8(self, _: i8) -> R {
        not_text()
    }
    fn serialize_i16(self, _: i16) -> R {
        not_text()
    }
    fn serialize_i32(self, _: i32) -> R {
        not_text()
    }
    fn serialize_i64(self, _: i64) -> R {
        not_text()
    }
    fn serialize_u8(self, _: u8) -> R {
        not_text()
    }
    fn serialize_u16(self, _: u16) -> R {
        not_text()
    }
    fn serialize_u32(self, _: u32) -> R {
        not_text()
    }
    fn serialize_u64(self, _: u64) -> R {
        not_text()
    }
    fn serialize_f32(self, _: f32) -> R {
        not_text()
    }
    fn serialize_f64(self, _: f64) -> R {
        not_text()
    }
    fn serialize_char(self, v: char) -> R {
        self.collect_str(&v)
    }
    fn serialize_bytes(self, _: &[u8]) -> R {
        not_text()
    }
    fn serialize_none(self) -> R {
        not_text()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_unit(self) -> R {
        not_text()
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        not_text()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R {
        not_text()
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> R {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R {
        not_text()
    }
    fn serialize_seq(self, _: Option<usize>) -> std::result::Result<Self::SerializeSeq, SerError> {
        Err(SerError("a marked newtype must wrap a text".into()))
    }
    fn serialize_tuple(self, _: usize) -> std::result::Result<Self::SerializeTuple, SerError> {
        Err(SerError("a marked newtype must wrap a text".into()))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeTupleStruct, SerError> {
        Err(SerError("a marked newtype must wrap a text".into()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeTupleVariant, SerError> {
        Err(SerError("a marked newtype must wrap a text".into()))
    }
    fn serialize_map(self, _: Option<usize>) -> std::result::Result<Self::SerializeMap, SerError> {
        Err(SerError("a marked newtype must wrap a text".into()))
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeStruct, SerError> {
        Err(SerError("a marked newtype must wrap a text".into()))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> std::result::Result<Self::SerializeStructVariant, SerError> {
        Err(SerError("a marked newtype must wrap a text".into()))
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
        // The marked text is written into a buffer on the stack, then read back as
        // what it marks.
        let mut sink = Sink::default();
        value.serialize(&mut sink)?;
        let Some(text) = sink.text() else {
            return Err(SerError(format!("{name} must mark a short text")));
        };
        let cell = if name == DECIMAL {
            match plain_decimal(text) {
                Some(d) => Cell::Decimal(d),
                None => Cell::Decimal(
                    Decimal::from_str_exact(text)
                        .map_err(|_| SerError(format!("{text:?} is not a decimal")))?,
                ),
            }
        } else {
            match plain_date(text) {
                Some(d) => Cell::Date(d),
                None => match crate::period::Period::parse(text) {
                    Ok(crate::period::Period::Date(d)) => Cell::Date(d),
                    _ => return Err(SerError(format!("{text:?} is not a date"))),
                },
            }
        };
        self.put(cell)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> R {
        let node = self.table.field(self.node, variant);
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
        let node = self.table.field(self.node, variant);
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
        let node = self.table.field(self.node, variant);
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
        if !self.table.wanted(self.node, key) {
            return Ok(());
        }
        let node = self.table.field(self.node, key);
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
        if !self.table.wanted(self.node, &self.key) {
            return Ok(());
        }
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
