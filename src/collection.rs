//! Collections: the texts of two assemblies, one file per resolution, compared as wholes.
//!
//! Files are matched by what their heading says (body and number), never by file name, since
//! each assembly names its files its own way. Every file that cannot be read as a resolution is
//! listed as skipped with the loader's message; none is dropped silently. Files are read and
//! compared in parallel (rayon); the result is sorted, so it is the same with any thread count.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{compare, CompareOptions};
use crate::error::{Error, Result};
use crate::model::{Body, Op, Resolution};
use crate::read::{load, LoadOptions};
use crate::report::{Report, Summary};

/// Version of the JSON produced by `resdiff diff DIR DIR --format json`.
pub const COLLECTION_SCHEMA_VERSION: u32 = 1;

/// Above this many files a progress bar is drawn (when asked for).
pub const PROGRESS_MIN_FILES: usize = 50;

/// How to compare two directories.
#[derive(Debug, Clone, Default)]
pub struct CollectionOptions {
    pub load: LoadOptions,
    pub compare: CompareOptions,
    /// Draw a progress bar on stderr when there are more than [`PROGRESS_MIN_FILES`] files.
    /// The caller decides (the binary: only when stderr is a terminal).
    pub progress: bool,
}

/// The comparison of two collections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CollectionReport {
    pub schema_version: u32,
    pub old_dir: String,
    pub new_dir: String,
    pub summary: CollectionSummary,
    /// One entry per resolution found on either side, sorted by body and number.
    pub resolutions: Vec<Entry>,
    /// Files that are not (readable) resolutions, sorted by side then path.
    pub skipped: Vec<Skipped>,
}

/// Counts of resolutions per op, and of skipped files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CollectionSummary {
    pub noc: usize,
    #[serde(rename = "mod")]
    pub modified: usize,
    pub add: usize,
    pub sup: usize,
    pub skipped: usize,
}

/// One resolution of the collections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub body: Option<Body>,
    /// As the heading writes it (`7`, `ITU-R 9-5`).
    pub number: String,
    /// NOC / MOD when on both sides, ADD only in the new collection, SUP only in the old.
    pub op: Op,
    pub old: Option<FileRef>,
    pub new: Option<FileRef>,
    /// Clause counts: of the diff when on both sides; all ADD (or all SUP) otherwise.
    pub changes: Summary,
    /// The clause-level report (both sides only); rendered with `--details`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
}

/// A file of a collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    pub path: String,
    pub heading: Option<String>,
}

/// A file that is no resolution, or could not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// `old` or `new`.
    pub side: String,
    pub path: String,
    /// Added after the first release of this format: absent in older reports.
    #[serde(default)]
    pub kind: SkipKind,
    pub reason: String,
}

/// Why a file of a collection is not compared. A folder holds other files beside its
/// resolutions (a README, an image), which are skipped as a matter of course; a file that cannot
/// be read at all may be a resolution, so it is trouble, as for diff(1): `resdiff` exits 2
/// after writing the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipKind {
    /// Read, but no resolution text, or none with a number in its heading; or a subdirectory.
    #[default]
    NotResolution,
    /// A second file with the body and number of a resolution already read on its side.
    Duplicate,
    /// Could not be read (no permission, an I/O error).
    Unreadable,
}

impl CollectionReport {
    /// The files that could not be read: their resolutions, if any, are missing from the report.
    pub fn unreadable(&self) -> impl Iterator<Item = &Skipped> {
        self.skipped
            .iter()
            .filter(|s| s.kind == SkipKind::Unreadable)
    }

    /// True when a resolution with one of `ops` is found (`None`: any op but NOC). For
    /// `--fail-on SUP,ADD` gates in CI.
    pub fn fails_on(&self, ops: Option<&[Op]>) -> bool {
        self.resolutions.iter().any(|e| match ops {
            Some(ops) => ops.contains(&e.op),
            None => e.op != Op::Noc,
        })
    }
}

/// How deep [`files_of`] goes into subdirectories.
const MAX_DEPTH: usize = 32;

/// The files of a directory and of its subdirectories, sorted by path: an assembly's texts are
/// often kept in a folder per study group or per year, and resolutions are paired by their
/// number, not by where they are. A symbolic link to a directory is not followed (a link back
/// up would loop); it is listed like a file, and skipped as a directory when read.
fn files_of(dir: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(dir).map_err(|e| Error::io(dir, e))?;
    if !meta.is_dir() {
        return Err(Error::Other {
            path: dir.to_path_buf(),
            message: "not a directory; compare a directory with a directory, or a file with a file"
                .into(),
        });
    }
    let mut out = Vec::new();
    let mut todo = vec![(dir.to_path_buf(), 0)];
    while let Some((d, depth)) = todo.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))? {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            let real_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if real_dir && depth < MAX_DEPTH {
                todo.push((entry.path(), depth + 1));
            } else {
                out.push(entry.path());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A named pipe, socket or device in a directory is not read: opening a pipe waits for a
/// writer that may never come (the whole comparison hung). A file given by name is still read,
/// pipe or not (`resdiff diff <(git show HEAD:r7.md) r7.md`).
fn special_file(path: &Path) -> Option<Error> {
    let meta = std::fs::metadata(path).ok()?;
    (!meta.is_file() && !meta.is_dir()).then(|| Error::Other {
        path: path.to_path_buf(),
        message: "not a regular file (a named pipe, socket or device): not read".into(),
    })
}

/// `ITU-R 9-5` and `9` compared as people do: digit runs by value.
fn natural(a: &str, b: &str) -> Ordering {
    fn parts(s: &str) -> Vec<(u8, u64, String)> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut digits = false;
        for ch in s.chars() {
            let d = ch.is_ascii_digit();
            if !cur.is_empty() && d != digits {
                out.push(part(&cur, digits));
                cur.clear();
            }
            digits = d;
            cur.push(ch);
        }
        if !cur.is_empty() {
            out.push(part(&cur, digits));
        }
        out
    }
    fn part(s: &str, digits: bool) -> (u8, u64, String) {
        if digits {
            (0, s.parse().unwrap_or(u64::MAX), s.to_string())
        } else {
            (1, 0, s.to_lowercase())
        }
    }
    parts(a).cmp(&parts(b)).then_with(|| a.cmp(b))
}

/// The key a resolution is matched by: body and number, spaces and case folded.
fn key(res: &Resolution) -> Option<(Option<Body>, String)> {
    let n = res.header.number.as_deref()?;
    let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    (!n.is_empty()).then(|| (res.header.body, n.to_uppercase()))
}

fn file_ref(res: &Resolution) -> FileRef {
    FileRef {
        path: res.source.path.clone(),
        heading: res
            .header
            .heading
            .as_ref()
            .map(|h| h.shown.trim().to_string()),
    }
}

/// One side read: resolutions by key, and the skipped files.
struct SideRead {
    by_key: BTreeMap<(Option<Body>, String), Resolution>,
    skipped: Vec<Skipped>,
}

fn sort_side(side: &str, loaded: Vec<(PathBuf, Result<Resolution>)>) -> SideRead {
    let mut by_key = BTreeMap::new();
    let mut skipped = Vec::new();
    let mut skip = |path: &Path, kind: SkipKind, reason: String| {
        skipped.push(Skipped {
            side: side.to_string(),
            path: path.display().to_string(),
            kind,
            reason,
        })
    };
    for (path, r) in loaded {
        match r {
            Err(e) => {
                // Gone since the listing (`NotFound`) is as unreadable as locked.
                let kind = match e {
                    Error::Io { .. } | Error::NotFound(_) => SkipKind::Unreadable,
                    _ => SkipKind::NotResolution,
                };
                // The message names the file already; the listing shows the path beside it.
                let msg = e.to_string();
                let prefix = format!("{}: ", path.display());
                let reason = msg.strip_prefix(&prefix).unwrap_or(&msg).to_string();
                skip(&path, kind, reason)
            }
            Ok(res) => match key(&res) {
                None => skip(
                    &path,
                    SkipKind::NotResolution,
                    "no resolution number in the heading".into(),
                ),
                Some(k) => {
                    if let Some(first) = by_key.get(&k) {
                        let first: &Resolution = first;
                        let reason = format!("same resolution as {}", first.source.path);
                        skip(&path, SkipKind::Duplicate, reason);
                    } else {
                        by_key.insert(k, res);
                    }
                }
            },
        }
    }
    SideRead { by_key, skipped }
}

/// Compares the resolutions of `old_dir` with those of `new_dir`.
pub fn compare_dirs(
    old_dir: &Path,
    new_dir: &Path,
    options: &CollectionOptions,
) -> Result<CollectionReport> {
    let old_files = files_of(old_dir)?;
    let new_files = files_of(new_dir)?;
    let all: Vec<(bool, PathBuf)> = old_files
        .into_iter()
        .map(|p| (false, p))
        .chain(new_files.into_iter().map(|p| (true, p)))
        .collect();
    let bar = (options.progress && all.len() > PROGRESS_MIN_FILES).then(|| {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(all.len() as u64 * 2),
            indicatif::ProgressDrawTarget::stderr(),
        );
        bar.set_message("reading and comparing");
        bar
    });
    let tick = || {
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    crate::threads::start_pool();
    let loaded: Vec<(bool, PathBuf, Result<Resolution>)> = all
        .into_par_iter()
        .map(|(is_new, p)| {
            let r = match special_file(&p) {
                Some(e) => Err(e),
                None => load(&p, &options.load),
            };
            tick();
            (is_new, p, r)
        })
        .collect();
    let (new_loaded, old_loaded): (Vec<_>, Vec<_>) = loaded.into_iter().partition(|x| x.0);
    let strip = |v: Vec<(bool, PathBuf, Result<Resolution>)>| {
        v.into_iter().map(|(_, p, r)| (p, r)).collect::<Vec<_>>()
    };
    let old = sort_side("old", strip(old_loaded));
    let new = sort_side("new", strip(new_loaded));
    // Nothing to compare is no "same": a CI job pointed at the wrong directory must not pass.
    if old.by_key.is_empty() && new.by_key.is_empty() {
        let files = old.skipped.len() + new.skipped.len();
        let looked = match files {
            0 => "both directories are empty".to_string(),
            1 => "1 file looked at, not a resolution".to_string(),
            n => format!("{n} files looked at, none a resolution"),
        };
        return Err(Error::Other {
            path: old_dir.to_path_buf(),
            message: format!(
                "no resolution here or in {} ({looked}); check the paths",
                new_dir.display()
            ),
        });
    }
    let mut keys: Vec<&(Option<Body>, String)> =
        old.by_key.keys().chain(new.by_key.keys()).collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| natural(&a.1, &b.1)));
    keys.dedup();
    let mut entries: Vec<Entry> = keys
        .par_iter()
        .map(|k| {
            let e = entry(old.by_key.get(*k), new.by_key.get(*k), &options.compare);
            tick();
            e
        })
        .flatten()
        .collect();
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    entries.sort_by(|a, b| {
        a.body
            .cmp(&b.body)
            .then_with(|| natural(&a.number, &b.number))
    });
    let mut skipped = old.skipped;
    skipped.extend(new.skipped);
    let mut summary = CollectionSummary {
        skipped: skipped.len(),
        ..Default::default()
    };
    for e in &entries {
        match e.op {
            Op::Noc => summary.noc += 1,
            Op::Mod => summary.modified += 1,
            Op::Add => summary.add += 1,
            Op::Sup => summary.sup += 1,
        }
    }
    Ok(CollectionReport {
        schema_version: COLLECTION_SCHEMA_VERSION,
        old_dir: old_dir.display().to_string(),
        new_dir: new_dir.display().to_string(),
        summary,
        resolutions: entries,
        skipped,
    })
}

fn entry(
    old: Option<&Resolution>,
    new: Option<&Resolution>,
    opts: &CompareOptions,
) -> Option<Entry> {
    let named = new.or(old)?;
    let number = named
        .header
        .number
        .clone()
        .unwrap_or_default()
        .trim()
        .to_string();
    let (op, changes, report) = match (old, new) {
        (Some(o), Some(n)) => {
            let rep = compare(o, n, opts);
            let op = if rep.has_differences() {
                Op::Mod
            } else {
                Op::Noc
            };
            (op, rep.summary, Some(rep))
        }
        (Some(o), None) => (
            Op::Sup,
            Summary {
                sup: o.clauses().len(),
                ..Default::default()
            },
            None,
        ),
        (None, Some(n)) => (
            Op::Add,
            Summary {
                add: n.clauses().len(),
                ..Default::default()
            },
            None,
        ),
        (None, None) => return None,
    };
    Some(Entry {
        body: named.header.body,
        number,
        op,
        old: old.map(file_ref),
        new: new.map(file_ref),
        changes,
        report,
    })
}

#[cfg(test)]
mod tests {
    use super::natural;
    use std::cmp::Ordering;

    #[test]
    fn numbers_sort_by_value() {
        assert_eq!(natural("7", "10"), Ordering::Less);
        assert_eq!(natural("ITU-R 9-5", "ITU-R 10-1"), Ordering::Less);
        assert_eq!(natural("1", "1"), Ordering::Equal);
    }
}
