//! Review: several proposals on one base text, side by side, clause by clause, after the parts
//! of the heading they change (title, revision, history, section headings).
//!
//! Each proposal is aligned with the base ([`crate::compare`]). Its edits inside a clause are
//! mapped to token ranges of the base clause, so two proposals conflict only when they change
//! the same words differently, agree when they make the same edit, and are compatible when they
//! touch different words. A proposal that carries its own *before* text (a .docx with revision
//! marks) is checked against the base: if it differs, it was written against another revision
//! (stale). With a final text, every change is judged adopted, adopted with changes, or not.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::align::{compare, CompareOptions};
use crate::error::Result;
use crate::inline::{apply_new, tokenize};
use crate::model::{Format, Op, Resolution, View, Warning};
use crate::normalize::fold_typography;
use crate::read::{load, LoadOptions};
use crate::report::{Change, Place, Report, Segment, SegmentOp, Side};

/// Version of the JSON produced by `resdiff review --format json`.
pub const REVIEW_SCHEMA_VERSION: u32 = 1;

/// A proposal: its text after the proposed changes and, when known, the text it was written
/// against (the Before view of a .docx with revision marks).
#[derive(Debug, Clone)]
pub struct Proposal {
    pub after: Resolution,
    pub before: Option<Resolution>,
}

/// Loads a proposal; a .docx with revision marks is read in both views.
pub fn load_proposal(path: &Path, options: &LoadOptions) -> Result<Proposal> {
    let after = load(path, options)?;
    let before = if after.source.format == Format::Docx && !after.revisions.is_empty() {
        let opts = LoadOptions {
            view: Some(View::Before),
            ..options.clone()
        };
        Some(load(path, &opts)?)
    } else {
        None
    };
    Ok(Proposal { after, before })
}

/// The synoptic review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub schema_version: u32,
    pub base: Side,
    pub proposals: Vec<ProposalInfo>,
    pub outcome: Option<Side>,
    /// The parts of the heading some proposal changes (title, revision, history, a section
    /// heading, ...), in the base's order: without them a proposal that only renames a section
    /// or retitles the resolution read as changing nothing.
    #[serde(default)]
    pub heading: Vec<HeadingRow>,
    /// One row per clause of the base, and rows for added clauses where they would go.
    pub rows: Vec<Row>,
    pub conflicts: Vec<Conflict>,
    pub agreements: Vec<Agreement>,
    pub stale: Vec<Stale>,
    /// With an outcome: the verdict on every change of every proposal.
    pub adoption: Vec<Adoption>,
    /// Warnings about the inputs, prefixed (`base:`, `P1:`, `outcome:`).
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalInfo {
    /// `P1`, `P2`, ... in argument order.
    pub name: String,
    pub side: Side,
    /// Changes (cells other than NOC).
    pub changes: usize,
    /// With an outcome: share of the changes adopted as proposed or with changes, in [0, 1].
    pub adoption_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The base clause, `None` for a clause a proposal adds.
    pub base: Option<Place>,
    /// Per proposal: what it does here (`None`: nothing, e.g. another proposal's addition).
    pub cells: Vec<Option<Cell>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub op: Op,
    /// Where the clause is in the proposal.
    pub new: Vec<Place>,
    /// The proposal moves the clause (to another section, or out of order): its place is a
    /// change even when its words are not. Absent in reviews written before it was added.
    #[serde(default)]
    pub moved: bool,
    /// Word diff of the base clause against the proposal's.
    pub inline: Vec<Segment>,
}

/// A part of the heading that some proposal changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadingRow {
    /// As in the diff report's `header`: `number`, `title`, `revision`, `history`,
    /// `adopting_body` or `section_heading`.
    pub field: String,
    /// The base's text of it (`None`: the base has none, a proposal adds it).
    pub base: Option<String>,
    /// Per proposal: what it does to it (NOC when it keeps it); `new` is empty.
    pub cells: Vec<Cell>,
}

/// Which table a conflict or an agreement is in: its `row` indexes that table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// `rows`: the clauses.
    #[default]
    Clauses,
    /// `heading`: the title, revision, history, section headings ...
    Heading,
}

/// Two proposals changing the same words of a clause (or of the heading) differently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub row: usize,
    #[serde(default)]
    pub table: Table,
    /// Indices of the two proposals.
    pub proposals: [usize; 2],
    /// The base words both change.
    pub base_words: String,
    /// What each puts there (empty: deleted).
    pub results: [String; 2],
}

/// Proposals making the same change to a clause (or to the heading).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub row: usize,
    #[serde(default)]
    pub table: Table,
    pub op: Op,
    pub proposals: Vec<usize>,
}

/// A clause where a proposal's own before text differs from the base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stale {
    pub proposal: usize,
    /// The clause in the base (`None`: only the proposal's before has it).
    pub base: Option<Place>,
    pub op: Op,
    /// Diff of the base clause against the proposal's before.
    pub inline: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    AdoptedAsProposed,
    AdoptedWithChanges,
    NotAdopted,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::AdoptedAsProposed => "adopted as proposed",
            Verdict::AdoptedWithChanges => "adopted with changes",
            Verdict::NotAdopted => "not adopted",
        }
    }
}

/// The verdict on one change, judged on its words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adoption {
    pub proposal: usize,
    pub row: usize,
    pub op: Op,
    pub verdict: Verdict,
    /// Words the proposal inserted, and how many of them the outcome has.
    pub inserted: usize,
    pub inserted_kept: usize,
    /// Words the proposal deleted, and how many of them the outcome also dropped.
    pub deleted: usize,
    pub deleted_kept: usize,
}

/// One edit inside a clause: base tokens `[start, end)` replaced by `text`.
#[derive(Debug, Clone, PartialEq)]
struct Edit {
    start: usize,
    end: usize,
    text: String,
}

/// Byte offsets where each token of `s` starts.
fn token_starts(s: &str) -> Vec<usize> {
    let mut at = 0;
    tokenize(s)
        .into_iter()
        .map(|t| {
            let a = at;
            at += t.len();
            a
        })
        .collect()
}

/// The edits of a diff, as token ranges of its old text.
fn edits(segs: &[Segment]) -> Vec<Edit> {
    let old: String = crate::inline::apply_old(segs);
    let starts = token_starts(&old);
    // Token holding byte `b` (the last token starting at or before it).
    let tok = |b: usize| starts.partition_point(|&s| s <= b).saturating_sub(1);
    let mut out = Vec::new();
    let mut pos = 0;
    let mut i = 0;
    while i < segs.len() {
        if segs[i].op == SegmentOp::Equal {
            pos += segs[i].text.len();
            i += 1;
            continue;
        }
        let (mut del, mut ins) = (String::new(), String::new());
        let from = pos;
        while i < segs.len() && segs[i].op != SegmentOp::Equal {
            if segs[i].op == SegmentOp::Delete {
                del.push_str(&segs[i].text);
                pos += segs[i].text.len();
            } else {
                ins.push_str(&segs[i].text);
            }
            i += 1;
        }
        let lead = del.len() - del.trim_start().len();
        let core = del.trim().len();
        let (start, end) = if core == 0 {
            // Pure insertion: between tokens, at the first token starting at or after `from`.
            let p = starts.partition_point(|&s| s < from);
            (p, p)
        } else {
            let s = tok(from + lead);
            (s, tok(from + lead + core - 1) + 1)
        };
        out.push(Edit {
            start,
            end,
            text: ins.trim().to_string(),
        });
    }
    out
}

fn overlap(a: &Edit, b: &Edit) -> bool {
    match (a.start == a.end, b.start == b.end) {
        (true, true) => a.start == b.start,
        (true, false) => b.start < a.start && a.start < b.end,
        (false, true) => a.start < b.start && b.start < a.end,
        (false, false) => a.start < b.end && b.start < a.end,
    }
}

fn fold(s: &str) -> String {
    fold_typography(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Alphanumeric words of a text, folded.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Builds the review of `proposals` against `base`, judging adoption against `outcome`.
pub fn review(
    base: &Resolution,
    proposals: &[Proposal],
    outcome: Option<&Resolution>,
    options: &CompareOptions,
) -> Review {
    use rayon::prelude::*;
    crate::threads::start_pool();
    let reports: Vec<Report> = proposals
        .par_iter()
        .map(|p| compare(base, &p.after, options))
        .collect();
    // Base -> each proposal's own before text (a .docx with revision marks): what the proposal
    // was written against, for its stale clauses and for the changes that are not its own.
    let befores: Vec<Option<Report>> = proposals
        .par_iter()
        .map(|p| p.before.as_ref().map(|b| compare(base, b, options)))
        .collect();
    let n_base = base.clauses().len();
    let np = proposals.len();
    // Base rows, then additions anchored after the base unit they follow.
    let mut base_cells: Vec<Vec<Option<Cell>>> = vec![vec![None; np]; n_base];
    let mut base_places: Vec<Option<Place>> = vec![None; n_base];
    // (anchor: base unit index + 1, 0 = before all), proposal, sequence, cell, proposal unit
    let mut adds: Vec<(usize, usize, usize, Cell, usize)> = Vec::new();
    for (pi, rep) in reports.iter().enumerate() {
        let mut anchor = 0;
        for (seq, c) in rep.changes.iter().enumerate() {
            let cell = Cell {
                op: c.op,
                new: c.new.clone(),
                moved: c.flags.moved,
                inline: c.inline.clone(),
            };
            if c.old_units.is_empty() {
                adds.push((
                    anchor,
                    pi,
                    seq,
                    cell,
                    c.new_units.first().copied().unwrap_or(0),
                ));
                continue;
            }
            for (&o, p) in c.old_units.iter().zip(&c.old) {
                if o < n_base {
                    base_places[o] = Some(p.clone());
                    base_cells[o][pi] = Some(cell.clone());
                    anchor = anchor.max(o + 1);
                }
            }
        }
    }
    // A proposal with its own before text: a clause it did not touch (same in before and
    // after) is NOC here even when it differs from the base; the stale list reports that.
    for (pi, bb) in befores.iter().enumerate() {
        let Some(bb) = bb else { continue };
        for (u, cells) in base_cells.iter_mut().enumerate() {
            let Some(cell) = cells[pi].as_mut() else {
                continue;
            };
            let was = bb
                .changes
                .iter()
                .find(|c| c.old_units.contains(&u) && c.op != Op::Sup)
                .map(|c| fold(&apply_new(&c.inline)));
            if cell.op == Op::Mod && was == Some(fold(&apply_new(&cell.inline))) {
                cell.op = Op::Noc;
            }
        }
    }
    adds.sort_by_key(|a| (a.0, a.1, a.2));
    let mut rows: Vec<Row> = Vec::new();
    let mut row_of_base = vec![0; n_base];
    let mut add_rows: Vec<(usize, usize, usize)> = Vec::new(); // (row, proposal, proposal unit)
    let mut k = 0;
    for slot in 0..=n_base {
        while k < adds.len() && adds[k].0 == slot {
            let (_, pi, _, cell, unit) = adds[k].clone();
            let mut cells = vec![None; np];
            cells[pi] = Some(cell);
            add_rows.push((rows.len(), pi, unit));
            rows.push(Row { base: None, cells });
            k += 1;
        }
        if slot < n_base {
            row_of_base[slot] = rows.len();
            rows.push(Row {
                base: base_places[slot].clone(),
                cells: std::mem::take(&mut base_cells[slot]),
            });
        }
    }
    let heading = heading_rows(base, &reports, &befores);
    let (mut conflicts, mut agreements) = (Vec::new(), Vec::new());
    for (r, row) in heading.iter().enumerate() {
        let cells: Vec<Option<Cell>> = row.cells.iter().cloned().map(Some).collect();
        row_conflicts(r, Table::Heading, &cells, &mut conflicts, &mut agreements);
    }
    for (r, row) in rows
        .iter()
        .enumerate()
        .filter(|(_, row)| row.base.is_some())
    {
        row_conflicts(
            r,
            Table::Clauses,
            &row.cells,
            &mut conflicts,
            &mut agreements,
        );
    }
    let stale = stale(&befores);
    let mut adoption = Vec::new();
    let mut outcome_side = None;
    if let Some(fin) = outcome {
        let to_final = compare(base, fin, options);
        outcome_side = Some(to_final.new.clone());
        for (pi, p) in proposals.iter().enumerate() {
            let prop_to_final = compare(&p.after, fin, options);
            for (r, row) in rows.iter().enumerate() {
                let Some(cell) = &row.cells[pi] else { continue };
                if cell.op == Op::Noc {
                    continue;
                }
                let judged = if row.base.is_some() {
                    let unit = row_of_base.iter().position(|&x| x == r);
                    let fc = unit
                        .and_then(|u| to_final.changes.iter().find(|c| c.old_units.contains(&u)));
                    judge_change(cell, fc)
                } else {
                    let unit = add_rows.iter().find(|a| a.0 == r).map(|a| a.2);
                    let fc = unit.and_then(|u| {
                        prop_to_final
                            .changes
                            .iter()
                            .find(|c| c.old_units.contains(&u))
                    });
                    let final_text = fc.map(|c| apply_new(&c.inline)).unwrap_or_default();
                    let ins = words(&apply_new(&cell.inline));
                    let have = words(&final_text);
                    let kept = ins.iter().filter(|w| have.contains(w)).count();
                    (ins.len(), kept, 0, 0)
                };
                let (inserted, inserted_kept, deleted, deleted_kept) = judged;
                let (total, kept) = (inserted + deleted, inserted_kept + deleted_kept);
                let verdict = if kept == total {
                    Verdict::AdoptedAsProposed
                } else if kept == 0 {
                    Verdict::NotAdopted
                } else {
                    Verdict::AdoptedWithChanges
                };
                adoption.push(Adoption {
                    proposal: pi,
                    row: r,
                    op: cell.op,
                    verdict,
                    inserted,
                    inserted_kept,
                    deleted,
                    deleted_kept,
                });
            }
        }
    }
    let infos = proposals
        .iter()
        .enumerate()
        .map(|(pi, _)| {
            let changes = rows
                .iter()
                .filter(|r| r.cells[pi].as_ref().is_some_and(|c| c.op != Op::Noc))
                .count()
                + heading.iter().filter(|h| h.cells[pi].op != Op::Noc).count();
            let mine: Vec<&Adoption> = adoption.iter().filter(|a| a.proposal == pi).collect();
            let adopted = mine
                .iter()
                .filter(|a| a.verdict != Verdict::NotAdopted)
                .count();
            ProposalInfo {
                name: format!("P{}", pi + 1),
                side: reports[pi].new.clone(),
                changes,
                adoption_rate: outcome.map(|_| {
                    if mine.is_empty() {
                        0.0
                    } else {
                        ((adopted as f64 / mine.len() as f64) * 1000.0).round() / 1000.0
                    }
                }),
            }
        })
        .collect();
    let mut warnings = Vec::new();
    let mut warn = |who: &str, ws: &[Warning]| {
        for w in ws {
            warnings.push(Warning {
                message: format!("{who}: {}", w.message),
                ..w.clone()
            });
        }
    };
    warn("base", &base.warnings);
    for (pi, p) in proposals.iter().enumerate() {
        warn(&format!("P{}", pi + 1), &p.after.warnings);
    }
    if let Some(fin) = outcome {
        warn("outcome", &fin.warnings);
    }
    Review {
        schema_version: REVIEW_SCHEMA_VERSION,
        base: reports
            .first()
            .map(|r| r.old.clone())
            .unwrap_or_else(|| compare(base, base, options).old),
        proposals: infos,
        outcome: outcome_side,
        heading,
        rows,
        conflicts,
        agreements,
        stale,
        adoption,
        warnings,
    }
}

/// `(inserted, inserted kept, deleted, deleted kept)` of a change to a base clause, against
/// what the outcome did to that clause (`fc`: its change base -> outcome).
fn judge_change(cell: &Cell, fc: Option<&Change>) -> (usize, usize, usize, usize) {
    let base_text = crate::inline::apply_old(&cell.inline);
    let toks = tokenize(&base_text);
    let is_word = |i: usize| toks[i].chars().any(char::is_alphanumeric);
    let mine = edits(&cell.inline);
    let final_edits = match fc {
        Some(c) if c.op == Op::Sup => vec![Edit {
            start: 0,
            end: toks.len(),
            text: String::new(),
        }],
        Some(c) if c.old_units.len() == 1 => edits(&c.inline),
        _ => Vec::new(),
    };
    let final_text = match fc {
        Some(c) if c.op != Op::Sup => apply_new(&c.inline),
        _ => String::new(),
    };
    let have = words(&final_text);
    let dropped = |t: usize| final_edits.iter().any(|e| e.start <= t && t < e.end);
    let (mut ins, mut ins_kept, mut del, mut del_kept) = (0, 0, 0, 0);
    for e in &mine {
        for t in (e.start..e.end).filter(|&t| is_word(t)) {
            del += 1;
            del_kept += usize::from(dropped(t));
        }
        for w in words(&e.text) {
            ins += 1;
            ins_kept += usize::from(have.contains(&w));
        }
    }
    (ins, ins_kept, del, del_kept)
}

/// The parts of the heading the proposals change, one row each, with every proposal's cell.
/// A proposal with its own before text changes a part only where its before and after differ
/// (as for clauses: a text written against another revision is not a change it proposes).
fn heading_rows(
    base: &Resolution,
    reports: &[Report],
    befores: &[Option<Report>],
) -> Vec<HeadingRow> {
    let np = reports.len();
    let mut rows: Vec<HeadingRow> = Vec::new();
    for (pi, (rep, before)) in reports.iter().zip(befores).enumerate() {
        for h in rep.header.iter().filter(|h| h.op != Op::Noc) {
            let result = fold(&apply_new(&h.inline));
            let kept = before.as_ref().is_some_and(|b| {
                b.header.iter().any(|x| {
                    x.field == h.field && x.old == h.old && fold(&apply_new(&x.inline)) == result
                })
            });
            if kept {
                continue;
            }
            let at = match rows
                .iter()
                .position(|r| r.field == h.field && r.base == h.old)
            {
                Some(at) => at,
                None => {
                    rows.push(HeadingRow {
                        field: h.field.clone(),
                        base: h.old.clone(),
                        cells: vec![kept_cell(h.old.as_deref()); np],
                    });
                    rows.len() - 1
                }
            };
            rows[at].cells[pi] = Cell {
                op: h.op,
                new: Vec::new(),
                moved: false,
                inline: h.inline.clone(),
            };
        }
    }
    // The base's order: the fields of the heading as the diff report lists them, then the
    // section headings as the base reads.
    let fields = crate::align::HEADER_FIELDS;
    let sections: Vec<String> = base
        .walk_divisions()
        .iter()
        .map(|d| d.heading.shown.trim().to_string())
        .collect();
    let rank = |r: &HeadingRow| {
        let field = fields.iter().position(|f| *f == r.field);
        let section = r
            .base
            .as_ref()
            .and_then(|b| sections.iter().position(|s| s == b));
        (field.unwrap_or(fields.len()), section.unwrap_or(usize::MAX))
    };
    rows.sort_by_key(rank);
    rows
}

/// The cell of a proposal that keeps a part of the heading as the base has it.
fn kept_cell(base: Option<&str>) -> Cell {
    Cell {
        op: Op::Noc,
        new: Vec::new(),
        moved: false,
        inline: base.map_or_else(Vec::new, |b| crate::inline::equal_run(b, b)),
    }
}

/// The agreements and conflicts of one row's cells (`r` in `table`).
fn row_conflicts(
    r: usize,
    table: Table,
    cells: &[Option<Cell>],
    conflicts: &mut Vec<Conflict>,
    agreements: &mut Vec<Agreement>,
) {
    let changed: Vec<(usize, &Cell)> = cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.as_ref().map(|c| (i, c)))
        .filter(|(_, c)| c.op != Op::Noc)
        .collect();
    // Agreement: the same op and the same resulting text.
    let mut groups: Vec<(Op, String, Vec<usize>)> = Vec::new();
    for &(i, c) in &changed {
        let result = fold(&apply_new(&c.inline));
        match groups.iter_mut().find(|g| g.0 == c.op && g.1 == result) {
            Some(g) => g.2.push(i),
            None => groups.push((c.op, result, vec![i])),
        }
    }
    for (op, _, ps) in groups.into_iter().filter(|g| g.2.len() > 1) {
        agreements.push(Agreement {
            row: r,
            table,
            op,
            proposals: ps,
        });
    }
    for x in 0..changed.len() {
        for y in x + 1..changed.len() {
            let ((a, ca), (b, cb)) = (changed[x], changed[y]);
            if let Some(mut c) = conflict(r, [a, b], ca, cb) {
                c.table = table;
                conflicts.push(c);
            }
        }
    }
}

/// The first conflict between two proposals' changes of one clause, if any.
fn conflict(row: usize, who: [usize; 2], a: &Cell, b: &Cell) -> Option<Conflict> {
    let base_text = crate::inline::apply_old(&a.inline);
    let toks = tokenize(&base_text);
    let span = |s: usize, e: usize| toks[s.min(toks.len())..e.min(toks.len())].concat();
    if a.op != b.op && (a.op == Op::Sup || b.op == Op::Sup) {
        let res = |c: &Cell| {
            if c.op == Op::Sup {
                String::new()
            } else {
                apply_new(&c.inline).trim().to_string()
            }
        };
        return Some(Conflict {
            row,
            table: Table::Clauses,
            proposals: who,
            base_words: base_text.trim().to_string(),
            results: [res(a), res(b)],
        });
    }
    if a.op != Op::Mod || b.op != Op::Mod {
        return None;
    }
    let (ea, eb) = (edits(&a.inline), edits(&b.inline));
    for x in &ea {
        for y in &eb {
            if overlap(x, y)
                && !(x.start == y.start && x.end == y.end && fold(&x.text) == fold(&y.text))
            {
                // Each side's rendering of the union range of base tokens.
                let (s, e) = (x.start.min(y.start), x.end.max(y.end));
                let render = |m: &Edit| {
                    format!(
                        "{}{}{}",
                        span(s, m.start),
                        if m.text.is_empty() {
                            String::new()
                        } else {
                            format!("{} ", m.text)
                        },
                        span(m.end, e)
                    )
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                };
                return Some(Conflict {
                    row,
                    table: Table::Clauses,
                    proposals: who,
                    base_words: span(s, e).trim().to_string(),
                    results: [render(x), render(y)],
                });
            }
        }
    }
    None
}

/// Clauses where a proposal's before text differs from the base (`befores`: base -> before).
fn stale(befores: &[Option<Report>]) -> Vec<Stale> {
    let mut out = Vec::new();
    for (pi, rep) in befores.iter().enumerate() {
        let Some(rep) = rep else { continue };
        for c in rep.changes.iter().filter(|c| c.op != Op::Noc) {
            out.push(Stale {
                proposal: pi,
                base: c.old.first().cloned(),
                op: c.op,
                inline: c.inline.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inline::diff;

    #[test]
    fn edits_are_token_ranges_of_the_old_text() {
        let e = edits(&diff(
            "to so advise the Director;",
            "to inform the Director of TSB;",
        ));
        assert_eq!(
            e,
            vec![
                Edit {
                    start: 1,
                    end: 3,
                    text: "inform".into()
                },
                Edit {
                    start: 5,
                    end: 5,
                    text: "of TSB".into()
                },
            ]
        );
    }

    #[test]
    fn overlapping_edits() {
        let a = Edit {
            start: 1,
            end: 3,
            text: "x".into(),
        };
        let b = Edit {
            start: 2,
            end: 3,
            text: "y".into(),
        };
        let c = Edit {
            start: 3,
            end: 3,
            text: "z".into(),
        };
        assert!(overlap(&a, &b));
        assert!(!overlap(&a, &c));
        assert!(overlap(&c, &c));
    }
}
