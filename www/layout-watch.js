// What the element's layout needs to know: the width of the results and of the mix bar (the charts are
// drawn at those widths) and whether the summary is in view (the slim sticky total shows when it is not).
// A lit ReactiveController; the host re-renders when a width moves by more than a few pixels.

export class LayoutWatch {
  /** Widths in pixels, 0 until measured. */
  results = 0;
  mixBar = 0;
  summaryVisible = true;
  #resize = null;
  #seen = null;
  #observed = { results: null, summary: null, mixBar: null };

  constructor(host) {
    this.host = host;
    host.addController(this);
  }

  hostConnected() {
    this.#resize = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const key = e.target === this.#observed.mixBar ? "mixBar" : "results";
        const w = Math.round(e.contentRect.width) || 1;
        if (Math.abs(w - this[key]) > 4 || this[key] === 0) {
          this[key] = w;
          changed = true;
        }
      }
      if (changed) this.host.requestUpdate();
    });
    this.#seen = new IntersectionObserver((entries) => {
      this.summaryVisible = entries[entries.length - 1].isIntersecting;
      this.host.requestUpdate();
    });
    this.#observed = { results: null, summary: null, mixBar: null };
  }

  hostDisconnected() {
    this.#resize?.disconnect();
    this.#seen?.disconnect();
  }

  /** After each render: observe the elements now in the shadow root (the mix bar is re-created). */
  hostUpdated() {
    const root = this.host.renderRoot;
    const watch = (key, selector, observer) => {
      const el = root.querySelector(selector);
      if (el === this.#observed[key]) return;
      if (this.#observed[key]) observer.unobserve(this.#observed[key]);
      this.#observed[key] = el;
      if (el) observer.observe(el);
    };
    watch("results", ".results", this.#resize);
    watch("mixBar", ".mixbar-wrap", this.#resize);
    watch("summary", ".summary", this.#seen);
  }
}
