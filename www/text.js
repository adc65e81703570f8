// What the page says in the current language about the current card: one Texts object per locale, card
// and currency (a new one when any of them changes, so that a section showing it re-renders only then).
// It knows messages (i18n.js), number formats, country names and why kinds are not offered; it renders
// text from outside (the card's own reasons and notes) only as text, marked lang="en".

import { html, nothing } from "lit";
import { catalogue, Formatter } from "./i18n.js";

/** The language rate cards are written in: their reasons and notes are shown with lang="en". */
export const CARD_LANG = "en";

/** Text from a rate card or another outside source: always text (lit escapes it), tagged with its language. */
export function outside(text, cls) {
  return html`<span class=${cls ?? nothing} lang=${CARD_LANG}>${text}</span>`;
}

export class Texts {
  /**
   * locale: a resolved BCP 47 tag; card: {rateCard, countries: Map code -> CountryInfo, referenceReasons}
   * (null before a card is loaded); currency and minorUnits: of the amounts shown.
   */
  constructor(locale, card, currency, minorUnits) {
    this.locale = locale;
    this.lang = locale.split("-")[0];
    this.t = catalogue(locale);
    this.card = card;
    this.countries = card?.countries ?? new Map();
    this.fmt = new Formatter(locale, currency, minorUnits);
    this.names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    this.conjunction = new Intl.ListFormat(locale, { type: "conjunction" });
    this.collator = new Intl.Collator(locale);
    this.nameCache = new Map();
  }

  /** Country or region name in the current language (the card's English name when Intl has none). */
  name(code) {
    let n = this.nameCache.get(code);
    if (n) return n;
    try {
      n = this.names.of(code);
    } catch {
      n = undefined;
    }
    if (!n || n === code) n = this.countries.get(code)?.name ?? code;
    this.nameCache.set(code, n);
    return n;
  }

  kind(kind) {
    return this.t(`kind_${kind}`);
  }

  /** A message's text with its first letter in lower case, for use inside a sentence. */
  lower(text) {
    return text.charAt(0).toLocaleLowerCase(this.locale) + text.slice(1);
  }

  /** Why `kinds` are not offered in `country`, from the core's stable reason code: one sentence. */
  reasonText(country, reasonCode, kinds) {
    const t = this.t;
    const list = this.conjunction.format(kinds.map((k) => this.lower(this.kind(k))));
    const key = `reason_${reasonCode}`;
    return t(t.has(key) ? key : "reason_other", {
      n: kinds.length,
      country: this.name(country),
      kinds: list,
      kinds_cap: list.charAt(0).toLocaleUpperCase(this.locale) + list.slice(1),
    });
  }

  /**
   * The rate card's own English reason when it says more than its code: never with the built-in card
   * (its texts only restate the code), and with another card only where it differs from the built-in
   * card's text for that country and kind (a card copied from the built-in one adds nothing).
   */
  ownReason(country, kind, reason) {
    const ref = this.card?.referenceReasons;
    if (!reason || !ref) return null;
    return ref.get(`${country}|${kind}`) === reason ? null : reason;
  }

  /** The kinds not offered in `country`, grouped by reason: [{reasonCode, own, kinds}]. */
  reasonGroups(country, unavailable) {
    const groups = new Map();
    for (const u of unavailable) {
      const own = this.ownReason(country, u.kind, u.reason);
      const key = `${u.reason_code}\u0000${own ?? ""}`;
      if (!groups.has(key)) groups.set(key, { reasonCode: u.reason_code, own, kinds: [] });
      groups.get(key).kinds.push(u.kind);
    }
    return [...groups.values()];
  }

  /** A reason: the translated sentence, then the card's own English text if it adds something. */
  reason(country, { reasonCode, own, kinds }) {
    const text = this.reasonText(country, reasonCode, kinds);
    return own ? html`${text} <span class="card-reason">${this.t("card_reason")} ${outside(own)}</span>` : text;
  }

  /** The reason one kind is not offered in a country, from an unavailable line or the card. */
  kindReason(country, kind, u) {
    return this.reason(country, { reasonCode: u.reason_code, own: this.ownReason(country, kind, u.reason), kinds: [kind] });
  }

  /** A note or warning of a quote in the current language (by code), the core's English text otherwise. */
  note(note, q) {
    const t = this.t;
    const f = this.fmt;
    switch (note.code) {
      case "credits_would_expire":
        return note.amount === undefined ? outside(note.message) : t("credits_would_expire", { amount: f.money(note.amount) });
      case "illustrative_rates":
        return t("illustrative_rates");
      case "kind_not_offered": {
        // The reason code is on the unavailable line (or the country) of that country and kind.
        const u = q.unavailable.find((x) => x.country === note.country && x.kind === note.kind);
        const why = u ?? this.countries.get(note.country)?.unavailable.find((x) => x.kind === note.kind);
        if (!note.kind || !why) return outside(note.message);
        const minutes = u ? html` ${t("minutes_not_priced", { minutes: f.number(u.minutes), n: u.minutes })}` : nothing;
        return html`${this.kindReason(note.country, note.kind, why)}${minutes}`;
      }
      default:
        if (t.has(note.code)) return t(note.code, { country: note.country ? this.name(note.country) : "" });
        return outside(note.message);
    }
  }

  /** What is wrong with a field (state.js Field) against its spec, or "". */
  fieldError(field, spec) {
    const t = this.t;
    const f = this.fmt;
    switch (field.error) {
      case null:
      case undefined:
        return "";
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
      case "decimal_mark":
        return t("err_decimal_mark", { example: field.arg });
      case "decimal_marks":
      case "grouping":
        return t(`err_${field.error}`);
      default:
        return t("err_number");
    }
  }
}
