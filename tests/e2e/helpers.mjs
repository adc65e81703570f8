// What the browser tests share: the element, the CLI's quote for a request (the reference the page must
// agree with), opening the page, and the check that a test raised no page error and broke no
// Content-Security-Policy rule.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";

export const ARTIFACTS = "tests/artifacts";
export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export const calculator = (page) => page.locator("audioconf-pricing");
export const total = (page) => page.locator("audioconf-pricing [part=total]");

/**
 * The CLI's quote for a request (the reference the page must agree with). ACP_CLI may name a built
 * binary to run instead of `cargo run` (while the Rust tree is being edited).
 */
export function cliQuote(request) {
  const [cmd, args] = process.env.ACP_CLI
    ? [process.env.ACP_CLI, ["quote", "--format", "json"]]
    : ["cargo", ["run", "--quiet", "--bin", "audioconf-pricing", "--", "quote", "--format", "json"]];
  const out = execFileSync(cmd, args, {
    input: JSON.stringify(request),
    encoding: "utf8",
    timeout: 600_000,
  });
  return JSON.parse(out);
}

/**
 * The element's first quote, once it is defined: on index.html its script starts after the first paint
 * (www/boot.js), so `ready` is not there before.
 */
export const whenReady = (element) => element.evaluate((el) => customElements.whenDefined(el.localName).then(() => el.ready));

/** Opens the page and waits for the first quote. */
export async function open(page, url = "/") {
  await page.goto(url);
  await whenReady(calculator(page));
}

/**
 * A screenshot of the whole page with every section drawn. The calculator draws a section only once it is near
 * the window (`content-visibility: auto`, www/styles.js), and a full-page capture does not bring the rest
 * near: each calculator on the page, in frames too, first draws all of its sections, for good.
 */
export async function shootWholePage(page, file) {
  for (const frame of page.frames()) {
    await frame.evaluate(() => {
      for (const el of document.querySelectorAll("audioconf-pricing")) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync("section, fieldset { content-visibility: visible !important; }");
        el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
      }
    });
  }
  // (A frame off screen may get no animation frames: the page's own two stand for all.)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: file, fullPage: true });
}

/** Every test of the calling file fails when its page raised an error, opened a dialog or broke a CSP rule. */
export function watchForProblems() {
  test.beforeEach(async ({ page }, testInfo) => {
    testInfo.problems = [];
    page.on("pageerror", (e) => testInfo.problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource/.test(m.text())) testInfo.problems.push(`console: ${m.text()}`);
    });
    // An alert, confirm or prompt: a sign that text ran as script.
    page.on("dialog", (d) => {
      testInfo.problems.push(`dialog: ${d.message()}`);
      d.dismiss();
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  test.afterEach(async ({}, testInfo) => {
    expect(testInfo.problems, "no page errors, dialogs or CSP violations").toEqual([]);
  });
}
