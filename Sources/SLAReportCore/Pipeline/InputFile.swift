/// An input as the CLI hands it to the library: its path as given (or `-`) and where its bytes come from.
/// The library never reads the disk itself: a file's bytes arrive through the ``ByteSource`` the CLI gives.
public struct InputFile: Sendable {
    public var path: String
    public var source: InputSource

    public init(path: String, source: InputSource) {
        self.path = path
        self.source = source
    }

    /// An input from bytes in memory (tests, fuzzing).
    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, source: InputSource(bytes: bytes))
    }

    /// An input from text in memory.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
