// The request's fast path and priceLines' answer (see ARCHITECTURE.md). `compactRequest` writes the
// compact text `read_compact` (src/request.rs) reads, for a well-formed request object only, and
// `undefined` for anything else: the binding then sends JSON.stringify(request), and every request that
// fails on the fast path is decided again on the JSON path, so an outcome never depends on this file.
// `linePrices` makes the object of the text `price_lines` (src/quote.rs) writes, far faster than
// JSON.parse of the same as JSON.
const num = (v) => (typeof v == "string" ? '"' + v : typeof v == "number" ? "" + v : undefined);
// Positions in Kind::ALL.
const kinds = { toll: 0, toll_free: 1, dial_out_landline: 2, dial_out_mobile: 3 };
const plain = (o) => o !== null && typeof o == "object" && Object.getPrototypeOf(o) === Object.prototype && o.toJSON === undefined;

// A getter that throws, or no lines, is left to the JSON path: nothing unwinds through the module.
export function compactRequest(r) {
  try {
    return encode(r);
  } catch {}
}

function encode(r) {
  if (!plain(r)) return;
  let cur = "", users = "", skip = "0", lines;
  for (const k in r) {
    const v = r[k];
    if (v === undefined) continue;
    if (k == "currency" && typeof v == "string") cur = '"' + v;
    else if (k == "users" && num(v) !== undefined) users = num(v);
    else if (k == "skip_unavailable" && typeof v == "boolean") skip = v ? "1" : "0";
    else if (k == "lines" && Array.isArray(v) && v.toJSON === undefined) lines = v;
    else return;
  }
  let out = cur + "\t" + users + "\t" + skip + "\t" + lines.length;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!plain(l)) return;
    let country, kind, minutes, calls = "";
    for (const k in l) {
      const v = l[k];
      if (v === undefined) continue;
      if (k == "country" && typeof v == "string") country = v;
      else if (k == "kind" && typeof v == "string") kind = kinds[v];
      else if (k == "minutes" && num(v) !== undefined) minutes = num(v);
      else if (k == "calls" && num(v) !== undefined) calls = num(v);
      else return;
    }
    out += "\n" + country + "\t" + kind + "\t" + minutes + "\t" + calls;
  }
  return out;
}

// Fields found with indexOf, no split and no concatenation (a copy of the whole text).
export function linePrices(t) {
  const a = t.indexOf("\t"), b = t.indexOf("\t", a + 1), c = t.indexOf("\t", b + 1), n = t.length;
  let i = t.indexOf("\n", c + 1);
  if (i < 0) i = n;
  const lines = [], out = { currency: t.slice(0, a), minor_units: +t.slice(a + 1, b), total: t.slice(b + 1, c), lines, unavailable_minutes: t.slice(c + 1, i) };
  while (i < n) {
    const a = t.indexOf("\t", i + 1), b = t.indexOf("\t", a + 1), c = t.indexOf("\t", b + 1);
    let e = t.indexOf("\n", c + 1);
    if (e < 0) e = n;
    lines.push({ index: +t.slice(i + 1, a), billable_minutes: t.slice(a + 1, b), connection_fees: t.slice(b + 1, c), cost: t.slice(c + 1, e) });
    i = e;
  }
  return out;
}
