import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Memory for the symbol table's index: zeroed, freed with ``release(_:)``, and on Linux asked to live in
/// transparent huge pages once it is large (``hugeAbove``).
///
/// The index is read at random, once per new id: with a million tickets and a million requesters it is
/// tens of MiB, and in 4 KiB pages nearly every lookup also misses the TLB (in a virtual machine, a
/// two-level page walk). In 2 MiB pages the whole index needs a few dozen TLB entries, and filling it
/// faults once per 2 MiB instead of once per 4 KiB. Elsewhere (or when the kernel says no) the memory is
/// ordinary and nothing else changes.
enum IndexMemory {
    /// The size of a huge page on x86-64 and arm64 Linux (the alignment asked for).
    static let hugePage = 2 << 20
    /// Indexes of at least this many bytes are put in huge pages.
    static let hugeAbove = 4 << 20

    /// `count` zeroed slots.
    static func zeroed(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        let bytes = count * MemoryLayout<UInt64>.stride
        var memory: UnsafeMutableRawPointer?
        if bytes >= hugeAbove, posix_memalign(&memory, hugePage, bytes) == 0, let memory {
            #if canImport(Glibc)
                _ = madvise(memory, bytes, MADV_HUGEPAGE)
            #endif
            memset(memory, 0, bytes)
            return memory.bindMemory(to: UInt64.self, capacity: count)
        }
        guard let small = calloc(max(count, 1), MemoryLayout<UInt64>.stride) else {
            fatalError("out of memory for a symbol index of \(count) slots")
        }
        return small.bindMemory(to: UInt64.self, capacity: count)
    }

    /// Frees slots from ``zeroed(_:)``.
    static func release(_ slots: UnsafeMutablePointer<UInt64>) {
        free(slots)
    }
}
