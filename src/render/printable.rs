//! Control characters of the documents, shown rather than sent. The text, terminal and
//! Markdown reports are read as they are, often in a terminal, where a document's escape
//! sequence acts instead of showing: `ESC[2K ESC[A` erased the lines before it (a whole
//! `ADD` block vanished from the screen), `ESC]0;...BEL` retitled the window, `ESC[8m` hid
//! what followed. Such characters only come from the documents (resdiff writes none but the
//! terminal format's colours), so the plain formats pass through [`Printable`], and the terminal
//! format falls back to plain text when its plain rendering holds any.

use std::io::{self, Write};

use super::OutputFormat;

/// What a byte of UTF-8 text shows as; `None`: itself. C0 controls but tab and line feed
/// (white space ones as a space, as the comparison reads them; others as their control
/// picture, `ESC` as `␛`), and `DEL` as `␡`. The C1 controls (two bytes) are handled apart.
fn shown(b: u8) -> Option<char> {
    match b {
        b'\t' | b'\n' => None,
        b'\r' | 0x0B | 0x0C => Some(' '),
        0x00..=0x1F => char::from_u32(0x2400 + u32::from(b)),
        0x7F => Some('\u{2421}'),
        _ => None,
    }
}

/// The C1 controls U+0080..U+009F are `0xC2 0x80..0x9F` in UTF-8; shown as `�`.
const C1_LEAD: u8 = 0xC2;
fn is_c1_tail(b: u8) -> bool {
    (0x80..=0x9F).contains(&b)
}

/// Does `bytes` (UTF-8) hold a control character [`Printable`] would replace? (Bidirectional
/// controls aside: the terminal format shows those itself, see [`guarded`].)
pub fn has_controls(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| shown(b).is_some())
        || bytes
            .windows(2)
            .any(|w| w[0] == C1_LEAD && is_c1_tail(w[1]))
}

/// A message for one line of stderr: every control character shown by its picture, line
/// breaks and tabs included (`␊`, `␉`, `␛`; C1 controls as `�`; bidirectional controls as
/// `⟨U+202E⟩`). Error messages name the user's files, and a file name may hold any of them: an
/// escape sequence would act on the terminal, a line break would make a second line that
/// reads as another message, an override would show the name's letters in another order.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| c.is_control() || crate::bidi::is_control(c);
    if !text.contains(control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            c if c.is_control() => out.push('\u{fffd}'),
            c if crate::bidi::is_control(c) => out.push_str(&crate::bidi::picture(c)),
            c => out.push(c),
        }
    }
    out.into()
}

/// Which characters a [`Printable`] replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replaced {
    /// Control characters and bidirectional controls: the text and Markdown reports.
    Controls,
    /// Bidirectional controls only: the terminal format, whose colours are escape sequences of
    /// its own (it falls back to the text format when a document holds other controls).
    BidiOnly,
}

/// The lead byte of every bidirectional control in UTF-8 (`E2 80 AA..AE`, `E2 81 A6..A9`).
const BIDI_LEAD: u8 = 0xE2;

/// What the bytes from a place show as, for [`Printable`].
enum Seen {
    /// The byte as it is.
    Itself,
    /// `len` bytes replaced by `char` (a bidirectional control: by its picture).
    Shown(usize, char),
    /// The bytes end in the middle of a sequence that may be replaced: held for the next write.
    Cut,
}

/// Writes UTF-8 text with its control characters replaced by visible ones (see [`shown`]),
/// and its bidirectional controls by their pictures (`⟨U+202E⟩`, see [`crate::bidi`]). A C1
/// control or a bidirectional control cut between two writes is joined up: its first bytes
/// wait for the next write or for `flush`.
pub struct Printable<W: Write> {
    inner: W,
    replaced: Replaced,
    /// The first bytes of a sequence that ended the last write (at most two).
    held: Vec<u8>,
}

impl<W: Write> Printable<W> {
    pub fn new(inner: W) -> Self {
        Printable::replacing(inner, Replaced::Controls)
    }

    pub fn replacing(inner: W, replaced: Replaced) -> Self {
        Printable {
            inner,
            replaced,
            held: Vec::new(),
        }
    }

    /// Is `b` a byte [`Printable::scan`] must look at: a control it replaces, or the lead
    /// byte of a longer sequence it may replace?
    fn looked_at(&self, b: u8) -> bool {
        let control = (b < 0x20 && b != b'\t' && b != b'\n') | (b == 0x7F) | (b == C1_LEAD);
        (b == BIDI_LEAD) | (control & (self.replaced == Replaced::Controls))
    }

    /// What `bytes[0]`, and the bytes after it, show as.
    fn seen(&self, bytes: &[u8]) -> Seen {
        let b = bytes[0];
        if b == BIDI_LEAD {
            return match *bytes {
                [a, b, c, ..] if crate::bidi::is_control_bytes(a, b, c) => {
                    Seen::Shown(3, decode3(a, b, c))
                }
                [_] | [_, 0x80 | 0x81] => Seen::Cut,
                _ => Seen::Itself,
            };
        }
        if self.replaced == Replaced::BidiOnly {
            return Seen::Itself;
        }
        if let Some(c) = shown(b) {
            return Seen::Shown(1, c);
        }
        match *bytes {
            [C1_LEAD] => Seen::Cut,
            [C1_LEAD, t, ..] if is_c1_tail(t) => Seen::Shown(2, '\u{FFFD}'),
            _ => Seen::Itself,
        }
    }

    fn put(&mut self, c: char) -> io::Result<()> {
        if crate::bidi::is_control(c) {
            return self.inner.write_all(crate::bidi::picture(c).as_bytes());
        }
        let mut tmp = [0u8; 4];
        self.inner.write_all(c.encode_utf8(&mut tmp).as_bytes())
    }

    /// Writes `rest`, replaced; holds an incomplete sequence at its end.
    fn scan(&mut self, rest: &[u8]) -> io::Result<()> {
        let mut start = 0;
        let mut i = 0;
        while i < rest.len() {
            // Most text holds no byte to look at: 32 at a time, in a pass the compiler
            // vectorizes.
            while let Some(chunk) = rest.get(i..i + 32) {
                if chunk.iter().fold(false, |any, &b| any | self.looked_at(b)) {
                    break;
                }
                i += 32;
            }
            if i >= rest.len() {
                break;
            }
            if !self.looked_at(rest[i]) {
                i += 1;
                continue;
            }
            match self.seen(&rest[i..]) {
                Seen::Itself => i += 1,
                Seen::Shown(len, c) => {
                    self.inner.write_all(&rest[start..i])?;
                    self.put(c)?;
                    i += len;
                    start = i;
                }
                Seen::Cut => {
                    self.inner.write_all(&rest[start..i])?;
                    self.held = rest[i..].to_vec();
                    return Ok(());
                }
            }
        }
        self.inner.write_all(&rest[start..])
    }
}

/// The character of a three-byte UTF-8 sequence.
fn decode3(a: u8, b: u8, c: u8) -> char {
    let cp = (u32::from(a & 0x0F) << 12) | (u32::from(b & 0x3F) << 6) | u32::from(c & 0x3F);
    char::from_u32(cp).unwrap_or('\u{FFFD}')
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.held.is_empty() {
            self.scan(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.held);
            joined.extend_from_slice(buf);
            self.scan(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let held = std::mem::take(&mut self.held);
        self.inner.write_all(&held)?;
        self.inner.flush()
    }
}

/// A writer that only notes whether control characters pass through it.
#[derive(Default)]
struct Detect {
    found: bool,
    /// The last byte of the previous write (a C1 control may be cut between two).
    last: u8,
}

impl Write for Detect {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.found {
            let joined = buf
                .first()
                .is_some_and(|&b| self.last == C1_LEAD && is_c1_tail(b));
            self.found = joined || has_controls(buf);
        }
        if let Some(&b) = buf.last() {
            self.last = b;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Renders with `render` in `format`, the documents' control characters shown, not sent:
/// text and Markdown through [`Printable`]; the terminal format as it is unless its plain text
/// (the same words, without colour) holds control characters, then as that plain text, shown;
/// bidirectional controls shown by their pictures in all three. JSON escapes control characters
/// (and keeps bidirectional ones: its readers are programs); HTML shows both (`html::esc`).
pub fn guarded(
    format: OutputFormat,
    out: &mut dyn Write,
    render: impl Fn(OutputFormat, &mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match format {
        OutputFormat::Text | OutputFormat::Markdown => {
            let mut p = Printable::new(&mut *out);
            render(format, &mut p)?;
            p.flush()
        }
        OutputFormat::Terminal => {
            let mut detect = Detect::default();
            render(OutputFormat::Text, &mut detect)?;
            if detect.found {
                guarded(OutputFormat::Text, out, render)
            } else {
                let mut p = Printable::replacing(&mut *out, Replaced::BidiOnly);
                render(format, &mut p)?;
                p.flush()
            }
        }
        OutputFormat::Json | OutputFormat::Html => render(format, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn printable(s: &str) -> String {
        let mut out = Vec::new();
        let mut p = Printable::new(&mut out);
        p.write_all(s.as_bytes()).unwrap();
        p.flush().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn controls_are_shown() {
        assert_eq!(
            printable("a\u{1b}[2K\tb\nc\u{c}d\u{7f}\u{9b}e"),
            "a\u{241b}[2K\tb\nc d\u{2421}\u{fffd}e"
        );
        assert_eq!(printable("naïve ¢ é"), "naïve ¢ é");
        assert!(has_controls("x\u{85}".as_bytes()));
        assert!(!has_controls("naïve\t¢\n".as_bytes()));
    }

    /// What each character shows as, character by character: the definition [`Printable`]
    /// must follow, byte scans and all.
    fn reference(s: &str) -> String {
        s.chars()
            .map(|c| match c {
                '\t' | '\n' => c.to_string(),
                '\r' | '\u{b}' | '\u{c}' => " ".into(),
                '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap().to_string(),
                '\u{7f}' => "\u{2421}".into(),
                '\u{80}'..='\u{9f}' => "\u{fffd}".into(),
                c if crate::bidi::is_control(c) => format!("⟨U+{:04X}⟩", c as u32),
                _ => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn bidirectional_controls_are_shown_by_code_point() {
        assert_eq!(
            printable("fee \u{202E}001\u{202C} \u{2067}x\u{2069} ‘q’ \u{200F}"),
            "fee ⟨U+202E⟩001⟨U+202C⟩ ⟨U+2067⟩x⟨U+2069⟩ ‘q’ \u{200F}"
        );
        // The terminal format's own escape sequences pass; the controls do not.
        let mut out = Vec::new();
        let mut p = Printable::replacing(&mut out, Replaced::BidiOnly);
        // Written in two parts, the first ending with the override's first two bytes; a last
        // lead byte with nothing after it is written as it is at `flush`.
        p.write_all(b"\x1b[32m\xe2\x80").unwrap();
        p.write_all(b"\xaex\x1b[0m\xe2").unwrap();
        p.flush().unwrap();
        let mut expected = b"\x1b[32m".to_vec();
        expected.extend_from_slice("⟨U+202E⟩x\u{1b}[0m".as_bytes());
        expected.push(0xE2);
        assert_eq!(out, expected);
    }

    #[test]
    fn messages_stay_on_one_line_and_act_on_nothing() {
        let name = "e\u{1b}[31mred\u{1b}]0;PWNED\u{7}\nresdiff: fake.md\t\u{9b}x";
        let line = visible(name);
        assert_eq!(
            line,
            "e\u{241b}[31mred\u{241b}]0;PWNED\u{2407}\u{240a}resdiff: fake.md\u{2409}\u{fffd}x"
        );
        assert!(!line.chars().any(char::is_control));
        assert!(matches!(visible("plain é"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(visible("fdp.\u{202E}txt.md"), "fdp.⟨U+202E⟩txt.md");
    }

    proptest! {
        /// Long runs of plain text (skipped 32 bytes at a time) between the characters to
        /// replace: the output is the reference's, wherever the runs end.
        #[test]
        fn long_plain_runs_are_skipped_exactly(
            s in "(abcdefghij|klmnopqrstuvwxyz0123456789ABCDEFGHIJ|\u{1b}|\u{85}|\u{c2}|é|\t|\n|\u{7f}|\u{c}|\u{0}| |\u{202E}|\u{2069}|\u{2019}|\u{2060}){0,30}",
        ) {
            prop_assert_eq!(printable(&s), reference(&s));
        }

        /// Cut anywhere into writes, the output is that of one write, valid UTF-8, without
        /// control characters, and text without any passes unchanged.
        #[test]
        fn any_cut_gives_the_same_printable_text(
            s in "[a\u{1b}\u{85}\u{a2}\u{e9}\t\n\u{7f}\u{c} \u{202A}\u{202E}\u{2066}\u{2069}\u{2019}\u{2060}]{0,40}",
            cuts in proptest::collection::vec(0usize..60, 0..6),
        ) {
            let whole = printable(&s);
            let bytes = s.as_bytes();
            let mut at: Vec<usize> = cuts.into_iter().map(|c| c.min(bytes.len())).collect();
            at.sort_unstable();
            let mut out = Vec::new();
            let mut p = Printable::new(&mut out);
            let mut prev = 0;
            for &c in at.iter().chain([bytes.len()].iter()) {
                p.write_all(&bytes[prev..c]).unwrap();
                prev = c;
            }
            p.flush().unwrap();
            let pieces = String::from_utf8(out).expect("UTF-8");
            prop_assert_eq!(&pieces, &whole);
            prop_assert_eq!(&whole, &reference(&s));
            prop_assert!(!has_controls(pieces.as_bytes()));
            prop_assert!(!pieces.chars().any(crate::bidi::is_control));
            if !has_controls(bytes) && !crate::bidi::contains(&s) {
                prop_assert_eq!(&whole, &s);
            }
        }
    }
}
