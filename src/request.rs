//! The quote request, as it arrives from JSON, JS or a share link, and its validation.
//!
//! ```json
//! {"currency": "EUR", "users": 50, "lines": [{"country": "DE", "kind": "toll", "minutes": "1200", "calls": 40}]}
//! ```
//!
//! Numbers may be written as strings (`"1200.5"`) or JSON numbers (`1200`, `1200.5`). A JSON number is read
//! as exactly the decimal its text says (the reader never makes a float of it), with the same limits as a
//! string; one with an exponent (`1.2e3`) is refused.
//!
//! | field | accepted | error code when not |
//! |---|---|---|
//! | `currency` | a currency of the rate card (default: the card's) | `unknown_currency` |
//! | `users` | whole number 1 to [`limits::USERS`] | `invalid_count`, `too_large` |
//! | `lines[i].country` | ISO 3166-1 alpha-2 listed by the card, any case | `unknown_country` |
//! | `lines[i].kind` | `toll`, `toll_free`, `dial_out_landline`, `dial_out_mobile`, offered in that country | `unknown_kind`, `kind_not_offered` |
//! | `lines[i].minutes` | decimal 0 to [`limits::MINUTES`], at most [`limits::MINUTES_DP`] decimals | `invalid_number`, `negative`, `too_large` |
//! | `lines[i].calls` | whole number 1 to [`limits::CALLS`] | `invalid_count`, `too_large` |
//! | `skip_unavailable` | `true`: a kind not offered becomes an entry of `quote.unavailable` instead of an error | |

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::card::Kind;
use crate::error::{quoted, Error, ErrorKind};
use crate::json::{from_json_struct, FromJson, Json, JsonError};
use crate::money::{parse_decimal, DecimalProblem};

/// Caps on request values. They are far above any real organisation's monthly usage and keep every
/// intermediate product well inside a 96-bit decimal.
pub mod limits {
    /// Most minutes in one line: a billion (about 1,900 years of talk).
    pub const MINUTES: u64 = 1_000_000_000;
    /// Most fractional digits of a minutes value.
    pub const MINUTES_DP: u32 = 6;
    /// Most calls in one line.
    pub const CALLS: u64 = 1_000_000_000;
    /// Most licensed users.
    pub const USERS: u64 = 10_000_000;
    /// Most lines in one request.
    pub const LINES: usize = 10_000;
}

/// A number as written in the request: text or a JSON integer, kept verbatim until validation so that
/// errors can quote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Number {
    /// Written as a string, such as `"1200.5"`.
    Text(String),
    /// Written as a JSON integer.
    Integer(i64),
}

impl Number {
    /// The number as a borrowed view, for validation.
    pub fn view(&self) -> NumberView<'_> {
        match self {
            Number::Text(t) => NumberView::Text(t),
            Number::Integer(i) => NumberView::Integer(*i),
        }
    }

    /// The value as written, for messages.
    pub fn shown(&self) -> String {
        self.view().shown()
    }

    /// Validates a decimal in `0..=max` with at most `max_dp` fractional digits. The error has no path
    /// yet: the caller knows where the number was ([`Error::at`]).
    pub fn decimal(&self, max: u64, max_dp: u32) -> Result<Decimal, Error> {
        self.view().decimal(max, max_dp)
    }

    /// Validates a whole number in `1..=max`; like [`Number::decimal`], the error has no path yet.
    pub fn count(&self, max: u64) -> Result<u64, Error> {
        self.view().count(max)
    }
}

/// A [`Number`] borrowed from where it was read: the JSON tree or the compact text of [`read_compact`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberView<'a> {
    /// Written as a string, or a JSON number that is not an i64.
    Text(&'a str),
    /// Written as a JSON integer.
    Integer(i64),
}

impl NumberView<'_> {
    /// The value as written, for messages.
    pub fn shown(self) -> String {
        match self {
            NumberView::Text(t) => quoted(t),
            NumberView::Integer(i) => i.to_string(),
        }
    }

    /// See [`Number::decimal`].
    pub fn decimal(self, max: u64, max_dp: u32) -> Result<Decimal, Error> {
        let value = match self {
            NumberView::Integer(i) if i < 0 => Err(DecimalProblem::Negative),
            NumberView::Integer(i) => Ok(Decimal::from(i)),
            NumberView::Text(t) => parse_decimal(t, max_dp),
        };
        let (kind, why) = match value {
            Ok(v) if at_most(v, max) => return Ok(v),
            Ok(_) | Err(DecimalProblem::TooLong) => (ErrorKind::TooLarge, format!("is more than the limit of {max}")),
            Err(DecimalProblem::Negative) => (ErrorKind::Negative, "is negative; it must be 0 or more".to_string()),
            Err(DecimalProblem::TooManyDecimals) => {
                (ErrorKind::InvalidNumber, format!("has more than {max_dp} decimal places"))
            }
            Err(DecimalProblem::NotANumber) => (
                ErrorKind::InvalidNumber,
                "is not a number; write digits with an optional decimal point, such as \"1200.5\"".to_string(),
            ),
        };
        Err(Error::new(kind, "", format!("{} {why}", self.shown())))
    }

    /// See [`Number::count`].
    pub fn count(self, max: u64) -> Result<u64, Error> {
        // A JSON integer in range is its own count (what the checks below find for it).
        if let NumberView::Integer(i) = self {
            if let Some(n) = u64::try_from(i).ok().filter(|n| (1..=max).contains(n)) {
                return Ok(n);
            }
        }
        let value = self.decimal(max, 28).map_err(|e| match e.kind {
            // "0 or more" would be wrong here: a count starts at 1.
            ErrorKind::Negative => {
                Error::new(ErrorKind::Negative, "", format!("{} is negative; it must be at least 1", self.shown()))
            }
            _ => e,
        })?;
        if value.trunc() != value {
            return Err(Error::new(ErrorKind::InvalidCount, "", format!("{} is not a whole number", self.shown())));
        }
        if value.is_zero() {
            return Err(Error::new(ErrorKind::InvalidCount, "", format!("{} must be at least 1", self.shown())));
        }
        u64::try_from(value).map_err(|_| {
            Error::new(ErrorKind::TooLarge, "", format!("{} is more than the limit of {max}", self.shown()))
        })
    }
}

/// `v <= max`, compared in integers: the mantissa against `max × 10^scale` (a product past 128 bits is
/// above any mantissa).
fn at_most(v: Decimal, max: u64) -> bool {
    if v.is_sign_negative() {
        return true;
    }
    match 10u128.checked_pow(v.scale()).and_then(|p| p.checked_mul(u128::from(max))) {
        Some(bound) => v.mantissa().unsigned_abs() <= bound,
        None => true,
    }
}

/// A request borrowed from where it was read, as [`crate::quote()`] prices it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestView<'a> {
    /// See [`QuoteRequest::currency`].
    pub currency: Option<&'a str>,
    /// See [`QuoteRequest::users`].
    pub users: Option<NumberView<'a>>,
    /// See [`QuoteRequest::skip_unavailable`].
    pub skip_unavailable: bool,
    /// See [`QuoteRequest::lines`].
    pub lines: Vec<LineView<'a>>,
}

/// A [`LineRequest`] borrowed from where it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineView<'a> {
    /// See [`LineRequest::country`].
    pub country: &'a str,
    /// See [`LineRequest::kind`].
    pub kind: &'a str,
    /// See [`LineRequest::minutes`].
    pub minutes: NumberView<'a>,
    /// See [`LineRequest::calls`].
    pub calls: Option<NumberView<'a>>,
}

impl QuoteRequest {
    /// The request as [`crate::quote()`] reads it.
    pub fn view(&self) -> RequestView<'_> {
        RequestView {
            currency: self.currency.as_deref(),
            users: self.users.as_ref().map(Number::view),
            skip_unavailable: self.skip_unavailable,
            lines: self
                .lines
                .iter()
                .map(|l| LineView {
                    country: &l.country,
                    kind: &l.kind,
                    minutes: l.minutes.view(),
                    calls: l.calls.as_ref().map(Number::view),
                })
                .collect(),
        }
    }
}

/// Reads the compact text the binding's `src/compact.js` makes of a well-formed request object: a head
/// `currency \t users \t skip \t n` and then n rows `country \t kind \t minutes \t calls`, separated by
/// newlines. The kind is its position in [`Kind::ALL`] (the encoder writes it only for a kind's exact
/// name); a string field starts with `"`; a number is its shortest round-trip text (what
/// `JSON.stringify` writes); an absent optional field is empty; skip is `1` or `0`. `None` for anything
/// else (a separator inside a string shows as a wrong count of fields or rows): the caller then reads the
/// request's JSON instead, so this never changes an outcome.
pub fn read_compact(text: &str) -> Option<RequestView<'_>> {
    let mut rows = fields(text, b'\n');
    let mut head = fields(rows.next()?, b'\t');
    let currency = match head.next()? {
        "" => None,
        c => Some(quoted_text(c)?),
    };
    let users = optional(head.next()?)?;
    let skip_unavailable = match head.next()? {
        "1" => true,
        "0" => false,
        _ => return None,
    };
    let n: usize = head.next()?.parse().ok()?;
    if head.next().is_some() || n > limits::LINES {
        return None;
    }
    let mut lines = Vec::with_capacity(n);
    for row in rows {
        let mut f = fields(row, b'\t');
        let country = f.next()?;
        let kind = f.next()?.parse().ok().and_then(|k: usize| Kind::ALL.get(k))?.name();
        let line = LineView { country, kind, minutes: compact_number(f.next()?)?, calls: optional(f.next()?)? };
        if f.next().is_some() {
            return None;
        }
        lines.push(line);
    }
    (lines.len() == n).then_some(RequestView { currency, users, skip_unavailable, lines })
}

/// The parts of `text` between `sep` bytes (ASCII), as `text.split(sep as char)` gives them, found by a
/// byte scan: `str::split`'s pattern searcher was a tenth of a 1-line `priceLines` call in WebAssembly.
fn fields(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let t = rest?;
        match t.bytes().position(|b| b == sep) {
            // An ASCII byte is a character boundary on both sides.
            Some(i) => {
                rest = t.get(i + 1..);
                t.get(..i)
            }
            None => {
                rest = None;
                Some(t)
            }
        }
    })
}

/// A text field of the compact text: what follows its opening `"`.
fn quoted_text(field: &str) -> Option<&str> {
    field.as_bytes().first().filter(|&&b| b == b'"').and_then(|_| field.get(1..))
}

/// An optional number field of the compact text: `Some(None)` when empty.
fn optional(field: &str) -> Option<Option<NumberView<'_>>> {
    if field.is_empty() {
        Some(None)
    } else {
        compact_number(field).map(Some)
    }
}

/// A number field of the compact text, read as [`Number::from_json`] reads the same value's JSON.
fn compact_number(field: &str) -> Option<NumberView<'_>> {
    if let Some(t) = quoted_text(field) {
        return Some(NumberView::Text(t));
    }
    match field.parse::<i64>() {
        Ok(i) => Some(NumberView::Integer(i)),
        Err(_) if field.is_empty() || field.contains(['e', 'E']) => None,
        Err(_) => Some(NumberView::Text(field)),
    }
}

impl Serialize for Number {
    /// Always as a string, so that share links and exports carry the exact text.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Number::Text(t) => s.serialize_str(t),
            Number::Integer(i) => s.serialize_str(&i.to_string()),
        }
    }
}

impl FromJson for Number {
    /// A string or a JSON number. A number with a fraction, or too long for an i64, is kept as the text
    /// it was written in, so that it is read exactly (and validated as a string is); one with an exponent
    /// is refused, since its text is not a plain decimal.
    fn from_json(value: Json, path: &str) -> Result<Number, JsonError> {
        match value {
            Json::String(s) => Ok(Number::Text(s)),
            Json::Number(n) => match n.parse::<i64>() {
                Ok(i) => Ok(Number::Integer(i)),
                Err(_) if n.contains(['e', 'E']) => Err(JsonError::at(
                    path,
                    format!("the number {n} has an exponent; write the digits as a string, such as \"1200.5\""),
                )),
                // A long run of digits, or digits with a fraction: the exact decimal the text says, checked
                // for sign, places and limit as a string is.
                Err(_) => Ok(Number::Text(n)),
            },
            other => Err(crate::json::expected(&other, path, "a decimal string such as \"1200.5\" or a whole number")),
        }
    }
}

from_json_struct!(QuoteRequest { currency: opt, users: opt, skip_unavailable: or_default, lines: req });
from_json_struct!(LineRequest { country: req, kind: req, minutes: req, calls: opt });

impl From<i64> for Number {
    fn from(v: i64) -> Number {
        Number::Integer(v)
    }
}

impl From<&str> for Number {
    fn from(v: &str) -> Number {
        Number::Text(v.to_string())
    }
}

/// A quote request: what a customer uses in a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct QuoteRequest {
    /// ISO 4217 code of the quote; the card's currency when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Licensed users, for the comparison with the per-user licence; no comparison when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub users: Option<Number>,
    /// When `true`, a line whose kind is not offered in its country is reported in `quote.unavailable`
    /// and left out of the totals, instead of failing the request.
    #[serde(skip_serializing_if = "is_false")]
    pub skip_unavailable: bool,
    /// Usage lines, priced in this order.
    pub lines: Vec<LineRequest>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Monthly usage of one kind of call in one country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LineRequest {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    /// `toll`, `toll_free`, `dial_out_landline` or `dial_out_mobile`.
    pub kind: String,
    /// Minutes in the month.
    pub minutes: Number,
    /// Number of calls (attendee call legs) those minutes are spread over; enables per-call rounding and
    /// connection fees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calls: Option<Number>,
}

/// Reads a request from JSON text (see [`crate::json`]): a shape error names its field path
/// (`lines[0].minutes: invalid type: ...`) and has the code `invalid_request`.
pub fn parse(text: &str) -> Result<QuoteRequest, Error> {
    crate::json::from_str(text).map_err(|e: JsonError| Error::new(ErrorKind::InvalidRequest, e.path, e.message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_what_split_gives() {
        let texts = ["", "\t", "a", "a\tb", "\ta\t\tb\t", "DE\t0\t\"12.5\t", "Ёж\tü\t\u{1F600}", "\n\n", "a\nb\tc\n"];
        for text in texts {
            for sep in [b'\t', b'\n'] {
                assert_eq!(
                    fields(text, sep).collect::<Vec<_>>(),
                    text.split(sep as char).collect::<Vec<_>>(),
                    "{text:?}"
                );
            }
        }
        assert_eq!(
            (quoted_text("\"EUR"), quoted_text("EUR"), quoted_text("\""), quoted_text("")),
            (Some("EUR"), None, Some(""), None)
        );
    }

    #[test]
    fn at_most_is_the_decimal_comparison() {
        let values = ["0", "1", "1.000000", "7.5", "1000000000", "1000000000.000001", "999999999.999999", "1e"];
        for max in [0, 1, 7, 1_000_000_000, u64::MAX] {
            for v in values.iter().filter_map(|t| parse_decimal(t, 28).ok()) {
                assert_eq!(at_most(v, max), v <= Decimal::from(max), "{v} <= {max}");
            }
            let huge = Decimal::from_i128_with_scale((1 << 96) - 1, 28);
            assert_eq!(at_most(huge, max), huge <= Decimal::from(max), "{huge} <= {max}");
        }
    }

    #[test]
    fn an_integer_count_is_what_the_decimal_checks_give() {
        // The fast path against the checks it skips: the same count, or an error either way.
        let slow = |n: NumberView, max: u64| NumberView::Text(&n.shown()).count(max).map_err(|e| e.kind);
        for i in [i64::MIN, -1, 0, 1, 2, 37, 1_000_000_000, 1_000_000_001, i64::MAX] {
            for max in [0, 1, 1_000_000_000, u64::MAX] {
                let n = NumberView::Integer(i);
                assert_eq!(n.count(max).map_err(|e| e.kind), slow(n, max), "{i} at most {max}");
            }
        }
    }
}
