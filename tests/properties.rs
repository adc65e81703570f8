//! Property tests of the rating core:
//!
//! - the total is the exact sum of the line costs (and of the subtotals);
//! - a line's cost never decreases when its minutes grow, with and without calls;
//! - arbitrary requests (random text and numbers in every field) never panic, and fail only with an error
//!   whose path names a request field.

use std::str::FromStr;
use std::sync::OnceLock;

use audioconf_pricing::{builtin, quote, LineRequest, Number, QuoteRequest, RateCard, RateCardData};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn builtin_card() -> &'static RateCard {
    static CARD: OnceLock<RateCard> = OnceLock::new();
    CARD.get_or_init(builtin::rate_card)
}

/// The purpose-built card of `tests/semantics.rs`: 30-second increments, connection fees, half-even.
fn test_card() -> &'static RateCard {
    static CARD: OnceLock<RateCard> = OnceLock::new();
    CARD.get_or_init(|| {
        let data = RateCardData::parse(include_str!("cards/test-card.json")).expect("test card");
        RateCard::new(data).expect("valid test card")
    })
}

fn cards() -> [&'static RateCard; 2] {
    [builtin_card(), test_card()]
}

/// Every offered (country, kind) of a card.
fn offered(card: &RateCard) -> Vec<(String, &'static str)> {
    card.countries().iter().flat_map(|c| c.offered().map(move |k| (c.code.clone(), k.name()))).collect()
}

fn offered_of(card: usize) -> &'static [(String, &'static str)] {
    static OFFERED: OnceLock<[Vec<(String, &'static str)>; 2]> = OnceLock::new();
    &OFFERED.get_or_init(|| cards().map(offered))[card]
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Valid minutes: 0 to 10^9 with 0 to 6 decimals, biased towards small values.
fn minutes() -> impl Strategy<Value = Decimal> {
    let whole = prop_oneof![
        3 => 0u64..100,
        3 => 0u64..100_000,
        2 => 0u64..1_000_000_000,
        1 => Just(1_000_000_000u64),
    ];
    (whole, 0u32..=6, any::<u64>()).prop_map(|(w, dp, f)| {
        let frac = if w == 1_000_000_000 || dp == 0 { 0 } else { f % 10u64.pow(dp) };
        Decimal::from(w) + Decimal::new(frac as i64, dp)
    })
}

fn calls() -> impl Strategy<Value = Option<u64>> {
    prop_oneof![
        2 => Just(None),
        1 => (1u64..10).prop_map(Some),
        1 => (1u64..100_000).prop_map(Some),
        1 => (1u64..=1_000_000_000).prop_map(Some),
    ]
}

fn line(country: &str, kind: &str, minutes: Decimal, calls: Option<u64>) -> LineRequest {
    LineRequest {
        country: country.to_string(),
        kind: kind.to_string(),
        minutes: Number::from(minutes.to_string().as_str()),
        calls: calls.map(|c| Number::from(c.to_string().as_str())),
    }
}

/// A valid request against card 0 (built-in) or 1 (test card).
fn valid_request() -> impl Strategy<Value = (usize, QuoteRequest)> {
    (0usize..2).prop_flat_map(|card| {
        let pairs = offered_of(card).len();
        let currencies = cards()[card].currencies().len();
        let lines = prop::collection::vec((0..pairs, minutes(), calls()), 0..8);
        let users = prop_oneof![Just(None), (1u64..=10_000).prop_map(Some)];
        (Just(card), 0..currencies, users, lines).prop_map(|(card, cur, users, lines)| {
            let request = QuoteRequest {
                currency: Some(cards()[card].currencies()[cur].code.clone()),
                users: users.map(|u| Number::from(u.to_string().as_str())),
                lines: lines
                    .into_iter()
                    .map(|(p, m, c)| {
                        let (country, kind) = &offered_of(card)[p];
                        line(country, kind, m, c)
                    })
                    .collect(),
                ..QuoteRequest::default()
            };
            (card, request)
        })
    })
}

/// A JSON number or value as written in a request: integers of any size and sign, fractions, exponents,
/// strings that are or are not decimals, and other JSON types.
fn json_number() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u64..2_000_000_000).prop_map(|n| n.to_string()),
        2 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => "[0-9]{19,40}",
        1 => "-?[0-9]{1,12}\\.[0-9]{1,9}",
        1 => "-?[0-9]{1,3}(\\.[0-9]{1,3})?[eE][+-]?[0-9]{1,3}",
        4 => "-?[0-9]{0,12}(\\.[0-9]{0,9})?".prop_map(|s| json_string(&s)),
        2 => ".{0,20}".prop_map(|s| json_string(&s)),
        1 => prop_oneof![Just("null".to_string()), Just("true".to_string()), Just("[]".to_string()), Just("{}".to_string())],
    ]
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

fn country_code() -> impl Strategy<Value = String> {
    let codes: Vec<String> = builtin_card().countries().iter().map(|c| c.code.clone()).collect();
    prop_oneof![
        6 => prop::sample::select(codes.clone()),
        1 => prop::sample::select(codes).prop_map(|c| c.to_ascii_lowercase()),
        1 => "[A-Z]{2}",
        1 => ".{0,6}",
    ]
}

fn kind() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(vec!["toll", "toll_free", "dial_out_landline", "dial_out_mobile"]).prop_map(str::to_string),
        1 => prop::sample::select(vec!["", "Toll", "TOLL_FREE", "dial_out", "fax", "toll "]).prop_map(str::to_string),
        1 => ".{0,12}",
    ]
}

fn currency() -> impl Strategy<Value = String> {
    let codes: Vec<String> = builtin_card().currencies().iter().map(|c| c.code.clone()).collect();
    prop_oneof![
        6 => prop::sample::select(codes),
        1 => prop::sample::select(vec!["usd", "eur", "XAU", "XXX", "ZZZ", "", "EURO"]).prop_map(str::to_string),
        1 => ".{0,5}",
    ]
}

/// One JSON line: every field random, each sometimes absent.
fn json_line() -> impl Strategy<Value = String> {
    (
        prop::option::weighted(0.95, country_code()),
        prop::option::weighted(0.95, kind()),
        prop::option::weighted(0.95, json_number()),
        prop::option::weighted(0.5, json_number()),
    )
        .prop_map(|(country, kind, minutes, calls)| {
            let mut fields = Vec::new();
            if let Some(c) = country {
                fields.push(format!("\"country\":{}", json_string(&c)));
            }
            if let Some(k) = kind {
                fields.push(format!("\"kind\":{}", json_string(&k)));
            }
            if let Some(m) = minutes {
                fields.push(format!("\"minutes\":{m}"));
            }
            if let Some(c) = calls {
                fields.push(format!("\"calls\":{c}"));
            }
            format!("{{{}}}", fields.join(","))
        })
}

fn json_request() -> impl Strategy<Value = String> {
    (
        prop::option::weighted(0.7, currency()),
        prop::option::weighted(0.5, json_number()),
        prop::option::of(any::<bool>()),
        prop::collection::vec(json_line(), 0..6),
    )
        .prop_map(|(currency, users, skip, lines)| {
            let mut fields = Vec::new();
            if let Some(c) = currency {
                fields.push(format!("\"currency\":{}", json_string(&c)));
            }
            if let Some(u) = users {
                fields.push(format!("\"users\":{u}"));
            }
            if let Some(s) = skip {
                fields.push(format!("\"skip_unavailable\":{s}"));
            }
            fields.push(format!("\"lines\":[{}]", lines.join(",")));
            format!("{{{}}}", fields.join(","))
        })
}

/// A request built directly from random text in every field (no JSON in between).
fn text_request() -> impl Strategy<Value = QuoteRequest> {
    let number = prop_oneof![
        3 => "[0-9]{1,10}(\\.[0-9]{1,7})?",
        1 => "-[0-9]{1,4}",
        1 => ".{0,12}",
    ];
    let line = (country_code(), kind(), number.clone(), prop::option::of(number.clone())).prop_map(
        |(country, kind, minutes, calls)| LineRequest {
            country,
            kind,
            minutes: Number::from(minutes.as_str()),
            calls: calls.map(|c| Number::from(c.as_str())),
        },
    );
    (prop::option::of(currency()), prop::option::of(number), any::<bool>(), prop::collection::vec(line, 0..6)).prop_map(
        |(currency, users, skip_unavailable, lines)| QuoteRequest {
            currency,
            users: users.map(|u| Number::from(u.as_str())),
            skip_unavailable,
            lines,
        },
    )
}

fn path_is_a_request_field(path: &str) -> bool {
    path.is_empty() || path.starts_with("lines[") || path.starts_with("currency") || path.starts_with("users")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn total_is_the_exact_sum_of_line_costs((card, request) in valid_request()) {
        let q = quote(cards()[card], &request).map_err(|e| TestCaseError::fail(format!("{e}")))?;
        let lines: Decimal = q.lines.iter().map(|l| dec(&l.cost)).sum();
        prop_assert_eq!(dec(&q.total), lines);
        let by_country: Decimal = q.by_country.iter().map(|s| dec(&s.cost)).sum();
        let by_kind: Decimal = q.by_kind.iter().map(|s| dec(&s.cost)).sum();
        prop_assert_eq!(dec(&q.total), by_country);
        prop_assert_eq!(dec(&q.total), by_kind);
        // Every amount is shown with exactly the currency's decimal places.
        for amount in q.lines.iter().map(|l| &l.cost).chain([&q.total]) {
            let places = amount.split_once('.').map_or(0, |(_, f)| f.len());
            prop_assert_eq!(places as u32, q.minor_units, "{}", amount);
        }
        if let Some(c) = &q.comparison {
            prop_assert_eq!(&c.pay_per_minute_total, &q.total);
            prop_assert_eq!(dec(&c.licence_total), dec(&c.licence_cost) + dec(&c.licence_usage_cost));
        }
    }

    #[test]
    fn cost_never_decreases_when_minutes_grow(
        card in 0usize..2,
        pair in any::<prop::sample::Index>(),
        cur in any::<prop::sample::Index>(),
        a in minutes(),
        b in minutes(),
        calls in calls(),
    ) {
        let card_ref = cards()[card];
        let (country, kind) = pair.get(offered_of(card));
        let currency = cur.get(card_ref.currencies()).code.clone();
        let (small, large) = if a <= b { (a, b) } else { (b, a) };
        let cost = |m: Decimal| {
            let r = QuoteRequest {
                currency: Some(currency.clone()),
                lines: vec![line(country, kind, m, calls)],
                ..QuoteRequest::default()
            };
            quote(card_ref, &r).map(|q| dec(&q.total)).map_err(|e| TestCaseError::fail(format!("{e}")))
        };
        let (c_small, c_large) = (cost(small)?, cost(large)?);
        prop_assert!(
            c_small <= c_large,
            "{country} {kind} in {currency} with calls {calls:?}: {small} min cost {c_small}, {large} min cost {c_large}"
        );
    }

    #[test]
    fn arbitrary_json_requests_never_panic(json in json_request()) {
        match audioconf_pricing::request::parse(&json) {
            Err(e) => prop_assert!(path_is_a_request_field(&e.path), "{json}: {e}"),
            Ok(request) => {
                for card in cards() {
                    if let Err(e) = quote(card, &request) {
                        prop_assert!(path_is_a_request_field(&e.path), "{json}: {e}");
                        prop_assert!(!e.message.is_empty(), "{json}");
                    }
                }
            }
        }
    }

    #[test]
    fn arbitrary_text_requests_never_panic(request in text_request()) {
        for card in cards() {
            if let Err(e) = quote(card, &request) {
                prop_assert!(path_is_a_request_field(&e.path), "{request:?}: {e}");
            }
        }
    }
}
