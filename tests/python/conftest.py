"""Shared fixtures of the Python suite, which runs against the installed planwatch."""

from __future__ import annotations

from pathlib import Path

import pytest

import planwatch

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def nanshan_plan() -> planwatch.Plan:
    return planwatch.Plan.builtin("nanshan-2024")


@pytest.fixture(scope="session")
def nanshan_observations() -> planwatch.Observations:
    return planwatch.Observations.builtin("nanshan-2024")


DEMO_TOML = """\
[plan]
id = "demo"
period = "2024"

[[indicator]]
id = "new_jobs"
name = { zh = "新增就业人数", en = "New urban jobs" }
unit = "人"
kind = "binding"
flow = true

[[indicator]]
id = "rd_spending"
name = { zh = "全社会研发投入", en = "R&D spending" }
unit = "亿元"

[[target]]
indicator = "new_jobs"
condition = ">= 1.5万人"

[[target]]
indicator = "rd_spending"
condition = "> 590亿元"
"""

DEMO_CSV = "indicator,period,value,unit\nnew_jobs,2024,18746,人\nrd_spending,2024,589.9,亿元\n"


@pytest.fixture
def demo_plan() -> planwatch.Plan:
    return planwatch.Plan.from_toml(DEMO_TOML)


@pytest.fixture
def demo_observations() -> planwatch.Observations:
    return planwatch.Observations.from_csv(DEMO_CSV)
