//! The .docx reader: a Word document (OOXML) to [`Blocks`], in either view of its revisions.
//!
//! Paragraphs of the body (table cells included) become blocks, with the hint their ITU
//! paragraph style gives; footnotes come from `word/footnotes.xml`; headers, footers, text
//! boxes and field codes are left out. Tracked changes are resolved per view: `View::Before`
//! rejects them all, `View::After` accepts them all, and both list them in `Blocks::revisions`.
//!
//! The file is untrusted: `package` caps what the zip may make us read, `xml` refuses DTDs
//! and bounds the nesting of elements before parsing.

mod content;
mod numbering;
mod package;
mod styles;
mod symbols;
mod views;
mod xml;

use std::collections::HashMap;
use std::path::Path;

pub use package::Limits;
pub use symbols::symbol_char;

use crate::block::{Block, Blocks, Hint};
use crate::error::{Error, Result};
use crate::model::{Footnote, Text, TrackedRevision, View, Warning, WarningKind};
use content::{Para, Walker};
use numbering::Numbering;
use package::Package;
use styles::Styles;

const DOCUMENT: &str = "word/document.xml";
const STYLES: &str = "word/styles.xml";
const FOOTNOTES: &str = "word/footnotes.xml";
const NUMBERING: &str = "word/numbering.xml";
/// The signature of OLE compound files: Word 97-2003 documents and encrypted .docx files.
pub(crate) const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads one view of a .docx.
pub fn read_docx(path: &Path, bytes: &[u8], view: View) -> Result<Blocks> {
    let doc = Walked::read(path, bytes, Limits::default())?;
    Ok(doc.view(view))
}

/// Reads both views of a .docx at the cost of one: `(before, after)`.
pub fn read_docx_views(path: &Path, bytes: &[u8]) -> Result<(Blocks, Blocks)> {
    read_docx_views_with(path, bytes, Limits::default())
}

/// [`read_docx_views`] with explicit caps (tests use small ones).
pub fn read_docx_views_with(path: &Path, bytes: &[u8], limits: Limits) -> Result<(Blocks, Blocks)> {
    let doc = Walked::read(path, bytes, limits)?;
    Ok((doc.view(View::Before), doc.view(View::After)))
}

/// Whether the document body has tracked changes, so that comparing its two views means
/// something (formatting-only revisions do not count).
pub fn has_revisions(path: &Path, bytes: &[u8]) -> Result<bool> {
    Ok(!Walked::read(path, bytes, Limits::default())?
        .revisions
        .is_empty())
}

/// The document walked once, ready to render either view.
struct Walked {
    paras: Vec<Para>,
    revisions: Vec<TrackedRevision>,
    /// Footnote id -> its paragraphs.
    footnotes: HashMap<String, Vec<Para>>,
    numbering: Numbering,
}

impl Walked {
    fn read(path: &Path, bytes: &[u8], limits: Limits) -> Result<Self> {
        if bytes.starts_with(&OLE_MAGIC) {
            return Err(Error::BadDocx {
                path: path.to_path_buf(),
                reason: "an OLE compound file (a legacy .doc, or a .docx with a password); \
                         save it in Word as .docx without a password"
                    .into(),
            });
        }
        let mut package = Package::open(path, bytes, limits)?;
        let Some(document) = package.read_text(DOCUMENT)? else {
            let reason = if package.has("mimetype") || package.has("content.xml") {
                "word/document.xml is missing (an OpenDocument file?); save it as .docx in \
                 LibreOffice or Word"
            } else {
                "word/document.xml is missing; open it in Word and save it again as .docx"
            };
            return Err(Error::BadDocx {
                path: path.to_path_buf(),
                reason: reason.into(),
            });
        };
        let styles = match package.read_text(STYLES)? {
            Some(text) => Styles::from_xml(&xml::parse(
                path,
                STYLES,
                &text,
                limits.max_xml_nodes,
                limits.max_depth,
            )?),
            None => Styles::default(),
        };

        let tree = xml::parse(
            path,
            DOCUMENT,
            &document,
            limits.max_xml_nodes,
            limits.max_depth,
        )?;
        let body = tree
            .root_element()
            .children()
            .find(|n| xml::is_w(*n, "body"))
            .ok_or_else(|| Error::BadDocx {
                path: path.to_path_buf(),
                reason: "word/document.xml has no body (w:body); open it in Word and save it \
                         again as .docx"
                    .into(),
            })?;
        let mut walker = Walker::new(&styles);
        walker.container(body);
        let (paras, revisions) = (walker.paras, walker.revisions);
        drop(tree);
        drop(document);

        let footnotes = match package.read_text(FOOTNOTES)? {
            Some(text) => read_footnotes(path, &text, &styles, limits)?,
            None => HashMap::new(),
        };
        let numbering = match package.read_text(NUMBERING)? {
            Some(text) => Numbering::from_xml(&xml::parse(
                path,
                NUMBERING,
                &text,
                limits.max_xml_nodes,
                limits.max_depth,
            )?),
            None => Numbering::default(),
        };
        Ok(Walked {
            paras,
            revisions,
            footnotes,
            numbering,
        })
    }

    fn view(&self, view: View) -> Blocks {
        let (mut blocks, calls) = views::render(&self.paras, &self.numbering, view);
        assign_context_hints(&mut blocks);
        let mut footnotes = Vec::new();
        let mut warnings = Vec::new();
        for call in views::first_calls(&calls) {
            match self.footnotes.get(&call.id) {
                Some(paras) => footnotes.push(Footnote {
                    mark: call.mark.clone(),
                    text: Text::new(views::footnote_text(paras, view)),
                }),
                None => warnings.push(Warning {
                    kind: WarningKind::Other,
                    message: format!(
                        "footnote {} is called in the text but missing from the document",
                        call.mark
                    ),
                    origin: None,
                }),
            }
        }
        Blocks {
            blocks,
            footnotes,
            revisions: self.revisions.clone(),
            warnings,
        }
    }
}

/// The paragraphs of each real footnote (not the separators Word keeps as footnotes -1 and 0).
fn read_footnotes(
    path: &Path,
    text: &str,
    styles: &Styles,
    limits: Limits,
) -> Result<HashMap<String, Vec<Para>>> {
    let tree = xml::parse(
        path,
        FOOTNOTES,
        text,
        limits.max_xml_nodes,
        limits.max_depth,
    )?;
    let mut out = HashMap::new();
    for note in tree
        .root_element()
        .children()
        .filter(|n| xml::is_w(*n, "footnote"))
    {
        let separator = matches!(
            xml::w_attr(note, "type"),
            Some("separator" | "continuationSeparator" | "continuationNotice")
        );
        let Some(id) = xml::w_attr(note, "id") else {
            continue;
        };
        if separator || matches!(id, "-1" | "0") {
            continue;
        }
        let mut walker = Walker::new(styles);
        walker.container(note);
        out.insert(id.to_string(), walker.paras);
    }
    Ok(out)
}

/// Hints that depend on the place of a paragraph, not only on its style.
///
/// - Front matter (cover page, FOREWORD, copyright) comes before the first `ResNo` paragraph:
///   skipped, except the proposal marks and reasons of a contribution that sit there.
/// - ITU uses the "Normal after title" style both for the adopting body line and for the
///   first provision after a section title: only the first is the adopting body.
fn assign_context_hints(blocks: &mut [Block]) {
    if let Some(first) = blocks.iter().position(|b| b.hint == Hint::ResolutionNumber) {
        for block in &mut blocks[..first] {
            if !matches!(block.hint, Hint::Mark | Hint::Reasons) {
                block.hint = Hint::Skip;
            }
        }
    }
    let mut previous = Hint::None;
    for block in blocks.iter_mut() {
        if block.hint == Hint::AdoptingBody
            && !matches!(
                previous,
                Hint::History | Hint::ResolutionTitle | Hint::ResolutionNumber
            )
        {
            block.hint = Hint::None;
        }
        if block.hint != Hint::Skip {
            previous = block.hint;
        }
    }
}
