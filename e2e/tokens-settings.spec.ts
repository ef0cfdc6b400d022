import { expect, test } from "@playwright/test";
import { scimToken } from "./support/cli";
import { Dashboard, shot, uniqueEmail } from "./support/pages";
import { ConnectPage, expectNoAxeViolations, InviteAcceptPage, newWorkspace, PASSWORD, provisionUser, scimStatus, SettingsPage, TokensPage } from "./support/tokens-settings";

test("an admin generates a token, provisions with it, rotates it and revokes the old one", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { slug } = await newWorkspace(page, "Tokens");

  // The empty overview points at the tokens page.
  await page.getByRole("link", { name: "Generate a SCIM token" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/tokens$`));
  const tokens = new TokensPage(page);
  await expect(tokens.heading()).toBeVisible();
  await expect(page.getByRole("heading", { name: "No tokens yet" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Generate: shown once, with a copy button and a warning.
  await tokens.generate("");
  await expect(page.getByText("Give the token a name, e.g. the identity provider that will use it")).toBeVisible();
  await tokens.generate("Microsoft Entra ID");
  await expect(tokens.newTokenPanel()).toContainText("will not be shown again");
  const first = await tokens.newTokenValue();
  expect(first).toMatch(/^mst_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  await tokens.copyNewToken();
  await expect(tokens.newTokenPanel().getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  await expect(tokens.row("Microsoft Entra ID")).toContainText("Active");
  await expect(tokens.row("Microsoft Entra ID")).toContainText("never");
  await expectNoAxeViolations(page);
  await shot(page, "tokens-new-token");

  // The token provisions an employee through the real SCIM API.
  const created = await provisionUser(request, first, uniqueEmail("grace"));
  expect(created.status()).toBe(201);

  // Hidden once dismissed, and never shown again after a reload.
  await tokens.hideNewToken();
  await expect(tokens.newTokenPanel()).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(first)).toHaveCount(0);
  await expect(tokens.row("Microsoft Entra ID")).toContainText("just now");
  await expect(tokens.row("Microsoft Entra ID")).toContainText(/mst_[0-9a-f]{12}…/);

  // Regenerate: a second token with the same name; both work until the old one is revoked.
  await tokens.regenerate("Microsoft Entra ID");
  await expect(tokens.newTokenPanel()).toContainText("New token for “Microsoft Entra ID”");
  await expect(tokens.newTokenPanel()).toContainText("Run Test Connection");
  const second = await tokens.newTokenValue();
  expect(second).not.toBe(first);
  await expect(tokens.rows()).toHaveCount(2);
  await expect(tokens.row("Microsoft Entra ID")).toContainText("Being replaced");
  await expect(tokens.rows().filter({ hasText: /Microsoft Entra ID \(rotated \d{4}-\d{2}-\d{2}\)/ })).toContainText("Active");
  expect(await scimStatus(request, first)).toBe(200);
  expect(await scimStatus(request, second)).toBe(200);
  await shot(page, "tokens-rotation");

  await tokens.revoke("Microsoft Entra ID");
  await expect(page.getByRole("status").filter({ hasText: "is revoked" })).toBeVisible();
  await expect(tokens.row("Microsoft Entra ID")).toContainText("Revoked");
  expect(await scimStatus(request, first)).toBe(401);
  expect(await scimStatus(request, second)).toBe(200);
  await tokens.hideNewToken();

  // A token an operator made with the CLI shows "CLI" as its creator.
  scimToken(slug);
  await page.reload();
  await expect(tokens.row("e2e")).toContainText("by CLI");
  await expect(tokens.row("Microsoft Entra ID")).toContainText("by Olivia Owner");
  await expectNoAxeViolations(page);
  await shot(page, "tokens");
});

test("the connect page shows the Tenant URL, token status, guides and the IdP's last request", async ({ page, request }) => {
  const { slug } = await newWorkspace(page, "Connect");
  await page.getByRole("link", { name: "Setup guides" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/connect$`));
  const connect = new ConnectPage(page);
  await expect(page.getByTestId("tenant-url")).toHaveText(/\/api\/scim\/v2$/);
  await expect(connect.tokenStatus()).toContainText("generate a token first");
  await expect(connect.lastRequest()).toContainText("No request yet — your IdP has not connected.");
  await expectNoAxeViolations(page);

  // An IdP connects with a token: the page notices on its own (it polls every 10 s).
  const token = scimToken(slug);
  await page.reload();
  await expect(connect.tokenStatus()).toContainText("1 active token");
  const res = await request.get(`/api/scim/v2/Users?filter=${encodeURIComponent('userName eq "8b2f1c4e-test-connection"')}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  await expect(connect.lastRequest()).toContainText('GET /Users?filter=userName eq "8b2f1c4e-test-connection"', { timeout: 15_000 });
  await expect(connect.lastRequest()).toContainText("with token “e2e”");
  await expect(connect.lastRequest()).toContainText("200");

  // Guides: Entra ID first, Okta and a generic client one tab (or arrow key) away.
  await expect(connect.panel()).toContainText("Edit attribute list for customappsso");
  await expect(connect.panel()).toContainText("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:location");
  await expect(connect.panel()).toContainText("aadOptscim062020");
  await shot(page, "connect");
  await connect.tab("Microsoft Entra ID").focus();
  await page.keyboard.press("ArrowRight");
  await expect(connect.tab("Okta")).toBeFocused();
  await expect(connect.panel()).toContainText("SCIM connector base URL");
  await expect(connect.panel()).toContainText("manager.value");
  await expectNoAxeViolations(page);
  await shot(page, "connect-okta");
  await connect.tab("Other SCIM 2.0 client").click();
  await expect(connect.panel()).toContainText("/ServiceProviderConfig");
  await expectNoAxeViolations(page);
});

test("settings persist, and an invited admin joins from a fresh browser; removing them shows the tokens that stop", async ({ page, browser }) => {
  const { slug, email: ownerEmail } = await newWorkspace(page, "Settings");
  const settings = new SettingsPage(page);
  await settings.goto(slug);
  await expect(settings.toggle("Apply location")).toBeChecked();
  await expect(settings.defaultRole()).toHaveValue("MEMBER");
  await expectNoAxeViolations(page);

  // Toggles, role and name survive a reload; the header shows the new name.
  await settings.toggle("Apply location").click();
  await settings.toggle("Send activation emails").click();
  await settings.defaultRole().selectOption("GUEST");
  await settings.workspaceName().fill("Renamed Workspace");
  await expect(page.getByText("You have unsaved changes.")).toBeVisible();
  await settings.save();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await page.reload();
  await expect(settings.toggle("Apply location")).not.toBeChecked();
  await expect(settings.toggle("Apply department")).toBeChecked();
  await expect(settings.toggle("Send activation emails")).not.toBeChecked();
  await expect(settings.defaultRole()).toHaveValue("GUEST");
  await expect(page.getByRole("banner")).toContainText("Renamed Workspace");

  // A bad name is explained, not saved.
  await settings.workspaceName().fill("X");
  await settings.save();
  await expect(page.getByText("Give the workspace a name of at least 2 characters").first()).toBeVisible();
  await settings.workspaceName().fill("Renamed Workspace");

  // The only owner cannot step down or leave: both buttons are disabled, with the reason beside them.
  await expect(page.getByRole("button", { name: `Make ${ownerEmail} an admin` })).toBeDisabled();
  await expect(page.getByRole("button", { name: `Remove ${ownerEmail}` })).toBeDisabled();
  await expect(page.getByRole("button", { name: `Remove ${ownerEmail}` })).toHaveAccessibleDescription("The only owner: make someone else an owner first.");

  // Invite an admin: the link is shown once.
  const invitee = uniqueEmail("invitee");
  const link = await settings.invite(invitee);
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("list", { name: "Pending invites" })).toContainText(invitee);
  await expectNoAxeViolations(page);
  await shot(page, "settings");

  // The invitee accepts in a fresh browser, creates an account and lands on the workspace.
  const other = await browser.newContext();
  const guest = await other.newPage();
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join Renamed Workspace" })).toBeVisible();
  await expect(guest.getByTestId("invite-email")).toHaveText(invitee);
  await expectNoAxeViolations(guest);
  await shot(guest, "invite-accept");
  await new InviteAcceptPage(guest).acceptWithNewAccount("Ivan Invitee", PASSWORD);
  await expect(guest).toHaveURL(new RegExp(`/w/${slug}$`));
  await new Dashboard(guest).expectWorkspace("Renamed Workspace");
  // The link is spent.
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "This invite has already been used" })).toBeVisible();

  // The new admin makes a token; removing them warns that it will stop.
  const theirTokens = new TokensPage(guest);
  await theirTokens.goto(slug);
  await theirTokens.generate("Ivan's Okta");
  await expect(theirTokens.newTokenPanel()).toBeVisible();
  await other.close();

  await page.reload();
  await expect(settings.adminRow(invitee)).toContainText("Admin");
  await expect(page.getByRole("list", { name: "Pending invites" })).toHaveCount(0);
  await page.getByRole("button", { name: `Remove ${invitee}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("stopping-tokens")).toContainText("“Ivan's Okta”");
  await expectNoAxeViolations(page);
  await shot(page, "settings-remove-admin");
  await dialog.getByRole("button", { name: "Remove admin" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${invitee} is no longer an admin` })).toContainText("1 SCIM token");
  await expect(settings.adminRow(invitee)).toHaveCount(0);

  const tokens = new TokensPage(page);
  await tokens.goto(slug);
  await expect(tokens.row("Ivan's Okta")).toContainText("Stopped: creator is no longer an admin");
});
