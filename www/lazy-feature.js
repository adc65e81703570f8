// Features that are not needed for the first total (share links, exports, the printed quote): each is a
// small stand-in on the first load that imports its module once the first total is on the page (or at
// once, when `eager()` says the page was opened for it), so the first-load budget does not carry them.
// Also the quote details {customer, preparedBy}: kept here, since they are part of the element's public
// contract from the start; the module with their inputs loads later like the others.
//
// A feature module exports `create(host, kit)`, which returns a lit ReactiveController (added to the host as
// it loads) with an optional `toolbar(tx)` template and the methods the element's contract forwards to.
// What it needs of the first load's modules (lit's html, the breakdown's groups...) comes in `kit`, not by
// import: a module imported both here and by a lazy one would be split by the bundler into a chunk of its
// own, and the first load would grow by the chunks' seams (1.6 KB brotli, measured; BENCHMARKS.md).

import { html, nothing } from "lit";
import { live } from "lit/directives/live.js";
import { addMessages } from "./i18n.js";
import { DEFAULT_SORT, DETAILS_MAX, quoteDetails } from "./state.js";

/** What feature modules use of the first load's modules. */
const KIT = { html, nothing, live, DEFAULT_SORT, addMessages, DETAILS_MAX };

/**
 * The stand-in controller of feature `name`, whose module `load()` imports. Until it has loaded, the toolbar
 * shows `standIn(tx, press, host)`: the same items as the feature's own `toolbar(tx)` (labels from the
 * first-load catalogue), so that nothing on the page moves when the module arrives. `press(key)` loads the
 * module and then presses its item of that `data-key` (or opens it: a `<details>`), focus moved with it.
 */
export function lazyFeature(name, load, eager = () => false, standIn = null) {
  return (host) => {
    let feature = null;
    let loading = null;
    const start = () =>
      // The breakdown's groups come with the panels and results (sections.js), which load after the
      // first total too.
      (loading ??= Promise.all([load(), import("./sections.js")]).then(([m, { groups }]) => {
        feature = m.create(host, { ...KIT, groups });
        host.addController(feature);
        host.requestUpdate();
        return feature;
      }));
    const press = (key) =>
      start()
        .then(() => host.updateComplete)
        .then(() => {
          const item = host.renderRoot.querySelector(`[data-key="${key}"]`);
          if (item instanceof HTMLDetailsElement) {
            item.open = true;
            item.querySelector("summary")?.focus();
          } else {
            item?.focus();
            item?.click();
          }
        });
    // After the render that shows the first total, not before: what it fetches is not in the first load.
    const afterFirstTotal = () => host.updateComplete.then(() => setTimeout(start));
    return {
      name,
      hostConnected() {
        if (eager()) start();
        else if (!loading) host.addEventListener("quote-change", afterFirstTotal, { once: true });
      },
      hostDisconnected() {
        host.removeEventListener("quote-change", afterFirstTotal);
      },
      toolbar: (tx) => (feature ? feature.toolbar?.(tx) : standIn?.(tx, press, host)),
      /** Resolves with what the feature's `method` returns, loading the feature first if need be. */
      call: (method, ...args) => start().then((f) => f[method](...args)),
    };
  };
}

/** The quote details and their inputs (details.js): `get()` and `set(value)` serve the element's `details`. */
export function detailsFeature(host) {
  const standIn = (tx, press) =>
    html`<details class="qt-details" data-key="quote-details" @toggle=${(e) => e.target.open && press("quote-details")}>
      <summary>${tx.t("quote_details")}</summary>
    </details>`;
  const feature = lazyFeature("details", () => import("./details.js"), undefined, standIn)(host);
  let value = quoteDetails(null);
  feature.get = () => ({ ...value });
  feature.set = (next) => {
    value = quoteDetails(next);
    host.requestUpdate();
    host.dispatchEvent(new CustomEvent("details-change", { bubbles: true, composed: true, detail: { ...value } }));
  };
  return feature;
}
