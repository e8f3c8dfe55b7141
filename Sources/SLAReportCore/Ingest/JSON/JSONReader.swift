/// A problem in JSON input: where and what. Limits (depth, string size, record size) are errors too, never a
/// crash.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Not valid JSON.
        case syntax
        /// Nested deeper than the depth limit (64).
        case tooDeep
        /// A string (or number) longer than the size limit (1 MiB).
        case tooLong
        /// A record (a top-level value, an array element, an element of a page) larger than the record limit.
        case tooLarge
    }

    public var kind: Kind
    /// 1-based line where the problem was found.
    public var line: Int
    public var message: String

    public init(_ kind: Kind, line: Int, message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// One top-level value (or element of a top-level array) with the 1-based line where it starts.
public struct JSONItem: Sendable {
    public var line: Int
    /// Absolute byte offset of the value's first byte.
    public var offset: Int
    public var result: Result<JSONValue, JSONError>

    public init(line: Int, offset: Int = 0, result: Result<JSONValue, JSONError>) {
        self.line = line
        self.offset = offset
        self.result = result
    }

    /// The value, nil when it failed to parse.
    public var value: JSONValue? { try? result.get() }
}

/// A byte-level JSON reader that keeps line numbers, enforces limits and reads from a stream.
///
/// It reads every shape slareport meets: one value (a Zendesk page), several values one after another
/// (concatenated pages), NDJSON / JSON Lines (one value per line, blank lines skipped), and a top-level
/// array of records. ``nextValue()`` returns the top-level values; ``nextRecord()`` returns the elements of
/// top-level arrays and every other top-level value, which is what record-per-object formats want;
/// ``nextPage(recordKeys:)`` (in `JSONReader+Pages.swift`) reads page objects element by element.
///
/// Reading from a stream, the reader keeps a window of the input that holds the whole value being parsed:
/// before a value is parsed, a structural scan (``JSONScan``) finds its end, reading more as needed, up to
/// ``maxRecordBytes``. A larger value is an error of that record (``JSONError/Kind/tooLarge``) and is
/// skipped to its end without being held. Lines are counted across the whole input (CRLF, LF or a lone CR
/// is one line break), so every line is absolute.
///
/// A value that fails to parse becomes a failed ``JSONItem`` carrying the line, and reading goes on: after
/// an error on the line where the value starts (a bad NDJSON line) at the next line; otherwise after the
/// value's end found by the scan. Nesting deeper than ``maxDepth`` (counted from the top: a top-level
/// array is depth 1) and strings over ``maxStringBytes`` are errors of that record. Recursion is bounded by
/// the depth limit, so hostile input cannot overflow the stack. Strings decode every escape, surrogate pairs
/// included; a lone surrogate becomes U+FFFD, as does invalid UTF-8.
public struct JSONReader {
    public static let defaultMaxDepth = 64
    public static let defaultMaxStringBytes = 1 << 20
    public static let defaultMaxRecordBytes = 64 << 20

    /// The bytes being parsed: the whole input, or the window's bytes (refreshed when the window moves).
    var bytes: UnsafeBufferPointer<UInt8>
    /// The window over a stream; nil when ``bytes`` is the whole input.
    let window: JSONWindow?
    /// The stream of an in-memory input, kept so that its bytes stay alive.
    private let owner: ByteStream?
    public let maxDepth: Int
    public let maxStringBytes: Int
    public let maxRecordBytes: Int

    var pos: Int
    var line = 1
    /// No byte follows ``bytes``.
    var atEnd: Bool
    /// The value being parsed is cut short by the record limit: an end of input inside it means "too large".
    var truncated = false
    /// The scan of the value being parsed.
    var scan = JSONScan(at: 0, line: 1)
    /// While a page's member is parsed: where its arrays' elements start (nil otherwise: nothing noted).
    var tracker: JSONLineTracker?
    var scratch: [UInt8] = []

    /// Whether the input is one value per line (NDJSON), judged from the first value that parsed.
    var lineDelimited: Bool?
    var inArray = false
    var arrayNeedsComma = false
    var arrayLine = 0

    /// Reads `stream` from its position.
    public init(
        stream: ByteStream, maxDepth: Int = JSONReader.defaultMaxDepth,
        maxStringBytes: Int = JSONReader.defaultMaxStringBytes, maxRecordBytes: Int = JSONReader.defaultMaxRecordBytes,
        chunkBytes: Int = CSVReader.defaultChunkBytes
    ) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxRecordBytes = max(maxRecordBytes, 64)
        var stream = stream
        if let memory = stream.takeMemory() {
            bytes = memory
            window = nil
            owner = stream
            atEnd = true
        } else {
            let window = JSONWindow(
                stream: stream, initialCapacity: chunkBytes, maxCapacity: self.maxRecordBytes + max(chunkBytes, 64))
            self.window = window
            owner = nil
            bytes = UnsafeBufferPointer(start: window.bytes, count: 0)
            atEnd = false
        }
        pos = 0
        skipByteOrderMark()
    }

    /// Reads `bytes` (which must outlive the reader), all there is.
    public init(
        bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int = JSONReader.defaultMaxDepth,
        maxStringBytes: Int = JSONReader.defaultMaxStringBytes
    ) {
        self.bytes = bytes
        window = nil
        owner = nil
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        maxRecordBytes = Int.max
        atEnd = true
        pos = 0
        skipByteOrderMark()
    }

    private mutating func skipByteOrderMark() {
        _ = ensureBytes(3)
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3 }
    }

    /// What to tell the user when the input ended early (a file that shrank, a read error).
    public var earlyEndMessage: String? { window?.earlyEndMessage }

    /// Absolute offset of the next byte.
    public var offset: Int { (window?.base ?? 0) + pos }

    /// The 1-based line of the next byte.
    public var currentLine: Int { line }

    /// Whether the first byte that is not white space opens a JSON object or array.
    public static func looksLikeJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var reader = JSONReader(bytes: bytes)
        reader.skipWhitespace()
        let b = reader.peek()
        return b == UInt8(ascii: "{") || b == UInt8(ascii: "[")
    }

    /// The keys of the first object in the input — the top-level object, or the first element of a
    /// top-level array — read without parsing the values; nil when there is no such object.
    public static func firstObjectKeys(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        var reader = JSONReader(bytes: bytes)
        reader.skipWhitespace()
        if reader.peek() == UInt8(ascii: "[") {
            reader.pos += 1
            reader.skipWhitespace()
        }
        guard reader.peek() == UInt8(ascii: "{") else { return nil }
        reader.pos += 1
        var keys: [String] = []
        while true {
            reader.skipWhitespace()
            guard reader.peek() == Byte.quote, let key = try? reader.parseString() else { return keys }
            keys.append(key)
            reader.skipWhitespace()
            guard reader.peek() == Byte.colon else { return keys }
            reader.pos += 1
            reader.skipWhitespace()
            reader.scan = JSONScan(at: reader.pos, line: reader.line)
            guard reader.skipValue() else { return keys }
            reader.skipWhitespace()
            guard reader.peek() == Byte.comma else { return keys }
            reader.pos += 1
        }
    }

    /// The next top-level value, or nil at the end of the input.
    public mutating func nextValue() -> JSONItem? {
        skipWhitespace()
        guard hasByte() else { return nil }
        ensureValue()
        let start = pos
        let startLine = line
        let startOffset = offset
        do {
            let value = try parseValue(depth: 0)
            if lineDelimited == nil { lineDelimited = line == startLine }
            return JSONItem(line: startLine, offset: startOffset, result: .success(value))
        } catch {
            recover(from: start, startLine: startLine, error: error)
            return JSONItem(line: startLine, offset: startOffset, result: .failure(error))
        }
    }

    /// The next record: an element of a top-level array, or a top-level value that is not an array; nil at
    /// the end of the input.
    public mutating func nextRecord() -> JSONItem? {
        guard let step = nextRecordStart() else { return nil }
        if let failure = step.failure { return failure }
        guard step.inArray else { return nextValue() }
        return readArrayElement()
    }

    /// Parses the element of a top-level array at ``pos`` (depth counted from the array).
    mutating func readArrayElement() -> JSONItem {
        ensureValue()
        let start = pos
        let startLine = line
        let startOffset = offset
        arrayNeedsComma = true
        do {
            let value = try parseValue(depth: 1)
            return JSONItem(line: startLine, offset: startOffset, result: .success(value))
        } catch {
            pos = start
            line = startLine
            if !skipValue() { inArray = false }
            return JSONItem(line: startLine, offset: startOffset, result: .failure(error))
        }
    }

    /// Where the next record starts: moves over the brackets and commas of top-level arrays. Nil at the end
    /// of the input; a failure when an array is broken; otherwise whether the record is an array element.
    mutating func nextRecordStart() -> (inArray: Bool, failure: JSONItem?)? {
        while true {
            guard inArray else {
                skipWhitespace()
                guard hasByte() else { return nil }
                if peek() == UInt8(ascii: "[") {
                    arrayLine = line
                    pos += 1
                    inArray = true
                    arrayNeedsComma = false
                    continue
                }
                return (false, nil)
            }
            skipWhitespace()
            guard hasByte() else {
                inArray = false
                let error = JSONError(
                    .syntax, line: line,
                    message: "unexpected end of input: the array opened on line \(arrayLine) is not closed")
                return (true, JSONItem(line: line, offset: offset, result: .failure(error)))
            }
            if peek() == UInt8(ascii: "]") {
                pos += 1
                inArray = false
                continue
            }
            if arrayNeedsComma {
                guard peek() == Byte.comma else {
                    let error = JSONError(.syntax, line: line, message: "expected ',' or ']' after an array element")
                    let item = JSONItem(line: line, offset: offset, result: .failure(error))
                    inArray = false
                    skipToNextLine()
                    return (true, item)
                }
                pos += 1
                arrayNeedsComma = false
                continue  // a trailing comma before ']' is tolerated
            }
            return (true, nil)
        }
    }

    // MARK: - Recovery

    mutating func recover(from start: Int, startLine: Int, error: JSONError) {
        if error.line == startLine {
            skipToNextLine()
            return
        }
        pos = start
        line = startLine
        if lineDelimited == true {
            // NDJSON: a line cut short must not swallow the lines after it.
            skipToNextLine()
            return
        }
        if !skipValue() { pos = bytes.count }
    }

    mutating func skipToNextLine() {
        while true {
            while pos < bytes.count {
                let b = bytes[pos]
                pos += 1
                if b == Byte.lf {
                    if !isAfterCR(pos - 1) { line += 1 }
                    return
                }
                if b == Byte.cr {
                    line += 1
                    if pos < bytes.count && bytes[pos] == Byte.lf { pos += 1 }
                    return
                }
            }
            guard more() else { return }
        }
    }

    /// Skips the value whose scan is ``scan`` (started at its first byte), reading on without holding the
    /// bytes when it is larger than the window. False at the end of the input.
    mutating func skipValue() -> Bool {
        while true {
            if let base = bytes.baseAddress {
                scan.scan(base, count: bytes.count, droppedCR: window?.droppedCR ?? false)
            }
            if scan.done {
                pos = scan.end
                line = scan.line
                return true
            }
            pos = scan.index
            line = scan.line
            guard more() else {
                pos = bytes.count
                return false
            }
        }
    }

    // MARK: - The window

    /// Whether the byte before index `i` is a CR.
    func isAfterCR(_ i: Int) -> Bool {
        i > 0 ? bytes[i - 1] == Byte.cr : (window?.droppedCR ?? false)
    }

    /// Whether there is a byte at ``pos`` (reading more when the window is used up).
    mutating func hasByte() -> Bool { pos < bytes.count || more() }

    /// Reads more input, dropping every byte before ``pos`` (no earlier byte is needed any more). False at
    /// the end of the input.
    mutating func more() -> Bool {
        guard !atEnd, let window else { return false }
        window.drop(before: pos)
        scan.shift(by: pos)
        pos = 0
        let n = window.fill()
        bytes = UnsafeBufferPointer(start: window.bytes, count: window.count)
        if n == 0 { atEnd = true }
        return n > 0
    }

    /// Makes sure at least `count` bytes from ``pos`` are in the window (fewer at the end of the input).
    mutating func ensureBytes(_ count: Int) -> Bool {
        while bytes.count - pos < count {
            guard more() else { return false }
        }
        return true
    }

    /// Before parsing the value at ``pos``: scans it, reading more until its end is in the window or it is
    /// larger than ``maxRecordBytes`` (then ``truncated`` is set, and parsing it fails as too large).
    mutating func ensureValue() {
        scan = JSONScan(at: pos, line: line)
        truncated = false
        // The whole input is in memory: nothing to read, and the scan is only needed to skip a bad value.
        guard window != nil else { return }
        while true {
            if let base = bytes.baseAddress {
                scan.scan(base, count: bytes.count, droppedCR: window?.droppedCR ?? false)
            }
            if scan.done || atEnd { return }
            guard let window else { return }
            if bytes.count - pos >= maxRecordBytes {
                truncated = true
                return
            }
            window.drop(before: pos)
            scan.shift(by: pos)
            pos = 0
            let n = window.fill()
            bytes = UnsafeBufferPointer(start: window.bytes, count: window.count)
            if n == 0 {
                if window.count >= window.maxCapacity { truncated = true } else { atEnd = true }
                return
            }
        }
    }

    func peek() -> UInt8 { pos < bytes.count ? bytes[pos] : 0 }

    /// White space between values, reading more input as the window is used up.
    mutating func skipWhitespace() {
        while true {
            skipInnerWhitespace()
            guard pos >= bytes.count, more() else { return }
        }
    }
}
