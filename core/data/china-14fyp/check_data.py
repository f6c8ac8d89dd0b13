#!/usr/bin/env python3
"""Verify the china-14fyp built-in dataset against its evidence file.

Checks
  plan.toml         keys, ids, kinds, units (the subset this dataset uses), target periods inside the
                    plan period, condition syntax, `formula` references, and every source: `document`
                    names an evidence source, the quote occurs in that source's excerpt, and the
                    condition's number occurs in the quote (references `ref:` excepted).
  observations.csv  header, indicators exist, periods, values, units compatible with the indicator,
                    status, vintage dates, and a one-to-one match with the evidence figures (source
                    url, vintage = the source's publication date, value written in the quote).
  evidence.toml     every quote occurs in its source's excerpt (whitespace ignored).

Usage: python3 check_data.py   (python >= 3.11, stdlib only). Exit 0 when everything holds.
"""
from __future__ import annotations

import csv
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import evidence  # noqa: E402

PLAN_KEYS = {"id", "jurisdiction", "period", "title", "document"}
INDICATOR_KEYS = {"id", "name", "unit", "measure", "kind", "polarity", "flow", "nominal", "of",
                  "section", "tags", "formula", "source"}
TARGET_KEYS = {"id", "indicator", "period", "condition", "tier", "source"}
SOURCE_KEYS = {"document", "quote", "section"}
MEASURES = {"level", "growth", "share", "change", "milestone"}
KINDS = {"expected", "binding", "task"}
POLARITIES = {"higher", "lower", "band"}
STATUSES = {"preliminary", "revised", "final"}
SECTIONS = {"专栏1.经济发展", "专栏1.创新驱动", "专栏1.民生福祉", "专栏1.绿色生态", "专栏1.安全保障"}
# unit -> dimension, for the units this dataset uses (the crate's table has many more)
UNITS = {"%": "ratio", "个百分点": "pp", "件": "count:件", "人": "people", "个": "count:个", "岁": "age",
         "": "none", "1": "none", "亿吨": "mass", "亿斤": "mass", "万亿斤": "mass", "万吨": "mass", "吨": "mass"}
SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
NUM = r"[+\-−]?\d+(?:\.\d+)?"
RE_CMP = re.compile(rf"^(>=|<=|>|<|=|~)\s*({NUM})\s*(\S*)$")
RE_REF = re.compile(r"^(>=|<=|>|<|=|~)?\s*ref:([a-z][a-z0-9_]*)$")
PERIOD = re.compile(r"^(20\d\d)(?:\.\.(20\d\d))?$")

errors: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


def years(p: str) -> tuple[int, int] | None:
    m = PERIOD.match(p)
    if not m:
        return None
    a = int(m.group(1))
    b = int(m.group(2) or a)
    return (a, b) if a <= b else None


def main() -> int:
    with (HERE / "plan.toml").open("rb") as f:
        plan = tomllib.load(f)
    with (HERE / "evidence.toml").open("rb") as f:
        ev = tomllib.load(f)
    sources = evidence.check_sources(ev, "evidence.toml", err)

    head = plan.get("plan", {})
    if set(head) != PLAN_KEYS:
        err("plan.toml [plan]", f"keys {sorted(head)} != {sorted(PLAN_KEYS)}")
    span = years(str(head.get("period", "")))
    if span != (2021, 2025):
        err("plan.toml [plan]", "period must be 2021..2025")

    inds: dict[str, dict] = {}
    for n, d in enumerate(plan.get("indicator", []), 1):
        w = f"indicator #{n} ({d.get('id', '?')})"
        for k in set(d) - INDICATOR_KEYS:
            err(w, f"unknown key {k!r}")
        i = d.get("id", "")
        if not SLUG.match(i) or i in inds:
            err(w, "id missing, not a slug, or duplicate")
        inds[i] = d
        if set(d.get("name", {})) != {"zh", "en"}:
            err(w, "name must be { zh, en }")
        if d.get("measure") not in MEASURES or d.get("kind") not in KINDS:
            err(w, "bad measure or kind")
        if d.get("polarity", "higher") not in POLARITIES:
            err(w, "bad polarity")
        if d.get("unit") not in UNITS:
            err(w, f"unit {d.get('unit')!r} not among {sorted(UNITS)}")
        if d.get("section") not in SECTIONS:
            err(w, f"section {d.get('section')!r} not in {sorted(SECTIONS)}")
        if d.get("measure") == "growth" and "nominal" not in d:
            err(w, "growth indicator must say nominal = true/false")
        if "source" in d:
            s = d["source"]
            problem = evidence.quote_in_source(s.get("quote", ""), s.get("document", ""), sources)
            if problem:
                err(w, problem)
    for i, d in inds.items():
        for r in re.findall(r"[a-z][a-z0-9_]*", d.get("formula", "")):
            if r not in inds:
                err(f"indicator {i}", f"formula refers to unknown indicator {r!r}")

    targets: dict[str, dict] = {}
    quotes = 0
    for n, t in enumerate(plan.get("target", []), 1):
        w = f"target #{n} ({t.get('id', '?')})"
        for k in set(t) - TARGET_KEYS:
            err(w, f"unknown key {k!r}")
        tid = t.get("id", "")
        if not SLUG.match(tid) or tid in targets:
            err(w, "id missing, not a slug, or duplicate")
        targets[tid] = t
        ind = inds.get(t.get("indicator"))
        if ind is None:
            err(w, f"indicator {t.get('indicator')!r} does not exist")
            continue
        if "context" in ind.get("tags", []):
            err(w, "a target on an indicator tagged 'context'")
        p = years(str(t.get("period", "")))
        if p is None or not (2021 <= p[0] <= p[1] <= 2025):
            err(w, f"period {t.get('period')!r} is not a year or span inside 2021..2025")
        cond = str(t.get("condition", ""))
        src = t.get("source", {})
        for k in set(src) - SOURCE_KEYS:
            err(w, f"unknown source key {k!r}")
        if src.get("section") != ind.get("section"):
            err(w, "source.section differs from the indicator's section")
        problem = evidence.quote_in_source(src.get("quote", ""), src.get("document", ""), sources)
        if problem:
            err(w, problem)
        else:
            quotes += 1
        ref = RE_REF.match(cond)
        if ref:
            # `ref:KEY` binds to another indicator's figure for the same period ("高于GDP增长",
            # "与GDP增长基本同步"), or to a value bound later with Plan::bind_reference.
            key = ref.group(2)
            if key in inds and inds[key].get("unit") != ind.get("unit"):
                err(w, f"reference {key!r} has unit {inds[key].get('unit')!r}, not {ind.get('unit')!r}")
            continue
        m = RE_CMP.match(cond)
        if not m:
            err(w, f"condition {cond!r} does not match the syntax used here")
            continue
        unit = m.group(3)
        if unit not in UNITS:
            err(w, f"condition unit {unit!r} unknown")
        elif UNITS[unit] != UNITS.get(ind.get("unit"), "?") and {UNITS[unit], UNITS.get(ind.get("unit"))} != {"ratio", "pp"}:
            err(w, f"condition unit {unit!r} incompatible with the indicator's {ind.get('unit')!r}")
        if not evidence.number_in(m.group(2), src.get("quote", "")):
            err(w, f"condition value {m.group(2)} is not written in the quote")
    for i, d in inds.items():
        used = any(t.get("indicator") == i for t in targets.values()) or any(
            i in re.findall(r"[a-z][a-z0-9_]*", x.get("formula", "")) for x in inds.values())
        if not used and "context" not in d.get("tags", []):
            err(f"indicator {i}", "has no target, is no formula input, and is not tagged 'context'")

    rows: list[dict] = []
    with (HERE / "observations.csv").open(encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r, None)
        cols = ["indicator", "period", "value", "unit", "status", "vintage", "source"]
        if header != cols:
            err("observations.csv", f"bad header {header!r}")
        for n, row in enumerate(r, 2):
            w = f"observations.csv row {n}"
            if len(row) != 7:
                err(w, f"{len(row)} fields, expected 7")
                continue
            o = dict(zip(cols, row))
            rows.append(o)
            ind = inds.get(o["indicator"])
            if ind is None:
                err(w, f"indicator {o['indicator']!r} not in plan.toml")
                continue
            if years(o["period"]) is None:
                err(w, f"bad period {o['period']!r}")
            if not re.fullmatch(NUM, o["value"]):
                err(w, f"bad value {o['value']!r}")
            if o["unit"] not in UNITS or UNITS[o["unit"]] != UNITS.get(ind.get("unit")):
                err(w, f"unit {o['unit']!r} incompatible with the indicator's {ind.get('unit')!r}")
            if o["status"] not in STATUSES:
                err(w, f"status {o['status']!r}")
            if not evidence.valid_date(o["vintage"]):
                err(w, "every observation needs its publication date as vintage")
            elif years(o["period"]) and o["vintage"] < f"{years(o['period'])[0]}-07-01":
                # a year's figure appears at the earliest in its second half (harvest figures in December)
                err(w, f"vintage {o['vintage']} is too early for the period {o['period']}")
            if not re.fullmatch(r"https?://\S+", o["source"]):
                err(w, "source must be the address of the text read")
            if "formula" in ind:
                err(w, "observations go on the inputs of a derived indicator")
    n_fig, backed = evidence.check_figures(ev, sources, rows, "evidence.toml", err)
    for i, o in enumerate(rows):
        if i not in backed:
            err(f"observations.csv row {i + 2}", f"no evidence figure backs {o['indicator']} {o['period']} {o['value']}")

    if errors:
        print(f"{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    kinds: dict[str, int] = {}
    for t in targets.values():
        k = inds[t["indicator"]]["kind"]
        kinds[k] = kinds.get(k, 0) + 1
    print("OK: china-14fyp")
    print(f"  indicators {len(inds)}, targets {len(targets)} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}); {quotes} target quotes found in "
          f"{len(sources)} stored excerpts")
    print(f"  observations {len(rows)}, each backed by one of {n_fig} evidence figures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
