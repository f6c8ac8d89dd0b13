//! Writing CSV rows (RFC 4180 with `\n` line ends), as the `csv` crate's writer does
//! with its default `Necessary` quoting: a field is quoted when it holds a comma, a
//! double quote or a line break, and quotes inside are doubled.
//!
//! Written by hand because the `csv` writer compiles in every quoting style, and its
//! `NonNumeric` style links float parsing and its 10 KB power-of-five table into the
//! WebAssembly module. Reading CSV stays with the `csv` crate; the tests check this
//! writer against the crate's.

/// Appends one record, fields separated by commas, ending in `\n`.
pub(crate) fn write_row<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_csv_crate(rows: &[Vec<String>]) -> String {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        for row in rows {
            w.write_record(row).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    fn by_hand(rows: &[Vec<String>]) -> String {
        let mut out = String::new();
        for row in rows {
            write_row(&mut out, row);
        }
        out
    }

    #[test]
    fn quotes_only_what_needs_quoting() {
        let rows = vec![
            vec!["a".into(), "b c".into(), "".into(), "1,5".into()],
            vec![
                "say \"hi\"".into(),
                "two\nlines".into(),
                "cr\r".into(),
                "深圳".into(),
            ],
        ];
        assert_eq!(
            by_hand(&rows),
            "a,b c,,\"1,5\"\n\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",深圳\n"
        );
        assert_eq!(by_hand(&rows), with_csv_crate(&rows));
    }

    proptest::proptest! {
        #[test]
        fn prop_matches_the_csv_crate(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-z,\"\\n\\r 深 ]{0,6}", 2..5), 1..4)
        ) {
            proptest::prop_assert_eq!(by_hand(&rows), with_csv_crate(&rows));
        }
    }
}
