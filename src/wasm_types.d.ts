/** A decimal number written as a string, such as "0.0240" or "1200". Never a float. */
export type DecimalString = string;

/** A kind of call, priced per minute and per country. */
export type Kind = "toll" | "toll_free" | "dial_out_landline" | "dial_out_mobile";

/** One value per kind of call; absent kinds are not offered. */
export interface KindMap<T> {
  toll?: T;
  toll_free?: T;
  dial_out_landline?: T;
  dial_out_mobile?: T;
}

/** Monthly usage of one kind of call in one country. */
export interface LineRequest {
  /** ISO 3166-1 alpha-2 code, upper or lower case. */
  country: string;
  kind: Kind;
  /** Minutes in the month: a decimal string or a number, read as the decimal `JSON.stringify` writes for it (an exponent is refused). */
  minutes: DecimalString | number;
  /** Calls those minutes are spread over: enables per-call rounding and connection fees. */
  calls?: number | string;
}

/** What a customer uses in a month; the same JSON the CLI's `quote` reads. */
export interface QuoteRequest {
  /** ISO 4217 code of the quote; the card's currency when absent. */
  currency?: string;
  /** Licensed users, for the comparison with the per-user licence. */
  users?: number | string;
  /** Report lines whose kind is not offered in `Quote.unavailable` instead of throwing. */
  skip_unavailable?: boolean;
  lines: LineRequest[];
}

export interface QuoteLine {
  index: number;
  country: string;
  country_name: string;
  kind: Kind;
  minutes: DecimalString;
  calls: number | null;
  increment_seconds: number;
  billable_seconds: DecimalString;
  billable_minutes: DecimalString;
  /** Per-minute rate in the quote currency, exact. */
  rate: DecimalString;
  connection_fee: DecimalString;
  connection_fees: DecimalString;
  /** The line's cost, rounded once to the currency's minor units. */
  cost: DecimalString;
  zone_a: boolean;
}

export interface Subtotal {
  /** A country code (by_country) or a kind name (by_kind). */
  key: string;
  minutes: DecimalString;
  billable_minutes: DecimalString;
  cost: DecimalString;
}

export interface Unavailable {
  index: number;
  country: string;
  kind: Kind;
  minutes: DecimalString;
  /** Stable, for translation: no Audio Conferencing there, no such numbers there, or no dial-out rate. */
  reason_code: ReasonCode;
  /** The rate card's English text. */
  reason: string;
}

export type ReasonCode = "not_sold" | "no_numbers" | "not_priced";

/** A note or warning: a stable `code` for translation and an English `message`. */
export interface Note {
  code: string;
  country?: string;
  /** The kind of call it concerns (kind_not_offered). */
  kind?: Kind;
  /** The amount it concerns, in the quote currency (credits_would_expire). */
  amount?: DecimalString;
  message: string;
}

export interface BreakEven {
  monthly_minutes: DecimalString;
  minutes_per_user: DecimalString;
  monthly_cost: DecimalString;
}

export interface CurvePoint {
  minutes_per_user: DecimalString;
  pay_per_minute: DecimalString;
  per_user_licence: DecimalString;
}

export interface Comparison {
  users: number;
  /** The requested minutes per licensed user: where the current usage sits on `curve`. */
  minutes_per_user: DecimalString;
  /** The licence's price per user per month, in the quote currency. */
  licence_price_per_user: DecimalString;
  licence_cost: DecimalString;
  licence_usage_cost: DecimalString;
  licence_total: DecimalString;
  pay_per_minute_total: DecimalString;
  cheaper: "pay_per_minute" | "per_user_licence" | "equal";
  savings: DecimalString;
  pool: { minutes: DecimalString; used_minutes: DecimalString; overflow_minutes: DecimalString };
  break_even: BreakEven | null;
  curve: CurvePoint[];
}

export interface CreditsPlan {
  minimum_funding: DecimalString;
  first_funding: DecimalString;
  recharge_amount: DecimalString;
  recharge_trigger: DecimalString;
  months_covered: DecimalString | null;
  warnings: Note[];
}

/** One line of `Calculator.priceLines`: the fields of the same `QuoteLine`, formatted alike. */
export interface LinePrice {
  /** Position in the request's `lines`. */
  index: number;
  billable_minutes: DecimalString;
  connection_fees: DecimalString;
  cost: DecimalString;
}

/** What `Calculator.priceLines` returns: the lines and the total of the quote, nothing else. */
export interface LinePrices {
  currency: string;
  minor_units: number;
  total: DecimalString;
  lines: LinePrice[];
  /** The requested minutes of lines left out by `skip_unavailable`, together. */
  unavailable_minutes: DecimalString;
}

/** A priced quote; every amount is a decimal string in `currency`. */
export interface Quote {
  currency: string;
  minor_units: number;
  rate_card: { version: string; effective_date: string; currency: string; illustrative: boolean; source: string };
  lines: QuoteLine[];
  by_country: Subtotal[];
  by_kind: Subtotal[];
  minutes: DecimalString;
  billable_minutes: DecimalString;
  connection_fees: DecimalString;
  total: DecimalString;
  effective_rate_per_minute: DecimalString | null;
  comparison: Comparison | null;
  credits: CreditsPlan;
  unavailable: Unavailable[];
  /** The requested minutes of `unavailable`, together. */
  unavailable_minutes: DecimalString;
  notes: Note[];
}

export interface CountryInfo {
  code: string;
  /** English name; show `Intl.DisplayNames` in the user's language. */
  name: string;
  offered: Kind[];
  unavailable: { kind: Kind; reason_code: ReasonCode; reason: string }[];
  audio_conferencing: boolean;
  zone_a: boolean;
  /** Whether Communications Credits can be bought there; null when unknown. */
  comm_credits: boolean | null;
  ppm_only: boolean;
  notes: string;
}

export interface LicenceData {
  price_per_user_month: DecimalString;
  pooled_dial_out_minutes_per_user: DecimalString;
  pool_kinds: Kind[];
  pool_zone_a_only: boolean;
}

export interface RateCardInfo {
  version: string;
  effective_date: string;
  currency: string;
  illustrative: boolean;
  source: string;
  currencies: { code: string; minor_units: number; rate: DecimalString }[];
}

export interface BillingOverride {
  increment_seconds?: number;
  connection_fee?: DecimalString;
  rounding?: "half_up" | "half_even" | "up" | "down";
}

/** A rate card document, format 1 (see the README's rate card section). */
export interface RateCardData {
  format: 1;
  version: string;
  effective_date: string;
  currency: string;
  source: string;
  illustrative: boolean;
  billing: { increment_seconds: number; connection_fee: DecimalString; rounding: "half_up" | "half_even" | "up" | "down" };
  currencies: { code: string; rate: DecimalString; minor_units?: number }[];
  licence: LicenceData;
  credits: { minimum_funding: DecimalString };
  countries: {
    code: string;
    name: string;
    audio_conferencing: boolean;
    ppm_only?: boolean;
    comm_credits?: boolean | null;
    zone_a?: boolean;
    rates: KindMap<DecimalString>;
    billing?: KindMap<BillingOverride>;
    unavailable?: KindMap<string>;
    notes?: string;
  }[];
}

/** The error every method throws: `message` is one line naming the field and value. */
export interface CalculatorError extends Error {
  /** Stable code: invalid_request, invalid_number, negative, too_large, invalid_count, unknown_country,
   * unknown_kind, unknown_currency, kind_not_offered, overflow, invalid_rate_card, rate_card_fetch. */
  code: string;
  /** Field path such as "lines[2].minutes"; "" for the request as a whole. */
  path: string;
  /** Every problem of a broken rate card. */
  problems: { path: string; message: string }[];
}
