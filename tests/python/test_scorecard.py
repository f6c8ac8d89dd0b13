"""planwatch.Scorecard: records, summary, renderers, DataFrames, Jupyter."""

from __future__ import annotations

import datetime
import json
import sys
import threading
import time
from decimal import Decimal

import pytest

import planwatch
from planwatch import Observations, ParseError, Plan, Scorecard


@pytest.fixture(scope="module")
def card() -> Scorecard:
    return Plan.builtin("nanshan-2024").evaluate(Observations.builtin("nanshan-2024"))


def test_demo_verdicts(demo_plan: Plan, demo_observations: Observations) -> None:
    card = demo_plan.evaluate(demo_observations)
    jobs = card.assessment("new_jobs")
    assert jobs is not None
    assert jobs["status"] == "met"
    assert jobs["observed"] == Decimal(18746)
    assert jobs["target_value"] == Decimal(15000)
    assert jobs["explanation"]["zh"] == "新增就业人数18746人，目标不少于1.5万人，完成率125.0%，已完成（超额完成）"
    rd = card.assessment("rd_spending")
    assert rd is not None
    # 589.9亿元 is not more than 590亿元, exactly.
    assert rd["status"] == "missed"
    assert rd["gap"] == Decimal("-10000000")
    assert card.assessment("nope") is None


def test_records_are_plain_dicts_with_decimals(card: Scorecard) -> None:
    records = card.records()
    assert len(records) == len(card)
    gdp = next(r for r in records if r["target"] == "gdp_growth")
    assert type(gdp) is dict
    assert gdp["status"] == "missed"
    assert isinstance(gdp["observed"], Decimal) and gdp["observed"] == Decimal("4.1")
    assert isinstance(gdp["completion"], Decimal)
    assert gdp["period"] == "2024"
    assert gdp["gap_unit"] == "个百分点"
    for r in records:
        for key in ("observed", "target_value", "completion", "gap"):
            assert r[key] is None or isinstance(r[key], Decimal)  # type: ignore[literal-required]
        for i in r["inputs"]:
            assert isinstance(i["value"], Decimal)
            assert isinstance(i["period"], str)


def test_records_have_the_fields_of_the_json(card: Scorecard) -> None:
    from_json = json.loads(card.to_json())["assessments"]
    records = card.records()
    for j, r in zip(from_json, records):
        assert set(j) <= set(r), set(j) - set(r)
        for key, value in j.items():
            got = r[key]  # type: ignore[literal-required]
            if isinstance(got, Decimal):
                assert got == Decimal(value)
            elif key == "inputs":
                assert [(i["indicator"], i["period"]) for i in got] == [(i["indicator"], i["period"]) for i in value]
            elif key == "source" and got is not None:
                assert got["quote"] == value.get("quote")
            else:
                assert got == value, key


def test_ordered_records_put_binding_misses_first(card: Scorecard) -> None:
    ordered = card.records(ordered=True)
    misses = card.summary()["binding_misses"]
    assert [r["target"] for r in ordered[: len(misses)]] == misses
    assert sorted(r["target"] for r in ordered) == sorted(r["target"] for r in card.records())


def test_summary(card: Scorecard) -> None:
    s = card.summary()
    assert s["all"]["total"] == len(card)
    counts = s["all"]
    statuses = ("met", "missed", "on_track", "behind", "no_data", "pending", "not_comparable")
    assert sum(counts[k] for k in statuses) == counts["total"] == len(card)  # type: ignore[literal-required]
    # The core's shape, as in JSON and JavaScript: a list of {key, counts}.
    # Base targets by kind, the stretch tiers (never violations) as a group of their own.
    assert {g["key"] for g in s["by_kind"]} <= {"binding", "expected", "task", "stretch"}
    stretch = [g["counts"]["total"] for g in s["by_kind"] if g["key"] == "stretch"]
    assert stretch == ([len(s["stretch"])] if s["stretch"] else [])
    assert sum(g["counts"]["total"] for g in s["by_kind"]) == len(card)
    assert sum(g["counts"]["total"] for g in s["by_section"]) == len(card)
    assert isinstance(s["binding_misses"], list)
    assert isinstance(s["stretch_reached"], list)
    for row in s["stretch"]:
        assert set(row) == {"target", "indicator", "status", "base_target", "base_status"}


def test_as_of_takes_a_date_or_iso_text(card: Scorecard) -> None:
    plan, obs = Plan.builtin("nanshan-2024"), Observations.builtin("nanshan-2024")
    by_date = plan.evaluate(obs, as_of=datetime.date(2024, 6, 30))
    by_text = plan.evaluate(obs, as_of="2024-06-30")
    by_datetime = planwatch.evaluate(plan, obs, datetime.datetime(2024, 6, 30, 12, 0))
    assert by_date.to_json() == by_text.to_json() == by_datetime.to_json()
    assert by_date.as_of == by_date.evaluated_on == datetime.date(2024, 6, 30)
    assert card.as_of is None
    assert card.evaluated_on >= datetime.date(2024, 12, 31)
    assert plan.evaluate(obs, as_of=None).to_json() == card.to_json()


@pytest.mark.parametrize("bad", ["2024-02-30", "2024Q3", "soon", ""])
def test_bad_as_of_is_a_parse_error(bad: str) -> None:
    plan, obs = Plan.builtin("nanshan-2024"), Observations.builtin("nanshan-2024")
    with pytest.raises(ParseError):
        plan.evaluate(obs, as_of=bad)


def test_as_of_of_another_type_is_a_type_error() -> None:
    plan, obs = Plan.builtin("nanshan-2024"), Observations.builtin("nanshan-2024")
    with pytest.raises(TypeError):
        plan.evaluate(obs, as_of=20240630)  # type: ignore[arg-type]


def test_renderers(card: Scorecard) -> None:
    assert "本地生产总值增长" in card.to_text()
    assert "GDP" in card.to_text("en")
    assert card.to_markdown().lstrip().startswith("#")
    page = card.to_html("en")
    assert page.startswith("<!DOCTYPE html>")
    assert card.to_html("en") == page
    assert "<svg" in card.to_html_fragment()
    assert card.to_csv().splitlines()[0].startswith("target")
    with pytest.raises(planwatch.InvalidValueError) as info:
        card.to_text("fr")  # type: ignore[arg-type]
    assert info.value.code == "invalid_value"


def test_repr_html_has_the_bullet_charts(card: Scorecard) -> None:
    html = card._repr_html_()
    assert html == card.to_html_fragment("zh")
    assert "<svg" in html
    assert not html.lstrip().startswith("<!DOCTYPE")


def test_repr(card: Scorecard) -> None:
    assert repr(card).startswith('<Scorecard "nanshan-2024" 2024: ')


def test_to_pandas(card: Scorecard) -> None:
    df = card.to_pandas()
    assert len(df) == len(card)
    assert list(df["target"]) == [r["target"] for r in card.records()]
    gdp = df.set_index("target").loc["gdp_growth"]
    assert gdp["status"] == "missed"
    assert gdp["observed"] == Decimal("4.1")
    assert {"name_zh", "name_en", "explanation_zh", "explanation_en", "completion"} <= set(df.columns)
    assert df["completion"].dropna().astype(float).between(0, 10).all()


def test_to_pandas_without_pandas_says_how_to_install(card: Scorecard, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install \"planwatch\[pandas\]\""):
        card.to_pandas()


def test_pandas_is_not_imported_by_planwatch() -> None:
    import subprocess

    code = "import sys, planwatch; planwatch.Plan.builtin('nanshan-2024'); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_evaluation_releases_the_gil() -> None:
    """Another Python thread keeps running while the core evaluates: its clock readings
    cover the evaluation without a gap as long as the evaluation (which is what a held
    GIL would cause)."""
    obs = Observations.from_csv(
        "indicator,period,value,unit,vintage\n"
        + "".join(f"i{i % 500},{2000 + i % 25},{i},元,2030-01-{1 + i % 28:02d}\n" for i in range(300_000))
    )
    plan = Plan.from_toml(
        '[plan]\nid = "gil"\nperiod = "2024"\n'
        + "".join(f'[[indicator]]\nid = "i{i}"\nname = {{ zh = "指标{i}" }}\nunit = "元"\n' for i in range(500))
        + "".join(f'[[target]]\nindicator = "i{i}"\ncondition = ">= 100元"\n' for i in range(500))
    )
    started = threading.Event()
    window: list[float] = []

    def work() -> None:
        started.set()
        time.sleep(0.01)  # let the main thread start ticking
        window.append(time.perf_counter())
        plan.evaluate(obs)
        window.append(time.perf_counter())

    stamps: list[float] = []
    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    while worker.is_alive():
        stamps.append(time.perf_counter())
    worker.join()
    begin, end = window
    inside = [begin] + [t for t in stamps if begin < t < end] + [end]
    longest_gap = max(b - a for a, b in zip(inside, inside[1:]))
    assert len(inside) > 100, (len(inside), end - begin)
    assert longest_gap < 0.5 * (end - begin), (longest_gap, end - begin)


def test_observations_on_unknown_indicators_are_reported_not_dropped() -> None:
    plan = Plan.from_toml(
        '[plan]\nid = "x"\nperiod = "2024"\n[[indicator]]\nid = "jobs"\nname = { zh = "新增就业" }\n'
        'unit = "人"\n[[target]]\nindicator = "jobs"\ncondition = ">= 1万人"\n'
    )
    card = plan.evaluate(Observations.from_csv("indicator,period,value,unit\njob,2024,1.2万,人\n"))
    assert [i["code"] for i in card.issues] == ["unknown_indicator"]
    assert card.records()[0]["status"] == "no_data"
