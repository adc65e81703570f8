// A toolbar feature whose code loads when it is first opened. The first load carries only this file and the
// button's label: the module behind the button is a dynamic import(), which the bundle makes a chunk of its
// own (xtask/bundle.mjs), fetched on the first click and kept afterwards.
//
// The lazy modules get lit and the element's helpers from here, as the KIT passed to their constructor,
// instead of importing them: a module that both the first load and a lazy chunk import is moved by esbuild
// into a shared chunk of its own, and splitting lit, the texts and decimal.js out of the element's file that
// way made the first load grow by 1,058 bytes of brotli instead of about 400 (more files, worse compression).

import { html, nothing, unsafeCSS } from "lit";
import { live } from "lit/directives/live.js";
import { repeat } from "lit/directives/repeat.js";
import { builtInCard, fetchCard } from "./core.js";
import { compare, fromScaled, scaleOf, toScaled } from "./decimal.js";
import { addEnglish } from "./i18n.js";
import { outside } from "./text.js";

/** What a lazily loaded feature may use of lit and of the element's modules. */
export const KIT = Object.freeze({
  ...{ html, nothing, unsafeCSS, live, repeat, builtInCard, fetchCard, addEnglish, outside },
  decimal: { compare, fromScaled, scaleOf, toScaled },
});

/**
 * A features.js factory: a toolbar button labelled by the catalogue key `label` that opens the panel of the
 * module `load()` imports. That module's default export is a class constructed with (host, KIT), with
 * `open(opener)` (opener: the button, to give focus back to) and `render(tx)` (what it shows in the toolbar,
 * its dialog included). A chunk that cannot be fetched (offline before the first use) says so under the
 * button, and the next click tries again.
 */
export function lazyPanel(key, label, load) {
  return (host) => {
    let panel = null;
    let failed = false;
    const open = async (e) => {
      const opener = e.currentTarget;
      try {
        panel ??= new (await load()).default(host, KIT);
        failed = false;
      } catch {
        failed = true;
      }
      host.requestUpdate();
      if (panel) panel.open(opener);
    };
    return {
      toolbar: (tx) =>
        html`<button type="button" data-key=${key} aria-haspopup="dialog" @click=${open}>${tx.t(label)}</button>${
          failed ? html`<p class="error-text" role="alert">${tx.t("feature_not_loaded")}</p>` : nothing
        }${panel ? panel.render(tx) : nothing}`,
    };
  };
}
