// `cargo xtask bench`: how long the WebAssembly core takes in Node, per call, for the calls the page makes.
// Figures go to BENCHMARKS.md with this command; they are measurements, not tests (nothing here fails).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const root = new URL("../../", import.meta.url);
const { initSync, Calculator } = await import(new URL("pkg/audioconf_pricing.js", root));
initSync({ module: readFileSync(new URL("pkg/audioconf_pricing_bg.wasm", root)) });

/** Median and 90th percentile of `runs` batches of `per` calls, in microseconds per call. */
function measure(name, per, fn) {
  for (let i = 0; i < per * 5; i++) fn();
  const samples = [];
  for (let r = 0; r < 31; r++) {
    const t = performance.now();
    for (let i = 0; i < per; i++) fn();
    samples.push(((performance.now() - t) * 1000) / per);
  }
  samples.sort((a, b) => a - b);
  console.log(`${name.padEnd(52)} median ${samples[15].toFixed(1).padStart(8)} µs   p90 ${samples[27].toFixed(1).padStart(8)} µs`);
}

const card = readFileSync(new URL("dist/rate-card.json", root), "utf8");
const calc = Calculator.withDefaultRates();
const countries = calc.countries().filter((c) => c.offered.length === 4).map((c) => c.code);
const kinds = ["toll", "toll_free", "dial_out_landline", "dial_out_mobile"];
const request = (n, users) => ({
  currency: "EUR",
  users,
  lines: Array.from({ length: n }, (_, i) => ({ country: countries[i % countries.length], kind: kinds[i % 4], minutes: String(100 + i * 7) + ".5", calls: 10 + i })),
});
const small = request(3, 100);
const twelve = request(12, 100);
const large = request(400, 1000);

console.log(`node ${process.version}, ${countries.length} countries with all four kinds`);
measure("Calculator.withDefaultRates() (built-in card)", 20, () => calc.constructor.withDefaultRates().free());
measure("Calculator.fromJson(rate-card.json, 117 KB)", 10, () => Calculator.fromJson(card).free());
measure("quote: 3 lines, with users (the page's default)", 2000, () => calc.quote(small));
measure("quote: 12 lines, with users", 1000, () => calc.quote(twelve));
measure("quote: 400 lines, with users", 50, () => calc.quote(large));
measure("countries() (249 entries)", 50, () => calc.countries());
