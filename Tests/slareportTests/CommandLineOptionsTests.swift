import Testing

@testable import SLAReportCore
@testable import slareport

/// The declarative option table: parsing, per-subcommand help and hints, without running the binary.
@Suite struct CommandLineOptionsTests {
    func usage(_ arguments: [String]) -> String? {
        do {
            _ = try CommandLineOptions.parse(arguments)
            return nil
        } catch {
            guard case .usage(let message) = error else { return "not a usage error: \(error)" }
            return message
        }
    }

    @Test func reportOptionsParseFromTheTable() throws {
        let command = try CommandLineOptions.parse([
            "exports/", "--since=7d", "--channel", "twitter,Facebook", "--channel", "email", "-f", "junit", "-q",
            "--fail-under", "90%", "--", "--odd-file-name",
        ])
        guard case .report(let o, let checkOnly) = command else {
            Issue.record("not a report: \(command)")
            return
        }
        #expect(!checkOnly)
        #expect(o.inputs == ["exports/", "--odd-file-name"])
        #expect(o.since == .back(seconds: 7 * 86_400))
        #expect(o.channels == ["twitter", "facebook", "email"])
        #expect(o.formats == [.junit])
        #expect(o.quiet)
        #expect(o.failUnder == 90)
    }

    @Test func everySubcommandHasItsOwnHelp() throws {
        for subcommand in CommandLineOptions.subcommands {
            guard case .help(let text) = try CommandLineOptions.parse([subcommand.name, "--help"]) else {
                Issue.record("\(subcommand.name) --help is not help")
                continue
            }
            #expect(text.hasPrefix("slareport \(subcommand.name) — "))
            #expect(text.contains("USAGE\n  \(subcommand.usageLine)\n"))
            // Every option of the table is documented in that subcommand's help, and nothing else is.
            for name in subcommand.optionNames { #expect(text.contains(name), "\(subcommand.name): \(name)") }
            #expect(text != Usage.text)
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(subcommand.name) help too wide")
        }
        guard case .help(let generate) = try CommandLineOptions.parse(["help", "generate"]) else {
            Issue.record("help generate")
            return
        }
        for option in ["--tickets N", "--seed S", "--format events|tickets", "--profile", "--start DATE", "--days N"] {
            #expect(generate.contains(option))
        }
        #expect(!generate.contains("--fail-under"))
        guard case .help(let check) = try CommandLineOptions.parse(["check", "-h"]) else { return }
        #expect(!check.contains("--out"), "check writes no report: no --out in its help")
    }

    @Test func optionsOfAnotherSubcommandAreUnknown() {
        #expect(usage(["check", "x.csv", "--out", "o"])?.hasPrefix("unknown option '--out' for 'check'") == true)
        #expect(usage(["generate", "--tickets", "5", "--fail-under", "3"])?.contains("for 'generate'") == true)
    }

    @Test func suggestionsOnlyAboveTheThreshold() {
        #expect(Suggestion.best(for: "pdf", among: CommandLineOptions.reportFormatNames) == nil)
        #expect(Suggestion.best(for: "xml", among: CommandLineOptions.reportFormatNames) == nil)
        #expect(Suggestion.best(for: "jsno", among: CommandLineOptions.reportFormatNames) == "json")
        #expect(Suggestion.best(for: "htm", among: CommandLineOptions.reportFormatNames) == "html")
        #expect(Suggestion.best(for: "junti", among: CommandLineOptions.reportFormatNames) == "junit")
        #expect(Suggestion.best(for: "--sinse", among: CommandLineOptions.report.optionNames) == "--since")
        #expect(Suggestion.best(for: "-x", among: CommandLineOptions.report.optionNames) == nil)
        #expect(Suggestion.best(for: "chek", among: CommandLineOptions.subcommands.map(\.name)) == "check")
        #expect(Suggestion.best(for: "exports", among: CommandLineOptions.subcommands.map(\.name)) == nil)
        #expect(Suggestion.distance(Array("ab".utf8), Array("ba".utf8)) == 1)
        #expect(Suggestion.distance(Array("".utf8), Array("abc".utf8)) == 3)
        #expect(usage(["x.csv", "-f", "pdf"]).map { !$0.contains("did you mean") } == true)
        #expect(usage(["x.csv", "-f", "jsno"])?.contains("did you mean 'json'?") == true)
    }

    @Test func asOfDoesNotOfferASpanBackFromItself() throws {
        let message = try #require(usage(["x.csv", "--as-of", "tomorrow"]))
        #expect(message.contains("--as-of: 'tomorrow' is not a date"))
        #expect(!message.contains("span back from --as-of"))
        #expect(try #require(usage(["x.csv", "--as-of", "7d"])).contains("is a span"))
        #expect(try #require(usage(["x.csv", "--since", "tomorrow"])).contains("span back from --as-of"))
    }

    @Test func topLevelEdges() {
        #expect(usage([]) == "no input given (a file, a directory, or - for standard input)")
        #expect(usage(["--version", "--foo"])?.contains("--version takes no other arguments") == true)
        #expect(usage(["policy", "extra"]) == "'policy' takes no arguments, but was given 'extra'")
        #expect(usage(["help", "genrate"])?.contains("did you mean 'generate'?") == true)
        #expect(usage(["x.csv", "--strict=yes"]) == "option '--strict' takes no value")
        #expect(usage(["x.csv", "--since"]) == "option '--since' needs a value (for example --since 7d)")
    }

    @Test func usageHintNamesTheSubcommand() {
        #expect(CommandLineOptions.invocation(["generate", "--x"]).usageHint.contains("slareport generate --help"))
        #expect(CommandLineOptions.invocation(["x.csv"]).usageHint.contains("slareport report --help"))
        #expect(CommandLineOptions.invocation([]).usageHint.contains("slareport --help"))
    }

    /// `explain` and `policy --from-zendesk` are declared in the table already: joining the dispatch is one
    /// entry each. Their parsing is checked here.
    @Test func declaredSubcommandsForOtherBranchesParse() throws {
        guard
            case .options(let explain) = try CommandLineOptions.explain.parse([
                "zendesk:12", "--as-of", "2016-11-21", "exports/", "-f", "json", "more.csv",
            ])
        else {
            Issue.record("explain did not parse")
            return
        }
        #expect(explain.ticket == "zendesk:12")
        #expect(explain.report.inputs == ["exports/", "more.csv"])
        #expect(explain.report.asOf == .date(year: 2016, month: 11, day: 21))
        #expect(explain.format == .json)
        #expect(throws: SLAReportError.self) { try CommandLineOptions.explain.parse(["T1"]) }
        #expect(CommandLineOptions.explain.helpText.contains("TICKET [OPTIONS] INPUT..."))

        var policy = CommandLineOptions.policy
        policy.options.append(CommandLineOptions.fromZendesk)
        guard case .options(let two) = try policy.parse(["--from-zendesk", "slas.json", "schedules.json"]) else {
            return
        }
        #expect(two.fromZendesk == ["slas.json", "schedules.json"])
        guard case .options(let one) = try policy.parse(["--from-zendesk", "slas.json"]) else { return }
        #expect(one.fromZendesk == ["slas.json"])
        #expect(throws: SLAReportError.self) { try policy.parse(["--from-zendesk", "a", "b", "c"]) }
        #expect(throws: SLAReportError.self) { try policy.parse(["--from-zendesk"]) }
    }
}
