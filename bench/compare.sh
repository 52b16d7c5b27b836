#!/usr/bin/env bash
# Times resdiff side by side with the tools people use instead, in ONE run on the same inputs:
# whole processes, medians (hyperfine) and peak memory (/usr/bin/time -v's maximum resident
# set size). Writes bench/RESULTS.md and prints the same table.
#
#   bench/compare.sh                      # everything (about 10 to 20 minutes on 2 cores)
#   SIZES="50 500" COLLECTIONS="100" bench/compare.sh   # a quicker subset
#
# Inputs: the shipped Resolution 7 pair; generated pairs of SIZES clauses
# (examples/gen_pair.rs); generated collections of COLLECTIONS resolutions
# (examples/gen_collection.rs), diffed as directories once `resdiff diff DIR DIR` exists.
# Tools: resdiff diff (text format; the scripts/dist binary, and the `cargo build --release` one), git diff --no-index --word-diff=porcelain, GNU wdiff,
# Python difflib word-level SequenceMatcher (bench/difflib_words.py); the floor is `cat` and
# `wc -w` of the same inputs. Every command's output goes to /dev/null.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SIZES=${SIZES:-"50 500 5000 50000"}
COLLECTIONS=${COLLECTIONS:-"100 1000"}
TIMEOUT=${TIMEOUT:-300}          # seconds; a slower command is reported as a timeout
# resdiff and git are timed in ROUNDS alternated rounds; a median is the median of the rounds'.
# This host's speed varies from minute to minute: alternating keeps one tool from getting all of
# a slow minute (in one round each, 50 clauses came out 0.90x of git; alternated runs minutes
# later gave 1.18x).
ROUNDS=${ROUNDS:-3}
WORK=${BENCH_WORK:-${TMPDIR:-/tmp}/resdiff-bench}
OUT=${RESULTS:-$ROOT/bench/RESULTS.md}

need() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; }
missing=()
need hyperfine || missing+=(hyperfine)
need wdiff || missing+=(wdiff)
need /usr/bin/time || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} ..." >&2
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >&2
fi

# `resdiff` is the binary users get (scripts/dist: profile `dist`, statically linked on Linux, with musl on x86_64);
# `resdiff (release)` is plain `cargo build --release`, shown beside it for the start-up cost of
# dynamic linking. The targets are judged on `resdiff`.
echo "building resdiff (scripts/dist, and cargo build --release) ..." >&2
scripts/dist --quiet
cargo build --release --quiet --bin resdiff --example gen_pair --example gen_collection
BIN=$ROOT/target/release
RESDIFF=$ROOT/target/dist/resdiff
RELEASE=$BIN/resdiff

rm -rf "$WORK"
mkdir -p "$WORK"
ROWS=$WORK/rows.tsv
: >"$ROWS"
: >"$WORK/threads.tsv"

# measure CASE TOOL INPUT_BYTES CMD... : one run under /usr/bin/time for peak memory and a first
# time, then hyperfine for the median (many runs when fast, 3 when slow, none past 30 s).
# A row: case, tool, median s, runs, user s, sys s, peak KiB, input bytes, status.
measure() {
    local case=$1 tool=$2 bytes=$3
    shift 3
    local tf=$WORK/time.txt status=ok
    set +e
    timeout "$TIMEOUT" /usr/bin/time -f "%e %U %S %M" -o "$tf" "$@" >/dev/null 2>"$WORK/stderr.txt"
    local rc=$?
    set -e
    if [ $rc -eq 124 ]; then
        printf '%s\t%s\t%s\t0\t0\t0\t0\t%s\ttimeout\n' "$case" "$tool" "$TIMEOUT" "$bytes" >>"$ROWS"
        echo "  $case / $tool: timeout after ${TIMEOUT}s" >&2
        return
    fi
    if [ $rc -gt 1 ]; then   # diff tools exit 1 when the inputs differ
        status="exit $rc: $(head -c 200 "$WORK/stderr.txt" | tr '\t\n' '  ')"
    fi
    local wall user sys rss
    read -r wall user sys rss < <(tail -n 1 "$tf")
    local runs=1 median=$wall
    if awk "BEGIN{exit !($wall < 30)}"; then
        local opts=(--runs 3)
        awk "BEGIN{exit !($wall < 2)}" && opts=(--warmup 2 --min-runs 10)
        awk "BEGIN{exit !($wall < 0.1)}" && opts=(--warmup 5 --min-runs 30)
        local cmd
        cmd=$(printf '%q ' "$@")
        hyperfine -N -i --style none "${opts[@]}" --export-json "$WORK/h.json" "$cmd" >/dev/null 2>&1
        read -r median runs user sys < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(r["median"], len(r["times"]), r["user"], r["system"])' "$WORK/h.json")
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$case" "$tool" "$median" "$runs" "$user" "$sys" "$rss" "$bytes" "$status" >>"$ROWS"
    printf '  %-22s %-10s median %8.4fs  runs %3s  peak %7.1f MiB\n' "$case" "$tool" "$median" "$runs" "$(awk "BEGIN{print $rss/1024}")" >&2
}

# side_by_side CASE OLD NEW: every tool on one pair of files.
side_by_side() {
    local case=$1 old=$2 new=$3
    local bytes
    bytes=$(cat "$old" "$new" | wc -c)
    echo "$case: $(wc -w <"$old") + $(wc -w <"$new") words" >&2
    for _ in $(seq "$ROUNDS"); do
        measure "$case" resdiff "$bytes" "$RESDIFF" diff "$old" "$new" --format text
        measure "$case" "resdiff (release)" "$bytes" "$RELEASE" diff "$old" "$new" --format text
        measure "$case" git "$bytes" git diff --no-index --word-diff=porcelain "$old" "$new"
    done
    measure "$case" wdiff "$bytes" wdiff "$old" "$new"
    measure "$case" difflib "$bytes" python3 "$ROOT/bench/difflib_words.py" "$old" "$new"
    measure "$case" cat "$bytes" cat "$old" "$new"
    measure "$case" "wc -w" "$bytes" wc -w "$old" "$new"
}

echo "startup" >&2
measure startup "resdiff --version" 0 "$RESDIFF" --version
measure startup "resdiff (release) --version" 0 "$RELEASE" --version

side_by_side "Res 7 (shipped)" resolutions/wtsa-7/usa-48a5-1.txt resolutions/wtsa-7/geneva-2022.md

for n in $SIZES; do
    "$BIN/examples/gen_pair" "$n" 1 "$WORK/pair-$n"
    side_by_side "$n clauses" "$WORK/pair-$n/old.txt" "$WORK/pair-$n/new.txt"
done

# Growth: resdiff on the 5,000- and the 50,000-clause pairs again, in alternated rounds, back
# to back. In the side-by-side rows above the two pairs are timed minutes apart, and this host's
# speed moves by 10-50% from one minute to the next: git's own 50,000-clause median moved from
# 247 to 272 ms between two runs 20 minutes apart, while its 5,000-clause one went down 4%.
if [[ " $SIZES " == *" 5000 "* && " $SIZES " == *" 50000 "* ]]; then
    echo "growth: 5,000 and 50,000 clauses, alternated" >&2
    for _ in $(seq "$ROUNDS"); do
        for n in 5000 50000; do
            measure "growth (alternated)" "resdiff, $n clauses" \
                "$(cat "$WORK/pair-$n/old.txt" "$WORK/pair-$n/new.txt" | wc -c)" \
                "$RESDIFF" diff "$WORK/pair-$n/old.txt" "$WORK/pair-$n/new.txt" --format text
        done
    done
fi

# Collections: directories of resolutions. `resdiff diff DIR DIR` may not exist yet: then the
# rows say so and the rest of the table stands.
for n in $COLLECTIONS; do
    dir=$WORK/coll-$n
    "$BIN/examples/gen_collection" "$n" 2 "$dir"
    case="$n resolutions"
    bytes=$(cat "$dir"/old/* "$dir"/new/* | wc -c)
    echo "$case: $(ls "$dir/old" | wc -l) old files, $(ls "$dir/new" | wc -l) new files" >&2
    set +e
    "$RESDIFF" diff "$dir/old" "$dir/new" --format text >"$WORK/coll-$n.out" 2>"$WORK/coll-$n.err"
    rc=$?
    RAYON_NUM_THREADS=1 "$RESDIFF" diff "$dir/old" "$dir/new" --format text >"$WORK/coll-$n.one" 2>/dev/null
    set -e
    if [ $rc -le 1 ]; then
        same=differs
        cmp -s "$WORK/coll-$n.out" "$WORK/coll-$n.one" && same=identical
        echo "$case: output of a one-thread run: $same" >&2
        printf '%s\t%s\n' "$case" "$same" >>"$WORK/threads.tsv"
    else
        printf '%s\tresdiff\t0\t0\t0\t0\t0\t%s\tunavailable: %s\n' "$case" "$bytes" \
            "$(head -c 120 "$WORK/coll-$n.err" | tr '\t\n' '  ')" >>"$ROWS"
        echo "$case: resdiff diff DIR DIR unavailable: $(head -c 120 "$WORK/coll-$n.err")" >&2
    fi
    for _ in $(seq "$ROUNDS"); do
        if [ $rc -le 1 ]; then
            measure "$case" resdiff "$bytes" "$RESDIFF" diff "$dir/old" "$dir/new" --format text
        fi
        measure "$case" git "$bytes" git diff --no-index --word-diff=porcelain "$dir/old" "$dir/new"
    done
    measure "$case" cat "$bytes" sh -c "cat '$dir'/old/* '$dir'/new/*"
    measure "$case" "wc -w" "$bytes" sh -c "cat '$dir'/old/* '$dir'/new/* | wc -w"
done

python3 "$ROOT/bench/report.py" "$ROWS" "$WORK/threads.tsv" "$(nproc)" "$(uptime)" \
    "$(git rev-parse --short HEAD)" "$(hyperfine --version)" "$(git --version)" \
    "$(wdiff --version | head -n 1)" "$(python3 --version)" >"$OUT"
cat "$OUT"
