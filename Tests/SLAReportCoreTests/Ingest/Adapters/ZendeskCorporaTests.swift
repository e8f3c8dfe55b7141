import Foundation
import Testing

@testable import SLAReportCore

/// The real Zendesk objects in `../shared/corpora/zendesk` (beside the package root), when present.
@Suite struct ZendeskCorporaTests {
    static let corpora = NativeTestSupport.packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/zendesk")
    static let present = FileManager.default.fileExists(atPath: corpora.path)

    /// Files that are not ticket data (policy material, single audit events, a job status): never detected.
    /// (`ticket_metric_event.json` is a ticket metric event, read since metric events are.)
    static let notTicketData: Set<String> = [
        "change_event.json", "comment.json", "create_event.json", "export.json", "facebook_event.json",
        "schedule.json", "sla_policy.json", "tweet_event.json",
    ]

    @Test(.enabled(if: present)) func everyRecordLoadsOrIsExplained() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpora.path).filter {
            $0.hasSuffix(".json")
        }.sorted()
        let files = try names.map { try NativeTestSupport.file(Self.corpora.appendingPathComponent($0)) }
        let result = NativeTestSupport.ingest(files)
        let log = result.log
        #expect(Set(result.failures.map(\.path)) == Self.notTicketData)
        // The only rejections: the deleted ticket, and the metric and metric event of tickets no file has.
        let reasons = log.rejections.values.sorted()
        #expect(
            reasons == [
                "deleted in Zendesk", "metric event for ticket zendesk:448992, which no tickets export includes",
                "metrics for ticket zendesk:4343, which no tickets export includes",
            ])
        #expect(log.files.contains { $0.format == "zendesk-ticket-metric-events" })
        #expect(log.recordCount > 87 + 91)
        #expect(!log.events.isEmpty)
        print(NativeTestSupport.rejections(log))
    }
}
