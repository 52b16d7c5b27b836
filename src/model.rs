//! The document model: what a resolution *is*, independent of the format it came in.
//!
//! Every reader (Markdown from PDF, plain text from Word, .docx) ends in this model, so the
//! aligner, the renderers, history and review never look at a file format again.

use serde::{Deserialize, Serialize};

use crate::normalize::comparison_key;

/// Version of the JSON produced by `resdiff parse --format json`. Bump on any breaking change.
pub const PARSE_SCHEMA_VERSION: u32 = 1;

/// A text in its two forms: `shown` as written (typography kept) and `key`, the comparison key
/// (see [`crate::normalize::comparison_key`]). Two texts that differ only in typography have equal keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Text {
    pub shown: String,
    pub key: String,
}

impl Text {
    pub fn new(shown: impl Into<String>) -> Self {
        let shown = shown.into();
        let key = comparison_key(&shown);
        Text { shown, key }
    }
    pub fn is_empty(&self) -> bool {
        self.key.is_empty()
    }
}

/// The assembly or conference that adopts the resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Body {
    /// World Telecommunication Standardization Assembly (ITU-T).
    Wtsa,
    /// Plenipotentiary Conference.
    Pp,
    /// Radiocommunication Assembly (ITU-R).
    Ra,
    /// World Telecommunication Development Conference (ITU-D).
    Wtdc,
}

/// One adoption or revision: `Geneva, 2022`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adoption {
    pub place: String,
    pub year: Option<u16>,
}

/// The revision in the heading: `Rev. Geneva, 2022`. `raw` is kept as written even when the
/// place/year could not be read (e.g. flattened revision marks `REV. DUBAI, 2012HAMMAMET, 2016`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub raw: String,
    pub place: Option<String>,
    pub year: Option<u16>,
}

/// What a contribution proposes for a unit, in ITU's own marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Op {
    /// No change.
    Noc,
    /// Modified.
    Mod,
    /// Added.
    Add,
    /// Suppressed (deleted).
    Sup,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Noc => "NOC",
            Op::Mod => "MOD",
            Op::Add => "ADD",
            Op::Sup => "SUP",
        }
    }
    pub fn parse(s: &str) -> Option<Op> {
        match s.trim().to_ascii_uppercase().as_str() {
            "NOC" => Some(Op::Noc),
            "MOD" => Some(Op::Mod),
            "ADD" => Some(Op::Add),
            "SUP" => Some(Op::Sup),
            _ => None,
        }
    }
}

impl std::fmt::Display for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A proposal mark paragraph of a contribution: `MOD USA/48A5/1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub op: Op,
    /// `(MOD)`: editorial only.
    pub editorial: bool,
    /// `ADD*` / `SUP*`: text transferred from / to another place.
    pub transferred: bool,
    /// `USA/48A5/1`.
    pub reference: Option<String>,
    /// The `Reasons:` paragraph that follows the unit, if any.
    pub reasons: Option<String>,
    pub origin: Origin,
}

/// The heading of a resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Header {
    pub body: Option<Body>,
    /// `7`, `1`, `ITU-R 9-5`: as the document numbers itself.
    pub number: Option<String>,
    /// The heading line as written: `RESOLUTION 7 (Rev. Geneva, 2022)`.
    pub heading: Option<Text>,
    pub title: Option<Text>,
    pub revision: Option<Revision>,
    /// The history line parsed: every assembly that adopted or revised the resolution.
    pub history: Vec<Adoption>,
    pub history_raw: Option<Text>,
    /// `The World Telecommunication Standardization Assembly (Geneva, 2022),`
    pub adopting_body: Option<Text>,
    /// Marks of a contribution around the resolution (`MOD USA/48A5/1`).
    pub marks: Vec<Mark>,
}

/// Where a piece of the model came from: 1-based line range for text inputs,
/// 0-based paragraph index range for .docx (inclusive both ends).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    pub unit: OriginUnit,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OriginUnit {
    #[default]
    Line,
    Paragraph,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = match self.unit {
            OriginUnit::Line => "line",
            OriginUnit::Paragraph => "paragraph",
        };
        if self.start == self.end {
            write!(f, "{unit} {}", self.start)
        } else {
            write!(f, "{unit}s {}-{}", self.start, self.end)
        }
    }
}

/// A clause label as written (`b)bis`, `1.11.1`, `•`) and normalized (`b bis`, `1.11.1`, `•`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Label {
    pub raw: String,
    pub norm: String,
}

/// What kind of division a heading opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DivisionKind {
    /// considering, noting, recognizing, ...: clauses lettered a), b), ...
    Preambular,
    /// resolves, instructs ..., invites ...: clauses numbered 1, 2, ...
    Operative,
    /// A numbered part: Resolution 1's `SECTION 1`, `Section 1bis`.
    Part,
    /// A heading inside a part (`1bis.1 General principles`) that groups provisions.
    Heading,
    Annex,
    Appendix,
}

/// A division of the resolution: a preambular or operative section, a numbered part, an annex.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Division {
    pub kind: DivisionKind,
    /// The heading as written and keyed: `considering`, `instructs the Director of TSB`, `SECTION 1`.
    pub heading: Text,
    /// For parts, annexes, appendices: their number (`1bis`, `A`).
    pub label: Option<Label>,
    /// For parts, annexes, appendices: the title line that follows the number.
    pub title: Option<Text>,
    pub clauses: Vec<Clause>,
    pub children: Vec<Division>,
    pub origin: Origin,
}

/// A clause (or provision) with its sub-items.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// `None` for an unlabelled clause (a section with a single paragraph).
    pub label: Option<Label>,
    pub text: Text,
    /// Sub-items (`i)`, bullets, `a)` inside a numbered provision), in order.
    pub items: Vec<Clause>,
    /// Footnote marks referenced from this clause's text (`1`, `*`).
    pub footnote_refs: Vec<String>,
    pub origin: Origin,
}

impl Clause {
    /// The clause's own text followed by its sub-items' texts, as shown: what a reader sees as
    /// "the clause", used for alignment and inline diffs (sub-items belong to their clause).
    pub fn full_shown(&self) -> String {
        let mut out = self.text.shown.clone();
        for item in &self.items {
            let sub = item.full_shown();
            if !out.is_empty() {
                out.push('\n');
            }
            if let Some(l) = &item.label {
                out.push_str(&l.raw);
                out.push(' ');
            }
            out.push_str(&sub);
        }
        out
    }
}

/// A footnote: `1 This includes the least developed countries ...`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    pub mark: String,
    pub text: Text,
}

/// Where the document came from and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub format: Format,
    /// For .docx with revision marks: which view this document is.
    pub view: Option<View>,
}

/// The input formats resdiff reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown converted from PDF.
    Markdown,
    /// Plain text saved from Word (TAB after labels, bullets).
    Text,
    /// One outline bullet per line, as copied from web pages.
    Outline,
    /// Word document (OOXML).
    Docx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::Outline => "outline",
            Format::Docx => "docx",
        }
    }
}

/// Which side of a document with revision marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// All revisions rejected.
    Before,
    /// All revisions accepted.
    After,
}

/// A warning about the input: data in the model, shown by renderers, never printed by deep code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub message: String,
    pub origin: Option<Origin>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningKind {
    /// The file was not UTF-8 and was decoded (Windows-1252, UTF-16).
    Decoded,
    /// Revision marks were flattened into the text: old and new wording run together.
    FlattenedRevisions,
    /// The text seems to stop early.
    Truncated,
    /// A list marker was lost (page break) and restored from context.
    RestoredLabel,
    /// Labels out of sequence, duplicated or skipped.
    LabelSequence,
    /// Text the parser kept but could not place precisely.
    Unplaced,
    /// Bidirectional control characters (U+202A..U+202E, U+2066..U+2069), which can show words
    /// in another order than they are written (see [`crate::bidi`]).
    BidiControl,
    /// Anything else worth a reader's attention.
    Other,
}

/// One tracked change of a .docx (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`), kept for provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackedRevision {
    pub kind: RevisionKind,
    pub author: Option<String>,
    /// As written in the file (`2016-10-20T09:12:00Z`).
    pub date: Option<String>,
    /// The inserted or deleted text.
    pub text: String,
    pub origin: Origin,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RevisionKind {
    Insert,
    Delete,
    MoveFrom,
    MoveTo,
    /// A whole paragraph mark inserted (a paragraph added).
    ParagraphInsert,
    /// A whole paragraph mark deleted (paragraphs joined or removed).
    ParagraphDelete,
}

/// A parsed resolution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    pub schema_version: u32,
    pub source: Source,
    pub header: Header,
    /// Top-level divisions in reading order.
    pub divisions: Vec<Division>,
    pub footnotes: Vec<Footnote>,
    /// Tracked changes of a .docx (empty for other formats), for provenance.
    pub revisions: Vec<TrackedRevision>,
    pub warnings: Vec<Warning>,
}

impl Resolution {
    /// All divisions depth-first, in reading order.
    pub fn walk_divisions(&self) -> Vec<&Division> {
        fn go<'a>(d: &'a Division, out: &mut Vec<&'a Division>) {
            out.push(d);
            for c in &d.children {
                go(c, out);
            }
        }
        let mut out = Vec::new();
        for d in &self.divisions {
            go(d, &mut out);
        }
        out
    }

    /// How many top-level clauses there are: `clauses().len()`, without listing them.
    pub fn clause_count(&self) -> usize {
        fn go(d: &Division) -> usize {
            d.clauses.len() + d.children.iter().map(go).sum::<usize>()
        }
        self.divisions.iter().map(go).sum()
    }

    /// Every top-level clause with the division that holds it, in reading order.
    pub fn clauses(&self) -> Vec<(&Division, &Clause)> {
        self.walk_divisions()
            .into_iter()
            .flat_map(|d| d.clauses.iter().map(move |c| (d, c)))
            .collect()
    }
}
