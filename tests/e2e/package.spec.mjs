// The npm package as an app meets it: `npm pack` of pkg/, installed into a new Vite app in a temporary
// folder, `vite build`, served under a strict CSP and opened in Chromium, where the element must show a total.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serve } from "../../xtask/static-server.mjs";

const PORT = Number(process.env.PW_PORT || 8089) + 1;
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

let app;
let server;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  app = fs.mkdtempSync(path.join(os.tmpdir(), "acp-vite-"));
  const tarball = execFileSync("npm", ["pack", path.resolve("pkg"), "--pack-destination", app, "--silent"], { encoding: "utf8" }).trim().split("\n").at(-1);
  fs.writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify({ name: "acp-vite-app", private: true, type: "module", dependencies: { "audioconf-pricing": `file:./${tarball}` } }),
  );
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: app, stdio: "inherit" });
  fs.writeFileSync(
    path.join(app, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vite app</title><script type="module" src="/main.js"></script></head>
<body><main><h1>Quote</h1><p id="total-out"></p></main></body></html>`,
  );
  // Both entry points: the element, and the binding on its own (the same core instance).
  fs.writeFileSync(
    path.join(app, "main.js"),
    `import "audioconf-pricing/element";
import init, { Calculator } from "audioconf-pricing";
const el = document.createElement("audioconf-pricing");
el.setAttribute("locale", "en-GB");
el.setAttribute("currency", "GBP");
document.querySelector("main").append(el);
el.addEventListener("quote-change", async (e) => {
  await init();
  const again = Calculator.withDefaultRates().quote(e.detail.request);
  document.querySelector("#total-out").textContent = e.detail.quote.total + (again.total === e.detail.quote.total ? " same" : " differs");
});
`,
  );
  const { build } = await import("vite");
  await build({ root: app, logLevel: "warn", configFile: false, build: { outDir: "dist" } });
  server = await serve(path.join(app, "dist"), PORT, { headers: { "content-security-policy": CSP }, routes: { "/favicon.ico": "" } });
});

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  if (app) fs.rmSync(app, { recursive: true, force: true });
});

test("a Vite app built from the packed tarball shows a total under a strict CSP", async ({ page }) => {
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  // Vite copied the .wasm as an asset of its own (the glue's new URL(..., import.meta.url)).
  const assets = fs.readdirSync(path.join(app, "dist", "assets"));
  expect(assets.some((f) => f.endsWith(".wasm"))).toBe(true);
  const wasm = page.waitForResponse((r) => r.url().endsWith(".wasm"));
  await page.goto(`http://127.0.0.1:${PORT}/`);
  expect((await wasm).headers()["content-type"]).toBe("application/wasm");
  await expect(page.locator("audioconf-pricing [part=total]")).toHaveText(/^£\d[\d,]*\.\d{2}$/);
  await expect(page.locator("#total-out")).toHaveText(/^\d+\.\d{2} same$/);
  expect(await page.locator("audioconf-pricing").evaluate((el) => el.quote.currency)).toBe("GBP");
  // The element's lazily loaded chunk (the Russian catalogue) came through the app's bundler too.
  await page.locator("audioconf-pricing").evaluate((el) => el.setAttribute("locale", "ru"));
  await expect(page.locator("audioconf-pricing [part=toolbar]")).toContainText("Валюта");
  expect(problems).toEqual([]);
});

test("in the Vite app, a usage report is read by the package's worker and re-rated", async ({ page }) => {
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  const expected = JSON.parse(fs.readFileSync("tests/usage/report.expected.json", "utf8"));
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const el = page.locator("audioconf-pricing");
  await el.evaluate((e) => e.ready);
  await page.getByRole("button", { name: "Import usage report" }).click();
  const dialog = page.getByRole("dialog");
  await page.getByLabel("Usage report (CSV)").setInputFiles("tests/usage/report.csv");
  await expect(dialog.getByRole("heading", { level: 3 })).toContainText("300 rows read");
  // The app's element quotes in GBP; the report's lines are the fixture's, priced by the same core.
  const q = await el.evaluate((e) => e.quote);
  expect(q.lines.map((l) => [l.country, l.kind])).toEqual(expected.quote.lines.map((l) => [l.country, l.kind]));
  expect(problems).toEqual([]);
});
