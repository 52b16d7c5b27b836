//! Writing: a Word document (.docx) that shows the new revision of a resolution with real
//! revision marks (`w:ins` / `w:del`) against the old one, laid out the way ITU contributions
//! are (ITU paragraph styles, a `MOD` / `ADD` / `SUP` mark before each changed unit).
//!
//! Pipeline: [`plan`] orders the units of both revisions, [`layout`] turns them into styled
//! paragraphs with revision states, [`docx`] serializes and zips them. [`plain_text`] gives the
//! text of one revision laid out the same way, the reference for "accept all" / "reject all".

mod docx;
mod layout;
mod plan;
mod stream;
mod text;

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::model::Resolution;
use crate::report::Report;

pub use text::plain_text;

/// Options of [`write_docx`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    /// Author of every revision (default `resdiff`).
    pub author: String,
    /// Date of every revision, ISO 8601 `YYYY-MM-DDThh:mm:ssZ`. The default is a fixed date,
    /// so the same inputs always give the same bytes.
    pub date: String,
    /// Proposal reference (`USA/48A5`): marks are then numbered `USA/48A5/1`, `USA/48A5/2`, ...
    pub reference: Option<String>,
}

/// The fixed default revision date.
pub const DEFAULT_DATE: &str = "2026-01-01T00:00:00Z";

impl Default for DocxOptions {
    fn default() -> Self {
        DocxOptions {
            author: "resdiff".to_string(),
            date: DEFAULT_DATE.to_string(),
            reference: None,
        }
    }
}

/// Is `s` a date Word accepts in `w:date` (`2026-01-01T00:00:00Z`, seconds and `Z` required)?
fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    b.len() == 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'Z'
}

/// The .docx bytes of `new` with tracked changes against `old`, following `report` for which
/// clause became which. Accepting all changes gives `new`, rejecting them gives `old` (each as
/// [`plain_text`] lays it out), whatever the report says: segments that do not spell both
/// texts are replaced by the writer's own word diff.
pub fn write_docx(
    old: &Resolution,
    new: &Resolution,
    report: &Report,
    opts: &DocxOptions,
) -> Result<Vec<u8>> {
    let bad = |message: String| Error::Other {
        path: PathBuf::from("docx"),
        message,
    };
    if !valid_date(&opts.date) {
        return Err(bad(format!(
            "revision date {:?} is not ISO 8601; give one like {DEFAULT_DATE}",
            opts.date
        )));
    }
    let paras = layout::layout(old, new, report, opts);
    let document = docx::document_xml(&paras, &opts.author, &opts.date);
    docx::package(&document).map_err(|e| bad(format!("cannot write the package: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(valid_date(DEFAULT_DATE));
        assert!(!valid_date("2026-01-01"));
        assert!(!valid_date("2026-01-01T00:00:00+01:00"));
        assert!(!valid_date("2026-01-01T00:00:00ZZ"));
    }
}
