/// A record of byte fields kept in one growable buffer plus the end offset of each field, reused from
/// record to record so that reading a row allocates nothing once the buffer has grown.
///
/// The CSV reader fills it (``CSVReader/record``); adapters that read JSON fill one too, so one row-handling
/// routine serves both. A `ByteRecord` shares its storage when copied: the fields a view hands out stay valid
/// only until the record is next reset.
public struct ByteRecord {
    private let storage: Storage

    public init(capacity: Int = 4096) { storage = Storage(capacity: capacity) }

    /// The number of fields.
    public var count: Int { storage.ends.count }

    /// All bytes of all fields, back to back.
    public var byteCount: Int { storage.count }

    /// The bytes of field `index`, or an empty buffer when the record has no such field.
    /// Valid until the record is next reset or appended to.
    public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let ends = storage.ends
        guard index >= 0, index < ends.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeBufferPointer(start: storage.pointer + start, count: ends[index] - start)
    }

    /// Field `index` as a `String` (invalid UTF-8 repaired); empty when the record has no such field.
    public func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    /// All fields as strings (tests, diagnostics).
    public var strings: [String] { (0..<count).map { string($0) } }

    /// Removes every field, keeping the buffer.
    public func reset() {
        storage.count = 0
        storage.ends.removeAll(keepingCapacity: true)
    }

    /// Appends bytes to the field being built.
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        storage.reserve(bytes.count)
        (storage.pointer + storage.count).update(from: base, count: bytes.count)
        storage.count += bytes.count
    }

    /// Appends one byte to the field being built.
    public func append(_ byte: UInt8) {
        storage.reserve(1)
        storage.pointer[storage.count] = byte
        storage.count += 1
    }

    /// Appends the UTF-8 of `string` to the field being built.
    public func append(_ string: String) {
        var copy = string
        copy.withUTF8 { append($0) }
    }

    /// Ends the field being built (possibly empty) and starts the next.
    public func endField() { storage.ends.append(storage.count) }

    /// The length of the field being built.
    var currentFieldLength: Int { storage.count - (storage.ends.last ?? 0) }

    private final class Storage {
        var pointer: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0
        var ends: [Int] = []

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
            ends.reserveCapacity(32)
        }

        deinit { pointer.deallocate() }

        func reserve(_ extra: Int) {
            let needed = count + extra
            guard needed > capacity else { return }
            var newCapacity = capacity * 2
            while newCapacity < needed { newCapacity *= 2 }
            let newPointer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newPointer.update(from: pointer, count: count)
            pointer.deallocate()
            pointer = newPointer
            capacity = newCapacity
        }
    }
}
