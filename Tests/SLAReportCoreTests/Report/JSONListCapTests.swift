import Foundation
import Testing

@testable import SLAReportCore

/// SPEC §5.1: the JSON is a report, not a dump. `breaches`, each `rules` list and `data_quality.rejected`
/// hold at most 1,000 entries — the latest breaches, the oldest findings, the first rejections — with the full
/// numbers beside them; the human reports still count every one.
@Suite struct JSONListCapTests {
    /// 1,500 email tickets, each skipped once and answered late (ticket `i` is `i` seconds later than ticket
    /// `i - 1`), plus 1,200 rejected records.
    static func run() throws -> Pipeline.Result {
        var b = LogBuilder()
        for i in 0..<1500 {
            let created = 86_400 + i * 60
            func time(_ offset: Int) -> String {
                let s = created + offset
                return "2016-11-\(14 + s / 86_400) \(s / 3600 % 24):\(s / 60 % 60):\(s % 60)"
            }
            b.add("T\(i)", .created, time(0), actor: "u\(i)", channel: "email")
            b.add("T\(i)", .skip, time(10), actor: "ann", value: "busy")
            // The target is 4 hours: ticket i is 1 hour and i seconds late.
            b.add("T\(i)", .reply, time(5 * 3600 + i), actor: "ann")
        }
        for i in 0..<1200 {
            let record = b.log.beginRecord(file: 0, line: 10_000 + i)
            b.log.reject(record: record, reason: "bad row \(i)")
        }
        return try TestPolicies.run(b)
    }

    @Test func listsAreCappedWithTheirFullCountsBeside() throws {
        let result = try Self.run()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(Renderer.json(result.model).utf8)) as? [String: Any])
        let breaches = try #require(json["breaches"] as? [[String: Any]])
        #expect(breaches.count == 1000)
        let breachCounts = try #require(json["breach_counts"] as? [String: Int])
        #expect(breachCounts == ["total": 1500, "listed": 1000])
        // The latest 1,000: tickets 500…1499, listed latest first.
        #expect(breaches.compactMap { $0["ticket"] as? String } == (500..<1500).reversed().map { "T\($0)" })

        let rules = try #require(json["rules"] as? [String: [[String: Any]]])
        let skips = try #require(rules["skips"])
        #expect(skips.count == 1000)
        // The oldest 1,000, oldest first.
        #expect(skips.compactMap { $0["ticket"] as? String } == (0..<1000).map { "T\($0)" })
        let ruleCounts = try #require(json["rules_counts"] as? [String: Int])
        #expect(ruleCounts["skips"] == 1500)
        #expect(ruleCounts["passed_over"] == 0)
        #expect(Set(ruleCounts.keys) == Set(rules.keys))

        let quality = try #require(json["data_quality"] as? [String: Any])
        let rejected = try #require(quality["rejected"] as? [[String: Any]])
        #expect(rejected.count == 1000)
        #expect(rejected.first?["reason"] as? String == "bad row 0")
        #expect((quality["totals"] as? [String: Int])?["rejected"] == 1200)
    }

    @Test func humanReportsCountEveryOne() throws {
        let result = try Self.run()
        #expect(result.model.breachTotal == 1500)
        #expect(result.model.rules.counts.skips == 1500)
        let markdown = Renderer.markdown(result.model)
        // The skip table shows 25 of 1,500, the breach table 20 of 1,500.
        #expect(markdown.contains("… and 1475 more"))
        #expect(markdown.contains("… and 1480 more"))
        // The human breach list shows the channel's worst 20 (the latest tickets).
        #expect(markdown.contains("T1499"))
        #expect(!markdown.contains("T1479 "))
    }
}
