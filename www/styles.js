// The shadow-DOM styles of <audioconf-pricing>: the frame, the toolbar, the controls, the input panels and
// the summary (the result sections are in styles-results.js). Adopted by lit as constructable stylesheets
// (no <style> element, no style attributes: works under a strict Content Security Policy). Every colour
// and font comes from a public --acp-* custom property with a default for light and dark schemes.

export const CSS = String.raw`
:host {
  --_font: var(--acp-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  --_bg: var(--acp-bg, #ffffff);
  --_fg: var(--acp-fg, #1b1d24);
  --_muted: var(--acp-muted, #565b69);
  --_surface: var(--acp-surface, #f5f6fa);
  --_surface-2: var(--acp-surface-2, #eceef5);
  --_border: var(--acp-border, #c9ccd8);
  --_control-border: var(--acp-control-border, #767b8c);
  --_accent: var(--acp-accent, #4f52b2);
  --_accent-fg: var(--acp-accent-fg, #ffffff);
  --_accent-soft: var(--acp-accent-soft, #e8e9fb);
  --_focus: var(--acp-focus, #1f5fd6);
  --_danger: var(--acp-danger, #b3261e);
  --_danger-soft: var(--acp-danger-soft, #fdecea);
  --_warning: var(--acp-warning, #8a5300);
  --_warning-soft: var(--acp-warning-soft, #fff4e0);
  --_success: var(--acp-success, #1e6b3a);
  --_success-soft: var(--acp-success-soft, #e6f4ea);
  --_kind-toll: var(--acp-kind-toll, #4f52b2);
  --_kind-toll-free: var(--acp-kind-toll-free, #0b7a6d);
  --_kind-landline: var(--acp-kind-landline, #b25400);
  --_kind-mobile: var(--acp-kind-mobile, #b0266f);
  --_pattern: var(--acp-pattern, rgba(255, 255, 255, 0.75));
  --_radius: var(--acp-radius, 10px);
  --_total-size: var(--acp-total-size, clamp(2.25rem, 7cqi, 3.5rem));
  --_gap: var(--acp-gap, 1.25rem);

  display: block;
  container-type: inline-size;
  color-scheme: light dark;
  font-family: var(--_font);
  font-size: 1rem;
  line-height: 1.45;
  color: var(--_fg);
  background: var(--_bg);
  -webkit-text-size-adjust: 100%;
}
@media (prefers-color-scheme: dark) {
  :host {
    --_bg: var(--acp-bg, #15161b);
    --_fg: var(--acp-fg, #e9eaf0);
    --_muted: var(--acp-muted, #aeb2c0);
    --_surface: var(--acp-surface, #1f2128);
    --_surface-2: var(--acp-surface-2, #2a2d37);
    --_border: var(--acp-border, #3d4150);
    --_control-border: var(--acp-control-border, #8c91a3);
    --_accent: var(--acp-accent, #a5a8ff);
    --_accent-fg: var(--acp-accent-fg, #15161b);
    --_accent-soft: var(--acp-accent-soft, #2b2d52);
    --_focus: var(--acp-focus, #8ab4ff);
    --_danger: var(--acp-danger, #ffb4ab);
    --_danger-soft: var(--acp-danger-soft, #3d1c1a);
    --_warning: var(--acp-warning, #ffc46b);
    --_warning-soft: var(--acp-warning-soft, #352a15);
    --_success: var(--acp-success, #8fd6a5);
    --_success-soft: var(--acp-success-soft, #173323);
    --_kind-toll: var(--acp-kind-toll, #9a9dff);
    --_kind-toll-free: var(--acp-kind-toll-free, #3cc5b3);
    --_kind-landline: var(--acp-kind-landline, #f0913a);
    --_kind-mobile: var(--acp-kind-mobile, #f07ab8);
    --_pattern: var(--acp-pattern, rgba(0, 0, 0, 0.6));
  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-only {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}
h2, h3, p, ul, ol, dl, dd, figure { margin: 0; }
ul, ol { padding: 0; }
button, input, select { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.tnum { font-variant-numeric: tabular-nums; }
.defs { position: absolute; width: 0; height: 0; overflow: hidden; }
.other-lang { font-weight: 400; color: var(--_muted); }

/* Layout ---------------------------------------------------------------------------------------- */
.app {
  display: grid;
  gap: var(--_gap);
  grid-template-columns: minmax(0, 1fr);
  grid-template-areas: "toolbar" "summary" "inputs" "results";
  align-items: start;
}
.toolbar { grid-area: toolbar; }
.summary { grid-area: summary; }
.inputs { grid-area: inputs; }
.results { grid-area: results; }
@container (min-width: 860px) {
  .app {
    grid-template-columns: minmax(330px, 5fr) minmax(0, 7fr);
    grid-template-rows: auto auto 1fr;
    grid-template-areas: "toolbar toolbar" "inputs summary" "inputs results";
    column-gap: calc(var(--_gap) * 1.6);
  }
}

/* Toolbar -------------------------------------------------------------------------------------- */
/* The toolbar and the summary are the first paint (drawn at build time into index.html). Their text keeps
   to 14 and 16 px, regular and bold, besides the total: each other size or face costs the first paint a
   font look-up and its own glyphs (BENCHMARKS.md, "Where the page's first paint goes"). */
.toolbar {
  display: flex; flex-wrap: wrap; align-items: end; justify-content: space-between; gap: 0.75rem 1.25rem;
  padding-bottom: 0.75rem; border-bottom: 1px solid var(--_border);
}
.card-id { color: var(--_muted); font-size: 0.875rem; display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; align-items: center; }
.badge {
  display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.875rem; font-weight: 600;
  background: var(--_warning-soft); color: var(--_warning); border: 1px solid currentColor;
}
/* The features' row (features.js): the same from the first render on, as their parts arrive later. */
.toolbar > .actions { flex: 1 1 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.toolbar > .actions > button, .toolbar > .actions > .folded > button { min-height: 2.25rem; padding: 0.25rem 0.75rem; font-size: 0.875rem; }
/* On a phone the actions after the share link and the quote details fold behind "More actions" (features.js,
   FOLD_AT): one row instead of four, and the total in the first screen. Wider, they are items of the row. */
.toolbar .folded { display: contents; }
.toolbar .more { display: none; }
.toolbar .more::after { content: " \25BE" / ""; }
.toolbar .more[aria-expanded="true"]::after { content: " \25B4" / ""; }
@container (max-width: 520px) {
  .toolbar .more { display: inline-block; }
  /* A dialog a folded feature opened stays (a screen turned to portrait while it is open, say). */
  .toolbar .folded:not(.open, :has(dialog[open], acp-usage-panel)) { display: none; }
}
/* The quote features' items of the row, which show from the first render (features.js; the rest of their
   styles load with them, styles-quotes.js). Closed, the details are one more item of the row; open, a row. */
.qt-details > summary { cursor: pointer; font-weight: 600; font-size: 0.875rem; padding: 0.25rem 0; overflow-wrap: anywhere; }
.qt-ref { order: 1; font-size: 0.875rem; color: var(--_muted); padding: 0 0.25rem; }
.qt-ref strong { color: var(--_fg); font-variant-numeric: tabular-nums; letter-spacing: 0.04em; }
/* Holds the place of what arrives with a feature's code, unseen. */
.stand-in { visibility: hidden; }
.settings { display: flex; flex-wrap: wrap; gap: 0.75rem; max-width: 100%; }
.settings label { display: grid; gap: 0.2rem; font-size: 0.875rem; font-weight: 600; flex: 1 1 auto; min-width: 0; }
.settings select { width: 100%; }

/* Controls ------------------------------------------------------------------------------------- */
input[type="text"], input[type="number"], input[type="search"], select {
  min-height: 2.5rem; padding: 0.35rem 0.6rem; border: 1px solid var(--_control-border);
  border-radius: calc(var(--_radius) * 0.6); background: var(--_bg); color: var(--_fg); min-width: 0;
}
select { padding-right: 1.75rem; }
input[aria-invalid="true"] { border-color: var(--_danger); border-width: 2px; }
input:disabled, select:disabled { opacity: 0.6; }
input[type="number"] { width: 4.75rem; text-align: right; }
input.num { text-align: right; font-variant-numeric: tabular-nums; }
input[type="range"] { width: 100%; min-width: 0; accent-color: var(--_accent); margin: 0; height: 2rem; }
button {
  cursor: pointer; min-height: 2.5rem; padding: 0.35rem 0.9rem; border-radius: calc(var(--_radius) * 0.6);
  border: 1px solid var(--_control-border); background: var(--_surface); color: var(--_fg);
}
button:hover { background: var(--_surface-2); }
button.primary { background: var(--_accent); color: var(--_accent-fg); border-color: var(--_accent); font-weight: 600; }
.field { display: grid; gap: 0.3rem; }
.field > label, .label { font-weight: 600; }
.hint { color: var(--_muted); font-size: 0.875rem; }
.error-text { color: var(--_danger); font-size: 0.875rem; font-weight: 600; }
.with-unit { display: flex; align-items: center; gap: 0.5rem; }
.with-unit input { flex: 1 1 8rem; }
.with-unit .unit { color: var(--_muted); font-size: 0.9375rem; }
fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
legend { padding: 0; font-weight: 600; margin-bottom: 0.4rem; }
.segmented { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.segmented label {
  display: inline-flex; align-items: center; gap: 0.4rem; padding: 0.35rem 0.75rem; min-height: 2.5rem;
  border: 1px solid var(--_control-border); border-radius: 999px; cursor: pointer; background: var(--_bg);
}
.segmented label:has(input:checked) { background: var(--_accent-soft); border-color: var(--_accent); font-weight: 600; }
.segmented input { accent-color: var(--_accent); margin: 0; }

/* Input sections -------------------------------------------------------------------------------- */
.inputs { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_gap); min-width: 0; }
.panel {
  background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius);
  padding: 1rem; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.9rem; min-width: 0;
}
/* The result sections and the exact grid's countries may be far off screen: they are laid out and painted
   only near the viewport (content-visibility: auto), so a 40-line update's frame lays out and paints what a
   person can see (BENCHMARKS.md, "Off-screen sections skipped"). Off screen, each keeps the size it last
   had, or the estimate until it has been drawn. Not the input panels: with the field a person types in
   inside such a section, each key press cost the compositor three times as much. The clip margin keeps the
   focus ring (3 px, 2 px out) of a control at a section's edge from the paint containment that comes with
   content-visibility; a browser without overflow-clip-margin (Safari) would clip it, so there every section
   is drawn, as before. Printed, everything is drawn. */
@supports (overflow-clip-margin: 0.5rem) {
  .results > section, .exact fieldset { content-visibility: auto; contain-intrinsic-size: auto 30rem; overflow-clip-margin: 0.5rem; }
  .exact fieldset { contain-intrinsic-size: auto 14rem; }
}
@media print { .results > section, .exact fieldset { content-visibility: visible; } }
.panel > h2, .results h2 { font-size: 1.125rem; line-height: 1.3; display: flex; align-items: baseline; gap: 0.5rem; }
.step {
  display: inline-grid; place-items: center; width: 1.6rem; height: 1.6rem; border-radius: 50%;
  background: var(--_accent); color: var(--_accent-fg); font-size: 0.875rem; flex: none;
}

/* Country picker -------------------------------------------------------------------------------- */
.picker { position: relative; display: grid; gap: 0.3rem; }
.picker input { width: 100%; }
.listbox {
  position: absolute; z-index: 5; top: 100%; left: 0; right: 0; margin-top: 0.25rem; list-style: none;
  max-height: min(22rem, 60vh); overflow-y: auto; background: var(--_bg); border: 1px solid var(--_control-border);
  border-radius: calc(var(--_radius) * 0.6); box-shadow: 0 8px 24px rgba(0, 0, 0, 0.18); padding: 0.25rem;
}
.option { padding: 0.5rem 0.6rem; border-radius: 6px; cursor: pointer; display: grid; gap: 0.2rem; }
.option[aria-selected="true"] { background: var(--_accent-soft); outline: 2px solid var(--_accent); outline-offset: -2px; }
.option[aria-disabled="true"] { cursor: default; }
.option .name { font-weight: 600; }
.code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.8125rem; color: var(--_muted);
  border: 1px solid var(--_border); border-radius: 4px; padding: 0 0.3rem; margin-left: 0.35rem; font-weight: 400;
}
.added { font-size: 0.8125rem; color: var(--_success); font-weight: 600; margin-left: 0.35rem; }
.empty { padding: 0.6rem; color: var(--_muted); }
.tags { display: flex; flex-wrap: wrap; gap: 0.3rem; }
.tag {
  display: inline-flex; align-items: center; gap: 0.25rem; font-size: 0.8125rem; line-height: 1.2;
  padding: 0.15rem 0.45rem; border-radius: 999px; border: 1px solid var(--_border); background: var(--_bg);
}
.tag.on { color: var(--_success); border-color: currentColor; }
.tag.off { color: var(--_muted); text-decoration: line-through; text-decoration-thickness: 1px; }
.tag.warn { color: var(--_warning); border-color: currentColor; background: var(--_warning-soft); }
.reason { font-size: 0.8125rem; color: var(--_muted); }

.chosen { list-style: none; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
.country {
  background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.8);
  padding: 0.6rem 0.6rem 0.6rem 0.8rem; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.35rem;
}
.country-head { display: flex; align-items: center; gap: 0.5rem; }
.country-head .name { font-weight: 600; flex: 1; min-width: 0; }
.remove {
  min-height: 2.25rem; min-width: 2.25rem; padding: 0 0.6rem; border-radius: 999px; font-size: 0.875rem;
  display: inline-flex; align-items: center; gap: 0.3rem;
}
.country-notes { list-style: none; display: grid; gap: 0.2rem; font-size: 0.8125rem; color: var(--_muted); }
.country-notes .warn { color: var(--_warning); }
.none-chosen { color: var(--_muted); }

/* Linked shares --------------------------------------------------------------------------------- */
.shares { display: grid; gap: 0.6rem; }
.share {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: "label num" "range range" "hint hint";
  column-gap: 0.75rem; align-items: center;
}
.share > label { grid-area: label; display: flex; align-items: center; gap: 0.45rem; font-weight: 600; min-width: 0; }
.share .num-wrap { grid-area: num; display: flex; align-items: center; gap: 0.3rem; }
.share input[type="range"] { grid-area: range; }
.share .hint, .share .warn-text { grid-area: hint; }
.warn-text { color: var(--_warning); font-size: 0.8125rem; }
.swatch { width: 1rem; height: 1rem; flex: none; border-radius: 3px; overflow: visible; }
.shares-total { font-size: 0.875rem; color: var(--_muted); }
.mixbar { width: 100%; height: 18px; display: block; }

/* Exact grid ------------------------------------------------------------------------------------ */
.exact { display: grid; gap: 0.75rem; }
.exact fieldset { background: var(--_bg); border: 1px solid var(--_border); border-radius: calc(var(--_radius) * 0.8); padding: 0.6rem 0.8rem 0.8rem; }
.exact legend { padding: 0 0.25rem; }
.exact-row { display: grid; grid-template-columns: minmax(0, 1fr) 6.5rem 5.5rem; gap: 0.5rem; align-items: center; padding: 0.25rem 0; }
.exact-row.head { font-size: 0.8125rem; color: var(--_muted); padding: 0; }
.exact-row input { width: 100%; }
.exact-row .off { grid-column: 2 / 4; font-size: 0.8125rem; color: var(--_muted); }
.exact-row .err { grid-column: 1 / -1; }
.derived { display: grid; gap: 0.4rem; }

/* Volume ---------------------------------------------------------------------------------------- */
.meetings { display: grid; gap: 0.6rem; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); }
.meetings .field input { width: 100%; }
output { font-weight: 600; }

/* Summary --------------------------------------------------------------------------------------- */
.summary {
  background: var(--_accent-soft); border: 1px solid var(--_accent); border-radius: var(--_radius);
  padding: 1rem 1.25rem; display: grid; gap: 0.25rem;
}
@container (min-width: 860px) { .summary { padding: 1.25rem 1.5rem; } }
/* A slim total that follows the scroll on narrow layouts once the summary is out of view. */
.mini-anchor { grid-area: summary; align-self: start; position: sticky; top: 0; height: 0; z-index: 4; }
.mini-total {
  position: absolute; left: 0; right: 0; top: 0; display: flex; justify-content: space-between; align-items: baseline; gap: 0.75rem;
  padding: 0.45rem 0.9rem; background: var(--_accent-soft); border: 1px solid var(--_accent); border-radius: 0 0 var(--_radius) var(--_radius);
  box-shadow: 0 4px 12px rgba(0, 0, 0, 0.15); font-variant-numeric: tabular-nums;
}
.mini-total .amount { font-size: 1.25rem; font-weight: 700; }
.mini-total .label { font-size: 0.875rem; font-weight: 600; }
@container (min-width: 860px) { .mini-anchor { display: none; } }
.total-label { font-weight: 600; color: var(--_fg); }
.total {
  font-size: var(--_total-size); font-weight: 700; line-height: 1.1; letter-spacing: -0.01em;
  font-variant-numeric: tabular-nums; color: var(--_fg); overflow-wrap: anywhere;
}
.per-minute { color: var(--_fg); font-variant-numeric: tabular-nums; }
.verdict { font-weight: 600; }
.summary .warn-text, .summary .stale { font-size: 0.875rem; }
.stale { color: var(--_warning); font-weight: 600; }
.summary.is-stale .total { opacity: 0.55; }
@container (max-width: 520px) {
  .summary { padding: 0.65rem 0.9rem; gap: 0.1rem; }
  .total { font-size: 2rem; }
  .summary .verdict { font-size: 0.875rem; }
}
`;
