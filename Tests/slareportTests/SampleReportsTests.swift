import Foundation
import Testing

/// `Reports/` is the golden output of `SampleData/`: regenerate it with `make reports` and review the diff.
@Suite struct SampleReportsTests {
    @Test func committedReportsAreCurrent() throws {
        let root = CLI.packageRoot
        let reports = root.appendingPathComponent("Reports")
        let dir = try CLI.temporaryDirectory()
        // The formats of `make reports`: every one, the CI formats included.
        let run = try CLI.run([
            "report", "SampleData", "--out", dir.path, "--format", "md,html,json,csv,junit,metrics", "--quiet",
        ])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let expected = try FileManager.default.contentsOfDirectory(atPath: reports.path).filter { !$0.hasPrefix(".") }
            .sorted()
        let produced = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(produced == expected, "Reports/ holds other files than the report makes; run `make reports`")
        for name in produced {
            let fresh = try Data(contentsOf: dir.appendingPathComponent(name))
            let committed = try Data(contentsOf: reports.appendingPathComponent(name))
            #expect(fresh == committed, "Reports/\(name) is stale: run `make reports` and review the diff")
        }
    }

    @Test func sampleReportRunsWithTheBuiltInPolicy() throws {
        let run = try CLI.run(["SampleData"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("GitLab Support (late 2016)"))
    }
}
