import Synchronization

/// The parts of one file that readers on several cores read side by side, shared by them so that a core
/// whose part is done can take over the back half of the part with the most left to read (work stealing).
/// One core of this kind of machine often reads a quarter slower than the other; with the file cut once per
/// core in advance, the faster one then idled for up to 0.45 s of a 1.3 s read.
///
/// Each reader publishes how far it has the file's bytes (its horizon) whenever it fills its buffer, and takes
/// its stops from here at the same moment (``CSVReader``). A part is only cut past its reader's horizon, at
/// the start of a line: the reader has not read there yet, so it stops at the cut, the new part's start, on
/// a record boundary. A cut that falls inside a quoted field is read past, and the part cut off is not used,
/// as with the cuts made in advance. Which parts are cut where depends on the timing; what the file reads
/// as does not (``Ingest/readInParts(_:with:options:)``).
final class PartClaims: Sendable {
    /// A part to read: its number, its first byte (0 or the start of a line), and the starts of the parts
    /// after it, where it may stop.
    struct Claim: Sendable, Equatable {
        let part: Int
        let start: Int
        let stops: [Int]
    }

    private struct Part {
        let start: Int
        /// The end of the bytes its reader has had (its start until it has read any).
        var horizon: Int
        /// Where its reader was when it last published its horizon. The reader stops at the first stop from
        /// there on (on a record boundary), so that is where its bytes end, whatever it has buffered beyond.
        var position: Int
        /// The starts of later parts, ascending, cuts made into it included.
        var stops: [Int]
        /// Whether its reader may still read on (false once it has stopped).
        var open = true
    }

    private let parts: Mutex<[Part]>
    /// The size of the file.
    let size: Int
    /// The least a part must have left past its horizon to be cut in two.
    let minimum: Int

    /// The parts cut in advance at `starts` (ascending, the first 0) of a file of `size` bytes.
    init(starts: [Int], size: Int, minimum: Int) {
        self.size = size
        self.minimum = max(minimum, 2)
        parts = Mutex(
            starts.enumerated().map { k, start in
                Part(start: start, horizon: start, position: start, stops: Array(starts[(k + 1)...]))
            })
    }

    /// How many parts there are, those cut off while reading included.
    var count: Int { parts.withLock { $0.count } }

    /// The claim of part `part` (one cut in advance).
    func claim(_ part: Int) -> Claim? {
        parts.withLock { parts in
            guard parts.indices.contains(part) else { return nil }
            return Claim(part: part, start: parts[part].start, stops: parts[part].stops)
        }
    }

    /// The reader of `part` now has the bytes up to `horizon`: returns its stops from `offset` (where it is)
    /// on, the cuts made into it so far included.
    func advance(_ part: Int, to horizon: Int, from offset: Int) -> [Int] {
        parts.withLock { parts in
            guard parts.indices.contains(part) else { return [] }
            parts[part].horizon = max(parts[part].horizon, horizon)
            parts[part].position = max(parts[part].position, offset)
            return parts[part].stops.filter { $0 >= offset }
        }
    }

    /// The reader of `part` has stopped: the part is not cut again.
    func finish(_ part: Int) {
        parts.withLock { parts in
            if parts.indices.contains(part) { parts[part].open = false }
        }
    }

    /// Where to cut next: the open part with the most bytes left between its horizon and its end
    /// (``end(of:)``), and the middle of those bytes; nil when no part has ``minimum`` left.
    func candidate() -> (part: Int, target: Int)? {
        parts.withLock { parts in
            var best: (part: Int, left: Int)?
            for (k, part) in parts.enumerated() where part.open {
                let left = end(of: part) - part.horizon
                if left >= minimum && left > (best?.left ?? 0) { best = (k, left) }
            }
            guard let best else { return nil }
            return (best.part, parts[best.part].horizon + best.left / 2)
        }
    }

    /// Cuts `part` at `start` (the start of a line) when that lies past its reader's horizon and before its
    /// next stop: returns the claim of the new part from `start` to that stop, or nil (no cut).
    func cut(_ part: Int, at start: Int) -> Claim? {
        parts.withLock { parts in
            guard parts.indices.contains(part), parts[part].open else { return nil }
            let victim = parts[part]
            guard start > victim.horizon, start < end(of: victim) else { return nil }
            let later = victim.stops.firstIndex(where: { $0 > start }) ?? victim.stops.count
            let claim = Claim(part: parts.count, start: start, stops: Array(victim.stops[later...]))
            parts[part].stops.insert(start, at: later)
            parts.append(Part(start: start, horizon: start, position: start, stops: claim.stops))
            return claim
        }
    }

    /// Where the bytes `part` is to read end: its first stop from its reader's position on, or the end of the
    /// file. Its horizon can lie past it (a buffer read beyond the stop): what lies after the stop is a later
    /// part's, and nothing is left to cut here.
    private func end(of part: Part) -> Int {
        part.stops.first(where: { $0 >= part.position }) ?? size
    }
}
