// The security headers a browser gets from the built app: the static set on pages, dashboard API
// routes and SCIM alike, and the pages' nonce-based CSP. Headers do not depend on the database,
// so SQLite alone is enough.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { muster } from "../support/cli";
import { signIn } from "../support/session";

const STATIC_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const expectStaticHeaders = (res: Response) => {
  for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(res.headers.get(name), name).toBe(value);
  expect(res.headers.get("permissions-policy")).toMatch(/(^|, )camera=\(\)/);
  expect(res.headers.get("permissions-policy")).toMatch(/(^|, )geolocation=\(\)/);
  // HSTS belongs to the https reverse proxy: the app may run on plain http.
  expect(res.headers.get("strict-transport-security")).toBeNull();
};

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
const scriptNonces = (html: string) => [...html.matchAll(/<script\b[^>]*>/g)].map((m) => /\snonce="([^"]*)"/.exec(m[0])?.[1]);

describe("security headers", () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp("sqlite");
  });
  afterAll(async () => app?.stop());

  it("GET /sign-in has the static headers and a strict CSP whose nonce is on every script", async () => {
    const res = await fetch(`${app.baseUrl}/sign-in`);
    expect(res.status).toBe(200);
    expectStaticHeaders(res);
    const csp = res.headers.get("content-security-policy")!;
    const d = directives(csp);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${nonceOf(csp)}'`, "'strict-dynamic'"]);
    expect(csp).not.toContain("unsafe-eval");
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");

    const nonces = scriptNonces(await res.text());
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([nonceOf(csp)]));
  });

  it("every page request gets a fresh nonce", async () => {
    const [a, b] = await Promise.all([fetch(`${app.baseUrl}/sign-in`), fetch(`${app.baseUrl}/sign-in`)]);
    const [na, nb] = [nonceOf(a.headers.get("content-security-policy")!), nonceOf(b.headers.get("content-security-policy")!)];
    expect(na).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(na).not.toBe(nb);
    expect(new Set(scriptNonces(await b.text()))).toEqual(new Set([nb]));
    await a.body?.cancel();
  });

  it("GET /api/w/{slug}/tokens (an admin's JSON) has the static headers and the API CSP", async () => {
    const tag = crypto.randomBytes(4).toString("hex");
    const email = `owner-${tag}@headers.test`;
    const ws = await muster<{ slug: string }>(app.env, "workspace:create", "--name", `Headers ${tag}`, "--owner", email, "--password", "correct horse battery staple");
    const owner = await signIn(app.baseUrl, email, "correct horse battery staple");
    const res = await owner(`/api/w/${ws.slug}/tokens`);
    expect(res.status).toBe(200);
    expectStaticHeaders(res);
    expect(res.headers.get("content-security-policy")).toBe(API_CSP);
    await res.body?.cancel();
  });

  it("GET /api/scim/v2/ServiceProviderConfig without a token is 401 and still has the headers", async () => {
    const res = await fetch(`${app.baseUrl}/api/scim/v2/ServiceProviderConfig`);
    expect(res.status).toBe(401);
    expectStaticHeaders(res);
    expect(res.headers.get("content-security-policy")).toBe(API_CSP);
    await res.body?.cancel();
  });
});
