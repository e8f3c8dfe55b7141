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

    /// A file on disk as an input, named by its last path component.
    static func file(_ url: URL) throws -> InputFile {
        InputFile(path: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
    }

    static func ingest(_ files: [InputFile], policy: Policy = .builtIn, zone: ZoneClock = .utc) -> IngestResult {
        Ingest.read(files, options: IngestOptions(inputTimeZone: zone, policy: policy))
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
    static func policy(routing: [RoutingRule] = [], agents: [String] = []) -> Policy {
        var policy = Policy.builtIn
        policy.routing = routing + policy.routing
        policy.agents = agents
        return policy
    }
}
