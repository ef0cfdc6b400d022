// Muster's operator CLI. Every command prints one JSON document on stdout (errors: JSON on stderr,
// exit 1), so scripts can read it. Uses the same lib/ services as the pages.
//   npm run muster -- workspace:create --name <name> --owner <email> [--password <pw>]
//   npm run muster -- token:create --workspace <slug|id> [--name <label>]
//   npm run muster -- token:list --workspace <slug|id>
//   npm run muster -- token:revoke --workspace <slug|id> --id <tokenId>
//   npm run muster -- db:migrate
//   npm run muster -- prune
//   npm run muster -- backup --out <file>
//   npm run muster -- restore --from <file> [--force]
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { dbConfig } from "@/lib/db/config";
import { migrate } from "@/lib/db/migrate";

type Opts = Record<string, string | boolean | undefined>;

const usage = `usage: muster <command> [options]
  workspace:create --name <name> --owner <email> [--password <pw>]
  token:create     --workspace <slug|id> [--name <label>]
  token:list       --workspace <slug|id>
  token:revoke     --workspace <slug|id> --id <tokenId>
  db:migrate
  prune            deletes log rows past each workspace's retention and old sent emails
  backup           --out <file>                 (SQLite; on PostgreSQL use pg_dump)
  restore          --from <file> [--force]      (SQLite, with Muster stopped; on PostgreSQL use pg_restore)`;

class CliError extends Error {}

const need = (opts: Opts, key: string) => {
  const v = opts[key];
  if (typeof v !== "string" || !v) throw new CliError(`--${key} is required`);
  return v;
};

const text = (opts: Opts, key: string) => (typeof opts[key] === "string" ? opts[key] : undefined);

const workspaceOf = async (opts: Opts) => {
  const { findWorkspace } = await import("@/lib/server/workspaces/find-workspaces");
  const ws = await findWorkspace(need(opts, "workspace"));
  if (!ws) throw new CliError(`no workspace with slug or id "${opts.workspace}"`);
  return ws;
};

const commands: Record<string, (opts: Opts) => Promise<unknown>> = {
  prune: async () => {
    const { pruneLogNow } = await import("@/lib/server/retention/prune-log");
    return { deleted: await pruneLogNow() };
  },
  backup: async (opts) => {
    const { backupSqlite } = await import("@/lib/server/backup/backup-sqlite");
    return backupSqlite(need(opts, "out"));
  },
  restore: async (opts) => {
    const { restoreSqlite } = await import("@/lib/server/backup/restore-sqlite");
    return restoreSqlite(need(opts, "from"), { force: opts.force === true });
  },
  "db:migrate": async () => ({ engine: dbConfig().flavor, applied: await migrate() }),
  "workspace:create": async (opts) => {
    const { createWorkspace } = await import("@/lib/server/workspaces/create-workspace");
    const { workspaceId, slug } = await createWorkspace({ name: need(opts, "name"), ownerEmail: need(opts, "owner"), password: text(opts, "password") });
    return { workspaceId, slug };
  },
  "token:create": async (opts) => {
    const { createToken } = await import("@/lib/server/tokens/tokens");
    const ws = await workspaceOf(opts);
    const t = await createToken(ws.id, text(opts, "name") ?? "CLI token", null);
    return { id: t.id, name: t.name, token: t.token, tenantUrl: t.tenantUrl };
  },
  "token:list": async (opts) => {
    const { listTokens } = await import("@/lib/server/tokens/tokens");
    return listTokens((await workspaceOf(opts)).id);
  },
  "token:revoke": async (opts) => {
    const { revokeToken } = await import("@/lib/server/tokens/tokens");
    const ws = await workspaceOf(opts);
    await revokeToken(ws.id, need(opts, "id"));
    return { revoked: opts.id };
  },
};

const main = async () => {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? commands[command] : undefined;
  if (!run) throw new CliError(command ? `unknown command "${command}"\n${usage}` : usage);
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: "string" }, owner: { type: "string" }, password: { type: "string" }, workspace: { type: "string" }, id: { type: "string" }, out: { type: "string" }, from: { type: "string" }, force: { type: "boolean" } },
    strict: true,
  });
  // The CLI may be the first thing to touch a new database; a backup only reads, a restore migrates what it restored.
  if (!["db:migrate", "backup", "restore"].includes(command!)) await migrate();
  return run(values);
};

main()
  .then((out) => {
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    process.exit(0);
  })
  .catch((err: unknown) => {
    const message =
      err instanceof ZodError
        ? err.issues.map((i) => i.message).join("; ")
        : err instanceof Error && (err instanceof CliError || err.name === "UserError" || (err as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
          ? err.message
          : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${JSON.stringify({ error: message })}\n`);
    process.exit(1);
  });
