//! Forms of reports other than the seed (issue 13): status from the sentence's own
//! words, numerals that were read wrongly, the scope of 力争, HTML input.

use planwatch::extraction::{extract, FindingStatus as Status};

/// (status, op, value, unit, stretch, status_cue) of each finding.
type Row = (String, String, Option<String>, Option<String>, bool, String);

fn one(text: &str) -> Vec<Row> {
    extract(text)
        .findings
        .iter()
        .map(|f| {
            (
                f.status.name().to_string(),
                f.op.symbol().to_string(),
                f.value.map(|v| v.to_string()),
                f.unit.map(|u| u.symbol().to_string()),
                f.stretch,
                f.status_cue.clone(),
            )
        })
        .collect()
}

#[test]
fn status_from_the_sentence_own_words() {
    for (text, status, cue) in [
        (
            "实现地区生产总值2150亿元，增长4.6%。",
            Status::Actual,
            "实现",
        ),
        (
            "新增规上企业312家，总数达2871家。",
            Status::Actual,
            "default",
        ),
        (
            "每万人高价值发明专利拥有量达36件。",
            Status::Actual,
            "default",
        ),
        ("地区生产总值同比增长5.2%。", Status::Actual, "同比"),
        ("2023年，全市引进项目156个。", Status::Actual, "2023年"),
        ("力争地区生产总值增长6%。", Status::Target, "力争"),
        ("预期目标：地区生产总值增长5%左右。", Status::Target, "目标"),
        ("城镇调查失业率5.5%左右。", Status::Target, "左右"),
        ("到2025年，建成5G基站1万个。", Status::Target, "到2025年"),
    ] {
        let f = &extract(text).findings[0];
        assert_eq!(f.status, status, "{text}: {f:?}");
        assert_eq!(f.status_cue, cue, "{text}");
    }
}

#[test]
fn numerals_read_as_readers_mean_them() {
    let got = one("全年实现地区生产总值十点五亿元，同比增长二十点五%。");
    assert_eq!(got[0].2.as_deref(), Some("1050000000"));
    assert_eq!(got[1].2.as_deref(), Some("20.5"));
    let got = one("新增就业一千零十二人，一万零十二人次。");
    assert_eq!(got[0].2.as_deref(), Some("1012"));
    assert_eq!(got[1].2.as_deref(), Some("10012"));
    let got = one("2023年，完成投资三千 九百 六十五万元，7万 5千人。");
    assert_eq!(got[0].2.as_deref(), Some("39650000"));
    assert_eq!(got[1].2.as_deref(), Some("75000"));
}

#[test]
fn stretch_scopes_over_its_own_clause() {
    for sep in ["；", "，"] {
        let text = format!(
            "固定资产投资增长8%，力争完成150亿元{sep}社会消费品零售总额增长6.5%{sep}城镇新增就业不少于1.2万人。"
        );
        let got = one(&text);
        let stretch: Vec<bool> = got.iter().map(|f| f.4).collect();
        assert_eq!(stretch, [false, true, false, false], "{text}: {got:?}");
        assert!(got.iter().all(|f| f.0 == "target"), "{text}: {got:?}");
    }
    // A stretch word opening the sentence governs its list of clauses.
    let got = one("力争新增上市公司10家、专精特新企业20家，高新技术企业突破2.5万家。");
    assert!(got.iter().all(|f| f.4), "{got:?}");
    // So does one opening a later clause with no figure before it: the clause before
    // says what is done, not how much.
    for text in [
        "全力加快经开区建设，力争工业投资增长25%以上，规上工业增加值增长25%以上。",
        "强化投资拉动，努力实施一批重大项目，全年实施亿元以上项目1400个，其中超十亿元项目100个以上。",
        // A deadline may open the clause before it.
        "在工业经济增长上，年内力争培育高新技术企业3家，推动全镇规上工业总产值突破27亿元。",
    ] {
        let got = one(text);
        assert_eq!(got.len(), 2, "{text}: {got:?}");
        assert!(got.iter().all(|f| f.0 == "target" && f.4), "{text}: {got:?}");
    }
    // A stretch word after a base figure that names what it is about starts a list of
    // its own, which it governs; one that only raises the figure before it does not.
    let got = one("全年确保完成交通投资800亿元以上，力争建成城市快速路40公里，改造老旧桥梁120座、新建停车泊位3万个。");
    let stretch: Vec<bool> = got.iter().map(|f| f.4).collect();
    assert_eq!(stretch, [false, true, true, true], "{got:?}");
    for text in [
        "全年确保完成交通投资800亿元以上，力争全年完成900亿元，改造老旧桥梁120座。",
        "固定资产投资增长8%，力争不低于10%，新开工项目50个。",
        "单位生产总值能耗下降2%，力争今年内下降3%，新建公园5个。",
    ] {
        let got = one(text);
        let stretch: Vec<bool> = got.iter().map(|f| f.4).collect();
        assert_eq!(stretch, [false, true, false], "{text}: {got:?}");
    }
}

#[test]
fn html_input_keeps_offsets_into_the_html() {
    let html = "<!DOCTYPE html><html><head><title>报告</title><script>var x='增长9%';</script></head>\
<body><nav>首页 第2页</nav><p>2023年，全市地区生产总值达到1.2万亿元，同比增长5.8%</p>\
<table><tr><td>固定资产投资</td><td>增长&nbsp;12.2%</td></tr><tr><td>新增就业</td><td>1.5万人</td></tr></table>\
<div>力争新增学位1000个&lt;br&gt;</div></body></html>";
    let found = extract(html);
    let chars: Vec<char> = html.chars().collect();
    let got: Vec<(String, String)> = found
        .findings
        .iter()
        .map(|f| {
            let s: String = chars[f.span.clone()].iter().collect();
            assert_eq!(&html[f.byte_span.clone()], s);
            (f.indicator.clone(), s)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("地区生产总值".to_string(), "1.2万亿元".to_string()),
            ("地区生产总值".to_string(), "5.8%".to_string()),
            ("固定资产投资".to_string(), "12.2%".to_string()),
            ("新增就业".to_string(), "1.5万人".to_string()),
            ("学位".to_string(), "1000个".to_string()),
        ]
    );
    // Each table row is its own sentence, without markup.
    assert!(found.findings[2].sentence.contains("固定资产投资"));
    assert!(!found.findings[2].sentence.contains("新增就业"));
    assert!(!found
        .findings
        .iter()
        .any(|f| f.sentence.contains("</") || f.sentence.contains("<p")));
    // Entities are decoded in place (&lt; reads as <).
    assert!(found.findings[4].sentence.contains("br>"));
}

#[test]
fn structure_ratios_are_shares_and_ranks_follow_their_verb() {
    let got = one("三次产业结构比为2:38:60。");
    let values: Vec<_> = got.iter().map(|f| (f.2.clone(), f.3.clone())).collect();
    let pct = |v: &str| (Some(v.to_string()), Some("%".to_string()));
    assert_eq!(values, [pct("2"), pct("38"), pct("60")]);
    // A time or a two-part ratio is not a structure.
    assert!(one("会议于10:30开始。").is_empty());
    let got = one("位居全国百强县投资潜力第3、新型城镇化质量第4，增幅全省排第7位。");
    let ranks: Vec<_> = got
        .iter()
        .map(|f| f.2.clone().unwrap_or_default())
        .collect();
    assert_eq!(ranks, ["3", "4", "7"]);
    assert!(got.iter().all(|f| f.0 == "actual"));
    // 居民 is not a ranking verb; 第二批 is not a rank.
    assert!(one("城镇居民第二批补贴发放。").is_empty());
}

#[test]
fn approximate_magnitudes_and_fractions() {
    let got = one("2023年，新增就业一千多万人，带动十多万户，惠及二十几万人，增幅近1/3，完成三分之一，四分之一，千分之2.4。");
    let ops: Vec<_> = got
        .iter()
        .map(|f| {
            (
                f.1.as_str(),
                f.2.clone().unwrap_or_default(),
                f.3.clone().unwrap_or_default(),
            )
        })
        .collect();
    let want = [
        (">", "10000000", "人"),
        (">", "100000", "户"),
        ("~", "200000", "人"),
        ("~", "33.33", "%"),
        ("=", "33.33", "%"),
        ("=", "25", "%"),
        ("=", "2.4", "‰"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(a, b, c)| (*a, b.to_string(), c.to_string()))
        .collect();
    assert_eq!(ops, want);
    // Dates and codes are not fractions.
    assert!(one("2023年，发布2023/10/1号文件。").is_empty());
}

#[test]
fn measure_words_and_per_units_of_other_reports() {
    for (text, value, unit) in [
        ("全县共发生安全生产事故3起。", "3", "起"),
        ("10家省实验室余杭占4席。", "4", "席"),
        ("亿元楼新增6幢。", "6", "幢"),
        ("发生重污染395天次。", "395", "天次"),
        ("集装箱吞吐量达到120万标箱。", "1200000", "标箱"),
        ("地均产出达到5.2亿元/平方公里。", "520000000", "元/平方公里"),
        ("路网密度达到8.5千米/平方公里。", "8.5", "公里/平方公里"),
        // 斤 is mass: converted exactly to the base unit 吨 (1 斤 = 0.0005 吨).
        ("粮食产量1.3万亿斤以上。", "650000000", "吨"),
    ] {
        let got = one(text);
        let hit = got.iter().find(|f| f.2.as_deref() == Some(value));
        assert_eq!(
            hit.and_then(|f| f.3.clone()).as_deref(),
            Some(unit),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn references_multiples_gaps_and_narrative_numbers() {
    let got = one("2023年，全市人均地区生产总值是全国平均水平的2.3倍，经济总量翻一番，增速高于全省1.2个百分点，城镇居民收入高于全省平均水平。");
    let kinds: Vec<_> = got
        .iter()
        .map(|f| {
            (
                f.1.as_str(),
                f.2.clone().unwrap_or_default(),
                f.3.clone().unwrap_or_default(),
            )
        })
        .collect();
    let want: Vec<(&str, String, String)> = vec![
        ("=", "2.3".into(), "倍".into()),
        ("=", "2".into(), "倍".into()),
        ("=", "1.2".into(), "个百分点".into()),
        ("reference", String::new(), String::new()),
    ];
    assert_eq!(kinds, want);
    let found = extract("城镇居民收入高于全省平均水平。");
    let f = &found.findings[0];
    let span: String = "城镇居民收入高于全省平均水平。".chars().collect::<Vec<_>>()[f.span.clone()]
        .iter()
        .collect();
    // The reference names what it is bound to.
    assert_eq!(span, "高于全省平均水平");
    // Narrative numbers are not findings.
    assert!(one("全市经济总量迈上三个千亿级台阶，实施十大工程。").is_empty());
    // A from–to change is reported, not a horizon.
    let got = one("人均GDP从2015年的51281元增长到2020年的70790元。");
    assert!(got.iter().all(|f| f.0 == "actual"), "{got:?}");
}

#[test]
fn a_respectively_list_shares_its_last_unit() {
    let got = one("2023年，二氧化硫、二氧化氮平均浓度分别为11、24微克/立方米。");
    let values: Vec<_> = got.iter().map(|f| (f.2.clone(), f.3.clone())).collect();
    let v = |x: &str| (Some(x.to_string()), Some("微克/立方米".to_string()));
    assert_eq!(values, [v("11"), v("24")]);
    // Without 分别, a bare number stays unread.
    assert!(one("2023年，编号11、24微克/立方米样品。").len() <= 1);
}

#[test]
fn plan_headers_and_paragraphs_carry_status() {
    // A plan header ending in a colon makes what follows targets, 完成 included.
    let got =
        one("2024年主要预期目标是：地区生产总值增长7.6%，全年完成一般预算收入11000万元以上。");
    assert!(got.iter().all(|f| f.0 == "target"), "{got:?}");
    // A sentence without cues continues the one before it in its paragraph…
    let got = one("2024年常州将新增高新技术企业1000家。新增上市企业20家。");
    assert_eq!(got[1].0, "target", "{got:?}");
    assert_eq!(got[1].5, "previous sentence");
    // …but not across a blank line.
    let got = one("2024年常州将新增高新技术企业1000家。\n\n新增上市企业20家。");
    assert_eq!(got[1].0, "actual", "{got:?}");
    // A comparator alone does not outweigh the reported sentence before.
    let got = one("2019年，规上工业增加值增长6.1%。服务业增加值增长6.1%左右。");
    assert_eq!(got[1].0, "actual", "{got:?}");
}

/// Found by the property test: a bullet followed by a two-byte space (U+0085) cut
/// the line inside that character (a panic on main before this fix).
#[test]
fn a_bullet_with_a_wide_space_does_not_panic() {
    for text in ["*\u{85}0", "-\u{a0}增长5%", "•\u{3000}新增就业1万人"] {
        let _ = extract(text);
    }
}

#[test]
fn bare_money_magnitudes_with_their_comparator() {
    let got = one("2021年，实际使用外资首次突破万亿元，达到1.1万亿元。");
    let v: Vec<_> = got
        .iter()
        .map(|f| (f.1.clone(), f.2.clone().unwrap_or_default()))
        .collect();
    assert_eq!(
        v,
        [
            (">".to_string(), "1000000000000".to_string()),
            ("=".to_string(), "1100000000000".to_string())
        ]
    );
    // Without a comparator word a bare magnitude of money is a name (万元户).
    assert!(one("2021年，评选万元户。").is_empty());
}

/// (status, op, value, unit) of each finding.
fn tuples(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    one(text)
        .into_iter()
        .map(|(status, op, value, unit, _, _)| (status, op, value, unit))
        .collect()
}

fn t(
    status: &str,
    op: &str,
    value: Option<&str>,
    unit: Option<&str>,
) -> (String, String, Option<String>, Option<String>) {
    (
        status.to_string(),
        op.to_string(),
        value.map(str::to_string),
        unit.map(str::to_string),
    )
}

#[test]
fn action_verbs_decide_only_when_nothing_else_does() {
    // A report word of the clause wins over the action verb after it.
    assert_eq!(
        tuples("截至目前，已累计完成老旧管网改造45.6公里。"),
        [t("actual", "=", Some("45600"), Some("米"))]
    );
    // Alone, the action verb makes a target.
    assert_eq!(
        tuples("建设公共充电桩500个。"),
        [t("target", ">=", Some("500"), Some("个"))]
    );
    // A sentence before that decided carries over it.
    let got = one("上半年，全区引进项目12个。新开工产业项目30个。");
    assert_eq!(got[1].0, "actual");
    assert_eq!(got[1].5, "previous sentence");
    // 主要 holds no 要; a plan noun after 完成 is its object; 完成 of a quota assigned
    // elsewhere is the condition's own wording.
    assert_eq!(one("主要农作物综合机械化率超过75%。")[0].0, "actual");
    assert_eq!(one("完成年度投资计划的85.2%。")[0].0, "actual");
    let got = one("化学需氧量减排完成省下达的目标任务，PM2.5浓度下降3%以上。");
    assert!(got.iter().all(|r| r.0 == "target"), "{got:?}");
}

#[test]
fn changes_of_changes_and_forms_of_quantities() {
    // 了 after the verb; a narrowing of a decline is a rise.
    assert_eq!(
        tuples("增速比一季度回落了0.3个百分点。"),
        [t("actual", "=", Some("-0.3"), Some("个百分点"))]
    );
    assert_eq!(
        tuples("工业品出厂价格同比下降2.4%，降幅收窄1.1个百分点。")[1],
        t("actual", "=", Some("1.1"), Some("个百分点"))
    );
    assert_eq!(
        tuples("全年能源消费总量1200万吨标准煤。"),
        [t("actual", "=", Some("12000000"), Some("吨标准煤"))]
    );
    let f = &extract("一般公共预算收入突破人民币500亿元。").findings[0];
    assert_eq!(f.indicator, "一般公共预算收入");
    assert_eq!(f.op.symbol(), ">");
    assert_eq!(
        tuples("规模以上工业增加值保持正增长。"),
        [t("actual", ">", Some("0"), Some("%"))]
    );
    // A money amount naming a size class is no finding.
    assert_eq!(
        tuples("其中10-50亿元项目8个。"),
        [t("actual", "=", Some("8"), Some("个"))]
    );
    let f = &extract("全市生产总值增长6%，全省排名第2。").findings[1];
    assert_eq!(f.indicator, "全省排名");
    assert_eq!(f.value.map(|v| v.to_string()).as_deref(), Some("2"));
}

#[test]
fn tiers_ranks_lists_and_asides() {
    // A tier crossed by a bare magnitude takes the indicator's unit; 三个千亿级台阶
    // stays narrative.
    assert_eq!(
        tuples("全年地区生产总值突破千亿大关。"),
        [t("actual", ">", Some("100000000000"), Some("元"))]
    );
    assert!(extract("迈上三个千亿级台阶。").findings.is_empty());
    assert_eq!(
        tuples("工业品出厂价格指数同比持平。"),
        [t("actual", "=", Some("0"), Some("%"))]
    );
    // 了 after a verb of planning reports a plan.
    assert_eq!(one("今年城建计划中安排了重点项目25个。")[0].0, "target");
    // A year inside an aside does not date the sentence.
    assert_eq!(
        one("一般公共预算支出（扣除2022年专项资金外）增长4%以上。")[0].0,
        "target"
    );
    assert!(extract("全市共有12个方面取得突破。").findings.is_empty());
    // 榜首 is first place; N强 after a verb of entering a ranking is a rank <= N.
    let got = tuples("全区经济综合实力荣登全省榜首。");
    assert_eq!(got, [t("actual", "=", Some("1"), Some("名次"))]);
    let got = tuples("跻身全省综合实力10强。");
    assert_eq!(got, [t("actual", "<=", Some("10"), Some("名次"))]);
    // A count quantifying the subject is no finding.
    assert_eq!(
        tuples("28个重点城市空气质量优良天数比率提高2个百分点。"),
        [t("actual", "=", Some("2"), Some("个百分点"))]
    );
    // A comparator after the last item of a list scopes over every item.
    assert_eq!(
        tuples("城乡居民人均可支配收入分别增长6%和8%左右。"),
        [
            t("target", "~", Some("6"), Some("%")),
            t("target", "~", Some("8"), Some("%"))
        ]
    );
    // An amount listed before a size class shares it.
    let got = tuples("其中5000万元、1亿元以上项目分别增长10%、12%。");
    assert!(got.iter().all(|r| r.3.as_deref() == Some("%")), "{got:?}");
}

#[test]
fn status_words_of_the_third_pass() {
    // 了 after a plan verb still reports.
    assert_eq!(
        tuples("全区启动了15个城市更新项目。"),
        [t("actual", "=", Some("15"), Some("个"))]
    );
    // A governing plan word reaches a report verb of its part: the list shares 力争.
    let got = one("力争新增市场主体1.2万户、实现外贸进出口总额500亿元。");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|f| f.0 == "target" && f.4), "{got:?}");
    assert_eq!(
        tuples("确保新开工项目全部开工，三季度完成投资30亿元以上。"),
        [t("target", ">=", Some("3000000000"), Some("元"))]
    );
    // 计划 is a noun here: what was completed is reported.
    let got = tuples("计划投资120亿元，完成135亿元。");
    assert_eq!(got[1], t("actual", "=", Some("13500000000"), Some("元")));
    // A number before 的 + a goal noun is the goal; a goal noun before a number too.
    assert_eq!(
        tuples("老旧小区改造超额完成3.2万户的年度目标任务。"),
        [t("target", ">=", Some("32000"), Some("户"))]
    );
    let got = tuples("（三）新建学校任务12所，完成13所，完成率108%。");
    assert_eq!(
        got,
        [
            t("target", ">=", Some("12"), Some("所")),
            t("actual", "=", Some("13"), Some("所")),
            t("actual", "=", Some("108"), Some("%")),
        ]
    );
    // A period to date reports, even after 今年.
    assert_eq!(
        tuples("今年1-10月，规上工业增加值增长7.2%。")[0].0,
        "actual"
    );
    assert_eq!(tuples("今年前三个月，新增市场主体2100户。")[0].0, "actual");
    // A base year of comparison does not date the sentence.
    assert_eq!(
        tuples("单位地区生产总值能耗比2020年下降13.5%左右。"),
        [t("target", "~", Some("-13.5"), Some("%"))]
    );
    // A plan document named in a review is no plan cue.
    assert_eq!(
        tuples("“十四五”规划实施情况良好，农村自来水普及率92%。")[0].0,
        "actual"
    );
    // 左右 after the number outweighs a weak report word before it.
    let got = tuples("城镇调查失业率、城镇登记失业率分别为5.5%左右和4.5%左右。");
    assert!(got.iter().all(|r| r.0 == "target" && r.1 == "~"), "{got:?}");
}

#[test]
fn numbers_and_lists_of_the_third_pass() {
    // An indicator acronym right before its figure.
    assert_eq!(
        tuples("全年完成GDP3650亿元。"),
        [t("actual", "=", Some("365000000000"), Some("元"))]
    );
    // A ratio sign lost to `?` in conversion; both ends of a change of structure.
    let got = tuples("三次产业结构由3.1?40.2?56.7调整为2.5?38.6?58.9。");
    let values: Vec<_> = got
        .iter()
        .map(|r| r.2.clone().unwrap_or_default())
        .collect();
    assert_eq!(values, ["3.1", "40.2", "56.7", "2.5", "38.6", "58.9"]);
    assert!(got.iter().all(|r| r.3.as_deref() == Some("%")), "{got:?}");
    // Both ends of a from–to change of a ratio.
    let got = one("基尼系数由0.47下降到0.45。");
    let values: Vec<_> = got
        .iter()
        .map(|r| r.2.clone().unwrap_or_default())
        .collect();
    assert_eq!(values, ["0.47", "0.45"]);
    // Groups of people counted with a magnitude word and no measure word.
    assert_eq!(
        tuples("帮助3万困难群众实现就业。"),
        [t("actual", "=", Some("30000"), Some("人"))]
    );
    assert_eq!(
        tuples("新增就业目标110万。"),
        [t("target", ">=", Some("1100000"), Some("人"))]
    );
    // 兆 before a currency (Taiwan usage).
    assert_eq!(
        tuples("全年營收約2.1兆元。"),
        [t("actual", "~", Some("2100000000000"), Some("元"))]
    );
    // Rates of one kind sharing one number are split; a count of two kinds is a sum.
    assert_eq!(tuples("城镇登记失业率和调查失业率控制在5%以内。").len(), 2);
    assert_eq!(tuples("引进院士及海外院士16名。").len(), 1);
    // Conditions bound to a requirement or an average.
    let got = extract("空气质量、水质等指标达到国家要求。").findings;
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|f| f.op.symbol() == "reference"));
    let got = extract("研发投入强度达到全省平均水平。").findings;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].op.symbol(), "reference");
    // An amount with no subject of its own continues the last amount, not the rate
    // between them; a rate after an amount is the amount's.
    let got = extract("税收收入12亿元，自然增幅3%，同口径完成12.6亿元，增长8%。").findings;
    let names: Vec<&str> = got.iter().map(|f| f.indicator.as_str()).collect();
    assert_eq!(names[2], "税收收入", "{names:?}");
    assert_eq!(names[3], "税收收入", "{names:?}");
    // A level held over a streak is named before the streak.
    let got = extract("粮食总产量1330.9亿斤，连续9年稳定在1300亿斤以上。").findings;
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].indicator, "粮食总产量");
    assert_eq!(got[1].op.symbol(), ">=");
    // A tier crossed in Arabic digits takes the indicator's unit.
    assert_eq!(
        tuples("机场旅客吞吐量突破300万大关。"),
        [t("actual", ">", Some("3000000"), Some("人次"))]
    );
    // 保持负增长: growth below zero.
    assert_eq!(
        tuples("煤炭消费量保持负增长。"),
        [t("actual", "<", Some("0"), Some("%"))]
    );
    // A count after a time word that quantifies the subject is no finding.
    assert_eq!(
        tuples("今年12个重点镇街地区生产总值增长6%以上。"),
        [t("target", ">=", Some("6"), Some("%"))]
    );
}

/// (indicator, op, value, unit) of each finding.
fn named(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    extract(text)
        .findings
        .iter()
        .map(|f| {
            (
                f.indicator.clone(),
                f.op.symbol().to_string(),
                f.value.map(|v| v.to_string()),
                f.unit.map(|u| u.symbol().to_string()),
            )
        })
        .collect()
}

fn n(
    indicator: &str,
    op: &str,
    value: &str,
    unit: &str,
) -> (String, String, Option<String>, Option<String>) {
    (
        indicator.to_string(),
        op.to_string(),
        Some(value.to_string()),
        (!unit.is_empty()).then(|| unit.to_string()),
    )
}

#[test]
fn held_out_class_1_falls_and_gaps_below_keep_their_sign() {
    assert_eq!(
        named("2023年，全县一般公共预算收入减收2350万元。"),
        [n("一般公共预算收入", "=", "-23500000", "元")]
    );
    assert_eq!(
        named("2023年，全市居民人均可支配收入增速落后于全省0.4个百分点。"),
        [n("居民人均可支配收入", "=", "-0.4", "个百分点")]
    );
    assert_eq!(
        named("2023年，全区规上工业增加值增速低于全市1.5个百分点。"),
        [n("规上工业增加值", "=", "-1.5", "个百分点")]
    );
    // A decline named after its size.
    assert_eq!(
        named("2023年，受外部需求影响，外贸出口出现4.6%的负增长。"),
        [n("外贸出口", "=", "-4.6", "%")]
    );
    let got = one("2023年，全市城镇调查失业率为5.1%，比上年低0.3个百分点。");
    assert_eq!(got[1].2.as_deref(), Some("-0.3"), "{got:?}");
    // 不低于 is a floor, not a gap below.
    let got = one("力争增速不低于全省平均水平0.5个百分点。");
    assert!(
        got.iter().all(|f| f.2.as_deref() != Some("-0.5")),
        "{got:?}"
    );
}

#[test]
fn held_out_class_2_years_currencies_densities_and_per_mille_points() {
    assert_eq!(
        named("2022年，全市劳动年龄人口平均受教育年限达到11.2年。"),
        [n("劳动年龄人口平均受教育年限", "=", "11.2", "年")]
    );
    let f = &extract("2023年，全区人均受教育年限达到10.9年。").findings;
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].measure, planwatch::FindingMeasure::Level);
    // A calendar year and a period of years are not lengths.
    let got = one("2023年，今后5年全区将新建学校12所。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].3.as_deref(), Some("所"));
    assert_eq!(
        named("2023年，澳门本地生产总值达3794亿澳门元。"),
        [n("澳门本地生产总值", "=", "379400000000", "澳门元")]
    );
    assert_eq!(
        named("2023年，全台半导体产值逾50兆新台币。"),
        [n("全台半导体产值", ">", "50000000000000", "新台币")]
    );
    assert_eq!(
        named("2023年，全省路网密度达到507公里/万平方公里。"),
        [n("路网密度", "=", "507", "公里/万平方公里")]
    );
    assert_eq!(
        named("2023年，出生率下降0.8个千分点。"),
        [n("出生率", "=", "-0.8", "个千分点")]
    );
    assert_eq!(
        named("2023年，全市城镇新增就业1 2 00万人。"),
        [n("城镇新增就业", "=", "12000000", "人")]
    );
    // Digits a PDF conversion split before a unit are one number.
    let got = one("2023年，全市新增企业12 35家。");
    assert_eq!(got[0].2.as_deref(), Some("1235"), "{got:?}");
    // The full-width ratio sign (U+2236) reads like ":".
    for sign in ["∶", ":", "："] {
        let got = named(&format!("2023年，城乡居民收入比缩小到2.31{sign}1。"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].2.as_deref()),
            ("城乡居民收入比", Some("2.31"))
        );
    }
}

#[test]
fn held_out_class_5_numbers_that_are_not_findings() {
    for text in [
        "本报告共分六个部分。",
        "坚决守住两条底线。",
        "支持营收增长20%以上的企业扩大投资。",
        "根据1‰人口变动抽样调查推算。",
        "今（12/15）日召开会议。",
        "在32个考核指标中，全区排名靠前。",
    ] {
        assert_eq!(one(text), [], "{text}");
    }
    // The item count of a "N类M项" list is the finding, not the category count.
    assert_eq!(
        named("全年梳理形成7类42项重点任务。"),
        [n("重点任务", "=", "42", "项")]
    );
    // An age threshold selects the population; the share is the finding.
    let got = one("全市65岁及以上户籍人口占比达到18.2%。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].3.as_deref(), Some("%"));
}

#[test]
fn held_out_classes_6_and_7_list_heads_and_corrections() {
    let got = one("三次产业对经济增长的贡献率分别为0.15、-5.64、1.34个百分点。");
    let values: Vec<_> = got
        .iter()
        .map(|f| f.2.clone().unwrap_or_default())
        .collect();
    assert_eq!(values, ["0.15", "-5.64", "1.34"], "{got:?}");
    assert!(got.iter().all(|f| f.3.as_deref() == Some("个百分点")));
    // A correction of a target is an exact change, not a floor.
    let got = one("城镇调查失业率预期目标调增0.5个百分点。");
    assert_eq!(got[0].1, "=", "{got:?}");
    assert_eq!(got[0].2.as_deref(), Some("0.5"));
    let got = one("今年新开工项目计划比目标任务增加9个。");
    assert_eq!(got[0].1, "=", "{got:?}");
    // Both ends of a rank move, named by the subject.
    assert_eq!(
        named("全市营商环境评价由第18位上升至第15位。"),
        [
            n("营商环境评价", "=", "18", "名次"),
            n("营商环境评价", "=", "15", "名次")
        ]
    );
    // 略高于 binds a growth to the series named after it, like 高于.
    let text = "全市居民收入增长略高于经济增长。";
    let f = &extract(text).findings;
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].op.symbol(), "reference");
    assert_eq!(f[0].indicator, "居民收入");
    let span: String = text
        .chars()
        .skip(f[0].span.start)
        .take(f[0].span.len())
        .collect();
    assert!(span.ends_with("经济增长"), "{span}");
}

#[test]
fn held_out_classes_3_and_4_indicators_and_status() {
    // The subject before 分别 / 继续, split across the list.
    assert_eq!(
        named("2023年，全市出口和进口继续分别增长14.5%和12.4%。"),
        [n("出口", "=", "14.5", "%"), n("进口", "=", "12.4", "%")]
    );
    assert_eq!(
        named("上半年，全省GDP增速上修0.05个百分点。"),
        [n("GDP", "=", "0.05", "个百分点")]
    );
    // A subject that is a list, shared by a list of numbers and a 分别 list after it.
    assert_eq!(
        named("2023年，一般公共预算收入、税收收入完成120亿元和90亿元，分别增长14.5%和12.4%。"),
        [
            n("一般公共预算收入", "=", "12000000000", "元"),
            n("税收收入", "=", "9000000000", "元"),
            n("一般公共预算收入", "=", "14.5", "%"),
            n("税收收入", "=", "12.4", "%"),
        ]
    );
    // A rank verb and its scope (居全省) name no indicator: the subject before does.
    let got = named("全市地区生产总值完成2150亿元，居全省第6位，较上年提升1个位次。");
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|f| f.0 == "地区生产总值"), "{got:?}");
    // 完成不少于N: the floor is a plan word.
    let got = one("完成不少于30条农村黑臭水体治理。");
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str()),
        ("target", ">="),
        "{got:?}"
    );
    // A state reached by an earlier deadline (已) is reported.
    let got = one("到2021年末，全市城乡居民收入差距已由2015年的5.1个百分点缩小到3.2个百分点。");
    assert!(got.iter().all(|f| f.0 == "actual"), "{got:?}");
    // Future periods make targets.
    let got = one("今后5年，单位地区生产总值能耗、用水量、二氧化碳排放分别下降13.5%、16%、18%。");
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|f| f.0 == "target"), "{got:?}");
    // 已累计 at the start carries over the later parts of its list.
    let got = one("已累计完成投资25亿元；新建学校8所；新增停车位1200个。");
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(got.iter().all(|f| f.0 == "actual"), "{got:?}");
}

#[test]
fn a_bound_before_a_counted_noun_selects_what_is_counted() {
    // The bound (以上, 超) before 的 and a count is a criterion: no finding, and its
    // 以上 is no plan cue for the count.
    assert_eq!(
        tuples("全市主营业务收入500万元以上的工业企业有320家。"),
        [t("actual", "=", Some("320"), Some("家"))]
    );
    assert_eq!(
        tuples("人口规模在50万以上的城市达到18个。"),
        [t("actual", "=", Some("18"), Some("个"))]
    );
    assert_eq!(
        tuples("全区共有规模以上工业企业215家，其中产值超10亿元的企业14家。"),
        [
            t("actual", "=", Some("215"), Some("家")),
            t("actual", "=", Some("14"), Some("家")),
        ]
    );
    // An exact figure is a value of what is counted (their total), and a share of
    // things with no count after it is a finding.
    assert_eq!(tuples("年内实施总投资35亿元的80项城建重点工程。").len(), 2);
    let got = one("60%以上的村实现集体经济收入超10万元。");
    assert_eq!(
        (got[0].1.as_str(), got[0].2.as_deref()),
        (">=", Some("60")),
        "{got:?}"
    );
}

#[test]
fn a_change_from_one_period_to_another_names_its_subject() {
    // The period a figure of a change belongs to ("由2020年的", "由上年") is when,
    // not what; a shift (转为) continues the subject.
    let got = named("城镇化率由2020年的55.3%提高到2024年的60.1%。");
    assert_eq!(
        got,
        [
            n("城镇化率", "=", "55.3", "%"),
            n("城镇化率", "=", "60.1", "%")
        ]
    );
    let got = named("工业用电量由上年下降3.2%转为增长4.5%。");
    assert_eq!(
        got,
        [
            n("工业用电量", "=", "-3.2", "%"),
            n("工业用电量", "=", "4.5", "%")
        ]
    );
    // A decline named before its predicate is a fall.
    assert_eq!(
        named("单位GDP能耗降幅为3.2%。"),
        [n("单位GDP能耗降幅", "=", "-3.2", "%")]
    );
}

#[test]
fn plan_headers_horizons_and_stretch_words_over_their_clauses() {
    // 预计 after a plan header estimates the plan year: still targets.
    let got = one("主要预期目标是：预计地区生产总值同比增长5.5%左右，固定资产投资同比增长6%。");
    assert!(got.iter().all(|f| f.0 == "target"), "{got:?}");
    // 到 + digits is a horizon only before a year.
    let got = one("地方财政收入突破两亿元大关，达到20034万元，增长40.41%。");
    assert!(got.iter().all(|f| f.0 == "actual"), "{got:?}");
    // A stretch word whose clause is only it and a deadline governs what follows.
    let got =
        one("推动产业结构优化升级，力争到2025年，地区生产总值达到3000亿元，人均GDP达到10万元。");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|f| f.0 == "target" && f.4), "{got:?}");
}

#[test]
fn footnote_marks_and_taiwan_decimal_points() {
    // A footnote mark between a number and its unit is read through.
    assert_eq!(
        named("城镇新增就业人员 4.53*万人,比上年增长 7.7%*。"),
        [
            n("城镇新增就业人员", "=", "45300", "人"),
            n("城镇新增就业人员", "=", "7.7", "%"),
        ]
    );
    // A full stop between Chinese digits is a decimal point.
    let got = named("總預算歲出編列三五一．七八億餘元。");
    assert_eq!(got[0].1, ">", "{got:?}");
    assert_eq!(got[0].2.as_deref(), Some("35178000000"), "{got:?}");
}

#[test]
fn a_gap_to_the_goal_is_reported() {
    // A plan noun measured against ("高出预期目标") is no plan cue, and the number
    // after it is the gap, not the goal.
    let got = one("居民消费价格上涨5.9%，高出预期目标1.9个百分点。");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|f| f.0 == "actual"), "{got:?}");
    // A goal noun alone before its number is still the goal.
    assert_eq!(one("就业目标为1200万人。")[0].0, "target");
}

#[test]
fn floors_after_planned_verbs_and_bounds_kept_in_reviews() {
    // 以上 after a report verb that plans use (实现) plans.
    let got = one("全年实现城镇新增就业47万人以上，登记失业人员再就业16万人以上。");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|f| f.0 == "target"), "{got:?}");
    // So does it with an action verb between the verb and the number.
    assert_eq!(one("完成农村危房改造5000户以上。")[0].0, "target");
    // What is already done, or was done last year, is reported, floor or not.
    assert_eq!(one("已实现城镇新增就业47万人以上。")[0].0, "actual");
    assert_eq!(one("去年完成投资50亿元以上。")[0].0, "actual");
    // A sum over the plan's years still plans.
    assert_eq!(one("五年累计完成投资达16000亿元左右。")[0].0, "target");
    // A streak held above a floor reports.
    assert_eq!(
        one("全国粮食总产量连续5年稳定在1.3万亿斤以上。")[0].0,
        "actual"
    );
    // 控制在…以内 speaks for its own clause only: the figures of the other parts of a
    // review stay reported.
    let got = one(
        "规模以上固定资产投资72亿元，增长4.5%；一般公共预算收入4.08亿元、下降9%；城镇登记失业率控制在5%以内。",
    );
    assert_eq!(got.len(), 5, "{got:?}");
    assert!(got[..4].iter().all(|f| f.0 == "actual"), "{got:?}");
}

#[test]
fn action_verbs_report_in_a_sentence_that_reports() {
    // An action verb alone plans: a list of works to do.
    let got = one("改造老旧小区20个，新建停车位3000个，城区停车难问题有效缓解。");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|f| f.0 == "target"), "{got:?}");
    // The same works in a sentence that says what was done (了, 首次, 截至) report.
    for text in [
        "改造老旧小区20个，新建停车位3000个，补齐了城区停车短板。",
        "改造老旧小区20个，新建停车位3000个，首次实现城区停车位供需平衡。",
        "建设高标准农田10万亩，新增耕地2000亩，截至年底全县高标准农田覆盖率达到60%。",
        // 成功: done.
        "对83家企业实施跟踪培育，成功推动18家企业升规。",
    ] {
        let got = one(text);
        assert!(!got.is_empty(), "{text}: {got:?}");
        assert!(got.iter().all(|f| f.0 == "actual"), "{text}: {got:?}");
    }
    // A plan word keeps them planned; 累计, which plans use, and an estimate do not
    // make a review.
    let got = one("今年要改造老旧小区20个，新建停车位3000个，补齐了停车短板的小区累计达到100个。");
    assert_eq!(got[0].0, "target", "{got:?}");
    assert_eq!(
        one("改造老旧小区20个，新建停车位3000个，全市累计改造老旧小区120个。")[0].0,
        "target"
    );
}

#[test]
fn a_goal_completed_in_a_review_is_its_object() {
    // The goal a review measures against, with its amount: the amount is the goal's
    // content (a target), the share done is reported — however long the goal's name.
    let got = one("全年招商引资到位资金71.15亿元，完成市政府考核目标61亿元的117%。");
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(
        got.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
        ["actual", "target", "actual"],
        "{got:?}"
    );
    // A plan to complete a goal still plans.
    assert_eq!(one("力争完成市政府考核目标的120%。")[0].0, "target");
}

#[test]
fn a_planned_figure_of_a_progress_report_is_its_own() {
    // 计划投资 labels its own figure: the count of projects before it is reported.
    let got = one("市重点项目15个，年度计划投资21.3亿元，1-6月份累计完成投资12.1亿元。");
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(
        got.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(),
        ["actual", "target", "actual"],
        "{got:?}"
    );
    // So does 计划完成投资; 月份 is the month, not part of a name.
    let text = "省重点项目2个，年度计划完成投资9亿元，1-6月份累计完成投资7.9亿元。";
    let got = one(text);
    assert_eq!(got[0].0, "actual", "{got:?}");
    assert_eq!(got[1].0, "target", "{got:?}");
    let names = named(text);
    assert!(!names[2].0.starts_with('份'), "{names:?}");
    // A plan word before the count still plans it.
    assert_eq!(
        one("今年安排市重点项目476个，年度计划投资463.4亿元。")[0].0,
        "target"
    );
}

#[test]
fn expectations_beaten_are_no_plan() {
    // 超预期 / 好于预期: expectations beaten, reported; 预期目标 plans.
    assert_eq!(
        one("截至目前，已超预期完成固定资产投资35.93亿元。")[0].0,
        "actual"
    );
    assert_eq!(
        one("全年经济增长好于预期，地区生产总值增长6.1%。")[0].0,
        "actual"
    );
    assert_eq!(one("今年的预期目标是地区生产总值增长6%。")[0].0, "target");
    // 预计 followed by 可/将 forecasts what a plan will bring; an estimate of the year
    // under review stays reported.
    assert_eq!(
        one("另有十二幅正在改划中，预计可提供约一万一千个房屋单位。")[0].0,
        "target"
    );
    assert_eq!(one("预计全年可完成地区生产总值100亿元。")[0].0, "actual");
    assert_eq!(one("预计全年地区生产总值增长5.5%。")[0].0, "actual");
    // 接下来 looks ahead, as 未来 and 今后 do.
    assert_eq!(
        one("接下来5年，公营房屋建屋量达18.9万个单位。")[0].0,
        "target"
    );
}

#[test]
fn a_plan_header_without_its_colon_is_not_the_name() {
    for (text, name) in [
        ("今年的预期目标是地区生产总值增长6%。", "地区生产总值"),
        (
            "今年经济社会发展的主要预期目标是地区生产总值增长6%左右。",
            "地区生产总值",
        ),
        ("今年的主要预期目标是：地区生产总值增长6%。", "地区生产总值"),
    ] {
        assert_eq!(named(text)[0].0, name, "{text}");
    }
}

#[test]
fn an_amount_between_a_count_and_its_noun_is_a_class() {
    // "首个300亿元园区", "3个过三千亿元城市": the amount names the class counted.
    let got = one("龙潭临港产业园产值首次突破300亿元，成为玉林首个300亿元园区。");
    assert_eq!(got.len(), 1, "{got:?}");
    let got = one("新增荆州、孝感、黄冈3个过三千亿元城市。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].3.as_deref(), Some("个"), "{got:?}");
    // An amount after a verb is a figure.
    assert_eq!(one("园区实现产值300亿元。").len(), 1);
}

#[test]
fn a_budgeted_amount_is_exact() {
    // What a budget appropriates is the amount, not a floor (spending more is no success).
    let got = one("明年度歲出預算編列302.12億元，債務之償還編列87億元。");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|f| f.0 == "target" && f.1 == "="), "{got:?}");
    // A level to reach stays a floor, and so does a plain plan figure.
    assert_eq!(one("一般公共预算支出规模将首次达到30万亿元。")[0].1, ">=");
    assert_eq!(one("今年计划完成固定资产投资50亿元。")[0].1, ">=");
}

#[test]
fn people_by_their_nouns_and_levels_without_digits() {
    // A people noun heads what a bare magnitude counts; 人口 after 人 names nothing.
    assert_eq!(
        tuples("超过100万适龄农村儿童享受良好教育。"),
        [t("actual", ">", Some("1000000"), Some("人"))]
    );
    assert_eq!(
        named("有效改善9万人口的饮水安全问题。")[0].2.as_deref(),
        Some("90000")
    );
    assert!(named("有效改善9万人口的饮水安全问题。")[0].0 != "口");
    // Households are not people.
    assert!(one("将优质资源惠及区内10万学生家庭。")
        .iter()
        .all(|f| f.3.as_deref() != Some("人")));
    // An indicator of people before a predicate gives the bare number its unit.
    assert_eq!(
        tuples("城镇人口控制在272万以内。"),
        [t("target", "<=", Some("2720000"), Some("人"))]
    );
    // A bare magnitude after a verb that holds a level is a quantity.
    assert_eq!(
        tuples("粮食产量稳定在百万吨以上。"),
        [t("target", ">=", Some("1000000"), Some("吨"))]
    );
    // 保持 holds at a level; a year before the predicate is when, not what.
    assert_eq!(one("耕地保有量保持3.77亿亩。")[0].1, "=");
    assert_eq!(
        named("湘潭市域总人口2010年控制在300万人以内。")[0].0,
        "湘潭市域总人口"
    );
}

#[test]
fn shared_values_streak_ranks_and_doublings() {
    // The only number after 分别 holds for each item of the list before it.
    let got = named("进出口总额、实际利用外资、引进外省到位资金分别增长20%左右。");
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[2].0, "引进外省到位资金");
    // A rank held for years running is this year's rank; a streak of editions is a
    // record.
    assert_eq!(
        named("粮食总产量连续14年居全国第一。"),
        [n("粮食总产量", "=", "1", "名次")]
    );
    assert!(one("AIPerf500 排行榜连续三届第一。").is_empty());
    assert_eq!(
        named("粮食总产量连续十六年位居全国首位。"),
        [n("粮食总产量", "=", "1", "名次")]
    );
    assert!(one("连续三届位居全国榜首。").is_empty());
    // 翻了一番 doubles; a span of years before it is when, not what.
    assert_eq!(
        named("全区生产总值完成142亿元，五年内翻了一番。")[1],
        n("生产总值", "=", "2", "倍")
    );
}

#[test]
fn a_list_before_a_distributive_word_splits_with_short_items() {
    // 均 spreads the one figure over each item, also items of two characters, and a
    // head noun written once, after the last item.
    let got = named("小麦、油料、水果产量均稳定在50万吨以上。");
    let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(names, ["小麦", "油料", "水果产量"], "{got:?}");
    assert!(got.iter().all(|g| g.2.as_deref() == Some("500000")));
    assert_eq!(named("工业、农业均增长5%左右。").len(), 2);
    // Without 均 or 分别 a list before one figure stays one indicator (a total).
    assert_eq!(named("工业、农业增加值合计120亿元。").len(), 1);
}

#[test]
fn ranks_after_fen_ju_belong_to_the_figures_before() {
    // 分居 spreads its ranks over the figures before it; 分 names nothing.
    let got = named("全区税收收入38.6亿元，增长9.2%，分居全市第5、第2位。");
    assert_eq!(
        got[2..],
        [
            n("税收收入", "=", "5", "名次"),
            n("税收收入", "=", "2", "名次")
        ],
        "{got:?}"
    );
}

#[test]
fn subjects_elided_after_a_clause_or_before_an_adverb() {
    // The figure of a clause with no subject of its own is of the subject of the
    // numberless clause before it, not of an adverb (初步).
    let got = named("今年以来，全县工业投资保持较快增长，初步统计全年增长12.5%。");
    assert_eq!(got, [n("工业投资", "=", "12.5", "%")], "{got:?}");
    // An adverb before a rank verb (首次, 继续) names nothing either.
    let got = named("全县茶叶产量2.6万吨，首次跃居全省第一。");
    assert_eq!(got[1], n("茶叶产量", "=", "1", "名次"), "{got:?}");
}

#[test]
fn a_comparison_with_last_year_after_an_action_verb_reports() {
    // An action verb (开展) is heard last; a change on last year opening the next clause
    // says the figure is reported.
    let got = one("开展招商推介活动，全年引进企业36家，同比增长20%。");
    assert_eq!((got[0].0.as_str(), got[0].5.as_str()), ("actual", "同比"));
    // Without it the action verb still plans.
    assert_eq!(one("开展招商推介活动，引进企业36家。")[0].0, "target");
}

#[test]
fn a_figure_after_a_rank_continues_the_subject_before_the_rank() {
    let got = named("全县工业增加值完成86.2亿元，总量稳居全市第二，增长7.3%。");
    assert_eq!(got[2], n("工业增加值", "=", "7.3", "%"), "{got:?}");
    // With no subject before the rank, the figure is still found, named by the rank.
    assert_eq!(named("全区综合实力排名全市第2位，增长5.2%。").len(), 2);
    // Bare words (初步, 首次) still name a figure that nothing else names.
    assert_eq!(named("初步预计增长6.3%。").len(), 1);
}

#[test]
fn a_budget_appropriated_and_next_year_plan() {
    // 编列 (appropriated, in budgets) states the coming year's budget: a target, named
    // without the verb.
    let got = named("縣府明年度歲出預算編列185.6億元。");
    assert_eq!(got[0].0, "縣府明年度歲出預算", "{got:?}");
    assert_eq!(one("縣府明年度歲出預算編列185.6億元。")[0].0, "target");
    // 明年 plans, even after an estimate of when a step happens (預計十月送審).
    let got = one("預計十月送議會審議，明年度歲入預算總額為三五一億元。");
    assert_eq!((got[0].0.as_str(), got[0].5.as_str()), ("target", "明年"));
}

#[test]
fn a_tier_crossed_after_a_figure_continues_its_subject() {
    // "奋力站上…大台阶": the adverb, the crossing verb and the tier noun name nothing;
    // the level is of the subject before.
    let got = named("全县财政总收入增长8%左右、奋力迈上50亿元新台阶。");
    assert_eq!(got[1], n("财政总收入", ">=", "5000000000", "元"), "{got:?}");
}

#[test]
fn a_plan_comparator_later_in_the_part_speaks_first() {
    // A floor later in the number's part (…以上；) decides before the report words of
    // another part (完成 in the first part).
    let got = one("五年累计完成投资8000亿元左右；工业总产值突破5000亿元，年均增长12%以上。");
    assert!(got.iter().all(|g| g.0 == "target"), "{got:?}");
}

#[test]
fn units_counted_in_general_are_named_before() {
    // 单位 after 个 (housing units) names nothing; the subject before does.
    let got = named("公营房屋总供应量预计约为160 000个单位。");
    assert_eq!(got[0].0, "公营房屋总供应量", "{got:?}");
    // A named thing after the counter still names the figure.
    assert_eq!(named("今年建成12个幼儿园。")[0].0, "幼儿园");
}

#[test]
fn about_after_an_estimate_rounds_it() {
    // 左右 in a later part of an estimate (预计…；…左右) rounds the estimate.
    let got = one("预计全年全县生产总值达到260亿元；人均生产总值比全省平均水平高出15%左右。");
    assert_eq!(
        (got[1].0.as_str(), got[1].5.as_str()),
        ("actual", "预计"),
        "{got:?}"
    );
    // Without the estimate it plans.
    assert_eq!(
        one("人均生产总值比全省平均水平高出15%左右。")[0].0,
        "target"
    );
}

#[test]
fn the_coming_years_open_a_clause_and_govern_an_estimate() {
    // 未来五年, 今后5年, 明年 are when, not what; an estimate they govern is planned.
    let got = one("未来五年公营房屋总供应量预计约为160 000个单位。");
    assert_eq!(
        (got[0].0.as_str(), got[0].5.as_str()),
        ("target", "未来"),
        "{got:?}"
    );
    assert_eq!(
        named("未来五年公营房屋总供应量预计约为160 000个单位。")[0].0,
        "公营房屋总供应量"
    );
    assert_eq!(named("今后5年全市新增就业10万人以上。")[0].0, "新增就业");
    // Without a future word the estimate reports.
    assert_eq!(
        one("公营房屋总供应量预计约为160 000个单位。")[0].0,
        "actual"
    );
}

#[test]
fn traditional_script_reads_as_simplified() {
    // The same sentences in both scripts give the same findings: every character of the
    // extractor's words folds (較, 漲, 別, 佔, 擬, 躍, 邁 …).
    for (simplified, traditional) in [
        (
            "全县一般公共预算收入较上年增长6.2%，分别占全市的12%。",
            "全縣一般公共預算收入較上年增長6.2%，分別佔全市的12%。",
        ),
        (
            "今年拟新建幼儿园12所，力争居民消费价格涨幅控制在3%左右。",
            "今年擬新建幼兒園12所，力爭居民消費價格漲幅控制在3%左右。",
        ),
        (
            "全区生产总值跃居全省第3位，迈上500亿元新台阶。",
            "全區生產總值躍居全省第3位，邁上500億元新臺階。",
        ),
        (
            "城乡居民人均可支配收入分别增长5.1%、6.8%，较上年提高0.3个百分点。",
            "城鄉居民人均可支配收入分別增長5.1%、6.8%，較上年提高0.3個百分點。",
        ),
    ] {
        // The status cue quotes the text as written, so it is compared by length.
        let plain = |rows: Vec<Row>| -> Vec<Row> {
            rows.into_iter()
                .map(|mut r| {
                    r.5 = r.5.chars().count().to_string();
                    r
                })
                .collect()
        };
        let a = plain(one(simplified));
        assert!(!a.is_empty(), "{simplified}");
        assert_eq!(a, plain(one(traditional)), "{traditional}");
        assert_eq!(named(simplified).len(), named(traditional).len());
    }
}

#[test]
fn more_than_n_reports_beside_an_action_verb() {
    // "N余次" counts what was done: it outweighs an action verb (开展), which plans and
    // reviews share; a floor (以上) after the same verb still plans.
    let got = one("开展“走出去、请进来”活动320余次。");
    assert_eq!((got[0].0.as_str(), got[0].5.as_str()), ("actual", "余"));
    assert_eq!(one("开展招商活动320次以上。")[0].0, "target");
}

#[test]
fn changes_told_with_adverbs_and_period_words() {
    // 再 before a change verb and 提高超 (not 高超) leave the subject before.
    let got = named("我国森林覆盖率将从目前的23.04%再提高超1个百分点，达到24.1%。");
    assert_eq!(
        got,
        [
            n("我国森林覆盖率", "=", "23.04", "%"),
            n("我国森林覆盖率", ">", "1", "个百分点"),
            n("我国森林覆盖率", "=", "24.1", "%"),
        ]
    );
    // 全年 before the predicate goes whole.
    assert_eq!(named("全年地区生产总值增长6.3%。")[0].0, "地区生产总值");
}

#[test]
fn a_month_without_a_year_is_the_date_a_progress_report_counts_to() {
    // "至9月底" dates what is done so far; a year or 前 makes it a plan's horizon.
    let got = one("至9月底，全市完成固定资产投资120亿元，为年度计划的75%。");
    assert!(got.iter().all(|f| f.0 == "actual"), "{got:?}");
    assert_eq!(got.len(), 2, "{got:?}");
    for text in [
        "到2027年6月底，建成城市快速路40公里。",
        "到6月底前，完成老旧小区改造30个。",
    ] {
        let got = one(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, "target", "{text}: {got:?}");
    }
}

#[test]
fn winning_funds_is_an_action_not_a_stretch_tier() {
    // 争取 of money granted from above is the verb of winning it: a review reports it,
    // a plan sets it, and neither makes it a stretch tier.
    let got = one("过去一年，向上争取中央预算内资金12.5亿元，同比增长8%。");
    assert!(got.iter().all(|f| f.0 == "actual" && !f.4), "{got:?}");
    let got = one("今年要争取上级补助资金50亿元以上。");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0 == "target" && !got[0].4, "{got:?}");
    // 投资金额 is no money granted: 争取 of it is a stretch tier, as of a figure.
    let got = one("争取完成投资金额50亿元。");
    assert!(got.len() == 1 && got[0].4, "{got:?}");
    // 争取 of a figure is a stretch tier still.
    let got = one("地区生产总值增长6%，争取达到7%。");
    let stretch: Vec<bool> = got.iter().map(|f| f.4).collect();
    assert_eq!(stretch, [false, true], "{got:?}");
}

#[test]
fn livestock_are_counted_by_the_head_and_poultry_by_the_bird() {
    let got = one("全年生猪出栏6248.0万头，比上年增长1.6%；家禽出栏6.5亿羽。");
    let values: Vec<(Option<String>, Option<String>)> =
        got.iter().map(|f| (f.2.clone(), f.3.clone())).collect();
    let v = |value: &str, unit: &str| (Some(value.to_string()), Some(unit.to_string()));
    assert_eq!(
        values,
        [v("62480000", "头"), v("1.6", "%"), v("650000000", "羽")],
        "{got:?}"
    );
    assert!(got.iter().all(|f| f.0 == "actual"), "{got:?}");
    let q = planwatch::Quantity::parse("1.2万头").unwrap();
    let head = planwatch::Unit::parse("头").unwrap();
    assert_eq!(
        q.to(head).unwrap().value(),
        planwatch::Decimal::from(12_000)
    );
}
