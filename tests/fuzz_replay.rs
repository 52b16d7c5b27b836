//! Replays every committed fuzz input (fuzz/corpus/TARGET/* and the crash reproducers in
//! fuzz/regressions/TARGET/*) through the very function the cargo-fuzz target calls, on the
//! stable toolchain: CI keeps every crash ever found fixed without running a fuzzer.

mod common;

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

type Check = fn(&[u8]);

const TARGETS: [(&str, Check); 5] = [
    ("text", checks::text),
    ("docx_bytes", checks::docx_bytes),
    ("docx_xml", checks::docx_xml),
    ("docx_parts", checks::docx_parts),
    ("compare", checks::compare),
];

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<_> = entries
        .map(|e| e.expect("readable corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

fn replay(target: &str, check: Check) -> usize {
    let mut n = 0;
    for kind in ["corpus", "regressions"] {
        for file in files(&common::repo(&format!("fuzz/{kind}/{target}"))) {
            let data = std::fs::read(&file).expect("readable corpus file");
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{target}: {} fails", file.display());
            n += 1;
        }
    }
    n
}

#[test]
fn every_committed_fuzz_input_passes_its_target() {
    for (target, check) in TARGETS {
        let n = replay(target, check);
        // The seed corpus is committed: an empty directory means it was lost.
        assert!(n >= 3, "{target}: only {n} corpus files");
        eprintln!("{target}: {n} inputs replayed");
    }
}

#[test]
fn the_structured_docx_package_holds_the_document_it_was_given() {
    let xml = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>resolves</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = checks::docx_package(xml).expect("zip written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut part = zip.by_name("word/document.xml").expect("document part");
    let mut back = Vec::new();
    std::io::Read::read_to_end(&mut part, &mut back).unwrap();
    assert_eq!(back, xml);
}

/// The `docx_parts` package carries the parts it is given: the seed with lists is read with its
/// labels (a part left out of the package would leave the paragraphs unlabelled).
#[test]
fn the_parts_package_holds_the_lists_it_was_given() {
    let data = std::fs::read(common::repo("fuzz/corpus/docx_parts/handmade-lists")).unwrap();
    let bytes = checks::parts_package(&data).expect("zip written");
    let blocks =
        resdiff::read::docx::read_docx("in.docx".as_ref(), &bytes, resdiff::model::View::After)
            .expect("read");
    let texts: Vec<String> = blocks
        .blocks
        .iter()
        .map(|b| b.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    for want in [
        "a) that one;",
        "b) that two;",
        "1 to do;",
        "(1.IV) in part;",
        "5 restarted;",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want} in {texts:?}");
    }
}
