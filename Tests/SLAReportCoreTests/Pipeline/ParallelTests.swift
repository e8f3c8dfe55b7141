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
