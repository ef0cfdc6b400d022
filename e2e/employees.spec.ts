// Employees and groups as an admin meets them: provisioned by a (simulated) IdP over real SCIM,
// added by hand, imported from CSV, linked, archived, and followed on each employee's timeline.
import { expect, test } from "@playwright/test";
import { scimToken } from "./support/cli";
import { EmployeePage, EmployeesPage, expectNoAxeViolations, Idp, ImportPage, signUpWorkspace } from "./support/employees";
import { shot } from "./support/pages";
import { CardEditorPage, TemplateEditor, TemplatesPage } from "./support/templates";

test("employees from SCIM, by hand and from CSV; linking and deprovisioning show in the tabs", async ({ page, request }) => {
  const slug = await signUpWorkspace(page, "Employees");
  const idp = new Idp(request, scimToken(slug));
  const employees = new EmployeesPage(page);

  await employees.goto(slug);
  await expect(page.getByRole("heading", { name: "No employees yet" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "employees-empty");

  const ada = await idp.createUser({ given: "Ada", family: "Lovelace", email: "ada@acme.test", title: "Analyst", department: "Engineering" });
  await idp.createUser({ given: "Grace", family: "Hopper", email: "grace@acme.test", title: "Rear Admiral", department: "Engineering", managerId: ada });
  await idp.createUser({ given: "Alan", family: "Turing", email: "alan@acme.test", title: "Researcher", department: "Research" });

  await employees.goto(slug);
  await expect(employees.heading()).toBeVisible();
  await expect(employees.rows()).toHaveCount(3);
  for (const name of ["Ada Lovelace", "Grace Hopper", "Alan Turing"]) await expect(employees.row(name)).toContainText("Synced");
  await expect(employees.count("synced")).toHaveText("3");
  await expect(employees.seats()).toHaveText("3 seats");

  // By hand: a clear error for an email in use, then a new manual employee.
  const dialog = await employees.addEmployee({ name: "Ada Again", email: "ADA@acme.test" });
  await expect(dialog.getByText("Ada Lovelace already has the email ADA@acme.test")).toBeVisible();
  await dialog.getByLabel("Email").fill("margaret@acme.test");
  await dialog.getByLabel("Name").fill("Margaret Hamilton");
  await dialog.getByLabel("Job title").fill("Director of Software Engineering");
  await dialog.getByRole("button", { name: "Add employee" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Added Margaret Hamilton as a manual employee." })).toBeVisible();
  await expect(employees.row("Margaret Hamilton")).toContainText("Manual");
  await expect(employees.count("manual")).toHaveText("1");
  await expect(employees.seats()).toHaveText("4 seats");

  // Search, sort and tabs.
  await employees.search("hop");
  await expect(employees.rows()).toHaveCount(1);
  await expect(employees.row("Grace Hopper")).toBeVisible();
  await expect(page).toHaveURL(/q=hop/);
  await employees.search("");
  await expect(employees.rows()).toHaveCount(4);
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(employees.rows().first()).toContainText("Margaret Hamilton");
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(employees.rows().first()).toContainText("Ada Lovelace");
  await expectNoAxeViolations(page);
  await shot(page, "employees");

  // CSV import: preview, progress, summary with the problem rows.
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import employees from CSV" })).toBeVisible();
  const importer = new ImportPage(page);
  await importer.choose(
    "people.csv",
    [
      "E-mail Address,First Name,Last Name,Job Title,Department,Office,Badge",
      "link.me@acme.test,Linus,Linked,Engineer,Engineering,Berlin,77",
      "katherine@acme.test,Katherine,Johnson,Mathematician,Research,Hampton,78",
      "ada@acme.test,Ada,Lovelace,Changed by CSV,Engineering,London,79",
      "not-an-email,Bad,Row,,,,80",
      "KATHERINE@acme.test,Kathy,Again,,,,81",
      ",No,Email,,,,82",
    ].join("\r\n"),
  );
  await expect(page.getByTestId("import-row-count")).toHaveText("6");
  await expect(importer.detected("Email")).toHaveText("E-mail Address");
  await expect(importer.detected("Location")).toHaveText("Office");
  await expect(importer.detected("Phone")).toHaveText("not in the file");
  await expect(page.getByText("Ignored columns: Badge")).toBeVisible();
  await expect(page.getByText("1 row has no email and 1 row repeats an email from an earlier row")).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "employees-import-preview");

  // Slow the batch down a little so the progress bar can be seen.
  await page.route("**/employees/import", async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await importer.start();
  await expect(importer.progress()).toBeVisible();
  await expect(importer.progress()).toHaveAttribute("aria-valuemax", "6");
  await expect(page.getByText("0 of 6 rows done")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(importer.stat("Created")).toHaveText("2");
  await expect(importer.stat("Updated")).toHaveText("0");
  await expect(importer.stat("Unchanged or skipped")).toHaveText("1");
  await expect(importer.stat("Errors")).toHaveText("3");
  const issues = page.getByRole("table", { name: "Rows with errors or skipped" });
  await expect(issues.getByRole("row")).toHaveCount(5);
  await expect(issues.getByRole("row").filter({ hasText: "ada@acme.test" })).toContainText("Managed by your identity provider: not changed");
  await expect(issues.getByRole("row").filter({ hasText: "not-an-email" })).toContainText("Invalid email address 'not-an-email'");
  await expect(issues.getByRole("row").filter({ hasText: "KATHERINE@acme.test" })).toContainText("Duplicate email within the file: line 3 has it too");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the list (CSV)" }).click();
  expect((await download).suggestedFilename()).toBe("people-problems.csv");
  await expectNoAxeViolations(page);
  await shot(page, "employees-import");

  // The IdP provisions someone with an imported email: the same employee, now Linked.
  await page.getByRole("link", { name: "View manual employees" }).click();
  await expect(employees.row("Linus Linked")).toContainText("Manual");
  await idp.createUser({ given: "Linus", family: "Linked", email: "link.me@acme.test", title: "Staff Engineer" });
  await employees.goto(slug);
  await employees.openTab("Linked");
  await expect(employees.rows()).toHaveCount(1);
  await expect(employees.row("Linus Linked")).toContainText("Linked");
  await expect(employees.count("linked")).toHaveText("1");

  // The IdP deactivates Alan: he moves to Archived and no longer counts as a seat.
  const alanId = await page.request.get(`/api/w/${slug}/employees?q=alan@acme.test`).then(async (r) => ((await r.json()) as { rows: { id: string }[] }).rows[0]!.id);
  await idp.patchUser(alanId, { op: "replace", path: "active", value: false });
  await employees.goto(slug);
  await expect(employees.seats()).toHaveText("5 seats");
  await employees.openTab("Archived");
  await expect(employees.rows()).toHaveCount(1);
  await expect(employees.row("Alan Turing")).toContainText("Archived");
  await expect(page).toHaveURL(/tab=archived/);
  await page.reload();
  await expect(employees.tab("Archived")).toHaveAttribute("aria-selected", "true");
  await expect(employees.row("Alan Turing")).toBeVisible();

  // Export of the current tab.
  const exported = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await exported;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^employees-${slug}-archived-.*\\.csv$`));
});

test("an employee's page: profile, reporting line, SCIM identity and the provisioning timeline", async ({ page, request }) => {
  const slug = await signUpWorkspace(page, "Detail");
  const idp = new Idp(request, scimToken(slug));
  const ada = await idp.createUser({ given: "Ada", family: "Lovelace", email: "ada@acme.test", title: "Analyst", department: "Engineering", phone: "+44 20 7946 0000", location: "London" });
  const grace = await idp.createUser({ given: "Grace", family: "Hopper", email: "grace@acme.test", title: "Rear Admiral", department: "Engineering", managerId: ada });
  await idp.patchUser(ada, { op: "replace", path: "title", value: "Lead Analyst" });
  await idp.createGroup("Engineering", [ada, grace]);

  const employees = new EmployeesPage(page);
  await employees.goto(slug);
  await page.getByRole("link", { name: "Ada Lovelace", exact: true }).click();
  const detail = new EmployeePage(page);
  await expect(detail.heading("Ada Lovelace")).toBeVisible();
  await expect(page.getByTestId("status-explanation")).toContainText("Synced since");
  await expect(page.getByTestId("idp-managed")).toHaveText("Managed by your identity provider — changes come from Microsoft Entra ID; archive or restore them there.");
  await expect(page.getByRole("button", { name: "Archive employee" })).toHaveCount(0);
  const profile = detail.section("Profile");
  await expect(profile).toContainText("Lead Analyst");
  await expect(profile).toContainText("+44 20 7946 0000");
  await expect(profile).toContainText("London");
  await expect(detail.section("Reporting line and groups").getByRole("link", { name: "Grace Hopper" })).toBeVisible();
  await expect(detail.section("Reporting line and groups").getByRole("link", { name: "Engineering" })).toBeVisible();
  const identity = detail.section("SCIM identity");
  await expect(identity).toContainText("ext-ada@acme.test");
  await identity.getByText("SCIM resource as the IdP wrote it").click();
  await expect(identity.getByLabel("SCIM resource JSON")).toContainText('"userName": "ada@acme.test"');

  // The timeline: newest first, readable summaries, links into the provisioning log — and the
  // group the IdP added her to (issue 11: the timeline is the employee's whole history).
  await detail.openTab("Timeline");
  const timeline = detail.timeline();
  await expect(timeline.getByRole("listitem")).toHaveCount(3);
  await expect(timeline.getByRole("listitem").first()).toContainText("Added to group Engineering");
  await expect(timeline.getByRole("listitem").first().getByRole("link", { name: "Engineering" })).toHaveAttribute("href", new RegExp(`^/w/${slug}/groups/`));
  await expect(timeline.getByRole("listitem").nth(1)).toContainText("Updated user ada@acme.test: job title 'Analyst' → 'Lead Analyst'");
  await expect(timeline.getByRole("listitem").nth(2)).toContainText("Created user ada@acme.test");
  await expect(timeline.getByRole("listitem").nth(2)).toContainText("201");
  await expect(timeline.getByRole("link", { name: /View in log/ }).first()).toHaveAttribute("href", new RegExp(`^/w/${slug}/logs\\?event=c[a-z0-9]+$`));
  await expectNoAxeViolations(page);
  await shot(page, "employee-detail");

  // The manager link goes both ways.
  await detail.openTab("Profile");
  await detail.section("Reporting line and groups").getByRole("link", { name: "Grace Hopper" }).click();
  await expect(detail.heading("Grace Hopper")).toBeVisible();
  await expect(detail.section("Reporting line and groups").getByRole("link", { name: "Ada Lovelace" })).toBeVisible();

  // A manual employee is archived and restored here, each behind a confirmation.
  await employees.goto(slug);
  await employees.addEmployee({ name: "Temp Worker", email: "temp@acme.test", department: "Operations" });
  await page.getByRole("link", { name: "Open their page" }).click();
  await expect(detail.heading("Temp Worker")).toBeVisible();
  await expect(page.getByTestId("status-explanation")).toContainText("Manual: added in Muster");
  await page.getByRole("button", { name: "Archive employee" }).click();
  const confirm = page.getByRole("dialog", { name: "Archive Temp Worker?" });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "employee-archive-confirm");
  await confirm.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByText("Temp Worker is archived.")).toBeVisible();
  await expect(page.getByTestId("status-explanation")).toContainText("by an admin");
  await page.getByRole("button", { name: "Restore employee" }).click();
  await page.getByRole("dialog", { name: "Restore Temp Worker?" }).getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByText("Temp Worker is active again.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Archive employee" })).toBeVisible();

  // Another workspace's employee is a 404.
  const other = await page.request.get(`/w/${slug}/employees/cnotanemployee000000000000`);
  expect(other.status()).toBe(404);
});

test("groups: the list with member counts and a group's members", async ({ page, request }) => {
  const slug = await signUpWorkspace(page, "Groups");
  await page.goto(`/w/${slug}/groups`);
  await expect(page.getByRole("heading", { name: "No groups yet" })).toBeVisible();

  const idp = new Idp(request, scimToken(slug));
  const ids: string[] = [];
  for (const [given, family] of [["Ada", "Lovelace"], ["Grace", "Hopper"], ["Alan", "Turing"], ["Katherine", "Johnson"]] as const) {
    ids.push(await idp.createUser({ given, family, email: `${given.toLowerCase()}@acme.test`, title: "Engineer" }));
  }
  const engineering = await idp.createGroup("Engineering", ids);
  await idp.createGroup("Research", [ids[2]!, ids[3]!]);
  await idp.createGroup("Leadership", [ids[0]!]);

  await page.goto(`/w/${slug}/groups`);
  await expect(page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
  const row = (name: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row("Engineering")).toContainText("4");
  await expect(row("Engineering")).toContainText("grp-engineering");
  await expect(row("Research")).toContainText("2");
  await page.getByRole("searchbox", { name: "Search groups by name" }).fill("rese");
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Search groups by name" }).fill("");
  await expect(page.locator("tbody tr")).toHaveCount(3);
  await expectNoAxeViolations(page);
  await shot(page, "groups");

  await row("Engineering").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/groups/${engineering}$`));
  await expect(page.getByRole("heading", { name: "Engineering", level: 1 })).toBeVisible();
  await expect(page.getByText("4 members, kept in sync")).toBeVisible();
  const members = page.getByRole("table", { name: "Group members" });
  await expect(members.locator("tbody tr")).toHaveCount(4);
  await expect(members.locator("tbody tr").first()).toContainText("Ada Lovelace");
  await page.getByRole("searchbox", { name: "Search members by name or email" }).fill("hop");
  await expect(members.locator("tbody tr")).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Search members by name or email" }).fill("");
  await expect(members.locator("tbody tr")).toHaveCount(4);
  await expectNoAxeViolations(page);
  await shot(page, "group-detail");

  await members.getByRole("link", { name: "Grace Hopper" }).click();
  await expect(page.getByRole("heading", { name: "Grace Hopper", level: 1 })).toBeVisible();
});

test("employee list: names are links, the Activation column, rows per page, and Assign template for a selection", async ({ page, request }) => {
  test.setTimeout(120_000);
  const slug = await signUpWorkspace(page, "List");
  const idp = new Idp(request, scimToken(slug));
  const employees = new EmployeesPage(page);
  const stamp = Date.now().toString(36);
  const ids: string[] = [];
  for (let i = 1; i <= 26; i++) ids.push(await idp.createUser({ given: "Person", family: String(i).padStart(2, "0"), email: `p${i}-${stamp}@acme.test`, department: "Sales" }));
  await idp.patchUser(ids[25]!, { op: "replace", path: "active", value: false });

  // A card template to assign by hand.
  await new TemplatesPage(page).goto(slug);
  await page.getByRole("link", { name: "Create a template" }).click();
  const editor = new TemplateEditor(page);
  await editor.name("Sales team");
  await editor.field("Company", "Acme Inc.");
  await editor.create();

  await employees.goto(slug);
  // The header says how "All" relates to the seats.
  await expect(employees.seats()).toHaveText("25 seats");
  await expect(page.getByTestId("all-explained")).toHaveText("“All” also lists the archived employee: 26 in all.");
  await expect(employees.count("all")).toHaveText("26");
  await expect(employees.rows()).toHaveCount(26);

  // The Activation column: emails sent to everyone provisioned; none for the archived employee.
  const person = (n: number) => employees.row(`Person ${String(n).padStart(2, "0")}`);
  await expect(page.getByRole("columnheader", { name: "Activation" })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(person(1)).toContainText("Email sent", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(person(26)).toContainText("—");
  const manual = await employees.addEmployee({ name: "Mia Manual", email: `mia-${stamp}@acme.test` });
  await expect(manual).toBeHidden();
  await expect(employees.row("Mia Manual")).toContainText("Not sent");

  // Names are links to the employee's page.
  await expect(person(1).getByRole("link", { name: "Person 01" })).toHaveAttribute("href", /\/employees\/[^/]+$/);

  // Rows per page: 25, kept in the URL and across a reload.
  await page.getByLabel("Rows per page").selectOption("25");
  await expect(page).toHaveURL(/pageSize=25/);
  await expect(employees.rows()).toHaveCount(25);
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Rows per page")).toHaveValue("25");
  await expect(employees.rows()).toHaveCount(25);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(employees.rows()).toHaveCount(2);
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/pageSize=25/);
  await page.getByLabel("Rows per page").selectOption("50");
  await expect(employees.rows()).toHaveCount(27);

  // Pick two employees and assign them the template.
  await person(1).getByRole("checkbox", { name: "Select Person 01" }).check();
  await person(2).getByRole("checkbox", { name: "Select Person 02" }).check();
  const bar = page.getByRole("region", { name: "Selected employees" });
  await expect(bar).toContainText("2 selected");
  await expectNoAxeViolations(page);
  await shot(page, "employees-selection");
  await page.screenshot({ path: "/tmp/h/shots/overview-employees-selection-1366.png", fullPage: true });
  await bar.getByRole("button", { name: "Assign template…" }).click();
  const dialog = page.getByRole("dialog", { name: "Assign a template to 2 employees" });
  await expect(dialog).toContainText("Cards inherit the template's fields; fields changed on a card keep their value.");
  await expect(dialog.getByLabel("Template")).toHaveValue(/.+/);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: "/tmp/h/shots/overview-employees-assign-1366.png", fullPage: true });
  await dialog.getByRole("button", { name: "Assign template" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Assigned “Sales team” to 2 employees." })).toBeVisible();
  await expect(bar).toBeHidden();
  const cards = new CardEditorPage(page);
  await cards.goto(slug, ids[0]!);
  await expect(cards.template()).toContainText("Sales team");

  // Select all on the page, then clear.
  await employees.goto(slug);
  await page.getByRole("checkbox", { name: "Select all employees on this page" }).check();
  await expect(page.getByRole("region", { name: "Selected employees" })).toContainText("27 selected");
  await page.getByRole("button", { name: "Clear selection" }).click();
  await expect(page.getByRole("region", { name: "Selected employees" })).toBeHidden();

  // A phone: the page itself never scrolls sideways; the table scrolls in its own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "/tmp/h/shots/overview-employees-390.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.screenshot({ path: "/tmp/h/shots/overview-employees-1366.png", fullPage: true });
});
