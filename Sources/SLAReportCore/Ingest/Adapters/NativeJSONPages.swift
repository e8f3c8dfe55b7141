/// Reads a native JSON file as a sequence of top-level items — a page object (`{"tickets":[…]}`), an element
/// of a top-level array, or one NDJSON line — and knows the line where each element of a page's record
/// arrays starts, so that a record inside a 1000-ticket page is reported at its own `path:line`.
///
/// Pages are read element by element (``JSONReader/nextPage(recordKeys:)``): a record of a page that is not
/// valid JSON, nests too deep, holds an over-size string or is larger than the record limit is handed to the
/// adapter as a failed item of its own, at its own line, and left out of the page, so that it costs that
/// record and not the page (a failed item is one rejected record for every adapter). The page itself follows,
/// with the records that did parse.
enum NativeJSONPages {
    /// The page members whose arrays hold the records of the native formats: Zendesk's `tickets`, `results`,
    /// `audits`, `skips`, `ticket_skips`, `ticket_metrics`, `metric_sets` and `users`, HackerOne's `data`
    /// and Stack Exchange's `items`.
    static let recordKeys: Set<String> = [
        "tickets", "results", "audits", "skips", "ticket_skips", "ticket_metrics", "metric_sets", "users", "data",
        "items",
    ]

    /// One top-level item and the element lines of its record arrays.
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

    /// Calls `body` for every top-level item of the file: first for each record of a page that failed on
    /// its own, then for the page.
    static func read(_ sniff: InputSniff, context: IngestContext, _ body: (Item) -> Void) {
        var reader = JSONReader(
            stream: sniff.stream(), maxDepth: context.options.maxJSONDepth,
            maxStringBytes: context.options.maxFieldBytes, maxRecordBytes: context.options.maxJSONRecordBytes)
        while let page = reader.nextPage(recordKeys: recordKeys) {
            for failure in page.failures { body(Item(line: failure.line, result: failure.result, arrayLines: [:])) }
            body(Item(line: page.line, result: page.result, arrayLines: page.elementLines))
        }
        sniff.readReport.ended(early: reader.earlyEndMessage, line: reader.currentLine)
    }

    /// The message for a record that is not valid JSON.
    static func problem(_ error: JSONError, line: Int) -> String {
        "invalid JSON: \(error.line == line ? error.message : error.description)"
    }
}
