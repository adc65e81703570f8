// The storage of saved quotes and scenarios (www/quote-store.js) against a fake storage: damaged, foreign
// and newer data are read without loss, a full or blocked storage is told apart, nothing is dropped.
// Run by `cargo xtask test` (node --test tests/node/).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as Q from "../../www/quote-store.js";

/** A Storage with a quota in characters; `blocked` makes every access throw, as with cookies blocked. */
class FakeStorage {
  constructor({ quota = Infinity, blocked = false, items = {} } = {}) {
    this.map = new Map(Object.entries(items));
    this.quota = quota;
    this.blocked = blocked;
  }
  #check() {
    if (this.blocked) throw Object.assign(new Error("The operation is insecure."), { name: "SecurityError", code: 18 });
  }
  getItem(k) {
    this.#check();
    return this.map.has(k) ? this.map.get(k) : null;
  }
  setItem(k, v) {
    this.#check();
    const used = [...this.map].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + String(v).length > this.quota) throw Object.assign(new Error("quota"), { name: "QuotaExceededError", code: 22 });
    this.map.set(k, String(v));
  }
}

const KEY = Q.SAVED_QUOTES_KEY;
const quote = (id, extra = {}) => ({
  id,
  name: `Quote ${id}`,
  savedAt: "2026-11-20T10:00:00.000Z",
  cardVersion: "2026.11-illustrative",
  currency: "EUR",
  total: "78.23",
  request: { currency: "EUR", lines: [{ country: "DE", kind: "toll", minutes: "1200" }] },
  ...extra,
});
const doc = (items, format = 1) => JSON.stringify({ format, items });

test("an empty storage reads as an empty list; a written list reads back", () => {
  const s = new FakeStorage();
  const get = () => s;
  assert.deepEqual(Q.readList(get, KEY, Q.isSavedQuote).items, []);
  const state = Q.updateList(get, KEY, Q.isSavedQuote, (items) => [...items, quote("a"), quote("b")]);
  assert.equal(state.items.length, 2);
  const back = Q.readList(get, KEY, Q.isSavedQuote);
  assert.deepEqual(back.items, [quote("a"), quote("b")]);
  assert.equal(back.problem, null);
  assert.equal(JSON.parse(s.getItem(KEY)).format, 1);
});

test("rename and delete change only their item", () => {
  const s = new FakeStorage({ items: { [KEY]: doc([quote("a"), quote("b"), quote("c")]) } });
  const get = () => s;
  Q.updateList(get, KEY, Q.isSavedQuote, (items) => Q.changeItem(items, "b", (x) => ({ ...x, name: "Renamed" })));
  Q.updateList(get, KEY, Q.isSavedQuote, (items) => Q.removeItem(items, "a"));
  assert.deepEqual(
    Q.readList(get, KEY, Q.isSavedQuote).items.map((x) => [x.id, x.name]),
    [
      ["b", "Renamed"],
      ["c", "Quote c"],
    ],
  );
});

// [what is stored, expected problem]: a value that is not such a list is reported and nothing is listed.
const WHOLE = [
  ["{not json", "damaged"],
  ["null", "damaged"],
  ['"a string"', "damaged"],
  ["[1,2,3]", "damaged"],
  [JSON.stringify({ format: 1, items: "x" }), "damaged"],
  [JSON.stringify({ items: [] }), "damaged"],
  [JSON.stringify({ format: 0, items: [] }), "damaged"],
  [doc([quote("a")], 2), "newer"],
];

for (const [raw, problem] of WHOLE) {
  test(`a stored ${JSON.stringify(raw).slice(0, 40)} is ${problem}, and copied aside before it is replaced`, () => {
    const s = new FakeStorage({ items: { [KEY]: raw } });
    const get = () => s;
    const read = Q.readList(get, KEY, Q.isSavedQuote);
    assert.equal(read.problem, problem);
    assert.deepEqual(read.items, []);
    Q.updateList(get, KEY, Q.isSavedQuote, (items) => [...items, quote("new")]);
    assert.equal(s.getItem(`${KEY}:unreadable`), raw, "the unreadable value is kept");
    assert.deepEqual(Q.readList(get, KEY, Q.isSavedQuote).items, [quote("new")]);
  });
}

test("items this version cannot read are counted, kept and written back", () => {
  const foreign = [
    { id: "x", name: 5 },
    "just text",
    null,
    quote("bad-total", { total: "1e3" }),
    quote("bad-date", { savedAt: "yesterday" }),
    quote("no-lines", { request: {} }),
    quote("bad-details", { details: { customer: 1 } }),
  ];
  const s = new FakeStorage({ items: { [KEY]: doc([quote("a"), ...foreign, quote("b")]) } });
  const get = () => s;
  const read = Q.readList(get, KEY, Q.isSavedQuote);
  assert.deepEqual(
    read.items.map((x) => x.id),
    ["a", "b"],
  );
  assert.equal(read.unreadable, foreign.length);
  Q.updateList(get, KEY, Q.isSavedQuote, (items) => Q.removeItem(items, "a"));
  assert.deepEqual(JSON.parse(s.getItem(KEY)).items, [quote("b"), ...foreign]);
  assert.equal(s.getItem(`${KEY}:unreadable`), null, "a readable list is not copied aside");
});

test("a saved quote with details, and one without a total, are readable", () => {
  assert.ok(Q.isSavedQuote(quote("d", { details: { customer: "Contoso", preparedBy: "Ann" } })));
  assert.ok(Q.isSavedQuote(quote("n", { total: null })));
});

test("blocked storage: reading says unavailable, writing throws a StorageProblem of kind unavailable", () => {
  const s = new FakeStorage({ blocked: true });
  assert.equal(Q.readList(() => s, KEY, Q.isSavedQuote).problem, "unavailable");
  const throwing = () => {
    throw Object.assign(new Error("Access is denied for this document."), { name: "SecurityError" });
  };
  assert.equal(Q.readList(throwing, KEY, Q.isSavedQuote).problem, "unavailable");
  for (const get of [() => s, throwing]) {
    assert.throws(
      () => Q.updateList(get, KEY, Q.isSavedQuote, (items) => [...items, quote("a")]),
      (e) => e instanceof Q.StorageProblem && e.kind === "unavailable",
    );
  }
});

test("full storage: writing throws a StorageProblem of kind full and the stored list is unchanged", () => {
  const before = doc([quote("a")]);
  const s = new FakeStorage({ quota: KEY.length + before.length + 10, items: { [KEY]: before } });
  const get = () => s;
  assert.throws(
    () => Q.updateList(get, KEY, Q.isSavedQuote, (items) => [...items, quote("b")]),
    (e) => e instanceof Q.StorageProblem && e.kind === "full",
  );
  assert.equal(s.getItem(KEY), before);
  // Firefox's name for it.
  const firefox = { getItem: () => null, setItem: () => {
    throw Object.assign(new Error("full"), { name: "NS_ERROR_DOM_QUOTA_REACHED", code: 1014 });
  } };
  assert.throws(() => Q.writeList(() => firefox, KEY, [], null), (e) => e.kind === "full");
});

test("names are trimmed and cut at NAME_MAX characters, whole code points", () => {
  assert.equal(Q.cleanName("  Contoso  "), "Contoso");
  assert.equal(Q.cleanName("   "), "");
  assert.equal(Q.cleanName("😀".repeat(100)), "😀".repeat(Q.NAME_MAX));
  assert.equal(Q.cleanName('<img src=x onerror="alert(1)">'), '<img src=x onerror="alert(1)">');
});

test("scenarios: id, name and a request", () => {
  assert.ok(Q.isScenario({ id: "1", name: "Today", request: { lines: [] } }));
  assert.ok(!Q.isScenario({ id: "1", name: "Today", request: { lines: "x" } }));
  assert.ok(!Q.isScenario({ id: 1, name: "Today", request: { lines: [] } }));
  assert.notEqual(Q.newId(), Q.newId());
});
