//! Python tables as the core's [`Table`]: pandas and polars DataFrames, anything that
//! exports the Arrow PyCapsule stream (through pyarrow), records (an iterable of
//! dicts, or a dict of label → dict) and dicts of columns.
//!
//! Only types are converted here, column by column: every rule (which columns, what a
//! cell may hold, where a problem is) is the core's. Row labels cross as text; the
//! issues of an error get the original label objects back, so `row` is the
//! DataFrame's own index label.

use std::collections::HashMap;

use planwatch::{Cell, Column, RowLabels, Table};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyMapping, PyString};

use crate::convert::{cell_text, decimal_class, type_name};
use crate::errors;

/// A table converted from Python, with its row labels as the objects they were.
pub(crate) struct Converted {
    pub(crate) table: Table,
    labels: Labels,
}

/// The row labels of a converted table, for the issues of an error.
enum Labels {
    /// Each label's text and object.
    Objects(Vec<(String, Py<PyAny>)>),
    /// Rows labelled by position (a pandas `RangeIndex` from 0, a polars or Arrow
    /// table): the label of row "5" is the int 5, made only when an error needs it.
    Positions,
}

/// One Python value as a cell. Floats go through their shortest round-trip text
/// (16.4 is "16.4"), NaN is [`Cell::NaN`], numpy scalars count as the Python value they
/// hold, and a value of a type no column takes is [`Cell::Invalid`], reported by the
/// core where it is.
pub(crate) fn cell_from_py(value: &Bound<'_, PyAny>) -> PyResult<Cell> {
    if value.is_none() {
        return Ok(Cell::Null);
    }
    // The common cases first: a column of a million str or int cells.
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Cell::Text(s.to_cow()?.into_owned()));
    }
    if value.is_instance_of::<PyBool>() {
        return Ok(Cell::Bool(value.is_truthy()?));
    }
    if value.is_instance_of::<pyo3::types::PyInt>() {
        return Ok(Cell::Text(value.str()?.to_cow()?.into_owned()));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return Ok(Cell::float(f.value()));
    }
    if is_numpy_scalar(value)? {
        return cell_from_py(&value.call_method0("item")?);
    }
    if value.is_instance(decimal_class(value.py())?)?
        && value.call_method0("is_nan")?.is_truthy()?
    {
        return Ok(Cell::NaN);
    }
    match cell_text(value, true) {
        Ok(Some(text)) => Ok(Cell::Text(text)),
        Ok(None) => Ok(Cell::NaN),
        Err(e) if e.is_instance_of::<PyTypeError>(value.py()) => {
            Ok(Cell::Invalid(type_name(value)))
        }
        Err(e) => Err(e),
    }
}

/// numpy's scalars (`numpy.int64`, `numpy.float32`, `numpy.bool_` …) are not Python's
/// `int`/`float`/`bool`; their `item()` is.
fn is_numpy_scalar(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    let module = value.get_type().getattr("__module__")?;
    Ok(module.extract::<String>().is_ok_and(|m| m == "numpy") && value.hasattr("item")?)
}

fn column_name(name: &Bound<'_, PyAny>, position: usize) -> PyResult<String> {
    name.cast::<PyString>()
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "column names must be str, not {} (column {position})",
                type_name(name)
            ))
        })?
        .to_cow()
        .map(|c| c.into_owned())
}

fn cells(values: &Bound<'_, PyAny>) -> PyResult<Column> {
    let cells: Vec<Cell> = values
        .try_iter()?
        .map(|v| cell_from_py(&v?))
        .collect::<PyResult<_>>()?;
    Ok(cells.into())
}

/// Converts `data` into a table named `name` (in error locations: the path prefix, and
/// the file unless `file` is given).
pub(crate) fn table_from_py(
    data: &Bound<'_, PyAny>,
    name: &str,
    file: Option<&str>,
) -> PyResult<Converted> {
    let py = data.py();
    let mut columns: Vec<(String, Column)> = Vec::new();
    let labels: Vec<Py<PyAny>>;
    if data.hasattr("iloc")? && data.hasattr("index")? && data.hasattr("columns")? {
        // pandas: columns by position (names may repeat), labels from the index. Each
        // column goes through Arrow where pyarrow converts it exactly (numbers,
        // strings, dates), else cell by cell (an object column of mixed values).
        let arrays = py
            .import("planwatch._arrow")?
            .call_method1("frame_arrays", (data,))?;
        let iloc = data.getattr("iloc")?;
        for (pos, (col, array)) in data
            .getattr("columns")?
            .try_iter()?
            .zip(arrays.try_iter()?)
            .enumerate()
        {
            let array = array?;
            let cells = if array.is_none() {
                let series = iloc.get_item((pyo3::types::PySlice::full(py), pos))?;
                cells(&series.call_method0("tolist")?)?
            } else {
                let (array, nan): (Bound<'_, PyAny>, bool) = array.extract()?;
                let column = arrow_column(array)?;
                // pandas' `str` dtype: a missing value is NaN, as the cell shows.
                if nan {
                    column.nulls_as_nan()
                } else {
                    column
                }
            };
            columns.push((column_name(&col?, pos)?, cells));
        }
        let index = data.getattr("index")?;
        let n = index.len()?;
        if is_default_index(&index)? {
            return converted(name, file, columns, Labels::Positions, n);
        }
        labels = index
            .call_method0("tolist")?
            .try_iter()?
            .map(|l| l.map(Bound::unbind))
            .collect::<PyResult<_>>()?;
    } else if data.hasattr("__arrow_c_stream__")? || data.hasattr("__arrow_c_array__")? {
        // An Arrow table, a polars DataFrame: read through Arrow; rows are labelled
        // by position.
        let table = if data.hasattr("to_arrow")? && data.hasattr("get_column")? {
            data.call_method0("to_arrow")?
        } else {
            py.import("pyarrow")?.call_method1("table", (data,))?
        };
        let names: Vec<String> = table.getattr("column_names")?.extract()?;
        for (i, name) in names.into_iter().enumerate() {
            let column = table.call_method1("column", (i,))?;
            columns.push((name, arrow_column(column)?));
        }
        let n: usize = table.getattr("num_rows")?.extract()?;
        return converted(name, file, columns, Labels::Positions, n);
    } else if data.hasattr("get_column")? && data.hasattr("columns")? {
        // polars without Arrow export: no index; rows are labelled by position.
        let names: Vec<String> = data.getattr("columns")?.extract()?;
        for name in names {
            let series = data.call_method1("get_column", (&name,))?;
            columns.push((name, cells(&series.call_method0("to_list")?)?));
        }
        labels = positions(py, columns.first().map_or(0, |c| c.1.len()))?;
    } else if let Ok(map) = data.cast::<PyMapping>() {
        let items: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = map
            .items()?
            .iter()
            .map(|i| i.extract())
            .collect::<PyResult<_>>()?;
        if items.iter().all(|(_, v)| v.cast::<PyMapping>().is_ok()) && !items.is_empty() {
            // {label: record}: `df.to_dict("index")`.
            let (l, records): (Vec<_>, Vec<_>) = items.into_iter().unzip();
            labels = l.into_iter().map(Bound::unbind).collect();
            columns = from_records(&records)?;
        } else {
            // {column: values}: `df.to_dict("list")`.
            for (pos, (key, values)) in items.iter().enumerate() {
                columns.push((column_name(key, pos)?, cells(values)?));
            }
            labels = positions(py, columns.first().map_or(0, |c| c.1.len()))?;
        }
    } else if data.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "a table must be a DataFrame, an Arrow table, records or a dict of columns, not str",
        ));
    } else {
        let records: Vec<Bound<'_, PyAny>> = data
            .try_iter()
            .map_err(|_| {
                PyTypeError::new_err(format!(
                    "a table must be a DataFrame, an Arrow table, records or a dict of \
                     columns, not {}",
                    type_name(data)
                ))
            })?
            .collect::<PyResult<_>>()?;
        labels = positions(py, records.len())?;
        columns = from_records(&records)?;
    }
    let label_texts = labels
        .iter()
        .map(|l| Ok(l.bind(py).str()?.to_cow()?.into_owned()))
        .collect::<PyResult<Vec<String>>>()?;
    let n = label_texts.len();
    let labels = Labels::Objects(label_texts.into_iter().zip(labels).collect());
    converted(name, file, columns, labels, n)
}

/// The table of `columns` with `n` rows labelled by `labels`.
fn converted(
    name: &str,
    file: Option<&str>,
    columns: Vec<(String, Column)>,
    labels: Labels,
    n: usize,
) -> PyResult<Converted> {
    let texts = match &labels {
        Labels::Objects(objects) => {
            RowLabels::Texts(objects.iter().map(|(t, _)| t.clone()).collect())
        }
        Labels::Positions => RowLabels::Positions(n),
    };
    let mut table = Table::from_columns(name, columns, texts).map_err(errors::to_py)?;
    if let Some(file) = file {
        table = table.in_file(file);
    }
    Ok(Converted { table, labels })
}

/// True for pandas' default index, `RangeIndex(0, n)`: labels are positions.
fn is_default_index(index: &Bound<'_, PyAny>) -> PyResult<bool> {
    if index.get_type().name()?.to_cow()? != "RangeIndex" {
        return Ok(false);
    }
    let (start, step): (i64, i64) = (
        index.getattr("start")?.extract()?,
        index.getattr("step")?.extract()?,
    );
    Ok(start == 0 && step == 1)
}

/// An Arrow array or chunked array (anything with `__arrow_c_array__` or
/// `__arrow_c_stream__`) as a table's column: its chunks, not copied; the core
/// converts a cell when it reads it.
fn arrow_column(array: Bound<'_, PyAny>) -> PyResult<Column> {
    let py = array.py();
    let any: pyo3_arrow::input::AnyArray = array.extract()?;
    let (chunks, _) = any.into_chunked_array()?.into_inner();
    // A dictionary's values are converted here, once: without the GIL.
    Ok(py.detach(|| Column::from_arrow(chunks)))
}

fn positions(py: Python<'_>, n: usize) -> PyResult<Vec<Py<PyAny>>> {
    (0..n)
        .map(|i| Ok(i.into_pyobject(py)?.into_any().unbind()))
        .collect()
}

/// Records (mappings) as columns: the union of their keys in order of first use, a
/// missing key being an empty cell.
fn from_records(records: &[Bound<'_, PyAny>]) -> PyResult<Vec<(String, Column)>> {
    let mut columns: Vec<(String, Vec<Cell>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, record) in records.iter().enumerate() {
        let map = record.cast::<PyMapping>().map_err(|_| {
            PyTypeError::new_err(format!(
                "record {i} is a {}, not a mapping of column names to values",
                type_name(record)
            ))
        })?;
        for item in map.items()?.iter() {
            let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let key = key.cast::<PyString>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "record {i}: keys must be column names (str), not {}",
                    type_name(&key)
                ))
            })?;
            let key = key.to_cow()?.into_owned();
            let k = *index.entry(key.clone()).or_insert_with(|| {
                columns.push((key, Vec::new()));
                columns.len() - 1
            });
            let column = &mut columns[k].1;
            column.resize(i, Cell::Null);
            column.push(cell_from_py(&value)?);
        }
    }
    for (_, column) in &mut columns {
        column.resize(records.len(), Cell::Null);
    }
    Ok(columns
        .into_iter()
        .map(|(name, cells)| (name, cells.into()))
        .collect())
}

/// A core error raised as the package's exception, each issue's `row` being the row's
/// own label object (an int, a string, a timestamp) where the table had one.
pub(crate) fn error_with_labels(
    py: Python<'_>,
    err: planwatch::Error,
    tables: &[&Converted],
) -> PyErr {
    let exc = errors::to_py(err);
    let by_text: Vec<Option<HashMap<&str, &Py<PyAny>>>> = tables
        .iter()
        .map(|t| match &t.labels {
            Labels::Positions => None,
            Labels::Objects(labels) => {
                let mut map = HashMap::with_capacity(labels.len());
                for (text, label) in labels {
                    map.entry(text.as_str()).or_insert(label);
                }
                Some(map)
            }
        })
        .collect();
    let relabel = || -> PyResult<()> {
        let issues = exc.value(py).getattr("issues")?;
        for issue in issues.cast::<PyList>()?.iter() {
            let issue = issue.cast::<PyDict>()?;
            let (Some(file), Some(row)) = (issue.get_item("file")?, issue.get_item("row")?) else {
                continue;
            };
            // The row as the core labels it (a number is an int by now: `errors::issue`).
            let row = match row.extract::<u64>() {
                Ok(n) => n.to_string(),
                Err(_) => match row.extract::<String>() {
                    Ok(text) => text,
                    Err(_) => continue,
                },
            };
            let Ok(file) = file.extract::<String>() else {
                continue;
            };
            let path: Option<String> = issue.get_item("path")?.and_then(|p| p.extract().ok());
            let table = tables.iter().position(|t| {
                t.table.file() == file
                    && path
                        .as_deref()
                        .is_some_and(|p| p.starts_with(t.table.name()))
            });
            // Rows labelled by position are ints already (`errors::issue`).
            if let Some(Some(map)) = table.map(|t| &by_text[t]) {
                if let Some(label) = map.get(row.as_str()) {
                    issue.set_item("row", label.bind(py))?;
                }
            }
        }
        Ok(())
    };
    match relabel() {
        Ok(()) => exc,
        Err(e) => e,
    }
}

/// The plan header from keyword arguments; `period` may be an int (2024).
pub(crate) fn header_from_py(
    id: Option<&str>,
    period: Option<&Bound<'_, PyAny>>,
    title: Option<String>,
    jurisdiction: Option<String>,
    document: Option<String>,
    references: Option<&Bound<'_, PyAny>>,
) -> PyResult<planwatch::PlanHeader> {
    let period = match period.filter(|p| !p.is_none()) {
        Some(p) if p.is_instance_of::<PyString>() || p.is_instance_of::<pyo3::types::PyInt>() => {
            p.str()?.to_cow()?.into_owned()
        }
        Some(p) => {
            return Err(PyTypeError::new_err(format!(
                "period must be a str such as \"2024\" or \"2021..2025\", or an int, not {}",
                type_name(p)
            )))
        }
        None => String::new(),
    };
    let mut header = planwatch::PlanHeader::new(id.unwrap_or_default(), period);
    header.title = title;
    header.jurisdiction = jurisdiction;
    header.document = document;
    if let Some(refs) = references.filter(|r| !r.is_none()) {
        let refs = refs.cast::<PyMapping>().map_err(|_| {
            PyTypeError::new_err("references must be a dict of key to quantity text")
        })?;
        for item in refs.items()?.iter() {
            let (key, value): (String, Bound<'_, PyAny>) = item.extract()?;
            header
                .references
                .push((key, value.str()?.to_cow()?.into_owned()));
        }
    }
    Ok(header)
}

/// `Plan.from_tables`: both tables converted, then the core's one reader.
pub(crate) fn plan_from_tables(
    py: Python<'_>,
    indicators: &Bound<'_, PyAny>,
    targets: &Bound<'_, PyAny>,
    header: &planwatch::PlanHeader,
    strict: bool,
) -> PyResult<planwatch::Plan> {
    let indicators = table_from_py(indicators, "indicators", None)?;
    let targets = table_from_py(targets, "targets", None)?;
    py.detach(|| planwatch::Plan::from_tables(&indicators.table, &targets.table, header, strict))
        .map_err(|e| error_with_labels(py, e, &[&indicators, &targets]))
}

/// `Observations.from_records` and DataFrames by rows: the core's table reader.
///
/// With the batch, the table's own row labels (a DataFrame's index, a dict's keys) as a
/// list, one per row, when it has them.
pub(crate) fn observations_from_table(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    name: &str,
    file: Option<&str>,
    strict: bool,
) -> PyResult<(planwatch::Observations, Option<Py<PyAny>>)> {
    let converted = table_from_py(data, name, file)?;
    let batch = py
        .detach(|| planwatch::Observations::from_table(&converted.table, strict))
        .map_err(|e| error_with_labels(py, e, &[&converted]))?;
    let labels = match &converted.labels {
        Labels::Objects(objects) => Some(
            PyList::new(py, objects.iter().map(|(_, label)| label.bind(py)))?
                .into_any()
                .unbind(),
        ),
        Labels::Positions => None,
    };
    Ok((batch, labels))
}

/// Reads a workbook's bytes with the GIL released, then `load` on them.
pub(crate) fn from_workbook<T: Send>(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    load: impl FnOnce(std::io::Cursor<Vec<u8>>, &str) -> planwatch::Result<T> + Send,
) -> PyResult<T> {
    let path: std::path::PathBuf = source.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "an Excel workbook is given by its path (str or os.PathLike), not {}",
            type_name(source)
        ))
    })?;
    let name = path.to_string_lossy().into_owned();
    py.detach(|| {
        let bytes = std::fs::read(&path).map_err(Err)?;
        load(std::io::Cursor::new(bytes), &name).map_err(Ok)
    })
    .map_err(|e| match e {
        Ok(core) => errors::to_py(core),
        Err(io) => crate::convert::io_error(&io, &name),
    })
}
