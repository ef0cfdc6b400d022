// Generates both Prisma clients (SQLite and PostgreSQL). Runs on `npm install` (postinstall).
// Prisma's CLI tries to download its native schema engine for every command, even `generate`,
// which does not need it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any executable stops that
// on machines that cannot reach Prisma's binary host.
import { execFileSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
for (const flavor of ["sqlite", "postgres"]) {
  execFileSync("npx", ["prisma", "generate", "--schema", `prisma/${flavor}/schema.prisma`], { stdio: "inherit", env });
}
