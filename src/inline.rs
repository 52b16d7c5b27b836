//! Inline diffs: word-level differences between two texts.
//!
//! Texts are cut into tokens (a word, or one punctuation character) each carrying the
//! whitespace that follows it, so concatenating tokens gives the text back byte for byte. Tokens
//! are compared by their typography-folded form ([`fold_typography`]), so `ITU‑T` (U+2011) and
//! `ITU-T` are equal and a double space is not a change.

use std::borrow::Cow;

use similar::DiffOp;

use crate::intern::{Interner, Word};
use crate::normalize::fold_typography;
use crate::report::{Segment, SegmentOp};

mod patience;

/// Cuts a text into tokens: a run of letters and digits, or a single other character, each
/// followed by the whitespace after it. Leading whitespace is a token of its own. ASCII is read
/// byte by byte; other characters are decoded where met.
pub fn tokenize(s: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(s.len() / 4 + 1);
    cut(s, |token, _| out.push(token));
    out
}

/// Classes of a byte for [`cut`]: ASCII letter or digit, ASCII white space, another printable
/// ASCII character but the backquote (its own key), another ASCII byte, or a byte of a longer
/// character (decoded to be classified).
const ALNUM: u8 = 0;
const SPACE: u8 = 1;
const PUNCT: u8 = 2;
const CONTROL: u8 = 3;
const WIDE: u8 = 4;
static CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_graphic() && c != b'`' {
            PUNCT
        } else {
            CONTROL
        };
        b += 1;
    }
    t
};

/// [`tokenize`], calling `f` with each token and, when the token is plain (its run or
/// character is ASCII, printable and not a backquote), the length of its key: its own bytes
/// before the whitespace, which folding would leave as they are.
#[inline(always)]
fn cut<'a>(s: &'a str, mut f: impl FnMut(&'a str, Option<usize>)) {
    let bytes = s.as_bytes();
    // The character at byte `i` (not ASCII), decoded.
    let wide = |i: usize| s[i..].chars().next().unwrap_or_default();
    // The end of the white space from `i`.
    let space = |mut i: usize| {
        while let Some(&b) = bytes.get(i) {
            match CLASS[usize::from(b)] {
                SPACE => i += 1,
                WIDE if wide(i).is_whitespace() => i += wide(i).len_utf8(),
                _ => break,
            }
        }
        i
    };
    let mut i = space(0);
    if i > 0 {
        f(&s[..i], Some(0));
    }
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let class = CLASS[usize::from(b)];
        let (alnum, mut plain) = if class != WIDE {
            i += 1;
            (class == ALNUM, class == ALNUM || class == PUNCT)
        } else {
            let c = wide(i);
            i += c.len_utf8();
            (c.is_alphanumeric(), false)
        };
        if alnum {
            while let Some(&b) = bytes.get(i) {
                match CLASS[usize::from(b)] {
                    ALNUM => i += 1,
                    WIDE if wide(i).is_alphanumeric() => {
                        plain = false;
                        i += wide(i).len_utf8();
                    }
                    _ => break,
                }
            }
        }
        let core = i - start;
        i = space(i);
        f(&s[start..i], plain.then_some(core));
    }
}

/// The form a token is compared by: typography folded, trailing whitespace dropped. Borrowed
/// when folding changes nothing (plain ASCII, the common case).
fn token_key(t: &str) -> Cow<'_, str> {
    let t = t.trim_end();
    if t.bytes().all(|b| b.is_ascii_graphic() && b != b'`') {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(fold_typography(t).trim().to_string())
    }
}

/// The tokens of both sides ([`tokenize`]), their keys as small integers (equal keys, equal
/// ids, numbered from 0) and how many ids there are: the diff then compares numbers, not
/// strings. A plain token's key is a slice of it, found while cutting.
fn tokens_and_ids<'a>(old: &'a str, new: &'a str) -> ([Vec<&'a str>; 2], [Vec<u32>; 2], usize) {
    let guess = (old.len() + new.len()) / 4 + 2;
    let mut ids = Interner::with_capacity(guess);
    let mut side = |s: &'a str| {
        let guess = s.len() / 4 + 1;
        let (mut tokens, mut keys) = (Vec::with_capacity(guess), Vec::with_capacity(guess));
        cut(s, |t, plain| {
            tokens.push(t);
            let (id, _) = match plain {
                Some(core) => ids.id(Word::Text(&t[..core])),
                None => match token_key(t) {
                    Cow::Borrowed(key) => ids.id(Word::Text(key)),
                    Cow::Owned(key) => ids.id(Word::Made(&key)),
                },
            };
            keys.push(id);
        });
        (tokens, keys)
    };
    let (ot, ok) = side(old);
    let (nt, nk) = side(new);
    ([ot, nt], [ok, nk], ids.names.len())
}

/// Word-level diff of `old` against `new`. `equal` and `delete` runs carry old text, `insert`
/// runs new text; adjacent runs of one op are merged. Deterministic (patience diff, no deadline).
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    let ([ot, nt], [ok, nk], ids) = tokens_and_ids(old, new);
    let ops = patience::diff(&ok, &nk, ids);
    let mut b = Builder::default();
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for i in 0..len {
                    b.equal(ot[old_index + i], nt[new_index + i]);
                }
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => b.push(SegmentOp::Delete, &ot[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => b.push(SegmentOp::Insert, &nt[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                b.push(SegmentOp::Delete, &ot[old_index..old_index + old_len]);
                b.push(SegmentOp::Insert, &nt[new_index..new_index + new_len]);
            }
        }
    }
    b.finish()
}

/// One `equal` run covering a whole text whose new spelling may differ in typography only.
pub fn equal_run(old: &str, new: &str) -> Vec<Segment> {
    if old.is_empty() && new.is_empty() {
        return Vec::new();
    }
    vec![Segment {
        op: SegmentOp::Equal,
        text: old.to_string(),
        new_text: (old != new).then(|| new.to_string()),
    }]
}

/// One run of `op` over a whole text (an added or suppressed unit).
pub fn whole(op: SegmentOp, text: &str) -> Vec<Segment> {
    if text.is_empty() {
        return Vec::new();
    }
    vec![Segment {
        op,
        text: text.to_string(),
        new_text: None,
    }]
}

/// Accumulates segments, merging adjacent runs of the same op.
#[derive(Default)]
struct Builder {
    out: Vec<Segment>,
    /// New-side spelling of the `equal` run being built.
    pending_new: String,
}

impl Builder {
    fn close_equal(&mut self) {
        if let Some(last) = self.out.last_mut() {
            if last.op == SegmentOp::Equal
                && last.new_text.is_none()
                && self.pending_new != last.text
            {
                last.new_text = Some(std::mem::take(&mut self.pending_new));
            }
        }
        self.pending_new.clear();
    }

    fn equal(&mut self, old: &str, new: &str) {
        match self.out.last_mut() {
            Some(last) if last.op == SegmentOp::Equal => last.text.push_str(old),
            _ => self.out.push(Segment {
                op: SegmentOp::Equal,
                text: old.to_string(),
                new_text: None,
            }),
        }
        self.pending_new.push_str(new);
    }

    fn push(&mut self, op: SegmentOp, tokens: &[&str]) {
        if tokens.is_empty() {
            return;
        }
        if self.out.last().is_some_and(|l| l.op == SegmentOp::Equal) {
            self.close_equal();
        }
        let text: String = tokens.concat();
        match self.out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(&text),
            _ => self.out.push(Segment {
                op,
                text,
                new_text: None,
            }),
        }
    }

    fn finish(mut self) -> Vec<Segment> {
        if self.out.last().is_some_and(|l| l.op == SegmentOp::Equal) {
            self.close_equal();
        }
        tidy_whitespace(&mut self.out);
        self.out
            .retain(|s| !s.text.is_empty() || s.new_text.is_some());
        self.out
    }
}

/// Splits a text into its body and its trailing whitespace.
fn split_trailing_ws(s: &str) -> (&str, &str) {
    let body = s.trim_end();
    (body, &s[body.len()..])
}

/// Whitespace travels with the word before it, so an `equal` word followed by an insertion may
/// end with a space only on the new side (`Director` / `Director `). Moves such trailing
/// whitespace into the following `delete` / `insert` run, so the `equal` run reads the same on
/// both sides (`the Director` + ` of TSB`) and renderers need not look at `new_text`.
fn tidy_whitespace(segs: &mut [Segment]) {
    for i in 0..segs.len() {
        if segs[i].op != SegmentOp::Equal {
            continue;
        }
        let Some(new) = segs[i].new_text.clone() else {
            continue;
        };
        let (old_body, old_ws) = split_trailing_ws(&segs[i].text);
        let (new_body, new_ws) = split_trailing_ws(&new);
        if old_ws == new_ws {
            continue;
        }
        let next = |op: SegmentOp| {
            segs[i + 1..]
                .iter()
                .take_while(|s| s.op != SegmentOp::Equal)
                .position(|s| s.op == op)
                .map(|k| i + 1 + k)
        };
        let del = next(SegmentOp::Delete);
        let ins = next(SegmentOp::Insert);
        if (!old_ws.is_empty() && del.is_none()) || (!new_ws.is_empty() && ins.is_none()) {
            continue;
        }
        let (old_ws, new_ws) = (old_ws.to_string(), new_ws.to_string());
        let (old_body, new_body) = (old_body.to_string(), new_body.to_string());
        if let Some(d) = del {
            segs[d].text.insert_str(0, &old_ws);
        }
        if let Some(k) = ins {
            segs[k].text.insert_str(0, &new_ws);
        }
        segs[i].new_text = (new_body != old_body).then_some(new_body);
        segs[i].text = old_body;
    }
}

/// The old text of a diff: `equal` and `delete` runs.
pub fn apply_old(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| s.op != SegmentOp::Insert)
        .map(|s| s.text.as_str())
        .collect()
}

/// The new text of a diff: `equal` runs (in their new spelling) and `insert` runs.
pub fn apply_new(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter_map(|s| match s.op {
            SegmentOp::Equal => Some(s.new_text.as_deref().unwrap_or(&s.text)),
            SegmentOp::Insert => Some(s.text.as_str()),
            SegmentOp::Delete => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(segs: &[Segment]) -> Vec<(SegmentOp, &str)> {
        segs.iter().map(|s| (s.op, s.text.as_str())).collect()
    }

    #[test]
    fn tokens_rebuild_the_text() {
        for s in [
            "",
            "  ",
            " a b",
            "a  b;\nc)",
            "ITU\u{2011}T A.23,  and\u{00A0}IEC ",
            "(Dubai, 2012Hammamet, 2016)",
        ] {
            assert_eq!(tokenize(s).concat(), s, "{s:?}");
        }
        assert_eq!(
            tokenize("to inform (TSB);"),
            vec!["to ", "inform ", "(", "TSB", ")", ";"]
        );
        assert_eq!(tokenize("  x"), vec!["  ", "x"]);
    }

    /// Tokens cut char by char, as `tokenize` did before its byte-level reading.
    fn tokenize_by_chars(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut chars = s.char_indices().peekable();
        let skip_ws = |chars: &mut std::iter::Peekable<std::str::CharIndices>| {
            while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {}
            chars.peek().map_or(s.len(), |&(i, _)| i)
        };
        let lead = skip_ws(&mut chars);
        if lead > 0 {
            out.push(&s[..lead]);
        }
        while let Some((start, c)) = chars.next() {
            if c.is_alphanumeric() {
                while chars.next_if(|&(_, c)| c.is_alphanumeric()).is_some() {}
            }
            let end = skip_ws(&mut chars);
            out.push(&s[start..end]);
        }
        out
    }

    proptest::proptest! {
        /// A plain token's key, found while cutting, is the key `token_key` gives it.
        #[test]
        fn plain_keys_are_the_folded_keys(s in "([a-zA-Z0-9 ;,.()`\t\n-]|é|\u{a0}|\u{2011}|\u{2019}|…|²){0,30}") {
            let mut tokens = Vec::new();
            cut(&s, |t, plain| tokens.push((t, plain)));
            proptest::prop_assert_eq!(tokens.iter().map(|t| t.0).collect::<Vec<_>>(), tokenize(&s));
            for (t, plain) in tokens {
                if let Some(core) = plain {
                    proptest::prop_assert_eq!(token_key(t), Cow::Borrowed(&t[..core]));
                }
            }
        }
    }

    #[test]
    fn ascii_classes_agree_with_char() {
        for b in 0..0x80u8 {
            let c = char::from(b);
            let class = CLASS[usize::from(b)];
            assert_eq!(class == ALNUM, c.is_alphanumeric(), "{b:#x}");
            assert_eq!(class == SPACE, c.is_whitespace(), "{b:#x}");
            assert_eq!(
                class == PUNCT,
                c.is_ascii_graphic() && c != '`' && !c.is_alphanumeric(),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn bytes_and_chars_cut_alike() {
        for s in [
            "",
            "\u{b}\u{c}\r\n x\u{85}y\u{a0} z\u{2003}",
            "Élaborer des normes; ﬁnal ² ΑΒΓ\u{2011}x (a)\tb)  ",
            "to inform (TSB);\r\n",
        ] {
            assert_eq!(tokenize(s), tokenize_by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn word_diff_marks_the_changed_words() {
        let segs = diff(
            "to so advise the Director;",
            "to inform the Director of TSB;",
        );
        assert_eq!(
            ops(&segs),
            vec![
                (SegmentOp::Equal, "to "),
                (SegmentOp::Delete, "so advise "),
                (SegmentOp::Insert, "inform "),
                (SegmentOp::Equal, "the Director"),
                (SegmentOp::Insert, " of TSB"),
                (SegmentOp::Equal, ";"),
            ]
        );
        assert_eq!(apply_old(&segs), "to so advise the Director;");
        assert_eq!(apply_new(&segs), "to inform the Director of TSB;");
    }

    #[test]
    fn typography_only_is_equal_and_rebuilds_exactly() {
        let old = "Recommendation ITU\u{2011}T A.23  and \u{201C}x\u{201D}";
        let new = "Recommendation ITU-T A.23 and \"x\"";
        let segs = diff(old, new);
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].op, SegmentOp::Equal);
        assert_eq!(segs[0].new_text.as_deref(), Some(new));
        assert_eq!(apply_old(&segs), old);
        assert_eq!(apply_new(&segs), new);
        let same = diff("a b", "a b");
        assert_eq!(same[0].new_text, None);
    }

    #[test]
    fn whitespace_change_at_end_of_a_word_rebuilds_exactly() {
        let segs = diff("a b", "a b c");
        assert_eq!(apply_old(&segs), "a b");
        assert_eq!(apply_new(&segs), "a b c");
        let segs = diff("x", "");
        assert_eq!(ops(&segs), vec![(SegmentOp::Delete, "x")]);
    }
}
