//! The same Resolution 7 text in other shapes: an outline (one `•` bullet per line, as copied
//! from a web page) and plain text whose line breaks were lost. Both are made here from the
//! shipped Markdown and must give the same sections and labels as the Markdown itself.

mod common;

use resdiff::model::{Format, Resolution};
use resdiff::{load, load_bytes, LoadOptions};

fn geneva() -> (String, Resolution) {
    let path = common::repo(common::RES7_GENEVA);
    let text = std::fs::read_to_string(&path).expect("read");
    let r = load(&path, &LoadOptions::default()).expect("parses");
    (text, r)
}

/// The resolution part of the Markdown (from its heading on), as plain lines: Markdown
/// markers removed, the nesting kept as a depth.
fn plain_lines(md: &str) -> Vec<(usize, String)> {
    let start = md.find("## RESOLUTION 7").expect("heading");
    md[start..]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let depth = if l.starts_with("  - ") { 2 } else { 1 };
            let t = l.trim().trim_start_matches('#').trim();
            let t = t.strip_prefix("- ").unwrap_or(t);
            (depth, t.replace('*', ""))
        })
        .collect()
}

#[test]
fn outline_with_a_bullet_per_line_parses_like_the_markdown() {
    let (md, original) = geneva();
    let outline: String = plain_lines(&md)
        .into_iter()
        .map(|(depth, t)| format!("{}{t}\n", "• ".repeat(depth)))
        .collect();
    assert!(outline.starts_with("• RESOLUTION 7 (Rev. Geneva, 2022)\n"));
    let r = load_bytes(
        "outline.txt".as_ref(),
        outline.as_bytes(),
        &LoadOptions::default(),
    )
    .expect("parses");
    assert_eq!(r.source.format, Format::Outline);
    assert_eq!(common::top_labels(&r), common::top_labels(&original));
    assert_eq!(r.header.history, original.header.history);
    assert_eq!(r.header.title, original.header.title);
    let items = |r: &Resolution| -> Vec<Vec<Option<String>>> {
        r.clauses()
            .iter()
            .map(|(_, c)| {
                c.items
                    .iter()
                    .map(|i| i.label.as_ref().map(|l| l.norm.clone()))
                    .collect()
            })
            .collect()
    };
    assert_eq!(items(&r), items(&original));
    assert_eq!(common::clause_keys(&r), common::clause_keys(&original));
}

#[test]
fn text_with_its_line_breaks_lost_parses_like_the_markdown() {
    let (md, original) = geneva();
    let run_on: Vec<String> = plain_lines(&md).into_iter().map(|(_, t)| t).collect();
    let run_on = run_on.join(" ");
    assert_eq!(run_on.lines().count(), 1);
    let r = load_bytes(
        "lost.txt".as_ref(),
        run_on.as_bytes(),
        &LoadOptions::default(),
    )
    .expect("parses");
    assert_eq!(common::top_labels(&r), common::top_labels(&original));
    assert_eq!(r.header.number.as_deref(), Some("7"));
    assert_eq!(r.header.history.len(), 9);
    assert_eq!(r.header.title, original.header.title);
    assert_eq!(r.header.adopting_body, original.header.adopting_body);
    // Clause texts survive the split (sub-item bullets were lost with the line breaks and stay
    // inside their clause).
    let d = &r.divisions[0];
    assert_eq!(
        d.clauses[0].text.shown,
        "Articles 1 and 50 of the ITU Constitution;"
    );
    let res = &r.divisions[3];
    assert!(res.clauses[7]
        .text
        .shown
        .starts_with("to request the chairmen"));
    assert!(res.clauses[10]
        .text
        .shown
        .ends_with("the three organizations."));
}
