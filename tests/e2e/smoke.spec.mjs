// The whole path, end to end: the served dist/index.html loads the WebAssembly module and shows a live total
// equal to the CLI's total for the same request, with no console errors.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";

test("the served page shows the CLI's total for its request", async ({ page }) => {
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  const wasm = page.waitForResponse((r) => r.url().endsWith(".wasm"));
  await page.goto("/");
  expect((await wasm).headers()["content-type"]).toBe("application/wasm");
  const total = page.locator("audioconf-pricing").locator("[part~=total]");
  await expect(total).not.toBeEmpty();
  await expect.poll(() => page.locator("audioconf-pricing").evaluate((el) => el.quote !== null && el.quote !== undefined)).toBe(true);
  const { request, quote } = await page.locator("audioconf-pricing").evaluate((el) => ({ request: el.request, quote: el.quote }));
  expect(request.lines.length).toBeGreaterThan(0);
  const cli = JSON.parse(
    execFileSync("cargo", ["run", "--quiet", "--bin", "audioconf-pricing", "--", "quote", "--format", "json"], { input: JSON.stringify(request) }),
  );
  expect(quote.total).toBe(cli.total);
  // The shown total is that amount, formatted: the same digits.
  const digits = (s) => s.replace(/\D/g, "").replace(/^0+/, "");
  await expect.poll(async () => digits(await total.textContent())).toBe(digits(cli.total));
  expect(problems).toEqual([]);
});
