// Numbers typed by a person, read strictly in the conventions of their locale. Pure: no DOM, runs in Node.
//
// A value is digits with at most one decimal mark (the locale's: "." in English, "," in Russian) and,
// optionally, thousands separated by the locale's group mark or a space, each followed by exactly three
// digits ("1,250.5" in English, "1 250,5" in Russian). Anything else is an error that says what was
// expected, never a silent guess: in English "12,5" is not 125 but "use a point for decimals: 12.5".

import { fromScaled, toScaled } from "./decimal.js";

/** Characters a person may type as a space between thousands (space, no-break, narrow no-break, thin). */
const SPACES = /[ \u00a0\u202f\u2009]/g;

const marksCache = new Map();

/** The decimal and group marks of `locale`, from Intl; a space-like group mark is returned as " ". */
export function numberMarks(locale) {
  if (!marksCache.has(locale)) {
    const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
    const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
    const group = (parts.find((p) => p.type === "group")?.value ?? ",").replace(SPACES, " ");
    marksCache.set(locale, { decimal, group });
  }
  return marksCache.get(locale);
}

const escape = (c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const patterns = new WeakMap();

/**
 * The strict pattern for a locale's marks: integer part (plain or grouped by threes), then an optional
 * fraction. Made once per marks (numberMarks keeps one object per locale): a request of 661 lines reads
 * over 1,300 fields.
 */
function pattern(marks) {
  if (!patterns.has(marks)) {
    const seps = [...new Set([marks.group, " "])].map(escape).join("|");
    const d = escape(marks.decimal);
    patterns.set(marks, new RegExp(`^(?:(\\d{1,3}(?:(${seps})\\d{3})(?:\\2\\d{3})*)|(\\d*))(?:${d}(\\d*))?$`));
  }
  return patterns.get(marks);
}

/** `s` (spaces already normalised) as {int, frac} when it is written the locale's way, else null. */
function strict(s, marks) {
  const m = pattern(marks).exec(s);
  if (!m) return null;
  const int = m[1] !== undefined ? m[1].split(m[2]).join("") : m[3];
  const frac = m[4] ?? "";
  if (int === "" && frac === "") return null;
  return { int: int || "0", frac };
}

/**
 * Reads a number typed in `locale`. Returns {value} with a normalised decimal string ("1250.5"), or
 * {error, example?}: "empty", "negative", "not_a_number", "too_many_decimals", "decimal_mark" (the other
 * mark was used for decimals; `example` is the value written the locale's way), "decimal_marks" (more
 * than one decimal mark) or "grouping" (a group mark not followed by exactly three digits).
 */
export function parseNumber(text, locale, maxDecimals) {
  const s = String(text ?? "").trim().replace(SPACES, " ");
  if (s === "") return { error: "empty" };
  if (/^-\s*[\d.,]/.test(s)) return { error: "negative" };
  if (!/^[\d., ]+$/.test(s) || !/\d/.test(s)) return { error: "not_a_number" };
  const marks = numberMarks(locale);
  const parsed = strict(s, marks);
  if (!parsed) {
    const example = suggestion(s, marks);
    return example ? { error: "decimal_mark", example } : { error: diagnose(s, marks) };
  }
  const frac = parsed.frac;
  if (frac.replace(/0+$/, "").length > maxDecimals) return { error: "too_many_decimals" };
  return { value: fromScaled(toScaled(`${parsed.int}${frac ? `.${frac}` : ""}`, frac.length), frac.length) };
}

/** The value with "." and "," exchanged, when that is a well-formed number in the locale. */
function suggestion(s, marks) {
  const swapped = s.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
  return strict(swapped, marks) ? swapped : null;
}

/** Why `s` is not a well-formed number in the locale (it holds only digits, marks and spaces). */
function diagnose(s, marks) {
  if (s.split(marks.decimal).length > 2) return "decimal_marks";
  if (/[., ]/.test(s)) return "grouping";
  return "not_a_number";
}

/** A decimal string as a person would type it back in `locale`: no grouping, the locale's decimal mark. */
export function toInputText(value, locale) {
  return String(value).replace(".", numberMarks(locale).decimal);
}
