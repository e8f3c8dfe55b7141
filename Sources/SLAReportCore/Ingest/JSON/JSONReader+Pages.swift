/// A record-level value of a JSON input read page-wise (see ``JSONReader/nextPage(recordKeys:)``).
public struct JSONPage: Sendable {
    /// 1-based line where the value starts.
    public var line: Int
    /// Absolute byte offset of the value's first byte.
    public var offset: Int
    /// The value, without the elements (and page members) that failed on their own.
    public var result: Result<JSONValue, JSONError>
    /// Element path (`tickets.3`, `items.2.answers.0`) → start line, for the elements of the item's member
    /// arrays (record arrays counted without the elements left out) and of the nested arrays asked for.
    public var elementLines: [String: Int]
    /// What failed on its own, in input order: elements of record arrays, members of a page, and the rest of
    /// a page whose structure broke; each is one rejected record at its own line.
    public var failures: [JSONItem]
}

extension JSONReader {
    /// The next record-level value (a top-level value, or an element of a top-level array), read so that a
    /// bad record inside a page costs that record only.
    ///
    /// An object is read member by member; the members named in `recordKeys` whose value is an array are read
    /// element by element (the object is then a *page*). An element that is not valid JSON, is too deep, holds
    /// a string over the limit or is larger than the record limit is left out and reported in
    /// ``JSONPage/failures`` at its own line. A page member that fails is left out the same way; in an object
    /// that is not a page (a bare record), a failing member fails the whole object, as one record. When the
    /// page's own structure breaks (a missing comma, a bad key), what was read stays and the rest is one
    /// failure. Nil at the end of the input.
    public mutating func nextPage(recordKeys: Set<String>, nested: Set<String> = []) -> JSONPage? {
        guard let step = nextRecordStart() else { return nil }
        if let failure = step.failure { return JSONPage(failure) }
        guard peek() == UInt8(ascii: "{") else {
            guard let item = step.inArray ? readArrayElement() : nextValue() else { return nil }
            return JSONPage(item)
        }
        if step.inArray { arrayNeedsComma = true }
        return readPage(depth: step.inArray ? 2 : 1, recordKeys: recordKeys, nested: nested)
    }

    /// Reads the object at ``pos`` (nested `depth` levels from the top) member by member.
    private mutating func readPage(depth: Int, recordKeys: Set<String>, nested: Set<String>) -> JSONPage {
        let startLine = line
        let startOffset = offset
        var members: [JSONMember] = []
        var elementLines: [String: Int] = [:]
        var failures: [JSONItem] = []
        var memberFailures: [(key: String, item: JSONItem)] = []
        var isPage = false
        /// Levels of brackets open inside the page (1 in the object, 2 in a record array).
        var open = 1
        /// The record array being read: its key and the elements kept.
        var array: (key: String, elements: [JSONValue])?

        /// The object cannot be read on from here: skip to its end; what was read of a page stays.
        func broken(_ error: JSONError, _ reader: inout JSONReader) -> JSONPage {
            let errorOffset = reader.offset
            if reader.lineDelimited == true {
                reader.skipToNextLine()
            } else {
                reader.scan = JSONScan(at: reader.pos, line: reader.line)
                reader.scan.depth = open
                reader.scan.started = true
                _ = reader.skipValue()
            }
            guard isPage else {
                return JSONPage(
                    line: startLine, offset: startOffset, result: .failure(error), elementLines: [:], failures: [])
            }
            reader.tracker = nil
            if let array { members.append(JSONMember(key: array.key, value: .array(array.elements))) }
            failures.append(JSONItem(line: error.line, offset: errorOffset, result: .failure(error)))
            for member in memberFailures { failures.append(member.item) }
            failures.sort { $0.offset < $1.offset }
            return JSONPage(
                line: startLine, offset: startOffset, result: .success(.object(JSONObject(members: members))),
                elementLines: elementLines, failures: failures)
        }

        guard depth <= maxDepth else {
            let error = JSONError(.tooDeep, line: line, message: "JSON nested deeper than \(maxDepth) levels")
            return broken(error, &self)
        }
        pos += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            pos += 1
            return JSONPage(
                line: startLine, offset: startOffset, result: .success(.object(JSONObject())), elementLines: [:],
                failures: [])
        }
        while true {
            skipWhitespace()
            guard hasByte() else { return broken(fail("unexpected end of input inside an object"), &self) }
            guard peek() == Byte.quote else {
                return broken(fail("expected a string key in an object, found \(found())"), &self)
            }
            ensureValue()
            let key: String
            do {
                key = try parseString()
            } catch {
                return broken(error, &self)
            }
            skipWhitespace()
            guard peek() == Byte.colon else {
                return broken(fail("expected ':' after an object key, found \(found())"), &self)
            }
            pos += 1
            skipWhitespace()
            guard hasByte() else { return broken(fail("unexpected end of input inside an object"), &self) }
            if recordKeys.contains(key) && peek() == UInt8(ascii: "[") && depth + 1 <= maxDepth {
                isPage = true
                open = 2
                pos += 1
                array = (key, [])
                var needsComma = false
                while true {
                    skipWhitespace()
                    guard hasByte() else {
                        return broken(fail("unexpected end of input: the array \(key) is not closed"), &self)
                    }
                    if peek() == UInt8(ascii: "]") {
                        pos += 1
                        break
                    }
                    if needsComma {
                        guard peek() == Byte.comma else {
                            return broken(
                                fail("expected ',' or ']' after an element of \(key), found \(found())"), &self)
                        }
                        pos += 1
                        needsComma = false
                        continue  // a trailing comma before ']' is tolerated
                    }
                    ensureValue()
                    let elementStart = pos
                    let elementLine = line
                    let elementOffset = offset
                    needsComma = true
                    let index = String(array?.elements.count ?? 0)
                    tracker = JSONLineTracker(nested: nested, keys: [key], path: [key, index])
                    do {
                        let element = try parseValue(depth: depth + 1)
                        array?.elements.append(element)
                        elementLines[key + "." + index] = elementLine
                        elementLines.merge(tracker?.lines ?? [:]) { _, new in new }
                        tracker = nil
                    } catch {
                        tracker = nil
                        failures.append(JSONItem(line: elementLine, offset: elementOffset, result: .failure(error)))
                        pos = elementStart
                        line = elementLine
                        guard skipValue() else { return broken(fail("unexpected end of input inside an array"), &self) }
                    }
                }
                open = 1
                if let done = array { members.append(JSONMember(key: key, value: .array(done.elements))) }
                array = nil
            } else {
                ensureValue()
                let valueStart = pos
                let valueLine = line
                let valueOffset = offset
                tracker = JSONLineTracker(nested: nested, keys: [key], path: [key])
                do {
                    members.append(JSONMember(key: key, value: try parseValue(depth: depth)))
                    elementLines.merge(tracker?.lines ?? [:]) { _, new in new }
                    tracker = nil
                } catch {
                    tracker = nil
                    let item = JSONItem(line: valueLine, offset: valueOffset, result: .failure(error))
                    memberFailures.append((key, item))
                    pos = valueStart
                    line = valueLine
                    guard skipValue() else { return broken(fail("unexpected end of input inside an object"), &self) }
                }
            }
            skipWhitespace()
            guard hasByte() else { return broken(fail("unexpected end of input inside an object"), &self) }
            let b = peek()
            if b == Byte.comma {
                pos += 1
                continue
            }
            if b == UInt8(ascii: "}") {
                pos += 1
                break
            }
            return broken(fail("expected ',' or '}' in an object, found \(found())"), &self)
        }
        if lineDelimited == nil { lineDelimited = line == startLine }
        if let first = memberFailures.first, !isPage {
            // A bare record with a bad member: the record fails as a whole.
            return JSONPage(
                line: startLine, offset: startOffset, result: first.item.result, elementLines: [:], failures: [])
        }
        for member in memberFailures {
            var item = member.item
            if case .failure(var error) = item.result {
                error.message = "page member \(member.key): \(error.message)"
                item.result = .failure(error)
            }
            failures.append(item)
        }
        failures.sort { $0.offset < $1.offset }
        return JSONPage(
            line: startLine, offset: startOffset, result: .success(.object(JSONObject(members: members))),
            elementLines: elementLines, failures: failures)
    }
}

extension JSONPage {
    /// A record that is not read page-wise.
    init(_ item: JSONItem) {
        self.init(line: item.line, offset: item.offset, result: item.result, elementLines: [:], failures: [])
    }
}

/// Where the elements of arrays start while a member of a page or record is parsed
/// (``JSONReader/nextPage(recordKeys:nested:)``): element path → line, for the arrays that are members of the
/// item itself and the nested arrays whose key path (keys from the item down, indices left out) is asked for.
struct JSONLineTracker {
    let nested: Set<String>
    /// Keys from the item down to the value being parsed.
    var keys: [String]
    /// Keys and indices from the item down to the value being parsed.
    var path: [String]
    var lines: [String: Int] = [:]

    /// Whether the elements of the array being entered are followed.
    var followsArray: Bool { keys.count == 1 || nested.contains(keys.joined(separator: ".")) }
}
