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

/// Is `b` a byte [`Printable::write`] must look at: a control it replaces, or the lead byte
/// of a C1 control?
fn looked_at(b: u8) -> bool {
    (b < 0x20 && b != b'\t' && b != b'\n') | (b == 0x7F) | (b == C1_LEAD)
}

/// Does `bytes` (UTF-8) hold a control character [`Printable`] would replace?
pub fn has_controls(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| shown(b).is_some())
        || bytes
            .windows(2)
            .any(|w| w[0] == C1_LEAD && is_c1_tail(w[1]))
}

/// A message for one line of stderr: every control character shown by its picture, line
/// breaks and tabs included (`␊`, `␉`, `␛`; C1 controls as `�`). Error messages name the
/// user's files, and a file name may hold any of them: an escape sequence would act on the
/// terminal, a line break would make a second line that reads as another message.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| c.is_control();
    if !text.contains(control) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect::<String>()
        .into()
}

/// Writes UTF-8 text with its control characters replaced by visible ones (see [`shown`]).
/// A C1 control cut between two writes is joined up: the lead byte waits for the next write or
/// for `flush`.
pub struct Printable<W: Write> {
    inner: W,
    /// A `0xC2` that ended the last write.
    lead: bool,
}

impl<W: Write> Printable<W> {
    pub fn new(inner: W) -> Self {
        Printable { inner, lead: false }
    }

    fn put(&mut self, c: char) -> io::Result<()> {
        let mut tmp = [0u8; 4];
        self.inner.write_all(c.encode_utf8(&mut tmp).as_bytes())
    }
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let mut rest = buf;
        if std::mem::take(&mut self.lead) {
            match rest.first() {
                Some(&b) if is_c1_tail(b) => {
                    self.put('\u{FFFD}')?;
                    rest = &rest[1..];
                }
                _ => self.inner.write_all(&[C1_LEAD])?,
            }
        }
        let mut start = 0;
        let mut i = 0;
        while i < rest.len() {
            // Most text holds no byte to look at: 32 at a time, in a pass the compiler
            // vectorizes.
            while let Some(chunk) = rest.get(i..i + 32) {
                if chunk.iter().fold(false, |any, &b| any | looked_at(b)) {
                    break;
                }
                i += 32;
            }
            let Some(&b) = rest.get(i) else { break };
            if let Some(c) = shown(b) {
                self.inner.write_all(&rest[start..i])?;
                self.put(c)?;
                i += 1;
                start = i;
            } else if b == C1_LEAD {
                match rest.get(i + 1) {
                    Some(&t) if is_c1_tail(t) => {
                        self.inner.write_all(&rest[start..i])?;
                        self.put('\u{FFFD}')?;
                        i += 2;
                        start = i;
                    }
                    Some(_) => i += 1,
                    None => {
                        self.inner.write_all(&rest[start..i])?;
                        self.lead = true;
                        i += 1;
                        start = i;
                    }
                }
            } else {
                i += 1;
            }
        }
        self.inner.write_all(&rest[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.lead) {
            self.inner.write_all(&[C1_LEAD])?;
        }
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
/// (the same words, without colour) holds control characters, then as that plain text, shown.
/// JSON escapes them and HTML shows them already.
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
                render(format, out)
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
                '\t' | '\n' => c,
                '\r' | '\u{b}' | '\u{c}' => ' ',
                '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap(),
                '\u{7f}' => '\u{2421}',
                '\u{80}'..='\u{9f}' => '\u{fffd}',
                _ => c,
            })
            .collect()
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
    }

    proptest! {
        /// Long runs of plain text (skipped 32 bytes at a time) between the characters to
        /// replace: the output is the reference's, wherever the runs end.
        #[test]
        fn long_plain_runs_are_skipped_exactly(
            s in "(abcdefghij|klmnopqrstuvwxyz0123456789ABCDEFGHIJ|\u{1b}|\u{85}|\u{c2}|é|\t|\n|\u{7f}|\u{c}|\u{0}| ){0,30}",
        ) {
            prop_assert_eq!(printable(&s), reference(&s));
        }

        /// Cut anywhere into writes, the output is that of one write, valid UTF-8, without
        /// control characters, and text without any passes unchanged.
        #[test]
        fn any_cut_gives_the_same_printable_text(
            s in "[a\u{1b}\u{85}\u{a2}\u{e9}\t\n\u{7f}\u{c} ]{0,40}",
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
            prop_assert!(!has_controls(pieces.as_bytes()));
            if !has_controls(bytes) {
                prop_assert_eq!(&whole, &s);
            }
        }
    }
}
