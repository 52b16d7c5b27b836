//! Layout: the paragraphs of the written document, each with its ITU style, its text as a
//! revision stream and the revision of its paragraph mark; proposal marks (`MOD USA/48A5/1`)
//! before each changed unit.
//!
//! Marks: the header gets one `MOD` when any of its lines changed; every changed division
//! heading and clause gets its own mark, except clauses added or suppressed together with their
//! (added or suppressed) division, which the division's mark covers. Unchanged units get no
//! `NOC` mark: the unchanged text around a change is context enough, and ITU contributions use
//! `NOC` only to say a unit must stay, which a diff cannot know.

use crate::model::{Clause, DivisionKind, Label, Resolution};
use crate::report::Change;

use super::plan::{plan, units, Step, Unit};
use super::stream::{diff, from_segments, Piece, Rev, Stream};
use super::DocxOptions;

/// The ITU paragraph styles the writer uses (their ids in styles.xml).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Normal,
    ResNo,
    Restitle,
    Resref,
    Normalaftertitle,
    Call,
    Enumlev(u8),
    Proposal,
    SectionNo,
    Sectiontitle,
    AnnexNo,
    Annextitle,
    AppendixNo,
    Appendixtitle,
    Heading1,
}

impl Style {
    pub(crate) fn id(self) -> &'static str {
        match self {
            Style::Normal => "Normal",
            Style::ResNo => "ResNo",
            Style::Restitle => "Restitle",
            Style::Resref => "Resref",
            Style::Normalaftertitle => "Normalaftertitle",
            Style::Call => "Call",
            Style::Enumlev(1) => "enumlev1",
            Style::Enumlev(2) => "enumlev2",
            Style::Enumlev(_) => "enumlev3",
            Style::Proposal => "Proposal",
            Style::SectionNo => "SectionNo",
            Style::Sectiontitle => "Sectiontitle",
            Style::AnnexNo => "AnnexNo",
            Style::Annextitle => "Annextitle",
            Style::AppendixNo => "AppendixNo",
            Style::Appendixtitle => "Appendixtitle",
            Style::Heading1 => "Heading1",
        }
    }
}

/// One paragraph: its style, its text (with `'\t'` for tabs, no `'\n'`), and the revision of
/// its paragraph mark (`Ins`: the paragraph was added; `Del`: removed or joined to the next).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Para {
    pub style: Style,
    pub pieces: Vec<Piece>,
    pub mark: Rev,
}

/// The paragraphs of `old` rewritten as `new` with revision marks.
pub(crate) fn layout(
    old: &Resolution,
    new: &Resolution,
    changes: &crate::report::Report,
    opts: &DocxOptions,
) -> Vec<Para> {
    let mut marks = Marks {
        reference: opts.reference.clone(),
        next: 1,
    };
    let mut out = Vec::new();

    // Header.
    let (oh, nh) = (&old.header, &new.header);
    let fields = [
        (Style::ResNo, &oh.heading, &nh.heading),
        (Style::Restitle, &oh.title, &nh.title),
        (Style::Resref, &oh.history_raw, &nh.history_raw),
        (
            Style::Normalaftertitle,
            &oh.adopting_body,
            &nh.adopting_body,
        ),
    ];
    let mut header = Vec::new();
    for (style, o, n) in fields {
        let o = o.as_ref().map(|t| t.shown.as_str());
        let n = n.as_ref().map(|t| t.shown.as_str());
        if let Some(s) = text_stream(o, n) {
            header.extend(split(&s, unit_mark(o.is_some(), n.is_some()), |_| style));
        }
    }
    if header.iter().any(para_changed) {
        out.push(marks.para("MOD"));
    }
    out.extend(header);

    // Body.
    let (ou, nu) = (units(old), units(new));
    let mut cover: Option<Rev> = None; // an added / suppressed division covering its clauses
    for step in plan(&ou, &nu, changes) {
        match step {
            Step::Pair {
                old: o,
                new: n,
                change,
            } => {
                cover = None;
                let paras = match (ou[o], nu[n]) {
                    (Unit::Division(od), Unit::Division(nd)) => {
                        let s = diff(&division_text(od), &division_text(nd));
                        split(&s, Rev::Same, |i| division_style(nd.kind, i))
                    }
                    (Unit::Clause(oc, _), Unit::Clause(nc, _)) => clause_paras(oc, nc, change),
                    // The plan pairs only units of one kind.
                    _ => Vec::new(),
                };
                if paras.iter().any(para_changed) {
                    let editorial = change.is_some_and(|c| c.flags.editorial)
                        && label_raw(&ou[o]) == label_raw(&nu[n]);
                    out.push(marks.para(if editorial { "(MOD)" } else { "MOD" }));
                }
                out.extend(paras);
            }
            Step::Sup { old: o, moved } => {
                push_whole(&mut out, &mut marks, &mut cover, ou[o], Rev::Del, moved);
            }
            Step::Add { new: n, moved } => {
                push_whole(&mut out, &mut marks, &mut cover, nu[n], Rev::Ins, moved);
            }
        }
    }
    out
}

/// Proposal mark paragraphs, numbered in document order.
struct Marks {
    reference: Option<String>,
    next: usize,
}

impl Marks {
    fn para(&mut self, op: &str) -> Para {
        let mut text = op.to_string();
        if let Some(r) = &self.reference {
            text.push('\t');
            text.push_str(&format!("{r}/{}", self.next));
        }
        self.next += 1;
        Para {
            style: Style::Proposal,
            pieces: vec![Piece {
                rev: Rev::Same,
                text,
            }],
            mark: Rev::Same,
        }
    }
}

/// An added (`Ins`) or suppressed (`Del`) unit, with its mark unless its division's covers it.
fn push_whole(
    out: &mut Vec<Para>,
    marks: &mut Marks,
    cover: &mut Option<Rev>,
    unit: Unit<'_>,
    rev: Rev,
    moved: bool,
) {
    let op = match (rev, moved) {
        (Rev::Ins, false) => "ADD",
        (Rev::Ins, true) => "ADD*",
        (_, false) => "SUP",
        (_, true) => "SUP*",
    };
    match unit {
        Unit::Division(d) => {
            out.push(marks.para(op));
            *cover = (!moved).then_some(rev);
            let s = Stream::whole(rev, &division_text(d));
            out.extend(split(&s, rev, |i| division_style(d.kind, i)));
        }
        Unit::Clause(c, _) => {
            if moved || *cover != Some(rev) {
                out.push(marks.para(op));
                *cover = None;
            }
            let (o, n) = if rev == Rev::Ins {
                (None, Some(c))
            } else {
                (Some(c), None)
            };
            out.extend(clause_layout(
                o,
                n,
                Stream::whole(rev, &c.full_shown()),
                rev,
            ));
        }
    }
}

fn label_raw<'a>(u: &Unit<'a>) -> Option<&'a str> {
    match u {
        Unit::Clause(c, _) => c.label.as_ref().map(|l| l.raw.as_str()),
        Unit::Division(_) => None,
    }
}

fn para_changed(p: &Para) -> bool {
    p.mark != Rev::Same || p.pieces.iter().any(|x| x.rev != Rev::Same)
}

/// The mark of a unit's last paragraph: inserted when only the new side has it, and so on.
fn unit_mark(in_old: bool, in_new: bool) -> Rev {
    match (in_old, in_new) {
        (true, false) => Rev::Del,
        (false, true) => Rev::Ins,
        _ => Rev::Same,
    }
}

/// The stream of a text present on one or both sides.
fn text_stream(old: Option<&str>, new: Option<&str>) -> Option<Stream> {
    match (old, new) {
        (Some(o), Some(n)) => Some(diff(o, n)),
        (Some(o), None) => Some(Stream::whole(Rev::Del, o)),
        (None, Some(n)) => Some(Stream::whole(Rev::Ins, n)),
        (None, None) => None,
    }
}

/// A division's heading and (for parts and annexes) its title line.
pub(crate) fn division_text(d: &crate::model::Division) -> String {
    match &d.title {
        Some(t) if !t.shown.is_empty() => format!("{}\n{}", d.heading.shown, t.shown),
        _ => d.heading.shown.clone(),
    }
}

/// The style of the `line`-th paragraph of a division heading.
pub(crate) fn division_style(kind: DivisionKind, line: usize) -> Style {
    match (kind, line) {
        (DivisionKind::Preambular | DivisionKind::Operative, _) => Style::Call,
        (DivisionKind::Part, 0) => Style::SectionNo,
        (DivisionKind::Part, _) => Style::Sectiontitle,
        (DivisionKind::Heading, _) => Style::Heading1,
        (DivisionKind::Annex, 0) => Style::AnnexNo,
        (DivisionKind::Annex, _) => Style::Annextitle,
        (DivisionKind::Appendix, 0) => Style::AppendixNo,
        (DivisionKind::Appendix, _) => Style::Appendixtitle,
    }
}

/// A paired clause: label change as a tracked change of the label, text from the report's
/// segments when they spell both texts, from our own word diff otherwise.
fn clause_paras(old: &Clause, new: &Clause, change: Option<&Change>) -> Vec<Para> {
    let (ot, nt) = (old.full_shown(), new.full_shown());
    let text = change
        .and_then(|c| from_segments(&c.inline, &ot, &nt))
        .unwrap_or_else(|| diff(&ot, &nt));
    clause_layout(Some(old), Some(new), text, Rev::Same)
}

/// A clause's paragraphs: `label<TAB>text`, then one paragraph per sub-item line.
fn clause_layout(old: Option<&Clause>, new: Option<&Clause>, text: Stream, last: Rev) -> Vec<Para> {
    let ol = old.and_then(|c| c.label.as_ref()).map(|l| l.raw.as_str());
    let nl = new.and_then(|c| c.label.as_ref()).map(|l| l.raw.as_str());
    let mut s = Stream::default();
    match (ol, nl) {
        (Some(o), Some(n)) if o == n => s.push(Rev::Same, &format!("{n}\t")),
        (Some(o), Some(n)) => {
            s.push(Rev::Del, o);
            s.push(Rev::Ins, n);
            s.push(Rev::Same, "\t");
        }
        (Some(o), None) => s.push(Rev::Del, &format!("{o}\t")),
        (None, Some(n)) => s.push(Rev::Ins, &format!("{n}\t")),
        (None, None) => {}
    }
    s.append(text);
    let items_old = old.map(item_labels).unwrap_or_default();
    let items_new = new.map(item_labels).unwrap_or_default();
    // Sub-item paragraphs are `enumlevN` when they start with a sub-item label; an unlabelled
    // one (a second paragraph of the clause) stays `Normal`, as ITU writes it, and as the Word
    // reader must read it (an `enumlev1` paragraph without a label reads as a bullet).
    let mut paras = split(&s, last, |_| Style::Normal);
    for p in paras.iter_mut().skip(1) {
        if let Some(depth) = item_tab(&mut p.pieces, &items_old, &items_new) {
            p.style = Style::Enumlev(depth);
        }
    }
    paras
}

/// The labels of a clause's sub-items at any depth, with their depth (1 = direct sub-item).
pub(crate) fn item_labels(c: &Clause) -> Vec<(String, u8)> {
    fn go(items: &[Clause], depth: u8, out: &mut Vec<(String, u8)>) {
        for it in items {
            if let Some(Label { raw, .. }) = &it.label {
                out.push((raw.clone(), depth));
            }
            go(&it.items, depth.saturating_add(1), out);
        }
    }
    let mut out = Vec::new();
    go(&c.items, 1, &mut out);
    out
}

/// A sub-item paragraph reads `label text` in the clause text; ITU writes `label<TAB>text`.
/// Turns that first space into a tab (same revision state) when what precedes it is a label of
/// the clause's sub-items on either side, and returns that label's depth.
pub(crate) fn item_tab(
    pieces: &mut [Piece],
    old: &[(String, u8)],
    new: &[(String, u8)],
) -> Option<u8> {
    let (mut po, mut pn) = (String::new(), String::new());
    for (pi, p) in pieces.iter().enumerate() {
        for (ci, ch) in p.text.char_indices() {
            if ch == ' ' {
                let hit = |labels: &[(String, u8)], prefix: &str| {
                    labels.iter().find(|(l, _)| l == prefix).map(|x| x.1)
                };
                let depth = hit(new, &pn).or_else(|| hit(old, &po))?;
                pieces[pi].text.replace_range(ci..ci + 1, "\t");
                return Some(depth);
            }
            if p.rev.in_old() {
                po.push(ch);
            }
            if p.rev.in_new() {
                pn.push(ch);
            }
            if po.chars().count() > 12 && pn.chars().count() > 12 {
                return None;
            }
        }
    }
    None
}

/// Splits a stream at its `'\n'` into paragraphs; each `'\n'`'s state is the mark of the
/// paragraph it ends, `last` the mark of the final paragraph.
fn split(s: &Stream, last: Rev, style: impl Fn(usize) -> Style) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut cur: Vec<Piece> = Vec::new();
    for p in &s.pieces {
        let mut parts = p.text.split('\n').peekable();
        while let Some(part) = parts.next() {
            if !part.is_empty() {
                match cur.last_mut() {
                    Some(l) if l.rev == p.rev => l.text.push_str(part),
                    _ => cur.push(Piece {
                        rev: p.rev,
                        text: part.to_string(),
                    }),
                }
            }
            if parts.peek().is_some() {
                paras.push(Para {
                    style: style(paras.len()),
                    pieces: std::mem::take(&mut cur),
                    mark: p.rev,
                });
            }
        }
    }
    paras.push(Para {
        style: style(paras.len()),
        pieces: cur,
        mark: last,
    });
    paras
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_marks_follow_the_line_breaks() {
        let mut s = Stream::default();
        s.push(Rev::Same, "text\n• a");
        s.push(Rev::Del, "\n• b");
        let paras = split(&s, Rev::Same, |_| Style::Normal);
        assert_eq!(paras.len(), 3);
        assert_eq!(paras[0].mark, Rev::Same);
        assert_eq!(paras[1].mark, Rev::Del);
        assert_eq!(paras[2].mark, Rev::Same);
        assert_eq!(paras[2].pieces[0].rev, Rev::Del);
        assert_eq!(paras[2].pieces[0].text, "• b");
    }

    #[test]
    fn item_label_space_becomes_tab() {
        let mut pieces = vec![
            Piece {
                rev: Rev::Del,
                text: "i)".into(),
            },
            Piece {
                rev: Rev::Ins,
                text: "ii)".into(),
            },
            Piece {
                rev: Rev::Same,
                text: " to do".into(),
            },
        ];
        let depth = item_tab(&mut pieces, &[("i)".into(), 1)], &[("ii)".into(), 2)]);
        assert_eq!(depth, Some(2));
        assert_eq!(pieces[2].text, "\tto do");
    }
}
