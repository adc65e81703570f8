// Linked shares: rows of range + number inputs whose values always total 100 (state.js rebalance); changing
// one spreads the difference over the others in proportion. Native controls: arrows, Page Up/Down,
// Home/End all work. Used for the call mix and the country shares.

import { html, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { live } from "lit/directives/live.js";
import { rebalance } from "./state.js";

/**
 * id: prefix of the controls' ids; keys and values: the shares; label(key); onChange(values, announcement):
 * the new shares and a sentence saying how they all moved (for the live region); swatch(key) and
 * hints(key) optional.
 */
export function sharesControl(tx, { id, keys, values, label, onChange, groupLabel, swatch, hints }) {
  const t = tx.t;
  const f = tx.fmt;
  const set = (k, v) => {
    const next = rebalance(values, keys, k, v);
    // The other shares moved too: say so with the total (the moved control announces itself).
    const list = new Intl.ListFormat(tx.locale, { type: "unit" }).format(keys.map((key) => `${label(key)} ${f.percent(next[key] ?? 0)}`));
    onChange(next, `${groupLabel}: ${list}.`);
  };
  const row = (k) => {
    const rid = `${id}-${k}`;
    const v = String(values[k] ?? 0);
    const hint = hints?.(k);
    return html`<div class="share">
      <label for=${rid}>${swatch ? swatch(k) : nothing}${label(k)}</label>
      <span class="num-wrap"><input type="number" min="0" max="100" step="1" inputmode="numeric" data-key="${rid}-n" aria-label=${t("share_percent_of", { label: label(k) })}
        .value=${live(v)} @input=${(e) => e.target.value !== "" && e.target.validity.valid && set(k, e.target.value)}
        @change=${(e) => (e.target.value = String(values[k] ?? 0))}><span aria-hidden="true">%</span></span>
      <input type="range" id=${rid} min="0" max="100" step="1" data-key=${rid} aria-valuetext=${f.percent(values[k] ?? 0)} .value=${live(v)} @input=${(e) => set(k, e.target.value)}>
      ${hint ? html`<p class="warn-text">${hint}</p>` : nothing}
    </div>`;
  };
  return html`<div class="shares" role="group" aria-label=${groupLabel}>
    ${repeat(keys, (k) => k, row)}
    <p class="shares-total" aria-hidden="true">${t("shares_total", { total: f.percent(100) })}</p>
  </div>`;
}
