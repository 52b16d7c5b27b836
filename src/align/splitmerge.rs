//! Splits and merges: one clause of one side against adjacent clauses of the other side joined.
//!
//! Written for splits (one old clause, several adjacent new ones); merges run the same code
//! with the sides swapped.

use std::collections::BTreeMap;

use super::similarity::Scorer;
use super::units::{joined, Unit};
use super::Group;

/// What the split search needs to know.
pub(crate) struct SplitCtx<'a> {
    /// The side that keeps one unit (old for a split).
    pub one: &'a [Unit],
    /// The side whose adjacent units are joined (new for a split).
    pub many: &'a [Unit],
    pub scorer: &'a Scorer<'a>,
    pub min_similarity: f64,
    pub margin: f64,
    /// Candidate pairs (one, many) from the inverted index.
    pub candidates: &'a [(usize, usize)],
}

impl SplitCtx<'_> {
    fn sim_joined(&self, one: usize, many: &[usize]) -> f64 {
        let parts: Vec<&Unit> = many.iter().map(|&m| &self.many[m]).collect();
        let (words, set) = joined(&parts);
        let u = &self.one[one];
        self.scorer.similarity(&u.words, &u.set, &words, &set)
    }

    fn same_division(&self, a: usize, b: usize) -> bool {
        self.many[a].division == self.many[b].division
    }
}

/// Finds splits. `groups` hold `old` = the "one" side and `new` = the "many" side; `one_group`
/// and `many_group` map units to their group.
pub(crate) fn find_splits(
    ctx: &SplitCtx<'_>,
    groups: &mut Vec<Group>,
    one_group: &mut [Option<usize>],
    many_group: &mut [Option<usize>],
) {
    let n = ctx.many.len();
    // Case 1: a free unit next to a unit already paired: does joining it help clearly?
    let mut changed = true;
    while changed {
        changed = false;
        for m in 0..n {
            if many_group[m].is_some() {
                continue;
            }
            let mut best: Option<(f64, usize, Vec<usize>)> = None;
            for nb in [m.checked_sub(1), (m + 1 < n).then_some(m + 1)]
                .into_iter()
                .flatten()
            {
                let Some(g) = many_group[nb] else { continue };
                if groups[g].old.len() != 1 || !ctx.same_division(m, nb) {
                    continue;
                }
                let mut parts = groups[g].new.clone();
                parts.push(m);
                parts.sort_unstable();
                if parts.windows(2).any(|w| w[1] != w[0] + 1) {
                    continue;
                }
                let s = ctx.sim_joined(groups[g].old[0], &parts);
                if s >= ctx.min_similarity
                    && s >= groups[g].sim + ctx.margin
                    && best.as_ref().is_none_or(|b| s > b.0)
                {
                    best = Some((s, g, parts));
                }
            }
            if let Some((s, g, parts)) = best {
                groups[g].new = parts;
                groups[g].sim = s;
                many_group[m] = Some(g);
                changed = true;
            }
        }
    }
    // Case 2: two adjacent free units against one free unit of the other side.
    let mut by_many: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(o, m) in ctx.candidates {
        by_many.entry(m).or_default().push(o);
    }
    for m in 0..n.saturating_sub(1) {
        if many_group[m].is_some() || many_group[m + 1].is_some() || !ctx.same_division(m, m + 1) {
            continue;
        }
        let mut olds: Vec<usize> = [m, m + 1]
            .iter()
            .filter_map(|k| by_many.get(k))
            .flatten()
            .copied()
            .filter(|&o| one_group[o].is_none())
            .collect();
        olds.sort_unstable();
        olds.dedup();
        let mut best: Option<(f64, usize)> = None;
        for o in olds {
            let s = ctx.sim_joined(o, &[m, m + 1]);
            let single = ctx.sim_joined(o, &[m]).max(ctx.sim_joined(o, &[m + 1]));
            if s >= ctx.min_similarity && s >= single + ctx.margin && best.is_none_or(|b| s > b.0) {
                best = Some((s, o));
            }
        }
        if let Some((s, o)) = best {
            let g = groups.len();
            groups.push(Group {
                old: vec![o],
                new: vec![m, m + 1],
                sim: s,
            });
            one_group[o] = Some(g);
            many_group[m] = Some(g);
            many_group[m + 1] = Some(g);
        }
    }
}
