//! A hand-made Report of Resolution 7 (Hammamet 2016 -> Geneva 2022), written from the shipped
//! texts, so the renderers are tested on realistic content independently of the aligner.
#![allow(dead_code)]

use resdiff::model::{Op, Origin, OriginUnit, Warning, WarningKind};
use resdiff::report::{
    Change, Flags, HeaderChange, Place, Report, Segment, SegmentOp, Side, Summary,
    DIFF_SCHEMA_VERSION,
};

/// Segments from word-diff notation: `keep [-deleted-]{+inserted+} keep`.
pub fn segs(s: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let next = [rest.find("[-"), rest.find("{+")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        if next > 0 {
            out.push(Segment {
                op: SegmentOp::Equal,
                text: rest[..next].to_string(),
                new_text: None,
            });
            rest = &rest[next..];
            continue;
        }
        let (op, close) = if rest.starts_with("[-") {
            (SegmentOp::Delete, "-]")
        } else {
            (SegmentOp::Insert, "+}")
        };
        let end = rest.find(close).expect("closed marker");
        out.push(Segment {
            op,
            text: rest[2..end].to_string(),
            new_text: None,
        });
        rest = &rest[end + 2..];
    }
    out
}

fn one(op: SegmentOp, s: &str) -> Vec<Segment> {
    vec![Segment {
        op,
        text: s.to_string(),
        new_text: None,
    }]
}

fn at(section: &str, label: Option<&str>) -> Vec<Place> {
    vec![Place {
        section: section.to_string(),
        label: label.map(str::to_string),
    }]
}

fn change(
    op: Op,
    old: Vec<Place>,
    new: Vec<Place>,
    similarity: f64,
    flags: Flags,
    inline: Vec<Segment>,
) -> Change {
    Change {
        op,
        old,
        new,
        similarity,
        flags,
        inline,
        old_units: vec![],
        new_units: vec![],
        old_part_lens: vec![],
        new_part_lens: vec![],
    }
}

pub fn res7() -> Report {
    let renum = Flags {
        renumbered: true,
        ..Flags::default()
    };
    let changes = vec![
        change(
            Op::Mod,
            at("considering", Some("a")),
            at("considering", Some("a")),
            0.31,
            Flags::default(),
            segs("[-the purposes of the Union set forth in Article 1-]{+Articles 1 and 50+} of the ITU Constitution[- relating to the harmonization of telecommunication facilities-];"),
        ),
        change(
            Op::Add,
            vec![],
            at("considering", Some("b")),
            0.0,
            Flags::default(),
            one(SegmentOp::Insert, "Articles 2 and 20 of the Statutes of the International Organization for Standardization (ISO);"),
        ),
        change(
            Op::Mod,
            at("considering", Some("b")),
            at("considering", Some("d")),
            0.58,
            Flags { renumbered: true, moved: true, ..Flags::default() },
            segs("the [-duties-]{+mandate+} of the ITU Telecommunication Standardization Sector (ITU-T) as set forth in {+the basic instruments of the Union, notably +}Chapter III of the Constitution{+ and Section 6 of the ITU Convention+};"),
        ),
        change(
            Op::Noc,
            at("considering", Some("e")),
            at("considering", Some("g")),
            1.0,
            renum,
            one(SegmentOp::Equal, "the need for mutual agreements on many areas of standardization activity of common interest;"),
        ),
        change(
            Op::Mod,
            at("considering", Some("f")),
            at("considering", Some("i")),
            0.62,
            renum,
            segs("the [-increasing -]relevance of the ITU conformance and interoperability {+(C&I) +}programme and its four pillars, and the [-Action Plan-]{+action plan+} for the C&[- I Programme-]{+I programme (+}reviewed by the {+ITU +}Council at its 2014 session[- which has, among other objectives, recalled that ITU-T Recommendations should consider-]{+)+},"),
        ),
        change(
            Op::Mod,
            at("noting", Some("b")),
            [at("noting", Some("b")), at("noting", Some("d"))].concat(),
            0.44,
            Flags { split: true, renumbered: true, ..Flags::default() },
            segs("{+that the document-sharing mechanisms and requirements differ among the three organizations;\n+}the increasing financial [-demands on financial and-]burdens on the [-specialized-]professional experts who participate in the development of standards in these {+three organizations+}[-bodies-];"),
        ),
        change(
            Op::Mod,
            at("noting", Some("g")),
            at("noting", Some("i")),
            0.97,
            Flags { renumbered: true, editorial: true, ..Flags::default() },
            segs("the increasing cost of developing international standards and [-recommendations;,-]{+Recommendations;+}"),
        ),
        change(
            Op::Add,
            vec![],
            at("recognizing", None),
            0.0,
            Flags::default(),
            one(SegmentOp::Insert, "that the collaboration between ITU-T on one hand and ISO and IEC on the other is on the basis of overall win and mutual benefits to best serve international standardization efforts,"),
        ),
        change(
            Op::Add,
            vec![],
            at("resolves", Some("1")),
            0.0,
            Flags::default(),
            one(SegmentOp::Insert, "to request the Director of the Telecommunication Standardization Bureau (TSB) to report regularly to the Telecommunication Standardization Advisory Group (TSAG) on the status of collaboration with ISO and IEC;"),
        ),
        change(
            Op::Mod,
            at("resolves", Some("1")),
            at("resolves", Some("2")),
            0.82,
            renum,
            segs("to continue inviting ISO and IEC to examine{+, through TSAG,+} the ITU-T study programme{+,+} in the early stages of its studies{+,+} and vice versa, and to further examine such programmes to take into account ongoing changes, in order to identify subjects where coordination seems desirable {+for common and complementary work, +}and {+which +}would benefit the [-organizations-]{+membership+}, and to [-so advise-]inform the Director of [-the Telecommunication Standardization Bureau (TSB)-]{+TSB+};"),
        ),
        change(
            Op::Noc,
            at("resolves", Some("3")),
            at("resolves", Some("5")),
            1.0,
            renum,
            one(SegmentOp::Equal, "to request the Director of TSB to examine and update the programme of cooperation and priority of the study items among ITU-T, ISO and IEC and highlight this information on the ITU-T website on a regular basis;"),
        ),
        change(
            Op::Mod,
            at("resolves", Some("5")),
            at("resolves", Some("7")),
            0.93,
            renum,
            segs("that the necessary contacts with ISO and/or IEC {+(including ISO/IEC JTC 1) +}[-should be -]at the appropriate levels and coordination methods should be mutually agreed and regular coordination events arranged:\n• for work where text should be drawn up mutually and kept aligned, procedures in accordance with Recommendation ITU-T A.23 and the Guidelines for Cooperation therein apply;\n• for other activities where coordination between ITU-T and ISO and IEC is required, clear means of coordination shall be established and regular coordination contacts made;"),
        ),
        change(
            Op::Sup,
            at("instructs the study groups", Some("1")),
            vec![],
            0.0,
            Flags::default(),
            one(SegmentOp::Delete, "to identify any subject which could be dealt with in a single organization & report it to TSAG;"),
        ),
    ];
    Report {
        schema_version: DIFF_SCHEMA_VERSION,
        old: Side {
            path: "resolutions/wtsa-7/usa-48a5-1.txt".into(),
            format: "text".into(),
            view: None,
            heading: Some("RESOLUTION 7 (REV. DUBAI, 2012HAMMAMET, 2016)".into()),
        },
        new: Side {
            path: "resolutions/wtsa-7/geneva-2022.md".into(),
            format: "markdown".into(),
            view: None,
            heading: Some("RESOLUTION 7 (Rev. Geneva, 2022)".into()),
        },
        summary: Summary { noc: 2, modified: 7, add: 3, sup: 1, editorial: 1, renumbered: 8, moved: 1 },
        header: vec![
            HeaderChange {
                field: "revision".into(),
                op: Op::Mod,
                old: Some("Rev. Hammamet, 2016".into()),
                new: Some("Rev. Geneva, 2022".into()),
                inline: segs("Rev. [-Hammamet, 2016-]{+Geneva, 2022+}"),
            },
            HeaderChange {
                field: "title".into(),
                op: Op::Noc,
                old: Some("Collaboration with the International Organization for Standardization and the International Electrotechnical Commission".into()),
                new: Some("Collaboration with the International Organization for Standardization and the International Electrotechnical Commission".into()),
                inline: vec![],
            },
            HeaderChange {
                field: "adopting_body".into(),
                op: Op::Mod,
                old: Some("The World Telecommunication Standardization Assembly (Hammamet, 2016),".into()),
                new: Some("The World Telecommunication Standardization Assembly (Geneva, 2022),".into()),
                inline: segs("The World Telecommunication Standardization Assembly ([-Hammamet, 2016-]{+Geneva, 2022+}),"),
            },
        ],
        changes,
        warnings: vec![Warning {
            kind: WarningKind::FlattenedRevisions,
            message: "old: revision marks were flattened into the text: deleted and inserted words run together".into(),
            origin: Some(Origin { unit: OriginUnit::Line, start: 13, end: 13 }),
        }],
    }
}
