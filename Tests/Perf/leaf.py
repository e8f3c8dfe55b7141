#!/usr/bin/env python3
"""Each thread's leaf functions between two times (seconds from the first sample), or, given a regular
expression, the nearest frame matching it beside each leaf. Reads `perf script -F tid,time,ip,sym |
swift-demangle --simplified`. Usage: leaf.py FILE T0 T1 [TOP] [REGEX]"""
import collections
import re
import sys

from perfscript import samples


def main():
    path, t0, t1 = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 25
    pattern = re.compile(sys.argv[5]) if len(sys.argv) > 5 else None
    rows = list(samples(path))
    if not rows:
        return
    start = min(t for _, t, _ in rows)
    per_thread = collections.defaultdict(collections.Counter)
    for tid, t, frames in rows:
        if not t0 <= t - start < t1:
            continue
        key = frames[0][:110]
        if pattern:
            hit = next((f for f in frames if pattern.search(f)), "-")
            key = hit[:110] + "  <=  " + frames[0][:60]
        per_thread[tid][key] += 1
    for tid, counts in per_thread.items():
        print(f"== thread {tid}: {sum(counts.values())} samples")
        for key, n in counts.most_common(top):
            print(f"{n:6d} {key}")


if __name__ == "__main__":
    main()
