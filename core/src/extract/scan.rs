//! Finding the numbers of a passage that measure something.
//!
//! Numbers are read with the crate's own scanners (`Quantity::scan`, which handles
//! magnitude words, 百分之, 成 and 翻番, and `Unit::match_prefix`); this module only
//! decides where to start reading, what surrounds the number (余/多, ranges, 套（间）,
//! comparator words) and which numbers are names, dates, ordinals or designations and
//! so produce nothing.

use rust_decimal::Decimal;

use super::lexicon::{
    self as lx, char_at, is_clause_end, is_cn_numeral, is_cn_numeral_run, is_han, Part, Tag,
};
use super::Passage;
use crate::comparator::{Comparator, PREFIX_WORDS};
use crate::exact::Checked;
use crate::number::magnitude;
use crate::quantity::Quantity;
use crate::unit::{Dimension, Unit};

/// A passage's characters, cleaned for matching: folded, without spaces, line breaks,
/// page numbers or markdown `*`. Each keeps its byte offset in the text.
pub(crate) struct Clean {
    pub(crate) ch: Vec<char>,
    pub(crate) byte: Vec<u32>,
    pub(crate) len: Vec<u8>,
    /// True for characters inside a short quotation or a book title (a name).
    pub(crate) quoted: Vec<bool>,
}

impl Clean {
    pub(crate) fn new() -> Clean {
        Clean {
            ch: Vec::new(),
            byte: Vec::new(),
            len: Vec::new(),
            quoted: Vec::new(),
        }
    }

    pub(crate) fn fill(&mut self, text: &str, p: &Passage<'_>) {
        self.ch.clear();
        self.byte.clear();
        self.len.clear();
        self.quoted.clear();
        let mut skips = p.skips.iter().peekable();
        let passage = text.part(p.start, p.end);
        // The end of a pinyin reading being left out (區(qū)域: 區域).
        let mut reading_end = 0;
        for (off, c) in passage.char_indices() {
            let at = p.start + off;
            while skips.peek().is_some_and(|s| s.1 <= at) {
                skips.next();
            }
            if skips.peek().is_some_and(|s| s.0 <= at && at < s.1) || off < reading_end {
                continue;
            }
            if matches!(c, '(' | '（') && self.ch.last().is_some_and(|&h| lx::is_han(h)) {
                if let Some(len) = lx::pinyin_reading(passage.part(off, passage.len())) {
                    reading_end = off + len;
                    continue;
                }
            }
            if super::lexicon::is_space(c) || c == '*' || c == '\u{FEFF}' || c == '\u{200B}' {
                continue;
            }
            let f = lx::lex_fold(c);
            // "1.6?36.9?61.5": a ratio sign (∶) lost to `?` by a conversion; between two
            // digits a question mark is never one.
            if f.is_ascii_digit() {
                if let [.., d, q @ '?'] = self.ch.as_mut_slice() {
                    if d.is_ascii_digit() {
                        *q = '∶';
                    }
                }
            }
            self.ch.push(f);
            self.byte.push(at as u32);
            self.len.push(c.len_utf8() as u8);
        }
        self.quoted.resize(self.ch.len(), false);
        // Short quotations (“1+4+N”, “十百千万”, “金融支持前海30条”) and book titles are names.
        let mut open: Option<(usize, char)> = None;
        for (i, &c) in self.ch.iter().enumerate() {
            match open {
                Some((s, close)) if c == close => {
                    let limit = if close == '》' { 60 } else { 20 };
                    if i - s <= limit {
                        if let Some(quoted) = self.quoted.get_mut(s..=i) {
                            quoted.fill(true);
                        }
                    }
                    open = None;
                }
                Some((s, _)) if i - s > 60 => open = None,
                Some(_) => {}
                None => {
                    if let Some(close) = lx::quote_pair(c) {
                        open = Some((i, close));
                    }
                }
            }
        }
    }

    /// Whether cleaned character `i` is inside a short quotation or a book title.
    pub(crate) fn in_quote(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// Byte offset where cleaned character `i` starts (the passage end for `i == len`).
    pub(crate) fn start_byte(&self, i: usize, end: usize) -> usize {
        self.byte.get(i).map(|b| *b as usize).unwrap_or(end)
    }

    /// Byte offset where cleaned character `i - 1` ends.
    pub(crate) fn end_byte(&self, i: usize) -> usize {
        if i == 0 {
            return self.byte.first().map(|b| *b as usize).unwrap_or(0);
        }
        self.byte[i - 1] as usize + self.len[i - 1] as usize
    }

    /// The first cleaned index whose byte offset is at or after `byte`.
    fn index_at(&self, from: usize, byte: usize) -> usize {
        let mut j = from;
        while j < self.ch.len() && self.byte.get(j).is_some_and(|&b| (b as usize) < byte) {
            j += 1;
        }
        j
    }
}

/// What a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A number with a unit.
    Number,
    /// A numeric rank (全市第一).
    Rank,
    /// A target without a number (完成市级下达指标任务).
    Reference,
    /// A growth bound to another series (增长与经济增长同步).
    ReferenceGrowth,
}

/// A number (or rank, or reference) found in a passage, before interpretation.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub(crate) kind: Kind,
    /// Cleaned index range of the number expression (the finding's `span`).
    pub(crate) s: usize,
    pub(crate) e: usize,
    /// Where the words before it end (the start of a prefix comparator, or `s`).
    pub(crate) pre: usize,
    /// Where the words after it start (after a suffix comparator, or `e`).
    pub(crate) post: usize,
    pub(crate) value: Option<Decimal>,
    pub(crate) value_hi: Option<Decimal>,
    pub(crate) unit: Option<Unit>,
    /// 余 / 多 after the number ("700 余场"): more than.
    pub(crate) more: bool,
    pub(crate) prefix: Option<Comparator>,
    pub(crate) suffix: Option<Comparator>,
    /// Written in Chinese numerals.
    pub(crate) chinese: bool,
    /// Digits damaged by OCR: flagged, value left unknown.
    pub(crate) ocr: bool,
    /// For references: the noun inside the reference phrase ("省下达的节能减排目标任务").
    pub(crate) inner: Option<(usize, usize)>,
}

impl Cand {
    /// A figure read from words rather than digits (第一, 榜首, 持平, 正增长): the span
    /// `s..e` with the words before it ending at `s`.
    fn from_words(
        kind: Kind,
        (s, e): (usize, usize),
        value: Decimal,
        unit: &str,
        prefix: Option<Comparator>,
    ) -> Cand {
        Cand {
            kind,
            s,
            e,
            pre: s,
            post: e,
            value: Some(value),
            value_hi: None,
            unit: Unit::parse(unit).ok(),
            more: false,
            prefix,
            suffix: None,
            chinese: false,
            ocr: false,
            inner: None,
        }
    }

    /// A reference without a number (完成市级下达指标任务, 增长与经济增长同步): the
    /// span `s..e`, the words before it ending at `pre`.
    fn reference(
        kind: Kind,
        s: usize,
        e: usize,
        pre: usize,
        inner: Option<(usize, usize)>,
    ) -> Cand {
        Cand {
            kind,
            s,
            e,
            pre,
            post: e,
            value: None,
            value_hi: None,
            unit: None,
            more: false,
            prefix: None,
            suffix: None,
            chinese: false,
            ocr: false,
            inner,
        }
    }
}

fn is_ascii_alnum(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The original characters just before and after a byte range (not cleaned: a space
/// between "R&D" and "590" matters).
fn raw_before(text: &str, byte: usize) -> Option<char> {
    text.part(0, byte)
        .chars()
        .next_back()
        .map(crate::text::fold)
}

fn raw_after(text: &str, byte: usize) -> Option<char> {
    text.part(byte, text.len())
        .chars()
        .next()
        .map(crate::text::fold)
}

/// Characters that may follow a medal count (3金1银2铜).
fn medal_follow(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_ascii_digit()
                || is_clause_end(c)
                || super::lexicon::is_space(c)
                || matches!(c, '、' | '牌' | '枚' | ')' | '）' | '和' | '。')
        }
    }
}

/// Finds the candidates of a passage, in order.
pub(crate) fn candidates(text: &str, p: &Passage<'_>, cl: &Clean, out: &mut Vec<Cand>) {
    out.clear();
    let ch = &cl.ch;
    let n = ch.len();
    let mut i = 0;
    while i < n {
        let c = char_at(ch, i);
        if c.is_ascii_digit() && (i == 0 || !char_at(ch, i - 1).is_ascii_digit()) {
            let before = out.len();
            if structure_ratio_at(cl, i, out) {
                i = out.last().map(|c| c.post).unwrap_or(i + 1).max(i + 1);
                continue;
            }
            out.truncate(before);
        }
        let found = if c.is_ascii_digit()
            && (i == 0 || !char_at(ch, i - 1).is_ascii_digit())
            && top_n_at(cl, i).is_some()
        {
            top_n_at(cl, i)
        } else if c.is_ascii_digit() || matches!(c, 'O' | 'o' | 'l' | 'I') {
            number_at(text, p, cl, i, false)
        } else if is_cn_numeral(c)
            || (c == '百' && lx::starts(ch, i, "百分之"))
            || (c == '千' && lx::starts(ch, i, "千分之"))
            || c == '翻'
        {
            if i > 0 && (is_cn_numeral_run(char_at(ch, i - 1)) || char_at(ch, i - 1) == '第') {
                None
            } else {
                number_at(text, p, cl, i, true)
            }
        } else if matches!(c, '百' | '千' | '万')
            && i > 0
            && (matches!(char_at(ch, i - 1), '近' | '逾' | '超' | '上' | '破')
                || held_or_reached_before(ch, i))
        {
            bare_magnitude_at(text, p, cl, i)
        } else if c == '第' || c == '前' {
            rank_at(cl, i)
        } else if (c == '榜' && lx::starts(ch, i, "榜首"))
            || (c == '首' && lx::starts(ch, i, "首位"))
        {
            top_rank_at(cl, i)
        } else if (c == '下' && lx::starts(ch, i, "下达"))
            || (c == '规' && lx::starts(ch, i, "规定"))
        {
            reference_at(cl, i)
        } else if c == '要' && lx::starts(ch, i, "要求") {
            requirement_at(cl, i)
        } else if c == '完' && lx::starts(ch, i, "完成") {
            task_reference_at(cl, i)
        } else if c == '正' && lx::starts(ch, i, "正增长") {
            signed_growth_at(cl, i, Comparator::Gt)
        } else if c == '负'
            && lx::starts(ch, i, "负增长")
            && !ch
                .get(i + 3)
                .is_some_and(|x| x.is_ascii_digit() || is_cn_numeral(*x))
        {
            signed_growth_at(cl, i, Comparator::Lt)
        } else if c == '持' && lx::starts(ch, i, "持平") {
            level_growth_at(cl, i)
        } else if matches!(c, '与' | '和' | '同') {
            growth_reference_at(cl, i)
        } else if matches!(c, '高' | '低' | '快' | '慢' | '优' | '好' | '达') {
            level_reference_at(cl, i)
        } else {
            None
        };
        match found {
            Some(cand) => {
                i = cand.post.max(i + 1);
                out.push(cand);
            }
            None => i += 1,
        }
    }
    drop_modifiers(cl, out);
}

/// True when the words from `k`, right after a 的, name things of which a count
/// follows in the same clause ("…以上的工业企业有320家", "超10亿元的企业14家",
/// "…的35家企业中"): the figure before the 的 is then the criterion that selects what
/// is counted, not a value of it. "60%以上的村实现…超10万元" has no count after it, and
/// keeps its 60%.
pub(crate) fn counted_noun_follows(ch: &[char], k: usize) -> bool {
    let n = ch.len();
    let mut x = k;
    while x < n && x - k <= 14 {
        let c = char_at(ch, x);
        if is_clause_end(c) || matches!(c, '、' | '的') {
            return false;
        }
        if c.is_ascii_digit() || is_cn_numeral(c) {
            break;
        }
        x += 1;
    }
    let start = x;
    while x < n
        && (char_at(ch, x).is_ascii_digit()
            || char_at(ch, x) == '.'
            || is_cn_numeral_run(char_at(ch, x))
            || magnitude(char_at(ch, x)).is_some())
    {
        x += 1;
    }
    if x == start || x - k > 20 {
        return false;
    }
    // Measure words of counts are one character (家, 个, 项, 人).
    let mut buf = [0u8; 4];
    Unit::match_prefix(char_at(ch, x).encode_utf8(&mut buf)).is_some_and(|(u, _)| {
        matches!(u.dimension(), Dimension::Count(_) | Dimension::People)
            && !matches!(u.symbol(), "名次" | "位次")
    })
}

/// True for a bound that selects what the next number counts ("主营业务收入500万元以上的
/// 工业企业有320家", "产值超10亿元的企业14家"): a figure with a comparator (以上, 超)
/// and [`counted_noun_follows`] after its 的. A figure without one is a value of what
/// is counted ("总投资35亿元的80项工程": their total), and a count before a count
/// ("15个乡镇的120个村") is left to the indicator rules.
fn criterion(ch: &[char], c: &Cand) -> bool {
    let count = c
        .unit
        .is_some_and(|u| matches!(u.dimension(), Dimension::Count(_)));
    !count
        && c.kind == Kind::Number
        && (c.prefix.is_some() || c.suffix.is_some() || c.more)
        && ch.get(c.post) == Some(&'的')
        && counted_noun_follows(ch, c.post + 1)
}

/// True when `head` ends with the acronym of an indicator ("完成GDP2917.85亿元"),
/// not with a code such as PM2.5 or V2G: the number after it is the indicator's.
fn after_indicator_acronym(head: &str) -> bool {
    lx::INDICATOR_ACRONYMS.iter().any(|a| {
        head.strip_suffix(a).is_some_and(|h| {
            !h.chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric())
        })
    })
}

/// "12万城镇就业困难人员", "近1亿农村贫困人口", "1亿左右农业转移人口": a number with a
/// magnitude word and no unit, before a noun phrase of people in its clause, counts
/// people (人).
fn people_noun_after(ch: &[char], i: usize, j: usize) -> Option<Unit> {
    if !ch
        .part(i, j)
        .iter()
        .any(|&c| magnitude(c).is_some_and(|m| m >= Decimal::from(1000)))
    {
        return None;
    }
    let k = j + lx::starts_any(ch, j, lx::APPROX_AFTER_NUMBER).unwrap_or(0);
    let run = (k..(k + 10).min(ch.len())).take_while(|&x| lx::is_han(char_at(ch, x)));
    // The people noun heads the phrase: "10万学生家庭" counts households.
    let head = run
        .into_iter()
        .find_map(|x| lx::starts_any(ch, x, lx::PEOPLE_NOUNS).map(|len| x + len))?;
    if lx::starts_any(ch, head, lx::HOUSEHOLD_NOUNS).is_some() {
        return None;
    }
    Unit::parse("人").ok()
}

/// "新增就业目标1200万": a number with a magnitude word and no unit right after an
/// indicator that counts people ([`lx::PEOPLE_INDICATORS`], a plan noun between at
/// most) counts people (人).
fn people_indicator_before(ch: &[char], i: usize, j: usize) -> Option<Unit> {
    if !ch
        .part(i, j)
        .iter()
        .any(|&c| magnitude(c).is_some_and(|m| m >= Decimal::from(1000)))
    {
        return None;
    }
    let mut e = i;
    // "城镇人口控制在272万以内": a predicate or comparator word may stand between.
    if let Some(len) = predicate_ending(ch, e) {
        e -= len;
    }
    if let Some(len) = lx::ends_any(ch, e, lx::PLAN_OBJECT_NOUNS) {
        e -= len;
    }
    lx::ends_any(ch, e, lx::PEOPLE_INDICATORS)?;
    Unit::parse("人").ok()
}

/// A number being read at a cleaned index: the value and unit so far, where it
/// ends, and the words that qualify it. [`number_at`] passes it through the steps
/// below in order; each step is one rule with its own tests.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading {
    /// Byte offset where the number starts (its sign included).
    start: usize,
    /// Cleaned index just after the number expression read so far.
    j: usize,
    value: Decimal,
    value_hi: Option<Decimal>,
    unit: Option<Unit>,
    /// 余 / 多 / 超: more than the value.
    more: bool,
    /// 几: about the value.
    approx: bool,
}

/// Reads a number starting at cleaned index `i`: the steps are the functions below,
/// in the order they apply. A missed or wrongly read number is fixed in the step
/// that names its case.
fn number_at(text: &str, p: &Passage<'_>, cl: &Clean, i: usize, chinese: bool) -> Option<Cand> {
    if part_of_a_code_or_name(text, cl, i, chinese) {
        return None;
    }
    if !chinese {
        if let Some(c) = ocr_at(text, p, cl, i) {
            return Some(c);
        }
        if !char_at(&cl.ch, i).is_ascii_digit() {
            return None;
        }
    }
    if ordinal(&cl.ch, i) {
        return None;
    }
    if let Some(c) = fraction_at(text, p, cl, i, chinese) {
        return Some(c);
    }
    let mut r = read_quantity(text, p, cl, i)?;
    more_or_about(text, p, cl, i, &mut r)?;
    range_after(text, p, cl, chinese, &mut r)?;
    unit_from_context(text, p, cl, i, &mut r)?;
    // "9万人口的饮水安全": the noun 人口 counts people; its 口 names nothing.
    if r.unit.is_some_and(|u| u.symbol() == "人") && cl.ch.get(r.j) == Some(&'口') {
        r.j += 1;
    }
    // "旅客吞吐量突破200万大关": a crossing of a tier in the indicator's unit.
    if r.unit.is_none() && r.value_hi.is_none() {
        if let Some(c) = tier_crossing(cl, i, r.j, r.value) {
            return Some(Cand { chinese, ..c });
        }
    }
    let unit = match r.unit {
        Some(u) => u,
        None if !chinese && r.value_hi.is_none() && ratio_name_before(&cl.ch, i) => Unit::NONE,
        None => return None,
    };
    if unit.dimension() == Dimension::Years && !a_length_in_years(&cl.ch, i, r.value) {
        return None;
    }
    // "五台县", "九华山": a numeral and a measure word inside a place name.
    if chinese && unit.symbol() != "个" && lx::starts_any(&cl.ch, r.j, lx::PLACE_TAILS).is_some() {
        return None;
    }
    bracketed_measure_word(text, p, cl, &mut r);
    if rejected_by_what_follows(text, cl, unit, &r)
        || (chinese && not_a_chinese_count(text, cl, i, unit, &r))
    {
        return None;
    }
    let s = if r.start < cl.start_byte(i, p.end) {
        i - 1
    } else {
        i
    };
    if excluded_by_context(&cl.ch, i, s, r.j, unit).is_some() {
        return None;
    }
    let mut cand = Cand {
        kind: Kind::Number,
        s,
        e: r.j,
        pre: s,
        post: r.j,
        value: Some(r.value),
        value_hi: r.value_hi,
        unit: Some(unit),
        more: r.more,
        prefix: None,
        suffix: None,
        chinese,
        ocr: false,
        inner: None,
    };
    comparators(cl, &mut cand);
    if r.approx && cand.prefix.is_none() && cand.suffix.is_none() {
        cand.prefix = Some(Comparator::Approx);
    }
    Some(cand)
}

/// 年 after a number is a length of time (受教育年限11.5年, 从10.23年提高到10.8年) only
/// with a decimal point or after a word naming a length in years ([`lx::YEAR_LENGTH_WORDS`]
/// in the clause); otherwise it is a calendar year or a period (2023年, 今后5年).
fn a_length_in_years(ch: &[char], i: usize, value: Decimal) -> bool {
    // A decimal point written (its scale, not an arithmetic fraction: cheaper, and
    // "11.0年" is a length too).
    value.scale() > 0
        || (i.saturating_sub(16)..i)
            .rev()
            .take_while(|&k| !is_clause_end(char_at(ch, k)))
            .any(|k| lx::starts_any(ch, k, lx::YEAR_LENGTH_WORDS).is_some())
}

/// Digits that are part of a code or a name: PM2.5, V2G, X9, AIPerf500, 1+4+N, 2.0,
/// a short quotation ("“1+4+N”"). An indicator acronym before a figure (GDP2917亿元)
/// is no code.
fn part_of_a_code_or_name(text: &str, cl: &Clean, i: usize, chinese: bool) -> bool {
    let byte = cl.start_byte(i, text.len());
    let before = raw_before(text, byte);
    (!chinese
        && ((is_ascii_alnum(before) && !after_indicator_acronym(text.part(0, byte)))
            || matches!(before, Some('+' | '.' | '/' | '_' | '#'))))
        || cl.in_quote(i)
}

/// 第N: an ordinal, never a quantity (ranks are read by [`rank_at`]).
fn ordinal(ch: &[char], i: usize) -> bool {
    i > 0 && char_at(ch, i - 1) == '第'
}

/// The number and the unit right after it, with the crate's quantity scanner; a sign
/// before it ("增长-2.1%"), but not the dash of a range ("1-2").
fn read_quantity(text: &str, p: &Passage<'_>, cl: &Clean, i: usize) -> Option<Reading> {
    let ch = &cl.ch;
    let mut start = cl.start_byte(i, p.end);
    if i > 0
        && char_at(ch, i - 1) == '-'
        && (i < 2 || !(char_at(ch, i - 2).is_ascii_alphanumeric() || char_at(ch, i - 2) == ')'))
    {
        start = cl.start_byte(i - 1, p.end);
    }
    let (mut q, mut end) = Quantity::scan(text, start).ok()??;
    // "4.53*万人": a footnote mark between the number and its magnitude or unit is
    // read through (the cleaned characters skip it already).
    if q.unit().is_none() && text.part(end, p.end).starts_with('*') {
        let mut joined = String::from(text.part(start, end));
        joined.push_str(text.part(end + 1, p.end));
        if let Ok(Some((q2, end2))) = Quantity::scan(&joined, 0) {
            if !q2.unit().is_none() && end2 > end - start {
                (q, end) = (q2, start + end2 + 1);
            }
        }
    }
    if end > p.end {
        return None;
    }
    Some(Reading {
        start,
        j: cl.index_at(i, end),
        value: q.value(),
        value_hi: None,
        unit: (!q.unit().is_none()).then_some(q.unit()),
        more: false,
        approx: false,
    })
}

/// 余 / 多 between the number and its unit ("700 余场", "2.3 万余次", "5000 多万元":
/// more than) or 几 ("二十几万人": about); and the same words read inside the
/// numeral ("一千多万人", "500余万元"), where the number scanner gives the floor.
/// None only when a magnitude overflows.
fn more_or_about(text: &str, p: &Passage<'_>, cl: &Clean, i: usize, r: &mut Reading) -> Option<()> {
    let ch = &cl.ch;
    let n = ch.len();
    let j = r.j;
    if r.unit.is_none() && j < n && matches!(char_at(ch, j), '余' | '多' | '几') {
        let some = char_at(ch, j) == '几';
        let mut k = j + 1;
        let mut v = r.value;
        while k < n {
            match magnitude(char_at(ch, k)) {
                Some(m) => v = v.mul_checked(m)?,
                None => break,
            }
            k += 1;
        }
        if k < n {
            if let Some((u, len)) = Unit::match_prefix(text.part(cl.start_byte(k, p.end), p.end)) {
                r.value = v;
                r.unit = Some(u);
                r.more = !some;
                r.approx = some;
                r.j = cl.index_at(k, cl.start_byte(k, p.end) + len);
            }
        }
    }
    for &x in ch.part(i, r.j.min(n)) {
        match x {
            '多' | '余' | '餘' => r.more = !r.approx,
            '几' | '幾' => {
                r.approx = true;
                r.more = false;
            }
            _ => {}
        }
    }
    Some(())
}

/// A range: "1-2个", "3至5个", "5%-6%", "三到五个"; in "1-2万人" the magnitude of the
/// upper bound applies to both. None only when a magnitude overflows.
fn range_after(
    text: &str,
    p: &Passage<'_>,
    cl: &Clean,
    chinese: bool,
    r: &mut Reading,
) -> Option<()> {
    let ch = &cl.ch;
    let (n, j) = (ch.len(), r.j);
    if !(j + 1 < n && matches!(char_at(ch, j), '-' | '~' | '至' | '到' | '—' | '～')) {
        return Some(());
    }
    let k = j + 1;
    if !(char_at(ch, k).is_ascii_digit() || (chinese && is_cn_numeral(char_at(ch, k)))) {
        return Some(());
    }
    let Ok(Some((q2, end2))) = Quantity::scan(text, cl.start_byte(k, p.end)) else {
        return Some(());
    };
    let u2 = (!q2.unit().is_none()).then_some(q2.unit());
    let compatible = match (r.unit, u2) {
        (None, Some(_)) => true,
        (Some(a), Some(b)) => a == b,
        _ => false,
    };
    if compatible && end2 <= p.end {
        if r.unit.is_none() {
            r.value = r
                .value
                .mul_checked(range_scale(text, cl.start_byte(k, p.end)))?;
        }
        r.unit = u2;
        r.value_hi = Some(q2.value());
        r.j = cl.index_at(k, end2);
    }
    Some(())
}

/// A unit the number does not carry, from its context: the last unit of a 分别 list
/// ("分别为11、24、59、35微克/立方米"), people counted by a noun or an indicator
/// ([`people_noun_after`], [`people_indicator_before`]), 兆 before a currency ("4.4兆元"
/// is 4.4 × 10^12 元, Taiwan usage). None only when a magnitude overflows.
fn unit_from_context(
    text: &str,
    p: &Passage<'_>,
    cl: &Clean,
    i: usize,
    r: &mut Reading,
) -> Option<()> {
    let ch = &cl.ch;
    let (n, j) = (ch.len(), r.j);
    if r.unit.is_some() || r.value_hi.is_some() {
        return Some(());
    }
    if respectively_before(ch, i) {
        r.unit = shared_list_unit(text, p, cl, j);
    }
    if r.unit.is_none() {
        r.unit = people_noun_after(ch, i, j).or_else(|| people_indicator_before(ch, i, j));
    }
    if r.unit.is_none() && j + 1 < n && char_at(ch, j) == '兆' {
        if let Some((u, len)) = Unit::match_prefix(text.part(cl.start_byte(j + 1, p.end), p.end)) {
            if matches!(u.dimension(), Dimension::Money(_)) {
                r.value = r.value.mul_checked(Decimal::from(1_000_000_000_000i64))?;
                r.unit = Some(u);
                r.j = cl.index_at(j + 1, cl.start_byte(j + 1, p.end) + len);
            }
        }
    }
    Some(())
}

/// 套（间）: a second measure word in brackets belongs to the unit.
fn bracketed_measure_word(text: &str, p: &Passage<'_>, cl: &Clean, r: &mut Reading) {
    let ch = &cl.ch;
    let (n, j) = (ch.len(), r.j);
    if j + 2 < n && char_at(ch, j) == '(' {
        let inner = text.part(cl.start_byte(j + 1, p.end), p.end);
        if let Some((_, len)) = Unit::match_prefix(inner) {
            let k = cl.index_at(j + 1, cl.start_byte(j + 1, p.end) + len);
            if k < n && char_at(ch, k) == ')' && k - j <= 3 {
                r.j = k + 1;
            }
        }
    }
}

/// What follows makes the number a name: "5+N" (a formula), a word that only looks
/// like number + unit ([`lx::UNIT_WORDS`]: 个人, 千万), a medal count that is not one
/// ("3金" of a company name).
fn rejected_by_what_follows(text: &str, cl: &Clean, unit: Unit, r: &Reading) -> bool {
    let ch = &cl.ch;
    let j = r.j;
    let next = ch.get(j).copied();
    if next == Some('+') || raw_after(text, cl.end_byte(j)) == Some('+') {
        return true;
    }
    if let (Some(a), Some(b)) = (j.checked_sub(1).map(|k| char_at(ch, k)), next) {
        let word: String = [a, b].iter().collect();
        if lx::UNIT_WORDS.contains(word.as_str()) && !r.more {
            return true;
        }
    }
    matches!(unit.symbol(), "金" | "银" | "铜") && !medal_follow(raw_after(text, cl.end_byte(j)))
}

/// A Chinese numeral that counts nothing: a lone 一 (一批, 一张网: an article), 零,
/// an ordinal unit (三届, 五次), or a unit Chinese numerals do not measure in
/// reports ("九米" is a name; 三个, 两家, 五成 are counts).
fn not_a_chinese_count(text: &str, cl: &Clean, i: usize, unit: Unit, r: &Reading) -> bool {
    let ch = &cl.ch;
    let sym = unit.symbol();
    let run_end = cl.index_at(i, numeral_end(text, r.start));
    let lone_one = run_end == i + 1 && char_at(ch, i) == '一';
    if (lone_one && sym != "个百分点") || char_at(ch, i) == '零' {
        return true;
    }
    if lx::CN_ORDINAL_UNITS.contains(sym) {
        return true;
    }
    !matches!(
        unit.dimension(),
        Dimension::Count(_)
            | Dimension::People
            | Dimension::PersonTimes
            | Dimension::Ratio
            | Dimension::PercentagePoint
            | Dimension::Money(_)
    )
}

/// Why the context of a number makes it no finding (each a class of SPEC §7's
/// exclusions), checked by [`excluded_by_context`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exclusion {
    /// "迈上三个千亿级台阶": steps of a magnitude, not things.
    NarrativeTier,
    /// "连续5年", "六连冠": a record, not this year's value.
    Streak,
    /// "每10万人", "每千人口": the per-unit base of an indicator name.
    Denominator,
    /// "排名前1%": a threshold that defines what is counted.
    Threshold,
    /// "10公里产业带", "1小时交通圈": the designation of one object.
    Designation,
    /// "亿元以上项目", "营收超100亿元企业": a money threshold naming a category.
    Category,
}

/// The filters on the words around a number read at cleaned `i..j` (its span
/// starting at `s`, a sign included) in `unit`: the first that applies.
pub(crate) fn excluded_by_context(
    ch: &[char],
    i: usize,
    s: usize,
    j: usize,
    unit: Unit,
) -> Option<Exclusion> {
    let n = ch.len();
    let next = ch.get(j).copied();
    let next2 = ch.get(j + 1).copied();
    let mut k = j;
    while k < n && magnitude(char_at(ch, k)).is_some() {
        k += 1;
    }
    if k > j
        && ch.get(k) == Some(&'级')
        && lx::starts_any(ch, k + 1, lx::NARRATIVE_TIER_NOUNS).is_some()
    {
        return Some(Exclusion::NarrativeTier);
    }
    // The count of a streak: "连续5年", "连续第3年" (a level held over the streak,
    // "连续8年稳定在1.3万亿斤以上", is a finding).
    let streak = (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&k| !is_clause_end(char_at(ch, k)))
        .any(|k| lx::starts(ch, k, "连续"));
    if streak || (next == Some('连') && next2 != Some('锁')) {
        return Some(Exclusion::Streak);
    }
    if i >= 1
        && lx::DENOMINATOR_MARKERS
            .iter()
            .any(|m| lx::starts(ch, i - 1, m))
    {
        return Some(Exclusion::Denominator);
    }
    if i >= 1 && char_at(ch, i - 1) == '前' {
        return Some(Exclusion::Threshold);
    }
    // "10个方面", "三个方面": an enumeration of the speech, not things counted.
    if matches!(unit.dimension(), Dimension::Count(_))
        && lx::starts_any(ch, j, lx::DISCOURSE_NOUNS).is_some()
    {
        return Some(Exclusion::Designation);
    }
    // "9类37项": the count of categories of a list; the item count is the finding.
    if unit.symbol() == "类"
        && next.is_some_and(|c| c.is_ascii_digit() || crate::number::cn_digit(c).is_some())
    {
        return Some(Exclusion::Category);
    }
    // "在28个指标中", "在31个省份中": the whole a part is counted in.
    if i >= 1 && char_at(ch, i - 1) == '在' {
        let mut look = (j..(j + 10).min(n)).take_while(|&k| !is_clause_end(char_at(ch, k)));
        if look.any(|k| char_at(ch, k) == '中') {
            return Some(Exclusion::Denominator);
        }
    }
    // "60岁及以上户籍人口", "10%以上的企业", "5‰人口变动抽样调查": a criterion that selects
    // what is counted, not a value of it.
    let after = j + lx::starts_any(ch, j, lx::ABOVE_SUFFIXES)
        .or_else(|| lx::starts_any(ch, j, lx::BELOW_SUFFIXES))
        .unwrap_or(0);
    if after > j && unit.dimension() == Dimension::Age {
        return Some(Exclusion::Threshold);
    }
    if after > j
        && ch.get(after) == Some(&'的')
        && lx::starts_any(ch, after + 1, lx::CATEGORY_NOUNS).is_some()
    {
        return Some(Exclusion::Threshold);
    }
    if unit.dimension() == Dimension::Ratio {
        let mut look = (j..(j + 10).min(n)).take_while(|&k| !is_clause_end(char_at(ch, k)));
        if look.any(|k| char_at(ch, k) == '抽' && lx::starts_any(ch, k, lx::SAMPLE_WORDS).is_some())
        {
            return Some(Exclusion::Threshold);
        }
    }
    if matches!(unit.dimension(), Dimension::Length | Dimension::Duration) {
        let mut look = (j..(j + 6).min(n)).take_while(|&k| !is_clause_end(char_at(ch, k)));
        if look.any(|k| matches!(char_at(ch, k), '带' | '圈' | '廊')) {
            return Some(Exclusion::Designation);
        }
    }
    if matches!(unit.dimension(), Dimension::Money(_)) {
        // The "more than" word right before the amount (超过, 超, 逾, 过), if any.
        let above_len = if s >= 2 && lx::starts(ch, s - 2, "超过") {
            2
        } else {
            usize::from(s >= 1 && matches!(char_at(ch, s - 1), '超' | '逾' | '过'))
        };
        let above = above_len > 0;
        // "首个300亿元园区", "3个过三千亿元城市": items counted before the amount are
        // of its class.
        let lead = s - above_len;
        let counted = lead >= 1 && char_at(ch, lead - 1) == '个';
        if size_class_at(ch, j, above || counted) {
            return Some(Exclusion::Category);
        }
        // "5000万美元、1亿美元以上大项目", "超100亿元或10亿美元项目": an amount listed
        // before a size class shares it.
        if ch
            .get(j)
            .is_some_and(|c| matches!(c, '、' | '或' | '和' | '及'))
        {
            let mut k = j + 1;
            let above = above || lx::starts_any(ch, k, lx::ABOVE_WORDS).is_some();
            k += lx::starts_any(ch, k, &["超过", "超", "逾"]).unwrap_or(0);
            let start = k;
            while k < n
                && (char_at(ch, k).is_ascii_digit()
                    || char_at(ch, k) == '.'
                    || magnitude(char_at(ch, k)).is_some())
            {
                k += 1;
            }
            if k > start {
                if let Some(len) = lx::starts_any(ch, k, lx::CURRENCY_UNITS) {
                    if size_class_at(ch, k + len, above) {
                        return Some(Exclusion::Category);
                    }
                }
            }
        }
    }
    None
}

/// True when the words at `k`, right after a money amount, make it a size class: 以上
/// (or a comparator before it, `above`) and a category noun ("亿元以上项目"), or a
/// category noun with a count after it ("50-100亿元项目6个").
fn size_class_at(ch: &[char], k: usize, above: bool) -> bool {
    let n = ch.len();
    let mut k = k;
    let mut above = above;
    if let Some(len) = lx::starts_any(ch, k, lx::ABOVE_SUFFIXES) {
        k += len;
        above = true;
    }
    let noun = ch
        .get(k)
        .is_some_and(|c| is_han(*c))
        .then(|| lx::starts_any(ch, k, lx::CATEGORY_NOUNS))
        .flatten();
    let counted = noun.is_some_and(|len| {
        (k + len..(k + len + 3).min(n))
            .take_while(|&x| !is_clause_end(char_at(ch, x)))
            .any(|x| char_at(ch, x).is_ascii_digit())
    });
    noun.is_some() && (above || counted)
}

/// The percentage of a fraction, rounded to two decimals as reports round them
/// (1/3 → 33.33, 1/4 → 25): "增幅近1/3", "三分之一", "四分之一". None unless
/// 0 < numerator ≤ denominator ≤ 100.
fn fraction_percent(num: Decimal, den: Decimal) -> Option<Decimal> {
    let hundred = Decimal::ONE_HUNDRED;
    if num <= Decimal::ZERO || den > hundred || num > den || !num.is_integer() || !den.is_integer()
    {
        return None;
    }
    Some(
        num.mul_checked(hundred)?
            .div_checked(den)?
            .round_dp(2)
            .normalize(),
    )
}

/// A fraction at cleaned index `i`: Arabic "1/3" (not a date: no second slash, the
/// denominator at most 100) or Chinese "三分之一". Gives a share in %.
fn fraction_at(text: &str, p: &Passage<'_>, cl: &Clean, i: usize, chinese: bool) -> Option<Cand> {
    let ch = &cl.ch;
    let n = ch.len();
    // Cheap test first: a slash after the digits, or 分之 after the numerals.
    let mut k = i;
    if chinese {
        while k < n && is_cn_numeral(char_at(ch, k)) {
            k += 1;
        }
        if !lx::starts(ch, k, "分之") {
            return None;
        }
    } else {
        while k < n && (char_at(ch, k).is_ascii_digit() || char_at(ch, k) == '.') {
            k += 1;
        }
        if ch.get(k) != Some(&'/') {
            return None;
        }
        // "今（11/28）": a month and day in brackets is a date.
        let mut e = k + 1;
        while e < n && char_at(ch, e).is_ascii_digit() {
            e += 1;
        }
        if i > 0
            && matches!(char_at(ch, i - 1), '(' | '（')
            && ch.get(e).is_some_and(|c| matches!(c, ')' | '）'))
        {
            return None;
        }
    }
    let read = |k: usize| -> Option<(Decimal, usize)> {
        let b = cl.start_byte(k, p.end);
        let num = crate::number::scan(text, b).ok()??;
        if num.end > p.end || (num.chinese_digits != chinese) {
            return None;
        }
        Some((num.value, cl.index_at(k, num.end)))
    };
    let (first, k) = read(i)?;
    let (num, den, e) = if !chinese {
        if ch.get(k) != Some(&'/') || !ch.get(k + 1).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let (den, e) = read(k + 1)?;
        if matches!(ch.get(e), Some('/' | '.'))
            || (i > 0 && matches!(char_at(ch, i - 1), '/' | '.'))
        {
            return None;
        }
        (first, den, e)
    } else {
        if !lx::starts(ch, k, "分之") || k + 2 >= n || !is_cn_numeral(char_at(ch, k + 2)) {
            return None;
        }
        let (num, e) = read(k + 2)?;
        (num, first, e)
    };
    let value = fraction_percent(num, den)?;
    let mut cand = Cand {
        kind: Kind::Number,
        s: i,
        e,
        pre: i,
        post: e,
        value: Some(value),
        value_hi: None,
        unit: Unit::parse("%").ok(),
        more: false,
        prefix: None,
        suffix: None,
        chinese,
        ocr: false,
        inner: None,
    };
    comparators(cl, &mut cand);
    Some(cand)
}

/// True when 分别 stands earlier in the clause of `i` (at most 24 characters back).
fn respectively_before(ch: &[char], i: usize) -> bool {
    (i.saturating_sub(24)..i)
        .rev()
        .take_while(|&k| !is_clause_end(char_at(ch, k)))
        .any(|k| lx::starts(ch, k, "分别"))
}

/// The unit of the list item that ends a run of bare numbers joined by 、/和/及
/// starting at cleaned index `j` (at most eight items), if it has one.
fn shared_list_unit(text: &str, p: &Passage<'_>, cl: &Clean, mut j: usize) -> Option<Unit> {
    let ch = &cl.ch;
    for _ in 0..8 {
        if !ch.get(j).is_some_and(|c| matches!(c, '、' | '和' | '及')) {
            return None;
        }
        let k = j + 1;
        // "分别为0.15、-5.64、1.34个百分点": an item may carry its sign.
        let digit_at = |k: usize| ch.get(k).is_some_and(|c| c.is_ascii_digit());
        if !(digit_at(k) || (ch.get(k) == Some(&'-') && digit_at(k + 1))) {
            return None;
        }
        let (q, end) = Quantity::scan(text, cl.start_byte(k, p.end)).ok()??;
        if end > p.end {
            return None;
        }
        if !q.unit().is_none() {
            return Some(q.unit());
        }
        j = cl.index_at(k, end);
    }
    None
}

/// True when a bare number follows the name of a dimensionless ratio, possibly with a
/// predicate between ("城乡居民收入比缩小到2.2", "基尼系数为0.35").
fn ratio_name_before(ch: &[char], i: usize) -> bool {
    let mut e = i;
    for _ in 0..3 {
        if let Some(len) = predicate_ending(ch, e) {
            e -= len;
        } else {
            break;
        }
    }
    // "系数由0.516提高到0.548": the end of a from–to change names its ratio before
    // the first number.
    let digits = ch
        .part(0, e)
        .iter()
        .rev()
        .take(12)
        .take_while(|c| c.is_ascii_digit() || **c == '.')
        .count();
    if digits > 0 && e > digits && matches!(char_at(ch, e - digits - 1), '由' | '从') {
        e -= digits + 1;
    }
    if e > 0 && matches!(char_at(ch, e - 1), '由' | '从') {
        e -= 1;
    }
    match lx::ends_any(ch, e, lx::RATIO_NAMES) {
        Some(_) => !(e >= 2 && matches!(char_at(ch, e - 2), '同' | '环' | '占' | '相' | '对')),
        None => false,
    }
}

/// The length of a comparator or predicate word ending at `e`.
fn predicate_ending(ch: &[char], e: usize) -> Option<usize> {
    PREFIX_WORDS
        .iter()
        .filter_map(|(w, _)| {
            let len = w.chars().count();
            (e >= len && lx::starts(ch, e - len, w)).then_some(len)
        })
        .max()
        .or_else(|| lx::LEXICON.ending(ch, e, Tag::Predicate))
}

/// "近百个", "逾千家", "上万人": a magnitude word alone after 近/逾/超/上.
fn bare_magnitude_at(text: &str, p: &Passage<'_>, cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    let mut value = magnitude(char_at(ch, i))?;
    let mut k = i + 1;
    // 千亿, 万亿: magnitudes multiply.
    while let Some(m) = ch.get(k).and_then(|c| magnitude(*c)) {
        value = value.mul_checked(m)?;
        k += 1;
    }
    if let Some(cand) = tier_crossing(cl, i, k, value) {
        return Some(cand);
    }
    let (unit, len) = Unit::match_prefix(text.part(cl.start_byte(k, p.end), p.end))?;
    // "突破万亿元", "超千亿元": a bare magnitude of money needs its comparator word.
    let money = matches!(unit.dimension(), Dimension::Money(_));
    // "产量稳定在百万吨以上": after a verb that holds or reaches a level, any measure.
    let measured = held_or_reached_before(ch, i) && !unit.is_none();
    if !(money
        || measured
        || matches!(
            unit.dimension(),
            Dimension::Count(_) | Dimension::People | Dimension::PersonTimes
        ))
        || cl.in_quote(i)
    {
        return None;
    }
    let e = cl.index_at(k, cl.start_byte(k, p.end) + len);
    // "迈上万亿台阶": the unit character starts a word (台阶), not a unit.
    if let (Some(a), Some(b)) = (e.checked_sub(1).and_then(|x| ch.get(x)), ch.get(e)) {
        let word: String = [*a, *b].iter().collect();
        if lx::UNIT_WORDS.contains(word.as_str()) {
            return None;
        }
    }
    let mut cand = Cand {
        kind: Kind::Number,
        s: i,
        e,
        pre: i,
        post: e,
        value: Some(value),
        value_hi: None,
        unit: Some(unit),
        more: false,
        prefix: None,
        suffix: None,
        chinese: true,
        ocr: false,
        inner: None,
    };
    comparators(cl, &mut cand);
    if money && cand.prefix.is_none() {
        return None;
    }
    Some(cand)
}

/// True when a verb that holds or reaches a level ends at `i` ("稳定在", "达到"):
/// a bare magnitude after it ("稳定在百万吨以上") is a quantity.
fn held_or_reached_before(ch: &[char], i: usize) -> bool {
    lx::ends_any(ch, i, lx::HOLD_AT).is_some() || lx::ends_any(ch, i, lx::MEET_VERBS).is_some()
}

/// "地区生产总值突破千亿大关", "迈上万亿台阶": a level crossing named by a tier noun
/// (大关, 台阶) after a bare magnitude `[i, k)`, with a crossing verb before it. The unit
/// is not written: it is the indicator's (money for 生产总值, 收入 …; person-times for
/// 游客, 吞吐量 …), read in the clause before; without one, no finding.
fn tier_crossing(cl: &Clean, i: usize, k: usize, value: Decimal) -> Option<Cand> {
    let ch = &cl.ch;
    let tier = lx::starts_any(ch, k, lx::TIER_CROSSING_NOUNS)?;
    let (op, verb) = lx::TIER_CROSSING_VERBS
        .iter()
        .find(|(w, _)| lx::ends_any(ch, i, &[*w]).is_some())
        .map(|(w, op)| (*op, w.chars().count()))?;
    let pre = i - verb;
    // The subject may stand in the clause before ("地区生产总值增长6.8%，迈上万亿台阶").
    let lo = (pre.saturating_sub(40)..pre)
        .rev()
        .find(|&x| matches!(char_at(ch, x), '。' | '；' | ';' | '!' | '?'))
        .map_or(pre.saturating_sub(40), |x| x + 1);
    let subject = ch.part(lo, pre);
    let unit = if lx::contains_any(subject, lx::MONEY_INDICATOR_WORDS) {
        "元"
    } else if lx::contains_any(subject, lx::VISIT_INDICATOR_WORDS) {
        "人次"
    } else {
        return None;
    };
    if cl.in_quote(i) {
        return None;
    }
    Some(Cand {
        kind: Kind::Number,
        s: i,
        e: k,
        pre,
        post: k + tier,
        value: Some(value),
        value_hi: None,
        unit: Unit::parse(unit).ok(),
        more: false,
        prefix: Some(op),
        suffix: None,
        chinese: true,
        ocr: false,
        inner: None,
    })
}

/// The end byte of the numeral at `start` (without its unit).
fn numeral_end(text: &str, start: usize) -> usize {
    match crate::number::scan(text, start) {
        Ok(Some(n)) => n.end,
        _ => start,
    }
}

/// The magnitude written after the digits of a range's upper bound ("2万人" → 10 000).
fn range_scale(text: &str, start: usize) -> Decimal {
    let mut scale = Decimal::ONE;
    let num_end = numeral_end(text, start);
    let mut seen_digit = false;
    for c in text.part(start, num_end).chars().map(crate::text::fold) {
        if c.is_ascii_digit() {
            seen_digit = true;
        } else if seen_digit {
            if let Some(m) = magnitude(c) {
                scale = scale.mul_checked(m).unwrap_or(scale);
            }
        }
    }
    scale
}

/// Digits damaged by OCR: a letter O, o, l or I inside or at the edge of a digit run
/// ("1O0个", "l00 家", "2O24"). Flagged with the unit that follows; the value is left
/// unknown rather than guessed.
fn ocr_at(text: &str, p: &Passage<'_>, cl: &Clean, i: usize) -> Option<Cand> {
    let start = cl.start_byte(i, p.end);
    let mut end = start;
    let mut run: Vec<char> = Vec::new();
    for c in text.part(start, p.end).chars() {
        let f = crate::text::fold(c);
        if !(f.is_ascii_digit() || matches!(f, 'O' | 'o' | 'l' | 'I')) || run.len() > 16 {
            break;
        }
        run.push(f);
        end += c.len_utf8();
    }
    if raw_after(text, end).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let letters = run.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = run.len() - letters;
    if letters == 0 || digits == 0 {
        return None;
    }
    let inner = run.windows(3).any(|w| {
        matches!(w, [a, b, c] if a.is_ascii_digit()
            && b.is_ascii_alphabetic()
            && (c.is_ascii_digit() || c.is_ascii_alphabetic()))
    });
    let leading = matches!(run.as_slice(), [a, b, ..] if a.is_ascii_alphabetic()
        && letters == 1
        && digits >= 2
        && b.is_ascii_digit());
    let &last = run.last()?;
    let trailing = letters == 1 && digits >= 2 && last.is_ascii_alphabetic() && last != 'l';
    if !(inner || leading || trailing) {
        return None;
    }
    let k = cl.index_at(i, end);
    let ub = cl.start_byte(k, p.end);
    let (unit, len) = Unit::match_prefix(text.part(ub, p.end))?;
    let k = cl.index_at(k, ub + len);
    let mut cand = Cand {
        kind: Kind::Number,
        s: i,
        e: k,
        pre: i,
        post: k,
        value: None,
        value_hi: None,
        unit: Some(unit),
        more: false,
        prefix: None,
        suffix: None,
        chinese: false,
        ocr: true,
        inner: None,
    };
    comparators(cl, &mut cand);
    Some(cand)
}

/// Comparator words around a candidate, from the one table in `crate::comparator`.
fn comparators(cl: &Clean, cand: &mut Cand) {
    let ch = &cl.ch;
    // After: 以上, 以内, 左右 …
    if let Some((len, c)) = SUFFIX_INDEX.at(ch, cand.e).next() {
        let k = cand.e + len;
        let spurious = lx::starts(ch, cand.e, "上下")
            && ch
                .get(k)
                .is_some_and(|c| matches!(c, '游' | '级' | '班' | '车' | '楼'));
        if !spurious {
            cand.suffix = Some(c);
            cand.post = k;
        }
    }
    // Before: 不少于, 超, 约, 近 … (the longest word that ends at the number).
    // "突破人民币6000亿元": a currency word between the comparator and the number.
    let at = cand.s - lx::ends_any(ch, cand.s, lx::CURRENCY_BEFORE_NUMBER).unwrap_or(0);
    let mut best: Option<(Comparator, usize)> = None;
    for (len, c) in PREFIX_INDEX.ending(ch, at) {
        let k = at - len;
        // "提高超1个百分点" is no "高超".
        let raised = k >= 2 && lx::starts(ch, k - 2, "提高");
        if len == 1 && k > 0 && !raised && spurious_single(char_at(ch, k), char_at(ch, k - 1)) {
            continue;
        }
        best = Some((c, len));
        break;
    }
    if let Some((c, len)) = best {
        cand.prefix = Some(c);
        cand.pre = at - len;
    } else if at < cand.s {
        cand.pre = at;
    } else if matches!(cand.unit.map(|u| u.symbol()), Some("%")) {
        // "超总诊疗量五成", "占全市总量的三成": a comparator before the whole a share is of.
        let lo = cand.s.saturating_sub(8);
        for k in (lo..cand.s).rev() {
            if is_clause_end(char_at(ch, k)) {
                break;
            }
            if matches!(char_at(ch, k), '总' | '全') {
                for (w, c) in PREFIX_WORDS {
                    let len = w.chars().count();
                    if k >= len
                        && lx::starts(ch, k - len, w)
                        && matches!(c, Comparator::Gt | Comparator::Ge)
                    {
                        cand.prefix = Some(*c);
                        cand.pre = k - len;
                        return;
                    }
                }
            }
        }
    }
}

/// The comparator words of `crate::comparator` that come after a number, indexed.
static SUFFIX_INDEX: std::sync::LazyLock<lx::WordIndex<Comparator>> =
    std::sync::LazyLock::new(|| lx::WordIndex::new(crate::comparator::SUFFIX_WORDS));

/// The comparator words of `crate::comparator` that come before a number, indexed.
static PREFIX_INDEX: std::sync::LazyLock<lx::WordIndex<Comparator>> =
    std::sync::LazyLock::new(|| {
        let words: Vec<(&str, Comparator)> = PREFIX_WORDS
            .iter()
            .chain(lx::REPORT_PREFIX_COMPARATORS)
            .copied()
            .collect();
        lx::WordIndex::new(&words)
    });

/// A one-character comparator word that is really the end of another word
/// (签约, 节约, 赶超, 最近 …).
fn spurious_single(word: char, before: char) -> bool {
    match word {
        '约' => matches!(
            before,
            '签' | '履'
                | '节'
                | '集'
                | '公'
                | '条'
                | '合'
                | '预'
                | '契'
                | '制'
                | '邀'
                | '相'
                | '誓'
                | '违'
        ),
        '超' => matches!(before, '赶' | '高' | '出' | '起' | '反'),
        '近' => matches!(
            before,
            '最' | '附' | '邻' | '靠' | '贴' | '亲' | '就' | '远' | '临'
        ),
        _ => false,
    }
}

/// True when a ranking verb stands earlier in the clause of `i` (at most 60
/// characters back, a list of ranks included); 居 of 居民/居住/居家 is not one.
fn rank_verb_before(ch: &[char], i: usize) -> bool {
    let lo = i.saturating_sub(60);
    (lo..i)
        .rev()
        .take_while(|&k| !is_clause_end(char_at(ch, k)))
        .any(|k| {
            lx::starts_any(ch, k, lx::RANK_VERBS).is_some()
                && !(char_at(ch, k) == '居'
                    && matches!(ch.get(k + 1), Some('民' | '住' | '家' | '委')))
                && !(char_at(ch, k) == '排'
                    && matches!(ch.get(k + 1), Some('放' | '污' | '水' | '查')))
                && !(char_at(ch, k) == '列' && matches!(ch.get(k + 1), Some('入' | '车')))
        })
}

/// True when a streak of editions ("连续三届第一") stands before the rank at `i` in its
/// clause: a record of a contest, not a rank of this year. A rank held for years running
/// ("连续十六年位居全国首位", "连续14年居全国第一") is this year's rank too, as a level
/// held over a streak is a finding (the streak's own count is not).
fn record_streak_before(ch: &[char], i: usize) -> bool {
    let mut k = i;
    while k + 12 > i && k > 0 {
        k -= 1;
        let c = char_at(ch, k);
        if is_clause_end(c) {
            return false;
        }
        if c == '连' && char_at(ch, k + 1) == '续' {
            let mut e = k + 2;
            while e < i && (char_at(ch, e).is_ascii_digit() || is_cn_numeral_run(char_at(ch, e))) {
                e += 1;
            }
            return char_at(ch, e) != '年';
        }
    }
    false
}

/// "荣登全国百强县榜首", "位列全市首位": first place, after a ranking verb of the
/// clause (a record streak before it excepted: [`record_streak_before`]).
fn top_rank_at(cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    (i.saturating_sub(30)..i)
        .rev()
        .take_while(|&k| !is_clause_end(char_at(ch, k)))
        .find(|&k| lx::starts_any(ch, k, lx::TOP_RANK_VERBS).is_some())?;
    if cl.in_quote(i) || record_streak_before(ch, i) {
        return None;
    }
    let e = i + 2;
    if ch
        .get(e)
        .is_some_and(|&n| !(is_clause_end(n) || matches!(n, '、' | '。' | '”')))
    {
        return None;
    }
    Some(Cand::from_words(
        Kind::Rank,
        (i, e),
        Decimal::ONE,
        "名次",
        None,
    ))
}

/// "跻身服务业全国10强", "进入全省前列的20强": among the top N (a rank `<= N`), after
/// a verb of entering a ranking. "百强县" (a list's name, before a noun) is not one.
fn top_n_at(cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    let mut k = i;
    while char_at(ch, k).is_ascii_digit() && k - i < 4 {
        k += 1;
    }
    if ch.get(k) != Some(&'强') {
        return None;
    }
    let e = k + 1;
    if ch
        .get(e)
        .is_some_and(|&n| !(is_clause_end(n) || matches!(n, '、' | '。' | '”')))
    {
        return None;
    }
    let entered = (i.saturating_sub(30)..i)
        .rev()
        .take_while(|&x| !is_clause_end(char_at(ch, x)))
        .any(|x| lx::starts_any(ch, x, lx::TOP_N_VERBS).is_some());
    if !entered || cl.in_quote(i) {
        return None;
    }
    let value: u32 = ch.part(i, k).iter().collect::<String>().parse().ok()?;
    if value == 0 {
        return None;
    }
    Some(Cand::from_words(
        Kind::Rank,
        (i, e),
        Decimal::from(value),
        "名次",
        Some(Comparator::Le),
    ))
}

fn rank_at(cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    let n = ch.len();
    // Cheap test first: a digit after 第/前 (a space from PDF conversion between:
    // "第 69 位").
    let gap = usize::from(ch.get(i + 1).is_some_and(|&c| lx::is_space(c)));
    if !ch
        .get(i + 1 + gap)
        .is_some_and(|c| c.is_ascii_digit() || lx::is_cn_numeral(*c))
    {
        return None;
    }
    if cl.in_quote(i)
        || (lx::ends_any(ch, i, lx::RANK_CONTEXT).is_none() && !rank_verb_before(ch, i))
    {
        return None;
    }
    if record_streak_before(ch, i) {
        return None;
    }
    let mut k = i + 1 + gap;
    let mut value: u32 = 0;
    let mut section: u32 = 0;
    let digits_start = k;
    if k < n && char_at(ch, k).is_ascii_digit() {
        while k < n && char_at(ch, k).is_ascii_digit() && k - digits_start < 4 {
            value = value * 10 + char_at(ch, k).to_digit(10).unwrap_or(0);
            k += 1;
        }
    } else {
        // 一 … 九十九
        while k < n && k - digits_start < 3 {
            if char_at(ch, k) == '十' {
                section = if value == 0 { 10 } else { value * 10 };
                value = 0;
                k += 1;
                continue;
            }
            let d = match crate::number::cn_digit(char_at(ch, k)) {
                Some(d) if d > 0 => d,
                _ => break,
            };
            value = d;
            k += 1;
        }
        value += section;
    }
    if k == digits_start || value == 0 {
        return None;
    }
    let top = char_at(ch, i) == '前';
    // 第一名 / 前10位: the rank word belongs to the span.
    let mut e = k;
    if k + 1 < n && lx::is_space(char_at(ch, k)) && matches!(char_at(ch, k + 1), '名' | '位') {
        k += 1;
        e = k;
    }
    if k < n && matches!(char_at(ch, k), '名' | '位' | '强') {
        e = k + 1;
    }
    // 第一批, 第一要务, 第二届: not a rank.
    // "由第22位上升至第20位": the rank a move starts from is a rank too.
    if e < n
        && !(is_clause_end(char_at(ch, e))
            || matches!(char_at(ch, e), '、' | ')' | '。' | '的' | '”'))
        && !(top && e > k)
        && !(e > k && lx::starts_any(ch, e, lx::RANK_MOVES).is_some())
    {
        return None;
    }
    Some(Cand {
        pre: i,
        ..Cand::from_words(
            Kind::Rank,
            (if top { i + 1 } else { i }, e),
            Decimal::from(value),
            "名次",
            top.then_some(Comparator::Le),
        )
    })
}

/// "三次产业结构调整为11.8:48.3:39.9": three or more parts joined by colons after a
/// structure word in the clause are shares in % (SPEC §5: a:b:c structure ratios are
/// encoded as shares). Pushes one candidate per part; false when this is not one.
fn structure_ratio_at(cl: &Clean, i: usize, out: &mut Vec<Cand>) -> bool {
    let ch = &cl.ch;
    let n = ch.len();
    // Cheap test first: a colon right after the first part.
    let mut k = i;
    while k < n && (char_at(ch, k).is_ascii_digit() || char_at(ch, k) == '.') {
        k += 1;
    }
    if !ch.get(k).is_some_and(|c| matches!(c, ':' | '︰' | '∶')) {
        return false;
    }
    let lo = i.saturating_sub(24);
    let named = (lo..i)
        .rev()
        .take_while(|&k| !is_clause_end(char_at(ch, k)))
        .any(|k| lx::starts_any(ch, k, lx::STRUCTURE_WORDS).is_some());
    if !named || cl.in_quote(i) {
        return false;
    }
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut k = i;
    loop {
        let s = k;
        while k < n && char_at(ch, k).is_ascii_digit() {
            k += 1;
        }
        if k < n && char_at(ch, k) == '.' && ch.get(k + 1).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
            while k < n && char_at(ch, k).is_ascii_digit() {
                k += 1;
            }
        }
        if k == s || k - s > 12 {
            return false;
        }
        parts.push((s, k));
        if k < n
            && matches!(char_at(ch, k), ':' | '︰' | '∶')
            && ch.get(k + 1).is_some_and(|c| c.is_ascii_digit())
        {
            k += 1;
        } else {
            break;
        }
    }
    // A time (10:30) or a 2-part ratio (1:1) is not a structure of shares.
    if parts.len() < 3 || parts.len() > 6 {
        return false;
    }
    let Ok(percent) = Unit::parse("%") else {
        return false;
    };
    for (s, e) in parts {
        let text: String = ch.part(s, e).iter().collect();
        let Ok(value) = Decimal::from_str_exact(&text) else {
            return false;
        };
        out.push(Cand {
            kind: Kind::Number,
            s,
            e,
            pre: s,
            post: e,
            value: Some(value),
            value_hi: None,
            unit: Some(percent),
            more: false,
            prefix: None,
            suffix: None,
            chinese: false,
            ocr: false,
            inner: None,
        });
    }
    true
}

/// "居民消费价格指数同比持平": a growth of zero against the same period.
fn level_growth_at(cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    lx::ends_any(ch, i, lx::SAME_PERIOD_BASES)?;
    Some(Cand::from_words(
        Kind::Number,
        (i, i + 2),
        Decimal::ZERO,
        "%",
        None,
    ))
}

/// "保持正增长", "实现正增长" (growth above zero, `>`; README: 保持正增长 is `> 0`) and
/// "化肥农药使用量保持负增长" (below zero, `<`): a sign of growth with no digit in the
/// text, only after a verb of holding or reaching.
fn signed_growth_at(cl: &Clean, i: usize, sign: Comparator) -> Option<Cand> {
    lx::ends_any(&cl.ch, i, lx::GROWTH_SIGN_VERBS)?;
    Some(Cand::from_words(
        Kind::Number,
        (i, i + 3),
        Decimal::ZERO,
        "%",
        Some(sign),
    ))
}

/// "完成能耗强度降低和煤炭消费压减任务", "节能减排降碳完成年度任务": a named task or
/// goal to complete, with no number and no 下达 (which [`reference_at`] reads). The
/// words between 完成 and 任务/目标 (two to twelve characters, no digits, one clause)
/// name it.
fn task_reference_at(cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    let n = ch.len();
    let from = i + 2;
    let mut k = from;
    while k < n && k - from <= 12 && !is_clause_end(char_at(ch, k)) {
        // A quoted name ("“十四五”规划目标") holds no number.
        if let Some(close) = lx::quote_pair(char_at(ch, k)) {
            match (k + 1..(k + 8).min(n)).find(|&x| char_at(ch, x) == close) {
                Some(x) => {
                    k = x + 1;
                    continue;
                }
                None => return None,
            }
        }
        if char_at(ch, k).is_ascii_digit()
            || lx::is_cn_numeral(char_at(ch, k))
            || lx::starts(ch, k, "下达")
        {
            return None;
        }
        if let Some(len) = lx::starts_any(ch, k, lx::TASK_NOUNS) {
            let mut e = k + len;
            if lx::starts_any(ch, e, &["任务"]).is_some() {
                e += 2;
            }
            // The task must end its clause: "完成…任务，" not "完成任务的…".
            if e < n && !is_clause_end(char_at(ch, e)) && char_at(ch, e) != '。' {
                return None;
            }
            let inner = (k > from).then_some((from, k));
            return Some(Cand::reference(Kind::Reference, i, e, i, inner));
        }
        k += 1;
    }
    None
}

/// "完成市级下达指标任务", "达到上级规定要求": a target whose value is assigned
/// elsewhere.
fn reference_at(cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    let n = ch.len();
    let mut s = i;
    for q in lx::QUOTA_SOURCES.iter() {
        let len = q.chars().count();
        if i >= len && lx::starts(ch, i - len, q) {
            s = i - len;
            break;
        }
    }
    let mut e = i + 2;
    if e < n && char_at(ch, e) == '的' {
        e += 1;
    }
    // "下达的节能减排目标任务": a short noun may name what the quota is for.
    let inner_start = e;
    let keywords = lx::QUOTA_KEYWORDS;
    let first = (e..(e + 9).min(n))
        .take_while(|&k| !is_clause_end(char_at(ch, k)))
        .find(|&k| lx::starts_any(ch, k, keywords).is_some())?;
    let inner = (first > inner_start).then_some((inner_start, first));
    e = first;
    while e < n && e - first < 6 {
        match lx::starts_any(ch, e, keywords) {
            Some(len) => e += len,
            None => break,
        }
    }
    // Only as a condition: 完成 / 控制在 / 达到 / 确保 before it.
    let verb = lx::ends_any(ch, s, lx::QUOTA_VERBS)?;
    Some(Cand::reference(Kind::Reference, s, e, s - verb, inner))
}

/// "生态环境质量、能源、水资源等指标达到国家要求": a condition bound to what a higher
/// level requires ([`lx::AUTHORITIES`] before 要求, [`lx::MEET_VERBS`] before that).
fn requirement_at(cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    let len = lx::ends_any(ch, i, lx::AUTHORITIES)?;
    let s = i - len;
    let verb = lx::ends_any(ch, s, lx::MEET_VERBS)?;
    Some(Cand::reference(Kind::Reference, s, i + 2, s - verb, None))
}

/// "居民人均可支配收入增长与经济增长同步": growth bound to another series.
fn growth_reference_at(cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    let n = ch.len();
    // "新增城镇就业人数与上年持平": the value is last year's.
    if let Some(len) = lx::LAST_YEAR_WORDS
        .iter()
        .filter(|w| lx::starts(ch, i + 1, w))
        .map(|w| w.chars().count())
        .max()
    {
        let mut e = i + 1 + len;
        if lx::starts(ch, e, "基本") {
            e += 2;
        }
        if lx::starts(ch, e, "持平") && i > 0 && !is_clause_end(char_at(ch, i - 1)) {
            return Some(Cand::reference(Kind::Reference, i, e + 2, i, None));
        }
    }
    // "收入增长与经济增长同步", and "收入与经济增长同步" (the growth named after 与).
    let verb = match lx::ends_any(ch, i, lx::GROWTH_WORDS_BEFORE_REFERENCE) {
        Some(v) => v,
        None => {
            let named = (i + 1..(i + 8).min(n))
                .take_while(|&k| !is_clause_end(char_at(ch, k)))
                .any(|k| lx::starts(ch, k, "增长"));
            if !named {
                return None;
            }
            0
        }
    };
    let mut e = i + 1;
    while e < n && e - i <= 12 && !is_clause_end(char_at(ch, e)) {
        if lx::starts(ch, e, "同步") {
            return Some(Cand::reference(
                Kind::ReferenceGrowth,
                i,
                e + 2,
                i - verb,
                None,
            ));
        }
        e += 1;
    }
    None
}

/// "高于全省平均水平", "快于全国平均水平": a value bound to a named average, with no
/// number of its own in the clause (with one, "高于全省1.2个百分点", it is a gap).
/// The span is the whole phrase, which names what the value is bound to.
fn level_reference_at(cl: &Clean, i: usize) -> Option<Cand> {
    let ch = &cl.ch;
    let n = ch.len();
    let verb = lx::starts_any(ch, i, lx::REFERENCE_VERBS)?;
    let mut e = i + verb;
    // "收入增长略高于经济增长": growth bound to another series named right after the verb.
    if let Some(len) = lx::starts_any(ch, e, lx::REFERENCE_SERIES) {
        let end = e + len;
        let number_later = (end..n)
            .take_while(|&k| !is_clause_end(char_at(ch, k)))
            .any(|k| char_at(ch, k).is_ascii_digit());
        return (!number_later).then(|| Cand::reference(Kind::ReferenceGrowth, i, end, i, None));
    }
    while e < n && e - i <= 14 && !is_clause_end(char_at(ch, e)) {
        if char_at(ch, e).is_ascii_digit() || is_cn_numeral(char_at(ch, e)) {
            return None;
        }
        if let Some(len) = lx::starts_any(ch, e, lx::AVERAGE_WORDS) {
            let end = e + len;
            // A number later in the clause makes this the base of a gap.
            let mut k = end;
            while k < n && !is_clause_end(char_at(ch, k)) {
                if char_at(ch, k).is_ascii_digit() {
                    return None;
                }
                k += 1;
            }
            return Some(Cand::reference(Kind::Reference, i, end, i, None));
        }
        e += 1;
    }
    None
}

/// Drops the numbers that modify a noun rather than measure: a count in Chinese
/// numerals directly followed by a noun and then, in the same clause, by another number
/// is part of that number's indicator name ("民生九项支出 293.93 亿元"); a bound that
/// selects what a later count counts is a [`criterion`].
fn drop_modifiers(cl: &Clean, out: &mut Vec<Cand>) {
    let ch = &cl.ch;
    let mut keep = vec![true; out.len()];
    for (k, c) in out.iter().enumerate() {
        if criterion(ch, c) {
            keep[k] = false;
            continue;
        }
        // Arabic counts too: "74个城市平均优良天数比例为74.2%", "10家省实验室余杭占4席".
        let count = c.unit.is_some_and(|u| {
            matches!(u.dimension(), Dimension::Count(_)) && !matches!(u.symbol(), "名次" | "位次")
        });
        keep[k] = !((c.chinese || count)
            && c.kind == Kind::Number
            && ch.get(c.e).is_some_and(|x| is_han(*x))
            && lx::LEXICON.at(ch, c.e, Tag::Verb).is_none()
            && out.get(k + 1).is_some_and(|nx| {
                nx.s - c.e <= 12
                    && !ch
                        .part(c.e, nx.s)
                        .iter()
                        .any(|x| is_clause_end(*x) || *x == '、')
            }));
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, number: &str, unit: &str) -> Option<Exclusion> {
        let ch: Vec<char> = text.chars().map(lx::lex_fold).collect();
        let whole: String = ch.iter().collect();
        let at = whole.find(number).expect("number in text");
        let i = whole[..at].chars().count();
        let j = i + number.chars().count();
        excluded_by_context(&ch, i, i, j, Unit::parse(unit).expect("unit"))
    }

    #[test]
    fn each_context_filter() {
        use Exclusion::*;
        assert_eq!(
            check("迈上三个千亿级台阶", "三个", "个"),
            Some(NarrativeTier)
        );
        assert_eq!(check("新增2家百亿级企业", "2家", "家"), None);
        assert_eq!(check("连续5年位居第一", "5年", ""), Some(Streak));
        assert_eq!(check("荣获六连冠", "六", ""), Some(Streak));
        assert_eq!(check("每10万人拥有", "10万人", "人"), Some(Denominator));
        assert_eq!(check("排名前1%", "1%", "%"), Some(Threshold));
        assert_eq!(
            check("建设10公里产业带", "10公里", "公里"),
            Some(Designation)
        );
        assert_eq!(check("建成10公里绿道", "10公里", "公里"), None);
        assert_eq!(check("引进亿元以上项目5个", "亿元", "元"), Some(Category));
        assert_eq!(check("完成投资5亿元以上", "5亿元", "元"), None);
    }

    /// The passage and cleaned characters of `text`, and the cleaned index of the
    /// first occurrence of `at`.
    fn clean(text: &str, at: &str) -> (Passage<'static>, Clean, usize) {
        let p = Passage {
            start: 0,
            end: text.len(),
            mode: super::super::segment::Mode::Unknown,
            section: "",
            heading: "",
            skips: &[],
        };
        let mut cl = Clean::new();
        cl.fill(text, &p);
        let whole: String = cl.ch.iter().collect();
        let byte = whole.find(at).expect("in text");
        let i = whole[..byte].chars().count();
        (p, cl, i)
    }

    #[test]
    fn pinyin_readings_are_left_out() {
        let text = "安徽貨(huò)物進（jìn）出口總額達(dá)到10135.6億元,全長4.3(km),的(de)";
        let (_, cl, _) = clean(text, "安");
        let whole: String = cl.ch.iter().collect();
        // A reading after a character goes; letters without a tone mark stay.
        // (Folded to simplified characters, as every cleaned passage is.)
        assert!(
            whole.starts_with("安徽货物进出口总额达到10135.6亿元"),
            "{whole}"
        );
        assert!(whole.contains("(km)") && whole.contains("(de)"), "{whole}");
        // The characters kept still point at their bytes in the text.
        let at = cl.ch.iter().position(|&c| c == '物').unwrap();
        assert_eq!(&text[cl.start_byte(at, text.len())..][..3], "物");
        assert_eq!(lx::pinyin_reading("(qū)域"), Some("(qū)".len()));
        assert_eq!(lx::pinyin_reading("(GDP)"), None);
        assert_eq!(lx::pinyin_reading("(zhǔnquèdìxiě)"), None);
    }

    /// What [`number_at`] reads at `at` in `text`: value, upper bound, unit symbol.
    fn read(text: &str, at: &str) -> Option<(String, Option<String>, String)> {
        let (p, cl, i) = clean(text, at);
        let chinese = !char_at(&cl.ch, i).is_ascii_digit();
        let c = number_at(text, &p, &cl, i, chinese)?;
        Some((
            c.value?.normalize().to_string(),
            c.value_hi.map(|v| v.normalize().to_string()),
            c.unit?.symbol().to_string(),
        ))
    }

    fn reading(text: &str, at: &str) -> (Passage<'static>, Clean, usize, Reading) {
        let (p, cl, i) = clean(text, at);
        let r = read_quantity(text, &p, &cl, i).expect("a quantity");
        (p, cl, i, r)
    }

    #[test]
    fn codes_names_and_ordinals() {
        let code = |text: &str, at: &str| {
            let (_, cl, i) = clean(text, at);
            part_of_a_code_or_name(text, &cl, i, false)
        };
        assert!(code("PM2.5浓度下降", "2"));
        assert!(code("建设V2G示范站", "2"));
        assert!(code("构建“1+4+N”体系", "1"));
        assert!(!code("完成GDP2917亿元", "2917"));
        assert!(!code("增长5%", "5"));
        let (_, cl, i) = clean("居全省第3位", "3");
        assert!(ordinal(&cl.ch, i));
        assert_eq!(read("居全省第3位", "3"), None);
    }

    #[test]
    fn the_sign_belongs_to_the_number_not_a_range() {
        let (_, _, _, r) = reading("增长-2.1%", "2");
        assert_eq!(r.value.to_string(), "-2.1");
        let (_, _, _, r) = reading("1-2个", "2");
        assert_eq!(r.value.to_string(), "2");
    }

    #[test]
    fn more_than_and_about() {
        let (p, cl, i, mut r) = reading("举办700余场", "700");
        more_or_about("举办700余场", &p, &cl, i, &mut r).expect("no overflow");
        assert!(r.more && !r.approx);
        assert_eq!(r.unit.map(|u| u.symbol()), Some("场"));
        assert_eq!(
            read("二十几万人", "二"),
            Some(("200000".into(), None, "人".into()))
        );
        assert_eq!(
            read("5000多万元", "5"),
            Some(("50000000".into(), None, "元".into()))
        );
    }

    #[test]
    fn ranges_share_the_upper_magnitude() {
        assert_eq!(
            read("吸纳1-2万人", "1"),
            Some(("10000".into(), Some("20000".into()), "人".into()))
        );
        assert_eq!(
            read("增长6%-6.5%", "6"),
            Some(("6".into(), Some("6.5".into()), "%".into()))
        );
        // Not a range: units that differ.
        assert_eq!(read("5个-6%", "5"), Some(("5".into(), None, "个".into())));
    }

    #[test]
    fn units_from_the_context() {
        assert_eq!(
            read("促进12万城镇就业困难人员实现就业", "12"),
            Some(("120000".into(), None, "人".into()))
        );
        assert_eq!(
            read("新增就业目标1200万", "1200"),
            Some(("12000000".into(), None, "人".into()))
        );
        assert_eq!(
            read("总量约4.4兆元", "4.4"),
            Some(("4400000000000".into(), None, "元".into()))
        );
        assert_eq!(
            read("浓度分别为11、24微克/立方米", "11"),
            Some(("11".into(), None, "微克/立方米".into()))
        );
        // 兆 before a unit that is not money is the prefix of that unit (兆瓦 = MW).
        assert_eq!(read("装机20兆瓦", "20").map(|r| r.2), Some("兆瓦".into()));
        // A magnitude with no people noun and no unit: nothing.
        assert_eq!(read("投入1200万", "1200"), None);
    }

    #[test]
    fn a_bracketed_measure_word_joins_the_unit() {
        let text = "筹建保障性住房500套（间）。";
        let (p, cl, _, mut r) = reading(text, "500");
        let before = r.j;
        bracketed_measure_word(text, &p, &cl, &mut r);
        assert_eq!(r.j, before + 3);
    }

    #[test]
    fn what_follows_may_make_a_name() {
        assert_eq!(read("打造5+N产业体系", "5"), None);
        assert_eq!(read("获得3金1银", "3").map(|r| r.2), Some("金".into()));
        assert_eq!(read("3金科技公司", "3"), None);
    }

    #[test]
    fn chinese_numerals_count_small_things() {
        assert_eq!(read("形成一批成果", "一"), None);
        assert_eq!(read("召开三届会议", "三"), None);
        assert_eq!(read("九米科技", "九"), None);
        assert_eq!(
            read("新增两家医院", "两"),
            Some(("2".into(), None, "家".into()))
        );
        assert_eq!(read("占五成", "五"), Some(("50".into(), None, "%".into())));
    }
}
