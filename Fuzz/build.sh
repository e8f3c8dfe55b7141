#!/usr/bin/env bash
# Builds Fuzz/.build/slareport-fuzz: the library's sources and the harnesses in Fuzz/Harnesses, compiled as
# one module with libFuzzer and AddressSanitizer (`swiftc -sanitize=fuzzer,address`), outside the package's
# normal build. Nothing is rebuilt when no source is newer than the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Fuzz/.build
binary=$out/slareport-fuzz
mkdir -p "$out"
sources=$(find Sources/SLAReportCore Fuzz/Harnesses -name '*.swift' | LC_ALL=C sort)
if [ -x "$binary" ] && [ -z "$(find Sources/SLAReportCore Sources/CPrefetch Sources/CByteScan Fuzz/Harnesses Fuzz/build.sh -newer "$binary" -print -quit)" ]; then
  echo "fuzz: $binary is up to date"
  exit 0
fi
linker=()
if swiftc -use-ld=lld --version >/dev/null 2>&1 && command -v ld.lld >/dev/null 2>&1 || [ -x "$(dirname "$(command -v swiftc)")/ld.lld" ]; then
  linker=(-use-ld=lld)
fi
echo "fuzz: building $binary (optimised, libFuzzer + ASan)"
rm -f "$binary.tmp"
log=$(mktemp)
status=0
# shellcheck disable=SC2086
# The library's C modules (header-only: a prefetch hint, the CSV reader's vector search) are found through their
# module maps.
swiftc -module-name SLAReportCore -parse-as-library -O -g -sanitize=fuzzer,address "${linker[@]}" \
  -I Sources/CPrefetch/include -I Sources/CByteScan/include $sources -o "$binary.tmp" >"$log" 2>&1 || status=$?
grep -v -e "Cannot export local symbol" "$log" || true
rm -f "$log"
if [ "$status" -ne 0 ] || [ ! -x "$binary.tmp" ]; then
  rm -f "$binary.tmp"
  echo "fuzz: build failed" >&2
  exit 1
fi
mv "$binary.tmp" "$binary"
