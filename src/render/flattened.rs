//! Rendering what a flattened proposal did to its base (`resdiff diff PROPOSAL --base OLD`).
//!
//! Insertions are exact (text not in the base); struck words are guesses and are labelled so.

use std::io::Write;

use serde::Serialize;

use crate::flatten::Separated;
use crate::model::Warning;

use super::markdown::escape;
use super::view::{code_span, shown_name};

/// Version of the JSON of this report.
pub const FLATTENED_SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Json<'a> {
    schema_version: u32,
    base: &'a str,
    proposal: &'a str,
    clauses: &'a [Separated],
    warnings: &'a [Warning],
}

/// How the separation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlattenedFormat {
    Text,
    Markdown,
    Json,
}

/// Writes the separation of a flattened proposal against its base.
pub fn render(
    base: &str,
    proposal: &str,
    clauses: &[Separated],
    warnings: &[Warning],
    format: FlattenedFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if format == FlattenedFormat::Json {
        let json = Json {
            schema_version: FLATTENED_SCHEMA_VERSION,
            base,
            proposal,
            clauses,
            warnings,
        };
        serde_json::to_writer_pretty(&mut *out, &json)?;
        return writeln!(out);
    }
    // Text and Markdown: the documents' control characters shown, not sent.
    let mut shown = super::printable::Printable::new(out);
    let out: &mut dyn Write = &mut shown;
    let md = format == FlattenedFormat::Markdown;
    if md {
        writeln!(
            out,
            "# What {} inserts into {}\n",
            code_span(proposal),
            code_span(base)
        )?;
    } else {
        writeln!(
            out,
            "base      {}\nproposal  {}\n",
            shown_name(base),
            shown_name(proposal)
        )?;
    }
    for c in clauses {
        let place = match &c.proposal.label {
            Some(l) => format!("{} {l}", c.proposal.section),
            None => c.proposal.section.clone(),
        };
        if md {
            writeln!(out, "## {}\n", escape(&place, false))?;
        } else {
            writeln!(out, "{place}")?;
        }
        for ins in &c.inserted {
            if md {
                writeln!(out, "- inserted: **{}**", escape(ins, false))?;
            } else {
                writeln!(out, "  inserted  {{+{ins}+}}")?;
            }
        }
        for (i, g) in c.glues.iter().enumerate() {
            let guess = c.guessed_deletions.get(i).and_then(Option::as_ref);
            // Document text in code spans: a backquote in it would end the span early.
            let code = |s: &str| if md { code_span(s) } else { format!("`{s}`") };
            let plain = |s: &str| if md { escape(s, false) } else { s.to_string() };
            let struck = guess
                .map(|s| format!("; guess: {} was struck", code(s)))
                .unwrap_or_default();
            let line = format!(
                "glue point {} ({} + {}){struck}",
                code(&g.token),
                plain(&g.left),
                plain(&g.right)
            );
            if md {
                writeln!(out, "- {line}")?;
            } else {
                writeln!(out, "  {line}")?;
            }
        }
        writeln!(out)?;
    }
    for w in warnings {
        writeln!(out, "warning: {}", w.message)?;
    }
    out.flush()
}
