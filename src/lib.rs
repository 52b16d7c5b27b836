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
pub mod bidi;
pub mod block;
pub mod collection;
pub mod error;
pub mod flatten;
pub mod history;
pub mod inline;
mod intern;
pub mod model;
pub mod normalize;
pub mod output;
pub mod parse;
pub mod read;
pub mod render;
pub mod report;
pub mod review;
pub mod testgen;
mod threads;
pub mod write;

pub use align::CompareOptions;
pub use error::{Error, Result};
pub use model::{Clause, Division, Label, Op, Resolution};
pub use read::{load, load_bytes, LoadOptions};
pub use report::{Change, Report};
use threads::both;

/// Inputs smaller than this are read in turn: creating a second thread (about 0.06 ms, and
/// a sleeping core may take longer to wake, see `threads`) costs more than reading a resolution
/// of ordinary size.
const SECOND_THREAD_FROM_BYTES: u64 = 128 * 1024;

/// Compared pairs with fewer clauses than this run on one thread, for the same reason.
pub(crate) const SECOND_THREAD_FROM_CLAUSES: usize = 1000;

/// Says that about `bytes` of input are about to be read. When that is enough for a second
/// thread (see [`load_pair`]), the thread is started now, so that its core is awake when the
/// first job comes: on a virtual machine an idle core takes 0.2-0.6 ms to wake, and the caller
/// has its own work meanwhile (the binary parses its arguments). A 500-clause diff, whole
/// process: 3.31-3.36 -> 3.24 ms (benches/README.md, thirteenth session). A hint only:
/// without it the thread starts at its first job; with it and no job, the thread ends on its
/// own. Returns whether a second thread now has the (empty) job.
pub fn expect_input(bytes: u64) -> bool {
    bytes >= SECOND_THREAD_FROM_BYTES && threads::start_early()
}

/// Loads two revisions at once, one on a second thread: the whole-process cost of a diff is
/// mostly reading and parsing. On failure, the error of `old` comes first, as when loading in
/// turn.
pub fn load_pair(
    old: &std::path::Path,
    new: &std::path::Path,
    options: &LoadOptions,
) -> Result<(Resolution, Resolution)> {
    let ((old, _), (new, _)) = load_pair_keeping(old, new, options)?;
    Ok((old, new))
}

/// Each revision with the strong glue points its reading found ([`read::load_keeping`]).
type Kept = (Resolution, Vec<flatten::Glue>);

/// [`load_pair`], keeping what each reading found of flattened marks.
fn load_pair_keeping(
    old: &std::path::Path,
    new: &std::path::Path,
    options: &LoadOptions,
) -> Result<(Kept, Kept)> {
    let size = |p: &std::path::Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let load = |p| read::load_keeping(p, options);
    let (old, new) = if size(old) + size(new) < SECOND_THREAD_FROM_BYTES {
        (load(old), load(new))
    } else {
        both(|| load(old), || load(new))
    };
    Ok((old?, new?))
}

/// Loads two revisions ([`load_pair`]) and compares them ([`compare`]): the same report, but
/// the evidence of flattened marks that reading the files found is not looked for again (a
/// scan of every text of both: a 5,000-clause pair, 2% of the instructions of a diff).
pub fn load_and_compare(
    old: &std::path::Path,
    new: &std::path::Path,
    load: &LoadOptions,
    options: &CompareOptions,
) -> Result<(Resolution, Resolution, Report)> {
    let ((old, old_strong), (new, new_strong)) = load_pair_keeping(old, new, load)?;
    let strong = [old_strong, new_strong];
    let report = compare_gathering(&old, &new, options, || {
        flatten::Evidence::gather_found(&old, &new, strong)
    });
    Ok((old, new, report))
}

/// Compares two revisions of a resolution clause by clause: the aligned changes of
/// [`align::compare`], with warnings about either input (flattened revision marks) as data.
pub fn compare(old: &Resolution, new: &Resolution, options: &CompareOptions) -> Report {
    compare_gathering(old, new, options, || flatten::Evidence::gather(old, new))
}

/// [`compare`], with the report-independent evidence of flattened marks from `gather`, which
/// runs beside the aligner's passes after the scoring (see [`align::compare_beside`]).
fn compare_gathering(
    old: &Resolution,
    new: &Resolution,
    options: &CompareOptions,
    gather: impl FnOnce() -> flatten::Evidence + Send,
) -> Report {
    let clauses = old.clause_count() + new.clause_count();
    let (mut report, warnings) = if clauses < SECOND_THREAD_FROM_CLAUSES {
        let evidence = gather();
        let report = align::compare(old, new, options);
        let warnings = evidence.warnings(old, new, &report);
        (report, warnings)
    } else {
        let (report, evidence, leftovers) = align::compare_beside(old, new, options, gather);
        // The units are dropped on the second thread while this one reads the report.
        let ((), warnings) = both(
            move || drop(leftovers),
            || evidence.warnings(old, new, &report),
        );
        (report, warnings)
    };
    report.warnings.extend(warnings);
    report
}

#[cfg(test)]
mod tests {
    #[test]
    fn expect_input_starts_a_second_thread_only_from_the_threshold() {
        assert!(!super::expect_input(super::SECOND_THREAD_FROM_BYTES - 1));
        assert!(super::expect_input(super::SECOND_THREAD_FROM_BYTES));
    }
}
