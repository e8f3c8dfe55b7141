/// A record of byte fields kept in one growable buffer plus the start and end offset of each field, reused
/// from record to record so that reading a row allocates nothing once the buffer has grown.
///
/// A plain CSV record is not copied at all: its fields are offsets into the reader's input, which stays put
/// until the next record is read (``Buffers/base``).
///
/// The CSV reader fills it (``CSVReader/record``); adapters that read JSON fill one too, so one row-handling
/// routine serves both. A `ByteRecord` shares its storage when copied: the fields a view hands out stay valid
/// only until the record is next reset.
public struct ByteRecord {
    let storage: Storage

    public init(capacity: Int = 4096) { storage = Storage(capacity: capacity) }

    /// The number of fields.
    public var count: Int { storage.state.pointee.endCount }

    /// The bytes of field `index`, or an empty buffer when the record has no such field.
    /// Valid until the record is next reset or appended to.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> { view.field(index) }

    /// The fields as they are now, as a view that holds no reference (valid until the record is next reset
    /// or appended to, and only while the record is alive).
    @inline(__always)
    var view: View {
        let b = storage.state.pointee
        return View(bytes: b.base ?? UnsafePointer(b.bytes), starts: b.starts, ends: b.ends, count: b.endCount)
    }

    /// The fields of a record at one moment, without a reference to its storage (see ``view``).
    struct View {
        let bytes: UnsafePointer<UInt8>
        let starts: UnsafePointer<Int>
        let ends: UnsafePointer<Int>
        let count: Int

        /// The bytes of field `index`, or an empty buffer when there is no such field.
        @inline(__always)
        func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            guard index >= 0, index < count else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: bytes + starts[index], count: ends[index] - starts[index])
        }
    }

    /// Field `index` as a `String` (invalid UTF-8 repaired); empty when the record has no such field.
    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    /// All fields as strings (tests, diagnostics).
    public var strings: [String] { (0..<count).map { string($0) } }

    /// Removes every field, keeping the buffer.
    public func reset() { storage.state.pointee.clear() }

    /// Appends bytes to the field being built.
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        storage.state.pointee.append(base, bytes.count)
    }

    /// Appends one byte to the field being built.
    public func append(_ byte: UInt8) {
        withUnsafePointer(to: byte) { storage.state.pointee.append($0, 1) }
    }

    /// Appends the UTF-8 of `string` to the field being built.
    public func append(_ string: String) {
        var copy = string
        copy.withUTF8 { append($0) }
    }

    /// Ends the field being built (possibly empty) and starts the next.
    public func endField() { storage.state.pointee.endField() }

    /// Raw growable buffers, reached through a pointer so that hot loops pay no exclusivity checks (a class's
    /// `var`s would); the CSV reader works on a local copy of ``Buffers`` while it reads a record.
    final class Storage {
        let state: UnsafeMutablePointer<Buffers>

        init(capacity: Int) {
            let byteCapacity = max(capacity, 64)
            state = UnsafeMutablePointer<Buffers>.allocate(capacity: 1)
            state.initialize(to: Buffers(byteCapacity: byteCapacity, fieldCapacity: 32))
        }

        deinit {
            state.pointee.deallocate()
            state.deinitialize(count: 1)
            state.deallocate()
        }
    }

    /// The bytes of the fields copied so far, and the start and end offset of each field: in ``bytes``, or
    /// in ``base`` for a record read in place.
    struct Buffers {
        var bytes: UnsafeMutablePointer<UInt8>
        var byteCapacity: Int
        var byteCount = 0
        var starts: UnsafeMutablePointer<Int>
        var ends: UnsafeMutablePointer<Int>
        var fieldCapacity: Int
        var endCount = 0
        /// Where the field being built starts in ``bytes``.
        var fieldStart = 0
        /// The input a record read in place points into (its offsets are from there); nil when the fields
        /// are in ``bytes``.
        var base: UnsafePointer<UInt8>?

        init(byteCapacity: Int, fieldCapacity: Int) {
            bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
            self.byteCapacity = byteCapacity
            starts = UnsafeMutablePointer<Int>.allocate(capacity: fieldCapacity)
            ends = UnsafeMutablePointer<Int>.allocate(capacity: fieldCapacity)
            self.fieldCapacity = fieldCapacity
        }

        /// Frees the buffers (the owner's `deinit`).
        func deallocate() {
            bytes.deallocate()
            starts.deallocate()
            ends.deallocate()
        }

        /// No fields, the bytes in ``bytes`` again.
        @inline(__always)
        mutating func clear() {
            byteCount = 0
            endCount = 0
            fieldStart = 0
            base = nil
        }

        /// Appends `length` bytes at `start` to the field being built (no limit checked: the caller's).
        @inline(__always)
        mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
            if byteCount + length > byteCapacity {
                ByteRecord.grow(&bytes, capacity: &byteCapacity, count: byteCount, needed: byteCount + length)
            }
            let target = bytes + byteCount
            if length <= 16 {
                for i in 0..<length { target[i] = start[i] }
            } else {
                target.update(from: start, count: length)
            }
            byteCount += length
        }

        /// Ends the field being built (no limit checked: the caller's).
        @inline(__always)
        mutating func endField() {
            if endCount == fieldCapacity { growFields() }
            starts[endCount] = fieldStart
            ends[endCount] = byteCount
            endCount += 1
            fieldStart = byteCount
        }

        /// Adds a field read in place: bytes `start..<end` of ``base`` (no limit checked: the caller's).
        @inline(__always)
        mutating func addField(from start: Int, to end: Int) {
            if endCount == fieldCapacity { growFields() }
            starts[endCount] = start
            ends[endCount] = end
            endCount += 1
        }

        @inline(never)
        mutating func growFields() {
            var capacity = fieldCapacity
            ByteRecord.grow(&starts, capacity: &capacity, count: endCount, needed: endCount + 1)
            ByteRecord.grow(&ends, capacity: &fieldCapacity, count: endCount, needed: endCount + 1)
        }
    }

    /// Moves `pointer`'s first `count` elements into a buffer of at least `needed` elements.
    @inline(never)
    static func grow<T>(_ pointer: inout UnsafeMutablePointer<T>, capacity: inout Int, count: Int, needed: Int) {
        var newCapacity = max(capacity * 2, 64)
        while newCapacity < needed { newCapacity *= 2 }
        let newPointer = UnsafeMutablePointer<T>.allocate(capacity: newCapacity)
        newPointer.moveInitialize(from: pointer, count: count)
        pointer.deallocate()
        pointer = newPointer
        capacity = newCapacity
    }
}
