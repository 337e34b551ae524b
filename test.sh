#!/usr/bin/env bash
# Installs what the tests need and runs every test: unit tests, integration tests against a real Azurite
# that the fixtures start on free ports, and Parquet files checked by DuckDB, arrow-rs and hyparquet.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/node-tools.sh
ensure_node_tools

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Attendance.slnx --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# One closing line over all test assemblies, e.g. "tests: 120 passed, 0 failed, 2 skipped".
grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}'
exit $status
