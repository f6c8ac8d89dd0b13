//! Character normalisation shared by every parser.
//!
//! Reports reach us as PDF extractions and reposts: full-width digits and symbols,
//! traditional characters, odd spaces. Parsers look at each character through
//! [`fold`] instead of rewriting the input first, so every offset they report is an
//! offset into the text the caller gave.

/// Folds one character to the form the parsers and the extractor match against:
/// full-width ASCII variants to ASCII, the ideographic space and NBSP to a space, the
/// minus sign and similar dashes to `-`, and traditional characters to their
/// simplified forms ([`TRADITIONAL`]). One table, computed once for the Basic
/// Multilingual Plane, so folding is one array read.
#[inline]
pub fn fold(c: char) -> char {
    let u = c as u32;
    // ASCII folds to itself: the common case needs no table.
    if u < 0x80 {
        return c;
    }
    if u <= 0xFFFF {
        char::from_u32(FOLD[u as usize] as u32).unwrap_or(c)
    } else {
        c
    }
}

/// The crate's one traditional → simplified table, as pairs: each traditional
/// character followed by its simplified form. It covers the characters of numerals
/// (億 萬 兩 點 and the financial digits 壹 貳 …), units and measure words, and every
/// word the extractor matches (`extract/lexicon.rs`). A missed traditional form is
/// added here, once. The last lines were checked against OpenCC's character table
/// (`TSCharacters`, with the Taiwan and Hong Kong variants): every traditional character
/// with one simplified form that occurs in the extractor's words. 著 stays out, because
/// simplified text uses it too (显著).
pub(crate) const TRADITIONAL: &str = "預预計计劃划確确將将總总產产業业與与進进開开設设發发積积這这標标對对導导務务質质環环經经濟济會会員员體体動动價价\
據据應应並并當当從从數数費费轉转變变選选樣样帶带幫帮戰战氣气關关網网興兴優优縣县鄉乡鎮镇單单為为來来們们醫医療疗\
衛卫學学師师農农職职護护綠绿態态線线軌轨鐵铁車车電电熱热資资財财稅税營营銷销貿贸額额準准範范檢检驗验證证認认創创\
術术專专機机構构組组織织團团隊队議议決决辦办歸归屬属勢势傳传統统給给紅红紀纪結结續续維维綜综編编繼继縮缩績绩繳缴\
釋释鋼钢錢钱鏈链閑闲閱阅問问陽阳險险隨随隱隐雙双雜杂離离難难靈灵頁页順顺須须領领頻频題题願愿類类顯显風风飛飞館馆\
馬马駐驻鬥斗魚鱼鳥鸟麥麦黃黄齊齐齡龄龍龙儲储冊册減减準准淨净劃划則则剛刚勁劲勞劳勵励協协參参員员啟启單单嚴严園园\
圍围國国圖图團团執执堅坚報报塊块壓压壞坏壯壮夢梦奪夺奮奋婦妇孫孙寧宁審审寫写寬宽尋寻層层島岛峽峡師师幹干廣广廠厂\
廢废廳厅強强彈弹徑径復复徵征慮虑懷怀擁拥擇择擊击擔担擴扩攝摄敗败斷断時时晉晋書书棟栋極极樂乐樓楼樹树橋桥權权歡欢\
歷历殘残毀毁決决沒没況况溝沟滿满滬沪漢汉濱滨災灾無无煙烟爾尔牆墙獎奖獨独獲获畫画盤盘盡尽監监眾众礎础禮礼種种稱称\
穩稳窮穷競竞筆笔築筑節节簡简糧粮紙纸細细終终絡络練练罰罚聯联聲声聽听肅肃脫脱腦脑舉举莊庄華华蘇苏號号虧亏裝装製制\
複复視视親亲覽览觀观訂订討讨訓训記记許许診诊評评試试話话該该詳详語语說说調调請请論论諮咨謀谋識识讓让貨货責责貧贫\
購购貫贯貼贴賓宾賴赖贈赠贏赢趕赶趨趋跡迹踐践軍军軟软載载輔辅輕轻輸输轄辖運运連连遊游遠远適适遲迟遺遗還还邊边銀银\
銅铜鋪铺錄录閉闭階阶際际雖虽雲云靜静頭头顧顾養养餘余驅驱點点黨党濕湿衝冲幾几門门個个條条張张輛辆處处場场間间戶户\
噸吨畝亩頃顷歲岁級级達达於于過过內内兒儿約约爭争實实現现億亿萬万長长規规區区兩两負负項项臺台態态總总廠厂採采穫获\
蓋盖貸贷屆届陸六貳二贰二壹一叁三肆四伍五柒七捌八玖九拾十佰百仟千幣币圓圆颱台裡里裏里\
箇个臨临爲为産产衆众脩修兌兑齣出別别彆别韆千昇升陞升佔占蔘参髮发隻只檯台枱台閤合衕同後后嚮向曏向啓启迴回糰团睏困備备傢家\
壽寿侷局嵗岁佈布蓆席併并牀床纔才紮扎撫抚擬拟撥拨掛挂撐撑斬斩旂旗旣既舊旧朮术査查覈核歐欧畢毕汙污測测濃浓漲涨鞦秋籌筹簽签\
籤签繫系係系纍累綱纲納纳綫线繞绕緑绿羣群榮荣補补錶表訪访課课談谈賬账賃赁躍跃躋跻輪轮較较邁迈違违踰逾鄰邻寀采埰采針针鍼针\
鎖锁鑼锣鎭镇麫面舘馆";

static FOLD: std::sync::LazyLock<Vec<u16>> = std::sync::LazyLock::new(|| {
    let mut table: Vec<u16> = (0..=0xFFFFu32)
        .map(|u| {
            char::from_u32(u)
                .map(fold_forms)
                .filter(|c| (*c as u32) <= 0xFFFF)
                .map(|c| c as u32 as u16)
                .unwrap_or(u as u16)
        })
        .collect();
    let chars: Vec<char> = TRADITIONAL.chars().filter(|c| !c.is_whitespace()).collect();
    for p in chars.chunks(2).filter(|p| p.len() == 2) {
        let (from, to) = (p[0] as u32, p[1] as u32);
        if from <= 0xFFFF && to <= 0xFFFF {
            table[from as usize] = to as u16;
        }
    }
    table
});

/// Full-width forms, spaces, dashes: the folds that are not traditional characters.
fn fold_forms(c: char) -> char {
    match c {
        // Full-width forms of ASCII (！ to ～) sit at a fixed distance from ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
        '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{FE63}' => '-',
        '\u{3002}' => '。',
        '\u{301C}' => '~',
        _ => c,
    }
}

/// True for characters that separate tokens inside a number phrase: ASCII and
/// full-width spaces, NBSP, tabs and line breaks (PDF extraction breaks lines anywhere).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || fold(c) == ' '
}

/// A cursor over a string that yields folded characters with their byte offsets.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cursor<'a> {
    pub(crate) src: &'a str,
    pub(crate) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(src: &'a str, pos: usize) -> Cursor<'a> {
        Cursor { src, pos }
    }

    /// The next folded character, without consuming it.
    pub(crate) fn peek(&self) -> Option<char> {
        self.src.get(self.pos..)?.chars().next().map(fold)
    }

    /// The folded character after the next one.
    pub(crate) fn peek2(&self) -> Option<char> {
        let mut it = self.src.get(self.pos..)?.chars();
        it.next();
        it.next().map(fold)
    }

    /// Consumes one character and returns it folded.
    pub(crate) fn bump(&mut self) -> Option<char> {
        let c = self.src.get(self.pos..)?.chars().next()?;
        self.pos += c.len_utf8();
        Some(fold(c))
    }

    /// Skips spaces (see [`is_space`]); returns how many bytes were skipped.
    pub(crate) fn skip_spaces(&mut self) -> usize {
        let start = self.pos;
        while let Some(c) = self.src.get(self.pos..).and_then(|s| s.chars().next()) {
            if !is_space(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
        self.pos - start
    }

    /// True at the end of the input.
    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    /// If the folded input at the cursor starts with `word` (compared folded and,
    /// for ASCII letters, case-insensitively), consumes it and returns true.
    /// Like [`Cursor::eat`], but PDF spaces may stand between the characters of
    /// `word` ("百 分 之"). Nothing is consumed when it does not match.
    pub(crate) fn eat_spaced(&mut self, word: &str) -> bool {
        let mut probe = *self;
        for (k, w) in word.chars().enumerate() {
            if k > 0 {
                probe.skip_spaces();
            }
            let mut buf = [0u8; 4];
            if !probe.eat(w.encode_utf8(&mut buf)) {
                return false;
            }
        }
        *self = probe;
        true
    }

    pub(crate) fn eat(&mut self, word: &str) -> bool {
        match starts_with_folded(&self.src[self.pos..], word) {
            Some(len) => {
                self.pos += len;
                true
            }
            None => false,
        }
    }
}

/// If `text` starts with `word` after folding (ASCII letters case-insensitively),
/// returns the number of bytes of `text` that matched.
pub(crate) fn starts_with_folded(text: &str, word: &str) -> Option<usize> {
    let mut it = text.char_indices();
    for w in word.chars() {
        let (_, c) = it.next()?;
        let c = fold(c);
        if c != w && !(c.is_ascii_alphabetic() && c.eq_ignore_ascii_case(&w)) {
            return None;
        }
    }
    Some(it.next().map(|(i, _)| i).unwrap_or(text.len()))
}

/// `s[a..b]` of a text or a slice, empty where that is no part of `s` (reversed, past
/// its end, or off a character boundary). Positions (a parser's cursor, the characters
/// around an extraction match) are computed; a wrong one then gives no text rather than a
/// panic (and the panic's location in the WebAssembly module). Wherever indexing would
/// not have panicked, it gives the same part.
pub(crate) trait Part {
    fn part(&self, a: usize, b: usize) -> &Self;
}

impl Part for str {
    fn part(&self, a: usize, b: usize) -> &str {
        self.get(a..b).unwrap_or_default()
    }
}

impl<T> Part for [T] {
    fn part(&self, a: usize, b: usize) -> &[T] {
        self.get(a..b).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_traditional() {
        assert_eq!(fold('１'), '1');
        assert_eq!(fold('％'), '%');
        assert_eq!(fold('．'), '.');
        assert_eq!(fold('億'), '亿');
        assert_eq!(fold('\u{3000}'), ' ');
        assert_eq!(fold('−'), '-');
        assert_eq!(fold('元'), '元');
    }

    #[test]
    fn prefix_match_reports_bytes_of_the_original() {
        assert_eq!(starts_with_folded("萬元x", "万元"), Some(6));
        assert_eq!(starts_with_folded("Billion yuan", "billion"), Some(7));
        assert_eq!(starts_with_folded("亿", "亿元"), None);
    }
}

#[cfg(test)]
mod fold_tests {
    use super::*;

    #[test]
    fn one_table_folds_forms_and_traditional_characters() {
        let n = TRADITIONAL.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(n % 2, 0, "the table is pairs");
        for (from, to) in [
            ('億', '亿'),
            ('將', '将'),
            ('貳', '二'),
            ('贰', '二'),
            ('１', '1'),
            ('\u{3000}', ' '),
            ('\u{2212}', '-'),
            ('亿', '亿'),
            ('😀', '😀'),
        ] {
            assert_eq!(fold(from), to, "{from}");
        }
    }
}
