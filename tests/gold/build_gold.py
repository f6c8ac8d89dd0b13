#!/usr/bin/env python3
"""Builds tests/gold/seed.jsonl and tests/gold/seed_excluded.jsonl from the
hand-checked finding table below.  Every entry was read off the seed text by a
person; this script only turns anchors (unique context strings) into character
offsets and derives the `sentence` field mechanically.  Values and units are
typed by hand here and re-derived independently by check_gold.py.

Usage: python3 tests/gold/build_gold.py [path/to/seed.txt]
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "shared", "seeds", "000_e2dc67d99fd687ff.txt")
if not os.path.exists(SEED):
    SEED = "/work/shared/seeds/000_e2dc67d99fd687ff.txt"
TEXT = open(SEED, encoding="utf-8").read()

HEADING = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)")


def unique(ctx):
    i = TEXT.find(ctx)
    assert i >= 0, f"context not found: {ctx!r}"
    assert TEXT.find(ctx, i + 1) < 0, f"context not unique: {ctx!r}"
    return i


def sentence_bounds(s, e):
    """[start, end) of the sentence holding [s, e): from the previous 。/；/！/？,
    bullet '- ', heading line or line ending in '：', to the next 。 (inclusive)."""
    b = max(TEXT.rfind(c, 0, s) for c in "。；！？") + 1
    # bullets and heading / colon lines between b and s
    pos = b
    for m in re.finditer(r"\n", TEXT[b:s]):
        ls = b + m.end()  # start of a line
        le = TEXT.find("\n", ls)
        le = len(TEXT) if le < 0 else le
        line = TEXT[ls:le]
        if line.startswith("- "):
            pos = max(pos, ls + 2)
        elif HEADING.match(line) or line.rstrip().endswith("："):
            if le < s:
                pos = max(pos, le + 1)
    b = pos
    while TEXT[b] in " \n\u3000" or TEXT.startswith("**", b) or TEXT.startswith("- ", b):
        b += 2 if TEXT.startswith("**", b) or TEXT.startswith("- ", b) else 1
    end = TEXT.find("。", e)
    assert end >= 0
    return b, end + 1


FINDINGS = []


def add(status, ctx, expr, ind, measure, op, value, unit, value_hi=None,
        stretch=False, by=None, cum=False, ind_ctx=None):
    c = unique(ctx)
    k = ctx.find(expr)
    assert k >= 0, (ctx, expr)
    s, e = c + k, c + k + len(expr)
    ss, se = sentence_bounds(s, e)
    if ind_ctx is not None:
        ic = unique(ind_ctx)
        ik = ind_ctx.find(ind)
        assert ik >= 0, (ind_ctx, ind)
        i_s = ic + ik
    else:
        # occurrence of the indicator inside the sentence closest to the number
        best = None
        for m in re.finditer(re.escape(ind), TEXT[ss:se]):
            a, z = ss + m.start(), ss + m.end()
            if z <= s:
                gap = s - z
            elif a >= e:
                gap = a - e
            else:
                continue
            if best is None or gap < best[0]:
                best = (gap, a)
        assert best is not None, f"indicator {ind!r} not in sentence of {ctx!r}"
        i_s = best[1]
    FINDINGS.append({
        "status": status,
        "indicator": ind,
        "indicator_span": [i_s, i_s + len(ind)],
        "span": [s, e],
        "measure": measure,
        "op": op,
        "value": value,
        "value_hi": value_hi,
        "unit": unit,
        "stretch": stretch,
        "by": by,
        "cumulative": cum,
        "sentence": TEXT[ss:se],
    })


def A(*a, **k):
    add("actual", *a, **k)


def T(*a, **k):
    add("target", *a, **k)


# ---------------------------------------------------------------- part 一
# （一）主要经济指标完成情况
A("本地生产总值同比增长 5.1%", "5.1%", "本地生产总值", "growth", "=", "5.1", "%")
A("规模以上工业增加值同比增长 6.9%", "6.9%", "规模以上工业增加值", "growth", "=", "6.9", "%")
A("社会消费品零售总额同比增长 7.5%", "7.5%", "社会消费品零售总额", "growth", "=", "7.5", "%")
A("固定资产投资额同比增长 12.2%", "12.2%", "固定资产投资额", "growth", "=", "12.2", "%")
A("外贸进出口总额同比增长 8.7%", "8.7%", "外贸进出口总额", "growth", "=", "8.7", "%")
A("一般公共预算收入自然口径同比增长 5.9%", "5.9%", "一般公共预算收入", "growth", "=", "5.9", "%")
# （二）经济高质量发展成效显著
A("增加值达 4738.01 亿元", "4738.01 亿元", "战略性新兴产业增加值", "level", "=", "473801000000", "元")
A("GDP 比重达 55.3%", "55.3%", "战略性新兴产业增加值", "share", "=", "55.3", "%")
A("全市 80%以上深地深海企业", "80%", "深地深海企业", "share", ">=", "80", "%")
A("集聚区块链企业超 5000 家", "5000 家", "区块链企业", "count", ">", "5000", "家")
A("总量居全市第一", "第一", "总量", "rank", "=", "1", "名次")
A("政府引导基金 52 支", "52 支", "政府引导基金", "count", "=", "52", "支", cum=True)
A("滚动投资金额达 1120.78 亿元", "1120.78 亿元", "滚动投资金额", "level", "=", "112078000000", "元")
A("培育 162 个上市项目", "162 个", "上市项目", "count", "=", "162", "个")
A("办理企业诉求 1220 项", "1220 项", "企业诉求", "count", "=", "1220", "项", by="全年")
A("产业扶持资金 39.8 亿元", "39.8 亿元", "产业扶持资金", "level", "=", "3980000000", "元", cum=True)
A("惠及企业超 5000 家", "5000 家", "企业", "count", ">", "5000", "家")
A("新登记商事主体 7.8 万家", "7.8 万家", "新登记商事主体", "count", "=", "78000", "家", by="全年")
A("首超 10000 家", "10000 家", "在库“四上”企业", "count", ">", "10000", "家", by="全年")
A("“小巨人”累计达 233 家", "233 家", "专精特新“小巨人”", "count", "=", "233", "家", cum=True)
A("数量全市第一", "第一", "数量", "rank", "=", "1", "名次")
A("上市企业累计达 211 家", "211 家", "上市企业", "count", "=", "211", "家", cum=True)
A("密度全国第一", "第一", "密度", "rank", "=", "1", "名次")
A("升级改造 10.5 万平方米物业", "10.5 万平方米", "物业", "level", "=", "105000", "平方米")
A("14 家企业成功入驻", "14 家", "企业", "count", "=", "14", "家")
A("意向入驻企业数量 5 家", "5 家", "意向入驻企业数量", "count", "=", "5", "家")
A("完成 131.4 公顷高品质产业空间", "131.4 公顷", "高品质产业空间", "level", "=", "131.4", "公顷")
A("产业用房面积超 16 万平方米", "16 万平方米", "产业用房面积", "level", ">", "160000", "平方米", by="全年")
A("等 357 个重点招商引资项目", "357 个", "重点招商引资项目", "count", "=", "357", "个")
A("等 160 个重点招商引资项目", "160 个", "重点招商引资项目", "count", "=", "160", "个")
A("累计注册资本 1490 亿元", "1490 亿元", "注册资本", "level", "=", "149000000000", "元", cum=True)
A("投资总额超 1800 亿元", "1800 亿元", "投资总额", "level", ">", "180000000000", "元")
A("电商消费金额超 12 亿元", "12 亿元", "电商消费金额", "level", ">", "1200000000", "元")
A("汽车订单销售额 190 亿元", "190 亿元", "汽车订单销售额", "level", "=", "19000000000", "元")
# （三）改革开放力度持续加大
A("五大领域 60 项改革任务", "60 项", "改革任务", "count", "=", "60", "项")
A("41 项营商环境创新试点任务", "41 项", "营商环境创新试点任务", "count", "=", "41", "项")
A("599 项区级政务服务事项", "599 项", "区级政务服务事项", "count", "=", "599", "项")
A("150 项实现“无感申办”", "150 项", "无感申办", "count", "=", "150", "项")
A("用证次数超过 212 万次", "212 万次", "用证次数", "count", ">", "2120000", "次")
A("4 个深港合作项目", "4 个", "深港合作项目", "count", "=", "4", "个")
A("约项目 20 多项", "20 多项", "项目", "count", ">", "20", "项")
# （四）科技创新能级显著提升
A("深圳大学 16 个学科", "16 个", "学科", "count", "=", "16", "个")
A("8 家功能性平台机构", "8 家", "功能性平台机构", "count", "=", "8", "家")
A("14 款国产 EDA 工具", "14 款", "国产 EDA 工具", "count", "=", "14", "款")
A("孵化器总数达 17 家", "17 家", "国家级孵化器总数", "count", "=", "17", "家")
A("占全市 36.2%", "36.2%", "国家级孵化器总数", "share", "=", "36.2", "%")
A("备案孵化载体达 280 家", "280 家", "备案孵化载体", "count", "=", "280", "家")
A("发行 8 期知识产权证券化产品", "8 期", "知识产权证券化产品", "count", "=", "8", "期")
A("金额达 19.73 亿元", "19.73 亿元", "金额", "level", "=", "1973000000", "元")
A("惠及企业 152 家", "152 家", "企业", "count", "=", "152", "家")
A("登记金额达 101.76 亿元", "101.76 亿元", "专利商标质押融资登记金额", "level", "=", "10176000000", "元", cum=True)
A("金额同比增长 74.58%", "74.58%", "金额", "growth", "=", "74.58", "%")
A("有效发明专利 12.25 万件", "12.25 万件", "国内有效发明专利", "count", "=", "122500", "件", cum=True)
A("占全市 41.36%", "41.36%", "国内有效发明专利", "share", "=", "41.36", "%")
A("发明专利拥有量 676.92 件", "676.92 件", "每万人发明专利拥有量", "ratio", "=", "676.92", "件")
A("为全国 23.7 倍", "23.7 倍", "每万人发明专利拥有量", "ratio", "=", "23.7", "倍")
A("高水平人才团队 77 支", "77 支", "高水平人才团队", "count", "=", "77", "支")
A("留学归国人才 3026 名", "3026 名", "留学归国人才", "count", "=", "3026", "人")
A("全职院士达 72 位", "72 位", "全职院士", "count", "=", "72", "人")
A("特聘岗位人才达 1018 名", "1018 名", "“鹏城孔雀计划”特聘岗位人才", "count", "=", "1018", "人")
A("“领航人才”超 3407 人", "3407 人", "领航人才", "count", ">", "3407", "人")
A("高层次人才超 1.2 万人", "1.2 万人", "市级以上高层次人才", "count", ">", "12000", "人")
A("实训基地 264 家", "264 家", "实训基地", "count", "=", "264", "家")
A("实训学生 9539 人", "9539 人", "实训学生", "count", "=", "9539", "人", cum=True)
# （五）文化体育事业繁荣发展
A("首拍成交额达 4.64 亿元", "4.64 亿元", "首拍成交额", "level", "=", "464000000", "元")
A("指数排名第一", "第一", "文化产业综合发展指数", "rank", "=", "1", "名次")
A("开展 700 余场公共文化活动", "700 余场", "公共文化活动", "count", ">", "700", "场", by="全年")
A("补贴票 16000 余张", "16000 余张", "补贴票", "count", ">", "16000", "张", by="全年")
A("共计 458 场次", "458 场次", "培训、演出、讲座、展览", "count", "=", "458", "场次", by="全年")
A("受众超 150 万人次", "150 万人次", "线上线下受众", "count", ">", "1500000", "人次", by="全年")
A("读者活动 1273\n\n场次", "1273\n\n场次", "读者活动", "count", "=", "1273", "场次", by="全年")
A("受众 49.92 万人次", "49.92 万人次", "受众", "count", "=", "499200", "人次", by="全年")
A("总营收约 54.21 亿元", "54.21 亿元", "旅游企业总营收", "level", "~", "5421000000", "元")
A("同比增长 43.96%", "43.96%", "旅游企业总营收", "growth", "=", "43.96", "%")
A("8 名南山运动员", "8 名", "南山运动员", "count", "=", "8", "人")
A("斩获 3 金", "3 金", "金", "count", "=", "3", "金", ind_ctx="斩获 3 金")
A("1 银", "1 银", "银", "count", "=", "1", "银", ind_ctx="1 银")
A("2 铜", "2 铜", "铜", "count", "=", "2", "铜", ind_ctx="2 铜")
A("18 所“高水平运动项目学校”", "18 所", "高水平运动项目学校", "count", "=", "18", "所")
A("57 所“体育传统特色学校”", "57 所", "体育传统特色学校", "count", "=", "57", "所")
# （六）生态文明建设成效显著
A("启动 8 次大气应急强化减排", "8 次", "大气应急强化减排", "count", "=", "8", "次")
A("降至 18.2 微克/立方米", "18.2 微克/立方米", "PM2.5 浓度", "level", "=", "18.2", "微克/立方米")
A("长度占比达 97.3%", "97.3%", "优良河流长度占比", "share", "=", "97.3", "%")
A("均 100%达标", "100%", "声环境功能区", "share", "=", "100", "%")
A("公园总数达 191 个", "191 个", "公园总数", "count", "=", "191", "个")
A("绿地面积达 20.14 平方米/人", "20.14 平方米/人", "人均公园绿地面积", "ratio", "=", "20.14", "平方米/人")
A("立体绿化 2.5 万平方米", "2.5 万平方米", "立体绿化", "level", "=", "25000", "平方米", by="全年")
A("共建花园项目 15 个", "15 个", "共建花园项目", "count", "=", "15", "个", by="全年")
A("林荫道 60 条", "60 条", "林荫道", "count", "=", "60", "条", by="全年")
A("乔木约 10000 株", "10000 株", "乔木", "count", "~", "10000", "株", by="全年")
A("建成 12 处垃圾分流处理基地", "12 处", "垃圾分流处理基地", "count", "=", "12", "处")
A("住宅区垃圾分类 100%全覆盖", "100%", "住宅区垃圾分类", "share", "=", "100", "%")
A("蒲公英校园创建 100%全覆盖", "100%", "垃圾分类蒲公英校园", "share", "=", "100", "%")
A("废旧家具处理能力提升至 120 吨/日", "120 吨/日", "废旧家具处理能力", "level", "=", "120", "吨/日")
A("玻金塑纸处理能力提升至 180 吨/日", "180 吨/日", "玻金塑纸处理能力", "level", "=", "180", "吨/日")
A("充电设施约 4 万个", "4 万个", "新能源汽车充电设施", "count", "~", "40000", "个", cum=True)
A("超充站 22 个", "22 个", "超充站", "count", "=", "22", "个", cum=True)
A("V2G 示范站 12 个", "12 个", "V2G 示范站", "count", "=", "12", "个", cum=True)
A("并网规模超 20 兆瓦", "20 兆瓦", "光伏并网规模", "level", ">", "20000000", "瓦")
# （七）城区治理水平稳步提高
A("建设用地 142.80 公顷", "142.80 公顷", "建设用地", "level", "=", "142.8", "公顷")
A("土地供应 15.38 公顷", "15.38 公顷", "城市更新土地供应", "level", "=", "15.38", "公顷")
A("土地整备任务 54 公顷", "54 公顷", "土地整备任务", "level", "=", "54", "公顷")
A("298 座短板公厕", "298 座", "短板公厕", "count", "=", "298", "座")
A("100 个小区完成二次供水", "100 个", "小区", "count", "=", "100", "个")
A("272 个小区排水老旧管网", "272 个", "小区排水老旧管网", "count", "=", "272", "个")
A("创建比例达到 89.78%", "89.78%", "污水零直排小区创建比例", "share", "=", "89.78", "%")
A("10 个任务村", "10 个", "任务村", "count", "=", "10", "个")
A("达标片区 1 个", "1 个", "达标片区", "count", "=", "1", "个")
A("达标面积超 10 平方千米", "10 平方千米", "建成区达标面积", "level", ">", "10000000", "平方米")
A("等 7 个街道", "7 个", "街道", "count", "=", "7", "个")
A("等 8 个市政项目", "8 个", "市政项目", "count", "=", "8", "个")
A("6 个市政道路项目", "6 个", "市政道路项目", "count", "=", "6", "个")
A("第一批 22 条", "22 条", "“两不管”道路改造整治示范工程项目", "count", "=", "22", "条")
A("光纤点位建设 1167 个", "1167 个", "光纤点位", "count", "=", "1167", "个")
A("基站 1.05 万个", "1.05 万个", "5G 基站", "count", "=", "10500", "个")
A("AP 点位 2.5 万个", "2.5 万个", "“无线南山”AP 点位", "count", "=", "25000", "个")
A("BIM 建模 9700 万平方米", "9700 万平方米", "重要建筑 BIM 建模", "level", "=", "97000000", "平方米")
A("开展 100 余项智能化应用试点探索", "100 余项", "智能化应用试点探索", "count", ">", "100", "项")
# （八）民生幸福建设不断增进
A("民生九项支出 293.93 亿元", "293.93 亿元", "民生九项支出", "level", "=", "29393000000", "元")
A("出 68.1%", "68.1%", "民生九项支出", "share", "=", "68.1", "%")
A("诉求工单 23 万件", "23 万件", "民生诉求工单", "count", "=", "230000", "件")
A("100%按时办结", "100%", "民生诉求工单", "share", "=", "100", "%")
A("义务教育学位 13740 座", "13740 座", "义务教育学位", "count", "=", "13740", "座")
A("学前教育学位 2415 座", "2415 座", "学前教育学位", "count", "=", "2415", "座")
A("7 个基础教育集团", "7 个", "基础教育集团", "count", "=", "7", "个")
A("新增 2 个幼教集团", "2 个", "幼教集团", "count", "=", "2", "个")
A("18 个幼教集团", "18 个", "幼教集团", "count", "=", "18", "个")
A("全科医生达 1246 名", "1246 名", "全科医生", "count", "=", "1246", "人")
A("签约率超 93%", "93%", "家庭医生重点人群签约率", "share", ">", "93", "%")
A("超总诊疗量五成", "五成", "社康机构诊疗量", "share", ">", "50", "%")
A("90 家社康中心", "90 家", "社康中心", "count", "=", "90", "家")
A("数量达 3614 台", "3614 台", "自动体外除颤器（AED）数量", "count", "=", "3614", "台")
A("数量达 199 台", "199 台", "每 10 万人配置 AED 数量", "ratio", "=", "199", "台")
A("长者服务中心 6 家", "6 家", "街道长者服务中心", "count", "=", "6", "家")
A("长者服务站 28 个", "28 个", "社区长者服务站", "count", "=", "28", "个")
A("长者服务点 23 个", "23 个", "小区长者服务点", "count", "=", "23", "个")
A("示范街道 2 个", "2 个", "“四级养老服务网络”示范街道", "count", "=", "2", "个")
A("7.14 万名老年人", "7.14 万名", "老年人", "count", "=", "71400", "人")
A("100%区属综合医院", "100%", "区属综合医院", "share", "=", "100", "%")
A("90%社康机构", "90%", "社康机构", "share", "=", "90", "%")
A("32 项健康惠民项目", "32 项", "健康惠民项目", "count", "=", "32", "项")
A("筛查逾 2.5 万例", "2.5 万例", "筛查", "count", ">", "25000", "例")
A("托育机构托位 908 个", "908 个", "托育机构托位", "count", "=", "908", "个")
A("托位数达 2.6 个", "2.6 个", "每千人口托位数", "ratio", "=", "2.6", "个")
A("10 个市级儿童友好基地", "10 个", "市级儿童友好基地", "count", "=", "10", "个")
A("儿童友好基地 95 个", "95 个", "儿童友好基地", "count", "=", "95", "个")
A("政策奖补 1.23 亿元", "1.23 亿元", "稳就业政策奖补", "level", "=", "123000000", "元")
A("企业近 6 千家次", "6 千家次", "企业", "count", "~", "6000", "家次")
A("员工 7.3 万人次", "7.3 万人次", "员工", "count", "=", "73000", "人次")
A("培训基地 1 个", "1 个", "省级“粤菜师傅”培训基地", "count", "=", "1", "个")
A("高技能人才培训基地 33 个", "33 个", "市级高技能人才培训基地", "count", "=", "33", "个")
A("新增就业 18746 人", "18746 人", "新增就业", "count", "=", "18746", "人")
A("筹集共 30575 套（间）", "30575 套（间）", "保障性住房建设筹集", "count", "=", "30575", "套")
A("住房补租约 4.8 亿元", "4.8 亿元", "住房补租", "level", "~", "480000000", "元")
A("配售住房约 3000 套", "3000 套", "配售住房", "count", "~", "3000", "套")
A("配租约 4700 套", "4700 套", "配租", "count", "~", "4700", "套")
A("救助金 3846.69 万元", "3846.69 万元", "救助金", "level", "=", "38466900", "元")
A("福利补助 10331.67 万元", "10331.67 万元", "福利补助", "level", "=", "103316700", "元")
A("退役军人 3000 余人次", "3000 余人次", "退役军人", "count", ">", "3000", "人次")
# （九）发展韧性底线更加筑牢
A("65 个既有应急管理站", "65 个", "既有应急管理站", "count", "=", "65", "个")
A("21 个新建站", "21 个", "新建站", "count", "=", "21", "个")
A("大冲三个物资仓库", "三个", "物资仓库", "count", "=", "3", "个")
A("102 个深圳综合减灾社区", "102 个", "深圳综合减灾社区", "count", "=", "102", "个")
A("其中 26 个社区", "26 个", "社区", "count", "=", "26", "个")
# 首位 after 居 is first place, like 数量全市第一 above (issue 13 reads 榜首/首位 ranks).
A("数量居全市首位", "首位", "数量", "rank", "=", "1", "名次")
A("成功率大幅提升至 95%", "95%", "涉海救援成功率", "share", "=", "95", "%")
A("100%接入三防责任人", "100%", "三防责任人、森防责任人、消防救援队伍和应急管理站", "share", "=", "100", "%")
A("违规住人行为 2.3 万余次", "2.3 万余次", "“三小”场所违规住人行为", "count", ">", "23000", "次", cum=True)

# ---------------------------------------------------------------- part 二
T("本地生产总值增长 5.5%", "5.5%", "本地生产总值", "growth", ">=", "5.5", "%")
T("规模以上工业增加值增长 5%", "5%", "规模以上工业增加值", "growth", ">=", "5", "%")
T("固定资产投资额增长 10%", "10%", "固定资产投资额", "growth", ">=", "10", "%")
T("力争完成 2000 亿元", "2000 亿元", "固定资产投资额", "level", ">=", "200000000000", "元", stretch=True)
T("社会消费品零售总额增长 7%", "7%", "社会消费品零售总额", "growth", ">=", "7", "%")
T("外贸进出口总额增长 3%", "3%", "外贸进出口总额", "growth", ">=", "3", "%")
T("一般公共预算收入增长 0.3%", "0.3%", "一般公共预算收入", "growth", ">=", "0.3", "%")
T("新增就业人数 1.5 万人", "1.5 万人", "新增就业人数", "count", ">=", "15000", "人")
T("水耗完成市级下达指标任务", "市级下达指标任务", "万元 GDP 水耗", "ratio", "reference", None, None)

# ---------------------------------------------------------------- part 三
# （一）
T("至少 100 个技术改造", "100 个", "技术改造和设备更新项目", "count", ">=", "100", "个", by="全年")
T("组织为 142 家工业企业", "142 家", "工业企业", "count", ">=", "142", "家")
T("国家级单项冠军3个", "3个", "国家级单项冠军", "count", ">=", "3", "个", stretch=True)
# （二）
T("力争完成投资 200 亿元", "200 亿元", "投资", "level", ">=", "20000000000", "元", stretch=True)
T("力争完成投资 300 亿元", "300 亿元", "投资", "level", ">=", "30000000000", "元", stretch=True)
# （三）
T("R&D 突破 590 亿元", "590 亿元", "R&D", "level", ">", "59000000000", "元", by="年度")
# （五）
T("新增1个以上海绵城市达标片区", "1个", "海绵城市达标片区", "count", ">=", "1", "个")
T("改造5.45公里老旧市政供水管网", "5.45公里", "老旧市政供水管网", "level", ">=", "5450", "米")
T("新建3.6公里市政供水管网", "3.6公里", "市政供水管网", "level", ">=", "3600", "米")
T("5G基站780个", "780个", "5G基站", "count", ">=", "780", "个")
T("开展8个城中村", "8个", "城中村", "count", ">=", "8", "个")
T("新增10个以上应用场景", "10个", "应用场景", "count", ">=", "10", "个")
T("集约整合22个便民服务新媒体", "22个", "便民服务新媒体", "count", ">=", "22", "个")
# （六）
T("等6个展览", "6个", "展览", "count", ">=", "6", "个")
# （七）
T("升级改造26家社康机构", "26家", "社康机构", "count", ">=", "26", "家")
T("义务教育学位10320座", "10320座", "义务教育学位", "count", ">=", "10320", "座")
T("学前教育学位1440座", "1440座", "学前教育学位", "count", ">=", "1440", "座")
T("第三批35所校园", "35所", "校园", "count", ">=", "35", "所")
T("儿童友好社区60%覆盖", "60%", "儿童友好社区", "share", ">=", "60", "%")
T("争取辖区30%社区", "30%", "社区", "share", ">=", "30", "%", stretch=True)
# （八）
T("完成90%污水零直排小区", "90%", "污水零直排小区", "share", ">=", "90", "%")
T("及55%零直排区", "55%", "零直排区", "share", ">=", "55", "%")
T("新增50亩人工造林", "50亩", "人工造林", "level", ">=", "50", "亩")
T("不少于700亩森林抚育", "700亩", "森林抚育", "level", ">=", "700", "亩")
T("累计建成60座超", "60座", "超\n\n充站", "count", ">=", "60", "座", stretch=True, by="到2024年底", cum=True)
# （九）
T("完成21座新建应急服务站", "21座", "新建应急服务站", "count", ">=", "21", "座")
T("完成1-2个深圳安全韧性社区", "1-2个", "深圳安全韧性社区", "count", "between", "1", "个", value_hi="2")
T("完成 12000 名", "12000 名", "应急第一响应人", "count", ">=", "12000", "人")


# ---------------------------------------------------------------- exclusions
# (anchor substring, rule).  An uncovered numeral occurrence is excluded by the
# first anchor occurrence in the text that contains it.  Anchors are searched
# everywhere, so they must be specific enough.
EXCLUDE = [
    # years and dates
    (re.compile(r"[0-9]{4}\s*年"), "year"),
    (re.compile(r"(?<![0-9.])(?:19|20)[0-9]{2}(?=\s*(?:第|海峡|中国|西丽))"), "year"),
    (re.compile(r"1 月 27 日"), "date"),
    (re.compile(r"过去一年"), "date"),
    # ordinals: meeting numbers, editions, batches, phases, sections, enumerators
    (re.compile(r"第[一二三四五六七八九十]+[届批次]"), "ordinal"),
    (re.compile(r"第\s*[0-9]+\s*[届批次]"), "ordinal"),
    (re.compile(r"[一二三四五六七八九十]+届[一二三四五六七八九十]+[中次]"), "ordinal"),
    (re.compile(r"[一二三四五六七八九十]+[届次](?:人大|全会|会议|党代会)"), "ordinal"),
    (re.compile(r"八届"), "ordinal"),
    (re.compile(r"十五届全运会"), "ordinal"),
    (re.compile(r"文件之七（1）"), "ordinal"),
    (re.compile(r"二十大"), "ordinal"),
    (re.compile(r"[一二三四五六七八九]期"), "ordinal"),
    (re.compile(r"^[一二三四五六七八九十]+、", re.M), "ordinal"),
    (re.compile(r"^（[一二三四五六七八九十]+）", re.M), "ordinal"),
    (re.compile(r"[一二三四]是"), "ordinal"),
    (re.compile(r"[0-9]+ 号线"), "ordinal"),
    (re.compile(r"5、6 号楼"), "ordinal"),
    # names: quoted slogans / policies / campaigns, proper nouns, product names
    (re.compile(r"“十四五”"), "name"),
    (re.compile(r"“[0-9+N]+”"), "name"),
    (re.compile(r"1\+计划"), "name"),
    (re.compile(r"5G"), "name"),
    (re.compile(r"PM2\.5"), "name"),
    (re.compile(r"V2G"), "name"),
    (re.compile(r"X9"), "name"),
    (re.compile(r"10500 总榜单"), "name"),
    (re.compile(r"AIPerf500"), "name"),
    (re.compile(r"110KV"), "name"),
    (re.compile(r"后海三 "), "name"),
    (re.compile(r"10 公里产业带"), "name"),
    (re.compile(r"“1[0-9]\s*分钟公"), "name"),
    (re.compile(r"“5\s*分钟救援圈”"), "name"),
    (re.compile(r"“金融支持前海30条”"), "name"),
    (re.compile(r"2\.0 版本"), "name"),
    (re.compile(r"“四上”"), "name"),
    (re.compile(r"“三小”"), "name"),
    (re.compile(r"三防"), "name"),
    (re.compile(r"“两不管”"), "name"),
    (re.compile(r"两岸"), "name"),
    (re.compile(r"“两\n\n癌”"), "name"),
    (re.compile(r"“两床融合”"), "name"),
    (re.compile(r"三甲"), "name"),
    (re.compile(r"零直排"), "name"),
    (re.compile(r"近?零碳"), "name"),
    (re.compile(r"零工"), "name"),
    (re.compile(r"零就业家庭"), "name"),
    (re.compile(r"零一学院"), "name"),
    (re.compile(r"二次供水"), "name"),
    (re.compile(r"民生九项支出"), "name"),
    (re.compile(r"“一次办”"), "name"),
    (re.compile(r"一网统管"), "name"),
    (re.compile(r"一张[网图]"), "name"),
    (re.compile(r"“一环六链、一路一岛”"), "name"),
    (re.compile(r"“一街道一重点”"), "name"),
    (re.compile(r"“三链融合”"), "name"),
    (re.compile(r"“三委合一”"), "name"),
    (re.compile(r"“十百千万”"), "name"),
    (re.compile(r"“万名干部助企行”"), "name"),
    (re.compile(r"千行百业"), "name"),
    (re.compile(r"千亿级"), "name"),
    (re.compile(r"百强区"), "name"),
    (re.compile(r"“百校焕新”"), "name"),
    (re.compile(r"“五连冠”"), "streak"),
    (re.compile(r"“五\n\n进”"), "name"),
    (re.compile(r"“四个规范化”"), "name"),
    (re.compile(r"“五个中心”"), "name"),
    (re.compile(r"四级养老服务网络"), "name"),
    (re.compile(r"晋国六百年"), "name"),
    (re.compile(r"帝国四方之地"), "name"),
    (re.compile(r"万象天地"), "name"),
    (re.compile(r"九米"), "name"),
    (re.compile(r"百旺"), "name"),
    (re.compile(r"七街坊"), "name"),
    (re.compile(r"四海公园"), "name"),
    (re.compile(r"南科二路"), "name"),
    (re.compile(r"智系三区"), "name"),
    (re.compile(r"南山半马"), "name"),
    (re.compile(r"应急第一响应人"), "name"),
    (re.compile(r"地表水Ⅲ类"), "name"),
    # words: lexicalised words that contain numeral characters
    (re.compile(r"进一步"), "word"),
    (re.compile(r"一般公共预算"), "word"),
    (re.compile(r"统一"), "word"),
    (re.compile(r"一流"), "word"),
    (re.compile(r"一体化"), "word"),
    (re.compile(r"一些"), "word"),
    (re.compile(r"第一要务"), "word"),
    (re.compile(r"这一中心"), "word"),
    (re.compile(r"举一反三"), "word"),
    (re.compile(r"新一轮"), "word"),
    (re.compile(r"半导体"), "word"),
    (re.compile(r"零售"), "word"),
    # indefinite quantities and design statements
    (re.compile(r"一批"), "indefinite"),
    (re.compile(r"实现一个平台"), "indefinite"),
    (re.compile(r"均建有一家"), "criterion"),
    # structure of a programme: N大X, N级, N个X as a framework
    (re.compile(r"[0-9一二三四五六七八九十]+\s*大(?:领域|企业服务|应用场景|方面)"), "structure"),
    (re.compile(r"[两三四]级"), "structure"),
    # denominators inside per-capita / intensity indicator names
    (re.compile(r"每\s*[0-9]*\s*[万千]人"), "denominator"),
    (re.compile(r"万元 GDP"), "denominator"),
    # criteria that define the counted category
    (re.compile(r"排名前 1%"), "criterion"),
    # streaks
    (re.compile(r"六连冠"), "streak"),
    (re.compile(r"连续[0-9一二三四五六七八九十\s]+[年届](?:第一)?"), "streak"),
    (re.compile(r"[0-9]+ 年连降"), "streak"),
    # zero-outcome statements (milestones, no quantity)
    (re.compile(r"零伤亡"), "milestone"),
    (re.compile(r"动态归零"), "milestone"),
]

NUM = re.compile(r"[0-9０-９]+(?:\.[0-9０-９]+)?|[零〇一二两三四五六七八九十百千万亿半]+|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+")


def occurrences():
    return [(m.start(), m.end(), m.group()) for m in NUM.finditer(TEXT)]


def build_excluded():
    spans = [f["span"] for f in FINDINGS]
    anchors = []
    for pat, rule in EXCLUDE:
        for m in pat.finditer(TEXT):
            anchors.append((m.start(), m.end(), rule))
    out, missing = [], []
    for s, e, tok in occurrences():
        if any(a <= s and e <= b for a, b in spans):
            continue
        rule = None
        for pat, r in EXCLUDE:  # first pattern (in list order) that covers it
            for m in pat.finditer(TEXT):
                if m.start() <= s and e <= m.end():
                    rule = r
                    break
            if rule:
                break
        if rule is None:
            missing.append((s, e, tok, TEXT[max(0, s - 10):e + 10]))
        else:
            out.append({"span": [s, e], "text": tok, "rule": rule})
    return out, missing


def main():
    FINDINGS.sort(key=lambda f: f["span"][0])
    excl, missing = build_excluded()
    for s, e, tok, ctx in missing:
        print("UNCLASSIFIED", s, e, tok, repr(ctx))
    with open(os.path.join(HERE, "seed.jsonl"), "w", encoding="utf-8") as fh:
        for f in FINDINGS:
            fh.write(json.dumps(f, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "seed_excluded.jsonl"), "w", encoding="utf-8") as fh:
        for x in excl:
            fh.write(json.dumps(x, ensure_ascii=False) + "\n")
    nt = sum(f["status"] == "target" for f in FINDINGS)
    print(f"{nt} targets, {len(FINDINGS) - nt} actuals, {len(excl)} excluded, {len(missing)} unclassified")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
