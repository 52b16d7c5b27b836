//! Each stage of the pipeline on the shipped texts and on larger texts grown from them
//! (see benches/README.md for what each bench measures and the numbers). Run: `cargo bench`.
//! Filter: `cargo bench -- parse` (divan's name filter).

#[path = "../examples/support/scale.rs"]
mod scale;

use std::path::Path;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use resdiff::block::Blocks;
use resdiff::model::{Format, Resolution, Source};
use resdiff::read::read_blocks;
use resdiff::render::{render_to_string, OutputFormat, RenderOptions};
use resdiff::report::Report;
use resdiff::{compare, load_bytes, CompareOptions, LoadOptions};

fn main() {
    divan::main();
}

/// The shipped texts, by file name.
const SHIPPED: [&str; 3] = [scale::GENEVA, scale::USA, scale::HAMMAMET];

/// Scale factors of the grown texts: 1x, 10x, 100x the clauses of Resolution 7 (Geneva).
const SCALES: [usize; 3] = [1, 10, 100];

fn bytes_of(rel: &str) -> &'static [u8] {
    static CACHE: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        SHIPPED
            .iter()
            .map(|r| {
                let p = scale::shipped(r);
                let b = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                (r.to_string(), b)
            })
            .collect()
    });
    all.iter()
        .find(|(r, _)| r == rel)
        .map(|(_, b)| b.as_slice())
        .unwrap_or_else(|| panic!("not a shipped text: {rel}"))
}

/// Resolution 7 (Geneva, 2022) grown to `factor` times its clauses, as Word plain text.
fn scaled_text(factor: usize) -> &'static [u8] {
    static CACHE: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        let base = scale::load_shipped(scale::GENEVA);
        let n = base.clauses().len();
        SCALES
            .iter()
            .map(|&k| resdiff::write::plain_text(&scale::scaled(&base, n * k, 1)).into_bytes())
            .collect()
    });
    let i = SCALES.iter().position(|&k| k == factor).unwrap_or(0);
    &all[i]
}

fn blocks(path: &str, bytes: &[u8]) -> (Format, Blocks) {
    read_blocks(Path::new(path), bytes, &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn source(path: &str, format: Format) -> Source {
    Source {
        path: path.to_string(),
        format,
        view: None,
    }
}

fn parsed(path: &str, bytes: &[u8]) -> Resolution {
    load_bytes(Path::new(path), bytes, &LoadOptions::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// The shipped Resolution 7 pair: the USA proposal (Hammamet 2016 with marks) and Geneva 2022.
fn res7_pair() -> &'static (Resolution, Resolution, Report) {
    static PAIR: OnceLock<(Resolution, Resolution, Report)> = OnceLock::new();
    PAIR.get_or_init(|| {
        let old = parsed(scale::USA, bytes_of(scale::USA));
        let new = parsed(scale::GENEVA, bytes_of(scale::GENEVA));
        let report = compare(&old, &new, &CompareOptions::default());
        (old, new, report)
    })
}

/// Generated pairs of 50, 500 and 5,000 clauses (as `bench/compare.sh` makes them), parsed
/// back from their Word text so they are what the CLI sees.
const PAIR_SIZES: [usize; 3] = [50, 500, 5000];

fn generated_pair(n: usize) -> &'static (Resolution, Resolution, Report) {
    static CACHE: OnceLock<Vec<(Resolution, Resolution, Report)>> = OnceLock::new();
    let all = CACHE.get_or_init(|| {
        let base = scale::load_shipped(scale::GENEVA);
        PAIR_SIZES
            .iter()
            .map(|&n| {
                let (old, new) = scale::pair(&base, n, 1);
                let old = parsed("old.txt", resdiff::write::plain_text(&old).as_bytes());
                let new = parsed("new.txt", resdiff::write::plain_text(&new).as_bytes());
                let report = compare(&old, &new, &CompareOptions::default());
                (old, new, report)
            })
            .collect()
    });
    let i = PAIR_SIZES.iter().position(|&k| k == n).unwrap_or(0);
    &all[i]
}

/// Read: bytes to blocks (decoding, line joining, Markdown or .docx XML), no structure.
mod read {
    use super::*;

    #[divan::bench(args = SHIPPED)]
    fn shipped(bencher: Bencher, rel: &str) {
        let bytes = bytes_of(rel);
        bencher
            .counter(BytesCount::of_slice(bytes))
            .bench(|| blocks(rel, black_box(bytes)));
    }

    #[divan::bench(args = SCALES, sample_count = 30)]
    fn scaled(bencher: Bencher, factor: usize) {
        let bytes = scaled_text(factor);
        bencher
            .counter(BytesCount::of_slice(bytes))
            .bench(|| blocks("scaled.txt", black_box(bytes)));
    }
}

/// Normalize: the comparison key of every block of a text (typography folded, NFC, emphasis
/// and artefacts removed).
mod normalize {
    use super::*;

    #[divan::bench(args = SHIPPED)]
    fn comparison_key(bencher: Bencher, rel: &str) {
        let (_, b) = blocks(rel, bytes_of(rel));
        let texts: Vec<&str> = b.blocks.iter().map(|b| b.text.as_str()).collect();
        let total: usize = texts.iter().map(|t| t.len()).sum();
        bencher.counter(BytesCount::new(total)).bench(|| {
            texts
                .iter()
                .map(|t| resdiff::normalize::comparison_key(black_box(t)).len())
                .sum::<usize>()
        });
    }
}

/// Parse: blocks to a `Resolution` (structure rules only: the blocks are read beforehand).
mod parse {
    use super::*;

    #[divan::bench(args = SHIPPED)]
    fn shipped(bencher: Bencher, rel: &str) {
        let (format, b) = blocks(rel, bytes_of(rel));
        bencher
            .counter(BytesCount::of_slice(bytes_of(rel)))
            .with_inputs(|| b.clone())
            .bench_values(|b| {
                resdiff::parse::parse_blocks(Path::new(rel), source(rel, format), b)
                    .map(|r| r.divisions.len())
            });
    }

    #[divan::bench(args = SCALES, sample_count = 30)]
    fn scaled(bencher: Bencher, factor: usize) {
        let bytes = scaled_text(factor);
        let (format, b) = blocks("scaled.txt", bytes);
        bencher
            .counter(BytesCount::of_slice(bytes))
            .with_inputs(|| b.clone())
            .bench_values(|b| {
                resdiff::parse::parse_blocks(
                    Path::new("scaled.txt"),
                    source("scaled.txt", format),
                    b,
                )
                .map(|r| r.divisions.len())
            });
    }
}

/// Load: read and parse together, bytes to `Resolution` (what `resdiff parse` does).
mod load {
    use super::*;

    #[divan::bench(args = SCALES, sample_count = 30)]
    fn scaled(bencher: Bencher, factor: usize) {
        let bytes = scaled_text(factor);
        bencher
            .counter(BytesCount::of_slice(bytes))
            .bench(|| parsed("scaled.txt", black_box(bytes)).divisions.len());
    }
}

/// Align: `compare` on two parsed revisions (clause pairing, inline diffs, report).
mod align {
    use super::*;

    #[divan::bench]
    fn res7(bencher: Bencher) {
        let (old, new, _) = res7_pair();
        bencher.bench(|| compare(old, new, &CompareOptions::default()).changes.len());
    }

    #[divan::bench(args = PAIR_SIZES, sample_count = 20)]
    fn generated(bencher: Bencher, n: usize) {
        let (old, new, _) = generated_pair(n);
        bencher.bench(|| compare(old, new, &CompareOptions::default()).changes.len());
    }
}

/// Inline: the word diff of every modified clause of a report, old text against new text.
mod inline {
    use super::*;

    fn modified(res: &(Resolution, Resolution, Report)) -> Vec<(String, String)> {
        let (old, new, report) = res;
        let oc = old.clauses();
        let nc = new.clauses();
        report
            .changes
            .iter()
            .filter(|c| c.op == resdiff::Op::Mod)
            .map(|c| {
                let join =
                    |units: &[usize], cl: &[(&resdiff::model::Division, &resdiff::Clause)]| {
                        units
                            .iter()
                            .map(|&u| cl[u].1.full_shown())
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                (join(&c.old_units, &oc), join(&c.new_units, &nc))
            })
            .collect()
    }

    #[divan::bench]
    fn res7(bencher: Bencher) {
        let pairs = modified(res7_pair());
        bencher.bench(|| {
            pairs
                .iter()
                .map(|(o, n)| resdiff::inline::diff(black_box(o), black_box(n)).len())
                .sum::<usize>()
        });
    }

    #[divan::bench(args = [500])]
    fn generated(bencher: Bencher, n: usize) {
        let pairs = modified(generated_pair(n));
        bencher.bench(|| {
            pairs
                .iter()
                .map(|(o, n)| resdiff::inline::diff(black_box(o), black_box(n)).len())
                .sum::<usize>()
        });
    }
}

/// Render: a report to text, JSON and HTML.
mod render {
    use super::*;

    const FORMATS: [&str; 3] = ["text", "json", "html"];

    fn options(format: &str) -> RenderOptions {
        RenderOptions {
            format: match format {
                "json" => OutputFormat::Json,
                "html" => OutputFormat::Html,
                _ => OutputFormat::Text,
            },
            ..RenderOptions::default()
        }
    }

    #[divan::bench(args = FORMATS)]
    fn res7(bencher: Bencher, format: &str) {
        let (_, _, report) = res7_pair();
        let opts = options(format);
        bencher.bench(|| render_to_string(black_box(report), &opts).len());
    }

    #[divan::bench(args = FORMATS)]
    fn generated_500(bencher: Bencher, format: &str) {
        let (_, _, report) = generated_pair(500);
        let opts = options(format);
        bencher.bench(|| render_to_string(black_box(report), &opts).len());
    }
}
