//! Blocks: the common currency between the format readers and the structure parser.
//!
//! Each reader turns its format into a flat list of blocks (a paragraph of a .docx, a logical
//! line of a text file) with whatever structural hint the format gives for free (an ITU
//! paragraph style, Markdown emphasis or list nesting). The parser (`crate::parse`) then applies
//! one set of structure rules to every format, so a .docx and its text export parse alike.

use serde::{Deserialize, Serialize};

use crate::model::{Footnote, Origin, TrackedRevision, Warning};

/// What the source format says about a block, before any structure rules run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Hint {
    /// Nothing known: decide from the text.
    #[default]
    None,
    /// Front matter to skip (letterhead, FOREWORD, copyright, page header or footer).
    Skip,
    /// `RESOLUTION 7 (Rev. Geneva, 2022)` (ITU style `ResNo`, or a Markdown heading).
    ResolutionNumber,
    /// The title (style `Restitle`).
    ResolutionTitle,
    /// The history line (style `Resref`).
    History,
    /// The adopting body line (style `Normalaftertitle`).
    AdoptingBody,
    /// A section phrase: `considering`, `resolves` (style `Call`, or Markdown `*considering*`).
    Call,
    /// `SECTION 1` (style `SectionNo`).
    PartNumber,
    /// The title under a part number (style `Sectiontitle`).
    PartTitle,
    /// `Annex A` / `Appendix I` (styles `AnnexNo`, `AppendixNo`).
    AnnexNumber,
    /// The title under an annex number.
    AnnexTitle,
    /// A heading inside a part: `1bis.1 General principles` (styles `Heading1..3`).
    Heading(u8),
    /// A list item at a nesting level (1 = top): `enumlev1..3`, Markdown `- `, bullets.
    ListItem(u8),
    /// A note (style `Note`).
    Note,
    /// A proposal mark paragraph: `MOD USA/48A5/1` (style `Proposal`).
    Mark,
    /// A `Reasons:` paragraph of a contribution.
    Reasons,
    /// The same logical paragraph continues after a page break or a hard line cut.
    Continuation,
    /// A blank line in a text input (kept because page breaks show up as blank lines).
    Blank,
}

/// One paragraph or logical line of input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// The text as written (list markers of the format, such as Markdown's `- `, removed;
    /// clause labels such as `a)` kept: the parser reads them).
    pub text: String,
    pub hint: Hint,
    /// Footnote marks referenced in this block (a .docx `w:footnoteReference`).
    pub footnote_refs: Vec<String>,
    pub origin: Origin,
}

impl Block {
    pub fn new(text: impl Into<String>, hint: Hint, origin: Origin) -> Self {
        Block {
            text: text.into(),
            hint,
            footnote_refs: Vec::new(),
            origin,
        }
    }
}

/// What a reader produces: the blocks of the main text, footnotes, and warnings about the input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blocks {
    pub blocks: Vec<Block>,
    pub footnotes: Vec<Footnote>,
    /// Tracked changes found while reading (.docx only).
    pub revisions: Vec<TrackedRevision>,
    pub warnings: Vec<Warning>,
}
