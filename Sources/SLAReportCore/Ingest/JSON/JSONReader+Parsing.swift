/// The value parser of ``JSONReader``: a recursive descent over the bytes of one value, which are all in the
/// window (see ``JSONReader/ensureValue()``), bounded by the depth limit.
extension JSONReader {

    /// White space inside a value (never reads more: the value is in the window).
    mutating func skipInnerWhitespace() {
        while pos < bytes.count {
            let b = bytes[pos]
            if b == Byte.space || b == Byte.tab {
                pos += 1
            } else if b == Byte.lf {
                if !isAfterCR(pos) { line += 1 }
                pos += 1
            } else if b == Byte.cr {
                line += 1
                pos += 1
            } else {
                return
            }
        }
    }

    /// A syntax error at the current line; at the end of a value cut short by the record limit, the error
    /// that the record is too large.
    func fail(_ message: String) -> JSONError {
        if pos >= bytes.count {
            if truncated {
                return JSONError(
                    .tooLarge, line: line, message: "a record larger than \(CSVReader.describe(bytes: maxRecordBytes))")
            }
            if let early = earlyEndMessage {
                return JSONError(.syntax, line: line, message: "the record is cut off: \(early)")
            }
        }
        return JSONError(.syntax, line: line, message: message)
    }

    func describeByte() -> String {
        guard pos < bytes.count else { return "unexpected end of input" }
        let b = bytes[pos]
        if b >= 0x21 && b < 0x7F { return "unexpected character '\(Character(UnicodeScalar(b)))'" }
        return "unexpected byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
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

    /// Reads `word`, byte by byte: a wrong byte is an invalid literal wherever the value ends, and only the
    /// end of the input itself is an unexpected end (found by the JSON fuzzer: comparing all the word's bytes
    /// at once looked past the value's end, which a window does not hold).
    mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        let letters = word.utf8Start
        for i in 0..<count {
            guard pos + i < bytes.count else {
                pos = bytes.count
                throw fail("unexpected end of input")
            }
            if bytes[pos + i] != letters[i] { throw fail("invalid literal") }
        }
        pos += count
        return value
    }

    mutating func checkDepth(_ depth: Int) throws(JSONError) {
        guard depth <= maxDepth else {
            throw JSONError(.tooDeep, line: line, message: "JSON nested deeper than \(maxDepth) levels")
        }
    }

    mutating func parseArray(depth: Int) throws(JSONError) -> JSONValue {
        try checkDepth(depth)
        pos += 1
        var values: [JSONValue] = []
        skipInnerWhitespace()
        if peek() == UInt8(ascii: "]") {
            pos += 1
            return .array(values)
        }
        let follows = tracker?.followsArray ?? false
        while true {
            skipInnerWhitespace()
            if tracker != nil {
                tracker?.path.append(String(values.count))
                if follows, let path = tracker?.path { tracker?.lines[path.joined(separator: ".")] = line }
            }
            values.append(try parseValue(depth: depth))
            if tracker != nil { tracker?.path.removeLast() }
            skipInnerWhitespace()
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

    mutating func parseObject(depth: Int) throws(JSONError) -> JSONValue {
        try checkDepth(depth)
        pos += 1
        var members: [JSONMember] = []
        skipInnerWhitespace()
        if peek() == UInt8(ascii: "}") {
            pos += 1
            return .object(JSONObject(members: members))
        }
        while true {
            skipInnerWhitespace()
            guard peek() == Byte.quote else { throw fail("expected a string key in an object, found \(found())") }
            let key = try parseString()
            skipInnerWhitespace()
            guard peek() == Byte.colon else { throw fail("expected ':' after an object key, found \(found())") }
            pos += 1
            skipInnerWhitespace()
            if tracker != nil {
                tracker?.keys.append(key)
                tracker?.path.append(key)
            }
            let value = try parseValue(depth: depth)
            if tracker != nil {
                tracker?.keys.removeLast()
                tracker?.path.removeLast()
            }
            members.append(JSONMember(key: key, value: value))
            skipInnerWhitespace()
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

    func found() -> String {
        guard pos < bytes.count else { return "the end of input" }
        let b = bytes[pos]
        if b >= 0x21 && b < 0x7F { return "'\(Character(UnicodeScalar(b)))'" }
        return "byte 0x\(String(b, radix: 16, uppercase: true))"
    }

    mutating func parseNumber() throws(JSONError) -> JSONValue {
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
    mutating func parseString() throws(JSONError) -> String {
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

    func tooLong() -> JSONError {
        JSONError(.tooLong, line: line, message: "string longer than \(CSVReader.describe(bytes: maxStringBytes))")
    }

    /// Decodes the escape after a backslash into `scratch`.
    mutating func parseEscape() throws(JSONError) {
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

    /// Four hexadecimal digits, byte by byte (as ``literal(_:_:)``).
    mutating func hex4() throws(JSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count else { throw fail("unterminated \\u escape") }
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
