#!/usr/bin/env python3
"""When a fuzzer last found new code of resdiff's own: the NEW_PC lines of a live run, by time.

    fuzz/new_pcs.py BINARY LOG [--src /path/to/src/] [--bucket 10] [-v]

LOG is what the fuzzer printed, run with `-print_pcs=1` and each line stamped with the time by
`fuzz/stamp.py` (`TARGET CORPUS -print_pcs=1 ... 2>&1 | python3 fuzz/stamp.py > LOG`).
libFuzzer prints a NEW_PC line the first time the run covers a basic block (its address only,
when built with `-s none`). The load address of BINARY is worked out from the PC table's place
in the log ("Loaded 1 PC tables ... [start,end)") and in BINARY (its `__sancov_pcs` section),
and every new address is symbolized with `llvm-symbolizer`.

A block counts as resdiff's when the function it was compiled into (the outermost frame of the
symbolized inlining chain) lies under --src (default: this repository's src/), except when that
function or the block's own line is in `threads.rs` (inlined into a caller, as `map_spread` is):
those blocks depend on thread timing, not on the input (see src_coverage.py, which counts lines
by their own file too).
"own" blocks are those whose own line is there too (not std or hashbrown code inlined into a
resdiff function). Printed: per --bucket minutes, own / resdiff / all new blocks, and the time
of the last new resdiff block; -v lists them (an own one by its line, another by the resdiff
line its code was inlined at, with the file it came from).
"""
import argparse
import os
import re
import subprocess
import sys

NEW_PC = re.compile(r"^(\d\d:\d\d):\d\d \tNEW_PC: 0x([0-9a-f]+)")
TABLE = re.compile(r"Loaded 1 PC tables \(\d+ PCs\): \d+ \[0x([0-9a-f]+),")
TIMING = "threads.rs"


def section_address(binary, name):
    out = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        fields = line.replace("[ ", "[").split()
        if name in fields:
            return int(fields[fields.index(name) + 2], 16)
    sys.exit(f"{binary}: no {name} section (is it a libFuzzer binary built by cargo fuzz?)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("binary")
    ap.add_argument("log")
    ap.add_argument("--src", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))
    ap.add_argument("--bucket", type=int, default=10, help="minutes")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    src = os.path.realpath(a.src) + os.sep
    base, pcs = None, []
    with open(a.log, errors="replace") as log:
        for line in log:
            m = TABLE.search(line)
            if m and base is None:
                base = int(m.group(1), 16) - section_address(a.binary, "__sancov_pcs")
            m = NEW_PC.match(line)
            if m:
                pcs.append((m.group(1), int(m.group(2), 16)))
    if base is None:
        sys.exit(f"{a.log}: no 'Loaded 1 PC tables' line (the start of libFuzzer's output)")
    query = "".join(f"0x{pc - base:x}\n" for _, pc in pcs)
    out = subprocess.run(["llvm-symbolizer", f"--obj={a.binary}", "--functions=none"],
                         input=query, capture_output=True, text=True, check=True).stdout
    chains = [block.strip().splitlines() for block in out.strip().split("\n\n")] if pcs else []
    def bucket(hm):
        h, m = hm.split(":")
        return f"{h}:{int(m) // a.bucket * a.bucket:02d}"

    # Buckets in the order met (a run may pass midnight).
    counts = {bucket(hm): [0, 0, 0] for hm, _ in pcs}
    last, listed = "-", []
    root = os.path.dirname(src.rstrip(os.sep)) + os.sep

    def short(frame):
        return frame.replace(root, "")

    for (hm, _), chain in zip(pcs, chains):
        key = bucket(hm)
        counts[key][2] += 1
        outer, inner = os.path.realpath(chain[-1].split(":")[0]), os.path.realpath(chain[0].split(":")[0])
        timed = any(f.endswith(os.sep + TIMING) for f in (outer, inner))
        if outer.startswith(src) and not timed:
            counts[key][1] += 1
            last = hm
            if inner.startswith(src):
                counts[key][0] += 1
                listed.append((hm, short(chain[0])))
            else:
                listed.append((hm, f"{short(chain[-1])} (inlined {os.path.basename(inner)})"))
    print(f"{len(pcs)} new blocks; last in resdiff at {last}")
    for key, (own, ours, every) in counts.items():
        print(f"  {key}  own {own:4d}  resdiff {ours:4d}  all {every:5d}")
    if a.v:
        for hm, where in listed:
            print(f"    {hm} {where}")


if __name__ == "__main__":
    main()
