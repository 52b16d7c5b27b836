//! The HTML report: one self-contained page a reviewer opens in a browser (docs/html.md).
//!
//! Everything is inline (CSS, a little JavaScript, nothing fetched) and the page reads with
//! JavaScript off: filters by op and the inline / side-by-side toggle are radio buttons styled
//! with CSS `:has()`; JavaScript only adds the section filter, `n` / `p` keys and opening folded
//! clauses a link points into. Every document text goes through [`esc`].

use std::fmt::Write as _;
use std::io::Write;

use crate::model::Op;
use crate::report::{Change, HeaderChange, Report, Segment, SegmentOp, Side};

use super::view::{self, Anchors};
use super::{Detail, RenderOptions};

const CSS: &str = include_str!("html.css");
const JS: &str = include_str!("html.js");
const OPS: [Op; 4] = [Op::Mod, Op::Add, Op::Sup, Op::Noc];

/// Escapes text for HTML element content and quoted attribute values. Bidirectional controls
/// are shown by their pictures (`⟨U+202E⟩`, see [`crate::bidi`]): in a browser they would
/// reorder the words after them, and the page would show what the document does not say.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if crate::bidi::is_control(c) => out.push_str(&crate::bidi::picture(c)),
            _ => out.push(ch),
        }
    }
    out
}

/// Renders the page. NOC clauses are always present (folded) unless `--only` leaves them out;
/// with `--stat` only the heading and the summary bar are written.
pub fn render(report: &Report, opts: &RenderOptions, out: &mut dyn Write) -> std::io::Result<()> {
    let mut page = String::new();
    let shown = |op: Op| opts.only.as_ref().is_none_or(|only| only.contains(&op));
    let title = report
        .new
        .heading
        .as_deref()
        .or(report.old.heading.as_deref())
        .unwrap_or("Resolution");
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"resdiff {}\">\n<title>resdiff: {}</title>\n\
         <style>\n{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(title)
    );
    page.push_str("<header class=\"top\">\n");
    let _ = writeln!(page, "<h1>{}</h1>", esc(title));
    // The resolution's title, as the new revision words it, under the heading.
    let subtitle = report
        .header
        .iter()
        .find(|h| h.field == "title")
        .and_then(|h| h.new.as_ref().or(h.old.as_ref()));
    if let Some(t) = subtitle {
        let _ = writeln!(page, "<p class=\"subtitle\">{}</p>", esc(t));
    }
    page.push_str("<dl class=\"sides\">\n");
    side(&mut page, "Old", &report.old);
    side(&mut page, "New", &report.new);
    page.push_str("</dl>\n</header>\n");
    bar(&mut page, report, opts.detail == Detail::Full);
    if opts.detail == Detail::Stat {
        page.push_str("</body>\n</html>\n");
        return out.write_all(page.as_bytes());
    }
    let header: Vec<&HeaderChange> = report.header.iter().filter(|h| shown(h.op)).collect();
    let changes: Vec<&Change> = report.changes.iter().filter(|c| shown(c.op)).collect();
    let mut anchors = Anchors::default();
    let header_ids: Vec<String> = header
        .iter()
        .map(|h| anchors.unique(format!("heading-{}", view::slug_word(&h.field))))
        .collect();
    let ids: Vec<String> = changes.iter().map(|c| anchors.of_change(c)).collect();

    page.push_str("<div class=\"layout\">\n");
    toc(&mut page, &header, &header_ids, &changes, &ids);
    page.push_str("<main>\n");
    warnings(&mut page, report);
    if !header.is_empty() {
        page.push_str(
            "<section class=\"division\" data-section=\"heading\">\n<h2 class=\"division-title\">Heading</h2>\n",
        );
        let (same, changed): (Vec<_>, Vec<_>) = header
            .iter()
            .zip(&header_ids)
            .partition(|(h, _)| h.op == Op::Noc);
        for (h, id) in changed {
            header_item(&mut page, h, id);
        }
        if !same.is_empty() {
            let names: Vec<String> = same
                .iter()
                .map(|(h, _)| view::header_field(&h.field))
                .collect();
            let _ = writeln!(
                page,
                "<details class=\"fold\"><summary>{} <span class=\"which\">{}</span></summary>",
                view::plural(same.len(), "unchanged field"),
                esc(&names.join(", "))
            );
            for (h, id) in same {
                header_item(&mut page, h, id);
            }
            page.push_str("</details>\n");
        }
        page.push_str("</section>\n");
    }
    body(&mut page, &changes, &ids, &mut anchors);
    if changes.is_empty() && header.is_empty() {
        page.push_str("<p class=\"empty\">No clause to show.</p>\n");
    }
    page.push_str("</main>\n</div>\n");
    let _ = write!(
        page,
        "<footer>Made by resdiff. Deletions are <del>struck through</del>, insertions \
         <ins>underlined</ins>.</footer>\n<script>\n{JS}</script>\n</body>\n</html>\n"
    );
    out.write_all(page.as_bytes())
}

fn side(page: &mut String, which: &str, s: &Side) {
    let heading = s.heading.as_deref().unwrap_or("no heading found");
    let view = s
        .view
        .as_deref()
        .map(|v| format!(", {}", esc(v)))
        .unwrap_or_default();
    let _ = writeln!(
        page,
        "<div><dt>{which}</dt><dd><span class=\"heading\">{}</span> <span class=\"file\">{} ({}{view})</span></dd></div>",
        esc(heading),
        esc(&s.path),
        esc(&s.format)
    );
}

/// The sticky bar: counts per op (which filter when clicked), section filter, view toggle.
fn bar(page: &mut String, report: &Report, controls: bool) {
    let s = &report.summary;
    page.push_str("<nav class=\"bar\" aria-label=\"Summary and filters\">\n<div class=\"ops\" role=\"radiogroup\" aria-label=\"Show\">\n");
    let total = s.modified + s.add + s.sup + s.noc;
    if controls {
        let _ = writeln!(
            page,
            "<input type=\"radio\" name=\"op\" id=\"op-all\" value=\"\" checked><label for=\"op-all\" class=\"chip\">All <span class=\"count\">{total}</span></label>"
        );
    }
    for op in OPS {
        let lower = op.as_str().to_lowercase();
        if controls {
            let _ = write!(
                page,
                "<input type=\"radio\" name=\"op\" id=\"op-{lower}\" value=\"{op}\"><label for=\"op-{lower}\" class=\"chip\">"
            );
        } else {
            page.push_str("<span class=\"chip\">");
        }
        let _ = write!(
            page,
            "<span class=\"badge {op}\">{op}</span> <span class=\"count\" data-op=\"{op}\">{}</span>",
            s.count(op)
        );
        page.push_str(if controls { "</label>\n" } else { "</span>\n" });
    }
    page.push_str("</div>\n");
    let notes = view::summary_notes(s);
    if !notes.is_empty() {
        let _ = writeln!(page, "<span class=\"notes\">{}</span>", esc(&notes));
    }
    if controls {
        page.push_str("<select id=\"section-filter\" aria-label=\"Section\" hidden>\n<option value=\"\">All sections</option>\n");
        let mut seen: Vec<String> = Vec::new();
        if !report.header.is_empty() {
            seen.push("heading".into());
            page.push_str("<option value=\"heading\">Heading</option>\n");
        }
        for c in &report.changes {
            let sec = view::section_of(c);
            if !seen.iter().any(|s| s.eq_ignore_ascii_case(sec)) {
                seen.push(sec.to_string());
                let _ = writeln!(page, "<option value=\"{0}\">{0}</option>", esc(sec));
            }
        }
        page.push_str(
            "</select>\n<div class=\"views\" role=\"radiogroup\" aria-label=\"View\">\
             <input type=\"radio\" name=\"view\" id=\"view-inline\" checked><label for=\"view-inline\" class=\"chip\">Inline</label>\
             <input type=\"radio\" name=\"view\" id=\"view-sbs\"><label for=\"view-sbs\" class=\"chip\">Side by side</label></div>\n",
        );
    }
    page.push_str("</nav>\n");
}

fn toc(
    page: &mut String,
    header: &[&HeaderChange],
    hids: &[String],
    changes: &[&Change],
    ids: &[String],
) {
    page.push_str(
        "<nav class=\"toc\" aria-label=\"Changes\">\n<h2>Changes</h2>\n\
         <p class=\"keys\" hidden><kbd>n</kbd> / <kbd>p</kbd> next / previous change</p>\n<ol>\n",
    );
    let mut any = false;
    for (h, id) in header.iter().zip(hids).filter(|(h, _)| h.op != Op::Noc) {
        any = true;
        let _ = writeln!(
            page,
            "<li data-op=\"{op}\"><a href=\"#{id}\"><span class=\"badge {op}\">{op}</span> {}</a></li>",
            esc(&view::header_field(&h.field)),
            op = h.op
        );
    }
    for (c, id) in changes.iter().zip(ids).filter(|(c, _)| c.op != Op::Noc) {
        any = true;
        let _ = writeln!(
            page,
            "<li data-op=\"{op}\"><a href=\"#{id}\"><span class=\"badge {op}\">{}</span> {}</a></li>",
            esc(&view::op_mark(c)),
            esc(&view::change_title(c, "→")),
            op = c.op
        );
    }
    if !any {
        page.push_str("<li>No changes.</li>\n");
    }
    page.push_str("</ol>\n</nav>\n");
}

fn warnings(page: &mut String, report: &Report) {
    if report.warnings.is_empty() {
        return;
    }
    let _ = writeln!(
        page,
        "<details class=\"warnings\"><summary>{} about the input</summary>\n<ul>",
        view::plural(report.warnings.len(), "warning")
    );
    for w in &report.warnings {
        let at = w.origin.map(|o| format!(" ({o})")).unwrap_or_default();
        let _ = writeln!(page, "<li>{}{}</li>", esc(&w.message), esc(&at));
    }
    page.push_str("</ul></details>\n");
}

/// The resolution in reading order: one `<section>` per division, runs of unchanged clauses
/// folded into `<details>`.
fn body(page: &mut String, changes: &[&Change], ids: &[String], anchors: &mut Anchors) {
    let mut i = 0;
    while i < changes.len() {
        let sec = view::section_of(changes[i]);
        let mut end = i;
        while end < changes.len() && view::section_of(changes[end]).eq_ignore_ascii_case(sec) {
            end += 1;
        }
        let _ = writeln!(
            page,
            "<section class=\"division\" data-section=\"{0}\">\n<h2 class=\"division-title\">{0}</h2>",
            esc(sec)
        );
        let mut j = i;
        while j < end {
            if changes[j].op != Op::Noc {
                change(page, changes[j], &ids[j], anchors);
                j += 1;
                continue;
            }
            let mut k = j;
            while k < end && changes[k].op == Op::Noc {
                k += 1;
            }
            let _ = writeln!(
                page,
                "<details class=\"fold\"><summary>{} <span class=\"which\">{}</span></summary>",
                view::plural(k - j, "unchanged clause"),
                esc(&fold_names(&changes[j..k]))
            );
            for n in j..k {
                change(page, changes[n], &ids[n], anchors);
            }
            page.push_str("</details>\n");
            j = k;
        }
        page.push_str("</section>\n");
        i = end;
    }
}

/// What a fold holds, by label only (the section heading is just above): `e) → g), f) → h)`,
/// or the first and last of a long run (`1bis.1 … 1bis.9.3`).
fn fold_names(run: &[&Change]) -> String {
    let names: Vec<String> = run.iter().map(|c| view::short_title(c, "→")).collect();
    match names.as_slice() {
        [first, .., last] if names.len() > 4 => format!("{first} … {last}"),
        _ => names.join(", "),
    }
}

fn change(page: &mut String, c: &Change, id: &str, anchors: &mut Anchors) {
    let mut flags: Vec<&str> = view::flag_words(c);
    if c.flags.editorial {
        flags.push("editorial");
    }
    // Every place has an anchor: the further new places of a split (`#noting-d`), and the old
    // places, so `#old-resolves-1` finds where it went (a SUP's own id is already its old place).
    let further_new = c.new.iter().skip(1).map(view::slug);
    let old = c.old.iter().filter(|_| !c.new.is_empty());
    let aliases: Vec<String> = further_new
        .chain(old.map(|p| format!("old-{}", view::slug(p))))
        .map(|a| anchors.unique(a))
        .collect();
    let title = esc(&view::change_title(c, "→"));
    clause(
        page,
        id,
        c.op,
        &view::op_mark(c),
        &title,
        &flags,
        &c.inline,
        &aliases,
    );
}

fn header_item(page: &mut String, h: &HeaderChange, id: &str) {
    let name = esc(&view::header_field(&h.field));
    clause(
        page,
        id,
        h.op,
        h.op.as_str(),
        &name,
        &[],
        &header_segments(h),
        &[],
    );
}

fn header_segments(h: &HeaderChange) -> Vec<Segment> {
    if !h.inline.is_empty() {
        return h.inline.clone();
    }
    let (op, text) = match (&h.old, &h.new) {
        (_, Some(n)) if h.op != Op::Sup => (
            if h.op == Op::Add {
                SegmentOp::Insert
            } else {
                SegmentOp::Equal
            },
            n,
        ),
        (Some(o), _) => (SegmentOp::Delete, o),
        (None, Some(n)) => (SegmentOp::Equal, n),
        (None, None) => return Vec::new(),
    };
    vec![Segment {
        op,
        text: text.clone(),
        new_text: None,
    }]
}

#[allow(clippy::too_many_arguments)]
fn clause(
    page: &mut String,
    id: &str,
    op: Op,
    mark: &str,
    title_html: &str,
    flags: &[&str],
    segs: &[Segment],
    aliases: &[String],
) {
    let changed = if op == Op::Noc { "" } else { " changed" };
    let _ = write!(
        page,
        "<article class=\"clause{changed}\" id=\"{id}\" data-op=\"{op}\" tabindex=\"-1\">"
    );
    for a in aliases {
        let _ = write!(page, "<span id=\"{a}\"></span>");
    }
    let _ = write!(
        page,
        "\n<h3><span class=\"badge {op}\">{}</span> <a class=\"place\" href=\"#{id}\">{title_html}</a>",
        esc(mark)
    );
    for f in flags {
        let _ = write!(page, " <span class=\"flag\">{f}</span>");
    }
    page.push_str("</h3>\n<div class=\"text inline\">");
    inline(page, segs);
    page.push_str(
        "</div>\n<div class=\"sbs\"><div class=\"col old\"><span class=\"col-head\">Old</span>",
    );
    column(page, segs, SegmentOp::Delete, op == Op::Add);
    page.push_str("</div><div class=\"col new\"><span class=\"col-head\">New</span>");
    column(page, segs, SegmentOp::Insert, op == Op::Sup);
    page.push_str("</div></div>\n</article>\n");
}

/// The inline view: `<del>` and `<ins>` within the text (the op says it all for ADD / SUP).
fn inline(page: &mut String, segs: &[Segment]) {
    let mixed = !view::is_uniform(segs);
    for (s, text) in segs.iter().zip(view::inline_texts(segs)) {
        match (s.op, mixed) {
            (SegmentOp::Delete, true) => tagged(page, "del", &text),
            (SegmentOp::Insert, true) => tagged(page, "ins", &text),
            _ => page.push_str(&esc(&text)),
        }
    }
}

/// `<del>words</del>` with the spaces around the words left outside the tag.
fn tagged(page: &mut String, tag: &str, text: &str) {
    let (lead, core, trail) = view::split_spaces(text);
    let _ = write!(page, "{lead}<{tag}>{}</{tag}>{trail}", esc(core));
}

/// One column of the side-by-side view: equal runs plus the runs of `keep`.
fn column(page: &mut String, segs: &[Segment], keep: SegmentOp, absent: bool) {
    page.push_str("<div class=\"text\">");
    if absent {
        page.push_str("<span class=\"absent\">(none)</span>");
    } else {
        let mixed = !view::is_uniform(segs);
        let tag = if keep == SegmentOp::Delete {
            "del"
        } else {
            "ins"
        };
        for s in segs
            .iter()
            .filter(|s| s.op == SegmentOp::Equal || s.op == keep)
        {
            // The old column spells equal runs as the old revision did, the new one as the new.
            let text = if keep == SegmentOp::Insert {
                view::shown(s)
            } else {
                &s.text
            };
            if s.op == keep && mixed {
                tagged(page, tag, text);
            } else {
                page.push_str(&esc(text));
            }
        }
    }
    page.push_str("</div>");
}
