//! The collection report: one row per resolution (op and clause counts), the skipped files with
//! their reasons, and with `--details` each changed resolution's clause-level report.

use std::fmt::Write as _;
use std::io::Write;

use crate::collection::{CollectionReport, Entry, SkipKind, Skipped};
use crate::model::Op;

use super::html::esc;
use super::markdown::escape;
use super::table::{markdown_table, paint_op, text_table};
use super::{OutputFormat, RenderOptions};

/// What to print.
#[derive(Debug, Clone, Default)]
pub struct CollectionRenderOptions {
    /// `--details`: the clause-level report of every changed resolution.
    pub details: bool,
    /// Colour (terminal), already resolved by the caller.
    pub color: bool,
}

fn name(e: &Entry) -> String {
    let body = e
        .body
        .map(|b| format!("{b:?}").to_uppercase())
        .unwrap_or_else(|| "?".into());
    format!("{body} {}", e.number)
}

fn counts(e: &Entry) -> String {
    let s = &e.changes;
    format!(
        "MOD {}  ADD {}  SUP {}  NOC {}",
        s.modified, s.add, s.sup, s.noc
    )
}

fn files(e: &Entry) -> (String, String) {
    let f = |r: &Option<crate::collection::FileRef>| {
        r.as_ref()
            .map(|r| super::view::shown_name(&r.path).into_owned())
            .unwrap_or_default()
    };
    (f(&e.old), f(&e.new))
}

fn summary(r: &CollectionReport) -> String {
    let s = &r.summary;
    format!(
        "resolutions: MOD {}  ADD {}  SUP {}  NOC {}; skipped files: {}",
        s.modified, s.add, s.sup, s.noc, s.skipped
    )
}

/// The skipped files in two lists, each with its heading: those that could not be read first
/// (trouble: their resolutions may be missing from the table), then those that are no
/// resolution. Empty lists are left out.
fn skipped_lists(r: &CollectionReport) -> Vec<(&'static str, Vec<&Skipped>)> {
    let (unreadable, others): (Vec<&Skipped>, Vec<&Skipped>) = r
        .skipped
        .iter()
        .partition(|s| s.kind == SkipKind::Unreadable);
    [("could not read", unreadable), ("not a resolution", others)]
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .collect()
}

/// Renders the report in `format`.
pub fn render(
    r: &CollectionReport,
    format: OutputFormat,
    opts: &CollectionRenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    super::printable::guarded(format, out, |format, out| {
        render_unguarded(r, format, opts, out)
    })
}

fn render_unguarded(
    r: &CollectionReport,
    format: OutputFormat,
    opts: &CollectionRenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Terminal => text(r, opts, opts.color, format, out),
        OutputFormat::Text => text(r, opts, false, format, out),
        OutputFormat::Markdown => markdown(r, opts, out),
        OutputFormat::Json => json(r, opts, out),
        OutputFormat::Html => html(r, opts, out),
    }
}

fn details(
    r: &CollectionReport,
    format: OutputFormat,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let opts = RenderOptions {
        format,
        color: if color {
            super::ColorChoice::Always
        } else {
            super::ColorChoice::Never
        },
        ..Default::default()
    };
    for e in r.resolutions.iter().filter(|e| e.op == Op::Mod) {
        if let Some(rep) = &e.report {
            writeln!(out)?;
            super::render(rep, &opts, out)?;
        }
    }
    Ok(())
}

fn text(
    r: &CollectionReport,
    opts: &CollectionRenderOptions,
    color: bool,
    format: OutputFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "old  {}\nnew  {}\n",
        super::view::shown_name(&r.old_dir),
        super::view::shown_name(&r.new_dir)
    )?;
    let mut rows = vec![["op", "resolution", "clauses", "old file", "new file"]
        .map(String::from)
        .to_vec()];
    for e in &r.resolutions {
        let (o, n) = files(e);
        rows.push(vec![
            paint_op(e.op.as_str(), e.op, color),
            name(e),
            counts(e),
            o,
            n,
        ]);
    }
    out.write_all(text_table(&rows, 2).as_bytes())?;
    for (what, list) in skipped_lists(r) {
        writeln!(out, "\nskipped ({what}):")?;
        for s in list {
            writeln!(
                out,
                "  {}  {}: {}",
                s.side,
                super::view::shown_name(&s.path),
                s.reason
            )?;
        }
    }
    writeln!(out, "\n{}", summary(r))?;
    if opts.details {
        details(r, format, color, out)?;
    }
    Ok(())
}

fn markdown(
    r: &CollectionReport,
    opts: &CollectionRenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(
        out,
        "## Collections {} → {}\n",
        super::view::code_span(&r.old_dir),
        super::view::code_span(&r.new_dir)
    )?;
    let rows: Vec<Vec<String>> = r
        .resolutions
        .iter()
        .map(|e| {
            let (o, n) = files(e);
            vec![
                e.op.to_string(),
                escape(&name(e), false),
                counts(e),
                escape(&o, false),
                escape(&n, false),
            ]
        })
        .collect();
    let head = ["op", "resolution", "clauses", "old file", "new file"].map(String::from);
    out.write_all(markdown_table(&head, &rows).as_bytes())?;
    for (what, list) in skipped_lists(r) {
        writeln!(out, "\n**Skipped** ({what})\n")?;
        for s in list {
            writeln!(
                out,
                "- {} {}: {}",
                s.side,
                super::view::code_span(&s.path),
                escape(&s.reason, false)
            )?;
        }
    }
    writeln!(out, "\n{}", summary(r))?;
    if opts.details {
        details(r, OutputFormat::Markdown, false, out)?;
    }
    Ok(())
}

/// JSON (docs/json.md, "Collections"): the clause-level reports only with `--details`.
fn json(
    r: &CollectionReport,
    opts: &CollectionRenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if opts.details {
        serde_json::to_writer_pretty(&mut *out, r)?;
    } else {
        let mut lean = r.clone();
        lean.resolutions.iter_mut().for_each(|e| e.report = None);
        serde_json::to_writer_pretty(&mut *out, &lean)?;
    }
    writeln!(out)
}

fn html(
    r: &CollectionReport,
    opts: &CollectionRenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut p = String::new();
    let _ = write!(
        p,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>resdiff: {0} → {1}</title>\n<style>body{{font:15px/1.45 system-ui,sans-serif;margin:1.5rem 2rem}}\
         table{{border-collapse:collapse}}th,td{{border:1px solid #d8dde4;padding:.2rem .5rem;text-align:left}}\
         .MOD{{color:#8a5300}}.ADD{{color:#12602d}}.SUP{{color:#9e1b1b}}.NOC{{color:#5b6775}}</style>\n</head>\n<body>\n\
         <h1>{0} → {1}</h1>\n<table>\n<thead><tr><th>op</th><th>resolution</th><th>clauses</th><th>old file</th><th>new file</th></tr></thead>\n<tbody>\n",
        esc(&r.old_dir),
        esc(&r.new_dir)
    );
    for e in &r.resolutions {
        let (o, n) = files(e);
        let _ = writeln!(
            p,
            "<tr><td class=\"{0}\">{0}</td><td>{1}</td><td>{2}</td><td>{3}</td><td>{4}</td></tr>",
            e.op,
            esc(&name(e)),
            esc(&counts(e)),
            esc(&o),
            esc(&n)
        );
    }
    p.push_str("</tbody>\n</table>\n");
    for (what, list) in skipped_lists(r) {
        let _ = writeln!(p, "<h2>Skipped ({what})</h2>\n<ul>");
        for s in list {
            let _ = writeln!(
                p,
                "<li>{} <code>{}</code>: {}</li>",
                s.side,
                esc(&s.path),
                esc(&s.reason)
            );
        }
        p.push_str("</ul>\n");
    }
    let _ = writeln!(p, "<p>{}</p>", esc(&summary(r)));
    if opts.details {
        let text_opts = RenderOptions {
            format: OutputFormat::Text,
            ..Default::default()
        };
        for e in r.resolutions.iter().filter(|e| e.op == Op::Mod) {
            if let Some(rep) = &e.report {
                let _ = writeln!(
                    p,
                    "<details><summary>{}</summary><pre>{}</pre></details>",
                    esc(&name(e)),
                    esc(&super::render_to_string(rep, &text_opts))
                );
            }
        }
    }
    p.push_str("</body>\n</html>\n");
    out.write_all(p.as_bytes())
}
