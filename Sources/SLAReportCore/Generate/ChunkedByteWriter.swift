/// An output buffer that CSV rows are formatted into byte by byte and that is handed out in chunks.
///
/// Numbers and UTC timestamps are formatted by hand (no `String`, no locale). The buffer grows if a caller
/// ever appends more than it holds, so it can never write out of bounds; in practice it is flushed whenever
/// it passes ``chunkSize`` and never grows.
struct ChunkedByteWriter: ~Copyable {
    /// The size of the chunks handed to the sink (about; a chunk ends at a ticket boundary after it).
    let chunkSize: Int
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// `YYYY-MM-DD` of ``cachedDay``: consecutive timestamps mostly fall on the same day.
    private var dateCache: (UInt64, UInt16) = (0, 0)
    private var cachedDay = Int64.min

    init(chunkSize: Int) {
        self.chunkSize = max(4096, chunkSize)
        capacity = self.chunkSize + 256 * 1024
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Whether a chunk is full and should be flushed.
    var isFull: Bool { count >= chunkSize }

    /// Hands the buffered bytes to `sink` and empties the buffer.
    mutating func flush(_ sink: (UnsafeRawBufferPointer) -> Void) {
        guard count > 0 else { return }
        sink(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    private mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let newCapacity = max(capacity * 2, count + n)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    mutating func append(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// A non-negative decimal integer (negative values are written as 0: ids and counts only).
    mutating func append(decimal value: Int) {
        reserve(20)
        var v = UInt64(max(0, value))
        var digits = 1
        var probe = v
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var position = count + digits - 1
        repeat {
            base[position] = 48 + UInt8(v % 10)
            v /= 10
            position -= 1
        } while v > 0
        count += digits
    }

    /// A non-negative integer in lower-case base 36 (`0-9a-z`), as short link ids are written.
    mutating func append(base36 value: Int) {
        reserve(16)
        var digits: [UInt8] = []
        var v = max(0, value)
        repeat {
            let d = UInt8(v % 36)
            digits.append(d < 10 ? 48 + d : 87 + d)
            v /= 36
        } while v > 0
        for d in digits.reversed() { append(byte: d) }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` of an instant on the UTC clock (years 0…9999).
    mutating func append(timestamp seconds: Int64) {
        reserve(20)
        let day = seconds.floorDivided(by: 86_400)
        if day != cachedDay {
            cachedDay = day
            let (y, m, d) = CivilDateTime.civil(fromDays: Int(day))
            let year = UInt64(min(9999, max(0, y)))
            var packed: UInt64 = 0
            let bytes: [UInt8] = [
                UInt8(48 + year / 1000), UInt8(48 + year / 100 % 10), UInt8(48 + year / 10 % 10),
                UInt8(48 + year % 10), 45, UInt8(48 + m / 10), UInt8(48 + m % 10), 45,
            ]
            for (i, b) in bytes.enumerated() { packed |= UInt64(b) << (8 * UInt64(i)) }
            dateCache = (packed, UInt16(48 + d / 10) | UInt16(48 + d % 10) << 8)
        }
        let p = base + count
        UnsafeMutableRawPointer(p).storeBytes(of: dateCache.0.littleEndian, as: UInt64.self)
        UnsafeMutableRawPointer(p + 8).storeBytes(of: dateCache.1.littleEndian, as: UInt16.self)
        let rest = Int(seconds - day * 86_400)
        let hour = rest / 3600
        let minute = rest / 60 % 60
        let second = rest % 60
        p[10] = 84  // T
        p[11] = 48 + UInt8(hour / 10)
        p[12] = 48 + UInt8(hour % 10)
        p[13] = 58  // :
        p[14] = 48 + UInt8(minute / 10)
        p[15] = 48 + UInt8(minute % 10)
        p[16] = 58
        p[17] = 48 + UInt8(second / 10)
        p[18] = 48 + UInt8(second % 10)
        p[19] = 90  // Z
        count += 20
    }
}
