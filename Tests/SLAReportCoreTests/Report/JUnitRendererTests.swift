import Foundation
import Testing

@testable import SLAReportCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The JUnit report read back with Foundation's XML parser: its structure, counts and escaping. (The CI
/// consumers, junitparser and an XML schema, read it in `slareportTests/ConsumerTests`.)
@Suite struct JUnitRendererTests {
    struct Case: Equatable {
        var classname: String
        var name: String
        var failure: String?
        var skipped: String?
        var output: String
    }

    static func parse(_ text: String) throws -> (root: XMLElement, suite: XMLElement, cases: [Case]) {
        let document = try XMLDocument(data: Data(text.utf8), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 1)
        let suite = try #require(suites.first)
        let cases = suite.elements(forName: "testcase").map { element in
            Case(
                classname: element.attribute(forName: "classname")?.stringValue ?? "",
                name: element.attribute(forName: "name")?.stringValue ?? "",
                failure: element.elements(forName: "failure").first?.attribute(forName: "message")?.stringValue,
                skipped: element.elements(forName: "skipped").first?.stringValue,
                output: element.elements(forName: "system-out").first?.stringValue ?? "")
        }
        return (root, suite, cases)
    }

    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    @Test func oneCasePerChannelWithATargetFailedBelowItsGoal() throws {
        let (root, suite, cases) = try Self.parse(JUnitRenderer.render(ReportSamples.tiny))
        // Channel t has a target and 50 % against a goal of 90 %; x has no target: no case. The goal makes a
        // gate, so the window case is there, and passes (t judged two tickets).
        #expect(cases.map { "\($0.classname)/\($0.name)" } == ["slareport.t/first reply", "slareport/tickets judged"])
        let t = cases[0]
        #expect(
            t.failure == "50% of 2 judged tickets had a first reply within 1 business day, below the goal 90% "
                + "(1 breached, 0 of them unanswered)")
        #expect(t.skipped == nil)
        #expect(t.output.contains("tickets: 3, judged: 2 (achieved 1, breached 1, early 0)"))
        #expect(t.output.contains("attainment: 50% (goal 90%)"))
        #expect(cases[1].failure == nil && cases[1].skipped == nil)
        for element in [root, suite] {
            #expect(Self.attribute(element, "tests") == "2")
            #expect(Self.attribute(element, "failures") == "1")
            #expect(Self.attribute(element, "errors") == "0")
        }
        #expect(Self.attribute(suite, "skipped") == "0")
        #expect(Self.attribute(suite, "timestamp") == "2016-11-21T00:00:00")
        #expect(Self.attribute(suite, "name") == "SLA first replies: all data")
        let properties = suite.elements(forName: "properties").first?.elements(forName: "property") ?? []
        let pairs = properties.map { (Self.attribute($0, "name") ?? "", Self.attribute($0, "value") ?? "") }
        // The policy name's control character is gone; its quotes survive as text.
        #expect(pairs.contains { $0 == ("policy", "P \"q\"") })
        #expect(pairs.contains { $0 == ("as_of", "2016-11-21T00:00:00Z") })
        #expect(!pairs.contains { $0.0 == "fail_under" })
    }

    @Test func priorityCasesFollowTheirChannelAndSkipWhenNothingWasJudged() throws {
        var model = ReportSamples.tiny
        model.failUnder = Percent(value: 80)
        model.channels[0].byPriority = [
            PriorityAttainment(
                priority: "urgent", target: "30 minutes", tickets: 1, achieved: 0, breached: 0, openOverdue: 0,
                pending: 1, early: 0, attainment: nil, failsGate: false),
            PriorityAttainment(
                priority: "high", target: "8 business hours", tickets: 5, achieved: 4, breached: 1, openOverdue: 1,
                pending: 0, early: 0, attainment: Percent(4, of: 5), failsGate: false),
            PriorityAttainment(
                priority: "normal", target: "12 business hours", tickets: 4, achieved: 3, breached: 1,
                openOverdue: 0, pending: 0, early: 0, attainment: Percent(3, of: 4), failsGate: true),
        ]
        let (_, suite, cases) = try Self.parse(JUnitRenderer.render(model))
        #expect(
            cases.map(\.name) == [
                "first reply", "first reply [urgent]", "first reply [high]", "first reply [normal]", "tickets judged",
            ])
        #expect(cases[1].skipped == "no ticket judged: 1 ticket in the window, 1 pending")
        #expect(cases[1].failure == nil)
        #expect(cases[2].failure == nil && cases[2].skipped == nil)
        #expect(
            cases[3].failure
                == "normal: 75% of 4 judged tickets had a first reply within 12 business hours, below the goal 90% "
                + "and --fail-under 80% (1 breached, 0 of them unanswered)")
        #expect(cases[0].failure?.contains("below the goal 90% and --fail-under 80%") == true)
        #expect(Self.attribute(suite, "failures") == "2")
        #expect(Self.attribute(suite, "skipped") == "1")
        let properties = suite.elements(forName: "properties").first?.elements(forName: "property") ?? []
        #expect(
            properties.contains { Self.attribute($0, "name") == "fail_under" && Self.attribute($0, "value") == "80" })
    }

    @Test func anEmptyWindowFailsTheGateCase() throws {
        var model = ReportSamples.tiny
        model.failUnder = Percent(value: 90)
        model.channels[0].firstReply.achieved = 0
        model.channels[0].firstReply.breached = 0
        model.channels[0].firstReply.attainment = nil
        model.channels[0].failsGate = false
        let (_, _, cases) = try Self.parse(JUnitRenderer.render(model))
        #expect(cases[0].skipped != nil)
        #expect(cases[1].name == "tickets judged")
        #expect(cases[1].failure?.hasPrefix("no ticket was judged in the window") == true)
        // Without a goal or --fail-under there is no gate, and no window case.
        model.failUnder = nil
        model.channels[0].firstReply.goal = nil
        model.channels[1].firstReply.goal = nil
        #expect(try Self.parse(JUnitRenderer.render(model)).cases.map(\.name) == ["first reply"])
    }

    @Test func hostileChannelKeysStayText() throws {
        var model = ReportSamples.tiny
        for (index, key) in ReportSamples.hostile.enumerated() {
            var channel = model.channels[0]
            channel.key = key + "\u{1B}[2J\u{0}"
            channel.name = key
            channel.firstReply.attainment = Percent(hundredths: 9000 + index)
            channel.failsGate = false
            model.channels.append(channel)
        }
        let text = JUnitRenderer.render(model)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let (_, _, cases) = try Self.parse(text)
        let classnames = cases.map(\.classname)
        for key in ReportSamples.hostile {
            #expect(classnames.contains("slareport." + Escape.plainText(key) + "[2J"), "\(key)")
        }
        #expect(cases.count == 2 + ReportSamples.hostile.count)
    }

    @Test func theSampleModelParsesAndIsDeterministic() throws {
        let text = JUnitRenderer.render(ReportSamples.sample)
        #expect(text == JUnitRenderer.render(ReportSamples.sample))
        let (_, suite, cases) = try Self.parse(text)
        // emergency, twitter and forum have targets; the hostile unknown channel has none; the goal of
        // twitter adds the window case.
        #expect(cases.map(\.classname) == ["slareport.emergency", "slareport.twitter", "slareport.forum", "slareport"])
        #expect(cases.filter { $0.failure != nil }.map(\.classname) == ["slareport.twitter"])
        #expect(Self.attribute(suite, "tests") == "4")
    }
}
