// The pricing page around <audioconf-pricing>: follows the browser's language, and translates its own
// header and footer when the person switches language in the calculator. No inline script: CSP-friendly.
import "./audioconf-pricing.js";
import { catalogue, resolveLocale } from "./i18n.js";

const calculator = document.querySelector("audioconf-pricing");

function translatePage(locale) {
  const t = catalogue(locale);
  document.documentElement.lang = locale;
  document.title = t("page_title");
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
}

translatePage(resolveLocale(calculator?.getAttribute("locale")));
calculator?.addEventListener("locale-change", (event) => translatePage(event.detail.locale));
