#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the browser tests (Playwright drives the system browser through its
# ExecutablePath; Playwright's own browser downloads are never used). CI runs as root on a fresh machine, so it
# installs with apt-get; elsewhere it says what to install. Sourced by test.sh; exports CHROMIUM_PATH.
ensure_chromium() {
  local found
  found=$(command -v chromium || command -v chromium-browser || true)
  if [ -z "$found" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "The browser tests need Chromium: install Debian's 'chromium' package (sudo apt-get install -y chromium)." >&2
      return 1
    fi
    echo "Installing chromium for the browser tests..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    found=$(command -v chromium)
  fi
  export CHROMIUM_PATH="$found"
}
