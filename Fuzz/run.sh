#!/usr/bin/env bash
# Fuzz/run.sh TARGET SECONDS: runs one harness for SECONDS on its corpus (Fuzz/.corpus/TARGET, seeded on the
# first run), then prints the executions, the corpus size and the peak memory. A crash or a broken
# invariant keeps its input in Fuzz/.artifacts/ and makes the script fail; reproduce it with
#   FUZZ_TARGET=TARGET Fuzz/.build/slareport-fuzz Fuzz/.artifacts/TARGET-crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
seconds=$2
binary=Fuzz/.build/slareport-fuzz
corpus=Fuzz/.corpus/$target
artifacts=Fuzz/.artifacts
mkdir -p "$corpus" "$artifacts"
if [ -z "$(ls -A "$corpus")" ]; then Fuzz/seed.sh "$target" "$corpus" >/dev/null; fi
case "$target" in
  policy) max_len=16384 ;;
  json) max_len=8192 ;;
  csv) max_len=4096 ;;
  ingest) max_len=2048 ;;
  *) max_len=256 ;;
esac
log=$(mktemp)
status=0
# No leak detection: the Swift runtime's caches look like leaks to it, and scanning the heap after every
# input would cost more than the input.
# Swift's own crash backtracer is off: libFuzzer prints the stack, and the backtracer trips over ASan.
SWIFT_BACKTRACE=enable=no FUZZ_TARGET=$target "$binary" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -detect_leaks=0 \
  -print_final_stats=1 -artifact_prefix="$artifacts/$target-" "$corpus" >"$log" 2>&1 || status=$?
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
files=$(find "$corpus" -type f | wc -l)
bytes=$(( $(find "$corpus" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}') / 1024 ))
rate=$((runs / (seconds > 0 ? seconds : 1)))
printf '%-9s %10s runs in %4ss (%6s/s)  corpus %5s inputs (%5s KiB)  peak RSS %4s MB' \
  "$target" "$runs" "$seconds" "$rate" "$files" "$bytes" "$rss"
if [ "$status" -ne 0 ]; then
  echo "  FAILED (exit $status)"
  grep -E 'invariant broken|ERROR: AddressSanitizer|ERROR: libFuzzer|Fatal error|deadly signal|SUMMARY' "$log" | head -n 5
  grep -o "Test unit written to .*" "$log" | head -n 1
  rm -f "$log"
  exit 1
fi
echo "  no crash"
rm -f "$log"
