// The rating semantics of src/quote.rs (lines and total only) written with decimal.js, as the peer that
// `cargo xtask bench` compares the WebAssembly core with. Decimals go in and come out as strings; every
// rounding names its mode. It is a benchmark subject, not shipped, and it checks nothing the core checks
// (limits, overflow, error messages): requests given to it are valid.
import Decimal from "decimal.js";

// 60 significant digits hold every product of the core's limits exactly (28-digit decimals).
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });
const MODES = { half_up: D.ROUND_HALF_UP, half_even: D.ROUND_HALF_EVEN, up: D.ROUND_UP, down: D.ROUND_DOWN };
const KINDS = ["toll", "toll_free", "dial_out_landline", "dial_out_mobile"];
const SIXTY = new D(60);

/** A rate card (the format 1 JSON object) compiled for pricing: tariffs per country code and kind. */
export class PeerCard {
  constructor(card, minorUnits) {
    this.currencies = new Map([[card.currency, { rate: new D(1), dp: minorUnits[card.currency] }]]);
    for (const c of card.currencies) this.currencies.set(c.code, { rate: new D(c.rate), dp: c.minor_units ?? minorUnits[c.code] });
    const b = card.billing;
    this.tariffs = new Map();
    for (const c of card.countries) {
      const byKind = {};
      for (const kind of KINDS) {
        const rate = c.rates[kind];
        if (rate === undefined) continue;
        const o = c.billing?.[kind] ?? {};
        byKind[kind] = {
          rate: new D(rate),
          increment: o.increment_seconds ?? b.increment_seconds,
          fee: new D(o.connection_fee ?? b.connection_fee),
          rounding: MODES[o.rounding ?? b.rounding],
        };
      }
      this.tariffs.set(c.code, byKind);
    }
  }

  /** Prices a request's lines and their total: `{lines: [{billable_minutes, connection_fees, cost}], total}`. */
  quote(request) {
    const cur = this.currencies.get((request.currency ?? "USD").toUpperCase());
    let total = new D(0);
    const lines = request.lines.map((line) => {
      const t = this.tariffs.get(line.country.toUpperCase())[line.kind];
      const minutes = new D(line.minutes);
      const rate = t.rate.times(cur.rate);
      let seconds, fees, cost;
      if (line.calls === undefined) {
        seconds = minutes.times(SIXTY);
        fees = new D(0);
        cost = minutes.times(rate).toDecimalPlaces(cur.dp, t.rounding);
      } else {
        const calls = new D(line.calls);
        const perCall = minutes.times(SIXTY).div(calls.times(t.increment)).ceil();
        seconds = perCall.times(t.increment).times(calls);
        fees = calls.times(t.fee.times(cur.rate));
        cost = seconds.times(rate).plus(fees.times(SIXTY)).div(SIXTY).toDecimalPlaces(cur.dp, t.rounding);
      }
      total = total.plus(cost);
      return { billable_minutes: billableMinutes(seconds), connection_fees: fees.toString(), cost: cost.toFixed(cur.dp) };
    });
    return { lines, total: total.toFixed(cur.dp) };
  }
}

/** Seconds as minutes: exact when it terminates within 6 places, else half-up to 4 (as the core shows it). */
function billableMinutes(seconds) {
  const exact = seconds.div(SIXTY);
  return exact.decimalPlaces() <= 6 ? exact.toString() : exact.toDecimalPlaces(4, D.ROUND_HALF_UP).toString();
}
