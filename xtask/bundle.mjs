// `cargo xtask build`, the page half: bundles www/ into dist/ with esbuild and writes the preload hints.
//
//   node xtask/bundle.mjs
//
// - The entry points are www/audioconf-pricing.js (the element: one script tag is all an embedder needs) and
//   www/page.js (the page around it). They are bundled as ES modules with code splitting and minified; a
//   dynamic import() (the Russian catalogue, say) becomes a chunk of its own, loaded only when it is
//   needed.
// - Every other file of www/ (HTML, CSS, images) is copied as it is.
// - In each HTML page the build replaces the hand-written `modulepreload` hints with the real static import
//   graph of the page's module scripts, as esbuild's metafile gives it, and preloads the WebAssembly module
//   when that graph loads the core: the browser then fetches everything the first total needs at once,
//   instead of discovering one import after another. `tests/size-report.mjs` sums exactly these files.
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { COMMON } from "./esbuild-options.mjs";
import { finish } from "./dist-extras.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const www = path.join(root, "www");
const dist = path.join(root, "dist");
const WASM = "audioconf_pricing_bg.wasm";
// core.js is an entry of its own so that a page can start the WebAssembly module before the element's
// larger graph has arrived (index.html loads it first, async); the element imports the same instance.
// boot.js is index.html's one script before the first paint: it starts the others after it.
const ENTRIES = ["audioconf-pricing.js", "core.js", "page.js", "embed-frame.js", "boot.js"].filter((f) => fs.existsSync(path.join(www, f)));
// Loaded only when a usage report is imported: usage-panel.js (the dialog, imported by URL from
// usage-import.js on first use) and usage-worker.js (its Web Worker, started as `usage-worker.js` beside it,
// bundling the usage WebAssembly module's glue). A build of their own without splitting, so that each
// carries its own copy of what it uses (lit, the decimal helpers) and the element's first-load code is not
// cut into more shared chunks for them.
const LAZY = ["usage-panel.js", "usage-worker.js"].filter((f) => fs.existsSync(path.join(www, f)));

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ENTRIES.map((f) => path.join("www", f)),
  outdir: "dist",
  ...COMMON,
  splitting: true,
  // Chunks sit beside the entries, not in a folder: the wasm-bindgen glue finds the .wasm next to the file
  // it ends up in (`new URL("audioconf_pricing_bg.wasm", import.meta.url)`).
  chunkNames: "[name]-[hash]",
  metafile: true,
});
if (LAZY.length) {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: LAZY.map((f) => path.join("www", f)),
    outdir: "dist",
    ...COMMON,
  });
}

/** Output path (relative to dist/, with forward slashes) -> the outputs it imports statically. */
const graph = new Map();
for (const [out, meta] of Object.entries(result.metafile.outputs)) {
  const rel = (p) => path.relative("dist", p).split(path.sep).join("/");
  graph.set(rel(out), meta.imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => rel(i.path)));
}

/** `file` and everything it imports statically, in the order a browser would discover them. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dep of graph.get(file) ?? []) closure(dep, seen);
  return seen;
}

function copyOthers(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      copyOthers(src, dst);
    } else if (!/\.m?js$/.test(entry.name)) {
      fs.copyFileSync(src, dst);
    }
  }
}
copyOthers(www, dist);

/** The preload hints of an HTML page for the module scripts it loads. */
function withPreloads(html) {
  const scripts = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((m) => m[1]);
  const files = new Set();
  for (const src of scripts) if (graph.has(src)) for (const f of closure(src)) files.add(f);
  const loadsCore = [...files].some((f) => fs.readFileSync(path.join(dist, f), "utf8").includes(WASM));
  const hints = [...files].filter((f) => !scripts.includes(f)).map((f) => `<link rel="modulepreload" href="${f}">`);
  if (loadsCore) hints.unshift(`<link rel="preload" href="${WASM}" as="fetch" type="application/wasm" crossorigin>`);
  const cleaned = html
    .replace(/^[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>\r?\n?/gm, "")
    .replace(new RegExp(`^[ \\t]*<link\\b[^>]*\\bhref="${WASM}"[^>]*>\\r?\\n?`, "gm"), "");
  // Where the page's module scripts wait for its first paint (index.html: www/boot.js), first in that
  // <template>. Elsewhere as early in <head> as possible, but after a Content-Security-Policy <meta>, which
  // governs only what comes after it.
  // The first of these places the page has, with the indent of what is inside it.
  const places = [
    [/<template id="calculator-modules">\r?\n/, "    "],
    [/<meta\b[^>]*\bhttp-equiv="Content-Security-Policy"[^>]*>\r?\n/, "  "],
    [/<meta\b[^>]*\bname="viewport"[^>]*>\r?\n/, "  "],
  ];
  const [anchor, indent] = places.find(([place]) => place.test(cleaned)) ?? places.at(-1);
  return cleaned.replace(anchor, (m) => `${m}${hints.map((h) => `${indent}${h}\n`).join("")}`);
}

// The pages' comments are notes for whoever reads www/; in dist/ they are bytes of the first load.
// A comment alone on its lines: its text may hold neither "-->" nor "<!--", so a match never runs on past
// its end into the next one.
const withoutComments = (html) => html.replace(/^[ \t]*<!--(?:(?!-->|<!--)[^])*-->[ \t]*\r?\n/gm, "");

for (const name of fs.readdirSync(dist)) {
  if (!name.endsWith(".html")) continue;
  const file = path.join(dist, name);
  fs.writeFileSync(file, withPreloads(withoutComments(fs.readFileSync(file, "utf8"))));
}
console.error(`bundled ${ENTRIES.join(", ")} into dist/ (${graph.size} files), and ${LAZY.join(", ")} on their own`);
// The iframe loader, hashed names, the service worker and the single file (xtask/dist-extras.mjs).
await finish(root, dist);
