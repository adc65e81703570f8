// Inside dist/embed.html, the calculator alone in an iframe: the bridge to the host page (its loader is
// embed.js). Talks only to the window that framed it, at the exact origin the loader named in the URL
// (`?parent=`, checked against location.ancestorOrigins where the browser has it): it posts the content's
// height (a ResizeObserver on the element), every quote, refused request and language change, and takes
// requests and attributes in. A message of this protocol from any other window or origin is ignored and
// counted (`window.audioconfPricingEmbed.ignored`). Opened on its own, not framed, it is a plain page.
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

async function title(locale) {
  const resolved = resolveLocale(locale);
  await loadCatalogue(resolved);
  document.title = catalogue(resolved)("page_heading");
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
      }
    }
  });
  el.addEventListener("quote-change", (e) => post("quote", { request: e.detail.request, quote: e.detail.quote }));
  el.addEventListener("quote-error", (e) => post("quote-error", { detail: e.detail }));
  el.addEventListener("locale-change", async (e) => post("locale-change", { locale: e.detail.locale, title: await title(e.detail.locale) }));
  new ResizeObserver(([entry]) => post("size", { height: Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? el.offsetHeight) })).observe(el);
  defined.then(async () => post("ready", { title: await title(el.getAttribute("locale")) }));
}

const origin = parentOrigin();
if (origin) start(origin);
else title(el.getAttribute("locale"));
