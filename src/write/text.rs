//! Plain text of one revision as the .docx writer lays it out (one line per paragraph, no
//! marks): the reference that a document with revision marks must give when all its changes
//! are accepted (the new revision) or rejected (the old one).

use crate::model::Resolution;

use super::layout::{division_text, item_labels, item_tab};
use super::plan::{units, Unit};
use super::stream::{Piece, Rev};

/// The lines a Word document of `res` alone would hold: the header lines, each division
/// heading, each clause as `label<TAB>text` and each sub-item as `label<TAB>text`.
pub fn plain_text(res: &Resolution) -> String {
    let mut lines: Vec<String> = Vec::new();
    let h = &res.header;
    for t in [&h.heading, &h.title, &h.history_raw, &h.adopting_body]
        .into_iter()
        .flatten()
    {
        lines.extend(t.shown.split('\n').map(str::to_string));
    }
    for unit in units(res) {
        match unit {
            Unit::Division(d) => lines.extend(division_text(d).split('\n').map(str::to_string)),
            Unit::Clause(c, _) => {
                let full = c.full_shown();
                let labels = item_labels(c);
                for (i, line) in full.split('\n').enumerate() {
                    if i == 0 {
                        let label = c.label.as_ref().map(|l| format!("{}\t", l.raw));
                        lines.push(format!("{}{line}", label.unwrap_or_default()));
                        continue;
                    }
                    let mut pieces = vec![Piece {
                        rev: Rev::Same,
                        text: line.to_string(),
                    }];
                    item_tab(&mut pieces, &labels, &labels);
                    lines.push(pieces.remove(0).text);
                }
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
