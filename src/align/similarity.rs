//! How much two clauses say the same thing, robust to rewording.
//!
//! Two measures, both weighted by IDF so that shared rare words (`Memorandum`, `JTC`) count
//! more than shared common ones (`the`, `of`):
//! - word sets: weighted Dice coefficient of the distinct words;
//! - word order: weighted longest common subsequence of the word sequences.
//!
//! A rewording keeps most rare words (high Dice) and most of the sentence order (high LCS);
//! two unrelated clauses about the same subject share words but not their order.

use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Rounds a similarity so decisions never hinge on the last bits of a float (`ln` may differ
/// in its last bit between platforms): same output on any machine.
pub(crate) fn quantize(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Fixed-point scale of word weights in the LCS (IDF weights are rounded to 1e-9).
const FIXED: f64 = 1e9;

/// Largest LCS table (words x words, after trimming equal ends) computed exactly: a pair of
/// clauses of 2,000 words each. Beyond it, Myers' LCS (fast on similar texts) is weighed.
const MAX_DP_CELLS: usize = 4_000_000;

/// The sparse LCS is chosen when its matches, at this cost each (a Fenwick query and update
/// against one table cell), are cheaper than the table.
const COST_PER_MATCH: usize = 12;

/// The places of each word of one sequence, as chains through the places: for each word id
/// its last place and how many it has, for each place the previous place of the same word.
/// Indexed by word id (ids are dense, numbered by the vocabulary), so that linking a sequence
/// and finding a word's places is an array access, not a hash probe. One per thread, sized to
/// the vocabulary once and left empty between pairs (each pair unlinks what it linked): a pair
/// costs its own words, never the vocabulary's size.
#[derive(Default)]
struct Chains {
    /// Per word id: its last place in the linked sequence (meaningful when `count` is not 0).
    last: Vec<u32>,
    /// Per word id: its places in the linked sequence (0: absent).
    count: Vec<u32>,
    /// Per place: the previous place of the same word (meaningful while `count` says so).
    prev: Vec<u32>,
    /// The Fenwick tree of the sparse LCS, reused from pair to pair.
    tree: Vec<u64>,
}

thread_local! {
    static CHAINS: std::cell::RefCell<Chains> = std::cell::RefCell::new(Chains::default());
}

impl Chains {
    /// Links `words`; ids of `vocab` or more weigh 0 and are left out (no match of them can
    /// add weight to a common subsequence, and leaving a weightless match out never shortens
    /// the heaviest chain of the others).
    fn link(&mut self, words: &[u32], vocab: usize) {
        if self.count.len() < vocab {
            self.count.resize(vocab, 0);
            self.last.resize(vocab, 0);
        }
        if self.prev.len() < words.len() {
            self.prev.resize(words.len(), 0);
        }
        for (j, &w) in words.iter().enumerate() {
            let w = w as usize;
            if w < vocab {
                self.prev[j] = self.last[w];
                self.last[w] = j as u32;
                self.count[w] += 1;
            }
        }
    }

    /// Empties what [`Chains::link`] linked of `words` (the same `vocab`).
    fn unlink(&mut self, words: &[u32], vocab: usize) {
        for &w in words {
            if (w as usize) < vocab {
                self.count[w as usize] = 0;
            }
        }
    }

    /// How many places `word` has in the linked sequence.
    fn count(&self, word: u32) -> usize {
        self.count.get(word as usize).map_or(0, |&c| c as usize)
    }

    /// The places of `word` in the linked sequence, decreasing.
    fn places(&self, word: u32) -> impl Iterator<Item = u32> + '_ {
        let n = self.count(word);
        let first = if n > 0 { self.last[word as usize] } else { 0 };
        std::iter::successors(Some(first), |&j| Some(self.prev[j as usize])).take(n)
    }
}

/// The largest value of a Fenwick tree of maxima over places `0..j`.
fn prefix_max(tree: &[u64], mut j: usize) -> u64 {
    let mut best = 0;
    while j > 0 {
        best = best.max(tree[j]);
        j &= j - 1;
    }
    best
}

/// Raises place `k - 1` of a Fenwick tree of maxima to `value`. A node already as high
/// stops the climb: the nodes above it cover its range, so they are at least as high.
fn raise(tree: &mut [u64], mut k: usize, value: u64) {
    while k < tree.len() && tree[k] < value {
        tree[k] = value;
        k += k & k.wrapping_neg();
    }
}

/// What the scorer reads of one text: its words, its distinct words, the words it holds more
/// than once, and the IDF sums of both. A clause is compared with several candidates: its sums
/// are taken once (see [`Scorer::profile`]), not once per compared pair.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Profile<'a> {
    /// Word ids in reading order.
    pub words: &'a [u32],
    /// Distinct word ids, sorted.
    pub set: &'a [u32],
    /// Words held more than once, with their counts, sorted by id.
    pub dups: &'a [(u32, u32)],
    /// IDF weight of `set` (summed in its order).
    pub set_weight: f64,
    /// IDF weight of `words` (summed in reading order).
    pub words_weight: f64,
}

/// The distinct words of a word sequence (sorted) and those held more than once, with counts.
pub(crate) fn set_and_dups(words: &[u32]) -> (Vec<u32>, Vec<(u32, u32)>) {
    let mut sorted = words.to_vec();
    sorted.sort_unstable();
    let mut dups = Vec::new();
    for run in sorted.chunk_by(|a, b| a == b) {
        if run.len() > 1 {
            dups.push((run[0], run.len() as u32));
        }
    }
    sorted.dedup();
    (sorted, dups)
}

/// The weight two texts share over their mean weight (`2 * common / (wa + wb)`); when both
/// weigh nothing, 1 if both are empty (equal) and 0 otherwise. `common` is only computed when
/// needed (it may be an LCS).
fn share(wa: f64, wb: f64, both_empty: bool, common: impl FnOnce() -> f64) -> f64 {
    if wa + wb == 0.0 {
        return if both_empty { 1.0 } else { 0.0 };
    }
    2.0 * common() / (wa + wb)
}

/// An IDF weight in fixed point (units of 1 / [`FIXED`]), rounded once rather than at every
/// match of every LCS.
pub(crate) fn fixed_point(w: f64) -> u64 {
    (w * FIXED).round() as u64
}

/// IDF weight of some words (ids of `idf`; 0 for others), summed in their order.
pub(crate) fn weight(idf: &[f64], words: &[u32]) -> f64 {
    words
        .iter()
        .map(|&x| idf.get(x as usize).copied().unwrap_or(0.0))
        .sum()
}

/// Similarity scorer over word ids, with IDF weights and the share of word order.
pub(crate) struct Scorer<'a> {
    pub idf: &'a [f64],
    /// Weight of the word-order measure in [0, 1]; the rest goes to the word-set measure.
    pub order_weight: f64,
    /// `idf` in fixed point ([`fixed_point`]).
    fixed: std::borrow::Cow<'a, [u64]>,
}

impl<'a> Scorer<'a> {
    #[cfg(test)]
    pub fn new(idf: &'a [f64], order_weight: f64) -> Self {
        let fixed = idf.iter().map(|&w| fixed_point(w)).collect::<Vec<_>>();
        Scorer {
            idf,
            order_weight,
            fixed: fixed.into(),
        }
    }

    /// The scorer of `idf` with its fixed-point form already taken (`fixed[i]` is
    /// `fixed_point(idf[i])`).
    pub fn with_fixed(idf: &'a [f64], fixed: &'a [u64], order_weight: f64) -> Self {
        debug_assert_eq!(idf.len(), fixed.len());
        Scorer {
            idf,
            order_weight,
            fixed: fixed.into(),
        }
    }
}

impl Scorer<'_> {
    fn w(&self, id: u32) -> f64 {
        self.idf.get(id as usize).copied().unwrap_or(0.0)
    }

    /// IDF weight of some words, summed in their order.
    pub fn weight(&self, words: &[u32]) -> f64 {
        weight(self.idf, words)
    }

    /// The profile of a text from its words, distinct words and repeated words.
    pub fn profile<'a>(
        &self,
        words: &'a [u32],
        set: &'a [u32],
        dups: &'a [(u32, u32)],
    ) -> Profile<'a> {
        Profile {
            words,
            set,
            dups,
            set_weight: self.weight(set),
            words_weight: self.weight(words),
        }
    }

    /// Weight of the words two sorted sequences share (a multiset intersection: a word held
    /// twice on both sides counts twice).
    fn common_sorted(&self, a: &[u32], b: &[u32]) -> f64 {
        let (mut i, mut j, mut common) = (0, 0, 0.0f64);
        // Without branches on the comparison (which way a merge steps is unpredictable):
        // each step adds the weight of a shared word or 0.0, which leaves the sum unchanged.
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            common += if x == y { self.w(x) } else { 0.0 };
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        common
    }

    /// Weighted Dice coefficient of two sorted sets of distinct word ids.
    #[cfg(test)]
    pub fn dice(&self, a: &Profile, b: &Profile) -> f64 {
        let empty = a.set.is_empty() && b.set.is_empty();
        share(a.set_weight, b.set_weight, empty, || {
            self.common_sorted(a.set, b.set)
        })
    }

    /// Weight of the heaviest common subsequence of `a` and `b`. Exact and symmetric: equal
    /// ends are trimmed (a rewording keeps most of a clause around its edit), then a dynamic
    /// program over the middle keeps one row of integer weights. Integer weights (IDF in
    /// units of 1e-9, as `super::units::idf` rounds them) make the sum the same
    /// whatever the order of the additions, so `order(a, b) == order(b, a)` bit for bit.
    fn common_weight(&self, a: &[u32], b: &[u32]) -> f64 {
        let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let (a, b, mut total) = (&a[head..], &b[head..], self.fixed_sum(&a[..head]));
        let tail = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        total += self.fixed_sum(&a[a.len() - tail..]);
        let (a, b) = (&a[..a.len() - tail], &b[..b.len() - tail]);
        if a.is_empty() || b.is_empty() {
            return total as f64 / FIXED;
        }
        if a.len().saturating_mul(b.len()) > MAX_DP_CELLS {
            // A giant middle (a single clause of megabytes): Myers' LCS, weighed, both ways.
            total += self.myers_weight(a, b).max(self.myers_weight(b, a));
            return total as f64 / FIXED;
        }
        (total + self.middle_weight(a, b)) as f64 / FIXED
    }

    /// Fixed-point weight of the heaviest common subsequence of two non-empty middles, by
    /// the cheaper of two exact methods: clauses share few of their word pairs (about 3% of
    /// the table at 5,000 clauses), so the sparse chain usually wins; texts of a few
    /// repeated words keep the table. Both give the same u64 (max and integer sums).
    fn middle_weight(&self, a: &[u32], b: &[u32]) -> u64 {
        let (outer, inner) = if a.len() >= b.len() { (a, b) } else { (b, a) };
        let vocab = self.fixed.len();
        CHAINS.with_borrow_mut(|chains| {
            chains.link(inner, vocab);
            let matches: usize = outer.iter().map(|&x| chains.count(x)).sum();
            let weight = if matches.saturating_mul(COST_PER_MATCH) < outer.len() * inner.len() {
                self.sparse_weight(chains, outer, inner.len())
            } else {
                self.dense_weight(outer, inner)
            };
            chains.unlink(inner, vocab);
            weight
        })
    }

    /// The heaviest common subsequence as the heaviest chain of matches (i, j), strictly
    /// increasing on both sides: outer words in order, each word's inner places (`chains`,
    /// the inner sequence linked, `m` long) in decreasing order (so that they never chain
    /// with each other), each match extending the best chain ending before it, read from a
    /// Fenwick tree of prefix maxima over the `m` inner places. O(r log m) for r matches
    /// instead of the table's n * m.
    fn sparse_weight(&self, chains: &mut Chains, outer: &[u32], m: usize) -> u64 {
        let mut tree = std::mem::take(&mut chains.tree);
        tree.clear();
        tree.resize(m + 1, 0);
        for &x in outer {
            let wx = self.fixed(x);
            for j in chains.places(x) {
                let best = prefix_max(&tree, j as usize) + wx;
                raise(&mut tree, j as usize + 1, best);
            }
        }
        let weight = prefix_max(&tree, m);
        chains.tree = tree;
        weight
    }

    /// The heaviest common subsequence by the dynamic program over the n * m table, one row
    /// kept (as long as `inner`): the faster method when most word pairs match.
    fn dense_weight(&self, outer: &[u32], inner: &[u32]) -> u64 {
        let mut row = vec![0u64; inner.len() + 1];
        for &x in outer {
            let wx = self.fixed(x);
            let mut diag = 0u64; // row[j] of the previous outer word
            for (j, &y) in inner.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diag + wx } else { up.max(row[j]) };
                diag = up;
            }
        }
        row[inner.len()]
    }

    /// A word's IDF weight in fixed point (units of 1 / [`FIXED`]).
    fn fixed(&self, id: u32) -> u64 {
        self.fixed.get(id as usize).copied().unwrap_or(0)
    }

    fn fixed_sum(&self, words: &[u32]) -> u64 {
        words.iter().map(|&x| self.fixed(x)).sum()
    }

    /// Fixed-point weight of the common subsequence `diff(a, b)` finds (raw Myers).
    fn myers_weight(&self, a: &[u32], b: &[u32]) -> u64 {
        capture_diff_slices(Algorithm::RawMyers, a, b)
            .iter()
            .map(|op| match op {
                DiffOp::Equal { old_index, len, .. } => {
                    self.fixed_sum(&a[*old_index..old_index + len])
                }
                _ => 0,
            })
            .sum()
    }

    /// Weighted longest-common-subsequence ratio of two word sequences: the heaviest common
    /// subsequence over the weight of both sides.
    pub fn order(&self, a: &Profile, b: &Profile) -> f64 {
        let empty = a.words.is_empty() && b.words.is_empty();
        share(a.words_weight, b.words_weight, empty, || {
            self.common_weight(a.words, b.words)
        })
    }

    /// An upper bound of [`Scorer::order`] without the LCS: a common subsequence holds each
    /// word at most as often as the rarer side does, so the weighted multiset intersection
    /// bounds the weighted LCS from above (same weights and denominator as `order`). The
    /// intersection is the shared distinct words plus, for words both sides repeat, the
    /// repeats they share.
    #[cfg(test)]
    fn order_bound(&self, a: &Profile, b: &Profile) -> f64 {
        self.order_bound_from(a, b, self.common_sorted(a.set, b.set))
    }

    /// [`Scorer::order_bound`] from the weight of the distinct words both hold
    /// (`common_sorted` of the sets, which the Dice coefficient has already taken).
    fn order_bound_from(&self, a: &Profile, b: &Profile, shared_set: f64) -> f64 {
        let (wa, wb) = (a.words_weight, b.words_weight);
        if wa + wb == 0.0 {
            return 1.0;
        }
        let mut common = shared_set;
        let (mut i, mut j) = (0, 0);
        while i < a.dups.len() && j < b.dups.len() {
            let ((x, cx), (y, cy)) = (a.dups[i], b.dups[j]);
            match x.cmp(&y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += f64::from(cx.min(cy) - 1) * self.w(x);
                    i += 1;
                    j += 1;
                }
            }
        }
        2.0 * common / (wa + wb)
    }

    /// The similarity used to pair clauses, in [0, 1], quantized: the weighted Dice
    /// coefficient and the weighted LCS ratio, `order_weight` of the latter. When it falls
    /// below `floor`, some value below `floor` (an upper bound), found without the costly
    /// word-order LCS: callers that only compare the result with thresholds at or above
    /// `floor` decide exactly as with the full value (`similarity`, kept for the tests).
    pub fn similarity_from(&self, a: &Profile, b: &Profile, floor: f64) -> f64 {
        // As `similarity`, with the shared set weight taken once for Dice and the bound.
        let mut shared = None;
        let empty = a.set.is_empty() && b.set.is_empty();
        let dice = share(a.set_weight, b.set_weight, empty, || {
            *shared.insert(self.common_sorted(a.set, b.set))
        });
        if dice < 0.05 {
            return quantize((1.0 - self.order_weight) * dice);
        }
        let shared = shared.unwrap_or_else(|| self.common_sorted(a.set, b.set));
        let bound = (1.0 - self.order_weight) * dice
            + self.order_weight * self.order_bound_from(a, b, shared);
        // The margin covers rounding differences between the bound's and the LCS's sums.
        if bound + 1e-6 < floor {
            return quantize(bound).min(floor - 1e-6);
        }
        quantize((1.0 - self.order_weight) * dice + self.order_weight * self.order(a, b))
    }

    /// The similarity used to pair clauses, in [0, 1], quantized: the reference that
    /// [`Scorer::similarity_from`] (the one the aligner calls) must agree with.
    #[cfg(test)]
    pub fn similarity(&self, a: &Profile, b: &Profile) -> f64 {
        let dice = self.dice(a, b);
        // The order measure cannot exceed the set measure by much; skip it when the pair is
        // hopeless anyway (cheap pruning for large inputs).
        if dice < 0.05 {
            return quantize((1.0 - self.order_weight) * dice);
        }
        let order = self.order(a, b);
        quantize((1.0 - self.order_weight) * dice + self.order_weight * order)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A text's words with its derived parts, owned, for [`Scorer::profile`].
    struct Text(Vec<u32>, Vec<u32>, Vec<(u32, u32)>);

    fn text(words: &[u32]) -> Text {
        let (set, dups) = set_and_dups(words);
        Text(words.to_vec(), set, dups)
    }

    impl Scorer<'_> {
        fn p<'a>(&self, t: &'a Text) -> Profile<'a> {
            self.profile(&t.0, &t.1, &t.2)
        }
        fn sim(&self, a: &[u32], b: &[u32]) -> f64 {
            let (a, b) = (text(a), text(b));
            self.similarity(&self.p(&a), &self.p(&b))
        }
    }

    /// The old method (the table over the longer side) as the reference of both.
    fn reference(s: &Scorer, a: &[u32], b: &[u32]) -> u64 {
        let (outer, inner) = if a.len() >= b.len() { (a, b) } else { (b, a) };
        s.dense_weight(outer, inner)
    }

    /// `f` on this thread's chains with `inner` linked (unlinked after).
    fn linked<R>(inner: &[u32], vocab: usize, f: impl FnOnce(&mut Chains) -> R) -> R {
        CHAINS.with_borrow_mut(|c| {
            c.link(inner, vocab);
            let r = f(c);
            c.unlink(inner, vocab);
            r
        })
    }

    /// The sparse LCS of `outer` against `inner`, with this thread's chains.
    fn sparse(s: &Scorer, outer: &[u32], inner: &[u32]) -> u64 {
        linked(inner, s.fixed.len(), |c| {
            s.sparse_weight(c, outer, inner.len())
        })
    }

    /// Two word sequences and IDF weights: small alphabets (many repeats) or large ones
    /// (few matches), empty sides, equal sides, zero weights and ids beyond `idf` (weight 0).
    fn pair_and_idf() -> impl Strategy<Value = (Vec<u32>, Vec<u32>, Vec<f64>)> {
        prop_oneof![Just(1u32), Just(2), Just(4), Just(30), Just(500)].prop_flat_map(|abc| {
            let words = || prop::collection::vec(0..abc, 0..60);
            let weight = prop_oneof![1 => Just(0.0), 4 => 0.0..20.0f64];
            let idf = prop::collection::vec(weight, abc as usize);
            (words(), words(), any::<bool>(), idf, 0..=abc as usize).prop_map(
                |(a, b, equal, mut idf, cut)| {
                    idf.truncate(cut);
                    let b = if equal { a.clone() } else { b };
                    (a, b, idf)
                },
            )
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn sparse_lcs_weighs_exactly_like_the_table((a, b, idf) in pair_and_idf()) {
            let s = Scorer::new(&idf, 0.5);
            let expected = reference(&s, &a, &b);
            prop_assert_eq!(sparse(&s, &a, &b), expected);
            prop_assert_eq!(sparse(&s, &b, &a), expected);
            prop_assert_eq!(s.middle_weight(&a, &b), expected);
            prop_assert_eq!(s.middle_weight(&b, &a), expected);
        }
    }

    #[test]
    fn both_lcs_methods_are_chosen_and_agree() {
        let idf = [0.5, 1.25, 2.0, 0.0, 3.5];
        let s = Scorer::new(&idf, 0.5);
        let distinct: Vec<u32> = (0..40).collect();
        let shifted: Vec<u32> = (2..42).rev().collect();
        let repeated: Vec<u32> = (0..40).map(|i| i % 2).collect();
        let other: Vec<u32> = (0..35).map(|i| (i / 3) % 2).collect();
        for (a, b, sparse) in [(&distinct, &shifted, true), (&repeated, &other, false)] {
            let matches: usize = linked(b, idf.len(), |c| a.iter().map(|&x| c.count(x)).sum());
            assert_eq!(matches * COST_PER_MATCH < a.len() * b.len(), sparse);
            assert_eq!(s.middle_weight(a, b), reference(&s, a, b));
        }
    }

    #[test]
    fn chains_give_each_word_its_places_and_unlink_to_empty() {
        let words = [7, 3, 7, 7, u32::MAX, 0, 3, 10];
        let mut c = Chains::default();
        c.link(&words, 10);
        let places = |c: &Chains, w| c.places(w).collect::<Vec<_>>();
        assert_eq!(places(&c, 7), [3, 2, 0]);
        assert_eq!(places(&c, 3), [6, 1]);
        assert_eq!(places(&c, 0), [5]);
        // Beyond the vocabulary (weight 0): left out.
        assert!(places(&c, u32::MAX).is_empty());
        assert!(places(&c, 10).is_empty());
        assert!(places(&c, 5).is_empty());
        c.unlink(&words, 10);
        assert!((0..10).all(|w| c.count(w) == 0));
        c.link(&[3, 3], 10);
        assert_eq!(places(&c, 3), [1, 0]);
        assert!(places(&c, 7).is_empty());
    }

    #[test]
    fn order_bound_is_an_upper_bound_of_the_weighted_order() {
        // One heavy shared word among light different ones: the unweighted count says 0.25,
        // the weighted order says far more; the bound must not fall below it.
        let mut idf = vec![0.1; 10];
        idf[1] = 5.0;
        let s = Scorer::new(&idf, 0.5);
        let cases: [(&[u32], &[u32]); 4] = [
            (&[1, 2, 2, 2], &[1, 3, 3, 3]),
            (&[1, 2, 3, 4], &[4, 3, 2, 1]),
            (&[2, 1, 2], &[1, 2, 2, 5]),
            (&[], &[1]),
        ];
        for (a, b) in cases {
            let (a, b) = (text(a), text(b));
            let (a, b) = (s.p(&a), s.p(&b));
            assert!(
                s.order_bound(&a, &b) + 1e-9 >= s.order(&a, &b),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn identical_is_one_disjoint_is_zero() {
        let idf = vec![1.0; 10];
        let s = Scorer::new(&idf, 0.5);
        assert_eq!(s.sim(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(s.sim(&[1, 2], &[3, 4]), 0.0);
    }

    #[test]
    fn pruned_similarity_decides_like_the_full_one() {
        let idf = vec![0.5, 1.0, 1.5, 2.0, 0.2, 3.0];
        let s = Scorer::new(&idf, 0.5);
        let texts: [&[u32]; 7] = [
            &[0, 1, 2, 3],
            &[3, 2, 1, 0, 0],
            &[0, 4, 4, 5],
            &[5, 4, 1],
            &[0, 1, 2, 3, 4, 5],
            // Many shared light words: a high plain LCS ratio with little shared weight.
            &[4, 4, 4, 4, 4, 3],
            &[4, 4, 4, 4, 4, 5],
        ];
        for a in texts {
            for b in texts {
                let (ta, tb) = (text(a), text(b));
                let (pa, pb) = (s.p(&ta), s.p(&tb));
                let full = s.similarity(&pa, &pb);
                for floor in [0.0, 0.2, 0.3, 0.5, 0.7, 1.0] {
                    let pruned = s.similarity_from(&pa, &pb, floor);
                    assert_eq!(pruned >= floor, full >= floor, "{a:?} {b:?} {floor}");
                    if full >= floor {
                        assert_eq!(pruned, full);
                    }
                }
            }
        }
    }

    #[test]
    fn order_matters_and_rare_words_weigh_more() {
        let idf = vec![0.1, 0.1, 0.1, 3.0, 3.0];
        let s = Scorer::new(&idf, 0.5);
        let same_order = s.sim(&[0, 1, 3, 4], &[0, 1, 3, 4, 2]);
        let reversed = s.sim(&[0, 1, 3, 4], &[4, 3, 1, 0, 2]);
        assert!(same_order > reversed);
        // Sharing the rare words beats sharing the common ones.
        let dice = |a: &[u32], b: &[u32]| {
            let (a, b) = (text(a), text(b));
            s.dice(&s.p(&a), &s.p(&b))
        };
        let rare = dice(&[0, 3, 4], &[1, 3, 4]);
        let common = dice(&[0, 1, 3], &[0, 1, 4]);
        assert!(rare > common, "{rare} {common}");
    }
}
