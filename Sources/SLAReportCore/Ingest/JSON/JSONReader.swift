/// A problem in JSON input: where and what. Limits (depth, string size) are errors too, never a crash.
public struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// Not valid JSON.
        case syntax
        /// Nested deeper than the depth limit (64).
        case tooDeep
        /// A string (or number) longer than the size limit (1 MiB).
        case tooLong
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
    public var result: Result<JSONValue, JSONError>

    public init(line: Int, result: Result<JSONValue, JSONError>) {
        self.line = line
        self.result = result
    }

    /// The value, nil when it failed to parse.
    public var value: JSONValue? { try? result.get() }
}

/// A byte-level JSON reader that keeps line numbers and enforces limits.
///
/// It reads every shape slareport meets: one value (a Zendesk page), several values one after another
/// (concatenated pages), NDJSON / JSON Lines (one value per line, blank lines skipped), and a top-level
/// array of records. ``nextValue()`` returns the top-level values; ``nextRecord()`` returns the elements of
/// top-level arrays and every other top-level value, which is what record-per-object formats want.
///
/// A value that fails to parse becomes a failed ``JSONItem`` carrying the line, and reading goes on: after
/// an error on the line where the value starts (a bad NDJSON line) at the next line; otherwise after the
/// value's closing bracket, found by a bracket-counting skip. Nesting deeper than ``maxDepth`` (counted
/// from the top: a top-level array is depth 1) and strings over ``maxStringBytes`` are errors of that
/// record. Recursion is bounded by the depth limit, so hostile input cannot overflow the stack.
/// Strings decode every escape, surrogate pairs included; a lone surrogate becomes U+FFFD, as does
/// invalid UTF-8.
public struct JSONReader {
    public static let defaultMaxDepth = 64
    public static let defaultMaxStringBytes = 1 << 20
    private static let releaseInterval = 8 << 20

    private let bytes: UnsafeBufferPointer<UInt8>
    private let input: InputBytes?
    public let maxDepth: Int
    public let maxStringBytes: Int

    private var pos: Int
    private var line = 1
    private var released = 0
    private var scratch: [UInt8] = []

    /// Whether the input is one value per line (NDJSON), judged from the first value that parsed.
    private var lineDelimited: Bool?
    private var inArray = false
    private var arrayNeedsComma = false
    private var arrayLine = 0

    /// Reads `input`, releasing its pages as it goes.
    public init(
        input: InputBytes, maxDepth: Int = JSONReader.defaultMaxDepth,
        maxStringBytes: Int = JSONReader.defaultMaxStringBytes
    ) {
        self.init(bytes: input.buffer, input: input, maxDepth: maxDepth, maxStringBytes: maxStringBytes)
    }

    /// Reads `bytes`; `input`, when given, is told which pages have been consumed.
    public init(
        bytes: UnsafeBufferPointer<UInt8>, input: InputBytes? = nil, maxDepth: Int = JSONReader.defaultMaxDepth,
        maxStringBytes: Int = JSONReader.defaultMaxStringBytes
    ) {
        self.bytes = bytes
        self.input = input
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        pos = hasBOM ? 3 : 0
    }

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
            guard reader.skipValue() else { return keys }
            reader.skipWhitespace()
            guard reader.peek() == Byte.comma else { return keys }
            reader.pos += 1
        }
    }

    /// The next top-level value, or nil at the end of the input.
    public mutating func nextValue() -> JSONItem? {
        skipWhitespace()
        guard pos < bytes.count else { return nil }
        releaseIfDue()
        let start = pos
        let startLine = line
        do {
            let value = try parseValue(depth: 0)
            if lineDelimited == nil { lineDelimited = line == startLine }
            return JSONItem(line: startLine, result: .success(value))
        } catch {
            recover(from: start, startLine: startLine, error: error)
            return JSONItem(line: startLine, result: .failure(error))
        }
    }

    /// The next record: an element of a top-level array, or a top-level value that is not an array; nil at
    /// the end of the input.
    public mutating func nextRecord() -> JSONItem? {
        while true {
            guard inArray else {
                skipWhitespace()
                guard pos < bytes.count else { return nil }
                if peek() == UInt8(ascii: "[") {
                    arrayLine = line
                    pos += 1
                    inArray = true
                    arrayNeedsComma = false
                    continue
                }
                return nextValue()
            }
            skipWhitespace()
            guard pos < bytes.count else {
                inArray = false
                let error = JSONError(
                    .syntax, line: line,
                    message: "unexpected end of input: the array opened on line \(arrayLine) is not closed")
                return JSONItem(line: line, result: .failure(error))
            }
            if peek() == UInt8(ascii: "]") {
                pos += 1
                inArray = false
                continue
            }
            if arrayNeedsComma {
                guard peek() == Byte.comma else {
                    let error = JSONError(.syntax, line: line, message: "expected ',' or ']' after an array element")
                    let errorLine = line
                    inArray = false
                    skipToNextLine()
                    return JSONItem(line: errorLine, result: .failure(error))
                }
                pos += 1
                arrayNeedsComma = false
                continue  // a trailing comma before ']' is tolerated
            }
            releaseIfDue()
            let start = pos
            let startLine = line
            arrayNeedsComma = true
            do {
                let value = try parseValue(depth: 1)
                return JSONItem(line: startLine, result: .success(value))
            } catch {
                pos = start
                line = startLine
                if !skipValue() {
                    pos = bytes.count
                    inArray = false
                }
                return JSONItem(line: startLine, result: .failure(error))
            }
        }
    }

    // MARK: - Recovery

    private mutating func recover(from start: Int, startLine: Int, error: JSONError) {
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
        line = startLine
        if !skipValue() { pos = bytes.count }
    }

    private mutating func skipToNextLine() {
        while pos < bytes.count {
            let b = bytes[pos]
            pos += 1
            if b == Byte.lf {
                line += 1
                return
            }
            if b == Byte.cr {
                if pos < bytes.count && bytes[pos] == Byte.lf { pos += 1 }
                line += 1
                return
            }
        }
    }

    /// Skips one value by counting brackets outside strings, with no depth limit and no allocation; stops
    /// before a `,` or closing bracket that belongs to the enclosing value. False at the end of the input.
    private mutating func skipValue() -> Bool {
        var depth = 0
        while pos < bytes.count {
            let b = bytes[pos]
            switch b {
            case Byte.quote:
                pos += 1
                while pos < bytes.count {
                    let c = bytes[pos]
                    if c == Byte.backslash {
                        pos += 2
                        continue
                    }
                    pos += 1
                    if c == Byte.quote { break }
                    if c == Byte.lf { line += 1 }
                }
                if depth == 0 { return pos <= bytes.count }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
                if depth == 0 {
                    pos += 1
                    return true
                }
            case Byte.comma:
                if depth == 0 { return true }
            case Byte.lf:
                line += 1
                if depth == 0 { return true }
            default:
                break
            }
            pos += 1
        }
        return false
    }

    private mutating func releaseIfDue() {
        if let input, pos - released >= JSONReader.releaseInterval {
            released = pos
            input.releasePages(before: pos)
        }
    }

    // MARK: - Parsing

    private func peek() -> UInt8 { pos < bytes.count ? bytes[pos] : 0 }

    private mutating func skipWhitespace() {
        while pos < bytes.count {
            let b = bytes[pos]
            if b == Byte.space || b == Byte.tab {
                pos += 1
            } else if b == Byte.lf {
                line += 1
                pos += 1
            } else if b == Byte.cr {
                pos += 1
                if pos >= bytes.count || bytes[pos] != Byte.lf { line += 1 }
            } else {
                return
            }
        }
    }

    private func fail(_ message: String) -> JSONError { JSONError(.syntax, line: line, message: message) }

    private func describeByte() -> String {
        guard pos < bytes.count else { return "unexpected end of input" }
        let b = bytes[pos]
        if b >= 0x21 && b < 0x7F { return "unexpected character '\(Character(UnicodeScalar(b)))'" }
        return "unexpected byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    private mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
        guard pos < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case Byte.quote: return .string(try parseString())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case Byte.minus, Byte.zero...Byte.nine: return try parseNumber()
        default: throw fail(describeByte())
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        guard pos + count <= bytes.count else { throw fail("unexpected end of input") }
        let letters = word.utf8Start
        for i in 0..<count where bytes[pos + i] != letters[i] { throw fail("invalid literal") }
        pos += count
        return value
    }

    private mutating func checkDepth(_ depth: Int) throws(JSONError) {
        guard depth <= maxDepth else {
            throw JSONError(.tooDeep, line: line, message: "JSON nested deeper than \(maxDepth) levels")
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONError) -> JSONValue {
        try checkDepth(depth)
        pos += 1
        var values: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            pos += 1
            return .array(values)
        }
        while true {
            skipWhitespace()
            values.append(try parseValue(depth: depth))
            skipWhitespace()
            let b = peek()
            pos += 1
            if b == Byte.comma { continue }
            if b == UInt8(ascii: "]") { return .array(values) }
            pos -= 1
            throw fail(
                "expected ',' or ']' in an array, found \(describeByte().replacingOccurrences(of: "unexpected ", with: ""))"
            )
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONError) -> JSONValue {
        try checkDepth(depth)
        pos += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            pos += 1
            return .object(JSONObject(members: members))
        }
        while true {
            skipWhitespace()
            guard peek() == Byte.quote else { throw fail("expected a string key in an object, found \(found())") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == Byte.colon else { throw fail("expected ':' after an object key, found \(found())") }
            pos += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, value: value))
            skipWhitespace()
            let b = peek()
            if b == Byte.comma {
                pos += 1
                continue
            }
            if b == UInt8(ascii: "}") {
                pos += 1
                return .object(JSONObject(members: members))
            }
            throw fail("expected ',' or '}' in an object, found \(found())")
        }
    }

    private func found() -> String {
        guard pos < bytes.count else { return "the end of input" }
        let b = bytes[pos]
        if b >= 0x21 && b < 0x7F { return "'\(Character(UnicodeScalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    private mutating func parseNumber() throws(JSONError) -> JSONValue {
        let start = pos
        if peek() == Byte.minus { pos += 1 }
        let intStart = pos
        while pos < bytes.count && Timestamp.isDigit(bytes[pos]) { pos += 1 }
        let intDigits = pos - intStart
        guard intDigits > 0 else { throw fail("invalid number") }
        guard !(intDigits > 1 && bytes[intStart] == Byte.zero) else { throw fail("invalid number (leading zero)") }
        if peek() == Byte.dot {
            pos += 1
            let fracStart = pos
            while pos < bytes.count && Timestamp.isDigit(bytes[pos]) { pos += 1 }
            guard pos > fracStart else { throw fail("invalid number (no digits after '.')") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            pos += 1
            if peek() == Byte.plus || peek() == Byte.minus { pos += 1 }
            let expStart = pos
            while pos < bytes.count && Timestamp.isDigit(bytes[pos]) { pos += 1 }
            guard pos > expStart else { throw fail("invalid number (no digits in the exponent)") }
        }
        guard pos - start <= maxStringBytes else {
            throw JSONError(
                .tooLong, line: line, message: "number longer than \(CSVReader.describe(bytes: maxStringBytes))")
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self))
    }

    /// Parses a string starting at its opening quote.
    private mutating func parseString() throws(JSONError) -> String {
        pos += 1
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == Byte.quote || b == Byte.backslash || (b < 0x20 && b != Byte.tab) { break }
            pos += 1
        }
        guard pos - start <= maxStringBytes else { throw tooLong() }
        guard pos < bytes.count else { throw fail("unterminated string") }
        if bytes[pos] == Byte.quote {
            pos += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(pos - 1)]), as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<pos]))
        while true {
            guard pos < bytes.count else { throw fail("unterminated string") }
            let b = bytes[pos]
            if b == Byte.quote {
                pos += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b < 0x20 && b != Byte.tab {
                throw fail(
                    b == Byte.lf || b == Byte.cr ? "line break inside a string" : "control character inside a string")
            }
            if b == Byte.backslash {
                pos += 1
                try parseEscape()
            } else {
                scratch.append(b)
                pos += 1
            }
            guard scratch.count <= maxStringBytes else { throw tooLong() }
        }
    }

    private func tooLong() -> JSONError {
        JSONError(.tooLong, line: line, message: "string longer than \(CSVReader.describe(bytes: maxStringBytes))")
    }

    /// Decodes the escape after a backslash into `scratch`.
    private mutating func parseEscape() throws(JSONError) {
        guard pos < bytes.count else { throw fail("unterminated string") }
        let e = bytes[pos]
        pos += 1
        switch e {
        case Byte.quote, Byte.backslash, Byte.slash: scratch.append(e)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(Byte.lf)
        case UInt8(ascii: "r"): scratch.append(Byte.cr)
        case UInt8(ascii: "t"): scratch.append(Byte.tab)
        case UInt8(ascii: "u"):
            let unit = try hex4()
            var scalarValue = UInt32(0xFFFD)
            if (0xD800..<0xDC00).contains(unit) {
                if pos + 1 < bytes.count && bytes[pos] == Byte.backslash && bytes[pos + 1] == UInt8(ascii: "u") {
                    let save = pos
                    pos += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) {
                        scalarValue = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        pos = save  // lone high surrogate: U+FFFD, then read the next escape on its own
                    }
                }
            } else if !(0xDC00..<0xE000).contains(unit) {
                scalarValue = unit
            }
            let scalar = UnicodeScalar(scalarValue) ?? "\u{FFFD}"
            scratch.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            pos -= 1
            throw fail("invalid escape '\\\(Character(UnicodeScalar(e)))' in a string")
        }
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw fail("unterminated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let digit: UInt32
            switch b {
            case Byte.zero...Byte.nine: digit = UInt32(b - Byte.zero)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape")
            }
            value = value * 16 + digit
            pos += 1
        }
        return value
    }
}
