"""No entry point panics, whatever it is given.

Every public function and method is called with arbitrary text and with structures
built from a grammar of almost-valid plans and observations (so the calls reach deep
into the evaluation, not only the first parser). Only the documented exceptions may
come out: ``PlanwatchError`` subclasses, ``TypeError`` for a wrong type, and
``OSError`` when a one-line string names a file path. A Rust panic would surface as
``pyo3_runtime.PanicException``, which derives from ``BaseException``: it is caught
here and fails the test.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any, Callable, Dict, List, TypeVar

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planwatch
from planwatch import Observations, Plan, PlanwatchError, Quantity

T = TypeVar("T")
ALLOWED = (PlanwatchError, TypeError, OSError)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Calls fn; a documented exception gives None, anything else fails the test."""
    try:
        return fn(*args, **kwargs)
    except BaseException as err:  # noqa: BLE001 - a PanicException is a BaseException
        if type(err).__name__ == "PanicException":
            raise AssertionError(f"{fn.__qualname__} panicked: {err}") from err
        if isinstance(err, ALLOWED):
            return None
        raise


# --- grammar of almost-valid inputs --------------------------------------------------------

DOMAIN_CHARS = "0123456789.-+,%％ 　\n一二两三四五六七八九十百千万亿億萬零〇半元人个项座公里亩公顷吨%万元亿元个百分点‰倍微克/立方米不低于超过以内左右约力争到年底累计增长下降提高至到~≥≤≈<>=*"
domain_text = st.text(alphabet=DOMAIN_CHARS, max_size=60)
any_text = st.one_of(st.text(max_size=200), domain_text)

units = st.sampled_from(
    ["", "元", "万元", "亿元", "人", "万人", "%", "个百分点", "亩", "公顷", "平方米", "公里", "吨", "个", "座",
     "微克/立方米", "立方米/万元", "USD", "‰", "倍", "岁", "furlong", "人次", "千瓦"]
)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=None).map(lambda d: format(d, "f")[:40]),
    st.sampled_from(["0", "-0", "1.5万", "16.4亿", "590", "0.1", "1e3", "99999999999999999999999999999", "十五", "半", ""]),
)
comparators = st.sampled_from([">=", ">", "<=", "<", "=", "~", "≥", "≤", "≈", "不低于", "超过", "", "between"])
years = st.integers(min_value=990, max_value=10010)
periods = st.one_of(
    years.map(str),
    st.builds(lambda y, h: f"{y}H{h}", years, st.integers(0, 3)),
    st.builds(lambda y, q: f"{y}Q{q}", years, st.integers(0, 5)),
    st.builds(lambda y, m: f"{y}-{m:02d}", years, st.integers(0, 13)),
    st.builds(lambda y, m: f"{y}-01..{y}-{m:02d}", years, st.integers(0, 13)),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", years, st.integers(1, 12), st.integers(1, 31)),
    st.builds(lambda a, b: f"{a}..{b}", years, years),
    domain_text,
)
ids = st.sampled_from(["a", "b", "c", "gdp", "jobs"])


FAMILIES = {
    "money": ["元", "万元", "亿元"],
    "people": ["人", "万人"],
    "rate": ["%"],
    "pp": ["个百分点"],
    "area": ["公顷", "平方米"],
    "mu": ["亩"],
    "count": ["个", "座"],
    "none": [""],
}
MEASURES = {"rate": ["growth", "share"], "pp": ["change"], "none": ["milestone", "level"]}
good_numbers = st.one_of(
    st.integers(min_value=-1000, max_value=10**6).map(str),
    st.decimals(min_value=-1000, max_value=10**6, places=2, allow_nan=False).map(lambda d: format(d, "f")),
)
good_periods = st.one_of(
    st.integers(2020, 2026).map(str),
    st.builds(lambda y, h: f"{y}H{h}", st.integers(2022, 2025), st.integers(1, 2)),
    st.builds(lambda y, q: f"{y}Q{q}", st.integers(2022, 2025), st.integers(1, 4)),
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2022, 2025), st.integers(1, 12)),
    st.builds(lambda y, m: f"{y}-01..{y}-{m:02d}", st.integers(2022, 2025), st.integers(1, 12)),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.integers(2022, 2025), st.integers(1, 12), st.integers(1, 28)),
    st.sampled_from(["2021..2025", "2024..2024", "2016..2020"]),
)


class Noise:
    """Whether an example gets arbitrary values mixed in: a quarter of them do, so
    the rest reach the evaluation with valid inputs."""

    on = False


def mostly(draw: st.DrawFn, good: st.SearchStrategy[T], bad: st.SearchStrategy[T]) -> T:
    """A valid value, or (in a noisy example, one time in five) an arbitrary one."""
    if Noise.on and draw(st.integers(0, 4)) == 0:
        return draw(bad)
    return draw(good)


def condition(draw: st.DrawFn, family: str) -> str:
    unit = lambda: mostly(draw, st.sampled_from(FAMILIES[family]), units)  # noqa: E731
    number = lambda: mostly(draw, good_numbers, numbers)  # noqa: E731
    comparator = mostly(draw, st.sampled_from([">=", ">", "<=", "<", "=", "~", "≥", "≈", "不低于", ""]), comparators)
    kind = draw(st.integers(0, 9))
    if family == "none":
        dates = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2027, 1, 1)).map(str)
        return f"done by {mostly(draw, dates, periods)}"
    if kind in (0, 1):
        low, high = number(), number()
        if not Noise.on:
            low, high = sorted((low, high), key=Decimal)
        return f"between {low} and {high} {unit()}" if kind == 0 else f"{low}-{high}{unit()}"
    if kind == 2:
        return f"{comparator} ref:{draw(ids)}"
    if kind == 3 and Noise.on:
        return draw(domain_text)
    return f"{comparator} {number()}{unit()}"


@st.composite
def plan_texts(draw: st.DrawFn) -> tuple[str, List[Dict[str, Any]]]:
    """TOML in the plan schema and observation rows for its indicators: valid, or
    with a few arbitrary values mixed in, so that the loaders, the evaluation and the
    renderers all get exercised."""
    Noise.on = draw(st.integers(0, 3)) == 0
    q = json.dumps
    year = draw(st.integers(2020, 2026))
    lines = ["[plan]", 'id = "p"', f"period = {q(mostly(draw, st.just(str(year)), periods))}"]
    if draw(st.booleans()):
        lines.append(f"jurisdiction = {q(draw(st.sampled_from(['南山区', 'x'])))}")
    used = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    families = {ind: draw(st.sampled_from(sorted(FAMILIES))) for ind in used}
    for n, ind in enumerate(used):
        family = families[ind]
        measure = draw(st.sampled_from(MEASURES.get(family, ["level"])))
        lines += [
            "[[indicator]]",
            f"id = {q(ind)}",
            f'name = {{ zh = {q("指标" + ind)}, en = {q(ind)} }}',
            f"unit = {q(mostly(draw, st.sampled_from(FAMILIES[family]), units))}",
            f"measure = {q(mostly(draw, st.just(measure), st.sampled_from(['level', 'growth', 'share', 'change', 'milestone'])))}",
            f"kind = {q(draw(st.sampled_from(['expected', 'binding', 'task'])))}",
            f"polarity = {q(draw(st.sampled_from(['higher', 'lower', 'band'])))}",
            f"flow = {'true' if draw(st.booleans()) else 'false'}",
        ]
        if measure == "growth" and n > 0 and draw(st.booleans()):
            lines += ["nominal = true", f"of = {q(draw(st.sampled_from(used[:n])))}"]
        if n > 0 and draw(st.integers(0, 4)) == 0:
            # Inputs defined before: no cycles unless noisy.
            earlier = used[:n] if not Noise.on else used
            a, b = draw(st.sampled_from(earlier)), draw(st.sampled_from(earlier))
            op = draw(st.sampled_from(["+", "-", "*", "/"]))
            lines.append(f"formula = {q(f'{a} {op} {b} * {draw(good_numbers)}')}")
    for _ in range(draw(st.integers(1, 6))):
        ind = mostly(draw, st.sampled_from(used), ids)
        lines += ["[[target]]", f"id = {q(f't{len(lines)}')}", f"indicator = {q(ind)}",
                  f"condition = {q(condition(draw, families.get(ind, 'money')))}"]
        if draw(st.booleans()):
            lines.append(f"period = {q(mostly(draw, good_periods, periods))}")
        if draw(st.integers(0, 3)) == 0:
            lines.append('tier = "stretch"')
        if draw(st.integers(0, 4)) == 0:
            family = families.get(ind, "money")
            lines.append(f"baseline = {q(draw(good_numbers) + draw(st.sampled_from(FAMILIES[family])))}")
    if draw(st.booleans()):
        key = draw(ids)
        lines += ["[reference]", f"{key} = {q(draw(good_numbers) + draw(st.sampled_from(FAMILIES[families[used[0]]])))}"]
    return "\n".join(lines) + "\n", draw(observation_records(families, year))


cells = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(),
    st.dates(),
    any_text,
)


@st.composite
def observation_records(draw: st.DrawFn, families: Dict[str, str], year: int) -> List[Dict[str, Any]]:
    """Observation rows for the indicators of a plan."""
    near = st.one_of(st.integers(year - 5, year).map(str), good_periods)
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        indicator = mostly(draw, st.sampled_from(sorted(families)), ids)
        family = families.get(indicator, "money")
        row: Dict[str, Any] = {
            "indicator": indicator,
            "period": mostly(draw, near, periods),
            "value": mostly(draw, good_numbers, st.one_of(numbers, cells)),
            "unit": mostly(draw, st.sampled_from(FAMILIES[family]), units),
        }
        if family == "none":
            row["value"] = draw(st.sampled_from(["done", "not done", True, False, "1"]))
        if draw(st.booleans()):
            dates = st.dates(min_value=datetime.date(year - 1, 1, 1), max_value=datetime.date(year + 1, 12, 31))
            row["vintage"] = mostly(draw, dates.map(str), periods)
        if draw(st.booleans()):
            row["status"] = draw(st.sampled_from(["final", "preliminary", "revised", "初步核算"]))
        if Noise.on and draw(st.integers(0, 9)) == 0:
            row[draw(st.sampled_from(["jurisdiction", "source", "colour"]))] = draw(any_text)
        rows.append(row)
    return rows


as_ofs = st.one_of(st.none(), st.dates(min_value=datetime.date(2019, 1, 1), max_value=datetime.date(2027, 1, 1)), good_periods, st.dates(), periods, st.integers())


def exercise_scorecard(card: planwatch.Scorecard) -> None:
    for record in card.records():
        assert card.assessment(record["target"]) is not None
    card.as_of, card.plan, card.period, card.title, card.jurisdiction, len(card)
    card.records(ordered=True)
    card.summary()
    card.to_json()
    card.to_csv()
    card._repr_html_()
    for lang in ("zh", "en"):
        card.to_text(lang)
        card.to_markdown(lang)
        card.to_html(lang)
    card.to_pandas()
    repr(card)


# --- the tests -------------------------------------------------------------------------------


@SETTINGS
@given(any_text, units, st.one_of(numbers, cells))
def test_quantities(text: str, unit: str, value: Any) -> None:
    q = call(Quantity.parse, text)
    if q is not None:
        call(q.format, "en")
        str(q)
        q.value
        call(q.to, unit)
        call(Quantity.parse, str(q))
    r = call(Quantity, value, unit)
    if q is not None and r is not None:
        call(lambda: (q < r, q == r, hash(q)))


@settings(SETTINGS, max_examples=300)
@given(plan_texts(), as_ofs, ids, numbers, units)
def test_plans_evaluations_and_reports(
    plan_and_rows: tuple[str, List[Dict[str, Any]]], as_of: Any, key: str, number: str, unit: str
) -> None:
    toml, rows = plan_and_rows
    plan = call(Plan.from_toml, toml)
    obs = call(Observations.from_records, rows)
    if plan is None:
        return
    call(plan.to_toml)
    as_json = call(plan.to_json)
    if as_json is not None:
        call(Plan.from_json, as_json)
    plan.validate()
    plan.references
    repr(plan)
    plan.indicators
    plan.targets
    call(plan.bind_reference, key, number + unit)
    if obs is None:
        obs = Observations.from_csv("indicator,period,value,unit\n")
    else:
        call(Observations.from_csv, obs.to_csv())
        obs = obs + Observations.from_csv("indicator,period,value,unit\n")
    card = call(planwatch.evaluate, plan, obs, as_of)
    if card is not None:
        exercise_scorecard(card)
    text = call(plan.to_toml)
    if text is not None:
        call(Plan.from_toml, text)


@SETTINGS
@given(any_text)
def test_loaders_with_arbitrary_text(text: str) -> None:
    for loader in (Plan.from_toml, Plan.from_json, Observations.from_csv, Observations.from_json):
        call(loader, "\n" + text)  # with a line break: always text, never a path
        call(loader, text)
    call(Plan.builtin, text)
    call(Observations.builtin, text)
    call(Observations.from_csv, "indicator,period,value,unit,status,vintage,source,jurisdiction\n" + text)


@SETTINGS
@given(st.lists(st.one_of(st.dictionaries(st.one_of(st.sampled_from(["indicator", "period", "value", "unit", "vintage"]), any_text), cells, max_size=6), cells), max_size=6))
def test_records_of_anything(rows: List[Any]) -> None:
    call(Observations.from_records, rows)


@SETTINGS
@given(plan_texts(), st.sampled_from(["float64", "float32", "object", "str"]))
def test_dataframes(plan_and_rows: tuple[str, List[Dict[str, Any]]], value_dtype: str) -> None:
    _, rows = plan_and_rows
    df = pd.DataFrame(rows, columns=["indicator", "period", "value", "unit"])
    if value_dtype in ("float64", "float32"):
        df["value"] = pd.to_numeric(df["value"].map(lambda v: v if isinstance(v, (int, float)) and not isinstance(v, bool) else None), errors="coerce").astype(value_dtype)
    elif value_dtype == "str":
        df["value"] = df["value"].map(lambda v: None if v is None else str(v))
    else:
        df["value"] = df["value"].astype(object)
    call(Observations.from_pandas, df)


@SETTINGS
@given(st.one_of(any_text, st.lists(st.sampled_from(["2024年计划安排\n", "二、2024年主要目标\n", "（一）约束性指标\n", "新增就业人数1.5万人，", "力争完成2000亿元。", "增长5.5%左右；", "下降3%", "累计建成", "到2025年底", "1O0个", "\n\n", "**"]), max_size=20).map("".join)), st.one_of(st.none(), periods))
def test_extraction(text: str, period: str | None) -> None:
    found = call(planwatch.extract, text)
    assert found is not None
    found.findings
    found.targets()
    found.actuals()
    found.warnings
    found.plan_year
    found.to_json_lines()
    found.to_pandas()
    repr(found)
    call(planwatch.extract, text, plan_year=2024)
    plan = call(planwatch.draft_plan, text, period=period)
    if plan is not None:
        call(plan.to_toml)
        card = call(plan.evaluate, Observations.from_csv("indicator,period,value,unit\n"))
        assert card is not None


def test_wrong_types_are_type_errors() -> None:
    plan, obs = Plan.builtin("nanshan-2024"), Observations.builtin("nanshan-2024")
    cases: List[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (Quantity, (1.5, "元")),
        (Plan.from_toml, (3,)),
        (Observations.from_records, (3,)),
        (Observations.from_records, (["not a record"],)),
        (Observations.from_pandas, ("df",)),
        (plan.evaluate, (plan,)),
        (plan.evaluate, (obs, 3.5)),
        (planwatch.extract, (None,)),
    ]
    for fn, args in cases:
        try:
            fn(*args)
        except TypeError:
            continue
        raise AssertionError(f"{fn} accepted {args!r}")
