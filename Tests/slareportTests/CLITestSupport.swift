import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `slareport` binary and captures what it printed and how it exited.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
}

enum CLI {
    /// The package root (two levels above this file's folder).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder holding the built products: the test bundle's folder.
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("slareport"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("slareport"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "slareport"),
            packageRoot.appendingPathComponent(".build/debug/slareport"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[3]
    }

    /// Runs the binary (through ``Spawn``: stdin written and both pipes read concurrently, and a hang fails
    /// the test after ten minutes instead of hanging the suite).
    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> CLIRun {
        let result = try Spawn.run(arguments, stdin: stdin, environment: environment, in: directory, timeout: 600)
        #expect(!result.timedOut, "slareport \(arguments.joined(separator: " ")) did not finish in 10 minutes")
        return CLIRun(status: result.status, stdout: result.out, stderr: result.err, stdoutBytes: result.stdout)
    }

    /// A fresh temporary directory, inside this test process's ``scratch`` directory (removed when the
    /// process exits, so that runs of the suite leave nothing behind in the system's temporary directory).
    static func temporaryDirectory() throws -> URL {
        let url = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One directory per test process for every ``temporaryDirectory()``, removed at exit.
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("slareport-test-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: CLI.scratch) }
        return url
    }()

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }
}

/// A small canonical events export: one email ticket answered late, one on time, one Twitter ticket.
enum Fixtures {
    static let header = "ticket,channel,event,at,actor,value,via"
    static let rows = [
        "E1,email,created,2016-11-21T09:00:00Z,alice,\"Login fails, again\",",
        "E1,,reply,2016-11-21T10:00:00Z,ann,,",
        "E1,,status,2016-11-21T11:00:00Z,ann,solved,",
        "E2,email,created,2016-11-18T16:00:00Z,bob,Slow pipeline,",
        "E2,,reply,2016-11-23T16:00:00Z,ann,,",
        "T1,twitter,created,2016-11-22T12:00:00Z,@carol,\"<script>alert(1)</script>\",",
        "T1,,assign,2016-11-22T12:05:00Z,ben,ben,",
        "T1,,reply,2016-11-22T12:30:00Z,ben,,zendesk",
    ]
    static var events: String { ([header] + rows).joined(separator: "\n") + "\n" }
}

/// Runs the built binary with a watchdog (a hang fails the test instead of hanging the suite) and,
/// optionally, a signal sent after a delay.
enum Spawn {
    /// A child that exits without reading its input (a usage error) closes the pipe: writing the rest of
    /// the input must then fail with EPIPE, not kill the whole test process with SIGPIPE (which it did, now
    /// and then, when the write came after the child's exit).
    static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
        var err: String { String(decoding: stderr, as: UTF8.self) }
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], in directory: URL? = nil,
        timeout: Double = 120, signal: (number: Int32, after: Double)? = nil,
        beforeWaiting: ((Int32) -> Void)? = nil
    ) throws -> Result {
        try run(
            executable: CLI.binary, arguments, stdin: stdin, environment: environment, in: directory,
            timeout: timeout, signal: signal, beforeWaiting: beforeWaiting)
    }

    /// Runs `arguments` and sends `signal` as soon as a file named `*.tmp-*` appears in `directory` (the
    /// moment an output is being written).
    static func runUntilATemporaryAppears(
        _ arguments: [String], watching directory: URL, thenSend signal: Int32, timeout: Double = 300
    ) throws -> Result {
        // The watcher signals at most once, and never after the run has returned (the child is reaped by
        // then, and its pid may belong to another process): both under one lock.
        let state = NSLock()
        nonisolated(unsafe) var done = false
        let watching = DispatchGroup()
        let result = try run(arguments, timeout: timeout) { pid in
            watching.enter()
            DispatchQueue.global().async {
                defer { watching.leave() }
                while true {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
                    let found = names.contains(where: { $0.contains(".tmp-") })
                    let stop = state.withLock { () -> Bool in
                        if !done && found {
                            kill(pid, signal)
                            done = true
                        }
                        return done
                    }
                    if stop { return }
                    usleep(500)
                }
            }
        }
        state.withLock { done = true }
        watching.wait()
        return result
    }

    static func run(
        executable: URL, _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
        in directory: URL? = nil, timeout: Double = 120, signal: (number: Int32, after: Double)? = nil,
        beforeWaiting: ((Int32) -> Void)? = nil
    ) throws -> Result {
        Spawn.brokenPipesIgnored
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? CLI.packageRoot
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let pid = process.processIdentifier
        nonisolated(unsafe) var timedOut = false
        let watchdog = DispatchWorkItem {
            timedOut = true
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Cancelled once the child has exited: a signal must never reach a later process given the same pid.
        let signalling = DispatchWorkItem {
            if let signal { kill(pid, signal.number) }
        }
        if let signal { DispatchQueue.global().asyncAfter(deadline: .now() + signal.after, execute: signalling) }
        let writer = DispatchGroup()
        writer.enter()
        DispatchQueue.global().async {
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
            writer.leave()
        }
        beforeWaiting?(pid)
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        watchdog.cancel()
        signalling.cancel()
        writer.wait()
        return Result(status: process.terminationStatus, stdout: outData, stderr: errData, timedOut: timedOut)
    }
}
