//! Clauses of the proposal that keep every word of their old text in order while adding
//! words: a flattened proposal keeps its deletions as text.

use std::borrow::Cow;

use super::lower;
use super::scan::word_count;
use crate::model::{Clause, Origin, Resolution};
use crate::normalize::words;

/// Clauses of NEW (with their origins) whose words contain all of the matching OLD clause's
/// words in order and add some. Clauses are matched by exact label and section key: this is a
/// corroborating signal, not an alignment.
pub(super) fn contained_clauses(old: &Resolution, new: &Resolution) -> Vec<Origin> {
    // Sections are numbered by lower-cased heading key, and OLD's clauses found by section
    // number and label: no key is copied (a later clause under the same key wins).
    let mut sections: foldhash::HashMap<Cow<str>, usize> = Default::default();
    let mut old_by_key: foldhash::HashMap<(usize, Option<&str>), &Clause> = Default::default();
    for d in old.walk_divisions() {
        let next = sections.len();
        let section = *sections.entry(lower(&d.heading.key)).or_insert(next);
        for c in &d.clauses {
            old_by_key.insert((section, c.label.as_ref().map(|l| l.norm.as_str())), c);
        }
    }
    let mut out = Vec::new();
    let (mut old_parts, mut new_parts) = (Vec::new(), Vec::new());
    for d in new.walk_divisions() {
        let Some(&section) = sections.get(lower(&d.heading.key).as_ref()) else {
            continue;
        };
        for c in &d.clauses {
            let label = c.label.as_ref().map(|l| l.norm.as_str());
            let Some(o) = old_by_key.get(&(section, label)) else {
                continue;
            };
            if same_keys(o, c) {
                continue; // unchanged: nothing added
            }
            old_parts.clear();
            new_parts.clear();
            clause_parts(o, &mut old_parts);
            clause_parts(c, &mut new_parts);
            if adds_words(&old_parts, &new_parts) {
                out.push(c.origin);
            }
        }
    }
    out
}

/// The parts of [`Clause::full_shown`] (texts and sub-item labels), without joining them: the
/// separators it adds between the parts are never part of a word.
fn clause_parts<'a>(c: &'a Clause, out: &mut Vec<&'a str>) {
    out.push(&c.text.shown);
    for item in &c.items {
        if let Some(l) = &item.label {
            out.push(&l.raw);
        }
        clause_parts(item, out);
    }
}

/// Are the words of `old` (parts of a text) found in `new` in order (case aside), with more
/// words in `new`? One pass that stops at the first missing word: the words found are the
/// old ones, so `new` has more exactly when it skipped one or has one left.
fn adds_words(old: &[&str], new: &[&str]) -> bool {
    // Most pairs fail one of two cheap necessary tests before the words are compared: more
    // words, and each letter (case aside) at least as often.
    if word_count(new) <= word_count(old) || !letters_within(old, new) {
        return false;
    }
    // ASCII words equal in lower case have equal lengths: most pairs of words differ there.
    if old.iter().chain(new).all(|p| p.is_ascii()) {
        adds_words_by(old, new, |a, b| a.eq_ignore_ascii_case(b))
    } else {
        adds_words_by(old, new, same_word)
    }
}

/// Does each character of the words of `old`, lower-cased, occur at most as often in the words
/// of `new`? It must when `new` holds the words of `old` (in lower case, equal words have
/// equal characters). Characters are counted in 128 classes (their code modulo 128), which
/// keeps the test necessary.
fn letters_within(old: &[&str], new: &[&str]) -> bool {
    let mut count = [0i32; 129];
    for part in new {
        tally(part, &mut count, 1);
    }
    for part in old {
        tally(part, &mut count, -1);
        if count[..128].iter().any(|&n| n < 0) {
            return false;
        }
    }
    true
}

/// Adds `by` to the class (see [`letters_within`]) of each lower-cased character of the words
/// of `part`; other characters go to class 128, not compared.
fn tally(part: &str, count: &mut [i32; 129], by: i32) {
    // ASCII bytes: lower-cased letters and digits to themselves, the rest to 128.
    const CLASS: [u8; 128] = {
        let mut t = [128u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            if c.is_ascii_alphanumeric() {
                t[b] = c.to_ascii_lowercase();
            }
            b += 1;
        }
        t
    };
    if part.is_ascii() {
        for b in part.bytes() {
            count[usize::from(CLASS[usize::from(b)])] += by;
        }
        return;
    }
    for c in part.chars() {
        if c.is_ascii() {
            count[usize::from(CLASS[c as usize])] += by;
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                count[l as usize % 128] += by;
            }
        }
    }
}

fn adds_words_by(old: &[&str], new: &[&str], same: impl Fn(&str, &str) -> bool) -> bool {
    let mut big = new.iter().flat_map(|p| words(p));
    let mut skipped = false;
    for w in old.iter().flat_map(|p| words(p)) {
        loop {
            match big.next() {
                None => return false,
                Some(b) if same(w, b) => break,
                Some(_) => skipped = true,
            }
        }
    }
    skipped || big.next().is_some()
}

/// Do two clauses say the same, sub-items included (comparison keys)?
fn same_keys(a: &Clause, b: &Clause) -> bool {
    a.text.key == b.text.key
        && a.items.len() == b.items.len()
        && a.items.iter().zip(&b.items).all(|(x, y)| {
            x.label.as_ref().map(|l| &l.raw) == y.label.as_ref().map(|l| &l.raw) && same_keys(x, y)
        })
}

/// Equal in lower case (without allocating: this runs on every word of the changed clauses).
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.chars()
            .flat_map(char::to_lowercase)
            .eq(b.chars().flat_map(char::to_lowercase))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_words_is_a_longer_subsequence() {
        let adds = |o: &str, n: &str| adds_words(&[o], &[n]);
        assert!(adds("some rules", "some certain rules"));
        assert!(adds("some rules", "Some rules; more"));
        assert!(adds("", "words"));
        assert!(!adds("some rules", "some rules"));
        assert!(!adds("some rules", "rules some more"));
        assert!(!adds("some rules", "some"));
        assert!(!adds("", ""));
        assert!(adds_words(&["a b", "c"], &["a", "x b c"]));
    }

    #[test]
    fn clause_parts_hold_the_words_of_the_full_text() {
        let clause = |label: Option<&str>, text: &str, items: Vec<Clause>| Clause {
            label: label.map(|l| crate::model::Label {
                raw: l.into(),
                norm: l.into(),
            }),
            text: crate::model::Text::new(text),
            items,
            footnote_refs: Vec::new(),
            origin: Origin::default(),
        };
        let deep = clause(Some("-"), "deep", vec![clause(None, "deeper", vec![])]);
        for c in [
            clause(Some("a)"), "some text", vec![]),
            clause(None, "", vec![clause(Some("i)"), "first", vec![])]),
            clause(
                Some("1"),
                "glued",
                vec![
                    clause(None, "on", vec![]),
                    clause(Some("ii)bis"), "", vec![deep.clone()]),
                    clause(Some("•"), "end;", vec![deep]),
                ],
            ),
        ] {
            let mut parts = Vec::new();
            clause_parts(&c, &mut parts);
            let got: Vec<&str> = parts.iter().flat_map(|p| words(p)).collect();
            assert_eq!(got, words(&c.full_shown()).collect::<Vec<_>>());
        }
    }
}
