"""National-scale data for planwatch: every county's yearly plan and five years of releases.

Deterministic from a seed: the same arguments write the same bytes. Writes Parquet
(pyarrow) so the bare call, Dask and Spark read the same files:

    OUT/plans.parquet                 plan_id, jurisdiction, province, year, toml
    OUT/observations/YEAR.parquet     indicator, period, value, unit, status, vintage,
                                      source, jurisdiction   (every column a string;
                                      values are exact decimal text)

Shape (after the built-in china-14fyp plan, scaled to counties):

* 2,850 jurisdictions in 31 provinces; per jurisdiction one plan per year (about 80
  targets: growth floors and ~ targets, level floors in 亿元, stretch tiers (力争),
  half-year 双过半 milestones on levels, ceilings on lower-is-better rates, binding
  reductions, shares and stocks, and ``ref:`` targets bound to another indicator of the
  plan or to the national figure) and one five-year plan (2021..2025: cumulative
  totals, end-of-period shares and stocks, binding multi-year reductions).
* Monthly year-to-date releases and single-month figures of every money series and its
  growth (GDP quarterly), each published preliminary and then final a month later; each
  release repeats last year's same period as a revised figure; a share of figures are
  published late (final only, months after) or revised again.
* Money as offices publish it: a county publishes in 亿元 or in 万元 (the plan is in 亿元),
  new jobs in 人 or 万人.
* National figures (``national_gdp_growth``) have no jurisdiction: every plan sees them.

Usage:
    python benches/scale/generate.py OUT                # 2,850 jurisdictions, 2021-2025
    python benches/scale/generate.py OUT --sample       # 40 jurisdictions, 2024-2025
    python benches/scale/generate.py OUT --jurisdictions 300 --years 2025
"""

from __future__ import annotations

import argparse
import hashlib
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterator

PROVINCES = (
    "北京市 天津市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 上海市 江苏省 浙江省 安徽省 福建省 "
    "江西省 山东省 河南省 湖北省 湖南省 广东省 广西壮族自治区 海南省 重庆市 四川省 贵州省 云南省 "
    "西藏自治区 陕西省 甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区"
).split()

# Money series: (id, 中文, share of GDP for the yearly level, expected growth %).
MONEY = (
    ("gdp", "地区生产总值", 1.0, 5.5),
    ("industrial_va", "规模以上工业增加值", 0.32, 6.0),
    ("fai", "固定资产投资", 0.55, 6.5),
    ("retail_sales", "社会消费品零售总额", 0.42, 6.0),
    ("exports", "出口总额", 0.18, 5.0),
    ("imports", "进口总额", 0.12, 4.0),
    ("fiscal_revenue", "一般公共预算收入", 0.08, 5.0),
    ("tax_revenue", "税收收入", 0.06, 5.0),
    ("tourism_revenue", "旅游总收入", 0.10, 8.0),
    ("services_revenue", "规模以上服务业营业收入", 0.25, 7.0),
    ("industrial_output", "规模以上工业总产值", 1.1, 6.0),
    ("construction_output", "建筑业总产值", 0.30, 5.0),
    ("wholesale_sales", "限额以上批发业销售额", 0.60, 6.0),
    ("catering_revenue", "限额以上住宿餐饮业营业额", 0.04, 7.0),
    ("online_retail", "网上零售额", 0.09, 9.0),
    ("loans_new", "新增人民币贷款", 0.20, 6.0),
    ("rd_spending", "研究与试验发展经费", 0.022, 8.0),
    ("agri_output", "农林牧渔业总产值", 0.15, 3.5),
    ("real_estate_investment", "房地产开发投资", 0.12, 1.0),
    ("industrial_investment", "工业投资", 0.18, 8.0),
    ("infrastructure_investment", "基础设施投资", 0.14, 7.0),
    ("private_investment", "民间投资", 0.25, 5.0),
    ("foreign_investment", "实际使用外资", 0.02, 4.0),
    ("nontax_revenue", "非税收入", 0.02, 3.0),
)
# Stretch tiers (力争) on the growth of these.
STRETCH = {m[0] for m in MONEY[:14]}
# Half-year 双过半 targets on these levels.
HALF_YEAR = ("gdp", "fai", "retail_sales", "fiscal_revenue", "exports", "industrial_va", "tax_revenue", "services_revenue")


@dataclass
class County:
    index: int
    name: str
    province: str
    gdp: Decimal  # yearly GDP in 亿元 in 2020
    money_unit: str  # 亿元 or 万元, as the office publishes
    jobs_unit: str  # 人 or 万人
    rng_seed: int


def seed_of(*parts: object) -> int:
    """A stable 64-bit seed from parts (Python's hash() is salted per process)."""
    return int.from_bytes(hashlib.blake2b(repr(parts).encode(), digest_size=8).digest(), "big")


def counties(seed: int, n: int) -> list[County]:
    rng = random.Random(seed_of(seed, "counties"))
    out = []
    for i in range(n):
        province = PROVINCES[i % len(PROVINCES)]
        number = i // len(PROVINCES) + 1
        gdp = Decimal(rng.randint(40, 1500))
        out.append(
            County(
                index=i,
                name=f"{province}第{number:03d}县",
                province=province,
                gdp=gdp,
                money_unit="万元" if rng.random() < 0.4 else "亿元",
                jobs_unit="万人" if rng.random() < 0.3 else "人",
                rng_seed=seed_of(seed, "county", i),
            )
        )
    return out


def d(x: float, places: int) -> str:
    """Exact decimal text with `places` decimals (no float digits past them)."""
    return str(Decimal(repr(round(x, places))).quantize(Decimal(1).scaleb(-places)))


def yearly_level(c: County, series_share: float, year: int, growth: float) -> float:
    """The series' yearly level in 亿元 for `year`, grown from 2020."""
    return float(c.gdp) * series_share * (1 + growth / 100) ** (year - 2020)


# --- plans --------------------------------------------------------------------------------


def indicator(id_: str, zh: str, unit: str, measure: str, kind: str = "expected", **more: object) -> str:
    lines = [
        "[[indicator]]",
        f'id = "{id_}"',
        f'name = {{ zh = "{zh}" }}',
        f'unit = "{unit}"',
        f'measure = "{measure}"',
        f'kind = "{kind}"',
    ]
    for k, v in more.items():
        lines.append(f"{k} = {str(v).lower() if isinstance(v, bool) else repr(v).replace(chr(39), chr(34))}")
    return "\n".join(lines) + "\n"


def target(id_: str, ind: str, period: str, condition: str, tier: str = "base") -> str:
    return f'[[target]]\nid = "{id_}"\nindicator = "{ind}"\nperiod = "{period}"\ncondition = "{condition}"\ntier = "{tier}"\n'


def common_indicators() -> list[str]:
    """The indicators every plan of a county defines (yearly and five-year alike)."""
    out = []
    for sid, zh, _, _ in MONEY:
        out.append(indicator(sid, zh, "亿元", "level", flow=True))
        out.append(indicator(f"{sid}_growth", f"{zh}增长", "%", "growth", nominal=sid != "gdp", of=sid))
    out += [
        indicator("national_gdp_growth", "全国国内生产总值增长", "%", "growth", nominal=False),
        indicator("labour_productivity_growth", "全员劳动生产率增长", "%", "growth", nominal=False),
        indicator("urban_income_growth", "城镇居民人均可支配收入增长", "%", "growth"),
        indicator("cpi_growth", "居民消费价格涨幅", "%", "growth", polarity="lower"),
        indicator("urban_unemployment", "城镇调查失业率", "%", "share", polarity="lower"),
        indicator("air_quality_good_days", "空气质量优良天数比率", "%", "share", "binding"),
        indicator("surface_water_good", "地表水达到或好于Ⅲ类水体比例", "%", "share", "binding"),
        indicator("forest_coverage", "森林覆盖率", "%", "share", "binding"),
        indicator("urbanization_rate", "常住人口城镇化率", "%", "share"),
        indicator("energy_intensity_reduction", "单位地区生产总值能源消耗降低", "%", "change", "binding", polarity="lower"),
        indicator("co2_intensity_reduction", "单位地区生产总值二氧化碳排放降低", "%", "change", "binding", polarity="lower"),
        indicator("new_jobs", "城镇新增就业", "人", "level", flow=True),
        indicator("doctors_per_1000", "每千人口拥有执业（助理）医师数", "人", "level"),
        indicator("childcare_places_per_1000", "每千人口拥有3岁以下婴幼儿托位数", "个", "level"),
        indicator("high_value_patents_per_10k", "每万人口高价值发明专利拥有量", "件", "level"),
    ]
    return out


def yearly_plan(c: County, year: int, rng: random.Random) -> str:
    """About 80 targets for one county and year."""
    head = f'[plan]\nid = "{c.name}-{year}"\njurisdiction = "{c.name}"\nperiod = "{year}"\ntitle = "{c.name}{year}年国民经济和社会发展计划"\n\n'
    parts = [head, *common_indicators()]
    for sid, _, share, growth in MONEY:
        g = growth + rng.choice((-0.5, 0, 0, 0.5))
        level = yearly_level(c, share, year, growth)
        if sid == "gdp":
            parts.append(target(f"{sid}_growth", f"{sid}_growth", str(year), f"~ {d(g, 1)}%"))
            parts.append(target(f"{sid}_growth_vs_national", f"{sid}_growth", str(year), "> ref:national_gdp_growth"))
        else:
            parts.append(target(f"{sid}_growth", f"{sid}_growth", str(year), f">= {d(g, 1)}%"))
        if sid in STRETCH:
            parts.append(target(f"{sid}_growth_stretch", f"{sid}_growth", str(year), f">= {d(g + 1, 1)}%", "stretch"))
        parts.append(target(sid, sid, str(year), f">= {d(level, 2)}亿元"))
        if sid in HALF_YEAR:
            parts.append(target(f"{sid}_h1", sid, f"{year}H1", f">= {d(level / 2, 2)}亿元"))
    parts += [
        target("labour_productivity_growth", "labour_productivity_growth", str(year), "> ref:gdp_growth"),
        target("urban_income_growth", "urban_income_growth", str(year), "~ ref:gdp_growth"),
        target("cpi_growth", "cpi_growth", str(year), "<= 3%"),
        target("urban_unemployment", "urban_unemployment", str(year), "<= 5.5%"),
        target("air_quality_good_days", "air_quality_good_days", str(year), ">= 87.5%"),
        target("surface_water_good", "surface_water_good", str(year), ">= 80%"),
        target("energy_intensity_reduction", "energy_intensity_reduction", str(year), "<= -3%"),
        target("co2_intensity_reduction", "co2_intensity_reduction", str(year), "<= -3.6%"),
        target("new_jobs", "new_jobs", str(year), f">= {int(float(c.gdp) * 12)}人"),
    ]
    return "\n".join(parts)


def five_year_plan(c: County, rng: random.Random) -> str:
    """The county's 14th five-year plan: multi-year targets."""
    head = f'[plan]\nid = "{c.name}-14fyp"\njurisdiction = "{c.name}"\nperiod = "2021..2025"\ntitle = "{c.name}十四五规划主要指标"\n\n'
    parts = [head, *common_indicators()]
    p = "2021..2025"
    fai = sum(yearly_level(c, 0.55, y, 6.5) for y in range(2021, 2026))
    parts += [
        target("gdp_growth", "gdp_growth", p, f"~ {d(5.5 + rng.choice((-0.5, 0, 0.5)), 1)}%"),
        target("fai_total", "fai", p, f">= {d(fai * 0.98, 2)}亿元"),
        target("rd_growth", "rd_spending_growth", p, ">= 7%"),
        target("urbanization_rate", "urbanization_rate", p, f">= {d(55 + rng.random() * 15, 1)}%"),
        target("forest_coverage", "forest_coverage", p, f">= {d(20 + rng.random() * 30, 1)}%"),
        target("air_quality_good_days", "air_quality_good_days", p, ">= 87.5%"),
        target("energy_intensity_reduction", "energy_intensity_reduction", p, "<= -13.5%"),
        target("co2_intensity_reduction", "co2_intensity_reduction", p, "<= -18%"),
        target("doctors_per_1000", "doctors_per_1000", p, ">= 3.2人"),
        target("childcare_places_per_1000", "childcare_places_per_1000", p, ">= 4.5个"),
        target("high_value_patents_per_10k", "high_value_patents_per_10k", p, ">= 12件"),
        target("urban_unemployment", "urban_unemployment", p, "<= 5.5%"),
    ]
    return "\n".join(parts)


# --- observations ------------------------------------------------------------------------

Row = tuple[str, str, str, str, str, str, str, str]


def vintage(year: int, month: int, days_after: int) -> str:
    """The date `days_after` days after the end of (year, month), as YYYY-MM-DD."""
    import datetime

    end = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
    return (end + datetime.timedelta(days=days_after)).isoformat()


def money_text(value_yi: float, unit: str) -> str:
    return d(value_yi * 10000, 1) if unit == "万元" else d(value_yi, 2)


def county_rows(c: County, year: int) -> Iterator[Row]:
    """One county's releases published for `year`'s periods."""
    rng = random.Random(seed_of(c.rng_seed, "obs", year))
    src = f"stats:{c.index:04d}"
    j = c.name

    def release(ind: str, period: str, value: str, unit: str, month_end: tuple[int, int], revised_prev: str | None) -> Iterator[Row]:
        y, m = month_end
        if rng.random() < 0.05:
            # Late: no preliminary figure; the final one two to four months on.
            yield (ind, period, value, unit, "final", vintage(y, m, rng.randint(60, 120)), src, j)
        else:
            prelim = value if rng.random() < 0.6 else d(float(value) * (1 + rng.uniform(-0.01, 0.01)), 2)
            yield (ind, period, prelim, unit, "preliminary", vintage(y, m, rng.randint(12, 20)), src, j)
            yield (ind, period, value, unit, "final", vintage(y, m, rng.randint(40, 50)), src, j)
            if rng.random() < 0.15:
                again = d(float(value) * (1 + rng.uniform(-0.02, 0.02)), 2)
                yield (ind, period, again, unit, "revised", vintage(y, m, rng.randint(100, 200)), src, j)
        if revised_prev is not None:
            # The release repeats last year's same period, revised as the new base.
            yield (ind, period.replace(str(year), str(year - 1)), revised_prev, unit, "revised", vintage(y, m, 15), src, j)

    for sid, _, share, growth in MONEY:
        g_year = growth + rng.gauss(-0.2, 1.2)
        level = yearly_level(c, share, year, g_year)
        prev = yearly_level(c, share, year - 1, g_year)
        months = (3, 6, 9, 12) if sid == "gdp" else range(1, 13)
        single_prev = 0.0
        for m in months:
            # Seasonal profile: a little back-loaded, as investment and revenue are.
            done = (m / 12) ** 1.1
            ytd = level * done
            ytd_prev = prev * done
            g = g_year + rng.gauss(0, 0.4) * (12 - m) / 12
            ytd_period = f"{year}-01..{year}-{m:02d}" if m < 12 else str(year)
            yield from release(sid, ytd_period, money_text(ytd, c.money_unit), c.money_unit, (year, m), money_text(ytd_prev, c.money_unit))
            yield from release(f"{sid}_growth", ytd_period, d(g, 1), "%", (year, m), None)
            if sid != "gdp" and m > 1:
                single = ytd - single_prev
                yield from release(sid, f"{year}-{m:02d}", money_text(single, c.money_unit), c.money_unit, (year, m), None)
                yield from release(f"{sid}_growth", f"{year}-{m:02d}", d(g + rng.gauss(0, 1.0), 1), "%", (year, m), None)
            single_prev = ytd
    gdp_g = 5.0 + rng.gauss(0, 1.3)
    for m in range(1, 13):
        ytd_period = f"{year}-01..{year}-{m:02d}" if m < 12 else str(year)
        yield from release("cpi_growth", ytd_period, d(1.5 + rng.gauss(0, 0.8), 1), "%", (year, m), None)
        yield from release("urban_unemployment", f"{year}-{m:02d}", d(5.0 + rng.gauss(0, 0.4), 1), "%", (year, m), None)
        yield from release("air_quality_good_days", ytd_period, d(min(100.0, 86 + rng.gauss(0, 5)), 1), "%", (year, m), None)
        jobs = float(c.gdp) * 12 * (m / 12) * (1 + rng.gauss(0, 0.08))
        jobs_text = d(jobs / 10000, 2) if c.jobs_unit == "万人" else str(int(jobs))
        yield from release("new_jobs", ytd_period, jobs_text, c.jobs_unit, (year, m), None)
    # Yearly figures, published in the spring after the year.
    for ind, value, unit in (
        ("labour_productivity_growth", d(gdp_g + rng.gauss(0.3, 0.8), 1), "%"),
        ("urban_income_growth", d(gdp_g + rng.gauss(0, 0.7), 1), "%"),
        ("urban_unemployment", d(5.0 + rng.gauss(0, 0.3), 1), "%"),
        ("surface_water_good", d(min(100.0, 80 + rng.gauss(0, 8)), 1), "%"),
        ("forest_coverage", d(20 + rng.random() * 35, 1), "%"),
        ("urbanization_rate", d(50 + rng.random() * 25, 2), "%"),
        ("energy_intensity_reduction", d(-3 + rng.gauss(0, 1), 1), "%"),
        ("co2_intensity_reduction", d(-3.6 + rng.gauss(0, 1), 1), "%"),
        ("doctors_per_1000", d(2.6 + rng.random(), 2), "人"),
        ("childcare_places_per_1000", d(3 + rng.random() * 2.5, 2), "个"),
        ("high_value_patents_per_10k", d(4 + rng.random() * 14, 1), "件"),
    ):
        yield from release(ind, str(year), value, unit, (year + 1, 2), None)


def national_rows(seed: int, year: int) -> list[Row]:
    """National GDP growth, without a jurisdiction: every plan sees it."""
    rng = random.Random(seed_of(seed, "national", year))
    out: list[Row] = []
    for q in (3, 6, 9, 12):
        period = f"{year}-01..{year}-{q:02d}" if q < 12 else str(year)
        out.append(("national_gdp_growth", period, d(5.0 + rng.gauss(0, 0.3), 1), "%", "final", vintage(year, q, 17), "stats:national", ""))
    return out


COLUMNS = ("indicator", "period", "value", "unit", "status", "vintage", "source", "jurisdiction")


def write(out: Path, seed: int, n: int, years: list[int]) -> dict[str, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    people = counties(seed, n)
    out.mkdir(parents=True, exist_ok=True)
    plans: dict[str, list[object]] = {"plan_id": [], "jurisdiction": [], "province": [], "year": [], "toml": []}
    for c in people:
        rng = random.Random(seed_of(c.rng_seed, "plans"))
        for year in years:
            plans["plan_id"].append(f"{c.name}-{year}")
            plans["jurisdiction"].append(c.name)
            plans["province"].append(c.province)
            plans["year"].append(year)
            plans["toml"].append(yearly_plan(c, year, rng))
        plans["plan_id"].append(f"{c.name}-14fyp")
        plans["jurisdiction"].append(c.name)
        plans["province"].append(c.province)
        plans["year"].append(0)
        plans["toml"].append(five_year_plan(c, rng))
    pq.write_table(pa.table(plans), out / "plans.parquet", compression="zstd")
    schema = pa.schema([(name, pa.string()) for name in COLUMNS])
    (out / "observations").mkdir(exist_ok=True)
    counts = {"plans": len(plans["plan_id"])}
    for year in years:
        total = 0
        with pq.ParquetWriter(out / "observations" / f"{year}.parquet", schema, compression="zstd") as w:
            batch: list[Row] = national_rows(seed, year)
            for c in people:
                batch.extend(county_rows(c, year))
                if len(batch) >= 500_000 or c is people[-1]:
                    columns = list(zip(*batch))
                    w.write_table(pa.table({name: pa.array(col, pa.string()) for name, col in zip(COLUMNS, columns)}, schema=schema))
                    total += len(batch)
                    batch = []
        counts[f"observations {year}"] = total
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--jurisdictions", type=int, default=2850)
    ap.add_argument("--years", default="2021..2025", help="2025, or 2021..2025")
    ap.add_argument("--sample", action="store_true", help="40 jurisdictions, 2024..2025")
    a = ap.parse_args()
    if a.sample:
        a.jurisdictions, a.years = 40, "2024..2025"
    first, _, last = a.years.partition("..")
    years = list(range(int(first), int(last or first) + 1))
    for k, v in write(a.out, a.seed, a.jurisdictions, years).items():
        print(f"{k}: {v:,}")


if __name__ == "__main__":
    main()
