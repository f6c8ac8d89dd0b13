//! Writing plans in the file schema: the plan as a [`Node`] tree, then TOML or JSON text.
//!
//! TOML is written by hand rather than through serde: the schema is small and fixed,
//! and the `toml` serializer with a derived `Serialize` per item type was about 17 KB
//! gzipped of the WebAssembly module. JSON is the tree's `Serialize` (`tree.rs`) through
//! serde_json, which the records link anyway.

use std::fmt::Write;

use super::tree::{Entry, Node, Value};
use crate::indicator::{Measure, Provenance};
use crate::plan::Plan;

/// The plan as TOML: `[plan]`, `[reference]`, then `[[indicator]]` and `[[target]]`
/// items, with `name` and `source` as inline tables.
pub(crate) fn to_toml(plan: &Plan) -> String {
    let mut out = String::new();
    for section in document(plan) {
        match &section.node.value {
            Value::Table(fields) => {
                separate(&mut out);
                let _ = writeln!(out, "[{}]", toml_key(&section.key));
                toml_fields(&mut out, fields);
            }
            Value::Array(items) => {
                for item in items {
                    if let Value::Table(fields) = &item.value {
                        separate(&mut out);
                        let _ = writeln!(out, "[[{}]]", toml_key(&section.key));
                        toml_fields(&mut out, fields);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The plan as JSON, indented by two spaces, keys in schema order: the tree's
/// `Serialize` written by serde_json (linked anyway for the records).
pub(crate) fn to_json(plan: &Plan) -> String {
    serde_json::to_string_pretty(&Value::Table(document(plan))).unwrap_or_default()
}

/// The file schema's tree of `plan`, fields in the order people read them. Absent
/// optional fields and defaults that carry no information (`flow = false`) are left out.
pub(crate) fn document(plan: &Plan) -> Vec<Entry> {
    let mut header = Fields::default();
    header.str("id", &plan.id);
    header.opt("title", plan.title.as_deref());
    header.str("period", &plan.period.to_string());
    header.opt("jurisdiction", plan.jurisdiction.as_deref());
    header.opt("document", plan.document.as_deref());

    let mut references = Fields::default();
    for (key, value) in &plan.references {
        references.str(key, &value.to_string());
    }

    let indicators = plan.indicators.iter().map(|i| {
        let mut f = Fields::default();
        f.str("id", &i.id);
        let mut name = Fields::default();
        name.str("zh", &i.name.zh);
        if !i.name.en.is_empty() {
            name.str("en", &i.name.en);
        }
        f.table("name", name);
        // A bare-number indicator has the empty unit, which must still be written:
        // only milestones may omit it.
        if i.measure != Measure::Milestone || !i.unit.is_none() {
            f.str("unit", i.unit.symbol());
        }
        f.str("measure", i.measure.name());
        f.str("kind", i.kind.name());
        f.str("polarity", i.polarity.name());
        f.flag("flow", i.flow);
        f.flag("nominal", i.nominal);
        f.opt("of", i.of.as_deref());
        f.opt("section", i.section.as_deref());
        if !i.tags.is_empty() {
            let tags = i.tags.iter().map(|t| leaf(Value::Str(t.clone()))).collect();
            f.push("tags", Value::Array(tags));
        }
        f.opt("formula", i.formula.as_ref().map(|x| x.text()));
        f.source(i.source.as_deref());
        leaf(Value::Table(f.0))
    });

    let targets = plan.targets.iter().map(|t| {
        let mut f = Fields::default();
        f.str("id", &t.id);
        f.str("indicator", &t.indicator);
        f.str("period", &t.period.to_string());
        f.str("condition", &t.condition.to_string());
        f.str("tier", t.tier.name());
        f.opt("kind", t.kind.map(|k| k.name()));
        f.opt("baseline", t.baseline.map(|b| b.to_string()).as_deref());
        f.source(t.source.as_deref());
        leaf(Value::Table(f.0))
    });

    let mut doc = Fields::default();
    doc.table("plan", header);
    if !references.0.is_empty() {
        doc.table("reference", references);
    }
    doc.push("indicator", Value::Array(indicators.collect()));
    doc.push("target", Value::Array(targets.collect()));
    doc.0
}

fn leaf(value: Value) -> Node {
    Node { span: None, value }
}

/// The entries of one table under construction.
#[derive(Default)]
struct Fields(Vec<Entry>);

impl Fields {
    fn push(&mut self, key: &str, value: Value) {
        self.0.push(Entry {
            key: key.to_string(),
            key_span: None,
            node: leaf(value),
        });
    }

    fn str(&mut self, key: &str, value: &str) {
        self.push(key, Value::Str(value.to_string()));
    }

    fn opt(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    /// A boolean written only when true (absent reads as false).
    fn flag(&mut self, key: &str, value: bool) {
        if value {
            self.push(key, Value::Bool(true));
        }
    }

    fn table(&mut self, key: &str, fields: Fields) {
        self.push(key, Value::Table(fields.0));
    }

    fn source(&mut self, source: Option<&Provenance>) {
        let Some(p) = source else { return };
        let mut f = Fields::default();
        f.opt("document", p.document.as_deref());
        f.opt("quote", p.quote.as_deref());
        f.opt("section", p.section.as_deref());
        if let Some([start, end]) = p.span {
            let int = |n: usize| leaf(Value::Int(u64::try_from(n).ok()));
            f.push("span", Value::Array(vec![int(start), int(end)]));
        }
        self.table("source", f);
    }
}

/// A blank line between TOML sections.
fn separate(out: &mut String) {
    if !out.is_empty() {
        out.push('\n');
    }
}

fn toml_fields(out: &mut String, fields: &[Entry]) {
    for e in fields {
        let _ = write!(out, "{} = ", toml_key(&e.key));
        toml_inline(out, &e.node.value);
        out.push('\n');
    }
}

fn toml_inline(out: &mut String, value: &Value) {
    match value {
        Value::Str(s) => quote(out, s),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(n) => {
            let _ = write!(out, "{}", n.unwrap_or(u64::MAX));
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                toml_inline(out, &item.value);
            }
            out.push(']');
        }
        Value::Table(fields) => {
            out.push('{');
            for (i, e) in fields.iter().enumerate() {
                out.push_str(if i > 0 { ", " } else { " " });
                let _ = write!(out, "{} = ", toml_key(&e.key));
                toml_inline(out, &e.node.value);
            }
            out.push_str(if fields.is_empty() { "}" } else { " }" });
        }
        // The document never holds these; an empty string keeps the output TOML.
        Value::Null | Value::Number(_) | Value::Other(_) => out.push_str("\"\""),
    }
}

/// A bare key when TOML allows one, else a quoted key.
fn toml_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        key.to_string()
    } else {
        let mut out = String::new();
        quote(&mut out, key);
        out
    }
}

/// `s` as a double-quoted string valid in both TOML and JSON.
fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            // TOML forbids the other control characters and DEL in strings.
            c if c.is_control() && (c as u32) < 0x80 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_for_both_formats() {
        let mut out = String::new();
        quote(&mut out, "a\"b\\c\nd\u{1}\u{7f}é");
        assert_eq!(out, r#""a\"b\\c\nd\u0001\u007Fé""#);
        let json: String = serde_json::from_str(&out).unwrap();
        assert_eq!(json, "a\"b\\c\nd\u{1}\u{7f}é");
        let toml: toml::Table = toml::from_str(&format!("k = {out}")).unwrap();
        assert_eq!(toml["k"].as_str(), Some("a\"b\\c\nd\u{1}\u{7f}é"));
    }

    #[test]
    fn keys_are_bare_only_when_toml_allows() {
        assert_eq!(toml_key("city_quota-2"), "city_quota-2");
        assert_eq!(toml_key("a.b"), "\"a.b\"");
        assert_eq!(toml_key(""), "\"\"");
        assert_eq!(toml_key("城市"), "\"城市\"");
    }
}
