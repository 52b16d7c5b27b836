//! The aligner on hand-made revisions: each test states one behaviour of compare().

use resdiff::align::apply;
use resdiff::inline::{apply_new, apply_old};
use resdiff::model::{Op, Text, Warning, WarningKind};
use resdiff::report::{Change, Report, SegmentOp};
use resdiff::testgen::resolution;
use resdiff::{compare, CompareOptions, Resolution};

fn run(old: &Resolution, new: &Resolution) -> Report {
    compare(old, new, &CompareOptions::default())
}

/// `section label` of the first place of each side, or `-`.
fn places(c: &Change) -> (String, String) {
    let p = |v: &[resdiff::report::Place]| {
        v.iter()
            .map(|p| format!("{} {}", p.section, p.label.as_deref().unwrap_or("")))
            .collect::<Vec<_>>()
            .join("+")
    };
    (p(&c.old), p(&c.new))
}

fn find<'a>(r: &'a Report, old: &str) -> &'a Change {
    r.changes
        .iter()
        .find(|c| places(c).0 == old)
        .unwrap_or_else(|| panic!("no change for old {old}: {:#?}", summary(r)))
}

fn summary(r: &Report) -> Vec<String> {
    r.changes
        .iter()
        .map(|c| {
            let (o, n) = places(c);
            format!("{} {o} -> {n} ({:.3}) {:?}", c.op, c.similarity, c.flags)
        })
        .collect()
}

const R1: &str = "to continue inviting ISO and IEC to examine the ITU-T study programme in the early stages of its studies and vice versa, and to inform the Director of TSB;";
const R2: &str = "to request the Director of TSB, after consultation with the study group management team concerned, to reply, and to furnish any additional information requested by ISO and IEC, as it becomes available;";
const R3: &str = "to request the Director of TSB to examine and update the programme of cooperation and priority of the study items among ITU-T, ISO and IEC;";
const R4: &str = "that, for reasons of economy, any necessary collaborative meetings take place to the extent possible in association with other relevant meetings;";
const NEW1: &str = "to request the Director of the Telecommunication Standardization Bureau to report regularly to the Telecommunication Standardization Advisory Group on the status of collaboration;";

#[test]
fn identical_revisions_are_all_noc() {
    let a = resolution(&[
        ("considering", &[("a", R1), ("b", R2)]),
        ("resolves", &[("1", R3)]),
    ]);
    let r = run(&a, &a);
    assert_eq!(r.summary.noc, 3);
    assert!(!r.has_differences());
    assert!(r
        .changes
        .iter()
        .all(|c| c.op == Op::Noc && !c.flags.renumbered && !c.flags.moved));
}

#[test]
fn inserted_clause_renumbers_the_rest() {
    let old = resolution(&[("resolves", &[("1", R1), ("2", R2), ("3", R3), ("4", R4)])]);
    let new = resolution(&[(
        "resolves",
        &[("1", NEW1), ("2", R1), ("3", R2), ("4", R3), ("5", R4)],
    )]);
    let r = run(&old, &new);
    assert_eq!(
        summary(&r)
            .iter()
            .map(|s| s.split(" (").next().unwrap_or_default().to_string())
            .collect::<Vec<_>>(),
        vec![
            "ADD  -> resolves 1",
            "NOC resolves 1 -> resolves 2",
            "NOC resolves 2 -> resolves 3",
            "NOC resolves 3 -> resolves 4",
            "NOC resolves 4 -> resolves 5",
        ]
    );
    assert!(r.changes[1..]
        .iter()
        .all(|c| c.flags.renumbered && !c.flags.moved));
    assert_eq!(
        (r.summary.add, r.summary.noc, r.summary.renumbered),
        (1, 4, 4)
    );
}

#[test]
fn reworded_clause_is_mod_with_word_diff() {
    let old = resolution(&[("resolves", &[("1", R1), ("2", R2), ("3", R3)])]);
    let r2 = R2
        .replace("management team", "leadership team")
        .replace("to reply, ", "");
    let new = resolution(&[("resolves", &[("1", R1), ("2", &r2), ("3", R3)])]);
    let r = run(&old, &new);
    let c = find(&r, "resolves 2");
    assert_eq!(c.op, Op::Mod);
    assert!(c.similarity > 0.8 && c.similarity < 1.0, "{}", c.similarity);
    assert!(!c.flags.editorial);
    let deleted: Vec<&str> = c
        .inline
        .iter()
        .filter(|s| s.op == SegmentOp::Delete)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(deleted, vec!["management ", "to reply, "]);
    assert_eq!(apply_old(&c.inline), R2);
    assert_eq!(apply_new(&c.inline), r2);
}

#[test]
fn punctuation_case_and_hyphen_only_is_editorial() {
    let old = resolution(&[(
        "noting",
        &[
            (
                "a",
                "the increasing cost of developing international standards and recommendations;,",
            ),
            ("b", R1),
        ],
    )]);
    let new = resolution(&[(
        "noting",
        &[
            (
                "a",
                "the increasing cost of developing international standards and Recommendations;",
            ),
            ("b", R1),
        ],
    )]);
    let r = run(&old, &new);
    let c = find(&r, "noting a");
    assert_eq!(c.op, Op::Mod);
    assert!(c.flags.editorial);
    assert_eq!(r.summary.editorial, 1);
}

#[test]
fn typography_only_is_noc_and_rebuilds_exactly() {
    let old = resolution(&[(
        "noting",
        &[(
            "a",
            "Recommendation ITU\u{2011}T A.23 and the  ISO/IEC JTC\u{00A0}1 Directives;",
        )],
    )]);
    let new = resolution(&[(
        "noting",
        &[(
            "a",
            "Recommendation ITU-T A.23 and the ISO/IEC JTC 1 Directives;",
        )],
    )]);
    let r = run(&old, &new);
    assert_eq!(r.changes.len(), 1);
    assert_eq!(r.changes[0].op, Op::Noc);
    assert_eq!(
        apply(&r, &old),
        vec!["Recommendation ITU-T A.23 and the ISO/IEC JTC 1 Directives;".to_string()]
    );
}

#[test]
fn clause_moved_to_another_section_is_flagged_moved() {
    let old = resolution(&[
        ("considering", &[("a", R1), ("b", R4)]),
        ("resolves", &[("1", R2), ("2", R3)]),
    ]);
    let r4 = R4.replace("collaborative meetings", "joint meetings");
    let new = resolution(&[
        ("considering", &[("a", R1)]),
        ("resolves", &[("1", R2), ("2", R3), ("3", &r4)]),
    ]);
    let r = run(&old, &new);
    let c = find(&r, "considering b");
    assert_eq!(places(c).1, "resolves 3");
    assert_eq!(c.op, Op::Mod);
    assert!(c.flags.moved && c.flags.renumbered);
    assert!(!find(&r, "resolves 1").flags.moved);
    assert_eq!(r.summary.moved, 1);
}

#[test]
fn a_clause_moved_unchanged_is_a_difference_and_is_listed() {
    use resdiff::render::{render_to_string, OutputFormat, RenderOptions};
    let old = resolution(&[
        ("considering", &[("a", R1), ("b", R4)]),
        ("resolves", &[("1", R2), ("2", R3)]),
    ]);
    let new = resolution(&[
        ("considering", &[("a", R1)]),
        ("resolves", &[("1", R2), ("2", R3), ("3", R4)]),
    ]);
    let r = run(&old, &new);
    let c = find(&r, "considering b");
    assert_eq!((c.op, c.flags.moved), (Op::Noc, true));
    assert!(r.summary.is_unchanged());
    assert!(
        r.has_differences(),
        "the same words in another place: another text"
    );
    let text = |only: Option<Vec<Op>>| {
        let opts = RenderOptions {
            format: OutputFormat::Text,
            only,
            ..RenderOptions::default()
        };
        render_to_string(&r, &opts)
    };
    assert!(
        text(None).contains("NOC  considering b) -> resolves 3 (moved)\n"),
        "{}",
        text(None)
    );
    assert!(text(None).contains("3 unchanged clauses not shown"));
    // `--only` lists exactly the ops it names.
    assert!(!text(Some(vec![Op::Mod])).contains("(moved)"));
}

#[test]
fn deleted_clause_is_sup_where_it_stood() {
    let old = resolution(&[("resolves", &[("1", R1), ("2", R2), ("3", R3)])]);
    let new = resolution(&[("resolves", &[("1", R1), ("2", R3)])]);
    let r = run(&old, &new);
    let ops: Vec<Op> = r.changes.iter().map(|c| c.op).collect();
    assert_eq!(ops, vec![Op::Noc, Op::Sup, Op::Noc]);
    assert_eq!(places(&r.changes[1]).0, "resolves 2");
    assert_eq!(r.changes[1].inline[0].op, SegmentOp::Delete);
    assert_eq!(r.changes[1].similarity, 0.0);
}

#[test]
fn clause_cut_in_two_is_a_split() {
    let old = resolution(&[("resolves", &[("1", R1), ("2", R2), ("3", R4)])]);
    let cut = R2.find(", to reply").unwrap_or(0);
    let (a, b) = (&R2[..cut + 1], R2[cut + 2..].to_string());
    let new = resolution(&[("resolves", &[("1", R1), ("2", a), ("3", &b), ("4", R4)])]);
    let r = run(&old, &new);
    let c = find(&r, "resolves 2");
    assert!(c.flags.split, "{:#?}", summary(&r));
    assert_eq!(places(c).1, "resolves 2+resolves 3");
    assert_eq!(c.new_units, vec![1, 2]);
    assert_eq!(r.changes.len(), 3);
    assert_eq!(apply(&r, &old)[1..3], [a.to_string(), b.clone()]);
}

#[test]
fn two_clauses_joined_are_a_merge() {
    let old = resolution(&[("resolves", &[("1", R1), ("2", R2), ("3", R3), ("4", R4)])]);
    let joined = format!("{} {}", R2, R3);
    let new = resolution(&[("resolves", &[("1", R1), ("2", &joined), ("3", R4)])]);
    let r = run(&old, &new);
    let c = r
        .changes
        .iter()
        .find(|c| c.flags.merged)
        .unwrap_or_else(|| panic!("{:#?}", summary(&r)));
    assert_eq!(c.old_units, vec![1, 2]);
    assert_eq!(c.new_units, vec![1]);
    assert_eq!(r.changes.len(), 3);
}

#[test]
fn unrelated_clause_is_not_paired() {
    let old = resolution(&[("resolves", &[("1", R1), ("2", R2)])]);
    let new = resolution(&[("resolves", &[("1", R1), ("2", "to invite Member States to contribute to the work of the Group on ageing batteries;")])]);
    let r = run(&old, &new);
    let ops: Vec<Op> = r.changes.iter().map(|c| c.op).collect();
    assert_eq!(ops, vec![Op::Noc, Op::Sup, Op::Add]);
}

#[test]
fn header_changes_and_warnings_are_reported() {
    let mut old = resolution(&[("resolves", &[("1", R1)])]);
    let mut new = old.clone();
    old.header.number = Some("7".into());
    new.header.number = Some("7".into());
    old.header.history_raw = Some(Text::new("(Malaga-Torremolinos, 1984; Hammamet, 2016)"));
    new.header.history_raw = Some(Text::new(
        "(Malaga\u{2011}Torremolinos, 1984; Hammamet, 2016; Geneva, 2022)",
    ));
    new.header.title = Some(Text::new("Collaboration with ISO"));
    old.warnings.push(Warning {
        kind: WarningKind::FlattenedRevisions,
        message: "revision marks run together".into(),
        origin: None,
    });
    let r = run(&old, &new);
    let fields: Vec<(String, Op)> = r.header.iter().map(|h| (h.field.clone(), h.op)).collect();
    assert_eq!(
        fields,
        vec![
            ("number".to_string(), Op::Noc),
            ("title".to_string(), Op::Add),
            ("history".to_string(), Op::Mod)
        ]
    );
    let hist = &r.header[2].inline;
    let inserted: String = hist
        .iter()
        .filter(|s| s.op == SegmentOp::Insert)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(inserted, "; Geneva, 2022");
    assert!(hist.iter().all(|s| s.op != SegmentOp::Delete));
    assert!(r.has_differences());
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].message, "old: revision marks run together");
}

#[test]
fn options_builder_sets_named_thresholds() {
    let o = CompareOptions::default()
        .min_similarity(0.4)
        .move_threshold(0.6)
        .split_margin(0.2);
    assert_eq!(
        (o.min_similarity, o.move_threshold, o.split_margin),
        (0.4, 0.6, 0.2)
    );
    // A threshold of 1 pairs only exact texts.
    let old = resolution(&[("resolves", &[("1", R1), ("2", R2)])]);
    let new = resolution(&[(
        "resolves",
        &[("1", R1), ("2", &R2.replace("reply", "answer"))],
    )]);
    let strict = CompareOptions::default()
        .min_similarity(1.0)
        .move_threshold(1.0);
    let ops: Vec<Op> = compare(&old, &new, &strict)
        .changes
        .iter()
        .map(|c| c.op)
        .collect();
    assert_eq!(ops, vec![Op::Noc, Op::Sup, Op::Add]);
}

#[test]
fn renamed_section_does_not_make_its_clauses_moved() {
    let old = resolution(&[
        ("considering", &[("a", R1)]),
        ("instructs the Director", &[("1", R2), ("2", R3)]),
    ]);
    let new = resolution(&[
        ("considering", &[("a", R1)]),
        (
            "instructs the Director of the Telecommunication Standardization Bureau",
            &[("1", R2), ("2", R3)],
        ),
    ]);
    let r = run(&old, &new);
    assert!(
        r.changes.iter().all(|c| c.op == Op::Noc && !c.flags.moved),
        "{:#?}",
        summary(&r)
    );
    assert_eq!(
        places(&r.changes[2]).1,
        "instructs the Director of the Telecommunication Standardization Bureau 2"
    );
    // The heading itself is a change of the text: reported with the header, so the two
    // revisions differ (exit status 1), though every clause is NOC.
    let renamed: Vec<_> = r
        .header
        .iter()
        .filter(|h| h.field == "section_heading")
        .collect();
    assert_eq!(renamed.len(), 1, "{:#?}", r.header);
    let h = renamed[0];
    assert_eq!(h.op, Op::Mod);
    assert_eq!(h.old.as_deref(), Some("instructs the Director"));
    assert_eq!(
        h.new.as_deref(),
        Some("instructs the Director of the Telecommunication Standardization Bureau")
    );
    assert_eq!(
        apply_new(&h.inline),
        "instructs the Director of the Telecommunication Standardization Bureau"
    );
    assert!(r.has_differences());
}

#[test]
fn a_heading_kept_or_already_there_is_no_rename() {
    // A clause moved into a new section while its old section stays: the new heading is not
    // a renamed one (the clause is flagged moved).
    let old = resolution(&[
        ("considering", &[("a", R1), ("b", R4)]),
        ("resolves", &[("1", R2)]),
    ]);
    let new = resolution(&[
        ("considering", &[("a", R1)]),
        ("considering further", &[("a", R4)]),
        ("resolves", &[("1", R2)]),
    ]);
    let r = run(&old, &new);
    assert!(
        r.header.iter().all(|h| h.field != "section_heading"),
        "{:#?}",
        r.header
    );
    assert!(find(&r, "considering b").flags.moved, "{:#?}", summary(&r));
    // Two sections joined under one heading the old text had: no rename either.
    let old = resolution(&[
        ("considering", &[("a", R1)]),
        ("considering further", &[("a", R4), ("b", R3)]),
        ("resolves", &[("1", R2)]),
    ]);
    let new = resolution(&[
        ("considering", &[("a", R1), ("b", R4), ("c", R3)]),
        ("resolves", &[("1", R2)]),
    ]);
    let r = run(&old, &new);
    assert!(
        r.header.iter().all(|h| h.field != "section_heading"),
        "{:#?}",
        r.header
    );
}

#[test]
fn rewritten_and_moved_clause_pairs_across_sections() {
    // A clause rewritten and moved at once, with an exact clause in between.
    let old = resolution(&[
        ("considering", &[("a", R1), ("b", R4)]),
        ("resolves", &[("1", R2), ("2", R3)]),
    ]);
    let r3 = R3
        .replace("examine and update", "review and update")
        .replace("priority of the study items", "priorities");
    let new = resolution(&[
        ("considering", &[("a", &r3), ("b", R1), ("c", R4)]),
        ("resolves", &[("1", R2)]),
    ]);
    let r = run(&old, &new);
    let c = find(&r, "resolves 2");
    assert_eq!(places(c).1, "considering a");
    assert_eq!(c.op, Op::Mod);
    assert!(c.flags.moved);
    assert_eq!(r.summary.moved, 1, "{:#?}", summary(&r));
    assert_eq!(r.summary.add + r.summary.sup, 0);
}

#[test]
fn a_repeated_heading_continues_where_most_of_its_clauses_went() {
    // Two `considering` divisions in each revision: the old second one sent one clause to the
    // new first one and two to the new second one, so it continues as the new second one,
    // and only the clause that left it moved, although every clause kept its reading order.
    let old = resolution(&[
        ("considering", &[("a", R1)]),
        ("considering", &[("a", R2), ("b", R4), ("c", NEW1)]),
    ]);
    let new = resolution(&[
        ("considering", &[("a", R1), ("b", R2)]),
        ("considering", &[("a", R4), ("b", NEW1)]),
    ]);
    let r = run(&old, &new);
    let moved: Vec<(String, String)> = r
        .changes
        .iter()
        .filter(|c| c.flags.moved)
        .map(places)
        .collect();
    assert_eq!(
        moved,
        vec![("considering a".to_string(), "considering b".to_string())],
        "{:#?}",
        summary(&r)
    );
    assert_eq!(r.summary.noc, 4, "{:#?}", summary(&r));
}

#[test]
fn a_clause_said_twice_pairs_in_reading_order() {
    // R1 twice in old, three times in new (one added): the first old R1 pairs with the first
    // new one, the second with the second, and the third new one is added.
    let old = resolution(&[
        ("considering", &[("a", R1), ("b", R2)]),
        ("resolves", &[("1", R1)]),
    ]);
    let new = resolution(&[
        ("considering", &[("a", R1), ("b", R2)]),
        ("resolves", &[("1", R1), ("2", R1)]),
    ]);
    let r = run(&old, &new);
    let pairs: Vec<(Op, Vec<usize>, Vec<usize>)> = r
        .changes
        .iter()
        .map(|c| (c.op, c.old_units.clone(), c.new_units.clone()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            (Op::Noc, vec![0], vec![0]),
            (Op::Noc, vec![1], vec![1]),
            (Op::Noc, vec![2], vec![2]),
            (Op::Add, vec![], vec![3]),
        ],
        "{:#?}",
        summary(&r)
    );
}
