//! Rendering: one module per output format.
//!
//! Every renderer reads only a [`Report`] (never alignment internals) and writes to any
//! `std::io::Write`, so I/O errors (a closed pipe) reach the caller, which decides what they mean.

pub mod collection;
pub mod flattened;
pub mod history;
pub mod history_html;
pub mod html;
pub mod json;
pub mod markdown;
pub mod outline;
pub mod printable;
pub mod review;
pub(crate) mod table;
pub mod terminal;
pub mod text;
pub(crate) mod view;

use std::io::{IsTerminal, Write};

use crate::model::Op;
use crate::report::Report;

/// The output formats of `resdiff diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// Coloured text for a terminal (plain when colour is off).
    #[default]
    Terminal,
    /// Plain text, inline diffs as `[-deleted-]{+inserted+}` (like `git diff --word-diff`).
    Text,
    /// Markdown for pull requests and mail.
    Markdown,
    /// The documented JSON format (docs/json.md).
    Json,
    /// One self-contained HTML page (docs/html.md).
    Html,
}

/// Whether the terminal format uses colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset or empty (no-color.org).
    #[default]
    Auto,
    /// Colour even when `NO_COLOR` is set or stdout is not a terminal.
    Always,
    Never,
}

impl ColorChoice {
    /// Decides with the process environment (`NO_COLOR`) and whether the output is a terminal.
    pub fn resolve(self, is_tty: bool) -> bool {
        self.resolve_with(std::env::var("NO_COLOR").ok().as_deref(), is_tty)
    }

    /// The decision itself, pure: `no_color` is the value of `NO_COLOR` if set.
    pub fn resolve_with(self, no_color: Option<&str>, is_tty: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_tty && no_color.is_none_or(str::is_empty),
        }
    }
}

/// Which changes are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    /// Only what changed; unchanged clauses are counted, not printed.
    #[default]
    Changes,
    /// Every clause, unchanged ones included.
    All,
}

/// How much is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Header changes, every listed change with its inline diff, warnings, summary.
    #[default]
    Full,
    /// Only the summary (`--stat`).
    Stat,
}

/// What to render and how.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub format: OutputFormat,
    /// Used by the terminal format; `Auto` is resolved against this process's stdout.
    pub color: ColorChoice,
    pub show: Show,
    /// `--only MOD,ADD`: list only changes with these ops. The summary still counts everything,
    /// so a filtered report never misstates the size of the diff.
    pub only: Option<Vec<Op>>,
    pub detail: Detail,
}

/// Renders `report` in `opts.format` to `out`.
pub fn render(report: &Report, opts: &RenderOptions, out: &mut dyn Write) -> std::io::Result<()> {
    printable::guarded(opts.format, out, |format, out| {
        render_unguarded(
            report,
            &RenderOptions {
                format,
                ..opts.clone()
            },
            out,
        )
    })
}

/// [`render`] without [`printable::guarded`].
fn render_unguarded(
    report: &Report,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match opts.format {
        OutputFormat::Terminal => {
            let color = opts.color.resolve(std::io::stdout().is_terminal());
            terminal::render(report, opts, color, out)
        }
        OutputFormat::Text => text::render(report, opts, out),
        OutputFormat::Markdown => markdown::render(report, opts, out),
        OutputFormat::Json => json::render(report, opts, out),
        OutputFormat::Html => html::render(report, opts, out),
    }
}

/// Renders to a `String` (tests, library users that want the text).
pub fn render_to_string(report: &Report, opts: &RenderOptions) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render(report, opts, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

#[cfg(test)]
mod tests {
    use super::ColorChoice;

    #[test]
    fn no_color_disables_auto_but_not_always() {
        assert!(ColorChoice::Auto.resolve_with(None, true));
        assert!(ColorChoice::Auto.resolve_with(Some(""), true));
        assert!(!ColorChoice::Auto.resolve_with(Some("1"), true));
        assert!(!ColorChoice::Auto.resolve_with(None, false));
        assert!(ColorChoice::Always.resolve_with(Some("1"), false));
        assert!(!ColorChoice::Never.resolve_with(None, true));
    }
}
