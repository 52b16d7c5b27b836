//! Scans of text that run over every clause of both revisions on each comparison: counting pairs of neighbouring characters, ASCII runs tested as bytes (in
//! blocks the compiler turns into vector code), only other characters decoded.

/// How many [`words`](crate::normalize::words) `parts` hold, without cutting them.
pub(super) fn word_count(parts: &[&str]) -> usize {
    parts
        .iter()
        .map(|p| count_char_pairs(p, word_start_ascii, word_start))
        .sum()
}

/// A word starts at each alphanumeric character that follows none.
pub(super) fn word_start(prev: char, c: char) -> bool {
    !prev.is_alphanumeric() && c.is_alphanumeric()
}

/// [`word_start`] on ASCII bytes, with arithmetic only.
fn word_start_ascii(prev: u8, c: u8) -> bool {
    let alnum = |b: u8| (b.wrapping_sub(b'0') < 10) | ((b | 0x20).wrapping_sub(b'a') < 26);
    !alnum(prev) & alnum(c)
}

/// How many pairs of neighbouring characters of `text` satisfy `hit`, the first character
/// paired with a space before it. Runs of ASCII characters are tested as bytes with `ascii`,
/// which must agree with `hit` on them (and be false for any byte followed by 0); only the
/// other characters are decoded.
pub(super) fn count_char_pairs(
    text: &str,
    ascii: impl Fn(u8, u8) -> bool,
    hit: impl Fn(char, char) -> bool,
) -> usize {
    let (mut n, mut prev, mut rest) = (0, ' ', text);
    loop {
        let run = &rest.as_bytes()[..ascii_prefix(rest.as_bytes())];
        if let (Some(&first), Some(&last)) = (run.first(), run.last()) {
            n += usize::from(hit(prev, char::from(first))) + count_pairs(run, &ascii);
            prev = char::from(last);
        }
        let Some(c) = rest[run.len()..].chars().next() else {
            return n;
        };
        n += usize::from(hit(prev, c));
        prev = c;
        rest = &rest[run.len() + c.len_utf8()..];
    }
}

/// How many bytes `b` starts with that are ASCII (tested 16 at a time).
fn ascii_prefix(b: &[u8]) -> usize {
    let whole = b.chunks_exact(16).take_while(|c| c.is_ascii()).count() * 16;
    whole + b[whole..].iter().take_while(|c| c.is_ascii()).count()
}

/// How many pairs of neighbouring bytes of `b` satisfy `hit`, which must be false for any byte
/// followed by 0. Counted in blocks without an early exit, the tail padded with zeros, so that
/// the compiler turns the tests into vector code.
fn count_pairs(b: &[u8], hit: impl Fn(u8, u8) -> bool) -> usize {
    const BLOCK: usize = 32;
    let block = |w: &[u8; BLOCK + 1]| {
        let mut n = 0u8;
        for k in 0..BLOCK {
            n += u8::from(hit(w[k], w[k + 1]));
        }
        usize::from(n)
    };
    let mut n = 0;
    let mut done = 0;
    for w in b.windows(BLOCK + 1).step_by(BLOCK) {
        n += block(w.try_into().expect("a window of BLOCK + 1 bytes"));
        done += BLOCK;
    }
    let mut tail = [0u8; BLOCK + 1];
    tail[..b.len() - done].copy_from_slice(&b[done..]);
    n + block(&tail)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A byte test for [`count_char_pairs`] must agree with its char test on every pair of
    /// ASCII characters, and be false before the zero padding of `count_pairs`.
    pub(in crate::flatten) fn assert_byte_test_agrees(
        ascii: fn(u8, u8) -> bool,
        chars: fn(char, char) -> bool,
    ) {
        for a in 0..128u8 {
            for c in 0..128u8 {
                let (x, y) = (char::from(a), char::from(c));
                assert_eq!(ascii(a, c), chars(x, y), "{x:?} {y:?}");
            }
            assert!(!ascii(a, 0));
        }
    }

    #[test]
    fn the_byte_test_agrees_with_the_char_test() {
        assert_byte_test_agrees(word_start_ascii, word_start);
    }
}
