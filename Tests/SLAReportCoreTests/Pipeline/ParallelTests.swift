import Foundation
import Synchronization
import Testing

@testable import SLAReportCore

/// The one place the stages run work side by side: results in a fixed order, whichever thread finishes
/// first.
@Suite struct ParallelTests {
    @Test func mapHandsBackResultsInIndexOrder() {
        for count in [0, 1, 2, 3, 17] {
            #expect(Parallel.map(count) { $0 * $0 } == (0..<count).map { $0 * $0 }, "count \(count)")
        }
    }

    /// Every index is made once and consumed in order, whichever thread makes it and however long it takes
    /// (the pieces sleep a seeded random while, so later ones are often ready before earlier ones), and no
    /// more than the lookahead (or one per core) are ever made and not yet consumed.
    @Test func inOrderConsumesEveryResultOnceInIndexOrder() {
        var rng = TestRandom(0x5EED_0CD3)
        print("ParallelTests.inOrder \(rng.note)")
        for count in [0, 1, 2, 3, 17, 200] {
            let delays = (0..<count).map { _ in rng.int(0...400) }
            let lookahead = rng.int(1...4)
            let outstanding = Tally(count)
            var consumed: [Int] = []
            Parallel.inOrder(
                count, lookahead: lookahead,
                produce: { i -> Int in
                    outstanding.state.withLock {
                        $0.now += 1
                        $0.most = max($0.most, $0.now)
                        $0.made[i] += 1
                    }
                    usleep(UInt32(delays[i]))
                    return i * 3
                },
                consume: { value in
                    outstanding.state.withLock { $0.now -= 1 }
                    consumed.append(value)
                })
            #expect(consumed == (0..<count).map { $0 * 3 }, "count \(count), \(rng.note)")
            let (most, made) = outstanding.state.withLock { ($0.most, $0.made) }
            #expect(made.allSatisfy { $0 == 1 }, "count \(count), \(rng.note)")
            #expect(most <= max(lookahead, Parallel.cores()), "count \(count), \(rng.note)")
        }
    }

    /// Results being made and not yet consumed, the most of them at once, and how often each was made.
    private final class Tally: Sendable {
        let state: Mutex<(now: Int, most: Int, made: [Int])>
        init(_ count: Int) { state = Mutex((0, 0, [Int](repeating: 0, count: count))) }
    }

    @Test func bothRunsBoth() {
        let (a, b) = Parallel.both({ (1...100).reduce(0, +) }, { "done" })
        #expect(a == 5050 && b == "done")
    }

    /// A value handed to `release` is freed, and not on the thread that handed it over (which waits here,
    /// so it could not be the one).
    @Test func releaseFreesTheValueOnAnotherThread() {
        let witness = Witness()
        Parallel.release(Dropped(witness: witness))
        #expect(witness.freed.wait(timeout: .now() + 60) == .success, "the value was freed")
        #expect(witness.freedElsewhere.withLock { $0 } == true)
    }

    private final class Witness: Sendable {
        let freed = DispatchSemaphore(value: 0)
        let freedElsewhere = Mutex<Bool?>(nil)
    }

    private final class Dropped: Sendable {
        let witness: Witness
        let caller = Dropped.thread()
        init(witness: Witness) { self.witness = witness }
        deinit {
            let elsewhere = Dropped.thread() != caller
            witness.freedElsewhere.withLock { $0 = elsewhere }
            witness.freed.signal()
        }
        static func thread() -> UInt {
            #if os(Linux)
                UInt(pthread_self())
            #else
                UInt(bitPattern: pthread_self())
            #endif
        }
    }
}
