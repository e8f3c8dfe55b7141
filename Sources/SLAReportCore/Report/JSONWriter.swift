/// A small streaming JSON writer: keys in the order they are written, 2-space pretty printing
/// (`"key": value`, `[]` and `{}` when empty), strings escaped by ``Escape/json(_:)``, numbers written from
/// integers or from pre-formatted decimal strings (never the locale). Streaming keeps memory flat even when
/// the report lists a million breaches.
struct JSONWriter: ~Copyable {
    private(set) var sink: ByteSink
    /// One entry per open container: whether it holds an element yet.
    private var hasElements: [Bool] = []
    private var afterKey = false

    init(reserving capacity: Int = 0) {
        sink = ByteSink(reserving: capacity)
    }

    /// A writer into `sink` (a buffered file writer, say); ``take()`` hands it back.
    init(into sink: consuming ByteSink) {
        self.sink = sink
    }

    /// The sink, with everything written.
    consuming func take() -> ByteSink { sink }

    /// The document written so far.
    var output: String { sink.string }

    // MARK: Containers

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(0x5B)
        body(&self)
        close(0x5D)
    }

    /// An array of `items`, each written by `body`.
    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        open(0x5B)
        for item in items { body(&self, item) }
        close(0x5D)
    }

    // MARK: Keys and scalars

    /// Starts a member of the enclosing object; the next value written is its value.
    mutating func key(_ key: String) {
        beginValue()
        Escape.json(key, to: &sink)
        sink.write(": " as StaticString)
        afterKey = true
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        beginValue()
        Escape.json(value, to: &sink)
    }

    mutating func int<I: BinaryInteger>(_ value: I?) {
        guard let value else { return null() }
        beginValue()
        sink.write(int: value)
    }

    /// A number already formatted as a JSON number (e.g. ``Percent/description``).
    mutating func number(literal: String?) {
        guard let literal else { return null() }
        beginValue()
        sink.write(literal)
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        sink.write(value ? "true" : "false" as StaticString)
    }

    mutating func null() {
        beginValue()
        sink.write("null" as StaticString)
    }

    // MARK: Member shorthands

    mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func field<I: BinaryInteger>(_ name: String, _ value: I?) {
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Instant?) {
        key(name)
        guard let value else { return null() }
        beginValue()
        sink.write(byte: 0x22)
        sink.write(rfc3339: value)
        sink.write(byte: 0x22)
    }

    mutating func field(_ name: String, _ value: Percent?) {
        key(name)
        number(literal: value?.description)
    }

    /// Ends the document with a newline.
    mutating func finish() {
        sink.write(byte: 0x0A)
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = hasElements.last else { return }
        if last { sink.write(byte: 0x2C) }
        hasElements[hasElements.count - 1] = true
        newline(depth: hasElements.count)
    }

    private mutating func open(_ bracket: UInt8) {
        beginValue()
        sink.write(byte: bracket)
        hasElements.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let had = hasElements.popLast() ?? false
        if had { newline(depth: hasElements.count) }
        sink.write(byte: bracket)
    }

    private mutating func newline(depth: Int) {
        sink.write(byte: 0x0A)
        for _ in 0..<depth {
            sink.write(byte: 0x20)
            sink.write(byte: 0x20)
        }
    }
}
