// Message catalogues and formatting for <audioconf-pricing> and its page.
//
// A message is a string with {placeholders}, or an object of plural forms keyed by Intl.PluralRules
// category (one, few, many, other); the form is chosen by the `n` parameter (a number or a decimal string,
// whose written decimals count, so "1.0" is plural in English). Country names come from Intl.DisplayNames,
// numbers, money and dates from Intl: nothing is formatted by hand.

export const SUPPORTED_LANGUAGES = ["en", "ru"];
export const LANGUAGE_NAMES = { en: "English", ru: "Русский" };
/** The word "Language" in each language, shown next to the switch for people who cannot read the current one. */
export const LANGUAGE_WORD = { en: "Language", ru: "Язык" };

const en = {
  // Page (index.html has the rest of its English; the iframe page's title is this)
  page_heading: "Audio Conferencing pay-per-minute calculator",
  offline_notice: "You are offline. The calculator works with the copy saved on this device.",
  update_available: "Updated version available.",
  update_reload: "Reload",

  // Status and rate card
  loading: "Loading prices…",
  card_fetch_title: "The rate card could not be loaded.",
  card_invalid_title: "The rate card has errors and cannot be used.",
  core_failed_title: "The calculator could not start.",
  card_failed_body: "Rate card: ",
  more_problems: { one: "…and {count} more problem.", other: "…and {count} more problems." },
  card_failed_kept: "Prices below still use the previous rate card ({version}). Your inputs are kept.",
  card_failed_inputs_kept: "Your inputs are kept: try again, or use the built-in illustrative rates.",
  retry: "Try again",
  use_builtin: "Use built-in illustrative rates",
  rate_card_version: "Rate card {version}, effective {date}",
  illustrative_badge: "Illustrative rates",
  currency: "Currency",
  language: "Language",

  // Countries
  countries_heading: "Countries and regions",
  search_label: "Add a country or region",
  search_hint: "Type a name or an ISO code (such as DE), then pick from the list.",
  search_placeholder: "e.g. France or FR",
  search_results: "Countries and regions",
  results_count: { one: "{count} result", other: "{count} results" },
  no_results: "No country or region matches.",
  added: "Added",
  already_added: "{country} is already in the list.",
  country_added: "{country} added.",
  country_removed: "{country} removed.",
  chosen_countries: "Chosen countries and regions",
  no_countries: "No countries yet: add the countries your participants call from or are called in.",
  remove: "Remove",
  remove_country: "Remove {country}",
  not_in_card: "Not in this rate card",
  not_offered_short: "not offered",
  tag_toll: "Toll",
  tag_toll_free: "Toll-free",
  tag_dial_out: "Dial-out",
  tag_not_sold: "Audio Conferencing not sold here",
  tag_dial_out_only: "Dial-out destination only",
  tag_no_credits: "No Communications Credits",
  tag_ppm_only: "Pay-per-minute only",
  no_credits_reason: "{country}: Communications Credits cannot be bought here, so an organisation here cannot fund pay-per-minute calls.",
  ppm_only_reason: "Audio Conferencing is sold here only as pay-per-minute.",
  card_note: "Rate card note",
  // Why a kind of call is not offered, by the core's reason_code: {kinds} is a list of kind labels (in
  // lower case; {kinds_cap} with a capital), n their number.
  // not_sold: "one" names the single kind; more than one is every dial-in kind.
  reason_not_sold: {
    one: "Audio Conferencing is not sold in {country}, so there are no {kinds} numbers there.",
    other: "Audio Conferencing is not sold in {country}, so there are no dial-in numbers there.",
  },
  reason_no_numbers: "{kinds_cap} numbers are not available in {country}.",
  reason_not_priced: "This rate card has no rate for {kinds} in {country}.",
  reason_other: "{kinds_cap}: not offered in {country}.",
  card_reason: "The rate card says:",
  split_legend: "Split the minutes between countries",
  split_equal: "Equally",
  split_custom: "By share",
  split_exact: "Exact minutes",
  country_shares: "Share of minutes per country",
  exact_hint: "Enter the minutes per country and kind of call. Calls are optional: with them, each call is rounded up to the billing increment and connection fees apply.",
  kind: "Kind of call",
  minutes: "Minutes",
  calls: "Calls",
  calls_optional: "Calls (optional)",

  // Kinds
  kind_toll: "Toll dial-in",
  kind_toll_free: "Toll-free dial-in",
  kind_dial_out_landline: "Dial-out to landlines",
  kind_dial_out_mobile: "Dial-out to mobiles",

  // Mix
  mix_heading: "Call mix",
  mix_hint: "Share of the minutes by kind of call. The four shares always add up to 100%: moving one adjusts the others.",
  mix_from_exact: "Worked out from the exact minutes you entered:",
  share_percent_of: "{label}, percent",
  shares_total: "Total: {total}",
  kind_missing_in: "Not offered in {countries}: these minutes are not priced.",

  // Volume
  volume_heading: "Monthly volume",
  volume_mode: "Enter the volume as",
  volume_minutes: "Total minutes",
  volume_meetings: "Meetings",
  minutes_label: "Minutes per month",
  minutes_unit: "minutes",
  minutes_hint: "All participants' minutes together, dial-in and dial-out.",
  meetings_label: "Meetings per month",
  participants_label: "Phone participants per meeting",
  duration_label: "Average minutes per participant",
  meetings_hint: "Counting the calls lets each call be rounded up to the billing increment and adds any connection fees.",
  meetings_result: { one: "= {minutes} minutes in {calls} call a month", other: "= {minutes} minutes in {calls} calls a month" },
  volume_from_exact: "Total from the exact minutes:",
  minutes_count: { one: "{count} minute", other: "{count} minutes" },

  // Users
  users_heading: "Compare with the per-user licence",
  users_label: "Licensed users",
  users_unit: "users",
  users_hint: "People who would get the Audio Conferencing licence. Leave empty to skip the comparison.",

  // Field errors
  err_empty: "Enter a number.",
  err_number: "Enter digits only, such as 1200.",
  err_not_integer: "Enter a whole number.",
  err_decimals: { one: "Use at most {count} decimal place.", other: "Use at most {count} decimal places." },
  err_negative: "Enter 0 or more.",
  err_min: "Enter at least {min}.",
  err_max: "Enter at most {max}.",
  err_decimal_mark: "Use a point for decimals: {example}.",
  err_decimal_marks: "Use one decimal point, such as 12.5.",
  err_grouping: "Write thousands with a comma and three digits, such as 1,250, and decimals with a point: 12.5.",
  show_all_lines: "Show all {count} lines",
  show_fewer_lines: "Show fewer lines",
  show_all_countries: "Show all {count} countries and regions",
  show_fewer_countries: "Show fewer countries and regions",
  stale_invalid: "Showing the last valid estimate: correct the highlighted field.",
  fix_inputs: "Correct the highlighted field to see prices.",

  // Core errors by code
  core_error: "This request cannot be priced.",
  core_invalid_request: "The request is not valid.",
  core_invalid_number: "A number is not valid.",
  core_negative: "A number is negative.",
  core_too_large: "A number is too large.",
  core_invalid_count: "A count must be a whole number of at least 1.",
  core_unknown_country: "A country is not in the rate card.",
  core_unknown_kind: "A kind of call is unknown.",
  core_unknown_currency: "The currency is not in the rate card.",
  core_kind_not_offered: "A kind of call is not offered in its country.",
  core_overflow: "The numbers are too large to price exactly.",

  // Summary
  total_label: "Estimated monthly total",
  per_minute_line: {
    one: "{rate} per minute on average · {minutes} minute",
    other: "{rate} per minute on average · {minutes} minutes",
  },
  no_minutes: "No minutes to price yet.",
  verdict_pay_per_minute: "Pay-per-minute is {amount} a month cheaper than the per-user licence.",
  verdict_per_user_licence: "The per-user licence would be {amount} a month cheaper.",
  verdict_equal: "Pay-per-minute and the per-user licence cost the same.",
  unpriced_minutes: {
    one: "{minutes} minute is not priced: its kind of call is not offered in its country.",
    other: "{minutes} minutes are not priced: their kind of call is not offered in their country.",
  },
  announce_total: "Monthly total {total}. {rate} per minute.",
  announce_total_only: "Monthly total {total}.",
  currency_not_in_card: "{wanted} is not a currency of this rate card; amounts are in {used}.",
  nothing_to_price: "Nothing to price yet: enter some minutes.",
  add_countries_first: "Add at least one country or region to see prices.",

  // Breakdown
  breakdown_heading: "Breakdown by country and kind",
  breakdown_caption: "Amounts in {currency}, excluding taxes. Select a column heading to sort.",
  col_country: "Country",
  col_kind: "Kind",
  col_rate: "Rate per minute",
  col_minutes: "Billable minutes",
  col_cost: "Cost",
  sortable: "sortable",
  sorted_by: "Sorted by {column}, {direction}.",
  ascending: "ascending",
  descending: "descending",
  calls_paren: { one: "({count} call)", other: "({count} calls)" },
  minutes_not_priced_paren: { one: "({minutes} minute not priced)", other: "({minutes} minutes not priced)" },
  minutes_not_priced: { one: "{minutes} minute is not priced.", other: "{minutes} minutes are not priced." },
  not_priced: "not priced",
  subtotal_for: "Subtotal, {country}",
  all_countries_kind: "All countries: {kind}",
  total_row: "Total",
  connection_fees_included: "Includes {amount} of connection fees.",

  // Chart
  chart_others: { one: "{count} other country or region", other: "{count} other countries and regions" },
  chart_heading: "Cost by country and kind",
  legend: "Legend",
  nothing_to_chart: "No costs to show.",

  // Comparison
  cmp_heading: "Pay-per-minute or the per-user licence?",
  cmp_needs_users: "Enter the number of licensed users above to compare with the per-user licence.",
  option_pay_per_minute: "Pay-per-minute",
  option_per_user_licence: "Per-user licence",
  per_month: "per month",
  cheaper_by: "Cheaper by {amount}",
  ppm_detail: "Every minute charged at the rates above.",
  licence_detail: { one: "{users} licence × {price} = {licence}", other: "{users} licences × {price} = {licence}" },
  licence_usage_detail: "Usage the licence does not include: {usage}",
  break_even_text: "Both cost {cost} at about {per_user} minutes per user a month ({monthly} minutes in total). You are at {current} minutes per user: below the break-even, pay-per-minute is cheaper; above it, the licence.",
  no_break_even_ppm: "With this call mix, pay-per-minute stays cheaper at any volume: the licence does not include these kinds of calls.",
  no_break_even_licence: "With this call mix, the per-user licence is cheaper at any volume.",
  pool_text: {
    one: "The licence includes a shared pool of {pool} dial-out minute to Zone A countries; this plan would use {used} of it ({overflow} beyond it).",
    other: "The licence includes a shared pool of {pool} dial-out minutes to Zone A countries; this plan would use {used} of them ({overflow} beyond it).",
  },
  break_even_chart_title: "Monthly cost against minutes per user",
  break_even_chart_desc: "Pay-per-minute rises with usage; the licence is flat until its included minutes run out. They cross at {per_user} minutes per user ({cost} a month). You are at {current} minutes per user.",
  break_even_chart_desc_none: "The two lines do not cross for this call mix. You are at {current} minutes per user.",
  axis_minutes_per_user: "Minutes per user per month",
  marker_now: "You: {value} min",
  marker_value: "{value} min",
  marker_break_even: "Break-even: {value} min",
  legend_break_even: "Break-even",
  legend_now: "Your usage",

  // Credits
  credits_heading: "Communications Credits plan",
  credits_intro: "Pay-per-minute is paid from prepaid Communications Credits. A plan for this monthly spend:",
  first_funding: "First funding",
  recharge_amount: "Auto-recharge amount",
  recharge_trigger: "Recharge when the balance falls below",
  months_covered: "First funding lasts about",
  months_value: { one: "{months} month", other: "{months} months" },
  minimum_funding: "The suggested minimum funding is {amount}.",
  credits_expire: "Communications Credits not used within 12 months of purchase expire.",
  credits_would_expire: "At this spend, about {amount} of the first funding would expire unused after 12 months.",
  zero_balance_stops_calls: "At a zero balance every call paid with Communications Credits stops, toll-free dial-in included: keep auto-recharge on.",
  credits_unavailable: "{country}: Communications Credits cannot be bought there, so an organisation there cannot fund pay-per-minute calls.",

  // Notes
  notes_heading: "Notes",
  illustrative_rates: "These rates are illustrative, not Microsoft's prices.",
  excludes_taxes: "Prices exclude taxes.",
  volume_licensing_only: "Pay-per-minute is offered only to Volume Licensing customers, through their account representative.",
  ppm_only: "{country}: Audio Conferencing is sold only as pay-per-minute.",
  card_line: "Rate card {version}, effective {date}.",
  source: "Source of the rates",


  // The toolbar buttons of features whose code (and other texts: i18n-features.js) loads when first used
  scenarios_button: "Scenarios",
  saved_button: "Saved quotes",
  // The quote features' buttons, shown from the first render (features.js) while their code loads after
  // the first total, so that nothing moves when it arrives; their other texts are in i18n-quotes.js.
  quote_details: "Quote details",
  copy_link: "Copy link",
  more_actions: "More actions",
  reference_label: "Reference",
  download_csv: "Download CSV",
  download_json: "Download JSON",
  print_quote: "Print quote",
  feature_not_loaded: "This part of the calculator could not be loaded. Check the connection and try again.",
  // Usage report import: the toolbar button (www/usage-import.js); the panel's texts are in
  // www/i18n-usage.js and i18n-usage-ru.js, loaded with the panel.
  usage_import: "Import usage report",
};

/** Catalogues by language: English is always here, the others are loaded on demand (loadCatalogue). */
const CATALOGUES = { en };
const LOADERS = { ru: () => import("./i18n-ru.js") };
const loading = new Map();

/** Adds the English messages of a lazily loaded part (i18n-features.js); keys already there keep theirs. */
export function addEnglish(messages) {
  for (const [key, msg] of Object.entries(messages)) if (!(key in en)) en[key] = msg;
}

/** Loads the catalogue of `locale`'s language (once); resolves when catalogue(locale) can use it. */
export function loadCatalogue(locale) {
  const lang = String(locale).split("-")[0].toLowerCase();
  if (CATALOGUES[lang] || !LOADERS[lang]) return Promise.resolve();
  if (!loading.has(lang)) {
    loading.set(lang, LOADERS[lang]().then((m) => {
      CATALOGUES[lang] = m.default;
    }));
  }
  return loading.get(lang);
}

/**
 * Adds the English messages of a feature that loads after the first total (i18n-quotes.js): they stay out of
 * the first load. Their translations are in the other catalogues as usual.
 */
export function addMessages(messages) {
  Object.assign(en, messages);
}

/** Whether the catalogue of `locale`'s language is ready (English always is). */
export function hasCatalogue(locale) {
  const lang = String(locale).split("-")[0].toLowerCase();
  return !!CATALOGUES[lang] || !LOADERS[lang];
}


/**
 * The locale to use: `requested` when its language has a catalogue, else the first of the browser's
 * languages that has one, else "en". Returns a canonical BCP 47 tag ("en-GB", "ru").
 */
export function resolveLocale(requested) {
  const prefs = requested ? [requested] : navigator.languages?.length ? [...navigator.languages] : [navigator.language || "en"];
  for (const tag of prefs) {
    let canonical;
    try {
      canonical = Intl.getCanonicalLocales(tag)[0];
    } catch {
      continue;
    }
    if (canonical && SUPPORTED_LANGUAGES.includes(canonical.split("-")[0].toLowerCase())) return canonical;
  }
  return "en";
}

/**
 * The message function for `locale`: t(key, params) with `t.has(key)`. Falls back to English (also while
 * the language's catalogue is not loaded yet), then to the key itself, so that a missing translation never
 * breaks the page.
 */
export function catalogue(locale) {
  const lang = String(locale).split("-")[0].toLowerCase();
  const primary = CATALOGUES[lang] ?? en;
  const plural = new Map();
  const rules = (scale) => {
    if (!plural.has(scale)) plural.set(scale, new Intl.PluralRules(locale, { minimumFractionDigits: scale }));
    return plural.get(scale);
  };
  const t = (key, params = {}) => {
    let msg = primary[key] ?? en[key] ?? key;
    if (typeof msg === "object") {
      const n = params.n ?? params.count;
      const text = String(n ?? 0);
      const scale = text.includes(".") ? text.split(".")[1].length : 0;
      const category = rules(scale).select(Number(text));
      msg = msg[category] ?? msg.other;
    }
    return msg.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
  };
  t.has = (key) => key in primary || key in en;
  t.lang = lang;
  return t;
}

// Formatting lives in format.js; it is re-exported here for the modules that import it with the catalogues.
export { Formatter } from "./format.js";
