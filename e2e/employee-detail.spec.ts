// The employee page in tabs (Profile / Card / Timeline, deep-linkable, working without JavaScript),
// the card editor at the top of the Card tab, and the profile saying where the card differs and why.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { scimToken } from "./support/cli";
import { EmployeePage, expectNoAxeViolations, Idp, signUpWorkspace } from "./support/employees";
import { CardEditorPage } from "./support/templates";

const SHOTS = process.env.SHOTS_DIR ?? "screenshots";
const both = async (page: Page, name: string) => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 860 });
  await page.reload();
  await page.screenshot({ path: `${SHOTS}/${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 860 });
};

test("an employee's page: tabs, the card editor on top of the Card tab, card differences on the profile", async ({ page, request, browser }) => {
  const slug = await signUpWorkspace(page, "Detail tabs");
  const idp = new Idp(request, scimToken(slug));
  const ada = await idp.createUser({ given: "Ada", family: "Lovelace", email: "ada@acme.test", title: "Analyst", department: "Sales", phone: "+44 20 7946 0000", location: "London" });
  const detail = new EmployeePage(page);
  const base = `/w/${slug}/employees/${ada}`;

  // Profile first; the card agrees with the IdP.
  await page.goto(base);
  await expect(detail.heading("Ada Lovelace")).toBeVisible();
  await expect(detail.tab("Profile")).toHaveAttribute("aria-current", "page");
  await expect(detail.tab("Card")).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("card-difference-count")).toContainText("The card shows these values.");
  await expect(page.getByTestId("card-difference-department")).toHaveCount(0);

  // The Card tab: its own address, the header still there, the editor at the top — no scrolling.
  await detail.openTab("Card");
  await expect(page).toHaveURL(new RegExp(`${base}\\?tab=card$`));
  await expect(detail.heading("Ada Lovelace")).toBeVisible();
  await expect(page.getByTestId("idp-managed")).toBeVisible();
  const cards = new CardEditorPage(page);
  await expect(cards.row("department")).toContainText("Sales");
  const box = (await cards.editor().boundingBox())!;
  expect(box.y).toBeLessThan(860 / 2);
  await expect(page.getByRole("region", { name: "Timeline" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Profile" })).toHaveCount(0);

  // An admin changes the department on the card only.
  await cards.edit("Department", "Sales EMEA");
  await expect(cards.notice("Department saved.")).toBeVisible();
  await expect(cards.row("department")).toContainText("Set in Muster");
  await expectNoAxeViolations(page);
  await both(page, "detail-employee-card");

  // The profile keeps the IdP's value and says what the card shows instead.
  await detail.openTab("Profile");
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  const profile = detail.section("Profile");
  await expect(profile).toContainText("Sales");
  await expect(page.getByTestId("card-difference-department")).toHaveText("Card shows “Sales EMEA” (set in Muster)");
  await expect(page.getByTestId("card-difference-count")).toContainText("The card differs in 1 field.");
  await expect(page.getByTestId("card-difference-title")).toHaveCount(0);
  await profile.getByRole("link", { name: "Edit the card" }).click();
  await expect(detail.tab("Card")).toHaveAttribute("aria-current", "page");
  await detail.openTab("Profile");
  await expectNoAxeViolations(page);
  await both(page, "detail-employee-profile");

  // Timeline, by link and by address.
  await detail.openTab("Timeline");
  await expect(page).toHaveURL(new RegExp(`${base}\\?tab=timeline$`));
  await expect(detail.timeline()).toContainText("Created user ada@acme.test");
  await expectNoAxeViolations(page);
  await both(page, "detail-employee-timeline");
  await page.goBack();
  await expect(detail.tab("Profile")).toHaveAttribute("aria-current", "page");

  // The tabs are plain links: they work without JavaScript.
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), baseURL: new URL(page.url()).origin });
  const plain = await noJs.newPage();
  const plainDetail = new EmployeePage(plain);
  await plain.goto(base);
  await plainDetail.openTab("Timeline");
  await expect(plain).toHaveURL(new RegExp(`${base}\\?tab=timeline$`));
  await expect(plainDetail.section("Timeline")).toBeVisible();
  await plainDetail.openTab("Profile");
  await expect(plain.getByTestId("card-difference-department")).toHaveText("Card shows “Sales EMEA” (set in Muster)");
  await noJs.close();
});
