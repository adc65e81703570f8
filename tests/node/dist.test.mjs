// dist/ as a static host serves it (run after `cargo xtask build`): content-hashed names that match the
// bytes, no reference to a file that is not there, a header rule for every file, a service worker that
// precaches every file of the site, and a single file that references nothing outside itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashNames, isHashed } from "../../xtask/hash-names.mjs";

const dist = new URL("../../dist/", import.meta.url).pathname;
const files = fs.readdirSync(dist).sort();
const read = (f) => fs.readFileSync(path.join(dist, f), "utf8");
const hash8 = (bytes) => crypto.createHash("sha256").update(bytes).digest("hex").slice(0, 8).toUpperCase();

test("every .wasm and stylesheet carries the hash of its bytes", () => {
  const hashed = files.filter((f) => /\.(wasm|css)$/.test(f));
  assert.ok(hashed.some((f) => f.endsWith(".wasm")));
  for (const f of hashed) assert.equal(/-([A-Z0-9]{8})\.\w+$/.exec(f)?.[1], hash8(fs.readFileSync(path.join(dist, f))), f);
});

test("every reference in the pages and scripts names a file of dist/", () => {
  for (const f of files.filter((f) => /\.(js|html)$/.test(f) && f !== "audioconf-pricing.html")) {
    const text = read(f);
    const refs = [
      ...[...text.matchAll(/\b(?:from|import)\s*\(?\s*"\.\/([^"]+)"/g)].map((m) => m[1]),
      ...[...text.matchAll(/\b(?:href|src)="([^"#:]+)"/g)].map((m) => m[1]),
      ...[...text.matchAll(/["']([\w.-]+\.wasm)["']/g)].map((m) => m[1]),
    ];
    for (const r of refs) assert.ok(files.includes(r), `${f} refers to ${r}`);
  }
});

test("_headers gives every file its type and caching", () => {
  const rules = new Map();
  for (const block of read("_headers").split("\n\n")) {
    const [pathLine, ...headers] = block.split("\n").filter((l) => l && !l.startsWith("#"));
    if (pathLine) rules.set(pathLine, headers.map((h) => h.trim()));
  }
  assert.ok(rules.get("/*").includes("X-Content-Type-Options: nosniff"));
  assert.ok(rules.get("/*").includes("Access-Control-Allow-Origin: *"), "another site's script tag needs CORS");
  for (const f of files.filter((f) => f !== "_headers")) {
    const h = rules.get(`/${f}`);
    assert.ok(h, f);
    assert.ok(h.includes(isHashed(f) ? "Cache-Control: public, max-age=31536000, immutable" : "Cache-Control: no-cache"), f);
    if (f.endsWith(".wasm")) assert.ok(h.includes("Content-Type: application/wasm"), f);
  }
  assert.ok(!isHashed("audioconf-pricing.js") && !isHashed("index.html") && !isHashed("sw.js"), "what people link to keeps its name");
});

test("the service worker precaches every file of the site under the build's version", () => {
  const sw = read("sw.js");
  const precached = JSON.parse(/^const FILES = (.*);$/m.exec(sw)[1]);
  const site = files.filter((f) => !["sw.js", "_headers", "audioconf-pricing.html"].includes(f));
  assert.deepEqual(precached, ["./", ...site]);
  assert.match(/^const VERSION = (.*);$/m.exec(sw)[1], /^"[0-9a-f]{16}"$/);
});

test("the single file links, loads and fetches nothing outside itself", () => {
  const html = read("audioconf-pricing.html");
  const refs = [...html.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]).filter((r) => !r.startsWith("data:") && !r.startsWith("#"));
  assert.deepEqual(refs, []);
  assert.match(html, /data:application\/wasm;base64,AGFzbQ/, "the .wasm inside, as a data: URL");
  assert.doesNotMatch(html, /'unsafe-inline'/);
  assert.equal((html.match(/<script\b/g) ?? []).length, 1);
});

test("hash-names renames a chunk whose import was renamed, and its importers, up to the entry", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "acp-hash-"));
  try {
    fs.writeFileSync(path.join(dir, "core_bg.wasm"), "\0asm-v1");
    fs.writeFileSync(path.join(dir, "glue-AAAAAAAA.js"), `export const url = new URL('core_bg.wasm', import.meta.url);`);
    fs.writeFileSync(path.join(dir, "chunk-BBBBBBBB.js"), `import{url}from"./glue-AAAAAAAA.js";export{url};`);
    fs.writeFileSync(path.join(dir, "entry.js"), `import{url}from"./chunk-BBBBBBBB.js";console.log(url);`);
    fs.writeFileSync(path.join(dir, "site.css"), "body{margin:0}");
    fs.writeFileSync(path.join(dir, "index.html"), `<link rel="stylesheet" href="site.css"><link rel="modulepreload" href="chunk-BBBBBBBB.js"><script type="module" src="entry.js"></script>`);
    const renamed = hashNames(dir);
    assert.deepEqual([...renamed.keys()].sort(), ["chunk-BBBBBBBB.js", "core_bg.wasm", "glue-AAAAAAAA.js", "site.css"]);
    const after = fs.readdirSync(dir);
    assert.ok(after.includes("entry.js") && after.includes("index.html"), "entries and pages keep their names");
    const entry = fs.readFileSync(path.join(dir, "entry.js"), "utf8");
    assert.ok(entry.includes(`./${renamed.get("chunk-BBBBBBBB.js")}`));
    const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
    assert.ok(html.includes(renamed.get("site.css")) && html.includes(renamed.get("chunk-BBBBBBBB.js")));
    assert.ok(fs.readFileSync(path.join(dir, renamed.get("glue-AAAAAAAA.js")), "utf8").includes(renamed.get("core_bg.wasm")));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
