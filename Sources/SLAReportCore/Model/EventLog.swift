/// Everything read from the inputs: the events of all files, the ledger of the records they came from, and
/// what the exports say about people and about their own metrics.
///
/// Adapters append through ``beginRecord(file:line:)``, ``append(_:)`` and ``reject(record:reason:)``; the
/// join stage merges the logs of the files into one; the group stage reads it. Records are numbered in
/// reading order; the ``ledger`` knows each one's file, 1-based line and fate.
public struct EventLog: Sendable {
    public var symbols = SymbolTable()
    /// Every event, as columns.
    public var events = EventColumns()
    /// Whether the values no stage reads (subjects, the text of replies and comments) are interned as text
    /// (for `slareport explain`) instead of kept as fingerprints (see ``EventColumns``).
    public var keepsUnusedText = false
    public var files: [InputFileInfo] = []
    /// The one account of every record read (see ``RecordLedger``).
    public var ledger = RecordLedger()
    /// Optional per-ticket attributes that are not events (links, requester).
    public var ticketAttributes: [Symbol: TicketAttributes] = [:]
    /// What a vendor computed for a ticket (Zendesk's own first-reply time, replies, reopens), by ticket.
    public var vendorMetrics: [Symbol: VendorMetric] = [:]
    /// What the exports say about who is who (Zendesk users' roles, Discourse staff, company tweets, …),
    /// for the directory of people.
    public var evidence: [ActorEvidence] = []
    /// What routed each native ticket the join stage routed (Zendesk, GitLab), by ticket; nil unless
    /// ``IngestOptions/keepsRoutingFacts`` asked for it (`slareport explain` names the rule that chose the
    /// channel).
    public var routingFacts: [Symbol: RoutingFacts]?

    public init() {}

    /// Registers an input file and returns its index.
    public mutating func addFile(path: String, format: String) -> UInt32 {
        files.append(InputFileInfo(path: path, format: format))
        return UInt32(files.count - 1)
    }

    /// Starts a new record of `file` at `line` and returns its index.
    public mutating func beginRecord(file: UInt32, line: Int) -> UInt32 { ledger.begin(file: file, line: line) }

    public mutating func append(_ event: TicketEvent) { events.append(event) }

    /// Appends `events` in order (``EventColumns/append(contentsOf:)``).
    mutating func append(contentsOf events: [TicketEvent]) {
        events.withUnsafeBufferPointer { self.events.append(contentsOf: $0) }
    }

    /// What to store as the value of an event of `kind` whose value is `bytes`: its symbol, or — when no stage
    /// reads it and the log does not keep such text — its fingerprint (see ``EventColumns``).
    @inline(__always)
    public mutating func value(of kind: EventKind, bytes: UnsafeBufferPointer<UInt8>) -> Symbol {
        if bytes.isEmpty { return .none }
        if keepsUnusedText || EventColumns.readsValue(kind) { return symbols.intern(bytes: bytes) }
        return Symbol(raw: EventColumns.fingerprint(bytes))
    }

    /// ``value(of:bytes:)`` of a `String`.
    public mutating func value(of kind: EventKind, text: String) -> Symbol {
        var copy = text
        return copy.withUTF8 { value(of: kind, bytes: $0) }
    }

    /// Marks `record` rejected; the first reason given wins.
    public mutating func reject(record: UInt32, reason: String) { ledger.reject(record, reason: reason) }

    /// Records what the export says about `actor`, and on what evidence.
    public mutating func note(_ actor: Symbol, is role: ActorEvidence.Role, because basis: ActorEvidence.Basis) {
        guard !actor.isNone else { return }
        evidence.append(ActorEvidence(actor: actor, role: role, basis: basis))
    }

    public var recordCount: Int { ledger.count }

    /// Rejected records and their reasons.
    public var rejections: [UInt32: String] { ledger.reasons }

    /// `path:line` of a record.
    public func location(of record: UInt32) -> SourceLocation {
        let r = Int(record)
        guard r < ledger.count, Int(ledger.locations.file(r)) < files.count else {
            return SourceLocation(path: "?", line: 0)
        }
        return SourceLocation(path: files[Int(ledger.locations.file(r))].path, line: Int(ledger.locations.line(r)))
    }

    /// The source of the file `record` was read from.
    public func source(of record: UInt32) -> SourceKind {
        let r = Int(record)
        guard r < ledger.count, Int(ledger.locations.file(r)) < files.count else { return .canonical }
        return files[Int(ledger.locations.file(r))].source
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

    /// The system the format comes from.
    public var source: SourceKind { SourceKind(format: format) }
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
