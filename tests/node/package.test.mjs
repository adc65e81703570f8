// The npm package's metadata: every export and listed file exists, and custom-elements.json describes the
// element's whole public contract as its JSDoc block states it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const pkg = (f) => new URL(`pkg/${f}`, root);
const json = JSON.parse(readFileSync(pkg("package.json"), "utf8"));

test("the exports map and files name files that exist", () => {
  for (const [key, target] of Object.entries(json.exports)) {
    for (const file of typeof target === "string" ? [target] : Object.values(target)) assert.ok(existsSync(pkg(file)), `${key}: ${file}`);
  }
  for (const f of json.files) assert.ok(existsSync(pkg(f)), f);
  assert.ok(json.files.includes("element.js") && json.files.includes("audioconf_pricing_bg.wasm"));
  assert.deepEqual(json.sideEffects, ["./element.js"], "a bundler must keep the import that registers the element");
  assert.equal(json.customElements, "custom-elements.json");
});

test("the element's build imports the binding beside it and finds its .wasm by import.meta.url", () => {
  const element = readFileSync(pkg("element.js"), "utf8");
  assert.match(element, /from"\.\/audioconf_pricing\.js"/);
  assert.doesNotMatch(element, /__wbg_init/, "the glue is not bundled twice");
  assert.match(readFileSync(pkg("audioconf_pricing.js"), "utf8"), /new URL\('audioconf_pricing_bg\.wasm', import\.meta\.url\)/);
});

test("custom-elements.json lists attributes, properties, events, parts and custom properties", () => {
  const manifest = JSON.parse(readFileSync(pkg("custom-elements.json"), "utf8"));
  assert.equal(manifest.schemaVersion, "2.1.0");
  const [mod] = manifest.modules;
  assert.equal(mod.path, "element.js");
  const el = mod.declarations[0];
  assert.equal(el.tagName, "audioconf-pricing");
  assert.equal(el.customElement, true);
  assert.deepEqual(el.attributes.map((a) => a.name), ["rates-src", "locale", "currency"]);
  assert.deepEqual(el.attributes.map((a) => a.fieldName), ["ratesSrc", "locale", "currency"]);
  const fields = Object.fromEntries(el.members.map((m) => [m.name, m]));
  assert.equal(fields.request.type.text, "QuoteRequest");
  assert.equal(fields.quote.readonly, true);
  assert.equal(fields.ready.type.text, "Promise<Readonly<Quote>>");
  assert.deepEqual(el.events.map((e) => e.name), ["quote-change", "quote-error", "locale-change", "details-change"]);
  assert.deepEqual(el.members.filter((m) => m.kind === "method").map((m) => [m.name, m.return.type.text]), [
    ["shareUrl", "Promise<string>"],
    ["exportCsv", "Promise<string>"],
    ["exportJson", "Promise<string>"],
  ]);
  assert.equal(el.events[0].type.text, "CustomEvent<QuoteChangeDetail>");
  const source = readFileSync(new URL("www/audioconf-pricing.js", root), "utf8");
  for (const part of el.cssParts) assert.match(source, new RegExp(`part="${part.name}"|@csspart ${part.name}\\b`), part.name);
  assert.ok(el.cssParts.some((p) => p.name === "total"));
  assert.ok(el.cssProperties.length >= 20 && el.cssProperties.every((p) => p.name.startsWith("--acp-") && p.description));
  assert.deepEqual(mod.exports.map((e) => e.kind), ["js", "custom-element-definition"]);
});
