#!/usr/bin/env bash
# npm test — everything a change must pass, in order: Vitest (unit + integration on a fresh
# database of the embedded PostgreSQL), the production build, and the Playwright end-to-end specs.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -f test-results/vitest.json test-results/playwright.json

section() {
  printf '\n\033[1m==> %s\033[0m\n' "$1"
}
timed() {
  local name="$1"; shift
  local start=$SECONDS
  section "$name"
  "$@"
  printf '\033[1m<== %s: ok in %ss\033[0m\n' "$name" "$((SECONDS - start))"
}

# The browser first: a missing Chromium should stop the run in a second, not after the build.
timed "Chromium for the end-to-end specs" bash scripts/ensure-browser.sh
timed "Vitest: unit + integration (embedded PostgreSQL)" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
timed "next build" npx next build
timed "Playwright end-to-end (Chromium)" npx playwright test

section "summary"
node scripts/test-summary.mjs
