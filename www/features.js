// Where later features plug in (share links, export, print, scenarios, usage import, the iframe bridge).
// Each is a module of its own exporting a factory `(host) => controller`: a lit ReactiveController (see
// https://lit.dev/docs/composition/controllers/) that the element adds at construction. A controller may
// use the element's public contract (`request`, `quote`, `ready`, `details`, the quote-change event) and may
// offer `toolbar(tx)`: a lit template shown in the toolbar's actions (tx: the Texts of text.js), and a
// `name` by which the element forwards a member of its contract to it. To add one, import its factory here
// and list it in FEATURES. A feature not needed for the first total keeps only a stand-in in the first
// load: a lazyFeature (lazy-feature.js) loads its module once the first total is shown, a lazyPanel
// (lazy-panel.js) when its button is first pressed.

import { detailsFeature, lazyFeature } from "./lazy-feature.js";
import { lazyPanel } from "./lazy-panel.js";
import { usageImport } from "./usage-import.js";

/** Whether the page was opened with a share link: then its module loads at once, not after the first total. */
const sharedLink = () => location.hash.startsWith("#q");

/** @type {Array<(host: HTMLElement) => import("lit").ReactiveController & {name?: string, toolbar?: (tx: object) => unknown}>} */
export const FEATURES = [
  lazyFeature("share", () => import("./share.js"), sharedLink),
  detailsFeature,
  lazyFeature("export", () => import("./export.js")),
  lazyFeature("print", () => import("./print.js")),
  lazyPanel("scenarios", "scenarios_button", () => import("./scenarios.js")),
  lazyPanel("saved-quotes", "saved_button", () => import("./saved-quotes.js")),
  usageImport,
];
