//! The history report in text (terminal), Markdown and JSON: one row per lineage, one column
//! per revision with the clause's place there, and the op of each step between them.

use std::io::Write;

use serde::Serialize;

use crate::history::{Blame, History, Lineage, Step};
use crate::model::{Op, Warning};
use crate::report::{Place, Side};

use super::markdown::escape;
use super::table::{file_name, markdown_table, paint_op, text_table};
use super::view;

/// What to print besides the lineage table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HistoryOptions {
    /// `--blame`: print, for each clause of the newest revision, where it first appeared and
    /// which revision last changed its wording, instead of the lineage table.
    pub blame: bool,
    /// Colour (terminal only), already resolved by the caller.
    pub color: bool,
}

/// `considering b)`, `resolves 4, resolves 5` (split), or empty.
pub(crate) fn cell_text(places: &[Place]) -> String {
    places
        .iter()
        .map(view::place_text)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `MOD`, `(MOD)`, `NOC moved`, `MOD split`.
pub(crate) fn step_text(step: &Option<Step>) -> (String, Op) {
    let Some(s) = step else {
        return (String::new(), Op::Noc);
    };
    let mut t = if s.op == Op::Mod && s.flags.editorial {
        "(MOD)".to_string()
    } else {
        s.op.as_str().to_string()
    };
    for (on, word) in [
        (s.flags.moved, "moved"),
        (s.flags.split, "split"),
        (s.flags.merged, "merged"),
    ] {
        if on {
            t.push(' ');
            t.push_str(word);
        }
    }
    (t, s.op)
}

/// `r1`, `r2`: short names of the revisions in tables.
pub(crate) fn rev_name(i: usize) -> String {
    format!("r{}", i + 1)
}

fn legend(h: &History) -> Vec<Vec<String>> {
    h.revisions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            vec![
                rev_name(i),
                super::view::shown_name(&s.path).into_owned(),
                s.heading.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

fn head(h: &History) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..h.revisions.len() {
        if i > 0 {
            out.push(format!("{}→{}", rev_name(i - 1), rev_name(i)));
        }
        out.push(rev_name(i));
    }
    out
}

fn row(l: &Lineage, color: bool, paint: &dyn Fn(String) -> String) -> Vec<String> {
    let mut out = Vec::new();
    for (r, cell) in l.cells.iter().enumerate() {
        if r > 0 {
            let (t, op) = step_text(&l.steps[r - 1]);
            out.push(paint_op(&t, op, color));
        }
        out.push(paint(cell_text(cell)));
    }
    out
}

fn blame_rows(h: &History, paint: &dyn Fn(String) -> String) -> Vec<Vec<String>> {
    h.blame
        .iter()
        .map(|b: &Blame| {
            vec![
                paint(view::place_text(&b.place)),
                rev_name(b.first_seen),
                rev_name(b.last_changed),
            ]
        })
        .collect()
}

fn blame_head() -> Vec<String> {
    ["clause", "first appeared", "last changed"]
        .map(String::from)
        .to_vec()
}

/// `12 lineages: 3 unchanged throughout, 9 changed`; a clause that moved changed.
fn counts(h: &History) -> String {
    let changed = h
        .lineages
        .iter()
        .filter(|l| {
            l.steps
                .iter()
                .flatten()
                .any(|s| s.op != Op::Noc || s.flags.moved)
        })
        .count();
    format!(
        "{}: {} unchanged throughout, {} changed",
        view::plural(h.lineages.len(), "lineage"),
        h.lineages.len() - changed,
        changed
    )
}

fn title(h: &History) -> String {
    let heading = h
        .revisions
        .last()
        .and_then(|s| s.heading.clone())
        .unwrap_or_else(|| "Resolution".to_string());
    format!(
        "History of {heading}: {}",
        view::plural(h.revisions.len(), "revision")
    )
}

/// The text report (the terminal format, with colour when `opts.color`).
pub fn render_text(h: &History, opts: &HistoryOptions, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}\n", title(h))?;
    out.write_all(text_table(&legend(h), 2).as_bytes())?;
    writeln!(out)?;
    let plain = |s: String| s;
    if opts.blame {
        let mut rows = vec![blame_head()];
        rows.extend(blame_rows(h, &plain));
        out.write_all(text_table(&rows, 2).as_bytes())?;
    } else {
        let mut rows = vec![head(h)];
        rows.extend(h.lineages.iter().map(|l| row(l, opts.color, &plain)));
        out.write_all(text_table(&rows, 2).as_bytes())?;
        writeln!(out, "\n{}", counts(h))?;
    }
    write_warnings_text(&h.warnings, out)
}

pub(crate) fn write_warnings_text(ws: &[Warning], out: &mut dyn Write) -> std::io::Result<()> {
    if !ws.is_empty() {
        writeln!(out)?;
    }
    for w in ws {
        writeln!(out, "warning: {}", w.message)?;
    }
    Ok(())
}

pub(crate) fn write_warnings_markdown(ws: &[Warning], out: &mut dyn Write) -> std::io::Result<()> {
    if ws.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n**Warnings**\n")?;
    for w in ws {
        writeln!(out, "- {}", escape(&w.message, false))?;
    }
    Ok(())
}

/// The Markdown report.
pub fn render_markdown(
    h: &History,
    opts: &HistoryOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "## {}\n", escape(&title(h), false))?;
    let esc = |s: String| escape(&s, false);
    let legend_rows: Vec<Vec<String>> = legend(h)
        .into_iter()
        .map(|r| {
            vec![
                r[0].clone(),
                super::view::code_span(&file_name(&r[1])),
                escape(&r[2], false),
            ]
        })
        .collect();
    out.write_all(
        markdown_table(
            &["revision", "file", "heading"].map(String::from),
            &legend_rows,
        )
        .as_bytes(),
    )?;
    writeln!(out)?;
    if opts.blame {
        out.write_all(markdown_table(&blame_head(), &blame_rows(h, &esc)).as_bytes())?;
    } else {
        let rows: Vec<Vec<String>> = h.lineages.iter().map(|l| row(l, false, &esc)).collect();
        out.write_all(markdown_table(&head(h), &rows).as_bytes())?;
        writeln!(out, "\n{}", counts(h))?;
    }
    write_warnings_markdown(&h.warnings, out)
}

/// `--blame` in JSON: the blame list without the lineage table.
#[derive(Serialize)]
struct BlameJson<'a> {
    schema_version: u32,
    revisions: &'a [Side],
    blame: &'a [Blame],
    warnings: &'a [Warning],
}

/// The JSON report (docs/json.md, "History"): pretty, followed by a newline.
pub fn render_json(h: &History, opts: &HistoryOptions, out: &mut dyn Write) -> std::io::Result<()> {
    if opts.blame {
        let b = BlameJson {
            schema_version: h.schema_version,
            revisions: &h.revisions,
            blame: &h.blame,
            warnings: &h.warnings,
        };
        serde_json::to_writer_pretty(&mut *out, &b)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, h)?;
    }
    writeln!(out)
}

/// Renders `h` in `format` (text and terminal share a layout; colour per `opts.color`).
pub fn render(
    h: &History,
    format: super::OutputFormat,
    opts: &HistoryOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    super::printable::guarded(format, out, |format, out| {
        render_unguarded(h, format, opts, out)
    })
}

fn render_unguarded(
    h: &History,
    format: super::OutputFormat,
    opts: &HistoryOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    use super::OutputFormat as F;
    match format {
        F::Terminal => render_text(h, opts, out),
        F::Text => render_text(
            h,
            &HistoryOptions {
                color: false,
                ..*opts
            },
            out,
        ),
        F::Markdown => render_markdown(h, opts, out),
        F::Json => render_json(h, opts, out),
        F::Html => super::history_html::render_html(h, opts, out),
    }
}
