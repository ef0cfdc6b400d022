// Page object for the provisioning log, and the SCIM traffic its tests look at.
import { type APIRequestContext, type Page } from "@playwright/test";
import fs from "node:fs";
import { expectNoAxeViolations, signUpWorkspace as signUp } from "./pages";

export { expectNoAxeViolations };
export const signUpWorkspace = (page: Page, label: string) => signUp(page, label, "Lena Logs");

export const ENTRA = "Azure Active Directory SCIM Provisioning";
export const USER_PASSWORD = "Pa55word-nobody-may-read";

/** An IdP's SCIM client: every call goes through the real SCIM API with the workspace's token. */
export const scimAs = (request: APIRequestContext, token: string) => {
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/scim+json", "User-Agent": ENTRA };
  return {
    get: (path: string) => request.get(`/api/scim/v2${path}`, { headers }),
    post: (path: string, data: unknown) => request.post(`/api/scim/v2${path}`, { headers, data }),
    patch: (path: string, data: unknown) => request.patch(`/api/scim/v2${path}`, { headers, data }),
  };
};

export const userBody = (userName: string) => ({
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
  userName,
  name: { givenName: "Ann", familyName: "Example" },
  emails: [{ value: userName, type: "work", primary: true }],
  title: "Engineer",
  password: USER_PASSWORD,
  active: true,
});

export const titlePatch = (title: string) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", path: "title", value: title }] });

export class LogsPage {
  constructor(readonly page: Page) {}
  goto = (slug: string, query = "") => this.page.goto(`/w/${slug}/logs${query}`);
  heading = () => this.page.getByRole("heading", { name: "Provisioning log", level: 1 });
  rows = () => this.page.getByTestId("event-row");
  row = (text: string | RegExp) => this.rows().filter({ hasText: text });
  chart = () => this.page.getByTestId("requests-chart");
  chartSummary = () => this.page.getByTestId("chart-summary");
  chartRange = (label: "Auto" | "24 hours" | "7 days" | "30 days") => this.page.getByRole("group", { name: "Chart period" }).getByRole("button", { name: label, exact: true });
  count = () => this.page.getByTestId("events-count");
  errorsOnly = () => this.page.getByLabel("Errors only");
  select = (label: "Status" | "Method" | "Resource" | "Time", value: string) => this.page.getByLabel(label, { exact: true }).selectOption(value);
  /** Opens a row's detail panel through its time link. */
  open = (text: string | RegExp) => this.row(text).first().getByRole("link").click();
  drawer = () => this.page.getByRole("dialog");
}

/** A screenshot of what the viewport shows: the detail panel is fixed to it, so a full-page shot would cut it. */
export const viewportShot = async (page: Page, name: string) => {
  fs.mkdirSync("screenshots", { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png` });
};
