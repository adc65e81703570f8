// The styles of the lazily loaded toolbar features (feature-dialog.js, scenarios.js, saved-quotes.js):
// adopted into the element's shadow root when the first of them loads, so the first load does not carry
// them. Colours and sizes come from the element's --_* properties (styles.js).

export const FEATURE_CSS = String.raw`
dialog.feature {
  width: min(calc(100vw - 1rem), 72rem); max-width: none; max-height: calc(100dvh - 1rem); padding: 0;
  border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); color: var(--_fg);
  box-shadow: 0 16px 48px rgba(0, 0, 0, 0.3);
}
dialog.feature::backdrop { background: rgba(0, 0, 0, 0.45); }
.dialog-head {
  position: sticky; top: 0; z-index: 1; display: flex; align-items: center; justify-content: space-between; gap: 1rem;
  padding: 0.75rem 1rem; background: var(--_surface); border-bottom: 1px solid var(--_border);
}
.dialog-head h2 { font-size: 1.25rem; }
.dialog-body { padding: 1rem; display: grid; gap: 1rem; container-type: inline-size; }
.dialog-body h3 { font-size: 1rem; }
.feature-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.feature-actions .hint { flex: 1 1 12rem; }
.empty-state { color: var(--_muted); }
.dialog-body button:disabled { opacity: 0.55; cursor: not-allowed; }

.scenarios { list-style: none; display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; align-items: start; }
@container (min-width: 720px) {
  .scenarios { grid-template-columns: repeat(3, minmax(0, 1fr)); }
}
.scenario, .saved {
  display: grid; gap: 0.6rem; padding: 0.9rem; min-width: 0;
  background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius);
}
.scenario input[type="text"] { width: 100%; font-weight: 600; }
.scenario-total { display: grid; gap: 0.1rem; }
.scenario-total .label { font-size: 0.875rem; color: var(--_muted); }
.scenario-total strong { font-size: 1.75rem; line-height: 1.2; overflow-wrap: anywhere; }
.scenario-diff strong { font-size: 1.125rem; }
.base-note { font-size: 0.875rem; color: var(--_muted); font-style: italic; }
.changes { list-style: none; display: grid; gap: 0.35rem; font-size: 0.9375rem; }
.changes li { padding-left: 0.6rem; border-left: 3px solid var(--_accent); overflow-wrap: anywhere; }

.save-form { display: flex; flex-wrap: wrap; align-items: end; gap: 0.75rem; }
.save-form .field { flex: 1 1 16rem; }
.save-form input, .rename input { width: 100%; }
.rename { display: flex; flex-wrap: wrap; align-items: end; gap: 0.5rem; }
.rename label { flex: 1 0 100%; font-weight: 600; font-size: 0.875rem; }
.rename input { flex: 1 1 12rem; }
.saved-list { list-style: none; display: grid; gap: 0.75rem; }
.saved-head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.25rem 1rem; align-items: baseline; }
.saved-name { font-weight: 600; overflow-wrap: anywhere; min-width: 0; }
.saved-notice { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; flex: 1 0 100%; }
.saved-notice p { flex: 1 1 20rem; }
@media (forced-colors: active) {
  dialog.feature, .scenario, .saved { border: 1px solid CanvasText; }
}
`;
