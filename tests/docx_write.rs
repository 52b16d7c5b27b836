//! The .docx writer on its own: a well-formed package, unique revision ids, escaping,
//! the same bytes for the same input.

mod docx_write_support;

use std::io::Read;

use docx_write_support::*;
use resdiff::write::{write_docx, DocxOptions};

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .expect("part present")
        .read_to_string(&mut s)
        .expect("utf-8 part");
    s
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[test]
fn same_input_same_bytes() {
    let (old, new, rep) = built_pair();
    let opts = DocxOptions::default();
    let a = write_docx(&old, &new, &rep, &opts).expect("write");
    let b = write_docx(&old, &new, &rep, &opts).expect("write");
    assert_eq!(a, b);
    let other = DocxOptions {
        date: "2025-03-01T12:00:00Z".into(),
        ..DocxOptions::default()
    };
    assert_ne!(a, write_docx(&old, &new, &rep, &other).expect("write"));
}

#[test]
fn package_parts_and_settings() {
    let (old, new, rep) = built_pair();
    let docx = write_docx(&old, &new, &rep, &DocxOptions::default()).expect("write");
    let zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).expect("a zip");
    let names: Vec<&str> = zip.file_names().collect();
    for n in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
    ] {
        assert!(names.contains(&n), "{n} missing");
        roxmltree::Document::parse(&part(&docx, n)).unwrap_or_else(|e| panic!("{n}: {e}"));
    }
    assert!(part(&docx, "word/settings.xml").contains("<w:trackRevisions/>"));
    let styles = part(&docx, "word/styles.xml");
    for id in [
        "ResNo",
        "Restitle",
        "Resref",
        "Normalaftertitle",
        "Call",
        "enumlev1",
        "enumlev2",
        "Proposal",
        "Reasons",
    ] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")),
            "style {id}"
        );
    }
}

#[test]
fn revision_ids_are_unique_and_marks_numbered() {
    let (old, new, rep) = built_pair();
    let opts = DocxOptions {
        author: "A & B".into(),
        reference: Some("USA/48A5".into()),
        ..DocxOptions::default()
    };
    let xml = part(
        &write_docx(&old, &new, &rep, &opts).expect("write"),
        "word/document.xml",
    );
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    let revs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "ins")) || n.has_tag_name((W, "del")))
        .collect();
    assert!(revs.len() > 10);
    let mut ids: Vec<&str> = revs
        .iter()
        .map(|n| n.attribute((W, "id")).expect("w:id"))
        .collect();
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate w:id");
    assert!(revs
        .iter()
        .all(|n| n.attribute((W, "author")) == Some("A & B")));

    // Marks, in order: header MOD, b) MOD, c) MOD, SUP noting b), ADD recognizing (covering
    // its clause), ADD resolves 1, MOD for the three renumbered / edited resolves.
    let marks: Vec<String> = doc
        .descendants()
        .filter(|p| p.has_tag_name((W, "p")))
        .filter(|p| {
            p.descendants().any(|s| {
                s.has_tag_name((W, "pStyle")) && s.attribute((W, "val")) == Some("Proposal")
            })
        })
        .map(|p| {
            p.descendants()
                .filter_map(|t| match t.tag_name().name() {
                    "t" => t.text().map(str::to_string),
                    "tab" => Some(" ".into()),
                    _ => None,
                })
                .collect()
        })
        .collect();
    assert_eq!(
        marks,
        [
            "MOD USA/48A5/1",
            "MOD USA/48A5/2",
            "MOD USA/48A5/3",
            "SUP USA/48A5/4",
            "ADD USA/48A5/5",
            "ADD USA/48A5/6",
            "MOD USA/48A5/7",
            "MOD USA/48A5/8",
            "MOD USA/48A5/9",
        ]
    );
}

#[test]
fn xml_specials_round_trip() {
    let (old, new, rep) = built_pair();
    let xml = part(
        &write_docx(&old, &new, &rep, &DocxOptions::default()).expect("write"),
        "word/document.xml",
    );
    let doc = roxmltree::Document::parse(&xml).expect("well-formed");
    let inserted: String = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|n| n.text())
        .collect();
    assert!(inserted.contains("the interest of ISO & IEC <in> telecoms"));
    assert!(inserted.contains(" ]]> here"));
    let deleted: String = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "delText")))
        .filter_map(|n| n.text())
        .collect();
    assert!(deleted.contains("the increasing financial demands,"));
}

#[test]
fn bad_date_is_an_error() {
    let (old, new, rep) = built_pair();
    let opts = DocxOptions {
        date: "yesterday".into(),
        ..DocxOptions::default()
    };
    let err = write_docx(&old, &new, &rep, &opts).expect_err("bad date");
    assert!(err.to_string().contains("yesterday"));
}

/// Clauses as (section key, label, text key with sub-items), for comparing two parses.
fn clause_keys(res: &resdiff::Resolution) -> Vec<(String, Option<String>, String)> {
    res.clauses()
        .iter()
        .map(|(d, c)| {
            (
                d.heading.key.clone(),
                c.label.as_ref().map(|l| l.norm.clone()),
                resdiff::normalize::comparison_key(&c.full_shown()),
            )
        })
        .collect()
}

/// The reference text is a faithful text of the resolution: read back as Word's plain text,
/// it gives the same header and the same clauses (labels, texts, sub-items).
#[test]
fn plain_text_reads_back_as_the_same_resolution() {
    use resdiff::model::Format;
    use resdiff::{load, load_bytes, LoadOptions};
    let opts = LoadOptions {
        from: Some(Format::Text),
        ..LoadOptions::default()
    };
    for rel in [
        "resolutions/wtsa-7/usa-48a5-1.txt",
        "resolutions/wtsa-7/geneva-2022.md",
    ] {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
        let res = load(&path, &LoadOptions::default()).expect("load");
        let text = resdiff::write::plain_text(&res);
        let back = load_bytes("plain.txt".as_ref(), text.as_bytes(), &opts).expect("reparse");
        assert_eq!(clause_keys(&back), clause_keys(&res), "{rel}");
        assert!(clause_keys(&res).len() >= 20, "{rel}: too few clauses");
        let title = |r: &resdiff::Resolution| r.header.title.as_ref().map(|t| t.key.clone());
        assert_eq!(title(&back), title(&res), "{rel}");
        assert_eq!(
            back.header.adopting_body.as_ref().map(|t| &t.key),
            res.header.adopting_body.as_ref().map(|t| &t.key),
            "{rel}"
        );
    }
}
