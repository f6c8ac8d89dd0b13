"""planwatch.Plan: loading from paths and text, what a plan exposes, errors."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import DEMO_TOML

import planwatch
from planwatch import InvalidValueError, ParseError, Plan, ValidationError, Quantity, UnitError


def test_from_toml_text(demo_plan: Plan) -> None:
    assert demo_plan.id == "demo"
    assert demo_plan.period == "2024"
    assert [t["id"] for t in demo_plan.targets] == ["new_jobs", "rd_spending"]
    assert repr(demo_plan) == '<Plan "demo" 2024: 2 indicators, 2 targets>'


def test_from_toml_path_str_and_pathlike(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(DEMO_TOML, encoding="utf-8")
    assert Plan.from_toml(path).id == "demo"
    assert Plan.from_toml(str(path)).id == "demo"


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        Plan.from_toml(tmp_path / "nope.toml")
    assert info.value.filename == str(tmp_path / "nope.toml")
    # A str without a line break that ends in .toml is a path, not TOML text.
    with pytest.raises(FileNotFoundError):
        Plan.from_toml("plans/missing.toml")


def test_errors_in_a_file_name_the_file_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[plan]\nid = "x"\nperiod = "2024Q5"\n', encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Plan.from_toml(path)
    err = info.value
    assert err.code == "validation"
    assert isinstance(err, ValueError)
    [issue] = err.issues
    assert issue["file"] == str(path)
    assert (issue["line"], issue["column"]) == (3, 10)
    assert issue["path"] == "plan.period"
    assert issue["code"] == "bad_period"
    # The core's issue record, the keys of JavaScript's issue objects in the same order.
    assert list(issue) == [
        "code", "message", "file", "line", "column", "path", "row", "field",
        "byte_offset", "char_offset", "input", "hint",
    ]


def test_every_problem_is_reported() -> None:
    text = DEMO_TOML.replace('">= 1.5万人"', '">= 1.5万furlongs"').replace('"> 590亿元"', '"> 590%"')
    with pytest.raises(ValidationError) as info:
        Plan.from_toml(text)
    assert len(info.value.issues) == 2
    assert all(i["file"] == "<string>" for i in info.value.issues)


def test_non_utf8_file_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[plan]\nid = "café"\n'.encode("latin-1"))
    with pytest.raises(ParseError) as info:
        Plan.from_toml(path)
    assert info.value.byte_offset == len('[plan]\nid = "caf'.encode())


def test_source_must_be_text_or_a_path() -> None:
    with pytest.raises(TypeError):
        Plan.from_toml(b"[plan]")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Plan.from_toml(42)  # type: ignore[arg-type]


def test_json_round_trip(demo_plan: Plan, tmp_path: Path) -> None:
    text = demo_plan.to_json()
    assert json.loads(text)["plan"]["id"] == "demo"
    again = Plan.from_json(text)
    assert again.targets == demo_plan.targets
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    assert Plan.from_json(path).indicators == demo_plan.indicators


def test_toml_round_trip(nanshan_plan: Plan) -> None:
    again = Plan.from_toml(nanshan_plan.to_toml())
    assert again.targets == nanshan_plan.targets
    assert again.indicators == nanshan_plan.indicators


def test_builtin(nanshan_plan: Plan) -> None:
    assert nanshan_plan.id == "nanshan-2024"
    assert len(nanshan_plan.targets) > 10
    gdp = next(t for t in nanshan_plan.targets if t["id"] == "gdp_growth")
    assert gdp["condition"] == ">= 5.5%"
    source = gdp["source"]
    assert source is not None and source["span"] is not None
    start, end = source["span"]
    assert planwatch.NANSHAN_2024_REPORT[start:end] == source["quote"]


def test_builtin_names_each_load_with_their_observations() -> None:
    names = Plan.builtin_names()
    assert names == ["nanshan-2024", "china-14fyp"]
    for name in names:
        plan = Plan.builtin(name)
        assert plan.id == name
        card = plan.evaluate(planwatch.Observations.builtin(name), as_of="2026-12-02")
        assert len(card) == len(plan.targets)
    fyp = Plan.builtin("china-14fyp")
    income = next(t for t in fyp.targets if t["id"] == "income_growth")
    assert income["condition"] == "~ ref:gdp_growth"


def test_unknown_builtin_is_an_invalid_value_error() -> None:
    with pytest.raises(InvalidValueError) as info:
        Plan.builtin("atlantis-2024")
    assert info.value.code == "unknown_dataset"
    assert isinstance(info.value, ValueError)


def test_indicator_records(nanshan_plan: Plan) -> None:
    ind = next(i for i in nanshan_plan.indicators if i["id"] == "gdp")
    assert ind["name"]["zh"] == "本地生产总值"
    assert ind["unit"] == "亿元"
    assert ind["measure"] == "level"
    assert ind["kind"] in {"expected", "binding", "task"}
    assert ind["polarity"] in {"higher", "lower", "band"}
    assert isinstance(ind["tags"], list)


REFERENCE_TOML = """\
[plan]
id = "ref"
period = "2024"

[[indicator]]
id = "water"
name = { zh = "万元GDP水耗", en = "Water use per 10 000 yuan of GDP" }
unit = "立方米/万元"
polarity = "lower"
kind = "binding"

[[target]]
indicator = "water"
condition = "<= ref:city_quota"
"""


def test_bind_reference_with_text_or_quantity() -> None:
    plan = Plan.from_toml(REFERENCE_TOML)
    obs = planwatch.Observations.from_csv("indicator,period,value,unit\nwater,2024,8,立方米/万元\n")
    assert plan.evaluate(obs).records()[0]["status"] == "pending"
    plan.bind_reference("city_quota", "8.5立方米/万元")
    assert plan.references["city_quota"] == Quantity(Decimal("8.5"), "立方米/万元")
    assert plan.evaluate(obs).records()[0]["status"] == "met"
    plan.bind_reference("city_quota", Quantity(7, "立方米/万元"))
    assert plan.evaluate(obs).records()[0]["status"] == "missed"


def test_bind_reference_of_the_wrong_dimension_is_a_unit_error() -> None:
    plan = Plan.from_toml(REFERENCE_TOML)
    with pytest.raises(UnitError) as info:
        plan.bind_reference("city_quota", "5亿元")
    assert info.value.code == "dimension_mismatch"
    assert plan.references == {}
    with pytest.raises(TypeError):
        plan.bind_reference("city_quota", 8.5)  # type: ignore[arg-type]


def test_validate_a_loaded_plan_is_clean(nanshan_plan: Plan) -> None:
    assert nanshan_plan.validate() == []


def test_toml_round_trip_of_a_dimensionless_indicator() -> None:
    """Found by test_no_panic: `unit = ""` used to be dropped by to_toml."""
    plan = Plan.from_toml(
        '[plan]\nid = "p"\nperiod = "2024"\n[[indicator]]\nid = "n"\nname = { zh = "数" }\nunit = ""\n'
        '[[target]]\nindicator = "n"\ncondition = ">= 3"\n'
    )
    assert Plan.from_toml(plan.to_toml()).indicators == plan.indicators


@pytest.mark.parametrize("condition", ["1-2万人", "between 1 and 2 万人"])
def test_range_with_a_magnitude_word(condition: str) -> None:
    plan = Plan.from_toml(
        '[plan]\nid = "p"\nperiod = "2024"\n[[indicator]]\nid = "jobs"\nname = { zh = "就业" }\nunit = "人"\n'
        f'[[target]]\nindicator = "jobs"\ncondition = "{condition}"\n'
    )
    obs = planwatch.Observations.from_csv("indicator,period,value,unit\njobs,2024,5000,人\n")
    record = plan.evaluate(obs).records()[0]
    assert record["target_value"] == Decimal(10000)
    assert record["status"] == "missed"
