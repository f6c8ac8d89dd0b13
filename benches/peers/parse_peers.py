"""Parse the number phrases of the seed report with cn2an, the peer a Python user
would reach for, and compare speed and exactness with planwatch.

Usage (from the repo root):
    cargo build --release --example quantity
    python3 -m venv /tmp/bench-venv && /tmp/bench-venv/bin/pip install cn2an
    /tmp/bench-venv/bin/python benches/peers/parse_peers.py

planwatch's own speed on the same phrases: `cargo bench -p planwatch --bench parse`.
"""

import json
import re
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import cn2an

ROOT = Path(__file__).resolve().parents[2]
PHRASES = [l for l in (ROOT / "core/benches/data/seed_phrases.txt").read_text("utf-8").splitlines() if l]
EXAMPLE = ROOT / "target/release/examples/quantity"

# cn2an parses numerals only: give it the phrase without its unit (and without the
# spaces PDF extraction leaves), which is less work than planwatch does.
NUMERAL = re.compile(r"^[\d.,\s]+(?:万亿|亿|万)?")


def numeral_part(p: str) -> str:
    m = NUMERAL.match(p)
    return re.sub(r"\s+", "", m.group(0)) if m else p


def planwatch_values():
    out = []
    for p in PHRASES:
        r = subprocess.run([str(EXAMPLE), p], capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"planwatch failed on {p!r}: {r.stderr}")
        info = json.loads(r.stdout)
        # The value in the phrase's magnitude-free unit: 590 亿元 -> 59000000000 元;
        # a unit with its own scale (公里) keeps its number.
        out.append(Decimal(info["value"]))
    return out


# Harder forms from planwatch's table (core/tests/quantity_table.rs), numeral part only,
# with the exact value planwatch gives.
HARD = [
    ("1万2千", "12000"), ("3万4000", "34000"), ("1,100万", "11000000"), ("１２", "12"),
    ("１．５万", "15000"), ("兩萬", "20000"), ("一千零五", "1005"), ("二〇二四", "2024"),
    ("三点五亿", "350000000"), ("两万五", "25000"), ("1万2", "12000"), ("1. 6万", "16000"),
    ("3.46 万亿", "3460000000000"), ("百分之三十五", "35"), ("负3", "-3"),
    ("一万五千亿", "1500000000000"), ("二十万亿", "20000000000000"), ("十五", "15"),
    ("一百二十", "120"), ("590億", "59000000000"), ("16.4亿", "1640000000"),
]


def main():
    ours = planwatch_values()
    inputs = [numeral_part(p) for p in PHRASES]
    wrong, errors = [], []
    for p, s, want in zip(PHRASES, inputs, ours):
        try:
            got = cn2an.cn2an(s, "smart")
        except Exception as e:  # cn2an raises ValueError-like errors on what it can't read
            errors.append((p, str(e)[:60]))
            continue
        if Decimal(str(got)) != want:
            wrong.append((p, got, str(want)))
    hard_wrong = []
    for s, want in HARD:
        try:
            got = cn2an.cn2an(s, "smart")
            ok = Decimal(str(got)) == Decimal(want)
        except Exception as e:
            got, ok = f"error: {str(e)[:40]}", False
        if not ok:
            hard_wrong.append((s, want, got))
    # Speed: every phrase, repeated.
    rounds = 50
    t0 = time.perf_counter()
    for _ in range(rounds):
        for s in inputs:
            try:
                cn2an.cn2an(s, "smart")
            except Exception:
                pass
    dt = time.perf_counter() - t0
    per_phrase_us = dt / (rounds * len(inputs)) * 1e6
    print(json.dumps({
        "phrases": len(PHRASES),
        "cn2an_us_per_phrase": round(per_phrase_us, 2),
        "cn2an_phrases_per_s": round(1e6 / per_phrase_us),
        "cn2an_wrong": wrong,
        "cn2an_errors": errors,
        "hard_forms": len(HARD),
        "cn2an_hard_wrong": hard_wrong,
        "naive_float_16_4_yi": int(float("16.4") * 1e8),
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
