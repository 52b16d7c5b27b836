//! Errors a user can cause with their input, each naming the file and what is wrong.

use std::path::{Path, PathBuf};

/// Exit status as diff(1): no differences.
pub const EXIT_SAME: i32 = 0;
/// Exit status as diff(1): differences found.
pub const EXIT_DIFFERENT: i32 = 1;
/// Exit status as diff(1): trouble (bad input, unreadable file, bad arguments).
pub const EXIT_TROUBLE: i32 = 2;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file", .0.display())]
    NotFound(PathBuf),
    #[error("{}: is a directory, expected a file", .0.display())]
    IsDirectory(PathBuf),
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Writing an output file failed (disk full, no permission ...).
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: empty file", .0.display())]
    Empty(PathBuf),
    #[error("{}: binary file, not a resolution text (supported: .md, .txt, .docx)", .0.display())]
    Binary(PathBuf),
    #[error("{}: not a Word document: {reason}", path.display())]
    BadDocx { path: PathBuf, reason: String },
    #[error("{}: no resolution found: {reason}", path.display())]
    NoResolution { path: PathBuf, reason: String },
    #[error("{}: too large: {reason}", path.display())]
    TooLarge { path: PathBuf, reason: String },
    #[error("{}: {message}", path.display())]
    Other { path: PathBuf, message: String },
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        match source.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound(path.to_path_buf()),
            _ => Error::Io {
                path: path.to_path_buf(),
                source,
            },
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
