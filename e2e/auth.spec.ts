import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import path from "node:path";
import { E2E_DATA_DIR } from "../playwright.config";
import { linkFromInbox } from "./support/mailbox";
import { Dashboard, newWorkspace, PASSWORD, shot, SignInPage, SignUpPage, uniqueEmail } from "./support/pages";

const count = (sql: string, ...args: unknown[]) => {
  const db = new Database(path.join(E2E_DATA_DIR, "e2e.db"), { readonly: true });
  try {
    return (db.prepare(sql).get(...args) as { n: number }).n;
  } finally {
    db.close();
  }
};

test("an anonymous visitor of the dashboard is sent to sign-in", async ({ page }) => {
  await page.goto("/w/acme");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fw%2Facme/);
  await expect(page.getByRole("heading", { name: "Sign in to Muster" })).toBeVisible();
  await shot(page, "sign-in");
});

test("a deep link survives sign-in: the admin lands on the page and query they opened", async ({ page }) => {
  const { slug, email } = await newWorkspace(page, "Deep link");
  await new Dashboard(page).signOut();
  await expect(page).toHaveURL(/\/sign-in/);
  const deep = `/w/${slug}/logs?outcome=client-error&method=POST`;
  await page.goto(deep);
  await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent(deep)}`);
  await new SignInPage(page).signIn(email, PASSWORD);
  await expect(page).toHaveURL(deep);
  await expect(page.getByRole("heading", { name: "Provisioning log", level: 1 })).toBeVisible();
});

test("sign up, land on the empty dashboard, sign out, and sign back in", async ({ page }) => {
  const email = uniqueEmail("owner");
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await shot(page, "sign-up");
  await signUp.fill({ name: "Olivia Owner", email, password: "a long enough password", workspace: "Umbrella Corp" });
  await signUp.submit();
  await signUp.finish(email, "a long enough password");

  const dashboard = new Dashboard(page);
  await expect(page).toHaveURL(/\/w\/umbrella-corp/);
  await dashboard.expectWorkspace("Umbrella Corp");
  await expect(page.getByRole("heading", { name: "No employees yet" })).toBeVisible();
  await expect(page.getByTestId("tenant-url")).toHaveText(/\/api\/scim\/v2$/);
  await shot(page, "dashboard-empty");

  await dashboard.signOut();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/w/umbrella-corp");
  await expect(page).toHaveURL(/\/sign-in/);

  const signIn = new SignInPage(page);
  await signIn.signIn(email, "a long enough password");
  await expect(page).toHaveURL(/\/w\/umbrella-corp/);
  await dashboard.expectWorkspace("Umbrella Corp");
});

test("sign-up explains bad input and writes nothing", async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.goto();
  const users = count(`SELECT count(*) AS n FROM "User"`);
  const workspaces = count(`SELECT count(*) AS n FROM "Workspace"`);

  await signUp.fill({ email: "not-an-email", password: "short", workspace: "X" });
  await signUp.submit();
  await expect(signUp.fieldError("Work email")).toHaveText("Enter a valid email address");
  await expect(signUp.fieldError("Password")).toHaveText("Use at least 10 characters for the password");
  await expect(signUp.fieldError("Workspace name")).toHaveText("Give the workspace a name of at least 2 characters");
  await shot(page, "sign-up-errors");

  // A taken email gets the same answer as a new one (the page reveals no accounts): its owner is
  // told by email, nothing is created, and the existing account keeps its password.
  const email = uniqueEmail("taken");
  await signUp.fill({ email, password: "first password 123", workspace: "First Co" });
  await signUp.submit();
  await signUp.finish(email, "first password 123");
  await expect(page).toHaveURL(/\/w\/first-co/);
  await new Dashboard(page).signOut();
  await expect(page).toHaveURL(/\/sign-in/);
  const before = [count(`SELECT count(*) AS n FROM "User"`), count(`SELECT count(*) AS n FROM "Workspace"`)];
  await signUp.goto();
  await signUp.fill({ email: email.toUpperCase(), password: "second password 456", workspace: "Second Co" });
  await signUp.submit();
  await expect(signUp.checkEmail()).toContainText(`We sent a link to ${email.toUpperCase()}`);
  await shot(page, "sign-up-check-email");
  await linkFromInbox(email, "You already have a Muster account", "/sign-in");
  expect([count(`SELECT count(*) AS n FROM "User"`), count(`SELECT count(*) AS n FROM "Workspace"`)]).toEqual(before);
  expect(before).toEqual([users + 1, workspaces + 1]);

  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, "second password 456");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  await shot(page, "sign-in-wrong-password");
  await signIn.signIn(email, "first password 123");
  await expect(page).toHaveURL(/\/w\/first-co/);
});

test("an admin never sees another workspace", async ({ page }) => {
  const a = uniqueEmail("a");
  const signUp = new SignUpPage(page);
  await signUp.goto();
  await signUp.fill({ email: a, password: "password for a 1", workspace: "Alpha Tenant" });
  await signUp.submit();
  await signUp.finish(a, "password for a 1");
  await expect(page).toHaveURL(/\/w\/alpha-tenant/);
  await new Dashboard(page).signOut();
  await expect(page).toHaveURL(/\/sign-in/);

  await signUp.goto();
  const b = uniqueEmail("b");
  await signUp.fill({ email: b, password: "password for b 1", workspace: "Beta Tenant" });
  await signUp.submit();
  await signUp.finish(b, "password for b 1");
  await expect(page).toHaveURL(/\/w\/beta-tenant/);
  const res = await page.goto("/w/alpha-tenant");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
});
