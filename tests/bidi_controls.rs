//! Bidirectional control characters in a proposal (the "Trojan Source" trick): a right-to-left
//! override makes a browser, Word or some terminals show the words after it in another order
//! than they are stored. The reports people read must show the characters, not obey them; the
//! report says where they are; a change of them is never editorial; JSON keeps the text as it is.

mod common;
mod docx_support;

use std::path::{Path, PathBuf};

use serde_json::Value;

const RLO: char = '\u{202E}';
const PDF: char = '\u{202C}';

fn resdiff() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("resdiff").unwrap()
}

/// Geneva 2022 (Resolution 7) copied to `dir/name`, `regularly` in resolves 1 replaced.
fn copy_with(dir: &Path, name: &str, regularly: &str) -> PathBuf {
    let text = std::fs::read_to_string(common::repo(common::RES7_GENEVA)).unwrap();
    assert!(text.contains("to report regularly to"));
    let path = dir.join(name);
    std::fs::write(
        &path,
        text.replace(
            "to report regularly to",
            &format!("to report {regularly} to"),
        ),
    )
    .unwrap();
    path
}

fn run(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = resdiff().args(args).output().unwrap();
    let code = out.status.code().unwrap_or(-1);
    assert!(code < 2, "{out:?}");
    (code, String::from_utf8(out.stdout).unwrap())
}

fn diff(old: &Path, new: &Path, format: &str) -> String {
    let (code, out) = run(&[
        "diff".as_ref(),
        old.as_os_str(),
        new.as_os_str(),
        "--format".as_ref(),
        format.as_ref(),
    ]);
    assert_eq!(code, 1, "{out}");
    out
}

fn has_bidi(s: &str) -> bool {
    s.chars().any(resdiff::bidi::is_control)
}

/// The change of resolves 1 in a JSON report.
fn resolves_1(json: &Value) -> &Value {
    json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["new"][0]["section"] == "resolves" && c["new"][0]["label"] == "1")
        .expect("a change for resolves 1")
}

#[test]
fn reversed_letters_under_an_override_are_a_change_shown_by_code_point() {
    let dir = tempfile::tempdir().unwrap();
    let base = common::repo(common::RES7_GENEVA);
    // Shown right to left, `yllaluger` reads `regularly`: the viewer shows the old text.
    let proposal = copy_with(dir.path(), "p.md", &format!("{RLO}yllaluger{PDF}"));

    let json: Value = serde_json::from_str(&diff(&base, &proposal, "json")).unwrap();
    let change = resolves_1(&json);
    assert_eq!(change["op"], "MOD");
    assert_eq!(change["flags"]["editorial"], false);
    // JSON keeps the text as the document has it.
    let inserted: String = change["inline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["op"] == "insert")
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(
        inserted.contains(&format!("{RLO}yllaluger{PDF}")),
        "{inserted}"
    );
    let warnings: Vec<&Value> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["kind"] == "bidi-control")
        .collect();
    assert_eq!(warnings.len(), 1, "{:?}", json["warnings"]);
    let message = warnings[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("new: 2 bidirectional control characters (U+202C pop directional formatting, U+202E right-to-left override) at line 74:"),
        "{message}"
    );

    // Every format read by people shows the characters by code point and sends none.
    for format in ["text", "markdown", "html"] {
        let out = diff(&base, &proposal, format);
        assert!(!has_bidi(&out), "{format}: a control was sent");
        assert!(out.contains("⟨U+202E⟩yllaluger⟨U+202C⟩"), "{format}: {out}");
    }
    let (_, terminal) = run(&[
        "diff".as_ref(),
        base.as_os_str(),
        proposal.as_os_str(),
        "--color".as_ref(),
        "always".as_ref(),
    ]);
    assert!(!has_bidi(&terminal));
    assert!(terminal.contains("⟨U+202E⟩yllaluger⟨U+202C⟩"), "{terminal}");
    // Still in colour: the terminal format shows the controls itself.
    assert!(terminal.contains("\u{1b}["), "{terminal}");
}

#[test]
fn an_override_around_unchanged_words_is_not_editorial() {
    let dir = tempfile::tempdir().unwrap();
    let base = common::repo(common::RES7_GENEVA);
    // Same letters, shown reversed: `ylraluger`.
    let proposal = copy_with(dir.path(), "p.md", &format!("{RLO}regularly{PDF}"));
    let json: Value = serde_json::from_str(&diff(&base, &proposal, "json")).unwrap();
    let change = resolves_1(&json);
    assert_eq!(change["op"], "MOD");
    assert_eq!(change["flags"]["editorial"], false, "{change}");
    assert_eq!(json["summary"]["editorial"], 0);
    // The same typography change without the override is editorial, as before.
    let quoted = copy_with(dir.path(), "q.md", "“regularly”");
    let json: Value = serde_json::from_str(&diff(&base, &quoted, "json")).unwrap();
    assert_eq!(resolves_1(&json)["flags"]["editorial"], true);
}

#[test]
fn review_history_and_parse_show_them_too() {
    let dir = tempfile::tempdir().unwrap();
    let base = common::repo(common::RES7_GENEVA);
    let proposal = copy_with(dir.path(), "p.md", &format!("{RLO}yllaluger{PDF}"));
    for format in ["text", "html", "markdown"] {
        for command in ["review", "history"] {
            let (_, out) = run(&[
                command.as_ref(),
                base.as_os_str(),
                proposal.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
            ]);
            assert!(!has_bidi(&out), "{command} {format}: a control was sent");
            assert!(out.contains("⟨U+202E⟩"), "{command} {format}: {out}");
        }
    }
    let (_, outline) = run(&["parse".as_ref(), proposal.as_os_str()]);
    assert!(!has_bidi(&outline));
    assert!(
        outline.contains("bidi-control: 2 bidirectional"),
        "{outline}"
    );
    let (_, json) = run(&[
        "parse".as_ref(),
        proposal.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert!(json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["kind"] == "bidi-control"));
}

#[test]
fn a_file_name_with_an_override_is_shown_by_code_point_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join(format!("fdp.{RLO}txt.md"));
    let out = resdiff()
        .arg("diff")
        .args([&missing, &missing])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!has_bidi(&err), "{err}");
    assert!(err.contains("fdp.⟨U+202E⟩txt.md"), "{err}");
}

#[test]
fn a_clean_text_has_no_such_warning() {
    for rel in [common::RES7_GENEVA, common::RES7_USA] {
        let res = resdiff::load(&common::repo(rel), &Default::default()).unwrap();
        assert!(res
            .warnings
            .iter()
            .all(|w| w.kind != resdiff::model::WarningKind::BidiControl));
    }
}

#[test]
fn a_docx_names_the_paragraph_and_the_footnote_counts() {
    let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
    let body = [
        p("RESOLUTION 7 (Rev. Geneva, 2022)"),
        p("Collaboration"),
        p("considering"),
        format!("<w:p><w:r><w:t xml:space=\"preserve\">a)\tthat the fee is {RLO}001{PDF} francs;</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"),
        p("resolves"),
        p("1\tto approve the budget."),
    ]
    .concat();
    let note =
        format!("<w:footnote w:id=\"1\"><w:p><w:r><w:t>see {RLO}x</w:t></w:r></w:p></w:footnote>");
    let bytes = docx_support::docx(&body, Some(&note));
    let res = resdiff::load_bytes("p.docx".as_ref(), &bytes, &Default::default()).unwrap();
    let messages: Vec<&str> = res
        .warnings
        .iter()
        .filter(|w| w.kind == resdiff::model::WarningKind::BidiControl)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(messages.len(), 1, "{:?}", res.warnings);
    assert!(
        messages[0].starts_with("3 bidirectional control characters (U+202C pop directional formatting, U+202E right-to-left override) at paragraph 3:"),
        "{}",
        messages[0]
    );
}
