// The charts of a quote: cost by country and kind, and the comparison with the per-user licence with its
// break-even chart. Both are lit SVG templates drawn at the results' width.

import { html, nothing } from "lit";
import { breakEvenChart, costChart, kindSwatch, lineSwatch, KINDS } from "./chart.js";
import * as D from "./decimal.js";

/** Countries drawn in the cost chart; the others are added up in one last bar. */
export const CHART_COUNTRIES = 12;

/** The cost chart section (part "chart"). */
export function costChartSection(tx, q, width) {
  const t = tx.t;
  const f = tx.fmt;
  const byCountry = new Map(q.by_country.map((b) => [b.key, []]));
  for (const l of q.lines) byCountry.get(l.country)?.push(l);
  const segment = (label, kind, cost) => ({ kind, cost, text: `${label}, ${tx.kind(kind)}: ${f.money(cost)}` });
  let groups = q.by_country.map((b) => ({
    code: b.key,
    label: tx.name(b.key),
    total: b.cost,
    totalText: f.money(b.cost),
    segments: byCountry
      .get(b.key)
      .sort((a, c) => KINDS.indexOf(a.kind) - KINDS.indexOf(c.kind))
      .map((l) => segment(tx.name(b.key), l.kind, l.cost)),
  }));
  groups.sort((a, b) => D.compare(b.total, a.total));
  if (groups.length > CHART_COUNTRIES) {
    // Beyond a screenful of bars, the smallest countries are one bar: exact sums of their costs.
    const rest = groups.slice(CHART_COUNTRIES - 1);
    const label = t("chart_others", { count: f.number(String(rest.length)), n: rest.length });
    const byKind = new Map();
    for (const g of rest) for (const s of g.segments) byKind.set(s.kind, D.add(byKind.get(s.kind) ?? "0", s.cost));
    const total = rest.reduce((sum, g) => D.add(sum, g.total), "0");
    groups = [
      ...groups.slice(0, CHART_COUNTRIES - 1),
      { code: "", label, total, totalText: f.money(total), segments: KINDS.filter((k) => byKind.has(k)).map((k) => segment(label, k, byKind.get(k))) },
    ];
  }
  const desc = groups.map((g) => `${g.label}: ${g.totalText} (${g.segments.map((s) => `${tx.kind(s.kind)} ${f.money(s.cost)}`).join(", ")})`).join("; ");
  const kindsShown = KINDS.filter((k) => q.lines.some((l) => l.kind === k));
  return html`<section aria-labelledby="chart-h" part="chart">
    <h2 id="chart-h">${t("chart_heading")}</h2>
    <figure>
      <ul class="legend" aria-label=${t("legend")}>${kindsShown.map((k) => html`<li>${kindSwatch(tx.uid, k)}${tx.kind(k)}</li>`)}</ul>
      ${groups.length ? costChart({ prefix: tx.uid, groups, width, title: t("chart_heading"), desc }) : html`<p class="hint">${t("nothing_to_chart")}</p>`}
    </figure>
  </section>`;
}

function optionBox(tx, c, kind, amount, details) {
  const t = tx.t;
  const f = tx.fmt;
  return html`<div class="option-box${c.cheaper === kind ? " winner" : ""}">
    <span class="label">${t(`option_${kind}`)}</span><span class="amount">${f.money(amount)}</span><span class="detail">${t("per_month")}</span>
    ${details.map((d) => html`<span class="detail">${d}</span>`)}
    ${c.cheaper === kind ? html`<span class="cheaper-tag"><span aria-hidden="true">✓ </span>${t("cheaper_by", { amount: f.money(c.savings) })}</span>` : nothing}
  </div>`;
}

function chart(tx, c, width) {
  const t = tx.t;
  const f = tx.fmt;
  const current = c.minutes_per_user;
  const be = c.break_even;
  const desc = be
    ? t("break_even_chart_desc", { per_user: f.number(be.minutes_per_user), cost: f.money(be.monthly_cost), current: f.number(current) })
    : t("break_even_chart_desc_none", { current: f.number(current) });
  const svgChart = breakEvenChart({
    prefix: `${tx.uid}-be`,
    curve: c.curve,
    breakEven: be,
    current,
    currentCost: c.pay_per_minute_total,
    width,
    fmt: { money: (v) => f.moneyShort(String(v)), number: (v) => f.number(String(v)) },
    labels: {
      xAxis: t("axis_minutes_per_user"),
      now: t("marker_now", { value: f.number(current) }),
      nowShort: t("marker_value", { value: f.number(current) }),
      breakEven: be ? t("marker_break_even", { value: f.number(be.minutes_per_user) }) : "",
      breakEvenShort: be ? t("marker_value", { value: f.number(be.minutes_per_user) }) : "",
    },
    title: t("break_even_chart_title"),
    desc,
  });
  return html`<figure part="break-even-chart">
    <ul class="legend" aria-label=${t("legend")}>
      <li>${lineSwatch("line-ppm")}${t("option_pay_per_minute")}</li>
      <li>${lineSwatch("line-lic")}${t("option_per_user_licence")}</li>
      ${be ? html`<li><svg viewBox="0 0 28 14" aria-hidden="true"><circle cx="14" cy="7" r="5" class="mark-be"></circle></svg>${t("legend_break_even")}</li>` : nothing}
      <li><svg viewBox="0 0 28 14" aria-hidden="true"><line x1="14" x2="14" y1="0" y2="14" class="mark-now"></line></svg>${t("legend_now")}</li>
    </ul>
    ${svgChart}
  </figure>`;
}

/** The comparison with the per-user licence (part "comparison"). */
export function comparisonSection(tx, q, width) {
  const t = tx.t;
  const f = tx.fmt;
  const c = q.comparison;
  if (!c) return html`<section aria-labelledby="cmp-h" part="comparison"><h2 id="cmp-h">${t("cmp_heading")}</h2><p class="hint">${t("cmp_needs_users")}</p></section>`;
  const be = c.break_even;
  const verdict = be
    ? t("break_even_text", { per_user: f.number(be.minutes_per_user), monthly: f.number(be.monthly_minutes), cost: f.money(be.monthly_cost), current: f.number(c.minutes_per_user) })
    : t(c.cheaper === "per_user_licence" ? "no_break_even_licence" : "no_break_even_ppm");
  return html`<section aria-labelledby="cmp-h" part="comparison">
    <h2 id="cmp-h">${t("cmp_heading")}</h2>
    <div class="versus">
      ${optionBox(tx, c, "pay_per_minute", c.pay_per_minute_total, [t("ppm_detail")])}
      ${optionBox(tx, c, "per_user_licence", c.licence_total, [
        t("licence_detail", { users: f.number(String(c.users)), n: String(c.users), price: f.money(c.licence_price_per_user), licence: f.money(c.licence_cost) }),
        t("licence_usage_detail", { usage: f.money(c.licence_usage_cost) }),
      ])}
    </div>
    <p>${verdict}</p>
    <p class="hint">${t("pool_text", { pool: f.number(c.pool.minutes), used: f.number(c.pool.used_minutes), overflow: f.number(c.pool.overflow_minutes), n: c.pool.minutes })}</p>
    ${c.curve.length > 1 ? chart(tx, c, width) : nothing}
  </section>`;
}
