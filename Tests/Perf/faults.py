#!/usr/bin/env python3
"""Page faults by site: the nearest frame of each sample that is not the runtime, the allocator, the kernel
or a standard-library array method. Reads `perf script -F tid,time,ip,sym | swift-demangle --simplified`
of `perf record -e page-faults -c 1 -g`. Usage: faults.py FILE [TOP]"""
import collections
import re
import sys

from perfscript import samples

SKIP = re.compile(
    r"^(asm_|exc_|do_|handle_|__handle|clear_page|_copy|copy_|__memmove|__memset|memcpy|memset|swift_|"
    r"_int_malloc|malloc|free|sysmalloc|(specialized )?Unsafe|(specialized )?Array|(specialized )?Contiguous|"
    r"(specialized )?_ContiguousArrayBuffer|IndexMemory|__GI|__libc|alloc|realloc|closure #1 in Array|"
    r"outlined|(specialized )?Sequence|(specialized )?_copy|(specialized )?Collection|"
    r"(specialized )?RangeReplaceable|initializeWithCopy)")


def main():
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    counts = collections.Counter()
    total = 0
    for _, _, frames in samples(sys.argv[1]):
        total += 1
        counts[next((f for f in frames if not SKIP.match(f)), frames[-1])[:100]] += 1
    print(f"faults {total}")
    for site, n in counts.most_common(top):
        print(f"{n:7d} {site}")


if __name__ == "__main__":
    main()
