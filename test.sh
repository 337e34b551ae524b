#!/usr/bin/env bash
# Installs what the tests need and runs every test: unit tests, integration tests against a real Azurite
# that the fixtures start on free ports, Parquet files checked by DuckDB, arrow-rs and hyparquet, and the venue page and
# organizer's lists in headless Chromium (Debian's, installed when missing).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/node-tools.sh
ensure_node_tools
source scripts/chromium.sh
ensure_chromium

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Attendance.slnx --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies, e.g. "tests: 524 passed, 0 failed, 0 skipped".
awk '/^ +Passed: [0-9]+$/ {p+=$2} /^ +Failed: [0-9]+$/ {f+=$2} /^ +Skipped: [0-9]+$/ {s+=$2}
     END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' "$log"
exit $status
