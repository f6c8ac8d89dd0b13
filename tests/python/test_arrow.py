"""Arrow in and out: Observations.from_arrow / from_pandas / from_polars, Scorecard.to_arrow /
to_pandas / to_polars, and the conformance suite through the Arrow path."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planwatch import Observations, Plan, ValidationError, Scorecard

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
pacsv = pytest.importorskip("pyarrow.csv")

CASES = Path(__file__).resolve().parents[2] / "tests" / "conformance"


@pytest.fixture(scope="module")
def card() -> Scorecard:
    return Plan.builtin("nanshan-2024").evaluate(Observations.builtin("nanshan-2024"))


def test_from_arrow_reads_decimals_strings_floats_and_dictionaries() -> None:
    table = pa.table(
        {
            "indicator": ["gdp", "jobs", "share"],
            "period": pa.array(["2024", "2024H1", "2024"]).dictionary_encode(),
            "value": pa.array([Decimal("9500.97"), Decimal("15000"), Decimal("16.4")], pa.decimal128(10, 2)),
            "unit": ["亿元", "人", "%"],
            "vintage": pa.array([date(2025, 1, 20), None, None], pa.date32()),
        }
    )
    csv = (
        "indicator,period,value,unit,vintage\n"
        "gdp,2024,9500.97,亿元,2025-01-20\njobs,2024H1,1.5万,人,\nshare,2024,16.4,%,\n"
    )
    assert Observations.from_arrow(table).to_csv() == Observations.from_csv(csv).to_csv()
    # A RecordBatch (the __arrow_c_array__ interface) works too.
    assert len(Observations.from_arrow(table.to_batches()[0])) == 3


def test_every_bad_row_in_one_error_with_nan_named() -> None:
    table = pa.table(
        {
            "indicator": ["gdp", "gdp", "gdp"],
            "period": ["2024", "2024Q5", "2023"],
            "value": [float("nan"), 1.0, 2.0],
            "unit": ["亿元", "亿元", "furlongs"],
        }
    )
    with pytest.raises(ValidationError) as info:
        Observations.from_arrow(table, "frame")
    got = [(i["path"], i["code"]) for i in info.value.issues]
    assert got == [("[0].value", "missing_value"), ("[1].period", "bad_period"), ("[2].unit", "unknown_unit")]
    assert [i["input"] for i in info.value.issues] == ["NaN", "2024Q5", "furlongs"]
    assert info.value.issues[0]["message"] == "missing value (NaN)"


def test_from_pandas_locates_rows_by_index_label() -> None:
    df = pd.DataFrame(
        {
            "indicator": ["gdp", "gdp", "gdp"],
            "period": ["2024", "2024", "2024x"],
            "value": pd.Series([Decimal("1.5"), 2.5, "abc"], dtype=object, index=["r1", "r2", "r3"]),
            "unit": ["亿元"] * 3,
        },
        index=["r1", "r2", "r3"],
    )
    with pytest.raises(ValidationError) as info:
        Observations.from_pandas(df)
    issues = info.value.issues
    # A mixed Decimal/float/str column lists every problem, not only the first.
    assert [(i["row"], i["code"]) for i in issues] == [("r3", "bad_period"), ("r3", "bad_value")]
    assert issues[0]["path"] == "['r3'].period"
    assert "['r3'].period" in str(info.value)
    # Each issue carries its column (1-based, in the frame's order), the cell it quotes
    # and a hint, as the CSV loader's and the table loaders' do.
    assert [(i["column"], i["field"], i["input"]) for i in issues] == [(2, "period", "2024x"), (3, "value", "abc")]
    assert all(i["hint"] for i in issues)


def bad_values(index: Any) -> Any:
    """A frame whose every value is bad, on ``index``."""
    n = len(index)
    return pd.DataFrame(
        {"indicator": ["gdp"] * n, "period": ["2024"] * n, "unit": ["%"] * n, "value": [f"bad{i}" for i in range(n)]},
        index=index,
    )


@pytest.mark.parametrize(
    "index",
    [pd.RangeIndex(2, 4), pd.RangeIndex(0, 6, 3), pd.Index([1, 0]), pd.Index([2, 1, 0]), pd.Index(["b", "a"])],
    ids=["range-from-2", "range-step-3", "swapped", "reversed", "strings"],
)
def test_from_pandas_names_every_row_by_its_label(index: Any) -> None:
    # An analyst reads `row`, `path` and the message against df.loc: all three name
    # the same label, whatever the index (a slice keeps its labels: df.iloc[2:]).
    with pytest.raises(ValidationError) as info:
        Observations.from_pandas(bad_values(index))
    labels = list(index)
    issues = info.value.issues
    assert [i["row"] for i in issues] == labels
    assert [i["path"] for i in issues] == [f"[{label!r}].value" for label in labels]
    # The message quotes the first problem, at its label.
    assert f", [{labels[0]!r}].value: " in str(info.value)
    assert f", [{labels[0]!r}].value: " in info.value.message
    assert str(info.value).count("].value") == 1


def test_from_pandas_on_the_default_index_names_positions() -> None:
    with pytest.raises(ValidationError) as info:
        Observations.from_pandas(bad_values(pd.RangeIndex(3)).iloc[1:].reset_index(drop=True))
    assert [(i["row"], i["path"]) for i in info.value.issues] == [(0, "[0].value"), (1, "[1].value")]
    assert ", [0].value: " in str(info.value)


def test_from_pandas_keeps_a_cell_that_looks_like_a_path() -> None:
    # Only locations are relabelled, not a quoted cell that happens to read "[0]".
    df = bad_values(pd.Index([1, 0]))
    df["value"] = ["[0].value", "2"]
    with pytest.raises(ValidationError) as info:
        Observations.from_pandas(df)
    [issue] = info.value.issues
    assert (issue["row"], issue["path"], issue["input"]) == (1, "[1].value", "[0].value")
    assert ', [1].value: ' in str(info.value) and '"[0].value"' in str(info.value)


def test_null_typed_polars_columns_read_as_missing() -> None:
    # polars types a column of only None as Null; it reads as an empty column does.
    pl = pytest.importorskip("polars")
    row = {"indicator": ["gdp"], "period": ["2024"], "value": ["1"], "unit": ["%"]}
    expected = Observations.from_polars(pl.DataFrame(row)).to_csv()
    df = pl.DataFrame({**row, "jurisdiction": [None], "source": [None]})
    assert df.schema["jurisdiction"] == pl.Null
    assert Observations.from_polars(df).to_csv() == expected
    assert Observations.from_pandas(df).to_csv() == expected
    assert Observations.from_arrow(df).to_csv() == expected
    # Observations.to_arrow writes a Null jurisdiction column when no row has one.
    obs = Observations.builtin("nanshan-2024")
    assert Observations.from_polars(pl.DataFrame(obs.to_arrow())).to_csv() == obs.to_csv()
    # The problems of such a frame are still reported as such.
    with pytest.raises(ValidationError, match="bad_value"):
        Observations.from_polars(df.with_columns(pl.lit("x").alias("value")))
    # Plan.from_tables reads polars through pyarrow, which exports Null columns.
    plan = Plan.from_tables(
        pl.DataFrame({"id": ["gdp"], "name": ["生产总值"], "unit": ["%"], "备注": [None]}),
        pl.DataFrame({"indicator": ["gdp"], "condition": ["增长6%"], "note": [None]}),
        id="demo",
        period=2024,
    )
    assert [t["condition"] for t in plan.targets] == [">= 6%"]


def test_a_pandas_index_still_names_rows_of_plan_tables() -> None:
    # Plan tables are relabelled by the extension, not by _relabel: check they agree.
    indicators = pd.DataFrame(
        {"id": ["gdp", "jobs"], "name": ["生产总值", "就业"], "unit": ["亿元", "furlongs"]}, index=[1, 0]
    )
    targets = pd.DataFrame({"indicator": ["gdp"], "condition": ["很多"]}, index=pd.RangeIndex(5, 6))
    with pytest.raises(ValidationError) as info:
        Plan.from_tables(indicators, targets, id="x", period="2024")
    got = [(i["row"], i["path"]) for i in info.value.issues]
    assert got == [(0, "indicators[0].unit"), (5, "targets[5].condition")]
    assert "indicators[0].unit" in str(info.value)


def test_from_polars_and_duckdb_through_arrow() -> None:
    pl = pytest.importorskip("polars")
    df = pl.DataFrame(
        {"indicator": ["gdp"], "period": ["2024"], "value": [9500.97], "unit": ["亿元"]}
    )
    obs = Observations.from_polars(df)
    assert obs.to_csv().splitlines()[1] == "gdp,2024,9500.97,亿元,final,,,"
    # A polars frame passed to from_pandas (the notebook trial) works as well.
    assert Observations.from_pandas(df).to_csv() == obs.to_csv()
    duckdb = pytest.importorskip("duckdb")
    rel = duckdb.sql(
        "SELECT 'gdp' AS indicator, '2024' AS period, 9500.97::DECIMAL(18,2) AS value, '亿元' AS unit"
    )
    assert Observations.from_arrow(rel.arrow()).to_csv() == obs.to_csv()
    # A DuckDB relation exports the stream itself.
    assert Observations.from_arrow(rel).to_csv() == obs.to_csv()


def test_duckdb_queries_a_scorecard_table(card: Scorecard) -> None:
    duckdb = pytest.importorskip("duckdb")
    t = card.to_arrow()
    rows = duckdb.sql("SELECT status, count(*) FROM t GROUP BY status").fetchall()
    expected: dict[str, int] = {}
    for r in card.records():
        expected[r["status"]] = expected.get(r["status"], 0) + 1
    assert dict(rows) == expected
    gdp = duckdb.sql("SELECT observed FROM t WHERE target = 'gdp_growth'").fetchall()
    assert gdp == [(Decimal("4.1"),)]


def test_to_arrow_is_exact_and_categorical(card: Scorecard) -> None:
    table = pa.table(card.to_arrow())
    assert table.num_rows == len(card)
    assert pa.types.is_dictionary(table.schema.field("status").type)
    assert pa.types.is_decimal(table.schema.field("observed").type)
    assert table.schema.field("notes").type == pa.list_(pa.string())
    records = {r["target"]: r for r in card.records()}
    for row in table.to_pylist():
        assert row["observed"] == records[row["target"]]["observed"]


def test_to_arrow_columns_are_those_of_the_whole_table(card: Scorecard) -> None:
    whole = pa.table(card.to_arrow())
    picked = pa.table(card.to_arrow(["explanation_zh", "target", "observed", "name_en"]))
    assert picked.column_names == ["explanation_zh", "target", "observed", "name_en"]
    assert picked.equals(whole.select(picked.column_names))
    for name in whole.column_names:
        assert pa.table(card.to_arrow(columns=[name])).equals(whole.select([name]))
    with pytest.raises(ValueError, match="no column `statuz`.*status"):
        card.to_arrow(["statuz"])
    df = card.to_pandas(["target", "status"], lang="zh")
    assert list(df.columns) == ["target", "status"]
    assert df.set_index("target").loc["gdp_growth", "status"] == "未完成"
    pl = pytest.importorskip("polars")
    assert card.to_polars(["target", "status"]).columns == ["target", "status"]
    assert isinstance(card.to_polars(), pl.DataFrame)


def test_to_pandas_decimals_labels_and_order(card: Scorecard) -> None:
    df = card.to_pandas()
    gdp = df.set_index("target").loc["gdp_growth"]
    assert gdp["status"] == "missed"
    assert isinstance(gdp["observed"], Decimal) and gdp["observed"] == Decimal("4.1")
    zh = card.to_pandas(lang="zh")
    assert zh.set_index("target").loc["gdp_growth", "status"] == "未完成"
    assert list(zh["status"].cat.categories[:2]) == ["已完成", "未完成"]
    assert zh["status"].cat.ordered and zh["kind"].cat.ordered
    sections = list(df["section"].cat.categories)
    # Chinese numerals by value: 二.(一) before 三.(一), (三) before (七), (四) before (九).
    for earlier, later in [("二.(一)", "三.(一)"), ("三.(三)", "三.(七)"), ("三.(四)", "三.(九)")]:
        assert sections.index(earlier) < sections.index(later)
    assert df["section"].cat.ordered
    arrow = card.to_pandas(decimal="arrow")
    assert "decimal" in str(arrow["observed"].dtype)
    assert arrow.set_index("target").loc["gdp_growth", "observed"] == Decimal("4.1")


def test_to_polars(card: Scorecard) -> None:
    pl = pytest.importorskip("polars")
    df = card.to_polars()
    assert df.height == len(card)
    assert df.filter(pl.col("target") == "gdp_growth")["status"].to_list() == ["missed"]
    # The recipe the docstrings give for the bare Arrow table (pl.from_arrow would
    # read a non-pyarrow stream as a Series of structs).
    assert pl.DataFrame(card.to_arrow()).equals(df)


def test_observations_to_pandas_round_trips() -> None:
    obs = Observations.builtin("nanshan-2024")
    df = obs.to_pandas()
    assert list(df.columns)[:4] == ["indicator", "period", "value", "unit"]
    assert all(isinstance(v, Decimal) for v in df["value"])
    assert Observations.from_pandas(df).to_csv() == obs.to_csv()


def conformance_cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "case.json").is_file())


@pytest.mark.parametrize("case", conformance_cases(), ids=lambda p: p.name)
def test_conformance_through_arrow(case: Path) -> None:
    """Each fixture's observations, read by pyarrow and loaded with from_arrow, give the
    same scorecard as the CSV (or JSON) path."""
    plan = Plan.from_toml(case / "plan.toml") if (case / "plan.toml").is_file() else Plan.from_json(case / "plan.json")
    as_of: Any = json.loads((case / "case.json").read_text(encoding="utf-8"))["as_of"]
    if (case / "observations.csv").is_file():
        path = case / "observations.csv"
        expected = Observations.from_csv(path)
        # Every column as text, as the CSV loader sees it: pyarrow would otherwise guess types.
        names = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        convert = pacsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=False)
        table = pacsv.read_csv(path, convert_options=convert)
    else:
        path = case / "observations.json"
        expected = Observations.from_json(path)
        rows = json.loads(path.read_text(encoding="utf-8"))
        keys = sorted({k for r in rows for k in r})
        table = pa.table({k: pa.array([None if r.get(k) is None else str(r[k]) for r in rows], pa.string()) for k in keys})
    obs = Observations.from_arrow(table, "arrow")
    assert plan.evaluate(obs, as_of=as_of).to_json() == plan.evaluate(expected, as_of=as_of).to_json()


WORKBOOK = Path(__file__).resolve().parents[2] / "examples" / "data" / "nanshan-2024.xlsx"


def test_from_pandas_reads_what_read_excel_and_read_csv_make() -> None:
    # read_excel and read_csv type an empty column (jurisdiction, source) as floats of
    # NaN: it is empty, not a column of the wrong type.
    pytest.importorskip("openpyxl")
    builtin = Observations.builtin("nanshan-2024")
    sheet = pd.read_excel(WORKBOOK, sheet_name="observations")
    assert Observations.from_pandas(sheet).to_csv() == builtin.to_csv()
    import io

    frame = pd.read_csv(io.StringIO(builtin.to_csv()))
    assert frame["jurisdiction"].dtype.kind == "f"
    assert Observations.from_pandas(frame).to_csv() == builtin.to_csv()


def _texts(observations: Observations, column: str) -> list:
    return [str(v) for v in observations.to_pandas()[column]]


def test_a_nan_where_a_field_is_required_is_named_nan() -> None:
    df = pd.DataFrame(
        {
            "indicator": ["gdp", "gdp", "gdp"],
            "period": ["2024", float("nan"), "2023"],
            "value": [1, 2, 3],
            "unit": ["亿元", "亿元", None],
        }
    )
    with pytest.raises(ValidationError) as info:
        Observations.from_pandas(df)
    got = [(i["row"], i["field"], i["message"]) for i in info.value.issues]
    assert got[0] == (1, "period", "missing value (NaN)")
    assert got[1][:2] == (2, "unit")
    # A year read as a float (a column with one blank) is the year.
    df = pd.DataFrame({"indicator": ["gdp"] * 2, "period": [2024.0, 2023.0], "value": [1, 2], "unit": ["亿元"] * 2})
    assert _texts(Observations.from_pandas(df), "period") == ["2024", "2023"]


def test_a_missing_period_does_not_hide_a_missing_value_in_its_row() -> None:
    df = pd.DataFrame(
        {"indicator": ["a", "b"], "period": ["2024", None], "value": [1.0, float("nan")], "unit": ["人", "人"]}
    )
    with pytest.raises(ValidationError) as info:
        Observations.from_pandas(df)
    got = [(i["row"], i["field"], i["message"]) for i in info.value.issues]
    assert got == [(1, "period", "missing value (NaN)"), (1, "value", "missing value (NaN)")]


def test_a_categorical_shows_its_missing_values_as_nan_and_is_told_so() -> None:
    # pandas prints a categorical's missing value as NaN, whatever its categories are.
    df = pd.DataFrame(
        {
            "indicator": pd.Categorical(["gdp", float("nan"), "gdp"]),
            "period": pd.Categorical([2024, 2024, float("nan")]),
            "value": [1.0, 2.0, 3.0],
            "unit": pd.Categorical(["亿元", "亿元", "亿元"]),
        }
    )
    with pytest.raises(ValidationError) as info:
        Observations.from_pandas(df)
    got = [(i["row"], i["field"], i["message"], i["input"]) for i in info.value.issues]
    assert got == [
        (1, "indicator", "missing value (NaN)", "NaN"),
        (2, "period", "missing value (NaN)", "NaN"),
    ]
    # Without them, integer categories read as the years they are.
    assert _texts(Observations.from_pandas(df.iloc[:1]), "period") == ["2024"]


def test_a_timestamp_vintage_is_the_day_it_was_published() -> None:
    pl = pytest.importorskip("polars")
    import datetime as dt

    frame = {
        "indicator": ["gdp", "jobs"],
        "period": ["2024", "2024"],
        "value": ["1", "2"],
        "unit": ["亿元", "人"],
    }
    naive = pd.DataFrame({**frame, "vintage": pd.to_datetime(["2025-01-20 09:30", "2025-01-21 23:59"])})
    assert _texts(Observations.from_pandas(naive), "vintage") == ["2025-01-20", "2025-01-21"]
    # Midnight in Shanghai is 16:00 UTC the day before: the local day counts.
    zoned = pl.Series([dt.datetime(2025, 1, 21), dt.datetime(2025, 1, 20, 23, 0)]).dt.replace_time_zone(
        "Asia/Shanghai"
    )
    got = Observations.from_polars(pl.DataFrame({**frame, "vintage": zoned}))
    assert _texts(got, "vintage") == ["2025-01-21", "2025-01-20"]


def test_observations_written_out_load_again() -> None:
    o = Observations.from_records(
        [
            {"indicator": "rank", "period": "2024", "value": "5", "unit": "1"},
            {"indicator": "gdp", "period": "2024", "value": "9500.97", "unit": "亿元"},
        ]
    )
    assert o.to_pandas()["unit"].tolist() == ["1", "亿元"]
    assert Observations.from_pandas(o.to_pandas()).to_csv() == o.to_csv()
    assert Observations.from_arrow(o.to_arrow()).to_csv() == o.to_csv()


def test_to_polars_gives_a_column_past_38_digits_as_exact_text() -> None:
    pl = pytest.importorskip("polars")
    plan = Plan.from_tables(
        [{"id": "a", "name": "甲", "unit": "1"}, {"id": "b", "name": "乙", "unit": "1"}],
        [{"indicator": "a", "condition": ">= 1"}, {"indicator": "b", "condition": ">= 1"}],
        id="wide",
        period="2024",
    )
    o = Observations.from_records(
        [
            {"indicator": "a", "period": "2024", "value": "1234567890123456789012345678", "unit": "1"},
            {"indicator": "b", "period": "2024", "value": "0.0000000000000000000000000001", "unit": "1"},
        ]
    )
    card = plan.evaluate(o)
    assert pa.types.is_decimal256(pa.table(card.to_arrow()).schema.field("observed").type)
    frame = card.to_polars()
    assert frame["observed"].to_list() == ["1234567890123456789012345678", "0.0000000000000000000000000001"]
    assert frame["status"].to_list() == ["met", "missed"]
    # Observations too; pandas reads decimal256 exactly.
    assert o.to_polars()["value"].to_list() == frame["observed"].to_list()
    assert Observations.from_polars(o.to_polars()).to_csv() == o.to_csv()
    assert card.to_pandas()["observed"].tolist() == [
        Decimal("1234567890123456789012345678"),
        Decimal("0.0000000000000000000000000001"),
    ]


def test_to_excel_writes_the_csv_cells_with_numbers_and_notes_joined(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    import io

    card = Plan.builtin("nanshan-2024").evaluate(Observations.builtin("nanshan-2024"))
    path = tmp_path / "card.xlsx"
    card.to_excel(path)
    sheet = pd.read_excel(path, sheet_name="scorecard", dtype=object)
    csv = pd.read_csv(io.StringIO(card.to_csv()), dtype=str, keep_default_na=False)
    assert list(sheet.columns) == list(csv.columns)
    assert sheet["target"].tolist() == csv["target"].tolist()
    observed = [v for v in sheet["observed"] if v == v]
    assert observed and all(isinstance(v, (int, float)) for v in observed)
    notes = [a["notes"] for a in card.records()]
    joined = ["；".join(n) if n else None for n in notes]
    got = [v if v == v else None for v in sheet["notes"]]
    assert got == joined and any(n and len(n) > 1 for n in notes)
    buffer = io.BytesIO()
    card.to_excel(buffer)
    assert buffer.getvalue()[:2] == b"PK"


def test_every_missing_value_of_a_frame_is_pd_na(card: Scorecard) -> None:
    # One convention in the whole frame: pd.NA, in text, decimal and date columns
    # alike; a categorical's missing value is pandas' NaN, the only one it has.
    for decimal in ("object", "arrow"):
        df = card.to_pandas(decimal=decimal)
        for column in df.columns:
            values = df[column]
            if isinstance(values.dtype, pd.CategoricalDtype) or column in ("notes", "inputs", "conflicts"):
                continue
            missing = [v for v in values if pd.api.types.is_scalar(v) and pd.isna(v)]
            assert all(v is pd.NA for v in missing), (decimal, column, missing[:3])
        assert df["observed"].isna().any() and df["severity"].isna().any()
    o = Observations.from_records(
        [
            {"indicator": "gdp", "period": "2024", "value": "1", "unit": "亿元", "vintage": "2025-01-20"},
            {"indicator": "gdp", "period": "2023", "value": "2", "unit": "亿元", "source": "年鉴"},
        ]
    )
    frame = o.to_pandas()
    assert frame.loc[1, "vintage"] is pd.NA and frame.loc[0, "source"] is pd.NA
    assert Observations.from_pandas(frame).to_csv() == o.to_csv()


def test_an_object_column_of_whole_floats_and_text_reads_whole_floats_as_integers() -> None:
    # pd.concat of a frame with float years and one with text periods: an object column.
    a = pd.DataFrame({"indicator": ["gdp"] * 2, "period": [2024.0, 2023.0], "value": [1, 2], "unit": ["亿元"] * 2})
    b = pd.DataFrame({"indicator": ["gdp"] * 2, "period": ["2024H1", "2024Q3"], "value": [3, 4], "unit": ["亿元"] * 2})
    both = pd.concat([a, b], ignore_index=True)
    assert both["period"].dtype == object
    assert _texts(Observations.from_pandas(both), "period") == ["2024", "2023", "2024H1", "2024Q3"]


def test_a_check_names_rows_by_the_frame_labels() -> None:
    plan = Plan.builtin("nanshan-2024")
    df = pd.DataFrame(
        {
            "indicator": ["gdp_growht", "gdp_growth", "gdp_growth"],
            "period": ["2024", "2024", "2024"],
            "value": ["5", "4.1", "4.2"],
            "unit": ["%", "%", "%"],
        },
        index=["北京", "上海", "广州"],
    )
    obs = Observations.from_pandas(df)
    checked = plan.check(obs)
    issues = checked["errors"] + checked["warnings"]
    rows = {(i["code"], i["row"]) for i in issues}
    assert ("unknown_indicator", "北京") in rows and ("duplicate_observation", "广州") in rows, issues
    duplicate = next(i for i in issues if i["code"] == "duplicate_observation")
    assert duplicate["path"].startswith("['广州']") and "['上海']" in duplicate["message"], duplicate
    # A batch from elsewhere keeps its positions, as ints.
    plain = plan.check(Observations.from_arrow(pa.Table.from_pandas(df, preserve_index=False)))
    assert {i["row"] for i in plain["errors"]} == {0}


def test_an_empty_list_of_records_is_an_empty_batch_as_an_empty_frame_is() -> None:
    assert len(Observations.from_records([])) == len(Observations.from_pandas(pd.DataFrame())) == 0
    from planwatch import ParseError

    # A batch with rows but without a required column is still refused, at its label.
    with pytest.raises(ParseError) as info:
        Observations.from_records([{"period": "2024", "value": "1", "unit": "%"}], label="figures")
    assert "(at figures, line 1)" in str(info.value)


def test_review_cases_of_the_pandas_path() -> None:
    # A milestone's done needs no unit, even when pandas shows the blank as NaN.
    df = pd.DataFrame({"indicator": ["gdp", "park"], "period": ["2024"] * 2, "value": ["1.5", "done"], "unit": ["亿元", None]})
    assert len(Observations.from_pandas(df)) == 2
    # A whole float past 2**53 in an object column is its shortest text, as in a float column.
    mixed = pd.DataFrame({"indicator": ["a", "b"], "period": ["2024"] * 2, "value": pd.Series([1e23, "5"], dtype=object), "unit": ["1"] * 2})
    floats = pd.DataFrame({"indicator": ["a"], "period": ["2024"], "value": [1e23], "unit": ["1"]})
    assert Observations.from_pandas(mixed).to_csv().splitlines()[1] == Observations.from_pandas(floats).to_csv().splitlines()[1]
    # Every bad row of a large frame is named by its label.
    n = 5000
    bad = pd.DataFrame({"indicator": ["a"] * n, "period": ["2024"] * n, "value": ["x"] * n, "unit": ["%"] * n}, index=[f"r{i}" for i in range(n)])
    with pytest.raises(ValidationError) as info:
        Observations.from_pandas(bad)
    assert [i["row"] for i in info.value.issues] == list(bad.index)


def test_a_decimal_of_negative_scale_past_28_digits_is_a_bad_value_not_a_panic() -> None:
    values = pa.array([Decimal("1E+29"), Decimal("2E+29")], pa.decimal128(38, -29))
    table = pa.table({"indicator": ["a", "b"], "period": ["2024"] * 2, "value": values, "unit": ["1"] * 2})
    with pytest.raises(ValidationError) as info:
        Observations.from_arrow(table)
    assert {i["code"] for i in info.value.issues} == {"bad_value"}


def test_a_row_is_named_alike_whichever_frame_it_came_from() -> None:
    """The same bad row from pandas (default index), polars, Arrow and records: ``row``
    is the int 1 every time, in the loader's error and in ``plan.check``."""
    pl = pytest.importorskip("polars")
    rows = {"indicator": ["gdp_growth", "gdp_growthx"], "period": ["2024", "20x4"], "value": ["5", "6"], "unit": ["%", "%"]}
    records = [dict(zip(rows, values)) for values in zip(*rows.values())]
    loaders = {
        "pandas": lambda: Observations.from_pandas(pd.DataFrame(rows)),
        "polars": lambda: Observations.from_polars(pl.DataFrame(rows)),
        "arrow": lambda: Observations.from_arrow(pa.table(rows)),
        "records": lambda: Observations.from_records(records),
    }
    for name, load in loaders.items():
        with pytest.raises(ValidationError) as info:
            load()
        assert [(i["row"], i["field"]) for i in info.value.issues] == [(1, "period")], name
    plan = Plan.builtin("nanshan-2024")
    rows["period"][1] = "2024"
    records = [dict(zip(rows, values)) for values in zip(*rows.values())]
    for name, load in loaders.items():
        errors = plan.check(load())["errors"]
        assert [(i["row"], i["code"]) for i in errors] == [(1, "unknown_indicator")], (name, errors)


def test_a_check_names_rows_by_their_own_labels_after_batches_are_added() -> None:
    """Rows keep their own labels in ``plan.check``: a dict of records' keys, and each
    DataFrame's index once batches read under different labels are added up; batches
    read under the same label keep their positions (which batch's label would be a
    guess)."""
    plan = Plan.builtin("nanshan-2024")
    bad = {"indicator": "no_such", "period": "2024", "value": "1", "unit": "%"}
    by_key = plan.check(Observations.from_records({"7": bad, "k": dict(bad, indicator="gdp_growth")}))
    assert [(i["row"], i["path"]) for i in by_key["errors"]] == [("7", "['7'].indicator")]
    a = Observations.from_pandas(pd.DataFrame([bad], index=["x"]), label="A")
    b = Observations.from_pandas(pd.DataFrame([dict(bad, indicator="new_jobs", unit="亿元")], index=["y"]), label="B")
    for batch in (a + b, sum([a, b])):
        assert [(i["row"], i["file"]) for i in plan.check(batch)["errors"]] == [("x", "A"), ("y", "B")]
    same = Observations.from_pandas(pd.DataFrame([bad], index=["x"])) + Observations.from_pandas(
        pd.DataFrame([bad], index=["y"])
    )
    assert [i["row"] for i in plan.check(same)["errors"]] == [0, 0]
