// `cargo xtask build` (from dist-extras.mjs): the page's first paint. Inlines the page's stylesheet into
// dist/index.html and draws the first total into it.
//
// A person should see the total as soon as the page paints, not after the module graph, the .wasm and the
// first render have run. So the build opens dist/index.html in Debian's Chromium, lets the element price
// its default request with the built-in card, and keeps what the element shows at its first total (the
// toolbar and the summary) as a declarative shadow root of <audioconf-pricing> in index.html:
//
//   <audioconf-pricing id="calculator"><template shadowrootmode="open"><style>…</style>
//     <div class="wrapper" data-prerender="en-US" inert>…</div></template></audioconf-pricing>
//
// - It is the element's own markup and the element's own CSS rules, only those that match it (every
//   @media and @container variant of them kept, so it lays out the same at every width and in dark mode);
//   its <style> is allowed by a hash added to the page's Content-Security-Policy.
// - It is inert: nothing in it takes focus, a key or a click (a click reaches the element, and the element
//   replays it once it has taken over: www/boot.js, www/prerender.js).
// - The element takes it over (www/prerender.js): it keeps it until its own first total is rendered and
//   removes it in the same frame, so nothing moves; when the person's language is another one, it removes
//   it at once.
// Without /usr/bin/chromium the step says so and leaves index.html as it is (the page is then only slower
// to its first total).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./static-server.mjs";
// What the size report counts as the first load is what the snapshot may use.
import { firstLoad as firstLoadOf } from "../tests/size-report.mjs";

const CHROMIUM = "/usr/bin/chromium";
const LOCALE = "en-US";

const csp = /(<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*content="[^"]*style-src 'self')/;
const sha = (text) => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;

/** Inlines the stylesheet of `dist`/index.html and draws its first total into it. */
export async function prerender(dist) {
  const page = path.join(dist, "index.html");

  // The page's own stylesheet, inlined: it blocks the first paint, and as a request of its own it would wait
  // behind the preloads (six connections to one host over HTTP/1.1).
  {
    const html = fs.readFileSync(page, "utf8");
    const link = /<link rel="stylesheet" href="(page(?:-[A-Za-z0-9]+)?\.css)">/;
    const sheet = html.match(link)?.[1];
    if (!sheet || !csp.test(html)) throw new Error("dist/index.html: no page stylesheet link or no style-src 'self' in its CSP");
    const css = fs.readFileSync(path.join(dist, sheet), "utf8").replace(/\/\*[^]*?\*\//g, "").trim();
    fs.writeFileSync(page, html.replace(csp, `$1 ${sha(css)}`).replace(link, () => `<style>${css}</style>`));
  }

  if (!fs.existsSync(CHROMIUM)) {
    console.error(`prerender: skipped, no ${CHROMIUM} (index.html shows its first total only once the module has run)`);
    return;
  }

  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: LOCALE, colorScheme: "light" });
    const tab = await context.newPage();
    const problems = [];
    tab.on("pageerror", (e) => problems.push(e.message));
    // What a person sees at the first total is drawn by the first load's modules alone (the features'
    // stand-ins, www/features.js): every other module, such as a feature's, which loads right after it, is
    // held back until the snapshot is taken, so a slow build machine cannot draw a loaded feature instead.
    const firstLoad = new Set(firstLoadOf(dist).filter((f) => f.endsWith(".js")).map((f) => `/${f}`));
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await tab.route(
      (url) => url.pathname.endsWith(".js") && !firstLoad.has(url.pathname),
      async (route) => {
        await held;
        await route.continue().catch(() => {});
      },
    );
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    const { markup, css } = await tab.evaluate(snapshot);
    release();
    if (problems.length) throw new Error(`the page failed while it was drawn: ${problems.join("; ")}`);
    const html = fs.readFileSync(page, "utf8");
    const host = /<audioconf-pricing\b[^>]*>(?=<\/audioconf-pricing>)/;
    if (!host.test(html)) throw new Error("dist/index.html has no empty <audioconf-pricing> element to fill");
    const filled = html
      .replace(csp, `$1 ${sha(css)}`)
      .replace(host, (tag) => `${tag}<template shadowrootmode="open"><style>${css}</style>${markup}</template>`);
    fs.writeFileSync(page, filled);
    console.error(`prerender: the first total (${Buffer.byteLength(markup)} B of markup, ${Buffer.byteLength(css)} B of CSS) in index.html`);
  } finally {
    await browser.close();
    server.close();
  }
}

/** In the page: the element's first-total frame as markup, and the CSS rules that match it. */
async function snapshot() {
  const el = document.querySelector("audioconf-pricing");
  await customElements.whenDefined("audioconf-pricing"); // after the first paint (www/boot.js)
  await el.ready;
  // What the element shows at its first total: the toolbar and the summary, before the panels and results.
  el._restShown = false;
  await el.updateComplete;
  const live = el.shadowRoot.querySelector(".wrapper");
  const copy = live.cloneNode(true);
  // Only what is drawn: no live regions, no pattern definitions, no slim sticky total (hidden at first,
  // it takes no room). Every option stays: a select is as wide as its longest one.
  for (const n of copy.querySelectorAll("[aria-live], svg.defs, .mini-anchor")) n.remove();
  for (const select of live.querySelectorAll("select")) copy.querySelector(`#${select.id} option[value="${select.value}"]`)?.setAttribute("selected", "");
  copy.dataset.prerender = copy.getAttribute("lang") ?? "en";
  copy.setAttribute("inert", "");
  const markup = copy.outerHTML.replace(/<!--[^]*?-->/g, "").replace(/>\s+</g, "> <");
  // Measure the rules against the copy in place of the element's own content, hidden from view.
  const probe = document.createElement("div");
  probe.attachShadow({ mode: "open" }).innerHTML = markup;
  const matches = (selector) => {
    // :host rules style the element itself; pseudo-classes and pseudo-elements are states of what matches.
    if (/:host/.test(selector)) return true;
    const plain = selector.replace(/::?[a-z-]+(\((?:[^()]|\([^()]*\))*\))?/g, "").trim();
    try {
      return !plain || !!probe.shadowRoot.querySelector(plain);
    } catch {
      return true;
    }
  };
  const keep = (rules) => {
    const out = [];
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule) {
        if (splitSelectors(rule.selectorText).some(matches)) out.push(rule.cssText);
      } else if (rule instanceof CSSMediaRule || rule instanceof CSSContainerRule || rule instanceof CSSSupportsRule) {
        const inner = keep(rule.cssRules);
        if (inner.length) out.push(`${rule.cssText.slice(0, rule.cssText.indexOf("{")).trim()}{${inner.join("")}}`);
      }
    }
    return out;
  };
  function splitSelectors(text) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "(") depth++;
      else if (text[i] === ")") depth--;
      else if (text[i] === "," && depth === 0) {
        parts.push(text.slice(start, i));
        start = i + 1;
      }
    }
    parts.push(text.slice(start));
    return parts.map((s) => s.trim());
  }
  // The browser's serialisation, without the spaces it adds around punctuation.
  const css = el.shadowRoot.adoptedStyleSheets
    .flatMap((sheet) => keep(sheet.cssRules))
    .join("")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .replace(/:\s+/g, ":");
  return { markup, css: unusedPropertiesDropped(css) };

  /** `css` without the custom properties that nothing in it reads (the element defines many for its other parts). */
  function unusedPropertiesDropped(css) {
    for (;;) {
      const next = css.replace(/(^|[;{])(--[\w-]+):[^;{}]*(?=[;}])/g, (decl, lead, name) =>
        css.includes(`var(${name}`) ? decl : lead,
      );
      if (next === css) return next.replace(/\{;/g, "{").replace(/;;+/g, ";").replace(/;\}/g, "}");
      css = next;
    }
  }
}
