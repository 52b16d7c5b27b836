//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; and the
//! checks that refuse what is not text at all.

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::{Warning, WarningKind};

/// Decodes a text file. Returns the text and, when it was not plain UTF-8, a warning saying how
/// it was read (the user should know a guess was made).
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Option<Warning>)> {
    if bytes.is_empty() {
        return Err(Error::Empty(path.to_path_buf()));
    }
    let (text, warning) = if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        let warning = (enc != encoding_rs::UTF_8 || had_errors).then(|| Warning {
            kind: WarningKind::Decoded,
            message: format!("decoded as {}", enc.name()),
            origin: None,
        });
        (text.into_owned(), warning)
    } else {
        if bytes.contains(&0) {
            return Err(Error::Binary(path.to_path_buf()));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), None),
            Err(_) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                let warning = Warning {
                    kind: WarningKind::Decoded,
                    message: "not valid UTF-8: decoded as windows-1252".into(),
                    origin: None,
                };
                (text.into_owned(), Some(warning))
            }
        }
    };
    if text.trim().is_empty() {
        return Err(Error::Empty(path.to_path_buf()));
    }
    if looks_binary(&text) {
        return Err(Error::Binary(path.to_path_buf()));
    }
    Ok((text, warning))
}

/// NUL characters, or more than 5% control characters other than white space.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}') {
            control += 1;
        }
    }
    control * 20 > total
}
