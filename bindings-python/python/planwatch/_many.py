"""Many plans at once: ``evaluate_many`` (Arrow in, Arrow out) and the flat table the
Dask and Spark helpers share.

Every rule is the core's (``planwatch::evaluate::evaluate_many``): each plan sees its
own jurisdiction's rows and the rows without a jurisdiction; a plan that does not load
or has no jurisdiction is a failure while the others are evaluated; rows of a
jurisdiction no plan names are counted. This module only shapes the result.
"""

from __future__ import annotations

import datetime
import decimal
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple, Union

from planwatch._planwatch import Plan
from planwatch._planwatch import evaluate_many as _evaluate_many

if TYPE_CHECKING:
    import pyarrow as pa  # type: ignore[import-untyped]

PlanLike = Union[Plan, str, Tuple[str, str]]

# The flat table of a many-plan run: one row per assessment, then one per problem
# (``problem`` = ``plan_failed`` or ``no_plan``). Every column is a string (decimals as
# their exact text), so partitions evaluated apart have one schema and concatenate.
FLAT_COLUMNS = (
    "plan",
    "jurisdiction",
    "target",
    "indicator",
    "kind",
    "tier",
    "period",
    "condition",
    "status",
    "severity",
    "grade",
    "observed",
    "target_value",
    "unit",
    "completion",
    "gap",
    "rule",
    "explanation_zh",
    "problem",
    "problem_detail",
)


@dataclass
class ManyResult:
    """What ``evaluate_many`` returns.

    ``assessments``: a ``pyarrow.Table``, one row per target of every plan evaluated
    (plans in the order given): ``plan`` and ``jurisdiction``, then the columns of
    ``Scorecard.to_arrow`` (decimals as decimal128, ``status`` a dictionary …).
    ``failures``: the plans not evaluated, each a dict with ``index`` (position in
    ``plans``), ``plan`` (id, or ``plans[i]`` when it did not load),
    ``jurisdiction``, ``rows`` (rows of its jurisdiction left unjudged) and
    ``issues`` (every problem, as ``PlanError.issues``).
    ``unplanned``: rows of jurisdictions no plan names, each a dict with
    ``jurisdiction``, ``rows`` and ``row`` (where the first is, ``[i].jurisdiction``).
    """

    assessments: "pa.Table"
    failures: List[Dict[str, Any]] = field(default_factory=list)
    unplanned: List[Dict[str, Any]] = field(default_factory=list)

    def flat(self) -> "pa.Table":
        """The assessments and the problems as one table of ``FLAT_COLUMNS``, all
        strings: what ``planwatch.dask`` and ``planwatch.spark`` return."""
        import pyarrow as pa

        t = self.assessments
        columns: Dict[str, List[Optional[str]]] = {}
        for name in FLAT_COLUMNS:
            if name in t.column_names:
                col = t.column(name)
                if pa.types.is_dictionary(col.type):
                    col = col.cast(pa.string()) if col.num_chunks else pa.chunked_array([], pa.string())
                if pa.types.is_null(col.type):
                    columns[name] = [None] * t.num_rows
                else:
                    columns[name] = [_text(v) for v in col.to_pylist()]
            else:
                columns[name] = [None] * t.num_rows
        for f in self.failures:
            first = f["issues"][0]["message"] if f["issues"] else ""
            detail = f"{len(f['issues'])} problem(s), first: {first}; {f['rows']} row(s) left unjudged"
            _append(columns, plan=f["plan"], jurisdiction=f["jurisdiction"], problem="plan_failed", problem_detail=detail)
        for u in self.unplanned:
            # No row position: it depends on how the rows were partitioned.
            detail = f"{u['rows']} row(s) for a jurisdiction no plan was given for"
            _append(columns, jurisdiction=u["jurisdiction"], problem="no_plan", problem_detail=detail)
        return pa.table({name: pa.array(values, pa.string()) for name, values in columns.items()})


def _text(v: Any) -> Optional[str]:
    """A cell as text; decimals without the trailing zeros of their column's scale (a
    decimal128 column pads every value to its largest scale, which depends on what
    else is in the batch)."""
    if v is None:
        return None
    if isinstance(v, decimal.Decimal):
        t = format(v, "f")
        return t.rstrip("0").rstrip(".") if "." in t else t
    return str(v)


def _append(columns: Dict[str, List[Optional[str]]], **values: Optional[str]) -> None:
    for name in FLAT_COLUMNS:
        columns[name].append(values.get(name))


def evaluate_many(
    plans: Sequence[PlanLike],
    observations: Any,
    *,
    as_of: Union[datetime.date, str, None] = None,
    parallel: bool = True,
) -> ManyResult:
    """Evaluates every plan against its jurisdiction's rows of one table.

    ``plans``: ``Plan`` objects, plan file texts (TOML, or JSON; a text that does not
    load is reported as ``plans[i]``) or ``(name, text)`` pairs, one or more per
    jurisdiction; each must name its jurisdiction. ``observations``: any Arrow table
    or batch (a ``pyarrow.Table``, a pandas or polars DataFrame …) with the columns of
    ``Observations.from_arrow`` and a ``jurisdiction`` column; rows without a
    jurisdiction (national figures a plan binds with ``ref:``) are seen by every plan.
    Each plan's assessments equal ``plan.evaluate`` on the rows it sees. Without
    ``as_of``, each plan's evaluation date comes from the rows it sees. Plans are
    evaluated on every core; ``parallel=False`` keeps one thread (inside a Dask or
    Spark worker). A bad observation row raises ``PlanError`` listing every bad row.
    """
    import pyarrow as pa

    batch, failures, unplanned = _evaluate_many(list(plans), observations, as_of=as_of, parallel=parallel)
    return ManyResult(pa.Table.from_batches([batch]), failures, unplanned)


Named = Tuple[str, str]


def named_texts(plans: Sequence[PlanLike]) -> List[Named]:
    """``(name, text)`` of each plan, named as ``evaluate_many`` reports it
    (``plans[i]``) and written as TOML when given as a ``Plan``, to ship to workers as
    plain strings: a plan that does not load is reported under the same name by a
    worker as in one process."""
    out: List[Named] = []
    for i, p in enumerate(plans):
        if isinstance(p, tuple):
            out.append(p)
        else:
            out.append((f"plans[{i}]", p if isinstance(p, str) else p.to_toml()))
    return out


def by_jurisdiction(plans: Sequence[PlanLike]) -> "tuple[Dict[str, List[Named]], List[Named]]":
    """Named plan texts grouped by jurisdiction, and those that do not load or name no
    jurisdiction (evaluated once, on the driver, to report them)."""
    from planwatch import PlanwatchError

    grouped: Dict[str, List[Named]] = {}
    unroutable: List[Named] = []
    for name, text in named_texts(plans):
        quick = _toml_jurisdiction(text)
        if quick is not None:
            # The worker loads it and reports every problem, as one process would.
            grouped.setdefault(quick, []).append((name, text))
            continue
        try:
            plan = Plan.from_json(text) if text.lstrip().startswith("{") else Plan.from_toml(text)
        except PlanwatchError:
            unroutable.append((name, text))
            continue
        if plan.jurisdiction is None:
            unroutable.append((name, text))
        else:
            grouped.setdefault(plan.jurisdiction, []).append((name, text))
    return grouped, unroutable


_PLAN_HEADER = re.compile(r"^\[plan\][ \t]*(?:#.*)?$", re.M)
_JURISDICTION = re.compile(r'^jurisdiction[ \t]*=[ \t]*"([^"\\\n]*)"[ \t]*(?:#.*)?$', re.M)


def _toml_jurisdiction(text: str) -> Optional[str]:
    """The jurisdiction of a TOML plan read from its ``[plan]`` table's plain
    ``jurisdiction = "…"`` line, without loading the plan (routing 2,850 plans by a
    full load takes seconds on the driver); None when it is not written that way."""
    header = _PLAN_HEADER.search(text)
    if header is None:
        return None
    rest = text[header.end() :]
    table = rest[: m.start()] if (m := re.search(r"^\[", rest, re.M)) else rest
    found = _JURISDICTION.findall(table)
    return found[0] if len(found) == 1 and found[0] else None


def empty_observations() -> "pa.Table":
    """A table with the observation columns and no row."""
    import pyarrow as pa

    names = ("indicator", "period", "value", "unit", "status", "vintage", "source", "jurisdiction")
    return pa.table({n: pa.array([], pa.string()) for n in names})


def flat_schema() -> "pa.Schema":
    """The schema of the flat table (``FLAT_COLUMNS``, all strings)."""
    import pyarrow as pa

    return pa.schema([(n, pa.string()) for n in FLAT_COLUMNS])
