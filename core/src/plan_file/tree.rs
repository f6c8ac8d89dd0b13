//! One tree for both plan-file formats.
//!
//! TOML and JSON documents are turned into [`Node`]s (TOML's keep their byte spans),
//! and the schema is read from the nodes by hand with [`Fields`]. Reading through serde
//! instead would compile the whole schema once per format's deserializer; in the
//! WebAssembly module that was about 45 KB gzipped of 360 (BENCHMARKS.md). Reading by hand also reports
//! every problem of an item, each at its own field, rather than the first one.
//!
//! JSON text is read into the tree directly (`Node`'s `Deserialize`), with no
//! `serde_json::Value` in between; observation records in JSON use the same tree.

use std::fmt;
use std::ops::Range;

use serde::de::{MapAccess, SeqAccess, Visitor};

use crate::{Issue, Location};

/// A byte range in the TOML text; `None` for JSON, which is located by path alone.
pub(crate) type Span = Option<Range<usize>>;

/// A value of a plan document with where it is.
pub(crate) struct Node {
    pub(crate) span: Span,
    pub(crate) value: Value,
}

/// A key of a table with where the key is written.
pub(crate) struct Entry {
    pub(crate) key: String,
    pub(crate) key_span: Span,
    pub(crate) node: Node,
}

/// The values the schema distinguishes.
pub(crate) enum Value {
    Str(String),
    Bool(bool),
    /// An integer; `None` when it does not fit `u64` (negative or too large).
    Int(Option<u64>),
    /// A JSON number as serde_json reads it (its text is the observation cell's).
    Number(serde_json::Number),
    /// JSON `null`: an optional field written as absent.
    Null,
    /// A value the schema never takes (a float, a date-time), by its name.
    Other(&'static str),
    Array(Vec<Node>),
    Table(Vec<Entry>),
}

impl Value {
    /// What the value is, for messages: "a string", "an array" …
    pub(crate) fn what(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Number(n) if n.is_f64() => "a float",
            Value::Number(_) => "an integer",
            Value::Null => "null",
            Value::Other(what) => what,
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }

    /// The value as a non-negative integer, from either format.
    fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Int(n) => *n,
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }
}

/// The tree as plain data (tables in their key order), for writing plans as JSON.
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Value::Str(v) => s.serialize_str(v),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(n) => s.serialize_u64(n.unwrap_or(u64::MAX)),
            Value::Number(n) => serde::Serialize::serialize(n, s),
            // The written document never holds these.
            Value::Null | Value::Other(_) => s.serialize_none(),
            Value::Array(items) => s.collect_seq(items.iter().map(|n| &n.value)),
            Value::Table(fields) => {
                let mut m = s.serialize_map(Some(fields.len()))?;
                for e in fields {
                    m.serialize_entry(&e.key, &e.node.value)?;
                }
                m.end()
            }
        }
    }
}

/// A TOML document as a node, each table in key order like JSON objects (toml keeps
/// tables in document order with its `preserve_order` feature, which spares the module
/// a B-tree).
pub(crate) fn from_toml(doc: &toml::Spanned<toml::de::DeTable<'_>>) -> Node {
    Node {
        span: Some(doc.span()),
        value: toml_table(doc.get_ref()),
    }
}

fn toml_table(t: &toml::de::DeTable<'_>) -> Value {
    Value::Table(in_key_order(
        t.iter()
            .map(|(k, v)| Entry {
                key: k.get_ref().to_string(),
                key_span: Some(k.span()),
                node: toml_node(v),
            })
            .collect(),
    ))
}

fn toml_node(v: &toml::Spanned<toml::de::DeValue<'_>>) -> Node {
    use toml::de::DeValue;
    let value = match v.get_ref() {
        DeValue::String(s) => Value::Str(s.to_string()),
        DeValue::Integer(i) => Value::Int(u64::from_str_radix(i.as_str(), i.radix()).ok()),
        DeValue::Float(_) => Value::Other("a float"),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(_) => Value::Other("a date-time"),
        DeValue::Array(items) => Value::Array(items.iter().map(toml_node).collect()),
        DeValue::Table(t) => toml_table(t),
    };
    Node {
        span: Some(v.span()),
        value,
    }
}

/// A JSON document as a node, without spans; `Err` for a syntax error.
pub(crate) fn from_json(text: &str) -> serde_json::Result<Node> {
    serde_json::from_str(text)
}

/// Reads any JSON value as a node. The one visitor for every JSON input, so serde_json's
/// parser is compiled once.
impl<'de> serde::Deserialize<'de> for Node {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        let value = d.deserialize_any(JsonValue)?;
        Ok(Node { span: None, value })
    }
}

struct JsonValue;

impl<'de> Visitor<'de> for JsonValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E>(self, x: f64) -> Result<Value, E> {
        // JSON text has no NaN or infinity; serde_json's own tree makes them null too.
        Ok(serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::Str(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::Str(s))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(node) = seq.next_element()? {
            items.push(node);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, node)) = map.next_entry()? {
            entries.push(Entry {
                key,
                key_span: None,
                node,
            });
        }
        Ok(Value::Table(in_key_order(entries)))
    }
}

/// A table's entries sorted by key, a key written twice (JSON allows it) keeping its
/// last value, as a map holds them: problems without a line (all of JSON's) are
/// reported in this order.
fn in_key_order(mut entries: Vec<Entry>) -> Vec<Entry> {
    crate::order::sort_by_key(&mut entries, |e| e.key.clone());
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    for e in entries {
        match out.last_mut() {
            Some(last) if last.key == e.key => *last = e,
            _ => out.push(e),
        }
    }
    out
}

/// Locates a path (`target[3].condition`) and span in the input.
pub(crate) type Locate<'a> = dyn Fn(&str, Span) -> Location + 'a;

/// Reads the fields of one table item of the schema, collecting every problem: wrong
/// types, missing required fields, and (at [`finish`](Fields::finish)) unknown fields.
pub(crate) struct Fields<'a> {
    path: &'a str,
    span: Span,
    /// False when the node is not a table: that is its one problem, and its fields
    /// are then not reported missing one by one.
    table: bool,
    entries: &'a [Entry],
    used: Vec<bool>,
    locate: &'a Locate<'a>,
    issues: Vec<Issue>,
}

impl<'a> Fields<'a> {
    /// Starts reading `node` as the table at `path`; a node of another type is one issue.
    pub(crate) fn new(node: &'a Node, path: &'a str, locate: &'a Locate<'a>) -> Fields<'a> {
        let mut fields = Fields {
            path,
            span: node.span.clone(),
            table: true,
            entries: &[],
            used: Vec::new(),
            locate,
            issues: Vec::new(),
        };
        match &node.value {
            Value::Table(entries) => {
                fields.entries = entries;
                fields.used = vec![false; entries.len()];
            }
            other => {
                fields.table = false;
                let message = format!("{path} must be a table, found {}", other.what());
                fields.problem(path.to_string(), node.span.clone(), message);
            }
        }
        fields
    }

    fn problem(&mut self, path: String, span: Span, message: String) {
        self.issues.push(Issue {
            code: "invalid".into(),
            location: (self.locate)(&path, span),
            message,
            input: None,
            hint: None,
        });
    }

    /// The node of `key`, marked as read; JSON `null` counts as absent.
    fn node(&mut self, key: &str) -> Option<&'a Node> {
        let i = self.entries.iter().position(|e| e.key == key)?;
        self.used[i] = true;
        let node = &self.entries[i].node;
        (!matches!(node.value, Value::Null)).then_some(node)
    }

    /// A wrong-type problem at `key`, quoting a string that was found.
    fn wrong(&mut self, key: &str, node: &Node, expected: &str) {
        let found = match &node.value {
            Value::Str(s) => format!("{s:?}"),
            other => other.what().to_string(),
        };
        let message = format!("`{key}` must be {expected}, found {found}");
        self.problem(format!("{}.{key}", self.path), node.span.clone(), message);
    }

    /// A required field is missing (not reported when the item is not a table at all).
    /// A field written as null (an empty table cell) is reported where it is written.
    fn missing(&mut self, key: &str) {
        if self.table {
            let span = self
                .entries
                .iter()
                .find(|e| e.key == key)
                .map_or_else(|| self.span.clone(), |e| e.node.span.clone());
            let message = format!("missing field `{key}`");
            self.problem(format!("{}.{key}", self.path), span, message);
        }
    }

    fn string(&mut self, key: &str, node: &Node) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            _ => {
                self.wrong(key, node, "a string");
                None
            }
        }
    }

    /// An optional string.
    pub(crate) fn opt_str(&mut self, key: &str) -> Option<String> {
        let node = self.node(key)?;
        self.string(key, node)
    }

    /// A required string; `null` counts as missing.
    pub(crate) fn str(&mut self, key: &str) -> Option<String> {
        match self.node(key) {
            Some(node) => self.string(key, node),
            None => {
                self.missing(key);
                None
            }
        }
    }

    /// A boolean, `false` when absent.
    pub(crate) fn bool(&mut self, key: &str) -> bool {
        let Some(node) = self.node(key) else {
            return false;
        };
        match node.value {
            Value::Bool(b) => b,
            _ => {
                self.wrong(key, node, "true or false");
                false
            }
        }
    }

    /// An array of strings, empty when absent.
    pub(crate) fn strings(&mut self, key: &str) -> Vec<String> {
        let Some(node) = self.node(key) else {
            return Vec::new();
        };
        let items = match &node.value {
            Value::Array(items) => items,
            _ => {
                self.wrong(key, node, "an array of strings");
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match &item.value {
                Value::Str(s) => out.push(s.clone()),
                other => {
                    let message = format!("`{key}[{i}]` must be a string, found {}", other.what());
                    self.problem(
                        format!("{}.{key}[{i}]", self.path),
                        item.span.clone(),
                        message,
                    );
                }
            }
        }
        out
    }

    /// A pair of integers `[start, end]`.
    pub(crate) fn span_pair(&mut self, key: &str) -> Option<[usize; 2]> {
        let node = self.node(key)?;
        let pair = match &node.value {
            Value::Array(items) if items.len() == 2 => {
                match (items[0].value.as_u64(), items[1].value.as_u64()) {
                    (Some(a), Some(b)) => usize::try_from(a).ok().zip(usize::try_from(b).ok()),
                    _ => None,
                }
            }
            _ => None,
        };
        if pair.is_none() {
            let message = format!("`{key}` must be [start, end], two non-negative integers");
            self.problem(format!("{}.{key}", self.path), node.span.clone(), message);
        }
        pair.map(|(a, b)| [a, b])
    }

    /// One of the names `all` gives, or `default` when absent.
    pub(crate) fn choice<T: Copy>(
        &mut self,
        key: &str,
        all: &[T],
        name: fn(&T) -> &'static str,
        default: T,
    ) -> T {
        self.opt_choice(key, all, name).unwrap_or(default)
    }

    /// One of the names `all` gives, if present.
    pub(crate) fn opt_choice<T: Copy>(
        &mut self,
        key: &str,
        all: &[T],
        name: fn(&T) -> &'static str,
    ) -> Option<T> {
        self.opt_choice_or(key, all, name, None)
    }

    /// One of the names `all` gives, or of the other names `also` gives (the Chinese
    /// term: 约束性 for `binding`), if present.
    pub(crate) fn opt_choice_or<T: Copy>(
        &mut self,
        key: &str,
        all: &[T],
        name: fn(&T) -> &'static str,
        also: Option<fn(&T) -> &'static str>,
    ) -> Option<T> {
        let node = self.node(key)?;
        if let Value::Str(s) = &node.value {
            let s = s.trim();
            if let Some(v) = all
                .iter()
                .find(|v| name(v) == s || also.is_some_and(|also| also(v) == s))
            {
                return Some(*v);
            }
        }
        let mut names: Vec<String> = all.iter().map(|v| format!("{:?}", name(v))).collect();
        if let Some(also) = also {
            names.extend(all.iter().map(|v| format!("{:?}", also(v))));
        }
        self.wrong(key, node, &format!("one of {}", names.join(", ")));
        None
    }

    /// A nested table read by `read`, if present.
    pub(crate) fn table<T>(
        &mut self,
        key: &str,
        read: impl for<'b> FnOnce(&mut Fields<'b>) -> T,
    ) -> Option<T> {
        let node = self.node(key)?;
        let path = format!("{}.{key}", self.path);
        let mut inner = Fields::new(node, &path, self.locate);
        let value = read(&mut inner);
        let (ok, issues) = inner.into_issues();
        self.issues.extend(issues);
        ok.then_some(value)
    }

    /// A required nested table read by `read`.
    pub(crate) fn required_table<T>(
        &mut self,
        key: &str,
        read: impl for<'b> FnOnce(&mut Fields<'b>) -> T,
    ) -> Option<T> {
        if self.node(key).is_none() {
            self.missing(key);
            return None;
        }
        self.table(key, read)
    }

    /// Accepts every field not read so far (tables open to additions, like `name`).
    pub(crate) fn allow_others(&mut self) {
        self.used.iter_mut().for_each(|u| *u = true);
    }

    /// Reports the fields no reader asked for and returns whether the item had no
    /// problem, with the problems.
    fn into_issues(mut self) -> (bool, Vec<Issue>) {
        for (i, e) in self.entries.iter().enumerate() {
            if !self.used[i] {
                self.issues.push(Issue {
                    code: "unknown_field".into(),
                    location: (self.locate)(
                        &format!("{}.{}", self.path, e.key),
                        e.key_span.clone(),
                    ),
                    message: format!("unknown field `{}`", e.key),
                    input: None,
                    hint: None,
                });
            }
        }
        (self.issues.is_empty(), self.issues)
    }

    /// Ends the item: `value` if it had no problem, and its problems into `issues`.
    pub(crate) fn finish<T>(self, value: T, issues: &mut Vec<Issue>) -> Option<T> {
        self.finish_partial(value, issues).0
    }

    /// As [`finish`](Fields::finish), with the item read as far as it goes when it had
    /// a problem (None when it was not a table at all): a field with a problem holds
    /// its default (`None`, empty), the others what was written.
    pub(crate) fn finish_partial<T>(
        self,
        value: T,
        issues: &mut Vec<Issue>,
    ) -> (Option<T>, Option<T>) {
        let table = self.table;
        let (ok, mut problems) = self.into_issues();
        issues.append(&mut problems);
        if ok {
            (Some(value), None)
        } else {
            (None, table.then_some(value))
        }
    }
}
