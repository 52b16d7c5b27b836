//! Rendering walked paragraphs as the blocks of one view (before or after the revisions).

use std::collections::HashSet;

use super::content::{Para, Piece, PieceKind};
use super::numbering::{Counters, NumRef, Numbering};
use crate::block::{Block, Hint};
use crate::model::{Origin, OriginUnit, View};

/// A footnote call met in the text, with the mark it shows in this view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub id: String,
    pub mark: String,
}

/// The blocks of one view and the footnote calls in order of appearance.
pub fn render(paras: &[Para], numbering: &Numbering, view: View) -> (Vec<Block>, Vec<Call>) {
    let mut out = Renderer {
        view,
        numbering,
        counters: Counters::default(),
        auto_number: 0,
        calls: Vec::new(),
        blocks: Vec::new(),
        group: Group::default(),
    };
    for para in paras {
        let (text, marks) = out.paragraph_text(&para.pieces);
        out.group.add(para, text, marks);
        if para.mark.shows(view) {
            out.flush();
        }
    }
    out.flush();
    (out.blocks, out.calls)
}

/// The text of a footnote's paragraphs in one view, without the footnote's own mark.
pub fn footnote_text(paras: &[Para], view: View) -> String {
    let mut parts = Vec::new();
    let mut leading = true;
    for para in paras {
        let mut text = String::new();
        for piece in para.pieces.iter().filter(|p| p.vis.shows(view)) {
            match &piece.kind {
                PieceKind::Text(t) => {
                    // The mark at the start: `w:footnoteRef`, or a custom mark in a raised
                    // run (`1`, `*`), possibly with a raised suffix (`bis`).
                    if leading && (t.trim().is_empty() || (piece.sup && t.trim().len() <= 8)) {
                        continue;
                    }
                    leading = false;
                    text.push_str(t);
                }
                PieceKind::FootnoteSelf => {}
                PieceKind::FootnoteRef { .. } => {}
            }
        }
        let text = text.trim();
        if !text.is_empty() {
            parts.push(text.to_string());
        }
    }
    parts.join(" ")
}

struct Renderer<'a> {
    view: View,
    numbering: &'a Numbering,
    /// List counters: which paragraphs show decides the numbers, as in Word.
    counters: Counters,
    /// Word numbers footnotes without a custom mark 1, 2, 3 ... in the order they appear.
    auto_number: u32,
    calls: Vec<Call>,
    blocks: Vec<Block>,
    group: Group,
}

/// Paragraphs joined because the marks between them do not show in this view.
#[derive(Default)]
struct Group {
    text: String,
    marks: Vec<String>,
    hint: Option<Hint>,
    num: Option<NumRef>,
    first: Option<usize>,
    last: usize,
    /// Range of the paragraphs that gave text, for the origin.
    text_range: Option<(usize, usize)>,
}

impl Group {
    fn add(&mut self, para: &Para, text: String, marks: Vec<String>) {
        self.first.get_or_insert(para.index);
        self.last = para.index;
        let has_text = !text.trim().is_empty();
        // The joined paragraph takes the style of its first paragraph with text: a fully
        // deleted paragraph (empty in this view) does not impose its style on the next one.
        if self.hint.is_none() || (has_text && self.text_range.is_none()) {
            self.hint = Some(para.hint);
            self.num = para.num.clone();
        }
        if has_text {
            let range = self.text_range.get_or_insert((para.index, para.index));
            range.1 = para.index;
        }
        self.text.push_str(&text);
        self.marks.extend(marks);
    }
}

impl Renderer<'_> {
    fn flush(&mut self) {
        let group = std::mem::take(&mut self.group);
        if group.first.is_none() {
            return;
        }
        // A numbered paragraph takes its number even when empty, as in Word.
        let label = group
            .num
            .as_ref()
            .and_then(|num| self.counters.next_label(self.numbering, num));
        let text = group.text.trim();
        if text.is_empty() {
            return;
        }
        let text = match label {
            Some(label) => format!("{label}{text}"),
            None => text.to_string(),
        };
        let (start, end) = group
            .text_range
            .unwrap_or((group.first.unwrap_or(group.last), group.last));
        let mut block = Block::new(
            text.trim_end(),
            group.hint.unwrap_or_default(),
            Origin {
                unit: OriginUnit::Paragraph,
                start,
                end,
            },
        );
        block.footnote_refs = group.marks;
        self.blocks.push(block);
    }

    /// The text of a paragraph's visible pieces and the marks of the footnotes it calls.
    fn paragraph_text(&mut self, pieces: &[Piece]) -> (String, Vec<String>) {
        let visible: Vec<&Piece> = pieces.iter().filter(|p| p.vis.shows(self.view)).collect();
        let mut text = String::new();
        let mut marks = Vec::new();
        let mut i = 0;
        while i < visible.len() {
            let piece = visible[i];
            i += 1;
            match &piece.kind {
                PieceKind::Text(t) => text.push_str(t),
                PieceKind::FootnoteSelf => {}
                PieceKind::FootnoteRef { id, custom_mark } => {
                    let mut mark = String::new();
                    if *custom_mark {
                        // The mark is the text that follows in the same run.
                        while let Some(PieceKind::Text(t)) = visible
                            .get(i)
                            .filter(|p| p.run == piece.run)
                            .map(|p| &p.kind)
                        {
                            mark.push_str(t.trim());
                            i += 1;
                        }
                    } else {
                        self.auto_number += 1;
                        mark = self.auto_number.to_string();
                    }
                    // A raised suffix written after the mark: `1` + `bis`.
                    while let Some(suffix) = visible.get(i).and_then(|p| raised_text(p)) {
                        if suffix.is_empty() || !suffix.chars().all(char::is_alphanumeric) {
                            break;
                        }
                        mark.push_str(suffix);
                        i += 1;
                    }
                    // A raised separator between two calls (`1, 2`) belongs to the marks.
                    if let (Some(sep), Some(next)) = (
                        visible.get(i).and_then(|p| raised_text(p)),
                        visible.get(i + 1),
                    ) {
                        let is_separator = sep
                            .chars()
                            .all(|c| c.is_whitespace() || c == ',' || c == ';');
                        if is_separator && matches!(next.kind, PieceKind::FootnoteRef { .. }) {
                            i += 1;
                        }
                    }
                    if mark.is_empty() {
                        mark = id.clone();
                    }
                    self.calls.push(Call {
                        id: id.clone(),
                        mark: mark.clone(),
                    });
                    marks.push(mark);
                }
            }
        }
        (text, marks)
    }
}

/// The trimmed text of a raised (footnote-styled or superscript) text piece.
fn raised_text<'a>(piece: &&'a Piece) -> Option<&'a str> {
    match &piece.kind {
        PieceKind::Text(t) if piece.sup => Some(t.trim()),
        _ => None,
    }
}

/// Footnotes in the order of their first call, each with the mark of that call.
pub fn first_calls(calls: &[Call]) -> Vec<&Call> {
    let mut seen = HashSet::new();
    calls
        .iter()
        .filter(|c| seen.insert(c.id.as_str()))
        .collect()
}
