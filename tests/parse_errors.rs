//! Inputs that are not resolutions, or not text at all, are refused with the right error;
//! damaged and re-encoded resolutions still parse, with a warning saying what was found.

mod common;

use std::io::Write;

use resdiff::model::{Resolution, WarningKind};
use resdiff::{load, load_bytes, Error, LoadOptions};

fn opts() -> LoadOptions {
    LoadOptions::default()
}

#[test]
fn web_pages_about_itu_are_refused_as_no_resolution() {
    let dir = common::repo("tests/fixtures/not-a-resolution");
    let mut seen = 0;
    for name in [
        "000_33a9f580db6f5ca3.txt",
        "001_432a6bfb55e7e312.txt",
        "003_43f150b804373927.txt",
    ] {
        let path = dir.join(name);
        match load(&path, &opts()) {
            Err(Error::NoResolution { path: p, reason }) => {
                assert_eq!(p, path);
                assert!(
                    reason.starts_with("no heading such as 'considering' or 'resolves' in its "),
                    "{reason}"
                );
                assert!(reason.ends_with(" lines"), "{reason}");
                seen += 1;
            }
            other => panic!("{name}: expected NoResolution, got {other:?}"),
        }
    }
    assert_eq!(seen, 3);
}

#[test]
fn empty_blank_binary_missing_and_directory_inputs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    assert!(matches!(load(&empty, &opts()), Err(Error::Empty(p)) if p == empty));

    let blank = tmp.path().join("blank.md");
    std::fs::write(&blank, b" \n\t\r\n   \n").expect("write");
    assert!(matches!(load(&blank, &opts()), Err(Error::Empty(_))));

    let binary = tmp.path().join("image.txt");
    let mut f = std::fs::File::create(&binary).expect("create");
    f.write_all(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0")
        .expect("write");
    drop(f);
    assert!(matches!(load(&binary, &opts()), Err(Error::Binary { .. })));

    let missing = tmp.path().join("missing.md");
    assert!(matches!(load(&missing, &opts()), Err(Error::NotFound(p)) if p == missing));

    assert!(matches!(
        load(tmp.path(), &opts()),
        Err(Error::IsDirectory(_))
    ));

    // A zip that is no Word document is refused as a bad .docx, naming the file.
    let zip = tmp.path().join("x.docx");
    std::fs::write(&zip, b"PK\x03\x04garbage").expect("write");
    let err = load(&zip, &opts()).expect_err("bad docx");
    assert!(matches!(err, Error::BadDocx { .. }), "{err:?}");
    assert!(err.to_string().contains("x.docx"));
}

#[test]
fn a_truncated_resolution_parses_with_a_truncated_warning() {
    let text = std::fs::read_to_string(common::repo(common::RES7_GENEVA)).expect("read");
    let lines: Vec<&str> = text.lines().collect();
    let cut = lines[..lines.len() * 6 / 10].join("\n");
    let r = load_bytes("cut.md".as_ref(), cut.as_bytes(), &opts()).expect("parses");
    let truncated = |r: &resdiff::Resolution| -> Vec<resdiff::model::Warning> {
        r.warnings
            .iter()
            .filter(|w| w.kind == WarningKind::Truncated)
            .cloned()
            .collect()
    };
    let t = truncated(&r);
    assert_eq!(t.len(), 1, "{:?}", r.warnings);
    assert!(t[0].message.contains("noting"), "{}", t[0].message);
    // What is there is kept: considering a) to i), noting a) ...
    assert_eq!(r.divisions.len(), 2);
    assert_eq!(r.divisions[0].clauses.len(), 9);

    // Cut inside resolves: the last clause does not end with a full stop.
    let cut = text[..text.find("take place to the extent").expect("anchor")].to_string();
    let r = load_bytes("cut.md".as_ref(), cut.as_bytes(), &opts()).expect("parses");
    let t = truncated(&r);
    assert_eq!(t.len(), 1);
    assert!(t[0].message.contains("resolves 9"), "{}", t[0].message);
}

#[test]
fn utf16_and_windows_1252_encodings_parse_like_the_original() {
    let path = common::repo(common::RES7_USA);
    let text = std::fs::read_to_string(&path).expect("read");
    let original = load(&path, &opts()).expect("parses");
    assert!(original
        .warnings
        .iter()
        .all(|w| w.kind != WarningKind::Decoded));

    let mut utf16 = vec![0xFF, 0xFE];
    let mut utf16be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
        utf16be.extend_from_slice(&u.to_be_bytes());
    }
    // Windows-1252 has no U+2011: as Word does, save it as a plain hyphen.
    let cp = text.replace('\u{2011}', "-");
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&cp);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&cp1252).is_err(),
        "the test needs non-UTF-8 bytes"
    );

    for (name, bytes) in [
        ("utf16.txt", utf16),
        ("utf16be.txt", utf16be),
        ("cp1252.txt", cp1252.into_owned()),
    ] {
        let r = load_bytes(name.as_ref(), &bytes, &opts()).expect("parses");
        assert_eq!(
            common::top_labels(&r),
            common::top_labels(&original),
            "{name}"
        );
        let keys = |r: &Resolution| -> Vec<String> {
            r.clauses()
                .iter()
                .map(|(_, c)| c.text.key.clone())
                .collect()
        };
        assert_eq!(keys(&r), keys(&original), "{name}");
        assert_eq!(r.header.marks, original.header.marks);
        assert_eq!(
            r.warnings
                .iter()
                .filter(|w| w.kind == WarningKind::Decoded)
                .count(),
            1,
            "{name}"
        );
    }
}

#[test]
fn utf8_bom_is_not_text() {
    let path = common::repo(common::RES7_GENEVA);
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(std::fs::read(&path).expect("read"));
    let r = load_bytes(&path, &bytes, &opts()).expect("parses");
    let original = load(&path, &opts()).expect("parses");
    assert_eq!(r.divisions, original.divisions);
}
