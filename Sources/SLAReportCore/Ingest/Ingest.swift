/// How to read the inputs.
public struct IngestOptions: Sendable {
    /// The clock for timestamps written without an offset (the policy's `input_timezone`).
    public var inputTimeZone: ZoneClock
    /// `--input-format NAME`: read every file with this format instead of detecting it.
    public var forcedFormat: String?
    /// The formats to detect (``FormatRegistry/standard`` unless a test says otherwise).
    public var registry: FormatRegistry
    /// A CSV field or JSON string over this many bytes makes its record rejected (SPEC §2.4: 1 MiB).
    public var maxFieldBytes: Int
    /// A CSV record or JSON record (an object of a page, an array element, a line) over this many bytes is
    /// rejected (16 MiB for CSV; JSON records may be four times as large).
    public var maxRecordBytes: Int = 16 << 20
    /// A JSON record larger than this is rejected (four times ``maxRecordBytes``: JSON is wordier).
    public var maxJSONRecordBytes: Int { maxRecordBytes * 4 }
    /// A CSV record with more fields than this is rejected (16,384, the spreadsheet column limit).
    public var maxFields: Int = 16_384
    /// JSON nested deeper than this makes its record rejected (SPEC §2.4: 64).
    public var maxJSONDepth: Int
    /// The policy native adapters route records with (``Policy/route(_:)``) and whose `agents` name the
    /// people who answer for the team on Discourse, Stack Exchange and GitLab.
    public var policy: Policy
    /// A canonical-events CSV file of at least this many bytes is read in parts side by side.
    public var partThreshold: Int = Ingest.partThreshold
    /// How many parts such a file is read in.
    public var partCount: Int = 2

    public init(
        inputTimeZone: ZoneClock = .utc, forcedFormat: String? = nil, registry: FormatRegistry = .standard,
        maxFieldBytes: Int = CSVReader.defaultMaxFieldBytes, maxJSONDepth: Int = JSONReader.defaultMaxDepth,
        policy: Policy = .builtIn
    ) {
        self.policy = policy
        self.inputTimeZone = inputTimeZone
        self.forcedFormat = forcedFormat
        self.registry = registry
        self.maxFieldBytes = maxFieldBytes
        self.maxJSONDepth = maxJSONDepth
    }
}

/// What the ingest stage produced.
public struct IngestResult: Sendable {
    /// The events, records and rejections of every file that could be read, in input order.
    public var log: EventLog
    /// Warnings that did not reject a record (malformed CSV quoting, …), `path:line`, in input order.
    /// Rejected records are in ``EventLog/rejections``, not here.
    public var diagnostics: [Diagnostic]
    /// Files that could not be read at all, in input order. The caller decides: fatal (exit 65) when
    /// nothing else was read or under `--strict`, otherwise reported and skipped (SPEC §2.4).
    public var failures: [IngestFailure]

    public init(log: EventLog, diagnostics: [Diagnostic], failures: [IngestFailure]) {
        self.log = log
        self.diagnostics = diagnostics
        self.failures = failures
    }
}

/// The ingest stage: detects each file's format and runs its adapter (SPEC §2).
public enum Ingest {
    /// Reads `files` in the order given (the caller sorts directory listings). Never throws: files that
    /// cannot be read are listed in ``IngestResult/failures``; bad records are rejected in the log.
    ///
    /// Files are read one after another into one ``EventLog``, so record numbers, symbols and diagnostics
    /// follow the input order and the result is the same on every run.
    public static func read(_ files: [InputFile], options: IngestOptions = IngestOptions()) -> IngestResult {
        var log = EventLog()
        var context = IngestContext(options: options)
        var failures: [IngestFailure] = []
        for input in files {
            let sniff = InputSniff(input)
            context.beginFile()
            switch FormatDetector.detect(sniff, registry: options.registry, forcedFormat: options.forcedFormat) {
            case .failure(let failure):
                failures.append(failure)
            case .success(let adapter):
                if !readInParts(sniff, with: adapter, into: &log, context: &context),
                    let failure = read(sniff, with: adapter, into: &log, context: &context)
                {
                    failures.append(failure)
                }
            }
            context.finishFile(path: sniff.path)
        }
        for adapter in options.registry.adapters {
            adapter.finish(into: &log, context: &context)
        }
        return IngestResult(log: log, diagnostics: context.diagnostics, failures: failures)
    }

    /// Runs one adapter on one file; on a file-level error, takes back everything it appended.
    static func read(
        _ sniff: InputSniff, with adapter: any InputAdapter, into log: inout EventLog, context: inout IngestContext
    ) -> IngestFailure? {
        let mark = (files: log.files.count, events: log.events.count, records: log.recordCount)
        context.file = log.addFile(path: sniff.path, format: adapter.name)
        context.path = sniff.path
        do {
            try adapter.read(sniff, into: &log, context: &context)
            if let early = sniff.readReport.earlyEnd, context.earlyEnd == nil {
                context.earlyEnd = Diagnostic(
                    .warning, early.message, at: SourceLocation(path: sniff.path, line: early.line))
            }
            return nil
        } catch {
            rollBack(&log, to: mark)
            return IngestFailure(
                path: sniff.path, kind: .unusable, tried: [adapter.name], message: "\(adapter.name): \(error.message)")
        }
    }
}
