// Above the calculator: the loading note and a rate card that failed (with retry and the built-in rates),
// and the toolbar (the card's version, currency and language).

import { html, nothing } from "lit";
import { live } from "lit/directives/live.js";
import { SUPPORTED_LANGUAGES, LANGUAGE_NAMES, LANGUAGE_WORD } from "./i18n.js";
import { outside } from "./text.js";

/** Loading and rate-card errors. loadError: {src, error} or null; on.retry(), on.builtIn(). */
export function status(tx, { loading, hasCard, version, loadError }, on) {
  const t = tx.t;
  const loadingNote = loading && !hasCard ? html`<p class="loading" role="status">${t("loading")}</p>` : nothing;
  if (!loadError) return loadingNote;
  const { src, error } = loadError;
  const code = error?.code ?? "rate_card_fetch";
  const problems = Array.isArray(error?.problems) ? error.problems : [];
  const title = code === "invalid_rate_card" ? "card_invalid_title" : code === "core_load" ? "core_failed_title" : "card_fetch_title";
  return html`${loadingNote}<div class="alert" role="alert" part="error">
    <strong>${t(title)}</strong>
    <p>${t("card_failed_body", { url: "" })}${outside(src || "—", "url")}</p>
    <p class="hint">${outside(String(error?.message ?? error))}</p>
    ${problems.length
      ? html`<ul>${problems.slice(0, 8).map((p) => html`<li>${outside(p.path ? `${p.path}: ${p.message}` : p.message)}</li>`)}${
          problems.length > 8 ? html`<li>${t("more_problems", { count: problems.length - 8 })}</li>` : nothing
        }</ul>`
      : nothing}
    <p>${hasCard ? t("card_failed_kept", { version: version ?? "" }) : t("card_failed_inputs_kept")}</p>
    <div class="actions">
      <button type="button" class="primary" @click=${on.retry}>${t("retry")}</button>
      ${src ? html`<button type="button" @click=${on.builtIn}>${t("use_builtin")}</button>` : nothing}
    </div>
  </div>`;
}

/**
 * The toolbar. `currency` the code in use; on.currency(code), on.language(lang). The selects get both
 * `selected` options (for the first render, when the options do not exist yet as the value is set) and
 * their `value` (afterwards, when a person's earlier choice would otherwise keep its option selected).
 */
export function toolbar(tx, rateCard, currency, on) {
  const t = tx.t;
  const names = new Intl.DisplayNames([tx.locale], { type: "currency", fallback: "code" });
  const currencyName = (code) => {
    let name;
    try {
      name = names.of(code);
    } catch {
      name = code;
    }
    return name && name !== code ? `${code} — ${name}` : code;
  };
  return html`<div class="card-id">${
    rateCard
      ? html`<span>${t("rate_card_version", { version: rateCard.version, date: tx.fmt.date(rateCard.effective_date) })}</span>${
          rateCard.illustrative ? html`<span class="badge">${t("illustrative_badge")}</span>` : nothing
        }`
      : nothing
  }</div>
    <div class="settings">
      <label for="currency">${t("currency")}<select id="currency" data-key="currency" .value=${live(currency)} @change=${(e) => on.currency(e.target.value)}>
        ${(rateCard?.currencies ?? []).map((c) => html`<option value=${c.code} ?selected=${c.code === currency}>${currencyName(c.code)}</option>`)}
      </select></label>
      <label for="language"><span>${t("language")}${SUPPORTED_LANGUAGES.filter((l) => l !== tx.lang).map(
        (l) => html`<span lang=${l} class="other-lang"> · ${LANGUAGE_WORD[l]}</span>`,
      )}</span><select id="language" data-key="language" .value=${live(tx.lang)} @change=${(e) => on.language(e.target.value)}>
        ${SUPPORTED_LANGUAGES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === tx.lang}>${LANGUAGE_NAMES[l]}</option>`)}
      </select></label>
    </div>`;
}
