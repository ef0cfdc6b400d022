// Page objects for the Employees and Groups pages, and the SCIM calls an IdP would make.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoAxeViolations, signUpWorkspace } from "./pages";

export { expectNoAxeViolations, signUpWorkspace };

const SCIM_JSON = "application/scim+json";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

type Person = { given: string; family: string; email: string; title?: string; department?: string; managerId?: string; phone?: string; location?: string };

/** The IdP side: SCIM requests with the workspace's bearer token. */
export class Idp {
  constructor(
    readonly request: APIRequestContext,
    readonly token: string,
  ) {}
  private headers = () => ({ Authorization: `Bearer ${this.token}`, "Content-Type": SCIM_JSON, "User-Agent": "Azure AD SCIM Client (e2e)" });

  createUser = async (p: Person) => {
    const res = await this.request.post("/api/scim/v2/Users", {
      headers: this.headers(),
      data: {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        userName: p.email,
        externalId: `ext-${p.email}`,
        active: true,
        displayName: `${p.given} ${p.family}`,
        name: { givenName: p.given, familyName: p.family },
        emails: [{ value: p.email, type: "work", primary: true }],
        ...(p.title ? { title: p.title } : {}),
        ...(p.phone ? { phoneNumbers: [{ value: p.phone, type: "work" }] } : {}),
        ...(p.location ? { addresses: [{ type: "work", locality: p.location, primary: true }] } : {}),
        [ENTERPRISE]: { ...(p.department ? { department: p.department } : {}), ...(p.managerId ? { manager: { value: p.managerId } } : {}), employeeNumber: "1042", organization: "Acme" },
      },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  patchUser = async (id: string, ...Operations: unknown[]) => {
    const res = await this.request.patch(`/api/scim/v2/Users/${id}`, { headers: this.headers(), data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations } });
    expect(res.status()).toBe(200);
  };

  createGroup = async (displayName: string, memberIds: string[]) => {
    const res = await this.request.post("/api/scim/v2/Groups", {
      headers: this.headers(),
      data: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName, externalId: `grp-${displayName.toLowerCase().replace(/\W+/g, "-")}`, members: memberIds.map((value) => ({ value })) },
    });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
}

export class EmployeesPage {
  constructor(readonly page: Page) {}
  goto = (slug: string, query = "") => this.page.goto(`/w/${slug}/employees${query}`);
  heading = () => this.page.getByRole("heading", { name: "Employees", level: 1 });
  tab = (label: string) => this.page.getByRole("tab", { name: new RegExp(`^${label}`) });
  count = (tab: string) => this.page.getByTestId(`count-${tab}`);
  seats = () => this.page.getByTestId("seat-count");
  row = (name: string) => this.page.getByRole("row").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  rows = () => this.page.locator("tbody tr");
  search = (text: string) => this.page.getByRole("searchbox", { name: "Search employees by name or email" }).fill(text);
  openTab = async (label: string) => {
    await this.tab(label).click();
    await expect(this.tab(label)).toHaveAttribute("aria-selected", "true");
  };
  addEmployee = async (v: { name: string; email: string; title?: string; department?: string; location?: string; phone?: string }) => {
    await this.page.getByRole("button", { name: "Add employee" }).first().click();
    const dialog = this.page.getByRole("dialog", { name: "Add an employee" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Name").fill(v.name);
    await dialog.getByLabel("Email").fill(v.email);
    if (v.title) await dialog.getByLabel("Job title").fill(v.title);
    if (v.department) await dialog.getByLabel("Department").fill(v.department);
    if (v.location) await dialog.getByLabel("Location").fill(v.location);
    if (v.phone) await dialog.getByLabel("Phone").fill(v.phone);
    await dialog.getByRole("button", { name: "Add employee" }).click();
    return dialog;
  };
}

export class ImportPage {
  constructor(readonly page: Page) {}
  goto = (slug: string) => this.page.goto(`/w/${slug}/employees/import`);
  choose = (name: string, csv: string) => this.page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  detected = (field: string) => this.page.getByTestId("detected-columns").locator(`xpath=.//dt[normalize-space()="${field}"]/following-sibling::dd[1]`);
  start = () => this.page.getByRole("button", { name: /^Import \d/ }).click();
  progress = () => this.page.getByRole("progressbar", { name: "Import progress" });
  summary = () => this.page.getByTestId("import-summary");
  stat = (label: string) => this.page.getByTestId(`stat-${label.toLowerCase().replace(/\W+/g, "-")}`).locator("p").nth(1);
}

export class EmployeePage {
  constructor(readonly page: Page) {}
  heading = (name: string) => this.page.getByRole("heading", { name, level: 1 });
  section = (title: string) => this.page.getByRole("region", { name: title });
  timeline = () => this.page.getByTestId("timeline");
  /** The page's tabs: links with ?tab=, the current one aria-current="page". */
  tabs = () => this.page.getByRole("navigation", { name: /^About / });
  tab = (label: "Profile" | "Card" | "Timeline") => this.tabs().getByRole("link", { name: label, exact: true });
  openTab = async (label: "Profile" | "Card" | "Timeline") => {
    await this.tab(label).click();
    await expect(this.tab(label)).toHaveAttribute("aria-current", "page");
  };
}
