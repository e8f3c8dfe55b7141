#!/usr/bin/env bash
# Fuzz/seed.sh TARGET DIR: fills DIR with the seed inputs of TARGET, from SampleData, the test fixtures and
# Fuzz/seeds (each cut to the harness's maximum input length).
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
dir=$2
mkdir -p "$dir"
n=0
add() { # add FILE [PREFIX-BYTE-IN-OCTAL]
  local file=$1 prefix=${2:-}
  n=$((n + 1))
  if [ -n "$prefix" ]; then
    { printf "\\$prefix"; head -c "$max" "$file"; } > "$dir/seed-$n"
  else
    head -c "$max" "$file" > "$dir/seed-$n"
  fi
}
data_files() { find SampleData Tests/SLAReportCoreTests/Fixtures/native -type f \( -name '*.csv' -o -name '*.json' -o -name '*.ndjson' \) ! -name '*.policy.json' | LC_ALL=C sort; }
case "$target" in
  ingest)
    max=2048
    for f in $(data_files); do add "$f"; done
    # Several files at once (the harness splits at a `--8<--` line): Zendesk tickets with their audits.
    n=$((n + 1))
    { cat Tests/SLAReportCoreTests/Fixtures/native/zendesk/tickets_time_page.json; printf '\n--8<--\n'
      cat Tests/SLAReportCoreTests/Fixtures/native/zendesk/audits.json; printf '\n--8<--\n'
      cat Tests/SLAReportCoreTests/Fixtures/native/zendesk/users.json; } > "$dir/seed-$n"
    ;;
  csv)
    max=4096
    # The first byte picks the separator, the limits and the chunk size.
    for f in $(data_files | grep '\.csv$'); do add "$f" 000; add "$f" 201; add "$f" 132; done
    ;;
  json)
    max=8192
    for f in $(data_files | grep -v '\.csv$'); do add "$f"; done
    ;;
  timestamp | duration)
    max=256
    for f in Fuzz/seeds/"$target"/*; do add "$f"; done
    ;;
  policy)
    max=16384
    for f in SampleData/*.policy.json Fuzz/seeds/policy/*; do [ -f "$f" ] && add "$f"; done
    ;;
  *) echo "seed.sh: unknown target $target" >&2; exit 2 ;;
esac
echo "$n seeds"
