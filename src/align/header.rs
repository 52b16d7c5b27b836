//! Changes to the heading of the resolution: number, title, revision, history, adopting body.

use crate::inline;
use crate::model::{Header, Op};
use crate::normalize::comparison_key;
use crate::report::{HeaderChange, SegmentOp};

/// One header field of both sides; `None` when that side has no such field.
pub(crate) fn field(name: &str, old: Option<&str>, new: Option<&str>) -> Option<HeaderChange> {
    let (op, segs) = match (old, new) {
        (None, None) => return None,
        (None, Some(n)) => (Op::Add, inline::whole(SegmentOp::Insert, n)),
        (Some(o), None) => (Op::Sup, inline::whole(SegmentOp::Delete, o)),
        (Some(o), Some(n)) if comparison_key(o) == comparison_key(n) => {
            (Op::Noc, inline::equal_run(o, n))
        }
        (Some(o), Some(n)) => (Op::Mod, inline::diff(o, n)),
    };
    Some(HeaderChange {
        field: name.to_string(),
        op,
        old: old.map(str::to_string),
        new: new.map(str::to_string),
        inline: segs,
    })
}

/// The fields of the heading, in the order every report lists their changes (the renamed
/// section headings follow them).
pub const HEADER_FIELDS: [&str; 5] = ["number", "title", "revision", "history", "adopting_body"];

/// Header changes in the order of [`HEADER_FIELDS`]; fields absent on both sides are left out.
pub(crate) fn header_changes(old: &Header, new: &Header) -> Vec<HeaderChange> {
    let text = |t: &Option<crate::model::Text>| t.as_ref().map(|t| t.shown.trim().to_string());
    let sides = [
        (old.number.clone(), new.number.clone()),
        (text(&old.title), text(&new.title)),
        (
            old.revision.as_ref().map(|r| r.raw.clone()),
            new.revision.as_ref().map(|r| r.raw.clone()),
        ),
        (text(&old.history_raw), text(&new.history_raw)),
        (text(&old.adopting_body), text(&new.adopting_body)),
    ];
    HEADER_FIELDS
        .iter()
        .zip(&sides)
        .filter_map(|(name, (o, n))| field(name, o.as_deref(), n.as_deref()))
        .collect()
}
