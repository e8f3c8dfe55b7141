/// Reads a native JSON file as a sequence of top-level items — a page object (`{"tickets":[…]}`), an element
/// of a top-level array, or one NDJSON line — and knows the line where each element of an item's arrays
/// starts, so that a record inside a 1000-ticket page (or a post inside a topic) is reported at its own
/// `path:line`.
///
/// Items are read by ``JSONReader/nextPage(recordKeys:nested:)``, which notes the start line of the elements
/// of the item's member arrays, and of the nested arrays an adapter asks for by their key path
/// (`post_stream.posts`, `items.answers.comments`), as it parses them. Pages are read record by record: a
/// record of a page's record array that is not valid JSON, nests too deep, holds an over-size string or is
/// larger than the record limit is handed to the adapter as a failed item of its own, at its own line, and
/// left out of the page, so that it costs that record and not the page (a failed item is one rejected
/// record for every adapter). The page itself follows, with the records that did parse.
enum NativeJSONPages {
    /// The page members whose arrays hold the records of the native formats: Zendesk's `tickets`, `results`,
    /// `audits`, `skips`, `ticket_skips`, `ticket_metrics`, `metric_sets` and `users`, HackerOne's `data`
    /// and Stack Exchange's `items`.
    static let recordKeys: Set<String> = [
        "tickets", "results", "audits", "skips", "ticket_skips", "ticket_metrics", "metric_sets", "users", "data",
        "items",
    ]

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

    /// Calls `body` for every top-level item of the file — first for each record of a page that failed on its
    /// own, then for the page; `nested` names the key paths of nested arrays whose element lines are wanted
    /// (arrays that are members of the item itself are always followed).
    static func read(
        _ sniff: InputSniff, context: IngestContext, nested: Set<String> = [], _ body: (Item) -> Void
    ) {
        var reader = JSONReader(
            stream: sniff.stream(), maxDepth: context.options.maxJSONDepth,
            maxStringBytes: context.options.maxFieldBytes, maxRecordBytes: context.options.maxJSONRecordBytes)
        while let page = reader.nextPage(recordKeys: recordKeys, nested: nested) {
            for failure in page.failures { body(Item(line: failure.line, result: failure.result, elementLines: [:])) }
            body(Item(line: page.line, result: page.result, elementLines: page.elementLines))
        }
        sniff.readReport.ended(early: reader.earlyEndMessage, line: reader.currentLine)
    }

    /// The message for a record that is not valid JSON.
    static func problem(_ error: JSONError, line: Int) -> String {
        "invalid JSON: \(error.line == line ? error.message : error.description)"
    }
}
