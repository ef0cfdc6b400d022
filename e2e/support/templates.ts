// Page objects for card templates and an employee's card, in the words an admin would use.
import { expect, type Page } from "@playwright/test";

export class TemplatesPage {
  constructor(readonly page: Page) {}
  goto = (slug: string) => this.page.goto(`/w/${slug}/templates`);
  heading = () => this.page.getByRole("heading", { name: "Card templates", level: 1 });
  row = (name: string) => this.page.getByTestId(`template-row-${name}`);
  names = () => this.page.locator("tbody tr td:nth-child(2)");
  move = (name: string, direction: "up" | "down") => this.page.getByRole("button", { name: `Move ${name} ${direction}` }).click();
}

export class TemplateEditor {
  constructor(readonly page: Page) {}
  name = (value: string) => this.page.getByLabel("Template name").fill(value);
  field = (label: string, value: string) => this.page.getByLabel(label, { exact: true }).fill(value);
  preview = () => this.page.getByRole("complementary", { name: "Live preview" }).getByTestId("business-card");
  rules = () => this.page.getByTestId("rule");

  /** Adds a rule (OR) with one condition on a named attribute. */
  addRule = async (attribute: string, operator: string, value: string) => {
    const before = await this.rules().count();
    await this.page.getByRole("button", { name: before ? "Add another rule (OR)" : "Add a rule" }).click();
    const n = before + 1;
    await this.page.getByLabel(`Attribute (rule ${n}, condition 1)`).selectOption({ label: attribute });
    await this.page.getByLabel(`Operator (rule ${n}, condition 1)`).selectOption({ label: operator });
    await this.page.getByLabel(`Value (rule ${n}, condition 1)`).fill(value);
  };

  create = async () => {
    await this.page.getByRole("button", { name: "Create template" }).click();
    await expect(this.page).toHaveURL(/\/templates\/[a-z0-9]+\?created=1$/);
    await expect(this.page.getByRole("status").filter({ hasText: "Template created." })).toBeVisible();
  };

  previewMatches = () => this.page.getByRole("button", { name: /^Preview matches/ }).click();
  matchCount = () => this.page.getByTestId("match-count");
  matchRow = (name: string) => this.page.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
}

export class CardEditorPage {
  constructor(readonly page: Page) {}
  goto = (slug: string, employeeId: string) => this.page.goto(`/w/${slug}/cards/${employeeId}`);
  editor = () => this.page.getByTestId("card-editor");
  row = (key: string) => this.page.getByTestId(`card-field-${key}`);
  template = () => this.page.getByTestId("card-template");
  card = () => this.editor().getByTestId("business-card");
  notice = (text: string) => this.page.getByRole("status").filter({ hasText: text });

  edit = async (label: string, value: string) => {
    await this.page.getByRole("button", { name: `Edit ${label}`, exact: true }).click();
    const input = this.editor().getByLabel(label, { exact: true });
    await input.fill(value);
    await this.editor().getByRole("button", { name: "Save", exact: true }).click();
  };
  unlock = (label: string) => this.page.getByRole("button", { name: `Unlock ${label} for the employee` }).click();
  relink = (label: string) => this.page.getByRole("button", { name: `Relink ${label} to the identity provider` }).click();
  reset = (label: string) => this.page.getByRole("button", { name: `Reset ${label} to the template` }).click();
  /** Changes the template the card inherits ("No template" for none). */
  assignTemplate = async (name: string) => {
    await this.template().getByRole("button", { name: "Change the card's template" }).click();
    await this.page.getByLabel("Template", { exact: true }).selectOption({ label: name });
    await this.template().getByRole("button", { name: "Assign" }).click();
  };
}
