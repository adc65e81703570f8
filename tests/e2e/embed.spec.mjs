// The iframe mode: a host page on another origin (a second local port) includes dist/embed.js, which frames
// dist/embed.html. The host's CSP has no 'wasm-unsafe-eval': the WebAssembly runs only in the frame.
import { test, expect } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { serve } from "../../xtask/static-server.mjs";
import { shootWholePage, whenReady } from "./helpers.mjs";

const BASE = Number(process.env.PW_PORT || 8089);
const CALC = `http://127.0.0.1:${BASE}`;
const HOST = `http://127.0.0.1:${BASE + 2}`;
const FOREIGN = `http://127.0.0.1:${BASE + 3}`;
const PROTOCOL = "audioconf-pricing/1";

const hostPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${CALC}; frame-src ${CALC} ${FOREIGN}; style-src 'self'">
<script src="${CALC}/embed.js"></script></head>
<body><main><h1>A host page</h1><p>Text before the calculator.</p>
<audioconf-pricing-frame locale="en-GB" currency="GBP"></audioconf-pricing-frame>
<p>Text after the calculator.</p><iframe id="foreign" src="${FOREIGN}/foreign.html" title="Another site"></iframe></main></body></html>`;

// The script-tag way across origins: dist/ served with the CORS header a module script and its .wasm
// fetch need (README, "Hosting dist/"), on a port of its own.
const CDN = `http://127.0.0.1:${BASE + 5}`;
const scriptTagPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${CDN} 'wasm-unsafe-eval'; connect-src ${CDN}; style-src 'self'">
<script type="module" src="${CDN}/audioconf-pricing.js"></script></head>
<body><main><h1>A host page</h1><audioconf-pricing locale="en-GB" currency="GBP"></audioconf-pricing></main></body></html>`;

let servers = [];
let empty;
test.beforeAll(async () => {
  empty = fs.mkdtempSync(path.join("tests", "artifacts", "embed-"));
  servers = [
    await serve(empty, BASE + 2, { routes: { "/": hostPage, "/script-tag.html": scriptTagPage, "/favicon.ico": "" } }),
    await serve("dist", BASE + 5, { headers: { "access-control-allow-origin": "*" } }),
    await serve(empty, BASE + 3, { routes: { "/foreign.html": "<!doctype html><title>Foreign</title><p>Another site</p>", "/favicon.ico": "" } }),
  ];
});
test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  fs.rmSync(empty, { recursive: true, force: true });
});

const hostElement = (page) => page.locator("audioconf-pricing-frame");
const inner = (page) => page.frame({ url: /\/embed\.html/ });

/** The host element's next quote-change (or the current quote) whose request has `currency`. */
function hostQuote(page, currency) {
  return hostElement(page).evaluate(
    (el, currency) =>
      new Promise((resolve) => {
        if (el.quote?.currency === currency) return resolve({ request: el.request, quote: el.quote });
        el.addEventListener("quote-change", function on(e) {
          if (e.detail.quote.currency !== currency) return;
          el.removeEventListener("quote-change", on);
          resolve(e.detail);
        });
      }),
    currency,
  );
}

/** The iframe is as tall as the element inside it, and the frame does not scroll. */
async function expectSized(page) {
  await expect
    .poll(async () => {
      const outer = await hostElement(page).evaluate((el) => el.querySelector("iframe").getBoundingClientRect().height);
      const { content, scroll, viewport } = await inner(page).evaluate(() => ({
        content: Math.ceil(document.querySelector("audioconf-pricing").getBoundingClientRect().height),
        scroll: document.documentElement.scrollHeight,
        viewport: window.innerHeight,
      }));
      return outer === content && scroll <= viewport;
    })
    .toBe(true);
}

test("a host on another origin frames the calculator, sizes it and passes state both ways", async ({ page }, testInfo) => {
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${HOST}/`);

  // Out: the first quote arrives at the host with the attributes it passed.
  const first = await hostQuote(page, "GBP");
  expect(first.request.lines.length).toBeGreaterThan(0);
  await expect(page.frameLocator("audioconf-pricing-frame iframe").locator("audioconf-pricing [part=total]")).toHaveText(/^£\d[\d,]*\.\d{2}$/);
  expect(await inner(page).evaluate(() => document.querySelector("audioconf-pricing").quote.total)).toBe(first.quote.total);
  await expect(hostElement(page).locator("iframe")).toHaveAttribute("title", "Audio Conferencing pay-per-minute calculator");
  await expectSized(page);
  const before = await hostElement(page).evaluate((el) => el.querySelector("iframe").getBoundingClientRect().height);

  // In: a request set on the host element is priced in the frame; the frame grows with its content.
  const request = {
    currency: "EUR",
    users: 40,
    lines: ["DE", "FR", "IT", "ES", "NL", "SE", "PL", "AT"].flatMap((country) => [
      { country, kind: "toll", minutes: "1200" },
      { country, kind: "dial_out_mobile", minutes: "80.5" },
    ]),
  };
  const next = hostQuote(page, "EUR");
  await hostElement(page).evaluate((el, request) => (el.request = request), request);
  const eur = await next;
  expect(eur.request.lines.filter((l) => l.kind === "toll").map((l) => l.country)).toEqual(["DE", "FR", "IT", "ES", "NL", "SE", "PL", "AT"]);
  expect(eur.quote.minutes).toBe("10244");
  expect(await inner(page).evaluate(() => document.querySelector("audioconf-pricing").quote.total)).toBe(eur.quote.total);
  await expectSized(page);
  expect(await hostElement(page).evaluate((el) => el.querySelector("iframe").getBoundingClientRect().height)).toBeGreaterThan(before);

  // An attribute changed on the host element follows into the frame.
  const usd = hostQuote(page, "USD");
  await hostElement(page).evaluate((el) => el.setAttribute("currency", "USD"));
  expect((await usd).quote.currency).toBe("USD");

  // A request the element refuses comes back as quote-error.
  const error = hostElement(page).evaluate((el) => new Promise((resolve) => el.addEventListener("quote-error", (e) => resolve(e.detail), { once: true })));
  await hostElement(page).evaluate((el) => (el.request = { currency: "EUR" }));
  expect(await error).toMatchObject({ code: "invalid_request", message: expect.stringContaining("lines") });

  // Foreign origin: a third site's frame speaks the protocol to both sides; both ignore it and count it.
  const foreign = page.frame({ url: /foreign\.html/ });
  await foreign.evaluate((protocol) => {
    parent.postMessage({ protocol, type: "quote", request: { lines: [] }, quote: { total: "0.00", currency: "XXX" } }, "*");
    for (let i = 0; i < parent.frames.length; i++) {
      if (parent.frames[i] !== window) parent.frames[i].postMessage({ protocol, type: "request", request: { currency: "USD", lines: [{ country: "US", kind: "toll", minutes: "1" }] } }, "*");
    }
  }, PROTOCOL);
  await expect.poll(() => page.evaluate(() => customElements.get("audioconf-pricing-frame").ignoredMessages)).toBe(1);
  await expect.poll(() => inner(page).evaluate(() => window.audioconfPricingEmbed.ignored)).toBe(1);
  // Neither was applied: the host still has the frame's last quote, the frame still prices eight countries.
  expect(await hostElement(page).evaluate((el) => [el.quote.currency, el.quote.minutes])).toEqual(["USD", "10244"]);
  expect(await inner(page).evaluate(() => document.querySelector("audioconf-pricing").request.lines.length)).toBe(16);

  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expectSized(page);
    const file = path.join("tests", "artifacts", `embed-host-${width}.png`);
    await shootWholePage(page, file);
    await testInfo.attach(path.basename(file), { path: file, contentType: "image/png" });
  }
  expect(problems).toEqual([]);
});

test("a frame whose named parent is not the page that framed it talks to nobody", async ({ page }) => {
  await page.goto(`${HOST}/`);
  await hostQuote(page, "GBP");
  // The host frames embed.html a second time, claiming the foreign site as its parent.
  await page.evaluate(({ calc, foreign }) => {
    const iframe = document.createElement("iframe");
    iframe.title = "Lying frame";
    iframe.src = `${calc}/embed.html?parent=${encodeURIComponent(foreign)}`;
    document.body.append(iframe);
  }, { calc: CALC, foreign: FOREIGN });
  const isLying = (f) => f.url().includes(`parent=${encodeURIComponent(FOREIGN)}`);
  await expect.poll(() => page.frames().some(isLying)).toBe(true);
  const lying = page.frames().find(isLying);
  await expect(lying.locator("audioconf-pricing [part=total]")).not.toBeEmpty();
  expect(await lying.evaluate(() => window.audioconfPricingEmbed.parent)).toBeNull();
  // Opened on its own, embed.html is a plain page.
  await page.goto(`${CALC}/embed.html`);
  await expect(page.locator("audioconf-pricing [part=total]")).not.toBeEmpty();
  expect(await page.evaluate(() => window.audioconfPricingEmbed.parent)).toBeNull();
});

test("one module script tag from another origin, under the host's strict CSP", async ({ page }) => {
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  const wasm = page.waitForResponse((r) => r.url().endsWith(".wasm"));
  await page.goto(`${HOST}/script-tag.html`);
  expect((await wasm).url().startsWith(CDN)).toBe(true);
  await whenReady(page.locator("audioconf-pricing"));
  await expect(page.locator("audioconf-pricing [part=total]")).toHaveText(/^£\d[\d,]*\.\d{2}$/);
  expect(problems).toEqual([]);
});
