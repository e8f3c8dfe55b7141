import SLAReportCore

/// The declarations: each option once, each subcommand as the list of the options it takes.
extension CommandLineOptions {
    // MARK: - Sections

    static let windowSection = "WINDOW (tickets are reported when CREATED in [since, until))"
    static let selectionSection = "SELECTION AND POLICY"
    static let outputSection = "OUTPUT"
    static let inputSection = "INPUT CHECKS AND MESSAGES"

    /// The formats `--format` takes, in the order help lists them.
    static let reportFormatNames = ReportFormat.allCases.map(\.rawValue)

    // MARK: - Report options

    static let policyOption = OptionSpec<ReportOptions>(
        ["-p", "--policy"], value: "FILE", example: "team.policy.json", section: selectionSection,
        help: "SLA policy (JSON). Default: the built-in GitLab Support policy; `slareport policy` prints it as a "
            + "starting point."
    ) { options, use throws(SLAReportError) in options.policyPath = use.value }

    static let sinceOption = OptionSpec<ReportOptions>(
        ["--since"], value: "WHEN", example: "7d", section: windowSection,
        help: "2016-11-14 (midnight, policy time zone), 2016-11-14T09:00:00Z, or a span back from --as-of: "
            + "90m, 36h, 7d, 2w"
    ) { options, use throws(SLAReportError) in options.since = try windowBound(use.name, use.value) }

    static let untilOption = OptionSpec<ReportOptions>(
        ["--until"], value: "WHEN", example: "2016-11-21", section: windowSection,
        help: "same forms as --since"
    ) { options, use throws(SLAReportError) in options.until = try windowBound(use.name, use.value) }

    static let weekOption = OptionSpec<ReportOptions>(
        ["--week"], value: "YYYY-Www", example: "2016-W47", section: windowSection,
        help: "one ISO week, Monday 00:00 to Monday 00:00 (e.g. 2016-W47)"
    ) { options, use throws(SLAReportError) in options.week = try isoWeek(use.value) }

    static let monthOption = OptionSpec<ReportOptions>(
        ["--month"], value: "YYYY-MM", example: "2016-11", section: windowSection,
        help: "one calendar month"
    ) { options, use throws(SLAReportError) in options.month = try month(use.value) }

    static let asOfOption = OptionSpec<ReportOptions>(
        ["--as-of"], value: "WHEN", example: "now", section: windowSection,
        help: "judge open tickets at this instant: 2016-11-21 (midnight, policy time zone), "
            + "2016-11-21T09:00:00Z or now; later events are ignored. Default: the newest timestamp in the inputs."
    ) { options, use throws(SLAReportError) in options.asOf = try asOf(use.name, use.value) }

    static let channelOption = OptionSpec<ReportOptions>(
        ["--channel"], value: "NAME", example: "twitter", section: selectionSection,
        help: "only these channels (repeatable, or comma-separated)"
    ) { options, use throws(SLAReportError) in
        let names = list(use.value)
        guard !names.isEmpty else { throw .usage("--channel needs a channel name (for example --channel twitter)") }
        options.channels += names
    }

    static let inputFormatOption = OptionSpec<ReportOptions>(
        ["--input-format"], value: "NAME", example: "canonical-events", section: selectionSection,
        help: "force the input format for every input instead of detecting it: "
            + FormatRegistry.standard.names.joined(separator: ", ")
    ) { options, use throws(SLAReportError) in
        let name = use.value.trimmingSpaces()
        guard let adapter = FormatRegistry.standard.adapter(named: name) else {
            throw .usage(
                "--input-format: unknown format '\(name)' (one of \(FormatRegistry.standard.names.joined(separator: ", ")))"
                    + Suggestion.hint(name, among: FormatRegistry.standard.names))
        }
        options.inputFormat = adapter.name
    }

    static let formatOption = OptionSpec<ReportOptions>(
        ["-f", "--format"], value: "LIST", example: "md,html", section: outputSection,
        help: "comma-separated from \(reportFormatNames.joined(separator: ",")) (junit: JUnit XML for CI test "
            + "views; metrics: OpenMetrics text). Default: md to stdout; md,html,json,csv with --out"
    ) { options, use throws(SLAReportError) in
        for part in use.value.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingSpaces().lowercased()
            guard let format = ReportFormat(rawValue: name == "markdown" ? "md" : name) else {
                throw .usage(
                    "--format: unknown format '\(name)' (choose from \(reportFormatNames.joined(separator: ", ")))"
                        + Suggestion.hint(name, among: reportFormatNames))
            }
            if !options.formats.contains(format) { options.formats.append(format) }
        }
    }

    static let outOption = OptionSpec<ReportOptions>(
        ["-o", "--out"], value: "DIR", example: "Reports", section: outputSection,
        help: "write the report files into DIR (created if missing) and list them on stderr"
    ) { options, use throws(SLAReportError) in
        guard !use.value.isEmpty else { throw .usage("--out needs a directory (for example --out Reports)") }
        options.outDir = use.value
    }

    static let nameOption = OptionSpec<ReportOptions>(
        ["--name"], value: "PREFIX", example: "weekly", section: outputSection,
        help: "file name prefix inside --out (default sla-report): PREFIX.md, PREFIX.html, PREFIX.json, "
            + "PREFIX-tickets.csv, PREFIX-junit.xml, PREFIX-metrics.txt"
    ) { options, use throws(SLAReportError) in
        let name = use.value
        guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), !name.hasPrefix("."),
            !name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        else {
            throw .usage("--name '\(name)' must be a plain file name prefix (no '/', not starting with '.')")
        }
        options.name = name
    }

    static let failUnderOption = OptionSpec<ReportOptions>(
        ["--fail-under"], value: "PERCENT", example: "90", section: outputSection,
        help: "exit 1 when a channel with a first-reply target is below PERCENT attainment (a channel's own "
            + "`goal` gates the same way); the reports are still written"
    ) { options, use throws(SLAReportError) in
        let text = use.value
        guard let percent = Double(text.hasSuffix("%") ? String(text.dropLast()) : text), (0...100).contains(percent)
        else { throw .usage("--fail-under: '\(text)' is not a percentage from 0 to 100") }
        options.failUnder = percent
    }

    static let strictOption = OptionSpec<ReportOptions>(
        flag: ["--strict"], section: inputSection,
        help: "any rejected input record, and any input file not recognised, is fatal (exit 65)"
    ) { options, _ throws(SLAReportError) in options.strict = true }

    static let progressOption = OptionSpec<ReportOptions>(
        flag: ["--progress", "--no-progress"], section: inputSection,
        help: "progress on stderr (default: on for a terminal and inputs over 50 MB)"
    ) { options, use throws(SLAReportError) in options.progress = use.name == "--progress" }

    static let quietOption = OptionSpec<ReportOptions>(
        flag: ["-q", "--quiet"], section: inputSection,
        help: "no warnings on stderr, and no list of the files written (the report still lists the warnings)"
    ) { options, _ throws(SLAReportError) in options.quiet = true }

    static let inputsPositional = PositionalSpec<ReportOptions>(
        name: "INPUT", count: 1...Int.max, missing: "no input given (a file, a directory, or - for standard input)"
    ) { options, value throws(SLAReportError) in options.inputs.append(value) }

    static let inputParagraph =
        "INPUT is a file, a directory (searched recursively for *.csv, *.json, *.ndjson, *.jsonl in sorted order; "
        + "*.policy.json files are skipped) or - for standard input. Formats are detected from content."

    static let exitCodeLines = [
        "0 success   1 an SLA gate failed (reports still written)   64 usage error",
        "65 data error (--strict rejection or unrecognised input, nothing usable)",
        "66 an input cannot be opened   73 an output cannot be written   78 invalid policy",
    ]

    static let memoryLines = [
        "All events of the inputs are held in memory, about 40 bytes each (a million tickets, 5.8 million",
        "events: about 300 MB at peak). Input files are mapped, not copied.",
    ]

    /// Checks between the report options, once all are applied.
    @Sendable static func validateReport(_ o: inout ReportOptions) throws(SLAReportError) {
        if o.week != nil, o.since != nil || o.until != nil || o.month != nil {
            throw .usage("--week cannot be combined with --since, --until or --month")
        }
        if o.month != nil, o.since != nil || o.until != nil {
            throw .usage("--month cannot be combined with --since or --until")
        }
        if o.outDir == nil, o.formats.count > 1 {
            throw .usage("several formats need --out DIR (standard output takes one format)")
        }
    }

    // MARK: - Subcommands

    static let report = CommandSpec<ReportOptions>(
        name: "report", summary: "compute the report (the default subcommand)",
        synopsis: "[OPTIONS] INPUT...", about: [inputParagraph],
        options: [
            sinceOption, untilOption, weekOption, monthOption, asOfOption, policyOption, channelOption,
            inputFormatOption, formatOption, outOption, nameOption, failUnderOption, strictOption, progressOption,
            quietOption,
        ],
        positionals: [inputsPositional],
        notes: [("MEMORY", memoryLines), ("EXIT CODES", exitCodeLines)],
        examples: [
            ("exports/ --since 7d", "last week's report, Markdown to stdout"),
            ("exports/ --week 2016-W47 --out Reports/2016-W47", "the Monday report, md, html, json and csv"),
            (
                "exports/ --out public -f md,html,json,csv,junit,metrics --fail-under 90",
                "CI: artifacts, test and metrics views; exit 1 below 90 %"
            ),
        ],
        initial: ReportOptions(), validate: validateReport)

    static let check = CommandSpec<ReportOptions>(
        name: "check", summary: "read the inputs only; print the data-quality summary",
        synopsis: "[OPTIONS] INPUT...",
        about: [
            inputParagraph,
            "Prints, per file, the records read, used, duplicate, out of window and rejected, then the first "
                + "rejected records with path:line and reason. Writes no report.",
        ],
        options: [
            sinceOption, untilOption, weekOption, monthOption, asOfOption, policyOption, channelOption,
            inputFormatOption, strictOption, progressOption, quietOption,
        ],
        positionals: [inputsPositional],
        notes: [("EXIT CODES", exitCodeLines)],
        examples: [("check exports/", "what would be read, used and rejected, file by file")],
        initial: ReportOptions(), validate: validateReport)

    static let policyFileOption = OptionSpec<PolicyOptions>(
        ["-p", "--policy"], value: "FILE", example: "team.policy.json", section: "OPTIONS",
        help: "validate FILE and print it normalised (with every default filled in); without it the built-in "
            + "policy is printed"
    ) { options, use throws(SLAReportError) in options.path = use.value }

    /// `policy --from-zendesk SLA_POLICIES.json [SCHEDULES.json]` (SPEC §1): run by ``ZendeskImportCommand``.
    static let fromZendesk = OptionSpec<PolicyOptions>(
        ["--from-zendesk"], values: "SLA_POLICIES.json [SCHEDULES.json]", count: 1...2,
        example: "slas/policies.json", section: "OPTIONS",
        help: "a slareport policy made from Zendesk's own SLA policies (GET /api/v2/slas/policies) and, for "
            + "business hours, its schedules (GET /api/v2/business_hours/schedules)"
    ) { options, use throws(SLAReportError) in options.fromZendesk = use.values }

    static let policy = CommandSpec<PolicyOptions>(
        name: "policy", summary: "print the effective policy as JSON (the built-in one by default)",
        synopsis: "[--policy FILE | --from-zendesk SLA_POLICIES.json [SCHEDULES.json]]",
        about: [
            "The built-in policy is the GitLab Support SLA of late 2016; print it to start a custom policy. An "
                + "invalid policy is reported with the JSON path of each problem (exit 78).",
            "--from-zendesk prints a policy made from Zendesk's SLA policies and schedules: one channel per SLA "
                + "policy, its targets by priority, routing from its conditions, the schedule's hours and "
                + "holidays. What cannot be mapped is listed on stderr.",
        ],
        options: [policyFileOption, fromZendesk], positionals: [],
        notes: [],
        examples: [
            ("policy > team.policy.json", "start a custom policy"),
            ("policy --policy team.policy.json", "validate it"),
            ("policy --from-zendesk sla_policies.json schedules.json", "start from the team's Zendesk SLA policies"),
        ],
        initial: PolicyOptions(),
        validate: { options throws(SLAReportError) in
            if options.path != nil, !options.fromZendesk.isEmpty {
                throw .usage("'policy' takes --policy FILE or --from-zendesk FILE, not both")
            }
        })

    static let generate = CommandSpec<GenerateOptions>(
        name: "generate", summary: "write a synthetic canonical export (demos, tests, benchmarks)",
        synopsis: "--tickets N [OPTIONS]",
        about: [
            "The same options give the same bytes on every machine. The events are written as they are made "
                + "(memory does not grow with --tickets)."
        ],
        options: generateOptions, positionals: [], notes: [],
        examples: [
            ("generate --tickets 1000000 --out /tmp/events.csv", "the benchmark input of SPEC §6"),
            ("generate --tickets 300 --profile sample --start 2016-10-31 --days 28", "a small sample to stdout"),
        ],
        initial: GenerateOptions(),
        validate: { o throws(SLAReportError) in
            guard o.tickets != nil else { throw .usage("generate needs --tickets N (for example --tickets 1000000)") }
        })

    static let generateOptions: [OptionSpec<GenerateOptions>] = [
        OptionSpec(
            ["--tickets"], value: "N", example: "1000000", section: "OPTIONS",
            help: "how many tickets, 1 to \(GeneratorOptions.maximumTickets) (required; `_` separators allowed)"
        ) { o, use throws(SLAReportError) in
            guard let n = Int(use.value.replacingUnderscores()), n > 0, n <= GeneratorOptions.maximumTickets else {
                throw .usage(
                    "--tickets: '\(use.value)' is not a ticket count from 1 to \(GeneratorOptions.maximumTickets)")
            }
            o.tickets = n
        },
        OptionSpec(
            ["--seed"], value: "S", example: "7", section: "OPTIONS",
            help: "random seed, a non-negative integer (default 1)"
        ) { o, use throws(SLAReportError) in
            guard let s = UInt64(use.value) else {
                throw .usage("--seed: '\(use.value)' is not a non-negative integer")
            }
            o.seed = s
        },
        OptionSpec(
            ["--format"], value: "events|tickets", example: "events", section: "OPTIONS",
            help: "canonical events (default) or canonical tickets, one row per ticket"
        ) { o, use throws(SLAReportError) in o.format = try choice(use, among: ["events", "tickets"]) },
        OptionSpec(
            ["--profile"], value: "benchmark|sample", example: "sample", section: "OPTIONS",
            help: "benchmark (default: a large team's mix, SPEC §6) or sample (a small team's four weeks)"
        ) { o, use throws(SLAReportError) in o.profile = try choice(use, among: ["benchmark", "sample"]) },
        OptionSpec(
            ["-o", "--out"], value: "FILE", example: "events.csv", section: "OPTIONS",
            help: "write to FILE (atomically) instead of stdout"
        ) { o, use throws(SLAReportError) in o.out = use.value },
        OptionSpec(
            ["--start"], value: "DATE", example: "2016-10-31", section: "OPTIONS",
            help: "first day of the generated period (UTC), e.g. 2016-10-31"
        ) { o, use throws(SLAReportError) in
            guard case .date = try? when(use.name, use.value, spans: false) else {
                throw .usage("--start: '\(use.value)' is not a date like 2016-10-31")
            }
            o.start = try when(use.name, use.value, spans: false)
        },
        OptionSpec(
            ["--days"], value: "N", example: "28", section: "OPTIONS",
            help: "length of the period in days, 1 to 3660"
        ) { o, use throws(SLAReportError) in
            guard let n = Int(use.value), (1...3660).contains(n) else {
                throw .usage("--days: '\(use.value)' is not a day count from 1 to 3660")
            }
            o.days = n
        },
        OptionSpec(
            ["--channel"], value: "NAME", example: "twitter", section: "OPTIONS",
            help: "only these channels (repeatable, or comma-separated): "
                + SyntheticExport.channelKeys.joined(separator: ", ")
        ) { o, use throws(SLAReportError) in o.channels += list(use.value) },
        OptionSpec(
            ["--first-ticket"], value: "N", example: "1", section: "OPTIONS",
            help: "number of the first ticket id, 1 to 1000000000 (to make files that do not overlap)"
        ) { o, use throws(SLAReportError) in
            guard let n = Int(use.value), n >= 1, n <= 1_000_000_000 else {
                throw .usage("--first-ticket: '\(use.value)' is not a ticket number from 1 to 1000000000")
            }
            o.firstTicket = n
        },
    ]

    /// `explain TICKET [OPTIONS] INPUT...` (SPEC §1), run by ``ExplainCommand``.
    static let explain = CommandSpec<ExplainOptions>(
        name: "explain",
        summary: "one ticket's story: timeline, target, clock, deadline and outcome (text or JSON)",
        synopsis: "TICKET [OPTIONS] INPUT...",
        about: [
            "TICKET is the id as the report shows it (E1, zendesk:1234, twitter:789). " + inputParagraph,
            "Reads the inputs and runs the report's stages up to measuring, with the same options as the report "
                + "(so the same --policy, window and --as-of give the same figures), then tells the ticket's "
                + "story: who is who and why, its events and what each counted as, the policy, target and why, "
                + "each clock day by day, the deadline, the outcome and by how much, and the report's CSV row. "
                + "A ticket outside the window is explained all the same, and the window named.",
        ],
        options: [
            sinceOption, untilOption, weekOption, monthOption, asOfOption, policyOption, channelOption,
            inputFormatOption,
        ].map { $0.lifted(\ExplainOptions.report) }
            + [
                OptionSpec(
                    flag: ["-q", "--quiet"], section: inputSection,
                    help: "no warnings about the inputs on stderr (errors are still shown)"
                ) { o, _ throws(SLAReportError) in o.report.quiet = true },
                OptionSpec(
                    ["-f", "--format"], value: "text|json", example: "json", section: outputSection,
                    help: "plain text (default) or JSON (schema slareport-explain/1, in the README)"
                ) { o, use throws(SLAReportError) in
                    o.format = ExplainOptions.Format(rawValue: try choice(use, among: ["text", "json"])) ?? .text
                },
            ],
        positionals: [
            PositionalSpec(name: "TICKET", count: 1...1, missing: "explain needs a ticket id and an input") {
                o, value throws(SLAReportError) in o.ticket = value
            },
            PositionalSpec(
                name: "INPUT", count: 1...Int.max,
                missing: "no input given (a file, a directory, or - for standard input)"
            ) { o, value throws(SLAReportError) in o.report.inputs.append(value) },
        ],
        notes: [
            (
                "EXIT CODES",
                [
                    "0 explained (also when the ticket is outside the window)   64 usage error",
                    "65 no such ticket in the inputs (with the nearest ids), or nothing could be read",
                    "66 an input cannot be opened   78 invalid policy",
                ]
            )
        ],
        examples: [
            ("explain E2 exports/", "why is E2 late?"),
            ("explain zendesk:5012 exports/ --week 2016-W47 -f json", "the same story as JSON, for the W47 report"),
        ],
        initial: ExplainOptions(),
        validate: { o throws(SLAReportError) in
            try validateReport(&o.report)
            if o.ticket.isEmpty {
                throw .usage("explain needs a ticket id (for example slareport explain E2 exports/)")
            }
        })
}
