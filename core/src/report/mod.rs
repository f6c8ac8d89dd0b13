//! Reports: a [`Scorecard`] rendered for people (plain text, Markdown, HTML) and for
//! spreadsheets (CSV). JSON is [`Scorecard::to_json`].
//!
//! Renderers do no I/O: each `to_*` method returns a `String`, and each `write_*`
//! method writes into a [`std::fmt::Write`] the caller passes. The output depends on
//! the scorecard alone, so the same scorecard gives the same bytes every time: no
//! clock, no hash-map order.
//!
//! Every human-readable report has the same layout: the title and the summary first
//! (counts by status for each kind and each section, the binding targets missed, the
//! stretch targets reached), then one table of targets, binding misses first and then
//! grouped by section, with the status, observed value, target, completion, gap, time
//! progress, the previous year's value (the base) and the explanation sentence.
//!
//! Figures in the text, Markdown and HTML tables are rounded for reading (half away
//! from zero, to two decimals in the target's unit, four below one); CSV and JSON keep
//! the exact values.
//!
//! ```
//! use planwatch::{evaluate, Observations, Options, Plan};
//! use planwatch::report::Lang;
//! let plan = Plan::builtin("nanshan-2024")?;
//! let card = evaluate(&plan, &Observations::builtin("nanshan-2024")?, &Options::default());
//! let text = card.to_text(Lang::Zh);
//! assert!(text.contains("本地生产总值增长"));
//! let html = card.to_html(Lang::En);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! assert_eq!(card.to_html(Lang::En), html); // deterministic
//! # Ok::<(), planwatch::Error>(())
//! ```

mod csv;
mod html;
mod markdown;
mod svg;
mod text;
mod view;
mod width;
#[cfg(feature = "excel")]
mod xlsx;

use std::fmt;
use std::str::FromStr;

use crate::evaluate::Scorecard;
use crate::{Error, ErrorKind, Result};

/// Language of a report's labels, names and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English; an indicator without an English name keeps its Chinese one.
    En,
}

impl Lang {
    /// The language code: `"zh"` or `"en"`.
    pub fn code(&self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The string for this language.
    pub(crate) fn pick<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub(crate) fn style(&self) -> crate::quantity::Style {
        match self {
            Lang::Zh => crate::quantity::Style::Zh,
            Lang::En => crate::quantity::Style::En,
        }
    }
}

/// Parses `zh`/`en` (also `zh-CN`, `chinese`, `中文`, `english`; case-insensitive).
impl FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh-hans" | "cn" | "chinese" | "中文" => Ok(Lang::Zh),
            "en" | "en-us" | "en-gb" | "english" => Ok(Lang::En),
            other => Err(Error::new(
                ErrorKind::InvalidValue,
                format!("unknown language {other:?}; expected zh or en"),
            )),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Output format of [`Scorecard::render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Plain-text tables for terminals (CJK-aware alignment).
    #[default]
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// A standalone HTML page with inline CSS and SVG bullet charts.
    Html,
    /// The scorecard as JSON ([`Scorecard::to_json`]).
    Json,
    /// One CSV row per assessment ([`Scorecard::to_csv`]).
    Csv,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::Csv,
    ];

    /// The name: `text`, `markdown`, `html`, `json` or `csv`.
    pub fn name(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The usual file extension (without the dot).
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// Parses a format name (`text`/`txt`, `markdown`/`md`, `html`, `json`, `csv`).
impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(Format::Text),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            other => Err(Error::new(
                ErrorKind::InvalidValue,
                format!("unknown format {other:?}; expected text, markdown, html, json or csv"),
            )),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

fn collect(f: impl FnOnce(&mut String) -> fmt::Result) -> String {
    let mut s = String::new();
    // Writing into a String cannot fail.
    let _ = f(&mut s);
    s
}

impl Scorecard {
    /// Renders in `format`; `lang` is ignored by JSON and CSV, which carry both languages.
    pub fn render(&self, format: Format, lang: Lang) -> String {
        match format {
            Format::Text => self.to_text(lang),
            Format::Markdown => self.to_markdown(lang),
            Format::Html => self.to_html(lang),
            Format::Json => self.to_json(),
            Format::Csv => self.to_csv(),
        }
    }

    /// A plain-text report for terminals: the summary, then one table whose columns
    /// line up for Chinese text (East Asian wide characters count two columns). Separators are ASCII, so the alignment holds in terminals
    /// that draw ambiguous-width characters wide.
    pub fn to_text(&self, lang: Lang) -> String {
        collect(|s| self.write_text(lang, s))
    }

    /// Writes [`to_text`](Scorecard::to_text) into `out`.
    pub fn write_text<W: fmt::Write + ?Sized>(&self, lang: Lang, out: &mut W) -> fmt::Result {
        text::write(&view::View::new(self, lang), out)
    }

    /// A Markdown report (GitHub-flavoured tables; one table per group of targets).
    /// Text from the plan is escaped, so names cannot inject Markdown or HTML.
    pub fn to_markdown(&self, lang: Lang) -> String {
        collect(|s| self.write_markdown(lang, s))
    }

    /// Writes [`to_markdown`](Scorecard::to_markdown) into `out`.
    pub fn write_markdown<W: fmt::Write + ?Sized>(&self, lang: Lang, out: &mut W) -> fmt::Result {
        markdown::write(&view::View::new(self, lang), out)
    }

    /// A standalone HTML page: inline CSS, no external resources, one inline SVG
    /// bullet chart per target that has both a value and an observation. Every string
    /// from the plan or the data is HTML-escaped.
    pub fn to_html(&self, lang: Lang) -> String {
        collect(|s| self.write_html(lang, s))
    }

    /// Writes [`to_html`](Scorecard::to_html) into `out`.
    pub fn write_html<W: fmt::Write + ?Sized>(&self, lang: Lang, out: &mut W) -> fmt::Result {
        html::write_page(&view::View::new(self, lang), out)
    }

    /// The body of [`to_html`](Scorecard::to_html) without `<html>`/`<head>`: one
    /// `<div class="pw-report">` that carries its own scoped `<style>`, for embedding
    /// (Jupyter's `_repr_html_`, a dashboard).
    pub fn to_html_fragment(&self, lang: Lang) -> String {
        collect(|s| self.write_html_fragment(lang, s))
    }

    /// Writes [`to_html_fragment`](Scorecard::to_html_fragment) into `out`.
    pub fn write_html_fragment<W: fmt::Write + ?Sized>(
        &self,
        lang: Lang,
        out: &mut W,
    ) -> fmt::Result {
        html::write_fragment(&view::View::new(self, lang), true, out)
    }

    /// One CSV row per assessment, in plan order. The header holds the JSON field
    /// names of an assessment, nested objects flattened with dots (`name.zh`,
    /// `explanation.en`, `source.quote`); decimals are plain strings exactly as in
    /// JSON; absent values are empty; the lists `inputs` and `notes` and the `span`
    /// are compact JSON text.
    pub fn to_csv(&self) -> String {
        csv::to_csv(self)
    }

    /// The scorecard as an Excel workbook (`.xlsx` bytes; the `excel` feature): one
    /// sheet, `scorecard`, with the columns and rows of [`to_csv`](Scorecard::to_csv),
    /// decimals as numbers where a float holds them exactly (else as their exact
    /// text), `notes` as one text joined by "；".
    ///
    /// ```
    /// use planwatch::{evaluate, Observations, Options, Plan};
    /// let plan = Plan::builtin("nanshan-2024")?;
    /// let card = evaluate(&plan, &Observations::builtin("nanshan-2024")?, &Options::default());
    /// let bytes = card.to_xlsx()?;
    /// assert!(bytes.starts_with(b"PK"));
    /// # Ok::<(), planwatch::Error>(())
    /// ```
    #[cfg(feature = "excel")]
    pub fn to_xlsx(&self) -> crate::Result<Vec<u8>> {
        xlsx::to_xlsx(self)
    }

    /// Writes [`to_csv`](Scorecard::to_csv) into `out`.
    pub fn write_csv<W: fmt::Write + ?Sized>(&self, out: &mut W) -> fmt::Result {
        out.write_str(&csv::to_csv(self))
    }
}
