//! Every format on the shipped Resolution 7 pair (USA/48A5/1, i.e. Hammamet 2016 with its
//! proposed marks flattened, -> Geneva 2022), through the real reader, parser and aligner.
//! Each snapshot was read line by line against both texts before it was accepted.

mod common;

use resdiff::render::{render_to_string, Detail, OutputFormat, RenderOptions, Show};
use resdiff::Report;

fn res7() -> Report {
    // Relative paths (tests run in the package root) keep the snapshots machine-independent.
    let opts = resdiff::LoadOptions::default();
    let old = resdiff::load(common::RES7_USA.as_ref(), &opts).expect("old text loads");
    let new = resdiff::load(common::RES7_GENEVA.as_ref(), &opts).expect("new text loads");
    resdiff::compare(&old, &new, &resdiff::CompareOptions::default())
}

fn render(format: OutputFormat, show: Show) -> String {
    render_to_string(
        &res7(),
        &RenderOptions {
            format,
            show,
            ..Default::default()
        },
    )
}

#[test]
fn text_names_every_change_as_a_reader_would() {
    let out = render(OutputFormat::Text, Show::Changes);
    for line in [
        "MOD  considering b) -> d)",
        "ADD  considering b)",
        "ADD  recognizing",
        "ADD  resolves 1",
        "MOD  resolves 1 -> 2",
        "(MOD) noting g) -> i)",
        "     the interest of both [-the International Organization for Standardization (-]ISO[-)-] and",
    ] {
        assert!(out.lines().any(|l| l.starts_with(line)), "missing line starting {line:?}");
    }
    assert!(out.contains("\n4 unchanged clauses not shown\n"));
    assert!(out.ends_with("\nMOD 20  ADD 8  SUP 0  NOC 4 (2 editorial, 22 renumbered)\n"));
    let all = render(OutputFormat::Text, Show::All);
    assert!(all.contains("\nNOC  resolves 3 -> 5 (renumbered only)\n"));
}

#[test]
fn html_bar_counts_match_the_summary() {
    let report = res7();
    let html = render_to_string(
        &report,
        &RenderOptions {
            format: OutputFormat::Html,
            ..Default::default()
        },
    );
    for op in [
        resdiff::Op::Mod,
        resdiff::Op::Add,
        resdiff::Op::Sup,
        resdiff::Op::Noc,
    ] {
        let chip = format!(
            "<span class=\"count\" data-op=\"{op}\">{}</span>",
            report.summary.count(op)
        );
        assert!(html.contains(&chip), "{chip}");
    }
    assert_eq!(
        html.matches("<article ").count(),
        report.changes.len() + report.header.len()
    );
    assert!(html.contains(
        "id=\"resolves-2\" data-op=\"MOD\" tabindex=\"-1\"><span id=\"old-resolves-1\"></span>"
    ));
}

#[test]
fn json_round_trips_on_the_real_pair() {
    let report = res7();
    let json = render_to_string(
        &report,
        &RenderOptions {
            format: OutputFormat::Json,
            ..Default::default()
        },
    );
    let back: Report = serde_json::from_str(&json).expect("report JSON");
    assert_eq!(back, report);
}

#[test]
fn snapshots_of_every_format() {
    let text = render(OutputFormat::Text, Show::Changes);
    let all = render(OutputFormat::Text, Show::All);
    let markdown = render(OutputFormat::Markdown, Show::Changes);
    let json = render(OutputFormat::Json, Show::Changes);
    let html = render(OutputFormat::Html, Show::Changes);
    let html_body =
        &html[html.find("<body>").unwrap_or(0)..html.find("<script>").unwrap_or(html.len())];
    let stat = render_to_string(
        &res7(),
        &RenderOptions {
            format: OutputFormat::Text,
            detail: Detail::Stat,
            ..Default::default()
        },
    );
    let mut coloured = Vec::new();
    resdiff::render::terminal::render(&res7(), &RenderOptions::default(), true, &mut coloured)
        .expect("render");
    let coloured = String::from_utf8(coloured).expect("utf-8");
    common::snapshots(|| {
        insta::assert_snapshot!("res7_text", text);
        insta::assert_snapshot!("res7_text_all", all);
        insta::assert_snapshot!("res7_terminal_color", coloured);
        insta::assert_snapshot!("res7_stat", stat);
        insta::assert_snapshot!("res7_markdown", markdown);
        insta::assert_snapshot!("res7_json", json);
        insta::assert_snapshot!("res7_html_body", html_body);
    });
}
