// The usage report's WebAssembly module (pkg/usage/, built with the `usage` feature) as the page's worker
// uses it: chunks in, progress, the report as JSON text. Its report of the fixtures must be the CLI's, byte
// for byte (tests/usage/report.expected.json, which tests/cli.rs checks against the CLI).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { reportRows } from "../usage-report-gen.mjs";

const root = new URL("../../", import.meta.url);
const usage = await import(new URL("pkg/usage/audioconf_pricing_usage.js", root));
usage.initSync({ module: readFileSync(new URL("pkg/usage/audioconf_pricing_usage_bg.wasm", root)) });
const { UsageImport } = usage;

const fixture = (name) => readFileSync(new URL(`tests/usage/${name}`, root));
const expected = readFileSync(new URL("tests/usage/report.expected.json", root), "utf8");

/** Feeds `bytes` in chunks of `size`, returning the importer and the progress seen after each chunk. */
function feed(bytes, size = 65536, ...options) {
  const reader = new UsageImport(...options);
  const progress = [];
  for (let at = 0; at < bytes.length; at += size) {
    reader.feed(bytes.subarray(at, at + size));
    progress.push([reader.rows, reader.bytes]);
  }
  return { reader, progress };
}

test("the fixture rates as the CLI rates it, comma or tab, in any chunking", () => {
  for (const [name, size] of [["report.csv", 65536], ["report-tab.csv", 4096], ["report.csv", 1]]) {
    const { reader } = feed(fixture(name), size);
    const got = JSON.parse(reader.finish());
    const want = JSON.parse(expected);
    // The byte count differs between the two exports; everything rated is the same.
    delete got.bytes;
    delete want.bytes;
    assert.deepEqual(got, want, `${name} in chunks of ${size}`);
  }
});

test("progress counts rows and bytes as the chunks arrive", () => {
  const bytes = fixture("report.csv");
  const { progress } = feed(bytes, 16384);
  for (let i = 1; i < progress.length; i++) {
    assert.ok(progress[i][0] >= progress[i - 1][0] && progress[i][1] > progress[i - 1][1]);
  }
  assert.equal(progress.at(-1)[1], bytes.length);
  assert.ok(progress.at(-1)[0] > 250);
});

test("another month and currency after finish", () => {
  const { reader } = feed(fixture("report.csv"));
  const average = JSON.parse(reader.finish());
  const feb = JSON.parse(reader.report("2025-02", "EUR"));
  assert.equal(feb.month, "2025-02");
  assert.equal(feb.quote.currency, "EUR");
  assert.equal(average.months.find((m) => m.month === "2025-02").calls, feb.months.find((m) => m.month === "2025-02").calls);
  assert.throws(() => reader.report("2025-13"), (e) => e.code === "invalid_request" && e.path === "month");
  assert.throws(() => reader.report("2030-01"), (e) => e.path === "month" && /no calls in 2030-01/.test(e.message));
});

test("files that are not reports throw a clear error with a stable code", () => {
  const empty = new UsageImport();
  assert.throws(() => empty.finish(), (e) => e.code === "empty_report" && /the file is empty/.test(e.message));
  const garbage = new Uint8Array(200000).map((_, i) => (i * 2654435761) >>> 13);
  assert.throws(() => feed(garbage), (e) => e.code === "not_a_report");
  const missing = new TextEncoder().encode("Call Type,Duration Seconds\nconf_in,60\n");
  assert.throws(
    () => feed(missing).reader.finish(),
    (e) => e.code === "missing_column" && e.path.startsWith("Number Type") && /no "Number Type"/.test(e.message),
  );
  // A 50 MB line is refused once its first 64 KB have arrived, not after reading it all.
  const line = new Uint8Array(1 << 20).fill(97);
  const reader = new UsageImport();
  assert.throws(() => reader.feed(line), (e) => e.code === "not_a_report" && /longer than 64 KB/.test(e.message));
  assert.throws(() => new UsageImport(undefined, "150"), (e) => e.path === "dial_out");
});

test("unclassified dial-out is priced as chosen", () => {
  const half = JSON.parse(feed(fixture("report.csv"), 65536, undefined, "50").reader.finish());
  assert.equal(half.dial_out_priced_as, "share");
  assert.equal(half.unclassified_as_mobile, Math.floor(half.unclassified_dial_out / 2));
});

test("the page's first-load module has no usage reader", async () => {
  const core = await import(new URL("pkg/audioconf_pricing.js", root));
  assert.equal(core.UsageImport, undefined);
  assert.equal(typeof usage.Calculator, "function");
});

test("the generator is deterministic for a seed and varies between seeds", () => {
  const text = (seed, tab = false) => [...reportRows({ rows: 200, seed, tab })].join("");
  assert.equal(text(3), text(3));
  assert.notEqual(text(3), text(4));
  const rated = (t) => {
    const r = JSON.parse(feed(new TextEncoder().encode(t), 8192).reader.finish());
    delete r.bytes;
    return r;
  };
  assert.deepEqual(rated(text(3)), rated(text(3, true)));
});
