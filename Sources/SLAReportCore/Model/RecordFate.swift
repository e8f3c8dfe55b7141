/// The bucket a record ends in (SPEC §2.4). Every record read ends in exactly one.
///
/// Fates are ordered: a stage may only move a record to a later fate (``RecordLedger/settle(_:_:)``), so a
/// record can never go back from rejected, and a record with one event used and another out of the window is
/// used. `pending` is where every record starts; no record is left pending once the ledger is closed.
public enum RecordFate: UInt8, Sendable, Comparable, CaseIterable {
    /// Read, not decided yet.
    case pending = 0
    /// Everything the record says was already said by an earlier record (an equal event, an older copy of a
    /// Zendesk ticket, a tweet seen twice).
    case duplicate
    /// Belongs to a ticket outside the window or an unselected channel, or comes after as-of.
    case outOfWindow
    /// Part of the report.
    case used
    /// Unusable, with a reason and its `path:line`. Final: nothing moves a record out of it.
    case rejected

    public static func < (lhs: RecordFate, rhs: RecordFate) -> Bool { lhs.rawValue < rhs.rawValue }
}
