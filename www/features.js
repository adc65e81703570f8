// Where later features plug in (share links, export, print, scenarios, usage import, the iframe bridge).
// Each is a module of its own exporting a factory `(host) => controller`: a lit ReactiveController (see
// https://lit.dev/docs/composition/controllers/) that the element adds at construction. A controller may
// use the element's public contract (`request`, `quote`, `ready`, `details`, the quote-change event) and may
// offer `toolbar(tx)`: a lit template shown in the toolbar's actions (tx: the Texts of text.js), and a
// `name` by which the element forwards a member of its contract to it. To add one, import its factory here
// and list it in FEATURES. A feature not needed for the first total keeps only a stand-in in the first
// load: a lazyFeature (lazy-feature.js) loads its module once the first total is shown, a lazyPanel
// (lazy-panel.js) when its button is first pressed.

import { html, nothing } from "lit";
import { detailsFeature, lazyFeature } from "./lazy-feature.js";
import { lazyPanel } from "./lazy-panel.js";
import { usageImport } from "./usage-import.js";

/** Whether the page was opened with a share link: then its module loads at once, not after the first total. */
const sharedLink = () => location.hash.startsWith("#q");

/** A stand-in's button: pressed, it loads its feature and presses the real one. */
const button = (key, label, press) => html`<button type="button" data-key=${key} @click=${() => press(key)}>${label}</button>`;

// The toolbar items of the share link, the exports and the printed quote until their modules have loaded:
// the same buttons, and the quote's reference (share.js) as an unseen placeholder of its width.
const shareStandIn = (tx, press, host) =>
  html`${button("copy-link", tx.t("copy_link"), press)}${host.quote
    ? html`<span class="qt-ref stand-in" aria-hidden="true">${tx.t("reference_label")} <strong>0000-0000</strong></span>`
    : nothing}`;
const exportStandIn = (tx, press) => html`${button("download-csv", tx.t("download_csv"), press)}${button("download-json", tx.t("download_json"), press)}`;
const printStandIn = (tx, press) => button("print-quote", tx.t("print_quote"), press);

/**
 * On a phone the toolbar shows the first FOLD_AT features' items (the quote details and the share link)
 * and a "More actions" button; the rest (exports, print, scenarios, saved quotes, usage import) fold
 * behind it (the element's #featureActions, styles.js). On wider screens everything is in one row.
 */
export const FOLD_AT = 2;

/**
 * In the toolbar's order, which is also the keyboard's (the quote's reference, share.js, goes to the end of
 * the row: styles.js).
 * @type {Array<(host: HTMLElement) => import("lit").ReactiveController & {name?: string, toolbar?: (tx: object) => unknown}>} */
export const FEATURES = [
  detailsFeature,
  lazyFeature("share", () => import("./share.js"), sharedLink, shareStandIn),
  lazyFeature("export", () => import("./export.js"), undefined, exportStandIn),
  lazyFeature("print", () => import("./print.js"), undefined, printStandIn),
  lazyPanel("scenarios", "scenarios_button", () => import("./scenarios.js")),
  lazyPanel("saved-quotes", "saved_button", () => import("./saved-quotes.js")),
  usageImport,
];
