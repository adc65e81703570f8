// Browser tests of <audioconf-pricing> and its page, in Debian's Chromium.
//
// Every test also checks that the page raised no error and broke no Content-Security-Policy rule.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import { ARTIFACTS, WCAG, calculator, cliQuote, open, shootWholePage, total, watchForProblems } from "./helpers.mjs";

/** Waits for the next quote-change after `action` and returns its detail. */
async function nextQuote(page, action, match = {}) {
  // The first quote-change after `action` whose request has the fields of `match`: an earlier edit's
  // quote may still be on its way when the action happens.
  await calculator(page).evaluate((el, match) => {
    window.__nextQuote = new Promise((resolve) => {
      const listener = (e) => {
        if (Object.entries(match).every(([k, v]) => e.detail.request[k] === v)) {
          el.removeEventListener("quote-change", listener);
          resolve(e.detail);
        }
      };
      el.addEventListener("quote-change", listener);
    });
  }, match);
  await action();
  return page.evaluate(() => window.__nextQuote);
}

/** The focused element, looking inside shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return {
      tag: a?.tagName.toLowerCase(),
      id: a?.id,
      type: a?.getAttribute("type"),
      key: a?.dataset?.key,
      label: a?.getAttribute("aria-label"),
      text: a?.textContent?.trim(),
      value: a?.value,
      focusVisible: a?.matches(":focus-visible"),
    };
  });
}

/** Presses Tab until the focused element matches, failing after `max` presses. */
async function tabTo(page, match, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (match(f)) return f;
  }
  throw new Error("the control was not reached with Tab");
}

watchForProblems();

test("the page shows a full quote for the default request on load", async ({ page }) => {
  await open(page);
  await expect(total(page)).toHaveText(/^\$\d[\d,]*\.\d{2}$/);
  const request = await calculator(page).evaluate((el) => el.request);
  expect(request.lines.map((l) => l.country)).toEqual(expect.arrayContaining(["US", "GB", "DE"]));
  const quote = await calculator(page).evaluate((el) => el.quote);
  expect(quote.total).toBe(cliQuote(request).total);
  await expect(page.getByRole("heading", { name: "Breakdown by country and kind" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Cost by country and kind/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Monthly cost against minutes per user/ })).toBeVisible();
});

test("three countries with a call mix and meetings match the CLI", async ({ page }) => {
  await open(page);
  for (const name of ["United States", "United Kingdom", "Germany"]) {
    await page.getByRole("button", { name: `Remove ${name}` }).click();
  }
  await expect(page.getByText("No countries yet")).toBeVisible();
  const search = page.getByRole("combobox", { name: "Add a country or region" });
  // By name (first match is highlighted), by ISO code, and by clicking an option.
  await search.fill("fra");
  await expect(page.getByRole("option", { name: /^France/ })).toHaveAttribute("aria-selected", "true");
  await search.press("Enter");
  await search.fill("jp");
  await search.press("Enter");
  await search.fill("Brazil");
  await page.getByRole("option", { name: /^Brazil/ }).click();
  const chosen = page.getByRole("list", { name: "Chosen countries and regions" });
  await expect(chosen.getByRole("listitem").filter({ has: page.getByRole("button", { name: /^Remove/ }) })).toHaveCount(3);

  // Mix: type 30 % toll-free, then move toll down with the keyboard; the four always total 100.
  await page.getByRole("spinbutton", { name: "Toll-free dial-in, percent" }).fill("30");
  const toll = page.getByRole("slider", { name: "Toll dial-in" });
  await toll.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
  const mix = await page.getByRole("slider").evaluateAll((els) => els.map((e) => Number(e.value)));
  expect(mix.reduce((a, b) => a + b, 0)).toBe(100);

  // Volume as meetings: 120 meetings × 6 participants × 42.5 minutes.
  await page.getByRole("radio", { name: "Meetings" }).check();
  await page.getByLabel("Meetings per month").fill("120");
  await page.getByLabel("Phone participants per meeting").fill("6");
  await page.getByLabel("Average minutes per participant").fill("42.5");
  await expect(page.getByText("= 30,600 minutes in 720 calls a month")).toBeVisible();
  await page.getByLabel("Licensed users").fill("250");
  const detail = await nextQuote(page, () => page.getByLabel("Currency").selectOption("EUR"), { currency: "EUR", users: 250 });

  const request = await calculator(page).evaluate((el) => el.request);
  expect(request).toEqual(detail.request);
  expect(request.currency).toBe("EUR");
  expect(request.users).toBe(250);
  expect(new Set(request.lines.map((l) => l.country))).toEqual(new Set(["FR", "JP", "BR"]));
  expect(request.lines.every((l) => typeof l.minutes === "string" && l.calls >= 1)).toBe(true);
  const sum = request.lines.reduce((a, l) => a + Math.round(Number(l.minutes) * 100), 0);
  expect(sum).toBe(3_060_000); // the split adds up to the volume exactly (hundredths of a minute)

  const expected = cliQuote(request);
  const quote = await calculator(page).evaluate((el) => el.quote);
  expect(quote.total).toBe(expected.total);
  expect(quote.lines.map((l) => l.cost)).toEqual(expected.lines.map((l) => l.cost));
  expect(quote.comparison.licence_total).toBe(expected.comparison.licence_total);
  const shown = await page.evaluate(
    (t) => new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(t),
    expected.total,
  );
  await expect(total(page)).toHaveText(shown);
  await expect(page.locator("audioconf-pricing tfoot tr.grand")).toContainText(shown);
});

/** The element's shadow root text of `selector`, and whether it holds any lang="en" text (card text). */
function englishInside(page, selector) {
  return calculator(page).evaluate((el, sel) => [...el.shadowRoot.querySelectorAll(sel)].some((n) => n.querySelector("[lang=en]")), selector);
}

test("a kind that is not offered is shown as unavailable, with the reason", async ({ page }) => {
  await open(page);
  const search = page.getByRole("combobox", { name: "Add a country or region" });
  // In the picker: India has no Audio Conferencing, so it reads as a dial-out destination with the reason.
  await search.fill("India");
  const india = page.getByRole("option", { name: /^India/ });
  await expect(india).toContainText("Dial-out destination only");
  await expect(india).toContainText("Audio Conferencing is not sold in India, so there are no dial-in numbers there.");
  await expect(india).toContainText("Toll (not offered)");
  // The built-in card's English reason only restates the code: it is not shown.
  await expect(india).not.toContainText("Microsoft does not sell");
  expect(await englishInside(page, "#opt-IN")).toBe(false);
  await search.press("Escape");
  await search.fill("RU");
  await search.press("Enter");
  const card = page.getByRole("list", { name: "Chosen countries and regions" }).getByRole("listitem").filter({ hasText: "Russia" }).first();
  await expect(card).toContainText("Toll-free dial-in numbers are not available in Russia.");
  await expect(card).toContainText("No Communications Credits");
  // The mix warns, the breakdown shows the line as not offered, the summary counts the unpriced minutes.
  await expect(page.getByText("Not offered in Russia: these minutes are not priced.")).toBeVisible();
  const row = page.locator("audioconf-pricing tr.unavailable");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Toll-free dial-in");
  await expect(row).toContainText("Toll-free dial-in numbers are not available in Russia. (500 minutes not priced)");
  const quote = await calculator(page).evaluate((el) => el.quote);
  expect(quote.unavailable).toEqual([expect.objectContaining({ country: "RU", kind: "toll_free", minutes: "500", reason_code: "no_numbers" })]);
  expect(quote.unavailable_minutes).toBe("500");
  await expect(page.locator("audioconf-pricing [part=summary]")).toContainText("500 minutes are not priced");
  const notes = page.locator("audioconf-pricing [part=notes]");
  await expect(notes).toContainText("Toll-free dial-in numbers are not available in Russia. 500 minutes are not priced.");
  await expect(notes).not.toContainText("toll_free not priced");
  await expect(page.locator("audioconf-pricing [part=credits]")).toContainText("Russia: Communications Credits cannot be bought there");
  // With exact minutes, the cell for the kind not offered shows why instead of an input.
  await page.getByRole("radio", { name: "Exact minutes" }).check();
  await expect(page.getByRole("group", { name: /Russia/ })).toContainText("Toll-free dial-in numbers are not available in Russia.");
});

test("a dial-out destination reads as such: no credits tag, the not_sold reason", async ({ page }) => {
  await open(page);
  const info = await calculator(page).evaluate(async () => {
    // The package's own module: the element's bundle holds another instance, so this one starts itself.
    const m = await import("/audioconf_pricing.js");
    await m.default();
    return m.Calculator.withDefaultRates().countries().find((c) => c.code === "AQ");
  });
  expect(info.comm_credits).toBeNull();
  expect(info.unavailable.map((u) => u.reason_code)).toEqual(["not_sold", "not_sold"]);
  const search = page.getByRole("combobox", { name: "Add a country or region" });
  await search.fill("AQ");
  const option = page.getByRole("option", { name: /^Antarctica/ });
  await expect(option).toContainText("Dial-out destination only");
  await expect(option).toContainText("Audio Conferencing is not sold in Antarctica, so there are no dial-in numbers there.");
  await expect(option).not.toContainText("Communications Credits");
  await expect(option).not.toContainText("availability list");
  await search.press("Enter");
  const card = page.getByRole("list", { name: "Chosen countries and regions" }).getByRole("listitem").filter({ hasText: "Antarctica" }).first();
  await expect(card).toContainText("Dial-out destination only");
  await expect(card).toContainText("Audio Conferencing is not sold in Antarctica");
  await expect(card).not.toContainText("Communications Credits");
  // Its dial-in minutes (toll and toll-free from the mix) are unpriced with the reason, per kind.
  const rows = page.locator("audioconf-pricing tr.unavailable").filter({ hasText: "Antarctica" });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Audio Conferencing is not sold in Antarctica, so there are no toll dial-in numbers there.");
  await expect(rows.nth(1)).toContainText("Audio Conferencing is not sold in Antarctica, so there are no toll-free dial-in numbers there.");
  // Each note names its kind, from the note's own kind field.
  const quote = await calculator(page).evaluate((el) => el.quote);
  const notes = page.locator("audioconf-pricing [part=notes]");
  for (const u of quote.unavailable) {
    const minutes = await page.evaluate((m) => new Intl.NumberFormat("en-US").format(m), u.minutes);
    const kind = u.kind === "toll" ? "toll" : "toll-free";
    await expect(notes).toContainText(`so there are no ${kind} dial-in numbers there. ${minutes} minutes are not priced.`);
  }
  expect(quote.unavailable.filter((u) => u.country === "AQ").map((u) => u.reason_code)).toEqual(["not_sold", "not_sold"]);
});

test("in Russian the reasons are Russian text, not the card's English", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  await open(page);
  const search = page.locator("audioconf-pricing #country-search");
  await search.fill("Индия");
  const india = page.getByRole("option", { name: /^Индия/ });
  await expect(india).toContainText("Только для исходящих звонков");
  await expect(india).toContainText("Индия: аудиоконференции в этой стране не продаются, поэтому номеров для входящих звонков нет.");
  await expect(india).not.toContainText("Microsoft does not sell");
  await search.press("Escape");
  await search.fill("RU");
  await search.press("Enter");
  const reason = "Россия: входящие на бесплатный номер недоступны — таких номеров в этой стране нет.";
  const card = page.getByRole("list", { name: "Выбранные страны и регионы" }).getByRole("listitem").filter({ hasText: "Россия" }).first();
  await expect(card).toContainText(reason);
  const row = page.locator("audioconf-pricing tr.unavailable");
  await expect(row).toContainText(reason);
  await expect(row).toContainText("(500 минут не учтено)");
  await expect(row).not.toContainText("not available");
  expect(await englishInside(page, "tr.unavailable")).toBe(false);
  await expect(page.locator("audioconf-pricing [part=summary]")).toContainText("500 минут не учтено");
  const notes = page.locator("audioconf-pricing [part=notes]");
  await expect(notes).toContainText(`${reason} 500 минут не учтено.`);
  await expect(notes).not.toContainText("not priced");
  await context.close();
});

test("a custom card's own reason is shown in English beside the translation; copied ones are not", async ({ page }) => {
  const card = JSON.parse(fs.readFileSync("dist/rate-card.json", "utf8"));
  const own = "Toll-free numbers in Russia were withdrawn by the carrier in 2022";
  const countries = card.countries.map((c) => (c.code === "RU" ? { ...c, unavailable: { toll_free: own } } : c));
  await page.route("**/own-reasons.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...card, version: "2027.02-own", countries }) }),
  );
  await page.goto("/");
  await calculator(page).evaluate((el) => el.setAttribute("rates-src", "own-reasons.json"));
  await expect(page.locator("audioconf-pricing [part=toolbar]")).toContainText("Rate card 2027.02-own");
  const search = page.getByRole("combobox", { name: "Add a country or region" });
  await search.fill("RU");
  await search.press("Enter");
  const row = page.locator("audioconf-pricing tr.unavailable");
  await expect(row).toContainText(`Toll-free dial-in numbers are not available in Russia. The rate card says: ${own}`);
  await expect(row.locator("[lang=en]")).toHaveText(own);
  // India's reason is the built-in card's text: still only the translated sentence.
  await search.fill("India");
  await expect(page.getByRole("option", { name: /^India/ })).not.toContainText("Microsoft does not sell");
  await search.press("Escape");
  // In Russian the sentence is Russian, the card's own text stays English and is marked so.
  await page.getByLabel(/^Language/).selectOption("ru");
  await expect(row).toContainText("Россия: входящие на бесплатный номер недоступны — таких номеров в этой стране нет. В тарифной сетке сказано:");
  await expect(row.locator("[lang=en]")).toHaveText(own);
});

test("the would-expire amount, subtotals and the licence comparison come from the quote", async ({ page }) => {
  await open(page);
  const request = {
    currency: "EUR",
    users: 100,
    skip_unavailable: true,
    lines: [
      { country: "DE", kind: "toll", minutes: "60", calls: 7 },
      { country: "DE", kind: "dial_out_mobile", minutes: "10.5" },
      { country: "US", kind: "toll", minutes: "15" },
      { country: "RU", kind: "toll_free", minutes: "12.5" },
    ],
  };
  const detail = await nextQuote(page, () => calculator(page).evaluate((el, req) => (el.request = req), request));
  const quote = detail.quote;
  const eur = (v) => page.evaluate((x) => new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x), v);
  // Credits: the warning's own amount.
  const expire = quote.credits.warnings.find((w) => w.code === "credits_would_expire");
  expect(expire.amount).toMatch(/^\d+\.\d{2}$/);
  await expect(page.locator("audioconf-pricing [part=credits]")).toContainText(`At this spend, about ${await eur(expire.amount)} of the first funding would expire unused after 12 months.`);
  // Subtotals: billable minutes per country and per kind as the core gives them.
  const de = quote.by_country.find((b) => b.key === "DE");
  const germany = page.locator("audioconf-pricing tr.subtotal").filter({ hasText: "Subtotal, Germany" });
  await expect(germany.locator(".c-min")).toHaveText(await page.evaluate((v) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 20 }).format(v), de.billable_minutes));
  for (const k of quote.by_kind) {
    const shown = await page.evaluate((v) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 20 }).format(v), k.billable_minutes);
    await expect(page.locator("audioconf-pricing tfoot tr.kind-row").filter({ hasText: k.key === "toll" ? "All countries: Toll dial-in" : "All countries: Dial-out to mobiles" }).locator(".c-min")).toHaveText(shown);
  }
  // Unpriced minutes: the quote's total of them.
  expect(quote.unavailable_minutes).toBe("12.5");
  await expect(page.locator("audioconf-pricing [part=summary]")).toContainText("12.5 minutes are not priced");
  // Comparison: licences × the per-user price, and where this usage sits.
  const c = quote.comparison;
  await expect(page.locator("audioconf-pricing [part=comparison]")).toContainText(`100 licences × ${await eur(c.licence_price_per_user)} = ${await eur(c.licence_cost)}`);
  await expect(page.locator("audioconf-pricing [part=comparison]")).toContainText(`You are at ${c.minutes_per_user} minutes per user`);
  const expected = cliQuote(request);
  expect(expire.amount).toBe(expected.credits.warnings.find((w) => w.code === "credits_would_expire").amount);
  expect(c.licence_price_per_user).toBe(expected.comparison.licence_price_per_user);
});

test("switching to Russian translates the page and formats money the Russian way", async ({ page }) => {
  await open(page);
  const before = await calculator(page).evaluate((el) => el.quote.total);
  await page.getByLabel(/^Language/).selectOption("ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Калькулятор поминутной оплаты аудиоконференций");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.locator("audioconf-pricing #total-label")).toHaveText("Ориентировочно в месяц");
  const expected = await page.evaluate(
    (t) => new Intl.NumberFormat("ru", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(t),
    before,
  );
  await expect(total(page)).toHaveText(expected);
  // Russian: space (no-break) between thousands, a decimal comma, the symbol after the amount.
  expect(expected).toMatch(/^\d{1,3}(\u00a0\d{3})*,\d{2}\u00a0\$$/);
  await expect(page.getByRole("rowheader", { name: "Германия", exact: true }).first()).toBeVisible();
  // Typed numbers follow the locale: a decimal comma is read as such.
  await page.getByRole("radio", { name: "Собрания" }).check();
  await page.getByLabel("Минут на участника в среднем").fill("12,5");
  await expect(page.getByText(/= 12\u00a0500 мин\. за 1\u00a0000 звонков в месяц/)).toBeVisible();
  // And a point is not: the error shows the value written the Russian way.
  await page.getByLabel("Минут на участника в среднем").fill("12.5");
  await expect(page.getByText("Десятичные отделяйте запятой: 12,5.")).toBeVisible();
  // And back.
  await page.getByLabel(/^Язык/).selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audio Conferencing pay-per-minute calculator");
});

test("the page follows the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  await open(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru-RU");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Калькулятор поминутной оплаты аудиоконференций");
  await expect(total(page)).toHaveText(/,\d{2}\u00a0\$$/);
  await context.close();
});

test("keyboard only: add a country, change the mix and volume, sort, switch language", async ({ page }) => {
  await open(page);
  const start = await total(page).textContent();
  let f = await tabTo(page, (x) => x.id === "country-search");
  expect(f.focusVisible).toBe(true);
  await page.keyboard.type("Jap");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Remove Japan" })).toBeVisible();
  expect((await focused(page)).id).toBe("country-search");
  // Remove the United States with its button (Tab moves through the chosen countries).
  f = await tabTo(page, (x) => x.label === "Remove United States");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Remove United States" })).toHaveCount(0);
  // Split by share: arrow keys move between the radio buttons.
  f = await tabTo(page, (x) => x.type === "radio" && x.key === "split-equal");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "By share" })).toBeChecked();
  // Mix: the toll slider up by 10 with Page Up.
  f = await tabTo(page, (x) => x.key === "mix-toll");
  await page.keyboard.press("PageUp");
  await expect(page.getByRole("slider", { name: "Toll dial-in" })).toHaveValue("70");
  await expect(page.getByRole("slider", { name: "Toll dial-in" })).toHaveAttribute("aria-valuetext", "70%");
  const mix = await page.getByRole("slider").evaluateAll((els) => els.filter((e) => e.id.startsWith("mix-")).map((e) => Number(e.value)));
  expect(mix.reduce((a, b) => a + b, 0)).toBe(100);
  // The live region says how the other shares moved, with the new total.
  await expect(page.locator("audioconf-pricing [aria-live=polite]").first()).toHaveText(/^Call mix: Toll dial-in 70%, .*Monthly total \$/);
  // Volume.
  f = await tabTo(page, (x) => x.id === "f-minutes");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("25000");
  await expect(total(page)).not.toHaveText(start);
  // Sort the breakdown by cost.
  f = await tabTo(page, (x) => x.key === "sort-cost");
  await page.keyboard.press("Enter");
  await expect(page.locator("audioconf-pricing th[aria-sort]")).toHaveAttribute("aria-sort", "descending");
  expect((await focused(page)).key).toBe("sort-cost");
  // Language, from the end of the form back up (Shift+Tab).
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Shift+Tab");
    if ((await focused(page)).id === "language") break;
  }
  expect((await focused(page)).id).toBe("language");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  expect((await focused(page)).id).toBe("language");
  // The total is announced through a polite live region.
  const live = page.locator("audioconf-pricing [aria-live=polite]").first();
  await expect(live).toHaveText(/Итого в месяц \d/);
});

test("setting request programmatically fires quote-change", async ({ page }) => {
  await open(page);
  const request = {
    currency: "GBP",
    users: 40,
    skip_unavailable: true,
    lines: [
      { country: "DE", kind: "toll", minutes: "1200", calls: 40 },
      { country: "JP", kind: "dial_out_mobile", minutes: "300.5" },
      { country: "RU", kind: "toll_free", minutes: "60" },
    ],
  };
  const detail = await page.evaluate(async (req) => {
    const el = document.querySelector("audioconf-pricing");
    const seen = new Promise((resolve) => document.addEventListener("quote-change", (e) => resolve({ detail: e.detail, composed: e.composed, bubbles: e.bubbles }), { once: true }));
    el.request = req;
    return seen;
  }, request);
  expect(detail.bubbles).toBe(true);
  expect(detail.composed).toBe(true);
  expect(detail.detail.request).toEqual(request);
  const expected = cliQuote(request);
  expect(detail.detail.quote.total).toBe(expected.total);
  expect(await calculator(page).evaluate((el) => el.request)).toEqual(request);
  expect(await calculator(page).evaluate((el) => el.quote.total)).toBe(expected.total);
  // The form shows the request as exact minutes per country and kind.
  await expect(page.getByRole("radio", { name: "Exact minutes" })).toBeChecked();
  await expect(page.getByLabel("Germany, Toll dial-in: Minutes")).toHaveValue("1200");
  await expect(page.getByLabel("Germany, Toll dial-in: Calls")).toHaveValue("40");
  await expect(page.getByLabel("Currency")).toHaveValue("GBP");
  await expect(calculator(page)).toHaveAttribute("currency", "GBP");
  // quote is read-only.
  expect(await calculator(page).evaluate((el) => { try { el.quote = null; } catch { /* strict */ } return el.quote !== null; })).toBe(true);
});

/** Lines of 100 minutes for every kind of call in each of the built-in card's first `n` countries that offer all four. */
async function everyKindIn(page, n) {
  const countries = await calculator(page).evaluate(async (el, n) => {
    const m = await import("/audioconf_pricing.js");
    await m.default();
    return m.Calculator.withDefaultRates().countries().filter((c) => c.offered.length === 4).slice(0, n).map((c) => c.code);
  }, n);
  return countries.flatMap((country) => ["toll", "toll_free", "dial_out_landline", "dial_out_mobile"].map((kind) => ({ country, kind, minutes: "100" })));
}

test("a large request collapses beyond a screenful, and every line is a click away", async ({ page }) => {
  await open(page);
  const lines = await everyKindIn(page, 15);
  const detail = await nextQuote(page, () => calculator(page).evaluate((el, lines) => (el.request = { lines }), lines));
  expect(detail.quote.lines).toHaveLength(60);
  // The breakdown: whole countries up to 40 lines, the totals always.
  const rows = page.locator("audioconf-pricing table.breakdown tbody:not(.more) tr:not(.subtotal)");
  await expect(rows).toHaveCount(40);
  await expect(page.locator("audioconf-pricing tfoot tr.grand")).toContainText(await page.evaluate((t) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(t), detail.quote.total));
  const more = page.getByRole("button", { name: "Show all 60 lines" });
  await more.click();
  await expect(rows).toHaveCount(60);
  await expect(page.getByRole("button", { name: "Show fewer lines" })).toHaveAttribute("aria-expanded", "true");
  // The chosen countries: the first 12, then a button for all 15.
  const chosen = page.getByRole("list", { name: "Chosen countries and regions" }).getByRole("button", { name: /^Remove/ });
  await expect(chosen).toHaveCount(12);
  await page.getByRole("button", { name: "Show all 15 countries and regions" }).click();
  await expect(chosen).toHaveCount(15);
  // The cost chart: 11 countries and one bar for the other 4.
  await expect(page.locator("audioconf-pricing [part=chart] svg.chart")).toContainText("4 other countries and regions");
});

test("sections far off screen are drawn once they come near, and all of them in print", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page);
  const lines = await everyKindIn(page, 10);
  await nextQuote(page, () => calculator(page).evaluate((el, lines) => (el.request = { lines }), lines));
  // Drawn: what is in a section is laid out and painted (content-visibility: auto leaves it out far away).
  const drawn = (part) => page.locator(`audioconf-pricing [part=${part}]`).evaluate((s) => s.firstElementChild.checkVisibility({ contentVisibilityAuto: true }));
  const notes = page.locator("audioconf-pricing [part=notes]");
  expect(await notes.evaluate((s) => s.getBoundingClientRect().top - innerHeight)).toBeGreaterThan(2000);
  expect(await drawn("notes"), "the notes, 2,000 px below the window").toBe(false);
  expect(await drawn("summary"), "the summary, on screen").toBe(true);
  // Printed, every result section the quote prints is drawn, wherever the window is.
  await page.emulateMedia({ media: "print" });
  for (const part of ["breakdown", "comparison", "credits", "notes"]) await expect.poll(() => drawn(part), part).toBe(true);
  await page.emulateMedia({ media: "screen" });
  await expect.poll(() => drawn("notes")).toBe(false);
  // Scrolled to, they are there, with their text.
  await notes.evaluate((s) => s.scrollIntoView());
  await expect.poll(() => drawn("notes")).toBe(true);
  await expect(notes.getByText("Prices exclude taxes.")).toBeVisible();
});

test("invalid input keeps the last quote and says what to fix", async ({ page }) => {
  await open(page);
  const before = await total(page).textContent();
  const minutes = page.getByLabel("Minutes per month");
  await minutes.fill("12x");
  await expect(minutes).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter digits only, such as 1200.")).toBeVisible();
  await expect(page.getByText("Showing the last valid estimate")).toBeVisible();
  await expect(total(page)).toHaveText(before);
  // A comma is not a decimal mark in English: 12,5 is an error, not 125 minutes.
  await minutes.fill("12,5");
  await expect(page.getByText("Use a point for decimals: 12.5.")).toBeVisible();
  await expect(total(page)).toHaveText(before);
  await minutes.fill("1,2,3");
  await expect(page.getByText("Write thousands with a comma and three digits")).toBeVisible();
  await minutes.fill("1.234");
  await expect(page.getByText("Use at most 2 decimal places.")).toBeVisible();
  await minutes.fill("20000");
  await expect(minutes).not.toHaveAttribute("aria-invalid", "true");
  await expect(total(page)).not.toHaveText(before);
});

test("a rate card that fails to load or validate shows a clear message and keeps the inputs", async ({ page }) => {
  const card = JSON.parse(fs.readFileSync("dist/rate-card.json", "utf8"));
  await page.route("**/custom-card.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...card, version: "2027.01-test", illustrative: false }) }),
  );
  await page.route("**/broken-card.json", (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ ...card, currency: "", countries: [{ code: "ZZ" }] }) }),
  );
  await open(page);
  await page.getByLabel("Minutes per month").fill("12345");
  await page.getByLabel("Licensed users").fill("77");
  await expect(total(page)).toHaveText(/\$/);

  // Missing file.
  await calculator(page).evaluate((el) => el.setAttribute("rates-src", "no-such-card.json"));
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The rate card could not be loaded.");
  await expect(alert).toContainText("no-such-card.json");
  await expect(alert).toContainText("Prices below still use the previous rate card (2026.11-illustrative)");
  await expect(page.getByLabel("Minutes per month")).toHaveValue("12345");

  // Invalid card.
  await calculator(page).evaluate((el) => el.setAttribute("rates-src", "broken-card.json"));
  await expect(alert).toContainText("The rate card has errors and cannot be used.");
  await expect(alert.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByLabel("Licensed users")).toHaveValue("77");

  // A valid custom card replaces the built-in one; the typed values stay.
  await calculator(page).evaluate((el) => el.setAttribute("rates-src", "custom-card.json"));
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.locator("audioconf-pricing [part=toolbar]")).toContainText("Rate card 2027.01-test");
  await expect(page.locator("audioconf-pricing [part=notes]")).not.toContainText("illustrative, not Microsoft's prices");
  expect(await calculator(page).evaluate((el) => el.request.users)).toBe(77);
  expect(await calculator(page).evaluate((el) => el.quote.minutes)).toBe("12345");
});

test("a broken rate-card URL on first load offers a retry and the built-in rates", async ({ page }) => {
  await page.route("**/embed-broken.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embed</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'">
<script type="module" src="/audioconf-pricing.js"></script></head>
<body><main><audioconf-pricing rates-src="/missing.json" locale="en"></audioconf-pricing></main></body></html>`,
    }),
  );
  await page.goto("/embed-broken.html");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The rate card could not be loaded.");
  await expect(alert).toContainText("Your inputs are kept");
  await expect(total(page)).toHaveText("—");
  await alert.getByRole("button", { name: "Use built-in illustrative rates" }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(total(page)).toHaveText(/^\$\d/);
});

test("one script tag and one element are all an embedder needs", async ({ page }) => {
  await page.route("**/embed.html", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embed</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'">
<script type="module" src="/audioconf-pricing.js"></script></head>
<body><main><h1>Embed</h1><audioconf-pricing locale="en-GB" currency="GBP"></audioconf-pricing></main></body></html>`,
    }),
  );
  await open(page, "/embed.html");
  await expect(total(page)).toHaveText(/^£\d[\d,]*\.\d{2}$/);
  expect(await calculator(page).evaluate((el) => el.quote.currency)).toBe("GBP");
  // Styles stay inside the shadow root: the page's own body is unstyled.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toContain("system-ui");
});

test("nothing overflows horizontally at 320 px", async ({ browser }) => {
  for (const locale of ["en-US", "ru-RU"]) {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale });
    const page = await context.newPage();
    await open(page);
    // With translated reasons and tags: a kind with no numbers and a dial-out destination.
    for (const code of ["RU", "AQ"]) {
      await page.locator("audioconf-pricing #country-search").fill(code);
      await page.locator("audioconf-pricing #country-search").press("Enter");
    }
    for (const mode of ["split-custom", "split-exact"]) {
      await page.locator(`audioconf-pricing [data-key=${mode}]`).check();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${locale} ${mode}`).toBeLessThanOrEqual(0);
    }
    await context.close();
  }
});

test("axe finds no WCAG 2.1 AA violations", async ({ browser }) => {
  test.setTimeout(240_000); // seven analyses of the whole page in three contexts: 1.2 minutes on a loaded 2-core machine
  for (const [colorScheme, locale] of [["light", "en-US"], ["dark", "en-US"], ["light", "ru-RU"]]) {
    const context = await browser.newContext({ colorScheme, locale });
    const page = await context.newPage();
    await open(page);
    let results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations, `${colorScheme} ${locale}`).toEqual([]);
    if (colorScheme === "light" && locale === "en-US") {
      // With the picker open, an unavailable kind, shares by country and exact minutes, an error.
      const search = page.getByRole("combobox", { name: "Add a country or region" });
      await search.fill("RU");
      await search.press("Enter");
      await search.fill("in");
      results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations, "picker open").toEqual([]);
      await search.press("Escape");
      await page.getByRole("radio", { name: "By share" }).check();
      await page.getByLabel("Licensed users").fill("0");
      results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations, "by share, invalid users").toEqual([]);
      await page.getByRole("radio", { name: "Exact minutes" }).check();
      results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations, "exact minutes").toEqual([]);
    }
    if (locale === "ru-RU") {
      // Translated reasons: a kind with no numbers and a dial-out destination.
      const search = page.locator("audioconf-pricing #country-search");
      for (const code of ["RU", "AQ"]) {
        await search.fill(code);
        await search.press("Enter");
      }
      await expect(page.locator("audioconf-pricing tr.unavailable")).toHaveCount(3);
      results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations, "ru reasons").toEqual([]);
    }
    await context.close();
  }
});

test("screenshots at 360 px and 1280 px, light and dark, English and Russian", async ({ browser }, testInfo) => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [360, 1280]) {
    for (const colorScheme of ["light", "dark"]) {
      for (const locale of ["en-US", "ru-RU"]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, locale });
        const page = await context.newPage();
        await open(page);
        // A kind with no numbers (Russia) and a dial-out destination (Antarctica).
        for (const code of ["RU", "AQ"]) {
          await page.locator("audioconf-pricing #country-search").fill(code);
          await page.locator("audioconf-pricing #country-search").press("Enter");
        }
        await page.waitForTimeout(300);
        const file = path.join(ARTIFACTS, `calculator-${width}-${colorScheme}-${locale.slice(0, 2)}.png`);
        await shootWholePage(page, file);
        await testInfo.attach(path.basename(file), { path: file, contentType: "image/png" });
        // Nothing may overflow the viewport horizontally.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${width} ${colorScheme} ${locale}`).toBeLessThanOrEqual(0);
        await context.close();
      }
    }
  }
});
