//! The terminal report: the text layout with ANSI colour. Deletions are red and struck through,
//! insertions green and underlined, so the marks survive a colour-blind reader or a mono palette.
//! Without colour it is exactly the text format.

use std::io::Write;

use colored::Color;

use crate::model::Op;
use crate::report::{Report, SegmentOp};

use super::text::{self, Paint, Plain};
use super::{view, RenderOptions};

/// SGR attribute codes; colours come from `colored`. Built here rather than through
/// `colored`'s global switch so the decision stays with the caller (`color`).
const UNDERLINE: &str = "4";
const STRIKE: &str = "9";
const BOLD: &str = "1";
const DIM: &str = "2";

fn sgr(text: &str, attrs: &[&str], color: Option<Color>) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut codes: Vec<String> = attrs.iter().map(|a| a.to_string()).collect();
    if let Some(c) = color {
        codes.push(c.to_fg_str().into_owned());
    }
    format!("\x1b[{}m{text}\x1b[0m", codes.join(";"))
}

struct Ansi;

impl Paint for Ansi {
    fn op(&self, mark: &str, op: Op) -> String {
        let color = match op {
            Op::Mod => Color::Yellow,
            Op::Add => Color::Green,
            Op::Sup => Color::Red,
            Op::Noc => Color::BrightBlack,
        };
        sgr(mark, &[BOLD], Some(color))
    }
    fn segment(&self, op: SegmentOp, text: &str, mixed: bool) -> String {
        let (lead, core, trail) = view::split_spaces(text);
        match (op, mixed) {
            (SegmentOp::Delete, true) => {
                format!("{lead}{}{trail}", sgr(core, &[STRIKE], Some(Color::Red)))
            }
            (SegmentOp::Insert, true) => {
                format!(
                    "{lead}{}{trail}",
                    sgr(core, &[UNDERLINE], Some(Color::Green))
                )
            }
            (SegmentOp::Delete, false) => sgr(text, &[], Some(Color::Red)),
            (SegmentOp::Insert, false) => sgr(text, &[], Some(Color::Green)),
            (SegmentOp::Equal, _) => text.to_string(),
        }
    }
    fn dim(&self, text: &str) -> String {
        sgr(text, &[DIM], None)
    }
    fn warning(&self, text: &str) -> String {
        sgr(text, &[], Some(Color::Yellow))
    }
}

/// Renders for a terminal; `color` is the caller's resolved decision
/// ([`super::ColorChoice::resolve`]).
pub fn render(
    report: &Report,
    opts: &RenderOptions,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if color {
        text::write_report(report, opts, &Ansi, out)
    } else {
        text::write_report(report, opts, &Plain, out)
    }
}
