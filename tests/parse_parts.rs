//! The shared structure rules for long resolutions with numbered parts, as Resolution 1
//! (Hammamet, 2016) is written: `SECTION 1` / `Section 1bis` with a title line, provisions
//! `1.11.1`, short headings `1.13<TAB>Voting`, lettered and roman sub-items, appendices.
//! The input is an excerpt of Resolution 1 as Word saves it as plain text (TAB after labels);
//! the .docx itself is tested by the docx reader's tests.

use resdiff::model::{Clause, Division, DivisionKind, Resolution};
use resdiff::{load_bytes, LoadOptions};

const RES1_EXCERPT: &str = "RESOLUTION 1 (Rev.\u{a0}Hammamet, 2016)
Rules of procedure of the ITU Telecommunication Standardization Sector
(Hammamet, 2016)
The World Telecommunication Standardization Assembly (Hammamet, 2016),
considering
a)\tthat the functions, duties and organization of the ITU Telecommunication Standardization Sector (ITU\u{2011}T) are stated in Articles 17, 18, 19, 20 of the ITU Constitution;
b)\tthat, in accordance with the above articles of the Constitution and Convention, ITU\u{2011}T shall study technical, operating and tariff questions;
b)bis\tthat the International Telecommunication Regulations (ITR) contain references to relevant ITU\u{2011}T Recommendations;
c)\tthat the ITU\u{2011}T Recommendations resulting from these studies must be in harmony with the ITRs in force,
resolves
that the provisions referred to in considering e), f), g) and h) above shall be further elaborated by the provisions of this resolution and the resolutions to which they refer, bearing in mind that,
SECTION 1
World Telecommunication Standardization Assembly
1.1\tThe World Telecommunication Standardization Assembly (WTSA), in undertaking the duties assigned to it, shall establish committees.
1.3\tWTSA shall establish resolutions which define working methods and identify priority issues. Prior to and during the development process the following questions should be taken into consideration:
a)\tIf an existing Plenipotentiary Conference resolution identifies a priority issue, the need for a similar WTSA resolution should be questioned.
b)\tIf an existing resolution identifies a priority issue, the need to recycle this resolution at various conferences or assemblies should be questioned.
1.5\tIn addition to the steering, budget control and editorial committees, the two following committees are set up:
a)\tThe \"Committee on Working Methods of ITU\u{2011}T\", which submits to the plenary meeting reports on the ITU\u{2011}T working methods.
b)\tThe \"Committee on the ITU\u{2011}T Work Programme and Organization\", which submits to the plenary meeting reports. It shall specifically:
i)\tpropose the maintenance, establishment or termination of study groups;
ii)\treview the general structure of study groups and Questions set for study or further study;
vi)\treview, and adjust as necessary, the lists of Recommendations for which each study group is responsible;
1.11\tThe programme of work of WTSA shall be designed to provide adequate time for consideration of the important administrative and organizational questions of ITU\u{2011}T.
1.11.1\tWTSA shall consider reports from the Director of the Telecommunication Standardization Bureau (TSB).
1.13\tVoting
Should there be a need for a vote by Member States at WTSA, the vote will be conducted according to the relevant sections of the Constitution.

Section 1bis 
Documentation of ITU\u{2011}T
1bis.1\tGeneral principles
In 1bis.1.1 and 1bis.1.2 below, the term \"texts\" is used for ITU\u{2011}T resolutions, Questions, opinions and Recommendations.
1bis.1.1\tPresentation of texts
1bis.1.1.1\tTexts should be as brief as possible, taking account of the necessary content.
1bis.1.1.3\tTexts (including resolutions, Questions, opinions, Recommendations) should have an indication of the date.
1bis.2.1\tDefinition
Resolution: A text of the World Telecommunication Standardization Assembly containing provisions on the organization.
The second paragraph of the definition.

Appendix I(to Resolution 1 (Rev. Hammamet, 2016))
Information for submission of a Question
•\tSource
•\tShort title
•\tRelationship of this study activity to other:
–\tRecommendations
–\tQuestions
Guidelines for drafting Question text are available on the ITU\u{2011}T website.
";

fn parse() -> Resolution {
    load_bytes(
        "res1.txt".as_ref(),
        RES1_EXCERPT.as_bytes(),
        &LoadOptions::default(),
    )
    .expect("parses")
}

fn labels(cs: &[Clause]) -> Vec<Option<&str>> {
    cs.iter()
        .map(|c| c.label.as_ref().map(|l| l.norm.as_str()))
        .collect()
}

fn find<'a>(d: &'a Division, label: &str) -> &'a Clause {
    d.clauses
        .iter()
        .find(|c| c.label.as_ref().is_some_and(|l| l.norm == label))
        .unwrap_or_else(|| panic!("{label} missing"))
}

#[test]
fn divisions_and_parts() {
    let r = parse();
    let kinds: Vec<_> = r
        .divisions
        .iter()
        .map(|d| (d.kind, d.label.as_ref().map(|l| l.norm.as_str())))
        .collect();
    assert_eq!(
        kinds,
        [
            (DivisionKind::Preambular, None),
            (DivisionKind::Operative, None),
            (DivisionKind::Part, Some("1")),
            (DivisionKind::Part, Some("1bis")),
            (DivisionKind::Appendix, Some("I")),
        ]
    );
    assert_eq!(r.header.number.as_deref(), Some("1"));
    let rev = r.header.revision.as_ref().expect("revision");
    assert_eq!(
        (rev.place.as_deref(), rev.year),
        (Some("Hammamet"), Some(2016))
    );
    let d = &r.divisions;
    assert_eq!(
        labels(&d[0].clauses),
        [Some("a"), Some("b"), Some("b bis"), Some("c")]
    );
    assert_eq!(
        d[0].clauses[2].label.as_ref().map(|l| l.raw.as_str()),
        Some("b)bis")
    );
    // One unlabelled resolves clause: `considering e), f)` inside it is no label.
    assert_eq!(labels(&d[1].clauses), [None]);
    assert_eq!(
        d[2].title.as_ref().map(|t| t.shown.as_str()),
        Some("World Telecommunication Standardization Assembly")
    );
    assert_eq!(d[3].heading.shown, "Section 1bis");
    assert_eq!(
        d[3].title.as_ref().map(|t| t.key.as_str()),
        Some("Documentation of ITU-T")
    );
}

#[test]
fn provisions_are_clauses_of_their_part_in_reading_order() {
    let r = parse();
    let part1 = &r.divisions[2];
    assert_eq!(
        labels(&part1.clauses),
        [
            Some("1.1"),
            Some("1.3"),
            Some("1.5"),
            Some("1.11"),
            Some("1.11.1"),
            Some("1.13")
        ]
    );
    // Lettered sub-items of a numbered provision, and roman items under a lettered one.
    assert_eq!(labels(&find(part1, "1.3").items), [Some("a"), Some("b")]);
    let p15 = find(part1, "1.5");
    assert_eq!(labels(&p15.items), [Some("a"), Some("b")]);
    assert_eq!(
        labels(&p15.items[1].items),
        [Some("i"), Some("ii"), Some("vi")]
    );
    // A short heading is a clause whose text is its title; its paragraph is its item.
    let voting = find(part1, "1.13");
    assert_eq!(voting.text.shown, "Voting");
    assert_eq!(labels(&voting.items), [None]);
    assert!(voting.items[0]
        .text
        .shown
        .starts_with("Should there be a need for a vote"));

    let part1bis = &r.divisions[3];
    assert_eq!(
        labels(&part1bis.clauses),
        [
            Some("1bis.1"),
            Some("1bis.1.1"),
            Some("1bis.1.1.1"),
            Some("1bis.1.1.3"),
            Some("1bis.2.1")
        ]
    );
    assert_eq!(find(part1bis, "1bis.1").items.len(), 1);
    assert!(find(part1bis, "1bis.1.1").items.is_empty());
    let def = find(part1bis, "1bis.2.1");
    assert_eq!(def.text.shown, "Definition");
    assert_eq!(labels(&def.items), [None, None]);
}

#[test]
fn appendix_bullets_with_a_dashed_sub_list() {
    let r = parse();
    let app = &r.divisions[4];
    assert_eq!(
        app.title.as_ref().map(|t| t.shown.as_str()),
        Some("Information for submission of a Question")
    );
    assert_eq!(
        labels(&app.clauses),
        [Some("•"), Some("•"), Some("•"), None]
    );
    let rel = &app.clauses[2];
    let raws: Vec<_> = rel
        .items
        .iter()
        .map(|i| i.label.as_ref().map(|l| l.raw.as_str()))
        .collect();
    assert_eq!(raws, [Some("–"), Some("–")]);
    assert!(app.clauses[3]
        .text
        .shown
        .starts_with("Guidelines for drafting"));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}
