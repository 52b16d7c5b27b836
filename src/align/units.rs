//! Units of alignment: the top-level clauses of both revisions, with the words they say.

use std::borrow::Cow;

use crate::intern::{Interner, Word};
use crate::model::Resolution;
use crate::normalize::comparison_key;
use crate::report::Place;
use crate::threads::{map_spread, Spread};

use rayon::prelude::*;

use super::similarity::{fixed_point, set_and_dups, weight, Profile};

/// One top-level clause of one revision, ready to be compared.
#[derive(Debug, Clone)]
pub(crate) struct Unit<'a> {
    /// Index in `Resolution::clauses()`.
    pub index: usize,
    /// Index of its division in `Resolution::walk_divisions()`.
    pub division: usize,
    pub place: Place,
    /// `Clause::full_shown()`: the clause with its sub-items, as written. Borrowed from the
    /// resolution when the clause has no sub-items (most clauses): a large text is not copied.
    pub text: Cow<'a, str>,
    /// Comparison key of `text`.
    pub key: Cow<'a, str>,
    /// [`key_hash`] of `key`: hashed here, on the thread that builds this side's units, so
    /// that the anchors (one thread, both sides) only compare keys.
    pub key_hash: u64,
    /// Word ids in reading order (left empty for an anchored unit, which is never scored).
    pub words: Vec<u32>,
    /// Distinct word ids, sorted.
    pub set: Vec<u32>,
    /// Words said more than once, with their counts, sorted by id.
    pub dups: Vec<(u32, u32)>,
    /// IDF weights of `set` and `words`, set by [`Vocab::read`] once the vocabulary is complete.
    pub set_weight: f64,
    pub words_weight: f64,
}

impl Unit<'_> {
    /// What the scorer reads of this unit.
    pub fn profile(&self) -> Profile<'_> {
        Profile {
            words: &self.words,
            set: &self.set,
            dups: &self.dups,
            set_weight: self.set_weight,
            words_weight: self.words_weight,
        }
    }
}

/// Word ids shared by both revisions, with document frequencies for IDF weights.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    /// Number of units (both sides) holding each word.
    pub df: Vec<u32>,
    /// IDF weight of each word ([`idf`]).
    pub idf: Vec<f64>,
    /// `idf` in the scorer's fixed point ([`fixed_point`]).
    pub fixed: Vec<u64>,
    /// Each id's word, for the tests of the merge.
    #[cfg(test)]
    names: Vec<String>,
}

impl Vocab {
    /// Reads the words of both revisions' units. An anchored unit (its twin in the other
    /// revision says the same) is never scored: its words are only counted, twice on the old
    /// side (for itself and its twin) and not at all on the new one. A large text is read in
    /// runs, one per core, merged in reading order (old, then new): the ids and counts are
    /// those of reading every unit in full, in turn. Then the IDF weight of each word, and
    /// of each free unit's words (the scorer would otherwise take those sums per pair).
    pub fn read(&mut self, sides: [&mut [Unit]; 2], anchored: [&[bool]; 2]) {
        self.read_in(sides, anchored, None);
    }

    /// [`Vocab::read`] in `parts` runs (by default, as many as the text's size pays for).
    ///
    /// Only the words of free units are ever weighed (anchored units are not scored), so the
    /// vocabulary is theirs: the free units are read first, then the anchored ones (most of a
    /// long text) are only looked up in it, to count the words it holds. A word said only in
    /// anchored units gets no id. The ids are then put in the order of one reading of every
    /// unit (the order of first use), as if all were read in turn: the lookups note where they
    /// met each word first.
    fn read_in(
        &mut self,
        [old, new]: [&mut [Unit]; 2],
        [old_anchored, new_anchored]: [&[bool]; 2],
        parts: Option<usize>,
    ) {
        // Sized once: growing them by doubling took 0.4 ms at 5,000 clauses, on one thread.
        let anchors = old_anchored.iter().filter(|&&a| a).count();
        let mut free = Vec::with_capacity((old.len() + new.len()).saturating_sub(2 * anchors));
        let mut counted = Vec::with_capacity(anchors);
        let mut pos = 0u32;
        for (side, units, anchored) in [(0, &*old, old_anchored), (1, &*new, new_anchored)] {
            for u in units {
                let is_free = !anchored[u.index];
                // An anchored new unit is counted by its old twin.
                if side == 1 && !is_free {
                    continue;
                }
                let item = Item {
                    side,
                    index: u.index,
                    key: &u.key,
                    pos,
                };
                pos += 1;
                if is_free {
                    free.push(item);
                } else {
                    counted.push(item);
                }
            }
        }
        let on_pool = super::threads_for(old.len() + new.len()) == Spread::Cores;
        let runs: Vec<Run> = in_parts(&parts_for(&free, parts, on_pool), on_pool, |part| {
            Run::read(part)
        });
        // The first run's words keep their ids (they are numbered in reading order); each later
        // run's words are looked up in its table, by the hash they were stored with, and the
        // new ones numbered on. No word is copied or hashed again.
        let mut runs = runs.into_iter();
        let first_run = runs.next().expect("cut gives at least one run");
        let (mut words, mut lists, mut first) = (first_run.words, first_run.lists, first_run.first);
        let mut df = first_run.df;
        for run in runs {
            let global: Vec<u32> = (run.words.names.into_iter())
                .zip(run.words.hashes)
                .zip(run.first)
                .map(|((name, hash), at)| {
                    let (id, new) = words.id_hashed(name, hash);
                    if new {
                        df.push(0);
                        first.push(at);
                    }
                    id
                })
                .collect();
            for (local, &d) in run.df.iter().enumerate() {
                df[global[local] as usize] += d;
            }
            lists.extend(run.lists.into_iter().map(|(side, index, mut words)| {
                words.iter_mut().for_each(|w| *w = global[*w as usize]);
                (side, index, words)
            }));
        }
        // The anchored units, looked up in the free units' words.
        let tallies: Vec<Tally> = in_parts(&parts_for(&counted, parts, on_pool), on_pool, |part| {
            Tally::read(part, &words)
        });
        for tally in tallies {
            for (id, (d, at)) in tally.df.into_iter().zip(tally.first).enumerate() {
                df[id] += d;
                first[id] = first[id].min(at);
            }
        }
        // Ids in order of first use over every unit.
        let mut order: Vec<u32> = (0..df.len() as u32).collect();
        order.sort_unstable_by_key(|&id| first[id as usize]);
        let mut rank = vec![0u32; order.len()];
        for (new_id, &id) in order.iter().enumerate() {
            rank[id as usize] = new_id as u32;
        }
        self.df = order.iter().map(|&id| df[id as usize]).collect();
        if order.iter().enumerate().any(|(i, &id)| i as u32 != id) {
            for (_, _, words) in &mut lists {
                words.iter_mut().for_each(|w| *w = rank[*w as usize]);
            }
        }
        #[cfg(test)]
        {
            self.names = order
                .iter()
                .map(|&id| words.names[id as usize].to_string())
                .collect();
        }
        drop(words);
        drop(free);
        drop(counted);
        // The weights, then each free unit's distinct and repeated words (a sort of its
        // words) and their weights, spread as the candidate search is: the sorts took 6 ms on
        // one thread at 50,000 clauses, and the weights (a logarithm per word, a sum per
        // unit) 0.5 ms at 5,000 clauses while the other thread waited.
        let units = old.len() + new.len();
        let spread = super::spread(self.df.len().div_ceil(WEIGHTS_CHUNK), units);
        let chunks: Vec<&[u32]> = self.df.chunks(WEIGHTS_CHUNK).collect();
        let weights = map_spread(&chunks, spread, |dfs| {
            let idf: Vec<f64> = dfs.iter().map(|&d| idf(d, units)).collect();
            let fixed: Vec<u64> = idf.iter().map(|&w| fixed_point(w)).collect();
            (idf, fixed)
        });
        self.idf = Vec::with_capacity(self.df.len());
        self.fixed = Vec::with_capacity(self.df.len());
        for (idf, fixed) in weights {
            self.idf.extend(idf);
            self.fixed.extend(fixed);
        }
        let idf = &self.idf;
        let spread = super::spread(lists.len(), units);
        let sets = map_spread(&lists, spread, |l| {
            let (set, dups) = set_and_dups(&l.2);
            let weights = (weight(idf, &set), weight(idf, &l.2));
            (set, dups, weights)
        });
        let sides = [old, new];
        for ((side, index, words), (set, dups, weights)) in lists.into_iter().zip(sets) {
            let u = &mut sides[side][index];
            (u.set, u.dups, u.words) = (set, dups, words);
            (u.set_weight, u.words_weight) = weights;
        }
    }
}

/// Words whose weights are taken in one task.
const WEIGHTS_CHUNK: usize = 512;

/// The IDF weight of a word held by `df` of `units` units: `ln(1 + N / df)`, so a word found
/// in every clause weighs little and a word found in one clause weighs much. Rounded, so that
/// `ln`'s last bit (which may differ between platforms) never changes a decision.
fn idf(df: u32, units: usize) -> f64 {
    let n = units.max(1) as f64;
    ((1.0 + n / f64::from(df.max(1))).ln() * 1e9).round() / 1e9
}

/// Classes of a byte for [`each_word`]: an ASCII lower-case letter or digit (its own lower
/// case), an ASCII capital, another ASCII byte (between words), or a byte of a longer character
/// (decoded to be classified). Capitals and longer characters are bits, or-ed over a word.
const LOWER: u8 = 0;
const UPPER: u8 = 1;
const WIDE: u8 = 2;
const OTHER: u8 = 4;
static CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// How many of the eight bytes of `x` (little-endian: the first byte lowest) are ASCII
/// lower-case letters or digits before the first that is not (8 if all are): the bytes of
/// class [`LOWER`], compared all at once. Each byte's low seven bits plus a constant set its
/// high bit exactly when the byte is at least (or above) a bound; no sum carries into the next
/// byte (at most 0x7F + 0x50).
fn lower_run(x: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES << 7;
    let y = x & !HIGH;
    let at_least = |lo: u8| (y + ONES * u64::from(0x80 - lo)) & HIGH;
    let above = |hi: u8| (y + ONES * u64::from(0x7F - hi)) & HIGH;
    let letter = at_least(b'a') & !above(b'z');
    let digit = at_least(b'0') & !above(b'9');
    let lower = (letter | digit) & !x & HIGH;
    ((!lower & HIGH).trailing_zeros() / 8) as usize
}

/// Calls `f` with each word of `text` (the cuts of [`words`](crate::normalize::words)),
/// lower-cased and stemmed. One pass over the bytes finds a word and whether it needs
/// lower-casing: a word of lower-case ASCII letters and digits (most) is its own lower case and
/// is passed as a slice of `text`.
fn each_word<'t>(text: &'t str, lower: &mut String, mut f: impl FnMut(Word<'t, '_>)) {
    let b = text.as_bytes();
    // Is the character at `i` (not ASCII) alphanumeric, and how long is it?
    let wide = |i: usize| {
        let ch = text[i..].chars().next().unwrap_or_default();
        (ch.is_alphanumeric(), ch.len_utf8())
    };
    let mut i = 0;
    while i < b.len() {
        let class = CLASS[usize::from(b[i])];
        if class == OTHER {
            i += 1;
            continue;
        }
        if class == WIDE {
            let (alnum, len) = wide(i);
            if !alnum {
                i += len;
                continue;
            }
        }
        let start = i;
        let mut kind = LOWER;
        while i < b.len() {
            // Eight bytes at a time while they are lower-case letters or digits (most words).
            if let Some(&eight) = b.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
                let run = lower_run(u64::from_le_bytes(eight));
                i += run;
                if run == 8 {
                    continue;
                }
            }
            let class = CLASS[usize::from(b[i])];
            if class == OTHER {
                break;
            }
            if class == WIDE {
                let (alnum, len) = wide(i);
                if !alnum {
                    break;
                }
                i += len;
            } else {
                i += 1;
            }
            kind |= class;
        }
        let w = &text[start..i];
        if kind == LOWER {
            f(Word::Text(stem(w)));
        } else {
            lower.clear();
            if kind == UPPER {
                lower.push_str(w);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&w.to_lowercase());
            }
            f(Word::Made(stem(lower)));
        }
    }
}

/// Bytes of text from which the words are read on two threads (about 300 clauses): each half
/// then takes longer than creating the second thread.
const READ_ON_TWO_FROM: usize = 64 * 1024;

/// One unit to read.
struct Item<'k> {
    /// 0 for the old revision, 1 for the new.
    side: usize,
    index: usize,
    key: &'k str,
    /// Its place in the reading of every unit (old, then new free ones).
    pos: u32,
}

/// Where a word was met: the reading place of its unit, then its place in the unit. Ordered as
/// the reading is.
fn place(item: &Item, word: u32) -> u64 {
    (u64::from(item.pos) << 32) | u64::from(word)
}

/// `items` cut in `parts` runs, or by default in as many as their size pays for.
fn parts_for<'i, 'k>(
    items: &'i [Item<'k>],
    parts: Option<usize>,
    on_pool: bool,
) -> Vec<&'i [Item<'k>]> {
    let bytes: usize = items.iter().map(|i| i.key.len()).sum();
    let parts = parts.unwrap_or(if on_pool {
        crate::threads::start_pool();
        rayon::current_num_threads()
    } else if bytes >= READ_ON_TWO_FROM {
        2
    } else {
        1
    });
    cut(items, parts.max(1), bytes)
}

/// `f` on each of `parts` (adjacent runs of items), on as many threads: a second thread of
/// our own for two (mid-sized texts: the pool is not started), rayon's pool for more.
fn in_parts<'k, T: Send>(
    parts: &[&[Item<'k>]],
    on_pool: bool,
    f: impl Fn(&[Item<'k>]) -> T + Sync,
) -> Vec<T> {
    match parts {
        [one] => vec![f(one)],
        [a, b] if !on_pool => {
            let (a, b) = crate::threads::both(|| f(a), || f(b));
            vec![a, b]
        }
        many => {
            crate::threads::start_pool();
            many.par_iter().map(|part| f(part)).collect()
        }
    }
}

/// `items` cut in `parts` runs of adjacent items, of about `bytes / parts` bytes of text each.
fn cut<'i, 'k>(items: &'i [Item<'k>], parts: usize, bytes: usize) -> Vec<&'i [Item<'k>]> {
    let mut out = Vec::with_capacity(parts);
    let (mut start, mut sum) = (0, 0);
    for (i, item) in items.iter().enumerate() {
        sum += item.key.len();
        if out.len() + 1 < parts && sum * parts >= bytes * (out.len() + 1) {
            out.push(&items[start..=i]);
            start = i + 1;
        }
    }
    out.push(&items[start..]);
    out.resize(parts, &items[items.len()..]);
    out
}

/// The words of a run of adjacent units, read on its own core: local ids numbered in order of
/// first use, so that merging the runs in reading order numbers the words as reading every
/// unit in turn would.
struct Run<'k> {
    words: Interner<'k>,
    /// Units of the run holding each word.
    df: Vec<u32>,
    /// The last unit (1-based position in the run) that counted each word, so a word said
    /// twice in a unit counts once without sorting the unit's words.
    seen: Vec<u32>,
    /// Where each word was met first ([`place`]).
    first: Vec<u64>,
    /// The units read: (side, index, local word ids in reading order).
    lists: Vec<(usize, usize, Vec<u32>)>,
}

impl<'k> Run<'k> {
    fn read(items: &[Item<'k>]) -> Self {
        let bytes: usize = items.iter().map(|i| i.key.len()).sum();
        let mut run = Run {
            // About one distinct word per 40 bytes of text in a long resolution.
            words: Interner::with_capacity(bytes / 40 + 64),
            df: Vec::new(),
            seen: Vec::new(),
            first: Vec::new(),
            lists: Vec::with_capacity(items.len()),
        };
        let mut lower = String::new();
        for (pos, item) in items.iter().enumerate() {
            let stamp = pos as u32 + 1;
            // About one word per six bytes of text: sized once, not grown by doubling.
            let mut list = Vec::with_capacity(item.key.len() / 6 + 1);
            each_word(item.key, &mut lower, |w| {
                let (id, new) = run.words.id(w);
                if new {
                    run.df.push(0);
                    run.seen.push(0);
                    run.first.push(place(item, list.len() as u32));
                }
                list.push(id);
                let i = id as usize;
                if run.seen[i] != stamp {
                    run.seen[i] = stamp;
                    run.df[i] += 1;
                }
            });
            run.lists.push((item.side, item.index, list));
        }
        run
    }
}

/// The words of a run of anchored units that the free units also say, counted: each unit
/// counts twice (for itself and its twin). Only looked up, never added: the table stays the
/// free units' (small, and shared by the threads), and no word is copied.
struct Tally {
    /// Per id of the table: units of the run holding the word, twice.
    df: Vec<u32>,
    /// Per id: where the run met the word first ([`place`]; `u64::MAX`: never).
    first: Vec<u64>,
}

impl Tally {
    fn read(items: &[Item], words: &Interner) -> Self {
        let n = words.names.len();
        let (mut df, mut first, mut seen) = (vec![0; n], vec![u64::MAX; n], vec![0u32; n]);
        let mut lower = String::new();
        for (pos, item) in items.iter().enumerate() {
            let stamp = pos as u32 + 1;
            let mut at = 0;
            each_word(item.key, &mut lower, |w| {
                if let Some(id) = words.get(w.as_str()) {
                    let i = id as usize;
                    if seen[i] != stamp {
                        seen[i] = stamp;
                        df[i] += 2;
                        first[i] = first[i].min(place(item, at));
                    }
                }
                at += 1;
            });
        }
        Tally { df, first }
    }
}

/// Drops a plural `s` so `Recommendations` and `Recommendation` meet; keeps `ss` and short words.
fn stem(w: &str) -> &str {
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..w.len() - 1]
    } else {
        w
    }
}

/// The section name of a division for a [`Place`]: its heading key (emphasis removed).
fn section_name(heading_key: &str, label: Option<&str>) -> String {
    if heading_key.is_empty() {
        label.unwrap_or_default().to_string()
    } else {
        heading_key.to_string()
    }
}

/// The units of one revision, with their keys; their words are read by [`Vocab::read`] once
/// the anchors are known. A clause with sub-items whose text is the text of a unit in `known`
/// (the other revision's units: most clauses are unchanged) takes that unit's key rather than
/// normalizing its whole text again.
pub(crate) fn units<'a>(res: &'a Resolution, known: &[Unit]) -> Vec<Unit<'a>> {
    let by_text: foldhash::HashMap<&str, &Unit> = known
        .iter()
        .filter(|u| matches!(u.text, Cow::Owned(_)))
        .map(|u| (&*u.text, u))
        .collect();
    let divisions = res.walk_divisions();
    // Sized once: a unit is about 200 bytes, and growing the vector by doubling copied it and
    // touched fresh memory several times over (a 500-clause text: 3-6% of a diff's time).
    let mut out = Vec::with_capacity(divisions.iter().map(|d| d.clauses.len()).sum());
    for (d, div) in divisions.into_iter().enumerate() {
        let section = section_name(
            &div.heading.key,
            div.label.as_ref().map(|l| l.norm.as_str()),
        );
        for clause in &div.clauses {
            // Without sub-items the text is the clause's own, whose key the parser computed.
            let (text, key) = if clause.items.is_empty() {
                (
                    Cow::Borrowed(clause.text.shown.as_str()),
                    Cow::Borrowed(clause.text.key.as_str()),
                )
            } else {
                let text = clause.full_shown();
                let key = match by_text.get(text.as_str()) {
                    Some(twin) => twin.key.to_string(),
                    None => comparison_key(&text),
                };
                (Cow::Owned(text), Cow::Owned(key))
            };
            out.push(Unit {
                index: out.len(),
                division: d,
                place: Place {
                    section: section.clone(),
                    label: clause.label.as_ref().map(|l| l.norm.clone()),
                },
                text,
                key_hash: key_hash(&key),
                key,
                words: Vec::new(),
                set: Vec::new(),
                dups: Vec::new(),
                set_weight: 0.0,
                words_weight: 0.0,
            });
        }
    }
    out
}

/// The hash of a comparison key, for [`Unit::key_hash`].
pub(crate) fn key_hash(key: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(key)
}

/// Words of a text joined from several units (for split / merge), as a transient unit: its
/// words, distinct words and repeated words.
pub(crate) fn joined(parts: &[&Unit<'_>]) -> (Vec<u32>, Vec<u32>, Vec<(u32, u32)>) {
    let words: Vec<u32> = parts.iter().flat_map(|u| u.words.iter().copied()).collect();
    let (set, dups) = set_and_dups(&words);
    (words, set, dups)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words as `split` cuts them, lower-cased and stemmed: what `each_word` must give.
    fn by_split(text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| stem(&w.to_lowercase()).to_string())
            .collect()
    }

    #[test]
    fn cut_keeps_every_item_in_order_in_even_parts() {
        let keys = ["aaaa", "bb", "cccccc", "d", "eeee", "ff"];
        let items: Vec<Item> = keys
            .iter()
            .enumerate()
            .map(|(index, key)| Item {
                side: 0,
                index,
                key,
                pos: index as u32,
            })
            .collect();
        let bytes = 21;
        let lens = |parts: &[&[Item]]| parts.iter().map(|p| p.len()).collect::<Vec<_>>();
        assert_eq!(lens(&cut(&items, 1, bytes)), [6]);
        // 21 bytes in two: the first part ends once it holds half (4 + 2 + 6 = 12).
        assert_eq!(lens(&cut(&items, 2, bytes)), [3, 3]);
        // In three: cut once a third (7) and two thirds (14) of the bytes are held.
        assert_eq!(lens(&cut(&items, 3, bytes)), [3, 2, 1]);
        // More parts than items: the last ones are empty, none is lost.
        assert_eq!(lens(&cut(&items, 8, bytes)), [1, 1, 1, 1, 1, 1, 0, 0]);
        assert_eq!(lens(&cut(&items[..0], 2, 0)), [0, 0]);
    }

    #[test]
    fn reading_in_runs_gives_the_ids_and_counts_of_one_reading() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("resolutions/wtsa-7");
        let load = |f: &str| crate::load(&dir.join(f), &Default::default()).unwrap();
        let (old, new) = (load("usa-48a5-1.txt"), load("geneva-2022.md"));
        let read = |parts| {
            let mut ou = units(&old, &[]);
            let mut nu = units(&new, &ou);
            let mut anchored = [vec![false; ou.len()], vec![false; nu.len()]];
            for (o, n) in super::super::matching::anchors(&ou, &nu, Spread::Here) {
                anchored[0][o] = true;
                anchored[1][n] = true;
            }
            assert!(anchored[0].contains(&true), "some clauses are unchanged");
            let mut vocab = Vocab::default();
            vocab.read_in([&mut ou, &mut nu], [&anchored[0], &anchored[1]], parts);
            let words = |us: &[Unit]| {
                us.iter()
                    .map(|u| (u.words.clone(), u.set.clone(), u.dups.clone()))
                    .collect::<Vec<_>>()
            };
            (vocab.names, vocab.df, words(&ou), words(&nu))
        };
        let one = read(Some(1));
        assert!(one.2.iter().any(|(w, _, _)| !w.is_empty()));
        for parts in [None, Some(2), Some(3), Some(7), Some(500)] {
            assert!(read(parts) == one, "{parts:?} runs");
        }
    }

    #[test]
    fn the_vocabulary_is_the_free_units_words_numbered_as_one_reading_of_every_unit() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("resolutions/wtsa-7");
        let load = |f: &str| crate::load(&dir.join(f), &Default::default()).unwrap();
        let (old, new) = (load("usa-48a5-1.txt"), load("geneva-2022.md"));
        let ou = units(&old, &[]);
        let nu = units(&new, &ou);
        let mut anchored = [vec![false; ou.len()], vec![false; nu.len()]];
        for (o, n) in super::super::matching::anchors(&ou, &nu, Spread::Here) {
            anchored[0][o] = true;
            anchored[1][n] = true;
        }
        // The definition: every old unit, then the new free ones, read in turn; an anchored
        // old unit counts for its twin too; only words some free unit says are kept.
        let words_of = |u: &Unit| {
            let mut out = Vec::new();
            each_word(&u.key, &mut String::new(), |w| {
                out.push(w.as_str().to_string())
            });
            out
        };
        let mut order: Vec<String> = Vec::new();
        let mut df: std::collections::HashMap<String, u32> = Default::default();
        let mut said_free = std::collections::HashSet::new();
        let reading = (ou.iter().map(|u| (u, anchored[0][u.index]))).chain(
            nu.iter()
                .map(|u| (u, anchored[1][u.index]))
                .filter(|(_, a)| !a),
        );
        for (u, is_anchored) in reading {
            let words = words_of(u);
            let distinct: std::collections::HashSet<&String> = words.iter().collect();
            for w in &words {
                if !order.contains(w) {
                    order.push(w.clone());
                }
            }
            for w in distinct {
                *df.entry(w.clone()).or_default() += if is_anchored { 2 } else { 1 };
                if !is_anchored {
                    said_free.insert(w.clone());
                }
            }
        }
        order.retain(|w| said_free.contains(w));
        let expected_df: Vec<u32> = order.iter().map(|w| df[w]).collect();
        assert!(anchored[0].contains(&true) && anchored[0].contains(&false));
        for parts in [Some(1), Some(2), Some(5)] {
            let (mut ou, mut nu) = (ou.clone(), nu.clone());
            let mut vocab = Vocab::default();
            vocab.read_in([&mut ou, &mut nu], [&anchored[0], &anchored[1]], parts);
            assert_eq!(vocab.names, order, "{parts:?} runs");
            assert_eq!(vocab.df, expected_df, "{parts:?} runs");
            // Each free unit's word ids name its words, in order.
            for u in ou.iter().chain(&nu).filter(|u| !u.words.is_empty()) {
                let named: Vec<&str> = u
                    .words
                    .iter()
                    .map(|&id| vocab.names[id as usize].as_str())
                    .collect();
                assert_eq!(named, words_of(u), "{parts:?} runs");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn each_word_cuts_any_text_as_split_does(text in "([a-zA-Z0-9 ,.;()\\-]|é|É|ß|İ|\u{a0}|\u{2011}|²|ﬁ|Α){0,40}") {
            let mut got = Vec::new();
            each_word(&text, &mut String::new(), |w| got.push(w.as_str().to_string()));
            proptest::prop_assert_eq!(got, by_split(&text));
        }
    }

    #[test]
    fn lower_run_counts_the_leading_bytes_of_class_lower() {
        let by_class = |bytes: [u8; 8]| {
            (bytes.iter())
                .take_while(|&&b| CLASS[usize::from(b)] == LOWER)
                .count()
        };
        // Every byte value in each place, among lower-case letters.
        for place in 0..8 {
            for b in 0..=255u8 {
                let mut bytes = *b"abcdefgh";
                bytes[place] = b;
                assert_eq!(
                    lower_run(u64::from_le_bytes(bytes)),
                    by_class(bytes),
                    "{bytes:?}"
                );
            }
        }
        for bytes in [
            *b"09azAZ{/",
            *b"12345678",
            *b"`@[:az09",
            [0xFF; 8],
            [0x80; 8],
        ] {
            assert_eq!(
                lower_run(u64::from_le_bytes(bytes)),
                by_class(bytes),
                "{bytes:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn lower_run_agrees_with_the_byte_classes(bytes in proptest::array::uniform8(proptest::num::u8::ANY)) {
            let expected = bytes.iter().take_while(|&&b| CLASS[usize::from(b)] == LOWER).count();
            proptest::prop_assert_eq!(lower_run(u64::from_le_bytes(bytes)), expected);
        }
    }

    #[test]
    fn each_word_cuts_as_split_does() {
        for text in [
            "",
            "  ",
            "the Director of TSB, (ISO/IEC JTC 1); Recommendations ITU‑T X.509",
            "Élaborer des Normes; ÉTATS-UNIS d'Amérique, 2022",
            "ﬁnal ² résolutions ΑΒΓ straße İstanbul",
            "a)b)1)é)x",
            "words\u{a0}with\u{2011}odd\tspaces\nand lines",
        ] {
            let mut got = Vec::new();
            each_word(text, &mut String::new(), |w| {
                got.push(w.as_str().to_string())
            });
            assert_eq!(got, by_split(text), "{text:?}");
        }
    }
}
