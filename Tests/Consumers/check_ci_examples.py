"""Reads the CI examples with a YAML parser and checks what CI would do with them.

    python check_ci_examples.py examples/gitlab-ci.yml examples/github-workflow.yml

GitLab: a job whose script runs slareport, artifacts kept `when: always`, `reports: junit` and `metrics`
naming slareport's files, rules that run it for scheduled pipelines. GitHub: an `on.schedule` cron of five
fields, steps that upload the artifacts and feed the JUnit file to a test-report action, each `if:
always()` so a failed gate still publishes them. Prints the slareport command lines found, one JSON list per
file; exits 1 on any problem.
"""
import json
import sys

import yaml


def commands(lines):
    found = []
    for text in lines:
        for line in str(text).splitlines():
            words = line.strip().split()
            if words and words[0].rsplit("/", 1)[-1] == "slareport":
                found.append(line.strip())
    return found


def gitlab(data, problems):
    jobs = {name: job for name, job in data.items() if isinstance(job, dict) and "script" in job}
    if not jobs:
        problems.append("gitlab: no job with a script")
    found = []
    for name, job in jobs.items():
        found += commands(job.get("script", []))
        artifacts = job.get("artifacts", {})
        if artifacts.get("when") != "always":
            problems.append(f"gitlab {name}: artifacts not kept when the gate fails (when: always)")
        reports = artifacts.get("reports", {})
        if not str(reports.get("junit", "")).endswith("-junit.xml"):
            problems.append(f"gitlab {name}: no reports:junit with slareport's JUnit file")
        if not str(reports.get("metrics", "")).endswith("-metrics.txt"):
            problems.append(f"gitlab {name}: no reports:metrics with slareport's metrics file")
        if not any("schedule" in str(rule.get("if", "")) for rule in job.get("rules", [])):
            problems.append(f"gitlab {name}: no rule for scheduled pipelines")
    return found


def github(data, problems):
    triggers = data.get("on", data.get(True, {}))  # YAML 1.1 reads a bare `on` key as true
    crons = [entry.get("cron", "") for entry in (triggers or {}).get("schedule", [])]
    if not crons or any(len(cron.split()) != 5 for cron in crons):
        problems.append(f"github: no weekly schedule cron of five fields: {crons}")
    found = []
    for name, job in data.get("jobs", {}).items():
        steps = job.get("steps", [])
        found += commands(step["run"] for step in steps if "run" in step)
        uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact")]
        if not uploads or any(s.get("if") != "always()" for s in uploads):
            problems.append(f"github {name}: artifacts not uploaded with if: always()")
        tests = [s for s in steps if str(s.get("with", {}).get("report_paths", "")).endswith("-junit.xml")]
        if not tests or any(s.get("if") != "always()" for s in tests):
            problems.append(f"github {name}: the JUnit file is not fed to a test-report step with if: always()")
    return found


def main():
    problems = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            data = yaml.safe_load(f)
        found = gitlab(data, problems) if "gitlab" in path else github(data, problems)
        print(json.dumps(found))
    for problem in problems:
        print("problem:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
