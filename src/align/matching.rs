//! Pairing: exact anchors, then an order-preserving chain of similar pairs, then moves.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::buckets::Buckets;
use super::units::Unit;
use crate::threads::{map_spread, Spread};

/// The old units' comparison keys, each distinct key numbered in order of first use. Built
/// apart from [`OldKeys::anchors`] so that it can be built with the old units, on their own
/// thread, while the other one builds the new units (`compare_beside`): at 5,000 clauses the
/// anchors took 0.8 ms on one thread while the other waited.
pub(crate) struct OldKeys {
    /// The key number of each old unit.
    of_unit: Vec<u32>,
    /// By hash, the last key numbered with it; `earlier` chains each key to the one numbered
    /// before it with the same hash (a collision of different texts), [`NO_KEY`] ending it.
    by_hash: HashMap<u64, u32, BuildHasherDefault<Prehashed>>,
    earlier: Vec<u32>,
    /// The position of one old unit of each key: its key is the key's text.
    holder: Vec<u32>,
}

/// No key (the end of a chain of [`OldKeys::earlier`]).
const NO_KEY: u32 = u32::MAX;

impl OldKeys {
    /// Numbers the keys of `old`. Keys are found by the hashes their units hold: only equal
    /// hashes compare the texts.
    pub fn new(old: &[Unit]) -> OldKeys {
        let mut keys = OldKeys {
            of_unit: Vec::with_capacity(old.len()),
            by_hash: HashMap::with_capacity_and_hasher(old.len(), Default::default()),
            earlier: Vec::new(),
            holder: Vec::new(),
        };
        for (at, u) in old.iter().enumerate() {
            let k = match keys.find(old, u) {
                Some(k) => k,
                None => {
                    let k = keys.holder.len() as u32;
                    let last = keys.by_hash.insert(u.key_hash, k);
                    keys.earlier.push(last.unwrap_or(NO_KEY));
                    keys.holder.push(at as u32);
                    k
                }
            };
            keys.of_unit.push(k);
        }
        keys
    }

    /// The number of `u`'s key among the keys of `old` (the units these keys were made of).
    fn find(&self, old: &[Unit], u: &Unit) -> Option<u32> {
        let mut k = *self.by_hash.get(&u.key_hash)?;
        while k != NO_KEY {
            if old[self.holder[k as usize] as usize].key == u.key {
                return Some(k);
            }
            k = self.earlier[k as usize];
        }
        None
    }

    /// Exact anchors: units with equal comparison keys. A key held by several units pairs the
    /// i-th old one with the i-th new one (by order), a rule that gives the same pairs
    /// whichever side is called old. `old` are the units these keys were made of.
    ///
    /// The new units look their keys up on the threads of `spread`, in chunks: a lookup that
    /// finds a key reads both texts (a large text's keys are tens of megabytes, out of the
    /// caches), and at 50,000 clauses the anchors took 17.1 ms with the lookups on one core,
    /// 13.1 ms on two.
    pub fn anchors(&self, old: &[Unit], new: &[Unit], spread: Spread) -> Vec<(usize, usize)> {
        debug_assert_eq!(self.of_unit.len(), old.len(), "the keys of these old units");
        let keys = self.holder.len();
        // The old units of each key, listed together in one vector for all keys.
        let olds = Buckets::new(
            (self.of_unit.iter())
                .zip(old)
                .map(|(&k, u)| (k as usize, u.index)),
            keys,
        );
        let chunks: Vec<&[Unit]> = new.chunks(LOOKUP_CHUNK).collect();
        let found = map_spread(&chunks, spread, |chunk| {
            (chunk.iter())
                .map(|u| self.find(old, u))
                .collect::<Vec<_>>()
        });
        // The i-th new unit of a key pairs with the i-th old one.
        let mut met = vec![0usize; keys];
        let mut out = Vec::with_capacity(old.len().min(new.len()));
        for (u, k) in new.iter().zip(found.into_iter().flatten()) {
            if let Some(k) = k {
                let k = k as usize;
                if let Some(&o) = olds.get(k).get(met[k]) {
                    out.push((o, u.index));
                    met[k] += 1;
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// [`OldKeys::anchors`], the keys of `old` numbered first.
#[cfg(test)]
pub(crate) fn anchors(old: &[Unit], new: &[Unit], spread: Spread) -> Vec<(usize, usize)> {
    OldKeys::new(old).anchors(old, new, spread)
}

/// New units looked up in one task of [`OldKeys::anchors`]: enough to pay for the task, few
/// enough for the threads to share the work evenly.
const LOOKUP_CHUNK: usize = 512;

/// The hasher of [`OldKeys`]: a unit's key hash, as it is (it is already a good one).
#[derive(Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    /// Not used by [`OldKeys`], which writes one u64; hashes the bytes, should anything else.
    fn write(&mut self, bytes: &[u8]) {
        use std::hash::BuildHasher;
        self.0 = foldhash::fast::FixedState::default().hash_one(bytes);
    }
    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// A weighted pair for [`chain`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Weighted {
    pub old: usize,
    pub new: usize,
    pub weight: i64,
}

/// Fenwick tree of prefix maxima over new positions: (best chain weight, pair id).
struct MaxTree {
    t: Vec<(i64, i64)>,
}

impl MaxTree {
    fn new(n: usize) -> Self {
        MaxTree {
            t: vec![(0, -1); n + 1],
        }
    }
    /// Best over positions `< pos`.
    fn query(&self, pos: usize) -> (i64, i64) {
        let mut best = (0, -1);
        let mut i = pos;
        while i > 0 {
            best = better(best, self.t[i]);
            i &= i - 1;
        }
        best
    }
    fn update(&mut self, pos: usize, v: (i64, i64)) {
        let mut i = pos + 1;
        while i < self.t.len() {
            self.t[i] = better(self.t[i], v);
            i += i & i.wrapping_neg();
        }
    }
}

/// Higher weight wins; on a tie the earlier pair id, so the result never depends on luck.
fn better(a: (i64, i64), b: (i64, i64)) -> (i64, i64) {
    if b.0 > a.0 || (b.0 == a.0 && b.1 >= 0 && (a.1 < 0 || b.1 < a.1)) {
        b
    } else {
        a
    }
}

/// Maximum-weight chain of pairs increasing in both old and new order (a weighted longest
/// common subsequence over sparse pairs), in O(P log N). Returns the ids of the chosen pairs.
pub(crate) fn chain(pairs: &[Weighted], n_new: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by_key(|&i| (pairs[i].old, pairs[i].new, i));
    let mut tree = MaxTree::new(n_new);
    let mut dp = vec![0i64; pairs.len()];
    let mut prev = vec![-1i64; pairs.len()];
    let mut best = (0i64, -1i64);
    let mut g = 0;
    while g < order.len() {
        let mut h = g;
        while h < order.len() && pairs[order[h]].old == pairs[order[g]].old {
            h += 1;
        }
        // Pairs of one old unit cannot chain with each other: query all before updating.
        for &i in &order[g..h] {
            let (w, p) = tree.query(pairs[i].new);
            dp[i] = w + pairs[i].weight;
            prev[i] = p;
        }
        for &i in &order[g..h] {
            tree.update(pairs[i].new, (dp[i], i as i64));
            best = better(best, (dp[i], i as i64));
        }
        g = h;
    }
    let mut out = Vec::new();
    let mut cur = best.1;
    while cur >= 0 {
        out.push(cur as usize);
        cur = prev[cur as usize];
    }
    out.reverse();
    out
}

/// Greedy pairing of leftovers, best similarity first (ties by position).
pub(crate) fn greedy(
    mut pairs: Vec<(usize, usize, f64)>,
    old_free: &mut [bool],
    new_free: &mut [bool],
) -> Vec<(usize, usize, f64)> {
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    for (o, n, s) in pairs {
        if old_free[o] && new_free[n] {
            old_free[o] = false;
            new_free[n] = false;
            out.push((o, n, s));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(old: usize, new: usize, weight: i64) -> Weighted {
        Weighted { old, new, weight }
    }

    /// A unit of key `key` whose hash is `hash` (not necessarily the key's own).
    fn unit(index: usize, key: &str, hash: u64) -> Unit<'_> {
        Unit {
            index,
            division: 0,
            place: crate::report::Place {
                section: String::new(),
                label: None,
            },
            text: key.into(),
            key: key.into(),
            key_hash: hash,
            words: Vec::new(),
            set: Vec::new(),
            dups: Vec::new(),
            set_weight: 0.0,
            words_weight: 0.0,
        }
    }

    #[test]
    fn anchors_pair_equal_keys_in_order_and_never_keys_that_only_share_a_hash() {
        let h = super::super::units::key_hash;
        let old = [
            unit(0, "a", h("a")),
            unit(1, "b", h("b")),
            unit(2, "a", h("a")),
            // Same hash as "c" below, other texts: collisions, "y" found past "x".
            unit(3, "x", h("c")),
            unit(4, "y", h("c")),
        ];
        let new = [
            unit(0, "a", h("a")),
            unit(1, "c", h("c")),
            unit(2, "a", h("a")),
            unit(3, "a", h("a")),
            unit(4, "b", h("b")),
            unit(5, "y", h("c")),
        ];
        // The i-th new "a" pairs with the i-th old one; the third has no twin; "c" is neither
        // "x" nor "y".
        for spread in [Spread::Here, Spread::Two, Spread::Cores] {
            assert_eq!(
                anchors(&old, &new, spread),
                vec![(0, 0), (1, 4), (2, 2), (4, 5)]
            );
        }
    }

    /// Thousands of units (several chunks of lookups) on every spread: the pairs of the
    /// definition, each key's i-th old unit with its i-th new one.
    #[test]
    fn anchors_of_many_units_are_those_of_the_definition_on_every_spread() {
        let h = super::super::units::key_hash;
        let keys: Vec<String> = (0..40).map(|k| format!("key {k}")).collect();
        let side = |n: usize, step: usize| -> Vec<Unit> {
            (0..n)
                .map(|i| {
                    let key = keys[(i * step + i / 7) % keys.len()].as_str();
                    unit(i, key, h(key))
                })
                .collect()
        };
        let (old, new) = (side(3000, 3), side(2500, 7));
        let mut expected = Vec::new();
        for key in &keys {
            let of = |units: &[Unit]| -> Vec<usize> {
                (units.iter())
                    .filter(|u| u.key == key.as_str())
                    .map(|u| u.index)
                    .collect()
            };
            expected.extend(of(&old).into_iter().zip(of(&new)));
        }
        expected.sort_unstable();
        assert!(expected.len() > 2000, "most units pair: {}", expected.len());
        for spread in [Spread::Here, Spread::Two, Spread::Cores] {
            assert_eq!(anchors(&old, &new, spread), expected, "{spread:?}");
        }
    }

    #[test]
    fn chain_prefers_heavier_consistent_pairs() {
        // (0,0) (1,1) (2,2) in order; (1,0) crosses.
        let pairs = [w(0, 0, 5), w(1, 1, 5), w(2, 2, 5), w(1, 0, 3)];
        assert_eq!(chain(&pairs, 3), vec![0, 1, 2]);
        // A heavy crossing pair wins over two light ones.
        let pairs = [w(0, 1, 1), w(1, 2, 1), w(2, 0, 10)];
        assert_eq!(chain(&pairs, 3), vec![2]);
        // Two pairs of the same old unit never chain.
        let pairs = [w(0, 0, 1), w(0, 1, 1)];
        assert_eq!(chain(&pairs, 2).len(), 1);
        assert!(chain(&[], 0).is_empty());
    }
}
