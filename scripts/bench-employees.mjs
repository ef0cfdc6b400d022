#!/usr/bin/env node
// Times the employees and groups pages and their JSON routes on a running app, as an admin: after
// one warm-up, each request runs --runs times and the median (p50) and slowest are printed.
// Meant for a workspace filled by scripts/seed-bulk.mjs (100,000 employees).
//
//   node scripts/bench-employees.mjs --base http://127.0.0.1:3000 --workspace acme --email admin@acme.test --password '…' [--runs 9]
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: { base: { type: "string", default: "http://127.0.0.1:3000" }, workspace: { type: "string" }, email: { type: "string" }, password: { type: "string" }, runs: { type: "string", default: "9" } },
});
if (!args.workspace || !args.email || !args.password) {
  console.error("usage: node scripts/bench-employees.mjs --base <url> --workspace <slug> --email <admin email> --password <password> [--runs 9]");
  process.exit(1);
}
const base = args.base.replace(/\/+$/, "");
const runs = Number(args.runs);

// Sign in through next-auth's credentials endpoint, keeping its cookies.
const jar = new Map();
const keep = (res) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
};
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
const csrf = await fetch(`${base}/api/auth/csrf`);
keep(csrf);
const { csrfToken } = await csrf.json();
keep(
  await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: args.email, password: args.password, json: "true" }),
  }),
);
const get = (path) => fetch(`${base}${path}`, { headers: { Cookie: cookie() }, redirect: "manual" });

const time = async (label, path) => {
  const once = async () => {
    const t = performance.now();
    const res = await get(path);
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return { ms: performance.now() - t, bytes: body.byteLength };
  };
  await once();
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} p50 ${ms[Math.floor(ms.length / 2)].toFixed(0).padStart(5)} ms   max ${ms.at(-1).toFixed(0).padStart(5)} ms   ${(samples[0].bytes / 1024).toFixed(0).padStart(5)} KiB`);
};

const api = `/api/w/${args.workspace}/employees`;
const first = await (await get(api)).json();
console.log(`${first.counts.all.toLocaleString("en")} employees, ${first.seats.toLocaleString("en")} seats; ${runs} runs each after a warm-up\n`);

await time("API first page (name, 50 rows, all counts)", api);
await time("API tab Synced", `${api}?tab=synced`);
await time("API tab Linked", `${api}?tab=linked`);
await time("API tab Archived", `${api}?tab=archived`);
await time("API tab Pending activation", `${api}?tab=pending`);
await time("API search name 'sofia'", `${api}?q=sofia`);
await time("API search last name 'nakam'", `${api}?q=nakam`);
await time("API search email 'mia.lee@'", `${api}?q=mia.lee%40`);
await time("API search broad 'a' (database path)", `${api}?q=a`);
await time("API sort email", `${api}?sort=email`);
await time("API sort status desc", `${api}?sort=status&dir=desc`);
await time("API sort last change desc", `${api}?sort=updated&dir=desc`);
await time("API tab Linked sorted by email", `${api}?tab=linked&sort=email`);
await time("API page 500 (offset 24,950)", `${api}?page=500`);
await time("API 100 rows per page", `${api}?pageSize=100`);

const id = first.rows[0].id;
const groups = await (await get(`/api/w/${args.workspace}/groups`)).json();
const biggest = [...groups.rows].sort((a, b) => b.memberCount - a.memberCount)[0];
const smallest = [...groups.rows].sort((a, b) => a.memberCount - b.memberCount)[0];
await time("API employee timeline", `${api}/${id}/events`);
await time("API groups list", `/api/w/${args.workspace}/groups`);
if (biggest) await time(`API members of ${biggest.memberCount.toLocaleString("en")}-member group`, `/api/w/${args.workspace}/groups/${biggest.id}/members`);
if (biggest) await time(`API members, page 200 of the same`, `/api/w/${args.workspace}/groups/${biggest.id}/members?page=200`);
if (smallest) await time(`API members of ${smallest.memberCount.toLocaleString("en")}-member group`, `/api/w/${args.workspace}/groups/${smallest.id}/members`);

await time("page /employees", `/w/${args.workspace}/employees`);
await time("page /employees?tab=archived&q=a", `/w/${args.workspace}/employees?tab=archived&q=a`);
await time("page /employees/[id]", `/w/${args.workspace}/employees/${id}`);
await time("page /groups", `/w/${args.workspace}/groups`);
if (biggest) await time("page /groups/[id] (biggest group)", `/w/${args.workspace}/groups/${biggest.id}`);

const t = performance.now();
const csv = await (await get(`${api}/export`)).text();
console.log(`\nexport of every employee: ${(csv.match(/\r\n/g) ?? []).length.toLocaleString("en")} lines, ${(csv.length / 1048576).toFixed(1)} MiB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
