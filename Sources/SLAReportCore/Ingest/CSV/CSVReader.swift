/// Reads CSV records one by one from a ``ByteStream``, feeding the push-based ``CSVCore`` chunk by chunk:
/// a file is read in bounded chunks (in-memory bytes are read in place), so a pipe, a huge file or a file
/// that shrinks while it is read are all the same to it, and positions are absolute.
///
/// A reader can stop early at given offsets (the starts of later parts of a file read side by side): it
/// stops at the first of them where the parser sits on a record boundary (``stoppedAt``), and reads on past
/// any where it does not (the cut was inside a quoted field).
///
/// When the stream ends early (``ByteStream/Ending/isEarly``), a last record cut off by that end is
/// flagged, so that a truncated row is never taken for a whole one.
public struct CSVReader {
    public typealias Warning = CSVCore.Warning
    public typealias RecordPosition = CSVCore.RecordPosition

    /// The default field size limit: 1 MiB (SPEC §2.4).
    public static let defaultMaxFieldBytes = 1 << 20
    /// Bytes read from a stream at a time.
    public static let defaultChunkBytes = 1 << 20

    private var core: CSVCore
    private var stream: ByteStream?
    private let chunkBytes: Int
    private var buffer: ChunkBuffer?
    private var view = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private var viewOffset = 0
    private var viewPosition = 0
    private var streamDone: Bool
    private var stops: [Int]
    /// For a part of a file read side by side with others whose cuts can change while it is read: the parts'
    /// claims and its number. Its stops are then taken from them each time the buffer is filled (the cuts
    /// made into it so far), and its horizon is published there (``PartClaims``).
    var claims: (parts: PartClaims, part: Int)?

    /// The current record's fields; valid until the next call to ``next()``.
    public let record = ByteRecord()
    /// Position and fitness of the current record.
    public private(set) var position = RecordPosition()
    /// The stop offset this reader ended at (a record boundary), if it stopped early.
    public private(set) var stoppedAt: Int?

    /// Reads `stream` (from its current position, absolute offset `offset` and line `line`).
    /// `stops` are absolute offsets, ascending, where the reader may end early on a record boundary.
    public init(
        stream: ByteStream, separator: UInt8 = Byte.comma, limits: CSVCore.Limits = .standard, line: Int = 1,
        stops: [Int] = [], chunkBytes: Int = CSVReader.defaultChunkBytes, usesFastPath: Bool = true
    ) {
        core = CSVCore(
            separator: separator, limits: limits, offset: stream.position, line: line, usesFastPath: usesFastPath)
        viewOffset = stream.position
        self.stream = stream
        self.chunkBytes = max(chunkBytes, 1)
        streamDone = false
        self.stops = stops
    }

    /// Reads `bytes` (which must outlive the reader), all there is.
    public init(
        bytes: UnsafeBufferPointer<UInt8>, separator: UInt8 = Byte.comma, limits: CSVCore.Limits = .standard
    ) {
        core = CSVCore(separator: separator, limits: limits)
        stream = nil
        chunkBytes = 1
        view = bytes
        streamDone = true
        stops = []
    }

    /// Warnings noticed so far (malformed quotes), in input order, the first ``CSVCore/maxWarnings``.
    public var warnings: [Warning] { core.warnings }
    /// Warnings noticed beyond those kept.
    public var suppressedWarnings: Int { core.suppressedWarnings }
    /// The 1-based line of the next byte.
    public var line: Int { core.line }
    /// Absolute offset of the next byte not consumed yet.
    public var offset: Int { viewOffset + viewPosition }
    /// How the stream ended (``ByteStream/Ending/open`` while it has not).
    public var ending: ByteStream.Ending { stream?.ending ?? .complete }
    /// What to tell the user when the input ended early.
    public var earlyEndMessage: String? { stream?.earlyEndMessage }

    /// Reads the next record into ``record``; false at the end of the input (or at a stop).
    public mutating func next() -> Bool {
        // A plain record whole in the bytes at hand (most records): read in place, without the loop below.
        if viewPosition < view.count, let base = view.baseAddress {
            var count = view.count - viewPosition
            if let stop = stops.first { count = min(count, max(stop - (viewOffset + viewPosition), 0)) }
            if let consumed = core.readPlainRecord(
                UnsafeBufferPointer(start: base + viewPosition, count: count), into: record)
            {
                viewPosition += consumed
                position.setPlain(
                    byteOffset: core.position.byteOffset, line: core.position.line, index: core.position.index)
                return true
            }
        }
        while true {
            if viewPosition == view.count && !streamDone { refill() }
            var count = view.count - viewPosition
            var atStop = false
            if let stop = stops.first {
                let left = stop - (viewOffset + viewPosition)
                if left <= count {
                    count = max(left, 0)
                    atStop = true
                }
            }
            let input = UnsafeBufferPointer(rebasing: view[viewPosition..<(viewPosition + count)])
            let final = streamDone && !atStop && viewPosition + count == view.count
            let (step, consumed) = core.read(input, final: final, into: record)
            viewPosition += consumed
            switch step {
            case .record:
                position = core.position
                if position.endedByInputEnd, position.problem == nil, let message = stream?.earlyEndMessage {
                    position.problem = "the record is cut off: \(message)"
                }
                return true
            case .end:
                return false
            case .inputEmpty:
                guard atStop else { continue }
                if core.isAtRecordBoundary {
                    stoppedAt = stops.first
                    return false
                }
                stops.removeFirst()
            }
        }
    }

    private mutating func refill() {
        guard var stream else {
            streamDone = true
            return
        }
        let before = stream.position
        if let memory = stream.takeMemory() {
            self.stream = stream
            view = memory
            viewOffset = before
            viewPosition = 0
            streamDone = true
            takeStops()
            return
        }
        let chunk = buffer ?? ChunkBuffer(count: chunkBytes)
        buffer = chunk
        let n = stream.fill(chunk.raw)
        self.stream = stream
        view = UnsafeBufferPointer(start: chunk.bytes, count: n)
        viewOffset = before
        viewPosition = 0
        if n < chunk.raw.count { streamDone = true }
        takeStops()
    }

    /// The stops of ``claims``' part from here on, its horizon published as the end of the bytes at hand:
    /// called before any of a new view's bytes are read, so a cut past the old horizon is always seen.
    private mutating func takeStops() {
        guard let claims else { return }
        stops = claims.parts.advance(claims.part, to: viewOffset + view.count, from: viewOffset)
    }

    static func describe(bytes: Int) -> String {
        if bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

/// A buffer a reader fills from its stream, freed with the reader.
final class ChunkBuffer {
    let bytes: UnsafeMutablePointer<UInt8>
    let raw: UnsafeMutableRawBufferPointer

    init(count: Int) {
        bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        raw = UnsafeMutableRawBufferPointer(start: bytes, count: count)
    }

    deinit { bytes.deallocate() }
}

/// ASCII bytes the readers look for.
public enum Byte {
    public static let tab: UInt8 = 0x09
    public static let lf: UInt8 = 0x0A
    public static let cr: UInt8 = 0x0D
    public static let space: UInt8 = 0x20
    public static let quote: UInt8 = 0x22
    public static let plus: UInt8 = 0x2B
    public static let comma: UInt8 = 0x2C
    public static let minus: UInt8 = 0x2D
    public static let dot: UInt8 = 0x2E
    public static let slash: UInt8 = 0x2F
    public static let zero: UInt8 = 0x30
    public static let nine: UInt8 = 0x39
    public static let colon: UInt8 = 0x3A
    public static let semicolon: UInt8 = 0x3B
    public static let backslash: UInt8 = 0x5C
}
