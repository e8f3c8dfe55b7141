/// Reads a native JSON file as a sequence of top-level items — a page object (`{"tickets":[…]}`), an element
/// of a top-level array, or one NDJSON line — and knows the line where each element of an item's arrays
/// starts, so that a record inside a 1000-ticket page (or a post inside a topic) is reported at its own
/// `path:line`.
///
/// ``JSONReader`` gives the line of each top-level item; a light second pass over the bytes (strings and
/// brackets only, no values built) finds the start lines of the elements of the arrays that are members of
/// an item, and of the nested arrays an adapter asks for by their key path (`post_stream.posts`,
/// `items.answers.comments`). When that pass and the reader disagree (broken JSON), the item's own line
/// stands in.
enum NativeJSONPages {
    /// One top-level item and the element lines of its arrays.
    struct Item {
        let line: Int
        let result: Result<JSONValue, JSONError>
        /// Element path (`posts.3`, `items.2.answers.0`) → start line.
        let elementLines: [String: Int]

        /// The line of element `index` of the member array `key`, or the item's line.
        func line(of key: String, at index: Int) -> Int { elementLines[key + "." + String(index)] ?? line }

        /// The line of the element at `path` (keys and indices, e.g. `["items", 2, "answers", 0]`), or the
        /// nearest enclosing element's line, or the item's line.
        func line(at path: [PathStep]) -> Int {
            var text = ""
            var found = line
            for step in path {
                if !text.isEmpty { text += "." }
                switch step {
                case .key(let key): text += key
                case .index(let index):
                    text += String(index)
                    if let l = elementLines[text] { found = l }
                }
            }
            return found
        }
    }

    /// One step of a path into an item.
    enum PathStep: Sendable {
        case key(String)
        case index(Int)
    }

    /// Calls `body` for every top-level item of the file; `nested` names the key paths of nested arrays whose
    /// element lines are wanted (arrays that are members of the item itself are always followed).
    static func read(
        _ sniff: InputSniff, context: IngestContext, nested: Set<String> = [], _ body: (Item) -> Void
    ) {
        let lines = elementLines(sniff.input.bytes.buffer, nested: nested)
        var reader = JSONReader(
            input: sniff.input.bytes, maxDepth: context.options.maxJSONDepth,
            maxStringBytes: context.options.maxFieldBytes)
        while let item = reader.nextRecord() {
            body(Item(line: item.line, result: item.result, elementLines: lines[item.line] ?? [:]))
        }
    }

    /// The message for a record that is not valid JSON.
    static func problem(_ error: JSONError, line: Int) -> String {
        "invalid JSON: \(error.line == line ? error.message : error.description)"
    }

    /// For every item (a top-level object, or an object element of a top-level array), by the line where it
    /// starts: element path → start line, for the elements of the item's member arrays and of the nested
    /// arrays whose key path is in `nested`.
    static func elementLines(_ bytes: UnsafeBufferPointer<UInt8>, nested: Set<String> = []) -> [Int: [String: Int]] {
        struct Frame {
            var isArray: Bool
            /// Keys from the item down to this container, indices left out (`items.answers`).
            var keyPath: String
            /// Keys and indices from the item down to this container (`items.2.answers`).
            var path: String
            var key = ""
            var index = 0
            var tracked = false
            var expectElement = false
            var expectKey = false
            var isItem = false
        }
        var result: [Int: [String: Int]] = [:]
        var current: [String: Int] = [:]
        var itemLine = 0
        var line = 1
        var stack: [Frame] = []
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
            if let top = stack.last, top.isArray, top.expectElement, b != closeArray {
                stack[stack.count - 1].expectElement = false
                if top.tracked { current[top.path + "." + String(top.index)] = line }
            }
            switch b {
            case Byte.quote:
                let start = i + 1
                i += 1
                while i < bytes.count && bytes[i] != Byte.quote {
                    if bytes[i] == Byte.backslash {
                        i += 1
                    } else if i < bytes.count && bytes[i] == Byte.lf {
                        line += 1
                    }
                    i += 1
                }
                if let top = stack.last, !top.isArray, top.expectKey {
                    stack[stack.count - 1].key = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[start..<min(i, bytes.count)]), as: UTF8.self)
                    stack[stack.count - 1].expectKey = false
                }
            case open, openArray:
                var frame = Frame(isArray: b == openArray, keyPath: "", path: "")
                if let parent = stack.last {
                    let parentIsTopArray = stack.count == 1 && parent.isArray
                    if parentIsTopArray {
                        frame.isItem = b == open
                    } else if parent.isArray {
                        frame.keyPath = parent.keyPath
                        frame.path = parent.path + "." + String(parent.index)
                    } else {
                        frame.keyPath = parent.keyPath.isEmpty ? parent.key : parent.keyPath + "." + parent.key
                        frame.path = parent.path.isEmpty ? parent.key : parent.path + "." + parent.key
                    }
                } else {
                    frame.isItem = b == open
                }
                if frame.isItem {
                    itemLine = line
                    current = [:]
                }
                if frame.isArray {
                    frame.expectElement = true
                    frame.tracked =
                        !frame.keyPath.isEmpty && (!frame.keyPath.contains(".") || nested.contains(frame.keyPath))
                } else {
                    frame.expectKey = true
                }
                stack.append(frame)
            case close, closeArray:
                if let frame = stack.popLast(), frame.isItem, result[itemLine] == nil { result[itemLine] = current }
            case Byte.comma:
                if let top = stack.last {
                    if top.isArray {
                        stack[stack.count - 1].index += 1
                        stack[stack.count - 1].expectElement = true
                    } else {
                        stack[stack.count - 1].expectKey = true
                    }
                }
            default: break
            }
            i += 1
        }
        return result
    }
}
