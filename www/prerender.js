// The first total drawn at build time (xtask/prerender.mjs): index.html carries, inside
// <audioconf-pricing>, a declarative shadow root with what the element shows at its first total (its own
// markup and the CSS rules that match it, inert). A lit ReactiveController that takes it over:
// - the element renders nothing of its own while `holding()` says so: until its first quote, a refused
//   request or a card that failed to load is there to show;
// - then it renders everything at once and this controller removes the drawn copy right after that
//   render, before the browser paints, so the total does not move;
// - when the person's language is not the one it was drawn in, or the page's URL has a fragment (a share
//   link's state), it goes at once: the element's loading state shows instead of a wrong total or language.
// - a click on the drawn copy before then (index.html's boot.js keeps the last one on the element) is
//   replayed once the element's own controls are in its place, if it was at most REPLAY_WITHIN_MS ago and
//   the copy went because the element had its own to show: a button or a summary there is clicked, a
//   select (or the label of one) focused and opened. Anywhere else, or after the copy went at once, it is
//   dropped.
// An element without one (any embedder's) is not affected.
import { resolveLocale } from "./i18n.js";

const language = (tag) => String(tag).split("-")[0].toLowerCase();

/** Where boot.js keeps the last click on the drawn copy: `{ x, y }` on the page, `at` its event's timeStamp. */
const EARLY_CLICK = Symbol.for("audioconf-pricing.early-click");

/** A click older than this is not replayed: about as long as the browser's user activation lasts. */
const REPLAY_WITHIN_MS = 5000;

export class Prerendered {
  #host;
  #nodes = [];
  #releasing = false;

  constructor(host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected() {
    const root = this.#host.shadowRoot;
    const drawn = root && [...root.children].find((n) => n.dataset?.prerender);
    if (!drawn || this.#nodes.length) return;
    // Lit has not rendered yet: every node of the root is the drawn copy's (the wrapper and its <style>).
    // Lit would render before the root's first node; after them instead, as into an empty root, so that
    // removing them never takes away the node it renders before.
    this.#nodes = [...root.childNodes];
    this.#host.renderOptions.renderBefore = null;
    // Drawn for the default request: a page opened with state in its fragment (a share link) shows its own.
    const other = language(drawn.dataset.prerender) !== language(resolveLocale(this.#host.locale));
    if (other || location.hash.length > 1) this.#remove();
  }

  /** True while the drawn copy stands for the element; `ready`: the element has its own to show. */
  holding(ready) {
    if (!this.#nodes.length) return false;
    if (ready) this.#releasing = true;
    return !ready;
  }

  hostUpdated() {
    if (!this.#releasing) return;
    const click = this.#host[EARLY_CLICK];
    this.#remove();
    if (click && performance.now() - click.at <= REPLAY_WITHIN_MS) requestAnimationFrame(() => this.#replay(click));
  }

  #remove() {
    for (const n of this.#nodes) n.remove();
    this.#nodes = [];
    this.#releasing = false;
    delete this.#host[EARLY_CLICK];
  }

  /** Does what a click at page point (x, y) on the drawn copy asked of the control now there. */
  #replay({ x, y }) {
    const hit = this.#host.shadowRoot.elementFromPoint(x - scrollX, y - scrollY);
    const control = hit?.closest("button, summary, select") ?? hit?.closest("label")?.control;
    if (!control || control.disabled) return;
    control.focus();
    if (control.localName !== "select") control.click();
    else {
      try {
        control.showPicker(); // needs the click's user activation, still there within REPLAY_WITHIN_MS
      } catch {
        // Focused is as far as this browser goes.
      }
    }
  }
}
