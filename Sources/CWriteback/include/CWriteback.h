#ifndef SLAREPORT_CWRITEBACK_H
#define SLAREPORT_CWRITEBACK_H

#if defined(__linux__)
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#endif

/// Starts writing the `count` bytes of `fd` from `offset` to the disk and returns without waiting for them
/// (Linux's `sync_file_range` with `SYNC_FILE_RANGE_WRITE` only: it neither waits nor makes anything
/// durable; the `fsync` that ends the file still does). A large report's bytes then reach the disk while the
/// rest of it is made, instead of all at once in the final `fsync`. Returns 0 when the request was taken,
/// -1 where it failed or there is no such call (not Linux): a hint, nothing depends on it.
static inline int slareport_start_writeback(int fd, long long offset, long long count) {
#if defined(__linux__) && defined(SYNC_FILE_RANGE_WRITE)
    return sync_file_range(fd, (off_t)offset, (off_t)count, SYNC_FILE_RANGE_WRITE);
#else
    (void)fd;
    (void)offset;
    (void)count;
    return -1;
#endif
}

#endif
