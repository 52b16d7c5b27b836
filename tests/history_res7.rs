//! History on the shipped Resolution 7 texts: USA/48A5/1 (Hammamet 2016 with flattened marks)
//! then Geneva 2022. Paths are relative so snapshots do not depend on the checkout.

mod common;

use common::{RES7_GENEVA, RES7_USA};
use resdiff::history::{history, History};
use resdiff::model::Op;
use resdiff::render::history::{render, HistoryOptions};
use resdiff::render::OutputFormat;
use resdiff::{load, CompareOptions, LoadOptions};

fn res7() -> History {
    let revs: Vec<_> = [RES7_USA, RES7_GENEVA]
        .iter()
        .map(|p| load(p.as_ref(), &LoadOptions::default()).unwrap())
        .collect();
    history(&revs, &CompareOptions::default()).unwrap()
}

fn cell(h: &History, row: usize, rev: usize) -> String {
    h.lineages[row].cells[rev]
        .iter()
        .map(|p| {
            format!("{} {}", p.section, p.label.as_deref().unwrap_or(""))
                .trim()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn row_of(h: &History, rev: usize, text: &str) -> usize {
    (0..h.lineages.len())
        .find(|&r| cell(h, r, rev) == text)
        .unwrap_or_else(|| panic!("no lineage with {text} in r{}", rev + 1))
}

#[test]
fn lineages_follow_renumbering() {
    let h = res7();
    assert_eq!(h.revisions.len(), 2);
    assert_eq!(h.lineages.len(), 32);
    let r = row_of(&h, 0, "resolves 3");
    assert_eq!(cell(&h, r, 1), "resolves 5");
    assert_eq!(h.lineages[r].steps[0].unwrap().op, Op::Noc);
    assert!(h.lineages[r].steps[0].unwrap().flags.renumbered);
    let r = row_of(&h, 0, "considering b");
    assert_eq!(cell(&h, r, 1), "considering d");
    assert_eq!(h.lineages[r].steps[0].unwrap().op, Op::Mod);
    for (old, new) in [
        ("resolves 1", "resolves 2"),
        ("resolves 9", "resolves 11"),
        ("noting i", "noting k"),
    ] {
        assert_eq!(cell(&h, row_of(&h, 0, old), 1), new, "{old}");
    }
    // Added clauses have an empty first cell and an ADD step.
    let r = row_of(&h, 1, "recognizing");
    assert_eq!(cell(&h, r, 0), "");
    assert_eq!(h.lineages[r].steps[0].unwrap().op, Op::Add);
    // Rows follow the newest revision.
    let newest: Vec<String> = (0..h.lineages.len()).map(|r| cell(&h, r, 1)).collect();
    assert_eq!(newest[0], "considering a");
    assert_eq!(newest[31], "resolves 11");
    let ops: Vec<Op> = h.lineages.iter().map(|l| l.steps[0].unwrap().op).collect();
    assert_eq!(ops.iter().filter(|&&o| o == Op::Add).count(), 8);
    assert_eq!(ops.iter().filter(|&&o| o == Op::Noc).count(), 4);
    assert_eq!(ops.iter().filter(|&&o| o == Op::Sup).count(), 0);
}

#[test]
fn blame_names_first_and_last_revision() {
    let h = res7();
    assert_eq!(h.blame.len(), 32);
    let b = |section: &str, label: Option<&str>| {
        h.blame
            .iter()
            .find(|b| b.place.section == section && b.place.label.as_deref() == label)
            .unwrap()
    };
    let rec = b("recognizing", None);
    assert_eq!((rec.first_seen, rec.last_changed), (1, 1));
    let r5 = b("resolves", Some("5"));
    assert_eq!((r5.first_seen, r5.last_changed), (0, 0));
    let r2 = b("resolves", Some("2"));
    assert_eq!((r2.first_seen, r2.last_changed), (0, 1));
    let nk = b("noting", Some("k"));
    assert_eq!((nk.first_seen, nk.last_changed), (0, 0));
}

#[test]
fn snapshots_of_every_format() {
    let h = res7();
    let show = |format, blame| {
        let mut buf = Vec::new();
        render(
            &h,
            format,
            &HistoryOptions {
                blame,
                color: false,
            },
            &mut buf,
        )
        .unwrap();
        String::from_utf8(buf).unwrap()
    };
    common::snapshots(|| {
        insta::assert_snapshot!("history_res7_text", show(OutputFormat::Text, false));
        insta::assert_snapshot!("history_res7_blame_text", show(OutputFormat::Text, true));
        insta::assert_snapshot!("history_res7_markdown", show(OutputFormat::Markdown, false));
        insta::assert_snapshot!("history_res7_json", show(OutputFormat::Json, false));
        insta::assert_snapshot!("history_res7_html", show(OutputFormat::Html, false));
    });
    let html = show(OutputFormat::Html, false);
    // The cell of new resolves 5 links into step 1 under the diff report's anchor.
    assert!(html.contains("<a href=\"#s1-resolves-5\">resolves 5</a>"));
    assert!(html.contains("<article id=\"s1-resolves-5\""));
    // The first column links to where the old clause went.
    assert!(html.contains("<a href=\"#s1-resolves-5\">resolves 3</a>"));
}

/// A clause that only moved has changed: the count under the table says so, as the table's
/// `NOC moved` cell does.
#[test]
fn a_lineage_that_moved_counts_as_changed() {
    let dir = common::repo("tests/fixtures/pairs/moved-to-another-section");
    let revs: Vec<_> = ["old.md", "new.md"]
        .iter()
        .map(|f| load(&dir.join(f), &LoadOptions::default()).unwrap())
        .collect();
    let h = history(&revs, &CompareOptions::default()).unwrap();
    let mut buf = Vec::new();
    let opts = HistoryOptions {
        blame: false,
        color: false,
    };
    render(&h, OutputFormat::Text, &opts, &mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    assert!(text.contains("NOC moved"), "{text}");
    assert!(
        text.ends_with("12 lineages: 11 unchanged throughout, 1 changed\n"),
        "{text}"
    );
}
