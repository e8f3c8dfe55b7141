/// Whole-file ingest with the accounting invariants: any bytes, as one file or several (split at a line
/// `--8<--`): every line a record names is a line of its file; and, for one input in four, every record
/// lands in exactly one bucket after the pipeline, and the log is the same read in chunks and (canonical
/// CSV) in parts.
enum IngestHarness {
    static let whole: IngestOptions = {
        var options = IngestOptions()
        options.partThreshold = Int.max
        options.maxFieldBytes = 4096
        options.maxRecordBytes = 16_384
        options.maxFields = 64
        return options
    }()
    static let parts: IngestOptions = {
        var options = whole
        options.partThreshold = 0
        options.partCount = 3
        return options
    }()
    static let request = ReportRequest(policy: .builtIn)
    static let separator: [UInt8] = Array("\n--8<--\n".utf8)

    static func files(_ data: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        var files: [[UInt8]] = []
        var start = 0
        var i = 0
        while i + separator.count <= data.count && files.count < 3 {
            if data[i] == separator[0] && Array(data[i..<(i + separator.count)]) == separator {
                files.append(Array(data[start..<i]))
                start = i + separator.count
                i = start
                continue
            }
            i += 1
        }
        files.append(Array(data[start...]))
        return files
    }

    static func run(_ data: UnsafeBufferPointer<UInt8>) {
        let contents = files(data)
        let inputs = contents.enumerated().map { InputFile(path: "f\($0.offset)", bytes: $0.element) }
        let result = Ingest.readAndJoin(inputs, options: whole)
        checkLines(result, contents: contents)
        // The pipeline's accounting and reading again in chunks and in parts cost three times the read: done
        // for one input in four (chosen from its length and its first and last bytes, so that an input always
        // gets the same checks), they keep the runs fast.
        guard (data.count &+ Int(data.first ?? 0) &+ Int(data.last ?? 0)) % 4 == 0 else { return }
        checkAccounting(result)
        let chunk = 1 + Int(data.first ?? 0) % 61
        let chunked = Ingest.readAndJoin(
            contents.enumerated().map {
                InputFile(path: "f\($0.offset)", source: InputSource(FuzzChunks(bytes: $0.element, chunk: chunk)))
            }, options: whole)
        require(chunked.log.events == result.log.events, "events differ when read in chunks of \(chunk)")
        require(chunked.log.ledger.locations == result.log.ledger.locations, "lines differ when read in chunks of \(chunk)")
        require(chunked.log.rejections == result.log.rejections, "rejections differ in chunks of \(chunk)")
        require(chunked.diagnostics == result.diagnostics, "diagnostics differ in chunks of \(chunk)")
        // Only canonical-events CSV is read in parts: the other inputs would read the same twice.
        if result.log.files.contains(where: { $0.format == "canonical-events" }) {
            let split = Ingest.readAndJoin(inputs, options: parts)
            require(split.log.events == result.log.events, "events differ when read in parts")
            require(split.log.ledger.locations == result.log.ledger.locations, "lines differ when read in parts")
            require(split.log.rejections == result.log.rejections, "rejections differ when read in parts")
            require(split.diagnostics == result.diagnostics, "diagnostics differ when read in parts")
        }
    }

    /// Every record at a line of its file, every event and rejection of a record, every message short.
    static func checkLines(_ result: JoinedInput, contents: [[UInt8]]) {
        let log = result.log
        let lineCounts = contents.map { file in file.withUnsafeBufferPointer { LineTable($0).line($0.count) } }
        for record in 0..<log.recordCount {
            let file = Int(log.ledger.locations.file(record))
            require(file < log.files.count, "record \(record) names file \(file)")
            // The log lists only the files that were read: its path says which input it is (`f2`).
            guard let input = Int(log.files[file].path.dropFirst()), input < lineCounts.count else {
                fatalError("invariant broken: record \(record) of an unknown file \(log.files[file].path)")
            }
            let line = Int(log.ledger.locations.line(record))
            let lines = lineCounts[input]
            require(line >= 1 && line <= lines, "record \(record) at line \(line) of a \(lines)-line file")
        }
        for event in log.events { require(Int(event.record) < log.recordCount, "an event of no record") }
        for key in log.rejections.keys { require(Int(key) < log.recordCount, "a rejection of no record") }
        for diagnostic in result.diagnostics {
            require(diagnostic.message.count <= DiagnosticText.maxMessageCharacters, "a message too long")
        }
    }

    /// Every record in exactly one bucket after the pipeline, per file and in total.
    static func checkAccounting(_ result: JoinedInput) {
        let log = result.log
        var consumed = result
        guard let report = try? Pipeline.run(&consumed, request: request) else { return }
        let quality = report.model.dataQuality
        var total = QualityCounts()
        for file in quality.files {
            let c = file.counts
            require(
                c.read == c.used + c.duplicates + c.outOfWindow + c.rejected, "buckets of \(file.path) do not add up")
            total.read += c.read
            total.rejected += c.rejected
        }
        require(total.read == log.recordCount, "records read \(total.read) of \(log.recordCount)")
        require(quality.totals.read == total.read && quality.totals.rejected == total.rejected, "totals differ")
        let t = quality.totals
        require(t.read == t.used + t.duplicates + t.outOfWindow + t.rejected, "the total buckets do not add up")
    }
}
