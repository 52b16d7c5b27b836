//! Writes two directories of resolutions, the texts of two assemblies, for `bench/compare.sh`:
//! `cargo run --release --example gen_collection -- COUNT SEED OUTDIR` writes
//! `OUTDIR/old/res-NNNN.txt` and `OUTDIR/new/res-NNNN.txt` (Word plain text). Each resolution is
//! grown from a shipped text (mostly Resolution 7, 20 to 80 clauses; one in twenty from the much
//! longer Resolution 1) and revised with a few edits; about one in fifty is suppressed (old
//! only) and one in fifty is new (new only), as at a real assembly.

#[path = "support/scale.rs"]
mod scale;

use std::process::ExitCode;

use resdiff::testgen::Rng;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [count, seed, dir] = args.as_slice() else {
        eprintln!("usage: gen_collection COUNT SEED OUTDIR");
        return ExitCode::from(2);
    };
    let (Ok(count), Ok(seed)) = (count.parse::<u32>(), seed.parse::<u64>()) else {
        eprintln!("gen_collection: COUNT and SEED must be numbers");
        return ExitCode::from(2);
    };
    let short = scale::load_shipped(scale::GENEVA);
    let long = scale::load_shipped(scale::HAMMAMET);
    let dir = std::path::Path::new(dir);
    let (old_dir, new_dir) = (dir.join("old"), dir.join("new"));
    if let Err(e) =
        std::fs::create_dir_all(&old_dir).and_then(|_| std::fs::create_dir_all(&new_dir))
    {
        eprintln!("gen_collection: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let mut rng = Rng::new(seed);
    for number in 1..=count {
        let (base, clauses) = if rng.chance(0.05) {
            (&long, long.clauses().len())
        } else {
            (&short, 20 + rng.below(61))
        };
        let (mut old, mut new) = scale::pair(base, clauses, seed.wrapping_add(number as u64));
        scale::renumber(&mut old, number, "Hammamet, 2016");
        scale::renumber(&mut new, number, "Geneva, 2022");
        let name = format!("res-{number:04}.txt");
        let fate = rng.below(50);
        let result = (|| {
            if fate != 0 {
                std::fs::write(old_dir.join(&name), resdiff::write::plain_text(&old))?;
            }
            if fate != 1 {
                std::fs::write(new_dir.join(&name), resdiff::write::plain_text(&new))?;
            }
            Ok::<(), std::io::Error>(())
        })();
        if let Err(e) = result {
            eprintln!("gen_collection: {name}: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
