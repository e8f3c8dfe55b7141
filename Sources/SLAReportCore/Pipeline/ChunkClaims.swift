import Synchronization

/// The positions `0..<count` cut into chunks that two threads claim from opposite ends: the front in ascending
/// order, the back in descending order, each chunk claimed exactly once. The front's chunks always come
/// before the back's, so a thread that commits its results as it goes (the front) and one whose results are
/// committed after it, last chunk first reversed (the back), together give the results in position order,
/// however the work fell between them.
///
/// With a fixed share (`back: n`) the back gets exactly the last `n` chunks and the front the others,
/// whatever the timing: the tests split the work every way with it.
final class ChunkClaims: Sendable {
    /// Positions per chunk (the last chunk may be shorter).
    let size: Int
    let count: Int
    /// The next chunk of the front, one past the next chunk of the back, and how many chunks the back may
    /// still claim (nil: any).
    private let ends: Mutex<(front: Int, back: Int, backLeft: Int?)>

    /// `count` positions in chunks of `size` (at least 1); `back`: the back's fixed share of chunks, or nil
    /// for whatever it claims before the front gets there.
    init(count: Int, size: Int, back: Int? = nil) {
        self.count = max(count, 0)
        self.size = max(size, 1)
        let chunks = (self.count + self.size - 1) / self.size
        ends = Mutex((0, chunks, back.map { min(max($0, 0), chunks) }))
    }

    /// The positions of the front's next chunk, or nil when every chunk is claimed.
    func claimFront() -> Range<Int>? {
        let chunk = ends.withLock { ends -> Int? in
            // The back's fixed share, not yet claimed, is the top of what is left.
            guard ends.front < ends.back - (ends.backLeft ?? 0) else { return nil }
            ends.front += 1
            return ends.front - 1
        }
        return chunk.map(positions)
    }

    /// The positions of the back's next chunk (the last unclaimed one), or nil when every chunk is claimed
    /// (or the back's fixed share is).
    func claimBack() -> Range<Int>? {
        let chunk = ends.withLock { ends -> Int? in
            guard ends.front < ends.back else { return nil }
            if let left = ends.backLeft {
                guard left > 0 else { return nil }
                ends.backLeft = left - 1
            }
            ends.back -= 1
            return ends.back
        }
        return chunk.map(positions)
    }

    private func positions(_ chunk: Int) -> Range<Int> {
        chunk * size..<min(count, (chunk + 1) * size)
    }
}
