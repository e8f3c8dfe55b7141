# slareport developer tasks. `make test` is what CI runs (plus lint).
SWIFT ?= swift
VENV ?= /tmp/slareport-bench-venv
BENCH ?= ../shared/bench

.PHONY: build release test lint format reports check-reports peers bench clean

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

# Regenerates Reports/ from SampleData/ with the built-in policy, in every format (the CI ones too).
# Review the diff before committing.
REPORT_FORMATS = md,html,json,csv,junit,metrics
reports: build
	rm -rf Reports && .build/debug/slareport report SampleData --out Reports --format $(REPORT_FORMATS) --quiet \
		|| [ $$? -eq 1 ]

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q numpy duckdb pandas

# slareport vs DuckDB and pandas on 20,000 tickets of the independent generator: must agree exactly.
peers: build $(VENV)/bin/python
	$(VENV)/bin/python Tests/Peers/compare_peers.py 20000 .build/debug/slareport

# The side-by-side benchmark of SPEC §6 (1M tickets, release build, 5 alternating runs).
bench: release
	bash $(BENCH)/compare.sh 1000000 .build/release/slareport

clean:
	rm -rf .build
