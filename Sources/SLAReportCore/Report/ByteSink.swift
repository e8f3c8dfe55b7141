/// An append-only UTF-8 byte buffer for the renderers: integers and RFC 3339 instants are written digit by
/// digit, strings are copied from their UTF-8 storage, so a million rows cost no per-field `String`
/// allocation — and no per-byte bookkeeping either: the buffer is owned by the sink alone (it cannot be
/// copied), so a write is a store and an increment.
///
/// A sink made with a ``Drain`` is a **buffered writer**: when its buffer is full it hands the bytes to the
/// drain (a file) and starts again, so a document of any size needs only the buffer in memory. The first
/// failure of the drain is kept (``failure``) and later writes are dropped; the caller checks it after
/// ``finish()``.
struct ByteSink: ~Copyable {
    /// Where a buffered writer's bytes go; returns nil, or why the bytes could not be written.
    typealias Drain = (UnsafeBufferPointer<UInt8>) -> String?

    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let drain: Drain?
    /// Bytes handed to the drain so far.
    private(set) var drained = 0
    /// Why the drain failed, if it did (later bytes were dropped).
    private(set) var failure: String?

    /// A sink that keeps everything in memory.
    init(reserving capacity: Int = 0) {
        self.capacity = max(capacity, 256)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
        drain = nil
    }

    /// A buffered writer that hands every `bufferSize` bytes to `drain`.
    init(bufferSize: Int = 1 << 20, drain: @escaping Drain) {
        capacity = max(bufferSize, 256)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        self.drain = drain
    }

    deinit {
        base.deallocate()
        dateDays.deallocate()
        dateWords.deallocate()
    }

    /// The bytes held (for a buffered writer: those not drained yet).
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes as a `String` (they are always valid UTF-8: only whole strings and ASCII are written).
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Bytes written in all.
    var total: Int { drained + count }

    /// Hands what is left to the drain (nothing for an in-memory sink).
    mutating func finish() {
        flush()
    }

    /// Room for `n` more bytes: a buffered writer drains (callers write more than its buffer straight to the
    /// drain), an in-memory sink grows.
    @inline(never)
    private mutating func makeRoom(_ n: Int) {
        if drain != nil {
            flush()
            return
        }
        var grown = capacity * 2
        while grown < count + n { grown *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = grown
    }

    private mutating func flush() {
        guard let drain, count > 0 else { return }
        if failure == nil, let reason = drain(UnsafeBufferPointer(start: base, count: count)) { failure = reason }
        drained += count
        count = 0
    }

    @inline(__always)
    mutating func write(byte: UInt8) {
        if count == capacity { makeRoom(1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func write(bytes more: UnsafeBufferPointer<UInt8>) {
        guard let source = more.baseAddress, !more.isEmpty else { return }
        if count + more.count > capacity { makeRoom(more.count) }
        if more.count > capacity {
            // Larger than a buffered writer's buffer: straight to the drain.
            if failure == nil, let drain, let reason = drain(more) { failure = reason }
            drained += more.count
            return
        }
        let target = base + count
        if more.count <= 16 {
            for k in 0..<more.count { target[k] = source[k] }
        } else {
            target.update(from: source, count: more.count)
        }
        count += more.count
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { write(bytes: $0) }
    }

    mutating func write(_ string: StaticString) {
        string.withUTF8Buffer { write(bytes: $0) }
    }

    /// A decimal integer, `-` for negatives, no grouping.
    mutating func write<I: BinaryInteger>(int value: I) {
        if value == 0 {
            write(byte: 0x30)
            return
        }
        if value < 0 { write(byte: 0x2D) }
        var magnitude = UInt64(truncatingIfNeeded: value.magnitude)
        if value.magnitude > I.Magnitude(UInt64.max) {
            write(String(value.magnitude))
            return
        }
        // At most 20 digits, written backwards into a small buffer, then copied.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20
            while magnitude > 0 {
                i -= 1
                digits[i] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            write(bytes: UnsafeBufferPointer(rebasing: digits[i..<20]))
        }
    }

    /// The dates written by ``write(rfc3339:)`` lately (rows come in time order: most share a few), in a
    /// direct-mapped table of 64 days: the day number, and the ten bytes `YYYY-MM-DD` in two words.
    private let dateDays = UnsafeMutablePointer<Int64>.allocate(capacity: 64)
    private let dateWords = UnsafeMutablePointer<(UInt64, UInt16)>.allocate(capacity: 64)
    private var datesReady = false

    /// `YYYY-MM-DDTHH:MM:SSZ` (the same text as ``Instant/rfc3339``), formatted in one 20-byte step; the date
    /// part is worked out once per day met lately.
    mutating func write(rfc3339 instant: Instant) {
        let days = instant.seconds.floorDivided(by: 86_400)
        let rest = Int(instant.seconds - days * 86_400)
        @inline(__always) func digit(_ value: Int) -> UInt64 { 0x30 + UInt64(truncatingIfNeeded: value) }
        if !datesReady {
            dateDays.initialize(repeating: Int64.min, count: 64)
            dateWords.initialize(repeating: (0, 0), count: 64)
            datesReady = true
        }
        let slot = Int(truncatingIfNeeded: days & 63)
        if dateDays[slot] != days {
            let (year, month, day) = CivilDateTime.civil(fromDays: Int(days))
            guard (0...9999).contains(year) else {
                write(instant.rfc3339)
                return
            }
            let low =
                digit(year / 1000) | digit(year / 100 % 10) << 8 | digit(year / 10 % 10) << 16
                | digit(year % 10) << 24 | 0x2D << 32 | digit(month / 10) << 40 | digit(month % 10) << 48 | 0x2D << 56
            let high = UInt16(truncatingIfNeeded: digit(day / 10) | digit(day % 10) << 8)
            dateDays[slot] = days
            dateWords[slot] = (low, high)
        }
        let (low, high) = dateWords[slot]
        if count + 20 > capacity { makeRoom(20) }
        let p = base + count
        UnsafeMutableRawPointer(p).storeBytes(of: low.littleEndian, as: UInt64.self)
        UnsafeMutableRawPointer(p + 8).storeBytes(of: high.littleEndian, as: UInt16.self)
        let hour = rest / 3600
        let minute = rest / 60 % 60
        let second = rest % 60
        @inline(__always) func d(_ value: Int) -> UInt8 { 0x30 + UInt8(truncatingIfNeeded: value) }
        p[10] = 0x54
        p[11] = d(hour / 10)
        p[12] = d(hour % 10)
        p[13] = 0x3A
        p[14] = d(minute / 10)
        p[15] = d(minute % 10)
        p[16] = 0x3A
        p[17] = d(second / 10)
        p[18] = d(second % 10)
        p[19] = 0x5A
        count += 20
    }
}
