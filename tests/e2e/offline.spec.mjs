// Offline: the service worker precaches the build; after one visit the page reloads and works with the
// network off, and says so. A new build (here: a changed rate card) is offered with a visible "Reload"
// prompt, and the page keeps running the build it started with until the person reloads.
import { test, expect } from "@playwright/test";
import { watchForProblems, whenReady } from "./helpers.mjs";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";
import { serve } from "../../xtask/static-server.mjs";
import { writeServiceWorker } from "../../xtask/sw.mjs";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SECOND = Number(process.env.PW_PORT || 8089) + 4;
const total = (page) => page.locator("audioconf-pricing [part=total]");

watchForProblems();

/** Opens `url`, waits for the first quote and for the service worker to control the page. */
async function visit(page, url) {
  await page.goto(url);
  await whenReady(page.locator("audioconf-pricing"));
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
}

/** The build version of the worker that controls the page. */
const controllerVersion = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        navigator.serviceWorker.addEventListener("message", (e) => e.data?.type === "version" && resolve(e.data.version), { once: true });
        navigator.serviceWorker.controller.postMessage({ type: "version" });
      }),
  );

test("after one visit the calculator reloads and works offline, and says it is offline", async ({ context, page }, testInfo) => {
  await visit(page, "/");
  await expect(page.getByText("You are offline.")).toHaveCount(0);
  await context.setOffline(true);
  const wasm = page.waitForResponse((r) => r.url().endsWith(".wasm"));
  await page.reload();
  expect((await wasm).fromServiceWorker()).toBe(true);
  await expect(total(page)).toHaveText(/^\$\d[\d,]*\.\d{2}$/);
  await expect(page.getByRole("status").filter({ hasText: "You are offline. The calculator works with the copy saved on this device." })).toBeVisible();
  // Typing still prices: the core is there.
  await page.getByLabel("Licensed users").fill("12");
  await expect.poll(() => page.locator("audioconf-pricing").evaluate((el) => el.quote.comparison?.users)).toBe(12);
  // The lazily loaded Russian catalogue was precached too; the notice is translated with the page.
  await page.locator("audioconf-pricing").getByRole("combobox", { name: /Language/ }).selectOption("ru");
  await expect(page.locator("audioconf-pricing [part=toolbar]")).toContainText("Валюта");
  await expect(page.getByRole("status").filter({ hasText: "Нет подключения к сети." })).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 700 });
    const file = path.join("tests", "artifacts", `offline-ru-${width}.png`);
    await page.screenshot({ path: file });
    await testInfo.attach(path.basename(file), { path: file, contentType: "image/png" });
  }
  // Back in English, so is the notice (index.html has no English text of its own for it).
  await page.locator("audioconf-pricing").getByRole("combobox", { name: /Язык/ }).selectOption("en");
  await expect(page.getByRole("status").filter({ hasText: "You are offline. The calculator works with the copy saved on this device." })).toBeVisible();
  // The iframe page too.
  await page.goto("/embed.html?locale=en-GB&currency=GBP");
  await expect(total(page)).toHaveText(/^£\d/);
  await context.setOffline(false);
});

test("a new build is offered with a Reload prompt, and the page keeps its own build until then", async ({ page }, testInfo) => {
  const copy = fs.mkdtempSync(path.join("tests", "artifacts", "sw-"));
  fs.cpSync("dist", copy, { recursive: true });
  const server = await serve(copy, SECOND, { routes: { "/favicon.ico": "" } });
  try {
    await visit(page, `http://127.0.0.1:${SECOND}/`);
    const first = await controllerVersion(page);
    const card = JSON.parse(fs.readFileSync(path.join(copy, "rate-card.json"), "utf8"));
    expect((await page.evaluate(() => fetch("rate-card.json").then((r) => r.json()))).version).toBe(card.version);

    // A deployment with a new card.
    fs.writeFileSync(path.join(copy, "rate-card.json"), JSON.stringify({ ...card, version: "2099.01-next" }));
    const second = writeServiceWorker(copy, path.join("www", "sw.js"));
    expect(second).not.toBe(first);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const prompt = page.getByRole("status").filter({ hasText: "Updated version available." });
    await expect(prompt).toBeVisible();
    expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
    // Tab reaches the skip link first, then the prompt's button.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement.className)).toBe("skip");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement.textContent)).toBe("Reload");
    const file = path.join("tests", "artifacts", "update-prompt-360.png");
    await page.setViewportSize({ width: 360, height: 640 });
    await page.screenshot({ path: file });
    await testInfo.attach(path.basename(file), { path: file, contentType: "image/png" });

    // Until the person reloads, the page is served by the build it started with, the card included.
    expect(await controllerVersion(page)).toBe(first);
    expect((await page.evaluate(() => fetch("rate-card.json").then((r) => r.json()))).version).toBe(card.version);

    await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Reload" }).click()]);
    await whenReady(page.locator("audioconf-pricing"));
    expect(await controllerVersion(page)).toBe(second);
    expect((await page.evaluate(() => fetch("rate-card.json").then((r) => r.json()))).version).toBe("2099.01-next");
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.not.arrayContaining([`audioconf-pricing-${first}`]));
    await expect(page.getByText("Updated version available.")).toHaveCount(0);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

// The iframe mode: a host page on another origin of the same site (another port; as calculator.example.com
// framed by www.example.com) frames embed.html. The frame registers the same service worker, so after one
// visit it loads with the network off. The host page and its copy of embed.js are the host's to keep (here
// they come from memory, as from the host's own cache); what is tested is the frame. Framed by another
// site (localhost against 127.0.0.1), this Chromium refuses framed sites any storage, the worker too: the
// frame then works as it is, online.
const CALC = `http://127.0.0.1:${Number(process.env.PW_PORT || 8089)}`;
const HOST = `http://127.0.0.1:${Number(process.env.PW_PORT || 8089) + 6}`;
const OTHER_SITE = `http://localhost:${Number(process.env.PW_PORT || 8089) + 6}`;
const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><script src="${CALC}/embed.js"></script></head>
<body><main><h1>A host page</h1><audioconf-pricing-frame locale="en-GB" currency="GBP"></audioconf-pricing-frame></main></body></html>`;

test("the iframe mode: after one visit the frame loads offline, says so, and keeps the person's quote when it reloads", async ({ context, page }, testInfo) => {
  const empty = fs.mkdtempSync(path.join("tests", "artifacts", "host-"));
  const hostServer = await serve(empty, Number(new URL(HOST).port), { routes: { "/": hostPage, "/favicon.ico": "" } });
  try {
    await iframeOffline(context, page, testInfo);
    // Another site: the browser refuses the frame a worker, and nothing else changes.
    const other = await context.newPage();
    await other.goto(`${OTHER_SITE}/`);
    const framed = other.frameLocator("audioconf-pricing-frame iframe");
    await expect(framed.locator("audioconf-pricing [part=total]")).toHaveText(/^£\d/);
    await other.waitForTimeout(500); // offline.js has run by then (it follows the first total)
    const frame = other.frame({ url: /\/embed\.html/ });
    expect(await frame.evaluate(() => navigator.serviceWorker.controller)).toBe(null);
    expect(await frame.evaluate(() => navigator.serviceWorker.getRegistration().then(() => "allowed", (e) => e.name))).toBe("NotSupportedError");
    await expect(framed.getByRole("status").filter({ hasText: /offline/ })).toHaveCount(0);
  } finally {
    await new Promise((resolve) => hostServer.close(resolve));
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

async function iframeOffline(context, page, testInfo) {
  await page.setViewportSize({ width: 1280, height: 900 });
  const frame = () => page.frame({ url: /\/embed\.html/ });
  const inFrame = page.frameLocator("audioconf-pricing-frame iframe");
  const host = page.locator("audioconf-pricing-frame");
  /** The iframe is exactly as tall as the frame's page (the calculator and any notice above it). */
  const sized = async () => {
    const outer = await host.evaluate((el) => el.querySelector("iframe").getBoundingClientRect().height);
    const inner = await frame().evaluate(() => ({ body: Math.ceil(document.body.getBoundingClientRect().height), scroll: document.documentElement.scrollHeight, viewport: innerHeight }));
    return outer === inner.body && inner.scroll <= inner.viewport;
  };

  await page.goto(`${HOST}/`);
  await expect(inFrame.locator("audioconf-pricing [part=total]")).toHaveText(/^£\d/);
  await frame().evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });

  // The person's own quote, set through the host; the frame then reloads on its own (as its update prompt's
  // Reload does) and comes back with it: the frame's URL carries it (its share link, www/share.js).
  const request = { currency: "EUR", users: 12, lines: [{ country: "DE", kind: "toll", minutes: "1500" }, { country: "FR", kind: "dial_out_mobile", minutes: "42.5" }] };
  const before = await frame().evaluate(() => location.hash);
  await host.evaluate((el, request) => (el.request = request), request);
  await expect.poll(() => host.evaluate((el) => el.quote?.currency)).toBe("EUR");
  const priced = await host.evaluate((el) => el.quote.total);
  await expect.poll(() => frame().evaluate(() => location.hash)).not.toBe(before);
  await frame().evaluate(() => {
    window.before = true;
    setTimeout(() => location.reload());
  });
  const shown = () => frame()?.evaluate(() => !window.before && document.querySelector("audioconf-pricing").quote?.total).catch(() => null);
  await expect.poll(shown).toBe(priced);
  expect(await frame().evaluate(() => document.querySelector("audioconf-pricing").request.lines.map((l) => l.country))).toEqual(["DE", "FR"]);

  // The network goes while the frame is open, after the person chose Russian there: the notice that shows
  // then is in Russian. The host's own choice of language is followed too, and back online it goes.
  await inFrame.getByRole("combobox", { name: /Language/ }).selectOption("ru");
  await expect.poll(() => frame().evaluate(() => document.documentElement.lang)).toBe("ru");
  await context.setOffline(true);
  await expect(inFrame.getByRole("status").filter({ hasText: "Нет подключения к сети." })).toBeVisible();
  await host.evaluate((el) => el.setAttribute("locale", "en-US"));
  await expect(inFrame.getByRole("status").filter({ hasText: "You are offline." })).toBeVisible();
  expect(await frame().evaluate(() => document.documentElement.lang)).toBe("en-US");
  await context.setOffline(false);
  await expect.poll(() => frame().evaluate(() => document.querySelector(".page-status").getBoundingClientRect().height)).toBe(0);
  await expect.poll(sized).toBe(true);

  // Offline: the host page and its script come from the host's cache, the frame from the service worker.
  await context.setOffline(true);
  const cached = { [`${HOST}/`]: ["text/html", hostPage], [`${CALC}/embed.js`]: ["text/javascript", fs.readFileSync(path.join("dist", "embed.js"), "utf8")] };
  for (const [url, [contentType, body]] of Object.entries(cached)) await page.route(url, (route) => route.fulfill({ contentType, body }));
  const wasm = page.waitForResponse((r) => r.url().endsWith(".wasm"));
  await page.reload();
  expect((await wasm).fromServiceWorker()).toBe(true);
  await expect(inFrame.locator("audioconf-pricing [part=total]")).toHaveText(/^£\d[\d,]*\.\d{2}$/);
  const notice = inFrame.getByRole("status").filter({ hasText: "You are offline. The calculator works with the copy saved on this device." });
  await expect(notice).toBeVisible();
  await expect.poll(sized).toBe(true);
  // Typing still prices, and the notice follows the calculator's language.
  await inFrame.getByLabel("Licensed users").fill("7");
  await expect.poll(() => host.evaluate((el) => el.quote?.comparison?.users)).toBe(7);
  await inFrame.getByRole("combobox", { name: /Language/ }).selectOption("ru");
  await expect(inFrame.getByRole("status").filter({ hasText: "Нет подключения к сети." })).toBeVisible();
  expect(await frame().evaluate(() => document.documentElement.lang)).toBe("ru");
  await expect.poll(sized).toBe(true);
  expect((await new AxeBuilder({ page }).withTags(WCAG).analyze()).violations).toEqual([]);
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 700 });
    await expect.poll(sized).toBe(true);
    const file = path.join("tests", "artifacts", `offline-frame-ru-${width}.png`);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: file });
    await testInfo.attach(path.basename(file), { path: file, contentType: "image/png" });
  }
  await context.setOffline(false);
}
