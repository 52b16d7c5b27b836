#!/usr/bin/env python3
"""How much of resdiff's own code a fuzz corpus reaches, as it stood at some moment.

    fuzz/src_coverage.py BINARY CORPUS_DIR [--before "2026-11-22 16:57"] [--src /path/to/src/]

BINARY is a fuzz target built by `cargo fuzz build -O` (fuzz/target/.../release/TARGET).
The corpus files older than --before (UTC; all files without it) are linked into a temporary
directory and replayed once (`-runs=0 -print_coverage=1`); the covered edges of the functions
whose file lies under --src (default: this repository's src/) are summed, in all and per file.
libFuzzer's own `cov` counts every instrumented crate; this counts resdiff only.

The edges of `threads.rs` depend on thread timing, not on the input (which thread takes a job
first): three replays of the same `compare` corpus covered 212, 207 and 182 of them, and 10,464,
10,461 and 10,460 of the other files' edges. So the total without that file is printed too: it
is the number to watch for a plateau.
"""
import argparse
import datetime
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

# The file whose covered edges vary with thread timing (see above).
TIMING = "threads.rs"
FUNC = re.compile(r"^(UN)?COVERED_FUNC: hits: \d+ edges: (\d+)/(\d+) (.*) (\S+):\d+$")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("corpus")
    ap.add_argument("--before", help='UTC, "YYYY-MM-DD HH:MM"')
    ap.add_argument("--src", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))
    ap.add_argument("--max-len", default="8192")
    a = ap.parse_args()
    src = os.path.realpath(a.src) + os.sep
    limit = None
    if a.before:
        limit = datetime.datetime.strptime(a.before, "%Y-%m-%d %H:%M").replace(
            tzinfo=datetime.timezone.utc).timestamp()
    with tempfile.TemporaryDirectory() as snap:
        n = 0
        for name in os.listdir(a.corpus):
            path = os.path.join(a.corpus, name)
            if os.path.isfile(path) and (limit is None or os.stat(path).st_mtime < limit):
                os.link(path, os.path.join(snap, name))
                n += 1
        run = subprocess.run([a.binary, "-runs=0", "-print_coverage=1", f"-max_len={a.max_len}", snap],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    total, ours, per_file = [0, 0], [0, 0], defaultdict(lambda: [0, 0])
    for line in run.stdout.splitlines():
        m = FUNC.match(line)
        if not m:
            continue
        covered, edges, path = int(m.group(2)), int(m.group(3)), os.path.realpath(m.group(5))
        total[0] += covered
        total[1] += edges
        if path.startswith(src):
            ours[0] += covered
            ours[1] += edges
            f = per_file[path[len(src):]]
            f[0] += covered
            f[1] += edges
    if total[1] == 0:
        sys.exit(f"{a.binary}: no coverage printed (is it a libFuzzer binary?)")
    timed = per_file.get(TIMING, [0, 0])
    print(f"{n} inputs; all edges {total[0]}/{total[1]}; resdiff src edges {ours[0]}/{ours[1]}; "
          f"without {TIMING} {ours[0] - timed[0]}/{ours[1] - timed[1]}")
    for name in sorted(per_file):
        print(f"  {name} {per_file[name][0]}/{per_file[name][1]}")


if __name__ == "__main__":
    main()
