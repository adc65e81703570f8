// What the quote features (details.js, share.js, export.js, print.js) share: their English messages and
// styles, the state of a quote as the share codec takes it (read from the element's public contract), its
// reference, the date and a download. Loaded with the first of them, after the first total; like them, it
// imports none of the first load's modules (what it needs comes in the `kit` of lazy-feature.js).

import messages from "./i18n-quotes.js";
import { QUOTES_CSS } from "./styles-quotes.js";
import { reference } from "./share-codec.js";

const styled = new WeakSet();
let added = false;

/**
 * What each quote feature does first: adds the English messages to the catalogue (once) and adopts the
 * features' styles (screen and print) into the host's shadow root (once per element).
 */
export function setUp(host, kit) {
  if (!added) {
    added = true;
    kit.addMessages(messages);
  }
  const root = host.renderRoot;
  if (styled.has(host) || !root?.adoptedStyleSheets) return;
  styled.add(host);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(QUOTES_CSS);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * The quote on screen as the share codec takes it, or null before the first quote: the request priced, the
 * details, the locale if one was chosen, the card version and the total.
 */
export function quoteState(host) {
  const q = host.quote;
  if (!q) return null;
  return { request: host.request, details: host.details, locale: host.getAttribute("locale") || null, cardVersion: q.rate_card.version, total: q.total };
}

let last = { quote: null, details: "", reference: "" };
/**
 * The reference of the quote on screen ("" before the first quote). Worked out again only for a new quote
 * (the element's request and quote change together) or new details: the toolbar asks on every render.
 */
export function quoteReference(host) {
  const q = host.quote;
  if (!q) return "";
  const d = host.details;
  const details = `${d.customer}\u0000${d.preparedBy}`;
  if (last.quote !== q || last.details !== details) last = { quote: q, details, reference: reference(quoteState(host)) };
  return last.reference;
}

/** A local date as YYYY-MM-DD, `days` after `date`. */
export function isoDate(date = new Date(), days = 0) {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Offers `text` as a file named `name` (a download; the link is made and revoked here). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
