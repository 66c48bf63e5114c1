#!/usr/bin/env python3
"""Runs a command; prints its wall time in seconds and its peak resident memory in MB."""
import resource
import subprocess
import sys
import time

start = time.monotonic()
subprocess.run(sys.argv[1:], check=True)
seconds = time.monotonic() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{seconds:.3f} {peak_kb // 1024}")
