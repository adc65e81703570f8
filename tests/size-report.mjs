// `cargo xtask size`: raw, gzip and brotli size of every file in the given folders, and the budget check
// for the WebAssembly module (60 KB = 60,000 bytes brotli). Exit 1 when a budget is exceeded.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const BUDGETS = { ".wasm": 60_000 };
const dirs = process.argv.slice(2);
const rows = [];
function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      const data = readFileSync(path);
      const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      rows.push({ path, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli });
    }
  }
}
for (const d of dirs) walk(d);
const w = Math.max(...rows.map((r) => r.path.length), 4);
const n = (x) => String(x).padStart(9);
console.log(`${"file".padEnd(w)} ${n("raw")} ${n("gzip")} ${n("brotli")}`);
let failed = false;
for (const r of rows) {
  const ext = r.path.slice(r.path.lastIndexOf("."));
  const budget = BUDGETS[ext];
  const over = budget !== undefined && r.brotli > budget;
  failed ||= over;
  const note = budget === undefined ? "" : over ? `  OVER the ${budget} B brotli budget` : `  within the ${budget} B brotli budget`;
  console.log(`${r.path.padEnd(w)} ${n(r.raw)} ${n(r.gzip)} ${n(r.brotli)}${note}`);
}
process.exit(failed ? 1 : 0);
