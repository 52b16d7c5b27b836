//! The diff report: plain data, returned by [`crate::compare`], rendered by `crate::render`.
//!
//! Its JSON form is a documented, stable format (docs/json.md): fields are serialized in the
//! order declared here, and `schema_version` changes on any breaking change.

use serde::{Deserialize, Serialize};

use crate::model::{Op, Warning};

/// Version of the JSON produced by `resdiff diff --format json`.
pub const DIFF_SCHEMA_VERSION: u32 = 1;

/// Where an aligned unit sits in one revision: its division heading and its label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Place {
    /// The division heading as written in that revision (`considering`, `SECTION 1`).
    pub section: String,
    /// The clause label normalized (`d`, `1.11.1`); `None` for an unlabelled clause.
    pub label: Option<String>,
}

/// One run of an inline (word-level) diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub op: SegmentOp,
    /// The text of the run: from the old revision for `equal` and `delete`, from the new one for
    /// `insert`.
    pub text: String,
    /// For an `equal` run only, and only when the new revision spells it differently in
    /// typography (U+2011 vs `-`, curly quotes, spaces): the new revision's spelling, so that
    /// the new text can be rebuilt exactly. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentOp {
    Equal,
    Delete,
    Insert,
}

/// Flags of a change, each false unless it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Flags {
    /// The label changed (`resolves 1 -> 2`).
    pub renumbered: bool,
    /// The unit moved to another division, or out of the order of its neighbours.
    pub moved: bool,
    /// One old unit became several new ones.
    pub split: bool,
    /// Several old units became one new one.
    pub merged: bool,
    /// A MOD that only touches punctuation, case, hyphenation or years in references:
    /// ITU writes it `(MOD)`.
    pub editorial: bool,
}

/// One aligned unit and what the new revision did to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub op: Op,
    /// Places in the old revision: empty for ADD, two or more for a merge.
    pub old: Vec<Place>,
    /// Places in the new revision: empty for SUP, two or more for a split.
    pub new: Vec<Place>,
    /// Similarity of old and new text in [0, 1] (1 for NOC; 0 for ADD / SUP).
    pub similarity: f64,
    pub flags: Flags,
    /// Word-level diff of old vs new (all `insert` for ADD, all `delete` for SUP,
    /// one `equal` run for NOC). When several units are joined (split, merge), their texts are
    /// joined with a newline.
    pub inline: Vec<Segment>,
    /// Indices of the old units in `Resolution::clauses()` of the old revision (same order as `old`).
    #[serde(default)]
    pub old_units: Vec<usize>,
    /// Indices of the new units in `Resolution::clauses()` of the new revision (same order as `new`).
    #[serde(default)]
    pub new_units: Vec<usize>,
    /// For a merge: byte length of each old unit's text in the old side of `inline`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub old_part_lens: Vec<usize>,
    /// For a split: byte length of each new unit's text in the new side of `inline`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub new_part_lens: Vec<usize>,
}

/// A change to the heading of the resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderChange {
    /// `number`, `title`, `revision`, `history`, `adopting_body`.
    pub field: String,
    pub op: Op,
    pub old: Option<String>,
    pub new: Option<String>,
    pub inline: Vec<Segment>,
}

/// Counts per op, over clause-level changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Summary {
    pub noc: usize,
    #[serde(rename = "mod")]
    pub modified: usize,
    pub add: usize,
    pub sup: usize,
    /// Of the MODs, how many are editorial.
    pub editorial: usize,
    /// Of all units, how many changed label.
    pub renumbered: usize,
    pub moved: usize,
}

impl Summary {
    pub fn count(&self, op: Op) -> usize {
        match op {
            Op::Noc => self.noc,
            Op::Mod => self.modified,
            Op::Add => self.add,
            Op::Sup => self.sup,
        }
    }
    /// True when nothing but NOC was found (clauses and header).
    pub fn is_unchanged(&self) -> bool {
        self.modified == 0 && self.add == 0 && self.sup == 0
    }
}

/// Identification of one side of the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    pub path: String,
    pub format: String,
    pub view: Option<String>,
    /// `Resolution 7 (Rev. Geneva, 2022)` or whatever heading was found.
    pub heading: Option<String>,
}

/// The result of comparing two revisions of a resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub old: Side,
    pub new: Side,
    pub summary: Summary,
    pub header: Vec<HeaderChange>,
    /// In the reading order of the new revision, SUP units placed where they stood in the old one.
    pub changes: Vec<Change>,
    /// Warnings about either input (prefixed with which side), and about the alignment.
    pub warnings: Vec<Warning>,
}

impl Report {
    /// True when the two revisions differ in any clause, in the header or in a section heading,
    /// or a clause moved (to another section, or out of order: the same words, another text).
    pub fn has_differences(&self) -> bool {
        !self.summary.is_unchanged()
            || self.summary.moved > 0
            || self.header.iter().any(|h| h.op != Op::Noc)
    }
}
