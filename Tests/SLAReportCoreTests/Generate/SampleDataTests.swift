import Foundation
import Testing

@testable import SLAReportCore

/// `SampleData/` holds generated files: they must be exactly what the generator makes from the options
/// below (the same as the commands in `SampleData/README.md`).
///
/// To regenerate them: `SLAREPORT_WRITE_SAMPLEDATA=1 swift test --filter SampleDataTests` (it writes the
/// files and fails, like a recorded snapshot), then run the tests again.
@Suite struct SampleDataTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `slareport generate --profile sample --tickets 3000 --seed 201611`
    static var support: GeneratorOptions {
        GeneratorOptions(tickets: 3000, seed: 201_611, format: .events, profile: .sample)
    }

    /// `slareport generate --profile sample --tickets 300 --seed 201612 --format tickets
    ///  --channel mailing-list,docker,reddit,quora --first-ticket 70001`
    static var community: GeneratorOptions {
        var options = GeneratorOptions(tickets: 300, seed: 201_612, format: .tickets, profile: .sample)
        options.channels = ["mailing-list", "docker", "reddit", "quora"]
        options.firstTicket = 70_001
        return options
    }

    static let generated: [(path: String, options: GeneratorOptions)] = [
        ("SampleData/support-2016-11-events.csv", support),
        ("SampleData/community-2016-11-tickets.csv", community),
    ]

    @Test(arguments: generated.map(\.path))
    func generatedFileIsUpToDate(path: String) throws {
        let options = try #require(Self.generated.first { $0.path == path }?.options)
        let url = Self.root.appendingPathComponent(path)
        let expected = SyntheticExport.generate(options)
        if ProcessInfo.processInfo.environment["SLAREPORT_WRITE_SAMPLEDATA"] == "1" {
            try Data(expected).write(to: url, options: .atomic)
            Issue.record(
                "wrote \(path) (\(expected.count) bytes); run the tests again without SLAREPORT_WRITE_SAMPLEDATA")
            return
        }
        let actual = try #require(
            try? Data(contentsOf: url),
            "\(path) is missing: SLAREPORT_WRITE_SAMPLEDATA=1 swift test --filter SampleDataTests")
        #expect(
            [UInt8](actual) == expected,
            "\(path) differs from the generator's output: regenerate it (see SampleData/README.md)")
    }

    @Test func communityTicketsAreCategory4WithLinks() throws {
        let url = Self.root.appendingPathComponent("SampleData/community-2016-11-tickets.csv")
        let rows = try #require(GeneratedCSV.parse([UInt8](try Data(contentsOf: url))))
        #expect(rows.count == 301)
        for row in rows.dropFirst() {
            #expect(row.count == 11)
            #expect(["mailing-list", "docker", "reddit", "quora"].contains(row[1]))
            #expect(row[9].hasPrefix("https://"))
        }
    }

    /// The hand-written file of bad rows holds each defect the data-quality section should show.
    @Test func badRowsHoldEachDefect() throws {
        let text = try String(
            contentsOf: Self.root.appendingPathComponent("SampleData/bad-rows.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "ticket,channel,event,at,actor,value,via")
        #expect(lines.contains { $0.contains(",2016-02-30T10:00:00Z,") }, "an invalid date")
        #expect(lines.contains { $0.hasPrefix(",") }, "a missing ticket id")
        #expect(lines.contains { $0.contains(",escalate,") }, "an unknown event type")
        let counts = Dictionary(lines.filter { !$0.isEmpty }.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(counts.values.contains { $0 >= 2 }, "an exact duplicate row")
        #expect(lines.contains { $0.hasSuffix(",\"Multi-line subject:") }, "a valid quoted newline")
        #expect(lines.contains { $0.contains("\"Re: \"urgent\" issue\"") }, "a malformed quote")
        #expect(GeneratedCSV.parse(Array(text.utf8)) == nil, "the malformed quote makes the file invalid RFC 4180")
    }
}
