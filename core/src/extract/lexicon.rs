//! The words the extractor recognises around numbers, in one place: a person who
//! finds a missed phrase adds it to the list of its role here (status cues, rank
//! verbs, structure words, measure-word filters, indicator heads …). Numerals are
//! `crate::number`'s table, traditional forms `crate::text::TRADITIONAL`, comparator
//! words `crate::comparator`, units `crate::unit`.
//!
//! Every list here is a class of words that government reports use in the same role
//! (verbs before an object, words that close a predicate, deadline words …), not
//! phrases of one document. Comparator words are not here: they live in
//! `crate::comparator`, shared with the condition syntax.
//!
//! Matching runs over "cleaned" characters: folded with [`lex_fold`] (full-width,
//! traditional and simplified forms compared alike) and with spaces, line breaks and
//! markdown `*` removed, so a word broken across a PDF line ("累\n\n计") still matches.

use std::sync::LazyLock;

/// A list of words stored as one string, each word followed by `|`. A `&[&str]`
/// costs a pointer and a length per word in the WebAssembly module's data (8 bytes
/// that compress badly, and that break up the words around them): for this file's
/// thousand words that was about 4 KB of the gzipped module.
#[derive(Clone, Copy)]
pub(crate) struct Words(&'static str);

impl Words {
    /// The words, in the order written.
    pub(crate) fn iter(self) -> WordsIter {
        WordsIter(self.0)
    }

    /// True when `word` is one of the words.
    pub(crate) fn contains(self, word: &str) -> bool {
        self.iter().any(|w| w == word)
    }
}

/// The words of a [`Words`] list. A plain byte scan for the `|` after each word: the words
/// are a few bytes long, and `str::split_terminator`'s searcher (a `memchr` set up per
/// word) was two fifths of the extractor's instructions.
pub(crate) struct WordsIter(&'static str);

impl Iterator for WordsIter {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        let end = self.0.bytes().position(|b| b == b'|')?;
        // '|' is ASCII, so both cuts are on character boundaries.
        let (word, rest) = (self.0.get(..end)?, self.0.get(end + 1..)?);
        self.0 = rest;
        Some(word)
    }
}

/// A list of words, `words!["实现", "完成"]`, as a [`Words`].
macro_rules! words {
    ($($w:literal),* $(,)?) => {
        Words(concat!($($w, "|"),*))
    };
}

/// What the word functions below take: a [`Words`] list or a slice of words.
pub(crate) trait WordList<'w>: Copy {
    /// The words, in order.
    fn each(self) -> impl Iterator<Item = &'w str>;
}

impl<'w> WordList<'w> for &'w [&'w str] {
    fn each(self) -> impl Iterator<Item = &'w str> {
        self.iter().copied()
    }
}

impl<'w, const N: usize> WordList<'w> for &'w [&'w str; N] {
    fn each(self) -> impl Iterator<Item = &'w str> {
        self.iter().copied()
    }
}

impl WordList<'static> for Words {
    fn each(self) -> impl Iterator<Item = &'static str> {
        self.iter()
    }
}

/// Folds a character for word matching: [`crate::text::fold`], the crate's one
/// folding table (full-width forms, spaces and dashes, traditional characters).
pub(crate) fn lex_fold(c: char) -> char {
    crate::text::fold(c)
}

/// The role of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// An action verb that takes the counted or measured thing as its object
    /// (建成 5G 基站, 新增义务教育学位).
    Verb,
    /// An adverb or predicate that cannot start a noun phrase (按时, 全部, 达标).
    Adverb,
    /// A verb that reads as an adjective at the start of a noun phrase (新建应急服务站).
    Adjectival,
    /// A subject or scope word that opens a clause (全区, 我市, 辖区).
    Scope,
    /// A word that closes the predicate before a number (达, 为, 同比增长, 累计).
    Predicate,
    /// An indicator name that starts with a verb and keeps it (新增就业人数).
    Protected,
    /// A compound noun with a verb inside (技术改造, 建成区).
    Noun,
    /// A noun that names the measure of an indicator (率, 比重, 金额); a verb directly
    /// before it belongs to the indicator name (签约率, 创建比例).
    MeasureNoun,
}

const VERBS: Words = words![
    "实现",
    "完成",
    "建成",
    "建设",
    "新建",
    "改造",
    "改建",
    "扩建",
    "新增",
    "推动",
    "推进",
    "开展",
    "引进",
    "引入",
    "培育",
    "培养",
    "设立",
    "安排",
    "办理",
    "打造",
    "集聚",
    "聚集",
    "实施",
    "撬动",
    "跟进",
    "发放",
    "惠及",
    "受理",
    "储备",
    "挂牌",
    "申报",
    "共建",
    "组织",
    "升级",
    "发行",
    "举办",
    "分配",
    "增种",
    "种植",
    "抚育",
    "启动",
    "接入",
    "处置",
    "慰问",
    "帮扶",
    "配置",
    "覆盖",
    "获评",
    "入驻",
    "签约",
    "推出",
    "落地",
    "投入",
    "招引",
    "招聘",
    "吸引",
    "带动",
    "支持",
    "扶持",
    "资助",
    "创建",
    "创成",
    "认定",
    "评为",
    "获批",
    "获得",
    "吸纳",
    "提供",
    "解决",
    "化解",
    "整治",
    "修复",
    "治理",
    "清理",
    "拆除",
    "征收",
    "收储",
    "供应",
    "出让",
    "筹集",
    "筹建",
    "建立",
    "组建",
    "成立",
    "新开工",
    "开工",
    "竣工",
    "完工",
    "交付",
    "投产",
    "投用",
    "开通",
    "通车",
    "贯通",
    "铺设",
    "敷设",
    "安装",
    "加装",
    "增设",
    "设置",
    "布设",
    "开设",
    "开放",
    "推广",
    "纳入",
    "整合",
    "集约",
    "采购",
    "购买",
    "形成",
    "拉动",
    "带来",
    "培训",
    "走访",
    "服务于",
    "累计",
    "承接",
    "举行",
    "召开",
    "接待",
    "引导",
    "兑现",
    "拨付",
    "下达",
    "争创",
    "建好",
    "用好",
    "做好",
    "培植",
    "改扩建",
    "改善",
    "提质",
    "新改建",
    "入选",
    "参加",
    "斩获",
    "摘得",
    "荣获",
    "输送",
    "带领",
    "保障",
    "新登记",
    "实现了",
    "完成了",
    "建成了",
    "组织开展",
    "进入",
    "纳入统计",
    "涉及",
    "新改建",
    "新建改扩建",
    "改扩建",
];

const ADVERBS: Words = words![
    "奋力",
    "初步",
    "现已",
    "再",
    "又",
    "按时",
    "全部",
    "全面",
    "全",
    "均",
    "都",
    "分别",
    "已",
    "已经",
    "基本",
    "顺利",
    "成功",
    "稳步",
    "持续",
    "正式",
    "同比",
    "大幅",
    "首次",
    "率先",
    "提前",
    "共",
    "共计",
    "合计",
    "总计",
    "累计",
    "达",
    "达到",
    "为",
    "是",
    "的",
    "在",
    "于",
    "以",
    "被",
    "将",
    "要",
    "可",
    "能",
    "实现",
    "高质量",
    "有序",
    "加快",
    "加速",
    "完成",
    "得到",
    "获得",
    "获",
    "同步",
    "参与",
    "进入",
    "开展",
    "提供",
    "覆盖",
    "接入",
    "落实",
    "办结",
    "入驻",
    "入选",
    "推进",
    "推动",
    "占",
    "全覆盖",
    "全面覆盖",
    "全部覆盖",
];

const ADJECTIVAL: Words = words![
    "新建",
    "新增",
    "在建",
    "既有",
    "现有",
    "已建",
    "新开工",
    "新登记",
];

const SCOPE: Words = words![
    "全区",
    "全市",
    "全省",
    "全国",
    "全县",
    "全镇",
    "全州",
    "全盟",
    "全旗",
    "我区",
    "我市",
    "我省",
    "我县",
    "本区",
    "本市",
    "本省",
    "本县",
    "辖区",
    "区内",
    "市内",
    "省内",
    "全年",
    "年度",
    "今年",
    "当年",
    "去年",
    "上年",
    "年内",
    "力争",
    "争取",
    "努力",
    "力求",
    "确保",
    "预计",
    "累计",
    "其中",
    "各类",
    "各项",
    "各级",
    "成功",
    "持续",
    "有效",
    "进一步",
    "积极",
    "加快",
    "大力",
    "全力",
    "着力",
    "深入",
    "稳步",
    "扎实",
    "全面",
    "重点",
    "先后",
    "已",
    "已经",
    "共",
    "共计",
    "共有",
    "拥有",
    "同比",
    "年均",
    "当前",
    "目前",
    "截至目前",
    "新增",
    "全体",
    "全社会",
    "全域",
    "全口径",
    "年末",
    "年初",
    "年底",
    "期末",
];

const PREDICATES: Words = words![
    "转为",
    "超额完成",
    "负增长",
    "达到了",
    "达到",
    "达",
    "为",
    "是",
    "至",
    "同比增长",
    "同比下降",
    "同比增加",
    "同比减少",
    "同比提高",
    "同比",
    "比上年增长",
    "比上年下降",
    "比上年",
    "较上年增长",
    "较上年",
    "比去年",
    "较去年",
    "上年",
    "增长了",
    "增长",
    "增加",
    "下降",
    "降低",
    "减少",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "提高",
    "提升",
    "降至",
    "降到",
    "增至",
    "增到",
    "升至",
    "上升至",
    "上升",
    "完成",
    "实现",
    "累计",
    "共计",
    "总计",
    "合计",
    "共",
    "均",
    "都",
    "分别",
    "全部",
    "大幅",
    "首次",
    "首",
    "已",
    "已经",
    "年均",
    "年平均",
    "排名",
    "居",
    "位居",
    "跃居",
    "稳居",
    "位列",
    "名列",
    "排",
    "在",
    "保持",
    "站上",
    "迈上",
    "跨上",
    "编列",
    "稳定在",
    "控制",
    "等",
    "全市",
    "全国",
    "全省",
    "全区",
    "全球",
    "全世界",
    "的",
    "了",
    "增速",
    "增幅",
    "提升了",
    "保持在",
    "累计达",
    "同比分别",
    "预计",
    "力争",
    "争取",
    "努力",
    "确保",
    "年",
    "将",
    "要",
    "和",
    "及",
    "自然口径",
    "同口径",
    "可比口径",
    "按可比价格计算",
    "达标",
    "初步核算",
    "初步统计",
    "初步测算",
    "缩小到",
    "缩小至",
    "下降到",
    "下降至",
    "减少到",
    "减少至",
    "压减到",
    "压减至",
    "控制到",
    "提高到",
    "提升到",
    "达到了",
    "跻身",
    "进入",
    "减收",
    "增收",
    "上修",
    "下修",
    "调增",
    "调减",
    "上调",
    "下调",
    "落后于",
    "低于",
    "出现",
    "继续",
    "持续",
    "略",
    "稍",
    "上升至",
    "上升到",
    "提升至",
    "跃升至",
    "迈入",
    "稳居",
    "保持在",
];

/// Compound nouns with a verb inside; a noun phrase runs through them.
const NOUNS: Words = words![
    "技术改造",
    "城市更新",
    "城市建设",
    "建成区",
    "基础设施建设",
    "城中村改造",
    "旧城改造",
    "老旧小区改造",
    "棚户区改造",
    "保障性住房",
    "保障性租赁住房",
    "引导基金",
    "扶持资金",
    "创新创业",
    "投资项目",
    "招商引资项目",
];

/// Indicator names that begin with a verb but keep it (SPEC: established names).
const PROTECTED: Words = words![
    "新增就业人数",
    "城镇新增就业人数",
    "城镇新增就业",
    "新增就业",
    "新登记商事主体",
    "新登记企业",
    "新增市场主体",
    "新开工项目",
    "新增建设用地",
    "新建商品住房",
    "新增城镇就业人数",
    "新增城镇就业",
];

const MEASURE_NOUNS: Words = words![
    "率",
    "比例",
    "比重",
    "占比",
    "量",
    "额",
    "数",
    "值",
    "总数",
    "总量",
    "面积",
    "规模",
    "金额",
    "次数",
    "人数",
    "数量",
    "总额",
    "覆盖率",
    "增速",
    "指数",
    "密度",
    "强度",
    "能力",
    "能力达",
    "收入",
    "支出",
    "件数",
];

/// Prepositions that open a phrase before the verb whose object is the indicator
/// ("面向企业人才发放住房补租", "为老年人发放福利补助").
pub(crate) const PREPOSITIONS: Words = words![
    "面向", "针对", "围绕", "依托", "通过", "对于", "帮助", "协助", "向", "为", "对", "给", "在",
];

/// Words after which a number is part of a per-unit denominator (每万人, 每千人口).
pub(crate) const DENOMINATOR_MARKERS: Words = words!["每"];

/// Stretch markers (SPEC §5: 力争 / 争取 / 努力); their scope runs to the end of the
/// 。-sentence.
pub(crate) const STRETCH: Words = words!["力争", "争取", "努力", "力求"];

/// Words that say when, or to what, a stretch word raises a figure, between it and the
/// number ("力争全年增长10%", "力争提高到18%", "力争不低于8%"), besides deadlines and the
/// verbs of reaching, growth and reduction: with only these, the stretch word names no
/// subject of its own.
pub(crate) const TIER_WORDS: Words = words![
    "全年",
    "年内",
    "今年内",
    "今年",
    "明年",
    "再",
    "进一步",
    "提高到",
    "提升到",
    "提高至",
    "提升至",
    "增至",
    "新增",
    "到",
    "至",
    "在",
    "保持",
    "稳定在",
    "控制在",
    "实现",
    "不低于",
    "不少于",
    "不超过",
    "高于",
    "低于",
];

/// Money granted from above, the object of 争取 when it means winning funds
/// ("争取上级资金", "争取超长期特别国债").
pub(crate) const GRANTED_FUNDS: Words = words!["资金", "国债", "债券", "补助", "补贴"];

/// Cumulative marker (SPEC §1). 共/共计/总数 are totals, not cumulative.
pub(crate) const CUMULATIVE: Words = words!["累计"];

/// Period words that stand as a deadline on their own (`by`).
pub(crate) const PERIOD_WORDS: Words = words!["全年", "年度", "年内", "年底前", "今年", "本年度"];

/// Verbs of growth directly before a rate: the number is a growth rate.
pub(crate) const GROWTH_VERBS: Words = words![
    "同比增长",
    "比上年增长",
    "较上年增长",
    "年均增长",
    "年平均增长",
    "增长",
    "增加",
    "提高",
    "提升",
    "上升",
    "增速",
    "增幅",
    "扩大",
    "同比分别增长",
    "分别增长",
    "增收",
    "上修",
    "调增",
    "上调",
];

/// Verbs of reduction directly before a number: the number is a negative change.
pub(crate) const REDUCTION_VERBS: Words = words![
    "同比下降",
    "比上年下降",
    "较上年下降",
    "年均下降",
    "下降",
    "降低",
    "减少",
    "压减",
    "削减",
    "缩减",
    "缩小",
    "收窄",
    "回落",
    "分别下降",
    "负增长",
    "减收",
    "下修",
    "调减",
    "下调",
];

/// Verbs of narrowing ([`REDUCTION_VERBS`]): of a decline they mean a rise.
pub(crate) const NARROWING_VERBS: Words = words!["缩小", "收窄", "收窄了", "缩小了"];

/// Words naming a decline: a narrowing of it is a rise ("降幅收窄23个百分点").
pub(crate) const DECLINE_WORDS: Words = words!["降幅", "跌幅", "下降", "负增长", "下跌"];

/// Names of the size of a decline: a percentage right after them is a fall.
pub(crate) const DECLINE_NAMES: Words = words!["降幅", "跌幅"];

/// Verbs that move a value down to a level: a planned number after them is a ceiling.
pub(crate) const DECREASE_TO: Words = words![
    "降至",
    "降到",
    "下降到",
    "下降至",
    "缩小到",
    "缩小至",
    "减少到",
    "减少至",
    "压减到",
    "压减至",
    "控制到",
    "压缩到",
    "压缩至",
    "缩短到",
    "缩短至",
];

/// Indicator names that are themselves rates of growth ("居民消费价格涨幅").
pub(crate) const GROWTH_NAMES: Words = words!["涨幅", "增速", "增幅", "增长率", "增长"];

/// Indicator names of a dimensionless ratio: a bare number after them is a finding
/// ("城乡居民收入比缩小到2.2", "基尼系数0.35").
pub(crate) const RATIO_NAMES: Words = words!["收入比", "系数", "指数", "比值", "倍差"];

/// Cues of actual (past) wording.
pub(crate) const PAST_CUES: Words = words![
    "去年",
    "上年",
    "过去一年",
    "过去五年",
    "过去的一年",
    "同比",
    "已经",
    "完成了",
    "实现了",
    "达到了",
    "增长了",
    "初步核算",
    "初步统计",
    "预计全年",
    "预计",
    "截至目前",
    "截至年底",
    "年初以来",
    "位居",
    "排名",
    "比上年末",
    "比年初",
    "较年初",
    "获得",
    "荣获",
    "斩获",
    "获批",
    "过去",
    "比上年同期",
    "较上年末",
];

/// Past cues strong enough to decide a sentence without headings on their own.
pub(crate) const STRONG_PAST: Words = words![
    "去年",
    "过去",
    "初步核算",
    "比年初",
    "较年初",
    "初步统计",
    "比上年末",
    "较上年末",
];

/// Cues of planned (future) wording.
pub(crate) const FUTURE_CUES: Words = words![
    "力争",
    "争取",
    "努力",
    "确保",
    "预期",
    "目标",
    "计划",
    "将",
    "要",
    "左右",
    "不低于",
    "不少于",
    "控制在",
    "以内",
    "推动",
    "推进",
    "加快",
    "实施",
    "开展",
    "新建",
    "新增",
    "年均增长",
];

/// Words of planned wording that decide a sentence without headings is a target
/// (markers::Markers::status): the nearest cue word before a number wins.
pub(crate) const PLAN_CUES: Words = words![
    "为实现",
    "力争",
    "争取",
    "力求",
    "努力",
    "确保",
    "预期",
    "目标",
    "计划",
    "规划",
    "将",
    "要",
    "拟",
    "到20",
    "至20",
    "到本世纪",
    "到“十",
    "年内",
    "今年",
    "今后",
    "明年",
    "未来",
    "接下来",
    "预计到",
    "安排",
    "编列",
    "建设",
    "推进",
    "推动",
    "打造",
    "培育",
    "开展",
    "落实",
    "启动",
    "新开工",
    "开工建设",
    "改造",
    "提出",
    "确定",
];

/// Plan words that are action verbs: reviews use them as much as plans ("新开工项目80个",
/// "累计改造农村公路5800公里"). Such a word decides a status only when no other word of
/// the sentence does (a report word before it in its part, or any other cue); then it
/// makes a target that a decided sentence before it in the paragraph overrides.
pub(crate) const ACTION_VERBS: Words = words![
    "建设",
    "推进",
    "推动",
    "打造",
    "培育",
    "开展",
    "落实",
    "启动",
    "新开工",
    "开工建设",
    "改造",
];

/// Verbs of planning: what they have done (谋划了, 安排了, 提出了) is a plan, so 了 after
/// them is no report cue ("城建计划中谋划了民生保障类项目13个").
pub(crate) const PLANNING_VERBS: Words = words![
    "谋划", "安排", "部署", "计划", "规划", "提出", "明确", "确定", "制定",
];

/// Words that contain a status cue but say nothing about status: 主要 and 重要 (要),
/// 为了 and 了解 (了), 将近 (将).
pub(crate) const NOT_CUE_WORDS: Words = words![
    "主要", "重要", "需要", "只要", "必要", "纲要", "摘要", "要素", "要点", "为了", "除了", "了解",
    "将近",
];

/// Plan nouns that are the object of a report verb before them ("完成年度计划开工的80.8%",
/// "实现年度目标"): then no plan cue.
pub(crate) const PLAN_OBJECT_NOUNS: Words = words!["计划", "目标", "规划", "任务", "预期目标"];

/// Report verbs that take a plan noun as their object ([`PLAN_OBJECT_NOUNS`]).
pub(crate) const ACHIEVE_VERBS: Words = words!["完成", "实现", "超额完成", "达到", "超过"];

/// Verbs that measure a reported figure against a plan noun after them: the number
/// after the noun is the gap ("高出预期目标1.9个百分点"), not the goal.
pub(crate) const GAP_VERBS: Words = words!["高出", "高于", "超出", "低于"];

/// Currency words written before a number ("突破人民币6000亿元"): part of the
/// quantity, not of the indicator.
pub(crate) const CURRENCY_BEFORE_NUMBER: Words = words!["人民币", "人民幣"];

/// Verbs before 正增长 / 负增长 that make it a figure (growth above or below zero).
pub(crate) const GROWTH_SIGN_VERBS: Words = words![
    "保持",
    "实现",
    "确保",
    "力争",
    "争取",
    "恢复",
    "由负转",
    "转为",
];

/// After a plan word of two characters or more, characters that make it part of the
/// name of an office: 住房城乡建设部, 规划局, 发展计划委员会.
pub(crate) const OFFICE_TAILS: Words = words!["部", "局", "厅", "委", "办公室"];

/// After 到/至 and a year, words that make the year a base of comparison, not a plan
/// horizon: "恢复至2019年同期水平的81%".
pub(crate) const BASE_YEAR_TAILS: Words = words!["同期", "的", "水平"];

/// Words of reported wording that decide a sentence without headings is an actual.
pub(crate) const REPORT_CUES: Words = words![
    "去年",
    "成功",
    "远超",
    "超出",
    "有望",
    "上年",
    "同比",
    "了",
    "已",
    "累计",
    "初步",
    "首次",
    "首破",
    "首超",
    "荣获",
    "获得",
    "获评",
    "实现",
    "完成",
    "建成",
    "比上年",
    "较上年",
    "比年初",
    "较年初",
    "位居",
    "排名",
    "居全",
    "居第",
    "分别为",
    "增至",
    "目前",
    "截至",
    "以来",
    "成为",
    "连续",
    "超额",
    "过去",
    "共计",
    "总计",
    "预计",
    "上半年",
    "前三季度",
    "一季度",
    "位列",
    "名列",
    "跃居",
    "获批",
    "实际完成",
];

/// Report words that a plan header before them does not override.
pub(crate) const STRONG_REPORT_CUES: Words = words![
    "去年",
    "了",
    "已",
    "累计",
    "初步",
    "预计",
    "首次",
    "以来",
    "截至",
    "过去",
    "实际完成",
    "成功",
];

/// What follows a plan word that names a planned figure (计划投资, 计划完成投资): the
/// plan word labels the figure after it.
pub(crate) const PLAN_FIGURE_TAILS: Words = words!["投资", "完成投资", "投資", "完成投資"];

/// Words of a budget: an amount budgeted is what is appropriated, not a floor.
pub(crate) const BUDGET_WORDS: Words = words!["预算", "编列", "岁出", "岁入"];

/// Verbs of reaching a level: the amount after them is a floor in a plan.
pub(crate) const REACH_VERBS: Words = words!["达到", "达", "突破", "超过", "超"];

/// Report verbs that plans use too, as the verb a plan word governs ("力争完成",
/// "将实现", "要…建成", "确保…，完成投资"): after a plan word of their part (not an
/// action verb, with no other report word between) they plan. 预计 is one: an estimate of
/// the coming years plans ("未来五年…预计约为").
pub(crate) const PLANNABLE_REPORT_VERBS: Words = words![
    "实现", "完成", "建成", "成为", "增至", "位列", "名列", "跃居", "预计",
];

/// Verbs of a change of composition or of sign: "比重由…调整为1∶31∶68", "由下降3.2%
/// 转为增长4.5%" continue the indicator named before.
pub(crate) const SHIFT_VERBS: Words = words!["调整", "优化", "转变", "转为", "变"];

/// Head nouns of groups of people: a number with a magnitude word before them counts
/// people ("12万城镇就业困难人员", "近1亿农村贫困人口").
pub(crate) const PEOPLE_NOUNS: Words = words![
    "人口",
    "人员",
    "群众",
    "农民工",
    "劳动力",
    "儿童",
    "学生",
    "居民",
    "农民",
    "职工",
    "老人",
    "患者",
    "毕业生",
];

/// Nouns after a people noun that make the phrase count households ("10万学生家庭").
pub(crate) const HOUSEHOLD_NOUNS: Words = words!["家庭", "家", "户"];

/// Indicators that count people: a bare number with a magnitude word after them is a
/// number of people ("新增就业目标1200万").
pub(crate) const PEOPLE_INDICATORS: Words = words!["就业", "就业人数", "人口"];

/// Levels of government whose requirements bind a condition ("达到国家要求").
pub(crate) const AUTHORITIES: Words = words!["国家", "省里", "省级", "市级", "上级", "省", "市"];

/// Verbs that make a requirement a condition ("达到国家要求", "符合省要求").
pub(crate) const MEET_VERBS: Words = words!["达到", "符合", "满足"];

/// Acronyms of indicators that reports write right before their figure
/// ("完成GDP2917.85亿元"); other Latin letters before a digit make a code (PM2.5, 5G).
pub(crate) const INDICATOR_ACRONYMS: Words = words!["GDP", "CPI", "PPI", "GNP", "GNI"];

/// Plan words that govern a report verb of their part as their object (力争…完成,
/// 将…实现, 确保…建成); plan nouns (目标, 任务) and this year (今年) do not, the
/// coming years (未来, 今后, 明年) do.
pub(crate) const GOVERNING_PLAN_WORDS: Words = words![
    "力争",
    "争取",
    "力求",
    "努力",
    "确保",
    "将",
    "要",
    "拟",
    "预期",
    "为实现",
    "未来",
    "今后",
    "明年",
];

/// Report words of aspect: after a plan word they still report ("启动了", "将已").
pub(crate) const ASPECT_MARKERS: Words = words!["了", "已"];

/// Plan words that name a document when they follow its title: "“十四五”规划中期评估",
/// "十三五规划纲要" (a report about the plan, no plan cue).
pub(crate) const DOCUMENT_NOUNS: Words = words!["规划", "计划", "纲要"];

/// Titles of five-year plans written without quotes before [`DOCUMENT_NOUNS`].
pub(crate) const PLAN_TITLES: Words = words!["十二五", "十三五", "十四五", "十五五"];

/// Comparator words of plans: after a number in its clause they make it a target
/// when no cue word decides (增长7%左右, 10场以上).
pub(crate) const PLAN_COMPARATORS: Words = words![
    "左右",
    "以上",
    "不低于",
    "不少于",
    "控制在",
    "以内",
    "不超过",
    "保持在",
    "稳定在",
];

/// Plan comparators that reviews hardly use without an estimate word (预计) or a past
/// year: right after a number they outweigh a weak report word before it
/// ("分别为4.8%左右", "完成…，增长8%左右"), not 同比/了/已.
pub(crate) const PLAN_ONLY_COMPARATORS: Words = words!["左右", "不少于"];

/// Plan comparators that reviews use as much for an outcome kept within a bound
/// ("居民消费价格涨幅控制在3%以内"): they speak for their own clause, not for the
/// other numbers of the passage.
pub(crate) const KEPT_WITHIN_COMPARATORS: Words = words!["控制在", "以内"];

/// Characters that make a cue word the head of a noun, not a cue (建成区, 计划单列市,
/// 目标值 stays a cue).
pub(crate) const CUE_NOUN_TAILS: Words = words!["区", "单列", "率"];

/// After a plan word, characters that make it a noun object, not a plan cue:
/// 完成年度计划的80.8%, 占年度投资计划的97.2%.
pub(crate) const PLAN_NOUN_TAILS: Words = words!["的"];

/// Estimate markers: a reported figure that is not final (预计, 初步核算).
pub(crate) const ESTIMATE: Words = words!["预计", "初步核算", "初步统计", "初步测算", "快报"];

/// Modals of what will be: after an estimate word they make it a forecast of a plan's
/// result ("预计可提供", "预计将带动", "预计年内即可建成").
pub(crate) const FORECAST_MODALS: Words = words!["可", "将", "会", "能"];

/// Heading keywords that make a part of the document report actuals.
pub(crate) const ACTUAL_SECTION: Words = words![
    "执行情况",
    "完成情况",
    "回顾",
    "工作总结",
    "发展成就",
    "发展基础",
    "主要成就",
    "成效",
    "取得的成绩",
    "进展情况",
];

/// Heading keywords that make a part of the document set targets.
pub(crate) const TARGET_SECTION: Words = words![
    "目标",
    "任务",
    "计划安排",
    "安排",
    "重点工作",
    "展望",
    "思路",
    "总体要求",
    "工作部署",
    "主要措施",
    "重点举措",
    "计划",
    "规划",
    "纲要",
    "主要指标",
];

/// Heading keywords strong enough to switch a sub-section to actuals inside a part.
pub(crate) const ACTUAL_SUBSECTION: Words = words!["执行情况", "完成情况", "回顾"];

/// Words with a payload, indexed by their first and by their last character through
/// a table over the Basic Multilingual Plane (no hashing on the hot path).
pub(crate) struct WordIndex<T> {
    first: Vec<u16>,
    last: Vec<u16>,
    /// Slot 0 is empty; each slot lists (word, payload), longest first.
    slots_first: Vec<Vec<(Vec<char>, T)>>,
    slots_last: Vec<Vec<(Vec<char>, T)>>,
}

impl<T: Copy> WordIndex<T> {
    pub(crate) fn new(words: &[(&str, T)]) -> WordIndex<T> {
        let mut ix = WordIndex {
            first: vec![0; 0x10000],
            last: vec![0; 0x10000],
            slots_first: vec![Vec::new()],
            slots_last: vec![Vec::new()],
        };
        for (word, payload) in words {
            let w: Vec<char> = word.chars().map(lex_fold).collect();
            let (Some(&f), Some(&l)) = (w.first(), w.last()) else {
                continue;
            };
            if (f as u32) > 0xFFFF || (l as u32) > 0xFFFF {
                continue;
            }
            for (table, slots, c) in [
                (&mut ix.first, &mut ix.slots_first, f),
                (&mut ix.last, &mut ix.slots_last, l),
            ] {
                let k = c as usize;
                if table[k] == 0 {
                    table[k] = slots.len() as u16;
                    slots.push(Vec::new());
                }
                slots[table[k] as usize].push((w.clone(), *payload));
            }
        }
        for v in ix.slots_first.iter_mut().chain(ix.slots_last.iter_mut()) {
            // Longest first; among equal lengths the first-added payload wins.
            crate::order::sort_by_key(v, |(w, _)| std::cmp::Reverse(w.len()));
        }
        ix
    }

    /// The words starting at `s[i]`, longest first: (length, payload).
    pub(crate) fn at<'a>(
        &'a self,
        s: &'a [char],
        i: usize,
    ) -> impl Iterator<Item = (usize, T)> + 'a {
        let slot = s
            .get(i)
            .filter(|c| (**c as u32) <= 0xFFFF)
            .map(|c| self.first[*c as usize] as usize)
            .unwrap_or(0);
        self.slots_first[slot]
            .iter()
            .filter_map(move |(w, t)| eq_at(s, i, w).then_some((w.len(), *t)))
    }

    /// The words ending just before `s[end]`, longest first: (length, payload).
    pub(crate) fn ending<'a>(
        &'a self,
        s: &'a [char],
        end: usize,
    ) -> impl Iterator<Item = (usize, T)> + 'a {
        let slot = end
            .checked_sub(1)
            .and_then(|k| s.get(k))
            .filter(|c| (**c as u32) <= 0xFFFF)
            .map(|c| self.last[*c as usize] as usize)
            .unwrap_or(0);
        self.slots_last[slot].iter().filter_map(move |(w, t)| {
            (end >= w.len() && eq_at(s, end - w.len(), w)).then_some((w.len(), *t))
        })
    }
}

/// A word matcher over the roles above.
pub(crate) struct Lexicon {
    words: WordIndex<Tag>,
}

impl Lexicon {
    fn new() -> Lexicon {
        let mut all: Vec<(&str, Tag)> = Vec::new();
        for (words, tag) in [
            (PROTECTED, Tag::Protected),
            (NOUNS, Tag::Noun),
            (MEASURE_NOUNS, Tag::MeasureNoun),
            (ADJECTIVAL, Tag::Adjectival),
            (VERBS, Tag::Verb),
            (ADVERBS, Tag::Adverb),
            (SCOPE, Tag::Scope),
            (PREDICATES, Tag::Predicate),
        ] {
            all.extend(words.iter().map(|w| (w, tag)));
        }
        Lexicon {
            words: WordIndex::new(&all),
        }
    }

    /// The longest word of role `tag` starting at `s[i]`: its length in characters.
    pub(crate) fn at(&self, s: &[char], i: usize, tag: Tag) -> Option<usize> {
        self.words.at(s, i).find(|(_, t)| *t == tag).map(|x| x.0)
    }

    /// The longest word of role `tag` ending just before `s[end]`.
    pub(crate) fn ending(&self, s: &[char], end: usize, tag: Tag) -> Option<usize> {
        self.words
            .ending(s, end)
            .find(|(_, t)| *t == tag)
            .map(|x| x.0)
    }
}

/// The shared lexicon.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::new);

/// The character at `s[i]`, or NUL past the end. The scanners look around a match
/// by computed positions; past the passage there is no character to see, rather
/// than an index that could panic (and a panic location in the WebAssembly module).
pub(crate) fn char_at(s: &[char], i: usize) -> char {
    s.get(i).copied().unwrap_or('\0')
}

pub(crate) use crate::text::Part;

/// True when `s[i..]` starts with `word` (already folded, as the lists above are).
pub(crate) fn starts(s: &[char], i: usize, word: &str) -> bool {
    (i..).zip(word.chars()).all(|(k, w)| s.get(k) == Some(&w))
}

/// The length of the first word of `words` that `s[i..]` starts with.
pub(crate) fn starts_any<'w>(s: &[char], i: usize, words: impl WordList<'w>) -> Option<usize> {
    words
        .each()
        .find(|w| starts(s, i, w))
        .map(|w| w.chars().count())
}

/// The length of the longest word of `words` that ends just before `s[end]`
/// (compared from the end, so no word is measured before it matches).
pub(crate) fn ends_any<'w>(s: &[char], end: usize, words: impl WordList<'w>) -> Option<usize> {
    let mut best: Option<usize> = None;
    for w in words.each() {
        let mut k = end;
        let mut ok = true;
        for c in w.chars().rev() {
            if k == 0 || s.get(k - 1) != Some(&c) {
                ok = false;
                break;
            }
            k -= 1;
        }
        if ok && best.is_none_or(|b| end - k > b) {
            best = Some(end - k);
        }
    }
    best
}

/// Words naming a per-unit intensity (人均, 每万人, 万元GDP): such an indicator is a ratio.
pub(crate) const PER_UNIT: Words = words![
    "人均",
    "每",
    "万元GDP",
    "万元生产总值",
    "万元地区生产总值",
    "单位GDP",
    "单位地区生产总值",
    "亿元GDP",
];

/// [`PER_UNIT`], indexed.
pub(crate) static PER_UNIT_WORDS: LazyLock<WordIndex<()>> =
    LazyLock::new(|| WordIndex::new(&PER_UNIT.iter().map(|w| (w, ())).collect::<Vec<_>>()));

/// True when any word of `words` occurs in `s`.
pub(crate) fn contains_any<'w>(s: &[char], words: impl WordList<'w>) -> bool {
    (0..s.len()).any(|i| starts_any(s, i, words).is_some())
}

/// [`crate::text::is_space`] with the common cases first: no folding for ASCII and
/// CJK characters, which are most of the input.
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace()
    } else if c >= '\u{3400}' {
        c == '\u{3000}'
    } else {
        crate::text::is_space(c)
    }
}

/// True when `s[i..]` starts with the characters `w` (a plain loop: the words are a
/// few characters long, shorter than a call to `memcmp`).
fn eq_at(s: &[char], i: usize, w: &[char]) -> bool {
    if s.len() < i + w.len() {
        return false;
    }
    for (k, c) in w.iter().enumerate() {
        if s.get(i + k) != Some(c) {
            return false;
        }
    }
    true
}

/// Punctuation that closes a clause (after [`lex_fold`]).
pub(crate) fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '。' | '!' | '?' | '，' | '；' | '：')
}

/// Chinese numeral characters that may begin a number (the table is
/// [`crate::number`]'s).
pub(crate) fn is_cn_numeral(c: char) -> bool {
    crate::number::is_cn_numeral_start(c)
}

/// Characters of a Chinese numeral run, including magnitude words.
pub(crate) fn is_cn_numeral_run(c: char) -> bool {
    crate::number::is_cn_numeral_char(c)
}

/// Opening and closing quotation marks.
pub(crate) fn quote_pair(c: char) -> Option<char> {
    Some(match c {
        '“' => '”',
        '「' => '」',
        '『' => '』',
        '《' => '》',
        '〈' => '〉',
        '‘' => '’',
        _ => return None,
    })
}

/// True for CJK ideographs (the characters nouns are made of).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

/// Vowels with a tone mark, as pinyin writes them (ā á ǎ à …, ǖ ǘ ǚ ǜ, ń ň ǹ ḿ).
const TONE_MARKED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

/// The byte length of a pinyin reading in brackets at the start of `s` ("(qū)",
/// "（fā）"): some pages print one after each character (區(qū)域). One to six lowercase
/// letters with at least one tone mark, so "(km)" or "(GDP)" are not readings.
pub(crate) fn pinyin_reading(s: &str) -> Option<usize> {
    let mut chars = s.char_indices();
    let (_, open) = chars.next()?;
    let close = match open {
        '(' => ')',
        '（' => '）',
        _ => return None,
    };
    let mut marked = false;
    for (n, (at, c)) in chars.enumerate() {
        if c == close {
            return (n > 0 && marked).then_some(at + c.len_utf8());
        }
        let tone = TONE_MARKED.contains(c);
        if n >= 6 || !(c.is_ascii_lowercase() || c == 'ü' || tone) {
            return None;
        }
        marked |= tone;
    }
    None
}

// Words of the number readers (scan.rs) and of indicator phrases (phrase.rs).
/// Measure words that, written after a Chinese numeral, make an ordinal or a name
/// (二次供水, 十五届, 二期).
pub(crate) const CN_ORDINAL_UNITS: Words = words!["届", "次", "期", "批", "轮", "代", "号"];

/// A unit character followed by this character makes an ordinary word, not a unit
/// ("5部门", "3项目" are not 5 部 and 3 项).
pub(crate) const UNIT_WORDS: Words = words![
    "部门", "部署", "部委", "部分", "项目", "场所", "场景", "场馆", "条例", "条件", "条款", "处理",
    "处置", "所有", "所得", "所属", "例如", "座谈", "种植", "种类", "本地", "本级", "期间", "期末",
    "期限", "批准", "批复", "台风", "台阶", "台账", "位于", "位置", "名单", "名称", "名额", "家庭",
    "家长", "家园", "家居", "户籍", "户外", "片区", "包括", "间隔", "对接", "对外", "对标", "对象",
    "支持", "支撑", "支出", "支付", "届时", "类型", "类别", "元旦", "件事", "只有", "只要", "把握",
    "批次", "轮次", "款式", "金融", "金额", "银行", "铜锣", "天然", "天气", "米粮", "米面", "吨位",
    "次要", "次数",
];

/// Words after which 第N is a rank ("总量居全市第一", "排名第一").
pub(crate) const RANK_CONTEXT: Words = words![
    "全市",
    "全省",
    "全国",
    "全区",
    "全球",
    "世界",
    "全县",
    "排名",
    "排行",
    "排行榜",
    "居",
    "位居",
    "位列",
    "名列",
    "列",
    "同类",
    "行业",
    "全网",
    "榜单",
    "跻身",
    "进入",
    "排",
    "排在",
    "跃居",
    "居于",
    "上升到",
    "上升至",
    "由",
    "从",
    "提升到",
    "提升至",
    "跃升到",
    "跃升至",
    "升至",
    "位于",
];

/// Verbs of ranking that make a later 第N of the same clause a rank too:
/// "位居全国百强县投资潜力第3、新型城镇化质量第4", "居中部省会城市第一".
pub(crate) const RANK_VERBS: Words =
    words!["位居", "位列", "名列", "跃居", "居", "排名", "排", "列"];

/// Verbs before 榜首 / 首位 that make it a first place ("荣登…榜首", "位列全市首位").
pub(crate) const TOP_RANK_VERBS: Words = words![
    "荣登", "登上", "位居", "位列", "名列", "跃居", "居于", "居", "排名", "排在",
];

/// Verbs of entering a ranking before "N强" ("跻身全国10强").
pub(crate) const TOP_N_VERBS: Words =
    words!["跻身", "进入", "入选", "位列", "位居", "挺进", "跃居", "稳居",];

/// Words before a:b:c that make it a structure ratio of shares (三次产业结构比为2:38:60).
pub(crate) const STRUCTURE_WORDS: Words = words!["结构", "比例", "比重", "构成", "产业比", "之比"];

/// Comparison verbs that bind a value to a named level ("高于全省平均水平").
pub(crate) const REFERENCE_VERBS: Words =
    words!["高于", "低于", "快于", "慢于", "优于", "好于", "达到"];

/// Two-character words whose last character is a one-character predicate (为, 达).
pub(crate) const WORDS_ENDING_LIKE_PREDICATES: Words = words![
    "行为", "作为", "认为", "成为", "因为", "视为", "称为", "到达", "抵达", "送达", "通达", "发达",
    "传达", "下达", "表达", "直达",
];

/// Verbs that name the work itself when they end a noun phrase (森林抚育, 河道治理).
pub(crate) const NOMINAL_HEADS: Words =
    words!["抚育", "改造", "治理", "修复", "整治", "绿化", "培训", "救助",];

/// Nouns after "N级" that make a count narrative, not a count of things
/// ("迈上三个千亿级台阶").
pub(crate) const NARRATIVE_TIER_NOUNS: Words = words!["台阶", "阶梯", "梯队", "大关", "跨越"];

/// Tier nouns after a bare magnitude that make it a level crossed ("突破千亿大关").
pub(crate) const TIER_CROSSING_NOUNS: Words = words!["大关", "台阶", "关口"];

/// Verbs of crossing a tier, with the comparator they state.
pub(crate) const TIER_CROSSING_VERBS: &[(&str, crate::comparator::Comparator)] = &[
    ("突破", crate::comparator::Comparator::Gt),
    ("跨过", crate::comparator::Comparator::Gt),
    ("迈上", crate::comparator::Comparator::Ge),
    ("跨上", crate::comparator::Comparator::Ge),
    ("站上", crate::comparator::Comparator::Ge),
    ("迈入", crate::comparator::Comparator::Ge),
];

/// Indicator words whose values are money: a crossed tier is in 元.
pub(crate) const MONEY_INDICATOR_WORDS: Words = words![
    "生产总值",
    "GDP",
    "经济总量",
    "收入",
    "产值",
    "营收",
    "营业收入",
    "销售额",
    "增加值",
    "投资",
    "交易额",
    "进出口",
    "零售总额",
    "规模",
];

/// Indicator words counted in person-times: a crossed tier is in 人次.
pub(crate) const VISIT_INDICATOR_WORDS: Words = words!["游客", "吞吐量", "客流", "接待", "人次"];

/// Nouns after a count that make it an enumeration of the text ("10个方面").
pub(crate) const DISCOURSE_NOUNS: Words = words!["方面", "层面", "维度", "部分", "底线", "红线"];

/// Named averages a value may be bound to ("高于全省平均水平").
pub(crate) const AVERAGE_WORDS: Words = words!["平均水平", "平均水准", "平均值", "平均"];

/// Nouns that a money threshold names a category of ("亿元以上项目").
pub(crate) const CATEGORY_NOUNS: Words = words![
    "企业",
    "项目",
    "工程",
    "产业",
    "集群",
    "园区",
    "平台",
    "龙头",
    "大项目",
    "重点项目",
    "城市",
];

/// Words after a number that never name what it measures ("突破5000亿元大关",
/// "完成…的目标任务", "在14-30微克/立方米之间"): the indicator is looked for before.
pub(crate) const NOT_AN_INDICATOR_AFTER: Words = words![
    "大关",
    "目标",
    "之间",
    "以内",
    "左右",
    "就可以",
    "台阶",
    "大台阶",
    "新台阶"
];

/// Comparator words of report prose before a number, beside the shared ones of
/// `crate::comparator` ("出口首破5000亿元", "约合20533美元").
pub(crate) const REPORT_PREFIX_COMPARATORS: &[(&str, crate::comparator::Comparator)] = &[
    ("首破", crate::comparator::Comparator::Gt),
    ("约合", crate::comparator::Comparator::Approx),
    ("约为", crate::comparator::Comparator::Approx),
];

/// Verbs that hold a level rather than set a floor: a bare number after them in a
/// plan is `=` ("稳定在550万亩", "保持在4%").
pub(crate) const HOLD_AT: Words = words!["稳定在", "保持在", "稳定于", "保持于", "维持在", "保持"];

/// Words of a condition with no number of its own that is a quota assigned elsewhere (完成下达任务, 达到国家要求): it holds for each item of a 、 list.
pub(crate) const QUOTA_WORDS: Words = words!["下达", "任务", "目标", "要求"];

/// Names of a rate: a gap in percentage points against a named rate is named by it (较全省总体增速高1.87个百分点).
pub(crate) const RATE_NAMES: Words = words!["增速", "增幅", "涨幅", "比重", "占比"];

/// Words that open a deadline before a date (到2025年, 截至9月底).
pub(crate) const DEADLINE_LEADS: Words = words!["截止到", "截至", "截止", "到", "至"];

/// Words after a year that make it a deadline (2024年底, 2025年前, 2024年度).
pub(crate) const YEAR_TAILS: Words = words![
    "年底前",
    "年末",
    "年底",
    "底前",
    "底",
    "末",
    "前",
    "以前",
    "度",
];

/// The end of this year after a deadline lead (到年底).
pub(crate) const YEAR_END_WORDS: Words = words!["年底", "年末"];

/// The end of a five-year period after its title (“十四五”末).
pub(crate) const PERIOD_END_WORDS: Words = words!["期末", "末", "时期末"];

/// Words that pair a list of indicators with a list of values in order (A、B分别增长5%、6%).
pub(crate) const RESPECTIVELY_WORDS: Words = words!["分别"];

/// This year, the year being reported or planned.
pub(crate) const THIS_YEAR_WORDS: Words = words!["今年", "本年"];

/// Approximation words that may open a relational phrase (约占GDP的5%).
pub(crate) const APPROX_LEADS: Words = words!["大约", "约", "接近", "近", "超过", "超"];

/// Verbs that make the phrase before a number relative to something else (高于全省平均水平2.1个百分点).
pub(crate) const RELATIVE_VERBS: Words =
    words!["高于", "低于", "快于", "慢于", "超出", "超过", "相当于"];

/// Plan nouns after which a number is a share of the plan (完成年度计划的78.5%).
pub(crate) const PLAN_NOUNS_RELATIVE: Words = words!["计划", "任务", "目标"];

/// Report verbs that open a share of a plan (完成年度计划的78.5%).
pub(crate) const ACHIEVE_LEADS: Words = words!["完成", "达到", "实现"];

/// Trailing words that name the work, not the thing (光纤点位建设).
pub(crate) const WORK_NOUNS: Words = words!["建设", "创建"];

/// Words between a number and the noun it counts (1亿左右农业转移人口, 3万余名群众).
pub(crate) const APPROX_AFTER_NUMBER: Words = words!["左右", "多", "余"];

/// Words of "more than" before a size class (超100亿元或10亿美元项目).
pub(crate) const ABOVE_WORDS: Words = words!["超过", "超", "逾"];

/// Currency units of a size class (5000万美元、1亿美元以上大项目).
pub(crate) const CURRENCY_UNITS: Words = words!["美元", "港元", "欧元", "元"];

/// Words after a threshold that make it a size class (亿元以上项目).
pub(crate) const ABOVE_SUFFIXES: Words = words!["及以上", "以上"];

/// Periods a change starts from, after 由/从 ("由上年下降3.2%转为增长4.5%",
/// "由年初负增长24%收窄至…", "从目前的23.04%再提高…").
pub(crate) const BASE_PERIODS: Words = words![
    "上年同期",
    "上年",
    "去年同期",
    "去年",
    "年初",
    "上半年",
    "一季度",
    "前三季度",
    "目前"
];

/// Bases of comparison before 持平: a growth of zero (同比持平).
pub(crate) const SAME_PERIOD_BASES: Words =
    words!["同比", "比上年", "较上年", "比上年同期", "较上年同期"];

/// Nouns that close a named task to complete (完成能耗强度降低任务).
pub(crate) const TASK_NOUNS: Words = words!["任务", "目标"];

/// Levels that assign a quota (市级下达, 省下达).
pub(crate) const QUOTA_SOURCES: Words =
    words!["市级", "省级", "区级", "上级", "国家", "省", "市", "区"];

/// Nouns of an assigned quota (下达的目标任务, 下达指标).
pub(crate) const QUOTA_KEYWORDS: Words = words!["指标", "目标", "任务", "计划", "要求"];

/// Verbs that make an assigned quota a condition (完成省下达指标, 控制在市下达目标以内).
pub(crate) const QUOTA_VERBS: Words = words![
    "完成",
    "控制在",
    "达到",
    "确保完成",
    "确保",
    "不超过",
    "低于",
];

/// Last year as a base (与上年持平).
pub(crate) const LAST_YEAR_WORDS: Words = words!["上年", "去年", "上年度"];

/// Growth words before a growth reference (收入增长与经济增长同步).
pub(crate) const GROWTH_WORDS_BEFORE_REFERENCE: Words = words!["增长", "增速", "增幅"];

/// Words after a year in a title or heading that make it the plan year (2024年计划, 2024年主要目标).
pub(crate) const PLAN_YEAR_TITLE_WORDS: Words = words![
    "计划",
    "目标",
    "任务",
    "工作安排",
    "预期",
    "工作要点",
    "重点工作",
];

/// Words of a distant horizon: a year beside them is not the plan year (2035年远景目标).
pub(crate) const DISTANT_WORDS: Words = words!["远景", "展望"];

/// Names of water intensities (a reference target in 立方米/万元, lower is better).
pub(crate) const WATER_WORDS: Words = words!["水耗", "用水量", "用水"];

/// Names of energy intensities (a reference target in 吨标准煤/万元, lower is better).
pub(crate) const ENERGY_WORDS: Words = words!["能耗", "能源消耗", "能源消费", "标准煤"];

/// Names of emissions (a reference target in 吨, lower is better).
pub(crate) const EMISSION_WORDS: Words = words!["排放", "污染"];

/// Words of a document title among the first lines (the draft plan is named after it).
pub(crate) const DOCUMENT_TITLE_WORDS: Words = words!["报告", "计划", "规划", "纲要"];

/// Verbs of a gap below a named level ("落后于全省0.3个百分点", "低于全市1.5个百分点"):
/// a difference in points after them is negative.
pub(crate) const BELOW_VERBS: Words = words!["落后于", "低于", "慢于"];

/// Words after a number that name it a decline ("面对3.7%的负增长").
pub(crate) const DECLINE_AFTER: Words = words!["的负增长", "负增长"];

/// Corrections of a target or a forecast (调增2个百分点, 下修0.1个百分点): an exact
/// change, never a floor.
pub(crate) const CORRECTION_VERBS: Words = words!["调增", "调减", "上调", "下调", "上修", "下修"];

/// A base that is the plan itself ("比目标任务增加7个"): the change is exact.
pub(crate) const PLAN_BASES: Words = words![
    "比目标任务",
    "比目标",
    "比计划",
    "较目标",
    "较计划",
    "比任务",
];

/// Words naming a length in years: 年 after a number in their clause is that length.
pub(crate) const YEAR_LENGTH_WORDS: Words = words!["年限", "寿命", "工龄", "期限"];

/// Suffixes of a threshold below ("65岁以下").
pub(crate) const BELOW_SUFFIXES: Words = words!["及以下", "以下"];

/// Comparatives right before a number after 比/较 that make it lower ("比上年低0.3个百分点").
pub(crate) const LOWER_WORDS: Words = words!["低", "少", "慢"];

/// Words of a sample survey: a rate before them is its sampling fraction ("1‰人口变动抽样调查").
pub(crate) const SAMPLE_WORDS: Words = words!["抽样", "抽查"];

/// Ends of place names: a Chinese numeral and a measure word before them are part of the
/// name ("五台县").
pub(crate) const PLACE_TAILS: Words = words!["县", "镇", "乡", "村", "山", "街道"];

/// Verbs that move a rank: a 第N位 right before them is the rank moved from
/// ("由第22位上升至第20位").
pub(crate) const RANK_MOVES: Words = words![
    "上升", "提升", "提高", "跃升", "前移", "前进", "攀升", "下降", "下滑", "后移", "降至", "升至",
];

/// Series a growth is bound to after a comparison verb ("略高于经济增长").
pub(crate) const REFERENCE_SERIES: Words =
    words!["经济增长", "经济增速", "GDP增长", "地区生产总值增长"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_words_fold() {
        let s: Vec<char> = "預計累計實現".chars().map(lex_fold).collect();
        let t: Vec<char> = "预计累计实现".chars().collect();
        assert_eq!(s, t);
    }

    #[test]
    fn longest_word_at_and_before() {
        let s: Vec<char> = "同比增长5%".chars().collect();
        assert_eq!(LEXICON.at(&s, 0, Tag::Predicate), Some(4));
        assert_eq!(LEXICON.ending(&s, 4, Tag::Predicate), Some(4));
        assert_eq!(ends_any(&s, 4, GROWTH_VERBS), Some(4));
    }
}
