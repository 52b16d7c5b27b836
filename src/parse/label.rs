//! Clause labels at the start of a paragraph: `a)`, `b)bis`, `ii)`, `1`, `1.11.1`, `1bis.1.1.3`,
//! bullets. Only the *form* is read here; whether a label opens a clause or a sub-item (or is
//! just text, like `2014 session`) is decided by the body rules, which know the context.

use crate::model::Label;

/// The kind of sequence a label belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `a)`, `b)`, `b)bis`.
    Letter,
    /// `i)`, `ii)`, `iv)`.
    Roman,
    /// `1`, `2`, `1.1`, `1bis.1.1.3`.
    Number,
    /// `•`, `-`, `–`.
    Bullet,
}

/// How the label is separated from the text that follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// A TAB (Word): the strongest sign of a label.
    Tab,
    /// One or more spaces.
    Space,
    /// Text glued to the label (`a)that`): Word's text export of a tab stop.
    Glued,
    /// The label alone on its line; its text is on the next line.
    Alone,
}

/// A label read at the start of a paragraph, with the rest of the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'a> {
    pub label: Label,
    pub family: Family,
    /// `i`, `v`, `x` (and longer roman-looking letters) can also be letters: see the body rules.
    pub ambiguous_roman: bool,
    pub sep: Sep,
    pub rest: &'a str,
}

const SUFFIXES: [&str; 3] = ["quater", "bis", "ter"];

/// Is `s` made of roman-numeral letters only (lowercase)?
fn roman_letters(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// The value of a lowercase roman numeral (`iv` = 4), `None` if not well formed enough.
pub fn roman_value(s: &str) -> Option<u32> {
    if !roman_letters(s) || s.len() > 8 {
        return None;
    }
    let val = |c| match c {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        _ => 0,
    };
    let cs: Vec<u32> = s.chars().map(val).collect();
    let mut total = 0;
    for (k, v) in cs.iter().enumerate() {
        if cs.get(k + 1).is_some_and(|n| n > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).ok().filter(|v| *v > 0)
}

/// Splits a `bis`/`ter`/`quater` suffix off the front of `s`, if it is a whole word there.
fn suffix(s: &str) -> Option<(&'static str, &str)> {
    for suf in SUFFIXES {
        if let Some(rest) = s.strip_prefix(suf) {
            if !rest.starts_with(|c: char| c.is_alphanumeric()) {
                return Some((suf, rest));
            }
        }
    }
    None
}

/// Reads the separator after a label; `None` when what follows cannot follow a label
/// (`e), f)` is a reference list, not a label).
fn separator(rest: &str, allow_glued: bool) -> Option<(Sep, &str)> {
    let mut chars = rest.chars();
    match chars.next() {
        None => Some((Sep::Alone, "")),
        Some('\t') => Some((Sep::Tab, rest.trim_start())),
        Some(c) if c.is_whitespace() => {
            let t = rest.trim_start();
            let gap = &rest[..rest.len() - t.len()];
            if t.is_empty() {
                Some((Sep::Alone, ""))
            } else if gap.contains('\t') {
                Some((Sep::Tab, t))
            } else {
                Some((Sep::Space, t))
            }
        }
        Some(c) if allow_glued && (c.is_alphabetic() || c == '"' || c == '\u{201C}') => {
            Some((Sep::Glued, rest))
        }
        _ => None,
    }
}

/// Reads a label at the start of `text` (already trimmed of leading spaces).
pub fn read(text: &str) -> Option<Found<'_>> {
    read_bullet(text)
        .or_else(|| read_letter(text))
        .or_else(|| read_number(text))
}

fn read_bullet(text: &str) -> Option<Found<'_>> {
    let c = text.chars().next()?;
    let is_bullet = matches!(
        c,
        '•' | '·'
            | '▪'
            | '◦'
            | '●'
            | '○'
            | '■'
            | '–'
            | '—'
            | '-'
            | '\u{F0B7}'
            | '*'
            | '\u{2212}'
            | '\u{2012}'
            | '\u{2043}'
            | '\u{2023}'
            | '►'
            | '▸'
            | '➢'
    );
    if !is_bullet {
        return None;
    }
    let rest = &text[c.len_utf8()..];
    // `-` and `*` are bullets only when followed by white space (else a word or emphasis).
    let (sep, rest) = separator(rest, false)?;
    if sep == Sep::Alone && matches!(c, '-' | '*') {
        return None;
    }
    Some(Found {
        label: Label {
            raw: c.to_string(),
            norm: "•".into(),
        },
        family: Family::Bullet,
        ambiguous_roman: false,
        sep,
        rest,
    })
}

fn read_letter(text: &str) -> Option<Found<'_>> {
    let (open, body) = match text.strip_prefix('(') {
        Some(b) => (true, b),
        None => (false, text),
    };
    let letters_len = body
        .char_indices()
        .find(|(_, c)| !c.is_ascii_lowercase())
        .map(|(i, _)| i)
        .unwrap_or(body.len());
    if letters_len == 0 || letters_len > 6 {
        return None;
    }
    let letters = &body[..letters_len];
    let roman = roman_letters(letters) && roman_value(letters).is_some();
    if letters_len > 1 && !roman {
        return None;
    }
    let mut after = &body[letters_len..];
    // `b bis)` form.
    let mut suf: Option<&str> = None;
    if let Some(t) = after.strip_prefix(' ') {
        if let Some((s, r)) = suffix(t) {
            if r.starts_with(')') {
                suf = Some(s);
                after = r;
            }
        }
    }
    after = after.strip_prefix(')')?;
    if suf.is_none() {
        if let Some((s, r)) = suffix(after) {
            suf = Some(s);
            after = r;
        }
    }
    let (sep, rest) = separator(after, true)?;
    let raw_len = text.len() - after.len();
    let raw = text[..raw_len].to_string();
    let _ = open;
    let norm = match suf {
        Some(s) => format!("{letters} {s}"),
        None => letters.to_string(),
    };
    let family = if letters_len > 1 {
        Family::Roman
    } else {
        Family::Letter
    };
    Some(Found {
        label: Label { raw, norm },
        family,
        ambiguous_roman: letters_len == 1 && roman,
        sep,
        rest,
    })
}

fn read_number(text: &str) -> Option<Found<'_>> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut parts = 0;
    loop {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > 3 {
            return None;
        }
        parts += 1;
        if let Some((s, _)) = suffix(&text[i..]) {
            i += s.len();
        }
        if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    let label_end = i;
    let mut after = &text[i..];
    // `1)` or `1.` followed by white space.
    if let Some(r) = after.strip_prefix(')') {
        after = r;
    } else if let Some(r) = after.strip_prefix('.') {
        if r.starts_with(char::is_whitespace) {
            after = r;
        }
    }
    let dotted = parts > 1;
    let (sep, rest) = separator(after, dotted)?;
    let raw = text[..text.len() - after.len()].to_string();
    Some(Found {
        label: Label {
            raw,
            norm: text[..label_end].to_string(),
        },
        family: Family::Number,
        ambiguous_roman: false,
        sep,
        rest,
    })
}

/// The integer value of a plain (undotted, suffix-free) number label.
pub fn number_value(norm: &str) -> Option<u32> {
    if norm.bytes().all(|b| b.is_ascii_digit()) {
        norm.parse().ok()
    } else {
        None
    }
}

/// The letter after `norm` (`a` -> `b`); `None` for `z` or non-letters. `b bis` -> `c`.
pub fn next_letter(norm: &str) -> Option<char> {
    let c = norm.chars().next()?;
    if !c.is_ascii_lowercase() || c == 'z' {
        return None;
    }
    char::from_u32(c as u32 + 1)
}

/// Is `norm` the one character `c` (the letter [`next_letter`] gave)? Compared without
/// making a string of `c`.
pub fn is_char(norm: &str, c: char) -> bool {
    let mut chars = norm.chars();
    chars.next() == Some(c) && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Option<(String, Family, Sep, String)> {
        read(s).map(|f| (f.label.norm, f.family, f.sep, f.rest.to_string()))
    }

    #[test]
    fn reads_the_label_forms_of_itu_texts() {
        assert_eq!(
            norm("a)\tthe purposes"),
            Some(("a".into(), Family::Letter, Sep::Tab, "the purposes".into()))
        );
        assert_eq!(
            norm("a)that x"),
            Some(("a".into(), Family::Letter, Sep::Glued, "that x".into()))
        );
        assert_eq!(norm("b)bis\tthat").map(|x| x.0), Some("b bis".into()));
        assert_eq!(norm("b bis) that").map(|x| x.0), Some("b bis".into()));
        assert_eq!(norm("ii)review").map(|x| x.1), Some(Family::Roman));
        assert_eq!(norm("1.11.1WTSA shall").map(|x| x.0), Some("1.11.1".into()));
        assert_eq!(
            norm("1bis.1.1.3\tTexts").map(|x| x.0),
            Some("1bis.1.1.3".into())
        );
        assert_eq!(
            norm("8 to request"),
            Some(("8".into(), Family::Number, Sep::Space, "to request".into()))
        );
        assert_eq!(norm("a)").map(|x| x.2), Some(Sep::Alone));
        assert_eq!(norm("•\tensure").map(|x| x.1), Some(Family::Bullet));
        // Resolution 1's enumlev3 items use a minus sign.
        assert_eq!(
            norm("\u{2212}\tto accept").map(|x| x.1),
            Some(Family::Bullet)
        );
    }

    #[test]
    fn text_that_only_looks_like_a_label_is_not_one() {
        assert_eq!(norm("e), f), g) and h) above"), None);
        assert_eq!(norm("2014session"), None);
        assert_eq!(norm("the purposes"), None);
        assert_eq!(norm("*considering*"), None);
        assert_eq!(norm("-based"), None);
        assert_eq!(roman_value("iv"), Some(4));
        assert_eq!(roman_value("vii"), Some(7));
    }
}
