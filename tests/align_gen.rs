//! Pairing precision and recall per edit kind, over revision pairs generated from the shipped
//! texts (both Resolution 7 texts and Resolution 1) with known answers (see `resdiff::testgen`). Prints the table.

mod common;

use resdiff::testgen::{generate, score, EditKind, Score};
use resdiff::{compare, CompareOptions, LoadOptions, Resolution};

fn load(rel: &str) -> Resolution {
    resdiff::load(&common::repo(rel), &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Pairs per base text and edit kind.
const SEEDS: u64 = 40;

#[test]
fn pairing_precision_and_recall_per_edit_kind() {
    let bases = [
        load(common::RES7_USA),
        load(common::RES7_GENEVA),
        load(common::RES1_HAMMAMET),
    ];
    let mut table = Vec::new();
    for kind in EditKind::ALL {
        let mut total = Score::default();
        let mut pairs = 0;
        for (b, base) in bases.iter().enumerate() {
            for seed in 0..SEEDS {
                let pair = generate(base, kind, seed * 1000 + b as u64);
                let report = compare(&pair.old, &pair.new, &CompareOptions::default());
                total.add(score(&pair, &report));
                pairs += 1;
            }
        }
        table.push((kind, pairs, total));
    }
    eprintln!("kind         pairs  tp    fp  fn  precision recall");
    for (kind, pairs, s) in &table {
        eprintln!(
            "{:<12} {:>5} {:>5} {:>3} {:>3}  {:.4}    {:.4}",
            kind.name(),
            pairs,
            s.true_pos,
            s.false_pos,
            s.false_neg,
            s.precision(),
            s.recall()
        );
    }
    for (kind, _, s) in &table {
        assert!(s.true_pos > 0, "{kind:?}: nothing measured");
        assert!(s.precision() >= 0.98, "{kind:?}: precision {s:?}");
        assert!(s.recall() >= 0.95, "{kind:?}: recall {s:?}");
    }
}

#[test]
fn generator_is_deterministic_and_its_answers_fit_the_texts() {
    let base = load(common::RES7_GENEVA);
    for kind in EditKind::ALL {
        let a = generate(&base, kind, 42);
        let b = generate(&base, kind, 42);
        assert_eq!(a.new, b.new, "{kind:?}");
        assert_eq!(a.sources, b.sources);
        assert_eq!(a.sources.len(), a.new.clauses().len());
        assert!(a
            .sources
            .iter()
            .flatten()
            .all(|&o| o < a.old.clauses().len()));
        assert!(
            !a.touched_new.is_empty() || !a.touched_old.is_empty(),
            "{kind:?}"
        );
        assert_ne!(a.old, a.new, "{kind:?} changed nothing");
    }
}
