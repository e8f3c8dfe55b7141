import CByteScan

/// A push-based, byte-level RFC 4180 CSV parser, shaped after BurntSushi's csv-core: the caller feeds bytes
/// in chunks of any size (``read(_:final:into:)``) and gets back a record, "input empty" (feed more), or the
/// end. Nothing needs the whole input at once, so the same parser reads a file in N parts, a pipe, or a file
/// that shrinks while it is read, and every position it reports is absolute (byte offset and line).
///
/// - A UTF-8 byte order mark at the start is skipped.
/// - Records end at CRLF, LF or a lone CR (each one line break, also across a chunk boundary); empty lines
///   are skipped (they are not records). The separator is given (`,`, `;` or a tab).
/// - Quoted fields may hold separators, doubled quotes (`""` → `"`) and line breaks; a line break inside
///   quotes moves ``line`` but not the record index.
/// - Malformed quoting never stops the parser. A quote inside an unquoted field (`a"b`) or text after a
///   closing quote (`"a"b`) is kept as text and noted in ``warnings``.
/// - **Recovery**: a quote that never closes (it reaches the end of the input) or a quoted field that
///   reaches the field size limit is given up. The record is delivered flagged (``RecordPosition/problem``,
///   reported at the line where the quote opened, with how far it ran) and parsing resumes at the start of
///   the line after the quote's, as if the quote had been text: one stray quote costs one record, not the
///   rest of the file. The bytes after that line are replayed from a copy kept while the quoted field ran
///   over line breaks (bounded by the field limit), so the caller never has to feed bytes twice.
/// - **Limits** (``Limits``): a field over ``Limits/maxFieldBytes`` is cut there, a record over
///   ``Limits/maxRecordBytes`` is cut there, fields beyond ``Limits/maxFields`` are dropped; each flags the
///   record, so that adapters reject it, and memory stays bounded whatever the input.
///
/// Fields are bytes, never `Character`s (in Swift `"\r\n"` is one `Character`); callers build a `String` only
/// for the fields they keep.
public struct CSVCore {
    /// What ``read(_:final:into:)`` stopped for.
    public enum Step: Hashable, Sendable {
        /// A record is in the ``ByteRecord``; its position is ``CSVCore/position``.
        case record
        /// Every byte given was consumed without finishing a record: feed more (or `final: true`).
        case inputEmpty
        /// The input is finished (only after `final: true`).
        case end
    }

    /// Bounds that keep one record's memory small whatever the input holds.
    public struct Limits: Hashable, Sendable {
        /// A field over this many bytes flags its record (SPEC §2.4: 1 MiB).
        public var maxFieldBytes: Int
        /// A record over this many bytes (all fields together) flags it.
        public var maxRecordBytes: Int
        /// A record with more fields than this flags it (the spreadsheet limit: 16,384 columns).
        public var maxFields: Int

        public init(maxFieldBytes: Int = 1 << 20, maxRecordBytes: Int = 16 << 20, maxFields: Int = 16_384) {
            self.maxFieldBytes = max(maxFieldBytes, 1)
            self.maxRecordBytes = max(maxRecordBytes, 1)
            self.maxFields = max(maxFields, 1)
        }

        public static let standard = Limits()
    }

    /// A problem noticed while reading that did not stop the record from being delivered.
    public struct Warning: Hashable, Sendable {
        /// 1-based line of the problem.
        public var line: Int
        /// Absolute byte offset of the byte at fault.
        public var byteOffset: Int
        public var message: String
    }

    /// Where the current record came from, and whether it is fit to use.
    public struct RecordPosition: Hashable, Sendable {
        /// Absolute byte offset of the record's first byte (of the quote, for a given-up quoted field).
        public var byteOffset = 0
        /// 1-based line where the record starts (where the quote opened, for a given-up quoted field).
        public var line = 0
        /// 0-based index of the record among the records of the input (the header is record 0).
        public var index = -1
        /// Set when the record must be rejected (a limit reached, a quote that never closes).
        public var problem: String?
        /// The record was ended by the end of the input, not by a line break.
        public var endedByInputEnd = false

        /// The position of a plain record, fit to use: the same as a new position with these three, but
        /// field by field, so that the (absent) problem's text is released only when there is one (the
        /// plain records' path, once per record).
        @inline(__always)
        mutating func setPlain(byteOffset: Int, line: Int, index: Int) {
            self.byteOffset = byteOffset
            self.line = line
            self.index = index
            if problem != nil { problem = nil }
            endedByInputEnd = false
        }
    }

    /// Where the parser is inside a record.
    enum State: UInt8 {
        /// Before the first byte of a record (empty lines are skipped here).
        case startRecord
        /// Before the first byte of a field.
        case startField
        /// Inside an unquoted field.
        case inField
        /// Inside a quoted field.
        case inQuotedField
        /// Just after a quote inside a quoted field: an escaped quote or the closing quote.
        case inEscapedQuote
        /// After a quoted field was given up on its own line: the rest of that line is skipped.
        case skipLine
    }

    public let separator: UInt8
    public let limits: Limits
    /// Whether whole plain records are read in one go, in place (``readPlainRecord(_:into:)``); off only to
    /// test that the result is the same.
    public let usesFastPath: Bool
    /// At most this many warnings are kept; the others are only counted (``suppressedWarnings``).
    public static let maxWarnings = 100

    /// The 1-based line of the next byte.
    public private(set) var line = 1
    /// Position and fitness of the last record delivered.
    public private(set) var position = RecordPosition()
    /// Warnings noticed so far, in input order (the first ``maxWarnings``).
    public private(set) var warnings: [Warning] = []
    /// Warnings noticed beyond ``maxWarnings``.
    public private(set) var suppressedWarnings = 0

    private var state = State.startRecord
    /// The last line break was a CR: an LF right after it belongs to it.
    private var skipLF = false
    /// The byte before the next one was a CR (for line counting inside quoted fields across chunks).
    private var previousWasCR = false
    /// Bytes of the byte order mark matched so far (3 = done, or none at the start).
    private var bomMatched = 0
    private var bomDone = false
    /// Absolute offset of the next byte of the caller's input.
    private var inputOffset = 0

    // The record being read.
    private var recordIndex = -1
    private var recordOffset = 0
    private var recordLine = 0
    private var problem: String?
    private var fieldLength = 0
    private var fieldCount = 0

    // The quoted field being read, and the copy of its bytes from the line after the quote's.
    private var quoteLine = 0
    private var quoteOffset = 0
    private var quoteField = 0
    private var recording = false
    private var raw: [UInt8] = []
    private var resumeOffset = 0
    private var resumeLine = 0
    private var resumeSkipLF = false

    // Bytes to read again before the caller's input (after a recovery), from `replayPosition` on.
    private var replay: [UInt8] = []
    private var replayPosition = 0
    private var replayOffset = 0

    /// A parser for fields separated by `separator`, starting at absolute offset `offset` and line `line`
    /// (a part of a file read on its own starts there, without a byte order mark).
    public init(
        separator: UInt8 = Byte.comma, limits: Limits = .standard, offset: Int = 0, line: Int = 1,
        usesFastPath: Bool = true
    ) {
        self.separator = separator
        self.limits = limits
        self.usesFastPath = usesFastPath
        self.inputOffset = offset
        self.line = line
        bomDone = offset != 0
    }

    /// Whether the parser sits between records with nothing pending: a part of the input that stops here
    /// ends on a record boundary.
    public var isAtRecordBoundary: Bool {
        state == .startRecord && replayPosition >= replay.count && !skipLF && (bomDone || bomMatched == 0)
    }

    /// Absolute offset of the next byte of the caller's input.
    public var offset: Int { inputOffset }

    /// Parses from `input` into `record` until a record is complete or `input` is used up; `final` says that
    /// no byte follows `input`. Returns what it stopped for and how many bytes of `input` it consumed (the
    /// rest must be given again, first, on the next call).
    public mutating func read(
        _ input: UnsafeBufferPointer<UInt8>, final: Bool, into record: ByteRecord
    ) -> (step: Step, consumed: Int) {
        var consumed = 0
        if !bomDone {
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            while bomMatched < 3, consumed < input.count, input[consumed] == bom[bomMatched] {
                bomMatched += 1
                consumed += 1
            }
            if bomMatched == 3 {
                bomDone = true
                inputOffset += 3
            } else if consumed < input.count || final {
                // Not a byte order mark after all: the bytes matched are data.
                bomDone = true
                replay = Array(bom[0..<bomMatched])
                replayPosition = 0
                replayOffset = inputOffset
                inputOffset += bomMatched
            } else {
                return (.inputEmpty, consumed)
            }
        }
        while replayPosition < replay.count {
            // Shares the bytes (no copy): `run` never touches `replay` itself.
            let span = replay
            let from = replayPosition
            let result = span.withUnsafeBufferPointer { bytes -> (Step, Int, [UInt8]?) in
                guard let base = bytes.baseAddress else { return (.inputEmpty, 0, nil) }
                return run(
                    base + from, bytes.count - from, at: replayOffset + from, final: final && consumed == input.count,
                    record)
            }
            if let again = result.2 {
                // A recovery inside the replayed bytes: its own copy comes first, then what was not read yet.
                replay = again + span[(from + result.1)...]
                replayOffset = resumeOffset
                replayPosition = 0
            } else {
                replayPosition = from + result.1
                if replayPosition >= span.count {
                    replay = []
                    replayPosition = 0
                }
            }
            if result.0 != .inputEmpty { return (result.0, consumed) }
        }
        guard let base = input.baseAddress, consumed < input.count else {
            if final {
                let empty: [UInt8] = [0]
                let result = empty.withUnsafeBufferPointer { bytes -> (Step, Int, [UInt8]?) in
                    guard let base = bytes.baseAddress else { return (.end, 0, nil) }
                    return run(base, 0, at: inputOffset, final: true, record)
                }
                if let again = result.2 {
                    replay = again
                    replayPosition = 0
                    replayOffset = resumeOffset
                }
                return (result.0, consumed)
            }
            return (.inputEmpty, consumed)
        }
        let start = consumed
        let result = run(base + start, input.count - start, at: inputOffset, final: final, record)
        inputOffset += result.1
        consumed += result.1
        if let again = result.2 {
            replay = again
            replayPosition = 0
            replayOffset = resumeOffset
        }
        return (result.0, consumed)
    }

    /// ``read(_:final:into:)`` for the common case alone, without the state machine's set-up: when the parser
    /// sits at the start of a record with nothing pending and `input` starts with a plain record and its line
    /// break (``plainRecord(_:from:count:separator:separatorWord:limits:into:)``), reads it into `record` and
    /// returns the bytes consumed; otherwise nil, having consumed nothing (``read(_:final:into:)`` then reads
    /// on as if this had not been called).
    @inline(__always)
    public mutating func readPlainRecord(_ input: UnsafeBufferPointer<UInt8>, into record: ByteRecord) -> Int? {
        guard usesFastPath, state == .startRecord, bomDone, replayPosition >= replay.count,
            let base = input.baseAddress, input.count > 0, base[0] != Byte.lf, base[0] != Byte.cr,
            let next = Self.maskRecord(
                base, from: 0, count: input.count, separator: separator, limits: limits,
                into: &record.storage.state.pointee)
                ?? Self.plainRecord(
                    base, from: 0, count: input.count, separator: separator,
                    separatorWord: UInt64(separator) &* Self.ones, limits: limits, into: &record.storage.state.pointee)
        else { return nil }
        recordIndex += 1
        recordOffset = inputOffset
        recordLine = line
        line += 1
        skipLF = next.afterLoneCR
        previousWasCR = base[next.end - 1] == Byte.cr
        inputOffset += next.end
        fieldCount = record.storage.state.pointee.endCount
        fieldLength = 0
        if problem != nil { problem = nil }
        position.setPlain(byteOffset: recordOffset, line: recordLine, index: recordIndex)
        return next.end
    }

    /// The state machine over `count` bytes at `base` (absolute offset `absolute`): what it stopped for,
    /// how many bytes it consumed, and — after a recovery — the bytes to read again. Byte by byte, copying
    /// the fields: plain records are read in place before it is called (``readPlainRecord(_:into:)``).
    private mutating func run(
        _ base: UnsafePointer<UInt8>, _ count: Int, at absolute: Int, final: Bool, _ record: ByteRecord
    ) -> (Step, Int, [UInt8]?) {
        var out = Writer(record.storage, limits: limits)
        out.fieldLength = fieldLength
        out.fieldCount = fieldCount
        out.problem = problem
        let sep = separator
        let sepWord = UInt64(sep) &* Self.ones
        var p = 0
        var st = state
        var ln = line
        defer {
            out.store(into: record.storage)
            fieldLength = out.fieldLength
            fieldCount = out.fieldCount
            problem = out.problem
            state = st
            line = ln
            if p > 0 { previousWasCR = base[p - 1] == Byte.cr }
        }

        while true {
            switch st {
            case .startRecord:
                guard p < count else { return (final ? .end : .inputEmpty, p, nil) }
                let b = base[p]
                if b == Byte.lf {
                    if skipLF { skipLF = false } else { ln += 1 }
                    p += 1
                } else if b == Byte.cr {
                    ln += 1
                    skipLF = true
                    p += 1
                } else {
                    skipLF = false
                    out.reset()
                    recordIndex += 1
                    recordOffset = absolute + p
                    recordLine = ln
                    st = .startField
                }

            case .startField:
                guard p < count else {
                    guard final else { return (.inputEmpty, p, nil) }
                    out.endField()
                    st = .startRecord
                    return deliver(&out, at: p, endedByInputEnd: true)
                }
                if base[p] == Byte.quote {
                    quoteLine = ln
                    quoteOffset = absolute + p
                    quoteField = out.fieldCount + 1
                    recording = false
                    raw.removeAll(keepingCapacity: true)
                    p += 1
                    st = .inQuotedField
                } else {
                    st = .inField
                }

            case .inField:
                let start = p
                p = Self.unquotedEnd(base, from: p, to: count, separator: sep, separatorWord: sepWord)
                out.append(base + start, p - start, quoted: false)
                guard p < count else {
                    guard final else { return (.inputEmpty, p, nil) }
                    out.endField()
                    st = .startRecord
                    return deliver(&out, at: p, endedByInputEnd: true)
                }
                let b = base[p]
                p += 1
                if b == sep {
                    out.endField()
                    st = .startField
                } else if b == Byte.quote {
                    warn("quote inside an unquoted field; kept as text", at: absolute + p - 1, line: ln)
                    out.append(base + p - 1, 1, quoted: false)
                } else {
                    ln += 1
                    skipLF = b == Byte.cr
                    out.endField()
                    st = .startRecord
                    return deliver(&out, at: p)
                }

            case .inQuotedField:
                let start = p
                // Never scan past the field limit: a stray quote costs at most that much.
                let room = limits.maxFieldBytes - out.fieldLength
                let stop = count - p > room ? p + room + 1 : count
                var rawFrom = recording ? p : -1
                while p < stop {
                    p = Self.quotedEnd(base, from: p, to: stop)
                    guard p < stop, base[p] != Byte.quote else { break }
                    // A line break inside the quotes (an LF right after a CR is the same one).
                    let isLF = base[p] == Byte.lf
                    if !isLF || !(p > 0 ? base[p - 1] == Byte.cr : previousWasCR) { ln += 1 }
                    if !recording {
                        recording = true
                        resumeOffset = absolute + p + 1
                        resumeLine = ln
                        resumeSkipLF = !isLF
                        rawFrom = p + 1
                    }
                    p += 1
                }
                if rawFrom >= 0 && p > rawFrom {
                    raw.append(contentsOf: UnsafeBufferPointer(start: base + rawFrom, count: p - rawFrom))
                }
                if p - start > room {
                    out.append(base + start, room, quoted: true)
                    return giveUpQuote(atInputEnd: false, &out, at: p, state: &st, line: &ln)
                }
                out.append(base + start, p - start, quoted: true)
                guard p < count else {
                    guard final else { return (.inputEmpty, p, nil) }
                    return giveUpQuote(atInputEnd: true, &out, at: p, state: &st, line: &ln)
                }
                p += 1
                if recording { raw.append(Byte.quote) }
                st = .inEscapedQuote

            case .inEscapedQuote:
                guard p < count else {
                    guard final else { return (.inputEmpty, p, nil) }
                    out.endField()
                    st = .startRecord
                    return deliver(&out, at: p, endedByInputEnd: true)
                }
                let b = base[p]
                if b == Byte.quote {
                    if out.fieldLength >= limits.maxFieldBytes {
                        p += 1
                        if recording { raw.append(Byte.quote) }
                        return giveUpQuote(atInputEnd: false, &out, at: p, state: &st, line: &ln)
                    }
                    out.append(base + p, 1, quoted: true)
                    if recording { raw.append(Byte.quote) }
                    p += 1
                    st = .inQuotedField
                } else if b == sep {
                    p += 1
                    recording = false
                    out.endField()
                    st = .startField
                } else if b == Byte.lf || b == Byte.cr {
                    p += 1
                    ln += 1
                    skipLF = b == Byte.cr
                    recording = false
                    out.endField()
                    st = .startRecord
                    return deliver(&out, at: p)
                } else {
                    warn("text after a closing quote; kept as text", at: absolute + p, line: ln)
                    recording = false
                    st = .inField
                }

            case .skipLine:
                while p < count && base[p] != Byte.lf && base[p] != Byte.cr { p += 1 }
                guard p < count else {
                    guard final else { return (.inputEmpty, p, nil) }
                    st = .startRecord
                    return (.end, p, nil)
                }
                ln += 1
                skipLF = base[p] == Byte.cr
                p += 1
                st = .startRecord
            }
        }
    }

    /// Delivers the record read (its position and problem), `p` bytes consumed.
    @inline(__always)
    private mutating func deliver(_ out: inout Writer, at p: Int, endedByInputEnd: Bool = false) -> (
        Step, Int, [UInt8]?
    ) {
        position = RecordPosition(
            byteOffset: recordOffset, line: recordLine, index: recordIndex, problem: out.problem,
            endedByInputEnd: endedByInputEnd)
        out.problem = nil
        return (.record, p, nil)
    }

    /// Gives up the quoted field: the record is delivered flagged, at the quote's line, and reading goes
    /// on at the line after the quote's (replaying the copy made from there) or after the quote's line.
    private mutating func giveUpQuote(
        atInputEnd: Bool, _ out: inout Writer, at p: Int, state st: inout State, line ln: inout Int
    ) -> (Step, Int, [UInt8]?) {
        let lines = ln - quoteLine
        let over = "over \(lines) more line\(lines == 1 ? "" : "s")"
        let limit = CSVReader.describe(bytes: limits.maxFieldBytes)
        let message: String
        switch (atInputEnd, lines) {
        case (true, 0):
            message = "the quote that opens field \(quoteField) never closes (it runs to the end of the input)"
        case (true, _):
            message =
                "the quote that opens field \(quoteField) never closes: it runs \(over) to the end of the input; "
                + "it is taken as text and reading resumes on the next line"
        case (false, 0):
            message =
                "the quoted field \(quoteField) is not closed within \(limit) on its line; "
                + "it is taken as text and reading resumes on the next line"
        case (false, _):
            message =
                "the quoted field \(quoteField) is not closed within \(limit) (it ran \(over)); "
                + "it is taken as text and reading resumes on the next line"
        }
        out.endField()
        position = RecordPosition(
            byteOffset: quoteOffset, line: quoteLine, index: recordIndex, problem: message,
            endedByInputEnd: atInputEnd)
        out.problem = nil
        if recording {
            recording = false
            let again = raw
            raw = []
            ln = resumeLine
            skipLF = resumeSkipLF
            st = .startRecord
            return (.record, p, again)
        }
        st = atInputEnd ? .startRecord : .skipLine
        return (.record, p, nil)
    }

    /// Notes a warning at `offset`, on line `line`.
    private mutating func warn(_ message: String, at offset: Int, line: Int) {
        if warnings.count < CSVCore.maxWarnings {
            warnings.append(Warning(line: line, byteOffset: offset, message: message))
        } else {
            suppressedWarnings += 1
        }
    }

    // MARK: - One plain record at a time

    /// The fast path of the state machine, for the records most files are made of: reads the record that
    /// starts at `start` whole, when it ends with a line break inside `base[start..<count]` and every field
    /// is plain (no quote) or quoted without a doubled quote or a line break inside, and no limit is
    /// reached. Its fields are not copied: `buffers` gets their offsets from `base` (``ByteRecord/Buffers/base``),
    /// and the offset after the line break is returned (with whether that break was a lone CR, after which an
    /// LF would belong to it). Anything else returns nil, and the byte-by-byte machine reads the record: the
    /// result is the same either way (a test reads random inputs both ways).
    @inline(__always)
    static func plainRecord(
        _ base: UnsafePointer<UInt8>, from start: Int, count: Int, separator sep: UInt8, separatorWord: UInt64,
        limits: Limits, into buffers: inout ByteRecord.Buffers
    ) -> (end: Int, afterLoneCR: Bool)? {
        buffers.clear()
        buffers.base = base
        var stops = Stops(base, count: count, separator: sep, separatorWord: separatorWord)
        var q = start
        while q < count {
            guard buffers.endCount < limits.maxFields else { return nil }
            if base[q] == Byte.quote {
                let r = stops.quotedEnd(from: q + 1)
                guard r < count, base[r] == Byte.quote else { return nil }
                // The closing quote (a doubled quote or text after it is not a separator or a line break
                // below, so the byte machine reads it).
                buffers.addField(from: q + 1, to: r)
                q = r + 1
            } else {
                let r = stops.unquotedEnd(from: q)
                guard r < count, base[r] != Byte.quote else { return nil }
                buffers.addField(from: q, to: r)
                q = r
            }
            guard q < count else { return nil }
            if base[q] == sep {
                q += 1
                continue
            }
            return recordEnd(
                base, at: q, from: start, count: count, limits: limits, starts: buffers.starts, ends: buffers.ends,
                fields: buffers.endCount)
        }
        return nil
    }

    /// Where a plain record whose last field ends at `q` (not at a separator) ends, for
    /// ``plainRecord(_:from:count:separator:separatorWord:limits:into:)`` and
    /// ``maskRecord(_:from:count:separator:limits:into:)``: the offset after its line break (with whether that
    /// break was a lone CR), when the byte at `q` is a line break and the record's `fields` fields (`starts`,
    /// `ends`) are within the limits; nil otherwise (a quote there, inside a plain field or right after a
    /// closing one, is the byte machine's: it warns or reads a doubled quote).
    @inline(__always)
    static func recordEnd(
        _ base: UnsafePointer<UInt8>, at q: Int, from start: Int, count: Int, limits: Limits,
        starts: UnsafePointer<Int>, ends: UnsafePointer<Int>, fields: Int
    ) -> (end: Int, afterLoneCR: Bool)? {
        // Offsets inside the bytes at hand: the sums cannot overflow.
        let b = base[q]
        let next: (end: Int, afterLoneCR: Bool)
        if b == Byte.lf {
            next = (q &+ 1, false)
        } else {
            guard b == Byte.cr, q &+ 1 < count else { return nil }
            next = base[q &+ 1] == Byte.lf ? (q &+ 2, false) : (q &+ 1, true)
        }
        // The limits on the bytes kept, checked field by field only when the record could reach one.
        if q &- start > min(limits.maxFieldBytes, limits.maxRecordBytes) {
            var total = 0
            for k in 0..<fields {
                let length = ends[k] &- starts[k]
                total &+= length
                guard length <= limits.maxFieldBytes, total <= limits.maxRecordBytes else { return nil }
            }
        }
        return next
    }

    /// Where the fields of the bytes at `base` (`count` of them) end, for ``plainRecord(_:from:count:separator:separatorWord:limits:into:)``:
    /// the stops (the separator, a quote, a line feed, a carriage return) of 64 bytes at a time as one bit
    /// mask (``slareport_csv_stops64``), so that a field's end is the mask's next bit instead of a search of
    /// its own (whose branch on the field's length the processor mispredicts); the last bytes, fewer than 64,
    /// are searched as before. The same offsets as ``unquotedEnd(_:from:to:separator:separatorWord:)`` and
    /// ``quotedEnd(_:from:to:)``.
    struct Stops {
        private let base: UnsafePointer<UInt8>
        private let count: Int
        private let separator: UInt8
        private let separatorWord: UInt64
        /// The mask's first byte (none loaded yet: no offset is 64 or less past it).
        private var maskStart = Int.min / 2
        private var mask: UInt64 = 0

        init(_ base: UnsafePointer<UInt8>, count: Int, separator: UInt8, separatorWord: UInt64) {
            self.base = base
            self.count = count
            self.separator = separator
            self.separatorWord = separatorWord
        }

        /// The first offset at or after `from` of a stop (`count` when there is none).
        @inline(__always)
        mutating func unquotedEnd(from start: Int) -> Int {
            var from = start
            while true {
                let offset = from &- maskStart
                if offset >= 0 && offset < 64 {
                    let left = mask & (~0 << UInt64(offset))
                    if left != 0 { return maskStart &+ left.trailingZeroBitCount }
                    from = maskStart &+ 64
                }
                guard from &+ 64 <= count else {
                    return CSVCore.unquotedEnd(
                        base, from: from, to: count, separator: separator, separatorWord: separatorWord)
                }
                maskStart = from
                mask = slareport_csv_stops64(base + from, separator)
            }
        }

        /// The first offset at or after `from` of a quote, a line feed or a carriage return (`count` when
        /// there is none).
        @inline(__always)
        mutating func quotedEnd(from start: Int) -> Int {
            var from = start
            while true {
                let r = unquotedEnd(from: from)
                guard r < count else { return r }
                let b = base[r]
                if b == Byte.quote || b == Byte.lf || b == Byte.cr { return r }
                from = r &+ 1
            }
        }
    }

    /// The first offset in `from..<to` of the separator, a line feed, a carriage return or a quote (`to` when
    /// there is none): where an unquoted field's bytes end.
    @inline(__always)
    static func unquotedEnd(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, separator sep: UInt8, separatorWord: UInt64
    ) -> Int {
        var p = start
        while p < end {
            p = skipPlain(base, from: p, to: end, separator: separatorWord)
            guard p < end else { break }
            let b = base[p]
            if b == sep || b == Byte.lf || b == Byte.cr || b == Byte.quote { break }
            p += 1
        }
        return p
    }

    /// The first offset in `from..<to` of a quote, a line feed or a carriage return (`to` when there is none):
    /// where a quoted field's plain bytes end.
    @inline(__always)
    static func quotedEnd(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        var p = start
        while p < end {
            p = skipPlain(base, from: p, to: end, separator: quoteWord)
            guard p < end else { break }
            let b = base[p]
            if b == Byte.quote || b == Byte.lf || b == Byte.cr { break }
            p += 1
        }
        return p
    }

    // MARK: - Sixteen and eight bytes at a time

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let quoteWord = UInt64(Byte.quote) &* ones

    /// The first offset in `from..<to` (or the last few bytes before `to`, which are left to the byte loop)
    /// whose byte could end a run of plain bytes: the quote, the byte in every lane of `separator`, or a
    /// control byte below 0x0E (line feed, carriage return). Sixteen bytes are tested at once while sixteen
    /// are left (``slareport_csv_stops16``: exactly the separator, the quote, LF and CR; fields are mostly
    /// shorter, so most end in one test), then eight (SWAR): a lane is flagged when its byte is below 0x0E or
    /// equal to the separator or the quote; the lowest flagged lane is exact (a borrow only runs upwards from
    /// a flagged lane), and on a little-endian machine it is the first byte. The byte loop after it decides
    /// what the byte means, so the result is the same as reading byte by byte.
    @inline(__always)
    static func skipPlain(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, separator: UInt64
    ) -> Int {
        #if _endian(little)
            var p = start
            let separatorByte = UInt8(truncatingIfNeeded: separator)
            while p &+ 16 <= end {
                let stops = slareport_csv_stops16(base + p, separatorByte)
                if stops != 0 { return p &+ stops.trailingZeroBitCount }
                p &+= 16
            }
            let raw = UnsafeRawPointer(base)
            while p &+ 8 <= end {
                let w = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
                let low = (w &- 0x0E * ones) & ~w
                let s = w ^ separator
                let q = w ^ quoteWord
                let mask = (low | ((s &- ones) & ~s) | ((q &- ones) & ~q)) & highs
                if mask == 0 {
                    p &+= 8
                    continue
                }
                return p &+ (mask.trailingZeroBitCount >> 3)
            }
            return p
        #else
            return start
        #endif
    }

    /// The record's buffers as locals for the hot loop: appends bytes within the limits (noting the first
    /// problem) and ends fields; written back to the record's storage when the call returns.
    private struct Writer {
        var buffers: ByteRecord.Buffers
        let limits: Limits
        /// Bytes of the current field so far, kept or not.
        var fieldLength = 0
        /// Fields ended so far, kept or not.
        var fieldCount = 0
        var problem: String?

        init(_ storage: ByteRecord.Storage, limits: Limits) {
            buffers = storage.state.pointee
            self.limits = limits
        }

        func store(into storage: ByteRecord.Storage) { storage.state.pointee = buffers }

        mutating func reset() {
            buffers.clear()
            fieldLength = 0
            fieldCount = 0
            problem = nil
        }

        /// Appends bytes of the current field. The first limit crossed, in byte order, names the problem
        /// (so that it is the same however the input is cut into chunks): the field's size (unquoted fields;
        /// a quoted field's limit is its caller's), the record's size, or — for fields past the field count
        /// limit, whose bytes are not kept — none until the field ends.
        @inline(__always)
        mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int, quoted: Bool) {
            guard length > 0 else { return }
            let fieldRoom = quoted ? Int.max : max(limits.maxFieldBytes - fieldLength, 0)
            fieldLength += length
            let storing = buffers.endCount < limits.maxFields
            let recordRoom = storing ? max(limits.maxRecordBytes - buffers.byteCount, 0) : Int.max
            var length = length
            if length > fieldRoom || length > recordRoom {
                if problem == nil {
                    problem =
                        fieldRoom <= recordRoom
                        ? "field \(fieldCount + 1) is longer than \(CSVReader.describe(bytes: limits.maxFieldBytes))"
                        : "the record is longer than \(CSVReader.describe(bytes: limits.maxRecordBytes))"
                }
                length = min(length, fieldRoom, recordRoom)
            }
            guard storing, length > 0 else { return }
            buffers.append(start, length)
        }

        @inline(__always)
        mutating func endField() {
            fieldCount += 1
            fieldLength = 0
            guard buffers.endCount < limits.maxFields else {
                if problem == nil { problem = "the record has more than \(limits.maxFields) fields" }
                return
            }
            buffers.endField()
        }
    }
}
