//! Display width of text in a terminal: East Asian Wide and Fullwidth characters take
//! two columns, combining marks and controls none, everything else one.
//!
//! The tables are the Wide (W) and Fullwidth (F) ranges of Unicode's
//! EastAsianWidth.txt, merged where adjacent, and the common combining-mark blocks.
//! Ambiguous-width characters (A: ±, ≥, —, box drawing …) count one column, as in
//! most terminals outside CJK locales; the text renderer therefore writes no
//! ambiguous characters of its own.

/// Wide and Fullwidth ranges (inclusive), sorted.
const WIDE: &[(u32, u32)] = &[
    (0x1100, 0x115F),
    (0x231A, 0x231B),
    (0x2329, 0x232A),
    (0x23E9, 0x23EC),
    (0x23F0, 0x23F0),
    (0x23F3, 0x23F3),
    (0x25FD, 0x25FE),
    (0x2614, 0x2615),
    (0x2648, 0x2653),
    (0x267F, 0x267F),
    (0x2693, 0x2693),
    (0x26A1, 0x26A1),
    (0x26AA, 0x26AB),
    (0x26BD, 0x26BE),
    (0x26C4, 0x26C5),
    (0x26CE, 0x26CE),
    (0x26D4, 0x26D4),
    (0x26EA, 0x26EA),
    (0x26F2, 0x26F3),
    (0x26F5, 0x26F5),
    (0x26FA, 0x26FA),
    (0x26FD, 0x26FD),
    (0x2705, 0x2705),
    (0x270A, 0x270B),
    (0x2728, 0x2728),
    (0x274C, 0x274C),
    (0x274E, 0x274E),
    (0x2753, 0x2755),
    (0x2757, 0x2757),
    (0x2795, 0x2797),
    (0x27B0, 0x27B0),
    (0x27BF, 0x27BF),
    (0x2B1B, 0x2B1C),
    (0x2B50, 0x2B50),
    (0x2B55, 0x2B55),
    (0x2E80, 0x303E),
    (0x3041, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA000, 0xA4CF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6F),
    (0xFF00, 0xFF60),
    (0xFFE0, 0xFFE6),
    (0x16FE0, 0x16FE4),
    (0x16FF0, 0x16FF1),
    (0x17000, 0x18CFF),
    (0x18D00, 0x18D08),
    (0x1AFF0, 0x1B2FF),
    (0x1F004, 0x1F004),
    (0x1F0CF, 0x1F0CF),
    (0x1F18E, 0x1F18E),
    (0x1F191, 0x1F19A),
    (0x1F200, 0x1F202),
    (0x1F210, 0x1F23B),
    (0x1F240, 0x1F248),
    (0x1F250, 0x1F251),
    (0x1F260, 0x1F265),
    (0x1F300, 0x1F320),
    (0x1F32D, 0x1F335),
    (0x1F337, 0x1F37C),
    (0x1F37E, 0x1F393),
    (0x1F3A0, 0x1F3CA),
    (0x1F3CF, 0x1F3D3),
    (0x1F3E0, 0x1F3F0),
    (0x1F3F4, 0x1F3F4),
    (0x1F3F8, 0x1F43E),
    (0x1F440, 0x1F440),
    (0x1F442, 0x1F4FC),
    (0x1F4FF, 0x1F53D),
    (0x1F54B, 0x1F54E),
    (0x1F550, 0x1F567),
    (0x1F57A, 0x1F57A),
    (0x1F595, 0x1F596),
    (0x1F5A4, 0x1F5A4),
    (0x1F5FB, 0x1F64F),
    (0x1F680, 0x1F6C5),
    (0x1F6CC, 0x1F6CC),
    (0x1F6D0, 0x1F6D2),
    (0x1F6D5, 0x1F6D7),
    (0x1F6DC, 0x1F6DF),
    (0x1F6EB, 0x1F6EC),
    (0x1F6F4, 0x1F6FC),
    (0x1F7E0, 0x1F7EB),
    (0x1F7F0, 0x1F7F0),
    (0x1F90C, 0x1F93A),
    (0x1F93C, 0x1F945),
    (0x1F947, 0x1F9FF),
    (0x1FA70, 0x1FAFF),
    (0x20000, 0x2FFFD),
    (0x30000, 0x3FFFD),
];

/// Zero-width ranges: combining marks, zero-width spaces and joiners, variation
/// selectors.
const ZERO: &[(u32, u32)] = &[
    (0x0300, 0x036F),
    (0x0483, 0x0489),
    (0x0591, 0x05BD),
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0E31, 0x0E31),
    (0x0E34, 0x0E3A),
    (0x0E47, 0x0E4E),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x2064),
    (0x20D0, 0x20FF),
    (0x302A, 0x302D),
    (0x3099, 0x309A),
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
    (0xFEFF, 0xFEFF),
    (0xE0000, 0xE0FFF),
];

fn in_table(c: u32, table: &[(u32, u32)]) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Columns one character takes in a terminal: 0, 1 or 2 (`a` 1, `亿` and `，` 2, a
/// combining accent 0).
pub(crate) fn char_width(c: char) -> usize {
    let u = c as u32;
    if u < 0x20 || (0x7F..0xA0).contains(&u) {
        return 0;
    }
    if u < 0x300 {
        return 1;
    }
    // U+3000 IDEOGRAPHIC SPACE is Fullwidth, but the combining marks inside the CJK
    // block (U+302A–U+302D, U+3099–U+309A) take none: test those first.
    if in_table(u, ZERO) {
        0
    } else if in_table(u, WIDE) {
        2
    } else {
        1
    }
}

/// Columns a string takes in a terminal: the sum of [`char_width`].
pub(crate) fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Appends `s` and spaces up to `width` columns; right-aligned when `right`.
pub(crate) fn pad(out: &mut String, s: &str, width: usize, right: bool) {
    let fill = width.saturating_sub(display_width(s));
    if right {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(s);
    } else {
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', fill));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_latin_cjk_and_combining_characters() {
        assert_eq!(char_width('a'), 1);
        assert_eq!(char_width('亿'), 2);
        assert_eq!(char_width('，'), 2);
        assert_eq!(char_width('\u{301}'), 0); // combining acute accent
        assert_eq!(display_width("GDP增长5.5%"), 11);
    }

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for table in [WIDE, ZERO] {
            for w in table.windows(2) {
                assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0, "{w:x?}");
            }
        }
    }

    #[test]
    fn widths() {
        assert_eq!(display_width("本地生产总值增长"), 16);
        assert_eq!(display_width("ＧＤＰ"), 6);
        assert_eq!(display_width("가"), 2);
        assert_eq!(display_width("e\u{301}"), 1);
        assert_eq!(display_width("\u{3000}"), 2);
        assert_eq!(display_width("〿"), 1); // U+303F is narrow
        assert_eq!(display_width("≥±—"), 3); // ambiguous: one column
        assert_eq!(display_width("𠀀"), 2); // extension B
        assert_eq!(display_width("✅"), 2);
    }

    #[test]
    fn pad_by_display_width() {
        let mut s = String::new();
        pad(&mut s, "亿元", 6, true);
        assert_eq!(s, "  亿元");
    }
}
