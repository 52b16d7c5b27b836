//! Splits and merges: one clause of one side against adjacent clauses of the other side joined.
//!
//! Written for splits (one old clause, several adjacent new ones); merges run the same code
//! with the sides swapped.

use super::buckets::Buckets;
use super::similarity::Scorer;
use super::units::{joined, Unit};
use super::Group;

/// How many free units next to a pair a join may take on each side.
const MAX_EXTEND: usize = 3;

/// Least absolute gain of a join over the single partner.
const MIN_GAIN: f64 = 0.05;

/// A join this similar explains the other side almost word for word.
const NEAR_EXACT: f64 = 0.97;

/// What the split search needs to know.
pub(crate) struct SplitCtx<'a> {
    /// The side that keeps one unit (old for a split).
    pub one: &'a [Unit<'a>],
    /// The side whose adjacent units are joined (new for a split).
    pub many: &'a [Unit<'a>],
    pub scorer: &'a Scorer<'a>,
    pub min_similarity: f64,
    pub margin: f64,
    /// Candidate pairs (one, many) from the inverted index.
    pub candidates: &'a [(usize, usize)],
}

impl SplitCtx<'_> {
    fn sim_joined(&self, one: usize, many: &[usize]) -> f64 {
        self.sim_joined_from(one, many, 0.0)
    }

    /// [`Self::sim_joined`] when it reaches `floor`; below it, some value below `floor` (see
    /// [`Scorer::similarity_from`]): enough for a join that must reach `floor` to count.
    fn sim_joined_from(&self, one: usize, many: &[usize], floor: f64) -> f64 {
        let parts: Vec<&Unit> = many.iter().map(|&m| &self.many[m]).collect();
        let (words, set, dups) = joined(&parts);
        let joined = self.scorer.profile(&words, &set, &dups);
        self.scorer
            .similarity_from(&self.one[one].profile(), &joined, floor)
    }

    /// The least similarity a join must have to be [`Self::clearly_better`] than `single`.
    fn needed(&self, single: f64) -> f64 {
        self.min_similarity
            .max(single + self.margin * (1.0 - single))
    }

    /// Is `joined` clearly better than `single`? It must remove at least `margin` of the
    /// dissimilarity left by the single partner, and gain at least [`MIN_GAIN`] unless the join
    /// is near-exact (a one-word heading such as `Consultation` joined to its provision gains
    /// little, yet explains the text completely).
    fn clearly_better(&self, joined: f64, single: f64) -> bool {
        joined >= self.min_similarity
            && joined > single
            && (joined - single >= MIN_GAIN || joined >= NEAR_EXACT)
            && joined >= single + self.margin * (1.0 - single)
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
    // Case 1: free units next to a pair: does joining them (up to MAX_EXTEND on each side)
    // help clearly?
    // Units only ever leave the free pool, so a group that found no join keeps finding none
    // (its choices can only shrink): each pass after the first revisits only the groups the
    // last one extended, in the same order as a full pass would.
    let mut todo: Vec<usize> = (0..groups.len()).collect();
    while !todo.is_empty() {
        let mut extended = Vec::new();
        for &g in &todo {
            let group = &mut groups[g];
            if group.old.len() != 1 || group.sim >= 1.0 {
                continue;
            }
            let (Some(&first), Some(&last)) = (group.new.first(), group.new.last()) else {
                continue;
            };
            let free_run = |from: usize, step_left: bool| -> usize {
                let mut k = 0;
                while k < MAX_EXTEND {
                    let next = if step_left {
                        from.checked_sub(k + 1)
                    } else {
                        Some(from + k + 1).filter(|&x| x < n)
                    };
                    match next {
                        Some(x) if many_group[x].is_none() && ctx.same_division(x, from) => k += 1,
                        _ => break,
                    }
                }
                k
            };
            let (max_left, max_right) = (free_run(first, true), free_run(last, false));
            if max_left + max_right == 0 {
                continue;
            }
            let mut best: Option<(f64, Vec<usize>)> = None;
            for left in 0..=max_left {
                for right in 0..=max_right {
                    if left + right == 0 {
                        continue;
                    }
                    let parts: Vec<usize> = (first - left..=last + right).collect();
                    let s = ctx.sim_joined_from(group.old[0], &parts, ctx.needed(group.sim));
                    if ctx.clearly_better(s, group.sim) && best.as_ref().is_none_or(|b| s > b.0) {
                        best = Some((s, parts));
                    }
                }
            }
            if let Some((s, parts)) = best {
                for &m in &parts {
                    many_group[m] = Some(g);
                }
                group.new = parts;
                group.sim = s;
                extended.push(g);
            }
        }
        todo = extended;
    }
    // Case 2: two adjacent free units against one free unit of the other side.
    // The candidates of each unit of the "many" side.
    let by_many = Buckets::new(ctx.candidates.iter().map(|&(o, m)| (m, o)), n);
    for m in 0..n.saturating_sub(1) {
        if many_group[m].is_some() || many_group[m + 1].is_some() || !ctx.same_division(m, m + 1) {
            continue;
        }
        let mut olds: Vec<usize> = [m, m + 1]
            .iter()
            .flat_map(|&k| by_many.get(k))
            .copied()
            .filter(|&o| one_group[o].is_none())
            .collect();
        olds.sort_unstable();
        olds.dedup();
        let mut best: Option<(f64, usize)> = None;
        for o in olds {
            let s = ctx.sim_joined_from(o, &[m, m + 1], ctx.min_similarity);
            if s < ctx.min_similarity {
                continue;
            }
            let single = ctx.sim_joined(o, &[m]).max(ctx.sim_joined(o, &[m + 1]));
            if ctx.clearly_better(s, single) && best.is_none_or(|b| s > b.0) {
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
