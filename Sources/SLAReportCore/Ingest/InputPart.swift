/// One part of a large CSV file read on its own, side by side with the others (``Ingest``).
public struct InputPart: Sendable {
    /// Absolute offset of the part's first byte (0 for the first part, else the start of a line).
    public var start: Int
    /// Where the part's stream ends (nil: the end of the file; a part reads past its cut until it reaches
    /// one of ``stops`` on a record boundary).
    public var end: Int?
    /// The header row's fields, for the parts after the first (which do not start with it).
    public var header: [String]?
    /// The starts of the later parts: the reader stops at the first it reaches on a record boundary.
    public var stops: [Int]
    /// The claims of all the parts and this one's number, when its stops can change while it is read (a
    /// later part cut off its end by a core that was free: ``PartClaims``).
    var claims: (parts: PartClaims, part: Int)?
}
