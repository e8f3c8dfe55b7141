/// Why an input's bytes could not be read (the text of `errno`, or what went wrong).
public struct InputReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Where an input's bytes come from when they are not in memory: the CLI implements it over a file
/// descriptor, so that the library reads files in bounded chunks without doing any I/O itself.
///
/// A source with a ``size`` is a regular file: it can be opened at any offset, several times, and read in
/// parts side by side. A source without one is a stream (a pipe, a FIFO, standard input): it is opened once
/// and read front to back.
public protocol ByteSource: Sendable {
    /// The size in bytes when it is known before reading (a regular file); nil for a stream.
    var size: Int? { get }
    /// A reader positioned at `offset`. For a stream, `offset` is where the previous reader stopped.
    func open(at offset: Int) -> Result<any ByteReader, InputReadError>
}

/// Reads bytes front to back for one ``ByteStream`` (one thread at a time).
public protocol ByteReader: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`: how many were read, 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, InputReadError>
}

/// The bytes of one input: in memory, or from a ``ByteSource``.
public struct InputSource: Sendable {
    enum Storage: Sendable {
        case memory(MemoryBytes)
        case external(any ByteSource)
    }

    let storage: Storage

    /// An input held in memory (a copy of `bytes`).
    public init(bytes: [UInt8]) { storage = .memory(MemoryBytes(bytes)) }

    /// An input read through `source`.
    public init(_ source: any ByteSource) { storage = .external(source) }

    /// An input of text held in memory.
    public init(text: String) { self.init(bytes: Array(text.utf8)) }

    /// The size when known before reading; nil for a stream.
    public var size: Int? {
        switch storage {
        case .memory(let memory): memory.buffer.count
        case .external(let source): source.size
        }
    }

    /// Whether the input can be read again and in parts (in memory, or a regular file).
    public var isSeekable: Bool { size != nil }

    /// A stream over the bytes from `start` up to `end` (nil: the end of the input). For a stream source,
    /// `prefix` are the bytes a first reader already took (the sniff): they are handed out again first, and
    /// reading goes on where that reader stopped.
    public func stream(from start: Int = 0, to end: Int? = nil, replaying prefix: [UInt8] = []) -> ByteStream {
        ByteStream(source: self, from: start, to: end, replaying: isSeekable ? [] : prefix)
    }
}

/// Bytes in memory owned by an ``InputSource``.
///
/// `@unchecked Sendable`: the buffer is written once, in `init`, and only read afterwards; it is freed in
/// `deinit`, when no stream can refer to it any more (every ``ByteStream`` keeps its source alive).
final class MemoryBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>

    init(_ bytes: [UInt8]) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = storage.initialize(from: bytes)
        buffer = UnsafeBufferPointer(start: storage.baseAddress, count: bytes.count)
    }

    deinit { buffer.deallocate() }
}

/// A cursor over an input's bytes, front to back, from one offset to another (or the end).
///
/// In-memory bytes are handed out whole (``takeMemory()``, no copy); other sources are read into the
/// caller's buffer (``read(into:)``). When the input ends, ``ending`` says how: complete, shorter than the
/// size it had when it was opened (a file that shrank while it was read), or a read error — so that no
/// truncated file is ever taken for a complete one.
public struct ByteStream {
    /// How the stream ended.
    public enum Ending: Hashable, Sendable {
        /// Not at the end yet.
        case open
        /// Every byte was read.
        case complete
        /// The input ended early: it had `expected` bytes when it was opened (a file truncated while read).
        case shrank(expected: Int)
        /// A read failed; the bytes before it were delivered.
        case failed(String)

        /// Whether the input ended before all of it was read.
        public var isEarly: Bool {
            switch self {
            case .shrank, .failed: true
            case .open, .complete: false
            }
        }
    }

    let source: InputSource
    /// Absolute offset of the next byte.
    public private(set) var position: Int
    /// Absolute offset where the stream stops (exclusive), nil for the end of the input.
    public let end: Int?
    public private(set) var ending = Ending.open
    private var pending: [UInt8]
    private var pendingPosition = 0
    private var reader: (any ByteReader)?
    private var opened = false

    init(source: InputSource, from start: Int, to end: Int?, replaying prefix: [UInt8]) {
        self.source = source
        position = start
        self.end = end
        pending = prefix
    }

    /// The bytes still to come when the input is in memory, taken all at once (the stream is then at its
    /// end); nil for any other source.
    public mutating func takeMemory() -> UnsafeBufferPointer<UInt8>? {
        guard case .memory(let memory) = source.storage else { return nil }
        let count = memory.buffer.count
        let lower = min(max(position, 0), count)
        let upper = max(lower, min(end ?? count, count))
        position = upper
        ending = .complete
        return UnsafeBufferPointer(rebasing: memory.buffer[lower..<upper])
    }

    /// Reads up to `buffer.count` bytes; 0 only at the end (then ``ending`` says how it ended).
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard ending == .open, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        var room = buffer.count
        if let end { room = min(room, end - position) }
        guard room > 0 else {
            ending = .complete
            return 0
        }
        if pendingPosition < pending.count {
            let n = min(room, pending.count - pendingPosition)
            pending.withUnsafeBytes { raw in
                if let from = raw.baseAddress { base.copyMemory(from: from + pendingPosition, byteCount: n) }
            }
            pendingPosition += n
            position += n
            if pendingPosition == pending.count { pending = [] }
            return n
        }
        switch source.storage {
        case .memory(let memory):
            let available = memory.buffer.count - position
            guard available > 0, let from = memory.buffer.baseAddress else {
                ending = .complete
                return 0
            }
            let n = min(room, available)
            base.copyMemory(from: from + position, byteCount: n)
            position += n
            return n
        case .external(let external):
            if !opened {
                opened = true
                switch external.open(at: position) {
                case .success(let opened): reader = opened
                case .failure(let error):
                    ending = .failed(error.message)
                    return 0
                }
            }
            guard let reader else { return 0 }
            switch reader.read(into: UnsafeMutableRawBufferPointer(start: base, count: room)) {
            case .success(let n) where n > 0:
                position += n
                return n
            case .success:
                let expected = end ?? external.size
                if let expected, position < expected {
                    ending = .shrank(expected: expected)
                } else {
                    ending = .complete
                }
                self.reader = nil
                return 0
            case .failure(let error):
                ending = .failed(error.message)
                self.reader = nil
                return 0
            }
        }
    }

    /// Reads until `buffer` is full or the input ends: the number of bytes read.
    public mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// What to tell the user when the stream ended early, nil otherwise.
    public var earlyEndMessage: String? {
        switch ending {
        case .open, .complete: return nil
        case .shrank(let expected):
            return "the file ended after \(position) of its \(expected) bytes (it shrank while it was read); "
                + "the records before that point were read"
        case .failed(let message):
            return "reading stopped after \(position) bytes: \(message); the records before that point were read"
        }
    }
}
