/// Writes the JUnit XML report (`PREFIX-junit.xml`, SPEC §5) for the test-report views of GitLab, GitHub
/// and Jenkins: the SLA as tests.
///
/// - one `<testsuite>` for the report (inside a `<testsuites>` root), its `<properties>` naming the policy,
///   window, as-of and threshold;
/// - one `<testcase>` per channel with a first-reply target (`classname` `slareport.CHANNEL`, `name`
///   `first reply`), and one per priority its `by_priority` names (`first reply [urgent]`): names stay the
///   same from run to run, so CI views can follow a case over time;
/// - a case **fails** (`<failure>`) when its attainment is below the channel's `goal` or `--fail-under`, with
///   the figures in the message; it is **skipped** (`<skipped>`) when nothing was judged; its figures are
///   in `<system-out>` either way;
/// - one case per requester-wait, agent-work and periodic-update target of a channel (`requester wait`,
///   `agent work`, `periodic update`), after its first-reply cases: failed below that metric's goal
///   (`--fail-under` gates first replies only), skipped when nothing was judged;
/// - with a gate (a `goal` or `--fail-under`), one more case, `tickets judged`, fails when no channel with
///   a target judged any ticket: a CI job must not go green on an empty or stale export (SPEC §1).
///
/// The document keeps to what the common JUnit schemas (Ant's, Jenkins' `junit-10.xsd`, JUnit 5's
/// `jenkins-junit.xsd`) all accept: `<skipped>` without attributes, children in schema order, `time="0"`
/// (no wall clock: the file is deterministic) and a `timestamp` of the as-of without a zone (UTC). Every
/// string goes through ``Escape/xml(_:)``.
public enum JUnitRenderer {
    /// The whole document.
    public static func render(_ model: ReportModel) -> String {
        let cases = testCases(model)
        let failures = cases.filter { if case .failed = $0.result { return true } else { return false } }.count
        let skipped = cases.filter { if case .skipped = $0.result { return true } else { return false } }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"slareport\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" time=\"0\">\n"
        let window = model.window.text
        out += "  <testsuite name=\"\(Escape.xml("SLA first replies: " + window))\" tests=\"\(cases.count)\""
        out += " failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" time=\"0\""
        out += " timestamp=\"\(model.window.asOf.rfc3339.dropLast())\">\n"
        out += "    <properties>\n"
        for (name, value) in properties(model) {
            out += "      <property name=\"\(Escape.xml(name))\" value=\"\(Escape.xml(value))\"/>\n"
        }
        out += "    </properties>\n"
        for testCase in cases { out += element(testCase) }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// One test case before it is written.
    struct TestCase: Equatable {
        enum Result: Equatable {
            case passed
            /// The failure's one-line message.
            case failed(String)
            /// Why nothing was judged.
            case skipped(String)
        }

        var classname: String
        var name: String
        var result: Result
        /// The figures, one per line.
        var output: [String]
    }

    /// The cases in report order: each channel with a target, then its priorities; the window case last.
    static func testCases(_ model: ReportModel) -> [TestCase] {
        var cases: [TestCase] = []
        var anyJudged = false
        var anyGoal = false
        for channel in model.channels {
            for metric in channel.statusMetrics {
                anyJudged = anyJudged || metric.judged > 0
                anyGoal = anyGoal || metric.goal != nil
            }
            guard channel.firstReply.target != nil else {
                cases += channel.statusMetrics.map { statusCase(channel, $0) }
                continue
            }
            let reply = channel.firstReply
            let judged = (reply.achieved ?? 0) + (reply.breached ?? 0) + (reply.early ?? 0)
            anyJudged = anyJudged || judged > 0
            anyGoal = anyGoal || reply.goal != nil
            let figures = Figures(
                target: reply.target, tickets: channel.tickets, judged: judged, achieved: reply.achieved ?? 0,
                breached: reply.breached ?? 0, openOverdue: reply.openOverdue ?? 0, pending: reply.pending ?? 0,
                early: reply.early ?? 0, attainment: reply.attainment, failsGate: channel.failsGate)
            var output = ["channel: \(channel.key) (\(channel.name))"] + figures.lines(goal: reply.goal, model: model)
            output.append(
                "first reply p50 / p90 / p95: \(DurationFormat.human(reply.calendar.p50)) / "
                    + "\(DurationFormat.human(reply.calendar.p90)) / \(DurationFormat.human(reply.calendar.p95))")
            cases.append(
                TestCase(
                    classname: "slareport.\(channel.key)", name: "first reply",
                    result: figures.result(label: "", goal: reply.goal, model: model), output: output))
            for priority in channel.byPriority where priority.target != nil {
                let figures = Figures(
                    target: priority.target, tickets: priority.tickets, judged: priority.judged,
                    achieved: priority.achieved, breached: priority.breached, openOverdue: priority.openOverdue,
                    pending: priority.pending, early: priority.early, attainment: priority.attainment,
                    failsGate: priority.failsGate)
                cases.append(
                    TestCase(
                        classname: "slareport.\(channel.key)", name: "first reply [\(priority.priority)]",
                        result: figures.result(label: "\(priority.priority): ", goal: reply.goal, model: model),
                        output: ["channel: \(channel.key) (\(channel.name)), priority \(priority.priority)"]
                            + figures.lines(goal: reply.goal, model: model)))
            }
            cases += channel.statusMetrics.map { statusCase(channel, $0) }
        }
        if model.failUnder != nil || anyGoal {
            cases.append(
                TestCase(
                    classname: "slareport", name: "tickets judged",
                    result: anyJudged
                        ? .passed
                        : .failed(
                            "no ticket was judged in the window (an empty or stale export?), and a gate is set"),
                    output: ["window: \(model.window.text)", "as of: \(model.window.asOf.rfc3339)"]))
        }
        return cases
    }

    /// The case of one channel's requester wait, agent work or periodic update: failed below the metric's goal,
    /// skipped when nothing was judged.
    static func statusCase(_ channel: ChannelSummary, _ metric: StatusMetricSummary) -> TestCase {
        let noun = metric.metric.judgedNoun + "s"
        let result: TestCase.Result
        if let attainment = metric.attainment, metric.judged > 0 {
            result =
                metric.failsGate
                ? .failed(
                    "\(metric.metric.label): \(attainment)% of \(metric.judged) judged \(noun) within \(metric.target)"
                        + (metric.goal.map { ", below the goal \($0)%" } ?? "")
                        + " (\(metric.breached) breached, \(metric.openOverdue) of them still open)")
                : .passed
        } else {
            result = .skipped("no \(metric.metric.judgedNoun) judged: \(metric.pending) pending")
        }
        var output = [
            "channel: \(channel.key) (\(channel.name)), \(metric.metric.label)",
            "target: \(metric.target)",
            "judged: \(metric.judged) (achieved \(metric.achieved), breached \(metric.breached)), measured: "
                + "\(metric.measured)",
            "open overdue: \(metric.openOverdue), pending: \(metric.pending)",
            "attainment: \(DurationFormat.percent(metric.attainment))"
                + (metric.goal.map { " (goal \($0)%)" } ?? ""),
        ]
        output.append(
            "p50 / p90 / p95: \(DurationFormat.human(metric.calendar.p50)) / "
                + "\(DurationFormat.human(metric.calendar.p90)) / \(DurationFormat.human(metric.calendar.p95))")
        return TestCase(
            classname: "slareport.\(channel.key)", name: metric.metric.label, result: result, output: output)
    }

    /// What a channel or a priority case reports.
    struct Figures {
        var target: String?
        var tickets: Int
        var judged: Int
        var achieved: Int
        var breached: Int
        var openOverdue: Int
        var pending: Int
        var early: Int
        var attainment: Percent?
        var failsGate: Bool

        func result(label: String, goal: Percent?, model: ReportModel) -> TestCase.Result {
            guard let attainment, judged > 0 else {
                return .skipped(
                    "no ticket judged: \(tickets) ticket\(tickets == 1 ? "" : "s") in the window, \(pending) pending")
            }
            guard failsGate else { return .passed }
            var below: [String] = []
            if let goal, attainment < goal { below.append("the goal \(goal)%") }
            if let threshold = model.failUnder, attainment < threshold { below.append("--fail-under \(threshold)%") }
            return .failed(
                "\(label)\(attainment)% of \(judged) judged tickets had a first reply within \(target ?? "the target")"
                    + (below.isEmpty ? "" : ", below " + below.joined(separator: " and "))
                    + " (\(breached) breached, \(openOverdue) of them unanswered)")
        }

        func lines(goal: Percent?, model: ReportModel) -> [String] {
            var thresholds: [String] = []
            if let goal { thresholds.append("goal \(goal)%") }
            if let threshold = model.failUnder { thresholds.append("--fail-under \(threshold)%") }
            return [
                "target: \(target ?? DurationFormat.none)",
                "tickets: \(tickets), judged: \(judged) (achieved \(achieved), breached \(breached), early \(early))",
                "open overdue: \(openOverdue), pending: \(pending)",
                "attainment: \(DurationFormat.percent(attainment))"
                    + (thresholds.isEmpty ? "" : " (" + thresholds.joined(separator: ", ") + ")"),
            ]
        }
    }

    static func properties(_ model: ReportModel) -> [(String, String)] {
        var list = [
            ("tool", "slareport \(model.toolVersion)"),
            ("policy", model.policy.name),
            ("policy_source", model.policy.source),
            ("window", model.window.text),
            ("as_of", model.window.asOf.rfc3339),
        ]
        if let since = model.window.since { list.append(("since", since.rfc3339)) }
        if let until = model.window.until { list.append(("until", until.rfc3339)) }
        if let failUnder = model.failUnder { list.append(("fail_under", failUnder.description)) }
        return list
    }

    static func element(_ testCase: TestCase) -> String {
        var out = "    <testcase classname=\"\(Escape.xml(testCase.classname))\" name=\"\(Escape.xml(testCase.name))\""
        out += " time=\"0\">\n"
        switch testCase.result {
        case .passed: break
        case .skipped(let reason):
            out += "      <skipped>\(Escape.xml(reason))</skipped>\n"
        case .failed(let message):
            out += "      <failure type=\"SLA\" message=\"\(Escape.xml(message))\">\(Escape.xml(message))</failure>\n"
        }
        out += "      <system-out>" + testCase.output.map(Escape.xml).joined(separator: "\n") + "</system-out>\n"
        out += "    </testcase>\n"
        return out
    }
}
