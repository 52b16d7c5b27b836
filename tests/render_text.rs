//! The text and terminal formats on a hand-made Resolution 7 report.

mod common;
mod render_support;

use resdiff::model::Op;
use resdiff::render::{render_to_string, terminal, Detail, OutputFormat, RenderOptions, Show};

fn text(opts: RenderOptions) -> String {
    render_to_string(
        &render_support::res7(),
        &RenderOptions {
            format: OutputFormat::Text,
            ..opts
        },
    )
}

#[test]
fn each_change_is_headed_by_op_and_places() {
    let out = text(RenderOptions::default());
    let heads: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_uppercase() || c == '('))
        .collect();
    assert_eq!(
        heads,
        [
            "MOD  revision",
            "MOD  adopting body",
            "MOD  considering a)",
            "ADD  considering b)",
            "MOD  considering b) -> d) (moved)",
            "MOD  considering f) -> i)",
            "MOD  noting b) -> b), d) (split)",
            "(MOD) noting g) -> i)",
            "ADD  recognizing",
            "ADD  resolves 1",
            "MOD  resolves 1 -> 2",
            "MOD  resolves 5 -> 7",
            "SUP  instructs the study groups 1",
            "MOD 7  ADD 3  SUP 1  NOC 2 (1 editorial, 8 renumbered, 1 moved)",
        ]
    );
    assert!(out.contains("\n2 unchanged clauses not shown\n"));
    assert!(out.contains(
        "\nwarning: old: revision marks were flattened into the text: deleted and inserted words run together (line 13)\n"
    ));
    assert!(out.ends_with("MOD 7  ADD 3  SUP 1  NOC 2 (1 editorial, 8 renumbered, 1 moved)\n"));
}

#[test]
fn inline_diffs_use_word_diff_markers_only_where_mixed() {
    let out = text(RenderOptions::default());
    assert!(out.contains("     Rev. [-Hammamet, 2016-]{+Geneva, 2022+}\n"));
    assert!(out.contains("to examine{+, through TSAG,+} the ITU-T study programme{+,+} in"));
    // An ADD is all insertion: shown plain, its op says it.
    assert!(out.contains("\n     Articles 2 and 20 of the Statutes of the International Organization for Standardization (ISO);\n"));
    // Sub-items stay on their own indented lines.
    assert!(out.contains("\n     • for work where text should be drawn up mutually"));
}

#[test]
fn show_all_lists_unchanged_clauses() {
    let out = text(RenderOptions {
        show: Show::All,
        ..Default::default()
    });
    assert!(out.contains("\nNOC  resolves 3 -> 5 (renumbered only)\n"));
    assert!(out.contains("\nNOC  considering e) -> g) (renumbered only)\n"));
    assert!(out.contains("\nNOC  title\n"));
    assert!(!out.contains("not shown"));
}

#[test]
fn only_filters_the_list_but_not_the_summary() {
    let out = text(RenderOptions {
        only: Some(vec![Op::Add]),
        ..Default::default()
    });
    assert!(out.contains("ADD  resolves 1\n"));
    assert!(!out.contains("MOD  resolves 1 -> 2"));
    assert!(!out.contains("MOD  revision"));
    assert!(
        out.contains("\n2 unchanged clauses not shown\n8 other changes not shown (--only ADD)\n")
    );
    assert!(out.ends_with("MOD 7  ADD 3  SUP 1  NOC 2 (1 editorial, 8 renumbered, 1 moved)\n"));
    let noc = text(RenderOptions {
        only: Some(vec![Op::Noc]),
        ..Default::default()
    });
    assert!(noc.contains("NOC  resolves 3 -> 5 (renumbered only)"));
}

#[test]
fn stat_is_the_summary_line_with_the_header_changes_named() {
    let out = text(RenderOptions {
        detail: Detail::Stat,
        ..Default::default()
    });
    assert_eq!(
        out,
        "MOD 7  ADD 3  SUP 1  NOC 2 (1 editorial, 8 renumbered, 1 moved); \
         also changed: revision, adopting body\n"
    );
}

#[test]
fn terminal_colours_deletions_and_insertions_with_a_second_cue() {
    let report = render_support::res7();
    let opts = RenderOptions::default();
    let mut coloured = Vec::new();
    terminal::render(&report, &opts, true, &mut coloured).unwrap();
    let coloured = String::from_utf8(coloured).unwrap();
    assert!(
        coloured.contains("\x1b[9;31mHammamet, 2016\x1b[0m"),
        "red + struck deletion"
    );
    assert!(
        coloured.contains("\x1b[4;32mGeneva, 2022\x1b[0m"),
        "green + underlined insertion"
    );
    assert!(!coloured.contains("[-"));
    let mut plain = Vec::new();
    terminal::render(&report, &opts, false, &mut plain).unwrap();
    assert_eq!(
        String::from_utf8(plain).unwrap(),
        text(RenderOptions::default())
    );
}

#[test]
fn snapshot_text_hand_made() {
    let out = text(RenderOptions::default());
    common::snapshots(|| insta::assert_snapshot!("render_text_hand_made", out));
}

/// A writer whose reader went away, like `resdiff diff a b | head -1`.
struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_pipe_reaches_the_caller_as_broken_pipe_in_every_format() {
    let report = render_support::res7();
    for format in [
        OutputFormat::Terminal,
        OutputFormat::Text,
        OutputFormat::Markdown,
        OutputFormat::Json,
        OutputFormat::Html,
    ] {
        let opts = RenderOptions {
            format,
            ..Default::default()
        };
        let err = resdiff::render::render(&report, &opts, &mut ClosedPipe).expect_err("must fail");
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{format:?}");
    }
}
