// Page objects for finding the employee sign-in page: /me signed out (the workspace finder) and
// the "Employee sign-in link" an admin shares from Connect and Settings.
import { expect, type Locator, type Page } from "@playwright/test";
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
  region = () => this.page.getByTestId("employee-sign-in-link");
  url = () => this.page.getByTestId("employee-sign-in-url");
  copy = () => this.page.getByRole("button", { name: "Copy link" });
}

/**
 * Screenshots at 1366 and 390 px (into E2E_SHOTS_DIR, else screenshots/). At 390 nothing may scroll
 * sideways: the whole page, or — on a dashboard page whose other parts this spec is not about —
 * the given region, which must fit the screen and not overflow itself.
 */
export const shotsAtBothWidths = async (page: Page, name: string, region?: Locator) => {
  const dir = process.env.E2E_SHOTS_DIR ?? "screenshots";
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  if (region) {
    const box = await region.evaluate((el) => ({ right: el.getBoundingClientRect().right, scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.right).toBeLessThanOrEqual(390);
    expect(box.scroll).toBeLessThanOrEqual(box.client);
    await region.screenshot({ path: `${dir}/${name}-390-section.png` });
  } else {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
  await page.screenshot({ path: `${dir}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 860 });
};
