"""Checks of a dataset's evidence file (shared by the check_data.py scripts of the datasets).

An evidence file (evidence.toml) keeps, for every figure of a dataset that is not in a text stored in the
repo, a short verbatim excerpt of the text it was read from:

  [[source]]  id, title, publisher, url ("" when the stored copy had no address), published (the
              document's date, the vintage of its figures; "" when unknown: such a source may back a
              plan quote but no observation), note, excerpt.
  [[figure]]  indicator, period, value, unit, source (a source id), quote (words of the excerpt).

check_evidence() verifies that every quote occurs in its source's excerpt (whitespace ignored), that every
figure's value occurs in its quote as a number (a negative value as a fall: 下降/降低/减 in the quote),
and that the observation rows and the figures match one to one: same indicator, period, value and unit, row
source = the source's url, row vintage = the source's `published`. Python >= 3.11, stdlib only.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

SOURCE_KEYS = {"id", "title", "publisher", "url", "published", "note", "excerpt"}
SOURCE_REQUIRED = {"id", "title", "publisher", "url", "published", "excerpt"}
FIGURE_KEYS = {"indicator", "period", "value", "unit", "source", "quote"}
FIGURE_OPTIONAL = {"status"}  # e.g. "final" for a figure of a final verification; otherwise by publisher
FALL_WORDS = ("下降", "降低", "減", "减", "降")


def squash(text: str) -> str:
    """Text without any whitespace, for comparisons that ignore line breaks and spaces."""
    return re.sub(r"\s+", "", text)


def valid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False


def number_in(value: str, quote: str) -> bool:
    """True when `value` (e.g. '5.0', '-2.7', '67.00') is written in `quote` as a whole number."""
    v = value.lstrip("-−")
    digits = squash(quote).replace("．", ".")
    for m in re.finditer(re.escape(v), digits):
        before = digits[m.start() - 1] if m.start() > 0 else ""
        after = digits[m.end()] if m.end() < len(digits) else ""
        if (before.isdigit() or before == ".") or after.isdigit() or (after == "." and
                                                                      m.end() + 1 < len(digits) and
                                                                      digits[m.end() + 1].isdigit()):
            continue
        if value.startswith(("-", "−")) and not any(w in quote for w in FALL_WORDS):
            return False
        return True
    return False


def check_sources(ev: dict, where: str, err: Callable[[str, str], None]) -> dict[str, dict]:
    sources: dict[str, dict] = {}
    for n, s in enumerate(ev.get("source", []), 1):
        w = f"{where} source #{n} ({s.get('id', '?')})"
        for k in set(s) - SOURCE_KEYS:
            err(w, f"unknown key {k!r}")
        for k in SOURCE_REQUIRED - set(s):
            err(w, f"missing key {k!r}")
        sid = s.get("id", "")
        if sid in sources:
            err(w, "duplicate source id")
        sources[sid] = s
        if s.get("published") and not valid_date(s["published"]):
            err(w, f"published {s['published']!r} is not a date")
        url = s.get("url", "")
        if url and not re.fullmatch(r"https?://\S+", url):
            err(w, f"url {url!r} is not an http(s) address")
        if not squash(s.get("excerpt", "")):
            err(w, "empty excerpt")
        if len(s.get("excerpt", "")) > 1200:
            err(w, "excerpt longer than 1200 characters: keep only the passage that backs the figures")
    return sources


def quote_in_source(quote: str, sid: str, sources: dict[str, dict]) -> str | None:
    """None when the quote occurs in the excerpt of source `sid`; otherwise the problem."""
    s = sources.get(sid)
    if s is None:
        return f"source {sid!r} is not in the evidence file"
    if not squash(quote):
        return "empty quote"
    if squash(quote) not in squash(s.get("excerpt", "")):
        return f"quote {quote!r} does not occur in the excerpt of {sid!r}"
    return None


def check_figures(ev: dict, sources: dict[str, dict], rows: list[dict], where: str,
                  err: Callable[[str, str], None]) -> tuple[int, set[int]]:
    """Matches figures with observation rows; returns (figures checked, indexes of rows backed)."""
    backed: set[int] = set()
    used_sources: set[str] = set()
    for n, f in enumerate(ev.get("figure", []), 1):
        w = f"{where} figure #{n} ({f.get('indicator', '?')} {f.get('period', '?')})"
        for k in set(f) - FIGURE_KEYS - FIGURE_OPTIONAL:
            err(w, f"unknown key {k!r}")
        for k in FIGURE_KEYS - set(f):
            err(w, f"missing key {k!r}")
        sid = f.get("source", "")
        problem = quote_in_source(f.get("quote", ""), sid, sources)
        if problem:
            err(w, problem)
            continue
        used_sources.add(sid)
        s = sources[sid]
        if not number_in(str(f.get("value", "")), f.get("quote", "")):
            err(w, f"value {f.get('value')!r} is not written in the quote {f.get('quote')!r}")
        if not s.get("published"):
            err(w, f"source {sid!r} has no publication date, so it cannot give a vintage")
        if not s.get("url"):
            err(w, f"source {sid!r} has no address, so an observation cannot name it")
        matches = [i for i, r in enumerate(rows)
                   if (r["indicator"], r["period"], r["value"], r["unit"]) ==
                   (f.get("indicator"), f.get("period"), f.get("value"), f.get("unit"))
                   and r["source"] == s.get("url") and r["vintage"] == s.get("published")
                   and ("status" not in f or r.get("status") == f["status"])]
        if len(matches) != 1:
            err(w, f"{len(matches)} observation rows match this figure (same indicator, period, value, unit; "
                   f"source = {s.get('url')!r}; vintage = {s.get('published')!r}); expected 1")
        backed.update(matches)
    return len(ev.get("figure", [])), backed
