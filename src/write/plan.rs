//! The plan of a document with revision marks: which old unit is written as which new one,
//! and in what order every unit of both revisions appears.
//!
//! The report says which clauses correspond; the plan makes that an order that is right for
//! BOTH readings of the document: accepting all changes must give the new revision in its
//! order, rejecting them the old one in its order. So pairs that would cross (a clause moved
//! out of the order of its neighbours) are written as a suppression where the clause stood and
//! an addition where it now stands (`SUP*` / `ADD*`), and unpaired old units are written where
//! they stood in the old revision.

use std::collections::{HashMap, HashSet};

use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::model::{Clause, Division, Op, Resolution};
use crate::normalize::comparison_key;
use crate::report::{Change, Place, Report};

/// One unit of a revision in reading order: a division heading or a top-level clause.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Unit<'a> {
    Division(&'a Division),
    /// A clause and the index (in [`units`]) of the division unit that holds it.
    Clause(&'a Clause, usize),
}

/// Every division heading and clause of a resolution, in reading order (a division's heading,
/// its clauses, then its child divisions).
pub(crate) fn units(res: &Resolution) -> Vec<Unit<'_>> {
    fn go<'a>(d: &'a Division, out: &mut Vec<Unit<'a>>) {
        let at = out.len();
        out.push(Unit::Division(d));
        for c in &d.clauses {
            out.push(Unit::Clause(c, at));
        }
        for child in &d.children {
            go(child, out);
        }
    }
    let mut out = Vec::new();
    for d in &res.divisions {
        go(d, &mut out);
    }
    out
}

/// One step of the written document.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'r> {
    /// Old unit `old` written as new unit `new` (MOD or NOC), with the report's change if any.
    Pair {
        old: usize,
        new: usize,
        change: Option<&'r Change>,
    },
    /// Old unit suppressed; `moved` when its text went elsewhere (`SUP*`).
    Sup { old: usize, moved: bool },
    /// New unit added; `moved` when its text came from elsewhere (`ADD*`).
    Add { new: usize, moved: bool },
}

/// The steps that write `old` as `new` according to `report`.
pub(crate) fn plan<'r>(old: &[Unit<'_>], new: &[Unit<'_>], report: &'r Report) -> Vec<Step<'r>> {
    let mut pairs: Vec<(usize, usize, Option<&'r Change>)> = Vec::new();
    let mut used_old = HashSet::new();
    let mut used_new = HashSet::new();
    let mut mentioned_old = HashSet::new();
    let mut mentioned_new = HashSet::new();

    let (old_clauses, new_clauses) = (clause_units(old), clause_units(new));
    for change in &report.changes {
        let olds = resolve(
            old,
            &old_clauses,
            &change.old_units,
            &change.old,
            &mentioned_old,
        );
        let news = resolve(
            new,
            &new_clauses,
            &change.new_units,
            &change.new,
            &mentioned_new,
        );
        mentioned_old.extend(olds.iter().copied());
        mentioned_new.extend(news.iter().copied());
        if matches!(change.op, Op::Add | Op::Sup) {
            continue;
        }
        if let (Some(&o), Some(&n)) = (olds.first(), news.first()) {
            // A split or merge is written as its first pair (with our own diff, since the
            // report's segments cover all its parts) plus additions / suppressions.
            let whole = olds.len() == 1 && news.len() == 1;
            pairs.push((o, n, whole.then_some(change)));
            used_old.insert(o);
            used_new.insert(n);
        }
    }

    // Clauses the report does not mention at all: pair those with equal text, in order.
    let free = |units: &[Unit<'_>], mentioned: &HashSet<usize>| -> Vec<(usize, String)> {
        units
            .iter()
            .enumerate()
            .filter(|(i, _)| !mentioned.contains(i))
            .filter_map(|(i, u)| match u {
                Unit::Clause(c, _) => Some((i, comparison_key(&c.full_shown()))),
                Unit::Division(_) => None,
            })
            .collect()
    };
    let (fo, fnew) = (free(old, &mentioned_old), free(new, &mentioned_new));
    for (o, n) in lcs_pairs(&fo, &fnew) {
        pairs.push((o, n, None));
        used_old.insert(o);
        used_new.insert(n);
    }

    pairs.extend(
        pair_divisions(old, new, &pairs)
            .into_iter()
            .map(|(o, n)| (o, n, None)),
    );

    // Keep the largest set of pairs that is in order on both sides.
    pairs.sort_by_key(|p| p.1);
    let keep = increasing(&pairs.iter().map(|p| p.0).collect::<Vec<_>>());
    let kept: Vec<_> = keep.iter().map(|&i| pairs[i]).collect();
    let moved_old: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let moved_new: HashSet<usize> = pairs.iter().map(|p| p.1).collect();

    let mut steps = Vec::new();
    let (mut oi, mut ni) = (0, 0);
    let sentinel = (old.len(), new.len(), None);
    for &(o, n, change) in kept.iter().chain(std::iter::once(&sentinel)) {
        // Between two kept pairs: the clauses that continue the current division on each side
        // first (suppressed, then added), then the rest (suppressed units where they stood,
        // then added ones), so an added clause is not shown under a suppressed later division.
        // Any interleaving keeps both revisions' orders; this one reads right.
        let (o_cut, n_cut) = (division_start(old, oi, o), division_start(new, ni, n));
        let sup = |range: std::ops::Range<usize>| {
            range.map(|i| Step::Sup {
                old: i,
                moved: moved_old.contains(&i),
            })
        };
        let add = |range: std::ops::Range<usize>| {
            range.map(|i| Step::Add {
                new: i,
                moved: moved_new.contains(&i),
            })
        };
        steps.extend(sup(oi..o_cut));
        steps.extend(add(ni..n_cut));
        steps.extend(sup(o_cut..o));
        steps.extend(add(n_cut..n));
        (oi, ni) = (o, n);
        if o < old.len() {
            steps.push(Step::Pair {
                old: o,
                new: n,
                change,
            });
            oi += 1;
            ni += 1;
        }
    }
    steps
}

/// The first division unit in `from..to` (or `to`): where the units stop continuing the
/// division that was open before `from`.
fn division_start(units: &[Unit<'_>], from: usize, to: usize) -> usize {
    (from..to)
        .find(|&i| matches!(units[i], Unit::Division(_)))
        .unwrap_or(to)
}

/// The unit index of each clause, in `Resolution::clauses()` order.
fn clause_units(units: &[Unit<'_>]) -> Vec<usize> {
    (0..units.len())
        .filter(|&i| matches!(units[i], Unit::Clause(..)))
        .collect()
}

/// The units a change names: by clause index when the report gives them (exact), by place
/// (section heading and label) otherwise. Units already named by another change are skipped.
fn resolve(
    units: &[Unit<'_>],
    clauses: &[usize],
    indices: &[usize],
    places: &[Place],
    taken: &HashSet<usize>,
) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    if !indices.is_empty() {
        for &i in indices {
            if let Some(&u) = clauses.get(i) {
                if !taken.contains(&u) && !out.contains(&u) {
                    out.push(u);
                }
            }
        }
        return out;
    }
    for p in places {
        let mut skip = taken.clone();
        skip.extend(out.iter().copied());
        out.extend(find(units, p, &skip));
    }
    out
}

/// The unit at `place`: a clause with that label in a division with that heading, not yet taken.
fn find(units: &[Unit<'_>], place: &Place, taken: &HashSet<usize>) -> Option<usize> {
    let section = comparison_key(&place.section);
    units.iter().enumerate().position(|(i, u)| {
        let Unit::Clause(c, d) = u else { return false };
        let Unit::Division(div) = units[*d] else {
            return false;
        };
        !taken.contains(&i)
            && (div.heading.shown == place.section || div.heading.key == section)
            && c.label.as_ref().map(|l| l.norm.as_str()) == place.label.as_deref()
    })
}

/// Pairs of equal keys, as a longest common subsequence.
fn lcs_pairs(a: &[(usize, String)], b: &[(usize, String)]) -> Vec<(usize, usize)> {
    let ka: Vec<&str> = a.iter().map(|x| x.1.as_str()).collect();
    let kb: Vec<&str> = b.iter().map(|x| x.1.as_str()).collect();
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        let (tag, ro, rn) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            out.extend(ro.zip(rn).map(|(i, j)| (a[i].0, b[j].0)));
        }
    }
    out
}

/// Division headings: equal headings in order, then a renamed heading paired with the old
/// division most of its paired clauses came from.
fn pair_divisions(
    old: &[Unit<'_>],
    new: &[Unit<'_>],
    clause_pairs: &[(usize, usize, Option<&Change>)],
) -> Vec<(usize, usize)> {
    let heads = |units: &[Unit<'_>]| -> Vec<(usize, String)> {
        units
            .iter()
            .enumerate()
            .filter_map(|(i, u)| match u {
                Unit::Division(d) => Some((i, d.heading.key.clone())),
                Unit::Clause(..) => None,
            })
            .collect()
    };
    let mut pairs = lcs_pairs(&heads(old), &heads(new));
    let paired_old: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let paired_new: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    let mut votes: HashMap<(usize, usize), usize> = HashMap::new();
    for &(o, n, _) in clause_pairs {
        if let (Unit::Clause(_, od), Unit::Clause(_, nd)) = (old[o], new[n]) {
            *votes.entry((od, nd)).or_default() += 1;
        }
    }
    let mut taken = paired_old;
    for (n, u) in new.iter().enumerate() {
        let Unit::Division(nd) = u else { continue };
        if paired_new.contains(&n) {
            continue;
        }
        let best = votes
            .iter()
            .filter(|((o, nn), _)| *nn == n && !taken.contains(o))
            .max_by_key(|((o, _), v)| (**v, std::cmp::Reverse(*o)));
        if let Some((&(o, _), _)) = best {
            if let Unit::Division(od) = old[o] {
                if od.kind == nd.kind {
                    pairs.push((o, n));
                    taken.insert(o);
                }
            }
        }
    }
    pairs
}

/// Indices of a longest strictly increasing subsequence of `xs` (patience sorting).
fn increasing(xs: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index into xs of the smallest tail per length
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let len = tails.partition_point(|&t| xs[t] < x);
        prev[i] = len.checked_sub(1).map(|l| tails[l]);
        if len == tails.len() {
            tails.push(i);
        } else {
            tails[len] = i;
        }
    }
    let mut out = Vec::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        out.push(i);
        at = prev[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_run() {
        let xs = [0, 5, 1, 2, 9, 3];
        let got: Vec<usize> = increasing(&xs).iter().map(|&i| xs[i]).collect();
        assert_eq!(got, vec![0, 1, 2, 3]);
        assert!(increasing(&[]).is_empty());
    }
}
