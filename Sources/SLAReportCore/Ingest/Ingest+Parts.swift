extension Ingest {
    /// Inputs at least this large are read in parts side by side (see ``readInParts(_:with:into:context:)``).
    static let partThreshold = 32 << 20

    /// Reads a large canonical-events CSV file in ``IngestOptions/partCount`` parts side by side, one per
    /// core, with the same result as reading it whole.
    ///
    /// The file is cut at line breaks spread evenly after the header. Each part is read by its own push
    /// parser into a log of its own (the first into `log`), from its cut to a record boundary at the start of
    /// a later part: a part whose cut fell inside a quoted field simply reads on past it (the parser knows
    /// it is not on a record boundary there) until it reaches one, and the parts it ran over are dropped.
    /// The logs are then appended in file order with their symbols merged, records renumbered and lines
    /// shifted by the lines of the parts before (each part counts lines from its own start, so every line
    /// comes out absolute, whatever the header, blank lines or quoted line breaks before the cut).
    ///
    /// Returns false (having appended nothing) when the file is not suited or the first part cannot be read;
    /// the caller then reads it whole.
    static func readInParts(
        _ sniff: InputSniff, with adapter: any InputAdapter, into log: inout EventLog, context: inout IngestContext
    ) -> Bool {
        let options = context.options
        guard adapter is CanonicalEventsAdapter, sniff.syntax == .csv, sniff.part == nil, options.partCount > 1,
            let size = sniff.input.source.size, size >= options.partThreshold,
            let (header, starts) = cuts(sniff, size: size, parts: options.partCount)
        else { return false }

        let mark = (files: log.files.count, events: log.events.count, records: log.recordCount)
        let diagnosticsBefore = context.diagnostics.count
        var sniffs: [InputSniff] = []
        for (k, start) in starts.enumerated() {
            var part = sniff
            part.part = InputPart(
                start: start, end: nil, header: k == 0 ? nil : header, stops: Array(starts[(k + 1)...]))
            sniffs.append(part)
        }
        // Room for every record of the file up front: the first part's arrays never regrow and the others are
        // appended without moving them (room reserved and never written is never resident).
        let records = estimatedRecords(sniff.prefix, size: size)
        log.events.reserveCapacity(log.events.count + records)
        log.recordFile.reserveCapacity(log.recordCount + records)
        log.recordLine.reserveCapacity(log.recordCount + records)
        // Only the first part's closure touches these while the parts run, and only after `map` returns
        // does this function read them again.
        nonisolated(unsafe) var mainLog = log
        nonisolated(unsafe) var mainContext = context
        log = EventLog()
        let results = Parallel.map(starts.count) { k -> PartResult in
            if k == 0 {
                let failure = read(sniffs[0], with: adapter, into: &mainLog, context: &mainContext)
                return PartResult(log: nil, context: nil, ok: failure == nil, end: mainContext.partEnd)
            }
            var partLog = EventLog()
            var partContext = IngestContext(options: options)
            let failure = read(sniffs[k], with: adapter, into: &partLog, context: &partContext)
            return PartResult(log: partLog, context: partContext, ok: failure == nil, end: partContext.partEnd)
        }
        // Moved back, not shared: a second reference would make the appends below copy every array.
        log = mainLog
        mainLog = EventLog()
        context = mainContext
        mainContext = IngestContext(options: options)
        context.partEnd = nil

        var used = [0]
        var next = results[0].end?.stoppedAt
        while let stop = next, let j = starts.firstIndex(of: stop) {
            used.append(j)
            next = results[j].end?.stoppedAt
        }
        guard used.allSatisfy({ results[$0].ok && results[$0].end != nil }) else {
            // Take back the first part (if it was kept) and let the caller read the file whole.
            if results[0].ok { rollBack(&log, to: mark) }
            context.diagnostics.removeSubrange(diagnosticsBefore...)
            context.beginFile()
            return false
        }
        var endLine = results[0].end?.line ?? 1
        for j in used.dropFirst() {
            guard var partLog = results[j].log, let partContext = results[j].context else { continue }
            let shift = endLine - 1
            append(
                &partLog, context: partContext, into: &log, context: &context, file: UInt32(log.files.count - 1),
                lineShift: shift)
            endLine = (results[j].end?.line ?? 1) + shift
        }
        return true
    }

    /// What one part's reader hands back.
    private struct PartResult {
        var log: EventLog?
        var context: IngestContext?
        var ok: Bool
        var end: IngestContext.PartEnd?
    }

    /// The header row's fields and the part starts (the first is 0, the others just after line breaks spread
    /// evenly after the header), or nil when the file is not worth cutting (no complete header in the
    /// sniffed bytes, a header with a problem, too few line breaks).
    private static func cuts(_ sniff: InputSniff, size: Int, parts: Int) -> (header: [String], starts: [Int])? {
        let found = sniff.prefix.withUnsafeBufferPointer { prefix -> (header: [String], end: Int)? in
            var reader = CSVReader(bytes: prefix, separator: sniff.separator)
            guard reader.next(), reader.position.problem == nil, !reader.position.endedByInputEnd else { return nil }
            return (reader.record.strings, reader.offset)
        }
        guard let (header, headerEnd) = found, headerEnd < size else { return nil }
        var starts = [0]
        let window = 1 << 20
        var buffer = [UInt8](repeating: 0, count: window)
        for k in 1..<parts {
            let target = headerEnd + (size - headerEnd) / parts * k
            guard target > (starts.last ?? 0), target < size else { continue }
            var stream = sniff.input.source.stream(from: target, to: min(size, target + window))
            let n = buffer.withUnsafeMutableBytes { stream.fill($0) }
            guard let i = buffer[0..<n].firstIndex(of: Byte.lf) else { continue }
            let start = target + i + 1
            if start < size && start > (starts.last ?? 0) { starts.append(start) }
        }
        return starts.count > 1 ? (header, starts) : nil
    }

    /// A generous guess at the number of lines in a file of `size` bytes, from the line length of its first
    /// bytes (a quarter more, so that a guess a little short does not make an array regrow).
    private static func estimatedRecords(_ prefix: [UInt8], size: Int) -> Int {
        guard !prefix.isEmpty else { return 0 }
        var lines = 0
        for b in prefix where b == Byte.lf { lines += 1 }
        let perByte = Double(max(lines, 1)) / Double(prefix.count)
        return Int(Double(size) * perByte * 1.25) + 16
    }

    /// Appends the log of a later part of a file: symbols merged, records renumbered after `log`'s, lines
    /// (and the lines of its warnings) moved by `lineShift`, the lines of the parts before it.
    private static func append(
        _ part: inout EventLog, context partContext: IngestContext, into log: inout EventLog,
        context: inout IngestContext, file: UInt32, lineShift: Int
    ) {
        let diagnostics = partContext.diagnostics
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
        func shifted(_ d: Diagnostic) -> Diagnostic {
            var d = d
            if let location = d.location, location.line > 0 {
                d.location = SourceLocation(path: location.path, line: location.line + lineShift)
            }
            return d
        }
        context.diagnostics += diagnostics.map(shifted)
        context.readerWarnings += partContext.readerWarnings.map(shifted)
        context.suppressedReaderWarnings += partContext.suppressedReaderWarnings
        if context.earlyEnd == nil { context.earlyEnd = partContext.earlyEnd.map(shifted) }
    }

    /// Takes back everything appended to `log` since `mark`.
    static func rollBack(_ log: inout EventLog, to mark: (files: Int, events: Int, records: Int)) {
        log.files.removeSubrange(mark.files...)
        log.events.removeSubrange(mark.events...)
        log.recordFile.removeSubrange(mark.records...)
        log.recordLine.removeSubrange(mark.records...)
        for record in log.rejections.keys where record >= UInt32(mark.records) { log.rejections[record] = nil }
        log.supersededRecords = log.supersededRecords.filter { $0 < UInt32(mark.records) }
    }
}
