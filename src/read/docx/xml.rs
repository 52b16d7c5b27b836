//! Parsing one XML part safely, and small helpers for WordprocessingML names.

use std::path::Path;

use roxmltree::{Document, Node, ParsingOptions};

use super::package::SAVE_AGAIN;
use crate::error::{Error, Result};

/// The WordprocessingML namespace (`w:`).
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Office Math (`m:`), whose `m:t` runs hold the text of equations.
pub const M: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";

/// Parses a part. DTDs stay refused (roxmltree's default): a Word part never has one, and
/// refusing them closes the door to entity expansion attacks.
///
/// Elements nested deeper than `max_depth` are refused before parsing: roxmltree parses
/// nested elements recursively, so a few thousand levels would overflow the stack. The
/// bound also covers the reader's own walk over the tree.
pub fn parse<'a>(
    path: &Path,
    part: &str,
    text: &'a str,
    max_nodes: u32,
    max_depth: usize,
) -> Result<Document<'a>> {
    if let Some(at) = nesting_exceeds(text, max_depth) {
        return Err(Error::BadDocx {
            path: path.to_path_buf(),
            reason: format!(
                "{part}, {}: elements nested more than {max_depth} levels deep, \
                 which Word never does; {SAVE_AGAIN}",
                line_column(text, at)
            ),
        });
    }
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: max_nodes,
    };
    Document::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => Error::TooLarge {
            path: path.to_path_buf(),
            reason: format!(
                "{part} has more than {max_nodes} XML nodes, the most resdiff reads; \
                 check that this is the right file"
            ),
        },
        roxmltree::Error::DtdDetected => Error::BadDocx {
            path: path.to_path_buf(),
            reason: format!(
                "{part}, {}: a document type definition (<!DOCTYPE>), which Word never \
                 writes and resdiff refuses (its entities could expand without end); {SAVE_AGAIN}",
                line_column(text, text.find("<!DOCTYPE").unwrap_or(0))
            ),
        },
        other => {
            // roxmltree says where (`at 3:15`) for most errors: lift that to the front.
            let pos = other.pos();
            let detail = other.to_string();
            let at = format!(" at {pos}");
            let (place, detail) = match detail.find(&at) {
                Some(_) => (
                    format!("{part}, line {}, column {}", pos.row, pos.col),
                    detail.replacen(&at, "", 1),
                ),
                None => (part.to_string(), detail),
            };
            Error::BadDocx {
                path: path.to_path_buf(),
                reason: format!("{place}: not well-formed XML ({detail}); {SAVE_AGAIN}"),
            }
        }
    })
}

/// `line L, column C` of a byte offset, as an editor counts them (columns in characters).
fn line_column(text: &str, at: usize) -> String {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("line {line}, column {column}")
}

/// Where elements first nest deeper than `limit` in `xml` (the byte offset of the tag), in one
/// pass without parsing: tags are counted, skipping comments, CDATA, processing instructions,
/// declarations and quoted attribute values. Malformed input is left to the parser to refuse.
fn nesting_exceeds(xml: &str, limit: usize) -> Option<usize> {
    let bytes = xml.as_bytes();
    let find = |from: usize, pat: &[u8]| -> usize {
        bytes[from.min(bytes.len())..]
            .windows(pat.len())
            .position(|w| w == pat)
            .map_or(bytes.len(), |i| from + i + pat.len())
    };
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            i = find(i + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = find(i + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = find(i + 2, b"?>");
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = find(i + 2, b">");
        } else if rest.starts_with(b"<!") {
            i = find(i + 2, b">");
        } else {
            // An opening or empty tag: find its end outside quoted values.
            let mut j = i + 1;
            let mut quote = None;
            while j < bytes.len() {
                match (quote, bytes[j]) {
                    (None, b'"' | b'\'') => quote = Some(bytes[j]),
                    (Some(q), c) if c == q => quote = None,
                    (None, b'>') => break,
                    _ => {}
                }
                j += 1;
            }
            if j < bytes.len() && bytes[j - 1] != b'/' {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            i = j + 1;
        }
    }
    None
}

/// Whether `node` is the element `w:{name}`.
pub fn is_w(node: Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// The value of the attribute `w:{name}`.
pub fn w_attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The first child element `w:{name}`.
pub fn w_child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(*c, name))
}

#[cfg(test)]
mod tests {
    use super::nesting_exceeds;

    #[test]
    fn nesting_is_measured_without_parsing() {
        let nested = |n: usize| format!("{}{}", "<a x='>'>".repeat(n), "</a>".repeat(n));
        assert_eq!(nesting_exceeds(&nested(5), 5), None);
        assert_eq!(nesting_exceeds(&nested(6), 5), Some(5 * 9));
        // Empty elements, comments, CDATA and declarations do not nest.
        let flat = "<?xml version='1.0'?><!-- <a><a><a> --><r><e/><e a=\"/>\"/><![CDATA[<a><a>]]><e></e></r>";
        assert_eq!(nesting_exceeds(flat, 2), None);
        assert_eq!(nesting_exceeds(flat, 1), flat.find("<e>"));
    }
}
