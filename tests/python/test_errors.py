"""The exception classes: defined in Python, raised from Rust, typed and stable."""

from __future__ import annotations

import pickle

import pytest

import planwatch
from planwatch import (
    InvalidValueError,
    Observations,
    ParseError,
    Plan,
    ValidationError,
    PlanwatchError,
    Quantity,
    UnitError,
    UnknownIndicatorError,
)


@pytest.mark.parametrize(
    "cls, builtin, code",
    [
        (ParseError, ValueError, "parse"),
        (UnitError, ValueError, "unknown_unit"),
        (ValidationError, ValueError, "validation"),
        (UnknownIndicatorError, KeyError, "unknown_indicator"),
        (InvalidValueError, ValueError, "invalid_value"),
    ],
)
def test_hierarchy_and_default_codes(cls: type[PlanwatchError], builtin: type[Exception], code: str) -> None:
    assert issubclass(cls, PlanwatchError)
    assert issubclass(cls, builtin)
    err = cls("boom")
    assert err.code == code
    assert str(err) == "boom"
    assert err.issues == []
    assert err.location == dict.fromkeys(("file", "line", "column", "path", "byte", "char"))


_GROWTH = Plan.from_toml(
    '[plan]\nid = "g"\nperiod = "2024"\n[[indicator]]\nid = "g"\nname = { zh = "增长" }\n'
    'unit = "%"\nmeasure = "growth"\n[[target]]\nindicator = "g"\ncondition = ">= 5%"\n'
)


def test_each_core_kind_reaches_its_class() -> None:
    cases: list[tuple[object, type[PlanwatchError], str]] = [
        (lambda: Quantity.parse("12亿x"), ParseError, "parse"),
        (lambda: Quantity(1, "furlong"), UnitError, "unknown_unit"),
        (lambda: Quantity.parse("1元").to("%"), UnitError, "dimension_mismatch"),
        (lambda: Quantity.parse("1亩").to("平方米"), UnitError, "inexact_conversion"),
        (lambda: Plan.from_toml("[plan]\nid = 1\n"), ValidationError, "validation"),
        (lambda: Plan.builtin("nope"), InvalidValueError, "unknown_dataset"),
        (lambda: Observations.builtin("nope"), InvalidValueError, "unknown_dataset"),
        (lambda: Quantity.parse("1元").format("fr"), InvalidValueError, "invalid_value"),  # type: ignore[arg-type]
        (lambda: Quantity.parse("1e30亿"), InvalidValueError, "overflow"),
        (lambda: Plan.from_toml("#" + "a" * (16 * 1024 * 1024 + 1)), InvalidValueError, "too_large"),
        (lambda: Plan.builtin("nanshan-2024").evaluate(Observations.builtin("nanshan-2024"), as_of="2024-02-30"), ParseError, "period"),
        (lambda: _GROWTH.evaluate(Observations.from_csv("indicator,period,value,unit\ng,2024,5.4,%\ng,2024,5.6,%\n"), strict=True), InvalidValueError, "conflict"),
        (lambda: _GROWTH.evaluate(Observations.from_csv("indicator,period,value,unit\ng,2024,5.4,个百分点\n"), strict=True), InvalidValueError, "not_comparable"),
    ]
    for call, cls, code in cases:
        with pytest.raises(cls) as info:
            call()  # type: ignore[operator]
        assert info.value.code == code, (code, info.value)
        assert type(info.value) is cls


def test_plan_error_issues_are_flat_dicts() -> None:
    with pytest.raises(ValidationError) as info:
        Observations.from_csv("indicator,period,value,unit\ngdp,2024,x,亿元\ngdp,2024,1,furlong\n")
    assert info.value.issues == [
        {
            "code": "bad_value",
            "message": info.value.issues[0]["message"],
            "path": None,
            "file": "<string>",
            "line": 2,
            "column": 3,
            "byte_offset": None,
            "char_offset": None,
            "row": None,
            "field": None,
            "input": "x",
            "hint": info.value.issues[0]["hint"],
        },
        {
            "code": "unknown_unit",
            "message": info.value.issues[1]["message"],
            "path": None,
            "file": "<string>",
            "line": 3,
            "column": 4,
            "byte_offset": None,
            "char_offset": None,
            "row": None,
            "field": None,
            "input": "furlong",
            "hint": info.value.issues[1]["hint"],
        },
    ]
    assert "1.5万" in info.value.issues[0]["hint"]
    assert "2 problems" in info.value.message


def test_parse_error_attributes() -> None:
    with pytest.raises(ParseError) as info:
        Quantity.parse("12亿x")
    err = info.value
    assert err.offset == 3
    assert err.byte_offset == len("12亿".encode())
    assert isinstance(err.expected, str)
    assert err.location["char"] == 3
    # str() adds the location to the bare message.
    assert str(err).startswith(err.message)


def test_errors_pickle_with_their_data() -> None:
    with pytest.raises(ValidationError) as info:
        Plan.from_toml('[plan]\nid = "x"\nperiod = "2024Q5"\n')
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is ValidationError
    assert copy.issues == info.value.issues
    assert copy.code == "validation"


def test_unknown_indicator_error_prints_without_quotes() -> None:
    err = UnknownIndicatorError("no indicator 'gdp'")
    assert str(err) == "no indicator 'gdp'"
    with pytest.raises(KeyError):
        raise err


def test_all_public_names_exist() -> None:
    for name in planwatch.__all__:
        assert hasattr(planwatch, name), name


def test_plan_error_is_a_deprecated_alias_of_validation_error() -> None:
    # Released examples catch planwatch.PlanError; it still catches a bad plan.
    with pytest.warns(DeprecationWarning, match="ValidationError"):
        alias = planwatch.PlanError
    assert alias is ValidationError
    with pytest.raises(alias):
        Plan.from_toml("[plan]\nid = 1\n")


def test_every_problem_of_a_table_or_a_check_says_what_is_accepted() -> None:
    """A bad kind, a repeated id, a unit of another kind of quantity, a repeated
    figure: each issue carries a hint, as a bad value or period does."""
    indicators = [
        {"id": "jobs", "name": "新增就业", "unit": "人", "kind": "随便"},
        {"id": "jobs", "name": "新增就业", "unit": "人"},
    ]
    with pytest.raises(ValidationError) as info:
        Plan.from_tables(indicators, [{"indicator": "jobs", "condition": ">= 1万人"}], id="t", period="2024")
    assert info.value.issues and all(i["hint"] for i in info.value.issues), info.value.issues
    plan = Plan.from_tables(
        [{"id": "jobs", "name": "新增就业", "unit": "人"}], [{"indicator": "jobs", "condition": ">= 1万人"}], id="t", period="2024"
    )
    twice = Observations.from_records(
        [
            {"indicator": "jobs", "period": p, "value": v, "unit": u}
            for p, v, u in [("2024", "2", "万人"), ("2024", "3", "万人"), ("2023", "5", "亿元")]
        ]
    )
    found = plan.check(twice)
    issues = found["errors"] + found["warnings"]
    assert {i["code"] for i in issues} >= {"duplicate_observation", "incompatible_unit"}, issues
    assert all(i["hint"] for i in issues), issues
    wrong = [i for i in issues if i["code"] == "incompatible_unit"]
    assert [(i["row"], i["input"]) for i in wrong] == [(2, "亿元")]
