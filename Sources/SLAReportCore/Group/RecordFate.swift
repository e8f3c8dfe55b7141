/// The bucket a record ends in (SPEC §2.4). Every record read ends in exactly one.
public enum RecordFate: UInt8, Sendable, Comparable {
    /// Not decided yet (never left in a finished accounting).
    case unknown = 0
    case rejected
    case duplicate
    case outOfWindow
    case used

    public static func < (lhs: RecordFate, rhs: RecordFate) -> Bool { lhs.rawValue < rhs.rawValue }
}
