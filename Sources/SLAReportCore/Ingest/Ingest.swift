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
    /// JSON nested deeper than this makes its record rejected (SPEC §2.4: 64).
    public var maxJSONDepth: Int
    /// The policy native adapters route records with (``Policy/route(_:)``) and whose `agents` name the
    /// people who answer for the team on Discourse, Stack Exchange and GitLab.
    public var policy: Policy
    /// A canonical-events CSV file of at least this many bytes is read in two parts side by side.
    public var partThreshold: Int = Ingest.partThreshold
    /// Keep the text of values no stage of the report reads (subjects, the text of replies): `slareport
    /// explain` shows them; the report keeps fingerprints (see ``EventColumns``).
    public var keepsUnusedText = false
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
            return read(sniff, with: adapter, options: options)
        }
    }

    /// Inputs at least this large are read in two parts side by side (see ``readInParts``).
    static let partThreshold = 32 << 20

    /// Reads a large canonical-events CSV file in two parts, one per core: the file is cut at a line break
    /// near its middle, each part is read into a log of its own (the second after the header), and the
    /// second is appended to the first with its symbols, records, lines and warnings renumbered as if the
    /// file had been read in one go (symbols are numbered in first-seen order either way, so the result is
    /// the same).
    ///
    /// The cut is only trusted when the first part ends outside quotes (no unterminated-quote warning);
    /// otherwise, or when either part fails, nil is returned and the caller reads the file whole.
    private static func readInParts(
        _ sniff: InputSniff, with adapter: any InputAdapter, options: IngestOptions
    ) -> FileRecords? {
        let input = sniff.input.bytes
        guard adapter is CanonicalEventsAdapter, sniff.syntax == .csv, input.count >= options.partThreshold,
            input.count > 1,
            let base = input.buffer.baseAddress
        else { return nil }
        // The header record: the reader's first record.
        var headerReader = CSVReader(bytes: input.buffer)
        guard headerReader.next() else { return nil }
        let headerEnd = headerReader.consumedOffset
        var cut = headerEnd + (input.count - headerEnd) / 2
        while cut < input.count && base[cut - 1] != Byte.lf { cut += 1 }
        guard cut < input.count, cut > headerEnd else { return nil }

        let first = InputBytes(part: input, range: 0..<cut, header: 0..<0, releases: true)
        let second = InputBytes(part: input, range: cut..<input.count, header: 0..<headerEnd, releases: false)
        var firstSniff = sniff
        firstSniff.input = InputFile(path: sniff.path, bytes: first)
        var secondSniff = sniff
        secondSniff.input = InputFile(path: sniff.path, bytes: second)

        // Room for every record of the file up front: the first part's arrays never regrow and the second
        // part is appended without moving them (room reserved and never written is never resident).
        let firstRecords = estimatedRecords(base, cut)
        let secondRecords = estimatedRecords(base + cut, input.count - cut)
        var parts = Parallel.both(
            { () -> (records: FileRecords, lineAtCut: Int) in
                let records = read(firstSniff, with: adapter, options: options, reserve: firstRecords + secondRecords)
                // Lines before the cut, counted as the reader counts them (CRLF, LF or a lone CR).
                var lines = 1
                for i in 0..<cut
                where base[i] == Byte.lf || (base[i] == Byte.cr && (i + 1 >= cut || base[i + 1] != Byte.lf)) {
                    lines += 1
                }
                return (records, lines)
            },
            { () -> FileRecords in read(secondSniff, with: adapter, options: options, reserve: secondRecords) })
        // Moved out, not shared: appending the second part to a log still referred to by `parts` would copy it.
        var records = FileRecords.empty
        swap(&records, &parts.0.records)
        var rest = FileRecords.empty
        swap(&rest, &parts.1)
        let cleanCut = !records.diagnostics.contains { $0.message.hasPrefix("unterminated quoted field") }
        guard records.failure == nil, rest.failure == nil, cleanCut else { return nil }
        // The second part's first data line was read as line 2, after the header; its warnings about the
        // repeated header are dropped.
        let lineShift = parts.0.lineAtCut - 2
        records.log.absorb(&rest.log, sameFile: true, lineShift: lineShift)
        for var d in rest.diagnostics {
            guard let location = d.location, location.line > 1 else { continue }
            d.location = SourceLocation(path: location.path, line: location.line + lineShift)
            records.diagnostics.append(d)
        }
        input.releasePages(before: input.count)
        return records
    }

    /// A generous guess at the number of lines in `count` bytes from `base`, from the line length of their
    /// first MiB (a quarter more, so that a guess a little short does not make an array regrow).
    private static func estimatedRecords(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
        let sample = min(count, 1 << 20)
        var lines = 0
        for i in 0..<sample where base[i] == Byte.lf { lines += 1 }
        guard sample > 0 else { return 0 }
        let perByte = Double(max(lines, 1)) / Double(sample)
        return Int(Double(count) * perByte * 1.25) + 16
    }

    /// Runs one adapter on one file into a log of its own; on a file-level error, the file's failure.
    private static func read(
        _ sniff: InputSniff, with adapter: any InputAdapter, options: IngestOptions, reserve: Int = 0
    ) -> FileRecords {
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
            return FileRecords(
                path: sniff.path, log: log, diagnostics: context.diagnostics, failure: nil, pending: context.pending)
        } catch {
            let failure = IngestFailure(
                path: sniff.path, kind: .unusable, tried: [adapter.name], message: "\(adapter.name): \(error.message)")
            return FileRecords(
                path: sniff.path, log: EventLog(), diagnostics: context.diagnostics, failure: failure,
                pending: PendingRecords())
        }
    }
}
