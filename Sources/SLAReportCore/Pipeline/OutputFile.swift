/// A rendered report file: a name inside the output directory and its bytes.
public struct OutputFile: Sendable, Equatable {
    /// File name, e.g. `sla-report.md` or `sla-report-tickets.csv`.
    public var name: String
    public var contents: [UInt8]

    public init(name: String, contents: [UInt8]) {
        self.name = name
        self.contents = contents
    }

    public init(name: String, text: String) {
        self.init(name: name, contents: Array(text.utf8))
    }
}
