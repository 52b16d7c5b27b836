#!/usr/bin/env python3
"""Turns the rows measured by bench/compare.sh into bench/RESULTS.md: one table of every case
and tool, then each performance target with the numbers it is judged on."""
import csv
import datetime
import statistics
import sys

MB = 1024 * 1024


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for r in csv.reader(f, delimiter="\t"):
            case, tool, median, runs, user, sys_, rss, size, status = r
            rows.append(dict(case=case, tool=tool, median=float(median), runs=int(runs),
                             user=float(user), sys=float(sys_), rss=int(rss) * 1024,
                             bytes=int(size), status=status))
    return merge_rounds(rows)


def merge_rounds(rows):
    """One row per case and tool: a tool timed in several rounds gets the median of the rounds'
    medians, all their runs, their mean CPU times and their highest peak; any failure shows."""
    groups = {}
    for r in rows:
        groups.setdefault((r["case"], r["tool"]), []).append(r)
    out = []
    for rounds in groups.values():
        ok = [r for r in rounds if r["status"] == "ok"]
        if len(ok) < len(rounds) or len(rounds) == 1:
            out.append(next((r for r in rounds if r["status"] != "ok"), rounds[0]))
            continue
        out.append(dict(rounds[0], median=statistics.median(r["median"] for r in ok),
                        runs=sum(r["runs"] for r in ok),
                        user=statistics.mean(r["user"] for r in ok),
                        sys=statistics.mean(r["sys"] for r in ok),
                        rss=max(r["rss"] for r in ok)))
    return out


def fmt_time(s):
    if s < 0.01:
        return f"{s * 1000:.2f} ms"
    if s < 1:
        return f"{s * 1000:.1f} ms"
    return f"{s:.2f} s"


def main():
    rows = load(sys.argv[1])
    threads = {}
    try:
        with open(sys.argv[2], encoding="utf-8") as f:
            for line in f:
                case, same = line.rstrip("\n").split("\t")
                threads[case] = same
    except FileNotFoundError:
        pass
    nproc, uptime, commit, *versions = sys.argv[3:]
    by = {(r["case"], r["tool"]): r for r in rows}
    cases = list(dict.fromkeys(r["case"] for r in rows))
    ok = lambda r: r is not None and r["status"] == "ok"

    out = []
    p = out.append
    p("# resdiff performance, side by side (bench/compare.sh)")
    p("")
    p(f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC at commit "
      f"`{commit}`, {nproc} cores; load when finished: `{uptime.strip()}`.")
    p("Tools: " + "; ".join(v.strip() for v in versions) + ".")
    p("Whole processes, output to /dev/null. Median of hyperfine runs (`runs` column; 1 = a "
      "single run because it took over 30 s; resdiff and git are timed in alternated rounds, and "
      "their median is the median of the rounds' medians); peak = maximum resident set size (one run under "
      "`/usr/bin/time`). `x resdiff` = the tool's median over resdiff's (above 1: resdiff is "
      "faster). `resdiff` is the binary users get (scripts/dist: profile `dist`, statically "
      "linked on Linux, with musl on x86_64); `resdiff (release)` is plain `cargo build "
      "--release`, dynamically linked with glibc, shown for comparison. The targets are judged on `resdiff`. The machine is shared "
      "with other builds: compare ratios within this table. `growth (alternated)`: resdiff on the "
      "5,000- and the 50,000-clause pairs once more, in alternated rounds back to back, so that "
      "the growth target compares the two sizes on the same minutes of the host.")
    p("")
    p("| case | input | tool | median | x resdiff | runs | peak MiB | note |")
    p("|---|---:|---|---:|---:|---:|---:|---|")
    for case in cases:
        base = by.get((case, "resdiff"))
        for r in (r for r in rows if r["case"] == case):
            ratio = ""
            if ok(base) and ok(r) and base["median"] > 0 and r["tool"] != "resdiff":
                ratio = f"{r['median'] / base['median']:.2f}"
            size = f"{r['bytes'] / 1024:.0f} KiB" if r["bytes"] else ""
            med = fmt_time(r["median"]) if r["status"] == "ok" else ""
            note = "" if r["status"] == "ok" else r["status"]
            rss = f"{r['rss'] / MB:.1f}" if r["rss"] else ""
            p(f"| {case} | {size} | {r['tool']} | {med} | {ratio} | {r['runs']} | {rss} | {note} |")
    p("")

    verdicts = []

    def target(name, met, detail):
        verdicts.append((name, "met" if met else ("MISSED" if met is not None else "not measured"), detail))

    def faster_than(case, tool):
        a, b = by.get((case, "resdiff")), by.get((case, tool))
        if not (ok(a) and ok(b)):
            return None, "not measured"
        return a["median"] <= b["median"], (f"resdiff {fmt_time(a['median'])}, {tool} "
                                            f"{fmt_time(b['median'])} ({b['median'] / a['median']:.2f}x)")

    met, d = faster_than("Res 7 (shipped)", "git")
    target("Resolution 7 pair: no slower than git diff --word-diff", met, d)
    pair_cases = [c for c in cases if c.endswith(" clauses")]
    for case in pair_cases:
        n = int(case.split()[0])
        if n > 5000:
            continue
        met, d = faster_than(case, "git")
        target(f"{case}: no slower than git diff --word-diff", met, d)
        a, b = by.get((case, "resdiff")), by.get((case, "difflib"))
        if ok(a) and ok(b):
            ratio = b["median"] / a["median"]
            target(f"{case}: at least 10x faster than difflib", ratio >= 10, f"{ratio:.1f}x")
        elif ok(a) and b is not None and b["status"] == "timeout":
            target(f"{case}: at least 10x faster than difflib", True,
                   f"difflib timed out after {b['median']:.0f} s")
        else:
            target(f"{case}: at least 10x faster than difflib", None, "not measured")
    # Judged on the alternated rounds of the two pairs (same minutes of the host); the ratio of
    # the side-by-side rows, timed minutes apart, is shown beside it.
    name = "growth: 50,000 clauses at most 12x the time of 5,000"
    a = by.get(("growth (alternated)", "resdiff, 5000 clauses"))
    b = by.get(("growth (alternated)", "resdiff, 50000 clauses"))
    sa, sb = by.get(("5000 clauses", "resdiff")), by.get(("50000 clauses", "resdiff"))
    apart = ""
    if ok(sa) and ok(sb):
        apart = (f"{fmt_time(sb['median'])} / {fmt_time(sa['median'])} = "
                 f"{sb['median'] / sa['median']:.1f}x")
    if ok(a) and ok(b):
        g = b["median"] / a["median"]
        detail = (f"{fmt_time(b['median'])} / {fmt_time(a['median'])} = {g:.1f}x in alternated "
                  f"rounds")
        if apart:
            detail += f" (the side-by-side rows, minutes apart: {apart})"
        target(name, g <= 12, detail)
    elif apart:
        target(name, sb["median"] / sa["median"] <= 12, apart)
    else:
        target(name, None, "not measured")
    for case in ["Res 7 (shipped)"] + pair_cases:
        r = by.get((case, "resdiff"))
        if ok(r):
            limit = 10 * r["bytes"] + 30 * MB
            target(f"{case}: peak memory at most 10x input + 30 MiB", r["rss"] <= limit,
                   f"{r['rss'] / MB:.1f} MiB for {r['bytes'] / 1024:.0f} KiB of input "
                   f"(limit {limit / MB:.1f} MiB)")
    for case in (c for c in cases if c.endswith(" resolutions")):
        r = by.get((case, "resdiff"))
        if not ok(r):
            target(f"{case}: diffed as directories", None,
                   r["status"] if r else "not measured")
            continue
        cpu = (r["user"] + r["sys"]) / r["median"] if r["median"] else 0
        if case.startswith("1000 "):
            target(f"{case}: under 2 s wall", r["median"] < 2, fmt_time(r["median"]))
        target(f"{case}: both cores busy, (user+sys)/wall >= 1.6", cpu >= 1.6, f"{cpu:.2f}")
        target(f"{case}: output identical to RAYON_NUM_THREADS=1", threads.get(case) == "identical",
               threads.get(case, "not compared"))
    r = by.get(("startup", "resdiff --version"))
    if ok(r):
        target("startup: resdiff --version under 5 ms", r["median"] < 0.005, fmt_time(r["median"]))

    p("## Targets")
    p("")
    p("| target | verdict | measured |")
    p("|---|---|---|")
    for name, verdict, detail in verdicts:
        p(f"| {name} | {verdict} | {detail} |")
    p("")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
