//! One pass over the text: lines, headings, bullets and sentences.
//!
//! A *passage* is a sentence up to its 。！？ (semicolons split it into clauses but
//! not into passages, because stretch and deadline markers scope across them). PDF
//! line breaks inside a sentence are joined: a line that is not a heading, a bullet or
//! a page number continues the sentence before it. Headings set the section mode
//! (actuals or targets) from their titles.

use super::lexicon::{self, is_han, lex_fold, Part};

/// Character offsets from byte offsets in O(1): the number of characters before every
/// 64th byte, then a count of the few bytes in between.
pub(crate) struct CharIndex {
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

impl CharIndex {
    pub(crate) fn new(text: &str) -> CharIndex {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut n: u32 = 0;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(n);
            n += chunk.iter().filter(|b| (**b & 0xC0) != 0x80).count() as u32;
        }
        blocks.push(n);
        CharIndex { blocks }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub(crate) fn char_at(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        let k = byte / BLOCK;
        let base = self.blocks.get(k).copied().unwrap_or(0) as usize;
        base + text
            .as_bytes()
            .part(k * BLOCK, byte)
            .iter()
            .filter(|b| (**b & 0xC0) != 0x80)
            .count()
    }
}

/// Whether a part of the document reports actuals or sets targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// No heading has said; the wording of each sentence decides.
    Unknown,
    /// An execution / review part (执行情况, 回顾).
    Actual,
    /// A plan part (目标, 任务, 安排).
    Target,
}

/// A sentence to analyse.
pub(crate) struct Passage<'a> {
    /// Byte range in the text.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Section mode in force.
    pub(crate) mode: Mode,
    /// Section path (`三.(二)`), empty before the first heading.
    pub(crate) section: &'a str,
    /// Titles of the headings in force ("主要目标 / 约束性指标"), empty before the first.
    pub(crate) heading: &'a str,
    /// Byte ranges inside the passage to ignore (page-number lines).
    pub(crate) skips: &'a [(usize, usize)],
}

/// The longest a passage may grow before it is cut, in bytes. Real sentences are far
/// shorter; the cap bounds the memory and the per-finding sentence copies on
/// pathological input (one "sentence" of megabytes).
const MAX_PASSAGE: usize = 6000;

enum Line {
    Blank,
    Heading {
        level: u8,
        marker: String,
        body: usize,
    },
    Bullet {
        body: usize,
    },
    Text {
        body: usize,
    },
}

/// Splits `text` into passages and calls `f` on each, in order.
pub(crate) fn passages(text: &str, mut f: impl FnMut(&Passage<'_>)) {
    let mut st = State {
        text,
        start: None,
        mode_part: Mode::Unknown,
        mode: Mode::Unknown,
        part: String::new(),
        section: String::new(),
        part_title: String::new(),
        heading: String::new(),
        skips: Vec::new(),
    };
    let mut pos = 0;
    while pos < text.len() {
        let line_end = text
            .part(pos, text.len())
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(text.len());
        let line = text.part(pos, line_end);
        match classify_line(line) {
            Line::Blank => {
                if st.start.is_some() {
                    st.skips.push((pos, line_end));
                }
            }
            Line::Heading {
                level,
                marker,
                body,
            } => {
                st.flush(pos, &mut f);
                let title_end = line
                    .part(body, line.len())
                    .find('。')
                    .map(|i| body + i + '。'.len_utf8())
                    .unwrap_or(line.len());
                st.heading(level, &marker, line.part(body, title_end));
                st.start = Some(pos + body);
                st.scan(pos + body, pos + title_end, &mut f);
                st.flush(pos + title_end, &mut f);
                if title_end < line.len() {
                    st.start = Some(pos + title_end);
                    st.scan(pos + title_end, line_end, &mut f);
                }
            }
            Line::Bullet { body } => {
                st.flush(pos, &mut f);
                st.start = Some(pos + body);
                st.scan(pos + body, line_end, &mut f);
            }
            Line::Text { body } => {
                if st.start.is_none() {
                    st.start = Some(pos + body);
                }
                st.scan(pos + body, line_end, &mut f);
            }
        }
        // A line ending in a colon introduces what follows; it closes the sentence.
        let trimmed = line.trim_end_matches(|c: char| lexicon_space(c) || c == '*');
        let colon = trimmed.ends_with('：') || trimmed.ends_with(':');
        if colon || st.start.is_some_and(|s| line_end - s > MAX_PASSAGE / 2) {
            st.flush(line_end, &mut f);
        }
        pos = line_end + 1;
    }
    st.flush(text.len(), &mut f);
}

fn lexicon_space(c: char) -> bool {
    lexicon::is_space(c)
}

struct State<'t> {
    text: &'t str,
    start: Option<usize>,
    mode_part: Mode,
    mode: Mode,
    part: String,
    section: String,
    part_title: String,
    heading: String,
    skips: Vec<(usize, usize)>,
}

impl State<'_> {
    /// Scans `[from, to)` of a line for sentence ends, emitting each passage.
    fn scan(&mut self, from: usize, to: usize, f: &mut impl FnMut(&Passage<'_>)) {
        for (off, c) in self.text.part(from, to).char_indices() {
            let at = from + off;
            let next = at + c.len_utf8();
            // A `?` between digits is a ratio sign lost in conversion ("1.6?36.9"),
            // not the end of a question.
            let ratio_sign = c == '?'
                && self
                    .text
                    .part(0, at)
                    .ends_with(|p: char| p.is_ascii_digit())
                && self
                    .text
                    .part(next, self.text.len())
                    .starts_with(|n: char| n.is_ascii_digit());
            if matches!(c, '。' | '！' | '？' | '!' | '?') && !ratio_sign {
                self.flush(next, f);
                self.start = Some(next);
            } else if c == super::html::BREAK {
                // The end of an HTML block element (see html.rs): a sentence ends
                // before it.
                self.flush(at, f);
                self.start = Some(next);
            } else if self.start.is_some_and(|s| at - s > MAX_PASSAGE) {
                self.flush(at, f);
                self.start = Some(at);
            }
        }
    }

    fn flush(&mut self, end: usize, f: &mut impl FnMut(&Passage<'_>)) {
        if let Some(start) = self.start.take() {
            let end = end.max(start);
            let end = start
                + self
                    .text
                    .part(start, end)
                    .trim_end_matches(lexicon::is_space)
                    .len();
            if end > start {
                f(&Passage {
                    start,
                    end,
                    mode: self.mode,
                    section: &self.section,
                    heading: &self.heading,
                    skips: &self.skips,
                });
            }
        }
        self.skips.clear();
    }

    fn heading(&mut self, level: u8, marker: &str, title: &str) {
        let t: Vec<char> = title
            .chars()
            .map(lex_fold)
            .filter(|c| !c.is_whitespace())
            .collect();
        let strong_actual = lexicon::contains_any(&t, lexicon::ACTUAL_SUBSECTION);
        let target = lexicon::contains_any(&t, lexicon::TARGET_SECTION);
        let actual = lexicon::contains_any(&t, lexicon::ACTUAL_SECTION);
        if level == 1 {
            self.mode_part = if strong_actual {
                Mode::Actual
            } else if target {
                Mode::Target
            } else if actual {
                Mode::Actual
            } else {
                self.mode_part
            };
            self.mode = self.mode_part;
            self.part = marker.to_string();
            self.section = marker.to_string();
            self.part_title = clean_title(title);
            self.heading = self.part_title.clone();
        } else {
            self.mode = if strong_actual {
                Mode::Actual
            } else if self.mode_part == Mode::Unknown && target {
                Mode::Target
            } else if self.mode_part == Mode::Unknown && actual {
                Mode::Actual
            } else {
                self.mode_part
            };
            self.section = if self.part.is_empty() {
                marker.to_string()
            } else {
                format!("{}.{}", self.part, marker)
            };
            self.heading = if self.part_title.is_empty() {
                clean_title(title)
            } else {
                format!("{} / {}", self.part_title, clean_title(title))
            };
        }
    }
}

fn clean_title(title: &str) -> String {
    title
        .chars()
        .filter(|c| !crate::text::is_space(*c) && *c != '*' && *c != '。')
        .collect()
}

fn cn_ordinal(c: char) -> bool {
    crate::number::cn_digit(c).is_some() || matches!(c, '十' | '百')
}

/// Classifies a line by its start (after spaces, markdown `#` and `**`).
fn classify_line(line: &str) -> Line {
    let body = line.len() - line.trim_start_matches(|c: char| lexicon_space(c)).len();
    let rest = line.part(body, line.len());
    let visible = rest.trim_end_matches(|c: char| lexicon_space(c) || c == '*');
    if visible.trim_start_matches('*').is_empty() || is_page_number(visible) {
        return Line::Blank;
    }
    // Markdown headings and bold wrappers around a heading marker.
    let stripped = rest.trim_start_matches(['#', '*', ' ']);
    let skip = rest.len() - stripped.len();
    let folded: Vec<(usize, char)> = stripped
        .char_indices()
        .map(|(i, c)| (i, lex_fold(c)))
        .take(12)
        .collect();
    let at = |k: usize| folded.get(k).map(|x| x.1);
    let off = |k: usize| folded.get(k).map(|x| x.0).unwrap_or(stripped.len());
    // 一、 二、 … and 第一章 / 第一篇 / 第一部分.
    let mut k = 0;
    while at(k).is_some_and(cn_ordinal) {
        k += 1;
    }
    if k > 0 && matches!(at(k), Some('、') | Some('.')) && at(0) != Some('零') {
        let marker: String = stripped.part(0, off(k)).to_string();
        return heading(line, body + skip + off(k + 1), 1, marker);
    }
    if at(0) == Some('第') {
        let mut k = 1;
        while at(k).is_some_and(cn_ordinal) {
            k += 1;
        }
        if k > 1 {
            match at(k) {
                Some('章') | Some('篇') => {
                    return heading(
                        line,
                        body + skip + off(k + 1),
                        1,
                        stripped.part(0, off(k + 1)).into(),
                    )
                }
                Some('部') if at(k + 1) == Some('分') => {
                    return heading(
                        line,
                        body + skip + off(k + 2),
                        1,
                        stripped.part(0, off(k + 2)).into(),
                    )
                }
                Some('节') => {
                    return heading(
                        line,
                        body + skip + off(k + 1),
                        2,
                        stripped.part(0, off(k + 1)).into(),
                    )
                }
                _ => {}
            }
        }
    }
    // （一） / (一): second level.
    if matches!(at(0), Some('(')) {
        let mut k = 1;
        while at(k).is_some_and(cn_ordinal) {
            k += 1;
        }
        if k > 1 && at(k) == Some(')') {
            let marker = format!("({})", stripped.part(off(1), off(k)));
            return heading(line, body + skip + off(k + 1), 2, marker);
        }
        // (1) / （1）: a list item.
        let mut k = 1;
        while at(k).is_some_and(|c| c.is_ascii_digit()) {
            k += 1;
        }
        if k > 1 && at(k) == Some(')') {
            return Line::Bullet {
                body: body + skip + off(k + 1),
            };
        }
    }
    // Bullets.
    let first = rest.chars().next().unwrap_or(' ');
    let second = rest.chars().nth(1);
    if matches!(
        first,
        '-' | '•' | '·' | '●' | '○' | '◆' | '■' | '▪' | '–' | '*' | '+'
    ) && second.is_some_and(lexicon_space)
        && !rest.starts_with("**")
    {
        // The space after the bullet may be wider than a byte (NBSP, U+0085).
        return Line::Bullet {
            body: body + first.len_utf8() + second.map_or(1, char::len_utf8),
        };
    }
    if matches!(first, '①'..='⑳' | '❶'..='❿') {
        return Line::Bullet {
            body: body + first.len_utf8(),
        };
    }
    // 1. / 1、 list items (not "1. 6万个", a decimal broken by PDF spacing).
    let mut k = 0;
    while at(k).is_some_and(|c| c.is_ascii_digit()) && skip == 0 {
        k += 1;
    }
    if k > 0 && k <= 2 {
        let sep = at(k);
        // "1. 地区生产总值…" is an item; "1. 6万个" a decimal broken by PDF spacing.
        let after = folded
            .part((k + 1).min(folded.len()), folded.len())
            .iter()
            .map(|x| x.1)
            .find(|c| *c != ' ');
        if sep == Some('、') || (sep == Some('.') && after.is_some_and(|c| !c.is_ascii_digit())) {
            return Line::Bullet {
                body: body + off(k + 1),
            };
        }
    }
    Line::Text { body }
}

fn heading(line: &str, body: usize, level: u8, marker: String) -> Line {
    let body = body.min(line.len());
    // A long "heading" that is really a paragraph opening with an enumerator keeps
    // its text; the title is what comes before the first 。 (see `passages`).
    let title_len = line
        .part(body, line.len())
        .find('。')
        .unwrap_or(line.len() - body);
    let title = line.part(body, body + title_len);
    if title.chars().count() > 60 {
        return Line::Text { body: 0 };
    }
    // "（六）农村改厕任务38283座，完成38649座": an enumerated item that states figures
    // across clauses is a list item, not a heading that sets the mode of a part.
    if title.chars().any(|c| c.is_ascii_digit())
        && title
            .chars()
            .map(lex_fold)
            .any(|c| matches!(c, ',' | '，' | ';' | '；'))
    {
        return Line::Bullet { body };
    }
    Line::Heading {
        level,
        marker,
        body,
    }
}

/// Page numbers left by PDF extraction: "12", "- 12 -", "— 3 —", "第 3 页".
fn is_page_number(s: &str) -> bool {
    if s.len() > 40 || s.chars().any(|c| is_han(c) && c != '第' && c != '页') {
        return false;
    }
    let core: String = s
        .chars()
        .map(lex_fold)
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '—' | '–' | '_' | '·'))
        .collect();
    let core = core
        .strip_prefix('第')
        .and_then(|c| c.strip_suffix('页'))
        .unwrap_or(&core);
    !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit())
}

/// The year being planned: the latest year named together with 计划, 目标, 任务 or a
/// work plan (工作安排), as in "2024年计划安排" of a plan report's title.
///
/// Only the first 64 KiB are read: the title and the part headings come first, and
/// a long document should not pay for this twice.
pub(crate) fn plan_year(text: &str) -> Option<i32> {
    let b = text.as_bytes().part(0, text.len().min(64 * 1024));
    let mut best: Option<i32> = None;
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            let year: i32 = b
                .part(i, i + 4)
                .iter()
                .fold(0, |acc, d| acc * 10 + i32::from(d - b'0'));
            let rest = text
                .part(i + 4, text.len())
                .trim_start_matches([' ', '\u{3000}']);
            if (1990..=2100).contains(&year) && rest.starts_with('年') {
                let window: Vec<char> = rest
                    .chars()
                    .skip(1)
                    .map(lex_fold)
                    .filter(|c| !c.is_whitespace())
                    .take(12)
                    .collect();
                let hit = (0..window.len()).any(|k| {
                    lexicon::PLAN_YEAR_TITLE_WORDS
                        .iter()
                        .any(|w| lexicon::starts(&window, k, w))
                });
                let distant = lexicon::contains_any(&window, lexicon::DISTANT_WORDS);
                if hit && !distant && best.is_none_or(|y| year > y) {
                    best = Some(year);
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str) -> Vec<(String, Mode, String)> {
        let mut out = Vec::new();
        passages(text, |p| {
            out.push((
                text[p.start..p.end].to_string(),
                p.mode,
                p.section.to_string(),
            ))
        });
        out
    }

    #[test]
    fn joins_pdf_breaks_and_splits_sentences() {
        let got = collect("一、2023年工作回顾\n\n全区地区生产总值增长5%，高\n\n质量发展。新增就业1万人。\n- 项目一\n- 项目二");
        assert_eq!(got[0].0, "2023年工作回顾");
        assert_eq!(got[1].0, "全区地区生产总值增长5%，高\n\n质量发展。");
        assert_eq!(got[1].1, Mode::Actual);
        assert_eq!(got[2].0, "新增就业1万人。");
        assert_eq!(got[3].0, "项目一");
        assert_eq!(got[4].0, "项目二");
    }

    #[test]
    fn headings_set_the_mode() {
        let got = collect("二、2024年主要目标\n（一）预期性指标\n增长5%。\n三、2023年计划执行情况\n（一）经济\n增长6%。");
        assert_eq!(got[2].1, Mode::Target);
        assert_eq!(got[2].2, "二.(一)");
        assert_eq!(got.last().unwrap().1, Mode::Actual);
    }

    #[test]
    fn char_index_counts_characters() {
        let t = "南山区2024年".repeat(40);
        let ix = CharIndex::new(&t);
        for (ci, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.char_at(&t, b), ci);
        }
        assert_eq!(ix.char_at(&t, t.len()), t.chars().count());
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("第 3 页"));
        assert!(!is_page_number("- 本地生产总值"));
    }

    #[test]
    fn plan_year_from_title() {
        assert_eq!(
            plan_year("南山区 2023 年国民经济和社会发展规划执行情况与 2024 年计划安排草案"),
            Some(2024)
        );
        assert_eq!(plan_year("2035年远景目标"), None);
    }
}
