//! The JSON format: documented field order, round trip into the typed Report, filters.

mod common;
mod render_support;

use resdiff::model::Op;
use resdiff::render::{render_to_string, Detail, OutputFormat, RenderOptions, Show};
use resdiff::report::Report;

fn json(opts: RenderOptions) -> String {
    render_to_string(
        &render_support::res7(),
        &RenderOptions {
            format: OutputFormat::Json,
            ..opts
        },
    )
}

#[test]
fn parses_back_into_the_same_report() {
    let out = json(RenderOptions::default());
    let back: Report = serde_json::from_str(&out).expect("valid report JSON");
    assert_eq!(back, render_support::res7());
}

#[test]
fn fields_come_in_the_documented_order() {
    let out = json(RenderOptions::default());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "schema_version",
            "old",
            "new",
            "summary",
            "header",
            "changes",
            "warnings"
        ]
    );
    assert!(out.starts_with("{\n  \"schema_version\": 1,\n"));
    let change: Vec<&String> = v["changes"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        change,
        [
            "op",
            "old",
            "new",
            "similarity",
            "flags",
            "inline",
            "old_units",
            "new_units"
        ]
    );
    let summary: Vec<&String> = v["summary"].as_object().unwrap().keys().collect();
    assert_eq!(
        summary,
        [
            "noc",
            "mod",
            "add",
            "sup",
            "editorial",
            "renumbered",
            "moved"
        ]
    );
    let moved = &v["changes"][2];
    assert_eq!(moved["op"], "MOD");
    assert_eq!(moved["old"][0]["section"], "considering");
    assert_eq!(moved["old"][0]["label"], "b");
    assert_eq!(moved["new"][0]["label"], "d");
    assert_eq!(moved["flags"]["moved"], true);
    assert_eq!(moved["inline"][1]["op"], "delete");
    assert_eq!(moved["inline"][1]["text"], "duties");
    assert_eq!(v["changes"][7]["new"][0]["label"], serde_json::Value::Null);
    assert!(out.ends_with("}\n"));
}

#[test]
fn json_lists_unchanged_clauses_without_asking() {
    let all = json(RenderOptions {
        show: Show::Changes,
        ..Default::default()
    });
    let back: Report = serde_json::from_str(&all).unwrap();
    assert_eq!(back.changes.iter().filter(|c| c.op == Op::Noc).count(), 2);
}

#[test]
fn only_filters_changes_and_keeps_the_full_summary() {
    let out = json(RenderOptions {
        only: Some(vec![Op::Add, Op::Sup]),
        ..Default::default()
    });
    let back: Report = serde_json::from_str(&out).unwrap();
    let ops: Vec<Op> = back.changes.iter().map(|c| c.op).collect();
    assert_eq!(ops, [Op::Add, Op::Add, Op::Add, Op::Sup]);
    assert!(back.header.is_empty());
    assert_eq!(back.summary, render_support::res7().summary);
}

#[test]
fn stat_is_sides_and_summary() {
    let out = json(RenderOptions {
        detail: Detail::Stat,
        ..Default::default()
    });
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["schema_version", "old", "new", "summary"]);
    assert_eq!(v["summary"]["mod"], 7);
}

#[test]
fn snapshot_json_hand_made() {
    let out = json(RenderOptions::default());
    common::snapshots(|| insta::assert_snapshot!("render_json_hand_made", out));
}
