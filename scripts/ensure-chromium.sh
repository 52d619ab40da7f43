#!/usr/bin/env bash
# Makes sure a Chromium exists for the e2e tests: Debian's package where we can install it,
# otherwise Playwright falls back to its own browser (npx playwright install chromium).
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium package" >&2
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  exit 0
fi

echo "ensure-chromium: /usr/bin/chromium not found." >&2
echo "ensure-chromium: install Chromium or run npx playwright install chromium" >&2
exit 0
