import Foundation
import Testing

@testable import SLAReportCore

/// `SampleData/native/`: every record loads except the deliberate quirks listed in its README.
@Suite struct NativeSampleDataTests {
    static let root = NativeTestSupport.packageRoot.appendingPathComponent("SampleData/native")

    static func inputs() throws -> [InputFile] {
        let base = root.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        let paths = walker.compactMap { $0 as? String }.filter { path in
            [".json", ".csv", ".ndjson"].contains { path.hasSuffix($0) }
        }.sorted()
        return try paths.map {
            InputFile(path: $0, bytes: Array(try Data(contentsOf: root.appendingPathComponent($0))))
        }
    }

    @Test func everyRecordLoadsButTheDeliberateQuirks() throws {
        let files = try Self.inputs()
        #expect(files.count == 12)
        let result = NativeTestSupport.ingest(files)
        #expect(result.failures.isEmpty)
        let log = result.log
        #expect(
            Set(log.files.map(\.format)) == [
                "zendesk-incremental", "zendesk-audits", "zendesk-skips", "zendesk-users", "zendesk-csv", "hackerone",
                "twitter-twcs", "discourse", "stackexchange", "gitlab-issues", "gitlab-notes",
            ])
        let reasons = log.rejections.map { "\(log.location(of: $0.key).path): \($0.value)" }.sorted()
        #expect(
            reasons == [
                "twitter/tweets.csv: empty inbound (expected true or false)",
                "zendesk/incremental-tickets-2.json: deleted in Zendesk",
            ])
        // One older copy of a Zendesk ticket (seen again on page 2).
        #expect(NativeTestSupport.duplicates(log).count == 1)
        // Every ticket has one creation and nothing before it; every channel is known to the built-in policy.
        var created: [Symbol: Instant] = [:]
        for event in log.events where event.kind == .created {
            #expect(created[event.ticket] == nil, "\(log.symbols[event.ticket]) created twice")
            created[event.ticket] = event.at
        }
        let channels = Set(Policy.builtIn.channels.map(\.key))
        for event in log.events {
            let start = try #require(created[event.ticket], "\(log.symbols[event.ticket]) has no created event")
            #expect(event.at >= start, "\(log.symbols[event.ticket]) \(event.kind.name) before creation")
            #expect(event.channel.isNone || channels.contains(log.symbols[event.channel]))
            #expect(event.at >= Instant(seconds: 1_477_872_000))  // 2016-10-31
        }
        #expect(created.count == 30 + 20 + 12 + 22 + 14 + 15 + 16)
    }
}
