/// What reading one input file produced (the ingest stage's output, one per file): its records and events
/// in a log of its own, its warnings, the native records left for the join, or why it could not be read.
///
/// Reading a file is pure (``Ingest/read(_:options:)-(InputFile,_)``): nothing in it depends on another
/// file, so files are read side by side and joined afterwards (``Join``).
public struct FileRecords: Sendable {
    /// The path as given (or `-`).
    public var path: String
    /// The file's records and events: file number 0, records numbered from 0, its own symbols. Empty when the
    /// file could not be read.
    public var log: EventLog
    /// Warnings that did not reject a record (malformed CSV quoting, …), `path:line`.
    public var diagnostics: [Diagnostic]
    /// Set when the file could not be read at all; the caller decides (SPEC §2.4): fatal (exit 65) when
    /// nothing else was read or under `--strict`, otherwise reported and skipped.
    public var failure: IngestFailure?
    /// Native records that the join turns into events.
    var pending: PendingRecords

    init(path: String, log: EventLog, diagnostics: [Diagnostic], failure: IngestFailure?, pending: PendingRecords) {
        self.path = path
        self.log = log
        self.diagnostics = diagnostics
        self.failure = failure
        self.pending = pending
    }

    /// A file that could not be read.
    init(failure: IngestFailure) {
        self.init(path: failure.path, log: EventLog(), diagnostics: [], failure: failure, pending: PendingRecords())
    }

    /// Nothing: what is left where a file's records were moved out (so that they are never shared, and
    /// appending to them never copies).
    static var empty: FileRecords {
        FileRecords(path: "", log: EventLog(), diagnostics: [], failure: nil, pending: PendingRecords())
    }
}
