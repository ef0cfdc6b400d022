import { expect, test } from "@playwright/test";
import { scimToken } from "./support/cli";
import { expectNoAxeViolations, newWorkspace, shot } from "./support/pages";

const createUser = (request: import("@playwright/test").APIRequestContext, token: string, userName: string, extra: Record<string, unknown> = {}) =>
  request.post("/api/scim/v2/Users", {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, name: { givenName: "Test", familyName: userName.split("@")[0] }, emails: [{ value: userName, type: "work", primary: true }], active: true, ...extra },
  });

test("a 10-seat workspace refuses the 11th user, and the dashboard says why", async ({ page, request }) => {
  const { slug } = await newWorkspace(page, "Seats");

  // Settings: a seat limit of 10 and a job title required of every new employee.
  await page.goto(`/w/${slug}/settings`);
  const limits = page.getByRole("form", { name: "Seats and required attributes" });
  await expect(limits.getByRole("checkbox", { name: "Email" })).toBeChecked();
  await limits.getByLabel("Maximum seats").fill("10");
  await limits.getByRole("checkbox", { name: "Job title" }).check();
  await limits.getByRole("button", { name: "Save seats and attributes" }).click();
  await expect(limits.getByText("Seats and required attributes saved.")).toBeVisible();
  await expect(limits.getByTestId("seat-meter")).toContainText("0 of 10");
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(limits.getByLabel("Maximum seats")).toHaveValue("10");
  await expect(limits.getByRole("checkbox", { name: "Job title" })).toBeChecked();
  await shot(page, "settings-seats");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "settings-seats-phone");
  // The form itself fits a phone (the page around it is the dashboard's, sized elsewhere).
  expect(await limits.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.setViewportSize({ width: 1366, height: 860 });

  const token = scimToken(slug);
  const domain = `${slug}.test`;
  // Without a job title, a create is refused with the mapping to fix.
  const untitled = await createUser(request, token, `untitled@${domain}`);
  expect(untitled.status()).toBe(400);
  expect((await untitled.json()).detail).toMatch(/Missing required attribute title \(job title\).*jobTitle → title/);

  for (let i = 1; i <= 9; i++) expect((await createUser(request, token, `person${i}@${domain}`, { title: "Engineer" })).status()).toBe(201);
  await page.goto(`/w/${slug}`);
  await expect(page.getByTestId("seat-meter")).toContainText("9 of 10");
  await expect(page.getByTestId("seat-meter")).toContainText("90 % of seats are taken: 1 left before new employees are refused.");

  expect((await createUser(request, token, `person10@${domain}`, { title: "Engineer" })).status()).toBe(201);
  const eleventh = await createUser(request, token, `person11@${domain}`, { title: "Engineer" });
  expect(eleventh.status()).toBe(403);
  expect((await eleventh.json()).detail).toMatch(/^Seat limit reached: this workspace allows 10 employees/);

  await page.reload();
  const meter = page.getByTestId("seat-meter");
  await expect(meter).toContainText("10 of 10");
  await expect(meter).toContainText("All seats are taken: new employees and re-activations are refused");
  await expectNoAxeViolations(page);
  await shot(page, "overview-seats-full");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "overview-seats-full-phone");
  await page.setViewportSize({ width: 1366, height: 860 });

  // The provisioning log explains the refusal.
  await page.goto(`/w/${slug}/logs?outcome=client-error`);
  await page.getByText("Seat limit reached").first().click();
  await expect(page.getByText("Raise the limit in Settings → Seats and required attributes").first()).toBeVisible();
  await shot(page, "logs-seat-limit");

  // An admin adding someone by hand gets the same answer.
  await page.goto(`/w/${slug}/employees`);
  await page.getByRole("button", { name: "Add employee" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill("Hand Added");
  await dialog.getByLabel("Email", { exact: true }).fill(`hand@${domain}`);
  await dialog.getByLabel("Job title", { exact: true }).fill("Office manager");
  await dialog.getByRole("button", { name: /Add employee/ }).click();
  await expect(dialog).toContainText("Seat limit reached: 10 of 10 seats are taken.");
});
