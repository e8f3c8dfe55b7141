import Foundation

/// Where the reader of one input notes that its bytes ended early (a file truncated while it was read, a
/// read error), so that the ingest stage warns about it once, whichever adapter read the file.
///
/// `@unchecked Sendable`: the one mutable field is only touched under `lock`.
final class InputReadReport: @unchecked Sendable {
    private let lock = NSLock()
    private var note: (message: String, line: Int)?

    /// Notes that the input ended early, at `line`, with `message` (the first note wins).
    func ended(early message: String?, line: Int) {
        guard let message else { return }
        lock.withLock { if note == nil { note = (message, line) } }
    }

    /// The note, if the input ended early.
    var earlyEnd: (message: String, line: Int)? { lock.withLock { note } }
}
