//! Large resolutions built from the real ones, for benchmarks: the divisions of a shipped text
//! are repeated (each copy reworded, so no two clauses are identical, as in a real text) until
//! the wanted number of clauses is reached, and revision pairs are drawn with the aligner's
//! test generator ([`resdiff::testgen::mutate`]). Shared by `examples/gen_pair.rs`,
//! `examples/gen_collection.rs` and `benches/pipeline.rs` (included with `#[path]`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use resdiff::model::{Clause, Division, Label, Resolution, Text};
use resdiff::testgen::{mutate, EditKind, Rng, Words};
use resdiff::{load, LoadOptions};

/// The shipped texts, relative to the crate root.
pub const GENEVA: &str = "resolutions/wtsa-7/geneva-2022.md";
pub const USA: &str = "resolutions/wtsa-7/usa-48a5-1.txt";
pub const HAMMAMET: &str = "resolutions/wtsa-1/hammamet-2016.docx";

/// A shipped text's path (the crate root is where `cargo` runs examples and benches from).
pub fn shipped(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Loads a shipped text; they are part of the repository, so failing to read one is a broken
/// checkout, reported as such.
pub fn load_shipped(rel: &str) -> Resolution {
    let path = shipped(rel);
    load(&path, &LoadOptions::default())
        .unwrap_or_else(|e| panic!("cannot load shipped {}: {e}", path.display()))
}

/// The edit mix of a generated revision: rewordings weigh most, as in real revisions.
pub const EDITS: [EditKind; 10] = [
    EditKind::Reword,
    EditKind::Reword,
    EditKind::Reword,
    EditKind::Insert,
    EditKind::Delete,
    EditKind::Move,
    EditKind::Renumber,
    EditKind::Typography,
    EditKind::Split,
    EditKind::Merge,
];

/// Replaces about `rate` of the words of `text` (never the last one, which carries the
/// clause's closing punctuation).
fn reword(text: &str, rate: f64, pool: &Words, rng: &mut Rng) -> String {
    let toks: Vec<&str> = text.split(' ').collect();
    let last = toks.len().saturating_sub(1);
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            if i < last && !t.is_empty() && rng.chance(rate) {
                pool.word(rng)
            } else {
                t.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn reword_clause(c: &Clause, pool: &Words, rng: &mut Rng) -> Clause {
    let mut c = c.clone();
    c.text = Text::new(reword(&c.text.shown, 0.25, pool, rng));
    c.items = c
        .items
        .iter()
        .map(|i| reword_clause(i, pool, rng))
        .collect();
    c
}

/// `base` grown (or cut) to about `clauses` clauses: its divisions with clauses, flattened,
/// repeated in order; copies after the first are reworded (a quarter of their words). The
/// header is the base's. Deterministic for a seed.
pub fn scaled(base: &Resolution, clauses: usize, seed: u64) -> Resolution {
    let mut rng = Rng::new(seed);
    let pool = Words::of(base);
    let template: Vec<&Division> = base
        .walk_divisions()
        .into_iter()
        .filter(|d| !d.clauses.is_empty())
        .collect();
    let mut out = base.clone();
    out.divisions = Vec::new();
    let mut count = 0;
    let mut copy = 0;
    while count < clauses && !template.is_empty() {
        for d in &template {
            if count >= clauses {
                break;
            }
            let take = d.clauses.len().min(clauses - count);
            let mut div = (*d).clone();
            div.children = Vec::new();
            div.clauses = d.clauses[..take]
                .iter()
                .map(|c| {
                    if copy == 0 {
                        c.clone()
                    } else {
                        reword_clause(c, &pool, &mut rng)
                    }
                })
                .collect();
            count += take;
            out.divisions.push(div);
        }
        copy += 1;
    }
    out
}

/// A revision pair of about `clauses` clauses from `base`: one edit for every five clauses
/// (at least three), drawn from [`EDITS`].
pub fn pair(base: &Resolution, clauses: usize, seed: u64) -> (Resolution, Resolution) {
    let big = scaled(base, clauses, seed);
    let mut rng = Rng::new(seed ^ 0x5eed);
    let edits = (clauses / 5).max(3);
    let p = mutate(&big, &EDITS, edits, &mut rng);
    (p.old, p.new)
}

/// Sets the heading of a generated resolution: its number and revision.
pub fn renumber(res: &mut Resolution, number: u32, revision: &str) {
    let heading = format!("RESOLUTION {number} (Rev. {revision})");
    res.header.number = Some(number.to_string());
    res.header.heading = Some(Text::new(heading));
}

/// A label as the Word text writes it.
pub fn label(raw: &str, norm: &str) -> Label {
    Label {
        raw: raw.to_string(),
        norm: norm.to_string(),
    }
}
