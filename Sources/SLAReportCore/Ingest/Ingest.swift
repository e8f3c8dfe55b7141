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
    /// Keep the text of values no stage of the report reads (subjects, the text of replies): `slareport
    /// explain` shows them; the report keeps fingerprints (see ``EventColumns``).
    public var keepsUnusedText = false
    /// How many parts such a file is read in: one per active core (at most 8, ``Parallel/cores(limit:)``).
    public var partCount: Int = Parallel.cores()
    /// A part of such a file with at least this many bytes left to read is cut in two when a core is free, and
    /// that core reads the back half (8 MiB: about 40 ms of reading on one core).
    public var partSplitBytes: Int = 8 << 20
    /// Bytes a canonical CSV reader takes from its file at a time (the tests make it small, so that parts are
    /// cut while their readers are in the middle of them).
    var readChunkBytes: Int = CSVReader.defaultChunkBytes
    /// A part or file with at least this many events is appended to the ones before it on two cores
    /// (``EventLog/absorb(_:sameFile:lineShift:parallelFrom:)``; the tests make it 0, so that small inputs
    /// take that path too).
    var parallelMergeFrom: Int = EventLog.parallelMergeFrom
    /// Keep the facts each native ticket was routed by (``EventLog/routingFacts``), for `slareport explain`.
    public var keepsRoutingFacts = false

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

/// The ingest stage: detects each file's format and runs its adapter (SPEC §2), one file at a time and
/// each on its own, so that files can be read side by side. The join stage (``Join``) puts them together.
public enum Ingest {
    /// Reads `files`, several at once on a machine with several cores; the results are in input order
    /// whatever finished first. Never throws: a file that cannot be read carries its
    /// ``FileRecords/failure``; bad records are rejected in its ledger.
    public static func read(_ files: [InputFile], options: IngestOptions = IngestOptions()) -> [FileRecords] {
        if files.count < 2 { return files.map { read($0, options: options) } }
        return Parallel.map(files.count) { read(files[$0], options: options) }
    }

    /// Reads one file: pure, nothing in it depends on another input.
    public static func read(_ input: InputFile, options: IngestOptions = IngestOptions()) -> FileRecords {
        let sniff = InputSniff(input)
        switch FormatDetector.detect(sniff, registry: options.registry, forcedFormat: options.forcedFormat) {
        case .failure(let failure):
            return FileRecords(failure: failure)
        case .success(let adapter):
            if let parts = readInParts(sniff, with: adapter, options: options) { return parts }
            let (records, context) = read(sniff, with: adapter, options: options)
            return finished(records, context)
        }
    }

    /// Runs one adapter on one file (or one part of a file) into a log of its own: its records, and the
    /// context the reading ended with (where a part's reader stopped, the reader's warnings, an early end),
    /// for ``finished(_:_:)`` or the merge of the parts. On a file-level error, the file's failure.
    static func read(
        _ sniff: InputSniff, with adapter: any InputAdapter, options: IngestOptions, reserve: Int = 0
    ) -> (records: FileRecords, context: IngestContext) {
        var log = EventLog()
        log.keepsUnusedText = options.keepsUnusedText
        if reserve > 0 {
            log.events.reserveCapacity(reserve)
            log.ledger.reserve(reserve)
        }
        var context = IngestContext(options: options)
        context.file = log.addFile(path: sniff.path, format: adapter.name)
        context.path = sniff.path
        do {
            try adapter.read(sniff, into: &log, context: &context)
            if let early = sniff.readReport.earlyEnd {
                context.earlyEnd = Diagnostic(
                    .warning, early.message, at: SourceLocation(path: sniff.path, line: early.line))
            }
            let records = FileRecords(
                path: sniff.path, log: log, diagnostics: context.diagnostics, failure: nil, pending: context.pending)
            return (records, context)
        } catch {
            let failure = IngestFailure(
                path: sniff.path, kind: .unusable, tried: [adapter.name], message: "\(adapter.name): \(error.message)")
            let records = FileRecords(
                path: sniff.path, log: EventLog(), diagnostics: context.diagnostics, failure: failure,
                pending: PendingRecords())
            return (records, context)
        }
    }

    /// A file read whole, or its parts merged: the reader's warnings (capped per file) and the early end of
    /// its bytes join its diagnostics.
    static func finished(_ records: FileRecords, _ context: IngestContext) -> FileRecords {
        var records = records
        var context = context
        context.diagnostics = records.diagnostics
        context.finishFile()
        records.diagnostics = context.diagnostics
        return records
    }
}
