//! The Markdown report, for pull requests and mail: a summary table, then one heading per change
//! (`### MOD resolves 1 → 2`) and its text with `<del>deleted</del>` and `<ins>inserted</ins>`.
//!
//! Why tags and not `~~`/`**`: word diffs cut next to punctuation (`examine, through TSAG,`)
//! where GFM's flanking rules silently drop `**`; `<del>`/`<ins>` always render on GitHub (struck,
//! underlined: ITU's own revision-mark convention) and still read plainly raw. Document text is
//! escaped so it never turns into Markdown syntax.

use std::io::Write;

use crate::report::{Report, Segment, SegmentOp, Side, Summary};

use super::view;
use super::{Detail, RenderOptions};

/// Renders the Markdown report.
pub fn render(report: &Report, opts: &RenderOptions, out: &mut dyn Write) -> std::io::Result<()> {
    let title = match (&report.old.heading, &report.new.heading) {
        (Some(o), Some(n)) if o != n => format!("{} → {}", escape(o, false), escape(n, false)),
        (_, Some(h)) | (Some(h), None) => escape(h, false),
        (None, None) => "Resolution".to_string(),
    };
    writeln!(out, "## {title}\n")?;
    write_side(out, "Old", &report.old)?;
    write_side(out, "New", &report.new)?;
    writeln!(out)?;
    write_summary(out, &report.summary)?;
    if opts.detail == Detail::Stat {
        return Ok(());
    }
    writeln!(
        out,
        "Deletions are <del>struck through</del>, insertions <ins>underlined</ins>.\n"
    )?;
    let header: Vec<_> = report
        .header
        .iter()
        .filter(|h| view::listed(h.op, opts))
        .collect();
    for h in header {
        writeln!(out, "### {} {}\n", h.op, view::header_field(&h.field))?;
        if h.inline.is_empty() {
            let text = h
                .new
                .as_ref()
                .or(h.old.as_ref())
                .cloned()
                .unwrap_or_default();
            writeln!(out, "{}\n", escape(&text, true))?;
        } else {
            writeln!(out, "{}\n", diff(&h.inline))?;
        }
    }
    for c in report
        .changes
        .iter()
        .filter(|c| view::listed_change(c, opts))
    {
        let mut heading = format!(
            "{} {}",
            view::op_mark(c),
            escape(&view::change_title(c, "→"), false)
        );
        let flags = view::flag_words(c);
        if !flags.is_empty() {
            heading.push_str(&format!(" ({})", flags.join(", ")));
        }
        writeln!(out, "### {heading}\n")?;
        writeln!(out, "{}\n", diff(&c.inline))?;
    }
    for line in view::hidden_lines(&report.changes, opts) {
        writeln!(out, "*{line}.*\n")?;
    }
    for w in &report.warnings {
        let at = w.origin.map(|o| format!(" ({o})")).unwrap_or_default();
        writeln!(out, "> **Warning:** {}{at}\n", escape(&w.message, false))?;
    }
    Ok(())
}

fn write_side(out: &mut dyn Write, which: &str, side: &Side) -> std::io::Result<()> {
    let heading = side.heading.as_deref().unwrap_or("no heading found");
    writeln!(
        out,
        "**{which}:** {} ({}): {}  ",
        escape(&view::shown_name(&side.path), false),
        side.format,
        escape(heading, false)
    )
}

fn write_summary(out: &mut dyn Write, s: &Summary) -> std::io::Result<()> {
    writeln!(
        out,
        "| MOD | ADD | SUP | NOC | editorial | renumbered | moved |"
    )?;
    writeln!(
        out,
        "|----:|----:|----:|----:|----------:|-----------:|------:|"
    )?;
    writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |\n",
        s.modified, s.add, s.sup, s.noc, s.editorial, s.renumbered, s.moved
    )
}

/// A diff as Markdown, one source line per line of the clause, joined by hard breaks.
fn diff(segs: &[Segment]) -> String {
    let mixed = !view::is_uniform(segs);
    let lines: Vec<String> = view::lines(segs)
        .into_iter()
        .map(|runs| {
            let mut line = String::new();
            for (op, text) in runs {
                let (lead, core, trail) = view::split_spaces(&text);
                let escaped = escape(core, line.is_empty() && lead.is_empty());
                match (op, mixed) {
                    (SegmentOp::Delete, true) => {
                        line.push_str(&format!("{lead}<del>{escaped}</del>{trail}"))
                    }
                    (SegmentOp::Insert, true) => {
                        line.push_str(&format!("{lead}<ins>{escaped}</ins>{trail}"))
                    }
                    _ => line.push_str(&escape(&text, line.is_empty())),
                }
            }
            line
        })
        .collect();
    lines.join("\\\n")
}

/// Escapes document text so Markdown reads it literally. `line_start`: also escape what only
/// means something at the start of a line (`#`, `-`, `+`, `1.`).
pub(crate) fn escape(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    // The end of the digits after the lead: a `.` or `)` there would read as a list number.
    let digits_end = lead
        + chars[lead..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
    for (i, &ch) in chars.iter().enumerate() {
        let first = line_start && i == lead;
        let special = matches!(
            ch,
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '|'
        ) || (first && matches!(ch, '#' | '-' | '+' | '='))
            || (ch == '&' && entity_like(&chars[i + 1..]))
            || (line_start && matches!(ch, '.' | ')') && i > lead && i <= digits_end);
        if special {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// `&amp;`, `&#38;`: what Markdown would read as an entity after an `&`.
fn entity_like(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escape as first written: the digits before a `.` or `)` re-read for each of them
    /// (quadratic on a line of digits and marks).
    fn escape_reference(text: &str, line_start: bool) -> String {
        let mut out = String::with_capacity(text.len());
        let chars: Vec<char> = text.chars().collect();
        let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
        for (i, &ch) in chars.iter().enumerate() {
            let first = line_start && i == lead;
            let special = matches!(
                ch,
                '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '|'
            ) || (first && matches!(ch, '#' | '-' | '+' | '='))
                || (ch == '&' && entity_like(&chars[i + 1..]))
                || (line_start
                    && matches!(ch, '.' | ')')
                    && i > lead
                    && chars[lead..i].iter().all(char::is_ascii_digit));
            if special {
                out.push('\\');
            }
            out.push(ch);
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn escape_agrees_with_its_first_definition(
            text in "[ 0-9.)#&a;*-]{0,24}",
            line_start: bool,
        ) {
            proptest::prop_assert_eq!(
                escape(&text, line_start),
                escape_reference(&text, line_start)
            );
        }
    }

    #[test]
    fn escapes_markdown_syntax_in_text() {
        assert_eq!(
            escape("a *b* [c](d) <x> C&I", false),
            r"a \*b\* \[c\](d) \<x\> C&I"
        );
        assert_eq!(escape("&amp; x", false), r"\&amp; x");
        assert_eq!(escape("# title", true), r"\# title");
        assert_eq!(escape("- item", true), r"\- item");
        assert_eq!(escape("12. item", true), r"12\. item");
        assert_eq!(escape("ITU-T 1. x", true), "ITU-T 1. x");
    }
}
