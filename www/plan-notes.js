// The Communications Credits plan and the notes of a quote: what to fund first, when to recharge, and what
// to know (illustrative rates, taxes, kinds not offered, the rate card and its source).

import { html } from "lit";
import { outside } from "./text.js";

/** The credits plan (part "credits"). */
export function creditsSection(tx, q) {
  const t = tx.t;
  const f = tx.fmt;
  const cr = q.credits;
  const fact = (label, value) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<section aria-labelledby="credits-h" part="credits">
    <h2 id="credits-h">${t("credits_heading")}</h2>
    <p class="hint">${t("credits_intro")}</p>
    <dl class="facts">
      ${fact(t("first_funding"), f.money(cr.first_funding))}${fact(t("recharge_amount"), f.money(cr.recharge_amount))}${fact(t("recharge_trigger"), f.money(cr.recharge_trigger))}
      ${fact(t("months_covered"), cr.months_covered === null ? "—" : t("months_value", { months: f.number(cr.months_covered, 1), n: cr.months_covered }))}
    </dl>
    <p class="hint">${t("minimum_funding", { amount: f.money(cr.minimum_funding) })}</p>
    <ul class="warnings">${cr.warnings.map((w) => html`<li class=${w.code === "credits_expire" ? "info" : "warn"}>${tx.note(w, q)}</li>`)}</ul>
  </section>`;
}

/** The notes (part "notes"). */
export function notesSection(tx, q) {
  const t = tx.t;
  const f = tx.fmt;
  return html`<section aria-labelledby="notes-h" part="notes">
    <h2 id="notes-h">${t("notes_heading")}</h2>
    <ul class="notes-list">
      ${q.notes.map((n) => html`<li class=${n.code === "kind_not_offered" || n.code === "illustrative_rates" ? "warn" : "info"}>${tx.note(n, q)}</li>`)}
      <li class="info">${t("card_line", { version: q.rate_card.version, date: f.date(q.rate_card.effective_date) })}</li>
    </ul>
    <p class="source">${t("source")}: ${outside(q.rate_card.source)}</p>
  </section>`;
}
