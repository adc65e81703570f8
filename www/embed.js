// The iframe loader, for hosts that cannot run the element's module (a CSP without 'wasm-unsafe-eval', a
// different framework's page): a classic script (no CORS needed) that defines <audioconf-pricing-frame>.
//
//   <script src="https://calculator.example/embed.js" async></script>
//   <audioconf-pricing-frame locale="en-GB" currency="GBP"></audioconf-pricing-frame>
//
// It frames embed.html from the script's own folder, sizes the iframe to its content, and mirrors the
// element's contract: the `request` property (set: priced in the frame; get: the last one priced),
// `quote`, and the quote-change, quote-error and locale-change events with the same details. Messages go
// only to the calculator's exact origin, and are taken only from its iframe at that origin; anything else
// speaking this protocol is ignored and counted (`AudioconfPricingFrame.ignoredMessages`).
(() => {
  const PROTOCOL = "audioconf-pricing/1";
  const TAG = "audioconf-pricing-frame";
  const ATTRIBUTES = ["locale", "currency", "rates-src"];
  const BASE = new URL(".", document.currentScript?.src ?? location.href);
  /** The connected frames, by the window of their iframe. */
  const frames = new Map();
  let ignored = 0;

  window.addEventListener("message", (e) => {
    if (e.data?.protocol !== PROTOCOL) return;
    const host = frames.get(e.source);
    if (!host || e.origin !== host.origin) ignored++;
    else host.receive(e.data);
  });

  class AudioconfPricingFrame extends HTMLElement {
    static observedAttributes = [...ATTRIBUTES, "title"];
    static get ignoredMessages() {
      return ignored;
    }

    #iframe = null;
    #window = null;
    #ready = false;
    #pending = null;
    #attributes = {};
    #request = null;
    #quote = null;
    origin = new URL("embed.html", BASE).origin;

    get ignoredMessages() {
      return ignored;
    }
    get quote() {
      return this.#quote;
    }
    get request() {
      return this.#pending ?? this.#request;
    }
    set request(value) {
      if (this.#ready) this.#post({ type: "request", request: value });
      else this.#pending = value;
    }

    connectedCallback() {
      const src = new URL("embed.html", BASE);
      for (const name of ATTRIBUTES) if (this.getAttribute(name)) src.searchParams.set(name, this.getAttribute(name));
      src.searchParams.set("parent", location.origin);
      const iframe = document.createElement("iframe");
      iframe.src = src.href;
      iframe.title = this.getAttribute("title") || "audioconf-pricing";
      // CSSOM, not a style attribute: allowed by a host's strict style-src.
      Object.assign(iframe.style, { display: "block", width: "100%", height: "40rem", border: "0" });
      this.style.display = "block";
      this.#ready = false;
      this.#attributes = {};
      this.#iframe = iframe;
      this.append(iframe);
      this.#window = iframe.contentWindow;
      frames.set(this.#window, this);
    }

    disconnectedCallback() {
      frames.delete(this.#window);
      this.#iframe?.remove();
      this.#iframe = this.#window = null;
    }

    attributeChangedCallback(name, before, value) {
      if (name === "title") {
        if (this.#iframe) this.#iframe.title = value || "audioconf-pricing";
      } else if (this.#iframe && before !== value) {
        // Before the frame is ready its URL has the first values; a later change follows it there.
        this.#attributes[name] = value;
        if (this.#ready) this.#sendAttributes();
      }
    }

    #sendAttributes() {
      if (Object.keys(this.#attributes).length) this.#post({ type: "attributes", attributes: this.#attributes });
      this.#attributes = {};
    }

    #post(message) {
      this.#window?.postMessage({ protocol: PROTOCOL, ...message }, this.origin);
    }

    #emit(type, detail) {
      this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
    }

    /** A message from this element's own iframe, at the calculator's origin. */
    receive(data) {
      if (data.type === "ready") {
        this.#ready = true;
        if (!this.getAttribute("title") && typeof data.title === "string") this.#iframe.title = data.title;
        this.#sendAttributes();
        if (this.#pending) this.#post({ type: "request", request: this.#pending });
        this.#pending = null;
      } else if (data.type === "size") {
        const height = Number(data.height);
        if (Number.isFinite(height) && height > 0) this.#iframe.style.height = `${Math.ceil(height)}px`;
      } else if (data.type === "quote") {
        this.#request = data.request;
        this.#quote = Object.freeze(data.quote);
        this.#emit("quote-change", { request: data.request, quote: data.quote });
      } else if (data.type === "quote-error") {
        this.#emit("quote-error", data.detail);
      } else if (data.type === "locale-change") {
        if (!this.getAttribute("title") && typeof data.title === "string") this.#iframe.title = data.title;
        this.#emit("locale-change", { locale: data.locale });
      }
    }
  }

  if (!customElements.get(TAG)) customElements.define(TAG, AudioconfPricingFrame);
})();
