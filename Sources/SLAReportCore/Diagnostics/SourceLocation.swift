/// A place in an input: path and 1-based line (0 when the whole file is meant).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line) < (rhs.path, rhs.line)
    }

    /// `path:line`, or `path` alone when the line is unknown.
    public var description: String { line > 0 ? "\(path):\(line)" : path }
}
