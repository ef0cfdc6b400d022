// CSV import never loses a line silently: a line with an unclosed quote is named with its reason,
// the valid line after it is imported, and the result accounts for every line of the file.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { EmployeesPage, expectNoAxeViolations, ImportPage, signUpWorkspace } from "./support/employees";
import { shot } from "./support/pages";

const both = async (page: Page, name: string) => {
  await shot(page, `${name}-1366`);
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing may overflow sideways at phone width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await shot(page, `${name}-390`);
  await page.setViewportSize({ width: 1366, height: 860 });
};

const UNCLOSED = 'Line 2, column "Name": a quoted value is not closed — the quote opened here runs into the next line';

test("an unclosed quote on line 2 is reported by line and reason; the employee on line 3 is imported", async ({ page }) => {
  const slug = await signUpWorkspace(page, "Import CSV");
  const importer = new ImportPage(page);
  await importer.goto(slug);
  await importer.choose(
    "broken.csv",
    [
      "Name,Email,Title,Department",
      '"Broken quote,broken@acme.test,X,Y',
      "Valid Employee,valid@acme.test,Engineer,Engineering",
      "",
      'Multi Line,multi@acme.test,"Head of',
      'Research",Research',
      "No Email,,Tester,QA",
    ].join("\r\n") + "\r\n",
  );

  // Before the import: the line that cannot be read is named, and every line is accounted for.
  await expect(page.getByTestId("import-line-count")).toHaveText("7");
  await expect(page.getByTestId("import-row-count")).toHaveText("3");
  await expect(page.getByTestId("import-line-account")).toHaveText(
    "1 header line · 3 rows on 4 lines (a quoted value holds a line break) · 1 line that could not be read · 1 blank line skipped (line 4)",
  );
  await expect(page.getByTestId("parse-errors")).toContainText("1 line could not be read and will be reported as errors; every other line is imported.");
  await expect(page.getByTestId("parse-errors")).toContainText(UNCLOSED);
  const preview = page.getByRole("table", { name: "Preview of the first rows" });
  await expect(preview.getByRole("row").filter({ hasText: "valid@acme.test" })).toContainText("3");
  await expect(preview.getByRole("row").filter({ hasText: "multi@acme.test" })).toContainText("5–6");
  await expectNoAxeViolations(page);
  await both(page, "employees-import-parse-error-preview");

  await importer.start();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(importer.stat("Created")).toHaveText("2");
  await expect(importer.stat("Errors")).toHaveText("2");
  await expect(page.getByTestId("import-line-count")).toHaveText("7");

  // The parse error sits with the server's errors, in line order.
  const issues = page.getByRole("table", { name: "Rows with errors or skipped" });
  await expect(issues.getByRole("row")).toHaveCount(3);
  await expect(issues.getByRole("row").nth(1)).toContainText("2");
  await expect(issues.getByRole("row").nth(1)).toContainText(UNCLOSED);
  await expect(issues.getByRole("row").nth(2)).toContainText("7");
  await expect(issues.getByRole("row").nth(2)).toContainText("Missing email");
  await expect(page.getByRole("heading", { name: "Lines not imported as they are (2)" })).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the list (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("broken-problems.csv");
  const text = fs.readFileSync((await file.path())!, "utf8");
  expect(text.split("\r\n")).toEqual(["Line,Email,Result,Problem", `2,,Error,"${UNCLOSED.replace(/"/g, '""')}"`, "7,,Error,Missing email"]);
  await expectNoAxeViolations(page);
  await both(page, "employees-import-parse-error-result");

  // The employee from line 3 (and the multi-line one) are in the directory; the broken line is not.
  const employees = new EmployeesPage(page);
  await employees.goto(slug);
  await expect(employees.row("Valid Employee")).toContainText("Manual");
  await expect(employees.row("Multi Line")).toBeVisible();
  await expect(employees.rows()).toHaveCount(2);
});
