/// What format detection sees of a file: whether it is CSV or JSON, the CSV header fields or the keys of
/// the first JSON object, and the file itself for detectors that need a deeper look.
public struct InputSniff: Sendable {
    public enum Syntax: Hashable, Sendable {
        case csv
        case json
        /// No bytes, or only white space / a byte order mark.
        case empty
    }

    public var input: InputFile
    public var syntax: Syntax
    /// CSV: the header row's fields, spaces trimmed, as written.
    public var csvHeader: [String]
    /// JSON: the keys of the first object (the top-level object, or the first element of a top-level array).
    public var jsonKeys: [String]

    public var path: String { input.path }

    /// Sniffs `input`: JSON when the first byte that is not white space is `{` or `[`, otherwise CSV.
    public init(_ input: InputFile) {
        self.input = input
        let bytes = input.bytes.buffer
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        let rest = UnsafeBufferPointer(rebasing: bytes[start...])
        let blank = rest.allSatisfy { $0 == Byte.space || $0 == Byte.tab || $0 == Byte.lf || $0 == Byte.cr }
        csvHeader = []
        jsonKeys = []
        if blank {
            syntax = .empty
        } else if JSONReader.looksLikeJSON(rest) {
            syntax = .json
            jsonKeys = JSONReader.firstObjectKeys(rest) ?? []
        } else {
            syntax = .csv
            var reader = CSVReader(bytes: bytes)
            if reader.next() {
                csvHeader = reader.record.strings.map { $0.trimmingASCIISpaces() }
            }
        }
    }

    /// The CSV header fields or JSON keys, lower-cased.
    public var lowercasedNames: [String] {
        (syntax == .csv ? csvHeader : jsonKeys).map { $0.lowercased() }
    }

    /// Whether every name in `names` is a CSV column or a key of the first JSON object, ignoring case.
    public func hasColumns(_ names: [String]) -> Bool {
        let present = Set(lowercasedNames)
        return names.allSatisfy { present.contains($0.lowercased()) }
    }

    /// Whether the file holds a NUL byte in its first 4 KiB: binary data (an archive, an image, a
    /// spreadsheet), which no text format has.
    public var looksBinary: Bool {
        input.bytes.buffer.prefix(4096).contains(0)
    }

    /// What was found, for messages: `a CSV header with columns id, name` / `JSON whose first object has keys …`.
    public var summary: String {
        func list(_ names: [String]) -> String {
            let shown = names.prefix(12).map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ", ")
            return names.count > 12 ? shown + ", …" : shown
        }
        switch syntax {
        case .empty: return "an empty file"
        case .csv where looksBinary: return "binary data (a NUL byte in the first 4 KiB), not text"
        case .csv: return "a CSV header with columns \(list(csvHeader))"
        case .json:
            return jsonKeys.isEmpty
                ? "JSON without an object to recognise" : "JSON whose first object has keys \(list(jsonKeys))"
        }
    }
}

/// The input formats slareport knows, tried in order.
///
/// To add a native adapter, add one line to ``standard`` (more specific formats before more general ones).
public struct FormatRegistry: Sendable {
    public var adapters: [any InputAdapter]

    public init(adapters: [any InputAdapter]) { self.adapters = adapters }

    /// Every built-in format.
    public static let standard = FormatRegistry(adapters: [
        CanonicalEventsAdapter(),
        CanonicalTicketsAdapter(),
        ZendeskJSONAdapter(.incremental),
        ZendeskJSONAdapter(.legacyExport),
        ZendeskJSONAdapter(.audits),
        ZendeskJSONAdapter(.skips),
        ZendeskJSONAdapter(.ticketMetrics),
        ZendeskJSONAdapter(.metricEvents),
        ZendeskJSONAdapter(.users),
        ZendeskCSVAdapter(),
        HackerOneAdapter(),
        HackerOneCSVAdapter(),
        TwitterAdapter(),
        DiscourseAdapter(),
        StackExchangeAdapter(),
        GitLabAdapter(.notes),
        GitLabAdapter(.issues),
    ])

    /// The names, in order (for `--input-format` help and messages).
    public var names: [String] { adapters.map(\.name) }

    /// One line per format: `name: what it looks like`, for the explanation under an unrecognised file.
    public var expectations: [String] { adapters.map { "\($0.name): \($0.expectation)" } }

    /// The adapter called `name` (case-insensitive).
    public func adapter(named name: String) -> (any InputAdapter)? {
        adapters.first { $0.name.lowercased() == name.lowercased() }
    }
}

/// Picks the adapter for a file: the forced one, or the first in the registry whose `detect` accepts it.
public enum FormatDetector {
    /// The adapter for `sniff`, or the reason there is none.
    public static func detect(
        _ sniff: InputSniff, registry: FormatRegistry, forcedFormat: String? = nil
    ) -> Result<any InputAdapter, IngestFailure> {
        if let forcedFormat {
            if let adapter = registry.adapter(named: forcedFormat) { return .success(adapter) }
            return .failure(
                IngestFailure(
                    path: sniff.path, kind: .unknownFormat, tried: registry.names,
                    message:
                        "unknown input format \"\(forcedFormat)\" (known formats: \(registry.names.joined(separator: ", ")))"
                ))
        }
        if sniff.syntax == .empty {
            return .failure(
                IngestFailure(path: sniff.path, kind: .empty, tried: [], message: "empty file (no header, no records)"))
        }
        if let adapter = registry.adapters.first(where: { $0.detect(sniff) }) {
            return .success(adapter)
        }
        // The message stays one line (it is also a cell of the report's data-quality table); what each format
        // expects is in ``FormatRegistry/expectations``, which the CLI prints under it.
        return .failure(
            IngestFailure(
                path: sniff.path, kind: .unrecognised, tried: registry.names,
                message:
                    "unrecognised input format: found \(sniff.summary); tried \(registry.names.joined(separator: ", "))"
            ))
    }
}

/// A file that could not be read at all. Fatal (exit 65) unless other inputs remain and `--strict` is off,
/// in which case it is reported and skipped: the caller decides (SPEC §2.4).
public struct IngestFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// No format recognised the file.
        case unrecognised
        /// The file has no bytes, or only white space and a byte order mark: nothing to recognise.
        case empty
        /// `--input-format` named a format that does not exist.
        case unknownFormat
        /// The format was recognised (or forced) but the file cannot be used, e.g. a required column is missing.
        case unusable
    }

    public var path: String
    public var kind: Kind
    /// The formats tried, in order.
    public var tried: [String]
    /// The problem, without the path.
    public var message: String

    public init(path: String, kind: Kind, tried: [String], message: String) {
        self.path = path
        self.kind = kind
        self.tried = tried
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }

    /// The fatal error for this failure (exit 65).
    public var error: SLAReportError { .data(description) }

    /// The entry for the data-quality section's `unrecognised` list (line 0 = the whole file).
    public var rejectedRecord: RejectedRecord { RejectedRecord(path: path, line: 0, reason: message) }
}

extension String {
    func trimmingASCIISpaces() -> String {
        var copy = self
        return copy.withUTF8 { String(decoding: FieldBytes.trimmed($0), as: UTF8.self) }
    }
}
