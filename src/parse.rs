//! Structure: blocks to a [`Resolution`], one set of rules for every input format.

use std::path::Path;

use crate::block::Blocks;
use crate::error::Result;
use crate::model::{Resolution, Source};

/// Builds the resolution from a reader's blocks.
pub fn parse_blocks(path: &Path, source: Source, blocks: Blocks) -> Result<Resolution> {
    let _ = (source, blocks);
    Err(crate::error::Error::Other {
        path: path.to_path_buf(),
        message: "parser not implemented yet".into(),
    })
}
