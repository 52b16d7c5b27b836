//! Items grouped by a small integer key: one vector cut at offsets. Large texts have tens of
//! thousands of keys (clause texts, units), and a vector per key was an allocation each.

/// The items of each key `0..keys`, each group in the order given.
pub(crate) struct Buckets {
    /// Group `k` is `items[starts[k]..starts[k + 1]]`.
    starts: Vec<usize>,
    items: Vec<usize>,
}

impl Buckets {
    /// Groups `(key, item)` pairs (every key below `keys`), counting first, then placing.
    pub fn new(pairs: impl Iterator<Item = (usize, usize)> + Clone, keys: usize) -> Self {
        let mut starts = vec![0usize; keys + 1];
        for (k, _) in pairs.clone() {
            starts[k + 1] += 1;
        }
        for k in 0..keys {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut items = vec![0usize; starts[keys]];
        for (k, item) in pairs {
            items[next[k]] = item;
            next[k] += 1;
        }
        Buckets { starts, items }
    }

    /// The items of key `k`, in the order given.
    pub fn get(&self, k: usize) -> &[usize] {
        &self.items[self.starts[k]..self.starts[k + 1]]
    }

    /// Every item, key by key (a stable sort of the pairs by key).
    pub fn all(&self) -> &[usize] {
        &self.items
    }
}

#[cfg(test)]
mod tests {
    use super::Buckets;

    #[test]
    fn groups_keep_their_order_and_empty_keys_are_empty() {
        let b = Buckets::new([(2, 10), (0, 11), (2, 12), (2, 13), (0, 14)].into_iter(), 4);
        assert_eq!(b.get(0), &[11, 14]);
        assert_eq!(b.get(1), &[] as &[usize]);
        assert_eq!(b.get(2), &[10, 12, 13]);
        assert_eq!(b.get(3), &[] as &[usize]);
        assert_eq!(b.all(), &[11, 14, 10, 12, 13]);
    }
}
