import Foundation
import SLAReportCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// All disk access of the tool: finding inputs, opening them, writing reports (``ReportSetWriter``).
enum FileSystem {
    static let dataExtensions = ["csv", "json", "ndjson", "jsonl"]

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// The text of the current `errno`.
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// The inputs to read, and the directory entries skipped on the way.
    struct Expansion {
        /// Paths to read, in order: named files as given, each directory's files sorted, `-` for standard input.
        var paths: [String] = []
        /// Entries of directories that could not be read, each with why (for the data-quality section).
        var skipped: [RejectedRecord] = []
    }

    /// Expands inputs: files as given, directories recursively (sorted, data extensions only, `*.policy.json`
    /// and hidden entries skipped), `-` as standard input.
    ///
    /// One rule for what cannot be read: an input named on the command line that cannot be opened is fatal
    /// (exit 66); an entry found inside a directory that cannot be read — a broken symbolic link, an
    /// unreadable file or directory, a FIFO, socket or device (which could block the run or never end) — is
    /// skipped with its reason.
    static func expand(_ inputs: [String]) throws(SLAReportError) -> Expansion {
        var expansion = Expansion()
        for input in inputs {
            if input == "-" {
                expansion.paths.append(input)
                continue
            }
            var info = stat()
            guard stat(input, &info) == 0 else {
                let code = errno
                var link = stat()
                if lstat(input, &link) == 0 { throw .noInput(path: input, reason: "a broken symbolic link") }
                throw .noInput(path: input, reason: code == ENOENT ? "no such file or directory" : errorText(code))
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                expansion.paths.append(input)
                continue
            }
            guard let directory = opendir(input) else {
                throw .noInput(path: input, reason: "cannot list the directory: \(errorText())")
            }
            closedir(directory)
            var found: [String] = []
            var visited: Set<[UInt64]> = [[UInt64(info.st_dev), UInt64(info.st_ino)]]
            walk(input, found: &found, skipped: &expansion.skipped, visited: &visited)
            found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            expansion.paths += found
        }
        expansion.skipped.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return expansion
    }

    /// Whether a directory entry's name is one of the data files to read.
    static func isDataFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        return dataExtensions.contains((lower as NSString).pathExtension) && !lower.hasSuffix(".policy.json")
    }

    /// Collects the data files under `directory`, recursively; entries that cannot be read are skipped with
    /// their reason. Symbolic links are followed, each directory visited once (so a link loop ends).
    private static func walk(
        _ directory: String, found: inout [String], skipped: inout [RejectedRecord], visited: inout Set<[UInt64]>
    ) {
        guard let handle = opendir(directory) else {
            skipped.append(
                RejectedRecord(path: directory, line: 0, reason: "skipped: cannot list the directory: \(errorText())"))
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }  // hidden, `.` and `..`
            names.append(name)
        }
        closedir(handle)
        names.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            let full = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard stat(full, &info) == 0 else {
                let code = errno
                var link = stat()
                let isLink = lstat(full, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
                if isDataFile(name) {
                    let reason = isLink ? "a broken symbolic link" : errorText(code)
                    skipped.append(RejectedRecord(path: full, line: 0, reason: "skipped: \(reason)"))
                }
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let key = [UInt64(info.st_dev), UInt64(info.st_ino)]
                guard visited.insert(key).inserted else {
                    skipped.append(
                        RejectedRecord(
                            path: full, line: 0, reason: "skipped: a directory already read (a symbolic link loop?)"))
                    continue
                }
                walk(full, found: &found, skipped: &skipped, visited: &visited)
            case S_IFREG:
                guard isDataFile(name) else { continue }
                let fd = open(full, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
                guard fd >= 0 else {
                    skipped.append(RejectedRecord(path: full, line: 0, reason: "skipped: cannot open: \(errorText())"))
                    continue
                }
                close(fd)
                found.append(full)
            default:
                guard isDataFile(name) else { continue }
                skipped.append(
                    RejectedRecord(
                        path: full, line: 0,
                        reason:
                            "skipped: \(kind(of: info.st_mode)), not a regular file (name it on the command line to read it)"
                    ))
            }
        }
    }

    /// What a special file is, for messages.
    static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a directory"
        default: "a special file"
        }
    }

    /// The bytes of an input named on the command line or found in a directory: a regular file read in
    /// chunks, or a stream (`-`, a pipe, a FIFO, a device) read once as it comes.
    static func source(for path: String) throws(SLAReportError) -> InputSource {
        if path == "-" { return InputSource(StreamSource(fd: 0, ownsDescriptor: false)) }
        var info = stat()
        guard stat(path, &info) == 0 else { throw .noInput(path: path, reason: errorText()) }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else { throw .noInput(path: path, reason: errorText()) }
            close(fd)
            return InputSource(RegularFileSource(path: path, size: Int(info.st_size)))
        case S_IFDIR:
            throw .noInput(path: path, reason: "is a directory")
        case S_IFSOCK:
            throw .noInput(path: path, reason: "is a socket, not a file")
        default:
            // A FIFO, `/dev/stdin`, `<(…)`: opened as `cat` would (waiting for a writer), read as a stream.
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .noInput(path: path, reason: errorText()) }
            return InputSource(StreamSource(fd: fd, ownsDescriptor: true))
        }
    }

    static func readWhole(_ path: String) throws(SLAReportError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .noInput(path: path, reason: exists(path) ? "cannot read" : "no such file")
        }
        return [UInt8](data)
    }

    /// Creates `directory` (and its parents) if missing.
    static func createDirectory(_ directory: String) throws(SLAReportError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: directory, reason: "cannot create the directory")
        }
    }
}

/// Standard output and error, with a quiet exit on a broken pipe.
enum Console {
    static func out(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { writeAll(1, $0) }
    }

    static func outBytes(_ bytes: UnsafeRawBufferPointer) { writeAll(1, bytes) }

    /// Text on stderr as it is (the progress line, which rewrites itself with `\r`; it holds no input text).
    static func errRaw(_ text: String) { Array(text.utf8).withUnsafeBytes { writeAll(2, $0) } }

    /// A message on stderr, line by line through ``Escape/terminalLines(_:)``: whatever input text it quotes
    /// (a file's header, a ticket id, a path) reaches the terminal without control characters.
    static func err(_ text: String) {
        var line = Escape.terminalLines(text)
        if !line.hasSuffix("\n") { line += "\n" }
        Array(line.utf8).withUnsafeBytes { writeAll(2, $0) }
    }

    private static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) {
        var written = 0
        while written < raw.count {
            let n = Glibc.write(fd, raw.baseAddress.map { $0 + written }, raw.count - written)
            if n < 0, errno == EINTR { continue }
            if n <= 0 {
                if fd == 1 { exit(0) }  // broken pipe (or a closed stdout): end quietly
                return
            }
            written += n
        }
    }
}
