//! The indicator phrase a number belongs to.
//!
//! Chinese puts the counted noun after a measure word ("162 个上市项目") and the
//! measured noun before a predicate ("本地生产总值同比增长 5.1%"). So the phrase is
//! the noun phrase right after the unit when there is one, otherwise the noun phrase
//! before the number with verbs, scope words (全区, 全年) and predicates (达, 同比增长)
//! stripped. Both look-ups are bounded windows inside the clause, so the cost per
//! number is constant.

use super::lexicon::{self as lx, char_at, is_clause_end, is_han, Part, Tag, LEXICON};

/// How far (in cleaned characters) a phrase may reach.
const BEFORE_WINDOW: usize = 40;
const AFTER_WINDOW: usize = 24;
/// The longest phrase kept (nouns are head-final, so a longer one keeps its tail).
const MAX_PHRASE: usize = 28;

/// The phrase before a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Before {
    /// Nothing nameable.
    None,
    /// A noun phrase `[s, e)`.
    Phrase(usize, usize),
    /// "占全市", "为全国": the number relates to the previous finding's indicator.
    Relational(usize, usize),
    /// Adverbs and verbs alone (初步, 首次跃居) `[s, e)`: they name nothing, so the
    /// subject is looked for elsewhere; they name the figure only when nothing else does.
    Bare(usize, usize),
}

/// The phrase after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum After {
    /// Nothing nameable.
    None,
    /// A noun phrase `[s, e)` directly after the unit.
    Phrase(usize, usize),
    /// A verb directly after the unit ("150 项实现“无感申办”"); its object, if any.
    Object(usize, usize),
}

fn is_sep(c: char) -> bool {
    matches!(
        c,
        '、' | '和' | '及' | '与' | '(' | ')' | '的' | '-' | '/' | '—' | '·'
    )
}

/// The start of the clause containing `i` (after the last clause punctuation), no
/// further back than the window.
pub(crate) fn clause_start(ch: &[char], i: usize, floor: usize) -> usize {
    let lo = i.saturating_sub(BEFORE_WINDOW).max(floor);
    let mut k = i;
    while k > lo {
        if is_clause_end(char_at(ch, k - 1)) {
            return k;
        }
        k -= 1;
    }
    lo
}

/// The end of the clause containing `i`, no further than the window.
pub(crate) fn clause_end(ch: &[char], i: usize, ceil: usize) -> usize {
    clause_end_within(ch, i, ceil, AFTER_WINDOW)
}

fn clause_end_within(ch: &[char], i: usize, ceil: usize, window: usize) -> usize {
    let hi = (i + window).min(ceil).min(ch.len());
    let mut k = i;
    while k < hi {
        if is_clause_end(char_at(ch, k)) {
            return k;
        }
        k += 1;
    }
    hi
}

/// Skips deadline and year words at `s` ("全年", "到2024年底", "2023年").
fn deadline_len(ch: &[char], s: usize) -> Option<usize> {
    super::markers::deadline_at(ch, s)
        .map(|(_, len)| len)
        .or_else(|| {
            let mut k = s;
            while char_at(ch, k).is_ascii_digit() && k - s < 4 {
                k += 1;
            }
            (k - s == 4 && ch.get(k) == Some(&'年')).then_some(k + 1 - s)
        })
        .or_else(|| coming_years_len(ch, s))
}

/// "未来五年", "今后5年", "明年": the coming years that open a clause, before its subject.
fn coming_years_len(ch: &[char], s: usize) -> Option<usize> {
    if lx::starts(ch, s, "明年") {
        return Some(2 + usize::from(char_at(ch, s + 2) == '度'));
    }
    if !(lx::starts(ch, s, "未来") || lx::starts(ch, s, "今后")) {
        return None;
    }
    let mut k = s + 2;
    while k < s + 5 && (char_at(ch, k).is_ascii_digit() || lx::is_cn_numeral(char_at(ch, k))) {
        k += 1;
    }
    (k > s + 2 && char_at(ch, k) == '年').then_some(k + 1 - s)
}

/// Strips what opens a clause before its subject: separators, scope and time words
/// (全区, 全年, 到2024年底), and leading verbs (累计安排, 新建、改造). Stops at a
/// protected name or a compound noun, and never strips the whole phrase.
fn strip_leading(ch: &[char], mut s: usize, e: usize) -> usize {
    loop {
        if s >= e {
            return s;
        }
        if is_sep(char_at(ch, s)) && char_at(ch, s) != '(' {
            s += 1;
            continue;
        }
        if LEXICON.at(ch, s, Tag::Protected).is_some() || LEXICON.at(ch, s, Tag::Noun).is_some() {
            return s;
        }
        if let Some(len) = LEXICON.at(ch, s, Tag::Scope) {
            if s + len < e {
                s += len;
                continue;
            }
        }
        if let Some(len) = deadline_len(ch, s) {
            if s + len < e {
                s += len;
                continue;
            }
        }
        if let Some(len) = LEXICON.at(ch, s, Tag::Verb) {
            let next = ch.get(s + len).copied().unwrap_or('。');
            // "培训、演出、讲座" is a list of nouns; "新建、改造5G基站" two verbs.
            let coordinated_verb = next == '、' && LEXICON.at(ch, s + len + 1, Tag::Verb).is_some();
            // At least two characters must remain ("举办招聘会" keeps 招聘会).
            if s + len + 1 < e && (next != '、' || coordinated_verb) && len >= 2 {
                s += len;
                continue;
            }
        }
        // 区“领航人才”: a bare 区/市/县 before a quotation is the jurisdiction.
        if matches!(char_at(ch, s), '区' | '市' | '县' | '省') && ch.get(s + 1) == Some(&'“')
        {
            s += 1;
            continue;
        }
        return s;
    }
}

/// Removes quotation marks around the whole phrase (“高水平运动项目学校” → the name).
fn unquote(ch: &[char], s: usize, e: usize) -> (usize, usize) {
    if e >= s + 3 {
        if let Some(close) = lx::quote_pair(char_at(ch, s)) {
            if char_at(ch, e - 1) == close && !ch.part(s + 1, e - 1).contains(&close) {
                return (s + 1, e - 1);
            }
        }
    }
    (s, e)
}

/// True when `[s, e)` holds a noun character: something that is not part of a verb,
/// adverb or predicate word.
fn has_noun(ch: &[char], s: usize, e: usize) -> bool {
    let mut k = s;
    while k < e {
        let w = [Tag::Verb, Tag::Adverb, Tag::Predicate]
            .iter()
            .filter_map(|t| LEXICON.at(ch, k, *t))
            .max();
        match w {
            Some(len) if k + len <= e => k += len,
            _ => {
                if is_han(char_at(ch, k)) || char_at(ch, k).is_ascii_alphanumeric() {
                    return true;
                }
                k += 1;
            }
        }
    }
    false
}

/// The phrase before a number whose comparator or first digit is at `hi`, not
/// reaching before `floor` (the previous finding's end).
///
/// Returns the phrase and whether a distributive word (均, 都) was stripped.
pub(crate) fn before(ch: &[char], floor: usize, hi: usize) -> (Before, bool) {
    let lo = clause_start(ch, hi, floor);
    let mut e = hi;
    let mut distributive = false;
    // Predicates and adverbs that close the clause before the number.
    loop {
        if e <= lo {
            return (Before::None, distributive);
        }
        // "分居全省第4、第3位": 分 before a rank verb spreads the ranks over the figures
        // before, like 分别; it names nothing.
        if char_at(ch, e - 1) == '分' && lx::starts_any(ch, e, lx::RANK_VERBS).is_some() {
            e -= 1;
            continue;
        }
        // "城镇化率由2020年的55.3%提高到2024年的60.1%", "用电量由上年下降3.2%转为…":
        // the period a figure of a change belongs to is when, not what.
        if char_at(ch, e - 1) == '的' {
            let period = years_ending(ch, e - 1)
                .or_else(|| super::markers::deadline_ending(ch, e - 1))
                .or_else(|| base_period_ending(ch, e - 1));
            if let Some(len) = period {
                e -= len + 1;
                continue;
            }
        }
        if let Some(len) = base_period_ending(ch, e) {
            e -= len;
            continue;
        }
        // "总人口2010年控制在…": a year before the predicate is when, not what; so is a
        // length of years ("五年内翻了一番", "十年间").
        if let Some(len) = years_ending(ch, e) {
            e -= len;
            continue;
        }
        // "全年": a period word that ends like a predicate (年) goes whole.
        if let Some(len) = super::markers::deadline_ending(ch, e)
            .filter(|&d| LEXICON.ending(ch, e, Tag::Predicate).is_some_and(|p| d > p))
        {
            e -= len;
            continue;
        }
        if let Some(len) = LEXICON.ending(ch, e, Tag::Predicate) {
            if matches!(char_at(ch, e - 1), '均' | '都') {
                distributive = true;
            }
            // A measure noun that ends like a predicate (总量) stays when it is all there is.
            if e - len == lo && LEXICON.at(ch, lo, Tag::MeasureNoun) == Some(len) {
                break;
            }
            // 行为, 作为, 发达: a one-character predicate that ends another word.
            if len == 1
                && e >= 2
                && lx::starts_any(ch, e - 2, lx::WORDS_ENDING_LIKE_PREDICATES) == Some(2)
            {
                break;
            }
            e -= len;
            continue;
        }
        if let Some(len) = super::markers::deadline_ending(ch, e) {
            e -= len;
            continue;
        }
        // "城镇化率由60.2%提高到…": 由/从 opens the range of a change.
        if matches!(
            char_at(ch, e - 1),
            '、' | ',' | '(' | '和' | '“' | ':' | '由' | '从'
        ) {
            e -= 1;
            continue;
        }
        // "粮食总产量…，连续9年稳定在1300亿斤以上": the streak is when, not what.
        if let Some(len) = streak_ending(ch, e) {
            e -= len;
            continue;
        }
        // "突破人民币6000亿元": the currency word belongs to the number.
        if let Some(len) = lx::ends_any(ch, e, lx::CURRENCY_BEFORE_NUMBER) {
            e -= len;
            continue;
        }
        break;
    }
    // "（人民币，下同）增加到2.9万亿元": a clause that starts inside an aside starts
    // after it.
    let lo = match (lo..e).find(|&k| matches!(char_at(ch, k), ')' | '）')) {
        Some(k) if !ch.part(lo, k).iter().any(|&c| matches!(c, '(' | '（')) => k + 1,
        _ => lo,
    };
    if e <= lo {
        return (Before::None, distributive);
    }
    let mut s = strip_leading(ch, lo, e);
    if s >= e || only_change_verb(ch, s, e) {
        return (Before::None, distributive);
    }
    // A phrase of adverbs and verbs alone ("初步预计全年增长", "首次跃居") names nothing:
    // the subject is the one before.
    if !has_noun(ch, s, e) {
        return (Before::Bare(s, e), distributive);
    }
    // 占全市, 为全国, 是上年的: related to the previous finding.
    let short = e - s <= 8 && !(s..e).any(|k| LEXICON.at(ch, k, Tag::Verb).is_some());
    // "约占GDP的5%": an approximation word may come first.
    let r = s + lx::starts_any(ch, s, lx::APPROX_LEADS).unwrap_or(0);
    // "高于全省平均水平2.1个百分点", "完成年度计划的78.5%": relative to something else.
    let against = short
        && (lx::starts_any(ch, r, lx::RELATIVE_VERBS).is_some()
            || lx::ends_any(ch, e, lx::PLAN_NOUNS_RELATIVE).is_some()
                && lx::starts_any(ch, lo, lx::ACHIEVE_LEADS).is_some());
    if r < e
        && (char_at(ch, r) == '占'
            || against
            || (matches!(char_at(ch, r), '为' | '是' | '比' | '较' | '相') && short))
    {
        return (Before::Relational(s, e), distributive);
    }
    if char_at(ch, s) != '每' {
        // "面向企业人才发放住房补租": the object of the verb after a prepositional phrase.
        if lx::starts_any(ch, s, lx::PREPOSITIONS).is_some() {
            let verb = (s + 1..e).find_map(|k| LEXICON.at(ch, k, Tag::Verb).map(|len| k + len));
            if let Some(cut) = verb.filter(|&c| c + 1 < e) {
                s = strip_leading(ch, cut, e);
            }
        }
        // "A、B等C": C is the thing; A and B are examples.
        if let Some(k) = (s + 1..e.saturating_sub(1))
            .rev()
            .find(|&k| char_at(ch, k) == '等')
        {
            if !lx::starts(ch, k, "等级") && !quoted_at(ch, s, k) {
                s = strip_leading(ch, k + 1, e);
            }
        }
        // "预期目标是地区生产总值", "主要目标为全市生产总值": a plan header without its
        // colon; the subject follows it.
        if let Some(k) = (s..e.saturating_sub(2)).rev().find_map(|k| {
            let len = lx::starts_any(ch, k, lx::PLAN_OBJECT_NOUNS)?;
            let after = k + len;
            matches!(ch.get(after), Some('是' | '为')).then_some(after + 1)
        }) {
            if has_noun(ch, k, e) {
                s = strip_leading(ch, k, e);
            }
        }
        if let Some(k) = (s..e).find(|&k| LEXICON.at(ch, k, Tag::Protected).is_some()) {
            s = k;
        }
        // A trailing 建设 / 创建 names the work, not the thing ("光纤点位建设").
        if let Some(len) = lx::ends_any(ch, e, lx::WORK_NOUNS) {
            if e - len >= s + 2 && LEXICON.ending(ch, e, Tag::Noun).is_none() {
                e -= len;
            }
        }
    }
    if s >= e {
        return (Before::None, distributive);
    }
    let (s, e) = unquote(ch, s, e);
    let s = s.max(e.saturating_sub(MAX_PHRASE));
    if !has_noun(ch, s, e) {
        return (Before::None, distributive);
    }
    (Before::Phrase(s, e), distributive)
}

/// The length of a time before a predicate, ending at `e`: a calendar year ("2020年",
/// not a base of comparison: "较2019年" names the change), or a span of years ("五年内",
/// "10年间", "三年来"; "连续9年" is a streak, [`streak_ending`]).
fn years_ending(ch: &[char], e: usize) -> Option<usize> {
    let mut k = e;
    if k > 0 && matches!(char_at(ch, k - 1), '内' | '間' | '间' | '来' | '來') {
        k -= 1;
    }
    if k == 0 || char_at(ch, k - 1) != '年' {
        return None;
    }
    k -= 1;
    let mut s = k;
    while s > 0 && k - s < 5 && {
        let c = char_at(ch, s - 1);
        c.is_ascii_digit() || lx::is_cn_numeral_run(c)
    } {
        s -= 1;
    }
    let digits = k - s;
    let before = if s > 0 { char_at(ch, s - 1) } else { '\0' };
    let when = match digits {
        1..=3 => !(s >= 2 && lx::starts(ch, s - 2, "连续")),
        4 => !matches!(before, '比' | '较' | '与'),
        _ => false,
    };
    when.then_some(e - s)
}

/// The length of a period a change starts from ([`lx::BASE_PERIODS`]) ending at `e`,
/// after 由/从 ("由上年下降3.2%", "从目前的23.04%").
fn base_period_ending(ch: &[char], e: usize) -> Option<usize> {
    let len = lx::ends_any(ch, e, lx::BASE_PERIODS)?;
    (e > len && matches!(char_at(ch, e - len - 1), '由' | '从')).then_some(len)
}

/// The length of a streak ending at `e`: 连续 + a numeral (+ 年), as in "连续9年".
fn streak_ending(ch: &[char], e: usize) -> Option<usize> {
    let mut k = e;
    if k > 0 && char_at(ch, k - 1) == '年' {
        k -= 1;
    }
    let digits = ch
        .part(0, k)
        .iter()
        .rev()
        .take(6)
        .take_while(|c| c.is_ascii_digit() || lx::is_cn_numeral_run(**c))
        .count();
    if digits == 0 || k < digits + 2 {
        return None;
    }
    let s = k - digits - 2;
    lx::starts(ch, s, "连续").then_some(e - s)
}

/// True when `[s, e)` is only a verb of change, with 到/至 ("增加到", "提高至"): the
/// number continues what the clause before named.
fn only_change_verb(ch: &[char], s: usize, e: usize) -> bool {
    // An adverb may come first ("再提高").
    let s = s + LEXICON
        .at(ch, s, Tag::Adverb)
        .filter(|&a| s + a < e)
        .unwrap_or(0);
    let verb = |e: usize| {
        [lx::GROWTH_VERBS, lx::REDUCTION_VERBS, lx::SHIFT_VERBS]
            .iter()
            .any(|w| lx::ends_any(ch, e, *w) == Some(e - s))
    };
    // The verb may end in 为 itself (转为) or take 到/至/为 after it (增加到, 调整为).
    verb(e) || (e > s && matches!(char_at(ch, e - 1), '到' | '至' | '为') && verb(e - 1))
}

/// True when position `k` is inside a quotation that opened at or after `s`.
fn quoted_at(ch: &[char], s: usize, k: usize) -> bool {
    let mut open = false;
    for &c in ch.part(s, k) {
        if lx::quote_pair(c).is_some() {
            open = true;
        } else if matches!(c, '”' | '」' | '』' | '》' | '〉' | '’') {
            open = false;
        }
    }
    open
}

/// The phrase right after a number's unit (and suffix comparator) at `lo`, not
/// reaching `ceil` (the next finding's start).
pub(crate) fn after(ch: &[char], lo: usize, ceil: usize) -> After {
    let hi = clause_end(ch, lo, ceil);
    let mut s = lo;
    if s >= hi {
        return After::None;
    }
    if char_at(ch, s) == '的' {
        s += 1;
    }
    if s >= hi {
        return After::None;
    }
    // "比上年增长5.2%回落了0.2个百分点": a verb of change after the number opens
    // the next predicate; it names nothing ("增速"/"增幅" are names).
    // So does a shift of two characters or more ("下降3.2%转为增长"; a lone 变 may
    // start a noun, 变电站).
    if lx::starts_any(ch, s, lx::REDUCTION_VERBS).is_some()
        || (lx::starts_any(ch, s, lx::GROWTH_VERBS).is_some()
            && !matches!(ch.get(s + 1), Some('速' | '幅')))
        || lx::starts_any(ch, s, lx::SHIFT_VERBS).is_some_and(|len| len >= 2)
    {
        return After::None;
    }
    let adjectival = LEXICON.at(ch, s, Tag::Adjectival).is_some();
    let verbal = [Tag::Verb, Tag::Adverb, Tag::Predicate]
        .iter()
        .any(|t| LEXICON.at(ch, s, *t).is_some());
    if verbal && !adjectival {
        return object(ch, s, clause_end_within(ch, s, ceil, 2 * AFTER_WINDOW));
    }
    let c = char_at(ch, s);
    if !(is_han(c) || c.is_ascii_alphabetic() || lx::quote_pair(c).is_some()) {
        return After::None;
    }
    // "突破5000亿元大关", "…的目标任务", "14-30微克/立方米之间": words that follow a
    // number without naming what it measures.
    if lx::starts_any(ch, s, lx::NOT_AN_INDICATOR_AFTER).is_some() {
        return After::None;
    }
    // "约158 000个单位": 单位 after the counter 个 is the thing counted in general
    // (housing units), named before the number.
    if s > 0 && char_at(ch, s - 1) == '个' && lx::starts(ch, s, "单位") {
        return After::None;
    }
    let e = noun_run(ch, s, hi, false);
    if e <= s {
        return After::None;
    }
    let (s, e) = unquote(ch, s, e);
    After::Phrase(s, e)
}

/// A noun phrase from `s`: up to punctuation, a verb, a number, a conjunction before
/// another number, or (when `lists` is false) an enumeration comma.
fn noun_run(ch: &[char], s: usize, hi: usize, lists: bool) -> usize {
    let mut k = s;
    let mut in_quote: Option<char> = None;
    let window = if lists {
        2 * AFTER_WINDOW
    } else {
        AFTER_WINDOW
    };
    while k < hi && k - s < window {
        let c = char_at(ch, k);
        if let Some(close) = in_quote {
            if c == close {
                in_quote = None;
            }
            k += 1;
            continue;
        }
        if let Some(close) = lx::quote_pair(c) {
            if k > s && !lists {
                break;
            }
            in_quote = Some(close);
            k += 1;
            continue;
        }
        if is_clause_end(c) || (c == '、' && !lists) || c == '等' {
            break;
        }
        if c.is_ascii_digit() && !ch.get(k + 1).is_some_and(|x| x.is_ascii_alphabetic()) {
            break;
        }
        if matches!(c, '和' | '及' | '与') {
            let next = ch.get(k + 1).copied().unwrap_or('。');
            let numberish = next.is_ascii_digit()
                || lx::is_cn_numeral(next)
                || crate::comparator::prefix_word(
                    &ch.part(k + 1, (k + 4).min(ch.len()))
                        .iter()
                        .collect::<String>(),
                )
                .is_some();
            if numberish {
                break;
            }
        }
        if let Some(len) = LEXICON.at(ch, k, Tag::Noun) {
            k += len;
            continue;
        }
        if k > s {
            let word = [Tag::Verb, Tag::Adverb]
                .iter()
                .filter_map(|t| LEXICON.at(ch, k, *t))
                .max();
            let single_stop = matches!(c, '均' | '都' | '已' | '被' | '将' | '并');
            if let Some(len) = word.filter(|&len| len >= 2 || single_stop) {
                if LEXICON.at(ch, k, Tag::Adjectival).is_none()
                    && LEXICON.at(ch, k, Tag::MeasureNoun).is_none()
                {
                    // Some verbs end the clause as the head of the noun ("森林抚育。").
                    let after = ch.get(k + len).copied().unwrap_or('。');
                    let ends = k + len >= hi || is_clause_end(after) || after == '、';
                    if ends && lx::starts_any(ch, k, lx::NOMINAL_HEADS) == Some(len) {
                        k += len;
                    }
                    break;
                }
            }
        }
        if k > s && matches!(c, '的') {
            break;
        }
        k += 1;
    }
    k
}

/// The object of a verb that directly follows a number ("150 项实现“无感申办”",
/// "100%接入三防责任人、…和应急管理站").
fn object(ch: &[char], s: usize, hi: usize) -> After {
    let mut k = s;
    let mut saw_verb = false;
    while k < hi {
        let verb = LEXICON.at(ch, k, Tag::Verb);
        let adv = LEXICON.at(ch, k, Tag::Adverb);
        match verb.max(adv) {
            Some(len) => {
                saw_verb |= verb.is_some();
                k += len;
            }
            None => break,
        }
    }
    if !saw_verb || k >= hi {
        return After::None;
    }
    let e = noun_run(ch, k, hi, true);
    if e <= k || !has_noun(ch, k, e) {
        return After::None;
    }
    let (s2, e2) = unquote(ch, k, e);
    After::Object(s2, e2)
}

/// The subject of the clause before the one holding `i`, when that clause has no
/// number and starts with a noun phrase: "全市地区生产总值增速保持在合理区间，初步预计全年
/// 增长6.3%" — the figure of the second clause is of the first clause's subject.
pub(crate) fn elided_subject(ch: &[char], i: usize, floor: usize) -> Option<(usize, usize)> {
    let lo = clause_start(ch, i, floor);
    let end = lo.checked_sub(1).filter(|&k| k > floor)?;
    let pl = clause_start(ch, end, floor);
    if ch.part(pl, end).iter().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let s = strip_leading(ch, pl, end);
    // The subject ends at the clause's predicate (保持, 实现; words of one character
    // are too often inside nouns: 居民).
    let e = noun_run(ch, s, end, false);
    let e = (s + 2..e)
        .find(|&k| {
            LEXICON
                .at(ch, k, Tag::Predicate)
                .is_some_and(|len| len >= 2)
        })
        .unwrap_or(e);
    (e >= s + 2 && e < end && has_noun(ch, s, e)).then_some((s, e))
}

/// Splits `[s, e)` at enumeration separators (、 和 与 及): the items of a list.
pub(crate) fn list_items(ch: &[char], s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut items = Vec::new();
    let mut a = s;
    let mut depth = 0i32;
    for (k, &c) in ch.iter().enumerate().take(e).skip(s) {
        if lx::quote_pair(c).is_some() || c == '(' {
            depth += 1;
        } else if matches!(c, '”' | '」' | '』' | '》' | ')') {
            depth -= 1;
        } else if depth <= 0 && matches!(c, '、' | '和' | '与' | '及') {
            if k > a {
                items.push((a, k));
            }
            a = k + 1;
        }
    }
    if e > a {
        items.push((a, e));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().map(lx::lex_fold).collect()
    }

    fn before_str(s: &str) -> String {
        let ch = chars(s);
        match before(&ch, 0, ch.len()).0 {
            Before::Phrase(a, b) | Before::Relational(a, b) => ch[a..b].iter().collect(),
            Before::None | Before::Bare(..) => String::new(),
        }
    }

    fn after_str(s: &str) -> String {
        let ch = chars(s);
        match after(&ch, 0, ch.len()) {
            After::Phrase(a, b) | After::Object(a, b) => ch[a..b].iter().collect(),
            After::None => String::new(),
        }
    }

    #[test]
    fn phrase_before_a_number() {
        assert_eq!(before_str("本地生产总值同比增长"), "本地生产总值");
        assert_eq!(
            before_str("全区战略性新兴产业增加值达"),
            "战略性新兴产业增加值"
        );
        assert_eq!(before_str("累计设立政府引导基金"), "政府引导基金");
        assert_eq!(before_str("全区新增就业"), "新增就业");
        assert_eq!(before_str("储备引进高水平人才团队"), "高水平人才团队");
        assert_eq!(
            before_str("家庭医生重点人群签约率"),
            "家庭医生重点人群签约率"
        );
        assert_eq!(
            before_str("为老年人发放高龄津贴、生活不能自理补贴等福利补助"),
            "福利补助"
        );
        assert_eq!(before_str("区“领航人才”"), "领航人才");
        assert_eq!(before_str("每万人发明专利拥有量"), "每万人发明专利拥有量");
        assert_eq!(before_str("力争完成"), "");
    }

    #[test]
    fn phrase_after_a_unit() {
        assert_eq!(after_str("上市项目，"), "上市项目");
        assert_eq!(
            after_str("小区排水老旧管网完成修复改造"),
            "小区排水老旧管网"
        );
        assert_eq!(after_str("新建应急服务站建设"), "新建应急服务站");
        assert_eq!(after_str("实现“无感申办”。"), "无感申办");
        assert_eq!(after_str("按时办结。"), "");
        assert_eq!(after_str("人工造林和不少于700亩"), "人工造林");
    }
}
