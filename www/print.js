// The printed quote: a "Print quote" button, and what only the print shows: a header (customer, prepared
// by, date, reference, rate card and its effective date) and the terms (validity, illustrative rates, taxes).
// The print styles (styles-quotes.js) put them around the summary and the results and leave out every
// control; before printing, the breakdown shows all its lines (and is collapsed again afterwards).

import { isoDate, quoteReference, setUp } from "./quote-kit.js";

/** How long a quote is valid, in days (the terms say so). */
export const VALID_DAYS = 30;

export function create(host, kit) {
  setUp(host, kit);
  return new PrintQuote(host, kit);
}

class PrintQuote {
  #collapse = false;
  #sheetKey = null;
  #sheetView = null;

  constructor(host, kit) {
    this.host = host;
    this.kit = kit;
  }

  hostConnected() {
    window.addEventListener("beforeprint", this.#expand);
    window.addEventListener("afterprint", this.#collapseAgain);
  }

  hostDisconnected() {
    window.removeEventListener("beforeprint", this.#expand);
    window.removeEventListener("afterprint", this.#collapseAgain);
  }

  /** Every breakdown line on the page (a print has no "Show all" button); resolves once it is drawn. */
  #expand = () => {
    const more = this.host.renderRoot.querySelector('[data-key="breakdown-more"][aria-expanded="false"]');
    if (!more) return Promise.resolve();
    this.#collapse = true;
    more.click();
    return this.host.updateComplete;
  };

  #collapseAgain = () => {
    if (!this.#collapse) return;
    this.#collapse = false;
    this.host.renderRoot.querySelector('[data-key="breakdown-more"][aria-expanded="true"]')?.click();
  };

  async print() {
    await this.#expand();
    window.print();
  }

  #head(tx, q) {
    const { html, nothing } = this.kit;
    const t = tx.t;
    const f = tx.fmt;
    const d = this.host.details;
    const item = (label, value, cls) => html`<div><dt>${label}</dt><dd class=${cls ?? nothing}>${value}</dd></div>`;
    return html`<header class="print-only print-head" data-key="print-head">
      <h2>${t("quote_title")}</h2>
      <dl>
        ${d.customer ? item(t("customer"), d.customer) : nothing}${d.preparedBy ? item(t("prepared_by"), d.preparedBy) : nothing}
        ${item(t("quote_date"), f.date(isoDate()))}${item(t("reference_label"), quoteReference(this.host), "ref")}
      </dl>
      <p>${t("card_line", { version: q.rate_card.version, date: f.date(q.rate_card.effective_date) })}</p>
    </header>`;
  }

  /** Validity, and the illustrative rates and taxes unless the quote's notes (printed above) say so. */
  #terms(tx, q) {
    const { html, nothing } = this.kit;
    const t = tx.t;
    const said = (code) => q.notes.some((n) => n.code === code);
    return html`<footer class="print-only print-terms" data-key="print-terms">
      <p>${t("quote_valid", { date: tx.fmt.date(isoDate(new Date(), VALID_DAYS)) })} ${t("quote_estimate")}</p>
      ${q.rate_card.illustrative && !said("illustrative_rates") ? html`<p>${t("illustrative_rates")}</p>` : nothing}
      ${said("excludes_taxes") ? nothing : html`<p>${t("excludes_taxes")}</p>`}
    </footer>`;
  }

  /** The header and terms, made again only when what they show changes (the toolbar renders as a person types). */
  #sheet(tx, q) {
    const d = this.host.details;
    const key = [tx, q, d.customer, d.preparedBy, isoDate()];
    if (!this.#sheetKey || key.some((v, i) => v !== this.#sheetKey[i])) {
      this.#sheetKey = key;
      this.#sheetView = this.kit.html`${this.#head(tx, q)}${this.#terms(tx, q)}`;
    }
    return this.#sheetView;
  }

  toolbar(tx) {
    const { html, nothing } = this.kit;
    const q = this.host.quote;
    return html`<button type="button" data-key="print-quote" @click=${() => this.print()}>${tx.t("print_quote")}</button>
      ${q ? this.#sheet(tx, q) : nothing}`;
  }
}
