// Browser tests of the usage report import (www/usage-import.js, usage-panel.js, usage-worker.js), in
// Debian's Chromium. The reference is the CLI's report of the same fixture (tests/usage/report.expected.json,
// which tests/cli.rs checks against the CLI). Every test also checks that the page raised no error and
// broke no Content-Security-Policy rule.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { watchForProblems, whenReady } from "./helpers.mjs";
import fs from "node:fs";
import path from "node:path";
import { reportRows } from "../usage-report-gen.mjs";

const ARTIFACTS = "tests/artifacts";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FIXTURE = "tests/usage/report.csv";
const expected = JSON.parse(fs.readFileSync("tests/usage/report.expected.json", "utf8"));

const calculator = (page) => page.locator("audioconf-pricing");
const dialog = (page) => page.getByRole("dialog");

watchForProblems();

/** Opens the page, waits for the first quote and opens the import dialog. */
async function openImport(page) {
  await page.goto("/");
  await whenReady(calculator(page));
  await page.getByRole("button", { name: "Import usage report" }).click();
  await expect(dialog(page)).toBeVisible();
}

/** A scratch file under tests/artifacts. */
function scratch(name, contents) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  fs.writeFileSync(file, contents);
  return file;
}

const state = (page) => calculator(page).evaluate((el) => ({ request: el.request, total: el.quote.total }));

test("the page and the CLI give the same quote for the same report, and a month can be picked", async ({ page }) => {
  await openImport(page);
  await expect(dialog(page)).toContainText("Nothing is uploaded: the file is read on this device.");
  await page.getByLabel("Usage report (CSV)").setInputFiles(FIXTURE);
  await expect(dialog(page).getByRole("heading", { level: 3 })).toContainText("300 rows read");
  const q = await calculator(page).evaluate((el) => el.quote);
  // The calculator, filled through `request` with billable minutes, prices as the report was re-rated.
  expect(q.total).toBe(expected.quote.total);
  expect(q.lines.map((l) => [l.country, l.kind, l.cost])).toEqual(expected.quote.lines.map((l) => [l.country, l.kind, l.cost]));
  expect(q.comparison.users).toBe(expected.users);
  await expect(dialog(page)).toContainText(`You were charged $${expected.charged_total}`);
  for (const c of expected.skipped.filter((s) => s.call_type)) await expect(dialog(page)).toContainText(c.call_type);

  const feb = expected.months.find((m) => m.month === "2025-02");
  await dialog(page).getByRole("combobox", { name: "Month" }).selectOption("2025-02");
  await expect.poll(() => calculator(page).evaluate((el) => el.quote.total)).toBe(feb.total);
  await expect(dialog(page).getByRole("heading", { level: 3 })).toContainText("February 2025");

  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(ARTIFACTS, `usage-${width}.png`) });
  }
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);

  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Import usage report" })).toBeFocused();
});

test("a usage panel whose code cannot be fetched says so, and the next press tries again", async ({ browser }) => {
  // Without the service worker, which would answer from its precache what the route refuses.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.route(/\/usage-panel\.js$/, (route) => route.abort());
  await page.goto("/");
  await whenReady(calculator(page));
  const button = page.getByRole("button", { name: "Import usage report" });
  await button.click();
  await expect(page.getByRole("alert")).toHaveText("This part of the calculator could not be loaded. Check the connection and try again.");
  await expect(button).toBeEnabled();
  await page.unroute(/\/usage-panel\.js$/);
  await button.click();
  await expect(dialog(page)).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await context.close();
});

test("a worker that cannot start says so and leaves the calculator as it was", async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.route(/\/usage-worker\.js$/, (route) => route.abort());
  await openImport(page);
  const before = await state(page);
  await page.getByLabel("Usage report (CSV)").setInputFiles(FIXTURE);
  await expect(dialog(page)).toContainText("The report reader could not be started in this browser. Reload the page and try again.");
  expect(await state(page)).toEqual(before);
  await context.close();
});

test("a tab-separated export fills the calculator as the comma one does", async ({ page }) => {
  await openImport(page);
  await page.getByLabel("Usage report (CSV)").setInputFiles("tests/usage/report-tab.csv");
  await expect(dialog(page).getByRole("heading", { level: 3 })).toContainText("300 rows read");
  expect(await calculator(page).evaluate((el) => el.quote.total)).toBe(expected.quote.total);
});

test("a missing column, garbage and an empty file each say why and leave the calculator as it was", async ({ page }) => {
  await openImport(page);
  const before = await state(page);
  const garbage = Buffer.from(Array.from({ length: 100000 }, (_, i) => (i * 2654435761) >>> 13 & 255));
  const cases = [
    [scratch("missing.csv", "Call Type,Duration Seconds\nconf_in,60\n"), /The report has no column Number Type; Start Time/],
    [scratch("garbage.csv", garbage), /This is not a CSV usage report/],
    [scratch("empty.csv", ""), /The file is empty/],
    [scratch("no-calls.csv", "Call Type,Number Type,Destination Dialed,Duration Seconds,Start Time\nuser_out,,DE,60,2025-01-01T10:00:00Z\n"), /no Audio Conferencing calls/],
  ];
  for (const [file, message] of cases) {
    await page.getByLabel("Usage report (CSV)").setInputFiles(file);
    const alert = dialog(page).getByRole("alert");
    await expect(alert).toContainText(message);
    await expect(alert).toContainText("The calculator is unchanged.");
    expect(await state(page)).toEqual(before);
  }
});

test("Cancel stops the worker and keeps the previous quote", async ({ page }) => {
  // About 60 MB: long enough to be cancelled while it is read.
  const file = path.join(ARTIFACTS, "usage-60mb.csv");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const fd = fs.openSync(file, "w");
    let batch = [];
    for (const line of reportRows({ rows: 230000, seed: 9 })) {
      batch.push(line);
      if (batch.length === 5000) fs.writeSync(fd, batch.splice(0).join(""));
    }
    fs.writeSync(fd, batch.join(""));
    fs.closeSync(fd);
  }
  await openImport(page);
  const before = await state(page);
  await page.getByLabel("Usage report (CSV)").setInputFiles(file);
  await dialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(dialog(page)).toContainText("Import cancelled. The calculator is unchanged.");
  await expect(dialog(page).getByRole("progressbar")).toHaveCount(0);
  expect(await state(page)).toEqual(before);
});

test("the dialog speaks Russian with the page", async ({ page }) => {
  await page.goto("/");
  await whenReady(calculator(page));
  await page.getByLabel(/^Language/).selectOption("ru");
  await page.getByRole("button", { name: "Загрузить отчёт об использовании" }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText("Файл никуда не отправляется");
  await page.getByLabel("Отчёт об использовании (CSV)").setInputFiles(FIXTURE);
  await expect(dialog(page).getByRole("heading", { level: 3 })).toContainText("Прочитано строк: 300");
  await expect(dialog(page)).toContainText("Списано по отчёту");
});
