// Saved quotes: the element's inputs kept in the browser (localStorage, quote-store.js) for representatives
// working offline: save, list, open, rename and delete, each with its date, its rate card version and its
// total when saved. Loaded when the Saved quotes button is first pressed (lazy-panel.js). A saved quote is
// the element's `request` and, when the element has them (`"details" in element`: the customer and who
// prepared the quote), its `details`. Storage that is full or blocked gives a message and changes nothing on
// the page; opening a quote saved with another rate card says that the rates may have changed.

import { FeatureDialog, storage } from "./feature-dialog.js";
import { NAME_MAX, SAVED_QUOTES_KEY, changeItem, cleanName, isSavedQuote, newId, readList, removeItem, updateList } from "./quote-store.js";

const KEY = SAVED_QUOTES_KEY;

export default class SavedQuotes extends FeatureDialog {
  #list = readList(storage, KEY, isSavedQuote);
  /** "full" or "unavailable" after the last write failed, else null. */
  #writeProblem = null;
  #name = "";
  #nameError = false;
  /** {id, text} of the quote being renamed. */
  #renaming = null;
  /** {entry, index} of the last deleted quote, for Undo. */
  #deleted = null;
  /** What the page shows after a quote was opened with another rate card: {entry, quote}. */
  #notice = null;

  constructor(host, kit) {
    super(host, "saved-quotes", kit);
  }

  willOpen() {
    this.#list = readList(storage, KEY, isSavedQuote);
    this.#writeProblem = null;
    this.#nameError = false;
    this.#renaming = null;
    this.#deleted = null;
    // A name typed earlier stays; else the customer's, when the element knows it.
    const details = "details" in this.host ? this.host.details : null;
    if (!this.#name.trim()) this.#name = details?.customer ? cleanName(details.customer) : "";
  }

  /** Applies `change` to the stored list and says `done`; when storage refuses, says why and changes nothing. */
  #update(tx, change, done) {
    try {
      this.#list = updateList(storage, KEY, isSavedQuote, change);
      this.#writeProblem = null;
      this.say(done);
      return true;
    } catch (e) {
      this.#writeProblem = e?.kind === "full" ? "full" : "unavailable";
      this.say(tx.t(`saved_storage_${this.#writeProblem}`));
      return false;
    } finally {
      this.host.requestUpdate();
    }
  }

  async #focus(key) {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector(`[data-key="${key}"]`)?.focus();
  }

  #save(tx) {
    const name = cleanName(this.#name);
    const quote = this.host.quote;
    if (!name || !quote) {
      this.#nameError = !name;
      this.host.requestUpdate();
      return this.#focus("saved-name");
    }
    const entry = {
      id: newId(),
      name,
      savedAt: new Date().toISOString(),
      cardVersion: quote.rate_card.version,
      currency: quote.currency,
      minorUnits: quote.minor_units,
      total: quote.total,
      request: this.host.request,
    };
    const details = "details" in this.host ? this.host.details : null;
    if (details) entry.details = { customer: String(details.customer ?? ""), preparedBy: String(details.preparedBy ?? "") };
    if (this.#update(tx, (items) => [entry, ...items], tx.t("saved_done", { name }))) this.#name = "";
  }

  #rename(tx, id) {
    const name = cleanName(this.#renaming?.text);
    if (!name) return this.#focus(`saved-rename-${id}`);
    if (this.#update(tx, (items) => changeItem(items, id, (x) => ({ ...x, name })), tx.t("saved_renamed", { name }))) {
      this.#renaming = null;
      this.#focus(`saved-rename-button-${id}`);
    }
  }

  #delete(tx, entry) {
    const index = this.#list.items.findIndex((x) => x.id === entry.id);
    if (!this.#update(tx, (items) => removeItem(items, entry.id), tx.t("saved_deleted", { name: entry.name }))) return;
    this.#deleted = { entry, index };
    this.#focus("saved-undo");
  }

  #undo(tx) {
    const { entry, index } = this.#deleted;
    const back = (items) => [...items.slice(0, index), entry, ...items.slice(index)];
    if (this.#update(tx, back, tx.t("saved_restored", { name: entry.name }))) {
      this.#deleted = null;
      this.#focus(`saved-open-${entry.id}`);
    }
  }

  #open(tx, entry) {
    this.host.request = entry.request;
    if (entry.details && "details" in this.host) this.host.details = { ...entry.details };
    const quote = this.host.quote;
    const changed = !!quote && quote.rate_card.version !== entry.cardVersion;
    this.#notice = changed ? { entry, quote } : null;
    this.pageSaid = changed ? this.#changedText(tx, entry, quote) : tx.t("saved_opened", { name: entry.name });
    this.close();
  }

  #changedText(tx, entry, quote) {
    const then = entry.total === null ? "—" : this.money(tx, entry.currency, entry.minorUnits ?? this.kit.decimal.scaleOf(entry.total), entry.total);
    return tx.t("saved_card_changed", {
      name: entry.name,
      saved: entry.cardVersion,
      current: quote.rate_card.version,
      then,
      now: this.money(tx, quote.currency, quote.minor_units, quote.total),
    });
  }

  // ---- What it shows -------------------------------------------------------------------------------

  render(tx) {
    const { html, nothing } = this.kit;
    const notice = this.#notice;
    return html`${this.frame(tx, tx.t("saved_title"), () => this.#body(tx))}${
      notice
        ? html`<div class="notice saved-notice" data-key="saved-notice"><p>${this.#changedText(tx, notice.entry, notice.quote)}</p>
            <button type="button" @click=${() => ((this.#notice = null), this.host.requestUpdate())}>${tx.t("dismiss")}</button></div>`
        : nothing
    }`;
  }

  #body(tx) {
    const { html, nothing, live, repeat } = this.kit;
    const t = tx.t;
    const items = this.#list.items;
    const canSave = !!this.host.quote && this.#list.problem !== "unavailable";
    return html`${this.storageNotes(tx, this.#list, this.#writeProblem, "saved")}
      <form class="save-form" novalidate @submit=${(e) => (e.preventDefault(), this.#save(tx))}>
        <div class="field">
          <label for="saved-name">${t("saved_name")}</label>
          <input id="saved-name" type="text" data-key="saved-name" maxlength=${NAME_MAX} autocomplete="off" .value=${live(this.#name)}
            aria-invalid=${this.#nameError ? "true" : nothing} aria-describedby="saved-name-err"
            @input=${(e) => ((this.#name = e.target.value), (this.#nameError = false), this.host.requestUpdate())}>
          <p class="error-text" id="saved-name-err" ?hidden=${!this.#nameError}>${t("saved_name_needed")}</p>
        </div>
        <button type="submit" class="primary" data-key="saved-save" ?disabled=${!canSave}>${t("saved_save")}</button>
      </form>
      ${this.#deleted
        ? html`<p class="feature-actions">${t("saved_deleted", { name: this.#deleted.entry.name })}
            <button type="button" data-key="saved-undo" @click=${() => this.#undo(tx)}>${t("undo")}</button></p>`
        : nothing}
      <h3>${t("saved_list", { count: items.length })}</h3>
      ${items.length
        ? html`<ul class="saved-list">${repeat(items, (x) => x.id, (x) => this.#item(tx, x))}</ul>`
        : html`<p class="empty-state">${t("saved_empty")}</p>`}`;
  }

  #item(tx, x) {
    const { html, nothing, live } = this.kit;
    const t = tx.t;
    const date = new Intl.DateTimeFormat(tx.locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(x.savedAt));
    const total = x.total === null ? "—" : this.money(tx, x.currency, x.minorUnits ?? this.kit.decimal.scaleOf(x.total), x.total);
    const renaming = this.#renaming?.id === x.id;
    const id = `saved-${x.id}`;
    const rename = html`<form class="rename" novalidate @submit=${(e) => (e.preventDefault(), this.#rename(tx, x.id))}>
      <label for="${id}-rename">${t("saved_new_name")}</label>
      <input id="${id}-rename" type="text" data-key="saved-rename-${x.id}" maxlength=${NAME_MAX} autocomplete="off" .value=${live(this.#renaming?.text ?? "")}
        @input=${(e) => (this.#renaming = { id: x.id, text: e.target.value })}
        @keydown=${(e) => e.key === "Escape" && (e.preventDefault(), (this.#renaming = null), this.host.requestUpdate(), this.#focus(`saved-rename-button-${x.id}`))}>
      <button type="submit" class="primary">${t("saved_rename_save")}</button>
      <button type="button" @click=${() => ((this.#renaming = null), this.host.requestUpdate(), this.#focus(`saved-rename-button-${x.id}`))}>${t("cancel")}</button>
    </form>`;
    return html`<li class="saved" aria-labelledby="${id}-name">
      <div class="saved-head"><span class="saved-name" id="${id}-name" data-key="saved-item-name">${x.name}</span>
        <strong class="tnum">${total}</strong></div>
      <p class="hint">${t("saved_meta", { date, version: x.cardVersion })}${x.details?.customer ? html` · ${x.details.customer}` : nothing}</p>
      ${renaming
        ? rename
        : html`<div class="feature-actions">
            <button type="button" data-key="saved-open-${x.id}" aria-label=${t("saved_open_named", { name: x.name })} @click=${() => this.#open(tx, x)}>${t("saved_open")}</button>
            <button type="button" data-key="saved-rename-button-${x.id}" aria-label=${t("saved_rename_named", { name: x.name })}
              @click=${() => ((this.#renaming = { id: x.id, text: x.name }), this.host.requestUpdate(), this.#focus(`saved-rename-${x.id}`))}>${t("saved_rename")}</button>
            <button type="button" data-key="saved-delete-${x.id}" aria-label=${t("saved_delete_named", { name: x.name })} @click=${() => this.#delete(tx, x)}>${t("saved_delete")}</button>
          </div>`}
    </li>`;
  }
}
