//! Errors a user can cause with their input, each naming the file and what is wrong.

use std::path::{Path, PathBuf};

/// Exit status as diff(1): no differences.
pub const EXIT_SAME: i32 = 0;
/// Exit status as diff(1): differences found.
pub const EXIT_DIFFERENT: i32 = 1;
/// Exit status as diff(1): trouble (bad input, unreadable file, bad arguments).
pub const EXIT_TROUBLE: i32 = 2;

/// Every message is one line: the path, what is wrong (and where, when a place is known), then
/// what to do. `-v` adds the underlying cause (`source`) on further lines.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: no such file; check the path", .0.display())]
    NotFound(PathBuf),
    #[error("{}: is a directory, expected a file; give the path of a file", .0.display())]
    IsDirectory(PathBuf),
    #[error("{}: cannot read: {}", path.display(), read_advice(source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Writing an output file failed (disk full, no permission ...).
    #[error("{}: cannot write: {}", path.display(), write_advice(source))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: empty file: there is no text to read; check that this is the file you meant", .0.display())]
    Empty(PathBuf),
    /// `reason` says what gave it away and where (`NUL byte at offset 1234`).
    #[error("{}: binary file ({reason}), not a resolution text: give a .md, .txt or .docx file", path.display())]
    Binary { path: PathBuf, reason: String },
    /// `reason` names the part (and line in it) at fault and ends with what to do.
    #[error("{}: not a Word document: {reason}", path.display())]
    BadDocx { path: PathBuf, reason: String },
    #[error("{}: no resolution found: {reason}; is this a resolution text?", path.display())]
    NoResolution { path: PathBuf, reason: String },
    /// `reason` says which limit and ends with what to do.
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

/// Why a file could not be read, in words, and what to do about it.
fn read_advice(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::PermissionDenied => "permission denied; check the file's permissions".into(),
        K::NotADirectory => "a part of the path is a file, not a directory; check the path".into(),
        _ => format!("{}; check that the file can be read", lower_first(e)),
    }
}

/// Why an output could not be written, in words, and what to do about it.
fn write_advice(e: &std::io::Error) -> String {
    write_problem(e, "choose another -o")
}

/// The one-line message when the report cannot be written to stdout (a full disk behind a
/// redirection): there is no path to name, so it names stdout.
pub fn stdout_message(e: &std::io::Error) -> String {
    format!(
        "stdout: cannot write output: {}",
        write_problem(e, "write it elsewhere with -o FILE")
    )
}

/// What went wrong writing, then what to do (`elsewhere`: how to send the report elsewhere).
fn write_problem(e: &std::io::Error, elsewhere: &str) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => format!("its directory does not exist; create it or {elsewhere}"),
        K::PermissionDenied => format!("permission denied; check the permissions or {elsewhere}"),
        K::StorageFull => format!("no space left on device; free some space or {elsewhere}"),
        K::FileTooLarge => {
            format!("file too large (a file size limit?); raise the limit or {elsewhere}")
        }
        K::ReadOnlyFilesystem => format!("read-only file system; {elsewhere}"),
        K::NotADirectory => {
            "a part of the path is a file, not a directory; check the path".to_string()
        }
        _ => format!("{}; {elsewhere}", lower_first(e)),
    }
}

/// The system's message (`Permission denied (os error 13)`) starting in lower case, to sit
/// inside a sentence.
fn lower_first(e: &std::io::Error) -> String {
    let s = e.to_string();
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s,
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
