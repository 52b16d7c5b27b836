//! File names and document text built to break out of the text and Markdown reports (found by
//! an audit): a name with a line break must not start report lines of its own, a backquote in
//! a name must not end its code span (the rest read as raw HTML by a Markdown viewer), and text
//! a proposal inserts must be escaped in `diff --base --format markdown`.

mod common;

use std::path::{Path, PathBuf};

fn resdiff() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("resdiff").unwrap()
}

/// Geneva 2022 (Resolution 7) copied to `dir/name`, with `edit` applied to its text.
fn copy(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(common::repo(common::RES7_GENEVA)).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, edit(text)).unwrap();
    path
}

fn stdout(args: &[&std::ffi::OsStr]) -> String {
    let out = resdiff().args(args).output().unwrap();
    assert!(out.status.code().unwrap_or(9) < 2, "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A payload of HTML that a Markdown viewer runs when it is not escaped.
const IMG: &str = "<img src=x onerror=alert(1)>";

#[test]
fn inserted_text_is_escaped_in_the_markdown_of_a_flattened_proposal() {
    let dir = tempfile::tempdir().unwrap();
    let base = common::repo(common::RES7_GENEVA);
    let inserted = format!("{IMG} [x](javascript:alert(1)) `code`");
    let proposal = copy(dir.path(), &format!("p`{IMG}`.md"), |t| {
        t.replace(
            "to report regularly",
            &format!("to report {inserted} regularly"),
        )
    });
    let md = stdout(&[
        "diff".as_ref(),
        proposal.as_os_str(),
        "--base".as_ref(),
        base.as_os_str(),
        "--format".as_ref(),
        "markdown".as_ref(),
    ]);
    assert!(md.contains(r"\<img src=x onerror=alert(1)\>"), "{md}");
    assert!(md.contains(r"\[x\](javascript:alert(1))"), "{md}");
    // The file name stays inside its code span (where `<` is literal), backquotes replaced;
    // nowhere else is the payload raw.
    let span = format!("p'{IMG}'.md`");
    assert!(md.contains(&span), "{md}");
    assert!(!md.replace(&span, "").contains(IMG), "{md}");
}

#[test]
fn a_backquote_in_a_file_name_stays_inside_its_code_span_in_history() {
    let dir = tempfile::tempdir().unwrap();
    let old = common::repo(common::RES7_GENEVA);
    let new = copy(dir.path(), &format!("a`{IMG}`b.md"), |t| {
        t.replace("to report regularly", "to report often")
    });
    let md = stdout(&[
        "history".as_ref(),
        old.as_os_str(),
        new.as_os_str(),
        "--format".as_ref(),
        "markdown".as_ref(),
    ]);
    assert!(md.contains(&format!("`a'{IMG}'b.md`")), "{md}");
    assert!(!md.contains(&format!("`{IMG}`")), "{md}");
}

#[test]
fn a_line_break_in_a_file_name_starts_no_report_line() {
    let dir = tempfile::tempdir().unwrap();
    let old = common::repo(common::RES7_GENEVA);
    let fake = "# FAKE HEADING";
    let new = copy(dir.path(), &format!("new\n{fake}.md"), |t| {
        t.replace("to report regularly", "to report often")
    });
    let diff = |format: &str| {
        stdout(&[
            "diff".as_ref(),
            old.as_os_str(),
            new.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
        ])
    };
    let review = |format: &str| {
        stdout(&[
            "review".as_ref(),
            old.as_os_str(),
            new.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
        ])
    };
    for (what, out) in [
        ("diff text", diff("text")),
        ("diff markdown", diff("markdown")),
        ("review text", review("text")),
        ("review markdown", review("markdown")),
    ] {
        assert!(
            !out.lines().any(|l| l.starts_with(fake)),
            "{what}: a line of the name became a report line:\n{out}"
        );
        assert!(
            out.contains("new\u{240a}# FAKE HEADING.md"),
            "{what}:\n{out}"
        );
    }
    // A collection whose new side holds a file so named (listed as not a resolution).
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    copy(&a, "r7.md", |t| t);
    copy(&b, "r7.md", |t| {
        t.replace("to report regularly", "to report often")
    });
    std::fs::write(b.join(format!("junk\n{fake}.md")), "hello\n").unwrap();
    for format in ["text", "markdown"] {
        let out = resdiff()
            .args(["diff".as_ref(), a.as_os_str(), b.as_os_str()])
            .args(["--format", format])
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        assert!(
            !out.lines().any(|l| l.starts_with(fake)),
            "collection {format}:\n{out}"
        );
        assert!(
            out.contains("junk\u{240a}# FAKE HEADING.md"),
            "{format}:\n{out}"
        );
    }
}

#[test]
fn an_error_naming_a_hostile_file_is_one_line_that_acts_on_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join("e\u{1b}[31mred\u{1b}]0;PWNED\u{7}\nresdiff: fake.md");
    std::fs::write(&path, "hi\n").unwrap();
    let out = resdiff().arg("parse").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(!err.trim_end().chars().any(char::is_control), "{err:?}");
    assert!(
        err.contains("e\u{241b}[31mred\u{241b}]0;PWNED\u{2407}\u{240a}resdiff: fake.md"),
        "{err:?}"
    );
}
