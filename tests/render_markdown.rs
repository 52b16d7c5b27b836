//! The Markdown format on a hand-made Resolution 7 report.

mod common;
mod render_support;

use resdiff::model::Op;
use resdiff::render::{render_to_string, Detail, OutputFormat, RenderOptions};
use resdiff::report::{Segment, SegmentOp};

fn md(opts: RenderOptions) -> String {
    render_to_string(
        &render_support::res7(),
        &RenderOptions {
            format: OutputFormat::Markdown,
            ..opts
        },
    )
}

#[test]
fn summary_table_then_one_heading_per_change() {
    let out = md(RenderOptions::default());
    assert!(out.starts_with(
        "## RESOLUTION 7 (REV. DUBAI, 2012HAMMAMET, 2016) → RESOLUTION 7 (Rev. Geneva, 2022)\n"
    ));
    assert!(out.contains("| MOD | ADD | SUP | NOC | editorial | renumbered | moved |\n|----:|----:|----:|----:|----------:|-----------:|------:|\n| 7 | 3 | 1 | 2 | 1 | 8 | 1 |\n"));
    let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(
        headings,
        [
            "### MOD revision",
            "### MOD adopting body",
            "### MOD considering a)",
            "### ADD considering b)",
            "### MOD considering b) → d) (moved)",
            "### MOD considering f) → i)",
            "### MOD noting b) → b), d) (split)",
            "### (MOD) noting g) → i)",
            "### ADD recognizing",
            "### ADD resolves 1",
            "### MOD resolves 1 → 2",
            "### MOD resolves 5 → 7",
            "### SUP instructs the study groups 1",
        ]
    );
    assert!(out.contains("*2 unchanged clauses not shown.*"));
    assert!(out.contains("> **Warning:** old: revision marks"));
}

#[test]
fn deletions_and_insertions_are_del_and_ins_tags() {
    let out = md(RenderOptions::default());
    assert!(out.contains("Rev. <del>Hammamet, 2016</del><ins>Geneva, 2022</ins>"));
    // Cut next to punctuation, where `**` would not render in GFM.
    assert!(out
        .contains("to examine<ins>, through TSAG,</ins> the ITU-T study programme<ins>,</ins> in"));
    // Lines of one clause are joined by hard breaks, a bullet escaped from list syntax.
    assert!(out.contains("events arranged:\\\n• for work"));
}

#[test]
fn document_text_cannot_become_markdown() {
    let mut report = render_support::res7();
    report.changes[0].inline = vec![
        Segment {
            op: SegmentOp::Equal,
            text: "# not a heading *nor* _emphasis_ [link](x) <b>tag</b> |".into(),
            new_text: None,
        },
        Segment {
            op: SegmentOp::Insert,
            text: "- not a list".into(),
            new_text: None,
        },
    ];
    report.changes[1].inline = vec![Segment {
        op: SegmentOp::Insert,
        text: "1. not a list & C&I &amp;".into(),
        new_text: None,
    }];
    let out = render_to_string(
        &report,
        &RenderOptions {
            format: OutputFormat::Markdown,
            ..Default::default()
        },
    );
    assert!(out.contains(
        r"\# not a heading \*nor\* \_emphasis\_ \[link\](x) \<b\>tag\<b\> \|"
            .replace(r"\<b\>tag\<b\>", r"\<b\>tag\</b\>")
            .as_str()
    ));
    assert!(out.contains(r"1\. not a list & C&I \&amp;"));
}

#[test]
fn stat_and_only() {
    let stat = md(RenderOptions {
        detail: Detail::Stat,
        ..Default::default()
    });
    assert!(stat.contains("| 7 | 3 | 1 | 2 | 1 | 8 | 1 |"));
    assert!(!stat.contains("###"));
    let only = md(RenderOptions {
        only: Some(vec![Op::Sup]),
        ..Default::default()
    });
    let headings: Vec<&str> = only.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(headings, ["### SUP instructs the study groups 1"]);
    assert!(only.contains("| 7 | 3 | 1 | 2 | 1 | 8 | 1 |"));
}

#[test]
fn snapshot_markdown_hand_made() {
    let out = md(RenderOptions::default());
    common::snapshots(|| insta::assert_snapshot!("render_markdown_hand_made", out));
}
