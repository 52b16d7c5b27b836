//! Collections: two directories built from the shipped texts under other file names, with a
//! file that is no resolution and a resolution on one side only.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{repo, RES1_HAMMAMET, RES7_GENEVA, RES7_USA};
use resdiff::collection::{compare_dirs, CollectionOptions, CollectionReport, SkipKind};
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
    assert_eq!(s.kind, SkipKind::NotResolution);
    assert_eq!(
        s.reason,
        "no resolution found: no heading such as 'considering' or 'resolves' in its 50 lines; \
         is this a resolution text?"
    );
}

#[test]
fn a_second_file_of_one_resolution_is_listed_as_a_duplicate() {
    let t = dirs();
    std::fs::copy(repo(RES7_GENEVA), t.path().join("new/zzz.md")).unwrap();
    let r = run(t.path());
    let s = r.skipped.iter().find(|s| s.side == "new").expect("listed");
    assert!(s.path.ends_with("zzz.md"), "{s:?}");
    assert_eq!(s.kind, SkipKind::Duplicate);
    assert!(s.reason.starts_with("same resolution as ") && s.reason.ends_with("zz.md"));
    assert_eq!(r.unreadable().count(), 0);
}

/// A named pipe in a directory is not opened (opening one waits for a writer: the whole
/// comparison hung); it is listed as not a resolution, and the rest is compared.
#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_directory_is_listed_not_read() {
    let t = dirs();
    let pipe = t.path().join("new/pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let r = run(t.path());
    let s = r.skipped.iter().find(|s| s.side == "new").expect("listed");
    assert!(s.path.ends_with("pipe.md"), "{s:?}");
    assert_eq!(s.kind, SkipKind::NotResolution);
    assert_eq!(
        s.reason,
        "not a regular file (a named pipe, socket or device): not read"
    );
    assert_eq!(r.resolutions.len(), 3, "the resolutions are still compared");
}

/// A file that cannot be read may be a resolution missing from the report: the rest is compared
/// and reported, the file is listed apart and named on stderr, and the exit status is 2 (as
/// diff(1) does), whatever `--fail-on` says.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_listed_named_and_makes_the_exit_status_2() {
    use std::os::unix::fs::PermissionsExt;
    let t = dirs();
    let locked = t.path().join("new/zz.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if common::resdiff_without_root_reading().is_none() {
        // Root that may not drop its capabilities reads the file: Resolution 7 is a MOD.
        assert_eq!(cli(t.path(), &[]).0, 1);
        return;
    }
    let run = |extra: &[&str]| {
        let mut cmd = common::resdiff_without_root_reading().expect("checked above");
        cmd.current_dir(t.path())
            .args(["diff", "old", "new"])
            .args(extra)
            .output()
            .unwrap()
    };
    let says = "new/zz.md: cannot read: permission denied; check the file's permissions";
    let out = run(&["--format", "text"]);
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr, format!("resdiff: {says}\n"));
    // Without its new text, Resolution 7 of the old side stands alone: SUP.
    assert!(stdout.contains("SUP  WTSA 7 "), "{stdout}");
    assert!(stdout.contains("ADD  WTSA 77 "), "{stdout}");
    assert!(
        stdout.contains(&format!("\nskipped (could not read):\n  new  {says}\n\nskipped (not a resolution):\n  old  old/notes.txt: no resolution found")),
        "{stdout}"
    );
    let json = run(&["--format", "json"]);
    assert_eq!(json.status.code(), Some(2));
    let r: CollectionReport = serde_json::from_slice(&json.stdout).expect("the JSON report");
    let kinds: Vec<(&str, SkipKind)> = r.skipped.iter().map(|s| (&*s.path, s.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("old/notes.txt", SkipKind::NotResolution),
            ("new/zz.md", SkipKind::Unreadable)
        ]
    );
    assert_eq!(run(&["--fail-on", "NOC"]).status.code(), Some(2));
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

/// A collection kept in a folder per assembly: the subdirectories are read (they were listed
/// as "not a resolution" and the run said "same", exit 0, whatever they held).
#[test]
fn subdirectories_are_read_and_paired_by_resolution_number() {
    let t = TempDir::new().unwrap();
    let (old, new) = (
        t.path().join("old/wtsa-7"),
        t.path().join("new/2022/wtsa-7"),
    );
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    std::fs::copy(repo(RES7_USA), old.join("r7.txt")).unwrap();
    std::fs::copy(repo(RES7_GENEVA), new.join("r7.md")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(t.path().join("new"), new.join("loop")).unwrap();
    let report = compare_dirs(
        &t.path().join("old"),
        &t.path().join("new"),
        &CollectionOptions::default(),
    )
    .unwrap();
    let ops: Vec<(String, Op)> = report
        .resolutions
        .iter()
        .map(|e| (e.number.clone(), e.op))
        .collect();
    assert_eq!(ops, [("7".to_string(), Op::Mod)]);
    // The link back up is not followed: listed once, as a directory, not read in a loop.
    #[cfg(unix)]
    assert_eq!(
        report
            .skipped
            .iter()
            .map(|s| s.path.ends_with("loop"))
            .collect::<Vec<_>>(),
        [true]
    );
    let out = Command::cargo_bin("resdiff")
        .unwrap()
        .arg("diff")
        .arg(t.path().join("old"))
        .arg(t.path().join("new"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

/// Two directories without a single resolution: trouble (exit 2, one line), not "same".
#[test]
fn nothing_to_compare_is_an_error_not_a_pass() {
    let t = TempDir::new().unwrap();
    let (old, new) = (t.path().join("old"), t.path().join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    std::fs::copy(repo(JUNK), new.join("notes.txt")).unwrap();
    let out = Command::cargo_bin("resdiff")
        .unwrap()
        .arg("diff")
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no resolution here or in")
            && err.contains("(1 file looked at, not a resolution)"),
        "{err}"
    );
}
