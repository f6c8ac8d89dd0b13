//! Units and dimensions, as a run-time table.
//!
//! Units arrive at run time, from plan files and report text, so they live in a table
//! rather than in the type system. Each unit belongs to a [`Dimension`] and has an
//! exact rational factor to the dimension's base unit (`亩` is 2000/3 m², so the factor
//! is kept as a numerator and a denominator rather than as a rounded decimal).
//!
//! Magnitude words (万, 亿 …) are numerals, not units: `Quantity::parse("590亿元")` gives
//! 59 000 000 000 元. The table still knows magnitude-prefixed names such as `亿元` and
//! `万人`, because plan files declare indicator units that way (`unit = "亿元"`).

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use rust_decimal::Decimal;

use crate::exact::Checked;
use crate::text::{fold, starts_with_folded, Part};
use crate::{Error, ErrorKind, Result};

/// An ISO 4217 currency code such as `CNY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Chinese yuan (renminbi), the default currency of 元.
    pub const CNY: Currency = Currency(*b"CNY");

    /// The three-letter code.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a quantity measures. Quantities of different dimensions can be neither
/// compared nor converted; a count's measure word and a money amount's currency are
/// part of its dimension, so 3个 and 3家, or 元 and USD, never mix silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// A bare number.
    Dimensionless,
    /// Money in a currency.
    Money(Currency),
    /// Persons (人, 名, 位).
    People,
    /// Person-times (人次): visits, trips, trainings counted per occasion.
    PersonTimes,
    /// Area; base unit m².
    Area,
    /// Length; base unit m.
    Length,
    /// Volume; base unit m³.
    Volume,
    /// Mass; base unit t.
    Mass,
    /// Power; base unit W.
    Power,
    /// Energy; base unit kWh.
    Energy,
    /// Mass concentration; base unit µg/m³.
    Concentration,
    /// Mass per day; base unit t/day.
    MassRate,
    /// Volume per day; base unit m³/day.
    VolumeRate,
    /// Duration; base unit day.
    Duration,
    /// Water use per unit of output; base unit m³ per 10 000 yuan (万元 GDP 水耗).
    WaterIntensity,
    /// Energy use per unit of output; base unit tonnes of standard coal per 10 000 yuan.
    EnergyIntensity,
    /// Energy use in coal equivalent (全社会能耗979.38万吨标准煤); base unit tonnes of
    /// standard coal (tce). Not convertible to kWh: the factor is a convention.
    CoalEquivalent,
    /// Ratios: percent (base), per-mille, multiples (倍).
    Ratio,
    /// Percentage points (个百分点): a difference of two percentages, not a percentage.
    PercentagePoint,
    /// Years of age (岁).
    Age,
    /// A length of time in years (受教育年限11.5年).
    Years,
    /// Area per person (平方米/人), as in 人均公园绿地面积.
    AreaPerPerson,
    /// Money per area (元/平方公里): output or investment intensity of land.
    MoneyPerArea,
    /// Length per area (公里/平方公里): road or network density.
    LengthPerArea,
    /// Money per person (元/人).
    MoneyPerPerson,
    /// A count of things named by a measure word (个, 家, 座 …).
    Count(&'static str),
}

impl Dimension {
    /// The stable name of the dimension: `"money"`, `"people"`, `"count"` …
    pub fn name(&self) -> &'static str {
        match self {
            Dimension::Dimensionless => "dimensionless",
            Dimension::Money(_) => "money",
            Dimension::People => "people",
            Dimension::PersonTimes => "person_times",
            Dimension::Area => "area",
            Dimension::Length => "length",
            Dimension::Volume => "volume",
            Dimension::Mass => "mass",
            Dimension::Power => "power",
            Dimension::Energy => "energy",
            Dimension::Concentration => "concentration",
            Dimension::MassRate => "mass_rate",
            Dimension::VolumeRate => "volume_rate",
            Dimension::Duration => "duration",
            Dimension::WaterIntensity => "water_intensity",
            Dimension::EnergyIntensity => "energy_intensity",
            Dimension::CoalEquivalent => "coal_equivalent",
            Dimension::Ratio => "ratio",
            Dimension::PercentagePoint => "percentage_point",
            Dimension::Age => "age",
            Dimension::Years => "years",
            Dimension::AreaPerPerson => "area_per_person",
            Dimension::MoneyPerArea => "money_per_area",
            Dimension::LengthPerArea => "length_per_area",
            Dimension::MoneyPerPerson => "money_per_person",
            Dimension::Count(_) => "count",
        }
    }

    /// True for rates: percentages and percentage points, whose differences are
    /// reported in percentage points and whose 基本完成 margin is in points.
    pub fn is_rate(&self) -> bool {
        matches!(self, Dimension::Ratio | Dimension::PercentagePoint)
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dimension::Money(c) => write!(f, "money ({c})"),
            Dimension::Count(w) => write!(f, "count ({w})"),
            d => f.write_str(d.name()),
        }
    }
}

/// One unit without a magnitude prefix.
struct Stem {
    symbol: &'static str,
    /// Other names, separated by `|` (one string rather than a `&[&str]`, whose pointer
    /// and length per name would take 8 bytes each of the WebAssembly module's data).
    aliases: &'static str,
    dimension: Dimension,
    /// Exact factor to the dimension's base unit: `num / den`.
    num: i64,
    den: i64,
    /// English name used by the English formatter; parsed back as an alias.
    en: &'static str,
    /// Whether magnitude words (万, 亿) read naturally with this unit (1.5万人, but not 5万%).
    magnitudes: bool,
}

impl Stem {
    /// The other names of the stem.
    fn aliases(&self) -> impl Iterator<Item = &'static str> {
        self.aliases.split('|').filter(|a| !a.is_empty())
    }
}

const fn stem(
    symbol: &'static str,
    aliases: &'static str,
    dimension: Dimension,
    num: i64,
    den: i64,
    en: &'static str,
    magnitudes: bool,
) -> Stem {
    Stem {
        symbol,
        aliases,
        dimension,
        num,
        den,
        en,
        magnitudes,
    }
}

use Dimension as D;

const CNY: Dimension = D::Money(Currency::CNY);

/// The stems. Order matters only for display: the first stem of a dimension is its base.
#[rustfmt::skip]
static STEMS: &[Stem] = &[
    stem("", "", D::Dimensionless, 1, 1, "", true),
    stem("元", "人民币|元人民币|yuan|CNY|RMB", CNY, 1, 1, "yuan", true),
    stem("美元", "USD|US dollars|dollars", D::Money(Currency(*b"USD")), 1, 1, "US dollars", true),
    stem("港元", "港币|HKD|HK dollars", D::Money(Currency(*b"HKD")), 1, 1, "HK dollars", true),
    stem("欧元", "EUR|euros", D::Money(Currency(*b"EUR")), 1, 1, "euros", true),
    stem("澳门元", "澳门币|澳門元|澳門幣|MOP|patacas", D::Money(Currency(*b"MOP")), 1, 1, "patacas", true),
    stem("新台币", "新台幣|台币|台幣|TWD|NT dollars", D::Money(Currency(*b"TWD")), 1, 1, "NT dollars", true),
    stem("人", "名|位|people|persons|person", D::People, 1, 1, "people", true),
    stem("人次", "person-times|person-time", D::PersonTimes, 1, 1, "person-times", true),
    stem("平方米", "m²|m2|㎡|平米|square metres|square meters|square metre", D::Area, 1, 1, "square metres", true),
    stem("平方公里", "平方千米|km²|km2|㎞²|square kilometres|square kilometers", D::Area, 1_000_000, 1, "square kilometres", false),
    stem("公顷", "hectares|hectare|ha", D::Area, 10_000, 1, "hectares", true),
    // 1 亩 = 10000/15 m² = 2000/3 m², so 1 公顷 = 15 亩 exactly.
    stem("亩", "mu", D::Area, 2_000, 3, "mu", true),
    stem("米", "m|metres|meters|metre|meter", D::Length, 1, 1, "metres", true),
    stem("公里", "千米|km|kilometres|kilometers|kilometre|kilometer", D::Length, 1_000, 1, "kilometres", true),
    stem("立方米", "m³|m3|cubic metres|cubic meters", D::Volume, 1, 1, "cubic metres", true),
    stem("吨", "t|tonnes|tons|tonne", D::Mass, 1, 1, "tonnes", true),
    stem("千克", "公斤|kg|kilograms", D::Mass, 1, 1_000, "kilograms", true),
    // 1 斤 = 0.5 kg: grain output is reported in 亿斤.
    stem("斤", "市斤", D::Mass, 1, 2_000, "jin", true),
    stem("瓦", "W|watts", D::Power, 1, 1, "watts", false),
    stem("千瓦", "kW|kilowatts", D::Power, 1_000, 1, "kilowatts", true),
    stem("兆瓦", "MW|megawatts", D::Power, 1_000_000, 1, "megawatts", false),
    stem("吉瓦", "GW|gigawatts", D::Power, 1_000_000_000, 1, "gigawatts", false),
    stem("千瓦时", "度|kWh|kilowatt-hours", D::Energy, 1, 1, "kilowatt-hours", true),
    stem("兆瓦时", "MWh|megawatt-hours", D::Energy, 1_000, 1, "megawatt-hours", true),
    stem("吉瓦时", "GWh|gigawatt-hours", D::Energy, 1_000_000, 1, "gigawatt-hours", true),
    stem("微克/立方米", "µg/m³|μg/m³|ug/m3|µg/m3|微克每立方米", D::Concentration, 1, 1, "µg/m³", false),
    stem("毫克/立方米", "mg/m³|mg/m3", D::Concentration, 1_000, 1, "mg/m³", false),
    stem("吨/日", "吨/天|t/d|tonnes per day", D::MassRate, 1, 1, "tonnes per day", true),
    stem("立方米/日", "立方米/天|m³/d|cubic metres per day", D::VolumeRate, 1, 1, "cubic metres per day", true),
    stem("立方米/万元", "m³/万元|立方米每万元|m³ per 10,000 yuan", D::WaterIntensity, 1, 1, "m³ per 10,000 yuan", false),
    stem("吨标准煤/万元", "吨标煤/万元|tce/万元|tce per 10,000 yuan", D::EnergyIntensity, 1, 1, "tce per 10,000 yuan", false),
    stem("吨标准煤", "吨标煤|tce|tonnes of standard coal", D::CoalEquivalent, 1, 1, "tonnes of standard coal", true),
    stem("天", "days|day", D::Duration, 1, 1, "days", false),
    stem("%", "percent|pct", D::Ratio, 1, 1, "%", false),
    stem("‰", "per mille", D::Ratio, 1, 10, "‰", false),
    stem("倍", "times|fold", D::Ratio, 100, 1, "times", false),
    stem("个百分点", "百分点|pp|percentage points|percentage point|p.p.", D::PercentagePoint, 1, 1, "percentage points", false),
    stem("岁", "years of age|years old", D::Age, 1, 1, "years of age", false),
    // Counts: each measure word is its own unit. The English names are labels chosen to
    // be unique so that English text parses back to the same measure word.
    stem("个", "units", D::Count("个"), 1, 1, "units", true),
    stem("家", "firms|establishments", D::Count("家"), 1, 1, "establishments", true),
    stem("座", "structures", D::Count("座"), 1, 1, "structures", true),
    stem("所", "institutions", D::Count("所"), 1, 1, "institutions", true),
    stem("套", "dwellings|sets", D::Count("套"), 1, 1, "dwellings", true),
    stem("间", "rooms", D::Count("间"), 1, 1, "rooms", true),
    stem("台", "machines", D::Count("台"), 1, 1, "machines", true),
    stem("辆", "vehicles", D::Count("辆"), 1, 1, "vehicles", true),
    stem("项", "items|projects", D::Count("项"), 1, 1, "items", true),
    stem("件", "pieces|cases filed", D::Count("件"), 1, 1, "pieces", true),
    stem("次", "occasions", D::Count("次"), 1, 1, "occasions", true),
    stem("场", "events", D::Count("场"), 1, 1, "events", true),
    stem("支", "teams|funds", D::Count("支"), 1, 1, "teams", true),
    stem("处", "sites", D::Count("处"), 1, 1, "sites", true),
    stem("条", "lines", D::Count("条"), 1, 1, "lines", true),
    stem("株", "plants|trees", D::Count("株"), 1, 1, "plants", true),
    stem("户", "households", D::Count("户"), 1, 1, "households", true),
    stem("例", "cases", D::Count("例"), 1, 1, "cases", true),
    stem("栋", "buildings", D::Count("栋"), 1, 1, "buildings", true),
    stem("张", "beds|sheets", D::Count("张"), 1, 1, "sheets", true),
    stem("床", "bed places", D::Count("床"), 1, 1, "bed places", true),
    stem("只", "animals", D::Count("只"), 1, 1, "animals", true),
    // Livestock by the head and poultry by the bird (生猪出栏6248万头, 家禽出栏6.5亿羽).
    stem("头", "head of livestock", D::Count("头"), 1, 1, "head of livestock", true),
    stem("羽", "birds", D::Count("羽"), 1, 1, "birds", true),
    stem("批", "batches", D::Count("批"), 1, 1, "batches", true),
    stem("本", "volumes", D::Count("本"), 1, 1, "volumes", true),
    stem("册", "copies", D::Count("册"), 1, 1, "copies", true),
    stem("部", "works", D::Count("部"), 1, 1, "works", true),
    stem("篇", "articles", D::Count("篇"), 1, 1, "articles", true),
    stem("期", "phases|issues", D::Count("期"), 1, 1, "phases", true),
    stem("片", "areas|zones", D::Count("片"), 1, 1, "zones", true),
    stem("宗", "parcels", D::Count("宗"), 1, 1, "parcels", true),
    stem("类", "categories", D::Count("类"), 1, 1, "categories", true),
    stem("种", "kinds", D::Count("种"), 1, 1, "kinds", true),
    stem("包", "packages", D::Count("包"), 1, 1, "packages", true),
    stem("趟", "trips", D::Count("趟"), 1, 1, "trips", true),
    stem("架", "aircraft", D::Count("架"), 1, 1, "aircraft", true),
    stem("艘", "vessels", D::Count("艘"), 1, 1, "vessels", true),
    stem("届", "editions", D::Count("届"), 1, 1, "editions", true),
    stem("轮", "rounds", D::Count("轮"), 1, 1, "rounds", true),
    stem("把", "handles", D::Count("把"), 1, 1, "handles", true),
    stem("块", "plots|pieces of land", D::Count("块"), 1, 1, "plots", true),
    stem("对", "pairs", D::Count("对"), 1, 1, "pairs", true),
    // Measure words and units that report text uses (added for extraction).
    stem("款", "models", D::Count("款"), 1, 1, "models", true),
    stem("场次", "sessions", D::Count("场次"), 1, 1, "sessions", true),
    stem("家次", "firm-visits", D::Count("家次"), 1, 1, "firm-visits", true),
    stem("枚", "medals", D::Count("枚"), 1, 1, "medals", true),
    stem("金", "gold medals", D::Count("金"), 1, 1, "gold medals", false),
    stem("银", "silver medals", D::Count("银"), 1, 1, "silver medals", false),
    stem("铜", "bronze medals", D::Count("铜"), 1, 1, "bronze medals", false),
    // A numeric rank (全市第一 = 1 名次); lower is better.
    stem("名次", "rank", D::Count("名次"), 1, 1, "rank", false),
    stem("平方米/人", "m²/人|平方米每人|square metres per person", D::AreaPerPerson, 1, 1, "square metres per person", false),
    // Measure words and per-units of plan reports and statistical communiqués (issue 13).
    stem("起", "incidents", D::Count("起"), 1, 1, "incidents", true),
    stem("份", "copies issued", D::Count("份"), 1, 1, "copies issued", true),
    stem("位次", "个位次|rank places", D::Count("位次"), 1, 1, "rank places", false),
    stem("幢", "blocks", D::Count("幢"), 1, 1, "blocks", true),
    stem("席", "seats", D::Count("席"), 1, 1, "seats", true),
    stem("天次", "day-times", D::Count("天次"), 1, 1, "day-times", true),
    stem("课时", "class hours", D::Count("课时"), 1, 1, "class hours", true),
    stem("标箱", "TEU|TEUs", D::Count("标箱"), 1, 1, "TEU", true),
    stem("元/平方公里", "元/平方千米|元每平方公里|yuan per square kilometre", D::MoneyPerArea, 1, 1, "yuan per square kilometre", true),
    stem("公里/平方公里", "千米/平方公里|千米/平方千米|km/km²|km/km2|kilometres per square kilometre", D::LengthPerArea, 1, 1, "kilometres per square kilometre", false),
    stem("元/人", "元每人|yuan per person", D::MoneyPerPerson, 1, 1, "yuan per person", true),
    // Densities per 100 or 10 000 km² (507公里/万平方公里): the denominator's magnitude
    // is part of the unit, not of the number.
    stem("公里/百平方公里", "千米/百平方公里|km/100km²", D::LengthPerArea, 1, 100, "kilometres per 100 square kilometres", false),
    stem("公里/万平方公里", "千米/万平方公里|km/10000km²", D::LengthPerArea, 1, 10_000, "kilometres per 10,000 square kilometres", false),
    // Per-mille points (出生率下降0.8个千分点): a tenth of a percentage point.
    stem("个千分点", "千分点|per-mille points", D::PercentagePoint, 1, 10, "per-mille points", false),
    // Years as a length of time (人均受教育年限11.5年); not convertible to days.
    stem("年", "years", D::Years, 1, 1, "years", false),
];

/// Magnitude prefixes that the table combines with stems to name units like 亿元.
const PREFIXES: &[(&str, u32)] = &[
    ("十", 1),
    ("百", 2),
    ("千", 3),
    ("万", 4),
    ("十万", 5),
    ("百万", 6),
    ("千万", 7),
    ("亿", 8),
    ("十亿", 9),
    ("百亿", 10),
    ("千亿", 11),
    ("万亿", 12),
];

struct UnitDef {
    symbol: String,
    stem: usize,
    /// Power of ten of the magnitude prefix (0 for a plain stem).
    exp: u32,
}

struct Table {
    units: Vec<UnitDef>,
    by_name: HashMap<String, u16>,
    /// Names of stems only, grouped by first character (ASCII lower-cased), longest first, so
    /// matching after a number looks at a handful of names instead of all of them.
    by_first: HashMap<char, Vec<(String, u16)>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(build_table);

fn build_table() -> Table {
    let mut units = Vec::new();
    let mut by_name = HashMap::new();
    let mut stem_names = Vec::new();
    // The empty name is the bare number's unit (STEMS[0]).
    by_name.insert(String::new(), 0u16);
    for (i, s) in STEMS.iter().enumerate() {
        let id = units.len() as u16;
        units.push(UnitDef {
            symbol: s.symbol.to_string(),
            stem: i,
            exp: 0,
        });
        for name in std::iter::once(s.symbol).chain(s.aliases()).chain([s.en]) {
            if name.is_empty() {
                continue;
            }
            by_name.entry(normalize(name)).or_insert(id);
            // Matched against running text, so inner spaces stay ("square metres").
            stem_names.push((name.chars().map(fold).collect::<String>(), id));
        }
    }
    // Magnitude-prefixed units, for declared units such as 亿元 and 万人次.
    for (i, s) in STEMS.iter().enumerate() {
        if !s.magnitudes || s.symbol.is_empty() || s.symbol.is_ascii() {
            continue;
        }
        for (p, exp) in PREFIXES {
            let id = units.len() as u16;
            let symbol = format!("{p}{}", s.symbol);
            units.push(UnitDef {
                symbol: symbol.clone(),
                stem: i,
                exp: *exp,
            });
            by_name.entry(normalize(&symbol)).or_insert(id);
            for a in s.aliases().filter(|a| !a.is_ascii()) {
                by_name.entry(normalize(&format!("{p}{a}"))).or_insert(id);
            }
        }
    }
    crate::order::sort_by_key(&mut stem_names, |n| std::cmp::Reverse(n.0.chars().count()));
    let mut by_first: HashMap<char, Vec<(String, u16)>> = HashMap::new();
    for (name, id) in &stem_names {
        if let Some(c) = name.chars().next() {
            by_first
                .entry(c.to_ascii_lowercase())
                .or_default()
                .push((name.clone(), *id));
        }
    }
    Table {
        units,
        by_name,
        by_first,
    }
}

/// Folds a unit name for lookup: full-width and traditional forms folded, spaces
/// removed, ASCII lower-cased.
fn normalize(name: &str) -> String {
    name.chars()
        .map(fold)
        .filter(|c| *c != ' ')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A unit: an entry of the run-time unit table. `Copy` and cheap to compare.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unit(u16);

impl Unit {
    /// The dimensionless unit of a bare number.
    pub const NONE: Unit = Unit(0);

    /// Percent (%), looked up once.
    pub fn percent() -> Unit {
        static PERCENT: std::sync::LazyLock<Unit> =
            std::sync::LazyLock::new(|| Unit::parse("%").unwrap_or(Unit::NONE));
        *PERCENT
    }

    /// Percentage points (个百分点), looked up once.
    pub fn percentage_point() -> Unit {
        static PP: std::sync::LazyLock<Unit> =
            std::sync::LazyLock::new(|| Unit::parse("个百分点").unwrap_or(Unit::NONE));
        *PP
    }

    /// Looks a unit up by any of its names: Chinese (simplified or traditional),
    /// English, symbol, or a magnitude-prefixed form such as `亿元`.
    ///
    /// ```
    /// use planwatch::Unit;
    /// let mu = Unit::parse("畝")?;
    /// assert_eq!(mu.symbol(), "亩");
    /// assert_eq!(Unit::parse("亿元")?.symbol(), "亿元");
    /// assert!(Unit::parse("furlongs").is_err());
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    pub fn parse(name: &str) -> Result<Unit> {
        let key = normalize(name);
        TABLE.by_name.get(&key).map(|&i| Unit(i)).ok_or_else(|| {
            Error::new(ErrorKind::UnknownUnit, format!("unknown unit {name:?}"))
                .with_expected("a unit name such as 元, 人, %, 个百分点, 平方米 or a measure word")
        })
    }

    /// Matches the longest unit name (without a magnitude prefix) at the start of
    /// `text`, returning the unit and the number of bytes matched.
    pub(crate) fn match_prefix(text: &str) -> Option<(Unit, usize)> {
        let first = fold(text.chars().next()?).to_ascii_lowercase();
        TABLE.by_first.get(&first)?.iter().find_map(|(name, id)| {
            let len = starts_with_folded(text, name)?;
            // An ASCII name must not run into a following letter ("m" in "mu").
            let next = text.part(len, text.len()).chars().next();
            if name.is_ascii() && next.is_some_and(|c| c.is_ascii_alphanumeric()) {
                return None;
            }
            Some((Unit(*id), len))
        })
    }

    fn def(&self) -> &'static UnitDef {
        &TABLE.units[self.0 as usize]
    }

    fn stem(&self) -> &'static Stem {
        &STEMS[self.def().stem]
    }

    /// The canonical symbol (`元`, `亿元`, `%`, `个百分点`, `平方米`, `个`; empty for a bare number).
    pub fn symbol(&self) -> &'static str {
        &self.def().symbol
    }

    /// The English name used by the English formatter (`yuan`, `people`, `hectares`).
    pub fn english(&self) -> &'static str {
        self.stem().en
    }

    /// The dimension.
    pub fn dimension(&self) -> Dimension {
        self.stem().dimension
    }

    /// The same unit without its magnitude prefix (亿元 → 元).
    pub fn stem_unit(&self) -> Unit {
        Unit(self.def().stem as u16)
    }

    /// The power of ten of the magnitude prefix (亿元 → 8; 元 → 0).
    pub fn magnitude_exp(&self) -> u32 {
        self.def().exp
    }

    /// Whether magnitude words read naturally with this unit in Chinese display.
    pub(crate) fn takes_magnitudes(&self) -> bool {
        self.stem().magnitudes
    }

    /// The exact factor to the base unit of the dimension, as (numerator, denominator).
    pub(crate) fn factor(&self) -> Result<(Decimal, Decimal)> {
        let s = self.stem();
        let scale = Decimal::from_i128_with_scale(10i128.pow(self.def().exp), 0);
        // Most stems are their dimension's base (元, 人, %): the factor is the power of ten.
        let num = if s.num == 1 {
            scale
        } else {
            Decimal::from(s.num)
                .mul_checked(scale)
                .ok_or_else(|| Error::new(ErrorKind::Overflow, "unit factor overflows"))?
        };
        Ok((num, Decimal::from(s.den)))
    }

    /// True for the dimensionless unit of a bare number.
    pub fn is_none(&self) -> bool {
        self.0 == 0
    }
}

impl fmt::Debug for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Unit({:?})", self.symbol())
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl std::str::FromStr for Unit {
    type Err = Error;
    fn from_str(s: &str) -> Result<Unit> {
        Unit::parse(s)
    }
}

impl serde::Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.symbol())
    }
}

impl<'de> serde::Deserialize<'de> for Unit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Unit, D::Error> {
        let s = String::deserialize(d)?;
        Unit::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Every name a unit is written with (symbols, aliases, English names), and each
/// magnitude-prefixed symbol: the texts a test of unit reading runs through.
#[cfg(test)]
pub(crate) fn all_names() -> Vec<String> {
    let mut names = Vec::new();
    for s in STEMS {
        for name in std::iter::once(s.symbol).chain(s.aliases()).chain([s.en]) {
            names.push(name.to_string());
            for (p, _) in PREFIXES {
                names.push(format!("{p}{name}"));
            }
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_resolve_to_one_unit() {
        assert_eq!(Unit::parse("名").unwrap(), Unit::parse("人").unwrap());
        assert_eq!(Unit::parse("ＫＭ").unwrap(), Unit::parse("公里").unwrap());
        assert_eq!(Unit::parse("萬元").unwrap().symbol(), "万元");
        assert_eq!(Unit::parse("Hectares").unwrap().symbol(), "公顷");
        assert_eq!(Unit::parse("").unwrap(), Unit::NONE);
    }

    #[test]
    fn every_name_is_unique_to_its_unit() {
        // Two stems sharing an alias would make parsing depend on table order.
        let mut seen: HashMap<String, &str> = HashMap::new();
        for s in STEMS {
            for n in std::iter::once(s.symbol).chain(s.aliases()).chain([s.en]) {
                if n.is_empty() {
                    continue;
                }
                if let Some(prev) = seen.insert(normalize(n), s.symbol) {
                    assert_eq!(prev, s.symbol, "name {n:?} used by {prev} and {}", s.symbol);
                }
            }
        }
    }

    #[test]
    fn mu_and_hectare_factors_are_exact_rationals() {
        let (n, d) = Unit::parse("亩").unwrap().factor().unwrap();
        assert_eq!((n, d), (Decimal::from(2000), Decimal::from(3)));
        let (n, _) = Unit::parse("亿元").unwrap().factor().unwrap();
        assert_eq!(n, Decimal::from(100_000_000));
    }

    #[test]
    fn longest_name_wins() {
        let (u, len) = Unit::match_prefix("人次以上").unwrap();
        assert_eq!((u.symbol(), len), ("人次", 6));
        let (u, _) = Unit::match_prefix("千瓦时").unwrap();
        assert_eq!(u.symbol(), "千瓦时");
        assert!(Unit::match_prefix("mud").is_none());
    }
}
