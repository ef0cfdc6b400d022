// The overview an admin opens every morning: a new workspace is guided through setup; once the IdP
// syncs, the token's state, the changes of the last 24 hours, pending activations (sent from here,
// through the e2e SMTP server), and recent errors that open the request in the provisioning log.
import { expect, test, type Page } from "@playwright/test";
import { scimToken } from "./support/cli";
import { expectNoAxeViolations, Idp, signUpWorkspace } from "./support/employees";
import { mailsTo } from "./support/mailbox";
import { shot } from "./support/pages";

const overview = (page: Page) => ({
  goto: (slug: string) => page.goto(`/w/${slug}`),
  heading: () => page.getByRole("heading", { name: "Overview", level: 1 }),
  section: (name: string) => page.getByRole("region", { name }),
  token: () => page.getByTestId("token-sync").first(),
  change: (kind: "created" | "updated" | "archived") => page.getByTestId(`changes-${kind}`),
});

/** A full-page screenshot at 1366 and 390 px wide; at 390 the page must not scroll sideways. */
const shots = async (page: Page, name: string) => {
  await shot(page, `overview-${name}`);
  await page.screenshot({ path: `/tmp/h/shots/overview-${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `/tmp/h/shots/overview-${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 860 });
};

test("overview: setup steps, the token's sync state, changes today, send activations, errors link to the log", async ({ page, request }) => {
  test.setTimeout(120_000);
  const slug = await signUpWorkspace(page, "Overview");
  const o = overview(page);

  // A new workspace: first steps; no token yet.
  await expect(o.heading()).toBeVisible();
  await expect(page.getByRole("heading", { name: "No employees yet" })).toBeVisible();
  // The first-steps card asks for a token: the next steps do not repeat it.
  await expect(page.getByRole("link", { name: "Generate a SCIM token" })).toHaveCount(1);
  await expect(o.section("Next steps")).not.toContainText("Connect your identity provider");
  await expect(o.section("Next steps")).toContainText("Create a card template");
  await expect(o.section("Sync with your identity provider")).toContainText("No active SCIM token");
  await expectNoAxeViolations(page);
  await shots(page, "new");

  // A token the IdP has not used yet is silent.
  const idp = new Idp(request, scimToken(slug));
  await o.goto(slug);
  await expect(o.token()).toContainText("Silent");
  await expect(o.token()).toContainText("Never used");
  await expect(o.section("Next steps")).not.toContainText("Connect your identity provider");

  // The IdP syncs: two employees, one change, and a create that conflicts (409).
  const stamp = Date.now().toString(36);
  const ada = `ada-${stamp}@acme.test`;
  const grace = `grace-${stamp}@acme.test`;
  const adaId = await idp.createUser({ given: "Ada", family: "Lovelace", email: ada, title: "Analyst" });
  await idp.createUser({ given: "Grace", family: "Hopper", email: grace });
  await idp.patchUser(adaId, { op: "replace", path: "title", value: "Chief Analyst" });
  const again = await request.post("/api/scim/v2/Users", {
    headers: { Authorization: `Bearer ${idp.token}`, "Content-Type": "application/scim+json" },
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName: ada, emails: [{ value: ada, primary: true }] },
  });
  expect(again.status()).toBe(409);

  await o.goto(slug);
  await expect(page.getByRole("heading", { name: "No employees yet" })).toBeHidden();
  await expect(o.token()).toContainText("Healthy");
  await expect(o.token()).toContainText(/Last request (just now|\d+ minutes? ago)/);
  await expect(o.change("created")).toHaveText("2");
  await expect(o.change("updated")).toHaveText("1");
  await expect(o.change("archived")).toHaveText("0");
  await expect(page.getByTestId("pending-count")).toContainText("2");
  await expectNoAxeViolations(page);
  await shots(page, "synced");

  // Send activation emails to everyone pending, from the overview.
  const pending = o.section("Pending activations");
  await expect(pending).toContainText("2 employees have not activated their account yet.");
  await expect.poll(() => mailsTo(ada).length, { timeout: 20_000 }).toBe(1);
  await pending.getByRole("button", { name: "Send activation emails" }).click();
  const confirm = page.getByRole("dialog", { name: "Send activation emails to everyone pending?" });
  await confirm.getByRole("button", { name: "Send emails" }).click();
  await expect(confirm).toBeHidden();
  await expect(pending.getByRole("status").filter({ hasText: "Activation email queued for 2 employees." })).toBeVisible();
  await expect.poll(() => mailsTo(ada).length, { timeout: 20_000 }).toBe(2);
  await expect.poll(() => mailsTo(grace).length, { timeout: 20_000 }).toBe(2);

  // The recent error opens that request in the provisioning log.
  const errors = o.section("Recent errors");
  await expect(errors).toContainText("409");
  await errors.getByRole("link", { name: "POST /Users" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/logs\\?errors=1&event=`));
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("heading", { name: "POST /Users" })).toBeVisible();
  await expect(drawer).toContainText("409");
});
