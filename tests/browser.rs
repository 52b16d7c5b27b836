//! The HTML report in a real browser (headless Chromium through chromedriver): what a reviewer
//! sees and does. Skipped, loudly, only when Chromium is missing and `CI` is unset; in CI a
//! missing browser fails (scripts/setup-system installs it).

mod common;
mod webdriver;

use std::path::{Path, PathBuf};

use resdiff::render::{render_to_string, OutputFormat, RenderOptions};
use resdiff::report::Report;
use serde_json::Value;
use webdriver::Browser;

fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// Chromium and chromedriver, or `None` (after saying so) when the test must be skipped.
fn tools() -> Option<(PathBuf, PathBuf)> {
    let chromium = which("chromium").or_else(|| which("chromium-browser"));
    let driver = which("chromedriver");
    match (chromium, driver) {
        (Some(c), Some(d)) => Some((c, d)),
        _ if std::env::var("CI").is_ok_and(|v| !v.is_empty()) => {
            panic!("CI is set but chromium / chromedriver are missing: run scripts/test (apt-get install chromium chromium-driver)")
        }
        _ => {
            eprintln!("\n*** SKIPPED browser tests: chromium and chromedriver not found (apt-get install chromium chromium-driver) ***\n");
            None
        }
    }
}

/// The shipped pair through the real reader, parser and aligner.
fn report() -> Report {
    compare(Path::new(common::RES7_USA), Path::new(common::RES7_GENEVA))
}

fn compare(old: &Path, new: &Path) -> Report {
    let opts = resdiff::LoadOptions::default();
    let old = resdiff::load(old, &opts).expect("old text loads");
    let new = resdiff::load(new, &opts).expect("new text loads");
    resdiff::compare(&old, &new, &resdiff::CompareOptions::default())
}

fn write_html(dir: &Path, name: &str, report: &Report) -> String {
    let path = dir.join(name);
    let html = render_to_string(
        report,
        &RenderOptions {
            format: OutputFormat::Html,
            ..Default::default()
        },
    );
    std::fs::write(&path, html).expect("write report");
    format!("file://{}", path.display())
}

/// The ops of the clauses a person can see, in page order.
/// Entries of the report a reader sees before unfolding: changed clauses and header fields.
fn changed_count(report: &Report) -> usize {
    let clauses = report.changes.iter().filter(|c| c.op != resdiff::Op::Noc);
    let fields = report.header.iter().filter(|h| h.op != resdiff::Op::Noc);
    clauses.count() + fields.count()
}

fn visible_ops(b: &Browser) -> Vec<String> {
    let v = b.js(
        "return [...document.querySelectorAll('.clause')].filter(e => e.checkVisibility()).map(e => e.dataset.op);",
    );
    serde_json::from_value(v).expect("list of ops")
}

fn hash(b: &Browser) -> String {
    b.js("return location.hash;")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn save_screenshot(b: &Browser, name: &str) {
    // Set RESDIFF_SCREENSHOTS=docs/screenshots to refresh the pictures in the docs.
    if let Some(dir) = std::env::var_os("RESDIFF_SCREENSHOTS") {
        let png = b.screenshot();
        assert!(png.starts_with(b"\x89PNG"), "screenshot is a PNG");
        std::fs::write(Path::new(&dir).join(name), png).expect("write screenshot");
    }
}

#[test]
fn a_reviewer_reads_filters_steps_and_switches_views() {
    let Some((chromium, driver)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let report = report();
    let url = write_html(dir.path(), "res7.html", &report);
    let b = Browser::start(&chromium, &driver, &dir.path().join("profile"));
    b.goto(&url);

    // The summary bar shows the counts of the JSON report.
    let json = render_to_string(
        &report,
        &RenderOptions {
            format: OutputFormat::Json,
            ..Default::default()
        },
    );
    let json: Value = serde_json::from_str(&json).expect("json report");
    for (op, key) in [
        ("MOD", "mod"),
        ("ADD", "add"),
        ("SUP", "sup"),
        ("NOC", "noc"),
    ] {
        let shown = b.js(&format!(
            "return document.querySelector('.bar .count[data-op={op}]').textContent;"
        ));
        assert_eq!(
            shown.as_str(),
            Some(json["summary"][key].to_string().as_str()),
            "{op} count"
        );
    }
    // Unchanged clauses are folded: only changes are visible at first.
    let ops = visible_ops(&b);
    assert!(!ops.contains(&"NOC".to_string()), "NOC folded: {ops:?}");
    let changed = changed_count(&report);
    assert_eq!(ops.len(), changed);
    save_screenshot(&b, "res7-diff.png");

    // `n` steps to the first change, then the next; `p` comes back.
    assert_eq!(hash(&b), "");
    b.press("n");
    let first = hash(&b);
    let changed: Vec<String> = serde_json::from_value(b.js(
        "return [...document.querySelectorAll('.clause.changed')].filter(e => e.checkVisibility()).map(e => '#' + e.id);",
    ))
    .unwrap();
    assert_eq!(first, changed[0]);
    b.press("n");
    assert_eq!(hash(&b), changed[1]);
    assert_eq!(
        b.js("return '#' + document.activeElement.id;").as_str(),
        Some(changed[1].as_str())
    );
    b.press("p");
    assert_eq!(hash(&b), changed[0]);

    // The ADD filter leaves only ADD clauses.
    b.click("label[for=op-add]");
    let ops = visible_ops(&b);
    assert_eq!(ops.len(), json["summary"]["add"].as_u64().unwrap() as usize);
    assert!(ops.iter().all(|o| o == "ADD"), "{ops:?}");
    b.click("label[for=op-all]");

    // The section filter leaves one section.
    b.click("#section-filter option[value=noting]");
    let sections: Vec<String> = serde_json::from_value(b.js(
        "return [...document.querySelectorAll('.clause')].filter(e => e.checkVisibility()).map(e => e.closest('.division').dataset.section);",
    ))
    .unwrap();
    assert!(
        !sections.is_empty() && sections.iter().all(|s| s == "noting"),
        "{sections:?}"
    );
    b.click("#section-filter option[value='']");

    // A link into a folded unchanged clause unfolds it.
    b.goto(&format!("{url}#resolves-5"));
    assert_eq!(
        b.js("return document.querySelector('#resolves-5').checkVisibility();"),
        true
    );
    assert_eq!(
        b.js("return document.querySelector('#resolves-5').dataset.op;"),
        "NOC"
    );

    // Side by side: old and new columns next to each other, the inline text hidden.
    b.click("label[for=view-sbs]");
    let layout = b.js(
        "const c = document.querySelector('#resolves-2');
         const o = c.querySelector('.col.old').getBoundingClientRect();
         const n = c.querySelector('.col.new').getBoundingClientRect();
         return {inline: c.querySelector('.inline').checkVisibility(), oldRight: o.right, newLeft: n.left,
                 sameRow: Math.abs(o.top - n.top) < 2, old: c.querySelector('.col.old').textContent,
                 new: c.querySelector('.col.new').textContent};",
    );
    assert_eq!(layout["inline"], false);
    assert!(
        layout["oldRight"].as_f64() <= layout["newLeft"].as_f64(),
        "{layout}"
    );
    assert_eq!(layout["sameRow"], true);
    assert!(layout["old"].as_str().unwrap().contains("so advise"));
    assert!(!layout["new"].as_str().unwrap().contains("so advise"));
    b.js("document.querySelector('#resolves-2').scrollIntoView(); return 0;");
    save_screenshot(&b, "res7-side-by-side.png");
}

#[test]
fn a_script_in_the_document_shows_as_text_and_does_not_run() {
    let Some((chromium, driver)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    // A copy of Geneva 2022 with a script planted in considering e).
    let planted = "<script>window.__pwned=1</script>";
    let original = std::fs::read_to_string(common::repo(common::RES7_GENEVA)).expect("read text");
    let clause = "e) the interest of both ISO and IEC in some aspects";
    assert!(original.contains(clause));
    let copy = dir.path().join("geneva-2022-planted.md");
    let text = original.replace(
        clause,
        &format!("e) the interest of both ISO and IEC {planted} & in some aspects"),
    );
    std::fs::write(&copy, text).expect("write copy");
    let report = compare(Path::new(common::RES7_USA), &copy);
    let url = write_html(dir.path(), "planted.html", &report);
    let b = Browser::start(&chromium, &driver, &dir.path().join("profile"));
    b.goto(&url);
    assert_eq!(
        b.js("return typeof window.__pwned;").as_str(),
        Some("undefined")
    );
    assert_eq!(
        b.js("return document.scripts.length;"),
        1,
        "only the report's own script"
    );
    let shown = b.js("return document.querySelector('#considering-e .col.new').textContent;");
    assert!(
        shown
            .as_str()
            .unwrap_or_default()
            .contains(&format!("{planted} & in some aspects")),
        "{shown}"
    );
}

#[test]
fn without_javascript_the_page_reads_and_filters() {
    let Some((chromium, driver)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let report = report();
    let url = write_html(dir.path(), "res7.html", &report);
    let b = Browser::start_with(
        &chromium,
        &driver,
        &dir.path().join("profile"),
        &["--blink-settings=scriptEnabled=false"],
    );
    b.goto(&url);
    // The page's own script did not run: the section filter it would reveal stays hidden.
    assert_eq!(
        b.js("return document.querySelector('#section-filter').hidden;"),
        true
    );
    let changed = changed_count(&report);
    assert_eq!(visible_ops(&b).len(), changed);
    // Op filters and the view toggle are CSS: they work all the same.
    b.click("label[for=op-mod]");
    let ops = visible_ops(&b);
    let header_mods = report
        .header
        .iter()
        .filter(|h| h.op == resdiff::Op::Mod)
        .count();
    assert_eq!(ops.len(), report.summary.modified + header_mods);
    assert!(ops.iter().all(|o| o == "MOD"));
    b.click("label[for=view-sbs]");
    assert_eq!(
        b.js("return document.querySelector('#resolves-2 .sbs').checkVisibility();"),
        true
    );
}
