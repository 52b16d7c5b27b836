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
/// `inputs` (even with `Overwrite::Replace`; hard links and symbolic links included), inside an
/// input that is a directory (a collection: the report would become one of its files), and
/// over an existing file unless asked. A symbolic link is written through: its target is
/// replaced, the link kept. Devices, FIFOs and the process's own streams (`/dev/stdout`,
/// `/proc/self/fd/1`) are written in place.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    inputs: &[&Path],
    overwrite: Overwrite,
) -> Result<()> {
    let refuse = |message: &str| Error::Other {
        path: path.to_path_buf(),
        message: message.into(),
    };
    if inputs.iter().any(|input| same_file(input, path)) {
        return Err(refuse(
            "refusing to write the report over an input file; choose another -o",
        ));
    }
    const INSIDE: &str = "refusing to write the report inside an input directory (it would be \
        read as one of its resolutions); choose another -o";
    if inputs.iter().any(|input| inside(input, path)) {
        return Err(refuse(INSIDE));
    }
    if path.is_dir() {
        return Err(Error::IsDirectory(path.to_path_buf()));
    }
    // A device or a FIFO (`/dev/full`) is written in place: a rename would replace the device
    // node itself (root may do that in /dev), and it holds no file to lose. So is a name of
    // the process's own streams, whatever file stdout was redirected to.
    let own_stream = cfg!(unix)
        && (["/dev/stdout", "/dev/stderr"]
            .iter()
            .any(|s| path == Path::new(s))
            || path.starts_with("/dev/fd/")
            || path.starts_with("/proc/self/fd/"));
    if own_stream || std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return write_in_place(path, bytes);
    }
    let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if (link || path.exists()) && overwrite == Overwrite::Refuse {
        return Err(refuse("already exists; use --force to replace it"));
    }
    // Through a symbolic link to its target; a link to nothing is refused rather than replaced.
    let target = if link {
        std::fs::canonicalize(path).map_err(|_| {
            refuse(
                "is a symbolic link to a file that does not exist; remove it or choose another -o",
            )
        })?
    } else {
        path.to_path_buf()
    };
    if inputs.iter().any(|input| inside(input, &target)) {
        return Err(refuse(INSIDE));
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let old = std::fs::metadata(&target).ok();
    let result = (|| -> std::io::Result<()> {
        let mut pending = Pending::new(&dir)?;
        let file = pending.file();
        file.write_all(bytes)?;
        // A replaced report keeps its permissions (a private 0600 report stays private).
        if let Some(old) = &old {
            file.set_permissions(old.permissions())?;
        }
        file.sync_all()?;
        pending.persist(&target)
    })();
    result.map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// A report being written, not yet in its place. On Linux a file without a name (`O_TMPFILE`)
/// until it is complete: a run killed half-way (Ctrl-C, `kill`) leaves nothing behind. Where
/// the file system cannot, a hidden named file ([`create_temporary`]), removed if the write
/// fails.
struct Pending {
    file: Option<std::fs::File>,
    dir: PathBuf,
    /// The file's temporary name, once it has one.
    name: Option<PathBuf>,
}

impl Pending {
    fn new(dir: &Path) -> std::io::Result<Pending> {
        #[cfg(target_os = "linux")]
        if let Some(file) = unnamed(dir) {
            return Ok(Pending {
                file: Some(file),
                dir: dir.to_path_buf(),
                name: None,
            });
        }
        let (name, file) = create_temporary(fresh_names(dir))?;
        Ok(Pending {
            file: Some(file),
            dir: dir.to_path_buf(),
            name: Some(name),
        })
    }

    fn file(&mut self) -> &mut std::fs::File {
        self.file.as_mut().expect("a pending report has its file")
    }

    /// Puts the complete file at `target` (replacing it atomically): named first, if it has
    /// no name yet, then renamed.
    fn persist(mut self, target: &Path) -> std::io::Result<()> {
        #[cfg(target_os = "linux")]
        if self.name.is_none() {
            let file = self.file.as_ref().expect("a pending report has its file");
            self.name = Some(link_unnamed(file, fresh_names(&self.dir))?);
        }
        drop(self.file.take());
        let name = self.name.take().expect("named above");
        std::fs::rename(&name, target).inspect_err(|_| {
            let _ = std::fs::remove_file(&name);
        })
    }
}

impl Drop for Pending {
    /// A report abandoned half-way (a failed write) leaves no file behind.
    fn drop(&mut self) {
        if let Some(name) = &self.name {
            let _ = std::fs::remove_file(name);
        }
    }
}

/// A file without a name in `dir` (`O_TMPFILE`), when the file system supports it and
/// `/proc/self/fd` can give it one later; `None` otherwise.
#[cfg(target_os = "linux")]
fn unnamed(dir: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    if !Path::new("/proc/self/fd").is_dir() {
        return None;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_TMPFILE)
        .mode(0o666)
        .open(dir)
        .ok()
}

/// Gives the unnamed `file` the first free one of `names` (`linkat` through `/proc/self/fd`,
/// which fails rather than follow or replace anything already there).
#[cfg(target_os = "linux")]
fn link_unnamed(
    file: &std::fs::File,
    names: impl Iterator<Item = PathBuf>,
) -> std::io::Result<PathBuf> {
    use std::ffi::CString;
    use std::os::fd::AsRawFd;
    use std::os::unix::ffi::OsStrExt;
    let from = CString::new(format!("/proc/self/fd/{}", file.as_raw_fd()))
        .map_err(std::io::Error::other)?;
    let (name, ()) = first_free(names, |name| {
        let to = CString::new(name.as_os_str().as_bytes()).map_err(std::io::Error::other)?;
        // SAFETY: both paths are NUL-terminated strings that live across the call.
        let done = unsafe {
            libc::linkat(
                libc::AT_FDCWD,
                from.as_ptr(),
                libc::AT_FDCWD,
                to.as_ptr(),
                libc::AT_SYMLINK_FOLLOW,
            )
        };
        if done == 0 {
            Ok(())
        } else {
            Err(std::io::Error::last_os_error())
        }
    })?;
    Ok(name)
}

/// A new temporary file under the first free one of `names`, created only if nothing has that
/// name (`create_new`: a file or symbolic link planted there in advance makes it fail, never
/// redirects the report).
fn create_temporary(
    names: impl Iterator<Item = PathBuf>,
) -> std::io::Result<(PathBuf, std::fs::File)> {
    first_free(names, |name| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(name)
    })
}

/// The first of `names` (at most 100) that `claim` takes, with what it gives: a name already
/// used (`AlreadyExists`) is passed over, any other failure ends the search.
fn first_free<T>(
    names: impl Iterator<Item = PathBuf>,
    mut claim: impl FnMut(&Path) -> std::io::Result<T>,
) -> std::io::Result<(PathBuf, T)> {
    let mut last = None;
    for name in names.take(100) {
        match claim(&name) {
            Ok(t) => return Ok((name, t)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no temporary name")))
}

/// Hidden names in `dir` no other run predicts (process id, clock and a count), short enough
/// that a report named up to the system's limit still gets one.
fn fresh_names(dir: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    std::iter::repeat_with(move || temporary_name(dir))
}

/// One of [`fresh_names`].
fn temporary_name(dir: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let clock = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    dir.join(format!(
        ".resdiff-{}-{clock:08x}{n:x}.tmp",
        std::process::id()
    ))
}

fn write_in_place(path: &Path, bytes: &[u8]) -> Result<()> {
    // Truncated as the shell's `>` does (a device ignores it).
    let result = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.flush()));
    result.map_err(|source| Error::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// True when both paths name the same existing file: through symbolic links and `..`, and,
/// on Unix, through hard links (same device and inode).
fn same_file(a: &Path, b: &Path) -> bool {
    if let (Ok(x), Ok(y)) = (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        if x == y {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.is_file() && x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}

/// True when `dir` is a directory and `path` would be written somewhere under it.
fn inside(dir: &Path, path: &Path) -> bool {
    let Ok(dir) = std::fs::canonicalize(dir) else {
        return false;
    };
    if !dir.is_dir() {
        return false;
    }
    // The output may not exist yet: its directory is what is resolved.
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent).is_ok_and(|p| p.starts_with(&dir))
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

    /// The names of a directory's entries, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_collection_directory_is_never_written_into() {
        let root = tempfile::tempdir().unwrap();
        let (old, new) = (root.path().join("old"), root.path().join("new"));
        std::fs::create_dir_all(&old).unwrap();
        std::fs::create_dir_all(new.join("sub")).unwrap();
        std::fs::write(new.join("r7.txt"), "resolution").unwrap();
        let inputs = [old.as_path(), new.as_path()];
        for out in [
            new.join("r7.txt"),
            new.join("report.md"),
            new.join("sub/x.md"),
        ] {
            let err = write_atomically(&out, b"report", &inputs, Overwrite::Replace).unwrap_err();
            assert!(
                err.to_string().contains("inside an input directory"),
                "{err}"
            );
        }
        assert_eq!(
            std::fs::read_to_string(new.join("r7.txt")).unwrap(),
            "resolution"
        );
        assert_eq!(names(&new), ["r7.txt", "sub"]);
        // Beside the directories is fine.
        write_atomically(
            &root.path().join("report.md"),
            b"report",
            &inputs,
            Overwrite::Refuse,
        )
        .unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn links_never_redirect_or_replace_what_they_should_not() {
        use std::os::unix::fs::{symlink, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let input = d.join("old.txt");
        std::fs::write(&input, "old").unwrap();
        // A hard link of an input is the input.
        std::fs::hard_link(&input, d.join("hard.txt")).unwrap();
        let err =
            write_atomically(&d.join("hard.txt"), b"x", &[&input], Overwrite::Replace).unwrap_err();
        assert!(err.to_string().contains("input file"), "{err}");
        // A symbolic link planted under the temporary name resdiff tries first, pointing at a
        // victim (the old names were predictable): passed over, never written through, both
        // for the named temporary file and for naming an unnamed one.
        let victim = d.join("victim.txt");
        std::fs::write(&victim, "precious").unwrap();
        let (planted, free) = (d.join(".planted.tmp"), d.join(".free.tmp"));
        symlink(&victim, &planted).unwrap();
        let tried = || [planted.clone(), free.clone()].into_iter();
        let (name, mut file) = create_temporary(tried()).unwrap();
        assert_eq!(name, free);
        file.write_all(b"report").unwrap();
        std::fs::remove_file(&free).unwrap();
        #[cfg(target_os = "linux")]
        if let Some(mut file) = unnamed(d) {
            file.write_all(b"report").unwrap();
            assert_eq!(link_unnamed(&file, tried()).unwrap(), free);
            std::fs::remove_file(&free).unwrap();
        }
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        std::fs::remove_file(&planted).unwrap();
        let report = d.join("report.txt");
        write_atomically(&report, b"report", &[&input], Overwrite::Refuse).unwrap();
        assert!(std::fs::symlink_metadata(&report).unwrap().is_file());
        // A link to a report elsewhere: refused without --force; with it, the target is
        // replaced and the link kept. A link to nothing is refused.
        std::fs::create_dir(d.join("elsewhere")).unwrap();
        let target = d.join("elsewhere/report.txt");
        std::fs::write(&target, "old report").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        let link = d.join("link.txt");
        symlink(&target, &link).unwrap();
        let err = write_atomically(&link, b"new", &[&input], Overwrite::Refuse).unwrap_err();
        assert!(err.to_string().contains("--force"), "{err}");
        write_atomically(&link, b"new report", &[&input], Overwrite::Replace).unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new report");
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "a private report stays private");
        let dangling = d.join("dangling.txt");
        symlink(d.join("nothing"), &dangling).unwrap();
        for force in [Overwrite::Refuse, Overwrite::Replace] {
            assert!(write_atomically(&dangling, b"x", &[&input], force).is_err());
        }
        assert!(!d.join("nothing").exists());
        // No temporary file left behind by any of it.
        assert!(
            names(d).iter().all(|n| !n.starts_with(".resdiff-")),
            "{:?}",
            names(d)
        );
    }

    #[test]
    fn a_name_as_long_as_allowed_gets_its_report() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join(format!("{}.md", "r".repeat(250)));
        write_atomically(&out, b"report", &[], Overwrite::Refuse).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"report");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_process_own_streams_are_written_in_place() {
        use std::os::fd::AsRawFd;
        // stdout redirected to a regular file, named through /proc/self/fd: written there, not
        // refused as an existing file nor replaced by a rename.
        let dir = tempfile::tempdir().unwrap();
        let file = std::fs::File::create(dir.path().join("captured.txt")).unwrap();
        let stream = PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()));
        write_atomically(&stream, b"report", &[], Overwrite::Refuse).unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("captured.txt")).unwrap(),
            b"report"
        );
        assert_eq!(names(dir.path()), ["captured.txt"]);
    }

    #[test]
    fn a_report_being_written_leaves_nothing_if_abandoned_and_appears_whole() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let mut p = Pending::new(d).unwrap();
        p.file().write_all(b"half").unwrap();
        if p.name.is_none() {
            // Unnamed (Linux, O_TMPFILE): nothing in the directory while it is written, so a
            // run killed now leaves nothing behind.
            assert!(names(d).is_empty(), "{:?}", names(d));
        }
        p.file().write_all(b" and whole").unwrap();
        p.persist(&d.join("report.txt")).unwrap();
        assert_eq!(names(d), ["report.txt"]);
        assert_eq!(
            std::fs::read(d.join("report.txt")).unwrap(),
            b"half and whole"
        );
        // Abandoned (a failed write): no file left, named or not.
        let mut p = Pending::new(d).unwrap();
        p.file().write_all(b"x").unwrap();
        drop(p);
        assert_eq!(names(d), ["report.txt"]);
        // Where the file system allows it (this machine's do), the file has no name until done.
        #[cfg(target_os = "linux")]
        if let Some(file) = unnamed(d) {
            drop(file);
            assert!(Pending::new(d).unwrap().name.is_none());
        }
    }
}
