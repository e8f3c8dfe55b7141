import Dispatch
import Foundation
import Synchronization

/// Progress of a long read: bytes read of the total, as a percentage, with the rate and the time left (or,
/// when a stream's size is not known, the bytes read and the rate only), shown at most
/// ``maximumUpdatesPerSecond`` times a second on one line that rewrites itself (a terminal's `\r`), then
/// ended with a newline.
///
/// Readers on several threads add what they read (``add(bytes:)``, a short lock per buffer of input, never
/// per record); the line is written by whichever thread's addition falls due. The clock and the output are
/// given, so tests drive both.
public final class ProgressMeter: Sendable {
    /// The most lines written in a second.
    public static let maximumUpdatesPerSecond = 10

    /// Nil when the size of the input is not known before it is read (a stream among the inputs).
    private let total: Int?
    private let label: String
    private let clock: @Sendable () -> UInt64
    private let write: @Sendable (String) -> Void
    private let started: UInt64
    /// What changes as the readers add, behind a `Mutex` (the line is written while it is held, so lines never
    /// interleave).
    private let state = Mutex(State())

    private struct State {
        var read = 0
        var lastShown: UInt64?
        var finished = false
        /// The width of the last line shown (a shorter one is padded over it).
        var shownWidth = 0
    }

    /// A meter of `total` bytes (nil: not known). `clock` gives nanoseconds (monotonic); `write` prints a
    /// piece of the line (stderr in the CLI).
    public init(
        total: Int?, label: String = "reading",
        clock: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds },
        write: @escaping @Sendable (String) -> Void
    ) {
        self.total = total.map { max($0, 0) }
        self.label = label
        self.clock = clock
        self.write = write
        started = clock()
    }

    /// Counts `bytes` more read; shows the line when the last one is at least a tenth of a second old.
    public func add(bytes: Int) {
        state.withLock { state in
            guard !state.finished else { return }
            // The sniff and the part cuts read a few bytes twice: never shown as more than the whole.
            state.read = total.map { min(state.read + bytes, $0) } ?? state.read + bytes
            let now = clock()
            let interval = 1_000_000_000 / UInt64(Self.maximumUpdatesPerSecond)
            if let last = state.lastShown, now &- last < interval { return }
            state.lastShown = now
            show(&state, now: now)
        }
    }

    /// Shows the last line (everything read) and ends it.
    public func finish() {
        state.withLock { state in
            guard !state.finished else { return }
            state.finished = true
            if let total { state.read = max(state.read, total) }
            show(&state, now: clock())
            write("\n")
        }
    }

    /// The line for `read` of `total` bytes after `elapsed` nanoseconds:
    /// `slareport: reading 123.4 MB of 370.4 MB (33%), 210.0 MB/s, 1 s left`; with no known total
    /// `slareport: reading 123.4 MB, 210.0 MB/s`.
    public static func line(label: String, read: Int, total: Int?, elapsed: UInt64) -> String {
        var text = "slareport: \(label) \(megabytes(read))"
        if let total {
            let percent = total > 0 ? min(100, read * 100 / total) : 100
            text += " of \(megabytes(total)) (\(percent)%)"
        }
        let seconds = Double(elapsed) / 1e9
        if seconds > 0, read > 0 {
            let rate = Double(read) / seconds
            text += ", \(megabytes(Int(rate)))/s"
            if let total, read < total {
                let left = Int((Double(total - read) / rate).rounded(.up))
                text += ", \(DurationFormat.human(Int64(left))) left"
            }
        }
        return text
    }

    /// `370.4 MB` (decimal megabytes, one decimal, digits written by hand: no locale).
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    private func show(_ state: inout State, now: UInt64) {
        let text = Self.line(label: label, read: state.read, total: total, elapsed: now &- started)
        let padding = String(repeating: " ", count: max(0, state.shownWidth - text.count))
        state.shownWidth = text.count
        write("\r" + text + padding)
    }
}
