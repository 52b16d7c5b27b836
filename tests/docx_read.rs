//! The .docx reader on real documents: Resolution 1 (Hammamet, 2016) as ITU publishes it, and
//! documents with tracked changes made by LibreOffice (tests/fixtures/docx/make_fixtures.py),
//! whose own accepted / rejected texts are the oracle of the two views.

mod common;
mod docx_support;

use docx_support::{assert_same_as_office, fixture, squash, texts, views};
use resdiff::block::{Block, Blocks, Hint};
use resdiff::model::{OriginUnit, RevisionKind, View};
use resdiff::read::docx::{has_revisions, read_docx};

fn res1() -> Blocks {
    let path = common::repo(common::RES1_HAMMAMET);
    let bytes = std::fs::read(&path).unwrap();
    read_docx(&path, &bytes, View::After).unwrap()
}

/// The blocks after the front matter.
fn body(blocks: &Blocks) -> Vec<&Block> {
    blocks
        .blocks
        .iter()
        .filter(|b| b.hint != Hint::Skip)
        .collect()
}

fn shown(block: &Block) -> String {
    squash(&block.text.replace('\u{a0}', " "))
}

#[test]
fn res1_heading_blocks_carry_their_itu_styles() {
    let blocks = res1();
    let body = body(&blocks);
    let head: Vec<(Hint, String)> = body[..6].iter().map(|b| (b.hint, shown(b))).collect();
    assert_eq!(
        head,
        vec![
            (Hint::ResolutionNumber, "RESOLUTION 1 (Rev. Hammamet, 2016)".to_string()),
            (
                Hint::ResolutionTitle,
                "Rules of procedure of the ITU Telecommunication Standardization Sector".to_string()
            ),
            (Hint::History, "(Hammamet, 2016)".to_string()),
            (
                Hint::AdoptingBody,
                "The World Telecommunication Standardization Assembly (Hammamet, 2016),".to_string()
            ),
            (Hint::Call, "considering".to_string()),
            (
                Hint::None,
                "a) that the functions, duties and organization of the ITU Telecommunication \
                 Standardization Sector (ITU\u{2011}T) are stated in Articles 17, 18, 19, 20 of the \
                 ITU Constitution and Articles 13, 14, 14A, 15 and 20 of the ITU Convention;"
                    .to_string()
            ),
        ]
    );
    // The footnote calls of the history line are marks, not text.
    assert_eq!(body[2].footnote_refs, vec!["1", "1bis"]);
    assert_eq!(body[0].origin.unit, OriginUnit::Paragraph);
    assert_eq!((body[0].origin.start, body[0].origin.end), (52, 52));
}

#[test]
fn res1_preamble_and_resolves() {
    let blocks = res1();
    let body = body(&blocks);
    let calls: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, b)| b.hint == Hint::Call)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(calls.len(), 2, "considering and resolves");
    assert_eq!(shown(body[calls[1]]), "resolves");
    let labels: Vec<&str> = body[calls[0] + 1..calls[1]]
        .iter()
        .map(|b| b.text.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["a)", "b)", "b)bis", "c)", "d)", "e)", "f)", "g)", "h)", "i)"]
    );
    // One unlabelled resolves clause, then SECTION 1.
    assert!(shown(body[calls[1] + 1])
        .starts_with("that the provisions referred to in considering e), f), g) and h) above"));
    assert_eq!(body[calls[1] + 2].hint, Hint::PartNumber);
}

#[test]
fn res1_parts_appendices_headings_and_lists() {
    let blocks = res1();
    let of = |hint: Hint| -> Vec<String> {
        blocks
            .blocks
            .iter()
            .filter(|b| b.hint == hint)
            .map(shown)
            .collect()
    };
    assert_eq!(
        of(Hint::PartNumber),
        [
            "SECTION 1",
            "Section 1bis",
            "SECTION 2",
            "SECTION 3",
            "SECTION 4",
            "SECTION 5",
            "SECTION 6",
            "SECTION 7",
            "SECTION 8",
            "SECTION 9"
        ]
    );
    let titles = of(Hint::PartTitle);
    assert_eq!(titles.len(), 10);
    assert_eq!(
        titles[0],
        "World Telecommunication Standardization Assembly"
    );
    assert_eq!(titles[1], "Documentation of ITU\u{2011}T");
    assert_eq!(
        titles[9],
        "Approval of new and revised Recommendations using the traditional approval process"
    );
    assert_eq!(
        of(Hint::AnnexNumber),
        [
            "Appendix I (to Resolution 1 (Rev. Hammamet, 2016))",
            "Appendix II (to Resolution 1 (Rev. Hammamet, 2016))"
        ]
    );
    assert_eq!(
        of(Hint::AnnexTitle),
        [
            "Information for submission of a Question",
            "Suggested text of the note to be included in the circular"
        ]
    );
    let h2 = of(Hint::Heading(2));
    assert_eq!(h2.first().map(String::as_str), Some("1.13 Voting"));
    assert!(h2.contains(&"1bis.1 General principles".to_string()));
    let h3 = of(Hint::Heading(3));
    assert_eq!(
        h3.first().map(String::as_str),
        Some("1bis.1.1 Presentation of texts")
    );
    // enumlev1..3: a) items of 1.3, i) items of 1.5 b), and the dashes under v) (a Symbol-font
    // minus written with w:sym).
    let l1 = of(Hint::ListItem(1));
    assert!(l1[0].starts_with("a) If an existing Plenipotentiary Conference resolution"));
    let l2 = of(Hint::ListItem(2));
    assert!(l2[0].starts_with("i) propose the maintenance, establishment or termination"));
    let l3 = of(Hint::ListItem(3));
    assert_eq!(
        l3,
        [
            "\u{2212} to accept proposals of ITU Member States or the recommendation of TSAG (where they differ);",
            "\u{2212} to entrust the study to a single study group; or",
            "\u{2212} to adopt an alternative arrangement;"
        ]
    );
    assert!(of(Hint::Note)[0]
        .starts_with("NOTE \u{2013} This answer, within the scope of existing knowledge"));
    // "Normal after title" opens Sections 1, 3, 4 ...: only the first use is the adopting body.
    assert_eq!(of(Hint::AdoptingBody).len(), 1);
}

#[test]
fn res1_front_matter_is_skipped_and_only_front_matter() {
    let blocks = res1();
    let first = blocks
        .blocks
        .iter()
        .position(|b| b.hint == Hint::ResolutionNumber)
        .unwrap();
    assert!(blocks.blocks[..first].iter().all(|b| b.hint == Hint::Skip));
    assert!(blocks.blocks[first..].iter().all(|b| b.hint != Hint::Skip));
    let front: Vec<String> = blocks.blocks[..first].iter().map(shown).collect();
    assert!(front.contains(&"FOREWORD".to_string()));
    assert!(front.iter().any(|t| t.starts_with("All rights reserved.")));
}

#[test]
fn res1_text_is_clean() {
    let blocks = res1();
    let all: Vec<String> = texts(&blocks);
    // w:noBreakHyphen is U+2011: `ITU‑T`, never `ITUT`.
    assert!(all.iter().any(|t| t.contains("ITU\u{2011}T")));
    assert!(all.iter().all(|t| !t.contains("ITUT")));
    // Headers and footers ("WTSA-16 – Resolution 1", page numbers) are not read.
    assert!(all.iter().all(|t| !t.contains("WTSA-16")));
    // Empty paragraphs and page-break-only paragraphs are dropped.
    assert!(blocks.blocks.iter().all(|b| !b.text.trim().is_empty()));
    // The field of 1.5 b) vi) (an empty field code inside a word) leaves the word whole.
    assert!(all
        .iter()
        .any(|t| t
            .starts_with("vi) review, and adjust as necessary, the lists of Recommendations for")));
    // Resolution 1 has no tracked changes.
    assert!(blocks.revisions.is_empty());
}

#[test]
fn res1_footnotes_with_their_marks() {
    let blocks = res1();
    let notes: Vec<(&str, &str)> = blocks
        .footnotes
        .iter()
        .map(|f| (f.mark.as_str(), f.text.shown.as_str()))
        .collect();
    assert_eq!(notes.len(), 6);
    let marks: Vec<&str> = notes.iter().map(|(m, _)| *m).collect();
    assert_eq!(marks, ["1", "1bis", "2", "3", "4", "5"]);
    assert!(notes[0]
        .1
        .starts_with("Previously published (Geneva, 1956 and 1958; New Delhi, 1960;"));
    assert!(notes[1]
        .1
        .starts_with("This Hammamet, 2016 edition was initially published in 2016"));
    assert_eq!(
        notes[3].1,
        "The Director and the study group chairmen may use the opportunity of these meetings to \
         consider any appropriate measure related to activities described in 4.4 and 5.5."
    );
    // Each call sits on its block.
    let called: Vec<(String, Vec<String>)> = blocks
        .blocks
        .iter()
        .filter(|b| !b.footnote_refs.is_empty())
        .map(|b| {
            (
                b.text.split('\t').next().unwrap().to_string(),
                b.footnote_refs.clone(),
            )
        })
        .collect();
    let expected: Vec<(String, Vec<String>)> = [
        ("(Hammamet, 2016)", vec!["1", "1bis"]),
        ("2.1.5", vec!["2"]),
        ("4.5", vec!["3"]),
        ("7.1.11", vec!["4"]),
        ("•", vec!["5"]),
    ]
    .iter()
    .map(|(l, m)| (l.to_string(), m.iter().map(|s| s.to_string()).collect()))
    .collect();
    assert_eq!(called, expected);
}

#[test]
fn res1_views_agree_and_it_has_no_revisions() {
    let path = common::repo(common::RES1_HAMMAMET);
    let (before, after) = views(&path);
    assert_eq!(before, after);
    let bytes = std::fs::read(&path).unwrap();
    assert!(!has_revisions(&path, &bytes).unwrap());
}

// --- Tracked changes, against LibreOffice -------------------------------------------------

/// Both views of a fixture match LibreOffice's "Reject All" and "Accept All" texts.
fn check_against_office(name: &str) -> (Blocks, Blocks) {
    let (before, after) = views(&fixture(&format!("{name}.docx")));
    assert_same_as_office(&before, &fixture(&format!("{name}.rejected.txt")));
    assert_same_as_office(&after, &fixture(&format!("{name}.accepted.txt")));
    assert_eq!(
        before.revisions, after.revisions,
        "both views list the same revisions"
    );
    (before, after)
}

fn has_block(blocks: &Blocks, text: &str) -> bool {
    texts(blocks).iter().any(|t| t == text)
}

fn is_iso_date(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 20
        && date.ends_with('Z')
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
}

#[test]
fn res1_compared_by_libreoffice_views_are_both_sides() {
    let (before, after) = check_against_office("res1-compare");
    // The known edits of make_fixtures.py.
    let stated =
        "e) that general working arrangements of ITU\u{2011}T are stated in the Convention;";
    let laid =
        "e) that general working arrangements of ITU\u{2011}T are laid down in the Convention;";
    assert!(has_block(&before, stated) && !has_block(&after, stated));
    assert!(has_block(&after, laid) && !has_block(&before, laid));
    let deleted = "1.7 The plenary meeting of a WTSA may set up other committees in accordance with No. 63 of the General Rules.";
    let tidy =
        |b: &Blocks| -> Vec<String> { texts(b).iter().map(|t| t.replace('\u{a0}', " ")).collect() };
    assert!(tidy(&before).contains(&deleted.to_string()));
    assert!(!tidy(&after).contains(&deleted.to_string()));
    let inserted = "3.8 Study group vice-chairmen may represent their chairmen at WTSA when the chairmen cannot attend.";
    assert!(has_block(&after, inserted) && !has_block(&before, inserted));
    // Everything else reads the same in both views, hints included.
    assert_eq!(before.blocks.len(), after.blocks.len());
    assert_eq!(before.footnotes, after.footnotes);
    assert_eq!(after.footnotes.len(), 6);
    // LibreOffice signs the revisions with the document's last author and date.
    assert!(!before.revisions.is_empty());
    for r in &before.revisions {
        assert!(r.author.as_deref().is_some_and(|a| !a.is_empty()), "{r:?}");
        assert!(r.date.as_deref().is_some_and(is_iso_date), "{r:?}");
        assert_eq!(r.origin.unit, OriginUnit::Paragraph);
    }
    let deletions: Vec<&str> = before
        .revisions
        .iter()
        .filter(|r| r.kind == RevisionKind::Delete)
        .map(|r| r.text.as_str())
        .collect();
    assert!(
        deletions.iter().any(|t| t.contains("stated")),
        "{deletions:?}"
    );
}

#[test]
fn res7_compared_by_libreoffice() {
    let (before, after) = check_against_office("res7-compare");
    let old_c = "c) Article 2 of the Statutes and Rules of Procedure of the International Electrotechnical Commission (IEC);";
    let new_c = "c) Articles 2 and 3 of the Statutes and Rules of Procedure of the International Electrotechnical Commission (IEC);";
    assert!(has_block(&before, old_c) && has_block(&after, new_c));
    assert!(!has_block(&before, new_c) && !has_block(&after, old_c));
    let noting_b = "b) that the document-sharing mechanisms and requirements differ among the three organizations;";
    assert!(has_block(&before, noting_b) && !has_block(&after, noting_b));
    let resolves_4 =
        "4 to encourage joint workshops of ITU\u{2011}T, ISO and IEC on topics of common interest;";
    assert!(has_block(&after, resolves_4) && !has_block(&before, resolves_4));
    for r in &after.revisions {
        assert_eq!(r.author.as_deref(), Some("Unknown Author"));
        assert!(r.date.as_deref().is_some_and(is_iso_date), "{r:?}");
    }
    assert!(after
        .revisions
        .iter()
        .any(|r| r.kind == RevisionKind::Delete && r.text.contains("document-sharing")));
    assert!(after
        .revisions
        .iter()
        .any(|r| r.kind == RevisionKind::Insert && r.text.contains("joint workshops")));
}

#[test]
fn res7_styles_survive_libreoffice() {
    let (before, after) = check_against_office("res7-compare");
    for blocks in [&before, &after] {
        let hints: Vec<Hint> = blocks.blocks.iter().take(7).map(|b| b.hint).collect();
        assert_eq!(
            hints,
            [
                Hint::Skip, // the abstract before the resolution
                Hint::Mark, // MOD USA/48A5/1, kept although it precedes the resolution
                Hint::ResolutionNumber,
                Hint::ResolutionTitle,
                Hint::History,
                Hint::AdoptingBody,
                Hint::Call,
            ]
        );
        let calls: Vec<String> = blocks
            .blocks
            .iter()
            .filter(|b| b.hint == Hint::Call)
            .map(|b| b.text.clone())
            .collect();
        assert_eq!(calls, ["considering", "noting", "resolves"]);
    }
}

#[test]
fn res7_edited_with_tracking_joins_and_splits_paragraphs() {
    let (before, after) = check_against_office("res7-tracked");
    let b = "b) Articles 2 and 20 of the Statutes of the International Organization for Standardization (ISO);";
    // The deleted paragraph mark joins considering b) and c) in the after view only.
    let joined = after
        .blocks
        .iter()
        .find(|x| squash(&x.text).starts_with(b))
        .unwrap();
    assert_eq!(
        squash(&joined.text),
        format!("{b}c) Article 2 of the Statutes and the Rules of Procedure of the International Electrotechnical Commission (IEC);")
    );
    assert_eq!((joined.origin.start, joined.origin.end), (9, 10));
    assert!(has_block(&before, b));
    // The inserted paragraph mark splits considering a) in the after view only.
    assert!(has_block(
        &before,
        "a) Articles 1 and 50 of the ITU Constitution;"
    ));
    assert!(
        has_block(&after, "a) Articles 1 and 50") && has_block(&after, "of the ITU Constitution;")
    );
    // The paragraph deleted whole, and the one inserted.
    let noting_c = "c) the importance of shared documents being accessible among the three organizations during the development of the work;";
    assert!(has_block(&before, noting_c) && !has_block(&after, noting_c));
    let added = "2bis to report on joint workshops of ITU\u{2011}T, ISO and IEC;";
    assert!(has_block(&after, added) && !has_block(&before, added));
    // A deleted paragraph does not lend its style to the next: `resolves` stays a call.
    assert!(after
        .blocks
        .iter()
        .any(|x| x.text == "resolves" && x.hint == Hint::Call));
    let kinds: Vec<RevisionKind> = after.revisions.iter().map(|r| r.kind).collect();
    for kind in [
        RevisionKind::Insert,
        RevisionKind::Delete,
        RevisionKind::ParagraphInsert,
        RevisionKind::ParagraphDelete,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} in {kinds:?}");
    }
    assert!(after
        .revisions
        .iter()
        .all(|r| r.author.as_deref() == Some("Unknown Author")));
}

#[test]
fn formatting_only_revisions_change_nothing() {
    let path = fixture("res7-format.docx");
    let bytes = std::fs::read(&path).unwrap();
    // The fixture does hold a tracked formatting change...
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("<w:rPrChange"));
    // ... which is not a change of the text.
    let (before, after) = check_against_office("res7-format");
    assert_eq!(before, after);
    assert!(after.revisions.is_empty());
    assert!(!has_revisions(&path, &bytes).unwrap());
    assert!(has_revisions(
        &fixture("res7-tracked.docx"),
        &std::fs::read(fixture("res7-tracked.docx")).unwrap()
    )
    .unwrap());
}

#[test]
fn automatic_numbering_gives_the_labels_per_view() {
    // Labels made by list numbering are not in the runs: the reader draws them as the office
    // suite does, and a deleted numbered item renumbers what follows in the after view.
    let (before, after) = check_against_office("res7-numbered");
    assert!(has_block(
        &after,
        "a) Articles 1 and 50 of the ITU Constitution;"
    ));
    assert!(has_block(
        &after,
        "c) Article 2 of the Statutes and Rules of Procedure of the International Electrotechnical Commission (IEC);"
    ));
    let noting_c = "the importance of shared documents being accessible among the three organizations during the development of the work;";
    assert!(has_block(&after, &format!("b) {noting_c}")));
    assert!(has_block(&before, &format!("b) {noting_c}")));
    assert!(has_block(&after, "3 to request the Director of TSB, after consultation with the study group management team concerned, to reply, and to furnish any additional information requested by ISO and IEC, as it becomes available;"));
    assert!(!has_block(&after, "that the document-sharing mechanisms and requirements differ among the three organizations;"));
}
