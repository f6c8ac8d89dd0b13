//! Turning the candidates of each passage into findings.

use rust_decimal::Decimal;

use super::lexicon::{self as lx, char_at, Part};
use super::markers::{Decided, Markers};
use super::phrase::{self, After, Before};
use super::scan::{self, Cand, Clean, Kind};
use super::segment::{self, CharIndex, Mode, Passage};
use super::{ExtractOptions, Extraction, Finding, Measure, Status, Warning};
use crate::comparator::Comparator;
use crate::quantity::Quantity;
use crate::target::BARE_NUMBER_COMPARATOR;
use crate::unit::{Currency, Dimension, Unit};

/// A finding before offsets are converted, in cleaned indices of its passage.
struct Draft {
    cand: usize,
    indicator: (usize, usize),
    status: Status,
    decided: Decided,
    estimate: bool,
    measure: Measure,
    op: Comparator,
    value: Option<Decimal>,
    value_hi: Option<Decimal>,
    unit: Option<Unit>,
    stretch: bool,
    by: Option<(usize, usize)>,
    cumulative: bool,
    group: usize,
    negated: bool,
}

pub(crate) fn run(text: &str, options: &ExtractOptions) -> Extraction {
    let plan_year = options.plan_year.or_else(|| segment::plan_year(text));
    let mut a = Analyzer {
        text,
        index: CharIndex::new(text),
        plan_year,
        unheaded_plan: options.unheaded_plan,
        carry: None,
        last_end: 0,
        clean: Clean::new(),
        cands: Vec::new(),
        markers: Markers::default(),
        drafts: Vec::new(),
        out: Extraction {
            plan_year,
            ..Extraction::default()
        },
    };
    segment::passages(text, |p| a.passage(p));
    a.out
}

struct Analyzer<'t> {
    text: &'t str,
    unheaded_plan: bool,
    /// The status decided by the words of the last passage, while its paragraph
    /// goes on (no blank line, no heading since).
    carry: Option<bool>,
    /// Where the last passage ended (bytes).
    last_end: usize,
    index: CharIndex,
    plan_year: Option<i32>,
    clean: Clean,
    cands: Vec<Cand>,
    markers: Markers,
    drafts: Vec<Draft>,
    out: Extraction,
}

impl Analyzer<'_> {
    fn passage(&mut self, p: &Passage<'_>) {
        // A blank line or a heading between passages ends the paragraph.
        let body = self.text.part(p.start, p.end);
        let lead = body.len() - body.trim_start().len();
        let gap = self.text.part(self.last_end.min(p.start), p.start + lead);
        if p.mode != Mode::Unknown || gap.contains("\n\n") || gap.contains("\n\r\n") {
            self.carry = None;
        }
        self.last_end = p.end;
        if !may_have_findings(self.text.part(p.start, p.end)) {
            return;
        }
        self.clean.fill(self.text, p);
        scan::candidates(self.text, p, &self.clean, &mut self.cands);
        if self.cands.is_empty() {
            return;
        }
        self.markers.scan(&self.clean.ch, self.plan_year);
        self.drafts.clear();
        for k in 0..self.cands.len() {
            self.draft(p, k);
        }
        self.respectively();
        // The last status this passage's own words decided carries to the next one.
        if let Some(d) = self.drafts.iter().rev().find(|d| {
            matches!(
                d.decided,
                Decided::Word(..)
                    | Decided::Action(..)
                    | Decided::Year(_)
                    | Decided::Estimate(_)
                    | Decided::Carried
            )
        }) {
            self.carry = Some(d.status == Status::Target);
        }
        self.emit(p);
    }

    fn draft(&mut self, p: &Passage<'_>, k: usize) {
        let ch = &self.clean.ch;
        let c = &self.cands[k];
        if self.quantifies_the_subject(k) {
            return;
        }
        let group = self.markers.clause_group_start(c.s);
        let floor = if k > 0 { self.cands[k - 1].post } else { 0 }.max(group);
        let ceil = self.cands.get(k + 1).map(|n| n.pre).unwrap_or(ch.len());
        let (mut target, estimate, mut decided) =
            self.markers
                .status(p.mode, c.s, self.plan_year, self.unheaded_plan);
        // "开展…活动320余次": a figure told as "more than N" (余, 多) is how reviews
        // count what was done; plans set floors (以上). It outweighs an action verb,
        // which plans and reviews share.
        if let (Decided::Action(..), true) = (decided, c.more) {
            if let Some(m) = (c.s..c.e).find(|&x| matches!(char_at(ch, x), '余' | '多' | '餘')) {
                target = false;
                decided = Decided::Word(m, m + 1);
            }
        }
        // A sentence with no cue of its own (or only a plan comparator, or only an
        // action verb such as 建设) continues the sentence before it in the same paragraph.
        if let Some(carried) = self.carry.filter(|_| {
            !self.unheaded_plan
                && matches!(
                    decided,
                    Decided::Default | Decided::Weak(..) | Decided::Action(..)
                )
        }) {
            target = carried;
            decided = Decided::Carried;
        }
        let status = if target {
            Status::Target
        } else {
            Status::Actual
        };

        // The verb right before the number (after any comparator word). A number that
        // continues a list ("分别增长6.2%、7.1%", "下降3%和5%") shares the verb before
        // the first one.
        let continues = k > 0
            && self.cands[k - 1].post <= c.pre
            && ch
                .part(self.cands[k - 1].post, c.pre)
                .iter()
                .all(|x| matches!(x, '、' | '和' | '及' | '与' | ','))
            && c.pre > self.cands[k - 1].post;
        // The verb may end in the aspect particle: "回落了0.2个百分点".
        let verb_end = if c.pre > 0 && char_at(ch, c.pre - 1) == '了' {
            c.pre - 1
        } else {
            c.pre
        };
        let mut growth = lx::ends_any(ch, verb_end, lx::GROWTH_VERBS).is_some()
            || lx::starts(ch, c.s, "正增长")
            || lx::starts(ch, c.s, "负增长")
            || lx::starts(ch, c.s, "持平");
        let mut reduction = lx::ends_any(ch, verb_end, lx::REDUCTION_VERBS).is_some();
        // "降幅收窄23个百分点", "下降3.1%缩小1.0个百分点": a decline that narrows is a
        // rise (README: 降幅缩小0.9个百分点 is +0.9).
        if reduction
            && lx::ends_any(ch, verb_end, lx::NARROWING_VERBS).is_some()
            && narrows_a_decline(
                ch,
                self.markers
                    .clause_start
                    .get(c.pre)
                    .map_or(0, |&x| x as usize),
                verb_end,
            )
        {
            reduction = false;
        }
        // "落后于全省0.3个百分点": a gap below a named level is negative; "面对3.7%的负增长":
        // a decline named after the number.
        let clause_lo = self
            .markers
            .clause_start
            .get(c.pre)
            .map_or(0, |&x| x as usize);
        let points = c
            .unit
            .is_some_and(|u| u.dimension() == Dimension::PercentagePoint);
        if points && !reduction && below_gap(ch, clause_lo, c.pre) {
            reduction = true;
        }
        // "比上年低0.3个百分点", "较全省少3个": a comparison that comes out lower.
        if !reduction
            && !growth
            && lx::ends_any(ch, verb_end, lx::LOWER_WORDS).is_some()
            && (clause_lo.max(verb_end.saturating_sub(12))..verb_end)
                .any(|k| matches!(char_at(ch, k), '比' | '较'))
        {
            reduction = true;
        }
        if c.kind == Kind::Number && lx::starts_any(ch, c.e, lx::DECLINE_AFTER).is_some() {
            reduction = true;
            growth = false;
        }
        // "调增2个百分点", "比目标任务增加7个": a correction of a target is exact.
        let correction = lx::ends_any(ch, verb_end, lx::CORRECTION_VERBS).is_some()
            || ((growth || reduction) && plan_base_before(ch, clause_lo, verb_end));
        let decrease_to = lx::ends_any(ch, c.pre, lx::DECREASE_TO).is_some();
        // "稳定在550万亩", "保持在4%": a level to hold, not a floor (SPEC §5).
        // "歲出預算編列302.12億元": a budgeted amount is what is appropriated, exact,
        // unless a verb of reaching makes it a floor ("预算支出规模将达到30万亿元").
        let budgeted = c
            .unit
            .is_some_and(|u| matches!(u.dimension(), Dimension::Money(_)))
            && !growth
            && lx::ends_any(ch, c.pre, lx::REACH_VERBS).is_none()
            && lx::contains_any(ch.part(clause_lo, c.pre), lx::BUDGET_WORDS);
        let hold_at = lx::ends_any(ch, c.pre, lx::HOLD_AT).is_some() || budgeted;
        if continues {
            if let Some(prev) = self.drafts.last() {
                if prev.cand == k - 1 && prev.unit == c.unit.map(base_unit) {
                    growth |= prev.measure == Measure::Growth;
                    reduction |= prev.negated;
                }
            }
        }
        // "增长5.5%左右，力争6%": a stretch word that only raises the figure before it
        // gives that figure's higher tier, a growth rate as it is (SPEC §5), not a share.
        // (The previous figure is checked first: most numbers have no such neighbour.)
        let raised = (!growth && !reduction && k > 0)
            .then(|| self.drafts.last())
            .flatten()
            .filter(|d| d.cand == k - 1 && d.unit == c.unit.map(base_unit));
        if let Some(prev) = raised {
            let lo = self.cands[k - 1].post;
            let marks = &self.markers.stretch_marks;
            let bare_tier = marks[marks.partition_point(|&(m, _)| m < lo)..]
                .iter()
                .take_while(|&&(m, _)| m < c.pre)
                .any(|&(_, names_subject)| !names_subject)
                && !ch
                    .part(lo, c.pre)
                    .iter()
                    .any(|x| matches!(x, '；' | ';' | '。'));
            if bare_tier {
                growth = prev.measure == Measure::Growth;
                reduction = prev.negated;
            }
        }

        // Indicator.
        let (before, distributive) = phrase::before(ch, floor, c.pre);
        // A part of a structure ratio (1.6∶36.9∶61.5调整为…) is named before the ratio.
        let is_ratio_sign = |k: Option<&char>| k.is_some_and(|x| matches!(x, ':' | '∶' | '︰'));
        let ratio_part =
            is_ratio_sign(ch.get(c.e)) || is_ratio_sign(c.s.checked_sub(1).and_then(|k| ch.get(k)));
        // "增长5.0%左右的预期目标": the goal is what the number is, not its indicator.
        let goal_after = {
            let g = self.markers.goals.partition_point(|g| g.0 < c.post);
            self.markers
                .goals
                .get(g)
                .is_some_and(|g| g.0 <= c.post + 6 && ch.part(c.post, g.0).contains(&'的'))
        };
        let after = if c.kind == Kind::Number && !ratio_part && !goal_after {
            phrase::after(ch, c.post, ceil)
        } else {
            After::None
        };
        // Groups only grow along the passage: the previous finding of this group is
        // among the last drafts. A rank named by its scope ("总量稳居全市第一，增长5.4%")
        // does not name the figure after it, which continues the subject before the rank.
        let in_group = || self.drafts.iter().rev().take_while(|d| d.group == group);
        let previous = in_group()
            .find(|d| c.kind == Kind::Rank || d.measure != Measure::Rank)
            .or_else(|| in_group().next())
            .map(|d| d.indicator);
        // "收入3.5亿元，自然增幅2%，同口径完成3.67亿元": an amount with no subject of
        // its own continues the last amount of its kind (a few findings back at most),
        // not the rate between them.
        // (A rate after an amount is the amount's growth: "收入58.6亿元、增长16%".)
        let dimension = c.unit.map(|u| u.dimension());
        let amount = matches!(dimension, Some(Dimension::Money(_)));
        let previous = match self.drafts.last() {
            Some(last)
                if amount
                    && last.group == group
                    && last.unit.map(|u| u.dimension()) != dimension =>
            {
                self.drafts
                    .iter()
                    .rev()
                    .take(3)
                    .take_while(|d| d.group == group)
                    .find(|d| d.unit.is_some() && d.unit.map(|u| u.dimension()) == dimension)
                    .map(|d| d.indicator)
                    .or(previous)
            }
            _ => previous,
        };
        let sym = c.unit.map(|u| u.symbol()).unwrap_or("");
        let mut indicators: Vec<(usize, usize)> = Vec::new();
        let mut relational_op = None;
        if matches!(sym, "金" | "银" | "铜") {
            indicators.push((c.e - 1, c.e));
        } else if let After::Phrase(a, b) = after {
            indicators.push((a, b));
        } else {
            match before {
                // "首破5000亿元大关、达5141亿元": the words left after the last number
                // are not an indicator; the number continues the one before.
                Before::Phrase(a, _)
                    if previous.is_some()
                        && lx::starts_any(ch, a, lx::NOT_AN_INDICATOR_AFTER).is_some() =>
                {
                    indicators.extend(previous);
                }
                Before::Phrase(a, b) => {
                    let items = phrase::list_items(ch, a, b);
                    // A condition with no number of its own (a quota assigned elsewhere,
                    // 保持正增长, 同比持平) holds for each item of a list set off by 、 (README:
                    // lists sharing a verb are split).
                    let quota = c.kind == Kind::Reference
                        && lx::contains_any(ch.part(c.s, c.e), lx::QUOTA_WORDS);
                    let numberless = quota || matches!(ch.get(c.s), Some('正' | '负' | '持'));
                    // "生态环境质量、能源、水资源等指标达到国家要求": the examples before
                    // 等 are the items of the condition.
                    let examples = (quota && a > 1 && char_at(ch, a - 1) == '等')
                        .then(|| {
                            let lo = phrase::clause_start(ch, a, floor);
                            phrase::list_items(ch, lo, (a - 1).max(lo))
                        })
                        .filter(|x| x.len() >= 2 && x.iter().all(|(x, y)| y - x >= 2));
                    let enumerated = numberless
                        && ch.part(a, b).contains(&'、')
                        && items.iter().all(|(x, y)| y - x >= 2);
                    // "城镇调查失业率和登记失业率稳定在4.3%左右": rates of one kind (a
                    // shared head of two characters or more) sharing the only number of
                    // their clause. (A count of "A及B院士" is their sum: not split.)
                    let alone = |o: Option<&Cand>| {
                        o.is_none_or(|o| {
                            self.markers.clause_start.get(o.s) != self.markers.clause_start.get(c.s)
                        })
                    };
                    let parallel = c.kind == Kind::Number
                        && sym == "%"
                        && items.len() >= 2
                        && items.iter().all(|(x, y)| y - x >= 3)
                        && shared_head(ch, &items) >= 2
                        && alone(k.checked_sub(1).and_then(|k| self.cands.get(k)))
                        && alone(self.cands.get(k + 1))
                        && !lx::contains_any(ch.part(a, c.pre), lx::RESPECTIVELY_WORDS);
                    // "进出口总额、实际利用外资、引进外省到位资金分别增长20%左右": the
                    // only number after 分别 holds for each item, as after 均.
                    let shared = c.kind == Kind::Number
                        && items.len() >= 2
                        && items.iter().all(|(x, y)| y - x >= 2)
                        && alone(k.checked_sub(1).and_then(|k| self.cands.get(k)))
                        && alone(self.cands.get(k + 1))
                        && lx::contains_any(ch.part(b, c.pre), lx::RESPECTIVELY_WORDS);
                    if let Some(examples) = examples {
                        indicators.extend(examples);
                    } else if (distributive
                        && items.len() >= 2
                        && items.iter().all(|(x, y)| y - x >= 2))
                        || (enumerated && items.len() >= 2)
                        || parallel
                        || shared
                    {
                        indicators.extend(items);
                    } else {
                        indicators.push((a, b));
                    }
                }
                Before::Relational(a, b) => {
                    let words: String = ch.part(a, b).iter().collect();
                    // "约占GDP的5%": the approximation applies to the share. ("高于全省
                    // 平均水平2.1个百分点" states a gap, which is reported as it is.)
                    relational_op = crate::comparator::prefix_word(&words)
                        .filter(|(_, len)| words.part(*len, words.len()).starts_with('占'))
                        .map(|x| x.0);
                    // "较全省总体增速高1.87个百分点": a gap in a named rate is named by it.
                    let names_rate =
                        (a..b).any(|x| lx::starts_any(ch, x, lx::RATE_NAMES).is_some());
                    match previous {
                        Some(prev) if !(names_rate && sym == "个百分点") => {
                            indicators.push(prev)
                        }
                        _ => indicators.push((a + 1, b)),
                    }
                }
                // "完成率124.2%，全省排名第3": a rank names its scope and ranking word
                // ("全省排名", "居全国"), which say more than the subject before.
                // "…2150亿元，居全省第6位", "由第18位上升至第15位": a scope that is only
                // a rank verb and its scope names no indicator; the subject before does.
                Before::None | Before::Bare(..)
                    if c.kind == Kind::Rank
                        && rank_scope(ch, floor, c.pre).is_some_and(|(s, _)| {
                            // "分居全省第4、第3位": 分 spreads the ranks over the figures
                            // before; "首次跃居全国第一": an adverb says when.
                            let s = s + usize::from(char_at(ch, s) == '分');
                            let s = s + lx::LEXICON.at(ch, s, lx::Tag::Adverb).unwrap_or(0);
                            previous.is_none()
                                || (lx::starts_any(ch, s, lx::RANK_VERBS).is_none()
                                    && lx::starts_any(ch, s, lx::RANK_MOVES).is_none())
                        }) =>
                {
                    indicators.extend(rank_scope(ch, floor, c.pre));
                }
                Before::None | Before::Bare(..) => match (after, previous, c.inner) {
                    (After::Object(a, b), _, _) => indicators.push((a, b)),
                    (_, _, Some(inner)) => indicators.push(inner),
                    (_, Some(prev), _) => indicators.push(prev),
                    // No subject anywhere: the bare words before the number still
                    // locate the figure, which is kept rather than dropped.
                    _ => indicators.extend(phrase::elided_subject(ch, c.pre, floor).or(
                        match before {
                            Before::Bare(a, b) => Some((a, b)),
                            _ => None,
                        },
                    )),
                },
            }
        }
        let Some(&first) = indicators.first() else {
            return;
        };
        let indicator_text: Vec<char> = ch.part(first.0, first.1).to_vec();

        // Measure.
        let dim = c.unit.map(|u| u.dimension());
        let per_unit = (0..indicator_text.len())
            .any(|k| lx::PER_UNIT_WORDS.at(&indicator_text, k).next().is_some());
        let growth_name =
            lx::ends_any(&indicator_text, indicator_text.len(), lx::GROWTH_NAMES).is_some();
        // "能耗降幅超过3%", "降幅为0.14%": the size of a decline named right before the
        // number (or before its predicate) is a fall (README: reductions are negative
        // changes).
        let right_before = first.1 == c.pre
            || (first.1 < c.pre
                && lx::LEXICON.ending(ch, c.pre, lx::Tag::Predicate) == Some(c.pre - first.1));
        if right_before
            && sym == "%"
            && lx::ends_any(&indicator_text, indicator_text.len(), lx::DECLINE_NAMES).is_some()
        {
            reduction = true;
        }
        let measure = match c.kind {
            Kind::Rank => Measure::Rank,
            Kind::ReferenceGrowth => Measure::Growth,
            Kind::Reference => {
                if per_unit {
                    Measure::Ratio
                } else {
                    Measure::Level
                }
            }
            Kind::Number => match dim {
                Some(Dimension::Ratio) if sym == "倍" => Measure::Ratio,
                Some(Dimension::Ratio) => {
                    if reduction {
                        Measure::Change
                    } else if growth || growth_name {
                        Measure::Growth
                    } else {
                        Measure::Share
                    }
                }
                Some(Dimension::PercentagePoint) => Measure::Change,
                Some(Dimension::AreaPerPerson | Dimension::Dimensionless) => Measure::Ratio,
                // 人均受教育年限11.5年: a length, not a ratio, though 人均 names it.
                Some(Dimension::Years) if !(growth || reduction) => Measure::Level,
                _ if growth || reduction => Measure::Change,
                _ if per_unit => Measure::Ratio,
                Some(Dimension::Count(_) | Dimension::People | Dimension::PersonTimes) => {
                    Measure::Count
                }
                _ => Measure::Level,
            },
        };

        // Value in the base unit; reductions are negative changes.
        let negate = reduction && measure == Measure::Change;
        let (mut value, mut value_hi, mut unit) = (c.value, c.value_hi, c.unit);
        if let Some(u) = unit {
            if c.kind == Kind::Number {
                let (v, bu) = to_base(value, u);
                let (vh, _) = to_base(value_hi, u);
                value = v;
                value_hi = vh;
                unit = Some(bu);
            }
        }
        if negate {
            value = value.map(|v| -v);
            value_hi = value_hi.map(|v| -v);
            if let (Some(a), Some(b)) = (value, value_hi) {
                value = Some(b);
                value_hi = Some(a);
            }
        }

        // Comparator.
        let op = match c.kind {
            Kind::Reference | Kind::ReferenceGrowth => Comparator::Reference,
            _ if c.value_hi.is_some() => Comparator::Between,
            _ => {
                let written = c
                    .suffix
                    .or(c.prefix)
                    .or(c.more.then_some(Comparator::Gt))
                    .or(self.list_suffix(k))
                    .or(relational_op);
                let op = match (written, status) {
                    (Some(op), _) => op,
                    (None, Status::Actual) => Comparator::Eq,
                    (None, Status::Target) if c.kind == Kind::Rank || decrease_to => Comparator::Le,
                    (None, Status::Target) if hold_at || correction => Comparator::Eq,
                    (None, Status::Target) if negate => Comparator::Ge,
                    (None, Status::Target) => BARE_NUMBER_COMPARATOR,
                };
                if negate {
                    mirror(op)
                } else {
                    op
                }
            }
        };

        let stretch = status == Status::Target
            && (self.markers.stretch_at(c.s, |a, b| {
                let n = self.cands.partition_point(|x| x.s < a);
                self.cands.get(n).is_some_and(|x| x.s < b)
            }) || (continues
                && self
                    .drafts
                    .last()
                    .is_some_and(|d| d.cand + 1 == k && d.stretch)));
        let by = self.markers.deadline_before(c.s);
        let cumulative = self.markers.cumulative_at(c.s)
            && !matches!(
                measure,
                Measure::Share | Measure::Growth | Measure::Change | Measure::Rank
            );
        for ind in indicators {
            self.drafts.push(Draft {
                cand: k,
                indicator: ind,
                status,
                decided,
                estimate,
                measure,
                op,
                value,
                value_hi,
                unit,
                stretch,
                by,
                cumulative,
                group,
                negated: negate,
            });
        }
    }

    /// "A、B分别增长5%、6%": the listed indicators take the values in order.
    /// True when the count `k` opens its clause and quantifies the subject that a
    /// later number of the clause measures ("74个重点城市细颗粒物年均浓度下降9.1%",
    /// "今年13个主产区粮食产量占…78%以上"): no verb before it in the clause, a noun right
    /// after it, another number later in the clause.
    fn quantifies_the_subject(&self, k: usize) -> bool {
        let ch = &self.clean.ch;
        let c = &self.cands[k];
        if c.kind != Kind::Number
            || !matches!(c.unit.map(|u| u.dimension()), Some(Dimension::Count(_)))
        {
            return false;
        }
        let Some(n) = self.cands.get(k + 1) else {
            return false;
        };
        // A time word may open the clause first ("今年13个主产区…").
        let mut opens = self.opens_with_count(k);
        // "26条“552”重点整治河道及57条…河道平均水质…达到100%": the second count of a
        // list of subjects joined by 及/和/、 quantifies its subject too.
        if !opens && k > 0 {
            let p = &self.cands[k - 1];
            opens = p.post < c.pre
                && c.pre - p.post <= 24
                && matches!(char_at(ch, c.pre - 1), '及' | '和' | '、' | '与')
                && !ch.part(p.post, c.pre).iter().any(|&x| lx::is_clause_end(x))
                && !(p.post..c.pre).any(|x| lx::LEXICON.at(ch, x, lx::Tag::Verb).is_some())
                && self.opens_with_count(k - 1);
        }
        let noun_after = ch
            .get(c.post)
            .is_some_and(|&x| lx::is_han(x) || lx::quote_pair(x).is_some())
            && lx::LEXICON.at(ch, c.post, lx::Tag::Verb).is_none();
        let same_clause = n.pre > c.post
            && !ch
                .part(c.post, n.pre)
                .iter()
                .any(|&x| lx::is_clause_end(x) || matches!(x, '、' | '。'));
        opens && noun_after && same_clause && n.kind == Kind::Number
    }

    /// True when the count `k` opens its clause (after a time word at most): nothing
    /// but non-verb characters of a name before it.
    fn opens_with_count(&self, k: usize) -> bool {
        let ch = &self.clean.ch;
        let c = &self.cands[k];
        let mut lo = phrase::clause_start(ch, c.pre, 0);
        if let Some(len) = lx::starts_any(ch, lo, lx::PERIOD_WORDS) {
            lo = (lo + len).min(c.pre);
        }
        c.pre - lo <= 4
            && !(lo..c.pre).any(|x| {
                lx::LEXICON.at(ch, x, lx::Tag::Verb).is_some()
                    || lx::LEXICON.at(ch, x, lx::Tag::Predicate).is_some()
                    || !lx::is_han(char_at(ch, x))
            })
    }

    /// The comparator written after the last number of a list that the number `k`
    /// opens or continues ("分别增长5%和7.5%左右", "10个、20个以上"): it scopes over
    /// every item. Items are joined by 、/和/及/与 only and share the unit.
    fn list_suffix(&self, k: usize) -> Option<Comparator> {
        let ch = &self.clean.ch;
        let unit = self.cands.get(k)?.unit;
        // A bounded number of items, so that the look-ahead stays linear.
        for k in k..k + 12 {
            let (c, n) = (self.cands.get(k)?, self.cands.get(k + 1)?);
            let joined = c.post < n.pre
                && n.pre - c.post <= 2
                && ch
                    .part(c.post, n.pre)
                    .iter()
                    .all(|x| matches!(x, '、' | '和' | '及' | '与'));
            if !joined || n.unit != unit || n.prefix.is_some() {
                return None;
            }
            if let Some(op) = n.suffix {
                return Some(op);
            }
        }
        None
    }

    fn respectively(&mut self) {
        let ch = &self.clean.ch;
        for &r in &self.markers.respectively {
            let group = self.markers.clause_group_start(r);
            // The drafts after 分别 in its clause group, in order (a bounded run: drafts
            // are sorted by position).
            let first = self.drafts.partition_point(|d| self.cands[d.cand].s <= r);
            let after: Vec<usize> = (first..self.drafts.len())
                .take_while(|&i| self.drafts[i].group == group)
                .take(MAX_RESPECTIVELY)
                .collect();
            if after.len() < 2 {
                continue;
            }
            let before_r = self.cands.partition_point(|c| c.post <= r);
            let floor = before_r
                .checked_sub(1)
                .map(|k| self.cands[k].post)
                .unwrap_or(0)
                .max(group);
            let items = match phrase::before(ch, floor, r).0 {
                Before::Phrase(a, b) => phrase::list_items(ch, a, b),
                _ => Vec::new(),
            };
            if items.len() == after.len() {
                for (i, item) in after.into_iter().zip(items) {
                    self.drafts[i].indicator = item;
                }
            } else if items.is_empty() {
                // "接待游客…，实现旅游收入…，同比分别增长15%和20%": the rates belong to
                // the findings before, in order.
                let first = after[0];
                let mut earlier: Vec<(usize, usize)> = Vec::new();
                for d in self
                    .drafts
                    .part(0, first)
                    .iter()
                    .rev()
                    .take(MAX_RESPECTIVELY)
                {
                    if d.group == group && !earlier.contains(&d.indicator) {
                        earlier.push(d.indicator);
                    }
                }
                if earlier.len() >= after.len() {
                    earlier.truncate(after.len());
                    earlier.reverse();
                    for (i, item) in after.into_iter().zip(earlier) {
                        self.drafts[i].indicator = item;
                    }
                } else if let [(a, b)] = earlier[..] {
                    // "收入、税收收入完成120亿元和90亿元，分别增长14.5%和12.4%": one
                    // subject that is a list of as many items: each list of numbers
                    // sharing it (a run of drafts named by it) is split across it.
                    let parts = phrase::list_items(ch, a, b);
                    if parts.len() == after.len() {
                        for (&i, &item) in after.iter().zip(&parts) {
                            self.drafts[i].indicator = item;
                        }
                        let mut same: Vec<usize> = (0..first)
                            .rev()
                            .take(MAX_RESPECTIVELY)
                            .take_while(|&i| {
                                self.drafts[i].group == group && self.drafts[i].indicator == (a, b)
                            })
                            .collect();
                        if same.len() == parts.len() {
                            same.reverse();
                            for (i, item) in same.into_iter().zip(parts) {
                                self.drafts[i].indicator = item;
                            }
                        }
                    }
                }
            }
        }
    }

    fn emit(&mut self, p: &Passage<'_>) {
        let text = self.text;
        let cl = &self.clean;
        let n = cl.ch.len();
        let span = |s: usize, e: usize| -> (usize, usize) {
            let bs = cl.start_byte(s, p.end);
            let be = if e > s { cl.end_byte(e) } else { bs };
            (bs, be)
        };
        // The sentence runs to the passage end, trimmed.
        let end = {
            let t = text
                .part(p.start, p.end)
                .trim_end_matches(|c: char| super::lexicon::is_space(c) || c == '*');
            p.start + t.len()
        };
        for d in &self.drafts {
            let c = &self.cands[d.cand];
            let (bs, be) = span(c.s, c.e);
            let (is, ie) = span(d.indicator.0, d.indicator.1);
            let gs = cl.start_byte(d.group.min(n), p.end).min(end);
            let (gs, ge) = sentence_window(text, gs, end, is.min(bs), ie.max(be));
            let chars = |b: usize| self.index.char_at(text, b);
            if c.ocr {
                self.out.warnings.push(Warning {
                    code: "ocr_suspect",
                    message: format!(
                        "{:?} looks like digits damaged by OCR; its value is left unknown",
                        text.part(bs, be)
                    ),
                    span: Some([chars(bs), chars(be)]),
                });
            }
            let (cs, ce) = match d.decided {
                Decided::Section | Decided::Default | Decided::Carried => (0, 0),
                Decided::Word(s, e) | Decided::Weak(s, e) | Decided::Action(s, e) => (s, e),
                Decided::Estimate(s) => (s, s + 2),
                Decided::Year(s) => (s, s + 5),
            };
            let status_cue = match d.decided {
                Decided::Section => "section".to_string(),
                Decided::Default => "default".to_string(),
                Decided::Carried => "previous sentence".to_string(),
                _ => {
                    let (a, b) = span(cs.min(n), ce.min(n));
                    text.part(a, b).to_string()
                }
            };
            self.out.findings.push(Finding {
                status: d.status,
                status_cue,
                indicator: text.part(is, ie).to_string(),
                indicator_span: chars(is)..chars(ie),
                span: chars(bs)..chars(be),
                byte_span: bs..be,
                measure: d.measure,
                op: d.op,
                value: d.value.map(|v| v.normalize()),
                value_hi: d.value_hi.map(|v| v.normalize()),
                unit: d.unit,
                stretch: d.stretch,
                by: d.by.map(|(s, e)| {
                    let (a, b) = span(s, e);
                    text.part(a, b).to_string()
                }),
                cumulative: d.cumulative,
                sentence: text.part(gs, ge).to_string(),
                sentence_span: chars(gs)..chars(ge),
                estimate: d.estimate,
                ocr_suspect: c.ocr,
                section: (!p.section.is_empty()).then(|| p.section.to_string()),
                heading: (!p.heading.is_empty()).then(|| p.heading.to_string()),
            });
        }
    }
}

/// The longest `sentence` a finding carries, in bytes. Real sentences are shorter; a
/// "sentence" without punctuation (a table flattened by PDF extraction) is cut to a
/// window around the finding, so that every finding's copy stays small.
const MAX_SENTENCE: usize = 1500;

/// The sentence `[start, end)`, or a window of it around `[lo, hi)` when it is longer
/// than [`MAX_SENTENCE`].
fn sentence_window(text: &str, start: usize, end: usize, lo: usize, hi: usize) -> (usize, usize) {
    if end - start <= MAX_SENTENCE || lo < start || hi > end {
        return (start, end);
    }
    let mut s = lo.saturating_sub(MAX_SENTENCE / 2).max(start);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let mut e = (hi + MAX_SENTENCE / 2).min(end);
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    (s.min(lo), e.max(hi))
}

/// The most values one 分别 distributes (lists in reports are short; the bound keeps a
/// pathological passage linear).
const MAX_RESPECTIVELY: usize = 16;

/// A quick test before the real work: a finding needs a numeral (Arabic, full-width or
/// Chinese) or a reference phrase (下达, 同步, 持平).
fn may_have_findings(s: &str) -> bool {
    if s.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let mut prev = ' ';
    for c in s.chars() {
        if crate::number::is_cn_numeral_start(c)
            || matches!(c, '百' | '千' | '０'..='９' | '兩' | '达' | '達' | '同' | '持' | '正' | '榜' | '首')
            // 高于 / 低于 … 平均水平: a reference without a number.
            || (matches!(c, '于' | '於') && matches!(prev, '高' | '低' | '快' | '慢' | '优' | '優' | '好'))
        {
            return true;
        }
        prev = c;
    }
    false
}

/// The words of the rank's clause before it (`[floor, pre)`), when they name a
/// scope (全省, 全国 …) or a ranking word: "全省排名", "居全国".
fn rank_scope(ch: &[char], floor: usize, pre: usize) -> Option<(usize, usize)> {
    let lo = phrase::clause_start(ch, pre, floor);
    let s = (lo..pre).find(|&k| lx::is_han(char_at(ch, k)))?;
    if pre - s > 8 {
        return None;
    }
    let named =
        (s..pre).any(|k| lx::starts_any(ch, k, lx::RANK_CONTEXT).is_some_and(|len| len >= 2));
    (named && pre - s >= 2 && pre - s <= 8).then_some((s, pre))
}

/// True when a verb of a gap below ([`lx::BELOW_VERBS`], not negated by 不) stands in
/// the short window `[lo, end)` before a difference in points.
fn below_gap(ch: &[char], lo: usize, end: usize) -> bool {
    let lo = lo.min(end).max(end.saturating_sub(12));
    (lo..end).any(|k| {
        lx::starts_any(ch, k, lx::BELOW_VERBS).is_some_and(|len| k + len <= end)
            && !(k > 0 && char_at(ch, k - 1) == '不')
    })
}

/// True when the plan itself is the base of a change ("比目标任务增加7个") in the
/// short window `[lo, end)` before its verb.
fn plan_base_before(ch: &[char], lo: usize, end: usize) -> bool {
    let lo = lo.min(end).max(end.saturating_sub(12));
    (lo..end).any(|k| {
        matches!(char_at(ch, k), '比' | '较')
            && lx::starts_any(ch, k, lx::PLAN_BASES).is_some_and(|len| k + len <= end)
    })
}

/// True when the clause `[lo, end)` before a narrowing verb names a decline (降幅,
/// 下降, 负增长): what narrows is the decline.
fn narrows_a_decline(ch: &[char], lo: usize, end: usize) -> bool {
    // Within a bounded window, so that the look-back stays linear over the passage.
    let lo = lo.min(end).max(end.saturating_sub(16));
    (lo..end).any(|k| lx::starts_any(ch, k, lx::DECLINE_WORDS).is_some_and(|len| k + len <= end))
}

/// The comparator for the negated value of a reduction (下降3%以上 → change <= −3%).
fn mirror(op: Comparator) -> Comparator {
    match op {
        Comparator::Ge => Comparator::Le,
        Comparator::Gt => Comparator::Lt,
        Comparator::Le => Comparator::Ge,
        Comparator::Lt => Comparator::Gt,
        other => other,
    }
}

/// The base unit a unit converts to (see [`to_base`]).
fn base_unit(u: Unit) -> Unit {
    to_base(None, u).1
}

/// Converts to the base unit of the dimension (SPEC §2), where that is exact and
/// natural: money to 元, people to 人, area to 平方米 (公顷 and 亩 stay as written),
/// length to 米, power to 瓦. Other units stay as written.
fn to_base(value: Option<Decimal>, unit: Unit) -> (Option<Decimal>, Unit) {
    let base = match unit.dimension() {
        Dimension::Money(c) if c == Currency::CNY => "元",
        Dimension::People => "人",
        Dimension::PersonTimes => "人次",
        Dimension::Area if matches!(unit.stem_unit().symbol(), "公顷" | "亩") => {
            return (value, unit)
        }
        Dimension::Area => "平方米",
        Dimension::Length => "米",
        Dimension::Mass => "吨",
        Dimension::Power => "瓦",
        Dimension::Energy => "千瓦时",
        Dimension::CoalEquivalent => "吨标准煤",
        Dimension::Volume => "立方米",
        Dimension::Concentration => "微克/立方米",
        _ => return (value, unit),
    };
    let Ok(b) = Unit::parse(base) else {
        return (value, unit);
    };
    match value {
        None => (None, b),
        Some(v) => match Quantity::new(v, unit).to(b) {
            Ok(q) => (Some(q.value()), b),
            Err(_) => (Some(v), unit),
        },
    }
}

/// The length of the tail that every item `[s, e)` of a list ends with (失业率 in
/// "城镇调查失业率和登记失业率").
fn shared_head(ch: &[char], items: &[(usize, usize)]) -> usize {
    let Some(&(s0, e0)) = items.first() else {
        return 0;
    };
    let mut n = 0;
    while n < e0 - s0
        && items
            .iter()
            .all(|&(s, e)| n < e - s && char_at(ch, e - 1 - n) == char_at(ch, e0 - 1 - n))
    {
        n += 1;
    }
    n
}
