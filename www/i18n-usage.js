// The usage report panel's messages (www/usage-panel.js, www/usage-view.js): English here, Russian in
// i18n-usage-ru.js, both loaded with the panel. None of them is needed before the first total, so they stay
// out of the first load (and out of i18n.js). Messages and plural forms as in i18n.js; `usageTexts(tx)` is
// the element's Texts with these messages added, falling back to the element's own catalogue.

import ru from "./i18n-usage-ru.js";

const MESSAGES = { ru };

const en = {
  usage_title: "Re-rate a Teams PSTN usage report",
  usage_private: "Nothing is uploaded: the file is read on this device.",
  usage_help: "In the Teams admin center, export the PSTN usage report and choose its CSV file here. Every conf_in and conf_out call is rated on its own with this rate card.",
  usage_file: "Usage report (CSV)",
  usage_drop: "or drop the file here",
  usage_dial_out: "Dial-out numbers that do not say mobile or landline",
  usage_as_landline: "Landline",
  usage_as_mobile: "Mobile",
  usage_as_share: "A share as mobile",
  usage_share: "Mobile share, %",
  usage_reading: "Reading the report: {rows} rows, {percent} of the file",
  usage_cancel: "Cancel",
  usage_close: "Close",
  usage_cancelled: "Import cancelled. The calculator is unchanged.",
  usage_done: "{rows} rows read, {calls} calls rated. The calculator shows {period}.",
  usage_average: { one: "the average month of {count} month", other: "the average month of {count} months" },
  usage_month: "Month",
  usage_average_option: "Average month",
  usage_charged: "You were charged {charged}; this card gives {rerated}.",
  usage_no_charges: "The report has no charges in one currency to compare with.",
  usage_months: "Months",
  usage_calls: "Calls",
  usage_minutes: "Minutes",
  usage_rerated: "Re-rated",
  usage_charged_col: "Charged",
  usage_lines: "Charged and re-rated, by line",
  usage_line: "Line",
  usage_left_out: "Rows not rated",
  usage_all_rated: "Every Audio Conferencing row was rated.",
  usage_rows: { one: "{count} row", other: "{count} rows" },
  usage_first_row: "first at row {row}",
  usage_unclassified: "{count} dial-out calls have a number that does not say mobile or landline; they are priced as chosen above.",
  usage_fees: "This card charges connection fees ({fees}); the calculator gets minutes only, so its total leaves them out.",
  usage_failed: "The report could not be used. The calculator is unchanged.",
  usage_no_calls: "The report has no Audio Conferencing calls (conf_in or conf_out). The calculator is unchanged.",
  usage_error_empty_report: "The file is empty. Choose the CSV file of the PSTN usage report.",
  usage_error_not_a_report: "This is not a CSV usage report: it is not text, or its first row is far too long. Choose the CSV file, not the zip it came in.",
  usage_error_missing_column: "The report has no column {columns}. Export the PSTN usage report with its header row.",
  usage_error_reader_failed: "The report reader could not be started in this browser. Reload the page and try again.",
  usage_reason_call_type: "Not Audio Conferencing: {type}",
  usage_reason_not_connected: "Not connected (0 seconds)",
  usage_reason_negative_duration: "Negative duration",
  usage_reason_bad_duration: "Duration is not whole seconds",
  usage_reason_absurd_duration: "Duration over 24 hours",
  usage_reason_bad_start_time: "Start time is not a date and time",
  usage_reason_unknown_country: "No country in Destination Dialed or the number",
  usage_reason_country_not_on_card: "A country this rate card does not list",
  usage_reason_row_too_long: "Row longer than 64 KB",
};
MESSAGES.en = en;

const cache = new WeakMap();

/** `tx` (the element's Texts) whose `t` also knows the panel's messages, in `tx`'s language. */
export function usageTexts(tx) {
  let out = cache.get(tx);
  if (out) return out;
  const own = MESSAGES[tx.lang] ?? en;
  const plural = new Intl.PluralRules(tx.locale);
  const t = (key, params = {}) => {
    let msg = own[key] ?? en[key];
    if (msg === undefined) return tx.t(key, params);
    if (typeof msg === "object") msg = msg[plural.select(Number(params.n ?? params.count ?? 0))] ?? msg.other;
    return msg.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
  };
  out = Object.create(tx, { t: { value: t } });
  cache.set(tx, out);
  return out;
}
