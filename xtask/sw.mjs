// The service worker of dist/: www/sw.js with its version and precache list filled in from the files in
// dist/ as they are (every page, chunk, .wasm, stylesheet, card, icon and the manifest), so a feature that
// adds a chunk or a module is precached without a list to keep. The version is a hash of those files'
// names and bytes and of the worker's own source: any change, a new card included, makes a new worker
// with a cache of its own, and so the update prompt.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Files that are not part of the site a browser runs. */
const SKIP = new Set(["sw.js", "audioconf-pricing.html", "_headers"]);

function listing(dir, prefix = "") {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listing(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .filter((f) => !SKIP.has(f))
    .sort();
}

/** Writes `dist`/sw.js from `source` (www/sw.js); returns the version. */
export function writeServiceWorker(dist, source) {
  const files = listing(dist);
  const hash = crypto.createHash("sha256").update(fs.readFileSync(source));
  for (const f of files) hash.update(`${f}\0`).update(fs.readFileSync(path.join(dist, f))).update("\0");
  const version = hash.digest("hex").slice(0, 16);
  const text = fs
    .readFileSync(source, "utf8")
    .replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`)
    .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(["./", ...files])};`);
  if (!text.includes(version)) throw new Error(`${source}: no VERSION line to fill in`);
  fs.writeFileSync(path.join(dist, "sw.js"), text);
  return version;
}
