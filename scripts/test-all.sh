#!/usr/bin/env bash
# npm test — everything a change must pass, in order: Vitest (unit + integration on a fresh
# database of the embedded PostgreSQL), the production build, and the Playwright end-to-end specs.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -f test-results/vitest.json test-results/playwright.json
mkdir -p test-results

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
# CI also runs the integration suite against a PostgreSQL server (ALSO_INTEGRATION_ON=<url>): beside the
# first Vitest run, not beside the end-to-end specs. Each run is one test file at a time in one shared
# process (vitest.config.ts), so two of them share the two cores better than either shares them with the
# browser, the server and its database: measured on 2 cores, the two runs together took 462 s (858 s while
# every file had a fresh process), where beside Playwright the second run had stretched the specs from
# ~15 to ~24 minutes.
also_pid=""
if [ -n "${ALSO_INTEGRATION_ON:-}" ]; then
  section "Vitest integration on ${ALSO_INTEGRATION_ON%%\?*} (beside the first Vitest run)"
  TEST_DATABASE_URL="$ALSO_INTEGRATION_ON" npx vitest run --project 'integration*' > test-results/integration-also.log 2>&1 &
  also_pid=$!
fi
timed "Vitest: unit + integration (embedded PostgreSQL)" npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
if [ -n "$also_pid" ]; then
  if wait "$also_pid"; then
    tail -n 6 test-results/integration-also.log
  else
    cat test-results/integration-also.log
    echo "the integration suite on ${ALSO_INTEGRATION_ON%%\?*} failed" >&2
    exit 1
  fi
fi
# The end-to-end specs' seeded database is made beside the build (scripts/e2e-server.ts --prepare): the seed mostly
# waits on PostgreSQL, the build on the CPU. The specs' server then copies it (under a second) instead of seeding (~40 s).
build_and_seed() {
  node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts --prepare > test-results/e2e-seed.log 2>&1 &
  local seed_pid=$!
  local built=0 seeded=0
  npx next build || built=$?
  wait "$seed_pid" || seeded=$?
  tail -n 2 test-results/e2e-seed.log
  if [ "$seeded" != 0 ]; then cat test-results/e2e-seed.log; echo "seeding the end-to-end database failed" >&2; fi
  [ "$built" = 0 ] && [ "$seeded" = 0 ]
}
timed "next build, and the end-to-end database seeded beside it" build_and_seed
export E2E_FROM_TEMPLATE=1
# ALSO_CLUSTER_TEST=1 (CI, when Debian's postgresql, pgbouncer and nginx are installed): npm run
# test:cluster on the build just made, beside the end-to-end specs.
cluster_pid=""
if [ -n "${ALSO_CLUSTER_TEST:-}" ]; then
  section "npm run test:cluster (beside the end-to-end specs)"
  npm run test:cluster > test-results/cluster.log 2>&1 &
  cluster_pid=$!
fi
# The specs of what people do; the review screenshots (e2e/screenshots.spec.ts) are `npm run screenshots`.
timed "Playwright end-to-end (Chromium)" npx playwright test --project chromium
if [ -n "$cluster_pid" ]; then
  if wait "$cluster_pid"; then
    grep 'test:cluster:' test-results/cluster.log
  else
    cat test-results/cluster.log
    echo "npm run test:cluster failed" >&2
    exit 1
  fi
fi
section "summary"
node scripts/test-summary.mjs
