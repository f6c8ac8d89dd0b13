"""planwatch against the same checks written idiomatically in pandas.

    .venv/bin/python benches/python/bench_pandas.py            # 100 000 targets, 1 000 000 observations
    .venv/bin/python benches/python/bench_pandas.py --targets 10000 --observations 100000

A script, not a timed test: it prints both timings, their ratio and every kind of case
where comparing floats gives another verdict than comparing exact decimals, and writes
the figures as JSON (``--json``) for BENCHMARKS.md.

The data (seeded, generated with numpy) is what an analyst holds in two DataFrames:

* ``targets``: one row per target — indicator, year, comparator (``>=``, ``>``, ``<=``,
  ``<``, ``between``), threshold(s) and unit. 10 yearly targets (2015–2024) per
  indicator. Money targets are written in 亿元, and one in twenty in 万元 (a district's
  figure next to a city's), as plans do.
* ``observations``: ten publications (revisions) of every indicator-year, each with a
  vintage date, a float value (as read from a spreadsheet) and its unit (亿元 or 万元
  for money, whatever the target used). The latest vintage counts. In one case in ten
  the latest figure is exactly the threshold, written in the other money unit (the
  threshold 16.4亿元 met by 164000万元). A few indicators are national totals in 元 to
  the fen (10^14 元).

Both sides are timed from these DataFrames to a status per target, conversions included:

* **planwatch**: the targets DataFrame is written as a plan in JSON (text built in
  Python, as before ``Plan.from_tables``; ``bench_arrow.py`` reads the DataFrame with
  ``Plan.from_tables`` instead), ``Plan.from_json``,
  ``Observations.from_pandas`` (float column read through each value's shortest text),
  ``plan.evaluate`` and ``card.to_pandas()`` for the statuses.
* **pandas**: latest vintage per indicator-year (``sort_values`` + ``drop_duplicates``),
  ``merge`` with the targets, both sides scaled to base units by float factors
  (万 = 1e4, 亿 = 1e8), and ``np.select`` over vectorised comparisons.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections import Counter
from decimal import Decimal
from typing import Any, Dict, List, Tuple

import numpy as np
import pandas as pd

import planwatch

YEARS = list(range(2015, 2025))
VINTAGES = 10
FACTOR = {"元": 1.0, "万元": 1e4, "亿元": 1e8, "人": 1.0, "万人": 1e4, "%": 1.0}


# --- data ---------------------------------------------------------------------------------


def money(rng: np.random.Generator, n: int) -> np.ndarray:
    """Amounts in 亿元 with two decimals, 1 to 100 000 (a district's 16.4亿 to a city's)."""
    return np.round(10 ** rng.uniform(0, 5, n), 2)


def generate(n_targets: int, n_observations: int, seed: int) -> Tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n_ind = n_targets // len(YEARS)
    vintages = max(1, n_observations // (n_ind * len(YEARS)))
    ind = np.arange(n_ind)
    family = rng.choice(["money", "people", "rate", "national"], n_ind, p=[0.65, 0.2, 0.1, 0.05])
    comparator = rng.choice([">=", ">", "<=", "<", "between"], n_ind, p=[0.4, 0.15, 0.2, 0.1, 0.15])

    # Targets: one per indicator and year.
    t_ind = np.repeat(ind, len(YEARS))
    t_year = np.tile(YEARS, n_ind)
    t_family = family[t_ind]
    t_cmp = comparator[t_ind]
    n = len(t_ind)
    low = np.empty(n)
    unit = np.empty(n, dtype=object)
    m = t_family == "money"
    low[m] = money(rng, m.sum())
    unit[m] = np.where(rng.random(m.sum()) < 0.05, "万元", "亿元")
    low[m & (unit == "万元")] = np.round(low[m & (unit == "万元")] * 1e4, 2)
    p = t_family == "people"
    low[p] = rng.integers(1_000, 200_000, p.sum())
    unit[p] = "人"
    r = t_family == "rate"
    low[r] = np.round(rng.uniform(0.1, 10, r.sum()), 1)
    unit[r] = "%"
    nat = t_family == "national"
    # National totals in 元 to the fen: 50万亿 to 150万亿元.
    low[nat] = np.round(rng.uniform(5e13, 1.5e14, nat.sum()), 2)
    unit[nat] = "元"
    width = np.where(t_family == "rate", 1.0, np.round(low * 0.1, 2))
    high = np.where(t_cmp == "between", np.round(low + width, 2), np.nan)
    targets = pd.DataFrame(
        {
            "target": [f"t{i:07d}" for i in range(n)],
            "indicator": [f"i{i:06d}" for i in t_ind],
            "period": t_year,
            "comparator": t_cmp,
            "value": low,
            "high": high,
            "unit": unit,
        }
    )

    # Observations: `vintages` publications of every target's indicator-year, in the
    # indicator's unit; the last one counts.
    o_t = np.repeat(np.arange(n), vintages)
    o_v = np.tile(np.arange(vintages), n)
    base = low[o_t]
    o_unit = unit[o_t].copy()
    value = np.round(base * rng.uniform(0.8, 1.25, len(o_t)), 2)
    value[t_family[o_t] == "people"] = np.round(value[t_family[o_t] == "people"])
    value[t_family[o_t] == "rate"] = np.round(value[t_family[o_t] == "rate"], 1)
    last = o_v == vintages - 1
    # One latest figure in ten is exactly on the threshold (the lower bound, or the
    # upper one of a range), money written in the other unit: 16.4亿元 as 164000万元.
    on = last & (rng.random(len(o_t)) < 0.10)
    edge = np.where((t_cmp[o_t] == "between") & (rng.random(len(o_t)) < 0.5), high[o_t], base)
    value[on] = edge[on]
    swap = on & (o_unit == "亿元")
    value[swap] = np.round(value[swap] * 1e4, 2)
    o_unit[swap] = "万元"
    back = on & (o_unit == "万元") & ~swap
    value[back] = value[back] / 1e4  # exact in decimal: 4 more places
    o_unit[back] = "亿元"
    day = pd.to_datetime([f"{y + 1}-01-01" for y in YEARS]).to_numpy()
    vintage = day[(t_year[o_t] - YEARS[0])] + (o_v * 15).astype("timedelta64[D]")
    observations = pd.DataFrame(
        {
            "indicator": targets["indicator"].to_numpy()[o_t],
            "period": t_year[o_t],
            "value": value,
            "unit": o_unit,
            "vintage": vintage,
        }
    )
    return targets, observations.sample(frac=1.0, random_state=seed).reset_index(drop=True)


# --- the two implementations --------------------------------------------------------------


def text(x: float) -> str:
    """A threshold as the analyst typed it: the float's shortest text."""
    return repr(float(x)).removesuffix(".0") if float(x).is_integer() else repr(float(x))


def plan_json(targets: pd.DataFrame) -> str:
    """The plan of the targets table as plan-file JSON text, as an analyst would make it."""
    indicators = targets.drop_duplicates("indicator")
    kind_of = {">=": "higher", ">": "higher", "<=": "lower", "<": "lower", "between": "band"}
    rows = zip(
        targets["target"].tolist(),
        targets["indicator"].tolist(),
        targets["period"].tolist(),
        targets["comparator"].tolist(),
        targets["value"].tolist(),
        targets["high"].tolist(),
        targets["unit"].tolist(),
    )
    plan = {
        "plan": {"id": "bench", "period": f"{YEARS[0]}..{YEARS[-1]}"},
        "indicator": [
            {
                "id": i,
                "name": {"zh": i},
                "unit": "亿元" if u == "万元" else u,
                "measure": "level",
                "polarity": kind_of[c],
            }
            for i, u, c in zip(indicators["indicator"], indicators["unit"], indicators["comparator"])
        ],
        "target": [
            {
                "id": t,
                "indicator": i,
                "period": str(y),
                "condition": f"between {text(lo)}{u} and {text(hi)}{u}" if c == "between" else f"{c} {text(lo)}{u}",
            }
            for t, i, y, c, lo, hi, u in rows
        ],
    }
    return json.dumps(plan, ensure_ascii=False)


def with_planwatch(targets: pd.DataFrame, observations: pd.DataFrame, stages: Dict[str, float]) -> pd.Series:
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages[name] = now - clock
        clock = now

    text_ = plan_json(targets)
    lap("targets DataFrame -> plan JSON text")
    plan_obj = planwatch.Plan.from_json(text_)
    lap("Plan.from_json")
    obs = planwatch.Observations.from_pandas(observations)
    lap("Observations.from_pandas")
    card = plan_obj.evaluate(obs)
    lap("plan.evaluate")
    frame = card.to_pandas()
    lap("Scorecard.to_pandas")
    return pd.Series(frame["status"].to_numpy(), index=frame["target"].to_numpy())


def with_pandas(targets: pd.DataFrame, observations: pd.DataFrame) -> pd.Series:
    latest = observations.sort_values("vintage").drop_duplicates(["indicator", "period"], keep="last")
    m = targets.merge(latest, on=["indicator", "period"], how="left", suffixes=("", "_obs"))
    observed = m["value_obs"] * m["unit_obs"].map(FACTOR)
    scale = m["unit"].map(FACTOR)
    low = m["value"] * scale
    high = m["high"] * scale
    c = m["comparator"]
    met = np.select(
        [c == ">=", c == ">", c == "<=", c == "<", c == "between"],
        [observed >= low, observed > low, observed <= low, observed < low, (observed >= low) & (observed <= high)],
        default=False,
    )
    status = np.where(observed.isna(), "no_data", np.where(met, "met", "missed"))
    return pd.Series(status, index=m["target"].to_numpy())


def last_digit_demo() -> List[Dict[str, str]]:
    """Figures that differ in the last digit, given as text (a CSV read with
    ``dtype=str``, or Decimals): floats cannot tell them apart above 2^53 / 100 元."""
    rows = [
        ("> 126058213456789.12元", "126058213456789.13"),
        (">= 9007199254740993元", "9007199254740992"),
        ("< 0.30000000000000001", "0.3"),
    ]
    out = []
    for condition, observed in rows:
        plan = planwatch.Plan.from_toml(
            '[plan]\nid = "demo"\nperiod = "2024"\n[[indicator]]\nid = "x"\nname = { zh = "x" }\n'
            f'unit = "{"元" if "元" in condition else ""}"\n'
            f'[[target]]\nindicator = "x"\ncondition = "{condition}"\n'
        )
        obs = planwatch.Observations.from_pandas(
            pd.DataFrame({"indicator": ["x"], "period": ["2024"], "value": [observed], "unit": ["元" if "元" in condition else "1"]})
        )
        status = plan.evaluate(obs).records()[0]["status"]
        op, threshold = condition.split(" ")
        a, b = float(observed), float(threshold.removesuffix("元"))
        as_float = {">": a > b, ">=": a >= b, "<": a < b}[op]
        out.append({"condition": condition, "observed (text)": observed, "planwatch": status, "pandas (floats)": "met" if as_float else "missed"})
    return out


def with_decimals(targets: pd.DataFrame, observations: pd.DataFrame) -> pd.Series:
    """The reference, not timed: the same checks in Python's decimal module, on the
    values as typed (each float's shortest text), so both results can be checked."""
    latest = observations.sort_values("vintage").drop_duplicates(["indicator", "period"], keep="last")
    m = targets.merge(latest, on=["indicator", "period"], how="left", suffixes=("", "_obs"))
    factor = {u: Decimal(int(f)) for u, f in FACTOR.items()}
    out = []
    for c, lo, hi, u, v, uo in zip(m["comparator"], m["value"], m["high"], m["unit"], m["value_obs"], m["unit_obs"]):
        if pd.isna(v):
            out.append("no_data")
            continue
        x = Decimal(text(v)) * factor[uo]
        a = Decimal(text(lo)) * factor[u]
        ok = {
            ">=": lambda: x >= a,
            ">": lambda: x > a,
            "<=": lambda: x <= a,
            "<": lambda: x < a,
            "between": lambda: a <= x <= Decimal(text(hi)) * factor[u],
        }[c]()
        out.append("met" if ok else "missed")
    return pd.Series(out, index=m["target"].to_numpy())


# --- the run ------------------------------------------------------------------------------


def timed(fn: Any, *args: Any) -> Tuple[Any, float, float]:
    """The result, the wall-clock seconds and the CPU seconds of the process."""
    start, cpu = time.perf_counter(), time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - start, time.process_time() - cpu


def explain(targets: pd.DataFrame, observations: pd.DataFrame, ids: List[str]) -> List[Dict[str, str]]:
    """What the exact comparison says for a few disagreements, with the float view."""
    latest = observations.sort_values("vintage").drop_duplicates(["indicator", "period"], keep="last")
    m = targets.set_index("target").loc[ids].reset_index().merge(latest, on=["indicator", "period"], suffixes=("", "_obs"))
    out = []
    for row in m.itertuples():
        out.append(
            {
                "target": row.target,
                "condition": f"{row.comparator} {text(row.value)}{row.unit}"
                + (f" .. {text(row.high)}{row.unit}" if row.comparator == "between" else ""),
                "observed": f"{text(row.value_obs)}{row.unit_obs}",
                "float observed (base unit)": repr(row.value_obs * FACTOR[row.unit_obs]),
                "float threshold (base unit)": repr(row.value * FACTOR[row.unit]),
                "exact observed (base unit)": str(Decimal(text(row.value_obs)) * Decimal(int(FACTOR[row.unit_obs]))),
                "exact threshold (base unit)": str(Decimal(text(row.value)) * Decimal(int(FACTOR[row.unit]))),
            }
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--targets", type=int, default=100_000)
    ap.add_argument("--observations", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each side; the fastest counts")
    ap.add_argument("--json", help="write the figures to this file")
    args = ap.parse_args()

    targets, observations = generate(args.targets, args.observations, args.seed)
    print(f"{len(targets):,} targets on {targets['indicator'].nunique():,} indicators; {len(observations):,} observations")

    # Alternating runs, the fastest of each side counts (the machine may be busy).
    t_pandas = t_planwatch = c_pandas = c_planwatch = float("inf")
    stages: Dict[str, float] = {}
    for _ in range(args.repeat):
        by_pandas, t, c = timed(with_pandas, targets, observations)
        t_pandas, c_pandas = min(t_pandas, t), min(c_pandas, c)
        run: Dict[str, float] = {}
        by_planwatch, t, c = timed(with_planwatch, targets, observations, run)
        c_planwatch = min(c_planwatch, c)
        if t < t_planwatch:
            t_planwatch, stages = t, run

    by_planwatch = by_planwatch.reindex(by_pandas.index)
    exact = with_decimals(targets, observations).reindex(by_pandas.index)
    planwatch_wrong = int((by_planwatch != exact).sum())
    differ = by_planwatch != by_pandas
    latest = observations.sort_values("vintage").drop_duplicates(["indicator", "period"], keep="last")
    where = targets.merge(latest, on=["indicator", "period"], suffixes=("", "_obs")).set_index("target")
    units = where.loc[by_pandas.index[differ], ["comparator", "unit", "unit_obs"]]
    kinds = Counter(
        zip(units["comparator"], units["unit"] + " vs " + units["unit_obs"], by_pandas[differ], by_planwatch[differ])
    )
    examples = explain(targets, observations, list(by_pandas.index[differ][:6]))

    print(f"pandas     {t_pandas:8.2f} s wall  {c_pandas:8.2f} s CPU")
    print(f"planwatch  {t_planwatch:8.2f} s wall  {c_planwatch:8.2f} s CPU")
    print(f"ratio planwatch/pandas = {t_planwatch / t_pandas:.2f} (wall), {c_planwatch / c_pandas:.2f} (CPU)")
    for name, seconds in stages.items():
        print(f"  {seconds:8.2f} s  {name}")
    print(f"statuses: planwatch {dict(Counter(by_planwatch))}")
    print(f"          pandas    {dict(Counter(by_pandas))}")
    print(f"planwatch verdicts that differ from Python decimal arithmetic: {planwatch_wrong}")
    print(f"float verdicts that differ from exact ones: {int(differ.sum()):,} of {len(targets):,}")
    for (cmp_, unit_pair, p, w), count in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {count:6,}  {cmp_:8} target in {unit_pair:12} pandas says {p:8} planwatch says {w}")
    for e in examples:
        print("  e.g. " + json.dumps(e, ensure_ascii=False))
    demo = last_digit_demo()
    print("figures given as text, differing in the last digit:")
    for d in demo:
        print("  " + json.dumps(d, ensure_ascii=False))

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(
                {
                    "targets": len(targets),
                    "repeat": args.repeat,
                    "observations": len(observations),
                    "seconds": {"pandas": t_pandas, "planwatch": t_planwatch},
                    "cpu_seconds": {"pandas": c_pandas, "planwatch": c_planwatch},
                    "planwatch_stages": stages,
                    "ratio": t_planwatch / t_pandas,
                    "cpu_ratio": c_planwatch / c_pandas,
                    "disagreements": int(differ.sum()),
                    "planwatch_differs_from_decimal": planwatch_wrong,
                    "by_kind": [
                        {"comparator": k[0], "units": k[1], "pandas": k[2], "planwatch": k[3], "count": v} for k, v in kinds.items()
                    ],
                    "examples": examples,
                    "last_digit_text": demo,
                    "python": sys.version.split()[0],
                    "pandas": pd.__version__,
                    "numpy": np.__version__,
                    "machine": platform.machine(),
                },
                f,
                ensure_ascii=False,
                indent=2,
            )


if __name__ == "__main__":
    main()
