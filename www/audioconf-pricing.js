/*
 * <audioconf-pricing>: a pricing calculator for Audio Conferencing pay-per-minute.
 *
 *   <script type="module" src="audioconf-pricing.js"></script>
 *   <audioconf-pricing></audioconf-pricing>
 *
 * The modules next to this file (i18n.js, chart.js, decimal.js, styles.js, audioconf_pricing.js and
 * audioconf_pricing_bg.wasm) are loaded relative to its URL. No dependencies; works under a strict CSP
 * (script-src 'self' 'wasm-unsafe-eval'; style-src 'self').
 *
 * Attributes
 *   rates-src  URL of a rate card JSON (default: the built-in illustrative card)
 *   locale     BCP 47 language tag for text and formatting ("en", "en-GB", "ru", ...); default: the browser's
 *   currency   ISO 4217 code of the quote, one of the card's currencies; default: the card's
 *
 * Properties
 *   request    get/set: the QuoteRequest (the CLI's JSON shape). Setting it shows its lines as exact minutes
 *              per country and kind, and fires quote-change.
 *   quote      read-only: the current Quote (null until the first one)
 *   ready      a Promise that resolves with the first Quote
 *
 * Events (bubble, composed)
 *   quote-change   detail: {request, quote}, after every new quote (the first one included)
 *   quote-error    detail: {code, path, message}, when the core refuses a request
 *   locale-change  detail: {locale}, when the person picks another language
 *
 * Parts: toolbar, summary, total, effective-rate, form, results, breakdown, chart, comparison,
 *        break-even-chart, credits, notes, error
 *
 * Custom properties (each has a light and a dark default)
 *   --acp-font, --acp-bg, --acp-fg, --acp-muted, --acp-surface, --acp-surface-2, --acp-border,
 *   --acp-control-border, --acp-accent, --acp-accent-fg, --acp-accent-soft, --acp-focus, --acp-danger,
 *   --acp-danger-soft, --acp-warning, --acp-warning-soft, --acp-success, --acp-success-soft,
 *   --acp-kind-toll, --acp-kind-toll-free, --acp-kind-landline, --acp-kind-mobile, --acp-pattern,
 *   --acp-radius, --acp-gap, --acp-total-size
 *
 * How minutes are split: the monthly minutes (at most 2 decimals) are counted in hundredths of a minute
 * as a BigInt and divided between every chosen country × kind in proportion to (country share × kind
 * share), both integer percents (equal country shares use weight 1 each), by largest remainder: the
 * lines add up to the typed total exactly. With meetings, the calls (meetings × participants) are split
 * the same way, at least 1 call for a line with minutes. Nothing here does money arithmetic: the core does.
 */
import { styleSheet } from "./styles.js";
import { SUPPORTED_LANGUAGES, LANGUAGE_NAMES, LANGUAGE_WORD, catalogue, resolveLocale, Formatter } from "./i18n.js";
import { s as svgEl, patternDefs, costChart, breakEvenChart, mixBar, kindSwatch, lineSwatch, KINDS } from "./chart.js";
import * as D from "./decimal.js";

const TAG = "audioconf-pricing";
/** The language rate cards are written in: their reasons and notes are shown with lang="en". */
const CARD_LANG = "en";

let wasmModule;
/** Loads the WebAssembly core once per page. */
function loadCore() {
  wasmModule ??= import(new URL("./audioconf_pricing.js", import.meta.url).href).then(async (m) => {
    await m.default();
    return m;
  });
  return wasmModule;
}

/** An error shaped like the core's: a stable code, a path and a one-line message. */
function cardError(code, message) {
  return Object.assign(new Error(message), { code, path: "url", problems: [] });
}

/**
 * Fetches a rate card and validates it in the core. Rejects with code "rate_card_fetch" when it cannot be
 * fetched, or the core's "invalid_rate_card" (with every problem) when it is not a valid card.
 */
async function fetchCard(core, url) {
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin", headers: { accept: "application/json" } });
  } catch (e) {
    throw cardError("rate_card_fetch", `${url} could not be fetched: ${e?.message ?? e}`);
  }
  if (!response.ok) throw cardError("rate_card_fetch", `${url} answered HTTP ${response.status} ${response.statusText}`.trim());
  let text;
  try {
    text = await response.text();
  } catch (e) {
    throw cardError("rate_card_fetch", `${url} could not be read: ${e?.message ?? e}`);
  }
  return core.Calculator.fromJson(text);
}

/**
 * The built-in card's reasons, "CC|kind" -> English text: what a loaded card's own reason is compared with
 * to tell whether it says more than its reason_code (see #ownReason).
 */
function builtInReasons(core) {
  const calc = core.Calculator.withDefaultRates();
  try {
    const out = new Map();
    for (const c of calc.countries()) for (const u of c.unavailable) out.set(`${c.code}|${u.kind}`, u.reason);
    return out;
  } finally {
    calc.free?.();
  }
}

const DEFAULTS = {
  countries: ["US", "GB", "DE"],
  mix: { toll: 60, toll_free: 20, dial_out_landline: 10, dial_out_mobile: 10 },
  minutes: "10000",
  meetings: "200",
  participants: "5",
  duration: "10",
  users: "100",
};

/** Validation of each text field: decimals allowed, range, required. */
const FIELDS = {
  minutes: { decimals: 2, min: "0", max: "1000000000", required: true },
  meetings: { decimals: 0, min: "0", max: "1000000", required: true },
  participants: { decimals: 0, min: "1", max: "1000", required: true },
  duration: { decimals: 2, min: "0", max: "1440", required: true },
  users: { decimals: 0, min: "1", max: "10000000", required: false },
  cellMinutes: { decimals: 6, min: "0", max: "1000000000", required: false },
  cellCalls: { decimals: 0, min: "1", max: "1000000000", required: false },
};

/** Element factory: attributes, `on` listeners, `text`; children may be strings or nodes. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === "text") el.textContent = v;
    else if (k === "props") Object.assign(el, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

/** A numbered input panel (1 to 4): a section named by its heading, whose step number is decoration. */
function numberedPanel(id, step, heading, ...children) {
  return h(
    "section",
    { class: "panel", "aria-labelledby": `${id}-h` },
    h("h2", { id: `${id}-h` }, h("span", { class: "step", "aria-hidden": "true", text: step }), heading),
    ...children,
  );
}

/** Text from a rate card or another outside source: always a text node, tagged with its language. */
function outside(text, cls) {
  return h("span", { class: cls, lang: CARD_LANG, text });
}

function deepFreeze(o) {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** Removes accents and case for matching names typed in any language. */
function fold(text, locale) {
  return String(text).normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase(locale);
}

function validateField(spec, text, locale) {
  const field = { text, value: null, error: null, arg: null };
  const parsed = D.parseUserNumber(text, locale, spec.decimals);
  if (parsed.error === "empty") {
    if (spec.required) field.error = "empty";
    return field;
  }
  if (parsed.error) {
    field.error = parsed.error === "too_many_decimals" && spec.decimals === 0 ? "not_integer" : parsed.error;
    field.arg = spec.decimals;
    return field;
  }
  if (D.compare(parsed.value, spec.min) < 0) {
    field.error = "too_small";
    field.arg = spec.min;
  } else if (D.compare(parsed.value, spec.max) > 0) {
    field.error = "too_large";
    field.arg = spec.max;
  } else field.value = parsed.value;
  return field;
}

/** Integer percents that add up to 100 in proportion to `weights` (BigInts); equal when all are 0. */
function percents(weights) {
  const sum = weights.reduce((a, w) => a + w, 0n);
  return D.allocate(100n, sum === 0n ? weights.map(() => 1n) : weights).map(Number);
}

/**
 * Linked shares: sets `key` to `value` (0..100) and spreads the rest over the other keys in proportion to
 * their current shares (equally when they are all 0), so that the shares always total 100.
 */
function rebalance(shares, keys, key, value) {
  const v = Math.max(0, Math.min(100, Math.round(Number(value) || 0)));
  const others = keys.filter((k) => k !== key);
  const out = { ...shares, [key]: v };
  if (!others.length) return { ...shares, [key]: 100 };
  const weights = others.map((k) => BigInt(shares[k] || 0));
  const sum = weights.reduce((a, w) => a + w, 0n);
  const parts = D.allocate(BigInt(100 - v), sum === 0n ? others.map(() => 1n) : weights);
  others.forEach((k, i) => (out[k] = Number(parts[i])));
  return out;
}

let instances = 0;

class AudioconfPricing extends HTMLElement {
  static get observedAttributes() {
    return ["rates-src", "locale", "currency"];
  }

  #root;
  #uid = `acp${++instances}`;
  #calc = null; // the Calculator in use
  #calcSrc = undefined; // the rates-src it came from ("" = built-in)
  #card = null; // rateCard()
  #countryInfo = new Map(); // code -> CountryInfo
  #referenceReasons = null; // the built-in card's reasons while another card is in use (null: built-in)
  #loadToken = 0;
  #loadError = null; // {src, error}
  #loading = false;
  #useBuiltIn = false;

  #locale = "en";
  #t = catalogue("en");
  #fmt = null;
  #names = null; // Intl.DisplayNames

  #state = {
    countries: [...DEFAULTS.countries],
    mix: { ...DEFAULTS.mix },
    split: "equal", // equal | custom | exact
    weights: {},
    exact: new Map(), // "CC|kind" -> {minutes: field, calls: field}
    volume: "minutes", // minutes | meetings
    fields: {},
    currency: null,
  };

  #request = null;
  #quote = null;
  #quoteKey = "";
  #error = null; // {code, path, message} of the last refused request
  #raf = 0;
  #announceTimer = 0;
  #sort = { key: "country", dir: "ascending" };
  #search = { open: false, active: -1, results: [] };
  #els = {};
  #resize = null;
  #seen = null;
  #summaryVisible = true;
  #width = 0;
  #readyResolve;
  ready = new Promise((r) => (this.#readyResolve = r));

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open", delegatesFocus: false });
    this.#root.adoptedStyleSheets = [styleSheet()];
    this.#state.weights = this.#equalWeights(this.#state.countries);
    for (const k of ["minutes", "meetings", "participants", "duration", "users"]) {
      this.#state.fields[k] = validateField(FIELDS[k], DEFAULTS[k], "en");
    }
  }

  connectedCallback() {
    this.#setLocale(this.getAttribute("locale"));
    if (!this.#els.app) this.#buildShell();
    this.#resize ??= new ResizeObserver((entries) => {
      const w = Math.round(entries[0].contentRect.width);
      if (Math.abs(w - this.#width) > 4) {
        this.#width = w;
        if (this.#quote) this.#renderCharts();
        this.#drawMixBar();
      }
    });
    this.#resize.observe(this.#els.results);
    this.#seen ??= new IntersectionObserver((entries) => {
      this.#summaryVisible = entries[entries.length - 1].isIntersecting;
      this.#renderMini();
    });
    this.#seen.observe(this.#els.summary);
    this.#loadCard();
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
    this.#seen?.disconnect();
    cancelAnimationFrame(this.#raf);
    this.#raf = 0;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.#els.app) return;
    if (name === "locale") {
      this.#setLocale(value);
      this.#renderAll();
    } else if (name === "currency") {
      this.#state.currency = value ? value.toUpperCase() : null;
      if (this.#els.currency && this.#card) this.#els.currency.value = this.#currency();
      this.#schedule();
    } else if (name === "rates-src") {
      this.#useBuiltIn = false;
      this.#loadCard();
    }
  }

  // ---- Public API --------------------------------------------------------------------------------

  get quote() {
    return this.#quote;
  }

  get request() {
    return structuredClone(this.#request ?? this.#buildRequest().request);
  }

  set request(value) {
    if (!value || typeof value !== "object" || !Array.isArray(value.lines)) {
      throw new TypeError("request must be a QuoteRequest: an object with a lines array");
    }
    const st = this.#state;
    const loc = this.#locale;
    if (value.currency !== undefined && value.currency !== null) {
      st.currency = String(value.currency).toUpperCase();
    }
    st.fields.users = validateField(FIELDS.users, value.users === undefined || value.users === null ? "" : D.toInputText(String(value.users), loc), loc);
    const countries = [];
    const exact = new Map();
    for (const line of value.lines) {
      const code = String(line?.country ?? "").toUpperCase();
      const kind = String(line?.kind ?? "");
      if (!countries.includes(code)) countries.push(code);
      const key = `${code}|${kind}`;
      const minutes = String(line?.minutes ?? "");
      const calls = line?.calls === undefined || line?.calls === null ? "" : String(line.calls);
      const prev = exact.get(key);
      if (prev && prev.minutes.value !== null && D.isDecimal(minutes)) {
        prev.minutes = validateField(FIELDS.cellMinutes, D.toInputText(D.add(prev.minutes.value, minutes), loc), loc);
        if (calls && prev.calls.value !== null && D.isDecimal(calls)) prev.calls = validateField(FIELDS.cellCalls, D.add(prev.calls.value, calls), loc);
        else if (calls) prev.calls = validateField(FIELDS.cellCalls, calls, loc);
      } else {
        exact.set(key, {
          minutes: validateField(FIELDS.cellMinutes, D.isDecimal(minutes) ? D.toInputText(minutes, loc) : minutes, loc),
          calls: validateField(FIELDS.cellCalls, calls, loc),
        });
      }
    }
    for (const c of countries) for (const k of KINDS) if (!exact.has(`${c}|${k}`)) exact.set(`${c}|${k}`, this.#emptyCell());
    st.countries = countries;
    st.exact = exact;
    st.split = "exact";
    st.weights = this.#equalWeights(countries);
    this.#reflectCurrency();
    this.#renderForm();
    this.#update({ force: true });
  }

  // ---- Locale ------------------------------------------------------------------------------------

  #setLocale(attr) {
    const chosen = resolveLocale(attr);
    const old = this.#locale;
    this.#locale = chosen;
    this.#t = catalogue(chosen);
    this.#names = new Intl.DisplayNames([chosen], { type: "region", fallback: "code" });
    this.#fmt = null;
    // Typed values follow the new decimal separator.
    if (old !== chosen) {
      const retext = (f) => (f && f.value !== null ? { ...f, text: D.toInputText(f.value, chosen) } : f);
      for (const k of Object.keys(this.#state.fields)) this.#state.fields[k] = retext(this.#state.fields[k]);
      for (const cell of this.#state.exact.values()) {
        cell.minutes = retext(cell.minutes);
      }
    }
    if (this.#els.wrapper) this.#els.wrapper.lang = chosen;
  }

  get #lang() {
    return this.#locale.split("-")[0];
  }

  #formatter() {
    const cur = this.#quote?.currency ?? this.#currency();
    const mu = this.#quote?.minor_units ?? this.#card?.currencies.find((c) => c.code === cur)?.minor_units ?? 2;
    if (!this.#fmt || this.#fmt.currency !== cur || this.#fmt.minorUnits !== mu) this.#fmt = new Formatter(this.#locale, cur, mu);
    return this.#fmt;
  }

  /** Country or region name in the current language (the card's English name when Intl has none). */
  #name(code) {
    let n;
    try {
      n = this.#names.of(code);
    } catch {
      n = undefined;
    }
    if (!n || n === code) n = this.#countryInfo.get(code)?.name ?? code;
    return n;
  }

  /** A message's text with its first letter in lower case, for use inside a sentence. */
  #lower(text) {
    return text.charAt(0).toLocaleLowerCase(this.#locale) + text.slice(1);
  }

  /**
   * Why `kinds` are not offered in `country`, in the current language, from the core's stable reason code
   * (not_sold, no_numbers, not_priced): one sentence naming the country and the kinds.
   */
  #reasonText(country, reasonCode, kinds) {
    const t = this.#t;
    const list = new Intl.ListFormat(this.#locale, { type: "conjunction" }).format(kinds.map((k) => this.#lower(t(`kind_${k}`))));
    const key = `reason_${reasonCode}`;
    return t(t.has(key) ? key : "reason_other", {
      n: kinds.length,
      country: this.#name(country),
      kinds: list,
      kinds_cap: list.charAt(0).toLocaleUpperCase(this.#locale) + list.slice(1),
    });
  }

  /**
   * The rate card's own English reason when it says more than its code: never with the built-in card
   * (its texts only restate the code), and with another card only where it differs from the built-in
   * card's text for that country and kind (a card copied from the built-in one adds nothing).
   */
  #ownReason(country, kind, reason) {
    if (!reason || !this.#referenceReasons) return null;
    return this.#referenceReasons.get(`${country}|${kind}`) === reason ? null : reason;
  }

  /**
   * The kinds not offered in `country`, grouped by reason: [{reasonCode, own, kinds}], `own` being the
   * card's English text where it adds something.
   */
  #reasonGroups(country, unavailable) {
    const groups = new Map();
    for (const u of unavailable) {
      const own = this.#ownReason(country, u.kind, u.reason);
      const key = `${u.reason_code}\u0000${own ?? ""}`;
      if (!groups.has(key)) groups.set(key, { reasonCode: u.reason_code, own, kinds: [] });
      groups.get(key).kinds.push(u.kind);
    }
    return [...groups.values()];
  }

  /** A reason as nodes: the translated sentence, then the card's own English text if it adds something. */
  #reasonNodes(country, { reasonCode, own, kinds }) {
    const nodes = [this.#reasonText(country, reasonCode, kinds)];
    if (own) nodes.push(" ", h("span", { class: "card-reason" }, `${this.#t("card_reason")} `, outside(own)));
    return nodes;
  }

  // ---- Rate card ---------------------------------------------------------------------------------

  async #loadCard() {
    const src = this.#useBuiltIn ? "" : this.getAttribute("rates-src") || "";
    if (src === this.#calcSrc && this.#calc) return;
    const token = ++this.#loadToken;
    this.#loading = true;
    this.#renderStatus();
    let core;
    try {
      core = await loadCore();
    } catch (error) {
      if (token !== this.#loadToken) return;
      this.#loading = false;
      this.#loadError = { src: "audioconf_pricing_bg.wasm", error: { code: "core_load", message: String(error?.message ?? error), problems: [] } };
      this.#renderStatus();
      return;
    }
    let calc;
    try {
      calc = src ? await fetchCard(core, new URL(src, document.baseURI).href) : core.Calculator.withDefaultRates();
    } catch (error) {
      if (token !== this.#loadToken) return;
      this.#loading = false;
      this.#loadError = { src, error };
      this.#renderStatus();
      return;
    }
    if (token !== this.#loadToken) {
      calc.free?.();
      return;
    }
    this.#calc?.free?.();
    this.#calc = calc;
    this.#calcSrc = src;
    this.#loading = false;
    this.#loadError = null;
    this.#card = calc.rateCard();
    this.#countryInfo = new Map(calc.countries().map((c) => [c.code, c]));
    this.#referenceReasons = src ? builtInReasons(core) : null;
    this.#searchIndex = null;
    this.#reflectCurrency();
    this.#renderAll();
  }

  #currency() {
    const want = this.#state.currency ?? this.getAttribute("currency")?.toUpperCase();
    if (!this.#card) return want || "USD";
    return this.#card.currencies.some((c) => c.code === want) ? want : this.#card.currency;
  }

  #reflectCurrency() {
    if (!this.#card) return;
    const cur = this.#state.currency;
    if (cur && this.#card.currencies.some((c) => c.code === cur) && this.getAttribute("currency") !== cur) {
      this.setAttribute("currency", cur);
    }
  }

  // ---- Request -----------------------------------------------------------------------------------

  #equalWeights(countries) {
    const p = percents(countries.map(() => 1n));
    return Object.fromEntries(countries.map((c, i) => [c, p[i]]));
  }

  #emptyCell() {
    return { minutes: validateField(FIELDS.cellMinutes, "", this.#locale), calls: validateField(FIELDS.cellCalls, "", this.#locale) };
  }

  /** Monthly minutes (hundredths, BigInt) and calls (BigInt or null) from the volume fields; null if invalid. */
  #volume() {
    const f = this.#state.fields;
    if (this.#state.volume === "minutes") {
      if (f.minutes.value === null) return null;
      return { hundredths: D.toScaled(f.minutes.value, 2), calls: null };
    }
    if (f.meetings.value === null || f.participants.value === null || f.duration.value === null) return null;
    const calls = BigInt(f.meetings.value) * BigInt(f.participants.value);
    return { hundredths: calls * D.toScaled(f.duration.value, 2), calls };
  }

  /** Minutes and calls per country × kind from the volume, shares and mix. */
  #allocation(volume) {
    const st = this.#state;
    const cells = [];
    for (const c of st.countries) {
      const cw = st.split === "custom" ? BigInt(st.weights[c] ?? 0) : 1n;
      for (const k of KINDS) cells.push({ country: c, kind: k, weight: cw * BigInt(st.mix[k] ?? 0) });
    }
    const minutes = D.allocate(volume.hundredths, cells.map((c) => c.weight));
    const calls = volume.calls === null ? null : D.allocate(volume.calls, cells.map((c) => c.weight));
    return cells.map((c, i) => ({
      ...c,
      minutes: D.fromScaled(minutes[i], 2),
      hundredths: minutes[i],
      calls: calls === null || minutes[i] === 0n ? null : calls[i] > 0n ? calls[i] : 1n,
    }));
  }

  /** The QuoteRequest for the current inputs, and whether any input is invalid. */
  #buildRequest() {
    const st = this.#state;
    const request = { currency: this.#currency() };
    let invalid = false;
    if (st.fields.users.error) invalid = true;
    else if (st.fields.users.value !== null) request.users = Number(st.fields.users.value);
    request.skip_unavailable = true;
    const lines = [];
    const callsValue = (big) => (big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big.toString());
    if (st.split === "exact") {
      for (const [key, cell] of st.exact) {
        const [country, kind] = key.split("|");
        if (!st.countries.includes(country)) continue;
        if (cell.minutes.error || cell.calls.error) {
          invalid = true;
          continue;
        }
        if (cell.minutes.value === null || D.compare(cell.minutes.value, "0") === 0) continue;
        const line = { country, kind, minutes: cell.minutes.value };
        if (cell.calls.value !== null) line.calls = callsValue(BigInt(cell.calls.value));
        lines.push(line);
      }
    } else {
      const volume = this.#volume();
      if (!volume) invalid = true;
      else {
        for (const cell of this.#allocation(volume)) {
          if (cell.hundredths === 0n) continue;
          const line = { country: cell.country, kind: cell.kind, minutes: cell.minutes };
          if (cell.calls !== null) line.calls = callsValue(cell.calls);
          lines.push(line);
        }
      }
    }
    request.lines = lines;
    return { request, invalid };
  }

  // ---- Update cycle ------------------------------------------------------------------------------

  /** Recomputes in the next animation frame (coalescing bursts of input events). */
  #schedule() {
    if (this.#raf) return;
    this.#raf = requestAnimationFrame(() => {
      this.#raf = 0;
      this.#update();
    });
  }

  #update({ force = false } = {}) {
    if (this.#raf) {
      cancelAnimationFrame(this.#raf);
      this.#raf = 0;
    }
    this.#renderFieldErrors();
    this.#renderDerived();
    if (!this.#calc) return false;
    const { request, invalid } = this.#buildRequest();
    if (invalid) {
      this.#renderSummaryState();
      return false;
    }
    const key = JSON.stringify(request);
    if (key === this.#quoteKey && !force && !this.#error) {
      this.#renderSummaryState();
      return false;
    }
    let quote;
    try {
      quote = this.#calc.quote(request);
    } catch (e) {
      this.#error = { code: e?.code ?? "error", path: e?.path ?? "", message: String(e?.message ?? e) };
      this.#renderSummaryState();
      this.#renderResults();
      this.dispatchEvent(new CustomEvent("quote-error", { bubbles: true, composed: true, detail: { ...this.#error } }));
      return true;
    }
    this.#error = null;
    this.#request = deepFreeze(request);
    this.#quote = deepFreeze(quote);
    this.#quoteKey = key;
    this.#renderResults();
    this.#announce();
    this.#readyResolve(this.#quote);
    this.dispatchEvent(
      new CustomEvent("quote-change", { bubbles: true, composed: true, detail: { request: structuredClone(request), quote: this.#quote } }),
    );
    return true;
  }

  /** Announces the new total (and shares that moved) once typing or sliding pauses. */
  #announce() {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const q = this.#quote;
      if (!q || !this.#els.live) return;
      const f = this.#formatter();
      const total =
        q.effective_rate_per_minute === null
          ? this.#t("announce_total_only", { total: f.money(q.total) })
          : this.#t("announce_total", { total: f.money(q.total), rate: f.rate(q.effective_rate_per_minute) });
      const shares = this.#pendingShares;
      this.#pendingShares = "";
      this.#els.live.textContent = shares ? `${shares} ${total}` : total;
    }, 700);
  }

  #pendingShares = "";

  // ---- Rendering: shell --------------------------------------------------------------------------

  #buildShell() {
    const e = this.#els;
    e.live = h("div", { class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
    e.searchLive = h("div", { class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
    e.toolbar = h("div", { class: "toolbar", part: "toolbar" });
    e.summary = h("section", { class: "summary", part: "summary", "aria-labelledby": "total-label" });
    e.form = h("form", { class: "inputs", part: "form", novalidate: true, on: { submit: (ev) => ev.preventDefault() } });
    e.results = h("div", { class: "results", part: "results" });
    e.status = h("div", { class: "status-area" });
    e.miniAmount = h("span", { class: "amount" });
    e.mini = h("div", { class: "mini-total", "aria-hidden": "true", hidden: true }, h("span", { class: "label", "data-mini-label": "" }), e.miniAmount);
    e.app = h("div", { class: "app" }, e.toolbar, h("div", { class: "mini-anchor" }, e.mini), e.summary, e.form, e.results);
    e.wrapper = h("div", { class: "wrapper", lang: this.#locale }, patternDefs(this.#uid), e.status, e.app, e.live, e.searchLive);
    this.#root.append(e.wrapper);
    this.#renderStatus();
  }

  /** Loading and rate-card errors, above everything. */
  #renderStatus() {
    const e = this.#els;
    if (!e.status) return;
    const t = this.#t;
    e.status.replaceChildren();
    if (this.#loading && !this.#calc) {
      e.status.append(h("p", { class: "loading", role: "status", text: t("loading") }));
    }
    if (this.#loadError) {
      const { src, error } = this.#loadError;
      const code = error?.code ?? "rate_card_fetch";
      const problems = Array.isArray(error?.problems) ? error.problems : [];
      const box = h(
        "div",
        { class: "alert", role: "alert", part: "error" },
        h("strong", { text: t(code === "invalid_rate_card" ? "card_invalid_title" : code === "core_load" ? "core_failed_title" : "card_fetch_title") }),
        h("p", {}, t("card_failed_body", { url: "" }), outside(src || "—", "url")),
        h("p", { class: "hint" }, outside(String(error?.message ?? error))),
      );
      if (problems.length) {
        const list = h("ul");
        for (const p of problems.slice(0, 8)) list.append(h("li", {}, outside(p.path ? `${p.path}: ${p.message}` : p.message)));
        if (problems.length > 8) list.append(h("li", { text: t("more_problems", { count: problems.length - 8 }) }));
        box.append(list);
      }
      box.append(
        h("p", {
          text: this.#calc ? t("card_failed_kept", { version: this.#card?.version ?? "" }) : t("card_failed_inputs_kept"),
        }),
      );
      const actions = h("div", { class: "actions" }, h("button", { type: "button", class: "primary", text: t("retry"), on: { click: () => this.#retry() } }));
      if (src) actions.append(h("button", { type: "button", text: t("use_builtin"), on: { click: () => this.#switchToBuiltIn() } }));
      box.append(actions);
      e.status.append(box);
    }
    if (!this.#calc) {
      // Without a card nothing can be priced; the inputs still show what the person typed.
      e.summary.replaceChildren(h("p", { class: "total-label", id: "total-label", text: t("total_label") }), h("p", { class: "total", part: "total", text: "—" }));
    }
  }

  #retry() {
    this.#calcSrc = undefined;
    this.#loadError = null;
    this.#loadCard();
  }

  #switchToBuiltIn() {
    this.#useBuiltIn = true;
    this.#loadError = null;
    this.#loadCard();
  }

  /** Everything, e.g. after a new language or rate card; keeps focus on the same control. */
  #renderAll() {
    if (!this.#els.app) return;
    const focusKey = this.#root.activeElement?.dataset?.key;
    this.#renderStatus();
    this.#renderToolbar();
    this.#renderForm();
    if (!this.#update({ force: true })) this.#renderResults();
    if (focusKey) this.#root.querySelector(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  #renderToolbar() {
    const t = this.#t;
    const e = this.#els;
    const card = this.#card;
    e.toolbar.replaceChildren();
    const id = h("div", { class: "card-id" });
    if (card) {
      id.append(h("span", { text: t("rate_card_version", { version: card.version, date: this.#formatter().date(card.effective_date) }) }));
      if (card.illustrative) id.append(h("span", { class: "badge", text: t("illustrative_badge") }));
    }
    const currency = h("select", { id: "currency", "data-key": "currency", on: { change: (ev) => this.#setCurrency(ev.target.value) } });
    const curNames = new Intl.DisplayNames([this.#locale], { type: "currency", fallback: "code" });
    for (const c of card?.currencies ?? []) {
      let name;
      try {
        name = curNames.of(c.code);
      } catch {
        name = c.code;
      }
      currency.append(h("option", { value: c.code, text: name && name !== c.code ? `${c.code} — ${name}` : c.code }));
    }
    currency.value = this.#currency();
    e.currency = currency;
    const language = h("select", { id: "language", "data-key": "language", on: { change: (ev) => this.#pickLanguage(ev.target.value) } });
    for (const lang of SUPPORTED_LANGUAGES) language.append(h("option", { value: lang, lang, text: LANGUAGE_NAMES[lang] }));
    language.value = this.#lang;
    e.toolbar.append(
      id,
      h(
        "div",
        { class: "settings" },
        h("label", { for: "currency" }, t("currency"), currency),
        h(
          "label",
          { for: "language" },
          h(
            "span",
            {},
            t("language"),
            SUPPORTED_LANGUAGES.filter((l) => l !== this.#lang).map((l) => h("span", { lang: l, class: "other-lang", text: ` · ${LANGUAGE_WORD[l]}` })),
          ),
          language,
        ),
      ),
    );
  }

  #setCurrency(code) {
    this.#state.currency = code;
    this.setAttribute("currency", code);
    this.#fmt = null;
    this.#update();
  }

  #pickLanguage(lang) {
    const tag = (navigator.languages ?? []).find((l) => l.toLowerCase().split("-")[0] === lang) ?? lang;
    this.setAttribute("locale", tag);
    this.dispatchEvent(new CustomEvent("locale-change", { bubbles: true, composed: true, detail: { locale: this.#locale } }));
  }

  // ---- Rendering: form ---------------------------------------------------------------------------

  #renderForm() {
    const e = this.#els;
    if (!e.form) return;
    const focusKey = this.#root.activeElement?.dataset?.key;
    const t = this.#t;
    e.form.replaceChildren(
      this.#countriesPanel(),
      this.#mixPanel(),
      this.#volumePanel(),
      numberedPanel(
        "users",
        "4",
        t("users_heading"),
        this.#textField("users", t("users_label"), { hint: t("users_hint"), unit: t("users_unit") }),
      ),
    );
    this.#renderFieldErrors();
    this.#renderDerived();
    if (focusKey) {
      const el = this.#root.querySelector(`[data-key="${CSS.escape(focusKey)}"]`);
      if (el) el.focus();
    }
  }

  /** A labelled text input bound to a state field, with its error message. */
  #textField(name, label, { hint, unit, inputmode = FIELDS[name].decimals ? "decimal" : "numeric" } = {}) {
    const f = this.#state.fields[name];
    const id = `f-${name}`;
    const input = h("input", {
      id,
      type: "text",
      class: "num",
      inputmode,
      autocomplete: "off",
      "data-key": id,
      "data-field": name,
      value: f.text,
      on: {
        input: (ev) => {
          this.#state.fields[name] = validateField(FIELDS[name], ev.target.value, this.#locale);
          this.#schedule();
        },
      },
    });
    const describedBy = [hint ? `${id}-hint` : null, `${id}-err`].filter(Boolean).join(" ");
    input.setAttribute("aria-describedby", describedBy);
    return h(
      "div",
      { class: "field" },
      h("label", { for: id, text: label }),
      unit ? h("div", { class: "with-unit" }, input, h("span", { class: "unit", text: unit })) : input,
      hint ? h("p", { class: "hint", id: `${id}-hint`, text: hint }) : null,
      h("p", { class: "error-text", id: `${id}-err`, "data-error-for": name, hidden: true }),
    );
  }

  #fieldError(field, spec) {
    const t = this.#t;
    if (!field.error) return "";
    const f = this.#formatter();
    switch (field.error) {
      case "empty":
        return t("err_empty");
      case "not_integer":
        return t("err_not_integer");
      case "too_many_decimals":
        return t("err_decimals", { count: spec.decimals });
      case "negative":
        return t("err_negative");
      case "too_small":
        return t("err_min", { min: f.number(spec.min) });
      case "too_large":
        return t("err_max", { max: f.number(spec.max) });
      default:
        return t("err_number");
    }
  }

  /** Shows each field's problem next to it (aria-invalid + described-by text). */
  #renderFieldErrors() {
    const root = this.#root;
    const messages = new Map(); // error element -> messages
    for (const input of root.querySelectorAll("input[data-field]")) {
      const name = input.dataset.field;
      let field;
      let spec;
      if (name.startsWith("cell:")) {
        const [, key, which] = name.split(":");
        field = this.#state.exact.get(key)?.[which];
        spec = which === "calls" ? FIELDS.cellCalls : FIELDS.cellMinutes;
      } else {
        field = this.#state.fields[name];
        spec = FIELDS[name];
      }
      const message = field ? this.#fieldError(field, spec) : "";
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      const err = input
        .getAttribute("aria-describedby")
        ?.split(" ")
        .map((id) => root.getElementById(id))
        .find((el) => el?.classList.contains("error-text"));
      if (!err) continue;
      if (!messages.has(err)) messages.set(err, []);
      if (message && !messages.get(err).includes(message)) messages.get(err).push(message);
    }
    for (const [err, list] of messages) {
      const text = list.join(" ");
      if (err.textContent !== text) err.textContent = text;
      err.hidden = !text;
    }
  }

  // Countries ----------------------------------------------------------------------------------------

  #searchIndex = null;

  #index() {
    if (this.#searchIndex?.locale === this.#locale) return this.#searchIndex.items;
    const items = [...this.#countryInfo.values()].map((c) => {
      const name = this.#name(c.code);
      return { code: c.code, name, keys: [fold(name, this.#locale), fold(c.name, "en")] };
    });
    const collator = new Intl.Collator(this.#locale);
    items.sort((a, b) => collator.compare(a.name, b.name));
    this.#searchIndex = { locale: this.#locale, items };
    return items;
  }

  #searchCountries(query) {
    const q = fold(query.trim(), this.#locale);
    const items = this.#index();
    if (!q) return items;
    const code = query.trim().toUpperCase();
    const ranked = [];
    for (const item of items) {
      let rank = -1;
      if (item.code === code) rank = 0;
      else if (item.keys.some((k) => k.startsWith(q))) rank = 1;
      else if (item.keys.some((k) => k.split(/[\s,()\-]+/).some((w) => w.startsWith(q)))) rank = 2;
      else if (item.keys.some((k) => k.includes(q))) rank = 3;
      if (rank >= 0) ranked.push({ item, rank });
    }
    ranked.sort((a, b) => a.rank - b.rank);
    return ranked.map((r) => r.item);
  }

  /** Availability tags for a country: toll, toll-free, dial-out, credits, not sold. */
  #availability(code) {
    const t = this.#t;
    const info = this.#countryInfo.get(code);
    const tags = h("span", { class: "tags" });
    if (!info) {
      tags.append(h("span", { class: "tag warn", text: t("not_in_card") }));
      return tags;
    }
    const tag = (on, label) =>
      h("span", { class: `tag ${on ? "on" : "off"}` }, h("span", { "aria-hidden": "true", text: on ? "✓" : "✕" }), label, h("span", { class: "sr-only", text: on ? "" : ` (${t("not_offered_short")})` }));
    const offered = new Set(info.offered);
    const dialIn = offered.has("toll") || offered.has("toll_free");
    const dialOut = offered.has("dial_out_landline") || offered.has("dial_out_mobile");
    tags.append(tag(offered.has("toll"), t("tag_toll")), tag(offered.has("toll_free"), t("tag_toll_free")), tag(dialOut, t("tag_dial_out")));
    // Without Audio Conferencing a country can still be called from a meeting: say so plainly.
    if (!info.audio_conferencing) tags.append(h("span", { class: "tag warn", text: t(dialOut && !dialIn ? "tag_dial_out_only" : "tag_not_sold") }));
    // comm_credits === null (unknown, a dial-out destination) shows nothing: buying credits there is moot.
    if (info.comm_credits === false) tags.append(h("span", { class: "tag warn", text: t("tag_no_credits") }));
    if (info.ppm_only) tags.append(h("span", { class: "tag", text: t("tag_ppm_only") }));
    return tags;
  }

  /** The reasons a country's kinds are not offered, one line per distinct reason. */
  #reasons(code) {
    const t = this.#t;
    const info = this.#countryInfo.get(code);
    const out = [];
    if (!info) return out;
    for (const group of this.#reasonGroups(code, info.unavailable)) out.push(h("li", { class: "warn" }, this.#reasonNodes(code, group)));
    if (info.comm_credits === false) out.push(h("li", { class: "warn", text: t("no_credits_reason", { country: this.#name(code) }) }));
    if (info.ppm_only) out.push(h("li", { text: t("ppm_only_reason") }));
    if (info.notes) out.push(h("li", {}, `${t("card_note")}: `, outside(info.notes)));
    return out;
  }

  #countriesPanel() {
    const t = this.#t;
    const st = this.#state;
    const e = this.#els;
    const input = h("input", {
      id: "country-search",
      type: "text",
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": "country-list",
      "aria-describedby": "country-search-hint",
      autocomplete: "off",
      spellcheck: "false",
      "data-key": "country-search",
      placeholder: t("search_placeholder"),
      on: {
        input: () => this.#openList(true),
        keydown: (ev) => this.#searchKey(ev),
        click: () => this.#openList(!this.#search.open),
        blur: () => setTimeout(() => this.#closeList(), 0),
      },
    });
    const list = h("ul", {
      id: "country-list",
      class: "listbox",
      role: "listbox",
      "aria-label": t("search_results"),
      hidden: true,
      on: { mousedown: (ev) => ev.preventDefault() },
    });
    e.search = input;
    e.list = list;
    const chosen = h("ul", { class: "chosen", "aria-label": t("chosen_countries") });
    for (const code of st.countries) {
      const notes = this.#reasons(code);
      chosen.append(
        h(
          "li",
          { class: "country" },
          h(
            "div",
            { class: "country-head" },
            h("span", { class: "name" }, this.#name(code), h("span", { class: "code", text: code })),
            h(
              "button",
              { type: "button", class: "remove", "data-key": `remove-${code}`, "aria-label": t("remove_country", { country: this.#name(code) }), on: { click: () => this.#removeCountry(code) } },
              h("span", { "aria-hidden": "true", text: "✕" }),
              h("span", { "aria-hidden": "true", text: t("remove") }),
            ),
          ),
          this.#availability(code),
          notes.length ? h("ul", { class: "country-notes" }, notes) : null,
        ),
      );
    }
    const split = h("fieldset", { class: "split" }, h("legend", { text: t("split_legend") }));
    const seg = h("div", { class: "segmented" });
    for (const mode of ["equal", "custom", "exact"]) {
      seg.append(
        h(
          "label",
          {},
          h("input", { type: "radio", name: "split", value: mode, "data-key": `split-${mode}`, checked: st.split === mode, on: { change: () => this.#setSplit(mode) } }),
          t(`split_${mode}`),
        ),
      );
    }
    split.append(seg);
    let splitBody = null;
    if (st.countries.length && st.split === "custom") {
      splitBody = this.#sharesControl({
        id: "country-shares",
        keys: st.countries,
        label: (c) => this.#name(c),
        values: st.weights,
        onChange: (values) => {
          st.weights = values;
          this.#schedule();
        },
        groupLabel: t("country_shares"),
      });
    } else if (st.countries.length && st.split === "exact") {
      splitBody = this.#exactGrid();
    }
    return numberedPanel(
      "countries",
      "1",
      t("countries_heading"),
      h(
        "div",
        { class: "picker" },
        h("label", { for: "country-search", class: "label", text: t("search_label") }),
        h("p", { class: "hint", id: "country-search-hint", text: t("search_hint") }),
        input,
        list,
      ),
      st.countries.length ? chosen : h("p", { class: "none-chosen", text: t("no_countries") }),
      st.countries.length > 0 ? split : null,
      splitBody,
    );
  }

  #openList(open) {
    const s = this.#search;
    const e = this.#els;
    s.open = open;
    if (!open) return this.#closeList();
    s.results = this.#searchCountries(e.search.value);
    s.active = s.results.length ? 0 : -1;
    this.#renderList();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => {
      e.searchLive.textContent = this.#t("results_count", { count: s.results.length });
    }, 500);
  }

  #searchTimer = 0;

  #closeList() {
    const e = this.#els;
    this.#search.open = false;
    if (!e.list) return;
    e.list.hidden = true;
    e.search.setAttribute("aria-expanded", "false");
    e.search.removeAttribute("aria-activedescendant");
  }

  #renderList() {
    const t = this.#t;
    const s = this.#search;
    const e = this.#els;
    e.list.replaceChildren();
    if (!s.results.length) {
      e.list.append(h("li", { class: "empty", role: "option", "aria-disabled": "true", "aria-selected": "false", text: t("no_results") }));
    }
    s.results.forEach((item, i) => {
      const chosen = this.#state.countries.includes(item.code);
      const info = this.#countryInfo.get(item.code);
      const opt = h(
        "li",
        {
          id: `opt-${item.code}`,
          class: "option",
          role: "option",
          "aria-selected": i === s.active ? "true" : "false",
          "aria-disabled": chosen ? "true" : null,
          on: {
            click: () => this.#choose(i),
            mousemove: () => {
              if (s.active !== i) {
                s.active = i;
                this.#markActive();
              }
            },
          },
        },
        h("span", {}, h("span", { class: "name", text: item.name }), h("span", { class: "code", text: item.code }), chosen ? h("span", { class: "added", text: t("added") }) : null),
        this.#availability(item.code),
      );
      for (const group of this.#reasonGroups(item.code, info?.unavailable ?? [])) opt.append(h("span", { class: "reason" }, this.#reasonNodes(item.code, group)));
      e.list.append(opt);
    });
    e.list.hidden = false;
    e.search.setAttribute("aria-expanded", "true");
    this.#markActive();
  }

  #markActive() {
    const s = this.#search;
    const e = this.#els;
    const opts = e.list.querySelectorAll(".option");
    opts.forEach((o, i) => o.setAttribute("aria-selected", i === s.active ? "true" : "false"));
    const active = opts[s.active];
    if (active) {
      e.search.setAttribute("aria-activedescendant", active.id);
      active.scrollIntoView({ block: "nearest" });
    } else e.search.removeAttribute("aria-activedescendant");
  }

  #searchKey(ev) {
    const s = this.#search;
    switch (ev.key) {
      case "ArrowDown":
        ev.preventDefault();
        if (!s.open) this.#openList(true);
        else if (s.results.length) {
          s.active = (s.active + 1) % s.results.length;
          this.#markActive();
        }
        break;
      case "ArrowUp":
        ev.preventDefault();
        if (!s.open) this.#openList(true);
        else if (s.results.length) {
          s.active = (s.active - 1 + s.results.length) % s.results.length;
          this.#markActive();
        }
        break;
      case "Enter":
        ev.preventDefault();
        if (s.open && s.active >= 0) this.#choose(s.active);
        else this.#openList(true);
        break;
      case "Escape":
        if (s.open) {
          ev.preventDefault();
          this.#closeList();
        } else if (this.#els.search.value) {
          ev.preventDefault();
          this.#els.search.value = "";
        }
        break;
      case "Tab":
        this.#closeList();
        break;
    }
  }

  #choose(i) {
    const item = this.#search.results[i];
    if (!item) return;
    if (this.#state.countries.includes(item.code)) {
      this.#els.searchLive.textContent = this.#t("already_added", { country: item.name });
      return;
    }
    this.#addCountry(item.code);
    this.#els.searchLive.textContent = this.#t("country_added", { country: item.name });
  }

  #addCountry(code) {
    const st = this.#state;
    if (st.countries.includes(code)) return;
    const n = st.countries.length + 1;
    const share = Math.round(100 / n);
    const others = st.countries;
    const rest = D.allocate(BigInt(100 - share), others.map((c) => BigInt(st.weights[c] ?? 0)).some((w) => w > 0n) ? others.map((c) => BigInt(st.weights[c] ?? 0)) : others.map(() => 1n));
    st.weights = Object.fromEntries([...others.map((c, i) => [c, Number(rest[i])]), [code, others.length ? share : 100]]);
    st.countries = [...st.countries, code];
    for (const k of KINDS) if (!st.exact.has(`${code}|${k}`)) st.exact.set(`${code}|${k}`, this.#emptyCell());
    this.#renderForm();
    this.#els.search.value = "";
    this.#els.search.focus();
    this.#update();
  }

  #removeCountry(code) {
    const st = this.#state;
    const i = st.countries.indexOf(code);
    const name = this.#name(code);
    st.countries = st.countries.filter((c) => c !== code);
    const w = st.countries.map((c) => BigInt(st.weights[c] ?? 0));
    const p = percents(w);
    st.weights = Object.fromEntries(st.countries.map((c, j) => [c, p[j]]));
    for (const k of KINDS) st.exact.delete(`${code}|${k}`);
    this.#renderForm();
    const next = st.countries[Math.min(i, st.countries.length - 1)];
    (next ? this.#root.querySelector(`[data-key="remove-${next}"]`) : this.#els.search)?.focus();
    this.#els.searchLive.textContent = this.#t("country_removed", { country: name });
    this.#update();
  }

  #setSplit(mode) {
    const st = this.#state;
    const prev = st.split;
    if (prev === mode) return;
    if (mode === "exact") {
      // Start from what the current shares give.
      const volume = this.#volume();
      const exact = new Map();
      const cells = volume ? this.#allocation(volume) : [];
      for (const c of st.countries) {
        for (const k of KINDS) {
          const cell = cells.find((x) => x.country === c && x.kind === k);
          const minutes = cell && cell.hundredths > 0n ? D.toInputText(cell.minutes, this.#locale) : "";
          const calls = cell && cell.calls !== null ? cell.calls.toString() : "";
          exact.set(`${c}|${k}`, { minutes: validateField(FIELDS.cellMinutes, minutes, this.#locale), calls: validateField(FIELDS.cellCalls, calls, this.#locale) });
        }
      }
      st.exact = exact;
    } else if (prev === "exact") {
      this.#sharesFromExact(mode);
    }
    if (mode === "custom" && prev === "equal") st.weights = this.#equalWeights(st.countries);
    st.split = mode;
    this.#renderForm();
    this.#root.querySelector(`[data-key="split-${mode}"]`)?.focus();
    this.#update();
  }

  /** Leaving exact minutes: the mix, country shares and total minutes that describe them. */
  #sharesFromExact(mode) {
    const st = this.#state;
    const byKind = Object.fromEntries(KINDS.map((k) => [k, 0n]));
    const byCountry = Object.fromEntries(st.countries.map((c) => [c, 0n]));
    let total = 0n;
    for (const [key, cell] of st.exact) {
      const [c, k] = key.split("|");
      if (!(c in byCountry) || cell.minutes.value === null) continue;
      const v = D.toScaled(cell.minutes.value, 6);
      byKind[k] = (byKind[k] ?? 0n) + v;
      byCountry[c] += v;
      total += v;
    }
    if (total > 0n) {
      const mix = percents(KINDS.map((k) => byKind[k]));
      st.mix = Object.fromEntries(KINDS.map((k, i) => [k, mix[i]]));
      const w = percents(st.countries.map((c) => byCountry[c]));
      st.weights = Object.fromEntries(st.countries.map((c, i) => [c, w[i]]));
      const minutes = D.divRound(D.fromScaled(total, 6), "1", 2);
      st.fields.minutes = validateField(FIELDS.minutes, D.toInputText(minutes, this.#locale), this.#locale);
      st.volume = "minutes";
    }
    if (mode === "equal") st.weights = this.#equalWeights(st.countries);
  }

  #exactGrid() {
    const t = this.#t;
    const st = this.#state;
    const wrap = h("div", { class: "exact" }, h("p", { class: "hint", text: t("exact_hint") }));
    for (const c of st.countries) {
      const info = this.#countryInfo.get(c);
      const offered = new Set(info?.offered ?? []);
      const fs = h(
        "fieldset",
        {},
        h("legend", {}, this.#name(c), h("span", { class: "code", text: c })),
        h("div", { class: "exact-row head", "aria-hidden": "true" }, h("span", { text: t("kind") }), h("span", { text: t("minutes") }), h("span", { text: t("calls_optional") })),
      );
      for (const k of KINDS) {
        const key = `${c}|${k}`;
        const cell = st.exact.get(key) ?? this.#emptyCell();
        if (!st.exact.has(key)) st.exact.set(key, cell);
        const kindLabel = t(`kind_${k}`);
        const row = h("div", { class: "exact-row" }, h("span", { class: "kind-label", id: `x-${c}-${k}-l` }, kindSwatch(this.#uid, k), kindLabel));
        const why = () => {
          const u = info?.unavailable.find((x) => x.kind === k);
          return u ? this.#reasonNodes(c, { reasonCode: u.reason_code, own: this.#ownReason(c, k, u.reason), kinds: [k] }) : [t("not_in_card")];
        };
        const hasValue = cell.minutes.text !== "";
        if (!offered.has(k) && !hasValue) {
          row.append(h("span", { class: "off" }, why()));
        } else {
          const mk = (which, label) =>
            h("input", {
              type: "text",
              inputmode: which === "calls" ? "numeric" : "decimal",
              class: "num",
              autocomplete: "off",
              id: `x-${c}-${k}-${which}`,
              "data-key": `x-${c}-${k}-${which}`,
              "data-field": `cell:${key}:${which}`,
              "aria-label": `${this.#name(c)}, ${kindLabel}: ${label}`,
              "aria-describedby": `x-${c}-${k}-err`,
              value: cell[which].text,
              on: {
                input: (ev) => {
                  const spec = which === "calls" ? FIELDS.cellCalls : FIELDS.cellMinutes;
                  st.exact.get(key)[which] = validateField(spec, ev.target.value, this.#locale);
                  this.#schedule();
                },
              },
            });
          row.append(mk("minutes", t("minutes")), mk("calls", t("calls")));
          if (!offered.has(k)) row.append(h("span", { class: "off err" }, why()));
        }
        row.append(h("p", { class: "error-text err", id: `x-${c}-${k}-err`, hidden: true }));
        fs.append(row);
      }
      wrap.append(fs);
    }
    return wrap;
  }

  // Linked shares -----------------------------------------------------------------------------------

  /**
   * Rows of range + number inputs whose values always total 100: changing one spreads the difference
   * over the others in proportion. Native controls: arrows, Page Up/Down, Home/End all work.
   */
  #sharesControl({ id, keys, label, values, onChange, groupLabel, swatch, hints }) {
    const t = this.#t;
    const f = this.#formatter();
    let current = { ...values };
    const rows = new Map();
    const group = h("div", { class: "shares", role: "group", "aria-label": groupLabel });
    const total = h("p", { class: "shares-total", "aria-hidden": "true" });
    const sync = (except) => {
      for (const [k, { range, num }] of rows) {
        const v = current[k] ?? 0;
        if (range !== except) range.value = String(v);
        if (num !== except) num.value = String(v);
        range.setAttribute("aria-valuetext", f.percent(v));
      }
      total.textContent = t("shares_total", { total: f.percent(100) });
    };
    const set = (k, v, source) => {
      current = rebalance(current, keys, k, v);
      sync(source);
      // The other shares moved too: say so with the total (the moved control announces itself).
      this.#pendingShares = `${groupLabel}: ${new Intl.ListFormat(this.#locale, { type: "unit" }).format(keys.map((key) => `${label(key)} ${f.percent(current[key] ?? 0)}`))}.`;
      onChange(current);
    };
    for (const k of keys) {
      const rid = `${id}-${k}`;
      const range = h("input", {
        type: "range",
        id: rid,
        min: 0,
        max: 100,
        step: 1,
        "data-key": rid,
        value: current[k] ?? 0,
        on: { input: (ev) => set(k, ev.target.value, ev.target) },
      });
      const num = h("input", {
        type: "number",
        min: 0,
        max: 100,
        step: 1,
        inputmode: "numeric",
        "data-key": `${rid}-n`,
        "aria-label": t("share_percent_of", { label: label(k) }),
        value: current[k] ?? 0,
        on: {
          input: (ev) => {
            if (ev.target.value === "" || !ev.target.validity.valid) return;
            set(k, ev.target.value, ev.target);
          },
          change: () => sync(null),
        },
      });
      rows.set(k, { range, num });
      const hint = hints?.(k);
      group.append(
        h(
          "div",
          { class: "share" },
          h("label", { for: rid }, swatch ? swatch(k) : null, label(k)),
          h("span", { class: "num-wrap" }, num, h("span", { "aria-hidden": "true", text: "%" })),
          range,
          hint ? h("p", { class: "warn-text", text: hint }) : null,
        ),
      );
    }
    sync(null);
    group.append(total);
    return group;
  }

  // Mix ----------------------------------------------------------------------------------------------

  #mixPanel() {
    const t = this.#t;
    const st = this.#state;
    const panel = numberedPanel("mix", "2", t("mix_heading"));
    const bar = h("div", { class: "mixbar-wrap" });
    this.#els.mixBar = bar;
    panel.append(bar);
    if (st.split === "exact") {
      panel.append(h("p", { class: "hint", text: t("mix_from_exact") }));
      this.#els.mixDerived = h("ul", { class: "legend" });
      panel.append(this.#els.mixDerived);
    } else {
      this.#els.mixDerived = null;
      panel.append(h("p", { class: "hint", id: "mix-hint", text: t("mix_hint") }));
      panel.append(
        this.#sharesControl({
          id: "mix",
          keys: KINDS,
          label: (k) => t(`kind_${k}`),
          values: st.mix,
          groupLabel: t("mix_heading"),
          swatch: (k) => kindSwatch(this.#uid, k),
          hints: (k) => {
            const missing = st.countries.filter((c) => this.#countryInfo.has(c) && !this.#countryInfo.get(c).offered.includes(k));
            return missing.length ? t("kind_missing_in", { countries: new Intl.ListFormat(this.#locale, { type: "conjunction" }).format(missing.map((c) => this.#name(c))) }) : null;
          },
          onChange: (values) => {
            st.mix = values;
            this.#drawMixBar();
            this.#schedule();
          },
        }),
      );
    }
    return panel;
  }

  /** The mix as a bar (and, for exact minutes, as text). */
  #drawMixBar() {
    const e = this.#els;
    if (!e.mixBar) return;
    const st = this.#state;
    let shares = st.mix;
    if (st.split === "exact") {
      const sums = KINDS.map((k) => {
        let v = 0n;
        for (const c of st.countries) {
          const f = st.exact.get(`${c}|${k}`)?.minutes;
          if (f?.value) v += D.toScaled(f.value, 6);
        }
        return v;
      });
      const any = sums.some((v) => v > 0n);
      const p = any ? percents(sums) : KINDS.map(() => 0);
      shares = Object.fromEntries(KINDS.map((k, i) => [k, p[i]]));
      if (e.mixDerived) {
        const f = this.#formatter();
        e.mixDerived.replaceChildren(...KINDS.map((k) => h("li", {}, kindSwatch(this.#uid, k), `${this.#t(`kind_${k}`)}: ${f.percent(shares[k])}`)));
      }
    }
    const width = Math.max(120, Math.round(e.mixBar.getBoundingClientRect().width) || 300);
    e.mixBar.replaceChildren(mixBar({ prefix: this.#uid, shares, width, labels: Object.fromEntries(KINDS.map((k) => [k, this.#t(`kind_${k}`)])) }));
  }

  // Volume -------------------------------------------------------------------------------------------

  #volumePanel() {
    const t = this.#t;
    const st = this.#state;
    const panel = numberedPanel("volume", "3", t("volume_heading"));
    if (st.split === "exact") {
      this.#els.volumeOut = h("output", { "aria-live": "off" });
      panel.append(h("p", {}, `${t("volume_from_exact")} `, this.#els.volumeOut));
      return panel;
    }
    const mode = h("fieldset", {}, h("legend", { text: t("volume_mode") }));
    const seg = h("div", { class: "segmented" });
    for (const m of ["minutes", "meetings"]) {
      seg.append(
        h(
          "label",
          {},
          h("input", {
            type: "radio",
            name: "volume",
            value: m,
            "data-key": `volume-${m}`,
            checked: st.volume === m,
            on: {
              change: () => {
                st.volume = m;
                this.#renderForm();
                this.#update();
              },
            },
          }),
          t(`volume_${m}`),
        ),
      );
    }
    mode.append(seg);
    panel.append(mode);
    if (st.volume === "minutes") {
      panel.append(this.#textField("minutes", t("minutes_label"), { unit: t("minutes_unit"), hint: t("minutes_hint") }));
      this.#els.volumeOut = null;
    } else {
      panel.append(
        h(
          "div",
          { class: "meetings" },
          this.#textField("meetings", t("meetings_label")),
          this.#textField("participants", t("participants_label")),
          this.#textField("duration", t("duration_label")),
        ),
      );
      this.#els.volumeOut = h("output", { for: "f-meetings f-participants f-duration" });
      panel.append(h("p", {}, this.#els.volumeOut), h("p", { class: "hint", text: t("meetings_hint") }));
    }
    return panel;
  }

  /** Texts derived from the inputs: meetings → minutes and calls; exact → total minutes; the mix bar. */
  #renderDerived() {
    const e = this.#els;
    const st = this.#state;
    const f = this.#formatter();
    if (e.volumeOut) {
      if (st.split === "exact") {
        let total = "0";
        for (const [key, cell] of st.exact) if (st.countries.includes(key.split("|")[0]) && cell.minutes.value !== null) total = D.add(total, cell.minutes.value);
        e.volumeOut.textContent = this.#t("minutes_count", { count: f.number(total), n: total });
      } else {
        const v = this.#volume();
        e.volumeOut.textContent = v ? this.#t("meetings_result", { minutes: f.number(D.fromScaled(v.hundredths, 2)), calls: f.number(v.calls.toString()), n: v.calls.toString() }) : "";
      }
    }
    this.#drawMixBar();
  }

  // ---- Rendering: results ------------------------------------------------------------------------

  /** The slim sticky total (narrow layouts): shown while the summary is scrolled out of view. */
  #renderMini() {
    const e = this.#els;
    if (!e.mini) return;
    const q = this.#quote;
    e.mini.hidden = this.#summaryVisible || !q;
    if (q) {
      e.mini.querySelector("[data-mini-label]").textContent = this.#t("total_label");
      e.miniAmount.textContent = this.#formatter().money(q.total);
    }
  }

  #renderSummaryState() {
    const e = this.#els;
    const { invalid } = this.#buildRequest();
    const stale = invalid || !!this.#error;
    e.summary.classList.toggle("is-stale", stale && !!this.#quote);
    const note = e.summary.querySelector(".stale");
    if (note) {
      note.hidden = !stale;
      note.textContent = this.#error ? this.#errorText(this.#error) : invalid ? this.#t(this.#quote ? "stale_invalid" : "fix_inputs") : "";
    }
  }

  #errorText(err) {
    const t = this.#t;
    const known = t.has(`core_${err.code}`) ? t(`core_${err.code}`) : t("core_error");
    return `${known} (${err.message})`;
  }

  #renderResults() {
    const e = this.#els;
    const t = this.#t;
    const q = this.#quote;
    if (!this.#calc) return;
    const f = this.#formatter();
    // Summary
    const total = h("p", { class: "total", part: "total", id: "total" }, q ? f.money(q.total) : "—");
    const summary = [h("p", { class: "total-label", id: "total-label", text: t("total_label") }), total];
    if (q) {
      const minutes = f.number(q.minutes);
      summary.push(
        h("p", { class: "per-minute", part: "effective-rate" }, q.effective_rate_per_minute === null ? t("no_minutes") : t("per_minute_line", { rate: f.rate(q.effective_rate_per_minute), minutes, n: q.minutes })),
      );
      if (q.comparison) {
        const c = q.comparison;
        summary.push(h("p", { class: "verdict", text: c.cheaper === "equal" ? t("verdict_equal") : t(`verdict_${c.cheaper}`, { amount: f.money(c.savings) }) }));
      }
      if (q.unavailable.length) {
        summary.push(h("p", { class: "warn-text", text: t("unpriced_minutes", { minutes: f.number(q.unavailable_minutes), n: q.unavailable_minutes }) }));
      }
    }
    summary.push(h("p", { class: "stale", role: "status", hidden: true }));
    e.summary.replaceChildren(...summary);
    this.#renderSummaryState();
    this.#renderMini();

    // Results
    e.results.replaceChildren();
    if (!q) return;
    if (this.#state.currency && this.#card && !this.#card.currencies.some((c) => c.code === this.#state.currency)) {
      e.results.append(h("p", { class: "notice", text: t("currency_not_in_card", { wanted: this.#state.currency, used: q.currency }) }));
    }
    if (!q.lines.length && !q.unavailable.length) {
      e.results.append(h("p", { class: "empty-state", text: t(this.#state.countries.length ? "nothing_to_price" : "add_countries_first") }));
    } else {
      e.results.append(this.#breakdownSection(q, f));
      this.#els.chartSection = h("section", { "aria-labelledby": "chart-h", part: "chart" });
      e.results.append(this.#els.chartSection);
    }
    this.#els.comparisonSection = h("section", { "aria-labelledby": "cmp-h", part: "comparison" });
    e.results.append(this.#els.comparisonSection, this.#creditsSection(q, f), this.#notesSection(q, f));
    this.#renderCharts();
  }

  #kindCell(kind) {
    return h("span", { class: "kind-label" }, kindSwatch(this.#uid, kind), this.#t(`kind_${kind}`));
  }

  #breakdownSection(q, f) {
    const t = this.#t;
    const section = h("section", { "aria-labelledby": "breakdown-h", part: "breakdown" }, h("h2", { id: "breakdown-h", text: t("breakdown_heading") }));
    const cols = [
      { key: "country", label: t("col_country") },
      { key: "kind", label: t("col_kind") },
      { key: "rate", label: t("col_rate"), n: true },
      { key: "minutes", label: t("col_minutes"), n: true },
      { key: "cost", label: t("col_cost"), n: true },
    ];
    const table = h("table", { class: "breakdown" }, h("caption", { text: t("breakdown_caption", { currency: q.currency }) }));
    const headRow = h("tr");
    for (const col of cols) {
      const sorted = this.#sort.key === col.key;
      const th = h("th", { scope: "col", class: col.n ? "n" : null, "aria-sort": sorted ? this.#sort.dir : null });
      th.append(
        h(
          "button",
          {
            type: "button",
            class: "sort",
            "data-key": `sort-${col.key}`,
            on: { click: () => this.#toggleSort(col.key) },
          },
          col.label,
          h("span", { class: "arrow", "aria-hidden": "true", text: sorted ? (this.#sort.dir === "ascending" ? "▲" : "▼") : "↕" }),
          h("span", { class: "sr-only", text: sorted ? "" : `, ${t("sortable")}` }),
        ),
      );
      headRow.append(th);
    }
    table.append(h("thead", {}, headRow));

    // Group lines (and unavailable lines) by country.
    const groups = new Map();
    for (const code of new Set([...q.lines.map((l) => l.country), ...q.unavailable.map((u) => u.country)])) {
      groups.set(code, { code, name: this.#name(code), lines: [], unavailable: [], subtotal: q.by_country.find((b) => b.key === code) });
    }
    for (const l of q.lines) groups.get(l.country).lines.push(l);
    for (const u of q.unavailable) groups.get(u.country).unavailable.push(u);
    const collator = new Intl.Collator(this.#locale);
    const dir = this.#sort.dir === "ascending" ? 1 : -1;
    const cmpDec = (a, b) => D.compare(a ?? "0", b ?? "0");
    const lineCmp = {
      country: (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind),
      kind: (a, b) => collator.compare(t(`kind_${a.kind}`), t(`kind_${b.kind}`)),
      rate: (a, b) => cmpDec(a.rate, b.rate),
      minutes: (a, b) => cmpDec(a.billable_minutes, b.billable_minutes),
      cost: (a, b) => cmpDec(a.cost, b.cost),
    }[this.#sort.key];
    const maxRate = (g) => g.lines.reduce((m, l) => (D.compare(l.rate, m) > 0 ? l.rate : m), "0");
    const billable = (g) => g.subtotal?.billable_minutes ?? "0";
    const groupCmp = {
      country: (a, b) => collator.compare(a.name, b.name),
      kind: (a, b) => collator.compare(a.name, b.name),
      rate: (a, b) => cmpDec(maxRate(a), maxRate(b)),
      minutes: (a, b) => cmpDec(billable(a), billable(b)),
      cost: (a, b) => cmpDec(a.subtotal?.cost, b.subtotal?.cost),
    }[this.#sort.key];
    const ordered = [...groups.values()].sort((a, b) => dir * groupCmp(a, b) || collator.compare(a.name, b.name));
    const lbl = Object.fromEntries(cols.map((c) => [c.key, c.label]));
    for (const g of ordered) {
      const body = h("tbody");
      const lines = [...g.lines].sort((a, b) => (this.#sort.key === "country" ? lineCmp(a, b) : dir * lineCmp(a, b)));
      let first = true;
      const countryCell = () => {
        const cell = first ? h("th", { scope: "row", class: "c-country" }, g.name) : h("th", { scope: "row", class: "c-country repeat" }, h("span", { class: "sr-only", text: g.name }));
        first = false;
        return cell;
      };
      for (const l of lines) {
        const rateText = f.rate(l.rate);
        body.append(
          h(
            "tr",
            {},
            countryCell(),
            h("td", { class: "c-kind" }, this.#kindCell(l.kind)),
            h("td", { class: "n c-rate", "data-label": lbl.rate, text: rateText }),
            h("td", { class: "n c-min", "data-label": lbl.minutes }, f.number(l.billable_minutes), l.calls !== null ? h("span", { class: "calls" }, " ", t("calls_paren", { count: f.number(String(l.calls)), n: String(l.calls) })) : null),
            h("td", { class: "n c-cost", text: f.money(l.cost) }),
          ),
        );
      }
      for (const u of g.unavailable) {
        body.append(
          h(
            "tr",
            { class: "unavailable" },
            countryCell(),
            h("td", { class: "c-kind" }, this.#kindCell(u.kind)),
            h(
              "td",
              { colspan: 2, class: "c-reason" },
              h("span", { class: "na" }, this.#reasonNodes(u.country, { reasonCode: u.reason_code, own: this.#ownReason(u.country, u.kind, u.reason), kinds: [u.kind] })),
              h("span", { class: "hint" }, " ", t("minutes_not_priced_paren", { minutes: f.number(u.minutes), n: u.minutes })),
            ),
            h("td", { class: "n c-cost" }, h("span", { "aria-hidden": "true", text: "—" }), h("span", { class: "sr-only", text: t("not_priced") })),
          ),
        );
      }
      if (g.subtotal) {
        body.append(
          h(
            "tr",
            { class: "subtotal" },
            h("th", { scope: "row", colspan: 3, class: "c-kind", text: t("subtotal_for", { country: g.name }) }),
            h("td", { class: "n c-min", "data-label": lbl.minutes, text: f.number(g.subtotal.billable_minutes) }),
            h("td", { class: "n c-cost", text: f.money(g.subtotal.cost) }),
          ),
        );
      }
      table.append(body);
    }
    const foot = h("tfoot");
    for (const k of q.by_kind) {
      foot.append(
        h(
          "tr",
          { class: "kind-row" },
          h("th", { scope: "row", colspan: 3, class: "c-kind" }, t("all_countries_kind", { kind: t(`kind_${k.key}`) })),
          h("td", { class: "n c-min", "data-label": lbl.minutes, text: f.number(k.billable_minutes) }),
          h("td", { class: "n c-cost", text: f.money(k.cost) }),
        ),
      );
    }
    foot.append(
      h(
        "tr",
        { class: "grand" },
        h("th", { scope: "row", colspan: 3, class: "c-kind", text: t("total_row") }),
        h("td", { class: "n c-min", "data-label": lbl.minutes, text: f.number(q.billable_minutes) }),
        h("td", { class: "n c-cost", text: f.money(q.total) }),
      ),
    );
    table.append(foot);
    section.append(table);
    if (D.compare(q.connection_fees, "0") > 0) section.append(h("p", { class: "hint", text: t("connection_fees_included", { amount: f.money(q.connection_fees) }) }));
    return section;
  }

  #toggleSort(key) {
    const s = this.#sort;
    if (s.key === key) s.dir = s.dir === "ascending" ? "descending" : "ascending";
    else {
      s.key = key;
      s.dir = key === "cost" || key === "minutes" || key === "rate" ? "descending" : "ascending";
    }
    const f = this.#formatter();
    const old = this.#root.querySelector("section[part=breakdown]");
    if (old && this.#quote) {
      old.replaceWith(this.#breakdownSection(this.#quote, f));
      this.#root.querySelector(`[data-key="sort-${key}"]`)?.focus();
      this.#els.live.textContent = this.#t("sorted_by", { column: this.#t(`col_${key}`), direction: this.#t(s.dir) });
    }
  }

  /** Charts depend on the width: redrawn on resize. */
  #renderCharts() {
    const q = this.#quote;
    const e = this.#els;
    if (!q) return;
    const t = this.#t;
    const f = this.#formatter();
    const width = Math.max(260, Math.round(e.results.getBoundingClientRect().width) || 600);
    if (e.chartSection?.isConnected) {
      const groups = q.by_country.map((b) => ({
        code: b.key,
        label: this.#name(b.key),
        total: b.cost,
        totalText: f.money(b.cost),
        segments: q.lines
          .filter((l) => l.country === b.key)
          .sort((a, c) => KINDS.indexOf(a.kind) - KINDS.indexOf(c.kind))
          .map((l) => ({ kind: l.kind, cost: l.cost, text: `${this.#name(b.key)}, ${t(`kind_${l.kind}`)}: ${f.money(l.cost)}` })),
      }));
      groups.sort((a, b) => D.compare(b.total, a.total));
      const desc = groups.map((g) => `${g.label}: ${g.totalText} (${g.segments.map((s) => `${t(`kind_${s.kind}`)} ${f.money(s.cost)}`).join(", ")})`).join("; ");
      const kindsShown = KINDS.filter((k) => q.lines.some((l) => l.kind === k));
      e.chartSection.replaceChildren(
        h("h2", { id: "chart-h", text: t("chart_heading") }),
        h(
          "figure",
          {},
          h("ul", { class: "legend", "aria-label": t("legend") }, kindsShown.map((k) => h("li", {}, kindSwatch(this.#uid, k), t(`kind_${k}`)))),
          groups.length ? costChart({ prefix: this.#uid, groups, width, title: t("chart_heading"), desc }) : h("p", { class: "hint", text: t("nothing_to_chart") }),
        ),
      );
    }
    if (e.comparisonSection) e.comparisonSection.replaceChildren(...this.#comparisonContent(q, f, width));
  }

  #comparisonContent(q, f, width) {
    const t = this.#t;
    const out = [h("h2", { id: "cmp-h", text: t("cmp_heading") })];
    const c = q.comparison;
    if (!c) {
      out.push(h("p", { class: "hint", text: t("cmp_needs_users") }));
      return out;
    }
    const box = (kind, amount, details) =>
      h(
        "div",
        { class: `option-box${c.cheaper === kind ? " winner" : ""}` },
        h("span", { class: "label", text: t(`option_${kind}`) }),
        h("span", { class: "amount", text: f.money(amount) }),
        h("span", { class: "detail", text: t("per_month") }),
        ...details.map((d) => h("span", { class: "detail", text: d })),
        c.cheaper === kind ? h("span", { class: "cheaper-tag" }, h("span", { "aria-hidden": "true", text: "✓ " }), t("cheaper_by", { amount: f.money(c.savings) })) : null,
      );
    out.push(
      h(
        "div",
        { class: "versus" },
        box("pay_per_minute", c.pay_per_minute_total, [t("ppm_detail")]),
        box("per_user_licence", c.licence_total, [
          t("licence_detail", { users: f.number(String(c.users)), n: String(c.users), price: f.money(c.licence_price_per_user), licence: f.money(c.licence_cost) }),
          t("licence_usage_detail", { usage: f.money(c.licence_usage_cost) }),
        ]),
      ),
    );
    const current = c.minutes_per_user;
    if (c.break_even) {
      const be = c.break_even;
      out.push(
        h("p", {
          text: t("break_even_text", {
            per_user: f.number(be.minutes_per_user),
            monthly: f.number(be.monthly_minutes),
            cost: f.money(be.monthly_cost),
            current: f.number(current),
          }),
        }),
      );
    } else {
      out.push(h("p", { text: t(c.cheaper === "per_user_licence" ? "no_break_even_licence" : "no_break_even_ppm") }));
    }
    out.push(
      h("p", {
        class: "hint",
        text: t("pool_text", { pool: f.number(c.pool.minutes), used: f.number(c.pool.used_minutes), overflow: f.number(c.pool.overflow_minutes), n: c.pool.minutes }),
      }),
    );
    if (c.curve.length > 1) {
      const desc = c.break_even
        ? t("break_even_chart_desc", { per_user: f.number(c.break_even.minutes_per_user), cost: f.money(c.break_even.monthly_cost), current: f.number(current) })
        : t("break_even_chart_desc_none", { current: f.number(current) });
      const chart = breakEvenChart({
        prefix: `${this.#uid}-be`,
        curve: c.curve,
        breakEven: c.break_even,
        current,
        currentCost: c.pay_per_minute_total,
        width,
        fmt: {
          money: (v) => f.moneyShort(String(v)),
          number: (v) => f.number(String(v)),
        },
        labels: {
          xAxis: t("axis_minutes_per_user"),
          now: t("marker_now", { value: f.number(current) }),
          nowShort: t("marker_value", { value: f.number(current) }),
          breakEven: c.break_even ? t("marker_break_even", { value: f.number(c.break_even.minutes_per_user) }) : "",
          breakEvenShort: c.break_even ? t("marker_value", { value: f.number(c.break_even.minutes_per_user) }) : "",
        },
        title: t("break_even_chart_title"),
        desc,
      });
      out.push(
        h(
          "figure",
          { part: "break-even-chart" },
          h(
            "ul",
            { class: "legend", "aria-label": t("legend") },
            h("li", {}, lineSwatch("line-ppm"), t("option_pay_per_minute")),
            h("li", {}, lineSwatch("line-lic"), t("option_per_user_licence")),
            c.break_even ? h("li", {}, svgEl("svg", { viewBox: "0 0 28 14", "aria-hidden": "true" }, svgEl("circle", { cx: 14, cy: 7, r: 5, class: "mark-be" })), t("legend_break_even")) : null,
            h("li", {}, svgEl("svg", { viewBox: "0 0 28 14", "aria-hidden": "true" }, svgEl("line", { x1: 14, x2: 14, y1: 0, y2: 14, class: "mark-now" })), t("legend_now")),
          ),
          chart,
        ),
      );
    }
    return out;
  }

  #creditsSection(q, f) {
    const t = this.#t;
    const cr = q.credits;
    const section = h("section", { "aria-labelledby": "credits-h", part: "credits" }, h("h2", { id: "credits-h", text: t("credits_heading") }), h("p", { class: "hint", text: t("credits_intro") }));
    const fact = (label, value) => h("div", {}, h("dt", { text: label }), h("dd", { text: value }));
    section.append(
      h(
        "dl",
        { class: "facts" },
        fact(t("first_funding"), f.money(cr.first_funding)),
        fact(t("recharge_amount"), f.money(cr.recharge_amount)),
        fact(t("recharge_trigger"), f.money(cr.recharge_trigger)),
        fact(t("months_covered"), cr.months_covered === null ? "—" : t("months_value", { months: f.number(cr.months_covered, 1), n: cr.months_covered })),
      ),
    );
    section.append(h("p", { class: "hint", text: t("minimum_funding", { amount: f.money(cr.minimum_funding) }) }));
    const list = h("ul", { class: "warnings" });
    for (const w of cr.warnings) list.append(h("li", { class: w.code === "credits_expire" ? "info" : "warn" }, this.#noteText(w, q, f)));
    section.append(list);
    return section;
  }

  /** A note or warning in the current language (by code), the core's English text otherwise. */
  #noteText(note, q, f) {
    const t = this.#t;
    const country = note.country ? this.#name(note.country) : "";
    switch (note.code) {
      case "credits_would_expire":
        return note.amount === undefined ? outside(note.message) : t("credits_would_expire", { amount: f.money(note.amount) });
      case "illustrative_rates":
        return t("illustrative_rates");
      case "kind_not_offered": {
        // The reason code is on the unavailable line (or the country) of that country and kind.
        const u = q.unavailable.find((x) => x.country === note.country && x.kind === note.kind);
        const why = u ?? this.#countryInfo.get(note.country)?.unavailable.find((x) => x.kind === note.kind);
        if (!note.kind || !why) return outside(note.message);
        const frag = document.createDocumentFragment();
        frag.append(...this.#reasonNodes(note.country, { reasonCode: why.reason_code, own: this.#ownReason(note.country, note.kind, why.reason), kinds: [note.kind] }));
        if (u) frag.append(" ", t("minutes_not_priced", { minutes: f.number(u.minutes), n: u.minutes }));
        return frag;
      }
      default:
        if (t.has(note.code)) return t(note.code, { country });
        return outside(note.message);
    }
  }

  #notesSection(q, f) {
    const t = this.#t;
    const section = h("section", { "aria-labelledby": "notes-h", part: "notes" }, h("h2", { id: "notes-h", text: t("notes_heading") }));
    const list = h("ul", { class: "notes-list" });
    for (const n of q.notes) {
      list.append(h("li", { class: n.code === "kind_not_offered" || n.code === "illustrative_rates" ? "warn" : "info" }, this.#noteText(n, q, f)));
    }
    list.append(h("li", { class: "info", text: t("card_line", { version: q.rate_card.version, date: f.date(q.rate_card.effective_date) }) }));
    section.append(list, h("p", { class: "source" }, `${t("source")}: `, outside(q.rate_card.source)));
    return section;
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, AudioconfPricing);
export { AudioconfPricing };
