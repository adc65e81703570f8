// The styles of the quote features: their row in the toolbar on screen, and the printed quote (`@media
// print`: the quote's header and terms, the results, nothing a person clicks). Adopted into the element's
// shadow root when the first of them loads (quote-kit.js), as a constructable stylesheet: no <style>
// element, so a strict Content Security Policy is kept. Colours are the private --_* properties of styles.js.

export const QUOTES_CSS = String.raw`
.print-only { display: none; }
.qt-notice {
  order: -2; flex: 1 1 100%; display: grid; gap: 0.3rem; padding: 0.75rem 1rem; border-radius: var(--_radius);
  border: 1px solid var(--_warning); background: var(--_warning-soft);
}
.qt-notice.problem { border-color: var(--_danger); background: var(--_danger-soft); }
.qt-notice p { margin: 0; }
.qt-notice button { justify-self: start; }
.qt-details[open] { flex: 1 1 100%; }
.qt-details[open] > summary { margin-bottom: 0.4rem; }
.qt-fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr)); gap: 0.5rem 0.75rem; }
.qt-fields label { display: grid; gap: 0.2rem; font-size: 0.875rem; font-weight: 600; }
.qt-fields input { width: 100%; }
.qt-details .hint { margin-top: 0.4rem; }
.qt-status { order: 2; flex: 1 1 100%; font-size: 0.875rem; font-weight: 600; color: var(--_success); }
.qt-status.denied { color: var(--_fg); }
.qt-status:empty { position: absolute; }
.qt-fallback { order: 2; flex: 1 1 100%; display: grid; gap: 0.3rem; font-size: 0.875rem; }
.qt-fallback input { width: 100%; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8125rem; }

@media print {
  :host {
    --_bg: #fff; --_fg: #000; --_muted: #3d3d3d; --_surface: #f2f2f2; --_surface-2: #e6e6e6; --_border: #b5b5b5;
    --_accent: #000; --_accent-soft: #fff; --_warning: #5c3a00; --_warning-soft: #fff; --_success: #14522b;
    --_success-soft: #fff; --_danger: #8c1d18; --_danger-soft: #fff; --_gap: 0.6rem;
    color-scheme: light; font-size: 10pt; line-height: 1.35;
  }
  /* The quote's header first, its terms last: the toolbar's parts take their place among the results. */
  .app { display: flex; flex-direction: column; gap: var(--_gap); }
  .toolbar, .toolbar > .actions, .toolbar > .actions > .folded { display: contents !important; }
  .toolbar > :not(.actions), .toolbar > .actions > :not(.print-only, .folded), .toolbar > .actions > .folded > :not(.print-only),
  .inputs, .mini-anchor, .status-area,
  [part="chart"], [part="break-even-chart"], .breakdown .more, .breakdown caption { display: none !important; }
  .print-only { display: block; }
  .print-terms { order: 10; border-top: 1px solid var(--_fg); padding-top: 0.3rem; display: grid; gap: 0.1rem; font-size: 8.5pt; }
  .print-head { display: grid; gap: 0.2rem; border-bottom: 2px solid var(--_fg); padding-bottom: 0.4rem; }
  .print-head h2 { font-size: 15pt; margin: 0; }
  .print-head dl { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.2rem 1.5rem; margin: 0; }
  .print-head dl div { display: flex; gap: 0.4rem; min-width: 0; }
  .print-head dt { font-weight: 600; }
  .print-head dt::after { content: ":"; }
  .print-head dd { margin: 0; overflow-wrap: anywhere; }
  .print-head .ref { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: 700; }
  .summary { background: none; border: 1px solid var(--_fg); padding: 0.35rem 0.8rem; gap: 0; break-inside: avoid; }
  .total { font-size: 17pt; }
  /* Blocks, not a grid: a grid's items that break across pages can overlap in Chromium. */
  .results { display: block; }
  .results > section { padding-top: 0.3rem; margin-top: 0.4rem; gap: 0.2rem; }
  .results h2 { font-size: 11pt; break-after: avoid; }
  /* The breakdown: one line a row, the totals once at the end (not repeated on every page). */
  table.breakdown { font-size: 8pt; line-height: 1.1; }
  .breakdown tfoot { display: table-row-group; }
  .breakdown th, .breakdown td { padding: 0.05rem 0.3rem; }
  .breakdown .kind-label { white-space: nowrap; }
  .breakdown .swatch { width: 0.7rem; height: 0.7rem; }
  .breakdown .c-reason { white-space: normal; }
  .sort { min-height: 0; padding: 0.1rem 0.3rem; pointer-events: none; font-size: 8pt; }
  .sort .arrow { display: none; }
  tr { break-inside: avoid; }
  [part="comparison"], [part="credits"] { break-inside: avoid; }
  .versus { gap: 0.5rem; }
  .option-box { padding: 0.3rem 0.6rem; gap: 0; }
  .option-box .detail { font-size: 8.5pt; }
  .option-box .amount { font-size: 11pt; }
  dl.facts { gap: 0.4rem; }
  dl.facts div { padding: 0.2rem 0.5rem; gap: 0; border-radius: 4px; }
  dl.facts dt { font-size: 8pt; }
  dl.facts dd { font-size: 10.5pt; }
  .notes-list, .warnings { gap: 0.1rem; font-size: 8.5pt; line-height: 1.25; }
  .notes-list li, .warnings li { padding: 0.1rem 0.5rem; border-left-width: 3px; }
  .hint, .source { font-size: 8pt; }
  button:not(.sort) { display: none; }
}
`;
