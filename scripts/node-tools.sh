#!/usr/bin/env bash
# Installs the Node tools pinned in package-lock.json (Azurite, and the Parquet readers the tests use as
# oracles) with `npm ci` when they are missing or the lock file changed since the last install.
# Sourced by run.sh and test.sh.
ensure_node_tools() {
  command -v node >/dev/null || { echo "Node.js 20+ is required (https://nodejs.org); it is not on PATH." >&2; return 1; }
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required; dotnet is not on PATH." >&2; return 1; }
  local stamp=node_modules/.package-lock.sha256
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installing Node tools from package-lock.json..."
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
}
