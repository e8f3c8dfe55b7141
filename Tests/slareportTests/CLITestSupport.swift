import Foundation
import Testing

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

    static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], in directory: URL? = nil
    ) throws -> CLIRun {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently with the process so a large report cannot fill a pipe and block.
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
        return CLIRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("slareport-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

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
