//! The heading of a resolution: `RESOLUTION 7 (Rev. Geneva, 2022)`, the history line, the
//! adopting body, and the proposal marks of a contribution (`MOD USA/48A5/1`).

use std::sync::OnceLock;

use regex::Regex;

use crate::model::{Adoption, Body, Mark, Op, Origin, Revision};

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

fn heading_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"(?i)^\s*resolution\s+((?:itu-r\s+)?[0-9]+[0-9a-z\-./]*)\s*(?:\(([^)]*)\)?)?",
    )
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"(1[89]|20)\d\d")
}

fn pair_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"([^,;()]+?),\s*((?:1[89]|20)\d\d)")
}

fn mark_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"^(\()?(MOD|ADD|SUP|NOC)(\))?(\*)?(?:[\t ]+(\S+))?\s*$",
    )
}

fn reasons_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"(?i)^reasons?\s*:\s*(.*)$")
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
    text.len() < 300 && heading_re().is_match(text)
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
    let Some(caps) = heading_re().captures(text) else {
        return HeadingLine::default();
    };
    let number = caps.get(1).map(|m| m.as_str().to_string());
    let mut out = HeadingLine {
        number,
        ..HeadingLine::default()
    };
    let Some(paren) = caps.get(2) else {
        return out;
    };
    let raw = paren.as_str().trim();
    let Some(after) = strip_prefix_ci(raw, "rev") else {
        return out;
    };
    let rest = after.trim_start_matches(['.', ' ', '\u{a0}']);
    let years = year_re().find_iter(rest).count();
    out.flattened = years > 1;
    let (place, year) = if years == 1 {
        match pair_re().captures(rest) {
            Some(c) => (Some(c[1].trim().to_string()), c[2].parse::<u16>().ok()),
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
    t.starts_with('(') && year_re().is_match(t)
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
    pair_re()
        .captures_iter(inside_parens(text))
        .map(|c| Adoption {
            place: c[1].trim().to_string(),
            year: c[2].parse().ok(),
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
        && year_re().is_match(text)
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
    let caps = mark_re().captures(text.trim())?;
    let editorial = caps.get(1).is_some() && caps.get(3).is_some();
    if caps.get(1).is_some() != caps.get(3).is_some() {
        return None;
    }
    let op = Op::parse(&caps[2])?;
    let reference = caps.get(5).map(|m| m.as_str().to_string());
    if reference.as_ref().is_some_and(|r| !r.contains('/')) {
        return None;
    }
    Some(Mark {
        op,
        editorial,
        transferred: caps.get(4).is_some(),
        reference,
        reasons: None,
        origin,
    })
}

/// Reads a `Reasons:` paragraph; returns its text.
pub fn parse_reasons(text: &str) -> Option<String> {
    reasons_re()
        .captures(text.trim())
        .map(|c| c[1].trim().to_string())
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
