"""Plans and observations from tables: DataFrames, Arrow, records, Excel; every
problem with its row label, column, input and hint."""

from __future__ import annotations

import json
import pathlib
from decimal import Decimal
from typing import Any, Dict, List

import numpy as np
import pandas as pd
import pytest

from planwatch import Observations, Plan, ValidationError

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORKBOOK = ROOT / "examples" / "data" / "nanshan-2024.xlsx"

INDICATORS: Dict[str, List[Any]] = {
    "id": ["gdp_growth", "new_jobs", "energy", "cpi"],
    "name": ["地区生产总值增长", "城镇新增就业", "单位GDP能耗", "居民消费价格涨幅"],
    "unit": ["%", "人", "%", "%"],
    "kind": ["预期性", "约束性", "binding", "expected"],
    "备注": ["统计局", None, None, None],
}
TARGETS: Dict[str, List[Any]] = {
    "indicator": ["gdp_growth", "new_jobs", "energy", "cpi"],
    "condition": ["增长6%", "不少于1.2万人", "下降3%", "3%左右"],
}


def conditions(plan: Plan) -> List[str]:
    return [t["condition"] for t in plan.targets]


def test_a_plan_from_pandas_reads_what_analysts_write() -> None:
    plan = Plan.from_tables(pd.DataFrame(INDICATORS), pd.DataFrame(TARGETS), id="demo", period=2024)
    assert conditions(plan) == [">= 6%", ">= 1.2万人", "<= -3%", "~ 3%"]
    assert [i["kind"] for i in plan.indicators] == ["expected", "binding", "binding", "expected"]
    assert plan.period == "2024"


def test_strict_rejects_the_remarks_column() -> None:
    with pytest.raises(ValidationError) as info:
        Plan.from_tables(pd.DataFrame(INDICATORS), pd.DataFrame(TARGETS), id="demo", period="2024", strict=True)
    [issue] = info.value.issues
    assert (issue["code"], issue["field"], issue["column"]) == ("unknown_field", "备注", 5)


def test_a_plan_from_polars_and_from_arrow() -> None:
    pl = pytest.importorskip("polars")
    pa = pytest.importorskip("pyarrow")
    for indicators, targets in [
        (pl.DataFrame(INDICATORS), pl.DataFrame(TARGETS)),
        (pa.table(INDICATORS), pa.table(TARGETS)),
        (INDICATORS, TARGETS),  # a dict of columns
    ]:
        plan = Plan.from_tables(indicators, targets, id="demo", period="2024")
        assert conditions(plan) == [">= 6%", ">= 1.2万人", "<= -3%", "~ 3%"]


def test_every_problem_of_the_tables_comes_in_one_error_with_its_index_label() -> None:
    indicators = pd.DataFrame(
        {"id": ["jobs", "gdp"], "name": ["新增就业", "生产总值"], "unit": ["furlongs", "亿元"]},
        index=["r1", "r2"],
    )
    targets = pd.DataFrame(
        {"indicator": ["gdp", "gdp", "gpd"], "condition": ["很多", ">= 5%", None], "period": ["2024", "2024Q5", "2024"]},
        index=[10, 20, 30],
    )
    with pytest.raises(ValidationError) as info:
        Plan.from_tables(indicators, targets, id="x", period="2024")
    got = [(i["row"], i["field"], i["input"]) for i in info.value.issues]
    # Rows are the DataFrame's own labels, of their own type (str, int).
    assert got == [
        ("r1", "unit", "furlongs"),
        (10, "condition", "很多"),
        (20, "period", "2024Q5"),
        (30, "indicator", "gpd"),  # misspelt, and named though the row's condition is missing
        (30, "condition", "NaN"),  # pandas 3 keeps a missing str as NaN
    ]
    assert all(i["hint"] for i in info.value.issues[:3])


def test_a_bad_cell_does_not_hide_the_other_problems_of_its_row() -> None:
    # An analyst fixes a row once: every cell that is wrong in it is named together.
    indicators = pd.DataFrame({"id": ["jobs"], "name": ["新增就业"], "unit": ["人人人"], "polarity": ["upward"]})
    targets = pd.DataFrame(
        {"indicator": ["jobs"], "period": ["20x4"], "condition": [">= ab"], "kind": ["weird"]}, index=["t1"]
    )
    with pytest.raises(ValidationError) as info:
        Plan.from_tables(indicators, targets, id="x", period="2024")
    got = [(i["row"], i["field"], i["code"]) for i in info.value.issues]
    assert got == [
        (0, "unit", "unknown_unit"),
        (0, "polarity", "invalid"),
        ("t1", "period", "bad_period"),
        ("t1", "condition", "bad_condition"),
        ("t1", "kind", "invalid"),
    ]


def test_labels_written_in_digits_stay_the_frames_own() -> None:
    # A row number is an int, but a label that is text of digits is the frame's own str.
    indicators = pd.DataFrame({"id": ["jobs"], "name": ["新增就业"], "unit": ["furlongs"]}, index=["1"])
    with pytest.raises(ValidationError) as info:
        Plan.from_tables(indicators, pd.DataFrame({"indicator": ["jobs"], "condition": [">= 1人"]}), id="x", period="2024")
    assert [(i["row"], i["field"]) for i in info.value.issues] == [("1", "unit")]
    with pytest.raises(ValidationError) as info:
        Observations.from_records({"7": {"indicator": "jobs", "period": "20x4", "value": "1", "unit": "人"}})
    assert [(i["row"], i["field"]) for i in info.value.issues] == [("7", "period")]
    with pytest.raises(ValidationError) as info:
        Observations.from_records([{"indicator": "jobs", "period": "20x4", "value": "1", "unit": "人"}])
    assert [(i["row"], i["field"]) for i in info.value.issues] == [(0, "period")]


PART_INDICATORS: Dict[str, List[Any]] = {
    "id": ["gdp", "jobs", "rate"],
    "name": ["生产总值", "新增就业", "比率"],
    "unit": ["亿元", "人", "%"],
}


def test_a_condition_may_be_given_in_parts_as_analysts_keep_it() -> None:
    # The columns of an analyst's target table: comparator, value, high, unit, floats
    # read through their shortest text (16.4 is exactly 16.4), NaN where no bound.
    targets = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "indicator": ["gdp", "gdp", "jobs", "gdp", "rate"],
            "period": [2024, 2024, 2024, 2024, 2024],
            "comparator": [">=", "不少于", "≥", "between", "左右"],
            "value": [16.4, 164000.0, 12000.0, 54.31, 6.0],
            "high": [np.nan, np.nan, np.nan, 59.74, np.nan],
            "unit": ["亿元", "万元", "人", "亿元", "%"],
        }
    )
    plan = Plan.from_tables(pd.DataFrame(PART_INDICATORS), targets, id="p", period=2024, strict=True)
    assert conditions(plan) == [">= 16.4亿元", ">= 16.4亿元", ">= 1.2万人", "between 54.31亿元 and 59.74亿元", "~ 6%"]
    # The same through Arrow and polars.
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    for frame in (pa.table(targets), pl.from_pandas(targets)):
        again = Plan.from_tables(pa.table(pd.DataFrame(PART_INDICATORS)), frame, id="p", period=2024)
        assert conditions(again) == conditions(plan)


def test_every_bad_part_of_a_condition_is_located_by_index_label_and_column() -> None:
    targets = pd.DataFrame(
        {
            "indicator": ["gdp", "gdp", "gdp", "gdp", "gdp"],
            "comparator": ["很多", ">=", "between", ">=", ">="],
            "value": [1.0, 1.0, 5.0, np.nan, 2.0],
            "high": [np.nan, np.nan, np.nan, np.nan, np.nan],
            "unit": ["亿元", "furlongs", "亿元", "亿元", "亿元"],
            "condition": [None, None, None, None, ">= 2亿元"],
        },
        index=["r1", "r2", "r3", "r4", "r5"],
    )
    with pytest.raises(ValidationError) as info:
        Plan.from_tables(pd.DataFrame(PART_INDICATORS), targets, id="p", period=2024)
    got = [(i["row"], i["field"], i["input"]) for i in info.value.issues]
    assert got == [
        ("r1", "comparator", "很多"),
        ("r2", "unit", "furlongs"),
        ("r3", "high", "NaN"),
        ("r4", "value", "NaN"),
        ("r5", "comparator", ">="),  # both the text and the parts
    ]
    assert all(i["hint"] and i["code"] == "bad_condition" for i in info.value.issues)
    assert info.value.issues[0]["path"] == "targets[r1].comparator"


def test_a_missing_part_says_it_is_missing() -> None:
    # As an analyst's sheet leaves them: a value with no comparator, a NaN value (pandas'
    # empty cell), and a row on an indicator the plan lacks whose value is also missing.
    targets = pd.DataFrame(
        {
            "indicator": ["gdp", "gdp", "gpd", "gdp"],
            # An object column keeps None (pandas' `str` dtype would make it NaN).
            "comparator": pd.Series([None, ">=", ">=", ">="], dtype=object, index=list("abcd")),
            "value": [5.0, np.nan, np.nan, 7.0],
            "unit": ["亿元", "亿元", "亿元", "亿元"],
        },
        index=["a", "b", "c", "d"],
    )
    with pytest.raises(ValidationError) as info:
        Plan.from_tables(pd.DataFrame(PART_INDICATORS), targets, id="p", period=2024)
    got = [(i["row"], i["field"], i["code"], i["message"]) for i in info.value.issues]
    assert got == [
        ("a", "comparator", "bad_condition", "the condition's comparator is empty"),
        ("b", "value", "bad_condition", "missing value (NaN): the condition's value is missing"),
        ("c", "indicator", "unknown_indicator", 'target "gpd" is on unknown indicator "gpd"'),
        ("c", "value", "bad_condition", "missing value (NaN): the condition's value is missing"),
    ]


def test_a_large_targets_table_is_read_through_arrow_with_positions_as_labels() -> None:
    n = 20_000
    targets = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(n)],
            "indicator": ["gdp"] * n,
            "comparator": [">="] * n,
            "value": np.round(np.linspace(1, 100, n), 2),
            "unit": ["亿元"] * n,
        }
    )
    targets.loc[n - 1, "comparator"] = "?"
    with pytest.raises(ValidationError) as info:
        Plan.from_tables(pd.DataFrame(PART_INDICATORS), targets, id="p", period=2024)
    [issue] = info.value.issues
    assert (issue["row"], issue["field"], issue["input"]) == (n - 1, "comparator", "?")
    targets.loc[n - 1, "comparator"] = "<"
    plan = Plan.from_tables(pd.DataFrame(PART_INDICATORS), targets, id="p", period=2024)
    assert len(plan.targets) == n
    assert plan.targets[-1]["condition"] == "< 100亿元"


def test_from_json_takes_a_dict() -> None:
    plan = Plan.builtin("nanshan-2024")
    again = Plan.from_json(json.loads(plan.to_json()))
    assert again.to_toml() == plan.to_toml()
    with pytest.raises(ValidationError):
        Plan.from_json({"plan": {"id": "x"}})


def test_records_take_numpy_ints_and_floats_through_their_shortest_text() -> None:
    df = pd.DataFrame(
        {"indicator": ["gdp", "jobs"], "period": [2024, 2024], "value": [9500.97, 18746], "unit": ["亿元", "人"]}
    )
    obs = Observations.from_records(df.astype(object).to_dict("records"))
    assert "9500.97" in obs.to_csv()
    rows = [{"indicator": "jobs", "period": np.int64(2024), "value": np.int64(18746), "unit": "人"}]
    assert "18746" in Observations.from_records(rows).to_csv()
    assert "16.4" in Observations.from_records([{"indicator": "r", "period": "2024", "value": 16.4, "unit": "%"}]).to_csv()


def test_a_mixed_column_lists_every_problem_at_its_index_label() -> None:
    records = {
        "a": {"indicator": "gdp", "period": "2024", "value": Decimal("1.5"), "unit": "亿元"},
        "b": {"indicator": "gdp", "period": "2023", "value": float("nan"), "unit": "亿元"},
        "c": {"indicator": "gdp", "period": "2022", "value": [1], "unit": "亿元"},
        "d": {"indicator": "gdp", "period": "2021", "value": "lots", "unit": "亿元"},
        "e": {"indicator": "gdp", "period": "2020", "value": 2.5, "unit": "亿元"},
    }
    with pytest.raises(ValidationError) as info:
        Observations.from_records(records)
    got = [(i["row"], i["field"], i["input"], i["message"] if i["row"] == "b" else None) for i in info.value.issues]
    assert got == [
        ("b", "value", "NaN", "missing value (NaN)"),
        ("c", "value", "<list>", None),
        ("d", "value", "lots", None),
    ]
    assert all(set(i) >= {"row", "field", "input", "hint"} and i["hint"] for i in info.value.issues)


def test_plan_check_names_what_evaluation_would_hide() -> None:
    plan = Plan.builtin("nanshan-2024")
    obs = Observations.from_csv(
        "indicator,period,value,unit\nnew_jbos,2024,18000,人\ngdp,2024,9500,亿元\ngdp,2024,9600,亿元\ngdp,2023,8000,1\n"
    )
    checked = plan.check(obs)
    assert [(i["code"], i["hint"]) for i in checked["errors"]][0] == ("unknown_indicator", 'did you mean "new_jobs"?')
    # gdp in the dimensionless 1: a unit, of another kind than the indicator's 亿元.
    assert ("incompatible_unit", "1") in [(i["code"], i["input"]) for i in checked["errors"]]
    assert "duplicate_observation" in [i["code"] for i in checked["warnings"]]


def test_observations_add_up_with_sum() -> None:
    a = Observations.from_csv("indicator,period,value,unit\ngdp,2024,1,亿元\n")
    b = Observations.from_csv("indicator,period,value,unit\ngdp,2023,2,亿元\n")
    assert len(sum([a, b])) == 2
    with pytest.raises(TypeError):
        _ = 1 + a  # type: ignore[operator]


def test_the_shipped_workbook_is_the_builtin_dataset() -> None:
    plan = Plan.from_excel(WORKBOOK)
    assert plan.to_toml() == Plan.builtin("nanshan-2024").to_toml()
    obs = Observations.from_excel(str(WORKBOOK))
    assert obs.to_csv() == Observations.builtin("nanshan-2024").to_csv()
    card = plan.evaluate(obs, "2024-12-31")
    assert len(card.records()) == len(plan.targets)


def test_excel_problems_name_sheet_row_and_column(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "plan.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"id": ["jobs"], "name": ["新增就业"], "unit": ["人"]}).to_excel(writer, sheet_name="indicators", index=False)
        pd.DataFrame({"indicator": ["jobs", "jobs"], "condition": ["不少于1.2万人", "很多"]}).to_excel(
            writer, sheet_name="targets", index=False
        )
    with pytest.raises(ValidationError) as info:
        Plan.from_excel(path, id="demo", period=2024)
    [issue] = info.value.issues
    assert (issue["path"], issue["line"], issue["column"], issue["input"]) == ("targets[3].condition", 3, 2, "很多")
    with pytest.raises(FileNotFoundError):
        Plan.from_excel(tmp_path / "missing.xlsx")
    # What pandas reads from the shipped workbook is a plan too.
    sheets = pd.read_excel(WORKBOOK, sheet_name=None)
    plan = Plan.from_tables(sheets["indicators"], sheets["targets"], id="nanshan-2024", period="2024")
    assert len(plan.targets) == len(Plan.builtin("nanshan-2024").targets)


def test_records_may_be_a_frame_whose_index_labels_locate_problems() -> None:
    df = pd.DataFrame(
        {"indicator": ["gdp", "gdp"], "period": ["2024", "2024Q5"], "value": [1.5, 2.5], "unit": ["亿元", "亿元"]},
        index=pd.Index(["shenzhen", "nanshan"]),
    )
    with pytest.raises(ValidationError) as info:
        Observations.from_records(df)
    [issue] = info.value.issues
    assert (issue["row"], issue["field"], issue["input"], issue["code"]) == ("nanshan", "period", "2024Q5", "bad_period")
    assert len(Observations.from_records(df.iloc[:1])) == 1
