/// Everything the ingest stage read: the events of all inputs, the records they came from, and the
/// records that were rejected on the way in.
///
/// Adapters append through ``beginRecord(file:line:)``, ``append(_:)`` and ``reject(record:reason:)``; the
/// group stage reads it. Records are numbered in reading order; each knows its file and 1-based line.
public struct EventLog: Sendable {
    public var symbols = SymbolTable()
    public var events: [TicketEvent] = []
    public var files: [InputFileInfo] = []
    /// Per record: index into ``files``.
    public var recordFile: [UInt32] = []
    /// Per record: 1-based line where the record starts.
    public var recordLine: [UInt32] = []
    /// Records rejected while reading, with the reason (a record may be rejected only once).
    public var rejections: [UInt32: String] = [:]
    /// Optional per-ticket attributes that are not events (links, requester).
    public var ticketAttributes: [Symbol: TicketAttributes] = [:]
    /// Records that stand for an older copy of something newer (a Zendesk ticket seen in an earlier page);
    /// counted as duplicates.
    public var supersededRecords: Set<UInt32> = []

    public init() {}

    /// Registers an input file and returns its index.
    public mutating func addFile(path: String, format: String) -> UInt32 {
        files.append(InputFileInfo(path: path, format: format))
        return UInt32(files.count - 1)
    }

    /// Starts a new record of `file` at `line` and returns its index.
    public mutating func beginRecord(file: UInt32, line: Int) -> UInt32 {
        recordFile.append(file)
        recordLine.append(UInt32(clamping: line))
        return UInt32(recordLine.count - 1)
    }

    public mutating func append(_ event: TicketEvent) { events.append(event) }

    /// Marks `record` rejected; the first reason given wins.
    public mutating func reject(record: UInt32, reason: String) {
        if rejections[record] == nil { rejections[record] = reason }
    }

    public var recordCount: Int { recordLine.count }

    /// `path:line` of a record.
    public func location(of record: UInt32) -> SourceLocation {
        let file = files[Int(recordFile[Int(record)])]
        return SourceLocation(path: file.path, line: Int(recordLine[Int(record)]))
    }
}

/// An input file as the report names it.
public struct InputFileInfo: Hashable, Sendable {
    public var path: String
    /// The detected (or forced) format name, e.g. `canonical-events`, `zendesk-incremental`.
    public var format: String

    public init(path: String, format: String) {
        self.path = path
        self.format = format
    }
}

/// Ticket facts that are not events.
public struct TicketAttributes: Hashable, Sendable {
    /// A link to the ticket; only `http(s)` URLs are ever rendered as links.
    public var url: String?
    /// The requester, when known apart from the `created` event's actor.
    public var requester: String?

    public init(url: String? = nil, requester: String? = nil) {
        self.url = url
        self.requester = requester
    }
}
