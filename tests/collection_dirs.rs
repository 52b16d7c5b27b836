//! Collections: two directories built from the shipped texts under other file names, with a
//! file that is no resolution and a resolution on one side only.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{repo, RES1_HAMMAMET, RES7_GENEVA, RES7_USA};
use resdiff::collection::{compare_dirs, CollectionOptions, CollectionReport};
use resdiff::model::{Body, Op};
use tempfile::TempDir;

const JUNK: &str = "tests/fixtures/not-a-resolution/001_432a6bfb55e7e312.txt";

/// old: Res 7 (USA/48A5/1) as `b.txt`, Res 1 as `a.docx`, a web page as `notes.txt`;
/// new: Res 7 (Geneva 2022) as `zz.md`, a Resolution 77 made from it (by its heading) as `a.md`.
fn dirs() -> TempDir {
    let t = TempDir::new().unwrap();
    let (old, new) = (t.path().join("old"), t.path().join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    std::fs::copy(repo(RES7_USA), old.join("b.txt")).unwrap();
    std::fs::copy(repo(RES1_HAMMAMET), old.join("a.docx")).unwrap();
    std::fs::copy(repo(JUNK), old.join("notes.txt")).unwrap();
    std::fs::copy(repo(RES7_GENEVA), new.join("zz.md")).unwrap();
    let geneva = std::fs::read_to_string(repo(RES7_GENEVA)).unwrap();
    assert!(geneva.contains("RESOLUTION 7 (Rev. Geneva, 2022)"));
    std::fs::write(
        new.join("a.md"),
        geneva.replace(
            "RESOLUTION 7 (Rev. Geneva, 2022)",
            "RESOLUTION 77 (Geneva, 2022)",
        ),
    )
    .unwrap();
    t
}

fn run(t: &Path) -> CollectionReport {
    compare_dirs(
        &t.join("old"),
        &t.join("new"),
        &CollectionOptions::default(),
    )
    .unwrap()
}

#[test]
fn resolutions_match_by_number_not_file_name() {
    let t = dirs();
    let r = run(t.path());
    let rows: Vec<(Option<Body>, &str, Op)> = r
        .resolutions
        .iter()
        .map(|e| (e.body, e.number.as_str(), e.op))
        .collect();
    assert_eq!(
        rows,
        vec![
            (Some(Body::Wtsa), "1", Op::Sup),
            (Some(Body::Wtsa), "7", Op::Mod),
            (Some(Body::Wtsa), "77", Op::Add),
        ]
    );
    let seven = &r.resolutions[1];
    assert!(seven.old.as_ref().unwrap().path.ends_with("b.txt"));
    assert!(seven.new.as_ref().unwrap().path.ends_with("zz.md"));
    // The clause counts are those of the single diff of the pair.
    assert_eq!(
        (
            seven.changes.modified,
            seven.changes.add,
            seven.changes.sup,
            seven.changes.noc
        ),
        (20, 8, 0, 4)
    );
    assert!(seven.report.is_some());
    // Whole resolutions added or suppressed count all their clauses.
    assert_eq!(r.resolutions[2].changes.add, 32);
    assert!(r.resolutions[0].changes.sup > 100);
    assert_eq!(
        (
            r.summary.modified,
            r.summary.add,
            r.summary.sup,
            r.summary.noc,
            r.summary.skipped
        ),
        (1, 1, 1, 0, 1)
    );
}

#[test]
fn files_that_are_no_resolution_are_listed_with_the_reason() {
    let t = dirs();
    let r = run(t.path());
    assert_eq!(r.skipped.len(), 1);
    let s = &r.skipped[0];
    assert_eq!(s.side, "old");
    assert!(s.path.ends_with("notes.txt"));
    assert_eq!(
        s.reason,
        "no resolution found: no heading such as 'considering' or 'resolves' in its 50 lines; \
         is this a resolution text?"
    );
}

#[test]
fn the_same_with_one_thread_or_two() {
    let t = dirs();
    let pool = |n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .unwrap()
    };
    let one = pool(1).install(|| run(t.path()));
    let two = pool(2).install(|| run(t.path()));
    assert_eq!(one, two);
    assert_eq!(
        serde_json::to_string(&one).unwrap(),
        serde_json::to_string(&two).unwrap()
    );
}

/// Runs `resdiff diff old new` in the temp dir (relative paths keep snapshots stable).
fn cli(t: &Path, extra: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("resdiff")
        .unwrap()
        .current_dir(t)
        .args(["diff", "old", "new"])
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn fail_on_gates_the_exit_status() {
    let t = dirs();
    assert_eq!(cli(t.path(), &[]).0, 1);
    assert_eq!(cli(t.path(), &["--fail-on", "SUP"]).0, 1);
    assert_eq!(cli(t.path(), &["--fail-on", "ADD"]).0, 1);
    assert_eq!(cli(t.path(), &["--fail-on", "NOC"]).0, 0);
    // Only Resolution 7 changed: a SUP,ADD gate passes, the default does not.
    std::fs::remove_file(t.path().join("old/a.docx")).unwrap();
    std::fs::remove_file(t.path().join("new/a.md")).unwrap();
    assert_eq!(cli(t.path(), &["--fail-on", "SUP,ADD"]).0, 0);
    assert_eq!(cli(t.path(), &[]).0, 1);
    // Identical collections under other names: exit 0.
    std::fs::remove_file(t.path().join("old/b.txt")).unwrap();
    std::fs::copy(repo(RES7_GENEVA), t.path().join("old/seven.md")).unwrap();
    let (code, text) = cli(t.path(), &["--format", "text"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("NOC  WTSA 7"), "{text}");
}

#[test]
fn details_add_the_clause_level_report() {
    let t = dirs();
    let (_, plain) = cli(t.path(), &["--format", "text"]);
    assert!(!plain.contains("resolves 1 -> 2"));
    let (code, detailed) = cli(t.path(), &["--details", "--format", "text"]);
    assert_eq!(code, 1);
    assert!(detailed.contains("MOD  resolves 1 -> 2\n"), "{detailed}");
    assert!(detailed.contains("ADD  resolves 4\n"), "{detailed}");
}

#[test]
fn snapshots_of_the_reports() {
    let t = dirs();
    let show = |format: &str| cli(t.path(), &["--format", format]).1;
    common::snapshots(|| {
        insta::assert_snapshot!("collection_text", show("text"));
        insta::assert_snapshot!("collection_markdown", show("markdown"));
        insta::assert_snapshot!("collection_json", show("json"));
    });
}
