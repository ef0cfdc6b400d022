#!/usr/bin/env bash
# Creates a migration for both engines from the current schema (developer tool).
# Usage: npm run db:migration -- <name>
# Uses Prisma's WebAssembly schema engine through ../shared/tools/prisma-offline-migrate.mjs where
# the native engine cannot be downloaded; `prisma migrate dev` works as well where it can.
set -euo pipefail
name=${1:?usage: db:migration <name>}
tool=${PRISMA_OFFLINE_MIGRATE:-../shared/tools/prisma-offline-migrate.mjs}
node scripts/db-schemas.mjs
tmp=$(mktemp -d)
pgadmin=${PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
pgdb="muster_migration_$$"
psql "$pgadmin" -qc "CREATE DATABASE $pgdb" >/dev/null
trap 'psql "$pgadmin" -qc "DROP DATABASE IF EXISTS $pgdb" >/dev/null; rm -rf "$tmp"' EXIT
DATABASE_URL="file:$tmp/m.db" node "$tool" create "$name"
DATABASE_URL="${pgadmin%/*}/$pgdb" node "$tool" create "$name"
# Give both engines' migration the same folder name.
s=$(ls prisma/sqlite/migrations | grep -v toml | tail -1)
p=$(ls prisma/postgres/migrations | grep -v toml | tail -1)
[ "$s" = "$p" ] || mv "prisma/postgres/migrations/$p" "prisma/postgres/migrations/$s"
