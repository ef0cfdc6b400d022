// The pages work under their Content-Security-Policy (nothing blocked, in full loads and client
// navigations alike), and no Muster page can be framed.
import { expect, test } from "@playwright/test";
import { linkFromInbox } from "./support/mailbox";
import { ActivatePage, MyCardPage, OutboxPage } from "./support/activation";
import { scimToken } from "./support/cli";
import { Idp } from "./support/employees";
import { newWorkspace, SignInPage } from "./support/pages";
import { framed, framingSite, watchBlocked } from "./support/security";

const PHOTO = "https://photos.example.test/ada.png";
// A 1×1 PNG: the photo is served by the test, so img-src 'https:' is exercised without a network.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const NAV: [label: string, heading: string][] = [
  ["Employees", "Employees"],
  ["Groups", "Groups"],
  ["Card templates", "Card templates"],
  ["Provisioning log", "Provisioning log"],
  ["Connect IdP", "Connect your identity provider"],
  ["SCIM tokens", "SCIM tokens"],
  ["Settings", "Settings"],
  ["Mail outbox", "Mail outbox"],
  ["Overview", "Overview"],
];

test("sign-up and every dashboard page run under the CSP with nothing blocked", async ({ page, request }) => {
  test.setTimeout(120_000);
  const blocked = watchBlocked(page);
  await page.route("https://photos.example.test/**", (route) => route.fulfill({ contentType: "image/png", body: PNG }));

  await new SignInPage(page).goto();
  await expect(page.getByRole("heading", { name: "Sign in to Muster" })).toBeVisible();
  const { slug } = await newWorkspace(page, "Headers");

  // Something on every page: an employee with a photo (and so an activation email), a group, log rows.
  const idp = new Idp(request, scimToken(slug));
  const email = `ada-${Date.now().toString(36)}@headers.test`;
  const id = await idp.createUser({ given: "Ada", family: "Lovelace", email, title: "Analyst", department: "Research" });
  await idp.patchUser(id, { op: "add", path: "photos", value: [{ value: PHOTO, type: "photo", primary: true }] });
  const groupId = await idp.createGroup("Research", [id]);

  // Client-side navigations: each page's chunks load through the nonce'd scripts ('strict-dynamic').
  await page.reload();
  for (const [label, heading] of NAV) {
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: label, exact: true }).click();
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  }

  // Full loads of the deeper pages, each with its own nonce.
  await page.goto(`/w/${slug}/employees/${id}`);
  await expect(page.getByRole("heading", { name: "Ada Lovelace", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: "Photo of Ada Lovelace" }).first()).toHaveJSProperty("naturalWidth", 1);
  await page.goto(`/w/${slug}/logs`);
  // The chart's data arrives after hydration, one more request on a busy machine.
  await expect(page.getByTestId("requests-chart").locator(".recharts-bar-rectangle").first()).toBeVisible({ timeout: 20_000 });
  for (const path of [`/employees/import`, `/groups/${groupId}`, `/templates/new`, `/cards/${id}`]) {
    await page.goto(`/w/${slug}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  // The email preview is a srcdoc frame, which inherits the page's policy.
  const outbox = new OutboxPage(page);
  await outbox.goto(slug);
  await outbox.row(email).getByRole("link").click();
  await expect(page.frameLocator("iframe").getByRole("link", { name: "Activate my account" })).toBeVisible();
  const link = await linkFromInbox(email, "Activate your", "/activate/");

  // The employee's side: activation, their card, the public share page with its QR code.
  await page.context().clearCookies();
  await page.goto(link);
  await new ActivatePage(page).withPassword("a long enough password");
  const me = new MyCardPage(page);
  await expect(me.heading()).toBeVisible();
  await page.goto(await me.shareUrl());
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();

  await page.waitForLoadState("networkidle");
  expect(blocked).toEqual([]);
});

test("no Muster page can be framed, not even by another origin on the same site", async ({ page, baseURL }) => {
  const { slug } = await newWorkspace(page, "Framed");
  const tokens = `${baseURL}/w/${slug}/tokens`;
  const site = await framingSite(tokens);
  try {
    // Control: the same response without its anti-framing headers renders in the frame, admin
    // cookie and all. Only those headers stand between a framing page and the tokens page.
    await page.route(tokens, async (route) => {
      const response = await route.fetch();
      const { "content-security-policy": _csp, "x-frame-options": _xfo, ...headers } = response.headers();
      await route.fulfill({ response, headers });
    });
    await page.goto(site.url);
    await expect(framed(page).getByRole("heading", { name: "SCIM tokens", level: 1 })).toBeVisible();
    await page.unrouteAll();

    // The real response: the browser refuses to show it.
    const refused = page.waitForEvent("console", (m) => m.text().includes("frame-ancestors 'none'"));
    await page.goto(site.url);
    await refused;
    await expect(page.getByRole("heading", { name: "Win a prize" })).toBeVisible();
    await expect(framed(page).getByRole("heading", { name: "SCIM tokens" })).toHaveCount(0);
    await expect(framed(page).getByRole("button", { name: "Generate token" })).toHaveCount(0);
  } finally {
    await site.close();
  }
});
