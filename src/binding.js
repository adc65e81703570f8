// The public `quote` and `priceLines` (see ARCHITECTURE.md, the fast path). `cargo xtask build` appends
// this file, without its comment lines, to pkg/audioconf_pricing.js after wasm-bindgen's `Calculator`
// class and src/compact.js. Each call encodes the request in JS and crosses into the module once, one
// string in and one out (`quoteText`, `priceLinesText`: undefined when the compact text does not read or
// does not price); anything else goes to wasm-bindgen's own method, which decides it by the JSON path,
// so every error is the one it has always been. The two text methods leave the prototype.
{
  const p = Calculator.prototype, { quote: quoteJson, priceLines: linesJson, quoteText, priceLinesText } = p;
  delete p.quoteText;
  delete p.priceLinesText;
  const method = (f) => ({ value: f, writable: true, configurable: true });
  Object.defineProperties(p, {
    quote: method(function quote(request) {
      const text = compactRequest(request), out = text === undefined ? undefined : quoteText.call(this, text);
      return out === undefined ? quoteJson.call(this, request) : JSON.parse(out);
    }),
    priceLines: method(function priceLines(request) {
      const text = compactRequest(request), out = text === undefined ? undefined : priceLinesText.call(this, text);
      return out === undefined ? linesJson.call(this, request) : linePrices(out);
    }),
  });
}
