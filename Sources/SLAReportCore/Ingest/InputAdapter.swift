/// One input format: how to recognise it from a sniff of the file and how to turn it into records.
///
/// Adapters are listed in ``FormatRegistry/standard`` and tried in order; the first whose ``detect(_:)``
/// says yes reads the file. A native adapter plugs in with one line there. Adapters read through
/// ``CSVReader`` (bytes, reusable record) or ``JSONReader`` (values with lines), append with
/// ``EventLog/beginRecord(file:line:)`` / ``EventLog/append(_:)`` / ``EventLog/reject(record:reason:)``, and
/// throw ``IngestFileError`` only for problems with the whole file (missing required columns): the ingest
/// stage then drops whatever the adapter had appended for that file. Reading is pure per file: records that
/// only mean something together with other files (Zendesk audits, tweets of a thread, GitLab notes) go to
/// ``IngestContext/pending`` and become events in the join stage (``Join``).
public protocol InputAdapter: Sendable {
    /// The format's name, as `--input-format` takes it and the report shows it (`canonical-events`).
    var name: String { get }
    /// What the format looks like, for the "unrecognised file" message (`a CSV header or JSON keys with
    /// ticket, event, at`).
    var expectation: String { get }
    /// Whether the sniffed file is in this format. Should be cheap; ``InputSniff/input`` is there for a
    /// deeper look when the header or keys are not enough.
    func detect(_ sniff: InputSniff) -> Bool
    /// Reads the whole file into `log`, as file number `context.file`.
    func read(_ sniff: InputSniff, into log: inout EventLog, context: inout IngestContext) throws(IngestFileError)
}

/// A problem with a whole file (as opposed to one record), e.g. a required column missing.
public struct IngestFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// What an adapter gets besides the file: the options, the file's number in its ``EventLog``, a place for
/// warnings, and the records it leaves for the join stage.
public struct IngestContext: Sendable {
    public let options: IngestOptions
    /// The current file's index in ``EventLog/files``.
    public internal(set) var file: UInt32 = 0
    /// The current file's path as given.
    public internal(set) var path: String = ""
    /// Warnings so far (malformed quotes, …), compiler style `path:line: warning: message`.
    public internal(set) var diagnostics: [Diagnostic] = []
    /// Records of native exports that the join stage turns into events.
    var pending = PendingRecords()
    /// Where the reader of a part of a file stopped (``InputSniff/part``), set by the CSV row reader.
    public internal(set) var partEnd: PartEnd?
    /// The CSV reader's warnings about the current file (quotes kept as text), at most
    /// ``CSVCore/maxWarnings`` of them, and how many more there were. The ingest stage moves them into
    /// ``diagnostics`` once the whole file is read (all its parts merged), so the same ones are kept however
    /// the file was read.
    var readerWarnings: [Diagnostic] = []
    var suppressedReaderWarnings = 0
    /// The warning that the current file's bytes ended early (it shrank, a read failed).
    var earlyEnd: Diagnostic?

    public init(options: IngestOptions) { self.options = options }

    /// Where a CSV reader stopped: at the start of a later part (on a record boundary), or at the end.
    public struct PartEnd: Hashable, Sendable {
        /// The offset of the later part it stopped at; nil when it read to the end of the file.
        public var stoppedAt: Int?
        /// The 1-based line (counted from the part's start) of the next byte.
        public var line: Int
    }

    /// Ends a file: its reader warnings (the first ``CSVCore/maxWarnings``, then one line for the rest) and the
    /// early end of its bytes become diagnostics.
    mutating func finishFile() {
        let kept = readerWarnings.prefix(CSVCore.maxWarnings)
        let more = suppressedReaderWarnings + readerWarnings.count - kept.count
        diagnostics += kept
        if more > 0 {
            diagnostics.append(
                Diagnostic(
                    .warning, "\(more) more warnings about quotes in this file are not shown",
                    at: SourceLocation(path: path, line: 0)))
        }
        if let earlyEnd { diagnostics.append(earlyEnd) }
        readerWarnings = []
        suppressedReaderWarnings = 0
        earlyEnd = nil
    }

    /// Records a warning about `line` of the current file (0 = the whole file).
    public mutating func warn(_ message: String, line: Int) {
        diagnostics.append(Diagnostic(.warning, message, at: SourceLocation(path: path, line: line)))
    }
}
