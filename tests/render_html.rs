//! The HTML format, read as markup: self-contained, escaped, anchored, filterable without JS.

mod common;
mod render_support;

use resdiff::model::Op;
use resdiff::render::{render_to_string, Detail, OutputFormat, RenderOptions};
use resdiff::report::{Segment, SegmentOp};

fn html_of(report: &resdiff::Report, opts: RenderOptions) -> String {
    render_to_string(
        report,
        &RenderOptions {
            format: OutputFormat::Html,
            ..opts
        },
    )
}

fn html(opts: RenderOptions) -> String {
    html_of(&render_support::res7(), opts)
}

#[test]
fn page_is_self_contained() {
    let out = html(RenderOptions::default());
    assert!(out.starts_with("<!DOCTYPE html>"));
    for fetch in ["src=", "<link", "@import", "url(", "http://", "https://"] {
        assert!(!out.contains(fetch), "page would fetch something: {fetch}");
    }
    assert!(out.contains("default-src 'none'"));
    assert_eq!(out.matches("<script>").count(), 1);
}

#[test]
fn every_clause_has_a_stable_anchor_and_its_places() {
    let out = html(RenderOptions::default());
    for (id, op, title) in [
        ("considering-d", "MOD", "considering b) → d)"),
        ("considering-b", "ADD", "considering b)"),
        ("recognizing", "ADD", "recognizing"),
        ("resolves-1", "ADD", "resolves 1"),
        ("resolves-2", "MOD", "resolves 1 → 2"),
        ("resolves-5", "NOC", "resolves 3 → 5"),
        (
            "old-instructs-the-study-groups-1",
            "SUP",
            "instructs the study groups 1",
        ),
        ("heading-revision", "MOD", "revision"),
    ] {
        let tag = format!("id=\"{id}\" data-op=\"{op}\"");
        assert!(out.contains(&tag), "missing {tag}");
        assert!(
            out.contains(&format!("<a class=\"place\" href=\"#{id}\">{title}</a>")),
            "missing title {title}"
        );
    }
    // A split answers to each of its new places.
    assert!(out.contains("id=\"noting-b\" data-op=\"MOD\" tabindex=\"-1\"><span id=\"noting-d\"></span><span id=\"old-noting-b\"></span>"));
    assert!(!out.contains("old-instructs-the-study-groups-1-2"));
    // Where an old clause went: its old anchor sits inside the new clause.
    assert!(out.contains(
        "id=\"resolves-2\" data-op=\"MOD\" tabindex=\"-1\"><span id=\"old-resolves-1\"></span>"
    ));
    assert!(out.contains("<span class=\"badge MOD\">(MOD)</span> <a class=\"place\" href=\"#noting-i\">noting g) → i)</a> <span class=\"flag\">editorial</span>"));
}

#[test]
fn summary_bar_counts_and_filters() {
    let out = html(RenderOptions::default());
    for (op, n) in [("MOD", 7), ("ADD", 3), ("SUP", 1), ("NOC", 2)] {
        assert!(out.contains(&format!(
            "<span class=\"count\" data-op=\"{op}\">{n}</span>"
        )));
        let lower = op.to_lowercase();
        assert!(out.contains(&format!("id=\"op-{lower}\" value=\"{op}\"")));
        assert!(out.contains(&format!("body:has(#op-{lower}:checked)")));
    }
    assert!(out.contains(
        "<option value=\"instructs the study groups\">instructs the study groups</option>"
    ));
}

#[test]
fn unchanged_clauses_are_folded() {
    let out = html(RenderOptions::default());
    assert!(out.contains("<details class=\"fold\"><summary>1 unchanged clause <span class=\"which\">e) → g)</span></summary>"));
    let fold = out
        .find("<details class=\"fold\"><summary>1 unchanged clause <span class=\"which\">3 → 5")
        .unwrap();
    let inside = &out[fold..out[fold..].find("</details>").unwrap() + fold];
    assert!(inside.contains("id=\"resolves-5\" data-op=\"NOC\""));
}

#[test]
fn diffs_are_marked_by_tag_not_colour_alone() {
    let out = html(RenderOptions::default());
    assert!(out.contains("Rev. <del>Hammamet, 2016</del><ins>Geneva, 2022</ins>"));
    assert!(out.contains("text-decoration: line-through"));
    assert!(out.contains(
        "ins { color: var(--add); background: var(--add-bg); text-decoration: underline"
    ));
    // Side by side: old column keeps deletions, new column insertions.
    assert!(out.contains("<div class=\"col old\"><span class=\"col-head\">Old</span><div class=\"text\">Rev. <del>Hammamet, 2016</del></div></div><div class=\"col new\"><span class=\"col-head\">New</span><div class=\"text\">Rev. <ins>Geneva, 2022</ins></div>"));
}

#[test]
fn document_text_is_escaped_everywhere() {
    let mut report = render_support::res7();
    report.new.heading = Some("RESOLUTION 7 <i>x</i>".into());
    report.new.path = "a\"b<c>.md".into();
    report.changes[1].new[0].section = "considering <b>".into();
    report.changes[0].inline = vec![
        Segment {
            op: SegmentOp::Equal,
            text: "<script>window.__pwned=1</script> & C&I ".into(),
            new_text: None,
        },
        Segment {
            op: SegmentOp::Insert,
            text: "<img src=x onerror=alert(1)>".into(),
            new_text: None,
        },
    ];
    let out = html_of(&report, RenderOptions::default());
    assert!(!out.contains("<script>window"));
    assert!(!out.contains("<img"));
    assert!(!out.contains("<b>"));
    assert!(!out.contains("<i>x"));
    assert!(out.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; C&amp;I <ins>&lt;img src=x onerror=alert(1)&gt;</ins>"));
    assert!(out.contains("<option value=\"considering &lt;b&gt;\">considering &lt;b&gt;</option>"));
    assert!(out.contains("a&quot;b&lt;c&gt;.md"));
    assert!(out.contains("<title>resdiff: RESOLUTION 7 &lt;i&gt;x&lt;/i&gt;</title>"));
}

#[test]
fn only_and_stat() {
    let only = html(RenderOptions {
        only: Some(vec![Op::Add]),
        ..Default::default()
    });
    assert_eq!(only.matches("<article ").count(), 3);
    assert!(only.contains("<span class=\"count\" data-op=\"MOD\">7</span>"));
    let stat = html(RenderOptions {
        detail: Detail::Stat,
        ..Default::default()
    });
    assert!(!stat.contains("<article"));
    assert!(stat.contains("<span class=\"count\" data-op=\"ADD\">3</span>"));
}

#[test]
fn snapshot_html_hand_made() {
    let out = html(RenderOptions::default());
    // The CSS and script are checked elsewhere; the snapshot is about the markup.
    let body = &out[out.find("<body>").unwrap()..out.find("<script>").unwrap()];
    common::snapshots(|| insta::assert_snapshot!("render_html_hand_made", body));
}
