//! Text whose line breaks were lost: `... (Dubai, 2012), considering a) that ...; b) that ...
//! resolves 1 to ...` on one line. It is split back into lines at the heading, the history
//! line, the section phrases and the labels, each taken in sequence (only the label expected
//! next splits, so `considering e), f)` inside a clause does not).

use crate::parse::label::{self, Family};
use crate::parse::vocab::{self, PhraseKind};

/// A whitespace-separated token with its byte range.
struct Tok<'a> {
    text: &'a str,
    start: usize,
}

fn tokens(line: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Tok {
                    text: &line[s..i],
                    start: s,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Tok {
            text: &line[s..],
            start: s,
        });
    }
    out
}

fn word_key(t: &str) -> String {
    let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if t.is_ascii() {
        t.to_ascii_lowercase()
    } else {
        t.to_lowercase()
    }
}

fn ends_unit(t: &str) -> bool {
    t.ends_with([',', ';', '.', ':', ')'])
}

fn has_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' && w[1] >= b'8' || w[0] == b'2'))
}

/// What the last label of the current section was.
#[derive(Clone)]
struct Seq {
    family: Family,
    norm: String,
}

fn expected(seq: &Option<Seq>, tok: &str, after_phrase: bool) -> bool {
    let Some(f) = label::read(tok) else {
        return false;
    };
    if f.family == Family::Bullet {
        return false;
    }
    if f.family == Family::Number && f.label.norm.contains('.') {
        return false;
    }
    match seq {
        None => after_phrase && matches!(f.label.norm.as_str(), "a" | "1" | "i"),
        Some(s) => match s.family {
            Family::Letter => {
                label::next_letter(&s.norm).is_some_and(|c| label::is_char(&f.label.norm, c))
                    || f.label.norm.strip_prefix(s.norm.as_str()) == Some(" bis")
            }
            Family::Number => {
                f.label.raw == f.label.norm
                    && label::number_value(&s.norm)
                        .zip(label::number_value(&f.label.norm))
                        .is_some_and(|(a, b)| b == a + 1)
            }
            _ => false,
        },
    }
}

/// Could the line hold two section phrases? Each phrase [`split`] counts is a known phrase
/// at the start of a unit (the line's first word, or a word after one ending with `,;.:)`),
/// so a line with fewer is no run-on line: most long clauses are rejected here, looking only
/// at the words after such punctuation.
fn may_hold_phrases(line: &str) -> bool {
    let phrase_at = |from: usize| {
        let mut words = Words(&line[from..]);
        let Some(first) = words.next().filter(|w| opens_phrase(w)) else {
            return false;
        };
        let keys: Vec<String> = std::iter::once(first)
            .chain(words)
            .take(8)
            .map(word_key)
            .collect();
        vocab::phrase_at(&keys).is_some()
    };
    std::iter::once(0)
        .chain(unit_ends(line))
        .filter(|&from| phrase_at(from))
        .nth(1)
        .is_some()
}

/// The byte offsets of the white space after `,;.:)`, in order. Blocks of 32 bytes without
/// such punctuation (most) are passed over by a test the compiler vectorizes.
fn unit_ends(line: &str) -> impl Iterator<Item = usize> + '_ {
    const BLOCK: usize = 32;
    let is_unit = |b: u8| matches!(b, b',' | b';' | b'.' | b':' | b')');
    line.as_bytes()
        .chunks(BLOCK)
        .enumerate()
        .filter(move |(_, block)| block.iter().fold(false, |any, &b| any | is_unit(b)))
        .flat_map(move |(k, block)| {
            let at = k * BLOCK;
            (0..block.len())
                .filter(move |&j| is_unit(block[j]))
                .map(move |j| at + j + 1)
        })
        .filter(|&i| space_at(line, i))
}

/// The character at byte `i` of `s` (a character boundary): is it white space, and its
/// length. ASCII bytes are classified without decoding a character.
fn char_at(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        // `char::is_whitespace` on ASCII (`u8::is_ascii_whitespace` lacks the vertical tab).
        return (matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1);
    }
    s[i..]
        .chars()
        .next()
        .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
}

/// Is there white space at byte `i` of `s`?
fn space_at(s: &str, i: usize) -> bool {
    i < s.len() && char_at(s, i).0
}

/// `str::split_whitespace`, with ASCII bytes classified without decoding a character.
#[derive(Clone)]
struct Words<'a>(&'a str);

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.0;
        let mut start = 0;
        while start < s.len() {
            match char_at(s, start) {
                (true, n) => start += n,
                (false, _) => break,
            }
        }
        let mut end = start;
        while end < s.len() {
            match char_at(s, end) {
                (false, n) => end += n,
                (true, _) => break,
            }
        }
        self.0 = &s[end..];
        (end > start).then(|| &s[start..end])
    }
}

/// [`vocab::opens_phrase`] of a token's [`word_key`], without a copy when the token is ASCII.
fn opens_phrase(t: &str) -> bool {
    let w = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    if !w.is_ascii() {
        return vocab::opens_phrase(&word_key(t));
    }
    vocab::opens_phrase_ascii(w)
}

/// Splits a run-on line; `None` when it does not look like one (fewer than two section phrases
/// each followed by a clause label).
pub fn split(line: &str) -> Option<Vec<String>> {
    if !may_hold_phrases(line) {
        return None;
    }
    split_checked(line)
}

/// [`split`] without the quick test.
fn split_checked(line: &str) -> Option<Vec<String>> {
    let toks = tokens(line);
    let keys: Vec<String> = toks.iter().map(|t| word_key(t.text)).collect();
    let mut cuts: Vec<usize> = Vec::new();
    let mut phrases = 0;
    let mut seq: Option<Seq> = None;
    let mut k = 0;

    // The heading: `RESOLUTION 7 (Rev. Geneva, 2022) Title (history) The ... Assembly (...),`.
    if keys.first().is_some_and(|w| w == "resolution") {
        let close = (1..toks.len().min(10)).find(|&j| toks[j].text.ends_with(')'));
        let head_end = close.map(|j| j + 1).unwrap_or(2.min(toks.len()));
        cuts.push(head_end);
        // The history: the first `(` group with a year after the title.
        let mut j = head_end;
        while j < toks.len() && j < head_end + 60 {
            if toks[j].text.starts_with('(') {
                let mut e = j;
                while e < toks.len() && !toks[e].text.contains(')') {
                    e += 1;
                }
                let group = line
                    .get(
                        toks[j].start
                            ..toks
                                .get(e)
                                .map(|t| t.start + t.text.len())
                                .unwrap_or(line.len()),
                    )
                    .unwrap_or("");
                if has_year(group) {
                    cuts.push(j);
                    cuts.push(e + 1);
                    k = e + 1;
                    break;
                }
            }
            j += 1;
        }
    }

    while k < toks.len() {
        let prev_ends = k == 0 || ends_unit(toks[k - 1].text);
        if prev_ends {
            if let Some((n, kind)) = vocab::phrase_at(&keys[k..(k + 8).min(keys.len())]) {
                // The phrase ends where its first clause starts: `a)`, `1`, or `that`.
                let limit = (k + n + 30).min(toks.len());
                let mut end = k + n;
                let first_label = (k + n..limit).find(|&j| {
                    let t = toks[j].text;
                    expected(&None, t, true)
                        && label::read(t).is_some_and(|f| {
                            f.family != Family::Number
                                || keys
                                    .get(j + 1)
                                    .is_some_and(|w| w.starts_with(char::is_lowercase))
                        })
                });
                if kind == PhraseKind::Operative {
                    if let Some(j) = first_label {
                        end = j;
                    }
                }
                let starts_clause = first_label == Some(end)
                    || keys.get(end).is_some_and(|w| w == "that" || w == "to");
                if starts_clause && end < toks.len() {
                    if first_label == Some(end) {
                        phrases += 1;
                    }
                    cuts.push(k);
                    cuts.push(end);
                    seq = None;
                    k = end;
                    if first_label == Some(end) {
                        let f = label::read(toks[end].text);
                        if let Some(f) = f {
                            seq = Some(Seq {
                                family: f.family,
                                norm: f.label.norm,
                            });
                        }
                        k = end + 1;
                    }
                    continue;
                }
            }
        }
        if prev_ends && expected(&seq, toks[k].text, false) {
            let is_number = label::read(toks[k].text).is_some_and(|f| f.family == Family::Number);
            let next_lower = keys
                .get(k + 1)
                .is_some_and(|w| w.starts_with(char::is_lowercase));
            if !is_number || next_lower {
                if let Some(f) = label::read(toks[k].text) {
                    seq = Some(Seq {
                        family: f.family,
                        norm: f.label.norm,
                    });
                }
                cuts.push(k);
            }
        }
        k += 1;
    }
    if phrases < 2 {
        return None;
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut from = 0;
    for c in cuts {
        let Some(t) = toks.get(c) else { continue };
        let piece = line[from..t.start].trim();
        if !piece.is_empty() {
            out.push(piece.to_string());
        }
        from = t.start;
    }
    let last = line[from..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sections_and_labels_in_sequence() {
        let line = "RESOLUTION 7 (Rev. Dubai, 2012) Collaboration with ISO (Helsinki, 1993; Dubai, 2012) \
                    The World Telecommunication Standardization Assembly (Dubai, 2012), considering \
                    a) that x; b) that considering e), f) and g) apply, noting that y, \
                    resolves 1 to do; 2 to do Study Group 17 work.";
        assert!(may_hold_phrases(line));
        let parts = split(line).expect("run-on");
        assert_eq!(
            parts,
            [
                "RESOLUTION 7 (Rev. Dubai, 2012)",
                "Collaboration with ISO",
                "(Helsinki, 1993; Dubai, 2012)",
                "The World Telecommunication Standardization Assembly (Dubai, 2012),",
                "considering",
                "a) that x;",
                "b) that considering e), f) and g) apply,",
                "noting",
                "that y,",
                "resolves",
                "1 to do;",
                "2 to do Study Group 17 work.",
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn the_quick_test_rejects_no_run_on_line(
            words in proptest::collection::vec(
                "(considering|Noting|resolves|further|in view of|that|to|a\\)|b\\)|1|2|x[,;.:)]|x|RESOLUTION 7|\\(Geneva, 2022\\))",
                0..40,
            ),
            gaps in proptest::collection::vec("[ \t\u{a0}]", 40),
        ) {
            let line: String = words.iter().zip(&gaps).map(|(w, g)| format!("{w}{g}")).collect();
            proptest::prop_assert_eq!(split(&line), split_checked(&line));
        }

        #[test]
        fn words_split_as_split_whitespace(s in "[a,; \t\x0b\u{a0}\u{85}\u{2003}\u{e9}\u{3000}]{0,20}") {
            let want: Vec<&str> = s.split_whitespace().collect();
            proptest::prop_assert_eq!(Words(&s).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn units_end_before_white_space() {
        let line = format!("{}a, b,c; d{}) e:", "x".repeat(30), "y".repeat(40));
        let want: Vec<usize> = (0..line.len())
            .filter(|&i| line[..i].ends_with([',', ';', '.', ':', ')']) && space_at(&line, i))
            .collect();
        assert_eq!(unit_ends(&line).collect::<Vec<_>>(), want);
        assert_eq!(want.len(), 3);
    }

    #[test]
    fn phrase_words_are_matched_in_any_case() {
        assert!(opens_phrase("Considering,"));
        assert!(opens_phrase("*RESOLVES*"));
        assert!(!opens_phrase("consideration"));
        assert!(!opens_phrase("a-very-long-hyphenated-word"));
    }

    #[test]
    fn an_ordinary_long_clause_is_left_alone() {
        assert_eq!(split("that the provisions referred to in considering e), f) above, recognizing that x, apply;"), None);
    }
}
