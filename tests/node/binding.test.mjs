// The npm package in pkg/ as a Node user meets it: load the ES module, price the golden cases, read errors.
// Run by `cargo xtask test` (node --test tests/node/) after `cargo xtask build`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const { initSync, Calculator } = await import(new URL("pkg/audioconf_pricing.js", root));
initSync({ module: readFileSync(new URL("pkg/audioconf_pricing_bg.wasm", root)) });

const cases = JSON.parse(readFileSync(new URL("tests/golden/requests.json", root), "utf8"));
const expected = JSON.parse(readFileSync(new URL("tests/golden/expected.json", root), "utf8"));

/** Objects with sorted keys, so that member order does not matter. */
function canon(v) {
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])]));
  return v;
}

test("the golden cases give the recorded outcome through the npm package", () => {
  const calc = Calculator.withDefaultRates();
  assert.equal(cases.length, expected.length);
  for (const [i, c] of cases.entries()) {
    let outcome;
    try {
      outcome = { quote: calc.quote(c.request) };
    } catch (e) {
      assert.ok(e instanceof Error, `${c.name}: thrown value is an Error`);
      outcome = { error: { code: e.code, path: e.path, message: e.message } };
    }
    assert.deepEqual(canon(outcome), canon(expected[i].outcome), c.name);
  }
});

test("priceLines gives the lines and the total of the quote, or its error, for every golden case", () => {
  const calc = Calculator.withDefaultRates();
  for (const c of cases) {
    let q;
    try {
      q = calc.quote(c.request);
    } catch (e) {
      assert.throws(() => calc.priceLines(c.request), (f) => f instanceof Error && f.code === e.code && f.path === e.path && f.message === e.message, c.name);
      continue;
    }
    const lines = q.lines.map((l) => ({ index: l.index, billable_minutes: l.billable_minutes, connection_fees: l.connection_fees, cost: l.cost }));
    const expect = { currency: q.currency, minor_units: q.minor_units, total: q.total, lines, unavailable_minutes: q.unavailable_minutes };
    assert.deepEqual(calc.priceLines(c.request), expect, c.name);
  }
});

test("money crosses the boundary as strings, never numbers", () => {
  const q = Calculator.withDefaultRates().quote({ currency: "KWD", lines: [{ country: "KW", kind: "toll", minutes: "1234.567" }] });
  for (const v of [q.total, q.lines[0].cost, q.lines[0].rate, q.credits.first_funding]) assert.equal(typeof v, "string");
  assert.match(q.total, /^\d+\.\d{3}$/);
});

test("a JS number with a fraction is read as the decimal JSON.stringify writes for it", () => {
  const q = Calculator.withDefaultRates().quote({ lines: [{ country: "DE", kind: "toll", minutes: 0.1 }, { country: "DE", kind: "toll", minutes: 1234.5 }] });
  assert.deepEqual(q.lines.map((l) => l.minutes), ["0.1", "1234.5"]);
});

test("errors carry a stable code, the field path and a message naming the value", () => {
  const calc = Calculator.withDefaultRates();
  const table = [
    [{ lines: [{ country: "DE", kind: "toll", minutes: "-5" }] }, "negative", "lines[0].minutes", /"-5" is negative/],
    [{ lines: [{ country: "DE", kind: "toll", minutes: 1e21 }] }, "invalid_request", "lines[0].minutes", /1e\+21 has an exponent/],
    [{ lines: [{ country: "EG", kind: "toll_free", minutes: "1" }] }, "kind_not_offered", "lines[0].kind", /not offered in Egypt/],
    [{ currency: "ABC", lines: [] }, "unknown_currency", "currency", /"ABC" is not a currency/],
    [{ lines: "none" }, "invalid_request", "lines", /is not an array/],
    [undefined, "invalid_request", "", /not a JSON value/],
  ];
  for (const [request, code, path, message] of table) {
    assert.throws(() => calc.quote(request), (e) => e instanceof Error && e.code === code && e.path === path && message.test(e.message), JSON.stringify(request));
  }
});

test("a broken rate card lists every problem", () => {
  const card = JSON.parse(readFileSync(new URL("dist/rate-card.json", root), "utf8"));
  card.countries[0].rates.dial_out_landline = "abc";
  card.currencies[0].rate = "0";
  card.effective_date = "2026-13-01";
  assert.throws(
    () => new Calculator(card),
    (e) => e.code === "invalid_rate_card" && e.problems.length === 3 && e.problems.some((p) => p.path === "countries[0].rates.dial_out_landline"),
  );
  assert.throws(() => Calculator.fromJson('{"format": 1,'), (e) => e.code === "invalid_rate_card" && /line 1 column 14/.test(e.problems[0].message) && !/; :/.test(e.message));
});

test("the served rate card is the built-in one", () => {
  const text = readFileSync(new URL("dist/rate-card.json", root), "utf8");
  const fromFile = Calculator.fromJson(text);
  const builtin = Calculator.withDefaultRates();
  assert.deepEqual(fromFile.rateCard(), builtin.rateCard());
  assert.equal(builtin.rateCard().illustrative, true);
  const codes = builtin.rateCard().currencies.map((c) => c.code);
  for (const c of ["USD", "EUR", "GBP", "JPY", "KWD"]) assert.ok(codes.includes(c), c);
  const countries = builtin.countries();
  assert.ok(countries.length >= 249);
  const eg = countries.find((c) => c.code === "EG");
  assert.deepEqual(eg.offered, ["dial_out_landline", "dial_out_mobile"]);
  assert.match(eg.unavailable.find((u) => u.kind === "toll").reason, /not available in Egypt/);
});

test("the TypeScript declarations have real types, no any", () => {
  for (const f of ["pkg/audioconf_pricing.d.ts", "pkg/audioconf_pricing_bg.wasm.d.ts"]) {
    const text = readFileSync(new URL(f, root), "utf8");
    assert.doesNotMatch(text, /[:>|(,]\s*any\b/, f);
  }
  const d = readFileSync(new URL("pkg/audioconf_pricing.d.ts", root), "utf8");
  assert.match(d, /quote\(request: QuoteRequest\): Quote;/);
  assert.match(d, /countries\(\): CountryInfo\[\];/);
  assert.match(d, /priceLines\(request: QuoteRequest\): LinePrices;/);
});
