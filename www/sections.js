// The panels (countries, call mix, volume, licence) and the results (breakdown, charts, comparison,
// credits plan, notes): what follows the first total. The element imports this module (a chunk of its own)
// once the first total is shown, so the first load carries only the summary; these draw from the view the
// element hands them, `v`: {tx, form, q, sort, expanded, allCountries, picker, layout, on, currencies}.
// Each part re-renders only when what it shows is new (lit's guard).
import { html, nothing } from "lit";
import { guard } from "lit/directives/guard.js";
import { countriesPanel } from "./countries-panel.js";
import { licencePanel, mixPanel, volumePanel } from "./input-panels.js";
import { breakdown } from "./breakdown.js";
import { comparisonSection, costChartSection } from "./comparison.js";
import { creditsSection, notesSection } from "./plan-notes.js";

export { CountryPicker } from "./country-picker.js";
export { groups, nextSort } from "./breakdown.js";
export { patternDefs } from "./chart.js";

/** The input panels. */
export function panels({ tx, form, picker, allCountries, layout, on }) {
  return html`${guard([tx, form.countries, form.split, form.weights, form.exact, picker.version, allCountries], () =>
    countriesPanel(tx, form, picker, allCountries, on),
  )}
    ${guard([tx, form.countries, form.split, form.mix, form.exact, layout.mixBar], () => mixPanel(tx, form, layout.mixBar, on))}
    ${guard([tx, form.countries, form.split, form.volume, form.exact, form.fields.minutes, form.fields.meetings, form.fields.participants, form.fields.duration], () =>
      volumePanel(tx, form, on),
    )}
    ${guard([tx, form.fields.users], () => licencePanel(tx, form, on))}`;
}

/** The result sections; the charts wait for the results' width. */
export function results({ tx, form, q, sort, expanded, layout, on, currencies }) {
  if (!q) return nothing;
  const t = tx.t;
  const wanted = form.currency;
  const notice =
    wanted && !currencies.some((c) => c.code === wanted)
      ? html`<p class="notice">${t("currency_not_in_card", { wanted, used: q.currency })}</p>`
      : nothing;
  const width = Math.max(260, layout.results || 600);
  const measured = layout.results > 0;
  const priced = q.lines.length || q.unavailable.length;
  return html`${notice}
    ${priced
      ? html`${guard([tx, q, sort, expanded], () => breakdown(tx, q, sort, expanded, on))}
        ${measured ? guard([tx, q, width], () => costChartSection(tx, q, width)) : nothing}`
      : html`<p class="empty-state">${t(form.countries.length ? "nothing_to_price" : "add_countries_first")}</p>`}
    ${measured ? guard([tx, q, width], () => comparisonSection(tx, q, width)) : nothing}
    ${guard([tx, q], () => creditsSection(tx, q))}
    ${guard([tx, q], () => notesSection(tx, q))}`;
}
