#!/usr/bin/env bash
# Regenerates the core golden (Tests/slareportTests/Golden/) from the reports a pinned commit of slareport
# makes: the previous core's outputs, against which CoreGoldenTests compares the current core's (byte for
# byte, apart from the JSON lists SPEC §5.1 caps at 1,000 entries).
#
# Usage: Tests/Golden/make-golden.sh [COMMIT]     (default: the commit named in Tests/slareportTests/Golden/COMMIT)
#
# The input is `slareport generate --tickets 20000 --seed 7` (the pinned commit's generator; the test checks
# that today's generator writes the same bytes, by length and FNV-1a 64 checksum) plus SampleData/. Each run
# below is one folder; keep the list in step with CoreGoldenTests.runs. Review the diff before committing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
golden=$root/Tests/slareportTests/Golden
commit=${1:-$(cat "$golden/COMMIT")}
commit=$(git -C "$root" rev-parse "$commit")
work=$(mktemp -d /tmp/slareport-golden.XXXXXX)
trap 'rm -rf "$work"' EXIT
git -C "$root" archive "$commit" | tar -x -C "$work"
# SLAREPORT_GOLDEN_BINARY: a binary already built from COMMIT (saves the release build).
bin=${SLAREPORT_GOLDEN_BINARY:-}
if [ -z "$bin" ]; then
  (cd "$work" && swift build -c release --product slareport >/dev/null)
  bin=$work/.build/release/slareport
fi
"$bin" generate --tickets 20000 --seed 7 --out "$work/generated.csv"
formats=md,html,json,csv,junit,metrics
rm -rf "$golden"
mkdir -p "$golden"
echo "$commit" >"$golden/COMMIT"
python3 - "$work/generated.csv" >"$golden/INPUT" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
h = 0xcbf29ce484222325
for b in data:
    h = ((h ^ b) * 0x100000001b3) & 0xffffffffffffffff
print(len(data), format(h, '016x'))
PY
run() {
  local name=$1; shift
  mkdir -p "$golden/$name"
  # Paths appear in the reports (data quality, as-of source): run in the commit's tree, with the input as
  # `generated.csv` beside its SampleData/, as the test does.
  (cd "$work" && "$bin" report generated.csv SampleData "$@" --out "$golden/$name" --format $formats --quiet) \
    || [ $? -eq 1 ]
}
run whole --policy SampleData/gitlab-team.policy.json
run 2016-11 --policy SampleData/gitlab-2017.policy.json --month 2016-11 --fail-under 85
run zendesk-level --policy SampleData/zendesk-level.policy.json --month 2016-11
ls -la "$golden"/*
