// Every dashboard page at phone width (390 px): the page itself never scrolls sideways. Tables
// scroll inside their own box or collapse; long names, emails, SCIM paths and tokens wrap. The
// workspace is filled the way a real one looks, so the data, not an empty state, is measured.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/pages";
import { filledWorkspace, overflow } from "./support/phone";

test("no dashboard page scrolls sideways at 390 px", async ({ page, request }) => {
  // About 45 s on an idle machine; a busy one (builds and other suites alongside) takes up to three times that.
  test.setTimeout(180_000);
  const pages = await filledWorkspace(page, request);

  await page.setViewportSize({ width: 390, height: 844 });
  for (const [name, url] of pages) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expect.soft.poll(() => overflow(page), { message: `${name} (${url}) fits 390 px`, timeout: 10_000 }).toEqual([]);
    if (name === "tokens") {
      // The one time a token is shown: the whole secret, in its own box.
      await page.getByLabel("Token name").fill("Microsoft Entra ID — Global Subsidiary Holdings production tenant");
      await page.getByRole("button", { name: "Generate token" }).click();
      await expect(page.getByTestId("new-token-value")).toBeVisible();
      await expect.soft.poll(() => overflow(page), { message: "tokens with a new token fits 390 px", timeout: 10_000 }).toEqual([]);
    }
    if (name === "tokens" || name === "log-event" || name === "employee") await expectNoAxeViolations(page);
  }
});
