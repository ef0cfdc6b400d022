// A workspace that looks lived in — long names, emails and SCIM paths, a manager with reports, a
// group, a template, a role, a custom attribute, an admin invite, log rows with an error and an
// ignored attribute, an email in the outbox — and every page of its dashboard, for the phone checks.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { Idp } from "./employees";
import { scimAs } from "./logs";
import { PASSWORD, SignUpPage, uniqueEmail } from "./pages";

const ACME = "urn:ietf:params:scim:schemas:extension:acmeglobalholdings:2.0:User";
const BADGE = `${ACME}:internalBadgeIdentifierNumber`;
const DOMAIN = "global-subsidiary-holdings.example.com";

/** Signs up a filled workspace and returns [name, url] of every page of its dashboard. */
export const filledWorkspace = async (page: Page, request: APIRequestContext): Promise<[string, string][]> => {
  // newWorkspace's steps, with more patience for the first page: hashing the password is slow on a busy machine.
  const email = uniqueEmail("maximiliana");
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.fill({ name: "Maximiliana Konstantinopoulou-Vanderberg", email, password: PASSWORD, workspace: `Phone Width Holdings International ${Date.now().toString(36)}` });
  await signUp.submit();
  await expect(page.getByRole("heading", { name: "Overview" }).or(signUp.checkEmail())).toBeVisible({ timeout: 30_000 });
  await signUp.finish(email, PASSWORD);
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  const create = async (path: string, data: unknown) => {
    const res = await page.request.post(`/api/w/${slug}${path}`, { data });
    expect(res.status(), `POST ${path}: ${await res.text()}`).toBe(201);
    return res.json();
  };
  // The token an admin generates on the tokens page (quicker than the CLI's process).
  const { token } = (await create("/tokens", { name: "Microsoft Entra ID" })) as { token: string };
  const idp = new Idp(request, token);

  const boss = await idp.createUser({
    given: "Maximiliana Alexandra",
    family: "Konstantinopoulou-Vanderberg",
    email: `maximiliana.konstantinopoulou-vanderberg@${DOMAIN}`,
    title: "Senior Vice President, Global Enterprise Architecture and Platform Engineering",
    department: "Global Enterprise Architecture and Platform Engineering",
    phone: "+49 (0) 30 1234 5678 90",
    location: "Frankfurt am Main, Hessen, Deutschland",
  });
  const people = [boss];
  for (const [given, family] of [
    ["Bartholomew", "Featherstonehaugh-Cholmondeley"],
    ["Wolfeschlegelsteinhausen", "Bergerdorffvoralternwarengewissenhaft"],
  ] as const)
    people.push(await idp.createUser({ given, family, email: `${given}.${family}@${DOMAIN}`.toLowerCase(), title: "Principal Site Reliability Engineer", department: "Platform Engineering", managerId: boss }));
  const groupId = await idp.createGroup("Global Enterprise Architecture and Platform Engineering — EMEA", people);

  // A refused filter and an attribute nobody declared: the log has an error row and an "ignored" one.
  const badFilter = await scimAs(request, token).get('/Users?filter=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenterIdentifierLong eq "x"');
  expect(badFilter.status()).toBe(400);
  await idp.patchUser(people[1]!, { op: "replace", path: BADGE, value: "4711-0815-2342-1337" });

  await create("/roles", { name: "Regional Sales Lead EMEA", description: "Sees colleagues' cards across every subsidiary and edits the unlocked fields of their own card.", capabilities: [] });
  await create("/invites", { email: `bartholomew.featherstonehaugh-cholmondeley.it-operations@${DOMAIN}`, role: "ADMIN" });
  await create("/attributes", { label: "Internal badge identifier number", type: "string", scimPath: BADGE, onCard: true });
  await idp.patchUser(boss, { op: "replace", path: BADGE, value: "EMEA-HQ-FRA-0000000000004711" });
  const { template } = (await create("/templates", {
    name: "Global Enterprise Architecture and Platform Engineering",
    fields: { company: "Global Subsidiary Holdings International GmbH & Co. KG", website: `https://www.${DOMAIN}/enterprise-architecture` },
    rules: [[{ attribute: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", op: "eq", value: "Global Enterprise Architecture and Platform Engineering" }]],
  })) as { template: { id: string } };

  const base = `/w/${slug}`;
  // The newest log row (the PATCH that gave the boss a badge) and the newest email, by the dashboard's own API.
  const newest = async <T>(path: string) => {
    const res = await page.request.get(`/api/w/${slug}${path}`);
    expect(res.status(), `GET ${path}`).toBe(200);
    return (await res.json()) as T;
  };
  const { events } = await newest<{ events: { id: string }[] }>("/events");
  const { rows: emails } = await newest<{ rows: { id: string }[] }>("/outbox");
  expect(events.length && emails.length, "a log row and an email").toBeTruthy();

  return [
    ["overview", base],
    ["employees", `${base}/employees`],
    ["employee", `${base}/employees/${boss}`],
    ["employee-report", `${base}/employees/${people[2]}`],
    ["import", `${base}/employees/import`],
    ["card", `${base}/cards/${boss}`],
    ["templates", `${base}/templates`],
    ["template-new", `${base}/templates/new`],
    ["template", `${base}/templates/${template.id}`],
    ["groups", `${base}/groups`],
    ["group", `${base}/groups/${groupId}`],
    ["roles", `${base}/roles`],
    ["attributes", `${base}/attributes`],
    ["logs", `${base}/logs`],
    ["log-event", `${base}/logs?event=${events[0]!.id}`],
    ["outbox", `${base}/outbox`],
    ["outbox-email", `${base}/outbox/${emails[0]!.id}`],
    ["tokens", `${base}/tokens`],
    ["settings", `${base}/settings`],
    ["connect", `${base}/connect`],
    ["account", "/account"],
    ["no-workspace", "/no-workspace"],
  ];
};

/**
 * What sticks out past the right edge of the page: nothing when the page does not scroll sideways,
 * else its scroll width and the outermost elements (or runs of text, named by their element) that
 * stick out and are not inside a box that scrolls or clips — a wide table in its own box is fine.
 */
export const overflow = (page: Page) =>
  page.evaluate(() => {
    const width = window.innerWidth;
    const doc = document.documentElement;
    if (doc.scrollWidth <= width) return [];
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    const out = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el));
    // Text can overflow a box that fits (an unbreakable email in a paragraph): its parent is named.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      const el = n.parentElement!;
      if (range.getBoundingClientRect().right > width + 0.5 && !out.includes(el) && !clipped(el) && getComputedStyle(el).overflowX === "visible") out.push(el);
    }
    const describe = (el: Element) => {
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `<${el.tagName.toLowerCase()} class="${String(el.getAttribute("class") ?? "").slice(0, 80)}"> right=${Math.round(el.getBoundingClientRect().right)} "${text}"`;
    };
    return [`scrollWidth ${doc.scrollWidth}`, ...out.filter((el) => !out.includes(el.parentElement!)).slice(0, 5).map(describe)];
  });
