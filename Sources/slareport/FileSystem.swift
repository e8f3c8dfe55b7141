import Foundation
import SLAReportCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// All disk access of the tool: finding inputs, mapping them, writing reports atomically.
enum FileSystem {
    static let dataExtensions = ["csv", "json", "ndjson", "jsonl"]

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Expands inputs: files as given, directories recursively (sorted, data extensions only, `*.policy.json`
    /// and hidden entries skipped), `-` as standard input.
    static func expand(_ inputs: [String]) throws(SLAReportError) -> [String] {
        var paths: [String] = []
        for input in inputs {
            if input == "-" {
                paths.append(input)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw .noInput(path: input, reason: "no such file or directory")
            }
            if !isDirectory.boolValue {
                paths.append(input)
                continue
            }
            // A symbolic link to a directory (`exports -> /data/exports`) is walked as the directory itself.
            let root = URL(fileURLWithPath: input).resolvingSymlinksInPath().path
            guard let walker = FileManager.default.enumerator(atPath: root) else {
                throw .noInput(path: input, reason: "cannot list the directory")
            }
            var found: [String] = []
            while let next = walker.nextObject() as? String {
                let name = (next as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let lower = name.lowercased()
                guard dataExtensions.contains((lower as NSString).pathExtension), !lower.hasSuffix(".policy.json")
                else {
                    continue
                }
                let full = input.hasSuffix("/") ? input + next : input + "/" + next
                var isDir: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                    found.append(full)
                }
            }
            found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            paths += found
        }
        return paths
    }

    /// Maps a file read-only; pages already parsed are dropped from memory as the reader moves on.
    static func map(_ path: String) throws(SLAReportError) -> InputBytes {
        if path == "-" { return InputBytes(copying: readStandardInput()) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .noInput(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .noInput(path: path, reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .noInput(path: path, reason: "is a directory") }
        let size = Int(info.st_size)
        if size == 0 { return InputBytes(copying: []) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            // Not mappable (a pipe or special file): read it instead.
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .noInput(path: path, reason: "cannot read")
            }
            return InputBytes(copying: [UInt8](data))
        }
        _ = madvise(base, size, MADV_SEQUENTIAL)
        let pointer = base.assumingMemoryBound(to: UInt8.self)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        nonisolated(unsafe) let address = base
        return InputBytes(
            buffer: UnsafeBufferPointer(start: pointer, count: size),
            release: { offset in
                let aligned = (min(offset, size) / page) * page
                if aligned > 0 { _ = madvise(address, aligned, MADV_DONTNEED) }
            },
            releaseRange: { range in
                // Whole pages inside the range only: a page shared with bytes outside it stays.
                let lower = ((max(range.lowerBound, 0) + page - 1) / page) * page
                let upper = (min(range.upperBound, size) / page) * page
                if upper > lower { _ = madvise(address + lower, upper - lower, MADV_DONTNEED) }
            },
            free: { _ = munmap(address, size) })
    }

    static func readStandardInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    static func readWhole(_ path: String) throws(SLAReportError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .noInput(path: path, reason: exists(path) ? "cannot read" : "no such file")
        }
        return [UInt8](data)
    }

    /// Writes `files` into `directory` (created if missing): each to a temporary file, then renamed.
    static func write(_ files: [OutputFile], into directory: String) throws(SLAReportError) {
        try createDirectory(directory)
        for file in files {
            let target = directory.hasSuffix("/") ? directory + file.name : directory + "/" + file.name
            try writeAtomically(file.contents, to: target)
        }
    }

    /// Creates `directory` (and its parents) if missing.
    static func createDirectory(_ directory: String) throws(SLAReportError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: directory, reason: "cannot create the directory")
        }
    }

    static func writeAtomically(_ bytes: [UInt8], to target: String) throws(SLAReportError) {
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .cannotCreate(path: target, reason: String(cString: strerror(errno))) }
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress.map { $0 + written }, raw.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        let closed = close(fd) == 0
        guard ok, closed, rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotCreate(path: target, reason: reason)
        }
    }
}

/// Standard output and error, with a quiet exit on a broken pipe.
enum Console {
    static func out(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeBytes { writeAll(1, $0) }
    }

    static func outBytes(_ bytes: UnsafeRawBufferPointer) { writeAll(1, bytes) }

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
