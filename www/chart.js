// Inline SVG charts for <audioconf-pricing>, built with createElementNS (no markup strings, no style
// attributes: colours come from classes styled in the shadow stylesheet). Each kind of call has a colour
// and a pattern, so the charts read without colour too.
//
// Geometry uses JS numbers for pixel positions only: the amounts shown as text are formatted from the
// quote's decimal strings, never recomputed.

const NS = "http://www.w3.org/2000/svg";

/** Creates an SVG element with attributes and children (strings become text nodes). */
/** An SVG chart element named by its title and described by its description, for screen readers. */
function chartSvg(prefix, width, height, title, desc) {
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  return s(
    "svg",
    { class: "chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-labelledby": `${titleId} ${descId}` },
    s("title", { id: titleId }, title),
    s("desc", { id: descId }, desc),
  );
}

export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

export const KINDS = ["toll", "toll_free", "dial_out_landline", "dial_out_mobile"];

/**
 * A hidden <svg> holding one pattern per kind (toll solid, toll-free diagonal lines, landline dots, mobile
 * cross-hatch); put it once in the shadow root: every chart refers to it by `url(#prefix-kind)`.
 */
export function patternDefs(prefix) {
  const p = (kind, ...content) =>
    s("pattern", { id: `${prefix}-${kind}`, width: 6, height: 6, patternUnits: "userSpaceOnUse" }, ...content);
  return s(
    "svg",
    { width: 0, height: 0, "aria-hidden": "true", focusable: "false", class: "defs" },
    p("toll_free", s("path", { d: "M-1,7 L7,-1 M-1,1 L1,-1 M5,7 L7,5", class: "pat-line" })),
    p("dial_out_landline", s("circle", { cx: 3, cy: 3, r: 1.3, class: "pat-dot" })),
    p("dial_out_mobile", s("path", { d: "M0,3 L6,3 M3,0 L3,6", class: "pat-line" })),
  );
}

/** A rectangle of a kind's colour, with its pattern on top. */
function kindRect(prefix, kind, x, y, w, h, title) {
  const g = s("g", {}, s("rect", { x, y, width: w, height: h, class: `k-${kind}` }));
  if (kind !== "toll") g.append(s("rect", { x, y, width: w, height: h, fill: `url(#${prefix}-${kind})` }));
  if (title) g.prepend(s("title", {}, title));
  return g;
}

/** A small legend swatch for a kind (an <svg> of 16×16). */
export function kindSwatch(prefix, kind) {
  return s(
    "svg",
    { class: "swatch", viewBox: "0 0 16 16", "aria-hidden": "true", focusable: "false" },
    kindRect(prefix, kind, 0, 0, 16, 16),
    s("rect", { x: 0.5, y: 0.5, width: 15, height: 15, fill: "none", class: "axis" }),
  );
}

/** Ratio a/b of two non-negative decimal strings as a number in [0, 1], for geometry. */
function ratio(a, b) {
  const x = Number(a);
  const y = Number(b);
  return y > 0 ? Math.max(0, Math.min(1, x / y)) : 0;
}

/**
 * The call-mix bar: shares (integer percents by kind) as one stacked bar, `width` pixels wide.
 */
export function mixBar({ prefix, shares, width, labels }) {
  const h = 18;
  const svg = s("svg", { class: "mixbar", viewBox: `0 0 ${width} ${h}`, width, height: h, "aria-hidden": "true", focusable: "false" });
  let x = 0;
  for (const kind of KINDS) {
    const w = (width * (shares[kind] || 0)) / 100;
    if (w <= 0) continue;
    svg.append(kindRect(prefix, kind, x, 0, w, h, `${labels[kind]}: ${shares[kind]}%`));
    x += w;
    if (x < width - 0.5) svg.append(s("line", { x1: x, x2: x, y1: 0, y2: h, class: "sep" }));
  }
  return svg;
}

/**
 * Cost by country and kind: one horizontal stacked bar per country, the amount at its end.
 * groups: [{label, total (decimal), totalText, segments: [{kind, cost (decimal), text}]}]
 */
export function costChart({ prefix, groups, width, title, desc, amountWidth = 96 }) {
  const barH = 24;
  const rowH = 58;
  const top = 2;
  const plotW = Math.max(60, width - amountWidth - 10);
  const height = top + groups.length * rowH;
  const max = groups.reduce((m, g) => (Number(g.total) > Number(m) ? g.total : m), "0");
  const svg = chartSvg(prefix, width, height, title, desc);
  groups.forEach((g, i) => {
    const y = top + i * rowH;
    svg.append(s("text", { x: 0, y: y + 15, class: "label" }, g.label));
    const barY = y + 24;
    const full = Math.max(2, plotW * ratio(g.total, max));
    let x = 0;
    const segs = g.segments.filter((seg) => Number(seg.cost) > 0);
    segs.forEach((seg, j) => {
      const w = j === segs.length - 1 ? full - x : full * ratio(seg.cost, g.total);
      if (w <= 0) return;
      svg.append(kindRect(prefix, seg.kind, x, barY, w, barH, seg.text));
      x += w;
      if (j < segs.length - 1) svg.append(s("line", { x1: x, x2: x, y1: barY, y2: barY + barH, class: "sep" }));
    });
    svg.append(s("text", { x: full + 8, y: barY + 17, class: "strong" }, g.totalText));
  });
  return svg;
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
  const xs = curve.map((p) => Number(p.minutes_per_user));
  const ys = curve.flatMap((p) => [Number(p.pay_per_minute), Number(p.per_user_licence)]);
  const xMax = Math.max(...xs, 1);
  const yTicks = niceTicks(Math.max(...ys, 1), narrow ? 3 : 4);
  const yMax = yTicks[yTicks.length - 1];
  const xTicks = niceTicks(xMax, narrow ? 3 : 5).filter((t) => t <= xMax * 1.0001);
  const X = (v) => m.left + (pw * Number(v)) / xMax;
  const Y = (v) => m.top + ph - (ph * Number(v)) / yMax;
  const svg = chartSvg(prefix, width, height, title, desc);
  for (const t of yTicks) {
    svg.append(s("line", { x1: m.left, x2: m.left + pw, y1: Y(t), y2: Y(t), class: t === 0 ? "axis" : "grid" }));
    svg.append(s("text", { x: m.left - 6, y: Y(t) + 4, "text-anchor": "end", class: "muted" }, fmt.money(t)));
  }
  svg.append(s("line", { x1: m.left, x2: m.left, y1: m.top, y2: m.top + ph, class: "axis" }));
  for (const t of xTicks) {
    svg.append(s("line", { x1: X(t), x2: X(t), y1: m.top + ph, y2: m.top + ph + 5, class: "axis" }));
    svg.append(s("text", { x: X(t), y: m.top + ph + 18, "text-anchor": "middle", class: "muted" }, fmt.number(t)));
  }
  svg.append(s("text", { x: m.left + pw / 2, y: height - 4, "text-anchor": "middle", class: "muted" }, labels.xAxis));
  const pts = (key) => curve.map((p) => `${X(p.minutes_per_user).toFixed(1)},${Y(p[key]).toFixed(1)}`).join(" ");
  svg.append(s("polyline", { points: pts("per_user_licence"), class: "line-lic" }));
  svg.append(s("polyline", { points: pts("pay_per_minute"), class: "line-ppm" }));

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
    return s("text", { x: tx, y, "text-anchor": anchor, class: cls }, text);
  };
  if (current !== null && current !== undefined && Number(current) <= xMax) {
    const cx = X(current);
    svg.append(s("line", { x1: cx, x2: cx, y1: m.top, y2: m.top + ph, class: "mark-now" }));
    if (currentCost !== undefined) svg.append(s("circle", { cx, cy: Y(currentCost), r: 4, class: "mark-now-dot" }));
    svg.append(label(cx, m.top - 10, narrow ? labels.nowShort : labels.now, "halo", 6));
  }
  if (breakEven) {
    const bx = X(breakEven.minutes_per_user);
    const by = Y(breakEven.monthly_cost);
    svg.append(s("circle", { cx: bx, cy: by, r: 6, class: "mark-be" }));
    const ty = by - 14 < m.top + 12 ? by + 24 : by - 14;
    svg.append(label(bx, ty, narrow ? labels.breakEvenShort : labels.breakEven, "strong halo", 10));
  }
  return svg;
}

/** A line sample for the break-even legend. */
export function lineSwatch(cls) {
  return s("svg", { viewBox: "0 0 28 14", "aria-hidden": "true", focusable: "false" }, s("line", { x1: 1, x2: 27, y1: 7, y2: 7, class: cls }));
}
