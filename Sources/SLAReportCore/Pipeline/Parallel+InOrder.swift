import Dispatch
import Synchronization

extension Parallel {
    /// `produce(i)` for every `i` in `0..<count`, spread over the cores, each result handed to `consume` on
    /// the calling thread in index order, as soon as it and every one before it are made.
    ///
    /// Unlike rounds of ``map(_:_:)`` (make one piece per core, then hand them all over, then the next round),
    /// no core waits while the calling thread consumes: the other cores go on producing, and the calling
    /// thread produces too whenever the next result is not ready yet. At most `lookahead` results (at least
    /// one per core) are being made, waiting, or being consumed at any time, so memory stays bounded however slow
    /// `consume` is. `consume` is not `Sendable`: it only ever runs on the calling thread (a file writer).
    static func inOrder<T: Sendable>(
        _ count: Int, lookahead: Int, produce: @escaping @Sendable (Int) -> T, consume: (T) -> Void
    ) {
        let helpers = min(cores() - 1, count - 1)
        guard helpers > 0 else {
            for i in 0..<max(count, 0) { consume(produce(i)) }
            return
        }
        let line = ProductionLine<T>(count: count, lookahead: max(lookahead, helpers + 1))
        let group = DispatchGroup()
        for _ in 0..<helpers {
            DispatchQueue.global().async(group: group) {
                while let i = line.claim(waiting: true) { line.deposit(i, produce(i)) }
            }
        }
        var next = 0
        while next < count {
            if let value = line.take(next) {
                consume(value)
                line.consumed()
                next += 1
            } else if let i = line.claim(waiting: false) {
                // The next result is still being made elsewhere (or not claimed yet): make one meanwhile.
                line.deposit(i, produce(i))
            } else {
                line.awaitDeposit()
            }
        }
        line.dismiss(helpers)
        group.wait()
    }
}

/// What ``Parallel/inOrder(_:lookahead:produce:consume:)``'s threads share: the next index to claim, the
/// results made and not yet consumed, and two semaphores (a claim takes one of `lookahead` permits and a
/// consumed result gives it back; a deposit wakes a consumer waiting for it).
private final class ProductionLine<T: Sendable>: Sendable {
    private let count: Int
    private let state: Mutex<(next: Int, ready: [Int: T])>
    private let permits: DispatchSemaphore
    private let deposits = DispatchSemaphore(value: 0)

    init(count: Int, lookahead: Int) {
        self.count = count
        state = Mutex((0, [:]))
        permits = DispatchSemaphore(value: lookahead)
    }

    /// The next index to produce, or nil when all are claimed (or, not `waiting`, when `lookahead` results
    /// are already made or being made and not consumed).
    func claim(waiting: Bool) -> Int? {
        if waiting {
            permits.wait()
        } else if permits.wait(timeout: .now()) != .success {
            return nil
        }
        let i = state.withLock { state -> Int? in
            guard state.next < count else { return nil }
            state.next += 1
            return state.next - 1
        }
        if i == nil { permits.signal() }
        return i
    }

    func deposit(_ i: Int, _ value: T) {
        state.withLock { $0.ready[i] = value }
        deposits.signal()
    }

    /// Result `i` if it is made (taken out; its permit is given back by ``consumed()``).
    func take(_ i: Int) -> T? { state.withLock { $0.ready.removeValue(forKey: i) } }

    /// The result taken last is consumed: its permit is free for another claim.
    func consumed() { permits.signal() }

    /// Waits for the next deposit (or one made since the last wait: a spurious wake costs one more look).
    func awaitDeposit() { deposits.wait() }

    /// Wakes `helpers` threads that may be waiting for a permit after the last claim, so that they see
    /// that every index is claimed and stop.
    func dismiss(_ helpers: Int) {
        for _ in 0..<helpers { permits.signal() }
    }
}
