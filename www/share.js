// Share links: the whole quote in the URL's fragment (never sent to a server), kept up to date with
// history.replaceState (Back is not flooded), opened again exactly, and a "Copy link" button. The encoding
// is share-codec.js. A link made against another card, or whose total is no longer today's, shows both totals
// and says that rates changed; a link that cannot be read says what is wrong with it and leaves the
// defaults. Only the first element on a page follows the page's URL.

import { decode, encode } from "./share-codec.js";
import { quoteReference, quoteState, setUp } from "./quote-kit.js";

/** How long the URL waits after a change before following it (typing in the details is one change). */
const SYNC_MS = 250;

/** The element whose quote the page's URL carries. */
let owner = null;

export function create(host, kit) {
  setUp(host, kit);
  return new ShareLink(host, kit);
}

/** An amount in `currency` (a decimal string, shown with the digits it has). */
function money(tx, amount, currency) {
  if (currency === tx.fmt.currency) return tx.fmt.money(amount);
  const digits = amount.includes(".") ? amount.split(".")[1].length : 0;
  return new Intl.NumberFormat(tx.locale, { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
}

class ShareLink {
  /** {changed: {quoted, quotedVersion, currency, current, currentVersion, currentCurrency}} or {problem: error}. */
  notice = null;
  /** After "Copy link": "copied", or "denied" (the link is then shown to be copied by hand). */
  copied = null;
  copiedUrl = "";
  #opened = false;
  #pending = null;
  #defaults = null;
  #timer = 0;

  constructor(host, kit) {
    this.host = host;
    this.kit = kit;
    owner ??= host;
  }

  hostConnected() {
    this.host.addEventListener("quote-change", this.#onQuote);
    this.host.addEventListener("quote-error", this.#onError);
    this.host.addEventListener("details-change", this.#onChange);
    if (!this.#opened) {
      this.#opened = true;
      if (owner === this.host) this.#open(location.hash.slice(1));
      if (!this.#pending) this.#onChange(); // the URL carries the quote on screen from now on
    }
  }

  hostDisconnected() {
    this.host.removeEventListener("quote-change", this.#onQuote);
    this.host.removeEventListener("quote-error", this.#onError);
    this.host.removeEventListener("details-change", this.#onChange);
    clearTimeout(this.#timer);
  }

  /** The share link of the quote on screen (once there is one). */
  async url() {
    await this.host.ready;
    return `${location.href.split("#")[0]}#${encode(quoteState(this.host))}`;
  }

  /** Restores the quote a fragment carries, or says why it cannot. */
  #open(fragment) {
    const read = decode(fragment);
    if (read === null) return;
    if (!read.ok) {
      this.#say({ problem: read.error });
      return;
    }
    const { request, details, locale } = read.state;
    const defaults = this.host.request;
    delete defaults.currency; // the card's own, whatever it is
    this.#defaults = defaults;
    this.#pending = read.state;
    this.host.details = details;
    if (locale) {
      this.host.setAttribute("locale", locale);
      this.host.dispatchEvent(new CustomEvent("locale-change", { bubbles: true, composed: true, detail: { locale } }));
    }
    // The quote follows now (with a card) or when the card is there: #onQuote compares it with the link's.
    this.host.request = request;
  }

  #say(notice) {
    this.notice = notice;
    this.host.requestUpdate();
  }

  #onQuote = (e) => {
    const link = this.#pending;
    if (link) {
      this.#pending = null;
      const q = e.detail.quote;
      if (q.rate_card.version !== link.cardVersion || q.total !== link.total || q.currency !== link.request.currency) {
        this.#say({
          changed: { quoted: link.total, quotedVersion: link.cardVersion, currency: link.request.currency, current: q.total, currentVersion: q.rate_card.version, currentCurrency: q.currency },
        });
      }
    }
    this.#onChange();
  };

  #onError = (e) => {
    if (!this.#pending) return;
    this.#pending = null;
    this.#say({ problem: { code: "unpriced", message: e.detail.message } });
    this.host.details = {};
    this.host.request = this.#defaults;
  };

  #onChange = () => {
    if (this.copied) {
      this.copied = null;
      this.host.requestUpdate();
    }
    if (owner !== this.host) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const state = quoteState(this.host);
      if (!state) return;
      const hash = `#${encode(state)}`;
      if (location.hash !== hash) history.replaceState(history.state, "", hash);
    }, SYNC_MS);
  };

  async #copy() {
    const url = await this.url();
    try {
      await navigator.clipboard.writeText(url);
      this.copied = "copied";
    } catch {
      // Denied, or no clipboard here (an insecure page): the link, selected, to copy by hand.
      this.copied = "denied";
    }
    this.copiedUrl = url;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (this.copied === "denied") this.host.renderRoot.querySelector("#q-share-url")?.select();
  }

  #dismiss() {
    this.#say(null);
    this.host.updateComplete.then(() => this.host.renderRoot.querySelector('[data-key="copy-link"]')?.focus());
  }

  #noticeView(tx) {
    const { html, nothing } = this.kit;
    const t = tx.t;
    const n = this.notice;
    if (!n) return nothing;
    const dismiss = html`<button type="button" data-key="share-dismiss" @click=${() => this.#dismiss()}>${t("dismiss")}</button>`;
    if (n.changed) {
      const c = n.changed;
      return html`<div class="qt-notice" role="status" data-key="rates-changed">
        <strong>${t("rates_changed_title")}</strong>
        <p>${t("rates_changed_body", { quoted: money(tx, c.quoted, c.currency), quoted_version: c.quotedVersion, current: money(tx, c.current, c.currentCurrency), current_version: c.currentVersion })}</p>
        <p class="hint">${t("rates_changed_hint")}</p>
        ${dismiss}
      </div>`;
    }
    const e = n.problem;
    const field = e.field ? t(`share_field_${e.field}`, { line: e.line ?? "" }) : "";
    return html`<div class="qt-notice problem" role="alert" data-key="link-problem">
      <strong>${t("link_problem_title")}</strong>
      <p>${t(`share_err_${e.code}`, { field, value: e.value ?? "", message: e.message ?? "" })}</p>
      <p>${t("link_defaults")}</p>
      ${dismiss}
    </div>`;
  }

  toolbar(tx) {
    const { html, nothing } = this.kit;
    const t = tx.t;
    const reference = quoteReference(this.host);
    return html`${this.#noticeView(tx)}
      <button type="button" data-key="copy-link" @click=${() => this.#copy()}>${t("copy_link")}</button>
      ${reference ? html`<span class="qt-ref">${t("reference_label")} <strong data-key="quote-reference">${reference}</strong></span>` : nothing}
      <p class="qt-status${this.copied === "denied" ? " denied" : ""}" role="status">${this.copied === "copied" ? t("link_copied") : this.copied === "denied" ? t("copy_denied") : ""}</p>
      ${this.copied === "denied"
        ? html`<div class="qt-fallback"><label for="q-share-url">${t("share_link")}</label><input id="q-share-url" type="text" readonly data-key="share-url" .value=${this.copiedUrl}
            @focus=${(e) => e.target.select()}></div>`
        : nothing}`;
  }
}
