//! Shared test support: paths to the shipped texts and strict insta settings.
#![allow(dead_code)]

use std::path::PathBuf;

/// Path of a file under the repository root.
pub fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The shipped Resolution 7 texts and Resolution 1.
pub const RES7_USA: &str = "resolutions/wtsa-7/usa-48a5-1.txt";
pub const RES7_GENEVA: &str = "resolutions/wtsa-7/geneva-2022.md";
pub const RES1_HAMMAMET: &str = "resolutions/wtsa-1/hammamet-2016.docx";

/// Runs `f` with insta writing to the top-level `snapshots/` directory, named without the
/// test module prefix, so every snapshot of the project lives in one reviewed place.
pub fn snapshots<R>(f: impl FnOnce() -> R) -> R {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(repo("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(f)
}

/// Top-level divisions as (heading key, normalised labels of their clauses): the structure two
/// readings of one text must share.
pub fn top_labels(r: &resdiff::Resolution) -> Vec<(String, Vec<String>)> {
    r.divisions
        .iter()
        .map(|d| {
            (
                d.heading.key.clone(),
                d.clauses
                    .iter()
                    .map(|c| c.label.as_ref().map(|l| l.norm.clone()).unwrap_or_default())
                    .collect(),
            )
        })
        .collect()
}

/// The comparison key of every clause, in reading order: what two readings of one text must
/// agree on word for word.
pub fn clause_keys(r: &resdiff::Resolution) -> Vec<String> {
    r.clauses()
        .iter()
        .map(|(_, c)| c.text.key.clone())
        .collect()
}

/// Runs `resdiff ARGS` (from the repository root), reads the first `keep` bytes of its output,
/// then closes the pipe as `| head -c KEEP` does; returns what it wrote on stderr and its status.
#[cfg(unix)]
pub fn read_then_close_pipe<S: AsRef<std::ffi::OsStr>>(
    args: impl IntoIterator<Item = S>,
    keep: usize,
) -> (String, std::process::ExitStatus) {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("resdiff"))
        .current_dir(repo(""))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("resdiff starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut first = vec![0u8; keep];
    stdout.read_exact(&mut first).expect("enough output");
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("piped stderr")
        .read_to_string(&mut stderr)
        .expect("stderr readable");
    (stderr, child.wait().expect("resdiff ends"))
}

/// `resdiff` as a command that cannot read what permissions forbid, even when the tests run as
/// root (as in CI): root reads through `chmod 000` by its capabilities `CAP_DAC_OVERRIDE` and
/// `CAP_DAC_READ_SEARCH`, so the child drops both from its bounding set before it runs resdiff
/// (what `setpriv --bounding-set=-dac_override,-dac_read_search` does), and an exec'd root
/// process then lacks them. The tests of unreadable files use it, so they test the refusal
/// whoever runs them. `None` where root may not drop them (a container without
/// `CAP_SETPCAP`): permissions then do not stop reading, and the tests check that instead.
#[cfg(target_os = "linux")]
pub fn resdiff_without_root_reading() -> Option<assert_cmd::Command> {
    static ALLOWED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let allowed = *ALLOWED.get_or_init(|| {
        let ok = without_root_reading().arg("--version").output().is_ok();
        if !ok {
            eprintln!("note: cannot drop CAP_DAC_OVERRIDE here; unreadable files are read as root");
        }
        ok
    });
    allowed.then(|| {
        let mut cmd = assert_cmd::Command::from_std(without_root_reading());
        cmd.env_remove("NO_COLOR");
        cmd
    })
}

#[cfg(target_os = "linux")]
fn without_root_reading() -> std::process::Command {
    use std::os::unix::process::CommandExt;
    // From <linux/capability.h>; the libc crate has PR_CAPBSET_DROP but not these.
    const CAP_DAC_OVERRIDE: libc::c_ulong = 1;
    const CAP_DAC_READ_SEARCH: libc::c_ulong = 2;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("resdiff"));
    // SAFETY: the closure runs in the forked child before exec and only makes system calls
    // (geteuid, prctl), which are async-signal-safe; it allocates nothing.
    unsafe {
        cmd.pre_exec(|| {
            if libc::geteuid() == 0 {
                for cap in [CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH] {
                    if libc::prctl(libc::PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
            }
            Ok(())
        });
    }
    cmd
}
