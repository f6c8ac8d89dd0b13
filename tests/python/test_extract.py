"""planwatch.extract and planwatch.draft_plan: report text to findings and plans."""

from __future__ import annotations

from decimal import Decimal

import pytest

import planwatch
from planwatch import Observations, ParseError, Plan, Quantity, draft_plan, extract

TEXT = "二、2024年主要目标\n- 本地生产总值增长 5.5%。\n- 新增就业人数 1.5 万人。\n- 固定资产投资额增长 10%，力争完成 2000 亿元。"


def test_findings_with_character_spans() -> None:
    found = extract(TEXT)
    assert len(found) == len(found.findings) >= 3
    jobs = next(f for f in found.findings if f["indicator"] == "新增就业人数")
    assert jobs["status"] == "target"
    assert jobs["op"] == ">="
    assert jobs["value"] == Decimal(15000) and isinstance(jobs["value"], Decimal)
    assert jobs["unit"] == "人"
    assert Quantity(jobs["value"], jobs["unit"]) == Quantity(15000, "人")
    # The core's record, whole: spans are tuples, markers booleans.
    assert jobs["sentence_span"][0] <= jobs["span"][0] and jobs["estimate"] is False
    start, end = jobs["span"]
    assert TEXT[start:end] == "1.5 万人"
    start, end = jobs["indicator_span"]
    assert TEXT[start:end] == "新增就业人数"
    assert found.plan_year == 2024
    assert [f["indicator"] for f in found.targets()] == [f["indicator"] for f in found.findings]
    assert found.actuals() == []
    assert found.warnings == []
    assert repr(found).startswith("<Extraction: ")


def test_stretch_tier() -> None:
    stretch = [f for f in extract(TEXT).findings if f["stretch"]]
    assert [f["value"] for f in stretch] == [Decimal("200000000000")]


def test_the_builtin_report_has_targets_and_actuals() -> None:
    found = extract(planwatch.NANSHAN_2024_REPORT)
    assert len(found.targets()) > 10
    assert len(found.actuals()) > 10
    for f in found.findings:
        start, end = f["sentence_span"]
        assert planwatch.NANSHAN_2024_REPORT[start:end] == f["sentence"]
    lines = found.to_json_lines().splitlines()
    assert len(lines) == len(found)


def test_findings_frame() -> None:
    df = extract(TEXT).to_pandas()
    assert list(df["indicator"])[:2] == ["本地生产总值", "新增就业人数"]


def test_plan_year_can_be_given() -> None:
    assert extract("本地生产总值增长 5.5%。", plan_year=2025).plan_year == 2025


def test_draft_plan_evaluates() -> None:
    plan = draft_plan(TEXT, id="nanshan-draft", document="report-2024")
    assert isinstance(plan, Plan)
    assert plan.id == "nanshan-draft"
    assert plan.period == "2024"
    assert {i["name"]["zh"] for i in plan.indicators} == {"本地生产总值", "新增就业人数", "固定资产投资额"}
    assert [t["tier"] for t in plan.targets].count("stretch") == 1
    for t in plan.targets:
        source = t["source"]
        assert source is not None and source["quote"] and source["span"] is not None
    again = Plan.from_toml(plan.to_toml())
    assert again.targets == plan.targets
    card = plan.evaluate(Observations.from_csv("indicator,period,value,unit\n"))
    assert {r["status"] for r in card.records()} == {"no_data"}


def test_draft_plan_without_a_year_is_a_period_error() -> None:
    with pytest.raises(ParseError) as info:
        draft_plan("新增就业人数 1.5 万人。")
    assert info.value.code == "period"
    assert draft_plan("新增就业人数 1.5 万人。", period="2025").period == "2025"
    with pytest.raises(ParseError):
        draft_plan(TEXT, period="2025Q9")


def test_empty_text() -> None:
    assert len(extract("")) == 0


def test_text_over_the_limit_raises_as_in_javascript() -> None:
    # One behaviour at the limit in every binding: the core's too_large error.
    with pytest.raises(planwatch.InvalidValueError) as info:
        extract("增长5%。" * (64 * 1024 * 1024 // 9 + 1))
    assert info.value.code == "too_large"
