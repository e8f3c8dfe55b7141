import SLAReportCore

/// Raw arguments → a validated command. All wording of usage errors lives here.
enum Command {
    case help
    case version
    case report(ReportOptions, checkOnly: Bool)
    case policy(path: String?)
    /// `policy --from-zendesk SLA_POLICIES.json [SCHEDULES.json]` (issue 12).
    case zendeskImport(policies: String, schedules: String?)
    case generate(GenerateOptions)
}

/// A window bound as typed, resolved once the policy's time zone is known.
enum When: Equatable {
    case date(year: Int, month: Int, day: Int)
    case instant(text: String)
    case back(seconds: Int64)
    case now
}

struct ReportOptions {
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

struct GenerateOptions {
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

enum CommandLineOptions {
    static let reportOptions = [
        "--policy", "-p", "--since", "--until", "--week", "--month", "--as-of", "--channel", "--format", "-f", "--out",
        "-o", "--name", "--fail-under", "--strict", "--progress", "--no-progress", "--quiet", "-q", "--input-format",
        "--help", "-h",
    ]
    static let generateOptions = [
        "--tickets", "--seed", "--format", "--profile", "--out", "-o", "--start", "--days", "--channel",
        "--first-ticket",
        "--help", "-h",
    ]
    static let subcommands = ["report", "check", "policy", "generate"]

    static func parse(_ arguments: [String]) throws(SLAReportError) -> Command {
        var args = arguments[...]
        guard let first = args.first else {
            throw .usage("no input given\n\nUsage: slareport [report] [OPTIONS] INPUT...   (slareport --help for more)")
        }
        switch first {
        case "--help", "-h", "help": return .help
        case "--version": return .version
        case "report", "check":
            args = args.dropFirst()
            return .report(try parseReport(args), checkOnly: first == "check")
        case "policy":
            return try parsePolicy(args.dropFirst())
        case "generate":
            return .generate(try parseGenerate(args.dropFirst()))
        default:
            if !first.hasPrefix("-"), !first.contains("/"), !first.contains("."), first != "-",
                let guess = suggestion(for: first, among: subcommands)
            {
                _ = guess  // a plausible typo of a subcommand, unless a file of that name exists
                if !FileSystem.exists(first) {
                    throw .usage("unknown subcommand or input '\(first)' (did you mean '\(guess)'?)")
                }
            }
            return .report(try parseReport(args), checkOnly: false)
        }
    }

    /// Reads the value of an option given as `--opt value` or `--opt=value`.
    private static func value(
        _ option: String, inline: String?, _ args: inout ArraySlice<String>, example: String
    ) throws(SLAReportError) -> String {
        if let inline { return inline }
        guard let next = args.first, next == "-" || !next.hasPrefix("-") || Double(next) != nil else {
            throw .usage("option '\(option)' needs a value (for example \(option) \(example))")
        }
        args = args.dropFirst()
        return next
    }

    private static func split(_ arg: String) -> (String, String?) {
        guard arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") else { return (arg, nil) }
        return (String(arg[..<eq]), String(arg[arg.index(after: eq)...]))
    }

    static func parseReport(_ input: ArraySlice<String>) throws(SLAReportError) -> ReportOptions {
        var o = ReportOptions()
        var args = input
        var onlyInputs = false
        while let raw = args.first {
            args = args.dropFirst()
            if onlyInputs || raw == "-" || !raw.hasPrefix("-") {
                o.inputs.append(raw)
                continue
            }
            if raw == "--" {
                onlyInputs = true
                continue
            }
            let (option, inline) = split(raw)
            switch option {
            case "--help", "-h": throw .usage("HELP")
            case "-p", "--policy": o.policyPath = try value(option, inline: inline, &args, example: "team.policy.json")
            case "--since": o.since = try when(option, try value(option, inline: inline, &args, example: "7d"))
            case "--until": o.until = try when(option, try value(option, inline: inline, &args, example: "2016-11-21"))
            case "--as-of": o.asOf = try when(option, try value(option, inline: inline, &args, example: "now"))
            case "--week": o.week = try isoWeek(try value(option, inline: inline, &args, example: "2016-W47"))
            case "--month": o.month = try month(try value(option, inline: inline, &args, example: "2016-11"))
            case "--channel":
                let list = try value(option, inline: inline, &args, example: "twitter")
                let names = list.split(separator: ",").map { $0.trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
                guard !names.isEmpty else {
                    throw .usage("--channel needs a channel name (for example --channel twitter)")
                }
                o.channels += names
            case "-f", "--format":
                let list = try value(option, inline: inline, &args, example: "md,html")
                for part in list.split(separator: ",", omittingEmptySubsequences: false) {
                    let name = part.trimmingSpaces().lowercased()
                    guard let format = ReportFormat(rawValue: name == "markdown" ? "md" : name) else {
                        throw .usage(
                            "--format: unknown format '\(name)' (choose from md, html, json, csv)"
                                + hint(name, among: ["md", "html", "json", "csv"]))
                    }
                    if !o.formats.contains(format) { o.formats.append(format) }
                }
            case "-o", "--out": o.outDir = try value(option, inline: inline, &args, example: "Reports")
            case "--name":
                let name = try value(option, inline: inline, &args, example: "weekly")
                guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), !name.hasPrefix("."),
                    !name.unicodeScalars.contains(where: { $0.value < 0x20 })
                else {
                    throw .usage("--name '\(name)' must be a plain file name prefix (no '/', not starting with '.')")
                }
                o.name = name
            case "--fail-under":
                let text = try value(option, inline: inline, &args, example: "90")
                guard let percent = Double(text.hasSuffix("%") ? String(text.dropLast()) : text),
                    (0...100).contains(percent)
                else { throw .usage("--fail-under: '\(text)' is not a percentage from 0 to 100") }
                o.failUnder = percent
            case "--strict": o.strict = true
            case "--progress": o.progress = true
            case "--no-progress": o.progress = false
            case "-q", "--quiet": o.quiet = true
            case "--input-format": o.inputFormat = try value(option, inline: inline, &args, example: "canonical-events")
            default:
                throw .usage("unknown option '\(option)'" + hint(option, among: reportOptions))
            }
        }
        if o.week != nil, o.since != nil || o.until != nil || o.month != nil {
            throw .usage("--week cannot be combined with --since, --until or --month")
        }
        if o.month != nil, o.since != nil || o.until != nil {
            throw .usage("--month cannot be combined with --since or --until")
        }
        if o.outDir == nil, o.formats.count > 1 {
            throw .usage("several formats need --out DIR (standard output takes one format)")
        }
        if o.inputs.isEmpty {
            throw .usage("no input given (a file, a directory, or - for standard input)")
        }
        return o
    }

    static func parsePolicy(_ input: ArraySlice<String>) throws(SLAReportError) -> Command {
        var args = input
        var path: String?
        var zendesk: (policies: String, schedules: String?)?
        while let raw = args.first {
            args = args.dropFirst()
            let (option, inline) = split(raw)
            switch option {
            case "--help", "-h": return .help
            case "-p", "--policy": path = try value(option, inline: inline, &args, example: "team.policy.json")
            case "--from-zendesk":
                zendesk = (try value(option, inline: inline, &args, example: "sla_policies.json"), nil)
            default:
                if !raw.hasPrefix("-"), let given = zendesk, given.schedules == nil {
                    zendesk?.schedules = raw
                } else if !raw.hasPrefix("-"), path == nil, zendesk == nil {
                    path = raw
                } else {
                    throw .usage(
                        "unknown option '\(option)' for 'policy'" + hint(option, among: ["--policy", "--from-zendesk"]))
                }
            }
        }
        if let zendesk {
            guard path == nil else { throw .usage("'policy' takes --policy FILE or --from-zendesk FILE, not both") }
            return .zendeskImport(policies: zendesk.policies, schedules: zendesk.schedules)
        }
        return .policy(path: path)
    }

    static func parseGenerate(_ input: ArraySlice<String>) throws(SLAReportError) -> GenerateOptions {
        var o = GenerateOptions()
        var args = input
        while let raw = args.first {
            args = args.dropFirst()
            let (option, inline) = split(raw)
            switch option {
            case "--help", "-h": throw .usage("HELP")
            case "--tickets":
                let text = try value(option, inline: inline, &args, example: "1000000")
                guard let n = Int(text.replacingUnderscores()), n > 0, n <= GeneratorOptions.maximumTickets else {
                    throw .usage(
                        "--tickets: '\(text)' is not a ticket count from 1 to \(GeneratorOptions.maximumTickets)")
                }
                o.tickets = n
            case "--seed":
                let text = try value(option, inline: inline, &args, example: "7")
                guard let s = UInt64(text) else { throw .usage("--seed: '\(text)' is not a non-negative integer") }
                o.seed = s
            case "--format":
                let text = try value(option, inline: inline, &args, example: "events")
                guard ["events", "tickets"].contains(text) else {
                    throw .usage(
                        "--format: '\(text)' is not events or tickets" + hint(text, among: ["events", "tickets"]))
                }
                o.format = text
            case "--profile":
                let text = try value(option, inline: inline, &args, example: "sample")
                guard ["benchmark", "sample"].contains(text) else {
                    throw .usage(
                        "--profile: '\(text)' is not benchmark or sample" + hint(text, among: ["benchmark", "sample"]))
                }
                o.profile = text
            case "-o", "--out": o.out = try value(option, inline: inline, &args, example: "events.csv")
            case "--start":
                let text = try value(option, inline: inline, &args, example: "2016-10-31")
                guard case .date = try when(option, text) else {
                    throw .usage("--start: '\(text)' is not a date like 2016-10-31")
                }
                o.start = try when(option, text)
            case "--days":
                let text = try value(option, inline: inline, &args, example: "28")
                guard let n = Int(text), (1...3660).contains(n) else {
                    throw .usage("--days: '\(text)' is not a day count from 1 to 3660")
                }
                o.days = n
            case "--channel":
                let list = try value(option, inline: inline, &args, example: "twitter")
                o.channels += list.split(separator: ",").map { $0.trimmingSpaces().lowercased() }.filter { !$0.isEmpty }
            case "--first-ticket":
                let text = try value(option, inline: inline, &args, example: "1")
                guard let n = Int(text), n >= 1, n <= 1_000_000_000 else {
                    throw .usage("--first-ticket: '\(text)' is not a ticket number from 1 to 1000000000")
                }
                o.firstTicket = n
            default: throw .usage("unknown option '\(option)' for 'generate'" + hint(option, among: generateOptions))
            }
        }
        guard o.tickets != nil else { throw .usage("generate needs --tickets N (for example --tickets 1000000)") }
        return o
    }

    // MARK: - Values

    static func when(_ option: String, _ text: String) throws(SLAReportError) -> When {
        let t = text.trimmingSpaces()
        if t.lowercased() == "now" { return .now }
        if let seconds = span(t) { return .back(seconds: seconds) }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }), t.count == 10,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        {
            guard CivilDateTime.isValidDate(year: y, month: m, day: d) else {
                throw .usage("\(option): '\(text)' is not a real date")
            }
            return .date(year: y, month: m, day: d)
        }
        if t.count >= 16, t.first?.isASCIIDigit == true { return .instant(text: t) }
        throw .usage(
            "\(option): '\(text)' is not a date (2016-11-14), an RFC 3339 date-time (2016-11-14T09:00:00Z) "
                + "or a span back from --as-of (90m, 36h, 7d, 2w)")
    }

    /// `90m`, `36h`, `7d`, `2w` in seconds.
    static func span(_ text: String) -> Int64? {
        guard let unit = text.last, let n = Int64(text.dropLast()), n >= 0, n < 100_000 else { return nil }
        switch unit {
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86_400
        case "w": return n * 7 * 86_400
        default: return nil
        }
    }

    static func isoWeek(_ text: String) throws(SLAReportError) -> (year: Int, week: Int) {
        let parts = text.uppercased().split(separator: "-")
        guard parts.count == 2, parts[1].hasPrefix("W"), let y = Int(parts[0]), let w = Int(parts[1].dropFirst()),
            parts[0].count == 4, (1...ISOWeek.weeks(inYear: y)).contains(w)
        else { throw .usage("--week: '\(text)' is not an ISO week like 2016-W47") }
        return (y, w)
    }

    static func month(_ text: String) throws(SLAReportError) -> (year: Int, month: Int) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m)
        else { throw .usage("--month: '\(text)' is not a month like 2016-11") }
        return (y, m)
    }

    // MARK: - Suggestions

    static func hint(_ word: String, among candidates: [String]) -> String {
        suggestion(for: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The closest candidate by edit distance, when it is close enough to be a typo.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var row = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return x.isEmpty ? y.count : row[y.count]
    }
}

/// ISO 8601 week dates.
enum ISOWeek {
    /// Day number of the Monday of week 1 of `year` (the week holding 4 January).
    static func mondayOfWeekOne(_ year: Int) -> Int {
        let jan4 = CivilDateTime.days(year: year, month: 1, day: 4)
        return jan4 - (CivilDateTime.isoWeekday(fromDays: jan4) - 1)
    }

    /// 52 or 53.
    static func weeks(inYear year: Int) -> Int {
        (mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / 7
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }

    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
