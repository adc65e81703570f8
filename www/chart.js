// Inline SVG charts for <audioconf-pricing>, as lit templates: a new quote updates the bars' attributes and
// texts in place. No markup strings and no style attributes: colours come from classes styled in the shadow
// stylesheet. Each kind of call has a colour and a pattern, so the charts read without colour too.
//
// Geometry uses JS numbers for pixel positions only: the amounts shown as text are formatted from the
// quote's decimal strings, never recomputed.

import { html, svg, nothing } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { KINDS } from "./state.js";

export { KINDS };

/** An SVG chart named by its title and described by its description, for screen readers. */
function chartSvg(prefix, width, height, title, desc, content) {
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width=${width} height=${height} role="img" aria-labelledby="${prefix}-title ${prefix}-desc">
    <title id="${prefix}-title">${title}</title><desc id="${prefix}-desc">${desc}</desc>${content}</svg>`;
}

/**
 * A hidden <svg> holding one pattern per kind (toll solid, toll-free diagonal lines, landline dots, mobile
 * cross-hatch); put it once in the shadow root: every chart refers to it by `url(#prefix-kind)`.
 */
export function patternDefs(prefix) {
  return html`<svg width="0" height="0" aria-hidden="true" focusable="false" class="defs">
    <pattern id="${prefix}-toll_free" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M-1,7 L7,-1 M-1,1 L1,-1 M5,7 L7,5" class="pat-line"></path></pattern>
    <pattern id="${prefix}-dial_out_landline" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.3" class="pat-dot"></circle></pattern>
    <pattern id="${prefix}-dial_out_mobile" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0,3 L6,3 M3,0 L3,6" class="pat-line"></path></pattern>
  </svg>`;
}

/** A rectangle of a kind's colour, with its pattern on top. */
function kindRect(prefix, kind, x, y, w, h, title) {
  return svg`<g>${title ? svg`<title>${title}</title>` : nothing}<rect x=${x} y=${y} width=${w} height=${h} class="k-${kind}"></rect>${
    kind === "toll" ? nothing : svg`<rect x=${x} y=${y} width=${w} height=${h} fill="url(#${prefix}-${kind})"></rect>`
  }</g>`;
}

/** A small legend swatch for a kind (an <svg> of 16×16). */
export function kindSwatch(prefix, kind) {
  return html`<svg class="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${kindRect(prefix, kind, 0, 0, 16, 16)}<rect x="0.5" y="0.5" width="15" height="15" fill="none" class="axis"></rect></svg>`;
}

/** A line sample for the break-even legend. */
export function lineSwatch(cls) {
  return html`<svg viewBox="0 0 28 14" aria-hidden="true" focusable="false"><line x1="1" x2="27" y1="7" y2="7" class=${cls}></line></svg>`;
}

/** Ratio a/b of two non-negative decimal strings as a number in [0, 1], for geometry. */
function ratio(a, b) {
  const x = Number(a);
  const y = Number(b);
  return y > 0 ? Math.max(0, Math.min(1, x / y)) : 0;
}

/** The call-mix bar: shares (integer percents by kind) as one stacked bar, `width` pixels wide. */
export function mixBar({ prefix, shares, width, labels }) {
  const h = 18;
  const parts = [];
  let x = 0;
  for (const kind of KINDS) {
    const w = (width * (shares[kind] || 0)) / 100;
    if (w <= 0) continue;
    parts.push(kindRect(prefix, kind, x, 0, w, h, `${labels[kind]}: ${shares[kind]}%`));
    x += w;
    if (x < width - 0.5) parts.push(svg`<line x1=${x} x2=${x} y1="0" y2=${h} class="sep"></line>`);
  }
  return html`<svg class="mixbar" viewBox="0 0 ${width} ${h}" width=${width} height=${h} aria-hidden="true" focusable="false">${parts}</svg>`;
}

/**
 * Cost by country and kind: one horizontal stacked bar per country, the amount at its end.
 * groups: [{code, label, total (decimal), totalText, segments: [{kind, cost (decimal), text}]}]
 */
export function costChart({ prefix, groups, width, title, desc, amountWidth = 96 }) {
  const barH = 24;
  const rowH = 58;
  const top = 2;
  const plotW = Math.max(60, width - amountWidth - 10);
  const height = top + groups.length * rowH;
  const max = groups.reduce((m, g) => (Number(g.total) > Number(m) ? g.total : m), "0");
  const row = (g, i) => {
    const y = top + i * rowH;
    const barY = y + 24;
    const full = Math.max(2, plotW * ratio(g.total, max));
    const segs = g.segments.filter((seg) => Number(seg.cost) > 0);
    const parts = [];
    let x = 0;
    segs.forEach((seg, j) => {
      const w = j === segs.length - 1 ? full - x : full * ratio(seg.cost, g.total);
      if (w <= 0) return;
      parts.push(kindRect(prefix, seg.kind, x, barY, w, barH, seg.text));
      x += w;
      if (j < segs.length - 1) parts.push(svg`<line x1=${x} x2=${x} y1=${barY} y2=${barY + barH} class="sep"></line>`);
    });
    return svg`<g><text x="0" y=${y + 15} class="label">${g.label}</text>${parts}<text x=${full + 8} y=${barY + 17} class="strong">${g.totalText}</text></g>`;
  };
  return chartSvg(prefix, width, height, title, desc, repeat(groups, (g) => g.code, row));
}

/** Round-number ticks from 0 to at least `max` (about `count` of them). */
export function niceTicks(max, count = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => st >= raw) ?? 10 * mag;
  const ticks = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/**
 * The break-even chart: monthly cost of both options against minutes per user.
 * curve: [{minutes_per_user, pay_per_minute, per_user_licence}] (decimal strings, straight between points)
 * breakEven: {minutes_per_user, monthly_cost} | null; current: minutes per user now (decimal string)
 * fmt: {money(value), number(value)} for axis labels (value may be a decimal string or a tick number)
 */
export function breakEvenChart({ prefix, curve, breakEven, current, currentCost, width, fmt, labels, title, desc }) {
  const narrow = width < 420;
  const height = narrow ? 230 : 270;
  const m = { top: 28, right: 14, bottom: 44, left: narrow ? 58 : 72 };
  const pw = Math.max(40, width - m.left - m.right);
  const ph = height - m.top - m.bottom;
  const xMax = Math.max(...curve.map((p) => Number(p.minutes_per_user)), 1);
  const yTicks = niceTicks(Math.max(...curve.flatMap((p) => [Number(p.pay_per_minute), Number(p.per_user_licence)]), 1), narrow ? 3 : 4);
  const yMax = yTicks[yTicks.length - 1];
  const xTicks = niceTicks(xMax, narrow ? 3 : 5).filter((t) => t <= xMax * 1.0001);
  const X = (v) => m.left + (pw * Number(v)) / xMax;
  const Y = (v) => m.top + ph - (ph * Number(v)) / yMax;
  const pts = (key) => curve.map((p) => `${X(p.minutes_per_user).toFixed(1)},${Y(p[key]).toFixed(1)}`).join(" ");

  /** A label near x that stays inside the chart: after the point, before it, or centred and clamped. */
  const label = (x, y, text, cls, gap) => {
    const w = text.length * 7.4; // an estimate of the text's width at 13px
    let tx = x + gap;
    let anchor = "start";
    if (tx + w > width) {
      tx = x - gap;
      anchor = "end";
      if (tx - w < 0) {
        tx = Math.min(Math.max(x, w / 2), width - w / 2);
        anchor = "middle";
      }
    }
    return svg`<text x=${tx} y=${y} text-anchor=${anchor} class=${cls}>${text}</text>`;
  };
  const showNow = current !== null && current !== undefined && Number(current) <= xMax;
  const cx = showNow ? X(current) : 0;
  let be = nothing;
  if (breakEven) {
    const bx = X(breakEven.minutes_per_user);
    const by = Y(breakEven.monthly_cost);
    const ty = by - 14 < m.top + 12 ? by + 24 : by - 14;
    be = svg`<circle cx=${bx} cy=${by} r="6" class="mark-be"></circle>${label(bx, ty, narrow ? labels.breakEvenShort : labels.breakEven, "strong halo", 10)}`;
  }
  return chartSvg(
    prefix,
    width,
    height,
    title,
    desc,
    svg`${yTicks.map(
      (t) => svg`<line x1=${m.left} x2=${m.left + pw} y1=${Y(t)} y2=${Y(t)} class=${t === 0 ? "axis" : "grid"}></line>
        <text x=${m.left - 6} y=${Y(t) + 4} text-anchor="end" class="muted">${fmt.money(t)}</text>`,
    )}
    <line x1=${m.left} x2=${m.left} y1=${m.top} y2=${m.top + ph} class="axis"></line>
    ${xTicks.map(
      (t) => svg`<line x1=${X(t)} x2=${X(t)} y1=${m.top + ph} y2=${m.top + ph + 5} class="axis"></line>
        <text x=${X(t)} y=${m.top + ph + 18} text-anchor="middle" class="muted">${fmt.number(t)}</text>`,
    )}
    <text x=${m.left + pw / 2} y=${height - 4} text-anchor="middle" class="muted">${labels.xAxis}</text>
    <polyline points=${pts("per_user_licence")} class="line-lic"></polyline>
    <polyline points=${pts("pay_per_minute")} class="line-ppm"></polyline>
    ${showNow
      ? svg`<line x1=${cx} x2=${cx} y1=${m.top} y2=${m.top + ph} class="mark-now"></line>
        ${currentCost !== undefined ? svg`<circle cx=${cx} cy=${Y(currentCost)} r="4" class="mark-now-dot"></circle>` : nothing}
        ${label(cx, m.top - 10, narrow ? labels.nowShort : labels.now, "halo", 6)}`
      : nothing}
    ${be}`,
  );
}
