"""The shared conformance fixtures (tests/conformance/, format in its README.md), run
through the public Python API and compared exactly as the Rust runner compares them."""

from __future__ import annotations

import csv
import io
import json
import warnings
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

from planwatch import AssessmentRecord, Observations, Plan, PlanwatchError, Scorecard

CASES = Path(__file__).resolve().parents[2] / "tests" / "conformance"
MIN_CASES = 40
DECIMAL_FIELDS = {
    "observed",
    "target_value",
    "target_high",
    "completion",
    "gap",
    "time_progress",
    "expected_progress",
    "required_growth",
    "cagr",
    "required_cagr",
    "previous",
}
CASE_KEYS = {"description", "as_of", "expected", "known_bug", "strict_error"}


def case_dirs() -> List[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "case.json").is_file()) if CASES.is_dir() else []


def load_plan(d: Path) -> Plan:
    toml, js = d / "plan.toml", d / "plan.json"
    assert toml.is_file() != js.is_file(), "exactly one of plan.toml and plan.json"
    return Plan.from_toml(toml) if toml.is_file() else Plan.from_json(js)


def observation_texts(d: Path) -> tuple[str, str]:
    """(format, text) of the observations, and the same rows reversed."""
    c, j = d / "observations.csv", d / "observations.json"
    assert c.is_file() != j.is_file(), "exactly one of observations.csv and observations.json"
    return ("csv", c.read_text(encoding="utf-8")) if c.is_file() else ("json", j.read_text(encoding="utf-8"))


def load_observations(kind: str, text: str, name: str) -> Observations:
    return Observations.from_csv(text) if kind == "csv" else Observations.from_json(text)


def reversed_text(kind: str, text: str) -> str:
    if kind == "json":
        return json.dumps(list(reversed(json.loads(text))), ensure_ascii=False)
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0], *reversed(rows[1:])])
    return out.getvalue()


def as_decimal(value: Any) -> Optional[Decimal]:
    if not isinstance(value, str):
        return None
    try:
        return Decimal(value.strip())
    except InvalidOperation:
        return None


def compare(key: str, expected: Any, record: Dict[str, Any]) -> Optional[str]:
    """None when the expected field agrees with the assessment record."""
    if key == "inputs":
        if not isinstance(expected, list) or not all(isinstance(v, str) for v in expected):
            return f"inputs: expected must be an array of strings, got {expected!r}"
        got = sorted(f"{i['indicator']}@{i['period']}" for i in record["inputs"])
        return None if sorted(expected) == got else f"inputs: expected {sorted(expected)}, got {got}"
    if key == "notes_contain":
        missing = [w for w in expected if not any(w in n for n in record["notes"])]
        return None if not missing else f"notes_contain: {missing} not in notes {record['notes']}"
    if key not in record:
        return f"{key}: no such assessment field"
    actual = record[key]
    if key in DECIMAL_FIELDS and expected is not None:
        want = as_decimal(expected)
        if want is None:
            return f"{key}: expected {expected!r} is not a decimal string"
        # Exact: Decimal equality compares values, never through floats.
        same = isinstance(actual, Decimal) and actual == want
    else:
        same = expected == actual
    return None if same else f"{key}: expected {expected!r}, got {actual!r}"


def mismatches(d: Path, spec: Dict[str, Any]) -> List[str]:
    out: List[str] = [f"case.json: unknown key {k!r}" for k in spec if k not in CASE_KEYS]
    plan = load_plan(d)
    kind, text = observation_texts(d)
    obs = load_observations(kind, text, d.name)
    as_of = spec["as_of"]
    card: Scorecard = plan.evaluate(obs, as_of=as_of)
    records: Dict[str, AssessmentRecord] = {r["target"]: r for r in card.records()}
    for i, exp in enumerate(spec["expected"]):
        target = exp.get("target")
        if not isinstance(target, str):
            out.append(f"expected[{i}]: \"target\" is required")
            continue
        record = records.get(target)
        if record is None:
            out.append(f"{target}: no assessment for this target")
            continue
        if not isinstance(exp.get("status"), str):
            out.append(f"{target}: expected \"status\" is required")
        for key, value in exp.items():
            if key != "target":
                problem = compare(key, value, dict(record))
                if problem:
                    out.append(f"{target}: {problem}")
    code = spec.get("strict_error")
    if code is not None:
        try:
            plan.evaluate(obs, as_of=as_of, strict=True)
            out.append(f"strict evaluation succeeded; expected error {code!r}")
        except PlanwatchError as e:
            if e.code != code:
                out.append(f"strict evaluation failed with {e.code!r}; expected {code!r}")
    first = card.to_json()
    if plan.evaluate(obs, as_of=as_of).to_json() != first:
        out.append("evaluating twice gave different JSON")
    backwards = load_observations(kind, reversed_text(kind, text), d.name)
    if plan.evaluate(backwards, as_of=as_of).to_json() != first:
        out.append("reversing the observations changed the JSON")
    return out


def test_there_are_enough_cases() -> None:
    assert len(case_dirs()) >= MIN_CASES


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_case(case: Path) -> None:
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    found = mismatches(case, spec)
    bug = spec.get("known_bug")
    if bug:
        assert found, f"marked known_bug but now passes; remove \"known_bug\" ({bug})"
        warnings.warn(f"{case.name}: KNOWN BUG: {bug}\n    " + "\n    ".join(found), stacklevel=1)
    else:
        assert not found, "\n".join(found)


def test_same_results_as_the_core_json() -> None:
    """Every record equals the core's own JSON of the assessment, field by field."""
    for d in case_dirs():
        spec = json.loads((d / "case.json").read_text(encoding="utf-8"))
        kind, text = observation_texts(d)
        card = load_plan(d).evaluate(load_observations(kind, text, d.name), as_of=spec["as_of"])
        for from_json, record in zip(json.loads(card.to_json())["assessments"], card.records()):
            for key, value in from_json.items():
                got: Any = record[key]  # type: ignore[literal-required]
                if key in DECIMAL_FIELDS and value is not None:
                    assert got == Decimal(value), (d.name, key)
                elif key in ("inputs", "conflicts"):
                    assert [(i["indicator"], i["period"], i["value"]) for i in got] == [
                        (i["indicator"], i["period"], Decimal(i["value"])) for i in value
                    ], d.name
                elif key == "source":
                    assert (got is None) == (value is None), d.name
                else:
                    assert got == value, (d.name, key)
