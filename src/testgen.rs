//! Test generator: revision pairs with known answers, made from a real parsed resolution.
//!
//! Each pair applies edits of one kind (renumber, insert, delete, move, split, merge, reword,
//! typography) and records, for every new clause, the old clauses it came from, so pairing can
//! be scored. Deterministic for a seed (a small xorshift, no external randomness).

use crate::model::{
    Clause, Division, DivisionKind, Header, Label, Origin, Resolution, Source, Text,
    PARSE_SCHEMA_VERSION,
};
use crate::report::Report;

/// xorshift64*: small, fast, and the same on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        // Never zero; spread small seeds.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (`0` when `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// The kinds of edit the generator makes, one kind per generated pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EditKind {
    /// A clause inserted at the head of a section: every label after it shifts.
    Renumber,
    /// A new clause inserted anywhere.
    Insert,
    /// A clause deleted.
    Delete,
    /// A clause moved to another section (half of the time also lightly reworded).
    Move,
    /// A clause cut in two adjacent clauses.
    Split,
    /// Two adjacent clauses joined into one.
    Merge,
    /// Some words of a clause (5% to 35%) replaced, inserted or deleted.
    Reword,
    /// Typography only: U+2011, curly quotes, no-break spaces, double spaces.
    Typography,
}

impl EditKind {
    pub const ALL: [EditKind; 8] = [
        EditKind::Renumber,
        EditKind::Insert,
        EditKind::Delete,
        EditKind::Move,
        EditKind::Split,
        EditKind::Merge,
        EditKind::Reword,
        EditKind::Typography,
    ];
    pub fn name(self) -> &'static str {
        match self {
            EditKind::Renumber => "renumber",
            EditKind::Insert => "insert",
            EditKind::Delete => "delete",
            EditKind::Move => "move",
            EditKind::Split => "split",
            EditKind::Merge => "merge",
            EditKind::Reword => "reword",
            EditKind::Typography => "typography",
        }
    }
}

/// A generated revision pair with its known answer.
#[derive(Debug, Clone)]
pub struct GenPair {
    pub kind: EditKind,
    pub old: Resolution,
    pub new: Resolution,
    /// For each new clause (`Resolution::clauses()` order): the old clauses it came from
    /// (empty: added; two for a merge; a split gives two new clauses the same source).
    pub sources: Vec<Vec<usize>>,
    /// Old clauses the edits touched (deleted, moved, split, merged, reworded, relabelled...).
    pub touched_old: Vec<usize>,
    /// New clauses the edits touched.
    pub touched_new: Vec<usize>,
}

/// A clause in the making, with where it came from.
#[derive(Debug, Clone)]
struct GClause {
    clause: Clause,
    src: Vec<usize>,
    touched: bool,
}

#[derive(Debug, Clone)]
struct GSection {
    div: Division,
    clauses: Vec<GClause>,
}

/// Builds a resolution from `(section heading, [(label, text)])`; an empty label makes an
/// unlabelled clause. For hand-made tests and the generator.
pub fn resolution(sections: &[(&str, &[(&str, &str)])]) -> Resolution {
    let divisions = sections
        .iter()
        .map(|(heading, clauses)| {
            let operative = clauses
                .iter()
                .any(|(l, _)| l.chars().next().is_some_and(|c| c.is_ascii_digit()));
            division(
                heading,
                if operative {
                    DivisionKind::Operative
                } else {
                    DivisionKind::Preambular
                },
                clauses.iter().map(|(l, t)| clause(l, t)).collect(),
            )
        })
        .collect();
    Resolution {
        schema_version: PARSE_SCHEMA_VERSION,
        source: Source {
            path: "generated".into(),
            format: crate::model::Format::Text,
            view: None,
        },
        header: Header::default(),
        divisions,
        footnotes: Vec::new(),
        revisions: Vec::new(),
        warnings: Vec::new(),
    }
}

fn division(heading: &str, kind: DivisionKind, clauses: Vec<Clause>) -> Division {
    Division {
        kind,
        heading: Text::new(heading),
        label: None,
        title: None,
        clauses,
        children: Vec::new(),
        origin: Origin::default(),
    }
}

/// A clause with a label (`a`, `1`; empty for none) and a text.
pub fn clause(label: &str, text: &str) -> Clause {
    Clause {
        label: (!label.is_empty()).then(|| Label {
            raw: if label.chars().all(|c| c.is_ascii_digit()) {
                label.to_string()
            } else {
                format!("{label})")
            },
            norm: label.to_string(),
        }),
        text: Text::new(text),
        items: Vec::new(),
        footnote_refs: Vec::new(),
        origin: Origin::default(),
    }
}

/// The base flattened: every division with clauses becomes a top-level section, in reading
/// order, so clause indices are the same as in `Resolution::clauses()`.
fn sections_of(base: &Resolution) -> Vec<GSection> {
    let mut idx = 0;
    base.walk_divisions()
        .into_iter()
        .map(|d| {
            let clauses = d
                .clauses
                .iter()
                .map(|c| {
                    idx += 1;
                    GClause {
                        clause: c.clone(),
                        src: vec![idx - 1],
                        touched: false,
                    }
                })
                .collect();
            let mut div = d.clone();
            div.clauses = Vec::new();
            div.children = Vec::new();
            GSection { div, clauses }
        })
        .collect()
}

fn assemble(base: &Resolution, sections: &[GSection]) -> Resolution {
    let mut res = base.clone();
    res.divisions = sections
        .iter()
        .map(|s| {
            let mut d = s.div.clone();
            d.clauses = s.clauses.iter().map(|c| c.clause.clone()).collect();
            d
        })
        .collect();
    res
}

/// Renames labels of a section after an edit, when they run `a, b, c` or `1, 2, 3`; `mark`
/// counts the relabelled clauses as touched (for the renumber kind, where they are the edit).
fn relabel(section: &mut GSection, mark: bool) {
    let labels: Vec<Option<&str>> = section
        .clauses
        .iter()
        .map(|c| c.clause.label.as_ref().map(|l| l.norm.as_str()))
        .collect();
    let letters = labels
        .iter()
        .all(|l| l.is_some_and(|l| l.len() == 1 && l.chars().all(|c| c.is_ascii_lowercase())));
    let digits = labels
        .iter()
        .all(|l| l.is_some_and(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_digit())));
    if section.clauses.len() > 26 && letters {
        return;
    }
    for (i, c) in section.clauses.iter_mut().enumerate() {
        let norm = if letters {
            char::from(b'a' + i as u8).to_string()
        } else if digits {
            (i + 1).to_string()
        } else {
            continue;
        };
        let raw = if letters {
            format!("{norm})")
        } else {
            norm.clone()
        };
        if c.clause.label.as_ref().map(|l| l.norm.as_str()) != Some(norm.as_str()) {
            c.touched |= mark;
            c.clause.label = Some(Label { raw, norm });
        }
    }
}

/// Words a generated text may use: the base's own vocabulary and invented words (so large
/// texts keep rare words, as real long resolutions do: names, references, numbers).
pub struct Words {
    pool: Vec<String>,
}

impl Words {
    pub fn of(base: &Resolution) -> Self {
        let mut pool: Vec<String> = base
            .clauses()
            .iter()
            .flat_map(|(_, c)| {
                c.full_shown()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        pool.sort();
        pool.dedup();
        if pool.is_empty() {
            pool.push("text".into());
        }
        Words { pool }
    }
    fn invented(rng: &mut Rng) -> String {
        const SYL: [&str; 16] = [
            "ra", "mo", "ti", "ve", "lan", "dor", "ex", "qui", "ston", "pel", "ar", "zu", "net",
            "cor", "bi", "sa",
        ];
        (0..2 + rng.below(3))
            .map(|_| SYL[rng.below(SYL.len())])
            .collect()
    }
    pub fn word(&self, rng: &mut Rng) -> String {
        if rng.chance(0.3) {
            Self::invented(rng)
        } else {
            self.pool[rng.below(self.pool.len())].clone()
        }
    }
    fn sentence(&self, rng: &mut Rng) -> String {
        let n = 12 + rng.below(20);
        let mut s: Vec<String> = (0..n).map(|_| self.word(rng)).collect();
        s.push(";".into());
        s.join(" ")
    }
}

fn text_clause(label: Option<Label>, text: &str) -> Clause {
    Clause {
        label,
        text: Text::new(text),
        items: Vec::new(),
        footnote_refs: Vec::new(),
        origin: Origin::default(),
    }
}

fn fresh(words: &Words, rng: &mut Rng, like: Option<&Clause>) -> GClause {
    let label = like.and_then(|c| c.label.clone());
    GClause {
        clause: text_clause(label, &words.sentence(rng)),
        src: Vec::new(),
        touched: true,
    }
}

/// Picks a section index satisfying `ok`, if any.
fn pick_section(
    rng: &mut Rng,
    sections: &[GSection],
    ok: impl Fn(&GSection) -> bool,
) -> Option<usize> {
    let ids: Vec<usize> = (0..sections.len()).filter(|&i| ok(&sections[i])).collect();
    (!ids.is_empty()).then(|| ids[rng.below(ids.len())])
}

/// Rewords a text: replaces, inserts or deletes about `rate` of its words.
fn reword(text: &str, rate: f64, words: &Words, rng: &mut Rng) -> String {
    let mut out: Vec<String> = Vec::new();
    let toks: Vec<&str> = text.split_whitespace().collect();
    let mut changed = false;
    for (i, t) in toks.iter().enumerate() {
        let last = i + 1 == toks.len();
        if rng.chance(rate) && !last {
            changed = true;
            match rng.below(3) {
                0 => out.push(words.word(rng)),
                1 => {
                    out.push(t.to_string());
                    out.push(words.word(rng));
                }
                _ => {}
            }
        } else {
            out.push(t.to_string());
        }
    }
    if !changed {
        out.insert(out.len().saturating_sub(1), words.word(rng));
    }
    out.join(" ")
}

/// Typography-only respelling: the comparison key does not change.
fn retype(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '-' if rng.chance(0.8) => out.push('\u{2011}'),
            ' ' if rng.chance(0.15) => out.push('\u{00A0}'),
            ' ' if rng.chance(0.1) => out.push_str("  "),
            '"' => out.push(if rng.chance(0.5) {
                '\u{201C}'
            } else {
                '\u{201D}'
            }),
            '\'' => out.push('\u{2019}'),
            c => out.push(c),
        }
    }
    if out == text {
        // Make sure something changed: a double space after the first word.
        if let Some(p) = out.find(' ') {
            out.insert(p, ' ');
        }
    }
    out
}

/// Applies one edit of `kind`; false if the base offers no place for it.
fn edit(kind: EditKind, sections: &mut [GSection], words: &Words, rng: &mut Rng) -> bool {
    let sizes = |s: &GSection| s.clauses.len();
    match kind {
        EditKind::Renumber | EditKind::Insert => {
            let Some(s) = pick_section(rng, sections, |s| sizes(s) >= 1) else {
                return false;
            };
            let pos = if kind == EditKind::Renumber {
                0
            } else {
                rng.below(sizes(&sections[s]) + 1)
            };
            let like = sections[s].clauses.first().map(|c| c.clause.clone());
            let c = fresh(words, rng, like.as_ref());
            sections[s].clauses.insert(pos, c);
            relabel(&mut sections[s], kind == EditKind::Renumber);
        }
        EditKind::Delete => {
            let Some(s) = pick_section(rng, sections, |s| sizes(s) >= 2) else {
                return false;
            };
            let pos = rng.below(sizes(&sections[s]));
            sections[s].clauses.remove(pos);
            relabel(&mut sections[s], kind == EditKind::Renumber);
        }
        EditKind::Move => {
            if sections.iter().filter(|s| sizes(s) >= 1).count() < 2 {
                return false;
            }
            let Some(from) = pick_section(rng, sections, |s| sizes(s) >= 2) else {
                return false;
            };
            let Some(to) = pick_section(rng, sections, |s| sizes(s) >= 1) else {
                return false;
            };
            if to == from {
                return false;
            }
            let pos = rng.below(sizes(&sections[from]));
            let mut c = sections[from].clauses.remove(pos);
            c.touched = true;
            // Half of the moves also reword a little, as real revisions do.
            if rng.chance(0.5) {
                let rate = 0.05 + rng.unit() * 0.1;
                let text = reword(&c.clause.full_shown(), rate, words, rng);
                c.clause = text_clause(c.clause.label.clone(), &text);
            }
            let at = rng.below(sizes(&sections[to]) + 1);
            sections[to].clauses.insert(at, c);
            relabel(&mut sections[from], false);
            relabel(&mut sections[to], false);
        }
        EditKind::Split => {
            let long = |c: &GClause| {
                c.src.len() == 1 && c.clause.full_shown().split_whitespace().count() >= 16
            };
            let Some(s) = pick_section(rng, sections, |s| s.clauses.iter().any(long)) else {
                return false;
            };
            let ids: Vec<usize> = (0..sizes(&sections[s]))
                .filter(|&i| long(&sections[s].clauses[i]))
                .collect();
            let pos = ids[rng.below(ids.len())];
            let c = sections[s].clauses[pos].clone();
            let text = c.clause.full_shown();
            let toks: Vec<&str> = text.split_whitespace().collect();
            let cut = toks.len() * (35 + rng.below(31)) / 100;
            let first = toks[..cut].join(" ");
            let second = toks[cut..].join(" ");
            let a = GClause {
                clause: text_clause(c.clause.label.clone(), &first),
                src: c.src.clone(),
                touched: true,
            };
            let b = GClause {
                clause: text_clause(c.clause.label.clone(), &second),
                src: c.src.clone(),
                touched: true,
            };
            sections[s].clauses.splice(pos..=pos, [a, b]);
            relabel(&mut sections[s], kind == EditKind::Renumber);
        }
        EditKind::Merge => {
            let Some(s) = pick_section(rng, sections, |s| sizes(s) >= 2) else {
                return false;
            };
            let pos = rng.below(sizes(&sections[s]) - 1);
            let a = sections[s].clauses[pos].clone();
            let b = sections[s].clauses[pos + 1].clone();
            if a.src.len() != 1 || b.src.len() != 1 {
                return false;
            }
            let text = format!("{} {}", a.clause.full_shown(), b.clause.full_shown());
            let m = GClause {
                clause: text_clause(a.clause.label.clone(), &text),
                src: vec![a.src[0], b.src[0]],
                touched: true,
            };
            sections[s].clauses.splice(pos..=pos + 1, [m]);
            relabel(&mut sections[s], kind == EditKind::Renumber);
        }
        EditKind::Reword | EditKind::Typography => {
            let Some(s) = pick_section(rng, sections, |s| sizes(s) >= 1) else {
                return false;
            };
            let pos = rng.below(sizes(&sections[s]));
            let c = &mut sections[s].clauses[pos];
            let text = c.clause.full_shown();
            let new_text = if kind == EditKind::Reword {
                let rate = 0.05 + rng.unit() * 0.3;
                reword(&text, rate, words, rng)
            } else {
                retype(&text, rng)
            };
            c.clause = text_clause(c.clause.label.clone(), &new_text);
            c.touched = true;
        }
    }
    true
}

/// A revision pair from `base` with 1 to 3 edits of `kind`.
pub fn generate(base: &Resolution, kind: EditKind, seed: u64) -> GenPair {
    let mut rng = Rng::new(seed);
    let edits = 1 + rng.below(3);
    mutate(base, &[kind], edits, &mut rng)
}

/// A revision pair from `base` with `edits` edits drawn from `kinds` (the first is recorded as
/// the pair's kind).
pub fn mutate(base: &Resolution, kinds: &[EditKind], edits: usize, rng: &mut Rng) -> GenPair {
    let words = Words::of(base);
    let original = sections_of(base);
    let old = assemble(base, &original);
    let mut sections = original;
    let mut attempts = 0;
    let mut done = 0;
    while done < edits && attempts < edits * 20 && !kinds.is_empty() {
        attempts += 1;
        let kind = kinds[rng.below(kinds.len())];
        if edit(kind, &mut sections, &words, rng) {
            done += 1;
        }
    }
    let new = assemble(base, &sections);
    let all: Vec<&GClause> = sections.iter().flat_map(|s| s.clauses.iter()).collect();
    let sources: Vec<Vec<usize>> = all.iter().map(|c| c.src.clone()).collect();
    let n_old = old.clauses().len();
    let mut kept = vec![false; n_old];
    let mut touched_old = vec![false; n_old];
    let mut touched_new = Vec::new();
    for (n, c) in all.iter().enumerate() {
        for &o in &c.src {
            kept[o] = true;
            if c.touched {
                touched_old[o] = true;
            }
        }
        if c.touched {
            touched_new.push(n);
        }
    }
    let touched_old = (0..n_old).filter(|&o| touched_old[o] || !kept[o]).collect();
    GenPair {
        kind: kinds.first().copied().unwrap_or(EditKind::Reword),
        old,
        new,
        sources,
        touched_old,
        touched_new,
    }
}

/// Pairing counts on the touched clauses: an added clause counts as the pair (none, new), a
/// deleted one as (old, none), so ADD and SUP are scored like pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
}

impl Score {
    pub fn add(&mut self, o: Score) {
        self.true_pos += o.true_pos;
        self.false_pos += o.false_pos;
        self.false_neg += o.false_neg;
    }
    pub fn precision(&self) -> f64 {
        let d = self.true_pos + self.false_pos;
        if d == 0 {
            1.0
        } else {
            self.true_pos as f64 / d as f64
        }
    }
    pub fn recall(&self) -> f64 {
        let d = self.true_pos + self.false_neg;
        if d == 0 {
            1.0
        } else {
            self.true_pos as f64 / d as f64
        }
    }
}

/// Scores a report against the pair's known answer, on the clauses the edits touched.
pub fn score(pair: &GenPair, report: &Report) -> Score {
    use std::collections::BTreeSet;
    let touched_old: BTreeSet<usize> = pair.touched_old.iter().copied().collect();
    let touched_new: BTreeSet<usize> = pair.touched_new.iter().copied().collect();
    let relevant = |p: &(Option<usize>, Option<usize>)| {
        p.0.is_some_and(|o| touched_old.contains(&o))
            || p.1.is_some_and(|n| touched_new.contains(&n))
    };
    let mut truth: BTreeSet<(Option<usize>, Option<usize>)> = BTreeSet::new();
    let mut kept = BTreeSet::new();
    for (n, src) in pair.sources.iter().enumerate() {
        if src.is_empty() {
            truth.insert((None, Some(n)));
        }
        for &o in src {
            truth.insert((Some(o), Some(n)));
            kept.insert(o);
        }
    }
    for o in 0..pair.old.clauses().len() {
        if !kept.contains(&o) {
            truth.insert((Some(o), None));
        }
    }
    let mut predicted = BTreeSet::new();
    for c in &report.changes {
        match (c.old_units.is_empty(), c.new_units.is_empty()) {
            (true, _) => c.new_units.iter().for_each(|&n| {
                predicted.insert((None, Some(n)));
            }),
            (_, true) => c.old_units.iter().for_each(|&o| {
                predicted.insert((Some(o), None));
            }),
            _ => {
                for &o in &c.old_units {
                    for &n in &c.new_units {
                        predicted.insert((Some(o), Some(n)));
                    }
                }
            }
        }
    }
    let truth: BTreeSet<_> = truth.into_iter().filter(relevant).collect();
    let predicted: BTreeSet<_> = predicted.into_iter().filter(relevant).collect();
    Score {
        true_pos: truth.intersection(&predicted).count(),
        false_pos: predicted.difference(&truth).count(),
        false_neg: truth.difference(&predicted).count(),
    }
}

/// A large synthetic resolution for performance checks: `n` clauses in sections of 20, words
/// drawn with a skewed (Zipf-like) frequency from an invented vocabulary.
pub fn synthetic(n: usize, seed: u64) -> Resolution {
    let mut rng = Rng::new(seed);
    let vocab_size = 30_000usize;
    let mut divisions = Vec::new();
    let mut i = 0;
    while i < n {
        let count = 20.min(n - i);
        let clauses = (0..count)
            .map(|k| {
                let len = 10 + rng.below(30);
                let words: Vec<String> = (0..len)
                    .map(|_| {
                        let id = (rng.unit().powi(3) * vocab_size as f64) as usize;
                        format!("w{id}")
                    })
                    .collect();
                clause(&(k + 1).to_string(), &format!("{};", words.join(" ")))
            })
            .collect();
        divisions.push(division(
            &format!("resolves {}", divisions.len() + 1),
            DivisionKind::Operative,
            clauses,
        ));
        i += count;
    }
    let mut res = resolution(&[]);
    res.divisions = divisions;
    res
}

/// A chain of generated revisions with its known answer, for history tests.
#[derive(Debug, Clone)]
pub struct GenChain {
    /// The revisions, oldest first (the first is the base with its divisions flattened).
    pub revisions: Vec<Resolution>,
    /// `sources[i][n]`: for clause `n` of revision `i + 1`, the clauses of revision `i` it came
    /// from (as [`GenPair::sources`]).
    pub sources: Vec<Vec<Vec<usize>>>,
}

/// `steps` successive generated pairs from `base`, each with `edits` edits drawn from `kinds`.
pub fn chain(
    base: &Resolution,
    kinds: &[EditKind],
    steps: usize,
    edits: usize,
    rng: &mut Rng,
) -> GenChain {
    let mut revisions = Vec::new();
    let mut sources = Vec::new();
    let mut current = base.clone();
    for _ in 0..steps {
        let pair = mutate(&current, kinds, edits, rng);
        if revisions.is_empty() {
            revisions.push(pair.old.clone());
        }
        revisions.push(pair.new.clone());
        sources.push(pair.sources);
        current = pair.new;
    }
    GenChain { revisions, sources }
}
