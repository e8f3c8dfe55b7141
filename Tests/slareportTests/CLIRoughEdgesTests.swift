import Foundation
import Testing

/// The rough edges of issue 10, each as the new user met it, end to end through the built binary.
@Suite struct CLIRoughEdgesTests {
    /// Bytes that must never reach a terminal: C0 controls but LF, DEL, C1 (as UTF-8) and bidi controls.
    static func controls(in data: Data) -> [UInt32] {
        String(decoding: data, as: UTF8.self).unicodeScalars.map(\.value).filter { v in
            (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)
        }
    }

    static func directory(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        for (name, text) in files { try CLI.write(text, to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test func anUnrecognisedFileAmongSeveralIsAWarningAndStrictMakesIt65() throws {
        let dir = try Self.directory(["events.csv": Fixtures.events, "people.csv": "name,age\nann,3\n"])
        let run = try CLI.run(["events.csv", "people.csv"], in: dir)
        #expect(run.status == 0)
        #expect(run.stderr.contains("people.csv: warning: unrecognised input format"))
        #expect(!run.stderr.contains("error"))
        #expect(run.stdout.hasPrefix("# "))
        // The report's own exit code stands: a failing gate is still 1.
        let gated = try CLI.run(["events.csv", "people.csv", "--fail-under", "90"], in: dir)
        #expect(gated.status == 1)
        let strict = try CLI.run(["events.csv", "people.csv", "--strict"], in: dir)
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("people.csv: error: unrecognised input format"))
        #expect(strict.stderr.contains("--strict: 1 of 2 inputs could not be read"))
        #expect(strict.stdout.isEmpty)
        let quiet = try CLI.run(["events.csv", "people.csv", "--quiet"], in: dir)
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
    }

    @Test func inputTextReachesTheTerminalWithoutControlCharacters() throws {
        let dir = try Self.directory(["events.csv": Fixtures.events, "screen.csv": "\u{1B}[2Jname,\u{7}age\nann,3\n"])
        try Data([0, 1, 2, 0x62, 0x69, 0x6E, 0, 0, 0x0A, 0x9B, 0xFF]).write(to: dir.appendingPathComponent("blob.csv"))
        let run = try CLI.run(["events.csv", "screen.csv", "blob.csv"], in: dir)
        #expect(run.status == 0)
        let stderr = Data(run.stderr.utf8)
        #expect(Self.controls(in: stderr).isEmpty, "control characters on stderr: \(Self.controls(in: stderr))")
        #expect(
            run.stderr.contains(
                "screen.csv: warning: unrecognised input format: found a CSV header with columns [2Jname, age"))
        #expect(run.stderr.contains("blob.csv: warning: unrecognised input format: found binary data"))
        // The same through `check`, whose summary echoes the reasons on stdout.
        let check = try CLI.run(["check", "events.csv", "screen.csv", "blob.csv"], in: dir)
        #expect(Self.controls(in: check.stdoutBytes).isEmpty)
        #expect(check.stdout.contains("not read: screen.csv"))
    }

    @Test func everyFormatOnStdoutIsFreeOfControlCharacters() throws {
        // Control characters in a ticket id, an actor, a channel key and a subject.
        let rows = [
            Fixtures.header,
            "\u{1B}[2JE9\u{0},email,created,2016-11-21T09:00:00Z,\u{202E}eve,\"sub\u{7}ject\",",
            "\u{1B}[2JE9\u{0},,reply,2016-11-21T09:30:00Z,ann\u{1B}[31m,,",
            "Z1,\u{1B}[1mweird\u{9B},created,2016-11-21T10:00:00Z,zed,x,",
        ]
        let dir = try Self.directory(["events.csv": rows.joined(separator: "\n") + "\n"])
        for format in ["md", "html", "json", "csv", "junit", "metrics"] {
            let run = try CLI.run(["events.csv", "-f", format], in: dir)
            #expect(run.status == 0, "\(format): \(run.stderr)")
            let found = Self.controls(in: run.stdoutBytes).filter { format == "html" ? $0 != 0x09 : true }
            #expect(found.isEmpty, "-f \(format) writes control characters \(found)")
            #expect(Self.controls(in: Data(run.stderr.utf8)).isEmpty)
        }
        let csv = try CLI.run(["events.csv", "-f", "csv"], in: dir)
        #expect(csv.stdout.contains("\n[2JE9,email,"))
        // JSON keeps the value, escaped.
        let json = try CLI.run(["events.csv", "-f", "json"], in: dir)
        #expect(json.stdout.contains(#"\u001b[1mweird\u009b"#))
    }

    @Test func anEmptyFileGetsAShortMessage() throws {
        let dir = try Self.directory(["empty.csv": "", "blank.json": "  \n\n"])
        let run = try CLI.run(["empty.csv"], in: dir)
        #expect(run.status == 65)
        #expect(
            run.stderr
                == "empty.csv: error: empty file (no header, no records)\nerror: nothing to report: the input could not be read\n"
        )
        let two = try CLI.run(["empty.csv", "blank.json"], in: dir)
        #expect(two.status == 65)
        #expect(two.stderr.split(separator: "\n").count == 3)
    }

    @Test func noArgumentsPrintOneUsageHint() throws {
        let run = try CLI.run([])
        #expect(run.status == 64)
        let lines = run.stderr.split(separator: "\n")
        #expect(
            lines == [
                "error: no input given (a file, a directory, or - for standard input)",
                "Usage: slareport [report] [OPTIONS] INPUT...   (slareport --help for more)",
            ])
        #expect(run.stdout.isEmpty)
        // Every usage error ends with exactly one hint, naming the subcommand.
        let generate = try CLI.run(["generate", "--tickts", "5"])
        #expect(generate.status == 64)
        #expect(generate.stderr.components(separatedBy: "Usage:").count == 2)
        #expect(generate.stderr.contains("did you mean '--tickets'?"))
        #expect(generate.stderr.contains("(slareport generate --help for more)"))
    }

    @Test func policyWithAnExtraArgumentAndVersionWithAnOptionAreUsageErrors() throws {
        let policy = try CLI.run(["policy", "extra"])
        #expect(policy.status == 64)
        #expect(policy.stderr.hasPrefix("error: 'policy' takes no arguments, but was given 'extra'\n"))
        #expect(!policy.stderr.contains("cannot open"))
        let version = try CLI.run(["--version", "--foo"])
        #expect(version.status == 64)
        #expect(version.stdout.isEmpty)
        #expect(try CLI.run(["--version"]).status == 0)
    }

    @Test func formatPdfSuggestsNothing() throws {
        let run = try CLI.run(["x.csv", "-f", "pdf"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown format 'pdf' (choose from md, html, json, csv, junit, metrics)"))
        #expect(!run.stderr.contains("did you mean"))
        #expect(try CLI.run(["x.csv", "-f", "jsno"]).stderr.contains("did you mean 'json'?"))
    }

    @Test func asOfHelpDoesNotOfferASpan() throws {
        let run = try CLI.run(["x.csv", "--as-of", "tomorrow"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--as-of: 'tomorrow' is not a date (2016-11-14), an RFC 3339 date-time"))
        #expect(!run.stderr.contains("span"))
    }

    @Test func outOntoAnExistingFileSaysSo() throws {
        let dir = try Self.directory(["events.csv": Fixtures.events, "taken": "x"])
        let run = try CLI.run(["events.csv", "--out", "taken"], in: dir)
        #expect(run.status == 73)
        #expect(run.stderr == "error: cannot write taken: --out names an existing file, not a directory\n")
        #expect(try String(contentsOf: dir.appendingPathComponent("taken"), encoding: .utf8) == "x")
    }

    @Test func outListsTheFilesWritten() throws {
        let dir = try Self.directory(["events.csv": Fixtures.events])
        let run = try CLI.run(["events.csv", "--out", "r", "-f", "md,junit,metrics", "--name", "w47"], in: dir)
        #expect(run.status == 0)
        #expect(
            run.stderr
                == "slareport: wrote r/w47.md\nslareport: wrote r/w47-junit.xml\nslareport: wrote r/w47-metrics.txt\n")
        for name in ["w47.md", "w47-junit.xml", "w47-metrics.txt"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r/\(name)").path))
        }
        let quiet = try CLI.run(["events.csv", "--out", "r2", "--quiet"], in: dir)
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
        // The default set with --out stays the four report formats.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("r2").path).sorted()
        #expect(files == ["sla-report-tickets.csv", "sla-report.html", "sla-report.json", "sla-report.md"])
    }

    @Test func theGateMessageGivesEachFailingChannelsFigures() throws {
        let dir = try Self.directory(["events.csv": Fixtures.events])
        let run = try CLI.run(["events.csv", "--fail-under", "90"], in: dir)
        #expect(run.status == 1)
        // E2 is late (a reply five days after a Friday 16:00 creation): email is 50 %, twitter 100 %.
        #expect(
            run.stderr.hasSuffix(
                "slareport: SLA gate failed for 1 channel:\n  email: 50% of 2 judged, below --fail-under 90%\n"))
        let policy =
            #"{"channels": [{"key": "email", "first_reply": "1 business day", "goal": 75}, {"key": "twitter", "first_reply": "1 business day"}]}"#
        try CLI.write(policy, to: dir.appendingPathComponent("goal.policy.json"))
        let goal = try CLI.run(["events.csv", "--policy", "goal.policy.json"], in: dir)
        #expect(goal.status == 1)
        #expect(goal.stderr.contains("  email: 50% of 2 judged, below the goal 75%\n"))
    }

    @Test func aSymbolicLinkToADirectoryIsWalked() throws {
        let dir = try Self.directory([:])
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        try CLI.write(Fixtures.events, to: dir.appendingPathComponent("data/events.csv"))
        try FileManager.default.createSymbolicLink(
            at: dir.appendingPathComponent("exports"), withDestinationURL: dir.appendingPathComponent("data"))
        for input in ["exports", "exports/"] {
            let run = try CLI.run(["check", input], in: dir)
            #expect(run.status == 0, "\(input): \(run.stderr)")
            #expect(run.stdout.contains("events.csv"))
        }
    }

    @Test func everySubcommandHelpIsItsOwn() throws {
        let main = try CLI.run(["--help"])
        for name in ["report", "check", "policy", "generate"] {
            let run = try CLI.run([name, "--help"])
            #expect(run.status == 0)
            #expect(run.stdout.hasPrefix("slareport \(name) — "))
            #expect(run.stdout != main.stdout)
        }
        let generate = try CLI.run(["generate", "-h"])
        #expect(generate.stdout.contains("--tickets N"))
        #expect(generate.stdout.contains("--first-ticket N"))
    }
}
