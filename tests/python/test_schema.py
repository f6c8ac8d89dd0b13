"""The records of the schema, whole: Python returns what Rust returns, field for field,
and the TypedDicts of ``planwatch._types`` (which the stub uses) describe them.

The Rust suite (``core/tests/records.rs``) writes, for every conformance case, the records
of the Rust API to ``target/conformance-records/``; here the same inputs go through the
Python API and every record is compared with Rust's after turning ``Decimal`` into its
exact text and ``date`` into ISO text (JSON's spelling of the two). The TypedDict check
walks the same records: a field the core adds, drops or retypes fails here until the
stub says so.
"""

from __future__ import annotations

import datetime
import json
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Tuple, Union

import pytest

import planwatch
from planwatch import Observations, Plan, _types

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "target" / "conformance-records"
CASES = ROOT / "tests" / "conformance"


def canonical(value: Any) -> Any:
    """A Python record in JSON's terms: exact decimal text, ISO dates, lists."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    return value


def rust_records() -> List[Path]:
    if not RECORDS.is_dir():
        pytest.fail(f"{RECORDS} is missing: run the Rust suite first (cargo test -p planwatch)")
    return sorted(p for p in RECORDS.glob("*.json") if not p.name.startswith("_"))


def load_case(d: Path) -> Tuple[Plan, Observations, Any]:
    plan = Plan.from_toml(d / "plan.toml") if (d / "plan.toml").is_file() else Plan.from_json(d / "plan.json")
    if (d / "observations.csv").is_file():
        obs = Observations.from_csv(d / "observations.csv")
    else:
        obs = Observations.from_json(d / "observations.json")
    as_of = json.loads((d / "case.json").read_text(encoding="utf-8")).get("as_of")
    return plan, obs, as_of


def mismatches(value: Any, tp: Any, path: str) -> List[str]:
    """Every way `value` does not fit the annotation `tp`."""
    if tp is Any:
        return []
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Union:
        fits = [mismatches(value, t, path) for t in args]
        return [] if any(not f for f in fits) else min(fits, key=len)
    if tp is type(None):
        return [] if value is None else [f"{path}: {value!r} is not None"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: {value!r} is not a list"]
        return [m for i, v in enumerate(value) for m in mismatches(v, args[0], f"{path}[{i}]")]
    if origin is tuple:
        if not isinstance(value, tuple) or len(value) != len(args):
            return [f"{path}: {value!r} is not a {len(args)}-tuple"]
        return [m for i, (v, t) in enumerate(zip(value, args)) for m in mismatches(v, t, f"{path}[{i}]")]
    if typing.is_typeddict(tp):
        if not isinstance(value, dict):
            return [f"{path}: {value!r} is not a dict"]
        hints = typing.get_type_hints(tp)
        out = [f"{path}.{k}: missing" for k in tp.__required_keys__ if k not in value]
        out += [f"{path}.{k}: not declared in {tp.__name__}" for k in value if k not in hints]
        for k, v in value.items():
            if k in hints:
                out += mismatches(v, hints[k], f"{path}.{k}")
        return out
    if tp in (int, bool):
        return [] if type(value) is tp else [f"{path}: {value!r} is not {tp.__name__}"]
    return [] if isinstance(value, tp) else [f"{path}: {value!r} is not {tp.__name__}"]


def assert_fits(records: List[Any], tp: Any, what: str) -> None:
    problems = [m for i, r in enumerate(records) for m in mismatches(r, tp, f"{what}[{i}]")]
    assert problems == [], "\n".join(problems[:20])


def test_rust_records_exist_for_every_case() -> None:
    names = {p.stem for p in rust_records()}
    cases = {d.name for d in CASES.iterdir() if (d / "case.json").is_file()}
    assert len(names) >= 40 and names <= cases


@pytest.mark.parametrize("path", rust_records() if RECORDS.is_dir() else [], ids=lambda p: p.stem)
def test_python_records_are_rusts(path: Path) -> None:
    rust: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    plan, obs, as_of = load_case(CASES / path.stem)
    card = plan.evaluate(obs, as_of)
    assert canonical(card.records()) == rust["scorecard"]["assessments"]
    assert canonical(card.summary()) == rust["scorecard"]["summary"]
    assert canonical(plan.indicators) == rust["indicators"]
    assert canonical(plan.targets) == rust["targets"]
    assert canonical(card.evaluated_on) == rust["scorecard"]["evaluated_on"]
    assert canonical(card.as_of) == rust["scorecard"]["as_of"]
    # And the stub's TypedDicts describe these records.
    assert_fits(card.records(), _types.AssessmentRecord, "records")
    assert_fits([card.summary()], _types.Summary, "summary")
    assert_fits(plan.indicators, _types.IndicatorRecord, "indicators")
    assert_fits(plan.targets, _types.TargetRecord, "targets")


def test_findings_are_rusts() -> None:
    rust = json.loads((RECORDS / "_extract.json").read_text(encoding="utf-8"))
    found = planwatch.extract(planwatch.NANSHAN_2024_REPORT)
    assert canonical(found.findings) == rust["findings"]
    assert canonical(found.warnings) == rust["warnings"]
    assert_fits(found.findings, _types.FindingRecord, "findings")
    assert_fits(found.warnings, _types.ExtractionWarning, "warnings")


def test_every_declared_field_is_seen() -> None:
    """The records above are rich enough to check the stub: every field of every
    record TypedDict arrives at least once with a value other than None."""
    seen: Dict[str, set[str]] = {}

    def walk(value: Any, tp: Any) -> None:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin is Union:
            for t in args:
                if t is not type(None) and not mismatches(value, t, ""):
                    walk(value, t)
        elif origin is list and isinstance(value, list):
            for v in value:
                walk(v, args[0])
        elif typing.is_typeddict(tp) and isinstance(value, dict):
            hints = typing.get_type_hints(tp)
            for k, v in value.items():
                if v is not None:
                    seen.setdefault(tp.__name__, set()).add(k)
                if k in hints:
                    walk(v, hints[k])

    for path in rust_records():
        plan, obs, as_of = load_case(CASES / path.stem)
        card = plan.evaluate(obs, as_of)
        walk(card.records(), List[_types.AssessmentRecord])
        walk(card.summary(), _types.Summary)
        walk(plan.targets, List[_types.TargetRecord])
        walk(plan.indicators, List[_types.IndicatorRecord])
    for name in Plan.builtin_names():
        plan = Plan.builtin(name)
        card = plan.evaluate(Observations.builtin(name))
        assert_fits(card.records(), _types.AssessmentRecord, name)
        walk(card.records(), List[_types.AssessmentRecord])
        walk(plan.targets, List[_types.TargetRecord])
    walk(planwatch.extract(planwatch.NANSHAN_2024_REPORT).findings, List[_types.FindingRecord])
    for tp in (_types.AssessmentRecord, _types.FindingRecord, _types.InputRecord):
        missing = set(typing.get_type_hints(tp)) - seen.get(tp.__name__, set())
        assert missing == set(), f"{tp.__name__}: never seen with a value: {sorted(missing)}"


def python_row(issue: Dict[str, Any]) -> Dict[str, Any]:
    """Rust's issue record as Python gives it: a ``row`` that is a row number is an
    ``int`` (a pandas frame's default labels are, and polars and Arrow rows are named
    alike); every other key and value is Rust's."""
    row = issue.get("row")
    if isinstance(row, str) and row.isascii() and row.isdigit() and (row == "0" or not row.startswith("0")):
        return {**issue, "row": int(row)}
    return issue


def test_issues_are_rusts() -> None:
    """Every failing input of ``core/tests/records.rs`` gives Python the issue records
    Rust reports, whole (the same keys as JavaScript's), and they fit ``_types.Issue``."""
    cases = json.loads((RECORDS / "_issues.json").read_text(encoding="utf-8"))["cases"]
    assert len(cases) >= 8

    def issues_of(fn: Any) -> List[Any]:
        with pytest.raises(planwatch.PlanwatchError) as info:
            fn()
        return list(info.value.issues)

    for c in cases:
        text, what = c["text"], f"{c['api']}: {c['text']!r}"
        plan = None if c["plan"] is None else Plan.from_toml(c["plan"])
        got: Dict[str, Any]
        if c["api"] == "plan_toml":
            got = {"issues": issues_of(lambda: Plan.from_toml(text))}
        elif c["api"] == "plan_json":
            got = {"issues": issues_of(lambda: Plan.from_json(text))}
        elif c["api"] == "observations_csv":
            got = {"issues": issues_of(lambda: Observations.from_csv(text))}
        elif c["api"] == "observations_json":
            got = {"issues": issues_of(lambda: Observations.from_json(text))}
        elif c["api"] == "observations_csv_lenient":
            got = {"issues": Observations.from_csv_lenient(text)[1]}
        elif c["api"] == "check":
            assert plan is not None
            got = plan.check(Observations.from_csv(text))
        elif c["api"] == "evaluate":
            assert plan is not None
            got = {"issues": plan.evaluate(Observations.from_csv(text)).issues}
        else:
            raise AssertionError(f"unknown case {c['api']}")
        for key, records in got.items():
            assert records == [python_row(r) for r in c[key]], what
            assert_fits(records, _types.Issue, what)
            for record in records:
                assert list(record) == list(typing.get_type_hints(_types.Issue)), what
