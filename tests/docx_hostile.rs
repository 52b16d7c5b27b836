//! Hostile or broken .docx files: each gets the right error naming the file, never a panic,
//! and memory stays bounded (nothing is decompressed past the caps).

mod docx_support;

use std::io::Write;
use std::path::Path;

use docx_support::{docx, zip_of};
use resdiff::model::View;
use resdiff::read::docx::{read_docx, read_docx_views_with, Limits};
use resdiff::Error;
use zip::write::SimpleFileOptions;

const NAME: &str = "hostile.docx";

fn read(bytes: &[u8]) -> Result<resdiff::block::Blocks, Error> {
    read_docx(Path::new(NAME), bytes, View::After)
}

fn bad_docx_reason(result: Result<resdiff::block::Blocks, Error>) -> String {
    match result {
        Err(Error::BadDocx { path, reason }) => {
            assert_eq!(path, Path::new(NAME));
            reason
        }
        other => panic!("expected BadDocx, got {other:?}"),
    }
}

fn too_large_reason<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Err(Error::TooLarge { path, reason }) => {
            assert_eq!(path, Path::new(NAME));
            reason
        }
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

/// A zip whose `word/document.xml` is `size` bytes of one repeated byte, written in chunks so
/// the test never holds it whole.
fn bomb(size: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        zip.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_zip_bomb_is_refused_from_its_declared_size() {
    let bytes = bomb(300 << 20);
    assert!(
        bytes.len() < 4 << 20,
        "the bomb is small: {} bytes",
        bytes.len()
    );
    let reason = too_large_reason(read(&bytes));
    assert_eq!(reason, "word/document.xml declares 314572800 bytes uncompressed, more than the 67108864 allowed (a zip bomb?); check that this is the right file, or open it in Word and save it again");
}

/// Sets the uncompressed size of the first entry, in its local header and in the central
/// directory, to `size`: a zip that lies about what it holds.
fn lie_about_size(bytes: &mut [u8], size: u32) {
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    bytes[22..26].copy_from_slice(&size.to_le_bytes());
    let central = bytes
        .windows(4)
        .position(|w| w == b"PK\x01\x02")
        .expect("central directory");
    bytes[central + 24..central + 28].copy_from_slice(&size.to_le_bytes());
}

#[test]
fn a_zip_lying_about_its_sizes_is_stopped_at_the_cap() {
    let mut bytes = bomb(3 << 20);
    lie_about_size(&mut bytes, 1000);
    let limits = Limits {
        max_part_bytes: 1 << 20,
        ..Limits::default()
    };
    // The zip reader trusts the declared size; the cap on the bytes produced does not.
    let reason = too_large_reason(read_docx_views_with(Path::new(NAME), &bytes, limits));
    assert_eq!(reason, "word/document.xml decompresses to more than the 1048576 bytes allowed (a zip bomb?); check that this is the right file, or open it in Word and save it again");
}

#[test]
fn the_total_of_the_parts_read_is_capped() {
    let body = "<w:p><w:r><w:t>text</w:t></w:r></w:p>".repeat(2000);
    let bytes = docx(&body, None);
    let limits = Limits {
        max_total_bytes: 10_000,
        ..Limits::default()
    };
    let reason = too_large_reason(read_docx_views_with(Path::new(NAME), &bytes, limits));
    assert_eq!(reason, "word/document.xml declares 74250 bytes uncompressed, more than the 10000 allowed (a zip bomb?); check that this is the right file, or open it in Word and save it again");
}

#[test]
fn a_zip_with_twenty_thousand_entries_is_refused() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..20_000 {
        zip.start_file(format!("e{i}"), options).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let reason = too_large_reason(read(&bytes));
    assert_eq!(reason, "the zip holds 20000 entries, more than the 10000 a Word document may have; check that this is the right file");
}

#[test]
fn a_zip_that_is_not_a_word_document() {
    let bytes = zip_of(&[("hello.txt", b"hello")]);
    assert_eq!(
        bad_docx_reason(read(&bytes)),
        "word/document.xml is missing; open it in Word and save it again as .docx"
    );
    let odt = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("content.xml", b"<x/>"),
    ]);
    assert_eq!(bad_docx_reason(read(&odt)), "word/document.xml is missing (an OpenDocument file?); save it as .docx in LibreOffice or Word");
}

#[test]
fn garbage_that_starts_like_a_zip() {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend((0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    assert_eq!(bad_docx_reason(read(&bytes)), "corrupt or truncated zip (its table of contents is missing); open it in Word and save it again as .docx");
    assert_eq!(bad_docx_reason(read(b"PK")), "corrupt or truncated zip (its table of contents is missing); open it in Word and save it again as .docx");
    assert_eq!(bad_docx_reason(read(b"")), "corrupt or truncated zip (its table of contents is missing); open it in Word and save it again as .docx");
}

#[test]
fn a_truncated_docx() {
    let bytes = std::fs::read(docx_support::fixture("res7-old.docx")).unwrap();
    let reason = bad_docx_reason(read(&bytes[..bytes.len() / 2]));
    assert_eq!(reason, "corrupt or truncated zip (its table of contents is missing); open it in Word and save it again as .docx");
}

#[test]
fn a_legacy_or_encrypted_word_file() {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(4096, 0);
    assert_eq!(bad_docx_reason(read(&bytes)), "an OLE compound file (a legacy .doc, or a .docx with a password); save it in Word as .docx without a password");
}

#[test]
fn a_document_with_a_dtd_is_refused() {
    let document = r#"<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = zip_of(&[("word/document.xml", document.as_bytes())]);
    assert_eq!(
        bad_docx_reason(read(&bytes)),
        "word/document.xml, line 2, column 1: a document type definition (<!DOCTYPE>), which Word never writes and resdiff refuses (its entities could expand without end); open it in Word and save it again as .docx"
    );
}

#[test]
fn xml_that_is_not_well_formed() {
    let bytes = zip_of(&[("word/document.xml", b"<w:document><w:body>")]);
    assert_eq!(bad_docx_reason(read(&bytes)), "word/document.xml, line 1, column 2: not well-formed XML (an unknown namespace prefix 'w'); open it in Word and save it again as .docx");
    let bytes = zip_of(&[("word/document.xml", b"\xff\xfe\x00garbage")]);
    assert_eq!(bad_docx_reason(read(&bytes)), "word/document.xml, line 1, column 1: not well-formed XML (unknown token); open it in Word and save it again as .docx");
}

#[test]
fn ten_thousand_nested_elements_do_not_overflow_the_stack() {
    let depth = 10_000;
    // Inside a paragraph ...
    let inline = format!(
        "<w:p>{}<w:r><w:t>deep</w:t></w:r>{}</w:p>",
        "<w:customXml>".repeat(depth),
        "</w:customXml>".repeat(depth)
    );
    let reason = bad_docx_reason(read(&docx(&inline, None)));
    assert_eq!(reason, "word/document.xml, line 1, column 3512: elements nested more than 256 levels deep, which Word never does; open it in Word and save it again as .docx");
    // ... and around paragraphs.
    let blocks = format!(
        "{}<w:p><w:r><w:t>deep</w:t></w:r></w:p>{}",
        "<w:sdt><w:sdtContent>".repeat(depth / 2),
        "</w:sdtContent></w:sdt>".repeat(depth / 2)
    );
    let reason = bad_docx_reason(read(&docx(&blocks, None)));
    assert_eq!(reason, "word/document.xml, line 1, column 2885: elements nested more than 256 levels deep, which Word never does; open it in Word and save it again as .docx");
    // Deep but within the cap (256 levels) reads fine, on a test thread's small stack too.
    let within = format!(
        "<w:p>{}<w:r><w:t>deep</w:t></w:r>{}</w:p>",
        "<w:customXml>".repeat(240),
        "</w:customXml>".repeat(240)
    );
    assert_eq!(read(&docx(&within, None)).unwrap().blocks[0].text, "deep");
    // Nesting a real document uses (a table in a content control) reads fine.
    let table = "<w:sdt><w:sdtContent><w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>";
    let ok = read(&docx(table, None)).unwrap();
    assert_eq!(ok.blocks[0].text, "cell");
}

#[test]
fn too_many_xml_nodes() {
    let body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(1000);
    let limits = Limits {
        max_xml_nodes: 500,
        ..Limits::default()
    };
    let reason = too_large_reason(read_docx_views_with(
        Path::new(NAME),
        &docx(&body, None),
        limits,
    ));
    assert_eq!(reason, "word/document.xml has more than 500 XML nodes, the most resdiff reads; check that this is the right file");
}

#[test]
fn an_entry_compressed_with_an_unsupported_method() {
    let mut bytes = docx("<w:p><w:r><w:t>text</w:t></w:r></w:p>", None);
    // Method 12 (bzip2) in the local header and the central directory of the first entry.
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    bytes[8..10].copy_from_slice(&12u16.to_le_bytes());
    let central = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    bytes[central + 10..central + 12].copy_from_slice(&12u16.to_le_bytes());
    let reason = bad_docx_reason(read(&bytes));
    assert_eq!(reason, "cannot read word/document.xml: unsupported zip (compression method not supported); open it in Word and save it again as .docx");
}

/// A .docx whose one list (in `word/numbering.xml`) has level 0 starting at `start`, in
/// `format`, labelled by `text`, and whose body numbers `items` paragraphs with it.
fn numbered(start: &str, format: &str, text: &str, items: usize) -> Vec<u8> {
    let w = docx_support::W_NS;
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{w}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    );
    let item = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>"#;
    let body = format!(
        r#"<w:p><w:r><w:t>RESOLUTION 7</w:t></w:r></w:p>{}"#,
        item.repeat(items)
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>"#
    );
    zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ])
}

/// The list labels of the numbered paragraphs, as read.
fn labels(bytes: &[u8]) -> Vec<String> {
    let blocks = read(bytes).expect("read");
    blocks
        .blocks
        .iter()
        .filter(|b| b.text.ends_with("item"))
        .map(|b| b.text.trim_end_matches("item").trim_end().to_string())
        .collect()
}

/// A list may say it starts at any number; counting past `u32::MAX` overflowed (a panic in
/// debug builds). Lists count to Word's own largest start value, 32,767, and stay there.
#[test]
fn a_list_starting_at_the_largest_number_does_not_overflow() {
    let got = labels(&numbered("4294967295", "decimal", "%1.", 3));
    assert_eq!(got, ["32767.", "32767.", "32767."]);
    let got = labels(&numbered("32766", "decimal", "%1.", 3));
    assert_eq!(got, ["32766.", "32767.", "32767."]);
}

/// A letter label of a large value is that many letters (value 4,000,000,000: 154 million
/// `a`s per `%1`, ten of them per label: the process ran out of memory on a 1.3 KB file). The
/// values are capped and a label is cut at 64 bytes.
#[test]
fn a_huge_letter_label_is_cut_short() {
    let got = labels(&numbered(
        "4000000000",
        "lowerLetter",
        "%1%1%1%1%1%1%1%1%1%1)",
        2,
    ));
    assert_eq!(got.len(), 2);
    for label in &got {
        assert_eq!(label.len(), 64, "{label}");
        assert!(label.bytes().all(|b| b == b'g'), "{label}");
    }
    // Real labels are untouched.
    assert_eq!(
        labels(&numbered("1", "lowerLetter", "%1)", 2)),
        ["a)", "b)"]
    );
    assert_eq!(
        labels(&numbered("3", "upperRoman", "(%1)", 2)),
        ["(III)", "(IV)"]
    );
}

/// Fields that never close: each `begin` ... `separate` pair shows its result, so the text
/// after them shows, and text after a `begin` without `separate` (field code) does not. Each
/// piece of text tested the whole stack of open fields: 200,000 of them (a 61 KB file) took 50 s.
#[test]
fn many_unclosed_fields_are_read_in_one_pass() {
    let open = r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF x</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#;
    let shown = |t: &str| format!("<w:r><w:t>{t}</w:t></w:r>");
    let body = format!(
        r#"<w:p>{}{}</w:p><w:p>{}</w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{}</w:p>"#,
        open.repeat(50_000),
        shown("result"),
        shown("next").repeat(20_000),
        shown("code"),
    );
    let blocks = read(&docx(&body, None)).expect("read");
    let texts: Vec<&str> = blocks.blocks.iter().map(|b| b.text.trim()).collect();
    assert_eq!(texts[0], "result");
    assert_eq!(texts[1], "next".repeat(20_000));
    assert!(
        texts.get(2).is_none_or(|t| t.is_empty()),
        "{:?}",
        texts.get(2)
    );
}
