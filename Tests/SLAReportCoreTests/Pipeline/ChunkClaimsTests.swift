import Dispatch
import Synchronization
import Testing

@testable import SLAReportCore

/// Chunks claimed from both ends: each exactly once, the front's before the back's, whatever the timing.
@Suite struct ChunkClaimsTests {
    /// Every position in exactly one chunk; the front's chunks ascending, the back's descending, and every
    /// front chunk before every back chunk.
    func checkCover(_ front: [Range<Int>], _ back: [Range<Int>], count: Int, _ what: String) {
        let ordered = front + back.reversed()
        #expect(ordered.flatMap { Array($0) } == Array(0..<count), "\(what): front \(front), back \(back)")
        #expect(ordered.allSatisfy { !$0.isEmpty }, "\(what)")
    }

    @Test func twoThreadsClaimEveryChunkOnce() {
        for (count, size) in [(0, 4), (1, 4), (4, 4), (5, 4), (1000, 7), (10_000, 1)] {
            let claims = ChunkClaims(count: count, size: size)
            let (front, back) = Parallel.both(
                { () -> [Range<Int>] in
                    var got: [Range<Int>] = []
                    while let r = claims.claimFront() { got.append(r) }
                    return got
                },
                { () -> [Range<Int>] in
                    var got: [Range<Int>] = []
                    while let r = claims.claimBack() { got.append(r) }
                    return got
                })
            checkCover(front, back, count: count, "count \(count) size \(size)")
            #expect(claims.claimFront() == nil && claims.claimBack() == nil)
        }
    }

    /// A fixed share gives the back exactly the last `n` chunks, even when the front claims first and the
    /// back comes back for more.
    @Test func aFixedShareIsTheBacksWhateverTheTiming() {
        let chunks = 10
        for n in [0, 1, 3, 10, 25] {
            let claims = ChunkClaims(count: 95, size: 10, back: n)
            var front: [Range<Int>] = []
            while let r = claims.claimFront() { front.append(r) }
            var back: [Range<Int>] = []
            while let r = claims.claimBack() { back.append(r) }
            #expect(back.count == min(n, chunks), "n \(n)")
            #expect(front.count == chunks - min(n, chunks), "n \(n)")
            checkCover(front, back, count: 95, "n \(n)")
        }
        // The back first: it stops at its share, and the front takes the rest.
        let claims = ChunkClaims(count: 95, size: 10, back: 2)
        #expect(claims.claimBack() == 90..<95)
        #expect(claims.claimBack() == 80..<90)
        #expect(claims.claimBack() == nil)
        var front: [Range<Int>] = []
        while let r = claims.claimFront() { front.append(r) }
        #expect(front.last == 70..<80 && front.count == 8)
    }
}
