// Where later features plug in (share links, export, print, scenarios, usage import, the iframe bridge).
// Each is a module of its own exporting a factory `(host) => controller`: a lit ReactiveController (see
// https://lit.dev/docs/composition/controllers/) that the element adds at construction. A controller may
// use the element's public contract (`request`, `quote`, `ready`, the quote-change event) and may offer
// `toolbar(tx)`: a lit template shown in the toolbar's actions (tx: the Texts of text.js). To add one,
// import its factory here and list it in FEATURES; the element itself does not change.

import { usageImport } from "./usage-import.js";

/** @type {Array<(host: HTMLElement) => import("lit").ReactiveController & {toolbar?: (tx: object) => unknown}>} */
export const FEATURES = [usageImport];
