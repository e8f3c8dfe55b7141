/// The overview help (`slareport --help`): every subcommand's usage line from the table, then the default
/// subcommand's options, exit codes and examples. Each subcommand's own help is `slareport NAME --help`.
enum Usage {
    static var text: String {
        let report = CommandLineOptions.report
        var lines = ["slareport — SLA reports from support-ticket exports (offline, deterministic)", "", "USAGE"]
        let width = CommandLineOptions.subcommands.map { $0.usageLine.count }.max() ?? 0
        for subcommand in CommandLineOptions.subcommands {
            let line = subcommand.name == "report" ? "slareport [report] " + report.synopsis : subcommand.usageLine
            lines.append(HelpLayout.column("  " + line, subcommand.summary, at: width + 6))
        }
        lines.append("  slareport --help | --version")
        lines.append("")
        lines += HelpLayout.wrap(
            "Each subcommand has its own help: slareport SUBCOMMAND --help (or slareport help SUBCOMMAND). "
                + "The options below are those of report.", width: CommandSpec<ReportOptions>.helpWidth, indent: "")
        lines.append("")
        lines += HelpLayout.wrap(
            CommandLineOptions.inputParagraph, width: CommandSpec<ReportOptions>.helpWidth, indent: "")
        lines += report.optionLines
        for note in report.notes {
            lines += ["", note.heading]
            lines += note.lines.map { "  " + $0 }
        }
        lines += ["", "EXAMPLES"]
        lines += HelpLayout.examples([
            ("slareport exports/ --since 7d", "last week's report, Markdown to stdout"),
            ("slareport exports/ --week 2016-W47 --out Reports/2016-W47", "the Monday report: md, html, json, csv"),
            (
                "slareport exports/ --out public -f md,html,json,csv,junit,metrics --fail-under 90",
                "CI: artifacts, JUnit and metrics reports; exit 1 below 90 %"
            ),
            ("slareport check exports/", "what would be read, used and rejected, file by file"),
            ("slareport policy > my.policy.json", "start a custom policy"),
            ("slareport generate --tickets 1000000 --out /tmp/events.csv", "a benchmark input"),
        ])
        return lines.joined(separator: "\n") + "\n"
    }
}
