//! Collections as properties: what `compare_dirs` reports depends on what the files say, not on
//! their names (so not on the order in which they are listed and read), nor on the number of
//! threads.

mod common;

use std::path::Path;

use proptest::prelude::*;
use resdiff::collection::{compare_dirs, CollectionOptions, CollectionReport};
use resdiff::model::Text;
use resdiff::testgen::{generate, EditKind};
use resdiff::{LoadOptions, Resolution};
use tempfile::TempDir;

/// Resolutions 1..=PAIRS on both sides; PAIRS + 1 only in old; PAIRS + 2 only in new.
const PAIRS: usize = 4;

fn numbered(mut res: Resolution, number: usize) -> Resolution {
    res.header.number = Some(number.to_string());
    res.header.heading = Some(Text::new(format!(
        "RESOLUTION {number} (Rev. Geneva, 2022)"
    )));
    res
}

/// Writes the collection under `dir`: the file of the k-th resolution is named `names[0][k]` in
/// old and `names[1][k]` in new.
fn write(dir: &Path, base: &Resolution, seed: u64, names: [&[String]; 2]) {
    let (old, new) = (dir.join("old"), dir.join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    let put = |side: &Path, name: &String, res: &Resolution| {
        std::fs::write(side.join(name), resdiff::write::plain_text(res)).unwrap()
    };
    let [old_names, new_names] = names;
    for k in 0..PAIRS {
        let kind = EditKind::ALL[(seed as usize + k) % EditKind::ALL.len()];
        let pair = generate(base, kind, seed.wrapping_mul(31).wrapping_add(k as u64));
        put(&old, &old_names[k], &numbered(pair.old, k + 1));
        put(&new, &new_names[k], &numbered(pair.new, k + 1));
    }
    put(&old, &old_names[PAIRS], &numbered(base.clone(), PAIRS + 1));
    put(
        &new,
        &new_names[PAIRS + 1],
        &numbered(base.clone(), PAIRS + 2),
    );
}

/// Everything a collection report says but the file paths.
fn content(r: &CollectionReport) -> String {
    let mut r = r.clone();
    r.old_dir.clear();
    r.new_dir.clear();
    for e in &mut r.resolutions {
        for f in [&mut e.old, &mut e.new].into_iter().flatten() {
            f.path.clear();
        }
        if let Some(rep) = &mut e.report {
            rep.old.path.clear();
            rep.new.path.clear();
        }
    }
    assert!(r.skipped.is_empty(), "{:?}", r.skipped);
    serde_json::to_string_pretty(&r).unwrap()
}

fn run(dir: &Path, threads: usize) -> CollectionReport {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    pool.install(|| {
        compare_dirs(
            &dir.join("old"),
            &dir.join("new"),
            &CollectionOptions::default(),
        )
        .unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn the_report_depends_on_the_texts_not_on_file_names_or_threads(
        seed in any::<u64>(),
        old_order in Just((0..PAIRS + 2).collect::<Vec<usize>>()).prop_shuffle(),
        new_order in Just((0..PAIRS + 2).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let base = resdiff::load(&common::repo(common::RES7_GENEVA), &LoadOptions::default())
            .unwrap();
        // Named in number order, the same on both sides; then in two other orders, so that
        // a resolution's old and new files have different names, listed in different places.
        let plain: Vec<String> = (0..PAIRS + 2).map(|k| format!("res-{k}.txt")).collect();
        let shuffled = |order: &[usize]| -> Vec<String> {
            order.iter().map(|k| format!("{k:02}.txt")).collect()
        };
        let (old_names, new_names) = (shuffled(&old_order), shuffled(&new_order));
        let (a, b) = (TempDir::new().unwrap(), TempDir::new().unwrap());
        write(a.path(), &base, seed, [&plain, &plain]);
        write(b.path(), &base, seed, [&old_names, &new_names]);
        let reference = run(a.path(), 1);
        prop_assert_eq!(reference.resolutions.len(), PAIRS + 2);
        let expected = content(&reference);
        prop_assert_eq!(&content(&run(a.path(), 2)), &expected, "two threads");
        prop_assert_eq!(&content(&run(b.path(), 1)), &expected, "other names, one thread");
        prop_assert_eq!(&content(&run(b.path(), 2)), &expected, "other names, two threads");
    }
}
