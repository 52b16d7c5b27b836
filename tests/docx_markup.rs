//! WordprocessingML constructs one at a time, in small documents written here: what each
//! becomes in the text of the blocks, in either view.

mod docx_support;

use std::path::Path;

use docx_support::docx;
use resdiff::block::{Blocks, Hint};
use resdiff::model::{RevisionKind, View};
use resdiff::read::docx::{read_docx, read_docx_views};

fn read(body: &str) -> Blocks {
    read_docx(Path::new("t.docx"), &docx(body, None), View::After).unwrap()
}

fn both(body: &str, footnotes: Option<&str>) -> (Blocks, Blocks) {
    read_docx_views(Path::new("t.docx"), &docx(body, footnotes)).unwrap()
}

fn texts(blocks: &Blocks) -> Vec<&str> {
    blocks.blocks.iter().map(|b| b.text.as_str()).collect()
}

fn p(inner: &str) -> String {
    format!("<w:p>{inner}</w:p>")
}

fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

#[test]
fn run_content_characters() {
    let body = p("<w:r><w:t>a)</w:t><w:tab/><w:t>ITU</w:t><w:noBreakHyphen/><w:t>T tele</w:t><w:softHyphen/><w:t>com</w:t><w:br/><w:t>next</w:t><w:cr/><w:sym w:font=\"Symbol\" w:char=\"F0B3\"/><w:t> 10</w:t></w:r>");
    assert_eq!(
        texts(&read(&body)),
        ["a)\tITU\u{2011}T tele\u{ad}com\nnext\n\u{2265} 10"]
    );
}

#[test]
fn text_typed_in_a_symbol_font() {
    // As LibreOffice writes back a `w:sym`: the private-use code as text in a Symbol run.
    let body = p("<w:r><w:rPr><w:rFonts w:ascii=\"Symbol\" w:hAnsi=\"Symbol\"/></w:rPr><w:t>\u{F02D}\u{F0B3}</w:t></w:r><w:r><w:tab/><w:t>\u{F02D} kept</w:t></w:r>");
    assert_eq!(texts(&read(&body)), ["\u{2212}\u{2265}\t\u{F02D} kept"]);
}

#[test]
fn fields_show_their_result_not_their_code() {
    let complex = p(&format!(
        "{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}",
        r("see "),
        r("Annex A"),
        r(" below")
    ));
    let simple = p(&format!(
        "<w:fldSimple w:instr=\" PAGE \">{}</w:fldSimple>{}",
        r("12"),
        r(" pages")
    ));
    // A field inside a field's code: all of it is code.
    let nested = p(&format!(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
        r("inner code"),
        r("shown")
    ));
    assert_eq!(
        texts(&read(&(complex + &simple + &nested))),
        ["see Annex A below", "12 pages", "shown"]
    );
}

#[test]
fn wrappers_are_read_through_and_floating_text_is_not() {
    let body = p(&format!(
        "<w:hyperlink w:anchor=\"x\">{}</w:hyperlink><w:smartTag>{}</w:smartTag><w:sdt><w:sdtPr><w:alias w:val=\"ignored\"/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt><w:r><w:drawing><w:t>in a drawing</w:t></w:drawing></w:r><w:r><w:pict><w:txbxContent><w:p>{}</w:p></w:txbxContent></w:pict></w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent>",
        r("link "),
        r("tag "),
        r("control"),
        r("text box"),
        r(" choice"),
        r(" fallback")
    ));
    assert_eq!(texts(&read(&body)), ["link tag control fallback"]);
}

#[test]
fn table_cells_are_paragraphs_in_document_order() {
    let cell = |t: &str| format!("<w:tc><w:tcPr/>{}</w:tc>", p(&r(t)));
    let body = format!(
        "{}<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}<w:tc><w:tbl><w:tr>{}</w:tr></w:tbl></w:tc></w:tr></w:tbl>{}",
        p(&r("before")),
        cell("A1"),
        cell("B1"),
        cell("A2"),
        cell("nested"),
        p(&r("after"))
    );
    let blocks = read(&body);
    assert_eq!(
        texts(&blocks),
        ["before", "A1", "B1", "A2", "nested", "after"]
    );
    let origins: Vec<usize> = blocks.blocks.iter().map(|b| b.origin.start).collect();
    assert_eq!(origins, [0, 1, 2, 3, 4, 5]);
}

#[test]
fn insertions_deletions_and_moves_per_view() {
    let ins = |t: &str| {
        format!(
            "<w:ins w:id=\"1\" w:author=\"A\" w:date=\"2024-01-02T03:04:05Z\">{}</w:ins>",
            r(t)
        )
    };
    let del = |t: &str| {
        format!("<w:del w:id=\"2\" w:author=\"B\" w:date=\"2024-01-02T03:04:06Z\"><w:r><w:delText xml:space=\"preserve\">{t}</w:delText></w:r></w:del>")
    };
    let body = format!(
        "{}{}{}",
        p(&format!(
            "{}{}{}{}",
            r("to "),
            del("so advise"),
            ins("inform"),
            r(" the Director")
        )),
        p(&format!(
            "<w:moveFrom w:id=\"3\" w:author=\"C\">{}</w:moveFrom>",
            r("moved text")
        )),
        p(&format!(
            "{}<w:moveTo w:id=\"4\" w:author=\"C\">{}</w:moveTo>",
            r("here: "),
            r("moved text")
        )),
    );
    // An insertion deleted later shows in neither view.
    let body = body
        + &p(&format!(
            "{}<w:ins w:id=\"5\" w:author=\"A\"><w:del w:id=\"6\" w:author=\"B\"><w:r><w:delText>ephemeral</w:delText></w:r></w:del></w:ins>",
            r("stable")
        ));
    let (before, after) = both(&body, None);
    assert_eq!(
        texts(&before),
        ["to so advise the Director", "moved text", "here:", "stable"]
    );
    assert_eq!(
        texts(&after),
        ["to inform the Director", "here: moved text", "stable"]
    );
    let kinds: Vec<(RevisionKind, Option<&str>, &str)> = after
        .revisions
        .iter()
        .map(|r| (r.kind, r.author.as_deref(), r.text.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (RevisionKind::Delete, Some("B"), "so advise"),
            (RevisionKind::Insert, Some("A"), "inform"),
            (RevisionKind::MoveFrom, Some("C"), "moved text"),
            (RevisionKind::MoveTo, Some("C"), "moved text"),
            (RevisionKind::Insert, Some("A"), "ephemeral"),
            (RevisionKind::Delete, Some("B"), "ephemeral"),
        ]
    );
    assert_eq!(
        after.revisions[0].date.as_deref(),
        Some("2024-01-02T03:04:06Z")
    );
    assert_eq!(before.revisions, after.revisions);
}

#[test]
fn paragraph_marks_inserted_and_deleted() {
    let mark = |kind: &str, style: &str| {
        format!("<w:pPr><w:pStyle w:val=\"{style}\"/><w:rPr><w:{kind} w:id=\"9\" w:author=\"A\"/></w:rPr></w:pPr>")
    };
    let body = [
        // A paragraph split in two by an inserted mark: one paragraph before.
        p(&format!("{}{}", mark("ins", "Normal"), r("a) first half,"))),
        p(&r(" second half;")),
        // A whole paragraph deleted (text and mark): gone after, and its style does not
        // pass to the next paragraph.
        p(&format!(
            "{}<w:del w:id=\"10\" w:author=\"A\"><w:r><w:delText>b) dropped;</w:delText></w:r></w:del>",
            mark("del", "Normal")
        )),
        p(&format!("<w:pPr><w:pStyle w:val=\"Call\"/></w:pPr>{}", r("resolves"))),
    ]
    .concat();
    let (before, after) = both(&body, None);
    assert_eq!(
        texts(&before),
        ["a) first half, second half;", "b) dropped;", "resolves"]
    );
    assert_eq!(
        texts(&after),
        ["a) first half,", "second half;", "resolves"]
    );
    assert_eq!(after.blocks[2].hint, Hint::Call);
    assert_eq!(
        (after.blocks[2].origin.start, after.blocks[2].origin.end),
        (3, 3)
    );
    assert_eq!(
        (before.blocks[0].origin.start, before.blocks[0].origin.end),
        (0, 1)
    );
    let kinds: Vec<RevisionKind> = after.revisions.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RevisionKind::ParagraphInsert,
            RevisionKind::ParagraphDelete,
            RevisionKind::Delete
        ]
    );
}

#[test]
fn formatting_revisions_are_not_changes() {
    let body = p("<w:pPr><w:pPrChange w:id=\"1\" w:author=\"A\"><w:pPr><w:jc w:val=\"left\"/></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:b/><w:rPrChange w:id=\"2\" w:author=\"A\"><w:rPr/></w:rPrChange></w:rPr><w:t>bold now</w:t></w:r>");
    let (before, after) = both(&body, None);
    assert_eq!(before, after);
    assert_eq!(texts(&after), ["bold now"]);
    assert!(after.revisions.is_empty());
}

#[test]
fn footnote_marks_auto_custom_and_suffixed() {
    let refr = "<w:rStyle w:val=\"FootnoteReference\"/>";
    let body = [
        p(&format!(
            "{}<w:r><w:rPr>{refr}</w:rPr><w:footnoteReference w:id=\"7\"/></w:r><w:r><w:rPr>{refr}</w:rPr><w:t>bis</w:t></w:r>{}",
            r("auto"),
            r(" text")
        )),
        p(&format!(
            "{}<w:r><w:rPr>{refr}</w:rPr><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"8\"/><w:t>*</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>, </w:t></w:r><w:r><w:rPr>{refr}</w:rPr><w:footnoteReference w:id=\"9\"/></w:r>",
            r("custom then auto")
        )),
        // Deleted text's footnote is not called in the after view, and numbering follows.
        p(&format!(
            "{}<w:del w:id=\"1\" w:author=\"A\"><w:r><w:footnoteReference w:id=\"10\"/></w:r></w:del><w:r><w:footnoteReference w:id=\"11\"/></w:r>",
            r("deleted call")
        )),
    ]
    .concat();
    let note = |id: &str, mark_xml: &str, text: &str| {
        format!("<w:footnote w:id=\"{id}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>{mark_xml}<w:r><w:tab/><w:t>{text}</w:t></w:r></w:p></w:footnote>")
    };
    let auto_mark = format!("<w:r><w:rPr>{refr}</w:rPr><w:footnoteRef/></w:r>");
    let footnotes = [
        note("7", &format!("{auto_mark}<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>bis</w:t></w:r>"), "First note."),
        note("8", &format!("<w:r><w:rPr>{refr}</w:rPr><w:t>*</w:t></w:r>"), "Star note."),
        note("9", &auto_mark, "Second auto note."),
        note("10", &auto_mark, "Deleted note."),
        note("11", &auto_mark, "Last note."),
    ]
    .concat();
    let (before, after) = both(&body, Some(&footnotes));
    assert_eq!(
        texts(&after),
        ["auto text", "custom then auto", "deleted call"]
    );
    let refs: Vec<Vec<String>> = after
        .blocks
        .iter()
        .map(|b| b.footnote_refs.clone())
        .collect();
    assert_eq!(refs, [vec!["1bis"], vec!["*", "2"], vec!["3"]]);
    let notes: Vec<(String, String)> = after
        .footnotes
        .iter()
        .map(|f| (f.mark.clone(), f.text.shown.clone()))
        .collect();
    let expected: Vec<(String, String)> = [
        ("1bis", "First note."),
        ("*", "Star note."),
        ("2", "Second auto note."),
        ("3", "Last note."),
    ]
    .iter()
    .map(|(m, t)| (m.to_string(), t.to_string()))
    .collect();
    assert_eq!(notes, expected);
    // Before: the deleted call counts, so the last note is 4.
    let before_refs: Vec<Vec<String>> = before
        .blocks
        .iter()
        .map(|b| b.footnote_refs.clone())
        .collect();
    assert_eq!(before_refs[2], ["3", "4"]);
    assert_eq!(before.footnotes.len(), 5);
}

#[test]
fn a_call_of_a_missing_footnote_is_a_warning() {
    let body = p(&format!(
        "{}<w:r><w:footnoteReference w:id=\"42\"/></w:r>",
        r("text")
    ));
    let blocks = read(&body);
    assert_eq!(blocks.blocks[0].footnote_refs, ["1"]);
    assert!(blocks.footnotes.is_empty());
    assert_eq!(blocks.warnings.len(), 1);
    assert!(blocks.warnings[0].message.contains("footnote 1"));
}

#[test]
fn without_a_resolution_heading_nothing_is_skipped() {
    let body = [p(&r("A plain document")), p(&r("with two paragraphs"))].concat();
    let blocks = read(&body);
    assert!(blocks.blocks.iter().all(|b| b.hint == Hint::None));
}

#[test]
fn styles_are_resolved_by_id_without_a_styles_part() {
    let styled = |style: &str, t: &str| {
        p(&format!(
            "<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{}",
            r(t)
        ))
    };
    let body = [
        styled("Title1", "cover"),
        styled("ResNo", "RESOLUTION 9"),
        styled("Restitle", "Title"),
        styled("Resref", "(Geneva, 2022)"),
        styled("Normalaftertitle", "The Assembly,"),
        styled("Call", "considering"),
        styled("enumlev2", "i)\titem"),
        styled("Heading1", "1\tHeading"),
        styled("Normalaftertitle", "1.1\tnot an adopting body"),
        styled("AnnexNo", "Annex A"),
        styled("Annextitle", "Annex title"),
        styled("Reasons", "Reasons: why"),
    ]
    .concat();
    let hints: Vec<Hint> = read(&body).blocks.iter().map(|b| b.hint).collect();
    assert_eq!(
        hints,
        [
            Hint::Skip,
            Hint::ResolutionNumber,
            Hint::ResolutionTitle,
            Hint::History,
            Hint::AdoptingBody,
            Hint::Call,
            Hint::ListItem(2),
            Hint::Heading(1),
            Hint::None,
            Hint::AnnexNumber,
            Hint::AnnexTitle,
            Hint::Reasons,
        ]
    );
}

#[test]
fn list_numbering_from_paragraphs_and_styles() {
    let w = docx_support::W_NS;
    let numbering = format!(
        r#"<w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%2)"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
    );
    let styles = format!(
        r#"<w:styles xmlns:w="{w}"><w:style w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:basedOn w:val="Numbered"/></w:style></w:styles>"#
    );
    let para = |ppr: &str, t: &str| format!("<w:p><w:pPr>{ppr}</w:pPr>{}</w:p>", r(t));
    let body = [
        para("<w:pStyle w:val=\"Numbered\"/>", "first"),
        para(
            "<w:pStyle w:val=\"Sub\"/><w:numPr><w:ilvl w:val=\"1\"/></w:numPr>",
            "sub one",
        ),
        para(
            "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr>",
            "sub two",
        ),
        para(
            "<w:numPr><w:ilvl w:val=\"2\"/><w:numId w:val=\"3\"/></w:numPr>",
            "bullet",
        ),
        para(
            "<w:pStyle w:val=\"Numbered\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>",
            "numbering switched off",
        ),
        para("<w:pStyle w:val=\"Numbered\"/>", ""),
        para(
            "<w:pStyle w:val=\"Numbered\"/>",
            "third (an empty item took 2)",
        ),
    ]
    .concat();
    let document = format!(r#"<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>"#);
    let bytes = docx_support::zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    let blocks = read_docx(Path::new("t.docx"), &bytes, View::After).unwrap();
    assert_eq!(
        texts(&blocks),
        [
            "1\tfirst",
            "i)\tsub one",
            "ii)\tsub two",
            "\u{2022}\tbullet",
            "numbering switched off",
            "3\tthird (an empty item took 2)"
        ]
    );
}
