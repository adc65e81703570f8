// The strict CSP is really in force on every page the build writes, so the other tests' "no CSP violation"
// means something: an injected inline script and an inline style attribute are refused, and the
// violations are reported (securitypolicyviolation) with the directive that refused them.
import { test, expect } from "@playwright/test";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { watchForProblems, whenReady } from "./helpers.mjs";

watchForProblems();

const PAGES = {
  "the page": "/",
  "the iframe page": "/embed.html",
  "the single file": pathToFileURL(path.resolve("dist", "audioconf-pricing.html")).href,
};

for (const [name, url] of Object.entries(PAGES)) {
  test(`${name}: an injected inline script and style are refused and reported`, async ({ page }, testInfo) => {
    await page.goto(url);
    await whenReady(page.locator("audioconf-pricing"));
    const reported = await page.evaluate(async () => {
      const seen = [];
      const both = new Promise((resolve) =>
        document.addEventListener("securitypolicyviolation", (e) => {
          seen.push(e.effectiveDirective);
          if (seen.includes("script-src-elem") && seen.includes("style-src-attr")) resolve();
        }),
      );
      const script = document.createElement("script");
      script.textContent = "window.__injected = true;";
      document.head.append(script);
      const div = document.createElement("div");
      div.setAttribute("style", "outline: 9px solid red");
      document.body.append(div);
      await both; // a page without the CSP never gets here: the test times out and fails
      return { seen, injected: window.__injected ?? null, outline: getComputedStyle(div).outlineWidth };
    });
    expect(reported.injected).toBeNull();
    expect(reported.outline).not.toBe("9px");
    expect(reported.seen).toEqual(expect.arrayContaining(["script-src-elem", "style-src-attr"]));
    // Those two were this test's own doing; anything else is still a failure.
    testInfo.problems = testInfo.problems.filter((p) => !/script-src-elem|style-src-attr|(Executing inline script|Applying inline style) violates/.test(p));
  });
}
