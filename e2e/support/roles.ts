// Page objects for the Roles page, the role picker on the employee page and the employee's
// colleagues directory, in the words an admin or an employee would use.
import type { Page } from "@playwright/test";

export class RolesPage {
  constructor(readonly page: Page) {}
  goto = (slug: string) => this.page.goto(`/w/${slug}/roles`);
  heading = () => this.page.getByRole("heading", { name: "Roles", level: 1 });
  role = (name: string) => this.page.getByTestId(`role-${name}`);
  holders = (name: string) => this.role(name).getByTestId("role-holders");
  create = async (name: string, description: string, capabilities: string[]) => {
    await this.page.getByRole("button", { name: "New role" }).click();
    const dialog = this.page.getByRole("dialog", { name: "New role" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Description").fill(description);
    for (const c of capabilities) await dialog.getByRole("checkbox", { name: c }).check();
    await dialog.getByRole("button", { name: "Create role" }).click();
  };
  delete = async (name: string) => {
    await this.role(name).getByRole("button", { name: `Delete ${name}` }).click();
    await this.page.getByRole("dialog", { name: `Delete ${name}?` }).getByRole("button", { name: "Delete role" }).click();
  };
}

export class RolePicker {
  constructor(readonly page: Page) {}
  select = () => this.page.getByLabel("Role", { exact: true });
  source = () => this.page.getByTestId("role-source");
  set = async (name: string) => {
    await this.select().selectOption({ label: name });
    await this.page.getByRole("form", { name: "Change role" }).getByRole("button", { name: "Save" }).click();
  };
}

export class ColleaguesPage {
  constructor(readonly page: Page) {}
  heading = () => this.page.getByRole("heading", { name: "Colleagues", level: 1 });
  cards = () => this.page.getByTestId("colleagues").getByTestId("business-card");
  search = async (text: string) => {
    await this.page.getByLabel("Search colleagues by name or email").fill(text);
    await this.page.getByRole("button", { name: "Search" }).click();
  };
}
