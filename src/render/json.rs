//! The JSON report: the [`Report`] serialized as documented in docs/json.md, fields in the order
//! the structs declare them, `schema_version` first.

use std::io::Write;

use serde::Serialize;

use crate::report::{Report, Side, Summary};

use super::{view, Detail, RenderOptions};

/// `--stat`: the report without header, changes and warnings.
#[derive(Serialize)]
struct Stat<'a> {
    schema_version: u32,
    old: &'a Side,
    new: &'a Side,
    summary: &'a Summary,
}

/// Renders pretty JSON followed by a newline. `--only` filters `header` and `changes`;
/// `summary` always counts everything.
pub fn render(report: &Report, opts: &RenderOptions, out: &mut dyn Write) -> std::io::Result<()> {
    if opts.detail == Detail::Stat {
        let stat = Stat {
            schema_version: report.schema_version,
            old: &report.old,
            new: &report.new,
            summary: &report.summary,
        };
        serde_json::to_writer_pretty(&mut *out, &stat)?;
    } else if opts.only.is_some() {
        let mut filtered = report.clone();
        filtered.header.retain(|h| view::listed(h.op, opts));
        filtered.changes.retain(|c| view::listed_change(c, opts));
        serde_json::to_writer_pretty(&mut *out, &filtered)?;
    } else {
        serde_json::to_writer_pretty(&mut *out, report)?;
    }
    writeln!(out)
}
