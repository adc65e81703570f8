// What the lazily loaded toolbar features (scenarios.js, saved-quotes.js) share: a modal dialog of their own
// in the element's shadow root (native <dialog>: focus moves in and is kept there, Escape closes, focus goes
// back to the button that opened it), a live region inside it and one on the page, their styles adopted
// into the shadow root when the module loads (no <style> element: works under a strict CSP), and the money
// formats of amounts in a currency other than the page's. Importing it adds the features' English texts
// (i18n-features.js) to the catalogue. lit and the element's helpers come in `kit` (lazy-panel.js KIT).

import { FEATURE_CSS } from "./feature-styles.js";
import FEATURE_TEXTS from "./i18n-features.js";

const adopted = new WeakSet();

/** The browser's storage, or a throw where the page may not use it (reading `localStorage` itself throws then). */
export const storage = () => window.localStorage;

export class FeatureDialog {
  /** Something said on the page (outside the dialog), with role=status. */
  pageSaid = "";
  /** What the dialog's live region says. */
  said = "";
  isOpen = false;
  #opener = null;
  #formats = new Map();

  constructor(host, key, kit) {
    this.host = host;
    this.key = key;
    this.kit = kit;
    kit.addEnglish(FEATURE_TEXTS);
    const root = host.renderRoot;
    if (root && !adopted.has(root)) {
      adopted.add(root);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, kit.unsafeCSS(FEATURE_CSS).styleSheet];
    }
  }

  get dialog() {
    return this.host.renderRoot.querySelector(`dialog[data-key="${this.key}"]`);
  }

  /** Opens the dialog (`opener` gets the focus back when it closes); `willOpen()` prepares what it shows. */
  async open(opener) {
    this.#opener = opener ?? null;
    this.said = "";
    await this.willOpen?.();
    this.isOpen = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  close() {
    this.dialog?.close();
  }

  #closed() {
    this.isOpen = false;
    this.host.requestUpdate();
    if (this.#opener?.isConnected) this.#opener.focus();
  }

  /** Says `text` in the dialog's live region. */
  say(text) {
    this.said = text;
    this.host.requestUpdate();
  }

  /** The dialog: a heading, a close button and `body()` (rendered only while it is open). */
  frame(tx, title, body) {
    const { html, nothing } = this.kit;
    const id = `${this.key}-title`;
    return html`<dialog class="feature" data-key=${this.key} aria-labelledby=${id} @close=${() => this.#closed()}>
      ${this.isOpen
        ? html`<div class="dialog-head">
              <h2 id=${id}>${title}</h2>
              <button type="button" class="close" data-key="${this.key}-close" @click=${() => this.close()}>${tx.t("close")}</button>
            </div>
            <div class="dialog-body">${body()}</div>
            <div class="sr-only" aria-live="polite" aria-atomic="true">${this.said}</div>`
        : nothing}
    </dialog>
    <div class="sr-only" role="status" aria-atomic="true">${this.pageSaid}</div>`;
  }

  /**
   * Notes on the storage behind `list` (quote-store.js readList's state): a write that failed
   * (`writeProblem`: "full" or "unavailable"; the texts are `<prefix>_storage_full|unavailable`), storage
   * that cannot be read, a damaged or newer list kept aside, unreadable entries kept.
   */
  storageNotes(tx, list, writeProblem, prefix) {
    const { html } = this.kit;
    const t = tx.t;
    const notes = [];
    if (writeProblem === "full") notes.push(t(`${prefix}_storage_full`));
    else if (writeProblem || list.problem === "unavailable") notes.push(t(`${prefix}_storage_unavailable`));
    if (list.problem === "damaged" || list.problem === "newer") notes.push(t(`storage_${list.problem}`));
    if (list.unreadable) notes.push(t("storage_unreadable_items", { count: list.unreadable }));
    return notes.map((n) => html`<p class="notice" data-key="${this.key}-problem">${n}</p>`);
  }

  /** An amount in `currency` with `minor` decimals, as a string from the core; `signed`: "+" before gains. */
  money(tx, currency, minor, value, signed = false) {
    const key = `${tx.locale}|${currency}|${minor}|${signed}`;
    let f = this.#formats.get(key);
    if (!f) {
      const opts = { style: "currency", currency, minimumFractionDigits: minor, maximumFractionDigits: minor };
      f = new Intl.NumberFormat(tx.locale, signed ? { ...opts, signDisplay: "exceptZero" } : opts);
      this.#formats.set(key, f);
    }
    return f.format(String(value));
  }

  /** Minutes (a decimal string) with every digit they have; `signed`: "+" before increases. */
  minutes(tx, value, signed = false) {
    const text = String(value);
    const scale = Math.min(20, text.includes(".") ? text.split(".")[1].length : 0);
    const key = `${tx.locale}|m${scale}|${signed}`;
    let f = this.#formats.get(key);
    if (!f) {
      f = new Intl.NumberFormat(tx.locale, { maximumFractionDigits: scale, signDisplay: signed ? "exceptZero" : "auto" });
      this.#formats.set(key, f);
    }
    return f.format(text);
  }
}
