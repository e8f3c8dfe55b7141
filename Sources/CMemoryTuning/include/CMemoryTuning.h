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

#endif
