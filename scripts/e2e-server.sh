#!/usr/bin/env bash
# The server the Playwright suite runs against (started by playwright.config.ts → webServer):
# a fresh SQLite database with a small demo university, then `next start` on the existing build.
# It never builds: the test command (scripts/test-all.sh) builds once before the e2e step.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${E2E_PORT:-3100}"
# Another port (E2E_PORT) gets its own database, so a second server never deletes the first one's.
NAME="e2e"
if [ "$PORT" != "3100" ]; then NAME="e2e-$PORT"; fi
export DATABASE_URL="file:./data/$NAME.db"
export UPLOADS_DIR="./data/$NAME-uploads"
export DEV_OUTBOX=1
export DEMO_MODE=1
export NEXT_TELEMETRY_DISABLED=1
# A test run must not inherit a public URL that would switch on secure cookies.
unset NEXTAUTH_URL

if [ ! -f .next/BUILD_ID ]; then
  echo "[e2e-server] no build in .next: run 'npx next build' first (npm test does it for you)" >&2
  exit 1
fi

mkdir -p data
rm -f "data/$NAME.db" "data/$NAME.db-wal" "data/$NAME.db-shm" "data/$NAME.db-journal"
rm -rf "$UPLOADS_DIR"

echo "[e2e-server] migrating $DATABASE_URL"
npx prisma migrate deploy >/dev/null
echo "[e2e-server] seeding the demo university (${E2E_STUDENTS:-400} students)"
npx tsx --conditions=react-server prisma/seed/cli.ts --students "${E2E_STUDENTS:-400}" | tail -n 3
echo "[e2e-server] serving on port $PORT (log: data/$NAME-server.log)"
# The server's whole output is kept in a file: tests/e2e/zz-logs.spec.ts searches every line of it for
# ID numbers, codes and passwords. The test run's console shows everything but the per-request lines.
exec > >(tee "data/$NAME-server.log" | grep --line-buffered -v '"msg":"request"') 2>&1
PORT="$PORT" HOSTNAME=127.0.0.1 INSTANCE_ID="e2e-$PORT" exec npx tsx scripts/serve.ts
