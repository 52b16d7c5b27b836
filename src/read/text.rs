//! Line-based readers: Markdown converted from PDF, plain text saved from Word, and outlines
//! copied from web pages (one `•` bullet per line). Each line becomes one block with the hint
//! its format gives (Markdown list level, italic phrase, heading); structure is left to
//! [`crate::parse`].

use crate::block::{Block, Blocks, Hint};
use crate::model::{Format, Origin, OriginUnit};
use crate::parse::{header, strip_wrapping_emphasis, vocab};

use super::runon;

/// Lines longer than this are checked for lost line breaks.
const RUN_ON_MIN: usize = 300;

/// `text.split('\n')`, its line ends found by `memchr` many bytes at a time (the standard
/// library's search took 4.4 M instructions on a 1 MB text, a third of reading it).
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

/// Reads a decoded text in one of the line-based formats.
pub fn read_text(text: &str, format: Format) -> Blocks {
    // A block per line: sized once (the lines counted many bytes at a time), not grown by
    // doubling, which copied the blocks read so far each time (1.3 M instructions at 1 MB).
    let mut blocks = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    for (n, raw) in split_lines(text).enumerate() {
        let line = raw.trim_end_matches(['\r', '\u{FEFF}']);
        let origin = Origin {
            unit: OriginUnit::Line,
            start: n + 1,
            end: n + 1,
        };
        if line.trim().is_empty() {
            blocks.push(Block::new("", Hint::Blank, origin));
            continue;
        }
        let pieces = if line.len() > RUN_ON_MIN {
            runon::split(line.trim())
        } else {
            None
        };
        match pieces {
            Some(pieces) => {
                for piece in pieces {
                    blocks.push(read_line(&piece, format, origin));
                }
            }
            None => {
                let mut block = read_line(line, format, origin);
                if format == Format::Markdown && continues_paragraph(&blocks, &block) {
                    block.hint = Hint::Continuation;
                }
                blocks.push(block);
            }
        }
    }
    Blocks {
        blocks,
        ..Blocks::default()
    }
}

/// In Markdown, a plain line right after a line of text (no blank line between) continues
/// the same paragraph or list item: PDF converters keep the PDF's line breaks. A line that
/// starts with a label or is a section phrase still starts a new block.
fn continues_paragraph(blocks: &[Block], block: &Block) -> bool {
    let Some(prev) = blocks.last() else {
        return false;
    };
    let prev_is_text = matches!(
        prev.hint,
        Hint::None | Hint::ListItem(_) | Hint::Continuation
    ) && prev.origin.end + 1 == block.origin.start
        && !prev.text.is_empty();
    prev_is_text
        && block.hint == Hint::None
        && crate::parse::label::read(&block.text).is_none()
        && vocab::known(&block.text).is_none()
        && !header::is_heading(&block.text)
        && !header::looks_like_history(&block.text)
        && !header::is_adopting_body(&block.text)
}

fn read_line(line: &str, format: Format, origin: Origin) -> Block {
    match format {
        Format::Markdown => markdown_line(line, origin),
        Format::Outline => outline_line(line, origin),
        _ => Block::new(line.trim_end(), Hint::None, origin),
    }
}

/// `I n t e r n a t i o n a l`: letterhead spaced out by a PDF converter.
fn spaced_out(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    words.len() >= 6
        && words.iter().filter(|w| w.chars().count() == 1).count() * 10 >= words.len() * 8
}

fn is_boilerplate(s: &str) -> bool {
    s.starts_with('©') || s.starts_with("All rights reserved")
}

/// Leading indentation in columns (a tab counts 4).
fn indent(line: &str) -> usize {
    let mut n = 0;
    for c in line.chars() {
        match c {
            ' ' => n += 1,
            '\t' => n += 4,
            _ => break,
        }
    }
    n
}

fn markdown_line(line: &str, origin: Origin) -> Block {
    let s = line.trim();
    if matches!(s, "---" | "***" | "___") || spaced_out(s) || is_boilerplate(s) {
        return Block::new(s, Hint::Skip, origin);
    }
    if s.starts_with('#') {
        let text = strip_wrapping_emphasis(s.trim_start_matches('#').trim());
        let hint = if header::is_heading(&text) {
            Hint::ResolutionNumber
        } else if text.eq_ignore_ascii_case("foreword") {
            Hint::Skip
        } else {
            Hint::None
        };
        return Block::new(text, hint, origin);
    }
    for marker in ["- ", "* ", "+ ", "-\t", "*\t"] {
        if let Some(rest) = s.strip_prefix(marker) {
            let level = indent(line) / 2 + 1;
            let level = u8::try_from(level.min(9)).unwrap_or(9);
            return Block::new(rest.trim(), Hint::ListItem(level), origin);
        }
    }
    let unwrapped = strip_wrapping_emphasis(s);
    if unwrapped.len() != s.len() {
        if unwrapped.starts_with('(') {
            return Block::new(unwrapped, Hint::None, origin);
        }
        if vocab::known(&unwrapped).is_some() || vocab::by_form(&unwrapped).is_some() {
            return Block::new(unwrapped, Hint::Call, origin);
        }
        if s.starts_with("**") {
            return Block::new(unwrapped, Hint::None, origin);
        }
    }
    Block::new(s, Hint::None, origin)
}

fn outline_line(line: &str, origin: Origin) -> Block {
    let mut s = line.trim();
    let mut depth: u8 = 0;
    while let Some(rest) = s.strip_prefix('•') {
        if !rest.starts_with([' ', '\u{a0}']) {
            break;
        }
        depth = depth.saturating_add(1);
        s = rest.trim_start();
    }
    // Every outline line is a list item, as Markdown's `- a)`: level 1 holds the clauses.
    let hint = if depth >= 1 {
        Hint::ListItem(depth)
    } else {
        Hint::None
    };
    Block::new(s, hint, origin)
}

/// Guesses the line-based format of a text: outlines have most lines starting with `• `,
/// Markdown has headings, `- ` list items or italic lines.
pub fn detect(text: &str) -> Format {
    let mut lines = 0usize;
    let mut bullets = 0usize;
    let mut markdown = 0usize;
    for line in split_lines(text).take(2000) {
        let s = line.trim();
        if s.is_empty() {
            continue;
        }
        lines += 1;
        if s.starts_with("• ") {
            bullets += 1;
        }
        if s.starts_with("# ")
            || s.starts_with("## ")
            || s.starts_with("### ")
            || s.starts_with("- ")
            || (s.starts_with('*') && s.ends_with('*') && s.len() > 2)
        {
            markdown += 1;
        }
    }
    if lines > 0 && bullets * 2 > lines {
        Format::Outline
    } else if markdown >= 3 {
        Format::Markdown
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn lines_are_split_as_split_does(s in "[a\n\ré ]{0,40}") {
            proptest::prop_assert_eq!(
                split_lines(&s).collect::<Vec<_>>(),
                s.split('\n').collect::<Vec<_>>()
            );
        }
    }

    use super::*;

    #[test]
    fn markdown_lines_get_their_hints() {
        let o = Origin::default();
        assert_eq!(markdown_line("*considering*", o).hint, Hint::Call);
        assert_eq!(markdown_line("  - for work", o).hint, Hint::ListItem(2));
        let b = markdown_line("- a) Articles 1 and 50", o);
        assert_eq!(
            (b.text.as_str(), b.hint),
            ("a) Articles 1 and 50", Hint::ListItem(1))
        );
        assert_eq!(
            markdown_line("## RESOLUTION 7 (Rev. Geneva, 2022)", o).hint,
            Hint::ResolutionNumber
        );
        assert_eq!(
            markdown_line("### **Collaboration**", o).text,
            "Collaboration"
        );
        assert_eq!(
            markdown_line("I n t e r n a t i o n a l T e l e c o m", o).hint,
            Hint::Skip
        );
        assert_eq!(markdown_line("*(Malaga, 1984)*", o).text, "(Malaga, 1984)");
    }

    #[test]
    fn markdown_lines_of_one_paragraph_are_continuations() {
        let b = read_text(
            "- a) the common interest of ISO and IEC on the one hand and\n  ITU-T on the other;\n\
             b) next;\n*noting*\nthat x,\nand y,\n",
            Format::Markdown,
        );
        let hints: Vec<Hint> = b.blocks.iter().map(|b| b.hint).collect();
        assert_eq!(
            hints,
            [
                Hint::ListItem(1),
                Hint::Continuation,
                Hint::None,
                Hint::Call,
                Hint::None,
                Hint::Continuation,
                Hint::Blank
            ]
        );
    }

    #[test]
    fn outline_bullets_give_the_depth() {
        let o = Origin::default();
        assert_eq!(outline_line("• considering", o).hint, Hint::ListItem(1));
        let b = outline_line("• • for work", o);
        assert_eq!((b.text.as_str(), b.hint), ("for work", Hint::ListItem(2)));
    }
}
