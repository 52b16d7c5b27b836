#!/usr/bin/env python3
"""Adds to the committed corpus the inputs of a run that reach an edge it misses.

    cp -r corpus/T /tmp/d-T
    target/x86_64-unknown-linux-gnu/release/T -merge=1 -merge_control_file=ctl-T.txt /tmp/d-T GROWN_DIR
    python3 pick_new_edges.py ctl-T.txt corpus/T

libFuzzer's control file lists, for each input, the edges (COV) it covered first, the first
corpus (the committed copy) read before the others. Every later input with such an edge is
copied to OUT as fuzz-<sha1[:12]>: all the edges the run reached, not every feature (a feature
merge keeps thousands of files per target)."""
import sys, hashlib, shutil, os
ctl, out = sys.argv[1], sys.argv[2]
lines = open(ctl).read().split('\n')
n, m = int(lines[0]), int(lines[1])
files = lines[2:2+n]
cov = {}; size = {}
for l in lines[2+n:]:
    p = l.split()
    if not p: continue
    if p[0] == 'STARTED': size[int(p[1])] = int(p[2])
    elif p[0] == 'COV': cov[int(p[1])] = set(map(int, p[2:]))
have = set()
for i in range(m): have |= cov.get(i, set())
base = len(have)
added = 0; nbytes = 0
for i in sorted(range(m, n), key=lambda i: (size.get(i, 1 << 60), files[i])):
    c = cov.get(i)
    if c is None or c <= have: continue
    have |= c
    data = open(files[i], 'rb').read()
    name = 'fuzz-' + hashlib.sha1(data).hexdigest()[:12]
    dst = os.path.join(out, name)
    if not os.path.exists(dst):
        shutil.copyfile(files[i], dst); added += 1; nbytes += len(data)
print(f'committed {m} files covering {base} edges; added {added} inputs, {len(have)-base} new edges, {nbytes} bytes')
