// Browser tests of the toolbar's Scenarios and Saved quotes (www/scenarios.js, www/saved-quotes.js), in
// Debian's Chromium: exact differences against the CLI's quotes, what survives a reload, storage that is
// blocked, full or damaged, hostile names, keyboard, axe, and the first load that does not carry them.
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import Decimal from "decimal.js";
import fs from "node:fs";
import path from "node:path";
import { ARTIFACTS, WCAG, calculator, cliQuote, open, total, watchForProblems, whenReady } from "./helpers.mjs";

watchForProblems();

const SCENARIOS_KEY = "audioconf-pricing:scenarios:v1";
const SAVED_KEY = "audioconf-pricing:saved-quotes:v1";

const dialog = (page, name) => page.getByRole("dialog", { name });

/** Sets the element's request and waits for its quote; returns the request as the element priced it. */
async function setRequest(page, request) {
  return calculator(page).evaluate(async (el, r) => {
    el.request = r;
    await el.updateComplete;
    return el.request;
  }, request);
}

async function openScenarios(page) {
  await page.getByRole("button", { name: "Scenarios" }).click();
  await expect(dialog(page, "Scenarios")).toBeVisible();
}

async function addScenario(page) {
  await openScenarios(page);
  const before = await page.locator("audioconf-pricing li.scenario").count();
  await page.getByRole("button", { name: "Add the current inputs as a scenario" }).click();
  await expect(page.locator("audioconf-pricing li.scenario")).toHaveCount(before + 1);
  await page.getByRole("button", { name: "Close" }).click();
  await expect(dialog(page, "Scenarios")).toBeHidden();
}

/**
 * Formats in the page, as the element does, [kind, value, currency] in English: "total" an amount with 2
 * decimals, "money" a change of money (signed), "minutes" a change of minutes (signed).
 */
function formats(page, items) {
  return page.evaluate((items) => {
    const money = (currency, signDisplay) =>
      new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay });
    return items.map(([kind, value, currency]) =>
      kind === "minutes"
        ? new Intl.NumberFormat("en-US", { maximumFractionDigits: 20, signDisplay: "exceptZero" }).format(value)
        : money(currency, kind === "money" ? "exceptZero" : "auto").format(value),
    );
  }, items);
}

/** The CLI's costs and minutes by "country|kind" (decimal.js, independent of the page's arithmetic). */
function byCountryKind(request, quote) {
  const out = new Map();
  for (const line of quote.lines) {
    const key = `${line.country}|${line.kind}`;
    const prev = out.get(key) ?? { minutes: new Decimal(0), cost: new Decimal(0) };
    out.set(key, { minutes: prev.minutes.plus(line.minutes), cost: prev.cost.plus(line.cost) });
  }
  return out;
}

const NAMES = { DE: "Germany", US: "United States", JP: "Japan", FR: "France" };
const KINDS = { toll: "Toll dial-in", toll_free: "Toll-free dial-in", dial_out_mobile: "Dial-out to mobiles" };

const TODAY = {
  currency: "EUR",
  lines: [
    { country: "DE", kind: "toll", minutes: "1200" },
    { country: "US", kind: "toll_free", minutes: "800" },
    { country: "JP", kind: "dial_out_mobile", minutes: "300.5", calls: 25 },
  ],
};
const GROWTH = {
  currency: "EUR",
  users: 50,
  lines: [
    { country: "DE", kind: "toll", minutes: "1500" },
    { country: "US", kind: "toll_free", minutes: "800" },
    { country: "JP", kind: "dial_out_mobile", minutes: "150.25", calls: 25 },
    { country: "FR", kind: "toll", minutes: "100.5" },
  ],
};
const IN_USD = { ...TODAY, currency: "USD", lines: TODAY.lines.map((l) => (l.country === "US" ? { ...l, minutes: "1000" } : l)) };

test("three scenarios: totals and every difference exact, another currency not subtracted, all kept over a reload", async ({ page }) => {
  await open(page);
  const requests = [];
  for (const r of [TODAY, GROWTH, IN_USD]) {
    requests.push(await setRequest(page, r));
    await addScenario(page);
  }
  const quotes = requests.map((r) => cliQuote(r));
  await openScenarios(page);
  // Name the first two as a representative would.
  await page.getByLabel("Name of scenario 1").fill("Today");
  // Typed key by key, as a person does: the space is kept.
  await page.getByLabel("Name of scenario 2").fill("");
  await page.getByLabel("Name of scenario 2").pressSequentially("Growth plan");

  const check = async () => {
    const cards = page.locator("audioconf-pricing li.scenario");
    await expect(cards).toHaveCount(3);
    const totals = await formats(page, [
      ["total", quotes[0].total, "EUR"],
      ["total", quotes[1].total, "EUR"],
      ["total", quotes[2].total, "USD"],
    ]);
    for (let i = 0; i < 3; i++) await expect(cards.nth(i).locator("[data-key=scenario-total]")).toHaveText(totals[i]);
    await expect(cards.nth(0)).toContainText("The other scenarios are compared with this one.");

    // Growth against Today: the total and each country and kind that moved, largest change of money first.
    const diff = new Decimal(quotes[1].total).minus(quotes[0].total).toFixed(2);
    const [diffText] = await formats(page, [["money", diff, "EUR"]]);
    await expect(cards.nth(1).locator("[data-key=scenario-diff]")).toHaveText(`${diffText} a month against “Today”`);
    const a = byCountryKind(requests[0], quotes[0]);
    const b = byCountryKind(requests[1], quotes[1]);
    const moved = [...new Set([...a.keys(), ...b.keys()])]
      .map((key) => {
        const from = a.get(key) ?? { minutes: new Decimal(0), cost: new Decimal(0) };
        const to = b.get(key) ?? { minutes: new Decimal(0), cost: new Decimal(0) };
        return { key, minutes: to.minutes.minus(from.minutes), cost: to.cost.minus(from.cost) };
      })
      .filter((m) => !m.minutes.isZero() || !m.cost.isZero())
      .sort((x, y) => y.cost.abs().comparedTo(x.cost.abs()));
    expect(moved.map((m) => m.key)).toEqual(["JP|dial_out_mobile", "DE|toll", "FR|toll"]);
    const expected = [];
    for (const m of moved) {
      const [country, kind] = m.key.split("|");
      const [minutes, cost] = await formats(page, [
        ["minutes", m.minutes.toFixed()],
        ["money", m.cost.toFixed(2), "EUR"],
      ]);
      expected.push(`${NAMES[country]}, ${KINDS[kind]}: ${minutes} minutes, ${cost}`);
    }
    expected.push("Licensed users: — → 50");
    await expect(cards.nth(1).getByRole("list", { name: "What changed against “Today”" }).getByRole("listitem")).toHaveText(expected);
    // The numbers of this crafted case, written out: minutes exactly, money from the CLI's rounded lines.
    expect(expected[0]).toMatch(/^Japan, Dial-out to mobiles: -150\.25 minutes, -€/);
    expect(expected[1]).toMatch(/^Germany, Toll dial-in: \+300 minutes, \+€/);
    expect(expected[2]).toMatch(/^France, Toll dial-in: \+100\.5 minutes, \+€/);

    // In USD against EUR: no money subtracted, the minutes still explained.
    await expect(cards.nth(2).locator("[data-key=scenario-diff]")).toHaveCount(0);
    await expect(cards.nth(2)).toContainText("This scenario is in USD and “Today” is in EUR: the difference in money cannot be computed across currencies.");
    await expect(cards.nth(2).getByRole("list", { name: "What changed against “Today”" }).getByRole("listitem")).toHaveText([
      "United States, Toll-free dial-in: +200 minutes",
    ]);
  };
  await check();
  await expect(page.getByRole("button", { name: "Add the current inputs as a scenario" })).toBeDisabled();
  await expect(dialog(page, "Scenarios")).toContainText("There are 3 scenarios already: remove one to add another.");

  // A reload keeps the three, their names and their prices.
  await page.reload();
  await whenReady(calculator(page));
  await openScenarios(page);
  await expect(page.getByLabel("Name of scenario 1")).toHaveValue("Today");
  await expect(page.getByLabel("Name of scenario 2")).toHaveValue("Growth plan");
  await check();

  // Open Growth plan back in the calculator: the same request, the same total.
  await page.getByRole("button", { name: "Open in the calculator: Growth plan" }).click();
  await expect(dialog(page, "Scenarios")).toBeHidden();
  const now = await calculator(page).evaluate((el) => ({ request: el.request, total: el.quote.total }));
  expect(now.request).toEqual(requests[1]);
  expect(now.total).toBe(quotes[1].total);
  await expect(page.getByRole("button", { name: "Scenarios" })).toBeFocused();
  await expect(page.locator("audioconf-pricing [role=status]").filter({ hasText: "“Growth plan” opened in the calculator." })).toHaveCount(1);

  // Remove the USD one: two left, also after a reload.
  await openScenarios(page);
  await page.getByRole("button", { name: "Remove: Scenario 3" }).click();
  await expect(page.locator("audioconf-pricing li.scenario")).toHaveCount(2);
  await page.reload();
  await whenReady(calculator(page));
  await openScenarios(page);
  await expect(page.locator("audioconf-pricing li.scenario")).toHaveCount(2);
});

test("the first load does not fetch the scenarios or saved quotes; the first click does", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await open(page);
  await expect(total(page)).not.toBeEmpty();
  const lazy = (p) => /\/(scenarios|saved-quotes)-[\w]+\.js$/.test(p);
  expect(fetched.filter(lazy)).toEqual([]);
  await openScenarios(page);
  expect(fetched.filter(lazy)).toEqual([expect.stringMatching(/\/scenarios-/)]);
});

test("scenarios are priced with the rate card the element uses, also after it changes", async ({ page }) => {
  const card = JSON.parse(fs.readFileSync("dist/rate-card.json", "utf8"));
  const dearer = { ...card, version: "2027.01-test", currencies: card.currencies.map((c) => (c.code === "EUR" ? { ...c, rate: "1.5" } : c)) };
  await page.route("**/dearer-card.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(dearer) }));
  await open(page);
  const request = await setRequest(page, TODAY);
  const builtIn = await calculator(page).evaluate((el) => el.quote.total);
  await addScenario(page);
  await calculator(page).evaluate(
    (el) =>
      new Promise((resolve) => {
        el.addEventListener("quote-change", (e) => e.detail.quote.rate_card.version === "2027.01-test" && resolve());
        el.setAttribute("rates-src", "dearer-card.json");
      }),
  );
  const dearerTotal = await calculator(page).evaluate((el, r) => {
    el.request = r;
    return el.quote.total;
  }, request);
  expect(dearerTotal).not.toBe(builtIn);
  await openScenarios(page);
  const [shown] = await formats(page, [["total", dearerTotal, "EUR"]]);
  await expect(page.locator("audioconf-pricing li.scenario [data-key=scenario-total]")).toHaveText(shown);
});

test("a feature whose code cannot be fetched says so, and the next click tries again", async ({ browser }) => {
  // Without the service worker, which would answer from its precache what the route refuses.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.route(/\/scenarios-\w+\.js$/, (route) => route.abort());
  await open(page);
  await page.getByRole("button", { name: "Scenarios" }).click();
  await expect(page.getByRole("alert")).toHaveText("This part of the calculator could not be loaded. Check the connection and try again.");
  await page.unroute(/\/scenarios-\w+\.js$/);
  await page.getByRole("button", { name: "Scenarios" }).click();
  await expect(dialog(page, "Scenarios")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await context.close();
});

test("saved quotes: save, list with date, card and total, rename, delete and undo, open; kept over a reload", async ({ page }) => {
  await open(page);
  const request = await setRequest(page, GROWTH);
  const quote = cliQuote(request);
  await page.getByRole("button", { name: "Saved quotes" }).click();
  const box = dialog(page, "Saved quotes");
  await expect(box).toBeVisible();
  await expect(box).toContainText("No saved quotes in this browser yet.");
  // An empty name is refused, with the reason.
  await page.getByLabel("Name of the quote").fill("  ");
  await page.getByRole("button", { name: "Save the current quote" }).click();
  await expect(page.getByLabel("Name of the quote")).toHaveAttribute("aria-invalid", "true");
  await expect(box).toContainText("Give the quote a name, such as the customer's.");
  await page.getByLabel("Name of the quote").fill("Contoso growth");
  await page.getByLabel("Name of the quote").press("Enter");
  await expect(box).toContainText("1 saved quote in this browser");
  const [money] = await formats(page, [["total", quote.total, "EUR"]]);
  const item = box.getByRole("listitem").filter({ hasText: "Contoso growth" });
  await expect(item).toContainText(money);
  await expect(item).toContainText(/Saved \w{3} \d+, \d{4}, \d+:\d\d [AP]M · rate card 2026\.11-illustrative/);

  // Rename (Enter saves), delete, undo.
  await page.getByRole("button", { name: "Rename: Contoso growth" }).click();
  await page.getByLabel("New name").fill("Contoso, 50 users");
  await page.getByLabel("New name").press("Enter");
  await expect(box.getByRole("listitem")).toHaveCount(1);
  await expect(box.getByRole("listitem")).toContainText("Contoso, 50 users");
  await expect(page.getByRole("button", { name: "Rename: Contoso, 50 users" })).toBeFocused();
  await page.getByRole("button", { name: "Delete: Contoso, 50 users" }).click();
  await expect(box).toContainText("0 saved quotes in this browser");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(box).toContainText("1 saved quote in this browser");

  // Reload with other inputs on screen; open the saved one: its request and total come back.
  await page.reload();
  await whenReady(calculator(page));
  await setRequest(page, TODAY);
  await page.getByRole("button", { name: "Saved quotes" }).click();
  await page.getByRole("button", { name: "Open: Contoso, 50 users" }).click();
  await expect(box).toBeHidden();
  const now = await calculator(page).evaluate((el) => ({ request: el.request, total: el.quote.total }));
  expect(now.request).toEqual(request);
  expect(now.total).toBe(quote.total);
  await expect(page.locator("audioconf-pricing [data-key=saved-notice]")).toHaveCount(0);
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), SAVED_KEY);
  expect(stored.format).toBe(1);
  expect(stored.items).toEqual([
    expect.objectContaining({ name: "Contoso, 50 users", cardVersion: "2026.11-illustrative", currency: "EUR", total: quote.total, request }),
  ]);
});

test("a saved quote keeps the element's details", async ({ page }) => {
  await open(page);
  await calculator(page).evaluate((el) => (el.details = { customer: "Northwind", preparedBy: "Ann" }));
  await page.getByRole("button", { name: "Saved quotes" }).click();
  await expect(page.getByLabel("Name of the quote")).toHaveValue("Northwind");
  await page.getByRole("button", { name: "Save the current quote" }).click();
  await expect(dialog(page, "Saved quotes").getByRole("listitem")).toContainText("Northwind");
  await calculator(page).evaluate((el) => (el.details = { customer: "Other", preparedBy: "Bob" }));
  await page.getByRole("button", { name: "Open: Northwind" }).click();
  expect(await calculator(page).evaluate((el) => el.details)).toEqual({ customer: "Northwind", preparedBy: "Ann" });
});

test("a quote saved with another rate card says the rates may have changed, with both totals", async ({ page }) => {
  await page.addInitScript(
    ([key, request]) => {
      if (localStorage.getItem(key)) return;
      const item = { id: "old-1", name: "Fabrikam", savedAt: "2025-03-04T09:30:00.000Z", cardVersion: "2025.01-old", currency: "EUR", minorUnits: 2, total: "12.34", request };
      localStorage.setItem(key, JSON.stringify({ format: 1, items: [item] }));
    },
    [SAVED_KEY, TODAY],
  );
  await open(page);
  await page.getByRole("button", { name: "Saved quotes" }).click();
  await expect(dialog(page, "Saved quotes").getByRole("listitem")).toContainText("Saved Mar 4, 2025");
  await page.getByRole("button", { name: "Open: Fabrikam" }).click();
  const q = await calculator(page).evaluate((el) => el.quote);
  const [then, now] = await formats(page, [
    ["total", "12.34", "EUR"],
    ["total", q.total, "EUR"],
  ]);
  const notice = page.locator("audioconf-pricing [data-key=saved-notice]");
  await expect(notice).toContainText(
    `“Fabrikam” was saved with rate card 2025.01-old; prices now use rate card 2026.11-illustrative, so the rates may have changed. Total when saved: ${then}; now: ${now}.`,
  );
  await notice.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
});

test("a hostile name is text: a saved quote's in the list and its buttons' names, a scenario's in its field", async ({ page }) => {
  const hostile = '<img src=x onerror="window.__pwned=1">';
  await open(page);
  await page.getByRole("button", { name: "Saved quotes" }).click();
  await page.getByLabel("Name of the quote").fill(hostile);
  await page.getByRole("button", { name: "Save the current quote" }).click();
  await page.reload();
  await whenReady(calculator(page));
  await page.getByRole("button", { name: "Saved quotes" }).click();
  await expect(page.locator("audioconf-pricing [data-key=saved-item-name]")).toHaveText(hostile);
  await expect(page.getByRole("button", { name: `Open: ${hostile}` })).toBeVisible();
  // A scenario named the same way.
  await page.getByRole("button", { name: "Close" }).click();
  await addScenario(page);
  await openScenarios(page);
  await page.getByLabel("Name of scenario 1").fill(hostile);
  await page.reload();
  await whenReady(calculator(page));
  await openScenarios(page);
  await expect(page.getByLabel("Name of scenario 1")).toHaveValue(hostile);
  await expect(page.getByRole("button", { name: `Remove: ${hostile}` })).toBeVisible();
  const inside = await calculator(page).evaluate((el) => el.shadowRoot.querySelectorAll("img").length);
  expect(inside).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});

test("storage denied: a clear message, nothing on the page lost, scenarios kept for the page's life", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  await open(page);
  await setRequest(page, GROWTH);
  const before = await calculator(page).evaluate((el) => ({ request: el.request, total: el.quote.total }));
  const shown = await total(page).textContent();
  await page.getByRole("button", { name: "Saved quotes" }).click();
  const box = dialog(page, "Saved quotes");
  await expect(box).toContainText("This browser does not let the page store data (for example, cookies and site data are blocked), so quotes cannot be saved here. The quote on the page is kept.");
  await expect(page.getByRole("button", { name: "Save the current quote" })).toBeDisabled();
  await page.getByRole("button", { name: "Close" }).click();
  await addScenario(page);
  await openScenarios(page);
  await expect(page.locator("audioconf-pricing li.scenario")).toHaveCount(1);
  await expect(dialog(page, "Scenarios")).toContainText("scenarios last only until this page closes");
  await page.getByRole("button", { name: "Close" }).click();
  expect(await calculator(page).evaluate((el) => ({ request: el.request, total: el.quote.total }))).toEqual(before);
  await expect(total(page)).toHaveText(shown);
});

test("storage full: a clear message, the typed name and the quote on the page kept, the list unchanged", async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await open(page);
  await page.getByRole("button", { name: "Saved quotes" }).click();
  await page.getByLabel("Name of the quote").fill("First");
  await page.getByRole("button", { name: "Save the current quote" }).click();
  await expect(dialog(page, "Saved quotes")).toContainText("1 saved quote in this browser");
  await page.evaluate(() => (window.__full = true));
  const before = await calculator(page).evaluate((el) => ({ request: el.request, total: el.quote.total }));
  await page.getByLabel("Name of the quote").fill("Second");
  await page.getByRole("button", { name: "Save the current quote" }).click();
  const box = dialog(page, "Saved quotes");
  await expect(box.locator("[data-key=saved-quotes-problem]")).toHaveText(
    "The browser's storage is full: nothing was saved or changed. Delete saved quotes you no longer need, then try again. The quote on the page is kept.",
  );
  await expect(page.getByLabel("Name of the quote")).toHaveValue("Second");
  await expect(box).toContainText("1 saved quote in this browser");
  // Renaming and deleting fail the same way and change nothing.
  await page.getByRole("button", { name: "Delete: First" }).click();
  await expect(box).toContainText("1 saved quote in this browser");
  await page.getByRole("button", { name: "Close" }).click();
  expect(await calculator(page).evaluate((el) => ({ request: el.request, total: el.quote.total }))).toEqual(before);
  // Storage with room again: saving works.
  await page.evaluate(() => (window.__full = false));
  await page.getByRole("button", { name: "Saved quotes" }).click();
  await page.getByLabel("Name of the quote").fill("Second");
  await page.getByRole("button", { name: "Save the current quote" }).click();
  await expect(box).toContainText("2 saved quotes in this browser");
  await expect(box.locator("[data-key=saved-quotes-problem]")).toHaveCount(0);
});

test("damaged and foreign stored data: a clear message, what can be read is listed, nothing is thrown away", async ({ page }) => {
  await page.addInitScript(
    ([saved, scenarios, request]) => {
      if (sessionStorage.getItem("seeded")) return;
      sessionStorage.setItem("seeded", "1");
      const good = { id: "g", name: "Readable", savedAt: "2026-11-20T10:00:00.000Z", cardVersion: "2026.11-illustrative", currency: "USD", total: "1.00", request };
      localStorage.setItem(saved, JSON.stringify({ format: 1, items: [good, { id: 7, name: ["?"] }, "junk"] }));
      localStorage.setItem(scenarios, "{not json");
    },
    [SAVED_KEY, SCENARIOS_KEY, TODAY],
  );
  await open(page);
  await page.getByRole("button", { name: "Saved quotes" }).click();
  const box = dialog(page, "Saved quotes");
  await expect(box).toContainText("2 stored entries could not be read (damaged, or from another version): they are kept, but not shown.");
  await expect(box.getByRole("listitem")).toHaveCount(1);
  await page.getByLabel("Name of the quote").fill("New one");
  await page.getByRole("button", { name: "Save the current quote" }).click();
  await expect(box.getByRole("listitem")).toHaveCount(2);
  const saved = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)).items, SAVED_KEY);
  expect(saved.slice(2)).toEqual([{ id: 7, name: ["?"] }, "junk"]);
  await page.getByRole("button", { name: "Close" }).click();

  await openScenarios(page);
  await expect(dialog(page, "Scenarios")).toContainText("could not be read (the data is damaged). It is kept aside");
  await page.getByRole("button", { name: "Add the current inputs as a scenario" }).click();
  await expect(page.locator("audioconf-pricing li.scenario")).toHaveCount(1);
  expect(await page.evaluate((k) => localStorage.getItem(`${k}:unreadable`), SCENARIOS_KEY)).toBe("{not json");
});

test("keyboard: the dialogs open with Enter, keep focus off the page behind, close with Escape and give focus back", async ({ page }) => {
  await open(page);
  const button = page.getByRole("button", { name: "Saved quotes" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(dialog(page, "Saved quotes")).toBeVisible();
  // The page behind a modal dialog is inert: Tab moves through the dialog (and out to the browser's own
  // controls, which leaves nothing focused in the page), never to a control behind it.
  const where = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      const inner = a?.shadowRoot?.activeElement;
      if (inner) return inner.closest("dialog[open]") ? "dialog" : "page";
      return a === document.body || a === null ? "none" : "page";
    });
  const seen = new Set();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    seen.add(await where());
  }
  expect(seen.has("dialog")).toBe(true);
  expect(seen.has("page")).toBe(false);
  // Escape inside the rename field cancels the rename only.
  await page.getByLabel("Name of the quote").fill("Keyboard");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Rename: Keyboard" }).press("Enter");
  await expect(page.getByLabel("New name")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog(page, "Saved quotes")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename: Keyboard" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog(page, "Saved quotes")).toBeHidden();
  await expect(button).toBeFocused();
});

test("axe finds no WCAG 2.1 AA violations in the dialogs, in English and Russian", async ({ browser }) => {
  test.setTimeout(240_000); // six analyses of the whole page
  for (const locale of ["en-US", "ru-RU"]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await open(page);
    await setRequest(page, TODAY);
    const scenarios = locale === "en-US" ? "Scenarios" : "Сценарии";
    const saved = locale === "en-US" ? "Saved quotes" : "Сохранённые расчёты";
    for (const r of [TODAY, IN_USD]) {
      await setRequest(page, r);
      await page.getByRole("button", { name: scenarios }).click();
      await page.locator("audioconf-pricing [data-key=scenario-add]").click();
      let results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(results.violations, `${locale} scenarios`).toEqual([]);
      await page.keyboard.press("Escape");
    }
    await page.getByRole("button", { name: saved }).click();
    await page.locator("audioconf-pricing [data-key=saved-name]").fill("Contoso");
    await page.locator("audioconf-pricing [data-key=saved-save]").click();
    await page.locator("audioconf-pricing [data-key=saved-save]").click(); // empty name: the error shown
    const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
    expect(results.violations, `${locale} saved quotes`).toEqual([]);
    if (locale === "ru-RU") {
      await expect(dialog(page, saved)).toContainText("1 сохранённый расчёт в этом браузере");
      await expect(dialog(page, saved)).toContainText("Дайте расчёту название");
    }
    await context.close();
  }
});

test("screenshots of the dialogs at 360 px and 1280 px, light and dark, English and Russian", async ({ browser }, testInfo) => {
  test.setTimeout(240_000); // four pages, three scenarios each
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [360, 1280]) {
    for (const [colorScheme, locale] of [["light", "en-US"], ["dark", "ru-RU"]]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme, locale });
      const page = await context.newPage();
      await open(page);
      const [scenarios, saved, more] = locale === "en-US" ? ["Scenarios", "Saved quotes", "More actions"] : ["Сценарии", "Сохранённые расчёты", "Ещё действия"];
      // On a phone they are behind "More actions".
      if (width === 360) await page.getByRole("button", { name: more }).click();
      for (const r of [TODAY, GROWTH, IN_USD]) {
        await setRequest(page, r);
        await page.getByRole("button", { name: scenarios }).click();
        await page.locator("audioconf-pricing [data-key=scenario-add]").click();
        await page.keyboard.press("Escape");
      }
      await page.getByRole("button", { name: scenarios }).click();
      await expect(page.locator("audioconf-pricing li.scenario")).toHaveCount(3);
      // Side by side at 1280 px, stacked at 360 px.
      const tops = await page.locator("audioconf-pricing li.scenario").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
      if (width === 1280) expect(new Set(tops).size).toBe(1);
      else expect(tops[0] < tops[1] && tops[1] < tops[2]).toBe(true);
      for (const [name, file] of [[scenarios, "scenarios"], [saved, "saved-quotes"]]) {
        if (file === "saved-quotes") {
          await page.keyboard.press("Escape");
          await page.getByRole("button", { name: saved }).click();
          await page.locator("audioconf-pricing [data-key=saved-name]").fill("Contoso — 3 countries");
          await page.locator("audioconf-pricing [data-key=saved-save]").click();
        }
        await expect(dialog(page, name)).toBeVisible();
        const out = path.join(ARTIFACTS, `${file}-${width}-${colorScheme}-${locale.slice(0, 2)}.png`);
        await page.screenshot({ path: out });
        await testInfo.attach(path.basename(out), { path: out, contentType: "image/png" });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${file} ${width}`).toBeLessThanOrEqual(0);
      }
      await context.close();
    }
  }
});
