// Generates prisma/postgres/schema.prisma from the one source, prisma/sqlite/schema.prisma.
// `--check` fails (exit 1) when the checked-in PostgreSQL schema is out of date.
import fs from "node:fs";

const source = fs.readFileSync("prisma/sqlite/schema.prisma", "utf8");
const target = "prisma/postgres/schema.prisma";
const generated = source
  .replace(/^\/\/ The one source of truth[\s\S]*?\n\n/, "// GENERATED from prisma/sqlite/schema.prisma by `npm run db:schemas`. Do not edit.\n\n")
  .replace('output       = "../../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgres"')
  .replace('provider = "sqlite"', 'provider = "postgresql"');

if (process.argv.includes("--check")) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (current !== generated) {
    console.error(`${target} is out of date: run \`npm run db:schemas\``);
    process.exit(1);
  }
  console.log("prisma schemas agree");
} else {
  fs.mkdirSync("prisma/postgres", { recursive: true });
  fs.writeFileSync(target, generated);
  console.log(`wrote ${target}`);
}
