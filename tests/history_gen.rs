//! History on generated chains of 4 revisions (renumbering, moves, insertions, deletions,
//! rewording) made from the parsed Geneva 2022 text: lineages must equal the generator's answer.

mod common;

use std::collections::BTreeSet;

use common::{repo, RES7_GENEVA};
use resdiff::history::history;
use resdiff::model::Op;
use resdiff::testgen::{chain, EditKind, GenChain, Rng};
use resdiff::{load, CompareOptions, LoadOptions};

/// The known lineages: connected clauses across revisions, each as its units per revision.
fn expected(ch: &GenChain) -> BTreeSet<Vec<Vec<usize>>> {
    let counts: Vec<usize> = ch.revisions.iter().map(|r| r.clauses().len()).collect();
    let offset: Vec<usize> = counts
        .iter()
        .scan(0, |a, &n| {
            let o = *a;
            *a += n;
            Some(o)
        })
        .collect();
    let total: usize = counts.iter().sum();
    let mut parent: Vec<usize> = (0..total).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        r
    }
    for (i, step) in ch.sources.iter().enumerate() {
        for (n, srcs) in step.iter().enumerate() {
            for &o in srcs {
                let (a, b) = (
                    find(&mut parent, offset[i] + o),
                    find(&mut parent, offset[i + 1] + n),
                );
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Vec<usize>>> = Default::default();
    for r in 0..counts.len() {
        for u in 0..counts[r] {
            let root = find(&mut parent, offset[r] + u);
            groups
                .entry(root)
                .or_insert_with(|| vec![Vec::new(); counts.len()])[r]
                .push(u);
        }
    }
    groups.into_values().collect()
}

/// Checks one chain; returns how many steps moved or renumbered a clause.
fn check(kinds: &[EditKind], seed: u64) -> usize {
    let base = load(&repo(RES7_GENEVA), &LoadOptions::default()).unwrap();
    let mut rng = Rng::new(seed);
    let ch = chain(&base, kinds, 3, 3, &mut rng);
    assert_eq!(ch.revisions.len(), 4);
    let h = history(&ch.revisions, &CompareOptions::default()).unwrap();
    let got: BTreeSet<Vec<Vec<usize>>> = h.lineages.iter().map(|l| l.units.clone()).collect();
    let want = expected(&ch);
    assert_eq!(got, want, "seed {seed}");
    // Cells name each clause by its label in that revision; ops follow presence and wording.
    for l in &h.lineages {
        for (r, units) in l.units.iter().enumerate() {
            let clauses = ch.revisions[r].clauses();
            for (&u, p) in units.iter().zip(&l.cells[r]) {
                assert_eq!(p.label, clauses[u].1.label.as_ref().map(|l| l.norm.clone()));
            }
        }
        for i in 0..3 {
            let (a, b) = (&l.units[i], &l.units[i + 1]);
            let want = match (a.is_empty(), b.is_empty()) {
                (true, true) => None,
                (false, true) => Some(Op::Sup),
                (true, false) => Some(Op::Add),
                (false, false) => {
                    let key = |r: usize, us: &[usize]| {
                        let cs = ch.revisions[r].clauses();
                        us.iter()
                            .map(|&u| resdiff::normalize::comparison_key(&cs[u].1.full_shown()))
                            .collect::<Vec<_>>()
                    };
                    Some(if key(i, a) == key(i + 1, b) {
                        Op::Noc
                    } else {
                        Op::Mod
                    })
                }
            };
            assert_eq!(l.steps[i].map(|s| s.op), want, "seed {seed} step {i}");
        }
    }
    // Blame: one entry per clause of the newest revision.
    assert_eq!(h.blame.len(), ch.revisions[3].clauses().len());
    h.lineages
        .iter()
        .flat_map(|l| l.steps.iter().flatten())
        .filter(|s| s.flags.moved || s.flags.renumbered)
        .count()
}

#[test]
fn renumbering_chains() {
    let renumbered: usize = (1..=6).map(|seed| check(&[EditKind::Renumber], seed)).sum();
    assert!(renumbered > 20, "{renumbered}");
}

#[test]
fn moves_and_renumbering_chains() {
    let moved: usize = (1..=6)
        .map(|seed| check(&[EditKind::Renumber, EditKind::Move], seed))
        .sum();
    assert!(moved > 20, "{moved}");
}

#[test]
fn mixed_chains() {
    for seed in 1..=6 {
        check(
            &[
                EditKind::Renumber,
                EditKind::Move,
                EditKind::Insert,
                EditKind::Delete,
                EditKind::Reword,
            ],
            seed,
        );
    }
}
