/// What format detection sees of a file: its first bytes, whether it is CSV (and with which separator) or
/// JSON, the CSV header fields or the keys of the first JSON object, and the file itself for the adapter.
public struct InputSniff: Sendable {
    public enum Syntax: Hashable, Sendable {
        case csv
        case json
        /// No bytes, or only white space / a byte order mark.
        case empty
        /// Not text at all (NUL bytes, a compressed archive, UTF-16): never read as records.
        case binary
    }

    /// How many bytes of the start of a file are sniffed (and kept for a stream, which is read only once).
    public static let prefixBytes = 1 << 20

    public var input: InputFile
    public var syntax: Syntax
    /// The first bytes of the input (at most ``prefixBytes``).
    public var prefix: [UInt8]
    /// Whether ``prefix`` is the whole input.
    public var prefixIsWhole: Bool
    /// CSV: the separator, detected from the header row (`,`, `;` or a tab; SPEC §2.3).
    public var separator: UInt8
    /// CSV: the header row's fields, spaces trimmed, as written.
    public var csvHeader: [String]
    /// JSON: the keys of the first object (the top-level object, or the first element of a top-level array).
    public var jsonKeys: [String]
    /// Binary: what the bytes look like (`NUL bytes`, `a gzip file`, …).
    public var binaryKind: String?
    /// Why the input could not be read at all (it cannot be opened), if so.
    public var readProblem: String?
    /// For one part of a large file read side by side with the others (see ``Ingest``).
    public var part: InputPart? {
        didSet { readReport = InputReadReport() }
    }
    /// Where the adapter's reader notes an early end of the bytes (a file that shrank, a read error).
    var readReport = InputReadReport()

    public var path: String { input.path }

    /// Sniffs `input` from its first bytes: binary when they hold NUL bytes (or look like an archive or
    /// UTF-16), JSON when the first byte that is not white space is `{` or `[`, otherwise CSV.
    public init(_ input: InputFile) {
        self.input = input
        var stream = input.source.stream()
        var bytes: [UInt8]
        if let memory = stream.takeMemory() {
            bytes = Array(memory.prefix(InputSniff.prefixBytes))
            prefixIsWhole = bytes.count == memory.count
        } else {
            // A file no larger than the prefix needs no more room than its size (and one byte to see its end).
            let room = min(InputSniff.prefixBytes, (input.source.size ?? InputSniff.prefixBytes) + 1)
            bytes = [UInt8](repeating: 0, count: room)
            let n = bytes.withUnsafeMutableBytes { stream.fill($0) }
            bytes.removeLast(bytes.count - n)
            prefixIsWhole = n < room
            if n == 0, case .failed(let message) = stream.ending { readProblem = message }
        }
        prefix = bytes
        separator = Byte.comma
        csvHeader = []
        jsonKeys = []
        binaryKind = nil
        syntax = .empty
        bytes.withUnsafeBufferPointer { all in
            var start = 0
            if all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF { start = 3 }
            let rest = UnsafeBufferPointer(rebasing: all[start...])
            if let kind = InputSniff.binaryKind(rest) {
                syntax = .binary
                binaryKind = kind
                return
            }
            let blank = rest.allSatisfy { $0 == Byte.space || $0 == Byte.tab || $0 == Byte.lf || $0 == Byte.cr }
            if blank {
                syntax = .empty
            } else if JSONReader.looksLikeJSON(rest) {
                syntax = .json
                jsonKeys = JSONReader.firstObjectKeys(rest) ?? []
            } else {
                syntax = .csv
                separator = CSVSeparator.detect(all)
                var reader = CSVReader(bytes: all, separator: separator)
                if reader.next() {
                    csvHeader = reader.record.strings.map { $0.trimmingASCIISpaces() }
                }
            }
        }
    }

    /// What binary data the first bytes look like, nil when they look like text: a NUL byte in the first line
    /// (where the header row of a text export is) or more than one byte in ten being NUL in the first 64 KiB,
    /// a gzip or ZIP signature (an Excel workbook is a ZIP file), or UTF-16 (byte order mark). A NUL or two
    /// further down is data of a record, rejected or kept there.
    static func binaryKind(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B {
            return "a gzip-compressed file (decompress it first)"
        }
        if bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04 {
            return "a ZIP archive or Excel workbook (export the sheet as CSV)"
        }
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            return "UTF-16 text (save it as UTF-8)"
        }
        let sample = min(bytes.count, 64 << 10)
        var nuls = 0
        var nulInHeader = false
        var headerEnded = false
        for i in 0..<sample {
            let b = bytes[i]
            if b == 0 {
                nuls += 1
                if !headerEnded { nulInHeader = true }
            } else if b == Byte.lf || b == Byte.cr {
                headerEnded = true
            }
        }
        if nulInHeader || nuls * 10 > sample { return "binary data (NUL bytes), not text" }
        return nil
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

    /// Whether the file's first bytes are binary data (NUL bytes, an archive, UTF-16), which no text format
    /// has.
    public var looksBinary: Bool { syntax == .binary }

    /// What was found, for messages: `a CSV header with columns id, name` / `JSON whose first object has keys …`
    /// (names shortened and made printable: they come from the input).
    public var summary: String {
        func list(_ names: [String]) -> String {
            let shown = names.prefix(12).map { $0.isEmpty ? "\"\"" : DiagnosticText.echo($0, limit: 40) }
                .joined(separator: ", ")
            return names.count > 12 ? shown + ", …" : shown
        }
        let separatorName =
            separator == Byte.semicolon ? " (separated by ;)" : separator == Byte.tab ? " (tab-separated)" : ""
        switch syntax {
        case .empty: return "an empty file"
        case .binary: return binaryKind ?? "binary data"
        case .csv: return "a CSV header\(separatorName) with columns \(list(csvHeader))"
        case .json:
            return jsonKeys.isEmpty
                ? "JSON without an object to recognise" : "JSON whose first object has keys \(list(jsonKeys))"
        }
    }

    /// A stream over the bytes an adapter reads: the whole input (for a stream source, the sniffed bytes
    /// first and then the rest), or the part's bytes.
    public func stream() -> ByteStream {
        if let part { return input.source.stream(from: part.start, to: part.end) }
        return input.source.stream(replaying: prefix)
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
        if let problem = sniff.readProblem {
            return .failure(
                IngestFailure(
                    path: sniff.path, kind: .unreadable, tried: [], message: "cannot read: \(problem)"))
        }
        if let forcedFormat {
            if let adapter = registry.adapter(named: forcedFormat) { return .success(adapter) }
            return .failure(
                IngestFailure(
                    path: sniff.path, kind: .unknownFormat, tried: registry.names,
                    message:
                        "unknown input format \"\(forcedFormat)\" (known formats: \(registry.names.joined(separator: ", ")))"
                ))
        }
        if sniff.syntax == .binary {
            // No format was tried: none reads binary data.
            return .failure(
                IngestFailure(
                    path: sniff.path, kind: .unrecognised, tried: [],
                    message: "unrecognised input format: found \(sniff.summary)"))
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
        /// The bytes could not be read (the file cannot be opened, a read failed before any byte).
        case unreadable
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
        self.message = DiagnosticText.clip(message)
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
