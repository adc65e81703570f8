//! Rating: a [`QuoteRequest`] priced against a [`RateCard`] gives a [`Quote`].
//!
//! # Semantics
//!
//! For each request line, with the tariff of its country and kind (rate `r` per minute, increment `inc`
//! seconds, connection fee `f` per call, rounding `R`) and the quote currency's exchange rate `x` and minor
//! units `dp`:
//!
//! | case | billable seconds `b` | fees |
//! |---|---|---|
//! | no `calls` | `minutes × 60` (exact, no rounding) | 0 |
//! | `calls = c` | `c × ⌈minutes × 60 / c / inc⌉ × inc` (each call rounded up to the increment) | `c × f` |
//!
//! - Line cost = `R((b / 60 × r + fees) × x, dp)`: computed exactly and rounded once. `R` is half-up unless
//!   the card says otherwise, so 0.125 USD is 0.13; JPY has 0 and KWD 3 decimal places.
//! - Total = the sum of the line costs, exactly (no second rounding). Subtotals per country and per kind
//!   likewise, in order of first appearance.
//! - Effective price per minute = total / requested minutes, half-up to `dp + 3` places; absent for 0 minutes.
//!
//! The arithmetic is exact. Products and sums are checked: one that overflows 96 bits or would need more
//! than 28 decimal places is an [`ErrorKind::Overflow`] naming the line, never a silent rounding. Without
//! `calls` the cost is `minutes × r × x`, with no division; with `calls` it is
//! `(b × r × x + 60 × fees × x) / 60`, rounded by [`Rounding::round_quotient`] from the integer quotient
//! and remainder, so no digit is lost before the one rounding.
//!
//! # Per-user licence comparison (when `users` is given)
//!
//! - Licence cost = `users × price × x`, rounded half-up to `dp`.
//! - Usage under the licence, line by line: toll dial-in is included (0); toll-free is charged as under
//!   pay-per-minute; dial-out lines the pool covers (Zone A destinations, the dial-out kinds of the card's
//!   `pool_kinds`) share a pool of
//!   `users × pooled minutes`. When their billable minutes exceed the pool, each line gets a share of the
//!   pool in proportion to its billable minutes (floored to a microsecond, the last line taking the
//!   remainder up to its own minutes, so the shares add up to the pool) and pays for the rest at its
//!   rate; connection fees stay.
//!   Other dial-out is charged per minute.
//! - The cheaper option and by how much; and the break-even usage where both cost the same when every
//!   line's usage is scaled by one factor (per-call rounding held proportional): below it pay-per-minute is
//!   cheaper, above it the licence. The model and the chart points (`curve`) use the exact, unrounded line
//!   costs, so at the requested usage they may differ from the rounded totals by the lines' rounding.
//!
//! # Communications Credits plan
//!
//! With the monthly total `S` and the card's minimum funding `m` (converted, rounded up to a whole unit):
//! first funding = max(m, ⌈S⌉); auto-recharge amount = max(m, ⌈S / 2⌉); recharge when the balance falls
//! below max(⌈m / 5⌉, ⌈S / 4⌉). Warnings: funds expire 12 months after purchase (and how much of the first
//! funding would expire at this spend), calls stop at a zero balance, and each requested country where
//! Communications Credits cannot be bought (lines left out by `skip_unavailable` included).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::card::{Country, CountryCode, CountryName, Currency, Kind, RateCard, Tariff};
use crate::error::{quoted, Error, ErrorKind};
use crate::money::{ceil_major, plain, reads_as_str, text, Amount, DecimalText, Rounding};
use crate::request::{limits, QuoteRequest, RequestView};

/// A priced quote. Every amount is a decimal string in the quote currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// ISO 4217 code of every amount.
    pub currency: String,
    /// Decimal places of amounts in this currency.
    pub minor_units: u32,
    /// The rate card used.
    pub rate_card: CardInfo,
    /// Priced lines, in request order (lines not offered are in `unavailable` instead).
    pub lines: Vec<QuoteLine>,
    /// Subtotals per country, in order of first appearance.
    pub by_country: Vec<Subtotal>,
    /// Subtotals per kind, in order of first appearance.
    pub by_kind: Vec<Subtotal>,
    /// Requested minutes, all lines.
    pub minutes: Amount,
    /// Billable minutes, all lines (see [`QuoteLine::billable_minutes`]).
    pub billable_minutes: Amount,
    /// Connection fees, all lines.
    pub connection_fees: Amount,
    /// The monthly total: the exact sum of the line costs.
    pub total: Amount,
    /// Total / requested minutes, half-up to `minor_units + 3` places; `null` for 0 minutes.
    pub effective_rate_per_minute: Option<String>,
    /// Pay-per-minute against the per-user licence; `null` without `users`.
    pub comparison: Option<Comparison>,
    /// The Communications Credits plan for this monthly spend.
    pub credits: CreditsPlan,
    /// Lines not priced because their kind is not offered (only with `skip_unavailable`).
    pub unavailable: Vec<Unavailable>,
    /// Their requested minutes, all together.
    pub unavailable_minutes: String,
    /// Notes that matter for reading the quote, each with a stable code.
    pub notes: Vec<Note>,
}

/// Which rate card priced the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardInfo {
    /// The card's version label.
    pub version: String,
    /// The date its rates apply from.
    pub effective_date: String,
    /// The card's own currency.
    pub currency: String,
    /// Whether the rates are illustrative (not real prices).
    pub illustrative: bool,
    /// Where the rates come from.
    pub source: String,
}

/// One priced line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteLine {
    /// Position in the request's `lines`.
    pub index: usize,
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: CountryCode,
    /// English name of the country.
    pub country_name: CountryName,
    /// Kind of call.
    pub kind: Kind,
    /// Requested minutes, as a normalised decimal.
    pub minutes: Amount,
    /// Calls, when given.
    pub calls: Option<u64>,
    /// Billing increment applied per call, seconds (only relevant with `calls`).
    pub increment_seconds: u32,
    /// Billable seconds (exact).
    pub billable_seconds: Amount,
    /// Billable minutes: billable seconds / 60, shown half-up to 4 places when it does not terminate.
    pub billable_minutes: Amount,
    /// Per-minute rate in the quote currency (exact, unrounded).
    pub rate: Amount,
    /// Fee per call in the quote currency (exact).
    pub connection_fee: Amount,
    /// Calls × fee per call (exact).
    pub connection_fees: Amount,
    /// The line's cost, rounded once.
    pub cost: Amount,
    /// Whether the country is in Zone A.
    pub zone_a: bool,
}

/// A subtotal of lines sharing a country or a kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subtotal {
    /// The country code or the kind name.
    pub key: SubtotalKey,
    /// Requested minutes.
    pub minutes: Amount,
    /// Billable minutes (exact seconds summed, shown as [`QuoteLine::billable_minutes`] is).
    pub billable_minutes: Amount,
    /// Sum of the line costs.
    pub cost: Amount,
}

/// What a [`Subtotal`] groups by; reads, compares and serializes as the country code or the kind name.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubtotalKey {
    /// Lines of this country.
    Country(CountryCode),
    /// Lines of this kind.
    Kind(Kind),
}

impl SubtotalKey {
    /// The country code or the kind name.
    pub fn as_str(&self) -> &str {
        match self {
            SubtotalKey::Country(c) => c.as_str(),
            SubtotalKey::Kind(k) => k.name(),
        }
    }
}

reads_as_str!(SubtotalKey);

/// A request line left out because its kind is not offered in its country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unavailable {
    /// Position in the request's `lines`.
    pub index: usize,
    /// Country code.
    pub country: String,
    /// Kind of call.
    pub kind: Kind,
    /// Requested minutes.
    pub minutes: String,
    /// Why the kind is not offered: `not_sold` (no Audio Conferencing, so no dial-in numbers, in that
    /// country), `no_numbers` (that kind of dial-in number does not exist there) or `not_priced` (the card
    /// has no dial-out rate there). Stable, for translation; `reason` is the card's English text.
    pub reason_code: &'static str,
    /// Why the kind is not offered, in the card's words.
    pub reason: String,
}

/// A note with a stable code (for translation) and an English message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Stable code, such as `illustrative_rates` or `credits_unavailable`.
    pub code: String,
    /// The country it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The kind of call it concerns, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// The amount it concerns, if any, in the quote currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    /// English text.
    pub message: String,
}

/// Pay-per-minute against the per-user licence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// Licensed users.
    pub users: u64,
    /// The requested minutes per licensed user, half-up to 2 places (where the usage sits on `curve`).
    pub minutes_per_user: String,
    /// The licence's price per user per month, in the quote currency (exact).
    pub licence_price_per_user: String,
    /// The licence's monthly price for all users.
    pub licence_cost: String,
    /// What the usage costs on top of the licence (toll-free, dial-out beyond the pool or outside it).
    pub licence_usage_cost: String,
    /// Licence cost + usage under the licence.
    pub licence_total: String,
    /// The pay-per-minute total (the quote's total).
    pub pay_per_minute_total: String,
    /// `pay_per_minute`, `per_user_licence` or `equal`.
    pub cheaper: String,
    /// How much the cheaper option saves per month.
    pub savings: String,
    /// The pooled dial-out minutes: size, use and what is left.
    pub pool: Pool,
    /// Where both options cost the same; `null` when they never do for this call mix.
    pub break_even: Option<BreakEven>,
    /// Points of both cost lines against minutes per user (piecewise linear between points), for a chart.
    pub curve: Vec<CurvePoint>,
}

/// The licence's shared dial-out pool for the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pool {
    /// Pool size: users × pooled minutes per user.
    pub minutes: String,
    /// Billable minutes of covered dial-out lines drawn from the pool.
    pub used_minutes: String,
    /// Covered dial-out minutes beyond the pool, charged per minute.
    pub overflow_minutes: String,
}

/// The usage at which pay-per-minute and the per-user licence cost the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BreakEven {
    /// Total monthly minutes at the same call mix, half-up to 2 places.
    pub monthly_minutes: String,
    /// The same per licensed user.
    pub minutes_per_user: String,
    /// What either option costs there.
    pub monthly_cost: String,
}

/// One point of the comparison chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CurvePoint {
    /// Minutes per licensed user per month.
    pub minutes_per_user: String,
    /// Pay-per-minute cost at that usage.
    pub pay_per_minute: String,
    /// Licence plus usage under it.
    pub per_user_licence: String,
}

/// The Communications Credits plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreditsPlan {
    /// The suggested minimum funding, converted and rounded up to a whole unit.
    pub minimum_funding: String,
    /// Suggested first funding.
    pub first_funding: String,
    /// Auto-recharge: amount to add.
    pub recharge_amount: String,
    /// Auto-recharge: when the balance falls below this.
    pub recharge_trigger: String,
    /// How many months of this spend the first funding covers, to one place; `null` for no spend.
    pub months_covered: Option<String>,
    /// Warnings: expiry, zero balance, countries without Communications Credits.
    pub warnings: Vec<Note>,
}

/// A priced line with exact values, before formatting.
struct Priced<'a> {
    index: usize,
    /// The country's position in the card, for grouping without comparing codes.
    at: usize,
    country: &'a Country,
    kind: Kind,
    tariff: Tariff,
    minutes: Decimal,
    calls: Option<u64>,
    billable_seconds: Decimal,
    rate: Decimal,
    fee: Decimal,
    fees: Decimal,
    /// The unrounded cost, times 60 for a line with calls (see [`Priced::exact`]).
    numerator: Decimal,
    cost: Decimal,
}

impl Priced<'_> {
    /// The unrounded cost, for the break-even model, where 28 significant digits are plenty. Divided only
    /// when a comparison asks: a quotient by 60 is smaller than its numerator and cannot overflow.
    fn exact(&self) -> Decimal {
        match self.calls {
            None => self.numerator,
            Some(_) => self.numerator.cdiv(SIXTY).unwrap_or(self.numerator),
        }
    }
}

/// Checked decimal arithmetic, each operation compiled once: rust_decimal inlines its checked operations,
/// and at every call site that costs the WebAssembly module about a kilobyte.
trait Checked: Sized {
    fn cmul(self, other: Self) -> Option<Self>;
    fn cdiv(self, other: Self) -> Option<Self>;
    fn cadd(self, other: Self) -> Option<Self>;
    fn csub(self, other: Self) -> Option<Self>;
}

impl Checked for Decimal {
    #[inline(never)]
    fn cmul(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }
    #[inline(never)]
    fn cdiv(self, other: Decimal) -> Option<Decimal> {
        self.checked_div(other)
    }
    #[inline(never)]
    fn cadd(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }
    #[inline(never)]
    fn csub(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }
}

const SIXTY: Decimal = Decimal::from_parts(60, 0, 0, false, 0);

/// `a × b`, exactly or not at all: `None` on overflow or when the product would need rounding.
fn exact_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.cmul(b).filter(|p| p.scale() == a.scale() + b.scale() || p.is_zero())
}

/// `a × b` exactly, or an overflow error at `path`.
fn mul(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    exact_mul(a, b).ok_or_else(|| Error::overflow(path))
}

fn add(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    a.cadd(b).ok_or_else(|| Error::overflow(path))
}

fn sub(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    a.csub(b).ok_or_else(|| Error::overflow(path))
}

/// A running sum, exactly as folding [`Checked::cadd`] from zero gives it (value, scale and sign), and
/// `None` where that overflows. While it is not negative it is kept as a 128-bit mantissa and a scale,
/// and the usual steps are integer operations: a zero term leaves it as it is, a zero sum becomes the
/// term, and a positive term of the same scale adds when the sum fits 96 bits, which is what
/// `checked_add` does with them; anything else (a sign, another scale, an overflow) is `cadd`'s. (A
/// `Decimal` put together from its parts at every step was stored in pieces and read back whole at the
/// next, a store-forwarding stall per term.)
#[derive(Clone, Copy)]
enum Sum {
    /// `m × 10^-scale`, not negative, `m < 2^96`, `scale ≤ 28`.
    Plain { m: u128, scale: u32 },
    /// A negative sum (or a negative zero); `None` once a step overflowed.
    Other(Option<Decimal>),
}

impl Sum {
    const ZERO: Sum = Sum::Plain { m: 0, scale: 0 };

    fn of(d: Decimal) -> Sum {
        match d.is_sign_negative() {
            true => Sum::Other(Some(d)),
            false => Sum::Plain { m: d.mantissa().unsigned_abs(), scale: d.scale() },
        }
    }

    fn value(self) -> Option<Decimal> {
        match self {
            Sum::Plain { m, scale } => Decimal::try_from_i128_with_scale(m as i128, scale).ok(),
            Sum::Other(d) => d,
        }
    }

    #[inline]
    fn add(&mut self, term: Decimal) {
        if let Sum::Plain { m, scale } = self {
            let t = term.mantissa();
            if *m == 0 {
                *self = Sum::of(term);
                return;
            }
            if t == 0 {
                return;
            }
            if t > 0 && term.scale() == *scale && *m + t.unsigned_abs() < 1 << 96 {
                *m += t.unsigned_abs();
                return;
            }
        }
        *self = match self.value().and_then(|v| v.cadd(term)) {
            Some(v) => Sum::of(v),
            None => Sum::Other(None),
        };
    }
}

fn div(a: Decimal, b: Decimal, path: &str) -> Result<Decimal, Error> {
    a.cdiv(b).ok_or_else(|| Error::overflow(path))
}

/// Prices `request` against `card`. Never panics; every failure is an [`Error`] naming its field.
pub fn quote(card: &RateCard, request: &QuoteRequest) -> Result<Quote, Error> {
    quote_view(card, &request.view())
}

/// [`quote()`] of a borrowed request (as the binding reads it).
pub fn quote_view(card: &RateCard, request: &RequestView) -> Result<Quote, Error> {
    quote_of(card, rate(card, request, true)?)
}

#[inline(always)]
fn quote_of(card: &RateCard, rated: Rated) -> Result<Quote, Error> {
    let Rated { cur, users, priced, unavailable, requested, unavailable_minutes } = &rated;
    let dp = cur.minor_units;
    let sums = sums(&rated)?;
    let effective = effective_rate(&sums, dp)?.map(text);
    let comparison = users.map(|u| compare(card, cur, priced, u, sums.total)).transpose()?;
    let credits = credits_plan(card, cur, requested, sums.total)?;
    let data = card.data();
    Ok(Quote {
        currency: cur.code.clone(),
        minor_units: dp,
        rate_card: CardInfo {
            version: data.version.clone(),
            effective_date: data.effective_date.clone(),
            currency: data.currency.clone(),
            illustrative: data.illustrative,
            source: data.source.clone(),
        },
        by_country: subtotals(
            priced,
            card.countries().len(),
            |p| p.at,
            |p| SubtotalKey::Country(p.country.short_code()),
            dp,
        ),
        by_kind: subtotals(priced, Kind::ALL.len(), |p| p.kind as usize, |p| SubtotalKey::Kind(p.kind), dp),
        lines: priced.iter().map(|p| line_out(p, dp)).collect(),
        minutes: Amount::plain(sums.minutes),
        billable_minutes: Amount::new(minutes_value(sums.billable)),
        connection_fees: Amount::plain(sums.fees),
        total: Amount::new(money_value(sums.total, dp)),
        effective_rate_per_minute: effective,
        comparison,
        credits,
        notes: notes(card, priced, unavailable),
        unavailable_minutes: plain(*unavailable_minutes),
        unavailable: rated.unavailable,
    })
}

/// The lines and the total of [`quote()`], as compact text: a head `currency \t minor_units \t total \t
/// unavailable_minutes`, then for each priced line a newline and `index \t billable_minutes \t
/// connection_fees \t cost`, each decimal formatted as the Quote formats the same field (no field can hold
/// a tab or a newline). The binding makes `{currency, minor_units, total, lines: [{index,
/// billable_minutes, connection_fees, cost}], unavailable_minutes}` of it (`src/compact.js`). Same
/// validation and errors as [`quote()`] (the comparison is checked when there are `users`, the credits
/// plan's arithmetic always), but no Quote is built: the text is written straight from the exact values.
pub fn price_lines(card: &RateCard, request: &RequestView) -> Result<String, Error> {
    let rated = rate(card, request, false)?;
    let Rated { cur, users, priced, unavailable_minutes, .. } = &rated;
    let dp = cur.minor_units;
    let sums = sums(&rated)?;
    // The same checks as a quote, in its order. The effective rate's division can overflow only for a
    // total above 10^22: the minutes, when not 0, are at least 10^-6 (limits::MINUTES_DP), and
    // 10^22 / 10^-6 is well within a Decimal.
    if sums.total > EFFECTIVE_RATE_SAFE {
        effective_rate(&sums, dp)?;
    }
    if let Some(u) = users {
        compare(card, cur, priced, *u, sums.total)?;
    }
    credits_terms(card, cur)?;
    let mut out = String::with_capacity(32 + priced.len() * 40);
    out.push_str(&cur.code);
    out.push('\t');
    push_u64(&mut out, u64::from(dp));
    out.push('\t');
    push_decimal(&mut out, money_value(sums.total, dp));
    out.push('\t');
    out.push_str(&DecimalText::plain(*unavailable_minutes));
    for p in priced {
        out.push('\n');
        push_u64(&mut out, p.index as u64);
        out.push('\t');
        push_decimal(&mut out, minutes_value(p.billable_seconds));
        out.push('\t');
        out.push_str(&DecimalText::plain(p.fees));
        out.push('\t');
        push_decimal(&mut out, money_value(p.cost, dp));
    }
    Ok(out)
}

fn push_u64(out: &mut String, v: u64) {
    let mut buf = [0u8; 20];
    out.push_str(std::str::from_utf8(crate::json_write::digits(v, &mut buf)).unwrap_or_default());
}

fn push_decimal(out: &mut String, v: Decimal) {
    crate::money::write_text(out, v);
}

/// A total up to which [`effective_rate`] cannot fail (see [`price_lines`]).
const EFFECTIVE_RATE_SAFE: Decimal = Decimal::from_parts(0xb240_0000, 0x19e0_c9ba, 0x21e, false, 0); // 10^22

/// A request validated and its lines priced, before anything is formatted.
struct Rated<'c> {
    cur: &'c Currency,
    users: Option<u64>,
    priced: Vec<Priced<'c>>,
    unavailable: Vec<Unavailable>,
    /// The countries (card positions) of the request's lines, in order.
    requested: Vec<usize>,
    unavailable_minutes: Decimal,
}

/// The sums of the priced lines, checked in the order a quote reports their overflow.
struct Sums {
    total: Decimal,
    minutes: Decimal,
    billable: Decimal,
    fees: Decimal,
}

fn sums(rated: &Rated) -> Result<Sums, Error> {
    // One walk for the four sums; one that overflows stays `None`, and the first in this order is the error.
    let mut sums = [Sum::ZERO; 4];
    for p in &rated.priced {
        for (sum, term) in sums.iter_mut().zip([p.cost, p.minutes, p.billable_seconds, p.fees]) {
            sum.add(term);
        }
    }
    let [total, minutes, billable, fees] = sums;
    let checked = |sum: Sum, path: &str| sum.value().ok_or_else(|| Error::overflow(path));
    Ok(Sums {
        total: checked(total, "total")?,
        minutes: checked(minutes, "minutes")?,
        billable: checked(billable, "billable_minutes")?,
        fees: checked(fees, "connection_fees")?,
    })
}

/// Total / minutes, half-up to `dp + 3` places; `None` for 0 minutes.
fn effective_rate(sums: &Sums, dp: u32) -> Result<Option<Decimal>, Error> {
    if sums.minutes.is_zero() {
        return Ok(None);
    }
    Ok(Some(Rounding::HalfUp.round(div(sums.total, sums.minutes, "effective_rate_per_minute")?, dp + 3)))
}

/// The `kind_not_offered` error at `path`: `kind` as written, the country and why.
fn not_offered(path: String, kind: &str, country: &Country, reason: &str) -> Error {
    Error::new(
        ErrorKind::KindNotOffered,
        path,
        format!("{} is not offered in {} ({}): {reason}", quoted(kind), country.name, country.code),
    )
}

/// Validates `request` and prices its lines; see [`quote()`]. `requested` is left empty unless `countries`
/// (only the credits plan reads it).
fn rate<'c>(card: &'c RateCard, request: &RequestView, countries: bool) -> Result<Rated<'c>, Error> {
    let cur = quote_currency(card, request)?;
    if request.lines.len() > limits::LINES {
        return Err(Error::new(
            ErrorKind::TooLarge,
            "lines",
            format!("{} lines are more than the limit of {}", request.lines.len(), limits::LINES),
        ));
    }
    let users = request.users.map(|u| u.count(limits::USERS).map_err(|e| e.at("users"))).transpose()?;
    let mut priced = Vec::with_capacity(request.lines.len());
    let mut unavailable = Vec::new();
    let mut requested = Vec::with_capacity(if countries { request.lines.len() } else { 0 });
    let mut unavailable_minutes = Decimal::ZERO;
    for (index, line) in request.lines.iter().enumerate() {
        // Paths are built only for an error: a quote of many lines formats nothing it does not show.
        let at = |field: &str| format!("lines[{index}].{field}");
        let at_country = card.country_index(line.country).ok_or_else(|| {
            Error::new(
                ErrorKind::UnknownCountry,
                at("country"),
                format!(
                    "{} is not a country or region of this rate card (ISO 3166-1 alpha-2, such as \"DE\")",
                    quoted(line.country)
                ),
            )
        })?;
        let country = &card.countries()[at_country];
        let kind = Kind::from_name(line.kind)
            .ok_or_else(|| Error::new(ErrorKind::UnknownKind, at("kind"), crate::card::unknown_kind(line.kind)))?;
        let minutes = line.minutes.decimal(limits::MINUTES, limits::MINUTES_DP).map_err(|e| e.at(at("minutes")))?;
        let calls = line.calls.map(|c| c.count(limits::CALLS).map_err(|e| e.at(at("calls")))).transpose()?;
        if countries {
            requested.push(at_country);
        }
        match country.tariff(kind) {
            Ok(tariff) => priced.push(price_line(index, at_country, country, kind, *tariff, minutes, calls, cur)?),
            Err(reason) if request.skip_unavailable => {
                // Bounded: at most LINES lines of at most MINUTES each.
                unavailable_minutes = add(unavailable_minutes, minutes, "lines")?;
                unavailable.push(Unavailable {
                    index,
                    country: country.code.clone(),
                    kind,
                    minutes: plain(minutes),
                    reason_code: country.unavailable_code(kind),
                    reason: reason.to_string(),
                });
            }
            Err(reason) => return Err(not_offered(at("kind"), line.kind, country, reason)),
        }
    }
    Ok(Rated { cur, users, priced, unavailable, requested, unavailable_minutes })
}

fn quote_currency<'c>(card: &'c RateCard, request: &RequestView) -> Result<&'c Currency, Error> {
    let code = request.currency.unwrap_or(&card.data().currency);
    // The card's codes are ISO 4217's, upper case: the same match as upper-casing `code`, with no copy.
    card.currencies().iter().find(|c| c.code.eq_ignore_ascii_case(code)).ok_or_else(|| {
        let offered: Vec<&str> = card.currencies().iter().map(|c| c.code.as_str()).collect();
        Error::new(
            ErrorKind::UnknownCurrency,
            "currency",
            format!("{} is not a currency of this rate card; choose one of {}", quoted(code), offered.join(", ")),
        )
    })
}

/// One call priced on its own by [`price_call`], in the quote currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallCost {
    /// The call's seconds rounded up to the tariff's increment.
    pub billable_seconds: u64,
    /// The connection fee, exact.
    pub connection_fee: Decimal,
    /// The call's cost, rounded once with the tariff's rounding to the currency's minor units.
    pub cost: Decimal,
}

/// Prices one call of `seconds` of `kind` in the card's country number `country` (see
/// [`RateCard::country_index`]), in its currency number `currency` (see [`RateCard::currency_index`]):
/// billable seconds `⌈seconds / inc⌉ × inc`, cost `R((billable / 60 × r + f) × x, dp)`, exactly as a
/// quote line of `seconds / 60` minutes and 1 call. The fast path for pricing call records one by one
/// (a usage report of many thousand rows): no string is compared, parsed or allocated unless it fails.
///
/// ```
/// use audioconf_pricing::{builtin, quote::price_call, Kind};
///
/// let card = builtin::rate_card();
/// let (de, eur) = (card.country_index("DE").unwrap(), card.currency_index("EUR").unwrap());
/// // 61 seconds bill as 2 minutes: 2 × USD 0.0180 × 0.92 = EUR 0.03312, half-up 0.03.
/// let call = price_call(&card, de, Kind::Toll, eur, 61).unwrap();
/// assert_eq!((call.billable_seconds, call.cost.to_string().as_str()), (120, "0.03"));
/// ```
///
/// Errors: `unknown_country` or `unknown_currency` for a position the card does not have,
/// `kind_not_offered`, `too_large` above [`limits::MINUTES`] minutes, `overflow` as for a quote line.
pub fn price_call(
    card: &RateCard,
    country: usize,
    kind: Kind,
    currency: usize,
    seconds: u64,
) -> Result<CallCost, Error> {
    let c = card.countries().get(country).ok_or_else(|| {
        Error::new(ErrorKind::UnknownCountry, "country", format!("the card has no country number {country}"))
    })?;
    let cur = card.currencies().get(currency).ok_or_else(|| {
        Error::new(ErrorKind::UnknownCurrency, "currency", format!("the card has no currency number {currency}"))
    })?;
    let tariff = c.tariff(kind).map_err(|reason| not_offered("kind".to_string(), kind.name(), c, reason))?;
    if seconds > limits::MINUTES * 60 {
        return Err(Error::new(
            ErrorKind::TooLarge,
            "seconds",
            format!("{seconds} is more than the limit of {} seconds", limits::MINUTES * 60),
        ));
    }
    let inc = u64::from(tariff.increment_seconds);
    let billable_seconds = seconds.div_ceil(inc) * inc;
    let priced = || {
        let rate = exact_mul(tariff.rate, cur.rate)?;
        let fee = exact_mul(tariff.connection_fee, cur.rate)?;
        let numerator = cost_numerator(Decimal::from(billable_seconds), rate, fee)?;
        Some((fee, tariff.rounding.round_quotient(numerator, 60, cur.minor_units)?))
    };
    let (connection_fee, cost) = priced().ok_or_else(|| Error::overflow("seconds"))?;
    Ok(CallCost { billable_seconds, connection_fee, cost })
}

#[allow(clippy::too_many_arguments)]
fn price_line<'a>(
    index: usize,
    at: usize,
    country: &'a Country,
    kind: Kind,
    tariff: Tariff,
    minutes: Decimal,
    calls: Option<u64>,
    cur: &Currency,
) -> Result<Priced<'a>, Error> {
    let exact_terms = || {
        let rate = exact_mul(tariff.rate, cur.rate)?;
        let fee = exact_mul(tariff.connection_fee, cur.rate)?;
        let (billable_seconds, fees, cost, numerator) = match calls {
            // Minutes × rate, no division at all.
            None => {
                let exact = exact_mul(minutes, rate)?;
                let cost = tariff.rounding.round_quotient(exact, 1, cur.minor_units)?;
                (exact_mul(minutes, SIXTY)?, Decimal::ZERO, cost, exact)
            }
            // (seconds × rate + 60 × fees) / 60, rounded from the integer remainder.
            Some(c) => {
                let seconds = per_call_seconds(minutes, c, tariff.increment_seconds)?;
                let fees = exact_mul(Decimal::from(c), fee)?;
                let numerator = cost_numerator(seconds, rate, fees)?;
                let cost = tariff.rounding.round_quotient(numerator, 60, cur.minor_units)?;
                (seconds, fees, cost, numerator)
            }
        };
        Some((rate, fee, billable_seconds, fees, numerator, cost))
    };
    let (rate, fee, billable_seconds, fees, numerator, cost) = exact_terms().ok_or_else(|| {
        Error::new(
            ErrorKind::Overflow,
            format!("lines[{index}]"),
            format!(
                "{} minutes at {} a minute, × {} for {}, need more than the 28 significant digits of an \
                 exact amount; use fewer decimal places in the minutes or the rates",
                plain(minutes),
                plain(tariff.rate),
                plain(cur.rate),
                cur.code
            ),
        )
    })?;
    Ok(Priced { index, at, country, kind, tariff, minutes, calls, billable_seconds, rate, fee, fees, numerator, cost })
}

/// `calls × ⌈minutes × 60 / calls / increment⌉ × increment`, in integers: with minutes = m / 10^s, each
/// call's increments are ⌈m × 60 / (10^s × calls × increment)⌉. Within [`limits`] (m ≤ 10^15, s ≤ 6,
/// calls ≤ 10^9, increment ≤ 3600) every term fits a u64, which the checked operations confirm.
fn per_call_seconds(minutes: Decimal, calls: u64, increment: u32) -> Option<Decimal> {
    let numerator = u64::try_from(minutes.mantissa()).ok()?.checked_mul(60)?;
    let denominator = 10u64.checked_pow(minutes.scale())?.checked_mul(calls)?.checked_mul(u64::from(increment))?;
    let units = numerator.div_ceil(denominator);
    Some(Decimal::from(units.checked_mul(calls)?.checked_mul(u64::from(increment))?))
}

/// `seconds × rate + 60 × fees`: sixty times the exact cost of billable seconds, kept whole so that the
/// division by 60 is decided by [`Rounding::round_quotient`] and loses no digit.
fn cost_numerator(seconds: Decimal, rate: Decimal, fees: Decimal) -> Option<Decimal> {
    exact_mul(seconds, rate)?.cadd(exact_mul(fees, SIXTY)?)
}

fn money(value: Decimal, dp: u32) -> String {
    text(money_value(value, dp))
}

/// An amount as a quote shows it: with exactly `dp` decimal places.
fn money_value(value: Decimal, dp: u32) -> Decimal {
    let mut v = value;
    v.rescale(dp);
    v
}

/// Seconds as minutes: exact when the division terminates within 6 places, else half-up to 4 places.
fn seconds_as_minutes(seconds: Decimal) -> String {
    text(minutes_value(seconds))
}

/// The minutes [`seconds_as_minutes`] shows, as the decimal whose text it is.
fn minutes_value(seconds: Decimal) -> Decimal {
    // Whole seconds (every line with calls) in integers: s / 60 terminates exactly when 3 divides s, and
    // then within 2 places; otherwise its digits repeat (a factor 1/3), so no approximation of the
    // quotient sits on a half and half-up to 4 places is ⌊(s × 10^4 + 30) / 60⌋ / 10^4.
    if seconds.scale() == 0 {
        if let Some(s) = u64::try_from(seconds.mantissa()).ok().filter(|&s| s < 1 << 40) {
            let (mut units, mut scale) = if s % 3 == 0 { (s * 100 / 60, 2) } else { ((s * 10_000 + 30) / 60, 4) };
            // Normalized in 64 bits.
            while scale > 0 && units % 10 == 0 {
                units /= 10;
                scale -= 1;
            }
            return Decimal::new(units as i64, scale);
        }
    }
    minutes_by_division(seconds)
}

/// [`minutes_value`] by a `Decimal` division, for any seconds.
fn minutes_by_division(seconds: Decimal) -> Decimal {
    let minutes = seconds / SIXTY;
    let exact = minutes.normalize();
    if exact.scale() <= 6 {
        exact
    } else {
        Rounding::HalfUp.round(minutes, 4).normalize()
    }
}

fn line_out(p: &Priced, dp: u32) -> QuoteLine {
    QuoteLine {
        index: p.index,
        country: p.country.short_code(),
        country_name: p.country.shared_name().clone(),
        kind: p.kind,
        minutes: Amount::plain(p.minutes),
        calls: p.calls,
        increment_seconds: p.tariff.increment_seconds,
        billable_seconds: Amount::plain(p.billable_seconds),
        billable_minutes: Amount::new(minutes_value(p.billable_seconds)),
        rate: Amount::plain(p.rate),
        connection_fee: Amount::plain(p.fee),
        connection_fees: Amount::plain(p.fees),
        cost: Amount::new(money_value(p.cost, dp)),
        zone_a: p.country.zone_a,
    }
}

/// Subtotals grouped by `slot` (a country's or kind's index, below `slots`), in order of first
/// appearance; `key` names a group once, when it is written.
fn subtotals(
    priced: &[Priced],
    slots: usize,
    slot: impl Fn(&Priced) -> usize,
    key: impl Fn(&Priced) -> SubtotalKey,
    dp: u32,
) -> Vec<Subtotal> {
    // (first line, minutes, billable seconds, cost) per group, and each slot's group.
    let mut group: Vec<Option<usize>> = vec![None; slots];
    let mut sums: Vec<(&Priced, [Sum; 3])> = Vec::new();
    for p in priced {
        let i = *group[slot(p)].get_or_insert_with(|| {
            sums.push((p, [Sum::ZERO; 3]));
            sums.len() - 1
        });
        for (sum, term) in sums[i].1.iter_mut().zip([p.minutes, p.billable_seconds, p.cost]) {
            sum.add(term);
        }
    }
    // The sums are bounded by the checked grand totals computed before, so none overflows.
    let value = |sum: Sum| sum.value().unwrap_or(Decimal::MAX);
    sums.into_iter()
        .map(|(first, sums)| (first, sums.map(value)))
        .map(|(first, [minutes, seconds, cost])| Subtotal {
            key: key(first),
            minutes: Amount::plain(minutes),
            billable_minutes: Amount::new(minutes_value(seconds)),
            cost: Amount::new(money_value(cost, dp)),
        })
        .collect()
}

/// A note about `country` (a code), if any, with neither kind nor amount.
fn note(code: &str, country: Option<&str>, message: String) -> Note {
    Note { code: code.to_string(), country: country.map(str::to_string), kind: None, amount: None, message }
}

fn notes(card: &RateCard, priced: &[Priced], unavailable: &[Unavailable]) -> Vec<Note> {
    let data = card.data();
    let mut out = Vec::new();
    if data.illustrative {
        out.push(note(
            "illustrative_rates",
            None,
            format!(
                "Rates are illustrative, not Microsoft's prices (rate card {}, effective {}).",
                data.version, data.effective_date
            ),
        ));
    }
    out.push(note("excludes_taxes", None, "Prices exclude taxes.".to_string()));
    out.push(note(
        "volume_licensing_only",
        None,
        "Pay-per-minute is offered only to Volume Licensing customers, through their account representative."
            .to_string(),
    ));
    for u in unavailable {
        out.push(Note {
            kind: Some(u.kind),
            ..note("kind_not_offered", Some(&u.country), format!("{} not priced: {}.", u.kind.name(), u.reason))
        });
    }
    let mut seen = vec![false; card.countries().len()];
    for p in priced {
        if p.country.ppm_only && !std::mem::replace(&mut seen[p.at], true) {
            out.push(note(
                "ppm_only",
                Some(&p.country.code),
                format!("In {}, Audio Conferencing is sold only as pay-per-minute.", p.country.name),
            ));
        }
    }
    out
}

/// The per-user licence comparison; see the module docs.
fn compare(
    card: &RateCard,
    cur: &Currency,
    priced: &[Priced],
    users: u64,
    ppm_total: Decimal,
) -> Result<Comparison, Error> {
    let lic = card.licence();
    let dp = cur.minor_units;
    let users_d = Decimal::from(users);
    let price = mul(lic.price_per_user_month, cur.rate, "users")?;
    let licence_exact = mul(users_d, price, "users")?;
    let licence_cost = Rounding::HalfUp.round(licence_exact, dp);
    let pool_minutes = mul(users_d, lic.pooled_minutes_per_user, "users")?;
    let pool_seconds = mul(pool_minutes, SIXTY, "users")?;

    let covered: Vec<bool> = priced.iter().map(|p| lic.pool_covers(p.country, p.kind)).collect();
    let eligible_seconds = priced
        .iter()
        .zip(&covered)
        .filter(|(_, c)| **c)
        .try_fold(Decimal::ZERO, |acc, (p, _)| add(acc, p.billable_seconds, "users"))?;
    let shares = pool_shares(priced, &covered, eligible_seconds, pool_seconds)?;

    let mut usage = Decimal::ZERO;
    for ((p, covered), share) in priced.iter().zip(&covered).zip(&shares) {
        let cost = match (p.kind, covered) {
            (Kind::Toll, _) => Decimal::ZERO,
            (_, true) => {
                let charged = sub(p.billable_seconds, *share, "users")?;
                cost_numerator(charged, p.rate, p.fees)
                    .and_then(|n| p.tariff.rounding.round_quotient(n, 60, dp))
                    .ok_or_else(|| Error::overflow("users"))?
            }
            (_, false) => p.cost,
        };
        usage = add(usage, cost, "users")?;
    }
    let licence_total = add(licence_cost, usage, "users")?;
    let (cheaper, savings) = match ppm_total.cmp(&licence_total) {
        core::cmp::Ordering::Less => ("pay_per_minute", sub(licence_total, ppm_total, "users")?),
        core::cmp::Ordering::Greater => ("per_user_licence", sub(ppm_total, licence_total, "users")?),
        core::cmp::Ordering::Equal => ("equal", Decimal::ZERO),
    };
    let used = eligible_seconds.min(pool_seconds);
    let model = Model::new(priced, &covered, licence_exact, pool_minutes)?;
    let k = model.break_even();
    let break_even =
        k.map(|k| model.break_even_out(k, users_d, dp).ok_or_else(|| Error::overflow("users"))).transpose()?;
    let curve = model.curve(users_d, dp, k).ok_or_else(|| Error::overflow("users"))?;
    let minutes_per_user = model.per_user(Decimal::ONE, users_d).ok_or_else(|| Error::overflow("users"))?;
    Ok(Comparison {
        users,
        minutes_per_user: minutes_per_user.to_string(),
        licence_price_per_user: plain(price),
        licence_cost: money(licence_cost, dp),
        licence_usage_cost: money(usage, dp),
        licence_total: money(licence_total, dp),
        pay_per_minute_total: money(ppm_total, dp),
        cheaper: cheaper.to_string(),
        savings: money(savings, dp),
        pool: Pool {
            minutes: plain(pool_minutes),
            used_minutes: seconds_as_minutes(used),
            overflow_minutes: seconds_as_minutes(sub(eligible_seconds, used, "users")?),
        },
        break_even,
        curve,
    })
}

/// Each covered line's share of the pool, in seconds; 0 for lines the pool does not cover.
fn pool_shares(priced: &[Priced], covered: &[bool], eligible: Decimal, pool: Decimal) -> Result<Vec<Decimal>, Error> {
    if eligible <= pool {
        return Ok(priced
            .iter()
            .zip(covered)
            .map(|(p, c)| if *c { p.billable_seconds } else { Decimal::ZERO })
            .collect());
    }
    let last = covered.iter().rposition(|c| *c);
    let mut given = Decimal::ZERO;
    let mut shares = Vec::with_capacity(priced.len());
    for (i, (p, c)) in priced.iter().zip(covered).enumerate() {
        let share = if !c {
            Decimal::ZERO
        } else if Some(i) == last {
            sub(pool, given, "users")?.min(p.billable_seconds)
        } else {
            let exact = div(mul(pool, p.billable_seconds, "users")?, eligible, "users")?;
            Rounding::Down.round(exact, 6)
        };
        given = add(given, share, "users")?;
        shares.push(share);
    }
    Ok(shares)
}

/// Both options' monthly cost as functions of a usage scale factor `k` (1 = the requested usage):
/// pay-per-minute `A·k`; licence `L + N·k + (Zc / Z)·max(0, k·Z − P)`, where `A` is the exact
/// pay-per-minute cost, `T` the toll part of it (included in the licence), `Zc` the part the pool
/// covers, `Z` its billable minutes, `N = A − T − Zc` the part charged either way, `L` the licence price
/// and `P` the pool minutes.
struct Model {
    a: Decimal,
    t: Decimal,
    zc: Decimal,
    z: Decimal,
    n: Decimal,
    l: Decimal,
    p: Decimal,
    minutes: Decimal,
}

impl Model {
    fn new(priced: &[Priced], covered: &[bool], licence: Decimal, pool: Decimal) -> Result<Model, Error> {
        let (mut a, mut t, mut zc, mut z, mut minutes) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for (p, c) in priced.iter().zip(covered) {
            a = add(a, p.exact(), "users")?;
            minutes = add(minutes, p.minutes, "users")?;
            if p.kind == Kind::Toll {
                t = add(t, p.exact(), "users")?;
            } else if *c {
                // Only the per-minute part is covered by the pool; connection fees stay charged.
                zc = add(zc, sub(p.exact(), p.fees, "users")?, "users")?;
                z = add(z, div(p.billable_seconds, SIXTY, "users")?, "users")?;
            }
        }
        let n = sub(sub(a, t, "users")?, zc, "users")?;
        Ok(Model { a, t, zc, z, n, l: licence, p: pool, minutes })
    }

    fn ppm(&self, k: Decimal) -> Option<Decimal> {
        self.a.cmul(k)
    }

    fn licence(&self, k: Decimal) -> Option<Decimal> {
        let beyond = k.cmul(self.z)?.csub(self.p)?.max(Decimal::ZERO);
        let pooled = if self.z.is_zero() { Decimal::ZERO } else { self.zc.cdiv(self.z)?.cmul(beyond)? };
        self.l.cadd(self.n.cmul(k)?)?.cadd(pooled)
    }

    /// The scale factor where both cost the same. `ppm − licence` is `−L` at 0 and never decreases, so
    /// there is at most one crossing: first look below the pool's exhaustion point, then above it.
    fn break_even(&self) -> Option<Decimal> {
        if self.minutes.is_zero() || self.l.is_zero() {
            return None;
        }
        let slope_in_pool = self.t.cadd(self.zc)?;
        if !slope_in_pool.is_zero() {
            let k = self.l.cdiv(slope_in_pool)?;
            if self.z.is_zero() || k.cmul(self.z)? <= self.p {
                return Some(k);
            }
        }
        if self.t.is_zero() || self.z.is_zero() {
            return None;
        }
        let k = self.l.csub(self.zc.cmul(self.p)?.cdiv(self.z)?)?.cdiv(self.t)?;
        (k.cmul(self.z)? > self.p).then_some(k)
    }

    fn per_user(&self, k: Decimal, users: Decimal) -> Option<Decimal> {
        Some(Rounding::HalfUp.round(k.cmul(self.minutes)?.cdiv(users)?, 2))
    }

    fn break_even_out(&self, k: Decimal, users: Decimal, dp: u32) -> Option<BreakEven> {
        Some(BreakEven {
            monthly_minutes: Rounding::HalfUp.round(k.cmul(self.minutes)?, 2).to_string(),
            minutes_per_user: self.per_user(k, users)?.to_string(),
            monthly_cost: Rounding::HalfUp.round(self.ppm(k)?, dp).to_string(),
        })
    }

    /// Points at 0, the requested usage, the pool's exhaustion, the break-even and an end at 1.5 times the
    /// furthest of them; both lines are straight between consecutive points.
    /// `None` when a point overflows (only absurd volumes get there).
    fn curve(&self, users: Decimal, dp: u32, break_even: Option<Decimal>) -> Option<Vec<CurvePoint>> {
        if self.minutes.is_zero() {
            return Some(Vec::new());
        }
        let mut ks = vec![Decimal::ZERO, Decimal::ONE];
        if !self.z.is_zero() {
            ks.push(self.p.cdiv(self.z)?);
        }
        ks.extend(break_even);
        let far = ks.iter().copied().max().unwrap_or(Decimal::ONE);
        ks.push(far.cmul(Decimal::new(15, 1))?);
        // At most five points: an insertion sort keeps the module free of the general sort.
        let mut sorted: Vec<Decimal> = Vec::with_capacity(ks.len());
        for k in ks {
            let at = sorted.iter().position(|s| *s >= k).unwrap_or(sorted.len());
            if sorted.get(at) != Some(&k) {
                sorted.insert(at, k);
            }
        }
        sorted
            .into_iter()
            .map(|k| {
                Some(CurvePoint {
                    minutes_per_user: self.per_user(k, users)?.to_string(),
                    pay_per_minute: Rounding::HalfUp.round(self.ppm(k)?, dp).to_string(),
                    per_user_licence: Rounding::HalfUp.round(self.licence(k)?, dp).to_string(),
                })
            })
            .collect()
    }
}

/// The minimum funding in `cur`, rounded up to a whole unit: the credits plan's one checked product.
fn credits_terms(card: &RateCard, cur: &Currency) -> Result<Decimal, Error> {
    Ok(ceil_major(mul(card.minimum_funding(), cur.rate, "currency")?))
}

/// The plan for a monthly `spend`; `requested` are the countries (card positions) of the request's
/// lines, in order.
fn credits_plan(card: &RateCard, cur: &Currency, requested: &[usize], spend: Decimal) -> Result<CreditsPlan, Error> {
    let dp = cur.minor_units;
    let minimum = credits_terms(card, cur)?;
    let first = minimum.max(ceil_major(spend));
    let recharge = minimum.max(ceil_major(spend / Decimal::TWO));
    let trigger = ceil_major(minimum / Decimal::from(5)).max(ceil_major(spend / Decimal::from(4)));
    let months = (!spend.is_zero()).then(|| Rounding::HalfUp.round(first / spend, 1).to_string());
    let mut warnings = vec![note(
        "credits_expire",
        None,
        "Communications Credits not used within 12 months of purchase expire.".to_string(),
    )];
    // Twelve months of a total that fits a Decimal can overflow; then nothing can expire unused.
    let year = spend.cmul(Decimal::from(12)).unwrap_or(Decimal::MAX);
    if year < first {
        let expiring = money(sub(first, year, "currency")?, dp);
        warnings.push(Note {
            amount: Some(expiring.clone()),
            ..note(
                "credits_would_expire",
                None,
                format!(
                    "At this spend, about {expiring} {} of the first funding would expire unused after 12 months.",
                    cur.code
                ),
            )
        });
    }
    warnings.push(note(
        "zero_balance_stops_calls",
        None,
        "At a zero balance every call funded by Communications Credits stops, toll-free dial-in included: keep auto-recharge on.".to_string(),
    ));
    let mut seen = vec![false; card.countries().len()];
    for &at in requested {
        let country = &card.countries()[at];
        if country.comm_credits == Some(false) && !std::mem::replace(&mut seen[at], true) {
            warnings.push(note(
                "credits_unavailable",
                Some(&country.code),
                format!("Communications Credits cannot be bought in {}: an organisation there cannot fund pay-per-minute calls.", country.name),
            ));
        }
    }
    Ok(CreditsPlan {
        minimum_funding: money(minimum, dp),
        first_funding: money(first, dp),
        recharge_amount: money(recharge, dp),
        recharge_trigger: money(trigger, dp),
        months_covered: months,
        warnings,
    })
}

// The usage report's entry point: last in the file, so that it moves no line of the first-load module's
// code (whose panic locations hold line numbers).
/// What the call records of one (country, kind) add up to over some months, each call already rounded
/// up on its own to its tariff's increment (see [`crate::usage`]), for [`quote_billed`].
#[cfg(any(feature = "usage", not(target_arch = "wasm32")))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BilledLine {
    /// The country's position in [`RateCard::countries`].
    pub country: usize,
    /// Kind of call.
    pub kind: Kind,
    /// Connected calls.
    pub calls: u64,
    /// Their durations, summed, as talked.
    pub talk_seconds: u64,
    /// Their durations, each rounded up to the tariff's increment, summed (0 when the kind is not offered).
    pub billable_seconds: u64,
}

/// A quote of call records already rounded call by call: the average month of `months` months of
/// `lines` (one month when `months` is 1), in the card's currency number `currency`. Each line's cost is
/// `R((billable × r + 60 × calls × f) × x / (60 × months), dp)`, rounded once from the exact sum, so a
/// month's line costs what its calls cost together and the average month is the period's exact cost
/// divided by its months. Its `minutes` are the talked seconds / 60 / months, half-up to 6 places;
/// an average month's billable seconds and fees are shown half-up to 6 and 10 places, and its `calls`
/// are left out (`null`). A kind not offered in its country becomes an entry of
/// `unavailable`, as with `skip_unavailable`. Comparison (with `users`), credits plan and notes as for
/// [`quote()`].
#[cfg(any(feature = "usage", not(target_arch = "wasm32")))]
pub fn quote_billed(
    card: &RateCard,
    currency: usize,
    users: Option<u64>,
    lines: &[BilledLine],
    months: u32,
) -> Result<Quote, Error> {
    let cur = card.currencies().get(currency).ok_or_else(|| {
        Error::new(ErrorKind::UnknownCurrency, "currency", format!("the card has no currency number {currency}"))
    })?;
    if let Some(u) = users.filter(|u| *u > limits::USERS) {
        return Err(Error::new(
            ErrorKind::TooLarge,
            "users",
            format!("{u} is more than the limit of {}", limits::USERS),
        ));
    }
    let months = months.max(1);
    let per_month = |v: Decimal, dp: u32| match months {
        1 => v,
        m => Rounding::HalfUp.round(v / Decimal::from(m), dp).normalize(),
    };
    let mut priced = Vec::with_capacity(lines.len());
    let mut unavailable = Vec::new();
    let mut requested = Vec::with_capacity(lines.len());
    let mut unavailable_minutes = Decimal::ZERO;
    for (index, line) in lines.iter().enumerate() {
        let country = card.countries().get(line.country).ok_or_else(|| {
            Error::new(ErrorKind::UnknownCountry, "country", format!("the card has no country number {}", line.country))
        })?;
        let talk = Decimal::from(line.talk_seconds);
        let minutes = Rounding::HalfUp.round(talk / SIXTY / Decimal::from(months), 6).normalize();
        requested.push(line.country);
        let tariff = match country.tariff(line.kind) {
            Ok(t) => *t,
            Err(reason) => {
                unavailable_minutes = add(unavailable_minutes, minutes, "lines")?;
                unavailable.push(Unavailable {
                    index,
                    country: country.code.clone(),
                    kind: line.kind,
                    minutes: plain(minutes),
                    reason_code: country.unavailable_code(line.kind),
                    reason: reason.to_string(),
                });
                continue;
            }
        };
        let divisor = 60 * months;
        let terms = || {
            let rate = exact_mul(tariff.rate, cur.rate)?;
            let fee = exact_mul(tariff.connection_fee, cur.rate)?;
            let fees = exact_mul(Decimal::from(line.calls), fee)?;
            let numerator = cost_numerator(Decimal::from(line.billable_seconds), rate, fees)?;
            let cost = tariff.rounding.round_quotient(numerator, divisor, cur.minor_units)?;
            Some((rate, fee, fees, numerator, cost))
        };
        let (rate, fee, fees, numerator, cost) = terms().ok_or_else(|| Error::overflow(format!("lines[{index}]")))?;
        priced.push(Priced {
            index,
            at: line.country,
            country,
            kind: line.kind,
            tariff,
            minutes,
            calls: (months == 1).then_some(line.calls),
            billable_seconds: per_month(Decimal::from(line.billable_seconds), 6),
            rate,
            fee,
            fees: per_month(fees, 10),
            // As `exact` reads it: times 60 with calls (one month), the exact cost without (an average).
            numerator: match months {
                1 => numerator,
                _ => {
                    numerator.cdiv(Decimal::from(divisor)).ok_or_else(|| Error::overflow(format!("lines[{index}]")))?
                }
            },
            cost,
        });
    }
    quote_of(card, Rated { cur, users: users.filter(|u| *u > 0), priced, unavailable, requested, unavailable_minutes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_seconds_become_the_minutes_the_division_gives() {
        let by_division = minutes_by_division;
        let big = [(1u64 << 40) - 1, 1 << 40, 999_999_999_999, 60_000_000_000_000, u64::MAX];
        for s in (0..200_000).chain(big) {
            let s = Decimal::from(s);
            assert_eq!(minutes_value(s), by_division(s), "{s} seconds");
            assert_eq!(minutes_value(s).to_string(), by_division(s).to_string(), "{s} seconds");
        }
    }

    #[test]
    fn a_sum_is_checked_add_folded() {
        let m96 = (1i128 << 96) - 1;
        let mut values = vec![Decimal::ZERO, -Decimal::ZERO, Decimal::new(0, 3), Decimal::MAX, Decimal::MIN];
        for m in [1, 5, 999, 1 << 31, (1 << 32) + 7, 1 << 63, m96 / 2, m96 / 2 + 1, m96 - 1, m96] {
            for scale in [0, 1, 2, 6, 28] {
                let v = Decimal::from_i128_with_scale(m, scale);
                values.extend([v, -v]);
            }
        }
        // Every sequence of three terms: the same representation (value, scale, which the text shows,
        // and sign), or an overflow both ways.
        let fold = |terms: &[Decimal]| {
            let mut sum = Sum::ZERO;
            terms.iter().for_each(|t| sum.add(*t));
            sum.value().map(|v| v.serialize())
        };
        let checked =
            |terms: &[Decimal]| terms.iter().try_fold(Decimal::ZERO, |a, t| a.checked_add(*t)).map(|v| v.serialize());
        for &a in &values {
            for &b in &values {
                for &c in &values {
                    assert_eq!(fold(&[a, b, c]), checked(&[a, b, c]), "{a:?} + {b:?} + {c:?}");
                }
            }
        }
    }

    #[test]
    fn the_effective_rate_bound_is_ten_to_the_22() {
        assert_eq!(EFFECTIVE_RATE_SAFE, Decimal::from_i128_with_scale(10i128.pow(22), 0));
    }
}
