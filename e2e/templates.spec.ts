// Card templates as an admin builds them: a template with rules in the editor, an employee
// provisioned through SCIM who gets it, the card editor that shows and changes linked/locked
// fields, ordering, previewing matches and applying a template by hand.
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

  // Mia's card: template fields win (unlinked), IdP fields linked and locked.
  const cards = new CardEditorPage(page);
  await editor.matchRow("Mia Marketer").getByRole("link", { name: "Mia Marketer" }).click();
  await expect(page.getByRole("heading", { name: "Mia Marketer", level: 1 })).toBeVisible();
  await expect(cards.template()).toContainText("Marketing team");
  await expect(cards.row("company")).toContainText("Acme Inc.");
  await expect(cards.row("company")).toContainText("Unlinked");
  await expect(cards.row("company")).toContainText("IdP: Acme");
  await expect(cards.row("title")).toContainText("Brand Manager");
  await expect(cards.row("title")).toContainText("Synced with IdP");
  await expect(cards.row("title")).toContainText("Locked");
  await expect(cards.card()).toContainText("Acme Inc.");
  await expect(cards.card()).toContainText("Brand Manager");

  // Edit unlinks; unlock lets the employee edit (and unlinks); relink takes the IdP's value again.
  await cards.edit("Job title", "Head of Brand");
  await expect(cards.notice("Job title saved.")).toBeVisible();
  await expect(cards.row("title")).toContainText("Head of Brand");
  await expect(cards.row("title")).toContainText("Unlinked");
  await expect(cards.row("title")).toContainText("IdP: Brand Manager");
  await cards.unlock("Office phone");
  await expect(cards.notice("Office phone unlocked")).toBeVisible();
  await expect(cards.row("phone")).toContainText("Employee can edit");
  await expect(cards.row("phone")).toContainText("Unlinked");
  await idp.patchUser(mia, { op: "replace", path: "title", value: "Brand Director" });
  await page.reload();
  await expect(cards.row("title")).toContainText("Head of Brand");
  await expect(cards.row("title")).toContainText("IdP: Brand Director");
  await expectNoAxeViolations(page);
  await shot(page, "card-editor");
  await cards.relink("Job title");
  await expect(cards.notice("Job title relinked")).toBeVisible();
  await expect(cards.row("title")).toContainText("Brand Director");
  await expect(cards.row("title")).toContainText("Synced with IdP");

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

  // Applied by hand to an existing employee, after a confirmation.
  await page.getByRole("link", { name: "Everyone else" }).click();
  await editor.previewMatches();
  await expect(editor.matchCount()).toHaveText("2 of 2 employees match");
  await page.getByRole("checkbox", { name: "Select Eli Engineer" }).check();
  await page.getByRole("button", { name: "Apply to selected (1)" }).click();
  const dialog = page.getByRole("dialog", { name: "Apply “Everyone else” to 1 employee?" });
  await expect(dialog).toContainText("Company");
  await dialog.getByRole("button", { name: "Apply to 1 employee" }).click();
  await expect(page.getByText("Applied “Everyone else” to 1 employee.")).toBeVisible();
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
