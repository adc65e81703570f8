// dist/audioconf-pricing.html: the page as one file that works opened from disk (file://), with no server,
// for a representative to carry on a laptop or attach to an email.
//
// - The scripts: the module scripts of dist/index.html (their www/ sources), bundled again without
//   splitting, so every dynamic import (the Russian catalogue, any lazily loaded feature) is inside.
// - The WebAssembly: every `new URL("x.wasm", import.meta.url)` in the bundled sources (the glue's, and
//   any other module's) becomes a data: URL of that file, base64, so the glue's own fetch finds it; nothing
//   fetches a relative URL, which file:// pages cannot.
// - The usage report's panel is inside too, and its worker (with the usage .wasm) a blob: URL.
// - The styles and icon inline; the built-in card is inside the .wasm. The CSP stays strict: the inline
//   script and style are allowed by their sha256 hashes, not by 'unsafe-inline'.
import * as esbuild from "esbuild";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { COMMON, usagePanelImported } from "./esbuild-options.mjs";

const WASM_URL = /new URL\((["'])([^"']+\.wasm)\1,\s*import\.meta\.url\)/g;

/** A module's .wasm URLs, as data: URLs of the files beside it. */
const inlineWasm = {
  name: "inline-wasm",
  setup(build) {
    build.onLoad({ filter: /\.m?js$/ }, (args) => {
      const code = fs.readFileSync(args.path, "utf8");
      if (!code.includes(".wasm")) return undefined;
      const contents = code.replace(WASM_URL, (_, __, file) => {
        const bytes = fs.readFileSync(path.resolve(path.dirname(args.path), file));
        return `new URL("data:application/wasm;base64,${bytes.toString("base64")}")`;
      });
      return { contents, loader: "js" };
    });
  },
};

/** The usage panel's `new Worker(new URL("./usage-worker.js", import.meta.url), ...)` as a classic worker of `source`. */
const blobWorker = (source) => ({
  name: "blob-worker",
  setup(build) {
    build.onLoad({ filter: /[\\/]www[\\/]usage-panel\.js$/ }, (args) => {
      const code = fs.readFileSync(args.path, "utf8");
      const blob = `URL.createObjectURL(new Blob([${JSON.stringify(source)}], { type: "text/javascript" }))`;
      const contents = code.replace(/new Worker\(new URL\("\.\/usage-worker\.js", import\.meta\.url\), \{ type: "module" \}\)/, `new Worker(${blob})`);
      if (contents === code) throw new Error("www/usage-panel.js: no worker started from usage-worker.js to make a blob: worker of");
      return { contents, loader: "js", resolveDir: path.dirname(args.path) };
    });
  },
});

/** `text` safe inside <script> or <style>: nothing in it can close the element or open a comment. */
const escapeInline = (text) => text.replace(/<(\/?script|!--)/gi, "\\x3C$1");
const sha256 = (text) => `'sha256-${crypto.createHash("sha256").update(text).digest("base64")}'`;
const attr = (tag, name) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

export async function writeSingleFile(root, dist, page = "index.html", out = "audioconf-pricing.html") {
  // One file has nothing to fetch, so nothing waits for the first paint: the module scripts index.html
  // keeps in its <template> until then (www/boot.js) are the page's scripts here, and boot.js is left out.
  let html = fs
    .readFileSync(path.join(dist, page), "utf8")
    .replace(/<template id="calculator-modules">([\s\S]*?)<\/template>/, "$1")
    .replace(/[ \t]*<script\b[^>]*\bsrc="boot\.js"[^>]*><\/script>\r?\n?/, "");
  const scripts = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*><\/script>\s*/g)];
  const sources = scripts.map((m) => path.join(root, "www", attr(m[0], "src")));
  // The usage report's worker, its .wasm inside, as the source of a blob: worker (file:// pages cannot
  // start a worker from a file).
  // A classic worker: a page opened from disk has an opaque origin, and Chromium does not start a module
  // worker from a blob: URL there.
  const worker = await esbuild.build({ ...COMMON, format: "iife", absWorkingDir: root, entryPoints: [path.join(root, "www", "usage-worker.js")], write: false, plugins: [...COMMON.plugins, inlineWasm] });
  const result = await esbuild.build({
    ...COMMON,
    absWorkingDir: root,
    stdin: { contents: sources.map((s) => `import ${JSON.stringify(s)};`).join("\n"), resolveDir: root, loader: "js" },
    write: false,
    plugins: [...COMMON.plugins, usagePanelImported, blobWorker(worker.outputFiles[0].text), inlineWasm],
  });
  const script = escapeInline(result.outputFiles[0].text);
  const styles = [];
  html = html
    .replace(/^[ \t]*<link\b[^>]*\brel="(?:modulepreload|preload|manifest)"[^>]*>\r?\n?/gm, "")
    .replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
      styles.push(escapeInline(fs.readFileSync(path.join(dist, attr(tag, "href")), "utf8")));
      return `<style>${styles.at(-1)}</style>`;
    })
    .replace(/<link\b[^>]*\brel="icon"[^>]*>/g, (tag) => {
      const href = attr(tag, "href");
      if (href.startsWith("data:")) return tag;
      const type = href.endsWith(".svg") ? "image/svg+xml" : "image/png";
      return `<link rel="icon" href="data:${type};base64,${fs.readFileSync(path.join(dist, href)).toString("base64")}">`;
    });
  // The scripts, in one, where the first of them was.
  const at = html.indexOf(scripts[0][0]);
  for (const m of scripts) html = html.replace(m[0], "");
  html = `${html.slice(0, at)}<script type="module">${script}</script>\n${html.slice(at)}`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${styles.map(sha256).join(" ") || "'none'"}`,
    // The usage report's worker is a blob: URL of the page's own making.
    "worker-src blob:",
    "img-src data:",
    "connect-src data:",
    "object-src 'none'",
    "base-uri 'none'",
  ].join("; ");
  html = html.replace(/(<meta\b[^>]*\bhttp-equiv="Content-Security-Policy"[^>]*\bcontent=")[^"]*(")/, `$1${csp}$2`);
  fs.writeFileSync(path.join(dist, out), html);
  return out;
}
