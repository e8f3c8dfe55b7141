/// The timestamp parser on any text, in UTC and in a zone with DST changes: no crash, and an instant it
/// returns, printed in RFC 3339, parses back to itself.
enum TimestampHarness {
    static let zones: [ZoneClock] = [.utc, ZoneClock(identifier: "America/New_York") ?? .utc]

    static func run(_ data: UnsafeBufferPointer<UInt8>) {
        for zone in zones {
            guard case .instant(let instant)? = Timestamp.parse(data, zone: zone) else { continue }
            let printed = instant.rfc3339
            guard case .instant(let again)? = Timestamp.parse(printed, zone: .utc) else {
                fatalError("invariant broken: \(printed) does not parse back")
            }
            require(again == instant, "\(printed) parses back to \(again.rfc3339)")
        }
    }
}
