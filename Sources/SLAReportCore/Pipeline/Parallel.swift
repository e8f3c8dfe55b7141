import Dispatch

/// Runs independent pieces of work on the machine's cores and hands back their results in a fixed order,
/// so that what comes out never depends on which thread finished first.
enum Parallel {
    /// `first()` and `second()` at the same time (on two threads when the machine has two cores).
    static func both<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
        var a: A?
        var b: B?
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                let box = UnsafeBox(first: first, second: second)
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 { box.a = box.first() } else { box.b = box.second() }
                }
                a = box.a
                b = box.b
            }
        }
        guard let a, let b else { preconditionFailure("Parallel.both: a piece of work did not run") }
        return (a, b)
    }

    /// `body(i)` for every `i` in `0..<count`, spread over the cores; results in index order.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSlots(base: buffer.baseAddress)
            withoutActuallyEscaping(body) { body in
                let work = UnsafeWork(body: body)
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    slots.base?[i] = work.body(i)
                }
            }
        }
        return results.compactMap { $0 }
    }

    /// Each closure runs on one thread and writes only its own slot; `concurrentPerform` returns after both.
    private final class UnsafeBox<A, B>: @unchecked Sendable {
        let first: () -> A
        let second: () -> B
        var a: A?
        var b: B?
        init(first: @escaping () -> A, second: @escaping () -> B) {
            self.first = first
            self.second = second
        }
    }

    private struct UnsafeSlots<T>: @unchecked Sendable { let base: UnsafeMutablePointer<T?>? }
    private struct UnsafeWork<T>: @unchecked Sendable { let body: (Int) -> T }
}
