//! Test support for the .docx reader: building small packages in memory, reading fixtures,
//! comparing with LibreOffice's texts.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

use resdiff::block::Blocks;
use zip::write::SimpleFileOptions;

pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A fixture under tests/fixtures/docx.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/docx")
        .join(name)
}

/// A zip with the given entries, deflated.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A .docx whose body is `body` (WordprocessingML, `w:` prefix bound), with optional
/// footnotes (the inside of `w:footnotes`).
pub fn docx(body: &str, footnotes: Option<&str>) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut entries: Vec<(&str, Vec<u8>)> = vec![("word/document.xml", document.into_bytes())];
    if let Some(notes) = footnotes {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>"#
        );
        entries.push(("word/footnotes.xml", xml.into_bytes()));
    }
    let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, d)| (*n, d.as_slice())).collect();
    zip_of(&refs)
}

/// Reads both views of a file.
pub fn views(path: &Path) -> (Blocks, Blocks) {
    let bytes = std::fs::read(path).unwrap();
    resdiff::read::docx::read_docx_views(path, &bytes).unwrap()
}

/// Whitespace collapsed, ends trimmed.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The texts of the blocks.
pub fn texts(blocks: &Blocks) -> Vec<String> {
    blocks.blocks.iter().map(|b| squash(&b.text)).collect()
}

/// The lines of a text exported by LibreOffice (UTF-8 with a BOM): whitespace collapsed,
/// empty lines dropped. LibreOffice writes a character of the Symbol font as its private-use
/// code (`U+F02D`); the reader gives the character it draws (`−`), and so does this.
pub fn office_lines(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let symbols = |line: &str| -> String {
        line.chars()
            .map(|c| match c as u32 {
                code @ 0xF020..=0xF0FF => {
                    resdiff::read::docx::symbol_char(Some("Symbol"), Some(&format!("{code:X}")))
                        .unwrap_or(c)
                }
                _ => c,
            })
            .collect()
    };
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(|l| squash(&symbols(l)))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Our lines in the same shape: one per paragraph, and a line break inside a paragraph
/// (`w:br`) ends a line as it does in LibreOffice's text export. Each line comes with the
/// footnote marks of its block (LibreOffice writes the marks into the text; we keep them out).
pub fn our_lines(blocks: &Blocks) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for block in &blocks.blocks {
        for line in block.text.split('\n') {
            let line = squash(line);
            if !line.is_empty() {
                out.push((line, block.footnote_refs.clone()));
            }
        }
    }
    out
}

/// `line` with the footnote `marks` LibreOffice wrote into it removed. A mark is glued to
/// the word it follows (`group2,`), or follows the `, ` that separates it from the previous
/// mark (`2016)1, 1bis`); a digit mark never continues a number (`2016` holds no mark `1`).
pub fn without_marks(line: &str, marks: &[String]) -> String {
    let mut line = line.to_string();
    for mark in marks {
        let mut from = 0;
        while let Some(found) = line[from..].find(mark.as_str()).map(|i| i + from) {
            let end = found + mark.len();
            let before = &line[..found];
            let ends_word = !line[end..].starts_with(char::is_alphanumeric);
            let digit_mark = mark.starts_with(|m: char| m.is_ascii_digit());
            let glued = before
                .ends_with(|c: char| !(c.is_whitespace() || (c.is_ascii_digit() && digit_mark)));
            if ends_word && before.ends_with(", ") {
                line.replace_range(found - 2..end, "");
                break;
            }
            if ends_word && glued {
                line.replace_range(found..end, "");
                break;
            }
            from = found + 1;
        }
    }
    squash(&line)
}

/// Asserts that our view of a document is, line by line, LibreOffice's text of it.
pub fn assert_same_as_office(blocks: &Blocks, office_text: &Path) {
    let ours = our_lines(blocks);
    let theirs = office_lines(office_text);
    let mut problems = Vec::new();
    if ours.len() != theirs.len() {
        let a: Vec<&str> = ours.iter().map(|(l, _)| l.as_str()).collect();
        let b: Vec<&str> = theirs.iter().map(String::as_str).collect();
        let diff = similar::TextDiff::from_slices(&a, &b);
        for op in diff.ops() {
            if op.tag() != similar::DiffTag::Equal {
                problems.push(format!(
                    "ours {:?} / LibreOffice {:?}",
                    &a[op.old_range()],
                    &b[op.new_range()]
                ));
            }
        }
    } else {
        for ((line, marks), office) in ours.iter().zip(&theirs) {
            if line != office && *line != without_marks(office, marks) {
                problems.push(format!("ours {line:?} / LibreOffice {office:?}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} differs from our reading:\n{}",
        office_text.display(),
        problems.join("\n")
    );
}
