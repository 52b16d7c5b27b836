//! Properties of compare() and of the inline diff, on the shipped texts and on revisions
//! generated from them.

mod common;

use std::collections::BTreeSet;

use proptest::prelude::*;
use resdiff::inline::{apply_new, apply_old, diff};
use resdiff::model::Op;
use resdiff::report::{Report, SegmentOp};
use resdiff::testgen::{mutate, EditKind, Rng};
use resdiff::{compare, CompareOptions, LoadOptions, Resolution};

fn load(rel: &str) -> Resolution {
    resdiff::load(&common::repo(rel), &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn bases() -> Vec<Resolution> {
    vec![load(common::RES7_USA), load(common::RES7_GENEVA)]
}

fn texts(res: &Resolution) -> Vec<String> {
    res.clauses().iter().map(|(_, c)| c.full_shown()).collect()
}

/// The pairing of a report as (old units, new units, op), seen from the old side; with `flip`,
/// a report of B against A is turned around (ADD and SUP swap).
fn pairing(r: &Report, flip: bool) -> BTreeSet<(Vec<usize>, Vec<usize>, Op)> {
    r.changes
        .iter()
        .map(|c| {
            if flip {
                let op = match c.op {
                    Op::Add => Op::Sup,
                    Op::Sup => Op::Add,
                    op => op,
                };
                (c.new_units.clone(), c.old_units.clone(), op)
            } else {
                (c.old_units.clone(), c.new_units.clone(), c.op)
            }
        })
        .collect()
}

fn check_pair(a: &Resolution, b: &Resolution) -> Result<(), TestCaseError> {
    let opts = CompareOptions::default();
    let ab = compare(a, b, &opts);
    let ba = compare(b, a, &opts);
    prop_assert_eq!(pairing(&ab, false), pairing(&ba, true));
    prop_assert_eq!(resdiff::align::apply(&ab, a), texts(b));
    prop_assert_eq!(resdiff::align::apply(&ba, b), texts(a));
    Ok(())
}

#[test]
fn a_text_against_itself_is_all_noc() {
    for base in bases() {
        let r = compare(&base, &base, &CompareOptions::default());
        assert_eq!(r.changes.len(), base.clauses().len());
        assert!(r.changes.iter().all(|c| c.op == Op::Noc
            && !c.flags.renumbered
            && !c.flags.moved
            && c.similarity == 1.0));
        assert!(!r.has_differences());
    }
}

#[test]
fn the_real_pair_is_symmetric_and_rebuilds() {
    let b = bases();
    check_pair(&b[0], &b[1]).unwrap_or_else(|e| panic!("{e}"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_pairs_are_symmetric_and_rebuild(base in 0usize..2, seed in any::<u64>(), edits in 1usize..8) {
        let bases = bases();
        let mut rng = Rng::new(seed);
        let pair = mutate(&bases[base], &EditKind::ALL, edits, &mut rng);
        check_pair(&pair.old, &pair.new)?;
        let same = compare(&pair.new, &pair.new, &CompareOptions::default());
        prop_assert!(same.changes.iter().all(|c| c.op == Op::Noc));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn inline_diff_rebuilds_both_sides(
        a in "[a-c ,;()\u{2011}\u{00A0}-]{0,40}",
        b in "[a-c ,;()\u{2011}\u{00A0}-]{0,40}",
    ) {
        let segs = diff(&a, &b);
        prop_assert_eq!(apply_old(&segs), a.clone());
        prop_assert_eq!(apply_new(&segs), b);
        prop_assert!(segs.windows(2).all(|w| w[0].op != w[1].op), "adjacent runs of one op: {:?}", segs);
        prop_assert!(segs.iter().all(|s| !s.text.is_empty() || s.new_text.is_some()));
        let same = diff(&a, &a);
        prop_assert!(same.iter().all(|s| s.op == SegmentOp::Equal && s.new_text.is_none()));
    }
}
