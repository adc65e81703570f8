// Small templates the input panels share: a numbered panel, a labelled number field with its error, and a
// row of radio buttons. Native controls throughout: they bring keyboard use and accessibility for free.

import { html, nothing } from "lit";
import { live } from "lit/directives/live.js";
import { FIELDS } from "./fields.js";

/** A numbered input panel (1 to 4): a section named by its heading, whose step number is decoration. */
export function numberedPanel(id, step, heading, content) {
  return html`<section class="panel" aria-labelledby="${id}-h">
    <h2 id="${id}-h"><span class="step" aria-hidden="true">${step}</span>${heading}</h2>
    ${content}
  </section>`;
}

/**
 * A labelled text input for a state field (fields.js FIELDS), with its error message; `onInput(name, text)`
 * gets what was typed.
 */
export function textField(tx, form, name, label, onInput, { hint, unit } = {}) {
  const field = form.fields[name];
  const id = `f-${name}`;
  const error = tx.fieldError(field, FIELDS[name]);
  const input = html`<input id=${id} type="text" class="num" inputmode=${FIELDS[name].decimals ? "decimal" : "numeric"} autocomplete="off"
    data-key=${id} data-field=${name} aria-describedby=${hint ? `${id}-hint ${id}-err` : `${id}-err`} aria-invalid=${error ? "true" : nothing}
    .value=${live(field.text)} @input=${(e) => onInput(name, e.target.value)}>`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    ${unit ? html`<div class="with-unit">${input}<span class="unit">${unit}</span></div>` : input}
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    <p class="error-text" id="${id}-err" ?hidden=${!error}>${error}</p>
  </div>`;
}

/** Radio buttons in a segmented row: `options` [{value, label}], the checked one `value`. */
export function segmented(name, options, value, onPick) {
  return html`<div class="segmented">${options.map(
    (o) => html`<label><input type="radio" name=${name} value=${o.value} data-key="${name}-${o.value}" .checked=${live(o.value === value)}
      @change=${() => onPick(o.value)}>${o.label}</label>`,
  )}</div>`;
}
