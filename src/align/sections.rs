//! Section headings renamed between revisions (`noting` -> `noting further`, `instructs the
//! Director` -> `instructs the Director of TSB`). No clause changes with them, so a report of two
//! texts that differ only there said "no differences"; they are reported with the header
//! changes (field `section_heading`), which every format already shows and `has_differences`
//! counts.

use std::collections::HashSet;

use crate::model::{Division, Op, Resolution};
use crate::report::HeaderChange;

/// The renamed headings, in the order of the old revision. `counterpart` gives, for each old
/// division (in `walk_divisions` order), the new division that continues it. A pair is a
/// rename when each heading is missing from the other revision: a heading the other side still
/// has means a section kept, whose clauses moved (flagged on them), not one renamed. Each new
/// division is named once, by the first old division it continues.
pub(crate) fn renamed(
    old: &Resolution,
    new: &Resolution,
    counterpart: &[Option<usize>],
) -> Vec<HeaderChange> {
    let (od, nd) = (old.walk_divisions(), new.walk_divisions());
    fn keys<'a>(divs: &[&'a Division]) -> HashSet<&'a str> {
        divs.iter().map(|d| d.heading.key.as_str()).collect()
    }
    let (old_keys, new_keys) = (keys(&od), keys(&nd));
    let mut named = HashSet::new();
    let mut out = Vec::new();
    for (d, c) in counterpart.iter().enumerate() {
        let (Some(&o), Some(n)) = (od.get(d), c.and_then(|c| nd.get(c))) else {
            continue;
        };
        let (ok, nk) = (&o.heading.key, &n.heading.key);
        let rename = ok != nk
            && !ok.is_empty()
            && !nk.is_empty()
            && !new_keys.contains(ok.as_str())
            && !old_keys.contains(nk.as_str());
        if rename && named.insert(c) {
            let (os, ns) = (o.heading.shown.trim(), n.heading.shown.trim());
            let change = super::header::field("section_heading", Some(os), Some(ns));
            out.extend(change.filter(|h| h.op != Op::Noc));
        }
    }
    out
}
