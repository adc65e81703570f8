// What the usage panel shows of a re-rated report (the core's UsageReport, decimals as strings): the month
// picker, charged against re-rated in total, per month and per line, and every row left out with its
// reason. Template functions only; the state is the panel's. Its styles, adopted by the panel.

import { css, html, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";

/** An amount in `currency` (the report's own charges may be in another currency than the quote). */
function money(tx, value, currency) {
  if (value === null || value === undefined) return "—";
  if (!currency || currency === tx.fmt.currency) return tx.fmt.money(value);
  try {
    return new Intl.NumberFormat(tx.locale, { style: "currency", currency }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

/** A month `YYYY-MM` in words. */
function monthName(tx, month) {
  const [y, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(tx.locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function leftOut(tx, counts) {
  const t = tx.t;
  return counts.map(
    (c) => html`<li>${c.reason === "call_type" ? html`${t("usage_reason_call_type", { type: "" })}<code lang="en">${c.call_type}</code>` : t(`usage_reason_${c.reason}`)}:
      ${t("usage_rows", { n: c.rows, count: tx.fmt.number(c.rows) })} (${t("usage_first_row", { row: tx.fmt.number(c.first_row) })})</li>`,
  );
}

/** The results of `report`; `month` is the chosen month ("" for the average), onMonth(month) picks one. */
export function results(tx, report, month, onMonth) {
  const t = tx.t;
  const q = report.quote;
  const cur = report.charged_currency;
  const lineName = (l) => `${tx.name(l.country)} — ${tx.kind(l.kind)}`;
  const counts = [...report.skipped, ...report.unusable];
  return html`<section class="results" aria-labelledby="usage-result">
    <h3 id="usage-result">${t("usage_done", {
      rows: tx.fmt.number(report.rows),
      calls: tx.fmt.number(report.rated_rows),
      period: report.month ? monthName(tx, report.month) : t("usage_average", { n: report.months_in_quote, count: report.months_in_quote }),
    })}</h3>
    <label class="month">${t("usage_month")}
      <select @change=${(e) => onMonth(e.target.value)}>
        <option value="" ?selected=${!month}>${t("usage_average_option")}</option>
        ${report.months.map((m) => html`<option value=${m.month} ?selected=${m.month === month}>${monthName(tx, m.month)}</option>`)}
      </select>
    </label>
    <p class="charged">${cur && report.charged_total !== null
      ? t("usage_charged", { charged: money(tx, report.charged_total, cur), rerated: tx.fmt.money(q.total) })
      : t("usage_no_charges")}</p>
    ${q.connection_fees !== "0" ? html`<p class="note">${t("usage_fees", { fees: tx.fmt.money(q.connection_fees) })}</p>` : nothing}
    ${report.unclassified_dial_out > 0 ? html`<p class="note">${t("usage_unclassified", { count: tx.fmt.number(report.unclassified_dial_out) })}</p>` : nothing}
    <h4 id="usage-months">${t("usage_months")}</h4>
    <div class="scroll" tabindex="0" role="region" aria-labelledby="usage-months"><table>
      <thead><tr><th scope="col">${t("usage_month")}</th><th scope="col">${t("usage_calls")}</th><th scope="col">${t("usage_minutes")}</th>
        <th scope="col">${t("usage_rerated")}</th><th scope="col">${t("usage_charged_col")}</th></tr></thead>
      <tbody>${repeat(report.months, (m) => m.month, (m) => html`<tr class=${m.month === report.month ? "chosen" : ""}>
        <th scope="row">${monthName(tx, m.month)}</th><td>${tx.fmt.number(m.calls)}</td><td>${tx.fmt.number(m.minutes, 2)}</td>
        <td>${tx.fmt.money(m.total)}</td><td>${money(tx, m.charged, cur)}</td></tr>`)}</tbody>
    </table></div>
    <h4 id="usage-lines">${t("usage_lines")}</h4>
    <div class="scroll" tabindex="0" role="region" aria-labelledby="usage-lines"><table>
      <thead><tr><th scope="col">${t("usage_line")}</th><th scope="col">${t("usage_charged_col")}</th><th scope="col">${t("usage_rerated")}</th></tr></thead>
      <tbody>${repeat(report.charged_lines, (l) => l.index, (l) => html`<tr>
        <th scope="row">${lineName(l)}</th><td>${money(tx, l.charged, cur)}</td><td>${l.re_rated === null ? "—" : tx.fmt.money(l.re_rated)}</td></tr>`)}</tbody>
      <tfoot><tr><th scope="row">${t("total")}</th><td>${money(tx, report.charged_total, cur)}</td><td>${tx.fmt.money(q.total)}</td></tr></tfoot>
    </table></div>
    <h4>${t("usage_left_out")}</h4>
    ${counts.length ? html`<ul class="left-out">${leftOut(tx, counts)}</ul>` : html`<p>${t("usage_all_rated")}</p>`}
  </section>`;
}

export const USAGE_CSS = css`
  dialog {
    width: min(46rem, calc(100vw - 1.5rem));
    max-height: calc(100vh - 2rem);
    box-sizing: border-box;
    padding: 1rem 1.25rem 1.25rem;
    border: 1px solid var(--_border, #c9ccd8);
    border-radius: var(--_radius, 10px);
    background: var(--_bg, #fff);
    color: var(--_fg, #1b1d24);
    font-family: var(--_font, system-ui, sans-serif);
    line-height: 1.45;
  }
  dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
  .head { display: flex; align-items: start; justify-content: space-between; gap: 1rem; }
  h2 { font-size: 1.25rem; margin: 0.25rem 0 0.5rem; }
  h3 { font-size: 1rem; margin: 1rem 0 0.5rem; }
  h4 { font-size: 0.95rem; margin: 1rem 0 0.35rem; }
  p { margin: 0.35rem 0; }
  .private { font-weight: 600; color: var(--_success, #1e6b3a); }
  .hint, .note { color: var(--_muted, #565b69); font-size: 0.9rem; }
  button, select, input { font: inherit; }
  button, select, input[type="number"] {
    min-height: 2.5rem;
    border: 1px solid var(--_control-border, #767b8c);
    border-radius: 6px;
    background: var(--_surface, #f5f6fa);
    color: inherit;
    padding: 0.25rem 0.75rem;
  }
  :focus-visible { outline: 3px solid var(--_focus, #1f5fd6); outline-offset: 2px; }
  .drop {
    display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem;
    margin: 0.75rem 0; padding: 1rem;
    border: 2px dashed var(--_border, #c9ccd8); border-radius: var(--_radius, 10px);
    background: var(--_surface, #f5f6fa);
  }
  .drop.over { border-color: var(--_accent, #4f52b2); background: var(--_accent-soft, #e8e9fb); }
  .drop label { font-weight: 600; width: 100%; }
  input[type="file"] { max-width: 100%; }
  fieldset { border: 1px solid var(--_border, #c9ccd8); border-radius: 6px; margin: 0.75rem 0; padding: 0.5rem 0.75rem; }
  fieldset label { display: inline-flex; align-items: center; gap: 0.35rem; margin-right: 1rem; min-height: 2.5rem; }
  fieldset input[type="number"] { width: 5rem; }
  .progress { display: grid; grid-template-columns: 1fr auto; gap: 0.35rem 1rem; align-items: center; margin: 0.75rem 0; }
  .progress label { grid-column: 1 / -1; }
  progress { width: 100%; height: 1rem; accent-color: var(--_accent, #4f52b2); }
  .alert {
    margin: 0.75rem 0; padding: 0.75rem 1rem; border-radius: 6px;
    background: var(--_danger-soft, #fdecea); color: var(--_fg, #1b1d24);
  }
  .alert strong { color: var(--_danger, #b3261e); }
  .month { display: inline-flex; align-items: center; gap: 0.5rem; }
  .charged { font-weight: 600; }
  .scroll { overflow-x: auto; max-height: 18rem; overflow-y: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
  th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--_border, #c9ccd8); text-align: right; white-space: nowrap; }
  th:first-child { text-align: left; white-space: normal; }
  thead th { position: sticky; top: 0; background: var(--_bg, #fff); }
  tr.chosen { background: var(--_accent-soft, #e8e9fb); }
  tfoot th, tfoot td { font-weight: 700; }
  .left-out { padding-left: 1.25rem; font-size: 0.9rem; }
  code { font-size: 0.85em; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @media (forced-colors: active) { dialog, .drop, .alert { border: 1px solid CanvasText; } }
`;
