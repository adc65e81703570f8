// The element's pure state modules (www/state.js, www/fields.js, www/number-input.js) in Node, without a
// DOM: typed numbers read in each catalogue's conventions, the exact split of minutes, and the request it
// builds.
// Run by `cargo xtask test` (node --test tests/node/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseNumber, toInputText } from "../../www/number-input.js";
import { FIELDS, validateField } from "../../www/fields.js";
import * as S from "../../www/state.js";
import { toScaled } from "../../www/decimal.js";

// [locale, typed, max decimals, expected]: {value} or {error, example?}.
const NUMBERS = [
  // English: a point for decimals, commas (or spaces) between thousands.
  ["en", "12.5", 2, { value: "12.5" }],
  ["en", "1,250", 2, { value: "1250" }],
  ["en", "1,250.5", 2, { value: "1250.5" }],
  ["en", "1 250.5", 2, { value: "1250.5" }],
  ["en", "1,234,567", 0, { value: "1234567" }],
  ["en", " 10000 ", 2, { value: "10000" }],
  ["en", ".5", 2, { value: "0.5" }],
  ["en", "5.", 2, { value: "5" }],
  ["en", "007.50", 2, { value: "7.5" }],
  // The defect: these were read as 125, 12505 and 123 minutes.
  ["en", "12,5", 2, { error: "decimal_mark", example: "12.5" }],
  ["en", "1 250,5", 2, { error: "decimal_mark", example: "1 250.5" }],
  ["en", "1,2,3", 2, { error: "grouping" }],
  ["en", "12,50", 2, { error: "decimal_mark", example: "12.50" }],
  ["en", "1.250,5", 2, { error: "decimal_mark", example: "1,250.5" }],
  ["en", "1.2.3", 2, { error: "decimal_marks" }],
  ["en", "1,2500", 2, { error: "decimal_mark", example: "1.2500" }],
  ["en", "1,250 000", 2, { error: "grouping" }],
  ["en", "12 5", 2, { error: "grouping" }],
  ["en", "12x", 2, { error: "not_a_number" }],
  ["en", "1e3", 2, { error: "not_a_number" }],
  ["en", ".", 2, { error: "not_a_number" }],
  ["en", "", 2, { error: "empty" }],
  ["en", "-5", 2, { error: "negative" }],
  ["en", "1.234", 2, { error: "too_many_decimals" }],
  ["en", "1.230", 2, { value: "1.23" }],
  // Russian: a comma for decimals, spaces (any kind) between thousands.
  ["ru", "12,5", 2, { value: "12.5" }],
  ["ru", "1 250,5", 2, { value: "1250.5" }],
  ["ru", "1\u00a0250,5", 2, { value: "1250.5" }],
  ["ru", "1\u202f250", 2, { value: "1250" }],
  ["ru", "12.5", 2, { error: "decimal_mark", example: "12,5" }],
  ["ru", "1,2,3", 2, { error: "decimal_marks" }],
  ["ru", "1 25", 2, { error: "grouping" }],
  ["ru", "1.250", 2, { error: "decimal_mark", example: "1,250" }],
  // German habits in German: a comma for decimals, points between thousands.
  ["de", "1.250,5", 2, { value: "1250.5" }],
  ["de", "12.5", 2, { error: "decimal_mark", example: "12,5" }],
];

for (const [locale, text, decimals, expected] of NUMBERS) {
  test(`${locale}: ${JSON.stringify(text)} reads as ${JSON.stringify(expected)}`, () => {
    assert.deepEqual(parseNumber(text, locale, decimals), expected);
  });
}

test("a value goes back to the field with the locale's decimal mark and no grouping", () => {
  assert.equal(toInputText("1250.5", "en"), "1250.5");
  assert.equal(toInputText("1250.5", "ru"), "1250,5");
});

test("a field error carries the example written the locale's way", () => {
  const f = validateField(FIELDS.minutes, "12,5", "en");
  assert.deepEqual(f, { text: "12,5", value: null, error: "decimal_mark", arg: "12.5" });
  assert.equal(validateField(FIELDS.users, "2.5", "en").error, "not_integer");
  assert.equal(validateField(FIELDS.users, "0", "en").error, "too_small");
  assert.equal(validateField(FIELDS.users, "", "en").error, null);
  assert.equal(validateField(FIELDS.minutes, "", "en").error, "empty");
  assert.equal(validateField(FIELDS.duration, "1441", "en").error, "too_large");
});

test("the default state asks for 10000 minutes over three countries", () => {
  const { request, invalid } = S.buildRequest(S.initialState("en"), "USD");
  assert.equal(invalid, false);
  assert.equal(request.currency, "USD");
  assert.equal(request.users, 100);
  assert.equal(request.skip_unavailable, true);
  assert.deepEqual([...new Set(request.lines.map((l) => l.country))], ["US", "GB", "DE"]);
  assert.equal(request.lines.reduce((a, l) => a + toScaled(l.minutes, 2), 0n), 1_000_000n);
});

test("meetings split calls and minutes exactly, at least one call a line", () => {
  let s = S.initialState("en");
  s = { ...s, volume: "meetings" };
  s = S.withField(s, "meetings", "120", "en");
  s = S.withField(s, "participants", "6", "en");
  s = S.withField(s, "duration", "42.5", "en");
  const vol = S.volume(s);
  assert.deepEqual(vol, { hundredths: 3_060_000n, calls: 720n });
  const cells = S.allocation(s, vol);
  assert.equal(cells.reduce((a, c) => a + c.hundredths, 0n), 3_060_000n);
  assert.ok(cells.every((c) => c.hundredths === 0n || c.calls >= 1n));
});

test("linked shares always total 100", () => {
  const keys = S.KINDS;
  const mix = S.rebalance(S.DEFAULTS.mix, keys, "toll_free", 30);
  assert.equal(mix.toll_free, 30);
  assert.equal(Object.values(mix).reduce((a, b) => a + b, 0), 100);
  assert.deepEqual(S.rebalance({ a: 0, b: 0, c: 100 }, ["a", "b", "c"], "c", 40), { a: 30, b: 30, c: 40 });
  assert.deepEqual(S.percents([1n, 1n, 1n]), [34, 33, 33]);
});

test("adding and removing countries keeps the shares at 100", () => {
  let s = S.addCountry(S.initialState("en"), "JP", "en");
  assert.deepEqual(s.countries, ["US", "GB", "DE", "JP"]);
  assert.equal(Object.values(s.weights).reduce((a, b) => a + b, 0), 100);
  assert.equal(S.addCountry(s, "JP", "en"), s);
  s = S.removeCountry(s, "US");
  assert.deepEqual(s.countries, ["GB", "DE", "JP"]);
  assert.equal(Object.values(s.weights).reduce((a, b) => a + b, 0), 100);
});

test("exact minutes start from the shares and lead back to the same total", () => {
  const start = S.initialState("en");
  const exact = S.setSplit(start, "exact", "en");
  assert.deepEqual(S.buildRequest(exact, "USD").request, S.buildRequest(start, "USD").request);
  assert.equal(S.exactTotal(exact), "10000");
  const edited = S.withCell(exact, "US|toll", "minutes", "5000.5", "en");
  const back = S.setSplit(edited, "equal", "en");
  assert.equal(back.fields.minutes.value, "13000.5");
  assert.equal(Object.values(S.exactMix(edited)).reduce((a, b) => a + b, 0), 100);
});

test("a request becomes exact minutes, lines of one cell added up, and back the same request", () => {
  const request = {
    currency: "gbp",
    users: 40,
    lines: [
      { country: "DE", kind: "toll", minutes: "1200", calls: 40 },
      { country: "JP", kind: "dial_out_mobile", minutes: "300.5" },
      { country: "DE", kind: "toll", minutes: "0.5", calls: 2 },
    ],
  };
  const s = S.fromRequest(S.initialState("ru"), request, "ru");
  assert.equal(s.split, "exact");
  assert.equal(s.currency, "GBP");
  assert.equal(S.cell(s, "DE", "toll").minutes.text, "1200,5");
  assert.equal(S.cell(s, "JP", "dial_out_mobile").minutes.text, "300,5");
  assert.deepEqual(S.buildRequest(s, "GBP").request, {
    currency: "GBP",
    users: 40,
    skip_unavailable: true,
    lines: [
      { country: "DE", kind: "toll", minutes: "1200.5", calls: 42 },
      { country: "JP", kind: "dial_out_mobile", minutes: "300.5" },
    ],
  });
  assert.throws(() => S.fromRequest(s, { lines: "no" }, "en"), TypeError);
});

// A request opens as the split it is, when splitting its total gives back the same lines, else as exact
// minutes; the request the state gives is the one the exact minutes give, either way.
const formRequest = (edit) => S.buildRequest(edit(S.initialState("en")), "USD").request;
const DEFAULT_LINES = formRequest((s) => s).lines;
const SPLITS = [
  // [what, its lines, opens as: split, and for a split its mix, shares and total minutes as shown in ru]
  ["the default form's request", DEFAULT_LINES, "equal", { toll: 60, toll_free: 20, dial_out_landline: 10, dial_out_mobile: 10 }, { US: 34, GB: 33, DE: 33 }, "10000"],
  [
    "a request split 50 : 30 : 20 of 12,345.67 minutes",
    formRequest((s) => S.withField({ ...S.setSplit(s, "custom", "en"), weights: { US: 50, GB: 30, DE: 20 } }, "minutes", "12,345.67", "en")).lines,
    "custom", { toll: 60, toll_free: 20, dial_out_landline: 10, dial_out_mobile: 10 }, { US: 50, GB: 30, DE: 20 }, "12345,67",
  ],
  [
    "a request of one kind only in two countries",
    formRequest((s) => S.removeCountry({ ...s, mix: { toll: 100, toll_free: 0, dial_out_landline: 0, dial_out_mobile: 0 } }, "DE")).lines,
    "equal", { toll: 100, toll_free: 0, dial_out_landline: 0, dial_out_mobile: 0 }, { US: 50, GB: 50 }, "10000",
  ],
  ["the default request's lines in another order", [...DEFAULT_LINES].reverse(), "exact"],
  ["the default request with calls on every line (meetings)", DEFAULT_LINES.map((l) => ({ ...l, calls: 3 })), "exact"],
  ["the default request with one line a hundredth more", DEFAULT_LINES.map((l, i) => (i === 0 ? { ...l, minutes: "2000.01" } : l)), "exact"],
  [
    "100, 200 and 300 minutes in three countries (shares that are not whole percents)",
    ["US", "GB", "DE"].map((country, i) => ({ country, kind: "toll", minutes: String(100 * (i + 1)) })),
    "exact",
  ],
  ["a request of 10.005 minutes (the total field has 2 decimals)", [{ country: "US", kind: "toll", minutes: "10.005" }], "exact"],
  ["a request whose minutes are not a number", [{ country: "US", kind: "toll", minutes: "ten" }], "exact"],
];

for (const [what, lines, split, mix, weights, minutes] of SPLITS) {
  test(`${what} opens as ${split === "exact" ? "exact minutes" : `a split (${split})`}`, () => {
    const request = { currency: "EUR", users: 40, lines };
    const s = S.fromRequest(S.initialState("ru"), request, "ru");
    assert.equal(s.split, split);
    if (split !== "exact") {
      assert.deepEqual(s.mix, mix);
      assert.deepEqual(s.weights, weights);
      assert.equal(s.volume, "minutes");
      assert.equal(s.fields.minutes.text, minutes);
      // The split gives back the very request.
      assert.deepEqual(S.buildRequest(s, "EUR"), { request: { currency: "EUR", users: 40, skip_unavailable: true, lines }, invalid: false });
    }
  });
}

test("switching language retypes values with the new decimal mark", () => {
  let s = S.withField(S.initialState("en"), "duration", "12.5", "en");
  s = S.relocale(s, "ru");
  assert.equal(s.fields.duration.text, "12,5");
  assert.equal(s.fields.duration.value, "12.5");
});

test("an invalid field makes the request invalid", () => {
  const s = S.withField(S.initialState("en"), "minutes", "12,5", "en");
  assert.equal(S.buildRequest(s, "USD").invalid, true);
});
