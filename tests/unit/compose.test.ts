// The container files, read the way Docker reads them — there is no Docker daemon in CI to build or
// start them (scripts/test.sh runs `docker compose config` where there is). compose.yaml: the
// services of the production example, their health checks and the settings every instance must
// share; the Dockerfile: its stages, the non-root user, the health check, only runtime files.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Service = {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
  stop_grace_period?: string;
};

// Compose's merge keys (`<<: *muster`) are YAML 1.1; `merge: true` reads them as Compose does.
const compose = parse(fs.readFileSync("compose.yaml", "utf8"), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const instances = ["muster-1", "muster-2"] as const;
const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)?.[1]);

describe("compose.yaml", () => {
  it("has PostgreSQL, two Muster instances, a reverse proxy and an SMTP catcher", () => {
    expect(Object.keys(services).sort()).toEqual(["mailpit", "muster-1", "muster-2", "postgres", "proxy"]);
    for (const name of instances) expect(services[name]).toMatchObject({ build: ".", image: "muster:local" });
  });

  it("gives both instances identical settings: database, session secret, public address, mail", () => {
    const [one, two] = instances.map((name) => services[name]!.environment!);
    expect(one).toEqual(two);
    for (const key of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "MUSTER_BASE_URL", "SMTP_URL", "MAIL_FROM"]) expect(one![key], key).toBeTruthy();
    expect(new URL(one!.DATABASE_URL!.replace(/\$\{[^}]*\}/g, "x")).hostname).toBe("postgres");
    expect(new URL(one!.SMTP_URL!).hostname).toBe("mailpit");
    // No default for the session secret: compose refuses to start without one.
    expect(one!.NEXTAUTH_SECRET).toMatch(/^\$\{NEXTAUTH_SECRET:\?/);
    expect(one!.NEXTAUTH_URL).toBe(one!.MUSTER_BASE_URL);
  });

  it("starts the instances on a healthy database, and the proxy on healthy instances", () => {
    expect(services.postgres!.healthcheck!.test.join(" ")).toContain("pg_isready");
    for (const name of instances) expect(services[name]!.depends_on!.postgres).toEqual({ condition: "service_healthy" });
    expect(services.proxy!.depends_on).toEqual({ "muster-1": { condition: "service_healthy" }, "muster-2": { condition: "service_healthy" } });
  });

  it("lets an instance drain before Docker kills it", () => {
    for (const name of instances) {
      const env = services[name]!.environment!;
      expect(seconds(services[name]!.stop_grace_period!) * 1000).toBeGreaterThan(Number(env.MUSTER_SHUTDOWN_TIMEOUT_MS));
    }
  });

  it("proxies round-robin to both instances, health-checked on /api/health", () => {
    const mount = services.proxy!.volumes!.find((v) => v.includes("Caddyfile"))!;
    const caddyfile = fs.readFileSync(mount.split(":")[0]!, "utf8");
    const upstreams = /reverse_proxy\s+([^{]+)\{/.exec(caddyfile)![1]!.trim().split(/\s+/);
    expect(upstreams).toEqual(instances.map((name) => `${name}:3000`));
    expect(caddyfile).toMatch(/lb_policy\s+round_robin/);
    expect(caddyfile).toMatch(/health_uri\s+\/api\/health/);
  });
});

// FROM … AS name, and each stage's instructions (continuation lines joined).
const stages = () => {
  const lines = fs.readFileSync("Dockerfile", "utf8").replace(/\\\n\s*/g, " ").split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));
  const out: { name: string; lines: string[] }[] = [];
  for (const line of lines) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)/i.exec(line);
    if (from) out.push({ name: from[1]!, lines: [] });
    else out.at(-1)?.lines.push(line.trim());
  }
  return out;
};

describe("Dockerfile", () => {
  const all = stages();
  const runtime = all.at(-1)!;
  const instruction = (name: string) => runtime.lines.filter((l) => l.toUpperCase().startsWith(`${name} `));

  it("builds in stages: dependencies, build, runtime", () => {
    expect(all.map((s) => s.name)).toEqual(["deps", "build", "runtime"]);
  });

  it("runs as a user that is not root", () => {
    const users = instruction("USER");
    expect(users).toHaveLength(1);
    expect(users[0]).not.toMatch(/^USER\s+(root|0)\b/);
  });

  it("checks readiness on /api/health with node, no curl needed", () => {
    const [check] = instruction("HEALTHCHECK");
    expect(check).toContain("/api/health");
    expect(check).toMatch(/CMD \["node"/);
    expect(check).not.toMatch(/curl|wget/);
  });

  it("copies only the standalone server and its static assets from the build", () => {
    const copies = instruction("COPY");
    expect(copies).toEqual(["COPY --from=build /app/.next/standalone ./", "COPY --from=build /app/.next/static ./.next/static"]);
  });

  it("serves server.js on port 3000 on every interface, with a data volume and Muster's signal handling", () => {
    expect(instruction("EXPOSE")).toEqual(["EXPOSE 3000"]);
    expect(instruction("CMD")).toEqual(['CMD ["node", "server.js"]']);
    expect(instruction("VOLUME")).toEqual(['VOLUME ["/app/data"]']);
    const env = instruction("ENV").join(" ");
    expect(env).toContain("HOSTNAME=0.0.0.0");
    expect(env).toContain("NODE_ENV=production");
    expect(env).toContain("NEXT_MANUAL_SIG_HANDLE=true");
  });

  it("keeps secrets, local state and build output out of the build context", () => {
    const ignored = fs.readFileSync(".dockerignore", "utf8").split("\n");
    for (const entry of [".env", "node_modules", ".next", "data", ".git", "lib/db/generated"]) expect(ignored).toContain(entry);
  });
});
