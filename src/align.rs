//! Alignment: which clause of the old revision became which clause of the new one.
//!
//! Clauses are matched by what they say, never by label or position alone, in passes:
//! 1. exact anchors: equal comparison keys ([`matching::OldKeys::anchors`]);
//! 2. candidates through an inverted index of rare words ([`candidates`]), scored by a
//!    similarity of word sets and word order ([`similarity`]);
//! 3. an order-preserving chain of anchors and similar pairs ([`matching::chain`]);
//! 4. a move pass pairing leftovers anywhere above a stricter threshold;
//! 5. splits and merges ([`splitmerge`]): one clause against two adjacent ones joined.
//!
//! Every pass is deterministic: no time limits, no hash-map order, floats quantized.

mod apply;
mod buckets;
mod candidates;
mod editorial;
mod header;
pub use header::HEADER_FIELDS;
mod matching;
mod sections;
mod similarity;
mod splitmerge;
mod units;

pub use apply::apply;
pub use editorial::is_editorial;

use crate::inline;
use crate::model::{Op, Resolution, View, Warning};
use crate::report::{Change, Flags, Place, Report, SegmentOp, Side, Summary, DIFF_SCHEMA_VERSION};
use crate::threads::{both, map_beside, map_spread, Spread};
use buckets::Buckets;
use candidates::{Limits, Work};
use matching::{OldKeys, Weighted};
use similarity::{quantize, Scorer};
use splitmerge::SplitCtx;
use units::{units, Unit, Vocab};

/// Thresholds of the aligner. Build with [`CompareOptions::default`] and the builder methods:
/// `CompareOptions::default().min_similarity(0.4).move_threshold(0.6)`.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareOptions {
    /// Least similarity for two clauses to pair in reading order (between anchors), in [0, 1].
    /// Default 0.3: a rewritten clause that keeps a third of its weighted words and their order
    /// is still the same clause when its neighbours agree.
    pub min_similarity: f64,
    /// Least similarity to pair clauses out of order or across sections (a move). Default 0.5:
    /// with no neighbours to vouch for it, a moved clause must say mostly the same thing.
    pub move_threshold: f64,
    /// How much better one clause must match adjacent clauses joined than its best single
    /// partner to be reported as a split (or merge): the join must remove this share of the
    /// dissimilarity left by the single partner (and gain at least 0.05). Default 0.5: a clause
    /// cut in a long and a short part still pairs 0.85 with the long part, and 1.0 with both.
    pub split_margin: f64,
    /// Share of word order (weighted LCS) in the similarity; the rest is word sets (weighted
    /// Dice). Default 0.5.
    pub order_weight: f64,
    /// How many of a clause's rarest words are looked up in the inverted index. Default 12.
    pub probe_words: usize,
    /// Words held by more clauses than this on the other side are not looked up. Default 500.
    pub max_postings: usize,
    /// Candidates kept per clause and direction, best first. Default 8.
    pub max_candidates: usize,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            min_similarity: 0.3,
            move_threshold: 0.5,
            split_margin: 0.5,
            order_weight: 0.5,
            probe_words: 12,
            max_postings: 500,
            max_candidates: 8,
        }
    }
}

impl CompareOptions {
    pub fn min_similarity(mut self, v: f64) -> Self {
        self.min_similarity = v;
        self
    }
    pub fn move_threshold(mut self, v: f64) -> Self {
        self.move_threshold = v;
        self
    }
    pub fn split_margin(mut self, v: f64) -> Self {
        self.split_margin = v;
        self
    }
    pub fn order_weight(mut self, v: f64) -> Self {
        self.order_weight = v;
        self
    }
    pub fn probe_words(mut self, v: usize) -> Self {
        self.probe_words = v;
        self
    }
    pub fn max_postings(mut self, v: usize) -> Self {
        self.max_postings = v;
        self
    }
    pub fn max_candidates(mut self, v: usize) -> Self {
        self.max_candidates = v;
        self
    }
}

/// Old units that became new units (one-to-one, one-to-many for a split, many-to-one for a merge).
#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    pub sim: f64,
}

/// From this many items, a map of a large comparison runs on every core (rayon's pool).
const PARALLEL_FROM: usize = 2048;

/// From this many units (both revisions: about 10,000 clauses a side), work is spread over
/// rayon's pool, a thread per core; below, over two threads at most. Starting the pool creates
/// its threads, each with a fresh heap of the allocator (its first huge pages zeroed by the
/// kernel), while its first task waits. Measured whole-process, two threads against the pool
/// (benches/README.md, fourteenth session): 5,000 clauses 31.4 -> 29.7 ms, 10,000 clauses the
/// same within 1%, 20,000 and 50,000 clauses 1-3% slower (so they keep the pool).
const POOL_FROM_UNITS: usize = 20_000;

/// From this many units (both revisions: a resolution of about 200 clauses), a smaller map
/// runs on two threads: its shares then take longer than creating the second thread. Below,
/// everything runs on the calling thread: a small resolution is done before a second core
/// wakes up.
const TWO_THREADS_FROM_UNITS: usize = 400;

/// The threads a comparison of `units` units may use: rayon's pool, two, or the calling one.
fn threads_for(units: usize) -> Spread {
    if units >= POOL_FROM_UNITS {
        Spread::Cores
    } else if units >= TWO_THREADS_FROM_UNITS {
        Spread::Two
    } else {
        Spread::Here
    }
}

/// The spread for `items` items of a comparison of `units` units: the pool only for many
/// items, two threads for two items or more.
fn spread(items: usize, units: usize) -> Spread {
    match threads_for(units) {
        Spread::Cores if items >= PARALLEL_FROM => Spread::Cores,
        Spread::Here => Spread::Here,
        _ if items >= 2 => Spread::Two,
        _ => Spread::Here,
    }
}

/// Chain weight of an exact anchor: above any chain of similar pairs it could cross locally.
const ANCHOR_WEIGHT: i64 = 4_000_000;

/// Compares two revisions of a resolution clause by clause.
pub fn compare(old: &Resolution, new: &Resolution, options: &CompareOptions) -> Report {
    compare_beside(old, new, options, || ()).0
}

/// The units of both revisions once the report is made. Dropping them frees thousands of small
/// vectors (0.2 ms at 5,000 clauses): [`compare_beside`] leaves that to its caller, which can
/// do it beside other work.
pub(crate) struct Leftovers<'a> {
    _units: [Vec<Unit<'a>>; 2],
}

/// [`compare`], and `beside()` at the same time as the passes after the scoring (chain, moves,
/// splits and merges), which need each other's results and use one core: the passes are
/// offered to the second thread and `beside` runs on this one (`threads::both`). The
/// flattened-mark evidence runs there (`crate::compare`). It used to
/// take its share of the scoring, which every core runs anyway: at 50,000 clauses the passes
/// take about 26 ms and the evidence 25 ms, so the evidence now costs the scoring nothing
/// (benches/README.md, twenty-fifth session).
pub(crate) fn compare_beside<'a, P: Send>(
    old: &'a Resolution,
    new: &'a Resolution,
    options: &CompareOptions,
    beside: impl FnOnce() -> P + Send,
) -> (Report, P, Leftovers<'a>) {
    // On two threads, each side's units are built on its own: the new side then normalizes
    // its clauses with sub-items itself, rather than take the old twin's key (`units`). The
    // old side's keys are numbered with them, for the anchors.
    let clauses = old.clause_count() + new.clause_count();
    let old_side = || {
        let ou = units(old, &[]);
        let keys = OldKeys::new(&ou);
        (ou, keys)
    };
    let ((mut ou, old_keys), mut nu) = if threads_for(clauses) == Spread::Here {
        let (ou, keys) = old_side();
        let nu = units(new, &ou);
        ((ou, keys), nu)
    } else {
        both(old_side, || units(new, &[]))
    };
    // 1. Exact anchors, by key: their words are only counted, never scored.
    // Their lookups on every core for a large text only: at 5,000 clauses (0.3 ms of them),
    // two threads took 0.24 ms longer than one.
    let lookups = match threads_for(ou.len() + nu.len()) {
        Spread::Cores => Spread::Cores,
        _ => Spread::Here,
    };
    let anchors = old_keys.anchors(&ou, &nu, lookups);
    drop(old_keys);
    let mut old_anchored = vec![false; ou.len()];
    let mut new_anchored = vec![false; nu.len()];
    for &(o, n) in &anchors {
        old_anchored[o] = true;
        new_anchored[n] = true;
    }
    let mut vocab = Vocab::default();
    vocab.read([&mut ou, &mut nu], [&old_anchored, &new_anchored]);
    let order_weight = options.order_weight.clamp(0.0, 1.0);
    let scorer = Scorer::with_fixed(&vocab.idf, &vocab.fixed, order_weight);
    let (groups, beside) = align_units(
        &ou,
        &nu,
        &anchors,
        [&old_anchored, &new_anchored],
        &scorer,
        options,
        beside,
    );
    let report = build_report(old, new, &mut ou, &mut nu, groups);
    debug_assert_eq!(
        apply(&report, old),
        nu.iter().map(|u| u.text.to_string()).collect::<Vec<_>>(),
        "the report must rebuild the new revision"
    );
    let leftovers = Leftovers { _units: [ou, nu] };
    (report, beside, leftovers)
}

/// All passes of the alignment; returns the groups of paired units, and `beside()`, run
/// beside the passes after the scoring (see [`compare_beside`]).
fn align_units<P: Send>(
    ou: &[Unit],
    nu: &[Unit],
    anchors: &[(usize, usize)],
    [old_anchored, new_anchored]: [&[bool]; 2],
    scorer: &Scorer<'_>,
    options: &CompareOptions,
    beside: impl FnOnce() -> P + Send,
) -> (Vec<Group>, P) {
    let free = [old_anchored, new_anchored].map(|a| a.iter().map(|&a| !a).collect::<Vec<_>>());
    // 2. Candidates among the rest, scored.
    let limits = Limits {
        probe_words: options.probe_words.max(1),
        max_postings: options.max_postings.max(1),
        per_unit: options.max_candidates.max(1),
    };
    let work = Work::for_units(ou.len() + nu.len());
    let cands = candidates::candidates(ou, nu, &free[0], &free[1], scorer.idf, &limits, work);
    // Scores are only compared with these thresholds: pairs that cannot reach the lower one
    // skip the word-order LCS (most candidates of a large text).
    let floor = options.min_similarity.min(options.move_threshold);
    let spread = spread(cands.len(), ou.len() + nu.len());
    let score = |&(o, n): &(usize, usize)| {
        let (a, b) = (&ou[o], &nu[n]);
        let s = scorer.similarity_from(&a.profile(), &b.profile(), floor);
        (o, n, s)
    };
    let scored = map_spread(&cands, spread, score);
    let passes = || one_thread_passes([ou, nu], anchors, &scored, &cands, scorer, options, free);
    if spread == Spread::Here {
        (passes(), beside())
    } else {
        both(passes, beside)
    }
}

/// Steps 3 to 5 of the alignment, on the scored candidates: each needs the result of the last.
/// `free`: the units of each side not anchored.
fn one_thread_passes(
    [ou, nu]: [&[Unit]; 2],
    anchors: &[(usize, usize)],
    scored: &[(usize, usize, f64)],
    cands: &[(usize, usize)],
    scorer: &Scorer<'_>,
    options: &CompareOptions,
    [mut old_free, mut new_free]: [Vec<bool>; 2],
) -> Vec<Group> {
    // 3. Order-preserving chain of anchors and similar pairs.
    let eligible: Vec<&(usize, usize, f64)> = scored
        .iter()
        .filter(|s| s.2 >= options.min_similarity)
        .collect();
    // Sized once: at 50,000 clauses these vectors are megabytes, and growing them by doubling
    // touches (and copies) fresh memory several times over.
    let n_anchors = anchors.len();
    let mut weighted: Vec<Weighted> = Vec::with_capacity(n_anchors + eligible.len());
    weighted.extend(anchors.iter().map(|&(old, new)| Weighted {
        old,
        new,
        weight: ANCHOR_WEIGHT,
    }));
    weighted.extend(eligible.iter().map(|&&(old, new, s)| Weighted {
        old,
        new,
        // Squared: one strong pair outweighs two weak ones that cross it.
        weight: (s * s * 1e6).round() as i64,
    }));
    // Every group holds at least one unit of each side.
    let mut groups: Vec<Group> = Vec::with_capacity(ou.len().min(nu.len()));
    groups.extend(anchors.iter().map(|&(o, n)| Group {
        old: vec![o],
        new: vec![n],
        sim: 1.0,
    }));
    for id in matching::chain(&weighted, nu.len()) {
        if id >= n_anchors {
            let &(o, n, s) = eligible[id - n_anchors];
            old_free[o] = false;
            new_free[n] = false;
            groups.push(Group {
                old: vec![o],
                new: vec![n],
                sim: s,
            });
        }
    }
    // 4. Moves: leftovers paired anywhere, best first.
    let movable: Vec<(usize, usize, f64)> = scored
        .iter()
        .copied()
        .filter(|&(o, n, s)| s >= options.move_threshold && old_free[o] && new_free[n])
        .collect();
    for (o, n, s) in matching::greedy(movable, &mut old_free, &mut new_free) {
        groups.push(Group {
            old: vec![o],
            new: vec![n],
            sim: s,
        });
    }
    // 5. Splits, then merges (the same search with the sides swapped).
    let mut old_group = vec![None; ou.len()];
    let mut new_group = vec![None; nu.len()];
    for (g, grp) in groups.iter().enumerate() {
        grp.old.iter().for_each(|&o| old_group[o] = Some(g));
        grp.new.iter().for_each(|&n| new_group[n] = Some(g));
    }
    let ctx = SplitCtx {
        one: ou,
        many: nu,
        scorer,
        min_similarity: options.min_similarity,
        margin: options.split_margin,
        candidates: cands,
    };
    splitmerge::find_splits(&ctx, &mut groups, &mut old_group, &mut new_group);
    let flipped: Vec<(usize, usize)> = cands.iter().map(|&(o, n)| (n, o)).collect();
    let transpose = |groups: &mut Vec<Group>| {
        groups
            .iter_mut()
            .for_each(|g| std::mem::swap(&mut g.old, &mut g.new))
    };
    transpose(&mut groups);
    let ctx = SplitCtx {
        one: nu,
        many: ou,
        scorer,
        min_similarity: options.min_similarity,
        margin: options.split_margin,
        candidates: &flipped,
    };
    splitmerge::find_splits(&ctx, &mut groups, &mut new_group, &mut old_group);
    transpose(&mut groups);
    groups
}

/// For each old division, the new division that continues it: the same heading if the new
/// revision has it, else where most of its clauses went.
///
/// Among several new divisions with the same heading (a long text repeats `considering`), the
/// one that most of its clauses went to wins, then the first. Only the divisions that received
/// clauses are counted, so the cost grows with the pairs, not with the square of the divisions.
fn division_counterparts(ou: &[Unit], nu: &[Unit], groups: &[Group]) -> Vec<Option<usize>> {
    let divisions = |units: &[Unit]| units.iter().map(|u| u.division + 1).max().unwrap_or(0);
    // Per old division: (new division, clauses that went there), in order of first vote.
    let mut votes: Vec<Vec<(usize, usize)>> = vec![Vec::new(); divisions(ou)];
    for g in groups {
        for &o in &g.old {
            for &n in &g.new {
                let v = &mut votes[ou[o].division];
                let d = nu[n].division;
                match v.iter_mut().find(|(to, _)| *to == d) {
                    Some((_, count)) => *count += 1,
                    None => v.push((d, 1)),
                }
            }
        }
    }
    // The first new division of each heading, and the heading of every new division.
    let mut first_by_name: foldhash::HashMap<&str, usize> = Default::default();
    let mut name_of: Vec<&str> = vec![""; divisions(nu)];
    for u in nu {
        first_by_name.entry(&u.place.section).or_insert(u.division);
        name_of[u.division] = &u.place.section;
    }
    // Most votes, then the earlier division.
    let best = |among: &mut dyn Iterator<Item = &(usize, usize)>| {
        among
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|&(d, _)| d)
    };
    let mut out = vec![None; votes.len()];
    for u in ou {
        if out[u.division].is_some() {
            continue;
        }
        let v = &votes[u.division];
        let section = u.place.section.as_str();
        out[u.division] = match first_by_name.get(section) {
            // A division of that heading with votes beats every one without.
            Some(&first) => {
                best(&mut v.iter().filter(|(d, _)| name_of[*d] == section)).or(Some(first))
            }
            None => best(&mut v.iter()),
        };
    }
    out
}

/// Groups that keep the reading order of their neighbours (the others moved).
fn in_order(groups: &[Group], n_new: usize) -> Vec<bool> {
    let pairs: Vec<Weighted> = groups
        .iter()
        .map(|g| Weighted {
            old: g.old.iter().copied().min().unwrap_or(0),
            new: g.new.iter().copied().min().unwrap_or(0),
            // Keep as many in order as possible, then the most similar.
            weight: 1_000_000 + (g.sim * 1000.0).round() as i64,
        })
        .collect();
    let mut out = vec![false; groups.len()];
    for id in matching::chain(&pairs, n_new) {
        out[id] = true;
    }
    out
}

fn side(res: &Resolution) -> Side {
    Side {
        path: res.source.path.clone(),
        format: res.source.format.as_str().to_string(),
        view: res.source.view.map(|v| {
            match v {
                View::Before => "before",
                View::After => "after",
            }
            .to_string()
        }),
        heading: res
            .header
            .heading
            .as_ref()
            .map(|h| h.shown.trim().to_string()),
    }
}

/// The texts of some units, one per line (borrowed for a single unit), with the length of
/// each part when there are several.
fn join_texts<'u>(units: &'u [Unit], ids: &[usize]) -> (std::borrow::Cow<'u, str>, Vec<usize>) {
    if let [one] = ids {
        return (
            std::borrow::Cow::Borrowed(units[*one].text.as_ref()),
            Vec::new(),
        );
    }
    let texts: Vec<&str> = ids.iter().map(|&i| units[i].text.as_ref()).collect();
    let lens = texts.iter().map(|t| t.len()).collect();
    (std::borrow::Cow::Owned(texts.join("\n")), lens)
}

/// The comparison keys of some units, one after another (borrowed for a single unit).
fn join_keys<'u>(units: &'u [Unit], ids: &[usize]) -> std::borrow::Cow<'u, str> {
    match ids {
        [one] => std::borrow::Cow::Borrowed(units[*one].key.as_ref()),
        _ => {
            let keys: Vec<&str> = ids.iter().map(|&i| units[i].key.as_ref()).collect();
            std::borrow::Cow::Owned(keys.join(" "))
        }
    }
}

/// One change per group and per unpaired unit, in the reading order of the new revision.
/// Each unit's place and each group's unit lists move into the changes (a unit is in one
/// change only): copying them cost six allocations per change, 5-7 ms at 50,000 clauses.
fn build_report(
    old: &Resolution,
    new: &Resolution,
    ou: &mut [Unit],
    nu: &mut [Unit],
    mut groups: Vec<Group>,
) -> Report {
    groups.iter_mut().for_each(|g| {
        g.old.sort_unstable();
        g.new.sort_unstable();
    });
    let mut old_paired = vec![false; ou.len()];
    let mut new_of_old: Vec<Option<usize>> = vec![None; ou.len()];
    let capacity = ou.len() + nu.len();
    // The word-level diffs, one per group, on two threads or every core (the costly part of
    // the report), while this thread first finds where each division went and which groups
    // kept their order. The changes themselves are made here: made on the pool's threads, they
    // raised the peak memory of a 50,000-clause diff by 17 MB, for no time saved.
    let spread = spread(groups.len(), ou.len() + nu.len());
    let (ou_ref, nu_ref) = (&*ou, &*nu);
    let (diffs, (counterpart, renamed, ordered)) = map_beside(
        &groups,
        spread,
        |g| {
            let (old_text, old_lens) = join_texts(ou_ref, &g.old);
            let (new_text, new_lens) = join_texts(nu_ref, &g.new);
            let (op, inline, sim) = if unchanged(ou_ref, nu_ref, g) {
                (Op::Noc, inline::equal_run(&old_text, &new_text), 1.0)
            } else {
                (Op::Mod, inline::diff(&old_text, &new_text), quantize(g.sim))
            };
            let editorial = op == Op::Mod && {
                let (o, n) = (join_keys(ou_ref, &g.old), join_keys(nu_ref, &g.new));
                editorial::is_editorial_key(&o, &n)
                    && crate::bidi::same_controls(&old_text, &new_text)
            };
            (op, inline, sim, editorial, old_lens, new_lens)
        },
        || {
            let counterpart = division_counterparts(ou_ref, nu_ref, &groups);
            let renamed = sections::renamed(old, new, &counterpart);
            let ordered = in_order(&groups, nu_ref.len());
            (counterpart, renamed, ordered)
        },
    );
    // Where each change goes: a group by its first new unit, an added unit by its index, a
    // suppressed unit right after the change of the nearest old unit before it that kept its
    // place. The changes are then made in that order, each moved once into its place: made
    // first and sorted after, each (184 bytes) was moved again along the permutation's
    // cycles, 6 ms at 50,000 clauses.
    let mut new_paired = vec![false; nu.len()];
    let mut keys: Vec<(i64, u8, Source)> = Vec::with_capacity(capacity);
    for (gi, g) in groups.iter().enumerate() {
        for &o in &g.old {
            old_paired[o] = true;
            if ordered[gi] {
                new_of_old[o] = g.new.first().copied();
            }
        }
        g.new.iter().for_each(|&n| new_paired[n] = true);
        keys.push((g.new[0] as i64, 0, Source::Group(gi)));
    }
    keys.extend(
        (0..nu.len())
            .filter(|&n| !new_paired[n])
            .map(|n| (n as i64, 0, Source::Added(n))),
    );
    let mut after: i64 = -1;
    for o in 0..ou.len() {
        if let Some(n) = new_of_old[o] {
            after = n as i64;
        }
        if !old_paired[o] {
            keys.push((after, 1, Source::Suppressed(o)));
        }
    }
    // No two groups or added units share a place; suppressed units that do keep their
    // reading order (they were listed in it).
    let keys = by_place(keys, nu.len());
    let mut groups: Vec<Option<Group>> = groups.into_iter().map(Some).collect();
    let mut diffs: Vec<Option<_>> = diffs.into_iter().map(Some).collect();
    let mut changes: Vec<Change> = Vec::with_capacity(keys.len());
    for &(_, _, source) in &keys {
        let gi = match source {
            Source::Group(gi) => gi,
            Source::Added(n) => {
                changes.push(unpaired(Op::Add, &mut nu[n], SegmentOp::Insert));
                continue;
            }
            Source::Suppressed(o) => {
                changes.push(unpaired(Op::Sup, &mut ou[o], SegmentOp::Delete));
                continue;
            }
        };
        let (Some(g), Some((op, inline, sim, editorial, old_lens, new_lens))) =
            (groups[gi].take(), diffs[gi].take())
        else {
            unreachable!("each group is made into one change");
        };
        let single = g.old.len() == 1 && g.new.len() == 1;
        let moved = !ordered[gi]
            || g.old
                .iter()
                .zip(&g.new)
                .any(|(&o, &n)| counterpart[ou[o].division] != Some(nu[n].division));
        let flags = Flags {
            renumbered: single && ou[g.old[0]].place.label != nu[g.new[0]].place.label,
            moved,
            split: g.new.len() > 1,
            merged: g.old.len() > 1,
            editorial,
        };
        changes.push(Change {
            op,
            old: g.old.iter().map(|&o| take(&mut ou[o].place)).collect(),
            new: g.new.iter().map(|&n| take(&mut nu[n].place)).collect(),
            similarity: sim,
            flags,
            inline,
            old_units: g.old,
            new_units: g.new,
            old_part_lens: old_lens,
            new_part_lens: new_lens,
        });
    }
    let mut summary = Summary::default();
    for c in &changes {
        match c.op {
            Op::Noc => summary.noc += 1,
            Op::Mod => summary.modified += 1,
            Op::Add => summary.add += 1,
            Op::Sup => summary.sup += 1,
        }
        summary.editorial += usize::from(c.flags.editorial);
        summary.renumbered += usize::from(c.flags.renumbered);
        summary.moved += usize::from(c.flags.moved);
    }
    let prefixed = |who: &str, ws: &[Warning]| -> Vec<Warning> {
        ws.iter()
            .map(|w| Warning {
                message: format!("{who}: {}", w.message),
                ..w.clone()
            })
            .collect()
    };
    let mut warnings = prefixed("old", &old.warnings);
    warnings.extend(prefixed("new", &new.warnings));
    let mut header = header::header_changes(&old.header, &new.header);
    header.extend(renamed);
    Report {
        schema_version: DIFF_SCHEMA_VERSION,
        old: side(old),
        new: side(new),
        summary,
        header,
        changes,
        warnings,
    }
}

/// `keys` sorted, for places from -1 to `places - 1`, when no two keys of rank 0 share a place
/// and the keys that share a place and rank are listed in order: grouped by place and rank
/// ([`Buckets`], linear and stable), not sorted (0.2 ms at 5,000 clauses, one thread waiting).
fn by_place(keys: Vec<(i64, u8, Source)>, places: usize) -> Vec<(i64, u8, Source)> {
    let bucket =
        |&(place, rank, _): &(i64, u8, Source)| (place + 1) as usize * 2 + usize::from(rank);
    let order = Buckets::new(keys.iter().map(bucket).zip(0..), (places + 1) * 2);
    let out: Vec<_> = order.all().iter().map(|&i| keys[i]).collect();
    debug_assert!(out.is_sorted());
    out
}

/// What a change of the report is made from: a group, or a unit with no partner (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Group(usize),
    Added(usize),
    Suppressed(usize),
}

/// A unit's place, moved out (into its change) and left empty.
fn take(place: &mut Place) -> Place {
    std::mem::replace(
        place,
        Place {
            section: String::new(),
            label: None,
        },
    )
}

/// Is `g` one unit on each side with the same comparison key (a NOC)?
fn unchanged(ou: &[Unit], nu: &[Unit], g: &Group) -> bool {
    matches!((&g.old[..], &g.new[..]), ([o], [n]) if ou[*o].key == nu[*n].key)
}

/// An ADD or SUP change for a unit with no partner (its place moves into the change).
fn unpaired(op: Op, u: &mut Unit, seg: SegmentOp) -> Change {
    let place = take(&mut u.place);
    let (old, new, old_units, new_units) = if op == Op::Add {
        (vec![], vec![place], vec![], vec![u.index])
    } else {
        (vec![place], vec![], vec![u.index], vec![])
    };
    Change {
        op,
        old,
        new,
        similarity: 0.0,
        flags: Flags::default(),
        inline: inline::whole(seg, &u.text),
        old_units,
        new_units,
        old_part_lens: Vec::new(),
        new_part_lens: Vec::new(),
    }
}
