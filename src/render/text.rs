//! The plain text report, and the layout the terminal format shares with it.
//!
//! One block per change, headed by its op and place (`MOD  resolves 1 -> 2`), its text indented
//! below; a changed word shows as `[-deleted-]{+inserted+}`, as `git diff --word-diff` does.

use std::io::Write;

use crate::model::Op;
use crate::report::{Change, Report, Segment, SegmentOp, Side};
use crate::threads::{map_spread, Spread};

use super::view;
use super::{Detail, RenderOptions};

/// How the shared layout marks things: plain markers here, ANSI colour in the terminal format.
pub(crate) trait Paint: Sync {
    /// The op column (`MOD`, `(MOD)`).
    fn op(&self, mark: &str, op: Op) -> String;
    /// One run of a diff; `mixed` is false when the whole text is one op (an ADD, a SUP).
    fn segment(&self, op: SegmentOp, text: &str, mixed: bool) -> String;
    /// Secondary information (flags, counts, file names).
    fn dim(&self, text: &str) -> String;
    fn warning(&self, text: &str) -> String;
}

/// Plain text: `[-...-]` and `{+...+}` markers, nothing else.
pub(crate) struct Plain;

impl Paint for Plain {
    fn op(&self, mark: &str, _: Op) -> String {
        mark.to_string()
    }
    fn segment(&self, op: SegmentOp, text: &str, mixed: bool) -> String {
        let (lead, core, trail) = view::split_spaces(text);
        match (op, mixed) {
            (SegmentOp::Delete, true) => format!("{lead}[-{core}-]{trail}"),
            (SegmentOp::Insert, true) => format!("{lead}{{+{core}+}}{trail}"),
            _ => text.to_string(),
        }
    }
    fn dim(&self, text: &str) -> String {
        text.to_string()
    }
    fn warning(&self, text: &str) -> String {
        text.to_string()
    }
}

/// Renders the plain text report.
pub fn render(report: &Report, opts: &RenderOptions, out: &mut dyn Write) -> std::io::Result<()> {
    write_report(report, opts, &Plain, out)
}

const INDENT: &str = "     ";

/// The layout shared by the text and terminal formats.
pub(crate) fn write_report(
    report: &Report,
    opts: &RenderOptions,
    paint: &dyn Paint,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if opts.detail == Detail::Stat {
        let summary = view::summary_line(&report.summary);
        return writeln!(out, "{summary}{}", view::header_note(&report.header));
    }
    write_side(out, paint, "old", &report.old)?;
    write_side(out, paint, "new", &report.new)?;
    for h in report.header.iter().filter(|h| view::listed(h.op, opts)) {
        writeln!(out)?;
        let mark = op_column(paint, h.op.as_str(), h.op);
        writeln!(out, "{mark}{}", view::header_field(&h.field))?;
        if h.inline.is_empty() {
            let text = h
                .new
                .as_ref()
                .or(h.old.as_ref())
                .cloned()
                .unwrap_or_default();
            writeln!(out, "{INDENT}{text}")?;
        } else {
            write_segments(out, paint, &h.inline)?;
        }
    }
    let listed: Vec<&Change> = report
        .changes
        .iter()
        .filter(|c| view::listed_change(c, opts))
        .collect();
    // A long report's blocks are laid out on two threads (or more), then written in order.
    let spread = match listed.len() {
        n if n >= BLOCKS_ON_CORES_FROM => Spread::Cores,
        n if n >= BLOCKS_ON_TWO_FROM => Spread::Two,
        _ => Spread::Here,
    };
    let blocks = map_spread(&listed, spread, |c| change_block(paint, c));
    for block in blocks {
        out.write_all(&block?)?;
    }
    let hidden = view::hidden_lines(&report.changes, opts);
    if !hidden.is_empty() {
        writeln!(out)?;
    }
    for line in hidden {
        writeln!(out, "{}", paint.dim(&line))?;
    }
    if !report.warnings.is_empty() {
        writeln!(out)?;
    }
    for w in &report.warnings {
        let at = w.origin.map(|o| format!(" ({o})")).unwrap_or_default();
        writeln!(
            out,
            "{}",
            paint.warning(&format!("warning: {}{at}", w.message))
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", view::summary_line(&report.summary))
}

/// From this many listed changes, their blocks are laid out on two threads; from the second
/// number, on every core. Below, a block takes microseconds: a second thread would cost more.
const BLOCKS_ON_TWO_FROM: usize = 256;
const BLOCKS_ON_CORES_FROM: usize = 4096;

/// The lines of one change: a blank line, its title, its text.
fn change_block(paint: &dyn Paint, c: &Change) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    writeln!(out)?;
    let mark = op_column(paint, &view::op_mark(c), c.op);
    let mut title = format!("{mark}{}", view::change_title(c, "->"));
    let flags = view::flag_words(c);
    if !flags.is_empty() {
        title.push(' ');
        title.push_str(&paint.dim(&format!("({})", flags.join(", "))));
    }
    writeln!(out, "{title}")?;
    write_segments(&mut out, paint, &c.inline)?;
    Ok(out)
}

/// The op padded to the text column (`MOD  `, `(MOD) `), padding outside any colour.
fn op_column(paint: &dyn Paint, mark: &str, op: Op) -> String {
    let pad = INDENT.len().saturating_sub(mark.len()).max(1);
    format!("{}{}", paint.op(mark, op), " ".repeat(pad))
}

fn write_side(
    out: &mut dyn Write,
    paint: &dyn Paint,
    which: &str,
    side: &Side,
) -> std::io::Result<()> {
    let mut info = format!("{} ({})", view::shown_name(&side.path), side.format);
    if let Some(v) = &side.view {
        info.push_str(&format!(" [{v}]"));
    }
    let heading = side.heading.as_deref().unwrap_or("no heading found");
    writeln!(out, "{which}  {}  {heading}", paint.dim(&info))
}

fn write_segments(out: &mut dyn Write, paint: &dyn Paint, segs: &[Segment]) -> std::io::Result<()> {
    let mixed = !view::is_uniform(segs);
    for line in view::lines(segs) {
        let mut s = String::from(INDENT);
        for (op, text) in line {
            s.push_str(&paint.segment(op, &text, mixed));
        }
        writeln!(out, "{}", s.trim_end())?;
    }
    Ok(())
}
