#!/usr/bin/env bash
# Serves the API at http://127.0.0.1:7071/api on this machine, on a local Azurite storage emulator whose
# data lives under .data/. Installs what it needs first. Ctrl+C stops both.
#   URLS=http://0.0.0.0:7071 ./run.sh   listen elsewhere (here: every address, for a phone on the same Wi-Fi)
#   AZURITE_DEBUG=1 ./run.sh            Azurite also writes its debug log to .data/azurite/debug.log (it grows fast)
# The server logs one line per request; Logging__LogLevel__Microsoft.AspNetCore=Information ./run.sh adds
# ASP.NET Core's routing lines, Logging__LogLevel__Default=Debug everything (docs/configuration.md).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/node-tools.sh
ensure_node_tools

mkdir -p .data/azurite
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if port_open 10002; then
  echo "Storage emulator already listening on 127.0.0.1:10002; using it."
else
  azurite_debug=()
  if [ -n "${AZURITE_DEBUG:-}" ]; then
    azurite_debug=(--debug .data/azurite/debug.log)
    echo "Azurite's debug log: .data/azurite/debug.log (AZURITE_DEBUG is set)."
  fi
  node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --loose --disableTelemetry \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --location .data/azurite "${azurite_debug[@]}" >.data/azurite/azurite.log 2>&1 &
  azurite_pid=$!
  trap 'kill $azurite_pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do port_open 10002 && port_open 10000 && break; sleep 0.2; done
  port_open 10002 || { echo "Azurite did not start; see .data/azurite/azurite.log (and AZURITE_DEBUG=1 ./run.sh for its debug log)" >&2; exit 1; }
  echo "Azurite started (data in .data/azurite)."
fi

# Storage defaults to the emulator, and on it the pseudonym key to .data/pseudonym-key (made once, never committed):
# the attendance command assumes both, so `dotnet run --project cli/Attendance.Cli -- export` works beside this too.
# The server's keys, unless Auth__FunctionKey / Auth__AdminKey are set, are kept in .data/function-key and
# .data/admin-key (made on the first run; delete one for a new key).
dotnet run --project cli/Attendance.Cli -c Release -- serve --urls "${URLS:-http://127.0.0.1:7071}"
