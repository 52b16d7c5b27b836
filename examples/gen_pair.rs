//! Writes a generated revision pair of a resolution as two Word plain-text files, for
//! `bench/compare.sh`: `cargo run --release --example gen_pair -- N SEED OUTDIR` writes
//! `OUTDIR/old.txt` and `OUTDIR/new.txt`, about N clauses each, grown from the shipped
//! Resolution 7 (Geneva, 2022) with rewordings, additions, suppressions, moves, renumbering,
//! splits, merges and typography edits (one edit for every five clauses).

#[path = "support/scale.rs"]
mod scale;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, seed, dir] = args.as_slice() else {
        eprintln!("usage: gen_pair N SEED OUTDIR");
        return ExitCode::from(2);
    };
    let (Ok(n), Ok(seed)) = (n.parse::<usize>(), seed.parse::<u64>()) else {
        eprintln!("gen_pair: N and SEED must be numbers");
        return ExitCode::from(2);
    };
    let base = scale::load_shipped(scale::GENEVA);
    let (old, new) = scale::pair(&base, n, seed);
    let dir = std::path::Path::new(dir);
    let write = |name: &str, res: &resdiff::Resolution| {
        std::fs::write(dir.join(name), resdiff::write::plain_text(res))
    };
    if let Err(e) = std::fs::create_dir_all(dir)
        .and_then(|_| write("old.txt", &old))
        .and_then(|_| write("new.txt", &new))
    {
        eprintln!("gen_pair: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
