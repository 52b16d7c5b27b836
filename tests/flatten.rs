//! Flattened revision marks: evidence found on the shipped proposal text, none on clean texts,
//! and the insertions of a flattened proposal separated exactly when its base is known.

mod common;

use resdiff::flatten::{self, GlueKind};
use resdiff::model::WarningKind;
use resdiff::report::SegmentOp;
use resdiff::{load, CompareOptions, LoadOptions};

fn res(rel: &str) -> resdiff::Resolution {
    load(&common::repo(rel), &LoadOptions::default()).unwrap()
}

#[test]
fn the_usa_proposal_text_is_flagged_with_its_glue_points_and_lines() {
    let usa = res(common::RES7_USA);
    let glues = flatten::glue_points(&usa, None);
    let found: Vec<(&str, GlueKind, String)> = glues
        .iter()
        .map(|g| (g.token.as_str(), g.kind, g.place()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("2012HAMMAMET,", GlueKind::YearWord, "heading".to_string()),
            (
                "2012Hammamet,",
                GlueKind::YearWord,
                "adopting body".to_string()
            ),
            (
                "recommendations;,",
                GlueKind::Punctuation,
                "line 32".to_string()
            ),
            ("asto", GlueKind::WordBoundary, "line 46".to_string()),
        ]
    );
    let w = usa
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::FlattenedRevisions && w.message.contains("line 46"))
        .expect("parse warns about the flattened body");
    assert!(w.message.contains("`asto` (line 46)"), "{}", w.message);
}

#[test]
fn the_other_revision_supplies_more_known_words() {
    let usa = res(common::RES7_USA);
    let geneva = res(common::RES7_GENEVA);
    let glues = flatten::glue_points(&usa, Some(&geneva));
    let andburdens = glues
        .iter()
        .find(|g| g.token == "andburdens")
        .expect("found with Geneva's words");
    assert_eq!(
        (andburdens.left.as_str(), andburdens.right.as_str()),
        ("and", "burdens")
    );
    assert_eq!(andburdens.place(), "line 27");
}

#[test]
fn clean_texts_are_not_flagged() {
    for rel in [common::RES7_GENEVA, common::RES1_HAMMAMET] {
        let r = res(rel);
        let strong: Vec<_> = flatten::glue_points(&r, None)
            .into_iter()
            .filter(|g| g.kind.is_strong())
            .collect();
        assert!(strong.is_empty(), "{rel}: {strong:?}");
        assert!(
            r.warnings
                .iter()
                .all(|w| w.kind != WarningKind::FlattenedRevisions),
            "{rel}"
        );
    }
}

#[test]
fn clean_revisions_compared_get_no_warning() {
    let geneva = res(common::RES7_GENEVA);
    let res1 = res(common::RES1_HAMMAMET);
    for (a, b) in [
        (&geneva, &geneva),
        (&res1, &res1),
        (&res1, &geneva),
        (&geneva, &res1),
    ] {
        let report = resdiff::compare(a, b, &CompareOptions::default());
        let flat: Vec<_> = report
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::FlattenedRevisions)
            .collect();
        assert!(flat.is_empty(), "{flat:?}");
    }
}

#[test]
fn the_diff_report_carries_the_warning() {
    let usa = res(common::RES7_USA);
    let geneva = res(common::RES7_GENEVA);
    let report = resdiff::compare(&usa, &geneva, &CompareOptions::default());
    assert!(report
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::FlattenedRevisions
            && w.message.starts_with("old: revision marks seem")));
}

/// Flattens a revision pair the way Word's plain-text export does: each deleted run is kept and
/// followed, with no space, by the inserted run that replaced it. Returns the flattened clause
/// texts (in NEW's order), the inserted runs, and the true glue tokens (last deleted word glued
/// to the first inserted word).
fn flatten_pair(
    old: &resdiff::Resolution,
    new: &resdiff::Resolution,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let report = resdiff::compare(old, new, &CompareOptions::default());
    let (mut clauses, mut inserted, mut glues) = (Vec::new(), Vec::new(), Vec::new());
    for ch in report.changes.iter().filter(|c| c.op != resdiff::Op::Sup) {
        let mut clause = String::new();
        for (i, seg) in ch.inline.iter().enumerate() {
            match seg.op {
                SegmentOp::Equal => clause.push_str(&seg.text),
                SegmentOp::Delete => {
                    // Replaced words: the struck run ends where the typed run begins.
                    let next = ch.inline.get(i + 1).filter(|n| n.op == SegmentOp::Insert);
                    clause.push_str(if next.is_some() {
                        seg.text.trim_end()
                    } else {
                        &seg.text
                    });
                    if let Some(next) = next {
                        let last = seg.text.split_whitespace().last().unwrap_or("");
                        let first = next.text.split_whitespace().next().unwrap_or("");
                        glues.push(format!("{last}{first}"));
                    }
                }
                SegmentOp::Insert => {
                    clause.push_str(&seg.text);
                    if ch.op == resdiff::Op::Mod {
                        inserted.push(seg.text.trim().to_string());
                    }
                }
            }
        }
        clauses.push(clause);
    }
    (clauses, inserted, glues)
}

#[test]
fn a_flattened_proposal_made_from_a_known_pair_is_detected_and_its_insertions_recovered() {
    // Base: Geneva 2022. Proposal: eight edits, then flattened as Word's text export does.
    let base_text = std::fs::read_to_string(common::repo(common::RES7_GENEVA)).unwrap();
    let edited = base_text
        .replace(
            "some aspects of telecommunications",
            "certain aspects of telecommunication services",
        )
        .replace(
            "the increasing financial burdens on",
            "the growing financial burdens on",
        )
        .replace("to report regularly to the", "to report annually to the")
        .replace(
            "on many areas of standardization",
            "on other areas of standardization",
        )
        .replace(
            "differ among the three organizations",
            "differ among the organizations concerned",
        )
        .replace(
            "by appropriate and balanced means",
            "by appropriate and effective means",
        )
        .replace(
            "on points of shared interest",
            "on points of common interest",
        )
        .replace(
            "any necessary collaborative meetings",
            "any necessary coordination meetings",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.md");
    std::fs::write(&path, &edited).unwrap();
    let base = res(common::RES7_GENEVA);
    let edited = load(&path, &LoadOptions::default()).unwrap();
    let (flat_clauses, inserted, true_glues) = flatten_pair(&base, &edited);
    assert_eq!(
        inserted,
        vec![
            "certain",
            "telecommunication services",
            "other",
            "concerned",
            "growing",
            "annually",
            "effective",
            "coordination",
            "common"
        ]
    );

    // Write the flattened proposal as a file: the base's heading, then the flattened clauses.
    let mut proposal: String = base_text
        .lines()
        .take_while(|l| !l.contains("*considering*"))
        .map(|l| format!("{l}\n"))
        .collect();
    let mut section = String::new();
    for ((d, c), flat) in edited.clauses().into_iter().zip(&flat_clauses) {
        if d.heading.shown != section {
            section = d.heading.shown.clone();
            proposal.push_str(&format!("\n*{}*\n\n", d.heading.key));
        }
        let label = c
            .label
            .as_ref()
            .map(|l| format!("{} ", l.raw))
            .unwrap_or_default();
        let first_line = flat.lines().next().unwrap_or("");
        proposal.push_str(&format!("- {label}{first_line}\n"));
        for item in flat.lines().skip(1) {
            proposal.push_str(&format!("  - {}\n", item.trim_start_matches("• ")));
        }
    }
    let ppath = dir.path().join("flattened.md");
    std::fs::write(&ppath, &proposal).unwrap();
    let flat = load(&ppath, &LoadOptions::default()).unwrap();
    assert_eq!(flat.clauses().len(), edited.clauses().len());

    // Precision: every glue point found is a true one. Recall: every true glue point whose two
    // parts are words known from either text (the documented evidence) is found.
    let glues = flatten::glue_points(&flat, Some(&base));
    let found: Vec<&str> = glues
        .iter()
        .map(|g| g.token.trim_end_matches([',', ';']))
        .collect();
    for f in &found {
        assert!(
            true_glues.iter().any(|t| t == f),
            "false glue point {f} (true: {true_glues:?})"
        );
    }
    let base_words: std::collections::HashSet<String> = base_text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let detectable: Vec<&String> = true_glues
        .iter()
        .filter(|t| {
            (3..t.len().saturating_sub(2)).any(|k| {
                t.is_char_boundary(k)
                    && base_words.contains(&t[..k].to_lowercase())
                    && base_words.contains(&t[k..].to_lowercase())
            })
        })
        .collect();
    assert!(
        detectable.len() >= 4,
        "the edits give evidence: {detectable:?}"
    );
    for t in &detectable {
        assert!(found.contains(&t.as_str()), "missed {t}: found {found:?}");
    }
    assert!(flat
        .warnings
        .iter()
        .chain(&resdiff::compare(&base, &flat, &CompareOptions::default()).warnings)
        .any(|w| w.kind == WarningKind::FlattenedRevisions));

    // With the base: what the proposal inserted is recovered exactly (here glued to the struck
    // word, as in the flattened text), and the struck word is guessed at each glue point.
    let sep = flatten::separate(&base, &flat);
    let all_inserted: Vec<String> = sep.iter().flat_map(|s| s.inserted.clone()).collect();
    for t in &detectable {
        assert!(
            all_inserted.iter().any(|i| i.contains(t.as_str())),
            "{t} in {all_inserted:?}"
        );
    }
    let guesses: Vec<String> = sep
        .iter()
        .flat_map(|s| s.guessed_deletions.iter().flatten().cloned())
        .collect();
    for t in &detectable {
        let glue = glues
            .iter()
            .find(|g| g.token.trim_end_matches([',', ';']) == t.as_str())
            .unwrap();
        assert!(
            guesses.contains(&glue.left),
            "guess {} for {t}: {guesses:?}",
            glue.left
        );
    }
}

#[test]
fn against_geneva_the_usa_text_shows_struck_words_glued_to_their_replacements() {
    let mut usa = res(common::RES7_USA);
    usa.warnings.clear(); // judge on the cross-check alone
    let geneva = res(common::RES7_GENEVA);
    let report = resdiff::compare(&usa, &geneva, &CompareOptions::default());
    let w = flatten::cross_check(&usa, &geneva, &report);
    assert_eq!(w.len(), 1, "{w:?}");
    let m = &w[0].message;
    assert!(m.starts_with("old: revision marks seem flattened"), "{m}");
    for glued in [
        "constraintsstandards",
        "andburdens",
        "testingwho",
        "adviseinform",
        "asto",
    ] {
        assert!(m.contains(&format!("`{glued}`")), "{glued} in {m}");
    }
}

/// The two views of a LibreOffice-made .docx fixture, flattened as Word's text export does:
/// glue detection finds only true glue points, and every detectable one.
#[test]
fn flattened_texts_made_from_office_suite_fixtures() {
    let mut checked = 0;
    for fixture in [
        "tests/fixtures/docx/res1-compare.docx",
        "tests/fixtures/docx/res7-compare.docx",
        "tests/fixtures/docx/res7-tracked.docx",
    ] {
        let (before, after) = resdiff::read::load_views(&common::repo(fixture)).unwrap();
        let (flat_clauses, _inserted, true_glues) = flatten_pair(&before, &after);
        // The after view with each clause's text replaced by its flattened text.
        let mut flat = after.clone();
        let mut texts = flat_clauses.into_iter();
        for division in flat.divisions.iter_mut() {
            replace_texts(division, &mut texts);
        }
        let found: Vec<String> = flatten::glue_points(&flat, Some(&before))
            .into_iter()
            .filter(|g| g.kind != GlueKind::Punctuation)
            .map(|g| g.token.trim_end_matches([',', ';', '.', ':']).to_string())
            .collect();
        for f in &found {
            assert!(
                true_glues.contains(f),
                "{fixture}: false glue point {f} (true: {true_glues:?})"
            );
        }
        let report = resdiff::compare(&before, &flat, &CompareOptions::default());
        let replaced: Vec<String> = flatten::cross_check(&before, &flat, &report)
            .iter()
            .map(|w| w.message.clone())
            .collect();
        for t in &true_glues {
            if t.chars().all(char::is_alphabetic) && t.len() >= 4 {
                checked += 1;
                assert!(
                    found.contains(t) || replaced.iter().any(|m| m.contains(&format!("`{t}`"))),
                    "{fixture}: missed {t}: found {found:?}, warnings {replaced:?}"
                );
            }
        }
    }
    assert!(checked >= 2, "the fixtures hold replacements to flatten");
}

fn replace_texts(d: &mut resdiff::Division, texts: &mut impl Iterator<Item = String>) {
    for c in d.clauses.iter_mut() {
        if let Some(t) = texts.next() {
            c.text = resdiff::model::Text::new(t);
            c.items.clear();
        }
    }
    for child in d.children.iter_mut() {
        replace_texts(child, texts);
    }
}

/// `load_and_compare` takes the strong glue points found while reading the files rather than
/// looking for them again: its report must be the one of `load_pair` then `compare`, both ways,
/// on a flagged text, a clean one, and one whose single strong glue point is too few to flag
/// it when read (the comparison weighs it with the report's replacement glues).
#[test]
fn load_and_compare_reports_as_load_then_compare() {
    let dir = tempfile::tempdir().unwrap();
    let geneva = std::fs::read_to_string(common::repo(common::RES7_GENEVA)).unwrap();
    let glued = dir.path().join("one-glue.md");
    std::fs::write(
        &glued,
        geneva.replacen("of the ITU Constitution", "of theITU Constitution", 1),
    )
    .unwrap();
    let one = load(&glued, &LoadOptions::default()).unwrap();
    assert!(
        !(one.warnings.iter()).any(|w| w.kind == WarningKind::FlattenedRevisions),
        "{:?}",
        one.warnings
    );
    let strong: Vec<_> = flatten::glue_points(&one, None)
        .into_iter()
        .filter(|g| g.token == "theITU")
        .collect();
    assert_eq!(strong.len(), 1, "the glue point is there: {strong:?}");
    let texts = [
        common::repo(common::RES7_USA),
        common::repo(common::RES7_GENEVA),
        glued,
        common::repo("tests/fixtures/pairs/flattened-revision-marks/old.md"),
        common::repo("tests/fixtures/pairs/flattened-revision-marks/new.md"),
    ];
    let (load_opts, opts) = (LoadOptions::default(), CompareOptions::default());
    let json = |r: &resdiff::Report| serde_json::to_string(r).unwrap();
    for old in &texts {
        for new in &texts {
            let (o, n) = resdiff::load_pair(old, new, &load_opts).unwrap();
            let expected = resdiff::compare(&o, &n, &opts);
            let (o2, n2, got) = resdiff::load_and_compare(old, new, &load_opts, &opts).unwrap();
            assert_eq!(json(&got), json(&expected), "{old:?} -> {new:?}");
            assert_eq!((o2, n2), (o, n));
        }
    }
}
