import Foundation

@testable import SLAReportCore

/// Helpers for the native adapter tests: fixtures beside the tests, ingest runs, events as readable lines.
enum NativeTestSupport {
    /// `Tests/SLAReportCoreTests` on disk.
    static let testsRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The package root.
    static let packageRoot = testsRoot.deletingLastPathComponent().deletingLastPathComponent()

    /// The fixture `Fixtures/native/<name>` as an input.
    static func fixture(_ name: String) throws -> InputFile {
        let url = testsRoot.appendingPathComponent("Fixtures/native").appendingPathComponent(name)
        return InputFile(path: name, bytes: Array(try Data(contentsOf: url)))
    }

    /// The fixture `Fixtures/trust/<name>` as an input named `<name>`; a directory gives its files in name order.
    static func trust(_ name: String) throws -> [InputFile] {
        let url = testsRoot.appendingPathComponent("Fixtures/trust").appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CocoaError(.fileNoSuchFile)
        }
        guard isDirectory.boolValue else { return [InputFile(path: name, bytes: Array(try Data(contentsOf: url)))] }
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map {
            InputFile(path: name + "/" + $0, bytes: Array(try Data(contentsOf: url.appendingPathComponent($0))))
        }
    }

    /// The fixtures' team policy (`Fixtures/trust/team.policy.json`): Ana Souza with aliases, Ben Okafor, the
    /// `@GitLab` and `@GitLabStatus` handles.
    static func teamPolicy() throws -> Policy {
        let url = testsRoot.appendingPathComponent("Fixtures/trust/team.policy.json")
        return try Policy.decode(Array(try Data(contentsOf: url)), source: "team.policy.json")
    }

    /// The whole run on `files`: ingest, join, pipeline.
    static func report(
        _ files: [InputFile], policy: Policy = .builtIn, asOf: String? = nil, since: String? = nil,
        until: String? = nil, failUnder: Double? = nil
    ) throws -> Pipeline.Result {
        var joined = ingest(files, policy: policy)
        let request = ReportRequest(
            policy: policy, since: since.map { .instant(LogBuilder.instant($0)) },
            until: until.map { .instant(LogBuilder.instant($0)) }, asOf: asOf.map(LogBuilder.instant),
            failUnder: failUnder, toolVersion: "test")
        return try Pipeline.run(&joined, request: request)
    }

    /// The 1-based line of the first line of `file` that contains `text` (to name a record's line without
    /// counting lines by hand).
    static func line(of text: String, in file: InputFile) -> Int? {
        var stream = file.source.stream()
        let bytes = stream.takeMemory() ?? UnsafeBufferPointer(start: nil, count: 0)
        let lines = String(decoding: bytes, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    /// A file on disk as an input, named by its last path component.
    static func file(_ url: URL) throws -> InputFile {
        InputFile(path: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
    }

    static func ingest(_ files: [InputFile], policy: Policy = .builtIn, zone: ZoneClock = .utc) -> JoinedInput {
        // The adapters' whole reading, texts no report stage reads included (as `slareport explain` reads).
        var options = IngestOptions(inputTimeZone: zone, policy: policy)
        options.keepsUnusedText = true
        return Ingest.readAndJoin(files, options: options)
    }

    /// Records that are duplicates already after the join (older versions, tweets seen twice), as `path:line`.
    static func duplicates(_ log: EventLog) -> [String] {
        (0..<log.recordCount).filter { log.ledger.fate[$0] == .duplicate }.map {
            log.location(of: UInt32($0)).description
        }
    }

    /// Every event as `ticket kind at actor value via channel`, sorted (input order never matters).
    static func lines(_ log: EventLog) -> [String] {
        log.events.map { e in
            [
                log.symbols[e.ticket], e.kind.name, e.at.rfc3339, log.symbols[e.actor], log.symbols[e.value],
                log.symbols[e.via], log.symbols[e.channel],
            ].joined(separator: "|")
        }.sorted()
    }

    /// The events of one ticket as lines.
    static func lines(_ log: EventLog, ticket: String) -> [String] {
        lines(log).filter { $0.hasPrefix(ticket + "|") }
    }

    /// Rejections as `path:line: reason`, sorted.
    static func rejections(_ log: EventLog) -> [String] {
        log.rejections.map { "\(log.location(of: $0.key)): \($0.value)" }.sorted()
    }

    /// The policy used by the routing tests: the built-in one with these rules first.
    static func policy(routing: [RoutingRule] = [], agents: [PolicyAgent] = []) -> Policy {
        var policy = Policy.builtIn
        policy.routing = routing + policy.routing
        policy.agents = agents
        return policy
    }
}
