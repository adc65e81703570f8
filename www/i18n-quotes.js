// The English messages of the quote features (share links, exports, the printed quote, the quote details);
// the labels of their toolbar buttons are in i18n.js, since the buttons show from the first render.
// They load with those features, after the first total (quote-kit.js adds them to the English catalogue
// with addMessages), so the first load does not carry them; the Russian ones are in i18n-ru.js with the
// rest. Keys and conventions as in i18n.js.

export default {
  // Quote details
  quote_details_for: "Quote details: {customer}",
  customer: "Customer",
  prepared_by: "Prepared by",
  details_hint: "Shown on the printed quote, in the exports and in the share link.",

  // Share link
  link_copied: "Link copied. It opens this quote with the same inputs.",
  copy_denied: "The browser did not allow copying. Select the link below and copy it.",
  share_link: "Share link",
  rates_changed_title: "Rates have changed since this quote was made.",
  rates_changed_body: "Quoted: {quoted} with rate card {quoted_version}. Now: {current} with rate card {current_version}.",
  rates_changed_hint: "The prices below are today's. The link you send from here carries the new total.",
  link_problem_title: "This share link cannot be opened.",
  link_defaults: "The calculator shows its default inputs instead.",
  share_err_truncated: "It is incomplete: it was probably cut off when it was sent. Ask for the whole link.",
  share_err_damaged: "It is damaged: its check code does not match its content, so a character was changed or lost.",
  share_err_future_version: "It was made by a newer version of this calculator (link format {value}); this one reads format 1.",
  share_err_malformed: "Its {field} is not valid: “{value}”.",
  share_err_missing: "It has no {field}.",
  share_err_too_long: "It is too long: {value} characters.",
  share_err_unpriced: "Its request cannot be priced with this rate card: {message}",
  share_field_format: "format",
  share_field_part: "part",
  share_field_currency: "currency",
  share_field_users: "number of licensed users",
  share_field_locale: "language",
  share_field_card_version: "rate card version",
  share_field_total: "total",
  share_field_customer: "customer",
  share_field_prepared_by: "“prepared by”",
  share_field_lines: "lines",
  share_field_line: "line {line}",
  share_field_line_country: "country on line {line}",
  share_field_line_minutes: "minutes on line {line}",
  share_field_line_calls: "calls on line {line}",
  dismiss: "Dismiss",

  // Exports
  downloaded: "{file} downloaded.",

  // Printed quote
  quote_title: "Audio Conferencing pay-per-minute quote",
  quote_date: "Date",
  quote_valid: "This quote is valid for 30 days, until {date}.",
  quote_estimate: "A monthly estimate for the volumes above, not an invoice: the bill follows the minutes actually used.",
};
