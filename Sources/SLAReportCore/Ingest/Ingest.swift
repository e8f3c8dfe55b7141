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
            switch FormatDetector.detect(sniff, registry: options.registry, forcedFormat: options.forcedFormat) {
            case .failure(let failure):
                failures.append(failure)
            case .success(let adapter):
                if readInParts(sniff, with: adapter, into: &log, context: &context) { continue }
                if let failure = read(sniff, with: adapter, into: &log, context: &context) {
                    failures.append(failure)
                }
            }
        }
        for adapter in options.registry.adapters {
            adapter.finish(into: &log, context: &context)
        }
        return IngestResult(log: log, diagnostics: context.diagnostics, failures: failures)
    }

    /// Inputs at least this large are read in two parts side by side (see ``readInParts``).
    static let partThreshold = 32 << 20

    /// Reads a large canonical-events CSV file in two parts, one per core: the file is cut at a line break
    /// near its middle, the second part is read (after the header) into a log of its own, and that log is
    /// appended to `log` with its symbols, records, lines and warnings renumbered as if the file had been
    /// read in one go (symbols are numbered in first-seen order either way, so the result is the same).
    ///
    /// The cut is only trusted when the first part ends outside quotes (no unterminated-quote warning);
    /// otherwise, or when either part fails, everything is taken back and false is returned, and the caller
    /// reads the file whole.
    private static func readInParts(
        _ sniff: InputSniff, with adapter: any InputAdapter, into log: inout EventLog, context: inout IngestContext
    ) -> Bool {
        let input = sniff.input.bytes
        guard adapter is CanonicalEventsAdapter, sniff.syntax == .csv, input.count >= context.options.partThreshold,
            input.count > 1,
            let base = input.buffer.baseAddress
        else { return false }
        // The header record: the reader's first record.
        var headerReader = CSVReader(bytes: input.buffer)
        guard headerReader.next() else { return false }
        let headerEnd = headerReader.consumedOffset
        var cut = headerEnd + (input.count - headerEnd) / 2
        while cut < input.count && base[cut - 1] != Byte.lf { cut += 1 }
        guard cut < input.count, cut > headerEnd else { return false }

        let mark = (files: log.files.count, events: log.events.count, records: log.recordCount)
        let diagnosticsBefore = context.diagnostics.count
        let first = InputBytes(part: input, range: 0..<cut, header: 0..<0, releases: true)
        let second = InputBytes(part: input, range: cut..<input.count, header: 0..<headerEnd, releases: false)
        var firstSniff = sniff
        firstSniff.input = InputFile(path: sniff.path, bytes: first)
        var secondSniff = sniff
        secondSniff.input = InputFile(path: sniff.path, bytes: second)
        let options = context.options

        // Room for every record of the file up front: the first part's arrays never regrow and the second
        // part is appended without moving them (room reserved and never written is never resident).
        let firstRecords = estimatedRecords(base, cut)
        let secondRecords = estimatedRecords(base + cut, input.count - cut)
        nonisolated(unsafe) var mainLog = log
        nonisolated(unsafe) var mainContext = context
        log = EventLog()
        mainLog.events.reserveCapacity(mainLog.events.count + firstRecords + secondRecords)
        mainLog.recordFile.reserveCapacity(mainLog.recordCount + firstRecords + secondRecords)
        mainLog.recordLine.reserveCapacity(mainLog.recordCount + firstRecords + secondRecords)
        var parts = Parallel.both(
            { () -> (ok: Bool, lineAtCut: Int) in
                let failure = read(firstSniff, with: adapter, into: &mainLog, context: &mainContext)
                // Lines before the cut, counted as the reader counts them (CRLF, LF or a lone CR).
                var lines = 1
                for i in 0..<cut
                where base[i] == Byte.lf || (base[i] == Byte.cr && (i + 1 >= cut || base[i + 1] != Byte.lf)) {
                    lines += 1
                }
                return (failure == nil, lines)
            },
            { () -> (log: EventLog, context: IngestContext, ok: Bool) in
                var partLog = EventLog()
                partLog.events.reserveCapacity(secondRecords)
                partLog.recordLine.reserveCapacity(secondRecords)
                var partContext = IngestContext(options: options)
                let failure = read(secondSniff, with: adapter, into: &partLog, context: &partContext)
                return (partLog, partContext, failure == nil)
            })
        let firstResult = parts.0
        // Moved back, not shared: a second reference would make the appends below copy every array.
        log = mainLog
        mainLog = EventLog()
        context = mainContext
        mainContext = IngestContext(options: options)
        let cleanCut = !context.diagnostics[diagnosticsBefore...].contains {
            $0.message.hasPrefix("unterminated quoted field")
        }
        guard firstResult.ok, parts.1.ok, cleanCut else {
            // Take back the first part (if it was kept) and let the caller read the file whole.
            if firstResult.ok {
                log.files.removeSubrange(mark.files...)
                log.events.removeSubrange(mark.events...)
                log.recordFile.removeSubrange(mark.records...)
                log.recordLine.removeSubrange(mark.records...)
                for record in log.rejections.keys where record >= UInt32(mark.records) { log.rejections[record] = nil }
                log.supersededRecords = log.supersededRecords.filter { $0 < UInt32(mark.records) }
            }
            context.diagnostics.removeSubrange(diagnosticsBefore...)
            return false
        }
        append(
            &parts.1.log, diagnostics: parts.1.context.diagnostics, into: &log, context: &context,
            file: UInt32(log.files.count - 1), lineShift: firstResult.lineAtCut - 2)
        input.releasePages(before: input.count)
        return true
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

    /// Appends the log of a file's second part: symbols merged, records renumbered after `log`'s, lines
    /// moved by `lineShift` (the part's first data line was read as line 2, after the header), the part's
    /// warnings about the repeated header dropped.
    private static func append(
        _ part: inout EventLog, diagnostics: [Diagnostic], into log: inout EventLog, context: inout IngestContext,
        file: UInt32, lineShift: Int
    ) {
        let map = log.symbols.merge(part.symbols)
        // Each part of the part's log is dropped as soon as it is copied, so that the file's events are not
        // held twice at once with every table.
        part.symbols = SymbolTable()
        let recordBase = UInt32(log.recordCount)
        log.events.reserveCapacity(log.events.count + part.events.count)
        map.withUnsafeBufferPointer { map in
            for var e in part.events {
                e.ticket = map[Int(e.ticket.raw)]
                e.actor = map[Int(e.actor.raw)]
                e.value = map[Int(e.value.raw)]
                e.via = map[Int(e.via.raw)]
                e.channel = map[Int(e.channel.raw)]
                e.record += recordBase
                log.events.append(e)
            }
        }
        part.events = []
        log.recordFile.append(contentsOf: repeatElement(file, count: part.recordCount))
        log.recordLine.reserveCapacity(log.recordLine.count + part.recordCount)
        for line in part.recordLine { log.recordLine.append(UInt32(clamping: Int(line) + lineShift)) }
        for (record, reason) in part.rejections { log.rejections[record + recordBase] = reason }
        for record in part.supersededRecords { log.supersededRecords.insert(record + recordBase) }
        for (ticket, attributes) in part.ticketAttributes { log.ticketAttributes[map[Int(ticket.raw)]] = attributes }
        for var d in diagnostics {
            guard let location = d.location, location.line > 1 else { continue }
            d.location = SourceLocation(path: location.path, line: location.line + lineShift)
            context.diagnostics.append(d)
        }
    }

    /// Runs one adapter on one file; on a file-level error, takes back everything it appended.
    private static func read(
        _ sniff: InputSniff, with adapter: any InputAdapter, into log: inout EventLog, context: inout IngestContext
    ) -> IngestFailure? {
        let mark = (files: log.files.count, events: log.events.count, records: log.recordCount)
        context.file = log.addFile(path: sniff.path, format: adapter.name)
        context.path = sniff.path
        do {
            try adapter.read(sniff, into: &log, context: &context)
            return nil
        } catch {
            log.files.removeSubrange(mark.files...)
            log.events.removeSubrange(mark.events...)
            log.recordFile.removeSubrange(mark.records...)
            log.recordLine.removeSubrange(mark.records...)
            for record in log.rejections.keys where record >= UInt32(mark.records) {
                log.rejections[record] = nil
            }
            log.supersededRecords = log.supersededRecords.filter { $0 < UInt32(mark.records) }
            return IngestFailure(
                path: sniff.path, kind: .unusable, tried: [adapter.name], message: "\(adapter.name): \(error.message)")
        }
    }
}
