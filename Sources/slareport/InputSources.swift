import Foundation
import SLAReportCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file, read with `pread(2)` into the library's bounded buffers: never mapped, so a file that
/// shrinks while it is read ends early (and is reported so) instead of killing the run with SIGBUS. Each
/// reader opens the file anew, so parts of one file are read side by side, and no descriptor stays open
/// between files.
struct RegularFileSource: ByteSource {
    let path: String
    /// The size when the inputs were listed.
    let size: Int?

    func open(at offset: Int) -> Result<any ByteReader, InputReadError> {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(InputReadError(FileSystem.errorText())) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return .failure(InputReadError("no longer a regular file"))
        }
        return .success(FileReader(fd: fd, offset: offset))
    }
}

/// Reads a file descriptor with `pread(2)` from an offset on; closes it when done.
final class FileReader: ByteReader {
    private let fd: Int32
    private var offset: Int

    init(fd: Int32, offset: Int) {
        self.fd = fd
        self.offset = offset
    }

    deinit { close(fd) }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, InputReadError> {
        while true {
            let n = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if n >= 0 {
                offset += n
                return .success(n)
            }
            if errno == EINTR { continue }
            return .failure(InputReadError(FileSystem.errorText()))
        }
    }
}

/// A stream (standard input, a pipe, a FIFO, `<(…)`, a terminal): read once, front to back, with `read(2)`
/// as the data comes, never buffered whole.
///
/// Sendable by its lock: the descriptor's position is shared by every reader of the source, and the
/// library only ever has one at a time (the sniff's, then the adapter's, which continues where it stopped).
final class StreamSource: ByteSource, ByteReader, @unchecked Sendable {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private let lock = NSLock()
    private var position = 0

    init(fd: Int32, ownsDescriptor: Bool) {
        self.fd = fd
        self.ownsDescriptor = ownsDescriptor
    }

    deinit { if ownsDescriptor { close(fd) } }

    var size: Int? { nil }

    func open(at offset: Int) -> Result<any ByteReader, InputReadError> {
        lock.withLock {
            offset == position
                ? .success(self) : .failure(InputReadError("a stream cannot be read again from another position"))
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, InputReadError> {
        lock.withLock {
            while true {
                let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
                if n >= 0 {
                    position += n
                    return .success(n)
                }
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    // A FIFO opened without blocking: wait for data.
                    var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&poller, 1, -1)
                    continue
                }
                return .failure(InputReadError(FileSystem.errorText()))
            }
        }
    }
}
