"""planwatch: development-plan monitoring with exact decimal quantities.

The compiled core lives in ``planwatch._planwatch``; import everything from here.
The exception classes are plain Python so they can subclass the matching built-ins
(``ValueError``, ``KeyError``); the compiled module raises them by name.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

__all__ = [
    "ParseError",
    "PlanError",
    "PlanwatchError",
    "Quantity",
    "UnitError",
    "UnknownIndicatorError",
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
    issues: List[Dict[str, Any]]

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
        self.issues = [dict(issue) for issue in issues or ()]

    def __str__(self) -> str:
        # KeyError would otherwise quote the message.
        return str(self.args[0]) if self.args else self.message


class ParseError(PlanwatchError, ValueError):
    """Text could not be parsed.

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


class PlanError(PlanwatchError, ValueError):
    """A plan or a set of observations failed validation.

    ``issues`` lists every problem found, each a dict with ``code``, ``location``
    and ``message``.
    """

    _default_code = "plan"


class UnknownIndicatorError(PlanwatchError, KeyError):
    """An indicator id is not defined in the plan."""

    _default_code = "unknown_indicator"


from planwatch._planwatch import Quantity  # noqa: E402  (the classes above come first)
