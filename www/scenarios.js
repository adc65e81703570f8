// Scenarios: up to three sets of inputs side by side (today's usage, growth, another mix or currency), each
// with its name, its total and what changed against the first one, line by line (scenario-diff.js). Loaded
// when the Scenarios button is first pressed (lazy-panel.js). A scenario is the element's `request` at
// the time it was added; every scenario is priced again, with `priceLines` of the core the element uses
// (core.js) and the element's rate card, each time the dialog opens. The list survives a reload
// (localStorage, quote-store.js); where storage fails it lasts until the page is closed, and says so.

import { FeatureDialog, storage } from "./feature-dialog.js";
import { NAME_MAX, SCENARIOS_KEY, cleanName, changeItem, isScenario, newId, readList, removeItem, updateList } from "./quote-store.js";
import { scenarioDiff } from "./scenario-diff.js";

/** How many scenarios are compared at most. */
export const MAX_SCENARIOS = 3;

export default class Scenarios extends FeatureDialog {
  /** readList's state: {items, unreadable, problem, ...}; items [{id, name, request}]. */
  #list;
  /** Scenario id -> {priced} or {error}. */
  #priced = new Map();
  /** "full" or "unavailable" after a write failed, else null. */
  #writeProblem = null;
  /** {src, version, calc}: the Calculator scenarios are priced with, for the card the element's quote names. */
  #card = null;
  /** scenario-diff.js on decimal.js's arithmetic. */
  #diff;

  constructor(host, kit) {
    super(host, "scenarios", kit);
    this.#diff = scenarioDiff(kit.decimal);
    this.#list = readList(storage, SCENARIOS_KEY, isScenario);
  }

  async willOpen() {
    await this.#priceAll();
  }

  // ---- Pricing -------------------------------------------------------------------------------------

  /**
   * A Calculator for the rate card the element's quote names: its rates-src card, or the built-in one
   * (which the element also falls back to).
   */
  async #calculator() {
    const { builtInCard, fetchCard } = this.kit;
    const version = this.host.quote?.rate_card.version ?? null;
    const src = this.host.ratesSrc || "";
    if (this.#card && this.#card.src === src && this.#card.version === version) return this.#card.calc;
    this.#card?.calc.free?.();
    this.#card = null;
    let calc = src ? await fetchCard(new URL(src, document.baseURI).href).catch(() => null) : null;
    if (!calc || (version !== null && calc.rateCard().version !== version)) {
      calc?.free?.();
      calc = await builtInCard();
    }
    this.#card = { src, version, calc };
    return calc;
  }

  async #priceAll() {
    let calc;
    try {
      calc = await this.#calculator();
    } catch (e) {
      const error = { code: e?.code ?? "error", message: String(e?.message ?? e) };
      for (const s of this.#list.items) this.#priced.set(s.id, { error });
      return;
    }
    this.#priced = new Map(this.#list.items.map((s) => [s.id, this.#price(calc, s.request)]));
  }

  #price(calc, request) {
    try {
      return { priced: calc.priceLines(request) };
    } catch (e) {
      return { error: { code: e?.code ?? "error", path: e?.path ?? "", message: String(e?.message ?? e) } };
    }
  }

  // ---- Changes -------------------------------------------------------------------------------------

  /** Applies `change` to the stored list; when storage refuses, to the list on screen only (and says so). */
  #update(change) {
    try {
      this.#list = updateList(storage, SCENARIOS_KEY, isScenario, change);
      this.#writeProblem = null;
    } catch (e) {
      this.#list = { ...this.#list, items: change(this.#list.items) };
      this.#writeProblem = e?.kind ?? "unavailable";
    }
    this.host.requestUpdate();
  }

  async #add(tx) {
    const taken = new Set(this.#list.items.map((s) => s.name));
    let n = this.#list.items.length + 1;
    while (taken.has(tx.t("scenario_default_name", { n }))) n++;
    const scenario = { id: newId(), name: tx.t("scenario_default_name", { n }), request: this.host.request };
    this.#update((items) => [...items, scenario].slice(-MAX_SCENARIOS));
    const calc = await this.#calculator().catch(() => null);
    if (calc) this.#priced.set(scenario.id, this.#price(calc, scenario.request));
    this.say(tx.t("scenario_added", { name: scenario.name }));
    await this.host.updateComplete;
    this.host.renderRoot.querySelector(`[data-key="scenario-name-${scenario.id}"]`)?.focus();
  }

  /** A name as typed is kept as it is (a space typed last stays), and trimmed once the field is left. */
  #rename(id, text, done = false) {
    const name = done ? cleanName(text) : [...text].slice(0, NAME_MAX).join("");
    this.#update((items) => changeItem(items, id, (s) => ({ ...s, name })));
  }

  async #remove(tx, s) {
    const i = this.#list.items.findIndex((x) => x.id === s.id);
    this.#update((items) => removeItem(items, s.id));
    this.#priced.delete(s.id);
    this.say(tx.t("scenario_removed", { name: this.#name(tx, s, i) }));
    await this.host.updateComplete;
    const next = this.#list.items[Math.min(i, this.#list.items.length - 1)];
    this.host.renderRoot.querySelector(next ? `[data-key="scenario-remove-${next.id}"]` : '[data-key="scenario-add"]')?.focus();
  }

  #openInCalculator(tx, s, i) {
    this.host.request = s.request;
    this.pageSaid = tx.t("scenario_opened", { name: this.#name(tx, s, i) });
    this.close();
  }

  // ---- What it shows -------------------------------------------------------------------------------

  #name(tx, s, i) {
    return s.name || tx.t("scenario_default_name", { n: i + 1 });
  }

  render(tx) {
    return this.frame(tx, tx.t("scenarios_title"), () => this.#body(tx));
  }

  #body(tx) {
    const { html, nothing, repeat } = this.kit;
    const t = tx.t;
    const items = this.#list.items;
    const full = items.length >= MAX_SCENARIOS;
    const canAdd = !full && !!this.host.quote;
    return html`<p class="hint">${t("scenarios_intro", { max: MAX_SCENARIOS })}</p>
      ${this.storageNotes(tx, this.#list, this.#writeProblem, "scenarios")}
      <div class="feature-actions">
        <button type="button" class="primary" data-key="scenario-add" ?disabled=${!canAdd} aria-describedby=${full ? "scenarios-full" : nothing}
          @click=${() => this.#add(tx)}>${t("scenario_add")}</button>
        ${full ? html`<p class="hint" id="scenarios-full">${t("scenarios_full", { max: MAX_SCENARIOS })}</p>` : nothing}
      </div>
      ${items.length
        ? html`<ol class="scenarios">${repeat(items, (s) => s.id, (s, i) => this.#scenario(tx, s, i, items[0]))}</ol>`
        : html`<p class="empty-state">${t("scenarios_empty")}</p>`}`;
  }

  #scenario(tx, s, i, base) {
    const { html, nothing, live, outside } = this.kit;
    const t = tx.t;
    const name = this.#name(tx, s, i);
    const result = this.#priced.get(s.id);
    const id = `scenario-${s.id}`;
    return html`<li class="scenario">
      <div class="field">
        <label for="${id}-name">${t("scenario_name", { n: i + 1 })}</label>
        <input id="${id}-name" type="text" data-key="scenario-name-${s.id}" maxlength=${NAME_MAX} autocomplete="off" .value=${live(s.name)}
          @input=${(e) => this.#rename(s.id, e.target.value)} @change=${(e) => this.#rename(s.id, e.target.value, true)}>
      </div>
      ${result?.priced ? this.#summary(tx, s, i, base, result.priced) : result?.error ? html`<p class="error-text">${t("scenario_not_priced")} ${outside(result.error.message)}</p>` : nothing}
      <div class="feature-actions">
        <button type="button" data-key="scenario-open-${s.id}" aria-label=${t("scenario_open_named", { name })} @click=${() => this.#openInCalculator(tx, s, i)}>${t("scenario_open")}</button>
        <button type="button" data-key="scenario-remove-${s.id}" aria-label=${t("scenario_remove_named", { name })} @click=${() => this.#remove(tx, s)}>${t("remove")}</button>
      </div>
    </li>`;
  }

  #summary(tx, s, i, base, priced) {
    const { html, nothing } = this.kit;
    const t = tx.t;
    const money = (v, signed) => this.money(tx, priced.currency, priced.minor_units, v, signed);
    const countries = new Set(s.request.lines.map((l) => l.country)).size;
    return html`<p class="scenario-total"><span class="label">${t("total_label")}</span> <strong class="tnum" data-key="scenario-total">${money(priced.total)}</strong></p>
      <p class="hint">${t("scenario_facts", { countries, n: countries })}${
        priced.unavailable_minutes !== "0" ? html` ${t("scenario_unpriced", { minutes: this.minutes(tx, priced.unavailable_minutes), n: priced.unavailable_minutes })}` : nothing
      }</p>
      ${i === 0 ? html`<p class="base-note">${t("scenario_is_base")}</p>` : this.#difference(tx, s, base, priced)}`;
  }

  #difference(tx, s, base, priced) {
    const { html, nothing } = this.kit;
    const t = tx.t;
    const baseResult = this.#priced.get(base.id);
    const baseName = this.#name(tx, base, 0);
    if (!baseResult?.priced) return html`<p class="hint">${t("scenario_base_not_priced", { base: baseName })}</p>`;
    const d = this.#diff.difference({ request: base.request, priced: baseResult.priced }, { request: s.request, priced });
    const money = (v) => this.money(tx, priced.currency, priced.minor_units, v, true);
    const head = d.comparable
      ? html`<p class="scenario-diff" data-key="scenario-diff"><strong class="tnum">${money(d.total)}</strong> ${t("scenario_against", { base: baseName })}</p>`
      : html`<p class="notice">${t("scenario_other_currency", { base: baseName, from: d.currencies[0], to: d.currencies[1] })}</p>`;
    const changes = d.lines.map(
      (l) => html`<li data-key="scenario-change">${t("scenario_change", {
        country: tx.name(l.country),
        kind: tx.kind(l.kind),
        minutes: this.minutes(tx, l.minutes.change, true),
        n: l.minutes.change.replace("-", ""),
      })}${l.cost ? html`, <span class="tnum">${money(l.cost.change)}</span>` : nothing}</li>`,
    );
    if (d.users) changes.push(html`<li>${t("scenario_users", { from: d.users.from ?? "—", to: d.users.to ?? "—" })}</li>`);
    return html`${head}${changes.length
      ? html`<ul class="changes" aria-label=${t("scenario_changes", { base: baseName })}>${changes}</ul>`
      : html`<p class="hint">${t("scenario_no_change")}</p>`}`;
  }
}
