// Page objects for SCIM tokens, Connect, Settings and the invite page.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations, newWorkspace, PASSWORD } from "./pages";

export { expectNoAxeViolations, newWorkspace, PASSWORD };

/** POST /Users with a bearer token, the way an IdP provisions someone. */
export const provisionUser = (request: APIRequestContext, token: string, userName: string) =>
  request.post("/api/scim/v2/Users", {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json" },
    data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], userName, name: { givenName: "Grace", familyName: "Hopper" }, emails: [{ value: userName, type: "work", primary: true }], active: true },
  });

export const scimStatus = async (request: APIRequestContext, token: string) => (await request.get("/api/scim/v2/Users?count=1", { headers: { Authorization: `Bearer ${token}` } })).status();

export class TokensPage {
  constructor(readonly page: Page) {}
  goto = (slug: string) => this.page.goto(`/w/${slug}/tokens`);
  heading = () => this.page.getByRole("heading", { name: "SCIM tokens", level: 1 });
  generate = async (name: string) => {
    await this.page.getByLabel("Token name").fill(name);
    await this.page.getByRole("button", { name: "Generate token" }).click();
  };
  newTokenPanel = () => this.page.getByTestId("new-token");
  newTokenValue = async () => (await this.page.getByTestId("new-token-value").textContent())!.trim();
  copyNewToken = () => this.newTokenPanel().getByRole("button", { name: "Copy token" }).click();
  hideNewToken = () => this.page.getByRole("button", { name: "Done, hide it" }).click();
  rows = () => this.page.getByRole("table", { name: "SCIM tokens" }).locator("tbody tr");
  row = (name: string) => this.rows().filter({ has: this.page.getByTestId("token-name").getByText(name, { exact: true }) });
  regenerate = (name: string) => this.page.getByRole("button", { name: `Regenerate ${name}`, exact: true }).click();
  revoke = async (name: string) => {
    await this.page.getByRole("button", { name: `Revoke ${name}`, exact: true }).click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toContainText("gets 401");
    await dialog.getByRole("button", { name: "Revoke token" }).click();
  };
}

export class ConnectPage {
  constructor(readonly page: Page) {}
  goto = (slug: string) => this.page.goto(`/w/${slug}/connect`);
  lastRequest = () => this.page.getByTestId("last-request");
  tokenStatus = () => this.page.getByTestId("token-status");
  tab = (name: string) => this.page.getByRole("tab", { name });
  panel = () => this.page.locator('[role="tabpanel"]:not([hidden])');
}

export class SettingsPage {
  constructor(readonly page: Page) {}
  goto = (slug: string) => this.page.goto(`/w/${slug}/settings`);
  toggle = (label: string) => this.page.getByRole("switch", { name: label });
  workspaceName = () => this.page.getByLabel("Workspace name");
  defaultRole = () => this.page.getByLabel("Default role");
  save = () => this.page.getByRole("button", { name: "Save settings" }).click();
  invite = async (email: string) => {
    await this.page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
    await this.page.getByRole("button", { name: "Create invite link" }).click();
    await expect(this.page.getByTestId("invite-link")).toBeVisible();
    return (await this.page.getByTestId("invite-link-value").textContent())!.trim();
  };
  adminRow = (email: string) => this.page.getByTestId(`admin-row-${email}`);
}

export class InviteAcceptPage {
  constructor(readonly page: Page) {}
  acceptWithNewAccount = async (name: string, password: string) => {
    await this.page.getByLabel("Your name").fill(name);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Create account and join" }).click();
  };
}
