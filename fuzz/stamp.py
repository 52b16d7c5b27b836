#!/usr/bin/env python3
"""Prefixes each line of stdin with the UTC time (HH:MM:SS), for fuzzer logs read by new_pcs.py."""
import sys
import time

for line in sys.stdin.buffer:
    sys.stdout.buffer.write(time.strftime("%H:%M:%S ", time.gmtime()).encode() + line)
    sys.stdout.flush()
