// Roles from the IdP as an admin sets them up: import switched on and a group→role rule added in
// Settings, a user and a group pushed through SCIM, and the employee page showing the role. The
// Connect page's guides say how Entra ID and Okta send roles.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import path from "node:path";
import { E2E_DATA_DIR } from "../playwright.config";
import { scimToken } from "./support/cli";
import { expectNoAxeViolations, Idp, signUpWorkspace } from "./support/employees";
import { shot } from "./support/pages";

const SCIM_JSON = "application/scim+json";

/** The right edge of the widest element in `selector`, in CSS pixels; what a scroll box holds scrolls inside it. */
const widest = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const root = document.querySelector(sel)!;
    const clipped = (e: Element) => {
      for (let p = e.parentElement; p && p !== root.parentElement; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    return Math.max(...[root, ...root.querySelectorAll("*")].filter((e) => !clipped(e)).map((e) => e.getBoundingClientRect().right));
  }, selector);

// Custom roles are managed on another page; this test only needs one to exist.
const addRole = (slug: string, key: string, name: string) => {
  const db = new Database(path.join(E2E_DATA_DIR, "e2e.db"));
  try {
    const { id } = db.prepare(`SELECT "id" FROM "Workspace" WHERE "slug" = ?`).get(slug) as { id: string };
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO "Role" ("id", "workspaceId", "key", "name", "nameKey", "description", "capabilities", "builtIn", "position", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, '[]', 0, 5, ?, ?)`).run(
      `role-${slug}-${key}`,
      id,
      key,
      name,
      name.toLowerCase(),
      "Leads a sales team.",
      now,
      now,
    );
    db.prepare(`UPDATE "Workspace" SET "policyVersion" = "policyVersion" + 1 WHERE "id" = ?`).run(id);
  } finally {
    db.close();
  }
};

const pushGroup = async (request: APIRequestContext, token: string, displayName: string, memberId: string) => {
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": SCIM_JSON };
  const created = await request.post("/api/scim/v2/Groups", { headers, data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName, members: [] } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const patched = await request.patch(`/api/scim/v2/Groups/${id}`, {
    headers,
    data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "add", path: "members", value: [{ value: memberId }] }] },
  });
  expect(patched.status()).toBe(204);
};

test("an admin imports roles with a group rule; a user pushed through SCIM gets the role", async ({ page, request }) => {
  const slug = await signUpWorkspace(page, "Roles import");
  addRole(slug, "SALES_LEAD", "Sales Lead");

  await page.goto(`/w/${slug}/settings`);
  const section = page.getByRole("form", { name: "Roles from your identity provider" });
  await expect(section).toBeVisible();
  await expect(page.getByLabel("Default role").locator("option")).toHaveText(["Member", "Guest", "Sales Lead"]);
  await expect(section.getByText("No group rules yet.")).toBeVisible();

  await section.getByRole("switch", { name: "Import users to custom roles" }).check();
  await section.getByRole("button", { name: "Add group rule" }).click();
  await section.getByLabel("Members of group (rule 1)").fill("Sales");
  await section.getByLabel("get role (rule 1)").selectOption({ label: "Sales Lead" });
  await section.getByRole("button", { name: "Add group rule" }).click();
  await section.getByLabel("Members of group (rule 2)").fill("Contractors");
  await section.getByLabel("get role (rule 2)").selectOption({ label: "Guest" });
  await section.getByRole("button", { name: "Move rule 2 up" }).click();
  await expect(section.getByLabel("Members of group (rule 1)")).toHaveValue("Contractors");
  await section.getByRole("button", { name: "Move rule 1 down" }).click();
  await expect(section.getByLabel("Members of group (rule 1)")).toHaveValue("Sales");
  await section.getByRole("radio", { name: "Provision to role" }).check();
  await section.getByLabel("Role for unknown IdP roles").selectOption({ label: "Guest" });
  await section.getByRole("button", { name: "Save role settings" }).click();
  await expect(section.getByText("Role settings saved.")).toBeVisible();

  // What was saved is what the page shows after a reload.
  await page.reload();
  await expect(section.getByRole("switch", { name: "Import users to custom roles" })).toBeChecked();
  await expect(section.getByLabel("Members of group (rule 1)")).toHaveValue("Sales");
  await expect(section.getByLabel("get role (rule 2)")).toHaveValue("GUEST");
  await expectNoAxeViolations(page);
  await section.scrollIntoViewIfNeeded();
  await shot(page, "settings-roles-import-1366");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "settings-roles-import-390");
  // Nothing in the section reaches past the phone's width (the admins table below scrolls on its own).
  expect(await widest(page, 'form[aria-labelledby="role-import-title"]')).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 860 });

  // The IdP creates a user and pushes the Sales group with them in it.
  const token = scimToken(slug);
  const idp = new Idp(request, token);
  const id = await idp.createUser({ given: "Sam", family: "Seller", email: "sam@acme.test", title: "Account Executive" });
  await pushGroup(request, token, "Sales", id);

  await page.goto(`/w/${slug}/employees/${id}`);
  await expect(page.getByRole("heading", { name: "Sam Seller", level: 1 })).toBeVisible();
  const access = page.getByRole("region", { name: "Access" });
  await expect(access.getByLabel("Role", { exact: true })).toHaveValue("SALES_LEAD");
  await expect(access.getByTestId("role-source")).toHaveText("From the identity provider: follows what your identity provider sends while role import is on.");

  // The guides on the Connect page.
  await page.goto(`/w/${slug}/connect`);
  await expect(page.getByRole("heading", { name: "Send app roles (optional)" })).toBeVisible();
  await expect(page.getByText("AppRoleAssignmentsComplex([appRoleAssignments])").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("heading", { name: "Send app roles (optional)" }).scrollIntoViewIfNeeded();
  await shot(page, "connect-entra-roles-1366");
  await page.getByRole("tab", { name: "Okta" }).click();
  await expect(page.getByRole("heading", { name: "Send roles or groups (optional)" })).toBeVisible();
  await shot(page, "connect-okta-roles-1366");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "connect-okta-roles-390");
  expect(await widest(page, "[role=tabpanel]:not([hidden])")).toBeLessThanOrEqual(390);
  await page.getByRole("tab", { name: "Microsoft Entra ID" }).click();
  await shot(page, "connect-entra-roles-390");
  expect(await widest(page, "[role=tabpanel]:not([hidden])")).toBeLessThanOrEqual(390);
});
