//! The structure rules one at a time, on small texts written the way ITU texts are damaged in
//! practice: labels alone on their line or glued to the text, `i)` as a letter or a roman
//! numeral, unknown section phrases, lines cut by page breaks, marks and reasons, truncation.

use resdiff::model::{Clause, Division, Op, Resolution, WarningKind};
use resdiff::{load_bytes, LoadOptions};

const HEAD: &str = "RESOLUTION 99 (Rev. Geneva, 2022)\nA test title\n(Geneva, 2022)\n\
The World Telecommunication Standardization Assembly (Geneva, 2022),\n";

fn parse(body: &str) -> Resolution {
    let text = format!("{HEAD}{body}");
    load_bytes("t.txt".as_ref(), text.as_bytes(), &LoadOptions::default()).expect("parses")
}

fn labels(cs: &[Clause]) -> Vec<String> {
    cs.iter()
        .map(|c| {
            c.label
                .as_ref()
                .map(|l| l.norm.clone())
                .unwrap_or_else(|| "-".into())
        })
        .collect()
}

fn sections(r: &Resolution) -> Vec<(String, Vec<String>)> {
    r.divisions
        .iter()
        .map(|d: &Division| (d.heading.shown.clone(), labels(&d.clauses)))
        .collect()
}

fn kinds(r: &Resolution) -> Vec<WarningKind> {
    r.warnings.iter().map(|w| w.kind).collect()
}

#[test]
fn labels_alone_glued_and_with_bis() {
    let r = parse(
        "considering\na)\nthat the text is on the next line;\nb)that it is glued;\n\
         b)bis\tthat it has a bis;\nc)  that spaces follow;\nresolves\n1\nto do it.\n",
    );
    assert_eq!(
        sections(&r),
        [
            (
                "considering".into(),
                vec!["a".into(), "b".into(), "b bis".into(), "c".into()]
            ),
            ("resolves".into(), vec!["1".into()]),
        ]
    );
    let d = &r.divisions[0];
    assert_eq!(
        d.clauses[0].text.shown,
        "that the text is on the next line;"
    );
    assert_eq!(d.clauses[0].origin.start, 6);
    assert_eq!(d.clauses[0].origin.end, 7);
    assert_eq!(d.clauses[1].text.shown, "that it is glued;");
    assert_eq!(r.divisions[1].clauses[0].text.shown, "to do it.");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn i_after_h_is_a_letter_but_roman_under_a_colon() {
    let letters: String = ('a'..='h').map(|c| format!("{c})\tthat {c};\n")).collect();
    let r = parse(&format!(
        "considering\n{letters}i)\tthat i is a letter here,\nresolves\n1\tto list:\n\
         i)\tthe first;\nii)\tthe second;\n2\tto end.\n"
    ));
    let d = &r.divisions;
    assert_eq!(labels(&d[0].clauses).last().map(String::as_str), Some("i"));
    assert_eq!(d[0].clauses.len(), 9);
    assert_eq!(labels(&d[1].clauses), ["1", "2"]);
    assert_eq!(labels(&d[1].clauses[0].items), ["i", "ii"]);
}

#[test]
fn unknown_section_phrases_are_recognised_by_form_and_place() {
    let r = parse(
        "considering\na)\tthat x;\nb)\tthat y,\nhaving heard the reports\na)\tthat z,\n\
         resolves\n1\tto do;\n2\tto do more;\ncommissions further\n1\tto act.\n",
    );
    let heads: Vec<_> = r
        .divisions
        .iter()
        .map(|d| (d.heading.shown.as_str(), d.kind))
        .collect();
    use resdiff::model::DivisionKind::*;
    assert_eq!(
        heads,
        [
            ("considering", Preambular),
            ("having heard the reports", Preambular),
            ("resolves", Operative),
            ("commissions further", Operative),
        ]
    );
}

#[test]
fn page_breaks_cut_lines_which_are_joined() {
    let r = parse(
        "considering\na)\tthat the International Telecommunication Union and the\n\
         Telecommunication Standardization Bureau work together;\n\nb)\tthat inter-\n\
         operability and stand-\nalone texts exist,\nresolves\n1\tto do.\n",
    );
    let c = &r.divisions[0].clauses;
    assert_eq!(labels(c), ["a", "b"]);
    assert_eq!(
        c[0].text.shown,
        "that the International Telecommunication Union and the Telecommunication Standardization Bureau work together;"
    );
    // `inter-` + `operability`: the word occurs nowhere whole, so the hyphen stays; `stand-alone`
    // likewise. Only a word found whole elsewhere is rejoined without its hyphen.
    assert_eq!(
        c[1].text.shown,
        "that inter-operability and stand-alone texts exist,"
    );
    let r = parse(
        "considering\na)\tthat interoperability matters;\nb)\tthat inter-\noperability is done,\n\
         resolves\n1\tto do.\n",
    );
    assert_eq!(
        r.divisions[0].clauses[1].text.shown,
        "that interoperability is done,"
    );
}

#[test]
fn marks_and_reasons_of_a_contribution() {
    let text = "Proposal\n\n(MOD)\tUSA/1/2\nADD*\tUSA/1/3\n".to_string()
        + HEAD
        + "considering\na)\tthat x,\nresolves\n1\tto do.\nReasons:\tTo be clearer.\n";
    let r = load_bytes("p.txt".as_ref(), text.as_bytes(), &LoadOptions::default()).expect("ok");
    let m = &r.header.marks;
    assert_eq!(m.len(), 2);
    assert_eq!(
        (m[0].op, m[0].editorial, m[0].transferred),
        (Op::Mod, true, false)
    );
    assert_eq!(m[0].reference.as_deref(), Some("USA/1/2"));
    assert_eq!(
        (m[1].op, m[1].editorial, m[1].transferred),
        (Op::Add, false, true)
    );
    assert_eq!(m[1].reasons.as_deref(), Some("To be clearer."));
    // The reasons are no clause text.
    assert_eq!(r.divisions[1].clauses[0].text.shown, "to do.");
    assert!(r.divisions[1].clauses[0].items.is_empty());
}

#[test]
fn truncation_and_unplaced_text_are_reported_with_their_origin() {
    let r = parse("considering\na)\tthat x,\nresolves\n");
    assert_eq!(kinds(&r), [WarningKind::Truncated]);
    assert!(r.warnings[0].message.contains("resolves"));
    assert_eq!(r.warnings[0].origin.map(|o| o.start), Some(7));

    let text = "RESOLUTION 5\nTitle\nA stray line before anything\n\
                The World Telecommunication Standardization Assembly (Geneva, 2022),\n\
                considering\na)\tthat x,\nresolves\n1\tto do.\n";
    let r = load_bytes("u.txt".as_ref(), text.as_bytes(), &LoadOptions::default()).expect("ok");
    assert_eq!(
        r.header.title.as_ref().map(|t| t.shown.as_str()),
        Some("Title A stray line before anything")
    );
    let text = "RESOLUTION 5\nTitle\n(Geneva, 2022)\nStray text after the history\n\
                considering\na)\tthat x,\nresolves\n1\tto do.\n";
    let r = load_bytes("u.txt".as_ref(), text.as_bytes(), &LoadOptions::default()).expect("ok");
    assert_eq!(kinds(&r), [WarningKind::Unplaced]);
    assert_eq!(r.warnings[0].origin.map(|o| o.start), Some(4));
    assert!(r.warnings[0]
        .message
        .contains("Stray text after the history"));
}

#[test]
fn a_resolution_without_heading_still_parses_its_body() {
    let text = "considering\na)\tthat x,\nresolves\n1\tto do.\n";
    let r = load_bytes("b.txt".as_ref(), text.as_bytes(), &LoadOptions::default()).expect("ok");
    assert_eq!(r.header.number, None);
    assert_eq!(r.divisions.len(), 2);
}

#[test]
fn skipped_labels_and_a_second_heading_are_reported() {
    let r = parse(
        "considering\na)\tthat x;\nc)\tthat z,\nresolves\n1\tto do;\n3\tto do more.\n\
         resolves further\n12 to go on.\nRESOLUTION 100 (Geneva, 2022)\n",
    );
    assert_eq!(
        sections(&r),
        [
            ("considering".into(), vec!["a".into(), "c".into()]),
            ("resolves".into(), vec!["1".into(), "3".into()]),
            ("resolves further".into(), vec!["12".into()]),
        ]
    );
    // The stray heading ends the text without a full stop: reported as a possible cut too.
    assert_eq!(
        kinds(&r),
        [
            WarningKind::LabelSequence,
            WarningKind::LabelSequence,
            WarningKind::Other,
            WarningKind::Truncated
        ]
    );
    assert_eq!(r.warnings[0].message, "considering: `c)` follows `a)`");
    assert_eq!(r.warnings[0].origin.map(|o| o.start), Some(7));
    assert!(r.warnings[2].message.contains("RESOLUTION 100"));
}

#[test]
fn page_numbers_of_a_pdf_are_reported_not_read_as_clauses() {
    let r = parse("considering\na)\tthat x;\n\n3\n\nb)\tthat y,\nresolves\n1\n\nto do.\n");
    assert_eq!(labels(&r.divisions[0].clauses), ["a", "b"]);
    assert!(r.divisions[0].clauses[0].items.is_empty());
    assert_eq!(kinds(&r), [WarningKind::Unplaced]);
    assert_eq!(r.warnings[0].origin.map(|o| o.start), Some(8));
    assert_eq!(r.divisions[1].clauses[0].text.shown, "to do.");
}

#[test]
fn markdown_paragraphs_wrapped_over_lines_are_one_clause() {
    let text = "## RESOLUTION 7 (Rev. Geneva, 2022)\n\n### **Collaboration with the International\nOrganization for Standardization**\n\n\
                The World Telecommunication Standardization Assembly (Geneva, 2022),\n\n*considering*\n\n\
                - a) the common interest of ISO and IEC on the one hand and ITU-T on the other,\n  in the development of standards;\n\
                - b) the need for agreements,\n\n*resolves*\n\nthat the work goes on,\nas agreed.\n";
    let r = load_bytes("w.md".as_ref(), text.as_bytes(), &LoadOptions::default()).expect("ok");
    assert_eq!(
        r.header.title.as_ref().map(|t| t.shown.as_str()),
        Some("Collaboration with the International Organization for Standardization")
    );
    let c = &r.divisions[0].clauses;
    assert_eq!(labels(c), ["a", "b"]);
    assert_eq!(
        c[0].text.shown,
        "the common interest of ISO and IEC on the one hand and ITU-T on the other, in the development of standards;"
    );
    assert_eq!(
        r.divisions[1].clauses[0].text.shown,
        "that the work goes on, as agreed."
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}
