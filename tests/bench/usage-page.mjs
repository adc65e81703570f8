// The usage import in the page, in Debian's Chromium: from the file chosen to the re-rated result in the
// calculator (goal: 100,000 rows, about 25 MB, in at most 1 s).
//
//   node tests/bench/usage-page.mjs [--rows N] [--rounds N] [--port N]
//
// Run after `cargo xtask build`. Generates the report with tests/usage-report-gen.mjs (seed 21) into
// tests/artifacts/, serves dist/ from loopback, opens the page, imports the file `--rounds` times (each a
// new Web Worker: module start, WebAssembly instantiation, reading, rating) and prints, per round, the time
// between the panel's performance marks `audioconf-pricing:usage-start` (the file input's change event)
// and `audioconf-pricing:usage-done` (the calculator's request set), and until the next frame after it.
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../../xtask/static-server.mjs";
import { reportRows } from "../usage-report-gen.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const ROWS = arg("--rows", 100_000);
const ROUNDS = arg("--rounds", 5);
const PORT = arg("--port", 8192);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const dist = path.join(root, "dist");

const file = path.join(root, "tests/artifacts", `usage-${ROWS}.csv`);
if (!fs.existsSync(file)) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, [...reportRows({ rows: ROWS, seed: 21 })].join(""));
}
const size = fs.statSync(file).size;

const server = await serve(dist, PORT);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator("audioconf-pricing").evaluate((el) => customElements.whenDefined(el.localName).then(() => el.ready));
  await page.getByRole("button", { name: "Import usage report" }).click();
  const input = page.getByLabel("Usage report (CSV)");
  const figures = [];
  for (let round = 0; round < ROUNDS; round++) {
    await page.evaluate(() => {
      performance.clearMarks();
      window.__painted = new Promise((resolve) => {
        new PerformanceObserver((list, observer) => {
          if (list.getEntriesByName("audioconf-pricing:usage-done").length) {
            observer.disconnect();
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
          }
        }).observe({ type: "mark" });
      });
    });
    // A different name each round, so that the input's change event fires for the same bytes.
    const copy = path.join(root, "tests/artifacts", `usage-round-${round % 2}.csv`);
    fs.copyFileSync(file, copy);
    await input.setInputFiles(copy);
    const painted = await page.evaluate(() => window.__painted);
    const [start] = await page.evaluate(() => performance.getEntriesByName("audioconf-pricing:usage-start").map((m) => m.startTime));
    const [done] = await page.evaluate(() => performance.getEntriesByName("audioconf-pricing:usage-done").map((m) => m.startTime));
    figures.push({ round: round + 1, result_ms: Math.round(done - start), next_frame_ms: Math.round(painted - start) });
  }
  const total = await page.locator("audioconf-pricing").evaluate((el) => el.quote.total);
  console.log(`${ROWS} rows, ${(size / 1e6).toFixed(1)} MB; calculator total ${total}`);
  console.table(figures);
  const sorted = figures.map((f) => f.result_ms).sort((a, b) => a - b);
  console.log(`median to result ${sorted[Math.floor(sorted.length / 2)]} ms (first round, cold: ${figures[0].result_ms} ms)`);
} finally {
  await browser.close();
  server.close();
}
