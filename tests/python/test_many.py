"""Every county's plan at once: planwatch.evaluate_many (Arrow in and out), and the same
run on a real Dask cluster and on Spark local[2], compared row for row."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

import planwatch

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benches" / "scale"))
import generate  # noqa: E402

AS_OF = "2026-03-31"


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Tuple[List[str], Any, Dict[str, str]]:
    """Eight counties' 2025 plans and releases (national rows without a jurisdiction
    included), plus two rows of a county nobody planned for."""
    out = tmp_path_factory.mktemp("national")
    generate.write(out, 7, 8, [2025])
    plans = pq.read_table(out / "plans.parquet").to_pylist()
    texts = [p["toml"] for p in plans if p["year"] == 2025]
    obs = pq.read_table(out / "observations" / "2025.parquet")
    stray = pa.table(
        {
            "indicator": ["gdp", "gdp"],
            "period": ["2025", "2024"],
            "value": ["12.5", "11.9"],
            "unit": ["亿元", "亿元"],
            "status": ["final", "final"],
            "vintage": ["2026-02-01", "2025-02-01"],
            "source": ["x", "x"],
            "jurisdiction": ["无计划县", "无计划县"],
        }
    )
    obs = pa.concat_tables([obs, stray])
    provinces = {p["jurisdiction"]: p["province"] for p in plans}
    return texts, obs, provinces


def rows_of(table: Any) -> List[Tuple[Any, ...]]:
    """The flat table's rows, sorted: the order partitions come back in is free."""
    cols = [table.column(n).to_pylist() for n in planwatch.FLAT_COLUMNS]
    return sorted(zip(*cols), key=lambda r: tuple("" if v is None else v for v in r))


def test_each_plan_gets_what_it_gets_on_its_own(sample: Any) -> None:
    texts, obs, _ = sample
    result = planwatch.evaluate_many(texts, obs, as_of=AS_OF)
    assert result.failures == []
    t = result.assessments
    assert t.num_rows == 80 * len(texts)
    frame = obs.to_pandas()
    for text in texts[:3]:
        plan = planwatch.Plan.from_toml(text)
        mine = frame[(frame.jurisdiction == plan.jurisdiction) | (frame.jurisdiction == "")]
        alone = plan.evaluate(planwatch.Observations.from_pandas(mine), as_of=AS_OF).records()
        rows = t.filter(pa.compute.equal(t.column("plan"), plan.id)).to_pylist()
        assert [(r["target"], r["status"], r["explanation_zh"]) for r in rows] == [
            (a["target"], a["status"], a["explanation"]["zh"]) for a in alone
        ]
        assert {r["jurisdiction"] for r in rows} == {plan.jurisdiction}


def test_a_polars_frame_with_a_column_of_only_none_is_read(sample: Any) -> None:
    # polars types a column of only None as Null, whose export arrow-rs refuses.
    pl = pytest.importorskip("polars")
    texts, obs, _ = sample
    without = obs.drop_columns(["source"])
    frame = pl.DataFrame(without).with_columns(pl.lit(None).alias("source"))
    assert frame.schema["source"] == pl.Null
    got = planwatch.evaluate_many(texts, frame, as_of=AS_OF).flat()
    assert rows_of(got) == rows_of(planwatch.evaluate_many(texts, without, as_of=AS_OF).flat())


def test_a_county_is_judged_on_its_own_rows_and_the_national_figure(sample: Any) -> None:
    texts, obs, _ = sample
    t = planwatch.evaluate_many(texts, obs, as_of=AS_OF).assessments.to_pylist()
    vs_national = [r for r in t if r["target"] == "gdp_growth_vs_national"]
    assert len(vs_national) == len(texts)
    # 高于全国: bound to the national figure (a row without a jurisdiction), the same
    # value for every county.
    assert len({r["target_value"] for r in vs_national}) == 1
    assert all(r["rule"] == "final" for r in vs_national)


def test_a_broken_plan_and_an_unplanned_county_are_reported_and_the_rest_evaluated(sample: Any) -> None:
    texts, obs, _ = sample
    broken = texts[1].replace('period = "2025"\n', 'period = "2025Q5"\n', 1).replace('condition = "<= 3%"', 'condition = "<= three"')
    result = planwatch.evaluate_many([texts[0], broken, *texts[2:]], obs, as_of=AS_OF)
    assert len(result.failures) == 1
    f = result.failures[0]
    assert (f["index"], f["plan"]) == (1, "plans[1]")
    assert len(f["issues"]) == 2 and all(i["line"] for i in f["issues"])
    planned = {r for r in result.assessments.column("plan").to_pylist()}
    assert len(planned) == len(texts) - 1
    # The broken plan's county is now without a plan, as is the stray one.
    unplanned = {u["jurisdiction"]: u["rows"] for u in result.unplanned}
    assert unplanned["无计划县"] == 2
    assert planwatch.Plan.from_toml(texts[1]).jurisdiction in unplanned
    flat = result.flat().to_pylist()
    problems = sorted(r["problem"] for r in flat if r["problem"])
    assert problems == ["no_plan", "no_plan", "plan_failed"]


def test_a_bad_observation_row_is_reported_at_its_row_in_the_whole_table(sample: Any) -> None:
    texts, obs, _ = sample
    bad = obs.to_pandas()
    bad.loc[5, "value"] = "n/a"
    with pytest.raises(planwatch.ValidationError) as e:
        planwatch.evaluate_many(texts, pa.Table.from_pandas(bad, preserve_index=False))
    assert [i["path"] for i in e.value.issues] == ["[5].value"]


# --- Dask on a real distributed cluster --------------------------------------------------


@pytest.fixture(scope="module")
def dask_cluster() -> Any:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_kwargs={"idle_timeout": "10 minutes"},
    ) as cluster, distributed.Client(cluster) as client:
        yield cluster, client


def dask_frame(obs: Any, parts: int) -> Any:
    dd = pytest.importorskip("dask.dataframe")
    frame = obs.to_pandas()
    # Partitioned by jurisdiction: whole counties per partition, national rows anywhere.
    frame = frame.sort_values("jurisdiction", kind="stable").reset_index(drop=True)
    return dd.from_pandas(frame, npartitions=parts, sort=False).shuffle("jurisdiction", npartitions=parts)


def test_dask_on_two_worker_processes_gives_the_one_process_rows(sample: Any, dask_cluster: Any) -> None:
    import planwatch.dask

    texts, obs, _ = sample
    cluster, client = dask_cluster
    assert len(client.scheduler_info()["workers"]) == 2
    assert all(addr.startswith("tcp://127.0.0.1:") for addr in client.scheduler_info()["workers"])
    got = planwatch.dask.evaluate(dask_frame(obs, 4), texts, as_of=AS_OF).compute()
    expected = planwatch.evaluate_many(texts, obs, as_of=AS_OF).flat()
    assert rows_of(pa.Table.from_pandas(got, preserve_index=False)) == rows_of(expected)


def test_dask_survives_a_worker_killed_mid_run(sample: Any, dask_cluster: Any) -> None:
    import os
    import time

    import planwatch.dask

    texts, obs, _ = sample
    cluster, client = dask_cluster
    client.wait_for_workers(2)
    frame = planwatch.dask.evaluate(dask_frame(obs, 16), texts, as_of=AS_OF)
    future = client.compute(frame)
    # Kill a worker process as soon as it is running a task of this graph.
    victim = None
    deadline = time.monotonic() + 60
    while victim is None and time.monotonic() < deadline:
        busy = [w for w, tasks in client.processing().items() if tasks]
        if busy:
            victim = busy[0]
        else:
            time.sleep(0.01)
    assert victim is not None and not future.done()
    try:
        client.run(os._exit, 1, workers=[victim])
    except Exception:
        pass  # the worker died before answering
    got = future.result(timeout=120)
    expected = planwatch.evaluate_many(texts, obs, as_of=AS_OF).flat()
    assert rows_of(pa.Table.from_pandas(got, preserve_index=False)) == rows_of(expected)


# --- Spark local[2] ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Any:
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    # Python workers run this interpreter (the venv with planwatch and pyarrow).
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("planwatch-test")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_local_gives_the_one_process_rows(sample: Any, spark: Any) -> None:
    import planwatch.spark

    texts, obs, _ = sample
    broken = "[plan]\nid = \"x\"\nperiod = \"2025Q5\"\n"
    df = spark.createDataFrame(obs.to_pandas())
    got = planwatch.spark.evaluate(df, [*texts, broken], as_of=AS_OF).toPandas()
    expected = planwatch.evaluate_many([*texts, broken], obs, as_of=AS_OF).flat()
    assert rows_of(pa.Table.from_pandas(got, preserve_index=False)) == rows_of(expected)
    assert (got.problem == "plan_failed").sum() == 1


def test_the_national_sample_prints_binding_misses_by_province() -> None:
    import subprocess

    out = subprocess.run(
        [sys.executable, str(ROOT / "benches" / "scale" / "national.py"), "--jurisdictions", "62"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    lines = out.splitlines()
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert rows[0][0].strip() == "省份"
    provinces = rows[1:-1]
    assert len(provinces) == 31 and all(int(r[1]) == 2 for r in provinces)
    # Four binding targets per county plan (air, water, energy and CO2 intensity).
    assert all(int(r[2]) == 8 for r in provinces)
    total = rows[-1]
    assert total[0].strip() == "全国" and int(total[2]) == 62 * 4
    assert int(total[3]) == sum(int(r[3]) for r in provinces)
    assert "4,960 targets of 62 county plans" in lines[0]
