"""The shapes of the plain dicts planwatch returns, as ``TypedDict`` classes.

They exist for type checkers and documentation; at run time every record is a plain
``dict`` built from the core's serialized record (the schema of ``core/src/schema.rs``,
the same fields and names as the JSON and JavaScript records). Decimals are
``decimal.Decimal``, dates ``datetime.date``; periods are ``str`` in the canonical
syntax (``"2024"``, ``"2024H1"``, ``"2024-01..2024-09"``). ``tests/python/test_schema.py``
checks these classes against real records, so a field added in the core fails there
until it is declared here.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Dict, List, Optional, Tuple, TypedDict


class Issue(TypedDict):
    """One problem found in a plan, a table of observations or a text: the core's
    issue record (``planwatch::Issue``), the same keys in the same order as
    JavaScript's issue objects; ``None`` where a part is not known.

    ``line``/``column`` locate text files (a CSV row counts the header as line 1),
    ``path`` structured inputs (``target[2].condition``, ``[3].value``),
    ``byte_offset``/``char_offset`` a place in a text. For tables and records, ``row``
    is the row's label: the table's own label where it has one (a pandas index label,
    of its own type; a key of a dict of records), else the row's number as an ``int``
    (its position in a polars or Arrow table or a list of records, a sheet's row); ``field`` is the column's name and ``input`` the cell
    as written; ``hint`` says what would be accepted there. (JavaScript's ``row`` is
    the label's text.)
    """

    code: str
    message: str
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    path: Optional[str]
    row: Any
    field: Optional[str]
    byte_offset: Optional[int]
    char_offset: Optional[int]
    input: Optional[str]
    hint: Optional[str]


class Names(TypedDict):
    zh: str
    en: str


class Provenance(TypedDict, total=False):
    """Where something is stated in a source document; ``span`` is ``[start, end)``
    in characters. Keys that are not known are absent."""

    document: str
    quote: str
    section: str
    span: Tuple[int, int]


class QuantityRecord(TypedDict):
    """An exact quantity as data (``Quantity(value, unit)`` makes the object)."""

    value: Decimal
    unit: str


class IndicatorRecord(TypedDict):
    id: str
    name: Names
    unit: str
    measure: str
    kind: str
    polarity: str
    flow: bool
    nominal: bool
    of: Optional[str]
    section: Optional[str]
    tags: List[str]
    formula: Optional[str]
    source: Optional[Provenance]


class TargetRecord(TypedDict):
    id: str
    indicator: str
    period: str
    condition: str
    tier: str
    kind: Optional[str]
    baseline: Optional[QuantityRecord]
    source: Optional[Provenance]


class InputRecord(TypedDict):
    """An observation (or formula input) an assessment used."""

    indicator: str
    period: str
    value: Decimal
    unit: str
    status: str
    vintage: Optional[datetime.date]
    source: Optional[str]


class AssessmentRecord(TypedDict):
    """The verdict on one target, with the field names of the core's JSON."""

    target: str
    indicator: str
    name: Names
    kind: str
    tier: str
    section: Optional[str]
    period: str
    condition: str
    comparator: str
    status: str
    severity: Optional[str]
    grade: Optional[str]
    observed: Optional[Decimal]
    observed_period: Optional[str]
    target_value: Optional[Decimal]
    target_high: Optional[Decimal]
    unit: str
    completion: Optional[Decimal]
    gap: Optional[Decimal]
    gap_unit: str
    time_progress: Optional[Decimal]
    expected_progress: Optional[Decimal]
    required_growth: Optional[Decimal]
    cagr: Optional[Decimal]
    required_cagr: Optional[Decimal]
    progress_class: Optional[str]
    previous: Optional[Decimal]
    previous_period: Optional[str]
    inputs: List[InputRecord]
    rule: str
    base: Optional[str]
    base_status: Optional[str]
    reference: Optional[str]
    conflicts: List[InputRecord]
    notes: List[str]
    explanation: Names
    source: Optional[Provenance]


class StatusCounts(TypedDict):
    total: int
    met: int
    missed: int
    on_track: int
    behind: int
    no_data: int
    pending: int
    not_comparable: int


class StretchRecord(TypedDict):
    target: str
    indicator: str
    status: str
    base_target: Optional[str]
    base_status: Optional[str]


class GroupCounts(TypedDict):
    """The counts of one kind of base target (``binding``), of the stretch tiers
    (``stretch``), or of one section (``三.(七)``)."""

    key: str
    counts: StatusCounts


class Summary(TypedDict):
    all: StatusCounts
    by_kind: List[GroupCounts]
    by_section: List[GroupCounts]
    binding_misses: List[str]
    stretch_reached: List[str]
    stretch: List[StretchRecord]


class FindingRecord(TypedDict):
    """A number found in report text. Spans are ``(start, end)`` character offsets
    into the text; ``value`` is in the base unit (590亿元 → 59000000000, unit 元)."""

    status: str
    status_cue: str
    indicator: str
    indicator_span: Tuple[int, int]
    span: Tuple[int, int]
    measure: str
    op: str
    value: Optional[Decimal]
    value_hi: Optional[Decimal]
    unit: Optional[str]
    stretch: bool
    by: Optional[str]
    cumulative: bool
    sentence: str
    sentence_span: Tuple[int, int]
    estimate: bool
    ocr_suspect: bool
    section: Optional[str]
    heading: Optional[str]


class ExtractionWarning(TypedDict):
    code: str
    message: str
    span: Optional[Tuple[int, int]]
