//! HTML input: a small tag skipper that keeps every offset.
//!
//! Government reports are mostly read from web pages. [`mask`] turns HTML into text
//! of exactly the same length in bytes *and* in characters, so every span that
//! extraction reports on the masked text is a span of the caller's HTML:
//!
//! - a tag becomes spaces; a block tag (`p`, `div`, `br`, `li`, `tr`, `h1`–`h6`,
//!   `table` …) becomes a sentence break (U+001E, which the segmenter reads as the
//!   end of a sentence) and a line break, so block elements end sentences and each
//!   table row is a sentence (cells are joined by spaces);
//! - `script`, `style`, `nav`, `noscript`, `template`, `svg`, `head` and comments are
//!   blanked with their content;
//! - entities are decoded where the decoded character is ASCII (`&amp;` → `&`,
//!   `&lt;`, `&gt;`, `&quot;`, `&#39;`, numeric entities below 128) and padded with
//!   spaces; `&nbsp;` and every other entity become spaces;
//! - blanked characters keep their byte length: ASCII → space, two-byte characters
//!   → NBSP, three-byte ones → the ideographic space, four-byte ones are kept; line
//!   breaks are kept.
//!
//! The finding's strings (`indicator`, `sentence`) come from the masked text, so they
//! hold no markup. Limits: this is not an HTML parser. Attributes containing `>`
//! inside quotes are honoured, but malformed markup, CDATA, entities that decode to
//! non-ASCII characters (`&yen;`, `&#12290;`), and text rendered by scripts are not
//! recovered; an unclosed `<script>` blanks the rest of the document.

use super::lexicon::Part;

/// The sentence break the segmenter honours (ASCII record separator).
pub(crate) const BREAK: char = '\u{1e}';

const DROPPED: &[&str] = &[
    "script", "style", "nav", "noscript", "template", "svg", "head",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "dd",
    "dt",
    "dl",
    "pre",
    "hr",
    "title",
    "header",
    "footer",
    "main",
    "aside",
    "form",
    "caption",
    "body",
    "html",
    "center",
];

/// True when `text` looks like an HTML document or fragment: it starts (after
/// spaces and a BOM) with `<` and has a closing tag or a doctype.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let cut = (0..=t.len().min(4096))
        .rev()
        .find(|&k| t.is_char_boundary(k))
        .unwrap_or(0);
    let head = t.part(0, cut);
    t.starts_with('<')
        && (head.contains("</") || head.to_ascii_lowercase().starts_with("<!doctype html"))
}

/// The masked text (see the module documentation): same length in bytes and in
/// characters as `html`, with the same line breaks.
pub(crate) fn mask(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let Some(end) = tag_end(b, i) else {
                    // A lone '<' is text.
                    out.push('<');
                    i += 1;
                    continue;
                };
                if html.part(i, html.len()).starts_with("<!--") {
                    let stop = html
                        .part(i + 4, html.len())
                        .find("-->")
                        .map(|k| i + 4 + k + 3)
                        .unwrap_or(b.len());
                    blank(html.part(i, stop), &mut out);
                    i = stop;
                    continue;
                }
                let (closing, name) = tag_name(html.part(i + 1, end));
                if !closing && DROPPED.contains(&name.as_str()) {
                    let stop = find_close(html, end, &name).unwrap_or(b.len());
                    blank(html.part(i, stop), &mut out);
                    i = stop;
                    continue;
                }
                let tag = html.part(i, end);
                if BLOCKS.contains(&name.as_str()) {
                    // "<p>" is at least three bytes: a break, a line break, spaces.
                    out.push(BREAK);
                    out.push('\n');
                    blank(tag.part(2, tag.len()), &mut out);
                } else {
                    blank(tag, &mut out);
                }
                i = end;
            }
            b'&' => {
                let stop = html
                    .part(i, html.len())
                    .char_indices()
                    .take(12)
                    .find(|(_, c)| *c == ';' || c.is_whitespace() || *c == '<')
                    .filter(|(_, c)| *c == ';')
                    .map(|(k, _)| i + k + 1);
                match stop {
                    Some(stop) => {
                        let decoded = entity(html.part(i + 1, stop - 1));
                        out.push(decoded.unwrap_or(' '));
                        out.extend(std::iter::repeat_n(' ', stop - i - 1));
                        i = stop;
                    }
                    None => {
                        out.push('&');
                        i += 1;
                    }
                }
            }
            _ => {
                // Copy one character (or a run of plain bytes up to the next < or &).
                let next = html
                    .part(i, html.len())
                    .find(['<', '&'])
                    .map(|k| i + k)
                    .unwrap_or(b.len());
                out.push_str(html.part(i, next));
                i = next;
            }
        }
    }
    out
}

/// The byte after the `>` that closes the tag opened at `i`, honouring quotes, or
/// None when `i` does not open a tag.
fn tag_end(b: &[u8], i: usize) -> Option<usize> {
    let first = *b.get(i + 1)?;
    if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
        return None;
    }
    let mut quote = None;
    // A tag longer than 4 KiB is read as text: the bound keeps masking linear on
    // text full of '<'.
    let stop = b.len().min(i.saturating_add(4096));
    for (k, &c) in b.iter().enumerate().take(stop).skip(i + 1) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(k + 1),
            _ => {}
        }
    }
    None
}

/// (closing?, lower-case name) of the inside of a tag.
fn tag_name(inner: &str) -> (bool, String) {
    let closing = inner.starts_with('/');
    let name = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (closing, name)
}

/// The byte after the `>` of `</name …>` at or after `from`, case-insensitively.
fn find_close(html: &str, from: usize, name: &str) -> Option<usize> {
    let b = html.as_bytes();
    let mut k = from;
    while let Some(off) = html.get(k..)?.find("</") {
        let at = k + off;
        let rest = b.part(at + 2, b.len());
        if rest.len() >= name.len()
            && rest
                .part(0, name.len())
                .eq_ignore_ascii_case(name.as_bytes())
        {
            return tag_end(b, at).or(Some(b.len()));
        }
        k = at + 2;
    }
    None
}

/// An entity's ASCII character, when it has one.
fn entity(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let n = if let Some(h) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(n).filter(|c| c.is_ascii() && !c.is_ascii_control())?
        }
    };
    Some(c)
}

/// Appends `s` blanked: same bytes and characters, no text.
fn blank(s: &str, out: &mut String) {
    for c in s.chars() {
        out.push(match c.len_utf8() {
            _ if c == '\n' => '\n',
            1 => ' ',
            2 => '\u{a0}',
            3 => '\u{3000}',
            _ => c,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_length_in_bytes_and_characters() {
        for html in [
            "<p>地区生产总值增长5.2%</p><script>var a='增长9%';</script><p>新增就业1.2万人</p>",
            "<table><tr><td>指标</td><td>增长 &amp; 5%</td></tr></table>&nbsp;&#12290;",
            "<div class=\"a>b\">文本</div><!-- 注释 10% -->",
            "<p>未闭合 < 5 & 6</p><style>",
        ] {
            let m = mask(html);
            assert_eq!(m.len(), html.len(), "{html}");
            assert_eq!(m.chars().count(), html.chars().count(), "{html}");
            assert!(!m.contains("9%") && !m.contains("10%"), "{m}");
        }
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <p>文本</p>"));
        assert!(!looks_like_html("地区生产总值<5%"));
        assert!(!looks_like_html("<5%"));
    }
}
