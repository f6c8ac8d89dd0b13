//! Text encodings of input files: everything planwatch reads is UTF-8, and a file in
//! another encoding gets an error that names where it stops being UTF-8 and, when the
//! bytes look like it, says the file is GBK/GB18030 (what Chinese offices' Excel and
//! WPS save by default) and how to convert it.
//!
//! The guess is a byte-pattern heuristic, not a decoder: from the start of the run of
//! non-ASCII bytes that holds the first byte that is not UTF-8, up to [`SCAN_BYTES`]
//! bytes past that byte (or the end of the input), every non-ASCII
//! byte must start a GBK double-byte sequence (lead `0x81–0xFE`, trail `0x40–0x7E` or
//! `0x80–0xFE`) or a GB18030 four-byte sequence (`0x81–0xFE`, `0x30–0x39`,
//! `0x81–0xFE`, `0x30–0x39`). UTF-8 text never has such sequences at an invalid
//! position; Latin-1 text may pass by chance, so the message says "looks like". A
//! UTF-16 byte-order mark is recognised too (Excel's "Unicode text").

use crate::{Error, ErrorKind, Location, Result};

/// How far past the first invalid byte the GBK heuristic looks.
pub const SCAN_BYTES: usize = 64 * 1024;

/// The encodings [`decode_utf8`] tells apart in its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guess {
    Gbk,
    Utf16,
    Unknown,
}

/// `bytes` as UTF-8 text (a leading byte-order mark is kept; the loaders skip it), or
/// an [`ErrorKind::Encoding`] error naming the byte offset (and the line, column and
/// character offset) of the first byte that is not UTF-8, the likely encoding, and how
/// to convert the file. `file` names the input in the location and the message.
///
/// ```
/// // "人" in GBK is C8 CB.
/// let bytes = b"indicator,period\n\xC8\xCB,2024\n";
/// let e = planwatch::decode_utf8(bytes, "obs.csv").unwrap_err();
/// assert_eq!(e.code(), "encoding");
/// assert_eq!(e.location().byte, Some(17));
/// assert_eq!(e.location().line, Some(2));
/// assert!(e.message().contains("GB18030"));
/// assert!(e.message().contains("iconv -f GB18030 -t UTF-8"));
/// assert_eq!(planwatch::decode_utf8("南山".as_bytes(), "x")?, "南山");
/// # Ok::<(), planwatch::Error>(())
/// ```
pub fn decode_utf8<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str> {
    let err = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let at = err.valid_up_to();
    // The prefix is valid UTF-8 by construction.
    let before = std::str::from_utf8(&bytes[..at]).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let place = Place {
        byte: at,
        char: before.chars().count(),
        line,
        column: before[line_start..].chars().count() + 1,
    };
    let guess = if starts_utf16(bytes) {
        Guess::Utf16
    } else {
        guess(bytes, at)
    };
    Err(not_utf8(file, place, guess, bytes.get(at).copied()))
}

/// Where the first byte that is not UTF-8 is.
#[derive(Debug, Clone, Copy)]
struct Place {
    byte: usize,
    char: usize,
    line: usize,
    column: usize,
}

/// The [`ErrorKind::Encoding`] error for `file` at `place`.
fn not_utf8(file: &str, place: Place, guess: Guess, byte: Option<u8>) -> Error {
    let Place {
        byte: at,
        line,
        column,
        ..
    } = place;
    let byte = byte.unwrap_or(0);
    let name = if file.is_empty() { "the input" } else { file };
    let shown = if file.is_empty() { "FILE" } else { file };
    let message = match guess {
        Guess::Gbk => format!(
            "{name} is not UTF-8: byte 0x{byte:02X} at byte offset {at} (line {line}, column {column}) \
             starts an invalid sequence; the file looks like GBK/GB18030 (the default of Chinese \
             Excel and WPS). Convert it to UTF-8, e.g. `iconv -f GB18030 -t UTF-8 {shown} > utf8.csv`, \
             or save it as \"CSV UTF-8\"; in Python, open(path, encoding=\"gb18030\").read() and \
             pass the text"
        ),
        Guess::Utf16 => format!(
            "{name} is not UTF-8: it starts with a UTF-16 byte-order mark (Excel's \"Unicode \
             text\"). Convert it, e.g. `iconv -f UTF-16 -t UTF-8 {shown} > utf8.csv`, or save it as \
             \"CSV UTF-8\""
        ),
        Guess::Unknown => format!(
            "{name} is not UTF-8: byte 0x{byte:02X} at byte offset {at} (line {line}, column {column}) \
             starts an invalid sequence, and the bytes do not look like GBK/GB18030 either; save \
             the file as UTF-8"
        ),
    };
    Error::new(ErrorKind::Encoding, message)
        .with_location(Location {
            byte: Some(at),
            char: Some(place.char),
            file: Some(file.to_string()).filter(|f| !f.is_empty()),
            line: Some(line),
            column: Some(column),
            ..Location::default()
        })
        .with_expected("UTF-8 text")
}

/// A reader that passes its input through while checking that it is UTF-8 and at most
/// `limit` bytes, in one pass and constant memory. A problem is an `io::Error` of kind
/// `InvalidData` carrying the planwatch [`Error`] (recover it with [`planwatch_error`]):
/// the [`ErrorKind::Encoding`] error of [`decode_utf8`], with the same offsets and
/// guess, or [`ErrorKind::TooLarge`].
pub(crate) struct Utf8Reader<R> {
    inner: R,
    file: String,
    limit: usize,
    /// Bytes read from `inner` and not handed out yet; `buf[..ready]` is checked.
    buf: Vec<u8>,
    /// Where `inner` reads into, allocated once.
    scratch: Vec<u8>,
    ready: usize,
    /// Bytes handed out so far, and where they end.
    done: usize,
    chars: usize,
    line: usize,
    column: usize,
    /// The first bytes of the input, for the UTF-16 byte-order mark.
    first: [u8; 2],
    /// Non-ASCII bytes handed out since the last ASCII byte, and the last of them.
    run: usize,
    tail: Vec<u8>,
    at_eof: bool,
    failed: Option<Error>,
}

const CHUNK: usize = 64 * 1024;

impl<R: std::io::Read> Utf8Reader<R> {
    pub(crate) fn new(inner: R, file: &str, limit: usize) -> Utf8Reader<R> {
        Utf8Reader {
            inner,
            file: file.to_string(),
            limit,
            buf: Vec::with_capacity(CHUNK),
            scratch: Vec::new(),
            ready: 0,
            done: 0,
            chars: 0,
            line: 1,
            column: 1,
            first: [0; 2],
            run: 0,
            tail: Vec::new(),
            at_eof: false,
            failed: None,
        }
    }

    /// Reads more into `buf`; false at the end of the input.
    fn more(&mut self) -> std::io::Result<bool> {
        let have = self.buf.len();
        if self.scratch.is_empty() {
            self.scratch = vec![0; CHUNK];
        }
        let n = loop {
            match self.inner.read(&mut self.scratch) {
                Ok(n) => break n.min(CHUNK),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        self.buf.extend_from_slice(&self.scratch[..n]);
        if self.done == 0 && have < 2 {
            for (i, b) in self.buf.iter().take(2).enumerate() {
                self.first[i] = *b;
            }
        }
        Ok(n > 0)
    }

    /// Makes some checked bytes ready, or records the failure.
    fn fill(&mut self) -> std::io::Result<()> {
        while self.ready == 0 && !self.at_eof {
            if !self.more()? {
                self.at_eof = true;
            }
            if self.done.saturating_add(self.buf.len()) > self.limit {
                let e = Error::new(
                    ErrorKind::TooLarge,
                    format!("{} is larger than {} bytes", self.file, self.limit),
                )
                .in_file(self.file.clone());
                return Err(self.fail(e));
            }
            match std::str::from_utf8(&self.buf) {
                Ok(_) => self.ready = self.buf.len(),
                Err(e) if e.error_len().is_none() && !self.at_eof => {
                    // A sequence cut at the end of the chunk: hand out what is before
                    // it, and complete it with the next read.
                    self.ready = e.valid_up_to();
                }
                Err(e) => {
                    let at = e.valid_up_to();
                    self.ready = at;
                    if at == 0 {
                        return Err(self.invalid());
                    }
                }
            }
        }
        Ok(())
    }

    /// The encoding error at the start of `buf` (everything before it was handed out).
    fn invalid(&mut self) -> std::io::Error {
        // Look ahead for the guess; the window starts at the last ASCII byte handed
        // out, as `guess` needs the run of non-ASCII bytes the invalid byte is in.
        while self.buf.len() <= SCAN_BYTES && !self.at_eof {
            match self.more() {
                Ok(true) => {}
                Ok(false) => self.at_eof = true,
                Err(e) => return e,
            }
        }
        let guess = if starts_utf16(&self.first) {
            Guess::Utf16
        } else {
            // The run of non-ASCII bytes before `buf` was handed out; `tail` keeps its
            // end, so the window is what `decode_utf8` would look at.
            let back = look_back(self.run).min(self.tail.len());
            let mut window = self.tail[self.tail.len() - back..].to_vec();
            // One byte more than the scan, so it knows whether the input goes on.
            window.extend_from_slice(&self.buf[..self.buf.len().min(SCAN_BYTES + 1)]);
            guess(&window, back)
        };
        let place = Place {
            byte: self.done,
            char: self.chars,
            line: self.line,
            column: self.column,
        };
        let e = not_utf8(&self.file, place, guess, self.buf.first().copied());
        self.fail(e)
    }

    fn fail(&mut self, e: Error) -> std::io::Error {
        self.failed = Some(e.clone());
        std::io::Error::new(std::io::ErrorKind::InvalidData, e)
    }
}

impl<R: std::io::Read> std::io::Read for Utf8Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if let Some(e) = &self.failed {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                e.clone(),
            ));
        }
        self.fill()?;
        let n = self.ready.min(out.len());
        out[..n].copy_from_slice(&self.buf[..n]);
        for &b in &self.buf[..n] {
            if b < 0x80 {
                self.run = 0;
                self.tail.clear();
            } else {
                self.run += 1;
                self.tail.push(b);
                if self.tail.len() > 2 * LOOK_BACK {
                    self.tail.drain(..LOOK_BACK);
                }
            }
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
                self.chars += 1;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
                self.chars += 1;
            }
        }
        self.buf.drain(..n);
        self.ready -= n;
        self.done += n;
        Ok(n)
    }
}

/// The planwatch error a [`Utf8Reader`] failed with, from the `io::Error` it returned
/// (through the csv crate, for example).
pub(crate) fn planwatch_error(e: &std::io::Error) -> Option<Error> {
    e.get_ref()?.downcast_ref::<Error>().cloned()
}

fn starts_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// How many bytes of the run of `run` non-ASCII bytes before the invalid one the guess
/// looks back at: all of them up to [`LOOK_BACK`], else the same parity, since GBK
/// pairs are two bytes.
fn look_back(run: usize) -> usize {
    if run <= LOOK_BACK {
        run
    } else {
        LOOK_BACK - run % 2
    }
}

/// See [`look_back`].
const LOOK_BACK: usize = 64;

/// Which encoding the bytes from `at` (the first invalid one) look like.
fn guess(bytes: &[u8], at: usize) -> Guess {
    // Start at the beginning of the run of non-ASCII bytes the invalid byte is in (at
    // most LOOK_BACK bytes back): a GBK pair may begin before it when its first bytes
    // happen to be valid UTF-8 (D6 B8, 指 in GBK, is also U+05B8).
    let at = at.min(bytes.len());
    let run = bytes[..at].iter().rev().take_while(|b| **b >= 0x80).count();
    let start = at - look_back(run);
    let end = at.saturating_add(SCAN_BYTES).min(bytes.len());
    let rest = &bytes[start.min(end)..end];
    let mut i = 0;
    let mut sequences = 0usize;
    while i < rest.len() {
        let b = rest[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) {
            return Guess::Unknown;
        }
        match rest.get(i + 1) {
            Some(&t) if (0x40..=0x7E).contains(&t) || (0x80..=0xFE).contains(&t) => i += 2,
            Some(&t) if (0x30..=0x39).contains(&t) => {
                let four = rest.get(i + 2..i + 4);
                match four {
                    Some([c, d]) if (0x81..=0xFE).contains(c) && (0x30..=0x39).contains(d) => {
                        i += 4
                    }
                    // Cut off by the scan window: do not count it against the guess.
                    None if end < bytes.len() => break,
                    _ => return Guess::Unknown,
                }
            }
            None if end < bytes.len() => break,
            _ => return Guess::Unknown,
        }
        sequences += 1;
    }
    if sequences > 0 {
        Guess::Gbk
    } else {
        Guess::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_is_recognised_with_offset_line_and_column() {
        // "新增就业" in GBK after a UTF-8 prefix with Chinese characters on line 2.
        let mut bytes = "indicator,period\n南山,".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xD0, 0xC2, 0xD4, 0xF6, 0xBE, 0xCD, 0xD2, 0xB5, b'\n']);
        let e = decode_utf8(&bytes, "jobs.csv").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Encoding);
        let loc = e.location();
        assert_eq!(loc.byte, Some(24));
        assert_eq!(loc.char, Some(20));
        assert_eq!((loc.line, loc.column), (Some(2), Some(4)));
        assert_eq!(loc.file.as_deref(), Some("jobs.csv"));
        assert!(e.message().contains("0xD0"), "{e}");
        assert!(e.message().contains("GBK/GB18030"), "{e}");
        assert!(
            e.message().contains("iconv -f GB18030 -t UTF-8 jobs.csv"),
            "{e}"
        );
    }

    #[test]
    fn gbk_pairs_that_look_like_utf8_are_still_gbk() {
        // "指标" in GBK is D6 B8 B1 EA; D6 B8 is valid UTF-8, so UTF-8 breaks at B1.
        let bytes = b"a,\xD6\xB8\xB1\xEA\n";
        let e = decode_utf8(bytes, "x.csv").unwrap_err();
        assert_eq!(e.location().byte, Some(4));
        assert!(e.message().contains("GBK/GB18030"), "{e}");
    }

    #[test]
    fn gb18030_four_byte_sequences_count_as_gbk() {
        // 0x81 0x30 0x81 0x30 is the first four-byte GB18030 code (U+0080).
        let bytes = [b'a', 0x81, 0x30, 0x81, 0x30, 0xC4, 0xCF];
        assert_eq!(guess(&bytes, 1), Guess::Gbk);
    }

    #[test]
    fn other_encodings_are_not_called_gbk() {
        // A lone 0x80 (Windows-1252 euro sign) is neither UTF-8 nor a GBK lead byte.
        let e = decode_utf8(b"price,\x80 5\n", "x.csv").unwrap_err();
        assert!(e.message().contains("do not look like GBK"), "{e}");
        assert_eq!(e.location().byte, Some(6));
        // A GBK lead byte with nothing after it.
        assert_eq!(guess(b"ab\xC4", 2), Guess::Unknown);
        // UTF-16 little-endian with its byte-order mark.
        let e = decode_utf8(b"\xFF\xFEi\0n\0", "x.csv").unwrap_err();
        assert!(e.message().contains("UTF-16"), "{e}");
    }

    /// Reads one byte at a time, so every sequence is cut somewhere.
    struct Trickle<'a>(&'a [u8]);

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), out.first_mut()) {
                (Some((b, rest)), Some(slot)) => {
                    *slot = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn through(bytes: &[u8], one_at_a_time: bool) -> std::result::Result<Vec<u8>, Error> {
        use std::io::Read;
        let mut out = Vec::new();
        let r = if one_at_a_time {
            Utf8Reader::new(Trickle(bytes), "x.csv", 1 << 20).read_to_end(&mut out)
        } else {
            Utf8Reader::new(bytes, "x.csv", 1 << 20).read_to_end(&mut out)
        };
        match r {
            Ok(_) => Ok(out),
            Err(e) => Err(planwatch_error(&e).expect("a planwatch error")),
        }
    }

    #[test]
    fn the_reader_agrees_with_decode_utf8() {
        let mut gbk = "indicator,period\n南山,".as_bytes().to_vec();
        gbk.extend_from_slice(&[0xD0, 0xC2, 0xD4, 0xF6, b'\n']);
        let mut long = "南山区，".repeat(40_000).into_bytes();
        long.extend_from_slice(b"\n\xC8\xCB\n");
        let inputs: [&[u8]; 7] = [
            "南山 2024年1-9月\n".as_bytes(),
            &gbk,
            b"a,\xD6\xB8\xB1\xEA\n",
            b"price,\x80 5\n",
            b"\xFF\xFEi\0n\0",
            b"ab\xE5\x8D",
            &long,
        ];
        for bytes in inputs {
            let want = decode_utf8(bytes, "x.csv").map(|s| s.as_bytes().to_vec());
            // One byte at a time cuts every sequence; the long input only in chunks.
            for one in [false, bytes.len() < 1000] {
                let got = through(bytes, one);
                match (&want, &got) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b),
                    (Err(a), Err(b)) => {
                        assert_eq!(a.location(), b.location(), "{a} / {b}");
                        assert_eq!(a.message(), b.message());
                    }
                    _ => panic!("{want:?} vs {got:?}"),
                }
            }
        }
    }

    #[test]
    fn the_reader_enforces_its_limit() {
        use std::io::Read;
        let mut out = Vec::new();
        let e = Utf8Reader::new(&b"abcdef"[..], "x.csv", 4)
            .read_to_end(&mut out)
            .unwrap_err();
        assert_eq!(planwatch_error(&e).unwrap().kind(), ErrorKind::TooLarge);
    }

    #[test]
    fn utf8_passes_through() {
        assert_eq!(
            decode_utf8("\u{feff}a,b".as_bytes(), "x").unwrap(),
            "\u{feff}a,b"
        );
    }
}
