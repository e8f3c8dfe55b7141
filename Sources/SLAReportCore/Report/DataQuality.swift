/// Where every record read ended up: `read = used + duplicates + outOfWindow + rejected`, per file and total.
public struct DataQuality: Sendable, Equatable {
    /// Files in sorted path order.
    public var files: [FileQuality]
    public var totals: QualityCounts
    /// Rejected records in path/line order, at most ``DataQuality/rejectedListLimit``.
    public var rejected: [RejectedRecord]
    /// Files that could not be recognised and were skipped (non-strict runs with other inputs).
    public var unrecognised: [RejectedRecord]
    /// Warnings of the readers that did not reject a record (malformed CSV quoting kept as text, …), in input
    /// order, at most ``rejectedListLimit`` (`reason` holds the message).
    public var warnings: [RejectedRecord]
    /// How many reader warnings there were in all.
    public var warningCount: Int

    public static let rejectedListLimit = 1000

    public init(
        files: [FileQuality], totals: QualityCounts, rejected: [RejectedRecord], unrecognised: [RejectedRecord],
        warnings: [RejectedRecord] = [], warningCount: Int? = nil
    ) {
        self.files = files
        self.totals = totals
        self.rejected = rejected
        self.unrecognised = unrecognised
        self.warnings = warnings
        self.warningCount = warningCount ?? warnings.count
    }
}

/// The four buckets.
public struct QualityCounts: Sendable, Equatable {
    public var read = 0
    public var used = 0
    public var duplicates = 0
    public var outOfWindow = 0
    public var rejected = 0

    public init(read: Int = 0, used: Int = 0, duplicates: Int = 0, outOfWindow: Int = 0, rejected: Int = 0) {
        self.read = read
        self.used = used
        self.duplicates = duplicates
        self.outOfWindow = outOfWindow
        self.rejected = rejected
    }
}

/// One input file's figures.
public struct FileQuality: Sendable, Equatable {
    public var path: String
    public var format: String
    public var counts: QualityCounts

    public init(path: String, format: String, counts: QualityCounts) {
        self.path = path
        self.format = format
        self.counts = counts
    }
}

/// A rejected record and why.
public struct RejectedRecord: Sendable, Equatable {
    public var path: String
    /// 1-based; 0 when the whole file is meant.
    public var line: Int
    public var reason: String

    public init(path: String, line: Int, reason: String) {
        self.path = path
        self.line = line
        self.reason = DiagnosticText.clip(reason)
    }
}
