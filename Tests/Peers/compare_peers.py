#!/usr/bin/env python3
"""Checks slareport against two independent peers on the same file.

Generates a clean canonical events file with the independent generator (../shared/bench/gen_events.py),
runs slareport's JSON report on it and DuckDB's and pandas' first-reply queries, and compares per channel:
tickets, replied, and calendar p50/p90/p95. Exit 0 when all three agree, 1 otherwise.

Usage: compare_peers.py [TICKETS] [SLAREPORT_BINARY]   (needs numpy, duckdb, pandas: `make peers` installs them)
"""
import json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
bench = os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "bench"))
tickets = sys.argv[1] if len(sys.argv) > 1 else "20000"
binary = sys.argv[2] if len(sys.argv) > 2 else ".build/debug/slareport"

if not os.path.isdir(bench):
    print(f"skipped: {bench} not found (the shared benchmark kit is not beside this clone)")
    sys.exit(0)

with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "events.csv")
    subprocess.run([sys.executable, os.path.join(bench, "gen_events.py"), tickets, data], check=True)
    report = subprocess.run([binary, "report", data, "--format", "json", "--quiet"], capture_output=True, check=False)
    if report.returncode not in (0, 1):
        sys.exit(f"slareport failed ({report.returncode}): {report.stderr.decode()[-2000:]}")
    model = json.loads(report.stdout)
    ours = sorted(
        [c["channel"], c["tickets"], c["first_reply"]["replied"], c["first_reply"]["calendar_seconds"]["p50"],
         c["first_reply"]["calendar_seconds"]["p90"], c["first_reply"]["calendar_seconds"]["p95"]]
        for c in model["channels"] if c["tickets"] > 0)
    peers = {}
    for name in ("duckdb_frt.py", "pandas_frt.py"):
        out = subprocess.run([sys.executable, os.path.join(bench, name), data], capture_output=True, check=True)
        peers[name] = sorted(list(row) for row in json.loads(out.stdout))

ok = True
for name, rows in peers.items():
    if rows == ours:
        print(f"agree: slareport and {name} on {len(rows)} channels ({tickets} tickets)")
    else:
        ok = False
        print(f"DISAGREE: slareport vs {name}")
        for a, b in zip(ours, rows):
            print(("   " if a == b else " ! ") + f"slareport {a}  {name} {b}")
print("channel, tickets, replied, p50, p90, p95:")
for row in ours:
    print("  ", row)
sys.exit(0 if ok else 1)
