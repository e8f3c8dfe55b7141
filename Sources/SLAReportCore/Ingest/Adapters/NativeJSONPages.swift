/// Reads a native JSON file as a sequence of top-level items — a page object (`{"tickets":[…]}`), an element
/// of a top-level array, or one NDJSON line — and knows the line where each element of a page's arrays
/// starts, so that a record inside a 1000-ticket page is reported at its own `path:line`.
///
/// ``JSONReader`` gives the line of each top-level item; a light second pass over the bytes (strings and
/// brackets only, no values built) finds the start lines of the elements of arrays that are members of
/// top-level objects. When that pass and the reader disagree (broken JSON), the page's own line stands in.
enum NativeJSONPages {
    /// One top-level item and the element lines of its member arrays.
    struct Item {
        let line: Int
        let result: Result<JSONValue, JSONError>
        let arrayLines: [String: [Int]]

        /// The line of element `index` of the member array `key`, or the item's line.
        func line(of key: String, at index: Int) -> Int {
            guard let lines = arrayLines[key], index < lines.count else { return line }
            return lines[index]
        }
    }

    /// Calls `body` for every top-level item of the file.
    static func read(_ sniff: InputSniff, context: IngestContext, _ body: (Item) -> Void) {
        let lines = elementLines(sniff.input.bytes.buffer)
        var reader = JSONReader(
            input: sniff.input.bytes, maxDepth: context.options.maxJSONDepth,
            maxStringBytes: context.options.maxFieldBytes)
        while let item = reader.nextRecord() {
            body(Item(line: item.line, result: item.result, arrayLines: lines[item.line] ?? [:]))
        }
    }

    /// The message for a record that is not valid JSON.
    static func problem(_ error: JSONError, line: Int) -> String {
        "invalid JSON: \(error.line == line ? error.message : error.description)"
    }

    /// For every top-level object, by the line where it starts: member key → start lines of the elements
    /// of that member's array.
    static func elementLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int: [String: [Int]]] {
        var result: [Int: [String: [Int]]] = [:]
        var current: [String: [Int]] = [:]
        var startLine = 0
        var line = 1
        var depth = 0
        var stack: [UInt8] = []  // container kinds: `{` or `[`
        var expectKey = false
        var key = ""
        var trackedArray = false  // inside a member array of a top-level object (depth 2)
        var expectElement = false
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        let openArray = UInt8(ascii: "[")
        let closeArray = UInt8(ascii: "]")
        while i < bytes.count {
            let b = bytes[i]
            if b == Byte.lf {
                line += 1
                i += 1
                continue
            }
            if b == Byte.space || b == Byte.tab || b == Byte.cr {
                i += 1
                continue
            }
            if expectElement && b != closeArray {
                current[key, default: []].append(line)
                expectElement = false
            }
            switch b {
            case Byte.quote:
                let start = i + 1
                i += 1
                while i < bytes.count && bytes[i] != Byte.quote {
                    if bytes[i] == Byte.backslash { i += 1 } else if bytes[i] == Byte.lf { line += 1 }
                    i += 1
                }
                if expectKey && depth == 1 {
                    key = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(i, bytes.count)]), as: UTF8.self)
                    expectKey = false
                }
            case open, openArray:
                if depth == 0 {
                    startLine = line
                    current = [:]
                }
                if depth == 1 && b == openArray && stack.last == open {
                    trackedArray = true
                    expectElement = true
                }
                stack.append(b)
                depth += 1
                if depth == 1 && b == open { expectKey = true }
            case close, closeArray:
                if !stack.isEmpty { stack.removeLast() }
                depth = max(depth - 1, 0)
                if depth == 1 { trackedArray = false }
                if depth == 0 && b == close && result[startLine] == nil { result[startLine] = current }
            case Byte.comma:
                if depth == 1 && stack.last == open { expectKey = true }
                if depth == 2 && trackedArray { expectElement = true }
            default: break
            }
            i += 1
        }
        return result
    }
}
