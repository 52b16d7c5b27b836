//! The tricky cases of docs/tricky-cases.md: one pair of texts per case
//! (`tests/fixtures/pairs/CASE/old.md` and `new.md`, written by `make_pairs.py` there), each
//! report snapshotted whole, as `resdiff diff old.md new.md --format text` prints it, under
//! its exit status. The docs page says what each should show; the snapshots hold it to that.

mod common;

use assert_cmd::Command;

#[test]
fn every_pair_reports_as_the_docs_say() {
    common::snapshots(|| {
        insta::glob!("fixtures/pairs/*/old.md", |old| {
            let dir = old.parent().expect("a case directory");
            let out = Command::cargo_bin("resdiff")
                .expect("binary built")
                .current_dir(dir)
                .args(["diff", "old.md", "new.md", "--format", "text"])
                .output()
                .expect("runs");
            assert!(
                out.stderr.is_empty(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let report = String::from_utf8(out.stdout).expect("UTF-8 report");
            let code = out.status.code().expect("an exit status");
            insta::assert_snapshot!("tricky", format!("exit {code}\n\n{report}"));
        });
    });
}
