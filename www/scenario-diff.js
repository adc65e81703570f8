// What changed between two scenarios, exactly: the total, the licensed users, and each country and kind of
// call whose minutes or cost moved. Pure, no DOM (tests/node/scenario-diff.test.mjs). A scenario here is
// {request, priced}: a QuoteRequest and what `Calculator.priceLines` gave for it. Minutes are the requested
// minutes of the lines that were priced (a kind not offered, left out by skip_unavailable, moves nothing);
// money is the lines' rounded costs, in the scenario's currency. Decimals stay strings; sums are BigInt.
//
// The exact arithmetic is decimal.js's, handed in (`scenarioDiff(D)`, D: decimal.js's exports) rather than
// imported: this module is loaded lazily, and a lazy import of decimal.js, which the first load carries,
// would split it into a chunk of its own and cost the first load about 200 bytes of brotli (lazy-panel.js).

const abs = (s) => s.replace(/^-/, "");

/** The functions below on decimal.js's `compare`, `fromScaled`, `scaleOf` and `toScaled`. */
export function scenarioDiff({ compare, fromScaled, scaleOf, toScaled }) {
  /** a + b for decimal strings that may start with "-", exactly. */
  function plus(a, b) {
    const s = Math.max(scaleOf(abs(a)), scaleOf(abs(b)));
    return fromScaled(toScaled(a, s) + toScaled(b, s), s);
  }

  /** a − b for decimal strings that may start with "-", exactly. */
  function minus(a, b) {
    return plus(a, b.startsWith("-") ? b.slice(1) : b === "0" ? b : `-${b}`);
  }

  /** Minutes and cost by country and kind: Map "CC|kind" -> {country, kind, minutes, cost}, in request order. */
  function byCountryKind({ request, priced }) {
    const out = new Map();
    for (const p of priced.lines) {
      const line = request.lines[p.index];
      const key = `${line.country}|${line.kind}`;
      const prev = out.get(key) ?? { country: line.country, kind: line.kind, minutes: "0", cost: "0" };
      out.set(key, { ...prev, minutes: plus(prev.minutes, String(line.minutes)), cost: plus(prev.cost, p.cost) });
    }
    return out;
  }

  /**
   * The difference of scenario `other` against `base`:
   * {comparable, currencies: [base, other], total, users, lines}. `comparable` is false when the currencies
   * differ: then `total` and every line's `cost` are null (amounts in two currencies are not subtracted),
   * and the lines still say how the minutes moved. `total` is other − base; `users` is {from, to} when the
   * licensed users differ (null otherwise); `lines` [{country, kind, minutes: {from, to, change},
   * cost: {from, to, change} | null}] are the countries and kinds that moved, the largest change of money
   * first (then of minutes), ties in the order of the base scenario, then the other's.
   */
  function difference(base, other) {
    const comparable = base.priced.currency === other.priced.currency;
    const a = byCountryKind(base);
    const b = byCountryKind(other);
    const zero = { minutes: "0", cost: "0" };
    const lines = [];
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const from = a.get(key) ?? { ...b.get(key), ...zero };
      const to = b.get(key) ?? { ...a.get(key), ...zero };
      const minutes = { from: from.minutes, to: to.minutes, change: minus(to.minutes, from.minutes) };
      const cost = comparable ? { from: from.cost, to: to.cost, change: minus(to.cost, from.cost) } : null;
      if (minutes.change === "0" && (!cost || cost.change === "0")) continue;
      lines.push({ country: from.country, kind: from.kind, minutes, cost, order: lines.length });
    }
    const size = (l) => [l.cost ? abs(l.cost.change) : "0", abs(l.minutes.change)];
    lines.sort((x, y) => {
      const [cx, mx] = size(x);
      const [cy, my] = size(y);
      return compare(cy, cx) || compare(my, mx) || x.order - y.order;
    });
    const users = (base.request.users ?? null) === (other.request.users ?? null) ? null : { from: base.request.users ?? null, to: other.request.users ?? null };
    return {
      comparable,
      currencies: [base.priced.currency, other.priced.currency],
      total: comparable ? minus(other.priced.total, base.priced.total) : null,
      users,
      lines: lines.map(({ order, ...l }) => l),
    };
  }

  return { plus, minus, byCountryKind, difference };
}
