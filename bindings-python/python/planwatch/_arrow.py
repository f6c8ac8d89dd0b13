"""pandas and polars over planwatch's Arrow path.

The compiled module reads and writes Arrow tables (``Observations.from_arrow``,
``Scorecard.to_arrow``); the DataFrame methods are thin wrappers here. pandas, polars and
pyarrow are optional extras, imported only when a DataFrame is asked for.
"""

from __future__ import annotations

import importlib
import math
import re
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Dict, List, Optional

# Columns of a scorecard that are categoricals in report order (the order and labels
# come from the core: ``_categories``), and the column of section paths.
_CATEGORICAL = ("status", "base_status", "kind", "grade")
_SECTION = "section"


def _module(name: str, extra: str) -> Any:
    try:
        # Through importlib: these libraries ship no type information we rely on.
        return importlib.import_module(name)
    except ImportError as err:
        raise ImportError(
            f"this needs {name}, an optional dependency of planwatch: "
            f'pip install "planwatch[{extra}]"'
        ) from err


def _pyarrow() -> Any:
    return _module("pyarrow", "pandas")


# --- in ------------------------------------------------------------------------------


def _cell_text(value: Any) -> Optional[str]:
    """The text of one cell of a mixed object column, as the core reads text: floats
    through their shortest round-trip text (``repr``), NaN as ``"NaN"`` (reported as a
    missing value (NaN)), missing values as ``None``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "done" if value else "not done"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        # The shortest round-trip text, as a float column's cell is, without an
        # exponent or a trailing ".0": 2024.0 is the year 2024 (a column pd.concat
        # made of floats and text), 1e23 is 100000000000000000000000.
        text = repr(value)
        if "e" in text or "E" in text:
            text = format(Decimal(text), "f")
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, Decimal):
        return "NaN" if value.is_nan() else str(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    try:
        # numpy scalars (int64, float64) and pandas' missing values (NA, NaT).
        if value != value:  # noqa: PLR0124 - NaN, NaT and NA are not equal to themselves
            return "NaN" if isinstance(value, float) else None
    except (TypeError, ValueError):
        # pandas.NA has no truth value.
        return None
    item = getattr(value, "item", None)
    if callable(item):
        return _cell_text(item())
    return str(value)


def _nan_as_text(pa: Any, series: Any, array: Any) -> Any:
    """A text column's missing values that pandas shows as NaN (the ``str`` dtype's,
    a float NaN in an object column) as the text ``NaN``, which the row rules read as
    a missing value (NaN), as they read a NaN float: an analyst who sees NaN in a
    required column is told so, not that a period ended early. ``None`` stays null."""
    if array.null_count == 0:
        return array
    pc = importlib.import_module("pyarrow.compute")
    if pa.types.is_dictionary(array.type) and type(series.dtype).__name__ == "CategoricalDtype":
        # A categorical shows every missing value as NaN. When its categories are text
        # or integers (a period 2024 reads as "2024") and some value is missing, the
        # column goes as text, its missing values as "NaN" (each distinct text is still
        # read once). Other categories (floats, dates) keep their type, and their
        # missing values read as empty.
        values = array.type.value_type
        if not (pa.types.is_string(values) or pa.types.is_large_string(values) or pa.types.is_integer(values)):
            return array
        array = pc.cast(array.dictionary_decode(), pa.string())
    if not pa.types.is_string(array.type) and not pa.types.is_large_string(array.type):
        return array
    na = getattr(series.dtype, "na_value", None)
    if isinstance(na, float) and math.isnan(na):
        return pc.fill_null(array, pa.scalar("NaN", array.type))
    return array


def _strings_with_nan(pa: Any, series: Any) -> Any:
    """An object column of strings and missing values as Arrow strings, a float NaN
    as the text ``NaN`` (see ``_nan_as_text``) and ``None`` as null."""
    array = pa.array(series, type=pa.string(), from_pandas=True)
    if array.null_count == 0:
        return array
    nan = [isinstance(v, float) for v in series]
    if not any(nan):
        return array
    pc = importlib.import_module("pyarrow.compute")
    return pc.if_else(pa.array(nan), pa.scalar("NaN", array.type), array)


def _column(pa: Any, series: Any) -> Any:
    """One pandas column as an Arrow array: pyarrow's own conversion (exact for
    Decimal, date and number columns; floats keep NaN), else the text of each cell.
    Periods (``pd.Period``) go as their text (``2024Q3``); zoned timestamps as their
    local wall time; a text column's NaN as the text ``NaN`` (``_nan_as_text``)."""
    return _nan_as_text(pa, series, _column_array(pa, series))


def _column_array(pa: Any, series: Any) -> Any:
    """``_column`` before its NaN are written as text."""
    dtype = series.dtype
    kind = type(dtype).__name__
    if kind == "PeriodDtype":
        return pa.array([None if v != v else str(v) for v in series], type=pa.string())
    if kind == "DatetimeTZDtype":
        series = series.dt.tz_localize(None)
    if str(dtype) == "object":
        # pyarrow's guess at an object column can be silently wrong (a column mixing
        # Decimal, float and str became all NaN): strings and Decimals go as such, any
        # other mix as the text of each cell.
        inferred = importlib.import_module("pandas").api.types.infer_dtype(series, skipna=True)
        if inferred == "string":
            return _strings_with_nan(pa, series)
        if inferred != "decimal":
            return pa.array([_cell_text(v) for v in series], type=pa.string())
    try:
        return pa.array(series, from_pandas=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        return pa.array([_cell_text(v) for v in series], type=pa.string())


def frame_arrays(df: Any) -> List[Any]:
    """The columns of a pandas DataFrame for a table reader (``Plan.from_tables``), each
    ``(array, nan)``: an Arrow array where pyarrow converts the column exactly — numbers
    (floats keep NaN, read later through their shortest text), strings, booleans,
    dates, categoricals — and whether its missing values are NaN (pandas' ``str``
    dtype shows them so, and problems quote them so); or ``None`` for a column the
    binding reads cell by cell (an object column of mixed values or with missing
    values, ``Decimal``s, periods)."""
    pa = _pyarrow()
    pd = importlib.import_module("pandas")
    out: List[Any] = []
    for i in range(df.shape[1]):
        series = df.iloc[:, i]
        dtype = series.dtype
        if str(dtype) == "object":
            inferred = pd.api.types.infer_dtype(series, skipna=False)
            if inferred == "string":
                out.append((pa.array(series, type=pa.string()), False))
            else:
                out.append(None)
            continue
        if type(dtype).__name__ in ("PeriodDtype", "DatetimeTZDtype", "IntervalDtype", "SparseDtype"):
            out.append(None)
            continue
        na = getattr(dtype, "na_value", None)
        nan = isinstance(na, float) and math.isnan(na)
        try:
            floats = getattr(dtype, "kind", "") == "f"
            out.append((pa.array(series, from_pandas=not floats), nan))
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, TypeError, ValueError):
            out.append(None)
    return out


_ROW = re.compile(r"^\[(\d+)\]")
# A row position where a location starts in an error's text: at the start or after a
# space, comma or parenthesis, and followed by the field or the end of the location.
# A quoted cell that reads "[0].value" follows a quote, so it is left alone.
_ROW_IN_TEXT = re.compile(r"(?<![^\s,(])\[(\d+)\](?=[.:,)\s]|$)")


def _label(index: Any, position: int) -> Any:
    """The index label of the row at ``position``, numpy scalars as the Python value
    they hold (``row`` is ``3``, not ``np.int64(3)``, and so is the path's text)."""
    label = index[position]
    item = getattr(label, "item", None)
    if callable(item) and type(label).__module__ == "numpy":
        return item()
    return label


def _relabel_text(text: str, prefixes: Dict[int, str]) -> str:
    """``text`` with each ``[i]`` of a location replaced by ``prefixes[i]``, in one pass:
    replacing one path after another would undo a swap (labels 1 and 0 at positions
    0 and 1)."""

    def replace(match: "re.Match[str]") -> str:
        return prefixes.get(int(match.group(1)), match.group(0))

    return _ROW_IN_TEXT.sub(replace, text)


def _relabelled(issue: Dict[str, Any], index: Any, prefixes: Dict[int, str]) -> Dict[str, Any]:
    """One issue with its row position replaced by ``index``'s label, in its ``path``,
    ``row`` and ``message``; the position and its label's ``[label]`` added to
    ``prefixes``."""
    issue = dict(issue)
    path = issue.get("path") or ""
    match = _ROW.match(path)
    if match and int(match.group(1)) < len(index):
        position = int(match.group(1))
        label = _label(index, position)
        issue["row"] = label
        prefixes[position] = f"[{label!r}]"
        issue["path"] = prefixes[position] + path[match.end():]
    message = issue.get("message")
    if isinstance(message, str) and "[" in message:
        # Only the rows the message itself names: linear in the issues, however many.
        issue["message"] = _relabel_text(message, _positions_in(message, index))
    return issue


def _positions_in(text: str, index: Any) -> Dict[int, str]:
    """The ``[label]`` of every row position a text names (a duplicate's message names
    the row it repeats)."""
    out: Dict[int, str] = {}
    for match in _ROW_IN_TEXT.finditer(text):
        position = int(match.group(1))
        if position < len(index):
            out[position] = f"[{_label(index, position)!r}]"
    return out


def relabel_issues(issues: Any, by_file: Dict[str, Any]) -> None:
    """``plan.check``'s issue dicts, in place, with the rows of each file (a loader's
    label) named by that file's labels (``{file: index}``); rows of other files are left
    as they are."""
    for i in range(len(issues)):
        index = by_file.get(issues[i].get("file"))
        if index is not None:
            issues[i] = _relabelled(issues[i], index, {})


def _relabel(err: Any, index: Any) -> Any:
    """The error with every ``[i]`` row position replaced by the DataFrame's index
    label, in each issue's ``path`` and ``row`` and in the error's text. Any index is
    relabelled: a ``RangeIndex`` not from 0 by 1 (``df.iloc[2:]``) has labels that are
    not positions, and on the default one each label is its position anyway."""
    prefixes: Dict[int, str] = {}
    issues = [_relabelled(issue, index, prefixes) for issue in err.issues]
    return type(err)(
        _relabel_text(err.message, prefixes),
        code=err.code,
        location=err.location,
        expected=err.expected,
        issues=issues,
        text=_relabel_text(str(err), prefixes),
    )


def observations_from_pandas(df: Any, label: str) -> Any:
    """``Observations.from_pandas``: the DataFrame through Arrow, errors by index label."""
    from planwatch import Observations, ValidationError

    if not hasattr(df, "iloc"):
        if hasattr(df, "__arrow_c_stream__"):
            # A polars DataFrame (or another Arrow table) has no index to relabel.
            return observations_from_polars(df, label)
        raise TypeError(f"from_pandas needs a pandas DataFrame, not {type(df).__name__}")
    pa = _pyarrow()
    names = [str(c) for c in df.columns]
    arrays = [_column(pa, df.iloc[:, i]) for i in range(len(names))]
    table = pa.Table.from_arrays(arrays, names=names)
    try:
        observations = Observations.from_arrow(table, label)
    except ValidationError as err:
        raise _relabel(err, df.index) from None
    # A check names rows by the same labels.
    observations._label_rows(label, df.index)
    return observations


def _without_null_columns(df: Any) -> Any:
    """A polars DataFrame with its Null-typed columns (polars' type for a column of
    only ``None``) cast to String, still all null: arrow-rs rejects polars' export of
    a Null column ("doesn't expect buffer at index 0"). Anything else is returned as
    it is; polars is not imported for it."""
    pl = sys.modules.get("polars")
    if pl is None or not isinstance(df, pl.DataFrame):
        return df
    nulls = [name for name, dtype in df.schema.items() if dtype == pl.Null]
    return df.with_columns(pl.col(nulls).cast(pl.String)) if nulls else df


def observations_from_polars(df: Any, label: str) -> Any:
    """``Observations.from_polars``: the frame's Arrow stream, no copy
    (``from_arrow`` types a column of only ``None`` as text first)."""
    from planwatch import Observations

    if not hasattr(df, "__arrow_c_stream__") and hasattr(df, "to_arrow"):
        df = df.to_arrow()
    return Observations.from_arrow(df, label)


# --- out -----------------------------------------------------------------------------


def _types_mapper(pd: Any, pa: Any, decimal: str) -> Any:
    """The pandas dtype of each Arrow type, so that every missing value of a frame is
    ``pd.NA``: text as pandas' NA-backed string dtype, integers and booleans as their
    nullable dtypes (an integer column with a gap would otherwise turn to floats), and
    with ``decimal="arrow"`` decimals as Arrow decimals. Decimals kept as
    ``decimal.Decimal`` (and dates) are object columns, set by ``_one_missing_value``."""
    if decimal not in ("object", "arrow"):
        raise ValueError(f'decimal must be "object" or "arrow", not {decimal!r}')
    # pd.NA is the default missing value of this dtype (and `na_value` is pandas 2.3+).
    text = pd.StringDtype("pyarrow")

    def mapper(t: Any) -> Any:
        if pa.types.is_string(t) or pa.types.is_large_string(t):
            return text
        if pa.types.is_integer(t):
            return pd.Int64Dtype() if t != pa.uint64() else pd.UInt64Dtype()
        if pa.types.is_boolean(t):
            return pd.BooleanDtype()
        if decimal == "arrow" and pa.types.is_decimal(t):
            return pd.ArrowDtype(t)
        return None

    return mapper


def _one_missing_value(pd: Any, frame: Any) -> None:
    """Every missing value of the object columns (``decimal.Decimal``, dates, a
    column that was null throughout) as ``pd.NA``, as the typed columns have it: one
    missing value in the whole frame, except in categoricals, whose missing value is
    pandas' NaN. ``pd.isna`` finds each."""
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object and values.isna().any():
            frame[column] = values.where(values.notna(), pd.NA)


def _ordered(pd: Any, frame: Any, lang: Optional[str]) -> None:
    """Turns the categorical columns into ordered categoricals in report order,
    labelled in ``lang`` (serde names when None)."""
    from planwatch._planwatch import _categories, _section_order

    for column in _CATEGORICAL:
        if column not in frame.columns:
            continue
        pairs = _categories(column, lang or "en") or []
        names = [name for name, _ in pairs]
        labels: Dict[str, str] = {n: (lab if lang else n) for n, lab in pairs}
        # On the categories, not the rows: an Arrow dictionary arrives as a
        # categorical of the names present, relabelled and put in report order (a
        # name outside the order would be missing, as in a built Categorical).
        values = frame[column]
        if not isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype("object").astype("category")
        present = list(values.cat.categories)
        values = values.cat.rename_categories([labels.get(c, c) for c in present])
        frame[column] = values.cat.set_categories([labels[n] for n in names], ordered=True)
    if _SECTION in frame.columns:
        present = [s for s in frame[_SECTION].dropna().unique().tolist()]
        frame[_SECTION] = pd.Categorical(
            frame[_SECTION].astype("object"), categories=_section_order(present), ordered=True
        )


def scorecard_frame(
    card: Any, lang: Optional[str], decimal: str, columns: Optional[List[str]] = None
) -> Any:
    """``Scorecard.to_pandas``."""
    pd = _module("pandas", "pandas")
    pa = _pyarrow()
    table = pa.table(card.to_arrow(columns))
    # Only the columns with a report order become categoricals; the other enums
    # (rule, tier, severity, progress_class) are plain strings, as before.
    for i, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type) and field.name not in _CATEGORICAL:
            table = table.set_column(i, field.name, table.column(i).cast(pa.string()))
    frame = table.to_pandas(types_mapper=_types_mapper(pd, pa, decimal))
    for column in ("notes",):
        if column in frame.columns:
            frame[column] = [list(v) if v is not None else [] for v in frame[column]]
    _one_missing_value(pd, frame)
    _ordered(pd, frame, lang)
    return frame


def observations_frame(observations: Any) -> Any:
    """``Observations.to_pandas``."""
    pd = _module("pandas", "pandas")
    pa = _pyarrow()
    frame = pa.table(observations.to_arrow()).to_pandas(types_mapper=_types_mapper(pd, pa, "object"))
    _one_missing_value(pd, frame)
    return frame


def observations_polars(observations: Any) -> Any:
    """``Observations.to_polars``: polars reads the Arrow stream itself (no pyarrow);
    a value column past 38 digits, which polars cannot read, comes as text."""
    pl = _module("polars", "polars")
    return pl.DataFrame(observations._arrow_for_polars())


def scorecard_polars(card: Any, columns: Optional[List[str]] = None) -> Any:
    """``Scorecard.to_polars``: polars reads the Arrow stream itself (no pyarrow)."""
    pl = _module("polars", "polars")
    # polars cannot read decimal256 (a column past 38 digits): it comes as text.
    return pl.DataFrame(card._arrow_for_polars(columns))


__all__: List[str] = []
