import SLAReportCore

/// A subcommand declared as a value: its name, usage line, options and positional arguments. One table of
/// these (``CommandLineOptions/subcommands``) drives parsing, every `--help` and the did-you-mean hints.
struct CommandSpec<Options: Sendable>: Sendable {
    /// `report`, `check`, `policy`, `generate`, `explain`.
    var name: String
    /// What it does, in one line (the overview's list of subcommands).
    var summary: String
    /// The usage line after `slareport NAME` (`[OPTIONS] INPUT...`).
    var synopsis: String
    /// Paragraphs between the usage line and the options (what `INPUT` may be, …).
    var about: [String]
    var options: [OptionSpec<Options>]
    var positionals: [PositionalSpec<Options>]
    /// Extra help sections after the options, as (heading, lines), e.g. MEMORY, EXIT CODES.
    var notes: [(heading: String, lines: [String])]
    /// `(command, what it does)` pairs for the EXAMPLES section.
    var examples: [(command: String, comment: String)]
    /// The options before any argument is applied.
    var initial: Options
    /// Checks between options, once all are applied (`--week` with `--since`, …).
    var validate: @Sendable (inout Options) throws(SLAReportError) -> Void

    /// Every option name of this subcommand, for hints.
    var optionNames: [String] { options.flatMap(\.names) + ["--help", "-h"] }

    /// `slareport report [OPTIONS] INPUT...`.
    var usageLine: String { "slareport \(name) \(synopsis)" }

    /// The one usage hint printed under a usage error.
    var usageHint: String { "Usage: \(usageLine)   (slareport \(name) --help for more)" }

    /// What parsing found: the options, or a request for this subcommand's help.
    enum Parsed {
        case options(Options)
        case help
    }

    /// Parses the arguments after the subcommand name.
    ///
    /// - `--name value` and `--name=value`; a flag given `=value` is an error;
    /// - `--help`/`-h` anywhere asks for this subcommand's help;
    /// - `--` ends the options (everything after it is positional), and `-` alone is positional (stdin);
    /// - a value may start with `-` only when it is `-` or a number (`--fail-under -5` is read, then rejected
    ///   by the option itself);
    /// - an option given twice applies twice: list options accumulate, the others keep the last value.
    func parse(_ arguments: ArraySlice<String>) throws(SLAReportError) -> Parsed {
        var options = initial
        var positional: [String] = []
        var args = arguments
        var onlyPositionals = false
        while let raw = args.first {
            args = args.dropFirst()
            if onlyPositionals || raw == "-" || !raw.hasPrefix("-") || Self.isNumber(raw) {
                positional.append(raw)
                continue
            }
            if raw == "--" {
                onlyPositionals = true
                continue
            }
            let (name, inline) = Self.split(raw)
            if name == "--help" || name == "-h" { return .help }
            guard let spec = option(named: name) else {
                throw .usage("unknown option '\(name)' for '\(self.name)'" + Suggestion.hint(name, among: optionNames))
            }
            var values: [String] = []
            if spec.isFlag {
                if inline != nil { throw .usage("option '\(name)' takes no value") }
            } else {
                if let inline {
                    values.append(inline)
                } else {
                    while values.count < spec.valueCount.upperBound, let next = args.first,
                        next == "-" || !next.hasPrefix("-") || Self.isNumber(next)
                    {
                        values.append(next)
                        args = args.dropFirst()
                    }
                }
                if values.count < spec.valueCount.lowerBound {
                    throw .usage("option '\(name)' needs a value (for example \(name) \(spec.example))")
                }
            }
            try spec.apply(&options, OptionSpec<Options>.Use(name: name, values: values))
        }
        try assign(positional, to: &options)
        try validate(&options)
        return .options(options)
    }

    private func option(named name: String) -> OptionSpec<Options>? {
        options.first { $0.names.contains(name) }
    }

    /// Deals the positional arguments out in order: each takes at least its minimum, the last one the rest.
    private func assign(_ values: [String], to options: inout Options) throws(SLAReportError) {
        var rest = values[...]
        for (index, spec) in positionals.enumerated() {
            let isLast = index == positionals.count - 1
            var taken = 0
            while let value = rest.first, taken < spec.count.upperBound,
                isLast || taken < spec.count.lowerBound
            {
                try spec.apply(&options, value)
                rest = rest.dropFirst()
                taken += 1
            }
            if taken < spec.count.lowerBound { throw .usage(spec.missing) }
        }
        if let extra = rest.first {
            throw .usage(
                positionals.isEmpty
                    ? "'\(name)' takes no arguments, but was given '\(extra)'"
                    : "unexpected argument '\(extra)' for '\(name)'")
        }
    }

    /// `--name=value` → (`--name`, `value`); anything else as it is.
    static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<eq]), String(argument[argument.index(after: eq)...]))
    }

    /// `-5`, `-0.5`: a negative number, read as a value rather than an option.
    static func isNumber(_ text: String) -> Bool {
        text.count > 1 && Double(text) != nil
    }
}

/// A subcommand with its options type erased, as the dispatch table holds it.
struct Subcommand: Sendable {
    var name: String
    var summary: String
    var usageLine: String
    var usageHint: String
    var optionNames: [String]
    /// The subcommand's `--help` text.
    var help: @Sendable () -> String
    /// Arguments after the subcommand name → the command to run.
    var parse: @Sendable (ArraySlice<String>) throws(SLAReportError) -> Command

    init<Options: Sendable>(_ spec: CommandSpec<Options>, command: @escaping @Sendable (Options) -> Command) {
        name = spec.name
        summary = spec.summary
        usageLine = spec.usageLine
        usageHint = spec.usageHint
        optionNames = spec.optionNames
        help = { spec.helpText }
        parse = { (arguments: ArraySlice<String>) throws(SLAReportError) -> Command in
            switch try spec.parse(arguments) {
            case .help: return .help(spec.helpText)
            case .options(let options): return command(options)
            }
        }
    }
}
