//! Bidirectional control characters: invisible, and able to show a text's words in another
//! order than they are stored. `fee of 001 francs`, with a right-to-left override (U+202E)
//! before `001` and its end (U+202C) after, shows as `fee of 100 francs` in a browser, in Word
//! and in some terminals: a proposal could read one way in a report and say another (the
//! "Trojan Source" trick). Reports are read in meetings as what a proposal says, so resdiff
//! names these characters in a warning when a file is read ([`check`]), shows each by its code
//! point, `⟨U+202E⟩` ([`picture`]), in the formats people read (`render::printable` for text,
//! terminal and Markdown, `render::html::esc`), and never calls a change of them editorial
//! ([`same_controls`]). JSON keeps them as they are (its readers are programs), and so does the
//! .docx writer (its text is the document).

use crate::block::Blocks;
use crate::model::{Origin, Warning, WarningKind};

/// The embeddings, overrides and isolates of Unicode's bidirectional algorithm (UAX #9):
/// U+202A..U+202E and U+2066..U+2069, the characters that reorder the text after them. The
/// marks (U+200E, U+200F, U+061C) only give a direction to neutral characters around them, as
/// Arabic texts use them; they are left alone.
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Is the UTF-8 sequence `[a, b, c]` one of the [`is_control`] characters? They are
/// `E2 80 AA..AE` and `E2 81 A6..A9`.
pub fn is_control_bytes(a: u8, b: u8, c: u8) -> bool {
    a == 0xE2
        && ((b == 0x80 && (0xAA..=0xAE).contains(&c)) || (b == 0x81 && (0xA6..=0xA9).contains(&c)))
}

/// The Unicode name of a control, for the warning.
pub fn name(c: char) -> &'static str {
    match c {
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        _ => "not a bidirectional control",
    }
}

/// How a control is shown: its code point between angle brackets, `⟨U+202E⟩`.
pub fn picture(c: char) -> String {
    format!("\u{27E8}U+{:04X}\u{27E9}", u32::from(c))
}

/// Does `text` hold a control? A byte search: every control starts with `0xE2`.
pub fn contains(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(0xE2, b)
        .any(|i| b.len() > i + 2 && is_control_bytes(b[i], b[i + 1], b[i + 2]))
}

/// The controls of `text`, in order.
pub fn controls(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|&c| is_control(c))
}

/// Do `a` and `b` hold the same controls in the same order? A change that adds, removes or
/// moves one changes how the text is shown, so it is never editorial.
pub fn same_controls(a: &str, b: &str) -> bool {
    match (contains(a), contains(b)) {
        (false, false) => true,
        (true, true) => controls(a).eq(controls(b)),
        _ => false,
    }
}

/// Places named in the warning; the rest are counted.
const MAX_PLACES: usize = 8;

/// Adds a warning to the blocks a reader made when their texts (footnotes included) hold
/// controls: how many, which, and on which lines or paragraphs. `whole`, the decoded text the
/// blocks were read from when there is one, is searched first: one pass over a clean text
/// instead of one search per block.
pub fn check(blocks: &mut Blocks, whole: Option<&str>) {
    if whole.is_some_and(|t| !contains(t)) {
        return;
    }
    let mut found: Vec<char> = Vec::new();
    let mut places: Vec<Origin> = Vec::new();
    let texts = (blocks.blocks.iter().map(|b| (&b.text, Some(b.origin))))
        .chain(blocks.footnotes.iter().map(|f| (&f.text.shown, None)));
    for (text, origin) in texts {
        if contains(text) {
            found.extend(controls(text));
            places.extend(origin);
        }
    }
    if found.is_empty() {
        return;
    }
    let mut kinds: Vec<char> = found.clone();
    kinds.sort_unstable();
    kinds.dedup();
    let kinds: Vec<String> = kinds
        .iter()
        .map(|&c| format!("U+{:04X} {}", u32::from(c), name(c)))
        .collect();
    let at = if places.is_empty() {
        String::new()
    } else {
        let mut at: Vec<String> = places
            .iter()
            .take(MAX_PLACES)
            .map(|o| o.to_string())
            .collect();
        if places.len() > MAX_PLACES {
            at.push(format!("and {} more", places.len() - MAX_PLACES));
        }
        format!(" at {}", at.join(", "))
    };
    let n = found.len();
    let (s, them, each) = if n == 1 {
        ("", "it", "it")
    } else {
        ("s", "them", "each")
    };
    blocks.warnings.push(Warning {
        kind: WarningKind::BidiControl,
        message: format!(
            "{n} bidirectional control character{s} ({}){at}: a viewer may show the words around {them} in another order than they are written; reports show {each} by its code point, as {}",
            kinds.join(", "),
            picture(found[0]),
        ),
        // The message names every place; one origin would single out the first.
        origin: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_agrees_with_the_char_test() {
        for cp in 0x2000..0x2100u32 {
            let c = char::from_u32(cp).unwrap();
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(
                is_control_bytes(b[0], b[1], b[2]),
                is_control(c),
                "U+{cp:04X}"
            );
        }
    }

    #[test]
    fn an_override_is_found_and_pictured() {
        let text = "a fee of \u{202E}001\u{202C} francs";
        assert!(contains(text));
        assert_eq!(picture('\u{202E}'), "⟨U+202E⟩");
        assert!(!contains("a fee of “100” francs"));
        assert!(!contains("quotes “” and dashes – — and marks \u{200F}"));
    }

    #[test]
    fn a_change_of_controls_is_seen() {
        assert!(same_controls("100", "100 ’"));
        assert!(!same_controls("100", "\u{202E}100"));
        assert!(!same_controls("\u{2067}100\u{2069}", "\u{202E}100\u{202C}"));
        assert!(same_controls("\u{202E}1\u{202C}", "x \u{202E}2\u{202C}"));
    }
}
