// The country picker: an ARIA 1.2 combobox (a text input with a listbox popup) that searches the card's
// countries by name in the current language, by English name and by ISO code. Its state (query, open,
// active option) lives in a lit ReactiveController; the chosen countries live in the form state.

import { html, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";

/** Removes accents and case for matching names typed in any language. */
export function fold(text, locale) {
  return String(text).normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase(locale);
}

/** Availability tags for a country: toll, toll-free, dial-out, credits, not sold. */
export function availability(tx, code) {
  const t = tx.t;
  const info = tx.countries.get(code);
  if (!info) return html`<span class="tags"><span class="tag warn">${t("not_in_card")}</span></span>`;
  const tag = (on, label) =>
    html`<span class="tag ${on ? "on" : "off"}"><span aria-hidden="true">${on ? "✓" : "✕"}</span>${label}<span class="sr-only">${on ? "" : ` (${t("not_offered_short")})`}</span></span>`;
  const offered = new Set(info.offered);
  const dialIn = offered.has("toll") || offered.has("toll_free");
  const dialOut = offered.has("dial_out_landline") || offered.has("dial_out_mobile");
  return html`<span class="tags">${tag(offered.has("toll"), t("tag_toll"))}${tag(offered.has("toll_free"), t("tag_toll_free"))}${tag(dialOut, t("tag_dial_out"))}${
    // Without Audio Conferencing a country can still be called from a meeting: say so plainly.
    info.audio_conferencing ? nothing : html`<span class="tag warn">${t(dialOut && !dialIn ? "tag_dial_out_only" : "tag_not_sold")}</span>`
  }${
    // comm_credits === null (unknown, a dial-out destination) shows nothing: buying credits there is moot.
    info.comm_credits === false ? html`<span class="tag warn">${t("tag_no_credits")}</span>` : nothing
  }${info.ppm_only ? html`<span class="tag">${t("tag_ppm_only")}</span>` : nothing}</span>`;
}

export class CountryPicker {
  open = false;
  active = -1;
  /** Counts changes, so that the panel showing the picker re-renders when it changes. */
  version = 0;
  results = [];
  #index = null; // {tx, items}
  #input = null;
  #scroll = false;
  #timer = 0;

  /** host: the element; announce(text): says something through the picker's live region. */
  constructor(host, announce) {
    this.host = host;
    this.announce = announce;
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  hostUpdated() {
    if (!this.#scroll) return;
    this.#scroll = false;
    const item = this.results[this.active];
    if (item) this.host.renderRoot.getElementById(`opt-${item.code}`)?.scrollIntoView({ block: "nearest" });
  }

  #items(tx) {
    if (this.#index?.tx === tx) return this.#index.items;
    const items = [...tx.countries.values()].map((c) => {
      const name = tx.name(c.code);
      return { code: c.code, name, keys: [fold(name, tx.locale), fold(c.name, "en")] };
    });
    items.sort((a, b) => tx.collator.compare(a.name, b.name));
    this.#index = { tx, items };
    return items;
  }

  #search(tx, query) {
    const q = fold(query.trim(), tx.locale);
    const items = this.#items(tx);
    if (!q) return items;
    const code = query.trim().toUpperCase();
    const ranked = [];
    for (const item of items) {
      let rank = -1;
      if (item.code === code) rank = 0;
      else if (item.keys.some((k) => k.startsWith(q))) rank = 1;
      else if (item.keys.some((k) => k.split(/[\s,()\-]+/).some((w) => w.startsWith(q)))) rank = 2;
      else if (item.keys.some((k) => k.includes(q))) rank = 3;
      if (rank >= 0) ranked.push({ item, rank });
    }
    ranked.sort((a, b) => a.rank - b.rank);
    return ranked.map((r) => r.item);
  }

  #setActive(i) {
    this.active = i;
    this.#scroll = true;
    this.version++;
    this.host.requestUpdate();
  }

  #openList(tx) {
    this.open = true;
    this.results = this.#search(tx, this.#input?.value ?? "");
    this.#setActive(this.results.length ? 0 : -1);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.announce(tx.t("results_count", { count: this.results.length })), 500);
  }

  close() {
    if (!this.open) return;
    this.open = false;
    this.version++;
    this.host.requestUpdate();
  }

  #choose(tx, i, chosen, onAdd) {
    const item = this.results[i];
    if (!item) return;
    if (chosen.includes(item.code)) {
      this.announce(tx.t("already_added", { country: item.name }));
      return;
    }
    this.#input.value = "";
    this.close();
    onAdd(item.code);
    this.#input.focus();
    this.announce(tx.t("country_added", { country: item.name }));
  }

  #key(ev, tx, chosen, onAdd) {
    const n = this.results.length;
    switch (ev.key) {
      case "ArrowDown":
      case "ArrowUp":
        ev.preventDefault();
        if (!this.open) this.#openList(tx);
        else if (n) this.#setActive((this.active + (ev.key === "ArrowDown" ? 1 : n - 1)) % n);
        break;
      case "Enter":
        ev.preventDefault();
        if (this.open && this.active >= 0) this.#choose(tx, this.active, chosen, onAdd);
        else this.#openList(tx);
        break;
      case "Escape":
        if (this.open) {
          ev.preventDefault();
          this.close();
        } else if (this.#input.value) {
          ev.preventDefault();
          this.#input.value = "";
        }
        break;
      case "Tab":
        this.close();
        break;
    }
  }

  /** The label, hint, input and listbox; `chosen` the codes already chosen, `onAdd(code)` adds one. */
  render(tx, chosen, onAdd) {
    const t = tx.t;
    const active = this.open ? this.results[this.active] : undefined;
    const option = (item, i) => {
      const isChosen = chosen.includes(item.code);
      const info = tx.countries.get(item.code);
      return html`<li id="opt-${item.code}" class="option" role="option" aria-selected=${i === this.active ? "true" : "false"} aria-disabled=${isChosen ? "true" : nothing}
        @click=${() => this.#choose(tx, i, chosen, onAdd)} @mousemove=${() => this.active !== i && this.#setActive(i)}>
        <span><span class="name">${item.name}</span><span class="code">${item.code}</span>${isChosen ? html`<span class="added">${t("added")}</span>` : nothing}</span>
        ${availability(tx, item.code)}
        ${tx.reasonGroups(item.code, info?.unavailable ?? []).map((g) => html`<span class="reason">${tx.reason(item.code, g)}</span>`)}
      </li>`;
    };
    return html`<div class="picker">
      <label for="country-search" class="label">${t("search_label")}</label>
      <p class="hint" id="country-search-hint">${t("search_hint")}</p>
      <input id="country-search" type="text" role="combobox" aria-autocomplete="list" aria-expanded=${this.open ? "true" : "false"} aria-controls="country-list"
        aria-describedby="country-search-hint" aria-activedescendant=${active ? `opt-${active.code}` : nothing} autocomplete="off" spellcheck="false"
        data-key="country-search" placeholder=${t("search_placeholder")}
        @input=${(e) => {
          this.#input = e.target;
          this.#openList(tx);
        }}
        @keydown=${(e) => {
          this.#input = e.target;
          this.#key(e, tx, chosen, onAdd);
        }}
        @click=${(e) => {
          this.#input = e.target;
          if (this.open) this.close();
          else this.#openList(tx);
        }}
        @blur=${() => setTimeout(() => this.close(), 0)}>
      <ul id="country-list" class="listbox" role="listbox" aria-label=${t("search_results")} ?hidden=${!this.open} @mousedown=${(e) => e.preventDefault()}>
        ${this.open && !this.results.length ? html`<li class="empty" role="option" aria-disabled="true" aria-selected="false">${t("no_results")}</li>` : nothing}
        ${this.open ? repeat(this.results, (item) => item.code, option) : nothing}
      </ul>
    </div>`;
  }
}
