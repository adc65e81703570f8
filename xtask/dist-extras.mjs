// `cargo xtask build`, after bundle.mjs has written dist/: what makes dist/ embeddable and deployable.
//
// 1. dist/embed.js, the iframe loader (www/embed.js), as a classic script: a host includes it across
//    origins without CORS, and it runs where module scripts are not allowed.
// 2. Content-hashed names for the .wasm, the stylesheets and the chunks that reference them, and
//    dist/_headers with the content type and caching of each file (hash-names.mjs).
// 3. dist/audioconf-pricing.html, the page as one file that works from disk (single-file.mjs).
// 4. dist/index.html's first paint: its stylesheet inlined and its first total drawn (prerender.mjs).
// 5. dist/sw.js, the service worker, precaching every file of dist/ under the build's version (sw.mjs).
//    Last: its version is a hash of everything else.
// The steps read dist/ as it is when they run (every chunk, every .wasm, every page), so a feature that
// adds a lazily loaded chunk or a second WebAssembly module is picked up without a list to keep.
import * as esbuild from "esbuild";
import path from "node:path";
import { COMMON } from "./esbuild-options.mjs";
import { hashNames, writeHeaders } from "./hash-names.mjs";
import { prerender } from "./prerender.mjs";
import { writeSingleFile } from "./single-file.mjs";
import { writeServiceWorker } from "./sw.mjs";

/** Runs the steps on `dist` (the folder bundle.mjs wrote); `root` is the repository. */
export async function finish(root, dist) {
  await esbuild.build({ ...COMMON, absWorkingDir: root, entryPoints: [path.join(root, "www", "embed.js")], outfile: path.join(dist, "embed.js"), format: "iife" });
  hashNames(dist);
  await writeSingleFile(root, dist);
  await prerender(dist);
  const version = writeServiceWorker(dist, path.join(root, "www", "sw.js"));
  writeHeaders(dist);
  console.error(`service worker for build ${version}`);
}
