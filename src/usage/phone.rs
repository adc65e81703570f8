//! Telephone numbers of a usage report: the country of an E.164 number by its country calling code, and
//! whether it is a mobile or a landline number where the national numbering plan says so by its leading
//! digits.
//!
//! # How far the classification goes
//!
//! A number is read as international when it starts with `+` or `00` (after `tel:`, spaces, dashes,
//! dots and parentheses are dropped); masked digits (`*`) are allowed only at the end. Its country is
//! the longest matching prefix of `data/calling-codes.tsv`: one to three digits for most codes, four
//! for the North American Numbering Plan, where `+1` is the United States unless the area code belongs
//! to Canada or one of the Caribbean and Pacific members listed there, and `+76`/`+77` is Kazakhstan
//! rather than Russia. Shared codes go to their main country (`+44` is GB with Jersey, Guernsey and the
//! Isle of Man; `+262` RE with Mayotte; `+590` GP; `+599` CW; `+47` NO; `+61` AU; `+358` FI).
//!
//! Mobile or landline is decided only for the countries of [`PLANS`], from the leading digits of the
//! national number (after the country code), the longest listed prefix winning; a prefix listed as
//! neither (freephone, premium, personal numbers) and every other country give no answer, and the call
//! is an unclassified dial-out. Notably the North American plan (mobile and landline numbers share area
//! codes), India (Bangalore's landlines start with 80 as mobiles start with 8), Mexico (no distinction
//! since 2019), Denmark and Brazil are not classified.

use std::sync::OnceLock;

/// Calling-code prefixes and ISO 3166-1 codes (`data/calling-codes.tsv`).
const CALLING_CODES: &str = include_str!("../../data/calling-codes.tsv");

/// The numbering plans whose leading digits tell mobile from landline: (country, mobile prefixes,
/// landline prefixes, prefixes that are neither). Prefixes are of the national significant number.
pub const PLANS: &[(&str, &str, &str, &str)] = &[
    ("AE", "5", "2 3 4 6 7 9", "800"),
    ("AT", "65 66 67 68 69", "1 2 3 4 5 7", ""),
    ("AU", "4", "2 3 7 8", ""),
    ("BE", "46 47 48 49", "1 2 3 5 6 7 9", ""),
    ("CH", "75 76 77 78 79", "2 3 4 5 6 71 81 91", ""),
    ("CN", "1", "2 3 4 5 6 7 8 9", "400 800"),
    ("CZ", "60 70 72 73 77 79", "2 3 4 5", ""),
    ("DE", "15 16 17", "2 3 4 5 6 7 8 9", ""),
    ("ES", "6 7", "8 9", "800 900"),
    ("FI", "4 50", "13 14 15 16 17 19 2 3 5 6 8 9", "10 20 30 75 800"),
    ("FR", "6 7", "1 2 3 4 5 9", ""),
    ("GB", "71 72 73 74 75 77 78 79", "1 2 3", ""),
    ("GR", "69", "2", ""),
    ("HK", "5 6 9", "2 3", "800"),
    ("HU", "20 30 31 50 70", "1 2 3 4 5 6 7 8 9", "80"),
    ("IE", "83 85 86 87 89", "1 2 4 5 6 7 9", ""),
    ("IL", "5", "2 3 4 8 9", ""),
    ("IT", "3", "0", ""),
    ("JP", "70 80 90", "1 2 3 4 5 6 7 8 9", "20 50 60 120 800"),
    ("KR", "10", "2 3 4 5 6", "70 80"),
    ("NL", "61 62 63 64 65 68", "1 2 3 4 5 7", ""),
    ("NO", "4 9", "2 3 5 6 7", ""),
    ("NZ", "2", "3 4 6 7 9", ""),
    ("PL", "45 50 51 53 57 60 66 69 72 73 78 79 88", "1 2 3 4 5 6 7 8 9", "70 80"),
    ("PT", "91 92 93 96", "2", ""),
    ("RO", "7", "2 3", ""),
    ("RU", "9", "3 4 8", "80"),
    ("SE", "70 72 73 76 79", "1 2 3 4 5 6 8 9", ""),
    ("SG", "8 9", "6", "800"),
    ("TR", "5", "2 3 4", ""),
    ("ZA", "6 7 81 82 83 84", "1 2 3 4 5", "80 86"),
];

/// What the leading digits of a national number say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A mobile number.
    Mobile,
    /// A fixed-line number.
    Landline,
}

/// An international number read from a report field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number<'a> {
    /// The digits after `+` (or `00`), without the masked ones.
    pub digits: &'a str,
}

/// Reads `field` as an international number into `buf` (cleared first); `None` when it is not one.
pub fn parse<'b>(field: &[u8], buf: &'b mut String) -> Option<Number<'b>> {
    buf.clear();
    let field = field.strip_prefix(b"tel:").unwrap_or(field);
    let mut masked = false;
    let mut plus = false;
    for &b in field {
        match b {
            b'+' if buf.is_empty() && !plus => plus = true,
            b'0'..=b'9' if !masked => buf.push(char::from(b)),
            b'*' | b'x' | b'X' => masked = true,
            b' ' | b'-' | b'.' | b'(' | b')' | b'\t' => {}
            _ => return None,
        }
    }
    if !plus {
        // `00` is the international prefix of most countries' dialling.
        if !buf.starts_with("00") {
            return None;
        }
        buf.replace_range(..2, "");
    }
    (!buf.is_empty()).then_some(Number { digits: buf.as_str() })
}

/// The sorted prefixes of [`CALLING_CODES`].
fn codes() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Vec<_> = CALLING_CODES.lines().skip(1).filter_map(|l| l.split_once('\t')).collect();
        t.sort_unstable();
        t
    })
}

/// The country (ISO 3166-1 alpha-2) of `number` and the length of its calling code.
pub fn country(number: Number) -> Option<(&'static str, usize)> {
    let table = codes();
    (1..=4.min(number.digits.len())).rev().find_map(|n| {
        let prefix = &number.digits[..n];
        let at = table.binary_search_by(|(p, _)| (*p).cmp(prefix)).ok()?;
        // A NANP area code's four digits are the country, but `+1` is still the calling code.
        let code_len = if number.digits.starts_with('1') { 1 } else { n };
        Some((table[at].1, code_len))
    })
}

/// Mobile or landline, from the national number (`digits` after the calling code) of `country`'s plan.
pub fn classify(country: &str, national: &str) -> Option<Line> {
    let (_, mobile, landline, neither) = PLANS.iter().find(|p| p.0 == country)?;
    let longest = |list: &str| {
        list.split(' ').filter(|p| !p.is_empty() && national.starts_with(p)).map(str::len).max().unwrap_or(0)
    };
    let (m, l, n) = (longest(mobile), longest(landline), longest(neither));
    match m.max(l).max(n) {
        0 => None,
        best if best == n => None,
        best if best == m => Some(Line::Mobile),
        _ => Some(Line::Landline),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, Option<(&'static str, usize)>)> {
        let mut buf = String::new();
        let n = parse(text.as_bytes(), &mut buf)?;
        Some((n.digits.to_string(), country(n)))
    }

    #[test]
    fn numbers_and_their_countries() {
        type Case<'a> = (&'a str, Option<(&'a str, &'a str, usize)>);
        let cases: &[Case] = &[
            ("+4930123456", Some(("4930123456", "DE", 2))),
            ("+4930123***", Some(("4930123", "DE", 2))),
            ("0049 30 123456", Some(("4930123456", "DE", 2))),
            ("tel:+44 20 7946 0000", Some(("442079460000", "GB", 2))),
            ("+1 (416) 555-0100", Some(("14165550100", "CA", 1))),
            ("+12125550100", Some(("12125550100", "US", 1))),
            ("+17875550100", Some(("17875550100", "PR", 1))),
            ("+74951234567", Some(("74951234567", "RU", 1))),
            ("+77012345678", Some(("77012345678", "KZ", 2))),
            ("+353861234567", Some(("353861234567", "IE", 3))),
            ("+1", Some(("1", "US", 1))),
        ];
        for (text, want) in cases {
            let got = read(text);
            let want = want.map(|(d, c, n)| (d.to_string(), Some((c, n))));
            assert_eq!(got, want, "{text}");
        }
        for bad in ["", "030123456", "+49 30 12a", "+", "Germany", "+49*30"] {
            let got = read(bad);
            assert!(got.is_none() || got.as_ref().is_some_and(|g| g.0 == "49"), "{bad}: {got:?}");
        }
    }

    #[test]
    fn mobile_or_landline_by_plan() {
        let cases = [
            ("DE", "1701234567", Some(Line::Mobile)),
            ("DE", "30123456", Some(Line::Landline)),
            ("DE", "1801234", None),
            ("GB", "7700900123", Some(Line::Mobile)),
            ("GB", "7012345678", None),
            ("GB", "2079460000", Some(Line::Landline)),
            ("FR", "612345678", Some(Line::Mobile)),
            ("JP", "8012345678", Some(Line::Mobile)),
            ("JP", "8001234567", None),
            ("JP", "312345678", Some(Line::Landline)),
            ("US", "2125550100", None),
            ("DE", "", None),
        ];
        for (country, national, want) in cases {
            assert_eq!(classify(country, national), want, "{country} {national}");
        }
    }

    #[test]
    fn the_tables_name_real_countries() {
        for (_, code) in codes() {
            assert!(crate::card::is_country_code(code), "{code}");
        }
        for (code, ..) in PLANS {
            assert!(crate::card::is_country_code(code), "{code}");
        }
    }
}
