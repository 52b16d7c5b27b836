//! placeholder, replaced by the docx helper

use std::path::Path;

use crate::block::Blocks;
use crate::error::{Error, Result};
use crate::model::View;

/// Reads a Word document into blocks (not implemented in this placeholder).
pub fn read_docx(path: &Path, bytes: &[u8], view: View) -> Result<Blocks> {
    let _ = (bytes, view);
    Err(Error::BadDocx {
        path: path.to_path_buf(),
        reason: "not implemented".into(),
    })
}
