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
public struct IngestContext {
    public let options: IngestOptions
    /// The current file's index in ``EventLog/files``.
    public internal(set) var file: UInt32 = 0
    /// The current file's path as given.
    public internal(set) var path: String = ""
    /// Warnings so far (malformed quotes, …), compiler style `path:line: warning: message`.
    public internal(set) var diagnostics: [Diagnostic] = []
    /// Records of native exports that the join stage turns into events.
    var pending = PendingRecords()

    public init(options: IngestOptions) { self.options = options }

    /// Records a warning about `line` of the current file (0 = the whole file).
    public mutating func warn(_ message: String, line: Int) {
        diagnostics.append(Diagnostic(.warning, message, at: SourceLocation(path: path, line: line)))
    }
}
