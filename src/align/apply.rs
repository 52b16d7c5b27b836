//! Rebuilding the new revision's clause texts from the old one and a report: the self-check
//! that a report says everything needed to go from OLD to NEW.

use crate::model::Resolution;
use crate::report::{Report, SegmentOp};

/// The texts (`Clause::full_shown`) of the new revision's clauses, in `Resolution::clauses()`
/// order, rebuilt from `old` and `report`: `equal` and `delete` runs are read from OLD's clause
/// texts (so a report that does not fit OLD shows up as a wrong rebuild), `insert` runs and
/// typography-only respellings from the report.
pub fn apply(report: &Report, old: &Resolution) -> Vec<String> {
    let old_texts: Vec<String> = old.clauses().iter().map(|(_, c)| c.full_shown()).collect();
    let n_new = report
        .changes
        .iter()
        .flat_map(|c| c.new_units.iter())
        .max()
        .map_or(0, |m| m + 1);
    let mut out = vec![String::new(); n_new];
    for change in report.changes.iter().filter(|c| !c.new_units.is_empty()) {
        let source: Vec<&str> = change
            .old_units
            .iter()
            .map(|&i| old_texts.get(i).map_or("", String::as_str))
            .collect();
        let source = source.join("\n");
        let mut pos = 0;
        let mut rebuilt = String::new();
        for seg in &change.inline {
            let len = seg.text.len();
            match seg.op {
                SegmentOp::Equal => {
                    let piece = source.get(pos..pos + len).unwrap_or("\u{FFFD}");
                    rebuilt.push_str(seg.new_text.as_deref().unwrap_or(piece));
                    pos += len;
                }
                SegmentOp::Delete => pos += len,
                SegmentOp::Insert => rebuilt.push_str(&seg.text),
            }
        }
        let parts = split_parts(&rebuilt, &change.new_part_lens, change.new_units.len());
        for (&i, part) in change.new_units.iter().zip(parts) {
            out[i] = part;
        }
    }
    out
}

/// Cuts a joined text (parts joined by a newline) back into its parts.
pub(crate) fn split_parts(text: &str, lens: &[usize], count: usize) -> Vec<String> {
    if count <= 1 || lens.len() != count {
        return vec![text.to_string()];
    }
    let mut out = Vec::with_capacity(count);
    let mut pos = 0;
    for &len in lens {
        out.push(text.get(pos..pos + len).unwrap_or("").to_string());
        pos += len + 1;
    }
    out
}
