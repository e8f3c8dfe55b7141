/// The one account of every record read (SPEC §2.4): where it was (file and line) and its fate.
///
/// Created at ingest (``begin(file:line:)``), carried through the join and the group stage, and closed when
/// the window is known: every stage may only move a record to a later ``RecordFate`` (``settle(_:_:)``,
/// ``reject(_:reason:)``), so a record is counted once and never both used and rejected. The data-quality
/// section counts the closed ledger. Records that yield no event of their own (a Zendesk metric, a skipped
/// small action of a forum topic) are *attached* to their ticket and take its fate when the ledger closes.
public struct RecordLedger: Sendable {
    /// Per record: its file (an index into ``EventLog/files``) and the 1-based line where it starts.
    public private(set) var locations = RecordLocations()
    /// Per record: its fate so far.
    public private(set) var fate: [RecordFate] = []
    /// Why each rejected record was rejected (the first reason given wins).
    public private(set) var reasons: [UInt32: String] = [:]
    /// Records without events of their own, with the ticket whose fate they share.
    public private(set) var attachments: [(record: UInt32, ticket: Symbol)] = []

    public init() {}

    /// The number of records.
    public var count: Int { fate.count }

    /// Whether any record was rejected (without a pass over the fates: exactly the records rejected have a
    /// reason).
    public var hasRejections: Bool { !reasons.isEmpty }

    /// Starts a new record of `file` at `line`; it is pending until a stage settles it.
    public mutating func begin(file: UInt32, line: Int) -> UInt32 {
        locations.append(file: file, line: line)
        fate.append(.pending)
        return UInt32(fate.count - 1)
    }

    /// Rejects `record` with `reason` (the first reason wins; a rejected record stays rejected).
    public mutating func reject(_ record: UInt32, reason: String) {
        let r = Int(record)
        guard fate.indices.contains(r) else { return }
        if fate[r] != .rejected {
            fate[r] = .rejected
            reasons[record] = reason
        }
    }

    /// Moves `record` forward to `fate` if that is later than where it is; never backwards, never out of
    /// ``RecordFate/rejected`` (use ``reject(_:reason:)`` to reject).
    @inline(__always)
    public mutating func settle(_ record: UInt32, _ fate: RecordFate) {
        let r = Int(record)
        guard fate != .rejected, self.fate.indices.contains(r), self.fate[r] < fate else { return }
        self.fate[r] = fate
    }

    /// `record` yields no event of its own and shares `ticket`'s fate.
    public mutating func attach(_ record: UInt32, to ticket: Symbol) {
        attachments.append((record, ticket))
    }

    /// Whether `record` was rejected.
    public func isRejected(_ record: UInt32) -> Bool {
        let r = Int(record)
        return fate.indices.contains(r) && fate[r] == .rejected
    }

    /// The rejection reason of `record`, if it was rejected.
    public func reason(_ record: UInt32) -> String? { reasons[record] }

    /// Reserves room for `count` more records.
    mutating func reserve(_ count: Int) {
        fate.reserveCapacity(fate.count + count)
    }

    /// Appends every record of `other` (a later file or part), its files numbered `file`, its lines moved by
    /// `lineShift`; returns the number the first of them gets here.
    mutating func append(_ other: RecordLedger, file newFile: ((UInt32) -> UInt32), lineShift: Int = 0) -> UInt32 {
        let base = UInt32(count)
        reserve(other.count)
        locations.append(other.locations, file: newFile, lineShift: lineShift)
        fate.append(contentsOf: other.fate)
        for (record, reason) in other.reasons { reasons[record + base] = reason }
        return base
    }

    /// Appends `other`'s attachments, their records moved by `base` and tickets mapped through `symbols`.
    mutating func appendAttachments(_ other: RecordLedger, base: UInt32, symbols: [Symbol]) {
        for a in other.attachments {
            let ticket = Int(a.ticket.raw) < symbols.count ? symbols[Int(a.ticket.raw)] : a.ticket
            attachments.append((a.record + base, ticket))
        }
    }

    /// Drops every record from `count` on (a file that turned out unreadable is taken back whole).
    mutating func truncate(to count: Int) {
        guard count < self.count else { return }
        locations.truncate(to: count)
        fate.removeSubrange(count...)
        for record in reasons.keys where record >= UInt32(count) { reasons[record] = nil }
        attachments.removeAll { $0.record >= UInt32(count) }
    }

    /// Settles every record still pending: an attached record takes its ticket's fate (`ticketFate`, nil
    /// when the ticket has no timeline: the record is then rejected with `missing(ticket)`), any other
    /// record is used (it was read and understood, e.g. a user that names actors).
    mutating func close(ticketFate: (Symbol) -> RecordFate?, missing: (Symbol) -> String) {
        for a in attachments where fate.indices.contains(Int(a.record)) && fate[Int(a.record)] == .pending {
            if let f = ticketFate(a.ticket) {
                settle(a.record, f == .pending ? .used : f)
            } else {
                reject(a.record, reason: missing(a.ticket))
            }
        }
        for i in fate.indices where fate[i] == .pending { fate[i] = .used }
    }
}
