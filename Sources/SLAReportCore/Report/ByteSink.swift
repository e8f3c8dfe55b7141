/// An append-only UTF-8 byte buffer for the renderers whose output grows with the data (the per-ticket CSV
/// and the JSON breach list): integers and RFC 3339 instants are written digit by digit, strings are copied
/// from their UTF-8 storage, so a million rows cost no per-field `String` allocation.
struct ByteSink {
    private(set) var bytes: [UInt8] = []

    init(reserving capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The bytes as a `String` (they are always valid UTF-8: only whole strings and ASCII are written).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func write(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func write(bytes more: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: more)
    }

    /// A decimal integer, `-` for negatives, no grouping.
    mutating func write<I: BinaryInteger>(int value: I) {
        if value == 0 {
            bytes.append(0x30)
            return
        }
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var count = 0
        var rest = magnitude
        while rest > 0 {
            count += 1
            rest /= 10
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0x30, count: count))
        var index = start + count - 1
        while magnitude > 0 && index >= start {
            bytes[index] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            index -= 1
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (the same text as ``Instant/rfc3339``), formatted in one 20-byte step.
    mutating func write(rfc3339 instant: Instant) {
        let days = instant.seconds.floorDivided(by: 86_400)
        let rest = Int(instant.seconds - days * 86_400)
        let (year, month, day) = CivilDateTime.civil(fromDays: Int(days))
        guard (0...9999).contains(year) else {
            write(instant.rfc3339)
            return
        }
        let hour = rest / 3600
        let minute = rest / 60 % 60
        let second = rest % 60
        func digit(_ value: Int) -> UInt8 { 0x30 + UInt8(truncatingIfNeeded: value) }
        let text:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (
                digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10), 0x2D,
                digit(month / 10), digit(month % 10), 0x2D, digit(day / 10), digit(day % 10), 0x54,
                digit(hour / 10), digit(hour % 10), 0x3A, digit(minute / 10), digit(minute % 10), 0x3A,
                digit(second / 10), digit(second % 10), 0x5A
            )
        withUnsafeBytes(of: text) { raw in
            bytes.append(contentsOf: raw)
        }
    }
}
