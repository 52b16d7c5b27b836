//! A .docx with revision marks compared with itself (before -> after), through the whole
//! pipeline: the report names exactly the edits made (tests/fixtures/docx/make_fixtures.py).

mod docx_support;

use resdiff::model::View;
use resdiff::{compare, load, CompareOptions, LoadOptions, Op, Resolution};

fn side(name: &str, view: View) -> Resolution {
    load(
        &docx_support::fixture(name),
        &LoadOptions {
            view: Some(view),
            ..LoadOptions::default()
        },
    )
    .unwrap()
}

/// The changes other than NOC: (op, section, label) on the new side, or the old for SUP.
fn changes(name: &str) -> Vec<(Op, String, Option<String>)> {
    let report = compare(
        &side(name, View::Before),
        &side(name, View::After),
        &CompareOptions::default(),
    );
    assert!(
        report.header.iter().all(|h| h.op == Op::Noc),
        "{:?}",
        report.header
    );
    report
        .changes
        .iter()
        .filter(|c| c.op != Op::Noc)
        .map(|c| {
            let place = c.new.first().or(c.old.first()).unwrap();
            (
                c.op,
                place.section.replace('\u{a0}', " "),
                place.label.clone(),
            )
        })
        .collect()
}

fn change(op: Op, section: &str, label: &str) -> (Op, String, Option<String>) {
    (op, section.to_string(), Some(label.to_string()))
}

#[test]
fn resolution_1_compared_by_libreoffice() {
    assert_eq!(
        changes("res1-compare.docx"),
        [
            change(Op::Mod, "considering", "e"),
            change(Op::Sup, "SECTION 1", "1.7"),
            change(Op::Mod, "Section 1bis", "1bis.1.1.1"),
            change(Op::Add, "SECTION 3", "3.8"),
        ]
    );
}

#[test]
fn resolution_7_compared_by_libreoffice() {
    assert_eq!(
        changes("res7-compare.docx"),
        [
            change(Op::Mod, "considering", "c"),
            change(Op::Sup, "noting", "b"),
            change(Op::Add, "resolves", "4"),
        ]
    );
}

#[test]
fn a_formatting_change_is_no_change() {
    assert!(changes("res7-format.docx").is_empty());
}

#[test]
fn resolution_7_edited_with_tracking() {
    // Joining considering b) and c) is one MOD (a merge); splitting a) in two is no change of
    // its words; the deleted and inserted paragraphs are SUP and ADD.
    assert_eq!(
        changes("res7-tracked.docx"),
        [
            change(Op::Mod, "considering", "b"),
            change(Op::Sup, "noting", "c"),
            change(Op::Add, "resolves", "2bis"),
        ]
    );
}

#[test]
fn numbered_items_renumber_without_a_change() {
    // Noting c) becomes b) once b) is deleted: the only change is the deletion. (LibreOffice
    // saved the deleted item as restarting its list, so it reads `a)` on the old side.)
    assert_eq!(
        changes("res7-numbered.docx"),
        [change(Op::Sup, "noting", "a")]
    );
}
