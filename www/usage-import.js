// The usage report import's toolbar button (a feature of features.js). Only this small controller is in
// the first load: the panel (usage-panel.js), its worker and the usage WebAssembly module load the first
// time the button is pressed. The panel is a bundle entry of its own, imported by URL, so it carries its
// own copy of what it uses (lit, the decimal helpers) instead of splitting the element's first-load code
// into more, less compressible shared chunks.

import { html, nothing } from "lit";

/** The controller: a toolbar button that opens the lazily loaded `<acp-usage-panel>` dialog. */
export function usageImport(host) {
  let state = "closed"; // closed | loading | open | failed (the panel's code could not be fetched)
  const open = async (button) => {
    state = "loading";
    host.requestUpdate();
    try {
      await import(/* the panel's own entry */ new URL("./usage-panel.js", import.meta.url).href);
    } catch {
      // Offline before the first use, say: it says so under the button, and the next press tries again.
      state = "failed";
      host.requestUpdate();
      return;
    }
    state = "open";
    host.requestUpdate();
    controller.button = button;
  };
  const closed = () => {
    state = "closed";
    host.requestUpdate();
    controller.button?.focus();
  };
  const controller = {
    button: null,
    hostConnected() {},
    toolbar(tx) {
      return html`<button type="button" class="usage-import" aria-haspopup="dialog" ?disabled=${state === "loading"}
          @click=${(e) => open(e.currentTarget)}>${tx.t("usage_import")}</button>${
        state === "open"
          ? html`<acp-usage-panel .host=${host} .tx=${tx} @close=${closed}></acp-usage-panel>`
          : state === "failed"
            ? html`<p class="error-text" role="alert">${tx.t("feature_not_loaded")}</p>`
            : nothing
      }`;
    },
  };
  return controller;
}
