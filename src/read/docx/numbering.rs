//! Automatic list numbering (`w:numPr`, `word/numbering.xml`): the labels Word draws in front
//! of numbered paragraphs (`1.`, `a)`, `•`), which are not in the text runs.
//!
//! ITU's own files type their labels, but a document written with Word's list buttons, or
//! saved by another office suite, keeps them here; without them `a)` and `1` would vanish.
//! Counting follows Word: list instances (`w:num`) of one definition (`w:abstractNum`) share
//! its counters, an instance with a `w:startOverride` restarts a level where it is first
//! used (how "restart numbering" is saved), and a level restarts when a higher level advances.

use std::collections::{HashMap, HashSet};

use roxmltree::{Document, Node};

use super::symbols::symbol_char;
use super::xml::{is_w, w_attr, w_child};

/// A paragraph's place in a list: `w:numId` and `w:ilvl`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumRef {
    pub num_id: String,
    pub level: usize,
}

impl NumRef {
    /// Reads `w:numPr` of a paragraph (or a style's) properties, with `inherited` filling what
    /// it leaves out. `w:numId w:val="0"` switches numbering off.
    pub fn from_ppr(ppr: Option<Node>, inherited: Option<&NumRef>) -> Option<NumRef> {
        let num_pr = ppr.and_then(|p| w_child(p, "numPr"));
        let num_id = num_pr
            .and_then(|n| w_child(n, "numId"))
            .and_then(|n| w_attr(n, "val"))
            .map(str::to_string)
            .or_else(|| inherited.map(|i| i.num_id.clone()))?;
        if num_id == "0" {
            return None;
        }
        let level = num_pr
            .and_then(|n| w_child(n, "ilvl"))
            .and_then(|n| w_attr(n, "val"))
            .and_then(|v| v.parse().ok())
            .or_else(|| inherited.map(|i| i.level))
            .unwrap_or(0);
        Some(NumRef {
            num_id,
            level: level.min(MAX_LEVELS - 1),
        })
    }
}

/// Word has nine list levels.
const MAX_LEVELS: usize = 9;

/// The largest value a list counts to: Word's own limit for a start value. A document may
/// say more (`w:start="4294967295"`); counting past `u32::MAX` overflowed, and a letter label
/// of a huge value is that many letters (four billion `a`s ran out of memory).
const MAX_VALUE: u32 = 32_767;

/// The longest label kept, in bytes: a real one is `a)`, `1.2.3` or `(iv)`, but `w:lvlText` may
/// repeat `%1` at will.
const MAX_LABEL: usize = 64;

/// A start value as the document gives it, within what a list counts to.
fn start_value(v: &str) -> Option<u32> {
    v.parse::<u32>().ok().map(|v| v.min(MAX_VALUE))
}

#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
    /// What follows the label: a tab (Word's default), a space or nothing.
    suffix: &'static str,
    /// The symbol font of a bullet, whose character codes are not Unicode.
    symbol_font: Option<&'static str>,
}

/// The list definitions of a document.
#[derive(Debug, Default)]
pub struct Numbering {
    /// `w:numId` -> the list instance.
    lists: HashMap<String, List>,
}

/// A list instance: its definition's levels with the instance's overrides.
#[derive(Debug)]
struct List {
    abstract_id: String,
    levels: Vec<Level>,
    /// Levels this instance restarts, at which value.
    restarts: [Option<u32>; MAX_LEVELS],
}

impl Numbering {
    pub fn from_xml(doc: &Document) -> Self {
        let root = doc.root_element();
        let mut abstracts: HashMap<&str, Vec<Level>> = HashMap::new();
        for abs in root.children().filter(|n| is_w(*n, "abstractNum")) {
            if let Some(id) = w_attr(abs, "abstractNumId") {
                let mut levels = vec![Level::default(); MAX_LEVELS];
                read_levels(abs, &mut levels);
                abstracts.insert(id, levels);
            }
        }
        let mut lists = HashMap::new();
        for num in root.children().filter(|n| is_w(*n, "num")) {
            let (Some(id), Some(abs)) = (
                w_attr(num, "numId"),
                w_child(num, "abstractNumId").and_then(|n| w_attr(n, "val")),
            ) else {
                continue;
            };
            let Some(mut levels) = abstracts.get(abs).cloned() else {
                continue;
            };
            let mut restarts = [None; MAX_LEVELS];
            for over in num.children().filter(|n| is_w(*n, "lvlOverride")) {
                let Some(i) = level_index(over) else { continue };
                read_levels(over, &mut levels);
                let start = w_child(over, "startOverride").and_then(|n| w_attr(n, "val"));
                if let Some(start) = start.and_then(start_value) {
                    restarts[i] = Some(start);
                }
            }
            lists.insert(
                id.to_string(),
                List {
                    abstract_id: abs.to_string(),
                    levels,
                    restarts,
                },
            );
        }
        Numbering { lists }
    }
}

fn level_index(node: Node) -> Option<usize> {
    let i: usize = w_attr(node, "ilvl")?.parse().ok()?;
    (i < MAX_LEVELS).then_some(i)
}

/// Reads the `w:lvl` children of an abstract definition or an override into `levels`.
fn read_levels(parent: Node, levels: &mut [Level]) {
    for lvl in parent.children().filter(|n| is_w(*n, "lvl")) {
        let Some(i) = level_index(lvl) else { continue };
        let val = |name: &str| w_child(lvl, name).and_then(|n| w_attr(n, "val"));
        let symbol_font = w_child(lvl, "rPr")
            .and_then(|r| w_child(r, "rFonts"))
            .and_then(|f| w_attr(f, "ascii").or_else(|| w_attr(f, "hAnsi")))
            .and_then(|font| {
                let font = font.to_ascii_lowercase();
                if font.starts_with("symbol") {
                    Some("Symbol")
                } else if font.starts_with("wingdings") {
                    Some("Wingdings")
                } else {
                    None
                }
            });
        levels[i] = Level {
            format: val("numFmt").unwrap_or("decimal").to_string(),
            text: val("lvlText").unwrap_or_default().to_string(),
            start: val("start").and_then(start_value).unwrap_or(1),
            suffix: match val("suff") {
                Some("space") => " ",
                Some("nothing") => "",
                _ => "\t",
            },
            symbol_font,
        };
    }
}

/// The counters of one rendering pass (one view): labels depend on which paragraphs show.
#[derive(Debug, Default)]
pub struct Counters {
    /// `w:abstractNumId` -> the current value of each level (`None`: not started).
    values: HashMap<String, [Option<u32>; MAX_LEVELS]>,
    /// The (instance, level) pairs whose restart has been applied.
    restarted: HashSet<(String, usize)>,
}

impl Counters {
    /// Advances the list of `num` and returns the label of this paragraph with its suffix
    /// (`a)\t`), or `None` when the document does not define that list.
    pub fn next_label(&mut self, numbering: &Numbering, num: &NumRef) -> Option<String> {
        let list = numbering.lists.get(&num.num_id)?;
        let values = self
            .values
            .entry(list.abstract_id.clone())
            .or_insert([None; MAX_LEVELS]);
        let level = &list.levels[num.level];
        let restart = list.restarts[num.level]
            .filter(|_| self.restarted.insert((num.num_id.clone(), num.level)));
        values[num.level] = Some(match (restart, values[num.level]) {
            (Some(start), _) => start,
            (None, Some(v)) => (v + 1).min(MAX_VALUE),
            (None, None) => level.start,
        });
        for deeper in values.iter_mut().skip(num.level + 1) {
            *deeper = None;
        }
        let label = if level.format == "bullet" {
            bullet_text(&level.text, level.symbol_font)
        } else {
            expand(&level.text, &list.levels, values)
        };
        Some(if label.is_empty() {
            label
        } else {
            format!("{label}{}", level.suffix)
        })
    }
}

/// `%1.%2)` with each `%n` replaced by level n's value in its format; at most [`MAX_LABEL`]
/// bytes.
fn expand(pattern: &str, levels: &[Level], values: &[Option<u32>; MAX_LEVELS]) -> String {
    let mut out = String::new();
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        if out.len() > MAX_LABEL {
            break;
        }
        let level = match (c, chars.peek()) {
            ('%', Some(d)) if ('1'..='9').contains(d) => *d as usize - '1' as usize,
            _ => {
                out.push(c);
                continue;
            }
        };
        chars.next();
        let value = values[level].unwrap_or(levels[level].start);
        out.push_str(&format_number(value, &levels[level].format));
    }
    if out.len() > MAX_LABEL {
        let mut end = MAX_LABEL;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    out
}

fn bullet_text(text: &str, font: Option<&str>) -> String {
    text.chars()
        .map(|c| match (font, c as u32) {
            (Some(font), code @ 0xF020..=0xF0FF) => {
                symbol_char(Some(font), Some(&format!("{code:X}"))).unwrap_or('•')
            }
            (Some(font), code @ 0x20..=0xFF) => {
                symbol_char(Some(font), Some(&format!("{code:X}"))).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n, 'a'),
        "upperLetter" => letters(n, 'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "decimalZero" => format!("{n:02}"),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

/// Word's letters: a..z, then aa..zz, aaa...
fn letters(n: u32, a: char) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from_u32(a as u32 + (n - 1) % 26).unwrap_or(a);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        assert_eq!(letters(1, 'a'), "a");
        assert_eq!(letters(26, 'a'), "z");
        assert_eq!(letters(27, 'a'), "aa");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(format_number(7, "lowerRoman"), "vii");
        assert_eq!(format_number(3, "decimalZero"), "03");
    }

    #[test]
    fn levels_count_and_restart() {
        let xml = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:suff w:val="space"/></w:lvl>
            <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>
            <w:lvl w:ilvl="3"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
        </w:numbering>"#;
        let doc = Document::parse(xml).unwrap();
        let numbering = Numbering::from_xml(&doc);
        let mut c = Counters::default();
        let mut next = |id: &str, level: usize| {
            c.next_label(
                &numbering,
                &NumRef {
                    num_id: id.into(),
                    level,
                },
            )
        };
        assert_eq!(next("1", 0).as_deref(), Some("1\t"));
        assert_eq!(next("1", 1).as_deref(), Some("a) "));
        assert_eq!(next("1", 1).as_deref(), Some("b) "));
        assert_eq!(next("1", 2).as_deref(), Some("•\t"));
        assert_eq!(next("1", 0).as_deref(), Some("2\t"));
        assert_eq!(next("1", 1).as_deref(), Some("a) "));
        assert_eq!(next("1", 3).as_deref(), Some("2.1\t"));
        // Another instance of the same definition restarts where it is first used, then
        // shares the counters.
        assert_eq!(next("2", 0).as_deref(), Some("5\t"));
        assert_eq!(next("1", 0).as_deref(), Some("6\t"));
        assert_eq!(next("2", 0).as_deref(), Some("7\t"));
        assert_eq!(next("9", 0), None);
    }
}
