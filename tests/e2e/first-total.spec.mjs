// The first total drawn at build time into index.html (xtask/prerender.mjs, www/prerender.js), in
// Debian's Chromium: it shows before the WebAssembly module has arrived, it is the element's own total, and
// nothing moves when the element takes over.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import { whenReady } from "./helpers.mjs";
import { serve } from "../../xtask/static-server.mjs";

const calculator = (page) => page.locator("audioconf-pricing");

/** Holds every request for the .wasm until the returned function is called. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** The total as the page shows it now: whose it is, its text and where it is. */
const shownTotal = (page) =>
  calculator(page).evaluate((el) => {
    const total = el.shadowRoot.querySelector("[part=total]");
    const box = total?.getBoundingClientRect();
    return {
      drawn: !!el.shadowRoot.querySelector("[data-prerender]"),
      text: total?.textContent ?? null,
      box: box && [box.x, box.y, box.width, box.height].map(Math.round),
      illustrative: el.shadowRoot.textContent.includes("Illustrative rates"),
      totals: el.shadowRoot.querySelectorAll("[part=total]").length,
    };
  });

for (const width of [360, 1280]) {
  test(`at ${width} px the total shows before the core is there, and stays put when the element takes over`, async ({ page }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.setViewportSize({ width, height: 900 });
    const release = await holdWasm(page);
    await page.goto("/");
    const before = await shownTotal(page);
    expect(before.drawn).toBe(true);
    expect(before.text).toMatch(/^\$\d[\d,]*\.\d{2}$/);
    expect(before.illustrative).toBe(true);
    // Nothing in the drawn copy takes a click or a key.
    await expect(calculator(page).locator("[data-prerender]")).toHaveAttribute("inert", "");
    // The total's box in the frame the element takes over (later arrivals, such as the features' buttons,
    // are theirs to place).
    await calculator(page).evaluate((el) => {
      window.__takeover = new Promise((resolve) => {
        new MutationObserver((_, observer) => {
          if (el.shadowRoot.querySelector("[data-prerender]")) return;
          observer.disconnect();
          const totals = el.shadowRoot.querySelectorAll("[part=total]");
          const box = totals[0]?.getBoundingClientRect();
          resolve({ drawn: false, totals: totals.length, text: totals[0]?.textContent, box: box && [box.x, box.y, box.width, box.height].map(Math.round) });
        }).observe(el.shadowRoot, { childList: true });
      });
    });
    release();
    const after = await page.evaluate(() => window.__takeover);
    expect(after.totals).toBe(1);
    expect(after.text).toBe(before.text);
    expect(after.box).toEqual(before.box);
    expect(errors).toEqual([]);
  });
}

/**
 * Every layout shift since navigation (buffered): when, how much, and what moved from where to where (a node
 * in a shadow tree is reported as null).
 */
const layoutShifts = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = [];
        const describe = (node) => {
          if (!node) return "(in a shadow tree)";
          const el = node.nodeType === 1 ? node : node.parentElement;
          const key = el?.getAttribute("data-key") ?? el?.getAttribute("part") ?? el?.className ?? "";
          return `${el?.localName ?? node.nodeName}${key ? `[${key}]` : ""} "${(node.textContent ?? "").trim().slice(0, 30)}"`;
        };
        const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(",");
        new PerformanceObserver((list) =>
          list.getEntries().forEach((e) =>
            seen.push({
              at: Math.round(e.startTime),
              value: e.value,
              moved: e.sources.map((s) => `${describe(s.node)} ${rect(s.previousRect)} -> ${rect(s.currentRect)}`),
            }),
          ),
        ).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(seen), 300);
      }),
  );

for (const width of [360, 1280]) {
  test(`at ${width} px nothing moves when the quote features' code arrives after the first total`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const release = await holdWasm(page);
    await page.goto("/");
    const drawn = await shownTotal(page);
    expect(drawn.drawn).toBe(true);
    release();
    await whenReady(calculator(page));
    // The features load once the first total is shown; the reference is the share module's.
    await expect(calculator(page).locator("[data-key=quote-reference]")).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(calculator(page).locator("[data-key=download-csv]")).toHaveCount(1);
    expect((await shownTotal(page)).box).toEqual(drawn.box);
    expect(await layoutShifts(page)).toEqual([]);
  });
}

test("when the page's HTML arrives in two parts, the first frame waits for all of the drawn copy, so nothing in it moves", async ({ page }) => {
  // Cut before the language select: a frame of the first part alone draws the currency select where the
  // language goes (the settings keep to the end of the row) and no total.
  const html = fs.readFileSync("dist/index.html", "utf8");
  const cut = html.indexOf('<label for="language"');
  expect(cut).toBeGreaterThan(html.indexOf('data-key="currency"'));
  const streamed = (res, head) => {
    res.writeHead(200, head);
    res.write(html.slice(0, cut));
    setTimeout(() => res.end(html.slice(cut)), 400);
  };
  const server = await serve("dist", 0, { routes: { "/": streamed, "/favicon.ico": "" } });
  try {
    await holdWasm(page);
    // What the first frame holds: animation frame callbacks run only once rendering is no longer blocked.
    await page.addInitScript(() =>
      requestAnimationFrame(() => {
        const drawn = document.querySelector("audioconf-pricing")?.shadowRoot?.querySelector("[data-prerender]");
        window.firstFrame = { footer: !!document.getElementById("page-footer"), total: !!drawn?.querySelector("[part=total]") };
      }),
    );
    await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.firstFrame);
    expect.soft(await page.evaluate(() => window.firstFrame)).toEqual({ footer: true, total: true });
    expect(await layoutShifts(page)).toEqual([]);
  } finally {
    server.close();
  }
});

test("a stand-in button pressed before its feature has loaded does what the real one does", async ({ page }) => {
  // The share module is held back, so the first press is the stand-in's.
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route(/\/share-[^/]*\.js$/, async (route) => {
    await gate;
    await route.continue();
  });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await whenReady(calculator(page));
  await page.getByRole("button", { name: "Copy link" }).click();
  release();
  await expect(calculator(page).getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#q1~/);
  await expect(calculator(page).getByRole("button", { name: "Copy link" })).toBeFocused();
});

/** The centre of `selector` in the drawn copy, on the page. */
const drawnCentre = (page, selector) =>
  calculator(page).evaluate((el, selector) => {
    const box = el.shadowRoot.querySelector(`[data-prerender] ${selector}`).getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }, selector);

/** The controls of the drawn copy, as boot.js finds the one pressed. */
const DRAWN_CONTROLS = "[data-prerender] :is(button, summary, select)";

/** The background of each control in the drawn copy, by its place in the copy. */
const drawnBackgrounds = (page) =>
  calculator(page).evaluate((el, controls) => [...el.shadowRoot.querySelectorAll(controls)].map((c) => getComputedStyle(c).backgroundColor), DRAWN_CONTROLS);

for (const [width, selector, name, done] of [
  [1280, "[data-key=scenarios]", "Scenarios", (page) => expect(page.getByRole("dialog", { name: "Scenarios" })).toBeVisible()],
  [360, ".more", "More actions", async (page) => {
    const more = calculator(page).getByRole("button", { name: "More actions" });
    await expect(more).toHaveAttribute("aria-expanded", "true");
    await expect(more).toBeFocused();
  }],
]) {
  test(`at ${width} px a press on the drawn ${name} button before the element takes over is done once it has`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const release = await holdWasm(page);
    await page.goto("/");
    const { x, y } = await drawnCentre(page, selector);
    const before = await drawnBackgrounds(page);
    await page.mouse.click(x, y);
    expect((await shownTotal(page)).drawn).toBe(true);
    // Until then it looks pressed, and only it does.
    const pressed = await calculator(page).evaluate(
      (el, [controls, selector]) => [...el.shadowRoot.querySelectorAll(controls)].indexOf(el.shadowRoot.querySelector(`[data-prerender] ${selector}`)),
      [DRAWN_CONTROLS, selector],
    );
    // (A button's background has a 120 ms transition.)
    await expect.poll(async () => (await drawnBackgrounds(page))[pressed]).not.toBe(before[pressed]);
    await page.waitForTimeout(200);
    const after = await drawnBackgrounds(page);
    expect(after.filter((_, i) => i !== pressed)).toEqual(before.filter((_, i) => i !== pressed));
    release();
    await whenReady(calculator(page));
    await done(page);
  });
}

test("a press on the drawn copy where there is no control is dropped", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("/");
  // On the total: nothing to press there.
  const total = await drawnCentre(page, "[part=total]");
  const before = await drawnBackgrounds(page);
  await page.mouse.click(total.x, total.y);
  await page.waitForTimeout(200); // longer than a button's background transition
  expect(await drawnBackgrounds(page)).toEqual(before);
  release();
  await whenReady(calculator(page));
  await page.waitForTimeout(100);
  expect(await calculator(page).evaluate((el) => el.shadowRoot.activeElement)).toBe(null);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("a press on the drawn copy longer ago than the replay allows is dropped", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("/");
  const { x, y } = await drawnCentre(page, "[data-key=scenarios]");
  await page.mouse.click(x, y);
  // The click's time, as boot.js kept it, set back by six seconds.
  await calculator(page).evaluate((el) => {
    const key = Symbol.for("audioconf-pricing.early-click");
    el[key] = { ...el[key], at: el[key].at - 6000 };
  });
  release();
  await whenReady(calculator(page));
  await page.waitForTimeout(100);
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("a person whose language is another one never sees the English copy once the element runs", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  const release = await holdWasm(page);
  await page.goto("/");
  await page.waitForFunction(() => customElements.get("audioconf-pricing"));
  expect((await shownTotal(page)).drawn).toBe(false);
  release();
  await whenReady(calculator(page));
  await expect(calculator(page).locator("[part=total]")).toHaveText(/^\d[\d\u00a0\u202f]*,\d{2}\u00a0\$$/);
  await context.close();
});

test("a page opened with state in its fragment does not show the default total", async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto("/#state");
  await page.waitForFunction(() => customElements.get("audioconf-pricing"));
  expect((await shownTotal(page)).drawn).toBe(false);
  release();
  await whenReady(calculator(page));
  expect((await shownTotal(page)).totals).toBe(1);
});

test("a core that fails to load replaces the drawn total with the failure and its retry", async ({ page }) => {
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto("/");
  await expect(calculator(page).locator("[role=alert]")).toBeVisible();
  expect((await shownTotal(page)).drawn).toBe(false);
});

// www/boot.js: the calculator's modules and the .wasm are fetched only once the first paint is on screen,
// and start however the browser reports that paint, or does not.
test("the calculator's modules and the .wasm are fetched only after the first paint", async ({ page }) => {
  await page.goto("/");
  await whenReady(calculator(page));
  const { fcp, fetched } = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    fetched: performance
      .getEntriesByType("resource")
      .map((e) => ({ file: new URL(e.name).pathname.slice(1), start: e.startTime }))
      .filter((e) => /\.(js|wasm)$/.test(e.file)),
  }));
  expect(fcp).toBeGreaterThan(0);
  const names = fetched.map((e) => e.file);
  for (const file of ["boot.js", "core.js", "audioconf-pricing.js", "page.js"]) expect(names).toContain(file);
  expect(names.some((f) => f.endsWith(".wasm"))).toBe(true);
  for (const e of fetched.filter((e) => e.file !== "boot.js")) expect(e.start, e.file).toBeGreaterThanOrEqual(fcp);
});

for (const [name, stub] of [
  // No paint timing at all (an older browser): the modules start at once.
  ["a browser that does not report paint timing", () => Object.defineProperty(PerformanceObserver, "supportedEntryTypes", { get: () => ["resource"] })],
  // Paint timing that never reports the first paint: the modules start after a second.
  [
    "a first paint that is never reported",
    () => {
      const Real = PerformanceObserver;
      window.PerformanceObserver = class extends Real {
        observe(options) {
          if (options?.type !== "paint") super.observe(options);
        }
      };
    },
  ],
]) {
  test(`the calculator starts in ${name}`, async ({ page }) => {
    await page.addInitScript(stub);
    await page.goto("/");
    await whenReady(calculator(page));
    expect((await shownTotal(page)).drawn).toBe(false);
    await expect(calculator(page).locator("[part=total]")).toHaveText(/^\$\d[\d,]*\.\d{2}$/);
  });
}

// features.js FOLD_AT: on a phone the toolbar is one row, the rest behind "More actions"; wider, one row
// of everything and no such button.
test("on a phone the toolbar's later actions fold behind More actions; wider they are all in the row", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/");
  await whenReady(calculator(page));
  const more = page.getByRole("button", { name: "More actions" });
  const folded = ["Download CSV", "Download JSON", "Print quote", "Scenarios", "Saved quotes", "Import usage report"];
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  for (const name of folded) await expect(page.getByRole("button", { name })).toBeHidden();
  // The total is in the first screen.
  const box = await calculator(page).locator("[part=total]").boundingBox();
  expect(box.y + box.height).toBeLessThanOrEqual(800);
  // By keyboard: the folded actions follow the button, in order.
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(more).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: folded[0] })).toBeFocused();
  for (const name of folded) await expect(page.getByRole("button", { name })).toBeVisible();
  await more.click();
  for (const name of folded) await expect(page.getByRole("button", { name })).toBeHidden();

  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(more).toBeHidden();
  for (const name of folded) await expect(page.getByRole("button", { name })).toBeVisible();
  // The keyboard follows the row as it is seen: Quote details, Copy link, then the rest.
  const detailsBox = await calculator(page).locator("summary", { hasText: "Quote details" }).boundingBox();
  expect(detailsBox.x).toBeLessThan((await page.getByRole("button", { name: "Copy link" }).boundingBox()).x);
  await calculator(page).locator("summary", { hasText: "Quote details" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Copy link" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: folded[0] })).toBeFocused();
  // A folded feature's dialog, open when the screen gets narrow, stays on screen.
  await page.getByRole("button", { name: "Scenarios" }).click();
  await expect(page.getByRole("dialog", { name: "Scenarios" })).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole("dialog", { name: "Scenarios" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Scenarios" })).toBeHidden();
});
