//! Resolution 7 parsed from its two shipped texts: Markdown from the 2022 PDF and the USA
//! proposal saved as plain text from Word. Exact labels, sub-items and header fields.

mod common;

use resdiff::model::{Body, Clause, Division, DivisionKind, Op, Resolution, WarningKind};
use resdiff::{load, LoadOptions};

fn parse(rel: &str) -> Resolution {
    load(&common::repo(rel), &LoadOptions::default()).expect("parses")
}

fn labels(d: &Division) -> Vec<String> {
    d.clauses
        .iter()
        .map(|c| c.label.as_ref().map(|l| l.norm.clone()).unwrap_or_default())
        .collect()
}

fn letters(to: char) -> Vec<String> {
    ('a'..=to).map(|c| c.to_string()).collect()
}

fn numbers(to: u32) -> Vec<String> {
    (1..=to).map(|n| n.to_string()).collect()
}

fn clause<'a>(d: &'a Division, label: &str) -> &'a Clause {
    d.clauses
        .iter()
        .find(|c| c.label.as_ref().is_some_and(|l| l.norm == label))
        .unwrap_or_else(|| panic!("{} {label} missing", d.heading.shown))
}

fn headings(r: &Resolution) -> Vec<(&str, DivisionKind)> {
    r.divisions
        .iter()
        .map(|d| (d.heading.shown.as_str(), d.kind))
        .collect()
}

#[test]
fn geneva_2022_header() {
    let r = parse(common::RES7_GENEVA);
    let h = &r.header;
    assert_eq!(h.body, Some(Body::Wtsa));
    assert_eq!(h.number.as_deref(), Some("7"));
    let rev = h.revision.as_ref().expect("revision");
    assert_eq!(rev.raw, "Rev. Geneva, 2022");
    assert_eq!(rev.place.as_deref(), Some("Geneva"));
    assert_eq!(rev.year, Some(2022));
    assert_eq!(h.history.len(), 9);
    assert_eq!(h.history[0].place, "Malaga-Torremolinos");
    assert_eq!(h.history[0].year, Some(1984));
    assert_eq!(h.history[8].place, "Geneva");
    assert_eq!(h.history[8].year, Some(2022));
    assert_eq!(
        h.title.as_ref().map(|t| t.shown.as_str()),
        Some("Collaboration with the International Organization for Standardization and the International Electrotechnical Commission")
    );
    assert_eq!(
        h.adopting_body.as_ref().map(|t| t.shown.as_str()),
        Some("The World Telecommunication Standardization Assembly (Geneva, 2022),")
    );
    assert!(h.marks.is_empty());
}

#[test]
fn geneva_2022_sections_and_clauses() {
    let r = parse(common::RES7_GENEVA);
    assert_eq!(
        headings(&r),
        [
            ("considering", DivisionKind::Preambular),
            ("noting", DivisionKind::Preambular),
            ("recognizing", DivisionKind::Preambular),
            ("resolves", DivisionKind::Operative),
        ]
    );
    let d = &r.divisions;
    assert_eq!(labels(&d[0]), letters('i'));
    // e) and f) are separated by a blank line (a page break): still one section of 11 clauses.
    assert_eq!(labels(&d[1]), letters('k'));
    assert_eq!(d[1].clauses.len(), 11);
    assert_eq!(d[2].clauses.len(), 1);
    assert!(d[2].clauses[0].label.is_none());
    assert!(d[2].clauses[0]
        .text
        .shown
        .starts_with("that the collaboration between ITU-T on one hand"));
    assert_eq!(labels(&d[3]), numbers(11));

    let res = &d[3];
    for n in ["7", "8"] {
        let c = clause(res, n);
        assert_eq!(c.items.len(), 2, "resolves {n} sub-items");
        assert!(c
            .items
            .iter()
            .all(|i| i.label.as_ref().map(|l| l.norm.as_str()) == Some("•")));
    }
    assert!(clause(res, "7").items[1]
        .text
        .shown
        .starts_with("for other activities where coordination"));
    assert!(clause(res, "8")
        .text
        .shown
        .starts_with("to request the chairmen"));
    assert!(clause(res, "9")
        .text
        .shown
        .starts_with("that, for reasons of economy"));
    assert!(clause(res, "11")
        .text
        .shown
        .ends_with("the three organizations."));
    for (_, c) in r.clauses() {
        assert!(c.items.iter().all(|i| i.items.is_empty()));
    }
}

#[test]
fn geneva_2022_front_matter_is_not_in_the_clauses() {
    let r = parse(common::RES7_GENEVA);
    let all: Vec<String> = r.clauses().iter().map(|(_, c)| c.full_shown()).collect();
    for bad in [
        "FOREWORD",
        "© ITU",
        "All rights reserved",
        "I n t e r",
        "specialized agency",
    ] {
        assert!(
            all.iter().all(|t| !t.contains(bad)),
            "{bad} leaked into a clause"
        );
    }
    // The lost list marker of resolves 8 is reported.
    let restored: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::RestoredLabel)
        .collect();
    assert_eq!(restored.len(), 1);
    assert_eq!(restored[0].origin.map(|o| o.start), Some(85));
    assert!(!r.warnings.iter().any(|w| w.kind == WarningKind::Truncated));
}

#[test]
fn usa_proposal_header_and_mark() {
    let r = parse(common::RES7_USA);
    let h = &r.header;
    assert_eq!(h.marks.len(), 1);
    assert_eq!(h.marks[0].op, Op::Mod);
    assert_eq!(h.marks[0].reference.as_deref(), Some("USA/48A5/1"));
    assert!(!h.marks[0].editorial && !h.marks[0].transferred);
    assert_eq!(h.number.as_deref(), Some("7"));
    assert_eq!(h.body, Some(Body::Wtsa));
    // The title is wrapped over two lines and starts with a Word bookmark artefact.
    assert_eq!(
        h.title.as_ref().map(|t| t.shown.as_str()),
        Some("Collaboration with the International Organization for Standardization and the International Electrotechnical Commission")
    );
    // The history is wrapped over two lines and uses `,` before Hammamet.
    let places: Vec<_> = h
        .history
        .iter()
        .map(|a| (a.place.as_str(), a.year))
        .collect();
    assert_eq!(places.len(), 8);
    assert_eq!(places[0], ("Malaga-Torremolinos", Some(1984)));
    assert_eq!(places[4], ("Florianópolis", Some(2004)));
    assert_eq!(places[7], ("Hammamet", Some(2016)));
    let rev = h.revision.as_ref().expect("revision");
    assert_eq!(rev.raw, "REV. DUBAI, 2012HAMMAMET, 2016");
    let flat: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::FlattenedRevisions)
        .collect();
    // One for the heading, one for the glue points in the body (crate::flatten).
    assert_eq!(flat.len(), 2);
    assert!(flat[0].message.contains("(REV. DUBAI, 2012HAMMAMET, 2016)"));
    assert_eq!(flat[0].origin.map(|o| o.start), Some(12));
    assert!(
        flat[1].message.contains("`asto` (line 46)"),
        "{}",
        flat[1].message
    );
}

#[test]
fn usa_proposal_sections_and_clauses() {
    let r = parse(common::RES7_USA);
    assert_eq!(
        headings(&r),
        [
            ("considering", DivisionKind::Preambular),
            ("noting", DivisionKind::Preambular),
            ("resolves", DivisionKind::Operative),
        ]
    );
    let d = &r.divisions;
    assert_eq!(labels(&d[0]), letters('f'));
    assert_eq!(labels(&d[1]), letters('i'));
    assert_eq!(labels(&d[2]), numbers(9));
    for n in ["5", "6"] {
        let c = clause(&d[2], n);
        assert_eq!(c.items.len(), 2, "resolves {n} sub-items");
        assert!(c
            .items
            .iter()
            .all(|i| i.label.as_ref().map(|l| l.raw.as_str()) == Some("•")));
    }
    assert_eq!(clause(&d[0], "e").origin.start, 23);
    // Typography is kept in `shown` (U+2011, U+00A0) and folded in `key`.
    let b = clause(&d[0], "b");
    assert!(b.text.shown.contains("ITU\u{2011}T"));
    assert!(b.text.key.contains("ITU-T"));
}

#[test]
fn usa_proposal_has_no_bookmark_artefacts_anywhere() {
    let r = parse(common::RES7_USA);
    let json = serde_json::to_string(&r).expect("json");
    assert!(!json.contains("[bookmark"));
    assert!(!json.contains("_Toc"));
    assert!(!json.contains("_GoBack"));
    // The preface (Abstract, Introduction, Proposal) is front matter.
    assert!(!json.contains("light-touch revisions"));
    assert!(r.warnings.iter().all(|w| w.kind != WarningKind::Unplaced));
}
