// The differences between scenarios (www/scenario-diff.js): exact decimals, the lines that moved and why,
// and no subtraction across currencies. Run by `cargo xtask test` (node --test tests/node/).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as D from "../../www/decimal.js";
import { scenarioDiff } from "../../www/scenario-diff.js";

const { difference, minus, plus } = scenarioDiff(D);

/** A scenario from [country, kind, minutes, cost] rows (cost null: left out as not offered). */
function scenario(currency, rows, users) {
  const request = { currency, skip_unavailable: true, lines: rows.map(([country, kind, minutes]) => ({ country, kind, minutes })) };
  if (users !== undefined) request.users = users;
  const lines = rows.flatMap(([, , , cost], index) => (cost === null ? [] : [{ index, billable_minutes: "0", connection_fees: "0", cost }]));
  const total = lines.reduce((t, l) => plus(t, l.cost), "0");
  return { request, priced: { currency, minor_units: 2, total, lines, unavailable_minutes: "0" } };
}

test("plus and minus are exact, with signs", () => {
  const cases = [
    [plus, "0.1", "0.2", "0.3"],
    [plus, "-1.25", "1.25", "0"],
    [plus, "-0.01", "-0.02", "-0.03"],
    [minus, "19.87", "33.12", "-13.25"],
    [minus, "0.3", "0.1", "0.2"],
    [minus, "10", "-2.5", "12.5"],
    [minus, "1200", "1200.000001", "-0.000001"],
    [minus, "5", "0", "5"],
    [minus, "0", "5", "-5"],
    [plus, "99999999999999999999.99", "0.01", "100000000000000000000"],
  ];
  for (const [f, a, b, want] of cases) assert.equal(f(a, b), want, `${f.name}(${a}, ${b})`);
});

const TODAY = scenario("EUR", [
  ["DE", "toll", "1200", "19.87"],
  ["US", "toll_free", "800", "33.12"],
  ["JP", "dial_out_mobile", "300.5", "19.44"],
]);

test("a growth scenario: each country and kind that moved, the largest change of money first", () => {
  const growth = scenario("EUR", [
    ["DE", "toll", "1500", "24.84"],
    ["US", "toll_free", "800", "33.12"],
    ["JP", "dial_out_mobile", "150.25", "9.72"],
    ["FR", "toll", "100.5", "1.67"],
  ]);
  const d = difference(TODAY, growth);
  assert.equal(d.comparable, true);
  assert.equal(d.total, "-3.08"); // 69.35 − 72.43
  assert.equal(d.users, null);
  assert.deepEqual(d.lines, [
    { country: "JP", kind: "dial_out_mobile", minutes: { from: "300.5", to: "150.25", change: "-150.25" }, cost: { from: "19.44", to: "9.72", change: "-9.72" } },
    { country: "DE", kind: "toll", minutes: { from: "1200", to: "1500", change: "300" }, cost: { from: "19.87", to: "24.84", change: "4.97" } },
    { country: "FR", kind: "toll", minutes: { from: "0", to: "100.5", change: "100.5" }, cost: { from: "0", to: "1.67", change: "1.67" } },
  ]);
});

test("lines of the same country and kind are added up; a line left out as not offered moves nothing", () => {
  const split = scenario("EUR", [
    ["DE", "toll", "700", "11.59"],
    ["US", "toll_free", "800", "33.12"],
    ["DE", "toll", "500", "8.28"],
    ["JP", "dial_out_mobile", "300.5", "19.44"],
    ["EG", "toll", "90", null],
  ]);
  const d = difference(TODAY, split);
  assert.equal(d.total, "0");
  assert.deepEqual(d.lines, []);
});

test("a country dropped, fewer users: the line goes to zero and the users are told", () => {
  const fewer = scenario("EUR", [
    ["DE", "toll", "1200", "19.87"],
    ["JP", "dial_out_mobile", "300.5", "19.44"],
  ], 20);
  const d = difference(scenario("EUR", [["DE", "toll", "1200", "19.87"], ["US", "toll_free", "800", "33.12"], ["JP", "dial_out_mobile", "300.5", "19.44"]], 50), fewer);
  assert.equal(d.total, "-33.12");
  assert.deepEqual(d.users, { from: 50, to: 20 });
  assert.deepEqual(d.lines, [{ country: "US", kind: "toll_free", minutes: { from: "800", to: "0", change: "-800" }, cost: { from: "33.12", to: "0", change: "-33.12" } }]);
});

test("another currency: no money is subtracted, the minutes still are", () => {
  const usd = scenario("USD", [
    ["DE", "toll", "1200", "21.60"],
    ["US", "toll_free", "1000", "45.00"],
    ["JP", "dial_out_mobile", "300.5", "21.13"],
  ]);
  const d = difference(TODAY, usd);
  assert.equal(d.comparable, false);
  assert.deepEqual(d.currencies, ["EUR", "USD"]);
  assert.equal(d.total, null);
  assert.deepEqual(d.lines, [{ country: "US", kind: "toll_free", minutes: { from: "800", to: "1000", change: "200" }, cost: null }]);
});

test("ties keep the base scenario's order; a change of money alone counts", () => {
  const base = scenario("EUR", [["GB", "toll", "10", "1.00"], ["DE", "toll", "10", "1.00"]]);
  const other = scenario("EUR", [["GB", "toll", "10", "2.00"], ["DE", "toll", "10", "2.00"]]);
  assert.deepEqual(
    difference(base, other).lines.map((l) => [l.country, l.minutes.change, l.cost.change]),
    [
      ["GB", "0", "1"],
      ["DE", "0", "1"],
    ],
  );
});
