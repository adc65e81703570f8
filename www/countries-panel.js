// Panel 1: the countries (the picker, the chosen countries with what is offered there) and how the minutes
// are split between them (equally, by share, or exact minutes per country and kind).

import { html, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { live } from "lit/directives/live.js";
import { availability } from "./country-picker.js";
import { kindSwatch } from "./chart.js";
import { sharesControl } from "./shares.js";
import { numberedPanel, segmented } from "./ui.js";
import { FIELDS } from "./fields.js";
import { KINDS, cell } from "./state.js";
import { outside } from "./text.js";

/** Chosen countries shown (in the list and the exact grid) before the rest are collapsed. */
export const COUNTRIES_SHOWN = 12;

/** The reasons a country's kinds are not offered, one line per distinct reason. */
function reasons(tx, code) {
  const t = tx.t;
  const info = tx.countries.get(code);
  if (!info) return [];
  const out = tx.reasonGroups(code, info.unavailable).map((g) => html`<li class="warn">${tx.reason(code, g)}</li>`);
  if (info.comm_credits === false) out.push(html`<li class="warn">${t("no_credits_reason", { country: tx.name(code) })}</li>`);
  if (info.ppm_only) out.push(html`<li>${t("ppm_only_reason")}</li>`);
  if (info.notes) out.push(html`<li>${t("card_note")}: ${outside(info.notes)}</li>`);
  return out;
}

function chosenCountry(tx, code, on) {
  const notes = reasons(tx, code);
  return html`<li class="country">
    <div class="country-head">
      <span class="name">${tx.name(code)}<span class="code">${code}</span></span>
      <button type="button" class="remove" data-key="remove-${code}" aria-label=${tx.t("remove_country", { country: tx.name(code) })} @click=${() => on.removeCountry(code)}>
        <span aria-hidden="true">✕</span><span aria-hidden="true">${tx.t("remove")}</span>
      </button>
    </div>
    ${availability(tx, code)}
    ${notes.length ? html`<ul class="country-notes">${notes}</ul>` : nothing}
  </li>`;
}

/** Exact minutes and calls per country and kind; a kind not offered shows why instead of inputs. */
function exactGrid(tx, form, shown, on) {
  const t = tx.t;
  const country = (c) => {
    const info = tx.countries.get(c);
    const offered = new Set(info?.offered ?? []);
    const row = (k) => {
      const x = cell(form, c, k, tx.locale);
      const why = () => {
        const u = info?.unavailable.find((y) => y.kind === k);
        return u ? tx.kindReason(c, k, u) : t("not_in_card");
      };
      const key = `${c}|${k}`;
      const errors = [...new Set([tx.fieldError(x.minutes, FIELDS.cellMinutes), tx.fieldError(x.calls, FIELDS.cellCalls)].filter(Boolean))].join(" ");
      const input = (which, label) => {
        const error = tx.fieldError(x[which], which === "calls" ? FIELDS.cellCalls : FIELDS.cellMinutes);
        return html`<input type="text" inputmode=${which === "calls" ? "numeric" : "decimal"} class="num" autocomplete="off" id="x-${c}-${k}-${which}" data-key="x-${c}-${k}-${which}"
          data-field="cell:${key}:${which}" aria-label="${tx.name(c)}, ${tx.kind(k)}: ${label}" aria-describedby="x-${c}-${k}-err" aria-invalid=${error ? "true" : nothing}
          .value=${live(x[which].text)} @input=${(e) => on.cell(key, which, e.target.value)}>`;
      };
      const body =
        !offered.has(k) && x.minutes.text === ""
          ? html`<span class="off">${why()}</span>`
          : html`${input("minutes", t("minutes"))}${input("calls", t("calls"))}${offered.has(k) ? nothing : html`<span class="off err">${why()}</span>`}`;
      return html`<div class="exact-row"><span class="kind-label" id="x-${c}-${k}-l">${kindSwatch(tx.uid, k)}${tx.kind(k)}</span>${body}
        <p class="error-text err" id="x-${c}-${k}-err" ?hidden=${!errors}>${errors}</p></div>`;
    };
    return html`<fieldset>
      <legend>${tx.name(c)}<span class="code">${c}</span></legend>
      <div class="exact-row head" aria-hidden="true"><span>${t("kind")}</span><span>${t("minutes")}</span><span>${t("calls_optional")}</span></div>
      ${KINDS.map(row)}
    </fieldset>`;
  };
  return html`<div class="exact"><p class="hint">${t("exact_hint")}</p>${repeat(shown, (c) => c, country)}</div>`;
}

/**
 * The panel. `picker` is the CountryPicker controller; `all`: every chosen country shown, not only the
 * first COUNTRIES_SHOWN; `on` the element's handlers: addCountry(code), removeCountry(code), split(mode),
 * weights(values, announcement), cell(key, which, text), allCountries(all).
 */
export function countriesPanel(tx, form, picker, all, on) {
  const t = tx.t;
  const has = form.countries.length > 0;
  const many = form.countries.length > COUNTRIES_SHOWN;
  const shown = many && !all ? form.countries.slice(0, COUNTRIES_SHOWN) : form.countries;
  const more = many
    ? html`<p class="more"><button type="button" data-key="countries-more" aria-expanded=${all ? "true" : "false"} @click=${() => on.allCountries(!all)}>${
        all ? t("show_fewer_countries") : t("show_all_countries", { count: tx.fmt.number(String(form.countries.length)), n: form.countries.length })
      }</button></p>`
    : nothing;
  let body = nothing;
  if (has && form.split === "custom") {
    body = sharesControl(tx, {
      id: "country-shares",
      keys: form.countries,
      values: form.weights,
      label: (c) => tx.name(c),
      onChange: on.weights,
      groupLabel: t("country_shares"),
    });
  } else if (has && form.split === "exact") body = exactGrid(tx, form, shown, on); // "more" above serves both lists
  const modes = ["equal", "custom", "exact"].map((m) => ({ value: m, label: t(`split_${m}`) }));
  return numberedPanel(
    "countries",
    "1",
    t("countries_heading"),
    html`${picker.render(tx, form.countries, on.addCountry)}
      ${has
        ? html`<ul class="chosen" aria-label=${t("chosen_countries")}>${repeat(shown, (c) => c, (c) => chosenCountry(tx, c, on))}</ul>${more}
            <fieldset class="split"><legend>${t("split_legend")}</legend>${segmented("split", modes, form.split, on.split)}</fieldset>`
        : html`<p class="none-chosen">${t("no_countries")}</p>`}
      ${body}`,
  );
}
