import SLAReportCore

/// One option of a subcommand, declared once: its names, the value it takes, its help text and what it does
/// to the subcommand's options. The same declaration drives parsing, the subcommand's `--help` and the
/// did-you-mean hints (argument-parser's `@Option`/`@Flag`, written as a value).
struct OptionSpec<Options>: Sendable {
    /// What an option was given with: the name as typed (`-f` or `--format`) and its values.
    struct Use: Sendable {
        var name: String
        var values: [String]

        /// The only value of a one-value option.
        var value: String { values.first ?? "" }
    }

    /// `-f`, `--format`, … (short names first, as help lists them).
    var names: [String]
    /// The value's placeholder in help and messages (`LIST`, `FILE [FILE]`); nil for a flag.
    var valueName: String?
    /// How many values the option takes: `0...0` for a flag, `1...1` for most, `1...2` for
    /// `--from-zendesk SLA.json [SCHEDULES.json]` (the second value is taken when it does not look like an
    /// option).
    var valueCount: ClosedRange<Int>
    /// A value shown in "needs a value" messages (`--since 7d`).
    var example: String
    /// The help text: one paragraph, wrapped by the help renderer.
    var help: String
    /// The section of the help this option is listed under (`WINDOW`, `OUTPUT`, …).
    var section: String
    /// Applies one use of the option; throws a usage error for a bad value.
    var apply: @Sendable (inout Options, Use) throws(SLAReportError) -> Void

    /// An option with one value (`--since WHEN`).
    init(
        _ names: [String], value valueName: String, example: String, section: String, help: String,
        apply: @escaping @Sendable (inout Options, Use) throws(SLAReportError) -> Void
    ) {
        self.names = names
        self.valueName = valueName
        self.valueCount = 1...1
        self.example = example
        self.help = help
        self.section = section
        self.apply = apply
    }

    /// An option with between `count.lowerBound` and `count.upperBound` values.
    init(
        _ names: [String], values valueName: String, count: ClosedRange<Int>, example: String, section: String,
        help: String, apply: @escaping @Sendable (inout Options, Use) throws(SLAReportError) -> Void
    ) {
        self.names = names
        self.valueName = valueName
        self.valueCount = count
        self.example = example
        self.help = help
        self.section = section
        self.apply = apply
    }

    /// A flag: no value (`--strict`).
    init(
        flag names: [String], section: String, help: String,
        apply: @escaping @Sendable (inout Options, Use) throws(SLAReportError) -> Void
    ) {
        self.names = names
        self.valueName = nil
        self.valueCount = 0...0
        self.example = ""
        self.help = help
        self.section = section
        self.apply = apply
    }

    var isFlag: Bool { valueCount.upperBound == 0 }

    /// `-f, --format LIST` as help shows it.
    var label: String {
        names.joined(separator: ", ") + (valueName.map { " " + $0 } ?? "")
    }

    /// The same option for a larger options type that holds `Options` at `path` (the options `explain`
    /// shares with `report`).
    func lifted<Outer>(_ path: WritableKeyPath<Outer, Options> & Sendable) -> OptionSpec<Outer> {
        let apply = self.apply
        var outer = OptionSpec<Outer>(
            flag: names, section: section, help: help,
            apply: { (options: inout Outer, use: OptionSpec<Outer>.Use) throws(SLAReportError) in
                try apply(&options[keyPath: path], OptionSpec<Options>.Use(name: use.name, values: use.values))
            })
        outer.valueName = valueName
        outer.valueCount = valueCount
        outer.example = example
        return outer
    }
}

/// The positional arguments of a subcommand, in order (`TICKET`, then `INPUT...`).
struct PositionalSpec<Options>: Sendable {
    /// `INPUT`, `TICKET`.
    var name: String
    /// How many: `1...1` for `TICKET`, `1...Int.max` for `INPUT...`.
    var count: ClosedRange<Int>
    /// The message when too few are given (`no input given (a file, a directory, or - for standard input)`).
    var missing: String
    var apply: @Sendable (inout Options, String) throws(SLAReportError) -> Void

    /// `INPUT...` or `TICKET` as the usage line shows it.
    var label: String { count.upperBound > 1 ? name + "..." : name }
}
