"""Reads `perf script -F tid,time,ip,sym` output (demangled): one sample per header line, its frames leaf
first."""
import re

HEADER = re.compile(r"^\s*(\d+)\s+([\d.]+):")


def samples(path):
    """Yields (thread id, time in seconds, frames leaf first) for every sample with at least one frame."""
    current = None
    frames = []
    with open(path, errors="replace") as f:
        for line in f:
            m = HEADER.match(line)
            if m:
                if current and frames:
                    yield current[0], current[1], frames
                current = (int(m.group(1)), float(m.group(2)))
                frames = []
            elif line.strip():
                parts = line.strip().split(None, 1)
                frames.append(parts[1] if len(parts) > 1 else parts[0])
    if current and frames:
        yield current[0], current[1], frames
