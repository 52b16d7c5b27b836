//! The text form of `resdiff parse`: what the parser understood, one line per unit, so a user
//! can check a resolution was read right before trusting a diff of it.

use std::fmt::Write;

use crate::model::{Clause, Division, DivisionKind, Origin, Resolution};

/// Characters of clause text shown per line.
const WIDTH: usize = 60;

fn cut(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out: String = flat.chars().take(WIDTH).collect();
    if out.len() < flat.len() {
        out.push('…');
    }
    out
}

fn kind_name(k: DivisionKind) -> &'static str {
    match k {
        DivisionKind::Preambular => "preambular",
        DivisionKind::Operative => "operative",
        DivisionKind::Part => "part",
        DivisionKind::Heading => "heading",
        DivisionKind::Annex => "annex",
        DivisionKind::Appendix => "appendix",
    }
}

/// Renders the outline of a parsed resolution.
pub fn outline(res: &Resolution) -> String {
    let mut out = String::new();
    header(&mut out, res);
    for d in &res.divisions {
        division(&mut out, d, 0);
    }
    if !res.footnotes.is_empty() {
        out.push_str("\nfootnotes:\n");
        for f in &res.footnotes {
            let _ = writeln!(out, "  {}  {}", f.mark, cut(&f.text.shown));
        }
    }
    if !res.warnings.is_empty() {
        out.push_str("\nwarnings:\n");
        for w in &res.warnings {
            let at = w.origin.map(|o| format!(" ({o})")).unwrap_or_default();
            let kind = serde_json::to_value(w.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = writeln!(out, "  {kind}{at}: {}", w.message);
        }
    }
    out
}

fn field(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(out, "{:<12}{value}", format!("{name}:"));
}

fn header(out: &mut String, res: &Resolution) {
    let h = &res.header;
    field(
        out,
        "source",
        &format!("{} ({})", res.source.path, res.source.format.as_str()),
    );
    if let Some(t) = &h.heading {
        field(out, "heading", &t.shown);
    }
    if let Some(b) = h.body {
        let b = serde_json::to_value(b)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        field(out, "body", &b);
    }
    if let Some(n) = &h.number {
        field(out, "number", n);
    }
    if let Some(t) = &h.title {
        field(out, "title", &t.shown);
    }
    if let Some(r) = &h.revision {
        let read = match (&r.place, r.year) {
            (Some(p), Some(y)) => format!("{p}, {y}"),
            _ => "place and year not read".into(),
        };
        field(out, "revision", &format!("{} ({read})", r.raw));
    }
    if !h.history.is_empty() {
        let list: Vec<String> = h
            .history
            .iter()
            .map(|a| match a.year {
                Some(y) => format!("{} {y}", a.place),
                None => a.place.clone(),
            })
            .collect();
        field(out, "history", &list.join("; "));
    }
    if let Some(t) = &h.adopting_body {
        field(out, "adopted by", &t.shown);
    }
    for m in &h.marks {
        let mut s = String::new();
        if m.editorial {
            let _ = write!(s, "({})", m.op);
        } else {
            let _ = write!(s, "{}", m.op);
        }
        if m.transferred {
            s.push('*');
        }
        if let Some(r) = &m.reference {
            let _ = write!(s, " {r}");
        }
        let _ = write!(s, " ({})", m.origin);
        if let Some(r) = &m.reasons {
            let _ = write!(s, " reasons: {}", cut(r));
        }
        field(out, "mark", &s);
    }
}

fn origin(o: Origin) -> String {
    o.to_string()
}

fn division(out: &mut String, d: &Division, depth: usize) {
    let pad = "  ".repeat(depth);
    let mut line = format!("\n{pad}{}", d.heading.shown);
    if let Some(t) = &d.title {
        let _ = write!(line, " — {}", t.shown);
    }
    let _ = writeln!(out, "{line}  [{}, {}]", kind_name(d.kind), origin(d.origin));
    for c in &d.clauses {
        clause(out, c, depth + 1);
    }
    for child in &d.children {
        division(out, child, depth + 1);
    }
}

fn clause(out: &mut String, c: &Clause, depth: usize) {
    let pad = "  ".repeat(depth);
    let label = c.label.as_ref().map(|l| l.raw.as_str()).unwrap_or("·");
    let refs = if c.footnote_refs.is_empty() {
        String::new()
    } else {
        format!(" [notes {}]", c.footnote_refs.join(","))
    };
    let _ = writeln!(out, "{pad}{label:<6} {}{refs}", cut(&c.text.shown));
    for i in &c.items {
        clause(out, i, depth + 2);
    }
}
