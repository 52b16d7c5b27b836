//! The written .docx through a real office suite: LibreOffice's "accept all" must give the new
//! revision and "reject all" the old one, paragraph by paragraph (up to typography).
//! All documents go through one LibreOffice session (tests/lo/accept_reject.py, batch mode).

mod docx_write_support;

use std::path::PathBuf;

use docx_write_support::*;
use resdiff::model::Resolution;
use resdiff::report::Report;
use resdiff::testgen::{mutate, EditKind, Rng};
use resdiff::write::{plain_text, write_docx, DocxOptions};
use resdiff::{compare, CompareOptions};

struct Case {
    name: String,
    old: Resolution,
    new: Resolution,
    report: Report,
}

fn case(name: String, old: Resolution, new: Resolution) -> Case {
    let report = compare(&old, &new, &CompareOptions::default());
    Case {
        name,
        old,
        new,
        report,
    }
}

/// Generated pairs: each edit kind of the test generator, `seeds` seeds each, plus sub-items
/// added and removed, from `base`.
fn generated(base: &Resolution, tag: &str, seeds: u64) -> Vec<Case> {
    let mut out = Vec::new();
    for kind in EditKind::ALL {
        for seed in 1..=seeds {
            let mut rng = Rng::new(seed * 101 + kind as u64);
            let pair = mutate(base, &[kind], 1 + seed as usize, &mut rng);
            out.push(case(
                format!("{tag}-{}-{seed}", kind.name()),
                pair.old,
                pair.new,
            ));
        }
    }
    for seed in 1..=seeds {
        let mut rng = Rng::new(seed);
        let mut rng2 = Rng::new(seed + 50);
        let mut new = base.clone();
        let added = edit_items(&mut new, &mut rng, true);
        let removed = edit_items(&mut new, &mut rng2, false);
        assert!(added && removed, "{tag}: base has no clause with sub-items");
        out.push(case(format!("{tag}-items-{seed}"), base.clone(), new));
    }
    // Everything at once.
    let mut rng = Rng::new(7);
    let pair = mutate(base, &EditKind::ALL, 8, &mut rng);
    let mut new = pair.new;
    edit_items(&mut new, &mut rng, true);
    out.push(case(format!("{tag}-mixed"), pair.old, new));
    out
}

#[test]
fn libreoffice_accepts_new_and_rejects_old() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // RESDIFF_KEEP=DIR keeps the documents and LibreOffice's texts for inspection.
    let dir = std::env::var_os("RESDIFF_KEEP").map_or(tmp.path().to_path_buf(), PathBuf::from);
    std::fs::create_dir_all(&dir).expect("output dir");

    let (old, new, report) = built_pair();
    let mut cases = vec![Case {
        name: "built".into(),
        old: old.clone(),
        new: new.clone(),
        report,
    }];
    cases.extend(generated(&new, "built", 2));

    let (old, new) = structured_pair();
    cases.push(case("structured".into(), old, new.clone()));
    cases.extend(generated(&new, "structured", 1));

    // The shipped Resolution 7 pair: the USA proposal (Hammamet text with flattened marks) as
    // OLD, the Geneva 2022 text as NEW; then generated pairs from the real Geneva text.
    let load = |rel: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel);
        resdiff::load(&path, &resdiff::LoadOptions::default()).expect("load")
    };
    let usa = load("resolutions/wtsa-7/usa-48a5-1.txt");
    let geneva = load("resolutions/wtsa-7/geneva-2022.md");
    cases.push(case("res7".into(), usa, geneva.clone()));
    cases.extend(generated(&geneva, "geneva", 3));

    // Resolution 1 from ITU's Word file: parts, provisions, sub-items two levels deep.
    let res1 = load("resolutions/wtsa-1/hammamet-2016.docx");
    let mut rng = Rng::new(5);
    let pair = mutate(&res1, &EditKind::ALL, 12, &mut rng);
    let mut new1 = pair.new;
    assert!(edit_items(&mut new1, &mut rng, true) && edit_items(&mut new1, &mut rng, false));
    cases.push(case("res1-mixed".into(), pair.old, new1));

    let opts = DocxOptions {
        reference: Some("USA/48A5".into()),
        ..DocxOptions::default()
    };
    let mut files: Vec<PathBuf> = Vec::new();
    for c in &cases {
        let bytes = write_docx(&c.old, &c.new, &c.report, &opts).expect("write");
        let f = dir.join(format!("{}.docx", c.name));
        std::fs::write(&f, bytes).expect("write file");
        files.push(f);
    }
    let Some(texts) = accept_reject(&files, &dir.join("out")) else {
        return;
    };
    let mut failures = Vec::new();
    for (c, (accepted, rejected)) in cases.iter().zip(&texts) {
        assert!(
            comparable_lines(accepted).len() > 5,
            "{}: nothing to compare",
            c.name
        );
        if comparable_lines(accepted) != comparable_lines(&plain_text(&c.new)) {
            failures.push(format!("{}: accept all != new", c.name));
        }
        if comparable_lines(rejected) != comparable_lines(&plain_text(&c.old)) {
            failures.push(format!("{}: reject all != old", c.name));
        }
    }
    eprintln!("{} documents checked through LibreOffice", cases.len());
    assert!(failures.is_empty(), "{failures:#?}");
}
