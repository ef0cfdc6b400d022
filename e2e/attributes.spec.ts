// Custom attributes as an admin meets them: an IdP sends an attribute nobody declared, the
// provisioning log offers to add it, the admin declares it (and another one by hand), imports a
// value from CSV, and sees it on the employee page and as a chosen column in the employee list.
import { expect, test, type Page } from "@playwright/test";
import { scimToken } from "./support/cli";
import { EmployeePage, EmployeesPage, expectNoAxeViolations, ImportPage, signUpWorkspace } from "./support/employees";
import { LogsPage, scimAs, userBody } from "./support/logs";
import { shot } from "./support/pages";

const ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
const BADGE = `${ACME}:badgeId`;

class AttributesPage {
  constructor(readonly page: Page) {}
  goto = (slug: string, query = "") => this.page.goto(`/w/${slug}/attributes${query}`);
  heading = () => this.page.getByRole("heading", { name: "Custom attributes", level: 1 });
  dialog = () => this.page.getByRole("dialog");
  item = (key: string) => this.page.getByTestId(`attribute-${key}`);
}

const both = async (page: Page, name: string) => {
  await shot(page, `${name}-1366`);
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing may overflow sideways at phone width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1366, height: 860 });
};

test("an ignored IdP attribute becomes a declared custom attribute; CSV values show on the employee page and as a column", async ({ page, request }) => {
  const slug = await signUpWorkspace(page, "Attributes");
  const attributes = new AttributesPage(page);

  await attributes.goto(slug);
  await expect(attributes.heading()).toBeVisible();
  await expect(page.getByRole("heading", { name: "No custom attributes yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Attributes", exact: true })).toHaveAttribute("aria-current", "page");

  // The IdP sends an extension attribute nobody declared: stored nowhere, named in the log.
  const idp = scimAs(request, scimToken(slug));
  const res = await idp.post("/Users", { ...userBody("ann@acme.test"), schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ACME], [ACME]: { badgeId: "4711" } });
  expect(res.status()).toBe(201);
  const logs = new LogsPage(page);
  await logs.goto(slug);
  await logs.rows().first().getByRole("link").click();
  const ignored = logs.drawer().getByTestId("event-ignored");
  await expect(ignored).toContainText(BADGE);
  await ignored.getByRole("link", { name: `Add as a custom attribute (${BADGE})` }).click();

  // The form opens pre-filled; a wrong type for the path is explained before anything is sent.
  await expect(attributes.heading()).toBeVisible();
  const dialog = attributes.dialog();
  await expect(dialog.getByRole("heading", { name: "New custom attribute" })).toBeVisible();
  await expect(dialog.getByLabel("SCIM attribute path")).toHaveValue(BADGE);
  await expect(dialog.getByLabel("Label")).toHaveValue("Badge ID");
  await dialog.getByLabel("Type").selectOption({ label: "Number" });
  await dialog.getByLabel("Show on employees’ cards").check();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Declare attribute" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "“Badge ID” is declared." })).toBeVisible();
  await expect(attributes.item("badgeId").getByTestId("attribute-path")).toHaveText(BADGE);
  await expect(attributes.item("badgeId")).toContainText("Number");
  await expect(attributes.item("badgeId")).toContainText("On cards");
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/attributes$`));

  // A second one by hand: a built-in field is refused with the reason, then a free one is accepted.
  await page.getByRole("button", { name: "New attribute" }).click();
  await dialog.getByLabel("Label").fill("Department");
  await dialog.getByLabel("SCIM attribute path").fill("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
  await dialog.getByRole("button", { name: "Declare attribute" }).click();
  await expect(dialog.getByText(/is already built in \(the card's department\)/)).toBeVisible();
  await dialog.getByLabel("Label").fill("Cost center");
  await dialog.getByLabel("SCIM attribute path").fill("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:costCenter");
  await dialog.getByRole("button", { name: "Declare attribute" }).click();
  await expect(dialog).toBeHidden();
  await expect(attributes.item("costCenter")).toContainText("no employee has a value yet");
  await expectNoAxeViolations(page);
  await both(page, "attributes");

  // Values from CSV: the import names the attribute columns; a bad number is a row error.
  const importer = new ImportPage(page);
  await importer.goto(slug);
  await expect(page.getByTestId("import-attribute-help")).toContainText("Badge ID");
  await importer.choose("people.csv", ["Email,Name,Badge ID,Cost center", "ivy@acme.test,Ivy Import,4711,CC-900", "bad@acme.test,Bad Number,12a,CC-1"].join("\r\n"));
  await expect(page.getByTestId("detected-attributes")).toHaveText("Custom attributes: Badge ID (number), Cost center (text)");
  await importer.start();
  await expect(importer.summary()).toBeVisible();
  await expect(importer.stat("Created")).toHaveText("1");
  await expect(page.getByText(`Line 3, column "Badge ID": '12a' is not a number`)).toBeVisible();

  // The attributes page counts the value.
  await attributes.goto(slug);
  await expect(attributes.item("badgeId")).toContainText("1 employee has a value");

  // The employee page lists the employee's custom attributes; the card shows the on-card one.
  const employees = new EmployeesPage(page);
  await employees.goto(slug);
  await employees.row("Ivy Import").getByRole("link", { name: "Ivy Import" }).click();
  const employee = new EmployeePage(page);
  await expect(employee.heading("Ivy Import")).toBeVisible();
  const custom = employee.section("Custom attributes");
  await expect(custom.getByTestId("custom-attributes")).toContainText("Badge ID");
  await expect(custom.getByTestId("custom-attributes")).toContainText("4,711");
  await expect(custom.getByTestId("custom-attributes")).toContainText("CC-900");
  await employee.openTab("Card");
  await expect(page.getByTestId("card-field-attr.badgeId")).toContainText("Badge ID");
  await expect(page.getByTestId("business-card")).toContainText("Badge ID: 4,711");
  await expectNoAxeViolations(page);
  await both(page, "attributes-employee");

  // The list: choose the column from the Columns menu; the choice is in the URL.
  await employees.goto(slug);
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Badge ID" }).check();
  await expect(page.getByRole("columnheader", { name: "Badge ID" })).toBeVisible();
  await expect(page).toHaveURL(/cols=badgeId/);
  await expect(employees.row("Ivy Import")).toContainText("4,711");
  await page.getByRole("checkbox", { name: "Cost center" }).check();
  await expect(employees.row("Ivy Import")).toContainText("CC-900");
  await page.keyboard.press("Escape");
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Cost center" })).toBeVisible();
  await expectNoAxeViolations(page);
  await both(page, "attributes-employees-list");
});
