// The form's state and the QuoteRequest it describes. Pure: no DOM, no Intl beyond number marks, runs in
// Node (tests/node/state.test.mjs). A state is a plain object that is never changed in place: every
// function returns a new one, so the element tells what changed by identity.
//
//   countries  ["US", "GB", "DE"]: the chosen countries, in the order they were added
//   mix        {toll: 60, ...}: integer percents by kind, total 100
//   split      "equal" | "custom" (country shares in `weights`) | "exact" (minutes per cell in `exact`)
//   weights    {US: 34, ...}: integer percents by country, total 100
//   exact      Map "CC|kind" -> {minutes: Field, calls: Field}, in request order
//   volume     "minutes" | "meetings"
//   fields     {minutes, meetings, participants, duration, users}: Field each
//   currency   the code the person or the request chose, or null (the card's)
//
// Each text field is a Field (fields.js): what was typed, its value and its error.
//
// How minutes are split: the monthly minutes (at most 2 decimals) are counted in hundredths of a minute as
// a BigInt and divided between every chosen country × kind in proportion to (country share × kind share),
// both integer percents (equal country shares use weight 1 each), by largest remainder: the lines add up
// to the typed total exactly. With meetings, the calls (meetings × participants) are split the same way,
// at least 1 call for a line with minutes. Nothing here does money arithmetic: the core does.

import * as D from "./decimal.js";
import { FIELDS, validateField } from "./fields.js";
import { toInputText } from "./number-input.js";

export const KINDS = ["toll", "toll_free", "dial_out_landline", "dial_out_mobile"];

export const DEFAULTS = {
  countries: ["US", "GB", "DE"],
  mix: { toll: 60, toll_free: 20, dial_out_landline: 10, dial_out_mobile: 10 },
  minutes: "10000",
  meetings: "200",
  participants: "5",
  duration: "10",
  users: "100",
};

const TEXT_FIELDS = ["minutes", "meetings", "participants", "duration", "users"];

/** Integer percents that add up to 100 in proportion to `weights` (BigInts); equal when all are 0. */
export function percents(weights) {
  const sum = weights.reduce((a, w) => a + w, 0n);
  return D.allocate(100n, sum === 0n ? weights.map(() => 1n) : weights).map(Number);
}

/** Equal integer percents for `keys`, as an object. */
export function equalShares(keys) {
  const p = percents(keys.map(() => 1n));
  return Object.fromEntries(keys.map((k, i) => [k, p[i]]));
}

/**
 * Linked shares: sets `key` to `value` (0..100) and spreads the rest over the other keys in proportion to
 * their current shares (equally when they are all 0), so that the shares always total 100.
 */
export function rebalance(shares, keys, key, value) {
  const v = Math.max(0, Math.min(100, Math.round(Number(value) || 0)));
  const others = keys.filter((k) => k !== key);
  if (!others.length) return { ...shares, [key]: 100 };
  const out = { ...shares, [key]: v };
  const weights = others.map((k) => BigInt(shares[k] || 0));
  const sum = weights.reduce((a, w) => a + w, 0n);
  const parts = D.allocate(BigInt(100 - v), sum === 0n ? others.map(() => 1n) : weights);
  others.forEach((k, i) => (out[k] = Number(parts[i])));
  return out;
}

const emptyCell = (locale) => ({ minutes: validateField(FIELDS.cellMinutes, "", locale), calls: validateField(FIELDS.cellCalls, "", locale) });

/** The state a new element starts from. */
export function initialState(locale = "en") {
  const fields = Object.fromEntries(TEXT_FIELDS.map((k) => [k, validateField(FIELDS[k], toInputText(DEFAULTS[k], locale), locale)]));
  return {
    countries: [...DEFAULTS.countries],
    mix: { ...DEFAULTS.mix },
    split: "equal",
    weights: equalShares(DEFAULTS.countries),
    exact: new Map(),
    volume: "minutes",
    fields,
    currency: null,
  };
}

/** A text field retyped: `name` is one of minutes, meetings, participants, duration, users. */
export function withField(state, name, text, locale) {
  return { ...state, fields: { ...state.fields, [name]: validateField(FIELDS[name], text, locale) } };
}

/** An exact-minutes cell retyped: `which` is "minutes" or "calls". */
export function withCell(state, key, which, text, locale) {
  const exact = new Map(state.exact);
  const cell = exact.get(key) ?? emptyCell(locale);
  exact.set(key, { ...cell, [which]: validateField(which === "calls" ? FIELDS.cellCalls : FIELDS.cellMinutes, text, locale) });
  return { ...state, exact };
}

/** The exact-minutes cell of a country and kind (an empty one when there is none). */
export function cell(state, country, kind, locale = "en") {
  return state.exact.get(`${country}|${kind}`) ?? emptyCell(locale);
}

/** Adds a country: it takes an equal share, the others keep their proportions. */
export function addCountry(state, code, locale) {
  if (state.countries.includes(code)) return state;
  const others = state.countries;
  const share = Math.round(100 / (others.length + 1));
  const current = others.map((c) => BigInt(state.weights[c] ?? 0));
  const rest = D.allocate(BigInt(100 - share), current.some((w) => w > 0n) ? current : others.map(() => 1n));
  const weights = Object.fromEntries([...others.map((c, i) => [c, Number(rest[i])]), [code, others.length ? share : 100]]);
  const exact = new Map(state.exact);
  for (const k of KINDS) if (!exact.has(`${code}|${k}`)) exact.set(`${code}|${k}`, emptyCell(locale));
  return { ...state, countries: [...others, code], weights, exact };
}

/** Removes a country; the others' shares grow in proportion. */
export function removeCountry(state, code) {
  const countries = state.countries.filter((c) => c !== code);
  const p = percents(countries.map((c) => BigInt(state.weights[c] ?? 0)));
  const exact = new Map(state.exact);
  for (const k of KINDS) exact.delete(`${code}|${k}`);
  return { ...state, countries, weights: Object.fromEntries(countries.map((c, i) => [c, p[i]])), exact };
}

/** Monthly minutes (hundredths, BigInt) and calls (BigInt or null) from the volume fields; null if invalid. */
export function volume(state) {
  const f = state.fields;
  if (state.volume === "minutes") {
    if (f.minutes.value === null) return null;
    return { hundredths: D.toScaled(f.minutes.value, 2), calls: null };
  }
  if (f.meetings.value === null || f.participants.value === null || f.duration.value === null) return null;
  const calls = BigInt(f.meetings.value) * BigInt(f.participants.value);
  return { hundredths: calls * D.toScaled(f.duration.value, 2), calls };
}

/** A cell's weight in the split: its country's share (1 each when equal) × its kind's share. */
const cellWeight = (state, country, kind) => (state.split === "custom" ? BigInt(state.weights[country] ?? 0) : 1n) * BigInt(state.mix[kind] ?? 0);

/** Minutes and calls per country × kind from the volume, shares and mix. */
export function allocation(state, vol) {
  const cells = [];
  for (const c of state.countries) for (const k of KINDS) cells.push({ country: c, kind: k, weight: cellWeight(state, c, k) });
  const minutes = D.allocate(vol.hundredths, cells.map((c) => c.weight));
  const calls = vol.calls === null ? null : D.allocate(vol.calls, cells.map((c) => c.weight));
  return cells.map((c, i) => ({
    ...c,
    minutes: D.fromScaled(minutes[i], 2),
    hundredths: minutes[i],
    calls: calls === null || minutes[i] === 0n ? null : calls[i] > 0n ? calls[i] : 1n,
  }));
}

/** Switches how minutes are split; entering or leaving exact minutes carries the numbers over. */
export function setSplit(state, mode, locale) {
  const prev = state.split;
  if (prev === mode) return state;
  let next = { ...state, split: mode };
  if (mode === "exact") {
    // Start from what the current shares give.
    const vol = volume(state);
    const exact = new Map();
    for (const a of vol ? allocation(state, vol) : []) {
      const minutes = a.hundredths > 0n ? toInputText(a.minutes, locale) : "";
      const calls = a.calls !== null ? a.calls.toString() : "";
      exact.set(`${a.country}|${a.kind}`, { minutes: validateField(FIELDS.cellMinutes, minutes, locale), calls: validateField(FIELDS.cellCalls, calls, locale) });
    }
    for (const c of state.countries) for (const k of KINDS) if (!exact.has(`${c}|${k}`)) exact.set(`${c}|${k}`, emptyCell(locale));
    next.exact = exact;
  } else if (prev === "exact") {
    next = sharesFromExact(next, locale);
  }
  if (mode === "equal" || (mode === "custom" && prev === "equal")) next.weights = equalShares(next.countries);
  return next;
}

/** Exact minutes summed (scaled by 10^6) by kind, by country and in all, over the chosen countries. */
function exactSums(state) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0n]));
  const byCountry = Object.fromEntries(state.countries.map((c) => [c, 0n]));
  let total = 0n;
  for (const [key, c] of state.exact) {
    const [country, kind] = key.split("|");
    if (!(country in byCountry) || c.minutes.value === null) continue;
    const v = D.toScaled(c.minutes.value, 6);
    byKind[kind] = (byKind[kind] ?? 0n) + v;
    byCountry[country] += v;
    total += v;
  }
  return { byKind, byCountry, total };
}

/** Leaving exact minutes: the mix, country shares and total minutes that describe them. */
function sharesFromExact(state, locale) {
  const { byKind, byCountry, total } = exactSums(state);
  if (total === 0n) return state;
  const mix = percents(KINDS.map((k) => byKind[k]));
  const w = percents(state.countries.map((c) => byCountry[c]));
  const minutes = D.divRound(D.fromScaled(total, 6), "1", 2);
  return {
    ...state,
    mix: Object.fromEntries(KINDS.map((k, i) => [k, mix[i]])),
    weights: Object.fromEntries(state.countries.map((c, i) => [c, w[i]])),
    fields: { ...state.fields, minutes: validateField(FIELDS.minutes, toInputText(minutes, locale), locale) },
    volume: "minutes",
  };
}

/** The total of the exact minutes (a decimal string). */
export function exactTotal(state) {
  return D.fromScaled(exactSums(state).total, 6);
}

/** The mix the exact minutes describe (integer percents by kind; all 0 when there are no minutes). */
export function exactMix(state) {
  const { byKind, total } = exactSums(state);
  const p = total > 0n ? percents(KINDS.map((k) => byKind[k])) : KINDS.map(() => 0);
  return Object.fromEntries(KINDS.map((k, i) => [k, p[i]]));
}

/** The QuoteRequest for the state in `currency`, and whether any input is invalid. */
export function buildRequest(state, currency) {
  const request = { currency };
  let bad = false;
  const users = state.fields.users;
  if (users.error) bad = true;
  else if (users.value !== null) request.users = Number(users.value);
  request.skip_unavailable = true;
  const lines = [];
  const callsValue = (big) => (big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big.toString());
  if (state.split === "exact") {
    const chosen = new Set(state.countries);
    for (const [key, c] of state.exact) {
      const [country, kind] = key.split("|");
      if (!chosen.has(country)) continue;
      if (c.minutes.error || c.calls.error) {
        bad = true;
        continue;
      }
      if (c.minutes.value === null || D.compare(c.minutes.value, "0") === 0) continue;
      const line = { country, kind, minutes: c.minutes.value };
      if (c.calls.value !== null) line.calls = callsValue(BigInt(c.calls.value));
      lines.push(line);
    }
  } else {
    const vol = volume(state);
    if (!vol) bad = true;
    else {
      for (const a of allocation(state, vol)) {
        if (a.hundredths === 0n) continue;
        const line = { country: a.country, kind: a.kind, minutes: a.minutes };
        if (a.calls !== null) line.calls = callsValue(a.calls);
        lines.push(line);
      }
    }
  }
  request.lines = lines;
  return { request, invalid: bad };
}

/**
 * The state that shows `value` (a QuoteRequest): as the split it is, when it is one, else as exact minutes
 * per country and kind (lines of the same country and kind added up). Throws a TypeError when `value` is
 * not shaped like a request.
 *
 * A request is read as a split (shares, below) when splitting its total minutes gives back the very lines
 * the exact minutes give: the same countries and kinds in the same order, the same minutes, no calls.
 * So a request this form made from shares (a share link's, a saved quote's, a scenario's) opens with
 * those shares, and its total and mix can be changed as they were; every other request opens as exact
 * minutes. Either way the request the state gives is the same. Meetings are not read back: their calls
 * do not say how many meetings of how many people they were, so a request with calls is exact minutes.
 */
export function fromRequest(state, value, locale) {
  if (!value || typeof value !== "object" || !Array.isArray(value.lines)) {
    throw new TypeError("request must be a QuoteRequest: an object with a lines array");
  }
  const text = (v) => (D.isDecimal(v) ? toInputText(v, locale) : v);
  const users = value.users === undefined || value.users === null ? "" : text(String(value.users));
  const chosen = new Set();
  const exact = new Map();
  for (const line of value.lines) {
    const code = String(line?.country ?? "").toUpperCase();
    const key = `${code}|${String(line?.kind ?? "")}`;
    chosen.add(code);
    const minutes = String(line?.minutes ?? "");
    const calls = line?.calls === undefined || line?.calls === null ? "" : String(line.calls);
    const prev = exact.get(key);
    if (prev && prev.minutes.value !== null && D.isDecimal(minutes)) {
      const sumCalls = calls && prev.calls.value !== null && D.isDecimal(calls) ? D.add(prev.calls.value, calls) : calls || prev.calls.text;
      exact.set(key, {
        minutes: validateField(FIELDS.cellMinutes, toInputText(D.add(prev.minutes.value, minutes), locale), locale),
        calls: validateField(FIELDS.cellCalls, sumCalls, locale),
      });
    } else {
      exact.set(key, { minutes: validateField(FIELDS.cellMinutes, text(minutes), locale), calls: validateField(FIELDS.cellCalls, calls, locale) });
    }
  }
  const countries = [...chosen];
  for (const c of countries) for (const k of KINDS) if (!exact.has(`${c}|${k}`)) exact.set(`${c}|${k}`, emptyCell(locale));
  const asExact = {
    ...state,
    currency: value.currency === undefined || value.currency === null ? state.currency : String(value.currency).toUpperCase(),
    fields: { ...state.fields, users: validateField(FIELDS.users, users, locale) },
    countries,
    exact,
    split: "exact",
    weights: equalShares(countries),
  };
  return shares(asExact, locale) ?? asExact;
}

/**
 * Exact minutes (`state`, valid, no calls) as an equal split, or else a split by country shares, of their
 * total with the mix and shares they add up to, when that split gives back the same request; else null.
 */
function shares(state, locale) {
  const { request: wanted, invalid } = buildRequest(state, null);
  if (invalid || !wanted.lines.length || wanted.lines.some((l) => l.calls !== undefined)) return null;
  const { byKind, byCountry, total } = exactSums(state);
  if (total % 10000n !== 0n) return null; // the total minutes field has 2 decimals
  const minutes = validateField(FIELDS.minutes, toInputText(D.fromScaled(total, 6), locale), locale);
  if (minutes.error) return null;
  const mix = percents(KINDS.map((k) => byKind[k]));
  const base = { ...state, volume: "minutes", mix: Object.fromEntries(KINDS.map((k, i) => [k, mix[i]])), fields: { ...state.fields, minutes } };
  const w = percents(state.countries.map((c) => byCountry[c]));
  const candidates = [
    { ...base, split: "equal", weights: equalShares(state.countries) },
    { ...base, split: "custom", weights: Object.fromEntries(state.countries.map((c, i) => [c, w[i]])) },
  ];
  // Both made by buildRequest, minutes only: the same lines are the same text.
  const lines = JSON.stringify(wanted.lines);
  return candidates.find((candidate) => quotasFit(candidate, total / 10000n, wanted.lines) && JSON.stringify(buildRequest(candidate, null).request.lines) === lines) ?? null;
}

/**
 * Whether every line could be its cell of the split (`allocation`): largest remainder gives each cell its
 * quota in hundredths (the total × its weight ÷ the sum of the weights) rounded down, or one more. A
 * necessary test, in one pass and without sorting, that turns most requests away before the exact one.
 */
function quotasFit(state, hundredths, lines) {
  let sum = 0n;
  for (const c of state.countries) for (const k of KINDS) sum += cellWeight(state, c, k);
  if (sum === 0n) return false;
  return lines.every((l) => {
    if (/\.\d{3}/.test(l.minutes)) return false;
    const floor = (hundredths * cellWeight(state, l.country, l.kind)) / sum;
    const v = D.toScaled(l.minutes, 2);
    return v === floor || v === floor + 1n;
  });
}

/** The same state in another locale: valid typed values follow the new decimal mark, the rest is re-read. */
export function relocale(state, locale) {
  const retext = (f, spec) => (f.value !== null ? { ...f, text: toInputText(f.value, locale) } : validateField(spec, f.text, locale));
  const fields = Object.fromEntries(Object.entries(state.fields).map(([k, f]) => [k, retext(f, FIELDS[k])]));
  const exact = new Map([...state.exact].map(([key, c]) => [key, { minutes: retext(c.minutes, FIELDS.cellMinutes), calls: retext(c.calls, FIELDS.cellCalls) }]));
  return { ...state, fields, exact };
}

/** `o` and everything in it frozen (the request and quote the element hands out). */
export function deepFreeze(o) {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** The most characters kept of each quote detail (customer, prepared by): a share link stays short. */
export const DETAILS_MAX = 120;

/** Quote details as the element keeps them: {customer, preparedBy}, text, control characters as spaces. */
export function quoteDetails(value) {
  const text = (v) => String(v ?? "").replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").slice(0, DETAILS_MAX);
  return { customer: text(value?.customer), preparedBy: text(value?.preparedBy) };
}

/** The breakdown's order until the person sorts it. */
export const DEFAULT_SORT = Object.freeze({ key: "country", dir: "ascending" });
