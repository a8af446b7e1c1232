#!/usr/bin/env bash
# The test command (`npm test`). Runs every check in order, carries on after a failure, and ends with one
# line `N passed, N failed` (tests counted from Vitest's and Playwright's JSON reports; the schema check,
# typecheck, eslint, prettier and the build count as one test each). Exits non-zero when anything failed.
#
#   1 schema check   npx tsx scripts/db-generate.ts --check
#   2 typecheck      npx tsc --noEmit
#   3 lint           npx eslint .   and   npx prettier --check .   and   npm run deps:check (import rules, no cycles)
#   4 unit           vitest --project unit
#   5 integration    vitest --project integration on SQLite
#   6 integration    the same on PostgreSQL (TEST_DB=postgres); unreachable server = failure unless SKIP_POSTGRES=1
#   7 build          npx next build
#   8 e2e            npx playwright test (fresh database, its own `next start`, see playwright.config.ts)
#
# Environment: SKIP_POSTGRES=1 (no PostgreSQL here), SKIP_E2E=1 (skip steps 7–8, printed), TEST_POSTGRES_URL.
set -uo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
REPORTS="$(pwd)/test-results/test-all"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"

LAST_OK=0
TOTAL_PASSED=0
TOTAL_FAILED=0
SUMMARY=()
FAILURES=()
RUN_STARTED=$(date +%s)

hr() { printf '\n\033[1m━━ %s\033[0m\n' "$*"; }

record() { # record <label> <passed> <failed> <seconds> [skipped]
  TOTAL_PASSED=$((TOTAL_PASSED + $2))
  TOTAL_FAILED=$((TOTAL_FAILED + $3))
  local skipped=""
  [ "${5:-0}" -gt 0 ] && skipped="  (${5} skipped / did not run)"
  SUMMARY+=("$(printf '%-28s %5s passed %4s failed %5ss%s' "$1" "$2" "$3" "$4" "$skipped")")
}

# A command that counts as one test: passes when it exits 0.
single() { # single <label> <command…>
  local label="$1"
  shift
  hr "$label: $*"
  local started=$(date +%s)
  if "$@"; then
    LAST_OK=1
    record "$label" 1 0 $(($(date +%s) - started))
  else
    LAST_OK=0
    record "$label" 0 1 $(($(date +%s) - started))
    FAILURES+=("$label: \`$*\` failed")
  fi
}

# A runner with a JSON report: counts come from the report.
counted() { # counted <label> <kind> <report> <command…>
  local label="$1" kind="$2" report="$3"
  shift 3
  hr "$label: $*"
  local started=$(date +%s)
  "$@"
  local counts
  counts="$(node scripts/test-all-count.mjs "$kind" "$report")"
  local passed failed skipped
  read -r passed failed skipped <<<"$(head -n 1 <<<"$counts")"
  record "$label" "$passed" "$failed" $(($(date +%s) - started)) "${skipped:-0}"
  while IFS= read -r line; do
    [ -n "$line" ] && FAILURES+=("$label ${line#  }")
  done < <(tail -n +2 <<<"$counts")
}

vitest_run() { # vitest_run <label> <project> <report-name> [env…]
  local label="$1" project="$2" report="$REPORTS/$3.json"
  shift 3
  counted "$label" vitest "$report" env "$@" npx vitest run --project "$project" \
    --reporter=default --reporter=json --outputFile.json="$report"
}

postgres_reachable() {
  node -e '
    const { Client } = require("pg");
    const c = new Client({ connectionString: process.env.TEST_POSTGRES_URL || "postgresql://root@127.0.0.1:5432/postgres", connectionTimeoutMillis: 5000 });
    c.connect().then(() => c.end()).then(() => process.exit(0), (e) => { console.error(String(e.message || e)); process.exit(1); });
  '
}

# 1–3: static checks
single "schema check" npx tsx scripts/db-generate.ts --check
single "typecheck" npx tsc --noEmit
single "eslint" npx eslint .
single "prettier" npx prettier --check .
single "dependencies" npm run --silent deps:check

# 4–6: Vitest
vitest_run "unit" unit unit
vitest_run "integration (SQLite)" integration integration-sqlite
if postgres_reachable; then
  vitest_run "integration (PostgreSQL)" integration integration-postgres TEST_DB=postgres
elif [ "${SKIP_POSTGRES:-}" = "1" ]; then
  hr "integration (PostgreSQL): SKIPPED — SKIP_POSTGRES=1 and no PostgreSQL at ${TEST_POSTGRES_URL:-127.0.0.1:5432}"
  SUMMARY+=("integration (PostgreSQL)     skipped (SKIP_POSTGRES=1, server unreachable)")
else
  hr "integration (PostgreSQL): PostgreSQL unreachable (set SKIP_POSTGRES=1 to skip on purpose)"
  record "integration (PostgreSQL)" 0 1 0
  FAILURES+=("integration (PostgreSQL): server unreachable at ${TEST_POSTGRES_URL:-127.0.0.1:5432}")
fi

# 7–8: build once, then the browser tests against `next start`
if [ "${SKIP_E2E:-}" = "1" ]; then
  hr "build + e2e: SKIPPED (SKIP_E2E=1)"
  SUMMARY+=("build + e2e                  skipped (SKIP_E2E=1)")
else
  single "build" npx next build
  if [ "$LAST_OK" = 1 ] && [ -f .next/BUILD_ID ]; then
    E2E_REPORT="$REPORTS/e2e.json"
    counted "e2e (Playwright)" playwright "$E2E_REPORT" env E2E_FRESH_SERVER=1 \
      PLAYWRIGHT_JSON_OUTPUT_NAME="$E2E_REPORT" npx playwright test --reporter=list,json
  else
    hr "e2e: not run, the build failed"
    record "e2e (Playwright)" 0 1 0
    FAILURES+=("e2e (Playwright): not run because the build failed")
  fi
fi

ELAPSED=$(($(date +%s) - RUN_STARTED))
hr "Summary ($((ELAPSED / 60)) min $((ELAPSED % 60)) s; reports in test-results/test-all/)"
printf '  %s\n' "${SUMMARY[@]}"
if [ ${#FAILURES[@]} -gt 0 ]; then
  printf '\nFailed:\n'
  printf '  ✗ %s\n' "${FAILURES[@]}"
fi
echo
echo "${TOTAL_PASSED} passed, ${TOTAL_FAILED} failed"
[ "$TOTAL_FAILED" -eq 0 ]
