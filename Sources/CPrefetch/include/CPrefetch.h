#ifndef SLAREPORT_CPREFETCH_H
#define SLAREPORT_CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` (a hint: it changes no value, faults on
/// nothing, and may be ignored). Swift has no spelling of the instruction; this inline function compiles
/// to it (`prefetcht0` on x86-64, `prfm` on arm64) where it is called.
static inline void slareport_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 0, 3);
#else
    (void)address;
#endif
}

#endif
