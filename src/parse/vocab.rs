//! Section phrases: the italic verb phrases (`considering`, `instructs the Director ...`) that
//! open the preambular and operative sections. The vocabulary is open, so a known list covers
//! the common phrases and [`by_form`] recognises unknown ones by their shape.

use crate::normalize::comparison_key;

/// Preambular or operative: what kind of section a phrase opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    Preambular,
    Operative,
}

/// Phrases that open a preambular section on their own, possibly followed by a modifier
/// (`further`, `also`, `with satisfaction`, ...).
const PREAMBULAR: &[&str] = &[
    "considering",
    "noting",
    "recognizing",
    "recognising",
    "recalling",
    "bearing in mind",
    "taking into account",
    "taking into consideration",
    "taking note",
    "taking note of",
    "emphasizing",
    "emphasising",
    "observing",
    "aware",
    "conscious",
    "convinced",
    "acknowledging",
    "having regard to",
    "having considered",
    "having noted",
    "having examined",
    "having heard",
    "mindful",
    "further noting",
    "further recognizing",
    "further considering",
    "further recalling",
    "keeping in mind",
    "realizing",
    "welcoming",
    "concerned",
    "deeply concerned",
    "expressing",
    "reaffirming",
    "affirming",
    "stressing",
    "underlining",
    "highlighting",
    "believing",
    "desiring",
    "guided by",
    "referring to",
    "in view of",
    "noting with concern",
    "noting with satisfaction",
    "noting with appreciation",
];

/// Words that may follow a preambular phrase and keep it a phrase.
const MODIFIERS: &[&str] = &[
    "further",
    "also",
    "in particular",
    "furthermore",
    "moreover",
    "with satisfaction",
    "with appreciation",
    "with concern",
    "with great concern",
];

/// Verbs that open an operative section; the phrase may go on (`instructs the Director of the
/// Telecommunication Standardization Bureau`, `resolves to invite Member States`).
const OPERATIVE: &[&str] = &[
    "resolves",
    "further resolves",
    "resolves further",
    "decides",
    "further decides",
    "instructs",
    "further instructs",
    "requests",
    "further requests",
    "invites",
    "further invites",
    "encourages",
    "further encourages",
    "calls upon",
    "urges",
    "appeals",
    "asks",
    "endorses",
    "approves",
    "adopts",
    "agrees",
    "charges",
    "directs",
    "entrusts",
    "recommends",
    "commends",
    "supports",
    "accepts",
    "authorizes",
    "expresses",
    "reaffirms",
    "proposes",
    "declares",
    "instructs the director",
];

/// The phrase as compared: key without trailing `,` `:` and in lower case.
fn phrase_key(key: &str) -> String {
    key.trim_end_matches([',', ':', ' ']).trim().to_lowercase()
}

/// A cheap test before computing keys: a phrase is a short line without a clause's ending.
fn could_be_phrase(text: &str, max_words: usize) -> bool {
    let t = text.trim_end();
    text.len() <= 400 && !t.ends_with([';', '.']) && t.split_whitespace().nth(max_words).is_none()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Does the text (a whole paragraph) end like a clause, not like a phrase?
fn ends_like_clause(key: &str) -> bool {
    key.ends_with(';') || key.ends_with('.') || key.ends_with('?') || key.ends_with('!')
}

/// Strips `prefix` from `s` when it is followed by a word boundary.
fn strip_word<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = s.strip_prefix(prefix)?;
    if rest.is_empty() || rest.starts_with(' ') {
        Some(rest.trim_start())
    } else {
        None
    }
}

/// Is the whole paragraph a known section phrase? Which kind?
pub fn known(text: &str) -> Option<PhraseKind> {
    if !could_be_phrase(text, 34) {
        return None;
    }
    // Most paragraphs start with a word that opens no phrase: no key is made for them.
    if leading_word(text).is_some_and(|w| !opens_phrase_ascii(w)) {
        return None;
    }
    let raw = comparison_key(text);
    if ends_like_clause(&raw) {
        return None;
    }
    let key = phrase_key(&raw);
    if key.is_empty() {
        return None;
    }
    // Operative first: `resolves to invite ...` is one phrase, possibly long.
    for verb in OPERATIVE {
        if let Some(rest) = strip_word(&key, verb) {
            if word_count(rest) <= 30 && !rest.starts_with("that ") {
                return Some(PhraseKind::Operative);
            }
        }
    }
    for head in PREAMBULAR {
        if let Some(rest) = strip_word(&key, head) {
            if rest.is_empty() || MODIFIERS.contains(&rest) {
                return Some(PhraseKind::Preambular);
            }
            // `noting further also`, `considering in particular further`: modifiers in a row.
            if word_count(rest) <= 3 && rest.split(' ').all(|w| MODIFIERS.contains(&w)) {
                return Some(PhraseKind::Preambular);
            }
        }
    }
    None
}

/// The phrases split into words once (the run-on reader asks at every unit of a long line).
struct Table {
    /// By first word: the operative phrases, then the preambular ones.
    by_first: foldhash::HashMap<&'static str, [Vec<Vec<&'static str>>; 2]>,
    modifiers: Vec<Vec<&'static str>>,
}

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let split = |p: &&'static str| p.split(' ').collect::<Vec<_>>();
        let mut by_first = foldhash::HashMap::<_, [Vec<_>; 2]>::default();
        for (side, list) in [OPERATIVE, PREAMBULAR].into_iter().enumerate() {
            for p in list {
                let w = split(p);
                by_first.entry(w[0]).or_default()[side].push(w);
            }
        }
        Table {
            by_first,
            modifiers: MODIFIERS.iter().map(split).collect(),
        }
    })
}

/// Matches a known section phrase at the start of `words` (lower case, punctuation trimmed);
/// returns how many words it takes. Operative phrases may go on (`instructs the Director ...`):
/// they are cut by the caller where the first clause starts.
pub fn phrase_at(words: &[String]) -> Option<(usize, PhraseKind)> {
    let table = table();
    // Only the phrases that start with the first word can match.
    let [operative, preambular] = table.by_first.get(words.first()?.as_str())?;
    // The longest of `list` at `from`, in words.
    let longest = |list: &[Vec<&str>], from: usize| -> Option<usize> {
        list.iter()
            .filter_map(|p| {
                let got = words.get(from..from + p.len())?;
                p.iter().zip(got).all(|(a, b)| a == b).then_some(p.len())
            })
            .max()
    };
    if let Some(n) = longest(operative, 0) {
        return Some((n, PhraseKind::Operative));
    }
    let mut n = longest(preambular, 0)?;
    while let Some(m) = longest(&table.modifiers, n) {
        n += m;
    }
    Some((n, PhraseKind::Preambular))
}

/// Is `word` (lower case, punctuation trimmed) the first word of a known section phrase?
pub fn opens_phrase(word: &str) -> bool {
    table().by_first.contains_key(word)
}

/// [`opens_phrase`] of an ASCII word in any case, lower-cased on the stack (the first words
/// of the phrases are short).
pub fn opens_phrase_ascii(word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(lower) = buf.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(opens_phrase)
}

/// The ASCII letters a text starts with, when its comparison key starts with the same word:
/// what follows them is ASCII (no combining mark) and neither a letter nor an emphasis marker
/// or a bookmark, which the key removes, joining what surrounds them.
fn leading_word(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let ends = b
        .get(n)
        .is_none_or(|&c| c.is_ascii() && !matches!(c, b'*' | b'_' | b'['));
    (n > 0 && ends).then(|| &text[..n])
}

/// Could this paragraph be an unknown section phrase, by its form alone? A short line starting
/// in lower case, without a label and without a clause's final punctuation.
pub fn by_form(text: &str) -> Option<PhraseKind> {
    if !could_be_phrase(text, 14) {
        return None;
    }
    let raw = comparison_key(text);
    let key = phrase_key(&raw);
    if ends_like_clause(&raw) || key.is_empty() || key.len() > 120 || word_count(&key) > 12 {
        return None;
    }
    let first = raw.chars().next()?;
    if !first.is_lowercase() {
        return None;
    }
    if key.starts_with("that ") || key.starts_with("to ") || key.starts_with("the ") {
        return None;
    }
    Some(kind_of_unknown(&key))
}

/// Preambular phrases are participles and adjectives (`considering`, `aware`); operative ones are
/// verbs in the third person (`resolves`, `invites`).
pub fn kind_of_unknown(key: &str) -> PhraseKind {
    let first = key.split(' ').next().unwrap_or("");
    let first = if first == "further" {
        key.split(' ').nth(1).unwrap_or("")
    } else {
        first
    };
    if first.ends_with("ing") || first.ends_with("ed") || first.ends_with("ful") {
        PhraseKind::Preambular
    } else if first.ends_with('s') {
        PhraseKind::Operative
    } else {
        PhraseKind::Preambular
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_common_phrases() {
        assert_eq!(known("considering"), Some(PhraseKind::Preambular));
        assert_eq!(known("*noting further*"), Some(PhraseKind::Preambular));
        assert_eq!(known("considering also,"), Some(PhraseKind::Preambular));
        assert_eq!(known("resolves"), Some(PhraseKind::Operative));
        assert_eq!(
            known("instructs the Director of the Telecommunication Standardization Bureau"),
            Some(PhraseKind::Operative)
        );
        assert_eq!(
            known("requests the Secretary-General and instructs the Director"),
            Some(PhraseKind::Operative)
        );
    }

    #[test]
    fn first_words_fit_the_buffer() {
        // `opens_phrase_ascii` lower-cases a word into 16 bytes on the stack before asking.
        for p in PREAMBULAR.iter().chain(OPERATIVE) {
            let first = p.split(' ').next().unwrap_or("");
            assert!(first.len() <= 16 && opens_phrase_ascii(first), "{p}");
        }
    }

    /// [`known`] without the test of the first word.
    fn known_by_key(text: &str) -> Option<PhraseKind> {
        let raw = comparison_key(text);
        let key = phrase_key(&raw);
        if !could_be_phrase(text, 34) || ends_like_clause(&raw) || key.is_empty() {
            return None;
        }
        let operative = OPERATIVE
            .iter()
            .filter_map(|v| strip_word(&key, v))
            .any(|rest| word_count(rest) <= 30 && !rest.starts_with("that "));
        if operative {
            return Some(PhraseKind::Operative);
        }
        PREAMBULAR
            .iter()
            .filter_map(|h| strip_word(&key, h))
            .any(|rest| {
                rest.is_empty()
                    || MODIFIERS.contains(&rest)
                    || word_count(rest) <= 3 && rest.split(' ').all(|w| MODIFIERS.contains(&w))
            })
            .then_some(PhraseKind::Preambular)
    }

    #[test]
    fn markers_inside_the_first_word_are_removed_first() {
        let pre = Some(PhraseKind::Preambular);
        assert_eq!(known("consider*ing*"), pre);
        assert_eq!(known("consider[bookmark: _Toc1]ing"), pre);
        assert_eq!(known("Considering also,"), pre);
        assert_eq!(known("considerings"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        #[test]
        fn the_first_word_test_rejects_no_phrase(
            head in "(considering|NOTING|resolve|consider|in)",
            glue in "[ ,*_\\[\u{301}\u{a0}2]?",
            tail in "(further|that x|the Director|bookmark: y\\]ing|ing\\*)?",
        ) {
            let text = format!("{head}{glue}{tail}");
            proptest::prop_assert_eq!(known(&text), known_by_key(&text));
        }
    }

    #[test]
    fn clause_text_is_not_a_phrase() {
        assert_eq!(known("noting that the working methods differ;"), None);
        assert_eq!(known("considering the needs of all"), None);
        assert_eq!(known("resolves that this is fine."), None);
        assert_eq!(by_form("that the collaboration between ITU-T,"), None);
        assert_eq!(by_form("Collaboration with ISO"), None);
        assert_eq!(by_form("having heard"), Some(PhraseKind::Preambular));
        assert_eq!(by_form("commissions further"), Some(PhraseKind::Operative));
    }
}
