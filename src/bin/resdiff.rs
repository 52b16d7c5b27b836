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
    Diff {
        /// The older revision.
        old: PathBuf,
        /// The newer revision.
        new: PathBuf,
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
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Terminal,
    Text,
    Markdown,
    Json,
    Html,
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbose = cli.verbose;
    match run(cli) {
        Ok(code) => ExitCode::from(code as u8),
        // A closed pipe (`resdiff ... | head`) is not an error: the reader has what it wanted.
        Err(Failure::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(e)) => {
            eprintln!("resdiff: cannot write output: {e}");
            ExitCode::from(EXIT_TROUBLE as u8)
        }
        Err(Failure::Input(e)) => {
            eprintln!("resdiff: {e}");
            if verbose {
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    eprintln!("  caused by: {s}");
                    source = s.source();
                }
            }
            ExitCode::from(EXIT_TROUBLE as u8)
        }
    }
}

fn run(cli: Cli) -> Result<i32, Failure> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Parse {
            file,
            format,
            input,
        } => parse(&file, format, &input, &mut out)?,
        Command::Diff {
            old,
            new,
            format,
            color,
            all,
            stat,
            only,
            output,
            force,
            input,
        } => {
            let opts = RenderOptions {
                format: match format {
                    Some(f) => f.into(),
                    None if output.is_none() && std::io::stdout().is_terminal() => {
                        OutputFormat::Terminal
                    }
                    None => OutputFormat::Text,
                },
                color: match color {
                    ColorArg::Auto => ColorChoice::Auto,
                    ColorArg::Always => ColorChoice::Always,
                    ColorArg::Never => ColorChoice::Never,
                },
                show: if all { Show::All } else { Show::Changes },
                only,
                detail: if stat { Detail::Stat } else { Detail::Full },
            };
            let load = input.load_options();
            let old_res = resdiff::load(&old, &load)?;
            let new_res = resdiff::load(&new, &load)?;
            let report = resdiff::compare(&old_res, &new_res, &CompareOptions::default());
            match output {
                Some(path) => {
                    let bytes = render::render_to_string(&report, &opts).into_bytes();
                    let overwrite = if force {
                        Overwrite::Replace
                    } else {
                        Overwrite::Refuse
                    };
                    write_atomically(&path, &bytes, &[&old, &new], overwrite)?;
                }
                None => render::render(&report, &opts, &mut out)?,
            }
            exit_code(&report)
        }
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
        }
    }
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
        ParseFormat::Text => out.write_all(resdiff::render::outline::outline(&res).as_bytes())?,
    }
    Ok(EXIT_SAME)
}
