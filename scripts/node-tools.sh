#!/usr/bin/env bash
# Installs the Node tools pinned in package-lock.json (Azurite, and the Parquet readers the tests use as
# oracles) when they are missing or the lock file changed since the last install. Sourced by run.sh and test.sh.
#
# Why `npm install` and not `npm ci`: the npm registry reachable here lacks DuckDB's macOS and Windows
# binding packages (optional, per platform), so the lock file cannot list them and `npm ci` refuses it.
# `npm install` takes every version from the same lock file and skips the absent optional packages; the
# check below fails the install if it would have changed the lock.
ensure_node_tools() {
  command -v node >/dev/null || { echo "Node.js 20+ is required (https://nodejs.org); it is not on PATH." >&2; return 1; }
  command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required; dotnet is not on PATH." >&2; return 1; }
  local stamp=node_modules/.package-lock.sha256
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "Installing Node tools from package-lock.json..."
    npm install --no-audit --no-fund --loglevel=error
    if [ "$(sha256sum package-lock.json | cut -d' ' -f1)" != "$want" ]; then
      echo "npm changed package-lock.json: the pinned tools no longer resolve as locked." >&2
      return 1
    fi
    echo "$want" > "$stamp"
  fi
}
