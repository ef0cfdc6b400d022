#!/usr/bin/env bash
# The whole test suite: what `npm test` runs, locally and in CI.
# Set TEST_DATABASE_URL=postgresql://… (a server where it may create databases) to also run the
# integration suite on PostgreSQL; CHROMIUM_PATH if Chromium is not at /usr/bin/chromium.
set -euo pipefail
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "schemas: prisma/postgres agrees with prisma/sqlite"
node scripts/db-schemas.mjs --check
step "compose.yaml: docker compose config"
if docker compose version >/dev/null 2>&1; then
  NEXTAUTH_SECRET=compose-config-check docker compose config --quiet && echo "compose.yaml is valid"
else
  echo "skipped: no docker compose here (tests/unit/compose.test.ts still reads compose.yaml and the Dockerfile)"
fi
step "lint"
npx eslint . --max-warnings 0
step "build"
npx next build
step "typecheck"
npx tsc --noEmit -p .
step "unit tests"
npx vitest run tests/unit
step "integration tests (${TEST_DATABASE_URL:+PostgreSQL and }SQLite)"
npx vitest run tests/integration
step "e2e tests (Chromium)"
npx playwright test
