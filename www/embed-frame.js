// Inside dist/embed.html, the calculator alone in an iframe: the bridge to the host page (its loader is
// embed.js). Talks only to the window that framed it, at the exact origin the loader named in the URL
// (`?parent=`, checked against location.ancestorOrigins where the browser has it): it posts the content's
// height (a ResizeObserver on the body: the element and any notice above it), every quote, refused
// request and language change, and takes requests and attributes in. A message of this protocol from any
// other window or origin is ignored and counted (`window.audioconfPricingEmbed.ignored`). Opened on its
// own, not framed, it is a plain page.
//
// Offline: once the first total is on screen it registers the site's service worker (offline.js, as the
// pricing page does), so after one visit the frame reloads with the network off and says so. Framed by
// another site, the browser keeps that registration per host site, and only where it lets framed sites
// store anything. The notice and the update prompt stand above the calculator, inside the height posted
// to the host, in the calculator's language.
import { catalogue, loadCatalogue, resolveLocale } from "./i18n.js";

export const PROTOCOL = "audioconf-pricing/1";
const ATTRIBUTES = ["locale", "currency", "rates-src"];
const TAG = "audioconf-pricing";

const params = new URLSearchParams(location.search);
const el = document.querySelector(TAG);
// Before the element's module runs (this script comes first), so its first render has them.
for (const name of ATTRIBUTES) if (params.get(name)) el.setAttribute(name, params.get(name));

const bridge = { ignored: 0, parent: null };
globalThis.audioconfPricingEmbed = bridge;

/** The host's origin if this page is framed by it, else null. */
function parentOrigin() {
  const named = params.get("parent");
  if (window.parent === window || !named) return null;
  let origin;
  try {
    origin = new URL(named).origin;
  } catch {
    return null;
  }
  if (origin !== named || origin === "null") return null;
  const ancestors = location.ancestorOrigins;
  return ancestors?.length && ancestors[0] !== origin ? null : origin;
}

let latest = "";
/** Puts the page in the calculator's language: its title, `lang` and offline.js's texts. */
async function translate(locale) {
  const resolved = resolveLocale(locale);
  latest = resolved;
  await loadCatalogue(resolved);
  if (latest !== resolved) return document.title; // a later choice won
  const t = catalogue(resolved);
  document.documentElement.lang = resolved;
  document.title = t("page_heading");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  return document.title;
}

function start(origin) {
  bridge.parent = origin;
  const post = (type, data = {}) => window.parent.postMessage({ protocol: PROTOCOL, type, ...data }, origin);
  const refuse = (error) => post("quote-error", { detail: { code: error?.code ?? "invalid_request", path: error?.path ?? "request", message: String(error?.message ?? error) } });
  const defined = customElements.whenDefined(TAG);
  window.addEventListener("message", (e) => {
    if (e.data?.protocol !== PROTOCOL) return;
    if (e.source !== window.parent || e.origin !== origin) {
      bridge.ignored++;
      return;
    }
    const { type, request, attributes } = e.data;
    if (type === "request") {
      defined.then(() => {
        try {
          el.request = request;
        } catch (error) {
          refuse(error);
        }
      });
    } else if (type === "attributes" && attributes && typeof attributes === "object") {
      for (const name of ATTRIBUTES) {
        const value = attributes[name];
        if (typeof value === "string" && value) el.setAttribute(name, value);
        else if (value === null) el.removeAttribute(name);
        else continue;
        // The element says locale-change only for a person's choice: the host's is followed here.
        if (name === "locale") translate(el.getAttribute("locale"));
      }
    }
  });
  el.addEventListener("quote-change", (e) => post("quote", { request: e.detail.request, quote: e.detail.quote }));
  el.addEventListener("quote-error", (e) => post("quote-error", { detail: e.detail }));
  el.addEventListener("locale-change", async (e) => post("locale-change", { locale: e.detail.locale, title: await translate(e.detail.locale) }));
  // The body: the calculator and, above it, offline.js's notices (embed.css leaves it no margin).
  new ResizeObserver(([entry]) => post("size", { height: Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? document.body.offsetHeight) })).observe(document.body);
  defined.then(async () => post("ready", { title: await translate(el.getAttribute("locale")) }));
}

const origin = parentOrigin();
if (origin) start(origin);
else {
  translate(el.getAttribute("locale"));
  el.addEventListener("locale-change", (e) => translate(e.detail.locale));
}
// Offline support once the first total is on screen (it is not part of the first load), then its texts
// in the calculator's language.
customElements
  .whenDefined(TAG)
  .then(() => el.ready)
  .then(() =>
    setTimeout(async () => {
      await (await import("./offline.js")).startOffline();
      translate(el.getAttribute("locale"));
    }),
  );
