/// The bytes a ``JSONReader`` reads from a stream: a window of the input that holds at least the whole value
/// being parsed (up to the record size limit). Bytes before the value being read are dropped when more are
/// read, so the window stays about one record large, whatever the size of the input.
final class JSONWindow {
    private var stream: ByteStream
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// Bytes held, from `bytes`.
    private(set) var count = 0
    /// The window never grows past this.
    let maxCapacity: Int
    /// Absolute offset of `bytes[0]`.
    private(set) var base: Int
    /// Whether the byte just before `bytes[0]` (dropped) was a CR, for line counting.
    private(set) var droppedCR = false

    init(stream: ByteStream, initialCapacity: Int, maxCapacity: Int) {
        self.stream = stream
        base = stream.position
        capacity = max(min(initialCapacity, maxCapacity), 64)
        self.maxCapacity = max(maxCapacity, capacity)
        bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit { bytes.deallocate() }

    var ending: ByteStream.Ending { stream.ending }
    var earlyEndMessage: String? { stream.earlyEndMessage }

    /// Drops the bytes before `from`; what was at `from` is now at 0.
    func drop(before from: Int) {
        guard from > 0 else { return }
        droppedCR = bytes[from - 1] == Byte.cr
        let kept = count - from
        if kept > 0 { bytes.update(from: bytes + from, count: kept) }
        count = max(kept, 0)
        base += from
    }

    /// Reads more bytes after `count` (growing the window when it is full and may grow): how many, 0 at
    /// the end of the input or when the window is full at its largest.
    func fill() -> Int {
        if count == capacity {
            guard capacity < maxCapacity else { return 0 }
            let grown = min(capacity * 2, maxCapacity)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.moveInitialize(from: bytes, count: count)
            bytes.deallocate()
            bytes = moved
            capacity = grown
        }
        let n = stream.read(into: UnsafeMutableRawBufferPointer(start: bytes + count, count: capacity - count))
        count += n
        return n
    }
}

/// A structural scan of one JSON value, to know where it ends before it is parsed: brackets counted outside
/// strings, escapes skipped, nothing built. It can be continued after more bytes arrive.
///
/// A container or a string ends after its closing byte; a scalar (number, literal, or garbage) ends before
/// the first white space, comma or closing bracket. A raw line break or control character inside a string
/// ends the scan there: the value is malformed at that byte, and that is where parsing will fail.
struct JSONScan {
    /// Index (in the window) of the next byte to scan.
    var index: Int
    /// Line of the next byte to scan.
    var line: Int
    var depth = 0
    var inString = false
    var escaped = false
    var started = false
    /// Where the value ends (exclusive), once ``done``.
    var end = 0
    var done = false

    init(at index: Int, line: Int) {
        self.index = index
        self.line = line
    }

    /// Scans `bytes[index..<count]`; `afterCR(i)` tells whether the byte before `i` is a CR.
    mutating func scan(_ bytes: UnsafePointer<UInt8>, count: Int, droppedCR: Bool) {
        var i = index
        defer { index = i }
        while i < count && !done {
            let b = bytes[i]
            if inString {
                if escaped {
                    escaped = false
                } else if b == Byte.backslash {
                    escaped = true
                } else if b == Byte.quote {
                    inString = false
                    if depth == 0 {
                        finish(at: i + 1)
                        i += 1
                        return
                    }
                } else if b < 0x20 && b != Byte.tab {
                    finish(at: i)
                    return
                }
                i += 1
                continue
            }
            let first = !started
            started = true
            switch b {
            case Byte.quote:
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 {
                    finish(at: i)
                    return
                }
                depth -= 1
                if depth == 0 {
                    finish(at: i + 1)
                    i += 1
                    return
                }
            case Byte.lf, Byte.cr, Byte.space, Byte.tab, Byte.comma:
                if depth == 0 && !first {
                    finish(at: i)
                    return
                }
                if b == Byte.cr {
                    line += 1
                } else if b == Byte.lf {
                    let afterCR = i > 0 ? bytes[i - 1] == Byte.cr : droppedCR
                    if !afterCR { line += 1 }
                }
            default:
                break
            }
            i += 1
        }
    }

    private mutating func finish(at end: Int) {
        self.end = end
        done = true
    }

    /// Moves the indexes after the window dropped `count` bytes before them.
    mutating func shift(by count: Int) {
        index -= count
        end -= count
    }
}
