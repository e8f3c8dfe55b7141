import Foundation
import Testing

/// `Reports/` is the golden output of `SampleData/` with the sample team's policy: regenerate it with
/// `make reports` and review the diff.
@Suite struct SampleReportsTests {
    /// The reports `make reports` writes: the whole sample, the Monday report of 2016-W47 under
    /// `--fail-under 85` (keep in step with the Makefile's `REPORT_W47_ARGS`), and the whole sample under the
    /// Zendesk-level policy (`ZENDESK_LEVEL_POLICY`).
    static let reports: [(folder: String, arguments: [String])] = [
        ("", ["--policy", "SampleData/gitlab-team.policy.json"]),
        ("2016-W47", ["--policy", "SampleData/gitlab-team.policy.json", "--week", "2016-W47", "--fail-under", "85"]),
        ("zendesk-level", ["--policy", "SampleData/zendesk-level.policy.json"]),
    ]

    @Test(arguments: reports.map(\.folder))
    func committedReportsAreCurrent(folder: String) throws {
        let arguments = Self.reports.first { $0.folder == folder }?.arguments ?? []
        let root = CLI.packageRoot
        let reports = root.appendingPathComponent("Reports").appendingPathComponent(folder)
        let dir = try CLI.temporaryDirectory()
        // The formats of `make reports`: every one, the CI formats included.
        let run = try CLI.run(
            ["report", "SampleData"] + arguments + [
                "--out", dir.path, "--format", "md,html,json,csv,junit,metrics", "--quiet",
            ])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let subfolders = Set(Self.reports.map(\.folder).filter { !$0.isEmpty })
        let expected = try FileManager.default.contentsOfDirectory(atPath: reports.path)
            .filter { !$0.hasPrefix(".") && !(folder.isEmpty && subfolders.contains($0)) }.sorted()
        let produced = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(produced == expected, "Reports/\(folder) holds other files than the report makes; run `make reports`")
        for name in produced {
            let fresh = try Data(contentsOf: dir.appendingPathComponent(name))
            let committed = try Data(contentsOf: reports.appendingPathComponent(name))
            #expect(fresh == committed, "Reports/\(folder)/\(name) is stale: run `make reports` and review the diff")
        }
    }

    @Test func sampleReportRunsWithTheBuiltInPolicy() throws {
        let run = try CLI.run(["SampleData"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("GitLab Support (late 2016)"))
    }

    /// The agent table of `Reports/` has one row per person: each name of the sample team once, whatever
    /// names the person goes by (`ana_gitlab` is Ana Souza on the forum), and brand accounts apart.
    @Test func agentTableHasOneRowPerPerson() throws {
        let json = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("Reports/sla-report.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let agents = try #require(root["agents"] as? [[String: Any]]).compactMap { $0["agent"] as? String }
        #expect(agents.count == 16)
        #expect(agents.contains("Ana Souza"))
        #expect(!agents.contains { ["ana_gitlab", "ana.souza", "ben_gitlab", "@GitLab", "gitlab"].contains($0) })
        let handles = try #require(root["handles"] as? [[String: Any]]).compactMap { $0["agent"] as? String }
        #expect(handles == ["@GitLab", "@GitLabStatus", "gitlab-security"])
    }
}
