"""planwatch.Observations: CSV, JSON, records and DataFrames, exactly."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from conftest import DEMO_CSV

from planwatch import Observations, ParseError, Plan, ValidationError

HEADER = "indicator,period,value,unit\n"


def values(obs: Observations) -> list[str]:
    """The value column of the CSV the core writes back."""
    return [line.split(",")[2] for line in obs.to_csv().splitlines()[1:]]


def test_from_csv_text_and_path(tmp_path: Path) -> None:
    assert len(Observations.from_csv(DEMO_CSV)) == 2
    path = tmp_path / "obs.csv"
    path.write_text(DEMO_CSV, encoding="utf-8")
    assert len(Observations.from_csv(path)) == 2
    assert len(Observations.from_csv(str(path))) == 2


def test_from_csv_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Observations.from_csv(tmp_path / "none.csv")
    with pytest.raises(FileNotFoundError):
        Observations.from_csv("none.csv")


def test_every_bad_row_is_reported_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "gdp,2024Q5,1,亿元\ngdp,2024,1,亿元\ngdp,2024,lots,亿元\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        Observations.from_csv(path)
    rows = [(i["file"], i["line"], i["column"], i["code"]) for i in info.value.issues]
    assert rows == [(str(path), 2, 2, "bad_period"), (str(path), 4, 3, "bad_value")]


def test_unknown_column_is_a_parse_error() -> None:
    with pytest.raises(ParseError) as info:
        Observations.from_csv("indicator,period,value,unit,colour\n")
    assert info.value.location["column"] == 5


def test_from_json() -> None:
    obs = Observations.from_json('[{"indicator":"gdp","period":"2024","value":"9500.97","unit":"亿元"}]')
    assert values(obs) == ["9500.97"]


def test_builtin_and_to_csv_round_trip(nanshan_observations: Observations) -> None:
    assert len(nanshan_observations) > 0
    again = Observations.from_csv(nanshan_observations.to_csv())
    assert again.to_csv() == nanshan_observations.to_csv()
    assert repr(again).startswith("<Observations: ")


def test_batches_add() -> None:
    a = Observations.from_csv(HEADER + "gdp,2024,1,亿元\n")
    b = Observations.from_csv(HEADER + "gdp,2023,2,亿元\n")
    assert len(a + b) == 2
    assert len(a) == 1
    with pytest.raises(TypeError):
        _ = a + 1  # type: ignore[operator]


# --- records ---------------------------------------------------------------------------


def test_records_take_exact_values() -> None:
    obs = Observations.from_records(
        [
            {"indicator": "gdp", "period": "2024", "value": Decimal("9500.97"), "unit": "亿元"},
            {"indicator": "jobs", "period": 2024, "value": 18746, "unit": "人", "vintage": datetime.date(2025, 1, 20)},
            {"indicator": "jobs", "period": "2024", "value": "1.5万", "unit": "人", "status": None},
            {"indicator": "hospital", "period": "2024-12-31", "value": True, "unit": ""},
            {"indicator": "big", "period": "2024", "value": Decimal("1.5E+3"), "unit": "元"},
        ]
    )
    assert values(obs) == ["9500.97", "18746", "15000", "1", "1500"]
    assert "2025-01-20" in obs.to_csv()


def test_records_read_floats_through_their_shortest_text() -> None:
    obs = Observations.from_records([{"indicator": "gdp", "period": "2024", "value": 16.4, "unit": "亿元"}])
    assert values(obs) == ["16.4"]


def test_records_report_every_problem_at_its_index() -> None:
    with pytest.raises(ValidationError) as info:
        Observations.from_records(
            [
                {"indicator": "gdp", "period": "2024", "value": "1", "unit": "亿元"},
                {"indicator": "gdp", "period": "20x4", "value": "1", "unit": "亿元"},
                {"indicator": "gdp", "period": "2024", "value": "1", "unit": "亿元", "colour": "red"},
                {"indicator": "gdp", "period": "2024", "value": [1], "unit": "亿元"},
            ],
            label="mine",
        )
    # An unknown key is one problem of its column, at the header (line 1).
    paths = [(i["path"], i["code"]) for i in info.value.issues]
    assert paths == [("colour", "unknown_field"), ("[1].period", "bad_period"), ("[3].value", "bad_value")]
    assert all(i["file"] == "mine" for i in info.value.issues)
    assert Observations.from_records([{"indicator": "gdp", "period": "2024", "value": "1", "unit": "亿元", "colour": "red"}], strict=False)


def test_records_refuse_what_is_not_a_record() -> None:
    with pytest.raises(TypeError):
        Observations.from_records(["not a record"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        Observations.from_records([{1: "gdp"}])  # type: ignore[dict-item]


# --- DataFrames ------------------------------------------------------------------------


def frame(**columns: object) -> pd.DataFrame:
    base: dict[str, object] = {"indicator": ["gdp"], "period": ["2024"], "unit": ["亿元"]}
    base.update(columns)
    return pd.DataFrame(base)


def test_float_columns_go_through_their_shortest_text() -> None:
    df = pd.DataFrame(
        {
            "indicator": ["a", "b", "c", "d"],
            "period": ["2024"] * 4,
            "value": [16.4, 0.1 + 0.2, 1e20, 4738.01],
            "unit": ["亿元"] * 4,
        }
    )
    assert df["value"].dtype == "float64"
    # 0.1 + 0.2 is the float 0.30000000000000004: its shortest text is kept, not rounded.
    assert values(Observations.from_pandas(df)) == ["16.4", "0.30000000000000004", "100000000000000000000", "4738.01"]


def test_float32_columns_use_float32_text() -> None:
    df = frame(value=pd.Series([16.4], dtype="float32"))
    assert values(Observations.from_pandas(df)) == ["16.4"]


def test_object_columns_of_decimals_or_strings() -> None:
    df = pd.DataFrame(
        {
            "indicator": ["a", "b", "c"],
            "period": ["2024", "2024", "2024"],
            "value": pd.Series([Decimal("0.1"), "16.4亿", 7], dtype=object),
            "unit": ["元", "元", "元"],
        }
    )
    assert values(Observations.from_pandas(df)) == ["0.1", "1640000000", "7"]


def test_floats_in_object_columns_go_through_their_shortest_text() -> None:
    """A float is read as a float column's are, wherever it sits; a column mixing
    Decimal, float and str is read cell by cell (the notebook trial)."""
    df = frame(value=pd.Series([2.5], dtype=object))
    assert values(Observations.from_pandas(df)) == ["2.5"]
    mixed = pd.DataFrame(
        {"indicator": ["a", "b", "c"], "period": ["2024"] * 3, "value": pd.Series([Decimal("0.1"), 16.4, "7"], dtype=object), "unit": ["元"] * 3}
    )
    assert values(Observations.from_pandas(mixed)) == ["0.1", "16.4", "7"]


def test_missing_values_are_reported_not_dropped() -> None:
    df = pd.DataFrame(
        {"indicator": ["a", "b"], "period": ["2024", "2024"], "value": [float("nan"), 1.0], "unit": ["元", "元"]}
    )
    with pytest.raises(ValidationError) as info:
        Observations.from_pandas(df)
    assert [(i["path"], i["code"], i["file"]) for i in info.value.issues] == [("[0].value", "missing_value", "DataFrame")]
    assert info.value.issues[0]["message"] == "missing value (NaN)"


def test_int_and_datetime_and_missing_optional_columns() -> None:
    df = pd.DataFrame(
        {
            "Indicator": ["a", "b"],
            "PERIOD": [2023, 2024],
            "value": [1, 2],
            "unit": ["人", "人"],
            "vintage": pd.to_datetime(["2024-01-20", None]),
            "source": ["bureau", None],
            "status": pd.Series(["preliminary", pd.NA], dtype="string"),
        }
    )
    csv = Observations.from_pandas(df).to_csv().splitlines()
    assert csv[1] == "a,2023,1,人,preliminary,2024-01-20,bureau,"
    assert csv[2] == "b,2024,2,人,final,,,"


def test_pandas_periods_are_read_as_periods() -> None:
    df = frame(value=[1], period=[pd.Period("2024Q3", freq="Q")])
    assert Observations.from_pandas(df).to_csv().splitlines()[1].startswith("gdp,2024Q3,")


def test_unknown_and_missing_columns() -> None:
    with pytest.raises(ParseError, match="unknown column"):
        Observations.from_pandas(frame(value=[1], note=["x"]))
    with pytest.raises(ParseError, match="missing required column"):
        Observations.from_pandas(pd.DataFrame({"indicator": ["a"], "period": ["2024"], "value": [1]}))
    with pytest.raises(TypeError):
        Observations.from_pandas([1, 2, 3])


def test_empty_frame() -> None:
    df = pd.DataFrame({"indicator": [], "period": [], "value": [], "unit": []})
    assert len(Observations.from_pandas(df)) == 0


def test_dataframe_observations_evaluate_like_csv(demo_plan: Plan) -> None:
    df = pd.DataFrame(
        {"indicator": ["new_jobs", "rd_spending"], "period": ["2024", "2024"], "value": [18746.0, 589.9], "unit": ["人", "亿元"]}
    )
    from_df = demo_plan.evaluate(Observations.from_pandas(df)).to_json()
    from_csv = demo_plan.evaluate(Observations.from_csv(
        "indicator,period,value,unit\nnew_jobs,2024,18746,人\nrd_spending,2024,589.9,亿元\n")).to_json()
    assert from_df == from_csv


def test_datetime_columns_of_dates_aware_or_not() -> None:
    df = frame(
        value=[1, 2, 3],
        indicator=["a", "b", "c"],
        period=["2024"] * 3,
        unit=["元"] * 3,
        vintage=pd.to_datetime(["2025-01-20", None, "1969-12-31"]),
    )
    lines = Observations.from_pandas(df).to_csv().splitlines()[1:]
    assert [line.split(",")[5] for line in lines] == ["2025-01-20", "", "1969-12-31"]
    aware = df.assign(vintage=pd.to_datetime(["2025-01-20", None, "1969-12-31"]).tz_localize("Asia/Shanghai"))
    assert Observations.from_pandas(aware).to_csv() == Observations.from_pandas(df).to_csv()


def test_a_time_of_day_is_the_day_it_was_published() -> None:
    """A publication time is its day, from a timestamp column or written in a CSV
    file: published at 10:30 on 20 January is published on 20 January."""
    df = frame(value=[1], vintage=pd.to_datetime(["2025-01-20 10:30"]))
    day = "indicator,period,value,unit,vintage\ngdp,2024,1,亿元,2025-01-20\n"
    expected = Observations.from_csv(day).to_csv()
    assert Observations.from_pandas(df).to_csv() == expected
    for written in ["2025-01-20T10:30:00", "2025-01-20 10:30", "2025-01-20T10:30:00.5+08:00"]:
        csv = f"indicator,period,value,unit,vintage\ngdp,2024,1,亿元,{written}\n"
        assert Observations.from_csv(csv).to_csv() == expected
    with pytest.raises(ValidationError):
        Observations.from_csv("indicator,period,value,unit,vintage\ngdp,2024,1,亿元,2025-01-20Tnoon\n")


def test_integer_columns() -> None:
    df = frame(value=pd.Series([2**62], dtype="int64"), period=pd.Series([2024], dtype="uint16"))
    assert Observations.from_pandas(df).to_csv().splitlines()[1].startswith(f"gdp,2024,{2**62},")
    df = frame(value=pd.Series([2**64 - 1], dtype="uint64"))
    assert values(Observations.from_pandas(df)) == [str(2**64 - 1)]


def test_string_columns_with_control_characters_are_kept() -> None:
    df = pd.DataFrame(
        {"indicator": ["a\x1fb", "c"], "period": ["2024", "2024"], "value": ["1", "2"], "unit": ["元", "元"], "source": ["x\x1f", ""]}
    )
    obs = Observations.from_pandas(df)
    again = Observations.from_records(
        [{"indicator": "a\x1fb", "period": "2024", "value": "1", "unit": "元", "source": "x\x1f"},
         {"indicator": "c", "period": "2024", "value": "2", "unit": "元"}]
    )
    assert obs.to_csv() == again.to_csv()


def test_lenient_csv_keeps_the_good_rows_and_lists_the_rejected() -> None:
    text = "indicator,period,value,unit\nnew_jobs,2024,18746,人\nnew_jobs,2024Q5,1,人\ngdp,2024,lots,亿元\n"
    with pytest.raises(ValidationError) as info:
        Observations.from_csv(text)
    assert len(info.value.issues) == 2
    good, rejected = Observations.from_csv_lenient(text)
    assert len(good) == 1
    assert [(r["line"], r["column"], r["code"]) for r in rejected] == [(3, 2, "bad_period"), (4, 3, "bad_value")]


# --- issue 12: every bad row, unknown ids against a plan, GBK files, written periods ---


def test_field_counts_and_empty_units_are_bad_rows() -> None:
    text = HEADER + "new_jobs,2024,1\nnew_jobs,2024,1,人,final\nnew_jobs,2024,1,\nnew_jobs,2024,1,人\n"
    with pytest.raises(ValidationError) as info:
        Observations.from_csv(text)
    rows = [(i["line"], i["column"], i["code"]) for i in info.value.issues]
    assert rows == [(2, 4, "field_count"), (3, 5, "field_count"), (4, 4, "missing_unit")]
    good, rejected = Observations.from_csv_lenient(text)
    assert len(good) == 1
    assert len(rejected) == 3


def test_a_gbk_file_names_the_offset_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes((HEADER + "new_jobs,2024,18746,人\n").encode("gb18030"))
    with pytest.raises(ParseError) as info:
        Observations.from_csv(path)
    assert info.value.code == "encoding"
    assert info.value.byte_offset == len((HEADER + "new_jobs,2024,18746,").encode())
    assert info.value.location["line"] == 2
    assert "GB18030" in str(info.value)
    assert "iconv -f GB18030 -t UTF-8" in str(info.value)
    json_path = tmp_path / "gbk.json"
    json_path.write_bytes('[{"indicator":"new_jobs","period":"2024","value":"1","unit":"人"}]'.encode("gbk"))
    with pytest.raises(ParseError) as info:
        Observations.from_json(json_path)
    assert info.value.code == "encoding"
    assert "GBK/GB18030" in str(info.value)


def test_written_periods_load_as_canonical_periods() -> None:
    obs = Observations.from_csv(
        HEADER + "a,2024年1-9月,1,人\nb,2024年第三季度,1,人\nc,2024年上半年,1,人\nd,2024年末,1,人\ne,2024年,1,人\n"
    )
    periods = [line.split(",")[1] for line in obs.to_csv().splitlines()[1:]]
    assert periods == ["2024-01..2024-09", "2024Q3", "2024H1", "2024-12-31", "2024"]


def test_plan_check_reports_unknown_ids_at_their_row(demo_plan: Plan) -> None:
    obs = Observations.from_csv(HEADER + "new_jobs,2024年1-9月,12000,人\nnew_jbos,2024,18746,人\n")
    checked = demo_plan.check(obs)
    assert [(i["code"], i["line"], i["column"]) for i in checked["errors"]] == [("unknown_indicator", 3, 1)]
    assert checked["warnings"] == []
    assert demo_plan.check(Observations.from_csv(HEADER)) == {"errors": [], "warnings": []}
