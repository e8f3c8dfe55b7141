/// A parsed JSON value. Objects keep their members in input order (duplicates included); numbers keep
/// their text so that ids never lose digits to `Double`.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written, e.g. `3`, `3.0`, `-1.5e3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` of an object (case-sensitive; the last of duplicate keys wins); nil otherwise.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// Element `index` of an array; nil otherwise or out of range.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let values) = self, values.indices.contains(index) { return values[index] }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// The text of a string.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A scalar as text: a string as is, a number as written, a boolean as `true`/`false`; nil for null,
    /// arrays and objects. Use it for ids, which exports write as numbers or as strings.
    public var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// A whole number: a JSON number or a numeric string whose value is an integer (`3`, `3.0`, `1e3`);
    /// nil otherwise or beyond ±2^53 when written with a fraction or exponent.
    public var int: Int64? {
        let text: String
        switch self {
        case .number(let t): text = t
        case .string(let t): text = t
        default: return nil
        }
        var copy = text
        return copy.withUTF8 { bytes -> Int64? in
            let trimmed = FieldBytes.trimmed(bytes)
            if let whole = FieldBytes.integer(trimmed) { return whole }
            guard let double = Double(String(decoding: trimmed, as: UTF8.self)), double.isFinite,
                double.rounded(.towardZero) == double, abs(double) <= 9_007_199_254_740_992
            else { return nil }
            return Int64(double)
        }
    }

    /// A number (or a numeric string) as a `Double`.
    public var double: Double? {
        switch self {
        case .number(let text), .string(let text): Double(text)
        default: nil
        }
    }

    /// A boolean: JSON `true`/`false`, or a messy string (`TRUE`, `True`, `yes`, `1`, …; see ``FieldBytes``).
    public var bool: Bool? {
        switch self {
        case .bool(let flag): flag
        case .string(let text): FieldBytes.boolean(text)
        case .number(let text): text == "1" ? true : text == "0" ? false : nil
        default: nil
        }
    }

    public var array: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }
}

/// A JSON object: its members in input order.
public struct JSONObject: Hashable, Sendable {
    public var members: [JSONMember]

    public init(members: [JSONMember] = []) { self.members = members }

    /// The value of `key` (case-sensitive; the last of duplicate keys wins, as in JavaScript).
    public subscript(key: String) -> JSONValue? {
        members.last(where: { $0.key == key })?.value
    }

    /// The value of `key` compared ignoring ASCII case (the last match wins).
    public func value(forKeyIgnoringCase key: String) -> JSONValue? {
        let wanted = key.lowercased()
        return members.last(where: { $0.key.lowercased() == wanted })?.value
    }

    public var keys: [String] { members.map(\.key) }
}

/// One `"key": value` pair of an object.
public struct JSONMember: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}
