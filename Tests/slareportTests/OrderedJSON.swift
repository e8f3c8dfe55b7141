import Foundation

/// A JSON value that keeps object members in document order and numbers as written: what the core golden
/// test compares reports with. Written here, apart from the product's readers, so that the comparison does
/// not lean on the code it checks.
indirect enum OrderedJSON: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([OrderedJSON])
    case object([(key: String, value: OrderedJSON)])

    static func == (a: OrderedJSON, b: OrderedJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The member `key` of an object.
    subscript(key: String) -> OrderedJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var array: [OrderedJSON]? {
        if case .array(let values) = self { return values }
        return nil
    }

    var members: [(key: String, value: OrderedJSON)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    var text: String? {
        switch self {
        case .string(let s), .number(let s): s
        default: nil
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n
        case .string(let s): "\"\(s)\""
        case .array(let values): "[" + values.map(\.description).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        }
    }

    /// The first difference between `self` and `other`, as a path and both sides (nil when equal).
    func firstDifference(from other: OrderedJSON, path: String = "$") -> String? {
        switch (self, other) {
        case (.array(let x), .array(let y)):
            for (i, (a, b)) in zip(x, y).enumerated() {
                if let d = a.firstDifference(from: b, path: "\(path)[\(i)]") { return d }
            }
            return x.count == y.count ? nil : "\(path): \(x.count) elements, expected \(y.count)"
        case (.object(let x), .object(let y)):
            for (a, b) in zip(x, y) {
                if a.key != b.key { return "\(path): key \(a.key), expected \(b.key)" }
                if let d = a.value.firstDifference(from: b.value, path: "\(path).\(a.key)") { return d }
            }
            return x.count == y.count
                ? nil : "\(path): keys \(x.map(\.key)), expected \(y.map(\.key))"
        default:
            return self == other
                ? nil
                : "\(path): \(String(describing: self).prefix(300)), expected \(String(describing: other).prefix(300))"
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "invalid JSON at byte \(offset)" }
    }

    /// Parses one JSON document.
    static func parse(_ data: Data) throws -> OrderedJSON {
        var parser = Parser(bytes: [UInt8](data))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.at == parser.bytes.count else { throw ParseError(offset: parser.at) }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var at = 0

        mutating func skipSpace() {
            while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
        }

        mutating func expect(_ byte: UInt8) throws {
            skipSpace()
            guard at < bytes.count, bytes[at] == byte else { throw ParseError(offset: at) }
            at += 1
        }

        mutating func literal(_ word: String, _ value: OrderedJSON) throws -> OrderedJSON {
            let w = Array(word.utf8)
            guard at + w.count <= bytes.count, Array(bytes[at..<(at + w.count)]) == w else {
                throw ParseError(offset: at)
            }
            at += w.count
            return value
        }

        mutating func value() throws -> OrderedJSON {
            skipSpace()
            guard at < bytes.count else { throw ParseError(offset: at) }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var members: [(key: String, value: OrderedJSON)] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
                    at += 1
                    return .object(members)
                }
                while true {
                    skipSpace()
                    let key = try string()
                    try expect(UInt8(ascii: ":"))
                    members.append((key, try value()))
                    skipSpace()
                    guard at < bytes.count else { throw ParseError(offset: at) }
                    at += 1
                    if bytes[at - 1] == UInt8(ascii: "}") { return .object(members) }
                    guard bytes[at - 1] == UInt8(ascii: ",") else { throw ParseError(offset: at - 1) }
                }
            case UInt8(ascii: "["):
                at += 1
                var values: [OrderedJSON] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
                    at += 1
                    return .array(values)
                }
                while true {
                    values.append(try value())
                    skipSpace()
                    guard at < bytes.count else { throw ParseError(offset: at) }
                    at += 1
                    if bytes[at - 1] == UInt8(ascii: "]") { return .array(values) }
                    guard bytes[at - 1] == UInt8(ascii: ",") else { throw ParseError(offset: at - 1) }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default:
                let start = at
                while at < bytes.count, "-+.eE0123456789".utf8.contains(bytes[at]) { at += 1 }
                guard at > start else { throw ParseError(offset: at) }
                return .number(String(decoding: bytes[start..<at], as: UTF8.self))
            }
        }

        /// A string, escapes decoded (surrogate pairs joined).
        mutating func string() throws -> String {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw ParseError(offset: at) }
            at += 1
            var out: [UInt8] = []
            var pendingHigh: UInt32?
            while at < bytes.count {
                let b = bytes[at]
                at += 1
                if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard b == UInt8(ascii: "\\") else {
                    out.append(b)
                    continue
                }
                guard at < bytes.count else { break }
                let e = bytes[at]
                at += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard at + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16)
                    else { throw ParseError(offset: at) }
                    at += 4
                    var scalar: Unicode.Scalar?
                    if (0xD800..<0xDC00).contains(code) {
                        pendingHigh = code
                        continue
                    } else if (0xDC00..<0xE000).contains(code), let high = pendingHigh {
                        scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))
                    } else {
                        scalar = Unicode.Scalar(code)
                    }
                    pendingHigh = nil
                    out.append(contentsOf: Array(String(scalar.map(Character.init) ?? "\u{FFFD}").utf8))
                default: out.append(e)
                }
            }
            throw ParseError(offset: at)
        }
    }
}
