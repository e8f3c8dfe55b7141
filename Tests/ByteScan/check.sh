#!/usr/bin/env bash
# The CSV reader's vector search (Sources/CByteScan) on each path it has, against its definition
# (stops_check.c): the host's vector path (SSE2 on x86-64), the plain loop (x86-64 built without SSE2), and
# NEON, built for arm64 and run under qemu-user when aarch64-linux-gnu-gcc and qemu-aarch64 are installed
# (Debian: gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user; .ci/run installs them). The Swift tests
# check the path of the machine they run on; this checks the others too. `make byte-scan-check`.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc=${CC:-cc}
include=Sources/CByteScan/include
"$cc" -O2 -Wall -Werror -I "$include" Tests/ByteScan/stops_check.c -o "$out/host"
"$out/host"
if [ "$(uname -m)" = x86_64 ]; then
  "$cc" -O2 -Wall -Werror -mno-sse2 -I "$include" Tests/ByteScan/stops_check.c -o "$out/loop"
  "$out/loop"
fi
if command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 && command -v qemu-aarch64 >/dev/null 2>&1; then
  aarch64-linux-gnu-gcc -O2 -Wall -Werror -static -I "$include" Tests/ByteScan/stops_check.c -o "$out/arm64"
  qemu-aarch64 "$out/arm64"
else
  echo "NEON path: skipped (needs aarch64-linux-gnu-gcc and qemu-aarch64)"
fi
