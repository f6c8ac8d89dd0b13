"""The input stages of ``bench_arrow.py``, each timed alone and repeated.

    .venv/bin/python benches/python/bench_inputs.py            # 100 000 targets, 1 000 000 observations
    .venv/bin/python benches/python/bench_inputs.py --repeat 7

A script, not a timed test: the same data as ``bench_arrow.py`` (``bench_pandas.generate``),
and for each way in, the median wall and CPU time (``time.process_time``, both cores) of
``--repeat`` calls:

* the plan from the targets DataFrame: ``bench_arrow.plan_of`` (an indicators table
  derived with pandas + ``Plan.from_tables`` with the condition in parts), the same with
  the condition as text in a ``condition`` column, and the old way (plan JSON text built in
  Python + ``Plan.from_json``);
* the observations: ``Observations.from_pandas`` (pyarrow + the core's Arrow reader) and
  ``Observations.from_arrow`` on the table already in Arrow.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from typing import Any, Callable, List, Tuple

import pandas as pd
import pyarrow as pa

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_arrow  # noqa: E402
import bench_pandas as base  # noqa: E402

import planwatch  # noqa: E402


def timed(fn: Callable[[], Any], repeat: int) -> Tuple[float, float]:
    walls: List[float] = []
    cpus: List[float] = []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--targets", type=int, default=100_000)
    ap.add_argument("--observations", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    targets, observations = base.generate(args.targets, args.observations, args.seed)
    with_text = pd.DataFrame(
        {
            "id": targets["target"],
            "indicator": targets["indicator"],
            "period": targets["period"],
            "condition": [
                f"between {base.text(lo)}{u} and {base.text(hi)}{u}" if c == "between" else f"{c} {base.text(lo)}{u}"
                for c, lo, hi, u in zip(targets["comparator"], targets["value"], targets["high"], targets["unit"])
            ],
        }
    )
    first = targets.drop_duplicates("indicator")
    indicators = pd.DataFrame(
        {
            "id": first["indicator"].to_numpy(),
            "name": first["indicator"].to_numpy(),
            "unit": first["unit"].replace({"万元": "亿元"}).to_numpy(),
            "measure": "level",
            "polarity": first["comparator"].map(bench_arrow.KIND_OF).to_numpy(),
        }
    )
    period = f"{base.YEARS[0]}..{base.YEARS[-1]}"
    table = pa.Table.from_pandas(observations, preserve_index=False)
    cases: List[Tuple[str, Callable[[], Any]]] = [
        ("plan: Plan.from_tables, condition in parts (bench_arrow.plan_of)", lambda: bench_arrow.plan_of(targets)),
        (
            "plan: Plan.from_tables, condition as text",
            lambda: planwatch.Plan.from_tables(indicators, with_text, id="bench", period=period),
        ),
        ("plan: JSON text in Python + Plan.from_json", lambda: planwatch.Plan.from_json(base.plan_json(targets))),
        ("observations: Observations.from_pandas", lambda: planwatch.Observations.from_pandas(observations)),
        ("observations: Observations.from_arrow (table in Arrow)", lambda: planwatch.Observations.from_arrow(table)),
    ]
    print(f"{len(targets):,} targets, {len(observations):,} observations; median of {args.repeat}")
    for name, fn in cases:
        wall, cpu = timed(fn, args.repeat)
        print(f"{wall:7.3f} s wall {cpu:7.3f} s CPU  {name}", flush=True)


if __name__ == "__main__":
    main()
