// Finding the employee sign-in page on a new device: the admin shares it from Connect and Settings;
// an employee who opens /me signed out finds it by email, or continues straight to it when the
// link names the workspace.
import { expect, test } from "@playwright/test";
import { scimToken } from "./support/cli";
import { expectNoAxeViolations, Idp } from "./support/employees";
import { linkFromInbox } from "./support/mailbox";
import { newWorkspace } from "./support/pages";
import { EmployeeSignInPage } from "./support/activation";
import { EmployeeSignInLinkSection, shotsAtBothWidths, SignedOutMePage } from "./support/sign-in-pages";

test("the connect and settings pages show the employee sign-in link; signed-out /me finds it by email", async ({ page, request, browser, baseURL }) => {
  test.setTimeout(240_000);
  const { slug, name } = await newWorkspace(page, "Sign-in pages");
  const signInUrl = `${baseURL}/e/${slug}/sign-in`;

  // The admin finds the link to share on the Connect page, and again in Settings.
  const section = new EmployeeSignInLinkSection(page);
  await page.goto(`/w/${slug}/connect`);
  await expect(section.heading()).toBeVisible();
  await expect(section.url()).toHaveText(signInUrl);
  await section.copy().click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  await expectNoAxeViolations(page);
  // The rest of the dashboard's phone width is e2e/phone-width.spec.ts's: here, this section.
  await shotsAtBothWidths(page, "signin-connect", section.region());

  await page.goto(`/w/${slug}/settings`);
  await expect(section.heading()).toBeVisible();
  await expect(section.url()).toHaveText(signInUrl);
  await expectNoAxeViolations(page);
  await shotsAtBothWidths(page, "signin-settings", section.region());

  // An employee provisioned by the IdP, on a new device: /me signed out offers the finder.
  const email = `joan-${Date.now().toString(36)}@acme.test`;
  await new Idp(request, scimToken(slug)).createUser({ given: "Joan", family: "Clarke", email });
  const device = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  const employee = await device.newPage();
  const me = new SignedOutMePage(employee);
  await me.goto();
  await expect(me.heading()).toBeVisible();
  await expect(me.finder()).toBeVisible();
  await expectNoAxeViolations(employee);
  await shotsAtBothWidths(employee, "signin-me");

  await me.find("not an email");
  await expect(employee.getByText("Enter your work email address")).toBeVisible();
  await me.find(email);
  await expect(me.sent()).toContainText(email);
  await expectNoAxeViolations(employee);
  await shotsAtBothWidths(employee, "signin-me-sent");

  // The email names the company's sign-in page, which opens for that company.
  const link = await linkFromInbox(email, `Your sign-in page for ${name}`, `/e/${slug}/sign-in`);
  expect(link).toBe(signInUrl);
  await employee.goto(link);
  await expect(new EmployeeSignInPage(employee).heading()).toBeVisible();

  // A link that names the workspace: straight on to its sign-in page.
  await me.goto(slug);
  await expect(me.continueTo(name)).toBeVisible();
  await expect(me.finder()).toBeVisible();
  await expectNoAxeViolations(employee);
  await shotsAtBothWidths(employee, "signin-me-workspace");
  await me.continueTo(name).click();
  await expect(employee).toHaveURL(signInUrl);

  // An unknown workspace is not named: the finder only.
  await me.goto("no-such-workspace");
  await expect(me.heading()).toBeVisible();
  await expect(employee.getByRole("link", { name: /^Continue to/ })).toHaveCount(0);
  await device.close();
});
