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
//   npm run muster -- batch     (one JSON array of arguments per line of stdin, one JSON answer per line)
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
  restore          --from <file> [--force]      (SQLite, with Muster stopped; on PostgreSQL use pg_restore)
  batch            reads one command per line of stdin, as a JSON array of its arguments
                   (["token:list", "--workspace", "acme"]), and answers each with one line:
                   {"ok": true, "result": …} or {"ok": false, "error": "…"}`;

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

const runCommand = async (argv: string[]) => {
  const [command, ...rest] = argv;
  const run = command ? commands[command] : undefined;
  if (!run) throw new CliError(command ? `unknown command "${command}"\n${usage}` : usage);
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: "string" }, owner: { type: "string" }, password: { type: "string" }, workspace: { type: "string" }, id: { type: "string" }, out: { type: "string" }, from: { type: "string" }, force: { type: "boolean" } },
    strict: true,
  });
  return run(values);
};

const messageOf = (err: unknown) =>
  err instanceof ZodError
    ? err.issues.map((i) => i.message).join("; ")
    : err instanceof Error && (err instanceof CliError || err.name === "UserError" || (err as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
      ? err.message
      : `unexpected error: ${err instanceof Error ? err.message : String(err)}`;

// Many commands for the price of one process start (a script provisioning workspaces, the tests):
// each line of stdin is a command, answered in order; the process ends with its input.
const batch = async () => {
  const { createInterface } = await import("node:readline");
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    let answer: unknown;
    try {
      const argv: unknown = JSON.parse(line);
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === "string")) throw new CliError("each line must be a JSON array of strings");
      if (argv[0] === "batch") throw new CliError("batch cannot run inside batch");
      answer = { ok: true, result: (await runCommand(argv)) ?? null };
    } catch (err) {
      answer = { ok: false, error: err instanceof SyntaxError ? `not JSON: ${err.message}` : messageOf(err) };
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
  return undefined;
};

const main = async () => {
  const argv = process.argv.slice(2);
  const [command] = argv;
  if (command !== "batch" && !(command && commands[command])) throw new CliError(command ? `unknown command "${command}"\n${usage}` : usage);
  // The CLI may be the first thing to touch a new database; a backup only reads, a restore migrates what it restored.
  if (!["db:migrate", "backup", "restore"].includes(command!)) await migrate();
  if (argv[0] === "batch" && argv.length === 1) return batch();
  return runCommand(argv);
};

main()
  .then((out) => {
    if (out !== undefined) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    process.exit(0);
  })
  .catch((err: unknown) => {
    process.stderr.write(`${JSON.stringify({ error: messageOf(err) })}\n`);
    process.exit(1);
  });
