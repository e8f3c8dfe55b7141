/// The help text: enough to learn the tool from.
enum Usage {
    static let text = """
        slareport — SLA reports from support-ticket exports (offline, deterministic)

        USAGE
          slareport [report] [OPTIONS] INPUT...   compute the report (the default subcommand)
          slareport check [OPTIONS] INPUT...      read the inputs only; print the data-quality summary
          slareport policy [--policy FILE]        print the effective policy as JSON (built-in by default);
                                                  with --policy, validate FILE and print it normalised
          slareport policy --from-zendesk SLA_POLICIES.json [SCHEDULES.json]
                                                  a policy from Zendesk's SLA policies and schedules
          slareport generate --tickets N [--seed S] [--format events|tickets] [--profile benchmark|sample]
                             [--out FILE]         write a synthetic canonical export
          slareport --help | --version

        INPUT is a file, a directory (searched recursively for *.csv, *.json, *.ndjson, *.jsonl in sorted
        order; *.policy.json files are skipped) or - for standard input. Formats are detected from content.

        WINDOW (tickets are reported when CREATED in [since, until))
          --since WHEN          2016-11-14 (midnight, policy time zone), 2016-11-14T09:00:00Z,
                                or a span back from --as-of: 90m, 36h, 7d, 2w
          --until WHEN          same forms as --since
          --week YYYY-Www       one ISO week, Monday 00:00 to Monday 00:00 (e.g. 2016-W47)
          --month YYYY-MM       one calendar month
          --as-of WHEN          judge open tickets at this instant; later events are ignored.
                                Default: the newest timestamp in the inputs. `now` is accepted.

        SELECTION AND POLICY
          -p, --policy FILE     SLA policy (JSON). Default: the built-in GitLab Support policy;
                                `slareport policy` prints it as a starting point.
          --channel NAME        only these channels (repeatable, or comma-separated)
          --input-format NAME   force the input format for every input (e.g. canonical-events)

        OUTPUT
          -f, --format LIST     comma-separated from md,html,json,csv. Default: md to stdout;
                                all four with --out
          -o, --out DIR         write the report files into DIR (created if missing)
          --name PREFIX         file name prefix inside --out (default sla-report)
          --fail-under PERCENT  exit 1 when a channel with a first-reply target is below PERCENT
                                attainment (a channel's own `goal` gates the same way)
          --strict              any rejected input record is fatal (exit 65)
          --progress, --no-progress
                                progress on stderr (default: on for a terminal and inputs over 50 MB)
          -q, --quiet           no warnings on stderr (the report still lists them)

        MEMORY
          All events of the inputs are held in memory, about 40 bytes each (a million tickets, 5.8 million
          events: about 300 MB at peak). Input files are mapped, not copied.

        EXIT CODES
          0 success   1 an SLA gate failed (reports still written)   64 usage error
          65 data error (--strict rejection, nothing usable, unrecognised input)
          66 an input cannot be opened   73 an output cannot be written   78 invalid policy

        EXAMPLES
          slareport exports/ --since 7d                        last week's report, Markdown to stdout
          slareport exports/ --week 2016-W47 --out Reports/2016-W47
          slareport exports/ --out public --fail-under 90     CI artifact; exit 1 below 90 %
          slareport check exports/                            what would be read, used and rejected
          slareport policy > my.policy.json                   start a custom policy
        """
}
