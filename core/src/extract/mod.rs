//! Extraction of targets and actuals from report text (SPEC §7).
//!
//! [`extract`] reads a government report — a plan execution report, a work report, a
//! five-year outline, pasted from a PDF or a web page — and returns every number that
//! measures something, as a [`Finding`]: the indicator phrase it belongs to, whether it
//! is a target or an actual, the comparator, the exact value in the base unit, stretch,
//! deadline and cumulative markers, and the character spans of all of these, so that a
//! person confirms rather than retypes. [`draft_plan`] groups the targets into a
//! [`Plan`](crate::Plan) ready to save as TOML and edit.
//!
//! ```
//! use planwatch::extract::{extract, Status};
//! let text = "二、2024年主要目标\n- 本地生产总值增长 5.5%。\n- 新增就业人数 1.5 万人。";
//! let found = extract(text);
//! let f = &found.findings[1];
//! assert_eq!(f.indicator, "新增就业人数");
//! assert_eq!(f.status, Status::Target);
//! assert_eq!(f.op.symbol(), ">=");
//! assert_eq!(f.value.unwrap().to_string(), "15000");
//! assert_eq!(f.unit.unwrap().symbol(), "人");
//! assert_eq!(&text.chars().collect::<Vec<_>>()[f.span.clone()].iter().collect::<String>(), "1.5 万人");
//! ```
//!
//! How it works, and why it is linear: one pass splits the text into sentences (PDF
//! line breaks inside a sentence are joined; headings set whether a part reports
//! actuals or sets targets); each sentence is folded once (full-width, traditional
//! characters, spaces and `**` removed) and scanned for numbers with the crate's own
//! number and unit scanners; every number then looks at a bounded window around it for
//! its indicator phrase and comparator words. Character offsets come from a sparse
//! index built once. Nothing allocates per character of input except the folded
//! sentence buffer, which is reused.
//!
//! Limits: inputs up to [`MAX_INPUT_BYTES`]; a "sentence" without punctuation is cut
//! into passages of at most 6,000 bytes, so memory per finding stays bounded on
//! flattened tables and adversarial input.
//!
//! What produces nothing: years and dates, ordinals (第N, 二十大, 十五届), section
//! numbers, numbers inside names, quotations and titles (十四五, “1+4+N”, 5G, PM2.5,
//! 《“十百千万”行动》, “金融支持前海30条”), designations (15分钟生活圈, 10公里产业带),
//! per-unit denominators (每万人), thresholds (排名前1%), streaks (连续5年), `N大`
//! frameworks, and bare numbers without a unit.

mod analyze;
mod draft;
mod html;
mod lexicon;
mod markers;
mod phrase;
mod scan;
mod segment;

use std::ops::Range;

use rust_decimal::Decimal;

use crate::comparator::Comparator;
use crate::quantity::Quantity;
use crate::unit::Unit;
use crate::{Error, ErrorKind, Result};

pub use draft::{draft_plan, DraftOptions};
pub(crate) use segment::Passage;

/// The largest input [`extract`] reads, in bytes (64 MiB). Larger inputs give an
/// [`Extraction`] with no findings and a `too_large` warning ([`try_extract`]
/// returns an [`ErrorKind::TooLarge`] error instead).
pub const MAX_INPUT_BYTES: usize = crate::limits::MAX_TEXT_BYTES;

/// Whether a finding is a target (a plan section, future wording) or an actual (an
/// execution section, past wording).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Something to reach.
    Target,
    /// Something reported as reached (including 预计/初步 estimates, see
    /// [`Finding::estimate`]).
    Actual,
}

impl Status {
    /// `"target"` or `"actual"`.
    pub fn name(&self) -> &'static str {
        match self {
            Status::Target => "target",
            Status::Actual => "actual",
        }
    }
}

/// What a number measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// A growth rate in % (增长 5%).
    Growth,
    /// A level: money, area, length, mass, power, concentration …
    Level,
    /// A share of a whole in % (占比, 覆盖率, 100%区属医院, 五成).
    Share,
    /// A change: percentage points, or a reduction (下降 3% is a change of −3%).
    Change,
    /// A count with a measure word (个, 家, 人, 人次 …).
    Count,
    /// A numeric rank (全市第一 = 1 名次).
    Rank,
    /// A per-unit intensity or a multiple (人均, 每万人, 万元 GDP 水耗, N 倍).
    Ratio,
}

impl Measure {
    /// The serde name (`"growth"`, `"level"` …).
    pub fn name(&self) -> &'static str {
        match self {
            Measure::Growth => "growth",
            Measure::Level => "level",
            Measure::Share => "share",
            Measure::Change => "change",
            Measure::Count => "count",
            Measure::Rank => "rank",
            Measure::Ratio => "ratio",
        }
    }
}

/// One number of a report that measures something, with everything needed to turn
/// it into a target or an observation.
///
/// Spans are `[start, end)` in characters (Unicode scalar values) of the input, as
/// Python's `str` counts them; [`byte_span`](Finding::byte_span) gives the number's
/// span in bytes for slicing in Rust. Serialized with every field but `byte_span`
/// (a Rust slicing aid): the record of [`crate::schema`].
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Finding {
    /// Target or actual.
    pub status: Status,
    /// What decided the status, so a person can check it: `"section"` (the heading
    /// of the part: 执行情况, 主要目标), `"default"` (an unheaded sentence with no cue
    /// is read as reported), or the deciding words as written in the text — a plan
    /// word (力争, 预期, 目标, 将, 到2025年 …), a report word (同比, 上年, 了, 已, 完成 …),
    /// a plan comparator after the number (左右, 以上), an estimate word (预计), or a
    /// year named before the number (`2023年`, compared with the report's year).
    pub status_cue: String,
    /// The indicator phrase as written (line breaks kept).
    pub indicator: String,
    /// Where the indicator phrase is.
    #[serde(serialize_with = "crate::schema::span")]
    pub indicator_span: Range<usize>,
    /// Where the number expression is: first digit through the unit, with 余/多 and
    /// magnitude words; a range covers both ends; a rank covers 第N; a reference covers
    /// the reference phrase.
    #[serde(serialize_with = "crate::schema::span")]
    pub span: Range<usize>,
    /// The number expression in bytes.
    #[serde(skip)]
    pub byte_span: Range<usize>,
    /// What the number measures.
    pub measure: Measure,
    /// The comparator: bare plan numbers are floors (`>=`), reported numbers `=`.
    pub op: Comparator,
    /// The value in the base unit (590亿元 → 59 000 000 000 元); None for references
    /// and for digits damaged by OCR.
    #[serde(serialize_with = "crate::schema::opt_normal_decimal")]
    pub value: Option<Decimal>,
    /// The upper bound of a `between` range.
    #[serde(serialize_with = "crate::schema::opt_normal_decimal")]
    pub value_hi: Option<Decimal>,
    /// The base unit (元, 人, %, 个百分点, 平方米, 米, 瓦; 公顷 and 亩 as written; the
    /// measure word of a count; 名次 for ranks); None for references.
    pub unit: Option<Unit>,
    /// A 力争/争取/努力 tier.
    pub stretch: bool,
    /// The deadline or period marker as written (到2024年底, 全年, 年度).
    pub by: Option<String>,
    /// 累计: a running total.
    pub cumulative: bool,
    /// The sentence: from after the previous 。；！？, bullet, heading or line ending in
    /// a colon, to its 。 (line breaks kept, leading spaces and `**` dropped). A run of
    /// text without punctuation longer than 1,500 bytes is cut to a window around the
    /// number.
    pub sentence: String,
    /// Where the sentence is.
    #[serde(serialize_with = "crate::schema::span")]
    pub sentence_span: Range<usize>,
    /// A 预计 / 初步核算 figure: an actual that is not final.
    pub estimate: bool,
    /// The digits look damaged by OCR ("1O0"); the value is left unknown.
    pub ocr_suspect: bool,
    /// The section path of the heading above (`三.(二)`), when there is one.
    pub section: Option<String>,
    /// The titles of the headings above ("2024年主要目标 / 约束性指标").
    pub heading: Option<String>,
}

impl Finding {
    /// The value as a quantity in the base unit, when both are known.
    pub fn quantity(&self) -> Option<Quantity> {
        Some(Quantity::new(self.value?, self.unit?))
    }

    /// One line of JSON: the serialized record (every field but `byte_span`; values are
    /// exact decimal strings).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Something the reader of an extraction should know: an input too large, digits that
/// look damaged by OCR.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// Stable code: `too_large`, `ocr_suspect`.
    pub code: &'static str,
    /// A sentence saying what is wrong.
    pub message: String,
    /// Where, in characters, when it is one place.
    pub span: Option<[usize; 2]>,
}

/// The result of [`extract`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extraction {
    /// The findings, in text order.
    pub findings: Vec<Finding>,
    /// Warnings.
    pub warnings: Vec<Warning>,
    /// The year being planned, as detected (or as given in [`ExtractOptions`]).
    pub plan_year: Option<i32>,
}

impl Extraction {
    /// The findings as JSON Lines, one per line.
    pub fn to_json_lines(&self) -> String {
        let mut s = String::new();
        for f in &self.findings {
            s.push_str(&f.to_json_line());
            s.push('\n');
        }
        s
    }

    /// The target findings.
    pub fn targets(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.status == Status::Target)
    }

    /// The actual findings.
    pub fn actuals(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.status == Status::Actual)
    }
}

/// Options of [`extract_with`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractOptions {
    /// The year being planned. Default: detected from the title and headings
    /// ("2024年计划安排", "2024年主要目标"). Years before it mark actuals in text that
    /// has no headings.
    pub plan_year: Option<i32>,
    /// Text without headings is a plan part (a pasted table of targets, a draft):
    /// its numbers are targets unless the sentence reports (预计, 去年, a past year).
    /// Default `false`: the sentence's own words decide, and a sentence without any
    /// cue is read as reported (see [`Finding::status_cue`]). [`draft_plan`] sets it.
    pub unheaded_plan: bool,
}

/// Extracts every finding of `text`, plain text or HTML.
///
/// HTML (text that starts with a tag and has a closing tag or a doctype) is read
/// through a tag skipper that keeps offsets: block elements end sentences, each table
/// row is a sentence, `script`/`style`/`nav`/`head` are dropped, ASCII entities are
/// decoded. Tags and entities are blanked in place, so every span is a span of the
/// HTML as given (characters and bytes alike) and the strings of a finding hold no
/// markup. It is not a full HTML parser: text rendered by scripts and entities
/// for non-ASCII characters are not recovered.
///
/// Never fails and never panics; input larger than
/// [`MAX_INPUT_BYTES`] gives an empty extraction with a `too_large` warning. Time and
/// memory are linear in the input.
pub fn extract(text: &str) -> Extraction {
    extract_with(text, &ExtractOptions::default())
}

/// [`extract`] with options.
pub fn extract_with(text: &str, options: &ExtractOptions) -> Extraction {
    if text.len() > MAX_INPUT_BYTES {
        return Extraction {
            findings: Vec::new(),
            warnings: vec![Warning {
                code: "too_large",
                message: format!(
                    "the text has {} bytes; extraction reads at most {MAX_INPUT_BYTES}",
                    text.len()
                ),
                span: None,
            }],
            plan_year: options.plan_year,
        };
    }
    if html::looks_like_html(text) {
        // Same length in bytes and characters: spans index the caller's HTML.
        let masked = html::mask(text);
        return analyze::run(&masked, options);
    }
    analyze::run(text, options)
}

/// [`extract`], but input larger than [`MAX_INPUT_BYTES`] is an
/// [`ErrorKind::TooLarge`] error.
pub fn try_extract(text: &str) -> Result<Extraction> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "the text has {} bytes; extraction reads at most {MAX_INPUT_BYTES}",
                text.len()
            ),
        ));
    }
    Ok(extract(text))
}
