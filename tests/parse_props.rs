//! Properties: any input gives Ok or Err, never a panic; cost grows linearly with the input.

use std::time::Instant;

use proptest::prelude::*;
use resdiff::{load_bytes, LoadOptions};

/// Lines that look like pieces of resolutions, so random documents reach deep parser rules.
fn itu_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("RESOLUTION 7 (Rev. Geneva, 2022)".to_string()),
        Just("(Malaga-Torremolinos, 1984; Dubai, 2012, Hammamet, 2016)".to_string()),
        Just("The World Telecommunication Standardization Assembly (Geneva, 2022),".to_string()),
        Just("*considering*".to_string()),
        Just("resolves".to_string()),
        Just("noting further".to_string()),
        Just("SECTION 1bis".to_string()),
        Just("Annex A (to Resolution 7)".to_string()),
        Just("MOD\tUSA/48A5/1".to_string()),
        Just("Reasons: none".to_string()),
        Just("1.13\tVoting".to_string()),
        Just("• • ".to_string()),
        Just("".to_string()),
        "(- |  - |• |)?([a-z]\\)|[ivx]{1,4}\\)|[0-9]{1,2}(\\.[0-9]{1,2}){0,3}|•\t)?[ \t]?[a-zA-Z ,;:.\u{2011}\u{a0}-]{0,40}",
        "\\PC{0,30}",
        // Case-changing letters (`İ` lower-cases to two characters) around keywords.
        "(RESOLUTION|Annex|SECTION|Appendix|Section) [İẞΣ0-9a-zA-Z()., ]{0,20}",
        "RESOLUTION [0-9]{1,3} \\((REV|Rev\\.|rev)[İ ]{0,3}[A-Za-zİ]{0,8}, [0-9]{4}[A-Za-z, 0-9]{0,12}\\)",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = load_bytes("x.txt".as_ref(), &bytes, &LoadOptions::default());
        let _ = load_bytes("x.md".as_ref(), &bytes, &LoadOptions::default());
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,400}") {
        let _ = load_bytes("x.txt".as_ref(), s.as_bytes(), &LoadOptions::default());
        let _ = load_bytes("x.md".as_ref(), s.as_bytes(), &LoadOptions::default());
    }

    #[test]
    fn resolution_like_documents_never_panic(lines in proptest::collection::vec(itu_line(), 0..60)) {
        let text = lines.join("\n");
        for name in ["x.txt", "x.md"] {
            if let Ok(r) = load_bytes(name.as_ref(), text.as_bytes(), &LoadOptions::default()) {
                // Whatever was read is consistent: every clause has its key.
                for (_, c) in r.clauses() {
                    prop_assert_eq!(&c.text.key, &resdiff::normalize::comparison_key(&c.text.shown));
                }
            }
        }
        let outline: String = lines.iter().map(|l| format!("• {l}\n")).collect();
        let _ = load_bytes("x.txt".as_ref(), outline.as_bytes(), &LoadOptions::default());
        let run_on = lines.join(" ");
        let _ = load_bytes("x.txt".as_ref(), run_on.as_bytes(), &LoadOptions::default());
    }
}

/// Best of three runs, so a busy machine does not fail the test.
fn seconds(text: &str) -> f64 {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let r = load_bytes("big.txt".as_ref(), text.as_bytes(), &LoadOptions::default());
            assert!(r.is_ok());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}

/// Ten times the input may not cost much more than ten times the time (a quadratic rule would
/// cost a hundred times). One clause of many cut lines is the worst case for joining.
#[test]
fn cost_is_linear_in_the_input_size() {
    let line = "the need for mutual agreements on many areas of standardization activity";
    let doc = |n: usize| {
        let mut s = String::from("RESOLUTION 1\nTitle\nconsidering\na) ");
        for _ in 0..n {
            s.push_str(line);
            s.push('\n');
        }
        s.push_str("resolves\n1 to do.\n");
        s
    };
    let small = seconds(&doc(1_000)).max(0.002);
    let big = seconds(&doc(10_000));
    eprintln!("1k lines: {small:.4}s, 10k lines: {big:.4}s");
    assert!(
        big < small * 40.0,
        "1k lines: {small:.3}s, 10k lines: {big:.3}s"
    );
}
