// dist/audioconf-pricing.html opened from disk (file://), no server: it shows a total, prices what is
// typed, loads its Russian texts, imports a usage report, under its own strict CSP, and asks the network
// for nothing.
import { test, expect } from "@playwright/test";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fs from "node:fs";
import { watchForProblems, whenReady } from "./helpers.mjs";

watchForProblems();

test("the single file works opened from disk", async ({ page }, testInfo) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(path.resolve("dist", "audioconf-pricing.html")).href;
  await page.goto(url);
  const calculator = page.locator("audioconf-pricing");
  await whenReady(calculator);
  await expect(calculator.locator("[part=total]")).toHaveText(/^\$\d[\d,]*\.\d{2}$/);
  await page.getByLabel("Licensed users").fill("12");
  await expect.poll(() => calculator.evaluate((el) => el.quote.comparison?.users)).toBe(12);
  await calculator.getByRole("combobox", { name: /Language/ }).selectOption("ru");
  await expect(calculator.locator("[part=toolbar]")).toContainText("Валюта");
  await expect(page.locator("h1")).toHaveText("Калькулятор поминутной оплаты аудиоконференций");
  // Everything came from the file itself: the .wasm as a data: URL, nothing else.
  expect(requests.filter((u) => !u.startsWith("data:") && u !== url)).toEqual([]);
  const file = path.join("tests", "artifacts", "single-file-360.png");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: file });
  await testInfo.attach(path.basename(file), { path: file, contentType: "image/png" });
});

test("in the single file a share link reopens the same quote and the exports download", async ({ browser }) => {
  const url = pathToFileURL(path.resolve("dist", "audioconf-pricing.html")).href;
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url);
  const calculator = page.locator("audioconf-pricing");
  await whenReady(calculator);
  await page.getByLabel("Licensed users").fill("12");
  await expect.poll(() => calculator.evaluate((el) => el.quote.comparison?.users)).toBe(12);
  await calculator.evaluate((el) => (el.details = { customer: "Contoso", preparedBy: "Ann" }));
  const link = await calculator.evaluate((el) => el.shareUrl());
  expect(link.startsWith(`${url}#q`)).toBe(true);
  const total = await calculator.evaluate((el) => el.quote.total);
  const csv = await calculator.evaluate((el) => el.exportCsv());
  expect(csv).toContain("Contoso");
  const download = page.waitForEvent("download");
  await calculator.getByRole("button", { name: "Download CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^quote-[\w-]+\.csv$/);
  // A fresh page from the link, as the person it was sent to opens it.
  const other = await context.newPage();
  await other.goto(link);
  const reopened = other.locator("audioconf-pricing");
  await expect.poll(() => reopened.evaluate((el) => el.quote?.comparison?.users ?? null)).toBe(12);
  expect(await reopened.evaluate((el) => el.quote.total)).toBe(total);
  expect(await reopened.evaluate((el) => el.details)).toEqual({ customer: "Contoso", preparedBy: "Ann" });
  await context.close();
});

test("in the single file a usage report is read by its worker and re-rated", async ({ page }) => {
  const expected = JSON.parse(fs.readFileSync("tests/usage/report.expected.json", "utf8"));
  const url = pathToFileURL(path.resolve("dist", "audioconf-pricing.html")).href;
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  const calculator = page.locator("audioconf-pricing");
  await whenReady(calculator);
  await page.getByRole("button", { name: "Import usage report" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await page.getByLabel("Usage report (CSV)").setInputFiles("tests/usage/report.csv");
  await expect(dialog.getByRole("heading", { level: 3 })).toContainText("300 rows read");
  expect(await calculator.evaluate((el) => el.quote.total)).toBe(expected.quote.total);
  // The panel, its worker and the usage .wasm came from the file: nothing but data: and blob: URLs.
  expect(requests.filter((u) => !/^(data|blob):/.test(u) && u !== url)).toEqual([]);
});
