//! Comparators and the words that express them (SPEC §5), in one place.
//!
//! Both the condition syntax of plan files and the extractor read comparator words
//! through [`prefix_word`] and [`suffix_word`], so "不少于" means `>=` everywhere.

use std::fmt;

/// How an observed value is compared with a target value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Comparator {
    /// `>=`: 不低于 不少于 至少 以上 及以上 确保; also a bare plan number (a floor).
    Ge,
    /// `>`: 超过 突破 超 逾 高于 多于.
    Gt,
    /// `<=`: 不超过 以内 以下 控制在…以内 低于 (in the ceiling sense of plans).
    Le,
    /// `<`: 少于 小于 不足.
    Lt,
    /// `=`: explicit equality only (持平, 保持在, a reported actual).
    Eq,
    /// `~`: approximately (左右 约 大约 近 接近 上下), within a tolerance.
    Approx,
    /// `between`: inside an inclusive range (1-2个, 5%-6%, 3至5).
    Between,
    /// `reference`: the value is set elsewhere (完成市级下达指标任务) and bound later.
    Reference,
}

impl Comparator {
    /// The symbol used in the condition syntax and in JSON: `">="`, `"~"`, `"between"` …
    pub fn symbol(&self) -> &'static str {
        match self {
            Comparator::Ge => ">=",
            Comparator::Gt => ">",
            Comparator::Le => "<=",
            Comparator::Lt => "<",
            Comparator::Eq => "=",
            Comparator::Approx => "~",
            Comparator::Between => "between",
            Comparator::Reference => "reference",
        }
    }

    /// Parses a symbol: ASCII (`>=`), mathematical (`≥ ≤ ≈`) or a word (`between`).
    pub fn from_symbol(s: &str) -> Option<Comparator> {
        Some(match s.trim() {
            ">=" | "≥" | "=>" | "⩾" => Comparator::Ge,
            ">" => Comparator::Gt,
            "<=" | "≤" | "=<" | "⩽" => Comparator::Le,
            "<" => Comparator::Lt,
            "=" | "==" => Comparator::Eq,
            "~" | "≈" | "～" => Comparator::Approx,
            "between" => Comparator::Between,
            "reference" | "ref" => Comparator::Reference,
            _ => return None,
        })
    }

    /// A comparator written on its own, as a target table's `comparator` column holds
    /// it: a symbol ([`from_symbol`](Comparator::from_symbol): `>=`, `≥`, `~`,
    /// `between` …) or one comparator word alone, before or after a number (`不少于`,
    /// `超过`, `以上`, `以内`, `左右` …; the words of the condition syntax).
    ///
    /// ```
    /// use planwatch::Comparator;
    /// assert_eq!(Comparator::from_word("不少于"), Some(Comparator::Ge));
    /// assert_eq!(Comparator::from_word(" 以内 "), Some(Comparator::Le));
    /// assert_eq!(Comparator::from_word("≥"), Some(Comparator::Ge));
    /// assert_eq!(Comparator::from_word("不少于5"), None);
    /// ```
    pub fn from_word(s: &str) -> Option<Comparator> {
        let t = s.trim();
        Comparator::from_symbol(t).or_else(|| {
            [prefix_word(t), suffix_word(t)]
                .into_iter()
                .flatten()
                .find(|(_, n)| *n == t.len())
                .map(|(c, _)| c)
        })
    }

    /// The Chinese phrase used in explanations: "不低于" for a floor on a rate,
    /// "不少于" for a floor on an amount, "超过", "不超过" …
    pub fn zh(&self, rate: bool) -> &'static str {
        match self {
            Comparator::Ge if rate => "不低于",
            Comparator::Ge => "不少于",
            Comparator::Gt => "超过",
            Comparator::Le => "不超过",
            Comparator::Lt => "低于",
            Comparator::Eq => "为",
            Comparator::Approx => "约",
            Comparator::Between => "",
            Comparator::Reference => "完成",
        }
    }

    /// The English phrase used in explanations ("at least", "more than" …).
    pub fn en(&self) -> &'static str {
        match self {
            Comparator::Ge => "at least",
            Comparator::Gt => "more than",
            Comparator::Le => "at most",
            Comparator::Lt => "less than",
            Comparator::Eq => "equal to",
            Comparator::Approx => "about",
            Comparator::Between => "between",
            Comparator::Reference => "the assigned quota",
        }
    }
}

/// Serialised as its symbol (`">="`, `"between"` …).
impl serde::Serialize for Comparator {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.symbol())
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// Words placed before a number, longest first so that 不超过 wins over 超过.
pub(crate) const PREFIX_WORDS: &[(&str, Comparator)] = &[
    ("控制在", Comparator::Le),
    ("不低于", Comparator::Ge),
    ("不少于", Comparator::Ge),
    ("不小于", Comparator::Ge),
    ("不超过", Comparator::Le),
    ("不高于", Comparator::Le),
    ("不多于", Comparator::Le),
    ("不大于", Comparator::Le),
    ("不足", Comparator::Lt),
    ("至少", Comparator::Ge),
    ("确保", Comparator::Ge),
    ("超过", Comparator::Gt),
    ("突破", Comparator::Gt),
    ("高于", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("大于", Comparator::Gt),
    ("低于", Comparator::Le),
    ("少于", Comparator::Lt),
    ("小于", Comparator::Lt),
    ("保持在", Comparator::Eq),
    ("持平", Comparator::Eq),
    ("大约", Comparator::Approx),
    ("约为", Comparator::Approx),
    ("接近", Comparator::Approx),
    ("超出", Comparator::Gt),
    ("约", Comparator::Approx),
    ("近", Comparator::Approx),
    ("超", Comparator::Gt),
    ("逾", Comparator::Gt),
];

/// Words placed after a number-with-unit, longest first.
pub(crate) const SUFFIX_WORDS: &[(&str, Comparator)] = &[
    ("及以上", Comparator::Ge),
    ("以上", Comparator::Ge),
    ("以内", Comparator::Le),
    ("以下", Comparator::Le),
    ("左右", Comparator::Approx),
    ("上下", Comparator::Approx),
];

/// The comparator word at the start of `text`, with its length in bytes.
pub(crate) fn prefix_word(text: &str) -> Option<(Comparator, usize)> {
    find(PREFIX_WORDS, text)
}

/// The comparator word at the start of `text` (after a quantity), with its length in bytes.
pub(crate) fn suffix_word(text: &str) -> Option<(Comparator, usize)> {
    find(SUFFIX_WORDS, text)
}

fn find(words: &[(&str, Comparator)], text: &str) -> Option<(Comparator, usize)> {
    words
        .iter()
        .find_map(|(w, c)| crate::text::starts_with_folded(text, w).map(|n| (*c, n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_word_wins() {
        assert_eq!(prefix_word("不超过5%"), Some((Comparator::Le, 9)));
        assert_eq!(prefix_word("超过5%"), Some((Comparator::Gt, 6)));
        assert_eq!(suffix_word("及以上"), Some((Comparator::Ge, 9)));
        assert_eq!(prefix_word("增长"), None);
    }

    #[test]
    fn symbols_round_trip() {
        for c in [
            Comparator::Ge,
            Comparator::Gt,
            Comparator::Le,
            Comparator::Lt,
            Comparator::Eq,
            Comparator::Approx,
            Comparator::Between,
            Comparator::Reference,
        ] {
            assert_eq!(Comparator::from_symbol(c.symbol()), Some(c));
        }
        assert_eq!(Comparator::from_symbol("≥"), Some(Comparator::Ge));
    }
}
