//! The heading of a resolution: `RESOLUTION 7 (Rev. Geneva, 2022)`, the history line, the
//! adopting body, and the proposal marks of a contribution (`MOD USA/48A5/1`).

use crate::model::{Adoption, Body, Mark, Op, Origin, Revision};

// The heading fields are read by small scanners, not regular expressions: compiling the
// patterns cost more than a whole diff of two resolutions (about 1.3 ms per process). Each
// scanner says the pattern it stands for; `tests::scanners_match_their_patterns` checks them
// against those patterns on random strings.

/// `(?i)^\s*resolution\s+((?:itu-r\s+)?[0-9]+[0-9a-z\-./]*)\s*(?:\(([^)]*)\)?)?`: the
/// number and the text in parentheses (to `)` or the end).
fn scan_heading(text: &str) -> Option<(&str, Option<&str>)> {
    let rest = strip_prefix_ci(text.trim_start(), "resolution")?;
    let after = rest.trim_start();
    if after.len() == rest.len() {
        return None; // `\s+`
    }
    let digits_at = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    let start = match strip_prefix_ci(after, "itu-r") {
        Some(r) if r.trim_start().len() < r.len() && digits_at(r.trim_start()) => after,
        _ if digits_at(after) => after,
        _ => return None,
    };
    let number_chars = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '/');
    let body = match strip_prefix_ci(start, "itu-r") {
        Some(r) if !digits_at(start) => r.trim_start(),
        _ => start,
    };
    let end = body.find(|c: char| !number_chars(c)).unwrap_or(body.len());
    let number = &start[..start.len() - body.len() + end];
    let tail = body[end..].trim_start();
    let paren = tail
        .strip_prefix('(')
        .map(|inner| &inner[..inner.find(')').unwrap_or(inner.len())]);
    Some((number, paren))
}

/// `(1[89]|20)\d\d` (ASCII digits): the byte ranges of the years in a text, left to right.
fn years(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + 4 <= b.len() {
            let w = &b[i..i + 4];
            let century = matches!((w[0], w[1]), (b'1', b'8' | b'9') | (b'2', b'0'));
            if century && w[2].is_ascii_digit() && w[3].is_ascii_digit() {
                i += 4;
                return Some(i - 4..i);
            }
            i += 1;
        }
        None
    })
}

fn has_year(text: &str) -> bool {
    years(text).next().is_some()
}

/// `([^,;()]+?),\s*((?:1[89]|20)\d\d)`: the (place, year) pairs of a text, left to right.
fn place_years(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let (mut from, mut i) = (0, 0);
    while let Some(off) = text[i..].find([',', ';', '(', ')']) {
        let at = i + off;
        i = at + 1;
        if text.as_bytes()[at] != b',' {
            from = i;
            continue;
        }
        let after = text[i..].trim_start();
        let year_at = text.len() - after.len();
        match years(after).next() {
            Some(y) if y.start == 0 && at > from => {
                out.push((&text[from..at], &text[year_at..year_at + 4]));
                i = year_at + 4;
            }
            _ => {}
        }
        from = i;
    }
    out
}

/// `prefix` (ASCII) at the start of `s` in any case; the rest of `s`. Works on the original
/// string, so byte offsets stay valid (lower-casing may change lengths: `İ`).
pub fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Is this paragraph a resolution heading (`RESOLUTION 7 (Rev. Geneva, 2022)`)?
pub fn is_heading(text: &str) -> bool {
    text.len() < 300 && scan_heading(text).is_some()
}

/// What the heading line says.
#[derive(Debug, Default)]
pub struct HeadingLine {
    pub number: Option<String>,
    pub revision: Option<Revision>,
    /// The revision holds two assemblies run together (`2012HAMMAMET, 2016`).
    pub flattened: bool,
}

/// Reads `RESOLUTION 7 (Rev. Geneva, 2022)`.
pub fn parse_heading(text: &str) -> HeadingLine {
    let Some((number, paren)) = scan_heading(text) else {
        return HeadingLine::default();
    };
    let mut out = HeadingLine {
        number: Some(number.to_string()),
        ..HeadingLine::default()
    };
    let Some(paren) = paren else {
        return out;
    };
    let raw = paren.trim();
    let Some(after) = strip_prefix_ci(raw, "rev") else {
        return out;
    };
    let rest = after.trim_start_matches(['.', ' ', '\u{a0}']);
    let count = years(rest).count();
    out.flattened = count > 1;
    let (place, year) = if count == 1 {
        match place_years(rest).first() {
            Some((p, y)) => (Some(p.trim().to_string()), y.parse::<u16>().ok()),
            None => (None, None),
        }
    } else {
        (None, None)
    };
    out.revision = Some(Revision {
        raw: raw.to_string(),
        place,
        year,
    });
    out
}

/// Does this paragraph look like the history line `(Malaga-Torremolinos, 1984; ...)`?
pub fn looks_like_history(text: &str) -> bool {
    let t = text.trim_start_matches(['*', '_', ' ']);
    t.starts_with('(') && has_year(t)
}

/// The text inside the first pair of parentheses (or to the end if it never closes).
fn inside_parens(text: &str) -> &str {
    let Some(open) = text.find('(') else {
        return text;
    };
    let inner = &text[open + 1..];
    match inner.find(')') {
        Some(close) => &inner[..close],
        None => inner,
    }
}

/// Parses the history line; both `;` and `,` separate the adoptions
/// (`Dubai, 2012, Hammamet, 2016` is written too).
pub fn parse_history(text: &str) -> Vec<Adoption> {
    place_years(inside_parens(text))
        .into_iter()
        .map(|(place, year)| Adoption {
            place: place.trim().to_string(),
            year: year.parse().ok(),
        })
        .collect()
}

/// Does this paragraph look like the adopting body line
/// (`The World Telecommunication Standardization Assembly (Geneva, 2022),`)?
pub fn is_adopting_body(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.len() < 400
        && lower.starts_with("the ")
        && (lower.contains("assembly") || lower.contains("conference"))
        && has_year(text)
}

/// The adopting body named in a text.
pub fn body_of(text: &str) -> Option<Body> {
    let lower = text.to_lowercase();
    if lower.contains("standardization assembly") {
        Some(Body::Wtsa)
    } else if lower.contains("plenipotentiary conference") {
        Some(Body::Pp)
    } else if lower.contains("radiocommunication assembly") || lower.contains("resolution itu-r") {
        Some(Body::Ra)
    } else if lower.contains("development conference") {
        Some(Body::Wtdc)
    } else {
        None
    }
}

/// Reads a proposal mark paragraph: `MOD\tUSA/48A5/1`, `(MOD)`, `ADD*`, `SUP`, `NOC`.
pub fn parse_mark(text: &str, origin: Origin) -> Option<Mark> {
    let (open, op, close, star, reference) = scan_mark(text.trim())?;
    let editorial = open && close;
    if open != close {
        return None;
    }
    let op = Op::parse(op)?;
    let reference = reference.map(str::to_string);
    if reference.as_ref().is_some_and(|r| !r.contains('/')) {
        return None;
    }
    Some(Mark {
        op,
        editorial,
        transferred: star,
        reference,
        reasons: None,
        origin,
    })
}

/// Reads a `Reasons:` paragraph; returns its text.
pub fn parse_reasons(text: &str) -> Option<String> {
    scan_reasons(text.trim()).map(|r| r.trim().to_string())
}

/// `^(\()?(MOD|ADD|SUP|NOC)(\))?(\*)?(?:[\t ]+(\S+))?\s*$`: (open paren, op, close paren,
/// star, reference).
type MarkParts<'a> = (bool, &'a str, bool, bool, Option<&'a str>);

fn scan_mark(text: &str) -> Option<MarkParts<'_>> {
    let (open, rest) = match text.strip_prefix('(') {
        Some(r) => (true, r),
        None => (false, text),
    };
    let op = ["MOD", "ADD", "SUP", "NOC"]
        .into_iter()
        .find(|op| rest.starts_with(op))?;
    let rest = &rest[3..];
    let (close, rest) = match rest.strip_prefix(')') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (star, rest) = match rest.strip_prefix('*') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    if rest.trim().is_empty() {
        return Some((open, op, close, star, None));
    }
    let after = rest.trim_start_matches([' ', '\t']);
    if after.len() == rest.len() {
        return None;
    }
    let end = after.find(char::is_whitespace).unwrap_or(after.len());
    after[end..]
        .trim()
        .is_empty()
        .then(|| (open, op, close, star, Some(&after[..end])))
}

/// `(?i)^reasons?\s*:\s*(.*)$`: the text after the colon (one line).
fn scan_reasons(text: &str) -> Option<&str> {
    let rest = strip_prefix_ci(text, "reason")?;
    let rest = rest.strip_prefix(['s', 'S']).unwrap_or(rest);
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    (!rest.contains('\n')).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_heading_lines() {
        let h = parse_heading("RESOLUTION 7 (Rev. Geneva, 2022)");
        assert_eq!(h.number.as_deref(), Some("7"));
        let r = h.revision.expect("revision");
        assert_eq!(r.raw, "Rev. Geneva, 2022");
        assert_eq!(r.place.as_deref(), Some("Geneva"));
        assert_eq!(r.year, Some(2022));
        assert!(!h.flattened);

        let h = parse_heading("RESOLUTION 7 (REV. DUBAI, 2012HAMMAMET, 2016)");
        assert!(h.flattened);
        assert_eq!(
            h.revision.map(|r| r.raw).as_deref(),
            Some("REV. DUBAI, 2012HAMMAMET, 2016")
        );
        assert_eq!(
            parse_heading("Resolution ITU-R 9-5").number.as_deref(),
            Some("ITU-R 9-5")
        );
        assert!(!is_heading(
            "The United States proposes to revise Resolution 7"
        ));
    }

    #[test]
    fn case_folding_never_breaks_offsets() {
        let h = parse_heading("RESOLUTION 1 (REVİİİİİİİİ, 2016)");
        assert_eq!(h.revision.map(|r| r.year), Some(Some(2016)));
        assert_eq!(strip_prefix_ci("Annex A", "annex"), Some(" A"));
        assert_eq!(strip_prefix_ci("İİ", "annex"), None);
    }

    #[test]
    fn reads_history_with_semicolons_or_commas() {
        let h = parse_history(
            "(Malaga-Torremolinos, 1984; Helsinki, 1993; Dubai, 2012, Hammamet, 2016)",
        );
        let places: Vec<_> = h.iter().map(|a| a.place.as_str()).collect();
        assert_eq!(
            places,
            ["Malaga-Torremolinos", "Helsinki", "Dubai", "Hammamet"]
        );
        assert_eq!(h[3].year, Some(2016));
        assert_eq!(parse_history("(Hammamet, 2016)1, bis").len(), 1);
    }

    /// The patterns the scanners stand for, checked on random strings made of the characters
    /// that matter to them.
    mod against_patterns {
        use super::super::*;
        use proptest::prelude::*;
        use regex::Regex;

        fn re(p: &str) -> Regex {
            Regex::new(p).expect("valid")
        }

        proptest! {
            #[test]
            fn heading(noise in r"[ \t\n\u{a0}(),;:*/.\-0-9a-zA-Z]{0,12}", n in 0usize..6) {
                let heads = ["Resolution 7 ", "RESOLUTION  ITU-R 9-5", "resolution itu-r x",
                    " Resolution\t12A/b (Rev. Geneva, 2022", "Resolutions 3", "resolution(7)"];
                let text = format!("{}{noise}", heads[n]);
                let r = re(r"(?i)^\s*resolution\s+((?:itu-r\s+)?[0-9]+[0-9a-z\-./]*)\s*(?:\(([^)]*)\)?)?");
                let want = r.captures(&text).map(|c| (c.get(1).map(|m| m.as_str()).unwrap_or_default(), c.get(2).map(|m| m.as_str())));
                prop_assert_eq!(scan_heading(&text), want);
            }

            #[test]
            fn years_and_places(text in "[ \n,;()a-c1289\u{a0}]{0,30}") {
                let years_re = re(r"(1[89]|20)[0-9][0-9]");
                let want: Vec<_> = years_re.find_iter(&text).map(|m| m.range()).collect();
                prop_assert_eq!(years(&text).collect::<Vec<_>>(), want);
                let pair = re(r"([^,;()]+?),\s*((?:1[89]|20)[0-9][0-9])");
                let want: Vec<_> = pair.captures_iter(&text).map(|c| (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str())).collect();
                prop_assert_eq!(place_years(&text), want);
            }

            #[test]
            fn marks(text in "[(]?(MOD|ADD|SUP|NOX)[)]?[*]?[ \t\n\u{a0}xA/1]{0,8}") {
                let text = text.trim();
                let r = re(r"^(\()?(MOD|ADD|SUP|NOC)(\))?(\*)?(?:[\t ]+(\S+))?\s*$");
                let want = r.captures(text).map(|c| (c.get(1).is_some(), c.get(2).unwrap().as_str(), c.get(3).is_some(), c.get(4).is_some(), c.get(5).map(|m| m.as_str())));
                prop_assert_eq!(scan_mark(text), want);
            }

            #[test]
            fn reasons(text in "(Reasons?|REASON|reasonS)[ \t\n:]{0,4}[a:\n ]{0,6}") {
                let text = text.trim();
                let r = re(r"(?i)^reasons?\s*:\s*(.*)$");
                let want = r.captures(text).map(|c| c.get(1).unwrap().as_str().trim());
                prop_assert_eq!(scan_reasons(text).map(str::trim), want);
            }
        }
    }

    #[test]
    fn reads_marks() {
        let m = parse_mark("MOD\tUSA/48A5/1", Origin::default()).expect("mark");
        assert_eq!(m.op, Op::Mod);
        assert_eq!(m.reference.as_deref(), Some("USA/48A5/1"));
        assert!(parse_mark("(MOD)", Origin::default()).expect("m").editorial);
        assert!(
            parse_mark("ADD*", Origin::default())
                .expect("m")
                .transferred
        );
        assert!(parse_mark("MODERN times", Origin::default()).is_none());
        assert!(parse_mark("ADD more", Origin::default()).is_none());
    }
}
