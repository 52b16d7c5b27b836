//! Reading: bytes of a file to [`Blocks`], per format, then to a [`Resolution`].
//!
//! The format is chosen by content (and extension), or forced with [`LoadOptions::from`].

use std::path::Path;

use crate::block::Blocks;
use crate::error::{Error, Result};
use crate::model::{Format, Resolution, View};

/// How to read an input.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Force a format instead of detecting it.
    pub from: Option<Format>,
    /// For a .docx with revision marks: which side to read (default: after).
    pub view: Option<View>,
}

/// Reads and parses one file.
pub fn load(path: &Path, options: &LoadOptions) -> Result<Resolution> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    load_bytes(path, &bytes, options)
}

/// Parses bytes already in memory; `path` is used for messages and format detection.
pub fn load_bytes(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<Resolution> {
    let _ = (bytes, options);
    Err(Error::Other {
        path: path.to_path_buf(),
        message: "reader not implemented yet".into(),
    })
}

/// Reads bytes into blocks without parsing structure (for debugging and for the docx tools).
pub fn read_blocks(path: &Path, bytes: &[u8], options: &LoadOptions) -> Result<(Format, Blocks)> {
    let _ = (bytes, options);
    Err(Error::Other {
        path: path.to_path_buf(),
        message: "reader not implemented yet".into(),
    })
}
