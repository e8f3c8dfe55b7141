/// One row of a canonical file, its fields in the adapter's column order whatever the file's order.
///
/// A view, valid only while the row is handed over (the reader's buffers and the column map are borrowed,
/// not retained: a row costs no reference counting).
struct CanonicalRow {
    let record: ByteRecord.View
    /// Per canonical column: the field index in `record`, or -1 when the file has no such column.
    let map: UnsafeBufferPointer<Int>
    /// 1-based line where the row starts.
    let line: Int
    /// Set when the row must be rejected as a whole (over-size field, unterminated quote, invalid JSON, …).
    let problem: String?

    /// The field of canonical column `column`, spaces trimmed; empty when absent.
    @inline(__always)
    func field(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        guard column >= 0, column < map.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return FieldBytes.trimmed(record.field(map[column]))
    }
}

/// Reads the rows of a canonical file, CSV or JSON (array, NDJSON or concatenated objects), and hands
/// them over in the adapter's column order. Header names and JSON keys match case-insensitively, column
/// order is free, unknown columns are ignored; the first of duplicate columns wins.
enum CanonicalRows {
    static func read(
        _ sniff: InputSniff, columns: [String], required: [String], log: inout EventLog,
        context: inout IngestContext, row body: (CanonicalRow, inout EventLog) -> Void
    ) throws(IngestFileError) {
        switch sniff.syntax {
        case .empty, .binary: return
        case .csv: try readCSV(sniff, columns: columns, required: required, log: &log, context: &context, row: body)
        case .json: readJSON(sniff, columns: columns, log: &log, context: &context, row: body)
        }
    }

    /// Grows the log's arrays once, up front, for about `rows` more records (a row is rarely under 64 bytes),
    /// instead of doubling (and copying) them many times on a large file.
    private static func reserve(rows: Int, in log: inout EventLog) {
        guard rows > 1024 else { return }
        log.events.reserveCapacity(log.events.count + rows)
        log.ledger.reserve(rows)
    }

    /// The record limits of the options.
    static func limits(_ options: IngestOptions) -> CSVCore.Limits {
        CSVCore.Limits(
            maxFieldBytes: options.maxFieldBytes, maxRecordBytes: options.maxRecordBytes, maxFields: options.maxFields)
    }

    private static func readCSV(
        _ sniff: InputSniff, columns: [String], required: [String], log: inout EventLog,
        context: inout IngestContext, row body: (CanonicalRow, inout EventLog) -> Void
    ) throws(IngestFileError) {
        let part = sniff.part
        var reader = CSVReader(
            stream: sniff.stream(), separator: sniff.separator, limits: limits(context.options),
            stops: part?.stops ?? [], chunkBytes: context.options.readChunkBytes)
        reader.claims = part?.claims
        defer {
            if let claims = part?.claims { claims.parts.finish(claims.part) }
            for warning in reader.warnings {
                context.readerWarnings.append(
                    Diagnostic(.warning, warning.message, at: SourceLocation(path: context.path, line: warning.line)))
            }
            context.suppressedReaderWarnings += reader.suppressedWarnings
            sniff.readReport.ended(early: reader.earlyEndMessage, line: reader.line)
            context.partEnd = IngestContext.PartEnd(stoppedAt: reader.stoppedAt, line: reader.line)
        }
        var header: [String]
        if let given = part?.header {
            header = given
        } else {
            guard reader.next() else { return }
            if let problem = reader.position.problem { throw IngestFileError("the header row is unusable: \(problem)") }
            header = reader.record.strings
        }
        header = header.map { $0.trimmingASCIISpaces().lowercased() }
        var map = [Int](repeating: -1, count: columns.count)
        for (c, name) in columns.enumerated() {
            map[c] = header.firstIndex(of: name) ?? -1
        }
        let missing = required.filter { !header.contains($0) }
        guard missing.isEmpty else {
            let shown = header.prefix(20).map { $0.isEmpty ? "\"\"" : DiagnosticText.echo($0, limit: 40) }
            throw IngestFileError(
                "missing required column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) "
                    + "(the header has \(shown.joined(separator: ", "))\(header.count > 20 ? ", …" : ""); "
                    + "required: \(required.joined(separator: ", ")))")
        }
        if let size = sniff.input.source.size {
            reserve(rows: ((part?.stops.first ?? size) - (part?.start ?? 0)) / 64, in: &log)
        }
        let record = reader.record
        map.withUnsafeBufferPointer { map in
            while reader.next() {
                let line = reader.position.line
                // The problem's text is taken (retained) only when there is one: nearly every row has none.
                if let problem = reader.position.problem {
                    body(CanonicalRow(record: record.view, map: map, line: line, problem: problem), &log)
                } else {
                    body(CanonicalRow(record: record.view, map: map, line: line, problem: nil), &log)
                }
            }
        }
    }

    private static func readJSON(
        _ sniff: InputSniff, columns: [String], log: inout EventLog, context: inout IngestContext,
        row body: (CanonicalRow, inout EventLog) -> Void
    ) {
        var reader = JSONReader(
            stream: sniff.stream(), maxDepth: context.options.maxJSONDepth,
            maxStringBytes: context.options.maxFieldBytes, maxRecordBytes: context.options.maxJSONRecordBytes)
        defer { sniff.readReport.ended(early: reader.earlyEndMessage, line: reader.currentLine) }
        let record = ByteRecord()
        let identity = Array(0..<columns.count)
        while let item = reader.nextRecord() {
            record.reset()
            var problem: String?
            switch item.result {
            case .failure(let error):
                problem = "invalid JSON: \(error.line == item.line ? error.message : error.description)"
            case .success(let value):
                if let object = value.object {
                    problem = fill(record, from: object, columns: columns)
                } else {
                    problem = "not a JSON object"
                }
            }
            if problem != nil { record.reset() }
            while record.count < columns.count { record.endField() }
            identity.withUnsafeBufferPointer { identity in
                body(CanonicalRow(record: record.view, map: identity, line: item.line, problem: problem), &log)
            }
        }
    }

    /// Writes the object's values into `record` in column order; a problem when a column holds an object
    /// or an array.
    private static func fill(_ record: ByteRecord, from object: JSONObject, columns: [String]) -> String? {
        var values = [JSONValue?](repeating: nil, count: columns.count)
        for member in object.members {
            let key = member.key.lowercased()
            if let c = columns.firstIndex(of: key), values[c] == nil { values[c] = member.value }
        }
        for (c, value) in values.enumerated() {
            switch value {
            case .none, .some(.null): break
            case .some(.array), .some(.object): return "key \(columns[c]) holds an object or array, not a value"
            case .some(let scalar): record.append(scalar.scalarText ?? "")
            }
            record.endField()
        }
        return nil
    }
}
