// `cargo xtask build`, the npm half: adds the element to pkg/ beside the WebAssembly binding.
//
//   node xtask/package.mjs
//
// - pkg/element.js: www/audioconf-pricing.js bundled and minified as ESM, lit included (one tested unit: the
//   package has no dependencies to resolve or to drift, and it is the same code the script tag loads). Its
//   import of the binding stays an import of `./audioconf_pricing.js`, so an app that imports both `.` and
//   `./element` has one core, and the glue finds the .wasm with `new URL(..., import.meta.url)`, which
//   bundlers (Vite, webpack, esbuild, Parcel) copy as an asset. Dynamic imports (the Russian catalogue, any
//   lazily loaded feature, the usage report's panel) become chunks `element-*.js` beside it; the usage
//   report's worker is pkg/usage-worker.js, importing the usage module's glue from pkg/usage/.
// - pkg/element.d.ts (from src/element.d.ts) and pkg/custom-elements.json, the Custom Elements Manifest
//   made from the element's JSDoc block (one place documents the contract).
// - pkg/package.json gets the `exports` map, `files` (what is in pkg/ now), `customElements` and
//   `sideEffects` (importing ./element registers the element: a bundler must keep it).
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { COMMON, usagePanelImported } from "./esbuild-options.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const pkg = path.join(root, "pkg");
const ELEMENT_SOURCE = path.join(root, "www", "audioconf-pricing.js");

await esbuild.build({
  absWorkingDir: root,
  entryPoints: { element: ELEMENT_SOURCE },
  outdir: pkg,
  ...COMMON,
  splitting: true,
  chunkNames: "element-[name]-[hash]",
  plugins: [
    ...COMMON.plugins,
    {
      name: "binding-beside",
      setup(build) {
        build.onResolve({ filter: /\/pkg\/audioconf_pricing\.js$/ }, () => ({ path: "./audioconf_pricing.js", external: true }));
      },
    },
    usagePanelImported,
  ],
});
// The usage report's worker, started by the panel as `usage-worker.js` beside it (new URL(..., import.meta.url),
// which Vite and webpack also bundle); the usage module's glue stays in pkg/usage/, next to its .wasm.
await esbuild.build({
  absWorkingDir: root,
  entryPoints: { "usage-worker": path.join(root, "www", "usage-worker.js") },
  outdir: pkg,
  ...COMMON,
  plugins: [
    ...COMMON.plugins,
    {
      name: "usage-binding-beside",
      setup(build) {
        build.onResolve({ filter: /\/pkg\/usage\/audioconf_pricing_usage\.js$/ }, () => ({ path: "./usage/audioconf_pricing_usage.js", external: true }));
      },
    },
  ],
});
fs.copyFileSync(path.join(root, "src", "element.d.ts"), path.join(pkg, "element.d.ts"));

// ---- The Custom Elements Manifest (schema 2.1.0), from the JSDoc block that opens the element's file ----

/** The types the JSDoc does not spell out, in the declarations' terms (src/element.d.ts). */
const TYPES = {
  attr: { "rates-src": "string | null", locale: "string | null", currency: "string | null" },
  prop: { request: "QuoteRequest", quote: "Readonly<Quote> | null", ready: "Promise<Readonly<Quote>>", details: "QuoteDetails" },
  method: { shareUrl: "Promise<string>", exportCsv: "Promise<string>", exportJson: "Promise<string>" },
  event: {
    "quote-change": "CustomEvent<QuoteChangeDetail>",
    "quote-error": "CustomEvent<QuoteErrorDetail>",
    "locale-change": "CustomEvent<LocaleChangeDetail>",
    "details-change": "CustomEvent<QuoteDetails>",
  },
};
const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** The tags of the first JSDoc block of `source`: [{tag, name, text}], and the prose before them. */
function jsdoc(source) {
  const block = /\/\*\*?([\s\S]*?)\*\//.exec(source)?.[1] ?? "";
  const body = block
    .split("\n")
    .map((l) => l.replace(/^\s*\* ?/, ""))
    .join("\n");
  const [prose, ...parts] = body.split(/(?=@(?:summary|attr|prop|method|event|csspart|cssprop)\b)/);
  const tags = parts.map((p) => {
    const [, tag, rest] = /^@(\w+)\s*([\s\S]*)$/.exec(p.trim());
    if (tag === "summary") return { tag, name: "", text: rest.replace(/\s+/g, " ").trim() };
    const [, name, text = ""] = /^(\S+)(?:\s+-\s+)?([\s\S]*)$/.exec(rest);
    return { tag, name, text: text.replace(/\s+/g, " ").trim() };
  });
  return { prose: prose.replace(/\s+/g, " ").trim(), tags };
}

function manifest(source, module = "element.js") {
  const { tags } = jsdoc(source);
  const of = (tag) => tags.filter((t) => t.tag === tag);
  // A note in parentheses after the last of a run of tags ("(each has a light and a dark default)")
  // belongs to all of them.
  const shared = (list) => {
    const note = /^\((.*)\)$/.exec(list.at(-1)?.text ?? "")?.[1];
    return list.map((t) => ({ name: t.name, description: note && t.text === `(${note})` ? note : t.text || note || "" }));
  };
  const text = (t) => (t ? { type: { text: t } } : {});
  const props = of("prop").map((t) => {
    const readonly = /^read-only\b/.test(t.text) || t.name === "ready";
    return { kind: "field", name: t.name, description: t.text.replace(/^(get\/set|read-only): /, ""), ...text(TYPES.prop[t.name]), ...(readonly ? { readonly: true } : {}) };
  });
  const attrs = of("attr").map((t) => ({ name: t.name, description: t.text, ...text(TYPES.attr[t.name]), fieldName: camel(t.name) }));
  const attrFields = attrs.map((a) => ({ kind: "field", name: a.fieldName, description: a.description, ...text(a.type?.text), attribute: a.name }));
  const methods = of("method").map((t) => {
    const name = t.name.replace(/\(.*$/, "");
    return { kind: "method", name, description: t.text, ...(TYPES.method[name] ? { return: { type: { text: TYPES.method[name] } } } : {}) };
  });
  const declaration = {
    kind: "class",
    name: "AudioconfPricing",
    tagName: "audioconf-pricing",
    customElement: true,
    summary: of("summary")[0]?.text ?? "",
    superclass: { name: "LitElement", package: "lit" },
    attributes: attrs,
    members: [...attrFields, ...props, ...methods],
    events: of("event").map((t) => ({ name: t.name, description: t.text, ...text(TYPES.event[t.name]) })),
    cssParts: shared(of("csspart")),
    cssProperties: shared(of("cssprop")),
  };
  return {
    schemaVersion: "2.1.0",
    readme: "README.md",
    modules: [
      {
        kind: "javascript-module",
        path: module,
        declarations: [declaration],
        exports: [
          { kind: "js", name: "AudioconfPricing", declaration: { name: "AudioconfPricing", module } },
          { kind: "custom-element-definition", name: "audioconf-pricing", declaration: { name: "AudioconfPricing", module } },
        ],
      },
    ],
  };
}

fs.writeFileSync(path.join(pkg, "custom-elements.json"), `${JSON.stringify(manifest(fs.readFileSync(ELEMENT_SOURCE, "utf8")), null, 2)}\n`);

// ---- package.json ----

const json = JSON.parse(fs.readFileSync(path.join(pkg, "package.json"), "utf8"));
json.exports = {
  ".": { types: "./audioconf_pricing.d.ts", default: "./audioconf_pricing.js" },
  "./element": { types: "./element.d.ts", default: "./element.js" },
  "./audioconf_pricing_bg.wasm": "./audioconf_pricing_bg.wasm",
  "./custom-elements.json": "./custom-elements.json",
  "./package.json": "./package.json",
};
json.files = fs.readdirSync(pkg).filter((f) => f !== "package.json").sort();
json.customElements = "custom-elements.json";
json.sideEffects = ["./element.js"];
fs.writeFileSync(path.join(pkg, "package.json"), `${JSON.stringify(json, null, 2)}\n`);
console.error(`packaged the element into pkg/ (${json.files.length} files)`);
