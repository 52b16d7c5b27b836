//! What every format shows the same way: which changes are listed, how a change is named
//! (`MOD resolves 1 -> 2`), the summary line, and stable anchors.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::model::Op;
use crate::report::{Change, HeaderChange, Place, Segment, SegmentOp, Summary};

use super::{RenderOptions, Show};

/// A file name as the text and Markdown reports show it: on one line, a line break in it shown
/// as its control picture (`␊`, `␍`), so that a name cannot start report lines of its own
/// (other control characters are shown by [`super::printable`]).
pub(crate) fn shown_name(name: &str) -> Cow<'_, str> {
    if name.contains(['\n', '\r']) {
        Cow::Owned(name.replace('\n', "\u{240a}").replace('\r', "\u{240d}"))
    } else {
        Cow::Borrowed(name)
    }
}

/// A file name (or a token of a document) as a Markdown code span: on one line, and a backquote,
/// which would end the span and let the rest be read as Markdown (or raw HTML), shown as `'`.
pub(crate) fn code_span(name: &str) -> String {
    format!("`{}`", shown_name(name).replace('`', "'"))
}

/// Whether `op` is listed under `opts`: `--only` lists exactly the ops it names (NOC included
/// when named); otherwise NOC is listed only with `Show::All`.
pub(crate) fn listed(op: Op, opts: &RenderOptions) -> bool {
    match &opts.only {
        Some(only) => only.contains(&op),
        None => op != Op::Noc || opts.show == Show::All,
    }
}

/// Whether change `c` is listed: as [`listed`] says for its op, and without `--only` a NOC that
/// moved too (to another section, or out of order): its words are the same but its place is
/// not, and a reader comparing two revisions wants to see that.
pub(crate) fn listed_change(c: &Change, opts: &RenderOptions) -> bool {
    listed(c.op, opts) || (opts.only.is_none() && c.op == Op::Noc && c.flags.moved)
}

/// What was left out of a listing, for the `not shown` lines.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Hidden {
    pub unchanged: usize,
    pub filtered: usize,
}

pub(crate) fn hidden(changes: &[Change], opts: &RenderOptions) -> Hidden {
    let mut h = Hidden::default();
    for c in changes.iter().filter(|c| !listed_change(c, opts)) {
        if c.op == Op::Noc {
            h.unchanged += 1;
        } else {
            h.filtered += 1;
        }
    }
    h
}

/// The lines telling what a listing left out (`42 unchanged clauses not shown`).
pub(crate) fn hidden_lines(changes: &[Change], opts: &RenderOptions) -> Vec<String> {
    let h = hidden(changes, opts);
    let mut lines = Vec::new();
    if h.unchanged > 0 {
        lines.push(format!(
            "{} not shown",
            plural(h.unchanged, "unchanged clause")
        ));
    }
    if h.filtered > 0 {
        let only: Vec<&str> = opts.only.iter().flatten().map(|o| o.as_str()).collect();
        lines.push(format!(
            "{} not shown (--only {})",
            plural(h.filtered, "other change"),
            only.join(",")
        ));
    }
    lines
}

pub(crate) fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// `; also changed: revision, history` when the header or a section heading changed, so that a
/// summary alone (`--stat`) says why two texts differ when no clause does; empty otherwise.
pub(crate) fn header_note(header: &[HeaderChange]) -> String {
    let mut changed: Vec<String> = header
        .iter()
        .filter(|h| h.op != Op::Noc)
        .map(|h| header_field(&h.field))
        .collect();
    // Renamed sections come last, one entry each: named once.
    changed.dedup();
    if changed.is_empty() {
        String::new()
    } else {
        format!("; also changed: {}", changed.join(", "))
    }
}

/// `MOD 12  ADD 7  SUP 0  NOC 6 (2 editorial, 8 renumbered, 1 moved)`.
pub(crate) fn summary_line(s: &Summary) -> String {
    let mut line = format!(
        "MOD {}  ADD {}  SUP {}  NOC {}",
        s.modified, s.add, s.sup, s.noc
    );
    let notes = summary_notes(s);
    if !notes.is_empty() {
        line.push_str(&format!(" ({notes})"));
    }
    line
}

/// `2 editorial, 8 renumbered, 1 moved`, zero counts left out.
pub(crate) fn summary_notes(s: &Summary) -> String {
    let parts: Vec<String> = [
        (s.editorial, "editorial"),
        (s.renumbered, "renumbered"),
        (s.moved, "moved"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, w)| format!("{n} {w}"))
    .collect();
    parts.join(", ")
}

/// The op as ITU writes it: `(MOD)` for an editorial modification.
pub(crate) fn op_mark(c: &Change) -> String {
    if c.op == Op::Mod && c.flags.editorial {
        "(MOD)".to_string()
    } else {
        c.op.as_str().to_string()
    }
}

/// A label as a reader writes it: letters get their parenthesis (`b)`), numbers do not.
pub(crate) fn label_text(norm: &str) -> String {
    let mut words = norm.splitn(2, ' ');
    let first = words.next().unwrap_or_default();
    let rest = words.next();
    let lettered = first.chars().next().is_some_and(char::is_alphabetic)
        && first.chars().all(char::is_alphanumeric);
    let mut out = if lettered {
        format!("{first})")
    } else {
        first.to_string()
    };
    if let Some(rest) = rest {
        out.push(' ');
        out.push_str(rest);
    }
    out
}

/// `resolves 1`, `considering b)`, `recognizing` (unlabelled).
pub(crate) fn place_text(p: &Place) -> String {
    match &p.label {
        Some(l) => format!("{} {}", p.section, label_text(l)),
        None => p.section.clone(),
    }
}

fn same_section(a: &[Place], b: &[Place]) -> bool {
    let first = a.first().or(b.first()).map(|p| p.section.to_lowercase());
    a.iter()
        .chain(b)
        .all(|p| Some(p.section.to_lowercase()) == first && p.label.is_some())
}

fn labels(ps: &[Place]) -> String {
    let ls: Vec<String> = ps
        .iter()
        .map(|p| label_text(p.label.as_deref().unwrap_or_default()))
        .collect();
    ls.join(", ")
}

fn places(ps: &[Place]) -> String {
    let ls: Vec<String> = ps.iter().map(place_text).collect();
    ls.join(", ")
}

/// `resolves 1 -> 2`, `noting b) -> considering d)`, `considering b)` (ADD), `resolves 4 -> 6, 7`.
pub(crate) fn change_title(c: &Change, arrow: &str) -> String {
    if c.old.is_empty() {
        return places(&c.new);
    }
    if c.new.is_empty() || c.old == c.new {
        return places(&c.old);
    }
    if same_section(&c.old, &c.new) {
        format!(
            "{} {} {arrow} {}",
            c.old[0].section,
            labels(&c.old),
            labels(&c.new)
        )
    } else {
        format!("{} {arrow} {}", places(&c.old), places(&c.new))
    }
}

/// The title without the section, for lists inside one section: `1 → 2`, `b)`; the full
/// title when the section changed or a clause is unlabelled.
pub(crate) fn short_title(c: &Change, arrow: &str) -> String {
    if (c.old.is_empty() && c.new.is_empty()) || !same_section(&c.old, &c.new) {
        return change_title(c, arrow);
    }
    if c.old.is_empty() || c.new.is_empty() || c.old == c.new {
        let side = if c.new.is_empty() { &c.old } else { &c.new };
        return labels(side);
    }
    format!("{} {arrow} {}", labels(&c.old), labels(&c.new))
}

/// Flags worth a word beside the title: `moved`, `split`, `merged`, `renumbered only` (NOC).
pub(crate) fn flag_words(c: &Change) -> Vec<&'static str> {
    let mut w = Vec::new();
    if c.flags.moved {
        w.push("moved");
    }
    if c.flags.split {
        w.push("split");
    }
    if c.flags.merged {
        w.push("merged");
    }
    if c.op == Op::Noc && c.flags.renumbered && !c.flags.moved {
        w.push("renumbered only");
    }
    w
}

/// Human name of a header field (`adopting_body` -> `adopting body`).
pub(crate) fn header_field(field: &str) -> String {
    field.replace('_', " ")
}

/// True when a diff is all one kind (an ADD, a SUP, a NOC): no markers needed, the op says it.
pub(crate) fn is_uniform(segs: &[Segment]) -> bool {
    segs.windows(2).all(|w| w[0].op == w[1].op)
}

/// The text a run shows in the new revision's spelling: an `equal` run may be spelled
/// differently there (typography, spaces); other runs are as they are.
pub(crate) fn shown(s: &Segment) -> &str {
    match (&s.new_text, s.op) {
        (Some(t), SegmentOp::Equal) => t,
        _ => &s.text,
    }
}

/// The text of each run in the one-text (inline) view: an `equal` run in the new spelling,
/// except that before a deletion it keeps the old trailing spaces, which join it to the deleted
/// text as in the old revision (old `(ISO) and`, new `ISO and` reads `ISO[-)-] and`).
pub(crate) fn inline_texts(segs: &[Segment]) -> Vec<Cow<'_, str>> {
    segs.iter()
        .enumerate()
        .map(|(i, s)| {
            let new = shown(s);
            match segs.get(i + 1) {
                Some(next) if next.op == SegmentOp::Delete && new != s.text => {
                    let old_trail = &s.text[s.text.trim_end().len()..];
                    Cow::Owned(format!("{}{old_trail}", new.trim_end()))
                }
                _ => Cow::Borrowed(new),
            }
        })
        .collect()
}

/// `(leading spaces, word part, trailing spaces)` of a deleted or inserted run, so a marker
/// wraps words and not the spaces around them (`[-duties-] {+mandate+} of`). A run of spaces
/// only is kept whole, so the change stays visible.
pub(crate) fn split_spaces(text: &str) -> (&str, &str, &str) {
    let core = text.trim();
    if core.is_empty() {
        return ("", text, "");
    }
    let start = text.len() - text.trim_start().len();
    let end = start + core.len();
    (&text[..start], core, &text[end..])
}

/// The segments cut at line breaks: one list of `(op, text)` runs per line of the clause.
pub(crate) fn lines(segs: &[Segment]) -> Vec<Vec<(SegmentOp, String)>> {
    let mut out: Vec<Vec<(SegmentOp, String)>> = vec![Vec::new()];
    for (s, text) in segs.iter().zip(inline_texts(segs)) {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                out.push(Vec::new());
            }
            if !part.is_empty() {
                if let Some(line) = out.last_mut() {
                    line.push((s.op, part.to_string()));
                }
            }
        }
    }
    out
}

/// `resolves-7`, `considering-b`, `instructs-the-director-of-tsb-1`: lower-case words joined by `-`.
pub(crate) fn slug(p: &Place) -> String {
    match &p.label {
        Some(l) => slug_word(&format!("{} {l}", p.section)),
        None => slug_word(&p.section),
    }
}

/// Any text as an id: lower-case letters and digits, other runs turned into one `-`.
pub(crate) fn slug_word(raw: &str) -> String {
    let mut out = String::new();
    for ch in raw.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("clause");
    }
    out
}

/// Hands out unique ids: the stable slug first, `-2`, `-3`... only on a collision.
#[derive(Default)]
pub(crate) struct Anchors {
    used: HashSet<String>,
}

impl Anchors {
    pub fn unique(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }

    /// The anchor of a change: its (first) new place; `old-...` for a SUP.
    pub fn of_change(&mut self, c: &Change) -> String {
        let base = match (c.new.first(), c.old.first()) {
            (Some(p), _) => slug(p),
            (None, Some(p)) => format!("old-{}", slug(p)),
            (None, None) => "clause".to_string(),
        };
        self.unique(base)
    }
}

/// The section a change is filed under in reading order: the new one, or the old one for a SUP.
pub(crate) fn section_of(c: &Change) -> &str {
    c.new
        .first()
        .or(c.old.first())
        .map(|p| p.section.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(s: &str, l: Option<&str>) -> Place {
        Place {
            section: s.into(),
            label: l.map(Into::into),
        }
    }

    #[test]
    fn labels_read_as_written() {
        assert_eq!(label_text("b"), "b)");
        assert_eq!(label_text("1"), "1");
        assert_eq!(label_text("1.11.1"), "1.11.1");
        assert_eq!(label_text("b bis"), "b) bis");
        assert_eq!(place_text(&place("recognizing", None)), "recognizing");
    }

    #[test]
    fn slugs_are_stable_words() {
        assert_eq!(slug(&place("resolves", Some("7"))), "resolves-7");
        assert_eq!(slug(&place("considering", Some("b"))), "considering-b");
        assert_eq!(
            slug(&place("instructs the Director of TSB", Some("1"))),
            "instructs-the-director-of-tsb-1"
        );
        let mut a = Anchors::default();
        assert_eq!(a.unique("x".into()), "x");
        assert_eq!(a.unique("x".into()), "x-2");
    }
}

#[cfg(test)]
mod spelling_tests {
    use super::*;

    fn seg(op: SegmentOp, text: &str, new_text: Option<&str>) -> Segment {
        Segment {
            op,
            text: text.into(),
            new_text: new_text.map(Into::into),
        }
    }

    #[test]
    fn equal_run_before_a_deletion_keeps_the_old_spelling() {
        // Resolution 7, considering c) -> e): old `(ISO) and`, new `ISO and`.
        let segs = [
            seg(SegmentOp::Delete, "Standardization (", None),
            seg(SegmentOp::Equal, "ISO", Some("ISO ")),
            seg(SegmentOp::Delete, ") ", None),
            seg(SegmentOp::Equal, "ITU‑T ", Some("ITU-T ")),
            seg(SegmentOp::Insert, "x", None),
        ];
        assert_eq!(
            inline_texts(&segs),
            ["Standardization (", "ISO", ") ", "ITU-T ", "x"]
        );
    }
}
