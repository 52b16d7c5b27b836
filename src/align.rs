//! Alignment: which clause of the old revision became which clause of the new one.

use crate::model::Resolution;
use crate::report::Report;

/// Thresholds of the aligner; see each field for its default and why.
#[derive(Debug, Clone, Default)]
pub struct CompareOptions {}

/// Compares two revisions of a resolution clause by clause.
pub fn compare(old: &Resolution, new: &Resolution, options: &CompareOptions) -> Report {
    let _ = (old, new, options);
    todo!("aligner")
}
