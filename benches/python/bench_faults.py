"""Where a fresh process's first run pays for new memory: page faults per stage.

    .venv/bin/python benches/python/bench_faults.py            # 100 000 targets, 1 000 000 observations
    .venv/bin/python benches/python/bench_faults.py --runs 3

A script, not a timed test. The data and the planwatch stages are those of
``bench_arrow.py`` (``bench_pandas.generate``; ``bench_arrow.plan_of`` for the plan). For
each run of the four stages in this one process it prints each stage's wall time, its CPU
time (both cores, ``resource.getrusage``) and the minor page faults it took: the pages the
process touched for the first time. The first run is the one ``bench_arrow.py --isolated``
times; a later run reuses memory the allocator kept. It also times touching 100 MB of
fresh anonymous memory page by page, which is what one such fault costs on the machine.
"""

from __future__ import annotations

import argparse
import mmap
import os
import resource
import sys
import time
from typing import Callable, List, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_arrow  # noqa: E402
import bench_pandas as base  # noqa: E402

import planwatch  # noqa: E402


def now() -> Tuple[float, float, int]:
    """Wall clock, CPU time of the process and its minor page faults so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter(), usage.ru_utime + usage.ru_stime, usage.ru_minflt


def fault_cost(size: int = 100 << 20) -> float:
    """Microseconds per page to touch `size` bytes of fresh anonymous memory."""
    pages = size // mmap.PAGESIZE
    m = mmap.mmap(-1, size)
    start = time.perf_counter()
    for offset in range(0, size, mmap.PAGESIZE):
        m[offset] = 1
    elapsed = time.perf_counter() - start
    m.close()
    return elapsed / pages * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--targets", type=int, default=100_000)
    ap.add_argument("--observations", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    targets, observations = base.generate(args.targets, args.observations, args.seed)
    print(f"{args.targets:,} targets, {args.observations:,} observations")
    for run in range(1, args.runs + 1):
        state: dict = {}
        stages: List[Tuple[str, Callable[[], None]]] = [
            ("plan (Plan.from_tables)", lambda: state.update(plan=bench_arrow.plan_of(targets))),
            ("observations (from_pandas)", lambda: state.update(obs=planwatch.Observations.from_pandas(observations))),
            ("evaluate", lambda: state.update(card=state["plan"].evaluate(state["obs"]))),
            ("statuses (to_pandas)", lambda: state.update(out=state["card"].to_pandas(["target", "status"]))),
        ]
        for name, stage in stages:
            wall, cpu, faults = now()
            stage()
            wall2, cpu2, faults2 = now()
            print(
                f"run {run}  {name:28s} {wall2 - wall:6.3f} s wall  {cpu2 - cpu:6.3f} s CPU"
                f"  {faults2 - faults:7,d} page faults"
            )
        state.clear()
    print(f"touching fresh memory: {fault_cost():.2f} µs a page (100 MB, page by page)")


if __name__ == "__main__":
    main()
