// Number, money and date formatting for <audioconf-pricing>, all by Intl: decimal strings go to Intl as they
// are, never through a JS number.

/** Formats amounts of one currency, numbers, percents and dates in one locale with Intl. */
export class Formatter {
  constructor(locale, currency, minorUnits) {
    this.locale = locale;
    this.currency = currency;
    this.minorUnits = minorUnits;
    this.moneyFormat = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: minorUnits,
      maximumFractionDigits: minorUnits,
    });
    this.shortMoney = new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
    this.percentFormat = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    this.cache = new Map();
  }

  /** An amount (decimal string) with the currency's minor units; the string goes to Intl as it is. */
  money(value) {
    return this.moneyFormat.format(String(value));
  }

  /** A compact amount for chart axes ("$1.2K"). */
  moneyShort(value) {
    return this.shortMoney.format(String(value));
  }

  /** A per-minute rate: at least the minor units, and every digit the rate has. */
  rate(value) {
    const text = String(value);
    const scale = text.includes(".") ? text.split(".")[1].length : 0;
    const max = Math.min(20, Math.max(this.minorUnits, scale));
    const key = `rate${max}`;
    if (!this.cache.has(key)) {
      this.cache.set(key, new Intl.NumberFormat(this.locale, { style: "currency", currency: this.currency, minimumFractionDigits: this.minorUnits, maximumFractionDigits: max }));
    }
    return this.cache.get(key).format(text);
  }

  /** A number (decimal string or integer) with every digit it has, or exactly `fixed` decimals. */
  number(value, fixed) {
    const text = String(value);
    const scale = text.includes(".") ? text.split(".")[1].length : 0;
    const key = fixed === undefined ? `n${Math.min(20, scale)}` : `f${fixed}`;
    if (!this.cache.has(key)) {
      const opts = fixed === undefined ? { maximumFractionDigits: Math.min(20, scale) } : { minimumFractionDigits: fixed, maximumFractionDigits: fixed };
      this.cache.set(key, new Intl.NumberFormat(this.locale, opts));
    }
    return this.cache.get(key).format(text);
  }

  /** An integer percent (0–100). */
  percent(value) {
    return this.percentFormat.format(`${value}e-2`);
  }

  /** An ISO date (YYYY-MM-DD) in words. */
  date(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    if (!m) return String(iso);
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    // Made once: the toolbar asks for the card's date on every render, and a formatter is costly to make.
    this.dateFormat ??= new Intl.DateTimeFormat(this.locale, { dateStyle: "long", timeZone: "UTC" });
    return this.dateFormat.format(d);
  }
}
