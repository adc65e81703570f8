// The share link's codec (www/share-codec.js) in Node: exact round trips, the quote reference, the length
// of a 10-country link, and every kind of bad link named for what is wrong with it.
// Run by `cargo xtask test` (node --test tests/node/).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as C from "../../www/share-codec.js";
import { DETAILS_MAX } from "../../www/state.js";

const KINDS = ["toll", "toll_free", "dial_out_landline", "dial_out_mobile"];
const TEN = ["US", "GB", "DE", "FR", "JP", "BR", "IN", "AU", "CA", "ES"];

/** A state as the element gives it: every kind of every country, exact minutes, some calls. */
function tenCountries(details = { customer: "Contoso Ltd", preparedBy: "Jane Doe" }) {
  const lines = [];
  for (const [i, country] of TEN.entries()) {
    for (const [j, kind] of KINDS.entries()) {
      const line = { country, kind, minutes: `${1234 + 97 * i + j}.${(i * 7 + j) % 100 || 1}` };
      if (j % 2 === 0) line.calls = 40 + i + j;
      lines.push(line);
    }
  }
  return { request: { currency: "EUR", users: 250, skip_unavailable: true, lines }, details, locale: "en-GB", cardVersion: "2026.11-illustrative", total: "12345.67" };
}

test("a state round-trips exactly: decimal minutes, calls, users, currency, locale, details, card and total", () => {
  for (const state of [
    tenCountries(),
    tenCountries({ customer: "", preparedBy: "" }),
    { request: { currency: "KWD", skip_unavailable: true, lines: [{ country: "KW", kind: "toll", minutes: "0.000001" }] }, details: { customer: "ООО «Ромашка»", preparedBy: "" }, locale: null, cardVersion: "v", total: "0.001" },
    { request: { currency: "USD", skip_unavailable: true, lines: [] }, details: { customer: "", preparedBy: "Иван" }, locale: "ru", cardVersion: "2026.11-illustrative", total: "0" },
    { request: { currency: "USD", skip_unavailable: true, lines: [{ country: "US", kind: "toll", minutes: "1000000000", calls: 1000000000 }, { country: "GB", kind: "toll", minutes: "5" }, { country: "US", kind: "toll_free", minutes: "5" }] }, details: { customer: "a~k|*,=+", preparedBy: "😀" }, locale: "en", cardVersion: "version with spaces ~k", total: "99.5" },
  ]) {
    const fragment = C.encode(state);
    const back = C.decode(fragment);
    assert.deepEqual(back, { ok: true, state }, fragment);
  }
});

test("the codec reads details as long as the element keeps them", () => {
  assert.equal(C.MAX_DETAIL, DETAILS_MAX);
});

test("a 10-country link with every kind, calls and details stays within 2,000 characters", (t) => {
  const base = "https://calculator.example.com/teams/audio-conferencing/index.html#";
  const state = tenCountries();
  const url = base + C.encode(state);
  assert.ok(url.length <= 2000, `${url.length} characters`);
  // Even with the longest Cyrillic details.
  const long = base + C.encode(tenCountries({ customer: "Ж".repeat(DETAILS_MAX), preparedBy: "Щ".repeat(DETAILS_MAX) }));
  assert.ok(long.length <= 2000, `${long.length} characters with the longest details`);
  t.diagnostic(`link lengths: ${url.length} characters, ${long.length} with the longest Cyrillic details`);
});

test("the reference depends on the request, card version and details, not on the locale or total", () => {
  const state = tenCountries();
  const ref = C.reference(state);
  assert.match(ref, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.equal(C.reference(structuredClone(state)), ref, "same inputs, same reference");
  assert.equal(C.reference({ ...state, locale: "ru", total: "1" }), ref, "locale and total do not count");
  const changed = [
    { ...state, cardVersion: "2027.01" },
    { ...state, details: { ...state.details, customer: "Fabrikam" } },
    { ...state, details: { customer: state.details.preparedBy, preparedBy: state.details.customer } },
    { ...state, request: { ...state.request, users: 251 } },
    { ...state, request: { ...state.request, currency: "USD" } },
    { ...state, request: { ...state.request, lines: state.request.lines.map((l, i) => (i === 7 ? { ...l, minutes: `${l.minutes}1` } : l)) } },
  ];
  for (const s of changed) assert.notEqual(C.reference(s), ref, JSON.stringify(s).slice(0, 120));
});

/** The error of decoding `fragment`. */
const errorOf = (fragment) => {
  const r = C.decode(fragment);
  assert.equal(r?.ok, false, `${fragment.slice(0, 80)} should not decode`);
  return r.error;
};

/** A fragment with a valid check around `body` (how a hostile link would be made). */
const signed = (body) => `${body}~k${C.check(body)}`;

test("other page anchors are not share links", () => {
  for (const f of ["", "main", "quick-start", "Q1~cUSD", "x"]) assert.equal(C.decode(f), null, f);
});

test("a link cut off anywhere is truncated, an altered one damaged", () => {
  const fragment = C.encode(tenCountries());
  for (let cut = 1; cut < fragment.length; cut += 7) {
    assert.equal(errorOf(fragment.slice(0, cut)).code, "truncated", `cut at ${cut}`);
  }
  assert.equal(errorOf(fragment.slice(0, -1)).code, "truncated");
  const altered = fragment.replace("USt", "USf");
  assert.equal(errorOf(altered).code, "damaged");
  assert.equal(errorOf(fragment.replace(/~k.*/, "~kZZZZZZ")).code, "damaged");
  assert.equal(errorOf(`${fragment}x`).code, "damaged");
});

test("a link escaped by a mail tool still reads", () => {
  const state = tenCountries();
  const escaped = C.encode(state).replace(/~/g, "%7E").replace(/\*/g, "%2A").replace(/,/g, "%2C");
  assert.deepEqual(C.decode(escaped), { ok: true, state });
  assert.equal(errorOf("q1~%E0%A4%A").code, "damaged");
});

test("a later format is named as such; an unknown one as malformed", () => {
  assert.deepEqual(errorOf("q2~cUSD~whatever"), { code: "future_version", value: "2" });
  assert.deepEqual(errorOf("q17"), { code: "future_version", value: "17" });
  assert.equal(errorOf("q0~cUSD~kAAAAAA").code, "malformed");
  assert.equal(errorOf("q1x~cUSD").field, "format");
});

test("hostile content with a valid check is refused, naming the part and the value", () => {
  const b64 = C.toBase64url;
  const cases = [
    ["q1~c<sc~veA~t1~m", { code: "malformed", field: "currency", value: "<sc" }],
    ["q1~cUSD~u0~veA~t1~m", { code: "malformed", field: "users", value: "0" }],
    ["q1~cUSD~u99999999~veA~t1~m", { code: "malformed", field: "users", value: "99999999" }],
    ["q1~cUSD~l<img~veA~t1~m", { code: "malformed", field: "locale", value: "<img" }],
    ["q1~cUSD~v!!~t1~m", { code: "malformed", field: "card_version", value: "!!" }],
    ["q1~cUSD~veA~t-5~m", { code: "malformed", field: "total", value: "-5" }],
    ["q1~cUSD~veA~t1e9~m", { code: "malformed", field: "total", value: "1e9" }],
    [`q1~cUSD~veA~t1~n${b64("a\u0000b")}~m`, { code: "malformed", field: "customer", value: b64("a\u0000b") }],
    [`q1~cUSD~veA~t1~p${b64("x".repeat(DETAILS_MAX + 1))}~m`, { code: "malformed", field: "prepared_by" }],
    ["q1~cUSD~veA~t1~n_w~m", { code: "malformed", field: "customer", value: "_w" }],
    ["q1~cUSD~veA~t1~mUSt10,GBx5", { code: "malformed", field: "line", line: 2, value: "GBx5" }],
    ["q1~cUSD~veA~t1~mt10", { code: "malformed", field: "line_country", line: 1, value: "t10" }],
    ["q1~cUSD~veA~t1~mUSt1000000000.5", { code: "malformed", field: "line_minutes", line: 1, value: "USt1000000000.5" }],
    ["q1~cUSD~veA~t1~mUSt5*9999999999", { code: "malformed", field: "line_calls", line: 1, value: "USt5*9999999999" }],
    ["q1~cUSD~veA~t1~mUSt5*0", { code: "malformed", field: "line", line: 1, value: "USt5*0" }],
    ["q1~cUSD~veA~t1~m~zevil", { code: "malformed", field: "part", value: "zevil" }],
    ["q1~cUSD~cEUR~veA~t1~m", { code: "malformed", field: "part", value: "cEUR" }],
    ["q1~cUSD~veA~m", { code: "missing", field: "total" }],
    ["q1~cUSD~veA~t1", { code: "missing", field: "lines" }],
  ];
  for (const [body, expected] of cases) {
    const error = errorOf(signed(body));
    for (const [k, v] of Object.entries(expected)) assert.equal(error[k], v, `${body}: ${k}`);
  }
  // Script-like details are data: they decode as the text they are (the element shows them as text).
  const xss = '<img src=x onerror="alert(1)">';
  const r = C.decode(signed(`q1~cUSD~veA~t1~n${b64(xss)}~m`));
  assert.equal(r.ok, true);
  assert.equal(r.state.details.customer, xss);
  assert.equal(errorOf("q1" + "~".repeat(C.MAX_FRAGMENT)).code, "too_long");
});

test("random bytes never throw: each is null, a state or a named error", () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const alphabet = "q1~cUSDvtmnpkulAZ09*,.-_%<>\"'&\u0000é😀";
  const base = C.encode(tenCountries());
  for (let i = 0; i < 2000; i++) {
    let f;
    if (i % 2) f = Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
    else {
      const at = Math.floor(random() * base.length);
      f = base.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + base.slice(at + 1);
    }
    const r = C.decode(f);
    if (r === null || r.ok) continue;
    assert.match(r.error.code, /^(truncated|damaged|future_version|malformed|missing|too_long)$/, f);
  }
});
