// The usage report's Web Worker: reads the chosen File chunk by chunk (File.stream()) through the usage
// WebAssembly module (pkg/usage/, built with the `usage` feature) and posts progress and the result, so the
// page never freezes. Cancelling is the page terminating this worker.
//
// Messages in: {type: "read", file, cardUrl, dialOut, month, currency} (cardUrl null: the built-in card)
// and, after a result, {type: "report", month, currency}. Out: {type: "progress", rows, bytes},
// {type: "result", json} (the CLI's --format json) and {type: "error", error: {code, path, message}}.

import init, { UsageImport } from "../pkg/usage/audioconf_pricing_usage.js";

let reader = null;
const ready = init();
const post = (message) => self.postMessage(message);
const optional = (v) => (v === null || v === "" ? undefined : v);

async function read({ file, cardUrl, dialOut, month, currency }) {
  await ready;
  let cardText;
  if (cardUrl) {
    const response = await fetch(cardUrl, { credentials: "same-origin" });
    if (!response.ok) throw Object.assign(new Error(`${cardUrl} answered HTTP ${response.status}`), { code: "rate_card_fetch" });
    cardText = await response.text();
  }
  reader = new UsageImport(cardText, dialOut);
  const stream = file.stream().getReader();
  let shown = 0;
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    reader.feed(value);
    // Progress a few times a second is enough for a bar, and costs the page nothing.
    const now = performance.now();
    if (now - shown > 60) {
      shown = now;
      post({ type: "progress", rows: reader.rows, bytes: reader.bytes });
    }
  }
  post({ type: "progress", rows: reader.rows, bytes: reader.bytes });
  post({ type: "result", json: reader.finish(optional(month), optional(currency)) });
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "read") await read(data);
    else if (data.type === "report" && reader) post({ type: "result", json: reader.report(optional(data.month), optional(data.currency)) });
  } catch (e) {
    post({ type: "error", error: { code: e?.code ?? "read_failed", path: e?.path ?? "", message: String(e?.message ?? e) } });
  }
};
