import Synchronization

/// The parts of a file read side by side (``Ingest/readInParts(_:with:options:)``), appended to the first
/// in file order as they come in: a core that finishes a part appends every part that is ready, in order,
/// while the other cores go on reading, so that most of the appending is done by the time the last part is
/// read. The appends are the same, in the same order, as appending every part after all are read; only
/// the time they run at differs.
///
/// The chain follows where each part stopped: a part whose cut fell inside a quoted field read on to a
/// record boundary at the start of a later part, and the parts it ran over are skipped.
final class PartChain: Sendable {
    /// A part as read.
    typealias Part = (records: FileRecords, context: IngestContext)

    /// The appended parts so far and the index of the next part to append (nil: the chain is complete).
    private struct Merged: Sendable {
        var file = FileRecords.empty
        var context: IngestContext?
        /// The line the last appended part ended on, in the file's own numbering.
        var endLine = 1
        var next: Int? = 0
        /// A part of the chain could not be read.
        var failed = false
    }

    private let starts: [Int]
    private let slots: Mutex<[Part?]>
    private let merged = Mutex(Merged())

    /// The parts starting at `starts` (the first at 0).
    init(starts: [Int]) {
        self.starts = starts
        slots = Mutex([Part?](repeating: nil, count: starts.count))
    }

    /// Hands in part `k`, then appends what is ready unless another core is appending already (that core, or
    /// ``finish()``, appends it then).
    func add(_ k: Int, _ part: consuming Part) {
        let part = Optional(part)
        slots.withLock { [part] in $0[k] = part }
        _ = merged.withLockIfAvailable { state in self.appendReady(&state) }
    }

    /// The whole file, every part of the chain appended; nil when a part of it could not be read.
    func finish() -> Part? {
        merged.withLock { state -> Part? in
            appendReady(&state)
            guard !state.failed, state.next == nil, let context = state.context else { return nil }
            var file = FileRecords.empty
            swap(&file, &state.file)
            return (file, context)
        }
    }

    /// Appends the parts of the chain that are ready, in order.
    private func appendReady(_ state: inout Merged) {
        while !state.failed, let j = state.next, let part = slots.withLock({ $0[j].take() }) {
            var part = part
            guard part.records.failure == nil, let end = part.context.partEnd else {
                state.failed = true
                return
            }
            state.next = end.stoppedAt.flatMap { stop in starts.firstIndex(of: stop) }
            guard var context = state.context else {
                // The first part: the others are appended to its log.
                state.context = part.context
                swap(&state.file, &part.records)
                state.endLine = end.line
                continue
            }
            let shift = state.endLine - 1
            func shifted(_ d: Diagnostic) -> Diagnostic {
                var d = d
                if let location = d.location, location.line > 0 {
                    d.location = SourceLocation(path: location.path, line: location.line + shift)
                }
                return d
            }
            // Moved out, not shared: appending a part still referred to elsewhere would copy it.
            var rest = FileRecords.empty
            swap(&rest, &part.records)
            state.file.log.absorb(&rest.log, sameFile: true, lineShift: shift)
            state.file.diagnostics += rest.diagnostics.map(shifted)
            context.readerWarnings += part.context.readerWarnings.map(shifted)
            context.suppressedReaderWarnings += part.context.suppressedReaderWarnings
            if context.earlyEnd == nil { context.earlyEnd = part.context.earlyEnd.map(shifted) }
            state.context = context
            state.endLine = end.line + shift
        }
    }
}
