import Foundation
import Testing

/// `slareport policy --from-zendesk SLA_POLICIES.json [SCHEDULES.json]`, end to end.
@Suite struct PolicyImportCLITests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/SLAReportCoreTests/Fixtures/zendesk-policy")

    @Test func importsPrintsThePolicyAndListsWhatDidNotMap() throws {
        let run = try CLI.run([
            "policy", "--from-zendesk", Self.fixtures.appendingPathComponent("sla_policies.json").path,
            Self.fixtures.appendingPathComponent("schedules.json").path,
        ])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
        #expect(object["timezone"] as? String == "Europe/Amsterdam")
        let channels = try #require(object["channels"] as? [[String: Any]])
        #expect(channels.compactMap { $0["key"] as? String }.first == "urgent-anything")
        // One warning line per note, compiler style, naming the field.
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { $0.contains(": warning: ") })
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "sla_policies.json: warning: sla_policies[3].filter.all[0]: ticket_type_id is \"2\" cannot be mapped (slareport routes on via, tags, group and priority); no routing rule for channel \"incidents\""
                )
            })
        #expect(lines.contains { $0.contains("pausable_update_time") })

        // The output validates and prints back byte for byte.
        let dir = try CLI.temporaryDirectory()
        try run.stdoutBytes.write(to: dir.appendingPathComponent("zendesk.policy.json"))
        let check = try CLI.run(["policy", "--policy", "zendesk.policy.json"], in: dir)
        #expect(check.status == 0)
        #expect(check.stdout == run.stdout)
        #expect(check.stderr.isEmpty)
    }

    @Test func withoutASchedulesFile() throws {
        let run = try CLI.run([
            "policy", "--from-zendesk", Self.fixtures.appendingPathComponent("sla_policies.json").path,
        ])
        #expect(run.status == 0)
        #expect(run.stderr.contains("business-hours targets use the built-in schedule"))
        #expect(run.stdout.contains(#""timezone": "UTC""#))
    }

    @Test func errorsAndUsage() throws {
        let dir = try CLI.temporaryDirectory()
        let missing = try CLI.run(["policy", "--from-zendesk", "nope.json"], in: dir)
        #expect(missing.status == 66)
        #expect(missing.stdout.isEmpty)
        try CLI.write("{ \"tickets\": [] }", to: dir.appendingPathComponent("tickets.json"))
        let wrong = try CLI.run(["policy", "--from-zendesk", "tickets.json"], in: dir)
        #expect(wrong.status == 78)
        #expect(wrong.stderr.contains("tickets.json: expected Zendesk SLA policies"))
        let both = try CLI.run(["policy", "--policy", "a.json", "--from-zendesk", "tickets.json"], in: dir)
        #expect(both.status == 64)
        let noValue = try CLI.run(["policy", "--from-zendesk"], in: dir)
        #expect(noValue.status == 64)
        let typo = try CLI.run(["policy", "--from-zendsk", "tickets.json"], in: dir)
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("--from-zendesk"))
        let help = try CLI.run(["--help"])
        #expect(help.stdout.contains("--from-zendesk"))
    }
}
