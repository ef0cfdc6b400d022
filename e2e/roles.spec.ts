// Custom roles as an admin uses them: a role "Sales Lead" with chosen capabilities, an employee set
// to it on their page (the timeline says so), the count on the Roles page, a delete refused while
// the role is held; and the employee's side: a card they may not edit, their colleagues' cards.
import { expect, test, type Page } from "@playwright/test";
import { MyCardPage } from "./support/activation";
import { scimToken } from "./support/cli";
import { EmployeePage, expectNoAxeViolations, Idp } from "./support/employees";
import { linkFromInbox } from "./support/mailbox";
import { newWorkspace, shot } from "./support/pages";
import { ColleaguesPage, RolePicker, RolesPage } from "./support/roles";

const EMPLOYEE_PASSWORD = "employee password 123";

/** Full-page screenshots at desktop and phone width; nothing may overflow sideways. */
const shots = async (page: Page, name: string) => {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 860 : 844 });
    // The page never scrolls sideways; when it does, the message names what sticks out.
    const wider = () =>
      page.evaluate(() => {
        if (document.documentElement.scrollWidth <= window.innerWidth) return [];
        // Inside a box that scrolls or clips (the workspace tabs), sticking out is by design.
        const clipped = (el: Element) => {
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return true;
          return false;
        };
        const out = [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(el));
        const names = out.filter((el) => !out.includes(el.parentElement!)).map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`.slice(0, 120));
        return names.length ? names.slice(0, 5) : [`scrollWidth ${document.documentElement.scrollWidth}`];
      });
    await expect.poll(wider, { message: `${name} at ${width}px fits` }).toEqual([]);
    await shot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 860 });
};

test("an admin creates Sales Lead, sets an employee to it and sees the count; the employee sees colleagues but cannot edit", async ({ page, request, browser }) => {
  test.setTimeout(150_000);
  const { slug, email: adminEmail } = await newWorkspace(page, "Roles");
  const idp = new Idp(request, scimToken(slug));
  const stamp = Date.now().toString(36);
  const samEmail = `sam-${stamp}@acme.test`;
  const sam = await idp.createUser({ given: "Sam", family: "Seller", email: samEmail, title: "Account Executive", department: "Sales" });
  await idp.createUser({ given: "Ada", family: "Lovelace", email: `ada-${stamp}@acme.test`, title: "Analyst", department: "Research" });
  await idp.createUser({ given: "Grace", family: "Hopper", email: `grace-${stamp}@acme.test`, title: "Rear Admiral", department: "Navy" });

  // The Roles page: the built-in roles, every employee a Member.
  const roles = new RolesPage(page);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Roles" }).click();
  await expect(roles.heading()).toBeVisible();
  await expect(roles.holders("Member")).toHaveText("3 employees");
  await expect(roles.holders("Guest")).toHaveText("0 employees");
  await expect(roles.role("Guest").getByRole("button", { name: "Delete Guest" })).toHaveCount(0);

  // A new role: a name is required; capabilities are checkboxes explained in plain words.
  await page.getByRole("button", { name: "New role" }).click();
  const dialog = page.getByRole("dialog", { name: "New role" });
  await expect(dialog.getByText("Edits the fields of their own card that an admin left unlocked.")).toBeVisible();
  await dialog.getByRole("button", { name: "Create role" }).click();
  await expect(dialog.getByText("Give the role a name")).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await roles.create("Sales Lead", "Leads a sales team: sees everyone's cards, keeps the card the company set.", ["See colleagues' cards", "Listed publicly"]);
  await expect(page.getByText("Role Sales Lead created.")).toBeVisible();
  await expect(roles.holders("Sales Lead")).toHaveText("0 employees");
  await expect(roles.role("Sales Lead").getByRole("list", { name: "What Sales Lead allows" })).toContainText("See colleagues' cards: allowed");
  await expect(roles.role("Sales Lead").getByRole("list", { name: "What Sales Lead allows" })).toContainText("Edit their card: not allowed");
  // The same name again, in other case, is refused with the reason.
  await roles.create("sales lead", "", []);
  await expect(page.getByRole("dialog", { name: "New role" }).getByText("A role named Sales Lead already exists")).toBeVisible();
  await page.getByRole("dialog", { name: "New role" }).getByRole("button", { name: "Cancel" }).click();

  // The employee page: the role, where it came from, and the picker.
  await page.goto(`/w/${slug}/employees/${sam}`);
  const employeePage = new EmployeePage(page);
  await expect(employeePage.heading("Sam Seller")).toBeVisible();
  const picker = new RolePicker(page);
  await expect(picker.select()).toHaveValue("MEMBER");
  await expect(picker.source()).toContainText("The workspace's default role");
  await picker.set("Sales Lead");
  await expect(page.getByText("Role set to Sales Lead.")).toBeVisible();
  await expect(picker.source()).toContainText("Set by an admin: syncs keep it, unless “Import users to custom roles” is on and your identity provider names a role for them");
  await employeePage.openTab("Timeline");
  await expect(employeePage.timeline()).toContainText(`Role Member → Sales Lead (set by ${adminEmail})`);
  await expectNoAxeViolations(page);
  await shots(page, "roles-employee");

  // Back on the Roles page: the count moved; deleting a held role is refused with the reason.
  await roles.goto(slug);
  await expect(roles.holders("Sales Lead")).toHaveText("1 employee");
  await expect(roles.holders("Member")).toHaveText("2 employees");
  await roles.delete("Sales Lead");
  const confirm = page.getByRole("dialog", { name: "Delete Sales Lead?" });
  await expect(confirm.getByRole("alert")).toHaveText("1 employee holds Sales Lead. Move them to another role first.");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expectNoAxeViolations(page);
  await shots(page, "roles");

  // Sam, in their own browser: the card is read-only for their role, colleagues are a click away.
  const link = await linkFromInbox(samEmail, "Activate your", "/activate/");
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  const employee = await context.newPage();
  await employee.goto(link);
  await employee.getByLabel("Choose a password").fill(EMPLOYEE_PASSWORD);
  await employee.getByRole("button", { name: "Activate with this password" }).click();
  const me = new MyCardPage(employee);
  await expect(me.heading()).toBeVisible();
  await expect(employee.getByTestId("card-edit-note")).toHaveText("Your role (Sales Lead) does not let you edit your card. Your company keeps it up to date; ask your admin if something is wrong.");
  await expect(employee.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(employee.getByTestId("share-url")).toBeVisible();
  await expectNoAxeViolations(employee);
  await shots(employee, "roles-me");

  await employee.getByRole("link", { name: "Colleagues' cards" }).click();
  const colleagues = new ColleaguesPage(employee);
  await expect(colleagues.heading()).toBeVisible();
  await expect(colleagues.cards()).toHaveCount(2);
  await expect(colleagues.cards().first()).toContainText("Ada Lovelace");
  await expect(colleagues.cards().nth(1)).toContainText("Grace Hopper");
  await expectNoAxeViolations(employee);
  await shots(employee, "roles-colleagues");
  await colleagues.search("hop");
  await expect(colleagues.cards()).toHaveCount(1);
  await expect(colleagues.cards().first()).toContainText("Grace Hopper");
  await expect(employee.getByText("Showing 1–1 of 1 colleagues")).toBeVisible();

  // The admin takes colleagues away from Sales Lead: Sam is told why on their next visit.
  await roles.goto(slug);
  await roles.role("Sales Lead").getByRole("button", { name: "Edit Sales Lead" }).click();
  const edit = page.getByRole("dialog", { name: "Edit Sales Lead" });
  await edit.getByRole("checkbox", { name: "See colleagues' cards" }).uncheck();
  await edit.getByRole("button", { name: "Save role" }).click();
  await expect(page.getByText("Role Sales Lead saved.")).toBeVisible();
  await employee.goto("/me/colleagues");
  await expect(employee.getByTestId("colleagues-refused")).toContainText("Your role (Sales Lead) lets you see only your own card.");
  await context.close();
});
