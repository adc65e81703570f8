// The share link's fragment and the quote reference. Pure: no DOM, runs in Node
// (tests/node/share-codec.test.mjs). Loaded with the share, export and print modules, never before the
// first total.
//
// A fragment is the format version, then parts of a key letter and a value, separated by "~", then a check:
//
//   q1~cUSD~u100~lru~v<card version>~t1234.56~n<customer>~p<prepared by>~mUSt2000*40,f500,GBt300~kH7Q2ZC
//
//   c currency · u licensed users (optional) · l locale (only when one was chosen) · v rate card version
//   t total at the time of the quote (a decimal string) · n customer, p prepared by (optional)
//   m the request's lines in order, "," between them: country (left out when it is the previous line's),
//     the kind's letter (t toll, f toll_free, l dial_out_landline, m dial_out_mobile), the exact minutes and
//     "*calls" when the line has calls · k the check: 6 characters of a hash of everything before "~k"
//
// Free text (card version, customer, prepared by) is base64url of its UTF-8, so that no character needs
// escaping and Cyrillic costs 2.7 characters a letter instead of 6 percent-encoded. Nothing else may appear:
// every part is read against a strict pattern, and a link that is cut off, altered, from a later format or
// carrying anything unexpected gives an error {code, field, line, value} that says which, never a guess.
//
// The quote reference is a short readable code (Crockford base32, "7K3M-9XPD") of a hash of the canonical
// encoding of what the quote is: the request, the card version and the details (not the locale, not the
// total, which follows from them). The same inputs give the same reference.
//
// It imports nothing: the first load's modules stay out of the lazy modules' graph (see lazy-feature.js).

/** The format this code writes and reads. */
export const FORMAT = 1;

/** The longest fragment read (a request of every country and kind is ~25,000 characters). */
export const MAX_FRAGMENT = 60000;

const KIND_LETTER = { toll: "t", toll_free: "f", dial_out_landline: "l", dial_out_mobile: "m" };
const LETTER_KIND = Object.fromEntries(Object.entries(KIND_LETTER).map(([k, v]) => [v, k]));
const MAX_LINES = 10000;
/** The longest quote detail read: state.js DETAILS_MAX (the Node test checks they agree). */
export const MAX_DETAIL = 120;
const MAX_VERSION = 100;
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** FNV-1a, 64 bits, over the UTF-8 bytes of `text`: a BigInt. */
export function hash64(text) {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

/** The first `n` Crockford base32 digits of a 64-bit hash (5 bits each, from the top). */
function base32(h, n) {
  let out = "";
  for (let i = 0; i < n; i++) out += CROCKFORD[Number((h >> BigInt(59 - 5 * i)) & 31n)];
  return out;
}

/** Text as base64url of its UTF-8, without padding. */
export function toBase64url(text) {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** base64url back to text; null when it is not base64url or not UTF-8. */
export function fromBase64url(value) {
  if (!/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) return null;
  try {
    const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    // Only the canonical encoding of the text: a link written by hand with other padding bits is damaged.
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return toBase64url(text) === value ? text : null;
  } catch {
    return null;
  }
}

/** The lines part: country (when it changes), kind letter, minutes, "*calls". */
function encodeLines(lines) {
  let previous = "";
  return lines
    .map((l) => {
      const country = l.country === previous ? "" : l.country;
      previous = l.country;
      const calls = l.calls === undefined || l.calls === null ? "" : `*${l.calls}`;
      return `${country}${KIND_LETTER[l.kind] ?? "?"}${l.minutes}${calls}`;
    })
    .join(",");
}

/** The parts of what a quote is, in their fixed order (no locale, no total): the reference's input. */
function identityParts({ request, details, cardVersion }) {
  const parts = [`c${request.currency}`];
  if (request.users !== undefined && request.users !== null) parts.push(`u${request.users}`);
  parts.push(`v${toBase64url(String(cardVersion ?? ""))}`);
  if (details?.customer) parts.push(`n${toBase64url(details.customer)}`);
  if (details?.preparedBy) parts.push(`p${toBase64url(details.preparedBy)}`);
  parts.push(`m${encodeLines(request.lines ?? [])}`);
  return parts;
}

/** The check of a fragment's body (everything before "~k"): 6 base32 characters of its hash. */
export function check(body) {
  return base32(hash64(body), 6);
}

/**
 * The fragment (without "#") for a quote: {request (the element's QuoteRequest), details {customer,
 * preparedBy}, locale (a chosen locale or null), cardVersion, total (a decimal string)}.
 */
export function encode(state) {
  const [c, ...rest] = identityParts(state);
  const parts = [c];
  // Users before the locale: the identity's order with the locale and the total slotted in.
  if (rest[0].startsWith("u")) parts.push(rest.shift());
  if (state.locale) parts.push(`l${state.locale}`);
  parts.push(rest.shift(), `t${state.total}`, ...rest);
  const body = `q${FORMAT}~${parts.join("~")}`;
  return `${body}~k${check(body)}`;
}

/** The quote reference, "XXXX-XXXX": the same request, card version and details give the same one. */
export function reference(state) {
  const code = base32(hash64(`ref${FORMAT}~${identityParts(state).join("~")}`), 8);
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Whether `fragment` (without "#") is meant as a share link: "q" then a digit, or "q" alone (cut off). */
export function isShareFragment(fragment) {
  return /^q(\d|$)/.test(fragment);
}

const fail = (code, extra = {}) => ({ ok: false, error: { code, ...extra } });
const shown = (value) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A free-text part: base64url of UTF-8, at most `max` characters, no control characters; else null. */
function text(value, max) {
  const t = fromBase64url(value);
  return t !== null && t.length <= max && !CONTROL.test(t) ? t : null;
}

const LINE = /^([A-Z]{2})?([tflm])(\d{1,10}(?:\.\d{1,6})?)(?:\*([1-9]\d{0,9}))?$/;

function decodeLines(value) {
  if (value === "") return { lines: [] };
  const items = value.split(",");
  if (items.length > MAX_LINES) return { error: { code: "malformed", field: "lines", value: String(items.length) } };
  const lines = [];
  let country = "";
  for (const [i, item] of items.entries()) {
    const m = LINE.exec(item);
    const bad = (field) => ({ error: { code: "malformed", field, line: i + 1, value: shown(item) } });
    if (!m) return bad("line");
    country = m[1] ?? country;
    if (!country) return bad("line_country");
    const [whole, fraction = ""] = m[3].split(".");
    if (Number(whole) > 1e9 || (Number(whole) === 1e9 && /[1-9]/.test(fraction))) return bad("line_minutes");
    const line = { country, kind: LETTER_KIND[m[2]], minutes: m[3] };
    if (m[4] !== undefined) {
      if (Number(m[4]) > 1e9) return bad("line_calls");
      line.calls = Number(m[4]);
    }
    lines.push(line);
  }
  return { lines };
}

/** Each part's reader: the value, or undefined when it does not read. */
const READERS = {
  c: (v) => (/^[A-Z]{3}$/.test(v) ? v : undefined),
  u: (v) => (/^[1-9]\d{0,7}$/.test(v) && Number(v) <= 1e7 ? Number(v) : undefined),
  l: (v) => (/^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(v) ? v : undefined),
  v: (v) => text(v, MAX_VERSION) ?? undefined,
  t: (v) => (/^\d{1,20}(\.\d{1,8})?$/.test(v) ? v : undefined),
  n: (v) => text(v, MAX_DETAIL) ?? undefined,
  p: (v) => text(v, MAX_DETAIL) ?? undefined,
};
const FIELD = { c: "currency", u: "users", l: "locale", v: "card_version", t: "total", n: "customer", p: "prepared_by" };

/**
 * Reads a fragment (without "#"). null when it is not a share link at all (another page anchor);
 * {ok: true, state} with the state `encode` takes (request with skip_unavailable, as the element builds
 * it); or {ok: false, error: {code, field?, line?, value?}}, code one of: truncated (cut off), damaged (the
 * check does not match), future_version (value: its format), malformed (field, line and value say which
 * part), missing (field), too_long.
 */
export function decode(fragment) {
  if (typeof fragment !== "string" || !isShareFragment(fragment)) return null;
  // A link never holds "%" itself; a mail or chat tool may have escaped its "~", "*" or ",".
  if (fragment.includes("%")) {
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return fail("damaged");
    }
  }
  if (fragment.length > MAX_FRAGMENT) return fail("too_long", { value: String(fragment.length) });
  const version = /^q(\d+)(?=~|$)/.exec(fragment);
  if (!version) return fragment === "q" ? fail("truncated") : fail("malformed", { field: "format", value: shown(fragment.split("~")[0]) });
  if (version[1] !== String(FORMAT)) {
    return Number(version[1]) > FORMAT ? fail("future_version", { value: shown(version[1]) }) : fail("malformed", { field: "format", value: shown(version[1]) });
  }
  const at = fragment.lastIndexOf("~k");
  if (at < 0) return fail("truncated");
  const given = fragment.slice(at + 2);
  const expected = check(fragment.slice(0, at));
  if (given !== expected) return given.length < 6 && expected.startsWith(given) ? fail("truncated") : fail("damaged");
  const found = {};
  for (const part of fragment.slice(0, at).split("~").slice(1)) {
    const key = part.charAt(0);
    const value = part.slice(1);
    if (key in found || !(key in READERS || key === "m")) return fail("malformed", { field: "part", value: shown(part) });
    if (key === "m") {
      const { lines, error } = decodeLines(value);
      if (error) return { ok: false, error };
      found.m = lines;
      continue;
    }
    const read = READERS[key](value);
    if (read === undefined) return fail("malformed", { field: FIELD[key], value: shown(value) });
    found[key] = read;
  }
  for (const key of ["c", "v", "t", "m"]) if (!(key in found)) return fail("missing", { field: FIELD[key] ?? "lines" });
  const request = { currency: found.c };
  if (found.u !== undefined) request.users = found.u;
  request.skip_unavailable = true;
  request.lines = found.m;
  return {
    ok: true,
    state: {
      request,
      details: { customer: found.n ?? "", preparedBy: found.p ?? "" },
      locale: found.l ?? null,
      cardVersion: found.v,
      total: found.t,
    },
  };
}
