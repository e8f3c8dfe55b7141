import Foundation
import Testing

/// The Python consumers of the CI formats (junitparser, an XML schema, prometheus_client, PyYAML), installed
/// by `.ci/run` into a virtual environment. Without it these tests are skipped, unless
/// `SLAREPORT_REQUIRE_CONSUMERS=1` (as `.ci/run` sets) makes its absence a failure.
enum Consumers {
    static let modules = "import junitparser, xmlschema, prometheus_client, yaml"

    /// The venv's Python when it has the modules: `$SLAREPORT_CONSUMERS_PYTHON`, else the path `.ci/run` uses.
    static let python: String? = {
        let environment = ProcessInfo.processInfo.environment
        let path = environment["SLAREPORT_CONSUMERS_PYTHON"] ?? "/tmp/slareport-consumers-venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: path),
            let check = try? Consumers.run(path, ["-c", modules]), check.status == 0
        else { return nil }
        return path
    }()

    static let required = ProcessInfo.processInfo.environment["SLAREPORT_REQUIRE_CONSUMERS"] == "1"

    static var enabled: Bool { python != nil || required }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs `Tests/Consumers/SCRIPT` with the venv's Python.
    static func check(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let python = try #require(python, "the consumers' Python venv is missing (.ci/run installs it)")
        let path = CLI.packageRoot.appendingPathComponent("Tests/Consumers/\(script)").path
        return try run(python, [path] + arguments)
    }
}

@Suite(.enabled(if: Consumers.enabled, "no Python venv with junitparser and prometheus_client (.ci/run makes it)"))
struct ConsumerTests {
    /// The sample report's JUnit and metrics files, read by the real consumers, agree with what the JSON
    /// report, the per-ticket CSV and the policy say independently of the two renderers.
    @Test func sampleReportAsCIReadsIt() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run([
            "SampleData", "--out", dir.path, "-f", "json,csv,junit,metrics", "--fail-under", "85", "--quiet",
        ])
        #expect(run.status == 1, "some sample channels are below 85 %: \(run.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("sla-report.json")))
                as? [String: Any])
        let policyRun = try CLI.run(["policy"])
        let policy = try #require(try JSONSerialization.jsonObject(with: policyRun.stdoutBytes) as? [String: Any])
        let byPriority = Dictionary(
            uniqueKeysWithValues: ((policy["channels"] as? [[String: Any]]) ?? []).map {
                ($0["key"] as? String ?? "", ($0["by_priority"] as? [String: Any]).map { Array($0.keys) } ?? [])
            })
        let csv = CSVTable(
            try String(contentsOf: dir.appendingPathComponent("sla-report-tickets.csv"), encoding: .utf8))

        // Expected cases: every channel with a target, then its priorities (urgent, high, normal, low order).
        var expected: (tests: Int, failing: [String], skipped: Int) = (0, [], 0)
        var expectations: [[String]] = []
        func hundredths(_ achieved: Int, _ judged: Int) -> Int { (achieved * 20_000 + judged) / (2 * judged) }
        for channel in (report["channels"] as? [[String: Any]]) ?? [] {
            let key = try #require(channel["channel"] as? String)
            let reply = try #require(channel["first_reply"] as? [String: Any])
            expectations.append(["slareport_tickets", key, "\(channel["tickets"] as? Int ?? -1)"])
            guard reply["target"] is String else { continue }
            // judged = achieved + breached + early (SPEC §4)
            let judged = ["achieved", "breached", "early"].reduce(0) { $0 + ((reply[$1] as? Int) ?? 0) }
            expected.tests += 1
            if judged == 0 { expected.skipped += 1 }
            if let attainment = reply["attainment"] as? Double, attainment < 85 {
                expected.failing.append("slareport.\(key)/first reply")
            }
            expectations.append(["slareport_judged", key, "\(judged)"])
            expectations.append(["slareport_breached", key, "\(reply["breached"] as? Int ?? -1)"])
            if let attainment = reply["attainment"] as? Double {
                expectations.append(["slareport_attainment_percent", key, "\(attainment)"])
            }
            if let p50 = (reply["calendar_seconds"] as? [String: Any])?["p50"] as? Int {
                expectations.append(["slareport_frt_seconds:0.5", key, "\(p50)"])
                expectations.append(["slareport_frt_seconds_count", key, "\(reply["replied"] as? Int ?? -1)"])
            }
            let order = ["urgent", "high", "normal", "low"]
            let priorities = (byPriority[key] ?? []).sorted {
                (order.firstIndex(of: $0) ?? 9, $0) < (order.firstIndex(of: $1) ?? 9, $1)
            }
            for priority in priorities {
                let rows = csv.rows.filter { csv.value($0, "channel") == key && csv.value($0, "priority") == priority }
                let outcomes = rows.map { csv.value($0, "outcome") }
                let achieved = outcomes.filter { $0 == "achieved" }.count
                let judged = outcomes.filter { ["achieved", "breached", "early"].contains($0) }.count
                expected.tests += 1
                if judged == 0 {
                    expected.skipped += 1
                } else if hundredths(achieved, judged) < 8500 {
                    expected.failing.append("slareport.\(key)/first reply [\(priority)]")
                }
            }
        }
        expected.tests += 1  // the window case: --fail-under is set, and tickets were judged (it passes)
        #expect(expected.failing.contains { $0.hasSuffix("]") }, "the sample should fail some priority")

        let junit = try Consumers.check(
            "check_junit.py",
            [
                dir.appendingPathComponent("sla-report-junit.xml").path, "--tests", "\(expected.tests)",
                "--failures", "\(expected.failing.count)", "--skipped", "\(expected.skipped)", "--failing",
            ] + expected.failing)
        #expect(junit.status == 0, "\(junit.output)")
        #expect(junit.output.contains("schema valid"))

        let metrics = try Consumers.check(
            "check_metrics.py",
            [dir.appendingPathComponent("sla-report-metrics.txt").path] + expectations.flatMap { ["--expect"] + $0 })
        #expect(metrics.status == 0, "\(metrics.output)")
    }

    /// The Zendesk-level sample: a JUnit case per requester-wait, agent-work and periodic-update target (failed
    /// below the metric's goal, skipped when nothing was judged) beside the first-reply ones, and the
    /// `slareport_metric_*` families labelled by metric, as the JSON report's figures say.
    @Test func statusMetricsAsCIReadsThem() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run([
            "SampleData", "--policy", "SampleData/zendesk-level.policy.json", "--out", dir.path, "-f",
            "json,junit,metrics", "--quiet",
        ])
        #expect(run.status == 1, "the sample misses goals: \(run.stderr)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("sla-report.json")))
                as? [String: Any])
        var failing: [String] = []
        var expectations: [[String]] = []
        for channel in (report["channels"] as? [[String: Any]]) ?? [] {
            let key = try #require(channel["channel"] as? String)
            for metric in ["requester_wait", "agent_work", "periodic_update"] {
                guard let figures = channel[metric] as? [String: Any] else { continue }
                let name = metric.replacingOccurrences(of: "_", with: " ")
                let judged = try #require(figures["judged"] as? Int)
                // judged = achieved + breached (SPEC §4)
                #expect(judged == (figures["achieved"] as? Int ?? -1) + (figures["breached"] as? Int ?? -1))
                if judged == 0 { failing.append("skipped slareport.\(key)/\(name)") }
                if let goal = figures["goal"] as? Double, let attainment = figures["attainment"] as? Double,
                    attainment < goal
                {
                    failing.append("slareport.\(key)/\(name)")
                }
                expectations.append(["slareport_metric_judged", "\(key)/\(metric)", "\(judged)"])
                expectations.append([
                    "slareport_metric_breached", "\(key)/\(metric)", "\(figures["breached"] as? Int ?? -1)",
                ])
                if let attainment = figures["attainment"] as? Double {
                    expectations.append(["slareport_metric_attainment_percent", "\(key)/\(metric)", "\(attainment)"])
                }
                if let p50 = (figures["calendar_seconds"] as? [String: Any])?["p50"] as? Int {
                    expectations.append(["slareport_metric_seconds:0.5", "\(key)/\(metric)", "\(p50)"])
                    expectations.append([
                        "slareport_metric_seconds_count", "\(key)/\(metric)", "\(figures["measured"] as? Int ?? -1)",
                    ])
                }
            }
        }
        #expect(failing.contains("slareport.email/agent work"))
        #expect(failing.contains("slareport.twitter/requester wait"))
        #expect(expectations.count > 20)
        let junit = try Consumers.check(
            "check_junit.py", [dir.appendingPathComponent("sla-report-junit.xml").path])
        #expect(junit.status == 0, "\(junit.output)")
        #expect(junit.output.contains("schema valid"))
        let xml = try String(contentsOf: dir.appendingPathComponent("sla-report-junit.xml"), encoding: .utf8)
        // Each metric case fails exactly when the JSON says the metric is below its goal (skipped when nothing
        // was judged, passed otherwise).
        for channel in (report["channels"] as? [[String: Any]]) ?? [] {
            let key = channel["channel"] as? String ?? ""
            for metric in ["requester_wait", "agent_work", "periodic_update"] where channel[metric] is [String: Any] {
                let name = metric.replacingOccurrences(of: "_", with: " ")
                let head = "<testcase classname=\"slareport.\(key)\" name=\"\(name)\" time=\"0\">\n      <"
                let result =
                    failing.contains("slareport.\(key)/\(name)")
                    ? "failure" : (failing.contains("skipped slareport.\(key)/\(name)") ? "skipped" : "system-out")
                #expect(xml.contains(head + result), "slareport.\(key)/\(name) should be \(result)")
            }
        }
        let metrics = try Consumers.check(
            "check_metrics.py",
            [dir.appendingPathComponent("sla-report-metrics.txt").path] + expectations.flatMap { ["--expect"] + $0 })
        #expect(metrics.status == 0, "\(metrics.output)")
    }

    /// The consumers see no failure where the renderer's figures say none, and reject a broken file (so a
    /// green check means something).
    @Test func consumersRejectBrokenFiles() throws {
        let dir = try CLI.temporaryDirectory()
        let bad = dir.appendingPathComponent("bad-junit.xml")
        try CLI.write(
            "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"x\"><skipped message=\"m\"/></testcase>"
                + "</testsuite></testsuites>", to: bad)
        #expect(try Consumers.check("check_junit.py", [bad.path]).status != 0)
        let metrics = dir.appendingPathComponent("bad-metrics.txt")
        try CLI.write("# TYPE slareport_tickets gauge\nslareport_tickets{channel=\"a\"} 1\n", to: metrics)
        #expect(try Consumers.check("check_metrics.py", [metrics.path]).status != 0, "no # EOF")
    }

    /// Hostile strings in ids and channel keys survive both parsers.
    @Test func hostileInputStillParses() throws {
        let dir = try CLI.temporaryDirectory()
        let rows = [
            Fixtures.header,
            "\"<x a=\"\"b\"\">\",\"e\"\"m\u{1B}[2Jail\\x\",created,2016-11-21T09:00:00Z,eve,\"]]>&\",",
            "\"<x a=\"\"b\"\">\",,reply,2016-11-21T12:00:00Z,ann,,",
        ]
        try CLI.write(
            (Fixtures.rows + rows.dropFirst()).reduce(Fixtures.header) { $0 + "\n" + $1 } + "\n",
            to: dir.appendingPathComponent("events.csv"))
        let run = try CLI.run(["events.csv", "--out", "r", "-f", "junit,metrics", "--quiet"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let junit = try Consumers.check("check_junit.py", [dir.appendingPathComponent("r/sla-report-junit.xml").path])
        #expect(junit.status == 0, "\(junit.output)")
        let metrics = try Consumers.check(
            "check_metrics.py",
            [
                dir.appendingPathComponent("r/sla-report-metrics.txt").path, "--expect", "slareport_tickets",
                "e\"m[2jail\\x", "1",
            ])
        #expect(metrics.status == 0, "\(metrics.output)")
    }
}

/// A CSV file read by the rules the per-ticket CSV is written with (RFC 4180 quoting, LF records).
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(_ text: String) {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append(c)
                        chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    func value(_ row: [String], _ column: String) -> String {
        guard let index = header.firstIndex(of: column), index < row.count else { return "" }
        return row[index]
    }
}
