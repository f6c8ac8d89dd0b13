# Hand-written stub of the compiled module; checked with `python -m mypy.stubtest`.
import datetime
import os
from decimal import Decimal
from typing import Any, BinaryIO, Dict, Iterable, List, Literal, Mapping, Optional, Protocol, Sequence, Tuple, Union, final

from planwatch._types import (
    AssessmentRecord,
    ExtractionWarning,
    FindingRecord,
    IndicatorRecord,
    Issue,
    Summary,
    TargetRecord,
)

__all__ = [
    "NANSHAN_2024_REPORT",
    "Extraction",
    "Observations",
    "Plan",
    "Quantity",
    "Scorecard",
    "_categories",
    "_section_order",
    "draft_plan",
    "evaluate",
    "evaluate_many",
    "extract",
]

_Exact = Union[Decimal, int, str]
_Source = Union[str, os.PathLike[str]]
_AsOf = Union[datetime.date, str, None]
_Lang = Literal["zh", "en"]
_Cell = Union[str, int, float, Decimal, bool, datetime.date, None]
# A table: a pandas or polars DataFrame, an Arrow table (anything with
# __arrow_c_stream__), records, or a dict of columns.
_Table = Any

NANSHAN_2024_REPORT: str

class _ArrowTable(Protocol):
    """An Arrow table: an object exporting the Arrow PyCapsule stream interface
    (``pyarrow.table(t)``, ``polars.DataFrame(t)`` and DuckDB read it)."""

    def __arrow_c_stream__(self, requested_schema: object = None) -> object: ...

_ArrowData = Any  # anything with __arrow_c_stream__ or __arrow_c_array__
_DecimalAs = Literal["object", "arrow"]

def _categories(column: str, lang: str) -> Optional[List[Tuple[str, str]]]: ...
def _section_order(sections: List[str]) -> List[str]: ...

@final
class Quantity:
    """An exact decimal value with a unit, such as 590亿元 or 16.4%."""

    def __new__(cls, value: _Exact, unit: str) -> Quantity: ...
    @staticmethod
    def parse(text: str) -> Quantity: ...
    @property
    def value(self) -> Decimal: ...
    @property
    def unit(self) -> str: ...
    @property
    def dimension(self) -> str: ...
    def format(self, style: _Lang = "zh") -> str: ...
    def to(self, unit: str) -> Quantity: ...
    def __lt__(self, value: Quantity, /) -> bool: ...
    def __le__(self, value: Quantity, /) -> bool: ...
    def __gt__(self, value: Quantity, /) -> bool: ...
    def __ge__(self, value: Quantity, /) -> bool: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Quantity], tuple[Decimal, str]]: ...

@final
class Plan:
    """A development plan: indicators, their targets and bound references."""

    @staticmethod
    def from_toml(source: _Source) -> Plan: ...
    @staticmethod
    def from_json(source: Union[_Source, Mapping[str, Any]]) -> Plan: ...
    @staticmethod
    def from_tables(
        indicators: _Table,
        targets: _Table,
        *,
        id: str,
        period: Union[str, int],
        title: Optional[str] = None,
        jurisdiction: Optional[str] = None,
        document: Optional[str] = None,
        references: Optional[Mapping[str, str]] = None,
        strict: bool = False,
    ) -> Plan: ...
    @staticmethod
    def from_excel(
        path: _Source,
        *,
        id: Optional[str] = None,
        period: Union[str, int, None] = None,
        title: Optional[str] = None,
        jurisdiction: Optional[str] = None,
        document: Optional[str] = None,
        strict: bool = False,
    ) -> Plan: ...
    @staticmethod
    def builtin(name: str) -> Plan: ...
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def period(self) -> str: ...
    @property
    def jurisdiction(self) -> Optional[str]: ...
    @property
    def document(self) -> Optional[str]: ...
    @property
    def indicators(self) -> List[IndicatorRecord]: ...
    @property
    def targets(self) -> List[TargetRecord]: ...
    @property
    def references(self) -> Dict[str, Quantity]: ...
    def to_toml(self) -> str: ...
    def to_json(self) -> str: ...
    def bind_reference(self, key: str, value: Union[Quantity, str]) -> None: ...
    def validate(self) -> List[Issue]: ...
    def check(self, observations: Observations) -> Dict[str, List[Issue]]: ...
    def evaluate(
        self, observations: Observations, as_of: _AsOf = None, *, strict: bool = False
    ) -> Scorecard: ...
    @staticmethod
    def builtin_names() -> List[str]: ...

@final
class Observations:
    """A batch of published figures, revisions kept side by side."""

    @staticmethod
    def from_csv(source: _Source) -> Observations: ...
    @staticmethod
    def from_csv_lenient(source: _Source) -> tuple[Observations, List[Issue]]: ...
    @staticmethod
    def from_json(source: _Source) -> Observations: ...
    @staticmethod
    def from_records(
        records: Union[Iterable[Mapping[str, _Cell]], Mapping[Any, Mapping[str, _Cell]]],
        label: str = "records",
        *,
        strict: bool = True,
    ) -> Observations: ...
    @staticmethod
    def from_excel(path: _Source, *, strict: bool = False) -> Observations: ...
    @staticmethod
    def from_pandas(df: Any, label: str = "DataFrame") -> Observations: ...
    @staticmethod
    def from_arrow(data: _ArrowData, label: str = "table") -> Observations: ...
    @staticmethod
    def from_polars(df: Any, label: str = "DataFrame") -> Observations: ...
    @staticmethod
    def builtin(name: str) -> Observations: ...
    def to_csv(self) -> str: ...
    def to_arrow(self) -> _ArrowTable:
        """The observations as an Arrow table (an object with ``__arrow_c_stream__``):
        ``pyarrow.table(t)``, ``polars.DataFrame(t)`` and DuckDB read it without a copy.
        Not ``polars.from_arrow(t)``: given a stream that is not a pyarrow object,
        polars reads it as one column of structs and returns a Series, not a
        DataFrame."""
    def _arrow_for_polars(self) -> _ArrowTable: ...
    def to_polars(self) -> Any:
        """The observations as a polars DataFrame with the CSV columns (``value`` an
        exact polars decimal, or exact text past 38 digits). Needs polars."""
    def to_pandas(self) -> Any: ...
    def __len__(self) -> int: ...
    def __add__(self, other: Observations, /) -> Observations: ...
    def __radd__(self, other: Union[Observations, int], /) -> Observations: ...

@final
class Scorecard:
    """The result of evaluating a plan; renders as bullet charts in Jupyter."""

    @property
    def plan(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def jurisdiction(self) -> Optional[str]: ...
    @property
    def period(self) -> str: ...
    @property
    def as_of(self) -> Optional[datetime.date]: ...
    @property
    def evaluated_on(self) -> datetime.date: ...
    @property
    def issues(self) -> List[Issue]: ...
    def records(self, *, ordered: bool = False) -> List[AssessmentRecord]: ...
    def assessment(self, target: str) -> Optional[AssessmentRecord]: ...
    def summary(self) -> Summary: ...
    def to_json(self) -> str: ...
    def to_text(self, lang: _Lang = "zh") -> str: ...
    def to_markdown(self, lang: _Lang = "zh") -> str: ...
    def to_html(self, lang: _Lang = "zh") -> str: ...
    def to_html_fragment(self, lang: _Lang = "zh") -> str: ...
    def to_csv(self) -> str: ...
    def to_excel(self, target: Union[str, os.PathLike[str], BinaryIO]) -> None:
        """Writes the scorecard as an Excel workbook to a path or a binary file object:
        one sheet, ``scorecard``, with the columns and rows of ``to_csv()``, decimals as
        numbers where a float holds them exactly (else as their exact text), ``notes``
        as one text joined by "；". (pandas' ``read_excel`` reads such numeric-looking
        text back as floats unless given ``dtype=str``.)"""
    def to_pandas(
        self,
        columns: Optional[Sequence[str]] = None,
        *,
        lang: Optional[_Lang] = None,
        decimal: _DecimalAs = "object",
    ) -> Any: ...
    def _arrow_for_polars(self, columns: Optional[Sequence[str]] = None) -> _ArrowTable: ...
    def to_arrow(self, columns: Optional[Sequence[str]] = None) -> _ArrowTable:
        """The assessments as an Arrow table (an object with ``__arrow_c_stream__``):
        ``pyarrow.table(t)`` and DuckDB (``FROM t``) read it without a copy. For polars
        use ``card.to_polars()`` or ``polars.DataFrame(card.to_arrow())``, not
        ``polars.from_arrow(card.to_arrow())``: given a stream that is not a pyarrow
        object, polars reads it as one column of structs and returns a Series.

        Decimals are decimal128, one scale per column, no digit lost. A column whose
        values need more than 38 digits together (a 29-digit amount beside a 28-place
        fraction) is decimal256, still exact: pyarrow and pandas read it, polars and
        DuckDB do not (``to_polars()`` gives it as the exact text of each value)."""
    def to_polars(self, columns: Optional[Sequence[str]] = None) -> Any:
        """The assessments as a polars DataFrame, as ``polars.DataFrame(card.to_arrow(columns))``
        (``polars.from_arrow`` would give a Series of structs), except that a column
        past 38 digits, which polars cannot hold as decimals, is the exact text of each
        value. Needs polars."""
    def _repr_html_(self) -> str: ...
    def __len__(self) -> int: ...

def evaluate(
    plan: Plan, observations: Observations, as_of: _AsOf = None, *, strict: bool = False
) -> Scorecard: ...
def evaluate_many(
    plans: Iterable[Union[Plan, str, Tuple[str, str]]],
    observations: Any,
    *,
    as_of: _AsOf = None,
    parallel: bool = True,
) -> Tuple[Any, List[Dict[str, Any]], List[Dict[str, Any]]]:
    """Every plan against its jurisdiction's rows of one Arrow table: (assessments as a
    pyarrow RecordBatch, failures, unplanned). Use planwatch.evaluate_many."""

@final
class Extraction:
    """The targets and actuals found in a report's text, in text order."""

    @property
    def findings(self) -> List[FindingRecord]: ...
    def targets(self) -> List[FindingRecord]: ...
    def actuals(self) -> List[FindingRecord]: ...
    @property
    def warnings(self) -> List[ExtractionWarning]: ...
    @property
    def plan_year(self) -> Optional[int]: ...
    def to_json_lines(self) -> str: ...
    def to_pandas(self) -> Any: ...
    def __len__(self) -> int: ...

def extract(text: str, *, plan_year: Optional[int] = None) -> Extraction: ...
def draft_plan(
    text: str,
    *,
    id: Optional[str] = None,
    period: Optional[str] = None,
    document: Optional[str] = None,
    title: Optional[str] = None,
) -> Plan: ...
