"""Property tests: values cross the Python boundary exactly."""

from __future__ import annotations

import pickle
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from planwatch import Quantity

# Decimals planwatch can hold exactly: at most 28 significant digits, a small exponent.
exact_decimals = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=6, allow_nan=False, allow_infinity=False
)


@given(exact_decimals)
def test_decimal_values_cross_unchanged(value: Decimal) -> None:
    q = Quantity(value, "元")
    assert q.value == value
    assert Quantity(str(value), "元").value == value


@given(st.integers(min_value=-(10**27), max_value=10**27))
def test_int_values_cross_unchanged(value: int) -> None:
    assert Quantity(value, "人").value == value


@given(exact_decimals)
def test_pickle_round_trips(value: Decimal) -> None:
    q = Quantity(value, "元")
    assert pickle.loads(pickle.dumps(q)) == q


@given(exact_decimals)
def test_chinese_text_parses_back_to_the_same_amount(value: Decimal) -> None:
    q = Quantity(value, "元")
    assert Quantity.parse(str(q)) == q
