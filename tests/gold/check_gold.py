#!/usr/bin/env python3
"""Validates tests/gold/seed.jsonl (and seed_excluded.jsonl) against the seed text.

Checks, for every finding:
  * exactly the documented keys, with the documented types and vocabularies;
  * text[indicator_span] == indicator, text[span] is a number expression whose
    value and unit, re-derived here independently, equal `value` / `unit`;
  * the sentence is verbatim in the text and contains both spans;
  * actuals lie in part 一, targets in parts 二/三;
  * no two findings share or overlap a span;
  * markers agree: stretch ⇔ 力争/争取/努力 before the number in its sentence,
    cumulative ⇒ 累计 before it, `by` occurs before it in its 。-sentence.
Then lists every numeral occurrence of the text (Arabic digit runs, Chinese
numeral runs, Roman numerals) covered neither by a gold span nor by an entry
of seed_excluded.jsonl.  Exit status 0 only if nothing is wrong or uncovered.

Usage: python3 tests/gold/check_gold.py [seed.txt] [seed.jsonl] [seed_excluded.jsonl]
"""
import json
import os
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
SEED = args[0] if len(args) > 0 else "/work/shared/seeds/000_e2dc67d99fd687ff.txt"
GOLD = args[1] if len(args) > 1 else os.path.join(HERE, "seed.jsonl")
EXCL = args[2] if len(args) > 2 else os.path.join(HERE, "seed_excluded.jsonl")
if not os.path.exists(SEED):
    alt = os.path.join(HERE, "..", "000_e2dc67d99fd687ff.txt")
    SEED = alt if os.path.exists(alt) else SEED
TEXT = open(SEED, encoding="utf-8").read()

P1 = TEXT.index("一、2023年国民经济")
P2 = TEXT.index("二、2024年经济社会发展总体思路")
P3 = TEXT.index("三、2024 年经济社会发展主要任务")

KEYS = {"status", "indicator", "indicator_span", "span", "measure", "op", "value",
        "value_hi", "unit", "stretch", "by", "cumulative", "sentence"}
MEASURES = {"growth", "level", "share", "change", "count", "rank", "ratio"}
OPS = {">=", ">", "<=", "<", "=", "~", "between", "reference"}
RULES = {"year", "date", "ordinal", "name", "word", "indefinite", "structure",
         "denominator", "criterion", "streak", "milestone"}

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
            "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
MAG = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
# unit as written -> (base unit, factor)
UNITS = {"元": ("元", 1), "人": ("人", 1), "名": ("人", 1), "位": ("人", 1),
         "公里": ("米", 1000), "千米": ("米", 1000), "米": ("米", 1),
         "平方千米": ("平方米", 10**6), "平方公里": ("平方米", 10**6),
         "兆瓦": ("瓦", 10**6), "千瓦": ("瓦", 1000), "瓦": ("瓦", 1),
         "成": ("%", 10), "％": ("%", 1), "套（间）": ("套", 1)}

errors = []


def err(i, msg):
    errors.append(f"line {i}: {msg}")


def cn_int(s):
    """Chinese numeral below 10 000 (enough for counts written in words)."""
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIGIT:
            cur = CN_DIGIT[ch]
        elif ch in CN_UNIT:
            total += (cur or 1) * CN_UNIT[ch]
            cur = 0
        else:
            raise ValueError(s)
    return total + cur


NUM = r"(?:[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)"


def parse_expr(expr):
    """'1.5 万人' -> (Decimal('15000'), '人', None); ranges give value_hi."""
    m = re.fullmatch(r"第([一二三四五六七八九十]+)", expr)
    if m:
        return Decimal(cn_int(m.group(1))), "名次", None
    # 首位 / 榜首 after a ranking verb: first place.
    if expr in ("首位", "榜首"):
        return Decimal(1), "名次", None
    m = re.fullmatch(rf"({NUM})(?:\s*[-~至到]\s*({NUM}))?\s*([十百千万亿]*)\s*(?:余|多)?\s*(\S.*)?", expr, re.S)
    if not m:
        raise ValueError(f"not a number expression: {expr!r}")

    def num(s):
        return Decimal(s) if re.match(r"[0-9]", s) else Decimal(cn_int(s))

    lo = num(m.group(1))
    hi = num(m.group(2)) if m.group(2) else None
    mag = 1
    for ch in m.group(3):
        mag *= MAG[ch]
    unit = re.sub(r"\s+", "", m.group(4) or "")
    unit = re.sub(r"^(?:余|多)", "", unit)
    base, factor = UNITS.get(unit, (unit, 1))
    lo = lo * mag * factor
    hi = hi * mag * factor if hi is not None else None
    return lo, base, hi


def canon(d):
    s = format(d.normalize(), "f")
    return s


def sentence_hits(sentence, s, e):
    p = TEXT.find(sentence)
    while p >= 0:
        if p <= s and e <= p + len(sentence):
            return p
        p = TEXT.find(sentence, p + 1)
    return None


def check_gold():
    rows = []
    with open(GOLD, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                err(i, "empty line")
                continue
            try:
                f = json.loads(line)
            except json.JSONDecodeError as ex:
                err(i, f"bad JSON: {ex}")
                continue
            rows.append((i, f))
    for i, f in rows:
        if set(f) != KEYS:
            err(i, f"keys differ: missing {KEYS - set(f)}, extra {set(f) - KEYS}")
            continue
        if f["status"] not in ("target", "actual"):
            err(i, f"bad status {f['status']!r}")
        if not isinstance(f["indicator"], str) or not f["indicator"]:
            err(i, "indicator must be a non-empty string")
        for k in ("indicator_span", "span"):
            v = f[k]
            if not (isinstance(v, list) and len(v) == 2 and all(type(x) is int for x in v)
                    and 0 <= v[0] < v[1] <= len(TEXT)):
                err(i, f"{k} must be [start, end) within the text")
        if f["measure"] not in MEASURES:
            err(i, f"bad measure {f['measure']!r}")
        if f["op"] not in OPS:
            err(i, f"bad op {f['op']!r}")
        for k in ("stretch", "cumulative"):
            if type(f[k]) is not bool:
                err(i, f"{k} must be a boolean")
        if f["by"] is not None and not isinstance(f["by"], str):
            err(i, "by must be a string or null")
        if not isinstance(f["sentence"], str):
            err(i, "sentence must be a string")
        if errors and errors[-1].startswith(f"line {i}:"):
            continue

        s, e = f["span"]
        a, b = f["indicator_span"]
        expr = TEXT[s:e]
        if TEXT[a:b] != f["indicator"]:
            err(i, f"text[indicator_span] = {TEXT[a:b]!r} != {f['indicator']!r}")
        # section
        if f["status"] == "actual" and not (P1 <= s < P2):
            err(i, "actual outside part 一")
        if f["status"] == "target" and not (P2 <= s):
            err(i, "target outside parts 二/三")
        # sentence
        p = sentence_hits(f["sentence"], s, e)
        if p is None:
            err(i, "sentence not verbatim in the text around the span")
        else:
            if not (p <= a and b <= p + len(f["sentence"])):
                err(i, "indicator_span outside the sentence")
            if not f["sentence"].endswith("。"):
                err(i, "sentence does not end with 。")
        # value / unit
        if f["op"] == "reference":
            if f["value"] is not None or f["value_hi"] is not None:
                err(i, "reference must have null value and value_hi")
            if re.search(r"[0-9]", expr):
                err(i, "reference span contains digits")
        else:
            for k in ("value",) + (("value_hi",) if f["op"] == "between" else ()):
                v = f[k]
                if not isinstance(v, str) or not re.fullmatch(r"-?[0-9]+(?:\.[0-9]*[1-9])?", v):
                    err(i, f"{k} {v!r} is not a canonical decimal string")
            if f["op"] != "between" and f["value_hi"] is not None:
                err(i, "value_hi must be null unless op is between")
            if not isinstance(f["unit"], str) or not f["unit"]:
                err(i, "unit must be a non-empty string")
            first_place = expr in ("首位", "榜首")
            if not first_place and (not re.match(r"[0-9一二两三四五六七八九十第]", expr) or not re.search(r"[0-9一二两三四五六七八九十]", expr)):
                err(i, f"span {expr!r} does not start with the number")
            try:
                lo, unit, hi = parse_expr(expr)
                if canon(lo) != f["value"]:
                    err(i, f"value {f['value']} != {canon(lo)} parsed from {expr!r}")
                if unit != f["unit"]:
                    err(i, f"unit {f['unit']!r} != {unit!r} parsed from {expr!r}")
                if (hi is not None) != (f["op"] == "between"):
                    err(i, f"range in {expr!r} and op {f['op']} disagree")
                if hi is not None and canon(hi) != f["value_hi"]:
                    err(i, f"value_hi {f['value_hi']} != {canon(hi)}")
            except (ValueError, KeyError) as ex:
                err(i, f"cannot parse {expr!r}: {ex}")
        # markers (within the 。-sentence before the number)
        q = max(TEXT.rfind("。", 0, s), TEXT.rfind("\n- ", 0, s))
        before = TEXT[q + 1:s].replace("\n", "")
        local = before[max(before.rfind("；"), before.rfind("，")) + 1:]
        if f["stretch"] != bool(re.search(r"力争|争取|努力", before)):
            err(i, f"stretch={f['stretch']} but 力争/争取/努力 {'absent' if f['stretch'] else 'present'} before the number")
        if f["cumulative"] and "累计" not in before:
            err(i, "cumulative without 累计 before the number")
        if f["by"] is not None and f["by"] not in before:
            err(i, f"by {f['by']!r} not found before the number in its sentence")
        if f["op"] == "~" and not (re.search(r"约|近", local) or "左右" in TEXT[e:e + 4]):
            err(i, "op ~ without 约/近 before or 左右 after the number")
        if f["op"] == ">" and not (re.search(r"超|突破|逾", local) or re.search(r"余|多", expr)):
            err(i, "op > without 超/超过/突破/逾 before the number or 余/多 in it")
        if f["op"] == ">=" and f["status"] == "actual" and not re.search(r"以上", TEXT[e:e + 3]):
            err(i, "actual with op >= but no 以上 after the number")
    # duplicates / overlaps
    spans = sorted((f["span"][0], f["span"][1], i) for i, f in rows if set(f) == KEYS)
    for (s1, e1, i1), (s2, e2, i2) in zip(spans, spans[1:]):
        if s2 < e1:
            errors.append(f"lines {i1} and {i2}: spans overlap or repeat")
    return [f for _, f in rows if set(f) == KEYS]


NUMRE = re.compile(r"[0-9０-９]+(?:\.[0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿半]+|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+")


def check_coverage(findings):
    gold = [tuple(f["span"]) for f in findings]
    excl = {}
    with open(EXCL, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            x = json.loads(line)
            if set(x) != {"span", "text", "rule"}:
                errors.append(f"excluded line {i}: keys must be span, text, rule")
                continue
            s, e = x["span"]
            if TEXT[s:e] != x["text"]:
                errors.append(f"excluded line {i}: text[span] = {TEXT[s:e]!r} != {x['text']!r}")
            if x["rule"] not in RULES:
                errors.append(f"excluded line {i}: unknown rule {x['rule']!r}")
            if any(a < e and s < b for a, b in gold):
                errors.append(f"excluded line {i}: overlaps a gold span")
            if (s, e) in excl:
                errors.append(f"excluded line {i}: duplicate")
            excl[(s, e)] = x["rule"]
    occ = [(m.start(), m.end()) for m in NUMRE.finditer(TEXT)]
    occset = set(occ)
    for k in excl:
        if k not in occset:
            errors.append(f"excluded {k}: not a numeral occurrence of the text")
    uncovered = []
    for s, e in occ:
        if any(a <= s and e <= b for a, b in gold):
            continue
        if any(a < e and s < b for a, b in gold):
            errors.append(f"numeral {TEXT[s:e]!r} at {s} straddles a gold span")
            continue
        if (s, e) not in excl:
            uncovered.append((s, e))
    for s, e in uncovered:
        print(f"UNCOVERED {s}-{e} {TEXT[s:e]!r} in {TEXT[max(0, s - 12):e + 12]!r}")
    return len(occ), len(excl), uncovered


def main():
    findings = check_gold()
    nocc, nexcl, uncovered = check_coverage(findings)
    for x in errors:
        print("ERROR", x)
    nt = sum(f["status"] == "target" for f in findings)
    print(f"{len(findings)} findings ({nt} targets, {len(findings) - nt} actuals); "
          f"{nocc} numeral occurrences, {nexcl} excluded, {len(uncovered)} uncovered, {len(errors)} errors")
    return 0 if not errors and not uncovered else 1


if __name__ == "__main__":
    sys.exit(main())
