/// The CSV reader on any bytes: the same records, positions and warnings whole and in chunks, lines that
/// are the lines of the bytes they point at, and limits that hold. The first byte picks the separator,
/// the limits and the chunk size.
enum CSVHarness {
    struct Read: Equatable {
        var records: [[[UInt8]]] = []
        var positions: [CSVCore.RecordPosition] = []
        var warnings: [CSVCore.Warning] = []
    }

    static func read(_ source: InputSource, separator: UInt8, limits: CSVCore.Limits, chunk: Int) -> Read {
        var reader = CSVReader(stream: source.stream(), separator: separator, limits: limits, chunkBytes: chunk)
        var read = Read()
        var guardCount = 0
        while reader.next() {
            guardCount += 1
            read.records.append((0..<reader.record.count).map { Array(reader.record.field($0)) })
            read.positions.append(reader.position)
            require(reader.record.count <= limits.maxFields, "more fields than the limit")
            require(
                read.records[read.records.count - 1].reduce(0) { $0 + $1.count } <= limits.maxRecordBytes,
                "a record over the limit")
            require(guardCount < 10_000_000, "the reader does not end")
        }
        read.warnings = reader.warnings
        return read
    }

    static func run(_ data: UnsafeBufferPointer<UInt8>) {
        guard let control = data.first else { return }
        let bytes = Array(data.dropFirst())
        let separator = [Byte.comma, Byte.semicolon, Byte.tab][Int(control % 3)]
        let limits = CSVCore.Limits(
            maxFieldBytes: [3, 16, 1 << 20][Int(control / 3 % 3)],
            maxRecordBytes: [8, 64, 1 << 20][Int(control / 9 % 3)],
            maxFields: [2, 7, 16_384][Int(control / 27 % 3)])
        let chunk = 1 + Int(control / 81) * 3
        let whole = read(InputSource(bytes: bytes), separator: separator, limits: limits, chunk: chunk)
        let chunked = read(
            InputSource(FuzzChunks(bytes: bytes, chunk: chunk)), separator: separator, limits: limits, chunk: chunk)
        require(whole == chunked, "chunks of \(chunk) read differently")
        bytes.withUnsafeBufferPointer { raw in
            let table = LineTable(raw)
            for (index, position) in whole.positions.enumerated() {
                require(position.index == index, "record index \(position.index) for record \(index)")
                require(position.line == table.line(position.byteOffset), "record \(index) at a wrong line")
                for field in whole.records[index] {
                    require(field.count <= limits.maxFieldBytes, "a field over the limit")
                }
            }
            for warning in whole.warnings {
                require(warning.line == table.line(warning.byteOffset), "a warning at a wrong line")
            }
        }
    }
}
