import SLAReportCore

/// A validated command, what ``Runner`` carries out.
enum Command {
    /// Print this help text (the overview, or one subcommand's).
    case help(String)
    case version
    case report(ReportOptions, checkOnly: Bool)
    case policy(PolicyOptions)
    case generate(GenerateOptions)
    case explain(ExplainOptions)
}

/// A window bound as typed, resolved once the policy's time zone is known.
enum When: Equatable, Sendable {
    case date(year: Int, month: Int, day: Int)
    case instant(text: String)
    case back(seconds: Int64)
    case now
}

/// The options of `report` and `check`.
struct ReportOptions: Sendable {
    var inputs: [String] = []
    var policyPath: String?
    var since: When?
    var until: When?
    var week: (year: Int, week: Int)?
    var month: (year: Int, month: Int)?
    var asOf: When?
    var channels: [String] = []
    var formats: [ReportFormat] = []
    var outDir: String?
    var name = "sla-report"
    var failUnder: Double?
    var strict = false
    var progress: Bool?
    var quiet = false
    var inputFormat: String?
}

/// The options of `policy`.
struct PolicyOptions: Sendable {
    var path: String?
    /// `--from-zendesk SLA_POLICIES.json [SCHEDULES.json]` (SPEC §1); see ``CommandLineOptions/fromZendesk``.
    var fromZendesk: [String] = []
}

/// The options of `generate`.
struct GenerateOptions: Sendable {
    var tickets: Int?
    var seed: UInt64 = 1
    var format = "events"
    var profile = "benchmark"
    var out: String?
    var start: When?
    var days: Int?
    var channels: [String] = []
    var firstTicket: Int?
}

/// The options of `explain TICKET [OPTIONS] INPUT...` (SPEC §1); see ``CommandLineOptions/explain``.
struct ExplainOptions: Sendable {
    enum Format: String, Sendable { case text, json }

    var ticket = ""
    /// The inputs, policy, window, channels and input format, read as `report` reads them.
    var report = ReportOptions()
    var format = Format.text
}

/// The command line, declared once: every subcommand and option in one table that drives parsing, each
/// subcommand's `--help` and the did-you-mean hints. All wording of usage errors lives here and in
/// ``CommandSpec``.
enum CommandLineOptions {
    /// The subcommands, in the order the overview lists them. `report` is the default.
    static let subcommands: [Subcommand] = [
        Subcommand(report) { .report($0, checkOnly: false) },
        Subcommand(check) { .report($0, checkOnly: true) },
        Subcommand(policy) { .policy($0) },
        Subcommand(explain) { .explain($0) },
        Subcommand(generate) { .generate($0) },
    ]

    static func subcommand(named name: String) -> Subcommand? {
        subcommands.first { $0.name == name }
    }

    /// What the arguments ask for: the subcommand they go to (`report` when the first is not a subcommand)
    /// and the arguments it parses. Resolved before parsing so that a usage error can print that
    /// subcommand's usage line.
    struct Invocation {
        /// Nil for the top level (`--help`, `--version`, no arguments).
        var subcommand: Subcommand?
        var arguments: ArraySlice<String>

        /// The one usage hint printed under a usage error.
        var usageHint: String {
            subcommand?.usageHint ?? "Usage: slareport [report] [OPTIONS] INPUT...   (slareport --help for more)"
        }
    }

    static func invocation(_ arguments: [String]) -> Invocation {
        guard let first = arguments.first else { return Invocation(subcommand: nil, arguments: []) }
        if let named = subcommand(named: first) {
            return Invocation(subcommand: named, arguments: arguments.dropFirst())
        }
        if ["--help", "-h", "help", "--version"].contains(first) {
            return Invocation(subcommand: nil, arguments: arguments[...])
        }
        return Invocation(subcommand: subcommand(named: "report"), arguments: arguments[...])
    }

    /// Raw arguments → a validated command.
    static func parse(_ arguments: [String]) throws(SLAReportError) -> Command {
        let call = invocation(arguments)
        if let subcommand = call.subcommand {
            if subcommand.name == "report", let first = arguments.first, subcommand.name != first {
                try rejectMistypedSubcommand(first)
            }
            return try subcommand.parse(call.arguments)
        }
        guard let first = arguments.first else {
            throw .usage("no input given (a file, a directory, or - for standard input)")
        }
        let rest = arguments.dropFirst()
        switch first {
        case "--version":
            if let extra = rest.first {
                throw .usage("--version takes no other arguments, but was given '\(extra)'")
            }
            return .version
        case "help":
            guard let topic = rest.first else { return .help(Usage.text) }
            guard let named = subcommand(named: topic) else {
                throw .usage(
                    "no help for '\(topic)': not a subcommand"
                        + Suggestion.hint(topic, among: subcommands.map(\.name)))
            }
            if let extra = rest.dropFirst().first { throw .usage("'help' takes one subcommand, not '\(extra)'") }
            return .help(named.help())
        default:
            return .help(Usage.text)  // --help, -h (anything after it is ignored, as --help does everywhere)
        }
    }

    /// A bare first word close to a subcommand's name (`chek`) that is not a file is a typo, not an input.
    static func rejectMistypedSubcommand(_ word: String) throws(SLAReportError) {
        guard !word.hasPrefix("-"), !word.contains("/"), !word.contains("."),
            let guess = Suggestion.best(for: word, among: subcommands.map(\.name)), !FileSystem.exists(word)
        else { return }
        throw .usage("unknown subcommand or input '\(word)' (did you mean '\(guess)'?)")
    }
}
