import CWriteback
import Foundation
import SLAReportCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file operations a report set is written with: POSIX calls on the disk (``POSIXOutputFiles``), or a
/// test's stand-in that fails on cue. Each returns nil on success or the reason it failed (the `errno` text).
protocol OutputFiles {
    /// Creates `path` (which must not exist), writes `bytes`, flushes them to the disk (`fsync`), closes it.
    func writeNew(_ path: String, _ bytes: [UInt8]) -> String?
    /// Creates `path` (which must not exist), lets `produce` write it through a drain a buffer at a time,
    /// flushes it to the disk, closes it; on failure the file is removed.
    func writeNew(_ path: String, streaming produce: (@escaping Renderer.Drain) -> String?) -> String?
    func exists(_ path: String) -> Bool
    /// A second name for the file at `path` (a hard link).
    func link(_ path: String, as other: String) -> String?
    func rename(_ path: String, to target: String) -> String?
    func remove(_ path: String)
    /// Flushes the directory's entries (the renames) to the disk.
    func syncDirectory(_ path: String) -> String?
}

extension OutputFiles {
    /// By default the produced bytes are gathered and written with ``writeNew(_:_:)`` (a test's stand-in).
    func writeNew(_ path: String, streaming produce: (@escaping Renderer.Drain) -> String?) -> String? {
        let gathered = Gathered()
        let drain: Renderer.Drain = { buffer in
            gathered.bytes += buffer
            return nil
        }
        if let reason = produce(drain) { return reason }
        return writeNew(path, gathered.bytes)
    }
}

/// The bytes a default streaming write gathers (written only by the drain, on the caller's thread).
private final class Gathered {
    var bytes: [UInt8] = []
}

/// Writes a set of report files into a directory so that the directory holds either the whole new set or
/// the previous one, never a mix (SPEC §5: files are written atomically; issue 9: the set is too).
///
/// 1. ``stage(_:)``: each file is written to a hidden temporary name in the directory and flushed to the disk
///    (one at a time, so that only one rendered format is in memory).
/// 2. ``commit()``: the previous version of each file gets a second, hidden name (a hard link), then every
///    temporary is renamed over its file, then the directory is flushed and the old names are removed. When
///    a rename fails, the files already renamed are put back (or removed, if they are new), so the previous
///    set stands.
/// 3. On any failure — and on SIGINT or SIGTERM (``OutputCleanup``) — every temporary is removed.
///
/// Failures are `73` errors naming the file and the system's reason (`No space left on device`).
struct ReportSetWriter {
    let directory: String
    let files: any OutputFiles
    /// The registry that removes this writer's temporaries on SIGINT or SIGTERM.
    let cleanup: OutputCleanup
    private(set) var staged: [(temporary: String, target: String)] = []
    /// The files of the set once ``commit()`` succeeded, in the order they were staged.
    private(set) var committed: [(temporary: String, target: String)] = []
    private let tag: String

    init(
        directory: String, files: any OutputFiles = POSIXOutputFiles(), cleanup: OutputCleanup = .shared,
        tag: String = "\(getpid())"
    ) {
        self.directory = directory
        self.files = files
        self.cleanup = cleanup
        self.tag = tag
    }

    private func path(_ name: String) -> String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }

    /// Writes `file` under a temporary name; on failure every temporary so far is removed.
    mutating func stage(_ file: OutputFile) throws(SLAReportError) {
        let target = path(file.name)
        let temporary = path(".\(file.name).tmp-\(tag)")
        files.remove(temporary)
        cleanup.register(temporary)
        if let reason = files.writeNew(temporary, file.contents) {
            abandon()
            throw .cannotCreate(path: target, reason: reason)
        }
        staged.append((temporary, target))
    }

    /// Writes the file `name` under a temporary name as `produce` streams it (a buffer at a time, so a large
    /// report is never whole in memory); on failure every temporary so far is removed.
    mutating func stage(name: String, produce: (@escaping Renderer.Drain) -> String?) throws(SLAReportError) {
        let target = path(name)
        let temporary = path(".\(name).tmp-\(tag)")
        files.remove(temporary)
        cleanup.register(temporary)
        if let reason = files.writeNew(temporary, streaming: produce) {
            abandon()
            throw .cannotCreate(path: target, reason: reason)
        }
        staged.append((temporary, target))
    }

    /// Renames every staged file over its target, all or none.
    mutating func commit() throws(SLAReportError) {
        let staged = self.staged
        self.staged = []
        try cleanup.whileCommitting { () throws(SLAReportError) in
            var backups: [String?] = []
            for (_, target) in staged {
                let name = (target as NSString).lastPathComponent
                let backup = path(".\(name).old-\(tag)")
                files.remove(backup)
                if files.exists(target), files.link(target, as: backup) == nil {
                    cleanup.register(backup)
                    backups.append(backup)
                } else {
                    backups.append(nil)
                }
            }
            for (index, entry) in staged.enumerated() {
                guard let reason = files.rename(entry.temporary, to: entry.target) else { continue }
                // Put the previous set back: restore what was renamed over, remove what is new.
                for undone in 0..<index {
                    if let backup = backups[undone] {
                        _ = files.rename(backup, to: staged[undone].target)
                    } else {
                        files.remove(staged[undone].target)
                    }
                }
                for rest in staged[index...] { files.remove(rest.temporary) }
                for case let backup? in backups { files.remove(backup) }
                cleanup.forgetAll()
                throw .cannotCreate(path: entry.target, reason: reason)
            }
            _ = files.syncDirectory(directory)
            for case let backup? in backups { files.remove(backup) }
            cleanup.forgetAll()
        }
        committed = staged
    }

    /// Removes every temporary written so far (the previous set is untouched).
    mutating func abandon() {
        for entry in staged { files.remove(entry.temporary) }
        staged = []
        cleanup.removeAll()
    }
}

/// The report set's temporary files, removed when SIGINT or SIGTERM arrives while they exist.
///
/// The signals are received on a dispatch queue (not in a signal handler), which takes the lock, removes
/// every registered path and exits with 128 + the signal number. ``whileCommitting(_:)`` holds the lock
/// for the renames, so a signal during them waits until the set is complete.
final class OutputCleanup: @unchecked Sendable {
    /// `@unchecked Sendable`: `paths` and `sources` are only touched under `lock`.
    static let shared = OutputCleanup()

    init() {}

    /// Recursive: the commit holds it while it registers and forgets paths.
    private let lock = NSRecursiveLock()
    private var paths: [String] = []
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "slareport.signals")

    func register(_ path: String) { lock.withLock { paths.append(path) } }

    func forgetAll() { lock.withLock { paths.removeAll() } }

    func removeAll() {
        lock.withLock {
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }

    func whileCommitting<T>(_ body: () throws(SLAReportError) -> T) throws(SLAReportError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// From now on SIGINT and SIGTERM remove the registered temporaries before the program ends.
    func install() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { [weak self] in
                    self?.removeAll()
                    _exit(128 + number)
                }
                source.resume()
                sources.append(source)
            }
        }
    }
}

/// The POSIX file operations of ``ReportSetWriter``.
struct POSIXOutputFiles: OutputFiles {
    func writeNew(_ path: String, _ bytes: [UInt8]) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return FileSystem.errorText() }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + written }, raw.count - written)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failure = n < 0 ? FileSystem.errorText() : "nothing could be written"
                    return
                }
                written += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = FileSystem.errorText() }
        if close(fd) != 0 && failure == nil { failure = FileSystem.errorText() }
        if failure != nil { unlink(path) }
        return failure
    }

    func writeNew(_ path: String, streaming produce: (@escaping Renderer.Drain) -> String?) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return FileSystem.errorText() }
        var writeback = Writeback(fd: fd)
        var failure = produce { buffer in
            if let reason = Self.writeAll(buffer, to: fd) { return reason }
            writeback.wrote(buffer.count)
            return nil
        }
        if failure == nil && fsync(fd) != 0 { failure = FileSystem.errorText() }
        if close(fd) != 0 && failure == nil { failure = FileSystem.errorText() }
        if failure != nil { unlink(path) }
        return failure
    }

    /// Asks the system to start writing a streamed file's bytes to the disk every ``step`` bytes, so that they
    /// travel while the rest is rendered and the final `fsync` waits only for the last of them (a 126 MB
    /// per-ticket CSV otherwise left that `fsync` about 40 ms of waiting on an idle machine). A hint: the
    /// `fsync` still makes the file durable, and a request that fails changes nothing.
    private struct Writeback {
        static let step = 8 << 20
        let fd: Int32
        private var written = 0
        private var started = 0

        init(fd: Int32) { self.fd = fd }

        mutating func wrote(_ count: Int) {
            written += count
            guard written - started >= Self.step else { return }
            _ = slareport_start_writeback(fd, Int64(started), Int64(written - started))
            started = written
        }
    }

    /// Writes all of `buffer` to `fd` (retrying short writes and EINTR); nil, or the reason it failed.
    private static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to fd: Int32) -> String? {
        var written = 0
        while written < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n < 0 ? FileSystem.errorText() : "nothing could be written" }
            written += n
        }
        return nil
    }

    func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    func link(_ path: String, as other: String) -> String? {
        Glibc.link(path, other) == 0 ? nil : FileSystem.errorText()
    }

    func rename(_ path: String, to target: String) -> String? {
        Glibc.rename(path, target) == 0 ? nil : FileSystem.errorText()
    }

    func remove(_ path: String) { unlink(path) }

    func syncDirectory(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return FileSystem.errorText() }
        defer { close(fd) }
        return fsync(fd) == 0 ? nil : FileSystem.errorText()
    }
}
