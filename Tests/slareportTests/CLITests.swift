import Foundation
import Testing

/// End-to-end: the built binary's stdout, stderr and exit code (argument-parser's AssertExecuteCommand style).
@Suite struct CLITests {
    @Test func reportPrintsMarkdownToStdout() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.write(Fixtures.events, to: dir.appendingPathComponent("events.csv"))
        let run = try CLI.run(["events.csv"], in: dir)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("# "))
        #expect(run.stdout.contains("Twitter"))
        #expect(!run.stdout.contains("<script>"))
        #expect(run.stderr.isEmpty)
    }

    @Test func failUnderGatesWithExitOneAndStillWrites() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.write(Fixtures.events, to: dir.appendingPathComponent("events.csv"))
        let run = try CLI.run(["report", "events.csv", "--fail-under", "90", "--out", "out"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("email"))
        for name in ["sla-report.md", "sla-report.html", "sla-report.json", "sla-report-tickets.csv"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(name)").path))
        }
    }

    @Test func usageErrorsSuggestTheOption() throws {
        let run = try CLI.run(["report", "x.csv", "--sinse", "7d"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown option '--sinse'"))
        #expect(run.stderr.contains("did you mean '--since'?"))
        #expect(run.stdout.isEmpty)
        #expect(try CLI.run(["report", "x.csv", "--since"]).stderr.contains("needs a value"))
        #expect(try CLI.run(["report", "x.csv", "--since", "2016-02-30"]).status == 64)
        #expect(try CLI.run(["report", "x.csv", "--week", "2016-W54"]).status == 64)
        #expect(try CLI.run(["report", "x.csv", "-f", "md,html"]).status == 64)
        #expect(try CLI.run(["report", "x.csv", "--out", "o", "--name", "../x"]).status == 64)
        #expect(try CLI.run(["report", "x.csv", "-f", "pdf"]).stderr.contains("unknown format"))
        #expect(try CLI.run([]).status == 64)
    }

    @Test func unknownChannelSuggestsAndEmptyWindowIsNotAnError() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.write(Fixtures.events, to: dir.appendingPathComponent("events.csv"))
        let typo = try CLI.run(["events.csv", "--channel", "twiter"], in: dir)
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("did you mean 'twitter'?"))
        let empty = try CLI.run(["events.csv", "--since", "2017-01-01", "--channel", "quora"], in: dir)
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("Quora"))
    }

    @Test func unrecognisedFileListsWhatWasExpected() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.write("name,age\nann,3\n", to: dir.appendingPathComponent("people.csv"))
        let run = try CLI.run(["people.csv"], in: dir)
        #expect(run.status == 65)
        #expect(
            run.stderr.contains(
                "people.csv: error: unrecognised input format: found a CSV header with columns name, age"))
        #expect(run.stderr.contains("    canonical-events: a CSV header or JSON keys with ticket, event, at"))
        #expect(run.stderr.contains("--input-format"))
    }

    @Test func missingInputIs66() throws {
        let run = try CLI.run(["report", "does-not-exist.csv"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("does-not-exist.csv"))
    }

    @Test func badPolicyIs78WithJSONPath() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.write(Fixtures.events, to: dir.appendingPathComponent("events.csv"))
        try CLI.write(
            #"{"channels": [{"key": "email", "first_reply": "1 bussiness day"}]}"#,
            to: dir.appendingPathComponent("bad.policy.json"))
        let run = try CLI.run(["events.csv", "--policy", "bad.policy.json"], in: dir)
        #expect(run.status == 78)
        #expect(run.stderr.contains("channels[0].first_reply"))
        #expect(run.stderr.contains("business"))
    }

    @Test func strictRejectsABadRowWith65() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.write(
            Fixtures.events + "E3,email,created,2016-02-30T10:00:00Z,dan,,\n", to: dir.appendingPathComponent("e.csv"))
        let lenient = try CLI.run(["e.csv"], in: dir)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("e.csv:10: warning:"))
        let strict = try CLI.run(["e.csv", "--strict"], in: dir)
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("e.csv:10"))
        #expect(strict.stdout.isEmpty)
        let quiet = try CLI.run(["e.csv", "--quiet"], in: dir)
        #expect(quiet.stderr.isEmpty)
    }

    @Test func versionHelpAndPolicy() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("slareport "))
        let help = try CLI.run(["--help"])
        #expect(help.status == 0)
        for word in ["--since", "--week", "--fail-under", "EXIT CODES", "generate", "check"] {
            #expect(help.stdout.contains(word))
        }
        let policy = try CLI.run(["policy"])
        #expect(policy.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(policy.stdout.utf8)) as? [String: Any]
        #expect(object?["name"] as? String == "GitLab Support (late 2016)")
    }

    @Test func readsStandardInput() throws {
        let run = try CLI.run(["-", "--format", "json"], stdin: Data(Fixtures.events.utf8))
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any]
        #expect(object?["schema"] as? String == "slareport/1")
    }

    @Test func checkPrintsDataQuality() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.write(
            Fixtures.events + "X9,email,bogus,2016-11-21T10:00:00Z,,,\n", to: dir.appendingPathComponent("e.csv"))
        let run = try CLI.run(["check", "e.csv"], in: dir)
        #expect(run.status == 0)
        #expect(run.stdout.contains("e.csv"))
        #expect(run.stdout.contains("rejected"))
    }

    @Test func brokenPipeEndsQuietly() throws {
        let dir = try CLI.temporaryDirectory()
        // Enough tickets that the CSV is far larger than a pipe buffer, so the writer meets a closed pipe.
        var rows = [Fixtures.header]
        for i in 0..<4000 { rows.append("B\(i),email,created,2016-11-21T09:00:00Z,u\(i),,") }
        rows.append("B0,,reply,2016-11-21T10:00:00Z,ann,,")
        try CLI.write(rows.joined(separator: "\n"), to: dir.appendingPathComponent("events.csv"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c", "set -o pipefail; '\(CLI.binary.path)' events.csv --format csv | head -c 1 >/dev/null",
        ]
        process.currentDirectoryURL = dir
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(err.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }

    @Test func theGateCannotGoGreenOnNothing() throws {
        let dir = try CLI.temporaryDirectory()
        try CLI.write(Fixtures.events, to: dir.appendingPathComponent("events.csv"))
        // A window after the export: nothing judged, so --fail-under fails, naming the newest ticket.
        let stale = try CLI.run(["events.csv", "--since", "2017-01-01", "--fail-under", "90", "--out", "out"], in: dir)
        #expect(stale.status == 1)
        #expect(
            stale.stderr.contains(
                "slareport: SLA gate failed: no ticket was judged in the window; the newest ticket in the inputs is "
                    + "T1, created 2016-11-22 12:00 UTC"))
        let report = try String(contentsOf: dir.appendingPathComponent("out/sla-report.md"), encoding: .utf8)
        #expect(report.contains("## Warnings\n\n- ⚠️ SLA gate: no ticket was judged in the window;"))
        // Without a gate the same window is an empty report, exit 0.
        #expect(try CLI.run(["events.csv", "--since", "2017-01-01"], in: dir).status == 0)
        // Backwards: a usage error.
        let backwards = try CLI.run(["events.csv", "--since", "2016-12-01", "--until", "2016-11-01"], in: dir)
        #expect(backwards.status == 64)
        #expect(backwards.stderr.contains("--since 2016-12-01 00:00 UTC is after --until 2016-11-01 00:00 UTC"))
        #expect(backwards.stdout.isEmpty)
    }

    @Test func warningsGoToStderrAndTheReport() throws {
        let dir = try CLI.temporaryDirectory()
        // A forum export alone: nobody is known to be on the team.
        let topic =
            #"{"id": 9, "title": "Help", "post_stream": {"posts": ["#
            + #"{"post_number": 1, "username": "a", "created_at": "2016-11-14T10:00:00Z"},"#
            + #"{"post_number": 2, "username": "b", "created_at": "2016-11-14T11:00:00Z"}]}}"#
        try CLI.write(topic + "\n", to: dir.appendingPathComponent("topics.ndjson"))
        let run = try CLI.run(["topics.ndjson", "--as-of", "2016-11-30T00:00:00Z"], in: dir)
        #expect(run.status == 0)
        let warning =
            "GitLab Forum: 1 ticket, nobody known to be on the team — list your team in the policy's `agents`"
        #expect(run.stderr.contains("slareport: warning: " + warning))
        #expect(run.stdout.contains("- ⚠️ GitLab Forum: 1 ticket, nobody known to be on the team"))
        #expect(try CLI.run(["topics.ndjson", "--quiet"], in: dir).stderr.isEmpty)
        #expect(run.stdout.contains("- **As of:** 2016-11-30 00:00 UTC\n"))
    }
}
