// Page objects: what a person does on each page, in their words.
import { expect, type Page } from "@playwright/test";
import fs from "node:fs";

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
