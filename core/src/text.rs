//! Character normalisation shared by every parser.
//!
//! Reports reach us as PDF extractions and reposts: full-width digits and symbols,
//! traditional characters, odd spaces. Parsers look at each character through
//! [`fold`] instead of rewriting the input first, so every offset they report is an
//! offset into the text the caller gave.

/// Folds one character to the form the parsers match against: full-width ASCII
/// variants to ASCII, the ideographic space and NBSP to a space, the minus sign and
/// similar dashes to `-`, and the traditional forms of characters that occur in
/// numbers and units to their simplified forms.
pub fn fold(c: char) -> char {
    match c {
        // Full-width forms of ASCII (！ to ～) sit at a fixed distance from ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => ' ',
        '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{FE63}' => '-',
        '\u{3002}' => '。',
        '\u{301C}' => '~',
        '億' => '亿',
        '萬' => '万',
        '兩' => '两',
        '點' => '点',
        '負' => '负',
        '陸' => '六',
        '貳' | '贰' => '二',
        '壹' => '一',
        '參' | '叁' => '三',
        '肆' => '四',
        '伍' => '五',
        '柒' => '七',
        '捌' => '八',
        '玖' => '九',
        '拾' => '十',
        '佰' => '百',
        '仟' => '千',
        '長' => '长',
        '規' => '规',
        '區' => '区',
        '個' => '个',
        '門' => '门',
        '幣' => '币',
        '圓' => '圆',
        '項' => '项',
        '條' => '条',
        '張' => '张',
        '輛' => '辆',
        '臺' | '颱' => '台',
        '處' => '处',
        '場' => '场',
        '間' => '间',
        '戶' => '户',
        '噸' => '吨',
        '畝' => '亩',
        '頃' => '顷',
        '裡' | '裏' => '里',
        '歲' => '岁',
        '級' => '级',
        '達' => '达',
        '於' => '于',
        '過' => '过',
        '內' => '内',
        '兒' => '儿',
        '約' => '约',
        '爭' => '争',
        '實' => '实',
        '現' => '现',
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
