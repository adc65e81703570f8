// What every browser test checks besides its own assertions: the page raised no error, logged no console
// error, opened no dialog (alert, confirm, prompt: a sign that text ran as script) and broke no
// Content-Security-Policy rule. `checkPageProblems(test, expect)` at the top of a spec file adds the hooks.

export function checkPageProblems(test, expect) {
  test.beforeEach(async ({ page }, testInfo) => {
    testInfo.problems = [];
    page.on("pageerror", (e) => testInfo.problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource/.test(m.text())) testInfo.problems.push(`console: ${m.text()}`);
    });
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
