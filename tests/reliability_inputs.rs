//! The catalogue of bad and odd inputs (docs/bad-inputs.md): each row of the table is a test
//! here. What users see matters, so most go through the binary: exit 2 with one line naming the
//! file and saying what to do, or a normal result.
//! Empty, binary, missing, directory, broken zip and non-resolution inputs are in tests/cli.rs.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

use assert_cmd::Command;
use resdiff::model::{Op, WarningKind};
use resdiff::{compare, load, load_bytes, CompareOptions, LoadOptions, Resolution};

fn resdiff() -> Command {
    let mut cmd = Command::cargo_bin("resdiff").expect("binary built");
    cmd.current_dir(common::repo("")).env_remove("NO_COLOR");
    cmd
}

fn opts() -> LoadOptions {
    LoadOptions::default()
}

fn geneva() -> String {
    std::fs::read_to_string(common::repo(common::RES7_GENEVA)).expect("shipped text")
}

/// (division heading, labels) of every division: what a user reads in the outline.
fn shape(r: &Resolution) -> Vec<(String, Vec<String>)> {
    r.walk_divisions()
        .iter()
        .map(|d| {
            (
                d.heading.shown.clone(),
                d.clauses
                    .iter()
                    .map(|c| c.label.as_ref().map(|l| l.raw.clone()).unwrap_or_default())
                    .collect(),
            )
        })
        .collect()
}

/// `resdiff parse PATH` must fail with exit 2 and one line naming the file and saying `says`.
fn refused(path: &Path, says: &str) -> String {
    let out = resdiff().arg("parse").arg(path).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{}: {stderr}", path.display());
    assert!(out.stdout.is_empty(), "no output on error");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains(&path.display().to_string()),
        "names the file: {stderr}"
    );
    assert!(stderr.contains(says), "says '{says}': {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write temp file");
    p
}

/// A resolution of `n` numbered `resolves` clauses, as Word saves it (TAB after labels).
fn numbered(n: usize) -> String {
    blocks(1, n)
}

/// `sections` `resolves` sections of `per` numbered clauses each (the parser reads numbers of
/// four digits and more as text, not labels: they are years, as in `2022 ...`).
fn blocks(sections: usize, per: usize) -> String {
    let mut s = String::from(
        "RESOLUTION 99 (Geneva, 2022)\nA long resolution\n\
         The World Telecommunication Standardization Assembly (Geneva, 2022),\n\
         considering\na)\tthat tests need large inputs,\n",
    );
    for k in 0..sections {
        s.push_str("resolves\n");
        for i in 1..=per {
            s.push_str(&format!(
                "{i}\tto carry out task {i} of block {k} on the {} of study group {};\n",
                ["standards", "reports", "questions", "liaisons"][i % 4],
                i % 17
            ));
        }
    }
    s
}

/// CPU seconds used so far by this thread (the machine may be busy: wall time says little).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name (in parentheses): utime and stime are the 12th and 13th.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    if f.len() > 13 {
        (f[11] + f[12]) / 100.0
    } else {
        0.0
    }
}

#[test]
fn whitespace_only_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "blank.txt", b" \n\t\r\n  \n\x0c\n");
    refused(&p, "empty file");
}

#[test]
fn nul_bytes_and_binary_are_refused_as_binary() {
    let dir = tempfile::tempdir().unwrap();
    let mut with_nul = geneva().into_bytes();
    with_nul.insert(200, 0);
    let p = write(dir.path(), "nul.md", &with_nul);
    refused(&p, "binary file");
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let p = write(dir.path(), "noise.txt", &noise);
    refused(&p, "binary file");
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_with_a_warning() {
    let text = geneva();
    let original = load_bytes("g.md".as_ref(), text.as_bytes(), &opts()).unwrap();
    // One stray Latin-1 byte (an 'é' from an old editor) in the title.
    let bytes = text.replacen("Standardization", "Standardi\u{0}ation", 1);
    let bytes: Vec<u8> = bytes
        .bytes()
        .map(|b| if b == 0 { 0xE9 } else { b })
        .collect();
    let r = load_bytes("g.md".as_ref(), &bytes, &opts()).expect("parses");
    assert_eq!(shape(&r), shape(&original));
    let w: Vec<_> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::Decoded)
        .collect();
    assert_eq!(w.len(), 1);
    assert!(w[0].message.contains("windows-1252"), "{}", w[0].message);
}

#[test]
fn utf16_without_a_byte_order_mark_is_read_not_refused_as_binary() {
    let text = geneva();
    let original = load_bytes("g.md".as_ref(), text.as_bytes(), &opts()).unwrap();
    for big_endian in [false, true] {
        let bytes: Vec<u8> = text
            .encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect();
        let r = load_bytes("g.md".as_ref(), &bytes, &opts()).expect("parses");
        assert_eq!(shape(&r), shape(&original), "big endian: {big_endian}");
        assert_eq!(common::clause_keys(&r), common::clause_keys(&original));
        assert!(r
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::Decoded && w.message.contains("UTF-16")));
    }
}

#[test]
fn crlf_and_cr_only_line_ends_read_like_lf() {
    for rel in [common::RES7_GENEVA, common::RES7_USA] {
        let text = std::fs::read_to_string(common::repo(rel)).unwrap();
        let original = load_bytes(rel.as_ref(), text.as_bytes(), &opts()).unwrap();
        let texts = |r: &Resolution| -> Vec<String> {
            r.clauses().iter().map(|(_, c)| c.full_shown()).collect()
        };
        for (name, eol) in [("CRLF", "\r\n"), ("CR", "\r")] {
            let changed = text.replace('\n', eol);
            let r = load_bytes(rel.as_ref(), changed.as_bytes(), &opts())
                .unwrap_or_else(|e| panic!("{rel} with {name}: {e}"));
            assert_eq!(shape(&r), shape(&original), "{rel} with {name}");
            assert_eq!(texts(&r), texts(&original), "{rel} with {name}");
            let report = compare(&original, &r, &CompareOptions::default());
            assert!(!report.has_differences(), "{rel} with {name}");
        }
    }
}

/// Peak memory (VmHWM) of `resdiff ARGS`, in MB, with the exit code and stderr.
fn peak_mb(args: &[&std::ffi::OsStr]) -> (f64, Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("resdiff");
    // GNU time reports the peak RSS of its child; without it, no number (0).
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        let out = std::process::Command::new(&bin)
            .args(args)
            .output()
            .unwrap();
        return (
            0.0,
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        );
    }
    let out = std::process::Command::new(time)
        .args(["-f", "MAXRSS_KB=%M CPU=%U+%S"])
        .arg(&bin)
        .args(args)
        .current_dir(common::repo(""))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let kb: f64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("MAXRSS_KB="))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .expect("GNU time prints MAXRSS_KB");
    let rest: String = stderr
        .lines()
        .filter(|l| !l.starts_with("MAXRSS_KB=") && !l.starts_with("Command exited"))
        .collect::<Vec<_>>()
        .join("\n");
    (kb / 1024.0, out.status.code(), rest)
}

#[test]
fn a_100_mb_text_is_refused_as_too_large_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    // Sparse: costs no disk, and the size is what counts.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let stderr = refused(&big, "too large: more than the 64 MB");
    assert!(stderr.contains("right file"), "says what to do: {stderr}");
    let (mb, code, _) = peak_mb(&["parse".as_ref(), big.as_os_str()]);
    assert_eq!(code, Some(2));
    assert!(mb < 64.0, "refusing a 100 MB file took {mb:.0} MB");
    // The same cap holds for bytes already in memory.
    let bytes = vec![b'a'; 64 * 1024 * 1024 + 1];
    let err = load_bytes("mem.txt".as_ref(), &bytes, &opts()).unwrap_err();
    assert!(matches!(err, resdiff::Error::TooLarge { .. }), "{err}");
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_device_is_cut_at_the_limit_not_read_forever() {
    let stderr = refused(Path::new("/dev/zero"), "too large");
    assert!(stderr.contains("64 MB"), "{stderr}");
    // `diff FILE` alone (a .docx with revision marks) reads through the same cap: it read the
    // whole device, until memory ran out.
    let (mb, code, stderr) = peak_mb(&["diff".as_ref(), "/dev/zero".as_ref()]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("/dev/zero: too large"), "{stderr}");
    // Bounded: the 64 MB read, in a buffer that grows up to the cap and no further (160 MB
    // measured, the buffers it grew from kept by the allocator; 212 MB when it doubled past
    // the cap).
    assert!(mb < 190.0, "{mb:.0} MB");
}

#[test]
fn a_single_10_mb_line_is_read_in_bounded_time_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = numbered(3);
    let words = [
        "standards",
        "of",
        "the",
        "study",
        "groups",
        "and",
        "Member",
        "States",
    ];
    let mut line = String::from("4\tto ");
    let mut i = 0;
    while line.len() < 10 * 1024 * 1024 {
        line.push_str(words[i % words.len()]);
        line.push(' ');
        i += 1;
    }
    text.push_str(&line);
    text.push('\n');
    let p = write(dir.path(), "long-line.txt", text.as_bytes());
    let (mb, code, stderr) = peak_mb(&["parse".as_ref(), p.as_os_str()]);
    eprintln!("10 MB line: peak {mb:.0} MB");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(mb < 400.0, "{mb:.0} MB for a 10 MB input");
    let start = cpu_seconds();
    let r = load(&p, &opts()).unwrap();
    let secs = cpu_seconds() - start;
    eprintln!("10 MB line: {secs:.1}s of CPU");
    assert!(secs < 60.0, "{secs:.1}s");
    let last = r.clauses().last().map(|(_, c)| c.text.shown.len()).unwrap();
    assert!(last > 10_000_000, "the long clause is kept whole: {last}");
}

#[test]
fn one_hundred_thousand_clauses_parse_and_compare_in_reasonable_time() {
    let text = blocks(1000, 100);
    eprintln!("input: {:.1} MB", text.len() as f64 / 1e6);
    let start = cpu_seconds();
    let old = load_bytes("big.txt".as_ref(), text.as_bytes(), &opts()).expect("parses");
    let parse = cpu_seconds() - start;
    let sections = old.walk_divisions();
    assert_eq!(sections.len(), 1001);
    assert_eq!(old.clauses().len(), 100_001);
    assert_eq!(
        sections[1000].clauses[99].label.as_ref().unwrap().raw,
        "100"
    );
    // Edit one clause in the middle.
    let edited = text.replace(
        "task 50 of block 500 on",
        "task 50 of block 500 and more on",
    );
    let new = load_bytes("big2.txt".as_ref(), edited.as_bytes(), &opts()).unwrap();
    let start = cpu_seconds();
    let report = compare(&old, &new, &CompareOptions::default());
    let cmp = cpu_seconds() - start;
    eprintln!("100k clauses: parse {parse:.1}s, compare {cmp:.1}s of CPU");
    let changed: Vec<_> = report.changes.iter().filter(|c| c.op != Op::Noc).collect();
    assert_eq!(changed.len(), 1, "one MOD");
    assert_eq!(changed[0].op, Op::Mod);
    assert!(
        parse < 60.0 && cmp < 120.0,
        "parse {parse:.1}s compare {cmp:.1}s"
    );
}

#[test]
fn fifty_levels_of_nesting_parse_without_overflow() {
    let mut text = numbered(2);
    // Decimal sub-items 3.1, 3.1.1, ... down to 50 levels.
    let mut label = String::from("3");
    text.push_str("3\tto nest;\n");
    for depth in 2..=50 {
        label.push_str(".1");
        text.push_str(&format!("{label}\tlevel {depth};\n"));
    }
    // Markdown lists indented 50 levels deep, and 50 nested bullets.
    for depth in 0..50 {
        text.push_str(&format!("{}- item at depth {depth}\n", "  ".repeat(depth)));
    }
    for depth in 0..50 {
        text.push_str(&format!("{}\u{2022}\tbullet {depth}\n", "\t".repeat(depth)));
    }
    for name in ["deep.txt", "deep.md"] {
        let r = load_bytes(name.as_ref(), text.as_bytes(), &opts()).expect("parses");
        let all: String = r.clauses().iter().map(|(_, c)| c.full_shown()).collect();
        assert!(all.contains("level 50"), "{name}: {all}");
        assert!(all.contains("bullet 49"), "{name}");
        let same = compare(&r, &r, &CompareOptions::default());
        assert!(!same.has_differences());
    }
}

/// Every unlabelled line ending with `:` opens a sub-list (`whether:` and its items). 10,000
/// of them in a row (30 KB) nested 10,000 deep: the JSON and outline writers overflowed the
/// stack, and placing each line walked the whole path (quadratic). Items nest at most 64 deep;
/// every line is kept, in order.
#[test]
fn ten_thousand_lines_ending_with_a_colon_do_not_nest_without_end() {
    let mut text = numbered(2);
    text.push_str("3\tto do this:\n");
    for k in 0..10_000 {
        text.push_str(&format!("w{k}:\n"));
    }
    let r = load_bytes("colons.txt".as_ref(), text.as_bytes(), &opts()).expect("parses");
    fn depth(c: &resdiff::model::Clause) -> usize {
        1 + c.items.iter().map(depth).max().unwrap_or(0)
    }
    let (_, deepest) = r
        .clauses()
        .into_iter()
        .max_by_key(|(_, c)| depth(c))
        .expect("clauses");
    assert_eq!(depth(deepest), 65, "the clause and 64 levels of items");
    let all = deepest.full_shown();
    let (first, last) = (all.find("w0:").unwrap(), all.find("w9999:").unwrap());
    assert!(first < last);
    for format in ["json", "text"] {
        resdiff()
            .args(["parse", "--format", format, "/dev/stdin"])
            .write_stdin(text.clone())
            .assert()
            .code(0);
    }
    let same = compare(&r, &r, &CompareOptions::default());
    assert!(!same.has_differences());
}

#[test]
fn labels_that_overflow_integers_are_kept_as_written() {
    let text = numbered(2).replace(
        "2\tto carry",
        "99999999999999999999\tto carry\n99999999999999999999999999999999999999999.18446744073709551616\tto also carry",
    );
    let text = text.replace("a)\tthat", "99999999999999999999)\tthat");
    let r = load_bytes("big-labels.txt".as_ref(), text.as_bytes(), &opts()).expect("parses");
    let labels: Vec<String> = r
        .clauses()
        .iter()
        .filter_map(|(_, c)| c.label.as_ref().map(|l| l.raw.clone()))
        .collect();
    let all: String = r.clauses().iter().map(|(_, c)| c.full_shown()).collect();
    assert!(
        labels.iter().any(|l| l.contains("99999999999999999999"))
            || all.contains("99999999999999999999"),
        "the big label survives: {labels:?}"
    );
    resdiff()
        .arg("parse")
        .arg("/dev/stdin")
        .write_stdin(text.clone())
        .assert()
        .code(0);
}

#[test]
fn right_to_left_clauses_parse_and_compare() {
    let text = "RESOLUTION 7 (Rev. Geneva, 2022)\n\
        \u{62a}\u{639}\u{627}\u{648}\u{646} \u{627}\u{644}\u{645}\u{646}\u{638}\u{645}\u{627}\u{62a}\n\
        The World Telecommunication Standardization Assembly (Geneva, 2022),\n\
        considering\n\
        a)\tأن الاتحاد الدولي للاتصالات يضع المعايير؛\n\
        b)\tأن \u{200F}الدول الأعضاء\u{200F} تتعاون (ITU\u{2011}T)،\n\
        resolves\n\
        1\tأن يواصل العمل على التقييس؛\n\
        2\tأن يدعو الدول الأعضاء إلى المشاركة.\n";
    let old = load_bytes("ar.txt".as_ref(), text.as_bytes(), &opts()).expect("parses");
    assert_eq!(
        shape(&old)
            .iter()
            .map(|(h, l)| (h.as_str(), l.len()))
            .collect::<Vec<_>>(),
        [("considering", 2), ("resolves", 2)]
    );
    let changed = text.replace("التقييس", "التقييس والتنمية");
    let new = load_bytes("ar2.txt".as_ref(), changed.as_bytes(), &opts()).unwrap();
    let report = compare(&old, &new, &CompareOptions::default());
    let ops: Vec<Op> = report.changes.iter().map(|c| c.op).collect();
    assert_eq!(ops, [Op::Noc, Op::Noc, Op::Mod, Op::Noc]);
    assert_eq!(resdiff::align::apply(&report, &old), {
        new.clauses()
            .iter()
            .map(|(_, c)| c.full_shown())
            .collect::<Vec<_>>()
    });
}

#[test]
fn a_path_that_does_not_exist_is_named() {
    refused(Path::new("no/such/dir/res7.md"), "no such file");
}

#[cfg(target_os = "linux")]
#[test]
fn unreadable_files_and_directories() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    let inside = write(&locked, "res7.md", geneva().as_bytes());
    let file = write(dir.path(), "secret.md", geneva().as_bytes());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Run as root too: the command drops root's right to read through permissions (where
    // root may not, permissions do not stop it reading: the files parse).
    let unreadable = |path: &Path| {
        let Some(mut cmd) = common::resdiff_without_root_reading() else {
            resdiff().arg("parse").arg(path).assert().code(0);
            return;
        };
        let out = cmd.arg("parse").arg(path).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(out.stdout.is_empty(), "no output on error");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
        assert!(
            stderr.contains("cannot read: permission denied"),
            "{stderr}"
        );
    };
    unreadable(&file);
    unreadable(&inside);
    // A directory is refused as such, readable or not.
    refused(&locked, "is a directory, expected a file");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn stored_zip(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .large_file(true);
    for (name, bytes) in parts {
        zip.start_file(*name, o).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

#[test]
fn a_zip_bomb_is_refused_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    // 200 MB of document.xml compressing to a fraction of a megabyte.
    let mut xml = format!("<w:document xmlns:w=\"{W_NS}\"><w:body><w:p><w:r><w:t>").into_bytes();
    xml.resize(200 * 1024 * 1024, b'a');
    let bomb = stored_zip(
        &[("word/document.xml", &xml)],
        zip::CompressionMethod::Deflated,
    );
    drop(xml);
    assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
    let p = write(dir.path(), "bomb.docx", &bomb);
    let (mb, code, stderr) = peak_mb(&["parse".as_ref(), p.as_os_str()]);
    eprintln!("zip bomb: peak {mb:.0} MB: {stderr}");
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "resdiff: {}: too large: word/document.xml declares 209715200 bytes uncompressed, \
             more than the 67108864 allowed (a zip bomb?); check that this is the right file, \
             or open it in Word and save it again",
            p.display()
        )
    );
    assert!(mb < 200.0, "peak {mb:.0} MB");
}

#[test]
fn a_docx_with_dtd_entities_is_refused_or_read_without_expansion_blowup() {
    let dir = tempfile::tempdir().unwrap();
    // The "billion laughs": ten levels of ten references.
    let mut dtd = String::from("<!DOCTYPE w:document [<!ENTITY l0 \"lol\">");
    for i in 1..10 {
        let refs = format!("&l{};", i - 1).repeat(10);
        dtd.push_str(&format!("<!ENTITY l{i} \"{refs}\">"));
    }
    dtd.push_str("<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>");
    let xml = format!(
        "<?xml version=\"1.0\"?>{dtd}<w:document xmlns:w=\"{W_NS}\"><w:body>\
         <w:p><w:r><w:t>considering</w:t></w:r></w:p>\
         <w:p><w:r><w:t>a) &l9; &ext;</w:t></w:r></w:p></w:body></w:document>"
    );
    let docx = stored_zip(
        &[("word/document.xml", xml.as_bytes())],
        zip::CompressionMethod::Stored,
    );
    let p = write(dir.path(), "laughs.docx", &docx);
    let start = Instant::now();
    let (mb, code, stderr) = peak_mb(&["parse".as_ref(), p.as_os_str()]);
    eprintln!("billion laughs: peak {mb:.0} MB, {code:?}: {stderr}");
    assert!(start.elapsed().as_secs() < 30);
    assert!(mb < 200.0, "peak {mb:.0} MB");
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "resdiff: {}: not a Word document: word/document.xml, line 1, column 22: a document \
             type definition (<!DOCTYPE>), which Word never writes and resdiff refuses (its \
             entities could expand without end); open it in Word and save it again as .docx",
            p.display()
        )
    );
    assert!(!stderr.contains("root:"), "never reads external entities");
}

#[test]
fn a_docx_without_its_document_part_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let docx = stored_zip(
        &[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/styles.xml", b"<w:styles/>"),
        ],
        zip::CompressionMethod::Deflated,
    );
    let p = write(dir.path(), "hollow.docx", &docx);
    refused(&p, "not a Word document");
    // Truncated: the real Resolution 1 cut in half.
    let real = std::fs::read(common::repo(common::RES1_HAMMAMET)).unwrap();
    let p = write(dir.path(), "half.docx", &real[..real.len() / 2]);
    refused(&p, "not a Word document");
}
