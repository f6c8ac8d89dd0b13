"""A small national sample, every county's plan at once, binding misses by province.

    python benches/scale/national.py [--jurisdictions 124] [--year 2025] [--as-of 2026-06-30]

Generates the sample with generate.py (seeded, into a temporary folder), evaluates the
year's plan of every county with ``planwatch.evaluate_many`` (Arrow in, Arrow out) and
prints, per province, the counties, their binding (约束性) targets and how many of those
were missed. Needs the planwatch wheel and pyarrow.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq

import planwatch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jurisdictions", type=int, default=124, help="counties (4 per province by default)")
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--as-of", default=None, help="YYYY-MM-DD (default: each plan's latest figure)")
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate.write(out, a.seed, a.jurisdictions, [a.year])
        plans = pq.read_table(out / "plans.parquet")
        plans = plans.filter(pc.equal(plans.column("year"), a.year))
        observations = pq.read_table(out / "observations" / f"{a.year}.parquet")
    province_of = dict(zip(plans.column("jurisdiction").to_pylist(), plans.column("province").to_pylist()))
    started = time.perf_counter()
    result = planwatch.evaluate_many(plans.column("toml").to_pylist(), observations, as_of=a.as_of)
    seconds = time.perf_counter() - started
    t = result.assessments
    counties: dict[str, set[str]] = defaultdict(set)
    binding: dict[str, int] = defaultdict(int)
    missed: dict[str, int] = defaultdict(int)
    for j, kind, severity in zip(
        t.column("jurisdiction").to_pylist(), t.column("kind").to_pylist(), t.column("severity").to_pylist()
    ):
        p = province_of[j]
        counties[p].add(j)
        binding[p] += kind == "binding"
        missed[p] += severity == "error"
    print(
        f"{t.num_rows:,} targets of {plans.num_rows:,} county plans against {observations.num_rows:,} "
        f"observations in {seconds:.2f} s\n"
    )
    print(f"{'省份':<10}\t{'县':>4}\t{'约束性目标':>8}\t{'未完成':>6}\t{'未完成率':>8}")
    for p in sorted(counties, key=lambda p: (-missed[p] / max(binding[p], 1), p)):
        share = missed[p] / binding[p] if binding[p] else 0.0
        print(f"{p:<10}\t{len(counties[p]):>4}\t{binding[p]:>8}\t{missed[p]:>6}\t{share:>8.1%}")
    total_b, total_m = sum(binding.values()), sum(missed.values())
    print(f"{'全国':<10}\t{sum(map(len, counties.values())):>4}\t{total_b:>8}\t{total_m:>6}\t{total_m / max(total_b, 1):>8.1%}")
    for f in result.failures:
        print(f"not evaluated: {f['plan']} ({len(f['issues'])} problem(s))", file=sys.stderr)
    for u in result.unplanned:
        print(f"no plan for {u['jurisdiction']}: {u['rows']} row(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
