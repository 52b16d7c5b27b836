//! Candidate pairs through an inverted index of rare words, never all pairs: each unit probes
//! the postings of its rarest words shared with the other side, so the work grows with the
//! number of units times a small constant, not with its square.

use super::buckets::Buckets;
use super::units::Unit;
use crate::threads::{map_spread, Spread};

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
/// the tens of thousands of words of a large text. A unit is named by its rank among the free
/// units (`held[rank]` is its index), so that a probe's weights take one entry per free unit,
/// not one per unit (50,000 clauses: 7,500 free units against 50,000 in all).
struct Postings {
    /// Where each word's ranks begin in `ranks`; the last entry is the total.
    start: Vec<u32>,
    ranks: Vec<u32>,
    /// The index of the free unit of each rank (ranks follow reading order).
    held: Vec<u32>,
}

impl Postings {
    /// The postings of the free units of one side.
    fn new(held: &[&Unit], vocab_len: usize) -> Postings {
        // Counts, then offsets, then each unit placed at its word's next free slot.
        let mut start = vec![0u32; vocab_len + 1];
        for u in held {
            for &w in &u.set {
                start[w as usize + 1] += 1;
            }
        }
        for w in 0..vocab_len {
            start[w + 1] += start[w];
        }
        let mut next = start.clone();
        let mut ranks = vec![0u32; start[vocab_len] as usize];
        for (rank, u) in held.iter().enumerate() {
            for &w in &u.set {
                let at = &mut next[w as usize];
                ranks[*at as usize] = rank as u32;
                *at += 1;
            }
        }
        Postings {
            start,
            ranks,
            held: held.iter().map(|u| u.index as u32).collect(),
        }
    }

    fn of(&self, w: u32) -> &[u32] {
        let w = w as usize;
        &self.ranks[self.start[w] as usize..self.start[w + 1] as usize]
    }

    fn count(&self, w: u32) -> usize {
        let w = w as usize;
        (self.start[w + 1] - self.start[w]) as usize
    }
}

/// Does `a` rank before `b`: more shared weight, then earlier in reading order.
fn before(a: &(u32, u32), b: &(u32, u32)) -> bool {
    b.1.cmp(&a.1).then(a.0.cmp(&b.0)).is_lt()
}

/// Units of a probe word's weight: a millionth (IDF weights are between ln 2 and about 15;
/// only two that differ by less than a millionth can become equal). A probe's sum is then an
/// integer: sums of different words that are equal tie (reading order decides) instead of
/// differing by the rounding of floating-point sums.
const WEIGHT_SCALE: f64 = 1e6;

/// The most a probe word weighs ([`probe_weight`]): `u32::MAX / probe_words`, so that the
/// sum of a unit's probes never overflows (an IDF weight is below 15 for any text of fewer
/// than a million units: the cap is reached only past 280 probe words).
fn weight_cap(probe_words: usize) -> u32 {
    u32::MAX / u32::try_from(probe_words.max(1)).unwrap_or(u32::MAX)
}

/// A probe word's weight in millionths ([`WEIGHT_SCALE`]), at most `cap` ([`weight_cap`]).
/// Always above 0, as the probe counts on: an IDF weight is at least ln 2.
fn probe_weight(idf: f64, cap: u32) -> u32 {
    let w = (idf * WEIGHT_SCALE).round();
    if w >= f64::from(cap) {
        cap
    } else {
        (w as u32).max(1)
    }
}

/// For each unit of `from` (free units of one side), the best free units of the other side
/// (by `post`), as (old, new) pairs.
fn probe(
    from: &[&Unit<'_>],
    post: &Postings,
    idf: &[f64],
    limits: &Limits,
    flip: bool,
) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(from.len() * limits.per_unit);
    // Shared weight per free unit of the other side (by rank), dense: a unit's probes touch a
    // few thousand entries at most, each reset to 0 when it is ranked. In fixed point
    // ([`probe_weight`]), 4 bytes a unit: at 50,000 clauses (7,500 free units a side) the
    // array takes 30 KB, within a core's 32 KB first-level cache, where 8-byte floats took
    // 60 KB; the search took 43.4 ms against 58.6 ms (10 alternated runs).
    let mut score = vec![0u32; post.held.len()];
    // Reused for every unit: no allocation per probed unit.
    let mut probes: Vec<u32> = Vec::new();
    let mut best: Vec<(u32, u32)> = Vec::with_capacity(limits.per_unit + 1);
    // The units a probe touched, each once, in the order first touched (the first `n`).
    let mut touched: Vec<u32> = Vec::new();
    let cap = weight_cap(limits.probe_words);
    for u in from {
        probes.clear();
        probes.extend(u.set.iter().copied().filter(|&w| {
            let n = post.count(w);
            n > 0 && n <= limits.max_postings
        }));
        probes.sort_unstable_by_key(|&w| (post.count(w), w));
        probes.truncate(limits.probe_words);
        // Shared weights first. Every weight is positive ([`probe_weight`]), so a unit touched
        // has a weight above 0, and its first touch is when its weight was 0. Each posting is
        // written to `touched`, which moves on only at a first touch: no branch to mispredict.
        let most = probes.iter().map(|&w| post.count(w)).sum::<usize>();
        if touched.len() < most {
            touched.resize(most, 0);
        }
        let mut n = 0;
        for &w in &probes {
            let idf = idf.get(w as usize).copied().unwrap_or(0.0);
            let wt = probe_weight(idf, cap);
            for &v in post.of(w) {
                let s = &mut score[v as usize];
                touched[n] = v;
                n += usize::from(*s == 0);
                *s += wt;
            }
        }
        // Then each unit touched, once (its weight is taken and reset to 0): best shared
        // weight first, then reading order (a total order: no hash-map order leaks into the
        // result). The kept few stay sorted as they are met; most units fall below the last
        // kept one and cost one comparison of weights.
        best.clear();
        let mut last = (u32::MAX, 0);
        for &v in &touched[..n] {
            let weight = std::mem::replace(&mut score[v as usize], 0);
            if weight == 0 || weight < last.1 || (weight == last.1 && v > last.0) {
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
        for &(rank, _) in &best {
            let v = post.held[rank as usize] as usize;
            out.push(if flip { (v, u.index) } else { (u.index, v) });
        }
    }
    out
}

/// Free units probed in one task: enough to pay for the task, few enough for two threads (or
/// the pool's) to share the work evenly.
const CHUNK: usize = 128;

/// How the search is cut into tasks and spread over threads; the result is the same however.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Work {
    pub spread: Spread,
    /// Free units probed in one task.
    pub chunk: usize,
}

impl Work {
    /// Large texts on every core, mid-sized ones on two threads (a small text is done before
    /// a second core wakes up), [`CHUNK`] units to a task.
    pub fn for_units(units: usize) -> Work {
        Work {
            spread: super::threads_for(units),
            chunk: CHUNK,
        }
    }
}

/// The free units of one side.
fn held<'u, 'a>(side: &'u [Unit<'a>], free: &[bool]) -> Vec<&'u Unit<'a>> {
    side.iter().filter(|u| free[u.index]).collect()
}

/// Candidate (old, new) pairs among free units, sorted and unique.
pub(crate) fn candidates(
    old: &[Unit],
    new: &[Unit],
    old_free: &[bool],
    new_free: &[bool],
    idf: &[f64],
    limits: &Limits,
    work: Work,
) -> Vec<(usize, usize)> {
    let (old_held, new_held) = (held(old, old_free), held(new, new_free));
    let sides: [&[&Unit]; 2] = [&old_held, &new_held];
    let posts = map_spread(&sides, work.spread, |s| Postings::new(s, idf.len()));
    // Each side's free units probe the other side's postings (old: forward, new: backward),
    // in chunks taken from both sides in turn, so that the threads share both directions as
    // they take the chunks. At 5,000 clauses the forward direction alone cost 3.3 ms
    // and the backward one 2.1 ms (50,000 clauses: 61 and 45 ms), one per thread.
    let (mut forward, mut backward) = (old_held.chunks(work.chunk), new_held.chunks(work.chunk));
    let mut tasks: Vec<(bool, &[&Unit])> = Vec::new();
    loop {
        match (forward.next(), backward.next()) {
            (None, None) => break,
            (f, b) => {
                tasks.extend(f.map(|c| (false, c)));
                tasks.extend(b.map(|c| (true, c)));
            }
        }
    }
    let lists = map_spread(&tasks, work.spread, |&(flip, part)| {
        let post = if flip { &posts[0] } else { &posts[1] };
        probe(part, post, idf, limits, flip)
    });
    sorted_unique(&lists, old.len())
}

/// The pairs of `lists` sorted and unique: grouped by old unit ([`Buckets`], linear), then each
/// group, a few pairs, sorted. One sort of all the pairs of a 5,000-clause diff (13,000) ran
/// 3.7 M instructions on one thread while the other waited.
fn sorted_unique(lists: &[Vec<(usize, usize)>], old_len: usize) -> Vec<(usize, usize)> {
    let by_old = Buckets::new(lists.iter().flatten().copied(), old_len);
    let mut out = Vec::with_capacity(by_old.all().len());
    let mut news = Vec::new();
    for o in 0..old_len {
        news.clear();
        news.extend_from_slice(by_old.get(o));
        news.sort_unstable();
        news.dedup();
        out.extend(news.iter().map(|&n| (o, n)));
    }
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
            key_hash: crate::align::units::key_hash(""),
            words: set.clone(),
            set,
            dups: Vec::new(),
            set_weight: 0.0,
            words_weight: 0.0,
        }
    }

    /// The definition: for each free unit, its probe words (rarest first, at most
    /// `max_postings` units on the other side), every free unit of the other side scored by
    /// the sum of the weights of the probes it holds, in millionths (0.7 + 1.4 ties with 2.1,
    /// which floating point does not), the best `per_unit` kept.
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
                let mut score: Vec<(u32, u64)> = Vec::new();
                for &(_, w) in &probes {
                    let wt = (idf[w as usize] * 1e6).round() as u64;
                    for v in holders(w) {
                        match score.iter_mut().find(|s| s.0 == v as u32) {
                            Some(s) => s.1 += wt,
                            None => score.push((v as u32, wt)),
                        }
                    }
                }
                score.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
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

    #[test]
    fn a_probe_weight_is_in_millionths_above_0_and_capped_by_the_probe_words() {
        let cap = weight_cap(12);
        assert_eq!(probe_weight(std::f64::consts::LN_2, cap), 693_147);
        assert_eq!(probe_weight(1e-9, cap), 1);
        assert_eq!(probe_weight(1e9, cap), u32::MAX / 12);
        // The sum of the most probes of the largest weights fits.
        let most = u64::from(probe_weight(f64::MAX, weight_cap(300))) * 300;
        assert!(most <= u64::from(u32::MAX));
        assert_eq!(probe_weight(5.0, weight_cap(0)), 5_000_000);
    }

    proptest! {
        /// The candidates are those of the definition, ties and caps included, however the
        /// work is cut into tasks and spread over threads.
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
            spread in prop_oneof![Just(Spread::Here), Just(Spread::Two), Just(Spread::Cores)],
            chunk in 1usize..5,
        ) {
            let old: Vec<Unit> = old_sets.into_iter().enumerate().map(|(i, s)| unit(i, s)).collect();
            let new: Vec<Unit> = new_sets.into_iter().enumerate().map(|(i, s)| unit(i, s)).collect();
            let old_free: Vec<bool> = (0..old.len()).map(|i| !old_anchored[i]).collect();
            let new_free: Vec<bool> = (0..new.len()).map(|i| !new_anchored[i]).collect();
            // Few distinct weights: equal shared weights (ties) are common.
            let idf: Vec<f64> = weights.iter().map(|&w| f64::from(w) * 0.7).collect();
            let limits = Limits { probe_words, max_postings, per_unit };
            let expected = by_definition(&old, &new, &old_free, &new_free, &idf, &limits);
            let work = Work::for_units(old.len() + new.len());
            prop_assert_eq!(
                candidates(&old, &new, &old_free, &new_free, &idf, &limits, work),
                expected.clone()
            );
            // However the probes are cut into tasks and spread over threads.
            let work = Work { spread, chunk };
            prop_assert_eq!(
                candidates(&old, &new, &old_free, &new_free, &idf, &limits, work),
                expected
            );
        }
    }
}
