//! Helpers shared by the table reports (history, review, collections): aligned text tables,
//! Markdown tables, short word diffs and revision names.

use std::path::Path;

use crate::model::Op;
use crate::report::{Segment, SegmentOp};

use super::view;

/// Columns padded to the widest cell (counted in characters); the last column is not padded.
pub(crate) fn text_table(rows: &[Vec<String>], gap: usize) -> String {
    let ncol = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; ncol];
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(visible_len(c));
        }
    }
    let mut out = String::new();
    for r in rows {
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            line.push_str(c);
            if i + 1 < r.len() {
                let pad = widths[i] - visible_len(c) + gap;
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Length in characters, ANSI escape sequences left out.
fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut in_esc = false;
    for ch in s.chars() {
        match (in_esc, ch) {
            (false, '\x1b') => in_esc = true,
            (true, 'm') => in_esc = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

/// A GitHub Markdown table; cells are escaped by the caller, `|` is escaped here.
pub(crate) fn markdown_table(head: &[String], rows: &[Vec<String>]) -> String {
    let cell = |c: &String| c.replace('|', "\\|").replace('\n', " ");
    let mut out = format!(
        "| {} |\n|{}\n",
        head.iter().map(cell).collect::<Vec<_>>().join(" | "),
        "---|".repeat(head.len())
    );
    for r in rows {
        out.push_str(&format!(
            "| {} |\n",
            r.iter().map(cell).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}

/// The file name of a path, for column heads (`geneva-2022.md`).
pub(crate) fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// The op in colour for a terminal (the same palette as the diff report), or plain.
pub(crate) fn paint_op(text: &str, op: Op, color: bool) -> String {
    if !color || text.is_empty() {
        return text.to_string();
    }
    let code = match op {
        Op::Mod => "1;33",
        Op::Add => "1;32",
        Op::Sup => "1;31",
        Op::Noc => "1;90",
    };
    format!("\x1b[{code}m{text}\x1b[0m")
}

/// Only the changed words of a diff, with a few words of context, as `[-old-]{+new+}`:
/// `… to [-so advise-]{+inform+} the …`. At most `max` characters (cut with `…`).
pub(crate) fn short_diff(segs: &[Segment], max: usize) -> String {
    const CONTEXT: usize = 2;
    let mut out = String::new();
    let n = segs.len();
    for (i, (s, text)) in segs.iter().zip(view::inline_texts(segs)).enumerate() {
        let flat = text.replace('\n', " ");
        match s.op {
            SegmentOp::Delete => out.push_str(&format!("[-{}-]", flat.trim())),
            SegmentOp::Insert => out.push_str(&format!("{{+{}+}}", flat.trim())),
            SegmentOp::Equal => {
                let words: Vec<&str> = flat.split_whitespace().collect();
                let lead = if i > 0 { " " } else { "" };
                let trail = if i + 1 < n { " " } else { "" };
                if words.len() <= 2 * CONTEXT + 1 || (i > 0 && i + 1 < n && words.len() <= 6) {
                    out.push_str(&format!("{lead}{}{trail}", words.join(" ")));
                } else {
                    let head = if i > 0 {
                        format!(" {}", words[..CONTEXT].join(" "))
                    } else {
                        String::new()
                    };
                    let tail = if i + 1 < n {
                        format!("{} ", words[words.len() - CONTEXT..].join(" "))
                    } else {
                        String::new()
                    };
                    let mid = match (head.is_empty(), tail.is_empty()) {
                        (true, true) => "…",
                        (false, true) => " …",
                        (true, false) => "… ",
                        (false, false) => " … ",
                    };
                    out.push_str(&format!("{head}{mid}{tail}"));
                }
            }
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.chars().count() > max {
        let cut: String = out.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inline;

    #[test]
    fn short_diff_keeps_changed_words_and_some_context() {
        let segs = inline::diff(
            "to so advise the Director of the bureau at once;",
            "to inform the Director of the bureau at once;",
        );
        assert_eq!(
            short_diff(&segs, 200),
            "to [-so advise-]{+inform+} the Director …"
        );
        assert_eq!(short_diff(&segs, 10), "to [-so a…");
    }

    #[test]
    fn text_table_pads_columns() {
        let rows = vec![
            vec!["a".to_string(), "bb".to_string(), "c".to_string()],
            vec!["aaa".to_string(), String::new(), "c".to_string()],
        ];
        assert_eq!(text_table(&rows, 2), "a    bb  c\naaa      c\n");
    }
}
