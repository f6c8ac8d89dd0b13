"""The national year on one machine: bare call, Dask (2 workers), Spark (local[2]).

    python benches/scale/generate.py /tmp/national --years 2025
    python benches/scale/bench.py /tmp/national --year 2025 --engine bare|dask|spark

Reads the year's county plans and observations from the generator's Parquet files,
evaluates them, and prints the time of the evaluation (Parquet already in memory for
the bare call; read by the engine for Dask and Spark, as it would on a cluster),
targets per second, and the peak resident memory of this process and every process it
started (workers, JVM), sampled every 0.1 s from /proc.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, List

import pyarrow.compute as pc
import pyarrow.parquet as pq

import planwatch


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants."""
    children: dict[int, List[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


class Peak:
    """Samples the process tree's memory in a thread while a block runs."""

    def __enter__(self) -> "Peak":
        self.peak, self._stop = tree_rss(os.getpid()), threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, tree_rss(os.getpid()))

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()


def timed(f: Callable[[], Any]) -> "tuple[Any, float]":
    t = time.perf_counter()
    out = f()
    return out, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--engine", choices=("bare", "dask", "spark"), default="bare")
    ap.add_argument("--as-of", default=None)
    ap.add_argument("--partitions", type=int, default=8)
    a = ap.parse_args()
    plans = pq.read_table(a.data / "plans.parquet")
    plans = plans.filter(pc.equal(plans.column("year"), a.year))
    texts = plans.column("toml").to_pylist()
    path = a.data / "observations" / f"{a.year}.parquet"
    rows = pq.ParquetFile(path).metadata.num_rows
    with Peak() as peak:
        if a.engine == "bare":
            obs = pq.read_table(path)
            result, seconds = timed(lambda: planwatch.evaluate_many(texts, obs, as_of=a.as_of))
            targets = result.assessments.num_rows
            extra = f"failures {len(result.failures)}, unplanned {len(result.unplanned)}"
        elif a.engine == "dask":
            import dask.dataframe as dd
            from distributed import Client, LocalCluster

            from planwatch import dask as pw_dask

            with LocalCluster(
                n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None, memory_limit=0
            ) as cluster, Client(cluster) as client:

                def run() -> Any:
                    obs = dd.read_parquet(path, split_row_groups=True).shuffle("jurisdiction", npartitions=a.partitions)
                    return pw_dask.evaluate(obs, texts, as_of=a.as_of).compute()

                frame, seconds = timed(run)
            targets = int(frame["problem"].isna().sum())
            extra = f"problem rows {int(frame['problem'].notna().sum())}"
        else:
            from pyspark.sql import SparkSession

            from planwatch import spark as pw_spark

            # Python workers run this interpreter (the venv with planwatch and pyarrow).
            os.environ["PYSPARK_PYTHON"] = sys.executable
            spark = (
                SparkSession.builder.master("local[2]")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.memory", "6g")
                .config("spark.sql.shuffle.partitions", str(a.partitions))
                .getOrCreate()
            )
            try:

                def run_spark() -> Any:
                    obs = spark.read.parquet(str(path))
                    out = pw_spark.evaluate(obs, texts, as_of=a.as_of)
                    return out.groupBy(out.problem.isNull().alias("assessment")).count().collect()

                counts, seconds = timed(run_spark)
            finally:
                spark.stop()
            by = {r["assessment"]: r["count"] for r in counts}
            targets = by.get(True, 0)
            extra = f"problem rows {by.get(False, 0)}"
    print(
        f"{a.engine}: {len(texts):,} plans, {targets:,} targets, {rows:,} observations: "
        f"{seconds:.2f} s, {targets / seconds:,.0f} targets/s, peak {peak.peak / 2**30:.2f} GiB ({extra})"
    )


if __name__ == "__main__":
    main()
