// Page objects for finding the employee sign-in page: /me signed out (the workspace finder) and
// the "Employee sign-in link" an admin shares from Connect and Settings.
import { expect, type Page } from "@playwright/test";
import fs from "node:fs";

export class SignedOutMePage {
  constructor(readonly page: Page) {}
  goto = (workspace?: string) => this.page.goto(workspace ? `/me?workspace=${encodeURIComponent(workspace)}` : "/me");
  heading = () => this.page.getByRole("heading", { name: "Sign in to see your card", level: 1 });
  finder = () => this.page.getByTestId("workspace-finder");
  continueTo = (workspaceName: string) => this.page.getByRole("link", { name: `Continue to ${workspaceName} sign-in` });
  find = async (email: string) => {
    await this.finder().getByLabel("Work email").fill(email);
    await this.finder().getByRole("button", { name: "Email me my sign-in link" }).click();
  };
  sent = () => this.page.getByRole("status").filter({ hasText: "we sent you an email with your sign-in link" });
}

export class EmployeeSignInLinkSection {
  constructor(readonly page: Page) {}
  heading = () => this.page.getByRole("heading", { name: "Employee sign-in link", level: 2 });
  url = () => this.page.getByTestId("employee-sign-in-url");
  copy = () => this.page.getByRole("button", { name: "Copy link" });
}

/** Screenshots at 1366 and 390 px (into E2E_SHOTS_DIR, else screenshots/); nothing may scroll sideways at 390. */
export const shotsAtBothWidths = async (page: Page, name: string) => {
  const dir = process.env.E2E_SHOTS_DIR ?? "screenshots";
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${dir}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 860 });
};
