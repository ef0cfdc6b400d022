// The admin's whole journey from the dashboard issue: token, provisioning through the real SCIM API,
// Synced / Linked / Archived, timeline and log, and a token rotation that never fails a request.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { EmployeePage, EmployeesPage, Idp, ImportPage } from "./support/employees";
import { LogsPage } from "./support/logs";
import { newWorkspace, shot } from "./support/pages";
import { TokensPage } from "./support/tokens-settings";

const listUsers = (request: APIRequestContext, token: string) => request.get("/api/scim/v2/Users?count=1", { headers: { Authorization: `Bearer ${token}` } });

test("an admin connects an IdP, watches it provision, and rotates the token without a failed request", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { slug } = await newWorkspace(page, "Journey");

  // 1. A token for the IdP, shown once.
  const tokens = new TokensPage(page);
  await tokens.goto(slug);
  await tokens.generate("Microsoft Entra ID");
  const firstToken = await tokens.newTokenValue();
  expect(firstToken).toMatch(/^mst_/);
  await shot(page, "journey-token");
  await tokens.hideNewToken();

  // 2. An employee who existed before the IdP: imported from CSV.
  const linda = `linda.link.${Date.now().toString(36)}@example.test`;
  const importer = new ImportPage(page);
  await importer.goto(slug);
  await importer.choose("people.csv", `email,name,title\n${linda},Linda Link,Analyst\n`);
  await importer.start();
  await expect(importer.summary()).toBeVisible();
  await expect(importer.stat("Created")).toHaveText("1");

  // 3. The IdP provisions three people through SCIM; one of them has Linda's email.
  const idp = new Idp(request, firstToken);
  await idp.createUser({ given: "Ann", family: "Archer", email: `ann.${Date.now().toString(36)}@example.test`, title: "Engineer", department: "R&D" });
  const bobId = await idp.createUser({ given: "Bob", family: "Baker", email: `bob.${Date.now().toString(36)}@example.test`, title: "Designer" });
  await idp.createUser({ given: "Linda", family: "Link", email: linda, title: "Lead Analyst" });

  const employees = new EmployeesPage(page);
  await employees.goto(slug);
  await employees.openTab("Synced");
  await expect(employees.row("Ann Archer")).toBeVisible();
  await expect(employees.row("Bob Baker")).toBeVisible();
  await employees.openTab("Linked");
  await expect(employees.row("Linda Link")).toBeVisible();
  await shot(page, "journey-employees-linked");

  // 4. Entra ID deactivates Bob (its PATCH without aadOptscim062020: capitalised op, string boolean).
  await idp.patchUser(bobId, { op: "Replace", path: "active", value: "False" });
  await employees.goto(slug);
  await employees.openTab("Archived");
  await expect(employees.row("Bob Baker")).toBeVisible();
  await shot(page, "journey-employees-archived");

  // 5. Bob's timeline explains what the IdP did.
  await employees.row("Bob Baker").getByRole("link", { name: "Bob Baker", exact: true }).click();
  const bob = new EmployeePage(page);
  await expect(bob.heading("Bob Baker")).toBeVisible();
  await bob.openTab("Timeline");
  await expect(bob.timeline()).toContainText("deactivated, employee archived");
  await expect(bob.timeline()).toContainText("Created user");
  await shot(page, "journey-employee-timeline");

  // 6. The provisioning log shows every request.
  const logs = new LogsPage(page);
  await logs.goto(slug);
  await expect(logs.row(/Created user/).first()).toBeVisible();
  await expect(logs.row(/deactivated/).first()).toBeVisible();
  await shot(page, "journey-log");

  // 7. Rotation: regenerate, keep syncing with the old token while the IdP is switched over.
  await tokens.goto(slug);
  await tokens.regenerate("Microsoft Entra ID");
  const secondToken = await tokens.newTokenValue();
  expect(secondToken).not.toBe(firstToken);
  await tokens.hideNewToken();
  const statuses: number[] = [];
  for (const token of [firstToken, firstToken, secondToken, secondToken]) statuses.push((await listUsers(request, token)).status());
  expect(statuses).toEqual([200, 200, 200, 200]);

  // 8. The IdP now uses the new token: revoke the old one. Only the old one stops.
  await tokens.revoke("Microsoft Entra ID");
  await expect(tokens.row("Microsoft Entra ID")).toContainText("Revoked");
  expect((await listUsers(request, firstToken)).status()).toBe(401);
  expect((await listUsers(request, secondToken)).status()).toBe(200);
  await shot(page, "journey-tokens-rotated");
});
