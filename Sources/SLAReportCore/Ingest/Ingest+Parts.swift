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
    /// A core whose part is done cuts the part with the most left to read in two and reads its back half
    /// (``PartClaims``: a part is only cut where its reader has not been yet), again until no part has
    /// ``IngestOptions/partSplitBytes`` left. The logs are then appended in file order
    /// (``EventLog/absorb(_:sameFile:lineShift:)``: symbols merged,
    /// records renumbered) with their lines and warnings shifted by the lines of the parts before (each part
    /// counts lines from its own start, so every line comes out absolute, whatever the header, blank lines or
    /// quoted line breaks before the cut). The reader's warnings are capped once, for the whole file.
    ///
    /// Returns nil when the file is not suited or a part cannot be read; the caller then reads it whole.
    static func readInParts(
        _ sniff: InputSniff, with adapter: any InputAdapter, options: IngestOptions
    ) -> FileRecords? {
        guard let plan = PartPlan(sniff, with: adapter, options: options) else { return nil }
        var read = Parallel.map(plan.claims.count) { k in plan.readParts(from: k) }
        // Moved, not shared: a part's log also held in `read` would be copied when the others are appended.
        var parts: [PartPlan.ReadPart] = []
        for k in read.indices {
            parts += read[k]
            read[k] = []
        }
        return plan.assemble(&parts)
    }

    /// A large file's parts: how it was cut, what the parts' readers share, and how they are read and put
    /// back together (``readInParts(_:with:options:)``).
    struct PartPlan: Sendable {
        let sniff: InputSniff
        let adapter: any InputAdapter
        let options: IngestOptions
        let header: [String]
        let size: Int
        /// The records the whole file is guessed to hold.
        let estimatedRecords: Int
        let claims: PartClaims

        /// The plan for `sniff`, or nil when it is not read in parts.
        init?(_ sniff: InputSniff, with adapter: any InputAdapter, options: IngestOptions) {
            guard adapter is CanonicalEventsAdapter, sniff.syntax == .csv, sniff.part == nil, options.partCount > 1,
                let size = sniff.input.source.size, size >= options.partThreshold,
                let (header, starts) = Ingest.cuts(sniff, size: size, parts: options.partCount)
            else { return nil }
            self.sniff = sniff
            self.adapter = adapter
            self.options = options
            self.header = header
            self.size = size
            estimatedRecords = Ingest.estimatedRecords(sniff.prefix, size: size)
            claims = PartClaims(starts: starts, size: size, minimum: options.partSplitBytes)
        }

        /// One part read: its number and start, its records and the context its reading ended with.
        struct ReadPart: Sendable {
            let part: Int
            let start: Int
            var records: FileRecords
            let context: IngestContext
        }

        /// Reads part `first`, then cuts off and reads the back half of whichever part has the most left,
        /// while one has enough (``PartClaims/candidate()``).
        func readParts(from first: Int) -> [ReadPart] {
            var done: [ReadPart] = []
            guard var claim = claims.claim(first) else { return done }
            while true {
                var part = sniff
                part.part = InputPart(
                    start: claim.start, end: nil, header: claim.start == 0 ? nil : header, stops: claim.stops,
                    claims: (claims, claim.part))
                // Room for every record of the file up front in the first part's log: its arrays never regrow,
                // and the other parts are appended without moving them (room reserved and never written is
                // never resident). The others: their share of the file.
                let share = Double((claim.stops.first ?? size) - claim.start) / Double(max(size, 1))
                let reserve = claim.part == 0 ? estimatedRecords : Int(Double(estimatedRecords) * share)
                let (records, context) = Ingest.read(part, with: adapter, options: options, reserve: reserve)
                done.append(ReadPart(part: claim.part, start: claim.start, records: records, context: context))
                // A failed search or cut (the reader got there first) ends this core's share.
                guard let (victim, target) = claims.candidate(),
                    let start = Ingest.lineStart(sniff, after: target, size: size),
                    let next = claims.cut(victim, at: start)
                else { return done }
                claim = next
            }
        }

        /// The parts read (taken out of `parts`), appended in file order from the first along the chain of
        /// where each stopped; nil when one of them failed or did not end on a record boundary.
        func assemble(_ parts: inout [ReadPart]) -> FileRecords? {
            parts.sort { $0.part < $1.part }
            defer { parts = [] }
            guard parts.map(\.part) == Array(0..<parts.count), parts.first?.start == 0 else { return nil }
            var used = [0]
            var next = parts[0].context.partEnd?.stoppedAt
            while let stop = next, let j = parts.firstIndex(where: { $0.start == stop }) {
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
            // The first part's symbol table grows once for all the others, their indexes freed first (one
            // growth instead of one per part: each copies the arena and writes a new index, in fresh pages).
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
                file.log.absorb(&rest.log, sameFile: true, lineShift: shift, parallelFrom: options.parallelMergeFrom)
                file.diagnostics += rest.diagnostics.map(shifted)
                context.readerWarnings += parts[j].context.readerWarnings.map(shifted)
                context.suppressedReaderWarnings += parts[j].context.suppressedReaderWarnings
                if context.earlyEnd == nil { context.earlyEnd = parts[j].context.earlyEnd.map(shifted) }
                endLine = (parts[j].context.partEnd?.line ?? 1) + shift
            }
            return Ingest.finished(file, context)
        }
    }

    /// The header row's fields and the part starts (the first is 0, the others just after line breaks spread
    /// evenly after the header), or nil when the file is not worth cutting (no complete header in the
    /// sniffed bytes, a header with a problem, too few line breaks).
    static func cuts(_ sniff: InputSniff, size: Int, parts: Int) -> (header: [String], starts: [Int])? {
        let found = sniff.prefix.withUnsafeBufferPointer { prefix -> (header: [String], end: Int)? in
            var reader = CSVReader(bytes: prefix, separator: sniff.separator)
            guard reader.next(), reader.position.problem == nil, !reader.position.endedByInputEnd else { return nil }
            return (reader.record.strings, reader.offset)
        }
        guard let (header, headerEnd) = found, headerEnd < size else { return nil }
        var starts = [0]
        for k in 1..<parts {
            let target = headerEnd + (size - headerEnd) / parts * k
            guard target > (starts.last ?? 0), let start = lineStart(sniff, after: target, size: size),
                start > (starts.last ?? 0)
            else { continue }
            starts.append(start)
        }
        return starts.count > 1 ? (header, starts) : nil
    }

    /// The start of the line after the first line break at or after `target` in the next MiB of the file, or
    /// nil (no line break there, or only the last byte of the file).
    static func lineStart(_ sniff: InputSniff, after target: Int, size: Int) -> Int? {
        guard target >= 0, target < size else { return nil }
        let end = min(size, target + (1 << 20))
        var stream = sniff.input.source.stream(from: target, to: end)
        var buffer = [UInt8](repeating: 0, count: min(64 << 10, end - target))
        var offset = target
        while offset < end {
            let n = buffer.withUnsafeMutableBytes { stream.fill($0) }
            guard n > 0 else { return nil }
            if let i = buffer[0..<n].firstIndex(of: Byte.lf) { return offset + i + 1 < size ? offset + i + 1 : nil }
            offset += n
        }
        return nil
    }

    /// A generous guess at the number of lines in a file of `size` bytes, from the line length of its first
    /// bytes (a quarter more, so that a guess a little short does not make an array regrow).
    static func estimatedRecords(_ prefix: [UInt8], size: Int) -> Int {
        guard !prefix.isEmpty else { return 0 }
        var lines = 0
        for b in prefix where b == Byte.lf { lines += 1 }
        let perByte = Double(max(lines, 1)) / Double(prefix.count)
        return Int(Double(size) * perByte * 1.25) + 16
    }
}
