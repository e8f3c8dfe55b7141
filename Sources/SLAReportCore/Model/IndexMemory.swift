import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Memory for the symbol table's index: zeroed or copied, freed with ``release(_:)``, and on Linux asked to live in
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
        let slots = allocate(count)
        slots.initialize(repeating: 0, count: count)
        return slots
    }

    /// A copy of the `count` slots at `slots` (written once: not zeroed first).
    static func copy(_ slots: UnsafePointer<UInt64>, count: Int) -> UnsafeMutablePointer<UInt64> {
        let copy = allocate(count)
        copy.initialize(from: slots, count: count)
        return copy
    }

    /// Room for `count` slots, uninitialized: in huge pages from ``hugeAbove`` on.
    private static func allocate(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        let bytes = Swift.max(count, 1) * MemoryLayout<UInt64>.stride
        var memory: UnsafeMutableRawPointer?
        if bytes >= hugeAbove, posix_memalign(&memory, hugePage, bytes) == 0, let memory {
            #if canImport(Glibc)
                _ = madvise(memory, bytes, MADV_HUGEPAGE)
            #endif
            return memory.bindMemory(to: UInt64.self, capacity: count)
        }
        guard let small = malloc(bytes) else { fatalError("out of memory for a symbol index of \(count) slots") }
        return small.bindMemory(to: UInt64.self, capacity: count)
    }

    /// Frees slots from ``zeroed(_:)`` or ``copy(_:count:)``.
    static func release(_ slots: UnsafeMutablePointer<UInt64>) {
        free(slots)
    }
}
