"""planwatch: development-plan monitoring with exact decimal quantities.

Load a plan (``Plan.from_toml``, ``Plan.builtin("nanshan-2024")``), feed observations
(``Observations.from_csv``, ``from_records``, ``from_pandas``), evaluate
(``plan.evaluate(observations, as_of=None)``) and read the ``Scorecard``
(``records()``, ``to_pandas()``, ``to_html()``; it renders itself in Jupyter).
Values are ``decimal.Decimal`` in and out; floats are refused except from the float
columns of a DataFrame.

The compiled core lives in ``planwatch._planwatch``; import everything from here.
The exception classes are plain Python so they can subclass the matching built-ins
(``ValueError``, ``KeyError``); the compiled module raises them by name.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence, cast

from planwatch._types import (
    AssessmentRecord,
    ExtractionWarning,
    FindingRecord,
    GroupCounts,
    IndicatorRecord,
    InputRecord,
    Issue,
    Names,
    Provenance,
    QuantityRecord,
    StatusCounts,
    StretchRecord,
    Summary,
    TargetRecord,
)

__all__ = [
    "NANSHAN_2024_REPORT",
    "AssessmentRecord",
    "Extraction",
    "ExtractionWarning",
    "FLAT_COLUMNS",
    "FindingRecord",
    "GroupCounts",
    "IndicatorRecord",
    "InputRecord",
    "InvalidValueError",
    "Issue",
    "ManyResult",
    "Names",
    "Observations",
    "ParseError",
    "Plan",
    "PlanwatchError",
    "Provenance",
    "QuantityRecord",
    "Quantity",
    "Scorecard",
    "StatusCounts",
    "StretchRecord",
    "Summary",
    "TargetRecord",
    "UnitError",
    "UnknownIndicatorError",
    "ValidationError",
    "draft_plan",
    "evaluate",
    "evaluate_many",
    "extract",
]

_LOCATION_KEYS = ("file", "line", "column", "path", "byte", "char")


class PlanwatchError(Exception):
    """Base class of every error planwatch raises.

    ``code`` is a stable machine-readable code (``"parse"``, ``"unknown_unit"``, …),
    ``message`` the bare message and ``location`` a dict with the keys ``file``,
    ``line``, ``column``, ``path``, ``byte`` and ``char`` (``None`` when not known).
    ``str(error)`` is the message followed by the location.
    """

    code: str
    message: str
    location: Dict[str, Any]
    expected: Optional[str]
    issues: List[Issue]

    _default_code = "error"

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        location: Optional[Mapping[str, Any]] = None,
        expected: Optional[str] = None,
        issues: Optional[Sequence[Mapping[str, Any]]] = None,
        text: Optional[str] = None,
    ) -> None:
        super().__init__(message if text is None else text)
        self.message = message
        self.code = self._default_code if code is None else code
        self.location = {key: None for key in _LOCATION_KEYS}
        if location is not None:
            self.location.update(location)
        self.expected = expected
        self.issues = [cast(Issue, dict(issue)) for issue in issues or ()]

    def __str__(self) -> str:
        # KeyError would otherwise quote the message.
        return str(self.args[0]) if self.args else self.message


class ParseError(PlanwatchError, ValueError):
    """Text could not be parsed (``code`` ``"parse"``), or names a period that cannot
    exist, such as ``2024Q5`` (``code`` ``"period"``).

    ``offset`` is the character offset of the problem in the text (what Python's
    ``str`` indexes count), ``byte_offset`` the offset in its UTF-8 bytes, and
    ``expected`` says what the parser was looking for there.
    """

    _default_code = "parse"

    @property
    def offset(self) -> Optional[int]:
        """Character offset of the problem in the input, 0-based."""
        return self.location.get("char")

    @property
    def byte_offset(self) -> Optional[int]:
        """Byte offset of the problem in the UTF-8 input, 0-based."""
        return self.location.get("byte")


class UnitError(PlanwatchError, ValueError):
    """A unit is unknown, or quantities of different dimensions were compared or
    converted, or a conversion has no exact result. ``code`` tells which:
    ``"unknown_unit"``, ``"dimension_mismatch"`` or ``"inexact_conversion"``."""

    _default_code = "unknown_unit"


class ValidationError(PlanwatchError, ValueError):
    """A plan file or a batch of observations failed validation (code
    ``"validation"``). ``PlanError`` is a deprecated alias of this class.

    ``issues`` lists every problem found, each the core's issue record as a dict
    (``planwatch._types.Issue``; JavaScript's issue objects have the same keys):
    ``code``, ``message``, ``file``, ``line``, ``column`` (1-based, for files and
    tables), ``path`` (``target[3].condition``, ``[12].value``), for tables and records
    ``row`` (the row's label: the table's own label where it has one, a pandas index
    label or a key of a dict of records; else the row's number as an ``int``, its
    position in a polars or Arrow table or a list of records, a sheet's row) and ``field`` (the column's name), ``byte_offset`` and
    ``char_offset`` (for text), ``input`` (the cell as written) and ``hint`` (what
    would be accepted); keys that do not apply are ``None``.
    """

    _default_code = "validation"


def __getattr__(name: str) -> Any:
    # Released examples catch ``planwatch.PlanError``: the same class, with a warning.
    if name == "PlanError":
        import warnings

        warnings.warn(
            "planwatch.PlanError is now planwatch.ValidationError (it covers observation "
            "files too); the old name will be removed",
            DeprecationWarning,
            stacklevel=2,
        )
        return ValidationError
    raise AttributeError(f"module 'planwatch' has no attribute {name!r}")


class UnknownIndicatorError(PlanwatchError, KeyError):
    """An indicator id is not defined in the plan."""

    _default_code = "unknown_indicator"


class InvalidValueError(PlanwatchError, ValueError):
    """A value planwatch cannot use. ``code`` tells which: ``"unknown_dataset"`` (no
    built-in dataset of that name), ``"invalid_value"`` (such as a language other
    than zh or en), ``"too_large"`` (an input over a documented size limit),
    ``"overflow"`` or ``"division_by_zero"``."""

    _default_code = "invalid_value"


# The compiled classes come after the exception classes, which they raise by name.
from planwatch._planwatch import (  # noqa: E402
    NANSHAN_2024_REPORT,
    Extraction,
    Observations,
    Plan,
    Quantity,
    Scorecard,
    draft_plan,
    evaluate,
    extract,
)

# Many plans at once (Arrow in and out; needs pyarrow): the rules are the core's.
from planwatch._many import FLAT_COLUMNS, ManyResult, evaluate_many  # noqa: E402
