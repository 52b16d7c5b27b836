//! The history report as one self-contained HTML page: the lineage table, then the diff of
//! every step. Each cell links to its clause in the step that produced it (the first column to
//! the first step), under the diff report's own anchor (`#resolves-7`) prefixed with the step
//! (`#s2-resolves-7`), so the ids follow the HTML diff page of the same pair.

use std::fmt::Write as _;
use std::io::Write;

use crate::history::History;
use crate::model::Op;
use crate::report::{Report, SegmentOp};

use super::history::{cell_text, rev_name, step_text, HistoryOptions};
use super::html::esc;
use super::view::{self, Anchors};

const CSS: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem 2rem;color:#1c2630}\
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d8dde4;padding:.2rem .5rem;\
text-align:left;vertical-align:top}th{background:#eceff3}td.op{font:700 .75rem system-ui;\
white-space:nowrap}.MOD{color:#8a5300}.ADD{color:#12602d}.SUP{color:#9e1b1b}.NOC{color:#5b6775}\
del{color:#9e1b1b}ins{color:#12602d}article{border-left:4px solid #d8dde4;padding:.2rem .8rem;\
margin:.5rem 0}article:target{background:#fff8d6}h3{font-size:1rem;margin:.2rem 0}";

/// The anchor ids of a step's changes, as the HTML diff report gives them.
fn step_ids(rep: &Report) -> Vec<String> {
    let mut anchors = Anchors::default();
    rep.changes.iter().map(|c| anchors.of_change(c)).collect()
}

/// The page.
pub fn render_html(h: &History, opts: &HistoryOptions, out: &mut dyn Write) -> std::io::Result<()> {
    let ids: Vec<Vec<String>> = h.steps.iter().map(step_ids).collect();
    // For revision r and clause u: the link target `s{step}-{id}`.
    let link = |r: usize, u: usize| -> Option<String> {
        let (step, new_side) = if r > 0 { (r - 1, true) } else { (0, false) };
        let rep = h.steps.get(step)?;
        let k = rep.changes.iter().position(|c| {
            if new_side {
                c.new_units.contains(&u)
            } else {
                c.old_units.contains(&u)
            }
        })?;
        Some(format!("s{}-{}", step + 1, ids[step][k]))
    };
    let title = h
        .revisions
        .last()
        .and_then(|s| s.heading.clone())
        .unwrap_or_else(|| "Resolution".into());
    let mut p = String::new();
    let _ = write!(
        p,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>resdiff history: {0}</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <h1>History of {0}</h1>\n<ol class=\"revisions\">\n",
        esc(&title)
    );
    for (i, s) in h.revisions.iter().enumerate() {
        let _ = writeln!(
            p,
            "<li><b>{}</b> <code>{}</code> {}</li>",
            rev_name(i),
            esc(&s.path),
            esc(s.heading.as_deref().unwrap_or_default())
        );
    }
    p.push_str("</ol>\n<table class=\"history\">\n<thead><tr>");
    if opts.blame {
        p.push_str(
            "<th>clause</th><th>first appeared</th><th>last changed</th></tr></thead>\n<tbody>\n",
        );
        let last = h.revisions.len().saturating_sub(1);
        for (u, b) in h.blame.iter().enumerate() {
            let cell = view::place_text(&b.place);
            let target = link(last, u).unwrap_or_default();
            let _ = writeln!(
                p,
                "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                esc(&target),
                esc(&cell),
                rev_name(b.first_seen),
                rev_name(b.last_changed)
            );
        }
    } else {
        for i in 0..h.revisions.len() {
            if i > 0 {
                let _ = write!(p, "<th>{}→{}</th>", rev_name(i - 1), rev_name(i));
            }
            let _ = write!(p, "<th>{}</th>", rev_name(i));
        }
        p.push_str("</tr></thead>\n<tbody>\n");
        for l in &h.lineages {
            p.push_str("<tr>");
            for (r, cell) in l.cells.iter().enumerate() {
                if r > 0 {
                    let (t, op) = step_text(&l.steps[r - 1]);
                    let _ = write!(p, "<td class=\"op {op}\">{}</td>", esc(&t));
                }
                let text = cell_text(cell);
                match l.units[r].first().and_then(|&u| link(r, u)) {
                    Some(t) if !text.is_empty() => {
                        let _ = write!(p, "<td><a href=\"#{}\">{}</a></td>", esc(&t), esc(&text));
                    }
                    _ => {
                        let _ = write!(p, "<td>{}</td>", esc(&text));
                    }
                }
            }
            p.push_str("</tr>\n");
        }
    }
    p.push_str("</tbody>\n</table>\n");
    for (i, rep) in h.steps.iter().enumerate() {
        step(&mut p, i, rep, &ids[i]);
    }
    if !h.warnings.is_empty() {
        p.push_str("<h2>Warnings</h2>\n<ul>\n");
        for w in &h.warnings {
            let _ = writeln!(p, "<li>{}</li>", esc(&w.message));
        }
        p.push_str("</ul>\n");
    }
    p.push_str("</body>\n</html>\n");
    out.write_all(p.as_bytes())
}

/// One step's diff: every change with its inline diff, under its prefixed anchor.
fn step(p: &mut String, i: usize, rep: &Report, ids: &[String]) {
    let _ = writeln!(
        p,
        "<section id=\"step-{}\">\n<h2>{} → {}</h2>",
        i + 1,
        rev_name(i),
        rev_name(i + 1)
    );
    for (c, id) in rep.changes.iter().zip(ids) {
        let _ = write!(
            p,
            "<article id=\"s{}-{}\" class=\"{}\"><h3><span class=\"{}\">{}</span> {}</h3><p>",
            i + 1,
            id,
            c.op,
            c.op,
            esc(&view::op_mark(c)),
            esc(&view::change_title(c, "→"))
        );
        let mixed = c.op == Op::Mod;
        for (s, text) in c.inline.iter().zip(view::inline_texts(&c.inline)) {
            let t = esc(&text).replace('\n', "<br>");
            match (s.op, mixed) {
                (SegmentOp::Delete, true) => {
                    let _ = write!(p, "<del>{t}</del>");
                }
                (SegmentOp::Insert, true) => {
                    let _ = write!(p, "<ins>{t}</ins>");
                }
                _ => p.push_str(&t),
            }
        }
        p.push_str("</p></article>\n");
    }
    p.push_str("</section>\n");
}
