/// A byte-level RFC 4180 CSV reader, shaped after BurntSushi's csv-core: an explicit ``State``, one
/// transition `switch`, and a reusable ``ByteRecord`` (one buffer plus field end offsets).
///
/// - A UTF-8 byte order mark at the start is skipped.
/// - Records end at CRLF, LF or a lone CR; empty lines are skipped (they are not records).
/// - Quoted fields may hold commas, doubled quotes (`""` → `"`) and line breaks. A line break inside quotes
///   moves ``line`` but not the record index.
/// - Malformed quoting never stops the reader: a quote inside an unquoted field (`a"b`) or text after a
///   closing quote (`"a"b`) is kept literally and noted in ``warnings``; an unterminated quote at the end of
///   the input ends the record there and flags it (``RecordPosition/problem``) so that adapters reject it.
/// - A field longer than ``maxFieldBytes`` is cut at the limit and the record is flagged.
///
/// Fields are bytes, never `Character`s (in Swift `"\r\n"` is one `Character`); callers build a `String`
/// only for the fields they keep. The reader tells ``InputBytes`` every 8 MiB which bytes it has consumed.
public struct CSVReader {
    /// Where the reader is inside a record.
    enum State {
        /// Before the first byte of a record (empty lines are skipped here).
        case startRecord
        /// Before the first byte of a field.
        case startField
        /// Inside an unquoted field.
        case inField
        /// Inside a quoted field.
        case inQuotedField
        /// Just after a quote inside a quoted field: either an escaped quote or the closing quote.
        case inEscapedQuote
    }

    /// A problem noticed while reading that did not stop the record from being delivered.
    public struct Warning: Hashable, Sendable {
        /// 1-based line of the problem.
        public var line: Int
        public var message: String
    }

    /// Where the current record came from, and whether it is fit to use.
    public struct RecordPosition: Hashable, Sendable {
        /// Byte offset of the record's first byte in the input.
        public var byteOffset = 0
        /// 1-based line where the record starts.
        public var line = 0
        /// 0-based index of the record among the records of the input (the header is record 0).
        public var index = -1
        /// Set when the record must be rejected (a field over the size limit, an unterminated quote).
        public var problem: String?
    }

    /// The default field size limit: 1 MiB (SPEC §2.4).
    public static let defaultMaxFieldBytes = 1 << 20
    private static let releaseInterval = 8 << 20

    private var bytes: UnsafeBufferPointer<UInt8>
    /// The bytes to read after ``bytes`` (an input part read after its file's header), if any.
    private var following: UnsafeBufferPointer<UInt8>?
    private let input: InputBytes?
    public let maxFieldBytes: Int

    /// The current record's fields; valid until the next call to ``next()``.
    public let record = ByteRecord()
    /// Position and fitness of the current record.
    public private(set) var position = RecordPosition()
    /// Warnings noticed so far (malformed quotes), in input order.
    public private(set) var warnings: [Warning] = []

    private var offset: Int
    private var line = 1
    private var released = 0

    /// Reads `input`, releasing its pages as it goes.
    public init(input: InputBytes, maxFieldBytes: Int = CSVReader.defaultMaxFieldBytes) {
        if let header = input.headerPrefix {
            self.init(bytes: header, input: input, maxFieldBytes: maxFieldBytes)
            following = input.buffer
        } else {
            self.init(bytes: input.buffer, input: input, maxFieldBytes: maxFieldBytes)
        }
    }

    /// Reads `bytes`; `input`, when given, is told which pages have been consumed.
    public init(
        bytes: UnsafeBufferPointer<UInt8>, input: InputBytes? = nil,
        maxFieldBytes: Int = CSVReader.defaultMaxFieldBytes
    ) {
        self.bytes = bytes
        self.input = input
        self.maxFieldBytes = max(maxFieldBytes, 1)
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        offset = hasBOM ? 3 : 0
    }

    /// The byte offset up to which the input has been consumed.
    public var consumedOffset: Int { offset }

    /// Reads the next record into ``record``; false at the end of the input.
    public mutating func next() -> Bool {
        if let rest = following, offset >= bytes.count {
            // The header of a part is done: continue with the part's own bytes.
            bytes = rest
            following = nil
            offset = 0
            released = 0
        }
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var out = Writer(record.storage, limit: maxFieldBytes)
        var p = offset
        var state = State.startRecord
        var quoteLine = 0

        defer {
            out.store(into: record.storage)
            offset = p
            if let input, p - released >= CSVReader.releaseInterval {
                released = p
                input.releasePages(before: p)
            }
        }

        while true {
            switch state {
            case .startRecord:
                guard p < count else { return false }
                let b = base[p]
                if b == Byte.lf {
                    line += 1
                    p += 1
                } else if b == Byte.cr {
                    p += 1
                    if p < count && base[p] == Byte.lf { p += 1 }
                    line += 1
                } else {
                    position = RecordPosition(byteOffset: p, line: line, index: position.index + 1, problem: nil)
                    state = .startField
                }

            case .startField:
                if p < count && base[p] == Byte.quote {
                    p += 1
                    quoteLine = line
                    state = .inQuotedField
                } else {
                    state = .inField
                }

            case .inField:
                let start = p
                while p < count {
                    let b = base[p]
                    if b == Byte.comma || b == Byte.lf || b == Byte.cr || b == Byte.quote { break }
                    p += 1
                }
                out.append(base + start, p - start)
                guard p < count else {
                    out.endField()
                    return deliver(out.problem)
                }
                let b = base[p]
                p += 1
                if b == Byte.comma {
                    out.endField()
                    state = .startField
                } else if b == Byte.quote {
                    warnings.append(Warning(line: line, message: "quote inside an unquoted field; kept as text"))
                    out.append(base + p - 1, 1)
                } else {
                    if b == Byte.cr && p < count && base[p] == Byte.lf { p += 1 }
                    line += 1
                    out.endField()
                    return deliver(out.problem)
                }

            case .inQuotedField:
                let start = p
                while p < count {
                    let b = base[p]
                    if b == Byte.quote { break }
                    if b == Byte.lf {
                        line += 1
                    } else if b == Byte.cr && (p + 1 >= count || base[p + 1] != Byte.lf) {
                        line += 1
                    }
                    p += 1
                }
                out.append(base + start, p - start)
                guard p < count else {
                    let message = "unterminated quoted field (the quote opens on line \(quoteLine))"
                    warnings.append(Warning(line: quoteLine, message: message))
                    if out.problem == nil { out.problem = message }
                    out.endField()
                    return deliver(out.problem)
                }
                p += 1
                state = .inEscapedQuote

            case .inEscapedQuote:
                guard p < count else {
                    out.endField()
                    return deliver(out.problem)
                }
                let b = base[p]
                if b == Byte.quote {
                    out.append(base + p, 1)
                    p += 1
                    state = .inQuotedField
                } else if b == Byte.comma {
                    p += 1
                    out.endField()
                    state = .startField
                } else if b == Byte.lf || b == Byte.cr {
                    p += 1
                    if b == Byte.cr && p < count && base[p] == Byte.lf { p += 1 }
                    line += 1
                    out.endField()
                    return deliver(out.problem)
                } else {
                    warnings.append(Warning(line: line, message: "text after a closing quote; kept as text"))
                    state = .inField
                }
            }
        }
    }

    private mutating func deliver(_ problem: String?) -> Bool {
        position.problem = problem
        return true
    }

    /// The record's buffers as locals for the hot loop: appends bytes up to the field size limit (noting
    /// the problem once) and ends fields; written back to the record's storage when the record is done.
    private struct Writer {
        var buffers: ByteRecord.Buffers
        var fieldStart = 0
        let limit: Int
        var problem: String?

        init(_ storage: ByteRecord.Storage, limit: Int) {
            buffers = storage.state.pointee
            buffers.byteCount = 0
            buffers.endCount = 0
            self.limit = limit
        }

        func store(into storage: ByteRecord.Storage) { storage.state.pointee = buffers }

        @inline(__always)
        mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
            guard length > 0 else { return }
            var length = length
            let room = limit - (buffers.byteCount - fieldStart)
            if length > room {
                length = max(room, 0)
                if problem == nil {
                    problem = "field \(buffers.endCount + 1) is longer than \(CSVReader.describe(bytes: limit))"
                }
            }
            if buffers.byteCount + length > buffers.byteCapacity {
                ByteRecord.grow(
                    &buffers.bytes, capacity: &buffers.byteCapacity, count: buffers.byteCount,
                    needed: buffers.byteCount + length)
            }
            let target = buffers.bytes + buffers.byteCount
            if length <= 16 {
                for i in 0..<length { target[i] = start[i] }
            } else {
                target.update(from: start, count: length)
            }
            buffers.byteCount += length
        }

        @inline(__always)
        mutating func endField() {
            if buffers.endCount == buffers.endCapacity {
                ByteRecord.grow(
                    &buffers.ends, capacity: &buffers.endCapacity, count: buffers.endCount,
                    needed: buffers.endCount + 1)
            }
            buffers.ends[buffers.endCount] = buffers.byteCount
            buffers.endCount += 1
            fieldStart = buffers.byteCount
        }
    }

    static func describe(bytes: Int) -> String {
        if bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

/// ASCII bytes the readers look for.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let backslash: UInt8 = 0x5C
}
