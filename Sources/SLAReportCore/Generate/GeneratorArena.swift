/// A slice of a ``GeneratorArena``.
struct ArenaRef: Sendable, Equatable {
    var offset: Int32
    var count: Int32

    static let empty = ArenaRef(offset: 0, count: 0)
}

/// The generator's constant strings (channel keys, names, subjects, status words), stored once as bytes so
/// that the hot loop copies bytes and never touches `String`.
final class GeneratorArena: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// Freezes the bytes collected by a ``Builder``.
    init(_ builder: Builder) {
        storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, builder.bytes.count))
        _ = storage.initialize(from: builder.bytes)
    }

    deinit { storage.deallocate() }

    /// The bytes of `ref`.
    subscript(ref: ArenaRef) -> UnsafeBufferPointer<UInt8> {
        guard let base = storage.baseAddress, ref.count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + Int(ref.offset), count: Int(ref.count))
    }

    /// Collects strings before the arena is frozen.
    struct Builder {
        fileprivate var bytes: [UInt8] = []

        /// Adds `text` as a CSV field: quoted (with doubled quotes) when it holds `,` `"` CR or LF.
        mutating func field(_ text: String) -> ArenaRef {
            let raw = Array(text.utf8)
            let needsQuotes = raw.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
            let offset = Int32(bytes.count)
            if needsQuotes {
                bytes.append(34)
                for b in raw {
                    if b == 34 { bytes.append(34) }
                    bytes.append(b)
                }
                bytes.append(34)
            } else {
                bytes.append(contentsOf: raw)
            }
            return ArenaRef(offset: offset, count: Int32(bytes.count) - offset)
        }
    }
}
