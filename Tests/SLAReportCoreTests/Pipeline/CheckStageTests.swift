import Foundation
import Testing

@testable import SLAReportCore

/// `slareport check` stops at the ledger (``Pipeline/check(_:request:)``): its data-quality figures are the
/// report's, for every window, as-of and channel selection, on the sample's canonical and native files.
@Suite struct CheckStageTests {
    static func inputs() throws -> [InputFile] {
        let root = NativeTestSupport.packageRoot.appendingPathComponent("SampleData")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        let paths = walker.compactMap { $0 as? String }.filter { path in
            [".json", ".csv", ".ndjson"].contains { path.hasSuffix($0) } && !path.hasSuffix(".policy.json")
        }.sorted()
        return try paths.map {
            InputFile(path: $0, bytes: Array(try Data(contentsOf: root.appendingPathComponent($0))))
        }
    }

    @Test func checkCountsWhatTheReportCounts() throws {
        let files = try Self.inputs()
        #expect(files.count > 10)
        let policy = Policy.builtIn
        let requests: [ReportRequest] = [
            ReportRequest(policy: policy, toolVersion: "test"),
            ReportRequest(
                policy: policy, since: .instant(LogBuilder.instant("2016-11-14")),
                until: .instant(LogBuilder.instant("2016-11-21")), toolVersion: "test"),
            ReportRequest(policy: policy, asOf: LogBuilder.instant("2016-11-18 12:00"), toolVersion: "test"),
            ReportRequest(policy: policy, channels: ["twitter", "email"], toolVersion: "test"),
        ]
        for (k, request) in requests.enumerated() {
            var forReport = Ingest.readAndJoin(files, options: IngestOptions(policy: policy))
            var forCheck = Ingest.readAndJoin(files, options: IngestOptions(policy: policy))
            let report = try Pipeline.run(&forReport, request: request)
            let check = try Pipeline.check(&forCheck, request: request)
            #expect(check.dataQuality == report.model.dataQuality, "request \(k)")
            #expect(check.nothingUsable == report.nothingUsable, "request \(k)")
            #expect(check.dataChannels == report.dataChannels, "request \(k)")
            let totals = check.dataQuality.totals
            #expect(totals.read == totals.used + totals.duplicates + totals.outOfWindow + totals.rejected)
            #expect(totals.read > 1000, "request \(k)")
            if k > 0 { #expect(totals.outOfWindow > 0, "request \(k): the window leaves records out") }
        }
    }
}
