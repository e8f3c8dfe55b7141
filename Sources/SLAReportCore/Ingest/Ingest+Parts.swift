extension Ingest {
    /// Inputs at least this large are read in parts side by side (see ``readInParts(_:with:options:)``).
    static let partThreshold = 32 << 20

    /// Reads a large canonical-events CSV file in ``IngestOptions/partCount`` parts side by side, one per
    /// core, with the same result as reading it whole.
    ///
    /// The file is cut at line breaks spread evenly after the header. Each part is read by its own push
    /// parser into a log of its own, from its cut to a record boundary at the start of
    /// a later part: a part whose cut fell inside a quoted field simply reads on past it (the parser knows
    /// it is not on a record boundary there) until it reaches one, and the parts it ran over are dropped.
    /// The logs are then appended in file order (``EventLog/absorb(_:sameFile:lineShift:)``: symbols merged,
    /// records renumbered) with their lines and warnings shifted by the lines of the parts before (each part
    /// counts lines from its own start, so every line comes out absolute, whatever the header, blank lines or
    /// quoted line breaks before the cut). The reader's warnings are capped once, for the whole file.
    ///
    /// Returns nil when the file is not suited or a part cannot be read; the caller then reads it whole.
    static func readInParts(
        _ sniff: InputSniff, with adapter: any InputAdapter, options: IngestOptions
    ) -> FileRecords? {
        guard adapter is CanonicalEventsAdapter, sniff.syntax == .csv, sniff.part == nil, options.partCount > 1,
            let size = sniff.input.source.size, size >= options.partThreshold,
            let (header, starts) = cuts(sniff, size: size, parts: options.partCount)
        else { return nil }

        let sniffs: [InputSniff] = starts.enumerated().map { k, start in
            var part = sniff
            part.part = InputPart(
                start: start, end: nil, header: k == 0 ? nil : header, stops: Array(starts[(k + 1)...]))
            return part
        }
        // Room for every record of the file up front in the first part's log: its arrays never regrow, and the
        // other parts are appended without moving them (room reserved and never written is never resident).
        let records = estimatedRecords(sniff.prefix, size: size)
        var parts = Parallel.map(starts.count) { k -> (records: FileRecords, context: IngestContext) in
            read(sniffs[k], with: adapter, options: options, reserve: k == 0 ? records : records / starts.count)
        }

        var used = [0]
        var next = parts[0].context.partEnd?.stoppedAt
        while let stop = next, let j = starts.firstIndex(of: stop) {
            used.append(j)
            next = parts[j].context.partEnd?.stoppedAt
        }
        guard used.allSatisfy({ parts[$0].records.failure == nil && parts[$0].context.partEnd != nil }) else {
            return nil
        }
        // Moved out, not shared: appending a part to a log still referred to by `parts` would copy it.
        var file = FileRecords.empty
        swap(&file, &parts[0].records)
        var context = parts[0].context
        var endLine = context.partEnd?.line ?? 1
        // The first part's symbol table grows once for all the others, their indexes freed first (one growth
        // instead of one per part: each copies the arena and writes a new index, in fresh pages).
        var symbols = 0
        var bytes = 0
        for j in used.dropFirst() {
            parts[j].records.log.symbols.dropIndex()
            symbols += parts[j].records.log.symbols.count
            bytes += parts[j].records.log.symbols.byteCount
        }
        file.log.symbols.reserve(symbols: symbols, bytes: bytes)
        for j in used.dropFirst() {
            var rest = FileRecords.empty
            swap(&rest, &parts[j].records)
            let shift = endLine - 1
            func shifted(_ d: Diagnostic) -> Diagnostic {
                var d = d
                if let location = d.location, location.line > 0 {
                    d.location = SourceLocation(path: location.path, line: location.line + shift)
                }
                return d
            }
            file.log.absorb(&rest.log, sameFile: true, lineShift: shift)
            file.diagnostics += rest.diagnostics.map(shifted)
            context.readerWarnings += parts[j].context.readerWarnings.map(shifted)
            context.suppressedReaderWarnings += parts[j].context.suppressedReaderWarnings
            if context.earlyEnd == nil { context.earlyEnd = parts[j].context.earlyEnd.map(shifted) }
            endLine = (parts[j].context.partEnd?.line ?? 1) + shift
        }
        return finished(file, context)
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
}
