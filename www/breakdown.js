// The breakdown table: one group per country (its lines, the kinds not offered and a subtotal), the totals
// by kind and the grand total; sortable by each column. Rows are keyed (lit `repeat`): a new quote updates
// their texts in place. Beyond a screenful (COLLAPSE_AFTER lines) the remaining countries are collapsed
// behind a "Show all lines" button, so that a request of every offered pair still paints at once.

import { html, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { kindSwatch } from "./chart.js";
import { KINDS } from "./state.js";
import * as D from "./decimal.js";

/** Lines shown before the remaining countries are collapsed. */
export const COLLAPSE_AFTER = 40;

const COLUMNS = [
  { key: "country" },
  { key: "kind" },
  { key: "rate", n: true },
  { key: "minutes", n: true },
  { key: "cost", n: true },
];

/** The sort the breakdown starts with. */
export { DEFAULT_SORT } from "./state.js";

/** The sort that a click on column `key` gives after `sort`. */
export function nextSort(sort, key) {
  if (sort.key === key) return { key, dir: sort.dir === "ascending" ? "descending" : "ascending" };
  return { key, dir: key === "country" || key === "kind" ? "ascending" : "descending" };
}

/** Groups by country, ordered as `sort` says, each with its lines ordered too (the exports use them too). */
export function groups(tx, q, sort) {
  const byCode = new Map();
  for (const code of new Set([...q.lines.map((l) => l.country), ...q.unavailable.map((u) => u.country)])) {
    byCode.set(code, { code, name: tx.name(code), lines: [], unavailable: [], subtotal: null });
  }
  for (const l of q.lines) byCode.get(l.country).lines.push(l);
  for (const u of q.unavailable) byCode.get(u.country).unavailable.push(u);
  for (const b of q.by_country) if (byCode.has(b.key)) byCode.get(b.key).subtotal = b;
  const collator = tx.collator;
  const dir = sort.dir === "ascending" ? 1 : -1;
  const cmpDec = (a, b) => D.compare(a ?? "0", b ?? "0");
  const lineCmp = {
    country: (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind),
    kind: (a, b) => collator.compare(tx.kind(a.kind), tx.kind(b.kind)),
    rate: (a, b) => cmpDec(a.rate, b.rate),
    minutes: (a, b) => cmpDec(a.billable_minutes, b.billable_minutes),
    cost: (a, b) => cmpDec(a.cost, b.cost),
  }[sort.key];
  const maxRate = (g) => g.lines.reduce((m, l) => (D.compare(l.rate, m) > 0 ? l.rate : m), "0");
  const groupCmp = {
    country: (a, b) => collator.compare(a.name, b.name),
    kind: (a, b) => collator.compare(a.name, b.name),
    rate: (a, b) => cmpDec(maxRate(a), maxRate(b)),
    minutes: (a, b) => cmpDec(a.subtotal?.billable_minutes, b.subtotal?.billable_minutes),
    cost: (a, b) => cmpDec(a.subtotal?.cost, b.subtotal?.cost),
  }[sort.key];
  const ordered = [...byCode.values()].sort((a, b) => dir * groupCmp(a, b) || collator.compare(a.name, b.name));
  for (const g of ordered) g.lines.sort((a, b) => (sort.key === "country" ? lineCmp(a, b) : dir * lineCmp(a, b)));
  return ordered;
}

function kindCell(tx, kind) {
  return html`<span class="kind-label">${kindSwatch(tx.uid, kind)}${tx.kind(kind)}</span>`;
}

/** One country's rows; the country's name is shown on its first row and read out on every row. */
function group(tx, g, labels) {
  const t = tx.t;
  const f = tx.fmt;
  let first = true;
  const countryCell = () => {
    const cell = first
      ? html`<th scope="row" class="c-country">${g.name}</th>`
      : html`<th scope="row" class="c-country repeat"><span class="sr-only">${g.name}</span></th>`;
    first = false;
    return cell;
  };
  const line = (l) => html`<tr>
    ${countryCell()}<td class="c-kind">${kindCell(tx, l.kind)}</td>
    <td class="n c-rate" data-label=${labels.rate}>${f.rate(l.rate)}</td>
    <td class="n c-min" data-label=${labels.minutes}>${f.number(l.billable_minutes)}${
      l.calls !== null ? html`<span class="calls"> ${t("calls_paren", { count: f.number(String(l.calls)), n: String(l.calls) })}</span>` : nothing
    }</td>
    <td class="n c-cost">${f.money(l.cost)}</td>
  </tr>`;
  const unavailable = (u) => html`<tr class="unavailable">
    ${countryCell()}<td class="c-kind">${kindCell(tx, u.kind)}</td>
    <td colspan="2" class="c-reason"><span class="na">${tx.kindReason(u.country, u.kind, u)}</span><span class="hint"> ${t("minutes_not_priced_paren", { minutes: f.number(u.minutes), n: u.minutes })}</span></td>
    <td class="n c-cost"><span aria-hidden="true">—</span><span class="sr-only">${t("not_priced")}</span></td>
  </tr>`;
  return html`<tbody>
    ${repeat(g.lines, (l) => l.kind, line)}${repeat(g.unavailable, (u) => u.kind, unavailable)}
    ${g.subtotal
      ? html`<tr class="subtotal"><th scope="row" colspan="3" class="c-kind">${t("subtotal_for", { country: g.name })}</th>
          <td class="n c-min" data-label=${labels.minutes}>${f.number(g.subtotal.billable_minutes)}</td><td class="n c-cost">${f.money(g.subtotal.cost)}</td></tr>`
      : nothing}
  </tbody>`;
}

/** The breakdown section. `expanded`: every line shown; on.sort(key), on.expand(expanded). */
export function breakdown(tx, q, sort, expanded, on) {
  const t = tx.t;
  const f = tx.fmt;
  const labels = Object.fromEntries(COLUMNS.map((c) => [c.key, t(`col_${c.key}`)]));
  const all = groups(tx, q, sort);
  const count = q.lines.length + q.unavailable.length;
  let shown = all;
  if (!expanded && count > COLLAPSE_AFTER) {
    // Whole countries, until the rows shown reach a screenful.
    shown = [];
    let rows = 0;
    for (const g of all) {
      if (rows >= COLLAPSE_AFTER) break;
      shown.push(g);
      rows += g.lines.length + g.unavailable.length;
    }
  }
  const head = (col) => {
    const sorted = sort.key === col.key;
    return html`<th scope="col" class=${col.n ? "n" : nothing} aria-sort=${sorted ? sort.dir : nothing}>
      <button type="button" class="sort" data-key="sort-${col.key}" @click=${() => on.sort(col.key)}>${labels[col.key]}<span class="arrow" aria-hidden="true">${
        sorted ? (sort.dir === "ascending" ? "▲" : "▼") : "↕"
      }</span><span class="sr-only">${sorted ? "" : `, ${t("sortable")}`}</span></button>
    </th>`;
  };
  const total = (cls, label, minutes, cost) => html`<tr class=${cls}><th scope="row" colspan="3" class="c-kind">${label}</th>
    <td class="n c-min" data-label=${labels.minutes}>${f.number(minutes)}</td><td class="n c-cost">${f.money(cost)}</td></tr>`;
  const toggle =
    count > COLLAPSE_AFTER
      ? html`<tbody class="more"><tr><td colspan="5"><button type="button" data-key="breakdown-more" aria-expanded=${expanded ? "true" : "false"} @click=${() => on.expand(!expanded)}>${
          expanded ? t("show_fewer_lines") : t("show_all_lines", { count: f.number(String(count)), n: count })
        }</button></td></tr></tbody>`
      : nothing;
  return html`<section aria-labelledby="breakdown-h" part="breakdown">
    <h2 id="breakdown-h">${t("breakdown_heading")}</h2>
    <table class="breakdown">
      <caption>${t("breakdown_caption", { currency: q.currency })}</caption>
      <thead><tr>${COLUMNS.map(head)}</tr></thead>
      ${repeat(shown, (g) => g.code, (g) => group(tx, g, labels))}
      ${toggle}
      <tfoot>
        ${repeat(q.by_kind, (k) => k.key, (k) => total("kind-row", t("all_countries_kind", { kind: tx.kind(k.key) }), k.billable_minutes, k.cost))}
        ${total("grand", t("total_row"), q.billable_minutes, q.total)}
      </tfoot>
    </table>
    ${D.compare(q.connection_fees, "0") > 0 ? html`<p class="hint">${t("connection_fees_included", { amount: f.money(q.connection_fees) })}</p>` : nothing}
  </section>`;
}
