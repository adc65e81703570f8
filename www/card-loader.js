// Loads the rate card the element prices with: the built-in one or `rates-src`, fetched and validated by
// the core. A lit ReactiveController: the host re-renders when `card`, `loading` or `error` change. A
// failed load keeps the previous card.

import { builtInCard, builtInReasons, core, fetchCard } from "./core.js";

export class CardLoader {
  /** {calc, src, rateCard, countries: Map code -> CountryInfo, referenceReasons, id} or null. */
  card = null;
  loading = true;
  /** {src, error} of the last failed load, or null. */
  error = null;
  #token = 0;
  #cards = 0;

  /** onCard(card): called with each new card once it is in place. */
  constructor(host, onCard) {
    this.host = host;
    this.onCard = onCard;
    host.addController(this);
  }

  #set(values) {
    Object.assign(this, values);
    this.host.requestUpdate();
  }

  /** Loads the card at `src` ("" for the built-in one) unless it is the one in use. */
  async load(src) {
    if (this.card && src === this.card.src) return;
    const token = ++this.#token;
    this.#set({ loading: true, error: null });
    const fail = (error) => token === this.#token && this.#set({ loading: false, error });
    try {
      await core;
    } catch (error) {
      return fail({ src: "audioconf_pricing_bg.wasm", error: { code: "core_load", message: String(error?.message ?? error), problems: [] } });
    }
    let calc;
    let referenceReasons = null;
    try {
      calc = src ? await fetchCard(new URL(src, document.baseURI).href) : await builtInCard();
      if (src) referenceReasons = await builtInReasons();
    } catch (error) {
      return fail({ src, error });
    }
    if (token !== this.#token) {
      calc.free?.();
      return;
    }
    this.card?.calc.free?.();
    const countries = new Map(calc.countries().map((c) => [c.code, c]));
    this.#set({ card: { calc, src, rateCard: calc.rateCard(), countries, referenceReasons, id: ++this.#cards }, loading: false, error: null });
    this.onCard(this.card);
  }
}
