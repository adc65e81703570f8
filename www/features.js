// Where later features plug in (share links, export, print, scenarios, usage import, the iframe bridge).
// Each is a module of its own exporting a factory `(host) => controller`: a lit ReactiveController (see
// https://lit.dev/docs/composition/controllers/) that the element adds at construction. A controller may
// use the element's public contract (`request`, `quote`, `ready`, the quote-change event) and may offer
// `toolbar(tx)`: a lit template shown in the toolbar's actions (tx: the Texts of text.js). To add one,
// import its factory here and list it in FEATURES; the element itself does not change. A feature not
// needed for the first total loads its code when first opened (lazy-panel.js), so that the first load
// carries only its button.

import { lazyPanel } from "./lazy-panel.js";

/** @type {Array<(host: HTMLElement) => import("lit").ReactiveController & {toolbar?: (tx: object) => unknown}>} */
export const FEATURES = [
  lazyPanel("scenarios", "scenarios_button", () => import("./scenarios.js")),
  lazyPanel("saved-quotes", "saved_button", () => import("./saved-quotes.js")),
];
