// The directory policy end to end, as an IT admin sets it up: a custom role and a group→role rule,
// a custom extension attribute, then users provisioned through SCIM in Entra ID's shape that carry
// both — and the result on the employee list (as a column), the employee page and the card.
// (The seat limit's refusal of the 11th user is e2e/directory-limits.spec.ts.)
import { expect, test } from "@playwright/test";
import { scimToken } from "./support/cli";
import { EmployeePage, EmployeesPage, expectNoAxeViolations } from "./support/employees";
import { newWorkspace, shot } from "./support/pages";
import { RolePicker, RolesPage } from "./support/roles";

const SCIM = "application/scim+json";
const CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";

test("a role from a group rule and a custom extension attribute, provisioned through SCIM, show on the list, the employee page and the card", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { slug } = await newWorkspace(page, "Directory policy");

  // 1. A custom role.
  const roles = new RolesPage(page);
  await roles.goto(slug);
  await roles.create("Sales Lead", "Leads a regional sales team.", ["See colleagues' cards", "Listed publicly"]);
  await expect(roles.role("Sales Lead")).toBeVisible();
  await expect(roles.holders("Sales Lead")).toHaveText("0 employees");

  // 2. Roles from the IdP, with a rule: members of the group Sales get Sales Lead.
  await page.goto(`/w/${slug}/settings`);
  const section = page.getByRole("form", { name: "Roles from your identity provider" });
  await section.getByRole("switch", { name: "Import users to custom roles" }).check();
  await section.getByRole("button", { name: "Add group rule" }).click();
  await section.getByLabel("Members of group (rule 1)").fill("Sales");
  await section.getByLabel("get role (rule 1)").selectOption({ label: "Sales Lead" });
  await section.getByRole("button", { name: "Save role settings" }).click();
  await expect(section.getByText("Role settings saved.")).toBeVisible();

  // 3. A custom extension attribute, shown on cards.
  await page.goto(`/w/${slug}/attributes`);
  await page.getByRole("button", { name: "New attribute" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Label").fill("Badge ID");
  await dialog.getByLabel("SCIM attribute path").fill(`${ACME}:badgeId`);
  await dialog.getByLabel("Type").selectOption({ label: "Text" });
  await dialog.getByLabel("Show on employees’ cards").check();
  await dialog.getByRole("button", { name: "Declare attribute" }).click();
  await expect(dialog).toBeHidden();

  // 4. The IdP (Entra ID's shapes) creates two users with a badge, and pushes the Sales group with one of them.
  const token = scimToken(slug);
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": SCIM, "User-Agent": "Azure AD SCIM Client (e2e)" };
  const user = async (given: string, family: string, badge: string) => {
    const email = `${given.toLowerCase()}-${Date.now().toString(36)}@acme.test`;
    const res = await request.post("/api/scim/v2/Users", {
      headers,
      data: {
        schemas: [CORE, ENTERPRISE, ACME],
        userName: email,
        externalId: `ext-${email}`,
        active: true,
        displayName: `${given} ${family}`,
        name: { givenName: given, familyName: family },
        emails: [{ value: email, type: "work", primary: true }],
        title: "Account Executive",
        [ENTERPRISE]: { department: "Sales" },
        [ACME]: { badgeId: badge },
      },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const sam = await user("Sam", "Seller", "B-1001");
  await user("Ada", "Analyst", "B-2002");
  // The /Schemas the IdP reads advertise the declared attribute.
  const schemas = (await (await request.get(`/api/scim/v2/Schemas/${ACME}`, { headers })).json()) as { attributes: { name: string; type: string }[] };
  expect(schemas.attributes).toEqual([expect.objectContaining({ name: "badgeId", type: "string" })]);
  const group = await request.post("/api/scim/v2/Groups", { headers, data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Sales", members: [] } });
  expect(group.status()).toBe(201);
  const { id: groupId } = (await group.json()) as { id: string };
  const patch = await request.patch(`/api/scim/v2/Groups/${groupId}`, {
    headers,
    data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "Add", path: "members", value: [{ value: sam }] }] },
  });
  expect(patch.status()).toBe(204);

  // 5. The employee list, with the Badge ID column chosen.
  const employees = new EmployeesPage(page);
  await employees.goto(slug);
  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Badge ID" }).check();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: "Badge ID" })).toBeVisible();
  await expect(employees.row("Sam Seller")).toContainText("B-1001");
  await expect(employees.row("Ada Analyst")).toContainText("B-2002");
  await expectNoAxeViolations(page);
  await shot(page, "directory-policy-list");

  // 6. The employee page: the role from the group rule, the attribute, and the card with both.
  await employees.row("Sam Seller").getByRole("link", { name: "Sam Seller" }).click();
  const employee = new EmployeePage(page);
  await expect(employee.heading("Sam Seller")).toBeVisible();
  const picker = new RolePicker(page);
  await expect(picker.select()).toHaveValue("SALES_LEAD");
  await expect(picker.source()).toContainText("From the identity provider");
  await expect(employee.section("Custom attributes").getByTestId("custom-attributes")).toContainText("B-1001");
  await employee.openTab("Card");
  await expect(page.getByTestId("business-card")).toContainText("Badge ID: B-1001");
  // The timeline says where the role came from.
  await employee.openTab("Timeline");
  const timeline = employee.section("Timeline");
  await expect(timeline).toContainText("Added to group Sales");
  await expect(timeline).toContainText("Role Member → Sales Lead (from group 'Sales' rule)");
  await expectNoAxeViolations(page);
  await shot(page, "directory-policy-employee");

  // 7. The Roles page counts the holder.
  await roles.goto(slug);
  await expect(roles.holders("Sales Lead")).toHaveText("1 employee");
});
