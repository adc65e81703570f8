// `cargo xtask size`: raw, gzip and brotli size of every file in the given folders, then the weight budget:
// everything the page fetches before its first total, at most 100 KB (100,000 bytes) brotli. Exit 1 above it.
//
// The first load is read from dist/index.html as the build wrote it: the page itself, its stylesheets, its
// icon, its module scripts and every `modulepreload` / `preload` hint (the build writes one for each module
// of the static import graph and for the WebAssembly module, see xtask/bundle.mjs), those waiting in a
// <template> for the first paint (www/boot.js) included: they load before the element's first total. `tests/bench/page.mjs` checks
// in Chromium that the page fetches nothing else before its first total.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

export const BUDGET = 100_000;

const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The files (relative to `dist`) the page at `dist/index.html` fetches before its first total. */
export function firstLoad(dist, page = "index.html") {
  const html = readFileSync(join(dist, page), "utf8");
  const files = [page];
  const attr = (tag, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const rel = attr(tag, "rel");
    const href = tag.startsWith("<script") ? attr(tag, "src") : ["stylesheet", "icon", "modulepreload", "preload"].includes(rel) ? attr(tag, "href") : undefined;
    if (href && !/^(data:|[a-z]+:\/\/)/.test(href) && !files.includes(href)) files.push(href);
  }
  return files;
}

function main() {
  const dirs = process.argv.slice(2);
  const rows = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const data = readFileSync(path);
        rows.push({ path, raw: data.length, gzip: gzipSync(data, { level: 9 }).length, brotli: brotli(data) });
      }
    }
  };
  for (const d of dirs) walk(d);
  const w = Math.max(...rows.map((r) => r.path.length), 40);
  const n = (x) => String(x).padStart(9);
  console.log(`${"file".padEnd(w)} ${n("raw")} ${n("gzip")} ${n("brotli")}`);
  for (const r of rows) console.log(`${r.path.padEnd(w)} ${n(r.raw)} ${n(r.gzip)} ${n(r.brotli)}`);

  const dist = dirs.find((d) => d.replace(/\/$/, "").endsWith("dist")) ?? "dist";
  console.log(`\nFirst load of ${dist}/index.html (everything fetched before the first total):`);
  let sum = 0;
  for (const f of firstLoad(dist)) {
    const size = brotli(readFileSync(join(dist, f)));
    sum += size;
    console.log(`  ${f.padEnd(w - 2)} ${n(size)}`);
  }
  const over = sum > BUDGET;
  console.log(`  ${"total".padEnd(w - 2)} ${n(sum)}  ${over ? "OVER" : "within"} the ${BUDGET} B brotli budget (${(BUDGET - sum).toLocaleString("en")} B left)`);
  process.exit(over ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
