// `cargo xtask bench`: the WebAssembly Calculator against a decimal.js implementation of the same rating
// (peer-rating.mjs), in one Node process, rounds interleaved, medians compared: `priceLines` (the same
// output as the peer: lines and total) and the full `quote`. Both must give the peer's line costs and
// totals, or this fails. Figures go to BENCHMARKS.md with this command.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { PeerCard } from "./peer-rating.mjs";

const root = new URL("../../", import.meta.url);
const { initSync, Calculator } = await import(new URL("pkg/audioconf_pricing.js", root));
initSync({ module: readFileSync(new URL("pkg/audioconf_pricing_bg.wasm", root)) });

const calc = Calculator.withDefaultRates();
const minorUnits = Object.fromEntries(calc.rateCard().currencies.map((c) => [c.code, c.minor_units]));
// The built-in card as JSON, from the CLI (what dist/rate-card.json holds).
const cardJson = JSON.parse(execFileSync("cargo", ["run", "--quiet", "--release", "--bin", "audioconf-pricing", "--", "card"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 }));
minorUnits[cardJson.currency] ??= 2;
const peer = new PeerCard(cardJson, minorUnits);

// Every offered (country, kind) pair, 37 calls each; and a single line.
const pairs = calc.countries().flatMap((c) => c.offered.map((kind) => ({ country: c.code, kind })));
const everyPair = {
  currency: "EUR",
  lines: pairs.map((p, i) => ({ ...p, minutes: `${100 + ((i * 37) % 900)}.${i % 10}`, calls: 37 })),
};
const oneLine = { currency: "EUR", lines: [{ country: "DE", kind: "toll", minutes: "1234.5", calls: 37 }] };

/** The WebAssembly answer's lines and total against the peer's; the benchmark fails when they differ. */
function check(name, a, b) {
  const same = a.total === b.total && a.lines.length === b.lines.length && a.lines.every((l, i) => l.cost === b.lines[i].cost
    && l.billable_minutes === b.lines[i].billable_minutes && l.connection_fees === b.lines[i].connection_fees);
  if (!same) {
    console.error(`${name}: the WebAssembly core and decimal.js disagree (totals ${a.total} and ${b.total})`);
    process.exit(1);
  }
  return a.total;
}

const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];

/** Interleaved rounds of `per` calls each; the median per call of each side, in microseconds. */
function compare(name, request, per, rounds = 15) {
  const sides = { priceLines: () => calc.priceLines(request), quote: () => calc.quote(request), decimaljs: () => peer.quote(request) };
  const expected = sides.decimaljs();
  check(`${name}, priceLines`, sides.priceLines(), expected);
  const total = check(`${name}, quote`, sides.quote(), expected);
  const samples = { priceLines: [], quote: [], decimaljs: [] };
  for (const f of Object.values(sides)) for (let i = 0; i < per * 3; i++) f();
  for (let r = 0; r < rounds; r++) {
    for (const [side, f] of Object.entries(sides)) {
      const t = performance.now();
      for (let i = 0; i < per; i++) f();
      samples[side].push(((performance.now() - t) * 1000) / per);
    }
  }
  const [p, q, d] = [samples.priceLines, samples.quote, samples.decimaljs].map(median);
  const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
  console.log(`${name.padEnd(22)} decimal.js ${fmt(d).padStart(9)}   priceLines ${fmt(p).padStart(9)} ` +
    `(${(d / p).toFixed(2)}x)   quote ${fmt(q).padStart(9)} (${(d / q).toFixed(2)}x)   total ${total}`);
}

console.log(`node ${process.version}, decimal.js ${(await import("decimal.js/package.json", { with: { type: "json" } })).default.version}`);
compare(`every pair: ${pairs.length} lines`, everyPair, 5);
compare("1 line", oneLine, 2000);
