//! Reviewed snapshots of the parse of the shipped Resolution 7 texts: the full JSON model and
//! the outline of `resdiff parse`. Paths are relative so snapshots do not depend on the checkout.

mod common;

use resdiff::render::outline::outline;
use resdiff::{load, LoadOptions};

fn parse(rel: &str) -> resdiff::Resolution {
    load(rel.as_ref(), &LoadOptions::default()).expect("parses")
}

#[test]
fn geneva_2022_json() {
    let r = parse(common::RES7_GENEVA);
    let json = serde_json::to_string_pretty(&r).expect("json");
    common::snapshots(|| insta::assert_snapshot!("parse_geneva_2022_json", json));
}

#[test]
fn usa_48a5_1_json() {
    let r = parse(common::RES7_USA);
    let json = serde_json::to_string_pretty(&r).expect("json");
    common::snapshots(|| insta::assert_snapshot!("parse_usa_48a5_1_json", json));
}

#[test]
fn geneva_2022_outline() {
    let r = parse(common::RES7_GENEVA);
    common::snapshots(|| insta::assert_snapshot!("parse_geneva_2022_outline", outline(&r)));
}

#[test]
fn usa_48a5_1_outline() {
    let r = parse(common::RES7_USA);
    common::snapshots(|| insta::assert_snapshot!("parse_usa_48a5_1_outline", outline(&r)));
}
