//! The exact one-line message of every error a user can meet: the file, what is wrong, where
//! (offset, line, .docx part) when it is known, and what to do. Inputs are the shipped texts,
//! damaged the way files really get damaged (cut short, a part lost, a stray byte).

mod common;
mod docx_support;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn resdiff() -> Command {
    let mut cmd = Command::cargo_bin("resdiff").expect("binary built");
    cmd.current_dir(common::repo("")).env_remove("NO_COLOR");
    cmd
}

/// The binary as a std Command, whose stdout can be redirected.
fn raw() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("resdiff"));
    cmd.current_dir(common::repo("")).env_remove("NO_COLOR");
    cmd
}

/// Runs resdiff with `args`; asserts exit 2, no stdout, and returns stderr.
fn stderr_of(args: &[&std::ffi::OsStr]) -> String {
    let out = resdiff().args(args).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty(), "no output on error");
    stderr
}

/// `resdiff parse PATH` must print exactly `resdiff: PATH: {says}` and exit 2.
fn says(path: &Path, says: &str) {
    let stderr = stderr_of(&["parse".as_ref(), path.as_os_str()]);
    assert_eq!(stderr, format!("resdiff: {}: {says}\n", path.display()));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn geneva() -> Vec<u8> {
    std::fs::read(common::repo(common::RES7_GENEVA)).expect("shipped text")
}

/// The real Resolution 1 .docx with `word/document.xml` changed by `edit` (`None`: removed).
fn hammamet_with(edit: impl Fn(Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
    let bytes = std::fs::read(common::repo(common::RES1_HAMMAMET)).expect("shipped docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read entry");
        let data = if name == "word/document.xml" {
            match edit(data) {
                Some(d) => d,
                None => continue,
            }
        } else {
            data
        };
        out.start_file(name, options).expect("start");
        out.write_all(&data).expect("write entry");
    }
    out.finish().expect("finish").into_inner()
}

fn replace_once(data: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = data
        .windows(from.len())
        .position(|w| w == from)
        .expect("pattern in the part");
    [&data[..at], to, &data[at + from.len()..]].concat()
}

const SAVE_AGAIN: &str = "open it in Word and save it again as .docx";

#[test]
fn not_found_says_check_the_path() {
    says(
        Path::new("resolutions/wtsa-7/geneva-2023.md"),
        "no such file; check the path",
    );
}

#[test]
fn a_directory_says_give_a_file() {
    says(
        Path::new("resolutions/wtsa-7"),
        "is a directory, expected a file; give the path of a file",
    );
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_says_check_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "secret.md", &geneva());
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let Some(mut cmd) = common::resdiff_without_root_reading() else {
        // Root that may not drop its capabilities reads through permissions.
        resdiff().arg("parse").arg(&p).assert().code(0);
        return;
    };
    let out = cmd.arg("parse").arg(&p).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no output on error");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "resdiff: {}: cannot read: permission denied; check the file's permissions\n",
            p.display()
        )
    );
}

#[test]
fn an_empty_or_blank_file_says_check_it_is_the_one_meant() {
    let dir = tempfile::tempdir().unwrap();
    let message = "empty file: there is no text to read; check that this is the file you meant";
    says(&write(dir.path(), "empty.md", b""), message);
    says(&write(dir.path(), "blank.md", b" \n\t\r\n\x0c\n"), message);
}

#[test]
fn a_binary_file_says_where_it_showed_and_what_to_give() {
    let dir = tempfile::tempdir().unwrap();
    let mut with_nul = geneva();
    with_nul.insert(200, 0);
    says(
        &write(dir.path(), "nul.md", &with_nul),
        "binary file (NUL byte at offset 200), not a resolution text: \
         give a .md, .txt or .docx file",
    );
    // Every 'e' of Resolution 7 turned into a control character.
    let garbled: Vec<u8> = geneva()
        .into_iter()
        .map(|b| if b == b'e' { 1 } else { b })
        .collect();
    says(
        &write(dir.path(), "garbled.md", &garbled),
        "binary file (690 of its 8327 characters are control characters, the first on line 3), \
         not a resolution text: give a .md, .txt or .docx file",
    );
    // A .docx forced to be read as text.
    let docx = common::repo(common::RES1_HAMMAMET);
    let stderr = stderr_of(&[
        "parse".as_ref(),
        "--from".as_ref(),
        "text".as_ref(),
        docx.as_os_str(),
    ]);
    assert_eq!(
        stderr,
        format!(
            "resdiff: {}: binary file (a zip archive; if it is a .docx, drop --from to read it \
             as one), not a resolution text: give a .md, .txt or .docx file\n",
            docx.display()
        )
    );
}

#[test]
fn no_resolution_says_how_much_was_searched_and_asks() {
    says(
        Path::new("tests/fixtures/not-a-resolution/000_33a9f580db6f5ca3.txt"),
        "no resolution found: no heading such as 'considering' or 'resolves' in its 30 lines; \
         is this a resolution text?",
    );
    // A .docx counts paragraphs: the first lines of that web page, saved as Word would.
    let dir = tempfile::tempdir().unwrap();
    let page = std::fs::read_to_string(common::repo(
        "tests/fixtures/not-a-resolution/000_33a9f580db6f5ca3.txt",
    ))
    .unwrap();
    let body: String = page
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(3)
        .map(|l| format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", escape(l)))
        .collect();
    says(
        &write(dir.path(), "page.docx", &docx_support::docx(&body, None)),
        "no resolution found: no heading such as 'considering' or 'resolves' in its \
         3 paragraphs; is this a resolution text?",
    );
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn a_damaged_docx_names_the_part_and_the_line_and_says_save_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let real = std::fs::read(common::repo(common::RES1_HAMMAMET)).unwrap();
    says(
        &write(dir.path(), "half.docx", &real[..real.len() / 2]),
        &format!(
            "not a Word document: corrupt or truncated zip (its table of contents is missing); {SAVE_AGAIN}"
        ),
    );
    says(
        &write(dir.path(), "nodoc.docx", &hammamet_with(|_| None)),
        &format!("not a Word document: word/document.xml is missing; {SAVE_AGAIN}"),
    );
    let badxml = hammamet_with(|d| Some(replace_once(&d, b"</w:p>", b"</w:q>")));
    says(
        &write(dir.path(), "badxml.docx", &badxml),
        &format!(
            "not a Word document: word/document.xml, line 2, column 4215: not well-formed XML \
             (expected 'w:p' tag, not 'w:q'); {SAVE_AGAIN}"
        ),
    );
    let cut = hammamet_with(|d| Some(d[..d.len() / 2].to_vec()));
    says(
        &write(dir.path(), "cut.docx", &cut),
        &format!(
            "not a Word document: word/document.xml: not well-formed XML (the root node was \
             opened but never closed); {SAVE_AGAIN}"
        ),
    );
    let latin1 = hammamet_with(|mut d| {
        d.insert(1000, 0xFF);
        Some(d)
    });
    says(
        &write(dir.path(), "latin1.docx", &latin1),
        &format!(
            "not a Word document: word/document.xml is not valid UTF-8 (at byte 1000 of the \
             part); {SAVE_AGAIN}"
        ),
    );
    let dtd = hammamet_with(|d| {
        Some(replace_once(
            &d,
            b"?>\r\n",
            b"?>\r\n<!DOCTYPE w:document [<!ENTITY x \"y\">]>",
        ))
    });
    says(
        &write(dir.path(), "dtd.docx", &dtd),
        &format!(
            "not a Word document: word/document.xml, line 2, column 1: a document type \
             definition (<!DOCTYPE>), which Word never writes and resdiff refuses (its \
             entities could expand without end); {SAVE_AGAIN}"
        ),
    );
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    says(
        &write(dir.path(), "old.doc", &ole),
        "not a Word document: an OLE compound file (a legacy .doc, or a .docx with a \
         password); save it in Word as .docx without a password",
    );
    let stderr = stderr_of(&[
        "parse".as_ref(),
        "--from".as_ref(),
        "docx".as_ref(),
        common::RES7_GENEVA.as_ref(),
    ]);
    assert_eq!(
        stderr,
        format!(
            "resdiff: {}: not a Word document: not a zip archive, as every .docx is; \
             if it is a text, drop --from docx\n",
            common::RES7_GENEVA
        )
    );
}

#[test]
fn too_large_says_which_limit_and_what_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.md");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    says(
        &big,
        "too large: more than the 64 MB resdiff reads (a resolution is well under 1 MB); \
         check that this is the right file",
    );
}

#[cfg(target_os = "linux")]
#[test]
fn write_errors_say_why_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let diff = [common::RES7_USA, common::RES7_GENEVA];
    let missing = dir.path().join("no-such-dir").join("report.txt");
    let stderr = stderr_of(&[
        "diff".as_ref(),
        diff[0].as_ref(),
        diff[1].as_ref(),
        "-o".as_ref(),
        missing.as_os_str(),
    ]);
    assert_eq!(
        stderr,
        format!(
            "resdiff: {}: cannot write: its directory does not exist; create it or choose \
             another -o\n",
            missing.display()
        )
    );
    let stderr = stderr_of(&[
        "diff".as_ref(),
        diff[0].as_ref(),
        diff[1].as_ref(),
        "-o".as_ref(),
        "/dev/full".as_ref(),
    ]);
    assert_eq!(
        stderr,
        "resdiff: /dev/full: cannot write: no space left on device; free some space or \
         choose another -o\n"
    );
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = raw().arg("diff").args(diff).stdout(full).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "resdiff: stdout: cannot write output: no space left on device; free some space or \
         write it elsewhere with -o FILE\n"
    );
    // -v adds the system's words on a second line.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = raw()
        .args(["-v", "diff"])
        .args(diff)
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().nth(1),
        Some("  caused by: No space left on device (os error 28)"),
        "{stderr}"
    );
}

#[test]
fn output_refusals_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.md", &geneva());
    let stderr = stderr_of(&[
        "diff".as_ref(),
        common::RES7_USA.as_ref(),
        old.as_os_str(),
        "-o".as_ref(),
        old.as_os_str(),
    ]);
    assert_eq!(
        stderr,
        format!(
            "resdiff: {}: refusing to write the report over an input file; choose another -o\n",
            old.display()
        )
    );
    let existing = write(dir.path(), "report.txt", b"keep");
    let stderr = stderr_of(&[
        "diff".as_ref(),
        common::RES7_USA.as_ref(),
        old.as_os_str(),
        "-o".as_ref(),
        existing.as_os_str(),
    ]);
    assert_eq!(
        stderr,
        format!(
            "resdiff: {}: already exists; use --force to replace it\n",
            existing.display()
        )
    );
}

/// Flags that the mode would ignore are refused, not ignored: `--base` writes no HTML or Word
/// report (it wrote text), and `diff FILE.docx` alone reads both views (`--view` and `--from`
/// were dropped without a word).
#[test]
fn flags_a_mode_cannot_honour_are_refused() {
    let pair = "tests/fixtures/pairs/flattened-revision-marks";
    let (old, new) = (format!("{pair}/old.md"), format!("{pair}/new.md"));
    for format in ["html", "docx"] {
        let stderr = stderr_of(&[
            "diff".as_ref(),
            new.as_ref(),
            "--base".as_ref(),
            old.as_ref(),
            "--format".as_ref(),
            format.as_ref(),
        ]);
        assert_eq!(
            stderr,
            format!("resdiff: {new}: --base reports in text, markdown or json, not {format}; choose one of those\n")
        );
    }
    let docx = common::RES1_HAMMAMET;
    let stderr = stderr_of(&[
        "diff".as_ref(),
        docx.as_ref(),
        "--view".as_ref(),
        "after".as_ref(),
    ]);
    assert_eq!(
        stderr,
        format!("resdiff: {docx}: --view reads one side; alone, a .docx is compared before -> after: drop --view, or give OLD and NEW\n")
    );
    let stderr = stderr_of(&[
        "diff".as_ref(),
        docx.as_ref(),
        "--from".as_ref(),
        "text".as_ref(),
    ]);
    assert_eq!(
        stderr,
        format!("resdiff: {docx}: alone, a file is compared only as a .docx with revision marks: drop --from, or give OLD and NEW\n")
    );
}
