import Foundation
import Testing

@testable import SLAReportCore

/// The one place the stages run work side by side: results in a fixed order, and `alongside` keeps its
/// `here` work on the calling thread while the background work runs.
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

    @Test func alongsideRunsHereOnTheCallingThreadAndReturnsTheBackgroundResult() {
        let caller = Thread.current
        var hereRanOnCaller = false
        var steps: [Int] = []
        for step in 0..<50 {
            let value = Parallel.alongside({ step * 3 }) {
                hereRanOnCaller = Thread.current == caller
                steps.append(step)
            }
            #expect(value == step * 3)
            #expect(hereRanOnCaller, "step \(step)")
        }
        #expect(steps == Array(0..<50))
    }

    /// The background work really runs beside `here`: `here` waits (with a time limit) for a flag only the
    /// background work sets, so the two cannot have run one after the other in this order.
    @Test func alongsideRunsTheBackgroundWorkAtTheSameTime() {
        let started = DispatchSemaphore(value: 0)
        let seen = Parallel.alongside({
            started.signal()
            return true
        }) {
            #expect(started.wait(timeout: .now() + 10) == .success)
        }
        #expect(seen)
    }
}
