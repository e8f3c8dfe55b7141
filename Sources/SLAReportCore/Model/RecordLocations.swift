/// Where every record of a ``RecordLedger`` was read: its file and its 1-based line, kept as runs.
///
/// Records are numbered in reading order, file after file, and most records of a file sit on consecutive
/// lines (a CSV row is a line). So the lines are kept as runs — a new run where a record's line is not the
/// line after the previous record's, 8 bytes a run — and the files as runs of records of one file: a file
/// of a million one-line rows costs two runs instead of 8 bytes a record. A record that spans lines (a
/// quoted line break, a pretty-printed JSON object) starts a run, so the worst case (every record on
/// several lines) costs what one 4-byte line and one 4-byte file per record did.
///
/// A record's file and line are found by binary search over the runs; ``fileRuns`` hands a whole file's
/// records over at once for counting.
public struct RecordLocations: Sendable {
    /// Per run of lines: its first record, and that record's line.
    private var lineRunStart: [UInt32] = []
    private var lineRunLine: [UInt32] = []
    /// Per run of one file's records: its first record, and the file.
    private var fileRunStart: [UInt32] = []
    private var fileRunFile: [UInt32] = []
    /// The number of records.
    public private(set) var count = 0
    /// The line a record appended now needs to go on with the last run of lines (the last record's line
    /// plus one; `UInt64.max` while there is no record), and the last record's file: what ``append(file:line:)``
    /// compares, kept beside the runs so that a record costs no reading of their arrays.
    private var nextLine = UInt64.max
    private var lastFile = UInt32.max

    public init() {}

    /// Appends a record of `file` at `line` (lines beyond `UInt32.max` are clamped).
    public mutating func append(file: UInt32, line: Int) {
        append(file: file, line: UInt32(clamping: line))
    }

    @inline(__always)
    mutating func append(file: UInt32, line: UInt32) {
        let record = UInt32(truncatingIfNeeded: count)
        if count == 0 || lastFile != file {
            fileRunStart.append(record)
            fileRunFile.append(file)
            lastFile = file
        }
        // `line` follows the previous record's: the run goes on; otherwise a run starts.
        if nextLine != UInt64(line) {
            lineRunStart.append(record)
            lineRunLine.append(line)
        }
        nextLine = UInt64(line) + 1
        count += 1
    }

    /// The file (an index into ``EventLog/files``) of record `r`; 0 when there is no such record.
    @inline(__always)
    public func file(_ r: Int) -> UInt32 {
        guard r >= 0, r < count, let k = Self.run(containing: r, in: fileRunStart) else { return 0 }
        return fileRunFile[k]
    }

    /// The 1-based line where record `r` starts; 0 when there is no such record.
    @inline(__always)
    public func line(_ r: Int) -> UInt32 {
        guard r >= 0, r < count, let k = Self.run(containing: r, in: lineRunStart) else { return 0 }
        let line = UInt64(lineRunLine[k]) + UInt64(UInt32(r) - lineRunStart[k])
        return UInt32(clamping: line)
    }

    /// Every record's line, in record order (tests, tools).
    public var lines: [UInt32] { (0..<count).map { line($0) } }

    /// Every record's file, in record order (tests, tools).
    public var files: [UInt32] { (0..<count).map { file($0) } }

    /// The runs of records of one file, in record order: a file read whole is one run.
    public var fileRuns: [(file: UInt32, records: Range<Int>)] {
        fileRunFile.indices.map { k in
            let end = k + 1 < fileRunStart.count ? Int(fileRunStart[k + 1]) : count
            return (fileRunFile[k], Int(fileRunStart[k])..<end)
        }
    }

    /// Appends every record of `other` (a later file, or a later part of the last file), its files renamed
    /// by `file` and its lines moved by `lineShift`.
    mutating func append(_ other: RecordLocations, file: (UInt32) -> UInt32, lineShift: Int) {
        guard other.count > 0 else { return }
        let base = count
        var lineRun = 0
        var fileRun = 0
        // Run by run: the first record of each run goes through `append` (which joins it to the run before
        // when it follows on); the rest of a run follows its first record, so only the count moves on.
        var r = 0
        while r < other.count {
            while lineRun + 1 < other.lineRunStart.count && Int(other.lineRunStart[lineRun + 1]) <= r { lineRun += 1 }
            while fileRun + 1 < other.fileRunStart.count && Int(other.fileRunStart[fileRun + 1]) <= r { fileRun += 1 }
            let nextLineRun =
                lineRun + 1 < other.lineRunStart.count ? Int(other.lineRunStart[lineRun + 1]) : other.count
            let nextFileRun =
                fileRun + 1 < other.fileRunStart.count ? Int(other.fileRunStart[fileRun + 1]) : other.count
            let end = min(nextLineRun, nextFileRun)
            let line = Int(other.lineRunLine[lineRun]) + (r - Int(other.lineRunStart[lineRun])) + lineShift
            append(file: file(other.fileRunFile[fileRun]), line: UInt32(clamping: line))
            // Records `r + 1 ..< end` follow on in the same file and line run (shifted lines stay consecutive
            // unless clamped, which `append` would split: only then go record by record).
            if line + (end - r) <= Int(UInt32.max) {
                count += end - r - 1
                nextLine = UInt64(line + (end - r))
            } else {
                for k in (r + 1)..<end {
                    append(file: file(other.fileRunFile[fileRun]), line: UInt32(clamping: line + k - r))
                }
            }
            r = end
        }
        assert(count == base + other.count)
    }

    /// Drops every record from `n` on.
    mutating func truncate(to n: Int) {
        guard n < count else { return }
        let n = max(n, 0)
        func cut(_ start: inout [UInt32], _ value: inout [UInt32]) {
            let keep = start.firstIndex { Int($0) >= n } ?? start.count
            start.removeSubrange(keep...)
            value.removeSubrange(keep...)
        }
        cut(&lineRunStart, &lineRunLine)
        cut(&fileRunStart, &fileRunFile)
        count = n
        if let start = lineRunStart.last, let first = lineRunLine.last, n > 0 {
            nextLine = UInt64(first) + UInt64(n - Int(start))
        } else {
            nextLine = .max
        }
        lastFile = fileRunFile.last ?? .max
    }

    /// The index of the last run starting at or before record `r` (runs start ascending, the first at 0).
    @inline(__always)
    private static func run(containing r: Int, in starts: [UInt32]) -> Int? {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if Int(starts[mid]) <= r { low = mid + 1 } else { high = mid }
        }
        return low > 0 ? low - 1 : nil
    }
}

extension RecordLocations: Equatable {
    /// The same records in the same files at the same lines (runs are built the same way whatever the
    /// appends, so equal locations have equal runs).
    public static func == (a: RecordLocations, b: RecordLocations) -> Bool {
        a.count == b.count && a.lineRunStart == b.lineRunStart && a.lineRunLine == b.lineRunLine
            && a.fileRunStart == b.fileRunStart && a.fileRunFile == b.fileRunFile
    }
}
