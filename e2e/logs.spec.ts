import { expect, test } from "@playwright/test";
import { scimToken } from "./support/cli";
import { expectNoAxeViolations, LogsPage, scimAs, signUpWorkspace, titlePatch, USER_PASSWORD, userBody, viewportShot } from "./support/logs";
import { shot, uniqueEmail } from "./support/pages";

test("an admin reads the provisioning log: chart, filters, and an error's advice", async ({ page, request }) => {
  const slug = await signUpWorkspace(page, "Logs");
  const logs = new LogsPage(page);

  // Before the IdP sends anything, the page says where to start.
  await logs.goto(slug);
  await expect(logs.heading()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your identity provider has not sent any request yet" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Connect IdP" })).toHaveAttribute("href", `/w/${slug}/connect`);
  await expectNoAxeViolations(page);
  await shot(page, "logs-empty");

  // An IdP at work: a create, a duplicate, a filter Muster cannot run, an update, a group, a read
  // of the config, and an update of someone Muster does not have.
  const idp = scimAs(request, scimToken(slug));
  const userName = uniqueEmail("ann");
  const created = await idp.post("/Users", userBody(userName));
  expect(created.status()).toBe(201);
  const userId = ((await created.json()) as { id: string }).id;
  expect((await idp.post("/Users", userBody(userName))).status()).toBe(409);
  expect((await idp.get(`/Users?filter=${encodeURIComponent('phoneNumbers.value eq "+1 555"')}`)).status()).toBe(400);
  expect((await idp.patch(`/Users/${userId}`, titlePatch("Staff Engineer"))).status()).toBe(200);
  expect((await idp.post("/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Engineering" })).status()).toBe(201);
  expect((await idp.get("/ServiceProviderConfig")).status()).toBe(200);
  expect((await idp.patch("/Users/gone-user-id", titlePatch("Nobody"))).status()).toBe(404);

  await logs.goto(slug);
  await expect(logs.rows()).toHaveCount(7);
  await expect(logs.count()).toHaveText(/Showing 7 of 7 requests/);
  await expect(logs.rows().first()).toContainText("PATCH");
  await expect(logs.rows().first()).toContainText("404");
  await expect(logs.row("Updated user")).toContainText("job title 'Engineer' → 'Staff Engineer'");
  await expect(logs.row(/409/)).toContainText("What to do:");

  // The chart: bars drawn, and the same numbers in words. All requests came within minutes, so
  // "Auto" zooms to a day of hourly bars: the busy hour is one wide bar, not a sliver of a week.
  await expect(logs.chartSummary()).toHaveText(/^7 requests between .+ UTC: 4 succeeded, 3 client errors, 0 server errors\. Busiest hour: .+ UTC with \d+ requests?\./);
  await expect(logs.chart()).toHaveAttribute("aria-label", /Bar chart of requests per hour by outcome/);
  await expect(logs.chart()).toHaveAttribute("data-bucket", "hour");
  await expect(logs.chart()).toHaveAttribute("data-bars", "24");
  await expect(logs.chartRange("Auto")).toHaveAttribute("aria-pressed", "true");
  const busy = logs.chart().locator(".recharts-bar-rectangle path, .recharts-bar-rectangle rect").first();
  await expect(busy).toBeVisible();
  expect((await busy.boundingBox())!.width).toBeGreaterThan(20);

  // Another period is one click, kept in the URL: 7 days of daily bars.
  await logs.chartRange("7 days").click();
  await expect(page).toHaveURL(/[?&]chart=7d/);
  await expect(logs.chartSummary()).toHaveText(/^7 requests in the last 7 days: 4 succeeded/);
  await expect(logs.chart()).toHaveAttribute("data-bucket", "day");
  await expect(page.getByRole("heading", { name: "Requests per day" })).toBeVisible();
  await page.reload();
  await expect(logs.chartRange("7 days")).toHaveAttribute("aria-pressed", "true");
  // The chart's data arrives after hydration, one more request on a busy machine.
  await expect(logs.chart()).toHaveAttribute("data-bars", "7", { timeout: 20_000 });
  await logs.chartRange("Auto").click();
  await expect(page).not.toHaveURL(/[?&]chart=/);
  await expect(logs.chart()).toHaveAttribute("data-bucket", "hour");
  // At phone width the chart and its period choice fit; the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(logs.chart()).toBeVisible();
  // The chart follows its box through a ResizeObserver: the layout settles a frame after the resize.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await viewportShot(page, "logs-chart-390");
  await page.setViewportSize({ width: 1366, height: 860 });
  await expectNoAxeViolations(page);
  await shot(page, "logs");

  // Errors only — kept in the URL, so a reload (or a shared link) shows the same view.
  await logs.errorsOnly().check();
  await expect(page).toHaveURL(/[?&]errors=1/);
  await expect(logs.rows()).toHaveCount(3);
  await page.reload();
  await expect(logs.errorsOnly()).toBeChecked();
  await expect(logs.rows()).toHaveCount(3);
  await expect(logs.count()).toHaveText(/Showing 3 of 3 requests/);

  // The 409's detail: what went wrong, what to do, the body without the password.
  await logs.open(/409/);
  const drawer = logs.drawer();
  await expect(drawer).toBeVisible();
  await expect(page).toHaveURL(/[?&]event=/);
  await expect(drawer.getByRole("heading", { name: "POST /Users" })).toBeVisible();
  await expect(drawer.getByTestId("event-advice")).toContainText("User already exists");
  await expect(drawer.getByTestId("event-advice")).toContainText("What to do");
  await expect(drawer.getByTestId("event-advice")).toContainText("matching attribute");
  await expect(drawer.getByTestId("request-body")).toContainText('"password": "[redacted]"');
  await expect(drawer.getByTestId("request-body")).not.toContainText(USER_PASSWORD);
  await expect(drawer.getByTestId("response-body")).toContainText('"scimType": "uniqueness"');
  await expect(drawer).toContainText("Microsoft Entra ID");
  await expect(drawer).toContainText("e2e"); // the token's name
  await expectNoAxeViolations(page);
  await viewportShot(page, "logs-detail-error");

  // Escape closes it and the URL forgets it; the filter stays.
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(page).not.toHaveURL(/[?&]event=/);
  await expect(page).toHaveURL(/[?&]errors=1/);

  // Other filters, combined: POSTs that succeeded.
  await logs.errorsOnly().uncheck();
  await logs.select("Method", "POST");
  await logs.select("Status", "success");
  await expect(logs.rows()).toHaveCount(2);
  await logs.select("Resource", "Group");
  await expect(logs.rows()).toHaveCount(1);
  await expect(logs.rows().first()).toContainText("Created group Engineering");
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(logs.rows()).toHaveCount(7);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/logs$`));

  // A bar of the chart lists that hour's requests.
  const bar = logs.chart().locator(".recharts-bar-rectangle path").last();
  await bar.hover();
  await expect(logs.chart()).toContainText(/Click to list these requests/);
  await bar.click();
  await expect(page).toHaveURL(/[?&]from=.*&to=/);
  await expect(page.getByRole("button", { name: "Remove the time filter" })).toBeVisible();
  await expect(logs.rows()).toHaveCount(7);
  await page.getByRole("button", { name: "Remove the time filter" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/logs$`));

  // A link to one request (as the employee page makes) opens it directly, with the employee.
  await logs.open("Created user");
  const eventUrl = page.url();
  await page.goto(eventUrl);
  // The drawer opens once the page has hydrated, which takes a while on a busy machine.
  await expect(drawer).toBeVisible({ timeout: 20_000 });
  await expect(drawer.getByTestId("event-summary")).toContainText(`Created user ${userName}`);
  await expect(drawer.getByRole("link", { name: /Ann Example/ })).toHaveAttribute("href", `/w/${slug}/employees/${userId}`);
  await expect(drawer.getByTestId("request-body")).not.toContainText(USER_PASSWORD);
  await expectNoAxeViolations(page);
  await viewportShot(page, "logs-detail-success");
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(drawer).toBeHidden();
});
