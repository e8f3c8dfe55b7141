# slareport developer tasks. `make test` is what CI runs (plus lint).
SWIFT ?= swift
VENV ?= /tmp/slareport-bench-venv
BENCH ?= ../shared/bench

.PHONY: build release test lint format reports check-reports peers bench faults profile browser-check fuzz fuzz-smoke byte-scan-check clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

test:
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict -r Package.swift Sources Tests

format:
	$(SWIFT) format -i -r Package.swift Sources Tests

# Regenerates Reports/ from SampleData/ with the sample team's policy (the built-in one plus the team in
# `agents`, with aliases, so that the agent table has one row per person), in every format (the CI ones too):
# the whole four weeks, and the Monday report of 2016-W47 under --fail-under 85 (trend, threshold); and the whole
# four weeks under the Zendesk-level policy (night shift, half day, requester wait, agent work, periodic update,
# goals per metric) in Reports/zendesk-level. Review the diff before committing.
REPORTS_POLICY ?= SampleData/gitlab-team.policy.json
ZENDESK_LEVEL_POLICY ?= SampleData/zendesk-level.policy.json
REPORT_FORMATS = md,html,json,csv,junit,metrics
REPORT_W47_ARGS = --week 2016-W47 --fail-under 85
reports: build
	rm -rf Reports && .build/debug/slareport report SampleData --policy $(REPORTS_POLICY) --out Reports \
		--format $(REPORT_FORMATS) --quiet || [ $$? -eq 1 ]
	.build/debug/slareport report SampleData --policy $(REPORTS_POLICY) $(REPORT_W47_ARGS) --out Reports/2016-W47 \
		--format $(REPORT_FORMATS) --quiet || [ $$? -eq 1 ]
	.build/debug/slareport report SampleData --policy $(ZENDESK_LEVEL_POLICY) --out Reports/zendesk-level \
		--format $(REPORT_FORMATS) --quiet || [ $$? -eq 1 ]

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q numpy duckdb pandas

# slareport vs DuckDB and pandas on 20,000 tickets of the independent generator: must agree exactly.
peers: build $(VENV)/bin/python
	$(VENV)/bin/python Tests/Peers/compare_peers.py 20000 .build/debug/slareport

# The side-by-side benchmark of SPEC §6 (1M tickets, release build, 5 alternating runs).
bench: release
	bash $(BENCH)/compare.sh 1000000 .build/release/slareport

# Where the full report at 1M spends its page faults and its time (Linux perf: apt-get install linux-perf;
# the input is the one `make bench` makes). Tests/Perf/README.md describes the scripts.
PERF_DATA ?= /tmp/slareport-bench-events-1000000.csv
PERF_OUT ?= /tmp/slareport-perf
PERF_REPORT = .build/release/slareport report $(PERF_DATA) --format md,html,json,csv --out $(PERF_OUT)/report \
	--quiet --no-progress
faults: release
	mkdir -p $(PERF_OUT)
	perf record -e page-faults -c 1 -g -o $(PERF_OUT)/faults.data $(PERF_REPORT) || [ $$? -eq 1 ]
	perf script -i $(PERF_OUT)/faults.data -F tid,time,ip,sym | swift demangle --simplified > $(PERF_OUT)/faults.txt
	python3 Tests/Perf/faults.py $(PERF_OUT)/faults.txt 30
profile: release
	mkdir -p $(PERF_OUT)
	perf record -F 999 -g -o $(PERF_OUT)/cpu.data $(PERF_REPORT) || [ $$? -eq 1 ]
	perf script -i $(PERF_OUT)/cpu.data -F tid,time,ip,sym | swift demangle --simplified > $(PERF_OUT)/cpu.txt
	python3 Tests/Perf/timeline.py $(PERF_OUT)/cpu.txt 0.05

BROWSER_VENV ?= /tmp/slareport-browser-venv

$(BROWSER_VENV)/bin/python:
	python3 -m venv $(BROWSER_VENV)
	$(BROWSER_VENV)/bin/pip install -q websocket-client

# Reports/ in headless Chromium (1280 and 375 px, light and dark, PDF) and the Markdown through cmark-gfm
# (Debian's chromium and cmark-gfm). Screenshots, DOM dumps and PDFs in .build/browser-check; the first-screen
# screenshots of Reports/sla-report.html become docs/report-1280.png and docs/report-375.png.
browser-check: $(BROWSER_VENV)/bin/python
	$(BROWSER_VENV)/bin/python Tests/Browser/browser_check.py Reports/sla-report.html Reports/2016-W47/sla-report.html \
	  Reports/zendesk-level/sla-report.html --md Reports/sla-report.md --md Reports/2016-W47/sla-report.md \
	  --md Reports/zendesk-level/sla-report.md --out .build/browser-check --docs docs

# libFuzzer over ingest, the CSV and JSON readers, timestamps, policies and durations (Fuzz/README.md): builds
# Fuzz/.build/slareport-fuzz (swiftc -sanitize=fuzzer,address, outside the package's build), then runs each
# target FUZZ_SECONDS on its corpus in Fuzz/.corpus and prints its executions and corpus size. A crash keeps
# its input in Fuzz/.artifacts and fails the target.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= ingest csv json timestamp policy duration
fuzz:
	Fuzz/build.sh
	@status=0; for t in $(FUZZ_TARGETS); do Fuzz/run.sh $$t $(FUZZ_SECONDS) || status=1; done; exit $$status

# The CI smoke: every target for 10 seconds (a minute in all, after the build).
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=10

# The CSV reader's vector search (Sources/CByteScan) on every path it has, against its definition: SSE2, the
# plain loop, and NEON under qemu-user when the arm64 cross compiler is installed (Tests/ByteScan/check.sh).
byte-scan-check:
	bash Tests/ByteScan/check.sh

clean:
	rm -rf .build Fuzz/.build
