import Synchronization

/// Where the reader of one input notes that its bytes ended early (a file truncated while it was read, a
/// read error), so that the ingest stage warns about it once, whichever adapter read the file. The note is
/// kept in a `Mutex`: readers on several threads may note, and the compiler checks the sharing.
final class InputReadReport: Sendable {
    private let note = Mutex<(message: String, line: Int)?>(nil)

    /// Notes that the input ended early, at `line`, with `message` (the first note wins).
    func ended(early message: String?, line: Int) {
        guard let message else { return }
        note.withLock { if $0 == nil { $0 = (message, line) } }
    }

    /// The note, if the input ended early.
    var earlyEnd: (message: String, line: Int)? { note.withLock { $0 } }
}
