"""Run the tools a Python user would reach for on the seed report, time them, and
score them on the hand-checked gold file (tests/gold/seed.jsonl): which gold values
each recovers exactly, and which numerals that must produce nothing it reads anyway.

Peers:
  * cn2an.transform(text, "cn2an"): rewrites Chinese numerals in running text as
    Arabic ones. No units, no spans, no magnitudes after Arabic digits.
  * Microsoft Recognizers-Text, Python port (recognizers-text-suite), Chinese
    NumberWithUnit: the currency, dimension, age and temperature models.

Usage (from the repo root):
    python3 -m venv /tmp/peers
    /tmp/peers/bin/pip install cn2an recognizers-text-suite "emoji<2"
    /tmp/peers/bin/python benches/peers/extract_peers.py

planwatch's own speed on the same text: `cargo bench -p planwatch --bench extract`.
The figures and the comparison are in BENCHMARKS.md ("## Extraction").
"""

import json
import re
import sys
import time
import warnings
from decimal import Decimal, InvalidOperation
from pathlib import Path

import cn2an
from recognizers_number_with_unit import NumberWithUnitRecognizer
from recognizers_text import Culture

warnings.filterwarnings("ignore")  # cn2an warns on every numeral it cannot read

ROOT = Path(__file__).resolve().parents[2]
TEXT = (ROOT / "core/data/nanshan-2024/report.txt").read_text("utf-8")
GOLD = [json.loads(l) for l in (ROOT / "tests/gold/seed.jsonl").read_text("utf-8").splitlines() if l.strip()]
EXCLUDED = [json.loads(l) for l in (ROOT / "tests/gold/seed_excluded.jsonl").read_text("utf-8").splitlines() if l.strip()]

# Recognizers' unit names -> (gold base unit, factor).
RT_UNITS = {
    "Chinese yuan": ("元", 1),
    "Kilometer": ("米", 1000),
    "Meter": ("米", 1),
    "Square meter": ("平方米", 1),
    "Square kilometer": ("平方米", 10**6),
    "Hectare": ("公顷", 1),
    "Ton": ("吨", 1),
    "Kilogram": ("吨", Decimal("0.001")),
    "Year": ("岁", 1),
    "Mu": ("亩", 1),
}


def timed(fn, text, rounds):
    t0 = time.perf_counter()
    for _ in range(rounds):
        fn(text)
    dt = (time.perf_counter() - t0) / rounds
    return dt, len(text.encode("utf-8")) / dt / 1e6


def recognizers_models():
    r = NumberWithUnitRecognizer(Culture.Chinese)
    return [
        ("currency", r.get_currency_model(Culture.Chinese)),
        ("dimension", r.get_dimension_model(Culture.Chinese)),
        ("age", r.get_age_model(Culture.Chinese)),
        ("temperature", r.get_temperature_model(Culture.Chinese)),
    ]


def run_recognizers(models, text):
    out = []
    for name, m in models:
        for e in m.parse(text):
            out.append((name, e.start, e.end + 1, e.text, e.resolution or {}))
    return out


def dec(s):
    try:
        return Decimal(str(s))
    except (InvalidOperation, TypeError, ValueError):
        return None


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score_recognizers(entities):
    recovered, wrong = [], []
    for g in GOLD:
        hits = [e for e in entities if overlaps((e[1], e[2]), g["span"])]
        ok = False
        for _, _, _, txt, res in hits:
            unit, factor = RT_UNITS.get(res.get("unit"), (None, 1))
            v = dec(res.get("value"))
            if v is not None and unit == g["unit"] and g["value"] is not None and v * factor == Decimal(g["value"]):
                ok = True
        if ok:
            recovered.append(g)
        elif hits:
            wrong.append((g["indicator"], TEXT[g["span"][0]:g["span"][1]], g["value"], g["unit"], [(h[3], h[4]) for h in hits]))
    on_excluded = [
        (x["text"], x["rule"], e[3], e[4])
        for x in EXCLUDED
        for e in entities
        if overlaps((e[1], e[2]), x["span"])
    ]
    unmatched = [e for e in entities if not any(overlaps((e[1], e[2]), g["span"]) for g in GOLD)]
    return recovered, wrong, on_excluded, unmatched


NUM = re.compile(r"-?\d+(?:\.\d+)?")


def score_cn2an():
    """cn2an has no spans: give it each gold number expression as written and check
    that what comes back is the exact value in the gold unit (the most generous test
    possible for a numeral converter)."""
    recovered, wrong = [], []
    for g in GOLD:
        if g["value"] is None:
            continue
        expr = TEXT[g["span"][0]:g["span"][1]]
        out = cn2an.transform(expr, "cn2an")
        m = NUM.search(out.replace(" ", "").replace(",", ""))
        got = dec(m.group(0)) if m else None
        if got is not None and got == Decimal(g["value"]):
            recovered.append(g)
        else:
            wrong.append((expr, out, g["value"], g["unit"]))
    # Names, ordinals and words it rewrites anyway (the numerals must stay as they are).
    rewritten = []
    for x in EXCLUDED:
        s, e = x["span"]
        ctx = TEXT[max(0, s - 4):e + 4]
        out = cn2an.transform(ctx, "cn2an")
        chinese = re.search(r"[零〇一二两三四五六七八九十百千万亿]", x["text"])
        if chinese and out.count(x["text"]) < ctx.count(x["text"]):
            rewritten.append((x["text"], x["rule"], ctx.replace("\n", "⏎"), out.replace("\n", "⏎")))
    return recovered, wrong, rewritten


def nontrivial(g):
    """A gold number expression that is not already the value in Arabic digits: it has
    a magnitude word, Chinese numerals, 成 or a rank."""
    expr = TEXT[g["span"][0]:g["span"][1]]
    return bool(re.search(r"[零〇一二两三四五六七八九十百千万亿成第]", expr))


def main():
    rounds_small = 3
    text10 = TEXT * 10
    cn_dt1, cn_mbs1 = timed(lambda t: cn2an.transform(t, "cn2an"), TEXT, rounds_small)
    cn_dt10, cn_mbs10 = timed(lambda t: cn2an.transform(t, "cn2an"), text10, 1)
    models = recognizers_models()
    rt_dt1, rt_mbs1 = timed(lambda t: run_recognizers(models, t), TEXT, 1)
    rt_dt10 = rt_mbs10 = None
    if "--x10" in sys.argv:
        rt_dt10, rt_mbs10 = timed(lambda t: run_recognizers(models, t), text10, 1)

    entities = run_recognizers(models, TEXT)
    rt_rec, rt_wrong, rt_excl, rt_unmatched = score_recognizers(entities)
    cn_rec, cn_wrong, cn_rewritten = score_cn2an()
    n = len(GOLD)
    report = {
        "text_bytes": len(TEXT.encode("utf-8")),
        "gold_findings": n,
        "cn2an": {
            "seconds_x1": round(cn_dt1, 4),
            "MB_per_s_x1": round(cn_mbs1, 3),
            "seconds_x10": round(cn_dt10, 4),
            "MB_per_s_x10": round(cn_mbs10, 3),
            "gold_values_recovered": len(cn_rec),
            "gold_values_recovered_share": round(len(cn_rec) / n, 3),
            "nontrivial_gold": sum(nontrivial(g) for g in GOLD),
            "nontrivial_recovered": sum(nontrivial(g) for g in cn_rec),
            "examples_wrong": cn_wrong[:12],
            "excluded_numerals_rewritten": len(cn_rewritten),
            "examples_rewritten": cn_rewritten[:12],
        },
        "recognizers_number_with_unit_zh": {
            "seconds_x1": round(rt_dt1, 4),
            "MB_per_s_x1": round(rt_mbs1, 4),
            "seconds_x10": rt_dt10 and round(rt_dt10, 3),
            "MB_per_s_x10": rt_mbs10 and round(rt_mbs10, 4),
            "entities": len(entities),
            "gold_values_recovered": len(rt_rec),
            "gold_values_recovered_share": round(len(rt_rec) / n, 3),
            "nontrivial_recovered": sum(nontrivial(g) for g in rt_rec),
            "gold_with_an_entity_but_wrong_value": rt_wrong[:12],
            "entities_on_excluded_numerals": rt_excl[:12],
            "entities_on_excluded_count": len(rt_excl),
            "entities_matching_no_gold_finding": [(e[0], e[3], e[4]) for e in rt_unmatched][:12],
            "entities_matching_no_gold_finding_count": len(rt_unmatched),
        },
    }
    print(json.dumps(report, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    main()
