//! Sentence-level markers: stretch (力争), deadlines (到2024年底, 全年), cumulative
//! (累计), estimates (预计), years, and the past/future wording that decides whether a
//! number is a target or an actual.

use super::lexicon::{self as lx, char_at, is_clause_end, Part};
use super::segment::Mode;

/// A deadline or period marker at `i`: its kind and length in cleaned characters.
///
/// Recognised: the period words (全年, 年度, 年内, 年底前 …); 到/至/截至 + year + 年
/// (+ 底/末/前); year + 年 + 底/末/前/度; 到/至 + 年底; 到/至 “十四五” 末.
/// A bare "2023年" is not a deadline.
pub(crate) fn deadline_at(ch: &[char], i: usize) -> Option<(Deadline, usize)> {
    let first = *ch.get(i)?;
    if !(first.is_ascii_digit() || matches!(first, '全' | '年' | '今' | '本' | '截' | '到' | '至'))
    {
        return None;
    }
    if let Some(len) = lx::starts_any(ch, i, lx::PERIOD_WORDS) {
        return Some((Deadline::Period, len));
    }
    let lead = lx::starts_any(ch, i, lx::DEADLINE_LEADS).unwrap_or(0);
    let k = i + lead;
    if let Some(len) = year_at(ch, k) {
        let mut e = k + len;
        let tail = lx::starts_any(ch, e, lx::YEAR_TAILS);
        match tail {
            Some(t) => e += t,
            None => match month_at(ch, e) {
                // "到2024年6月底"
                Some(m) => e += m,
                None if lead > 0 => {}
                None => return None,
            },
        }
        return Some((Deadline::Date, e - i));
    }
    // "1-9月", "1-6月份": the months of a year-to-date figure.
    if lead == 0 && first.is_ascii_digit() && (i == 0 || !char_at(ch, i - 1).is_ascii_digit()) {
        let mut k = i;
        while char_at(ch, k).is_ascii_digit() && k - i < 2 {
            k += 1;
        }
        if k > i
            && ch
                .get(k)
                .is_some_and(|c| matches!(c, '-' | '—' | '~' | '至'))
        {
            let mut m = k + 1;
            while char_at(ch, m).is_ascii_digit() && m - k <= 2 {
                m += 1;
            }
            if let Some(len) = month_word(ch, m).filter(|_| m > k + 1) {
                return Some((Deadline::Period, m + len - i));
            }
        }
    }
    if lead > 0 {
        // "截至9月底", "到6月末"
        if let Some(m) = month_at(ch, k) {
            if m > 2 && matches!(char_at(ch, k + m - 1), '底' | '末') {
                return Some((Deadline::Date, lead + m));
            }
        }
        if let Some(t) = lx::starts_any(ch, k, lx::YEAR_END_WORDS) {
            return Some((Deadline::Date, lead + t));
        }
        let q = usize::from(ch.get(k) == Some(&'“'));
        if lx::starts(ch, k + q, "十四五") || lx::starts(ch, k + q, "十五五") {
            let mut e = k + q + 3;
            if ch.get(e) == Some(&'”') {
                e += 1;
            }
            if let Some(t) = lx::starts_any(ch, e, lx::PERIOD_END_WORDS) {
                return Some((Deadline::Date, e + t - i));
            }
        }
    }
    None
}

/// True when the comparator at `[i, i + len)` bounds a size class before a noun, not
/// a figure: "1亿美元以上大项目", "投资10亿元以上项目10个" (README: 以上 after a size
/// threshold belongs to the threshold), or selects what a count after it counts
/// ("人口50万以上的城市达到18个": [`super::scan::counted_noun_follows`]). "60%以上的村"
/// keeps its cue.
fn threshold_comparator(ch: &[char], i: usize, len: usize) -> bool {
    matches!(char_at(ch, i), '以')
        && match ch.get(i + len) {
            Some('的') => super::scan::counted_noun_follows(ch, i + len + 1),
            Some(&n) => lx::is_han(n) && !lx::is_cn_numeral(n),
            None => false,
        }
}

/// True when one of `verbs` ends within six characters before `i` in its clause
/// ("超额完成年度目标", "高出预期目标", "完成市政府考核目标61亿元的117%"): the noun at
/// `i` is its object.
fn after_verb(ch: &[char], i: usize, verbs: lx::Words) -> bool {
    (i.saturating_sub(6)..=i).any(|e| {
        lx::ends_any(ch, e, verbs).is_some()
            && !ch
                .part(e, i)
                .iter()
                .any(|&c| is_clause_end(c) || c == '，' || c == ',')
    })
}

/// True when the report word at `[i, i + len)` is 完成 governing a quota assigned
/// elsewhere ("完成国家下达的目标任务", "完成省下达指标"): the wording of the condition
/// itself, in plans as in reviews, so no cue (了, 超额, 已 still are).
fn completes_a_quota(ch: &[char], i: usize, len: usize) -> bool {
    lx::starts(ch, i, "完成")
        && len == 2
        && (i + 2..(i + 10).min(ch.len()))
            .take_while(|&k| !is_clause_end(char_at(ch, k)))
            .any(|k| lx::starts(ch, k, "下达"))
}

/// True when a word that contains a cue but is none (主要, 为了: [`lx::NOT_CUE_WORDS`])
/// covers `i`.
fn in_not_cue_word(ch: &[char], i: usize) -> bool {
    (i.saturating_sub(1)..=i)
        .any(|s| lx::starts_any(ch, s, lx::NOT_CUE_WORDS).is_some_and(|len| s + len > i))
}

/// True when the plan word at `[i, i + len)` is no plan cue by its place: a plan noun
/// that a report verb takes as its object ("完成年度计划开工的80.8%", "实现目标"); a
/// 到/至 + year that is a base of comparison ("恢复至2019年同期水平"); 未来 inside a name
/// ("未来科技城"), which as a cue is followed by a period ("未来五年", "未来，"); a
/// plan word inside the name of an office (建设部); 年内 after a number of years.
fn plan_word_not_cue(ch: &[char], i: usize, len: usize) -> bool {
    let c = char_at(ch, i);
    if len >= 2 && lx::starts_any(ch, i + len, lx::OFFICE_TAILS).is_some() {
        return true;
    }
    // "“十四五”规划中期评估", "十三五规划纲要": the plan document, named.
    if lx::starts_any(ch, i, lx::DOCUMENT_NOUNS) == Some(len)
        && (i
            .checked_sub(1)
            .is_some_and(|k| matches!(char_at(ch, k), '”' | '」' | '》'))
            || lx::ends_any(ch, i, lx::PLAN_TITLES).is_some())
    {
        return true;
    }
    // "超预期完成", "好于预期", "符合预期": expectations met or beaten, not a plan.
    if lx::starts(ch, i, "预期")
        && i.checked_sub(1)
            .is_some_and(|k| matches!(char_at(ch, k), '超' | '于' | '出' | '合'))
    {
        return true;
    }
    // "4年内累计改造": a number of years before 年内 is a span, not this year.
    if lx::starts(ch, i, "年内")
        && i.checked_sub(1)
            .and_then(|k| ch.get(k))
            .is_some_and(|&p| p.is_ascii_digit() || lx::is_cn_numeral(p))
    {
        return true;
    }
    if matches!(c, '到' | '至') {
        let mut k = i + 1;
        while ch.get(k).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
        }
        return k > i + 1
            && ch.get(k) == Some(&'年')
            && lx::starts_any(ch, k + 1, lx::BASE_YEAR_TAILS).is_some();
    }
    if lx::starts(ch, i, "未来") && len == 2 {
        return ch.get(i + 2).is_some_and(|&n| {
            !(n.is_ascii_digit()
                || lx::is_cn_numeral(n)
                || n == '几'
                || is_clause_end(n)
                || matches!(n, '，' | ',' | '、' | '的'))
        });
    }
    false
}

/// After 的 at `i`, a goal noun ([`lx::PLAN_OBJECT_NOUNS`]) within four characters
/// of its modifiers ("的年度目标任务", "的改善目标", "的预期目标"): its `[start, end)`.
fn goal_noun_after(ch: &[char], i: usize) -> Option<(usize, usize)> {
    (i + 1..(i + 6).min(ch.len()))
        .take_while(|&k| k == i + 1 || lx::is_han(char_at(ch, k - 1)))
        .find_map(|k| lx::starts_any(ch, k, lx::PLAN_OBJECT_NOUNS).map(|len| (k, k + len)))
}

/// True when a modal of what will be ([`lx::FORECAST_MODALS`]: 可, 将, 会) follows the
/// estimate word 预计 at `i` right away. Not further: "预计全年可完成…" estimates the
/// year of a review.
fn forecast_after(ch: &[char], i: usize) -> bool {
    lx::starts(ch, i, "预计") && lx::starts_any(ch, i + 2, lx::FORECAST_MODALS).is_some()
}

/// A period to date at `i`: "前9个月", "前三个月", "1-9月", "1至6月", "1-6月份" — its
/// length.
fn to_date_period_at(ch: &[char], i: usize) -> Option<usize> {
    let numeral = |c: char| c.is_ascii_digit() || lx::is_cn_numeral(c);
    let run = |from: usize| {
        (from..ch.len())
            .take_while(|&k| numeral(char_at(ch, k)))
            .count()
    };
    if char_at(ch, i) == '前' {
        let n = run(i + 1);
        let e = i + 1 + n;
        return (n > 0 && lx::starts(ch, e, "个月")).then_some(e + 2 - i);
    }
    if !char_at(ch, i).is_ascii_digit() || (i > 0 && char_at(ch, i - 1).is_ascii_digit()) {
        return None;
    }
    let a = run(i);
    let sep = i + a;
    if a > 2 || !matches!(ch.get(sep), Some('-' | '至' | '~' | '—')) {
        return None;
    }
    let b = run(sep + 1);
    let e = sep + 1 + b;
    let len = month_word(ch, e).filter(|_| b > 0 && b <= 2)?;
    Some(e + len - i)
}

/// The length of 月 at `e`, or of 月份 ("1-6月份": 份 is part of the month).
fn month_word(ch: &[char], e: usize) -> Option<usize> {
    (ch.get(e) == Some(&'月')).then(|| 1 + usize::from(ch.get(e + 1) == Some(&'份')))
}

/// True when a compound noun of the lexicon covers `i` (技术改造投资, 建成区): a
/// verb inside it is no status cue.
fn inside_noun(ch: &[char], i: usize) -> bool {
    (i.saturating_sub(3)..=i).any(|s| {
        lx::LEXICON
            .at(ch, s, lx::Tag::Noun)
            .is_some_and(|len| s + len > i)
    })
}

/// What kind of deadline marker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Deadline {
    /// 全年, 年度: the period of the plan.
    Period,
    /// A date: 到2024年底.
    Date,
}

/// "6月", "6月底", "12月末" at `i`: its length.
fn month_at(ch: &[char], i: usize) -> Option<usize> {
    let mut k = i;
    while char_at(ch, k).is_ascii_digit() && k - i < 2 {
        k += 1;
    }
    if k == i || ch.get(k) != Some(&'月') {
        return None;
    }
    let mut e = k + 1;
    if ch.get(e).is_some_and(|c| matches!(c, '底' | '末')) {
        e += 1;
    }
    Some(e - i)
}

/// "2024年" at `i` (four digits and 年): its length.
fn year_at(ch: &[char], i: usize) -> Option<usize> {
    if i + 5 > ch.len() || (i > 0 && char_at(ch, i - 1).is_ascii_digit()) {
        return None;
    }
    if ch.part(i, i + 4).iter().all(|c| c.is_ascii_digit()) && char_at(ch, i + 4) == '年' {
        Some(5)
    } else {
        None
    }
}

fn year_value(ch: &[char], i: usize) -> Option<i32> {
    year_at(ch, i)?;
    ch.part(i, i + 4)
        .iter()
        .try_fold(0i32, |acc, c| c.to_digit(10).map(|d| acc * 10 + d as i32))
}

/// The length of a deadline marker that ends exactly at `e`.
pub(crate) fn deadline_ending(ch: &[char], e: usize) -> Option<usize> {
    let last = *ch.get(e.checked_sub(1)?)?;
    if !matches!(last, '年' | '度' | '内' | '前' | '底' | '末' | '月') {
        return None;
    }
    (e.saturating_sub(12)..e).find_map(|k| {
        deadline_at(ch, k)
            .filter(|(_, len)| k + len == e)
            .map(|(_, len)| len)
    })
}

/// Markers of one passage, found in one pass.
#[derive(Default)]
pub(crate) struct Markers {
    /// Index of the first stretch word.
    pub(crate) stretch: Option<usize>,
    /// Deadline markers `[s, e)`, in order.
    pub(crate) deadlines: Vec<(usize, usize)>,
    /// Positions of 累计.
    pub(crate) cumulative: Vec<usize>,
    /// Index of the first estimate word (预计, 初步核算).
    pub(crate) estimate: Option<usize>,
    /// Positions of ；, which start a new `sentence` field.
    pub(crate) semicolons: Vec<usize>,
    /// Years named ("2023年"), with their position.
    pub(crate) years: Vec<(usize, i32)>,
    /// Past and future cue positions.
    pub(crate) past: Vec<usize>,
    pub(crate) future: Vec<usize>,
    /// Positions of 分别.
    pub(crate) respectively: Vec<usize>,
    /// How many strong past cues (去年, 同比, 过去五年) the passage has.
    pub(crate) strong_past: usize,
    /// For each position, where its clause starts (after the last ，；：。).
    pub(crate) clause_start: Vec<u32>,
    /// The first deadline that names a year at or after the plan year (到2025年).
    pub(crate) future_deadline: Option<usize>,
    /// Status cues (plan words, report words, plan comparators), in text order.
    pub(crate) cues: Vec<Cue>,
    /// Starts of the deadlines that open with 到/至 (a horizon, not 截至).
    pub(crate) to_marks: Vec<usize>,
    /// Positions of every stretch word, each with whether it names a subject of its
    /// own before its clause's first number ([`stretch_names_subject`]).
    pub(crate) stretch_marks: Vec<(usize, bool)>,
    /// The first 今年 / 本年 of the passage.
    pub(crate) this_year: Option<usize>,
    /// Positions of colons (a plan header ends with one: "主要预期目标是：").
    pub(crate) colons: Vec<usize>,
    /// For each position: is it a character of list numbering (digits, 、, brackets,
    /// Chinese numerals) or a space?
    pub(crate) list_chars: Vec<bool>,
    /// Goal nouns after 的 (`[start, end)` of 目标/任务/计划 in "…5.4万个的年度目标任务"):
    /// the numbers of their clause before them are the content of a goal.
    pub(crate) goals: Vec<(usize, usize)>,
    /// Goal nouns right before a number ("改厕任务38283座", "就业目标为1200万"):
    /// `(start of the number, [start, end) of the noun)`.
    pub(crate) goal_heads: Vec<(usize, usize, usize)>,
    /// The first strong report word of the passage that plans do not use too (了, 已,
    /// 首次, 截至; not 累计 nor an estimate), `[start, end)`.
    pub(crate) reported: Option<(usize, usize)>,
    /// Whether the passage has a plan word that is not an action verb.
    pub(crate) planned: bool,
}

/// A word that says whether a sentence plans or reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: CueKind,
    /// A report word that no plan header overrides (同比, 上年, 了, 已, 累计 …).
    pub(crate) strong: bool,
    /// A plan word that is an action verb (建设, 改造: [`lx::ACTION_VERBS`]), which
    /// reviews use as much as plans: it decides only when nothing else does.
    pub(crate) weak: bool,
    /// A report verb that a plan word before it may govern
    /// ([`lx::PLANNABLE_REPORT_VERBS`]: 力争完成, 将实现).
    pub(crate) plannable: bool,
    /// A plan word that governs a plannable report verb after it in its part
    /// ([`lx::GOVERNING_PLAN_WORDS`]).
    pub(crate) governs: bool,
    /// 了 or 已 ([`lx::ASPECT_MARKERS`]): reports even right after a plan word.
    pub(crate) aspect: bool,
    /// 左右 ([`lx::PLAN_ONLY_COMPARATORS`]).
    pub(crate) plan_only: bool,
    /// An estimate word (预计): a report in a review, a plan after a plan header.
    pub(crate) estimate: bool,
    /// 控制在, 以内 ([`lx::KEPT_WITHIN_COMPARATORS`]): a plan comparator of its own
    /// clause only.
    pub(crate) kept_within: bool,
    /// 以上 ([`lx::ABOVE_SUFFIXES`]): a floor after the number.
    pub(crate) above: bool,
    /// A plan word naming the planned figure that follows it (计划投资,
    /// [`lx::PLAN_FIGURE_TAILS`]): in a later clause it labels that figure, and says
    /// nothing of the figures before it ("省重点项目2个，…，年度计划完成投资9亿元").
    pub(crate) labels: bool,
}

/// What a status cue says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// 力争, 预期, 目标, 将, 要, 到2025年 …: a plan.
    Plan,
    /// 同比, 上年, 了, 已, 完成, 实现 …: a report.
    Report,
    /// 左右, 以上, 不低于, 控制在 …: a plan comparator, a plan cue after the number.
    Comparator,
}

/// Why a finding is a target or an actual: what decided, and where (characters of
/// the cleaned passage) — turned into [`crate::extract::Finding::status_cue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decided {
    /// The heading of the part (执行情况 / 主要目标).
    Section,
    /// A word of the sentence, `[start, end)`.
    Word(usize, usize),
    /// A year named in the sentence before the number, at `start` (length 5).
    Year(usize),
    /// An estimate word (预计, 初步核算), `[start, end)` unknown: the first one.
    Estimate(usize),
    /// Only a plan comparator said (左右, 以上): `[start, end)`. A sentence that
    /// continues a decided one keeps its status instead.
    Weak(usize, usize),
    /// Only an action verb said (建设, 改造: a target), `[start, end)`. A sentence that
    /// continues a decided one keeps its status instead; a decided sentence carries.
    Action(usize, usize),
    /// Nothing said: the status of the sentence before in the paragraph, or
    /// reported.
    Default,
    /// Nothing said; the sentence before in the paragraph decided.
    Carried,
}

/// True when the stretch word at `i` names what it is about before the first number of
/// its clause — "力争建成高速公路132公里", a list of its own —, false when only words that
/// reach, raise or lower a figure, bound it, or say when, stand between ("力争完成150亿元",
/// "力争全年增长10%", "力争年底前下降3%": the higher tier of the figure before it), or when
/// its clause has no number.
fn stretch_names_subject(ch: &[char], i: usize) -> bool {
    let mut k = i + lx::starts_any(ch, i, lx::STRETCH).unwrap_or(2);
    while let Some(&c) = ch.get(k) {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) || is_clause_end(c) {
            return false;
        }
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        match lx::starts_any(ch, k, lx::TIER_WORDS)
            .or_else(|| deadline_at(ch, k).map(|(_, len)| len))
            .or_else(|| lx::starts_any(ch, k, lx::ACHIEVE_VERBS))
            .or_else(|| lx::starts_any(ch, k, lx::REACH_VERBS))
            .or_else(|| lx::starts_any(ch, k, lx::GROWTH_VERBS))
            .or_else(|| lx::starts_any(ch, k, lx::REDUCTION_VERBS))
        {
            Some(len) => k += len,
            None => return true,
        }
    }
    false
}

/// True when the word at `i` is 争取 and its object, before the clause's first number,
/// is money granted from above ([`lx::GRANTED_FUNDS`]: 资金, 国债, 债券, 补助, 补贴, but
/// not the 资金 of 投资金额 or 融资金额): winning funds, an action that reviews report as
/// much as plans set.
fn secures_funds(ch: &[char], i: usize) -> bool {
    if !lx::starts(ch, i, "争取") {
        return false;
    }
    let mut k = i + 2;
    while let Some(&c) = ch.get(k) {
        if c.is_ascii_digit() || is_clause_end(c) || k > i + 12 {
            return false;
        }
        let part_of_a_word = matches!(char_at(ch, k.wrapping_sub(1)), '投' | '融' | '工' | '集');
        if lx::starts_any(ch, k, lx::GRANTED_FUNDS).is_some() && !part_of_a_word {
            return true;
        }
        k += 1;
    }
    false
}

impl Markers {
    pub(crate) fn scan(&mut self, ch: &[char], plan_year: Option<i32>) {
        *self = Markers {
            clause_start: std::mem::take(&mut self.clause_start),
            deadlines: std::mem::take(&mut self.deadlines),
            cumulative: std::mem::take(&mut self.cumulative),
            semicolons: std::mem::take(&mut self.semicolons),
            years: std::mem::take(&mut self.years),
            past: std::mem::take(&mut self.past),
            future: std::mem::take(&mut self.future),
            respectively: std::mem::take(&mut self.respectively),
            cues: std::mem::take(&mut self.cues),
            to_marks: std::mem::take(&mut self.to_marks),
            stretch_marks: std::mem::take(&mut self.stretch_marks),
            list_chars: std::mem::take(&mut self.list_chars),
            colons: std::mem::take(&mut self.colons),
            goals: std::mem::take(&mut self.goals),
            goal_heads: std::mem::take(&mut self.goal_heads),
            ..Markers::default()
        };
        self.goals.clear();
        self.goal_heads.clear();
        self.colons.clear();
        self.list_chars.clear();
        self.stretch_marks.clear();
        self.cues.clear();
        self.to_marks.clear();
        self.deadlines.clear();
        self.cumulative.clear();
        self.semicolons.clear();
        self.years.clear();
        self.past.clear();
        self.future.clear();
        self.respectively.clear();
        self.clause_start.clear();
        let mut skip_deadline_until = 0;
        let mut clause = 0u32;
        // Depth of brackets: a year inside an aside ("（扣除2022年…支出外）") does not
        // date the sentence.
        let mut aside = 0u32;
        for i in 0..ch.len() {
            let c = char_at(ch, i);
            match c {
                '(' | '（' => aside += 1,
                ')' | '）' => aside = aside.saturating_sub(1),
                '。' => aside = 0,
                _ => {}
            }
            self.clause_start.push(clause);
            if is_clause_end(c) {
                clause = i as u32 + 1;
            }
            if c == ';' || c == '；' {
                self.semicolons.push(i);
                continue;
            }
            if c == ':' || c == '：' {
                self.colons.push(i);
            }
            if c == '的' {
                if let Some(g) = goal_noun_after(ch, i) {
                    self.goals.push(g);
                }
            }
            // "今年前9个月", "1-9月": a period to date reports.
            let period_start = c == '前'
                || (c.is_ascii_digit() && (i == 0 || !char_at(ch, i - 1).is_ascii_digit()));
            if let Some(len) = period_start.then(|| to_date_period_at(ch, i)).flatten() {
                if self.cues.last().is_none_or(|c| c.end <= i) {
                    self.cues.push(Cue {
                        start: i,
                        end: i + len,
                        kind: CueKind::Report,
                        strong: true,
                        weak: false,
                        plannable: false,
                        governs: false,
                        // "今年前9个月": reported even right after 今年.
                        aspect: true,
                        plan_only: false,
                        estimate: false,
                        kept_within: false,
                        above: false,
                        labels: false,
                    });
                }
            }
            let mut kinds = 0u32;
            // "向上争取项目资金85.06亿元": 争取 of funds is the verb of winning them,
            // reported as much as planned; no stretch.
            let funds = c == '争' && secures_funds(ch, i);
            // Each word once, with the kinds of every list it is in.
            for (len, k) in MARKERS.at(ch, i) {
                kinds |= k;
                // "改厕任务38283座", "就业目标为1200万": a goal noun right before a number.
                if k & GOAL != 0 && !after_verb(ch, i, lx::GAP_VERBS) {
                    let mut e = i + len;
                    if ch.get(e).is_some_and(|&c| matches!(c, '为' | '是')) {
                        e += 1;
                    }
                    if ch.get(e).is_some_and(|c| c.is_ascii_digit()) {
                        self.goal_heads.push((e, i, i + len));
                    }
                }
                // A status cue is recorded once, at its longest reading, unless it is
                // the head of a noun (建成区, 计划单列).
                if k & (PLAN | REPORT | PLAN_CMP) != 0
                    && self.cues.last().is_none_or(|c| c.end <= i)
                    && lx::starts_any(ch, i + len, lx::CUE_NOUN_TAILS).is_none()
                    && !inside_noun(ch, i)
                    // "从2015年的…增长到2020年的…": the end of a from–to change.
                    && !(matches!(c, '到' | '至')
                        && (lx::ends_any(ch, i, lx::GROWTH_VERBS).is_some()
                            || lx::ends_any(ch, i, lx::REDUCTION_VERBS).is_some()))
                    && !(k & PLAN != 0
                        && lx::starts_any(ch, i + len, lx::PLAN_NOUN_TAILS).is_some())
                    && !in_not_cue_word(ch, i)
                    && !(k & REPORT != 0 && completes_a_quota(ch, i, len))
                    && !(c == '了' && lx::ends_any(ch, i, lx::PLANNING_VERBS).is_some())
                    && !(k & PLAN_CMP != 0 && threshold_comparator(ch, i, len))
                    && !(k & PLAN != 0 && self.plan_noun_object(ch, i, len))
                    && !(k & PLAN != 0 && self.object_of_report_verb(ch, i, len))
                    // "到20…" is a horizon only before a year ("到2025年"), not in
                    // "达到20034万元".
                    && !(k & PLAN != 0
                        && matches!(c, '到' | '至')
                        && ch.get(i + 1).is_some_and(char::is_ascii_digit)
                        && year_at(ch, i + 1).is_none())
                {
                    let f = k;
                    self.cues.push(Cue {
                        start: i,
                        end: i + len,
                        strong: false,
                        weak: k & PLAN != 0 && (f & ACTION != 0 || funds),
                        plannable: k & REPORT != 0 && f & PLANNABLE != 0,
                        governs: k & PLAN != 0 && f & GOVERNS != 0,
                        aspect: k & REPORT != 0 && f & ASPECT != 0,
                        plan_only: k & PLAN_CMP != 0 && f & APPROX_ONLY != 0,
                        estimate: false,
                        kept_within: k & PLAN_CMP != 0 && f & KEPT_WITHIN != 0,
                        above: k & PLAN_CMP != 0 && f & ABOVE != 0,
                        // (计划完成投资: 完成 labels with 计划.)
                        labels: (k & PLAN != 0
                            && lx::starts_any(ch, i + len, lx::PLAN_FIGURE_TAILS).is_some())
                            || self.cues.last().is_some_and(|p| p.labels && p.end == i),
                        kind: if k & PLAN != 0 {
                            CueKind::Plan
                        } else if k & REPORT != 0 {
                            CueKind::Report
                        } else {
                            CueKind::Comparator
                        },
                    });
                }
            }
            // "预计可提供约1.1万个单位", "预计将带动就业3000人": an estimate of what a
            // plan will bring forecasts; it plans.
            if kinds & ESTIMATE != 0 && forecast_after(ch, i) {
                kinds &= !(ESTIMATE | STRONG_CUE);
                if let Some(c) = self.cues.last_mut().filter(|c| c.start == i) {
                    c.kind = CueKind::Plan;
                }
            }
            let digit_run_start =
                c.is_ascii_digit() && (i == 0 || !char_at(ch, i - 1).is_ascii_digit());
            let deadline_start =
                digit_run_start || matches!(c, '全' | '年' | '今' | '本' | '截' | '到' | '至');
            if kinds & (STRONG_CUE | ESTIMATE) != 0 {
                if let Some(c) = self.cues.last_mut().filter(|c| c.start == i) {
                    c.strong |= kinds & STRONG_CUE != 0;
                    c.estimate = kinds & ESTIMATE != 0;
                }
            }
            if kinds == 0 && !deadline_start {
                continue;
            }
            if kinds & THIS_YEAR != 0 && self.this_year.is_none() {
                self.this_year = Some(i);
            }
            if kinds & STRETCH != 0 && !funds {
                if self.stretch.is_none() {
                    self.stretch = Some(i);
                }
                self.stretch_marks.push((i, stretch_names_subject(ch, i)));
            }
            if kinds & CUMULATIVE != 0 {
                self.cumulative.push(i);
            }
            if kinds & ESTIMATE != 0 && self.estimate.is_none() {
                self.estimate = Some(i);
            }
            if deadline_start && i >= skip_deadline_until {
                if let Some((_, len)) = deadline_at(ch, i) {
                    self.deadlines.push((i, i + len));
                    // A month without a year ("至6月底，完成投资4.73亿元") is the date a
                    // progress report counts to, not a plan's horizon.
                    // "到6月底前" is a deadline still.
                    let month_only = ch[i..i + len].contains(&'月')
                        && !(i..i + len).any(|k| year_value(ch, k).is_some())
                        && ch.get(i + len) != Some(&'前');
                    if matches!(c, '到' | '至') && !month_only {
                        self.to_marks.push(i);
                    }
                    skip_deadline_until = i + len;
                    let future = (i..i + len)
                        .filter_map(|k| year_value(ch, k))
                        .any(|y| plan_year.is_some_and(|p| y >= p));
                    if future && self.future_deadline.is_none() {
                        self.future_deadline = Some(i);
                    }
                }
            }
            // "比2020年下降14.5%", "与2012年相比": a base of comparison, in plans as in
            // reviews, does not date the sentence.
            let base_year = i > 0 && matches!(char_at(ch, i - 1), '比' | '较' | '与' | '同');
            if digit_run_start && aside == 0 && !base_year {
                if let Some(y) = year_value(ch, i) {
                    self.years.push((i, y));
                }
            }
            // "比上年增长5%" compares with last year in plans as in reports: neutral.
            let comparison = i > 0 && matches!(char_at(ch, i - 1), '比' | '较' | '与' | '于');
            if kinds & PAST != 0 && !comparison {
                self.past.push(i);
            }
            if kinds & STRONG_PAST != 0 {
                self.strong_past += 1;
            }
            if kinds & FUTURE != 0 {
                self.future.push(i);
            }
            if kinds & RESPECTIVELY != 0 {
                self.respectively.push(i);
            }
        }
        self.reported = self
            .cues
            .iter()
            .find(|c| self.reports_firmly(c))
            .map(|c| (c.start, c.end));
        self.planned = self.cues.iter().any(|c| c.kind == CueKind::Plan && !c.weak);
        // List numbering before a horizon (2、到2025年): only needed when there is one.
        if !self.to_marks.is_empty() {
            self.list_chars.extend(ch.iter().map(|c| {
                c.is_ascii_digit()
                    || c.is_whitespace()
                    || matches!(c, '、' | '.' | '(' | ')' | '（' | '）')
                    || lx::is_cn_numeral(*c)
            }));
        }
    }

    /// True when the plan word at `[i, i + len)` is no plan cue here: see
    /// [`plan_word_not_cue`]; or a plan noun ([`lx::PLAN_OBJECT_NOUNS`]) within six
    /// characters after a report verb of its clause that takes it as its object
    /// ([`lx::ACHIEVE_VERBS`]: "完成年度计划", "超额完成年度目标").
    fn plan_noun_object(&self, ch: &[char], i: usize, len: usize) -> bool {
        if plan_word_not_cue(ch, i, len) {
            return true;
        }
        // The cue may be the head of a longer plan noun (预期 of 预期目标).
        if lx::starts_any(ch, i, lx::PLAN_OBJECT_NOUNS).is_none_or(|n| n < len) {
            return false;
        }
        after_verb(ch, i, lx::ACHIEVE_VERBS) || after_verb(ch, i, lx::GAP_VERBS)
    }

    /// True when the action verb at `[i, i + len)` directly follows a report word and
    /// is its object ("获批建设", "完成改造"): the report word alone speaks.
    fn object_of_report_verb(&self, ch: &[char], i: usize, len: usize) -> bool {
        lx::starts_any(ch, i, lx::ACTION_VERBS) == Some(len)
            && self
                .cues
                .last()
                .is_some_and(|c| c.kind == CueKind::Report && c.end == i)
    }

    /// The deadline marker in force at `i`: the last one before it in the passage.
    pub(crate) fn deadline_before(&self, i: usize) -> Option<(usize, usize)> {
        let n = self.deadlines.partition_point(|d| d.1 <= i);
        n.checked_sub(1)
            .and_then(|k| self.deadlines.get(k))
            .copied()
    }

    /// True when a stretch word (力争, 争取) scopes over the number at `i`: it stands
    /// before the number in the number's own clause (a list sharing the verb,
    /// 力争新增A 10个、B 5个, is one clause), or it opens the number's part of the
    /// sentence (up to ；) and then governs the clauses that follow it
    /// ("力争A提高到18%，新增B 1000家"). A stretch word after a base figure is the
    /// stretch tier of its own clause only, and none reaches across ；:
    /// "增长8%，力争完成150亿元；零售额增长6.5%" has one stretch figure. A stretch word
    /// that opens a later clause, with no number before it in its part, governs the
    /// clauses after it too: "全力加快经开区建设，力争工业投资增长25%以上，规上工业增加值
    /// 增长25%以上" (`number_in(a, b)`: a number starts in `[a, b)`); so does one that
    /// opens a later clause naming what it is about, which starts a list of its own rather
    /// than raising the figure before it: "确保完成投资1000亿元以上，力争建成高速公路132
    /// 公里，建设一级公路500公里" (three stretch figures).
    pub(crate) fn stretch_at(&self, i: usize, number_in: impl Fn(usize, usize) -> bool) -> bool {
        let clause = self.clause_start.get(i).copied().unwrap_or(0) as usize;
        let n = self.stretch_marks.partition_point(|&(k, _)| k < i);
        let Some(&(k, names_subject)) = n.checked_sub(1).and_then(|n| self.stretch_marks.get(n))
        else {
            return false;
        };
        let part = self.clause_group_start(i);
        // "力争到2025年，地区生产总值达到3000亿元，…": a stretch word whose clause is only
        // it and a deadline governs the clauses after it in its part (the stretch words
        // are of two characters: 力争, 争取, 努力, 力求).
        let opens_deadline = self
            .deadlines
            .iter()
            .find(|d| d.0 == k + 2)
            .is_some_and(|d| {
                self.clause_start
                    .get(d.1 + 1)
                    .is_some_and(|&c| c as usize == d.1 + 1)
            });
        let Some(k_clause) = self.clause_start.get(k).map(|&c| c as usize) else {
            return k >= clause;
        };
        // It opens its clause after list numbering or a deadline at most ("年内力争…").
        let opens_clause = k_clause == k
            || self.list_marks_only(k_clause, k)
            || self.deadlines.contains(&(k_clause, k));
        k >= clause
            || (k >= part
                && (opens_deadline
                    || k_clause <= part
                    || (opens_clause && (names_subject || !number_in(part, k)))))
    }

    /// True when `[a, b)` of the last scanned passage holds only list numbering
    /// ("2、", "（三）") or spaces.
    fn list_marks_only(&self, a: usize, b: usize) -> bool {
        self.list_chars
            .get(a..b)
            .is_some_and(|s| s.iter().all(|&x| x))
    }

    /// True for a strong report word that plans do not use too (了, 已, 首次, 截至, 成功):
    /// not an estimate (预计), and not 累计, which sums a plan's years as well.
    fn reports_firmly(&self, c: &Cue) -> bool {
        c.kind == CueKind::Report
            && c.strong
            && !c.estimate
            && self.cumulative.binary_search(&c.start).is_err()
    }

    /// True when 累计 occurs in the clause of `i` before it.
    pub(crate) fn cumulative_at(&self, i: usize) -> bool {
        let n = self.cumulative.partition_point(|&k| k < i);
        let clause = self.clause_start.get(i).copied().unwrap_or(0) as usize;
        n.checked_sub(1)
            .and_then(|k| self.cumulative.get(k))
            .is_some_and(|&k| k >= clause)
    }

    /// The start of the `sentence` field for position `i`: after the last ；.
    pub(crate) fn clause_group_start(&self, i: usize) -> usize {
        let n = self.semicolons.partition_point(|&k| k < i);
        n.checked_sub(1)
            .and_then(|k| self.semicolons.get(k))
            .map(|k| k + 1)
            .unwrap_or(0)
    }

    /// Whether the number at `i` is a target, whether it is an estimate, and what
    /// decided.
    ///
    /// Under a heading the section decides, unless the sentence overrides it (力争 or
    /// a future deadline in a review; an estimate of a past year in a plan). Without
    /// headings the sentence's own words decide, nearest first: a bare year before the
    /// number that is before the report's year (or, when that is unknown, before
    /// another year the passage names, or the only year of a sentence without a plan
    /// word: "2023年，…"); then the last plan or report word before the number in its
    /// part of the sentence (up to ；); then a plan comparator after it in its clause
    /// (左右, 以上); then the first cue word after it; then the last cue before its
    /// part; then any plan comparator in the passage (but 控制在 and 以内, which speak for
    /// their own clause); else it is reported (actual).
    ///
    /// Every look-up is a binary search or a bounded scan of the passage's marker lists.
    pub(crate) fn status(
        &self,
        mode: Mode,
        i: usize,
        plan_year: Option<i32>,
        unheaded_plan: bool,
    ) -> (bool, bool, Decided) {
        let estimate = self.estimate.is_some_and(|k| k < i);
        let ny = self.years.partition_point(|(k, _)| *k < i);
        let last_year = ny.checked_sub(1).and_then(|k| self.years.get(k)).copied();
        let year = last_year.map(|y| y.1);
        let past_year = matches!((year, plan_year), (Some(y), Some(p)) if y < p);
        let future_year = self.future_deadline.is_some_and(|k| k < i);
        let past = self.past.partition_point(|&k| k < i);
        let nf = self.future.partition_point(|&k| k < i);
        let future = nf + usize::from(nf < self.future.len());
        let stretch_at = self.stretch.filter(|&k| k < i);
        let year_at = last_year.map(|y| y.0).unwrap_or(0);
        let (target, decided) = match mode {
            Mode::Actual => match (stretch_at, self.future_deadline.filter(|_| future_year)) {
                (Some(k), _) => (true, Decided::Word(k, k + 2)),
                (None, Some(k)) => (true, Decided::Year(k)),
                (None, None) => (false, Decided::Section),
            },
            Mode::Target => {
                if estimate && (past > 0 || past_year) {
                    (false, Decided::Estimate(self.estimate.unwrap_or(0)))
                } else if past_year && future == 0 {
                    (false, Decided::Year(year_at))
                } else {
                    (true, Decided::Section)
                }
            }
            Mode::Unknown if unheaded_plan => self.status_in_plan_text(
                i,
                estimate,
                year.filter(|_| plan_year.is_some()),
                past_year,
                future_year,
            ),
            Mode::Unknown => self.status_from_words(i, plan_year),
        };
        (target, estimate && !target, decided)
    }

    /// Unheaded text given as a plan ([`crate::extract::ExtractOptions::unheaded_plan`]):
    /// a number is a target unless the sentence reports (an estimate, a past year, a
    /// strong past word such as 去年 or 初步核算) or has more report words than plan
    /// words.
    fn status_in_plan_text(
        &self,
        i: usize,
        estimate: bool,
        year: Option<i32>,
        past_year: bool,
        future_year: bool,
    ) -> (bool, Decided) {
        let strong_future = self.stretch.is_some_and(|k| k < i);
        if estimate {
            return (false, Decided::Estimate(self.estimate.unwrap_or(0)));
        }
        if past_year || (self.strong_past > 0 && !strong_future) {
            let k = self.past.first().copied().unwrap_or(0);
            return (false, Decided::Word(k, k + 2));
        }
        let target =
            strong_future || future_year || year.is_some() || self.future.len() >= self.past.len();
        (
            target,
            if target {
                Decided::Section
            } else {
                Decided::Default
            },
        )
    }

    fn status_from_words(&self, i: usize, plan_year: Option<i32>) -> (bool, Decided) {
        let n = self.clause_start.len();
        let ps = self.clause_group_start(i);
        let pe = self
            .semicolons
            .get(self.semicolons.partition_point(|&k| k < i))
            .copied()
            .unwrap_or(n);
        let clause = self.clause_start.get(i).copied().unwrap_or(0) as usize;
        let clause_end = (i..n)
            .find(|&k| {
                self.clause_start
                    .get(k + 1)
                    .is_some_and(|&c| c as usize > clause)
            })
            .map(|k| k + 1)
            .unwrap_or(n);
        let words = |lo: usize, hi: usize| {
            let a = self.cues.partition_point(|c| c.start < lo);
            let b = self.cues.partition_point(|c| c.start < hi);
            self.cues.part(a, b)
        };
        // "超额完成5.4万个的年度目标任务", "实现增长5%左右的预期目标": a number
        // before 的 + goal noun in its clause is the content of the goal.
        // Binary searches: both lists are in text order.
        let h = self.goal_heads.partition_point(|g| g.0 < i);
        if let Some(&(_, s, e)) = self.goal_heads.get(h).filter(|g| g.0 == i) {
            return (true, Decided::Word(s, e));
        }
        let goal = self.goals.get(self.goals.partition_point(|g| g.0 <= i));
        if let Some(&(s, e)) = goal.filter(|g| g.0 < clause_end) {
            return (true, Decided::Word(s, e));
        }
        // Action verbs (新开工, 改造) are used by reviews as much as plans: they do not
        // make a year named before the number a plan year.
        let plan_before = words(ps, i)
            .iter()
            .any(|c| c.kind == CueKind::Plan && !c.weak);
        // A bare year before the number in its part, not inside a deadline (到2025年).
        let bare_year = self
            .years
            .iter()
            .rev()
            .skip_while(|(k, _)| *k >= i)
            .take_while(|(k, _)| *k >= ps)
            .find(|(k, _)| !self.deadlines.iter().any(|d| d.0 <= *k && *k < d.1))
            .copied();
        if let Some((k, y)) = bare_year {
            match plan_year {
                Some(p) if y < p => return (false, Decided::Year(k)),
                Some(p) if y >= p && !plan_before => return (true, Decided::Year(k)),
                Some(_) => {}
                None if !plan_before => {
                    // "2024年增长5.1%，今年提出增长5%以上": a year named beside 今年 is
                    // another, earlier year.
                    if self.this_year.is_some() {
                        return (false, Decided::Year(k));
                    }
                    let latest = self.years.iter().map(|y| y.1).max().unwrap_or(y);
                    let one_year = self.years.iter().all(|x| x.1 == y);
                    // A goal noun after 的 ("超额完成…的年度目标任务") names the
                    // target a reported figure is measured against, not a plan.
                    let plan_in_part = words(ps, pe).iter().any(|c| {
                        c.kind == CueKind::Plan
                            && self.goals.binary_search_by_key(&c.start, |g| g.0).is_err()
                    });
                    if y < latest || (one_year && !plan_in_part) {
                        return (false, Decided::Year(k));
                    }
                }
                None => {}
            }
        }
        // A deadline 到/至 + year before the number sets the plan horizon of the
        // sentence ("到2025年，建成…"), unless the year is before the report's.
        let horizon = self.deadlines.iter().take_while(|d| d.1 <= i).find(|d| {
            // It opens its clause (after list numbering at most): "增长到2020年的"
            // is the end of a from–to comparison, not a horizon.
            let opens = self.clause_start.get(d.0).is_some_and(|&c| {
                let c = c as usize;
                d.0 - c <= 3 && self.list_marks_only(c, d.0)
            });
            // "到2017年末，…已由…缩小到3.9个百分点": a state already reached by the
            // deadline is reported, not planned.
            opens
                && !words(d.1, i).iter().any(|c| c.aspect)
                && self.to_marks.binary_search(&d.0).is_ok()
                && (d.0..d.1)
                    .filter_map(|k| self.years.iter().find(|y| y.0 == k).map(|y| y.1))
                    .all(|y| plan_year.is_none_or(|p| y >= p))
        });
        if let Some(d) = horizon {
            return (true, Decided::Word(d.0, d.1));
        }
        // A plan header ending in a colon ("主要预期目标是：", "计划安排如下：") makes
        // what follows targets, unless a strong report word (了, 已, 去年) intervenes.
        // 预计 after a plan header estimates the plan year ("预期目标是：预计地区生产总值
        // 同比增长5.5%左右"; README: 预计 inside plan paragraphs is a target).
        let header = self.colons.iter().rev().find(|&&k| k < i).and_then(|&k| {
            let c = self.clause_start.get(k).copied().unwrap_or(0) as usize;
            let plan = words(c, k).iter().rev().find(|x| x.kind == CueKind::Plan)?;
            let reported = words(k, i).iter().any(|x| x.strong && !x.estimate);
            (!reported).then_some(*plan)
        });
        if let Some(c) = header {
            return (true, Decided::Word(c.start, c.end));
        }
        // A report verb that plans use too, governed by a plan word before it in its
        // part with no other word between, is planned: 力争完成, 要实现, 将建成,
        // "确保…全部复工，一季度完成投资9.2亿元". An action verb (推进) does not govern.
        // Any report word right after a plan word is planned too (确保一季度, 要较上年),
        // except 了/已.
        let say = |c: &Cue| {
            let k = self.cues.partition_point(|x| x.start < c.start);
            let cps = self.clause_group_start(c.start);
            let prev = self
                .cues
                .part(0, k)
                .iter()
                .rev()
                .take_while(|x| x.start >= cps)
                .find(|x| x.kind != CueKind::Comparator)
                .filter(|p| p.kind == CueKind::Plan);
            let adjacent = prev.filter(|p| p.end == c.start && !c.aspect);
            // The governing word may stand before other report words that are not of
            // aspect (确保一季度…，一季度完成投资): the nearest plan word, unless a
            // strong report word (了, 已, 同比 …) comes between.
            // Bounded, so that a part full of cue words stays linear.
            let governor = self
                .cues
                .part(0, k)
                .iter()
                .rev()
                .take(16)
                .take_while(|x| x.start >= cps && !(x.kind == CueKind::Report && x.strong))
                .find(|x| x.kind == CueKind::Plan && !x.weak)
                .filter(|p| p.governs && c.plannable);
            match adjacent.or(governor) {
                Some(p) if c.kind == CueKind::Report => {
                    let end = if p.end == c.start { c.end } else { p.end };
                    (true, Decided::Word(p.start, end))
                }
                _ if c.kind == CueKind::Comparator => (true, Decided::Weak(c.start, c.end)),
                _ => (c.kind != CueKind::Report, Decided::Word(c.start, c.end)),
            }
        };
        // 左右 right after the number in its clause outweighs a weak report word
        // before it (分别为, 完成, 实现); so does 以上 after a report verb that plans use
        // ("全年实现城镇新增就业47万人以上"; a streak, "连续5年稳定在…以上", still
        // reports); a strong one (同比, 了, 已), an estimate or a year decide as before.
        // The report verb may stand before an action verb ("完成农村危房改造5000户以上"),
        // and a strong word before it in the clause still reports ("已实现…以上",
        // "去年完成投资50亿元以上"); a sum over the years (累计) or an estimate does not.
        let strong_before = words(clause, i)
            .iter()
            .any(|c| (c.kind == CueKind::Report && c.aspect) || self.reports_firmly(c));
        let weak_report = words(ps, i)
            .iter()
            .rev()
            .take(16)
            .find(|c| c.kind != CueKind::Comparator && !c.weak)
            .filter(|c| c.kind == CueKind::Report && !c.strong && !strong_before);
        let weak_report_before = weak_report.is_some();
        let approx_after = words(i, clause_end)
            .iter()
            .find(|c| c.kind == CueKind::Comparator)
            .filter(|c| c.plan_only || (c.above && weak_report.is_some_and(|r| r.plannable)));
        if let Some(c) = approx_after.filter(|_| weak_report_before && self.estimate.is_none()) {
            return (true, Decided::Weak(c.start, c.end));
        }
        // "完成不少于27条农村黑臭水体整治": a plan floor (不少于) right before the number
        // outweighs a weak report word before it, as 左右 after it does.
        let floor_before = words(ps, i)
            .last()
            .filter(|c| c.kind == CueKind::Comparator && c.plan_only && c.end == i);
        if let Some(c) = floor_before.filter(|_| weak_report_before && self.estimate.is_none()) {
            return (true, Decided::Weak(c.start, c.end));
        }
        // Action verbs (建设, 改造) wait until every other word has been heard.
        let not_cmp = |c: &&Cue| c.kind != CueKind::Comparator && !c.weak;
        if let Some(c) = words(ps, i)
            .iter()
            .rev()
            .find(|c| c.kind != CueKind::Comparator)
        {
            if !c.weak {
                return say(c);
            }
            // An action verb (建设, 改造) before the number: another word of the
            // number's clause, before or after it, says more ("已累计完成管道改造63.2公里",
            // "建设…516公里、居全国第六"); else the verb makes a target.
            // So does a comparison with last year opening the next clause ("签约项目45个，
            // 较上年增长15.4%", "同比增长"): it reports the figure's change.
            let compared = words(clause_end, (clause_end + 3).min(pe))
                .iter()
                .find(|w| w.kind == CueKind::Report && !w.plannable);
            if let Some(w) = words(clause, clause_end).iter().find(not_cmp).or(compared) {
                return say(w);
            }
            // Nothing in its clause: a sentence that reports elsewhere (了, 已, 首次, 截至 …;
            // not 累计, which plans use, nor an estimate) and has no plan word reviews
            // ("改造老旧小区20个，…，补齐了城区停车短板").
            return match self
                .reported
                .filter(|_| !self.planned && self.estimate.is_none())
            {
                Some((s, e)) => (false, Decided::Word(s, e)),
                None => (true, Decided::Action(c.start, c.end)),
            };
        }
        // "预计2005年全市生产总值达到805亿元；…高出80%左右": after an estimate word, with
        // no word before the number in its part, 左右 rounds the estimate; it plans nothing.
        let estimated = self.estimate.filter(|&k| k < i);
        if let Some(c) = words(i, clause_end)
            .iter()
            .find(|c| c.kind == CueKind::Comparator)
        {
            return match estimated {
                Some(k) if c.plan_only => (false, Decided::Estimate(k)),
                _ => say(c),
            };
        }
        // A plan word labelling a figure of a later clause (计划投资) is that figure's.
        let own = |c: &&Cue| {
            !c.labels
                || self
                    .clause_start
                    .get(c.start)
                    .is_some_and(|&s| s as usize <= clause)
        };
        if let Some(c) = words(i, pe).iter().find(|c| not_cmp(c) && own(c)) {
            return say(c);
        }
        // "规模以上工业总产值突破10000亿元，年均增长15%以上；": a plan comparator later in
        // the number's part speaks before the words of other parts.
        if let Some(c) = words(i, pe)
            .iter()
            .find(|c| c.kind == CueKind::Comparator && !c.kept_within)
        {
            return say(c);
        }
        if let Some(c) = words(0, ps).iter().rev().find(not_cmp) {
            return say(c);
        }
        if let Some(c) = self
            .cues
            .iter()
            .find(|c| c.kind == CueKind::Comparator && !c.kept_within)
        {
            return say(c);
        }
        let weak = words(i, pe).iter().find(|c| c.weak);
        if let Some(c) = weak.or_else(|| words(0, ps).iter().rev().find(|c| c.weak)) {
            return (true, Decided::Action(c.start, c.end));
        }
        match self.estimate {
            Some(k) if k < i => (false, Decided::Estimate(k)),
            _ => (false, Decided::Default),
        }
    }
}

const STRETCH: u32 = 1;
const CUMULATIVE: u32 = 2;
const ESTIMATE: u32 = 4;
const PAST: u32 = 8;
const STRONG_PAST: u32 = 16;
const FUTURE: u32 = 32;
const RESPECTIVELY: u32 = 64;
const PLAN: u32 = 128;
const REPORT: u32 = 256;
const PLAN_CMP: u32 = 512;
const STRONG_CUE: u32 = 1024;
const THIS_YEAR: u32 = 2048;
const GOAL: u32 = 4096;
const ACTION: u32 = 1 << 13;
const PLANNABLE: u32 = 1 << 14;
const GOVERNS: u32 = 1 << 15;
const ASPECT: u32 = 1 << 16;
const APPROX_ONLY: u32 = 1 << 17;
const KEPT_WITHIN: u32 = 1 << 18;
const ABOVE: u32 = 1 << 19;

/// Every marker word with the kinds it belongs to, indexed by first character.
static MARKERS: std::sync::LazyLock<lx::WordIndex<u32>> = std::sync::LazyLock::new(|| {
    let mut words: Vec<(&str, u32)> = Vec::new();
    for (list, kind) in [
        (lx::STRETCH, STRETCH),
        (lx::CUMULATIVE, CUMULATIVE),
        (lx::ESTIMATE, ESTIMATE),
        (lx::PAST_CUES, PAST),
        (lx::STRONG_PAST, STRONG_PAST),
        (lx::FUTURE_CUES, FUTURE),
        (lx::RESPECTIVELY_WORDS, RESPECTIVELY),
        (lx::PLAN_CUES, PLAN),
        (lx::REPORT_CUES, REPORT),
        (lx::PLAN_COMPARATORS, PLAN_CMP),
        (lx::STRONG_REPORT_CUES, STRONG_CUE),
        (lx::THIS_YEAR_WORDS, THIS_YEAR),
        (lx::PLAN_OBJECT_NOUNS, GOAL),
        (lx::ACTION_VERBS, ACTION),
        (lx::PLANNABLE_REPORT_VERBS, PLANNABLE),
        (lx::GOVERNING_PLAN_WORDS, GOVERNS),
        (lx::ASPECT_MARKERS, ASPECT),
        (lx::PLAN_ONLY_COMPARATORS, APPROX_ONLY),
        (lx::KEPT_WITHIN_COMPARATORS, KEPT_WITHIN),
        (lx::ABOVE_SUFFIXES, ABOVE),
    ] {
        words.extend(list.iter().map(|w| (w, kind)));
    }
    // One entry per word, its kinds joined: a word of several lists is matched once.
    // (Through the crate's one stable sort: built once, not worth a sort of its own.)
    crate::order::sort_by_key(&mut words, |w| w.0);
    let mut merged: Vec<(&str, u32)> = Vec::with_capacity(words.len());
    for (w, k) in words {
        match merged.last_mut() {
            Some(last) if last.0 == w => last.1 |= k,
            _ => merged.push((w, k)),
        }
    }
    lx::WordIndex::new(&merged)
});

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().map(lx::lex_fold).collect()
    }

    #[test]
    fn deadlines() {
        let ch = chars("力争到2024年底全区累计建成");
        assert_eq!(deadline_at(&ch, 2).map(|d| d.1), Some(7));
        let ch = chars("2023年，全区");
        assert_eq!(deadline_at(&ch, 0), None);
        let ch = chars("推动年度R&D");
        assert_eq!(deadline_at(&ch, 2).map(|d| d.1), Some(2));
        let ch = chars("到“十四五”末");
        assert_eq!(deadline_at(&ch, 0).map(|d| d.1), Some(7));
    }

    #[test]
    fn status_from_wording() {
        let mut m = Markers::default();
        let ch = chars("预计全年地区生产总值增长5.2%");
        m.scan(&ch, None);
        let (target, estimate, decided) = m.status(Mode::Unknown, 12, None, false);
        assert!(!target && estimate);
        assert_eq!(decided, Decided::Word(0, 2));
        let ch = chars("全省地区生产总值增长5%左右");
        m.scan(&ch, None);
        let (target, _, decided) = m.status(Mode::Unknown, 10, None, false);
        assert!(target);
        assert!(matches!(decided, Decided::Weak(..)));
        // A bare year before the number, the only year named: a report.
        let ch = chars("2023年，引进项目156个，同比增长39%");
        m.scan(&ch, None);
        assert_eq!(m.status(Mode::Unknown, 10, None, false).2, Decided::Year(0));
        // The nearest cue before the number decides, not the sentence's first word.
        let ch = chars("上半年GDP同比增长5.0%，为实现全年增长5.0%左右的预期目标");
        m.scan(&ch, None);
        assert!(!m.status(Mode::Unknown, 10, None, false).0);
        assert!(m.status(Mode::Unknown, 22, None, false).0);
    }

    #[test]
    fn goals_and_periods_to_date() {
        let ch = chars("超额完成5.4万个的年度目标任务");
        let de = ch.iter().position(|&c| c == '的').expect("的");
        assert_eq!(goal_noun_after(&ch, de), Some((de + 3, de + 5)));
        let ch = chars("完成50%的村");
        assert_eq!(goal_noun_after(&ch, 5), None);
        assert_eq!(to_date_period_at(&chars("前9个月"), 0), Some(4));
        assert_eq!(to_date_period_at(&chars("前三个月"), 0), Some(4));
        assert_eq!(to_date_period_at(&chars("1-10月"), 0), Some(5));
        // 份 belongs to the month.
        assert_eq!(to_date_period_at(&chars("1至6月份"), 0), Some(5));
        assert_eq!(to_date_period_at(&chars("1至6月底"), 0), Some(4));
        // A range of counts or of years is no period.
        assert_eq!(to_date_period_at(&chars("1-2个"), 0), None);
        assert_eq!(to_date_period_at(&chars("2021-2025年"), 0), None);
        assert_eq!(to_date_period_at(&chars("前列"), 0), None);
    }

    #[test]
    fn named_plan_documents_are_no_plan_cue() {
        let ch = chars("“十四五”规划中期评估");
        assert!(plan_word_not_cue(&ch, 5, 2));
        let ch = chars("十三五规划纲要");
        assert!(plan_word_not_cue(&ch, 3, 2));
        let ch = chars("规划建设");
        assert!(!plan_word_not_cue(&ch, 0, 2));
    }
}
