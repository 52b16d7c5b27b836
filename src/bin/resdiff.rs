//! The `resdiff` binary: turns flags into library options, calls the library, returns an exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use resdiff::error::{Error, EXIT_DIFFERENT, EXIT_SAME, EXIT_TROUBLE};
use resdiff::model::{Format, Op, View};
use resdiff::output::{write_atomically, Overwrite};
use resdiff::render::{self, ColorChoice, Detail, OutputFormat, RenderOptions, Show};
use resdiff::{CompareOptions, LoadOptions};

/// mimalloc instead of the system allocator: a diff makes many small strings and vectors
/// (words, keys, segments), and glibc's malloc and free were 15-20% of a profile. Measured
/// whole-process: Resolution 7 4.4 -> 3.7 ms, 500 clauses 21 -> 16 ms, 5,000 clauses
/// 162 -> 126 ms, 50,000 clauses 1.78 -> 1.33 s with peak memory 224 -> 213 MiB. Version 2,
/// with transparent huge pages where the system allows them (`madvise`, the usual default): a
/// page fault costs 3-5 us on a virtual machine, and a 500-clause diff took 1,150 of them with
/// 4 KiB pages against 170 with huge ones. Measured in CPU time: 500 clauses 11.0 -> 10.0 ms,
/// 5,000 clauses 114 -> 96 ms, start-up and Resolution 7 unchanged within noise; peak memory at
/// 50,000 clauses 189 -> 202 MiB (the limit is 237).
#[global_allocator]
static ALLOC: Mimalloc = Mimalloc;

/// mimalloc, called as C programs call it when the alignment asked for is one that every
/// block already has (at most a word, and no more than the size). The `mimalloc` crate asks for
/// the alignment on every call, and mimalloc's aligned entry points check it against the block
/// they would take before taking it: in a 5,000-clause diff (callgrind), its allocations took
/// 10.0 M of 329 M instructions that way, 5.6 M through the plain entry points. Other
/// alignments go to the aligned entry points, as before.
struct Mimalloc;

/// The alignment every block of mimalloc has: its size classes are multiples of a word (a
/// 24-byte block is not 16-byte aligned).
const PLAIN_ALIGN: usize = std::mem::size_of::<usize>();

fn plain(align: usize, size: usize) -> bool {
    align <= PLAIN_ALIGN && align <= size
}

// SAFETY: a plain call is made only for an alignment every block of mimalloc has (see
// `PLAIN_ALIGN`); mimalloc frees and resizes a block of either kind (`mi_free` and `mi_realloc`
// take an aligned block too).
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys::{mi_malloc, mi_malloc_aligned};
        if plain(layout.align(), layout.size()) {
            mi_malloc(layout.size()).cast()
        } else {
            mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys::{mi_zalloc, mi_zalloc_aligned};
        if plain(layout.align(), layout.size()) {
            mi_zalloc(layout.size()).cast()
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        libmimalloc_sys::mi_free(ptr.cast());
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys::{mi_realloc, mi_realloc_aligned};
        if plain(layout.align(), new_size) {
            mi_realloc(ptr.cast(), new_size).cast()
        } else {
            mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
        }
    }
}

/// mimalloc's `purge_delay` option. libmimalloc-sys names the options on either side of it but
/// not this one; the assertion below fails the build if a new mimalloc moves it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t =
    libmimalloc_sys::mi_option_eager_commit_delay + 1;
const _: () = assert!(libmimalloc_sys::mi_option_use_numa_nodes == MI_OPTION_PURGE_DELAY + 1);

/// A run lasts milliseconds to seconds and all its memory goes back to the system when it exits,
/// so giving freed pages back to the system while it runs (mimalloc's purge: `madvise` calls,
/// then fresh page faults when the pages are used again) only costs time. Measured on the
/// statically linked binary: Resolution 7 2.33 -> 2.26 ms, 5,000 clauses 54.4 -> 52.8 ms,
/// 50,000 clauses 0.63 -> 0.58 s; peak memory within the run-to-run spread (50,000 clauses
/// 206-211 against 212-224 MiB, the limit is 237).
fn keep_freed_memory() {
    // SAFETY: sets an integer option of the allocator; called first thing in `main`, before any
    // other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// The bytes of the arguments that name files: what a command is about to read, known before
/// the arguments are parsed (which takes a few tenths of a millisecond, time in which the
/// library can wake a second core; see `resdiff::expect_input`). An argument that is not a
/// file (a subcommand, a flag, a directory) counts nothing.
fn named_file_bytes() -> u64 {
    std::env::args_os()
        .skip(1)
        .filter_map(|a| std::fs::metadata(a).ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

#[derive(Parser)]
#[command(
    name = "resdiff",
    version,
    about = "Track the revisions of ITU resolutions, clause by clause"
)]
struct Cli {
    /// Print error details (causes) instead of one line.
    #[arg(short, long, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse a resolution and print its structure.
    Parse {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
        format: ParseFormat,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Compare two revisions of a resolution clause by clause (exit 0 same, 1 different, 2 trouble).
    ///
    /// With one .docx, compares its own revision marks (before -> after). With --base, shows what
    /// a proposal with flattened revision marks inserted into its base.
    Diff(DiffArgs),
    /// Track a resolution through its revisions (oldest first): one row per clause lineage.
    History(HistoryArgs),
    /// Compare proposals on one base side by side: conflicts, agreements, stale bases, adoption.
    Review(ReviewArgs),
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The older revision (or, alone, a .docx with revision marks; with --base, the proposal).
    old: PathBuf,
    /// The newer revision.
    new: Option<PathBuf>,
    /// Output format (default: terminal on a TTY, text otherwise).
    #[arg(long, value_enum)]
    format: Option<DiffFormat>,
    /// Colour in the terminal format (NO_COLOR is honoured by `auto`).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Also list unchanged clauses.
    #[arg(long)]
    all: bool,
    /// Print only the summary.
    #[arg(long)]
    stat: bool,
    /// List only these ops (comma-separated: MOD,ADD,SUP,NOC).
    #[arg(long, value_delimiter = ',', value_parser = parse_op)]
    only: Option<Vec<Op>>,
    /// Write the report to this file (atomically) instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Replace an existing output file.
    #[arg(long)]
    force: bool,
    /// The base a proposal with flattened revision marks was written against: report what the
    /// proposal inserted (exact) and where deletions probably sat (a guess).
    #[arg(long)]
    base: Option<PathBuf>,
    /// --format docx: author of the revisions.
    #[arg(long, default_value = "resdiff")]
    author: String,
    /// --format docx: date of the revisions (ISO 8601, e.g. 2026-01-01T00:00:00Z).
    #[arg(long)]
    date: Option<String>,
    /// --format docx: proposal reference; marks are numbered REF/1, REF/2, ...
    #[arg(long = "ref")]
    reference: Option<String>,
    /// Directories: also print the clause-level report of every changed resolution.
    #[arg(long)]
    details: bool,
    /// Directories: exit 1 only when a resolution has one of these ops (e.g. SUP,ADD for a CI
    /// gate); by default any difference does.
    #[arg(long, value_delimiter = ',', value_parser = parse_op)]
    fail_on: Option<Vec<Op>>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Terminal,
    Text,
    Markdown,
    Json,
    Html,
    /// A Word document with tracked changes (needs -o, or a redirected stdout).
    Docx,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

fn parse_op(s: &str) -> Result<Op, String> {
    Op::parse(s).ok_or_else(|| format!("unknown op '{s}' (expected MOD, ADD, SUP or NOC)"))
}

#[derive(clap::Args)]
struct InputArgs {
    /// Force the input format instead of detecting it.
    #[arg(long, value_enum)]
    from: Option<FromFormat>,
    /// For a .docx with revision marks: read it with all revisions rejected or accepted.
    #[arg(long, value_enum)]
    view: Option<ViewArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ParseFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FromFormat {
    Markdown,
    Text,
    Outline,
    Docx,
}

#[derive(Clone, Copy, ValueEnum)]
enum ViewArg {
    Before,
    After,
}

impl InputArgs {
    fn load_options(&self) -> LoadOptions {
        LoadOptions {
            from: self.from.map(|f| match f {
                FromFormat::Markdown => Format::Markdown,
                FromFormat::Text => Format::Text,
                FromFormat::Outline => Format::Outline,
                FromFormat::Docx => Format::Docx,
            }),
            view: self.view.map(|v| match v {
                ViewArg::Before => View::Before,
                ViewArg::After => View::After,
            }),
        }
    }
}

/// What went wrong, for the one-line message and the exit status.
enum Failure {
    Input(Error),
    Output(std::io::Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Input(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Output(e)
    }
}

/// A write past the file size limit (`ulimit -f`) becomes an error resdiff reports (`file too
/// large`, exit 2), instead of a signal that kills it half-way without a word (stdout cut, or
/// on other systems a temporary file left behind).
fn ignore_file_size_signal() {
    #[cfg(target_os = "linux")]
    // SAFETY: sets the disposition of one signal to "ignore", first thing in `main`, before any
    // other thread exists; no handler code runs.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
    ignore_file_size_signal();
    resdiff::expect_input(named_file_bytes());
    let cli = Cli::parse();
    let verbose = cli.verbose;
    match run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        // A closed pipe is not an error (`PipeOut` takes stdout's before it gets here; this
        // keeps any other writer's the same).
        Err(Failure::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            say(&format!("resdiff: {}", resdiff::error::stdout_message(&e)));
            if verbose {
                say(&format!("  caused by: {e}"));
            }
            ExitCode::from(EXIT_TROUBLE as u8)
        }
        Err(Failure::Input(e)) => {
            say(&format!("resdiff: {e}"));
            if verbose {
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    say(&format!("  caused by: {s}"));
                    source = s.source();
                }
            }
            ExitCode::from(EXIT_TROUBLE as u8)
        }
    }
}

/// One line to stderr, as it is shown: the control characters of the file names it may hold
/// (an escape sequence, a line break) as visible pictures, never acting on the terminal.
fn say(line: &str) {
    eprintln!("{}", resdiff::render::printable::visible(line));
}

/// Standard output that a closed pipe silences instead of failing: `resdiff diff ... | head`
/// has given the reader what it wanted, the rest is dropped, and the exit status still says
/// what the command found (it was always 0: a cut diff read as "no differences").
struct PipeOut<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> PipeOut<W> {
    /// `result`, with a closed pipe taken as the end of the reading.
    fn closing<T>(&mut self, result: std::io::Result<T>, done: T) -> std::io::Result<T> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(done)
            }
            r => r,
        }
    }
}

impl<W: Write> Write for PipeOut<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.closing(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.closing(result, ())
    }
}

fn run(cli: Cli) -> Result<i32, Failure> {
    let stdout = PipeOut {
        inner: std::io::stdout().lock(),
        closed: false,
    };
    let mut out = std::io::BufWriter::new(stdout);
    let code = match cli.command {
        Command::Parse {
            file,
            format,
            input,
        } => parse(&file, format, &input, &mut out)?,
        Command::Diff(args) => diff(args, &mut out)?,
        Command::History(args) => history(args, &mut out)?,
        Command::Review(args) => review(args, &mut out)?,
    };
    out.flush()?;
    Ok(code)
}

impl From<DiffFormat> for OutputFormat {
    fn from(f: DiffFormat) -> Self {
        match f {
            DiffFormat::Terminal => OutputFormat::Terminal,
            DiffFormat::Text => OutputFormat::Text,
            DiffFormat::Markdown => OutputFormat::Markdown,
            DiffFormat::Json => OutputFormat::Json,
            DiffFormat::Html => OutputFormat::Html,
            DiffFormat::Docx => unreachable!("docx is written by resdiff::write, not a renderer"),
        }
    }
}

fn diff(args: DiffArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    if args.old.is_dir() {
        return collection(&args, out);
    }
    let load = args.input.load_options();
    if let Some(base) = &args.base {
        return flattened(&args, base, out);
    }
    let (old, new, report, inputs) = match &args.new {
        Some(new) => {
            let compare = CompareOptions::default();
            let (old, new_res, report) =
                resdiff::load_and_compare(&args.old, new, &load, &compare)?;
            (
                old,
                new_res,
                report,
                vec![args.old.as_path(), new.as_path()],
            )
        }
        // One file: a .docx compared with itself, revisions rejected -> accepted.
        None => {
            // Both views are read: a view, or another format, would be ignored.
            let refused = match (&args.input.view, &args.input.from) {
                (Some(_), _) => Some("--view reads one side; alone, a .docx is compared before -> after: drop --view, or give OLD and NEW"),
                (None, Some(f)) if !matches!(f, FromFormat::Docx) => Some("alone, a file is compared only as a .docx with revision marks: drop --from, or give OLD and NEW"),
                _ => None,
            };
            if let Some(message) = refused {
                return Err(Failure::Input(Error::Other {
                    path: args.old.clone(),
                    message: message.into(),
                }));
            }
            let (before, after) = resdiff::read::load_views(&args.old)?;
            let report = resdiff::compare(&before, &after, &CompareOptions::default());
            (before, after, report, vec![args.old.as_path()])
        }
    };
    let bytes = match args.format {
        Some(DiffFormat::Docx) => {
            let opts = resdiff::write::DocxOptions {
                author: args.author.clone(),
                date: args
                    .date
                    .clone()
                    .unwrap_or_else(|| resdiff::write::DEFAULT_DATE.into()),
                reference: args.reference.clone(),
            };
            if args.output.is_none() && std::io::stdout().is_terminal() {
                return Err(Failure::Input(Error::Other {
                    path: args.old.clone(),
                    message: "--format docx writes a Word file: give -o OUT.docx".into(),
                }));
            }
            resdiff::write::write_docx(&old, &new, &report, &opts)?
        }
        format => {
            let opts = RenderOptions {
                format: match format {
                    Some(f) => f.into(),
                    // `--color always` asks for the coloured terminal format, even in a pipe.
                    None if matches!(args.color, ColorArg::Always) => OutputFormat::Terminal,
                    None if args.output.is_none() && std::io::stdout().is_terminal() => {
                        OutputFormat::Terminal
                    }
                    None => OutputFormat::Text,
                },
                color: match args.color {
                    // A file is not a terminal: `auto` never writes escape codes into `-o`.
                    ColorArg::Auto if args.output.is_some() => ColorChoice::Never,
                    ColorArg::Auto => ColorChoice::Auto,
                    ColorArg::Always => ColorChoice::Always,
                    ColorArg::Never => ColorChoice::Never,
                },
                show: if args.all { Show::All } else { Show::Changes },
                only: args.only.clone(),
                detail: if args.stat {
                    Detail::Stat
                } else {
                    Detail::Full
                },
            };
            if args.output.is_none() {
                render::render(&report, &opts, out)?;
                let code = exit_code(&report);
                leave_to_exit((old, new, report));
                return Ok(code);
            }
            render::render_to_string(&report, &opts).into_bytes()
        }
    };
    emit(&args, &bytes, &inputs, out)?;
    let code = exit_code(&report);
    leave_to_exit((old, new, report));
    Ok(code)
}

/// The process exits as soon as the report is out, and its memory goes back to the system at
/// once: freeing the two resolutions and the report value by value (1.6 ms of a 53 ms diff at
/// 5,000 clauses) is work nobody waits for.
fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Writes finished bytes to `-o` (atomically, never over an input) or to stdout.
fn emit(
    args: &DiffArgs,
    bytes: &[u8],
    inputs: &[&Path],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    write_output(args.output.as_deref(), args.force, bytes, inputs, out)
}

/// Writes finished bytes to `-o` (atomically, never over an input, `--force` to replace) or to
/// `out`: the one place every command's output goes through.
fn write_output(
    output: Option<&Path>,
    force: bool,
    bytes: &[u8],
    inputs: &[&Path],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    match output {
        Some(path) => {
            let overwrite = if force {
                Overwrite::Replace
            } else {
                Overwrite::Refuse
            };
            write_atomically(path, bytes, inputs, overwrite)?;
        }
        None => out.write_all(bytes)?,
    }
    Ok(())
}

/// `diff PROPOSAL --base OLD`: what a flattened proposal inserted into its base.
fn flattened(args: &DiffArgs, base: &Path, out: &mut dyn Write) -> Result<i32, Failure> {
    use resdiff::render::flattened::{render, FlattenedFormat};
    let load = args.input.load_options();
    // One proposal against its base: a second file was read by nothing (and not protected from
    // `-o`), so it is refused rather than ignored.
    if let Some(new) = &args.new {
        return Err(Failure::Input(Error::Other {
            path: new.clone(),
            message: "--base compares one proposal with its base: give the proposal alone \
                      (diff PROPOSAL --base BASE), or drop --base to compare OLD and NEW"
                .into(),
        }));
    }
    let proposal_path = &args.old;
    let format = match args.format {
        Some(DiffFormat::Json) => FlattenedFormat::Json,
        Some(DiffFormat::Markdown) => FlattenedFormat::Markdown,
        None | Some(DiffFormat::Text | DiffFormat::Terminal) => FlattenedFormat::Text,
        // Written as text, these were a surprise: refused up front, before any reading.
        Some(f @ (DiffFormat::Html | DiffFormat::Docx)) => {
            let name = if matches!(f, DiffFormat::Html) {
                "html"
            } else {
                "docx"
            };
            return Err(Failure::Input(Error::Other {
                path: proposal_path.clone(),
                message: format!(
                    "--base reports in text, markdown or json, not {name}; choose one of those"
                ),
            }));
        }
    };
    let base_res = resdiff::load(base, &load)?;
    let proposal = resdiff::load(proposal_path, &load)?;
    let clauses = resdiff::flatten::separate(&base_res, &proposal);
    let mut buf = Vec::new();
    let base_name = base.display().to_string();
    let prop_name = proposal_path.display().to_string();
    render(
        &base_name,
        &prop_name,
        &clauses,
        &proposal.warnings,
        format,
        &mut buf,
    )?;
    emit(args, &buf, &[base, proposal_path.as_path()], out)?;
    Ok(if clauses.is_empty() {
        EXIT_SAME
    } else {
        EXIT_DIFFERENT
    })
}

/// Exit status as diff(1).
fn exit_code(report: &resdiff::Report) -> i32 {
    if report.has_differences() {
        EXIT_DIFFERENT
    } else {
        EXIT_SAME
    }
}

fn parse(
    file: &Path,
    format: ParseFormat,
    input: &InputArgs,
    out: &mut dyn Write,
) -> Result<i32, Failure> {
    let res = resdiff::load(file, &input.load_options())?;
    match format {
        ParseFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &res).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        ParseFormat::Text => {
            let mut shown = render::printable::Printable::new(&mut *out);
            shown.write_all(render::outline::outline(&res).as_bytes())?;
            shown.flush()?;
        }
    }
    Ok(EXIT_SAME)
}

#[derive(clap::Args)]
struct HistoryArgs {
    /// The revisions, oldest first (at least two).
    #[arg(required = true, num_args = 2..)]
    files: Vec<PathBuf>,
    /// For each clause of the newest revision: where it first appeared, what last changed it.
    #[arg(long)]
    blame: bool,
    #[command(flatten)]
    out: OutArgs,
    #[command(flatten)]
    input: InputArgs,
}

/// Formats of the table reports (history, review, collections).
#[derive(Clone, Copy, ValueEnum)]
enum TableFormat {
    Terminal,
    Text,
    Markdown,
    Json,
    Html,
}

/// Output flags of the table reports.
#[derive(clap::Args)]
struct OutArgs {
    /// Output format (default: terminal on a TTY, text otherwise).
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
    /// Colour in the terminal format (NO_COLOR is honoured by `auto`).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    /// Write the report to this file (atomically) instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Replace an existing output file.
    #[arg(long)]
    force: bool,
}

impl OutArgs {
    fn format(&self) -> OutputFormat {
        match self.format {
            Some(TableFormat::Terminal) => OutputFormat::Terminal,
            Some(TableFormat::Text) => OutputFormat::Text,
            Some(TableFormat::Markdown) => OutputFormat::Markdown,
            Some(TableFormat::Json) => OutputFormat::Json,
            Some(TableFormat::Html) => OutputFormat::Html,
            None if self.output.is_none() && std::io::stdout().is_terminal() => {
                OutputFormat::Terminal
            }
            None => OutputFormat::Text,
        }
    }
    fn color(&self) -> bool {
        let choice = match self.color {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        };
        self.output.is_none() && choice.resolve(std::io::stdout().is_terminal())
    }
    /// Writes `bytes` to `-o` (atomically, never over an input) or to `out`.
    fn emit(&self, bytes: &[u8], inputs: &[&Path], out: &mut dyn Write) -> Result<(), Failure> {
        write_output(self.output.as_deref(), self.force, bytes, inputs, out)
    }
}

fn history(args: HistoryArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let load = args.input.load_options();
    all_present(args.files.iter().map(PathBuf::as_path))?;
    let revisions = args
        .files
        .iter()
        .map(|f| resdiff::load(f, &load))
        .collect::<Result<Vec<_>, _>>()?;
    let h = resdiff::history::history(&revisions, &CompareOptions::default())?;
    let opts = render::history::HistoryOptions {
        blame: args.blame,
        color: args.out.color(),
    };
    let mut buf = Vec::new();
    render::history::render(&h, args.out.format(), &opts, &mut buf)?;
    let inputs: Vec<&Path> = args.files.iter().map(PathBuf::as_path).collect();
    args.out.emit(&buf, &inputs, out)?;
    Ok(EXIT_SAME)
}

/// `diff DIR_OLD DIR_NEW`: every resolution of two collections, matched by body and number.
fn collection(args: &DiffArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let Some(new) = &args.new else {
        return Err(Failure::Input(Error::Other {
            path: args.old.clone(),
            message: "a directory is compared with another directory: give DIR_OLD DIR_NEW".into(),
        }));
    };
    let options = resdiff::collection::CollectionOptions {
        load: args.input.load_options(),
        compare: CompareOptions::default(),
        progress: std::io::stderr().is_terminal(),
    };
    let report = resdiff::collection::compare_dirs(&args.old, new, &options)?;
    let out_args =
        OutArgs {
            format: match args.format {
                None => None,
                Some(DiffFormat::Terminal) => Some(TableFormat::Terminal),
                Some(DiffFormat::Text) => Some(TableFormat::Text),
                Some(DiffFormat::Markdown) => Some(TableFormat::Markdown),
                Some(DiffFormat::Json) => Some(TableFormat::Json),
                Some(DiffFormat::Html) => Some(TableFormat::Html),
                Some(DiffFormat::Docx) => return Err(Failure::Input(Error::Other {
                    path: args.old.clone(),
                    message:
                        "--format docx compares two files, not directories; choose another --format"
                            .into(),
                })),
            },
            color: args.color,
            output: args.output.clone(),
            force: args.force,
        };
    let opts = render::collection::CollectionRenderOptions {
        details: args.details,
        color: out_args.color(),
    };
    let mut buf = Vec::new();
    render::collection::render(&report, out_args.format(), &opts, &mut buf)?;
    out_args.emit(&buf, &[args.old.as_path(), new.as_path()], out)?;
    // A file that could not be read may be a resolution missing from the report: trouble, as
    // for diff(1). The report is written all the same, then each such file named on stderr.
    let unreadable: Vec<String> = report
        .unreadable()
        .map(|s| format!("resdiff: {}: {}", s.path, s.reason))
        .collect();
    let code = if !unreadable.is_empty() {
        // The report first, so that in a terminal the names follow it.
        out.flush()?;
        unreadable.iter().for_each(|line| say(line));
        EXIT_TROUBLE
    } else if report.fails_on(args.fail_on.as_deref()) {
        EXIT_DIFFERENT
    } else {
        EXIT_SAME
    };
    leave_to_exit(report);
    Ok(code)
}

#[derive(clap::Args)]
struct ReviewArgs {
    /// The base text the proposals modify.
    base: PathBuf,
    /// The proposals (.docx with revision marks, clean or flattened texts).
    #[arg(required = true)]
    proposals: Vec<PathBuf>,
    /// The text finally adopted: judge every proposed change adopted or not.
    #[arg(long)]
    outcome: Option<PathBuf>,
    #[command(flatten)]
    out: OutArgs,
    #[command(flatten)]
    input: InputArgs,
}

/// Refuses a command whose files are not all there, naming every missing one (they were found
/// one run at a time). One missing file keeps the usual message.
fn all_present<'a>(files: impl IntoIterator<Item = &'a Path>) -> Result<(), Failure> {
    let missing: Vec<&Path> = files
        .into_iter()
        .filter(|f| std::fs::symlink_metadata(f).is_err())
        .collect();
    match missing[..] {
        [] | [_] => Ok(()),
        [first, ref rest @ ..] => Err(Failure::Input(Error::Other {
            path: first.to_path_buf(),
            message: format!(
                "no such file; check the path (also missing: {})",
                rest.iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })),
    }
}

fn review(args: ReviewArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let load = args.input.load_options();
    all_present(
        std::iter::once(args.base.as_path())
            .chain(args.proposals.iter().map(PathBuf::as_path))
            .chain(args.outcome.as_deref()),
    )?;
    let base = resdiff::load(&args.base, &load)?;
    let proposals = args
        .proposals
        .iter()
        .map(|p| resdiff::review::load_proposal(p, &load))
        .collect::<Result<Vec<_>, _>>()?;
    let outcome = match &args.outcome {
        Some(p) => Some(resdiff::load(p, &load)?),
        None => None,
    };
    let r = resdiff::review::review(
        &base,
        &proposals,
        outcome.as_ref(),
        &CompareOptions::default(),
    );
    let mut buf = Vec::new();
    render::review::render(&r, args.out.format(), args.out.color(), &mut buf)?;
    let mut inputs: Vec<&Path> = vec![args.base.as_path()];
    inputs.extend(args.proposals.iter().map(PathBuf::as_path));
    inputs.extend(args.outcome.as_deref());
    args.out.emit(&buf, &inputs, out)?;
    Ok(EXIT_SAME)
}
