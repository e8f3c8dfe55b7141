/// A small streaming JSON writer: keys in the order they are written, 2-space pretty printing
/// (`"key": value`, `[]` and `{}` when empty), strings escaped by ``Escape/json(_:)``, numbers written from
/// integers or from pre-formatted decimal strings (never the locale). Streaming keeps memory flat even when
/// the report lists a million breaches.
struct JSONWriter {
    private(set) var output = ""
    /// One entry per open container: whether it holds an element yet.
    private var hasElements: [Bool] = []
    private var afterKey = false

    init(reserving capacity: Int = 0) {
        output.reserveCapacity(capacity)
    }

    // MARK: Containers

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open("{")
        body(&self)
        close("}")
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open("[")
        body(&self)
        close("]")
    }

    /// An array of `items`, each written by `body`.
    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        open("[")
        for item in items { body(&self, item) }
        close("]")
    }

    // MARK: Keys and scalars

    /// Starts a member of the enclosing object; the next value written is its value.
    mutating func key(_ key: String) {
        beginValue()
        output += Escape.json(key)
        output += ": "
        afterKey = true
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        beginValue()
        output += Escape.json(value)
    }

    mutating func int<I: BinaryInteger>(_ value: I?) {
        guard let value else { return null() }
        beginValue()
        output += String(value)
    }

    /// A number already formatted as a JSON number (e.g. ``Percent/description``).
    mutating func number(literal: String?) {
        guard let literal else { return null() }
        beginValue()
        output += literal
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        output += value ? "true" : "false"
    }

    mutating func null() {
        beginValue()
        output += "null"
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
        string(value?.rfc3339)
    }

    mutating func field(_ name: String, _ value: Percent?) {
        key(name)
        number(literal: value?.description)
    }

    /// Ends the document with a newline.
    mutating func finish() {
        output += "\n"
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = hasElements.last else { return }
        if last { output += "," }
        hasElements[hasElements.count - 1] = true
        newline(depth: hasElements.count)
    }

    private mutating func open(_ bracket: String) {
        beginValue()
        output += bracket
        hasElements.append(false)
    }

    private mutating func close(_ bracket: String) {
        let had = hasElements.popLast() ?? false
        if had { newline(depth: hasElements.count) }
        output += bracket
    }

    private mutating func newline(depth: Int) {
        output += "\n"
        for _ in 0..<depth { output += "  " }
    }
}
