//! Where the report goes: a full disk, a closed pipe, a missing directory, a write cut short.
//! The user gets one line and exit 2, or (closed pipe) nothing at all; never a partial file, never
//! a clobbered one.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn resdiff() -> Command {
    let mut cmd = Command::cargo_bin("resdiff").expect("binary built");
    cmd.current_dir(common::repo("")).env_remove("NO_COLOR");
    cmd
}

fn diff_args() -> Vec<&'static str> {
    vec![
        "diff",
        common::RES7_USA,
        common::RES7_GENEVA,
        "--format",
        "json",
    ]
}

fn one_line_exit_2(out: &std::process::Output, says: &str) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(says), "says '{says}': {stderr}");
    stderr
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[cfg(target_os = "linux")]
#[test]
fn output_file_on_a_full_disk_is_one_line_and_exit_2_and_the_device_stays() {
    use std::os::unix::fs::FileTypeExt;
    let out = resdiff()
        .args(diff_args())
        .args(["-o", "/dev/full"])
        .output()
        .unwrap();
    let e = one_line_exit_2(&out, "/dev/full: cannot write: ");
    assert_eq!(
        e,
        "resdiff: /dev/full: cannot write: no space left on device; free some space or \
         choose another -o\n"
    );
    // Even with --force, /dev/full is written in place, never renamed over.
    let out = resdiff()
        .args(diff_args())
        .args(["-o", "/dev/full", "--force"])
        .output()
        .unwrap();
    one_line_exit_2(&out, "no space left on device");
    let meta = std::fs::metadata("/dev/full").unwrap();
    assert!(meta.file_type().is_char_device(), "/dev/full replaced");
    let strays: Vec<_> = entries(Path::new("/dev"))
        .into_iter()
        .filter(|n| n.contains("resdiff"))
        .collect();
    assert!(strays.is_empty(), "{strays:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn stdout_on_a_full_disk_is_one_line_and_exit_2() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let bin = assert_cmd::cargo::cargo_bin("resdiff");
    let out = std::process::Command::new(bin)
        .current_dir(common::repo(""))
        .args(diff_args())
        .stdout(full)
        .output()
        .unwrap();
    let e = one_line_exit_2(&out, "cannot write output: ");
    assert_eq!(
        e,
        "resdiff: stdout: cannot write output: no space left on device; free some space or \
         write it elsewhere with -o FILE\n"
    );
}

#[test]
fn output_into_a_missing_directory_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-dir").join("report.json");
    let out = resdiff()
        .args(diff_args())
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    let e = one_line_exit_2(&out, "cannot write: ");
    assert!(e.contains("report.json"), "{e}");
    assert!(entries(dir.path()).is_empty());
}

/// Writes the report with the file size limit (`ulimit -f`) below its size, so the write fails
/// half-way. The shell leaves SIGXFSZ as it is (it kills by default): resdiff itself ignores it,
/// so the failure reaches it as an error (EFBIG) it cleans up after.
#[cfg(unix)]
fn write_cut_short(target: &Path, force: bool) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("resdiff");
    let mut script = format!(
        "ulimit -f 4; exec '{}' diff '{}' '{}' --format json --all -o '{}'",
        bin.display(),
        common::RES7_USA,
        common::RES7_GENEVA,
        target.display()
    );
    if force {
        script.push_str(" --force");
    }
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(common::repo(""))
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_write_cut_short_leaves_no_partial_file_and_the_old_report_intact() {
    let dir = tempfile::tempdir().unwrap();
    let target: PathBuf = dir.path().join("report.json");
    let out = write_cut_short(&target, false);
    let e = one_line_exit_2(&out, "cannot write: ");
    assert_eq!(
        e,
        format!(
            "resdiff: {}: cannot write: file too large (a file size limit?); raise the limit \
             or choose another -o\n",
            target.display()
        )
    );
    assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));

    std::fs::write(&target, "the old report").unwrap();
    let out = write_cut_short(&target, true);
    one_line_exit_2(&out, "cannot write: ");
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "the old report",
        "target untouched"
    );
    assert_eq!(entries(dir.path()), ["report.json"], "no temp file left");
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_after_more_than_a_pipe_buffer_is_quiet() {
    // A generated pair large enough that the JSON report is far beyond the 64 KB a pipe holds.
    let dir = tempfile::tempdir().unwrap();
    let mut old = String::from(
        "RESOLUTION 99 (Geneva, 2022)\nBig\n\
         The World Telecommunication Standardization Assembly (Geneva, 2022),\nresolves\n",
    );
    for i in 1..=3000 {
        old.push_str(&format!(
            "{i}\tto carry out the task numbered {i} with care;\n"
        ));
    }
    let new = old.replace("with care", "with great care");
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, &old).unwrap();
    std::fs::write(&b, &new).unwrap();

    let full = resdiff()
        .arg("diff")
        .args([&a, &b])
        .args(["--all", "--format", "json"])
        .output()
        .unwrap();
    assert!(full.stdout.len() > 1024 * 1024, "{}", full.stdout.len());

    let args = [
        "diff".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--all".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ];
    let (stderr, status) = common::read_then_close_pipe::<&std::ffi::OsStr>(args, 100); // like `| head -c 100`
    assert!(stderr.is_empty(), "quiet on a closed pipe: {stderr}");
    // The exit status of the whole diff (1: different), as when nothing is cut.
    assert_eq!(full.status.code(), Some(1));
    assert_eq!(status.code(), full.status.code(), "{status:?}");
}

#[test]
fn verbose_errors_add_the_cause_on_further_lines() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("missing").join("r.json");
    let out = resdiff()
        .arg("-v")
        .args(diff_args())
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<_> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[1].contains("caused by: "), "{stderr}");
}
