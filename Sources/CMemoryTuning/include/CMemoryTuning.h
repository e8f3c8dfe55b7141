#ifndef SLAREPORT_CMEMORYTUNING_H
#define SLAREPORT_CMEMORYTUNING_H

#if defined(__linux__)
#include <malloc.h>
#endif

/// Makes every allocation of at least `bytes` its own mapping, returned to the system when freed (glibc's
/// M_MMAP_THRESHOLD; fixing it also stops glibc from raising it after the first large free). Returns 1 when
/// the allocator took the setting, 0 where there is no such setting (not glibc).
static inline int slareport_map_large_allocations(int bytes) {
#if defined(__linux__) && defined(__GLIBC__) && defined(M_MMAP_THRESHOLD)
    return mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}

/// Lets up to `bytes` of freed memory stay at the top of the heap instead of handing it back to the system
/// at once (glibc's M_TRIM_THRESHOLD, 128 KiB by default): buffers under the mapping threshold that are
/// freed and allocated again, round after round, then reuse resident pages instead of faulting in fresh
/// ones. Returns 1 when the allocator took the setting, 0 where there is no such setting (not glibc).
static inline int slareport_keep_freed_heap(int bytes) {
#if defined(__linux__) && defined(__GLIBC__) && defined(M_TRIM_THRESHOLD)
    return mallopt(M_TRIM_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}

#endif
