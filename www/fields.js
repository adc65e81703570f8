// The form's text fields: how each is validated, and the Field a typed text becomes. Pure: no DOM, runs in
// Node (tests/node/state.test.mjs).
//
// A Field is {text, value, error, arg}: what was typed, its normalised decimal string (null when empty or
// invalid), an error code (see number-input.js, plus "not_integer", "too_small", "too_large") and the
// error's argument (the limit, the decimals allowed or an example written the locale's way).

import * as D from "./decimal.js";
import { parseNumber } from "./number-input.js";

/** Validation of each text field: decimals allowed, range, required. */
export const FIELDS = {
  minutes: { decimals: 2, min: "0", max: "1000000000", required: true },
  meetings: { decimals: 0, min: "0", max: "1000000", required: true },
  participants: { decimals: 0, min: "1", max: "1000", required: true },
  duration: { decimals: 2, min: "0", max: "1440", required: true },
  users: { decimals: 0, min: "1", max: "10000000", required: false },
  cellMinutes: { decimals: 6, min: "0", max: "1000000000", required: false },
  cellCalls: { decimals: 0, min: "1", max: "1000000000", required: false },
};

/** A Field for `text` typed in `locale` against `spec`. */
export function validateField(spec, text, locale) {
  const field = { text, value: null, error: null, arg: null };
  const parsed = parseNumber(text, locale, spec.decimals);
  if (parsed.error === "empty") {
    if (spec.required) field.error = "empty";
    return field;
  }
  if (parsed.error) {
    field.error = parsed.error === "too_many_decimals" && spec.decimals === 0 ? "not_integer" : parsed.error;
    field.arg = parsed.example ?? spec.decimals;
    return field;
  }
  if (D.compare(parsed.value, spec.min) < 0) {
    field.error = "too_small";
    field.arg = spec.min;
  } else if (D.compare(parsed.value, spec.max) > 0) {
    field.error = "too_large";
    field.arg = spec.max;
  } else field.value = parsed.value;
  return field;
}
