import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, newWorkspace, shot } from "./support/pages";

test("Settings → Data retention: 90 days by default, fewer than 7 refused with the reason, 30 saved and kept", async ({ page }) => {
  const { slug } = await newWorkspace(page, "Retention");
  await page.goto(`/w/${slug}/settings`);
  const form = page.getByRole("form", { name: "Data retention" });
  const days = form.getByLabel("Keep log entries for (days)");
  await expect(days).toHaveValue("90");
  await expect(form.getByTestId("retention-older")).toHaveText("0 entries");
  await expect(form).toContainText("emails still waiting to be sent are always kept");

  await days.fill("3");
  await form.getByRole("button", { name: "Save retention" }).click();
  await expect(form.getByText(/at least 7 days/)).toBeVisible();
  await form.screenshot({ path: "screenshots/settings-retention-refused.png" });
  await days.fill("30");
  await form.getByRole("button", { name: "Save retention" }).click();
  await expect(form.getByText("The provisioning log now keeps 30 days.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(days).toHaveValue("30");
  await form.scrollIntoViewIfNeeded();
  await shot(page, "settings-retention");
  await page.setViewportSize({ width: 390, height: 844 });
  await form.scrollIntoViewIfNeeded();
  await shot(page, "settings-retention-phone");
  await form.screenshot({ path: "screenshots/settings-retention-section-phone.png" });
  expect(await form.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});
