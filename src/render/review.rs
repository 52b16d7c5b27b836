//! The review report: the synoptic table (one row per clause, one column per proposal, each cell
//! the op and a short diff), then conflicts, agreements, stale bases and adoption.

use std::fmt::Write as _;
use std::io::Write;

use crate::model::Op;
use crate::review::{Cell, HeadingRow, Review, Table};

use super::history::{write_warnings_markdown, write_warnings_text};
use super::html::esc;
use super::markdown::escape;
use super::table::{markdown_table, paint_op, short_diff, text_table};
use super::{view, OutputFormat};

/// Characters of diff shown per cell in text and Markdown.
const CELL_DIFF: usize = 60;

/// The name of row `i` of `table`.
fn row_name(r: &Review, table: Table, i: usize) -> String {
    match table {
        Table::Heading => heading_name(&r.heading[i]),
        Table::Clauses => clause_name(r, i),
    }
}

/// `title`, `adopting body`, `section heading considering`.
fn heading_name(h: &HeadingRow) -> String {
    let field = h.field.replace('_', " ");
    match (&h.base, h.field.as_str()) {
        (Some(b), "section_heading") => format!("{field} {}", one_line(b)),
        _ => field,
    }
}

/// White space (line ends included) as single spaces: a table cell is one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clause_name(r: &Review, i: usize) -> String {
    match &r.rows[i].base {
        Some(p) => view::place_text(p),
        None => {
            let added = r.rows[i].cells.iter().flatten().next();
            let at = added
                .and_then(|c| c.new.first())
                .map(view::place_text)
                .unwrap_or_default();
            format!("(new) {at}")
        }
    }
}

fn cell_text(c: Option<&Cell>, color: bool) -> String {
    match c {
        None => String::new(),
        Some(c) if c.op == Op::Noc => {
            format!("{}{}", paint_op("NOC", Op::Noc, color), moved_to(c))
        }
        Some(c) if c.op == Op::Mod => format!(
            "{}{} {}",
            paint_op("MOD", Op::Mod, color),
            moved_to(c),
            short_diff(&c.inline, CELL_DIFF)
        ),
        Some(c) => paint_op(c.op.as_str(), c.op, color),
    }
}

/// ` moved -> noting c)` for a clause the proposal moves, else nothing: where a clause stands
/// (considering or resolves) is part of what it says.
fn moved_to(c: &Cell) -> String {
    match c.new.first().filter(|_| c.moved) {
        Some(place) => format!(" moved -> {}", view::place_text(place)),
        None => String::new(),
    }
}

fn lists(r: &Review) -> Vec<String> {
    let p = |i: usize| format!("P{}", i + 1);
    let mut out = Vec::new();
    out.push(format!("conflicts: {}", r.conflicts.len()));
    for c in &r.conflicts {
        out.push(format!(
            "  {}: {} and {} change `{}`: `{}` vs `{}`",
            row_name(r, c.table, c.row),
            p(c.proposals[0]),
            p(c.proposals[1]),
            c.base_words,
            c.results[0],
            c.results[1]
        ));
    }
    out.push(format!("agreements: {}", r.agreements.len()));
    for a in &r.agreements {
        let who: Vec<String> = a.proposals.iter().map(|&i| p(i)).collect();
        out.push(format!(
            "  {}: {} {}",
            row_name(r, a.table, a.row),
            who.join(" = "),
            a.op
        ));
    }
    out.push(format!("stale base: {}", r.stale.len()));
    for s in &r.stale {
        let at = s.base.as_ref().map(view::place_text).unwrap_or_default();
        out.push(format!(
            "  {} was written against another text at {}: {}",
            p(s.proposal),
            at,
            short_diff(&s.inline, 120)
        ));
    }
    if r.outcome.is_some() {
        out.push("adoption:".into());
        for (i, info) in r.proposals.iter().enumerate() {
            // The judged changes: those of clauses (the heading's are not judged).
            let judged = r.adoption.iter().filter(|a| a.proposal == i).count();
            out.push(format!(
                "  {}: {:.0}% of {} changes adopted",
                info.name,
                info.adoption_rate.unwrap_or(0.0) * 100.0,
                judged
            ));
        }
        for a in &r.adoption {
            out.push(format!(
                "  {} {} {}: {} (inserted words kept {}/{}, deleted words dropped {}/{})",
                p(a.proposal),
                a.op,
                row_name(r, Table::Clauses, a.row),
                a.verdict.as_str(),
                a.inserted_kept,
                a.inserted,
                a.deleted_kept,
                a.deleted
            ));
        }
    }
    out
}

fn table(r: &Review, color: bool) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head = vec!["clause".to_string()];
    head.extend(r.proposals.iter().map(|p| p.name.clone()));
    let heading = r.heading.iter().map(|h| {
        let mut row = vec![heading_name(h)];
        row.extend(h.cells.iter().map(|c| one_line(&cell_text(Some(c), color))));
        row
    });
    let clauses = (0..r.rows.len()).map(|i| {
        let mut row = vec![clause_name(r, i)];
        row.extend(r.rows[i].cells.iter().map(|c| cell_text(c.as_ref(), color)));
        row
    });
    (head, heading.chain(clauses).collect())
}

/// Renders the review in `format` (`color` for the terminal).
pub fn render(
    r: &Review,
    format: OutputFormat,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    super::printable::guarded(format, out, |format, out| {
        render_unguarded(r, format, color, out)
    })
}

fn render_unguarded(
    r: &Review,
    format: OutputFormat,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        OutputFormat::Terminal | OutputFormat::Text => {
            let color = color && format == OutputFormat::Terminal;
            writeln!(out, "base  {}", view::shown_name(&r.base.path))?;
            for p in &r.proposals {
                writeln!(out, "{:<4}  {}", p.name, view::shown_name(&p.side.path))?;
            }
            if let Some(o) = &r.outcome {
                writeln!(out, "final {}", view::shown_name(&o.path))?;
            }
            writeln!(out)?;
            let (head, rows) = table(r, color);
            let mut all = vec![head];
            all.extend(rows);
            out.write_all(text_table(&all, 2).as_bytes())?;
            writeln!(out)?;
            for l in lists(r) {
                writeln!(out, "{l}")?;
            }
            write_warnings_text(&r.warnings, out)
        }
        OutputFormat::Markdown => {
            writeln!(out, "## Review of {}\n", view::code_span(&r.base.path))?;
            for p in &r.proposals {
                writeln!(out, "- {}: {}", p.name, view::code_span(&p.side.path))?;
            }
            if let Some(o) = &r.outcome {
                writeln!(out, "- final: {}", view::code_span(&o.path))?;
            }
            writeln!(out)?;
            let (head, rows) = table(r, false);
            let rows: Vec<Vec<String>> = rows
                .into_iter()
                .map(|row| row.iter().map(|c| escape(c, false)).collect())
                .collect();
            out.write_all(markdown_table(&head, &rows).as_bytes())?;
            writeln!(out)?;
            for l in lists(r) {
                match l.strip_prefix("  ") {
                    Some(item) => writeln!(out, "- {}", escape(item, false))?,
                    None => writeln!(out, "\n**{}**\n", escape(&l, false))?,
                }
            }
            write_warnings_markdown(&r.warnings, out)
        }
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, r)?;
            writeln!(out)
        }
        OutputFormat::Html => html(r, out),
    }
}

fn html(r: &Review, out: &mut dyn Write) -> std::io::Result<()> {
    let mut p = String::new();
    let _ = write!(
        p,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>resdiff review: {0}</title>\n<style>body{{font:15px/1.45 system-ui,sans-serif;margin:1.5rem 2rem}}\
         table{{border-collapse:collapse}}th,td{{border:1px solid #d8dde4;padding:.2rem .5rem;text-align:left;vertical-align:top}}\
         del{{color:#9e1b1b}}ins{{color:#12602d}}.MOD{{color:#8a5300}}.ADD{{color:#12602d}}.SUP{{color:#9e1b1b}}.NOC{{color:#5b6775}}</style>\n\
         </head>\n<body>\n<h1>Review of {0}</h1>\n<table>\n<thead><tr><th>clause</th>",
        esc(&r.base.path)
    );
    for info in &r.proposals {
        let _ = write!(
            p,
            "<th title=\"{}\">{}</th>",
            esc(&info.side.path),
            esc(&info.name)
        );
    }
    p.push_str("</tr></thead>\n<tbody>\n");
    let heading = r
        .heading
        .iter()
        .map(|h| (heading_name(h), h.cells.iter().map(Some).collect()));
    let clauses = (0..r.rows.len()).map(|i| {
        (
            clause_name(r, i),
            r.rows[i].cells.iter().map(Option::as_ref).collect(),
        )
    });
    for (name, cells) in heading.chain(clauses) {
        let cells: Vec<Option<&Cell>> = cells;
        let _ = write!(p, "<tr><td>{}</td>", esc(&name));
        for c in cells {
            match c {
                None => p.push_str("<td></td>"),
                Some(c) => html_cell(&mut p, c),
            }
        }
        p.push_str("</tr>\n");
    }
    p.push_str("</tbody>\n</table>\n<ul>\n");
    for l in lists(r) {
        let _ = writeln!(p, "<li>{}</li>", esc(l.trim()));
    }
    for w in &r.warnings {
        let _ = writeln!(p, "<li>warning: {}</li>", esc(&w.message));
    }
    p.push_str("</ul>\n</body>\n</html>\n");
    out.write_all(p.as_bytes())
}

/// One cell of the HTML table: the op, where the clause moved, and a MOD's word diff.
fn html_cell(p: &mut String, c: &Cell) {
    let _ = write!(p, "<td><b class=\"{0}\">{0}</b>", c.op);
    p.push_str(&esc(&moved_to(c)));
    if c.op == Op::Mod {
        p.push_str("<br>");
        for (s, text) in c.inline.iter().zip(view::inline_texts(&c.inline)) {
            let t = esc(&text);
            match s.op {
                crate::report::SegmentOp::Delete => {
                    let _ = write!(p, "<del>{t}</del>");
                }
                crate::report::SegmentOp::Insert => {
                    let _ = write!(p, "<ins>{t}</ins>");
                }
                crate::report::SegmentOp::Equal => p.push_str(&t),
            }
        }
    }
    p.push_str("</td>");
}
