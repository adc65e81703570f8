// The summary (the monthly total, the effective rate, the verdict, unpriced minutes, and a note when the
// total shown is not that of the current inputs) and the slim sticky total shown while it is out of view.

import { html, nothing } from "lit";

/**
 * The summary's content. `q` the quote or null; `stale`: null, or {error} when the core refused the
 * request, or {invalid: true} when an input is invalid.
 */
export function summary(tx, q, stale) {
  const t = tx.t;
  const f = tx.fmt;
  let note = "";
  if (stale?.error) {
    const e = stale.error;
    note = `${t.has(`core_${e.code}`) ? t(`core_${e.code}`) : t("core_error")} (${e.message})`;
  } else if (stale?.invalid) note = t(q ? "stale_invalid" : "fix_inputs");
  const c = q?.comparison;
  return html`<p class="total-label" id="total-label">${t("total_label")}</p>
    <p class="total" part="total" id="total">${q ? f.money(q.total) : "—"}</p>
    ${q
      ? html`<p class="per-minute" part="effective-rate">${
          q.effective_rate_per_minute === null ? t("no_minutes") : t("per_minute_line", { rate: f.rate(q.effective_rate_per_minute), minutes: f.number(q.minutes), n: q.minutes })
        }</p>
        ${c ? html`<p class="verdict">${c.cheaper === "equal" ? t("verdict_equal") : t(`verdict_${c.cheaper}`, { amount: f.money(c.savings) })}</p>` : nothing}
        ${q.unavailable.length ? html`<p class="warn-text">${t("unpriced_minutes", { minutes: f.number(q.unavailable_minutes), n: q.unavailable_minutes })}</p>` : nothing}`
      : nothing}
    <p class="stale" role="status" ?hidden=${!note}>${note}</p>`;
}

/** The slim sticky total (narrow layouts): shown while the summary is scrolled out of view. */
export function miniTotal(tx, q, hidden) {
  return html`<div class="mini-total" aria-hidden="true" ?hidden=${hidden || !q}>
    <span class="label">${tx.t("total_label")}</span><span class="amount">${q ? tx.fmt.money(q.total) : ""}</span>
  </div>`;
}
