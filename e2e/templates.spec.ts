// Card templates as an admin builds them: a template with rules in the editor, an employee
// provisioned through SCIM who gets it, the card editor that shows where each field comes from
// and changes it, ordering, previewing matches, assigning a template by hand, and cards that
// inherit a template's later edits.
import { expect, test } from "@playwright/test";
import { scimToken } from "./support/cli";
import { expectNoAxeViolations, Idp, signUpWorkspace } from "./support/employees";
import { shot } from "./support/pages";
import { CardEditorPage, TemplateEditor, TemplatesPage } from "./support/templates";

test("an admin builds a template with rules; a user provisioned through SCIM gets it on their card", async ({ page, request }) => {
  const slug = await signUpWorkspace(page, "Templates");
  const idp = new Idp(request, scimToken(slug));
  const templates = new TemplatesPage(page);
  const editor = new TemplateEditor(page);

  await templates.goto(slug);
  await expect(templates.heading()).toBeVisible();
  await expect(page.getByRole("heading", { name: "No card templates yet" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "templates-empty");

  // Build a template: fields, two rules joined by OR, live preview.
  await page.getByRole("link", { name: "Create a template" }).click();
  await expect(page.getByRole("heading", { name: "New card template", level: 1 })).toBeVisible();
  await expect(page.getByTestId("no-rules")).toBeVisible();
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByText("Give the template a name")).toBeVisible();

  await editor.name("Marketing team");
  await editor.field("Company", "Acme Inc.");
  await editor.field("Company logo URL", "http://acme.example/logo.png");
  await editor.field("Website", "acme.example");
  await editor.field("Address", "1 Market Street\nSan Francisco, CA 94105");
  await editor.addRule("Department", "equals", "Marketing");
  await editor.addRule("Department", "equals", "Sales");
  await page.getByRole("button", { name: "+ And… (add a condition to rule 2)" }).click();
  await page.getByLabel("Attribute (rule 2, condition 2)").selectOption({ label: "SCIM path…" });
  await page.getByLabel("SCIM attribute path (rule 2, condition 2)").fill("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber");
  await page.getByLabel("Operator (rule 2, condition 2)").selectOption({ label: "starts with" });
  await page.getByLabel("Value (rule 2, condition 2)").fill("10");
  await expect(editor.preview()).toContainText("Acme Inc.");
  await expect(editor.preview()).toContainText("acme.example");
  await expect(editor.preview()).toContainText("1 Market Street");

  // Client-side checks name the field that needs fixing.
  await page.getByRole("button", { name: "Create template" }).click();
  await expect(page.getByText("Use an https:// address for images")).toBeVisible();
  await editor.field("Company logo URL", "");
  await expectNoAxeViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "template-editor");
  await editor.create();
  await expect(page.getByRole("heading", { name: "Marketing team", level: 1 })).toBeVisible();
  await expect(page.getByText("department equals Marketing OR (department equals Sales AND employeeNumber starts with 10)")).toBeVisible();

  // Provision through the real SCIM API: one match, one not.
  const mia = await idp.createUser({ given: "Mia", family: "Marketer", email: "mia@acme.test", title: "Brand Manager", department: "Marketing", phone: "+1 555 0100" });
  const eng = await idp.createUser({ given: "Eli", family: "Engineer", email: "eli@acme.test", title: "Engineer", department: "Engineering" });

  await editor.previewMatches();
  await expect(editor.matchCount()).toHaveText("1 of 2 employees match");
  await expect(editor.matchRow("Mia Marketer")).toContainText("Marketing team");
  await expectNoAxeViolations(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "template-editor-matches");

  // Mia's card: template fields win (from the template), IdP fields from the IdP and locked.
  const cards = new CardEditorPage(page);
  await editor.matchRow("Mia Marketer").getByRole("link", { name: "Mia Marketer" }).click();
  await expect(page.getByRole("heading", { name: "Mia Marketer", level: 1 })).toBeVisible();
  await expect(cards.template()).toContainText("Marketing team");
  await expect(cards.row("company")).toContainText("Acme Inc.");
  await expect(cards.row("company")).toContainText("From template");
  await expect(cards.row("title")).toContainText("Brand Manager");
  await expect(cards.row("title")).toContainText("From the IdP");
  await expect(cards.row("title")).toContainText("Locked");
  await expect(cards.card()).toContainText("Acme Inc.");
  await expect(cards.card()).toContainText("Brand Manager");

  // An edit makes the value the card's own; unlock lets the employee edit (the card's own too); relink takes the IdP's value again.
  await cards.edit("Job title", "Head of Brand");
  await expect(cards.notice("Job title saved.")).toBeVisible();
  await expect(cards.row("title")).toContainText("Head of Brand");
  await expect(cards.row("title")).toContainText("Set in Muster");
  await expect(cards.row("title")).toContainText("IdP: Brand Manager");
  await cards.unlock("Office phone");
  await expect(cards.notice("Office phone unlocked")).toBeVisible();
  await expect(cards.row("phone")).toContainText("Employee can edit");
  await expect(cards.row("phone")).toContainText("Set in Muster");
  await idp.patchUser(mia, { op: "replace", path: "title", value: "Brand Director" });
  await page.reload();
  await expect(cards.row("title")).toContainText("Head of Brand");
  await expect(cards.row("title")).toContainText("IdP: Brand Director");
  await expectNoAxeViolations(page);
  await shot(page, "card-editor");
  await cards.relink("Job title");
  await expect(cards.notice("Job title relinked")).toBeVisible();
  await expect(cards.row("title")).toContainText("Brand Director");
  await expect(cards.row("title")).toContainText("From the IdP");

  // A second template without rules catches everyone else; order decides who wins.
  await templates.goto(slug);
  await page.getByRole("link", { name: "New template" }).click();
  await editor.name("Everyone else");
  await editor.field("Company", "Acme Group");
  await editor.create();
  await templates.goto(slug);
  await expect(templates.names()).toHaveText(["Marketing team", "Everyone else"]);
  await expect(templates.row("Everyone else")).toContainText("Everyone not matched above");
  await templates.move("Everyone else", "up");
  await expect(templates.names()).toHaveText(["Everyone else", "Marketing team"]);
  await expect(page.getByRole("button", { name: "Move Everyone else up" })).toBeDisabled();
  await templates.move("Everyone else", "down");
  await expect(templates.names()).toHaveText(["Marketing team", "Everyone else"]);
  await expectNoAxeViolations(page);
  await shot(page, "templates");

  // Assigned by hand to an existing employee, after a confirmation.
  await page.getByRole("link", { name: "Everyone else" }).click();
  await editor.previewMatches();
  await expect(editor.matchCount()).toHaveText("2 of 2 employees match");
  await page.getByRole("checkbox", { name: "Select Eli Engineer" }).check();
  await page.getByRole("button", { name: "Assign to selected (1)" }).click();
  const dialog = page.getByRole("dialog", { name: "Assign “Everyone else” to 1 employee?" });
  await expect(dialog).toContainText("Company");
  await dialog.getByRole("button", { name: "Assign to 1 employee" }).click();
  await expect(page.getByText("Assigned “Everyone else” to 1 employee: their cards inherit it.")).toBeVisible();
  await expect(editor.matchRow("Eli Engineer")).toContainText("Everyone else");
  await cards.goto(slug, eng);
  await expect(cards.template()).toContainText("Everyone else");
  await expect(cards.row("company")).toContainText("Acme Group");

  // A new employee from Sales with a matching employee number gets the first template.
  const sam = await idp.createUser({ given: "Sam", family: "Seller", email: "sam@acme.test", department: "Sales" });
  await cards.goto(slug, sam);
  await expect(cards.template()).toContainText("Marketing team");
  await expect(cards.card()).toContainText("Acme Inc.");
});

test("editing a template updates the cards that inherit it; a field set on a card keeps its value", async ({ page, request }) => {
  const slug = await signUpWorkspace(page, "Inherit");
  const idp = new Idp(request, scimToken(slug));
  const editor = new TemplateEditor(page);
  const cards = new CardEditorPage(page);

  await page.goto(`/w/${slug}/templates/new`);
  await editor.name("Sales");
  await editor.field("Company", "Acme Sales");
  await editor.field("Website", "sales.acme.example");
  await editor.addRule("Department", "equals", "Sales");
  await editor.create();
  const templateUrl = page.url().replace(/\?created=1$/, "");
  const sam = await idp.createUser({ given: "Sam", family: "Seller", email: "sam@acme.test", title: "Account Executive", department: "Sales" });
  const sue = await idp.createUser({ given: "Sue", family: "Seller", email: "sue@acme.test", title: "Account Manager", department: "Sales" });

  // Sue's website is set on her card: the template no longer changes it.
  await cards.goto(slug, sue);
  await expect(cards.row("website")).toContainText("From template");
  await cards.edit("Website", "sue.example");
  await expect(cards.row("website")).toContainText("Set in Muster");
  await expect(cards.row("website")).toContainText("Template: sales.acme.example");

  // The template page says what saving will change, before saving.
  await page.goto(templateUrl);
  await editor.field("Company", "Acme Sales EMEA");
  await editor.field("Website", "emea.acme.example");
  const impact = page.getByTestId("template-edit-impact");
  await expect(impact).toContainText("Saving updates the 2 cards that inherit this template");
  await expect(impact).toContainText("Company changes to the new value on 2 cards.");
  await expect(impact).toContainText("Website changes to the new value on 1 card; 1 card keeps its own value.");
  await expectNoAxeViolations(page);
  await shot(page, "template-edit-impact");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Template saved. 3 card fields were updated" })).toBeVisible();

  await cards.goto(slug, sam);
  await expect(cards.row("company")).toContainText("Acme Sales EMEA");
  await expect(cards.row("company")).toContainText("From template");
  await expect(cards.card()).toContainText("emea.acme.example");
  await cards.goto(slug, sue);
  await expect(cards.row("company")).toContainText("Acme Sales EMEA");
  await expect(cards.row("website")).toContainText("sue.example");
  await expectNoAxeViolations(page);
  await shot(page, "card-editor-sources");
  await cards.reset("Website");
  await expect(cards.notice("Website reset to the template")).toBeVisible();
  await expect(cards.row("website")).toContainText("emea.acme.example");
  await expect(cards.row("website")).toContainText("From template");

  // Assigned by hand: without a template, Sam's card shows the IdP's company again.
  await cards.goto(slug, sam);
  await cards.assignTemplate("No template");
  await expect(cards.template()).toContainText("no longer inherits a template");
  await expect(cards.template()).toContainText("Template: none");
  await expect(cards.row("company")).toContainText("From the IdP");
  await expect(cards.row("company")).not.toContainText("Acme Sales EMEA");
  await cards.assignTemplate("Sales");
  await expect(cards.row("company")).toContainText("Acme Sales EMEA");
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, "card-editor-sources-phone");
});
