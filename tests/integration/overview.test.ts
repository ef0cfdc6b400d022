// The overview page an admin opens every morning, rendered by the built app over HTTP: each SCIM
// token's sync state, the IdP's changes of the last 24 hours, pending activations, recent errors
// with links into the log, and the setup steps not done yet.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { engines } from "../support/engines";
import { entraUser, patchOps, scim } from "../support/scim-client";
import { signIn } from "../support/session";
import { sql } from "../support/sql";

const PASSWORD = "correct horse battery staple";

describe.each(engines())("overview page on %s", (engine) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp(engine);
  });
  afterAll(async () => app?.stop());

  const workspace = async () => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@overview.test`;
    const ws = await muster<{ workspaceId: string; slug: string }>(app.env, "workspace:create", "--name", `Overview ${tag}`, "--owner", email, "--password", PASSWORD);
    const { token } = await muster<{ token: string }>(app.env, "token:create", "--workspace", ws.slug, "--name", "Entra ID");
    const as = await signIn(app.baseUrl, email, PASSWORD);
    const page = async () => {
      const res = await as(`/w/${ws.slug}`);
      expect(res.status).toBe(200);
      return res.text();
    };
    return { ...ws, scim: scim(app.baseUrl, token), domain: `${tag}.overview.test`, page };
  };
  type Ws = Awaited<ReturnType<typeof workspace>>;
  // Made up front: the CLI takes seconds per call on a busy machine, which a test's own time should not pay.
  let fresh: Ws;
  let busy: Ws;
  beforeAll(async () => {
    [fresh, busy] = await Promise.all([workspace(), workspace()]);
  });

  const user = (domain: string, name: string) => entraUser({ userName: `${name}@${domain}`, emails: [{ primary: true, type: "work", value: `${name}@${domain}` }] });
  const testValue = (html: string, id: string) => new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];

  it("GET /w/[slug]: a new workspace is guided through setup; its unused token is silent", async () => {
    const ws = fresh;
    const html = await ws.page();
    expect(html).toContain("No employees yet");
    expect(html).toMatch(/data-testid="token-sync" data-state="silent"/);
    expect(html).toContain("Never used: no request with this token yet.");
    expect(html).toContain("Create a card template");
    // Nothing has happened yet: no empty panels of changes, activations and errors.
    expect(html).not.toContain("Changes in the last 24 hours");
    expect(html).not.toContain("Recent errors");
  });

  it("GET /w/[slug]: changes of the last 24 hours, pending activations, recent errors linked to the log, and the token's state", async () => {
    const ws = busy;
    for (const name of ["ada", "grace", "alan"]) expect((await ws.scim.post("/Users", user(ws.domain, name))).status).toBe(201);
    const grace = (await ws.scim.get(`/Users?filter=${encodeURIComponent(`userName eq "grace@${ws.domain}"`)}`)).body.Resources[0].id as string;
    expect((await ws.scim.patch(`/Users/${grace}`, patchOps({ op: "replace", path: "active", value: false }))).status).toBe(200);
    expect((await ws.scim.patch(`/Users/${grace}`, patchOps({ op: "replace", path: "title", value: "Admiral" }))).status).toBe(200);
    // The IdP creates someone who exists: 409, a client error — the sync itself still works.
    expect((await ws.scim.post("/Users", user(ws.domain, "ada"))).status).toBe(409);

    let html = await ws.page();
    expect(html).not.toContain("No employees yet");
    expect(testValue(html, "changes-created")).toBe("3");
    expect(testValue(html, "changes-updated")).toBe("1");
    expect(testValue(html, "changes-archived")).toBe("1");
    expect(html).toMatch(/data-testid="token-sync" data-state="healthy"/);
    expect(html).toContain("2 employees have");
    const [event] = (await sql(app, `SELECT "id" FROM "ProvisioningEvent" WHERE "workspaceId" = $1 AND "status" = 409`, [ws.workspaceId])) as { id: string }[];
    expect(html).toContain(`href="/w/${ws.slug}/logs?errors=1&amp;event=${event!.id}"`);
    expect(html).toContain(`href="/w/${ws.slug}/logs?errors=1"`);

    // The seat limit refuses the next create: the token is failing, and says why.
    await sql(app, `UPDATE "Workspace" SET "seatLimit" = 2, "policyVersion" = "policyVersion" + 1 WHERE "id" = $1`, [ws.workspaceId]);
    expect((await ws.scim.post("/Users", user(ws.domain, "katherine"))).status).toBe(403);
    html = await ws.page();
    expect(html).toMatch(/data-testid="token-sync" data-state="failing"/);
    expect(html).toContain("Its last request was refused (403)");
    expect(html).toMatch(/403<\/span>/);
  });
});
