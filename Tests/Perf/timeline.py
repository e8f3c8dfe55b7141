#!/usr/bin/env python3
"""Each thread's stage per time bucket, from `perf script -F tid,time,ip,sym | swift-demangle --simplified`
of `perf record -F 999 -g`: a sample's stage is the first frame, from the leaf up, that names one of a
stage's types. Usage: timeline.py FILE [BUCKET_SECONDS]"""
import collections
import re
import sys

from perfscript import samples

STAGES = [(name, re.compile(pattern)) for name, pattern in [
    ("merge", r"absorb|SymbolTable\.merge|reserve\(merging"),
    ("read", r"Ingest|CSVCore|CSVReader|Canonical|ByteStream|Timestamp|SymbolTable|SymbolCache|EventLog\.append"),
    ("join", r"Join\.|ActorDirectory"),
    ("window", r"WindowStage"),
    ("group", r"Grouping|EventOrder"),
    ("rules", r"ChannelRules|PassedOver"),
    ("measure", r"Measur|StatusClock|StatusMetrics|TargetResolver|NextReply|TicketResults"),
    ("ledger", r"LedgerStage|RecordLedger"),
    ("aggregate", r"Aggregat|DurationStats|QualityStage|WarningStage"),
    ("csv", r"CSVRenderer"),
    ("render", r"Renderer|HTMLWriter|JSONWriter|SVGChart|ReportSetWriter|ByteSink"),
    ("free", r"Parallel\.release|^free|munmap|_int_free"),
]]


def stage(frames):
    for frame in frames:
        for name, pattern in STAGES:
            if pattern.search(frame):
                return name
    return "other"


def main():
    bucket = float(sys.argv[2]) if len(sys.argv) > 2 else 0.05
    rows = [(tid, t, stage(frames)) for tid, t, frames in samples(sys.argv[1])]
    if not rows:
        return
    start = min(t for _, t, _ in rows)
    per_thread = collections.Counter(tid for tid, _, _ in rows)
    threads = [tid for tid, _ in per_thread.most_common(4)]
    table = collections.defaultdict(collections.Counter)
    for tid, t, name in rows:
        table[(int((t - start) / bucket), tid)][name] += 1
    print("t (s) " + " | ".join(str(tid) for tid in threads))
    for b in range(max(k[0] for k in table) + 1):
        cells = []
        for tid in threads:
            c = table.get((b, tid))
            cells.append(",".join(f"{k}:{v}" for k, v in c.most_common(2)) if c else "-")
        print(f"{b * bucket:5.2f} " + " | ".join(cells))
    print("samples", dict(collections.Counter(name for _, _, name in rows).most_common()))


if __name__ == "__main__":
    main()
