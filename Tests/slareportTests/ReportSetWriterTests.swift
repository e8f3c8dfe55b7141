import Foundation
import SLAReportCore
import Testing

@testable import slareport

/// The report set is all new or all old: failures at any step, injected here, leave the previous set and
/// no temporary file.
@Suite struct ReportSetWriterTests {
    /// POSIX operations on a real directory, with one operation made to fail.
    final class FailingFiles: OutputFiles, @unchecked Sendable {
        enum Step: Equatable {
            case write(Int)
            case rename(Int)
            case none
        }

        let failAt: Step
        let reason: String
        private let real = POSIXOutputFiles()
        private var writes = 0
        private var renames = 0

        init(failAt: Step, reason: String = "No space left on device") {
            self.failAt = failAt
            self.reason = reason
        }

        func writeNew(_ path: String, _ bytes: [UInt8]) -> String? {
            writes += 1
            if failAt == .write(writes) {
                // Half the bytes reach the disk before the disk is full.
                _ = real.writeNew(path, Array(bytes.prefix(bytes.count / 2)))
                return reason
            }
            return real.writeNew(path, bytes)
        }

        func exists(_ path: String) -> Bool { real.exists(path) }
        func link(_ path: String, as other: String) -> String? { real.link(path, as: other) }

        func rename(_ path: String, to target: String) -> String? {
            renames += 1
            if failAt == .rename(renames) { return reason }
            return real.rename(path, to: target)
        }

        func remove(_ path: String) { real.remove(path) }
        func syncDirectory(_ path: String) -> String? { real.syncDirectory(path) }
    }

    static let names = ["sla-report.md", "sla-report.html", "sla-report.json", "sla-report-tickets.csv"]

    /// A directory holding last week's set (or only the first `previous` files of it).
    func directory(previous: Int = 4) throws -> URL {
        let url = try CLI.temporaryDirectory()
        for name in Self.names.prefix(previous) {
            try Data("last week's \(name)".utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    func contents(_ url: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
            result[name] = String(decoding: try Data(contentsOf: url.appendingPathComponent(name)), as: UTF8.self)
        }
        return result
    }

    func write(_ url: URL, _ files: FailingFiles) -> SLAReportError? {
        var writer = ReportSetWriter(directory: url.path, files: files, cleanup: OutputCleanup(), tag: "test")
        do {
            for name in Self.names { try writer.stage(OutputFile(name: name, text: "new \(name)")) }
            try writer.commit()
            return nil
        } catch {
            return error
        }
    }

    var old: [String: String] { Dictionary(uniqueKeysWithValues: Self.names.map { ($0, "last week's \($0)") }) }
    var new: [String: String] { Dictionary(uniqueKeysWithValues: Self.names.map { ($0, "new \($0)") }) }

    @Test func aCompleteWriteReplacesTheWholeSet() throws {
        let url = try directory()
        #expect(write(url, FailingFiles(failAt: .none)) == nil)
        #expect(try contents(url) == new)
    }

    @Test(arguments: 1...4) func theDiskFillingUpKeepsThePreviousSet(failing: Int) throws {
        let url = try directory()
        let error = write(url, FailingFiles(failAt: .write(failing)))
        #expect(
            error == .cannotCreate(path: url.path + "/" + Self.names[failing - 1], reason: "No space left on device"))
        #expect(error?.exitCode == 73)
        #expect(try contents(url) == old, "no temporary file, every previous file as it was")
    }

    @Test(arguments: 1...4) func aRenameFailingPutsThePreviousSetBack(failing: Int) throws {
        let url = try directory()
        let error = write(url, FailingFiles(failAt: .rename(failing), reason: "Input/output error"))
        #expect(error == .cannotCreate(path: url.path + "/" + Self.names[failing - 1], reason: "Input/output error"))
        #expect(try contents(url) == old)
    }

    @Test func aRenameFailingRemovesFilesThatAreNew() throws {
        // Only the Markdown existed before: after the failure, only it remains, as it was.
        let url = try directory(previous: 1)
        _ = write(url, FailingFiles(failAt: .rename(3)))
        #expect(try contents(url) == ["sla-report.md": "last week's sla-report.md"])
    }

    /// A streamed file reaches the disk through the POSIX writer buffer by buffer; a failure while it is
    /// produced removes every temporary and keeps last week's set.
    @Test func streamedFilesAreWrittenWholeOrNotAtAll() throws {
        let url = try directory()
        var writer = ReportSetWriter(directory: url.path, cleanup: OutputCleanup(), tag: "test")
        let chunks = (0..<300).map { i in Array("row \(i) of the streamed file\n".utf8) }
        for name in Self.names.prefix(3) {
            try writer.stage(name: name) { drain in
                for chunk in chunks {
                    if let reason = chunk.withUnsafeBufferPointer({ drain($0) }) { return reason }
                }
                return nil
            }
        }
        var failed: SLAReportError?
        do {
            try writer.stage(name: Self.names[3]) { drain in
                _ = Array("half a file".utf8).withUnsafeBufferPointer { drain($0) }
                return "No space left on device"
            }
        } catch {
            failed = error
        }
        #expect(failed == .cannotCreate(path: url.path + "/" + Self.names[3], reason: "No space left on device"))
        #expect(try contents(url) == old, "no temporary file, every previous file as it was")

        var again = ReportSetWriter(directory: url.path, cleanup: OutputCleanup(), tag: "test")
        for name in Self.names {
            try again.stage(name: name) { drain in
                for chunk in chunks {
                    if let reason = chunk.withUnsafeBufferPointer({ drain($0) }) { return reason }
                }
                return nil
            }
        }
        try again.commit()
        let expected = String(decoding: chunks.joined(), as: UTF8.self)
        #expect(try contents(url) == Dictionary(uniqueKeysWithValues: Self.names.map { ($0, expected) }))
    }

    @Test func abandoningRemovesTheTemporaries() throws {
        let url = try directory()
        var writer = ReportSetWriter(
            directory: url.path, files: FailingFiles(failAt: .none), cleanup: OutputCleanup(), tag: "test")
        try writer.stage(OutputFile(name: Self.names[0], text: "new"))
        try writer.stage(OutputFile(name: Self.names[1], text: "new"))
        #expect(try contents(url).count == 6)
        writer.abandon()
        #expect(try contents(url) == old)
    }

    @Test func theSignalCleanupRemovesWhatIsRegistered() throws {
        let url = try directory()
        let cleanup = OutputCleanup()
        var writer = ReportSetWriter(
            directory: url.path, files: FailingFiles(failAt: .none), cleanup: cleanup, tag: "t")
        try writer.stage(OutputFile(name: Self.names[2], text: "new"))
        // What the SIGTERM handler does before it exits.
        cleanup.removeAll()
        #expect(try contents(url) == old)
    }
}
