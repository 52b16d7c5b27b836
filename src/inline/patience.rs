//! `similar`'s patience diff on dense token ids, with the same result.
//!
//! `similar` finds the tokens said once on each side by hashing every token into a map (SipHash,
//! a bucket per token): 12 M instructions of a 5,000-clause diff's 366 M, for 521 word diffs. Our
//! tokens are already small integers numbered from 0 (see `tokens_and_ids`), so a count per id
//! finds them with no hashing. The rest is `similar`'s own code, called as its patience calls it:
//! Myers over the unique tokens, then Myers over each gap between two matched unique tokens,
//! into the same hooks (`Compact`, `Replace`, `Capture`) as `capture_diff_slices`.
//!
//! `similar`'s patience first tries a fast path for two large, disjoint sides; it is private, and
//! it only applies from [`FAST_PATH_FROM`] tokens a side. Pairs that large go to `similar`'s
//! patience as they are. `Cargo.toml` pins `similar`'s version: the test below checks on random
//! inputs, for this version, that both give the same operations.

use similar::algorithms::{myers, Capture, Compact, DiffHook, NoFinishHook, Replace};
use similar::{capture_diff_slices, Algorithm, DiffOp};

/// Side length from which `similar`'s patience may take its disjoint fast path
/// (`DISJOINT_FAST_PATH_MIN_LEN` in its `preflight.rs`).
const FAST_PATH_FROM: usize = 512;

/// The operations of `similar::capture_diff_slices(Algorithm::Patience, old, new)`, for token
/// ids below `ids`.
pub(crate) fn diff(old: &[u32], new: &[u32], ids: usize) -> Vec<DiffOp> {
    if old.len() >= FAST_PATH_FROM && new.len() >= FAST_PATH_FROM {
        return capture_diff_slices(Algorithm::Patience, old, new);
    }
    let mut d = Compact::new(Replace::new(Capture::new()), old, new);
    patience(&mut d, old, new, ids).unwrap_or_else(|never| match never {});
    d.into_inner().into_inner().into_ops()
}

/// `similar`'s `patience::diff_deadline` over whole slices, without deadline or fast path.
fn patience<D: DiffHook>(d: &mut D, old: &[u32], new: &[u32], ids: usize) -> Result<(), D::Error> {
    if old.is_empty() || new.is_empty() {
        if !new.is_empty() {
            d.insert(0, 0, new.len())?;
        } else if !old.is_empty() {
            d.delete(0, old.len(), 0)?;
        }
        return d.finish();
    }
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    if old.len() == new.len() && prefix == old.len() {
        d.equal(0, 0, prefix)?;
        return d.finish();
    }
    let (old_unique, new_unique) = (unique(old, ids), unique(new, ids));
    let values = |seq: &[u32], at: &[usize]| at.iter().map(|&i| seq[i]).collect::<Vec<u32>>();
    let (old_values, new_values) = (values(old, &old_unique), values(new, &new_unique));
    let mut anchors = Replace::new(Anchors {
        d,
        old,
        new,
        old_current: 0,
        new_current: 0,
        old_unique: &old_unique,
        new_unique: &new_unique,
    });
    myers::diff_deadline(
        &mut anchors,
        &old_values,
        0..old_values.len(),
        &new_values,
        0..new_values.len(),
        None,
    )
}

/// The places of the tokens said exactly once in `seq`, in order.
fn unique(seq: &[u32], ids: usize) -> Vec<usize> {
    let mut count = vec![0u8; ids];
    for &t in seq {
        let c = &mut count[t as usize];
        *c = c.saturating_add(1);
    }
    (0..seq.len())
        .filter(|&i| count[seq[i] as usize] == 1)
        .collect()
}

/// `similar`'s `Patience` hook: each pair of unique tokens Myers matched is an anchor; the
/// tokens between two anchors are diffed by Myers in turn.
struct Anchors<'a, D> {
    d: &'a mut D,
    old: &'a [u32],
    new: &'a [u32],
    old_current: usize,
    new_current: usize,
    old_unique: &'a [usize],
    new_unique: &'a [usize],
}

impl<D: DiffHook> DiffHook for Anchors<'_, D> {
    type Error = D::Error;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), D::Error> {
        for (old, new) in (old..old + len).zip(new..new + len) {
            let (old_at, new_at) = (self.old_unique[old], self.new_unique[new]);
            let (a0, b0) = (self.old_current, self.new_current);
            while self.old_current < old_at
                && self.new_current < new_at
                && self.new[self.new_current] == self.old[self.old_current]
            {
                self.old_current += 1;
                self.new_current += 1;
            }
            if self.old_current > a0 {
                self.d.equal(a0, b0, self.old_current - a0)?;
            }
            myers::diff_deadline(
                &mut NoFinishHook::new(&mut self.d),
                self.old,
                self.old_current..old_at,
                self.new,
                self.new_current..new_at,
                None,
            )?;
            self.old_current = old_at;
            self.new_current = new_at;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), D::Error> {
        myers::diff_deadline(
            self.d,
            self.old,
            self.old_current..self.old.len(),
            self.new,
            self.new_current..self.new.len(),
            None,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Both sides as ids below `ids` (a few ids: many repeated tokens, as in real text).
    fn sides(ids: u32, max_len: usize) -> impl Strategy<Value = (Vec<u32>, Vec<u32>)> {
        let side = proptest::collection::vec(0..ids, 0..max_len);
        (side.clone(), side)
    }

    fn similar_ops(old: &[u32], new: &[u32]) -> Vec<DiffOp> {
        capture_diff_slices(Algorithm::Patience, old, new)
    }

    proptest! {
        #[test]
        fn same_operations_as_similar_on_short_sides((old, new) in sides(12, 80)) {
            prop_assert_eq!(diff(&old, &new, 12), similar_ops(&old, &new));
        }

        #[test]
        fn same_operations_as_similar_with_a_wide_vocabulary((old, new) in sides(400, 300)) {
            prop_assert_eq!(diff(&old, &new, 400), similar_ops(&old, &new));
        }

        /// One side an edit of the other: long common runs, as between two revisions.
        #[test]
        fn same_operations_as_similar_on_an_edited_text(
            old in proptest::collection::vec(0..60u32, 0..400),
            edits in proptest::collection::vec((0..400usize, 0..4usize, proptest::collection::vec(0..60u32, 0..6)), 0..12),
        ) {
            let mut new = old.clone();
            for (at, cut, put) in edits {
                let at = at.min(new.len());
                let end = (at + cut).min(new.len());
                new.splice(at..end, put);
            }
            prop_assert_eq!(diff(&old, &new, 60), similar_ops(&old, &new));
        }
    }

    #[test]
    fn same_operations_as_similar_around_the_fast_path_length() {
        for len in [FAST_PATH_FROM - 1, FAST_PATH_FROM, FAST_PATH_FROM + 1] {
            let old: Vec<u32> = (0..len as u32).map(|i| i % 97).collect();
            let new: Vec<u32> = (0..len as u32).map(|i| (i * 7 + 3) % 101).collect();
            assert_eq!(diff(&old, &new, 101), similar_ops(&old, &new), "{len}");
            let edited: Vec<u32> = old
                .iter()
                .map(|&t| if t % 13 == 0 { 100 } else { t })
                .collect();
            assert_eq!(
                diff(&old, &edited, 101),
                similar_ops(&old, &edited),
                "{len}"
            );
        }
    }

    #[test]
    fn a_token_said_more_than_255_times_is_not_unique() {
        let mut old = vec![1u32; 256];
        old.extend([0, 2]);
        let new = vec![2, 0, 1];
        assert_eq!(diff(&old, &new, 3), similar_ops(&old, &new));
        assert_eq!(unique(&old, 3), [256, 257]);
    }
}
