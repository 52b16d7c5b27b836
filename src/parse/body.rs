//! The body rules: section phrases open divisions, labels open clauses and sub-items, and
//! unlabelled paragraphs continue what came before.
//!
//! Model choices (documented because the aligner and the reports depend on them):
//! - Each section phrase is a top-level [`Division`] (`Preambular` or `Operative`); numbered
//!   parts (`SECTION 1`, `Section 1bis`), annexes and appendices are top-level divisions too.
//! - Inside a part, every numbered unit is a clause of the part **in reading order**, whatever its
//!   depth: `1.11`, `1.11.1` and the short headings `1bis.1 General principles` alike (a heading
//!   is a clause whose text is its title). The hierarchy stays readable in the label, and a
//!   report can say `Section 1bis / 1bis.1.1.3` with no intermediate levels. The unlabelled
//!   paragraphs under a heading (`1.13 Voting` + its paragraph) become its sub-items.
//! - An unlabelled paragraph after a clause that ends without punctuation continues that clause
//!   (a line cut by a page break) and is joined with one space; after a complete clause it
//!   becomes an unlabelled sub-item of the clause (in an annex: a new unlabelled clause).
//! - Sub-items (`i)`, bullets, `a)` inside a numbered provision) go to [`Clause::items`], nested
//!   by the list level the format gives, else by label family and a `:` ending the parent.

use super::header::strip_prefix_ci;
use super::label::{self, Family, Found, Sep};
use super::vocab::{self, PhraseKind};
use super::{add_mark_or_reasons, heading_shown, span, Para};
use crate::block::Hint;
use crate::model::{
    Clause, Division, DivisionKind, Header, Label, Origin, Resolution, Text, Warning, WarningKind,
};

/// Per top-level clause facts the model does not keep.
#[derive(Debug, Clone, Copy, Default)]
struct TopInfo {
    /// List level of the clause's own block (Markdown `- a)` is level 1, Word's `a)\t` is 0).
    level: u8,
    heading: bool,
    list_item: bool,
}

struct Current {
    div: Division,
    family: Option<Family>,
    tops: Vec<TopInfo>,
}

/// How deep sub-items nest under a clause. Real resolutions go three or four levels deep, the
/// catalogue of odd inputs fifty; deeper items stay at this depth, beside each other. Without
/// a bound, every unlabelled line ending with `:` opened a level: 10,000 such lines (30 KB)
/// overflowed the stack of the recursive writers, and placing each line walked the whole
/// path down (quadratic).
const MAX_ITEM_DEPTH: usize = 64;

struct Builder<'a> {
    paras: &'a [Para],
    done: Vec<Division>,
    cur: Option<Current>,
    /// Built on the first hyphenated line end (see [`join`]): most texts have none, and the
    /// set cost a fifth of loading a text.
    words: Option<Words>,
    warnings: &'a mut Vec<Warning>,
}

/// Builds the divisions from the paragraphs after the header.
pub(super) fn build(
    paras: &[Para],
    head: &mut Header,
    warnings: &mut Vec<Warning>,
) -> Vec<Division> {
    let mut b = Builder {
        paras,
        done: Vec::new(),
        cur: None,
        words: None,
        warnings,
    };
    let mut i = 0;
    while i < paras.len() {
        i = b.step(i, head);
    }
    b.finish()
}

/// Every word of the document longer than 3 bytes, lower-cased.
type Words = foldhash::HashSet<String>;

/// Every word of the document, lower-cased: used to rejoin words hyphenated at a line break.
fn word_set(paras: &[Para]) -> Words {
    let mut set = Words::default();
    for p in paras {
        for w in p.text.split(|c: char| !c.is_alphanumeric()) {
            if w.len() > 3 {
                set.insert(w.to_lowercase());
            }
        }
    }
    set
}

fn list_level(hint: Hint) -> u8 {
    match hint {
        Hint::ListItem(n) => n,
        _ => 0,
    }
}

/// Does the text end as a complete unit (`;`, `,`, `.`, `:`)? A clause that does not was cut by
/// a line or page break. ITU writes its texts in six languages: Arabic (`،` `؛` `؟` `۔`) and
/// Chinese (full-width `。` `；` `，` `：`) punctuation ends units too.
fn ends_complete(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['*', '_', '"', '\u{201D}', '\u{2019}']);
    t.ends_with([
        '.', ';', ':', ',', '!', '?', '\u{060C}', '\u{061B}', '\u{061F}', '\u{06D4}', '\u{3002}',
        '\u{FF1B}', '\u{FF0C}', '\u{FF1A}',
    ])
}

/// Does the text end with a word that cannot end a sentence (`of the`, `and`)? Then the next
/// line continues it even when it starts with a capital (`the` + `Telecommunication ...`).
fn ends_with_connector(text: &str) -> bool {
    const CONNECTORS: &[&str] = &[
        "a", "an", "and", "as", "at", "between", "by", "for", "from", "in", "into", "of", "on",
        "or", "the", "to", "with", "within", "that", "which", "its", "their", "under",
    ];
    let last = text.rsplit(' ').next().unwrap_or("");
    CONNECTORS.contains(&last)
}

fn ends_with_colon(text: &str) -> bool {
    text.trim_end().trim_end_matches(['*', '_']).ends_with(':')
}

/// The family a stored label belongs to (single `i`, `v`, `x` count as letters here; see
/// [`same_family`]).
fn family_of(l: &Label) -> Family {
    let n = l.norm.as_str();
    if n == "•" {
        Family::Bullet
    } else if n.starts_with(|c: char| c.is_ascii_digit()) {
        Family::Number
    } else if n.len() > 1 && !n.contains(' ') && label::roman_value(n).is_some() {
        Family::Roman
    } else {
        Family::Letter
    }
}

fn same_family(l: &Label, f: Family) -> bool {
    let lf = family_of(l);
    lf == f || (matches!(l.norm.as_str(), "i" | "v" | "x") && f == Family::Roman)
}

/// Is `new` the label that naturally follows `prev` in the same sequence?
fn follows(prev: Option<&Label>, new: &Label, fam: Family) -> bool {
    let Some(prev) = prev else {
        return matches!(new.norm.as_str(), "a" | "1" | "i" | "•");
    };
    if new.norm.strip_prefix(prev.norm.as_str()) == Some(" bis")
        || new.norm.ends_with(" ter") && prev.norm.ends_with(" bis")
    {
        return true;
    }
    match fam {
        Family::Letter => {
            label::next_letter(&prev.norm).is_some_and(|c| label::is_char(&new.norm, c))
        }
        Family::Number => match (
            label::number_value(&prev.norm),
            label::number_value(&new.norm),
        ) {
            (Some(a), Some(b)) => b == a + 1,
            _ => true,
        },
        Family::Roman => match (
            label::roman_value(&prev.norm),
            label::roman_value(&new.norm),
        ) {
            (Some(a), Some(b)) => b == a + 1,
            _ => false,
        },
        // `•` then `–` under a clause ending with `:` is a sub-list, not the same list.
        Family::Bullet => prev.raw == new.raw || family_of(prev) != Family::Bullet,
    }
}

/// Joins a line to the text it continues; a word hyphenated at the line break (`stand-` +
/// `ardization`) is rejoined when the whole word occurs elsewhere in the document (`words`
/// is asked only then).
fn join<'w>(words: impl FnOnce() -> &'w Words, a: &mut String, b: &str) {
    if a.is_empty() {
        a.push_str(b);
        return;
    }
    if let Some(stem) = a.strip_suffix('-') {
        let last = stem
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let first = b.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if !last.is_empty() && b.starts_with(|c: char| c.is_lowercase()) {
            let whole = format!("{last}{first}").to_lowercase();
            if words().contains(&whole) {
                a.pop();
            }
            a.push_str(b);
            return;
        }
    }
    a.push(' ');
    a.push_str(b);
}

/// Recomputes the comparison keys once the texts are complete (joining lines edits `shown`
/// only, so that a clause of many lines costs linear time, not quadratic).
fn rekey(c: &mut Clause) {
    c.text = Text::new(std::mem::take(&mut c.text.shown));
    for i in &mut c.items {
        rekey(i);
    }
}

impl Builder<'_> {
    fn next_para(&self, i: usize) -> Option<&Para> {
        self.paras.get(i + 1)
    }

    fn warn(&mut self, kind: WarningKind, message: String, origin: Origin) {
        self.warnings.push(Warning {
            kind,
            message,
            origin: Some(origin),
        });
    }

    fn last_text(&self) -> Option<&str> {
        let cur = self.cur.as_ref()?;
        let mut node = cur.div.clauses.last()?;
        while let Some(n) = node.items.last() {
            node = n;
        }
        Some(node.text.shown.as_str())
    }

    /// Handles the paragraph at `i`; returns the index of the next one to handle.
    fn step(&mut self, i: usize, head: &mut Header) -> usize {
        let p = &self.paras[i];
        if add_mark_or_reasons(head, p) {
            return i + 1;
        }
        if p.hint == Hint::ResolutionNumber
            || p.text.starts_with("RESOLUTION ") && super::header::is_heading(&p.text)
        {
            // A second resolution in the same file: read on, but say so.
            let msg = format!(
                "another resolution heading `{}`: its text is read as part of this resolution",
                short(&p.text)
            );
            self.warn(WarningKind::Other, msg, p.origin);
        }
        match p.hint {
            Hint::PartNumber => return self.open_numbered(i, DivisionKind::Part, None),
            Hint::AnnexNumber => return self.open_numbered(i, annex_kind(&p.text), None),
            _ => {}
        }
        if let Some(num) = part_number(&p.text) {
            return self.open_numbered(i, DivisionKind::Part, Some(num));
        }
        if let Some((kind, num)) = annex_number(&p.text) {
            return self.open_numbered(i, kind, Some(num));
        }
        // Read once: the phrase rules and the label rules both ask.
        let found = label::read(&p.text);
        if let Some(kind) = self.phrase_kind(i, found.as_ref()) {
            self.open_section(p, kind);
            return i + 1;
        }
        if let Some(f) = found.filter(|f| self.accept_label(i, f)) {
            self.place_labelled(i, f);
            return i + 1;
        }
        self.place_unlabelled(i);
        i + 1
    }

    /// Is the paragraph at `i` a section phrase (known, hinted, or unknown but shaped and
    /// placed like one)? `found` is the label the paragraph starts with, if any.
    fn phrase_kind(&self, i: usize, found: Option<&Found>) -> Option<PhraseKind> {
        let p = &self.paras[i];
        if found.is_some_and(|f| f.family != Family::Bullet) {
            return None;
        }
        let cut = self
            .last_text()
            .is_some_and(|t| !t.is_empty() && !ends_complete(t));
        if p.hint == Hint::Call {
            return Some(vocab::known(&p.text).unwrap_or_else(|| self.unknown_kind(&p.text)));
        }
        // An outline line (`• considering`) is a list item and may still be a phrase.
        if !matches!(p.hint, Hint::None | Hint::ListItem(1)) {
            return None;
        }
        if let Some(k) = vocab::known(&p.text) {
            if !cut {
                return Some(k);
            }
        }
        // Unknown phrase: short, lower case, after a complete clause (or before any section),
        // and followed by the first label of a sequence or an unlabelled `that ...` paragraph.
        vocab::by_form(&p.text)?;
        if cut || self.last_text().is_some_and(ends_with_colon) {
            return None;
        }
        let next = self.next_para(i)?;
        let next_ok = match label::read(&next.text) {
            Some(f) => matches!(f.label.norm.as_str(), "a" | "1" | "i"),
            None => {
                let t = next.text.trim_start_matches(['*', '_']);
                t.starts_with("that ") || t.starts_with("to ")
            }
        };
        next_ok.then(|| self.unknown_kind(&p.text))
    }

    fn unknown_kind(&self, text: &str) -> PhraseKind {
        let key = crate::normalize::comparison_key(text).to_lowercase();
        vocab::kind_of_unknown(&key)
    }

    fn close(&mut self) {
        if let Some(cur) = self.cur.take() {
            self.done.push(cur.div);
        }
    }

    fn open_section(&mut self, p: &Para, kind: PhraseKind) {
        self.close();
        let kind = match kind {
            PhraseKind::Preambular => DivisionKind::Preambular,
            PhraseKind::Operative => DivisionKind::Operative,
        };
        self.cur = Some(Current {
            div: Division {
                kind,
                heading: Text::new(heading_shown(&p.text)),
                label: None,
                title: None,
                clauses: Vec::new(),
                children: Vec::new(),
                origin: p.origin,
            },
            family: None,
            tops: Vec::new(),
        });
    }

    /// Opens a part, annex or appendix; its title is the next paragraph when it is hinted as
    /// one or is a short unlabelled line.
    fn open_numbered(&mut self, i: usize, kind: DivisionKind, num: Option<String>) -> usize {
        let p = &self.paras[i];
        self.close();
        let num = num.or_else(|| match kind {
            DivisionKind::Part => part_number(&p.text),
            _ => annex_number(&p.text).map(|(_, n)| n),
        });
        let mut origin = p.origin;
        let mut next = i + 1;
        let mut title = None;
        if let Some(t) = self.paras.get(i + 1) {
            let hinted = matches!(t.hint, Hint::PartTitle | Hint::AnnexTitle);
            let plain = t.hint == Hint::None
                && label::read(&t.text).is_none()
                && t.text.split_whitespace().count() <= 20
                && !ends_complete(&t.text)
                && vocab::known(&t.text).is_none();
            if hinted || plain {
                title = Some(Text::new(heading_shown(&t.text)));
                origin = span(origin, t.origin);
                next = i + 2;
            }
        }
        self.cur = Some(Current {
            div: Division {
                kind,
                heading: Text::new(heading_shown(&p.text)),
                label: num.map(|n| Label {
                    raw: n.clone(),
                    norm: n,
                }),
                title,
                clauses: Vec::new(),
                children: Vec::new(),
                origin,
            },
            family: None,
            tops: Vec::new(),
        });
        next
    }

    /// Is the label at the start of paragraph `i` really a label here? Numbers followed by a
    /// space (`17 and its counterparts` on a cut line) only when they continue the sequence.
    fn accept_label(&self, i: usize, f: &Found) -> bool {
        let p = &self.paras[i];
        let Some(cur) = self.cur.as_ref() else {
            return true;
        };
        let hinted = matches!(p.hint, Hint::ListItem(_) | Hint::Heading(_));
        let cut = self
            .last_text()
            .is_some_and(|t| !t.is_empty() && !ends_complete(t));
        let last_top = cur.div.clauses.last().and_then(|c| c.label.as_ref());
        match f.family {
            Family::Number => {
                if f.sep == Sep::Alone && !hinted {
                    // `8` alone: a label whose text is on the next line, or a page number.
                    let text_follows = self.next_para(i).is_some_and(|n| {
                        label::read(&n.text).is_none() && n.text.starts_with(char::is_lowercase)
                    });
                    if !text_follows {
                        return false;
                    }
                }
                if f.sep == Sep::Tab || hinted || f.label.norm.contains('.') && !cut {
                    return true;
                }
                if cur.div.kind == DivisionKind::Part && !cut {
                    return true;
                }
                // The first clause of a section may continue an earlier numbering
                // (`resolves further` + `12 to ...`).
                if cur.div.clauses.is_empty() && f.rest.starts_with(char::is_lowercase) {
                    return true;
                }
                match cur.family {
                    None | Some(Family::Number) => follows(
                        last_top.filter(|l| family_of(l) == Family::Number),
                        &f.label,
                        Family::Number,
                    ),
                    _ => false,
                }
            }
            Family::Bullet => true,
            Family::Letter | Family::Roman => {
                if f.sep == Sep::Tab || hinted || !cut {
                    return true;
                }
                // After a cut line, only the expected next letter is a label.
                follows(last_top, &f.label, f.family)
            }
        }
    }

    fn new_clause(label: Option<Label>, text: &str, p: &Para) -> Clause {
        Clause {
            label,
            // The key is computed once the text is complete (see `rekey`).
            text: Text {
                shown: text.to_string(),
                key: String::new(),
            },
            items: Vec::new(),
            footnote_refs: p.refs.clone(),
            origin: p.origin,
        }
    }

    fn ensure_division(&mut self, i: usize) -> bool {
        if self.cur.is_some() {
            return true;
        }
        let p = &self.paras[i];
        let text = p.text.clone();
        self.warn(
            WarningKind::Unplaced,
            format!(
                "text before the first section not understood: `{}`",
                short(&text)
            ),
            p.origin,
        );
        false
    }

    fn place_labelled(&mut self, i: usize, f: Found) {
        if !self.ensure_division(i) {
            return;
        }
        let p = &self.paras[i];
        let level = list_level(p.hint);
        let is_heading_hint = matches!(p.hint, Hint::Heading(_));
        // The next label matters only to an ambiguous `i)`: read it then.
        let next_label = || {
            self.next_para(i)
                .and_then(|n| label::read(&n.text))
                .map(|n| n.label.norm)
        };
        let cur = self.cur.as_ref().expect("division ensured");
        let kind = cur.div.kind;
        let last_top_clause = cur.div.clauses.last();
        let last_top = last_top_clause.and_then(|c| c.label.as_ref());
        let last_info = cur.tops.last().copied().unwrap_or_default();
        let last_top_colon = last_top_clause.is_some_and(|c| {
            let mut n = c;
            while let Some(x) = n.items.last() {
                n = x;
            }
            ends_with_colon(&n.text.shown) || !c.items.is_empty() && ends_with_colon(&c.text.shown)
        });
        let deeper = level > last_info.level && !cur.div.clauses.is_empty();

        // Letter or roman? `i)` after `h)` is a letter, after a clause ending with `:` roman.
        let mut fam = f.family;
        if f.ambiguous_roman {
            let expected_letter = cur.family == Some(Family::Letter)
                && last_top.is_some_and(|l| follows(Some(l), &f.label, Family::Letter));
            let roman_follows = next_label().as_deref() == Some("ii");
            fam = if expected_letter && !deeper && !(roman_follows && last_top_colon) {
                Family::Letter
            } else if f.label.norm == "i" || self.rightmost_family_is(Family::Roman) {
                Family::Roman
            } else {
                Family::Letter
            };
        }

        let top = match kind {
            DivisionKind::Part => fam == Family::Number || cur.div.clauses.is_empty(),
            _ => match cur.family {
                None => cur.div.clauses.is_empty() || fam != Family::Bullet,
                Some(df) => {
                    let fits = follows(last_top.filter(|l| same_family(l, df)), &f.label, df);
                    let opens_sublist = last_top_colon
                        && matches!(f.label.norm.as_str(), "a" | "1" | "i" | "•")
                        && !fits;
                    fam == df && !deeper && !opens_sublist
                }
            },
        };

        if top {
            let cur = self.cur.as_mut().expect("division ensured");
            if cur.family.is_none() && kind != DivisionKind::Part {
                cur.family = Some(fam);
            }
            let heading = is_heading_hint
                || kind == DivisionKind::Part
                    && f.rest.split_whitespace().count() <= 10
                    && !ends_complete(f.rest)
                    && f.rest.starts_with(|c: char| c.is_uppercase());
            // Sequence checks, for the reader of the report.
            let prev = cur.div.clauses.last().and_then(|c| c.label.as_ref());
            if let Some(prev) = prev.filter(|prev| {
                same_family(prev, fam)
                    && fam != Family::Bullet
                    && kind != DivisionKind::Part
                    && !follows(Some(prev), &f.label, fam)
            }) {
                let heading = &cur.div.heading.shown;
                let msg = format!("{heading}: `{}` follows `{}`", f.label.raw, prev.raw);
                self.warn(WarningKind::LabelSequence, msg, p.origin);
            }
            let cur = self.cur.as_mut().expect("division ensured");
            if last_info.list_item && level == 0 && !cur.tops.is_empty() && f.sep != Sep::Tab {
                let heading = cur.div.heading.shown.clone();
                let msg = format!(
                    "list marker lost before `{} {}`: read as {heading} {}",
                    f.label.raw,
                    short(f.rest),
                    f.label.norm
                );
                self.warn(WarningKind::RestoredLabel, msg, p.origin);
            }
            let cur = self.cur.as_mut().expect("division ensured");
            cur.div
                .clauses
                .push(Self::new_clause(Some(f.label), f.rest, p));
            cur.tops.push(TopInfo {
                level,
                heading,
                list_item: matches!(p.hint, Hint::ListItem(_)),
            });
            cur.div.origin = span(cur.div.origin, p.origin);
        } else {
            let depth = self.sub_depth(level, fam);
            let clause = Self::new_clause(Some(f.label), f.rest, p);
            self.attach(depth, clause, p.origin);
        }
    }

    /// Does any item on the rightmost path belong to `fam`?
    fn rightmost_family_is(&self, fam: Family) -> bool {
        let Some(cur) = self.cur.as_ref() else {
            return false;
        };
        let Some(mut node) = cur.div.clauses.last() else {
            return false;
        };
        while let Some(n) = node.items.last() {
            if n.label.as_ref().is_some_and(|l| family_of(l) == fam) {
                return true;
            }
            node = n;
        }
        false
    }

    /// How deep a sub-item goes under the last top-level clause (1 = its direct item).
    fn sub_depth(&self, level: u8, fam: Family) -> usize {
        let Some(cur) = self.cur.as_ref() else {
            return 1;
        };
        let top_level = cur.tops.last().map(|t| t.level).unwrap_or(0);
        if level > top_level {
            return usize::from(level - top_level);
        }
        let Some(mut node) = cur.div.clauses.last() else {
            return 1;
        };
        let mut depth = 0;
        let mut path_colon = false;
        while let Some(n) = node.items.last() {
            depth += 1;
            if n.label.as_ref().is_some_and(|l| same_family(l, fam)) {
                return depth;
            }
            node = n;
        }
        if ends_with_colon(&node.text.shown) {
            path_colon = true;
        }
        if path_colon {
            depth + 1
        } else {
            1
        }
    }

    /// Where an unlabelled paragraph after a complete clause goes: under a node ending with `:`
    /// (`whether:` + its items), beside an unlabelled item, else as the clause's direct item.
    fn unlabelled_depth(&self) -> usize {
        let Some(mut node) = self.cur.as_ref().and_then(|c| c.div.clauses.last()) else {
            return 1;
        };
        let mut depth = 0;
        while let Some(n) = node.items.last() {
            node = n;
            depth += 1;
        }
        if ends_with_colon(&node.text.shown) {
            depth + 1
        } else if depth > 0 && node.label.is_none() {
            depth
        } else {
            1
        }
    }

    /// Attaches a sub-item at `depth` under the last top-level clause, at most
    /// [`MAX_ITEM_DEPTH`] deep.
    fn attach(&mut self, depth: usize, clause: Clause, origin: Origin) {
        let depth = depth.min(MAX_ITEM_DEPTH);
        let Some(cur) = self.cur.as_mut() else {
            return;
        };
        cur.div.origin = span(cur.div.origin, origin);
        let Some(top) = cur.div.clauses.last_mut() else {
            cur.div.clauses.push(clause);
            cur.tops.push(TopInfo::default());
            return;
        };
        top.origin = span(top.origin, origin);
        let mut node = top;
        for _ in 1..depth.max(1) {
            if node.items.is_empty() {
                break;
            }
            let last = node.items.len() - 1;
            node = &mut node.items[last];
            node.origin = span(node.origin, origin);
        }
        node.items.push(clause);
    }

    fn place_unlabelled(&mut self, i: usize) {
        if !self.ensure_division(i) {
            return;
        }
        let p = &self.paras[i];
        if p.text.len() <= 4 && p.text.bytes().all(|b| b.is_ascii_digit()) {
            // A number alone that opens no clause: a page number of a PDF.
            let msg = format!("`{}` alone on its line, read as a page number", p.text);
            self.warn(WarningKind::Unplaced, msg, p.origin);
            return;
        }
        let level = list_level(p.hint);
        let cur = self.cur.as_ref().expect("division ensured");
        let kind = cur.div.kind;
        if cur.div.clauses.is_empty() {
            let cur = self.cur.as_mut().expect("division ensured");
            cur.div.clauses.push(Self::new_clause(None, &p.text, p));
            cur.tops.push(TopInfo {
                level,
                heading: false,
                list_item: level > 0,
            });
            cur.div.origin = span(cur.div.origin, p.origin);
            return;
        }
        let last_heading = cur.tops.last().is_some_and(|t| t.heading)
            && cur.div.clauses.last().is_some_and(|c| c.items.is_empty());
        let last = self.last_text().unwrap_or("");
        let last_empty = last.is_empty();
        let last_complete = ends_complete(last);
        let new_sentence = p.text.starts_with(char::is_uppercase) && !ends_with_connector(last);
        let continues = p.hint == Hint::Continuation
            || (!last_heading && !last_complete && !new_sentence && level == 0);
        if continues || last_empty {
            let refs = p.refs.clone();
            let origin = p.origin;
            let (paras, words) = (self.paras, &mut self.words);
            if let Some(cur) = self.cur.as_mut() {
                cur.div.origin = span(cur.div.origin, origin);
                if let Some(mut node) = cur.div.clauses.last_mut() {
                    // Every clause on the path to the joined one now ends further down.
                    loop {
                        node.origin = span(node.origin, origin);
                        if node.items.is_empty() {
                            break;
                        }
                        let last = node.items.len() - 1;
                        node = &mut node.items[last];
                    }
                    join(
                        move || &*words.get_or_insert_with(|| word_set(paras)),
                        &mut node.text.shown,
                        &p.text,
                    );
                    node.footnote_refs.extend(refs);
                }
            }
            return;
        }
        if level > 0 {
            // An unlabelled list item is a bullet.
            let f = Found {
                label: Label {
                    raw: "•".into(),
                    norm: "•".into(),
                },
                family: Family::Bullet,
                ambiguous_roman: false,
                sep: Sep::Space,
                rest: &p.text,
            };
            self.place_labelled(i, f);
            return;
        }
        if matches!(kind, DivisionKind::Annex | DivisionKind::Appendix) {
            let cur = self.cur.as_mut().expect("division ensured");
            cur.div.clauses.push(Self::new_clause(None, &p.text, p));
            cur.tops.push(TopInfo::default());
            cur.div.origin = span(cur.div.origin, p.origin);
            return;
        }
        let depth = self.unlabelled_depth();
        let clause = Self::new_clause(None, &p.text, p);
        self.attach(depth, clause, p.origin);
    }

    fn finish(mut self) -> Vec<Division> {
        self.close();
        for d in &mut self.done {
            for c in &mut d.clauses {
                rekey(c);
            }
        }
        self.done
    }
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// `SECTION 1`, `Section 1bis` -> `1`, `1bis`.
fn part_number(text: &str) -> Option<String> {
    let t = text.trim();
    let rest = strip_prefix_ci(t, "section")?;
    if !rest.starts_with([' ', '\t', '\u{a0}']) {
        return None;
    }
    let num = rest.trim();
    let ok = !num.is_empty()
        && num.len() <= 8
        && num.starts_with(|c: char| c.is_ascii_digit())
        && num.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then(|| num.to_string())
}

fn annex_kind(text: &str) -> DivisionKind {
    if strip_prefix_ci(text.trim_start(), "appendix").is_some() {
        DivisionKind::Appendix
    } else {
        DivisionKind::Annex
    }
}

/// `Annex A (to Resolution 7)`, `APPENDIX I`, `Appendix I(to Resolution 1 ...)`.
fn annex_number(text: &str) -> Option<(DivisionKind, String)> {
    let t = text.trim();
    let (kind, rest) = if let Some(r) = strip_prefix_ci(t, "annex") {
        (DivisionKind::Annex, r)
    } else if let Some(r) = strip_prefix_ci(t, "appendix") {
        (DivisionKind::Appendix, r)
    } else {
        return None;
    };
    if !rest.starts_with([' ', '\t', '\u{a0}', '\n']) && !rest.is_empty() {
        return None;
    }
    let orig_rest = rest.trim_start();
    let end = orig_rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(orig_rest.len());
    let num = &orig_rest[..end];
    let after = orig_rest[end..].trim();
    let lower_after = after.to_lowercase();
    let ok = after.is_empty() || after.starts_with('(') || lower_after.starts_with("to ");
    (ok && num.len() <= 6).then(|| (kind, num.to_string()))
}

/// After parsing: a resolution ends with an operative clause ending with a full stop; anything
/// else suggests the text was cut.
pub(super) fn check_truncation(res: &mut Resolution) {
    let Some(last) = res.divisions.last() else {
        return;
    };
    let name = last.heading.shown.clone();
    let warning = |message: String, origin: Origin| Warning {
        kind: WarningKind::Truncated,
        message,
        origin: Some(origin),
    };
    let Some(top) = last.clauses.last() else {
        let w = warning(
            format!("the text ends after the heading `{name}`, which has no clause"),
            last.origin,
        );
        res.warnings.push(w);
        return;
    };
    let mut node = top;
    while let Some(n) = node.items.last() {
        node = n;
    }
    let place = match &top.label {
        Some(l) => format!("{name} {}", l.raw),
        None => name.clone(),
    };
    let end = node.origin;
    if last.kind == DivisionKind::Preambular {
        let w = warning(
            format!("the text ends in the preamble, in `{place}`: no operative section follows"),
            end,
        );
        res.warnings.push(w);
        return;
    }
    if last.kind == DivisionKind::Operative {
        let t = node
            .text
            .shown
            .trim_end()
            .trim_end_matches(['*', '_', '"', '\u{201D}', ')']);
        if !t.ends_with('.') {
            let w = warning(
                format!("the text ends in `{place}`, whose last clause ends without a full stop"),
                end,
            );
            res.warnings.push(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_divisions() {
        assert_eq!(part_number("SECTION 1"), Some("1".into()));
        assert_eq!(part_number("Section 1bis "), Some("1bis".into()));
        assert_eq!(part_number("Section 6 of the ITU Convention;"), None);
        assert_eq!(
            annex_number("Appendix I(to Resolution 1 (Rev. Hammamet, 2016))"),
            Some((DivisionKind::Appendix, "I".into()))
        );
        assert_eq!(
            annex_number("Annex A (to Resolution 7)"),
            Some((DivisionKind::Annex, "A".into()))
        );
        assert_eq!(annex_number("Annex 2 contains the list"), None);
        assert_eq!(annex_number("ANNEXİİİİİİİİİİ"), None);
        assert_eq!(part_number("SECTİON 1"), None);
    }

    #[test]
    fn hyphenated_words_are_rejoined_only_when_known() {
        let mut words = Words::default();
        words.insert("standardization".to_string());
        let joined = |a: &str, b: &str| {
            let mut s = a.to_string();
            join(|| &words, &mut s, b);
            s
        };
        assert_eq!(
            joined("the stand-", "ardization sector"),
            "the standardization sector"
        );
        assert_eq!(joined("time-", "frames"), "time-frames");
        assert_eq!(joined("a", "b"), "a b");
    }
}
