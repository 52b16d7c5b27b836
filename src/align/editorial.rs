//! The editorial classifier: a MOD that only touches punctuation, case, hyphenation or the
//! years of references is what ITU writes `(MOD)`.

use crate::normalize::comparison_key;

/// The text with only what an editorial change cannot touch: letters and digits, lower-cased,
/// with years (`2012`, `2016`) masked. `time-frames`, `timeframes` and `time frames` agree.
fn substance(s: &str) -> String {
    let key = comparison_key(s).to_lowercase();
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
/// word is not editorial.
pub fn is_editorial(old: &str, new: &str) -> bool {
    substance(old) == substance(new)
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
}
