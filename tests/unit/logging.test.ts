// What the server's logger may write: secrets passed by mistake are censored, error texts lose
// email addresses and credentials; and the pieces of a request line (its id, its route pattern).
import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { requestIdOf } from "@/lib/http/request-id";
import { createLogger, logLevel, maskText } from "@/lib/log/logger";
import { requestContext, runInRequest } from "@/lib/log/request-context";
import { scimEndpointOf } from "@/lib/scim/endpoint";
import { routeOf } from "@/lib/server/http/with-request-log";

const capture = (level = "info") => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger(stream, level);
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

const TOKEN = `mst_0123456789ab_${"A".repeat(20)}${"b_-".repeat(7)}x2`;
const LINK_SECRET = "Zq3".repeat(14) + "k";

describe("logger redaction", () => {
  it("censors passwords, tokens, secrets, headers and email bodies wherever a caller puts them", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: "hunter2-top",
        token: TOKEN,
        secret: "s3cr3t-value",
        email: "ada@example.com",
        headers: { authorization: `Bearer ${TOKEN}`, cookie: "next-auth.session-token=abc123cookie", "set-cookie": "sid=cookie-set" },
        req: { headers: { authorization: "Basic YWxhZGRpbjpvcGVuc2VzYW1l" } },
        user: { email: "grace@example.com", password: "correct horse", passwordHash: "$argon2id$v=19$hash" },
        mail: { to: "linus@example.com", html: "<p>Activate: https://x/activate/abc</p>", text: "Activate: https://x/activate/abc" },
        body: '{"userName":"ada","password":"in-a-body"}',
        requestBody: "raw request body",
        config: { clientSecret: "oidc-client-secret", apiKey: "key-123" },
        kept: "visible",
      },
      "something happened",
    );
    const out = lines.join("\n");
    for (const leak of ["hunter2-top", TOKEN, "s3cr3t-value", "ada@example.com", "abc123cookie", "cookie-set", "YWxhZGRpbjpvcGVuc2VzYW1l", "grace@example.com", "correct horse", "argon2id", "linus@example.com", "Activate", "in-a-body", "raw request body", "oidc-client-secret", "key-123"]) {
      expect(out, leak).not.toContain(leak);
    }
    expect(out).toContain('"kept":"visible"');
    expect(out).toContain("[Redacted]");
  });

  it("masks email addresses, bearer credentials, SCIM tokens and link secrets in error messages and stacks", () => {
    const { logger, parsed } = capture();
    const err = new Error(`SMTP said 550 <ada@example.com>: no such user; Authorization: Bearer ${TOKEN}; link /activate/${LINK_SECRET}`);
    logger.error({ err }, "send failed");
    const [line] = parsed();
    const { message, stack } = line!.err as { message: string; stack: string };
    for (const text of [message, stack]) {
      expect(text).not.toContain("ada@example.com");
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(LINK_SECRET);
      expect(text).toContain("[email]");
    }
    expect(message).toContain("550");
    expect(maskText(`token ${TOKEN} here`)).toBe("token mst_0123456789ab_[Redacted] here");
    // Stacks keep their file names, long as some are.
    expect(maskText("at handler (/app/.next/server/chunks/node_modules_next_dist_esm_build_templates_app-route_4b1c0e5d.js:1:2)")).toContain("app-route_4b1c0e5d.js");
  });

  it("writes JSON lines with a level name and an ISO time, and the request id of the request in progress", () => {
    const { logger, parsed } = capture();
    runInRequest({ requestId: "req-42" }, () => logger.warn({ code: "P1008" }, "busy"));
    logger.info("outside");
    const [inside, outside] = parsed();
    expect(inside).toMatchObject({ level: "warn", msg: "busy", code: "P1008", requestId: "req-42" });
    expect(String(inside!.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(outside!.requestId).toBeUndefined();
    expect(requestContext()).toBeUndefined();
  });

  it("takes its level from MUSTER_LOG_LEVEL, info when unset or unknown", () => {
    expect(logLevel(undefined)).toBe("info");
    expect(logLevel("DEBUG")).toBe("debug");
    expect(logLevel("verbose")).toBe("info");
    const { logger, lines } = capture("warn");
    logger.info("quiet");
    logger.warn("loud");
    expect(lines).toHaveLength(1);
  });
});

describe("request ids", () => {
  const id = (value?: string) => requestIdOf(new Headers(value === undefined ? {} : { "X-Request-Id": value }));

  it("keeps a caller's sane id and replaces anything else", () => {
    expect(id("abc-123_x.Y")).toBe("abc-123_x.Y");
    expect(id("a".repeat(128))).toBe("a".repeat(128));
    for (const bad of ["a".repeat(129), "", "has space", 'quote"d', "semi;colon", "ünï", "a/b", "{\"json\":1}"]) expect(id(bad), bad).toMatch(/^[0-9a-f-]{36}$/);
    expect(id()).toMatch(/^[0-9a-f-]{36}$/);
    expect(id()).not.toBe(id());
  });
});

describe("route patterns", () => {
  it("replaces parameter values by their names, in path order, and never keeps the query", () => {
    expect(routeOf("/api/w/acme/employees/ck123", { slug: "acme", id: "ck123" })).toBe("/api/w/:slug/employees/:id");
    // A slug that reads like a fixed segment.
    expect(routeOf("/api/w/employees/employees", { slug: "employees" })).toBe("/api/w/:slug/employees");
    expect(routeOf(`/api/invites/${LINK_SECRET}`, { token: LINK_SECRET })).toBe("/api/invites/:token");
    expect(routeOf("/api/auth/callback/credentials", { nextauth: ["callback", "credentials"] })).toBe("/api/auth/:nextauth*");
    expect(routeOf("/api/w/caf%C3%A9/roles", { slug: "café" })).toBe("/api/w/:slug/roles");
    expect(routeOf("/api/sign-up", undefined)).toBe("/api/sign-up");
  });

  it("names SCIM endpoints from a fixed set", () => {
    expect(scimEndpointOf(["Users", "2819c223-7f76-453a-919d-413861904646"])).toEqual({ resource: "Users", route: "/Users/:id" });
    expect(scimEndpointOf(["users"])).toEqual({ resource: "Users", route: "/Users" });
    expect(scimEndpointOf(["Groups", ".search"])).toEqual({ resource: "Groups", route: "/Groups/.search" });
    expect(scimEndpointOf([".search"])).toEqual({ resource: ".search", route: "/.search" });
    expect(scimEndpointOf(["Schemas", "urn:ietf:params:scim:schemas:core:2.0:User"])).toEqual({ resource: "Schemas", route: "/Schemas/:id" });
    expect(scimEndpointOf(["ServiceProviderConfig"])).toEqual({ resource: "ServiceProviderConfig", route: "/ServiceProviderConfig" });
    expect(scimEndpointOf(["ada@example.com"])).toEqual({ resource: "unknown", route: "/*" });
    expect(scimEndpointOf(undefined)).toEqual({ resource: "unknown", route: "/*" });
    expect(scimEndpointOf(["Users", "x", "y"])).toEqual({ resource: "Users", route: "/Users/:id/*" });
  });
});

describe("every API route logs its requests", () => {
  // Probes answer every few seconds and are left out (README, Logs and metrics).
  const UNLOGGED = new Set(["app/api/health/route.ts", "app/api/ping/route.ts"]);
  const LOGGED_BY = /\b(withRequestLog|withAdmin|withUser|publicJsonRoute|serveScim)\b/;
  const routes = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? routes(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : []));

  it("goes through withRequestLog, one of the wrappers that use it, or the SCIM door", () => {
    expect(routes("app/api").length).toBeGreaterThan(40);
    const unlogged = routes("app/api").filter((f) => !UNLOGGED.has(f) && !LOGGED_BY.test(fs.readFileSync(f, "utf8")));
    expect(unlogged).toEqual([]);
  });
});
