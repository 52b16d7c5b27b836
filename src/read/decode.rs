//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; and the
//! checks that refuse what is not text at all.

use std::borrow::Cow;
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{Warning, WarningKind};

/// Decodes a text file. Returns the text and, when it was not plain UTF-8, a warning saying how
/// it was read (the user should know a guess was made). Plain UTF-8 with LF line ends (most
/// texts) is borrowed from `bytes`, not copied (the readers only look at it).
pub fn decode<'b>(path: &Path, bytes: &'b [u8]) -> Result<(Cow<'b, str>, Option<Warning>)> {
    if bytes.is_empty() {
        return Err(Error::Empty(path.to_path_buf()));
    }
    // Found once: it rules out UTF-16 without BOM when absent, and refuses the file otherwise.
    let first_nul = nul_at(bytes);
    let (text, warning) = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let warning = (enc != encoding_rs::UTF_8 || had_errors).then(|| Warning {
            kind: WarningKind::Decoded,
            message: format!("decoded as {}", enc.name()),
            origin: None,
        });
        (text, warning)
    } else if let Some(enc) = utf16_without_bom(bytes, first_nul) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        let warning = Warning {
            kind: WarningKind::Decoded,
            message: format!("no byte order mark: decoded as {}", enc.name()),
            origin: None,
        };
        (text, Some(warning))
    } else {
        if let Some(at) = first_nul {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                reason: format!("NUL byte at offset {at}"),
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (Cow::Borrowed(s), None),
            Err(_) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                let warning = Warning {
                    kind: WarningKind::Decoded,
                    message: "not valid UTF-8: decoded as windows-1252".into(),
                    origin: None,
                };
                (text, Some(warning))
            }
        }
    };
    // Old Mac files end lines with CR alone; the readers split on LF.
    let text = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(Error::Empty(path.to_path_buf()));
    }
    if let Some(reason) = looks_binary(&text) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            reason,
        });
    }
    Ok((text, warning))
}

/// UTF-16 saved without a byte order mark (Windows tools do this): Latin text then has a zero
/// byte in every other position and none in the others. Without this a UTF-16 resolution would
/// be refused as binary. `first_nul`: where the bytes' first zero is, if any.
fn utf16_without_bom(
    bytes: &[u8],
    first_nul: Option<usize>,
) -> Option<&'static encoding_rs::Encoding> {
    // Either answer needs zero bytes: a text without any (a `memchr`) is not counted.
    if bytes.len() < 4 || bytes.len() % 2 != 0 || first_nul.is_none() {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zeros_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Mostly ASCII-range characters: at least half the pairs have their high byte zero.
    if odd * 2 >= pairs && even == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if even * 2 >= pairs && odd == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// NUL characters, or more than 5% control characters other than white space: says which and
/// on which line, so the user can look.
///
/// Counts bytes, not characters, in passes the compiler vectorizes (decoding characters cost a
/// quarter of reading a text): a character starts at every byte that is not a UTF-8
/// continuation byte, and the control characters (`char::is_control`: U+0000..U+001F,
/// U+007F..U+009F) are the ASCII ones and the C1 ones, encoded `C2 80`..`C2 9F`. Lines are
/// counted only for the message.
fn looks_binary(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let line_at = |at: usize| 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    if let Some(at) = nul_at(bytes) {
        let line = line_at(at);
        return Some(format!("NUL character on line {line}"));
    }
    // Without short-circuits, so that the passes below stay vector code.
    let ascii_control =
        |b: u8| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C) | (b == 0x7F);
    let c1_control = |a: u8, b: u8| (a == 0xC2) & (b.wrapping_sub(0x80) < 0x20);
    let next = &bytes[1.min(bytes.len())..];
    // One pass for both kinds (a byte starts at most one of them); the characters are only
    // counted when there is a control character (a text has none, mostly).
    let control = count(bytes, next, |a, b| ascii_control(a) | c1_control(a, b))
        + bytes.last().map_or(0, |&b| usize::from(ascii_control(b)));
    if control == 0 {
        return None;
    }
    let total = count(bytes, bytes, |b, _| b & 0xC0 != 0x80);
    (control * 20 > total).then(|| {
        let is_control = |i: usize| {
            ascii_control(bytes[i]) || bytes.get(i + 1).is_some_and(|&b| c1_control(bytes[i], b))
        };
        let first_control_line = line_at((0..bytes.len()).find(|&i| is_control(i)).unwrap_or(0));
        format!(
            "{control} of its {total} characters are control characters, \
             the first on line {first_control_line}"
        )
    })
}

/// Where the first NUL byte is (texts have none). The `memchr` crate's search, many bytes at a
/// time: the standard library's took 3.6 instructions a byte (the file is searched once, and
/// the decoded text again by [`looks_binary`]).
fn nul_at(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// How many byte pairs `(a[i], b[i])` satisfy `f`, counted in bytes by blocks of 255 so that
/// the compiler adds 16 at once (a `usize` per byte adds 2).
fn count(a: &[u8], b: &[u8], f: impl Fn(u8, u8) -> bool) -> usize {
    a.chunks(255)
        .zip(b.chunks(255))
        .map(|(a, b)| {
            let n = a
                .iter()
                .zip(b)
                .fold(0u8, |n, (&x, &y)| n + u8::from(f(x, y)));
            usize::from(n)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character-by-character definition [`looks_binary`] stands for.
    fn by_chars(text: &str) -> Option<String> {
        let (mut total, mut control, mut line, mut first) = (0usize, 0usize, 1usize, 0usize);
        for c in text.chars() {
            total += 1;
            match c {
                '\0' => return Some(format!("NUL character on line {line}")),
                '\n' => line += 1,
                '\t' | '\r' | '\u{0C}' => {}
                c if c.is_control() => {
                    control += 1;
                    if first == 0 {
                        first = line;
                    }
                }
                _ => {}
            }
        }
        (control * 20 > total).then(|| {
            format!(
                "{control} of its {total} characters are control characters, \
                 the first on line {first}"
            )
        })
    }

    proptest::proptest! {
        #[test]
        fn byte_scan_counts_as_characters(
            s in "[a \n\t\r\x0c\x01\x1f\x7f\u{80}\u{9f}\u{a0}\u{c2}\u{100}\u{2011}\u{1f600}\x00]{0,30}"
        ) {
            proptest::prop_assert_eq!(looks_binary(&s), by_chars(&s));
        }
    }
}
