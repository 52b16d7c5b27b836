#!/usr/bin/env python3
"""Word-level diff of two text files with Python's difflib, the way people script it:
split on white space, SequenceMatcher over the word lists (default settings), print the
result with [-deleted-] and {+inserted+} marks like wdiff. Used by bench/compare.sh."""
import difflib
import sys


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: difflib_words.py OLD NEW", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        old = f.read().split()
    with open(sys.argv[2], encoding="utf-8") as f:
        new = f.read().split()
    out = []
    matcher = difflib.SequenceMatcher(None, old, new)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(" ".join(old[i1:i2]))
        if tag in ("delete", "replace"):
            out.append("[-" + " ".join(old[i1:i2]) + "-]")
        if tag in ("insert", "replace"):
            out.append("{+" + " ".join(new[j1:j2]) + "+}")
    sys.stdout.write(" ".join(out) + "\n")
    return 0 if old == new else 1


if __name__ == "__main__":
    sys.exit(main())
