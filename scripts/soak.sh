#!/usr/bin/env bash
# The long variants of the reliability tests. `npm test` runs each of them at the size that fits
# CI's time; this runs them bigger and longer, on SQLite and PostgreSQL, and prints their numbers
# (the lines starting with [crash], [fuzz], [two instances] and [db restart]).
#   bash scripts/soak.sh                 # everything, sizes below
#   CRASH_USERS=20000 bash scripts/soak.sh crash
# Needs a built app (`npx next build`) and PostgreSQL (TEST_DATABASE_URL, default the local server).
set -euo pipefail
cd "$(dirname "$0")/.."
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test}"
export CRASH_USERS="${CRASH_USERS:-10000}"
export FUZZ_RUNS="${FUZZ_RUNS:-50000}"
export TWO_INSTANCES_USERS="${TWO_INSTANCES_USERS:-3000}"
export DB_OUTAGE_MS="${DB_OUTAGE_MS:-30000}"
[ -f "${NEXT_DIST_DIR:-.next}/BUILD_ID" ] || npx next build

declare -A files=([crash]=crash [fuzz]=fuzz [two]=two-instances [restart]=db-restart)
selected=("${@:-crash fuzz two restart}")
for name in ${selected[*]}; do
  file="tests/integration/${files[$name]:?unknown variant $name (crash, fuzz, two, restart)}.test.ts"
  printf '\n\033[1m== %s\033[0m\n' "$file"
  npx vitest run "$file" --silent=false 2>&1 | tee "/tmp/soak-$name.log" | grep -E '\[(crash|fuzz|two instances|db restart)\]|✓|×|FAIL|Tests ' || true
  grep -q "Tests .*failed" "/tmp/soak-$name.log" && { echo "soak: $file failed (see /tmp/soak-$name.log)"; exit 1; }
done
