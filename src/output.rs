//! Writing reports safely: a report trusted in a meeting must never be half-written, and a user's
//! own documents must never be overwritten by a typo in `-o`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What to do when the output file already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overwrite {
    /// Refuse (the default): the user asks with `--force`.
    #[default]
    Refuse,
    /// Replace it (`--force`), still atomically.
    Replace,
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so an
/// interrupted run leaves either the old file or the whole new one. Refuses to write over any of
/// `inputs` (even with `Overwrite::Replace`) and over an existing file unless asked.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    inputs: &[&Path],
    overwrite: Overwrite,
) -> Result<()> {
    if inputs.iter().any(|input| same_file(input, path)) {
        return Err(Error::Other {
            path: path.to_path_buf(),
            message: "refusing to write the report over an input file; choose another -o".into(),
        });
    }
    if path.is_dir() {
        return Err(Error::IsDirectory(path.to_path_buf()));
    }
    // A device or a FIFO (`-o /dev/stdout`, `/dev/full`) is written in place: a rename would
    // replace the device node itself (root may do that in /dev), and it holds no file to lose.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return write_in_place(path, bytes);
    }
    if path.exists() && overwrite == Overwrite::Refuse {
        return Err(Error::Other {
            path: path.to_path_buf(),
            message: "already exists; use --force to replace it".into(),
        });
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.resdiff-{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Write {
            path: path.to_path_buf(),
            source: e,
        });
    }
    Ok(())
}

fn write_in_place(path: &Path, bytes: &[u8]) -> Result<()> {
    let result = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()));
    result.map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// True when both paths name the same existing file (through links and `..`).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_inputs_and_existing_files_and_replaces_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("old.txt");
        std::fs::write(&input, "old").unwrap();
        let err = write_atomically(&input, b"x", &[&input], Overwrite::Replace).unwrap_err();
        assert!(err.to_string().contains("input file"), "{err}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "old");

        let out = dir.path().join("report.json");
        write_atomically(&out, b"one", &[&input], Overwrite::Refuse).unwrap();
        let err = write_atomically(&out, b"two", &[&input], Overwrite::Refuse).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        write_atomically(&out, b"two", &[&input], Overwrite::Replace).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "two");
        // No temporary file left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
