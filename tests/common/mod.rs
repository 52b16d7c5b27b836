//! Shared test support: paths to the shipped texts and strict insta settings.
#![allow(dead_code)]

use std::path::PathBuf;

/// Path of a file under the repository root.
pub fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The shipped Resolution 7 texts and Resolution 1.
pub const RES7_USA: &str = "resolutions/wtsa-7/usa-48a5-1.txt";
pub const RES7_GENEVA: &str = "resolutions/wtsa-7/geneva-2022.md";
pub const RES1_HAMMAMET: &str = "resolutions/wtsa-1/hammamet-2016.docx";

/// Runs `f` with insta writing to the top-level `snapshots/` directory, named without the
/// test module prefix, so every snapshot of the project lives in one reviewed place.
pub fn snapshots<R>(f: impl FnOnce() -> R) -> R {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(repo("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(f)
}
