//! History: one resolution through many revisions, clause by clause.
//!
//! Each pair of consecutive revisions is aligned with [`crate::compare`]; the pairings are then
//! chained into *lineages*: the connected groups of clauses that the pairwise alignments link
//! across all revisions. A lineage keeps its identity through renumbering and moves (the aligner
//! pairs clauses by what they say), and through splits and merges (the clauses joined by a split
//! or a merge stay in one lineage, so a cell may hold several places).

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{compare, CompareOptions};
use crate::error::{Error, Result};
use crate::model::{Op, Resolution, Warning};
use crate::report::{Flags, Place, Report, Side};

/// Version of the JSON produced by `resdiff history --format json`.
pub const HISTORY_SCHEMA_VERSION: u32 = 1;

/// The history of a resolution through its revisions (oldest first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub schema_version: u32,
    /// The revisions, oldest first.
    pub revisions: Vec<Side>,
    /// One per clause identity, in the reading order of the newest revision; a lineage that
    /// ended earlier sits after the clause it followed when it was last present.
    pub lineages: Vec<Lineage>,
    /// For each clause of the newest revision (reading order): where it came from.
    pub blame: Vec<Blame>,
    /// Warnings about the inputs, prefixed with the revision number (`r1: ...`).
    pub warnings: Vec<Warning>,
    /// The pairwise reports, `steps[i]` from revision `i` to `i + 1` (not serialized: the
    /// per-step diffs are rendered separately; kept for renderers that link into them).
    #[serde(skip)]
    pub steps: Vec<Report>,
}

/// One clause identity across revisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lineage {
    /// Per revision: the places of the lineage's clauses there (empty when absent; two or more
    /// after a split or before a merge).
    pub cells: Vec<Vec<Place>>,
    /// Per revision: indices of those clauses in `Resolution::clauses()`.
    pub units: Vec<Vec<usize>>,
    /// Per step `i` (revision `i` to `i + 1`): what happened, `None` when absent from both.
    pub steps: Vec<Option<Step>>,
}

/// What one step did to a lineage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub op: Op,
    /// Flags of the step's change(s), joined.
    pub flags: Flags,
}

/// Where a clause of the newest revision came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blame {
    /// Its place in the newest revision.
    pub place: Place,
    /// Index of its lineage in [`History::lineages`].
    pub lineage: usize,
    /// The revision (index) where the clause first appeared.
    pub first_seen: usize,
    /// The revision (index) that last changed its wording (its first appearance if none did).
    pub last_changed: usize,
}

impl Lineage {
    /// First revision where the lineage is present.
    pub fn first(&self) -> Option<usize> {
        self.cells.iter().position(|c| !c.is_empty())
    }
    /// Last revision where the lineage is present.
    pub fn last(&self) -> Option<usize> {
        self.cells.iter().rposition(|c| !c.is_empty())
    }
}

/// Union-find over the clauses of all revisions.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller root wins, so the result does not depend on the order of unions.
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi] = lo;
        }
    }
}

/// Builds the history of `revisions` (oldest first; at least two).
pub fn history(revisions: &[Resolution], options: &CompareOptions) -> Result<History> {
    if revisions.len() < 2 {
        return Err(Error::Other {
            path: revisions
                .first()
                .map(|r| r.source.path.clone().into())
                .unwrap_or_default(),
            message: "a history needs at least two revisions; give two files or more".into(),
        });
    }
    let steps: Vec<Report> = revisions
        .par_windows(2)
        .map(|w| compare(&w[0], &w[1], options))
        .collect();
    Ok(from_reports(revisions, steps))
}

/// Chains the pairwise reports into lineages.
fn from_reports(revisions: &[Resolution], steps: Vec<Report>) -> History {
    let counts: Vec<usize> = revisions.iter().map(|r| r.clauses().len()).collect();
    let offsets: Vec<usize> = counts
        .iter()
        .scan(0, |acc, &n| {
            let o = *acc;
            *acc += n;
            Some(o)
        })
        .collect();
    let total: usize = counts.iter().sum();
    let node = |r: usize, u: usize| offsets[r] + u;
    let mut places: Vec<Vec<Option<Place>>> = counts.iter().map(|&n| vec![None; n]).collect();
    let mut sets = Sets((0..total).collect());
    for (i, rep) in steps.iter().enumerate() {
        for c in &rep.changes {
            for (&o, p) in c.old_units.iter().zip(&c.old) {
                if o < counts[i] {
                    places[i][o] = Some(p.clone());
                }
            }
            for (&n, p) in c.new_units.iter().zip(&c.new) {
                if n < counts[i + 1] {
                    places[i + 1][n] = Some(p.clone());
                }
            }
            let ends = c
                .old_units
                .iter()
                .map(|&o| node(i, o))
                .chain(c.new_units.iter().map(|&n| node(i + 1, n)))
                .filter(|&x| x < total)
                .collect::<Vec<_>>();
            for w in ends.windows(2) {
                sets.union(w[0], w[1]);
            }
        }
    }
    // Lineages numbered by their root; cells filled in reading order of each revision.
    let n_rev = revisions.len();
    let mut lineage_of_root: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut lineages: Vec<Lineage> = Vec::new();
    let mut lineage_of: Vec<Vec<usize>> = counts.iter().map(|&n| vec![0; n]).collect();
    for r in 0..n_rev {
        for u in 0..counts[r] {
            let root = sets.find(node(r, u));
            let id = *lineage_of_root.entry(root).or_insert_with(|| {
                lineages.push(Lineage {
                    cells: vec![Vec::new(); n_rev],
                    units: vec![Vec::new(); n_rev],
                    steps: vec![None; n_rev - 1],
                });
                lineages.len() - 1
            });
            lineage_of[r][u] = id;
            let place = places[r][u].clone().unwrap_or_else(|| Place {
                section: String::new(),
                label: None,
            });
            lineages[id].cells[r].push(place);
            lineages[id].units[r].push(u);
        }
    }
    for (i, rep) in steps.iter().enumerate() {
        for c in &rep.changes {
            let id = match (c.old_units.first(), c.new_units.first()) {
                (Some(&o), _) if o < counts[i] => lineage_of[i][o],
                (_, Some(&n)) if n < counts[i + 1] => lineage_of[i + 1][n],
                _ => continue,
            };
            let step = lineages[id].steps[i].get_or_insert(Step {
                op: c.op,
                flags: Flags::default(),
            });
            step.op = join_op(step.op, c.op);
            let f = &mut step.flags;
            f.renumbered |= c.flags.renumbered;
            f.moved |= c.flags.moved;
            f.split |= c.flags.split;
            f.merged |= c.flags.merged;
            f.editorial |= c.flags.editorial;
        }
        // A step with both sides is a MOD at least when its parts disagree (e.g. ADD + NOC
        // inside one lineage); editorial only if every part was.
        for l in &mut lineages {
            if let Some(s) = &mut l.steps[i] {
                let both = !l.cells[i].is_empty() && !l.cells[i + 1].is_empty();
                if both && matches!(s.op, Op::Add | Op::Sup) {
                    s.op = Op::Mod;
                }
                if s.op != Op::Mod {
                    s.flags.editorial = false;
                }
            }
        }
    }
    let order = reading_order(&lineages, &lineage_of);
    let mut renumber = vec![0; lineages.len()];
    for (new_id, &old_id) in order.iter().enumerate() {
        renumber[old_id] = new_id;
    }
    let mut sorted: Vec<Option<Lineage>> = lineages.into_iter().map(Some).collect();
    let lineages: Vec<Lineage> = order.iter().filter_map(|&i| sorted[i].take()).collect();
    let last = n_rev - 1;
    let blame = (0..counts[last])
        .map(|u| {
            let id = renumber[lineage_of[last][u]];
            let l = &lineages[id];
            let first_seen = l.first().unwrap_or(last);
            let last_changed = (0..l.steps.len())
                .rev()
                .find(|&i| {
                    l.steps[i].is_some_and(|s| matches!(s.op, Op::Mod | Op::Add))
                        && !l.cells[i + 1].is_empty()
                })
                .map(|i| i + 1)
                .unwrap_or(first_seen)
                .max(first_seen);
            Blame {
                place: places[last][u].clone().unwrap_or_else(|| Place {
                    section: String::new(),
                    label: None,
                }),
                lineage: id,
                first_seen,
                last_changed,
            }
        })
        .collect();
    let mut warnings = Vec::new();
    for (r, res) in revisions.iter().enumerate() {
        for w in &res.warnings {
            warnings.push(Warning {
                message: format!("r{}: {}", r + 1, w.message),
                ..w.clone()
            });
        }
    }
    History {
        schema_version: HISTORY_SCHEMA_VERSION,
        revisions: side_list(&steps),
        lineages,
        blame,
        warnings,
        steps,
    }
}

fn side_list(steps: &[Report]) -> Vec<Side> {
    let mut out: Vec<Side> = steps.iter().map(|s| s.old.clone()).collect();
    if let Some(last) = steps.last() {
        out.push(last.new.clone());
    }
    out
}

/// Two ops met in one step of one lineage.
fn join_op(a: Op, b: Op) -> Op {
    match (a, b) {
        (x, y) if x == y => x,
        (Op::Noc, y) => y,
        (x, Op::Noc) => x,
        _ => Op::Mod,
    }
}

/// Rows in the reading order of the newest revision; a lineage that is absent there is placed
/// right after the lineage that preceded it in the newest revision where it was present.
fn reading_order(lineages: &[Lineage], lineage_of: &[Vec<usize>]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::new();
    let mut placed = vec![false; lineages.len()];
    for rev in lineage_of.iter().rev() {
        let mut prev: Option<usize> = None;
        for &id in rev {
            if !placed[id] {
                let at = match prev {
                    Some(p) => order.iter().position(|&x| x == p).map_or(0, |k| k + 1),
                    None => 0,
                };
                // After the predecessor and after lineages already inserted behind it from
                // this same revision, so they keep their own order.
                let mut at = at;
                while at < order.len() && inserted_here(order[at], rev, id) {
                    at += 1;
                }
                order.insert(at, id);
                placed[id] = true;
            }
            prev = Some(id);
        }
    }
    order
}

/// True when `other` comes before `id` in this revision's clause order (both present there).
fn inserted_here(other: usize, rev: &[usize], id: usize) -> bool {
    let pos = |x: usize| rev.iter().position(|&y| y == x);
    match (pos(other), pos(id)) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    }
}
