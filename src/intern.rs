//! Words to small integers: an open-addressing table, for the vocabulary of the aligner and
//! the tokens of the word diffs. Ids are numbered in order of first use, so they depend only
//! on the words and their order, never on the hash function.

use std::borrow::Cow;

/// A word to intern: a slice of the text (kept borrowed if new), or made in a buffer (copied
/// if new, so a word met again costs no allocation).
#[derive(Clone, Copy)]
pub(crate) enum Word<'t, 'b> {
    Text(&'t str),
    Made(&'b str),
}

impl Word<'_, '_> {
    pub fn as_str(&self) -> &str {
        match *self {
            Word::Text(w) | Word::Made(w) => w,
        }
    }
}

/// Words to local ids, in order of first use. An open-addressing table of ids with each
/// word's hash kept beside it: a word is hashed once, and compared only with words of the
/// same hash. Most words are at most 8 bytes: those are hashed and compared as one integer
/// ([`packed`]), not as text. (A general hash map keyed by the words hashed the probe and the
/// stored key, and kept two copies of each lower-cased word.)
pub(crate) struct Interner<'k> {
    /// Id + 1 of the word in each slot, 0 for an empty slot; a power of two long, at most
    /// half full.
    slots: Vec<u32>,
    /// Each local id's hash.
    pub hashes: Vec<u64>,
    /// Each local id's [`packed`] word (0 for a longer word).
    packed: Vec<u64>,
    /// Each local id's word.
    pub names: Vec<Cow<'k, str>>,
}

/// A word of 1 to 8 bytes as one integer: its bytes, little-endian, zero-padded; 0 for a
/// longer or empty word, or one holding a zero byte (padding would make `a` and `a\0` one
/// integer). Two words never share a non-zero integer. Read in at most three loads, without a
/// loop.
fn packed(w: &str) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let b = w.as_bytes();
    let n = b.len();
    let le32 = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
    let v = match n {
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        // Two overlapping halves: the bytes they share are the same in both.
        4..=8 => le32(0) | le32(n - 4) << (8 * (n - 4)),
        _ => return 0,
    };
    // A zero byte among the word's own (the padding set to 0xFF for the test).
    let word = v | u64::MAX.checked_shl(8 * n as u32).unwrap_or(0);
    let has_zero = word.wrapping_sub(ONES) & !word & (ONES << 7) != 0;
    if has_zero {
        0
    } else {
        v
    }
}

impl<'k> Interner<'k> {
    pub fn with_capacity(words: usize) -> Self {
        Interner {
            slots: vec![0; (words * 2).next_power_of_two().max(16)],
            hashes: Vec::with_capacity(words),
            packed: Vec::with_capacity(words),
            names: Vec::with_capacity(words),
        }
    }

    /// The hash of a word and its [`packed`] form: one multiplication for a short word.
    #[inline]
    fn hash(w: &str) -> (u64, u64) {
        use std::hash::BuildHasher;
        let p = packed(w);
        if p == 0 {
            return (foldhash::fast::FixedState::default().hash_one(w), 0);
        }
        // The high and low halves of the product folded: every bit of the word moves the
        // low bits, which pick the slot.
        let m = u128::from(p) * 0x9E37_79B9_7F4A_7C15;
        ((m as u64) ^ ((m >> 64) as u64), p)
    }

    /// The id of `w`, and whether it was met for the first time.
    #[inline]
    pub fn id(&mut self, w: Word<'k, '_>) -> (u32, bool) {
        let s = w.as_str();
        let (h, p) = Self::hash(s);
        match self.find(s, p, h) {
            Ok(id) => (id, false),
            Err(at) => (
                self.add(
                    at,
                    match w {
                        Word::Text(t) => Cow::Borrowed(t),
                        Word::Made(l) => Cow::Owned(l.to_string()),
                    },
                    p,
                    h,
                ),
                true,
            ),
        }
    }

    /// The id of `w` if it is held (a lookup only: the table is left as it is).
    #[inline]
    pub fn get(&self, w: &str) -> Option<u32> {
        let (h, p) = Self::hash(w);
        self.find(w, p, h).ok()
    }

    /// [`Interner::id`] of a word already held, with its hash (merging another table).
    pub fn id_hashed(&mut self, w: Cow<'k, str>, h: u64) -> (u32, bool) {
        let p = packed(&w);
        match self.find(&w, p, h) {
            Ok(id) => (id, false),
            Err(at) => (self.add(at, w, p, h), true),
        }
    }

    /// The id of `s` (of [`packed`] form `p` and hash `h`), or the free slot where it goes.
    #[inline]
    fn find(&self, s: &str, p: u64, h: u64) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            match self.slots[at] {
                0 => return Err(at),
                slot => {
                    let id = slot - 1;
                    let i = id as usize;
                    let same = if p != 0 {
                        self.packed[i] == p
                    } else {
                        self.hashes[i] == h && self.names[i] == s
                    };
                    if same {
                        return Ok(id);
                    }
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Stores a new word in free slot `at`; returns its id.
    fn add(&mut self, at: usize, w: Cow<'k, str>, p: u64, h: u64) -> u32 {
        let id = self.names.len() as u32;
        self.names.push(w);
        self.packed.push(p);
        self.hashes.push(h);
        self.slots[at] = id + 1;
        if self.names.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// Doubles the table and puts every id back in its slot.
    fn grow(&mut self) {
        let len = self.slots.len() * 2;
        let mask = len - 1;
        let mut slots = vec![0u32; len];
        for (i, &h) in self.hashes.iter().enumerate() {
            let mut at = h as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = i as u32 + 1;
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_pack_to_distinct_integers() {
        // Every word of 1 to 8 bytes over a two-letter alphabet: each place of each length.
        let mut seen = std::collections::HashMap::new();
        for len in 1..=8 {
            for bits in 0..1u32 << len {
                let w: String = (0..len)
                    .map(|i| if bits >> i & 1 == 1 { 'b' } else { 'a' })
                    .collect();
                let p = packed(&w);
                assert_ne!(p, 0, "{w}");
                assert_eq!(seen.insert(p, w.clone()), None, "{w}");
            }
        }
        assert_eq!(packed(""), 0);
        assert_eq!(packed("abcdefghi"), 0);
        assert_ne!(packed("é"), packed("è"));
        // A zero byte would be padding: such a word is compared as text.
        assert_eq!(packed("a\0"), 0);
        assert_eq!(packed("\0"), 0);
        assert_eq!(packed("abcdefg\0"), 0);
        assert_ne!(packed("abcdefgh"), 0);
    }

    #[test]
    fn ids_in_order_of_first_use_whatever_the_length() {
        let mut t = Interner::with_capacity(1);
        let long = "a-word-longer-than-eight-bytes";
        let ids: Vec<_> = ["b", long, "b", "ab", long, "ab"]
            .iter()
            .map(|w| t.id(Word::Text(w)))
            .collect();
        assert_eq!(
            ids,
            [
                (0, true),
                (1, true),
                (0, false),
                (2, true),
                (1, false),
                (2, false)
            ]
        );
        // Enough words to grow the table several times: every id is found again.
        let many: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        let first: Vec<u32> = many.iter().map(|w| t.id(Word::Made(w)).0).collect();
        let again: Vec<u32> = many.iter().map(|w| t.id(Word::Text(w)).0).collect();
        assert_eq!(first, again);
        assert_eq!(t.names.len(), 1003);
        // Words a zero byte apart are two words.
        let (a, nul) = (t.id(Word::Text("a")), t.id(Word::Text("a\0")));
        assert!(a.1 && nul.1 && a.0 != nul.0);
    }
}
