//! Resolution 1 (Hammamet, 2016), the official ITU .docx, through the whole reading pipeline
//! (`resdiff::load`): header, preamble, the single unlabelled `resolves` clause, the numbered
//! Sections with their provisions, the appendices and footnotes, checked against the document
//! itself.

mod common;
mod docx_support;

use resdiff::model::{Body, Clause, Division, DivisionKind, Format, View};
use resdiff::{load, LoadOptions, Resolution};

fn res1() -> Resolution {
    load(
        &common::repo(common::RES1_HAMMAMET),
        &LoadOptions::default(),
    )
    .unwrap()
}

fn label(c: &Clause) -> String {
    c.label.as_ref().map_or("-".into(), |l| l.norm.clone())
}

fn labels(clauses: &[Clause]) -> Vec<String> {
    clauses.iter().map(label).collect()
}

fn division<'a>(res: &'a Resolution, heading: &str) -> &'a Division {
    res.divisions
        .iter()
        .find(|d| d.heading.key == heading)
        .unwrap_or_else(|| panic!("no division {heading}"))
}

#[test]
fn header() {
    let res = res1();
    assert_eq!(res.source.format, Format::Docx);
    assert_eq!(res.source.view, Some(View::After));
    let h = &res.header;
    assert_eq!(h.body, Some(Body::Wtsa));
    assert_eq!(h.number.as_deref(), Some("1"));
    assert_eq!(
        h.heading.as_ref().unwrap().key,
        "RESOLUTION 1 (Rev. Hammamet, 2016)"
    );
    let rev = h.revision.as_ref().unwrap();
    assert_eq!(
        (rev.place.as_deref(), rev.year),
        (Some("Hammamet"), Some(2016))
    );
    assert_eq!(
        h.title.as_ref().unwrap().shown,
        "Rules of procedure of the ITU Telecommunication Standardization Sector"
    );
    assert_eq!(h.history_raw.as_ref().unwrap().shown, "(Hammamet, 2016)");
    assert_eq!(h.history.len(), 1);
    assert_eq!(
        h.adopting_body.as_ref().unwrap().shown,
        "The World Telecommunication Standardization Assembly (Hammamet, 2016),"
    );
    assert!(h.marks.is_empty());
    assert!(res.warnings.is_empty(), "{:?}", res.warnings);
}

#[test]
fn divisions_in_order() {
    let res = res1();
    let outline: Vec<(DivisionKind, String, Option<String>)> = res
        .divisions
        .iter()
        .map(|d| {
            (
                d.kind,
                d.heading.key.clone(),
                d.label.as_ref().map(|l| l.norm.clone()),
            )
        })
        .collect();
    let mut expected = vec![
        (DivisionKind::Preambular, "considering".to_string(), None),
        (DivisionKind::Operative, "resolves".to_string(), None),
        (
            DivisionKind::Part,
            "SECTION 1".into(),
            Some("1".to_string()),
        ),
        (
            DivisionKind::Part,
            "Section 1bis".into(),
            Some("1bis".into()),
        ),
    ];
    for n in 2..=9 {
        expected.push((
            DivisionKind::Part,
            format!("SECTION {n}"),
            Some(n.to_string()),
        ));
    }
    expected.push((
        DivisionKind::Appendix,
        "Appendix I (to Resolution 1 (Rev. Hammamet, 2016))".into(),
        Some("I".into()),
    ));
    expected.push((
        DivisionKind::Appendix,
        "Appendix II (to Resolution 1 (Rev. Hammamet, 2016))".into(),
        Some("II".into()),
    ));
    assert_eq!(outline, expected);
    let titles: Vec<String> = res
        .divisions
        .iter()
        .filter_map(|d| d.title.as_ref().map(|t| t.key.clone()))
        .collect();
    assert_eq!(
        titles,
        [
            "World Telecommunication Standardization Assembly",
            "Documentation of ITU-T",
            "Study groups and their relevant groups",
            "Study group management",
            "Telecommunication Standardization Advisory Group",
            "Duties of the Director",
            "Contributions",
            "Development and approval of Questions",
            "Recommendation development and approval processes",
            "Approval of new and revised Recommendations using the traditional approval process",
            "Information for submission of a Question",
            "Suggested text of the note to be included in the circular",
        ]
    );
    assert!(res.divisions.iter().all(|d| d.children.is_empty()));
}

#[test]
fn preamble_and_the_single_resolves_clause() {
    let res = res1();
    let considering = division(&res, "considering");
    assert_eq!(
        labels(&considering.clauses),
        ["a", "b", "b bis", "c", "d", "e", "f", "g", "h", "i"]
    );
    assert_eq!(considering.clauses[2].label.as_ref().unwrap().raw, "b)bis");
    assert!(considering.clauses[2]
        .text
        .key
        .starts_with("that the International Telecommunication Regulations (ITR)"));
    assert!(considering.clauses.iter().all(|c| c.items.is_empty()));
    let resolves = division(&res, "resolves");
    assert_eq!(labels(&resolves.clauses), ["-"]);
    assert!(resolves.clauses[0].text.key.starts_with(
        "that the provisions referred to in considering e), f), g) and h) above shall be further elaborated"
    ));
}

#[test]
fn section_1_provisions() {
    let res = res1();
    let s1 = division(&res, "SECTION 1");
    assert_eq!(
        labels(&s1.clauses),
        [
            "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11",
            "1.11.1", "1.11.2", "1.11.3", "1.12", "1.13"
        ]
    );
    let by = |l: &str| s1.clauses.iter().find(|c| label(c) == l).unwrap();
    assert_eq!(labels(&by("1.3").items), ["a", "b", "c", "d"]);
    assert_eq!(labels(&by("1.4").items), ["a", "b"]);
    let c15 = by("1.5");
    assert_eq!(labels(&c15.items), ["a", "b"]);
    let b = &c15.items[1];
    assert_eq!(labels(&b.items), ["i", "ii", "iii", "iv", "v", "vi", "vii"]);
    // v) holds three dashes (a Symbol-font minus in the file).
    let v = &b.items[4];
    assert_eq!(labels(&v.items), ["•", "•", "•"]);
    assert_eq!(v.items[0].label.as_ref().unwrap().raw, "\u{2212}");
    assert_eq!(
        v.items[1].text.shown,
        "to entrust the study to a single study group; or"
    );
    assert_eq!(labels(&by("1.10").items), ["a", "b"]);
    // 1.13 is a heading (`Voting`) followed by one paragraph.
    let c113 = by("1.13");
    assert_eq!(c113.text.shown, "Voting");
    assert_eq!(labels(&c113.items), ["-"]);
    assert!(by("1.1").text.key.starts_with(
        "The World Telecommunication Standardization Assembly (WTSA), in undertaking the duties"
    ));
    assert_eq!(
        by("1.7").text.key,
        "The plenary meeting of a WTSA may set up other committees in accordance with No. 63 of the General Rules."
    );
}

#[test]
fn section_1bis_provisions() {
    let res = res1();
    let s = division(&res, "Section 1bis");
    let mut expected: Vec<String> = [
        "1bis.1",
        "1bis.1.1",
        "1bis.1.1.1",
        "1bis.1.1.2",
        "1bis.1.1.3",
        "1bis.1.1.4",
        "1bis.1.1.5",
        "1bis.1.2",
        "1bis.1.2.1",
        "1bis.1.2.2",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // 1bis.2 to 1bis.9: a heading per kind of text, then Definition / Approval or Agreement /
    // Deletion.
    for n in 2..=9 {
        expected.push(format!("1bis.{n}"));
        for k in 1..=3 {
            expected.push(format!("1bis.{n}.{k}"));
        }
    }
    assert_eq!(labels(&s.clauses), expected);
    let headings: Vec<&str> = s
        .clauses
        .iter()
        .filter(|c| label(c).matches('.').count() == 1)
        .map(|c| c.text.shown.as_str())
        .collect();
    assert_eq!(
        headings,
        [
            "General principles",
            "ITU\u{2011}T resolutions",
            "ITU\u{2011}T opinions",
            "ITU\u{2011}T Questions",
            "ITU\u{2011}T Recommendations",
            "ITU\u{2011}T supplements",
            "ITU\u{2011}T implementation guidelines",
            "ITU\u{2011}T technical reports",
            "ITU\u{2011}T handbooks"
        ]
    );
    // Definition of a Recommendation: its text and the NOTE under it.
    let def = s.clauses.iter().find(|c| label(c) == "1bis.5.1").unwrap();
    assert_eq!(def.text.shown, "Definition");
    assert_eq!(def.items.len(), 2);
    assert!(def.items[0]
        .text
        .key
        .starts_with("Recommendation: An answer to a Question"));
    assert!(def.items[1].text.key.starts_with("NOTE - This answer"));
}

#[test]
fn other_sections_provisions() {
    let res = res1();
    let tops = |h: &str| labels(&division(&res, h).clauses);
    assert_eq!(
        tops("SECTION 3"),
        ["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"]
    );
    assert_eq!(
        tops("SECTION 4"),
        ["4.1", "4.2", "4.3", "4.3bis", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9"]
    );
    let mut s5: Vec<String> = (1..=17).map(|n| format!("5.{n}")).collect();
    s5.insert(2, "5.2bis".into());
    s5.insert(5, "5.4bis".into());
    assert_eq!(tops("SECTION 5"), s5);
    assert_eq!(tops("SECTION 6"), ["6.1", "6.2"]);
    assert_eq!(tops("SECTION 8"), ["8.1", "8.1.1", "8.1.2", "8.2", "8.3"]);
    let appendix = division(&res, "Appendix I (to Resolution 1 (Rev. Hammamet, 2016))");
    assert_eq!(
        labels(&appendix.clauses),
        ["•", "•", "•", "•", "•", "•", "•", "-"]
    );
    assert_eq!(appendix.clauses[2].footnote_refs, ["5"]);
}

#[test]
fn footnotes() {
    let res = res1();
    let marks: Vec<&str> = res.footnotes.iter().map(|f| f.mark.as_str()).collect();
    assert_eq!(marks, ["1", "1bis", "2", "3", "4", "5"]);
    let s2 = division(&res, "SECTION 2");
    let c215 = s2.clauses.iter().find(|c| label(c) == "2.1.5").unwrap();
    assert_eq!(c215.footnote_refs, ["2"]);
    assert!(res.footnotes[2]
        .text
        .key
        .starts_with("In special cases, WTSA may appoint the chairman"));
}

#[test]
fn both_views_of_the_compared_copy() {
    let path = docx_support::fixture("res1-compare.docx");
    let read = |view| {
        load(
            &path,
            &LoadOptions {
                view: Some(view),
                ..LoadOptions::default()
            },
        )
        .unwrap()
    };
    let (before, after) = (read(View::Before), read(View::After));
    // Rejecting LibreOffice's changes gives back Resolution 1 (paragraph numbers aside:
    // LibreOffice rewrites the cover page).
    assert_eq!(
        without_origins(&before),
        without_origins(&res1_with_source(&before))
    );
    let s1 = |r: &Resolution| labels(&division(r, "SECTION 1").clauses);
    assert!(s1(&before).contains(&"1.7".to_string()));
    assert!(!s1(&after).contains(&"1.7".to_string()));
    let s3 = |r: &Resolution| labels(&division(r, "SECTION 3").clauses);
    assert_eq!(s3(&before).last().map(String::as_str), Some("3.7"));
    assert_eq!(s3(&after).last().map(String::as_str), Some("3.8"));
    assert!(!after.revisions.is_empty());
    assert_eq!(after.source.view, Some(View::After));
}

/// Resolution 1 as shipped, with the source and revisions of `other` (to compare the rest).
fn res1_with_source(other: &Resolution) -> Resolution {
    let mut res = res1();
    res.source = other.source.clone();
    res.revisions = other.revisions.clone();
    res
}

/// The model as JSON, without the `origin` fields.
fn without_origins(res: &Resolution) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("origin");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(res).unwrap();
    strip(&mut v);
    v
}

#[test]
fn snapshot_of_the_model() {
    let mut res = res1();
    // The path as given in the repository, not where this checkout lives.
    res.source.path = common::RES1_HAMMAMET.to_string();
    common::snapshots(|| insta::assert_json_snapshot!("res1_hammamet_2016_docx", res));
}
