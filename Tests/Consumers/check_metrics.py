"""Reads a slareport metrics report with prometheus_client's OpenMetrics parser, and checks it.

    python check_metrics.py REPORT.txt [--expect NAME CHANNEL VALUE ...]

The parser is strict (it requires `# EOF`, valid names, units that match, canonical quantiles). Then each
`--expect` triple (repeatable) must be a sample of that family and channel with that value (for a summary,
NAME may carry `:QUANTILE`, e.g. slareport_frt_seconds:0.5, or be NAME_count); CHANNEL may be
`CHANNEL/METRIC` for the families labelled by metric too (`email/requester_wait`).
Prints the families found; exits 1 on any disagreement.
"""
import argparse
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--expect", nargs=3, action="append", default=[], metavar=("NAME", "CHANNEL", "VALUE"))
    args = parser.parse_args()
    with open(args.report, encoding="utf-8") as f:
        text = f.read()
    families = list(text_string_to_metric_families(text))
    samples = {}
    for family in families:
        for s in family.samples:
            key = s.name
            if "quantile" in s.labels:
                key += ":" + s.labels["quantile"]
            channel = s.labels.get("channel")
            if "metric" in s.labels:
                channel = f"{channel}/{s.labels['metric']}"
            samples[(key, channel)] = s.value
    problems = []
    required = ["slareport_attainment_percent", "slareport_tickets", "slareport_judged", "slareport_breached",
                "slareport_frt_seconds"]
    found = {f.name: f.type for f in families}
    for name in required:
        if name not in found:
            problems.append(f"family {name} missing")
    if found.get("slareport_frt_seconds") not in (None, "summary"):
        problems.append("slareport_frt_seconds is not a summary")
    for name, channel, value in args.expect:
        got = samples.get((name, channel))
        if got is None:
            problems.append(f"no sample {name}{{channel={channel!r}}}")
        elif abs(got - float(value)) > 1e-9:
            problems.append(f"{name}{{channel={channel!r}}} = {got}, expected {value}")
    print(f"prometheus_client: {len(families)} families, {len(samples)} samples:",
          ", ".join(f"{f.name} ({f.type})" for f in families))
    for problem in problems:
        print("problem:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
