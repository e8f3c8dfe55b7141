/// An input as the CLI hands it to the library: its path as given (or `-`) and its bytes.
/// The library never reads the disk itself.
public struct InputFile: Sendable {
    public var path: String
    public var bytes: InputBytes

    public init(path: String, bytes: InputBytes) {
        self.path = path
        self.bytes = bytes
    }

    /// An input from bytes in memory (tests, standard input).
    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, bytes: InputBytes(copying: bytes))
    }

    /// An input from text in memory.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Immutable bytes of one input, in memory or mapped from disk by the CLI.
///
/// Readers walk the bytes front to back and call ``releasePages(before:)`` as they go, so that a mapped
/// file's pages already read leave the resident set (a 370 MB input never has to be resident at once).
public final class InputBytes: @unchecked Sendable {
    public let buffer: UnsafeBufferPointer<UInt8>
    private let onRelease: (@Sendable (Int) -> Void)?
    private let onReleaseRange: (@Sendable (Range<Int>) -> Void)?
    private let onDeinit: @Sendable () -> Void

    /// Wraps `buffer`; `release(offset)` is called with page-aligned-or-not offsets already consumed;
    /// `releaseRange(range)`, when given, with a range of bytes (not necessarily page-aligned) that will not
    /// be read again (a part of the input read apart from its start); `free` runs when the bytes are no
    /// longer used.
    public init(
        buffer: UnsafeBufferPointer<UInt8>, release: (@Sendable (Int) -> Void)?,
        releaseRange: (@Sendable (Range<Int>) -> Void)? = nil, free: @escaping @Sendable () -> Void
    ) {
        self.buffer = buffer
        self.onRelease = release
        self.onReleaseRange = releaseRange
        self.onDeinit = free
        self.headerPrefix = nil
        self.parent = nil
    }

    /// Copies `bytes` into memory owned by the returned value.
    public convenience init(copying bytes: [UInt8]) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = storage.initialize(from: bytes)
        let base = UnsafeBufferPointer(start: storage.baseAddress, count: bytes.count)
        nonisolated(unsafe) let owned = storage
        self.init(buffer: base, release: nil, free: { owned.deallocate() })
    }

    /// For a part of a larger input (parallel reading): the header record read before ``buffer``.
    let headerPrefix: UnsafeBufferPointer<UInt8>?
    /// For a part: the whole input it is cut from, kept alive while the part is.
    private let parent: InputBytes?

    /// A part of `parent`: `range` of its bytes, read after the header bytes `header` (also `parent`'s).
    /// Releasing pages of the part releases everything of the parent's before it when `releases` (the part
    /// that starts the file), otherwise only the part's own bytes already read.
    init(part parent: InputBytes, range: Range<Int>, header: Range<Int>, releases: Bool) {
        let base = parent.buffer.baseAddress
        self.buffer = UnsafeBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count)
        self.headerPrefix = UnsafeBufferPointer(start: base.map { $0 + header.lowerBound }, count: header.count)
        self.parent = parent
        let start = range.lowerBound
        if releases {
            self.onRelease = { offset in parent.releasePages(before: start + offset) }
        } else {
            self.onRelease = { offset in parent.releasePages(in: start..<(start + max(0, offset))) }
        }
        self.onReleaseRange = { part in parent.releasePages(in: (start + part.lowerBound)..<(start + part.upperBound)) }
        self.onDeinit = {}
    }

    deinit { onDeinit() }

    public var count: Int { buffer.count }

    /// Tells the owner that bytes before `offset` will not be read again.
    public func releasePages(before offset: Int) { onRelease?(offset) }

    /// Tells the owner that the bytes in `range` will not be read again (the owner keeps pages that also
    /// hold bytes outside it).
    public func releasePages(in range: Range<Int>) {
        guard !range.isEmpty else { return }
        onReleaseRange?(range)
    }
}
