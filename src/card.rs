//! The rate card: a versioned JSON document ([`RateCardData`], format 1) and its validated, compiled form
//! ([`RateCard`]) that the rating core prices against.
//!
//! Every amount in a card is a decimal **string** (`"0.0240"`), never a JSON number, so that no value passes
//! through binary floating point on its way in. A card is validated as a whole: [`RateCard::new`] returns
//! every problem it finds, each with its field path, not just the first.
//!
//! # Format 1, field by field
//!
//! | field | meaning |
//! |---|---|
//! | `format` | always `1` for this layout |
//! | `version`, `effective_date` | the card's own version label and the date (`YYYY-MM-DD`) its rates apply from |
//! | `currency` | ISO 4217 code every rate and fee in the card is written in |
//! | `source`, `illustrative` | where the rates come from; `true` when they are not real prices (shown on every screen) |
//! | `billing` | defaults: `increment_seconds` (calls are rounded up to it), `connection_fee` per call, `rounding` (`half_up`, `half_even`, `up`, `down`) |
//! | `currencies[]` | `{code, rate, minor_units?}`: quote currencies; `rate` is units of that currency per unit of the card's currency; `minor_units` overrides ISO 4217 |
//! | `licence` | the per-user licence for comparison: `price_per_user_month`, `pooled_dial_out_minutes_per_user`, `pool_kinds`, `pool_zone_a_only` |
//! | `credits` | Communications Credits: `minimum_funding` (in the card's currency) |
//! | `countries[]` | one entry per ISO 3166-1 alpha-2 code, see [`CountryData`] |

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::money::reads_as_str;

use crate::error::{quoted, Error, Problem};
use crate::json::{from_json_struct, Fields, FromJson, Json, JsonError};
use crate::money::{iso_minor_units, parse_decimal, DecimalProblem, Rounding};

/// The layout version this build reads and writes.
pub const FORMAT: u32 = 1;

/// ISO 3166-1 alpha-2 codes and English short names (`data/iso3166-1.tsv`).
pub(crate) const ISO3166: &str = include_str!("../data/iso3166-1.tsv");

/// Whether `code` is an ISO 3166-1 alpha-2 code (or `XK`, the user-assigned code widely used for Kosovo).
pub fn is_country_code(code: &str) -> bool {
    // A table of all 26 × 26 codes, made from the embedded list on first use: a card checks each of its
    // ~250 codes, and scanning the list for each one was a quadratic part of every card's validation.
    static CODES: std::sync::OnceLock<[bool; 26 * 26]> = std::sync::OnceLock::new();
    let codes = CODES.get_or_init(|| {
        let mut t = [false; 26 * 26];
        for slot in iso3166_rows().map(|(c, _)| c).chain(["XK"]).filter_map(code_slot) {
            t[slot] = true;
        }
        t
    });
    code.bytes().all(|b| b.is_ascii_uppercase()) && code_slot(code).is_some_and(|slot| codes[slot])
}

/// The rows of the embedded ISO 3166-1 table: (code, English name).
pub(crate) fn iso3166_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    ISO3166.lines().skip(1).filter_map(|line| line.split_once('\t'))
}

/// A kind of call, each priced per minute and per country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Dial-in to the organisation's toll (local-rate) conferencing number in that country.
    Toll,
    /// Dial-in to the organisation's toll-free number in that country.
    TollFree,
    /// Dial-out from a meeting to a landline in that country.
    DialOutLandline,
    /// Dial-out from a meeting to a mobile phone in that country.
    DialOutMobile,
}

impl Kind {
    /// All kinds, in the order they are shown.
    pub const ALL: [Kind; 4] = [Kind::Toll, Kind::TollFree, Kind::DialOutLandline, Kind::DialOutMobile];

    /// The name used in requests, cards and CSV files.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Toll => "toll",
            Kind::TollFree => "toll_free",
            Kind::DialOutLandline => "dial_out_landline",
            Kind::DialOutMobile => "dial_out_mobile",
        }
    }

    /// Parses a kind name.
    pub fn from_name(name: &str) -> Option<Kind> {
        // A match compares the length first, then the bytes of one name.
        match name {
            "toll" => Some(Kind::Toll),
            "toll_free" => Some(Kind::TollFree),
            "dial_out_landline" => Some(Kind::DialOutLandline),
            "dial_out_mobile" => Some(Kind::DialOutMobile),
            _ => None,
        }
    }

    /// Whether this is a call into the organisation's numbers (needs a dial-in number in that country).
    pub fn is_dial_in(self) -> bool {
        matches!(self, Kind::Toll | Kind::TollFree)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One value per kind of call; absent kinds are left out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct KindMap<T> {
    /// Toll dial-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toll: Option<T>,
    /// Toll-free dial-in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toll_free: Option<T>,
    /// Dial-out to landlines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dial_out_landline: Option<T>,
    /// Dial-out to mobiles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dial_out_mobile: Option<T>,
}

impl<T> KindMap<T> {
    /// The value for `kind`.
    pub fn get(&self, kind: Kind) -> Option<&T> {
        match kind {
            Kind::Toll => self.toll.as_ref(),
            Kind::TollFree => self.toll_free.as_ref(),
            Kind::DialOutLandline => self.dial_out_landline.as_ref(),
            Kind::DialOutMobile => self.dial_out_mobile.as_ref(),
        }
    }

    /// Sets the value for `kind`.
    pub fn set(&mut self, kind: Kind, value: T) {
        let slot = match kind {
            Kind::Toll => &mut self.toll,
            Kind::TollFree => &mut self.toll_free,
            Kind::DialOutLandline => &mut self.dial_out_landline,
            Kind::DialOutMobile => &mut self.dial_out_mobile,
        };
        *slot = Some(value);
    }

    fn is_empty(&self) -> bool {
        Kind::ALL.iter().all(|k| self.get(*k).is_none())
    }
}

/// A rate card document as written in JSON (format 1). Decimals are strings; see the module docs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateCardData {
    /// Layout version; must be [`FORMAT`].
    pub format: u32,
    /// The card's version label, e.g. `2026.11-illustrative`.
    pub version: String,
    /// The date the rates apply from, `YYYY-MM-DD`.
    pub effective_date: String,
    /// ISO 4217 code of every amount in the card.
    pub currency: String,
    /// Where the rates come from.
    pub source: String,
    /// `true` when the rates are not real prices.
    pub illustrative: bool,
    /// Default billing rules.
    pub billing: BillingData,
    /// Currencies a quote may be shown in.
    pub currencies: Vec<CurrencyData>,
    /// The per-user licence, for the comparison.
    pub licence: LicenceData,
    /// Communications Credits rules.
    pub credits: CreditsData,
    /// Countries and regions.
    pub countries: Vec<CountryData>,
}

/// Billing rules: the card's defaults, all fields required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BillingData {
    /// Each call's duration is rounded up to a multiple of this many seconds (1 to 3600).
    pub increment_seconds: u32,
    /// Charged once per call, in the card's currency (a decimal string).
    pub connection_fee: String,
    /// How a line's exact cost becomes minor units: `half_up`, `half_even`, `up` or `down`.
    pub rounding: String,
}

/// Per-country, per-kind billing overrides; absent fields keep the card's default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BillingOverride {
    /// Overrides [`BillingData::increment_seconds`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub increment_seconds: Option<u32>,
    /// Overrides [`BillingData::connection_fee`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection_fee: Option<String>,
    /// Overrides [`BillingData::rounding`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rounding: Option<String>,
}

/// A currency a quote may be shown in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CurrencyData {
    /// ISO 4217 code.
    pub code: String,
    /// Units of this currency per unit of the card's currency (a decimal string, more than 0).
    pub rate: String,
    /// Decimal places of a quote in this currency; ISO 4217's minor units when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minor_units: Option<u32>,
}

/// The per-user Audio Conferencing licence, for the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LicenceData {
    /// Price per licensed user per month, in the card's currency.
    pub price_per_user_month: String,
    /// Dial-out minutes each licensed user adds to the tenant's shared pool each month.
    pub pooled_dial_out_minutes_per_user: String,
    /// Which kinds the pool covers (normally the two dial-out kinds).
    pub pool_kinds: Vec<String>,
    /// Whether the pool covers only destinations in Zone A.
    pub pool_zone_a_only: bool,
}

/// Communications Credits rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CreditsData {
    /// The suggested minimum funding, in the card's currency (Microsoft suggests USD 50).
    pub minimum_funding: String,
}

/// A country or region in a rate card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountryData {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: String,
    /// English name.
    pub name: String,
    /// Whether Audio Conferencing can be bought here (dial-in numbers exist only where it can).
    pub audio_conferencing: bool,
    /// Whether Audio Conferencing is sold here only as pay-per-minute.
    pub ppm_only: bool,
    /// Whether Communications Credits can be bought here; `null` when not known (a dial-out-only destination).
    pub comm_credits: Option<bool>,
    /// Whether the country is in Zone A (the per-user licence's dial-out pool covers it).
    pub zone_a: bool,
    /// Per-minute rate per offered kind (decimal strings). A kind without a rate is not offered.
    pub rates: KindMap<String>,
    /// Billing overrides per kind.
    #[serde(skip_serializing_if = "KindMap::is_empty")]
    pub billing: KindMap<BillingOverride>,
    /// Why a kind is not offered, where the card wants to say more than the default reason.
    #[serde(skip_serializing_if = "KindMap::is_empty")]
    pub unavailable: KindMap<String>,
    /// Remarks shown with the country.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl RateCardData {
    /// Reads a card document from JSON text (see [`crate::json`]); a shape error is an
    /// `invalid_rate_card` error whose one problem names the field path.
    pub fn parse(text: &str) -> Result<RateCardData, Error> {
        crate::json::from_str(text)
            .map_err(|e: JsonError| Error::rate_card(vec![Problem { path: e.path, message: e.message }]))
    }
}

impl<T: FromJson> FromJson for KindMap<T> {
    fn from_json(value: Json, path: &str) -> Result<Self, JsonError> {
        let mut f = Fields::new(value, path)?;
        let map = KindMap {
            toll: f.opt("toll")?,
            toll_free: f.opt("toll_free")?,
            dial_out_landline: f.opt("dial_out_landline")?,
            dial_out_mobile: f.opt("dial_out_mobile")?,
        };
        f.end()?;
        Ok(map)
    }
}

from_json_struct!(RateCardData {
    format: req,
    version: req,
    effective_date: req,
    currency: req,
    source: req,
    illustrative: req,
    billing: req,
    currencies: req,
    licence: req,
    credits: req,
    countries: req,
});
from_json_struct!(BillingData { increment_seconds: req, connection_fee: req, rounding: req });
from_json_struct!(BillingOverride { increment_seconds: opt, connection_fee: opt, rounding: opt });
from_json_struct!(CurrencyData { code: req, rate: req, minor_units: opt });
from_json_struct!(LicenceData {
    price_per_user_month: req,
    pooled_dial_out_minutes_per_user: req,
    pool_kinds: req,
    pool_zone_a_only: req,
});
from_json_struct!(CreditsData { minimum_funding: req });
// `ppm_only` and `zone_a` default to false, `comm_credits` to unknown, `billing`, `unavailable` and
// `notes` to empty.
from_json_struct!(CountryData {
    code: req,
    name: req,
    audio_conferencing: req,
    ppm_only: or_default,
    comm_credits: opt,
    zone_a: or_default,
    rates: req,
    billing: or_default,
    unavailable: or_default,
    notes: or_default,
});

/// The billing terms of one kind of call in one country, with the card's defaults applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tariff {
    /// Price per minute, in the card's currency.
    pub rate: Decimal,
    /// Billing increment per call, seconds.
    pub increment_seconds: u32,
    /// Fee per call, in the card's currency.
    pub connection_fee: Decimal,
    /// Rounding of the line cost.
    pub rounding: Rounding,
}

/// A validated country's ISO 3166-1 alpha-2 code, held inline: what a quote line names its country by,
/// so that a line copies two bytes instead of a `String`. Reads as the code (`as_str`, `Deref`,
/// `Display`, `Debug`, `Serialize`) and compares equal to the same text as a `str`, `&str` or `String`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code of a validated country; `None` unless `code` is two upper-case ASCII letters.
    pub fn new(code: &str) -> Option<CountryCode> {
        match *code.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(CountryCode([a, b])),
            _ => None,
        }
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        // Only ASCII letters are held.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// A country's English name, shared by the card and every quote line that names it (a reference count
/// instead of a `String` a line). Reads and compares as [`CountryCode`] does.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryName(Arc<str>);

impl CountryName {
    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

reads_as_str!(CountryCode, CountryName);

/// A country with its tariffs, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// English name.
    pub name: String,
    /// Whether Audio Conferencing can be bought here.
    pub audio_conferencing: bool,
    /// Sold only as pay-per-minute.
    pub ppm_only: bool,
    /// Communications Credits can be bought here (`None`: unknown).
    pub comm_credits: Option<bool>,
    /// In Zone A.
    pub zone_a: bool,
    /// Remarks.
    pub notes: String,
    /// `code`, held inline.
    short_code: CountryCode,
    /// `name`, shared with quote lines.
    shared_name: CountryName,
    tariffs: [Option<Tariff>; 4],
    unavailable: [String; 4],
}

impl Country {
    /// The code, held inline (a quote line's `country`).
    pub fn short_code(&self) -> CountryCode {
        self.short_code
    }

    /// The name, shared (a quote line's `country_name`).
    pub fn shared_name(&self) -> &CountryName {
        &self.shared_name
    }

    /// The tariff of `kind`, or why it is not offered.
    pub fn tariff(&self, kind: Kind) -> Result<&Tariff, &str> {
        self.tariffs[kind.index()].as_ref().ok_or(self.unavailable[kind.index()].as_str())
    }

    /// Why `kind` is not offered, as a stable code: `not_sold` (a dial-in kind where Audio Conferencing
    /// is not sold), `no_numbers` (a dial-in kind with no such numbers here) or `not_priced` (dial-out
    /// without a rate). Meaningless for an offered kind.
    pub fn unavailable_code(&self, kind: Kind) -> &'static str {
        match kind {
            _ if !kind.is_dial_in() => "not_priced",
            _ if !self.audio_conferencing => "not_sold",
            _ => "no_numbers",
        }
    }

    /// The kinds offered here, in [`Kind::ALL`] order.
    pub fn offered(&self) -> impl Iterator<Item = Kind> + '_ {
        Kind::ALL.into_iter().filter(|k| self.tariffs[k.index()].is_some())
    }
}

/// A quote currency, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    /// ISO 4217 code.
    pub code: String,
    /// Units per unit of the card's currency.
    pub rate: Decimal,
    /// Decimal places of amounts.
    pub minor_units: u32,
}

/// The per-user licence terms, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Licence {
    /// Per user per month, card currency.
    pub price_per_user_month: Decimal,
    /// Pool minutes per user per month.
    pub pooled_minutes_per_user: Decimal,
    /// Kinds the pool covers.
    pub pool_kinds: Vec<Kind>,
    /// Pool limited to Zone A destinations.
    pub pool_zone_a_only: bool,
}

impl Licence {
    /// Whether the pool covers `kind` calls to `country`.
    pub fn pool_covers(&self, country: &Country, kind: Kind) -> bool {
        self.pool_kinds.contains(&kind) && (country.zone_a || !self.pool_zone_a_only)
    }
}

/// A validated rate card, ready to price quotes. Build it once and price many requests against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateCard {
    data: RateCardData,
    currencies: Vec<Currency>,
    countries: Vec<Country>,
    /// The position in `countries` of each two-letter code, indexed `(a - 'A') × 26 + (b - 'A')`: a line
    /// finds its country with two byte subtractions instead of comparing strings.
    by_code: Box<[Option<u16>]>,
    licence: Licence,
    minimum_funding: Decimal,
}

/// The slot of a two-letter code, either case, in a table of all 26 × 26.
pub(crate) fn code_slot(code: &str) -> Option<usize> {
    let &[a, b] = code.as_bytes() else { return None };
    let (a, b) = (a.to_ascii_uppercase(), b.to_ascii_uppercase());
    (a.is_ascii_uppercase() && b.is_ascii_uppercase()).then(|| usize::from(a - b'A') * 26 + usize::from(b - b'A'))
}

/// Largest per-minute rate or fee a card may hold (in its currency), a guard against typos such as a
/// price per hour.
const MAX_RATE: Decimal = Decimal::from_parts(1000, 0, 0, false, 0);
/// Largest exchange rate (units per card unit).
const MAX_FX: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);
/// Decimal places allowed in rates, fees and exchange rates.
const MAX_DP: u32 = 10;

impl RateCard {
    /// Validates `data` and compiles it. On failure the error lists every problem, each with its path.
    pub fn new(data: RateCardData) -> Result<RateCard, Error> {
        let mut v = Validator::default();
        let card = v.card(&data);
        match card {
            Some((currencies, countries, by_code, licence, minimum_funding)) if v.problems.is_empty() => {
                Ok(RateCard { data, currencies, countries, by_code, licence, minimum_funding })
            }
            _ => Err(Error::rate_card(v.problems)),
        }
    }

    /// The document this card was built from.
    pub fn data(&self) -> &RateCardData {
        &self.data
    }

    /// The country with ISO code `code` (either case).
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index(code).map(|i| &self.countries[i])
    }

    /// The position in [`RateCard::countries`] of the country with ISO code `code` (either case), found
    /// without a string comparison; the index [`crate::quote::price_call`] takes.
    pub fn country_index(&self, code: &str) -> Option<usize> {
        code_slot(code).and_then(|slot| self.by_code[slot]).map(usize::from)
    }

    /// All countries, in the card's order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The quote currencies; the card's own currency is first.
    pub fn currencies(&self) -> &[Currency] {
        &self.currencies
    }

    /// The quote currency `code`.
    pub fn currency(&self, code: &str) -> Option<&Currency> {
        self.currencies.iter().find(|c| c.code == code)
    }

    /// The position in [`RateCard::currencies`] of the quote currency `code` (upper case).
    pub fn currency_index(&self, code: &str) -> Option<usize> {
        self.currencies.iter().position(|c| c.code == code)
    }

    /// The per-user licence terms.
    pub fn licence(&self) -> &Licence {
        &self.licence
    }

    /// The suggested minimum Communications Credits funding, in the card's currency.
    pub fn minimum_funding(&self) -> Decimal {
        self.minimum_funding
    }
}

/// Collects problems while compiling a card.
#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

type Compiled = (Vec<Currency>, Vec<Country>, Box<[Option<u16>]>, Licence, Decimal);

impl Validator {
    fn problem(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem { path: path.into(), message: message.into() });
    }

    /// A decimal string in `0..=max`, or a problem at `path`.
    fn amount(&mut self, path: &str, text: &str, max: Decimal) -> Option<Decimal> {
        let why = match parse_decimal(text, MAX_DP) {
            Ok(v) if v <= max => return Some(v),
            Ok(_) => format!("is larger than {max}"),
            Err(DecimalProblem::Negative) => "is negative".to_string(),
            Err(DecimalProblem::TooManyDecimals) => {
                format!("has more than {MAX_DP} decimal places")
            }
            Err(_) => "is not a decimal number such as \"0.0240\"".to_string(),
        };
        self.problem(path, format!("{} {why}", quoted(text)));
        None
    }

    fn rounding(&mut self, path: &str, text: &str) -> Option<Rounding> {
        let r = Rounding::from_name(text);
        if r.is_none() {
            self.problem(
                path,
                format!("{} is not a rounding mode; expected half_up, half_even, up or down", quoted(text)),
            );
        }
        r
    }

    fn increment(&mut self, path: &str, seconds: u32) -> Option<u32> {
        if (1..=3600).contains(&seconds) {
            return Some(seconds);
        }
        self.problem(path, format!("{seconds} is not between 1 and 3600 seconds"));
        None
    }

    fn card(&mut self, d: &RateCardData) -> Option<Compiled> {
        if d.format != FORMAT {
            self.problem("format", format!("{} is not a supported format; this build reads format {FORMAT}", d.format));
        }
        if d.version.trim().is_empty() {
            self.problem("version", "is empty; give the card a version label");
        }
        if !is_date(&d.effective_date) {
            self.problem("effective_date", format!("{} is not a date written YYYY-MM-DD", quoted(&d.effective_date)));
        }
        let card_minor = iso_minor_units(&d.currency);
        if card_minor.is_none() {
            self.problem("currency", format!("{} is not an ISO 4217 currency code", quoted(&d.currency)));
        }
        let default = Tariff {
            rate: Decimal::ZERO,
            increment_seconds: self.increment("billing.increment_seconds", d.billing.increment_seconds).unwrap_or(60),
            connection_fee: self
                .amount("billing.connection_fee", &d.billing.connection_fee, MAX_RATE)
                .unwrap_or_default(),
            rounding: self.rounding("billing.rounding", &d.billing.rounding).unwrap_or_default(),
        };
        let currencies = self.currencies(d, card_minor);
        let licence = self.licence(&d.licence);
        let minimum_funding = self.amount("credits.minimum_funding", &d.credits.minimum_funding, MAX_FX);
        if d.countries.is_empty() {
            self.problem("countries", "is empty; a card needs at least one country");
        }
        let countries: Vec<Country> =
            d.countries.iter().enumerate().map(|(i, c)| self.country(i, c, &default)).collect();
        // The first position of each two-letter code, in a table of all 26 × 26: linear in the number of
        // countries (a card could repeat one code very many times), without sorting or hashing.
        // The table is kept as the card's index of codes. Codes that are not ISO 3166-1 (such as lower
        // case) are problems already, so a valid card has every country in it.
        let mut first: Box<[Option<u16>]> = vec![None; 26 * 26].into_boxed_slice();
        for (again, c) in countries.iter().enumerate() {
            let Some(slot) = code_slot(&c.code).filter(|_| c.code.bytes().all(|b| b.is_ascii_uppercase())) else {
                continue;
            };
            match &mut first[slot] {
                Some(earlier) => self.problem(
                    format!("countries[{again}].code"),
                    format!("{} is listed twice (also countries[{earlier}])", quoted(&c.code)),
                ),
                // ISO 3166-1 has fewer than 676 codes, so a valid card's positions fit a u16; a longer
                // card has repeated codes, which are problems above.
                slot => *slot = u16::try_from(again).ok(),
            }
        }
        Some((currencies, countries, first, licence?, minimum_funding?))
    }

    fn currencies(&mut self, d: &RateCardData, card_minor: Option<u32>) -> Vec<Currency> {
        let mut out =
            vec![Currency { code: d.currency.clone(), rate: Decimal::ONE, minor_units: card_minor.unwrap_or(2) }];
        for (i, c) in d.currencies.iter().enumerate() {
            let path = format!("currencies[{i}]");
            let Some(iso) = iso_minor_units(&c.code) else {
                self.problem(format!("{path}.code"), format!("{} is not an ISO 4217 currency code", quoted(&c.code)));
                continue;
            };
            let minor_units = match c.minor_units {
                Some(m) if m > 6 => {
                    self.problem(format!("{path}.minor_units"), format!("{m} is more than 6 decimal places"));
                    iso
                }
                Some(m) => m,
                None => iso,
            };
            let Some(rate) = self.amount(&format!("{path}.rate"), &c.rate, MAX_FX) else {
                continue;
            };
            if rate.is_zero() {
                self.problem(format!("{path}.rate"), format!("{} must be more than 0", quoted(&c.rate)));
            }
            if c.code == d.currency {
                if rate != Decimal::ONE {
                    self.problem(
                        format!("{path}.rate"),
                        format!("{} must be 1 for the card's own currency", quoted(&c.rate)),
                    );
                }
                out[0].minor_units = minor_units;
            } else if out.iter().any(|o| o.code == c.code) {
                self.problem(format!("{path}.code"), format!("{} is listed twice", quoted(&c.code)));
            } else {
                out.push(Currency { code: c.code.clone(), rate, minor_units });
            }
        }
        out
    }

    fn licence(&mut self, l: &LicenceData) -> Option<Licence> {
        let price = self.amount("licence.price_per_user_month", &l.price_per_user_month, MAX_FX);
        let pool = self.amount("licence.pooled_dial_out_minutes_per_user", &l.pooled_dial_out_minutes_per_user, MAX_FX);
        let mut pool_kinds = Vec::new();
        for (i, k) in l.pool_kinds.iter().enumerate() {
            match Kind::from_name(k) {
                Some(kind) if !kind.is_dial_in() => pool_kinds.push(kind),
                // Toll dial-in is included in the licence and toll-free never is: only dial-out can draw on the pool.
                Some(_) => self.problem(
                    format!("licence.pool_kinds[{i}]"),
                    format!(
                        "{} is a dial-in kind; the pool covers dial_out_landline and dial_out_mobile only",
                        quoted(k)
                    ),
                ),
                None => self.problem(format!("licence.pool_kinds[{i}]"), unknown_kind(k)),
            }
        }
        Some(Licence {
            price_per_user_month: price?,
            pooled_minutes_per_user: pool?,
            pool_kinds,
            pool_zone_a_only: l.pool_zone_a_only,
        })
    }

    fn country(&mut self, i: usize, c: &CountryData, default: &Tariff) -> Country {
        let path = format!("countries[{i}]");
        if !is_country_code(&c.code) {
            self.problem(
                format!("{path}.code"),
                format!(
                    "{} is not an ISO 3166-1 alpha-2 code (two upper-case letters such as \"DE\")",
                    quoted(&c.code)
                ),
            );
        }
        if c.name.trim().is_empty() {
            self.problem(format!("{path}.name"), "is empty");
        }
        let mut tariffs = [None; 4];
        let mut unavailable: [String; 4] = Default::default();
        for kind in Kind::ALL {
            let kpath = format!("{path}.rates.{}", kind.name());
            let over = c.billing.get(kind);
            match c.rates.get(kind) {
                Some(text) => {
                    if kind.is_dial_in() && !c.audio_conferencing {
                        self.problem(
                            &kpath,
                            format!("is set, but audio_conferencing is false: {} has no dial-in numbers", c.name),
                        );
                    }
                    let rate = self.amount(&kpath, text, MAX_RATE);
                    let t = self.override_tariff(&format!("{path}.billing.{}", kind.name()), over, default);
                    tariffs[kind.index()] = rate.map(|rate| Tariff { rate, ..t });
                }
                None => {
                    if over.is_some() {
                        self.problem(
                            format!("{path}.billing.{}", kind.name()),
                            format!("overrides billing of {}, which has no rate here", kind.name()),
                        );
                    }
                    unavailable[kind.index()] = match c.unavailable.get(kind) {
                        Some(reason) => reason.clone(),
                        None => default_reason(c, kind),
                    };
                }
            }
        }
        Country {
            code: c.code.clone(),
            name: c.name.clone(),
            // A code that is not two upper-case letters is a problem above, so no card holds this one.
            short_code: CountryCode::new(&c.code).unwrap_or(CountryCode(*b"ZZ")),
            shared_name: CountryName(Arc::from(c.name.as_str())),
            audio_conferencing: c.audio_conferencing,
            ppm_only: c.ppm_only,
            comm_credits: c.comm_credits,
            zone_a: c.zone_a,
            notes: c.notes.clone(),
            tariffs,
            unavailable,
        }
    }

    fn override_tariff(&mut self, path: &str, over: Option<&BillingOverride>, default: &Tariff) -> Tariff {
        let mut t = *default;
        let Some(o) = over else { return t };
        if let Some(s) = o.increment_seconds {
            t.increment_seconds =
                self.increment(&format!("{path}.increment_seconds"), s).unwrap_or(t.increment_seconds);
        }
        if let Some(f) = &o.connection_fee {
            t.connection_fee = self.amount(&format!("{path}.connection_fee"), f, MAX_RATE).unwrap_or_default();
        }
        if let Some(r) = &o.rounding {
            t.rounding = self.rounding(&format!("{path}.rounding"), r).unwrap_or_default();
        }
        t
    }
}

/// The message for a kind name that is not one of the four.
pub(crate) fn unknown_kind(text: &str) -> String {
    format!("{} is not a kind of call; expected toll, toll_free, dial_out_landline or dial_out_mobile", quoted(text))
}

/// Why `kind` is not offered in `c` when the card does not say.
fn default_reason(c: &CountryData, kind: Kind) -> String {
    match kind {
        _ if kind.is_dial_in() && !c.audio_conferencing => {
            format!("Audio Conferencing is not sold in {}, so there are no dial-in numbers there", c.name)
        }
        Kind::Toll => format!("Toll dial-in numbers are not available in {}", c.name),
        Kind::TollFree => format!("Toll-free dial-in numbers are not available in {}", c.name),
        Kind::DialOutLandline => format!("This rate card does not price dial-out to landlines in {}", c.name),
        Kind::DialOutMobile => format!("This rate card does not price dial-out to mobiles in {}", c.name),
    }
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: core::ops::Range<usize>| {
        s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit())).and_then(|p| p.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_read_by_their_names() {
        for k in Kind::ALL {
            assert_eq!(Kind::from_name(k.name()), Some(k));
        }
        for not_a_kind in ["", "Toll", "toll ", "tollfree", "dial_out"] {
            assert_eq!(Kind::from_name(not_a_kind), None, "{not_a_kind:?}");
        }
    }

    #[test]
    fn a_country_code_and_name_read_as_their_text() {
        assert_eq!(CountryCode::new("DE").map(|c| c.to_string()), Some("DE".to_string()));
        for not_a_code in ["de", "D", "DEU", "", "D1", "ÄB"] {
            assert_eq!(CountryCode::new(not_a_code), None, "{not_a_code:?}");
        }
        let card = crate::builtin::rate_card();
        for c in card.countries() {
            let (code, name) = (c.short_code(), c.shared_name().clone());
            assert_eq!((code.as_str(), &*code, name.as_str(), &*name), (&*c.code, &*c.code, &*c.name, &*c.name));
            // Both ways round, with a `String` and a `str`.
            assert_eq!(code, c.code);
            assert_eq!(c.code, code);
            assert_eq!(code, *c.code.as_str());
            assert_eq!(name, c.name);
            assert_eq!(c.name, name);
            assert_eq!(name, *c.name.as_str());
            assert_eq!(
                (format!("{code:?} {name:?}"), format!("{code} {name}")),
                (format!("{:?} {:?}", c.code, c.name), format!("{} {}", c.code, c.name))
            );
        }
    }

    #[test]
    fn dates() {
        for (s, ok) in [
            ("2026-11-01", true),
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("2026-13-01", false),
            ("2026-1-01", false),
            ("26-11-01xx", false),
        ] {
            assert_eq!(is_date(s), ok, "{s}");
        }
    }

    #[test]
    fn country_codes_are_iso_3166() {
        assert!(is_country_code("DE"));
        assert!(is_country_code("XK"));
        assert!(!is_country_code("de"));
        assert!(!is_country_code("UK"));
        assert_eq!(iso3166_rows().count(), 249);
    }
}
