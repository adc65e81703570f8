// A well-formed request object as compact text for `read_compact` (src/request.rs), else undefined and
// the binding sends JSON.stringify(request); see ARCHITECTURE.md, "the request's fast path".
const num = (v) => (typeof v === "string" ? '"' + v : typeof v === "number" && isFinite(v) ? String(v) : undefined);
const plain = (o) => o !== null && typeof o === "object" && Object.getPrototypeOf(o) === Object.prototype && o.toJSON === undefined;

export function compactRequest(r) {
  if (!plain(r)) return undefined;
  let currency = "", users = "", skip = "0", lines;
  for (const k in r) {
    const v = r[k];
    if (v === undefined) continue; // as JSON.stringify
    if (k === "currency" && typeof v === "string") currency = '"' + v;
    else if (k === "users" && num(v) !== undefined) users = num(v);
    else if (k === "skip_unavailable" && typeof v === "boolean") skip = v ? "1" : "0";
    else if (k === "lines" && Array.isArray(v) && v.toJSON === undefined) lines = v;
    else return undefined;
  }
  if (lines === undefined) return undefined;
  let out = currency + "\t" + users + "\t" + skip + "\t" + lines.length;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!plain(l)) return undefined;
    let country, kind, minutes, calls = "";
    for (const k in l) {
      const v = l[k];
      if (v === undefined) continue;
      if (k === "country" && typeof v === "string") country = v;
      else if (k === "kind" && typeof v === "string") kind = v;
      else if (k === "minutes" && num(v) !== undefined) minutes = num(v);
      else if (k === "calls" && num(v) !== undefined) calls = num(v);
      else return undefined;
    }
    if (country === undefined || kind === undefined || minutes === undefined) return undefined;
    out += "\n" + country + "\t" + kind + "\t" + minutes + "\t" + calls;
  }
  return out;
}
