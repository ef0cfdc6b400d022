// Page objects: what a person does on each page, in their words.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import fs from "node:fs";
import { linkFromInbox } from "./mailbox";

export const shot = async (page: Page, name: string) => {
  fs.mkdirSync("screenshots", { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
};

export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;

export class SignUpPage {
  constructor(readonly page: Page) {}
  goto = () => this.page.goto("/sign-up");
  fill = async (v: { name?: string; email: string; password: string; workspace: string }) => {
    await this.page.getByLabel("Your name").fill(v.name ?? "");
    await this.page.getByLabel("Work email").fill(v.email);
    await this.page.getByLabel("Password").fill(v.password);
    await this.page.getByLabel("Workspace name").fill(v.workspace);
  };
  submit = () => this.page.getByRole("button", { name: "Create workspace" }).click();
  checkEmail = () => this.page.getByTestId("sign-up-check-email");
  /** After a valid submit: straight to the dashboard on an empty instance, else by the emailed link. */
  finish = async (email: string, password: string) => {
    await expect(this.page.getByRole("heading", { name: "Overview" }).or(this.checkEmail())).toBeVisible();
    if (!(await this.checkEmail().isVisible())) return;
    await this.page.goto(await linkFromInbox(email, "Confirm your email", "/sign-up/confirm/"));
    await new ConfirmSignUpPage(this.page).confirm(password);
    await expect(this.page.getByRole("heading", { name: "Overview" })).toBeVisible();
  };
  fieldError = (label: string) => this.page.getByLabel(label).locator("xpath=following-sibling::p[1]");
}

export class SignInPage {
  constructor(readonly page: Page) {}
  goto = (callbackUrl?: string) => this.page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  signIn = async (email: string, password: string) => {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  };
}

export class Dashboard {
  constructor(readonly page: Page) {}
  expectWorkspace = async (name: string) => {
    await expect(this.page.getByRole("heading", { name: "Overview" })).toBeVisible();
    await expect(this.page.getByRole("banner")).toContainText(name);
  };
  signOut = () => this.page.getByRole("button", { name: "Sign out" }).click();
}

export const PASSWORD = "a long enough password";

/** The page an emailed sign-up link opens: the password chosen at sign-up creates the workspace. */
export class ConfirmSignUpPage {
  constructor(readonly page: Page) {}
  confirm = async (password: string) => {
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Create workspace and sign in" }).click();
  };
}

/**
 * Signs up a brand-new workspace, as a person would: on an empty instance the workspace is created
 * at once; otherwise the sign-up link arrives by email and the password confirms it.
 */
export const newWorkspace = async (page: Page, label: string, owner = "Olivia Owner") => {
  const email = uniqueEmail(label.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
  const name = `${label} ${Date.now().toString(36)}`;
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.fill({ name: owner, email, password: PASSWORD, workspace: name });
  await signUp.submit();
  await signUp.finish(email, PASSWORD);
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);
  return { slug: new URL(page.url()).pathname.split("/")[2]!, email, name };
};

export const signUpWorkspace = async (page: Page, label: string, owner?: string) => (await newWorkspace(page, label, owner)).slug;

/** axe-core on the page (or one region of it): no violations allowed. */
export const expectNoAxeViolations = async (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
};
