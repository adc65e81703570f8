/*
 * <audioconf-pricing>: a pricing calculator for Audio Conferencing pay-per-minute.
 *
 *   <script type="module" src="audioconf-pricing.js"></script>
 *   <audioconf-pricing></audioconf-pricing>
 *
 * This file wires the parts and owns the public contract; the parts live in the modules next to it (see
 * ARCHITECTURE.md for the map). Works under a strict CSP (script-src 'self' 'wasm-unsafe-eval'; style-src
 * 'self'): styles are adopted, lit sets no inline styles, text from outside is only ever text.
 *
 * @summary A monthly cost estimate for Teams Audio Conferencing pay-per-minute, by country and kind of call.
 *
 * @attr rates-src - URL of a rate card JSON (default: the built-in illustrative card)
 * @attr locale - BCP 47 tag for text and formatting ("en", "en-GB", "ru", ...); default: the browser's
 * @attr currency - ISO 4217 code of the quote, one of the card's currencies; default: the card's
 *
 * @prop request - get/set: the QuoteRequest (the CLI's JSON shape). Setting it shows its lines as exact
 *   minutes per country and kind, and fires quote-change.
 * @prop quote - read-only: the current Quote (frozen; null until the first one)
 * @prop ready - a Promise that resolves with the first Quote
 * @prop details - get/set: {customer, preparedBy} (text, at most 120 characters each): printed, exported, shared
 * @method shareUrl - a Promise of the share link (the whole quote in its fragment)
 * @method exportCsv - a Promise of the quote as CSV text (RFC 4180), as the screen shows it
 * @method exportJson - a Promise of the quote as JSON text, with its request, details and card
 *
 * @event quote-change - detail {request, quote}, after every new quote (the first one included)
 * @event quote-error - detail {code, path, message}, when the core refuses a request
 * @event locale-change - detail {locale}, when the person picks another language (or a share link does)
 * @event details-change - detail {customer, preparedBy}, when the quote details change
 *
 * @csspart toolbar @csspart summary @csspart total @csspart effective-rate @csspart form @csspart results
 * @csspart breakdown @csspart chart @csspart comparison @csspart break-even-chart @csspart credits
 * @csspart notes @csspart error
 *
 * @cssprop --acp-font @cssprop --acp-bg @cssprop --acp-fg @cssprop --acp-muted @cssprop --acp-surface
 * @cssprop --acp-surface-2 @cssprop --acp-border @cssprop --acp-control-border @cssprop --acp-accent
 * @cssprop --acp-accent-fg @cssprop --acp-accent-soft @cssprop --acp-focus @cssprop --acp-danger
 * @cssprop --acp-danger-soft @cssprop --acp-warning @cssprop --acp-warning-soft @cssprop --acp-success
 * @cssprop --acp-success-soft @cssprop --acp-kind-toll @cssprop --acp-kind-toll-free
 * @cssprop --acp-kind-landline @cssprop --acp-kind-mobile @cssprop --acp-pattern @cssprop --acp-radius
 * @cssprop --acp-gap @cssprop --acp-total-size (each has a light and a dark default)
 */
// First, so that the core's .wasm starts compiling before the rest of the module graph is evaluated.
import "./core.js";
import { LitElement, html, nothing, unsafeCSS } from "lit";
import { guard } from "lit/directives/guard.js";
import { CSS } from "./styles.js";
import { RESULTS_CSS } from "./styles-results.js";
import { CardLoader } from "./card-loader.js";
import { LayoutWatch } from "./layout-watch.js";
import { Announcer, totalMessage } from "./announcer.js";
import { hasCatalogue, loadCatalogue, resolveLocale } from "./i18n.js";
import * as S from "./state.js";
import { Texts } from "./text.js";
import { miniTotal, summary } from "./summary.js";
import { status, toolbar } from "./toolbar.js";
import { FEATURES, FOLD_AT } from "./features.js";
import { Prerendered } from "./prerender.js";

const TAG = "audioconf-pricing";
const FIRST_TOTAL = "audioconf-pricing:first-total";
let firstTotalMarked = false;
let instances = 0;

// The browser's language may need a catalogue other than English: fetch it beside the core.
loadCatalogue(resolveLocale(null));

const event = (type, detail) => new CustomEvent(type, { bubbles: true, composed: true, detail });

export class AudioconfPricing extends LitElement {
  static properties = {
    ratesSrc: { attribute: "rates-src" },
    locale: {},
    currency: {},
    _form: { state: true }, // state.js: the inputs
    _quote: { state: true },
    _error: { state: true }, // {code, path, message} of the last refused request
    _invalid: { state: true }, // an input is invalid: the quote shown is the last valid one
    _sort: { state: true },
    _expanded: { state: true }, // every breakdown line shown
    _allCountries: { state: true }, // every chosen country shown
    _restShown: { state: true }, // the panels and results: from the frame after the first total
    _searchLive: { state: true }, // the picker's announcements
    _moreOpen: { state: true }, // on a phone: the folded toolbar actions shown
  };

  static styles = [unsafeCSS(CSS), unsafeCSS(RESULTS_CSS)];

  #uid = `acp${++instances}`;
  #locale = "en";
  #tx = null;
  #txKey = "";
  #request = null;
  #quoteKey = "";
  #quoteFrame = 0;
  #restPending = false;
  #useBuiltIn = false;
  #readyResolve;
  #cards = new CardLoader(this, () => {
    this.#reflectCurrency();
    this.#requote({ force: true });
  });
  #pre = new Prerendered(this); // before #layout: the drawn copy is gone before it looks for the summary
  #layout = new LayoutWatch(this);
  #announcer = new Announcer(this);
  #sections = null; // sections.js: the panels and results, loaded once the first total is shown
  #picker = null; // its CountryPicker
  #features = FEATURES.map((make) => make(this));
  ready = new Promise((resolve) => (this.#readyResolve = resolve));

  constructor() {
    super();
    // Reactive properties are set here, not as class fields (which would hide lit's accessors).
    this.ratesSrc = null;
    this.locale = null;
    this.currency = null;
    this.#locale = resolveLocale(null);
    this._form = S.initialState(this.#locale);
    this._quote = null;
    this._error = null;
    this._invalid = false;
    this._sort = S.DEFAULT_SORT;
    this._expanded = false;
    this._allCountries = false;
    this._restShown = false;
    this._searchLive = "";
    this._moreOpen = false;
    for (const f of this.#features) this.addController(f);
  }

  // ---- Public contract ---------------------------------------------------------------------------

  get quote() {
    return this._quote;
  }

  get request() {
    return structuredClone(this.#request ?? S.buildRequest(this._form, this.#currency()).request);
  }

  set request(value) {
    this._form = S.fromRequest(this._form, value, this.#locale);
    this.#reflectCurrency();
    this.#requote({ force: true });
  }
  get details() { return this.#feature("details").get(); }
  set details(value) { this.#feature("details").set(value); }
  shareUrl() { return this.#feature("share").call("url"); }
  exportCsv() { return this.#feature("export").call("csv"); }
  exportJson() { return this.#feature("export").call("json"); }
  #feature = (name) => this.#features.find((f) => f.name === name); // features.js: loaded after the first total

  // ---- Lifecycle ---------------------------------------------------------------------------------

  disconnectedCallback() {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#quoteFrame);
    this.#quoteFrame = 0;
  }

  willUpdate(changed) {
    if (!this.hasUpdated || changed.has("ratesSrc")) {
      if (this.hasUpdated) this.#useBuiltIn = false;
      this.#loadCard();
    }
    if (changed.has("currency") && this.hasUpdated) {
      this._form = { ...this._form, currency: this.currency ? this.currency.toUpperCase() : null };
      this.#requote();
    }
    const locale = resolveLocale(this.locale);
    if (!hasCatalogue(locale)) loadCatalogue(locale).then(() => this.requestUpdate());
    else if (locale !== this.#locale) {
      this.#locale = locale;
      this._form = S.relocale(this._form, locale);
      if (this._quote) this.#announce();
    }
    // The Texts change only with the language, the card or the currency shown: sections keyed on them
    // re-render only then.
    const q = this._quote;
    const currency = q?.currency ?? this.#currency();
    const minor = q?.minor_units ?? this.#card?.rateCard.currencies.find((c) => c.code === currency)?.minor_units ?? 2;
    const key = `${this.#locale}|${hasCatalogue(this.#locale)}|${this.#card?.id ?? 0}|${currency}|${minor}`;
    if (key !== this.#txKey && hasCatalogue(this.#locale)) {
      this.#txKey = key;
      this.#tx = new Texts(this.#locale, this.#card, currency, minor);
      this.#tx.uid = this.#uid;
    }
  }

  render() {
    const tx = this.#tx;
    if (this.#pre.holding(tx && (this._quote || this._error || this.#cards.error))) return nothing;
    if (!tx) return html`<div class="wrapper"></div>`;
    const q = this._quote;
    const form = this._form;
    const card = this.#card;
    const loader = this.#cards;
    const layout = this.#layout;
    const stale = this._error ? { error: this._error } : this._invalid ? { invalid: true } : null;
    const on = this.#on;
    return html`<div class="wrapper" lang=${tx.locale}>
      ${this.#sections?.patternDefs(this.#uid) ?? nothing}
      <div class="status-area">${status(tx, { loading: loader.loading, hasCard: !!card, version: card?.rateCard.version, loadError: loader.error }, on)}</div>
      <div class="app">
        <div class="toolbar" part="toolbar">${guard([tx, card, this.#currency()], () => toolbar(tx, card?.rateCard, this.#currency(), on))}${this.#featureActions(tx)}</div>
        <div class="mini-anchor">${miniTotal(tx, q, layout.summaryVisible)}</div>
        <section class="summary${stale && q ? " is-stale" : ""}" part="summary" aria-labelledby="total-label">${guard([tx, q, this._error, this._invalid], () => summary(tx, q, stale))}</section>
        <!-- The panels and results follow the first total by a frame (and wait for a card: what is offered
             where comes from it); each panel re-renders only when the parts of the form state it shows
             are new objects. -->
        <form class="inputs" part="form" novalidate @submit=${(e) => e.preventDefault()}>${card && this._restShown ? this.#sections.panels(this.#view(tx)) : nothing}
        </form>
        <div class="results" part="results">${card && this._restShown ? this.#sections.results(this.#view(tx)) : nothing}</div>
      </div>
      <div class="sr-only" aria-live="polite" aria-atomic="true">${this.#announcer.text}</div>
      <div class="sr-only" aria-live="polite" aria-atomic="true">${this._searchLive}</div>
    </div>`;
  }

  /** What sections.js draws from. */
  #view(tx) {
    const { _form: form, _quote: q, _sort: sort, _expanded: expanded, _allCountries: allCountries } = this;
    return { tx, form, q, sort, expanded, allCountries, picker: this.#picker, layout: this.#layout, on: this.#on, currencies: this.#card.rateCard.currencies };
  }

  #featureActions(tx) {
    const actions = this.#features.filter((f) => f.toolbar).map((f) => f.toolbar(tx));
    if (!actions.length) return nothing;
    // The folded ones are items of the same row (`display: contents`) except on a phone, where they
    // show only once "More actions" is pressed (styles.js).
    const open = this._moreOpen;
    return html`<div class="actions">${actions.slice(0, FOLD_AT)}<button type="button" class="more" aria-expanded=${open ? "true" : "false"}
        aria-controls="${this.#uid}-more" @click=${() => (this._moreOpen = !open)}>${tx.t("more_actions")}</button><div class="folded${open ? " open" : ""}"
        id="${this.#uid}-more">${actions.slice(FOLD_AT)}</div></div>`;
  }

  updated() {
    if (this._quote && !firstTotalMarked) {
      firstTotalMarked = true;
      performance.mark(FIRST_TOTAL);
    }
    // The first total (or a card that cannot price the inputs) is on the page: the panels and results
    // load now (a chunk of their own) and show a frame later.
    if (this.#card && !this._restShown && !this.#restPending) {
      this.#restPending = true;
      import("./sections.js").then((m) => {
        this.#sections = m;
        this.#picker = new m.CountryPicker(this, (text) => (this._searchLive = text));
        requestAnimationFrame(() => (this._restShown = true));
      });
    }
  }

  // ---- Rate card ---------------------------------------------------------------------------------

  get #card() {
    return this.#cards.card;
  }

  #loadCard() {
    this.#cards.load(this.#useBuiltIn ? "" : this.ratesSrc || "");
  }

  #currency() {
    const want = this._form.currency ?? this.currency?.toUpperCase();
    const card = this.#card?.rateCard;
    if (!card) return want || "USD";
    return card.currencies.some((c) => c.code === want) ? want : card.currency;
  }

  #reflectCurrency() {
    const cur = this._form.currency;
    if (cur && this.#card?.rateCard.currencies.some((c) => c.code === cur) && this.getAttribute("currency") !== cur) this.setAttribute("currency", cur);
  }

  // ---- Quotes ------------------------------------------------------------------------------------

  /**
   * Prices the inputs right after the next frame is painted: what the person typed shows at once, the
   * new total a frame later, and a burst of input events makes one quote.
   */
  #requoteSoon() {
    this.#quoteFrame ||= requestAnimationFrame(() => setTimeout(() => this.#quoteFrame && this.#requote()));
  }

  /** Prices the inputs now, unless their request is the one already priced (`force`: even then). */
  #requote({ force = false } = {}) {
    cancelAnimationFrame(this.#quoteFrame);
    this.#quoteFrame = 0;
    if (!this.#card) return;
    const { request, invalid } = S.buildRequest(this._form, this.#currency());
    this._invalid = invalid;
    if (invalid) return;
    const key = JSON.stringify(request);
    if (key === this.#quoteKey && !force && !this._error) return;
    let quote;
    try {
      quote = this.#card.calc.quote(request);
    } catch (e) {
      this._error = { code: e?.code ?? "error", path: e?.path ?? "", message: String(e?.message ?? e) };
      this.dispatchEvent(event("quote-error", { ...this._error }));
      return;
    }
    this._error = null;
    this.#request = S.deepFreeze(request);
    this._quote = S.deepFreeze(quote);
    this.#quoteKey = key;
    this.#announce();
    this.#readyResolve(this._quote);
    this.dispatchEvent(event("quote-change", { request: structuredClone(request), quote: this._quote }));
  }

  /** Announces the new total once typing or sliding pauses. */
  #announce() {
    this.#announcer.total(() => totalMessage(this.#tx, this._quote));
  }


  // ---- What the parts may ask for ------------------------------------------------------------------

  #setForm(form) {
    this._form = form;
    this.#requoteSoon();
  }

  #on = {
    field: (name, text) => this.#setForm(S.withField(this._form, name, text, this.#locale)),
    cell: (key, which, text) => this.#setForm(S.withCell(this._form, key, which, text, this.#locale)),
    addCountry: (code) => this.#setForm(S.addCountry(this._form, code, this.#locale)),
    removeCountry: async (code) => {
      const before = this._form.countries;
      const i = before.indexOf(code);
      const name = this.#tx.name(code);
      this.#setForm(S.removeCountry(this._form, code));
      const next = this._form.countries[Math.min(i, this._form.countries.length - 1)];
      this._searchLive = this.#tx.t("country_removed", { country: name });
      await this.updateComplete;
      this.renderRoot.querySelector(next ? `[data-key="remove-${next}"]` : "#country-search")?.focus();
    },
    split: (mode) => this.#setForm(S.setSplit(this._form, mode, this.#locale)),
    weights: (weights, said) => {
      this.#announcer.before(said);
      this.#setForm({ ...this._form, weights });
    },
    mix: (mix, said) => {
      this.#announcer.before(said);
      this.#setForm({ ...this._form, mix });
    },
    volumeMode: (volume) => this.#setForm({ ...this._form, volume }),
    sort: (key) => {
      this._sort = this.#sections.nextSort(this._sort, key);
      const t = this.#tx.t;
      this.#announcer.say(t("sorted_by", { column: t(`col_${key}`), direction: t(this._sort.dir) }));
    },
    expand: (expanded) => (this._expanded = expanded),
    currency: (code) => {
      this._form = { ...this._form, currency: code };
      this.setAttribute("currency", code);
      this.#requote();
    },
    language: (lang) => {
      const tag = (navigator.languages ?? []).find((l) => l.toLowerCase().split("-")[0] === lang) ?? lang;
      this.setAttribute("locale", tag);
      this.dispatchEvent(event("locale-change", { locale: resolveLocale(tag) }));
    },
    retry: () => this.#loadCard(),
    builtIn: () => {
      this.#useBuiltIn = true;
      this.#loadCard();
    },
    allCountries: (all) => (this._allCountries = all),
  };
}

if (!customElements.get(TAG)) customElements.define(TAG, AudioconfPricing);
