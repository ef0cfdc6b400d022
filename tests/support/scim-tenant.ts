// A workspace with its own SCIM token, made through the operator CLI the way an operator would.
// Each describe block takes its own tenant, so its data never meets another block's.
import crypto from "node:crypto";
import type { RunningApp } from "./app";
import { muster } from "./cli";
import { scim, type ScimClient } from "./scim-client";

export type Tenant = { workspaceId: string; slug: string; token: string; tokenId: string; tenantUrl: string; client: ScimClient };

export const createTenant = async (app: RunningApp, label = "SCIM"): Promise<Tenant> => {
  const tag = crypto.randomBytes(4).toString("hex");
  const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `${label} ${tag}`, "--owner", `owner-${tag}@example.test`);
  const t = await muster<{ id: string; token: string; tenantUrl: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", label);
  return { workspaceId: ws.workspaceId, slug: ws.slug, token: t.token, tokenId: t.id, tenantUrl: t.tenantUrl, client: scim(app.baseUrl, t.token) };
};

/** Another token for an existing workspace (rotation, revocation). */
export const createToken = async (app: RunningApp, slug: string, label = "second") =>
  muster<{ id: string; token: string; tenantUrl: string }>(app.env, "token:create", "--workspace", slug, "--name", label);

export const revokeToken = async (app: RunningApp, slug: string, id: string) => muster(app.env, "token:revoke", "--workspace", slug, "--id", id);

/**
 * Makes one tenant per label before any test runs, two CLI processes at a time (each costs about
 * a second of CPU, which is most of a file's setup). On SQLite two processes writing at once may
 * fail fast ("Operation has timed out"), so a failed CLI run is retried; nothing else writes yet,
 * since the tests have not started.
 */
export const createTenants = async <L extends string>(app: RunningApp, labels: readonly L[], parallel = 2): Promise<Record<L, Tenant>> => {
  const out = {} as Record<L, Tenant>;
  const queue = [...labels];
  const attempt = async (label: L, tries = 4): Promise<Tenant> => {
    try {
      return await createTenant(app, label);
    } catch (err) {
      if (tries <= 1) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
      return attempt(label, tries - 1);
    }
  };
  const worker = async () => {
    for (let label = queue.shift(); label !== undefined; label = queue.shift()) out[label] = await attempt(label);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, labels.length) }, worker));
  return out;
};
