//! resdiff: track the revisions of ITU resolutions.
//!
//! The library reads as a pipeline: [`read`] (bytes to blocks, per format) ->
//! [`normalize`] (comparison keys) -> [`parse`] (blocks to a [`Resolution`]) ->
//! [`align`] (clauses across revisions) -> [`inline`] (word-level diffs) -> [`render`].
//!
//! ```no_run
//! let old = resdiff::load("resolutions/wtsa-7/usa-48a5-1.txt".as_ref(), &resdiff::LoadOptions::default())?;
//! let new = resdiff::load("resolutions/wtsa-7/geneva-2022.md".as_ref(), &resdiff::LoadOptions::default())?;
//! let report = resdiff::compare(&old, &new, &resdiff::CompareOptions::default());
//! println!("{} MOD", report.summary.modified);
//! # Ok::<(), resdiff::Error>(())
//! ```

pub mod align;
pub mod block;
pub mod collection;
pub mod error;
pub mod flatten;
pub mod history;
pub mod inline;
pub mod model;
pub mod normalize;
pub mod output;
pub mod parse;
pub mod read;
pub mod render;
pub mod report;
pub mod review;
pub mod testgen;
pub mod write;

pub use align::CompareOptions;
pub use error::{Error, Result};
pub use model::{Clause, Division, Label, Op, Resolution};
pub use read::{load, load_bytes, LoadOptions};
pub use report::{Change, Report};

/// Loads two revisions at once (one per core): the whole-process cost of a diff is mostly
/// reading and parsing. On failure, the error of `old` comes first, as when loading in turn.
pub fn load_pair(
    old: &std::path::Path,
    new: &std::path::Path,
    options: &LoadOptions,
) -> Result<(Resolution, Resolution)> {
    let (old, new) = rayon::join(|| load(old, options), || load(new, options));
    Ok((old?, new?))
}

/// Compares two revisions of a resolution clause by clause: the aligned changes of
/// [`align::compare`], with warnings about either input (flattened revision marks) as data.
pub fn compare(old: &Resolution, new: &Resolution, options: &CompareOptions) -> Report {
    let mut report = align::compare(old, new, options);
    let warnings = flatten::cross_check(old, new, &report);
    report.warnings.extend(warnings);
    report
}
