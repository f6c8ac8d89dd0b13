#!/usr/bin/env python3
"""Verify the nanshan-2024 built-in dataset against its seed report.

Checks
  plan.toml         keys, enums, ids (unique, slugs), units, `of` and `formula`
                    references (no cycles), target condition syntax and unit
                    compatibility, periods, tiers, and every source: the quote
                    is exactly seed[start:end], its section is the section the
                    span falls in, and the condition's number occurs in the quote.
  observations.csv  header, indicators exist, periods, values, units compatible
                    with the indicator's unit, status, vintage dates (every row has
                    one), sources (a seed span must hold the value; otherwise an
                    http(s) URL whose figure is backed by a quote in evidence.toml,
                    or a row listed in UNVERIFIED_ROWS with the reason).
  evidence.toml     every quote occurs in its source's stored excerpt, every value
                    in its quote, and the rows and figures match one to one.
  CHECKLIST.md      every number occurrence in parts 二 and 三 of the seed has a
                    row (same offset and token) that names a target whose span
                    contains it, or gives a reason it is not a target; every
                    target appears in the checklist; every quantified target's
                    condition value is one of the numbers its rows map to.

Usage: python3 check_data.py [--seed PATH]   (python >= 3.11, stdlib only)
The seed is looked up, in order: --seed, $PLANWATCH_SEED, <repo>/seeds/,
<repo>/../shared/seeds/, this directory (as the seed's name or as report.txt, the copy
embedded in the crate). Its SHA-256 must match SEED_SHA256.
Exit status 0 when everything holds, 1 otherwise (every problem is listed).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import evidence  # noqa: E402
SEED_NAME = "000_e2dc67d99fd687ff.txt"
SEED_DOC = "seed:000_e2dc67d99fd687ff"
SEED_SHA256 = "655ed57f00d7e078705c5ac95605e0054cfc22ac5bae0309ad8c5b2e1f2937e1"

PLAN_KEYS = {"id", "jurisdiction", "period", "title", "document"}
INDICATOR_KEYS = {"id", "name", "unit", "measure", "kind", "polarity", "flow", "nominal",
                  "of", "section", "tags", "formula"}
INDICATOR_REQUIRED = {"id", "name", "measure", "kind", "section"}
TARGET_KEYS = {"id", "indicator", "period", "condition", "tier", "source"}
TARGET_REQUIRED = {"indicator", "period", "condition", "source"}
SOURCE_KEYS = {"quote", "section", "span"}
MEASURES = {"level", "growth", "share", "change", "milestone"}
KINDS = {"expected", "binding", "task"}
POLARITIES = {"higher", "lower", "band"}
TIERS = {"base", "stretch"}
STATUSES = {"preliminary", "revised", "final"}
STRETCH_MARKERS = ("力争", "争取", "努力")

BASIC_UNITS = ["元", "人", "人次", "%", "个百分点", "平方米", "公顷", "亩", "米", "公里", "吨",
               "千瓦", "微克/立方米", "岁",
               "个", "家", "座", "所", "套", "间", "台", "辆", "项", "件", "次", "场", "支", "处",
               "条", "株", "户", "例", "栋", "名"]
# Units accepted beyond the basic list, each with the reason (documented in CHECKLIST.md).
EXTRA_UNITS = {"立方米/万元": "water use per 10 000 yuan of GDP (万元GDP水耗)"}
INDICATOR_UNITS = set(BASIC_UNITS) | {"亿元"} | set(EXTRA_UNITS)
MAGNITUDES = {"": 1, "十": 10, "百": 100, "千": 10**3, "万": 10**4, "十万": 10**5,
              "百万": 10**6, "千万": 10**7, "亿": 10**8, "十亿": 10**9, "百亿": 10**10,
              "千亿": 10**11, "万亿": 10**12}
DIMENSION = {"元": "money", "人": "people", "名": "people"}

SECTION_NUMS = "一二三四五六七八九"
SLUG = re.compile(r"^[a-z][a-z0-9_]*$")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
NUM = r"[+\-−]?\d+(?:\.\d+)?"
MAG = "|".join(sorted((m for m in MAGNITUDES if m), key=len, reverse=True))
COMP = r">=|<=|≥|≤|>|<|=|~|≈"
RE_CMP = re.compile(rf"^({COMP})\s*({NUM})\s*(\S+)$")
RE_RANGE = re.compile(rf"^({NUM})\s*((?:{MAG})?)\s*[-~至到]\s*({NUM})\s*(\S+)$")
RE_BETWEEN = re.compile(rf"^between\s+({NUM})\s*(\S*)\s+and\s+({NUM})\s*(\S+)$")
RE_REF = re.compile(rf"^({COMP})\s*ref:([a-z][a-z0-9_]*)$")
RE_DONE = re.compile(r"^done by (\d{4}-\d{2}-\d{2})$")
RE_VALUE = re.compile(rf"^({NUM})((?:{MAG})?)$")
TOKEN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[ \u3000]?[十百千万亿]+)?"
                   r"|[零〇一二两三四五六七八九十百千万亿]+")

# Rows whose source text is not stored in the repo (no evidence quote): carried over from the dataset's
# first version, kept with the reason. Key: (indicator, period, value).
UNVERIFIED_ROWS: dict[tuple[str, str, str], str] = {}
# Observations recorded in the plan's measure word where the source uses another word for the same
# objects: (indicator, period) -> (word in the source, word recorded, reason). The source word must follow
# the value in the seed.
MEASURE_WORD_AS_PLAN = {
    ("supercharging_stations", "2023-12-31"): (
        "个", "座", "the same super-charging stations: part 一 counts them with 个 (超充站 22 个), the "
        "plan's target with 座 (60座超充站); counts with different measure words do not compare"),
}

errors: list[str] = []
notes: list[str] = []


def err(where: str, msg: str) -> None:
    errors.append(f"{where}: {msg}")


# ---------------------------------------------------------------- seed
def find_seed(argv: list[str]) -> Path:
    cands = []
    if "--seed" in argv:
        i = argv.index("--seed")
        if i + 1 < len(argv):
            cands.append(Path(argv[i + 1]))
    if os.environ.get("PLANWATCH_SEED"):
        cands.append(Path(os.environ["PLANWATCH_SEED"]))
    repo = HERE.parents[2]  # core/data/nanshan-2024 -> repo root
    cands += [repo / "seeds" / SEED_NAME, repo.parent / "shared" / "seeds" / SEED_NAME,
              HERE / SEED_NAME, HERE / "report.txt"]
    for c in cands:
        if c.is_file():
            return c
    sys.exit("seed not found; tried: " + ", ".join(map(str, cands)))


def sections(seed: str) -> tuple[int, int, list[tuple[int, str]]]:
    """Part 二 and part 三 start offsets and (start, section path) of each subsection."""
    p2 = seed.find("二、2024年经济社会发展总体思路和主要目标")
    p3 = seed.find("三、2024 年经济社会发展主要任务")
    assert 0 < p2 < p3, "part headings not found in seed"
    heads = []
    for m in re.finditer(r"（([一二三四五六七八九])）", seed):
        if m.start() < p2:
            continue
        part = "二" if m.start() < p3 else "三"
        heads.append((m.start(), f"{part}.({m.group(1)})"))
    return p2, p3, heads


def section_at(offset: int, p2: int, heads: list[tuple[int, str]]) -> str | None:
    if offset < p2:
        return None
    cur = None
    for start, path in heads:
        if start <= offset:
            cur = path
    return cur


# ---------------------------------------------------------------- periods, units
def valid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False


def valid_period(p: str) -> bool:
    if re.fullmatch(r"\d{4}", p) or re.fullmatch(r"\d{4}H[12]", p) or re.fullmatch(r"\d{4}Q[1-4]", p):
        return True
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", p):
        return True
    m = re.fullmatch(r"(\d{4}-(?:0[1-9]|1[0-2]))\.\.(\d{4}-(?:0[1-9]|1[0-2]))", p)
    if m:
        return m.group(1) <= m.group(2)
    m = re.fullmatch(r"(\d{4})\.\.(\d{4})", p)
    if m:
        return m.group(1) < m.group(2)
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", p) is not None and valid_date(p)


def split_unit(text: str) -> tuple[str, str] | None:
    """'亿元' -> ('亿', '元'); '%' -> ('', '%'); None when not a known unit."""
    for mag in sorted(MAGNITUDES, key=len, reverse=True):
        if text.startswith(mag) and text[len(mag):] in set(BASIC_UNITS) | set(EXTRA_UNITS):
            return mag, text[len(mag):]
    return None


def compatible(u1: str, u2: str) -> bool:
    a, b = split_unit(u1), split_unit(u2)
    if a is None or b is None:
        return False
    return DIMENSION.get(a[1], a[1]) == DIMENSION.get(b[1], b[1])


def parse_condition(cond: str) -> dict | None:
    m = RE_DONE.match(cond)
    if m:
        return {"form": "done", "date": m.group(1)} if valid_date(m.group(1)) else None
    m = RE_REF.match(cond)
    if m:
        return {"form": "ref", "name": m.group(2)}
    m = RE_CMP.match(cond)
    if m:
        return {"form": "cmp", "values": [m.group(2)], "unit": m.group(3)}
    m = RE_RANGE.match(cond) or RE_BETWEEN.match(cond)
    if m:
        lo, hi = float(m.group(1)), float(m.group(3))
        if lo >= hi:
            return None
        return {"form": "range", "values": [m.group(1), m.group(3)], "unit": m.group(4)}
    return None


# ---------------------------------------------------------------- formulas
def formula_refs(expr: str) -> list[str] | None:
    """Identifiers of a + - * / ( ) expression; None when it does not parse."""
    toks = re.findall(r"\s*(?:(\d+(?:\.\d+)?)|([a-z][a-z0-9_]*)|([-+*/()]))", expr)
    if "".join(a or b or c for a, b, c in toks) != re.sub(r"\s+", "", expr):
        return None
    toks = [a or b or c for a, b, c in toks]
    refs, pos = [], 0

    def atom() -> bool:
        nonlocal pos
        if pos < len(toks) and toks[pos] in "+-" and len(toks[pos]) == 1:
            pos += 1
            return atom()
        if pos < len(toks) and toks[pos] == "(":
            pos += 1
            if not expr_() or pos >= len(toks) or toks[pos] != ")":
                return False
            pos += 1
            return True
        if pos < len(toks) and re.fullmatch(r"\d+(?:\.\d+)?|[a-z][a-z0-9_]*", toks[pos]):
            if toks[pos][0].isalpha():
                refs.append(toks[pos])
            pos += 1
            return True
        return False

    def term() -> bool:
        nonlocal pos
        if not atom():
            return False
        while pos < len(toks) and toks[pos] in ("*", "/"):
            pos += 1
            if not atom():
                return False
        return True

    def expr_() -> bool:
        nonlocal pos
        if not term():
            return False
        while pos < len(toks) and toks[pos] in ("+", "-"):
            pos += 1
            if not term():
                return False
        return True

    return refs if expr_() and pos == len(toks) else None


# ---------------------------------------------------------------- plan
def check_plan(plan: dict, seed: str, p2: int, heads) -> tuple[dict, dict]:
    for k in plan:
        if k not in ("plan", "indicator", "target"):
            err("plan.toml", f"unknown top-level key {k!r}")
    head = plan.get("plan", {})
    for k in set(head) - PLAN_KEYS:
        err("plan.toml [plan]", f"unknown key {k!r}")
    for k in PLAN_KEYS - set(head):
        err("plan.toml [plan]", f"missing key {k!r}")
    if head.get("document") != SEED_DOC:
        err("plan.toml [plan]", f"document must be {SEED_DOC!r}")
    if not valid_period(str(head.get("period", ""))):
        err("plan.toml [plan]", "invalid period")

    inds: dict[str, dict] = {}
    for n, d in enumerate(plan.get("indicator", []), 1):
        w = f"indicator #{n} ({d.get('id', '?')})"
        for k in set(d) - INDICATOR_KEYS:
            err(w, f"unknown key {k!r}")
        for k in INDICATOR_REQUIRED - set(d):
            err(w, f"missing key {k!r}")
        i = d.get("id", "")
        if not SLUG.match(i):
            err(w, "id is not a snake_case ascii slug")
        if i in inds:
            err(w, "duplicate indicator id")
        inds[i] = d
        name = d.get("name", {})
        if set(name) != {"zh", "en"} or not all(isinstance(v, str) and v.strip() for v in name.values()):
            err(w, "name must be { zh, en }, both non-empty")
        elif CJK.search(name["en"]):
            err(w, f"English name contains Chinese characters: {name['en']!r}")
        elif not CJK.search(name["zh"]):
            err(w, "Chinese name has no Chinese characters")
        meas = d.get("measure")
        if meas not in MEASURES:
            err(w, f"measure {meas!r} not in {sorted(MEASURES)}")
        if d.get("kind") not in KINDS:
            err(w, f"kind {d.get('kind')!r} not in {sorted(KINDS)}")
        if d.get("polarity", "higher") not in POLARITIES:
            err(w, f"polarity {d.get('polarity')!r} not in {sorted(POLARITIES)}")
        unit = d.get("unit")
        if meas == "milestone":
            if unit is not None:
                err(w, "a milestone has no unit")
            for k in ("flow", "nominal", "of", "formula"):
                if k in d:
                    err(w, f"a milestone has no {k!r}")
        elif unit not in INDICATOR_UNITS:
            err(w, f"unit {unit!r} not allowed")
        if meas in ("growth", "share") and unit != "%":
            err(w, f"a {meas} indicator has unit %")
        if meas == "change" and unit not in ("%", "个百分点"):
            err(w, "a change indicator has unit % or 个百分点")
        for k in ("flow", "nominal"):
            if k in d and not isinstance(d[k], bool):
                err(w, f"{k} must be a boolean")
        if meas == "growth" and "flow" in d:
            err(w, "flow does not apply to a growth rate")
        if ("nominal" in d or "of" in d) and meas != "growth":
            err(w, "nominal / of apply to growth indicators only")
        if meas == "growth" and "nominal" not in d:
            err(w, "growth indicator must say nominal = true/false")
        if not re.fullmatch(rf"[二三]\.\([{SECTION_NUMS}]\)", str(d.get("section", ""))):
            err(w, f"bad section path {d.get('section')!r}")
        tags = d.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) and SLUG.match(t) for t in tags):
            err(w, "tags must be a list of snake_case strings")

    for i, d in inds.items():
        w = f"indicator {i}"
        if "of" in d:
            base = inds.get(d["of"])
            if base is None:
                err(w, f"of = {d['of']!r} is not an indicator")
            elif base.get("measure") != "level":
                err(w, f"of = {d['of']!r} is not a level indicator")
        if "formula" in d:
            refs = formula_refs(d["formula"])
            if refs is None:
                err(w, f"formula does not parse: {d['formula']!r}")
                continue
            for r in refs:
                if r not in inds:
                    err(w, f"formula refers to unknown indicator {r!r}")
    # formula cycles
    graph = {i: set(formula_refs(d["formula"]) or []) for i, d in inds.items() if "formula" in d}

    def cyclic(node, stack):
        if node in stack:
            return True
        return any(cyclic(n, stack | {node}) for n in graph.get(node, ()))
    for i in graph:
        if cyclic(i, set()):
            err(f"indicator {i}", "formula is cyclic")

    targets: dict[str, dict] = {}
    for n, t in enumerate(plan.get("target", []), 1):
        w = f"target #{n} ({t.get('id', t.get('indicator', '?'))})"
        for k in set(t) - TARGET_KEYS:
            err(w, f"unknown key {k!r}")
        for k in TARGET_REQUIRED - set(t):
            err(w, f"missing key {k!r}")
        tier = t.get("tier", "base")
        if tier not in TIERS:
            err(w, f"tier {tier!r} not in {sorted(TIERS)}")
        tid = t.get("id") or (t.get("indicator", "") + ("_stretch" if tier == "stretch" else ""))
        if not SLUG.match(tid):
            err(w, "id is not a snake_case ascii slug")
        if tid in targets:
            err(w, f"duplicate target id {tid!r}")
        targets[tid] = t
        t["_id"] = tid
        ind = inds.get(t.get("indicator"))
        if ind is None:
            err(w, f"indicator {t.get('indicator')!r} does not exist")
            continue
        per = str(t.get("period", ""))
        if not valid_period(per) or not per.startswith(str(head.get("period", ""))[:4]):
            err(w, f"period {per!r} invalid or outside the plan period")
        cond = str(t.get("condition", ""))
        pc = parse_condition(cond)
        t["_cond"] = pc
        if pc is None:
            err(w, f"condition {cond!r} does not match the target syntax")
        elif ind.get("measure") == "milestone":
            if pc["form"] != "done":
                err(w, "a milestone target is 'done by YYYY-MM-DD'")
        elif pc["form"] == "done":
            err(w, "'done by' is for milestone indicators only")
        elif pc["form"] in ("cmp", "range"):
            if split_unit(pc["unit"]) is None:
                err(w, f"condition unit {pc['unit']!r} unknown")
            elif not compatible(pc["unit"], ind.get("unit", "")):
                err(w, f"condition unit {pc['unit']!r} incompatible with indicator unit {ind.get('unit')!r}")
        src = t.get("source", {})
        for k in set(src) - SOURCE_KEYS:
            err(w, f"unknown source key {k!r}")
        quote, span = src.get("quote", ""), src.get("span")
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)
                and 0 <= span[0] < span[1] <= len(seed)):
            err(w, f"bad span {span!r}")
            continue
        if seed[span[0]:span[1]] != quote:
            err(w, f"seed[{span[0]}:{span[1]}] = {seed[span[0]:span[1]]!r} != quote {quote!r}")
            continue
        sec = section_at(span[0], p2, heads)
        if sec is None or section_at(span[1] - 1, p2, heads) != sec:
            err(w, "span is not inside one section of parts 二/三")
        if src.get("section") != sec:
            err(w, f"source.section {src.get('section')!r} but the span lies in {sec!r}")
        if ind.get("section") != sec:
            err(w, f"indicator section {ind.get('section')!r} differs from the target's {sec!r}")
        want_kind = {"二.(一)": "expected", "二.(二)": "binding"}.get(sec, "task")
        if ind.get("kind") != want_kind:
            err(w, f"indicator kind {ind.get('kind')!r}, section {sec} implies {want_kind!r}")
        has_marker = any(m in quote for m in STRETCH_MARKERS)
        if tier == "stretch" and not has_marker:
            err(w, "stretch tier but the quote has no 力争/争取/努力")
        if tier == "base" and has_marker:
            err(w, "base tier but the quote carries a stretch marker")
        if pc and pc["form"] in ("cmp", "range"):
            plain = re.sub(r"\s+", "", quote)
            for v in pc["values"]:
                if v not in plain:
                    err(w, f"condition value {v} does not occur in the quote")
    for i, d in inds.items():
        if not any(t.get("indicator") == i for t in targets.values()):
            used = any(i in (formula_refs(x.get("formula", "")) or []) for x in inds.values()) \
                or any(x.get("of") == i for x in inds.values())
            if not used and "context" not in d.get("tags", []):
                err(f"indicator {i}", "has no target, is no formula input, and is not tagged 'context'")
    return inds, targets


# ---------------------------------------------------------------- observations
SEED_DATE = "2024-01-27"


def check_observations(path: Path, inds: dict, seed: str) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        header = next(r, None)
        if header != ["indicator", "period", "value", "unit", "status", "vintage", "source"]:
            err(path.name, f"bad header {header!r}")
            return rows
        seen = set()
        for n, row in enumerate(r, 2):
            w = f"{path.name} row {n}"
            if len(row) != 7:
                err(w, f"{len(row)} fields, expected 7")
                continue
            ind_id, per, val, unit, status, vintage, source = row
            rows.append(dict(zip(header, row)))
            ind = inds.get(ind_id)
            if ind is None:
                err(w, f"indicator {ind_id!r} not in plan.toml")
                continue
            if ind.get("measure") == "milestone":
                err(w, "observations of milestones are not part of this dataset")
            if not valid_period(per):
                err(w, f"bad period {per!r}")
            if not RE_VALUE.match(val):
                err(w, f"bad value {val!r}")
            if split_unit(unit) is None or not compatible(unit, ind.get("unit", "")):
                err(w, f"unit {unit!r} incompatible with indicator unit {ind.get('unit')!r}")
            if split_unit(unit) and split_unit(unit)[1] not in DIMENSION and split_unit(ind.get("unit", "")) \
                    and split_unit(unit)[1] != split_unit(ind.get("unit", ""))[1]:
                err(w, f"measure word {unit!r} differs from the indicator's {ind.get('unit')!r}")
            if status not in STATUSES:
                err(w, f"status {status!r} not in {sorted(STATUSES)}")
            if not vintage:
                err(w, "no vintage: every observation needs its publication date")
            elif not valid_date(vintage):
                err(w, f"bad vintage {vintage!r}")
            m = re.fullmatch(re.escape(SEED_DOC) + r"#(\d+)-(\d+)", source)
            if m:
                a, b = int(m.group(1)), int(m.group(2))
                if seed[a:b] != val:
                    err(w, f"seed[{a}:{b}] = {seed[a:b]!r} != value {val!r}")
                if vintage != SEED_DATE:
                    err(w, f"a figure of the seed report has the report's date {SEED_DATE} as vintage")
                mw = MEASURE_WORD_AS_PLAN.get((ind_id, per))
                if mw:
                    word, recorded, why = mw
                    if unit != recorded or not seed[b:b + 3].strip().startswith(word):
                        err(w, f"expected {val}{word} in the seed recorded as {recorded}")
                    else:
                        notes.append(f"{ind_id} {per}: the seed's {val} {word} recorded as {val}{recorded} ({why})")
            elif not re.fullmatch(r"https?://\S+", source):
                err(w, f"source {source!r} is neither a seed span nor a URL")
            key = (ind_id, per, vintage, source)
            if key in seen:
                err(w, "duplicate observation")
            seen.add(key)
    return rows


# ---------------------------------------------------------------- checklist
def num_value(token: str) -> str:
    return re.sub(r"[\s\u3000十百千万亿]+$", "", token)


def check_checklist(path: Path, seed: str, p2: int, targets: dict) -> int:
    text = path.read_text(encoding="utf-8")
    rows = {}
    for line in text.splitlines():
        m = re.match(r"^\|\s*(\d+)\s*\|\s*([^|]+?)\s*\|(.*)\|\s*(.+?)\s*\|\s*$", line)
        if not m:
            continue
        off = int(m.group(1))
        if off in rows:
            err(path.name, f"two rows for offset {off}")
        rows[off] = (m.group(2), m.group(4))
    found = {m.start(): m.group() for m in TOKEN.finditer(seed, p2)}
    mapped: dict[str, list[str]] = {}
    for off, tok in found.items():
        if off not in rows:
            err(path.name, f"number {tok!r} at {off} ({seed[max(0, off - 8):off + 8]!r}) is not accounted for")
            continue
        rtok, cov = rows[off]
        if rtok != tok:
            err(path.name, f"row {off}: token {rtok!r}, seed has {tok!r}")
        if cov.startswith("target:"):
            ids = re.findall(r"`([a-z0-9_]+)`", cov.split("—")[0])
            if not ids:
                err(path.name, f"row {off}: 'target:' names no `id`")
            for tid in ids:
                t = targets.get(tid)
                if t is None:
                    err(path.name, f"row {off}: unknown target {tid!r}")
                    continue
                a, b = t["source"]["span"]
                if not a <= off < b:
                    err(path.name, f"row {off}: outside the span [{a}, {b}) of target {tid}")
                mapped.setdefault(tid, []).append(num_value(tok))
        elif not (cov.startswith("not a target:") and len(cov) > len("not a target:") + 3):
            err(path.name, f"row {off}: coverage must be 'target: `id`' or 'not a target: <reason>'")
    for off in set(rows) - set(found):
        err(path.name, f"row {off} matches no number occurrence of the seed")
    for tid, t in targets.items():
        if f"`{tid}`" not in text:
            err(path.name, f"target {tid} is not in the checklist")
        pc = t.get("_cond")
        if pc and pc["form"] in ("cmp", "range"):
            for v in pc["values"]:
                if v not in mapped.get(tid, []):
                    err(path.name, f"target {tid}: condition value {v} is not a number mapped to it")
    return len(found)


def main(argv: list[str]) -> int:
    seed_path = find_seed(argv)
    raw = seed_path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != SEED_SHA256:
        sys.exit(f"{seed_path}: SHA-256 differs from the seed this dataset was built on")
    seed = raw.decode("utf-8")
    p2, _p3, heads = sections(seed)
    with (HERE / "plan.toml").open("rb") as f:
        plan = tomllib.load(f)
    inds, targets = check_plan(plan, seed, p2, heads)
    obs = check_observations(HERE / "observations.csv", inds, seed)
    with (HERE / "evidence.toml").open("rb") as f:
        ev = tomllib.load(f)
    sources = evidence.check_sources(ev, "evidence.toml", err)
    n_fig, backed = evidence.check_figures(ev, sources, obs, "evidence.toml", err)
    unverified = 0
    for i, o in enumerate(obs):
        if o["source"].startswith(SEED_DOC) or i in backed:
            continue
        why = UNVERIFIED_ROWS.get((o["indicator"], o["period"], o["value"]))
        if why is None:
            err(f"observations.csv row {i + 2}", "a URL source needs a quote in evidence.toml "
                                                 "(or an entry in UNVERIFIED_ROWS with the reason)")
        else:
            unverified += 1
            notes.append(f"unverified: {o['indicator']} {o['period']} = {o['value']}: {why}")
    stale = set(UNVERIFIED_ROWS) - {(o["indicator"], o["period"], o["value"]) for o in obs}
    for k in sorted(stale):
        err("UNVERIFIED_ROWS", f"{k} matches no observation")
    n_tokens = check_checklist(HERE / "CHECKLIST.md", seed, p2, targets)

    if errors:
        print(f"{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    kinds = {}
    for t in targets.values():
        k = inds[t["indicator"]]["kind"]
        kinds[k] = kinds.get(k, 0) + 1
    miles = sum(1 for t in targets.values() if inds[t["indicator"]]["measure"] == "milestone")
    stretch = sum(1 for t in targets.values() if t.get("tier") == "stretch")
    print(f"OK: seed {seed_path}")
    print(f"  indicators {len(inds)}, targets {len(targets)} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}; "
          f"milestones {miles}; stretch {stretch})")
    print(f"  observations {len(obs)} ({sum(o['source'].startswith(SEED_DOC) for o in obs)} from the seed by span, "
          f"{len(backed)} backed by {n_fig} evidence quotes, {unverified} unverified); checklist covers "
          f"{n_tokens} number occurrences in parts 二 and 三")
    for n in notes:
        print("  note: " + n)
    for u, why in EXTRA_UNITS.items():
        if any(d.get("unit") == u for d in inds.values()):
            print(f"  note: unit {u!r} is outside the basic unit list ({why})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
