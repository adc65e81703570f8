// The shadow-DOM styles of the result sections of <audioconf-pricing>: the breakdown table, the charts, the
// comparison, the credits plan and the notes. Colours are the private --_* properties styles.js defines.

export const RESULTS_CSS = String.raw`
/* Results --------------------------------------------------------------------------------------- */
.results { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_gap); min-width: 0; }
.results > section { display: grid; gap: 0.75rem; min-width: 0; border-top: 1px solid var(--_border); padding-top: 1rem; }
.results > section:first-child { border-top: 0; padding-top: 0; }
.empty-state { padding: 1.25rem; border: 1px dashed var(--_control-border); border-radius: var(--_radius); color: var(--_muted); }

table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--_muted); font-size: 0.875rem; padding-bottom: 0.4rem; caption-side: top; }
th, td { padding: 0.45rem 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--_fg); font-size: 0.875rem; padding: 0; vertical-align: bottom; }
thead th.static { padding: 0.45rem 0.5rem; }
tbody tr { border-bottom: 1px solid var(--_border); }
td.n, th.n { text-align: right; }
thead th.n { text-align: right; }
.sort {
  width: 100%; border: 0; background: none; min-height: 2.5rem; padding: 0.45rem 0.5rem; font-weight: 700;
  display: inline-flex; align-items: center; gap: 0.3rem; border-radius: 0;
}
th.n .sort { justify-content: flex-end; }
.sort:hover { background: var(--_surface); }
.sort .arrow { color: var(--_muted); font-size: 0.75rem; width: 0.75rem; }
th[aria-sort] .sort .arrow { color: var(--_fg); }
tr.subtotal { background: var(--_surface); font-weight: 600; border-bottom: 1px solid var(--_fg); }
tr.unavailable td, tr.unavailable th { color: var(--_muted); }
tr.unavailable .na { color: var(--_warning); }
tbody th { font-weight: 400; }
tfoot th, tfoot td { font-weight: 600; }
tfoot tr.kind-row th, tfoot tr.kind-row td { font-weight: 400; color: var(--_muted); padding-top: 0.25rem; padding-bottom: 0.25rem; }
tfoot tr.grand { border-top: 2px solid var(--_fg); font-size: 1.0625rem; }
tfoot tr.grand th, tfoot tr.grand td { font-weight: 700; }
.kind-label { display: inline-flex; align-items: flex-start; gap: 0.4rem; }
.kind-label .swatch { margin-top: 0.15em; }

@container (max-width: 600px) {
  table.breakdown, .breakdown caption, .breakdown thead, .breakdown tbody, .breakdown tfoot, .breakdown tr, .breakdown th, .breakdown td { display: block; }
  .breakdown thead tr { display: flex; flex-wrap: wrap; gap: 0.3rem; border: 0; padding-bottom: 0.5rem; }
  .breakdown thead th { border: 1px solid var(--_control-border); border-radius: 999px; }
  .breakdown .sort { min-height: 2.25rem; padding: 0.2rem 0.65rem; border-radius: 999px; width: auto; font-size: 0.8125rem; }
  .breakdown tbody tr, .breakdown tfoot tr {
    display: grid; grid-template-columns: auto minmax(0, 1fr) auto; grid-template-areas: "country country country" "kind kind cost" "rate min min";
    column-gap: 0.75rem; padding: 0.45rem 0;
  }
  .breakdown th, .breakdown td { padding: 0; text-align: left; }
  .breakdown .c-country { grid-area: country; font-weight: 700; padding: 0.4rem 0 0.2rem; }
  .breakdown .c-country.repeat { display: none; }
  .breakdown .c-kind { grid-area: kind; }
  .breakdown .c-cost { grid-area: cost; text-align: right; font-weight: 600; }
  .breakdown .c-rate { grid-area: rate; }
  .breakdown .c-min { grid-area: min; text-align: right; }
  .breakdown .c-rate, .breakdown .c-min { font-size: 0.8125rem; color: var(--_muted); }
  .breakdown .c-rate[data-label]::before, .breakdown .c-min[data-label]::before { content: attr(data-label) " "; }
  .breakdown .c-reason { grid-column: 1 / -1; grid-row: 3; font-size: 0.8125rem; }
  .breakdown tr.subtotal .c-min, .breakdown tfoot .c-min { color: inherit; }
  .breakdown tfoot tr.kind-row { grid-template-areas: "kind kind cost"; padding: 0.15rem 0; }
  .breakdown tfoot tr.kind-row .c-min { display: none; }
  .breakdown tfoot tr.grand { grid-template-areas: "kind kind cost" "min min min"; }
}

figure { display: grid; gap: 0.5rem; }
.chart { width: 100%; display: block; overflow: visible; }
.chart text { fill: var(--_fg); font-family: var(--_font); font-size: 13px; }
.chart text.label { font-size: 14px; font-weight: 600; }
.chart text.halo { paint-order: stroke; stroke: var(--_bg); stroke-width: 5px; stroke-linejoin: round; }
.chart .muted { fill: var(--_muted); }
.chart .strong { font-weight: 700; }
.chart .axis { stroke: var(--_control-border); stroke-width: 1; }
.chart .grid { stroke: var(--_border); stroke-width: 1; }
.chart .sep { stroke: var(--_bg); stroke-width: 2; }
.k-toll { fill: var(--_kind-toll); }
.k-toll_free { fill: var(--_kind-toll-free); }
.k-dial_out_landline { fill: var(--_kind-landline); }
.k-dial_out_mobile { fill: var(--_kind-mobile); }
.pat-line { stroke: var(--_pattern); stroke-width: 1.6; }
.pat-dot { fill: var(--_pattern); }
.line-ppm { fill: none; stroke: var(--_accent); stroke-width: 3; }
.line-lic { fill: none; stroke: var(--_kind-landline); stroke-width: 3; stroke-dasharray: 8 5; }
.mark-be { fill: var(--_bg); stroke: var(--_fg); stroke-width: 2.5; }
.mark-now { stroke: var(--_fg); stroke-width: 1.5; stroke-dasharray: 2 3; }
.mark-now-dot { fill: var(--_fg); }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; font-size: 0.875rem; }
.legend li { display: inline-flex; align-items: center; gap: 0.4rem; }
.legend svg { width: 28px; height: 14px; }

.versus { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; }
.option-box { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75rem 1rem; display: grid; gap: 0.15rem; background: var(--_bg); }
.option-box.winner { border: 2px solid var(--_success); background: var(--_success-soft); }
.option-box .amount { font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.option-box .cheaper-tag { color: var(--_success); font-weight: 700; font-size: 0.875rem; }
.option-box .detail { color: var(--_muted); font-size: 0.875rem; }

dl.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: 0.75rem; }
dl.facts div {
  border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.6rem 0.8rem; background: var(--_bg);
  display: flex; flex-direction: column; justify-content: space-between; gap: 0.25rem;
}
dl.facts dt { font-size: 0.875rem; color: var(--_muted); }
dl.facts dd { font-size: 1.25rem; font-weight: 700; font-variant-numeric: tabular-nums; }

.notes-list, .warnings { list-style: none; display: grid; gap: 0.5rem; }
.notes-list li, .warnings li {
  padding: 0.5rem 0.75rem; border-left: 4px solid var(--_border); background: var(--_surface); border-radius: 0 6px 6px 0;
}
.warnings li.warn, .notes-list li.warn { border-left-color: var(--_warning); background: var(--_warning-soft); }
.notes-list li.info { border-left-color: var(--_accent); }
.source { font-size: 0.8125rem; color: var(--_muted); }

.alert {
  border: 2px solid var(--_danger); background: var(--_danger-soft); color: var(--_fg); border-radius: var(--_radius);
  padding: 0.9rem 1rem; display: grid; gap: 0.5rem;
}
.alert strong { color: var(--_danger); }
.alert ul { padding-left: 1.25rem; font-size: 0.875rem; }
.alert .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.notice { border-left: 4px solid var(--_warning); background: var(--_warning-soft); padding: 0.5rem 0.75rem; border-radius: 0 6px 6px 0; }
.loading { padding: 2rem 0; color: var(--_muted); }

@media (prefers-reduced-motion: no-preference) {
  .option, button, .segmented label { transition: background-color 120ms ease; }
}
@media (forced-colors: active) {
  .summary, .panel, .option-box, .alert { border: 1px solid CanvasText; }
  .option[aria-selected="true"] { outline: 2px solid Highlight; }
}
`;
