//! The binary's contract: exit codes as diff(1), one-line errors naming the file, quiet on a
//! closed pipe, never writing over an input.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn resdiff() -> Command {
    let mut cmd = Command::cargo_bin("resdiff").expect("binary built");
    cmd.current_dir(common::repo("")).env_remove("NO_COLOR");
    cmd
}

#[test]
fn diff_of_the_shipped_pair_exits_1_and_of_a_text_with_itself_exits_0() {
    resdiff()
        .args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "--format",
            "text",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("MOD  resolves 1 -> 2"))
        .stdout(predicate::str::contains("ADD  recognizing"));
    resdiff()
        .args([
            "diff",
            common::RES7_GENEVA,
            common::RES7_GENEVA,
            "--format",
            "text",
        ])
        .assert()
        .code(0);
}

#[test]
fn stat_prints_only_the_summary_and_only_filters() {
    let out = resdiff()
        .args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "--stat",
            "--format",
            "text",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ADD 8"), "{text}");
    // The header changes are named, so that the summary says all that differs.
    assert!(
        text.ends_with("; also changed: revision, history, adopting body\n"),
        "{text}"
    );
    assert!(
        !text.contains("[-"),
        "stat must not print inline diffs: {text}"
    );

    let out = resdiff()
        .args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "--only",
            "ADD",
            "--format",
            "text",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ADD  recognizing"), "{text}");
    assert!(!text.contains("MOD  resolves"), "{text}");
}

#[test]
fn color_never_and_no_color_give_plain_terminal_output() {
    for (args, env) in [(vec!["--color", "never"], None), (vec![], Some("1"))] {
        let mut cmd = resdiff();
        cmd.args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "--format",
            "terminal",
        ])
        .args(&args);
        if let Some(v) = env {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.output().unwrap();
        assert!(!out.stdout.contains(&0x1b), "escape codes in plain output");
    }
    let out = resdiff()
        .args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "--format",
            "terminal",
            "--color",
            "always",
        ])
        .output()
        .unwrap();
    assert!(out.stdout.contains(&0x1b), "--color always must colour");
}

/// Runs `resdiff parse ARG` and returns (exit code, stderr).
fn parse_error(arg: &str) -> (Option<i32>, String) {
    let out = resdiff().args(["parse", arg]).output().unwrap();
    assert!(out.stdout.is_empty(), "no report on error");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_inputs_get_one_line_naming_the_file_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("blob.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0]).unwrap();
    let badzip = dir.path().join("broken.docx");
    std::fs::write(&badzip, b"PK\x03\x04this is not really a zip").unwrap();
    let not_res = common::repo("tests/fixtures/not-a-resolution/000_33a9f580db6f5ca3.txt");
    let missing = dir.path().join("missing.md");
    let cases = [
        (missing.display().to_string(), "no such file"),
        (dir.path().display().to_string(), "directory"),
        (empty.display().to_string(), "empty"),
        (binary.display().to_string(), "binary"),
        (badzip.display().to_string(), "not a Word document"),
        (
            not_res.display().to_string(),
            "no resolution found: no heading such as 'considering' or 'resolves'",
        ),
    ];
    for (path, message) in cases {
        let (code, stderr) = parse_error(&path);
        assert_eq!(code, Some(2), "{path}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(stderr.contains(&path), "names the file: {stderr}");
        assert!(stderr.contains(message), "says '{message}': {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn parse_prints_the_outline_and_json_with_a_schema_version() {
    resdiff()
        .args(["parse", common::RES7_GENEVA])
        .assert()
        .success()
        .stdout(predicate::str::contains("resolves"));
    let out = resdiff()
        .args(["parse", common::RES7_USA, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["header"]["number"], "7");
}

#[test]
fn output_file_is_written_atomically_and_never_over_an_input_or_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.txt");
    std::fs::copy(common::repo(common::RES7_USA), &old).unwrap();
    let before = std::fs::read(&old).unwrap();
    resdiff()
        .args([
            "diff",
            old.to_str().unwrap(),
            common::RES7_GENEVA,
            "-o",
            old.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("input"));
    assert_eq!(std::fs::read(&old).unwrap(), before, "input untouched");

    let out = dir.path().join("report.json");
    resdiff()
        .args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["summary"]["add"], 8);
    resdiff()
        .args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "-o",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    resdiff()
        .args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "-o",
            out.to_str().unwrap(),
            "--force",
        ])
        .assert()
        .code(1);
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_is_not_an_error() {
    let args = [
        "diff",
        common::RES7_USA,
        common::RES7_GENEVA,
        "--format",
        "json",
        "--all",
    ];
    let (stderr, status) = common::read_then_close_pipe(args, 16); // like `| head -c 16`
    assert!(stderr.is_empty(), "quiet on a closed pipe: {stderr}");
    // The texts differ: the exit status says so, cut output or not (it was 0).
    assert_eq!(status.code(), Some(1), "{status:?}");
}

#[test]
fn a_single_docx_is_compared_with_its_own_revision_marks() {
    resdiff()
        .args([
            "diff",
            "tests/fixtures/docx/res7-tracked.docx",
            "--stat",
            "--format",
            "text",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("MOD 1  ADD 1  SUP 1"));
    // A text alone, or a .docx without revisions, cannot be compared with itself.
    resdiff()
        .args(["diff", common::RES7_GENEVA])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give OLD and NEW"));
    resdiff()
        .args(["diff", "tests/fixtures/docx/res7-old.docx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no revision marks"));
}

#[test]
fn format_docx_writes_a_word_file_with_the_same_bytes_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.docx");
    let b = dir.path().join("b.docx");
    for out in [&a, &b] {
        resdiff()
            .args([
                "diff",
                common::RES7_USA,
                common::RES7_GENEVA,
                "--format",
                "docx",
                "--ref",
                "USA/48A5",
            ])
            .args(["-o", out.to_str().unwrap()])
            .assert()
            .code(1);
    }
    let bytes = std::fs::read(&a).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    assert_eq!(bytes, std::fs::read(&b).unwrap(), "reproducible bytes");
    // Read back: its own revision marks give the same diff as the two texts.
    let out = resdiff()
        .args(["diff", a.to_str().unwrap(), "--stat", "--format", "text"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ADD 8  SUP 0"), "{text}");
}

#[test]
fn base_separates_what_a_flattened_proposal_inserted() {
    let out = resdiff()
        .args([
            "diff",
            "--base",
            common::RES7_GENEVA,
            common::RES7_USA,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    let clauses = v["clauses"].as_array().unwrap();
    let resolves_1 = clauses
        .iter()
        .find(|c| c["proposal"]["section"] == "resolves" && c["proposal"]["label"] == "1")
        .expect("resolves 1");
    let glued: Vec<&str> = resolves_1["glues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["token"].as_str().unwrap())
        .collect();
    assert!(glued.contains(&"adviseinform"), "{glued:?}");
}

#[test]
fn base_with_two_files_is_refused_not_one_ignored() {
    // The second file was ignored, and `-o` over it allowed (an input overwritten).
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("p.md");
    std::fs::copy(common::repo(common::RES7_GENEVA), &old).unwrap();
    let out = resdiff()
        .arg("diff")
        .arg(&old)
        .arg(common::RES7_USA)
        .args(["--base", common::RES7_GENEVA, "-o"])
        .arg(&old)
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("--base compares one proposal with its base"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&old).unwrap(),
        std::fs::read(common::repo(common::RES7_GENEVA)).unwrap()
    );
}

#[test]
fn every_missing_file_is_named_at_once() {
    // history and review stopped at the first missing file: the next was found a run later.
    for command in ["history", "review"] {
        let out = resdiff()
            .args([
                command,
                common::RES7_USA,
                "gone-1.md",
                common::RES7_GENEVA,
                "gone-2.md",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            err, "resdiff: gone-1.md: no such file; check the path (also missing: gone-2.md)\n",
            "{command}"
        );
    }
    // One missing file: the usual message.
    let out = resdiff()
        .args(["history", common::RES7_USA, "gone-1.md"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err, "resdiff: gone-1.md: no such file; check the path\n");
}

#[test]
fn color_always_colours_a_pipe_and_auto_never_colours_a_file() {
    let out = resdiff()
        .args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "--color",
            "always",
        ])
        .output()
        .unwrap();
    assert!(out.stdout.contains(&0x1b), "--color always in a pipe");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    resdiff()
        .args([
            "diff",
            common::RES7_USA,
            common::RES7_GENEVA,
            "--format",
            "terminal",
            "-o",
        ])
        .arg(&file)
        .assert()
        .code(1);
    assert!(
        !std::fs::read(&file).unwrap().contains(&0x1b),
        "no escape codes in -o"
    );
}

/// A document's escape sequences are shown, not sent to the terminal: `ESC[2K ESC[A` erased
/// the lines before it (a whole ADD block vanished), `ESC]0;...BEL` retitled the window. The
/// text, terminal (falling back to plain text), Markdown, review and history outputs carry no
/// control character but tab and line feed; a clean pair keeps its colours.
#[test]
fn escape_sequences_of_a_document_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let pair = common::repo("tests/fixtures/pairs/reworded");
    let old = std::fs::read_to_string(pair.join("old.md")).unwrap();
    let new = std::fs::read_to_string(pair.join("new.md")).unwrap();
    // In a clause, in the title (a review row) and after the heading (the history's legend).
    let hostile = new
        .replacen(
            "team concerned",
            "team concerned\u{1b}[2K\u{1b}[A\u{1b}]0;pwned\u{7}\u{9b}8m",
            1,
        )
        .replacen("### Collaboration", "### \u{1b}[2KCollaboration", 1)
        .replacen(
            "(Rev. Geneva, 2022)",
            "(Rev. Geneva, 2022)\u{1b}]0;x\u{7}",
            1,
        );
    assert_eq!(hostile.matches('\u{1b}').count(), 5);
    let (o, n) = (dir.path().join("old.md"), dir.path().join("new.md"));
    std::fs::write(&o, &old).unwrap();
    std::fs::write(&n, &hostile).unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        let out = resdiff().args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let clean = |s: &str| {
        !s.chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}')
    };
    let (o, n) = (o.as_os_str(), n.as_os_str());
    for extra in [
        &["--format", "text"][..],
        &["--format", "markdown"],
        &["--color", "always"],
    ] {
        let mut args = vec!["diff".as_ref(), o, n];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        let shown = run(&args);
        assert!(clean(&shown), "{extra:?}: {shown:?}");
        // Markdown escapes the brackets (`\[`): the pictures are what matter.
        let pictures = shown.replace('\\', "");
        assert!(
            pictures.contains("\u{241b}[2K\u{241b}[A\u{241b}]0;pwned\u{2407}\u{fffd}8m"),
            "{extra:?}: {shown}"
        );
    }
    let review = run(&[
        "review".as_ref(),
        o,
        n,
        "--format".as_ref(),
        "text".as_ref(),
    ]);
    assert!(
        clean(&review) && review.contains("\u{241b}[2KCollaboration"),
        "{review:?}"
    );
    let history = run(&[
        "history".as_ref(),
        o,
        n,
        "--color".as_ref(),
        "always".as_ref(),
    ]);
    assert!(
        clean(&history) && history.contains("\u{241b}]0;x\u{2407}"),
        "{history:?}"
    );
    // Without control characters, the terminal format keeps its colours.
    let pair_old = pair.join("old.md");
    let pair_new = pair.join("new.md");
    let coloured_diff = run(&[
        "diff".as_ref(),
        pair_old.as_os_str(),
        pair_new.as_os_str(),
        "--color".as_ref(),
        "always".as_ref(),
    ]);
    assert!(coloured_diff.contains("\u{1b}[9;31m"), "{coloured_diff:?}");
}
