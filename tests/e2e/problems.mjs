// Shared by the browser tests: every test also checks that the page raised no error and broke no
// Content-Security-Policy rule.
import { expect } from "@playwright/test";

/** Registers the hooks that collect page errors and CSP violations, and fail a test that had any. */
export function failOnPageProblems(test) {
  test.beforeEach(async ({ page }, testInfo) => {
    testInfo.problems = [];
    page.on("pageerror", (e) => testInfo.problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource/.test(m.text())) testInfo.problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
  });

  test.afterEach(async ({}, testInfo) => {
    expect(testInfo.problems, "no page errors or CSP violations").toEqual([]);
  });
}
