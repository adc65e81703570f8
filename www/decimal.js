// Exact decimal helpers on BigInt, for the few sums the element does itself (splitting minutes between
// countries and kinds, adding up typed minutes, the cost chart's "other countries" bar). Reading what a
// person typed is number-input.js. A value is a decimal string such as
// "1200.5"; internally an integer scaled by 10^scale. Money is never turned into a JS number here.

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** Whether `s` is a plain non-negative decimal string ("12", "0.25"). */
export function isDecimal(s) {
  return typeof s === "string" && DECIMAL.test(s);
}

/** Number of fractional digits of a decimal string. */
export function scaleOf(s) {
  const m = DECIMAL.exec(s);
  return m && m[2] ? m[2].length : 0;
}

/** `s` (non-negative, or with a leading "-") as an integer scaled by 10^scale; throws if it has more digits. */
export function toScaled(s, scale) {
  const neg = s.startsWith("-");
  const m = DECIMAL.exec(neg ? s.slice(1) : s);
  if (!m) throw new RangeError(`not a decimal: ${s}`);
  const frac = m[2] || "";
  if (frac.length > scale && /[1-9]/.test(frac.slice(scale))) throw new RangeError(`${s} has more than ${scale} decimals`);
  const v = BigInt(m[1] + frac.slice(0, scale).padEnd(scale, "0"));
  return neg ? -v : v;
}

/** A scaled integer back to a normalised decimal string (no trailing zeros). */
export function fromScaled(v, scale) {
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString().padStart(scale + 1, "0");
  let int = digits.slice(0, digits.length - scale);
  let frac = scale ? digits.slice(digits.length - scale).replace(/0+$/, "") : "";
  return (neg ? "-" : "") + int + (frac ? "." + frac : "");
}

/** a + b for decimal strings, exactly. */
export function add(a, b) {
  const s = Math.max(scaleOf(a), scaleOf(b));
  return fromScaled(toScaled(a, s) + toScaled(b, s), s);
}

/** Compares two decimal strings: -1, 0 or 1. */
export function compare(a, b) {
  const s = Math.max(scaleOf(a.replace(/^-/, "")), scaleOf(b.replace(/^-/, "")));
  const x = toScaled(a, s);
  const y = toScaled(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a / b rounded half-up to `dp` places (both non-negative decimal strings, b > 0). */
export function divRound(a, b, dp) {
  const s = Math.max(scaleOf(a), scaleOf(b));
  const x = toScaled(a, s) * 10n ** BigInt(dp);
  const y = toScaled(b, s);
  const q = (2n * x + y) / (2n * y);
  return fromScaled(q, dp);
}

/**
 * Splits `total` (a non-negative BigInt) into parts proportional to `weights` (non-negative BigInts) that
 * add up to `total` exactly: each part gets the floor of its exact share, and the units left over go one
 * each to the largest remainders (ties to the earlier part). All weights 0 gives all parts 0.
 */
export function allocate(total, weights) {
  const sum = weights.reduce((a, w) => a + w, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * w) / sum);
  let left = total - parts.reduce((a, p) => a + p, 0n);
  const order = weights
    .map((w, i) => ({ i, r: (total * w) % sum }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}
