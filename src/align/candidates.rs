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

/// Units (both sides) from which the two probe directions run on two cores.
const PARALLEL_FROM_UNITS: usize = 4096;

/// Postings: for each word id, the free units of one side holding it, in reading order.
fn index(units: &[Unit], free: &[bool], vocab_len: usize) -> Vec<Vec<u32>> {
    let mut post: Vec<Vec<u32>> = vec![Vec::new(); vocab_len];
    for u in units.iter().filter(|u| free[u.index]) {
        for &w in &u.set {
            post[w as usize].push(u.index as u32);
        }
    }
    post
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
    post: &[Vec<u32>],
    other_len: usize,
    idf: &[f64],
    limits: &Limits,
    out: &mut Vec<(usize, usize)>,
    flip: bool,
) {
    // Shared weight per unit of the other side, dense: a unit's probes touch a few thousand
    // entries at most, reset after each unit through `touched`.
    let mut score = vec![0.0f64; other_len];
    let mut touched: Vec<u32> = Vec::new();
    // Reused for every unit: no allocation per probed unit.
    let mut probes: Vec<u32> = Vec::new();
    let mut best: Vec<(u32, f64)> = Vec::with_capacity(limits.per_unit + 1);
    for u in from.iter().filter(|u| free[u.index]) {
        probes.clear();
        probes.extend(u.set.iter().copied().filter(|&w| {
            let n = post[w as usize].len();
            n > 0 && n <= limits.max_postings
        }));
        probes.sort_unstable_by_key(|&w| (post[w as usize].len(), w));
        probes.truncate(limits.probe_words);
        for &w in &probes {
            let wt = idf.get(w as usize).copied().unwrap_or(0.0);
            for &v in &post[w as usize] {
                let s = &mut score[v as usize];
                if *s == 0.0 {
                    touched.push(v);
                }
                *s += wt;
            }
        }
        // Best shared weight first, then reading order (a total order: no hash-map order
        // leaks into the result). The kept few stay sorted as they are met; most units
        // touched fall below the last kept one and cost one comparison of weights (every
        // weight is positive and finite, so `<` orders them as `before` does).
        best.clear();
        let mut last = (u32::MAX, f64::NEG_INFINITY);
        for &v in &touched {
            let cand = (v, score[v as usize]);
            if cand.1 < last.1 || (cand.1 == last.1 && cand.0 > last.0) {
                continue;
            }
            let at = best.partition_point(|b| before(b, &cand));
            best.insert(at, cand);
            best.truncate(limits.per_unit);
            if best.len() == limits.per_unit {
                last = best[best.len() - 1];
            }
        }
        for &(v, _) in &best {
            out.push(if flip {
                (v as usize, u.index)
            } else {
                (u.index, v as usize)
            });
        }
        for &v in &touched {
            score[v as usize] = 0.0;
        }
        touched.clear();
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
    // Both directions on two cores when the texts are large (a small text is done before a
    // second core wakes up).
    let (mut out, more) = if old.len() + new.len() >= PARALLEL_FROM_UNITS {
        crate::threads::start_pool();
        rayon::join(forward, backward)
    } else {
        (forward(), backward())
    };
    out.extend(more);
    out.sort_unstable();
    out.dedup();
    out
}
