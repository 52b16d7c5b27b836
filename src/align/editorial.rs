//! The editorial classifier: a MOD that only touches punctuation, case, hyphenation or the
//! years of references is what ITU writes `(MOD)`.

use crate::normalize::comparison_key;

/// The text with only what an editorial change cannot touch: letters and digits, lower-cased,
/// with years (`2012`, `2016`) masked. `time-frames`, `timeframes` and `time frames` agree.
fn substance(s: &str) -> String {
    substance_of_key(&comparison_key(s))
}

/// [`substance`] of a text whose comparison key is already known.
fn substance_of_key(key: &str) -> String {
    let key = if key.is_ascii() {
        key.to_ascii_lowercase()
    } else {
        key.to_lowercase()
    };
    let mut out = String::with_capacity(key.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        let is_year = digits.len() == 4
            && digits
                .parse::<u32>()
                .is_ok_and(|y| (1800..=2099).contains(&y));
        if is_year {
            out.push('#');
        } else {
            out.push_str(digits);
        }
        digits.clear();
    };
    for c in key.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        flush(&mut digits, &mut out);
        if c.is_alphanumeric() {
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}

/// True when `old` and `new` differ only in punctuation, case, hyphenation, spacing or the
/// years of references (`Rev. Busan, 2014` -> `Rev. Busan, 2018`); a changed place name or
/// word is not editorial. Nor is a change of the bidirectional controls, which changes the
/// order in which the words are shown ([`crate::bidi`]).
pub fn is_editorial(old: &str, new: &str) -> bool {
    substance(old) == substance(new) && crate::bidi::same_controls(old, new)
}

/// [`is_editorial`] on the comparison keys of the two texts (the aligner has them already);
/// the caller checks the bidirectional controls of the texts.
pub(crate) fn is_editorial_key(old_key: &str, new_key: &str) -> bool {
    if old_key.is_ascii() && new_key.is_ascii() {
        // Most changes are not editorial: compared as they are read, they differ early.
        ascii_substance(old_key).eq(ascii_substance(new_key))
    } else {
        substance_of_key(old_key) == substance_of_key(new_key)
    }
}

/// [`substance_of_key`] of an ASCII key, byte by byte as it is read.
fn ascii_substance(key: &str) -> impl Iterator<Item = u8> + '_ {
    let bytes = key.as_bytes();
    let mut i = 0;
    let mut pending: &[u8] = &[];
    std::iter::from_fn(move || loop {
        if let Some((&first, rest)) = pending.split_first() {
            pending = rest;
            return Some(first);
        }
        let &c = bytes.get(i)?;
        if c.is_ascii_digit() {
            let start = i;
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let run = &bytes[start..i];
            let year = run.len() == 4
                && (1800..=2099)
                    .contains(&run.iter().fold(0u32, |y, d| y * 10 + u32::from(d - b'0')));
            pending = if year { b"#" } else { run };
            continue;
        }
        i += 1;
        if c.is_ascii_alphanumeric() {
            return Some(c.to_ascii_lowercase());
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_case_hyphens_and_years_are_editorial() {
        assert!(is_editorial(
            "the increasing cost of developing international standards and recommendations;,",
            "the increasing cost of developing international standards and Recommendations;"
        ));
        assert!(is_editorial("time-frames", "timeframes"));
        assert!(is_editorial("time frames", "time\u{2011}frames"));
        assert!(is_editorial("(Rev. Busan, 2014)", "(Rev. Busan, 2018)"));
        assert!(!is_editorial("(Dubai, 2012)", "(Hammamet, 2016)"));
        assert!(!is_editorial("ITU-T", "ITU-R"));
        assert!(!is_editorial(
            "the study groups",
            "the study group chairmen"
        ));
        assert!(!is_editorial("Article 1", "Article 2"));
    }

    #[test]
    fn ascii_substance_reads_as_substance_of_key() {
        for key in [
            "",
            "Rev. Busan, 2014; 12345 and 1799, 2099 2100 007 x2014y",
            "the ITU-T Study Groups; (a) 1984",
        ] {
            let streamed: Vec<u8> = ascii_substance(key).collect();
            assert_eq!(streamed, substance_of_key(key).into_bytes(), "{key}");
        }
    }

    #[test]
    fn keys_judge_as_texts_do() {
        for (a, b) in [
            ("time-frames", "timeframes"),
            ("(Rev. Busan, 2014)", "(Rev. Busan, 2018)"),
            ("*ITU\u{2011}T* A.23", "ITU-T A.24"),
            ("Étude  générale", "étude générale;"),
        ] {
            assert_eq!(
                is_editorial(a, b),
                is_editorial_key(&comparison_key(a), &comparison_key(b)),
                "{a} / {b}"
            );
        }
    }
}
