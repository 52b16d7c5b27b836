//! Support for the .docx writer tests: hand-built resolutions and reports, and the LibreOffice
//! round trip (tests/lo/accept_reject.py).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use resdiff::model::*;
use resdiff::normalize::comparison_key;
use resdiff::report::SegmentOp::*;
use resdiff::report::*;

/// A clause: label (`""` for none), text, sub-items as (label, text).
pub type ClauseSpec<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

fn label(raw: &str) -> Option<Label> {
    (!raw.is_empty()).then(|| Label {
        raw: raw.to_string(),
        norm: raw.trim_end_matches(')').to_string(),
    })
}

pub fn clause(spec: &ClauseSpec<'_>) -> Clause {
    let (l, text, items) = spec;
    Clause {
        label: label(l),
        text: Text::new(*text),
        items: items
            .iter()
            .map(|(l, t)| Clause {
                label: label(l),
                text: Text::new(*t),
                items: vec![],
                footnote_refs: vec![],
                origin: Origin::default(),
            })
            .collect(),
        footnote_refs: vec![],
        origin: Origin::default(),
    }
}

/// A resolution with a header and divisions given as (heading, clauses).
pub fn resolution(
    heading: &str,
    title: &str,
    history: &str,
    body: &str,
    divisions: &[(&str, &[ClauseSpec<'_>])],
) -> Resolution {
    Resolution {
        schema_version: PARSE_SCHEMA_VERSION,
        source: Source {
            path: "built".into(),
            format: Format::Text,
            view: None,
        },
        header: Header {
            heading: Some(Text::new(heading)),
            title: Some(Text::new(title)),
            history_raw: Some(Text::new(history)),
            adopting_body: Some(Text::new(body)),
            ..Header::default()
        },
        divisions: divisions
            .iter()
            .map(|(h, cs)| Division {
                kind: if h.starts_with("resolves") || h.starts_with("instructs") {
                    DivisionKind::Operative
                } else {
                    DivisionKind::Preambular
                },
                heading: Text::new(*h),
                label: None,
                title: None,
                clauses: cs.iter().map(clause).collect(),
                children: vec![],
                origin: Origin::default(),
            })
            .collect(),
        footnotes: vec![],
        revisions: vec![],
        warnings: vec![],
    }
}

pub fn place(section: &str, label: &str) -> Place {
    Place {
        section: section.into(),
        label: (!label.is_empty()).then(|| label.to_string()),
    }
}

pub fn seg(op: SegmentOp, text: &str) -> Segment {
    Segment {
        op,
        text: text.into(),
        new_text: None,
    }
}

pub fn change(op: Op, old: Vec<Place>, new: Vec<Place>, inline: Vec<Segment>) -> Change {
    Change {
        op,
        old,
        new,
        similarity: 0.5,
        flags: Flags::default(),
        inline,
        old_units: vec![],
        new_units: vec![],
        old_part_lens: vec![],
        new_part_lens: vec![],
    }
}

pub fn report(changes: Vec<Change>) -> Report {
    let side = || Side {
        path: "built".into(),
        format: "text".into(),
        view: None,
        heading: None,
    };
    Report {
        schema_version: DIFF_SCHEMA_VERSION,
        old: side(),
        new: side(),
        summary: Summary::default(),
        header: vec![],
        changes,
        warnings: vec![],
    }
}

/// Lines of a text as compared: BOM and blank lines dropped, proposal mark lines (`MOD`,
/// `ADD USA/48A5/3`, ...) dropped, each line reduced to its comparison key.
pub fn comparable_lines(text: &str) -> Vec<String> {
    let mark =
        regex::Regex::new(r"^(\(MOD\)|MOD|ADD\*?|SUP\*?)( [A-Za-z0-9\-]+(/[A-Za-z0-9\-]+)*/\d+)?$")
            .expect("valid regex");
    text.trim_start_matches('\u{FEFF}')
        .lines()
        .map(comparison_key)
        .filter(|l| !l.is_empty() && !mark.is_match(l))
        .collect()
}

/// Debian's python with UNO and soffice, if both are installed.
pub fn libreoffice() -> Option<PathBuf> {
    let py = PathBuf::from("/usr/bin/python3");
    let soffice = Command::new("sh")
        .args(["-c", "command -v soffice"])
        .output()
        .is_ok_and(|o| o.status.success());
    let uno = Command::new(&py)
        .args(["-c", "import uno"])
        .output()
        .is_ok_and(|o| o.status.success());
    (soffice && uno).then_some(py)
}

/// LibreOffice's accepted and rejected texts of each file, or `None` when LibreOffice is not
/// installed (a failure under CI=true, a loud skip otherwise).
pub fn accept_reject(files: &[PathBuf], out: &Path) -> Option<Vec<(String, String)>> {
    let Some(py) = libreoffice() else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("LibreOffice (soffice + python3-uno) is required under CI: run scripts/test");
        }
        eprintln!("!!! SKIPPED: LibreOffice not installed (apt-get install libreoffice-writer-nogui python3-uno)");
        return None;
    };
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/lo/accept_reject.py");
    let status = Command::new(py)
        .arg(script)
        .arg(out)
        .args(files)
        .status()
        .expect("run accept_reject.py");
    assert!(status.success(), "accept_reject.py failed: {status}");
    Some(
        files
            .iter()
            .map(|f| {
                let stem = f.file_stem().expect("file name").to_string_lossy();
                let read = |suffix: &str| {
                    std::fs::read_to_string(out.join(format!("{stem}.{suffix}.txt")))
                        .expect("LibreOffice output")
                };
                (read("accepted"), read("rejected"))
            })
            .collect(),
    )
}

/// A hand-built pair with every kind of edit: reword, add and delete a clause, a new division,
/// renumbering, a sub-item added and one removed, XML specials, a report with bad segments.
pub fn built_pair() -> (Resolution, Resolution, Report) {
    let old = resolution(
        "RESOLUTION 7 (Rev. Hammamet, 2016)",
        "Collaboration with ISO and IEC",
        "(Malaga-Torremolinos, 1984; Hammamet, 2016)",
        "The World Telecommunication Standardization Assembly (Hammamet, 2016),",
        &[
            (
                "considering",
                &[
                    ("a)", "the purposes of the Union;", &[]),
                    ("b)", "the duties of ITU\u{2011}T;", &[]),
                    ("c)", "the interest of ISO & IEC <in> telecoms;", &[]),
                ],
            ),
            (
                "noting",
                &[
                    ("a)", "that the working methods are not the same;", &[]),
                    ("b)", "the increasing financial demands,", &[]),
                ],
            ),
            (
                "resolves",
                &[
                    ("1", "to continue inviting ISO;", &[]),
                    (
                        "2",
                        "that contacts should be at appropriate levels:",
                        &[("•", "for work A;"), ("•", "for other activities B;")],
                    ),
                    (
                        "3",
                        "to request the chairmen, in order to:",
                        &[("•", "ensure X;"), ("•", "collaborate Y;")],
                    ),
                ],
            ),
        ],
    );
    let new = resolution(
        "RESOLUTION 7 (Rev. Geneva, 2022)",
        "Collaboration with ISO and IEC",
        "(Malaga-Torremolinos, 1984; Hammamet, 2016; Geneva, 2022)",
        "The World Telecommunication Standardization Assembly (Geneva, 2022),",
        &[
            (
                "considering",
                &[
                    ("a)", "the purposes of the Union;", &[]),
                    ("b)", "the mandate of ITU-T;", &[]),
                    (
                        "c)",
                        "the interest of ISO & IEC <in> telecoms ]]> here;",
                        &[],
                    ),
                ],
            ),
            (
                "noting",
                &[("a)", "that the working methods are not the same;", &[])],
            ),
            (
                "recognizing",
                &[("", "that the collaboration is win-win,", &[])],
            ),
            (
                "resolves",
                &[
                    ("1", "to report to TSAG;", &[]),
                    ("2", "to continue inviting ISO;", &[]),
                    (
                        "3",
                        "that contacts should be at appropriate levels:",
                        &[("•", "for work A;")],
                    ),
                    (
                        "4",
                        "to request the chairmen, in order to:",
                        &[
                            ("•", "ensure X;"),
                            ("•", "collaborate Y;"),
                            ("•", "share Z;"),
                        ],
                    ),
                ],
            ),
        ],
    );
    let p = place;
    let report = report(vec![
        change(
            Op::Noc,
            vec![p("considering", "a")],
            vec![p("considering", "a")],
            vec![seg(Equal, "the purposes of the Union;")],
        ),
        change(
            Op::Mod,
            vec![p("considering", "b")],
            vec![p("considering", "b")],
            vec![
                seg(Equal, "the "),
                seg(Delete, "duties"),
                seg(Insert, "mandate"),
                seg(Equal, " of ITU\u{2011}T;"),
            ],
        ),
        // Segments that do not spell the new text: the writer must not trust them.
        change(
            Op::Mod,
            vec![p("considering", "c")],
            vec![p("considering", "c")],
            vec![seg(Equal, "the interest of ISO & IEC <in> telecoms;")],
        ),
        change(Op::Sup, vec![p("noting", "b")], vec![], vec![]),
        change(Op::Add, vec![], vec![p("recognizing", "")], vec![]),
        change(Op::Add, vec![], vec![p("resolves", "1")], vec![]),
        change(
            Op::Noc,
            vec![p("resolves", "1")],
            vec![p("resolves", "2")],
            vec![seg(Equal, "to continue inviting ISO;")],
        ),
        change(
            Op::Mod,
            vec![p("resolves", "2")],
            vec![p("resolves", "3")],
            vec![
                seg(
                    Equal,
                    "that contacts should be at appropriate levels:\n• for work A;",
                ),
                seg(Delete, "\n• for other activities B;"),
            ],
        ),
        change(
            Op::Mod,
            vec![p("resolves", "3")],
            vec![p("resolves", "4")],
            vec![
                seg(
                    Equal,
                    "to request the chairmen, in order to:\n• ensure X;\n• collaborate Y;",
                ),
                seg(Insert, "\n• share Z;"),
            ],
        ),
    ]);
    (old, new, report)
}

/// Adds (`add`) or removes a sub-item of a clause that has sub-items, picked with `rng`.
/// Returns false when no clause has sub-items (or none has two to remove one from).
pub fn edit_items(res: &mut Resolution, rng: &mut resdiff::testgen::Rng, add: bool) -> bool {
    let mut spots: Vec<(usize, usize)> = Vec::new();
    for (d, div) in res.divisions.iter().enumerate() {
        for (c, cl) in div.clauses.iter().enumerate() {
            if cl.items.len() >= if add { 1 } else { 2 } {
                spots.push((d, c));
            }
        }
    }
    if spots.is_empty() {
        return false;
    }
    let (d, c) = spots[rng.below(spots.len())];
    let items = &mut res.divisions[d].clauses[c].items;
    let at = rng.below(items.len());
    if add {
        let mut item = items[at].clone();
        item.text = Text::new(format!("a new sub-item number {} of the clause;", at + 1));
        items.insert(at + rng.below(2), item);
    } else {
        items.remove(at);
    }
    true
}

fn div(
    kind: DivisionKind,
    heading: &str,
    title: Option<&str>,
    clauses: Vec<Clause>,
    children: Vec<Division>,
) -> Division {
    Division {
        kind,
        heading: Text::new(heading),
        label: None,
        title: title.map(Text::new),
        clauses,
        children,
        origin: Origin::default(),
    }
}

/// A clause with nested sub-items: `(label, text, [(label, text, [(label, text)])])`.
fn nested(l: &str, text: &str, items: &[ClauseSpec<'_>]) -> Clause {
    let mut c = clause(&(l, text, &[]));
    c.items = items
        .iter()
        .map(|(il, it, sub)| clause(&(il, it, sub)))
        .collect();
    c
}

/// A Resolution 1-like pair: numbered parts with titles, a heading inside a part, provisions
/// with sub-items two levels deep, an annex; the new one retitles a part, edits provisions,
/// adds a provision, a sub-sub-item and a part, and suppresses the annex.
pub fn structured_pair() -> (Resolution, Resolution) {
    let mut old = resolution(
        "RESOLUTION 1 (Rev. Dubai, 2012)",
        "Rules of procedure of the ITU Telecommunication Standardization Sector",
        "(Helsinki, 1993; Dubai, 2012)",
        "The World Telecommunication Standardization Assembly (Dubai, 2012),",
        &[],
    );
    let mut new = old.clone();
    new.header.heading = Some(Text::new("RESOLUTION 1 (Rev. Hammamet, 2016)"));
    new.header.history_raw = Some(Text::new("(Helsinki, 1993; Dubai, 2012; Hammamet, 2016)"));
    new.header.adopting_body = Some(Text::new(
        "The World Telecommunication Standardization Assembly (Hammamet, 2016),",
    ));
    old.divisions = vec![
        div(
            DivisionKind::Preambular,
            "considering",
            None,
            vec![clause(&("", "that the rules must be clear,", &[]))],
            vec![],
        ),
        div(
            DivisionKind::Part,
            "SECTION 1",
            Some("General"),
            vec![
                clause(&("1.1", "The assembly shall meet every four years.", &[])),
                nested(
                    "1.2",
                    "Its duties are:",
                    &[
                        ("a)", "to approve Questions;", &[("i)", "new ones;")]),
                        ("b)", "to elect chairmen;", &[]),
                    ],
                ),
            ],
            vec![div(
                DivisionKind::Heading,
                "1.3 Principles",
                None,
                vec![clause(&("1.3.1", "Consensus is the rule.", &[]))],
                vec![],
            )],
        ),
        div(
            DivisionKind::Annex,
            "Annex A",
            Some("Guidelines <draft>"),
            vec![clause(&("", "Text of the annex & more.", &[]))],
            vec![],
        ),
    ];
    new.divisions = vec![
        old.divisions[0].clone(),
        div(
            DivisionKind::Part,
            "SECTION 1",
            Some("General provisions"),
            vec![
                clause(&(
                    "1.1",
                    "The assembly shall normally meet every four years.",
                    &[],
                )),
                nested(
                    "1.2",
                    "Its duties are:",
                    &[
                        (
                            "a)",
                            "to approve Questions;",
                            &[("i)", "new ones;"), ("ii)", "revised ones;")],
                        ),
                        ("b)", "to appoint chairmen;", &[]),
                    ],
                ),
            ],
            vec![div(
                DivisionKind::Heading,
                "1.3 Principles",
                None,
                vec![
                    clause(&("1.3.1", "Consensus is the rule.", &[])),
                    clause(&("1.3.2", "Votes are the exception.", &[])),
                ],
                vec![],
            )],
        ),
        div(
            DivisionKind::Part,
            "SECTION 2",
            Some("Study groups"),
            vec![clause(&("2.1", "Study groups study Questions.", &[]))],
            vec![],
        ),
    ];
    (old, new)
}
