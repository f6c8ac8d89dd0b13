"""Property tests: values cross the Python boundary exactly."""

from __future__ import annotations

import pickle
from decimal import Decimal

from hypothesis import given, settings
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


@settings(deadline=None, max_examples=500)
@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
        st.floats(allow_nan=False, allow_infinity=False),
        st.decimals(min_value=-(10**16), max_value=10**16, places=2).map(float),
    )
)
def test_float_columns_read_what_python_shows(value: float) -> None:
    """A float in a DataFrame is read as the decimal Python's repr shows for it, also
    when it lies exactly halfway between two shortest candidates."""
    import pandas as pd

    from planwatch import Observations

    df = pd.DataFrame({"indicator": ["x"], "period": ["2024"], "value": [value], "unit": ["元"]})
    try:
        csv = Observations.from_pandas(df).to_csv()
    except Exception as err:  # more than 28 significant digits (tiny floats) is the core's error
        assert type(err).__name__ == "ValidationError", err
        return
    assert Decimal(csv.splitlines()[1].split(",")[2]) == Decimal(repr(value))


def test_halfway_floats_follow_python() -> None:
    import pandas as pd

    from planwatch import Observations

    value = 135963453209275.62  # exactly 135963453209275.625
    df = pd.DataFrame({"indicator": ["x"], "period": ["2024"], "value": [value], "unit": ["元"]})
    assert Observations.from_pandas(df).to_csv().splitlines()[1].split(",")[2] == "135963453209275.62"
    df32 = df.astype({"value": "float32"})
    shown = str(df32["value"].to_numpy()[0])
    assert Decimal(Observations.from_pandas(df32).to_csv().splitlines()[1].split(",")[2]) == Decimal(shown)
