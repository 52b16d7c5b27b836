//! Review on three proposals built by editing the Geneva 2022 text of Resolution 7: P1 and P2
//! conflict on resolves 2, P1 and P3 agree on resolves 6, P3 is a .docx with revision marks
//! written against a modified base (noting a), and an outcome adopts some of each.

mod common;

use std::path::{Path, PathBuf};

use common::{repo, RES7_GENEVA};
use resdiff::model::Op;
use resdiff::render::OutputFormat;
use resdiff::review::{load_proposal, review, Review, Verdict};
use resdiff::write::{write_docx, DocxOptions};
use resdiff::{compare, load, CompareOptions, LoadOptions};
use tempfile::TempDir;

fn geneva() -> String {
    std::fs::read_to_string(repo(RES7_GENEVA)).unwrap()
}

/// `text` with each `(from, to)` replaced once (and `from` must be there).
fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut t = text.to_string();
    for (from, to) in edits {
        assert!(t.contains(from), "{from}");
        t = t.replacen(from, to, 1);
    }
    t
}

const R2: (&str, &str) = ("to continue inviting ISO", "to keep inviting ISO");
const R2_OTHER: (&str, &str) = ("to continue inviting ISO", "to invite ISO");
const R6: (&str, &str) = (
    "and TSAG, as appropriate, to consider",
    "and TSAG to consider",
);
const R9: (&str, &str) = (
    "take place to the extent possible",
    "take place to the greatest practicable extent possible",
);
const R9_FINAL: (&str, &str) = (
    "take place to the extent possible",
    "take place to the greatest extent possible",
);
const NOTING_E: (&str, &str) = (
    "through their top management",
    "through their senior management",
);
const NOTING_A: (&str, &str) = ("that the working methods", "that the work methods");

struct Set {
    _dir: TempDir,
    base: PathBuf,
    proposals: Vec<PathBuf>,
    outcome: PathBuf,
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn set() -> Set {
    let dir = TempDir::new().unwrap();
    let g = geneva();
    let base = write(dir.path(), "base.md", &g);
    let p1 = write(dir.path(), "p1.md", &edit(&g, &[R2, R6]));
    let p2 = write(dir.path(), "p2.md", &edit(&g, &[R2_OTHER, R9, NOTING_E]));
    // P3: revision marks against a base whose noting a) differs from BASE.
    let before_text = edit(&g, &[NOTING_A]);
    let after_text = edit(&before_text, &[R6]);
    let opts = LoadOptions::default();
    let before = resdiff::load_bytes("before.md".as_ref(), before_text.as_bytes(), &opts).unwrap();
    let after = resdiff::load_bytes("after.md".as_ref(), after_text.as_bytes(), &opts).unwrap();
    let rep = compare(&before, &after, &CompareOptions::default());
    let bytes = write_docx(&before, &after, &rep, &DocxOptions::default()).unwrap();
    let p3 = dir.path().join("p3.docx");
    std::fs::write(&p3, bytes).unwrap();
    let outcome = write(dir.path(), "final.md", &edit(&g, &[R2, R6, R9_FINAL]));
    Set {
        base,
        proposals: vec![p1, p2, p3],
        outcome,
        _dir: dir,
    }
}

fn run(s: &Set) -> Review {
    let opts = LoadOptions::default();
    let base = load(&s.base, &opts).unwrap();
    let ps: Vec<_> = s
        .proposals
        .iter()
        .map(|p| load_proposal(p, &opts).unwrap())
        .collect();
    let fin = load(&s.outcome, &opts).unwrap();
    review(&base, &ps, Some(&fin), &CompareOptions::default())
}

fn row(r: &Review, section: &str, label: &str) -> usize {
    r.rows
        .iter()
        .position(|x| {
            x.base
                .as_ref()
                .is_some_and(|p| p.section == section && p.label.as_deref() == Some(label))
        })
        .unwrap()
}

#[test]
fn conflicts_agreements_and_stale_bases() {
    let s = set();
    let r = run(&s);
    assert_eq!(r.rows.len(), 32);
    let (r2, r6, r9) = (
        row(&r, "resolves", "2"),
        row(&r, "resolves", "6"),
        row(&r, "resolves", "9"),
    );
    // Which proposal changes what.
    let changed: Vec<Vec<usize>> = (0..3)
        .map(|p| {
            (0..r.rows.len())
                .filter(|&i| r.rows[i].cells[p].as_ref().is_some_and(|c| c.op != Op::Noc))
                .collect()
        })
        .collect();
    let ne = row(&r, "noting", "e");
    assert_eq!(changed, vec![vec![r2, r6], vec![ne, r2, r9], vec![r6]]);
    assert_eq!(r.conflicts.len(), 1);
    let c = &r.conflicts[0];
    assert_eq!((c.row, c.proposals), (r2, [0, 1]));
    assert_eq!(c.base_words, "continue inviting");
    assert_eq!(
        c.results,
        ["keep inviting".to_string(), "invite".to_string()]
    );
    assert_eq!(r.agreements.len(), 1);
    assert_eq!(
        (r.agreements[0].row, &r.agreements[0].proposals),
        (r6, &vec![0, 2])
    );
    assert_eq!(r.stale.len(), 1);
    let st = &r.stale[0];
    assert_eq!(st.proposal, 2);
    assert_eq!(st.base.as_ref().unwrap().label.as_deref(), Some("a"));
    assert_eq!(st.base.as_ref().unwrap().section, "noting");
}

#[test]
fn adoption_per_change_and_per_proposal() {
    let s = set();
    let r = run(&s);
    let (r2, r6, r9) = (
        row(&r, "resolves", "2"),
        row(&r, "resolves", "6"),
        row(&r, "resolves", "9"),
    );
    let ne = row(&r, "noting", "e");
    let got: Vec<(usize, usize, Verdict)> = r
        .adoption
        .iter()
        .map(|a| (a.proposal, a.row, a.verdict))
        .collect();
    assert_eq!(
        got,
        vec![
            (0, r2, Verdict::AdoptedAsProposed),
            (0, r6, Verdict::AdoptedAsProposed),
            (1, ne, Verdict::NotAdopted),
            // Deleted `continue inviting`: the outcome dropped `continue` too (P1's edit).
            (1, r2, Verdict::AdoptedWithChanges),
            // Inserted `greatest practicable`: the outcome has `greatest` only.
            (1, r9, Verdict::AdoptedWithChanges),
            (2, r6, Verdict::AdoptedAsProposed),
        ]
    );
    let rates: Vec<Option<f64>> = r.proposals.iter().map(|p| p.adoption_rate).collect();
    assert_eq!(rates, vec![Some(1.0), Some(0.667), Some(1.0)]);
}

#[test]
fn snapshots_on_the_shipped_texts() {
    let s = set();
    let r = run(&s);
    let dir = s.base.parent().unwrap().display().to_string();
    let show = |f| {
        let mut buf = Vec::new();
        resdiff::render::review::render(&r, f, false, &mut buf).unwrap();
        String::from_utf8(buf).unwrap().replace(&dir, "TMP")
    };
    common::snapshots(|| {
        insta::assert_snapshot!("review_res7_text", show(OutputFormat::Text));
        insta::assert_snapshot!("review_res7_markdown", show(OutputFormat::Markdown));
    });
}

#[test]
fn the_command_line_writes_the_same_review() {
    let s = set();
    let out = assert_cmd::Command::cargo_bin("resdiff")
        .unwrap()
        .arg("review")
        .arg(&s.base)
        .args(&s.proposals)
        .arg("--outcome")
        .arg(&s.outcome)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 1);
    assert_eq!(v["stale"][0]["proposal"], 2);
    assert_eq!(v["proposals"][1]["adoption_rate"], 0.667);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "schema_version",
            "base",
            "proposals",
            "outcome",
            "heading",
            "rows",
            "conflicts",
            "agreements",
            "stale",
            "adoption",
            "warnings"
        ]
    );
}

/// A proposal that moves a clause, unchanged, to another section: the cell says where to, in
/// the table and in JSON (`moved`), since where a clause stands is part of what it says.
#[test]
fn a_moved_clause_shows_where_it_went() {
    let dir = repo("tests/fixtures/pairs/moved-to-another-section");
    let base = load(&dir.join("old.md"), &LoadOptions::default()).unwrap();
    let proposal = load_proposal(&dir.join("new.md"), &LoadOptions::default()).unwrap();
    let r = review(&base, &[proposal], None, &CompareOptions::default());
    let cell = r.rows[row(&r, "considering", "d")].cells[0]
        .as_ref()
        .expect("a cell");
    assert_eq!((cell.op, cell.moved), (Op::Noc, true));
    let unmoved = r.rows[row(&r, "considering", "a")].cells[0]
        .as_ref()
        .expect("a cell");
    assert!(!unmoved.moved);
    let mut text = Vec::new();
    resdiff::render::review::render(&r, OutputFormat::Text, false, &mut text).unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.lines()
            .any(|l| l.starts_with("considering d)")
                && l.trim_end().ends_with("NOC moved -> noting c)")),
        "{text}"
    );
}

const REV_DELHI: (&str, &str) = ("(Rev. Geneva, 2022)", "(Rev. New Delhi, 2024)");
const REV_DOHA: (&str, &str) = ("(Rev. Geneva, 2022)", "(Rev. Doha, 2025)");
const NOTING_FURTHER: (&str, &str) = ("*noting*", "*noting further*");

/// The heading row of `field` (and base text, for a section heading) and its cells' ops.
fn heading_ops(r: &Review) -> Vec<(String, Option<String>, Vec<Op>)> {
    r.heading
        .iter()
        .map(|h| {
            let ops = h.cells.iter().map(|c| c.op).collect();
            (h.field.clone(), h.base.clone(), ops)
        })
        .collect()
}

/// A proposal that only retitles, renumbers the revision or renames a section changes the
/// text: the review lists those parts of the heading as rows of their own, counts them, and
/// finds conflicts and agreements on them as on clauses. Before they were left out, and such a
/// proposal read as all NOC with 0 changes.
#[test]
fn heading_changes_are_rows_with_conflicts_and_agreements() {
    let dir = TempDir::new().unwrap();
    let g = geneva();
    let base = write(dir.path(), "base.md", &g);
    let p1 = write(dir.path(), "p1.md", &edit(&g, &[REV_DELHI]));
    let p2 = write(dir.path(), "p2.md", &edit(&g, &[NOTING_FURTHER, R2]));
    let p3 = write(dir.path(), "p3.md", &edit(&g, &[REV_DOHA]));
    let p4 = write(dir.path(), "p4.md", &edit(&g, &[REV_DELHI]));
    let opts = LoadOptions::default();
    let base = load(&base, &opts).unwrap();
    let ps: Vec<_> = [p1, p2, p3, p4]
        .iter()
        .map(|p| load_proposal(p, &opts).unwrap())
        .collect();
    let r = review(&base, &ps, None, &CompareOptions::default());
    let (noc, m) = (Op::Noc, Op::Mod);
    assert_eq!(
        heading_ops(&r),
        [
            (
                "revision".to_string(),
                Some("Rev. Geneva, 2022".to_string()),
                vec![m, noc, m, m]
            ),
            (
                "section_heading".to_string(),
                Some("noting".to_string()),
                vec![noc, m, noc, noc]
            ),
        ]
    );
    let changes: Vec<usize> = r.proposals.iter().map(|p| p.changes).collect();
    assert_eq!(changes, [1, 2, 1, 1]);
    use resdiff::review::Table;
    let heading_conflicts: Vec<([usize; 2], &str, [&str; 2])> = r
        .conflicts
        .iter()
        .filter(|c| c.table == Table::Heading)
        .map(|c| {
            let [a, b] = &c.results;
            (c.proposals, c.base_words.as_str(), [a.as_str(), b.as_str()])
        })
        .collect();
    assert_eq!(
        heading_conflicts,
        [
            ([0, 2], "Geneva", ["New Delhi", "Doha"]),
            ([2, 3], "Geneva", ["Doha", "New Delhi"]),
        ]
    );
    let heading_agreements: Vec<(usize, Vec<usize>)> = r
        .agreements
        .iter()
        .filter(|a| a.table == Table::Heading)
        .map(|a| (a.row, a.proposals.clone()))
        .collect();
    assert_eq!(heading_agreements, [(0, vec![0, 3])]);
    // The text table names the rows and shows the words.
    let mut text = Vec::new();
    resdiff::render::review::render(&r, OutputFormat::Text, false, &mut text).unwrap();
    let text = String::from_utf8(text).unwrap();
    let line = |start: &str| {
        text.lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no `{start}` row in\n{text}"))
            .to_string()
    };
    assert!(line("revision ").contains("[-Geneva-]{+Doha+}"), "{text}");
    assert!(line("section heading noting ").contains("noting {+further+}"));
    assert!(text.contains("revision: P1 and P3 change `Geneva`: `New Delhi` vs `Doha`"));
    assert!(text.contains("revision: P1 = P4 MOD"));
}

/// A .docx proposal written against another revision keeps that revision's heading: it is not
/// a change it proposes (as for clauses), so no heading row; one it does make is a row.
#[test]
fn a_heading_the_proposal_did_not_touch_is_not_its_change() {
    let dir = TempDir::new().unwrap();
    let g = geneva();
    let base = write(dir.path(), "base.md", &g);
    let opts = LoadOptions::default();
    let docx = |name: &str, before_text: &str, after_text: &str| {
        let before = resdiff::load_bytes("b.md".as_ref(), before_text.as_bytes(), &opts).unwrap();
        let after = resdiff::load_bytes("a.md".as_ref(), after_text.as_bytes(), &opts).unwrap();
        let rep = compare(&before, &after, &CompareOptions::default());
        let bytes = write_docx(&before, &after, &rep, &DocxOptions::default()).unwrap();
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        load_proposal(&p, &opts).unwrap()
    };
    let older = edit(&g, &[REV_DOHA]);
    // Written on the Doha text: the revision differs from the base but the proposal keeps it.
    let keeps = docx("keeps.docx", &older, &edit(&older, &[R2]));
    // Written on the Doha text, and it renames `noting`.
    let renames = docx("renames.docx", &older, &edit(&older, &[NOTING_FURTHER]));
    let base = load(&base, &opts).unwrap();
    let r = review(&base, &[keeps, renames], None, &CompareOptions::default());
    assert_eq!(
        heading_ops(&r),
        [(
            "section_heading".to_string(),
            Some("noting".to_string()),
            vec![Op::Noc, Op::Mod]
        )]
    );
}

/// The shipped texts: the USA proposal as base and the Geneva 2022 text as a proposal, which
/// changes the revision, the history and the adopting assembly.
#[test]
fn the_geneva_text_changes_the_heading_of_the_usa_proposal() {
    let opts = LoadOptions::default();
    let base = load(&repo("resolutions/wtsa-7/usa-48a5-1.txt"), &opts).unwrap();
    let p = load_proposal(&repo(RES7_GENEVA), &opts).unwrap();
    let r = review(&base, &[p], None, &CompareOptions::default());
    let fields: Vec<(&str, Op)> = r
        .heading
        .iter()
        .map(|h| (h.field.as_str(), h.cells[0].op))
        .collect();
    assert_eq!(
        fields,
        [
            ("revision", Op::Mod),
            ("history", Op::Mod),
            ("adopting_body", Op::Mod)
        ]
    );
    let history = resdiff::inline::apply_new(&r.heading[1].cells[0].inline);
    assert!(
        history.ends_with("Hammamet, 2016; Geneva, 2022)"),
        "{history}"
    );
}

/// With an outcome, the adoption line counts the judged changes (the clauses'), not the
/// heading's, so its rate and its count agree.
#[test]
fn adoption_counts_the_judged_changes() {
    let dir = TempDir::new().unwrap();
    let g = geneva();
    let base = write(dir.path(), "base.md", &g);
    let p1 = write(dir.path(), "p1.md", &edit(&g, &[REV_DELHI, R2]));
    let fin = write(dir.path(), "final.md", &edit(&g, &[REV_DELHI, R2]));
    let opts = LoadOptions::default();
    let r = review(
        &load(&base, &opts).unwrap(),
        &[load_proposal(&p1, &opts).unwrap()],
        Some(&load(&fin, &opts).unwrap()),
        &CompareOptions::default(),
    );
    assert_eq!(r.proposals[0].changes, 2);
    assert_eq!(r.adoption.len(), 1);
    let mut text = Vec::new();
    resdiff::render::review::render(&r, OutputFormat::Text, false, &mut text).unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("P1: 100% of 1 changes adopted"), "{text}");
}
