// The issue's journey end to end: an admin builds a template with a rule; an employee provisioned
// through SCIM gets it and an activation email (sent to the e2e SMTP server on loopback; the
// outbox shows it without its link, which is never stored); the employee opens the link from their
// inbox in their own browser, activates, edits a field the admin unlocked, and the admin sees the
// field unlinked. Then the share page and sign-in.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { scimToken } from "./support/cli";
import { expectNoAxeViolations, Idp, signUpWorkspace } from "./support/employees";
import { ActivatePage, EmployeeSignInPage, MyCardPage, OutboxPage } from "./support/activation";
import { linkFromInbox, mailsTo } from "./support/mailbox";
import { shot } from "./support/pages";
import { CardEditorPage, TemplateEditor, TemplatesPage } from "./support/templates";

const EMPLOYEE_PASSWORD = "sales are up 2026";

test("template, provisioning, activation email, employee activation and edit, admin sees the field unlinked", async ({ page, request, browser }) => {
  test.setTimeout(150_000);
  const slug = await signUpWorkspace(page, "Activation");
  const idp = new Idp(request, scimToken(slug));

  // The mail outbox starts empty and says where mail goes.
  const outbox = new OutboxPage(page);
  await outbox.goto(slug);
  await expect(outbox.heading()).toBeVisible();
  await expect(page.getByText("Emails are sent through")).toBeVisible();
  await expect(page.getByRole("heading", { name: "No emails yet" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "outbox-empty");

  // The admin builds a template with a rule.
  await new TemplatesPage(page).goto(slug);
  await page.getByRole("link", { name: "Create a template" }).click();
  const editor = new TemplateEditor(page);
  await editor.name("Sales team");
  await editor.field("Company", "Acme Inc.");
  await editor.field("Website", "acme.example");
  await editor.field("Address", "1 Market Street\nSan Francisco, CA 94105");
  await editor.addRule("Department", "equals", "Sales");
  await editor.create();

  // The IdP provisions an employee that the rule matches.
  const email = `sam-${Date.now().toString(36)}@acme.test`;
  const id = await idp.createUser({ given: "Sam", family: "Seller", email, title: "Account Executive", department: "Sales", phone: "+1 555 0142" });

  // The admin lets the employee edit their job title.
  const cards = new CardEditorPage(page);
  await cards.goto(slug, id);
  await expect(cards.template()).toContainText("Sales team");
  await cards.unlock("Job title");
  await expect(cards.row("title")).toContainText("Employee can edit");

  // The activation email is in the outbox, sent; its link reaches only the employee's inbox.
  await outbox.goto(slug);
  await expect(outbox.row(email)).toContainText("Activation");
  await expect(async () => {
    await page.reload();
    await expect(outbox.row(email)).toContainText("Sent", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectNoAxeViolations(page);
  await shot(page, "outbox");

  // Sending again to everyone pending: a confirm step, then a second email with its own link.
  await page.getByRole("button", { name: "Send activation emails" }).click();
  const confirm = page.getByRole("dialog", { name: "Send activation emails to everyone pending?" });
  await expectNoAxeViolations(page);
  await shot(page, "outbox-send-confirm");
  await confirm.getByRole("button", { name: "Send emails" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Activation email queued for 1 employee." })).toBeVisible();
  await expect(outbox.rows(email)).toHaveCount(2);
  await shot(page, "outbox-sent-again");
  await expect.poll(() => mailsTo(email).length, { timeout: 20_000 }).toBe(2);
  const link = await linkFromInbox(email, "Activate your", "/activate/");
  // The email also says where to sign in later, on a new device.
  expect(mailsTo(email)[0]!.text).toMatch(new RegExp(`sign in to your card at https?://\\S+/e/${slug}/sign-in `));
  // The admin's copy shows where the link goes, never the link.
  await outbox.row(email).getByRole("link").click();
  await expect(page.getByTestId("mail-text")).toContainText("never stored");
  await expect(page.getByTestId("mail-text")).not.toContainText(link.split("/").pop()!);
  await expect(page.getByText("Muster never stores sign-in links")).toBeVisible();
  await shot(page, "outbox-email");
  // The email preview is a sandboxed frame without scripts, which axe cannot enter: the page around it is checked.
  const { violations } = await new AxeBuilder({ page }).exclude("iframe").analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // The employee, in their own browser, activates with a password.
  const employeeContext = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  const employee = await employeeContext.newPage();
  await employee.goto(link);
  const activate = new ActivatePage(employee);
  await expect(activate.heading()).toBeVisible();
  await expect(employee.getByTestId("activation-email")).toHaveText(email);
  await expectNoAxeViolations(employee);
  await shot(employee, "activate");
  await employee.getByLabel("Choose a password").fill("too short");
  await employee.getByRole("button", { name: "Activate with this password" }).click();
  await expect(employee.getByText("Use at least 10 characters for the password")).toBeVisible();
  await activate.withPassword(EMPLOYEE_PASSWORD);

  // Their card: the template's company, the IdP's fields locked, the unlocked title editable.
  const me = new MyCardPage(employee);
  await expect(me.heading()).toBeVisible();
  await expect(me.card()).toContainText("Sam Seller");
  await expect(me.card()).toContainText("Acme Inc.");
  await expect(me.card()).toContainText("Account Executive");
  await expect(me.locked("company")).toContainText("Acme Inc.");
  await expect(me.locked("email")).toContainText(email);
  await expect(me.field("Job title")).toHaveValue("Account Executive");
  await me.field("Job title").fill("Head of Sales, West");
  await expect(me.card()).toContainText("Head of Sales, West"); // live preview before saving
  await me.save();
  await expect(employee.getByRole("status").filter({ hasText: "Saved. Your card shows your changes." })).toBeVisible();
  await expectNoAxeViolations(employee);
  await shot(employee, "me");

  // The public share page: the card, a QR code and a vCard.
  const shareUrl = await me.shareUrl();
  await employee.goto(shareUrl);
  await expect(employee.getByTestId("business-card")).toContainText("Head of Sales, West");
  await expect(employee.getByRole("img", { name: /QR code/ })).toBeVisible();
  const vcard = await request.get(`${shareUrl}/vcard`);
  expect(vcard.headers()["content-type"]).toContain("text/vcard");
  expect(await vcard.text()).toContain("TITLE:Head of Sales\\, West");
  await expectNoAxeViolations(employee);
  await shot(employee, "share-card");

  // Signing out and in again with the password.
  await employee.goto("/me");
  await me.signOut();
  const signIn = new EmployeeSignInPage(employee);
  await expect(signIn.heading()).toBeVisible();
  await expectNoAxeViolations(employee);
  await shot(employee, "employee-sign-in");
  await signIn.signIn(email, "not the password");
  await expect(employee.getByText("Wrong email or password.")).toBeVisible();
  await signIn.signIn(email, EMPLOYEE_PASSWORD);
  await expect(me.heading()).toBeVisible();

  // An admin page opened by the employee says whom they are signed in as, with their card one click away.
  await employee.goto(`/w/${slug}/settings`);
  await expect(employee).toHaveURL(new RegExp(`/sign-in\\?callbackUrl=${encodeURIComponent(`/w/${slug}/settings`)}$`));
  await expect(employee.getByRole("heading", { name: "You are signed in as an employee" })).toBeVisible();
  await expect(employee.getByRole("region", { name: "You are signed in as an employee" })).toContainText("Sam Seller");
  await expect(employee.getByRole("heading", { name: "Sign in as an admin" })).toBeVisible();
  await expectNoAxeViolations(employee);
  await shot(employee, "employee-on-admin-page");
  await employee.getByRole("link", { name: "Open my card" }).click();
  await expect(me.heading()).toBeVisible();

  // Or with a sign-in link by email, from their inbox like the activation email.
  await me.signOut();
  await employee.getByLabel("Work email").fill(email);
  await employee.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(employee.getByRole("status").filter({ hasText: "Check your inbox." })).toBeVisible();
  await outbox.goto(slug);
  await expect(outbox.row(email)).toContainText("Sign-in link");
  const signInLink = await linkFromInbox(email, "Your sign-in link", `/e/${slug}/sign-in/`);
  await employee.goto(signInLink);
  await expect(employee.getByRole("heading", { name: "Sign in to your business card" })).toBeVisible();
  await expect(employee.getByText("Continue as Sam Seller")).toBeVisible();
  await expectNoAxeViolations(employee);
  await shot(employee, "employee-sign-in-link");
  await employee.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(me.heading()).toBeVisible();
  await employee.goto(signInLink);
  await expect(employee.getByRole("heading", { name: "This sign-in link has already been used" })).toBeVisible();
  await employeeContext.close();

  // The admin sees the title set in Muster, with the employee's value; the IdP's value stays visible.
  await cards.goto(slug, id);
  await expect(cards.row("title")).toContainText("Head of Sales, West");
  await expect(cards.row("title")).toContainText("Set in Muster");
  await expect(cards.row("title")).toContainText("IdP: Account Executive");
  await shot(page, "activation-admin-card");

  // The activation link is spent.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link has already been used" })).toBeVisible();
});
