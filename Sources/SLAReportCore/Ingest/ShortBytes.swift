/// A byte string of at most 16 bytes as its length and two words, so that two of them compare in a few
/// instructions, without a loop or a second memory read: the words are loaded from both ends of the bytes
/// and overlap (8–16 bytes: two 8-byte words; 4–7: two 4-byte words; 1–3: the first, middle and last byte),
/// so together they hold every byte and equal lengths and words mean equal bytes.
struct ShortBytes: Equatable {
    private var count: Int
    private var head: UInt64
    private var tail: UInt64

    /// Matches no byte string.
    static let none = ShortBytes(count: -1, head: 0, tail: 0)

    private init(count: Int, head: UInt64, tail: UInt64) {
        self.count = count
        self.head = head
        self.tail = tail
    }

    /// The key of `bytes`; nil when they are longer than 16 bytes.
    ///
    /// `foldingCase`: every byte with bit 5 set, so that for names made of lower-case letters the key ignores
    /// ASCII case. A byte with bit 5 set equals a lower-case letter exactly when the byte is that letter in
    /// either case, so two byte strings of the same length, one of lower-case letters, have equal folded keys
    /// exactly when their letters are equal ignoring case (the canonical event names, `EventKindBytesTests`).
    /// Other bytes fold together (`@` with `` ` ``): the keys of other texts are not to be compared folded.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, foldingCase: Bool = false) {
        let n = bytes.count
        guard n <= 16 else { return nil }
        guard let p = bytes.baseAddress, n > 0 else {
            self.init(count: 0, head: 0, tail: 0)
            return
        }
        let fold: UInt64 = foldingCase ? 0x2020_2020_2020_2020 : 0
        let raw = UnsafeRawPointer(p)
        if n >= 8 {
            self.init(
                count: n, head: raw.loadUnaligned(as: UInt64.self) | fold,
                tail: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) | fold)
        } else if n >= 4 {
            self.init(
                count: n, head: UInt64(raw.loadUnaligned(as: UInt32.self)) | fold & 0x2020_2020,
                tail: UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) | fold & 0x2020_2020)
        } else {
            self.init(
                count: n, head: (UInt64(p[0]) | UInt64(p[n >> 1]) << 8 | UInt64(p[n - 1]) << 16) | fold & 0x20_2020,
                tail: 0)
        }
    }
}
