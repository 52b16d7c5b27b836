//! Candidate pairs through an inverted index of rare words, never all pairs: each unit probes
//! the postings of its rarest words shared with the other side, so the work grows with the
//! number of units times a small constant, not with its square.

use super::units::Unit;

/// Limits of the candidate search.
pub(crate) struct Limits {
    /// How many of a unit's rarest shared words are probed.
    pub probe_words: usize,
    /// Words found in more units than this on the other side are too common to probe.
    pub max_postings: usize,
    /// How many candidates each unit keeps, best shared weight first.
    pub per_unit: usize,
}

/// Postings: for each word id, the free units of one side holding it, in reading order. One
/// flat array cut at offsets: a vector per word cost an allocation (and its growth) for each of
/// the tens of thousands of words of a large text.
struct Postings {
    /// Where each word's units begin in `units`; the last entry is the total.
    start: Vec<u32>,
    units: Vec<u32>,
}

impl Postings {
    fn of(&self, w: u32) -> &[u32] {
        let w = w as usize;
        &self.units[self.start[w] as usize..self.start[w + 1] as usize]
    }

    fn count(&self, w: u32) -> usize {
        let w = w as usize;
        (self.start[w + 1] - self.start[w]) as usize
    }
}

fn index(units: &[Unit], free: &[bool], vocab_len: usize) -> Postings {
    let held = || units.iter().filter(|u| free[u.index]);
    // Counts, then offsets, then each unit placed at its word's next free slot.
    let mut start = vec![0u32; vocab_len + 1];
    for u in held() {
        for &w in &u.set {
            start[w as usize + 1] += 1;
        }
    }
    for w in 0..vocab_len {
        start[w + 1] += start[w];
    }
    let mut next = start.clone();
    let mut placed = vec![0u32; start[vocab_len] as usize];
    for u in held() {
        for &w in &u.set {
            let at = &mut next[w as usize];
            placed[*at as usize] = u.index as u32;
            *at += 1;
        }
    }
    Postings {
        start,
        units: placed,
    }
}

/// Does `a` rank before `b`: more shared weight, then earlier in reading order.
fn before(a: &(u32, f64), b: &(u32, f64)) -> bool {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)).is_lt()
}

/// For each free unit of `from`, the best free units of the other side (by `post`).
#[allow(clippy::too_many_arguments)]
fn probe(
    from: &[Unit<'_>],
    free: &[bool],
    post: &Postings,
    other_len: usize,
    idf: &[f64],
    limits: &Limits,
    out: &mut Vec<(usize, usize)>,
    flip: bool,
) {
    // Shared weight per unit of the other side, dense: a unit's probes touch a few thousand
    // entries at most, each reset to 0 when it is ranked.
    let mut score = vec![0.0f64; other_len];
    // Reused for every unit: no allocation per probed unit.
    let mut probes: Vec<u32> = Vec::new();
    let mut best: Vec<(u32, f64)> = Vec::with_capacity(limits.per_unit + 1);
    for u in from.iter().filter(|u| free[u.index]) {
        probes.clear();
        probes.extend(u.set.iter().copied().filter(|&w| {
            let n = post.count(w);
            n > 0 && n <= limits.max_postings
        }));
        probes.sort_unstable_by_key(|&w| (post.count(w), w));
        probes.truncate(limits.probe_words);
        // Shared weights first, every posting read in the same order: a unit's weight is the
        // same sum, added in the same order, as when its probes are read one by one. Every
        // weight is positive (an IDF is at least ln 2), so a unit touched has a weight above 0.
        for &w in &probes {
            let wt = idf.get(w as usize).copied().unwrap_or(0.0);
            debug_assert!(wt > 0.0, "an IDF weight is positive");
            for &v in post.of(w) {
                score[v as usize] += wt;
            }
        }
        // Then each unit touched, at its first posting (its weight is taken and reset to 0,
        // so its later postings skip it): best shared weight first, then reading order (a
        // total order: no hash-map order leaks into the result). The kept few stay sorted as
        // they are met; most units fall below the last kept one and cost one comparison of
        // weights (positive and finite, so `<` orders them as `before` does).
        best.clear();
        let mut last = (u32::MAX, f64::NEG_INFINITY);
        for &w in &probes {
            for &v in post.of(w) {
                let weight = std::mem::replace(&mut score[v as usize], 0.0);
                if weight == 0.0 || weight < last.1 || (weight == last.1 && v > last.0) {
                    continue;
                }
                let cand = (v, weight);
                let at = best.partition_point(|b| before(b, &cand));
                best.insert(at, cand);
                best.truncate(limits.per_unit);
                if best.len() == limits.per_unit {
                    last = best[best.len() - 1];
                }
            }
        }
        for &(v, _) in &best {
            out.push(if flip {
                (v as usize, u.index)
            } else {
                (u.index, v as usize)
            });
        }
    }
}

/// Candidate (old, new) pairs among free units, sorted and unique.
pub(crate) fn candidates(
    old: &[Unit],
    new: &[Unit],
    old_free: &[bool],
    new_free: &[bool],
    idf: &[f64],
    limits: &Limits,
) -> Vec<(usize, usize)> {
    // The free units of `from` probed against the postings of the other side's free units.
    let direction = |from: &[Unit], from_free: &[bool], to: &[Unit], to_free: &[bool], flip| {
        let mut out = Vec::new();
        let post = index(to, to_free, idf.len());
        probe(
            from,
            from_free,
            &post,
            to.len(),
            idf,
            limits,
            &mut out,
            flip,
        );
        out
    };
    let forward = || direction(old, old_free, new, new_free, false);
    let backward = || direction(new, new_free, old, old_free, true);
    // Both directions at once when the texts are large enough to pay for a second thread (a
    // small text is done before a second core wakes up).
    let units = old.len() + new.len();
    let (mut out, more) = if units >= super::POOL_FROM_UNITS {
        crate::threads::start_pool();
        rayon::join(forward, backward)
    } else if units >= super::TWO_THREADS_FROM_UNITS {
        crate::threads::both(forward, backward)
    } else {
        (forward(), backward())
    };
    out.extend(more);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Place;
    use proptest::prelude::*;
    use std::borrow::Cow;

    fn unit(index: usize, mut set: Vec<u32>) -> Unit<'static> {
        set.sort_unstable();
        set.dedup();
        Unit {
            index,
            division: 0,
            place: Place {
                section: String::new(),
                label: None,
            },
            text: Cow::Borrowed(""),
            key: Cow::Borrowed(""),
            words: set.clone(),
            set,
            dups: Vec::new(),
            set_weight: 0.0,
            words_weight: 0.0,
        }
    }

    /// The definition: for each free unit, its probe words (rarest first, at most
    /// `max_postings` units on the other side), every free unit of the other side scored by
    /// the weights of the probes it holds, added in probe order, the best `per_unit` kept.
    fn by_definition(
        old: &[Unit],
        new: &[Unit],
        old_free: &[bool],
        new_free: &[bool],
        idf: &[f64],
        limits: &Limits,
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (from, from_free, to, to_free, flip) in [
            (old, old_free, new, new_free, false),
            (new, new_free, old, old_free, true),
        ] {
            let holders = |w: u32| {
                to.iter()
                    .filter(|t| to_free[t.index] && t.set.contains(&w))
                    .map(|t| t.index)
                    .collect::<Vec<_>>()
            };
            for u in from.iter().filter(|u| from_free[u.index]) {
                let mut probes: Vec<(usize, u32)> = u
                    .set
                    .iter()
                    .map(|&w| (holders(w).len(), w))
                    .filter(|&(n, _)| n > 0 && n <= limits.max_postings)
                    .collect();
                probes.sort_unstable();
                probes.truncate(limits.probe_words);
                let mut score: Vec<(u32, f64)> = Vec::new();
                for &(_, w) in &probes {
                    for v in holders(w) {
                        match score.iter_mut().find(|s| s.0 == v as u32) {
                            Some(s) => s.1 += idf[w as usize],
                            None => score.push((v as u32, idf[w as usize])),
                        }
                    }
                }
                score.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                score.truncate(limits.per_unit);
                out.extend(score.iter().map(|&(v, _)| {
                    if flip {
                        (v as usize, u.index)
                    } else {
                        (u.index, v as usize)
                    }
                }));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    proptest! {
        /// The candidates are those of the definition, ties and caps included.
        #[test]
        fn candidates_are_those_of_the_definition(
            old_sets in proptest::collection::vec(proptest::collection::vec(0u32..12, 0..6), 0..14),
            new_sets in proptest::collection::vec(proptest::collection::vec(0u32..12, 0..6), 0..14),
            old_anchored in proptest::collection::vec(any::<bool>(), 14),
            new_anchored in proptest::collection::vec(any::<bool>(), 14),
            weights in proptest::collection::vec(1u32..4, 12),
            probe_words in 1usize..5,
            max_postings in 1usize..6,
            per_unit in 1usize..4,
        ) {
            let old: Vec<Unit> = old_sets.into_iter().enumerate().map(|(i, s)| unit(i, s)).collect();
            let new: Vec<Unit> = new_sets.into_iter().enumerate().map(|(i, s)| unit(i, s)).collect();
            let old_free: Vec<bool> = (0..old.len()).map(|i| !old_anchored[i]).collect();
            let new_free: Vec<bool> = (0..new.len()).map(|i| !new_anchored[i]).collect();
            // Few distinct weights: equal shared weights (ties) are common.
            let idf: Vec<f64> = weights.iter().map(|&w| f64::from(w) * 0.7).collect();
            let limits = Limits { probe_words, max_postings, per_unit };
            prop_assert_eq!(
                candidates(&old, &new, &old_free, &new_free, &idf, &limits),
                by_definition(&old, &new, &old_free, &new_free, &idf, &limits)
            );
        }
    }
}
