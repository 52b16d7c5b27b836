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

/// Header changes in a fixed field order; fields absent on both sides are left out.
pub(crate) fn header_changes(old: &Header, new: &Header) -> Vec<HeaderChange> {
    let text = |t: &Option<crate::model::Text>| t.as_ref().map(|t| t.shown.trim().to_string());
    let fields = [
        ("number", old.number.clone(), new.number.clone()),
        ("title", text(&old.title), text(&new.title)),
        (
            "revision",
            old.revision.as_ref().map(|r| r.raw.clone()),
            new.revision.as_ref().map(|r| r.raw.clone()),
        ),
        ("history", text(&old.history_raw), text(&new.history_raw)),
        (
            "adopting_body",
            text(&old.adopting_body),
            text(&new.adopting_body),
        ),
    ];
    fields
        .iter()
        .filter_map(|(name, o, n)| field(name, o.as_deref(), n.as_deref()))
        .collect()
}
