//! Flattened revision marks: a proposal saved as plain text keeps both the struck and the
//! inserted words, often glued together (`timing constraintsstandards development`,
//! `(Dubai, 2012Hammamet, 2016)`). Such a text holds the old and the new wording at once, so
//! presenting it as a clean revision would mislead a delegate; this module finds the evidence.
//!
//! Evidence, each tied to a place in the document:
//! - a year glued to a word (`2012Hammamet`, `2012HAMMAMET`);
//! - a lower-to-upper join of two known words (`constraintsStandards`);
//! - a word-boundary join of two words known from the document itself or the other revision
//!   (`andburdens`, `asto`), when the glued form is not itself a word seen anywhere;
//! - two different clause-ending punctuation marks run together (`recommendations;,`);
//! - with an older text: a clause of the proposal that contains all of the old clause's words in
//!   order while adding text (nothing was deleted: deletions survived as text).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::inline;
use crate::model::{Origin, Resolution, Warning, WarningKind};
use crate::normalize::words;
use crate::report::{Place, Report, SegmentOp};
use contained::contained_clauses;
use scan::count_char_pairs;

mod contained;
mod scan;

/// How many glue points make a text "flattened" (one alone may be a typo).
pub const MIN_GLUE_POINTS: usize = 2;

/// Word joins alone are weak evidence (English is full of closed compounds: `throughout`,
/// `outline`); this many, absent from the other revision, make a text flattened without any
/// strong glue point.
pub const MIN_WORD_JOINS: usize = 3;

/// Why a token looks like two runs of a flattened revision glued together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GlueKind {
    /// `2012Hammamet`.
    YearWord,
    /// `constraintsStandards`.
    CaseChange,
    /// `andburdens`.
    WordBoundary,
    /// `recommendations;,`.
    Punctuation,
}

impl GlueKind {
    /// Year-word, case-change and punctuation glues rarely happen in clean text; word joins do.
    pub fn is_strong(self) -> bool {
        !matches!(self, GlueKind::WordBoundary)
    }
}

/// One place where a deletion and an insertion probably ran together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glue {
    pub kind: GlueKind,
    /// The glued token as written.
    pub token: String,
    /// The two parts it splits into (the first probably deleted, the second inserted).
    pub left: String,
    pub right: String,
    /// Where: a line or paragraph for clauses; `None` for the heading fields.
    pub origin: Option<Origin>,
    /// For the heading fields: which one (`heading`, `adopting body`, ...).
    pub field: Option<String>,
}

impl Glue {
    /// `line 27` or `heading`.
    pub fn place(&self) -> String {
        match (&self.origin, &self.field) {
            (Some(o), _) => o.to_string(),
            (None, Some(f)) => f.clone(),
            (None, None) => "heading".into(),
        }
    }
}

/// Words known from the documents, lower-cased, with their counts. Borrows the documents'
/// words (only words with capitals are copied, lower-cased): it is built over every word.
struct Vocabulary<'a>(foldhash::HashMap<Cow<'a, str>, usize>);

/// `w` lower-cased, borrowed when it already is (most words of a text).
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

impl<'a> Vocabulary<'a> {
    fn of(docs: &[&'a Resolution]) -> Self {
        let mut counts = foldhash::HashMap::default();
        for doc in docs {
            each_text(doc, |_, text| {
                for w in words(text) {
                    *counts.entry(lower(w)).or_insert(0) += 1;
                }
            });
        }
        Vocabulary(counts)
    }
    fn count(&self, w: &str) -> usize {
        self.count_lowered(&lower(w))
    }
    /// The count of a word already lower-cased.
    fn count_lowered(&self, w: &str) -> usize {
        self.0.get(w).copied().unwrap_or(0)
    }
}

/// Closed English compounds that split into two words but are words themselves, sorted (for
/// a binary search: every token of a flattened text is looked up).
const COMPOUNDS: &[&str] = &[
    "another",
    "anyone",
    "became",
    "become",
    "before",
    "below",
    "beyond",
    "cannot",
    "everyone",
    "forward",
    "framework",
    "furthermore",
    "hereby",
    "herein",
    "hereinafter",
    "herself",
    "himself",
    "however",
    "inform",
    "input",
    "into",
    "itself",
    "meanwhile",
    "moreover",
    "network",
    "networks",
    "nevertheless",
    "notwithstanding",
    "offline",
    "online",
    "onto",
    "otherwise",
    "outcome",
    "outcomes",
    "output",
    "overall",
    "someone",
    "something",
    "stakeholder",
    "stakeholders",
    "standpoint",
    "themselves",
    "thereafter",
    "thereby",
    "therefore",
    "therein",
    "thereof",
    "timeframe",
    "timeframes",
    "today",
    "together",
    "undertake",
    "undertaking",
    "update",
    "updates",
    "upgrade",
    "upon",
    "website",
    "whatever",
    "whenever",
    "whereas",
    "whereby",
    "wherein",
    "wherever",
    "whichever",
    "within",
    "without",
    "workshop",
    "workshops",
    "worldwide",
];

/// Two-letter words frequent enough that `as`+`to` glued (`asto`) is evidence.
const SHORT_WORDS: &[&str] = &[
    "as", "to", "in", "on", "of", "by", "at", "or", "an", "is", "it", "be", "so",
];

/// Where a text sits: a clause's origin or a heading field's name.
#[derive(Clone)]
enum Where {
    At(Origin),
    Field(&'static str),
}

/// Calls `f` on each text of a resolution that can carry flattened marks, with its place, in
/// reading order: the heading fields, then each clause before its sub-items. A walk rather than
/// a list: it runs over every clause of both revisions on each comparison.
fn each_text<'a>(doc: &'a Resolution, mut f: impl FnMut(Where, &'a str)) {
    let h = &doc.header;
    let fields = [
        ("heading", &h.heading),
        ("title", &h.title),
        ("history", &h.history_raw),
        ("adopting body", &h.adopting_body),
    ];
    for (name, t) in fields {
        if let Some(t) = t {
            f(Where::Field(name), t.shown.as_str());
        }
    }
    // Divisions depth-first, as `Resolution::clauses` lists them.
    fn division<'a>(d: &'a crate::model::Division, f: &mut impl FnMut(Where, &'a str)) {
        for c in &d.clauses {
            clause(c, f);
        }
        for child in &d.children {
            division(child, f);
        }
    }
    fn clause<'a>(c: &'a crate::model::Clause, f: &mut impl FnMut(Where, &'a str)) {
        f(Where::At(c.origin), c.text.shown.as_str());
        for item in &c.items {
            clause(item, f);
        }
    }
    for d in &doc.divisions {
        division(d, &mut f);
    }
}

/// Tokens separated by whitespace, with surrounding brackets and quotes trimmed.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .map(|t| t.trim_matches(|c: char| matches!(c, '(' | ')' | '"' | '\'' | '[' | ']')))
}

/// Finds glue points in `doc`, with words known from `doc` and, when given, the other revision.
pub fn glue_points(doc: &Resolution, other: Option<&Resolution>) -> Vec<Glue> {
    let mut docs = vec![doc];
    docs.extend(other);
    let vocab = Vocabulary::of(&docs);
    find_glues(doc, |_| true, |_| true, || &vocab)
}

/// The strong glue points of `doc` (year-word, case-change, punctuation), as [`glue_points`]
/// finds them, at a fraction of the cost: the vocabulary of `doc` is only built (into `vocab`)
/// when a token could be a case-change glue (rare in clean text), never for the word joins.
fn strong_glue_points<'a>(
    doc: &'a Resolution,
    vocab: &std::cell::OnceCell<Vocabulary<'a>>,
) -> Vec<Glue> {
    let mut glues = find_glues(doc, may_hold_strong, could_be_strong, || {
        vocab.get_or_init(|| Vocabulary::of(&[doc]))
    });
    glues.retain(|g| g.kind.is_strong());
    glues
}

/// Can `text` hold a strong glue point? Each kind needs two characters side by side that
/// clean text rarely puts together: a lower-case letter then a capital (case change), a digit
/// then a letter (year-word), or two of `;,.:` (punctuation). One pass over the characters,
/// so a clean clause is dismissed without cutting it into tokens.
fn may_hold_strong(text: &str) -> bool {
    count_char_pairs(text, strong_pair_ascii, strong_pair) > 0
}

/// The pair of characters [`may_hold_strong`] looks for.
fn strong_pair(prev: char, c: char) -> bool {
    let mark = |c: char| matches!(c, ';' | ',' | '.' | ':');
    (prev.is_lowercase() && c.is_uppercase())
        || (prev.is_ascii_digit() && c.is_alphabetic())
        || (mark(prev) && mark(c))
}

/// [`strong_pair`] on ASCII bytes, with arithmetic only.
fn strong_pair_ascii(prev: u8, c: u8) -> bool {
    let lower = |b: u8| b.wrapping_sub(b'a') < 26;
    let upper = |b: u8| b.wrapping_sub(b'A') < 26;
    let digit = |b: u8| b.wrapping_sub(b'0') < 10;
    let mark = |b: u8| (b == b';') | (b == b',') | (b == b'.') | (b == b':');
    (upper(c) & (lower(prev) | digit(prev))) | (lower(c) & digit(prev)) | (mark(c) & mark(prev))
}

/// Can `token` be a strong glue point? A cheap test that never misses one.
fn could_be_strong(token: &str) -> bool {
    let core = token.trim_end_matches(|c: char| !c.is_alphanumeric());
    punctuation_glue(token).is_some()
        || year_glue(core).is_some()
        || core
            .chars()
            .zip(core.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// The glue points of `doc` among the tokens `consider` accepts, in the texts `consider_text`
/// accepts.
fn find_glues<'v>(
    doc: &Resolution,
    consider_text: impl Fn(&str) -> bool,
    consider: impl Fn(&str) -> bool,
    vocab: impl Fn() -> &'v Vocabulary<'v>,
) -> Vec<Glue> {
    let mut found = Vec::new();
    each_text(doc, |place, text| {
        if !consider_text(text) {
            return;
        }
        let (origin, field) = match place {
            Where::At(o) => (Some(o), None),
            Where::Field(f) => (None, Some(f.to_string())),
        };
        for token in tokens(text).filter(|t| consider(t)) {
            if let Some((kind, left, right)) = classify(token, vocab()) {
                let token = token.to_string();
                found.push(Glue {
                    kind,
                    token,
                    left,
                    right,
                    origin,
                    field: field.clone(),
                });
            }
        }
    });
    found
}

/// Is `token` a glue point, and where does it split?
fn classify(token: &str, vocab: &Vocabulary) -> Option<(GlueKind, String, String)> {
    if let Some(split) = punctuation_glue(token) {
        return Some(split);
    }
    let core = token.trim_end_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() || !core.chars().all(char::is_alphanumeric) {
        return None;
    }
    if let Some(split) = year_glue(core) {
        return Some(split);
    }
    if !core.chars().all(char::is_alphabetic) {
        return None;
    }
    // A join needs two parts of three letters or more, or two two-letter words (`asto`):
    // other lengths are never glue, whatever the vocabulary says.
    let letters = core.chars().count();
    if letters < 4 || letters == 5 {
        return None;
    }
    // A word seen on its own elsewhere is a word, not a glue.
    let lowered = lower(core);
    if vocab.count_lowered(&lowered) > 1 || COMPOUNDS.binary_search(&lowered.as_ref()).is_ok() {
        return None;
    }
    let all_lower = core.chars().all(char::is_lowercase);
    let known = |s: &str| vocab.count(s) > 0;
    let mut best: Option<(usize, GlueKind)> = None;
    let mut chars = core.char_indices();
    let mut a = chars.next().map_or(' ', |(_, c)| c);
    // `j` is where the right part starts, after `before` letters.
    for (before, (j, b)) in (1..).zip(chars) {
        let (left, right) = core.split_at(j);
        let kind = if a.is_lowercase() && b.is_uppercase() {
            GlueKind::CaseChange
        } else {
            GlueKind::WordBoundary
        };
        a = b;
        let long_enough = (before >= 3 && letters - before >= 3)
            || (letters == 4
                && SHORT_WORDS.contains(&lower(left).as_ref())
                && SHORT_WORDS.contains(&lower(right).as_ref()));
        let case_ok = kind == GlueKind::CaseChange || all_lower;
        if long_enough && case_ok && known(left) && known(right) {
            let balance = left.len().min(right.len());
            if best.is_none_or(|(k, _)| {
                core.split_at(k).0.len().min(core.split_at(k).1.len()) < balance
            }) {
                best = Some((j, kind));
            }
        }
    }
    best.map(|(j, kind)| (kind, core[..j].to_string(), core[j..].to_string()))
}

/// `2012Hammamet`, `2012HAMMAMET`: a year glued to a word of three letters or more.
fn year_glue(core: &str) -> Option<(GlueKind, String, String)> {
    let digits = core.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 && (core.starts_with("19") || core.starts_with("20")) {
        let rest = &core[4..];
        if rest.chars().count() >= 3 && rest.chars().all(char::is_alphabetic) {
            return Some((GlueKind::YearWord, core[..4].to_string(), rest.to_string()));
        }
    }
    None
}

/// `recommendations;,`: two different closing punctuation marks in a row.
fn punctuation_glue(token: &str) -> Option<(GlueKind, String, String)> {
    // The marks are ASCII: the tail is read backwards on bytes, without allocating.
    let tail: &[u8] = {
        let b = token.as_bytes();
        let n = b
            .iter()
            .rev()
            .take_while(|c| matches!(c, b';' | b',' | b'.' | b':'))
            .take(3)
            .count();
        &b[b.len() - n..]
    };
    // tail[0] is the first mark. `etc.,` is an abbreviation, not a glue.
    if tail.len() == 2
        && tail[0] != tail[1]
        && matches!(tail[0], b';' | b',' | b':')
        && token.len() > 2
    {
        let cut = token.len() - 1;
        return Some((
            GlueKind::Punctuation,
            token[..cut].to_string(),
            token[cut..].to_string(),
        ));
    }
    None
}

/// A warning for the report when the glue points are evidence enough, naming the places:
/// at least [`MIN_GLUE_POINTS`] with one strong, or (only when checked against another
/// revision, `cross`) [`MIN_WORD_JOINS`] word joins.
pub fn warning(glues: &[Glue], cross: bool) -> Option<Warning> {
    let strong = glues.iter().any(|g| g.kind.is_strong());
    let enough =
        (strong && glues.len() >= MIN_GLUE_POINTS) || (cross && glues.len() >= MIN_WORD_JOINS);
    if !enough {
        return None;
    }
    let shown: Vec<String> = glues
        .iter()
        .take(8)
        .map(|g| format!("`{}` ({})", g.token, g.place()))
        .collect();
    let more = if glues.len() > 8 {
        format!(" and {} more", glues.len() - 8)
    } else {
        String::new()
    };
    Some(Warning {
        kind: WarningKind::FlattenedRevisions,
        message: format!(
            "revision marks seem flattened into the text: deleted and inserted words run together at {}{}; this text holds old and new wording at once, not a clean revision",
            shown.join(", "),
            more
        ),
        // The message names every place; one origin would single out the first.
        origin: None,
    })
}

/// Adds the flattened-revisions warning to a parsed document when its own words give the evidence.
pub fn check(doc: &mut Resolution) {
    check_keeping(doc);
}

/// [`check`], returning the document's strong glue points: the part of the [`Evidence`] of a
/// comparison that reading the document already found ([`Evidence::gather_found`]).
pub(crate) fn check_keeping(doc: &mut Resolution) -> Vec<Glue> {
    // The warning needs a strong glue point: without one, word joins cannot raise it, so the
    // whole-vocabulary search is skipped (a clean text, the common case, costs one cheap scan).
    let vocab = std::cell::OnceCell::new();
    let strong = strong_glue_points(doc, &vocab);
    if strong.is_empty() {
        return strong;
    }
    let vocab = vocab.get_or_init(|| Vocabulary::of(&[doc]));
    let glues = find_glues(doc, |_| true, |_| true, || vocab);
    let warning = warning(&glues, false);
    push_unique(doc, warning);
    strong
}

/// Cross-checks two revisions with their report: each side's own strong glue points, and
/// replacement glues, where a word of one side stands on the other side glued to another word
/// (`some` -> `somecertain`, `burdens` <- `andburdens`): the struck word survived as text.
/// Returns warnings for the report, prefixed with the side they are about.
pub fn cross_check(old: &Resolution, new: &Resolution, report: &Report) -> Vec<Warning> {
    Evidence::gather(old, new).warnings(old, new, report)
}

/// What the two revisions show of flattened marks without their report: each side's strong glue
/// points and the clauses that contain their old text. Gathered apart from the report so that
/// it can run while the clauses are aligned.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub struct Evidence {
    strong: [Vec<Glue>; 2],
    contained: Vec<Origin>,
}

impl Evidence {
    pub fn gather(old: &Resolution, new: &Resolution) -> Self {
        let strong = [old, new].map(|doc| {
            if already_flagged(doc) {
                Vec::new()
            } else {
                strong_glue_points(doc, &std::cell::OnceCell::new())
            }
        });
        Evidence::gather_found(old, new, strong)
    }

    /// [`Evidence::gather`] with each side's strong glue points already found
    /// ([`check_keeping`] on the same documents, unchanged since).
    pub(crate) fn gather_found(old: &Resolution, new: &Resolution, strong: [Vec<Glue>; 2]) -> Self {
        let [old_strong, new_strong] = strong;
        let unflagged = |doc, glues| {
            if already_flagged(doc) {
                Vec::new()
            } else {
                glues
            }
        };
        Evidence {
            strong: [unflagged(old, old_strong), unflagged(new, new_strong)],
            contained: contained_clauses(old, new),
        }
    }

    /// The warnings of [`cross_check`], with the report's replacement glues.
    pub fn warnings(self, old: &Resolution, new: &Resolution, report: &Report) -> Vec<Warning> {
        let replaced = replacement_glues(report);
        let mut out = Vec::new();
        let [old_strong, new_strong] = self.strong;
        for (side, doc, mut glues) in [(Side::Old, old, old_strong), (Side::New, new, new_strong)] {
            if already_flagged(doc) {
                continue;
            }
            glues.extend(
                replaced
                    .iter()
                    .filter(|(s, _)| *s == side)
                    .map(|(_, g)| g.clone()),
            );
            if let Some(mut w) = warning(&glues, true) {
                w.message = format!("{}: {}", side.name(), w.message);
                out.push(w);
            }
        }
        let contained = self.contained;
        if contained.len() >= MIN_GLUE_POINTS {
            let places: Vec<String> = contained.iter().take(8).map(|o| o.to_string()).collect();
            out.push(Warning {
                kind: WarningKind::FlattenedRevisions,
                message: format!(
                    "new: {} clauses keep every word of the old text in order while adding words ({}): a proposal with flattened revision marks keeps its deletions as text",
                    contained.len(),
                    places.join(", ")
                ),
                origin: contained.first().copied(),
            });
        }
        out
    }
}

/// Did reading the document already warn of flattened marks (by its own words)?
fn already_flagged(doc: &Resolution) -> bool {
    doc.warnings.iter().any(|w| {
        w.kind == WarningKind::FlattenedRevisions && w.message.starts_with("revision marks seem")
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::Old => "old",
            Side::New => "new",
        }
    }
}

/// Replacement glues in the report's inline diffs: in a run of deletions and insertions, a word
/// of one side that is two parts glued, exactly one of which is a word of the other side.
/// Read in chunks of [`GLUES_CHUNK`] changes, on two threads from as many changes as a diff
/// needs clauses to use two ([`crate::SECOND_THREAD_FROM_CLAUSES`]): at 5,000 clauses the
/// reading took 0.4 ms on one thread while the other waited.
fn replacement_glues(report: &Report) -> Vec<(Side, Glue)> {
    let spread = if report.changes.len() >= crate::SECOND_THREAD_FROM_CLAUSES {
        crate::threads::Spread::Two
    } else {
        crate::threads::Spread::Here
    };
    let chunks: Vec<&[crate::report::Change]> = report.changes.chunks(GLUES_CHUNK).collect();
    let found = crate::threads::map_spread(&chunks, spread, |chunk| {
        chunk.iter().flat_map(change_glues).collect::<Vec<_>>()
    });
    found.into_iter().flatten().collect()
}

/// Changes read in one task of [`replacement_glues`].
const GLUES_CHUNK: usize = 256;

/// Replacement glues of one aligned unit.
fn change_glues(change: &crate::report::Change) -> Vec<(Side, Glue)> {
    let mut out = Vec::new();
    // Named once a glue is found: most units have none.
    let name = std::cell::OnceCell::new();
    let field = || {
        name.get_or_init(|| {
            let place = change.new.first().or(change.old.first());
            place.map(|p| match &p.label {
                Some(l) => format!("{} {l}", p.section),
                None => p.section.clone(),
            })
        })
        .clone()
    };
    let segs = &change.inline;
    let mut i = 0;
    while i < segs.len() {
        if segs[i].op == SegmentOp::Equal {
            i += 1;
            continue;
        }
        let start = i;
        while i < segs.len() && segs[i].op != SegmentOp::Equal {
            i += 1;
        }
        let run = &segs[start..i];
        for (side, deleted) in [(Side::Old, true), (Side::New, false)] {
            // A whole added or suppressed text has nothing on the other side to glue to.
            if run_words(run, !deleted).next().is_none() {
                continue;
            }
            // Listed for the first word that could be two glued (most runs have none).
            let mut theirs = None;
            for token in run_words(run, deleted) {
                if !could_be_glued(token) {
                    continue;
                }
                let theirs: &Vec<Cow<str>> =
                    theirs.get_or_insert_with(|| run_words(run, !deleted).map(lower).collect());
                if let Some((left, right)) = replacement_split(token, theirs) {
                    let glue = Glue {
                        kind: GlueKind::WordBoundary,
                        token: token.to_string(),
                        left,
                        right,
                        origin: None,
                        field: field(),
                    };
                    out.push((side, glue));
                }
            }
        }
    }
    out
}

/// The words of the deleted (or the inserted) segments of a run of changes. Segments never
/// share a word: each ends a word.
fn run_words(run: &[crate::report::Segment], deleted: bool) -> impl Iterator<Item = &str> {
    run.iter()
        .filter(move |s| (s.op == SegmentOp::Delete) == deleted)
        .flat_map(|s| words(&s.text))
}

/// `somecertain` against `[some]` -> (`some`, `certain`): exactly one part is a word on the
/// other side (both would be a spelling change such as `time-frames` -> `timeframes`).
/// `theirs` are lower-cased.
fn replacement_split(token: &str, theirs: &[Cow<str>]) -> Option<(String, String)> {
    if !could_be_glued(token) {
        return None;
    }
    let has = |w: &str| theirs.iter().any(|t| t == w);
    let lower_token = lower(token);
    if has(&lower_token) {
        return None;
    }
    // An ASCII token can only split into a word of theirs that begins or ends it: when none
    // does, no cut can find one (the cuts below lower-case each part on their own).
    if lower_token.is_ascii()
        && !theirs.iter().any(|t| {
            !t.is_empty()
                && (lower_token.starts_with(t.as_ref()) || lower_token.ends_with(t.as_ref()))
        })
    {
        return None;
    }
    token.char_indices().skip(2).find_map(|(j, _)| {
        let (l, r) = token.split_at(j);
        (r.chars().count() >= 2 && has(&lower(l)) != has(&lower(r)))
            .then(|| (l.to_string(), r.to_string()))
    })
}

/// Can `token` be two words glued, for [`replacement_split`]? Four letters or more.
fn could_be_glued(token: &str) -> bool {
    token.chars().count() >= 4 && token.chars().all(char::is_alphabetic)
}

fn push_unique(doc: &mut Resolution, w: Option<Warning>) {
    if let Some(w) = w {
        if !doc.warnings.iter().any(|x| x.message == w.message) {
            doc.warnings.push(w);
        }
    }
}

/// What a flattened proposal did to one clause of its base, as far as the text can tell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Separated {
    pub base: Option<Place>,
    pub proposal: Place,
    /// Text of the proposal not in the base: exactly what it inserted.
    pub inserted: Vec<String>,
    /// Glue points where a deletion probably sat.
    pub glues: Vec<Glue>,
    /// For each glue point (same order), the base word that was probably struck there: a
    /// guess, labelled so; `None` when there is no guess.
    pub guessed_deletions: Vec<Option<String>>,
}

/// With the base a flattened proposal was written against, separates what it inserted (the
/// text not in the base, exact) and shows the glue points where a deletion probably sat.
pub fn separate(base: &Resolution, proposal: &Resolution) -> Vec<Separated> {
    let report = crate::compare(base, proposal, &crate::CompareOptions::default());
    let vocab_glues = glue_points(proposal, Some(base));
    let mut out = Vec::new();
    for change in &report.changes {
        let Some(place) = change.new.first() else {
            continue;
        };
        let inserted: Vec<String> = change
            .inline
            .iter()
            .filter(|s| s.op == SegmentOp::Insert)
            .map(|s| s.text.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if inserted.is_empty() {
            continue;
        }
        let new_text = inline::apply_new(&change.inline);
        let mut glues: Vec<Glue> = vocab_glues
            .iter()
            .filter(|g| new_text.contains(&g.token))
            .cloned()
            .collect();
        for (side, g) in change_glues(change) {
            if side == Side::New && !glues.iter().any(|x| x.token == g.token) {
                glues.push(g);
            }
        }
        let guessed_deletions = glues
            .iter()
            .map(|g| guess_deletion(&change.inline, g))
            .collect();
        out.push(Separated {
            base: change.old.first().cloned(),
            proposal: place.clone(),
            inserted,
            glues,
            guessed_deletions,
        });
    }
    out
}

/// Guess: at a glue point inside inserted text, the part before the join is the struck word
/// (Word's text export keeps deleted text right before the text typed in its place).
fn guess_deletion(segments: &[crate::report::Segment], glue: &Glue) -> Option<String> {
    segments
        .iter()
        .any(|s| s.op == SegmentOp::Insert && s.text.contains(&glue.token))
        .then(|| glue.left.trim_end_matches([';', ',', '.', ':']).to_string())
        .filter(|g| !g.is_empty())
}

#[cfg(test)]
mod tests {
    use super::scan::{word_count, word_start};
    use super::*;

    /// The strong glue points kept from reading ([`check_keeping`]) are the ones
    /// [`Evidence::gather`] finds again: on a flagged text (skipped), a clean one, and one with
    /// a single strong glue point, too few to flag it when read.
    #[test]
    fn evidence_from_the_reading_is_the_evidence_gathered_again() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let geneva = std::fs::read_to_string(repo.join("resolutions/wtsa-7/geneva-2022.md"))
            .expect("shipped text");
        let dir = tempfile::tempdir().expect("tempdir");
        let glued = dir.path().join("one-glue.md");
        let text = geneva.replacen("of the ITU Constitution", "of theITU Constitution", 1);
        std::fs::write(&glued, text).expect("write");
        let paths = [
            repo.join("resolutions/wtsa-7/usa-48a5-1.txt"),
            repo.join("resolutions/wtsa-7/geneva-2022.md"),
            glued,
        ];
        let read: Vec<(Resolution, Vec<Glue>)> = (paths.iter())
            .map(|p| crate::read::load_keeping(p, &Default::default()).expect("loads"))
            .collect();
        assert!(already_flagged(&read[0].0));
        assert!(read[1].1.is_empty());
        assert!(!already_flagged(&read[2].0));
        assert_eq!(read[2].1.len(), 1, "{:?}", read[2].1);
        for (old, old_strong) in &read {
            for (new, new_strong) in &read {
                let kept = [old_strong.clone(), new_strong.clone()];
                assert_eq!(
                    Evidence::gather_found(old, new, kept),
                    Evidence::gather(old, new)
                );
            }
        }
    }

    fn vocab(words: &[&str]) -> Vocabulary<'static> {
        Vocabulary(
            words
                .iter()
                .map(|w| (Cow::Owned(w.to_string()), 2))
                .collect(),
        )
    }

    #[test]
    fn glued_words_split_into_known_words() {
        let v = vocab(&["and", "burdens", "as", "to", "constraints", "standards"]);
        assert_eq!(
            classify("andburdens", &v),
            Some((GlueKind::WordBoundary, "and".into(), "burdens".into()))
        );
        assert_eq!(
            classify("asto", &v),
            Some((GlueKind::WordBoundary, "as".into(), "to".into()))
        );
        assert_eq!(
            classify("constraintsstandards", &v),
            Some((
                GlueKind::WordBoundary,
                "constraints".into(),
                "standards".into()
            ))
        );
        assert_eq!(
            classify("2012Hammamet,", &v),
            Some((GlueKind::YearWord, "2012".into(), "Hammamet".into()))
        );
        assert_eq!(
            classify("recommendations;,", &v),
            Some((GlueKind::Punctuation, "recommendations;".into(), ",".into()))
        );
    }

    #[test]
    fn the_byte_test_agrees_with_the_char_test() {
        scan::tests::assert_byte_test_agrees(strong_pair_ascii, strong_pair);
    }

    #[test]
    fn the_scans_agree_with_char_by_char_scans() {
        let pairs = |t: &str, hit: fn(char, char) -> bool| {
            let v: Vec<char> = std::iter::once(' ').chain(t.chars()).collect();
            v.windows(2).filter(|w| hit(w[0], w[1])).count()
        };
        let check = |t: &str| {
            assert_eq!(may_hold_strong(t), pairs(t, strong_pair) > 0, "{t:?}");
            assert_eq!(word_count(&[t]), words(t).count(), "{t:?}");
            assert_eq!(word_count(&[t]), pairs(t, word_start), "{t:?}");
        };
        for t in [
            "",
            "a",
            "plain words, and numbers 2016.",
            "2012Hammamet",
            "someCertain",
            "recommendations;,",
            "etc.,",
            "ITU-T A.23",
            "3rd",
            "x;y",
            "é",
            "éA",
            "aÉ",
            "2é",
            "Florianópolis, Málaga–Torremolinos; 2016Été ’s “q”",
            "ﬁnal Ⅻ ½ e\u{301}te\u{301} x\u{200b}y",
        ] {
            check(t);
        }
        // Long texts, scanned in blocks: each pair at every offset, across block boundaries
        // and next to other characters than ASCII.
        for clean in [
            "the development of standards, in 2016 and 3 more: a b".repeat(3),
            "the développement of “standards”, in 2016 and 3 more: a b".repeat(3),
        ] {
            assert!(!may_hold_strong(&clean));
            check(&clean);
            let at: Vec<usize> = clean.char_indices().map(|(i, _)| i).collect();
            for w in at.windows(3) {
                for pair in ["aB", "3r", ";,", "9Q", "é;", "aÉ", "2é", "éé", "a ", " a"] {
                    let mut t = clean.clone();
                    t.replace_range(w[0]..w[2], pair);
                    check(&t);
                }
            }
        }
    }

    #[test]
    fn the_compounds_are_sorted() {
        assert!(COMPOUNDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn real_words_are_not_glue() {
        let v = vocab(&["with", "in", "out", "inter", "national", "and"]);
        assert_eq!(classify("within", &v), None);
        assert_eq!(classify("without", &v), None);
        assert_eq!(classify("and", &v), None);
        assert_eq!(classify("1bis", &v), None);
        assert_eq!(classify("A.23", &v), None);
        assert_eq!(classify("ITU-T", &v), None);
        assert_eq!(classify("2022", &v), None);
    }
}
