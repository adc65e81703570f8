// The request's fast path (src/compact.js, read by `read_compact`) never changes an outcome: random valid
// and invalid requests priced as they are and wrapped in an object whose `toJSON` gives the same request
// (which the fast encoder refuses, so it goes the JSON way) give the same quote or the same error, and
// `priceLines` gives the lines and total of that quote. Run by `cargo xtask test` after the build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const { initSync, Calculator } = await import(new URL("pkg/audioconf_pricing.js", root));
initSync({ module: readFileSync(new URL("pkg/audioconf_pricing_bg.wasm", root)) });
const calc = Calculator.withDefaultRates();

/** The same request for JSON.stringify, but not one the fast encoder reads. */
const viaJson = (request) => ({ toJSON: () => request });

function outcome(f) {
  try {
    return { value: f() };
  } catch (e) {
    return { error: { code: e.code, path: e.path, message: e.message } };
  }
}

/** What `priceLines` must give for a quote. */
const linesOf = (q) => ({
  currency: q.currency,
  minor_units: q.minor_units,
  total: q.total,
  lines: q.lines.map((l) => ({ index: l.index, billable_minutes: l.billable_minutes, connection_fees: l.connection_fees, cost: l.cost })),
  unavailable_minutes: q.unavailable_minutes,
});

// A small deterministic generator (mulberry32), so that a failure can be replayed.
let seed = 7;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const often = (p) => random() < p;

const countries = ["DE", "US", "JP", "EG", "GB", "de", "Fr", "XX", "", "D\tE", "DE\n", 12, null];
const kinds = ["toll", "toll_free", "dial_out_landline", "dial_out_mobile", "tolls", "", "toll\t", 1];
const minutes = ["1200", "0.5", "1234.567891", 1234.5, 0.1, 60, 0, "0", -5, "-0", "1e3", 1e21, 1e-7, NaN, Infinity,
  "", "1.1234567", 1e9, 1e9 + 1, "1000000000.000001", "007", " 5", "5\n", null, true, [5], { v: 5 }];
const calls = [37, "37", 1, 0, 1.5, "1.0", -2, 1e9, 1e10, "x", "3\t4", null, 2 ** 53 + 2, "99999999999999999999"];

function line() {
  const l = { country: pick(countries.slice(0, 6)), kind: pick(kinds.slice(0, 4)), minutes: pick(minutes.slice(0, 6)) };
  if (often(0.7)) l.calls = pick(calls.slice(0, 3));
  if (often(0.15)) l.country = pick(countries);
  if (often(0.15)) l.kind = pick(kinds);
  if (often(0.15)) l.minutes = pick(minutes);
  if (often(0.15)) l.calls = pick(calls);
  if (often(0.05)) delete l[pick(["country", "kind", "minutes"])];
  if (often(0.05)) l[pick(["extra", "Calls", "calls"])] = pick([undefined, 1, "2"]);
  return l;
}

function request() {
  const r = { lines: Array.from({ length: Math.floor(random() * 6) }, line) };
  if (often(0.6)) r.currency = pick(["EUR", "usd", "JPY", "KWD"]);
  if (often(0.1)) r.currency = pick(["XXX", "", 5, null, "E\tUR"]);
  if (often(0.3)) r.users = pick([50, "50", 1, 0, -1, 1.5, "abc", NaN, null, 1e7 + 1]);
  if (often(0.3)) r.skip_unavailable = pick([true, false, true, null, "yes", undefined]);
  if (often(0.03)) r.extra = 1;
  if (often(0.03)) r.lines = pick(["none", null, [null], [[1]], {}]);
  return r;
}

test("random requests give the same outcome on the fast path and the JSON path", () => {
  let priced = 0;
  for (let i = 0; i < 600; i++) {
    const r = request();
    const fast = outcome(() => calc.quote(r));
    assert.deepEqual(fast, outcome(() => calc.quote(viaJson(r))), JSON.stringify(r));
    const lines = outcome(() => calc.priceLines(r));
    assert.deepEqual(lines, outcome(() => calc.priceLines(viaJson(r))), JSON.stringify(r));
    assert.deepEqual(lines, fast.error ? fast : { value: linesOf(fast.value) }, JSON.stringify(r));
    if (!fast.error) priced++;
  }
  // Both kinds are well represented.
  assert.ok(priced > 150 && priced < 500, `${priced} of 600 priced`);
});

test("a large request prices the same both ways", () => {
  const pairs = calc.countries().flatMap((c) => c.offered.map((kind) => ({ country: c.code, kind })));
  const r = { currency: "EUR", lines: pairs.map((p, i) => ({ ...p, minutes: `${100 + ((i * 37) % 900)}.${i % 10}`, calls: 37 })) };
  const q = calc.quote(r);
  assert.deepEqual(q, calc.quote(viaJson(r)));
  assert.deepEqual(calc.priceLines(r), linesOf(q));
});

test("a getter that throws is an invalid request on both paths, and the calculator keeps working", () => {
  const r = { lines: [] };
  Object.defineProperty(r, "currency", { enumerable: true, get() { throw new Error("boom"); } });
  for (const f of [() => calc.quote(r), () => calc.priceLines(r)]) {
    assert.throws(f, (e) => e.code === "invalid_request" && /not a JSON value/.test(e.message));
  }
  assert.equal(calc.priceLines({ lines: [{ country: "DE", kind: "toll", minutes: "60" }] }).lines.length, 1);
});

test("quote and priceLines are the class's own methods; the one-string calls behind them are not public", () => {
  const p = Calculator.prototype;
  for (const name of ["quote", "priceLines"]) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    assert.equal(typeof d.value, "function");
    assert.equal(d.value.name, name);
    assert.equal(d.enumerable, false, `${name} is not enumerable, as a class method`);
  }
  assert.equal(p.quoteText, undefined);
  assert.equal(p.priceLinesText, undefined);
  // A request the encoder reads but the core refuses goes the JSON way: its error is the JSON path's.
  const r = { currency: "EUR", lines: [{ country: "DE", kind: "toll", minutes: "1e3" }] };
  for (const f of ["quote", "priceLines"]) {
    const fast = outcome(() => calc[f](r));
    assert.ok(fast.error, `${f} refuses minutes written with an exponent`);
    assert.deepEqual(fast, outcome(() => calc[f](viaJson(r))));
  }
});
