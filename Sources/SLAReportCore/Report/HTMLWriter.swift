/// A tiny HTML/SVG builder in the style of Plot's `Node.text` / `Node.raw`: the one way data reaches HTML.
///
/// - ``text(_:)`` escapes `& < > " '` (``Escape/html(_:)``): every input-derived string goes through it;
/// - attribute values are always escaped the same way;
/// - tag names, attribute names and ``raw(_:)`` accept only `StaticString`s, so nothing computed at run
///   time, let alone input data, can be written unescaped.
struct HTMLWriter {
    /// An attribute: a static name and a value that is escaped when written.
    typealias Attribute = (name: StaticString, value: String)

    private(set) var output = ""

    init(reserving capacity: Int = 0) {
        output.reserveCapacity(capacity)
    }

    /// Escaped text.
    mutating func text(_ string: String) {
        output += Escape.html(string)
    }

    /// Literal markup known at compile time (the doctype, the style sheet).
    mutating func raw(_ markup: StaticString) {
        output += markup.description
    }

    /// `<tag attributes>body</tag>`.
    mutating func element(_ tag: StaticString, _ attributes: [Attribute] = [], _ body: (inout HTMLWriter) -> Void) {
        openTag(tag, attributes)
        body(&self)
        output += "</"
        output += tag.description
        output += ">"
    }

    /// `<tag attributes>escaped text</tag>`.
    mutating func element(_ tag: StaticString, _ attributes: [Attribute] = [], text: String) {
        element(tag, attributes) { $0.text(text) }
    }

    /// `<tag attributes>` with no end tag (`meta`, `br`), or `<tag attributes/>` in SVG.
    mutating func void(_ tag: StaticString, _ attributes: [Attribute] = [], selfClosing: Bool = false) {
        openTag(tag, attributes, selfClosing: selfClosing)
    }

    /// A line break in the source, for readability of the file.
    mutating func newline() {
        output += "\n"
    }

    private mutating func openTag(_ tag: StaticString, _ attributes: [Attribute], selfClosing: Bool = false) {
        output += "<"
        output += tag.description
        for attribute in attributes {
            output += " "
            output += attribute.name.description
            output += "=\""
            output += Escape.html(attribute.value)
            output += "\""
        }
        output += selfClosing ? "/>" : ">"
    }
}
