//! Candidate pairs through an inverted index of rare words, never all pairs: each unit probes
//! the postings of its rarest words shared with the other side, so the work grows with the
//! number of units times a small constant, not with its square.

use std::collections::HashMap;

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

/// For each free unit of `from`, the best free units of the other side (by `post`).
fn probe(
    from: &[Unit],
    free: &[bool],
    post: &[Vec<u32>],
    idf: &[f64],
    limits: &Limits,
    out: &mut Vec<(usize, usize)>,
    flip: bool,
) {
    let mut score: HashMap<u32, f64> = HashMap::new();
    for u in from.iter().filter(|u| free[u.index]) {
        let mut probes: Vec<u32> = u
            .set
            .iter()
            .copied()
            .filter(|&w| {
                let n = post[w as usize].len();
                n > 0 && n <= limits.max_postings
            })
            .collect();
        probes.sort_by_key(|&w| (post[w as usize].len(), w));
        probes.truncate(limits.probe_words);
        score.clear();
        for &w in &probes {
            let wt = idf.get(w as usize).copied().unwrap_or(0.0);
            for &v in &post[w as usize] {
                *score.entry(v).or_insert(0.0) += wt;
            }
        }
        // Sorted by score then index: no hash-map order leaks into the result.
        let mut best: Vec<(u32, f64)> = score.iter().map(|(&v, &s)| (v, s)).collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for &(v, _) in best.iter().take(limits.per_unit) {
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
    let mut out = Vec::new();
    let new_post = index(new, new_free, idf.len());
    probe(old, old_free, &new_post, idf, limits, &mut out, false);
    drop(new_post);
    let old_post = index(old, old_free, idf.len());
    probe(new, new_free, &old_post, idf, limits, &mut out, true);
    out.sort_unstable();
    out.dedup();
    out
}
