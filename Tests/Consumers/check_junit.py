"""Reads a slareport JUnit report the way CI test views do, and checks it.

    python check_junit.py REPORT.xml [--tests N] [--failures N] [--skipped N] [--failing NAME ...]

1. validates it against junit-common.xsd (beside this script) with xmlschema;
2. parses it with junitparser (the reader many CI tools and scripts use) and checks that its counts, the
   suite's attributes and every case's result agree, and with the expectations given (case names as
   `classname/name`).
Prints what it found; exits 1 on any disagreement.
"""
import argparse
import os
import sys

import xmlschema
from junitparser import Error, Failure, JUnitXml, Skipped


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--tests", type=int)
    parser.add_argument("--failures", type=int)
    parser.add_argument("--skipped", type=int)
    parser.add_argument("--failing", nargs="*", default=None, help="classname/name of every failing case")
    args = parser.parse_args()

    schema = xmlschema.XMLSchema(os.path.join(os.path.dirname(os.path.abspath(__file__)), "junit-common.xsd"))
    schema.validate(args.report)

    xml = JUnitXml.fromfile(args.report)
    suites = list(xml)
    problems = []
    if len(suites) != 1:
        problems.append(f"expected one testsuite, found {len(suites)}")
    cases, failing, skipped = [], [], []
    for suite in suites:
        suite_cases = list(suite)
        cases += suite_cases
        for case in suite_cases:
            kinds = {type(r) for r in case.result}
            if Error in kinds:
                problems.append(f"{case.classname}/{case.name}: an error result (slareport writes none)")
            if Failure in kinds:
                failing.append(f"{case.classname}/{case.name}")
                if not all(r.message for r in case.result if isinstance(r, Failure)):
                    problems.append(f"{case.classname}/{case.name}: a failure without a message")
            if Skipped in kinds:
                skipped.append(f"{case.classname}/{case.name}")
            if not case.system_out:
                problems.append(f"{case.classname}/{case.name}: no system-out figures")
        if suite.tests != len(suite_cases):
            problems.append(f"suite tests={suite.tests} but {len(suite_cases)} cases")
        if suite.failures != sum(1 for c in suite_cases if any(isinstance(r, Failure) for r in c.result)):
            problems.append(f"suite failures={suite.failures} disagrees with its cases")
        if suite.skipped != sum(1 for c in suite_cases if any(isinstance(r, Skipped) for r in c.result)):
            problems.append(f"suite skipped={suite.skipped} disagrees with its cases")
    names = [f"{c.classname}/{c.name}" for c in cases]
    if len(set(names)) != len(names):
        problems.append("two cases share a classname and name")
    if args.tests is not None and len(cases) != args.tests:
        problems.append(f"expected {args.tests} cases, found {len(cases)}")
    if args.failures is not None and len(failing) != args.failures:
        problems.append(f"expected {args.failures} failures, found {len(failing)}")
    if args.skipped is not None and len(skipped) != args.skipped:
        problems.append(f"expected {args.skipped} skipped, found {len(skipped)}")
    if args.failing is not None and sorted(failing) != sorted(args.failing):
        problems.append(f"failing cases {sorted(failing)} != expected {sorted(args.failing)}")
    print(f"junitparser: {len(cases)} cases, {len(failing)} failed, {len(skipped)} skipped; schema valid")
    for problem in problems:
        print("problem:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
