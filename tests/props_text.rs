//! Properties through the whole pipeline, text -> parse -> compare, on resolutions generated from
//! strategies and written out the way users' files are (Word text with TABs, Markdown from PDF,
//! with CRLF or LF). tests/align_props.rs checks compare() on model-level edits of the shipped
//! texts; these start from bytes, so the readers and the parser are inside the loop.

use proptest::prelude::*;
use resdiff::model::Op;
use resdiff::report::Report;
use resdiff::{compare, load_bytes, CompareOptions, LoadOptions, Resolution};

/// A generated resolution: sections of (phrase, clause texts).
#[derive(Debug, Clone)]
struct Doc {
    number: u32,
    sections: Vec<(&'static str, bool, Vec<String>)>,
}

const PREAMBULAR: [&str; 5] = [
    "considering",
    "noting",
    "recognizing",
    "bearing in mind",
    "considering further",
];
const OPERATIVE: [&str; 5] = [
    "resolves",
    "instructs the Director of the Telecommunication Standardization Bureau",
    "invites Member States",
    "requests",
    "encourages",
];

/// Words of resolutions, with the typography users' files carry (no-break hyphen, NBSP,
/// curly quotes), and a few that are not English.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(vec![
            "the", "study", "groups", "standards", "of", "ITU\u{2011}T", "Member", "States",
            "developing", "countries", "to", "and", "work", "Bureau", "Recommendations",
            "\u{201c}bridging\u{201d}", "2022", "Sector", "liaison", "gap",
        ])
        .prop_map(str::to_string),
        1 => "[a-zé]{1,12}",
        1 => prop::sample::select(vec!["الدول", "标准", "Ελλάδα", "Москва"]).prop_map(str::to_string),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 3..18).prop_map(|w| format!("that {}", w.join(" ")))
}

fn doc() -> impl Strategy<Value = Doc> {
    let section = |phrases: [&'static str; 5], operative: bool| {
        (
            prop::sample::select(phrases.to_vec()),
            prop::collection::vec(sentence(), 1..6),
        )
            .prop_map(move |(p, c)| (p, operative, c))
    };
    (
        1u32..200,
        prop::collection::vec(section(PREAMBULAR, false), 1..3),
        prop::collection::vec(section(OPERATIVE, true), 1..3),
    )
        .prop_map(|(number, pre, op)| {
            // One section per phrase: a repeated phrase would be a different document.
            let mut sections: Vec<(&'static str, bool, Vec<String>)> = Vec::new();
            for s in pre.into_iter().chain(op) {
                if !sections.iter().any(|(p, _, _)| *p == s.0) {
                    sections.push(s);
                }
            }
            Doc { number, sections }
        })
}

fn label(operative: bool, i: usize) -> String {
    if operative {
        (i + 1).to_string()
    } else {
        format!("{})", (b'a' + i as u8) as char)
    }
}

/// The document as Word saves it as text (TAB after labels), or as Markdown from a PDF.
fn write(d: &Doc, markdown: bool, crlf: bool) -> String {
    let mut s = String::new();
    if markdown {
        s.push_str(&format!(
            "## RESOLUTION {} (Rev. Geneva, 2022)\n\n",
            d.number
        ));
        s.push_str("**A generated resolution**\n\n(Dubai, 2012; Geneva, 2022)\n\n");
        s.push_str("The World Telecommunication Standardization Assembly (Geneva, 2022),\n\n");
    } else {
        s.push_str(&format!("RESOLUTION {} (Rev. Geneva, 2022)\n", d.number));
        s.push_str("A generated resolution\n(Dubai, 2012; Geneva, 2022)\n");
        s.push_str("The World Telecommunication Standardization Assembly (Geneva, 2022),\n");
    }
    for (phrase, operative, clauses) in &d.sections {
        if markdown {
            s.push_str(&format!("*{phrase}*\n\n"));
        } else {
            s.push_str(&format!("{phrase}\n"));
        }
        for (i, c) in clauses.iter().enumerate() {
            let end = if i + 1 == clauses.len() { "," } else { ";" };
            let l = label(*operative, i);
            if markdown {
                s.push_str(&format!("- {l} {c}{end}\n\n"));
            } else {
                s.push_str(&format!("{l}\t{c}{end}\n"));
            }
        }
    }
    if crlf {
        s = s.replace('\n', "\r\n");
    }
    s
}

fn parse(text: &str, markdown: bool) -> Resolution {
    let name = if markdown { "gen.md" } else { "gen.txt" };
    load_bytes(name.as_ref(), text.as_bytes(), &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn texts(r: &Resolution) -> Vec<String> {
    r.clauses().iter().map(|(_, c)| c.full_shown()).collect()
}

fn flipped(r: &Report) -> Vec<(Vec<usize>, Vec<usize>, Op)> {
    let mut v: Vec<_> = r
        .changes
        .iter()
        .map(|c| {
            let op = match c.op {
                Op::Add => Op::Sup,
                Op::Sup => Op::Add,
                op => op,
            };
            (c.new_units.clone(), c.old_units.clone(), op)
        })
        .collect();
    v.sort();
    v
}

fn straight(r: &Report) -> Vec<(Vec<usize>, Vec<usize>, Op)> {
    let mut v: Vec<_> = r
        .changes
        .iter()
        .map(|c| (c.old_units.clone(), c.new_units.clone(), c.op))
        .collect();
    v.sort();
    v
}

/// One edit of a generated document, at the text level.
#[derive(Debug, Clone)]
enum Edit {
    Drop(usize),
    Insert(usize, String),
    Reword(usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<usize>().prop_map(Edit::Drop),
        (any::<usize>(), sentence()).prop_map(|(i, s)| Edit::Insert(i, s)),
        (any::<usize>(), word()).prop_map(|(i, w)| Edit::Reword(i, w)),
    ]
}

fn apply_edit(d: &mut Doc, e: &Edit) {
    let n: usize = d.sections.iter().map(|s| s.2.len()).sum();
    let locate = |d: &mut Doc, k: usize| -> (usize, usize) {
        let mut k = k % n.max(1);
        for (si, s) in d.sections.iter().enumerate() {
            if k < s.2.len() {
                return (si, k);
            }
            k -= s.2.len();
        }
        (0, 0)
    };
    match e {
        Edit::Drop(k) => {
            let (si, ci) = locate(d, *k);
            if d.sections[si].2.len() > 1 {
                d.sections[si].2.remove(ci);
            }
        }
        Edit::Insert(k, s) => {
            let (si, ci) = locate(d, *k);
            if d.sections[si].2.len() < 20 {
                d.sections[si].2.insert(ci, s.clone());
            }
        }
        Edit::Reword(k, w) => {
            let (si, ci) = locate(d, *k);
            d.sections[si].2[ci].push_str(&format!(" {w}"));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Written out and read back, a generated resolution has its sections, labels and texts.
    #[test]
    fn generated_resolutions_parse_back(d in doc(), markdown in any::<bool>(), crlf in any::<bool>()) {
        let r = parse(&write(&d, markdown, crlf), markdown);
        let got: Vec<(String, Vec<String>)> = r
            .walk_divisions()
            .iter()
            .filter(|div| !div.clauses.is_empty())
            .map(|div| {
                (
                    div.heading.key.clone(),
                    div.clauses.iter().map(|c| c.text.key.clone()).collect(),
                )
            })
            .collect();
        let want: Vec<(String, Vec<String>)> = d
            .sections
            .iter()
            .map(|(p, _, cs)| {
                (
                    resdiff::normalize::comparison_key(p),
                    cs.iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let end = if i + 1 == cs.len() { "," } else { ";" };
                            resdiff::normalize::comparison_key(&format!("{c}{end}"))
                        })
                        .collect(),
                )
            })
            .collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(r.header.number.clone(), Some(d.number.to_string()));
    }

    /// The same resolution in either format, either line end, is all NOC against itself and
    /// against its other spellings.
    #[test]
    fn a_resolution_is_unchanged_against_itself_in_any_spelling(d in doc()) {
        let word_lf = parse(&write(&d, false, false), false);
        for (markdown, crlf) in [(false, false), (false, true), (true, false), (true, true)] {
            let other = parse(&write(&d, markdown, crlf), markdown);
            let r = compare(&word_lf, &other, &CompareOptions::default());
            prop_assert!(
                r.changes.iter().all(|c| c.op == Op::Noc),
                "markdown {} crlf {}: {:?}",
                markdown,
                crlf,
                r.changes.iter().map(|c| c.op).collect::<Vec<_>>()
            );
            prop_assert!(!r.has_differences());
        }
    }

    /// Edited at the text level then parsed: the reports both ways mirror each other and each
    /// rebuilds the other side.
    #[test]
    fn edited_texts_mirror_and_rebuild(
        d in doc(),
        edits in prop::collection::vec(edit(), 1..5),
        markdown in any::<bool>(),
    ) {
        let mut e = d.clone();
        for x in &edits {
            apply_edit(&mut e, x);
        }
        let a = parse(&write(&d, markdown, false), markdown);
        let b = parse(&write(&e, markdown, false), markdown);
        let opts = CompareOptions::default();
        let ab = compare(&a, &b, &opts);
        let ba = compare(&b, &a, &opts);
        prop_assert_eq!(straight(&ab), flipped(&ba));
        prop_assert_eq!(resdiff::align::apply(&ab, &a), texts(&b));
        prop_assert_eq!(resdiff::align::apply(&ba, &b), texts(&a));
        prop_assert_eq!(ab.has_differences(), texts(&a) != texts(&b));
    }
}
