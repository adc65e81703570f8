// A generator of realistic Teams PSTN usage reports, deterministic for a seed, for the tests and the
// benchmarks of the usage import:
//
//   node tests/usage-report-gen.mjs [--rows N | --bytes N[K|M|G]] [--seed S] [--months M] [--tab]
//                                   [--plain] [--out FILE]
//
// Writes CSV to FILE (or standard output): the 20 documented columns and an extra one, with a header in
// mixed case and shuffled order, a UTF-8 byte-order mark and CRLF line ends. About 45 % of the rows are
// Audio Conferencing (`conf_in` toll and toll-free, `conf_out` to mobiles, landlines and numbers whose
// plan does not say), the others user and auto-attendant calls. Awkward rows are mixed in: display names
// with commas, doubled quotes and line breaks, masked numbers (`+4930123***`), country names instead of
// codes, empty Destination Dialed, zero, negative, non-numeric and over-24-hour durations, start times
// with offsets that move a call into the next or previous month, and `Charge` in its two-decimal form.
// `--tab` writes the older tab-separated export (no quotes, no BOM); `--plain` writes the documented header
// in order with no awkward rows. The calls spread over `--months` calendar months (default 3) from
// January 2025. Amounts are computed in integers (tenths of a cent), never floats.

import fs from "node:fs";

const COLUMNS = [
  "UsageId", "Call ID", "Conference ID", "User Location", "AAD ObjectId", "UPN", "User Display Name",
  "Caller ID", "Call Type", "Number Type", "Domestic/International", "Destination Dialed",
  "Destination Number", "Start Time", "End Time", "Duration Seconds", "Connection Fee", "Charge",
  "Currency", "Capability",
];
const EXTRA = "Shared Correlation Id";

// country, weight, name, calling code, mobile prefix, landline prefix (a national number is prefix + digits).
const COUNTRIES = `
DE|22|Germany|49|17|30
GB|18|United Kingdom|44|77|20
US|16|United States|1||212
FR|10|France|33|6|1
NL|6|Netherlands|31|6|20
ES|5|Spain|34|6|91
IT|5|Italy|39|3|06
SE|4|Sweden|46|70|8
JP|4|Japan|81|90|3
AU|3|Australia|61|4|2
CA|3|Canada|1||416
IN|2|India|91|98|11
BR|2|Brazil|55|119|113
`
  .trim()
  .split("\n")
  .map((line) => line.split("|").map((v, i) => (i === 1 ? Number(v) : v)));
const OTHER_TYPES = ["user_in", "user_out", "ucap_in", "ucap_out", "emergency", "User_Out"];

function parseArgs(argv) {
  const o = { rows: 1000, bytes: 0, seed: 1, months: 3, tab: false, plain: false, out: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === "--rows") o.rows = Number(next());
    else if (a === "--bytes") {
      const m = /^(\d+)([KMG]?)$/.exec(next() ?? "");
      if (!m) throw new Error("--bytes takes a number with an optional K, M or G");
      o.bytes = Number(m[1]) * { "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]];
      o.rows = Infinity;
    } else if (a === "--seed") o.seed = Number(next());
    else if (a === "--months") o.months = Number(next());
    else if (a === "--tab") o.tab = true;
    else if (a === "--plain") o.plain = true;
    else if (a === "--out") o.out = next();
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** mulberry32: a small deterministic generator of 32-bit values. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

export function* reportRows(options) {
  const o = { ...parseArgs([]), ...options };
  const next = random(o.seed);
  const int = (n) => next() % n;
  const pick = (list) => list[int(list.length)];
  const hex = (n) => Array.from({ length: n }, () => "0123456789abcdef"[int(16)]).join("");
  const digits = (n) => Array.from({ length: n }, () => String(int(10))).join("");
  const totalWeight = COUNTRIES.reduce((s, c) => s + c[1], 0);
  const country = () => {
    let w = int(totalWeight);
    for (const c of COUNTRIES) if ((w -= c[1]) < 0) return c;
    return COUNTRIES[0];
  };
  const users = Array.from({ length: 40 }, (_, i) => ({
    id: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
    upn: `user${i}@contoso.com`,
    name: i % 7 === 0 ? `Doe, Jane "JD" ${i}` : i % 11 === 0 ? `Line\nBreak ${i}` : `User ${i}`,
  }));
  const order = COLUMNS.map((_, i) => i);
  if (!o.plain) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
  }
  const sep = o.tab ? "\t" : ",";
  const eol = o.tab ? "\n" : "\r\n";
  const field = (v) => (!o.tab && /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : o.tab ? v.replace(/[\t\r\n]/g, " ") : v);
  const caseOf = (name, i) => (o.plain ? name : i % 3 === 0 ? name.toUpperCase() : i % 3 === 1 ? name.toLowerCase() : name);
  const header = order.map((c, i) => caseOf(COLUMNS[c], i));
  if (!o.plain) header.splice(5, 0, EXTRA);
  yield (o.tab || o.plain ? "" : "\ufeff") + header.map(field).join(sep) + eol;
  const pad = (n) => String(n).padStart(2, "0");
  for (let row = 0; row < o.rows; row++) {
    const c = country();
    const user = pick(users);
    const r = int(100);
    const type = r < 25 ? "conf_in" : r < 45 ? "conf_out" : pick(OTHER_TYPES);
    const tollFree = type === "conf_in" && int(3) === 0;
    const mobile = int(2) === 0;
    const national = (mobile && c[4] ? c[4] : c[5]) + digits(7);
    let number = `+${c[3]}${national}`;
    if (!o.plain && int(6) === 0) number = number.slice(0, -3) + "***";
    const bridge = `+${c[3]}${c[5]}${digits(6)}`;
    let seconds = int(10) === 0 ? int(30) : 30 + int(3600);
    let shown = String(seconds);
    if (!o.plain) {
      const odd = int(200);
      if (odd === 0) shown = "0";
      else if (odd === 1) shown = `-${seconds}`;
      else if (odd === 2) shown = "n/a";
      else if (odd === 3) shown = String(90000 + seconds);
    }
    const month = int(Math.max(1, o.months));
    const year = 2025 + Math.floor(month / 12);
    const mm = (month % 12) + 1;
    const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
    // A start time near midnight at a month's edge whose offset moves it into the neighbouring month of
    // the report (never out of the report's months).
    const toNext = int(2) === 0;
    const edge = !o.plain && int(50) === 0 && (toNext ? month + 1 < o.months : month > 0);
    const day = edge ? (toNext ? lastDay : 1) : 1 + int(lastDay);
    const hour = edge ? (day === 1 ? 0 : 23) : int(24);
    // +01:00 keeps the UTC month except in the first hour of the 1st, where it is not used.
    const offset = edge ? (day === 1 ? "+02:00" : "-02:00") : int(4) === 0 && (day > 1 || hour > 0) ? "+01:00" : "Z";
    const start = `${year}-${pad(mm)}-${pad(day)}T${pad(hour)}:${pad(int(60))}:${pad(int(60))}${offset}`;
    const end = start; // Not read by the importer; a real export has the end of the call here.
    const dialed = o.plain ? c[0] : pick([c[0], c[0], c[0].toLowerCase(), c[2], ""]);
    // Tenths of a cent per minute: 18 toll, 45 toll-free, 24 landline, 65 mobile; 2-decimal charge.
    const rate = type === "conf_in" ? (tollFree ? 45 : 18) : type === "conf_out" ? (mobile ? 65 : 24) : 10;
    const tenths = Math.ceil(Math.max(0, seconds) / 60) * rate;
    const charge = `${Math.floor(tenths / 1000)}.${pad(Math.floor((tenths % 1000) / 10))}`;
    const values = {
      UsageId: `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
      "Call ID": hex(32),
      "Conference ID": type.startsWith("conf") ? digits(9) : "",
      "User Location": c[0],
      "AAD ObjectId": int(20) === 0 ? "" : user.id,
      UPN: user.upn,
      "User Display Name": o.plain ? user.name.replace(/[",\n]/g, " ") : user.name,
      "Caller ID": type === "conf_in" ? bridge : number,
      "Call Type": type,
      "Number Type": tollFree ? pick(["toll-free", "Toll Free", "TollFree"]) : type === "conf_in" ? "toll" : "service",
      "Domestic/International": int(2) ? "Domestic" : "International",
      "Destination Dialed": dialed,
      "Destination Number": type === "conf_in" ? bridge : number,
      "Start Time": start,
      "End Time": end,
      "Duration Seconds": shown,
      "Connection Fee": "0.00",
      Charge: charge,
      Currency: "USD",
      Capability: type.startsWith("conf") ? "MCOMEETACPEA" : "MCOPSTN1",
    };
    const cells = order.map((i) => field(values[COLUMNS[i]]));
    if (!o.plain) cells.splice(5, 0, hex(16));
    yield cells.join(sep) + eol;
  }
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const fd = o.out ? fs.openSync(o.out, "w") : 1;
  let written = 0;
  let batch = [];
  let batchBytes = 0;
  for (const line of reportRows(o)) {
    batch.push(line);
    batchBytes += Buffer.byteLength(line);
    if (batchBytes > 1 << 20) {
      fs.writeSync(fd, batch.join(""));
      written += batchBytes;
      batch = [];
      batchBytes = 0;
      if (o.bytes && written >= o.bytes) break;
    }
  }
  if (batch.length && !(o.bytes && written >= o.bytes)) fs.writeSync(fd, batch.join(""));
  if (o.out) fs.closeSync(fd);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
