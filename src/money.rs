//! Currencies, exact decimal parsing and named rounding.
//!
//! Money is a [`Decimal`] from `rust_decimal`; nothing in the crate uses binary floating point. Every
//! rounding names its strategy ([`Rounding`]); the default for billing is half-up to the currency's minor
//! units, as ISO 4217 defines them (`data/iso4217.tsv`, copied from a maintained money library).

use std::sync::OnceLock;

use rust_decimal::{Decimal, RoundingStrategy};

/// The ISO 4217 table: code and minor units, tab-separated (see `data/README.md`).
const ISO4217: &str = include_str!("../data/iso4217.tsv");

/// The number of decimal places ISO 4217 gives a currency (2 for USD, 0 for JPY, 3 for KWD), or `None`
/// for a code that is not in ISO 4217 or has no minor unit. Lookup is case-sensitive: codes are upper case.
pub fn iso_minor_units(code: &str) -> Option<u32> {
    ISO4217.lines().skip(1).find_map(|line| {
        let (c, minor) = line.split_once('\t')?;
        (c == code).then(|| minor.trim().parse().ok()).flatten()
    })
}

/// How an exact amount becomes an amount in minor units. Amounts in this crate are never negative, so
/// "half-up" and "half away from zero" agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// Half a minor unit or more rounds up: 0.125 -> 0.13, 0.124999 -> 0.12. The billing default.
    #[default]
    HalfUp,
    /// Banker's rounding: exactly half goes to the even neighbour: 0.125 -> 0.12, 0.135 -> 0.14.
    HalfEven,
    /// Any fraction of a minor unit rounds up (ceiling): 0.121 -> 0.13.
    Up,
    /// Any fraction of a minor unit is dropped (floor): 0.129 -> 0.12.
    Down,
}

impl Rounding {
    /// The name used in rate cards and CSV files.
    pub fn name(self) -> &'static str {
        match self {
            Rounding::HalfUp => "half_up",
            Rounding::HalfEven => "half_even",
            Rounding::Up => "up",
            Rounding::Down => "down",
        }
    }

    /// Parses a name as written in a rate card (`half_up`, `half_even`, `up`, `down`).
    pub fn from_name(name: &str) -> Option<Rounding> {
        [Rounding::HalfUp, Rounding::HalfEven, Rounding::Up, Rounding::Down].into_iter().find(|r| r.name() == name)
    }

    fn strategy(self) -> RoundingStrategy {
        match self {
            Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Rounding::HalfEven => RoundingStrategy::MidpointNearestEven,
            Rounding::Up => RoundingStrategy::AwayFromZero,
            Rounding::Down => RoundingStrategy::ToZero,
        }
    }

    /// Rounds `value` to `dp` decimal places with this strategy and always shows exactly `dp` places
    /// (`2.5` at 2 places is `2.50`).
    pub fn round(self, value: Decimal, dp: u32) -> Decimal {
        let mut rounded = value.round_dp_with_strategy(dp, self.strategy());
        rounded.rescale(dp);
        rounded
    }
}

impl Rounding {
    /// Rounds `numerator / divisor` to `dp` places and shows exactly `dp` places, deciding in integers
    /// from the remainder, so that no digit of the quotient is lost before the rounding (a decimal
    /// division keeps only 28 significant digits). `numerator` must not be negative. `None` when the
    /// result does not fit a `Decimal`.
    ///
    /// | numerator | divisor | dp | half-up | half-even | up | down |
    /// |---|---|---|---|---|---|---|
    /// | 0.3 | 60 | 4 | 0.0050 | 0.0050 | 0.0050 | 0.0050 |
    /// | 0.3 | 60 | 2 | 0.01 | 0.00 | 0.01 | 0.00 |
    /// | 61 | 60 | 2 | 1.02 | 1.02 | 1.02 | 1.01 |
    pub fn round_quotient(self, numerator: Decimal, divisor: u32, dp: u32) -> Option<Decimal> {
        let (m, s) = (numerator.mantissa(), numerator.scale());
        if m < 0 || divisor == 0 {
            return None;
        }
        // value × 10^dp = m × 10^dp / (divisor × 10^s), as one integer fraction num / den.
        let (num, den) = if dp >= s {
            (m.checked_mul(10i128.checked_pow(dp - s)?)?, i128::from(divisor))
        } else {
            (m, i128::from(divisor).checked_mul(10i128.checked_pow(s - dp)?)?)
        };
        let (q, r) = (num / den, num % den);
        let round_up = match self {
            Rounding::HalfUp => 2 * r >= den,
            Rounding::HalfEven => 2 * r > den || (2 * r == den && q % 2 == 1),
            Rounding::Up => r > 0,
            Rounding::Down => false,
        };
        Decimal::try_from_i128_with_scale(q + i128::from(round_up), dp).ok()
    }
}

/// Rounds up to a whole number of major units (`46.01` -> `47`), for suggested Communications Credits amounts.
pub fn ceil_major(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(0, RoundingStrategy::AwayFromZero)
}

/// Why a text is not an acceptable decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalProblem {
    /// Not of the form `123`, `123.45` (optionally with a leading `-`).
    NotANumber,
    /// A leading minus sign.
    Negative,
    /// More fractional digits than allowed.
    TooManyDecimals,
    /// More digits than a `Decimal` holds.
    TooLong,
}

/// Parses a plain decimal: digits with an optional fraction (`1200`, `0.0240`), no exponent, no spaces,
/// no thousands separators, not negative, at most `max_dp` fractional digits.
pub fn parse_decimal(text: &str, max_dp: u32) -> Result<Decimal, DecimalProblem> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // One pass: where the point is, and the digits' value while it fits 64 bits (any 19 digits do).
    let bytes = body.as_bytes();
    let (mut point, mut digits, mut m) = (None, 0usize, 0u64);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                if digits < 19 {
                    m = m * 10 + u64::from(b - b'0');
                }
                digits += 1;
            }
            b'.' if point.is_none() => point = Some(i),
            _ => return Err(DecimalProblem::NotANumber),
        }
    }
    // Digits before the point, and after it when there is one.
    let frac = point.map_or(0, |p| bytes.len() - p - 1);
    if bytes.is_empty() || point == Some(0) || (point.is_some() && frac == 0) {
        return Err(DecimalProblem::NotANumber);
    }
    if negative {
        return Err(DecimalProblem::Negative);
    }
    if frac > max_dp as usize {
        return Err(DecimalProblem::TooManyDecimals);
    }
    // Built from its digits rather than by `Decimal::from_str`, whose general parser (signs, exponents,
    // underscores) would only add size to the WebAssembly module.
    let mut mantissa = i128::from(m);
    if digits > 19 {
        mantissa = 0;
        for b in bytes.iter().filter(|b| b.is_ascii_digit()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(b - b'0')))
                .ok_or(DecimalProblem::TooLong)?;
        }
    }
    Decimal::try_from_i128_with_scale(mantissa, frac as u32).map_err(|_| DecimalProblem::TooLong)
}

/// Formats a decimal without trailing zeros (`0.024000` -> `0.024`, `12.0` -> `12`).
pub fn plain(value: Decimal) -> String {
    DecimalText::plain(value).as_str().to_string()
}

/// Formats a decimal with exactly its scale's places (`2.50` stays `2.50`): the same text as `Display`,
/// written from the mantissa's digits in 64-bit steps, since rust_decimal's general formatter (96-bit
/// division by 10 per digit, then padding) was a fifth of a quote's time.
pub fn text(value: Decimal) -> String {
    let mut out = String::new();
    write_text(&mut out, value);
    out
}

/// Appends [`text`] of `value` to `out`, allocating nothing else.
pub fn write_text(out: &mut String, value: Decimal) {
    out.push_str(DecimalText::new(value).as_str());
}

/// The [`text`] of a decimal held inline, with no allocation: what an [`Amount`] is formatted into when it
/// is written, and what `price_lines` writes. Reads as a `&str` (`Deref`), compares equal to the same
/// text as a `String` or `&str`, and serializes as that string.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DecimalText {
    /// The text is `buf[at..]`.
    at: u8,
    buf: [u8; 32],
}

impl DecimalText {
    /// [`text`] of `value`.
    pub fn new(value: Decimal) -> Self {
        Self::write(value, false)
    }

    /// [`plain`] of `value`: without trailing zeros. The same text as `Self::new(value.normalize())`, with
    /// the zeros dropped from the digits in 64-bit steps (rust_decimal's `normalize` divides all 96 bits
    /// by 10 per zero, which was most of a quote line's formatting).
    pub fn plain(value: Decimal) -> Self {
        Self::write(value, true)
    }

    /// Written from the end: at most 29 digits, a point, a leading zero and a sign.
    fn write(value: Decimal, plain: bool) -> Self {
        let mantissa = value.mantissa().unsigned_abs();
        let Ok(mut m) = u64::try_from(mantissa) else {
            return Self::wide(if plain { value.normalize() } else { value });
        };
        let mut scale = value.scale() as usize;
        if plain {
            while scale > 0 && m % 10 == 0 {
                m /= 10;
                scale -= 1;
            }
        }
        // Written in place (a local array moved into the result afterwards was read back before its
        // byte stores had landed, a store-forwarding stall that was half of this function's time).
        let mut t = DecimalText { at: 0, buf: [b'0'; 32] };
        let mut at = t.buf.len();
        // The fraction's digits (zeros once `m` runs out), the point, then at least one whole digit.
        for _ in 0..scale {
            at -= 1;
            t.buf[at] = b'0' + (m % 10) as u8;
            m /= 10;
        }
        if scale > 0 {
            at -= 1;
            t.buf[at] = b'.';
        }
        loop {
            at -= 1;
            t.buf[at] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        // `normalize` makes a negative zero positive; `Display` keeps the sign of an unnormalized one.
        if value.is_sign_negative() && !(plain && mantissa == 0) {
            at -= 1;
            t.buf[at] = b'-';
        }
        t.at = at as u8;
        t
    }

    /// [`Self::new`] of a mantissa above 64 bits (rare: more than 19 digits), by rust_decimal's `Display`,
    /// whose text [`text`] is (at most 31 characters: a sign, 29 digits, a point and a leading zero).
    fn wide(value: Decimal) -> Self {
        let shown = value.to_string();
        let mut t = DecimalText { at: 0, buf: [b'0'; 32] };
        let len = t.buf.len();
        let at = len.saturating_sub(shown.len());
        t.buf[at..].copy_from_slice(&shown.as_bytes()[shown.len() - (len - at)..]);
        t.at = at as u8;
        t
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, a point and a sign are written.
        std::str::from_utf8(&self.buf[usize::from(self.at)..]).unwrap_or_default()
    }
}

/// `Deref`, `Display`, `Debug` and `Serialize` as the text, and equality with the same text as a
/// `str`, `&str` or `String`, either way round.
macro_rules! reads_as_str {
    ($($ty:ty),*) => {$(
        impl std::ops::Deref for $ty {
            type Target = str;
            fn deref(&self) -> &str {
                self.as_str()
            }
        }
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl std::fmt::Debug for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(self.as_str(), f)
            }
        }
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl From<$ty> for String {
            fn from(t: $ty) -> String {
                t.as_str().to_string()
            }
        }
        reads_as_str!(@eq $ty: str, &str, String);
    )*};
    (@eq $ty:ty: $($t:ty),*) => {$(
        impl PartialEq<$t> for $ty {
            fn eq(&self, other: &$t) -> bool {
                self.as_str() == AsRef::<str>::as_ref(other)
            }
        }
        impl PartialEq<$ty> for $t {
            fn eq(&self, other: &$ty) -> bool {
                AsRef::<str>::as_ref(self) == other.as_str()
            }
        }
    )*};
}

pub(crate) use reads_as_str;

reads_as_str!(DecimalText);
// An `Amount` writes itself without keeping the text (below); compared with a text, it keeps it.
reads_as_str!(@eq Amount: str, &str, String);

/// A decimal as a quote shows it, kept exact and formatted only when it is read or written: the value,
/// and whether it is shown plain ([`DecimalText::plain`]: without trailing zeros) or with exactly its
/// scale's places ([`DecimalText::new`]). What a quote line's amounts, its subtotals and the quote's
/// totals are, so that pricing formats nothing (a quote written as JSON formats each amount once, into
/// the output). It reads as the text: `Display`, `Serialize` and `Debug` give it, it compares equal to
/// the same text as a `str`, `&str` or `String` (either way round) and to an `Amount` of the same text,
/// and [`Amount::as_str`] (or `Deref`) borrows it, formatting it on the first borrow and keeping it (so
/// an `Amount` is `Clone`, not `Copy`).
#[derive(Clone)]
pub struct Amount {
    value: Decimal,
    plain: bool,
    /// The text, once borrowed.
    text: OnceLock<DecimalText>,
}

impl Amount {
    /// `value` shown with exactly its scale's places ([`text`]).
    pub fn new(value: Decimal) -> Self {
        Amount { value, plain: false, text: OnceLock::new() }
    }

    /// `value` shown without trailing zeros ([`plain`]).
    pub fn plain(value: Decimal) -> Self {
        Amount { value, plain: true, text: OnceLock::new() }
    }

    /// The exact value whose text this is (normalized when shown plain).
    pub fn value(&self) -> Decimal {
        if self.plain {
            self.value.normalize()
        } else {
            self.value
        }
    }

    /// The text, held inline.
    pub fn text(&self) -> DecimalText {
        match self.text.get() {
            Some(t) => *t,
            None => DecimalText::write(self.value, self.plain),
        }
    }

    /// The text, borrowed: formatted on the first call and kept.
    pub fn as_str(&self) -> &str {
        self.text.get_or_init(|| DecimalText::write(self.value, self.plain)).as_str()
    }
}

impl std::ops::Deref for Amount {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Amount {
    fn eq(&self, other: &Amount) -> bool {
        self.text() == other.text()
    }
}

impl Eq for Amount {}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().as_str())
    }
}

impl std::fmt::Debug for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.text().as_str(), f)
    }
}

impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.text().as_str())
    }
}

impl From<Amount> for String {
    fn from(a: Amount) -> String {
        a.text().as_str().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn minor_units_come_from_iso_4217() {
        let cases = [
            ("USD", Some(2)),
            ("EUR", Some(2)),
            ("JPY", Some(0)),
            ("KWD", Some(3)),
            ("BHD", Some(3)),
            ("XAU", None),
            ("ZZZ", None),
            ("usd", None),
        ];
        for (code, want) in cases {
            assert_eq!(iso_minor_units(code), want, "{code}");
        }
    }

    #[test]
    fn text_is_display() {
        let cases = [
            "0",
            "0.00",
            "0.05",
            "1",
            "12.50",
            "-3.2",
            "1200",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "18446744073709551616",
        ];
        for case in cases {
            assert_eq!(text(d(case)), d(case).to_string(), "{case}");
        }
        let negative_zero = -Decimal::ZERO;
        assert_eq!(text(negative_zero), negative_zero.to_string());
    }

    #[test]
    fn plain_text_is_normalized_display() {
        let mut cases: Vec<Decimal> = [
            "0",
            "0.000",
            "-0.00",
            "0.050",
            "1.0",
            "12.500",
            "-3.20",
            "1200",
            "1200.00",
            "100.000100",
            "0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "7922816251426433759354395033.50",
            "18446744073709551615.0",
            "18446744073709551616.00",
            "-18446744073709551620",
        ]
        .iter()
        .map(|c| d(c))
        .collect();
        cases.push(-Decimal::ZERO);
        cases.push(Decimal::new(-0, 3));
        // Every scale of a few mantissas, both signs.
        for m in [0i64, 1, 10, 120, 1_000_000, 123_456_789_000, i64::MAX, i64::MIN + 1] {
            for scale in 0..=28 {
                cases.push(Decimal::new(m, scale));
            }
        }
        for v in cases {
            assert_eq!(DecimalText::plain(v).as_str(), v.normalize().to_string(), "{v:?}");
            assert_eq!(DecimalText::new(v).as_str(), v.to_string(), "{v:?}");
        }
    }

    #[test]
    fn an_amount_reads_as_its_text() {
        for (text, plain, shown) in [("12.500", true, "12.5"), ("12.500", false, "12.500"), ("-0.00", true, "0")] {
            let a = if plain { Amount::plain(d(text)) } else { Amount::new(d(text)) };
            let case = format!("{text} plain: {plain}");
            assert_eq!(a.to_string(), shown, "{case}");
            assert_eq!(format!("{a:?}"), format!("{shown:?}"), "{case}");
            assert_eq!(a.text().as_str(), shown, "{case}");
            // Both ways round, with a `&str`, a `str` and a `String`.
            assert_eq!(a, shown, "{case}");
            assert_eq!(shown, a, "{case}");
            assert_eq!(a, *shown, "{case}");
            assert_eq!(a, shown.to_string(), "{case}");
            assert_eq!(shown.to_string(), a, "{case}");
            assert_eq!(a.value().to_string(), shown, "{case}");
            // Formatted on the first borrow and kept; a clone keeps it.
            assert_eq!((a.as_str(), &*a, a.clone().as_str()), (shown, shown, shown), "{case}");
            assert_eq!(String::from(a.clone()), shown, "{case}");
        }
        // Equal when the text is: 1.5 and 1.50 are one number but two texts.
        assert_eq!(Amount::plain(d("1.50")), Amount::new(d("1.5")));
        assert_ne!(Amount::new(d("1.50")), Amount::new(d("1.5")));
    }

    #[test]
    fn rounding_table() {
        // (value, dp, strategy, expected)
        let cases = [
            ("0.125", 2, Rounding::HalfUp, "0.13"),
            ("0.1249999", 2, Rounding::HalfUp, "0.12"),
            ("0.125", 2, Rounding::HalfEven, "0.12"),
            ("0.135", 2, Rounding::HalfEven, "0.14"),
            ("0.121", 2, Rounding::Up, "0.13"),
            ("0.129", 2, Rounding::Down, "0.12"),
            ("2.5", 2, Rounding::HalfUp, "2.50"),
            ("149.5", 0, Rounding::HalfUp, "150"),
            ("149.4999", 0, Rounding::HalfUp, "149"),
            ("1.0005", 3, Rounding::HalfUp, "1.001"),
            ("1.0004999", 3, Rounding::HalfUp, "1.000"),
        ];
        for (value, dp, rounding, want) in cases {
            assert_eq!(rounding.round(d(value), dp).to_string(), want, "{value} at {dp} with {rounding:?}");
        }
    }

    #[test]
    fn round_quotient_table() {
        // (numerator, divisor, dp, [half_up, half_even, up, down])
        let cases = [
            ("0.3", 60, 4, ["0.0050", "0.0050", "0.0050", "0.0050"]),
            ("0.3", 60, 2, ["0.01", "0.00", "0.01", "0.00"]),
            ("0.9", 60, 2, ["0.02", "0.02", "0.02", "0.01"]),
            ("61", 60, 2, ["1.02", "1.02", "1.02", "1.01"]),
            ("149.5", 1, 0, ["150", "150", "150", "149"]),
            ("148.5", 1, 0, ["149", "148", "149", "148"]),
            ("0", 60, 3, ["0.000", "0.000", "0.000", "0.000"]),
            // Just below a tie, further out than 28 significant digits.
            ("7.4999999999999999999999999999", 60, 2, ["0.12", "0.12", "0.13", "0.12"]),
            ("728.8947", 60, 3, ["12.148", "12.148", "12.149", "12.148"]),
        ];
        let modes = [Rounding::HalfUp, Rounding::HalfEven, Rounding::Up, Rounding::Down];
        for (n, div, dp, want) in cases {
            for (mode, want) in modes.iter().zip(want) {
                let got = mode.round_quotient(d(n), div, dp).map(|v| v.to_string());
                assert_eq!(got.as_deref(), Some(want), "{n} / {div} at {dp} with {mode:?}");
            }
        }
        assert_eq!(Rounding::HalfUp.round_quotient(d("-1"), 60, 2), None);
        // Why the quotient is not taken with a decimal division: its 28 digits reach the tie and round up.
        let lossy = d("7.4999999999999999999999999999") / Decimal::from(60);
        assert_eq!(Rounding::HalfUp.round(lossy, 2).to_string(), "0.13");
    }

    #[test]
    fn parse_decimal_table() {
        use DecimalProblem::*;
        let cases: [(&str, Result<&str, DecimalProblem>); 25] = [
            ("1200", Ok("1200")),
            ("0.5", Ok("0.5")),
            ("007.50", Ok("7.50")),
            ("-1", Err(Negative)),
            ("-1.5", Err(Negative)),
            ("-abc", Err(NotANumber)),
            ("", Err(NotANumber)),
            ("-", Err(NotANumber)),
            (".", Err(NotANumber)),
            ("1e3", Err(NotANumber)),
            (" 1", Err(NotANumber)),
            ("+1", Err(NotANumber)),
            ("1.", Err(NotANumber)),
            ("-1.", Err(NotANumber)),
            (".5", Err(NotANumber)),
            ("1.2.3", Err(NotANumber)),
            ("1..2", Err(NotANumber)),
            ("1.1234567", Err(TooManyDecimals)),
            ("1.1234567x", Err(NotANumber)),
            ("9999999999999999999", Ok("9999999999999999999")),
            ("18446744073709551616.5", Ok("18446744073709551616.5")),
            ("0000000000000000000000000000001.25", Ok("1.25")),
            ("79228162514264337593543950335", Ok("79228162514264337593543950335")),
            ("79228162514264337593543950336", Err(TooLong)),
            ("99999999999999999999999999999999", Err(TooLong)),
        ];
        for (text, want) in cases {
            let got = parse_decimal(text, 6).map(|v| v.to_string());
            assert_eq!(got, want.map(str::to_string), "{text:?}");
        }
    }
}
