//! The written .docx through a real office suite: LibreOffice's "accept all" must give the new
//! revision and "reject all" the old one, paragraph by paragraph (up to typography).

mod docx_write_support;

use std::path::PathBuf;

use docx_write_support::*;
use resdiff::model::Resolution;
use resdiff::write::{plain_text, write_docx, DocxOptions};

#[test]
fn libreoffice_accepts_new_and_rejects_old() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // RESDIFF_KEEP=DIR keeps the documents and LibreOffice's texts for inspection.
    let dir = std::env::var_os("RESDIFF_KEEP").map_or(tmp.path().to_path_buf(), PathBuf::from);
    std::fs::create_dir_all(&dir).expect("output dir");
    let mut cases: Vec<(String, Resolution, Resolution)> = Vec::new();
    let (old, new, rep) = built_pair();
    let opts = DocxOptions {
        reference: Some("USA/48A5".into()),
        ..DocxOptions::default()
    };
    let mut files: Vec<PathBuf> = Vec::new();
    let bytes = write_docx(&old, &new, &rep, &opts).expect("write");
    let f = dir.join("built.docx");
    std::fs::write(&f, bytes).expect("write file");
    files.push(f);
    cases.push(("built".into(), old, new));

    let Some(texts) = accept_reject(&files, &dir.join("out")) else {
        return;
    };
    for ((name, old, new), (accepted, rejected)) in cases.iter().zip(&texts) {
        assert!(
            plain_text(old) != plain_text(new) && comparable_lines(accepted).len() > 5,
            "{name}: nothing to compare"
        );
        assert_eq!(
            comparable_lines(accepted),
            comparable_lines(&plain_text(new)),
            "{name}: accept all != new"
        );
        assert_eq!(
            comparable_lines(rejected),
            comparable_lines(&plain_text(old)),
            "{name}: reject all != old"
        );
    }
}
