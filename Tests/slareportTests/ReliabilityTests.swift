import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Inputs that cannot hurt the run: special files, streams, unreadable entries, binary data; and a report
/// set that is all new or all old on a full disk or a SIGTERM.
@Suite struct ReliabilityTests {
    func sample(_ dir: URL, name: String = "events.csv") throws -> URL {
        let url = dir.appendingPathComponent(name)
        try CLI.write(Fixtures.events, to: url)
        return url
    }

    /// `records read` from the `check` summary's total row.
    func totalRead(_ out: String) -> Int? {
        guard let row = out.split(separator: "\n").first(where: { $0.hasPrefix("total") }) else { return nil }
        return row.split(separator: " ").dropFirst().first.flatMap { Int($0) }
    }

    @Test func standardInputNamedTwiceIsAUsageError() throws {
        let run = try CLI.run(["check", "-", "-"], stdin: Data("ticket,channel,event,at\n".utf8))
        #expect(run.status == 64)
        #expect(run.stderr.contains("standard input ('-') can be named only once"), "\(run.stderr)")
    }

    /// A run that exits before reading its input (here a usage error, with 4 MiB of input: more than a pipe
    /// holds) leaves the test process alive: the harness's write fails instead of raising SIGPIPE, which
    /// once killed a whole `swift test` run when such a write came after the child's exit.
    @Test func aChildThatNeverReadsItsInputDoesNotKillTheTests() throws {
        let run = try CLI.run(["check", "-", "--no-such-option"], stdin: Data(count: 4 << 20))
        #expect(run.status == 64)
        #expect(run.stderr.contains("--no-such-option"), "\(run.stderr)")
    }

    @Test func aFIFOInsideADirectoryIsSkippedWithItsReasonNotWaitedFor() throws {
        let dir = try CLI.temporaryDirectory()
        _ = try sample(dir)
        #expect(mkfifo(dir.appendingPathComponent("pipe.csv").path, 0o644) == 0)
        let run = try Spawn.run(["check", dir.path], timeout: 60)
        #expect(!run.timedOut, "the run must not block on the FIFO")
        #expect(run.status == 0)
        #expect(run.err.contains("pipe.csv: warning: skipped: a FIFO (named pipe), not a regular file"))
        #expect(run.out.contains("pipe.csv: skipped: a FIFO (named pipe)"))
        #expect(run.out.contains("not read: "), "a skipped entry is not called unrecognised: \(run.out)")
        #expect(!run.out.contains("not recognised"))
        #expect(totalRead(run.out) == Fixtures.rows.count)
    }

    @Test func aFIFONamedOnTheCommandLineIsReadAsAStream() throws {
        let dir = try CLI.temporaryDirectory()
        let fifo = dir.appendingPathComponent("live.csv")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let data = Data(Fixtures.events.utf8)
        let run = try Spawn.run(["check", fifo.path], timeout: 60) { _ in
            // The writer's open blocks until slareport opens the FIFO for reading.
            DispatchQueue.global().async {
                if let handle = FileHandle(forWritingAtPath: fifo.path) {
                    handle.write(data)
                    try? handle.close()
                }
            }
        }
        #expect(!run.timedOut)
        #expect(run.status == 0, "\(run.err)")
        #expect(totalRead(run.out) == Fixtures.rows.count)
    }

    @Test func standardInputAndDevStdinAndProcessSubstitutionAreRead() throws {
        let data = Data(Fixtures.events.utf8)
        for arguments in [["check", "-"], ["check", "/dev/stdin"]] {
            let run = try Spawn.run(arguments, stdin: data, timeout: 60)
            #expect(run.status == 0, "\(arguments): \(run.err)")
            #expect(totalRead(run.out) == Fixtures.rows.count, "\(arguments)")
        }
        let dir = try CLI.temporaryDirectory()
        let file = try sample(dir)
        let bash = URL(fileURLWithPath: "/bin/bash")
        guard FileManager.default.isExecutableFile(atPath: bash.path) else { return }
        let run = try Spawn.run(
            executable: bash, ["-c", "\"$0\" check <(cat \"$1\")", CLI.binary.path, file.path], timeout: 60)
        #expect(run.status == 0, "\(run.err)")
        #expect(totalRead(run.out) == Fixtures.rows.count)
        // NDJSON on standard input, too.
        let ndjson = "{\"ticket\":\"J1\",\"channel\":\"email\",\"event\":\"created\",\"at\":\"2016-11-21T09:00:00Z\"}\n"
        let json = try Spawn.run(["check", "-"], stdin: Data(ndjson.utf8), timeout: 60)
        #expect(json.status == 0, "\(json.err)")
        #expect(totalRead(json.out) == 1)
    }

    @Test func badDirectoryEntriesAreSkippedOneWayAndNamedOnesAreFatal() throws {
        let dir = try CLI.temporaryDirectory()
        _ = try sample(dir)
        let broken = dir.appendingPathComponent("gone.csv")
        try FileManager.default.createSymbolicLink(atPath: broken.path, withDestinationPath: "/nonexistent/x.csv")
        let socketPath = dir.appendingPathComponent("sock.json").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            socketPath.utf8CString.withUnsafeBytes {
                raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(raw.count)))
            }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        let run = try Spawn.run(["check", dir.path], timeout: 60)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("gone.csv: warning: skipped: a broken symbolic link"))
        #expect(run.err.contains("sock.json: warning: skipped: a socket, not a regular file"))
        #expect(totalRead(run.out) == Fixtures.rows.count)

        // The same entries named on the command line cannot be opened: exit 66.
        for (path, reason) in [(broken.path, "a broken symbolic link"), (socketPath, "is a socket, not a file")] {
            let named = try Spawn.run(["check", path], timeout: 60)
            #expect(named.status == 66, "\(path)")
            #expect(named.err.contains("error: cannot open \(path): \(reason)"))
        }
    }

    @Test func anUnreadableFileInADirectoryIsSkipped() throws {
        guard geteuid() != 0 else { return }  // root reads anything: nothing to check
        let dir = try CLI.temporaryDirectory()
        _ = try sample(dir)
        let locked = dir.appendingPathComponent("locked.csv")
        try CLI.write(Fixtures.events, to: locked)
        #expect(chmod(locked.path, 0) == 0)
        let run = try Spawn.run(["check", dir.path], timeout: 60)
        #expect(run.status == 0)
        #expect(run.err.contains("locked.csv: warning: skipped: cannot open: Permission denied"))
        let named = try Spawn.run(["check", locked.path], timeout: 60)
        #expect(named.status == 66)
    }

    @Test func zerosBesideAValidFileAreReportedAsBinaryAndNeverEchoed() throws {
        let dir = try CLI.temporaryDirectory()
        _ = try sample(dir)
        try Data(count: 3 << 20).write(to: dir.appendingPathComponent("zeros.csv"))
        let out = dir.appendingPathComponent("out")
        let run = try Spawn.run(
            ["report", dir.path, "--out", out.path, "--as-of", "2016-11-25T00:00:00Z"], timeout: 120)
        #expect(run.status == 0, "\(run.err)")
        #expect(
            run.err.contains("zeros.csv: warning: unrecognised input format: found binary data (NUL bytes), not text"))
        #expect(run.stderr.count < 8192)
        #expect(!run.stderr.contains(0))
        let json = try Data(contentsOf: out.appendingPathComponent("sla-report.json"))
        let html = try Data(contentsOf: out.appendingPathComponent("sla-report.html"))
        #expect(!String(decoding: json, as: UTF8.self).contains("\\u0000"))
        #expect(!html.contains(0))
        #expect(String(decoding: json, as: UTF8.self).contains("found binary data (NUL bytes), not text"))
    }

    @Test func aHugeSparseFileIsRecognisedFromItsFirstBytes() throws {
        let dir = try CLI.temporaryDirectory()
        let sparse = dir.appendingPathComponent("sparse.csv")
        #expect(FileManager.default.createFile(atPath: sparse.path, contents: nil))
        #expect(truncate(sparse.path, 2_000_000_000) == 0)
        let run = try Spawn.run(["check", sparse.path], timeout: 120)
        #expect(run.status == 65)
        #expect(
            run.err.contains("sparse.csv: error: unrecognised input format: found binary data (NUL bytes), not text"))
        #expect(run.stderr.count < 8192)
        #expect(!run.stderr.contains(0))
    }

    /// Last week's set in `out`.
    func previousSet(_ out: URL) throws -> [String: Data] {
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var set: [String: Data] = [:]
        for name in ["sla-report.md", "sla-report.html", "sla-report.json", "sla-report-tickets.csv"] {
            set[name] = Data("last week's \(name)\n".utf8)
            try set[name]?.write(to: out.appendingPathComponent(name))
        }
        return set
    }

    func files(_ dir: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            var isDirectory: ObjCBool = false
            let path = dir.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory), isDirectory.boolValue {
                continue
            }
            result[name] = try Data(contentsOf: path)
        }
        return result
    }

    /// The set of files `report SampleData --out` writes, made without interruption.
    func completeSet() throws -> [String: Data] {
        let out = try CLI.temporaryDirectory().appendingPathComponent("complete")
        let run = try Spawn.run(["report", "SampleData", "--out", out.path, "--quiet"], timeout: 120)
        #expect(run.status == 0, "\(run.err)")
        return try files(out)
    }

    @Test func aDiskFillingUpAfterSomeFilesKeepsLastWeeksSet() throws {
        // A file-size limit (`ulimit -f`) between the files' sizes: the first ones fit, a later one does not.
        let complete = try completeSet()
        let order = ["sla-report.md", "sla-report.html", "sla-report.json", "sla-report-tickets.csv"]
        let sizes = order.map { complete[$0]?.count ?? 0 }
        guard let failing = (1..<sizes.count).first(where: { sizes[$0] > (sizes[..<$0].max() ?? 0) + 2048 }) else {
            Issue.record("no file is larger than the ones before it: \(sizes)")
            return
        }
        let blocks = ((sizes[..<failing].max() ?? 0) + sizes[failing]) / 2 / 512
        let out = try CLI.temporaryDirectory().appendingPathComponent("reports")
        let old = try previousSet(out)
        let sh = URL(fileURLWithPath: "/bin/sh")
        let run = try Spawn.run(
            executable: sh,
            [
                "-c", "ulimit -f \(blocks) && exec \"$0\" report SampleData --out \"$1\" --quiet", CLI.binary.path,
                out.path,
            ],
            timeout: 120)
        #expect(run.status == 73, "\(run.err)")
        #expect(run.err.contains("error: cannot write \(out.path)/\(order[failing]): File too large"), "\(run.err)")
        #expect(try files(out) == old, "last week's files, and no temporary file")
    }

    @Test func aSIGTERMWhileTheSetIsWrittenRemovesTheTemporariesAndKeepsLastWeeksSet() throws {
        let dir = try CLI.temporaryDirectory()
        let input = dir.appendingPathComponent("events.csv")
        let generated = try Spawn.run(["generate", "--tickets", "20000", "--seed", "9", "--out", input.path])
        #expect(generated.status == 0)
        let out = dir.appendingPathComponent("reports")
        let old = try previousSet(out)
        // As soon as the first temporary file appears, the set is being written: stop the run.
        let run = try Spawn.runUntilATemporaryAppears(
            ["report", input.path, "--out", out.path, "--quiet"], watching: out, thenSend: SIGTERM)
        #expect(run.status == 143, "\(run.err)")
        #expect(try files(out) == old, "last week's files, and no temporary file")
    }

    @Test func aSIGTERMWhileGeneratingRemovesTheTemporaryFile() throws {
        let dir = try CLI.temporaryDirectory()
        let target = dir.appendingPathComponent("events.csv")
        let run = try Spawn.runUntilATemporaryAppears(
            ["generate", "--tickets", "2000000", "--out", target.path], watching: dir, thenSend: SIGTERM)
        #expect(run.status == 143, "\(run.err)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left.isEmpty, "no temporary and no partial file: \(left)")
    }

    @Test func aSIGTERMAtAnyMomentLeavesEitherSetAndNoTemporaries() throws {
        let expected = try completeSet()
        var random = SeededRandom(20_161_121)
        for attempt in 0..<6 {
            let out = try CLI.temporaryDirectory().appendingPathComponent("reports")
            let old = try previousSet(out)
            let delay = Double(random.below(600)) / 1000
            let run = try Spawn.run(
                ["report", "SampleData", "--out", out.path, "--quiet"], timeout: 120, signal: (SIGTERM, delay))
            let now = try files(out)
            #expect(
                now == old || now == expected,
                "attempt \(attempt), SIGTERM after \(delay) s (exit \(run.status)): \(now.keys.sorted()), \(random.note)"
            )
        }
    }
}
