// Every test of a spec that calls this also checks that its page raised no error and broke no
// Content-Security-Policy rule (a failed fetch is a test's own business, not a page error).
export function failOnPageProblems(test, expect) {
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
