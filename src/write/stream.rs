//! Revision streams: a text with each stretch marked unchanged, deleted or inserted, and the
//! word diff that produces one when the report's segments cannot be used.
//!
//! A stream is the writer's working form of one unit (a clause with its sub-items, a heading):
//! `'\n'` inside it is a paragraph break, and the revision of that `'\n'` is the revision of the
//! paragraph mark, which is what makes Word and LibreOffice join or split paragraphs correctly
//! when the changes are accepted or rejected.

use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::normalize::{comparison_key, fold_typography};
use crate::report::{Segment, SegmentOp};

/// The revision state of a stretch of text or of a paragraph mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rev {
    Same,
    Del,
    Ins,
}

impl Rev {
    /// Is this stretch part of the old revision (`Same` or `Del`)?
    pub(crate) fn in_old(self) -> bool {
        self != Rev::Ins
    }
    /// Is this stretch part of the new revision (`Same` or `Ins`)?
    pub(crate) fn in_new(self) -> bool {
        self != Rev::Del
    }
}

/// A stretch of text with one revision state. `text` may hold `'\t'` (a tab) and `'\n'`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub rev: Rev,
    pub text: String,
}

/// A sequence of pieces; adjacent pieces with the same state are merged on push.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Stream {
    pub pieces: Vec<Piece>,
}

impl Stream {
    pub(crate) fn push(&mut self, rev: Rev, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.pieces.last_mut() {
            if last.rev == rev {
                last.text.push_str(text);
                return;
            }
        }
        self.pieces.push(Piece {
            rev,
            text: text.to_string(),
        });
    }

    pub(crate) fn append(&mut self, other: Stream) {
        for p in other.pieces {
            self.push(p.rev, &p.text);
        }
    }

    /// A whole text in one state (an added or suppressed unit, an unchanged one).
    pub(crate) fn whole(rev: Rev, text: &str) -> Stream {
        let mut s = Stream::default();
        s.push(rev, text);
        s
    }

    /// The text of one side: `old == true` keeps `Same` + `Del`, otherwise `Same` + `Ins`.
    pub(crate) fn side(&self, old: bool) -> String {
        self.pieces
            .iter()
            .filter(|p| if old { p.rev.in_old() } else { p.rev.in_new() })
            .map(|p| p.text.as_str())
            .collect()
    }

    #[cfg(test)]
    pub(crate) fn has_changes(&self) -> bool {
        self.pieces.iter().any(|p| p.rev != Rev::Same)
    }
}

/// The stream of the report's inline segments, if they really spell `old` (Equal + Delete) and
/// `new` (Equal + Insert), line by line up to typography; `None` otherwise, so a report that
/// disagrees with the documents can never make the written revisions wrong.
pub(crate) fn from_segments(segments: &[Segment], old: &str, new: &str) -> Option<Stream> {
    let mut s = Stream::default();
    for seg in segments {
        match seg.op {
            // The document shows the new revision: unchanged words in its spelling. A respelling
            // that moves a line break (a sub-item joined or cut) is a change of paragraphs.
            SegmentOp::Equal => match &seg.new_text {
                Some(n) if n.contains('\n') || seg.text.contains('\n') => {
                    s.append(diff(&seg.text, n))
                }
                Some(n) => s.push(Rev::Same, n),
                None => s.push(Rev::Same, &seg.text),
            },
            SegmentOp::Delete => s.push(Rev::Del, &seg.text),
            SegmentOp::Insert => s.push(Rev::Ins, &seg.text),
        }
    }
    (same_lines(&s.side(true), old) && same_lines(&s.side(false), new)).then_some(s)
}

/// Equal line by line after normalization (same number of lines, equal comparison keys).
pub(crate) fn same_lines(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let a: Vec<&str> = a.split('\n').collect();
    let b: Vec<&str> = b.split('\n').collect();
    a.len() == b.len()
        && a.iter()
            .zip(&b)
            .all(|(x, y)| x == y || comparison_key(x) == comparison_key(y))
}

/// Splits a text into diff tokens: words, runs of spaces, single `'\n'`, single other characters.
fn tokens(s: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Single,
    }
    let class = |c: char| {
        if c.is_alphanumeric() {
            Class::Word
        } else if c.is_whitespace() && c != '\n' {
            Class::Space
        } else {
            Class::Single
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<Class> = None;
    for (i, c) in s.char_indices() {
        let cl = class(c);
        let cont = prev == Some(cl) && cl != Class::Single;
        if !cont && i > start {
            out.push(&s[start..i]);
            start = i;
        }
        prev = Some(cl);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// What two tokens must share to count as equal: typography folded, any run of spaces alike.
fn token_key(t: &str) -> String {
    if t == "\n" {
        t.to_string() // a paragraph break is structure, not typography
    } else if t.chars().all(char::is_whitespace) {
        " ".to_string()
    } else {
        fold_typography(t)
    }
}

/// Word-level diff of `old` vs `new` as a stream. Equal stretches carry the new spelling (the
/// document shows the new revision; they differ from the old at most in typography); each changed stretch is one deletion followed by one insertion, and a
/// lone space between two changes is folded into them, so the marks read as phrases.
pub(crate) fn diff(old: &str, new: &str) -> Stream {
    let a = tokens(old);
    let b = tokens(new);
    let ka: Vec<String> = a.iter().map(|t| token_key(t)).collect();
    let kb: Vec<String> = b.iter().map(|t| token_key(t)).collect();
    // Ops as (tag, old text, new text).
    let mut ops: Vec<(DiffTag, String, String)> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, ro, rn) = op.as_tag_tuple();
        ops.push((tag, a[ro].concat(), b[rn].concat()));
    }
    // A single space (no paragraph break) between two changes joins them.
    let n = ops.len();
    for i in 1..n.saturating_sub(1) {
        let lone_space = ops[i].0 == DiffTag::Equal
            && ops[i].1.chars().all(|c| c.is_whitespace() && c != '\n')
            && ops[i - 1].0 != DiffTag::Equal
            && ops[i + 1].0 != DiffTag::Equal;
        if lone_space {
            ops[i].0 = DiffTag::Replace;
        }
    }
    let mut out = Stream::default();
    let (mut del, mut ins) = (String::new(), String::new());
    for (tag, o, n) in ops {
        if tag == DiffTag::Equal {
            out.push(Rev::Del, &del);
            out.push(Rev::Ins, &ins);
            del.clear();
            ins.clear();
            out.push(Rev::Same, &n);
        } else {
            del.push_str(&o);
            ins.push_str(&n);
        }
    }
    out.push(Rev::Del, &del);
    out.push(Rev::Ins, &ins);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_spells_both_sides() {
        let old = "to so advise the Director;\n• item one\n• item two";
        let new = "to inform the Director of TSB;\n• item one";
        let s = diff(old, new);
        assert_eq!(s.side(true), old);
        assert_eq!(s.side(false), new);
        assert!(s
            .pieces
            .iter()
            .any(|p| p.rev == Rev::Del && p.text.contains("so advise")));
    }

    #[test]
    fn a_line_break_is_not_a_space() {
        let s = diff("to:\n• ensure X;", "to: • ensure X;");
        assert!(s.has_changes());
        assert_eq!(s.side(true), "to:\n• ensure X;");
        assert_eq!(s.side(false), "to: • ensure X;");
        let equal = Segment {
            op: SegmentOp::Equal,
            text: "to:\n• ensure X;".into(),
            new_text: Some("to: • ensure X;".into()),
        };
        let s = from_segments(&[equal], "to:\n• ensure X;", "to: • ensure X;").expect("valid");
        assert!(s.pieces.iter().any(|p| p.rev == Rev::Del && p.text == "\n"));
    }

    #[test]
    fn typography_is_not_a_change() {
        let s = diff("ITU\u{2011}T and ISO", "ITU-T and ISO");
        assert!(!s.has_changes());
    }

    #[test]
    fn bad_segments_are_refused() {
        let segs = vec![Segment {
            op: SegmentOp::Equal,
            text: "abc".into(),
            new_text: None,
        }];
        assert!(from_segments(&segs, "abc", "abd").is_none());
        assert!(from_segments(&segs, "abc", "abc").is_some());
    }
}
