//! Scale: the aligner must stay near-linear. Not a timed test: the large check is ignored by
//! default and prints its figures; run it in release:
//! `cargo test --release --test align_perf -- --ignored --nocapture`.

use std::time::Instant;

use resdiff::testgen::{mutate, score, synthetic, EditKind, Rng, Score};
use resdiff::{compare, CompareOptions};

/// CPU time of this thread in seconds (Linux; `None` elsewhere): wall time on a shared machine
/// says little.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    // Fields 14 and 15 of stat(5) (utime, stime), counted after the `)` of the name.
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Aligns `n` synthetic clauses against a revision with `edits` mixed edits; returns the score.
fn run(n: usize, edits: usize) -> Score {
    let base = synthetic(n, 7);
    let mut rng = Rng::new(11);
    let t = Instant::now();
    let pair = mutate(&base, &EditKind::ALL, edits, &mut rng);
    let made = t.elapsed();
    let t = Instant::now();
    let cpu = cpu_seconds();
    let report = compare(&pair.old, &pair.new, &CompareOptions::default());
    let took = t.elapsed();
    let cpu = cpu.zip(cpu_seconds()).map(|(a, b)| b - a);
    let s = score(&pair, &report);
    eprintln!(
        "{n} clauses, {edits} edits: generated in {made:.2?}, aligned in {took:.2?} \
         (CPU {:.2} s); {} changes; touched pairs precision {:.4} recall {:.4}",
        cpu.unwrap_or(f64::NAN),
        report.changes.len(),
        s.precision(),
        s.recall()
    );
    s
}

#[test]
fn thousands_of_clauses_align_correctly() {
    let s = run(3_000, 150);
    assert!(s.precision() >= 0.98 && s.recall() >= 0.95, "{s:?}");
}

#[test]
#[ignore = "large: run in release with --ignored"]
fn fifty_thousand_clauses_align_in_seconds() {
    let s = run(50_000, 2_500);
    assert!(s.precision() >= 0.98 && s.recall() >= 0.95, "{s:?}");
}
