//! What the fuzz targets check, one function per target. Shared (through `#[path]`) by the
//! cargo-fuzz targets in fuzz/fuzz_targets and by tests/fuzz_replay.rs, which replays every
//! committed corpus file on the stable toolchain, so a crash found once stays fixed.
//!
//! Each function panics exactly when resdiff misbehaves: a panic inside resdiff, or a broken
//! invariant (a clause whose key is not its text's key, a report that does not rebuild NEW).
#![allow(dead_code)]

use std::io::{Cursor, Write};

use resdiff::model::{Format, Op, View};
use resdiff::render::{OutputFormat, RenderOptions, Show};
use resdiff::{CompareOptions, LoadOptions, Resolution};

/// Separates OLD from NEW in a `compare` input (never part of UTF-8 text).
pub const PAIR_SEPARATOR: u8 = 0xFF;

fn options(from: Option<Format>, view: Option<View>) -> LoadOptions {
    LoadOptions { from, view }
}

/// The text readers: auto-detection (by content, and by a `.md` name) and each forced format.
pub fn text(data: &[u8]) {
    let cases = [
        ("in.txt", None),
        ("in.md", None),
        ("in", Some(Format::Markdown)),
        ("in", Some(Format::Text)),
        ("in", Some(Format::Outline)),
    ];
    for (name, from) in cases {
        if let Ok(res) = resdiff::load_bytes(name.as_ref(), data, &options(from, None)) {
            consistent(&res);
        }
    }
}

/// The .docx reader on arbitrary bytes, detected and forced, both views.
pub fn docx_bytes(data: &[u8]) {
    let _ = resdiff::load_bytes("in.docx".as_ref(), data, &LoadOptions::default());
    for view in [View::Before, View::After] {
        let opts = options(Some(Format::Docx), Some(view));
        if let Ok(res) = resdiff::load_bytes("in.docx".as_ref(), data, &opts) {
            consistent(&res);
        }
    }
}

/// The .docx reader on a well-formed package whose `word/document.xml` is the input (so the
/// fuzzer spends its time in the XML and revision logic, not in the zip checks).
pub fn docx_xml(data: &[u8]) {
    if let Some(bytes) = docx_package(data) {
        both_views(&bytes);
    }
}

/// A package read as a .docx in both views, each resolution read checked.
fn both_views(bytes: &[u8]) {
    for view in [View::Before, View::After] {
        let opts = options(Some(Format::Docx), Some(view));
        if let Ok(res) = resdiff::load_bytes("in.docx".as_ref(), bytes, &opts) {
            consistent(&res);
        }
    }
}

/// The parts of a package the reader takes besides the document, in the order a
/// [`docx_parts`] input gives them after `word/document.xml`.
pub const EXTRA_PARTS: [&str; 3] = [
    "word/numbering.xml",
    "word/styles.xml",
    "word/footnotes.xml",
];

/// The .docx reader on a well-formed package whose parts are the input, split at each
/// [`PAIR_SEPARATOR`]: `word/document.xml`, then [`EXTRA_PARTS`] (those not given are left
/// out). List numbering, styles and footnotes are read from parts the other targets never
/// vary (a list starting at `u32::MAX` overflowed there).
pub fn docx_parts(data: &[u8]) {
    if let Some(bytes) = parts_package(data) {
        both_views(&bytes);
    }
}

/// The package of a [`docx_parts`] input.
pub fn parts_package(data: &[u8]) -> Option<Vec<u8>> {
    let mut pieces = data.split(|&b| b == PAIR_SEPARATOR);
    let document = pieces.next().unwrap_or_default();
    let extra: Vec<(&str, &[u8])> = EXTRA_PARTS.iter().copied().zip(pieces).collect();
    package(document, &extra)
}

/// Two texts (split at the first [`PAIR_SEPARATOR`]) parsed and compared: the report must
/// rebuild NEW from OLD, a text against itself must be all NOC, and every renderer must cope
/// (and show bidirectional controls rather than send them, but in JSON).
pub fn compare(data: &[u8]) {
    let (a, b) = match data.iter().position(|&b| b == PAIR_SEPARATOR) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let load =
        |bytes: &[u8]| resdiff::load_bytes("in.txt".as_ref(), bytes, &LoadOptions::default());
    let (Ok(old), Ok(new)) = (load(a), load(b)) else {
        return;
    };
    let opts = CompareOptions::default();
    let report = resdiff::compare(&old, &new, &opts);
    assert_eq!(
        resdiff::align::apply(&report, &old),
        texts(&new),
        "the report does not rebuild NEW"
    );
    let same = resdiff::compare(&old, &old, &opts);
    assert!(
        same.changes.iter().all(|c| c.op == Op::Noc),
        "a text against itself is not all NOC"
    );
    assert!(!same.has_differences());
    for format in [
        OutputFormat::Terminal,
        OutputFormat::Text,
        OutputFormat::Markdown,
        OutputFormat::Json,
        OutputFormat::Html,
    ] {
        let render = RenderOptions {
            format,
            show: Show::All,
            ..RenderOptions::default()
        };
        let out = resdiff::render::render_to_string(&report, &render);
        // The formats people read show bidirectional controls, never send them.
        assert!(
            format == OutputFormat::Json || !out.chars().any(resdiff::bidi::is_control),
            "a bidirectional control reached the {format:?} report"
        );
        if format == OutputFormat::Json {
            let parsed = serde_json::from_str::<serde_json::Value>(&out);
            assert!(parsed.is_ok(), "the JSON report does not parse");
        }
    }
}

/// Whatever was read is consistent: each clause's key is the key of its text, and the outline
/// renders.
fn consistent(res: &Resolution) {
    for (_, c) in res.clauses() {
        assert_eq!(
            c.text.key,
            resdiff::normalize::comparison_key(&c.text.shown),
            "clause key out of date"
        );
    }
    let _ = resdiff::render::outline::outline(res);
}

fn texts(res: &Resolution) -> Vec<String> {
    res.clauses().iter().map(|(_, c)| c.full_shown()).collect()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A few ITU paragraph styles, so fuzzed paragraphs reach the style hints.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="ResNo"><w:name w:val="Res_No"/></w:style><w:style w:type="paragraph" w:styleId="Restitle"><w:name w:val="Res_title"/></w:style><w:style w:type="paragraph" w:styleId="Call"><w:name w:val="Call"/></w:style><w:style w:type="paragraph" w:styleId="enumlev1"><w:name w:val="enumlev1"/></w:style><w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="Mine"/><w:basedOn w:val="Call"/></w:style><w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style></w:styles>"#;

/// A minimal .docx (content types, relationships, styles) around `document_xml`.
pub fn docx_package(document_xml: &[u8]) -> Option<Vec<u8>> {
    package(document_xml, &[("word/styles.xml", STYLES.as_bytes())])
}

/// A stored (uncompressed) package of `document_xml` and `parts`.
fn package(document_xml: &[u8], parts: &[(&str, &[u8])]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let head: [(&str, &[u8]); 2] = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
    ];
    let document = [("word/document.xml", document_xml)];
    for &(name, bytes) in head.iter().chain(parts).chain(&document) {
        zip.start_file(name, stored).ok()?;
        zip.write_all(bytes).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}
