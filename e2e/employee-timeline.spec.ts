// Issue 11 §2: the employee timeline is the employee's whole history — groups the IdP added them to
// or removed them from, and archive/restore by hand — readable at desktop and phone width.
import { expect, test } from "@playwright/test";
import { scimToken } from "./support/cli";
import { EmployeePage, EmployeesPage, expectNoAxeViolations, Idp, signUpWorkspace } from "./support/employees";
import { shot } from "./support/pages";

test("group changes and archive/restore by hand are on the employee's timeline", async ({ page, request }) => {
  const slug = await signUpWorkspace(page, "Timeline");
  const token = scimToken(slug);
  const idp = new Idp(request, token);
  const ada = await idp.createUser({ given: "Ada", family: "Lovelace", email: "ada@acme.test", title: "Analyst" });
  const grace = await idp.createUser({ given: "Grace", family: "Hopper", email: "grace@acme.test" });
  const sales = await idp.createGroup("Sales", [ada, grace]);
  await idp.createGroup("Customer Success and Renewals (EMEA)", [ada]);
  const removed = await request.patch(`/api/scim/v2/Groups/${sales}`, {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
    data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Remove", path: "members", value: [{ value: grace }] }] },
  });
  expect(removed.status()).toBe(204);

  const detail = new EmployeePage(page);
  await page.goto(`/w/${slug}/employees/${grace}?tab=timeline`);
  await expect(detail.heading("Grace Hopper")).toBeVisible();
  const items = detail.timeline().getByRole("listitem");
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText("Removed from group Sales");
  await expect(items.nth(1)).toContainText("Added to group Sales");
  await expect(items.nth(2)).toContainText("Created user grace@acme.test");
  await expect(items.first().getByRole("link", { name: "Sales" })).toHaveAttribute("href", `/w/${slug}/groups/${sales}`);
  await expect(items.first().getByRole("link", { name: /View request in log/ })).toHaveAttribute("href", new RegExp(`^/w/${slug}/logs\\?event=c[a-z0-9]+$`));

  await page.goto(`/w/${slug}/employees/${ada}?tab=timeline`);
  await expect(detail.timeline().getByRole("listitem").first()).toContainText("Added to group Customer Success and Renewals (EMEA)");
  await expectNoAxeViolations(page);
  const timelineSection = detail.timeline();
  await timelineSection.scrollIntoViewIfNeeded();
  await shot(page, "employee-timeline-groups-1366");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(detail.timeline()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await detail.timeline().screenshot({ path: "screenshots/employee-timeline-groups-390.png" });
  await page.setViewportSize({ width: 1366, height: 900 });

  // Archived and restored by hand: both on the timeline at once, in the admin's name.
  const employees = new EmployeesPage(page);
  await employees.goto(slug);
  await employees.addEmployee({ name: "Temp Worker", email: "temp@acme.test" });
  await page.getByRole("link", { name: "Open their page" }).click();
  await expect(detail.heading("Temp Worker")).toBeVisible();
  await detail.openTab("Timeline");
  await page.getByRole("button", { name: "Archive employee" }).click();
  await page.getByRole("dialog", { name: "Archive Temp Worker?" }).getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByText("Temp Worker is archived.")).toBeVisible();
  await expect(detail.timeline().getByRole("listitem").first()).toContainText(/Archived by \S+@/);
  await page.getByRole("button", { name: "Restore employee" }).click();
  await page.getByRole("dialog", { name: "Restore Temp Worker?" }).getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText("Temp Worker is active again.")).toBeVisible();
  await expect(detail.timeline().getByRole("listitem")).toHaveCount(2);
  await expect(detail.timeline().getByRole("listitem").first()).toContainText(/Restored by \S+@/);
  await shot(page, "employee-timeline-manual-1366");
});
