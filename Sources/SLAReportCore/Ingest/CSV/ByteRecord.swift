/// A record of byte fields kept in one growable buffer plus the end offset of each field, reused from
/// record to record so that reading a row allocates nothing once the buffer has grown.
///
/// The CSV reader fills it (``CSVReader/record``); adapters that read JSON fill one too, so one row-handling
/// routine serves both. A `ByteRecord` shares its storage when copied: the fields a view hands out stay valid
/// only until the record is next reset.
public struct ByteRecord {
    let storage: Storage

    public init(capacity: Int = 4096) { storage = Storage(capacity: capacity) }

    /// The number of fields.
    public var count: Int { storage.endCount }

    /// All bytes of all fields, back to back.
    public var byteCount: Int { storage.byteCount }

    /// The bytes of field `index`, or an empty buffer when the record has no such field.
    /// Valid until the record is next reset or appended to.
    @inline(__always)
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> { view.field(index) }

    /// The fields as they are now, as a view that holds no reference (valid until the record is next reset
    /// or appended to, and only while the record is alive).
    @inline(__always)
    var view: View {
        let b = storage.state.pointee
        return View(bytes: b.bytes, ends: b.ends, count: b.endCount)
    }

    /// The fields of a record at one moment, without a reference to its storage (see ``view``).
    struct View {
        let bytes: UnsafePointer<UInt8>
        let ends: UnsafePointer<Int>
        let count: Int

        /// The bytes of field `index`, or an empty buffer when there is no such field.
        @inline(__always)
        func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            guard index >= 0, index < count else { return UnsafeBufferPointer(start: nil, count: 0) }
            let start = index == 0 ? 0 : ends[index - 1]
            return UnsafeBufferPointer(start: bytes + start, count: ends[index] - start)
        }
    }

    /// Field `index` as a `String` (invalid UTF-8 repaired); empty when the record has no such field.
    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    /// All fields as strings (tests, diagnostics).
    public var strings: [String] { (0..<count).map { string($0) } }

    /// Removes every field, keeping the buffer.
    public func reset() {
        storage.byteCount = 0
        storage.endCount = 0
    }

    /// Appends bytes to the field being built.
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        storage.reserveBytes(bytes.count)
        (storage.bytes + storage.byteCount).update(from: base, count: bytes.count)
        storage.byteCount += bytes.count
    }

    /// Appends one byte to the field being built.
    public func append(_ byte: UInt8) {
        storage.reserveBytes(1)
        storage.bytes[storage.byteCount] = byte
        storage.byteCount += 1
    }

    /// Appends the UTF-8 of `string` to the field being built.
    public func append(_ string: String) {
        var copy = string
        copy.withUTF8 { append($0) }
    }

    /// Ends the field being built (possibly empty) and starts the next.
    public func endField() {
        storage.reserveEnds(1)
        storage.ends[storage.endCount] = storage.byteCount
        storage.endCount += 1
    }

    /// The length of the field being built.
    var currentFieldLength: Int {
        storage.byteCount - (storage.endCount == 0 ? 0 : storage.ends[storage.endCount - 1])
    }

    /// Raw growable buffers, reached through a pointer so that hot loops pay no exclusivity checks (a class's
    /// `var`s would); the CSV reader works on a local copy of ``Buffers`` while it reads a record.
    final class Storage {
        let state: UnsafeMutablePointer<Buffers>

        init(capacity: Int) {
            let byteCapacity = max(capacity, 64)
            state = UnsafeMutablePointer<Buffers>.allocate(capacity: 1)
            state.initialize(
                to: Buffers(
                    bytes: UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity), byteCapacity: byteCapacity,
                    ends: UnsafeMutablePointer<Int>.allocate(capacity: 32), endCapacity: 32))
        }

        deinit {
            state.pointee.bytes.deallocate()
            state.pointee.ends.deallocate()
            state.deinitialize(count: 1)
            state.deallocate()
        }

        var bytes: UnsafeMutablePointer<UInt8> { state.pointee.bytes }
        var ends: UnsafeMutablePointer<Int> { state.pointee.ends }
        var byteCount: Int {
            get { state.pointee.byteCount }
            set { state.pointee.byteCount = newValue }
        }
        var endCount: Int {
            get { state.pointee.endCount }
            set { state.pointee.endCount = newValue }
        }

        func reserveBytes(_ extra: Int) {
            let b = state.pointee
            guard b.byteCount + extra > b.byteCapacity else { return }
            ByteRecord.grow(
                &state.pointee.bytes, capacity: &state.pointee.byteCapacity, count: b.byteCount,
                needed: b.byteCount + extra)
        }

        func reserveEnds(_ extra: Int) {
            let b = state.pointee
            guard b.endCount + extra > b.endCapacity else { return }
            ByteRecord.grow(
                &state.pointee.ends, capacity: &state.pointee.endCapacity, count: b.endCount, needed: b.endCount + extra
            )
        }
    }

    /// The bytes of all fields and the end offset of each.
    struct Buffers {
        var bytes: UnsafeMutablePointer<UInt8>
        var byteCapacity: Int
        var byteCount = 0
        var ends: UnsafeMutablePointer<Int>
        var endCapacity: Int
        var endCount = 0

        init(bytes: UnsafeMutablePointer<UInt8>, byteCapacity: Int, ends: UnsafeMutablePointer<Int>, endCapacity: Int) {
            self.bytes = bytes
            self.byteCapacity = byteCapacity
            self.ends = ends
            self.endCapacity = endCapacity
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
            if endCount == endCapacity {
                ByteRecord.grow(&ends, capacity: &endCapacity, count: endCount, needed: endCount + 1)
            }
            ends[endCount] = byteCount
            endCount += 1
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
