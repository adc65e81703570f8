// The pricing page around <audioconf-pricing>: follows the browser's language, and translates its own
// header and footer when the person switches language in the calculator. No inline script: CSP-friendly.
// index.html loads the element itself (its own script tag, as any embedder does): importing it here
// would move the element's code, the WebAssembly glue included, into a chunk shared with this file, and
// the glue finds the .wasm next to the file it is in.
import { catalogue, loadCatalogue, resolveLocale } from "./i18n.js";

const calculator = document.querySelector("audioconf-pricing");

// English is what index.html says (so the English catalogue, which the element's first total needs, does
// not carry the page's texts too); another language's catalogue has them.
const english = { page_title: document.title };
for (const node of document.querySelectorAll("[data-i18n]")) english[node.dataset.i18n] = node.textContent;

let latest = "";
async function translatePage(locale) {
  latest = locale;
  await loadCatalogue(locale);
  if (latest !== locale) return; // a later choice won
  // (offline.js's lines are not in index.html: the English catalogue has them.)
  const t = locale.split("-")[0].toLowerCase() === "en" ? (key) => english[key] ?? catalogue("en")(key) : catalogue(locale);
  document.documentElement.lang = locale;
  document.title = t("page_title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}

translatePage(resolveLocale(calculator?.getAttribute("locale")));
calculator?.addEventListener("locale-change", (event) => translatePage(event.detail.locale));
// Offline support (the service worker and its update prompt) once the first total is on screen: it is not
// part of the first load.
// (The element is defined by then: index.html runs its script before this one, www/boot.js keeps the order.)
calculator?.ready.then(() => setTimeout(() => import("./offline.js").then((m) => m.startOffline())));
