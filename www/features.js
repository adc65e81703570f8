// Where later features plug in (share links, export, print, scenarios, usage import, the iframe bridge).
// Each is a module of its own exporting a factory `(host) => controller`: a lit ReactiveController (see
// https://lit.dev/docs/composition/controllers/). The element imports this module (a chunk of its own)
// only once its first total is shown, so nothing here weighs on the first load, and then adds the
// controllers: the first quote is already there (`host.quote` in `hostConnected`), later ones come with
// the quote-change event. A controller may use the element's public contract (`request`, `quote`,
// `ready`, the events) and may offer `toolbar(tx)`: a lit template shown in the toolbar's actions (tx: the
// Texts of text.js). To add one, import its factory here and list it in FEATURES; the element itself
// does not change.

/** @type {Array<(host: HTMLElement) => import("lit").ReactiveController & {toolbar?: (tx: object) => unknown}>} */
export const FEATURES = [];
