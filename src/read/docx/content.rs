//! Walking WordprocessingML into paragraphs of view-tagged pieces.
//!
//! One walk serves both views of a document with revision marks: every piece of text carries
//! whether it shows in the "before" view (all revisions rejected) and in the "after" view (all
//! accepted), so [`super::views`] can render either side without parsing the XML again.

use roxmltree::Node;

use super::numbering::NumRef;
use super::styles::Styles;
use super::symbols::symbol_char;
use super::xml::{is_w, w_attr, w_child, M, W};
use crate::block::Hint;
use crate::model::{Origin, OriginUnit, RevisionKind, TrackedRevision, View};

/// In which views something shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vis {
    pub before: bool,
    pub after: bool,
}

impl Vis {
    pub const BOTH: Vis = Vis {
        before: true,
        after: true,
    };

    fn and(self, other: Vis) -> Vis {
        Vis {
            before: self.before && other.before,
            after: self.after && other.after,
        }
    }

    pub fn shows(self, view: View) -> bool {
        match view {
            View::Before => self.before,
            View::After => self.after,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PieceKind {
    Text(String),
    /// `w:footnoteReference`: a call of a footnote from the text.
    FootnoteRef {
        id: String,
        custom_mark: bool,
    },
    /// `w:footnoteRef`: the footnote's own number at the start of its text.
    FootnoteSelf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub kind: PieceKind,
    pub vis: Vis,
    /// Set on runs styled as a footnote reference or superscript: where marks are written.
    pub sup: bool,
    /// Which run the piece came from (a custom footnote mark is the text of its own run).
    pub run: u32,
}

/// One `w:p` of the document, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// 0-based index among the paragraphs walked (body and table cells).
    pub index: usize,
    pub hint: Hint,
    /// Whether the paragraph mark shows: where it does not, the paragraph joins the next one.
    pub mark: Vis,
    /// Automatic list numbering, whose label is drawn by Word, not written in the runs.
    pub num: Option<NumRef>,
    pub pieces: Vec<Piece>,
}

/// Walks a part's paragraphs, collecting pieces and tracked revisions.
///
/// The walk recurses along the XML tree: its depth is bounded by the nesting check made before
/// parsing (`super::xml::parse`).
pub struct Walker<'a> {
    styles: &'a Styles,
    pub paras: Vec<Para>,
    pub revisions: Vec<TrackedRevision>,
    /// Open complex fields: `true` once past `separate` (showing the result), `false` while in
    /// the instruction part, whose text is code, not content.
    fields: Vec<bool>,
    /// How many of `fields` are in their instruction part: text shows when none is. Kept as a
    /// count, since testing the whole stack for every piece of text was quadratic in unclosed
    /// fields (200,000 of them, a 61 KB file: 50 s).
    in_code: usize,
    runs: u32,
}

impl<'a> Walker<'a> {
    pub fn new(styles: &'a Styles) -> Self {
        Walker {
            styles,
            paras: Vec::new(),
            revisions: Vec::new(),
            fields: Vec::new(),
            in_code: 0,
            runs: 0,
        }
    }

    /// Walks every paragraph under `node` (a body, a table, a cell, a footnote), in order.
    /// Text boxes and drawings are not entered: their paragraphs float outside the text flow.
    pub fn container(&mut self, node: Node) {
        for child in node.children().filter(Node::is_element) {
            if is_w(child, "p") {
                self.paragraph(child);
            } else if in_w_or_math(child) && !skipped(child.tag_name().name()) {
                self.container(child);
            }
        }
    }

    fn paragraph(&mut self, p: Node) {
        let index = self.paras.len();
        let ppr = w_child(p, "pPr");
        let style = ppr
            .and_then(|n| w_child(n, "pStyle"))
            .and_then(|n| w_attr(n, "val"));
        let hint = style.map_or(Hint::None, |id| self.styles.hint(id));
        let num = NumRef::from_ppr(ppr, style.and_then(|id| self.styles.num(id)).as_ref());
        // The paragraph mark's own revision: `w:pPr/w:rPr/w:ins` (paragraph added or split)
        // or `w:del` (paragraph removed or joined).
        let mut mark = Vis::BOTH;
        if let Some(rpr) = ppr.and_then(|n| w_child(n, "rPr")) {
            for change in rpr.children().filter(Node::is_element) {
                if let Some((vis, kind)) = revision_of(change, true) {
                    mark = mark.and(vis);
                    self.revisions
                        .push(revision(change, kind, String::new(), index));
                }
            }
        }
        self.paras.push(Para {
            index,
            hint,
            mark,
            num,
            pieces: Vec::new(),
        });
        for child in p.children().filter(Node::is_element) {
            if !is_w(child, "pPr") {
                self.inline(child, Vis::BOTH, index);
            }
        }
    }

    /// Content of a paragraph: runs, revisions, hyperlinks, fields, content controls...
    fn inline(&mut self, node: Node, vis: Vis, para: usize) {
        let name = node.tag_name().name();
        if node.tag_name().namespace() == Some(MC) {
            // Markup compatibility: the fallback is plain WordprocessingML.
            if name == "AlternateContent" {
                if let Some(fallback) = node.children().find(|c| c.tag_name().name() == "Fallback")
                {
                    for child in fallback.children().filter(Node::is_element) {
                        self.inline(child, vis, para);
                    }
                }
            }
            return;
        }
        if !in_w_or_math(node) || skipped(name) {
            return;
        }
        if let Some((change, kind)) = revision_of(node, false) {
            let slot = self.revisions.len();
            self.revisions
                .push(revision(node, kind, String::new(), para));
            let first_piece = self.current_len();
            for child in node.children().filter(Node::is_element) {
                self.inline(child, vis.and(change), para);
            }
            let text = self.text_since(first_piece);
            self.revisions[slot].text = text;
            return;
        }
        if name == "r" {
            self.runs += 1;
            let run = self.runs;
            let rpr = node.children().find(|c| c.tag_name().name() == "rPr");
            let style = RunStyle {
                sup: rpr.is_some_and(marks_style),
                symbol_font: rpr.and_then(symbol_font),
            };
            for child in node.children().filter(Node::is_element) {
                self.run_content(child, vis, style, run);
            }
            return;
        }
        for child in node.children().filter(Node::is_element) {
            self.inline(child, vis, para);
        }
    }

    /// The content of one run.
    fn run_content(&mut self, node: Node, vis: Vis, style: RunStyle, run: u32) {
        let sup = style.sup;
        let ns = node.tag_name().namespace();
        if ns != Some(W) && ns != Some(M) {
            return;
        }
        let text: String = match node.tag_name().name() {
            "t" | "delText" => {
                let text = node.text().unwrap_or_default();
                match style.symbol_font {
                    Some(font) => symbol_text(font, text),
                    None => text.to_string(),
                }
            }
            "tab" | "ptab" => "\t".into(),
            "br" | "cr" => "\n".into(),
            "noBreakHyphen" => "\u{2011}".into(),
            "softHyphen" => "\u{00AD}".into(),
            "sym" => match symbol_char(w_attr(node, "font"), w_attr(node, "char")) {
                Some(c) => c.to_string(),
                None => return,
            },
            "fldChar" => {
                match w_attr(node, "fldCharType") {
                    Some("begin") => {
                        self.fields.push(false);
                        self.in_code += 1;
                    }
                    Some("separate") => {
                        if let Some(top) = self.fields.last_mut().filter(|top| !**top) {
                            *top = true;
                            self.in_code -= 1;
                        }
                    }
                    Some("end") => {
                        self.in_code -= usize::from(self.fields.pop() == Some(false));
                    }
                    _ => {}
                }
                return;
            }
            "footnoteReference" => {
                let Some(id) = w_attr(node, "id") else {
                    return;
                };
                let custom_mark =
                    matches!(w_attr(node, "customMarkFollows"), Some("1" | "true" | "on"));
                self.push_piece(
                    PieceKind::FootnoteRef {
                        id: id.to_string(),
                        custom_mark,
                    },
                    vis,
                    sup,
                    run,
                );
                return;
            }
            "footnoteRef" => {
                self.push_piece(PieceKind::FootnoteSelf, vis, sup, run);
                return;
            }
            // instrText (field code), rPr, drawings, separators, page-break hints...
            _ => return,
        };
        if self.in_code == 0 {
            self.push_piece(PieceKind::Text(text), vis, sup, run);
        }
    }

    fn push_piece(&mut self, kind: PieceKind, vis: Vis, sup: bool, run: u32) {
        if let Some(para) = self.paras.last_mut() {
            para.pieces.push(Piece {
                kind,
                vis,
                sup,
                run,
            });
        }
    }

    fn current_len(&self) -> usize {
        self.paras.last().map_or(0, |p| p.pieces.len())
    }

    fn text_since(&self, first: usize) -> String {
        let Some(para) = self.paras.last() else {
            return String::new();
        };
        para.pieces[first.min(para.pieces.len())..]
            .iter()
            .filter_map(|p| match &p.kind {
                PieceKind::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }
}

const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

fn in_w_or_math(node: Node) -> bool {
    matches!(node.tag_name().namespace(), Some(W) | Some(M))
}

/// Elements whose content is never text of the document: properties (including the
/// formatting-only revisions `w:rPrChange`, `w:pPrChange` ... that live inside them), drawings,
/// text boxes, comments, field codes.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "pPr"
            | "rPr"
            | "sectPr"
            | "tblPr"
            | "trPr"
            | "tcPr"
            | "tblGrid"
            | "tblPrEx"
            | "sdtPr"
            | "sdtEndPr"
            | "drawing"
            | "pict"
            | "object"
            | "txbxContent"
            | "instrText"
            | "delInstrText"
            | "commentReference"
            | "ctrlPr"
    )
}

/// What a run's properties say about its text.
#[derive(Debug, Clone, Copy)]
struct RunStyle {
    /// Footnote-reference style or superscript: where footnote marks are written.
    sup: bool,
    /// A symbol font (Symbol, Wingdings) whose codes are not Unicode text.
    symbol_font: Option<&'static str>,
}

/// The symbol font a run is set in, if any (`w:rFonts w:ascii="Symbol"`).
fn symbol_font(rpr: Node) -> Option<&'static str> {
    let fonts = rpr.children().find(|c| is_w(*c, "rFonts"))?;
    ["ascii", "hAnsi"].iter().find_map(|a| {
        let font = w_attr(fonts, a)?.to_ascii_lowercase();
        if font.starts_with("symbol") {
            Some("Symbol")
        } else if font.starts_with("wingdings") {
            Some("Wingdings")
        } else {
            None
        }
    })
}

/// Text typed in a symbol font: its private-use codes (`U+F02D`, as an office suite writes a
/// `w:sym` back) mapped like `w:sym`; other characters kept.
fn symbol_text(font: &str, text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            code @ 0xF020..=0xF0FF => {
                symbol_char(Some(font), Some(&format!("{code:X}"))).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// A run styled as a footnote reference or raised as superscript.
fn marks_style(rpr: Node) -> bool {
    rpr.children().any(|c| {
        let val = w_attr(c, "val").unwrap_or_default();
        (is_w(c, "rStyle") && {
            let v = val.to_ascii_lowercase();
            v.contains("footnote") || v.contains("endnote")
        }) || (is_w(c, "vertAlign") && val == "superscript")
    })
}

/// Whether `node` is a tracked insertion/deletion/move, and where its content shows.
/// `mark`: the element sits in a paragraph mark's properties.
fn revision_of(node: Node, mark: bool) -> Option<(Vis, RevisionKind)> {
    if node.tag_name().namespace() != Some(W) {
        return None;
    }
    let only_after = Vis {
        before: false,
        after: true,
    };
    let only_before = Vis {
        before: true,
        after: false,
    };
    let (vis, kind, mark_kind) = match node.tag_name().name() {
        "ins" => (
            only_after,
            RevisionKind::Insert,
            RevisionKind::ParagraphInsert,
        ),
        "moveTo" => (
            only_after,
            RevisionKind::MoveTo,
            RevisionKind::ParagraphInsert,
        ),
        "del" => (
            only_before,
            RevisionKind::Delete,
            RevisionKind::ParagraphDelete,
        ),
        "moveFrom" => (
            only_before,
            RevisionKind::MoveFrom,
            RevisionKind::ParagraphDelete,
        ),
        _ => return None,
    };
    Some((vis, if mark { mark_kind } else { kind }))
}

fn revision(node: Node, kind: RevisionKind, text: String, para: usize) -> TrackedRevision {
    TrackedRevision {
        kind,
        author: w_attr(node, "author").map(str::to_string),
        date: w_attr(node, "date").map(str::to_string),
        text,
        origin: Origin {
            unit: OriginUnit::Paragraph,
            start: para,
            end: para,
        },
    }
}
