// The declarations of `audioconf-pricing/element` (pkg/element.d.ts): importing that module registers
// <audioconf-pricing>. The element is a LitElement inside, but lit is bundled into the package and not part of
// its contract, so the class is declared as the HTMLElement it is to a host page.
import type { Quote, QuoteRequest } from "./audioconf_pricing.js";

export type { Quote, QuoteRequest };

/** `quote-change`: after every new quote, the first one included. */
export interface QuoteChangeDetail {
  request: QuoteRequest;
  quote: Quote;
}

/** `quote-error`: the core refused the request. `code` is stable; `path` names the field. */
export interface QuoteErrorDetail {
  code: string;
  path: string;
  message: string;
}

/** `locale-change`: the person picked another language. */
export interface LocaleChangeDetail {
  locale: string;
}

/** The quote details, printed, exported and kept in share links; `details-change` carries them too. */
export interface QuoteDetails {
  customer: string;
  preparedBy: string;
}

export interface AudioconfPricingEventMap extends HTMLElementEventMap {
  "quote-change": CustomEvent<QuoteChangeDetail>;
  "quote-error": CustomEvent<QuoteErrorDetail>;
  "locale-change": CustomEvent<LocaleChangeDetail>;
  "details-change": CustomEvent<QuoteDetails>;
}

/** `<audioconf-pricing>`: a monthly cost estimate for Teams Audio Conferencing pay-per-minute. */
export class AudioconfPricing extends HTMLElement {
  /** The `rates-src` attribute: URL of a rate card JSON; null for the built-in illustrative card. */
  ratesSrc: string | null;
  /** The `locale` attribute: a BCP 47 tag; null for the browser's language. */
  locale: string | null;
  /** The `currency` attribute: an ISO 4217 code of the card; null for the card's own. */
  currency: string | null;
  /** The request being priced (a copy). Setting it shows its lines and fires `quote-change`. */
  get request(): QuoteRequest;
  set request(value: QuoteRequest);
  /** The current quote (frozen), null until the first one. */
  get quote(): Readonly<Quote> | null;
  /** Resolves with the first quote. */
  readonly ready: Promise<Readonly<Quote>>;
  /** Customer and "prepared by" (text, at most 120 characters each; a copy). */
  get details(): QuoteDetails;
  set details(value: Partial<QuoteDetails>);
  /** The share link: the whole quote in the URL fragment. */
  shareUrl(): Promise<string>;
  /** The quote as CSV text (RFC 4180), as the screen shows it. */
  exportCsv(): Promise<string>;
  /** The quote as JSON text, with its request, details and card. */
  exportJson(): Promise<string>;

  addEventListener<K extends keyof AudioconfPricingEventMap>(
    type: K,
    listener: (this: AudioconfPricing, ev: AudioconfPricingEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof AudioconfPricingEventMap>(
    type: K,
    listener: (this: AudioconfPricing, ev: AudioconfPricingEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "audioconf-pricing": AudioconfPricing;
  }
}
