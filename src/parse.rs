//! Structure: blocks to a [`Resolution`], one set of rules for every input format.
//!
//! The readers only split the input into blocks and pass on what their format says for free
//! ([`Hint`]s); every structural decision is taken here, so Markdown from PDF, plain text from
//! Word, outlines and .docx parse alike. The steps:
//! 1. find the first section phrase (`considering`, `resolves`); without one the text is not a
//!    resolution ([`Error::NoResolution`]);
//! 2. the heading is the last `RESOLUTION n` line before it; what precedes the heading is front
//!    matter (letterhead, FOREWORD, a contribution's preface) and is skipped, except proposal
//!    marks (`MOD USA/48A5/1`);
//! 3. the header (title, history, adopting body) lies between the heading and the first section;
//! 4. the body rules ([`body`]) build divisions and clauses;
//! 5. the result is checked for truncation.

mod body;
pub(crate) mod header;
pub(crate) mod label;
pub(crate) mod vocab;

use std::path::Path;

use crate::block::{Block, Blocks, Hint};
use crate::error::{Error, Result};
use crate::model::{
    Header, Origin, Resolution, Source, Text, Warning, WarningKind, PARSE_SCHEMA_VERSION,
};
use crate::normalize::{strip_artefacts, ARTEFACT};

/// The reason given when a text holds no resolution.
pub const NO_RESOLUTION: &str = "no heading such as 'considering' or 'resolves'";

/// A block as the rules see it: artefacts removed, white space trimmed, empty blocks dropped.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub text: String,
    pub hint: Hint,
    pub refs: Vec<String>,
    pub origin: Origin,
}

fn clean(blocks: Vec<Block>) -> Vec<Para> {
    blocks
        .into_iter()
        .filter(|b| !matches!(b.hint, Hint::Skip | Hint::Blank))
        .filter_map(|b| {
            // The block's text is kept as it is when there is nothing to remove (most lines).
            let text = if b.text.contains(ARTEFACT) {
                strip_artefacts(&b.text)
            } else {
                b.text
            };
            let trimmed = text.trim();
            if trimmed.is_empty() {
                return None;
            }
            let text = if trimmed.len() == text.len() {
                text
            } else {
                trimmed.to_string()
            };
            Some(Para {
                text,
                hint: b.hint,
                refs: b.footnote_refs,
                origin: b.origin,
            })
        })
        .collect()
}

/// Is this paragraph a section phrase by vocabulary or by the format's hint?
fn is_known_phrase(p: &Para) -> bool {
    p.hint == Hint::Call || vocab::known(&p.text).is_some()
}

/// Builds the resolution from a reader's blocks.
pub fn parse_blocks(path: &Path, source: Source, blocks: Blocks) -> Result<Resolution> {
    let Blocks {
        blocks,
        footnotes,
        revisions,
        warnings: reader_warnings,
    } = blocks;
    let paras = clean(blocks);
    let Some(first_call) = paras.iter().position(is_known_phrase) else {
        return Err(Error::NoResolution {
            path: path.to_path_buf(),
            reason: NO_RESOLUTION.into(),
        });
    };
    let heading_at = paras[..first_call]
        .iter()
        .rposition(|p| p.hint == Hint::ResolutionNumber || header::is_heading(&p.text));
    let mut warnings = reader_warnings;
    let mut head = Header::default();

    // Marks of a contribution come before the heading (`MOD USA/48A5/1`).
    for p in &paras[..heading_at.unwrap_or(0)] {
        add_mark_or_reasons(&mut head, p);
    }

    // The header runs from the heading to the adopting body; after it, the body rules apply
    // (they also recognise an unknown first section phrase).
    let header_start = heading_at.map(|h| h + 1).unwrap_or(first_call);
    let body_start = paras[header_start..first_call]
        .iter()
        .position(|p| p.hint == Hint::AdoptingBody || header::is_adopting_body(&p.text))
        .map(|i| header_start + i + 1)
        .unwrap_or(first_call);
    if let Some(h) = heading_at {
        read_heading(&mut head, &paras[h], &mut warnings);
    }
    read_header(&mut head, &paras[header_start..body_start], &mut warnings);
    head.body = head
        .adopting_body
        .as_ref()
        .and_then(|t| header::body_of(&t.shown))
        .or_else(|| {
            head.heading
                .as_ref()
                .and_then(|t| header::body_of(&t.shown))
        })
        .or_else(|| head.title.as_ref().and_then(|t| header::body_of(&t.shown)));

    let divisions = body::build(&paras[body_start..], &mut head, &mut warnings);
    let mut res = Resolution {
        schema_version: PARSE_SCHEMA_VERSION,
        source,
        header: head,
        divisions,
        footnotes,
        revisions,
        warnings,
    };
    body::check_truncation(&mut res);
    Ok(res)
}

/// Records a mark or a `Reasons:` paragraph; returns whether the paragraph was one.
pub(crate) fn add_mark_or_reasons(head: &mut Header, p: &Para) -> bool {
    if let Some(mark) = header::parse_mark(&p.text, p.origin) {
        head.marks.push(mark);
        return true;
    }
    if p.hint == Hint::Reasons || (!head.marks.is_empty() && p.text.len() < 2000) {
        if let Some(reasons) = header::parse_reasons(&p.text) {
            if let Some(last) = head.marks.last_mut() {
                last.reasons = Some(reasons);
                return true;
            }
        }
    }
    false
}

fn read_heading(head: &mut Header, p: &Para, warnings: &mut Vec<Warning>) {
    let line = header::parse_heading(&p.text);
    head.heading = Some(Text::new(heading_shown(&p.text)));
    head.number = line.number;
    if line.flattened {
        warnings.push(Warning {
            kind: WarningKind::FlattenedRevisions,
            message: format!(
                "the revision in the heading `{}` runs two assemblies together: revision marks \
                 were flattened into the text",
                p.text
            ),
            origin: Some(p.origin),
        });
    }
    head.revision = line.revision;
}

/// Joins two lines of one paragraph cut by a line break.
fn join_lines(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a} {b}")
    }
}

fn span(a: Origin, b: Origin) -> Origin {
    Origin {
        unit: a.unit,
        start: a.start.min(b.start),
        end: a.end.max(b.end),
    }
}

/// Title, history and adopting body, each possibly wrapped over several lines.
fn read_header(head: &mut Header, paras: &[Para], warnings: &mut Vec<Warning>) {
    #[derive(PartialEq)]
    enum Part {
        Title,
        History,
        Adopting,
    }
    let mut title = String::new();
    let mut history = String::new();
    let mut adopting = String::new();
    let mut part = Part::Title;
    for p in paras {
        if add_mark_or_reasons(head, p) {
            continue;
        }
        if p.hint == Hint::Continuation {
            let target = match part {
                Part::Title => &mut title,
                Part::History => &mut history,
                Part::Adopting => &mut adopting,
            };
            *target = join_lines(target, &p.text);
            continue;
        }
        let history_open = history.contains('(') && !history.contains(')');
        if part == Part::History && history_open {
            history = join_lines(&history, &p.text);
            continue;
        }
        if p.hint == Hint::AdoptingBody || header::is_adopting_body(&p.text) {
            part = Part::Adopting;
            adopting = p.text.clone();
            continue;
        }
        if part != Part::Adopting
            && history.is_empty()
            && (p.hint == Hint::History || header::looks_like_history(&p.text))
        {
            part = Part::History;
            history = p.text.clone();
            continue;
        }
        if part == Part::Title
            && matches!(
                p.hint,
                Hint::None | Hint::ResolutionTitle | Hint::ListItem(1)
            )
        {
            title = join_lines(&title, &p.text);
            continue;
        }
        warnings.push(Warning {
            kind: WarningKind::Unplaced,
            message: format!("text in the heading not understood: `{}`", p.text),
            origin: Some(p.origin),
        });
    }
    if !title.is_empty() {
        head.title = Some(Text::new(heading_shown(&title)));
    }
    if !history.is_empty() {
        let shown = strip_wrapping_emphasis(&history);
        head.history = header::parse_history(&shown);
        head.history_raw = Some(Text::new(shown));
    }
    if !adopting.is_empty() {
        head.adopting_body = Some(Text::new(adopting));
    }
}

/// A heading or title as shown: emphasis around the whole line removed and a line break inside
/// it (`Appendix I` / `(to Resolution 1)` in Word) read as a space.
pub(crate) fn heading_shown(s: &str) -> String {
    let t = strip_wrapping_emphasis(s);
    if t.contains(['\n', '\r']) {
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        t
    }
}

/// `*(Malaga, 1984)*` -> `(Malaga, 1984)`: emphasis around a whole line is presentation.
pub(crate) fn strip_wrapping_emphasis(s: &str) -> String {
    let mut t = s.trim();
    for m in ["***", "**", "*", "__", "_"] {
        if t.len() > 2 * m.len() && t.starts_with(m) && t.ends_with(m) {
            let inner = &t[m.len()..t.len() - m.len()];
            if !inner.contains(m) {
                t = inner.trim();
                break;
            }
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_emphasis_is_removed_but_inner_kept() {
        assert_eq!(
            strip_wrapping_emphasis("*(Malaga, 1984)*"),
            "(Malaga, 1984)"
        );
        assert_eq!(strip_wrapping_emphasis("**Title**"), "Title");
        assert_eq!(strip_wrapping_emphasis("*a* and *b*"), "*a* and *b*");
        assert_eq!(
            heading_shown("Appendix I\n(to Resolution 1)"),
            "Appendix I (to Resolution 1)"
        );
    }
}
