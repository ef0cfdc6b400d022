// The security issue's pages as an admin meets them: their account (password, sessions), the
// pause after too many wrong passwords, and the page that confirms a first single sign-on.
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { E2E_DATA_DIR } from "../playwright.config";
import { Dashboard, expectNoAxeViolations, newWorkspace, PASSWORD, shot, SignInPage } from "./support/pages";

const phone = async (page: Page, name: string) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, `${name}-phone`);
  await page.setViewportSize({ width: 1366, height: 860 });
};

test("an admin changes their password and signs out other sessions from their account page", async ({ page, browser }) => {
  const { slug, email } = await newWorkspace(page, "Account");
  // A second browser signed in as the same admin.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await new SignInPage(otherPage).goto();
  await new SignInPage(otherPage).signIn(email, PASSWORD);
  await expect(otherPage).toHaveURL(new RegExp(`/w/${slug}`));

  await page.getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await expect(page.getByTestId("sessions").getByRole("listitem")).toHaveCount(2);
  await expect(page.getByText("This browser")).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "account");
  await phone(page, "account");

  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill("an even longer password");
  await form.getByLabel("New password again").fill("an even longer password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed. 1 other session was signed out." })).toBeVisible();
  await shot(page, "account-password-changed");

  // The other browser's session is over.
  await otherPage.goto(`/w/${slug}/employees`);
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=/);
  await other.close();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("too many wrong passwords pause sign-in, and the page says for how long", async ({ page }) => {
  const { email } = await newWorkspace(page, "Lockout");
  await new Dashboard(page).signOut();
  await expect(page).toHaveURL(/\/sign-in/);
  const signIn = new SignInPage(page);
  for (let i = 0; i < 5; i++) {
    await signIn.signIn(email, `wrong password ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  }
  await signIn.signIn(email, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toContainText("Too many wrong passwords. For your security, password sign-in for this account is paused for 15 minutes.");
  await expectNoAxeViolations(page);
  await shot(page, "sign-in-paused");
  await phone(page, "sign-in-paused");
});

test("a first single sign-on waits for the account owner's confirmation", async ({ page }) => {
  const { email } = await newWorkspace(page, "SSO link");
  await new Dashboard(page).signOut();
  await expect(page).toHaveURL(/\/sign-in/);
  // What Okta's callback leaves behind for a verified email nobody has linked yet.
  const db = new Database(path.join(E2E_DATA_DIR, "e2e.db"));
  const id = `e2e${Date.now().toString(36)}`;
  try {
    const user = db.prepare(`SELECT "id" FROM "User" WHERE "email" = ?`).get(email) as { id: string };
    db.prepare(`INSERT INTO "SsoLinkRequest" ("id", "userId", "provider", "providerAccountId", "email", "expiresAt") VALUES (?, ?, 'okta', '00u-e2e', ?, ?)`).run(id, user.id, email, new Date(Date.now() + 600_000).toISOString().replace("Z", "+00:00"));
  } finally {
    db.close();
  }
  await page.goto(`/sign-in/link/${id}`);
  await expect(page.getByRole("heading", { name: "Link Okta to your account" })).toBeVisible();
  await expect(page.getByText("We also emailed a confirmation link")).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "sso-link-confirm");
  await phone(page, "sso-link-confirm");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Link Okta and sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Link Okta and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});
