// Page objects for the mail outbox and the employee's side: activation, their card, sign-in and
// the public share page — in the words an admin or an employee would use.
import type { Page } from "@playwright/test";

export class OutboxPage {
  constructor(readonly page: Page) {}
  goto = (slug: string) => this.page.goto(`/w/${slug}/outbox`);
  heading = () => this.page.getByRole("heading", { name: "Mail outbox", level: 1 });
  rows = (to: string) => this.page.getByTestId("outbox-row").filter({ hasText: to });
  /** The newest email to this address. */
  row = (to: string) => this.rows(to).first();
}

export class ActivatePage {
  constructor(readonly page: Page) {}
  heading = () => this.page.getByRole("heading", { name: "Activate your account", level: 1 });
  withPassword = async (password: string) => {
    await this.page.getByLabel("Choose a password").fill(password);
    await this.page.getByRole("button", { name: "Activate with this password" }).click();
  };
}

export class MyCardPage {
  constructor(readonly page: Page) {}
  heading = () => this.page.getByRole("heading", { name: "Your business card", level: 1, exact: true });
  card = () => this.page.getByTestId("business-card");
  field = (label: string) => this.page.getByRole("form", { name: "Fields you can change" }).getByLabel(label, { exact: true });
  locked = (key: string) => this.page.getByTestId(`locked-${key}`);
  save = () => this.page.getByRole("button", { name: "Save changes" }).click();
  shareUrl = async () => (await this.page.getByTestId("share-url").textContent())!.trim();
  signOut = () => this.page.getByRole("button", { name: "Sign out" }).click();
}

export class EmployeeSignInPage {
  constructor(readonly page: Page) {}
  goto = (slug: string) => this.page.goto(`/e/${slug}/sign-in`);
  heading = () => this.page.getByRole("heading", { name: "Sign in to your business card", level: 1 });
  signIn = async (email: string, password: string) => {
    await this.page.getByLabel("Work email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  };
}
