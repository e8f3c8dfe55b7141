import Dispatch
import Foundation
import Synchronization

/// Runs independent pieces of work on the machine's cores and hands back their results in a fixed order,
/// so that what comes out never depends on which thread finished first.
///
/// The compiler checks it: the work is a `@Sendable` closure and its results are `Sendable` values, handed
/// back through a `Mutex` (no unchecked box, no unsafe capture). Each stage that runs in parallel does so in
/// one call of this type.
enum Parallel {
    /// How many pieces of work are worth running side by side: the active cores, at most `limit`.
    static func cores(limit: Int = 8) -> Int {
        max(1, min(ProcessInfo.processInfo.activeProcessorCount, limit))
    }

    /// `first()` and `second()` at the same time (on two threads when the machine has two cores).
    static func both<A: Sendable, B: Sendable>(
        _ first: @Sendable () -> A, _ second: @Sendable () -> B
    ) -> (A, B) {
        let a = Mutex<A?>(nil)
        let b = Mutex<B?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                let value = first()
                a.withLock { $0 = value }
            } else {
                let value = second()
                b.withLock { $0 = value }
            }
        }
        guard let a = a.withLock({ $0.take() }), let b = b.withLock({ $0.take() }) else {
            preconditionFailure("Parallel.both: a piece of work did not run")
        }
        return (a, b)
    }

    /// Frees `value` on another thread. Dropping a large structure (a store of millions of events, the
    /// rule checks' findings) takes tens of milliseconds — the destructors, `free`, and `munmap` handing
    /// the pages back — that nothing after it waits for. The caller passes its last reference
    /// (`release(consume x)`). The value is moved into a box before the work is queued and taken out of it
    /// there, so the last release is the other thread's even when the queued work runs before this call
    /// returns (a closure's own copy of the value would race with the caller's).
    static func release<T: Sendable>(_ value: consuming T) {
        let box = Handover(consume value)
        DispatchQueue.global(qos: .utility).async { box.value.withLock { $0 = nil } }
    }

    /// Holds a value on its way to the thread that frees it.
    private final class Handover<T: Sendable>: Sendable {
        let value: Mutex<T?>
        init(_ value: consuming T) { self.value = Mutex(Optional(value)) }
    }

    /// `body(i)` for every `i` in `0..<count`, spread over the cores; results in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let results = Mutex<[T?]>([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let value = body(i)
            results.withLock { $0[i] = value }
        }
        return results.withLock { slots in
            var out: [T] = []
            out.reserveCapacity(count)
            for i in slots.indices {
                guard let value = slots[i].take() else {
                    preconditionFailure("Parallel.map: a piece of work did not run")
                }
                out.append(value)
            }
            return out
        }
    }
}
