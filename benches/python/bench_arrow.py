"""planwatch through Arrow against pandas, polars (floats) and DuckDB (decimals).

    .venv/bin/python benches/python/bench_arrow.py            # 100 000 targets, 1 000 000 observations
    .venv/bin/python benches/python/bench_arrow.py --targets 10000 --observations 100000
    .venv/bin/python benches/python/bench_arrow.py --isolated   # each side once, each in a fresh process
    .venv/bin/python benches/python/bench_arrow.py --isolated --rounds 8   # eight such rounds, each round's ratios

A script, not a timed test. The data are those of ``bench_pandas.py`` (same generator and
seed): a targets DataFrame and an observations DataFrame of floats as read from a
spreadsheet, ten vintages per indicator-year, money in 亿元 or 万元, one latest figure in
ten exactly on its threshold written in the other money unit. Each side goes from these
DataFrames to one status per target, conversions included, in one run each (``--repeat``
runs, the fastest counts; each side's first run, the one a notebook sees, is printed
beside it):

* **planwatch**: the plan from the targets table with ``Plan.from_tables`` (an indicators
  table derived with pandas; the targets table as it is, read through Arrow, its
  condition in the columns ``comparator``/``value``/``high``/``unit``, floats through
  their shortest round-trip text), the observations ``Observations.from_pandas``
  (pyarrow, then the core's Arrow reader: floats through their shortest round-trip
  text, each distinct period, unit and vintage parsed once, chunks on both cores),
  ``plan.evaluate`` (both cores) and the statuses from
  ``Scorecard.to_pandas(["target", "status"])`` (only the columns asked for are
  written, through Arrow; the status an ordered categorical) indexed by target. The
  stage times are printed too (``planwatch_stages`` in ``--json``).
* **pandas** (floats): ``bench_pandas.with_pandas`` — latest vintage by sort and
  ``drop_duplicates``, ``merge``, float unit factors, ``np.select``.
* **polars** (floats): the same as a lazy query — sort, ``unique(keep="last")``, join,
  float factors, ``when/then``.
* **DuckDB** (exact): the same in SQL on DECIMAL(38,10) columns, each float read
  through its shortest text (``CAST(CAST(value AS VARCHAR) AS DECIMAL)``), as planwatch
  reads it; the latest vintage by ``QUALIFY row_number()``.

Every side's verdicts are checked against Python's decimal module on the values as
typed (``bench_pandas.with_decimals``): the count of wrong verdicts is printed for each.

With ``--isolated``, each side runs once in a fresh process of its own, right after that
process has generated the data: no side inherits memory another side has just freed (on a
machine whose freed memory goes back to the host, memory freed a moment ago is several
times cheaper to touch than memory freed long ago; BENCHMARKS.md, "Through Arrow",
session 13). That is the single run a notebook sees, with the same start for every side.
The launching process holds neither the data nor the sides' libraries while they run
(see ``import_sides``). With ``--rounds N`` it does that N times, one round after the
other, and prints each round's times and ratios (and how many rounds are within 2× of
pandas): on a machine as noisy as this one, one round is one draw. Round k runs the sides
in the order ``side_order`` gives (planwatch first in the first round, then rotated by one
place a round), printed beside it: the side that runs first takes whatever the machine was
doing before the round, and no side should always be the one that does.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from typing import Any, Callable, Dict, Tuple

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def import_sides() -> None:
    """Imports the libraries of the sides: pandas, polars, DuckDB, planwatch, and
    ``bench_pandas`` (the shared generator and the reference)."""
    global base, duckdb, pd, pl, planwatch
    import bench_pandas as base
    import duckdb
    import pandas as pd
    import planwatch
    import polars as pl


# With ``--isolated`` this process only launches the sides; it imports their libraries
# and makes its own copy of the data (for the exact verdicts) after the last one. A
# launcher holding those (332 MB) while a side runs pushes the side onto memory freed
# long ago, dearer to touch on this machine: planwatch took 0.85-1.42 s under such a
# launcher and 0.62-0.85 s under this one, alternating (BENCHMARKS.md, "Through Arrow",
# session 15).
if not (__name__ == "__main__" and "--isolated" in sys.argv[1:]):
    import_sides()


KIND_OF = {">=": "higher", ">": "higher", "<=": "lower", "<": "lower", "between": "band"}


def plan_of(targets: pd.DataFrame) -> Any:
    """The plan of the targets table, as an analyst would make it: an indicators table
    derived with pandas (one row per indicator: money in 亿元, polarity from its
    comparator — what ``bench_pandas.plan_json`` writes), and the targets table as it
    is, its condition in the columns ``comparator``, ``value``, ``high`` and ``unit``,
    through ``Plan.from_tables``."""
    first = targets.drop_duplicates("indicator")
    indicators = pd.DataFrame(
        {
            "id": first["indicator"].to_numpy(),
            "name": first["indicator"].to_numpy(),
            "unit": first["unit"].replace({"万元": "亿元"}).to_numpy(),
            "measure": "level",
            "polarity": first["comparator"].map(KIND_OF).to_numpy(),
        }
    )
    return planwatch.Plan.from_tables(
        indicators,
        targets.rename(columns={"target": "id"}),
        id="bench",
        period=f"{base.YEARS[0]}..{base.YEARS[-1]}",
    )


def with_planwatch(
    targets: pd.DataFrame, observations: pd.DataFrame, stages: Dict[str, Tuple[float, float]]
) -> pd.Series:
    clock, cpu = time.perf_counter(), time.process_time()

    def lap(name: str) -> None:
        nonlocal clock, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        stages[name] = (now - clock, now_cpu - cpu)
        clock, cpu = now, now_cpu

    plan = plan_of(targets)
    lap("plan from the targets table (indicators derived with pandas + Plan.from_tables)")
    obs = planwatch.Observations.from_pandas(observations)
    lap("Observations.from_pandas (through Arrow)")
    card = plan.evaluate(obs)
    lap("plan.evaluate")
    out = card.to_pandas(["target", "status"]).set_index("target")["status"]
    lap("Scorecard.to_pandas([target, status]) -> statuses")
    return out


def with_polars(targets: pd.DataFrame, observations: pd.DataFrame) -> pd.Series:
    t = pl.from_pandas(targets)
    o = pl.from_pandas(observations)
    factor = pl.DataFrame({"unit": list(base.FACTOR), "f": list(base.FACTOR.values())})
    latest = o.sort("vintage").unique(["indicator", "period"], keep="last")
    m = (
        t.lazy()
        .join(latest.lazy(), on=["indicator", "period"], how="left", suffix="_obs")
        .join(factor.lazy(), on="unit", how="left")
        .join(factor.lazy().rename({"unit": "unit_obs", "f": "f_obs"}), on="unit_obs", how="left")
        .with_columns(
            observed=pl.col("value_obs") * pl.col("f_obs"),
            low=pl.col("value") * pl.col("f"),
            high_=pl.col("high") * pl.col("f"),
        )
    )
    c, x, lo, hi = pl.col("comparator"), pl.col("observed"), pl.col("low"), pl.col("high_")
    met = (
        pl.when(c == ">=").then(x >= lo)
        .when(c == ">").then(x > lo)
        .when(c == "<=").then(x <= lo)
        .when(c == "<").then(x < lo)
        .otherwise((x >= lo) & (x <= hi))
    )
    out = m.select(
        "target",
        status=pl.when(x.is_null()).then(pl.lit("no_data")).when(met).then(pl.lit("met")).otherwise(pl.lit("missed")),
    ).collect()
    return pd.Series(out["status"].to_numpy(), index=out["target"].to_numpy())


def with_duckdb(targets: pd.DataFrame, observations: pd.DataFrame) -> pd.Series:
    con = duckdb.connect()
    con.register("targets", targets)
    con.register("observations", observations)
    con.register("factor", pd.DataFrame({"unit": list(base.FACTOR), "f": [int(v) for v in base.FACTOR.values()]}))
    dec = "DECIMAL(38,10)"
    out = con.sql(
        f"""
        WITH latest AS (
            SELECT indicator, period, unit AS unit_obs,
                   CAST(CAST(value AS VARCHAR) AS {dec}) AS value_obs
            FROM observations
            QUALIFY row_number() OVER (PARTITION BY indicator, period ORDER BY vintage DESC) = 1
        ), m AS (
            SELECT t.target, t.comparator,
                   CAST(CAST(t.value AS VARCHAR) AS {dec}) * f.f AS low,
                   CAST(CAST(t.high AS VARCHAR) AS {dec}) * f.f AS high,
                   l.value_obs * fo.f AS x
            FROM targets t
            LEFT JOIN latest l USING (indicator, period)
            LEFT JOIN factor f ON f.unit = t.unit
            LEFT JOIN factor fo ON fo.unit = l.unit_obs
        )
        SELECT target, CASE
            WHEN x IS NULL THEN 'no_data'
            WHEN CASE comparator
                WHEN '>=' THEN x >= low WHEN '>' THEN x > low
                WHEN '<=' THEN x <= low WHEN '<' THEN x < low
                ELSE x >= low AND x <= high END THEN 'met'
            ELSE 'missed' END AS status
        FROM m
        """
    ).df()
    return pd.Series(out["status"].to_numpy(), index=out["target"].to_numpy())


def timed(fn: Callable[..., Any], *args: Any) -> Tuple[Any, float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - start, time.process_time() - cpu


SIDE_NAMES = ["pandas (floats)", "polars (floats)", "duckdb (DECIMAL)"]


def wrong_verdicts(results: Dict[str, pd.Series], exact: pd.Series) -> Dict[str, int]:
    """Each side's count of statuses that differ from the exact ones."""
    return {name: int((r.reindex(exact.index) != exact).sum()) for name, r in results.items()}


def sides() -> Dict[str, Callable[..., pd.Series]]:
    """The peers, by the name the report gives them (``SIDE_NAMES``)."""
    return dict(zip(SIDE_NAMES, [base.with_pandas, with_polars, with_duckdb]))


def run_one(side: str, args: argparse.Namespace, out: str) -> None:
    """``--side``: generate the data, run one side once, pickle (statuses, wall, CPU,
    stages) to ``out``."""
    targets, observations = base.generate(args.targets, args.observations, args.seed)
    stages: Dict[str, Tuple[float, float]] = {}
    if side == "planwatch":
        result, t, c = timed(with_planwatch, targets, observations, stages)
    else:
        result, t, c = timed(sides()[side], targets, observations)
    with open(out, "wb") as f:
        pickle.dump((result, t, c, stages), f)


def side_order(round_index: int) -> list:
    """The order the sides run in, in round ``round_index`` (from 0): the list rotated by
    one place each round, so that over four rounds each side runs once in each place
    (the first place takes what the machine was doing before the round)."""
    names = ["planwatch", *SIDE_NAMES]
    k = round_index % len(names)
    return names[k:] + names[:k]


def isolated(args: argparse.Namespace, round_index: int = 0) -> Tuple[Dict[str, pd.Series], Dict[str, Tuple[float, float]], Dict[str, Tuple[float, float]], list]:
    """Each side once, each in a fresh process (this script with ``--side``), in the
    order of ``side_order(round_index)``, which is returned too. The results are read
    after the last side: unpickling a ``pd.Series`` imports pandas."""
    results: Dict[str, pd.Series] = {}
    times: Dict[str, Tuple[float, float]] = {}
    stages: Dict[str, Tuple[float, float]] = {}
    order = side_order(round_index)
    with tempfile.TemporaryDirectory() as tmp:
        for side in order:
            subprocess.run(
                [sys.executable, os.path.abspath(__file__), "--side", side,
                 "--out", os.path.join(tmp, f"{side}.pickle"),
                 "--targets", str(args.targets), "--observations", str(args.observations),
                 "--seed", str(args.seed)],
                check=True,
            )
        for side in order:
            with open(os.path.join(tmp, f"{side}.pickle"), "rb") as f:
                result, t, c, run = pickle.load(f)
            results[side], times[side] = result, (t, c)
            if side == "planwatch":
                stages = run
    return results, times, stages, order


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--targets", type=int, default=100_000)
    ap.add_argument("--observations", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--repeat", type=int, default=1, help="runs of each side; the fastest counts")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--isolated", action="store_true", help="each side once, in a fresh process of its own")
    ap.add_argument(
        "--rounds", type=int, default=1,
        help="with --isolated: this many rounds of fresh processes, each round's ratios printed",
    )
    ap.add_argument("--side", help=argparse.SUPPRESS)  # one side in this process (--isolated)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.side:
        run_one(args.side, args, args.out)
        return

    best: Dict[str, Tuple[float, float]] = {}
    first: Dict[str, float] = {}  # each side's first run: what a notebook sees
    results: Dict[str, pd.Series] = {}
    stages: Dict[str, Tuple[float, float]] = {}
    rounds: list = []  # with --rounds: each later round's (results, times, stages, order)
    if args.isolated:
        args.repeat = 1
        results, best, stages, order = isolated(args, 0)
        first = {name: t for name, (t, _) in best.items()}
        rounds = [isolated(args, k) for k in range(1, max(args.rounds, 1))]
        import_sides()
    peers = sides()
    targets, observations = base.generate(args.targets, args.observations, args.seed)
    print(f"{len(targets):,} targets on {targets['indicator'].nunique():,} indicators; {len(observations):,} observations")
    for _ in range(0 if args.isolated else args.repeat):
        for name, fn in peers.items():
            out, t, c = timed(fn, targets, observations)
            results[name] = out
            first.setdefault(name, t)
            if name not in best or t < best[name][0]:
                best[name] = (t, c)
        run: Dict[str, Tuple[float, float]] = {}
        out, t, c = timed(with_planwatch, targets, observations, run)
        results["planwatch"] = out
        first.setdefault("planwatch", t)
        if "planwatch" not in best or t < best["planwatch"][0]:
            best["planwatch"], stages = (t, c), run

    exact = base.with_decimals(targets, observations)
    wrong = wrong_verdicts(results, exact)
    pw, pw_first = best["planwatch"][0], first["planwatch"]
    print(
        f"{'side':18} {'wall s':>8} {'CPU s':>8} {'planwatch/side':>15} {'wrong verdicts':>15}"
        f" {'first run s':>12} {'planwatch/side':>15}"
    )
    for name in ["planwatch", *peers]:
        t, c = best[name]
        print(
            f"{name:18} {t:8.2f} {c:8.2f} {pw / t:15.2f} {wrong[name]:15,}"
            f" {first[name]:12.2f} {pw_first / first[name]:15.2f}"
        )
    for name, (seconds, cpu_seconds) in stages.items():
        print(f"  planwatch {seconds:8.2f} s wall {cpu_seconds:8.2f} s CPU  {name}")
    print(f"statuses (exact): {dict(Counter(exact))}")
    # Each round on its own: one run of each side, the ratios of that run.
    per_round = [(results, best, stages, order), *rounds] if rounds else []
    table = []
    for k, (res, times, run, round_order) in enumerate(per_round, 1):
        pw_k = times["planwatch"][0]
        table.append(
            {
                "seconds": {n: t for n, (t, _) in times.items()},
                "planwatch_over": {n: pw_k / t for n, (t, _) in times.items()},
                "wrong_verdicts": wrong_verdicts(res, exact),
                "planwatch_stages": {n: v[0] for n, v in run.items()},
                "order": round_order,
            }
        )
        if k == 1:
            print(f"{'round':>5} {'planwatch':>10} {'pandas':>8} {'polars':>8} {'duckdb':>8} {'/pandas':>8} {'/duckdb':>8}  {'order':30} stages")
        row = table[-1]
        print(
            f"{k:5} {pw_k:10.2f} " + " ".join(f"{row['seconds'][n]:8.2f}" for n in SIDE_NAMES)
            + f" {row['planwatch_over'][SIDE_NAMES[0]]:8.2f} {row['planwatch_over'][SIDE_NAMES[2]]:8.2f}  "
            + f"{','.join(n.split()[0] for n in round_order):30} "
            + ", ".join(f"{v:.2f}" for v in row["planwatch_stages"].values())
        )
    if table:
        within = sum(r["planwatch_over"][SIDE_NAMES[0]] <= 2 for r in table)
        print(f"within 2x of pandas in {within} of {len(table)} rounds")

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(
                {
                    "targets": len(targets),
                    "observations": len(observations),
                    "repeat": args.repeat,
                    "isolated": args.isolated,
                    "seconds": {k: v[0] for k, v in best.items()},
                    "cpu_seconds": {k: v[1] for k, v in best.items()},
                    "planwatch_over": {k: pw / v[0] for k, v in best.items()},
                    "first_seconds": first,
                    "planwatch_over_first": {k: pw_first / v for k, v in first.items()},
                    "wrong_verdicts": wrong,
                    "planwatch_stages": {k: v[0] for k, v in stages.items()},
                    "planwatch_stages_cpu": {k: v[1] for k, v in stages.items()},
                    "rounds": table,
                    "python": sys.version.split()[0],
                    "machine": platform.machine(),
                    "cpus": os.cpu_count(),
                },
                f,
                ensure_ascii=False,
                indent=2,
            )


if __name__ == "__main__":
    main()
