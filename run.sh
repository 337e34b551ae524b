#!/usr/bin/env bash
# Serves the API at http://127.0.0.1:7071/api on this machine, on a local Azurite storage emulator whose
# data lives under .data/. Installs what it needs first. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/node-tools.sh
ensure_node_tools

mkdir -p .data/azurite
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if port_open 10002; then
  echo "Storage emulator already listening on 127.0.0.1:10002; using it."
else
  node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --location .data/azurite --debug .data/azurite/debug.log >/dev/null 2>&1 &
  azurite_pid=$!
  trap 'kill $azurite_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do port_open 10002 && port_open 10000 && break; sleep 0.2; done
  port_open 10002 || { echo "Azurite did not start; see .data/azurite/debug.log" >&2; exit 1; }
  echo "Azurite started (data in .data/azurite)."
fi

# Storage defaults to the emulator, and on it the pseudonym key to .data/pseudonym-key (made once, never committed):
# the attendance command assumes both, so `dotnet run --project cli/Attendance.Cli -- export` works beside this too.
dotnet run --project cli/Attendance.Cli -c Release -- serve --urls "${URLS:-http://127.0.0.1:7071}"
