"""Tests of planwatch.Quantity, the Python face of the core quantity type."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

import planwatch
from planwatch import ParseError, PlanwatchError, Quantity, UnitError


def test_parse_chinese_scale_word():
    q = Quantity.parse("590 亿元")
    assert q.value == Decimal("59000000000")
    assert isinstance(q.value, Decimal)
    assert q.unit == "元"
    assert q.dimension == "money"


def test_parse_keeps_decimals_exact():
    q = Quantity.parse("16.4亿")
    assert q.value == Decimal("1640000000")
    assert str(q.value) in ("1640000000", "1640000000.0")


def test_str_and_repr_are_chinese_style():
    q = Quantity.parse("590 亿元")
    assert str(q) == "590亿元"
    assert repr(q) == "Quantity('590亿元')"


def test_english_format():
    q = Quantity.parse("590亿元")
    assert q.format("en") == "59 billion yuan"
    assert q.format() == q.format("zh") == str(q)


def test_unknown_style_is_a_value_error():
    with pytest.raises(ValueError):
        Quantity.parse("590亿元").format("fr")


@pytest.mark.parametrize(
    "value, expected",
    [(Decimal("12.50"), Decimal("12.50")), (12, Decimal(12)), ("0.1", Decimal("0.1")),
     (Decimal("1.5E+3"), Decimal(1500)), (10**20, Decimal(10**20))],
)
def test_constructor_takes_exact_values(value, expected):
    q = Quantity(value, "元")
    assert q.value == expected
    assert q.unit == "元"


@pytest.mark.parametrize("value", [1.5, 0.0, True, None, [1]])
def test_constructor_refuses_inexact_and_other_types(value):
    with pytest.raises(TypeError):
        Quantity(value, "元")


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"), "nan", "1,000", "abc", 10**40])
def test_constructor_refuses_non_finite_or_unparsable_values(value):
    with pytest.raises(ValueError) as info:
        Quantity(value, "元")
    assert isinstance(info.value, ParseError)
    assert info.value.code == "parse"


def test_unknown_unit_is_a_unit_error():
    with pytest.raises(UnitError) as info:
        Quantity(1, "no-such-unit")
    assert info.value.code == "unknown_unit"
    assert isinstance(info.value, ValueError)


def test_parse_error_carries_code_offset_and_expected():
    with pytest.raises(ParseError) as info:
        Quantity.parse("12亿x")
    err = info.value
    assert isinstance(err, ValueError)
    assert isinstance(err, PlanwatchError)
    assert err.code == "parse"
    assert isinstance(err.offset, int)
    assert isinstance(err.byte_offset, int)
    assert err.byte_offset >= err.offset
    assert err.expected is None or isinstance(err.expected, str)
    assert err.message in str(err)


def test_parse_error_offset_counts_characters():
    text = "亿亿亿 ?"
    with pytest.raises(ParseError) as info:
        Quantity.parse(text)
    err = info.value
    assert err.offset is not None and err.byte_offset is not None
    assert len(text[: err.offset].encode()) == err.byte_offset


def test_equality_compares_amounts_and_hash_agrees():
    a = Quantity.parse("590亿元")
    b = Quantity(Decimal("59000000000.0"), "元")
    c = Quantity(590, "亿元")
    assert a == b == c
    assert hash(a) == hash(b) == hash(c)
    assert len({a, b, c}) == 1
    assert a != Quantity(1, "元")
    assert (a == "590亿元") is False


def test_equality_across_units_of_one_dimension():
    hectare, mu = Quantity.parse("1公顷"), Quantity.parse("15亩")
    assert hectare == mu
    assert hash(hectare) == hash(mu)


def test_equality_across_dimensions_is_false_not_an_error():
    assert (Quantity.parse("5%") == Quantity.parse("5元")) is False


def test_ordering_within_a_dimension():
    assert Quantity(1, "元") < Quantity(2, "元")
    assert Quantity(2, "元") >= Quantity(2, "元")


def test_ordering_across_dimensions_raises_unit_error():
    money = Quantity.parse("590亿元")
    share = Quantity.parse("16.4%")
    assert money != share
    with pytest.raises(UnitError) as info:
        _ = money < share
    assert info.value.code == "dimension_mismatch"


def test_ordering_with_other_types_is_a_type_error():
    with pytest.raises(TypeError):
        _ = Quantity(1, "元") < 1


def test_conversion_to_the_same_unit():
    q = Quantity.parse("590亿元")
    assert q.to("元") == q


def test_conversion_across_dimensions_raises_unit_error():
    with pytest.raises(UnitError):
        Quantity.parse("590亿元").to("%")


def test_quantities_pickle():
    q = Quantity.parse("16.4亿元")
    assert pickle.loads(pickle.dumps(q)) == q


def test_errors_pickle_with_their_data():
    with pytest.raises(ParseError) as info:
        Quantity.parse("12亿x")
    copy = pickle.loads(pickle.dumps(info.value))
    assert type(copy) is ParseError
    assert (copy.code, copy.offset, str(copy)) == (info.value.code, info.value.offset, str(info.value))


def test_unknown_indicator_error_is_a_key_error_with_a_readable_message():
    err = planwatch.UnknownIndicatorError("no indicator 'gdp'")
    assert isinstance(err, KeyError)
    assert err.code == "unknown_indicator"
    assert str(err) == "no indicator 'gdp'"


def test_public_names():
    assert set(planwatch.__all__) >= {"Quantity", "PlanwatchError", "ParseError", "UnitError", "ValidationError", "UnknownIndicatorError"}
    assert Quantity.__module__ == "planwatch"
