#!/usr/bin/env bash
# The Excel add-in's tests: Node (unit tests with node --test, the browser test with playwright-core) and Debian's
# Chromium for the end-to-end test of the task pane. playwright-core downloads no browser; it drives this one.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(chromium)
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" > /dev/null
chromium --version 2> /dev/null || true
node --version

# The build runs `npm ci` itself before the tests; doing it here as well fails early, with npm's own message.
(cd addin-manifest && npm ci --no-audit --no-fund)
echo "export CHROMIUM=/usr/bin/chromium" >> "$CI_ENV"
