/// The JSON reader on any bytes: records and pages read the same from memory and from a small window over
/// chunks, every item's line is the line of its first byte, and reading always ends.
enum JSONHarness {
    struct Read: Equatable {
        var lines: [Int] = []
        var offsets: [Int] = []
        var values: [JSONValue?] = []
        var failureLines: [[Int]] = []
        var failureOffsets: [[Int]] = []
        var elementLines: [[String: Int]] = []
    }

    static func read(_ source: InputSource, pages: Bool, chunk: Int, limit: Int) -> Read {
        var reader = JSONReader(stream: source.stream(), maxDepth: 16, maxStringBytes: 64, chunkBytes: chunk)
        var read = Read()
        var count = 0
        while true {
            count += 1
            require(count <= limit, "the reader does not end")
            let page: JSONPage
            if pages {
                guard let next = reader.nextPage(recordKeys: NativeJSONPages.recordKeys) else { break }
                page = next
            } else {
                guard let item = reader.nextRecord() else { break }
                page = JSONPage(item)
            }
            read.lines.append(page.line)
            read.offsets.append(page.offset)
            read.values.append(try? page.result.get())
            read.failureLines.append(page.failures.map(\.line))
            read.failureOffsets.append(page.failures.map(\.offset))
            read.elementLines.append(page.elementLines)
        }
        return read
    }

    static func run(_ data: UnsafeBufferPointer<UInt8>) {
        let bytes = Array(data)
        let chunk = 1 + Int(data.last ?? 0) % 13
        let table = LineTable(data)
        for pages in [false, true] {
            let whole = read(InputSource(bytes: bytes), pages: pages, chunk: chunk, limit: bytes.count + 2)
            let windowed = read(
                InputSource(FuzzChunks(bytes: bytes, chunk: chunk)), pages: pages, chunk: chunk, limit: bytes.count + 2)
            require(whole == windowed, "a window over chunks of \(chunk) reads differently (pages: \(pages))")
            for (i, line) in whole.lines.enumerated() {
                require(line == table.line(whole.offsets[i]), "item \(i) at a wrong line")
                for (j, failure) in whole.failureLines[i].enumerated() {
                    require(failure == table.line(whole.failureOffsets[i][j]), "a failure at a wrong line")
                }
            }
        }
    }
}
